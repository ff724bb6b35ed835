#!/usr/bin/env bash
# Runs every test of the portal (unit, bUnit, integration and Playwright E2E in headless Chromium),
# installing what the tests need first. Ends with the line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"

if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = "0" ]; then
    echo "Installing Debian's chromium for the E2E tests…"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null || { echo "Could not install chromium."; exit 1; }
  else
    echo "The E2E tests need Debian's chromium at /usr/bin/chromium: run 'sudo apt-get install chromium', then ./test.sh again."
    exit 1
  fi
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet tool restore >/dev/null || exit 1
# Warnings are errors (Directory.Build.props), so a warning fails here.
dotnet build Portal.sln -c Release || exit 1

mkdir -p test-results
log=test-results/test-output.log
dotnet test --project Portal.Tests -c Release --no-build 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

total=$(grep -E '^\s*total:' "$log" | tail -n 1 | grep -oE '[0-9]+' || echo 0)
failed=$(grep -E '^\s*failed:' "$log" | tail -n 1 | grep -oE '[0-9]+' || echo 0)
passed=$(grep -E '^\s*succeeded:' "$log" | tail -n 1 | grep -oE '[0-9]+' || echo 0)
if [ "$status" -ne 0 ] && [ "$failed" = "0" ]; then failed=1; fi
echo "${passed:-0} passed, ${failed:-0} failed"
if [ "${total:-0}" = "0" ]; then echo "No tests ran."; exit 1; fi
exit "$status"
