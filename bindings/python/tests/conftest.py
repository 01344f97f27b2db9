from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Optional

import pytest

ROOT = Path(__file__).resolve().parents[3]
FIXTURES = ROOT / "fixtures"
ITAU_RET = FIXTURES / "341-itau" / "cnab240" / "retorno" / "retorno.ret"
ITAU_REM = FIXTURES / "341-itau" / "cnab240" / "remessa" / "remessa.rem"


def cnab_bin() -> Optional[str]:
    """The `cnab` CLI: $CNAB_BIN, else target/debug/cnab under $CARGO_TARGET_DIR or the repository, else PATH."""
    env = os.environ.get("CNAB_BIN")
    if env:
        return env
    candidates = []
    if os.environ.get("CARGO_TARGET_DIR"):
        candidates.append(Path(os.environ["CARGO_TARGET_DIR"]) / "debug" / "cnab")
    candidates.append(ROOT / "target" / "debug" / "cnab")
    for c in candidates:
        if c.is_file() and os.access(c, os.X_OK):
            return str(c)
    return shutil.which("cnab")


@pytest.fixture(scope="session")
def cli() -> str:
    b = cnab_bin()
    if b is None:
        pytest.skip("no cnab CLI binary (set CNAB_BIN or build with `cargo build -p cnab-cli`)")
    return b
