#!/usr/bin/env bash
# Runs every test of SupportFlow: the model/migration check, unit tests and integration tests
# over HTTP on real SQLite, browser tests in Debian's Chromium. Suites install what they need here.
# Usage: scripts/test.sh [extra dotnet test arguments]
set -euo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

echo "== build"
dotnet tool restore >/dev/null
dotnet build SupportFlow.slnx -c Release -nologo -v quiet

echo "== formatting (dotnet format whitespace; code style is checked by the build)"
dotnet format whitespace SupportFlow.slnx --verify-no-changes

echo "== the SQLite migrations match the model"
dotnet ef migrations has-pending-model-changes --no-build --configuration Release \
  --project src/SupportFlow.Migrations.Sqlite --startup-project src/SupportFlow.Migrations.Sqlite

if [ ! -x /usr/bin/chromium ] || ! dpkg -s fonts-noto-cjk >/dev/null 2>&1; then
  echo "== installing Debian's chromium and fonts-noto-cjk (browser tests; Chinese pages need the fonts)"
  apt-get update
  apt-get -o DPkg::Lock::Timeout=120 install -y chromium fonts-noto-cjk
fi

echo "== tests"
log=$(mktemp)
status=0
dotnet test SupportFlow.slnx -c Release --no-build -nologo "$@" 2>&1 | tee "$log" || status=$?

# One closing line for CI: "N passed, N failed, N skipped".
awk '/(Passed|Failed)! +- +Failed: /{
       gsub(",", ""); for (i = 1; i <= NF; i++) {
         if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) } }
     END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$log"
rm -f "$log"
exit $status
