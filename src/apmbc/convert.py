"""The one place that knows cattrs: ``make_converter()`` and the helpers built on it.

Structuring is strict: unknown keys are rejected, strings are not numbers, a list is not a
string, enums are read by value, dates are ISO strings (or complete dates in words, read with
``dateutil``). Every failure becomes a :class:`~apmbc.errors.DataValidationError` whose problems
name the path, e.g. ``states[3].signed: invalid date '2022-13-01' ...``.
"""

from __future__ import annotations

import datetime as _dt
import enum
import types
import typing
from collections.abc import Callable
from typing import Any, TypeVar

import attrs
import cattrs
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn

from apmbc import models
from apmbc.domain.dates import to_date
from apmbc.errors import DataValidationError, Problem

__all__ = ["from_dict", "make_converter", "problems_from", "to_dict"]

T = TypeVar("T")


def _json_type(value: object) -> str:
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


def _structure_str(value: object, _: type) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected a string, got {_json_type(value)}")
    return value


def _structure_int(value: object, _: type) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"expected an integer, got {_json_type(value)}")
    return value


def _structure_bool(value: object, _: type) -> bool:
    if not isinstance(value, bool):
        raise TypeError(f"expected true or false, got {_json_type(value)}")
    return value


def _structure_date(value: object, _: type) -> _dt.date:
    if not isinstance(value, (str, _dt.date)):
        raise TypeError(f"expected a date string (YYYY-MM-DD), got {_json_type(value)}")
    return to_date(value)


def _enum_hook(cls: type[enum.Enum]) -> Callable[[object, type], enum.Enum]:
    allowed = ", ".join(repr(m.value) for m in cls)

    def hook(value: object, _: type) -> enum.Enum:
        if isinstance(value, cls):
            return value
        if isinstance(value, str):
            try:
                return cls(value)
            except ValueError:
                pass
        raise ValueError(f"invalid {cls.__name__} {value!r}: expected one of {allowed}")

    return hook


def _enum_value(member: enum.Enum) -> Any:
    return member.value


_ENUMS: tuple[type[enum.Enum], ...] = tuple(
    obj
    for obj in vars(models).values()
    if isinstance(obj, type) and issubclass(obj, enum.Enum) and obj.__module__ == models.__name__
)


def _is_homogeneous_tuple(tp: Any) -> bool:
    args = typing.get_args(tp)
    return typing.get_origin(tp) is tuple and len(args) == 2 and args[1] is Ellipsis


def _tuple_hook_factory(
    tp: Any, conv: cattrs.Converter
) -> Callable[[object, Any], tuple[Any, ...]]:
    inner = typing.get_args(tp)[0]
    inner_hook = conv.get_structure_hook(inner)
    detailed = conv.detailed_validation

    def hook(value: object, _: Any) -> tuple[Any, ...]:
        if not isinstance(value, (list, tuple)):
            raise TypeError(f"expected a list, got {_json_type(value)}")
        if not detailed:
            return tuple([inner_hook(item, inner) for item in value])
        out: list[Any] = []
        errors: list[Exception] = []
        for index, item in enumerate(value):
            try:
                out.append(inner_hook(item, inner))
            except Exception as exc:
                note = IterableValidationNote(f"Structuring {tp} @ index {index}", index, inner)
                exc.__notes__ = [*getattr(exc, "__notes__", []), note]  # type: ignore[attr-defined]
                errors.append(exc)
        if errors:
            raise IterableValidationError(f"While structuring {tp!r}", errors, tp)
        return tuple(out)

    return hook


def _is_optional(tp: Any) -> bool:
    args = typing.get_args(tp)
    return (
        typing.get_origin(tp) in (typing.Union, types.UnionType)
        and len(args) == 2
        and type(None) in args
    )


def _optional_hook_factory(tp: Any, conv: cattrs.Converter) -> Callable[[object, Any], Any]:
    inner = next(arg for arg in typing.get_args(tp) if arg is not type(None))
    inner_hook = conv.get_structure_hook(inner)

    def hook(value: object, _: Any) -> Any:
        return None if value is None else inner_hook(value, inner)

    return hook


def _attrs_hook_factory(cls: type, conv: cattrs.Converter) -> Callable[[object, Any], Any]:
    if not conv.detailed_validation:
        return _attrs_fast_hook(cls, conv)
    base: Callable[[Any, Any], Any] = make_dict_structure_fn(
        cls,
        conv,
        _cattrs_forbid_extra_keys=True,
        _cattrs_detailed_validation=conv.detailed_validation,
    )

    def hook(value: object, tp: Any) -> Any:
        if not isinstance(value, dict):
            raise TypeError(f"expected an object, got {_json_type(value)}")
        return base(value, tp)

    return hook


_PLAIN: frozenset[type] = frozenset({str, int, bool})


def _as_is(tp: Any) -> frozenset[type]:
    """The exact JSON types a field of type ``tp`` takes unchanged (none for dates, enums...)."""
    if tp in _PLAIN:
        return frozenset({tp})
    if _is_optional(tp):
        inner = next(arg for arg in typing.get_args(tp) if arg is not type(None))
        if inner in _PLAIN:
            return frozenset({inner, type(None)})
        return frozenset({type(None)})
    return frozenset()


def _attrs_fast_hook(cls: type, conv: cattrs.Converter) -> Callable[[object, Any], Any]:
    """A structure hook without code generation: cheap to build, as fast to run.

    Any failure (a missing field, an unknown key, a wrong value) raises; the caller then re-runs
    the detailed converter, whose cattrs-generated hooks report every problem with its path.
    """
    hints = typing.get_type_hints(cls)
    hooks = {
        f.name: (conv.get_structure_hook(hints[f.name]), hints[f.name], _as_is(hints[f.name]))
        for f in attrs.fields(cls)
    }

    def hook(value: object, _: Any) -> Any:
        if not isinstance(value, dict):
            raise TypeError(f"expected an object, got {_json_type(value)}")
        kwargs = {}
        for key, item in value.items():
            field_hook, field_type, as_is = hooks[key]  # KeyError for an unknown key
            # Strings, numbers, booleans and nulls that already have the field's type are kept
            # as they are (exact types: a bool is not taken for an int); the rest go through
            # the field's hook.
            kwargs[key] = item if type(item) in as_is else field_hook(item, field_type)
        return cls(**kwargs)

    return hook


def make_converter(*, detailed: bool = True) -> cattrs.Converter:
    """Return a new converter for apmbc's models. Never changes cattrs' global converter.

    With ``detailed=False`` structuring is faster but errors do not carry paths; the helpers in
    this module retry with a detailed converter to report a failure.
    """
    conv = cattrs.Converter(forbid_extra_keys=True, detailed_validation=detailed)
    conv.register_structure_hook(str, _structure_str)
    conv.register_structure_hook(int, _structure_int)
    conv.register_structure_hook(bool, _structure_bool)
    conv.register_structure_hook(_dt.date, _structure_date)
    conv.register_unstructure_hook_func(lambda t: t is _dt.date, _dt.date.isoformat)
    # Each enum by its own class: they subclass str, so the str hook would otherwise catch them.
    for cls in _ENUMS:
        conv.register_structure_hook(cls, _enum_hook(cls))
        conv.register_unstructure_hook(cls, _enum_value)
    conv.register_structure_hook_factory(_is_homogeneous_tuple, _tuple_hook_factory)
    conv.register_structure_hook_factory(_is_optional, _optional_hook_factory)
    conv.register_unstructure_hook_factory(
        _is_homogeneous_tuple,
        lambda t: _tuple_unstructure(t, conv),
    )
    conv.register_structure_hook_factory(attrs.has, _attrs_hook_factory)
    return conv


def _tuple_unstructure(tp: Any, conv: cattrs.Converter) -> Callable[[tuple[Any, ...]], list[Any]]:
    inner = typing.get_args(tp)[0]
    inner_hook = conv.get_unstructure_hook(inner)
    return lambda value: [inner_hook(item) for item in value]


_FAST: cattrs.Converter | None = None
_DETAILED: cattrs.Converter | None = None


def _fast() -> cattrs.Converter:
    global _FAST
    if _FAST is None:
        _FAST = make_converter(detailed=False)
    return _FAST


def _detailed() -> cattrs.Converter:
    global _DETAILED
    if _DETAILED is None:
        _DETAILED = make_converter(detailed=True)
    return _DETAILED


def problems_from(exc: BaseException, path: str = "") -> list[Problem]:
    """Flatten a (nested) cattrs failure into problems with paths like ``states[3].signed``."""
    if isinstance(exc, ForbiddenExtraKeysError):
        keys = ", ".join(sorted(repr(k) for k in exc.extra_fields))
        return [Problem(path, f"unknown key(s) {keys}")]
    if isinstance(exc, ClassValidationError):
        out: list[Problem] = []
        for sub in exc.exceptions:
            name = _note_attr(sub, "name")
            sub_path = f"{path}.{name}" if name and path else (name or path)
            out.extend(problems_from(sub, sub_path))
        return out
    if isinstance(exc, IterableValidationError):
        out = []
        for sub in exc.exceptions:
            index = _note_attr(sub, "index")
            sub_path = f"{path}[{index}]" if index is not None else path
            out.extend(problems_from(sub, sub_path))
        return out
    if isinstance(exc, KeyError):
        return [Problem(path, "required field missing")]
    message = str(exc) or type(exc).__name__
    return [Problem(path, message)]


def _note_attr(exc: BaseException, attr: str) -> Any:
    for note in getattr(exc, "__notes__", ()):
        if hasattr(note, attr):
            return getattr(note, attr)
    return None


def structure(data: object, cls: type[T], *, source: str | None = None, path: str = "") -> T:
    """Build ``cls`` from plain data, or raise ``DataValidationError`` naming every bad path."""
    try:
        return _fast().structure(data, cls)
    except Exception:
        pass
    try:
        result = _detailed().structure(data, cls)
    except Exception as exc:
        raise DataValidationError(problems_from(exc, path), source=source) from None
    return result  # pragma: no cover - the fast path failed but the detailed one did not


def to_dict(obj: object) -> Any:
    """Turn a model (or a tuple of models) into plain JSON-ready data."""
    return _fast().unstructure(obj)


def from_dict(data: object, cls: type[T]) -> T:
    """Build a ``cls`` from plain data; raises ``DataValidationError`` on bad input."""
    return structure(data, cls)
