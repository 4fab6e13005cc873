"""The reader behind :func:`~apmbc.io.final_report.parse_final_report`: paragraphs in, a
:class:`~apmbc.io.final_report.FinalReport` out."""

from __future__ import annotations

import bisect
import datetime as _dt
import os
import re
from collections.abc import Iterable

import attrs

from apmbc.dataset import Dataset
from apmbc.domain.meetings import (
    find_convention_symbols,
    find_meetings,
    meeting_at,
    parse_convention_symbol,
    parse_meeting_code,
)
from apmbc.domain.names import collapse_spaces, fold, un_name_variants
from apmbc.domain.treaty import BOUND, explain_status, status_on
from apmbc.errors import ArgumentError, ArgumentTypeError, ParseError, shown
from apmbc.io._files import MAX_PAGE_BYTES, check_path, read_text
from apmbc.io.final_report._facts import (
    Count,
    Held,
    PresidentText,
    read_counts,
    read_dateline,
    read_held,
    read_president,
)
from apmbc.io.final_report._lists import (
    MAX_ITEM,
    MAX_ITEMS,
    ListBody,
    Opening,
    ReportSection,
    clean_item,
    find_openings,
    read_body,
)
from apmbc.io.final_report._result import (
    FinalReport,
    ListedOrganisation,
    ListedState,
    ReportList,
    ReportProblem,
    StatedCount,
    UnreadText,
)
from apmbc.io.final_report._text import Document, Paragraph, read_document
from apmbc.models import (
    Attendance,
    AttendanceRole,
    Meeting,
    MeetingKind,
    President,
    Source,
    SourceKind,
    State,
    TreatyStatus,
)

__all__ = ["parse_final_report", "read_final_report"]

HEAD_PARAGRAPHS = 12
"""The title, the symbol and the dateline stand in the first paragraphs of a report."""
HEAD_CHARS = 20_000
MAX_HELD = 20
"""Sentences saying a meeting "was held" kept for choosing the meeting's dates."""
MAX_LISTS = 50
"""Lists read from one report; a report holds up to six."""

_LABEL = {
    ReportSection.STATES_PARTIES: "the States Parties",
    ReportSection.NOT_YET_IN_FORCE: (
        "the States for which the Convention had not yet entered into force"
    ),
    ReportSection.SIGNATORIES: "the signatory States participating as observers",
    ReportSection.OBSERVERS: "the States not parties participating as observers",
    ReportSection.ORGANISATIONS: "the organisations participating as observers",
}
_ROLE = {
    ReportSection.STATES_PARTIES: AttendanceRole.STATE_PARTY,
    ReportSection.NOT_YET_IN_FORCE: AttendanceRole.OBSERVER,
    ReportSection.SIGNATORIES: AttendanceRole.OBSERVER,
    ReportSection.OBSERVERS: AttendanceRole.OBSERVER,
}
_EVIDENCE = {
    ReportSection.STATES_PARTIES: "Listed among the States Parties that participated, in {report}",
    ReportSection.NOT_YET_IN_FORCE: "Listed among the States that had ratified or acceded to the "
    "Convention but for which it had not yet entered into force, participating as observers, "
    "in {report}",
    ReportSection.SIGNATORIES: (
        "Listed among the signatory States that participated as observers, in {report}"
    ),
    ReportSection.OBSERVERS: (
        "Listed among the States not parties that participated as observers, in {report}"
    ),
}
ABSENCE_EVIDENCE = "Not among the States listed as participating in {report} (a complete list)"
"""The evidence of an absence a complete list implies; ``{report}`` names the report: "the final
report APLC/MSP.21/2023/14" (its symbol, else its file, else its meeting)."""
_OBSERVER_SECTIONS = (ReportSection.SIGNATORIES, ReportSection.OBSERVERS)
_BLOCKING = frozenset(
    {ReportSection.NOT_YET_IN_FORCE, ReportSection.SIGNATORIES, ReportSection.OBSERVERS}
)
"""The lists whose absentees are the absent States: one not complete, or with a name not read,
shows no absences."""
_ALLOWED_STATUS: dict[ReportSection, frozenset[TreatyStatus]] = {
    ReportSection.STATES_PARTIES: BOUND,
    ReportSection.NOT_YET_IN_FORCE: frozenset({TreatyStatus.JOINING}),
    ReportSection.SIGNATORIES: frozenset({TreatyStatus.SIGNATORY, TreatyStatus.JOINING}),
    ReportSection.OBSERVERS: frozenset(TreatyStatus) - BOUND,
}
_AND = re.compile(r"\s+(?:and|&)\s+", re.IGNORECASE)
_AND_THE = re.compile(r"\s+and\s+(?=the\s)", re.IGNORECASE)
_THE = re.compile(r"^the\s+", re.IGNORECASE)
_MAX_PARTS = 6
_NONE = frozenset({"none", "nil"})


# -- names ----------------------------------------------------------------------------------------


class _Resolver:
    """State names to records, through the dataset's lookups and the UN-style variants."""

    def __init__(self, ds: Dataset) -> None:
        self.ds = ds
        self.cache: dict[str, tuple[State | None, bool]] = {}
        self._labels: list[tuple[str, str]] | None = None

    def _names(self, state: State) -> Iterable[str]:
        return (state.name, *state.aliases, *state.former_names)

    def _ambiguous(self, key: str) -> bool:
        if self._labels is None:
            self._labels = [(fold(n), s.code) for s in self.ds.states for n in self._names(s)]
        return len({code for label, code in self._labels if key in label}) > 1

    def resolve(self, name: str) -> tuple[State | None, bool]:
        """The State ``name`` names, and whether exactly: ``False`` when the name is only the
        beginning of one State's name (``Bosnia and``), which a caller must not take for it."""
        key = collapse_spaces(name)
        if key in self.cache:
            return self.cache[key]
        found: tuple[State | None, bool] = (None, False)
        variants = un_name_variants(key) if len(key) <= MAX_ITEM else [key]
        base = fold(variants[-1]) if len(variants) > 1 else None
        for i, variant in enumerate(variants):
            state = self.ds.states.get(variant)
            if state is None:
                continue
            folded = fold(variant)
            if i and folded == base and self._ambiguous(folded):
                continue  # "Congo" from "Congo (the)": two States answer to it
            exact = any(fold(n) == folded for n in self._names(state))
            if not exact and folded in (fold(state.code), fold(state.alpha2 or "")):
                continue  # "Ind" is India's code, but a report writes names, not codes
            if exact or not found[0]:
                found = (state, exact)
            if exact:
                break
        if len(self.cache) < 4 * MAX_ITEMS:
            self.cache[key] = found
        return found

    def state(self, name: str) -> State | None:
        """The State ``name`` names exactly (or unambiguously by a UN-style variant)."""
        state, exact = self.resolve(name)
        return state if exact else None


# -- the reader ------------------------------------------------------------------------------------


@attrs.define
class _Tally:
    """What the reading of one list has met."""

    entries: int = 0
    unresolved: int = 0
    ends_with_and: bool = False
    explicit_none: bool = False


@attrs.define
class _ListRead:
    opening: Opening
    body: ListBody
    paragraph: Paragraph


class _Reader:
    def __init__(
        self,
        ds: Dataset,
        meeting: str | None,
        source: Source | None,
        file: str | None,
        label: str | None,
    ) -> None:
        self.doc = Document(paragraphs=[], unread=[], header_symbols=[], html=False)
        self.ds = ds
        self.meeting_arg = meeting
        self.given = source
        self.file = file
        self.label = label
        self.names = _Resolver(ds)
        self.unread: list[UnreadText] = []
        self.problems: list[ReportProblem] = []
        self.lists: list[_ListRead] = []
        self.counts: list[tuple[Count, int]] = []
        self.president: tuple[PresidentText, int] | None = None
        self.held: list[tuple[Held, int]] = []
        self.sources: tuple[Source, ...] = ()
        self.code = ""
        self.overflowed = False
        self.blockers: list[str] = []
        """Why the lists do not show who was absent (a list cut off, a name not read)."""
        self.by_argument = self.argument_meeting()

    def problem(self, line: int | None, message: str) -> None:
        self.problems.append(ReportProblem(line=line, message=message))

    def skip(self, line: int, text: str, reason: str) -> None:
        shown = text if len(text) <= 200 else text[:197] + "..."
        self.unread.append(UnreadText(line=line, text=shown, reason=reason))

    # -- pass 1: the paragraphs ------------------------------------------------------------------

    def scan(self) -> None:
        for paragraph in self.doc.paragraphs:
            if self.overflowed:
                break
            text = paragraph.text
            openings = find_openings(text, limit=MAX_LISTS + 1 - len(self.lists))
            spans: list[tuple[int, int]] = []
            for i, opening in enumerate(openings):
                if len(self.lists) >= MAX_LISTS:
                    self.skip(
                        paragraph.line_at(opening.start),
                        opening.heading,
                        f"more than {MAX_LISTS} lists of participants, far more than a report "
                        "holds: this list and those after it are not read",
                    )
                    self.overflowed = True
                    break
                stop = openings[i + 1].start if i + 1 < len(openings) else len(text)
                body = read_body(text, opening.body, stop)
                self.lists.append(_ListRead(opening=opening, body=body, paragraph=paragraph))
                spans.append((opening.body, body.end))
            if spans and paragraph.footnotes:
                for note in paragraph.footnotes:
                    self.skip(
                        note.line,
                        note.text,
                        "a footnote in the middle of a list of participants: not read",
                    )

            starts = [a for a, _ in spans]

            def inside(
                offset: int, spans: list[tuple[int, int]] = spans, starts: list[int] = starts
            ) -> bool:
                i = bisect.bisect_right(starts, offset) - 1
                return i >= 0 and offset < spans[i][1]

            for count in read_counts(text, inside):
                self.counts.append((count, paragraph.line_at(count.offset)))
            if self.president is None:
                found = read_president(text, self.names.state)
                if found is not None and not inside(found.offset):
                    self.president = (found, paragraph.line_at(found.offset))
            if len(self.held) < MAX_HELD:
                for held in read_held(text, self.names.state, limit=MAX_HELD - len(self.held)):
                    if not inside(held.offset):
                        self.held.append((held, paragraph.line_at(held.offset)))

    def head(self, titles_only: bool = False) -> str:
        """The text before the first list (the title, the symbol, the dateline); with
        ``titles_only``, before the first numbered paragraph too (the introduction may speak of
        earlier meetings)."""
        first_list = self.lists[0].paragraph if self.lists else None
        parts: list[str] = []
        size = 0
        for paragraph in self.doc.paragraphs[:HEAD_PARAGRAPHS]:
            if titles_only and paragraph.numbered:
                break
            if paragraph is first_list:
                parts.append(paragraph.text[: self.lists[0].opening.start])
                break
            parts.append(paragraph.text)
            size += len(paragraph.text)
            if size > HEAD_CHARS:
                break
        return "\n".join(parts)[:HEAD_CHARS]

    # -- the meeting -----------------------------------------------------------------------------

    def symbol(self, head: str) -> str | None:
        if self.doc.header_symbols:
            return self.doc.header_symbols[0].text
        found = find_convention_symbols(head, limit=1)
        return found[0].symbol.text if found else None

    def meeting_of(self, symbol: str | None) -> tuple[str | None, str | None]:
        """The meeting a symbol names (an MSP's number, or the Review Conference of its year)."""
        if symbol is None:
            return None, None
        sym = parse_convention_symbol(symbol)
        if sym is None:
            return None, None
        if sym.meeting is not None:
            return sym.meeting, sym.text
        if sym.kind is MeetingKind.REVIEW_CONFERENCE:
            held = [
                m.code
                for m in self.ds.meetings
                if m.kind is MeetingKind.REVIEW_CONFERENCE
                and m.start is not None
                and m.start.year == sym.year
            ]
            if len(held) == 1:
                return held[0], sym.text
            self.problem(
                None,
                f"the symbol {sym.text} is a Review Conference's of {sym.year}, but the data "
                f"knows {'no' if not held else 'more than one'} Review Conference held that year",
            )
        return None, sym.text

    def argument_meeting(self) -> str | None:
        key = self.meeting_arg
        if key is None:
            return None
        record = self.ds.meetings.get(key)
        if record is not None:
            return record.code
        text = key.strip()
        at = meeting_at(text, 0)
        if at is not None and at[1] == len(text):
            return at[0]
        raise ArgumentError(
            f"unknown meeting {shown(key)}: expected a code such as '21MSP' or '1RC', or a "
            "meeting's name the data knows"
        )

    def title(self, head: str, known: str | None) -> tuple[str | None, str | None]:
        """The meeting the title names and its name as written. The title stands before the
        numbered paragraphs; without one, the first mention of the meeting ``known`` (from the
        argument or the symbol) in the head of the report, else its first mention of any."""
        title_head = self.head(titles_only=True)
        found = find_meetings(title_head, limit=1)
        if found:
            return found[0].code, collapse_spaces(title_head[found[0].start : found[0].end])
        mentions = find_meetings(head, limit=20)
        if known is not None:
            mentions = [m for m in mentions if m.code == known]
        if not mentions:
            return None, None
        return mentions[0].code, collapse_spaces(head[mentions[0].start : mentions[0].end])

    def choose_meeting(self, head: str) -> tuple[str, str | None, str | None]:
        """The meeting's code, the report's symbol, and the meeting's name as written."""
        symbol = self.symbol(head)
        by_symbol, symbol_text = self.meeting_of(symbol)
        by_title, title = self.title(head, self.by_argument or by_symbol)
        by_argument = self.by_argument
        chosen = by_argument or by_symbol or by_title
        if chosen is None:
            raise ParseError(
                "the report names no meeting (no symbol such as APLC/MSP.21/2023/14 and no "
                "title such as 'Twenty-first Meeting of the States Parties' before its lists): "
                "pass meeting='21MSP'",
                source=self.label,
            )
        for what, code in (("its symbol", by_symbol), ("its title", by_title)):
            if code is not None and code != chosen:
                given = "the meeting argument" if by_argument else "its symbol"
                self.problem(
                    None,
                    f"the report's {what[4:]} names {code}, but {given} names {chosen}; "
                    f"read as a report of {chosen}",
                )
        return chosen, symbol_text, title

    # -- pass 2: the lists -----------------------------------------------------------------------

    def read_lists(
        self, status_day: _dt.date | None
    ) -> tuple[list[ListedState], list[ListedOrganisation], list[ReportList]]:
        """Every list's entries, read into States (or organisations), with their problems."""
        listed: list[ListedState] = []
        organisations: list[ListedOrganisation] = []
        reports: list[ReportList] = []
        seen: dict[str, ListedState] = {}
        for read in self.lists:
            opening, body, paragraph = read.opening, read.body, read.paragraph
            line = paragraph.line_at(opening.start)
            section = opening.section
            if section is None or body.overflow:
                reports.append(self.not_read(read, line))
                continue
            label = _LABEL[section]
            tally = _Tally()
            for index, item in enumerate(body.items):
                name = clean_item(item.text)
                if not name:
                    continue
                last = index == len(body.items) - 1
                if last and fold(name) in _NONE:
                    tally.explicit_none = True
                    continue
                if last and re.match(r"\s*(?:and|&)\s", item.text, re.IGNORECASE):
                    tally.ends_with_and = True
                item_line = paragraph.line_at(item.offset)
                if section is ReportSection.ORGANISATIONS:
                    organisations.extend(self.organisations(name, item_line, last, tally))
                    continue
                for entry, state in self.states_of(name, item_line, section, last, tally):
                    self.place(entry, state, seen, listed, status_day)
            complete = self.complete(body, paragraph, tally)
            if not complete and tally.entries == 0 and not tally.explicit_none:
                self.problem(line, f"the list of {label} is empty ({opening.heading!r})")
            elif not complete:
                self.problem(
                    line,
                    f"the list of {label} ends without a full stop where the report ends, or "
                    "with a separator: it seems cut off",
                )
            if section in _BLOCKING and not complete:
                self.blockers.append(f"the list of {label} (line {line}) is not complete")
            if section in _BLOCKING and tally.unresolved:
                self.blockers.append(
                    f"{tally.unresolved} name(s) in the list of {label} (line {line}) could not "
                    "be read, and might name any State"
                )
            reports.append(
                ReportList(
                    section=section,
                    line=line,
                    heading=opening.heading,
                    entries=tally.entries,
                    complete=complete,
                )
            )
        return listed, organisations, reports

    def not_read(self, read: _ListRead, line: int) -> ReportList:
        """A list under a heading of no known kind, or of more entries than there are States."""
        section = read.opening.section
        if section is None:
            reason = (
                "a list of participants under a heading of no known kind (States Parties, "
                "States not yet bound, signatories, States not parties, organisations): the "
                "list is not read"
            )
            self.blockers.append(f"the list at line {line} is of no known kind")
            entries = len(read.body.items)
        else:
            reason = (
                f"a list of more than {MAX_ITEMS:,} entries, far more than there are States: "
                "the list is not read"
            )
            if section in _BLOCKING:
                self.blockers.append(f"the list of {_LABEL[section]} (line {line}) is not read")
            entries = MAX_ITEMS + 1
        self.skip(line, read.opening.heading, reason)
        return ReportList(
            section=section,
            line=line,
            heading=read.opening.heading,
            entries=entries,
            complete=False,
        )

    def organisations(
        self, name: str, line: int, last: bool, tally: _Tally
    ) -> Iterable[ListedOrganisation]:
        """The organisations of one entry ("X and the Y" is two when it ends the list)."""
        for part in _AND_THE.split(name) if last else [name]:
            part = _THE.sub("", part.strip())
            if not part:
                continue
            tally.entries += 1
            if len(part) > 2 * MAX_ITEM:
                self.skip(line, part, "too long to be an organisation's name")
            else:
                yield ListedOrganisation(name=part, line=line)

    def states_of(
        self, name: str, line: int, section: ReportSection, last: bool, tally: _Tally
    ) -> Iterable[tuple[ListedState, State]]:
        """The States of one entry; what is no State's name is reported as unread."""
        label = _LABEL[section]
        unknown = (
            f"not the name of a State in the data ({self.ds.metadata.data_version}), in {label}"
        )
        if len(name) > MAX_ITEM:
            tally.entries += 1
            tally.unresolved += 1
            self.skip(line, name, f"too long to be a State's name, in {label}")
            return
        for part, state, split in self.split_names(name):
            tally.entries += 1
            tally.ends_with_and = tally.ends_with_and or (last and split)
            if state is not None:
                yield ListedState(state=state.code, name=part, section=section, line=line), state
                continue
            tally.unresolved += 1
            begins = self.names.resolve(part)[0]
            if begins is not None:
                self.skip(
                    line,
                    part,
                    f"{unknown}; it is the beginning of {begins.name}'s name ({begins.code}), "
                    "which is not taken for it",
                )
            else:
                self.skip(line, part, unknown)

    def split_names(self, name: str) -> list[tuple[str, State | None, bool]]:
        """The States in one entry: "Zambia and Zimbabwe" is two, "Trinidad and Tobago" one.

        Each part comes with its State (or ``None``) and whether the entry was split at "and".
        """
        state, exact = self.names.resolve(name)
        if state is not None and exact:
            return [(name, state, False)]
        parts = [clean_item(part) for part in _AND.split(name)]
        if len(parts) == 1 or len(parts) > _MAX_PARTS or not all(parts):
            return [(name, None, False)]
        out: list[tuple[str, State | None, bool]] = []
        i = 0
        pending: list[str] = []
        while i < len(parts):
            for j in range(len(parts), i, -1):
                candidate = " and ".join(parts[i:j])
                found = self.names.state(candidate)
                if found is not None:
                    if pending:
                        out.append((" and ".join(pending), None, True))
                        pending = []
                    out.append((candidate, found, True))
                    i = j
                    break
            else:
                pending.append(parts[i])
                i += 1
        if pending:
            out.append((" and ".join(pending), None, True))
        if all(s is None for _, s, _ in out):
            return [(name, None, False)]  # no part is a State: the entry as a whole
        return out

    def place(
        self,
        entry: ListedState,
        state: State,
        seen: dict[str, ListedState],
        listed: list[ListedState],
        status_day: _dt.date | None,
    ) -> None:
        before = seen.get(state.code)
        if before is not None:
            where = (
                "again"
                if before.section is entry.section
                else f"also among {_LABEL[entry.section]}"
            )
            self.problem(
                entry.line,
                f"{state.name} ({state.code}) is listed {where} (first among "
                f"{_LABEL[before.section]}, line {before.line}); the first listing is kept",
            )
            return
        seen[state.code] = entry
        listed.append(entry)
        if status_day is None:
            return
        status = status_on(state, status_day)
        if status not in _ALLOWED_STATUS[entry.section]:
            self.problem(
                entry.line,
                f"{state.name} ({state.code}) is listed among {_LABEL[entry.section]}, but by "
                f"its dates it was {status.value!r} on {status_day} "
                f"({explain_status(state, status_day)}); kept as the report lists it",
            )

    def complete(self, body: ListBody, paragraph: Paragraph, tally: _Tally) -> bool:
        """Whether a list ends as a complete list does: a full stop, "and" before its last
        entry, or more text after it (a list that ends the whole report may be cut off)."""
        if tally.explicit_none:
            return True
        if tally.entries == 0 or body.overflow or body.unfinished:
            return False
        if body.terminated or tally.ends_with_and:
            return True
        return not (paragraph.last and body.end >= len(paragraph.text))

    # -- pass 3: counts, president, dates --------------------------------------------------------

    def read_counts(self, reports: list[ReportList]) -> list[StatedCount]:
        stated: list[StatedCount] = []
        seen: dict[ReportSection | None, StatedCount] = {}
        for count, line in self.counts:
            item = StatedCount(
                section=count.section, number=count.number, line=line, text=count.text
            )
            earlier = seen.get(count.section)
            if earlier is not None:
                if earlier.number != count.number:
                    self.problem(
                        line,
                        f"the report states {count.number} ({count.text!r}) here and "
                        f"{earlier.number} at line {earlier.line}; both are kept",
                    )
                else:
                    continue
            else:
                seen[count.section] = item
            stated.append(item)
        entries: dict[ReportSection, int] = {}
        present: set[ReportSection] = set()
        for report in reports:
            if report.section is not None:
                entries[report.section] = entries.get(report.section, 0) + report.entries
                present.add(report.section)
        for item in seen.values():
            self.check_count(item, entries, present)
        return stated

    def check_count(
        self, item: StatedCount, entries: dict[ReportSection, int], present: set[ReportSection]
    ) -> None:
        if item.section is ReportSection.ORGANISATIONS:
            return
        if item.section is None:
            states = [s for s in present if s is not ReportSection.ORGANISATIONS]
            if not states:
                return
            counted = sum(entries[s] for s in states)
            what = "States in all its lists"
            matches = counted == item.number
        elif item.section is ReportSection.OBSERVERS:
            own = entries.get(ReportSection.OBSERVERS, 0)
            both = own + entries.get(ReportSection.SIGNATORIES, 0)
            counted = own
            what = _LABEL[ReportSection.OBSERVERS]
            matches = item.number in (own, both)
            if ReportSection.OBSERVERS not in present and ReportSection.SIGNATORIES not in present:
                self.problem(
                    item.line,
                    f"the report states {item.number} for {what} ({item.text!r}) but lists none",
                )
                return
        else:
            if item.section not in present:
                self.problem(
                    item.line,
                    f"the report states {item.number} for {_LABEL[item.section]} "
                    f"({item.text!r}) but has no list of them",
                )
                return
            counted = entries[item.section]
            what = _LABEL[item.section]
            matches = counted == item.number
        if not matches:
            self.problem(
                item.line,
                f"the report states {item.number} ({item.text!r}) but its list of {what} names "
                f"{counted}; the stated count is kept as stated",
            )

    def read_president(self) -> President | None:
        if self.president is None:
            return None
        found, line = self.president
        if found.state is None and found.state_name:
            self.skip(line, found.state_name, "the President's State is not a State in the data")
        return President(
            person=found.person,
            title=found.title,
            state=found.state.code if found.state is not None else None,
            confidence="high",
            sources=self.sources,
        )

    # -- the whole -------------------------------------------------------------------------------

    def run(self, doc: Document) -> FinalReport:
        self.doc = doc
        self.unread.extend(
            UnreadText(line=t.line, text=t.text, reason=reason) for t, reason in doc.unread
        )
        self.scan()
        if not self.lists and not self.counts:
            raise ParseError(
                "not a final report: no list of participants was found (expected e.g. 'The "
                "following States Parties participated in the Meeting: ...')",
                source=self.label,
            )
        head = self.head()
        code, symbol, title = self.choose_meeting(head)
        self.code = code
        record = self.ds.meetings.get(code)
        record = record if record is not None and record.code == code else None
        meeting_name = record.name if record is not None else (title or code)
        reference = symbol or self.file or self.given_label()
        citation = reference or f"Final report of the {meeting_name}"
        report_phrase = (
            f"the final report {reference}" if reference else f"the final report of {code}"
        )
        self.sources = self.make_sources(citation, meeting_name)

        held, held_line = self.choose_held(code)
        start = held.first if held is not None else None
        end = held.last if held is not None else None
        if record is not None and start is not None and record.start not in (None, start):
            self.problem(
                held_line,
                f"the report gives {start} to {end} as the meeting's dates; the data gives "
                f"{record.start} to {record.end}; the report's dates are used",
            )
        status_day = start or (record.start if record is not None else None)

        listed, organisations, reports = self.read_lists(status_day)
        counts = self.read_counts(reports)
        if reports and not counts and all(r.entries == 0 for r in reports):
            skipped = [u for u in self.unread if "characters" in u.reason]
            also = f"; line {skipped[0].line} is not read: {skipped[0].reason}" if skipped else ""
            raise ParseError(
                "every list of participants is empty: nothing to read (expected names after "
                f"{reports[0].heading!r}){also}",
                source=self.label,
                line=reports[0].line,
            )
        president = self.read_president()
        attendances = self.attendances(listed, report_phrase)
        why_not = self.why_no_absences(reports, status_day, code)
        if why_not is not None:
            self.problem(None, why_not)
        elif status_day is not None:
            attendances.extend(self.absences(listed, status_day, report_phrase))

        referenced = {a.state for a in attendances}
        if president is not None and president.state:
            referenced.add(president.state)
        country = held.country.code if held is not None and held.country is not None else None
        if country:
            referenced.add(country)
        if record is not None:
            kind, number = record.kind, record.number
        else:
            parsed = parse_meeting_code(code)
            assert parsed is not None  # a code not in the data comes from a symbol or a title
            number, kind = parsed
        return FinalReport(
            meeting=code,
            meeting_name=meeting_name,
            kind=kind,
            number=number,
            symbol=symbol,
            title=title,
            start=start,
            end=end,
            city=held.city if held is not None else None,
            country=country,
            president=president,
            states=tuple(listed),
            organisations=tuple(organisations),
            counts=tuple(counts),
            lists=tuple(reports),
            complete=why_not is None,
            attendances=tuple(attendances),
            unread=tuple(sorted(self.unread, key=lambda u: u.line)),
            problems=tuple(self.problems),
            sources=self.sources,
            cited_as=report_phrase,
            data_version=self.ds.metadata.data_version,
            as_of=self.ds.metadata.as_of,
            status_day=status_day,
            state_records=tuple(s for s in self.ds.states if s.code in referenced),
        )

    def why_no_absences(
        self, reports: list[ReportList], status_day: _dt.date | None, code: str
    ) -> str | None:
        """Why the lists imply no absences, or ``None`` when they do."""
        if not any(r.section in _OBSERVER_SECTIONS for r in reports):
            return (
                "the report has no list of States not parties participating as observers: no "
                "absences are derived"
            )
        if status_day is None:
            return (
                f"the dates of {code} are not known (not in the report, not in the data): no "
                "absences are derived"
            )
        if self.overflowed:
            return f"more than {MAX_LISTS} lists: no absences are derived"
        if self.blockers:
            return "no absences are derived: " + "; ".join(self.blockers)
        return None

    def choose_held(self, code: str) -> tuple[Held | None, int | None]:
        """The meeting's dates and place: the title's dateline ("Geneva, 20-24 November 2023"),
        else the first sentence saying it "was held" that is not about another meeting; the
        place from such a sentence on the same dates, else from the dateline."""

        def about_it(held: Held) -> bool:
            named = find_meetings(held.subject, limit=1)
            return not named or named[0].code == code

        candidates = [(held, line) for held, line in self.held if about_it(held)]
        dateline = read_dateline(self.head(titles_only=True), self.names.state)
        if dateline is None:
            return candidates[0] if candidates else (None, None)
        for held, line in candidates:
            if held.first == dateline.first and held.city:
                country = held.country or dateline.country
                return attrs.evolve(dateline, city=held.city, country=country), line
        return dateline, None

    def given_label(self) -> str | None:
        if self.given is None:
            return None
        return self.given.citation or self.given.url or self.given.title

    def make_sources(self, citation: str, meeting_name: str) -> tuple[Source, ...]:
        report = Source(
            citation=citation,
            title=f"Final report of the {meeting_name}",
            note="the organisation section: participants, counts, President, dates",
            kind=SourceKind.CONVENTION,
        )
        if self.given is None or self.given == report:
            return (report,)
        return (report, self.given)

    def attendances(self, listed: list[ListedState], report: str) -> list[Attendance]:
        return [
            Attendance(
                state=entry.state,
                meeting=self.code,
                attended=True,
                role=_ROLE[entry.section],
                evidence=_EVIDENCE[entry.section].format(report=report),
                sources=self.sources,
            )
            for entry in listed
        ]

    def absences(self, listed: list[ListedState], day: _dt.date, report: str) -> list[Attendance]:
        named = {entry.state for entry in listed}
        out: list[Attendance] = []
        for state in self.ds.states:
            if state.code in named or status_on(state, day) in BOUND:
                continue
            if state.un_member_since is not None and state.un_member_since > day:
                continue  # not yet a UN Member State: it may not have existed as a State
            out.append(
                Attendance(
                    state=state.code,
                    meeting=self.code,
                    attended=False,
                    evidence=ABSENCE_EVIDENCE.format(report=report),
                    sources=self.sources,
                )
            )
        return out


# -- public API ------------------------------------------------------------------------------------

_URL = re.compile(r"https?://\S+", re.IGNORECASE)


def _as_source(source: object) -> Source | None:
    if source is None or isinstance(source, Source):
        return source
    if not isinstance(source, str):
        raise ArgumentTypeError(f"source must be a str or a Source, not {type(source).__name__}")
    text = source.strip()
    if not text:
        return None
    return Source(url=text) if _URL.fullmatch(text) else Source(citation=text)


def _as_dataset(dataset: object) -> Dataset:
    if dataset is None:
        from apmbc.io._bundled import bundled

        return bundled()
    if not isinstance(dataset, Dataset):
        raise ArgumentTypeError(f"dataset must be a Dataset or None, not {type(dataset).__name__}")
    return dataset


def _parse(
    text: object,
    meeting: object,
    source: object,
    dataset: object,
    file: str | None,
) -> FinalReport:
    given = _as_source(source)
    label = file or (given.url or given.citation if given is not None else None)
    if not isinstance(text, str):
        raise ParseError(
            f"expected the report as text (str), got {type(text).__name__}; decode bytes first "
            "or use read_final_report()",
            source=label,
        )
    if meeting is not None and not isinstance(meeting, str):
        kind = type(meeting).__name__
        if isinstance(meeting, Meeting):
            raise ArgumentTypeError("meeting must be a code or name (str): pass meeting.code")
        raise ArgumentTypeError(f"meeting must be a code or name (str) or None, not {kind}")
    ds = _as_dataset(dataset)
    reader = _Reader(ds, meeting, given, file, label)
    return reader.run(read_document(text, label))


def parse_final_report(
    text: str,
    *,
    meeting: str | None = None,
    source: str | Source | None = None,
    dataset: Dataset | None = None,
) -> FinalReport:
    """Read the organisation section of a meeting's final report (text or HTML).

    ``meeting`` (a code such as ``21MSP`` or a name) names the meeting when the text does not,
    and wins when the text says otherwise (the disagreement is a problem of the result);
    ``source`` (a URL, a citation or a :class:`~apmbc.models.Source`) is cited next to the
    report by every fact; ``dataset`` (default: the bundled data) resolves the States' names and
    gives their treaty statuses on the meeting's first day.

    Raises :class:`~apmbc.errors.ParseError` when the text is not a final report (empty, binary,
    no list of participants) or names no meeting and none is given;
    :class:`~apmbc.errors.ArgumentError` for a ``meeting`` no data knows.
    """
    return _parse(text, meeting, source, dataset, None)


def read_final_report(
    path: str | os.PathLike[str],
    *,
    meeting: str | None = None,
    source: str | Source | None = None,
    dataset: Dataset | None = None,
) -> FinalReport:
    """Read a final report from a UTF-8 file of text or HTML (see :func:`parse_final_report`).

    Raises :class:`~apmbc.errors.ParseError` naming the file (and the line of the first bad
    byte) when it cannot be read, is not UTF-8, is larger than any report, or is not a final
    report. Without a symbol in the text, the facts cite the file.
    """
    name = check_path(path)
    text = read_text(name, max_bytes=MAX_PAGE_BYTES, what="final report")
    return _parse(text, meeting, source, dataset, name)
