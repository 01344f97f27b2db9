"""cnab.baixa: amounts due, a ledger applying a real retorno exactly once, settlements by hand, reports."""

from __future__ import annotations

import csv
import io
import json
import subprocess
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import List

import pytest

import cnab
from cnab import baixa

from conftest import ROOT

CORPUS = ROOT / ".." / "shared" / "corpus" / "real"
BRADESCO_RET = CORPUS / "237-bradesco" / "cnab400" / "retorno" / "gustavonvcnab__237-01.txt"
BRADESCO_REM = CORPUS / "237-bradesco" / "cnab400" / "remessa" / "brcobranca__remessa-bradesco-cnab400.rem"
ITAU_BAD_RET = CORPUS / "341-itau" / "cnab400" / "retorno" / "marcodptcnab__itau.txt"

needs_corpus = pytest.mark.skipif(not BRADESCO_RET.is_file(), reason="the real-file corpus is not here")

TITLES = """\
id,banco,nosso_numero,valor,vencimento,pagador_documento,pagador_nome
NF-22,237,20960000022,3535.00,2012-04-25,11111111111,Ana
NF-01,237,21000000001,560.00,2012-04-30,22222222222,Bruno
NF-02,237,21000000002,1200.00,2012-04-30,22222222222,Bruno
NF-03,237,21000000003,2000.00,2012-04-30,33333333333,Carla
NF-05,237,20590000005,18028.83,2012-04-20,33333333333,Carla
NF-99,237,99999999999,100.00,2012-03-01,44444444444,Davi
"""


def issue_title(**kw: object) -> baixa.Titulo:
    args = dict(id="NF-1", banco="341", nosso_numero="1", valor=Decimal("1000.00"), vencimento=date(2026, 3, 10),
                multa_pct=Decimal(2), juros_pct_mes=Decimal(1))
    args.update(kw)
    return baixa.Titulo(**args)  # type: ignore[arg-type]


def test_valor_devido_with_the_issue_numbers() -> None:
    b = baixa.valor_devido(issue_title(), date(2026, 3, 25))
    assert (b.valor, b.multa, b.juros, b.desconto, b.total, b.dias_atraso) == (
        Decimal("1000.00"), Decimal("20.00"), Decimal("5.00"), Decimal("0.00"), Decimal("1025.00"), 15)
    assert isinstance(b.total, Decimal)
    # due on Saturday 2026-03-14, paid on Monday: no charges
    sat = baixa.valor_devido(issue_title(vencimento=date(2026, 3, 14)), date(2026, 3, 16))
    assert (sat.total, sat.dias_atraso) == (Decimal("1000.00"), 0)
    # desconto of 50.00 until 2026-03-20, paid before it
    d = baixa.valor_devido(issue_title(vencimento=date(2026, 3, 31), desconto_valor=Decimal("50.00"),
                                       desconto_ate=date(2026, 3, 20)), date(2026, 3, 19))
    assert (d.desconto, d.total) == (Decimal("50.00"), Decimal("950.00"))
    # a plain dict with the CSV's keys works too
    assert baixa.valor_devido({"id": "X", "banco": 341, "nosso_numero": "1", "valor": "10", "vencimento":
                               "2026-01-05"}, date(2026, 1, 5)).total == Decimal("10.00")


def test_due_from_a_csv_file_matches_the_cli(tmp_path: Path, cli: str) -> None:
    p = tmp_path / "due.csv"
    p.write_text("id,banco,nosso_numero,valor,vencimento,multa_pct,juros_pct_mes\nLATE,341,1,1000.00,2026-03-10,2,1\n")
    rows = baixa.due(p, date(2026, 3, 25))
    assert rows[0].id == "LATE" and rows[0].total == Decimal("1025.00") and rows[0].juros == Decimal("5.00")
    out = subprocess.run([cli, "baixa", "due", str(p), "--date", "2026-03-25"], capture_output=True, check=True)
    assert json.loads(out.stdout)[0]["total"] == "1025.00"


def test_a_bad_titles_row_names_row_and_column() -> None:
    bad = b"id,banco,nosso_numero,valor,vencimento\nA,341,1,10.00,2026-01-01\nB,341,2,12;50,2026-01-01\n"
    with pytest.raises(baixa.BaixaError) as ei:
        baixa.due(bad, date(2026, 1, 1))
    e = ei.value
    assert str(e) == 'row 3, column valor: expected a decimal with a dot, found "12;50"'
    assert (e.line, e.field, e.kind) == (3, "valor", "field")
    assert isinstance(e, cnab.CnabError) and isinstance(e, ValueError)


@needs_corpus
def test_apply_a_real_retorno_once(tmp_path: Path) -> None:
    ledger = baixa.Ledger(tmp_path / "ledger.db")
    assert ledger.import_titles(TITLES.encode()) == baixa.ImportSummary(added=6)
    r = ledger.apply(BRADESCO_RET)
    assert r.applied == 33 and not r.already_applied
    assert r.outcomes == {"paid": 1, "paid_late": 1, "underpaid": 1, "overpaid": 1, "written_off": 1,
                          "rejected": 1, "unmatched": 27}
    late = next(e for e in r.entries if e.line == 2)
    assert (late.outcome, late.title_id, late.expected, late.paid, late.difference) == (
        "paid_late", "NF-22", Decimal("3582.15"), Decimal("3582.15"), Decimal("0.00"))
    short = next(e for e in r.entries if e.line == 5)
    assert (short.outcome, short.difference) == ("underpaid", Decimal("-34.66"))
    assert r.report.total_paid == Decimal("7599.27")
    assert r.report.by_outcome["unmatched"].count == 27
    assert r.report.data_geracao == date(2012, 4, 30)
    # the same file again (from bytes this time) settles nothing
    again = ledger.apply(BRADESCO_RET.read_bytes())
    assert again.already_applied and again.applied == 0 and again.entries == []
    assert again.file_id == r.file_id
    # a second process on the same SQLite file sees the same ledger
    other = baixa.Ledger(str(tmp_path / "ledger.db"))
    assert other.apply(BRADESCO_RET).already_applied
    assert [e.event for e in other.history("NF-01")] == ["imported", "entry"]


@needs_corpus
def test_read_problems_strict_and_lenient() -> None:
    ledger = baixa.Ledger()
    ledger.import_titles(TITLES.encode())
    with pytest.raises(cnab.FieldError) as ei:
        ledger.apply(ITAU_BAD_RET)
    assert (ei.value.line, ei.value.field) == (2, "nosso_numero")
    assert ledger.report(date(2012, 6, 15)).files == []
    r = ledger.apply(ITAU_BAD_RET, lenient=True)
    assert r.problems and r.problems[0].line == 2 and r.problems[0].columns == [63, 70]
    assert sum(r.outcomes.values()) == r.applied == len(r.entries)


@needs_corpus
def test_settle_history_and_report(tmp_path: Path) -> None:
    ledger = baixa.Ledger()
    titles: List[baixa.Titulo] = []
    for row in csv.DictReader(io.StringIO(TITLES)):
        titles.append(baixa.Titulo(**row))  # type: ignore[arg-type]
    assert titles[0].valor == Decimal("3535.00") and titles[0].vencimento == date(2012, 4, 25)
    assert ledger.import_titles(titles).added == 6
    ledger.apply(BRADESCO_RET)
    o = ledger.settle("NF-02", Decimal("34.66"), date(2012, 4, 30), "pix", por="maria", motivo="resto por PIX")
    assert (o.outcome, o.expected, o.paid, o.difference) == ("paid", Decimal("34.66"), Decimal("34.66"),
                                                             Decimal("0.00"))
    assert ledger.settle("NF-02", "34.66", "2012-04-30", "pix", por="maria",
                         motivo="resto por PIX").outcome == "duplicate"
    h = ledger.history("NF-02")
    assert [e.event for e in h] == ["imported", "entry", "manual_settlement"]
    assert h[1].outcome is not None and h[1].outcome.paid == Decimal("1165.34")
    s = h[2].settlement
    assert s is not None and (s.valor, s.data, s.meio, s.por, s.motivo) == (
        Decimal("34.66"), date(2012, 4, 30), "pix", "maria", "resto por PIX")
    with pytest.raises(baixa.BaixaError) as ei:
        ledger.history("NF-404")
    assert ei.value.kind == "unknown_title"
    with pytest.raises(baixa.BaixaError) as ei:
        ledger.settle("NF-02", Decimal(1), date(2012, 5, 1), "cheque")
    assert ei.value.kind == "usage"

    rep = ledger.report(date(2012, 6, 15), inadimplente_apos=30)
    assert rep.portfolio.paid.count == 4 and rep.portfolio.paid.valor == Decimal("7633.93")
    assert rep.portfolio.overdue_over_90.valor == Decimal("100.00")
    assert rep.portfolio.written_off.valor == Decimal("18028.83")
    assert [d.nome for d in rep.inadimplentes] == ["Davi"]  # NF-02 is paid now
    assert rep.inadimplentes[0].titulos[0].dias_atraso == 106
    rows = list(csv.DictReader(io.StringIO(ledger.report_csv(date(2012, 6, 15), inadimplente_apos=30))))
    paid_late = next(r for r in rows if r["section"] == "file" and r["group"] == "paid_late")
    assert paid_late["paid"] == "3582.15"
    assert next(r for r in rows if r["section"] == "inadimplente")["ref"] == "NF-99"


@needs_corpus
def test_import_remessa() -> None:
    ledger = baixa.Ledger()
    assert ledger.import_remessa(BRADESCO_REM).added == 1
    assert ledger.import_remessa(BRADESCO_REM.read_bytes()).unchanged == 1
    t = ledger.history("1")[0].titulo
    assert t is not None and t["valor"] == "199.90" and t["convenio"] == "00000000000000000123"
    due = {d.id: d for d in ledger.due(date(2015, 7, 14))}
    assert due["1"].total == Decimal("199.90")  # paid on its due date: no charges


def test_an_unreachable_postgres_ledger_is_an_error() -> None:
    with pytest.raises(baixa.BaixaError) as ei:
        baixa.Ledger("postgres://nobody@127.0.0.1:1/none?connect_timeout=2")
    assert "postgres" in str(ei.value).lower()


def test_segunda_via_link_and_revoke(tmp_path: Path, cli: str) -> None:
    db = tmp_path / "l.db"
    ledger = baixa.Ledger(db)
    ledger.import_titles([issue_title()])
    path = baixa.link(ledger, "NF-1")
    assert path.startswith("/b/") and len(path) == 43
    assert all(c in "0123456789abcdef" for c in path[3:])
    # the same link again, from the object, from the file, and from the CLI; a full URL with base_url
    assert ledger.link("NF-1") == path
    assert baixa.link(str(db), "NF-1") == path
    assert subprocess.run([cli, "baixa", "--ledger", str(db), "link", "NF-1"], check=True,
                          capture_output=True, text=True).stdout.strip() == path
    assert baixa.link(ledger, "NF-1", base_url="https://pague.example.com/") == "https://pague.example.com" + path
    with pytest.raises(baixa.BaixaError) as ei:
        ledger.link("NF-1", base_url="pague.example.com")
    assert ei.value.kind == "usage"
    with pytest.raises(baixa.BaixaError) as ei:
        ledger.link("NF-404")
    assert ei.value.kind == "unknown_title"
    assert ledger.revoke("NF-1") == 1
    assert ledger.revoke("NF-1") == 0
    fresh = ledger.link("NF-1")
    assert fresh != path and len(fresh) == 43


def test_history_reads_views(tmp_path: Path) -> None:
    # a view as `cnab serve` records it (an event row of kind `visualizado`) reads back in Python
    import sqlite3

    db = tmp_path / "l.db"
    ledger = baixa.Ledger(db)
    ledger.import_titles([issue_title()])
    del ledger
    con = sqlite3.connect(db)
    con.execute("INSERT INTO events (title_id, kind, file_id, data) VALUES ('NF-1', 'visualizado', NULL, ?)",
                (json.dumps({"event": "visualizado", "em": "2026-03-07T14:05:09", "cliente": "Chrome, celular"}),))
    con.commit()
    con.close()
    h = baixa.Ledger(db).history("NF-1")
    assert [e.event for e in h] == ["imported", "visualizado"]
    assert (h[1].em, h[1].cliente, h[1].ip) == ("2026-03-07T14:05:09", "Chrome, celular", None)
