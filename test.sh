#!/usr/bin/env bash
# Runs every test of the portal (unit, bUnit, integration and Playwright E2E in headless Chromium) on SQLite, then the
# integration suite again on a throwaway PostgreSQL (with the tests only PostgreSQL can run: two nodes on one database),
# installing what the tests need first. Ends with the line "N passed, N failed", summing both passes.
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

# shellcheck source=scripts/throwaway-postgres.sh
source scripts/throwaway-postgres.sh
trap pg_throwaway_stop EXIT
unset PORTAL_TEST_POSTGRES
# A PostgreSQL that cannot start fails the run (below), never skips its tests.
pg_throwaway_start || echo "Could not start a throwaway PostgreSQL: the PostgreSQL pass fails."
pg_connection=${PORTAL_TEST_POSTGRES:-}
unset PORTAL_TEST_POSTGRES

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet tool restore >/dev/null || exit 1
# Warnings are errors (Directory.Build.props), so a warning fails here.
dotnet build Portal.sln -c Release || exit 1

mkdir -p test-results
passed_sum=0 failed_sum=0 total_sum=0 status_all=0

# Adds one pass's counts (from its log) to the sums; a pass that failed without a failed test counts one failure.
count_pass() {
  local log=$1 status=$2 total failed passed
  total=$(grep -E '^\s*total:' "$log" | tail -n 1 | grep -oE '[0-9]+' || echo 0)
  failed=$(grep -E '^\s*failed:' "$log" | tail -n 1 | grep -oE '[0-9]+' || echo 0)
  passed=$(grep -E '^\s*succeeded:' "$log" | tail -n 1 | grep -oE '[0-9]+' || echo 0)
  if [ "$status" -ne 0 ] && [ "${failed:-0}" = "0" ]; then failed=1; fi
  passed_sum=$((passed_sum + ${passed:-0})); failed_sum=$((failed_sum + ${failed:-0})); total_sum=$((total_sum + ${total:-0}))
  if [ "$status" -ne 0 ]; then status_all=$status; fi
}

echo "== SQLite: every test =="
log=test-results/test-output.log
dotnet test --project Portal.Tests -c Release --no-build -- --filter-not-trait "Category=Postgres" 2>&1 | tee "$log"
count_pass "$log" "${PIPESTATUS[0]}"

echo "== PostgreSQL: the integration suite and the multi-node tests =="
log=test-results/test-output-postgres.log
# Each test gets its own database on the throwaway server. The browser journeys stay on the SQLite pass: they test pages,
# not the database, and would double the run's time.
PORTAL_TEST_POSTGRES=$pg_connection dotnet test --project Portal.Tests -c Release --no-build -- \
  --filter-namespace "Portal.Data*" --filter-namespace "Portal.Import*" --filter-namespace "Portal.Sync*" \
  --filter-namespace "Portal.Clients*" --filter-namespace "Portal.LinkedClients*" --filter-namespace "Portal.Xpm*" --filter-namespace "Portal.ScaleOut*" \
  --filter-not-trait "Category=E2E" 2>&1 | tee "$log"
pg_status=${PIPESTATUS[0]}
if [ -z "$pg_connection" ]; then pg_status=1; fi
count_pass "$log" "$pg_status"

# The failed tests' names again, just above the summary: a CI log is often read from its tail.
grep -hE '^\s*failed [^:]' test-results/test-output.log test-results/test-output-postgres.log 2>/dev/null | sed 's/^\s*/FAILED: /' || true
echo "${passed_sum} passed, ${failed_sum} failed"
if [ "$total_sum" = "0" ]; then echo "No tests ran."; exit 1; fi
exit "$status_all"
