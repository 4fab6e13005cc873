"""Cells of roll-call tables: missing values, whole numbers, flags and vote codes."""

from __future__ import annotations

import re

from apmbc.domain.choices import position as as_position
from apmbc.errors import ArgumentError
from apmbc.models import VotePosition

__all__ = [
    "NOT_A_MEMBER",
    "VOETEN_VOTE_CODES",
    "flag",
    "is_missing",
    "unvotes_vote",
    "voeten_vote",
    "whole_number",
]

_MISSING = frozenset({"", "na", "n/a", "nan", "null", "none", "."})
"""How R (``NA``), pandas (``nan``, empty), Stata (``.``) and others write a missing value."""


def is_missing(text: str) -> bool:
    """Whether a cell holds no value (empty, ``NA``, ``nan``, ``NULL``, ``.``).

    Not for ISO codes: ``NA`` is Namibia's alpha-2 code.
    """
    return len(text) <= 6 and text.strip().lower() in _MISSING


_FLOAT_INT = re.compile(r"\d{1,18}\.0{0,6}")


def whole_number(text: str) -> int | None:
    """A non-negative whole number (``12``, or ``12.0`` as spreadsheets and R write it), ``None``
    when the cell is missing; raises ``ValueError`` otherwise."""
    stripped = text.strip()
    if is_missing(stripped):
        return None
    if stripped.isascii() and stripped.isdigit() and len(stripped) <= 18:
        return int(stripped)
    if stripped.isascii() and _FLOAT_INT.fullmatch(stripped):
        return int(stripped.split(".", 1)[0])
    shown = stripped if len(stripped) <= 30 else stripped[:27] + "..."
    raise ValueError(f"expected a whole number, got {shown!r}")


_TRUE = frozenset({"1", "1.0", "true", "t", "yes", "y"})
_FALSE = frozenset({"0", "0.0", "false", "f", "no", "n"})


def flag(text: str) -> bool | None:
    """A yes/no cell (``1``/``0``, ``TRUE``/``FALSE``...), ``None`` when missing; raises
    ``ValueError`` otherwise."""
    key = text.strip().lower()
    if key in _TRUE:
        return True
    if key in _FALSE:
        return False
    if is_missing(key):
        return None
    shown = key if len(key) <= 30 else key[:27] + "..."
    raise ValueError(f"expected 1 or 0 (or TRUE or FALSE), got {shown!r}")


NOT_A_MEMBER = 9
"""Voeten's code for a State that was not a UN member at the time: no record, not an absence."""

VOETEN_VOTE_CODES: dict[int, VotePosition | None] = {
    1: VotePosition.YES,
    2: VotePosition.ABSTAIN,
    3: VotePosition.NO,
    8: VotePosition.ABSENT,
    NOT_A_MEMBER: None,
}
"""Voeten's vote codes: 1 yes, 2 abstain, 3 no, 8 absent, 9 not a member (no record)."""


def voeten_vote(text: str) -> VotePosition | None:
    """The position a Voeten vote code stands for; ``None`` for 9 (not a member); raises
    ``ValueError`` for anything else."""
    try:
        code = whole_number(text)
    except ValueError:
        code = None
    if code is None or code not in VOETEN_VOTE_CODES:
        shown = text if len(text) <= 30 else text[:27] + "..."
        raise ValueError(
            f"unknown vote code {shown!r} (expected 1 yes, 2 abstain, 3 no, 8 absent or "
            "9 not a member)"
        )
    return VOETEN_VOTE_CODES[code]


_UNVOTES_POSITIONS = (VotePosition.YES, VotePosition.NO, VotePosition.ABSTAIN)


def unvotes_vote(text: str) -> VotePosition:
    """The position an unvotes vote (``yes``, ``no``, ``abstain``, any case) stands for; raises
    ``ValueError`` for anything else, ``absent`` included (unvotes records no absences)."""
    try:
        found = as_position(text.strip())
    except ArgumentError:
        found = None
    if found is None or found not in _UNVOTES_POSITIONS:
        shown = text if len(text) <= 30 else text[:27] + "..."
        raise ValueError(f"unknown vote {shown!r} (unvotes records yes, no or abstain)")
    return found
