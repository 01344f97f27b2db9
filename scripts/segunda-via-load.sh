#!/usr/bin/env bash
# Load check of the segunda via page (not a test: it measures): 200 concurrent connections for 10 s on loopback
# with wrk, against a release build of `cnab serve` on a fresh SQLite ledger, once for an open título and once for
# an overdue one (amount updated on every request). Prints wrk's latency distribution, the errors (wrk lists
# non-2xx responses and socket errors), and how many views the server recorded in the título's history.
#   CONNECTIONS=200 DURATION=10s THREADS=2 TIMEOUT=10s   wrk's -c, -d, -t and --timeout (a response slower than
#   TIMEOUT is counted by wrk as a socket timeout)
set -euo pipefail
cd "$(dirname "$0")/.."
CONNECTIONS=${CONNECTIONS:-200}
DURATION=${DURATION:-10s}
THREADS=${THREADS:-2}
TIMEOUT=${TIMEOUT:-10s}

if ! command -v wrk >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    apt-get install -y -qq wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
  else
    echo "wrk not found (Debian: apt-get install wrk)" >&2
    exit 2
  fi
fi

cargo build -q --release -p cnab-cli
target=${CARGO_TARGET_DIR:-target}
cnab=$target/release/cnab

dir=$(mktemp -d)
pid=
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$dir"
}
trap cleanup EXIT

venc=$(date -u -d '+60 days' +%F)
cat > "$dir/titles.csv" <<CSV
id,banco,nosso_numero,seu_numero,valor,vencimento,multa_pct,juros_pct_mes,pagador_documento,pagador_nome
ABERTO,341,00010152,NF-100,1234.56,$venc,2,1,12345678909,Maria da Silva
VENCIDO,341,00010153,NF-101,1000.00,2026-01-15,2,1,98765432100,João Souza
CSV
cat > "$dir/boleto.json" <<'JSON'
{"banco": "341", "agencia": "1248", "conta": "02124", "carteira": "109",
 "beneficiario": {"nome": "Loja Exemplo Ltda", "documento": "11222333000181", "cidade": "São Paulo", "uf": "SP"},
 "pix": {"chave": "11222333000181"}}
JSON
"$cnab" baixa --ledger "$dir/l.db" import-titles "$dir/titles.csv" >/dev/null
aberto=$("$cnab" baixa --ledger "$dir/l.db" link ABERTO)
vencido=$("$cnab" baixa --ledger "$dir/l.db" link VENCIDO)

"$cnab" serve --ledger "$dir/l.db" --boleto "$dir/boleto.json" --listen 127.0.0.1:0 2> "$dir/serve.log" &
pid=$!
for _ in $(seq 100); do
  grep -q 'listening on' "$dir/serve.log" 2>/dev/null && break
  sleep 0.1
done
addr=$(sed -n 's|^cnab serve: listening on http://||p' "$dir/serve.log" | head -1)
[ -n "$addr" ] || { cat "$dir/serve.log" >&2; exit 1; }

echo "== $(nproc) CPU(s); wrk -t$THREADS -c$CONNECTIONS -d$DURATION --timeout $TIMEOUT --latency; page size $(curl -s "http://$addr$aberto" | wc -c) bytes"
for t in "$aberto" "$vencido"; do
  echo "== GET /b/<token> ($([ "$t" = "$aberto" ] && echo open || echo overdue) título)"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout "$TIMEOUT" --latency "http://$addr$t"
done
sleep 1
for id in ABERTO VENCIDO; do
  n=$("$cnab" baixa --ledger "$dir/l.db" history "$id" | grep -c '"event": "visualizado"' || true)
  echo "views recorded for $id: $n"
done
if grep -v 'listening on' "$dir/serve.log"; then echo "(the server's standard error, above)"; fi
