"""Baixa: settle open titles from retornos exactly once — amounts due, a ledger, reports.

The same operations as ``cnab baixa`` (and the same JSON underneath)::

    from datetime import date
    from decimal import Decimal
    from cnab import baixa

    ledger = baixa.Ledger("ledger.db")          # SQLite file (created if missing); Ledger() = in memory
    ledger.import_titles("titles.csv")         # or a list of baixa.Titulo / dicts with the CSV's keys
    result = ledger.apply("retorno.ret")       # one transaction; the same file again settles nothing
    result.outcomes                            # {"paid": 1, "paid_late": 1, ...}
    ledger.settle("NF-02", Decimal("34.66"), date(2012, 4, 30), "pix", por="maria", motivo="resto")
    ledger.report(date(2012, 6, 15)).portfolio.overdue_over_90.valor
    baixa.valor_devido(baixa.Titulo(id="NF-1", banco="341", nosso_numero="1", valor=Decimal("1000.00"),
                                    vencimento=date(2026, 3, 10), multa_pct=Decimal(2),
                                    juros_pct_mes=Decimal(1)), date(2026, 3, 25)).total   # Decimal('1025.00')

Amounts are ``decimal.Decimal``, dates ``datetime.date``. Problems raise :class:`BaixaError` (a bad titles row:
``.line`` is the row, ``.field`` the column; an unknown title id: ``.kind == "unknown_title"``) or, for a retorno
or remessa that does not read, the :class:`cnab.CnabError` subclass the reader raises.
"""

from __future__ import annotations

import builtins
import dataclasses
import datetime
import decimal
import json
import os
from dataclasses import dataclass, field
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple, Union

from . import _cnab
from . import _convert
from ._errors import CnabError, _from_payload

__all__ = [
    "Ledger",
    "Titulo",
    "link",
    "valor_devido",
    "due",
    "BaixaError",
    "ImportSummary",
    "EntryRow",
    "Problem",
    "ApplyResult",
    "OutcomeTotals",
    "FileReport",
    "Breakdown",
    "Due",
    "Bucket",
    "Portfolio",
    "OpenTitle",
    "Devedor",
    "Report",
    "Settlement",
    "Event",
    "MEIOS",
    "Pagador",
    "ItemCarta",
    "Carta",
    "Instrucao",
    "AcaoEmitida",
    "Proposta",
    "Pagamento",
    "InstrucaoTitulo",
    "RemessaInstrucoes",
    "ReguaRun",
    "Original",
    "Parcela",
    "Acordo",
    "Resposta",
    "InstrucaoEnviada",
    "Instrucoes",
    "ItemRemessaAcordo",
    "RemessaAcordo",
    "Modelos",
    "plan",
    "run",
]

PathLike = Union[str, "os.PathLike[str]"]
MEIOS = ("deposito", "transferencia", "dinheiro", "pix", "outro")
"""How money received outside the boleto arrived (``settle``'s ``meio``)."""


class BaixaError(CnabError):
    """A bad titles row (``.line`` = row, ``.field`` = column), an unknown title id (``.kind == "unknown_title"``),
    a usage problem (``.kind == "usage"``) or a ledger failure (``.kind == "ledger"``)."""


def _raise(exc: BaseException) -> CnabError:
    try:
        payload = json.loads(str(exc.args[0]))
    except (ValueError, IndexError, TypeError):
        return BaixaError(str(exc))
    if payload.get("source") != "baixa":
        return _from_payload(payload)
    return BaixaError(
        str(payload.get("message", "")),
        line=payload.get("line") or None,
        field=payload.get("field"),
        kind=str(payload.get("kind") or "invalid"),
    )


@dataclass
class Titulo:
    """An open title, with the keys of the titles CSV / JSON (``id, banco, nosso_numero, valor, vencimento``
    required). Give ``multa_pct`` or ``multa_valor``, ``juros_pct_mes`` or ``juros_valor_dia``, ``desconto_valor``
    or ``desconto_pct`` (until ``desconto_ate``; the due date when ``None``)."""

    id: str
    banco: str
    nosso_numero: str
    valor: decimal.Decimal
    vencimento: datetime.date
    convenio: str = ""
    seu_numero: str = ""
    emissao: Optional[datetime.date] = None
    pagador_documento: str = ""
    pagador_nome: str = ""
    multa_pct: Optional[decimal.Decimal] = None
    multa_valor: Optional[decimal.Decimal] = None
    juros_pct_mes: Optional[decimal.Decimal] = None
    juros_valor_dia: Optional[decimal.Decimal] = None
    desconto_valor: Optional[decimal.Decimal] = None
    desconto_pct: Optional[decimal.Decimal] = None
    desconto_ate: Optional[datetime.date] = None
    abatimento: Optional[decimal.Decimal] = None
    linha_digitavel: Optional[str] = None
    """The registered boleto's linha digitável (47 digits; dots and spaces allowed): checked, and of ``banco``."""
    pix: Optional[str] = None
    """The boleto híbrido's PIX copia e cola (a BR Code; its CRC is checked)."""

    def __post_init__(self) -> None:
        _convert.coerce_fields(self)

    def to_dict(self) -> Dict[str, Any]:
        """The JSON object the core reads (empty and ``None`` values left out)."""
        out: Dict[str, Any] = {}
        for f in dataclasses.fields(self):
            v = getattr(self, f.name)
            if v is None or v == "":
                continue
            out[f.name] = _convert.to_json_value(v)
        return out


@dataclass(frozen=True)
class ImportSummary:
    """What an import did."""

    added: int = 0
    updated: int = 0
    """Titles whose data changed (their state and history are kept)."""
    unchanged: int = 0


@dataclass(frozen=True)
class EntryRow:
    """One entry's outcome (or a settlement by hand's)."""

    line: int = 0
    """1-based line in its file (0 for a settlement by hand)."""
    outcome: str = ""
    """``registered``, ``rejected``, ``paid``, ``paid_late``, ``underpaid``, ``overpaid``, ``paid_after_write_off``,
    ``written_off``, ``protest``, ``fee_only``, ``unmatched``, ``duplicate``, …"""
    title_id: Optional[str] = None
    expected: Optional[decimal.Decimal] = None
    paid: Optional[decimal.Decimal] = None
    difference: Optional[decimal.Decimal] = None
    """``paid − expected``."""
    date: Optional[datetime.date] = None
    motivos: List[str] = field(default_factory=list)
    note: Optional[str] = None


@dataclass(frozen=True)
class Problem:
    """A line of a retorno applied leniently that did not read cleanly."""

    line: int = 0
    columns: Optional[List[int]] = None
    field: Optional[str] = None
    message: str = ""


@dataclass(frozen=True)
class OutcomeTotals:
    count: int = 0
    paid: decimal.Decimal = decimal.Decimal(0)
    credited: decimal.Decimal = decimal.Decimal(0)
    fees: decimal.Decimal = decimal.Decimal(0)


@dataclass(frozen=True)
class FileReport:
    """What one file did."""

    file_id: str = ""
    bank: str = ""
    nsa: Optional[int] = None
    data_geracao: Optional[datetime.date] = None
    entries: int = 0
    total_paid: decimal.Decimal = decimal.Decimal(0)
    total_credited: decimal.Decimal = decimal.Decimal(0)
    total_fees: decimal.Decimal = decimal.Decimal(0)
    unmatched_paid: decimal.Decimal = decimal.Decimal(0)
    by_outcome: Dict[str, OutcomeTotals] = field(default_factory=dict)


@dataclass(frozen=True)
class ApplyResult:
    """What :meth:`Ledger.apply` did with one file."""

    file: str = ""
    file_id: str = ""
    applied: int = 0
    """Entries applied now (0 when the file had been applied before)."""
    already_applied: bool = False
    outcomes: Dict[str, int] = field(default_factory=dict)
    entries: List[EntryRow] = field(default_factory=list)
    problems: List[Problem] = field(default_factory=list)
    report: FileReport = field(default_factory=FileReport)
    instrucoes: List["InstrucaoEnviada"] = field(default_factory=list)
    """The régua's bank instructions this file answered (confirmed or rejected), as ``cnab baixa apply``."""
    instrucoes_ambiguas: List[str] = field(default_factory=list)
    """Rejections that name no instruction, for títulos with several pending: left pending, one line each."""
    instrucoes_avisos: List[str] = field(default_factory=list)
    """What a confirmed instruction could not carry over to its título, one line each naming the título and the
    field (a linha digitável the new due date or amount cannot have: removed, never kept with the old values), as
    ``cnab baixa apply`` lists them (and prints them on stderr)."""


@dataclass(frozen=True)
class Breakdown:
    """The amount due on a date."""

    valor: decimal.Decimal = decimal.Decimal(0)
    multa: decimal.Decimal = decimal.Decimal(0)
    juros: decimal.Decimal = decimal.Decimal(0)
    desconto: decimal.Decimal = decimal.Decimal(0)
    abatimento: decimal.Decimal = decimal.Decimal(0)
    total: decimal.Decimal = decimal.Decimal(0)
    dias_atraso: int = 0


@dataclass(frozen=True)
class Due(Breakdown):
    """A title's id with its :class:`Breakdown` (a row of ``cnab baixa due``)."""

    id: str = ""


@dataclass(frozen=True)
class Bucket:
    count: int = 0
    valor: decimal.Decimal = decimal.Decimal(0)
    devido: decimal.Decimal = decimal.Decimal(0)
    """Amount due on the report date, charges included (open titles)."""


@dataclass(frozen=True)
class Portfolio:
    """The portfolio on a date, open titles by age band."""

    date: Optional[datetime.date] = None
    open: Bucket = field(default_factory=Bucket)
    current: Bucket = field(default_factory=Bucket)
    overdue_1_30: Bucket = field(default_factory=Bucket)
    overdue_31_60: Bucket = field(default_factory=Bucket)
    overdue_61_90: Bucket = field(default_factory=Bucket)
    overdue_over_90: Bucket = field(default_factory=Bucket)
    paid: Bucket = field(default_factory=Bucket)
    written_off: Bucket = field(default_factory=Bucket)
    renegotiated: Bucket = field(default_factory=Bucket)


@dataclass(frozen=True)
class OpenTitle(Due):
    nosso_numero: str = ""
    seu_numero: str = ""
    vencimento: Optional[datetime.date] = None
    recebido: decimal.Decimal = decimal.Decimal(0)


@dataclass(frozen=True)
class Devedor:
    """A customer in default with all their open titles."""

    documento: str = ""
    nome: str = ""
    max_dias_atraso: int = 0
    total_devido: decimal.Decimal = decimal.Decimal(0)
    titulos: List[OpenTitle] = field(default_factory=list)


@dataclass(frozen=True)
class Report:
    """What :meth:`Ledger.report` returns."""

    date: Optional[datetime.date] = None
    inadimplente_apos: int = 0
    files: List[FileReport] = field(default_factory=list)
    portfolio: Portfolio = field(default_factory=Portfolio)
    inadimplentes: List[Devedor] = field(default_factory=list)


@dataclass(frozen=True)
class Settlement:
    """A settlement by hand."""

    title_id: str = ""
    valor: decimal.Decimal = decimal.Decimal(0)
    data: Optional[datetime.date] = None
    meio: str = ""
    por: str = ""
    em: Optional[str] = None
    """When it was recorded (``YYYY-MM-DDTHH:MM:SS``, UTC)."""
    motivo: str = ""


@dataclass(frozen=True)
class Event:
    """One line of a title's history: ``event`` is ``imported`` (with ``titulo``), ``entry`` (``file_id``,
    ``outcome``), ``linked`` (``nosso_numero``, ``file_id``), ``manual_settlement`` (``settlement``,
    ``outcome``), ``regua`` (a step of the régua de cobrança issued: ``data``, ``acao``, ``etapa_dias``, ``canal``,
    ``saldo``), ``acordo`` (the title entered an acordo: ``acordo``, ``data``, ``papel`` = ``original`` or
    ``parcela``, ``valor``; or the acordo was broken: ``papel`` = ``restaurado``, an original open again owing
    ``valor``, or ``quebra``, an installment written off with ``valor`` open), ``instrucao`` (the bank answered an instruction: ``acao``, ``etapa_dias``,
    ``movimento``, ``enviada_em``, ``resposta``) or ``visualizado`` (the payer opened the segunda via page: ``em``, ``cliente``, and
    ``ip`` only when the server keeps addresses)."""

    event: str = ""
    file_id: Optional[str] = None
    outcome: Optional[EntryRow] = None
    titulo: Optional[Dict[str, Any]] = None
    nosso_numero: Optional[str] = None
    settlement: Optional[Settlement] = None
    data: Optional[datetime.date] = None
    acao: Optional[str] = None
    etapa_dias: Optional[int] = None
    canal: Optional[str] = None
    saldo: Optional[decimal.Decimal] = None
    em: Optional[str] = None
    """When the page was opened (``YYYY-MM-DDTHH:MM:SS``, UTC)."""
    cliente: Optional[str] = None
    """A coarse hint of the client (``Chrome, celular``), never the full User-Agent."""
    ip: Optional[str] = None
    acordo: Optional[str] = None
    papel: Optional[str] = None
    valor: Optional[decimal.Decimal] = None
    movimento: Optional[str] = None
    """``instrucao``: the movimento code the instruction remessa carried."""
    enviada_em: Optional[datetime.date] = None
    """``instrucao``: the date the instruction was sent."""
    resposta: Optional["Resposta"] = None
    """``instrucao``: the retorno entry that confirmed or rejected it."""
    novo_vencimento: Optional[datetime.date] = None
    """``instrucao``: a prorrogação confirmed — the título's new due date, now in the ledger."""
    abatimento: Optional[decimal.Decimal] = None
    """``instrucao``: an abatimento confirmed — the título's abatimento, now in the ledger."""
    novo_valor: Optional[decimal.Decimal] = None
    """``instrucao``: an alteração de valor confirmed — the bank's new valor nominal (the título's face value is
    now it plus what was received before)."""


@dataclass(frozen=True)
class Pagador:
    documento: str = ""
    nome: str = ""


@dataclass(frozen=True)
class ItemCarta:
    """One open title listed in a carta de cobrança."""

    titulo: str = ""
    seu_numero: str = ""
    nosso_numero: str = ""
    vencimento: Optional[datetime.date] = None
    valor: decimal.Decimal = decimal.Decimal(0)
    pago: decimal.Decimal = decimal.Decimal(0)
    devido: Breakdown = field(default_factory=Breakdown)
    saldo: decimal.Decimal = decimal.Decimal(0)
    linha_digitavel: Optional[str] = None
    """The registered boleto's linha digitável (47 digits), when the ledger knows it."""
    pix: Optional[str] = None
    """The boleto híbrido's PIX copia e cola, when the ledger has one."""


@dataclass(frozen=True)
class Carta:
    """A carta listing every open title of a payer: ``gatilhos`` are the titles whose step came due."""

    gatilhos: List[str] = field(default_factory=list)
    titulos: List[ItemCarta] = field(default_factory=list)
    total: decimal.Decimal = decimal.Decimal(0)


@dataclass(frozen=True)
class Instrucao:
    """The bank's movimento written for a step through the bank."""

    banco: int = 0
    layout: str = ""
    movimento: str = ""
    descricao: str = ""


@dataclass(frozen=True)
class Pagamento:
    """One payment of a :class:`Proposta`: ``numero`` 0 for the entrada, 1, 2… for the installments."""

    numero: int = 0
    vencimento: Optional[datetime.date] = None
    valor: decimal.Decimal = decimal.Decimal(0)


@dataclass(frozen=True)
class Proposta:
    """The negotiation proposal a carta de cobrança offers, the most the policy's ``[acordo]`` limits allow
    (``baixa::acordo::proposta``): ``valor_negociado = saldo_total − desconto`` (the discount on ``encargos`` or
    ``principal``, ``desconto_sobre``), ``entrada`` (none when the policy asks none), ``financiado =
    valor_negociado − entrada`` in ``parcelas`` (Tabela Price with the policy's interest: ``juros`` is what it
    adds), ``total = entrada + Σ parcelas``."""

    titulos: List[str] = field(default_factory=list)
    saldo_total: decimal.Decimal = decimal.Decimal(0)
    encargos: decimal.Decimal = decimal.Decimal(0)
    """Σ multa + juros on the date."""
    principal: decimal.Decimal = decimal.Decimal(0)
    """``saldo_total − encargos``."""
    desconto_sobre: str = ""
    """``encargos`` or ``principal``."""
    desconto: decimal.Decimal = decimal.Decimal(0)
    valor_negociado: decimal.Decimal = decimal.Decimal(0)
    entrada: Optional[Pagamento] = None
    financiado: decimal.Decimal = decimal.Decimal(0)
    parcelas: List[Pagamento] = field(default_factory=list)
    juros: decimal.Decimal = decimal.Decimal(0)
    """The interest the installments add (Σ parcelas − financiado)."""
    total: decimal.Decimal = decimal.Decimal(0)


@dataclass(frozen=True)
class ParcelaQuebrada:
    """An installment of a broken acordo: ``baixada`` when it was still open and is written off (its pedido de
    baixa goes to the bank), otherwise settled."""

    titulo: str = ""
    numero: int = 0
    vencimento: Optional[datetime.date] = None
    valor: decimal.Decimal = decimal.Decimal(0)
    pago: decimal.Decimal = decimal.Decimal(0)
    baixada: bool = False


@dataclass(frozen=True)
class OriginalRestaurado:
    """An original title open again after the break: ``saldo = devido.total − pago``, ``pago = pago_antes +
    imputado`` (what was paid under the acordo credited to it, the oldest original first)."""

    titulo: str = ""
    vencimento: Optional[datetime.date] = None
    valor: decimal.Decimal = decimal.Decimal(0)
    pago_antes: decimal.Decimal = decimal.Decimal(0)
    imputado: decimal.Decimal = decimal.Decimal(0)
    pago: decimal.Decimal = decimal.Decimal(0)
    devido: Breakdown = field(default_factory=Breakdown)
    """The amount due on the break's date from the original's own due date (no acordo discount)."""
    saldo: decimal.Decimal = decimal.Decimal(0)


@dataclass(frozen=True)
class Quebra:
    """The break of an acordo (quebra de acordo, the policy's ``[acordo] quebra_apos_dias``): ``parcela`` was still
    open ``dias_atraso`` days after its due date on ``data`` (``baixa::acordo::quebras``)."""

    acordo: str = ""
    data: Optional[datetime.date] = None
    quebra_apos_dias: int = 0
    parcela: str = ""
    vencimento: Optional[datetime.date] = None
    dias_atraso: int = 0
    parcelas: List[ParcelaQuebrada] = field(default_factory=list)
    pago_no_acordo: decimal.Decimal = decimal.Decimal(0)
    """Σ ``pago`` of the installments."""
    baixado: decimal.Decimal = decimal.Decimal(0)
    """Σ ``valor − pago`` of the installments written off."""
    originais: List[OriginalRestaurado] = field(default_factory=list)
    saldo_restaurado: decimal.Decimal = decimal.Decimal(0)
    """Σ ``saldo`` of the originals: the debt restored."""


@dataclass(frozen=True)
class AcaoEmitida:
    """One action of the régua: everything a sender needs (see ``cnab regua``)."""

    titulo: str = ""
    acao: str = ""
    etapa_dias: int = 0
    data_etapa: Optional[datetime.date] = None
    canal: str = ""
    modelo: Optional[str] = None
    pagador: Pagador = field(default_factory=Pagador)
    banco: int = 0
    nosso_numero: str = ""
    seu_numero: str = ""
    valor: decimal.Decimal = decimal.Decimal(0)
    vencimento: Optional[datetime.date] = None
    pago: decimal.Decimal = decimal.Decimal(0)
    devido: Breakdown = field(default_factory=Breakdown)
    saldo: decimal.Decimal = decimal.Decimal(0)
    inadimplente: bool = False
    carta: Optional[Carta] = None
    proposta: Optional[Proposta] = None
    """A carta de cobrança under a policy with ``[acordo]`` limits: the proposal they allow for the carta's
    títulos; ``None`` otherwise, or when there is nothing to negotiate."""
    novo_vencimento: Optional[datetime.date] = None
    abatimento: Optional[decimal.Decimal] = None
    novo_valor: Optional[decimal.Decimal] = None
    """A reemissão: the new valor nominal (the amount due on ``novo_vencimento`` less what was received, plus the
    abatimento the bank deducts again); ``None`` when the bank's layout has no alteração de valor."""
    instrucao: Optional[Instrucao] = None
    """A step through the bank: the movimento written (for a reemissão, its alteração de vencimento)."""
    instrucao_valor: Optional[Instrucao] = None
    """A reemissão: the alteração do valor nominal's movimento, when the bank's layout has one."""
    quebra: Optional[Quebra] = None
    """A ``quebra_acordo``: the break (the installments settled and written off, the originals restored)."""
    mensagem: Optional[str] = None
    """The step's ``modelo`` rendered with the título's data (when modelos were given)."""
    modelo_pdf: Optional[str] = None
    """The step's ``modelo_pdf`` (the printed document's modelo), when it has one."""
    documento: Optional[str] = None
    """The ``modelo_pdf`` rendered (when modelos were given): :func:`cnab.regua.carta_pdf` makes the PDF."""
    linha_digitavel: Optional[str] = None
    """The registered boleto's linha digitável (47 digits), when the ledger knows it (computed from the remessa
    that registered the título, or given in the titles file)."""
    pix: Optional[str] = None
    """The boleto híbrido's PIX copia e cola, when the ledger has one (given in the titles file)."""


@dataclass(frozen=True)
class InstrucaoTitulo:
    titulo: str = ""
    acao: str = ""
    movimento: str = ""


@dataclass(frozen=True)
class RemessaInstrucoes:
    """An instruction remessa: its bank, layout, títulos, and the file's ``bytes`` (write them to send it)."""

    banco: int = 0
    layout: str = ""
    titulos: List[InstrucaoTitulo] = field(default_factory=list)
    bytes: builtins.bytes = b""


@dataclass(frozen=True)
class Resposta:
    """The retorno entry that answered an instruction."""

    estado: str = ""
    """``confirmada`` or ``rejeitada``."""
    data: Optional[datetime.date] = None
    file_id: str = ""
    line: int = 0
    ocorrencia: str = ""
    descricao: str = ""
    motivos: List[str] = field(default_factory=list)


@dataclass(frozen=True)
class InstrucaoEnviada:
    """An instruction the régua sent, where it stands (``pendente``, ``confirmada``, ``rejeitada``) and the bank's
    answer when there is one."""

    titulo: str = ""
    acao: str = ""
    etapa_dias: int = 0
    enviada_em: Optional[datetime.date] = None
    instrucao: Instrucao = field(default_factory=Instrucao)
    estado: str = ""
    resposta: Optional[Resposta] = None
    novo_vencimento: Optional[datetime.date] = None
    """A prorrogação: the due date it asked for (the título's once the bank confirms it)."""
    abatimento: Optional[decimal.Decimal] = None
    """An abatimento: the amount it granted (the título's once the bank confirms it)."""
    novo_valor: Optional[decimal.Decimal] = None
    """An alteração de valor (``acao == "alteracao_valor"``): the valor nominal it asked for (the bank's once it
    confirms it)."""


@dataclass(frozen=True)
class Instrucoes:
    """What ``cnab instrucoes`` prints: every instruction sent, counted by state, and those still pending more
    than ``dias`` days after they were sent (``sem_resposta``)."""

    date: Optional[datetime.date] = None
    dias: int = 0
    counts: Dict[str, int] = field(default_factory=dict)
    instrucoes: List[InstrucaoEnviada] = field(default_factory=list)
    sem_resposta: List[InstrucaoEnviada] = field(default_factory=list)


@dataclass(frozen=True)
class ItemRemessaAcordo:
    """One título in an acordo's remessa: an installment registered (``papel == "parcela"``, the entrada) or an
    original replaced (``"original"``, the pedido de baixa)."""

    titulo: str = ""
    papel: str = ""
    movimento: str = ""
    nosso_numero: str = ""


@dataclass(frozen=True)
class RemessaAcordo:
    """A remessa taking an acordo to one bank and beneficiary; ``bytes`` is the file."""

    banco: int = 0
    layout: str = ""
    titulos: List[ItemRemessaAcordo] = field(default_factory=list)
    bytes: builtins.bytes = b""


@dataclass(frozen=True)
class ReguaRun:
    """What a run issued (``actions``), how many steps due earlier runs had issued, and the instruction remessas
    (when registering remessas were given)."""

    date: Optional[datetime.date] = None
    actions: List[AcaoEmitida] = field(default_factory=list)
    already_issued: int = 0
    remessas: List[RemessaInstrucoes] = field(default_factory=list)


@dataclass(frozen=True)
class Original:
    """A title an acordo replaced, with its amount due on the agreement's date."""

    titulo: str = ""
    valor: decimal.Decimal = decimal.Decimal(0)
    pago: decimal.Decimal = decimal.Decimal(0)
    devido: Breakdown = field(default_factory=Breakdown)
    saldo: decimal.Decimal = decimal.Decimal(0)


@dataclass(frozen=True)
class Parcela:
    titulo: str = ""
    numero: int = 0
    vencimento: Optional[datetime.date] = None
    valor: decimal.Decimal = decimal.Decimal(0)


@dataclass(frozen=True)
class Acordo:
    """An acordo: ``valor_negociado = saldo_total − desconto`` split into ``parcelas`` (see ``baixa::acordo``)."""

    id: str = ""
    data: Optional[datetime.date] = None
    pagador: Pagador = field(default_factory=Pagador)
    originais: List[Original] = field(default_factory=list)
    saldo_total: decimal.Decimal = decimal.Decimal(0)
    encargos: decimal.Decimal = decimal.Decimal(0)
    desconto: decimal.Decimal = decimal.Decimal(0)
    valor_negociado: decimal.Decimal = decimal.Decimal(0)
    parcelas: List[Parcela] = field(default_factory=list)
    remessas: List[RemessaAcordo] = field(default_factory=list)
    """The remessas that take it to the bank (when the registering remessas were given)."""
    quebra: Optional[Quebra] = None
    """Its break, once the régua broke it (``quebrado``); ``None`` while in force."""


Politica = Union[str, "os.PathLike[str]"]
"""A régua policy: TOML text (``str``), or a path object (``pathlib.Path``) to a TOML file."""

Modelos = Union["os.PathLike[str]", str, Mapping[str, str]]
"""The régua's message modelos: a directory (path) the policy's ``modelo`` names are read from, or a mapping
``{name: source}``."""


def _modelos_args(modelos: Optional[Modelos]) -> Tuple[Optional[str], Optional[Dict[str, str]]]:
    if modelos is None:
        return None, None
    if isinstance(modelos, (str, os.PathLike)):
        return os.fspath(modelos), None
    return None, {str(k): str(v) for k, v in modelos.items()}


def _politica_text(politica: Politica) -> str:
    if isinstance(politica, str):
        return politica
    with open(os.fspath(politica), encoding="utf-8") as f:
        return f.read()


TitlesArg = Union[PathLike, bytes, Sequence[Union[Titulo, Mapping[str, Any]]]]


def _titles_bytes(titles: TitlesArg) -> bytes:
    """A path (CSV or JSON), bytes, or a list of :class:`Titulo` / dicts → the bytes the core reads."""
    if isinstance(titles, bytes):
        return titles
    if isinstance(titles, (str, os.PathLike)):
        with open(os.fspath(titles), "rb") as f:
            return f.read()
    items: List[Dict[str, Any]] = []
    for t in titles:
        if isinstance(t, Titulo):
            items.append(t.to_dict())
        else:
            items.append({str(k): _convert.to_json_value(v) for k, v in t.items() if v is not None})
    return json.dumps(items).encode()


def _file_bytes(f: Union[PathLike, bytes]) -> bytes:
    if isinstance(f, bytes):
        return f
    with open(os.fspath(f), "rb") as fh:
        return fh.read()


def _iso(d: Union[datetime.date, str]) -> str:
    return d.isoformat() if isinstance(d, datetime.date) else str(d)


class Ledger:
    """Titles, their states and every applied entry. ``Ledger()`` keeps everything in memory;
    ``Ledger("ledger.db")`` opens (or creates) an SQLite file; a ``postgres://`` URL selects PostgreSQL when the
    build has it. Each call is one transaction; the GIL is released while the core works."""

    def __init__(self, path_or_url: Optional[PathLike] = None) -> None:
        try:
            self._native = _cnab.BaixaLedger(None if path_or_url is None else os.fspath(path_or_url))
        except _cnab.NativeError as e:
            raise _raise(e) from None

    def import_titles(self, titles: TitlesArg) -> ImportSummary:
        """Adds titles, or updates those with the same id (state and history kept): a CSV/JSON path, bytes, or a
        list of :class:`Titulo` / dicts with the CSV's keys."""
        try:
            s = self._native.import_titles(_titles_bytes(titles))
        except _cnab.NativeError as e:
            raise _raise(e) from None
        out: ImportSummary = _convert.from_dict(ImportSummary, json.loads(s))
        return out

    def import_remessa(self, remessa: Union[PathLike, bytes]) -> ImportSummary:
        """Registers a remessa's títulos under its header's beneficiary (id = seu número, else nosso número)."""
        try:
            s = self._native.import_remessa(_file_bytes(remessa))
        except _cnab.NativeError as e:
            raise _raise(e) from None
        out: ImportSummary = _convert.from_dict(ImportSummary, json.loads(s))
        return out

    def apply(self, retorno: Union[PathLike, bytes], *, lenient: bool = False) -> ApplyResult:
        """Applies a retorno in one transaction. Read strictly by default (a read problem raises and nothing is
        applied); with ``lenient=True`` the entries read are applied and the problems listed in ``.problems``."""
        name = "<bytes>" if isinstance(retorno, bytes) else os.fspath(retorno)
        try:
            s = self._native.apply(_file_bytes(retorno), name, lenient)
        except _cnab.NativeError as e:
            raise _raise(e) from None
        out: ApplyResult = _convert.from_dict(ApplyResult, json.loads(s))
        return out

    def settle(
        self,
        id: str,
        valor: Union[decimal.Decimal, str, int],
        data: Union[datetime.date, str],
        meio: str,
        *,
        por: str = "",
        motivo: str = "",
    ) -> EntryRow:
        """Settles a title by hand for money received outside the boleto (``meio`` in :data:`MEIOS`)."""
        v = _convert.to_decimal(valor)
        try:
            s = self._native.settle(id, format(v, "f"), _iso(data), meio, por, motivo)
        except _cnab.NativeError as e:
            raise _raise(e) from None
        out: EntryRow = _convert.from_dict(EntryRow, json.loads(s))
        return out

    def report(self, date: Optional[datetime.date] = None, *, inadimplente_apos: int = 0) -> Report:
        """Per-file reports, the portfolio on ``date`` (default today) by age band, and the customers with a title
        overdue more than ``inadimplente_apos`` days."""
        d = date or datetime.date.today()
        try:
            s = self._native.report(d.isoformat(), inadimplente_apos)
        except _cnab.NativeError as e:
            raise _raise(e) from None
        out: Report = _convert.from_dict(Report, json.loads(s))
        return out

    def report_csv(self, date: Optional[datetime.date] = None, *, inadimplente_apos: int = 0) -> str:
        """The report as ``cnab baixa report --format csv`` prints it."""
        d = date or datetime.date.today()
        try:
            return self._native.report_csv(d.isoformat(), inadimplente_apos)
        except _cnab.NativeError as e:
            raise _raise(e) from None

    def history(self, id: str) -> List[Event]:
        """A title's history, oldest first."""
        try:
            s = self._native.history(id)
        except _cnab.NativeError as e:
            raise _raise(e) from None
        return [_convert.from_dict(Event, ev) for ev in json.loads(s)["events"]]

    def link(self, id: str, *, base_url: Optional[str] = None) -> str:
        """The título's segunda via link: ``/b/<token>``, or ``base_url`` followed by it (where ``cnab serve`` is
        reached by payers). The token is random (160 bits) and made on first use; asking again gives the same link
        until :meth:`revoke`."""
        try:
            return self._native.link(id, base_url)
        except _cnab.NativeError as e:
            raise _raise(e) from None

    def revoke(self, id: str) -> int:
        """Revokes the título's segunda via link (its page answers 404 from now on); returns how many links were
        revoked (0 when none was live)."""
        try:
            return self._native.revoke(id)
        except _cnab.NativeError as e:
            raise _raise(e) from None

    def due(self, date: datetime.date) -> List[Due]:
        """The amount due on ``date`` of every open title in the ledger."""
        try:
            s = self._native.due(date.isoformat())
        except _cnab.NativeError as e:
            raise _raise(e) from None
        return [_convert.from_dict(Due, x) for x in json.loads(s)]

    def regua_plan(
        self, politica: Politica, date: datetime.date, *, modelos: Optional[Modelos] = None
    ) -> ReguaRun:
        """What :meth:`regua_run` would issue on ``date``, recording nothing; with ``modelos`` each action's
        ``mensagem`` rendered (``cnab regua --plan --modelos DIR``)."""
        d, m = _modelos_args(modelos)
        try:
            s = self._native.regua_plan(_politica_text(politica), _iso(date), d, m)
        except _cnab.NativeError as e:
            raise _raise(e) from None
        out: ReguaRun = _convert.from_dict(ReguaRun, json.loads(s))
        return out

    def regua_run(
        self,
        politica: Politica,
        date: datetime.date,
        *,
        remessas: Optional[Sequence[Union[PathLike, bytes]]] = None,
        nsa: Optional[int] = None,
        modelos: Optional[Modelos] = None,
        segunda_via_url: Optional[str] = None,
    ) -> ReguaRun:
        """Runs the régua on ``date``: every step due issued once, recorded in the ledger (``cnab regua``). With
        ``remessas`` (the remessas that registered the titles) the steps through the bank (protesto, baixa,
        prorrogacao, abatimento, reemissao) are checked before anything is recorded and written as instruction remessas:
        ``result.remessas[i].bytes``. With ``modelos`` each action's ``mensagem`` is rendered before anything is
        recorded; ``segunda_via_url`` (needs ``modelos``) puts each título's segunda via link among their
        variables."""
        regs = None if remessas is None else [_file_bytes(r) for r in remessas]
        d, m = _modelos_args(modelos)
        try:
            s, files = self._native.regua_run(
                _politica_text(politica), _iso(date), regs, nsa, d, m, segunda_via_url
            )
        except _cnab.NativeError as e:
            raise _raise(e) from None
        d = json.loads(s)
        for r, b in zip(d.get("remessas", []), files):
            r["bytes"] = b
        out: ReguaRun = _convert.from_dict(ReguaRun, d)
        return out

    def acordo(
        self,
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
        """Replaces a payer's open ``titulos`` by ``parcelas`` installments (``cnab acordo``); with
        ``proposta=True`` only computes it. With ``remessas`` (the remessas that registered the originals) it also
        goes to the bank as ``cnab acordo --remessa-out`` writes it: ``result.remessas[i].bytes`` carries the
        installments as entradas (nosso números ``nosso_numero``, ``nosso_numero + 1``…; blank for the bank to
        assign) and the originals' pedido de baixa, written before anything is recorded."""
        termos: Dict[str, Any] = {
            "id": id,
            "data": _iso(date),
            "titulos": list(titulos),
            "parcelas": parcelas,
            "primeiro_vencimento": _iso(primeiro_vencimento),
        }
        if desconto_encargos_pct is not None:
            termos["desconto_encargos_pct"] = format(_convert.to_decimal(desconto_encargos_pct), "f")
        regs = None if remessas is None else [_file_bytes(r) for r in remessas]
        try:
            s, files = self._native.acordo(json.dumps(termos), proposta, regs, nosso_numero, nsa)
        except _cnab.NativeError as e:
            raise _raise(e) from None
        d = json.loads(s)
        for r, b in zip(d.get("remessas", []), files):
            r["bytes"] = b
        out: Acordo = _convert.from_dict(Acordo, d)
        return out

    def instrucoes(self, date: datetime.date, *, dias: int = 5) -> Instrucoes:
        """The bank instructions the régua sent and where each stands (``cnab instrucoes``), with those still
        pending more than ``dias`` days after they were sent on ``date``."""
        try:
            s = self._native.instrucoes(_iso(date), dias)
        except _cnab.NativeError as e:
            raise _raise(e) from None
        out: Instrucoes = _convert.from_dict(Instrucoes, json.loads(s))
        return out

    def acordos(self) -> List[Acordo]:
        """Every acordo recorded, in order."""
        try:
            s = self._native.acordos()
        except _cnab.NativeError as e:
            raise _raise(e) from None
        return [_convert.from_dict(Acordo, a) for a in json.loads(s)]


def plan(
    ledger: Ledger, politica: Politica, date: datetime.date, *, modelos: Optional[Modelos] = None
) -> ReguaRun:
    """:meth:`Ledger.regua_plan`: what a run would issue, nothing recorded."""
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
    """:meth:`Ledger.regua_run`: issue and record the steps due on ``date``."""
    return ledger.regua_run(
        politica, date, remessas=remessas, nsa=nsa, modelos=modelos, segunda_via_url=segunda_via_url
    )


def link(ledger: Union["Ledger", PathLike], id: str, *, base_url: Optional[str] = None) -> str:
    """The título's segunda via link, for an ERP to put in its own e-mails: ``/b/<token>``, or ``base_url``
    followed by it. ``ledger`` is a :class:`Ledger` or the path / ``postgres://`` URL of one."""
    led = ledger if isinstance(ledger, Ledger) else Ledger(ledger)
    return led.link(id, base_url=base_url)


def due(titles: TitlesArg, date: datetime.date) -> List[Due]:
    """The amount due on ``date`` for every title of a CSV/JSON file (path or bytes) or a list of titles — what
    ``cnab baixa due TITLES.csv --date D`` prints."""
    try:
        s = _cnab.baixa_due(_titles_bytes(titles), date.isoformat())
    except _cnab.NativeError as e:
        raise _raise(e) from None
    return [_convert.from_dict(Due, x) for x in json.loads(s)]


def valor_devido(titulo: Union[Titulo, Mapping[str, Any]], date: datetime.date) -> Breakdown:
    """The amount due for one title if paid on ``date``: multa, juros pro rata die, desconto, abatimento, and the
    next-business-day grace for a due date on a weekend or national bank holiday."""
    d = due([titulo], date)[0]
    return Breakdown(
        valor=d.valor,
        multa=d.multa,
        juros=d.juros,
        desconto=d.desconto,
        abatimento=d.abatimento,
        total=d.total,
        dias_atraso=d.dias_atraso,
    )
