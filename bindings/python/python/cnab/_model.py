"""The normalized model as dataclasses: the same names and shapes as the Rust core (and the JSON `cnab parse`
prints), with amounts as ``Decimal``, dates as ``date`` and the ocorrência kind as an enum."""

from __future__ import annotations

import dataclasses
import datetime
import decimal
import enum
import json
import os
import warnings as _warnings
from dataclasses import dataclass, field
from typing import Any, Dict, Iterator, List, Optional, Protocol, Tuple, Union

from . import _cnab
from . import _convert
from ._cnab import Motivo, Ocorrencia, PixInfo, RetornoEntry
from ._errors import CnabError, _from_native, _from_payload

__all__ = [
    "OcorrenciaKind",
    "Bank",
    "Detected",
    "Inscricao",
    "Beneficiario",
    "Header",
    "Ocorrencia",
    "Motivo",
    "Pessoa",
    "PixInfo",
    "TipoPagamento",
    "RetornoEntry",
    "Encargo",
    "Instrucao",
    "Titulo",
    "Record",
    "Retorno",
    "Remessa",
    "WriteWarning",
    "CnabWriteWarning",
    "Written",
    "Outcome150",
    "Header150",
    "Entry150",
    "Cadastro150",
    "File150",
]

class ArrowStream(Protocol):
    """An object that exports Arrow data through the Arrow PyCapsule interface (``__arrow_c_stream__``): pass it to
    ``pyarrow.table()``, ``pyarrow.RecordBatchReader.from_stream()``, ``polars.DataFrame()`` or a DuckDB query."""

    def __arrow_c_stream__(self, requested_schema: Optional[object] = None) -> object: ...


FieldValue = Union[None, int, decimal.Decimal, datetime.date, str, Dict[str, Any]]
"""A decoded record field: ``int`` (digits), ``Decimal`` (implied decimals), ``date``, ``str`` (text), ``None``
(blank number / zero date), or ``{"raw": ..., "error": {...}}`` (the error JSON of :class:`CnabError`) when the
field's content is invalid."""


class OcorrenciaKind(str, enum.Enum):
    """What an ocorrência means, normalized across banks. Compares equal to its string value."""

    ENTRADA_CONFIRMADA = "entrada_confirmada"
    ENTRADA_REJEITADA = "entrada_rejeitada"
    LIQUIDACAO = "liquidacao"
    LIQUIDACAO_CARTORIO = "liquidacao_cartorio"
    LIQUIDACAO_APOS_BAIXA = "liquidacao_apos_baixa"
    BAIXA = "baixa"
    INSTRUCAO_CONFIRMADA = "instrucao_confirmada"
    INSTRUCAO_REJEITADA = "instrucao_rejeitada"
    PROTESTO = "protesto"
    TARIFA = "tarifa"
    INFORMATIVO = "informativo"
    PRE_CRITICA = "pre_critica"
    """The bank's pre-validation of a remessa record (Caixa segment W), not an event of the title."""
    DESCONHECIDA = "desconhecida"

    @property
    def is_payment(self) -> bool:
        """True for the kinds that carry money received for the title."""
        return self in (
            OcorrenciaKind.LIQUIDACAO,
            OcorrenciaKind.LIQUIDACAO_CARTORIO,
            OcorrenciaKind.LIQUIDACAO_APOS_BAIXA,
        )

    @property
    def is_rejection(self) -> bool:
        """True for rejections."""
        return self in (OcorrenciaKind.ENTRADA_REJEITADA, OcorrenciaKind.INSTRUCAO_REJEITADA)

    @classmethod
    def _missing_(cls, value: object) -> "OcorrenciaKind":
        # a kind added to the Rust core after this package was built
        return cls.DESCONHECIDA

    def __str__(self) -> str:
        return str(self.value)


class _Model:
    """Shared behaviour: coercion of dicts/strings on construction, ``to_dict`` / ``to_json`` / ``from_dict``."""

    def __post_init__(self) -> None:
        _convert.coerce_fields(self)

    def to_dict(self) -> Dict[str, Any]:
        """The value as the JSON the Rust core (and ``cnab parse``) produces: amounts and dates as strings."""
        return {f.name: _convert.to_json_value(getattr(self, f.name)) for f in dataclasses.fields(self)}  # type: ignore[arg-type]

    def to_json(self, *, indent: Optional[int] = None) -> str:
        """``to_dict()`` as a JSON string."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    @classmethod
    def from_dict(cls, d: Dict[str, Any]) -> Any:
        """Builds the value from a dict shaped like its JSON (nested dicts, amounts as str/int/Decimal, dates as
        ``"YYYY-MM-DD"`` or ``date``)."""
        return _convert.from_dict(cls, d, True)


@dataclass
class Bank(_Model):
    """A bank: FEBRABAN code (3 digits) and name."""

    code: str = ""
    name: str = ""

    def __str__(self) -> str:
        return self.code


@dataclass
class Detected(_Model):
    """What :func:`cnab.detect` finds: bank, layout, kind and version from the header."""

    bank: str = ""
    """Bank code, 3 digits (``"341"``)."""
    bank_name: str = ""
    layout: int = 240
    """150, 240 or 400."""
    kind: str = ""
    """``"remessa"`` or ``"retorno"``."""
    product: str = "cobranca"
    """``"cobranca"``, ``"debito_automatico"``, ``"arrecadacao"``, ``"pagamentos"`` or ``"extrato"``."""
    version: str = ""
    """Layout version from the header (CNAB 240), empty when the layout has none."""
    supported: bool = False
    """Whether there is a layout table for this bank, layout and kind."""


@dataclass
class Inscricao(_Model):
    """CPF or CNPJ: ``tipo`` 1 = CPF, 2 = CNPJ (None = not informed)."""

    tipo: Optional[int] = None
    numero: str = ""


@dataclass
class Beneficiario(_Model):
    """The company that issues the boletos."""

    nome: str = ""
    inscricao: Inscricao = field(default_factory=Inscricao)
    agencia: str = ""
    agencia_dv: str = ""
    conta: str = ""
    conta_dv: str = ""
    convenio: str = ""
    codigo_beneficiario: str = ""
    carteira: str = ""
    """Carteira of the agreement, where the header carries it (BB); titles without their own carteira use it."""
    variacao: str = ""
    """Variação da carteira, where the header carries it (BB)."""

    def to_dict(self) -> Dict[str, Any]:
        d = super().to_dict()
        for k in ("carteira", "variacao"):
            if not d[k]:
                del d[k]
        return d


@dataclass
class Header(_Model):
    """File-level header data."""

    beneficiario: Beneficiario = field(default_factory=Beneficiario)
    banco_nome: str = ""
    nsa: Optional[int] = None
    data_geracao: Optional[datetime.date] = None
    layout_versao: str = ""
    data_credito: Optional[datetime.date] = None


@dataclass
class Pessoa(_Model):
    """A person or company (pagador or sacador/avalista)."""

    inscricao: Inscricao = field(default_factory=Inscricao)
    nome: str = ""
    endereco: str = ""
    bairro: str = ""
    cep: str = ""
    cidade: str = ""
    uf: str = ""


@dataclass
class TipoPagamento(_Model):
    """Which amounts the bank accepts for a título (CNAB 400 registro tipo 8 positions 2-42, Santander H7800 notas
    16-18); zeros are "not informed" (None)."""

    tipo: str = ""
    """01 aceita qualquer valor, 02 entre o mínimo e o máximo, 03 não aceita valor divergente (00 as generators write)."""
    quantidade: Optional[int] = None
    tipo_valor: str = ""
    """1 percentual, 2 valor."""
    valor_maximo: Optional[decimal.Decimal] = None
    percentual_maximo: Optional[decimal.Decimal] = None
    valor_minimo: Optional[decimal.Decimal] = None
    percentual_minimo: Optional[decimal.Decimal] = None


@dataclass
class Encargo(_Model):
    """Interest, fine or discount: a code (how), a date (from when) and a value or rate."""

    codigo: str = ""
    data: Optional[datetime.date] = None
    valor: Optional[decimal.Decimal] = None

    def is_empty(self) -> bool:
        return not self.codigo and self.data is None and self.valor is None


@dataclass
class Instrucao(_Model):
    """Protest or write-off instruction: a code and a number of days."""

    codigo: str = ""
    prazo: Optional[int] = None


@dataclass
class Titulo(_Model):
    """One title in a remessa."""

    movimento: str = ""
    """``"01"`` = entrada de títulos, ``"02"`` = pedido de baixa, …"""
    nosso_numero: str = ""
    nosso_numero_dv: Optional[str] = None
    seu_numero: str = ""
    uso_empresa: str = ""
    carteira: str = ""
    variacao: str = ""
    especie: str = ""
    aceite: str = ""
    emissao: Optional[datetime.date] = None
    vencimento: Optional[datetime.date] = None
    valor: decimal.Decimal = decimal.Decimal(0)
    juros: Encargo = field(default_factory=Encargo)
    multa: Encargo = field(default_factory=Encargo)
    desconto: Encargo = field(default_factory=Encargo)
    abatimento: Optional[decimal.Decimal] = None
    iof: Optional[decimal.Decimal] = None
    protesto: Instrucao = field(default_factory=Instrucao)
    baixa: Instrucao = field(default_factory=Instrucao)
    pagador: Pessoa = field(default_factory=Pessoa)
    sacador_avalista: Optional[Pessoa] = None
    mensagens: List[str] = field(default_factory=list)
    pix: Optional[PixInfo] = None
    """Pix data of a boleto híbrido (``tipo_chave``, ``chave``, ``txid``, ``location``), where the bank's layout
    carries them (Santander CNAB 240 segmento Y-03, Itaú CNAB 400 tipo 3); writing refuses them, naming the field,
    elsewhere."""
    line: int = 0
    """1-based line of the title's first record (when read from a file)."""

    def to_dict(self) -> Dict[str, Any]:
        d = super().to_dict()
        for k in ("juros", "multa", "desconto"):
            if getattr(self, k).is_empty():
                del d[k]
        if d["pix"] is None:
            del d["pix"]
        return d


class Record:
    """One record (line) as read: its number, layout name, raw text and decoded fields.

    ``record["valor_pago"]`` decodes one field; ``record.fields`` maps every field name to its value.
    """

    __slots__ = ("line", "name", "raw", "fields")

    def __init__(self, line: int, name: str, raw: str, fields: Dict[str, FieldValue]) -> None:
        self.line = line
        self.name = name
        """The layout's record name (``segmento_t``, ``detalhe``…), ``"desconhecido"`` when none matched."""
        self.raw = raw
        """The line as in the file (without its ending), decoded as Windows-1252."""
        self.fields = fields

    def __getitem__(self, name: str) -> FieldValue:
        return self.fields[name]

    def __contains__(self, name: object) -> bool:
        return name in self.fields

    def __iter__(self) -> Iterator[str]:
        return iter(self.fields)

    def get(self, name: str, default: FieldValue = None) -> FieldValue:
        return self.fields.get(name, default)

    def __repr__(self) -> str:
        return f"Record(line={self.line}, name={self.name!r})"

    def to_dict(self) -> Dict[str, Any]:
        """As ``cnab parse --records`` prints it."""
        return {
            "line": self.line,
            "record": self.name,
            "raw": self.raw,
            "fields": {k: str(v) if isinstance(v, int) else _convert.to_json_value(v) for k, v in self.fields.items()},
        }

    @classmethod
    def _from_json(cls, d: Dict[str, Any]) -> "Record":
        kinds: Dict[str, str] = d.get("kinds", {})
        fields: Dict[str, FieldValue] = {}
        for k, v in d["fields"].items():
            if isinstance(v, str):
                kind = kinds.get(k, "text")
                if kind == "int":
                    fields[k] = int(v)
                elif kind == "decimal":
                    fields[k] = decimal.Decimal(v)
                elif kind == "date":
                    fields[k] = datetime.date.fromisoformat(v)
                else:
                    fields[k] = v
            else:
                fields[k] = v
        return cls(int(d["line"]), str(d["record"]), str(d["raw"]), fields)


class _FileMixin:
    """Lazy ``records`` (decoded by the Rust core only when first asked for) and ``problems``."""

    _native: Any = None
    _records: Optional[List[Record]] = None

    @property
    def records(self) -> List[Record]:
        """Every record as read, with its raw line and decoded fields (empty for a model built by hand)."""
        if self._records is None:
            if self._native is None:
                self._records = []
            else:
                self._records = [Record._from_json(r) for r in json.loads(self._native.records_json())]
        return self._records


@dataclass
class Retorno(_FileMixin, _Model):
    """A retorno file read into the model."""

    bank: Bank = field(default_factory=Bank)
    layout: int = 240
    """240 or 400."""
    header: Header = field(default_factory=Header)
    entries: List[RetornoEntry] = field(default_factory=list)
    problems: List[CnabError] = field(default_factory=list)
    """Problems found (lenient mode)."""

    def to_dict(self) -> Dict[str, Any]:
        """As ``cnab parse FILE`` prints it."""
        return {
            "kind": "retorno",
            "bank": self.bank.to_dict(),
            "layout": str(self.layout),
            "header": self.header.to_dict(),
            "entries": [e.to_dict() for e in self.entries],
            "problems": [p.to_dict() for p in self.problems],
        }

    def to_arrow(self) -> ArrowStream:
        """The entries as Arrow columns, one row per entry (the columns of ``cnab parse --format parquet``:
        amounts ``decimal128(18, 2)``, dates ``date32``, ``ocorrencia_*``, ``pagador_*`` and ``pix_*`` flattened,
        ``motivos`` a list of ``{code, description}``), built in Rust without the GIL and handed over through the
        Arrow PyCapsule interface: ``pyarrow.table(r.to_arrow())``, ``polars.DataFrame(r.to_arrow())``,
        ``duckdb.sql("select sum(valor_pago) from t")`` with ``t = r.to_arrow()``. An amount with more than two
        decimal places (never found in a file) is a ``ValueError`` naming its line, not rounded."""
        try:
            t: ArrowStream = _cnab.entries_to_arrow(self.entries)
        except _cnab.NativeError as e:
            raise _from_native(e) from None
        return t


@dataclass(frozen=True)
class WriteWarning:
    """A value the writer did not write as given: text cut to its field (``kind == "truncated"``), a value the
    layout has no field for (``"not_carried"``), or a value where the layout fixes the field's content
    (``"fixed"``). ``str(w)`` is the message ``cnab remessa`` prints on stderr."""

    titulo: int
    """1-based title index; 0 for the header."""
    seu_numero: str
    nosso_numero: str
    field: str
    """The model field: ``"pagador.nome"``, ``"mensagens[4]"``, ``"header.beneficiario.nome"``…"""
    value: str
    """The value as given."""
    kind: str
    message: str
    line: Optional[int] = None
    """The line written (``None`` when the value was not written)."""
    columns: Optional[Tuple[int, int]] = None
    layout_field: Optional[str] = None
    width: Optional[int] = None
    """The field's width, for ``"truncated"``."""
    written: Optional[str] = None
    """What was written instead, for ``"truncated"`` and ``"fixed"``."""

    def __str__(self) -> str:
        return self.message

    @classmethod
    def _from_json(cls, d: Dict[str, Any]) -> "WriteWarning":
        cols = d.get("columns")
        return cls(
            titulo=int(d.get("titulo", 0)),
            seu_numero=str(d.get("seu_numero", "")),
            nosso_numero=str(d.get("nosso_numero", "")),
            field=str(d.get("field", "")),
            value=str(d.get("value", "")),
            kind=str(d.get("kind", "")),
            message=str(d.get("message", "")),
            line=int(d["line"]) if d.get("line") else None,
            columns=(int(cols[0]), int(cols[1])) if cols else None,
            layout_field=d.get("layout_field"),
            width=d.get("width"),
            written=d.get("written"),
        )


class CnabWriteWarning(UserWarning):
    """The category of the Python warnings :meth:`Remessa.to_bytes` issues, one per :class:`WriteWarning`
    (``.warning``). ``warnings.simplefilter("error", cnab.CnabWriteWarning)`` turns them into exceptions; the
    ``strict=True`` argument refuses them in the core instead (a :class:`CnabError`)."""

    def __init__(self, warning: WriteWarning) -> None:
        super().__init__(warning.message)
        self.warning = warning


@dataclass(frozen=True)
class Written:
    """A written remessa and what was not written as given."""

    data: bytes
    warnings: List[WriteWarning]


@dataclass
class Remessa(_FileMixin, _Model):
    """A remessa: a header and the titles. Build one by hand (dataclasses or dicts) and write it with
    :meth:`to_bytes` / :meth:`write`, or read one from a file."""

    header: Header = field(default_factory=Header)
    titulos: List[Titulo] = field(default_factory=list)
    bank: Optional[Bank] = None
    """The bank, when read from a file (writing takes the bank as an argument)."""
    layout: Optional[int] = None
    """240 or 400, when read from a file (writing takes the layout as an argument)."""
    problems: List[CnabError] = field(default_factory=list)
    """Problems found while reading (lenient mode)."""

    def to_dict(self) -> Dict[str, Any]:
        """As ``cnab parse FILE`` prints it (and what ``cnab remessa`` reads)."""
        d: Dict[str, Any] = {"kind": "remessa"}
        if self.bank is not None:
            d["bank"] = self.bank.to_dict()
        d["header"] = self.header.to_dict()
        d["titulos"] = [t.to_dict() for t in self.titulos]
        d["problems"] = [p.to_dict() for p in self.problems]
        return d

    @classmethod
    def from_dict(cls, d: Dict[str, Any]) -> "Remessa":
        """Builds a remessa from a dict shaped like its JSON (``{"header": {...}, "titulos": [{...}]}``; the
        ``kind``, ``bank``, ``problems`` keys of ``cnab parse`` output are accepted)."""
        d = dict(d)
        d.pop("kind", None)
        d.pop("problems", None)
        bank = d.pop("bank", None)
        r: Remessa = _convert.from_dict(cls, d, True)
        if bank is not None:
            r.bank = _bank(bank)
        return r

    def to_written(
        self,
        bank: Union[str, int, Bank, None] = None,
        layout: Optional[int] = None,
        *,
        strict: bool = False,
    ) -> Written:
        """Writes the remessa as the bank's manual demands (CRLF, upper-case ASCII) and returns the bytes with the
        warnings: every text cut to its field and every value the layout cannot carry. Values that cannot be
        written as given (more than two decimals, letters in a numeric field, a code wider than its field, a
        character with no ASCII form, an invalid CPF/CNPJ) raise :class:`CnabError`; with ``strict=True`` so do
        the warnings. ``bank`` and ``layout`` default to the ones it was read with."""
        b = bank if bank is not None else self.bank
        if b is None:
            raise TypeError("to_bytes(): bank is required (e.g. bank='341')")
        lay = layout if layout is not None else self.layout
        if lay is None:
            raise TypeError("to_bytes(): layout is required (240 or 400)")
        model = {"header": self.header.to_dict(), "titulos": [t.to_dict() for t in self.titulos]}
        try:
            out, warnings_json = _cnab.write_remessa(json.dumps(model), _bank_code(b), int(lay), strict)
        except _cnab.NativeError as e:
            raise _from_native(e) from None
        return Written(out, [WriteWarning._from_json(w) for w in json.loads(warnings_json)])

    def to_bytes(
        self,
        bank: Union[str, int, Bank, None] = None,
        layout: Optional[int] = None,
        *,
        strict: bool = False,
    ) -> bytes:
        """:meth:`to_written`'s bytes; each warning is also issued as a Python warning (:class:`CnabWriteWarning`)."""
        w = self.to_written(bank=bank, layout=layout, strict=strict)
        for x in w.warnings:
            _warnings.warn(CnabWriteWarning(x), stacklevel=2)
        return w.data

    def write(
        self,
        path: Union[str, "os.PathLike[str]"],
        bank: Union[str, int, Bank, None] = None,
        layout: Optional[int] = None,
        *,
        strict: bool = False,
    ) -> List[WriteWarning]:
        """Writes :meth:`to_written`'s bytes to a file and returns its warnings."""
        w = self.to_written(bank=bank, layout=layout, strict=strict)
        with open(path, "wb") as f:
            f.write(w.data)
        return w.warnings


def _bank_code(b: Union[str, int, Bank]) -> str:
    if isinstance(b, Bank):
        return b.code
    if isinstance(b, int):
        return f"{b:03d}"
    return str(b)


def _bank(v: Any) -> Bank:
    if isinstance(v, Bank):
        return v
    if isinstance(v, dict):
        return Bank(code=str(v.get("code", "")), name=str(v.get("name", "")))
    return Bank(code=_bank_code(v))


def _problems(native_json: str) -> List[CnabError]:
    return [_from_payload(p) for p in json.loads(native_json)]


def _tipo_pagamento_from_dict(d: Dict[str, Any]) -> TipoPagamento:
    """A Pix tipo de pagamento (the native PixInfo builds it when read)."""
    t: TipoPagamento = _convert.build(TipoPagamento, d)
    return t


def _pessoa_from_dict(d: Dict[str, Any]) -> Pessoa:
    """A retorno entry's pagador (the native entry builds it when read)."""
    p: Pessoa = _convert.build(Pessoa, d)
    return p


def _file_from_native(native: Any) -> Union[Retorno, Remessa]:
    problems = _problems(_cnab.problems_json(native))
    b = native.bank()
    bank = Bank(code=b[0], name=b[1]) if b is not None else None
    f: Union[Retorno, Remessa]
    if native.kind == "retorno":
        # Built without __init__: the values come from the core and are already typed (the entries are native).
        ret: Retorno = object.__new__(Retorno)
        ret.__dict__.update(
            bank=bank if bank is not None else Bank(),
            layout=int(native.layout or 240),
            header=_convert.build(Header, json.loads(native.header_json())),
            entries=native.take_entries(),
            problems=problems,
        )
        f = ret
    else:
        d = json.loads(native.model_json())
        rem: Remessa = _convert.from_dict(Remessa, {"header": d["header"], "titulos": d["titulos"]})
        rem.bank = bank
        rem.layout = native.layout
        f = rem
    f.problems = problems
    f._native = native
    return f


# ---------------------------------------------------------------- CNAB 150 (débito automático, arrecadação)


def _without_none(d: Dict[str, Any], keep: Tuple[str, ...] = ()) -> Dict[str, Any]:
    """The core leaves absent optional values out of its JSON (but for ``keep``)."""
    return {k: v for k, v in d.items() if v is not None or k in keep}


@dataclass
class Outcome150(_Model):
    """The result of a débito automático (registro F, F07): the code, what it means (``"debitado"``,
    ``"nao_debitado"``, ``"cancelamento"``, ``"cadastro"``, ``"desconhecido"``) and FEBRABAN's description."""

    code: str = ""
    resultado: str = "desconhecido"
    description: str = ""

    @property
    def is_debited(self) -> bool:
        """True when money left the payer's account."""
        return self.resultado == "debitado"


@dataclass
class Header150(_Model):
    """Registro A of a CNAB 150 file."""

    convenio: str = ""
    empresa_nome: str = ""
    banco_nome: str = ""
    data_geracao: Optional[datetime.date] = None
    nsa: Optional[int] = None
    versao_layout: str = ""
    identificacao_servico: str = ""


@dataclass
class Entry150(_Model):
    """A record that moves money: a debit to make (``registro`` E), a debit's result (F) or an arrecadação payment
    (G, with the 44-digit ``codigo_barras`` paid)."""

    registro: str = ""
    cliente_empresa: Optional[str] = None
    agencia: Optional[str] = None
    conta: Optional[str] = None
    data: Optional[datetime.date] = None
    """E: due date; F: debit date (or due date when not debited); G: payment date."""
    data_credito: Optional[datetime.date] = None
    valor: decimal.Decimal = decimal.Decimal(0)
    tarifa: Optional[decimal.Decimal] = None
    moeda: Optional[str] = None
    resultado: Optional[Outcome150] = None
    uso_empresa: Optional[str] = None
    tipo_identificacao: Optional[int] = None
    identificacao: Optional[str] = None
    movimento: Optional[str] = None
    codigo_barras: Optional[str] = None
    agencia_arrecadadora: Optional[str] = None
    forma_arrecadacao: Optional[str] = None
    autenticacao: Optional[str] = None
    forma_pagamento: Optional[str] = None
    line: int = 0

    def to_dict(self) -> Dict[str, Any]:
        return _without_none(super().to_dict(), keep=("data",))


@dataclass
class Cadastro150(_Model):
    """A registration record of débito automático: B (option), C (refusal), D (change of the customer's id), H
    (the bank's answer to a D)."""

    registro: str = ""
    cliente_empresa: str = ""
    agencia: str = ""
    conta: str = ""
    cliente_empresa_atual: Optional[str] = None
    data: Optional[datetime.date] = None
    ocorrencia: Optional[str] = None
    movimento: str = ""
    line: int = 0

    def to_dict(self) -> Dict[str, Any]:
        return _without_none(super().to_dict())


@dataclass
class File150(_Model):
    """A CNAB 150 file (FEBRABAN débito automático remessa/retorno, arrecadação retorno) read into the model."""

    bank: Bank = field(default_factory=Bank)
    product: str = "debito_automatico"
    """``"debito_automatico"`` or ``"arrecadacao"``."""
    kind: str = "retorno"
    header: Header150 = field(default_factory=Header150)
    entries: List[Entry150] = field(default_factory=list)
    cadastros: List[Cadastro150] = field(default_factory=list)
    total_registros: Optional[int] = None
    """Z02 as read: every record, header and trailer included."""
    valor_total: Optional[decimal.Decimal] = None
    """Z03 as read: the sum of the entries' amounts."""
    problems: List[CnabError] = field(default_factory=list)

    @property
    def layout(self) -> int:
        return 150

    def to_dict(self) -> Dict[str, Any]:
        """As ``cnab parse FILE`` prints it."""
        d: Dict[str, Any] = {
            "bank": self.bank.to_dict(),
            "product": self.product,
            "kind": self.kind,
            "header": self.header.to_dict(),
            "entries": [e.to_dict() for e in self.entries],
            "cadastros": [c.to_dict() for c in self.cadastros],
        }
        if self.total_registros is not None:
            d["total_registros"] = self.total_registros
        if self.valor_total is not None:
            d["valor_total"] = format(self.valor_total, "f")
        d["problems"] = [p.to_dict() for p in self.problems]
        return d


def _file150_from_json(model_json: str, problems_json: str) -> File150:
    d = json.loads(model_json)
    d.pop("problems", None)
    d.pop("records", None)
    bank = _bank(d.pop("bank"))
    f: File150 = _convert.from_dict(File150, d)
    f.bank = bank
    f.problems = _problems(problems_json)
    return f
