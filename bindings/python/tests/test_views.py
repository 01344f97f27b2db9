"""A retorno read whole keeps its bytes and the core's entry views, and ``iter_entries`` streams views over chunks of
lines: each entry's fields are decoded when read. Every attribute of every entry, whole and streamed, equals the owned
entry's, on every retorno fixture and real retorno (banks whose rules rewrite entries included: Santander, BRB,
Citibank…)."""

from __future__ import annotations

import pickle
from pathlib import Path
from typing import List, Optional, Tuple

import pytest

import cnab

from conftest import FIXTURES, ROOT

CORPUS = ROOT.parent / "shared" / "corpus" / "real"


def _retornos() -> List[Path]:
    files = sorted(FIXTURES.glob("*/cnab*/retorno/*.ret"))
    if CORPUS.is_dir():
        files += sorted(p for p in CORPUS.glob("*/cnab*/retorno/*") if p.is_file())
    return files


ATTRIBUTES = sorted(k for k, v in vars(cnab.RetornoEntry).items() if type(v).__name__ == "getset_descriptor")


def _problem(p: cnab.CnabError) -> Tuple[str, str, Optional[int], Optional[str]]:
    return (type(p).__name__, str(p), p.line, p.field)


@pytest.mark.parametrize("path", _retornos(), ids=lambda p: str(p.relative_to(p.parents[3])))
def test_entry_views_equal_the_owned_entries(path: Path) -> None:
    """Whole (``cnab.read``) and streamed (``iter_entries``, views over chunks of lines): every attribute, equality,
    ``to_dict``, ``repr`` and pickling of each entry equal the owned entry's (the one the core builds from the same
    records: what ``to_dict`` serializes), and streaming gives the whole read's problems."""
    try:
        whole = cnab.read(path, lenient=True)
        it = cnab.iter_entries(path, lenient=True)
        streamed = list(it)
    except cnab.CnabError:
        pytest.skip("not read leniently")
    if not isinstance(whole, cnab.Retorno):
        pytest.skip("not a CNAB 240/400 retorno")
    assert len(whole.entries) == len(streamed)
    assert [_problem(p) for p in it.problems] == [_problem(p) for p in whole.problems]
    for v, s in zip(whole.entries, streamed):
        o = cnab.RetornoEntry.from_dict(v.to_dict())  # owned
        for e in (v, s):
            for name in ATTRIBUTES:
                assert getattr(e, name) == getattr(o, name), (e.line, name)
                # read again: the same value (an entry a bank rule rewrites is built once and kept)
                assert getattr(e, name) == getattr(o, name), (e.line, name)
            assert e == o
            assert e.to_dict() == o.to_dict()
            assert repr(e) == repr(o)
            assert pickle.loads(pickle.dumps(e)) == o


@pytest.mark.parametrize("path", _retornos(), ids=lambda p: str(p.relative_to(p.parents[3])))
def test_strict_streaming_stops_at_the_first_problem(path: Path) -> None:
    """Strict ``iter_entries`` raises the problem lenient reading lists first, after the entries before it."""
    try:
        lenient = cnab.iter_entries(path, lenient=True)
        entries = list(lenient)
    except cnab.CnabError:
        pytest.skip("not read leniently")
    got: List[cnab.RetornoEntry] = []
    error: Optional[cnab.CnabError] = None
    try:
        for e in cnab.iter_entries(path):
            got.append(e)
    except cnab.CnabError as err:
        error = err
    problems = lenient.problems
    if not problems:
        assert error is None
        assert got == entries
    else:
        assert error is not None
        assert _problem(error) == _problem(problems[0])
        assert got == entries[: len(got)]


def test_streamed_entries_outlive_their_chunk() -> None:
    """An entry of iter_entries keeps its chunk's lines: it reads the same once the iterator is gone."""
    path = FIXTURES / "341-itau" / "cnab240" / "retorno" / "retorno.ret"
    want = [e.to_dict() for e in cnab.read(path).entries]
    entries = list(cnab.iter_entries(path))
    import gc

    gc.collect()
    assert [e.to_dict() for e in entries] == want
    assert entries[1].nosso_numero == "12345679"


def test_entries_outlive_their_retorno() -> None:
    """An entry keeps the file's bytes alive: it reads the same once the Retorno is gone."""
    r = cnab.read(FIXTURES / "341-itau" / "cnab240" / "retorno" / "retorno.ret")
    assert isinstance(r, cnab.Retorno)
    want = [e.to_dict() for e in r.entries]
    entries = r.entries
    del r
    import gc

    gc.collect()
    assert [e.to_dict() for e in entries] == want
    assert entries[0].nosso_numero == "12345678"


def test_entries_read_from_bytes_keep_them() -> None:
    """A retorno read from a ``bytes`` object reads that object's buffer in place: its entries keep it alive and read
    the same once the caller's reference and the Retorno are gone."""
    path = FIXTURES / "341-itau" / "cnab240" / "retorno" / "retorno.ret"
    want = [e.to_dict() for e in cnab.read(path).entries]
    data = path.read_bytes()
    r = cnab.read(data)
    assert isinstance(r, cnab.Retorno)
    entries = r.entries
    del r, data
    import gc

    gc.collect()
    assert [e.to_dict() for e in entries] == want
    assert str(entries[0].valor_pago) == "127.50"


AMOUNTS = (
    "valor_titulo",
    "valor_pago",
    "valor_creditado",
    "juros_multa",
    "juros",
    "multa",
    "desconto",
    "abatimento",
    "iof",
    "tarifa",
    "outras_despesas",
    "outros_creditos",
)


def test_a_big_file_read_from_its_path(tmp_path: Path, cli: str) -> None:
    """A file of more than 4 MiB read from its path (read into a memory map) gives what its bytes give, and every
    amount is the ``Decimal`` of the core's text, exponent included (the amounts made once per value are shared)."""
    import subprocess
    from decimal import Decimal

    path = tmp_path / "big.ret"
    subprocess.run(
        [cli, "gen", "--bank", "237", "--layout", "400", "--kind", "retorno", "--entries", "12000"]
        + ["--seed", "7", "--out", str(path)],
        check=True,
        capture_output=True,
    )
    assert path.stat().st_size > 4 << 20
    from_path = cnab.read(path)
    from_bytes = cnab.read(path.read_bytes())
    assert isinstance(from_path, cnab.Retorno) and isinstance(from_bytes, cnab.Retorno)
    assert len(from_path.entries) == 12000
    assert [e.to_dict() for e in from_path.entries] == [e.to_dict() for e in from_bytes.entries]
    zeros = 0
    for e in from_path.entries:
        d = e.to_dict()
        for name in AMOUNTS:
            got = getattr(e, name)
            if d.get(name) is None:
                assert got is None, (e.line, name)
                continue
            want = Decimal(d[name])
            assert got.as_tuple() == want.as_tuple(), (e.line, name, got, want)
            zeros += got == 0
    assert zeros > 0  # shared zero amounts were among them

