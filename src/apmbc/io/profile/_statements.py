"""Statement lines of a profile page: the quoted words, the attribution and what it tells.

A statement line is ``[lead-in] "quoted words" [(attribution)]``; any part may be missing, and
quotation marks may be straight, curly, or mismatched (an opening mark used to close).
"""

from __future__ import annotations

import datetime as _dt
import re

import attrs

from apmbc.domain.calendar import session_of_date, session_of_year
from apmbc.domain.dates import find_dates, find_years
from apmbc.domain.meetings import find_meeting
from apmbc.domain.symbols import find_symbols
from apmbc.errors import ApmbcError
from apmbc.models import Forum, StatementContext

__all__ = ["QUOTES", "StatementParts", "attribution_only", "read_statement"]

QUOTES = '"“”„‟«»〝〞＂'
"""The quotation marks a page uses, straight, curly or other."""
_FIRST_QUOTE = re.compile(f"[{QUOTES}]")
_TAIL = 1200
_TRAILING_PARENS = re.compile(r"\((?P<inner>[^()]{1,600})\)[\s.;,]*$")
_ONLY_PARENS = re.compile(r"\((?P<inner>[^()]{1,600})\)[\s.;,]*")
_ATTRIBUTION_HINT = re.compile(
    r"(?:19|20)\d\d|\b\d{1,2}\s?(?:MSP|RC)\b|explanation|statement|session|committee"
    r"|general\s+assembly|meeting|conference|monitor|letter|remarks|speech|interview|press"
    r"|report|response|visit|declaration|A/C\.1/|A/RES/",
    re.IGNORECASE,
)
_ELISIONS = ("…", "...", "..", "…..")
_ELISION_IN_TEXT = re.compile(r"[(\[]\s*(?:…|\.{3})\s*[)\]]")
_EXPLANATION = re.compile(
    r"explanations?\s+of\s+(?:the\s+|its\s+)?votes?"
    r"|explain\w{0,3}\s+(?:\S+\s+){0,3}?(?:votes?|abstentions?|positions?)\b",
    re.IGNORECASE,
)
_FIRST_COMMITTEE = re.compile(r"\bfirst\s+committee\b", re.IGNORECASE)
_UN = re.compile(
    r"\b(?:general\s+assembly|unga|united\s+nations|UN|plenary|resolution)\b", re.IGNORECASE
)


@attrs.frozen(kw_only=True)
class StatementParts:
    """What one statement line holds, before it becomes a :class:`~apmbc.models.Statement`."""

    text: str
    attribution: str | None
    context: StatementContext
    verbatim: bool
    meeting: str | None = None
    session: int | None = None
    forum: Forum | None = None
    year: int | None = None
    date: _dt.date | None = None
    notes: tuple[str, ...] = ()


def _looks_like_attribution(inner: str) -> bool:
    stripped = inner.strip()
    if not stripped or stripped in _ELISIONS:
        return False
    return _ATTRIBUTION_HINT.search(stripped) is not None


def attribution_only(text: str) -> str | None:
    """``text`` when the whole line is a parenthesised attribution such as ``(17MSP, 2018)``."""
    match = _ONLY_PARENS.fullmatch(text)
    if match is None or not _looks_like_attribution(match.group("inner")):
        return None
    return text[: match.end("inner") + 1]


def _split_attribution(text: str) -> tuple[str, str | None]:
    offset = max(0, len(text) - _TAIL)
    match = _TRAILING_PARENS.search(text, offset)
    if match is None or not _looks_like_attribution(match.group("inner")):
        return text, None
    attribution = text[match.start() : match.end("inner") + 1]
    return text[: match.start()].rstrip(), attribution


def _quote_positions(body: str) -> tuple[int, int]:
    first_match = _FIRST_QUOTE.search(body)
    if first_match is None:
        return -1, -1
    last = max(body.rfind(mark) for mark in QUOTES)
    return first_match.start(), last


def _unquote(body: str) -> tuple[str, str | None, bool, list[str]]:
    """``(text, lead_in, quoted, notes)`` for the part of a line before its attribution."""
    first, last = _quote_positions(body)
    if first < 0:
        return body, None, False, []
    if first == last:
        if first == 0:
            return body[1:], None, True, ["the quotation is not closed on the page"]
        if not body[last + 1 :].strip(" .,;:"):
            return body[:last], None, True, ["the quotation is not opened on the page"]
        lead = body[:first]
        return body[first + 1 :], lead, True, ["the quotation is not closed on the page"]
    after = body[last + 1 :]
    if not after.strip(" .,;:"):
        return body[first + 1 : last], body[:first] or None, True, []
    if first == 0:
        return body[1:last], after, True, []
    return body, None, False, ["quotation marks inside the text are kept as printed"]


def read_statement(
    text: str, *, section: StatementContext | None = None, attribution: str | None = None
) -> StatementParts | str:
    """Read a statement line; a reason string when it holds no statement text.

    ``section`` is what the section's heading says its statements are: under a heading on the
    State's abstentions every statement is an explanation of vote, under one on national policy
    every statement is about that policy (whatever its attribution says of where it was made).
    """
    body = text
    if attribution is None:
        body, attribution = _split_attribution(text)
    words, lead, quoted, notes = _unquote(body)
    words = words.strip()
    lead = lead.strip(" ,:;-–—") if lead else None
    if not words.strip(" .,;:()…\"'"):
        return "a statement line without statement text"
    if attribution is None and lead:
        attribution, lead = lead, None
    elif lead:
        notes.append(f"introduced on the page as: {lead}")
    where = " ".join(part for part in (attribution, lead) if part)
    verbatim = quoted or _ELISION_IN_TEXT.search(words) is not None
    if not verbatim:
        notes.append("not in quotation marks on the page")
    return _describe(words, attribution, where, text, section, verbatim, notes)


def _describe(
    words: str,
    attribution: str | None,
    where: str,
    line: str,
    section: StatementContext | None,
    verbatim: bool,
    notes: list[str],
) -> StatementParts:
    meeting = find_meeting(where)
    dates = [d for d in find_dates(where) if d.date is not None]
    day = dates[0].date if len(dates) == 1 else None
    symbols = [s for s in find_symbols(where) if s.symbol.forum is not None]
    if not symbols:
        symbols = [
            s
            for s in find_symbols(line)
            if s.written.startswith("A/") and s.symbol.forum is not None
        ]
    blanked = where
    for start, end in sorted([(d.start, d.end) for d in dates], reverse=True):
        blanked = blanked[:start] + " " + blanked[end:]
    mentions = find_years(blanked)
    years = sorted({y.first for y in mentions if y.first == y.last})
    year = years[0] if len(years) == 1 and len(mentions) == 1 else None
    if day is not None:
        year = day.year if year in (None, day.year) else None
    explanation = (
        section is StatementContext.EXPLANATION_OF_VOTE or _EXPLANATION.search(where) is not None
    )
    first_committee = _FIRST_COMMITTEE.search(where) is not None
    at_the_un = explanation or first_committee or bool(symbols) or _UN.search(where) is not None
    session: int | None = None
    forum: Forum | None = None
    sessions = {s.symbol.session for s in symbols if s.symbol.session is not None}
    if len(sessions) == 1:
        session = next(iter(sessions))
        forum = symbols[0].symbol.forum
    elif len(sessions) > 1:
        notes.append("the page names documents of different sessions")
    if at_the_un and meeting is None:
        try:
            if day is not None:
                from_year: int | None = session_of_date(day)
            else:
                from_year = session_of_year(year) if year is not None else None
        except ApmbcError:
            from_year = None
        if session is None:
            session = from_year
        elif from_year is not None and from_year != session:
            notes.append(f"the year {year} does not match session {session} of the document")
        if first_committee:
            forum = Forum.FIRST_COMMITTEE
        elif forum is None and session is not None:
            forum = Forum.PLENARY
    context: StatementContext
    if section is StatementContext.NATIONAL_POLICY:
        context = StatementContext.NATIONAL_POLICY
    elif explanation:
        context = StatementContext.EXPLANATION_OF_VOTE
    elif meeting is not None:
        context = StatementContext.MEETING_STATEMENT
    else:
        context = StatementContext.OTHER
    return StatementParts(
        text=words,
        attribution=attribution,
        context=context,
        verbatim=verbatim,
        meeting=meeting,
        session=session,
        forum=forum,
        year=year,
        date=day,
        notes=tuple(notes),
    )
