#!/usr/bin/env bash
# The test command: installs the system packages the tests use (espeak-ng, PostgreSQL), starts a
# throwaway PostgreSQL cluster for the store contract tests, runs every test, stops the cluster.
#
# TSUZUKU_TEST_PG_URL=jdbc:postgresql://… runs the PostgreSQL contracts against a server you give
# instead (then no cluster is started). TSUZUKU_TEST_PG=off starts none (the contracts are then
# skipped with a warning, or fail when CI=true).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

pg_bin() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

# Runs a PostgreSQL program as the owner of the cluster: root may not run the server, so as root
# that is the 'postgres' user the Debian package creates; anyone else runs it as themselves.
as_owner() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 20000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  return 1
}

start_postgres() {
  local bin
  bin="$(pg_bin)"
  if [ -z "$bin" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "test: installing postgresql for the store contract tests" >&2
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null
    bin="$(pg_bin)"
  fi
  if [ -z "$bin" ]; then
    echo "test: WARNING no PostgreSQL server (Debian: apt-get install postgresql); the PostgreSQL store contracts will not run" >&2
    return 0
  fi
  # in /tmp, not $TMPDIR: the postgres user must reach it
  PG_DIR="$(mktemp -d /tmp/tsuzuku-pg.XXXXXX)"
  [ "$(id -u)" = 0 ] && chown postgres: "$PG_DIR"
  as_owner "$bin/initdb" -D "$PG_DIR/data" -U tsuzuku -A trust -E UTF8 --no-sync >"$PG_DIR/initdb.log" 2>&1 \
    || { cat "$PG_DIR/initdb.log" >&2; exit 1; }
  local port started=""
  for _ in 1 2 3; do
    port="$(free_port)"
    # Throwaway data: no fsync, and the socket in the cluster's own folder, not /var/run/postgresql.
    if as_owner "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 30 start \
        -o "-p $port -c listen_addresses=127.0.0.1 -k $PG_DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >/dev/null; then
      started=yes
      break
    fi
  done
  if [ -z "$started" ]; then
    cat "$PG_DIR/server.log" >&2
    echo "test: could not start PostgreSQL" >&2
    exit 1
  fi
  as_owner "$bin/createdb" -h 127.0.0.1 -p "$port" -U tsuzuku tsuzuku_test
  export TSUZUKU_TEST_PG_URL="jdbc:postgresql://127.0.0.1:$port/tsuzuku_test?user=tsuzuku"
  echo "test: $("$bin/postgres" --version) on 127.0.0.1:$port for the store contracts" >&2
}

stop_postgres() {
  if [ -n "${PG_DIR:-}" ]; then
    as_owner "$(pg_bin)/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$PG_DIR"
  fi
}

PG_DIR=""
if [ -z "${TSUZUKU_TEST_PG_URL:-}" ] && [ "${TSUZUKU_TEST_PG:-on}" != off ]; then
  trap stop_postgres EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  start_postgres
fi
./mvnw -B verify "$@"
