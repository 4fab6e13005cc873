"""The reader behind :func:`~apmbc.io.recorded_vote.parse_recorded_vote`.

A text is read once, line by line, into *units*: sentences of prose and lists of names (a list
opens at "In favour:", "Against:", "Abstain:", "Abstaining:" or "Absent:" and runs over the
lines of names that follow). Then:

1. every tally ("159 in favour to none against, with 19 abstentions") is a vote; a group of
   lists belongs to the tally whose sentence ends "as follows:" just before it (a press release)
   or, failing that, to the tally just after it (a meeting record: "Draft resolution XI was
   adopted by 168 votes to none, with 17 abstentions"), else to none (its figures are counted);
2. each vote's draft is read from its sentence (its symbol, "draft resolution XI", its title)
   or from the sentences just before; a title missing there is looked up where the text names
   the same draft or label with its title;
3. mentions of one draft (a press release's body and its annex) become one vote;
4. session and forum come from the symbols (``A/C.1/...`` is the First Committee), the
   document's own symbol (``A/70/PV.67``, ``GA/DIS/3540``) and, last, its date;
5. the title filter keeps the votes; names are resolved, lists checked against the tally,
   corrections attached.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import re
from collections.abc import Callable, Iterable

import attrs

from apmbc.dataset import Dataset
from apmbc.domain.calendar import LAST_SESSION, date_in_session, session_of_date
from apmbc.domain.dates import find_dates
from apmbc.domain.names import collapse_spaces, fold
from apmbc.domain.symbols import (
    FoundSymbol,
    Symbol,
    SymbolKind,
    find_symbols,
    parse_symbol,
    press_release_forum,
)
from apmbc.domain.titles import is_convention_title
from apmbc.errors import ApmbcError, ParseError
from apmbc.io.recorded_vote import _grammar as g
from apmbc.io.recorded_vote._lines import MAX_LINE, Line
from apmbc.io.recorded_vote._model import RecordedVotes, RollCall, VoteIssue
from apmbc.io.recorded_vote._names import Resolver
from apmbc.models import (
    Forum,
    Resolution,
    Source,
    SourceKind,
    State,
    Tally,
    Vote,
    VotePosition,
)

__all__ = ["read_lines"]

MAX_VOTES = 2_000
"""Recorded votes in the largest text that is read; a day's meeting record holds a few dozen."""
MAX_NAMES = 200_000
"""Names in all the lists of the largest text that is read (a roll call lists at most 193)."""
_YEAR = re.compile(r"\d{4}")
_HEADER_LINES = 40
"""The document's own symbol and date are looked for in its first lines."""
_LOOK_BACK = 6
"""Units before a vote in which its draft may be named."""
_ORDER = (VotePosition.YES, VotePosition.NO, VotePosition.ABSTAIN, VotePosition.ABSENT)


def _fits(tally: g.Tally, lists: list[_List]) -> bool:
    """Whether the lists' lengths are the tally's figures."""
    figures = {
        VotePosition.YES: tally.yes,
        VotePosition.NO: tally.no,
        VotePosition.ABSTAIN: tally.abstain,
    }
    return all(len(u.names()) == figures[u.position] for u in lists if u.position in figures)


def _furniture(text: str) -> bool:
    """Whether a line could be a page's header or footer (a few words, no sentence, no tally)."""
    return len(text) <= 120 and len(text.split()) <= 6 and not g.find_tallies(text)


def _short(text: str, limit: int = 200) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."


# -- units ---------------------------------------------------------------------------------------


@attrs.define
class _Sentence:
    """A sentence of prose, with the lines its text came from."""

    text: str
    offsets: list[int]
    numbers: list[int]
    tallies: list[g.Tally] = attrs.Factory(list)
    drafts: list[g.DraftMention] = attrs.Factory(list)
    _symbols: list[FoundSymbol] | None = None

    @property
    def symbols(self) -> list[FoundSymbol]:
        """The symbols the sentence writes (read when first asked for: most are never needed)."""
        if self._symbols is None:
            found = find_symbols(self.text, limit=50, documents=True) if "/" in self.text else []
            self._symbols = found
        return self._symbols

    def line_at(self, offset: int) -> int:
        return self.numbers[max(0, bisect.bisect_right(self.offsets, offset) - 1)]

    @property
    def line(self) -> int:
        return self.numbers[0]

    @property
    def last_line(self) -> int:
        return self.numbers[-1]


@attrs.define
class _List:
    """A list of names under one heading, with the lines it runs over."""

    position: VotePosition
    heading: str
    line: int
    parts: list[tuple[int, str]] = attrs.Factory(list)
    closed: bool = False
    """Its text ended with a period: nothing more belongs to it."""

    @property
    def last_line(self) -> int:
        return self.parts[-1][0] if self.parts else self.line

    @property
    def text(self) -> str:
        return " ".join(t for _, t in self.parts)

    def accepts(self, line: Line) -> bool:
        if self.closed:
            return False
        if not self.parts:
            return g.names_like(line.text) or g.split_names(line.text, False) == []
        last = self.parts[-1][1].rstrip()
        if last.endswith((",", ";", "-", "‐")) or last.lower().endswith(" and"):
            return g.names_like(line.text)
        return not line.gap and g.names_like(line.text)

    def continues(self) -> bool:
        """Its text ends with a comma: more names must follow."""
        return bool(self.parts) and not self.closed and self.parts[-1][1].rstrip().endswith(",")

    def add(self, number: int, text: str) -> None:
        self.parts.append((number, text))
        stripped = text.rstrip(" *)]")
        if stripped.endswith(".") and not stripped.endswith(" St."):
            self.closed = True

    def names(self) -> list[tuple[int, str, list[tuple[int, str]]]]:
        """``(line, name, pieces)`` for every name, in order. A name written over a line break
        not preceded by a comma ("Bolivia (Plurinational State" / "of)") is joined; ``pieces``
        then holds its parts line by line, for a caller to try if the joined name is no State
        ("Canada" / "Chile" with the comma missing)."""
        by_line = len(self.parts) > 1 and not any("," in t for _, t in self.parts)
        joined = ("\n" if by_line else " ").join(t for _, t in self.parts)
        starts: list[int] = []
        at = 0
        for _, text in self.parts:
            starts.append(at)
            at += len(text) + 1
        numbers = [n for n, _ in self.parts]
        out: list[tuple[int, str, list[tuple[int, str]]]] = []
        for start, end, name in g.split_names(joined, by_line):
            index = max(0, bisect.bisect_right(starts, start) - 1)
            last = max(0, bisect.bisect_right(starts, max(start, end - 1)) - 1)
            pieces: list[tuple[int, str]] = []
            if last > index:
                for i in range(index, last + 1):
                    a = max(start, starts[i])
                    b = min(end, starts[i] + len(self.parts[i][1]))
                    piece = collapse_spaces(joined[a:b]).strip(" .*")
                    if piece:
                        pieces.append((numbers[i], piece))
            out.append((numbers[index], name, pieces if len(pieces) > 1 else []))
        return out


_Unit = _Sentence | _List


class _Units:
    """Builds the units of a text from its lines."""

    def __init__(self, label: str | None) -> None:
        self.label = label
        self.names = 0
        self.units: list[_Unit] = []
        self.unread: list[VoteIssue] = []
        self._prose: list[tuple[int, str]] = []
        self._list: _List | None = None

    def run(self, lines: list[Line]) -> list[_Unit]:
        for line in lines:
            if line.too_long:
                self._flush_prose()
                self._close_list()
                self.unread.append(
                    VoteIssue(
                        line=line.number,
                        code="long-line",
                        message=f"a line of {len(line.text):,} characters, longer than any line "
                        f"a recorded vote is written on ({MAX_LINE:,}): not read",
                        text=line.text[:200],
                    )
                )
                continue
            if line.gap:
                self._flush_prose()
            heading = g.heading_at(line.text)
            if heading is not None:
                before = line.text[: heading.start].strip()
                if before:
                    self._close_list()
                    self._prose.append((line.number, before))
                self._flush_prose()
                self._open_lists(line, line.text[heading.start :])
                continue
            current = self._list
            if current is not None and current.accepts(line):
                current.add(line.number, line.text)
                self._count(line)
                continue
            if current is not None and current.continues() and _furniture(line.text):
                # A list that ends with a comma goes on: this line (a page's header or footer
                # in a record copied from a PDF) interrupts it and is reported, not read.
                self.unread.append(
                    VoteIssue(
                        line=line.number,
                        code="inside-list",
                        message=f"a line inside the list '{current.heading}' that is not names "
                        "(a page header or footer?): not read",
                        text=line.text,
                    )
                )
                continue
            self._close_list()
            self._prose.append((line.number, line.text))
        self._flush_prose()
        self._close_list()
        return self.units

    def _open_lists(self, line: Line, text: str) -> None:
        """The lists that ``text`` (starting with a heading) opens: one, or several written on
        one line ("In favour: A, B. Against: None. Abstain: C.")."""
        while True:
            heading = g.heading_at(text)
            if heading is None:  # pragma: no cover - the caller found one
                break
            self._close_list()
            self._list = _List(heading.position, heading.written, line.number)
            rest = text[heading.end :].strip()
            after = g.next_heading(rest)
            names = rest if after is None else rest[:after].strip()
            if names:
                self._list.add(line.number, names)
                self._count(line)
            if after is None:
                break
            text = rest[after:]

    def _count(self, line: Line) -> None:
        self.names += line.text.count(",") + 1
        if self.names > MAX_NAMES:
            raise ParseError(
                f"more than {MAX_NAMES:,} names in lists: far more than any recorded vote holds",
                source=self.label,
                line=line.number,
            )

    def _close_list(self) -> None:
        if self._list is not None:
            self.units.append(self._list)
            self._list = None

    def _flush_prose(self) -> None:
        if not self._prose:
            return
        self._close_list()
        pieces = self._prose
        self._prose = []
        text = " ".join(t for _, t in pieces)
        offsets: list[int] = []
        at = 0
        for _, piece in pieces:
            offsets.append(at)
            at += len(piece) + 1
        numbers = [n for n, _ in pieces]
        for start, end in g.sentences(text):
            first = max(0, bisect.bisect_right(offsets, start) - 1)
            last = max(first, bisect.bisect_right(offsets, max(start, end - 1)) - 1)
            sentence_offsets = [max(0, o - start) for o in offsets[first : last + 1]]
            sentence_offsets[0] = 0
            self.units.append(
                _Sentence(text[start:end], sentence_offsets, numbers[first : last + 1])
            )


# -- votes ---------------------------------------------------------------------------------------


@attrs.define
class _Vote:
    """One vote as read, before it becomes records."""

    first_line: int
    last_line: int
    unit: int
    """The unit of its tally, or of its first list."""
    tally: g.Tally | None = None
    tally_line: int | None = None
    lists: list[_List] = attrs.Factory(list)
    draft_symbol: Symbol | None = None
    resolution_symbol: Symbol | None = None
    document_symbol: Symbol | None = None
    label: str | None = None
    title: str | None = None
    part: str | None = None
    subject: str = ""
    corrections: list[tuple[int, g.Correction]] = attrs.Factory(list)
    merged_lines: list[int] = attrs.Factory(list)

    @property
    def symbols(self) -> set[str]:
        return {s.text for s in (self.draft_symbol, self.resolution_symbol) if s is not None}

    @property
    def draft(self) -> str | None:
        for symbol in (self.draft_symbol, self.resolution_symbol):
            if symbol is not None:
                return symbol.text
        return f"draft resolution {self.label}" if self.label else None


class Reader:
    """Reads the units of one text into :class:`RecordedVotes`."""

    def __init__(
        self,
        lines: list[Line],
        *,
        label: str | None,
        source: Source | None,
        keep: Callable[[str], bool],
        filter_label: str,
        keep_untitled: bool,
        dataset: Callable[[], Dataset],
    ) -> None:
        self.lines = lines
        self.label = label
        self.given_source = source
        self.keep = keep
        self.filter_label = filter_label
        self.keep_untitled = keep_untitled
        self._dataset_provider = dataset
        self._dataset: Dataset | None = None
        builder = _Units(label)
        self.units = builder.run(lines)
        self.unread: list[VoteIssue] = builder.unread
        self.problems: list[VoteIssue] = []
        self.skipped: list[VoteIssue] = []
        self.notes: list[str] = []
        self.dates: list[tuple[int, _dt.date]] = []
        self.corrections: list[tuple[int, int, g.Correction]] = []
        self.titles_by_symbol: dict[str, tuple[list[int], list[str]]] = {}
        self.titles_by_label: dict[str, tuple[list[int], list[str]]] = {}
        self._resolver: Resolver | None = None
        self._members: list[State] | None = None
        self._tallies = 0
        self._mention: int | None = None
        """The first line that speaks of a recorded vote, for a text in which none is read."""
        self._fitting: dict[int, tuple[list[int], list[_dt.date]]] = {}

    @property
    def dataset(self) -> Dataset:
        if self._dataset is None:
            self._dataset = self._dataset_provider()
        return self._dataset

    @property
    def resolver(self) -> Resolver:
        if self._resolver is None:
            self._resolver = Resolver(self.dataset)
        return self._resolver

    # -- reading the sentences ------------------------------------------------------------------

    def _scan(self) -> None:
        for index, unit in enumerate(self.units):
            if not isinstance(unit, _Sentence):
                continue
            text = unit.text
            unit.tallies = g.find_tallies(text)
            self._tallies += len(unit.tallies)
            if self._tallies > MAX_VOTES:
                raise ParseError(
                    f"more than {MAX_VOTES:,} tallies of recorded votes: far more than any "
                    "press release or meeting record holds",
                    source=self.label,
                    line=unit.line_at(unit.tallies[-1].start),
                )
            unit.drafts = g.find_drafts(text)
            if _YEAR.search(text) is not None:
                for found in find_dates(text, limit=10):
                    if found.date is not None:
                        self.dates.append((index, found.date))
            if self._mention is None and g.mentions_vote(text):
                self._mention = unit.line
            corrections, not_read = g.find_corrections(text)
            for correction in corrections:
                self.corrections.append((index, unit.line_at(correction.start), correction))
            for start, end in not_read:
                self.unread.append(
                    VoteIssue(
                        line=unit.line_at(start),
                        code="correction-not-read",
                        message="a delegation's intended vote, in words not read as a correction",
                        text=_short(text[start:end]),
                    )
                )
            if not unit.tallies and g.vote_talk(text):
                self.unread.append(
                    VoteIssue(
                        line=unit.line,
                        code="tally-not-read",
                        message="speaks of a vote's figures, but no tally of the shape 'N in "
                        "favour to N against, with N abstentions' or 'N votes to N, with N "
                        "abstentions' was read",
                        text=_short(text),
                    )
                )

    def _document(self) -> tuple[Symbol | None, _dt.date | None]:
        """The text's own symbol (a meeting record or a press release) and its date."""
        head = " ".join(line.text[:2_000] for line in self.lines[:_HEADER_LINES])
        record: Symbol | None = None
        press: Symbol | None = None
        for found in find_symbols(head, limit=100, documents=True):
            symbol = found.symbol
            if symbol.kind is SymbolKind.RECORD and record is None:
                record = symbol
            elif (
                symbol.organ == "GA"
                and press is None
                and press_release_forum(symbol.text) is not None
            ):
                press = symbol
        given = self.given_source.citation if self.given_source is not None else None
        if record is None and press is None and given:
            parsed = parse_symbol(given)
            if parsed is not None and (
                parsed.kind is SymbolKind.RECORD or press_release_forum(parsed.text) is not None
            ):
                return parsed, self._head_date(head)
        return record or press, self._head_date(head)

    def _head_date(self, head: str) -> _dt.date | None:
        for found in find_dates(head, limit=5):
            if found.date is not None:
                return found.date
        return self.dates[0][1] if self.dates else None

    # -- votes ----------------------------------------------------------------------------------

    def _groups(self) -> list[tuple[int, int]]:
        """The runs of lists, as ``(first unit, last unit)``; a repeated heading starts a run."""
        groups: list[tuple[int, int]] = []
        start: int | None = None
        seen: set[VotePosition] = set()
        for index, unit in enumerate(self.units):
            if isinstance(unit, _List):
                if start is not None and unit.position in seen:
                    groups.append((start, index - 1))
                    start, seen = None, set()
                if start is None:
                    start = index
                seen.add(unit.position)
            elif start is not None:
                groups.append((start, index - 1))
                start, seen = None, set()
        if start is not None:
            groups.append((start, len(self.units) - 1))
        return groups

    def _votes(self) -> list[_Vote]:
        self._index_titles()
        tallies: dict[tuple[int, int], _Vote] = {}
        for index, unit in enumerate(self.units):
            if isinstance(unit, _Sentence):
                for k, tally in enumerate(unit.tallies):
                    line = unit.line_at(tally.start)
                    vote = _Vote(
                        first_line=unit.line,
                        last_line=unit.last_line,
                        unit=index,
                        tally=tally,
                        tally_line=line,
                    )
                    self._subject(vote, index, unit, k)
                    tallies[(index, k)] = vote
        votes: list[_Vote] = list(tallies.values())
        for first, last in self._groups():
            lists = [u for u in self.units[first : last + 1] if isinstance(u, _List)]
            owner = self._owner(first, last, tallies)
            if owner is None:
                owner = _Vote(first_line=lists[0].line, last_line=lists[-1].last_line, unit=first)
                self._subject_before(owner, first)
                votes.append(owner)
            vote = owner
            vote.lists = lists
            vote.first_line = min(vote.first_line, lists[0].line)
            vote.last_line = max(vote.last_line, lists[-1].last_line)
        votes.sort(key=lambda v: (v.first_line, v.unit))
        return votes

    def _owner(self, first: int, last: int, tallies: dict[tuple[int, int], _Vote]) -> _Vote | None:
        """The tally a run of lists belongs to (see the module documentation).

        A sentence ending "as follows:" just before the lists claims them. Otherwise a tally
        just before and one just after may each be theirs: the one whose figures the lists'
        lengths match; else the one before if the tally after has lists of its own or these
        lists end with periods (a press release), else the one after (a meeting record).
        """
        before = self.units[first - 1] if first > 0 else None
        after = self.units[last + 1] if last + 1 < len(self.units) else None

        def free(index: int, k: int) -> _Vote | None:
            vote = tallies.get((index, k))
            return vote if vote is not None and not vote.lists else None

        previous: _Vote | None = None
        if isinstance(before, _Sentence):
            intro = before.text.rstrip()
            if before.tallies:
                previous = free(first - 1, len(before.tallies) - 1)
                if previous is not None and (
                    before.tallies[-1].as_follows or intro.endswith((":", "："))
                ):
                    return previous
            if intro.endswith((":", "：")) and first > 1:
                earlier = self.units[first - 2]
                if isinstance(earlier, _Sentence) and earlier.tallies:
                    found = free(first - 2, len(earlier.tallies) - 1)
                    if found is not None:
                        return found
        following: _Vote | None = None
        if isinstance(after, _Sentence) and after.tallies and not after.tallies[0].as_follows:
            following = free(last + 1, 0)
        if previous is None or following is None:
            return previous or following
        lists = [u for u in self.units[first : last + 1] if isinstance(u, _List)]
        fits = [v for v in (previous, following) if v.tally is not None and _fits(v.tally, lists)]
        if len(fits) == 1:
            return fits[0]
        beyond = self.units[last + 2] if last + 2 < len(self.units) else None
        if isinstance(beyond, _List) or all(u.closed for u in lists):
            return previous
        return following

    def _subject(self, vote: _Vote, index: int, unit: _Sentence, k: int) -> None:
        """The draft a tally is about, from its part of its sentence, else the sentences before."""
        tally = unit.tallies[k]
        seg_start = unit.tallies[k - 1].end if k > 0 else 0
        seg_end = unit.tallies[k + 1].start if k + 1 < len(unit.tallies) else len(unit.text)
        text = unit.text
        vote.subject = text[seg_start : tally.start]
        vote.part = g.part_vote(vote.subject)
        symbols = [s for s in unit.symbols if seg_start <= s.start < seg_end]
        self._take_symbols(vote, symbols, tally.start)
        labelled = g.label_in(text[seg_start:seg_end])
        if labelled is not None:
            vote.label = labelled[1]
        drafts = [d for d in unit.drafts if seg_start <= d.start < seg_end and d.title]
        before = [d for d in drafts if d.start < tally.start]
        chosen = before[-1] if before else (drafts[0] if drafts else None)
        if chosen is not None:
            vote.title = chosen.title
        else:
            vote.title = g.convention_title_in(text[seg_start:seg_end])
        if vote.draft_symbol is None and vote.label is None and vote.title is None:
            self._subject_before(vote, index)
        self._title_elsewhere(vote, index)

    def _take_symbols(self, vote: _Vote, symbols: list[FoundSymbol], at: int) -> None:
        def nearest(kind: Callable[[Symbol], bool]) -> Symbol | None:
            chosen = [s for s in symbols if kind(s.symbol)]
            before = [s for s in chosen if s.start < at]
            pick = before[-1] if before else (chosen[0] if chosen else None)
            return pick.symbol if pick is not None else None

        if vote.draft_symbol is None:
            vote.draft_symbol = nearest(lambda s: s.kind is SymbolKind.DRAFT)
        if vote.resolution_symbol is None:
            vote.resolution_symbol = nearest(
                lambda s: s.kind is SymbolKind.RESOLUTION and s.organ == "A"
            )
        if vote.document_symbol is None:
            vote.document_symbol = nearest(
                lambda s: s.kind is SymbolKind.DOCUMENT and s.organ == "A"
            )

    def _subject_before(self, vote: _Vote, index: int) -> None:
        """The draft named in the sentences just before unit ``index`` (back to another vote)."""
        for back in range(index - 1, max(-1, index - 1 - _LOOK_BACK), -1):
            unit = self.units[back]
            if isinstance(unit, _List):
                break
            if unit.tallies and back != index:
                tail = unit.text[unit.tallies[-1].end :]
                symbols = [s for s in unit.symbols if s.start >= unit.tallies[-1].end]
                drafts = [d for d in unit.drafts if d.start >= unit.tallies[-1].end]
            else:
                tail = unit.text
                symbols = unit.symbols
                drafts = unit.drafts
            self._take_symbols(vote, symbols, len(unit.text))
            labelled = g.label_in(tail)
            if vote.label is None and labelled is not None:
                vote.label = labelled[1]
            titled = [d for d in drafts if d.title]
            if vote.title is None and titled:
                vote.title = titled[-1].title
            if vote.title is None:
                vote.title = g.convention_title_in(tail)
            if unit.tallies or vote.title is not None or vote.draft_symbol is not None:
                break

    def _index_titles(self) -> None:
        """Where the text gives a draft's title beside its symbol or its label."""
        for at, unit in enumerate(self.units):
            if not isinstance(unit, _Sentence):
                continue
            for draft in unit.drafts:
                if draft.title is None:
                    continue
                keys = [
                    (self.titles_by_symbol, found.symbol.text)
                    for found in unit.symbols
                    if draft.start <= found.start <= draft.end + 80
                ]
                if draft.label is not None:
                    keys.append((self.titles_by_label, draft.label))
                for table, key in keys:
                    indices, titles = table.setdefault(key, ([], []))
                    indices.append(at)
                    titles.append(draft.title)

    def _title_elsewhere(self, vote: _Vote, index: int) -> None:
        """A title the text gives where it names the same draft symbol (the nearest mention
        before the vote, else the first after) or the same label (the nearest before)."""
        if vote.title is not None:
            return
        for symbol in (vote.draft_symbol, vote.resolution_symbol):
            if symbol is None:
                continue
            found = self.titles_by_symbol.get(symbol.text)
            if found:
                at = bisect.bisect_right(found[0], index)
                vote.title = found[1][at - 1] if at > 0 else found[1][0]
                return
        if vote.label is not None:
            found = self.titles_by_label.get(vote.label)
            if found:
                at = bisect.bisect_right(found[0], index)
                if at > 0:
                    vote.title = found[1][at - 1]

    # -- one vote per draft -----------------------------------------------------------------------

    def _merge(self, votes: list[_Vote], places: dict[int, tuple[int, Forum]]) -> list[_Vote]:
        """One vote per draft: mentions with a symbol in common (or, where one has no symbol,
        the same title) in the same session and forum are one vote, unless both have lists."""
        kept: list[_Vote] = []
        by_symbol: dict[tuple[tuple[int, Forum], str], _Vote] = {}
        by_title: dict[tuple[tuple[int, Forum], str], _Vote] = {}
        for vote in votes:
            place = places[id(vote)]
            title = fold(vote.title) if vote.title else None
            target: _Vote | None = None
            for symbol in sorted(vote.symbols):
                other = by_symbol.get((place, symbol))
                if other is None:
                    continue
                if vote.lists and other.lists:
                    self.problems.append(
                        VoteIssue(
                            line=vote.tally_line or vote.first_line,
                            code="duplicate-roll-call",
                            message=f"a second roll call for {symbol} (the first is on line "
                            f"{other.tally_line or other.first_line}): both are kept",
                        )
                    )
                    break
                target = other
                break
            if target is None and title:
                other = by_title.get((place, title))
                if (
                    other is not None
                    and not (vote.lists and other.lists)
                    and (not vote.symbols or not other.symbols)
                ):
                    target = other
            if target is None:
                kept.append(vote)
                target = vote
            else:
                self._absorb(target, vote)
            for symbol in target.symbols:
                by_symbol.setdefault((place, symbol), target)
            if target.title:
                by_title.setdefault((place, fold(target.title)), target)
        return kept

    def _absorb(self, target: _Vote, other: _Vote) -> None:
        """Fold ``other`` into ``target`` (the vote first read); the one with lists leads."""
        secondary = other
        if other.lists and not target.lists:
            secondary = attrs.evolve(target)
            for field in attrs.fields(_Vote):
                setattr(target, field.name, getattr(other, field.name))
        a, b = target.tally, secondary.tally
        if a is not None and b is not None and (a.yes, a.no, a.abstain) != (b.yes, b.no, b.abstain):
            self.problems.append(
                VoteIssue(
                    line=secondary.tally_line or secondary.first_line,
                    code="tally-conflict",
                    message=f"{target.draft or 'the draft'}: {b.yes}-{b.no}-{b.abstain} here, "
                    f"but {a.yes}-{a.no}-{a.abstain} on line {target.tally_line}; the latter "
                    "is kept",
                )
            )
        elif a is None and b is not None:
            target.tally, target.tally_line = b, secondary.tally_line
        for name in ("draft_symbol", "resolution_symbol", "document_symbol", "label", "title"):
            if getattr(target, name) is None:
                setattr(target, name, getattr(secondary, name))
        target.merged_lines.append(secondary.tally_line or secondary.first_line)

    # -- placing a vote -------------------------------------------------------------------------

    def _place(
        self, vote: _Vote, document: Symbol | None, day: _dt.date | None
    ) -> tuple[int, Forum, _dt.date | None] | str:
        """Session, forum and date, or why they cannot be told."""
        doc_forum: Forum | None = None
        doc_session: int | None = None
        if document is not None:
            if document.kind is SymbolKind.RECORD:
                doc_forum, doc_session = document.forum, document.session
            else:
                doc_forum = press_release_forum(document.text)
        symbols = [
            s for s in (vote.draft_symbol, vote.resolution_symbol, vote.document_symbol) if s
        ]
        forum = doc_forum or next((s.forum for s in symbols if s.forum is not None), None)
        session = next((s.session for s in symbols if s.session is not None), doc_session)
        date = self._date_of(vote, session)
        if session is None:
            date = date or day
            if date is not None:
                try:
                    session = session_of_date(date)
                except ApmbcError as exc:
                    return f"{exc}, so the text gives no session for it"
        if session is not None and not 1 <= session <= LAST_SESSION:
            return f"there is no General Assembly session {session}"
        if forum is None or session is None:
            missing = " and ".join(
                w for w, v in (("session", session), ("forum", forum)) if v is None
            )
            return f"the text gives no {missing} for it (no symbol of the draft or the document)"
        return session, forum, date

    def _date_of(self, vote: _Vote, session: int | None) -> _dt.date | None:
        """The last date written before the vote that fits its session, else the first that
        does; without a session, the last date before the vote."""
        if session is None:
            at = bisect.bisect_right(self._date_units, vote.unit)
            return self.dates[at - 1][1] if at > 0 else None
        fitting = self._fitting.get(session)
        if fitting is None:
            chosen = [(i, d) for i, d in self.dates if date_in_session(d, session)]
            fitting = self._fitting[session] = ([i for i, _ in chosen], [d for _, d in chosen])
        indices, days = fitting
        at = bisect.bisect_right(indices, vote.unit)
        if at > 0:
            return days[at - 1]
        return days[0] if days else None

    # -- the result -----------------------------------------------------------------------------

    def read(self) -> RecordedVotes:
        self._scan()
        self._date_units: list[int] = [i for i, _ in self.dates]
        votes = self._votes()
        if not votes:
            where = ""
            line = self._mention
            if self.unread:
                first = self.unread[0]
                where = f"; {len(self.unread)} part(s) not read, the first: {first.message}"
                line = first.line
            elif line is not None:
                where = f"; line {line} speaks of a recorded vote, but gives neither"
            raise ParseError(
                "no recorded vote found: expected a tally such as '159 in favour to none against, "
                "with 19 abstentions' or lists headed 'In favour:', 'Against:', 'Abstain:'" + where,
                source=self.label,
                line=line,
            )
        document, day = self._document()
        places: dict[int, tuple[int, Forum]] = {}
        placed: dict[int, tuple[int, Forum, _dt.date | None]] = {}
        for vote in votes:
            place = self._place(vote, document, day)
            if isinstance(place, str):
                self.unread.append(
                    VoteIssue(
                        line=vote.tally_line or vote.first_line,
                        code="unplaced",
                        message=f"a vote on {vote.draft or 'an unnamed draft'}: {place}; not read",
                    )
                )
                continue
            places[id(vote)] = place[:2]
            placed[id(vote)] = place
        votes = self._merge([v for v in votes if id(v) in places], places)
        self._attach_corrections(votes)
        source = self._source(document)
        roll_calls: list[RollCall] = []
        used: set[str] = set()
        for vote in votes:
            built = self._build(vote, placed[id(vote)], source, used)
            if built is not None:
                roll_calls.append(built)
        self._truncated()
        self.notes.insert(
            0,
            f"Read {len(votes)} recorded vote(s) from {self.label or 'the text'}; kept "
            f"{len(roll_calls)} (title filter: {self.filter_label}); States' names resolved with "
            f"the data version {self.dataset.metadata.data_version}.",
        )
        states = tuple(s for s in self.dataset.states if s.code in used) if used else ()
        return RecordedVotes(
            roll_calls=tuple(roll_calls),
            problems=tuple(sorted(self.problems, key=lambda i: i.line)),
            unread=tuple(sorted(self.unread, key=lambda i: i.line)),
            skipped=tuple(sorted(self.skipped, key=lambda i: i.line)),
            states=states,
            notes=tuple(self.notes),
            source=source,
            data_version=self.dataset.metadata.data_version,
        )

    def _source(self, document: Symbol | None) -> Source:
        given = self.given_source or Source()
        citation = given.citation or (document.text if document is not None else None)
        return attrs.evolve(
            given,
            citation=citation or self.label,
            kind=given.kind or SourceKind.UN,
            note=given.note or "recorded vote read by apmbc.parse_recorded_vote",
        )

    def _truncated(self) -> None:
        """A text that ends inside a list without a final period may be cut off there."""
        if not self.units or not isinstance(self.units[-1], _List):
            return
        last = self.units[-1]
        if last.closed:
            return
        text = last.text.rstrip()
        self.problems.append(
            VoteIssue(
                line=last.last_line,
                code="truncated",
                message=f"the text ends inside the list '{last.heading}', without a final "
                "period: the list may be cut off",
                text=_short(text[-200:]) if text else None,
            )
        )

    def _attach_corrections(self, votes: list[_Vote]) -> None:
        """Each correction joins the roll call of the draft it names, else the last roll call
        before it, else the first after it."""
        with_lists = sorted((v for v in votes if v.lists), key=lambda v: v.unit)
        units = [v.unit for v in with_lists]
        by_symbol: dict[str, _Vote] = {}
        for vote in with_lists:
            for symbol in vote.symbols:
                by_symbol.setdefault(symbol, vote)
        for unit_index, line, correction in self.corrections:
            unit = self.units[unit_index]
            assert isinstance(unit, _Sentence)
            target: _Vote | None = None
            for found in unit.symbols:
                if found.symbol.kind in (SymbolKind.DRAFT, SymbolKind.RESOLUTION):
                    target = by_symbol.get(found.symbol.text)
                    if target is not None:
                        break
            if target is None and with_lists:
                at = bisect.bisect_right(units, unit_index)
                target = with_lists[at - 1] if at > 0 else with_lists[0]
            if target is None:
                self.unread.append(
                    VoteIssue(
                        line=line,
                        code="correction-unplaced",
                        message="a correction, but the text holds no roll call for it",
                        text=correction.who,
                    )
                )
                continue
            target.corrections.append((line, correction))

    def _build(
        self,
        vote: _Vote,
        place: tuple[int, Forum, _dt.date | None],
        source: Source,
        used: set[str],
    ) -> RollCall | None:
        session, forum, date = place
        line = vote.tally_line or vote.first_line
        name = vote.draft or "an unnamed draft"
        if vote.part is not None:
            self.skipped.append(
                VoteIssue(
                    line=line,
                    code="part-vote",
                    message=f"a separate vote on {vote.part!r} of {name}: not a vote on a whole "
                    "draft, not returned",
                    text=_short(vote.subject.strip()[-200:]) or None,
                )
            )
            return None
        if vote.title is None and not self.keep_untitled:
            self.skipped.append(
                VoteIssue(
                    line=line,
                    code="no-title",
                    message=f"a vote on {name}, whose title the text does not give: the title "
                    f"filter ({self.filter_label}) cannot keep it",
                )
            )
            return None
        if vote.title is not None and not self.keep(vote.title):
            self.skipped.append(
                VoteIssue(
                    line=line,
                    code="title-filter",
                    message=f"a vote on {name}: not kept by the title filter ({self.filter_label})",
                    text=_short(vote.title),
                )
            )
            return None
        symbol = self._symbol(vote, forum)
        notes: list[str] = []
        first, last = vote.first_line, vote.last_line
        where = f"line {first}" if first == last else f"lines {first}-{last}"
        notes.append(f"Read from {where} of {source.citation or 'the text'}.")
        if vote.merged_lines:
            lines = ", ".join(str(n) for n in vote.merged_lines)
            notes.append(f"Also reported on line(s) {lines}.")
        if forum is Forum.PLENARY and symbol is None and vote.draft_symbol is not None:
            notes.append(f"On the draft {vote.draft_symbol.text}; the text gives no A/RES symbol.")
        sources = (attrs.evolve(source, note=f"{source.note}, {where}"),)
        listed, votes = self._roll(vote, session, forum, symbol, sources, used, date)
        tally = self._tally(vote, listed, notes)
        resolution = Resolution(
            session=session,
            forum=forum,
            symbol=symbol,
            convention=vote.title is not None and is_convention_title(vote.title),
            date=date,
            title=vote.title,
            tally=tally,
            sources=sources,
            notes=tuple(notes),
        )
        return RollCall(
            resolution=resolution,
            votes=tuple(votes),
            first_line=first,
            last_line=last,
            draft=vote.draft,
        )

    def _symbol(self, vote: _Vote, forum: Forum) -> str | None:
        if forum is Forum.FIRST_COMMITTEE:
            draft = vote.draft_symbol
            return draft.text if draft is not None and draft.forum is forum else None
        resolution = vote.resolution_symbol
        return resolution.text if resolution is not None else None

    def _tally(self, vote: _Vote, listed: dict[VotePosition, int], notes: list[str]) -> Tally:
        absent = listed.get(VotePosition.ABSENT)
        if vote.tally is not None:
            t = vote.tally
            return Tally(yes=t.yes, no=t.no, abstain=t.abstain, absent=absent)
        if not vote.lists:
            return Tally()
        notes.append("The text gives no tally: the figures are the lists' lengths.")
        return Tally(
            yes=listed.get(VotePosition.YES),
            no=listed.get(VotePosition.NO),
            abstain=listed.get(VotePosition.ABSTAIN),
            absent=absent,
        )

    def _roll(
        self,
        vote: _Vote,
        session: int,
        forum: Forum,
        symbol: str | None,
        sources: tuple[Source, ...],
        used: set[str],
        date: _dt.date | None,
    ) -> tuple[dict[VotePosition, int], list[Vote]]:
        """The votes of the lists, after every check; and each list's length."""
        resolver = self.resolver
        name = vote.draft or "the draft"
        listed: dict[VotePosition, int] = {}
        where: dict[str, tuple[VotePosition, int, str]] = {}
        headings: dict[str, str] = {}
        dropped: set[str] = set()
        for roll in vote.lists:
            names: list[tuple[int, str]] = []
            for line, written, pieces in roll.names():
                if (
                    pieces
                    and resolver.resolve(written).code is None
                    and any(resolver.resolve(p).code is not None for _, p in pieces)
                ):
                    names.extend(pieces)  # a comma missing at a line's end
                    continue
                names.append((line, written))
            listed[roll.position] = listed.get(roll.position, 0) + len(names)
            if not roll.text.strip():
                self.problems.append(
                    VoteIssue(
                        line=roll.line,
                        code="empty-list",
                        message=f"the list '{roll.heading}' of {name} holds no names, not even "
                        "'None': read as empty",
                    )
                )
            for line, written in names:
                found = resolver.resolve(written)
                if found.code is None:
                    code = (
                        "ambiguous-name"
                        if "more than one" in (found.reason or "")
                        else ("unknown-name")
                    )
                    hint = ""
                    if found.suggestions and code == "unknown-name":
                        hint = "; did you mean " + ", ".join(repr(s) for s in found.suggestions)
                    self.problems.append(
                        VoteIssue(
                            line=line,
                            code=code,
                            message=f"{written!r} in the list '{roll.heading}' of {name} "
                            f"{found.reason}{hint}: no vote recorded for it",
                            text=written,
                        )
                    )
                    continue
                previous = where.get(found.code)
                if previous is None:
                    where[found.code] = (roll.position, line, written)
                    headings[found.code] = roll.heading
                    continue
                if previous[0] is roll.position:
                    self.problems.append(
                        VoteIssue(
                            line=line,
                            code="listed-twice",
                            message=f"{written!r} ({found.code}) is twice in the list "
                            f"'{roll.heading}' of {name} (also line {previous[1]}): one vote",
                            text=written,
                        )
                    )
                    continue
                dropped.add(found.code)
                self.problems.append(
                    VoteIssue(
                        line=line,
                        code="two-lists",
                        message=f"{written!r} ({found.code}) is in the list '{roll.heading}' "
                        f"and in the list '{headings[found.code]}' (line {previous[1]}) of "
                        f"{name}: no vote recorded for it",
                        text=written,
                    )
                )
        self._check_counts(vote, listed, name)
        intended = self._intended(vote, resolver, where, dropped, name)
        votes: list[Vote] = []
        for code, (position, _, written) in where.items():
            if code in dropped:
                continue
            used.add(code)
            votes.append(
                Vote(
                    state=code,
                    session=session,
                    forum=forum,
                    position=position,
                    resolution=symbol,
                    intended=intended.get(code),
                    recorded_name=written,
                    sources=sources,
                )
            )
        order = {p: i for i, p in enumerate(_ORDER)}
        votes.sort(key=lambda v: (order[v.position], v.state))
        if vote.lists:
            self._not_listed(vote, set(where), name, date)
        return listed, votes

    def _check_counts(self, vote: _Vote, listed: dict[VotePosition, int], name: str) -> None:
        tally = vote.tally
        if tally is None:
            return
        for roll in vote.lists:
            stated = {
                VotePosition.YES: tally.yes,
                VotePosition.NO: tally.no,
                VotePosition.ABSTAIN: tally.abstain,
            }.get(roll.position)
            count = listed.get(roll.position, 0)
            if stated is not None and stated != count:
                self.problems.append(
                    VoteIssue(
                        line=roll.line,
                        code="count-mismatch",
                        message=f"the list '{roll.heading}' of {name} names {count} State(s) "
                        f"(lines {roll.line}-{roll.last_line}), but the tally on line "
                        f"{vote.tally_line} says {stated}",
                    )
                )

    def _intended(
        self,
        vote: _Vote,
        resolver: Resolver,
        where: dict[str, tuple[VotePosition, int, str]],
        dropped: set[str],
        name: str,
    ) -> dict[str, VotePosition]:
        intended: dict[str, VotePosition] = {}
        for line, correction in vote.corrections:
            for written in _delegations(correction.who, resolver):
                found = resolver.resolve(written)
                if found.code is None:
                    self.problems.append(
                        VoteIssue(
                            line=line,
                            code="unknown-name",
                            message=f"{written!r} in a correction to {name} {found.reason}: "
                            "the correction is not recorded",
                            text=written,
                        )
                    )
                    continue
                if found.code not in where or found.code in dropped:
                    self.problems.append(
                        VoteIssue(
                            line=line,
                            code="correction-not-listed",
                            message=f"a correction names {written!r} ({found.code}), which has "
                            f"no vote in the lists of {name}: the correction is not recorded",
                            text=written,
                        )
                    )
                    continue
                intended[found.code] = correction.intended
        return intended

    def _not_listed(self, vote: _Vote, listed: set[str], name: str, date: _dt.date | None) -> None:
        if self._members is None:
            in_un = (s for s in self.dataset.states if s.un_member)
            self._members = sorted(in_un, key=lambda s: fold(s.name))
        members = [
            s
            for s in self._members
            if s.code not in listed
            and (date is None or s.un_member_since is None or s.un_member_since <= date)
        ]
        if not members:
            return
        shown = ", ".join(s.name for s in members[:30])
        more = f" and {len(members) - 30} more" if len(members) > 30 else ""
        self.notes.append(
            f"{name} (line {vote.tally_line or vote.first_line}): {len(members)} UN Member "
            f"State(s) of the dataset are in no list ({shown}{more}); they get no vote, since "
            "the text does not say how they voted."
        )


def _delegations(who: str, resolver: Resolver) -> Iterable[str]:
    """The States of "Bahrain, Egypt and Yemen" or "Canada and Antigua and Barbuda": commas
    separate; "and" separates only where the pieces it leaves each name a State (a piece that
    splits no way stays whole, to be reported)."""
    for piece in g.split_delegations(who):
        words = piece.split(" and ")
        if len(words) == 1 or len(words) > 8 or resolver.resolve(piece).code is not None:
            yield piece
            continue
        split = _split_and(words, resolver)
        yield from (split if split is not None else [piece])


def _split_and(words: list[str], resolver: Resolver) -> list[str] | None:
    """``words`` joined back with "and" into names that each resolve, longest first; else None."""
    if not words:
        return []
    for take in range(len(words), 0, -1):
        name = " and ".join(words[:take])
        if resolver.resolve(name).code is None:
            continue
        rest = _split_and(words[take:], resolver)
        if rest is not None:
            return [name, *rest]
    return None


def read_lines(
    lines: list[Line],
    *,
    label: str | None,
    source: Source | None,
    keep: Callable[[str], bool],
    filter_label: str,
    keep_untitled: bool,
    dataset: Callable[[], Dataset],
) -> RecordedVotes:
    """Read the lines of one text (see the module documentation)."""
    return Reader(
        lines,
        label=label,
        source=source,
        keep=keep,
        filter_label=filter_label,
        keep_untitled=keep_untitled,
        dataset=dataset,
    ).read()
