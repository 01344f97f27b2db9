"""The régua de cobrança: the collection steps due on a date, the bank instructions, acordos.

The same operations as ``cnab regua``, ``cnab instrucoes`` and ``cnab acordo``, over a :class:`cnab.baixa.Ledger`
(and the same JSON underneath)::

    from datetime import date
    from pathlib import Path
    from cnab import baixa, regua

    ledger = baixa.Ledger("dia.db")
    ledger.import_remessa("remessa.rem")
    regua.plan(ledger, Path("politica.toml"), date(2027, 1, 24), modelos=Path("modelos"))  # records nothing
    run = regua.run(ledger, Path("politica.toml"), date(2027, 1, 24), modelos=Path("modelos"),
                    segunda_via_url="https://pague.example.com", remessas=["remessa.rem"])
    for a in run.actions:                      # each issued once: a second run lists nothing new
        a.canal, a.pagador.nome, a.mensagem    # what the e-mail / SMS / letter systems send
    Path("instrucoes.rem").write_bytes(run.remessas[0].bytes)   # the protests, baixas… to the bank
    ledger.apply("retorno.ret").instrucoes     # the bank's answers to them
    regua.instrucoes(ledger, date(2027, 1, 28)).counts   # {"pendente": 0, "confirmada": 1, "rejeitada": 0}
    a = regua.acordo(ledger, "AC-1", date(2027, 1, 24), ["NF-1002"], 2, date(2027, 2, 24),
                     remessas=["remessa.rem"], nosso_numero="20000001")
    Path("acordo.rem").write_bytes(a.remessas[0].bytes)   # the installments and the originals' pedido de baixa
    r = regua.reemissao(ledger, "NF-1001", date(2027, 1, 14), date(2027, 1, 20), remessas=["remessa.rem"],
                        registrar=True)        # alteração de vencimento (and de valor where the bank has one)
    Path("reemissao.rem").write_bytes(r.bytes)  # r.registradas: pending until the retorno confirms them

The policy is TOML text (``str``) or a path object to a TOML file; ``modelos`` a directory (path) the policy's
``modelo`` names are read from, or a mapping ``{name: source}`` (MiniJinja templates, see ``baixa::mensagem``).
Problems raise :class:`cnab.baixa.BaixaError` (``.kind``: ``policy``, ``modelo``, ``invalid``, ``usage``…) or,
for a remessa that does not read, the :class:`cnab.CnabError` subclass the reader raises.
"""

from __future__ import annotations

import builtins
import datetime
import decimal
import json
from dataclasses import dataclass, field
from typing import List, Optional, Sequence, Union

from . import _cnab
from . import _convert
from ._errors import _from_native
from .baixa import (
    AcaoEmitida,
    Breakdown,
    Acordo,
    BaixaError,
    Carta,
    Instrucao,
    InstrucaoEnviada,
    InstrucaoTitulo,
    Instrucoes,
    ItemCarta,
    ItemRemessaAcordo,
    Ledger,
    Modelos,
    Original,
    OriginalRestaurado,
    Pagador,
    Pagamento,
    Parcela,
    ParcelaQuebrada,
    PathLike,
    Politica,
    Proposta,
    Quebra,
    RemessaAcordo,
    RemessaInstrucoes,
    ReguaRun,
    Resposta,
    _file_bytes,
    _raise,
)

__all__ = [
    "carta_pdf",
    "reemissao",
    "Reemissao",
    "Registrada",
    "plan",
    "run",
    "instrucoes",
    "acordo",
    "acordos",
    "AcaoEmitida",
    "Acordo",
    "BaixaError",
    "Carta",
    "Instrucao",
    "InstrucaoEnviada",
    "InstrucaoTitulo",
    "Instrucoes",
    "ItemCarta",
    "ItemRemessaAcordo",
    "Modelos",
    "Original",
    "OriginalRestaurado",
    "Pagador",
    "Pagamento",
    "Parcela",
    "ParcelaQuebrada",
    "Politica",
    "Proposta",
    "Quebra",
    "RemessaAcordo",
    "RemessaInstrucoes",
    "ReguaRun",
    "Resposta",
]


def plan(
    ledger: Ledger, politica: Politica, date: datetime.date, *, modelos: Optional[Modelos] = None
) -> ReguaRun:
    """What a run on ``date`` would issue, recording nothing (``cnab regua --plan``); with ``modelos`` each
    action's ``mensagem`` rendered."""
    return ledger.regua_plan(politica, date, modelos=modelos)


def run(
    ledger: Ledger,
    politica: Politica,
    date: datetime.date,
    *,
    remessas: Optional[Sequence[Union[PathLike, bytes]]] = None,
    nsa: Optional[int] = None,
    modelos: Optional[Modelos] = None,
    segunda_via_url: Optional[str] = None,
) -> ReguaRun:
    """Issues and records the steps due on ``date`` (``cnab regua``): each step once, never for a settled or
    written-off título. ``remessas`` (paths or bytes of the remessas that registered the títulos): the steps
    through the bank become instruction remessas (``result.remessas[i].bytes``), checked before anything is
    recorded; ``nsa`` their sequence number (default: the registering remessa's + 1). ``modelos``: each action's
    ``mensagem`` rendered; ``segunda_via_url``: each título's segunda via link among the modelos' variables."""
    return ledger.regua_run(
        politica, date, remessas=remessas, nsa=nsa, modelos=modelos, segunda_via_url=segunda_via_url
    )


def instrucoes(ledger: Ledger, date: datetime.date, *, dias: int = 5) -> Instrucoes:
    """Every bank instruction sent, where it stands, and those pending more than ``dias`` days after they were
    sent, on ``date`` (``cnab instrucoes``). The answers are recorded by :meth:`cnab.baixa.Ledger.apply`."""
    return ledger.instrucoes(date, dias=dias)


def acordo(
    ledger: Ledger,
    id: str,
    date: datetime.date,
    titulos: Sequence[str],
    parcelas: int,
    primeiro_vencimento: datetime.date,
    *,
    desconto_encargos_pct: Union[decimal.Decimal, str, int, None] = None,
    proposta: bool = False,
    remessas: Optional[Sequence[Union[PathLike, bytes]]] = None,
    nosso_numero: Optional[str] = None,
    nsa: Optional[int] = None,
) -> Acordo:
    """Replaces a payer's open ``titulos`` by ``parcelas`` installments (``cnab acordo``); ``proposta=True`` only
    computes it. With ``remessas`` the remessa that takes it to the bank (``cnab acordo --remessa-out``):
    ``result.remessas[i].bytes``."""
    return ledger.acordo(
        id,
        date,
        titulos,
        parcelas,
        primeiro_vencimento,
        desconto_encargos_pct=desconto_encargos_pct,
        proposta=proposta,
        remessas=remessas,
        nosso_numero=nosso_numero,
        nsa=nsa,
    )


def carta_pdf(documento: Union[AcaoEmitida, str]) -> bytes:
    """The PDF of an action's ``documento`` (its step's ``modelo_pdf`` rendered; ``cnab regua --pdf-dir``), or of a
    text in the same markup (``# título``, ``## subtítulo``, ``| tabela | de | colunas |``, paragraphs): A4, the
    boleto's fonts embedded, the text searchable. An action without a documento raises ``ValueError``."""
    text = documento.documento if isinstance(documento, AcaoEmitida) else documento
    if text is None:
        raise ValueError("this action has no documento: its step has no modelo_pdf, or no modelos were given")
    try:
        return _cnab.texto_pdf(text)
    except _cnab.NativeError as e:
        raise _from_native(e) from None


@dataclass(frozen=True)
class Registrada:
    """A movimento of a reissue recorded as a pending instruction of its título: ``acao`` ``prorrogacao`` (the
    alteração de vencimento) or ``alteracao_valor``, ``etapa_dias`` the título's days past due on the date."""

    acao: str = ""
    etapa_dias: int = 0


@dataclass(frozen=True)
class Reemissao:
    """An overdue título's updated boleto (``cnab reemissao``, docs/reemissao.md): the amount due on the new due date
    (``devido``, ``valor_atualizado``), the bank's movimentos (``instrucoes``: alteração de vencimento, then the
    alteração do valor nominal when the bank's layout has one — ``valor_registrado``), the new ``linha_digitavel``
    and the instruction remessa's ``bytes``. ``valor_nominal`` is the amount the alteração de valor registers
    (``valor_atualizado`` plus the abatimento the bank deducts again; the face value when the bank cannot register
    it); ``aviso`` says why there is no ``linha_digitavel`` when the new due date or amount cannot have one;
    ``registradas`` the instructions recorded (with ``registrar=True``)."""

    titulo: str = ""
    banco: int = 0
    vencimento: Optional[datetime.date] = None
    novo_vencimento: Optional[datetime.date] = None
    devido: Breakdown = field(default_factory=Breakdown)
    valor_atualizado: decimal.Decimal = decimal.Decimal(0)
    valor_nominal: decimal.Decimal = decimal.Decimal(0)
    valor_registrado: bool = False
    instrucoes: List[Instrucao] = field(default_factory=list)
    linha_digitavel: Optional[str] = None
    aviso: Optional[str] = None
    registradas: List[Registrada] = field(default_factory=list)
    bytes: builtins.bytes = b""


def reemissao(
    ledger: Ledger,
    titulo: str,
    date: datetime.date,
    vencimento: datetime.date,
    *,
    remessas: Sequence[Union[PathLike, bytes]],
    nsa: Optional[int] = None,
    registrar: bool = False,
) -> Reemissao:
    """The reissue of an open, overdue ``titulo`` to ``vencimento`` on ``date`` (``cnab reemissao``); write
    ``result.bytes`` to send the instruction remessa. Each row carries the valor nominal the bank holds now (after
    an alteração de valor it confirmed, that one). With ``registrar=True`` its movimentos are recorded as pending
    instructions, as ``cnab reemissao --remessa-out`` and the policy's ``reemissao`` step record them
    (``result.registradas``): ``cnab.baixa.Ledger.apply`` matches the bank's answers and a confirmed one changes
    the título; a second reissue of the título recorded on the same date raises ``BaixaError`` and records
    nothing. Without it nothing is recorded."""
    regs = [_file_bytes(r) for r in remessas]
    try:
        s, b = ledger._native.reemissao(titulo, date.isoformat(), vencimento.isoformat(), regs, nsa, registrar)
    except _cnab.NativeError as e:
        raise _raise(e) from None
    d = json.loads(s)
    d["bytes"] = b
    out: Reemissao = _convert.from_dict(Reemissao, d)
    return out


def acordos(ledger: Ledger) -> List[Acordo]:
    """Every acordo recorded, in order."""
    return ledger.acordos()
