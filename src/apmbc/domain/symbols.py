"""UN document symbols: what a symbol says (organ, kind, session, forum) and its one spelling.

>>> normalize_symbol("A/RES/54/54B"), normalize_symbol("a/res/55/33[b]")
('A/RES/54/54 B', 'A/RES/55/33 B')
>>> s = parse_symbol("A/RES/3028(XXVII)")
>>> s.kind.value, s.session, s.forum.value
('resolution', 27, 'plenary')
>>> s = parse_symbol("A/RES/ES-10/6")
>>> s.special, s.session
('ES-10', None)
>>> parse_symbol("A/C.1/79/L.30").forum.value, parse_symbol("S/RES/2334 (2016)").organ
('first_committee', 'S')
>>> parse_symbol("MISSING_DATA") is None
True

An emergency special or special session's symbol does not say which regular session it met in;
:meth:`Symbol.regular_session` takes the date for that (see :mod:`apmbc.domain.calendar`).
"""

from __future__ import annotations

import datetime as _dt
import enum
import functools
import re

import attrs

from apmbc.domain._lazy import lazy_compile
from apmbc.domain.calendar import session_of_date
from apmbc.domain.numbers import roman
from apmbc.models import Forum

__all__ = [
    "FoundSymbol",
    "Symbol",
    "SymbolKind",
    "find_symbols",
    "forum_of_symbol",
    "normalize_symbol",
    "parse_roll_call_symbol",
    "parse_symbol",
    "press_release_forum",
    "same_symbol",
    "session_of_symbol",
]


class SymbolKind(str, enum.Enum):
    """What a document symbol names."""

    RESOLUTION = "resolution"
    """An adopted resolution: ``A/RES/77/63``, ``A/RES/3028(XXVII)``, ``S/RES/2334 (2016)``."""
    DRAFT = "draft"
    """A draft (limited distribution): ``A/76/L.14``, ``A/C.1/79/L.30``."""
    RECORD = "record"
    """A verbatim meeting record: ``A/70/PV.67``, ``A/C.1/70/PV.24``."""
    DOCUMENT = "document"
    """Any other document of an organ: ``A/77/383``, ``S/2016/1000``."""

    def __str__(self) -> str:
        return self.value


@attrs.frozen(kw_only=True)
class Symbol:
    """A parsed document symbol."""

    text: str
    """The symbol in its one spelling (see :func:`normalize_symbol`)."""
    organ: str
    """``A`` (General Assembly), ``S`` (Security Council), ``E`` (ECOSOC)..."""
    kind: SymbolKind
    session: int | None = None
    """The regular session the symbol names; ``None`` for emergency special and special sessions
    and for organs without sessions."""
    special: str | None = None
    """``ES-10`` (emergency special session) or ``S-27`` (special session), else ``None``."""
    committee: int | None = None
    """The Main Committee of a committee document (``A/C.1/...`` is 1), else ``None``."""
    section: str | None = None
    """The section letter of a resolution adopted in parts (``A/RES/54/54 B`` is ``B``)."""

    @property
    def forum(self) -> Forum | None:
        """Plenary for a General Assembly document, First Committee for ``A/C.1/...``, else
        ``None`` (another committee, or another organ)."""
        if self.organ != "A":
            return None
        if self.committee is None:
            return Forum.PLENARY
        return Forum.FIRST_COMMITTEE if self.committee == 1 else None

    def regular_session(self, day: _dt.date | None) -> int | None:
        """The regular session: the symbol's own, else the one sitting on ``day`` (if given)."""
        if self.session is not None:
            return self.session
        if day is None or self.organ != "A":
            return None
        return session_of_date(day)


_SECTION = (
    r"(?:\s*\[\s*(?P<s1>[A-Z]{1,2})\s*\]|\s*\(\s*(?P<s2>[A-Z]{1,2})\s*\)|\s*(?P<s3>[A-Z]{1,2}))?"
)
_SESSION = r"(?:(?P<sess>\d{1,3})|(?P<sp>ES|S)-(?P<spn>\d{1,2}))"
_ROMAN = r"(?:(?P<rsp>ES|S)-)?(?P<rom>[IVXLC]{1,8})"
_PATTERNS: tuple[tuple[SymbolKind, re.Pattern[str]], ...] = tuple(
    (kind, lazy_compile(pattern, re.IGNORECASE))
    for kind, pattern in (
        (SymbolKind.RESOLUTION, rf"A/RES/{_SESSION}/(?P<num>\d{{1,4}}){_SECTION}"),
        (
            SymbolKind.RESOLUTION,
            rf"A/RES/(?P<num>\d{{1,4}})\s*(?P<s3>[A-Z])?\s*\(\s*{_ROMAN}\s*\)",
        ),
        (
            SymbolKind.DRAFT,
            rf"A/(?:C\.(?P<com>\d)/)?{_SESSION}/L\.(?P<num>\d{{1,4}})"
            r"(?P<tail>(?:/(?:Rev|Add|Corr)\.\d{1,2})*)",
        ),
        (SymbolKind.RECORD, rf"A/(?:C\.(?P<com>\d)/)?{_SESSION}/PV\.(?P<num>\d{{1,4}})"),
        (SymbolKind.RESOLUTION, r"S/RES/(?P<num>\d{1,5})\s*\(\s*(?P<year>\d{4})\s*\)"),
    )
)
_GA_DOCUMENT = lazy_compile(rf"A/(?:C\.(?P<com>\d)/)?{_SESSION}/\S.*", re.IGNORECASE)
_ORGAN = lazy_compile(r"(?P<organ>[A-Z]{1,4})/\S", re.IGNORECASE)


def _special(kind: str | None, number: str | int | None) -> str | None:
    if kind is None or number is None:
        return None
    return f"{kind.upper()}-{int(number)}"


def _build(kind: SymbolKind, match: re.Match[str]) -> Symbol | None:
    groups = match.groupdict()
    session: int | None = None
    special: str | None = None
    if groups.get("sess"):
        session = int(groups["sess"])
    elif groups.get("sp"):
        special = _special(groups["sp"], groups["spn"])
    elif groups.get("rom"):
        value = roman(groups["rom"])
        if value is None or value < 1:
            return None
        if groups.get("rsp"):
            special = _special(groups["rsp"], value)
        else:
            session = value
    if session is not None and session < 1:
        return None
    section = next((groups[g].upper() for g in ("s1", "s2", "s3") if groups.get(g)), None)
    committee = int(groups["com"]) if groups.get("com") else None
    number = int(groups["num"])
    where = str(session) if session is not None else special
    if groups.get("year"):
        return Symbol(
            text=f"S/RES/{number} ({groups['year']})", organ="S", kind=SymbolKind.RESOLUTION
        )
    if kind is SymbolKind.RESOLUTION and groups.get("rom"):
        roman_part = groups["rom"].upper()
        paren = f"{groups['rsp'].upper()}-{roman_part}" if groups.get("rsp") else roman_part
        letter = f" {section}" if section else ""
        text = f"A/RES/{number}{letter}({paren})"
    elif kind is SymbolKind.RESOLUTION:
        text = f"A/RES/{where}/{number}" + (f" {section}" if section else "")
    else:
        prefix = f"A/C.{committee}/" if committee is not None else "A/"
        mark = "L" if kind is SymbolKind.DRAFT else "PV"
        tail = _tail(groups.get("tail") or "")
        text = f"{prefix}{where}/{mark}.{number}{tail}"
    return Symbol(
        text=text,
        organ="A",
        kind=kind,
        session=session,
        special=special,
        committee=committee,
        section=section,
    )


def _tail(tail: str) -> str:
    parts = [p for p in tail.split("/") if p]
    return "".join(f"/{p[:1].upper()}{p[1:].lower()}" for p in parts)


@functools.lru_cache(maxsize=2048)
def _parse(text: str) -> Symbol | None:
    for kind, pattern in _PATTERNS:
        match = pattern.fullmatch(text)
        if match is not None:
            return _build(kind, match)
    document = _GA_DOCUMENT.fullmatch(text)
    if document is not None:
        session = int(document.group("sess")) if document.group("sess") else None
        committee = int(document.group("com")) if document.group("com") else None
        special = _special(document.group("sp"), document.group("spn"))
        return Symbol(
            text=text,
            organ="A",
            kind=SymbolKind.DOCUMENT,
            session=session or None,
            special=special,
            committee=committee,
        )
    organ = _ORGAN.match(text)
    if organ is None:
        return None
    return Symbol(text=text, organ=organ.group("organ").upper(), kind=SymbolKind.DOCUMENT)


def parse_symbol(raw: str) -> Symbol | None:
    """What the symbol ``raw`` says, or ``None`` when it is not a document symbol at all (an
    empty cell, ``MISSING_DATA``, free text).

    Reads General Assembly resolutions of every era (``A/RES/77/63``, ``A/RES/61/250A``,
    ``A/RES/55/33[B]``, ``A/RES/3028(XXVII)``, ``A/RES/ES-10/6``, ``A/RES/S-27/2``), drafts
    (``A/76/L.14``, ``A/C.1/79/L.30/Rev.1``), meeting records (``A/70/PV.67``,
    ``A/C.1/70/PV.24``) and Security Council resolutions (``S/RES/2334 (2016)``); any other
    ``ORGAN/...`` symbol is a :attr:`SymbolKind.DOCUMENT` of that organ.
    """
    text = " ".join(raw.split())
    if not text or len(text) > 80:
        return None
    return _parse(text)


FIRST_NUMBERED_SESSION = 31
"""The first session whose resolutions the UN numbers within the session (``A/RES/31/1``);
those of sessions 1-30 are numbered in one series with the session in Roman numerals."""


def parse_roll_call_symbol(raw: str) -> Symbol | None:
    """A resolution symbol as roll-call data sets write it (the ``unres`` column of Erik
    Voeten's UN General Assembly voting data and of the unvotes package).

    Their shorthand ``R/<session>/<number>`` stands for ``A/RES/<session>/<number>`` from the
    31st session on, when the UN began numbering resolutions within each session:
    ``R/52/38A`` is ``A/RES/52/38 A``. For sessions 1-30 the shorthand's number does not always
    match the UN's series, so ``R/1/66`` is not read as a UN symbol: it comes back as a
    document symbol of "organ" ``R``, text unchanged. Every other spelling is read by
    :func:`parse_symbol` (``A/RES/52/38A``, ``A/C.1/52/L.23``); ``None`` where that reads none.
    """
    text = " ".join(raw.split())
    if text[:2].upper() == "R/":
        parsed = parse_symbol("A/RES/" + text[2:])
        if (
            parsed is not None
            and parsed.kind is SymbolKind.RESOLUTION
            and parsed.special is None
            and parsed.session is not None
            and parsed.session >= FIRST_NUMBERED_SESSION
        ):
            return parsed
    return parse_symbol(text)


def normalize_symbol(raw: str) -> str:
    """The one spelling of a symbol: ``A/RES/54/54B``, ``A/RES/54/54 (B)`` and
    ``a/res/54/54 b`` are all ``A/RES/54/54 B``; ``A/C.1/79/l.30`` is ``A/C.1/79/L.30``.

    Text that is not a symbol comes back with its spaces collapsed.
    """
    parsed = parse_symbol(raw)
    return parsed.text if parsed is not None else " ".join(raw.split())


def same_symbol(a: str, b: str) -> bool:
    """Whether two spellings name the same document."""
    return a == b or normalize_symbol(a) == normalize_symbol(b)


def session_of_symbol(raw: str) -> int | None:
    """The regular session a symbol names (``A/RES/77/63`` -> 77), or ``None``."""
    parsed = parse_symbol(raw)
    return parsed.session if parsed is not None else None


def forum_of_symbol(raw: str) -> Forum | None:
    """Plenary or First Committee, as the symbol says; ``None`` for other symbols."""
    parsed = parse_symbol(raw)
    return parsed.forum if parsed is not None else None


# -- symbols in running text ----------------------------------------------------------------------

_IN_TEXT_SOURCE = (
    r"(?<![\w/.])(?:"
    r"A/RES/(?:\d{1,3}|E?S-\d{1,2})/\d{1,4}(?:\s?\[[A-Z]{1,2}\]|\s?\([A-Z]{1,2}\)"
    r"|\s?[A-Z]{1,2}(?![A-Za-z0-9/]))?"
    r"|A/RES/\d{1,4}\s?(?:[A-Z]\s?)?\((?:E?S-)?[IVXLC]{1,8}\)"
    r"|A/(?:C\.\d/)?(?:\d{1,3}|E?S-\d{1,2})/(?:L|PV)\.\d{1,4}(?:/(?:Rev|Add|Corr)\.\d{1,2})*"
    r")(?![\w/])"
    r"|(?<![\w/.])(?P<short>\d{2})/(?P<short_num>\d{1,3})(?![\w/])"
)
_IN_TEXT = lazy_compile(_IN_TEXT_SOURCE)


_DOCUMENTS_IN_TEXT = lazy_compile(
    _IN_TEXT_SOURCE + r"|(?<![\w/.])(?P<doc>A/(?:C\.\d/)?(?:\d{1,3}|E?S-\d{1,2})/\d{1,4}"
    r"(?:/(?:Rev|Add|Corr)\.\d{1,2})*)(?![\w/])"
    r"|(?<![\w/.])(?P<press>GA/(?:[A-Z]{1,4}/)?\d{3,5}(?:/Rev\.\d{1,2})?)(?![\w/])"
)
_PRESS_RELEASE = lazy_compile(r"GA/(?:(?P<series>[A-Z]{1,4})/)?\d{3,5}(?:/Rev\.\d{1,2})?")


def press_release_forum(raw: str) -> Forum | None:
    """The forum a UN press release covers, from its symbol: ``GA/DIS/3540`` (the First
    Committee's series) is the First Committee, ``GA/11745`` (the plenary's) is plenary; other
    series (``GA/EF/...`` of the Second Committee...) and other symbols give ``None``."""
    match = _PRESS_RELEASE.fullmatch(" ".join(raw.split()).upper())
    if match is None:
        return None
    series = match.group("series")
    if series is None:
        return Forum.PLENARY
    return Forum.FIRST_COMMITTEE if series == "DIS" else None


@attrs.frozen
class FoundSymbol:
    """A symbol written in a text: its span, the text as written, and what it says."""

    start: int
    end: int
    written: str
    symbol: Symbol


def find_symbols(text: str, limit: int = 20, *, documents: bool = False) -> list[FoundSymbol]:
    """Every General Assembly symbol in ``text``, in order: resolutions (also the short form
    ``77/63`` that press releases use), drafts and meeting records.

    With ``documents=True``, also any other General Assembly document (a committee's report
    ``A/70/460``, ``A/C.1/70/4``) and UN press releases (``GA/DIS/3540``, ``GA/11745``), as
    :attr:`SymbolKind.DOCUMENT` (see :func:`press_release_forum` for a press release's forum).
    """
    found: list[FoundSymbol] = []
    pattern = _DOCUMENTS_IN_TEXT if documents else _IN_TEXT
    for match in pattern.finditer(text):
        if match.group("short"):
            symbol = _parse(f"A/RES/{match.group('short')}/{match.group('short_num')}")
        else:
            symbol = parse_symbol(match.group())
        if symbol is None:
            continue
        found.append(FoundSymbol(match.start(), match.end(), match.group(), symbol))
        if len(found) >= limit:
            break
    return found
