#!/usr/bin/env bash
# Criterion benchmarks over files from the generator (`cnab gen`): the workspace `benches` crate (read 240/400 whole
# file and streaming, detect, write remessas, generate, linha digitável validation, boleto make) and cnab-core's own
# read bench. Arguments are passed to criterion (e.g. a filter: `scripts/bench.sh read_400`). Results in
# target/criterion/; figures and how to read them in benches/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo bench -p benches "$@"
cargo bench -p cnab-core --bench read "$@"
