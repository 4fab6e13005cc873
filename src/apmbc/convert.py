"""The one place that knows cattrs: ``make_converter()`` and the helpers built on it.

Structuring is strict: unknown keys are rejected, strings are not numbers, a list is not a
string, enums are read by value, dates are ISO strings (or complete dates in words, read with
``dateutil``), moments are ISO 8601 times with their zone (written in UTC, ``...Z``). Every
failure becomes a :class:`~apmbc.errors.DataValidationError` whose problems name the path, e.g.
``states[3].signed: invalid date '2022-13-01' ...``.
"""

from __future__ import annotations

import datetime as _dt
import enum
import threading
import types
import typing
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from apmbc import models
from apmbc._structure import (
    json_type,
    structure_bool,
    structure_date,
    structure_datetime,
    structure_fast,
    structure_int,
    structure_str,
)
from apmbc.errors import ArgumentTypeError, DataValidationError, Problem, shown

if TYPE_CHECKING:
    import cattrs

__all__ = ["from_dict", "make_converter", "problems_from", "structure", "to_dict"]

T = TypeVar("T")


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
        raise ValueError(f"invalid {cls.__name__} {shown(value)}: expected one of {allowed}")

    return hook


def _enum_value(member: enum.Enum) -> Any:
    return member._value_  # what the ``value`` property reads, without the property's cost


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
    from cattrs.errors import IterableValidationError, IterableValidationNote

    inner = typing.get_args(tp)[0]
    inner_hook = conv.get_structure_hook(inner)

    def hook(value: object, _: Any) -> tuple[Any, ...]:
        if not isinstance(value, (list, tuple)):
            raise TypeError(f"expected a list, got {json_type(value)}")
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
    from cattrs.gen import make_dict_structure_fn

    base: Callable[[Any, Any], Any] = make_dict_structure_fn(
        cls,
        conv,
        _cattrs_forbid_extra_keys=True,
        _cattrs_detailed_validation=conv.detailed_validation,
    )

    def hook(value: object, tp: Any) -> Any:
        if not isinstance(value, dict):
            raise TypeError(f"expected an object, got {json_type(value)}")
        return base(value, tp)

    return hook


def _plain_hook(function: Callable[[object], Any]) -> Callable[[object, type], Any]:
    return lambda value, _: function(value)


def make_converter(*, detailed: bool = True) -> cattrs.Converter:
    """Return a new cattrs converter for apmbc's models. Never changes cattrs' global converter.

    Structuring is strict; with ``detailed=True`` (the default) every failure carries the path
    of the bad value (use :func:`problems_from` to list them). :func:`structure` uses a faster
    engine first and this converter only to report what is wrong.
    """
    import cattrs

    from apmbc.domain.dates import utc_text

    conv = cattrs.Converter(forbid_extra_keys=True, detailed_validation=detailed)
    conv.register_structure_hook(str, _plain_hook(structure_str))
    conv.register_structure_hook(int, _plain_hook(structure_int))
    conv.register_structure_hook(bool, _plain_hook(structure_bool))
    conv.register_structure_hook(_dt.date, _plain_hook(structure_date))
    conv.register_unstructure_hook_func(lambda t: t is _dt.date, _dt.date.isoformat)
    conv.register_structure_hook(_dt.datetime, _plain_hook(structure_datetime))
    conv.register_unstructure_hook_func(lambda t: t is _dt.datetime, utc_text)
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


_CONVERTER: cattrs.Converter | None = None
_LOCK = threading.Lock()


def _converter() -> cattrs.Converter:
    global _CONVERTER
    if _CONVERTER is None:
        with _LOCK:
            if _CONVERTER is None:
                _CONVERTER = make_converter()
    return _CONVERTER


def problems_from(exc: BaseException, path: str = "") -> list[Problem]:
    """Flatten a (nested) cattrs failure into problems with paths like ``states[3].signed``."""
    from cattrs.errors import (
        ClassValidationError,
        ForbiddenExtraKeysError,
        IterableValidationError,
    )

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
    """Build ``cls`` from plain data, or raise ``DataValidationError`` naming every bad path.

    The fast engine (:mod:`apmbc._structure`) builds the records; when it fails, the detailed
    cattrs converter runs to say what is wrong (the two accept exactly the same data).
    """
    try:
        return structure_fast(data, cls)
    except Exception:
        pass
    try:
        result: T = _converter().structure(data, cls)
    except Exception as exc:
        raise DataValidationError(problems_from(exc, path), source=source) from None
    return result  # pragma: no cover - the engines agree; a test holds them to it


_PLAIN_VALUES = (str, int, float, bool, type(None), enum.Enum, _dt.date, tuple, list)


def to_dict(obj: object) -> Any:
    """Turn a model (or a tuple of models, or a :class:`~apmbc.dataset.Dataset`: its document)
    into plain JSON-ready data.

    Raises :class:`~apmbc.errors.ArgumentTypeError` for an object that is not a model.
    """
    from apmbc.dataset import Dataset

    if isinstance(obj, Dataset):
        obj = obj.to_document()
    if not (attrs.has(type(obj)) or isinstance(obj, _PLAIN_VALUES)):
        raise ArgumentTypeError(f"{type(obj).__name__} is not a model record: nothing to convert")
    return _converter().unstructure(obj)


def _is_model_type(cls: object) -> bool:
    if isinstance(cls, type) and attrs.has(cls):
        return True
    args = typing.get_args(cls)
    return _is_homogeneous_tuple(cls) and _is_model_type(args[0])


def from_dict(data: object, cls: type[T]) -> T:
    """Build a ``cls`` (a model class such as :class:`~apmbc.models.State`, or
    ``tuple[State, ...]``) from plain data; raises ``DataValidationError`` on bad input and
    :class:`~apmbc.errors.ArgumentTypeError` for a ``cls`` that is no model."""
    if not _is_model_type(cls):
        raise ArgumentTypeError(
            "cls must be a model class such as apmbc.State (or tuple[State, ...]), "
            f"not {shown(cls)}"
        )
    return structure(data, cls)
