"""Enum arguments given as strings: one coercion for every ``forum=``, ``position=``, ``status=``.

>>> forum("First Committee"), position("ABSTAIN")
(<Forum.FIRST_COMMITTEE: 'first_committee'>, <VotePosition.ABSTAIN: 'abstain'>)
>>> forum("plenum")
Traceback (most recent call last):
...
apmbc.errors.ArgumentError: invalid forum 'plenum': expected one of 'plenary', 'first_committee'
"""

from __future__ import annotations

import enum
from typing import TypeVar

from apmbc.errors import ArgumentError, ArgumentTypeError
from apmbc.models import Forum, MeetingKind, TreatyStatus, VotePosition

__all__ = ["choice", "forum", "meeting_kind", "position", "status"]

E = TypeVar("E", bound=enum.Enum)


def choice(cls: type[E], value: object, argument: str) -> E:
    """``value`` as a member of ``cls``: the member itself, or its value or name as a string in
    any case, with spaces or hyphens for underscores (``"First Committee"``).

    Raises :class:`~apmbc.errors.ArgumentError` (a ``ValueError``) listing the valid values, or
    :class:`~apmbc.errors.ArgumentTypeError` for a value that is not a string.
    """
    if isinstance(value, cls):
        return value
    allowed = ", ".join(repr(m.value) for m in cls)
    if not isinstance(value, str):
        raise ArgumentTypeError(
            f"{argument} must be one of {allowed} (a string), not {type(value).__name__}"
        )
    key = value.strip().lower().replace("-", "_").replace(" ", "_")
    for member in cls:
        if key in (str(member.value).lower(), member.name.lower()):
            return member
    shown = value if len(value) <= 40 else value[:37] + "..."
    raise ArgumentError(f"invalid {argument} {shown!r}: expected one of {allowed}")


def forum(value: object) -> Forum:
    """A :class:`~apmbc.models.Forum` from ``plenary``/``first_committee`` or the member."""
    return choice(Forum, value, "forum")


def position(value: object) -> VotePosition:
    """A :class:`~apmbc.models.VotePosition` from ``yes``/``no``/``abstain``/``absent``."""
    return choice(VotePosition, value, "position")


def status(value: object) -> TreatyStatus:
    """A :class:`~apmbc.models.TreatyStatus` from its value (``party``...) or the member."""
    return choice(TreatyStatus, value, "status")


def meeting_kind(value: object) -> MeetingKind:
    """A :class:`~apmbc.models.MeetingKind` from its value (``msp``...) or the member."""
    return choice(MeetingKind, value, "meeting kind")
