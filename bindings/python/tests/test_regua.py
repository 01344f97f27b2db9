"""cnab.baixa's régua de cobrança: plan and run over a ledger, instruction remessas read back, acordos."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

import cnab
from cnab import baixa

from conftest import FIXTURES

ITAU_400_REM = FIXTURES / "341-itau" / "cnab400" / "remessa" / "remessa.rem"

POLITICA = """
inadimplente_apos_dias = 30
[[etapa]]
dias = -5
acao = "lembrete"
canal = "email"
[[etapa]]
dias = 10
acao = "prorrogacao"
canal = "banco"
prazo_dias = 15
[[etapa]]
dias = 40
acao = "protesto"
canal = "banco"
"""

TITLES = """\
id,banco,nosso_numero,valor,vencimento,multa_pct,juros_pct_mes,pagador_documento,pagador_nome
A,341,10000001,1000.00,2026-03-10,2,1,12345678000195,Padaria Sol
B,341,10000002,500.00,2026-03-20,2,1,12345678000195,Padaria Sol
"""


def test_plan_records_nothing_run_records_once() -> None:
    ledger = baixa.Ledger()
    ledger.import_remessa(ITAU_400_REM)
    # NF-1001 (due 2026-12-15) five days before: the lembrete
    p = baixa.plan(ledger, POLITICA, date(2026, 12, 10))
    assert [(a.titulo, a.acao, a.etapa_dias) for a in p.actions] == [("NF-1001", "lembrete", -5)]
    assert p.actions[0].saldo == Decimal("127.50")
    assert p.actions[0].pagador.nome == "JOSE DA CONCEICAO"  # as the remessa carries it
    assert baixa.plan(ledger, POLITICA, date(2026, 12, 10)).already_issued == 0
    r = baixa.run(ledger, POLITICA, date(2026, 12, 10))
    assert [a.titulo for a in r.actions] == ["NF-1001"] and r.remessas == []
    again = ledger.regua_run(POLITICA, date(2026, 12, 10))
    assert (again.actions, again.already_issued) == ([], 1)
    ev = [e for e in ledger.history("NF-1001") if e.event == "regua"]
    assert [(e.acao, e.data, e.saldo) for e in ev] == [("lembrete", date(2026, 12, 10), Decimal("127.50"))]


def test_instruction_remessa_reads_back_with_itau_codes(tmp_path: Path) -> None:
    ledger = baixa.Ledger(tmp_path / "l.db")
    ledger.import_remessa(ITAU_400_REM)
    # 2027-01-24: NF-1001 forty days late (protest, Itaú 09), NF-1002 fourteen days late (prorrogação, 06)
    r = ledger.regua_run(Path(_write(tmp_path, POLITICA)), date(2027, 1, 24), remessas=[ITAU_400_REM], nsa=3)
    assert [(a.titulo, a.acao, a.instrucao.movimento if a.instrucao else None) for a in r.actions] == [
        ("NF-1001", "protesto", "09"),
        ("NF-1002", "prorrogacao", "06"),
    ]
    assert r.actions[1].novo_vencimento == date(2027, 2, 8)
    (rem,) = r.remessas
    assert (rem.banco, rem.layout) == (341, "cnab400")
    back = cnab.read_remessa(rem.bytes)
    assert [(t.seu_numero, t.movimento, t.vencimento) for t in back.titulos] == [
        ("NF-1001", "09", date(2026, 12, 15)),
        ("NF-1002", "06", date(2027, 2, 8)),
    ]


def test_a_title_no_remessa_registered_is_refused_with_nothing_recorded() -> None:
    ledger = baixa.Ledger()
    ledger.import_titles(TITLES.encode())
    with pytest.raises(baixa.BaixaError) as e:
        ledger.regua_run(POLITICA, date(2026, 4, 19), remessas=[ITAU_400_REM])
    assert "título A: protesto: not registered by any remessa given" in str(e.value)
    assert ledger.regua_plan(POLITICA, date(2026, 4, 19)).already_issued == 0


def test_acordo_three_installments() -> None:
    ledger = baixa.Ledger()
    ledger.import_titles(TITLES.encode())
    # on 2026-04-09: A = 1000 + 20.00 + 10.00 = 1030.00, B = 500 + 10.00 + 3.33 = 513.33 → 1543.33;
    # encargos 43.33, 25% = 10.8325 → 10.83; 1532.50 / 3 = 510.83 (cut), the first 510.84
    prop = ledger.acordo("AC-1", date(2026, 4, 9), ["A", "B"], 3, date(2026, 5, 31),
                         desconto_encargos_pct="25", proposta=True)
    assert (prop.saldo_total, prop.encargos, prop.desconto, prop.valor_negociado) == (
        Decimal("1543.33"), Decimal("43.33"), Decimal("10.83"), Decimal("1532.50"))
    assert ledger.acordos() == []
    a = ledger.acordo("AC-1", date(2026, 4, 9), ["A", "B"], 3, date(2026, 5, 31), desconto_encargos_pct=25)
    assert a == prop
    assert [(p.titulo, p.vencimento, p.valor) for p in a.parcelas] == [
        ("AC-1-1", date(2026, 5, 31), Decimal("510.84")),
        ("AC-1-2", date(2026, 6, 30), Decimal("510.83")),
        ("AC-1-3", date(2026, 7, 31), Decimal("510.83")),
    ]
    assert ledger.acordos() == [a]
    rep = ledger.report(date(2026, 4, 9))
    assert (rep.portfolio.open.count, rep.portfolio.open.valor) == (3, Decimal("1532.50"))
    assert (rep.portfolio.renegotiated.count, rep.portfolio.renegotiated.valor) == (2, Decimal("1500.00"))
    ev = [e for e in ledger.history("A") if e.event == "acordo"]
    assert [(e.acordo, e.papel, e.valor) for e in ev] == [("AC-1", "original", Decimal("1030.00"))]
    with pytest.raises(baixa.BaixaError) as err:
        ledger.acordo("AC-1", date(2026, 4, 9), ["A", "B"], 3, date(2026, 5, 31))
    assert "title A is renegotiated, not open" in str(err.value)
    # the installments go through the régua
    r = ledger.regua_run(POLITICA, date(2026, 5, 26))
    assert [(x.titulo, x.acao, x.saldo) for x in r.actions] == [("AC-1-1", "lembrete", Decimal("510.84"))]


def test_a_bad_policy_names_the_key() -> None:
    ledger = baixa.Ledger()
    with pytest.raises(baixa.BaixaError) as e:
        ledger.regua_plan('[[etapa]]\ndias = 5\nacao = "protesto"\ncanal = "banco"\nprazo_dias = 3\n', date(2026, 1, 1))
    assert 'etapa 1: prazo_dias is for acao = "prorrogacao" or "reemissao", not "protesto"' in str(e.value)


def _write(tmp_path: Path, text: str) -> str:
    p = tmp_path / "politica.toml"
    p.write_text(text, encoding="utf-8")
    return str(p)
