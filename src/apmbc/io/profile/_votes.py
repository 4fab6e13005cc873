"""Vote lines of a profile page: ``Abstained - 2018, 2019``, ``In favour - General Assembly ...``.

A line is read completely or not at all: every word must be a position, a date, a year, a
session, a document symbol or one of the plain words such lines are made of; otherwise the
line is reported, with the reason, instead of being half-read.
"""

from __future__ import annotations

import datetime as _dt
import re

import attrs

from apmbc.domain.calendar import (
    LAST_SESSION,
    date_in_session,
    find_sessions,
    session_of_date,
    session_of_year,
)
from apmbc.domain.dates import FoundYears, find_dates, find_years
from apmbc.domain.symbols import FoundSymbol, find_symbols
from apmbc.errors import ApmbcError
from apmbc.models import Forum, VotePosition

__all__ = ["VoteReading", "read_vote_line"]

_POSITION = re.compile(
    r"(?P<pos>voted\s+in\s+favou?r(?:\s+of)?|in\s+favou?r(?:\s+of)?|voted\s+for|voted\s+yes"
    r"|abstained|abstention|voted\s+against|against|voted\s+no|absent|did\s+not\s+vote"
    r"|not\s+voting|non-voting)\b\s*(?:[-–—:]+\s*)?",
    re.IGNORECASE,
)
_POSITIONS = {
    "votedinfavour": VotePosition.YES,
    "votedinfavor": VotePosition.YES,
    "votedinfavourof": VotePosition.YES,
    "votedinfavorof": VotePosition.YES,
    "infavour": VotePosition.YES,
    "infavor": VotePosition.YES,
    "infavourof": VotePosition.YES,
    "infavorof": VotePosition.YES,
    "votedfor": VotePosition.YES,
    "votedyes": VotePosition.YES,
    "abstained": VotePosition.ABSTAIN,
    "abstention": VotePosition.ABSTAIN,
    "votedagainst": VotePosition.NO,
    "against": VotePosition.NO,
    "votedno": VotePosition.NO,
    "absent": VotePosition.ABSENT,
    "didnotvote": VotePosition.ABSENT,
    "notvoting": VotePosition.ABSENT,
    "nonvoting": VotePosition.ABSENT,
}
_PLAIN_WORDS = frozenset(
    str.split(
        """a adopted an and annual anti apm apmbc assembly at ban by committee convention
    conventions destruction draft first for ga general implementation in its landmine landmines
    meeting mine mines nations of on ottawa personnel plenary prohibition production recorded
    res resolution resolutions session stockpiling the their to transfer treaty un unga united
    use vote votes voting"""
    )
)
_WORD = re.compile(r"[^\W\d_]+|\d+")
_FIRST_COMMITTEE = re.compile(r"\bfirst\s+committee\b", re.IGNORECASE)
_PLENARY = re.compile(
    r"\b(?:general\s+assembly|unga|plenary|resolution\s+adopted)\b", re.IGNORECASE
)


@attrs.frozen
class VoteReading:
    """What a vote line says: one ``(session, forum, date)`` per vote, or why it was not read."""

    position: VotePosition | None
    votes: tuple[tuple[int | None, Forum | None, _dt.date | None], ...] = ()
    problem: str | None = None


_POSITION_STARTS = frozenset(("ab", "ag", "di", "in", "no", "vo"))
"""The first two letters of every position :data:`_POSITION` reads (abstained, against, did
not vote, in favour, not voting, voted ...): a quick answer before the pattern is tried."""


def starts_with_position(text: str, pos: int = 0) -> bool:
    """Whether ``text[pos:]`` opens with a vote position (``In favour``, ``Abstained``...)."""
    if text[pos : pos + 2].lower() not in _POSITION_STARTS:
        return False
    return _POSITION.match(text, pos) is not None


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with the spans replaced by as many spaces, so that offsets stay valid."""
    if not spans:
        return text
    pieces: list[str] = []
    last = 0
    for start, end in sorted(spans):
        if start < last:
            continue
        pieces.append(text[last:start])
        pieces.append(" " * (end - start))
        last = end
    pieces.append(text[last:])
    return "".join(pieces)


def read_vote_line(text: str) -> VoteReading:
    """Read one line of the vote list (its bullet already removed)."""
    match = _POSITION.match(text)
    if match is None:
        return VoteReading(None, problem="not a vote: the line does not start with a position")
    position = _POSITIONS["".join(ch for ch in match.group("pos").lower() if ch.isalpha())]
    rest = text[match.end() :]
    if not rest.strip(" .,;"):
        return VoteReading(position, problem="the vote names no year, session or date")

    dates = find_dates(rest)
    symbols = [s for s in find_symbols(rest) if s.symbol.forum is not None]
    spans = [(d.start, d.end) for d in dates] + [(s.start, s.end) for s in symbols]
    sessions = find_sessions(_blank(rest, spans))
    spans += [(s.start, s.end) for s in sessions]
    years = find_years(_blank(rest, spans))
    spans += [(y.start, y.end) for y in years]
    leftover = [w for w in _WORD.findall(_blank(rest, spans)) if w.lower() not in _PLAIN_WORDS]
    if leftover:
        shown = ", ".join(repr(w) for w in leftover[:5])
        return VoteReading(position, problem=f"words not understood in a vote line: {shown}")
    bad_days = [d.text for d in dates if d.date is None]
    if bad_days:
        return VoteReading(position, problem=f"no such day: {bad_days[0]!r}")

    forum, forum_problem = _forum(rest, symbols, years)
    if forum_problem is not None:
        return VoteReading(position, problem=forum_problem)
    stated = {s.session for s in sessions} | {
        s.symbol.session for s in symbols if s.symbol.session is not None
    }
    if len(stated) > 1:
        listed = ", ".join(str(n) for n in sorted(stated))
        return VoteReading(position, problem=f"the line names different sessions ({listed})")
    ranges = [rest[y.start : y.end] for y in years if y.last != y.first]
    if ranges:
        # "2018-2024" may mean every year or only some: the page must list them to be read.
        return VoteReading(
            position, problem=f"a range of years ({ranges[0]!r}), not a list of years"
        )
    year_values = list(dict.fromkeys(y.first for y in years))
    if len(dates) > 1:
        return VoteReading(position, problem="more than one date in a vote line")
    day = dates[0].date if dates else None

    if len(year_values) > 1:
        if stated or day is not None:
            return VoteReading(
                position, problem="a list of years together with a session or a date"
            )
        try:
            votes = tuple((session_of_year(y), forum, None) for y in year_values)
        except ApmbcError as exc:
            return VoteReading(position, problem=str(exc))
        return VoteReading(position, votes)

    session = next(iter(stated)) if stated else None
    if year_values:
        from_year = session_of_year(year_values[0])
        if session is not None and session != from_year:
            return VoteReading(
                position,
                problem=f"the year {year_values[0]} is session {from_year}, "
                f"but the line says session {session}",
            )
        session = from_year
    if session is not None and not 1 <= session <= LAST_SESSION:
        return VoteReading(position, problem=f"there is no General Assembly session {session}")
    if day is not None:
        if session is not None and not date_in_session(day, session):
            try:
                falls = f"falls in session {session_of_date(day)}"
            except ApmbcError:
                falls = "falls in no General Assembly session"
            return VoteReading(
                position,
                problem=f"the date {day.isoformat()} {falls}, but the line says session {session}",
            )
        if session is None:
            try:
                session = session_of_date(day)
            except ApmbcError as exc:
                return VoteReading(position, problem=str(exc))
    if session is None:
        return VoteReading(position, problem="the vote names no year, session or date")
    return VoteReading(position, ((session, forum, day),))


def _forum(
    rest: str, symbols: list[FoundSymbol], years: list[FoundYears]
) -> tuple[Forum | None, str | None]:
    """The forum a vote line names, and a problem when it names two."""
    kinds = {s.symbol.forum for s in symbols if s.symbol.forum is not None}
    if _FIRST_COMMITTEE.search(rest):
        kinds.add(Forum.FIRST_COMMITTEE)
    if len(kinds) > 1:
        return None, "the line names both the First Committee and the plenary"
    if kinds:
        return next(iter(kinds)), None
    if years or _PLENARY.search(rest):
        return Forum.PLENARY, None
    return None, None
