#!/usr/bin/env bash
# Runs every FlowStudio test (unit, integration, component and browser tests) on SQLite, then the Web tests (API and
# components over the real app) a second time on PostgreSQL, and ends with "N passed, N failed" over both.
# Installs what a package can give when it is missing: Debian's Chromium for the browser tests, Debian's PostgreSQL for
# the PostgreSQL pass (the tests start a throwaway cluster of their own on a free loopback port).
set -uo pipefail
cd "$(dirname "$0")/.."

sudo_cmd=""
if [ "$(id -u)" != "0" ]; then sudo_cmd="sudo"; fi

if [ ! -x /usr/bin/chromium ]; then
  echo "Chromium is missing: installing Debian's chromium package for the browser tests..."
  $sudo_cmd apt-get update -qq && $sudo_cmd env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null \
    || { echo "Could not install chromium (apt-get install -y chromium)."; exit 1; }
fi

postgres_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
if [ -z "$(postgres_bin)" ]; then
  echo "PostgreSQL is missing: installing Debian's postgresql package for the PostgreSQL test pass..."
  $sudo_cmd apt-get update -qq && $sudo_cmd env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null \
    || echo "Could not install postgresql (apt-get install -y postgresql)."
fi

results=$(mktemp -d)
dotnet build FlowStudio.sln -c Debug -nologo -v quiet || { echo "0 passed, 1 failed"; exit 1; }
# The unit, integration and component tests run side by side; the browser tests then run alone, so a loaded machine
# does not slow the server they drive.
for project in tests/FlowStudio.Engine.Tests tests/FlowStudio.Sandbox.Tests tests/FlowStudio.Web.Tests; do
  dotnet test "$project" --no-build -nologo --logger "trx" --logger "console;verbosity=minimal" --results-directory "$results" &
done
status=0
for job in $(jobs -p); do wait "$job" || status=1; done
dotnet test tests/FlowStudio.E2E --no-build -nologo --logger "trx" --logger "console;verbosity=minimal" --results-directory "$results" || status=1

# PostgreSQL refuses to run as root: as root the tests run its tools as the postgres user the package creates.
if [ -n "$(postgres_bin)" ] && { [ "$(id -u)" != "0" ] || id postgres >/dev/null 2>&1; }; then
  echo "Web tests on PostgreSQL ($(postgres_bin))..."
  FLOWSTUDIO_TEST_DATABASE=postgres dotnet test tests/FlowStudio.Web.Tests --no-build -nologo --logger "trx" \
    --logger "console;verbosity=minimal" --results-directory "$results"
  postgres_status=$?
  if [ "$status" -eq 0 ]; then status=$postgres_status; fi
else
  echo "PostgreSQL pass skipped: PostgreSQL is not installed here and could not be installed; the SQLite suite ran."
fi

passed=0
failed=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
rm -rf "$results"
echo "$passed passed, $failed failed"
exit "$status"
