"""Binary file objects (open files, io.BytesIO, uploads) read like paths and bytes; missing files name themselves."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

import pytest

import cnab
from conftest import FIXTURES, ITAU_REM, ITAU_RET


def test_read_bytesio_equals_read_bytes() -> None:
    for f in sorted(FIXTURES.rglob("*.re[mt]")):
        data = f.read_bytes()
        try:
            want = cnab.read(data, lenient=True)
        except cnab.CnabError:
            continue
        assert cnab.read(io.BytesIO(data), lenient=True) == want, f
    data = ITAU_RET.read_bytes()
    assert cnab.read(io.BytesIO(data)) == cnab.read(data)
    assert cnab.read_retorno(io.BytesIO(data)) == cnab.read_retorno(data)
    rem = ITAU_REM.read_bytes()
    assert cnab.read_remessa(io.BytesIO(rem)) == cnab.read_remessa(rem)


def test_read_open_file() -> None:
    with open(ITAU_RET, "rb") as f:
        r = cnab.read_retorno(f)
    assert r == cnab.read_retorno(ITAU_RET)
    assert len(r.entries) > 0


def test_file_object_of_the_other_kind_is_refused() -> None:
    with pytest.raises(cnab.LayoutError, match="this is a retorno"):
        cnab.read_remessa(io.BytesIO(ITAU_RET.read_bytes()))


def test_text_mode_is_refused() -> None:
    with pytest.raises(TypeError, match="binary mode"):
        cnab.read(io.StringIO("x"))  # type: ignore[arg-type]


def test_iter_entries_from_a_file_object() -> None:
    data = ITAU_RET.read_bytes()
    want = list(cnab.iter_entries(ITAU_RET))
    assert list(cnab.iter_entries(io.BytesIO(data))) == want
    with open(ITAU_RET, "rb") as f:
        assert list(cnab.iter_entries(f)) == want
    assert [e.nosso_numero for e in want] == [e.nosso_numero for e in cnab.read_retorno(data).entries]


def test_iter_entries_file_object_errors_name_the_file(tmp_path: Path) -> None:
    data = bytearray(ITAU_RET.read_bytes())
    first = data.index(b"\n") + 1
    data[first:first + 5] = b"XXXXX"  # the file's second record: banco and lote are no digits
    p = tmp_path / "bad.ret"
    p.write_bytes(bytes(data))
    with open(p, "rb") as f, pytest.raises(cnab.CnabError) as e:
        list(cnab.iter_entries(f))
    assert e.value.file == str(p)


@pytest.mark.parametrize(
    "call",
    [cnab.read, cnab.read_retorno, cnab.read_remessa, cnab.iter_entries, cnab.detect],
)
def test_missing_file_raises_file_not_found_with_its_name(call: object, tmp_path: Path) -> None:
    missing = str(tmp_path / "nope.ret")
    with pytest.raises(FileNotFoundError) as e:
        call(missing)  # type: ignore[operator]
    assert e.value.filename == missing
    assert "nope.ret" in str(e.value)


def test_no_message_mentions_cli_flags() -> None:
    pkg = Path(cnab.__file__).parent
    src = Path(__file__).resolve().parents[1] / "src"
    hits = subprocess.run(
        ["grep", "-rn", "--", "--lenient\\|--bank\\|--strict", str(src), str(pkg)],
        capture_output=True,
        text=True,
    ).stdout
    # Docstrings may point at the CLI's output format; messages (strings passed to errors) must not.
    offending = [h for h in hits.splitlines() if "err(" in h or "Error(" in h or "raise" in h]
    assert offending == []
