"""The calendar of the UN General Assembly: which regular session a year or a date belongs to.

Session ``N`` opens in September of ``1945 + N`` and sits until the next one opens, so its
recorded votes fall between September of ``1945 + N`` and September of ``1946 + N``: the 77th
session voted in the First Committee in October and November 2022 and in plenary on 7 December
2022. The first session is the exception: it opened in London in January 1946. Emergency special
and special sessions (``ES-10``, ``S-27``) meet while a regular session sits; they belong to the
regular session whose window holds their date.

>>> session_of_year(2022), year_of_session(77)
(77, 2022)
>>> import datetime
>>> session_of_date(datetime.date(2022, 12, 7)), session_of_date(datetime.date(2023, 3, 2))
(77, 77)
>>> session_window(77)
(datetime.date(2022, 9, 1), datetime.date(2023, 9, 30))
"""

from __future__ import annotations

import datetime as _dt
import re

import attrs

from apmbc.domain._lazy import lazy_compile
from apmbc.domain.numbers import ordinal
from apmbc.errors import ArgumentError, ArgumentTypeError

__all__ = [
    "FIRST_SESSION_YEAR",
    "LAST_SESSION",
    "FoundSession",
    "date_in_session",
    "find_sessions",
    "session_of_date",
    "session_of_year",
    "session_read_as_year",
    "session_window",
    "sessions_in_year",
    "year_of_session",
]

FIRST_SESSION_YEAR = 1945
"""Session ``N`` opens in September of ``FIRST_SESSION_YEAR + N``."""
_FIRST_SESSION_START = _dt.date(1946, 1, 1)
"""The first session opened in January 1946; nothing earlier belongs to any session."""
LAST_SESSION = 8053
"""The last session whose window ``datetime.date`` can hold (it ends in September 9999)."""


def _check_session(session: object) -> int:
    if isinstance(session, bool) or not isinstance(session, int):
        raise ArgumentTypeError(f"a session is a whole number, not {type(session).__name__}")
    if not 1 <= session <= LAST_SESSION:
        raise ArgumentError(
            f"there is no General Assembly session {session} (sessions run from 1, in 1946, "
            f"to {LAST_SESSION})"
        )
    return session


def _check_year(year: object) -> int:
    if isinstance(year, bool) or not isinstance(year, int):
        raise ArgumentTypeError(f"a year is a whole number, not {type(year).__name__}")
    if not FIRST_SESSION_YEAR + 1 <= year <= FIRST_SESSION_YEAR + LAST_SESSION:
        raise ArgumentError(f"no General Assembly session opens in {year}")
    return year


def session_of_year(year: int) -> int:
    """The regular session that opens in September of ``year`` and votes in its autumn.

    A bare year on a page ("Abstained - 2022") is the plenary vote of that autumn: session
    ``year - 1945``.
    """
    return _check_year(year) - FIRST_SESSION_YEAR


def year_of_session(session: int) -> int:
    """The year session ``session`` opens (and votes on the annual resolution): ``1945 + N``."""
    return _check_session(session) + FIRST_SESSION_YEAR


def session_of_date(day: _dt.date) -> int:
    """The regular session sitting on ``day``: from September of ``1945 + N``, session ``N``.

    A date from 1 September on counts in the session that opens that month (the opening itself
    falls in the second or third week; votes in the first days of September are rare and
    :func:`date_in_session` accepts them for either session). Dates in 1946 before September
    are the first part of the first session. Raises :class:`~apmbc.errors.ArgumentError` for a
    date before 1946, and for one after 9999-09-30: the session opening in September 9999 would
    end beyond the calendar, so :data:`LAST_SESSION` is the last, and September 9999 is its.
    """
    if isinstance(day, _dt.datetime) or not isinstance(day, _dt.date):
        raise ArgumentTypeError(f"expected a date, not {type(day).__name__}")
    if day < _FIRST_SESSION_START:
        raise ArgumentError(f"{day.isoformat()} is before the first General Assembly session")
    session = day.year - FIRST_SESSION_YEAR - (0 if day.month >= 9 else 1)
    if session > LAST_SESSION:
        last_day = _dt.date(FIRST_SESSION_YEAR + LAST_SESSION + 1, 9, 30)
        if day <= last_day:
            return LAST_SESSION
        raise ArgumentError(
            f"{day.isoformat()} falls in no General Assembly session the calendar holds (the "
            f"last, {LAST_SESSION}, ends on {last_day.isoformat()})"
        )
    return max(session, 1)


def session_window(session: int) -> tuple[_dt.date, _dt.date]:
    """The first and last day a recorded vote of session ``session`` may bear.

    From 1 September of ``1945 + N`` to 30 September of ``1946 + N``: generous at both ends,
    since a session's last meetings and the next one's first overlap in September.
    """
    _check_session(session)
    first = _FIRST_SESSION_START if session == 1 else _dt.date(FIRST_SESSION_YEAR + session, 9, 1)
    return first, _dt.date(FIRST_SESSION_YEAR + session + 1, 9, 30)


def sessions_in_year(year: int) -> tuple[int, ...]:
    """The regular sessions that sit in ``year``: the one opened the September before, and the
    one that opens in its September (only the first in 1946)."""
    _check_year(year)
    return tuple(s for s in (year - FIRST_SESSION_YEAR - 1, year - FIRST_SESSION_YEAR) if s >= 1)


def session_read_as_year(number: int, today: _dt.date) -> int | None:
    """The session ``number`` stands for when it cannot be a session but is a year: ``2022``
    given as a session is the 77th session, which voted in 2022.

    A number is read as a year when session ``number`` would open after ``today``'s year (so
    nothing of it can be recorded yet) and a session opens in the year ``number`` (1946 to
    9998); the result is :func:`session_of_year` of it. ``None`` for a session that may have
    sat by ``today``, and for a number that is neither (``0``, ``150`` in 2026).

    >>> import datetime
    >>> today = datetime.date(2026, 6, 30)
    >>> session_read_as_year(2022, today), session_read_as_year(77, today)
    (77, None)
    >>> session_read_as_year(150, today) is None
    True
    """
    if isinstance(number, bool) or not isinstance(number, int):
        raise ArgumentTypeError(f"a session is a whole number, not {type(number).__name__}")
    if isinstance(today, _dt.datetime) or not isinstance(today, _dt.date):
        raise ArgumentTypeError(f"today must be a date, not {type(today).__name__}")
    if number < 1 or FIRST_SESSION_YEAR + number <= today.year:
        return None  # not a session at all, or one that may have sat by today
    if not FIRST_SESSION_YEAR + 1 <= number <= FIRST_SESSION_YEAR + LAST_SESSION:
        return None
    return session_of_year(number)


def date_in_session(day: _dt.date, session: int) -> bool:
    """Whether a vote dated ``day`` can belong to session ``session`` (:func:`session_window`)."""
    first, last = session_window(session)
    return first <= day <= last


# -- sessions written in words ---------------------------------------------------------------

_SESSION_WORDS = lazy_compile(
    r"\b(?P<words>[A-Za-z]{3,12}(?:[-‐‑ ][A-Za-z]{3,12})?)\s+session\b"
    r"|\b(?P<num>\d{1,2})(?:st|nd|rd|th)\s+session\b"
    r"|\bsession\s+(?P<after>\d{1,2})\b",
    re.IGNORECASE,
)


@attrs.frozen
class FoundSession:
    """A session named in a text: its span and number."""

    start: int
    end: int
    session: int


def find_sessions(text: str, limit: int = 20) -> list[FoundSession]:
    """Sessions written out: ``Seventy-seventh session``, ``77th session``, ``session 77``."""
    found: list[FoundSession] = []
    for match in _SESSION_WORDS.finditer(text):
        if match.group("words"):
            words = match.group("words")
            start = match.start("words")
            number = ordinal(words)
            if number is None:
                parts = re.split(r"[-‐‑ ]", words)
                if len(parts) > 1:
                    number = ordinal(parts[-1])
                    start = match.end("words") - len(parts[-1])
            if number is None:
                continue
        else:
            number = int(match.group("num") or match.group("after"))
            start = match.start()
        if number < 1:
            continue
        found.append(FoundSession(start, match.end(), number))
        if len(found) >= limit:
            break
    return found
