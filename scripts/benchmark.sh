#!/usr/bin/env bash
# The benchmark as the app is deployed: published self-contained for this machine, the app and the framework precompiled
# as one composite ReadyToRun image (Portal.Web.csproj), then run.
#   scripts/benchmark.sh --clients 1000,20000,50000 [--provider postgres --connection "Host=…;Username=…"]
# `dotnet run -c Release --project Portal.Benchmarks -- …` runs the same phases on a JIT-only build (docs/benchmarks.md).
# The composite image takes about three minutes to compile on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
# Inside the repository: the hosted app finds its content root by walking up to Portal.sln.
out=Portal.Benchmarks/bin/published
rid=$(dotnet --info | awk '/^ *RID:/ { print $2; exit }')
rm -rf "$out"
dotnet publish Portal.Benchmarks -c Release -r "$rid" --self-contained -o "$out" -nologo -v quiet >/dev/null
"$out/Portal.Benchmarks" "$@"
