#!/usr/bin/env bash
# The README's test command: everything from nothing — Rust crates, the CLI, the real-file gate, and the Python
# bindings in a fresh virtualenv (maturin + pytest + mypy).
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== Rust: build and test the workspace (unit, integration, fixtures, doc tests)"
cargo test --workspace --all-targets --no-fail-fast
cargo test --workspace --doc

echo "== Real-file gate"
if [ -d ../shared/corpus/real ]; then
  cargo run -q -p cnab-cli -- corpus ../shared/corpus/real --expect corpus-expectations.tsv
else
  echo "(../shared/corpus/real not present: skipped)"
fi

echo "== Python bindings"
if [ -f bindings/python/test.sh ]; then
  bash bindings/python/test.sh
fi
