#!/usr/bin/env bash
# The README's test command: everything from nothing — Rust crates, the CLI, the real-file gate, and the Python
# bindings in a fresh virtualenv (maturin + pytest + mypy), with a throwaway PostgreSQL server for the ledger tests.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== PostgreSQL for the ledger tests (a throwaway server on 127.0.0.1)"
if [ -z "${CNAB_TEST_PG_URL:-}" ]; then
  eval "$(bash scripts/pg-start.sh)"
  trap 'bash scripts/pg-stop.sh' EXIT
fi
echo "CNAB_TEST_PG_URL=${CNAB_TEST_PG_URL:-(none: PostgreSQL tests skipped)}"

echo "== pix-utils (npm), for the live BR Code cross-check in crates/boleto/tests/pix.rs"
if command -v npm >/dev/null 2>&1 && [ ! -d crates/boleto/tests/pix-utils/node_modules/pix-utils ]; then
  npm install --prefix crates/boleto/tests/pix-utils --no-audit --no-fund --silent \
    || echo "(npm install failed: the live cross-check is skipped, the recorded vectors still run)"
fi

echo "== poppler-utils, zbar-tools, chromium and chromium-driver, for the scanner tests of the printed boletos"
echo "   (crates/boleto-print/tests/scan.rs) and the browser test of the segunda via pages (crates/cnab-cli/tests/segunda_via.rs)"
if { ! command -v pdftoppm >/dev/null 2>&1 || ! command -v zbarimg >/dev/null 2>&1 || ! command -v chromium >/dev/null 2>&1 \
     || ! command -v chromedriver >/dev/null 2>&1; } \
  && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils zbar-tools chromium chromium-driver >/dev/null; } \
    || echo "(apt-get install failed: the scanner tests skip and say so)"
fi

echo "== House rules: cargo fmt --check, clippy -D warnings (workspace and bindings), rustdoc without warnings"
cargo fmt --all --check
(cd bindings/python && cargo fmt --all --check)
cargo clippy --workspace --all-targets --quiet -- -D warnings
(cd bindings/python && cargo clippy --all-targets --quiet -- -D warnings)
RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps --quiet

echo "== Rust: build and test the workspace (unit, integration, fixtures, doc tests)"
cargo test --workspace --all-targets --no-fail-fast
cargo test --workspace --doc

echo "== Publishable: cargo package of every crate (local dependencies packaged together; ~10 s)"
cargo package --workspace --no-verify --allow-dirty --quiet

echo "== Real-file gate"
if [ -d ../shared/corpus/real ]; then
  cargo run -q -p cnab-cli -- corpus ../shared/corpus/real --expect corpus-expectations.tsv
  # Products beside cobrança: CNAB 150 (read strictly, entries summing to the Z trailer) and CNAB 240 pagamentos /
  # extrato (read structurally).
  cargo run -q -p cnab-cli -- corpus ../shared/corpus/real/other --expect corpus-expectations.tsv
else
  echo "(../shared/corpus/real not present: skipped)"
fi

echo "== Python bindings"
if [ -f bindings/python/test.sh ]; then
  echo "== Python wheel (manylinux abi3, zig-linked) and sdist; the tests below run on that wheel"
  CNAB_PY_WHEEL=$(bash bindings/python/wheel.sh | tail -1)
  export CNAB_PY_WHEEL
  bash bindings/python/test.sh
fi
