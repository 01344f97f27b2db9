"""CNAB 150 (FEBRABAN débito automático and arrecadação) through ``cnab.read``."""

from __future__ import annotations

import datetime
import io
import json
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest

import cnab
from conftest import FIXTURES, ROOT

F150 = FIXTURES / "150-febraban" / "cnab150"
DEBITO_RET = F150 / "debito" / "retorno" / "retorno.ret"
DEBITO_REM = F150 / "debito" / "remessa" / "remessa.rem"
ARREC_RET = F150 / "arrecadacao" / "retorno" / "retorno.ret"
REAL = ROOT.parent / "shared" / "corpus" / "real" / "other" / "001-bb" / "cnab150-cnab150" / "retorno"


def test_debito_retorno_reads_with_outcomes() -> None:
    f = cnab.read(DEBITO_RET)
    assert isinstance(f, cnab.File150)
    assert (f.bank.code, f.product, f.kind, f.layout) == ("001", "debito_automatico", "retorno", 150)
    assert [e.resultado.code for e in f.entries if e.resultado] == ["00", "01", "31", "99"]
    debitado = sum((e.valor for e in f.entries if e.resultado and e.resultado.is_debited), Decimal(0))
    assert debitado == Decimal("192.75")
    assert f.valor_total == Decimal("1517.21")
    assert f.entries[1].data == datetime.date(2026, 11, 10)
    assert [c.registro for c in f.cadastros] == ["B", "B", "H"]
    assert f.cadastros[0].data == datetime.date(2026, 11, 1)


def test_bytes_file_objects_and_forced_layout_agree() -> None:
    by_path = cnab.read(DEBITO_REM).to_dict()
    assert cnab.read(DEBITO_REM.read_bytes()).to_dict() == by_path
    assert cnab.read(io.BytesIO(DEBITO_REM.read_bytes())).to_dict() == by_path
    assert cnab.read(DEBITO_REM, layout=150).to_dict() == by_path
    assert cnab.detect(DEBITO_REM.read_bytes()).product == "debito_automatico"
    assert cnab.detect(ARREC_RET).product == "arrecadacao"
    # A cobrança file is not CNAB 150.
    with pytest.raises(cnab.LayoutError):
        cnab.read(FIXTURES / "341-itau" / "cnab240" / "retorno" / "retorno.ret", layout=150)


def test_arrecadacao_barcodes_and_damage() -> None:
    f = cnab.read(ARREC_RET)
    assert [e.valor for e in f.entries] == [Decimal("45.90"), Decimal("120.00"), Decimal("78.12")]
    assert f.entries[0].codigo_barras == "82650000000459001232026111000000000000451301"
    lines = ARREC_RET.read_bytes().split(b"\r\n")
    g = bytearray(lines[1])
    g[92] = ord("1")  # G06 (82-93) one centavo more than the barcode says
    lines[1] = bytes(g)
    bad = b"\r\n".join(lines)
    with pytest.raises(cnab.FieldError) as e:
        cnab.read(bad)
    assert (e.value.code, e.value.line, e.value.columns) == ("barcode_value", 2, (82, 93))
    lenient = cnab.read(bad, lenient=True)
    assert [p.code for p in lenient.problems] == ["barcode_value", "trailer_count"]
    assert isinstance(lenient.problems[1], cnab.TrailerError)


def test_read_retorno_refuses_cnab_150() -> None:
    with pytest.raises(cnab.LayoutError) as e:
        cnab.read_retorno(DEBITO_RET)
    assert "CNAB 150" in str(e.value)


@pytest.mark.skipif(not REAL.is_dir(), reason="real-file corpus absent")
def test_real_arrecadacao_retornos_sum_to_their_trailers() -> None:
    for p in sorted(REAL.glob("*.ret")):
        f = cnab.read(p)
        assert f.valor_total == sum((e.valor for e in f.entries), Decimal(0)), p
        assert f.total_registros == len(f.entries) + 2, p


@pytest.mark.parametrize("path", [DEBITO_RET, DEBITO_REM, ARREC_RET], ids=lambda p: p.parent.parent.name)
def test_python_and_cli_agree_on_cnab_150(cli: str, path: Path) -> None:
    p = subprocess.run([cli, "parse", str(path)], capture_output=True, text=True)
    assert p.returncode == 0, p.stderr
    assert json.loads(p.stdout) == cnab.read(path).to_dict()
