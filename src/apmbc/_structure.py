"""The fast structuring engine: plain JSON-like data to records, without cattrs.

:func:`apmbc.convert.structure` tries this engine first and, only when it fails, re-runs the
data through the detailed cattrs converter, whose errors name every bad path. The two engines
accept exactly the same data and build equal records (``tests/test_structure.py`` checks it with
Hypothesis); this one exists because it needs no cattrs import and no generated code, so that
``apmbc.load()`` stays cheap.

The value rules, shared with the cattrs hooks: a ``str`` field takes a string, an ``int`` field
an integer (never a boolean), a ``bool`` field ``true`` or ``false``, a date field a date or a
date string (:func:`apmbc.domain.dates.to_date`), a moment (``datetime``) field an ISO 8601 time
with its zone (:func:`apmbc.domain.dates.to_utc`), an enum field its value, a tuple field a list,
a record field an object with no unknown keys. An integer holds 64 bits at most
(:data:`INT_RANGE`), what every table tool (CSV readers, databases, pandas) can hold.
"""

from __future__ import annotations

import datetime as _dt
import enum
import types
import typing
from collections.abc import Callable
from typing import Any, TypeVar

import attrs

from apmbc.errors import shown

__all__ = [
    "INT_RANGE",
    "json_type",
    "structure_bool",
    "structure_date",
    "structure_datetime",
    "structure_fast",
    "structure_int",
    "structure_str",
]

T = TypeVar("T")
Hook = Callable[[Any], Any]


def json_type(value: object) -> str:
    """How a value reads in JSON terms, for error messages: ``a string``, ``null``, ..."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def structure_str(value: object) -> str:
    """A string field's value; raises ``TypeError`` for anything else."""
    if not isinstance(value, str):
        raise TypeError(f"expected a string, got {json_type(value)}")
    return value


INT_RANGE = range(-(2**63), 2**63)
"""The integers a field holds: those of 64 bits, what CSV readers, databases and pandas hold."""


def structure_int(value: object) -> int:
    """An integer field's value (a boolean is not an integer), of 64 bits at most."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"expected an integer, got {json_type(value)}")
    if value not in INT_RANGE:
        raise ValueError(
            f"integer out of range: {value.bit_length()} bits, more than the 64 a field holds"
        )
    return value


def structure_bool(value: object) -> bool:
    """A boolean field's value."""
    if not isinstance(value, bool):
        raise TypeError(f"expected true or false, got {json_type(value)}")
    return value


def structure_date(value: object) -> _dt.date:
    """A date field's value: a date, or a complete date string."""
    if not isinstance(value, (str, _dt.date)):
        raise TypeError(f"expected a date string (YYYY-MM-DD), got {json_type(value)}")
    from apmbc.domain.dates import to_date  # on first use: load() of the metadata needs none

    return to_date(value)


def structure_datetime(value: object) -> _dt.datetime:
    """A moment field's value: a ``datetime`` with its zone, or an ISO 8601 time with its zone
    (:func:`apmbc.domain.dates.to_utc`); the result is in UTC."""
    if not isinstance(value, (str, _dt.datetime)):
        raise TypeError(f"expected a time string (YYYY-MM-DDTHH:MM:SSZ), got {json_type(value)}")
    from apmbc.domain.dates import to_utc

    return to_utc(value)


_PRIMITIVES: dict[Any, Hook] = {
    str: structure_str,
    int: structure_int,
    bool: structure_bool,
    _dt.date: structure_date,
    _dt.datetime: structure_datetime,
}
_HOOKS: dict[Any, Hook] = {}


def _enum_hook(cls: type[enum.Enum]) -> Hook:
    by_value = {member.value: member for member in cls}

    def hook(value: object) -> enum.Enum:
        if isinstance(value, cls):
            return value
        if isinstance(value, str):
            found = by_value.get(value)
            if found is not None:
                return found
        raise ValueError(f"invalid {cls.__name__} {shown(value)}")

    return hook


def _optional_inner(tp: Any) -> Any | None:
    if typing.get_origin(tp) not in (typing.Union, types.UnionType):
        return None
    args = typing.get_args(tp)
    if len(args) != 2 or type(None) not in args:
        return None
    return next(arg for arg in args if arg is not type(None))


def _record_hook(cls: type) -> Hook:
    hints = typing.get_type_hints(cls)
    fields: dict[str, tuple[Hook, frozenset[type]]] = {}
    for field in attrs.fields(cls):
        tp = hints[field.name]
        fields[field.name] = (_hook(tp), _as_is(tp))

    def hook(value: object) -> Any:
        if not isinstance(value, dict):
            raise TypeError(f"expected an object, got {json_type(value)}")
        kwargs = {}
        for key, item in value.items():
            field_hook, as_is = fields[key]  # KeyError: an unknown key
            kwargs[key] = item if type(item) in as_is else field_hook(item)
        return cls(**kwargs)

    return hook


_PLAIN: frozenset[type] = frozenset({str, bool})
"""Field types whose values are kept as they come (an ``int`` is checked for its range)."""


def _as_is(tp: Any) -> frozenset[type]:
    """The exact types a field of type ``tp`` keeps unchanged (none for dates, enums...)."""
    if tp in _PLAIN:
        return frozenset({tp})
    inner = _optional_inner(tp)
    if inner is not None:
        return frozenset({inner, type(None)}) if inner in _PLAIN else frozenset({type(None)})
    return frozenset()


def _make(tp: Any) -> Hook:
    primitive = _PRIMITIVES.get(tp)
    if primitive is not None:
        return primitive
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return _enum_hook(tp)
    inner = _optional_inner(tp)
    if inner is not None:
        inner_hook = _hook(inner)
        return lambda value: None if value is None else inner_hook(value)
    args = typing.get_args(tp)
    if typing.get_origin(tp) is tuple and len(args) == 2 and args[1] is Ellipsis:
        item_hook = _hook(args[0])

        def items(value: object) -> tuple[Any, ...]:
            if not isinstance(value, (list, tuple)):
                raise TypeError(f"expected a list, got {json_type(value)}")
            return tuple([item_hook(item) for item in value])

        return items
    if isinstance(tp, type) and attrs.has(tp):
        return _record_hook(tp)
    raise TypeError(f"no fast structuring for {tp!r}")  # pragma: no cover - every model type


def _hook(tp: Any) -> Hook:
    found = _HOOKS.get(tp)
    if found is None:
        found = _HOOKS[tp] = _make(tp)
    return found


def structure_fast(data: object, cls: type[T]) -> T:
    """Build ``cls`` (a record class, or a ``tuple[Record, ...]``) from plain data.

    Raises some exception (its kind and message are not meant for people) on any data the
    detailed converter would refuse; :func:`apmbc.convert.structure` then reports it properly.
    """
    result: T = _hook(cls)(data)
    return result
