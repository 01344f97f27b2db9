"""Read and write Brazilian CNAB 240 / CNAB 400 bank files (remessa and retorno), and boleto arithmetic.

A thin, typed layer over the Rust core (``cnab-rs``)::

    import cnab
    retorno = cnab.read("retorno.ret")
    for e in retorno.entries:
        if e.ocorrencia and e.ocorrencia.kind is cnab.OcorrenciaKind.LIQUIDACAO:
            print(e.nosso_numero, e.valor_pago, e.data_ocorrencia)

Amounts are ``decimal.Decimal``, dates ``datetime.date``. Errors are :class:`CnabError` (a ``ValueError``) with
``.line``, ``.column(s)`` and ``.field``. Reading and writing release the GIL.
"""

from __future__ import annotations

import decimal
import errno
import json
import os
from typing import Any, BinaryIO, Dict, Iterator, List, Optional, Union

from . import _cnab
from . import boleto
from . import pix
from ._convert import from_dict as _from_dict
from ._errors import (
    BoletoError,
    CnabError,
    FieldError,
    LayoutError,
    PixError,
    TrailerError,
    _from_native,
    _from_payload,
)
from ._model import (
    ArrowStream,
    Bank,
    Beneficiario,
    Detected,
    Encargo,
    FieldValue,
    Header,
    Inscricao,
    Instrucao,
    Motivo,
    Ocorrencia,
    OcorrenciaKind,
    Pessoa,
    PixInfo,
    Record,
    Remessa,
    Retorno,
    RetornoEntry,
    TipoPagamento,
    Titulo,
    CnabWriteWarning,
    WriteWarning,
    Written,
    _bank_code,
    _file_from_native,
    _file150_from_json,
    Outcome150,
    Header150,
    Entry150,
    Cadastro150,
    File150,
)

__version__: str = _cnab.__version__

__all__ = [
    "detect",
    "read",
    "read_retorno",
    "read_remessa",
    "iter_entries",
    "EntryIterator",
    "iter_entries150",
    "Entry150Iterator",
    "iter_batches",
    "BatchReader",
    "ArrowStream",
    "boleto",
    "pix",
    "CnabError",
    "LayoutError",
    "FieldError",
    "TrailerError",
    "BoletoError",
    "PixError",
    "OcorrenciaKind",
    "Bank",
    "Detected",
    "File150",
    "Entry150",
    "Cadastro150",
    "Header150",
    "Outcome150",
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
    "FieldValue",
    "Retorno",
    "Remessa",
    "WriteWarning",
    "CnabWriteWarning",
    "Written",
]

Source = Union[str, "os.PathLike[str]", bytes, bytearray, memoryview, BinaryIO]
"""A path, the file's bytes, or a binary file object (``open(p, "rb")``, ``io.BytesIO``, an upload)."""


def _is_file_object(source: object) -> bool:
    return hasattr(source, "read") and not isinstance(source, (str, bytes, bytearray, memoryview))


def _read_file_object(source: Any) -> bytes:
    data = source.read()
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise TypeError(f"a CNAB file object must be opened in binary mode ('rb'); its read() gave {type(data).__name__}")
    return _bytes(data)


_ERRNO = {
    FileNotFoundError: errno.ENOENT,
    PermissionError: errno.EACCES,
    IsADirectoryError: errno.EISDIR,
    NotADirectoryError: errno.ENOTDIR,
}


def _named_os_error(e: OSError, path: str) -> OSError:
    """The same error with the path in ``filename`` (``FileNotFoundError: [Errno 2] ...: 'retorno.ret'``)."""
    if e.filename is not None:
        return e
    code = e.errno if e.errno is not None else _ERRNO.get(type(e))
    if code is None:
        return e
    return OSError(code, os.strerror(code), path)  # OSError picks the subclass for the errno


def _bytes(data: Union[bytes, bytearray, memoryview]) -> bytes:
    return data if isinstance(data, bytes) else bytes(data)


def detect(data: Source) -> Detected:
    """Tells bank, layout (240/400), kind (remessa/retorno) and version from a file's bytes (or its path).

    >>> cnab.detect(open("retorno.ret", "rb").read()).bank
    '341'
    """
    if _is_file_object(data):
        f: Any = data
        start = f.tell() if f.seekable() else None
        head = f.read(4096)
        if start is not None:
            f.seek(start)
        data = head
        if not isinstance(data, (bytes, bytearray, memoryview)):
            raise TypeError("a CNAB file object must be opened in binary mode ('rb')")
    elif not isinstance(data, (bytes, bytearray, memoryview)):
        with open(data, "rb") as fp:
            data = fp.read(4096)
    try:
        d = json.loads(_cnab.detect(_bytes(data)))
    except _cnab.NativeError as e:
        raise _from_native(e) from None
    return _detected_from(d)


def _detected_from(d: Dict[str, Any]) -> Detected:
    """The :class:`Detected` of the core's detection JSON (``cnab.detect`` and the streaming iterators)."""
    return Detected(
        bank=str(d["bank"]["code"]),
        bank_name=str(d["bank"]["name"]),
        layout=int(d["layout"]),
        kind=str(d["kind"]),
        product=str(d.get("product", "cobranca")),
        version=str(d.get("version", "")),
        supported=bool(d.get("supported", False)),
    )


def _read(
    source: Source,
    bank: Union[str, int, Bank, None],
    layout: Optional[int],
    kind: Optional[str],
    lenient: bool,
) -> Union[Retorno, Remessa, File150]:
    b = _bank_code(bank) if bank is not None else None
    if _is_file_object(source):
        source = _read_file_object(source)
    try:
        # CNAB 150 (débito automático, arrecadação): detected, or chosen with layout=150.
        if isinstance(source, (bytes, bytearray, memoryview)):
            f150 = _cnab.read150_bytes(_bytes(source), layout, lenient)
        else:
            path150 = os.fsdecode(os.fspath(source))
            try:
                f150 = _cnab.read150_path(path150, layout, lenient)
            except OSError as e:
                raise _named_os_error(e, path150) from None
        if f150 is not None:
            if kind is not None:
                raise _wrong_kind(source, "CNAB 150 file: read it with cnab.read")
            return _file150_from_json(*f150)
        if isinstance(source, (bytes, bytearray, memoryview)):
            native = _cnab.read_bytes(_bytes(source), b, layout, kind, lenient)
        else:
            path = os.fsdecode(os.fspath(source))
            try:
                native = _cnab.read_path(path, b, layout, kind, lenient)
            except OSError as e:
                raise _named_os_error(e, path) from None
    except _cnab.NativeError as e:
        raise _from_native(e) from None
    return _file_from_native(native)


def read(
    source: Source,
    *,
    bank: Union[str, int, Bank, None] = None,
    layout: Optional[int] = None,
    lenient: bool = False,
) -> Union[Retorno, Remessa, File150]:
    """Reads a whole CNAB file (a path or bytes) into the model: a :class:`Retorno` or a :class:`Remessa`,
    detected from the file; a CNAB 150 file (FEBRABAN débito automático or arrecadação) gives a :class:`File150`.

    Args:
        source: a path (``str`` / ``os.PathLike``), the file's bytes, or a binary file object (``open(p, "rb")``,
            ``io.BytesIO``, a web framework's upload), read from its current position to its end.
        bank: force the bank (``"341"`` or ``341``) instead of detecting it.
        layout: force the layout (150, 240 or 400) instead of detecting it.
        lenient: collect problems in ``.problems`` and go on, instead of raising the first.

    Raises:
        CnabError: (a subclass of it) at the first problem, in strict mode.
        FileNotFoundError: (or another ``OSError``, with the path in ``filename``) the file cannot be read.
        TypeError: a file object opened in text mode.
    """
    return _read(source, bank, layout, None, lenient)


def read_retorno(
    source: Source,
    *,
    bank: Union[str, int, Bank, None] = None,
    layout: Optional[int] = None,
    lenient: bool = False,
) -> Retorno:
    """Like :func:`read`, for a file that must be a retorno."""
    if _is_file_object(source):
        source = _read_file_object(source)
    _check_kind(source, "retorno")
    f = _read(source, bank, layout, "retorno", lenient)
    if not isinstance(f, Retorno):  # pragma: no cover - the kind is forced
        raise _wrong_kind(source, "remessa")
    return f


def read_remessa(
    source: Source,
    *,
    bank: Union[str, int, Bank, None] = None,
    layout: Optional[int] = None,
    lenient: bool = False,
) -> Remessa:
    """Like :func:`read`, for a file that must be a remessa."""
    if _is_file_object(source):
        source = _read_file_object(source)
    _check_kind(source, "remessa")
    f = _read(source, bank, layout, "remessa", lenient)
    if not isinstance(f, Remessa):  # pragma: no cover - the kind is forced
        raise _wrong_kind(source, "retorno")
    return f


def _check_kind(source: Source, want: str) -> None:
    """A file whose header says it is the other kind is an error (a header that says nothing clear is read as
    ``want``)."""
    try:
        d = detect(source)
    except CnabError:
        return
    if d.kind != want:
        raise _wrong_kind(source, d.kind)


def _wrong_kind(source: Source, found: str) -> LayoutError:
    """The error the core gives for a file of the other kind, naming the file when it was read from a path."""
    reason = f"this is a {found}"
    message = f"cannot tell remessa from retorno: {reason}"
    file = None if isinstance(source, (bytes, bytearray, memoryview)) else os.fsdecode(os.fspath(source))
    return LayoutError(
        f"{file}: {message}" if file is not None else message,
        kind="unknown_kind",
        category="structure",
        details={"reason": reason},
        file=file,
    )


class _Stream:
    """What the streaming readers share: the native reader (which reads ahead in chunks with the GIL released), the
    file's detection and the problems collected so far."""

    __slots__ = ("_native",)

    def __init__(self, native: Any) -> None:
        self._native = native

    @property
    def detected(self) -> Detected:
        """Bank, layout, product and kind of the file."""
        return _detected_from(json.loads(self._native.detected_json()))

    @property
    def problems(self) -> List[CnabError]:
        """Problems collected so far (lenient mode): complete once the iterator is exhausted."""
        return [_from_payload(p) for p in json.loads(self._native.problems_json())]


class EntryIterator(_Stream, Iterator[RetornoEntry]):
    """Retorno entries read one at a time from a file, in constant memory (see :func:`iter_entries`)."""

    __slots__ = ()

    def __iter__(self) -> "EntryIterator":
        return self

    def __next__(self) -> RetornoEntry:
        try:
            return next(self._native)
        except _cnab.NativeError as e:
            raise _from_native(e) from None

    @property
    def header(self) -> Header:
        """The file header; complete once the first entry has been read (CNAB 240 spreads it over two records)."""
        h: Header = _from_dict(Header, json.loads(self._native.header_json()))
        return h


def iter_entries(
    path: Union[str, "os.PathLike[str]", BinaryIO],
    *,
    bank: Union[str, int, Bank, None] = None,
    layout: Optional[int] = None,
    lenient: bool = False,
) -> EntryIterator:
    """Streams a retorno's entries from a file, one at a time, in constant memory (files larger than memory are
    fine). ``path`` may also be a binary file object (``open(p, "rb")``, ``io.BytesIO``), read in chunks. In strict
    mode the first problem is raised from ``next()``; in lenient mode problems collect in ``.problems`` of the
    iterator.

    >>> total = sum(e.valor_pago or 0 for e in cnab.iter_entries("retorno.ret"))
    """
    b = _bank_code(bank) if bank is not None else None
    try:
        if _is_file_object(path):
            name = getattr(path, "name", None)
            native = _cnab.iter_entries_from(path, name if isinstance(name, str) else None, b, layout, lenient)
        else:
            p = os.fsdecode(os.fspath(path))
            try:
                native = _cnab.iter_entries(p, b, layout, lenient)
            except OSError as e:
                raise _named_os_error(e, p) from None
    except _cnab.NativeError as e:
        raise _other_product_hint(_from_native(e)) from None
    return EntryIterator(native)


def _other_product_hint(e: CnabError) -> CnabError:
    """A CNAB 150 file given to the cobrança streaming readers: the error names what streams it (the core's hint
    names the Rust module)."""
    details = dict(e.details or {})
    if e.code != "other_product" or details.get("layout") != 150:
        return e
    hint = ": stream its entries with cnab.iter_entries150 (cnab.read reads it whole)"
    core_hint = str(details.get("hint", ""))
    message = e.message.replace(core_hint, hint) if core_hint and core_hint in e.message else e.message + hint
    details["hint"] = hint
    return LayoutError(
        message,
        line=e.line,
        columns=e.columns,
        field=e.field,
        record=e.record,
        kind=e.kind,
        code=e.code,
        category=e.category,
        details=details,
        file=e.file,
    )


# ---------------------------------------------------------------- CNAB 150 (débito automático, arrecadação)


class Entry150Iterator(_Stream, Iterator[Entry150]):
    """The entries (registros E, F, G) of a CNAB 150 file read one at a time, in constant memory (see
    :func:`iter_entries150`)."""

    __slots__ = ()

    def __iter__(self) -> "Entry150Iterator":
        return self

    def __next__(self) -> Entry150:
        try:
            e: Entry150 = _from_dict(Entry150, json.loads(next(self._native)))
        except _cnab.NativeError as err:
            raise _from_native(err) from None
        return e

    @property
    def header(self) -> Header150:
        """Registro A; read with the first entry (empty before)."""
        h: Header150 = _from_dict(Header150, json.loads(self._native.header_json()))
        return h

    @property
    def total_registros(self) -> Optional[int]:
        """Z02 as read (every record, header and trailer included); ``None`` until the trailer was read (entries
        are read ahead in batches: it may be there before the last entries are handed out)."""
        count: Optional[int] = self._native.trailer()[0]
        return count

    @property
    def valor_total(self) -> Optional[decimal.Decimal]:
        """Z03 as read (the sum of the entries' amounts); ``None`` until the trailer was read."""
        total: Optional[str] = self._native.trailer()[1]
        return decimal.Decimal(total) if total is not None else None


def iter_entries150(
    path: Union[str, "os.PathLike[str]", BinaryIO],
    *,
    layout: Optional[int] = None,
    lenient: bool = False,
) -> Entry150Iterator:
    """Streams the entries of a CNAB 150 file (FEBRABAN débito automático remessa/retorno, arrecadação retorno),
    one :class:`Entry150` at a time, in constant memory: what :func:`read` gives in ``File150.entries``, in file
    order. ``path`` may also be a binary file object (``open(p, "rb")``, ``io.BytesIO``), read in chunks. The file is
    checked as :func:`read` checks it (the same errors); the registration records (B, C, D, H) are checked but not
    yielded (:func:`read` gives them in ``File150.cadastros``). In strict mode the first problem is raised from
    ``next()``; in lenient mode problems collect in ``.problems`` of the iterator. ``.header``, ``.total_registros``
    and ``.valor_total`` are filled as the header and the trailer are read.

    Args:
        layout: ``150`` or ``None`` (a file that is not CNAB 150 is a :class:`LayoutError` either way).
        lenient: collect problems in ``.problems`` and go on, instead of raising the first.

    >>> debitado = sum(e.valor for e in cnab.iter_entries150("debito.ret") if e.resultado and e.resultado.is_debited)
    """
    try:
        if _is_file_object(path):
            name = getattr(path, "name", None)
            native = _cnab.iter_entries150_from(path, name if isinstance(name, str) else None, layout, lenient)
        else:
            p = os.fsdecode(os.fspath(path))
            try:
                native = _cnab.iter_entries150(p, layout, lenient)
            except OSError as e:
                raise _named_os_error(e, p) from None
    except _cnab.NativeError as e:
        raise _from_native(e) from None
    return Entry150Iterator(native)



class BatchReader:
    """A retorno's entries as a stream of Arrow record batches (see :func:`iter_batches`). Exports the Arrow
    PyCapsule interface (``__arrow_c_stream__``), so ``pyarrow.RecordBatchReader.from_stream(r)``,
    ``pyarrow.table(r)``, ``polars.DataFrame(r)`` or DuckDB read it; iterating it yields ``pyarrow.RecordBatch``
    (needs pyarrow). The stream can be consumed once."""

    def __init__(self, native: Any) -> None:
        self._native = native

    def __arrow_c_stream__(self, requested_schema: Optional[object] = None) -> object:
        return self._native.__arrow_c_stream__(requested_schema)

    def __arrow_c_schema__(self) -> object:
        return self._native.__arrow_c_schema__()

    def __iter__(self) -> Iterator[Any]:
        import pyarrow  # only needed to iterate in Python

        return iter(pyarrow.RecordBatchReader.from_stream(self))


def iter_batches(
    path: Union[str, "os.PathLike[str]", BinaryIO],
    *,
    batch_size: int = 65536,
    bank: Union[str, int, Bank, None] = None,
    layout: Optional[int] = None,
    lenient: bool = False,
) -> BatchReader:
    """Streams a retorno as Arrow record batches of ``batch_size`` entries, in constant memory (the columns of
    :meth:`Retorno.to_arrow`). ``path`` may also be a binary file object. A problem in strict mode ends the stream
    with an error (pyarrow raises it from the batch being read).

    >>> import pyarrow as pa
    >>> table = pa.table(cnab.iter_batches("retorno.ret"))
    """
    if batch_size < 1:
        raise ValueError(f"batch_size must be at least 1, not {batch_size}")
    b = _bank_code(bank) if bank is not None else None
    try:
        if _is_file_object(path):
            name = getattr(path, "name", None)
            native = _cnab.iter_batches_from(path, name if isinstance(name, str) else None, batch_size, b, layout, lenient)
        else:
            p = os.fsdecode(os.fspath(path))
            try:
                native = _cnab.iter_batches(p, batch_size, b, layout, lenient)
            except OSError as e:
                raise _named_os_error(e, p) from None
    except _cnab.NativeError as e:
        raise _other_product_hint(_from_native(e)) from None
    return BatchReader(native)
