#!/usr/bin/env bash
# The benchmark as the app is deployed: published and precompiled (ReadyToRun), then run.
#   scripts/benchmark.sh --clients 1000,20000,50000 [--provider postgres --connection "Host=…;Username=…"]
# `dotnet run -c Release --project Portal.Benchmarks -- …` runs the same phases on a JIT-only build (docs/benchmarks.md).
set -euo pipefail
cd "$(dirname "$0")/.."
# Inside the repository: the hosted app finds its content root by walking up to Portal.sln.
out=Portal.Benchmarks/bin/published
rm -rf "$out"
dotnet publish Portal.Benchmarks -c Release -o "$out" -nologo -v quiet >/dev/null
"$out/Portal.Benchmarks" "$@"
