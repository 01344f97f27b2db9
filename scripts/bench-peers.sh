#!/usr/bin/env bash
# Our readers against the other Python libraries that read CNAB retornos, on the same files from `cnab gen`.
#
# Installs in a throwaway virtualenv pycobranca 1.1.2 (needs Python >= 3.12) and python3-cnab 1.0.11 (module
# `cnab240`, CNAB 240 only) from PyPI, builds and installs our Python bindings (maturin), builds the CLI, generates
# the files, and prints for each file the minimum time of RUNS alternated runs of: wc -l (the floor), `cnab inspect`
# (whole file, streaming), `cnab.read` and `cnab.iter_entries` from Python, pycobranca and python3-cnab — each reading
# the whole file and touching every entry's amount paid and event date — with MB/s, peak memory and the ratio to
# pycobranca's time. Not part of CI (it downloads from PyPI and takes minutes); figures in benches/README.md.
#
#   RUNS=5 ENTRIES_240=160000 ENTRIES_400=200000 scripts/bench-peers.sh
#   PEERS_PYTHON=python3.12   the interpreter (default: the first Python >= 3.12 found, pyenv's included)
#   PEERS_VENV=dir            use (and keep) this virtualenv instead of a temporary one
#   CNAB_BIN=path             use this `cnab` instead of building one
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
runs=${RUNS:-5}
e240=${ENTRIES_240:-160000}
e400=${ENTRIES_400:-200000}

find_python() {
    local c
    for c in "${PEERS_PYTHON:-}" python3.13 python3.12 \
        "$(pyenv prefix 3.13 2>/dev/null)/bin/python" "$(pyenv prefix 3.12 2>/dev/null)/bin/python" \
        $(ls -d "$HOME"/.pyenv/versions/3.1[2-9]*/bin/python 2>/dev/null) python3; do
        [[ -n "$c" ]] && command -v "$c" >/dev/null 2>&1 || continue
        if "$c" -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then
            echo "$c"
            return 0
        fi
    done
    return 1
}
python=$(find_python) || {
    echo "bench-peers: pycobranca needs Python >= 3.12 and none was found (set PEERS_PYTHON)" >&2
    exit 2
}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
venv=${PEERS_VENV:-$tmp/venv}
[[ -x "$venv/bin/python" ]] || "$python" -m venv "$venv"
py=$venv/bin/python
echo "== $("$py" --version) in $venv"
"$py" -m pip install -q --disable-pip-version-check pycobranca==1.1.2 python3-cnab==1.0.11 maturin
echo "== pip install ./bindings/python (release build)"
"$py" -m pip install -q --disable-pip-version-check --force-reinstall --no-deps ./bindings/python

if [[ -z "${CNAB_BIN:-}" ]]; then
    echo "== cargo build --release -p cnab-cli"
    cargo build -q --release -p cnab-cli
    CNAB_BIN=${CARGO_TARGET_DIR:-$root/target}/release/cnab
fi

echo "== cnab gen (seed 2026)"
# Sicoob CNAB 240 is one of pycobranca's own CNAB 240 maps; python3-cnab reads Itaú's; Bradesco CNAB 400 both of
# ours and pycobranca's.
"$CNAB_BIN" gen --bank 756 --layout 240 --kind retorno --entries "$e240" --seed 2026 --out "$tmp/sicoob240.ret"
"$CNAB_BIN" gen --bank 341 --layout 240 --kind retorno --entries "$e240" --seed 2026 --out "$tmp/itau240.ret"
"$CNAB_BIN" gen --bank 237 --layout 400 --kind retorno --entries "$e400" --seed 2026 --out "$tmp/bradesco400.ret"

echo "== $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
"$py" scripts/bench_peers.py "$runs" "$CNAB_BIN" \
    "$tmp/sicoob240.ret:240:756" \
    "$tmp/itau240.ret:240:341:itau" \
    "$tmp/bradesco400.ret:400:237"
