"""Boleto arithmetic: parse a barcode / linha digitável / arrecadação code, or make a boleto.

>>> from cnab import boleto
>>> p = boleto.parse("23791.23405 90000.000043 53012.345608 1 69040000014150")
>>> p.valor
Decimal('141.50')
"""

from __future__ import annotations

import dataclasses
import datetime
import decimal
import json
from dataclasses import dataclass, field
from typing import Any, Dict, Iterator, List, Mapping, Optional, Union

from . import _cnab
from . import _convert
from ._errors import BoletoError, _from_native

__all__ = ["parse", "make", "Parsed", "BoletoOutput", "BoletoError"]


class _DictLike:
    """Dataclasses that also read like a dict: ``p["valor"]``, ``dict(p)``, ``p.to_dict()``."""

    def __getitem__(self, key: str) -> Any:
        if key not in {f.name for f in dataclasses.fields(self)}:  # type: ignore[arg-type]
            raise KeyError(key)
        return getattr(self, key)

    def keys(self) -> Iterator[str]:
        return iter([f.name for f in dataclasses.fields(self)])  # type: ignore[arg-type]

    def __iter__(self) -> Iterator[str]:
        return self.keys()

    def to_dict(self) -> Dict[str, Any]:
        """As ``cnab boleto parse`` / ``cnab boleto make`` print it (amounts and dates as strings)."""
        return {f.name: _convert.to_json_value(getattr(self, f.name)) for f in dataclasses.fields(self)}  # type: ignore[arg-type]


@dataclass(frozen=True)
class Parsed(_DictLike):
    """What :func:`parse` returns."""

    tipo: str = "cobranca"
    """``"cobranca"`` (bank boleto) or ``"arrecadacao"`` (starts with 8)."""
    barcode: str = ""
    """The 44 barcode digits."""
    linha_digitavel: str = ""
    """The line, unformatted (47 or 48 digits)."""
    linha_digitavel_formatada: str = ""
    banco: Optional[str] = None
    """Bank code (cobrança only), 3 digits."""
    banco_nome: Optional[str] = None
    valor: Optional[decimal.Decimal] = None
    fator_vencimento: Optional[int] = None
    """Fator de vencimento (cobrança only; 0 = no due date; ``None`` when positions 6-9 hold value digits)."""
    vencimento: Optional[datetime.date] = None
    campo_livre: str = ""
    campo_livre_dv_ok: Optional[bool] = None
    parts: Dict[str, str] = field(default_factory=dict)
    """Bank-specific parts of the campo livre (carteira, nosso_numero, agencia…) or, for arrecadação, segmento,
    identificador_valor, empresa."""
    avisos: List[str] = field(default_factory=list)
    """What the reader decided and could not prove: a value above 99,999,999.99 read over the fator positions
    (``fator_vencimento`` is then ``None``), or a fator with no due date in FEBRABAN's window."""

    def to_dict(self) -> Dict[str, Any]:
        d = super().to_dict()
        if not d["avisos"]:
            del d["avisos"]  # as the core: left out when empty
        return d


@dataclass(frozen=True)
class BoletoOutput(_DictLike):
    """What :func:`make` returns."""

    banco: str = ""
    nosso_numero: str = ""
    """As printed on the boleto, with its DV (``"109/00010152-7"``)."""
    nosso_numero_dv: Optional[str] = None
    campo_livre: str = ""
    barcode: str = ""
    linha_digitavel: str = ""
    """47 digits."""
    linha_digitavel_formatada: str = ""
    fator_vencimento: int = 0
    vencimento: Optional[datetime.date] = None
    valor: decimal.Decimal = decimal.Decimal(0)
    pix_payload: Optional[str] = None
    """The PIX BR Code of a boleto híbrido, when the input has ``pix``."""


def parse(code: str) -> Parsed:
    """Parses a 44-digit barcode, a 47-digit linha digitável or a 48-digit arrecadação line, formatted or not.

    Raises:
        BoletoError: wrong length, a non-digit, a check digit that does not match (``.kind == "check_digit"``,
            ``.field`` names the block).
    """
    try:
        s = _cnab.boleto_parse(code)
    except _cnab.NativeError as e:
        raise _from_native(e) from None
    p: Parsed = _convert.from_dict(Parsed, json.loads(s))
    return p


def _jsonable(v: Any) -> Any:
    if isinstance(v, decimal.Decimal):
        return format(v, "f")
    if isinstance(v, float):
        return repr(v)
    if isinstance(v, datetime.date):
        return v.isoformat()
    return v


def make(input: Optional[Mapping[str, Any]] = None, /, **kwargs: Union[str, int, decimal.Decimal, datetime.date, None]) -> BoletoOutput:
    """Builds a boleto: nosso número with DV, campo livre, barcode, linha digitável.

    Takes a dict and/or keyword arguments with the keys of ``cnab boleto make``: ``banco``, ``agencia``,
    ``conta``, ``carteira``, ``convenio``, ``codigo_beneficiario``, ``nosso_numero``, ``valor`` (Decimal/str),
    ``vencimento`` (date or ``"YYYY-MM-DD"``; None = no due date), and the bank-specific ones.

    >>> boleto.make(banco="341", agencia="1248", conta="02124", carteira="109", nosso_numero="00010152",
    ...             valor=Decimal("6757.87"), vencimento=date(2029, 5, 20)).nosso_numero
    '109/00010152-7'

    Raises:
        BoletoError: missing or invalid field, unsupported bank, invalid value or date.
    """
    d: Dict[str, Any] = dict(input or {})
    d.update(kwargs)
    payload = {k: _jsonable(v) for k, v in d.items()}
    try:
        s = _cnab.boleto_make(json.dumps(payload))
    except _cnab.NativeError as e:
        raise _from_native(e) from None
    out: BoletoOutput = _convert.from_dict(BoletoOutput, json.loads(s))
    return out
