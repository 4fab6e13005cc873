"""Dates: forgiving input over a strict core, and the dates and years written in a text.

>>> to_date("7 December 2022"), to_date("2022-12-07") == to_date("07/12/2022")
(datetime.date(2022, 12, 7), True)
>>> [d.date.isoformat() for d in find_dates("adopted on 7 December 2022 (A/77/PV.48)")]
['2022-12-07']
>>> [(y.first, y.last) for y in find_years("(17MSP, 2018) and (IM, 2019-2020)")]
[(2018, 2018), (2019, 2020)]
>>> [(r.first, r.last) for r in find_date_ranges("Geneva, 20-24 November 2023")]
[(datetime.date(2023, 11, 20), datetime.date(2023, 11, 24))]
>>> utc_text(to_utc("2026-12-08T09:30:00+01:00"))
'2026-12-08T08:30:00Z'
"""

from __future__ import annotations

import datetime as _dt
import re

import attrs

from apmbc.domain._lazy import lazy_compile
from apmbc.errors import ArgumentError, ArgumentTypeError

__all__ = [
    "FoundDate",
    "FoundDateRange",
    "FoundYears",
    "ambiguous_date",
    "find_date_ranges",
    "find_dates",
    "find_years",
    "month_of",
    "to_date",
    "to_utc",
    "utc_text",
]

_PROBE_A = _dt.datetime(2000, 1, 1)
_PROBE_B = _dt.datetime(2001, 2, 2)


def to_date(value: object) -> _dt.date:
    """Return ``value`` as a ``datetime.date``.

    Accepts a ``date`` (not a ``datetime``), an ISO string ``YYYY-MM-DD`` (the fast path), or a
    complete date in words or numbers such as ``"7 December 2022"`` or ``"07/12/2022"`` (day
    first). Raises :class:`~apmbc.errors.ArgumentError` (a ``ValueError``) naming the input when
    the value is not a complete, real date, and :class:`~apmbc.errors.ArgumentTypeError` (a
    ``TypeError``) for a value that is not a date or a string.
    """
    if isinstance(value, _dt.datetime):
        raise ArgumentTypeError(f"expected a date, got a datetime {value!r}")
    if isinstance(value, _dt.date):
        return value
    if not isinstance(value, str):
        raise ArgumentTypeError(f"expected a date or a date string, got {type(value).__name__}")
    text = value.strip()
    if len(text) == 10 and text[4] == "-" and text[7] == "-":
        try:
            return _dt.date.fromisoformat(text)
        except ValueError:
            raise ArgumentError(
                f"invalid date {_shown(value)}: no such day (expected YYYY-MM-DD)"
            ) from None
    if not text or len(text) > 64 or not any(ch.isdigit() for ch in text):
        raise ArgumentError(
            f"invalid date {_shown(value)}: expected YYYY-MM-DD or e.g. '7 December 2022'"
        )
    return _parse_words(value, text)


_UTC_TEXT = lazy_compile(
    r"(?P<date>\d{4}-\d{2}-\d{2})[T ](?P<time>\d{2}:\d{2}(?::\d{2})?)(?:[.,]\d{1,9})?"
    r"(?P<zone>Z|[+-]\d{2}:?\d{2})",
    re.IGNORECASE,
)


def to_utc(value: object) -> _dt.datetime:
    """Return ``value`` as a moment in UTC: a ``datetime`` whose zone is UTC, to the second.

    Accepts a ``datetime`` that knows its zone (converted to UTC) or an ISO 8601 text with a
    zone: ``2026-12-08T08:30:00Z``, ``2026-12-08T09:30:00+01:00`` (``Z`` or an offset; a space
    may stand for ``T``; seconds and their fractions may be left out). Fractions of a second are
    dropped. A time without a zone says no moment, so it is refused: raises
    :class:`~apmbc.errors.ArgumentError` (a ``ValueError``) naming the input for a naive
    ``datetime`` or a text that is not such a time, and :class:`~apmbc.errors.ArgumentTypeError`
    for a value that is neither (a ``date`` alone is not a moment either).
    """
    if isinstance(value, _dt.datetime):
        moment = value
    elif isinstance(value, str):
        text = value.strip()
        match = _UTC_TEXT.fullmatch(text) if len(text) <= 40 else None
        if match is None:
            raise ArgumentError(
                f"invalid time {_shown(value)}: expected an ISO 8601 time with its zone, "
                "such as '2026-12-08T08:30:00Z'"
            )
        zone = match.group("zone").upper()
        if zone != "Z" and ":" not in zone:
            zone = f"{zone[:3]}:{zone[3:]}"
        iso = f"{match.group('date')}T{match.group('time')}{'+00:00' if zone == 'Z' else zone}"
        try:
            moment = _dt.datetime.fromisoformat(iso)
        except ValueError:
            raise ArgumentError(f"invalid time {_shown(value)}: no such day or hour") from None
    else:
        raise ArgumentTypeError(f"expected a datetime or an ISO time, got {type(value).__name__}")
    offset = moment.utcoffset()
    if offset is None:
        raise ArgumentError(
            f"invalid time {_shown(str(value))}: it has no zone; give it in UTC ('...Z') or with "
            "its offset"
        )
    try:
        return (moment - offset).replace(tzinfo=_dt.timezone.utc, microsecond=0)
    except OverflowError:
        raise ArgumentError(f"invalid time {_shown(str(value))}: beyond the calendar") from None


def utc_text(moment: _dt.datetime) -> str:
    """``moment`` (see :func:`to_utc`) as ISO 8601 text in UTC, to the second:
    ``2026-12-08T08:30:00Z``."""
    return to_utc(moment).isoformat().removesuffix("+00:00") + "Z"


_NUMERIC_DATE = lazy_compile(r"(\d{1,2})([/.-])(\d{1,2})\2(\d{4})")


def ambiguous_date(text: str) -> bool:
    """Whether ``text`` is a date in figures alone that reads as two days: ``07/12/2022`` is
    7 December day first, 12 July month first. :func:`to_date` reads it day first; a reader of
    files written elsewhere (a spreadsheet saved in the United States) may rather leave such a
    date unknown. ``2022-12-07``, ``25/12/2022`` and ``05/05/2022`` are not ambiguous.
    """
    match = _NUMERIC_DATE.fullmatch(text.strip())
    if match is None:
        return False
    first, second = int(match.group(1)), int(match.group(3))
    return first != second and 1 <= first <= 12 and 1 <= second <= 12


def _shown(value: str) -> str:
    return repr(value if len(value) <= 60 else value[:57] + "...")


def _parse_words(value: str, text: str) -> _dt.date:
    from dateutil import parser  # imported only when a non-ISO date is met

    try:
        first = parser.parse(text, dayfirst=True, default=_PROBE_A)
        second = parser.parse(text, dayfirst=True, default=_PROBE_B)
    except (ValueError, OverflowError) as exc:
        raise ArgumentError(f"invalid date {_shown(value)}: {exc}") from None
    if first != second:
        raise ArgumentError(
            f"invalid date {_shown(value)}: incomplete (needs a day, a month and a year)"
        )
    if first.time() != _dt.time(0, 0) or first.tzinfo is not None:
        raise ArgumentError(f"invalid date {_shown(value)}: expected a date without a time")
    return first.date()


# -- dates and years in running text -------------------------------------------------------------

MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
"""Month numbers by the first three letters of the English month name."""

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_MONTH_WORD = lazy_compile(_MONTH + r"\.?", re.IGNORECASE)


def month_of(word: str) -> int | None:
    """The month an English month name or its abbreviation names (``"Sept."`` -> 9), else
    ``None``."""
    text = word.strip()
    if len(text) > 12 or _MONTH_WORD.fullmatch(text) is None:
        return None
    return MONTHS[text[:3].lower()]


_DATE = lazy_compile(
    rf"\b(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m1>{_MONTH})\.?,?\s+(?P<y1>\d{{4}})"
    rf"|(?P<m2>{_MONTH})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{{4}})"
    r"|(?P<y3>\d{4})-(?P<m3>\d{2})-(?P<d3>\d{2}))\b",
    re.IGNORECASE,
)
_YEARS = lazy_compile(
    r"(?<![\d/.\-–—])(?P<first>19[4-9]\d|20\d\d)"
    r"(?:\s?[-–—/]\s?(?P<last>19[4-9]\d|20\d\d|\d\d))?(?![\d/])"
)


@attrs.frozen
class FoundDate:
    """A date written in a text: its span, the date (``None`` if there is no such day), the text."""

    start: int
    end: int
    date: _dt.date | None
    text: str


@attrs.frozen
class FoundYears:
    """A year (``2018``) or a range of years (``2018-2019``, ``2018/19``) written in a text."""

    start: int
    end: int
    first: int
    last: int
    """The same as ``first`` for a single year."""

    @property
    def years(self) -> range:
        """Every year the mention covers."""
        return range(self.first, self.last + 1)


def find_dates(text: str, limit: int = 20) -> list[FoundDate]:
    """Every date in ``text``: ``7 December 2022``, ``December 7, 2022``, ``2022-12-07``."""
    found: list[FoundDate] = []
    for match in _DATE.finditer(text):
        groups = match.groupdict()
        for n in "123":
            if groups[f"y{n}"]:
                year, month_text, day = groups[f"y{n}"], groups[f"m{n}"], groups[f"d{n}"]
                break
        month = int(month_text) if month_text.isdigit() else MONTHS[month_text[:3].lower()]
        try:
            value: _dt.date | None = _dt.date(int(year), month, int(day))
        except ValueError:
            value = None
        found.append(FoundDate(match.start(), match.end(), value, match.group()))
        if len(found) >= limit:
            break
    return found


def find_years(text: str, limit: int = 200) -> list[FoundYears]:
    """Four-digit years 1940..2099 standing alone, and ranges of them (``2018-2019``, ``2018/19``).

    A range reads as one mention covering its years; a second year that is not after the first
    (``2019-2018``) leaves the two as they are, unread as a range.
    """
    found: list[FoundYears] = []
    pos = 0
    while len(found) < limit:
        match = _YEARS.search(text, pos)
        if match is None:
            break
        first = int(match.group("first"))
        last_text = match.group("last")
        last, end = first, match.end()
        if last_text is not None:
            last = int(last_text) if len(last_text) == 4 else first // 100 * 100 + int(last_text)
            if last <= first:  # not a range: the first year alone, then go on after it
                last, end = first, match.end("first")
        found.append(FoundYears(match.start(), end, first, last))
        pos = end
    return found


_RANGE_DASH = r"\s{0,3}(?:-|–|—|‐|‑|\bto\b|\buntil\b|\btill\b)\s{0,3}"
_RANGE = lazy_compile(
    rf"\b(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?:\s{{1,3}}(?P<m1>{_MONTH})\.?"
    rf"(?:,?\s{{1,3}}(?P<y1>\d{{4}}))?)?{_RANGE_DASH}"
    rf"(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s{{1,3}}(?P<m2>{_MONTH})\.?,?\s{{1,3}}(?P<y2>\d{{4}})\b"
    rf"|\b(?P<m3>{_MONTH})\.?\s{{1,3}}(?P<d3>\d{{1,2}})(?:st|nd|rd|th)?{_RANGE_DASH}"
    rf"(?:(?P<m4>{_MONTH})\.?\s{{1,3}})?(?P<d4>\d{{1,2}})(?:st|nd|rd|th)?,?\s{{1,3}}(?P<y3>\d{{4}})\b",
    re.IGNORECASE,
)


@attrs.frozen
class FoundDateRange:
    """A span of days written in a text, such as a meeting's dates: its span in the text, the
    first and last days (both ``None`` when they are no real days or the last comes before the
    first), and the text as written."""

    start: int
    end: int
    first: _dt.date | None
    last: _dt.date | None
    text: str


def _month(text: str) -> int:
    return MONTHS[text[:3].lower()]


def find_date_ranges(text: str, limit: int = 20) -> list[FoundDateRange]:
    """Every range of days in ``text``, as meetings' dates are written: ``20-24 November 2023``,
    ``20 to 24 November 2023``, ``28 November - 2 December 2005``, ``27 December 2024 to
    3 January 2025``, ``November 20-24, 2023``. A single date is not a range (see
    :func:`find_dates`).
    """
    found: list[FoundDateRange] = []
    for match in _RANGE.finditer(text):
        g = match.groupdict()
        if g["d1"] is not None:
            last_year, last_month, last_day = int(g["y2"]), _month(g["m2"]), int(g["d2"])
            first_month = _month(g["m1"]) if g["m1"] else last_month
            first_year = int(g["y1"]) if g["y1"] else last_year
            first_day = int(g["d1"])
            if g["m1"] and not g["y1"] and first_month > last_month:
                first_year -= 1  # "28 December to 3 January 2025"
        else:
            last_year = first_year = int(g["y3"])
            first_month = _month(g["m3"])
            last_month = _month(g["m4"]) if g["m4"] else first_month
            first_day, last_day = int(g["d3"]), int(g["d4"])
        try:
            first: _dt.date | None = _dt.date(first_year, first_month, first_day)
            last: _dt.date | None = _dt.date(last_year, last_month, last_day)
        except ValueError:
            first = last = None
        if first is not None and last is not None and last < first:
            first = last = None
        found.append(FoundDateRange(match.start(), match.end(), first, last, match.group()))
        if len(found) >= limit:
            break
    return found
