#!/usr/bin/env bash
# Tests of the Python bindings, from nothing: a fresh virtualenv with requirements-test.txt (pytest, mypy, pyarrow,
# duckdb), `pip install ./bindings/python` (maturin builds the extension; reuses $CARGO_TARGET_DIR when set), pytest,
# the README's example, `mypy --strict` on examples/example.py, and `mypy.stubtest`: the native module's stubs
# (_cnab.pyi) checked against the classes Rust defines. Needs python3 (>= 3.9), cargo, and network access to PyPI.
#   CNAB_PY_VENV=dir   use (and keep) this virtualenv instead of a temporary one
#   CNAB_PY_WHEEL=whl  test this built wheel instead of building from source
#   CNAB_BIN=path      the `cnab` CLI to compare against (default: built here with cargo)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"
t0=$SECONDS

if [[ -n "${CNAB_PY_VENV:-}" ]]; then
    venv=$CNAB_PY_VENV
else
    tmp=$(mktemp -d)
    trap 'rm -rf "$tmp"' EXIT
    venv=$tmp/venv
fi
[[ -x "$venv/bin/python" ]] || python3 -m venv "$venv"
py=$venv/bin/python
"$py" -m pip install -q --disable-pip-version-check maturin -r "$here/requirements-test.txt"

echo "== pip install ./bindings/python"
t1=$SECONDS
if [[ -n "${CNAB_PY_WHEEL:-}" ]]; then
    # the manylinux abi3 wheel bindings/python/wheel.sh built: the tests run on what users install
    "$py" -m pip install -q --disable-pip-version-check --force-reinstall --no-deps "$CNAB_PY_WHEEL"
else
    "$py" -m pip install -q --disable-pip-version-check --force-reinstall --no-deps ./bindings/python
fi
echo "   built and installed in $((SECONDS - t1))s"

if [[ -z "${CNAB_BIN:-}" ]]; then
    echo "== cargo build -p cnab-cli (for the CLI agreement tests)"
    cargo build -q -p cnab-cli
    CNAB_BIN=${CARGO_TARGET_DIR:-$root/target}/debug/cnab
fi
export CNAB_BIN

echo "== pytest"
(cd "$root" && "$py" -m pytest -q -p no:cacheprovider bindings/python/tests)

echo "== README example"
example=$(mktemp)
# every ```python block of the README, in order, without the fences
sed -n '/^```python/,/^```$/{/^```/!p;}' README.md > "$example"
"$py" "$example" > /dev/null
rm -f "$example"

echo "== mypy --strict"
"$venv/bin/mypy" --strict --no-incremental bindings/python/examples/example.py bindings/python/tests/test_baixa.py \
    bindings/python/tests/test_regua_module.py
"$py" bindings/python/examples/example.py > /dev/null

echo "== mypy.stubtest cnab._cnab (the stubs against the native classes)"
"$py" -m mypy.stubtest cnab._cnab --allowlist "$here/stubtest-allowlist.txt"

echo "== Spark recipe (examples/spark_retornos.py: mapInArrow over a folder of retornos, totals against cnab inspect)"
# Runs where Java and PySpark can be installed; CNAB_SKIP_SPARK=1 skips it.
if [[ -n "${CNAB_SKIP_SPARK:-}" ]]; then
    echo "   skipped: CNAB_SKIP_SPARK is set"
elif ! java -version >/dev/null 2>&1; then
    echo "   skipped: no Java runtime (PySpark needs Java 17 or later)"
elif ! "$py" -m pip install -q --disable-pip-version-check pyspark "pandas<3"; then
    echo "   skipped: pip could not install pyspark"
else
    t2=$SECONDS
    spark_in=$(mktemp -d)
    for f in fixtures/*/cnab*/retorno/*.ret; do
        parts=(${f//\// })
        cp "$f" "$spark_in/${parts[1]}-${parts[2]}-$(basename "$f")"
    done
    # one file of several Arrow batches (65,536 entries each)
    "$CNAB_BIN" gen --bank 756 --layout 240 --kind retorno --entries 150000 --seed 11 --out "$spark_in/sicoob-gen.ret" 2>/dev/null
    spark_log=$(mktemp)
    if "$py" examples/spark_retornos.py "$spark_in" --cnab "$CNAB_BIN" >"$spark_log" 2>&1; then
        grep -o 'spark: [0-9].*' "$spark_log"
    else
        cat "$spark_log"
        exit 1
    fi
    rm -rf "$spark_in" "$spark_log"
    echo "   Spark recipe: ok ($((SECONDS - t2))s with the pyspark install)"
fi

echo "python bindings: ok ($((SECONDS - t0))s)"
