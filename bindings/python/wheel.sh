#!/usr/bin/env bash
# Builds the Python package for distribution and checks it installs where users are:
#   - an abi3 wheel (one wheel for CPython >= 3.9) tagged manylinux2014 / manylinux_2_17, linked with zig so it
#     runs on glibc 2.17 and later whatever this machine's glibc is (maturin --zig; zig from PyPI's `ziglang`);
#   - a source distribution (`maturin sdist`, the workspace crates it needs included);
#   - the wheel installed into fresh virtualenvs of the oldest and newest Python found (3.9 and 3.13 when pyenv has
#     them), each reading a bundled retorno.
# Prints the wheel's path on its last line. Output directory: $CNAB_DIST (default bindings/python/dist).
#   CNAB_WHEEL_PROFILE=release   build with optimizations (default: dev, as the tests need; a release to PyPI uses
#                                release)
#   CNAB_SDIST_BUILD=1           also build and install the sdist in a fresh virtualenv (compiles everything again)
# macOS and Windows wheels need those systems' linkers (a macOS or Windows CI runner, e.g. maturin-action); the
# abi3 Linux wheel built here covers x86_64 Linux with glibc >= 2.17.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
dist=${CNAB_DIST:-$here/dist}
profile=${CNAB_WHEEL_PROFILE:-dev}
mkdir -p "$dist"
rm -f "$dist"/cnab_rs-*.whl "$dist"/cnab_rs-*.tar.gz

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 -m venv "$tmp/build" >&2
"$tmp/build/bin/pip" install -q --disable-pip-version-check "maturin>=1.9,<2" ziglang >&2
export PATH="$tmp/build/bin:$PATH"

echo "== wheel: maturin build --zig --compatibility manylinux2014 ($profile)" >&2
(cd "$here" && maturin build --profile "$profile" --zig --compatibility manylinux2014 -o "$dist" >&2)
wheel=$(ls "$dist"/cnab_rs-*.whl)
case "$(basename "$wheel")" in
  cnab_rs-*-cp39-abi3-manylinux*_x86_64*.whl) ;;
  *) echo "unexpected wheel tag: $(basename "$wheel")" >&2; exit 1 ;;
esac

echo "== sdist" >&2
(cd "$here" && maturin sdist -o "$dist" >&2)
sdist=$(ls "$dist"/cnab_rs-*.tar.gz)
listing=$(tar tzf "$sdist")
for need in pyproject.toml crates/cnab-core/Cargo.toml crates/boleto/src/lib.rs crates/baixa/Cargo.toml \
            crates/boleto-print/Cargo.toml bindings/python/src/lib.rs python/cnab/__init__.py; do
  grep -q "^cnab_rs-[^/]*/$need\$" <<<"$listing" || { echo "sdist lacks $need" >&2; exit 1; }
done

smoke='import cnab, sys
r = cnab.read(sys.argv[1])
assert len(r.entries) == 2 and str(r.entries[0].valor_pago) == "127.50", r
print("  Python", sys.version.split()[0], "reads", len(r.entries), "entries")'
fixture=$root/fixtures/341-itau/cnab240/retorno/retorno.ret
for v in 3.9 3.13; do
  py=$(command -v "python$v" || true)
  if [[ -z "$py" ]] || ! "$py" -c pass 2>/dev/null; then
    # pyenv keeps every installed version under its root, active or not
    py=$(ls -d "${PYENV_ROOT:-$HOME/.pyenv}"/versions/"$v".*/bin/python"$v" 2>/dev/null | sort -V | tail -1 || true)
  fi
  if [[ -z "$py" ]] || ! "$py" -c pass 2>/dev/null; then
    echo "  (python$v not found: install check skipped for it)" >&2
    continue
  fi
  "$py" -m venv "$tmp/py$v" >&2
  "$tmp/py$v/bin/pip" install -q --disable-pip-version-check "$wheel" >&2
  "$tmp/py$v/bin/python" -c "$smoke" "$fixture" >&2
done

if [[ "${CNAB_SDIST_BUILD:-}" == 1 ]]; then
  echo "== sdist builds and installs" >&2
  python3 -m venv "$tmp/sd" >&2
  "$tmp/sd/bin/pip" install -q --disable-pip-version-check "$sdist" >&2
  "$tmp/sd/bin/python" -c "$smoke" "$fixture" >&2
fi
echo "$wheel"
