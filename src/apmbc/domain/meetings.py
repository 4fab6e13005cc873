"""The Convention's formal meetings as documents name them: one grammar for codes and names.

A Meeting of the States Parties is ``7MSP`` and a Review Conference ``1RC``; pages, reports and
attributions also write ``7 MSP``, ``Seventh Meeting of the States Parties``, ``21st Meeting of
the States Parties``, ``the Fifth Review Conference``. Every reader of apmbc (profile pages,
final reports, the statement rules) finds meetings through this module.

>>> meeting_code(17, "msp"), parse_meeting_code("17MSP")
('17MSP', (17, <MeetingKind.MSP: 'msp'>))
>>> [m.code for m in find_meetings("(Seventeenth Meeting of the States Parties, 2018; 4RC)")]
['17MSP', '4RC']

A year written with a meeting ("19MSP - 2021") is a year the meeting sat in:
:func:`meeting_years` gives them, from the record's dates.

The Convention's own documents carry symbols of their meeting: ``APLC/MSP.21/2023/14`` is a
document of the Twenty-first Meeting of the States Parties, held in 2023; ``APLC/CONF/2024/5`` one
of the Review Conference held in 2024 (the symbol gives the year, not the conference's number).

>>> meeting_of_symbol("APLC/MSP.21/2023/14"), parse_convention_symbol("aplc/conf/2024/5").year
('21MSP', 2024)
"""

from __future__ import annotations

import re

import attrs

from apmbc.domain._lazy import lazy_compile
from apmbc.domain.choices import meeting_kind
from apmbc.domain.numbers import ORDINAL_PATTERN, ordinal
from apmbc.errors import ArgumentError, ArgumentTypeError
from apmbc.models import Meeting, MeetingKind

__all__ = [
    "CONVENTION_SYMBOL_PATTERN",
    "ConventionSymbol",
    "FoundConventionSymbol",
    "FoundMeeting",
    "find_convention_symbols",
    "find_meeting",
    "find_meetings",
    "meeting_at",
    "meeting_code",
    "meeting_of_symbol",
    "meeting_years",
    "parse_convention_symbol",
    "parse_meeting_code",
]

_SUFFIX = {MeetingKind.MSP: "MSP", MeetingKind.REVIEW_CONFERENCE: "RC"}
_CODE = lazy_compile(r"(\d{1,2})(MSP|RC)")
_CODE_TEXT = r"(?P<num>\d{1,2})\s?(?P<abbr>MSP|RC)(?![A-Za-z])"
_NAME_TEXT = (
    rf"(?P<ord>{ORDINAL_PATTERN})\s+"
    r"(?P<kind>Meetings?\s+of\s+(?:the\s+)?States?[-\s]Parties|Review\s+Conference)\b"
)
_AT = lazy_compile(rf"(?:the\s+)?(?:{_CODE_TEXT}|{_NAME_TEXT})", re.IGNORECASE)
_ANYWHERE = lazy_compile(rf"(?<![0-9A-Za-z])(?:{_CODE_TEXT}|{_NAME_TEXT})", re.IGNORECASE)


def meeting_code(number: int, kind: MeetingKind | str) -> str:
    """The code of the ``number``-th MSP (``7MSP``) or Review Conference (``1RC``).

    Raises :class:`~apmbc.errors.ArgumentError` for another kind of meeting or a number below 1,
    :class:`~apmbc.errors.ArgumentTypeError` for a number that is not a whole number.
    """
    kind = meeting_kind(kind)
    if isinstance(number, bool) or not isinstance(number, int):
        raise ArgumentTypeError(f"a meeting number is a whole number, not {type(number).__name__}")
    if kind not in _SUFFIX:
        raise ArgumentError(
            f"only MSPs and Review Conferences have numbered codes, not {kind.value}"
        )
    if number < 1:
        raise ArgumentError(f"meeting numbers start at 1, not {number}")
    return f"{number}{_SUFFIX[kind]}"


def parse_meeting_code(code: str) -> tuple[int, MeetingKind] | None:
    """``"7MSP"`` -> ``(7, MeetingKind.MSP)``; ``None`` for other codes (``IM-2023``)."""
    match = _CODE.fullmatch(code)
    if match is None or int(match.group(1)) < 1:
        return None
    kind = MeetingKind.MSP if match.group(2) == "MSP" else MeetingKind.REVIEW_CONFERENCE
    return int(match.group(1)), kind


def _code_of(match: re.Match[str]) -> str | None:
    if match.group("num") is not None:
        number: int | None = int(match.group("num"))
        review = match.group("abbr").upper() == "RC"
    else:
        words = match.group("ord")
        number = ordinal(words)
        if number is None:  # "the Seventh" is read; "Geneva Seventh" is not an ordinal
            parts = re.split(r"[-‐‑ ]", words)
            number = ordinal(parts[-1]) if len(parts) > 1 else None
        review = match.group("kind").lower().startswith("review")
    if number is None or number < 1:
        return None
    return f"{number}{'RC' if review else 'MSP'}"


def meeting_at(text: str, pos: int) -> tuple[str, int] | None:
    """The code of a meeting written at ``text[pos:]`` and where its mention ends, or ``None``.

    Reads ``7MSP``, ``7 MSP``, ``1RC``, ``Seventh Meeting of the States Parties`` and ``First
    Review Conference`` (any case, optionally preceded by "the").
    """
    match = _AT.match(text, pos)
    if match is None:
        return None
    code = _code_of(match)
    return None if code is None else (code, match.end())


@attrs.frozen
class FoundMeeting:
    """A meeting named in a text: its span and code."""

    start: int
    end: int
    code: str


def find_meetings(text: str, limit: int = 20) -> list[FoundMeeting]:
    """Every MSP or Review Conference named in ``text``, by code or by name, in order."""
    found: list[FoundMeeting] = []
    for match in _ANYWHERE.finditer(text):
        code = _code_of(match)
        if code is None:
            continue
        start = match.start("ord") if match.group("ord") is not None else match.start()
        if match.group("ord") is not None and ordinal(match.group("ord")) is None:
            start = match.end("ord") - len(re.split(r"[-‐‑ ]", match.group("ord"))[-1])
        found.append(FoundMeeting(start, match.end(), code))
        if len(found) >= limit:
            break
    return found


def find_meeting(text: str) -> str | None:
    """The first meeting named in ``text`` (code or name), or ``None``."""
    found = find_meetings(text, limit=1)
    return found[0].code if found else None


def meeting_years(meeting: Meeting) -> range:
    """The calendar years ``meeting`` sat in, from the year it opened to the year it closed.

    A meeting without an end date sat in the year it opened; one without dates gives an empty
    range (its year is unknown, so no year can be checked against it). A year written with a
    meeting on a page or in an attribution ("19MSP - 2021", "(4RC, 2019)") is right when it is
    one of these years.

    >>> import datetime
    >>> from apmbc.models import Meeting, MeetingKind
    >>> m = Meeting(code="2RC", kind=MeetingKind.REVIEW_CONFERENCE, name="Second Review Conference",
    ...     start=datetime.date(2009, 11, 29), end=datetime.date(2009, 12, 4))
    >>> list(meeting_years(m))
    [2009]
    """
    if meeting.start is None:
        return range(0)
    last = meeting.end if meeting.end is not None and meeting.end >= meeting.start else None
    return range(meeting.start.year, (last or meeting.start).year + 1)


# -- the Convention's document symbols ---------------------------------------------------------

CONVENTION_SYMBOL_PATTERN = (
    r"APLC\s?/\s?(?:MSP\s?\.\s?\d{1,2}|CONF)\s?/\s?(?:19|20)\d\d\s?/\s?"
    r"(?:PM\s?\.\s?\d{1,2}\s?/\s?)?(?:[A-Z]{1,4}\s?\.\s?)?\d{1,3}"
    r"(?:\s?/\s?(?:Add|Corr|Rev)\s?\.\s?\d{1,2}){0,3}"
)
"""A regular expression (no groups, to be compiled case-insensitive) for one symbol of a
Meeting of the States Parties or a Review Conference: ``APLC/MSP.21/2023/14``,
``APLC/CONF/2024/5``, ``APLC/MSP.22/2025/INF.1``, ``APLC/CONF/2019/PM.2/2``,
``APLC/MSP.4/2002/1/Add.1``; single spaces around ``/`` and ``.`` (as text extraction from a
PDF leaves them) are allowed."""

_SYMBOL = lazy_compile(
    r"APLC/(?:MSP\.(?P<num>\d{1,2})|(?P<conf>CONF))/(?P<year>(?:19|20)\d\d)/"
    r"(?:PM\.(?P<pm>\d{1,2})/)?(?P<doc>(?:(?P<series>[A-Z]{1,4})\.)?\d{1,3}"
    r"(?:/(?:ADD|CORR|REV)\.\d{1,2}){0,3})"
)
_SYMBOL_IN_TEXT = lazy_compile(
    rf"(?<![A-Za-z0-9/]){CONVENTION_SYMBOL_PATTERN}(?![A-Za-z0-9]|\s?/\s?[A-Za-z0-9])",
    re.IGNORECASE,
)
_SYMBOL_SPACES = lazy_compile(r"\s")
_SUFFIXES = {"ADD": "Add", "CORR": "Corr", "REV": "Rev"}


@attrs.frozen(kw_only=True)
class ConventionSymbol:
    """What a symbol of the Convention's meeting documents says."""

    text: str
    """The symbol in its one spelling: upper case, no spaces, ``Add``/``Corr``/``Rev`` as the
    UN writes them (``APLC/MSP.4/2002/1/Add.1``)."""
    kind: MeetingKind
    """``msp`` for ``APLC/MSP.N/...``; ``review_conference`` for ``APLC/CONF/...``;
    ``preparatory`` for a Review Conference's preparatory meeting (``APLC/CONF/2019/PM.2/2``)."""
    number: int | None
    """The number of the Meeting of the States Parties; ``None`` for a conference's documents."""
    year: int
    """The year in the symbol: the year of the meeting (or, for a preparatory meeting, of the
    conference it prepared)."""
    document: str
    """The document's own part: ``14``, ``INF.1``, ``1/Add.1``."""
    series: str | None = None
    """The series of the document (``INF``, ``WP``, ``CRP``, ``L``), ``None`` for the main one."""

    @property
    def meeting(self) -> str | None:
        """The meeting code (``21MSP``) of an MSP document, else ``None`` (a conference's symbol
        names its year, not its number: find the conference held that year)."""
        if self.kind is MeetingKind.MSP and self.number is not None:
            return meeting_code(self.number, MeetingKind.MSP)
        return None


def parse_convention_symbol(raw: str) -> ConventionSymbol | None:
    """What the Convention document symbol ``raw`` says, or ``None`` when it is not one.

    Reads ``APLC/MSP.<number>/<year>/<document>`` and ``APLC/CONF/<year>/<document>`` (also
    ``.../PM.<n>/<document>`` for preparatory meetings), in any case, with single spaces around
    ``/`` and ``.`` allowed.
    """
    if not isinstance(raw, str) or len(raw) > 80:
        return None
    compact = _SYMBOL_SPACES.sub("", raw).upper()
    match = _SYMBOL.fullmatch(compact)
    if match is None:
        return None
    number = int(match.group("num")) if match.group("num") else None
    if number is not None and number < 1:
        return None
    if match.group("pm"):
        kind = MeetingKind.PREPARATORY
    elif match.group("conf"):
        kind = MeetingKind.REVIEW_CONFERENCE
    else:
        kind = MeetingKind.MSP
    document = match.group("doc")
    for upper, spelled in _SUFFIXES.items():
        document = document.replace(f"/{upper}.", f"/{spelled}.")
    head = compact[: match.start("doc")]
    return ConventionSymbol(
        text=head + document,
        kind=kind,
        number=number,
        year=int(match.group("year")),
        document=document,
        series=match.group("series"),
    )


def meeting_of_symbol(raw: str) -> str | None:
    """The meeting code an MSP document's symbol names (``APLC/MSP.21/2023/14`` -> ``21MSP``);
    ``None`` for a Review Conference's symbol (it names a year, see
    :attr:`ConventionSymbol.year`) and for anything that is not a Convention symbol."""
    parsed = parse_convention_symbol(raw)
    return parsed.meeting if parsed is not None else None


@attrs.frozen
class FoundConventionSymbol:
    """A Convention document symbol written in a text: its span, the text as written, and what
    it says."""

    start: int
    end: int
    written: str
    symbol: ConventionSymbol


def find_convention_symbols(text: str, limit: int = 20) -> list[FoundConventionSymbol]:
    """Every Convention document symbol in ``text`` (see :func:`parse_convention_symbol`)."""
    found: list[FoundConventionSymbol] = []
    for match in _SYMBOL_IN_TEXT.finditer(text):
        symbol = parse_convention_symbol(match.group())
        if symbol is None:
            continue
        found.append(FoundConventionSymbol(match.start(), match.end(), match.group(), symbol))
        if len(found) >= limit:
            break
    return found
