"""Arrow columns: Retorno.to_arrow() and iter_batches() through the Arrow PyCapsule interface, read by pyarrow and
queried by DuckDB; totals equal to the model's."""

from __future__ import annotations

import io
import pickle
from decimal import Decimal
from pathlib import Path
from typing import Any, List

import pytest

import cnab
from conftest import FIXTURES, ITAU_RET

pa = pytest.importorskip("pyarrow")
pc = pytest.importorskip("pyarrow.compute")
duckdb = pytest.importorskip("duckdb")

RETORNOS = sorted(FIXTURES.glob("*/*/retorno/*.ret"))


def _readable(paths: List[Path]) -> List[Any]:
    out = []
    for p in paths:
        try:
            out.append((p, cnab.read_retorno(p)))
        except cnab.CnabError:
            pass
    return out


def _total(entries: List[cnab.RetornoEntry], field: str) -> Decimal:
    return sum((getattr(e, field) for e in entries if getattr(e, field) is not None), Decimal(0))


def test_to_arrow_rows_values_and_totals_on_every_retorno() -> None:
    checked = 0
    for path, r in _readable(RETORNOS):
        t = pa.table(r.to_arrow())
        assert t.num_rows == len(r.entries), path
        assert t.schema.field("valor_pago").type == pa.decimal128(18, 2)
        assert t.schema.field("data_ocorrencia").type == pa.date32()
        for field in ("valor_pago", "valor_titulo", "tarifa", "juros_multa"):
            got = pc.sum(t[field]).as_py()
            assert (got if got is not None else Decimal(0)) == _total(r.entries, field), (path, field)
        rows = t.to_pylist()
        for e, row in zip(r.entries, rows):
            assert row["nosso_numero"] == e.nosso_numero
            assert row["line"] == e.line
            assert row["data_ocorrencia"] == e.data_ocorrencia
            assert row["valor_pago"] == e.valor_pago
            assert row["ocorrencia_kind"] == (e.kind.value if e.kind else None)
            assert [m["code"] for m in row["motivos"]] == [m.code for m in e.motivos]
        checked += 1
    assert checked >= 10


def test_duckdb_query_over_to_arrow() -> None:
    r = cnab.read_retorno(ITAU_RET)
    entries = r.to_arrow()  # noqa: F841 - DuckDB finds it by its name
    got = duckdb.sql(
        "select count(*), sum(valor_pago), count(*) filter (where ocorrencia_kind = 'liquidacao') from entries"
    ).fetchall()[0]
    paid = [e for e in r.entries if e.kind is cnab.OcorrenciaKind.LIQUIDACAO]
    assert got[0] == len(r.entries)
    assert got[1] == _total(r.entries, "valor_pago") and got[1] > 0
    assert got[2] == len(paid) > 0


def test_iter_batches_streams_what_read_gives(tmp_path: Path) -> None:
    r = cnab.read_retorno(ITAU_RET)
    batches = list(cnab.iter_batches(ITAU_RET, batch_size=2))
    assert [b.num_rows for b in batches] == [2] * (len(r.entries) // 2) + ([1] if len(r.entries) % 2 else [])
    streamed = pa.Table.from_batches(batches)
    assert streamed.equals(pa.table(r.to_arrow()))
    # a file object, and DuckDB over the stream
    reader = cnab.iter_batches(io.BytesIO(ITAU_RET.read_bytes()))
    total = duckdb.sql("select sum(valor_pago) from reader").fetchall()[0]
    assert total[0] == _total(r.entries, "valor_pago")


def test_iter_batches_errors() -> None:
    with pytest.raises(FileNotFoundError):
        cnab.iter_batches("/nonexistent/x.ret")
    with pytest.raises(ValueError):
        cnab.iter_batches(ITAU_RET, batch_size=0)
    lines = ITAU_RET.read_bytes().split(b"\r\n")
    data = b"\r\n".join(lines[:-3] + [b""])  # no trailers
    with pytest.raises(Exception, match="trailer"):
        pa.table(cnab.iter_batches(io.BytesIO(data)))
    assert pa.table(cnab.iter_batches(io.BytesIO(data), lenient=True)).num_rows > 0


def test_native_entry_behaviour() -> None:
    r = cnab.read_retorno(ITAU_RET)
    e = r.entries[0]
    assert isinstance(e, cnab.RetornoEntry)
    assert e == cnab.RetornoEntry.from_dict(e.to_dict())
    assert pickle.loads(pickle.dumps(e)) == e
    assert cnab.RetornoEntry(nosso_numero="1", valor_pago="10.50").valor_pago == Decimal("10.50")
    with pytest.raises(TypeError):
        cnab.RetornoEntry(no_such_field=1)
    with pytest.raises(AttributeError):
        e.valor_pago = Decimal(1)  # type: ignore[misc]
    assert "RetornoEntry(line=" in repr(e)
    assert e.to_json() == cnab.RetornoEntry.from_dict(e.to_dict()).to_json()
