#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server for the ledger tests and prints the URL to use as CNAB_TEST_PG_URL.
#   usage: eval "$(scripts/pg-start.sh)"      # exports CNAB_TEST_PG_URL and CNAB_PG_DIR
#          scripts/pg-stop.sh                 # stops it and removes its data directory
# Installs Debian's postgresql when no server binaries are found (needs root and apt). The server listens on
# 127.0.0.1 only, on PGPORT (default 54329), with trust authentication, its data in a temporary directory.
# Everything it says goes to stderr; stdout carries only the export lines.
set -euo pipefail
port="${PGPORT:-54329}"

find_bin() {
  local d
  for d in /usr/lib/postgresql/*/bin; do
    [ -x "$d/initdb" ] && { echo "$d"; return 0; }
  done
  command -v initdb >/dev/null 2>&1 && { dirname "$(command -v initdb)"; return 0; }
  return 1
}

bin=$(find_bin || true)
if [ -z "$bin" ]; then
  echo "pg-start: installing Debian's postgresql" >&2
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) >&2 || true
  fi
  bin=$(find_bin || true)
fi
if [ -z "$bin" ]; then
  echo "pg-start: no PostgreSQL server could be installed; PostgreSQL tests will be skipped" >&2
  exit 0
fi

dir=$(mktemp -d /tmp/cnab-pg.XXXXXX)
run=()
if [ "$(id -u)" = 0 ]; then
  # PostgreSQL refuses to run as root: use the postgres account (created by Debian's package) or make one.
  id postgres >/dev/null 2>&1 || useradd -r -M postgres >&2
  chown postgres "$dir"
  run=(runuser -u postgres --)
fi
"${run[@]}" "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 \
  || { cat "$dir/initdb.log" >&2; echo "pg-start: initdb failed; PostgreSQL tests will be skipped" >&2; exit 0; }
"${run[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c max_connections=100" start >&2 \
  || { cat "$dir/server.log" >&2; echo "pg-start: server did not start; PostgreSQL tests will be skipped" >&2; exit 0; }
"${run[@]}" "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres cnab_test >&2
echo "export CNAB_TEST_PG_URL=postgres://postgres@127.0.0.1:$port/cnab_test"
echo "export CNAB_PG_DIR=$dir"
echo "export CNAB_PG_BIN=$bin"
