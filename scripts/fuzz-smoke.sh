#!/usr/bin/env bash
# CI fuzz smoke test: runs every cargo-fuzz target for a short fixed time (FUZZ_SECONDS, default 20 s each),
# seeded from fixtures/, the shared real-file corpus when present, and the regression inputs.
#
# Needs cargo-fuzz; installs it when missing. cargo-fuzz needs nightly features: on a stable toolchain we set
# RUSTC_BOOTSTRAP=1. When cargo-fuzz cannot be installed or the sanitizer build is impossible here, the script
# says so and exits 0 (the regression inputs are still replayed by `cargo test -p cnab-core --test regressions`).
set -uo pipefail
cd "$(dirname "$0")/.."
secs="${FUZZ_SECONDS:-20}"
# FUZZ_TARGET_DIR: where cargo fuzz builds (default fuzz/target).
tdir=()
[ -n "${FUZZ_TARGET_DIR:-}" ] && tdir=(--target-dir "$FUZZ_TARGET_DIR")
export RUSTC_BOOTSTRAP=1

if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "== cargo-fuzz not found: installing (cargo install cargo-fuzz)"
  if ! cargo install cargo-fuzz >/dev/null 2>&1; then
    echo "cargo-fuzz could not be installed: fuzz smoke test skipped"
    exit 0
  fi
fi

cd fuzz
targets=$(cargo fuzz list 2>/dev/null) || targets=""
if [ -z "$targets" ]; then
  echo "cargo fuzz list failed: fuzz smoke test skipped"
  exit 0
fi
if ! nice -n 19 cargo fuzz build -a "${tdir[@]}" >/tmp/fuzz-smoke-build.log 2>&1; then
  if grep -qiE "sanitizer|unsupported|nightly|-Z" /tmp/fuzz-smoke-build.log; then
    echo "the fuzz build is not possible on this toolchain/platform (see /tmp/fuzz-smoke-build.log): skipped"
    exit 0
  fi
  cat /tmp/fuzz-smoke-build.log
  echo "fuzz build failed"
  exit 1
fi
./seed.sh >/dev/null
status=0
for t in $targets; do
  echo "== $t (${secs}s)"
  if nice -n 19 cargo fuzz run -a "${tdir[@]}" "$t" -- -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
      >"/tmp/fuzz-smoke-$t.log" 2>&1; then
    grep -E "stat::number_of_executed_units" "/tmp/fuzz-smoke-$t.log" || true
  else
    tail -40 "/tmp/fuzz-smoke-$t.log"
    echo "!! $t found a crash: see fuzz/artifacts/$t/ (minimize with: cargo fuzz tmin $t <file>)"
    status=1
  fi
done
exit $status
