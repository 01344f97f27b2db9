"""A typed example of the `cnab` package (checked with `mypy --strict`). Run from the repository root."""

from __future__ import annotations

import sys
from datetime import date
from decimal import Decimal
from typing import Dict, List

import cnab
from cnab import boleto

RETORNO = "fixtures/341-itau/cnab240/retorno/retorno.ret"


def paid_by_day(path: str) -> Dict[date, Decimal]:
    """Money received per day, streaming the retorno."""
    totals: Dict[date, Decimal] = {}
    for e in cnab.iter_entries(path):
        kind = e.ocorrencia.kind if e.ocorrencia else None
        if kind is not None and kind.is_payment and e.data_ocorrencia is not None:
            totals[e.data_ocorrencia] = totals.get(e.data_ocorrencia, Decimal(0)) + (e.valor_pago or Decimal(0))
    return totals


def rejected(retorno: cnab.Retorno) -> List[str]:
    return [
        f"{e.nosso_numero}: {', '.join(m.description or m.code for m in e.motivos)}"
        for e in retorno.entries
        if e.kind is cnab.OcorrenciaKind.ENTRADA_REJEITADA
    ]


def build_remessa() -> cnab.Remessa:
    titulo = cnab.Titulo(
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
            nome="JOSE DA SILVA",
            endereco="RUA A 1",
            bairro="CENTRO",
            cep="01001000",
            cidade="SAO PAULO",
            uf="SP",
        ),
    )
    beneficiario = cnab.Beneficiario(
        nome="PADARIA SAO JOAO LTDA",
        inscricao=cnab.Inscricao(tipo=2, numero="11222333000181"),
        agencia="0057",
        conta="12345",
        conta_dv="7",
    )
    return cnab.Remessa(header=cnab.Header(beneficiario=beneficiario), titulos=[titulo])


def main() -> int:
    d: cnab.Detected = cnab.detect(open(RETORNO, "rb").read())
    print(f"{d.bank} {d.bank_name} CNAB {d.layout} {d.kind}")

    retorno = cnab.read_retorno(RETORNO)
    for day, total in sorted(paid_by_day(RETORNO).items()):
        print(day.isoformat(), total)
    for line in rejected(retorno):
        print("rejected:", line)
    u: cnab.Record = next(r for r in retorno.records if r.name == "segmento_u")
    valor = u["valor_pago"]
    assert isinstance(valor, Decimal)

    data: bytes = build_remessa().to_bytes(bank="341", layout=240)
    again = cnab.read(data)
    assert isinstance(again, cnab.Remessa)
    assert again.titulos[0].valor == Decimal("127.50")

    try:
        cnab.read(b"garbage", lenient=False)
    except cnab.LayoutError as err:
        col = err.column
        code: str = err.code
        category: str = err.category
        where: str | None = err.file
        print("error:", err.kind, code, category, where, err.line, col, err)

    p: boleto.Parsed = boleto.parse("34191.09008 01015.271248 80212.460002 4 25480000675787")
    valor_boleto: Decimal | None = p.valor
    print(p.banco, valor_boleto, p.vencimento)
    out = boleto.make(
        banco="341",
        agencia="1248",
        conta="02124",
        carteira="109",
        nosso_numero="00010152",
        valor=Decimal("6757.87"),
        vencimento=date(2029, 5, 20),
    )
    print(out.linha_digitavel_formatada, out.nosso_numero)
    return 0


if __name__ == "__main__":
    sys.exit(main())
