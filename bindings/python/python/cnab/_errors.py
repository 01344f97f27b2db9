"""The exception hierarchy: every error is a :class:`CnabError`, itself a :class:`ValueError`."""

from __future__ import annotations

import json
from typing import Any, Dict, Optional, Tuple

__all__ = ["CnabError", "LayoutError", "FieldError", "TrailerError", "BoletoError"]


_COMMON = frozenset({"source", "kind", "code", "category", "message", "file", "line", "columns", "field", "record"})


class CnabError(ValueError):
    """A problem in a CNAB file (or in a model being written), with where it is.

    ``str(err)`` is the Rust message, e.g.
    ``RETORNO.RET: line 12, columns 254-266 (valor_pago): expected digits, found "12,50"``.

    The attributes are the error JSON of the Rust core (what ``cnab parse --lenient`` lists in ``problems`` and
    ``cnab validate --format json`` prints):

    Attributes:
        kind: what went wrong, as a snake_case name (``"not_digits"``, ``"trailer_count"``, ``"check_digit"``…).
        code: the stable code of the kind (equal to ``kind``): never renamed nor reused, safe to match on.
        category: ``"file_defect"``, ``"field"``, ``"structure"`` or ``"business"``.
        file: the file's path when the error came from reading a path, else ``None``.
        line: 1-based line number, or ``None`` when the problem is not tied to a line.
        columns: 1-based inclusive column range ``(start, end)``, or ``None``.
        column: the start column, or ``None``.
        field: the field name (``"valor_pago"``), or ``None``.
        record: the record name (``"segmento_t"``, ``"detalhe"``), or ``None``.
        details: the kind's own fields (``{"found": "12,50"}`` for ``not_digits``), or ``None`` when it has none.
    """

    line: Optional[int]
    columns: Optional[Tuple[int, int]]
    field: Optional[str]
    record: Optional[str]
    kind: str
    code: str
    category: str
    file: Optional[str]
    details: Optional[Dict[str, Any]]

    def __init__(
        self,
        message: str,
        *,
        line: Optional[int] = None,
        columns: Optional[Tuple[int, int]] = None,
        field: Optional[str] = None,
        record: Optional[str] = None,
        kind: str = "invalid",
        details: Optional[Dict[str, Any]] = None,
        code: Optional[str] = None,
        category: str = "business",
        file: Optional[str] = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.columns = columns
        self.field = field
        self.record = record
        self.kind = kind
        self.code = code if code is not None else kind
        self.category = category
        self.file = file
        self.details = details

    @property
    def column(self) -> Optional[int]:
        """The first column of the problem, or ``None``."""
        return self.columns[0] if self.columns else None

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}({self.message!r}, code={self.code!r}, line={self.line!r}, "
            f"field={self.field!r})"
        )

    def _key(self) -> Tuple[Any, ...]:
        return (type(self), self.message, self.line, self.columns, self.field, self.code, self.file)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, CnabError):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def to_dict(self) -> Dict[str, Any]:
        """The error as the Rust core serializes it (what ``cnab parse --lenient`` prints in ``problems``):
        ``{"kind", <the kind's fields>, "code", "category", "message", "file" (when known), "line", "columns",
        "field", "record"}``."""
        d: Dict[str, Any] = {"kind": self.kind}
        d.update(self.details or {})
        d.update(
            code=self.code,
            category=self.category,
            message=self.message,
        )
        if self.file is not None:
            d["file"] = self.file
        d.update(
            line=self.line or 0,
            columns=list(self.columns) if self.columns else None,
            field=self.field,
            record=self.record,
        )
        return d


class LayoutError(CnabError):
    """The file's layout, bank, kind or structure is not what it should be (unknown layout/bank/record, a line of
    the wrong length, a missing header or trailer, records out of place)."""


class FieldError(CnabError):
    """A field's content is invalid (not digits, not a date, a fixed value differs) or a value does not fit its
    field when writing."""


class TrailerError(CnabError):
    """A trailer's counts or sums (or, in a layout without trailer, the header's record count) do not match the
    records read."""


class BoletoError(CnabError):
    """A barcode / linha digitável does not parse (length, digits, check digits) or a boleto cannot be made."""


class PixError(CnabError):
    """A PIX BR Code does not parse or cannot be built: ``.field`` names the data object (``"crc"`` for a wrong
    CRC, ``"chave"``, ``"txid"``, ``"nome"``, …) and ``.details["tag"]`` its EMV tag (``"63"``, ``"26-01"``, …);
    a broken TLV structure gives ``.columns`` (the 1-based position)."""


_LAYOUT_KINDS = frozenset(
    {
        "empty",
        "line_length",
        "line_too_long",
        "unknown_layout",
        "unknown_bank",
        "unknown_kind",
        "unknown_record",
        "structure",
        "missing_header",
        "missing_trailer",
        "other_product",
    }
)
_FIELD_KINDS = frozenset(
    {"not_digits", "bad_date", "missing_date", "bad_const", "overflow", "invalid", "unknown_ocorrencia", "unwritable", "bad_model", "bad_barcode", "barcode_value"}
)
_TRAILER_KINDS = frozenset({"trailer_count", "header_count"})


def _class_for(source: str, kind: str) -> type:
    if source == "boleto":
        return BoletoError
    if source == "pix":
        return PixError
    if kind in _LAYOUT_KINDS:
        return LayoutError
    if kind in _FIELD_KINDS:
        return FieldError
    if kind in _TRAILER_KINDS:
        return TrailerError
    return CnabError


def _from_payload(payload: Dict[str, Any]) -> CnabError:
    kind = str(payload.get("kind") or "invalid")
    cls = _class_for(str(payload.get("source", "cnab")), kind)
    cols = payload.get("columns")
    file = payload.get("file")
    details = {k: v for k, v in payload.items() if k not in _COMMON}
    err: CnabError = cls(
        str(payload.get("message", "")),
        line=payload.get("line") or None,
        columns=(int(cols[0]), int(cols[1])) if cols else None,
        field=payload.get("field"),
        record=payload.get("record"),
        kind=kind,
        details=details or None,
        code=str(payload.get("code") or kind),
        category=str(payload.get("category") or "business"),
        file=str(file) if file is not None else None,
    )
    return err


def _from_native(exc: BaseException) -> CnabError:
    """Turns a ``_cnab.NativeError`` (whose ``args[0]`` is a JSON payload) into the right :class:`CnabError`."""
    try:
        payload = json.loads(str(exc.args[0]))
    except (ValueError, IndexError, TypeError):
        return CnabError(str(exc))
    return _from_payload(payload)
