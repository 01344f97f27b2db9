#!/usr/bin/env bash
# Stops the server scripts/pg-start.sh started (CNAB_PG_DIR, CNAB_PG_BIN) and removes its data.
set -uo pipefail
[ -n "${CNAB_PG_DIR:-}" ] && [ -d "$CNAB_PG_DIR" ] || exit 0
run=()
[ "$(id -u)" = 0 ] && run=(runuser -u postgres --)
"${run[@]}" "$CNAB_PG_BIN/pg_ctl" -D "$CNAB_PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
rm -rf "$CNAB_PG_DIR"
