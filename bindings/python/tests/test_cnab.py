"""Tests of the Python bindings against the bundled fixtures, the Rust core's expected JSON and the CLI."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import threading
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any, Dict, List

import pytest

import cnab
from cnab import boleto

from conftest import FIXTURES, ITAU_REM, ITAU_RET

ALL_FILES = sorted(p for p in FIXTURES.glob("*/*/*/*") if p.suffix in (".ret", ".rem"))
REMESSA_MODELS = sorted(FIXTURES.glob("*/*/remessa/*.model.json"))


def fid(p: Path) -> str:
    return str(p.relative_to(FIXTURES))


def strip_lines(v: Any) -> Any:
    """What the fixtures' `.expected.json` leave out: line numbers, records, problems, bank."""
    if isinstance(v, dict):
        return {k: strip_lines(x) for k, x in v.items() if k not in ("line", "records", "problems", "bank")}
    if isinstance(v, list):
        return [strip_lines(x) for x in v]
    return v


def read_or_skip(path: Path) -> Any:
    """Reads a fixture; a fixture the Rust core itself cannot read yet (a bank table in progress) is the core's
    business (cargo test), not the bindings'."""
    try:
        return cnab.read(path)
    except cnab.LayoutError as e:
        pytest.skip(f"the core cannot read {fid(path)} yet: {e}")


# ---------------------------------------------------------------- detect


def test_detect_itau_retorno() -> None:
    d = cnab.detect(ITAU_RET.read_bytes())
    assert isinstance(d, cnab.Detected)
    assert (d.bank, d.layout, d.kind, d.supported) == ("341", 240, "retorno", True)
    assert d.bank_name == "Itaú Unibanco"
    assert d.version == cnab.read(ITAU_RET).header.layout_versao or d.version
    assert cnab.detect(ITAU_RET) == d  # a path works too


def test_detect_itau_remessa() -> None:
    d = cnab.detect(ITAU_REM.read_bytes())
    assert (d.bank, d.layout, d.kind) == ("341", 240, "remessa")


def test_detect_garbage_raises_layout_error() -> None:
    with pytest.raises(cnab.LayoutError) as ei:
        cnab.detect(b"hello\r\n")
    e = ei.value
    assert isinstance(e, cnab.CnabError) and isinstance(e, ValueError)
    assert e.kind == "unknown_layout"
    assert "not a CNAB 240 or CNAB 400 file" in str(e)


# ---------------------------------------------------------------- read: retorno


def test_read_itau_retorno_literals() -> None:
    r = cnab.read(ITAU_RET)
    assert isinstance(r, cnab.Retorno)
    assert r.bank.code == "341" and r.layout == 240
    paid = r.entries[0]
    assert paid.valor_pago == Decimal("127.50")
    assert paid.data_ocorrencia == date(2026, 12, 15)
    assert paid.ocorrencia is not None
    assert paid.ocorrencia.kind is cnab.OcorrenciaKind.LIQUIDACAO
    assert paid.ocorrencia.kind == "liquidacao"  # str-based enum
    assert paid.ocorrencia.kind.is_payment and paid.kind is cnab.OcorrenciaKind.LIQUIDACAO
    assert isinstance(paid.valor_pago, Decimal) and isinstance(paid.data_ocorrencia, date)
    assert r.problems == []
    assert isinstance(r.header.data_geracao, date)


def test_read_itau_retorno_matches_model_json() -> None:
    model = json.loads((ITAU_RET.parent / "retorno.model.json").read_text())
    r = cnab.read_retorno(ITAU_RET)
    assert len(r.entries) == len(model["entries"])
    for want, got in zip(model["entries"], r.entries):
        assert got.nosso_numero == want["nosso_numero"]
        assert got.seu_numero == want["seu_numero"]
        assert got.ocorrencia is not None and got.ocorrencia.code == want["ocorrencia"]["code"]
        assert got.ocorrencia.kind == cnab.OcorrenciaKind(want["ocorrencia"]["kind"])
        for k in ("valor_titulo", "valor_pago", "valor_creditado", "tarifa"):
            if k in want:
                assert getattr(got, k) == Decimal(want[k]), k
        for k in ("data_ocorrencia", "data_credito", "vencimento"):
            if k in want:
                assert getattr(got, k) == date.fromisoformat(want[k]), k
        assert [m.code for m in got.motivos] == [m["code"] for m in want.get("motivos", [])]


def test_records_and_fields() -> None:
    r = cnab.read(ITAU_RET)
    assert len(r.records) == len(ITAU_RET.read_bytes().splitlines())
    assert [rec.line for rec in r.records] == list(range(1, len(r.records) + 1))
    assert r.records[0].name == "header_arquivo"
    u = next(rec for rec in r.records if rec.name == "segmento_u")
    assert u["valor_pago"] == r.entries[0].valor_pago
    assert u["data_ocorrencia"] == date(2026, 12, 15)
    assert "valor_pago" in u and u.get("no_such_field") is None
    assert u.fields["segmento"] == "U"
    assert len(u.raw) == 240
    assert u.to_dict()["fields"]["valor_pago"] == "127.50"
    with pytest.raises(KeyError):
        u["no_such_field"]


def test_read_bytes_and_path_agree() -> None:
    a = cnab.read(ITAU_RET)
    b = cnab.read(ITAU_RET.read_bytes())
    c = cnab.read(str(ITAU_RET))
    assert a.to_dict() == b.to_dict() == c.to_dict()


def test_to_json_round_trips_through_json() -> None:
    r = cnab.read(ITAU_RET)
    d = json.loads(r.to_json())
    assert d == r.to_dict()
    assert d["entries"][0]["valor_pago"] == "127.50"
    assert d["entries"][0]["data_ocorrencia"] == "2026-12-15"
    assert d["kind"] == "retorno" and d["layout"] == "240"


def test_read_retorno_rejects_remessa() -> None:
    with pytest.raises(cnab.LayoutError) as ei:
        cnab.read_retorno(ITAU_REM)
    e = ei.value
    assert (e.code, e.category, e.file) == ("unknown_kind", "structure", str(ITAU_REM))
    assert str(e) == f"{ITAU_REM}: cannot tell remessa from retorno: this is a remessa"
    assert e.to_dict()["reason"] == "this is a remessa"


def test_read_forced_bank_and_layout() -> None:
    r = cnab.read(ITAU_RET, bank="341", layout=240)
    assert isinstance(r, cnab.Retorno) and r.bank.code == "341"
    r2 = cnab.read(ITAU_RET, bank=341)
    assert r2.to_dict() == r.to_dict()
    with pytest.raises(cnab.CnabError):
        cnab.read(ITAU_RET, layout=300)


def test_read_missing_file_is_oserror() -> None:
    with pytest.raises(OSError):
        cnab.read("/nonexistent/file.ret")


# ---------------------------------------------------------------- read: remessa


def test_read_itau_remessa() -> None:
    m = cnab.read(ITAU_REM)
    assert isinstance(m, cnab.Remessa)
    assert m.bank is not None and m.bank.code == "341" and m.layout == 240
    model = json.loads((ITAU_REM.parent / "remessa.model.json").read_text())
    assert len(m.titulos) == len(model["titulos"])
    for want, got in zip(model["titulos"], m.titulos):
        assert got.valor == Decimal(want["valor"])
        assert got.nosso_numero == want["nosso_numero"]
        if "vencimento" in want:
            assert got.vencimento == date.fromisoformat(want["vencimento"])
    assert m.records and m.records[0].name == "header_arquivo"
    # written back as read
    assert m.to_bytes() == ITAU_REM.read_bytes()


# ---------------------------------------------------------------- fixtures: expected JSON and the model round trip


@pytest.mark.parametrize("path", ALL_FILES, ids=fid)
def test_fixture_matches_expected_json(path: Path) -> None:
    expected_path = path.with_name(path.stem + ".expected.json")
    if not expected_path.exists():
        pytest.skip("no expected JSON")
    f = read_or_skip(path)
    want = json.loads(expected_path.read_text())
    got = strip_lines(f.to_dict())
    for k in want:
        assert got.get(k) == want[k], k


def test_itau_remessa_model_writes_the_fixture() -> None:
    """Remessa.from_dict(model.json).to_bytes(bank, layout) gives the fixture's bytes, and reads back."""
    model_path = ITAU_REM.with_name("remessa.model.json")
    m = cnab.Remessa.from_dict(json.loads(model_path.read_text()))
    data = m.to_bytes(bank="341", layout=240)
    assert data == ITAU_REM.read_bytes()
    back = cnab.read_remessa(data)
    assert [t.valor for t in back.titulos] == [t.valor for t in m.titulos]


@pytest.mark.parametrize("model_path", REMESSA_MODELS, ids=fid)
def test_remessa_model_writes_like_cli(cli: str, model_path: Path) -> None:
    """Every bank's remessa model: Python's writer output is the CLI's (`cnab remessa MODEL`), byte for byte."""
    bank = model_path.parents[2].name[:3]
    layout = int(model_path.parents[1].name.removeprefix("cnab"))
    p = subprocess.run(
        [cli, "remessa", str(model_path), "--bank", bank, "--layout", str(layout)], capture_output=True
    )
    m = cnab.Remessa.from_dict(json.loads(model_path.read_text()))
    try:
        data = m.to_bytes(bank=bank, layout=layout)
    except cnab.CnabError as e:
        assert p.returncode != 0 and str(e) in p.stderr.decode(), f"CLI writes it, Python raised {e!r}"
        return
    assert p.returncode == 0, p.stderr
    assert data == p.stdout


@pytest.mark.parametrize("path", ALL_FILES, ids=fid)
def test_to_dict_is_the_core_json(path: Path) -> None:
    """Nothing the core serializes is lost or changed by the dataclasses (guards against model drift; needs no CLI)."""
    from cnab import _cnab

    try:
        native = _cnab.read_path(str(path), None, None, None, False)
    except _cnab.NativeError:
        pytest.skip("the core cannot read it")
    assert cnab.read(path).to_dict() == json.loads(native.model_json())


# ---------------------------------------------------------------- agreement with the CLI


@pytest.mark.parametrize("path", ALL_FILES, ids=fid)
def test_python_and_cli_agree(cli: str, path: Path) -> None:
    p = subprocess.run([cli, "parse", str(path)], capture_output=True, text=True)
    try:
        py = cnab.read(path).to_dict()
    except cnab.CnabError as e:
        assert p.returncode != 0, f"CLI reads it, Python raised {e!r}"
        assert str(e) in p.stderr
        return
    assert p.returncode == 0, p.stderr
    assert json.loads(p.stdout) == py


@pytest.mark.parametrize("path", [ITAU_RET, ITAU_REM], ids=fid)
def test_records_agree_with_cli(cli: str, path: Path) -> None:
    p = subprocess.run([cli, "parse", "--records", str(path)], capture_output=True, text=True, check=True)
    want = json.loads(p.stdout)["records"]
    got = [r.to_dict() for r in cnab.read(path).records]
    assert got == want


def test_boleto_agrees_with_cli(cli: str) -> None:
    code = "34191.09008 01015.271248 80212.460002 4 25480000675787"
    p = subprocess.run([cli, "boleto", "parse", code], capture_output=True, text=True, check=True)
    assert json.loads(p.stdout) == boleto.parse(code).to_dict()
    assert boleto.parse(code).avisos == []


def test_boleto_value_over_the_fator_positions() -> None:
    # Bradesco, 123,456,789.01 without due date: the 14-digit value runs over the fator positions
    p = boleto.parse("23791.17209 60000.000004 01040.300509 3 00012345678901")
    assert p.valor == Decimal("123456789.01")
    assert p.fator_vencimento is None and p.vencimento is None
    assert len(p.avisos) == 1 and "14-digit value" in p.avisos[0]


def test_retorno_pix_and_separate_juros_multa() -> None:
    r = cnab.read_retorno(FIXTURES / "033-santander/cnab400/retorno/retorno.ret")
    pix = r.entries[0].pix
    assert pix is not None
    assert (pix.tipo_chave, pix.chave, pix.txid) == ("2", "11222333000181", "NF1001PADARIASAOJOAO2026")
    assert r.entries[1].pix is None
    s = cnab.read_retorno(FIXTURES / "748-sicredi/cnab400/retorno/retorno.ret")
    e = s.entries[0]
    assert (e.juros, e.multa, e.juros_multa) == (Decimal("0.00"), Decimal("2.55"), Decimal("2.55"))


# ---------------------------------------------------------------- streaming


def test_iter_entries_counts_and_values() -> None:
    it = cnab.iter_entries(ITAU_RET)
    assert it.detected.bank == "341"
    # the streaming iterator detects as cnab.detect does, product included
    assert it.detected == cnab.detect(ITAU_RET)
    assert it.detected.product == "cobranca"
    streamed = list(it)
    assert it.header == cnab.read(ITAU_RET).header
    whole = cnab.read_retorno(ITAU_RET)
    assert len(streamed) == len(whole.entries)
    assert [e.to_dict() for e in streamed] == [e.to_dict() for e in whole.entries]
    assert streamed[0].valor_pago == Decimal("127.50")
    assert it.problems == []


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("*/*/retorno/*.ret")), ids=fid)
def test_iter_entries_equals_read_on_every_retorno(path: Path) -> None:
    whole = read_or_skip(path)
    assert len(list(cnab.iter_entries(path))) == len(whole.entries)


def test_iter_entries_streams_a_large_file(tmp_path: Path) -> None:
    """Many copies of the detail records: the iterator yields them all, one at a time."""
    lines = ITAU_RET.read_bytes().split(b"\r\n")
    lines = [line for line in lines if line]
    details = [line for line in lines if line[7:8] == b"3"]
    n = 2000
    body = lines[:2] + details * n + lines[-2:]
    big = tmp_path / "big.ret"
    big.write_bytes(b"\r\n".join(body) + b"\r\n")
    count = 0
    for e in cnab.iter_entries(big, lenient=True):  # trailer counts are wrong on purpose
        count += 1
        assert e.nosso_numero
    assert count == n * len(cnab.read(ITAU_RET).entries)


# ---------------------------------------------------------------- errors and lenient mode


def itau_lines() -> List[bytes]:
    return [line for line in ITAU_RET.read_bytes().split(b"\r\n") if line]


def test_truncated_file_strict_and_lenient(tmp_path: Path) -> None:
    lines = itau_lines()[:-2]  # no trailers
    data = b"\r\n".join(lines) + b"\r\n"
    with pytest.raises(cnab.LayoutError) as ei:
        cnab.read(data)
    assert ei.value.kind == "missing_trailer"
    r = cnab.read(data, lenient=True)
    assert isinstance(r, cnab.Retorno)
    assert r.entries and r.entries[0].valor_pago == Decimal("127.50")
    assert r.problems, "lenient mode reports the missing trailer"
    assert all(isinstance(p, cnab.CnabError) for p in r.problems)
    assert any(p.kind == "missing_trailer" for p in r.problems)
    assert r.to_dict()["problems"][0]["kind"] == r.problems[0].kind
    assert r.to_dict()["problems"][0]["code"] == r.problems[0].code == r.problems[0].kind
    # the streaming reader agrees
    f = tmp_path / "t.ret"
    f.write_bytes(data)
    with pytest.raises(cnab.LayoutError):
        list(cnab.iter_entries(f))
    it = cnab.iter_entries(f, lenient=True)
    assert len(list(it)) == len(r.entries)
    assert any(p.kind == "missing_trailer" for p in it.problems)


def test_bad_digits_error_has_line_columns_field(tmp_path: Path) -> None:
    lines = itau_lines()
    i = next(k for k, line in enumerate(lines) if line[13:14] == b"U")
    u = lines[i]
    pos = u.index(b"000000000012750")  # valor_pago 127.50
    lines[i] = u[:pos] + b"0000000000,2750" + u[pos + 15 :]
    data = b"\r\n".join(lines) + b"\r\n"
    with pytest.raises(cnab.FieldError) as ei:
        cnab.read(data)
    e = ei.value
    assert e.line == i + 1
    assert e.field == "valor_pago"
    assert e.kind == "not_digits"
    assert e.columns is not None and e.column == e.columns[0]
    assert e.columns[0] <= pos + 11 <= e.columns[1]
    assert str(e) == f'line {i + 1}, columns {e.columns[0]}-{e.columns[1]} (valor_pago): expected digits, found "0000000000,2750"'
    assert e.record == "segmento_u"
    assert (e.code, e.category, e.file) == ("not_digits", "field", None)
    assert e.details == {"found": "0000000000,2750"}
    # read from a path, the error names the file
    path = _write(tmp_path, data)
    with pytest.raises(cnab.FieldError) as ei:
        cnab.read(path)
    assert ei.value.file == str(path)
    assert str(ei.value) == f"{path}: {e}"
    # lenient: the value is dropped, the problem recorded, the rest read
    r = cnab.read(data, lenient=True)
    assert any(p.field == "valor_pago" and p.line == i + 1 for p in r.problems)
    with pytest.raises(cnab.FieldError):
        list(cnab.iter_entries(_write(tmp_path, data)))


def test_trailer_count_error() -> None:
    lines = itau_lines()
    t = lines[-1]
    lines[-1] = t[:23] + b"000099" + t[29:]  # qtd_registros
    data = b"\r\n".join(lines) + b"\r\n"
    with pytest.raises(cnab.TrailerError) as ei:
        cnab.read(data)
    assert ei.value.kind == "trailer_count"
    assert ei.value.line == len(lines)
    r = cnab.read(data, lenient=True)
    assert [p.kind for p in r.problems] == ["trailer_count"]


def test_header_count_error_is_a_trailer_error() -> None:
    # BRB's "DCB" remessa has no trailer: its header declares the record count (header + registros).
    data = (FIXTURES / "070-brb/cnab400/remessa/remessa.rem").read_bytes()
    lines = data.split(b"\r\n")[:-1]
    assert lines[0][:9] == b"DCB001077"
    cut = b"\r\n".join(lines[:-1]) + b"\r\n"  # the last registro 02 deleted
    with pytest.raises(cnab.TrailerError) as ei:
        cnab.read(cut)
    assert ei.value.kind == "header_count"
    assert ei.value.line == 1
    r = cnab.read(cut, lenient=True)
    assert [p.kind for p in r.problems] == ["header_count"]


def _write(tmp_path: Path, data: bytes) -> Path:
    p = tmp_path / "x.ret"
    p.write_bytes(data)
    return p


def test_error_hierarchy() -> None:
    for cls in (cnab.LayoutError, cnab.FieldError, cnab.TrailerError, cnab.BoletoError):
        assert issubclass(cls, cnab.CnabError)
    assert issubclass(cnab.CnabError, ValueError)
    e = cnab.CnabError("x", line=3, columns=(5, 9), field="f", kind="not_digits")
    assert (e.line, e.column, e.columns, e.field, str(e)) == (3, 5, (5, 9), "f", "x")
    assert (e.code, e.category, e.file) == ("not_digits", "business", None)


# ---------------------------------------------------------------- the error contract on damaged real files

CORPUS = Path(__file__).resolve().parents[3].parent / "shared" / "corpus" / "real"


def corpus_retornos() -> List[Path]:
    if not (CORPUS / "MANIFEST.tsv").is_file():
        return []
    rows = [line.split("\t") for line in (CORPUS / "MANIFEST.tsv").read_text().splitlines()[1:]]
    return sorted(CORPUS / r[0] for r in rows if len(r) > 6 and r[6] == "retorno")


def damaged(data: bytes) -> Dict[str, bytes]:
    """The damage a file meets in transit or in hand edits, each applied to the middle of the file."""
    lines = data.splitlines(keepends=True)
    m = len(lines) // 2
    out = {
        "second_header": lines[0] + b"".join(lines),
        "header_inside": b"".join(lines[:m] + lines[:1] + lines[m:]),
        "no_first_batch_line": b"".join(lines[:1] + lines[2:]),
        "duplicated": b"".join(lines[: m + 1] + lines[m:]),
        "deleted": b"".join(lines[:m] + lines[m + 1 :]),
        "swapped": b"".join(lines[: m - 1] + [lines[m], lines[m - 1]] + lines[m + 1 :]),
        "truncated_line": b"".join(lines[:m] + [lines[m][: len(lines[m]) // 2] + b"\r\n"] + lines[m + 1 :]),
        "junk_line": b"".join(lines[:m] + [b"JUNK\r\n"] + lines[m:]),
        "nul_bytes": b"".join(lines[:m] + [b"\0" * 20 + lines[m][20:]] + lines[m + 1 :]),
        "retyped": b"".join(lines[:m] + [lines[m][:7] + b"9" + lines[m][8:]] + lines[m + 1 :]),
        "cut_in_half": b"".join(lines[:m]),
    }
    return out


@pytest.mark.parametrize("path", corpus_retornos() or [ITAU_RET], ids=lambda p: p.name)
def test_lenient_read_of_damaged_files_never_raises_an_internal_error(tmp_path: Path, path: Path) -> None:
    for name, data in damaged(path.read_bytes()).items():
        f = tmp_path / f"{name}.ret"
        f.write_bytes(data)
        try:
            r = cnab.read(f, lenient=True)
        except cnab.CnabError as e:
            # not readable at all: a typed error about the file, never an internal one
            assert e.code not in ("", "invalid") and e.category in ("file_defect", "structure"), (name, e)
            assert e.file == str(f), (name, e)
            continue
        for p in r.problems:
            assert isinstance(p, cnab.CnabError)
            assert p.code and p.category in ("file_defect", "field", "structure", "business"), (name, p)
            assert p.file == str(f) and str(p).startswith(f"{f}: "), (name, p)
            assert p.line is None or p.line >= 1
        d = r.to_dict()  # serializes whole
        assert json.loads(json.dumps(d, default=str))["problems"] == [p.to_dict() for p in r.problems]


def test_lenient_problems_are_the_cli_json(cli: str, tmp_path: Path) -> None:
    """A structure problem (second file header): Python's problems are exactly what `cnab parse --lenient` lists."""
    data = ITAU_RET.read_bytes()
    f = tmp_path / "x.ret"
    f.write_bytes(data.splitlines(keepends=True)[0] + data)
    p = subprocess.run([cli, "parse", "--lenient", str(f)], capture_output=True, text=True)
    assert p.returncode == 1, p.stderr
    want = json.loads(p.stdout)["problems"]
    r = cnab.read(f, lenient=True)
    assert isinstance(r, cnab.Retorno)
    assert [e.to_dict() for e in r.problems] == want
    s = r.problems[0]
    assert (s.kind, s.code, s.category, s.line, s.columns, s.field, s.file) == (
        "structure", "structure", "structure", 2, None, None, str(f)
    )
    assert s.details == {"reason": "second file header"}
    assert isinstance(s, cnab.LayoutError)
    # the same from the streaming reader
    it = cnab.iter_entries(f, lenient=True)
    assert len(list(it)) == len(r.entries)
    assert [e.to_dict() for e in it.problems] == want


# ---------------------------------------------------------------- writing


def sample_remessa() -> cnab.Remessa:
    return cnab.Remessa(
        header=cnab.Header(
            beneficiario=cnab.Beneficiario(
                nome="PADARIA SÃO JOÃO LTDA",
                inscricao=cnab.Inscricao(tipo=2, numero="11222333000181"),
                agencia="0057",
                conta="12345",
                conta_dv="7",
            ),
            nsa=12,
            data_geracao=date(2026, 12, 1),
        ),
        titulos=[
            cnab.Titulo(
                movimento="01",
                nosso_numero="12345678",
                seu_numero="NF-1001",
                carteira="109",
                especie="01",
                aceite="N",
                emissao=date(2026, 12, 1),
                vencimento=date(2026, 12, 15),
                valor=Decimal("127.50"),
                pagador=cnab.Pessoa(
                    inscricao=cnab.Inscricao(tipo=1, numero="11144477735"),
                    nome="José da Silva",
                    endereco="Rua A 1",
                    bairro="Centro",
                    cep="01001000",
                    cidade="São Paulo",
                    uf="SP",
                ),
            )
        ],
    )


def test_write_remessa_and_read_back(tmp_path: Path) -> None:
    m = sample_remessa()
    data = m.to_bytes(bank="341", layout=240)
    assert data.endswith(b"\r\n") and all(len(line) == 240 for line in data.split(b"\r\n") if line)
    back = cnab.read(data)
    assert isinstance(back, cnab.Remessa)
    t = back.titulos[0]
    assert t.valor == Decimal("127.50")
    assert t.vencimento == date(2026, 12, 15)
    assert t.nosso_numero == "12345678"
    assert t.pagador.nome == "JOSE DA SILVA"  # upper-case ASCII, accents transliterated
    assert back.header.beneficiario.nome == "PADARIA SAO JOAO LTDA"
    out = tmp_path / "out.rem"
    m.write(out, bank=341, layout=240)
    assert out.read_bytes() == data
    assert cnab.read(out).to_dict() == back.to_dict()


def test_remessa_from_dicts_and_strings() -> None:
    m = cnab.Remessa(
        header={"beneficiario": {"nome": "PADARIA", "inscricao": {"tipo": 2, "numero": "11222333000181"},  # type: ignore[arg-type]
                                 "agencia": "0057", "conta": "12345", "conta_dv": "7"}},
        titulos=[{"movimento": "01", "nosso_numero": "12345678", "carteira": "109", "especie": "01",  # type: ignore[list-item]
                  "valor": "127.50", "vencimento": "2026-12-15", "emissao": "2026-12-01",
                  "pagador": {"nome": "JOSE", "inscricao": {"tipo": 1, "numero": "11144477735"},
                              "endereco": "RUA A", "cep": "01001000", "cidade": "SAO PAULO", "uf": "SP"}}],
    )
    t = m.titulos[0]
    assert isinstance(t, cnab.Titulo) and t.valor == Decimal("127.50") and t.vencimento == date(2026, 12, 15)
    assert isinstance(m.header.beneficiario, cnab.Beneficiario)
    same = cnab.Remessa.from_dict(m.to_dict())
    assert same.to_bytes(bank="341", layout=240) == m.to_bytes(bank="341", layout=240)
    # a dataclass is also built from keyword strings
    assert cnab.Titulo(valor="10").valor == Decimal("10")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        cnab.Remessa.from_dict({"titulos": [{"no_such_key": 1}]})


def test_write_errors() -> None:
    m = sample_remessa()
    m.titulos[0].valor = Decimal("99999999999999999.99")
    with pytest.raises(cnab.FieldError) as ei:
        m.to_bytes(bank="341", layout=240)
    assert ei.value.kind == "unwritable"
    assert ei.value.details is not None and ei.value.details["reason"] == "does not fit the field's 15 position(s)"
    with pytest.raises(TypeError):
        sample_remessa().to_bytes()  # no bank
    with pytest.raises(cnab.CnabError):
        sample_remessa().to_bytes(bank="341", layout=300)


# ---------------------------------------------------------------- boleto


def test_boleto_parse() -> None:
    # crates/boleto (lib.rs doc test, brcobranca itau_spec.rb)
    p = boleto.parse("34191.09008 01015.271248 80212.460002 4 25480000675787")
    assert p.tipo == "cobranca"
    assert p.banco == "341"
    assert p.valor == Decimal("6757.87")
    assert p.vencimento == date(2029, 5, 20)
    assert p.fator_vencimento == 2548
    assert p.barcode == "34194254800006757871090001015271248021246000"
    assert p.campo_livre == "1090001015271248021246000" and p.campo_livre_dv_ok is True
    assert p.linha_digitavel == "34191090080101527124880212460002425480000675787"
    assert len(p.campo_livre) == 25
    assert p.parts["nosso_numero"] == "00010152"
    assert p["valor"] == p.valor and "parts" in list(p.keys())
    # a barcode parses to the same
    assert boleto.parse(p.barcode) == p


def test_boleto_parse_bradesco() -> None:
    # crates/boleto/tests/banks.rs
    p = boleto.parse("34191.12002 22334.581232 41234.560005 1 71950000010101")
    assert p.parts["carteira"] == "112"
    assert p.valor == Decimal("101.01")


def test_boleto_parse_errors() -> None:
    with pytest.raises(cnab.BoletoError) as ei:
        boleto.parse("34191.09008 01015.271248 80212.460002 5 25480000675787")
    e = ei.value
    assert e.kind == "check_digit" and e.field is not None
    assert "check digit expected" in str(e)
    with pytest.raises(cnab.BoletoError) as ei2:
        boleto.parse("123")
    assert ei2.value.kind == "wrong_length"
    assert boleto.BoletoError is cnab.BoletoError


def test_boleto_make() -> None:
    out = boleto.make(
        banco="341", agencia="1248", conta="02124", carteira="109", nosso_numero="00010152",
        valor=Decimal("6757.87"), vencimento=date(2029, 5, 20),
    )
    assert out.linha_digitavel_formatada == "34191.09008 01015.271248 80212.460002 4 25480000675787"
    assert out.nosso_numero == "109/00010152-7"
    assert out.nosso_numero_dv == "7"
    assert out.valor == Decimal("6757.87") and out.vencimento == date(2029, 5, 20)
    # a dict works too; Bradesco (crates/boleto input.rs doc test)
    b = boleto.make({"banco": 237, "agencia": "1172", "conta": "0403005", "carteira": "06",
                     "nosso_numero": "75896452", "valor": "2952.95", "vencimento": "2009-04-30"})
    assert b.barcode == "23795422300002952951172060007589645204030050"
    assert b.nosso_numero == "06/00075896452-5"


def test_boleto_make_errors() -> None:
    with pytest.raises(cnab.BoletoError) as ei:
        boleto.make(banco="341", nosso_numero="1", valor="1.00")  # no agencia/conta/carteira
    assert ei.value.kind == "missing_field" and ei.value.field is not None
    with pytest.raises(cnab.BoletoError):
        boleto.make(banco="341", nosso_numero="1", valor="1.00", no_such_key="x")


# ---------------------------------------------------------------- misc


def test_ocorrencia_kind_values() -> None:
    assert [k.value for k in cnab.OcorrenciaKind] == [
        "entrada_confirmada", "entrada_rejeitada", "liquidacao", "liquidacao_cartorio", "liquidacao_apos_baixa",
        "baixa", "instrucao_confirmada", "instrucao_rejeitada", "protesto", "tarifa", "informativo", "pre_critica",
        "desconhecida",
    ]
    assert cnab.OcorrenciaKind("something_new") is cnab.OcorrenciaKind.DESCONHECIDA


def test_model_fields_match_the_core() -> None:
    """Every key the core serializes has a dataclass field (no silent drops)."""
    d = json.loads(subprocess_free_parse(ITAU_RET))
    entry_keys = set(d["entries"][0])
    # the native class's attributes (getters); `kind` is the shortcut for ocorrencia.kind
    names = {k for k, v in vars(cnab.RetornoEntry).items() if type(v).__name__ == "getset_descriptor"} - {"kind"}
    # keys the core writes only where the layout carries them
    only_where_carried = {"juros", "multa", "variacao", "pix", "pago_por_pix"}
    assert entry_keys <= names
    assert names - entry_keys <= only_where_carried
    assert set(cnab.read(ITAU_RET).entries[0].to_dict()) == entry_keys
    assert set(d["header"]) == {f.name for f in dataclasses.fields(cnab.Header)}


def subprocess_free_parse(path: Path) -> str:
    from cnab import _cnab

    native = _cnab.read_path(str(path), None, None, None, False)
    s: str = native.model_json()
    return s


def test_threads_read_concurrently() -> None:
    results: Dict[int, int] = {}

    def work(i: int) -> None:
        results[i] = len(cnab.read(ITAU_RET).entries)

    ts = [threading.Thread(target=work, args=(i,)) for i in range(4)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    assert set(results.values()) == {len(cnab.read(ITAU_RET).entries)}


# ---------------------------------------------------------------- printed boletos
_TITULO = {
    "banco": "341", "agencia": "1248", "conta": "02124", "carteira": "109", "nosso_numero": "00010152",
    "valor": Decimal("6757.87"), "vencimento": date(2029, 5, 20), "data_documento": date(2029, 4, 20),
    "beneficiario": {"nome": "Padaria São João Ltda", "documento": "11222333000181"},
    "pagador": {"nome": "José da Conceição", "documento": "12345678909", "endereco": "Rua A, 45",
                "cidade": "Campinas", "uf": "SP", "cep": "13010000"},
    "instrucoes": ["Não receber após 30 dias do vencimento."],
    "pix": {"chave": "11222333000181", "txid": "NF4521", "cidade": "SAO PAULO"},
}


def test_boleto_pdf_html_svg_agree_with_cli(cli: str) -> None:
    doc = boleto.pdf(_TITULO)
    assert isinstance(doc, bytes) and doc.startswith(b"%PDF-1.7")
    carne = boleto.pdf([_TITULO, dict(_TITULO, nosso_numero="00010153"), dict(_TITULO, nosso_numero="00010154"),
                        dict(_TITULO, nosso_numero="00010155")])
    assert b"/Count 2" in carne
    page = boleto.html(_TITULO)
    assert ">6.757,87</text>" in page and ">20/05/2029</text>" in page and ">341-7</text>" in page
    svg = boleto.svg("34191.09008 01015.271248 80212.460002 4 25480000675787")
    assert svg == boleto.svg(_TITULO)
    assert "<title>34194254800006757871090001015271248021246000</title>" in svg
    cli_in = json.dumps({k: (str(v) if isinstance(v, (Decimal, date)) else v) for k, v in _TITULO.items()})
    p = subprocess.run([cli, "boleto", "html"], input=cli_in, capture_output=True, text=True, check=True)
    assert p.stdout == page
    p = subprocess.run([cli, "boleto", "pdf"], input=cli_in.encode(), capture_output=True, check=True)
    assert p.stdout == doc


def test_boleto_print_errors() -> None:
    with pytest.raises(cnab.BoletoError) as e:
        boleto.pdf({k: v for k, v in _TITULO.items() if k != "pagador"})
    assert "missing field `pagador`" in str(e.value)
    with pytest.raises(cnab.BoletoError) as e:
        boleto.html(dict(_TITULO, pix_payload="0002010102"))
    assert e.value.field == "pix_payload"


def test_write_returns_warnings_and_strict_refuses_them(tmp_path: Path) -> None:
    m = sample_remessa()
    m.titulos[0].pagador.nome = "Maria Aparecida dos Santos Oliveira Filha"
    w = m.to_written(bank="341", layout=240)
    assert len(w.warnings) == 1
    x = w.warnings[0]
    assert (x.titulo, x.field, x.value, x.kind) == (1, "pagador.nome", "Maria Aparecida dos Santos Oliveira Filha", "truncated")
    assert (x.line, x.columns, x.layout_field, x.width, x.written) == (4, (34, 63), "pagador_nome", 30, "MARIA APARECIDA DOS SANTOS OLI")
    assert str(x).startswith("line 4, columns 34-63 (pagador_nome): título 1 (seu número")
    with pytest.warns(cnab.CnabWriteWarning) as rec:
        data = m.to_bytes(bank="341", layout=240)
    assert data == w.data and rec[0].message.warning == x  # type: ignore[union-attr]
    assert m.write(tmp_path / "out.rem", bank="341", layout=240) == [x]
    with pytest.raises(cnab.CnabError) as e:
        m.to_written(bank="341", layout=240, strict=True)
    assert e.value.kind == "unwritable"
    assert e.value.details is not None and e.value.details["model_field"] == "pagador.nome"
    assert str(e.value).endswith("(strict writing)")


def test_write_refuses_values_it_would_change() -> None:
    m = sample_remessa()
    m.titulos[0].valor = Decimal("127.505")
    with pytest.raises(cnab.FieldError) as e:
        m.to_bytes(bank="341", layout=240)
    d = e.value.details
    assert d is not None and (d["titulo"], d["model_field"], d["value"]) == (1, "valor", "127.505")
    assert d["reason"] == "has more than 2 decimal places (the writer never rounds)"
    assert e.value.field == "valor_titulo" and e.value.line == 3
    m = sample_remessa()
    m.titulos[0].pagador.uf = "SAO PAULO"
    with pytest.raises(cnab.FieldError) as e:
        m.to_bytes(bank="341", layout=240)
    assert e.value.details is not None and e.value.details["model_field"] == "pagador.uf"
    # unknown keys are refused (in nested dicts too)
    with pytest.raises(TypeError):
        cnab.Remessa.from_dict({"titulos": [{"pagador": {"cidadee": "X"}}]})
    with pytest.raises(TypeError):
        cnab.Remessa.from_dict({"titulos": [{"vencimeto": "2026-01-02"}]})
