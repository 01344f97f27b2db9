#!/usr/bin/env bash
# Read-throughput benchmarks (criterion): a generated 20,000-entry CNAB 240 retorno read into the model, streamed,
# detected, and merely split into lines (the floor). Results in target/criterion/.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo bench -p cnab-core --bench read "$@"
