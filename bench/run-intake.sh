#!/usr/bin/env bash
# Load benchmark of a real SupportFlow server over HTTP (see bench/RESULTS.md).
#
# Builds Release, starts the server from its Release build on a free 127.0.0.1 port with a
# fresh data directory, creates an admin and a token with the same executable's CLI, waits for
# /healthz, runs the load generator once per concurrency level (scenarios intake, mixed, list
# against the same server, so the database grows from run to run), stops the server and prints
# the results and the database size.
#
# Usage: bench/run-intake.sh
# Environment (all optional):
#   CONCURRENCY="16 64"            concurrency levels, one load-generator run each
#   SCENARIOS=intake,mixed,list    scenarios of each run, in order
#   TICKETS=2000                   tickets per intake run; ticket flows per mixed run
#   LIST_REQUESTS=2000             page requests per list run
#   DURATION=120                   cap in seconds of each scenario's measured phase
#   BENCH_DATA_ROOT=/tmp           where the fresh data directory is made (e.g. /dev/shm to take fsync away)
#   KEEP_DATA=1                    keep the data directory (database, server log) afterwards
#   BENCH_PROVIDER=postgres        PostgreSQL instead of SQLite: a throwaway cluster with fsync on
#                                  (scripts/with-postgres.sh --durable), database `bench`
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ ${BENCH_PROVIDER:-sqlite} == postgres && -z ${SUPPORTFLOW_TEST_POSTGRES:-} ]]; then
  exec scripts/with-postgres.sh --durable "$0" "$@"
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
CONCURRENCY=${CONCURRENCY:-"16 64"}
SCENARIOS=${SCENARIOS:-intake,mixed,list}
TICKETS=${TICKETS:-2000}
LIST_REQUESTS=${LIST_REQUESTS:-2000}
DURATION=${DURATION:-120}

SERVER_DIR=src/SupportFlow.Server/bin/Release/net10.0
SERVER_DLL=$SERVER_DIR/SupportFlow.Server.dll
LOADGEN_DLL=bench/SupportFlow.LoadGen/bin/Release/net10.0/SupportFlow.LoadGen.dll

echo "== build (Release)"
dotnet build src/SupportFlow.Server/SupportFlow.Server.csproj -c Release -nologo -v quiet
dotnet build bench/SupportFlow.LoadGen/SupportFlow.LoadGen.csproj -c Release -nologo -v quiet

DATA=$(mktemp -d "${BENCH_DATA_ROOT:-${TMPDIR:-/tmp}}/supportflow-bench.XXXXXX")
export SupportFlow__DataDirectory=$DATA
if [[ ${BENCH_PROVIDER:-sqlite} == postgres ]]; then
  PSQL=$(ls /usr/lib/postgresql/*/bin/psql | sort -V | tail -n1)
  PG_PORT=$(sed -E 's/.*Port=([0-9]+).*/\1/' <<<"$SUPPORTFLOW_TEST_POSTGRES")
  "$PSQL" -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "CREATE DATABASE bench"
  export SupportFlow__Database__Provider=postgres
  export ConnectionStrings__SupportFlow="${SUPPORTFLOW_TEST_POSTGRES/Database=postgres/Database=bench}"
fi
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
URL=http://127.0.0.1:$PORT
LOG=$DATA/loadgen.log
echo "== data directory $DATA ($(df -T "$DATA" | awk 'NR == 2 { print $2 }')), server $URL"

echo "== disk: 200 x (write 4 KiB, fsync) in the data directory"
python3 - "$DATA" <<'EOF'
import os, sys, time
path = os.path.join(sys.argv[1], "fsync-probe")
fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o600)
times = []
for i in range(200):
    os.pwrite(fd, os.urandom(4096), (i % 16) * 4096)
    start = time.perf_counter()
    os.fsync(fd)
    times.append((time.perf_counter() - start) * 1000)
os.close(fd)
os.remove(path)
times.sort()
print(f"fsync: p50 {times[100]:.2f} ms, p90 {times[180]:.2f} ms, max {times[-1]:.2f} ms")
EOF

echo "== admin and token (CLI)"
dotnet "$SERVER_DLL" users add --login admin --name Admin --role admin
TOKEN=$(dotnet "$SERVER_DLL" tokens create --login admin | tail -n1)

SERVER_PID=
stop_server() {
  if [[ -n $SERVER_PID ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID"
    for _ in $(seq 1 60); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$SERVER_PID" 2>/dev/null && kill -KILL "$SERVER_PID"
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=
}
trap stop_server EXIT

echo "== start the server"
# --contentRoot: the server reads appsettings.json (production log levels) from its build folder,
# as it does when started from there; the working directory stays the repository.
dotnet "$SERVER_DLL" --urls "$URL" --contentRoot "$PWD/$SERVER_DIR" >"$DATA/server.log" 2>&1 &
SERVER_PID=$!
for i in $(seq 1 120); do
  if curl -fsS --noproxy '*' --max-time 2 "$URL/healthz" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then echo "the server exited:"; cat "$DATA/server.log"; exit 1; fi
  if [[ $i == 120 ]]; then echo "no /healthz after 60 s"; cat "$DATA/server.log"; exit 1; fi
  sleep 0.5
done
echo "healthy (pid $SERVER_PID)"

status=0
for c in $CONCURRENCY; do
  echo "== load generator: concurrency $c, scenarios $SCENARIOS"
  dotnet "$LOADGEN_DLL" --url "$URL" --token "$TOKEN" --scenario "$SCENARIOS" --concurrency "$c" \
    --tickets "$TICKETS" --requests "$LIST_REQUESTS" --duration-seconds "$DURATION" \
    --server-pid "$SERVER_PID" --label "c$c" | tee -a "$LOG" || status=$?
done

if [[ ${BENCH_PROVIDER:-sqlite} == postgres ]]; then
  stop_server
  echo "== database"
  "$PSQL" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d bench -Atc "SELECT 'Tickets: ' || count(*) || ' rows' FROM \"Tickets\"
    UNION ALL SELECT 'TicketHistory: ' || count(*) || ' rows' FROM \"TicketHistory\"
    UNION ALL SELECT 'size: ' || pg_size_pretty(pg_database_size('bench'))"
else
echo "== database while the server runs"
ls -l "$DATA" | grep supportflow
stop_server
echo "== database after the server stopped (WAL checkpointed)"
ls -l "$DATA" | grep supportflow
du -sh "$DATA"
python3 - "$DATA/supportflow.db" <<'EOF'
import sqlite3, sys
db = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
for table in ("Tickets", "TicketHistory", "Users", "ApiTokens"):
    print(f"{table}: {db.execute(f'SELECT COUNT(*) FROM {table}').fetchone()[0]} rows")
print(f"page size {db.execute('PRAGMA page_size').fetchone()[0]}, pages {db.execute('PRAGMA page_count').fetchone()[0]}")
EOF

fi

echo "== results"
echo "$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(free -h | awk '/^Mem:/ { print $2 }') RAM"
grep -m1 '^| run ' "$LOG" || true
grep -m1 '^| --- ' "$LOG" || true
grep '^| c' "$LOG" || true

if [[ -n ${KEEP_DATA:-} || $status -ne 0 ]]; then
  echo "kept $DATA (database, server.log, loadgen.log)"
else
  rm -rf "$DATA"
fi
exit $status
