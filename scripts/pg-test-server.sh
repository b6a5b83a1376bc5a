#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for tests and benchmarks: initdb + pg_ctl as
# the postgres user, data and log in a fresh temp dir owned by postgres, on a
# free local port, trust auth on 127.0.0.1 for the test role plus a password
# role (for the wrong-password test).
#
#   eval "$(scripts/pg-test-server.sh start)"   # exports MEGAGEN_PG_URL, MEGAGEN_PG_DIR, ...
#   scripts/pg-test-server.sh stop "$MEGAGEN_PG_DIR"
#   scripts/pg-test-server.sh kill DIR      # pg_ctl stop -m immediate: a crash, for tests
#   scripts/pg-test-server.sh restart DIR   # start a killed cluster again, same port
#
# Run as root (uses runuser/su to the postgres user) or as the postgres user.
set -euo pipefail

find_bin() {
  if command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ]; then
    pg_config --bindir; return
  fi
  local d
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$d/initdb" ]; then echo "$d"; return; fi
  done
  echo "pg-test-server: no PostgreSQL server binaries found (apt-get install -y postgresql)" >&2
  exit 1
}

as_pg() {
  if [ "$(id -un)" = postgres ]; then "$@"
  elif command -v runuser >/dev/null 2>&1; then runuser -u postgres -- "$@"
  else su postgres -s /bin/sh -c "$(printf '%q ' "$@")"
  fi
}

free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

cmd="${1:-}"
case "$cmd" in
  start)
    bin="$(find_bin)"
    base="$(mktemp -d /tmp/megagen-pg.XXXXXX)"
    chmod 755 "$base"
    mkdir -p "$base/data" "$base/log" "$base/run"
    chown -R postgres:postgres "$base" 2>/dev/null || true
    # A failed start leaves nothing behind.
    trap 'rc=$?; if [ $rc -ne 0 ]; then as_pg "$bin/pg_ctl" -D "$base/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$base"; fi' EXIT
    port="${PG_TEST_SERVER_PORT:-$(free_port)}"
    as_pg "$bin/initdb" -D "$base/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$base/log/initdb.log" 2>&1 \
      || as_pg "$bin/initdb" -D "$base/data" -U postgres -A trust -E UTF8 --locale=C >"$base/log/initdb.log" 2>&1 \
      || { cat "$base/log/initdb.log" >&2; exit 1; }
    # Password auth for the role 'megagen_pw' (wrong-password tests), trust for the rest.
    as_pg sh -c "printf '%s\n' \
      'local all all trust' \
      'host all megagen_pw 127.0.0.1/32 scram-sha-256' \
      'host all all 127.0.0.1/32 trust' \
      'host all all ::1/128 trust' > '$base/data/pg_hba.conf'"
    opts="-p $port -k $base/run -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_wal_size=2GB -c shared_buffers=256MB"
    echo "$opts" > "$base/pg-options"
    as_pg "$bin/pg_ctl" -D "$base/data" -l "$base/log/postgres.log" -w -t 60 -o "$opts" start >/dev/null \
      || { cat "$base/log/postgres.log" >&2; exit 1; }
    as_pg "$bin/psql" -h "$base/run" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -q \
      -c "CREATE DATABASE megagen_test" \
      -c "CREATE ROLE megagen_pw LOGIN PASSWORD 'secret-pw'" >/dev/null
    trap - EXIT
    echo "export MEGAGEN_PG_URL='postgres://postgres@127.0.0.1:$port/megagen_test'"
    echo "export MEGAGEN_PG_DIR='$base'"
    echo "export MEGAGEN_PG_BIN='$bin'"
    echo "export MEGAGEN_PG_PORT='$port'"
    ;;
  stop)
    base="${2:-${MEGAGEN_PG_DIR:-}}"
    [ -n "$base" ] && [ -d "$base/data" ] || { echo "pg-test-server: usage: stop DIR" >&2; exit 2; }
    bin="$(find_bin)"
    as_pg "$bin/pg_ctl" -D "$base/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$base"
    ;;
  kill)
    base="${2:-}"
    [ -n "$base" ] && [ -d "$base/data" ] || { echo "pg-test-server: usage: kill DIR" >&2; exit 2; }
    as_pg "$(find_bin)/pg_ctl" -D "$base/data" -m immediate -w stop >/dev/null
    ;;
  restart)
    base="${2:-}"
    [ -n "$base" ] && [ -f "$base/pg-options" ] || { echo "pg-test-server: usage: restart DIR" >&2; exit 2; }
    as_pg "$(find_bin)/pg_ctl" -D "$base/data" -l "$base/log/postgres.log" -w -t 60 -o "$(cat "$base/pg-options")" start >/dev/null \
      || { tail -5 "$base/log/postgres.log" >&2; exit 1; }
    ;;
  *)
    echo "usage: $0 start | stop DIR | kill DIR | restart DIR" >&2
    exit 2
    ;;
esac
