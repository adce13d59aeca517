#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL cluster: installs PostgreSQL from Debian when
# missing, creates a cluster in a temp folder (locale C.UTF-8, UTF8), listens on a free port on
# 127.0.0.1 only, exports SUPPORTFLOW_TEST_POSTGRES (a connection string to its `postgres`
# database), runs the command, then stops the cluster and deletes it, whatever happened.
# Usage: scripts/with-postgres.sh [--durable] command [args...]
#   --durable  keep fsync on (benchmarks); by default the cluster skips fsync, as tests lose
#              nothing when it is thrown away.
set -euo pipefail

durable=0
if [[ "${1:-}" == "--durable" ]]; then durable=1; shift; fi

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1; }

if [[ -z "$(pg_bin)" ]]; then
  echo "== installing PostgreSQL (Debian package)"
  # Only our throwaway clusters: no default cluster that would keep running after the tests.
  if [[ ! -e /etc/postgresql-common/createcluster.conf ]]; then
    mkdir -p /etc/postgresql-common
    echo "create_main_cluster = false" >/etc/postgresql-common/createcluster.conf
  fi
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=120 install -y postgresql
fi
bin=$(pg_bin)

# initdb and postgres refuse to run as root: then the cluster belongs to the `postgres` user.
as_owner() { if [[ $(id -u) == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }

dir=$(mktemp -d /tmp/supportflow-pg.XXXXXX)
chmod 755 "$dir"
if [[ $(id -u) == 0 ]]; then chown postgres: "$dir"; fi
cleanup() {
  as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
port=$((20000 + RANDOM % 30000))
until port_free "$port"; do port=$((20000 + RANDOM % 30000)); done

as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust --locale=C.UTF-8 --encoding=UTF8 -N >"$dir/initdb.log" ||
  { cat "$dir/initdb.log"; exit 1; }
settings="-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$dir -c max_connections=300"
if [[ $durable == 0 ]]; then
  settings+=" -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
fi
as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -o "$settings" -w -t 60 start >/dev/null ||
  { cat "$dir/server.log"; exit 1; }
echo "== PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port ($dir)"

export SUPPORTFLOW_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Include Error Detail=true"
"$@"
