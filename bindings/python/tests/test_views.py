"""A retorno read whole keeps its bytes and the core's entry views: each entry's fields are decoded when read. Every
attribute of every entry equals the owned entry's that streaming (``iter_entries``) gives, on every retorno fixture
and real retorno (banks whose rules rewrite entries included: Santander, BRB, Citibank…)."""

from __future__ import annotations

import pickle
from pathlib import Path
from typing import List

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


@pytest.mark.parametrize("path", _retornos(), ids=lambda p: str(p.relative_to(p.parents[3])))
def test_entry_views_equal_the_owned_entries(path: Path) -> None:
    try:
        whole = cnab.read(path, lenient=True)
        streamed = list(cnab.iter_entries(path, lenient=True))
    except cnab.CnabError:
        pytest.skip("not read leniently")
    if not isinstance(whole, cnab.Retorno):
        pytest.skip("not a CNAB 240/400 retorno")
    assert len(whole.entries) == len(streamed)
    for v, o in zip(whole.entries, streamed):
        for name in ATTRIBUTES:
            assert getattr(v, name) == getattr(o, name), (v.line, name)
            # read again: the same value (an entry a bank rule rewrites is built once and kept)
            assert getattr(v, name) == getattr(o, name), (v.line, name)
        assert v == o
        assert v.to_dict() == o.to_dict()
        assert repr(v) == repr(o)
        assert pickle.loads(pickle.dumps(v)) == o


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
