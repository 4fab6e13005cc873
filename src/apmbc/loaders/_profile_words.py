"""The vocabulary of profile pages: ordinals, meeting names, dates, UN sessions and symbols.

Every pattern here is bounded (no nested unbounded repeats), so that a very long line costs
linear time.
"""

from __future__ import annotations

import datetime as _dt
import re

import attrs

from apmbc.models import Forum

__all__ = [
    "DocumentSymbol",
    "FoundDate",
    "find_dates",
    "find_sessions_in_words",
    "find_symbols",
    "find_years",
    "meeting_at",
    "ordinal",
    "session_of_date",
    "session_of_year",
]

FIRST_SESSION_YEAR = 1945
"""Session N of the UN General Assembly opens in September of 1945 + N."""

_UNITS = str.split("first second third fourth fifth sixth seventh eighth ninth")
_TEENS = str.split(
    "tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth "
    "nineteenth"
)
_TENS = {
    20: ("twenty", "twentieth"),
    30: ("thirty", "thirtieth"),
    40: ("forty", "fortieth"),
    50: ("fifty", "fiftieth"),
    60: ("sixty", "sixtieth"),
    70: ("seventy", "seventieth"),
    80: ("eighty", "eightieth"),
    90: ("ninety", "ninetieth"),
}


def _ordinal_table() -> dict[str, int]:
    table: dict[str, int] = {}
    for n, word in enumerate(_UNITS, start=1):
        table[word] = n
    for n, word in enumerate(_TEENS, start=10):
        table[word] = n
    for tens, (cardinal, ordinal_word) in _TENS.items():
        table[ordinal_word] = tens
        for n, unit in enumerate(_UNITS, start=1):
            table[cardinal + unit] = tens + n
    return table


_ORDINALS = _ordinal_table()
_NUMERIC_ORDINAL = re.compile(r"(\d{1,2})(?:st|nd|rd|th)")


def ordinal(words: str) -> int | None:
    """``"Seventy-seventh"`` -> 77, ``"First"`` -> 1, ``"21st"`` -> 21; ``None`` otherwise."""
    numeric = _NUMERIC_ORDINAL.fullmatch(words.strip().lower())
    if numeric is not None:
        value = int(numeric.group(1))
        return value or None
    key = "".join(ch for ch in words.lower() if "a" <= ch <= "z")
    return _ORDINALS.get(key)


# -- meetings -----------------------------------------------------------------------------------

_MEETING_CODE = re.compile(r"(?:the\s+)?(\d{1,2})\s?(MSP|RC)\b", re.IGNORECASE)
_MEETING_NAME = re.compile(
    r"(?:the\s+)?(?P<ord>\d{1,2}(?:st|nd|rd|th)|[A-Za-z]{3,12}(?:[-‐‑ ][A-Za-z]{3,12})?)\s+"
    r"(?P<kind>Meeting\s+of\s+(?:the\s+)?States?[-\s]Parties|Review\s+Conference)\b",
    re.IGNORECASE,
)
_MEETING_NAME_ANYWHERE = re.compile(
    r"\b(?P<ord>\d{1,2}(?:st|nd|rd|th)|[A-Za-z]{3,12}(?:[-‐‑ ][A-Za-z]{3,12})?)\s+"
    r"(?P<kind>Meeting\s+of\s+(?:the\s+)?States?[-\s]Parties|Review\s+Conference)\b",
    re.IGNORECASE,
)
_MEETING_CODE_ANYWHERE = re.compile(r"\b(\d{1,2})\s?(MSP|RC)\b", re.IGNORECASE)


def _code(number: int, kind: str) -> str | None:
    if number < 1:
        return None
    return f"{number}{'RC' if kind.lower().startswith(('rc', 'review')) else 'MSP'}"


def _name_code(match: re.Match[str]) -> str | None:
    words = match.group("ord")
    number = ordinal(words)
    if number is None:
        parts = re.split(r"[-‐‑ ]", words)
        number = ordinal(parts[-1]) if len(parts) > 1 else None
    return None if number is None else _code(number, match.group("kind"))


def meeting_at(text: str, pos: int) -> tuple[str, int] | None:
    """The canonical code of a meeting written at ``text[pos:]`` and where it ends, or ``None``.

    Reads ``7MSP``, ``7 MSP``, ``1RC``, ``Seventh Meeting of the States Parties`` and ``First
    Review Conference`` (case-insensitive, optionally preceded by "the").
    """
    code = _MEETING_CODE.match(text, pos)
    if code is not None:
        canonical = _code(int(code.group(1)), code.group(2))
        return None if canonical is None else (canonical, code.end())
    name = _MEETING_NAME.match(text, pos)
    if name is not None:
        canonical = _name_code(name)
        return None if canonical is None else (canonical, name.end())
    return None


def find_meeting(text: str) -> str | None:
    """The first meeting named anywhere in ``text`` (code or spelled-out name), or ``None``."""
    best: tuple[int, str] | None = None
    code = _MEETING_CODE_ANYWHERE.search(text)
    if code is not None:
        canonical = _code(int(code.group(1)), code.group(2))
        if canonical is not None:
            best = (code.start(), canonical)
    for name in _MEETING_NAME_ANYWHERE.finditer(text):
        canonical = _name_code(name)
        if canonical is not None:
            if best is None or name.start() < best[0]:
                best = (name.start(), canonical)
            break
    return None if best is None else best[1]


# -- dates, years, sessions ----------------------------------------------------------------------

_MONTHS = {
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
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_DATE = re.compile(
    rf"\b(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m1>{_MONTH})\.?,?\s+(?P<y1>\d{{4}})"
    rf"|(?P<m2>{_MONTH})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{{4}})"
    r"|(?P<y3>\d{4})-(?P<m3>\d{2})-(?P<d3>\d{2}))\b",
    re.IGNORECASE,
)
_YEAR = re.compile(r"(?<![\d/.\-–—])(19[4-9]\d|20\d\d)(?![\d/])")
"""A year that does not end a range (``2018-2024`` is not read as two years)."""


@attrs.frozen
class FoundDate:
    """A date written in a line: its span, the date (``None`` if no such day) and the text."""

    start: int
    end: int
    date: _dt.date | None
    text: str


def find_dates(text: str, limit: int = 20) -> list[FoundDate]:
    """Every date in ``text``: ``7 December 2022``, ``December 7, 2022``, ``2022-12-07``."""
    found: list[FoundDate] = []
    for match in _DATE.finditer(text):
        groups = match.groupdict()
        for n in "123":
            if groups[f"y{n}"]:
                year, month_text, day = groups[f"y{n}"], groups[f"m{n}"], groups[f"d{n}"]
                break
        month = int(month_text) if month_text.isdigit() else _MONTHS[month_text[:3].lower()]
        try:
            value: _dt.date | None = _dt.date(int(year), month, int(day))
        except ValueError:
            value = None
        found.append(FoundDate(match.start(), match.end(), value, match.group()))
        if len(found) >= limit:
            break
    return found


def find_years(text: str, limit: int = 200) -> list[tuple[int, int, int]]:
    """Four-digit years 1940..2099 standing alone: ``(start, end, year)`` triples."""
    found: list[tuple[int, int, int]] = []
    for match in _YEAR.finditer(text):
        found.append((match.start(), match.end(), int(match.group())))
        if len(found) >= limit:
            break
    return found


def session_of_year(year: int) -> int:
    """The session whose resolution is adopted in ``year``: ``year - 1945``."""
    return year - FIRST_SESSION_YEAR


def session_of_date(day: _dt.date) -> int:
    """The session that contains ``day``: session N runs from September of 1945 + N."""
    return day.year - FIRST_SESSION_YEAR - (0 if day.month >= 9 else 1)


def date_fits_session(day: _dt.date, session: int) -> bool:
    """Whether ``day`` can fall in ``session`` (a September date may belong to either side)."""
    if session_of_date(day) == session:
        return True
    return day.month == 9 and day.year - FIRST_SESSION_YEAR - 1 == session


_SESSION_WORDS = re.compile(
    r"\b(?P<words>[A-Za-z]{3,12}(?:[-‐‑ ][A-Za-z]{3,12})?)\s+session\b"
    r"|\b(?P<num>\d{1,2})(?:st|nd|rd|th)\s+session\b"
    r"|\bsession\s+(?P<after>\d{1,2})\b",
    re.IGNORECASE,
)


def find_sessions_in_words(text: str, limit: int = 20) -> list[tuple[int, int, int]]:
    """Sessions written out: ``Seventy-seventh session``, ``77th session``, ``session 77``."""
    found: list[tuple[int, int, int]] = []
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
        found.append((start, match.end(), number))
        if len(found) >= limit:
            break
    return found


@attrs.frozen
class DocumentSymbol:
    """A UN document symbol found in a line, with the session and forum it implies."""

    start: int
    end: int
    symbol: str
    session: int
    forum: Forum


_SYMBOL = re.compile(
    r"\bA/C\.1/(?P<fc>\d{2})/L\.\d{1,3}(?:/Rev\.\d)?"
    r"|\bA/RES/(?P<res>\d{2})/\d{1,3}(?:\s?[A-Z]\b)?"
    r"|(?<![/\w.])(?P<short>\d{2})/\d{1,3}\b(?!/)",
)


def find_symbols(text: str, limit: int = 20) -> list[DocumentSymbol]:
    """``A/C.1/78/L.20`` (First Committee draft), ``A/RES/77/63`` or ``77/63`` (plenary)."""
    found: list[DocumentSymbol] = []
    for match in _SYMBOL.finditer(text):
        if match.group("fc"):
            session, forum = int(match.group("fc")), Forum.FIRST_COMMITTEE
        else:
            session, forum = int(match.group("res") or match.group("short")), Forum.PLENARY
        found.append(DocumentSymbol(match.start(), match.end(), match.group(), session, forum))
        if len(found) >= limit:
            break
    return found
