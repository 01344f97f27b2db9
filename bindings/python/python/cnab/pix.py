"""PIX BR Code ("Pix Copia e Cola"): build and parse the EMV payload of the Banco Central's *Manual de Padrões
para Iniciação do Pix*, through the Rust core (``boleto::pix``).

>>> from cnab import pix
>>> payload = pix.make(chave="+5561912345678", nome="FULANO DE TAL", cidade="BRASILIA", valor="10.50")
>>> pix.parse(payload).valor
Decimal('10.50')
"""

from __future__ import annotations

import dataclasses
import decimal
import json
from dataclasses import dataclass, field
from typing import Any, Dict, Iterator, List, Optional, Union

from . import _cnab
from . import _convert
from ._errors import PixError, _from_native

__all__ = ["make", "parse", "Parsed", "Tag", "PixError"]


@dataclass(frozen=True)
class Tag:
    """A data object kept without being interpreted: its tag path (``"80"``, ``"26-04"``) and value."""

    id: str = ""
    """``ID`` at the root, ``ID-SUBID`` inside a template."""
    value: str = ""


@dataclass(frozen=True)
class Parsed:
    """What :func:`parse` returns (what ``cnab pix parse`` prints); ``None`` where the payload has no such field."""

    tipo: str = "estatico"
    """``"estatico"`` (a chave) or ``"dinamico"`` (a location URL)."""
    chave: Optional[str] = None
    chave_tipo: Optional[str] = None
    """``"cpf"``, ``"cnpj"``, ``"email"``, ``"telefone"`` or ``"evp"`` (random key)."""
    url: Optional[str] = None
    nome: str = ""
    cidade: str = ""
    valor: Optional[decimal.Decimal] = None
    txid: Optional[str] = None
    """``None`` when the payload has ``***`` (no txid)."""
    descricao: Optional[str] = None
    cep: Optional[str] = None
    unico: bool = False
    """Tag 01 is ``12``: the payload must not be paid more than once."""
    outros: List[Tag] = field(default_factory=list)

    def __getitem__(self, key: str) -> Any:
        if key not in {f.name for f in dataclasses.fields(self)}:
            raise KeyError(key)
        return getattr(self, key)

    def keys(self) -> Iterator[str]:
        return iter([f.name for f in dataclasses.fields(self)])

    def to_dict(self) -> Dict[str, Any]:
        """As ``cnab pix parse`` prints it (the amount as a string)."""
        d = {f.name: _convert.to_json_value(getattr(self, f.name)) for f in dataclasses.fields(self)}
        d["outros"] = [{"id": t.id, "value": t.value} for t in self.outros]
        return d


def make(
    *,
    nome: str,
    cidade: str,
    chave: Optional[str] = None,
    url: Optional[str] = None,
    valor: Union[decimal.Decimal, str, int, None] = None,
    txid: Optional[str] = None,
    descricao: Optional[str] = None,
    cep: Optional[str] = None,
    unico: bool = False,
) -> str:
    """The BR Code payload: static with ``chave`` (and optional ``valor``, ``txid``, ``descricao``), or dynamic
    with the location ``url`` (no protocol prefix). The CRC16 is appended.

    Raises:
        PixError: a field the Manual does not allow (``.field`` names it: ``"chave"``, ``"txid"``, ``"nome"``…).
        CnabError: both or neither of ``chave`` and ``url``; a ``valor`` that is not a decimal amount.
    """
    if isinstance(valor, float):
        raise TypeError("valor: give a Decimal, str or int (floats are not exact)")
    v = None if valor is None else format(decimal.Decimal(valor), "f") if not isinstance(valor, str) else valor
    try:
        return _cnab.pix_make(nome, cidade, chave, url, v, txid, descricao, cep, unico)
    except _cnab.NativeError as e:
        raise _from_native(e) from None


def parse(payload: str) -> Parsed:
    """Checks a BR Code (structure, every field's limits, the CRC) and returns its fields.

    Raises:
        PixError: the precise problem: a wrong CRC has ``.field == "crc"`` and says ``expected … found …``.
    """
    try:
        s = _cnab.pix_parse(payload)
    except _cnab.NativeError as e:
        raise _from_native(e) from None
    d = json.loads(s)
    valor = d.get("valor")
    return Parsed(
        tipo=d["tipo"],
        chave=d.get("chave"),
        chave_tipo=d.get("chave_tipo"),
        url=d.get("url"),
        nome=d.get("nome", ""),
        cidade=d.get("cidade", ""),
        valor=None if valor is None else decimal.Decimal(str(valor)),
        txid=d.get("txid"),
        descricao=d.get("descricao"),
        cep=d.get("cep"),
        unico=bool(d.get("unico")),
        outros=[Tag(id=t["id"], value=t["value"]) for t in d.get("outros") or []],
    )
