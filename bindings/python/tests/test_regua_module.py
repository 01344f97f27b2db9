"""cnab.regua: the operations of `cnab regua` (--plan, --modelos, --remessa-out), `cnab instrucoes`, `cnab acordo
--remessa-out` and the instruction answers of `cnab baixa apply`, on the README's "A full day" (examples/dia)."""

from __future__ import annotations

import json
import subprocess
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

import cnab
from cnab import baixa, boleto, regua

from conftest import FIXTURES, ROOT

ITAU_400_REM = FIXTURES / "341-itau" / "cnab400" / "remessa" / "remessa.rem"
DIA = ROOT / "examples" / "dia"
POLITICA = DIA / "politica.toml"
D = date(2027, 1, 24)


def _day(tmp_path: Path) -> baixa.Ledger:
    ledger = baixa.Ledger(tmp_path / "dia.db")
    ledger.import_remessa(ITAU_400_REM)
    assert ledger.apply(DIA / "retorno-2026-11-21.ret").outcomes == {"registered": 2}
    return ledger


def test_plan_with_modelos_renders_and_records_nothing(tmp_path: Path) -> None:
    ledger = _day(tmp_path)
    p = regua.plan(ledger, POLITICA, D, modelos={"atraso.txt": "{{ titulo.id }}: {{ titulo.valor_atualizado | brl }}"})
    # the plan has no modelo for the protest (none in the policy); NF-1002: 2500.00 + multa 2% (50.00) = 2550.00
    assert [(a.titulo, a.acao, a.mensagem) for a in p.actions] == [
        ("NF-1001", "protesto", None),
        ("NF-1002", "aviso_atraso", "NF-1002: R$ 2.550,00"),
    ]
    assert regua.plan(ledger, POLITICA, D).already_issued == 0
    with pytest.raises(baixa.BaixaError) as e:
        regua.plan(ledger, POLITICA, D, modelos={"atraso.txt": "{{ titulo.nada }}"})
    assert e.value.kind == "invalid" and "modelo atraso.txt" in str(e.value)


def test_the_full_day(tmp_path: Path) -> None:
    ledger = _day(tmp_path)
    run = regua.run(ledger, POLITICA, D, modelos=DIA, segunda_via_url="https://pague.example.com",
                    remessas=[ITAU_400_REM])
    assert [(a.titulo, a.acao, a.canal) for a in run.actions] == [
        ("NF-1001", "protesto", "banco"),
        ("NF-1002", "aviso_atraso", "sms"),
    ]
    msg = run.actions[1].mensagem or ""
    assert msg.startswith(
        "MERCADO ALFA SA, o boleto NF-1002 venceu em 10/01/2027. Hoje (24/01/2027) o valor é R$ 2.550,00.\n"
        "Segunda via atualizada: https://pague.example.com/b/"
    ), msg
    # the link in the message is the título's, made by the run
    assert ledger.link("NF-1002", base_url="https://pague.example.com") in msg
    (rem,) = run.remessas
    assert (rem.banco, rem.layout) == (341, "cnab400")
    assert [(t.titulo, t.acao, t.movimento) for t in rem.titulos] == [("NF-1001", "protesto", "09")]
    back = cnab.read_remessa(rem.bytes)
    assert [(t.seu_numero, t.movimento) for t in back.titulos] == [("NF-1001", "09")]
    again = regua.run(ledger, POLITICA, D, modelos=DIA, remessas=[ITAU_400_REM])
    assert (again.actions, again.already_issued, again.remessas) == ([], 2, [])
    pend = regua.instrucoes(ledger, D)
    assert pend.counts == {"pendente": 1, "confirmada": 0, "rejeitada": 0}
    assert [(i.titulo, i.acao, i.estado, i.instrucao.movimento) for i in pend.instrucoes] == [
        ("NF-1001", "protesto", "pendente", "09")
    ]
    # six days after it was sent it is late with dias=5 on 2027-01-30, not on 2027-01-29
    assert regua.instrucoes(ledger, date(2027, 1, 29)).sem_resposta == []
    assert [i.titulo for i in regua.instrucoes(ledger, date(2027, 1, 30)).sem_resposta] == ["NF-1001"]

    # the acordo for NF-1002: 2550.00 in two installments of 1275.00, to the bank with nosso números 20000001-2
    a = regua.acordo(ledger, "AC-1", D, ["NF-1002"], 2, date(2027, 2, 24), remessas=[ITAU_400_REM],
                     nosso_numero="20000001")
    assert (a.saldo_total, a.valor_negociado) == (Decimal("2550.00"), Decimal("2550.00"))
    assert [(p.titulo, p.vencimento, p.valor) for p in a.parcelas] == [
        ("AC-1-1", date(2027, 2, 24), Decimal("1275.00")),
        ("AC-1-2", date(2027, 3, 24), Decimal("1275.00")),
    ]
    (ra,) = a.remessas
    assert [(t.titulo, t.papel, t.movimento, t.nosso_numero) for t in ra.titulos] == [
        ("AC-1-1", "parcela", "01", "20000001"),
        ("AC-1-2", "parcela", "01", "20000002"),
        ("NF-1002", "original", "02", "12345679"),
    ]
    back = cnab.read_remessa(ra.bytes)
    assert [(t.movimento, t.valor) for t in back.titulos] == [
        ("01", Decimal("1275.00")),
        ("01", Decimal("1275.00")),
        ("02", Decimal("2500.00")),
    ]
    assert regua.acordos(ledger) == [dataclass_without_remessas(a)]
    # NF-1002's pedido de baixa is a pending instruction (the step baixa on the acordo's date, 14 days past due)
    pend = regua.instrucoes(ledger, D)
    assert [(i.titulo, i.acao, i.etapa_dias, i.instrucao.movimento, i.estado) for i in pend.instrucoes] == [
        ("NF-1001", "protesto", 40, "09", "pendente"),
        ("NF-1002", "baixa", 14, "02", "pendente"),
    ]

    # 2027-01-28: the bank confirms the protest, registers the installments, writes NF-1002 off
    applied = ledger.apply(DIA / "retorno-2027-01-28.ret")
    assert applied.outcomes["registered"] == 2
    assert [(i.titulo, i.acao, i.estado, i.resposta.ocorrencia if i.resposta else None)
            for i in applied.instrucoes] == [
        ("NF-1001", "protesto", "confirmada", "19"),
        ("NF-1002", "baixa", "confirmada", "09"),
    ]
    assert regua.instrucoes(ledger, date(2027, 1, 28)).counts == {"pendente": 0, "confirmada": 2, "rejeitada": 0}
    ev = [e for e in ledger.history("NF-1001") if e.event == "instrucao"]
    assert [(e.acao, e.movimento, e.enviada_em, e.resposta.estado if e.resposta else None) for e in ev] == [
        ("protesto", "09", D, "confirmada")
    ]
    # the same retorno again answers nothing new
    assert ledger.apply(DIA / "retorno-2027-01-28.ret").instrucoes == []


def dataclass_without_remessas(a: regua.Acordo) -> regua.Acordo:
    import dataclasses

    return dataclasses.replace(a, remessas=[])


def test_acordo_remessa_options_need_remessas() -> None:
    ledger = baixa.Ledger()
    ledger.import_remessa(ITAU_400_REM)
    with pytest.raises(baixa.BaixaError) as e:
        regua.acordo(ledger, "AC-1", D, ["NF-1002"], 2, date(2027, 2, 24), nosso_numero="1")
    assert e.value.kind == "usage"
    with pytest.raises(baixa.BaixaError) as e:
        regua.run(ledger, POLITICA, D, segunda_via_url="https://x.example.com")
    assert "segunda_via_url needs modelos" in str(e.value)
    assert regua.acordos(ledger) == []


def test_same_json_as_the_cli(tmp_path: Path, cli: str) -> None:
    # the CLI's plan with modelos and this module's give the same actions and messages
    ledger = _day(tmp_path)
    out = subprocess.run(
        [cli, "regua", "--ledger", str(tmp_path / "dia.db"), "--policy", str(POLITICA), "--date", "2027-01-24",
         "--plan", "--modelos", str(DIA)],
        check=True, capture_output=True, text=True,
    ).stdout
    expected = json.loads(out)
    got = regua.plan(ledger, POLITICA, D, modelos=DIA)
    assert [(a["titulo"], a["acao"], a.get("mensagem"), Decimal(a["saldo"])) for a in expected["actions"]] == [
        (a.titulo, a.acao, a.mensagem, a.saldo) for a in got.actions
    ]


def test_linha_digitavel_and_carta_pdf(tmp_path: Path) -> None:
    ledger = _day(tmp_path)
    carta = "# Carta\n\n| Documento | Linha |\n|---|---|\n{% for t in titulos %}| {{ t.id }} | {{ t.linha_digitavel }} |\n{% endfor %}"
    politica = ('[[etapa]]\ndias = 30\nacao = "carta_cobranca"\ncanal = "carta"\nagrupar_por_pagador = true\n'
                'modelo = "c.txt"\nmodelo_pdf = "c.md"\n')
    p = regua.plan(ledger, politica, date(2027, 1, 14),
                   modelos={"c.txt": "{{ titulo.linha_digitavel_numeros }}", "c.md": carta})
    (a,) = p.actions
    # the registered boleto of NF-1001 (Itaú 0057/12345-7, carteira 109, nosso número 12345678, R$ 127,50 due
    # 2026-12-15: fator 1661)
    assert a.linha_digitavel == "34191091233456780005671234570001916610000012750"
    assert a.mensagem == a.linha_digitavel
    assert a.carta is not None and a.carta.titulos[0].linha_digitavel == a.linha_digitavel
    assert a.documento is not None and "| NF-1001 | 34191.09123 34567.800056 71234.570001 9 16610000012750 |" in a.documento
    pdf = regua.carta_pdf(a)
    assert pdf.startswith(b"%PDF-")
    path = tmp_path / "carta.pdf"
    path.write_bytes(pdf)
    try:
        out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True)
    except FileNotFoundError:
        pytest.skip("pdftotext not found (Debian: apt-get install poppler-utils)")
    flat = " ".join(out.stdout.split())
    assert "Carta Documento Linha NF-1001 34191.09123 34567.800056 71234.570001 9 16610000012750" in flat, flat
    with pytest.raises(ValueError):
        regua.carta_pdf(regua.plan(ledger, politica, date(2027, 1, 14)).actions[0])


def test_carta_proposta_from_the_policy_limits(tmp_path: Path) -> None:
    # the policy's [acordo] limits give the carta its proposal (see crates/cnab-cli/tests/regua.rs for the
    # arithmetic): NF-1001's 131.40 less half its juros (1.95) = 129.45; entrada 20% = 25.89; 103.56 in 3 at 1% a
    # month (Tabela Price) = 35.21 each; total 131.52
    ledger = _day(tmp_path)
    politica = (
        '[acordo]\nparcelas_max = 3\ndesconto_max_pct = "50"\nentrada_min_pct = "20"\n'
        'juros_parcela_pct_mes = "1"\nprimeiro_vencimento_dias = 5\n'
        '[[etapa]]\ndias = 30\nacao = "carta_cobranca"\ncanal = "carta"\nagrupar_por_pagador = true\n'
        'modelo = "c.txt"\n'
    )
    modelo = (
        "{{ proposta.entrada.valor | brl }} em {{ proposta.entrada.vencimento | data }}, "
        "{% for p in proposta.parcelas %}{{ p.valor | brl }} em {{ p.vencimento | data }}, {% endfor %}"
        "total {{ proposta.total | brl }}"
    )
    a = regua.plan(ledger, politica, date(2027, 1, 14), modelos={"c.txt": modelo}).actions[0]
    assert (a.titulo, a.acao) == ("NF-1001", "carta_cobranca")
    assert a.mensagem == (
        "R$ 25,89 em 19/01/2027, R$ 35,21 em 19/02/2027, R$ 35,21 em 19/03/2027, R$ 35,21 em 19/04/2027, "
        "total R$ 131,52"
    )
    # the same proposal, typed: NF-1001 on 2027-01-14 is 127.50 + 30 days × 0.13 (3.90) = 131.40; half the 3.90
    # off = 1.95 → 129.45; entrada 20% = 25.89 on 2027-01-19; 129.45 − 25.89 = 103.56 financed in 3 × 35.21 =
    # 105.63, so the installments add 2.07 of interest; 25.89 + 105.63 = 131.52
    p = a.proposta
    assert isinstance(p, regua.Proposta)
    assert (p.titulos, p.saldo_total, p.encargos, p.principal, p.desconto_sobre, p.desconto, p.valor_negociado) == (
        ["NF-1001"], Decimal("131.40"), Decimal("3.90"), Decimal("127.50"), "encargos", Decimal("1.95"),
        Decimal("129.45"),
    )
    assert p.entrada == regua.Pagamento(numero=0, vencimento=date(2027, 1, 19), valor=Decimal("25.89"))
    assert p.entrada is not None
    assert (p.financiado, p.juros, p.total) == (Decimal("103.56"), Decimal("2.07"), Decimal("131.52"))
    assert [(x.numero, x.vencimento, x.valor) for x in p.parcelas] == [
        (1, date(2027, 2, 19), Decimal("35.21")),
        (2, date(2027, 3, 19), Decimal("35.21")),
        (3, date(2027, 4, 19), Decimal("35.21")),
    ]
    assert p.valor_negociado - p.entrada.valor == p.financiado
    assert sum((x.valor for x in p.parcelas), Decimal(0)) - p.financiado == p.juros
    # other actions carry none
    assert regua.plan(ledger, POLITICA, D).actions[0].proposta is None


def test_reemissao(tmp_path: Path) -> None:
    ledger = _day(tmp_path)
    # NF-1001: R$ 127,50 due 2026-12-15, juros R$ 0,13 a day → 127.50 + 36 × 0.13 = 132.18 on 2027-01-20; Itaú
    # CNAB 400 has no alteração de valor: only the due date moves (06)
    r = regua.reemissao(ledger, "NF-1001", date(2027, 1, 14), date(2027, 1, 20), remessas=[ITAU_400_REM])
    assert (r.valor_atualizado, r.devido.juros, r.valor_registrado) == (Decimal("132.18"), Decimal("4.68"), False)
    # not registered: the boleto keeps its face value
    assert (r.valor_nominal, r.aviso) == (Decimal("127.50"), None)
    assert [i.movimento for i in r.instrucoes] == ["06"]
    back = cnab.read_remessa(r.bytes)
    assert [(t.seu_numero, t.movimento, t.vencimento) for t in back.titulos] == [
        ("NF-1001", "06", date(2027, 1, 20))
    ]
    with pytest.raises(baixa.BaixaError) as e:
        regua.reemissao(ledger, "NF-9", date(2027, 1, 14), date(2027, 1, 20), remessas=[ITAU_400_REM])
    assert e.value.kind == "unknown_title"


SANTANDER_400_REM = FIXTURES / "033-santander" / "cnab400" / "remessa" / "remessa.rem"
SANTANDER_400_RET = FIXTURES / "033-santander" / "cnab400" / "retorno" / "retorno.ret"


def _santander_retorno(data: date, codes: list[str]) -> bytes:
    """A Santander CNAB 400 retorno dated ``data`` answering NF-1001 (nosso número 00001234) once per code: the
    fixture's header and trailer, its NF-1002 detalhe as the model (H7800 retorno positions, as cnab-core's table:
    nosso número 63-70, ocorrência 109-110, data da ocorrência 111-116, seu número 117-126, sequencial 395-400;
    the trailer's totals are shown, never compared)."""
    lines = SANTANDER_400_RET.read_bytes().split(b"\r\n")
    header, model, trailer = lines[0], lines[3], lines[4]
    ddmmyy = data.strftime("%d%m%y").encode()
    out = [header[:94] + ddmmyy + header[100:]]
    for k, code in enumerate(codes, start=2):
        x = model[:62] + b"00001234" + model[70:108] + code.encode() + ddmmyy + b" " * 10 + model[126:394]
        out.append(x + b"%06d" % k)
    out.append(trailer[:394] + b"%06d" % (len(codes) + 2))
    return b"\r\n".join(out) + b"\r\n"


def _titulo(ledger: baixa.Ledger, on: date) -> baixa.Due:
    (d,) = [x for x in ledger.due(on) if x.id == "NF-1001"]
    return d


def test_reemissao_recorded_and_confirmed(tmp_path: Path) -> None:
    # Santander CNAB 400 (06 alteração de vencimento, 47 alteração do valor nominal; its retorno's 14 and 61):
    # NF-1001, R$ 127,50 due 2026-12-15, multa 2%, juros R$ 0,13 a day (crates/baixa/tests/regua_scenarios)
    ledger = baixa.Ledger(tmp_path / "r.db")
    ledger.import_remessa(SANTANDER_400_REM)
    # reissued on 2026-12-25 to 2027-01-04: 127.50 + multa 2.55 + 20 days × 0.13 (2.60) = 132.65
    r = regua.reemissao(ledger, "NF-1001", date(2026, 12, 25), date(2027, 1, 4), remessas=[SANTANDER_400_REM],
                        registrar=True)
    assert (r.devido.multa, r.devido.juros, r.valor_atualizado, r.valor_nominal, r.valor_registrado) == (
        Decimal("2.55"), Decimal("2.60"), Decimal("132.65"), Decimal("132.65"), True,
    )
    assert [i.movimento for i in r.instrucoes] == ["06", "47"]
    assert r.registradas == [regua.Registrada("prorrogacao", 10), regua.Registrada("alteracao_valor", 10)]
    back = cnab.read_remessa(r.bytes)
    assert [(t.movimento, t.vencimento, t.valor) for t in back.titulos] == [
        ("06", date(2027, 1, 4), Decimal("127.50")),
        ("47", date(2027, 1, 4), Decimal("132.65")),
    ]
    with pytest.raises(baixa.BaixaError) as e:
        regua.reemissao(ledger, "NF-1001", date(2026, 12, 25), date(2027, 1, 4), remessas=[SANTANDER_400_REM],
                        registrar=True)
    assert e.value.kind == "invalid" and "already recorded" in str(e.value)
    pend = regua.instrucoes(ledger, date(2026, 12, 25))
    assert pend.counts == {"pendente": 2, "confirmada": 0, "rejeitada": 0}
    assert [(i.acao, i.instrucao.movimento, i.novo_vencimento, i.novo_valor) for i in pend.instrucoes] == [
        ("alteracao_valor", "47", date(2027, 1, 4), Decimal("132.65")),
        ("prorrogacao", "06", date(2027, 1, 4), None),
    ]

    # the bank confirms both on 2026-12-28: a título of 132.65 due 2027-01-04
    res = ledger.apply(_santander_retorno(date(2026, 12, 28), ["14", "61"]))
    assert [(i.acao, i.estado, i.resposta.ocorrencia if i.resposta else None) for i in res.instrucoes] == [
        ("prorrogacao", "confirmada", "14"),
        ("alteracao_valor", "confirmada", "61"),
    ]
    assert res.instrucoes_avisos == []
    t = _titulo(ledger, date(2027, 1, 4))
    assert (t.valor, t.total) == (Decimal("132.65"), Decimal("132.65"))
    ev = [(e.acao, e.novo_vencimento, e.novo_valor) for e in ledger.history("NF-1001") if e.event == "instrucao"]
    assert ev == [("prorrogacao", date(2027, 1, 4), None), ("alteracao_valor", None, Decimal("132.65"))]

    # 38.03 received by pix on 2027-01-10; reissued on 2027-01-15 to 2027-01-25: 132.65 + multa 2.65 + 21 days ×
    # 0.13 (2.73) = 138.03, less 38.03 = 100.00. The alteração de vencimento carries the bank's nominal now, the
    # 132.65 it confirmed, not the 127.50 registered
    ledger.settle("NF-1001", Decimal("38.03"), date(2027, 1, 10), "pix", por="financeiro", motivo="parte")
    r2 = regua.reemissao(ledger, "NF-1001", date(2027, 1, 15), date(2027, 1, 25), remessas=[SANTANDER_400_REM],
                         registrar=True)
    assert (r2.devido.total, r2.valor_nominal) == (Decimal("138.03"), Decimal("100.00"))
    assert r2.registradas == [regua.Registrada("prorrogacao", 11), regua.Registrada("alteracao_valor", 11)]
    assert [(t.movimento, t.valor) for t in cnab.read_remessa(r2.bytes).titulos] == [
        ("06", Decimal("132.65")),
        ("47", Decimal("100.00")),
    ]
    # only the 61 comes back: face value 100.00 + the 38.03 received; the due date stays
    res = ledger.apply(_santander_retorno(date(2027, 1, 16), ["61"]))
    assert [(i.acao, i.enviada_em, i.estado) for i in res.instrucoes] == [
        ("alteracao_valor", date(2027, 1, 15), "confirmada")
    ]
    t = _titulo(ledger, date(2027, 1, 4))
    assert (t.valor, t.total) == (Decimal("138.03"), Decimal("138.03"))
    assert regua.instrucoes(ledger, date(2027, 1, 16)).counts == {"pendente": 1, "confirmada": 3, "rejeitada": 0}


def test_regua_reemissao_step_typed(tmp_path: Path) -> None:
    # the policy's reemissao step on 2026-12-25 (10 days past due, 10 days' prazo): the same 132.65
    ledger = baixa.Ledger()
    ledger.import_remessa(SANTANDER_400_REM)
    politica = '[[etapa]]\ndias = 10\nacao = "reemissao"\ncanal = "banco"\nprazo_dias = 10\n'
    run = regua.run(ledger, politica, date(2026, 12, 25), remessas=[SANTANDER_400_REM])
    (a,) = run.actions
    assert (a.titulo, a.acao, a.novo_vencimento, a.novo_valor) == (
        "NF-1001", "reemissao", date(2027, 1, 4), Decimal("132.65")
    )
    assert a.instrucao is not None and a.instrucao_valor is not None
    assert (a.instrucao.movimento, a.instrucao_valor.movimento) == ("06", "47")
    assert [(t.titulo, t.acao, t.movimento) for t in run.remessas[0].titulos] == [
        ("NF-1001", "prorrogacao", "06"),
        ("NF-1001", "alteracao_valor", "47"),
    ]
    # Itaú CNAB 400 has no alteração de valor: no novo_valor, no second movimento
    itau = _day(tmp_path)
    a = regua.run(itau, politica, date(2026, 12, 25), remessas=[ITAU_400_REM]).actions[0]
    assert (a.novo_valor, a.instrucao_valor, a.instrucao.movimento if a.instrucao else None) == (None, None, "06")


QUEBRA = (
    "inadimplente_apos_dias = 30\n"
    '[acordo]\nparcelas_max = 3\nprimeiro_vencimento_dias = 5\nquebra_apos_dias = 10\nquebra_canal = "email"\n'
    '[[etapa]]\ndias = 5\nacao = "aviso_atraso"\ncanal = "sms"\n'
)


def _acordo_ac1() -> baixa.Ledger:
    # the acordo of crates/baixa/tests/regua_scenarios (acordo_ac1): A 1000.00 due 2026-03-10 and B 500.00 due
    # 2026-03-20, multa 2%, juros 1% a month; on 2026-04-09 1030.00 + 513.33 = 1543.33, less 25% of the 43.33 of
    # multa and juros (10.83) = 1532.50 in 510.84 + 510.83 + 510.83 due 2026-05-31, 06-30 and 07-31
    ledger = baixa.Ledger()

    def t(id: str, nn: str, valor: str, venc: date) -> baixa.Titulo:
        return baixa.Titulo(id, "341", nn, Decimal(valor), venc, pagador_documento="12345678000195",
                            pagador_nome="Padaria Sol", multa_pct=Decimal("2"), juros_pct_mes=Decimal("1"))

    ledger.import_titles([t("A", "10000001", "1000.00", date(2026, 3, 10)), t("B", "10000002", "500.00", date(2026, 3, 20))])
    a = regua.acordo(ledger, "AC-1", date(2026, 4, 9), ["A", "B"], 3, date(2026, 5, 31),
                     desconto_encargos_pct=Decimal("25"))
    assert [p.valor for p in a.parcelas] == [Decimal("510.84"), Decimal("510.83"), Decimal("510.83")]
    assert a.quebra is None
    ledger.settle("AC-1-1", Decimal("510.84"), date(2026, 5, 29), "pix", por="financeiro", motivo="parcela 1")
    return ledger


def test_quebra_de_acordo_typed() -> None:
    ledger = _acordo_ac1()
    # 2026-07-10: installment 2 (due 06-30) 10 days late, not broken yet
    run = regua.run(ledger, QUEBRA, date(2026, 7, 10))
    assert [(a.titulo, a.acao) for a in run.actions] == [("AC-1-2", "aviso_atraso")]
    # 2026-07-11: 11 days, broken once
    run = regua.run(ledger, QUEBRA, date(2026, 7, 11))
    assert [(a.titulo, a.acao, a.etapa_dias, a.canal) for a in run.actions] == [
        ("AC-1-2", "quebra_acordo", 11, "email"),
        ("AC-1-2", "baixa", 11, "banco"),
        ("AC-1-3", "baixa", -20, "banco"),
        ("A", "aviso_atraso", 5, "sms"),
        ("B", "aviso_atraso", 5, "sms"),
    ]
    q = run.actions[0].quebra
    assert isinstance(q, regua.Quebra)
    assert (q.acordo, q.data, q.parcela, q.vencimento, q.dias_atraso) == (
        "AC-1", date(2026, 7, 11), "AC-1-2", date(2026, 6, 30), 11,
    )
    assert [(p.titulo, p.pago, p.baixada) for p in q.parcelas] == [
        ("AC-1-1", Decimal("510.84"), False),
        ("AC-1-2", Decimal("0"), True),
        ("AC-1-3", Decimal("0"), True),
    ]
    assert (q.pago_no_acordo, q.baixado) == (Decimal("510.84"), Decimal("1021.66"))
    # A: 1000.00 + multa 20.00 + juros 1000 × 1% × 123/30 = 41.00 → 1061.00, less the 510.84 credited = 550.16;
    # B: 500.00 + 10.00 + 500 × 1% × 113/30 = 18.83 → 528.83
    assert [(o.titulo, o.devido.juros, o.devido.total, o.imputado, o.saldo) for o in q.originais] == [
        ("A", Decimal("41.00"), Decimal("1061.00"), Decimal("510.84"), Decimal("550.16")),
        ("B", Decimal("18.83"), Decimal("528.83"), Decimal("0.00"), Decimal("528.83")),
    ]
    assert isinstance(q.originais[0], regua.OriginalRestaurado)
    assert q.saldo_restaurado == Decimal("1078.99")
    assert (run.actions[3].saldo, run.actions[3].inadimplente) == (Decimal("550.16"), True)
    # the acordo is broken; the histories show it
    (acordo,) = regua.acordos(ledger)
    assert acordo.quebra == q
    assert [(e.papel, e.data, e.valor) for e in ledger.history("A") if e.event == "acordo"] == [
        ("original", date(2026, 4, 9), Decimal("1030.00")),
        ("restaurado", date(2026, 7, 11), Decimal("550.16")),
    ]
    assert [(e.papel, e.valor) for e in ledger.history("AC-1-3") if e.event == "acordo"] == [
        ("parcela", Decimal("510.83")),
        ("quebra", Decimal("510.83")),
    ]
    # the report: A, B open again; the installments written off apart, nothing counted twice
    p = ledger.report(date(2026, 7, 11)).portfolio
    assert (p.open.count, p.open.valor, p.open.devido) == (2, Decimal("989.16"), Decimal("1078.99"))
    assert (p.renegotiated.count, p.renegotiated.valor) == (2, Decimal("1021.66"))
    # again: nothing new, the break and the two avisos counted
    again = regua.run(ledger, QUEBRA, date(2026, 7, 11))
    assert (again.actions, again.already_issued) == ([], 3)


def test_acordo_paid_is_not_broken() -> None:
    ledger = _acordo_ac1()
    ledger.settle("AC-1-2", Decimal("510.83"), date(2026, 6, 30), "pix", por="financeiro", motivo="parcela 2")
    run = regua.run(ledger, QUEBRA, date(2026, 7, 11))
    assert [a.acao for a in run.actions if a.acao == "quebra_acordo"] == []
    assert regua.acordos(ledger)[0].quebra is None


def test_apply_instrucoes_avisos(tmp_path: Path) -> None:
    # A título above 99,999,999.99 (its barcode's value takes the fator de vencimento's positions: no due date),
    # reissued to a new due date; the bank's confirmation of the prorrogação (Santander 14) cannot give its boleto
    # that date: the linha digitável is removed and the answer says so (crates/baixa/tests/regua.rs,
    # linha_that_cannot_follow_is_a_warning, on Itaú)
    linha = boleto.make(banco="033", codigo_beneficiario="1234567", nosso_numero="00001234", carteira="101",
                             valor=Decimal("150000000.00"), vencimento=None).linha_digitavel
    ledger = baixa.Ledger(tmp_path / "a.db")
    ledger.import_titles([
        baixa.Titulo("NF-1001", "033", "00001234", Decimal("150000000.00"), date(2026, 12, 15),
                     seu_numero="NF-1001", linha_digitavel=linha),
    ])
    r = regua.reemissao(ledger, "NF-1001", date(2026, 12, 25), date(2027, 1, 4), remessas=[SANTANDER_400_REM],
                        registrar=True)
    assert r.linha_digitavel is None
    res = ledger.apply(_santander_retorno(date(2026, 12, 28), ["14"]))
    assert [(i.acao, i.estado) for i in res.instrucoes] == [("prorrogacao", "confirmada")]
    assert res.instrucoes_avisos == [
        "título NF-1001: linha_digitavel: the confirmed prorrogacao leaves no linha digitável (valor 150000000.00: "
        "above 99,999,999.99 the value uses the fator positions: no due date allowed); the título's is removed, "
        "not kept with the old due date"
    ]
