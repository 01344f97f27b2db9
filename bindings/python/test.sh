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
"$venv/bin/mypy" --strict --no-incremental bindings/python/examples/example.py bindings/python/tests/test_baixa.py
"$py" bindings/python/examples/example.py > /dev/null

echo "== mypy.stubtest cnab._cnab (the stubs against the native classes)"
"$py" -m mypy.stubtest cnab._cnab --allowlist "$here/stubtest-allowlist.txt"

echo "python bindings: ok ($((SECONDS - t0))s)"
