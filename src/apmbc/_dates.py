"""Forgiving date input over a strict core: ``date``, ISO strings, then ``dateutil`` forms."""

from __future__ import annotations

import datetime as _dt

__all__ = ["to_date"]

_PROBE_A = _dt.datetime(2000, 1, 1)
_PROBE_B = _dt.datetime(2001, 2, 2)


def to_date(value: object) -> _dt.date:
    """Return ``value`` as a ``datetime.date``.

    Accepts a ``date`` (not a ``datetime``), an ISO string ``YYYY-MM-DD`` (the fast path), or a
    complete date in words or numbers such as ``"7 December 2022"`` or ``"07/12/2022"`` (day
    first). Raises ``ValueError`` naming the input when the value is not a complete, real date.
    """
    if isinstance(value, _dt.datetime):
        raise TypeError(f"expected a date, got a datetime {value!r}")
    if isinstance(value, _dt.date):
        return value
    if not isinstance(value, str):
        raise TypeError(f"expected a date or a date string, got {type(value).__name__}")
    text = value.strip()
    if len(text) == 10 and text[4] == "-" and text[7] == "-":
        try:
            return _dt.date.fromisoformat(text)
        except ValueError:
            raise ValueError(f"invalid date {value!r}: no such day (expected YYYY-MM-DD)") from None
    if not text or len(text) > 64 or not any(ch.isdigit() for ch in text):
        raise ValueError(f"invalid date {value!r}: expected YYYY-MM-DD or e.g. '7 December 2022'")
    return _parse_words(value, text)


def _parse_words(value: str, text: str) -> _dt.date:
    from dateutil import parser  # imported only when a non-ISO date is met

    try:
        first = parser.parse(text, dayfirst=True, default=_PROBE_A)
        second = parser.parse(text, dayfirst=True, default=_PROBE_B)
    except (ValueError, OverflowError) as exc:
        raise ValueError(f"invalid date {value!r}: {exc}") from None
    if first != second:
        raise ValueError(f"invalid date {value!r}: incomplete (needs a day, a month and a year)")
    if first.time() != _dt.time(0, 0) or first.tzinfo is not None:
        raise ValueError(f"invalid date {value!r}: expected a date without a time")
    return first.date()
