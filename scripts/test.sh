#!/usr/bin/env bash
# Runs every test of SupportFlow: the model/migration check of both providers, unit tests, and
# the integration tests over HTTP twice: on real SQLite, then on a throwaway PostgreSQL cluster
# (scripts/with-postgres.sh installs PostgreSQL when missing). Browser tests run in Debian's Chromium, installed when missing.
# Usage: scripts/test.sh [extra dotnet test arguments]
set -euo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# System packages are installed as root: through sudo unless already root.
sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"

echo "== system packages: Dovecot, the real IMAP server of the mail intake tests"
if ! command -v dovecot >/dev/null || [ ! -x /usr/lib/dovecot/dovecot-lda ]; then
  $sudo apt-get update
  DEBIAN_FRONTEND=noninteractive $sudo apt-get -o DPkg::Lock::Timeout=120 install -y dovecot-imapd
fi

echo "== build"
dotnet tool restore >/dev/null
dotnet build SupportFlow.slnx -c Release -nologo -v quiet

echo "== formatting (dotnet format whitespace; code style is checked by the build)"
dotnet format whitespace SupportFlow.slnx --verify-no-changes

for provider in Sqlite Postgres; do
  echo "== the $provider migrations match the model"
  dotnet ef migrations has-pending-model-changes --no-build --configuration Release \
    --project src/SupportFlow.Migrations.$provider --startup-project src/SupportFlow.Migrations.$provider
done

if [ ! -x /usr/bin/chromium ] || ! dpkg -s fonts-noto-cjk >/dev/null 2>&1; then
  echo "== installing Debian's chromium and fonts-noto-cjk (browser tests; Chinese pages need the fonts)"
  $sudo apt-get update
  DEBIAN_FRONTEND=noninteractive $sudo apt-get -o DPkg::Lock::Timeout=120 install -y chromium fonts-noto-cjk
fi

if ! command -v npm >/dev/null; then
  echo "== installing Debian's nodejs and npm (the OpenAPI test generates and compiles a TypeScript client)"
  $sudo apt-get update
  DEBIAN_FRONTEND=noninteractive $sudo apt-get -o DPkg::Lock::Timeout=120 install -y nodejs npm
fi

echo "== tests (integration tests on SQLite)"
log=$(mktemp)
status=0
dotnet test SupportFlow.slnx -c Release --no-build -nologo "$@" 2>&1 | tee "$log" || status=$?

echo "== integration tests on PostgreSQL"
scripts/with-postgres.sh dotnet test tests/SupportFlow.IntegrationTests -c Release --no-build -nologo "$@" 2>&1 \
  | tee -a "$log" || status=$?

# One closing line for CI: "N passed, N failed, N skipped".
awk '/(Passed|Failed)! +- +Failed: /{
       gsub(",", ""); for (i = 1; i <= NF; i++) {
         if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) } }
     END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$log"
rm -f "$log"
exit $status
