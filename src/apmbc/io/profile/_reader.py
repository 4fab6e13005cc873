"""The reader behind :func:`~apmbc.io.profile.parse_profile`: a page's lines, section by section."""

from __future__ import annotations

import datetime as _dt
import os
import re

import attrs

from apmbc.domain.meetings import meeting_at
from apmbc.domain.names import fold
from apmbc.errors import ArgumentTypeError, ParseError
from apmbc.io._files import MAX_PAGE_BYTES, check_path, read_text
from apmbc.io.profile._lines import MAX_LINE, Line, split_lines
from apmbc.io.profile._statements import attribution_only, read_statement
from apmbc.io.profile._votes import read_vote_line
from apmbc.models import Forum, Source, Statement, VotePosition

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
    votes: tuple[ProfileVote, ...] = ()
    statements: tuple[Statement, ...] = ()
    """``Statement.state`` is the page's State name (``""`` if unknown) until merged."""
    unparsed: tuple[UnparsedLine, ...] = ()
    """Every content line that was not understood; nothing on the page is silently lost."""
    source: Source | None = None


# -- headings and page furniture ----------------------------------------------------------------

_WHO = r"(?P<who>[^\d:;!?\"“”<>]{1,120}?)"
_OBSERVER_HEADING = re.compile(
    _WHO + r"\s+has\s+(?:also\s+)?(?:participated|taken\s+part|attended)\s+"
    r"(?:as\s+(?:an\s+)?observers?\s+)?(?:in\s+)?(?:the\s+)?following\s+(?:formal\s+)?meetings?"
    r"(?:\s+of\s+the\s+(?:convention|states\s+parties))?(?:\s+as\s+(?:an\s+)?observers?)?"
    r"\s*(?:[.,;]|:\s*(?P<rest>.*))?",
    re.IGNORECASE,
)
_VOTE_HEADING = re.compile(
    _WHO + r"\s+(?:(?:most\s+)?recently\s+|also\s+)?has\s+(?:(?:most\s+)?recently\s+|also\s+)?"
    r"voted\s+(?:on\s+[^,:;.]{1,200}?\s+)?as\s+follows\s*(?:[.,;]|:\s*(?P<rest>.*))?",
    re.IGNORECASE,
)
_STATEMENT_HEADING = re.compile(
    _WHO + r"\s+has\s+(?:also\s+)?(?:indicated|stated|declared)"
    r"(?P<topic>\s+(?:on|about|regarding)\s+(?:its|the|their)\s+[^,:;.]{1,80}?)?\s*[.,:;]?",
    re.IGNORECASE,
)
_NAME_CONNECTORS = frozenset(
    ("of", "the", "and", "da", "de", "del", "des", "di", "do", "du", "la", "le", "y")
)
_ELIDED_ARTICLES = ("d'", "d’", "l'", "l’")
_EXPLANATION_TOPIC = re.compile(r"abstention|vote|voting", re.IGNORECASE)
_GENERIC_WHO = frozenset(
    fold(w) for w in ("the State not party", "the State", "this State", "this State not party")
)
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
_ANNOTATION = re.compile(
    r"\s*(?:\(\s*(?:[^\W\d_][^(),\d]{0,40},\s*)?(?:19|20)\d\d\s*\)|[-–—:]\s*(?:19|20)\d\d\b)"
)
_COMPLETE_ENDING = tuple('.!?"”’»)]…')
_SNAPSHOTS = re.compile(r"snapshots\s+of\s+(?P<name>[^\W\d_][^\d:;,.]{0,59}?)\s+during\b", re.I)


def _furniture(text: str) -> bool:
    folded = text.lower().replace("’", "'")
    return folded.rstrip(" .") in _FURNITURE_EXACT or folded.startswith(_FURNITURE_PREFIXES)


def _match_heading(text: str) -> tuple[str, re.Match[str]] | None:
    """The section a heading opens (``observer``, ``votes``, ``statements``) and its match."""
    if len(text) > 600:
        return None
    for section, pattern in (
        ("observer", _OBSERVER_HEADING),
        ("votes", _VOTE_HEADING),
        ("statements", _STATEMENT_HEADING),
    ):
        match = pattern.fullmatch(text)
        if match is not None and _who_like(match.group("who").strip()):
            return section, match
    return None


def _who_like(who: str) -> bool:
    """Whether a heading's subject is "The State not party" or reads like a State's name."""
    if fold(who) in _GENERIC_WHO:
        return True
    words = who.replace("(", " ").replace(")", " ").replace(",", " ").split()
    if not words or len(words) > 8:
        return False
    return all(
        w[0].isupper() or w.lower() in _NAME_CONNECTORS or w.lower().startswith(_ELIDED_ARTICLES)
        for w in words
    )


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
    explanation_section: bool
    attribution: str | None = None
    attribution_line: Line | None = None

    @property
    def text(self) -> str:
        return " ".join(line.text for line in self.lines)

    @property
    def last_line(self) -> Line:
        return self.attribution_line or self.lines[-1]


class _Reader:
    """Walks the lines of a page once, section by section."""

    def __init__(self, lines: list[Line], hint: str | None, source: Source | None) -> None:
        self.lines = lines
        self.hint = hint
        self.source = source
        self.section: str | None = None
        self.explanation_section = False
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

    def skip(self, line: Line, reason: str) -> None:
        self.unparsed.append(UnparsedLine(line=line.number, text=line.raw, reason=reason))

    def run(self) -> Profile | None:
        for line in self.lines:
            if not line.text:
                continue
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
            self.read_line(line)
            self.previous = line
        if not self.headings:
            return None
        self.settle_name()
        state = self.name or self.snapshots_of or self.hint
        return Profile(
            state=state,
            observer_meetings=tuple(self.meetings),
            votes=tuple(self.vote_list),
            statements=self.build_statements(state or ""),
            unparsed=tuple(sorted(self.unparsed, key=lambda u: u.line)),
            source=self.source,
        )

    def read_line(self, line: Line) -> None:
        if self.heading(line):
            return
        if self.section is None:
            if _name_like(line):
                self.candidates.append(line)
            else:
                self.skip(line, "text before the first section of the page")
        elif self.section == "observer":
            self.read_meetings(line, line.text)
        elif self.section == "votes":
            self.read_vote(line, line.text)
        else:
            self.read_statement(line)

    # -- headings -------------------------------------------------------------------------------

    def heading(self, line: Line) -> bool:
        found = _match_heading(line.text)
        if found is None:
            return False
        section, match = found
        if not self.headings:
            self.settle_name()
        self.headings += 1
        self.section = section
        self.note_who(line, match.group("who").strip())
        if section == "statements":
            topic = match.group("topic") or ""
            self.explanation_section = _EXPLANATION_TOPIC.search(topic) is not None
        rest = match.groupdict().get("rest")
        if rest:
            if section == "observer":
                self.read_meetings(line, rest)
            else:
                self.read_vote(line, rest)
        return True

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

    def note_who(self, line: Line, who: str) -> None:
        folded = fold(who)
        if folded in _GENERIC_WHO or not folded:
            return
        if self.name is None:
            self.name = who
        elif folded != fold(self.name):
            self.skip(
                line,
                f"the heading names {who!r} but the page is about {self.name!r} "
                "(the section is read all the same)",
            )

    # -- sections -------------------------------------------------------------------------------

    def read_meetings(self, line: Line, text: str) -> None:
        unknown: list[str] = []
        pos, end = 0, len(text)
        while pos < end:
            separator = _SEPARATORS.match(text, pos)
            if separator is not None and separator.end() > pos:
                pos = separator.end()
                continue
            found = meeting_at(text, pos)
            if found is not None:
                code, pos = found
                annotation = _ANNOTATION.match(text, pos)
                if annotation is not None:
                    pos = annotation.end()
                self.meetings.setdefault(code, None)
                continue
            piece_end = _PIECE_END.search(text, pos)
            stop = end if piece_end is None else piece_end.start()
            unknown.append(text[pos:stop].strip())
            pos = stop
        if unknown:
            shown = ", ".join(repr(p if len(p) <= 60 else p[:57] + "...") for p in unknown[:5])
            self.skip(line, f"not a meeting code or name in the observer list: {shown}")

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
        if last is not None and last.attribution is None and last.lines[-1] is self.previous:
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
        self.drafts.append(_Draft(lines=[line], explanation_section=self.explanation_section))

    def build_statements(self, state: str) -> tuple[Statement, ...]:
        sources = (self.source,) if self.source is not None else ()
        built: list[Statement] = []
        seen: set[tuple[str, str | None]] = set()
        for draft in self.drafts:
            parts = read_statement(
                draft.text,
                explanation_section=draft.explanation_section,
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
            notes = parts.notes
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


def _parse(text: object, state: str | None, source: Source | None, label: str | None) -> Profile:
    if not isinstance(text, str):
        raise ParseError(
            f"expected the page as text (str), got {type(text).__name__}; "
            "decode bytes first or use read_profile()",
            source=label,
        )
    if state is not None and not isinstance(state, str):
        raise ArgumentTypeError(f"state must be a str or None, not {type(state).__name__}")
    profile = _Reader(split_lines(text, label), state, source).run()
    if profile is None:
        raise ParseError(
            "not a State profile page: none of its section headings was found (expected e.g. "
            "'The State not party has participated as Observer in the following meetings of "
            "the Convention', '... has voted as follows,' or '... has indicated,')",
            source=label,
        )
    return profile


def parse_profile(
    text: str, *, state: str | None = None, source: str | Source | None = None
) -> Profile:
    """Read the text of a State profile page (plain text or HTML) into a :class:`Profile`.

    ``state`` is the State's name to use when the page does not give one; ``source`` (a URL,
    a citation, or a :class:`~apmbc.models.Source`) is recorded on the profile and on every
    statement. Raises :class:`~apmbc.errors.ParseError` (and nothing else for any text) when
    the text is not a profile page at all: empty, binary, or without any recognised section.
    """
    src = _as_source(source)
    return _parse(text, state, src, _label(src))


def read_profile(
    path: str | os.PathLike[str], *, state: str | None = None, source: str | Source | None = None
) -> Profile:
    """Read a profile page from a UTF-8 file (a byte order mark is allowed).

    Raises :class:`~apmbc.errors.ParseError` naming the file (and the line of the first bad
    byte) when it cannot be read, is not UTF-8, is larger than a web page can be, or is not a
    profile page. Without ``source``, the profile's source cites the file.
    """
    name = check_path(path)
    text = read_text(name, max_bytes=MAX_PAGE_BYTES, what="profile page")
    if not text:
        raise ParseError("the file is empty: expected a State profile page", source=name)
    src = _as_source(source)
    if src is None:
        src = Source(citation=name, note="State profile page read from a file")
    return _parse(text, state, src, name)
