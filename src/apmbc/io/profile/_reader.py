"""The reader behind :func:`~apmbc.io.profile.parse_profile`: a page's lines, section by section."""

from __future__ import annotations

import datetime as _dt
import os
import re
from typing import TYPE_CHECKING

import attrs

from apmbc.domain.dates import FoundYears, find_years
from apmbc.domain.meetings import meeting_at, meeting_years
from apmbc.domain.names import fold
from apmbc.errors import ArgumentTypeError, ParseError
from apmbc.io._files import (
    MAX_PAGE_BYTES,
    check_max_bytes,
    check_path,
    no_lone_surrogate,
    read_text,
)
from apmbc.io.profile._headings import OBSERVER, VOTES, Heading, classify
from apmbc.io.profile._lines import MAX_LINE, Line, split_lines
from apmbc.io.profile._statements import attribution_only, read_statement
from apmbc.io.profile._votes import read_vote_line
from apmbc.models import Forum, Source, Statement, StatementContext, VotePosition

if TYPE_CHECKING:
    from apmbc.dataset import Dataset, MeetingTable

__all__ = ["Profile", "ProfileVote", "UnparsedLine", "parse_profile", "read_profile"]


@attrs.frozen(kw_only=True)
class ProfileVote:
    """One vote a profile page lists; a year list gives one per year."""

    position: VotePosition
    session: int | None
    """The UN General Assembly session; ``None`` when the page does not say which."""
    forum: Forum | None
    """``plenary`` or ``first_committee``; ``None`` when the page does not say."""
    date: _dt.date | None = None
    line: str
    """The line of the page the vote was read from, as printed."""


@attrs.frozen(kw_only=True)
class UnparsedLine:
    """A content line of a page that was not understood, with its 1-based line number and why."""

    line: int
    text: str
    reason: str

    def __str__(self) -> str:
        shown = self.text if len(self.text) <= 80 else self.text[:77] + "..."
        return f"line {self.line}: {self.reason}: {shown!r}"


@attrs.frozen(kw_only=True)
class Profile:
    """What a State profile page says: meetings attended as observer, votes and statements."""

    state: str | None
    """The State's name as the page gives it, else the ``state`` hint, else ``None``."""
    observer_meetings: tuple[str, ...] = ()
    """Canonical meeting codes (``1MSP``, ``1RC``) in page order, each once."""
    attended_count: int | None = None
    """How many meetings the page says the State took part in, where a heading says so ("has
    participated in 8 of the 27 formal Meetings ..."); ``None`` when no heading gives a count."""
    meetings_held: int | None = None
    """How many meetings had been held, as the same heading says (the 27); else ``None``."""
    votes: tuple[ProfileVote, ...] = ()
    statements: tuple[Statement, ...] = ()
    """``Statement.state`` is the page's State name (``""`` if unknown) until merged."""
    unparsed: tuple[UnparsedLine, ...] = ()
    """Every content line that was not understood; nothing on the page is silently lost."""
    source: Source | None = None
    checked_with: str | None = None
    """Which meeting data checked the years written with meeting codes ("19MSP - 2021"): the
    ``data_version`` of the dataset (the bundled data's, unless ``meetings=`` was given), or
    ``"MeetingTable of N meetings"``; ``None`` when the page wrote no year that needed checking."""

    def to_dataset(self, ds: Dataset, state: str | None = None) -> Dataset:
        """The page's facts as a dataset to merge into ``ds`` (see :func:`apmbc.merge`).

        The State is ``state`` (a name or code) or else the one the page names, looked up in
        ``ds``: an unknown State raises :class:`~apmbc.errors.UnknownStateError`, no State at all
        :class:`~apmbc.errors.DataValidationError`. The result holds ``ds``'s record of the
        State, an observer attendance for each meeting listed (``evidence`` says it was read
        from the page), each vote with its session's resolution symbol, and each statement; every
        fact cites :attr:`source` (or a note that the page's source was not given). A meeting
        ``ds`` does not know and a vote without a session or forum are not facts of the result:
        its ``metadata.notes`` list each (``skipped: ...``), and each line of :attr:`unparsed`
        (``unparsed: ...``).
        """
        from apmbc.io.profile._dataset import profile_dataset

        return profile_dataset(self, ds, state)[0]


# -- headings and page furniture ----------------------------------------------------------------

_FURNITURE_EXACT = frozenset(("skip to main content", "back to list", "latest views and updates"))
_FURNITURE_PREFIXES = (
    "many states not party acknowledge",
    "this page presents the latest information",
    "since 1997, the un general assembly has adopted",
    "formal and informal statements",
    "snapshots of",
)
_NAME = re.compile(r"[^\W\d_][^\d:;!?\"“”<>|/\\@#=+*\[\]{}]{0,59}")
_SEPARATORS = re.compile(r"(?:[\s,;/&+]|\band\b)+", re.IGNORECASE)
_PIECE_END = re.compile(r"[,;]")
_PARENTHESIS = re.compile(r"\s*\((?P<inner>[^()]{1,60})\)")
_BEFORE_YEAR = re.compile(r"\s*[-–—:,]\s*|\s+")
_YEAR_WINDOW = 16
"""Characters after a meeting code within which a year written with it ends."""
_COMPLETE_ENDING = tuple('.!?"”’»)]…')
_SNAPSHOTS = re.compile(r"snapshots\s+of\s+(?P<name>[^\W\d_][^\d:;,.]{0,59}?)\s+during\b", re.I)


def _furniture(text: str) -> bool:
    folded = text.lower().replace("’", "'")
    return folded.rstrip(" .") in _FURNITURE_EXACT or folded.startswith(_FURNITURE_PREFIXES)


def _place_like(text: str) -> bool:
    """Whether ``text`` (before a year in parentheses) is empty or reads like a city's name."""
    return not text or (
        len(text) <= 40 and text[0].isalpha() and all(c.isalpha() or c in " -'’." for c in text)
    )


def _year_after(text: str, pos: int) -> tuple[int, FoundYears, str] | None:
    """A year written after a meeting code ending at ``pos``: "(2021)", "(Oslo, 2019)",
    " - 2021", ", 2021", ": 2021", " 2021". Gives where it ends, the years and the text."""
    paren = _PARENTHESIS.match(text, pos)
    if paren is not None:
        inner = paren.group("inner")
        found = find_years(inner, limit=2)
        if len(found) != 1 or inner[found[0].end :].strip():
            return None
        if not _place_like(inner[: found[0].start].strip().rstrip(",").rstrip()):
            return None
        return paren.end(), found[0], paren.group().strip()
    lead = _BEFORE_YEAR.match(text, pos)
    if lead is None:
        return None
    window = text[lead.end() : lead.end() + _YEAR_WINDOW]
    if not window[:4].isdigit():
        return None  # the quick answer: no year starts here
    found = find_years(window, limit=1)
    if not found or found[0].start != 0:
        return None
    end = lead.end() + found[0].end
    return end, found[0], text[pos:end].strip(" ,:-–—")


def _name_like(line: Line) -> bool:
    text = line.text
    return (
        not line.bullet
        and _NAME.fullmatch(text) is not None
        and len(text.split()) <= 6
        and not text.endswith((",", "."))
    )


@attrs.define
class _Draft:
    """A statement being collected: its lines (a wrapped quote continues on unbulleted lines)."""

    lines: list[Line]
    context: StatementContext | None
    """What the section's heading says its statements are."""
    attribution: str | None = None
    attribution_line: Line | None = None
    closed: bool = False
    """Whether nothing may join it (a heading read as a statement)."""
    notes: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        return " ".join(line.text for line in self.lines)

    @property
    def last_line(self) -> Line:
        return self.attribution_line or self.lines[-1]


@attrs.define
class _Count:
    """A heading that states how many meetings the State took part in, and what its list names."""

    line: Line
    count: int
    listed: dict[str, None] = attrs.Factory(dict)


_SUMMARY_NOTE = "the page's own summary of the State's policy, printed as a section heading"


class _Reader:
    """Walks the lines of a page once, section by section."""

    def __init__(
        self,
        lines: list[Line],
        hint: str | None,
        source: Source | None,
        meetings: Dataset | MeetingTable | None,
    ) -> None:
        self.lines = lines
        self.hint = hint
        self.source = source
        self.section: str | None = None
        self.context: StatementContext | None = None
        """What the current statements section's heading says its statements are."""
        self.headings = 0
        self.name: str | None = None
        self.candidates: list[Line] = []
        self.meetings: dict[str, None] = {}
        self.votes: dict[tuple[VotePosition, int | None, Forum | None, _dt.date | None], None] = {}
        self.vote_list: list[ProfileVote] = []
        self.drafts: list[_Draft] = []
        self.unparsed: list[UnparsedLine] = []
        self.last_content = 0
        self.snapshots_of: str | None = None
        self.previous: Line | None = None
        """The content line read just before the current one."""
        self.given_meetings = meetings
        self.table: MeetingTable | None = None
        self.checked_with: str | None = None
        self.count: _Count | None = None
        """The open meeting list's stated count, until the list ends."""
        self.attended_count: int | None = None
        self.meetings_held: int | None = None

    def skip(self, line: Line, reason: str) -> None:
        self.unparsed.append(UnparsedLine(line=line.number, text=line.raw, reason=reason))

    def run(self) -> Profile | None:
        for line in self.lines:
            if not line.text:
                continue  # an empty bullet ("•", "- ") is page furniture
            if len(line.text) > MAX_LINE:
                self.last_content = line.number
                self.skip(
                    line,
                    f"a line of {len(line.text):,} characters, longer than any line of a profile "
                    f"page ({MAX_LINE:,}): not read",
                )
                continue
            if _furniture(line.text):
                self.snapshot_name(line.text)
                continue
            self.last_content = line.number
            self.previous = self.read_line(line)
        if not self.headings:
            return None
        self.close_count()
        self.settle_name()
        state = self.name or self.snapshots_of or self.hint
        return Profile(
            state=state,
            observer_meetings=tuple(self.meetings),
            attended_count=self.attended_count,
            meetings_held=self.meetings_held,
            votes=tuple(self.vote_list),
            statements=self.build_statements(state or ""),
            unparsed=tuple(sorted(self.unparsed, key=lambda u: u.line)),
            source=self.source,
            checked_with=self.checked_with,
        )

    def read_line(self, line: Line) -> Line:
        """Read one content line; gives the line a following line continues (see
        :meth:`read_statement`)."""
        found = classify(line.text)
        if found is not None:
            return self.heading(line, found)
        if self.section is None:
            if _name_like(line):
                self.candidates.append(line)
            else:
                self.skip(line, "text before the first section of the page")
        elif self.section == OBSERVER:
            self.read_meetings(line, line.text)
        elif self.section == VOTES:
            self.read_vote(line, line.text)
        else:
            self.read_statement(line)
        return line

    # -- headings -------------------------------------------------------------------------------

    def heading(self, line: Line, found: Heading) -> Line:
        if not self.headings:
            self.settle_name()
        self.close_count()
        self.headings += 1
        self.section = found.section
        self.context = found.context
        if found.state is not None:
            self.note_who(line, found.who, found.state)
        if found.count is not None:
            self.count = _Count(line=line, count=found.count)
            if self.attended_count is None:
                self.attended_count, self.meetings_held = found.count, found.total
        if found.summary:
            self.drafts.append(
                _Draft(lines=[line], context=found.context, closed=True, notes=(_SUMMARY_NOTE,))
            )
        if not found.rest:
            return line
        if found.section == OBSERVER:
            self.read_meetings(line, found.rest)
        elif found.section == VOTES:
            self.read_vote(line, found.rest)
        else:
            rest = Line(number=line.number, raw=line.raw, text=found.rest, bullet=False)
            self.read_statement(rest)
            return rest
        return line

    def close_count(self) -> None:
        """Compare the meetings a closing list named with the count its heading stated."""
        count, self.count = self.count, None
        if count is None or len(count.listed) == count.count:
            return
        listed = len(count.listed)
        self.skip(
            count.line,
            f"the heading says the State took part in {count.count} meeting"
            f"{'' if count.count == 1 else 's'}, but the list below it names {listed}"
            + (f" ({', '.join(count.listed)})" if count.listed else ""),
        )

    def snapshot_name(self, text: str) -> None:
        """The name in "Snapshots of Cuba during ... on Flickr", a last resort for the State."""
        match = _SNAPSHOTS.match(text)
        if match is not None and self.snapshots_of is None:
            self.snapshots_of = match.group("name")

    def settle_name(self) -> None:
        """The last name-like line before the first heading names the State; others are kept."""
        if self.candidates:
            *others, chosen = self.candidates
            if self.name is None:
                self.name = chosen.text
            for other in others:
                self.skip(other, "text before the first section of the page")
            self.candidates = []

    def note_who(self, line: Line, who: str, state: str) -> None:
        """A heading that names a State (``who`` as printed, ``state`` the name it gives): the
        page's State, unless the page named another."""
        if not fold(state):
            return
        if self.name is None:
            self.name = state
        elif fold(state) != fold(self.name):
            self.skip(
                line,
                f"the heading names {who!r} but the page is about {self.name!r} "
                "(the section is read all the same)",
            )

    # -- sections -------------------------------------------------------------------------------

    def meeting_table(self) -> MeetingTable:
        """The meetings years are checked against: given, or the bundled data's (loaded now)."""
        if self.table is None:
            given = self.given_meetings
            if given is None:
                from apmbc.io._bundled import bundled

                given = bundled()
            from apmbc.dataset import Dataset

            if isinstance(given, Dataset):
                self.table = given.meetings
                self.checked_with = given.metadata.data_version
            else:
                self.table = given
                self.checked_with = f"MeetingTable of {len(given)} meetings"
        return self.table

    def year_problem(self, code: str, years: FoundYears, written: str) -> str | None:
        """Why the year written with a meeting is not one of its years, or ``None``."""
        meeting = self.meeting_table().get(code)
        if meeting is None:
            return None  # a meeting the data does not know: read; merge reports it
        held = meeting_years(meeting)
        if not held or all(year in held for year in years.years):
            return None
        when = str(held[0]) if len(held) == 1 else f"{held[0]}-{held[-1]}"
        dates = f"{meeting.start.isoformat() if meeting.start else '?'} to " + (
            meeting.end.isoformat() if meeting.end else "?"
        )
        return f"{code} is given the year {written!r}, but it was held in {when} ({dates})"

    def read_meetings(self, line: Line, text: str) -> None:
        unknown: list[str] = []
        problems: list[str] = []
        pos, end = 0, len(text)
        while pos < end:
            separator = _SEPARATORS.match(text, pos)
            if separator is not None and separator.end() > pos:
                pos = separator.end()
                continue
            found = meeting_at(text, pos)
            if found is not None:
                code, pos = found
                problem = None
                year = _year_after(text, pos)
                if year is not None:
                    pos = year[0]
                    problem = self.year_problem(code, year[1], year[2])
                if self.count is not None:
                    self.count.listed.setdefault(code, None)
                if problem is not None:
                    problems.append(problem)
                else:
                    self.meetings.setdefault(code, None)
                continue
            piece_end = _PIECE_END.search(text, pos)
            stop = end if piece_end is None else piece_end.start()
            unknown.append(text[pos:stop].strip())
            pos = stop
        if unknown:
            shown = ", ".join(repr(p if len(p) <= 60 else p[:57] + "...") for p in unknown[:5])
            problems.append(f"not a meeting code or name in the observer list: {shown}")
        if problems:
            self.skip(line, "; ".join(problems))

    def read_vote(self, line: Line, text: str) -> None:
        reading = read_vote_line(text)
        if reading.problem is not None or reading.position is None:
            self.skip(line, reading.problem or "not a vote line")
            return
        for session, forum, day in reading.votes:
            key = (reading.position, session, forum, day)
            if key in self.votes:
                continue
            self.votes[key] = None
            self.vote_list.append(
                ProfileVote(
                    position=reading.position,
                    session=session,
                    forum=forum,
                    date=day,
                    line=line.raw,
                )
            )

    def read_statement(self, line: Line) -> None:
        """A statement line; an attribution alone or an unbulleted continuation joins the last."""
        last = self.drafts[-1] if self.drafts else None
        if (
            last is not None
            and not last.closed
            and last.attribution is None
            and last.lines[-1] is self.previous
        ):
            attribution = attribution_only(line.text)
            if attribution is not None:
                last.attribution = attribution
                last.attribution_line = line
                return
            if (
                last.lines[0].bullet
                and not line.bullet
                and not last.lines[-1].text.endswith(_COMPLETE_ENDING)
                and len(last.text) + len(line.text) <= MAX_LINE
            ):
                last.lines.append(line)
                return
        self.drafts.append(_Draft(lines=[line], context=self.context))

    def build_statements(self, state: str) -> tuple[Statement, ...]:
        sources = (self.source,) if self.source is not None else ()
        built: list[Statement] = []
        seen: set[tuple[str, str | None]] = set()
        for draft in self.drafts:
            parts = read_statement(
                draft.text,
                section=draft.context,
                attribution=draft.attribution,
            )
            if isinstance(parts, str):
                for line in draft.lines:
                    self.skip(line, parts)
                if draft.attribution_line is not None:
                    self.skip(draft.attribution_line, "an attribution without a statement")
                continue
            if (parts.text, parts.attribution) in seen:
                continue
            seen.add((parts.text, parts.attribution))
            notes = draft.notes + parts.notes
            last_line = draft.last_line
            if last_line.number == self.last_content and not last_line.text.endswith(
                _COMPLETE_ENDING
            ):
                notes += ("the page ends here mid-sentence: the text may be cut off",)
            built.append(
                Statement(
                    state=state,
                    text=parts.text,
                    context=parts.context,
                    verbatim=parts.verbatim,
                    attribution=parts.attribution,
                    meeting=parts.meeting,
                    session=parts.session,
                    forum=parts.forum,
                    year=parts.year,
                    date=parts.date,
                    sources=sources,
                    notes=notes,
                )
            )
        return tuple(built)


# -- public API ---------------------------------------------------------------------------------

_URL = re.compile(r"https?://\S+", re.IGNORECASE)


def _as_source(source: str | Source | None) -> Source | None:
    if source is None or isinstance(source, Source):
        return source
    if not isinstance(source, str):
        raise ArgumentTypeError(f"source must be a str or a Source, not {type(source).__name__}")
    text = source.strip()
    if _URL.fullmatch(text):
        return Source(url=text)
    return Source(citation=text)


def _label(source: Source | None) -> str | None:
    if source is None:
        return None
    return source.url or source.citation or source.title


def _check_meetings(meetings: object) -> Dataset | MeetingTable | None:
    from apmbc.dataset import Dataset, MeetingTable

    if meetings is None or isinstance(meetings, (Dataset, MeetingTable)):
        return meetings
    raise ArgumentTypeError(
        f"meetings must be a Dataset, a MeetingTable or None (the bundled data), "
        f"not {type(meetings).__name__}"
    )


def _parse(
    text: object,
    state: str | None,
    source: Source | None,
    label: str | None,
    meetings: Dataset | MeetingTable | None,
) -> Profile:
    if not isinstance(text, str):
        raise ParseError(
            f"expected the page as text (str), got {type(text).__name__}; "
            "decode bytes first or use read_profile()",
            source=label,
        )
    if state is not None and not isinstance(state, str):
        raise ArgumentTypeError(f"state must be a str or None, not {type(state).__name__}")
    no_lone_surrogate(text, label, "profile page")
    profile = _Reader(split_lines(text, label), state, source, meetings).run()
    if profile is None:
        raise ParseError(
            "not a State profile page: none of its section headings was found (expected a line "
            "saying what the State not party has done, e.g. 'The State not party has "
            "participated as Observer in the following meetings of the Convention', '... has "
            "voted as follows,' or '... has indicated,')",
            source=label,
        )
    return profile


def parse_profile(
    text: str,
    *,
    state: str | None = None,
    source: str | Source | None = None,
    meetings: Dataset | MeetingTable | None = None,
) -> Profile:
    """Read the text of a State profile page (plain text or HTML) into a :class:`Profile`.

    ``state`` is the State's name to use when the page does not give one; ``source`` (a URL,
    a citation, or a :class:`~apmbc.models.Source`) is recorded on the profile and on every
    statement. ``meetings`` (a :class:`~apmbc.dataset.Dataset` or its ``meetings`` table) is
    what a year written with a meeting code ("19MSP - 2021") is checked against; without it,
    the bundled data, loaded only when the page writes such a year (see
    :attr:`Profile.checked_with`).

    Sections are found by what their headings are about (taking part in meetings, votes,
    statements, national policy), whatever their wording. Raises
    :class:`~apmbc.errors.ParseError` (and nothing else for any text) when the text is not a
    profile page at all: empty, binary, or without any recognised section;
    :class:`~apmbc.errors.ArgumentTypeError` for arguments of the wrong type.
    """
    src = _as_source(source)
    return _parse(text, state, src, _label(src), _check_meetings(meetings))


def read_profile(
    path: str | os.PathLike[str],
    *,
    state: str | None = None,
    source: str | Source | None = None,
    meetings: Dataset | MeetingTable | None = None,
    max_bytes: int = MAX_PAGE_BYTES,
) -> Profile:
    """Read a profile page from a UTF-8 file (a byte order mark is allowed).

    Raises :class:`~apmbc.errors.ParseError` naming the file (and the line of the first bad
    byte) when it cannot be read, is not UTF-8, is larger than ``max_bytes`` (64 MiB by
    default: no web page is; ``/dev/zero`` and endless streams end there too), or is not a
    profile page. Without ``source``, the profile's source cites the file. ``state`` and
    ``meetings`` are as for :func:`parse_profile`.
    """
    name = check_path(path)
    checked = _check_meetings(meetings)
    text = read_text(name, max_bytes=check_max_bytes(max_bytes), what="profile page")
    if not text:
        raise ParseError("the file is empty: expected a State profile page", source=name)
    src = _as_source(source)
    if src is None:
        src = Source(citation=name, note="State profile page read from a file")
    return _parse(text, state, src, name, checked)
