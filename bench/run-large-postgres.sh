#!/usr/bin/env bash
# The large-data benchmark (bench/run-large.sh) on PostgreSQL: a throwaway cluster with fsync on
# (scripts/with-postgres.sh --durable), TICKETS generated straight into it by bench/SupportFlow.DataGen,
# the Release server on it, the load generator's queue and search scenarios, and the plans of the
# queue and search SQL (EXPLAIN ANALYZE). Everything is deleted afterwards with the cluster.
# Usage: TICKETS=1000000 CONCURRENCY="1 8" REQUESTS=300 bench/run-large-postgres.sh
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ -z ${SUPPORTFLOW_TEST_POSTGRES:-} ]]; then exec scripts/with-postgres.sh --durable "$0" "$@"; fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
TICKETS=${TICKETS:-1000000}; CONCURRENCY=${CONCURRENCY:-"1 8"}; REQUESTS=${REQUESTS:-300}
SERVER_DIR=src/SupportFlow.Server/bin/Release/net10.0
for p in src/SupportFlow.Server bench/SupportFlow.DataGen bench/SupportFlow.LoadGen; do
  dotnet build "$p" -c Release -nologo -v quiet
done

psql=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1)/psql
port=$(sed 's/.*Port=\([0-9]*\).*/\1/' <<<"$SUPPORTFLOW_TEST_POSTGRES")
"$psql" -h 127.0.0.1 -p "$port" -U postgres -qc "CREATE DATABASE bench"
DATA=$(mktemp -d "${TMPDIR:-/tmp}/supportflow-large-pg.XXXXXX")
CS="${SUPPORTFLOW_TEST_POSTGRES/Database=postgres/Database=bench}"
export SupportFlow__DataDirectory=$DATA SupportFlow__Database__Provider=postgres ConnectionStrings__SupportFlow=$CS
echo "== generate $TICKETS tickets into PostgreSQL"
/usr/bin/time -v dotnet bench/SupportFlow.DataGen/bin/Release/net10.0/SupportFlow.DataGen.dll \
  --data-directory "$DATA" --provider postgres --connection "$CS" --tickets "$TICKETS" 2>&1 | grep -E "tickets|Elapsed|Maximum resident"

dotnet "$SERVER_DIR/SupportFlow.Server.dll" users add --login bench-admin --name "Bench admin" --role admin >/dev/null 2>&1 || true
TOKEN=$(dotnet "$SERVER_DIR/SupportFlow.Server.dll" tokens create --login bench-admin | tail -n1)
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
dotnet "$SERVER_DIR/SupportFlow.Server.dll" --urls "http://127.0.0.1:$PORT" --contentRoot "$PWD/$SERVER_DIR" >"$DATA/server.log" 2>&1 &
SERVER_PID=$!
trap 'kill -TERM $SERVER_PID 2>/dev/null || true; wait $SERVER_PID 2>/dev/null || true' EXIT
until curl -fsS --max-time 2 "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1; do
  kill -0 $SERVER_PID 2>/dev/null || { cat "$DATA/server.log"; exit 1; }; sleep 0.5
done
for c in $CONCURRENCY; do
  echo "== load generator: concurrency $c; load average $(cut -d' ' -f1-3 /proc/loadavg)"
  dotnet bench/SupportFlow.LoadGen/bin/Release/net10.0/SupportFlow.LoadGen.dll --url "http://127.0.0.1:$PORT" --token "$TOKEN" \
    --scenario queue,search --concurrency "$c" --requests "$REQUESTS" --server-pid "$SERVER_PID" --label "pg-c$c"
done
echo "server working set: $(grep VmRSS /proc/$SERVER_PID/status)"

echo "== plans (EXPLAIN ANALYZE)"
"$psql" -U postgres -h 127.0.0.1 -p "$port" -d bench -c "EXPLAIN ANALYZE SELECT t.\"Id\" FROM \"Tickets\" t
  WHERE t.\"Status\" = ANY (ARRAY['New','Assigned','InProgress','Pending']) AND t.\"TeamId\" = (SELECT \"Id\" FROM \"Teams\" ORDER BY \"Id\" LIMIT 1)
  ORDER BY COALESCE(t.\"SlaNextDueAt\", TIMESTAMPTZ 'infinity'), t.\"Id\" LIMIT 51" \
  -c "EXPLAIN ANALYZE SELECT t.\"Id\" FROM \"Tickets\" t WHERE t.\"Id\" IN (SELECT \"TicketId\" FROM \"TicketSearch\"
  WHERE (to_tsvector('simple'::regconfig, \"Title\") || to_tsvector('simple'::regconfig, \"Public\") || to_tsvector('simple'::regconfig, \"Internal\"))
  @@ to_tsquery('simple', '卡纸')) ORDER BY t.\"Id\" DESC LIMIT 51" \
  -c "SELECT count(*) AS tickets FROM \"Tickets\"" -c "SELECT pg_size_pretty(pg_database_size('bench')) AS size"
echo "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
