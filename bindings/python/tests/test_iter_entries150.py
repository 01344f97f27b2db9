"""CNAB 150 streamed with ``cnab.iter_entries150``: what ``cnab.read`` gives, one entry at a time."""

from __future__ import annotations

import csv
import datetime
import io
from decimal import Decimal
from pathlib import Path
from typing import List, Tuple

import pytest

import cnab
from conftest import FIXTURES, ITAU_RET, ROOT

F150 = FIXTURES / "150-febraban" / "cnab150"
DEBITO_RET = F150 / "debito" / "retorno" / "retorno.ret"
DEBITO_REM = F150 / "debito" / "remessa" / "remessa.rem"
ARREC_RET = F150 / "arrecadacao" / "retorno" / "retorno.ret"
OTHER = ROOT.parent / "shared" / "corpus" / "real" / "other"


def _files150() -> List[Path]:
    """Every CNAB 150 fixture, and every real CNAB 150 file the corpus manifest lists (when the corpus is there)."""
    files = sorted(p for p in F150.rglob("*") if p.suffix in (".ret", ".rem"))
    manifest = OTHER / "MANIFEST.tsv"
    if manifest.is_file():
        with open(manifest, newline="") as f:
            files += sorted(OTHER / row["path"] for row in csv.DictReader(f, delimiter="\t") if row["layout"] == "150")
    return files


FILES = _files150()


def _id(p: Path) -> str:
    return str(p.relative_to(OTHER if OTHER in p.parents else F150))


def test_every_file_is_found() -> None:
    # the four fixtures (débito remessa, retorno v05 and v04, arrecadação), plus the corpus's three BB files
    assert len([p for p in FILES if F150 in p.parents]) == 4
    if (OTHER / "MANIFEST.tsv").is_file():
        assert len([p for p in FILES if OTHER in p.parents]) == 3


@pytest.mark.parametrize("path", FILES, ids=_id)
def test_streamed_entries_are_the_whole_file_reading(path: Path) -> None:
    whole = cnab.read(path)
    assert isinstance(whole, cnab.File150)
    assert whole.entries  # every file has entries to compare
    it = cnab.iter_entries150(path)
    assert list(it) == whole.entries
    assert it.header == whole.header
    assert (it.total_registros, it.valor_total) == (whole.total_registros, whole.valor_total)
    assert it.problems == []
    d = it.detected
    assert (d.bank, d.layout, d.product, d.kind) == (whole.bank.code, 150, whole.product, whole.kind)
    # a binary file object, read in chunks, and a file opened by the caller
    assert list(cnab.iter_entries150(io.BytesIO(path.read_bytes()))) == whole.entries
    with open(path, "rb") as f:
        assert list(cnab.iter_entries150(f, layout=150)) == whole.entries


def test_debito_retorno_values() -> None:
    it = cnab.iter_entries150(DEBITO_RET)
    assert it.header.convenio == ""  # read with the first entry
    assert (it.total_registros, it.valor_total) == (None, None)
    first = next(it)
    assert it.header.convenio == "000000000000000A1B2C"
    assert it.header.versao_layout == "05"
    assert (first.registro, first.cliente_empresa, first.line) == ("F", "0000451301", 5)
    assert (first.valor, first.data) == (Decimal("150.75"), datetime.date(2026, 11, 10))
    assert first.resultado is not None and first.resultado.code == "00" and first.resultado.is_debited
    rest = list(it)
    assert [e.resultado.code for e in rest if e.resultado] == ["01", "31", "99"]
    assert [e.line for e in rest] == [6, 7, 8]
    assert (it.total_registros, it.valor_total) == (9, Decimal("1517.21"))


def test_arrecadacao_values() -> None:
    entries = list(cnab.iter_entries150(ARREC_RET))
    assert [e.valor for e in entries] == [Decimal("45.90"), Decimal("120.00"), Decimal("78.12")]
    assert entries[0].codigo_barras == "82650000000459001232026111000000000000451301"
    assert entries[0].data_credito == datetime.date(2026, 11, 13)


def _damaged(path: Path, line: int, start: int, new: bytes) -> bytes:
    """The file with ``new`` written at 1-based column ``start`` of 1-based ``line``."""
    lines = path.read_bytes().split(b"\r\n")
    b = bytearray(lines[line - 1])
    b[start - 1 : start - 1 + len(new)] = new
    lines[line - 1] = bytes(b)
    return b"\r\n".join(lines)


def _key(e: cnab.CnabError) -> Tuple[object, ...]:
    return (type(e), e.code, e.line, e.columns, e.field, e.record, e.file, str(e))


def test_strict_error_comes_after_the_entries_before_it(tmp_path: Path) -> None:
    # F06 (53-67) of the third F record, line 7: a letter in the amount
    bad = _damaged(DEBITO_RET, 7, 60, b"X")
    p = tmp_path / "debito.ret"
    p.write_bytes(bad)
    with pytest.raises(cnab.FieldError) as whole:
        cnab.read(p)
    assert (whole.value.code, whole.value.line, whole.value.columns, whole.value.field) == (
        "not_digits",
        7,
        (53, 67),
        "valor",
    )
    assert whole.value.file == str(p)
    it = cnab.iter_entries150(p)
    assert [e.line for e in (next(it), next(it))] == [5, 6]
    with pytest.raises(cnab.FieldError) as streamed:
        next(it)
    assert _key(streamed.value) == _key(whole.value)
    assert list(it) == []  # the stream ends at its error
    # from bytes: the same error, without a file name
    with pytest.raises(cnab.FieldError) as from_bytes:
        list(cnab.iter_entries150(io.BytesIO(bad)))
    with pytest.raises(cnab.FieldError) as whole_bytes:
        cnab.read(bad)
    assert from_bytes.value.file is None
    assert _key(from_bytes.value) == _key(whole_bytes.value)


def test_lenient_collects_what_the_whole_file_reading_collects(tmp_path: Path) -> None:
    # G06 (82-93) of the second G record one centavo off its barcode's value
    bad = _damaged(ARREC_RET, 3, 93, b"1")
    p = tmp_path / "arrecadacao.ret"
    p.write_bytes(bad)
    whole = cnab.read(p, lenient=True)
    assert isinstance(whole, cnab.File150)
    it = cnab.iter_entries150(p, lenient=True)
    entries = list(it)
    assert entries == whole.entries
    assert entries[1].valor == Decimal("120.01")
    assert [(e.code, e.line, e.columns) for e in it.problems] == [
        ("barcode_value", 3, (82, 93)),
        ("trailer_count", 5, (8, 24)),  # Z03, the sum
    ]
    assert isinstance(it.problems[1], cnab.TrailerError)
    assert [_key(e) for e in it.problems] == [_key(e) for e in whole.problems]
    assert it.problems[0].file == str(p)
    # strict: the first entry, then the same error as cnab.read
    strict = cnab.iter_entries150(p)
    assert next(strict).valor == Decimal("45.90")
    with pytest.raises(cnab.FieldError) as e:
        next(strict)
    assert _key(e.value) == _key(whole.problems[0])


def test_cobranca_and_cnab150_streams_point_at_each_other(tmp_path: Path) -> None:
    with pytest.raises(cnab.LayoutError) as e:
        cnab.iter_entries(DEBITO_RET)
    assert e.value.code == "other_product"
    assert "cnab.iter_entries150" in str(e.value)
    assert e.value.file == str(DEBITO_RET)
    assert str(e.value) == (
        f"{DEBITO_RET}: line 1: a CNAB 150 débito automático file is not read as cobrança: stream its entries with "
        "cnab.iter_entries150 (cnab.read reads it whole)"
    )
    assert e.value.details == {
        "product": "débito automático",
        "layout": 150,
        "hint": ": stream its entries with cnab.iter_entries150 (cnab.read reads it whole)",
    }
    with pytest.raises(cnab.LayoutError) as e:
        cnab.iter_entries(io.BytesIO(ARREC_RET.read_bytes()))
    assert str(e.value) == (
        "line 1: a CNAB 150 arrecadação file is not read as cobrança: stream its entries with cnab.iter_entries150 "
        "(cnab.read reads it whole)"
    )
    with pytest.raises(cnab.LayoutError) as e:
        cnab.iter_batches(ARREC_RET)
    assert "cnab.iter_entries150" in str(e.value)
    with pytest.raises(cnab.LayoutError) as e:
        cnab.iter_entries150(ITAU_RET)
    assert e.value.code == "unknown_layout"
    assert "not CNAB 150" in str(e.value)
    with pytest.raises(cnab.LayoutError) as e:
        cnab.iter_entries150(DEBITO_RET, layout=240)
    assert e.value.code == "unknown_layout"
    with pytest.raises(FileNotFoundError) as nf:
        cnab.iter_entries150(tmp_path / "absent.ret")
    assert nf.value.filename == str(tmp_path / "absent.ret")
