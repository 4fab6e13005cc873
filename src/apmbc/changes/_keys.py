"""The key of a record in its table: what :func:`~apmbc.changes.diff` matches records by and what
:func:`~apmbc.changes.merge` folds them by (one home for both).

============ ================================================================================
table        key
============ ================================================================================
states       ``code``
meetings     ``code``
resolutions  ``(session, forum, record)``: the roll call (:attr:`Resolution.roll_call`; no record
             for the Convention's resolution)
votes        ``(state, session, forum, record)``: the State and the roll call
             (:attr:`Vote.roll_call`)
attendances  ``(state, meeting, attended)``: one fact per State, meeting and answer, whatever
             its sources (two sources that disagree give two facts)
statements   ``(state, context, meeting, session, year, text)``, the text with its runs of
             spaces collapsed (:func:`~apmbc.domain.names.collapse_spaces`)
============ ================================================================================

>>> from apmbc.models import Attendance, Forum
>>> key_of("attendances", Attendance(state="CUB", meeting="13MSP", attended=True))
('CUB', '13MSP', True)
>>> label("votes", ("CUB", 77, Forum.PLENARY, None))
'CUB 77 plenary'
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from typing import Any

from apmbc.domain.names import collapse_spaces

__all__ = ["KEY_FIELDS", "TABLES", "Key", "key_of", "keys", "label"]

Key = tuple[Any, ...]
"""A record's key: a tuple of its key fields' values, in the order of :data:`KEY_FIELDS`."""

KEY_FIELDS: dict[str, tuple[str, ...]] = {
    "states": ("code",),
    "meetings": ("code",),
    "resolutions": ("session", "forum", "record"),
    "votes": ("state", "session", "forum", "record"),
    "attendances": ("state", "meeting", "attended"),
    "statements": ("state", "context", "meeting", "session", "year", "text"),
}
"""The names of the parts of each table's key."""

TABLES: tuple[str, ...] = tuple(KEY_FIELDS)
"""The six tables, in the order of a dataset file."""

_KEYS: dict[str, Callable[[Any], Key]] = {
    "states": lambda r: (r.code,),
    "meetings": lambda r: (r.code,),
    "resolutions": lambda r: r.roll_call,
    "votes": lambda r: (r.state, *r.roll_call),
    "attendances": lambda r: (r.state, r.meeting, r.attended),
    "statements": lambda r: (
        r.state,
        r.context,
        r.meeting,
        r.session,
        r.year,
        collapse_spaces(r.text),
    ),
}


def keys(table: str) -> Callable[[Any], Key]:
    """The function that gives a record of ``table`` its key."""
    return _KEYS[table]


def key_of(table: str, record: Any) -> Key:
    """The key of ``record`` in ``table``."""
    return _KEYS[table](record)


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 3] + "..."


def _key_part(name: str, value: object) -> str:
    if value is None:
        return "-"
    if isinstance(value, bool):
        return f"{name}={'yes' if value else 'no'}"
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, str) and name == "text":
        return repr(_clip(value, 40))
    return str(value)


def label(table: str, key: Key) -> str:
    """A key as reports show it, e.g. ``CUB 77 plenary`` (an unknown record id left out)."""
    return " ".join(
        _key_part(n, v)
        for n, v in zip(KEY_FIELDS[table], key, strict=True)
        if not (n == "record" and v is None)
    )
