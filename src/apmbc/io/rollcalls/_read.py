"""The streaming readers behind ``load_voeten_csv`` and ``load_unvotes_csv``.

One row at a time; only the roll calls the title filter keeps are remembered. Both readers share
:class:`_Reader`: the cells of a roll call, the mapping of States, the problems of bad rows and
the Dataset built at the end.
"""

from __future__ import annotations

import datetime as _dt
import os
from collections.abc import Callable

import attrs

from apmbc.dataset import Dataset, StateTable
from apmbc.domain.calendar import LAST_SESSION, date_in_session, session_of_date
from apmbc.domain.dates import ambiguous_date, to_date
from apmbc.domain.symbols import parse_roll_call_symbol
from apmbc.domain.titles import is_convention_title
from apmbc.errors import ApmbcError, ArgumentTypeError, ParseError
from apmbc.io._files import MAX_CSV_BYTES, check_path, open_text
from apmbc.io.rollcalls._columns import Header, Table, read_header
from apmbc.io.rollcalls._rows import Rows
from apmbc.io.rollcalls._values import (
    flag,
    is_missing,
    unvotes_vote,
    voeten_vote,
    whole_number,
)
from apmbc.models import (
    Forum,
    Metadata,
    Resolution,
    Source,
    SourceKind,
    State,
    Tally,
    Vote,
    VotePosition,
)

__all__ = ["Options", "StatesGiven", "read_unvotes", "read_voeten"]

StatesGiven = StateTable | Dataset | None
MAX_DETAILED_PROBLEMS = 20
"""Rows that could not be read are each named in the notes up to this many, then counted."""
_STATE_CACHE_LIMIT = 20_000
_POSITIONS = (VotePosition.YES, VotePosition.NO, VotePosition.ABSTAIN, VotePosition.ABSENT)


class _BadCell(Exception):
    """A cell of a row that cannot be read: the row is skipped (or, strictly, refused)."""

    def __init__(self, column: str, message: str, text: str) -> None:
        super().__init__(message)
        self.column = column
        self.message = message
        self.text = text


@attrs.frozen(kw_only=True)
class Options:
    """What a reader is asked to do (see ``load_voeten_csv``)."""

    keep: Callable[[str], bool]
    filter_label: str
    filtered: bool
    """Whether a title filter is set (``title_filter`` is not ``None``)."""
    states: StatesGiven
    strict: bool
    max_bytes: int = MAX_CSV_BYTES
    """The largest file read (see ``load_voeten_csv``)."""


# -- States ------------------------------------------------------------------------------------


class _States:
    """States by a numeric or alpha-2 code, then by name; which data mapped them."""

    def __init__(self, given: StatesGiven, field: str) -> None:
        if given is not None and not isinstance(given, (Dataset, StateTable)):
            raise ArgumentTypeError(
                f"states must be a StateTable, a Dataset or None, not {type(given).__name__}"
            )
        self._given = given
        self._field = field
        self._table: StateTable | None = None
        self._by_code: dict[str, State] = {}
        self.label = ""

    def table(self) -> StateTable:
        table = self._table
        if table is None:
            given = self._given
            if given is None:
                from apmbc.io._bundled import bundled as load_bundled  # read only when needed

                bundled = load_bundled()
                table = bundled.states
                self.label = f"the bundled data (data version {bundled.metadata.data_version})"
            elif isinstance(given, Dataset):
                table = given.states
                self.label = (
                    f"the given dataset's States (data version {given.metadata.data_version})"
                )
            else:
                table = given
                self.label = "the given StateTable"
            for state in table:
                code = getattr(state, self._field)
                if code is not None:
                    self._by_code.setdefault(str(code).upper(), state)
            self._table = table
        return table

    @property
    def loaded(self) -> StateTable | None:
        """The table, if it was needed; ``None`` when no row was mapped."""
        return self._table

    def by_code(self, code: str) -> State | None:
        self.table()
        return self._by_code.get(code.upper())

    def by_name(self, name: str) -> State | None:
        return self.table().get(name) if name else None


# -- one roll call -----------------------------------------------------------------------------


@attrs.define(eq=False)
class _RollCall:
    """A kept roll call: what its first row says, and the votes read so far."""

    rcid: str
    session: int
    symbol: str | None
    date: _dt.date | None
    title: str | None
    candidate: bool
    """Its title is the Convention's and it is not a vote on an amendment or a paragraph."""
    line: int
    raw: tuple[str, ...]
    source: Source
    totals: tuple[int | None, ...] = ()
    """The file's own yes, no and abstain figures (Voeten's table), where given."""
    positions: dict[str, VotePosition] = attrs.Factory(dict)
    notes: list[str] = attrs.Factory(list)
    differ_line: int = 0
    duplicates: int = 0
    duplicate_line: int = 0
    skipped: int = 0

    def add(self, state: str, position: VotePosition, line: int) -> None:
        if state in self.positions:
            self.duplicates += 1
            self.duplicate_line = self.duplicate_line or line
            return
        self.positions[state] = position


def _rcid_order(rcid: str) -> tuple[int, str]:
    return (int(rcid), "") if rcid.isdigit() else (0, rcid)


# -- the shared reader -------------------------------------------------------------------------


class _Reader:
    """What the Voeten and unvotes readers share; subclasses read the files."""

    prefix = ""
    """``voeten`` or ``unvotes``: the ``record`` of a roll call is ``f"{prefix}:{rcid}"``."""
    code_label = ""
    """How the notes name a State code of the file (``COW code``, ``country_code``)."""

    def __init__(self, options: Options, code_field: str) -> None:
        self.keep = options.keep
        self.filter_label = options.filter_label
        self.filtered = options.filtered
        self.strict = options.strict
        self.max_bytes = options.max_bytes
        self.states = _States(options.states, code_field)
        self.groups: dict[str, _RollCall] = {}
        self.rows = 0
        self.kept = 0
        self.problems: list[str] = []
        self.bad_rows = 0
        self.note_name_lookups = True
        self.missing_codes: frozenset[str] = frozenset()
        """Codes that may also mean "no code" (unvotes' ``NA``): read as codes only where the
        name agrees."""
        self._missing: dict[str, int] = {}  # name -> first line, of a code read as missing
        self._state_cache: dict[tuple[str, str], tuple[str, bool]] = {}
        self._unmapped: dict[str, tuple[str, int]] = {}  # code -> (name, first line)
        self._unmapped_rows: dict[str, int] = {}
        self._by_name: dict[tuple[str, str], tuple[int, str]] = {}
        self._conflicts: dict[tuple[str, str], tuple[int, str, str]] = {}
        self._used: set[str] = set()

    # -- rows -----------------------------------------------------------------------------------

    @staticmethod
    def header(rows: Rows, expected: Table) -> Header:
        for line, cells in rows:
            return read_header(cells, expected, rows.source, line)
        raise ParseError(
            f"the file is empty: expected the header line of {expected.described}",
            source=rows.source,
            line=1,
        )

    def need_titles(self, header: Header, source: str) -> None:
        if self.filtered and "short" not in header.columns and "descr" not in header.columns:
            raise ParseError(
                f"no title column (short or descr), so the title filter ({self.filter_label}) "
                "cannot be applied; pass title_filter=None to read every roll call",
                source=source,
                line=header.line,
            )

    def bad_row(self, source: str, line: int, header: Header, bad: _BadCell) -> None:
        """A row that cannot be read: an error when strict, else skipped and noted."""
        column: int | None = None
        what = bad.message
        if bad.column in header.columns:
            column = header.columns[bad.column] + 1
            what = f"column {header.name(bad.column)!r}: {bad.message}"
        if self.strict:
            raise ParseError(what, source=source, line=line, column=column, text=bad.text)
        self.bad_rows += 1
        if len(self.problems) < MAX_DETAILED_PROBLEMS:
            where = f"{os.path.basename(source)}:{line}" + (f":{column}" if column else "")
            shown = bad.text if len(bad.text) <= 40 else bad.text[:37] + "..."
            self.problems.append(f"{where}: {what} [{shown!r}]; the row was skipped.")

    @staticmethod
    def width(cells: list[str], width: int) -> None:
        if len(cells) != width:
            more = "extra" if len(cells) > width else "missing"
            raise _BadCell(
                "",
                f"{len(cells)} fields, but the header has {width}: {more} column(s)",
                ",".join(cells)[:60],
            )

    # -- cells ----------------------------------------------------------------------------------

    @staticmethod
    def cell(cells: list[str], header: Header, column: str) -> str:
        at = header.columns.get(column)
        return cells[at] if at is not None else ""

    def rcid(self, cells: list[str], header: Header) -> str:
        text = self.cell(cells, header, "rcid")
        try:
            number = whole_number(text)
        except ValueError:
            number = None
        if number is None:
            raise _BadCell("rcid", "expected a roll call id (a whole number)", text)
        return str(number)

    def titles(self, cells: list[str], header: Header) -> tuple[str, str]:
        """``descr`` and ``short``, spaces collapsed (empty where missing)."""
        descr = self.cell(cells, header, "descr")
        short = self.cell(cells, header, "short")
        return (
            "" if is_missing(descr) else " ".join(descr.split()),
            "" if is_missing(short) else " ".join(short.split()),
        )

    def chosen_title(self, titles: tuple[str, str]) -> str | None:
        """The title of a roll call the filter keeps: the first of ``descr`` and ``short`` it
        accepts (without a filter, the first given, or ``""``); ``None`` when it keeps neither."""
        given = [t for t in titles if t]
        if not self.filtered:
            return given[0] if given else ""
        for title in given:
            if self.keep(title):
                return title
        return None

    def roll_call(
        self,
        cells: list[str],
        header: Header,
        *,
        rcid: str,
        titles: tuple[str, str],
        title: str,
        line: int,
        source: Source,
        raw: tuple[str, ...],
    ) -> _RollCall:
        """A roll call from the cells of its row; raises ``_BadCell``."""
        text = self.cell(cells, header, "unres")
        missing_symbol = is_missing(text)
        parsed = None if missing_symbol else parse_roll_call_symbol(text)
        symbol = parsed.text if parsed is not None else (None if missing_symbol else text.strip())
        date: _dt.date | None = None
        date_text = self.cell(cells, header, "date")
        notes: list[str] = []
        if ambiguous_date(date_text):
            notes.append(
                f"line {line}: the date {date_text.strip()!r} reads day first or month first, "
                "so it is left unknown"
            )
        elif not is_missing(date_text):
            try:
                date = to_date(date_text)
            except (ValueError, TypeError, OverflowError) as exc:
                raise _BadCell("date", str(exc), date_text) from None
        session_text = self.cell(cells, header, "session")
        try:
            session = whole_number(session_text)
        except ValueError:
            raise _BadCell("session", "expected a session number", session_text) from None
        named = parsed.session if parsed is not None else None
        if session is None:
            try:
                session = named if named is not None else (session_of_date(date) if date else None)
            except ApmbcError as exc:
                raise _BadCell("date", str(exc), date_text) from None
            if session is None:
                raise _BadCell(
                    "session", "no session, and neither the symbol nor the date tells it", ""
                )
        elif named is not None and named != session:
            notes.append(
                f"line {line}: the symbol {symbol} names session {named}, the session column "
                f"{session}; the session column is used"
            )
        if not 1 <= session <= LAST_SESSION:
            raise _BadCell(
                "session", f"there is no General Assembly session {session}", session_text
            )
        if date is not None and not date_in_session(date, session):
            notes.append(
                f"line {line}: the date {date.isoformat()} falls outside session {session}'s "
                "window; both are kept as the file gives them"
            )
        flags: list[bool | None] = []
        for column in ("amend", "para"):
            value = self.cell(cells, header, column)
            try:
                flags.append(flag(value))
            except ValueError as exc:
                raise _BadCell(column, str(exc), value) from None
        candidate = not any(flags) and any(t and is_convention_title(t) for t in titles)
        return _RollCall(
            rcid=rcid,
            session=session,
            symbol=symbol or None,
            date=date,
            title=title or None,
            candidate=candidate,
            line=line,
            raw=raw,
            source=source,
            notes=notes,
        )

    # -- States ---------------------------------------------------------------------------------

    def state(self, code: str, name: str, line: int) -> str:
        """The State code for a row's code, or (where the code maps to none) its name; a row
        that maps to no State keeps its code (or name) as written."""
        key = (code, name)
        found = self._state_cache.get(key)
        if found is None:
            found = self._resolve(code, name, line)
            if len(self._state_cache) >= _STATE_CACHE_LIMIT:
                self._state_cache.clear()
            self._state_cache[key] = found
        state, mapped = found
        if not mapped:
            self._unmapped.setdefault(state, (name, line))
            self._unmapped_rows[state] = self._unmapped_rows.get(state, 0) + 1
        return state

    def _resolve(self, code: str, name: str, line: int) -> tuple[str, bool]:
        by_code = self.states.by_code(code) if code else None
        by_name = self.states.by_name(name) if name else None
        if (
            by_code is not None
            and code.upper() in self.missing_codes
            and name
            and (by_name is None or by_name.code != by_code.code)
        ):
            # R writes a missing code as NA, which is also Namibia's: believe it only for Namibia
            self._missing.setdefault(name, line)
            code, by_code = "", None
        if by_code is not None:
            if by_name is not None and by_name.code != by_code.code:
                self._conflicts.setdefault((code, name), (line, by_code.code, by_name.code))
            self._used.add(by_code.code)
            return by_code.code, True
        if by_name is not None:
            if self.note_name_lookups:
                self._by_name.setdefault((code, name), (line, by_name.code))
            self._used.add(by_name.code)
            return by_name.code, True
        return (code or name), False

    # -- the result -----------------------------------------------------------------------------

    def first_notes(self) -> list[str]:
        raise NotImplementedError  # pragma: no cover - every reader defines it

    def tally(self, counted: list[int]) -> Tally:
        raise NotImplementedError  # pragma: no cover - every reader defines it

    def metadata(self, notes: list[str]) -> Metadata:
        raise NotImplementedError  # pragma: no cover - every reader defines it

    def mapping_note(self, how: str) -> list[str]:
        """Which data mapped the States (only when some row was mapped)."""
        label = self.states.label
        return [f"States were mapped {how} with {label}."] if label else []

    def _finish(
        self, group: _RollCall, convention: bool
    ) -> tuple[Resolution, list[str], list[Vote]]:
        counted = [0, 0, 0, 0]
        index = {p: i for i, p in enumerate(_POSITIONS)}
        for position in group.positions.values():
            counted[index[position]] += 1
        notes = list(group.notes)
        if group.differ_line:
            notes.append(
                f"line {group.differ_line} describes the roll call otherwise than line "
                f"{group.line}; the first is used"
            )
        if group.duplicates:
            notes.append(
                f"{group.duplicates} more row(s) for States already recorded (first on line "
                f"{group.duplicate_line}) ignored"
            )
        if group.skipped:
            notes.append(f"{group.skipped} row(s) could not be read; the tally counts the rest")
        if not group.positions:
            notes.append("no votes were read, so the tally is unknown")
            tally = Tally()
        else:
            tally = self.tally(counted)
            differ = [
                f"{name} {stated} in the file, {count} counted"
                for name, stated, count in zip(
                    ("yes", "no", "abstain"), group.totals, counted, strict=False
                )
                if stated is not None and stated != count
            ]
            if differ:
                notes.append(
                    "the file's own totals differ from its votes: "
                    + "; ".join(differ)
                    + "; the tally counts the votes"
                )
        record = None if convention else f"{self.prefix}:{group.rcid}"
        resolution = Resolution(
            session=group.session,
            forum=Forum.PLENARY,
            symbol=group.symbol,
            record=record,
            convention=convention,
            date=group.date,
            title=group.title,
            tally=tally,
            sources=(group.source,),
            notes=tuple(notes),
        )
        votes = [
            Vote(
                state=state,
                session=group.session,
                forum=Forum.PLENARY,
                position=position,
                resolution=group.symbol,
                record=record,
                sources=(group.source,),
            )
            for state, position in sorted(group.positions.items())
        ]
        label = f"{group.symbol or 'roll call'} (rcid {group.rcid}, session {group.session})"
        return resolution, [f"{label}: {note}." for note in notes], votes

    def build(self) -> Dataset:
        """The Dataset of the roll calls kept."""
        notes = self.first_notes()
        if self.bad_rows:
            notes.append(
                f"{self.bad_rows:,} row(s) could not be read and were skipped "
                "(strict=True makes the first one an error):"
            )
            notes.extend(self.problems)
            more = self.bad_rows - len(self.problems)
            if more > 0:
                notes.append(f"... and {more:,} more row(s) skipped.")
        for code, (name, line) in self._unmapped.items():
            named = f" ({name})" if name and name != code else ""
            rows = self._unmapped_rows[code]
            notes.append(
                f"Unknown {self.code_label} {code!r}{named} (line {line}, {rows:,} row(s)): its "
                f"votes are kept with state {code!r}, which refers to no State record."
            )
        for name, line in self._missing.items():
            notes.append(
                f"Line {line}: {self.code_label} 'NA' beside the name {name!r} is read as no code "
                "(R's missing value), not as Namibia; the name was looked up instead."
            )
        for (code, name), (line, found) in self._by_name.items():
            notes.append(
                f"Line {line}: {self.code_label} {code!r} matches no State; the name {name!r} "
                f"gives {found}."
            )
        for (code, name), (line, by_code, by_name) in self._conflicts.items():
            notes.append(
                f"Line {line}: {self.code_label} {code!r} is {by_code} but the name {name!r} is "
                f"{by_name}; the code was used."
            )
        ordered = sorted(self.groups.values(), key=lambda g: (g.session, _rcid_order(g.rcid)))
        convention_of: dict[int, _RollCall] = {}
        finished: list[tuple[tuple[int, bool, tuple[int, str]], Resolution]] = []
        votes: list[Vote] = []
        for group in ordered:
            convention = False
            if group.candidate:
                first = convention_of.setdefault(group.session, group)
                convention = first is group
                if not convention:
                    group.notes.append(
                        f"roll call {first.rcid} of the same session carries the Convention's "
                        f"title too: this one is kept as another roll call "
                        f"({self.prefix}:{group.rcid})"
                    )
            resolution, group_notes, group_votes = self._finish(group, convention)
            # The Convention's resolution first in its session: ds.resolution(session) finds it.
            finished.append(((group.session, not convention, _rcid_order(group.rcid)), resolution))
            votes.extend(group_votes)
            notes.extend(group_notes)
        resolutions = [resolution for _, resolution in sorted(finished, key=lambda f: f[0])]
        table = self.states.loaded
        states = tuple(s for s in table if s.code in self._used) if table is not None else ()
        return Dataset(
            metadata=self.metadata(notes),
            states=states,
            resolutions=tuple(resolutions),
            votes=tuple(sorted(votes, key=lambda v: (v.session, v.record is not None))),
        )


def _name(text: str) -> str:
    return "" if is_missing(text) else " ".join(text.split())


# -- Voeten -------------------------------------------------------------------------------------


class VoetenReader(_Reader):
    """Reads Voeten's votes table (one row per State and roll call)."""

    prefix = "voeten"
    code_label = "COW code"
    _RAW = ("session", "date", "unres", "amend", "para", "short", "descr", "yes", "no", "abstain")

    def __init__(self, path: object, options: Options) -> None:
        super().__init__(options, "cow_code")
        self.source = check_path(path)
        self.basename = os.path.basename(self.source) or self.source
        self.citation = (
            "Erik Voeten, United Nations General Assembly Voting Data (Harvard Dataverse): "
            f"{self.basename}"
        )
        self.not_members = 0

    def read(self) -> Dataset:
        with open_text(self.source, max_bytes=self.max_bytes, what="Voeten votes CSV") as handle:
            rows = Rows(handle, self.source, "Voeten's votes table")
            header = self.header(rows, Table.VOETEN)
            self.need_titles(header, self.source)
            self._rows(rows, header)
        return self.build()

    def _rows(self, rows: Rows, header: Header) -> None:
        width = len(header.names)
        raw_at = tuple(header.columns.get(c, -1) for c in self._RAW)
        key_at = tuple(header.columns.get(c, -1) for c in ("rcid", "descr", "short"))
        dropped: tuple[str, ...] | None = None
        for line, cells in rows:
            self.rows += 1
            # The rows of a roll call the filter drops come together: skip them at once.
            key = (
                tuple([cells[at] if at >= 0 else "" for at in key_at])
                if len(cells) == width
                else None
            )
            if key is not None and key == dropped:
                continue
            group: _RollCall | None = None
            try:
                self.width(cells, width)
                rcid = self.rcid(cells, header)
                group = self.groups.get(rcid)
                raw = tuple([cells[at] if at >= 0 else "" for at in raw_at])
                if group is None:
                    titles = self.titles(cells, header)
                    title = self.chosen_title(titles)
                    if title is None:
                        dropped = key  # the title filter does not keep this roll call
                        continue
                    group = self._group(cells, header, rcid, titles, title, line, raw)
                    self.groups[rcid] = group
                elif raw != group.raw:
                    # Another description of the roll call: its cells must still be readable.
                    self._group(cells, header, rcid, self.titles(cells, header), "", line, raw)
                    group.differ_line = group.differ_line or line
                self._vote(group, cells, header, line)
            except _BadCell as bad:
                if group is not None:
                    group.skipped += 1
                self.bad_row(self.source, line, header, bad)

    def _group(
        self,
        cells: list[str],
        header: Header,
        rcid: str,
        titles: tuple[str, str],
        title: str,
        line: int,
        raw: tuple[str, ...],
    ) -> _RollCall:
        source = Source(citation=self.citation, note=f"roll call {rcid}", kind=SourceKind.DATASET)
        group = self.roll_call(
            cells, header, rcid=rcid, titles=titles, title=title, line=line, source=source, raw=raw
        )
        totals: list[int | None] = []
        for column in ("yes", "no", "abstain"):
            text = self.cell(cells, header, column)
            try:
                totals.append(whole_number(text))
            except ValueError as exc:
                raise _BadCell(column, str(exc), text) from None
        group.totals = tuple(totals)
        return group

    def _vote(self, group: _RollCall, cells: list[str], header: Header, line: int) -> None:
        code_text = self.cell(cells, header, "ccode")
        try:
            code = whole_number(code_text)
        except ValueError:
            code = None
        if code is None:
            raise _BadCell("ccode", "expected a COW country code (a whole number)", code_text)
        vote_text = self.cell(cells, header, "vote")
        try:
            position = voeten_vote(vote_text)
        except ValueError as exc:
            raise _BadCell("vote", str(exc), vote_text) from None
        self.kept += 1
        if position is None:
            self.not_members += 1
            return
        name = _name(self.cell(cells, header, "countryname"))
        group.add(self.state(str(code), name, line), position, line)

    def tally(self, counted: list[int]) -> Tally:
        yes, no, abstain, absent = counted
        return Tally(yes=yes, no=no, abstain=abstain, absent=absent)

    def first_notes(self) -> list[str]:
        notes = [
            f"Read {self.rows:,} data rows from {self.basename} (Voeten's votes table); kept "
            f"{self.kept:,} rows of {len(self.groups):,} roll call(s) (title filter: "
            f"{self.filter_label})."
        ]
        if self.not_members:
            notes.append(
                f"{self.not_members:,} row(s) of the kept roll calls have vote code 9 (not a UN "
                "member then): no record, not an absence."
            )
        notes.extend(self.mapping_note("by COW code (ccode), by Countryname where no code fits,"))
        return notes

    def metadata(self, notes: list[str]) -> Metadata:
        return Metadata(
            data_version=f"voeten:{self.basename}",
            title=f"UN General Assembly roll calls read from {self.basename} (Voeten's data)",
            sources=(
                Source(
                    citation=self.citation,
                    note="Voeten's votes table, read by apmbc.load_voeten_csv",
                    kind=SourceKind.DATASET,
                ),
            ),
            notes=tuple(notes),
        )


# -- unvotes ------------------------------------------------------------------------------------


class UnvotesReader(_Reader):
    """Reads unvotes' ``un_roll_calls`` (first) and ``un_votes`` tables."""

    prefix = "unvotes"
    code_label = "country_code"

    def __init__(self, votes_path: object, roll_calls_path: object, options: Options) -> None:
        super().__init__(options, "alpha2")
        self.missing_codes = frozenset({"NA"})
        self.votes_source = check_path(votes_path, "votes_path")
        self.calls_source = check_path(roll_calls_path, "roll_calls_path")
        self.votes_name = os.path.basename(self.votes_source) or self.votes_source
        self.calls_name = os.path.basename(self.calls_source) or self.calls_source
        self.citation = (
            "unvotes R package (Erik Voeten's UN General Assembly voting data): un_votes "
            f"{self.votes_name}, un_roll_calls {self.calls_name}"
        )
        self.calls = 0
        self.seen: dict[str, int] = {}
        """Every roll call id of the roll calls table, with its line."""
        self.unreadable: set[str] = set()
        self.dropped_rows = 0
        self.orphans = 0
        self.orphan_first: tuple[str, int] | None = None
        self.orphans_of_unreadable = 0

    def read(self) -> Dataset:
        what = "unvotes roll calls CSV"
        with open_text(self.calls_source, max_bytes=self.max_bytes, what=what) as handle:
            rows = Rows(handle, self.calls_source, "unvotes' un_roll_calls table")
            header = self.header(rows, Table.UNVOTES_ROLL_CALLS)
            self.need_titles(header, self.calls_source)
            self._roll_calls(rows, header)
        what = "unvotes votes CSV"
        with open_text(self.votes_source, max_bytes=self.max_bytes, what=what) as handle:
            rows = Rows(handle, self.votes_source, "unvotes' un_votes table")
            header = self.header(rows, Table.UNVOTES_VOTES)
            self.note_name_lookups = "country_code" in header.columns
            self._votes(rows, header)
        return self.build()

    def _roll_calls(self, rows: Rows, header: Header) -> None:
        width = len(header.names)
        for line, cells in rows:
            self.calls += 1
            rcid = ""
            try:
                self.width(cells, width)
                rcid = self.rcid(cells, header)
                first = self.seen.setdefault(rcid, line)
                if first != line:
                    raise _BadCell("rcid", f"roll call {rcid} again (first on line {first})", rcid)
                titles = self.titles(cells, header)
                title = self.chosen_title(titles)
                if title is None:
                    continue  # the title filter does not keep this roll call
                source = Source(
                    citation=self.citation, note=f"roll call {rcid}", kind=SourceKind.DATASET
                )
                self.groups[rcid] = self.roll_call(
                    cells,
                    header,
                    rcid=rcid,
                    titles=titles,
                    title=title,
                    line=line,
                    source=source,
                    raw=(),
                )
            except _BadCell as bad:
                if rcid and self.seen.get(rcid) == line:
                    self.unreadable.add(rcid)
                self.bad_row(self.calls_source, line, header, bad)

    def _votes(self, rows: Rows, header: Header) -> None:
        width = len(header.names)
        for line, cells in rows:
            self.rows += 1
            group: _RollCall | None = None
            try:
                self.width(cells, width)
                rcid = self.rcid(cells, header)
                group = self.groups.get(rcid)
                if group is None:
                    self._elsewhere(rcid, line)
                    continue
                vote_text = self.cell(cells, header, "vote")
                try:
                    position = unvotes_vote(vote_text)
                except ValueError as exc:
                    raise _BadCell("vote", str(exc), vote_text) from None
                code = self.cell(cells, header, "country_code").strip().upper()
                name = _name(self.cell(cells, header, "country"))
                if not code and not name:
                    column = "country_code" if "country_code" in header.columns else "country"
                    raise _BadCell(column, "no country code or name", "")
                self.kept += 1
                group.add(self.state(code, name, line), position, line)
            except _BadCell as bad:
                if group is not None:
                    group.skipped += 1
                self.bad_row(self.votes_source, line, header, bad)

    def _elsewhere(self, rcid: str, line: int) -> None:
        """A vote of a roll call not kept: dropped by the filter, unreadable, or not listed."""
        if rcid in self.unreadable:
            self.orphans_of_unreadable += 1
        elif rcid in self.seen:
            self.dropped_rows += 1
        else:
            self.orphans += 1
            if self.orphan_first is None:
                self.orphan_first = (rcid, line)

    def tally(self, counted: list[int]) -> Tally:
        yes, no, abstain, _ = counted
        return Tally(yes=yes, no=no, abstain=abstain, absent=None)

    def first_notes(self) -> list[str]:
        notes = [
            f"Read {self.calls:,} roll calls from {self.calls_name} and {self.rows:,} vote rows "
            f"from {self.votes_name} (unvotes' tables); kept {len(self.groups):,} roll call(s) "
            f"(title filter: {self.filter_label}) and {self.kept:,} of their votes.",
            "unvotes' un_votes table holds only yes, no and abstain votes: it leaves out "
            "absences (and States not members then), so no State is recorded absent and each "
            "tally's absent figure is unknown.",
        ]
        if self.orphans and self.orphan_first is not None:
            rcid, line = self.orphan_first
            notes.append(
                f"{self.orphans:,} vote row(s) name roll calls that {self.calls_name} does not "
                f"list (the first: rcid {rcid}, {self.votes_name} line {line}); they were not "
                "read."
            )
        if self.orphans_of_unreadable:
            notes.append(
                f"{self.orphans_of_unreadable:,} vote row(s) belong to roll calls whose row in "
                f"{self.calls_name} could not be read; they were not read."
            )
        how = "by ISO alpha-2 code (country_code), by country name where no code fits,"
        if not self.note_name_lookups:
            how = "by country name (the votes table has no country_code column)"
        notes.extend(self.mapping_note(how))
        return notes

    def metadata(self, notes: list[str]) -> Metadata:
        return Metadata(
            data_version=f"unvotes:{self.votes_name}",
            title=(
                f"UN General Assembly roll calls read from {self.votes_name} and "
                f"{self.calls_name} (unvotes' tables)"
            ),
            sources=(
                Source(
                    citation=self.citation,
                    note="unvotes' un_votes and un_roll_calls tables, read by "
                    "apmbc.load_unvotes_csv",
                    kind=SourceKind.DATASET,
                ),
            ),
            notes=tuple(notes),
        )


def read_voeten(path: object, options: Options) -> Dataset:
    """Read Voeten's votes table (see ``load_voeten_csv``)."""
    return VoetenReader(path, options).read()


def read_unvotes(votes_path: object, roll_calls_path: object, options: Options) -> Dataset:
    """Read unvotes' two tables (see ``load_unvotes_csv``)."""
    return UnvotesReader(votes_path, roll_calls_path, options).read()
