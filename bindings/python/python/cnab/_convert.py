"""JSON ⇄ typed values: the bridge between the Rust core's JSON and the dataclasses.

Amounts are ``decimal.Decimal`` (JSON strings like ``"127.50"``), dates ``datetime.date`` (``"YYYY-MM-DD"``),
enums ``str``-based. Conversion is driven by each dataclass's type hints, so a model class declares its shape once.
"""

from __future__ import annotations

import dataclasses
import datetime
import decimal
import enum
import sys
import typing
from typing import Any, Callable, Dict, List, Tuple

_NoneType = type(None)
_HINTS: Dict[type, Dict[str, Any]] = {}


def hints(cls: type) -> Dict[str, Any]:
    h = _HINTS.get(cls)
    if h is None:
        module = sys.modules[cls.__module__]
        h = typing.get_type_hints(cls, globalns=vars(module))
        _HINTS[cls] = h
    return h


def to_decimal(v: Any) -> decimal.Decimal:
    if isinstance(v, decimal.Decimal):
        return v
    if isinstance(v, bool):
        raise TypeError(f"expected an amount, found {v!r}")
    if isinstance(v, (int, str)):
        return decimal.Decimal(v)
    if isinstance(v, float):
        # 127.5 → Decimal("127.5"), not the float's binary expansion
        return decimal.Decimal(repr(v))
    raise TypeError(f"expected an amount (Decimal, str, int), found {v!r}")


def to_date(v: Any) -> datetime.date:
    if isinstance(v, datetime.datetime):
        return v.date()
    if isinstance(v, datetime.date):
        return v
    if isinstance(v, str):
        return datetime.date.fromisoformat(v)
    raise TypeError(f"expected a date (datetime.date or 'YYYY-MM-DD'), found {v!r}")


def convert(tp: Any, v: Any, strict: bool = False) -> Any:
    """Converts a JSON-ish value ``v`` (or an already typed one) to type ``tp``."""
    origin = typing.get_origin(tp)
    if origin is typing.Union:
        args = typing.get_args(tp)
        if v is None:
            return None
        inner = [a for a in args if a is not _NoneType]
        return convert(inner[0], v, strict)
    if origin in (list, typing.List):
        (arg,) = typing.get_args(tp) or (Any,)
        return [convert(arg, x, strict) for x in (v or [])]
    if origin in (dict, typing.Dict):
        args = typing.get_args(tp)
        val_t = args[1] if len(args) == 2 else Any
        return {str(k): convert(val_t, x, strict) for k, x in (v or {}).items()}
    if origin in (tuple, typing.Tuple):
        return tuple(v)
    if tp is Any:
        return v
    if tp is decimal.Decimal:
        return to_decimal(v)
    if tp is datetime.date:
        return to_date(v)
    if isinstance(tp, type):
        if isinstance(v, tp):
            return v
        if dataclasses.is_dataclass(tp):
            if isinstance(v, dict):
                return from_dict(tp, v, strict)
            raise TypeError(f"expected {tp.__name__} or a dict, found {type(v).__name__}")
        if issubclass(tp, enum.Enum):
            return tp(v)
        if isinstance(v, dict) and hasattr(tp, "from_dict"):
            # a native class (RetornoEntry…) from a dict shaped like its JSON
            return tp.from_dict(v)
        if tp is str:
            if v is None:
                return ""
            return str(v)
        if tp is int and isinstance(v, str):
            return int(v)
        if tp is bool:
            return bool(v)
    return v


def from_dict(cls: Any, d: Dict[str, Any], strict: bool = False) -> Any:
    """Builds dataclass ``cls`` from a dict; missing keys take defaults. Unknown keys are an error when ``strict``
    (dicts from users), ignored otherwise (JSON from the core, maybe a newer one: the fast path)."""
    if not strict:
        return build(cls, d)
    h = hints(cls)
    names = {f.name for f in dataclasses.fields(cls) if f.init}
    unknown = set(d) - names
    if unknown:
        if strict:
            raise TypeError(f"{cls.__name__}: unknown key(s) {sorted(unknown)}")
        d = {k: v for k, v in d.items() if k in names}
    return cls(**{k: convert(h[k], v, strict) for k, v in d.items()})


def coerce_fields(obj: Any) -> None:
    """``__post_init__`` helper: converts dicts / strings given for typed fields (``valor="10.00"``)."""
    h = hints(type(obj))
    for f in dataclasses.fields(obj):
        v = getattr(obj, f.name)
        tp = h[f.name]
        if _is_exact(tp, v):
            continue
        object.__setattr__(obj, f.name, convert(tp, v, True))


_SIMPLE: Tuple[type, ...] = (str, int, bool, decimal.Decimal, datetime.date)


def _is_exact(tp: Any, v: Any) -> bool:
    # fast path for already typed scalars and dataclass instances
    if isinstance(tp, type):
        return isinstance(v, tp) and not (tp is datetime.date and isinstance(v, datetime.datetime))
    if typing.get_origin(tp) is typing.Union:
        args = typing.get_args(tp)
        if v is None:
            return _NoneType in args
        return any(isinstance(a, type) and a in _SIMPLE and type(v) is a for a in args) or any(
            isinstance(a, type) and dataclasses.is_dataclass(a) and isinstance(v, a) for a in args
        )
    return False


def to_json_value(v: Any) -> Any:
    """Typed value → what the Rust core's JSON would hold."""
    if v is None or isinstance(v, (bool, int, str)) and not isinstance(v, enum.Enum):
        return v
    if isinstance(v, enum.Enum):
        return v.value
    if isinstance(v, decimal.Decimal):
        return format(v, "f")
    if isinstance(v, datetime.date):
        return v.isoformat()
    if dataclasses.is_dataclass(v) and not isinstance(v, type):
        to_dict = getattr(v, "to_dict", None)
        if to_dict is not None:
            return to_dict()
        return {f.name: to_json_value(getattr(v, f.name)) for f in dataclasses.fields(v)}
    if isinstance(v, (list, tuple)):
        return [to_json_value(x) for x in v]
    if isinstance(v, dict):
        return {str(k): to_json_value(x) for k, x in v.items()}
    to_dict = getattr(v, "to_dict", None)
    if to_dict is not None:
        return to_dict()
    raise TypeError(f"cannot serialize {type(v).__name__}")


# ---- the fast path for JSON from the core: a converter compiled once per type, no __init__ / __post_init__

_MISSING = object()
_PLANS: Dict[type, List[Tuple[str, Callable[[Any], Any], Callable[[], Any]]]] = {}
_CONVS: Dict[Any, Callable[[Any], Any]] = {}


def _identity(v: Any) -> Any:
    return v


def _str(v: Any) -> Any:
    return "" if v is None else v


def _date(v: Any) -> Any:
    return datetime.date.fromisoformat(v) if isinstance(v, str) else to_date(v)


def _decimal(v: Any) -> Any:
    return decimal.Decimal(v) if isinstance(v, str) else to_decimal(v)


def _decimal_str(v: Any) -> Any:
    try:
        return decimal.Decimal(v)
    except TypeError:
        return to_decimal(v)


def _date_str(v: Any) -> Any:
    try:
        return datetime.date.fromisoformat(v)
    except TypeError:
        return to_date(v)


def compile_conv(tp: Any) -> Callable[[Any], Any]:
    c = _CONVS.get(tp)
    if c is not None:
        return c
    origin = typing.get_origin(tp)
    conv: Callable[[Any], Any]
    if origin is typing.Union:
        inner = compile_conv([a for a in typing.get_args(tp) if a is not _NoneType][0])
        if inner is _decimal:
            inner = _decimal_str
        elif inner is _date:
            inner = _date_str

        def conv(v: Any) -> Any:
            return None if v is None else inner(v)

    elif origin in (list, typing.List):
        item = compile_conv((typing.get_args(tp) or (Any,))[0])

        def conv(v: Any) -> Any:
            return [item(x) for x in v] if v else []

    elif origin in (dict, typing.Dict):
        args = typing.get_args(tp)
        val = compile_conv(args[1] if len(args) == 2 else Any)

        def conv(v: Any) -> Any:
            return {str(k): val(x) for k, x in v.items()} if v else {}

    elif tp is decimal.Decimal:
        conv = _decimal
    elif tp is datetime.date:
        conv = _date
    elif tp is str:
        conv = _str
    elif isinstance(tp, type) and dataclasses.is_dataclass(tp):
        cls = tp

        def conv(v: Any) -> Any:
            return v if isinstance(v, cls) else build(cls, v)

    elif isinstance(tp, type) and issubclass(tp, enum.Enum):
        conv = tp
    elif isinstance(tp, type) and hasattr(tp, "from_dict"):
        native = tp

        def conv(v: Any) -> Any:
            return native.from_dict(v) if isinstance(v, dict) else v

    else:
        conv = _identity
    _CONVS[tp] = conv
    return conv


def _plan(cls: type) -> List[Tuple[str, Callable[[Any], Any], Callable[[], Any]]]:
    plan = _PLANS.get(cls)
    if plan is None:
        h = hints(cls)
        plan = []
        for f in dataclasses.fields(cls):
            if f.default_factory is not dataclasses.MISSING:
                default: Callable[[], Any] = f.default_factory
            else:
                default = (lambda d: lambda: d)(None if f.default is dataclasses.MISSING else f.default)
            plan.append((f.name, compile_conv(h[f.name]), default))
        _PLANS[cls] = plan
    return plan


def build(cls: Any, d: Dict[str, Any]) -> Any:
    """Builds a dataclass from the core's JSON without running ``__init__`` (values are trusted, only converted)."""
    plan = _PLANS.get(cls)
    if plan is None:
        plan = _plan(cls)
    obj = object.__new__(cls)
    od = obj.__dict__
    for name, conv, default in plan:
        v = d.get(name, _MISSING)
        od[name] = default() if v is _MISSING else conv(v)
    return obj
