#!/usr/bin/env bash
# Large-data benchmark (see bench/RESULTS.md): a team's queue and full-text search over a
# database of N generated tickets, through the real HTTP API.
#
# Builds Release; unless DATA names an existing data folder, bench/SupportFlow.DataGen writes
# TICKETS tickets straight into a fresh SQLite database (minutes for 1,000,000); starts the
# server on it on a free 127.0.0.1 port (it migrates first: new indexes are built then), makes an
# admin token with the CLI, runs the load generator's queue and search scenarios at each
# concurrency, prints the query plans, and stops the server.
#
# Usage: bench/run-large.sh
# Environment (all optional):
#   TICKETS=1000000      tickets to generate
#   DATA=/path           reuse a data folder written before (kept: generating takes long)
#   CONCURRENCY="1 8"    load-generator runs, one per level
#   REQUESTS=600         requests per scenario and run
set -euo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
TICKETS=${TICKETS:-1000000}
CONCURRENCY=${CONCURRENCY:-"1 8"}
REQUESTS=${REQUESTS:-600}
SERVER_DIR=src/SupportFlow.Server/bin/Release/net10.0
SERVER_DLL=$SERVER_DIR/SupportFlow.Server.dll

echo "== build (Release)"
for p in src/SupportFlow.Server bench/SupportFlow.DataGen bench/SupportFlow.LoadGen; do
  dotnet build "$p" -c Release -nologo -v quiet
done

if [[ -z ${DATA:-} ]]; then
  DATA=$(mktemp -d "${TMPDIR:-/tmp}/supportflow-large.XXXXXX")
  echo "== generate $TICKETS tickets into $DATA"
  /usr/bin/time -v dotnet bench/SupportFlow.DataGen/bin/Release/net10.0/SupportFlow.DataGen.dll \
    --data-directory "$DATA" --tickets "$TICKETS" 2>&1 | grep -E "tickets|Elapsed|Maximum resident"
fi
export SupportFlow__DataDirectory=$DATA
ls -l "$DATA"

echo "== admin token (CLI)"
dotnet "$SERVER_DLL" users add --login bench-admin --name "Bench admin" --role admin >/dev/null 2>&1 || true
TOKEN=$(dotnet "$SERVER_DLL" tokens create --login bench-admin | tail -n1)

PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
URL=http://127.0.0.1:$PORT
SERVER_PID=
stop_server() {
  if [[ -n $SERVER_PID ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID"
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=
}
trap stop_server EXIT
echo "== start the server (migrates first)"
dotnet "$SERVER_DLL" --urls "$URL" --contentRoot "$PWD/$SERVER_DIR" >"$DATA/server.log" 2>&1 &
SERVER_PID=$!
for i in $(seq 1 1200); do
  if curl -fsS --noproxy '*' --max-time 2 "$URL/healthz" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then echo "the server exited:"; cat "$DATA/server.log"; exit 1; fi
  sleep 0.5
done
echo "healthy (pid $SERVER_PID)"

for c in $CONCURRENCY; do
  echo "== load generator: concurrency $c; load average $(cut -d' ' -f1-3 /proc/loadavg)"
  dotnet bench/SupportFlow.LoadGen/bin/Release/net10.0/SupportFlow.LoadGen.dll --url "$URL" --token "$TOKEN" \
    --scenario queue,search --concurrency "$c" --requests "$REQUESTS" --server-pid "$SERVER_PID" --label "c$c"
done
echo "server working set: $(grep VmRSS /proc/$SERVER_PID/status)"
stop_server

echo "== query plans (SQLite EXPLAIN QUERY PLAN)"
python3 - "$DATA/supportflow.db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
queue = """SELECT t.Id FROM Tickets t LEFT JOIN Teams t0 ON t.TeamId = t0.Id
WHERE t.Status IN ('New','Assigned','InProgress','Pending') AND t0.Name = 'Hardware'
ORDER BY COALESCE(t.SlaNextDueAt, 3155378975999999999), t.Id LIMIT 51"""
search = """SELECT t.Id FROM Tickets t
WHERE t.Id IN (SELECT rowid FROM TicketSearchIndex WHERE TicketSearchIndex MATCH '("卡纸")')
ORDER BY COALESCE(t.Id IN (SELECT rowid FROM TicketSearchIndex WHERE TicketSearchIndex MATCH '{Title} : ("卡纸")'), 0) DESC,
  t.ReceivedAt DESC, t.Id DESC LIMIT 51"""
for name, sql in (("queue", queue), ("search", search)):
    print(name + ":")
    for row in db.execute("EXPLAIN QUERY PLAN " + sql):
        print("   ", row[3])
for table in ("Tickets", "TicketHistory", "TicketSearch"):
    print(f"{table}: {db.execute(f'SELECT COUNT(*) FROM {table}').fetchone()[0]} rows")
PY
du -sh "$DATA"
echo "$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "kept $DATA"
