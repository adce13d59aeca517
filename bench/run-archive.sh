#!/usr/bin/env bash
# Monthly archive benchmark (see bench/RESULTS.md, "Monthly archive of 100,000 tickets"):
# bench/SupportFlow.DataGen writes TICKETS tickets with their histories, all received in MONTH
# (Asia/Shanghai), into a fresh SQLite database; then the real CLI `archive --month MONTH` writes
# the month's CSV, XLSX, JSON Lines and manifest, timed by /usr/bin/time -v (wall clock and
# peak resident memory of the whole process), and `archive verify` checks the result.
#
# Usage: bench/run-archive.sh
# Environment (all optional):
#   TICKETS=100000     tickets to generate, all in MONTH
#   MONTH=2026-10      the month to fill and archive
#   DATA=/path         reuse a data folder generated before (generating takes minutes)
#   RUNS=2             archive runs (each replaces the previous archive atomically)
set -euo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
TICKETS=${TICKETS:-100000}
MONTH=${MONTH:-2026-10}
RUNS=${RUNS:-2}
SERVER_DLL=src/SupportFlow.Server/bin/Release/net10.0/SupportFlow.Server.dll
export SupportFlow__Organization__TimeZone=Asia/Shanghai

echo "== build (Release)"
for p in src/SupportFlow.Server bench/SupportFlow.DataGen; do
  dotnet build "$p" -c Release -nologo -v quiet
done

# The first instant of the next month in Shanghai: every generated ticket is received before it.
NEXT=$(python3 -c "y,m=map(int,'$MONTH'.split('-')); y,m=(y+1,1) if m==12 else (y,m+1); print(f'{y:04d}-{m:02d}-01T00:00:00+08:00')")
DAYS=$(python3 -c "import calendar; y,m=map(int,'$MONTH'.split('-')); print(calendar.monthrange(y,m)[1] - 0.01)")
if [[ -z ${DATA:-} ]]; then
  DATA=$(mktemp -d "${TMPDIR:-/tmp}/supportflow-archive.XXXXXX")
  echo "== generate $TICKETS tickets received in $MONTH into $DATA"
  dotnet bench/SupportFlow.DataGen/bin/Release/net10.0/SupportFlow.DataGen.dll \
    --data-directory "$DATA" --tickets "$TICKETS" --until "$NEXT" --days "$DAYS" | tail -n1
fi
export SupportFlow__DataDirectory=$DATA
python3 - "$DATA/supportflow.db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
for table in ("Tickets", "TicketHistory", "TicketSlaEvents"):
    print(f"{table}: {db.execute(f'SELECT COUNT(*) FROM {table}').fetchone()[0]} rows")
PY
ls -l "$DATA/supportflow.db"

for run in $(seq 1 "$RUNS"); do
  echo "== archive --month $MONTH, run $run; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  /usr/bin/time -v dotnet "$SERVER_DLL" archive --month "$MONTH" 2>"$DATA/time-$run.txt"
  grep -E "Elapsed \(wall clock\)|Maximum resident set size|User time|System time|Percent of CPU" "$DATA/time-$run.txt"
  echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
done
dotnet "$SERVER_DLL" archive verify --month "$MONTH"
ls -l "$DATA/archive/$MONTH"
du -sh "$DATA/archive/$MONTH"
echo "$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(free -h | awk '/Mem:/ {print $2}') memory"
echo "kept $DATA"
