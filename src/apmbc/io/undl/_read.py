"""The streaming reader behind ``load_undl_csv``: one row at a time, only kept rows remembered.

A file of the UN's whole voting history holds Security Council rows beside the General
Assembly's, symbols of every era, several votes under one symbol, States under several columns,
and cells no reader can read. Security Council rows are skipped and counted; a cell that cannot
be read is a *problem* with its line and column: the rest of the row is read when it is sound,
the row is skipped when it is not, and with ``strict=True`` the first problem is a
:class:`~apmbc.errors.ParseError`. Nothing is dropped without a word in ``metadata.notes``.
"""

from __future__ import annotations

import csv
import datetime as _dt
import os
import re
from collections.abc import Callable, Iterator
from typing import IO, TYPE_CHECKING

import attrs

from apmbc.dataset import Dataset, StateTable
from apmbc.domain.calendar import LAST_SESSION, date_in_session, session_of_date, session_window
from apmbc.domain.dates import to_date
from apmbc.domain.names import collapse_spaces
from apmbc.domain.symbols import Symbol, parse_symbol
from apmbc.domain.titles import is_convention_title
from apmbc.errors import ApmbcError, ParseError
from apmbc.io._files import MAX_CSV_BYTES, check_max_bytes, check_path, decode_error, open_text
from apmbc.io.undl._columns import Header, read_header
from apmbc.io.undl._values import (
    HISTORICAL_CODES,
    forum_from_text,
    is_security_council,
    parse_count,
    vote_position,
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
    _vote_factory,
)

if TYPE_CHECKING:
    from _csv import Reader as CsvReader

__all__ = ["MAX_LINE", "UndlProblem", "UndlReader"]

MAX_LINE = 1 << 20
"""The longest physical line read (1 MiB); the longest real row (a wide row of ~200 States, or a
long row with its subject list) is a few KiB. ``csv.field_size_limit`` is never changed (it is
process-wide)."""
MAX_DETAILED_PROBLEMS = 20
"""Problems named one by one in the notes; the rest are counted."""
MAX_KEPT_PROBLEMS = 10_000
"""Problems kept for :func:`~apmbc.io.undl.check_undl_csv` (the rest are counted)."""

_STATE_CACHE_LIMIT = 20_000
_LONG_TOTALS = ("total_yes", "total_no", "total_abstentions", "total_non_voting", "total_ms")
_WIDE_TOTALS = ("yes_count", "no_count", "absent_count", "no_vote_count", "total_votes")
_POSITIONS = (VotePosition.YES, VotePosition.NO, VotePosition.ABSTAIN, VotePosition.ABSENT)
_RECORD_LINK = re.compile(r"/record/(\d+)")
_POSITION_INDEX = {p: i for i, p in enumerate(_POSITIONS)}
_FAST_CODES = {"Y": 0, "N": 1, "A": 2}
"""The common vote codes, straight to their index in _POSITIONS."""


class _Skip(Exception):
    """The row cannot be read (its problem is already reported)."""


@attrs.frozen(kw_only=True)
class UndlProblem:
    """A value of a UN voting CSV that could not be read: where (line, column) and why."""

    line: int
    column: int | None
    """1-based column number, where one applies."""
    column_name: str | None
    """The header's name of that column."""
    message: str
    text: str | None
    """The cell as written, where there is one."""

    def __str__(self) -> str:
        where = f"line {self.line}" + (f", column {self.column_name!r}" if self.column_name else "")
        shown = ""
        if self.text is not None:
            snippet = self.text if len(self.text) <= 40 else self.text[:37] + "..."
            shown = f" [{snippet!r}]"
        return f"{where}: {self.message}{shown}"


@attrs.frozen(kw_only=True)
class UnknownName:
    """A Member State name of a UN voting CSV that names no State of the data: its votes are
    kept under the name, with a State record that says so."""

    name: str
    line: int
    """The first line it is on."""
    votes: int
    """How many votes were kept under it."""

    def __str__(self) -> str:
        return (
            f"line {self.line}: {self.name!r} names no State of the data ({self.votes:,} "
            "vote(s) kept under the name)"
        )


class _Call:
    """The kept rows of one roll call."""

    __slots__ = (
        "convention",
        "date",
        "duplicate_line",
        "duplicates",
        "first_line",
        "forum",
        "index",
        "last_line",
        "names",
        "positions",
        "raw_totals",
        "record",
        "session",
        "sources",
        "states",
        "symbol",
        "title",
        "totals",
        "totals_differ_line",
    )

    def __init__(
        self,
        *,
        record: str,
        symbol: str | None,
        session: int,
        forum: Forum,
        date: _dt.date | None,
        title: str,
        line: int,
        sources: tuple[Source, ...],
        convention: bool,
    ) -> None:
        self.convention = convention
        """The Convention's annual resolution (its votes name no record)."""
        self.record = record
        self.symbol = symbol
        self.session = session
        self.forum = forum
        self.date = date
        self.title = title
        self.first_line = line
        self.last_line = line
        self.sources = sources
        self.totals: tuple[int | None, ...] | None = None
        self.raw_totals: tuple[str, ...] | None = None
        self.totals_differ_line: int | None = None
        # The votes, kept compact until the dataset's votes are first used: the State, the
        # position (its index in _POSITIONS) and the name as recorded, one entry each.
        self.states: list[str] = []
        self.positions = bytearray()
        self.names: list[str | None] = []
        self.index: dict[str, int] | None = None
        """State -> its entry, built once a State could come twice (a long file, a repeat)."""
        self.duplicates = 0
        self.duplicate_line = 0

    @property
    def label(self) -> str:
        return self.symbol or f"record {self.record}"


class _Lines:
    """The physical lines of the file, counted; a line too long or holding NUL is an error."""

    __slots__ = ("count", "handle", "pending", "source")

    def __init__(self, handle: IO[str], source: str) -> None:
        self.handle = handle
        self.source = source
        self.count = 0
        self.pending: str | None = None
        """A line handed to ``csv.reader`` by the loop (read already, not yet parsed)."""

    def __iter__(self) -> Iterator[str]:
        return self

    def __next__(self) -> str:
        text = self.pending
        if text is not None:
            self.pending = None
            return text
        return self.read()

    def read(self) -> str:
        text = self.handle.readline()
        if not text:
            raise StopIteration
        self.count += 1
        if len(text) > MAX_LINE:
            raise ParseError(
                f"a line longer than {MAX_LINE:,} characters: not a UN voting CSV (or a quote "
                "left open)",
                source=self.source,
                line=self.count,
            )
        if "\x00" in text:
            raise ParseError(
                "NUL character: the file is binary, or UTF-16 without a byte order mark; "
                "expected UTF-8 text",
                source=self.source,
                line=self.count,
                column=text.index("\x00") + 1,
            )
        return text


class _Votes:
    """The votes of the roll calls read, built as :class:`~apmbc.models.Vote` records when the
    dataset's votes are first used (the Dataset calls this once, under its lock), in roll call
    order and, within one, by State code. Until then each vote is three compact entries."""

    __slots__ = ("_calls",)

    def __init__(self, calls: list[_Call]) -> None:
        self._calls = calls

    def __call__(self) -> tuple[Vote, ...]:
        make = _vote_factory()
        positions = _POSITIONS
        out: list[Vote] = []
        for call in self._calls:
            record = None if call.convention else call.record
            states, codes, names = call.states, call.positions, call.names
            session, forum, symbol, sources = call.session, call.forum, call.symbol, call.sources
            for i in sorted(range(len(states)), key=states.__getitem__):
                out.append(
                    make(
                        states[i],
                        session,
                        forum,
                        positions[codes[i]],
                        symbol,
                        record,
                        None,
                        names[i],
                        sources,
                    )
                )
            call.states, call.positions, call.names, call.index = [], bytearray(), [], None
        self._calls = []
        return tuple(out)


class UndlReader:
    """Reads one file; ``read()`` returns the Dataset. Internal to ``load_undl_csv``."""

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        keep: Callable[[str], bool],
        filter_label: str,
        states: Callable[[], StateTable],
        states_label: Callable[[], str],
        marker: str | None = None,
        strict: bool = False,
        max_bytes: int = MAX_CSV_BYTES,
    ) -> None:
        self.source = check_path(path)
        self.max_bytes = check_max_bytes(max_bytes)
        self.basename = os.path.basename(self.source) or self.source
        self.keep = keep
        self.filter_label = filter_label
        self.marker = marker
        self.strict = strict
        self._states_provider = states
        self._states_label = states_label
        self._table: StateTable | None = None
        self._state_cache: dict[tuple[str, str], tuple[str, bool]] = {}
        self._unmapped: dict[str, list[int]] = {}  # name -> [first line, rows]
        self._conflicts: dict[tuple[str, str], int] = {}
        self._used: set[str] = set()
        self.calls: dict[object, _Call] = {}
        self.problems: list[UndlProblem] = []
        self.problem_count = 0
        self.skipped_rows = 0
        self.council_rows = 0
        self.council_line = 0
        self.rows = 0
        self.kept = 0
        self.header: Header | None = None
        self._last_key: tuple[str, ...] | None = None
        self._last_call: _Call | None = None
        self._name_strings: dict[str, str | None] = {}
        self._conventions: set[tuple[int, Forum]] = set()

    # -- problems and errors --------------------------------------------------------------------

    def _column(self, index: int | None) -> str | None:
        if index is None or self.header is None or index >= len(self.header.names):
            return None
        return self.header.names[index]

    def problem(self, line: int, index: int | None, message: str, text: str | None) -> None:
        """Report a cell (or row) that cannot be read; raises at once when strict."""
        column = self._column(index)
        if self.strict:
            prefix = f"column {column!r}: " if column else ""
            raise ParseError(
                prefix + message,
                source=self.source,
                line=line,
                column=None if index is None else index + 1,
                text=text,
            )
        self.problem_count += 1
        if len(self.problems) < MAX_KEPT_PROBLEMS:
            self.problems.append(
                UndlProblem(
                    line=line,
                    column=None if index is None else index + 1,
                    column_name=column,
                    message=message,
                    text=None if text is None else text[:200],
                )
            )

    def error(self, message: str, line: int | None, column: int | None = None) -> ParseError:
        return ParseError(message, source=self.source, line=line, column=column)

    def _csv_error(self, exc: csv.Error, line: int) -> ParseError:
        message = str(exc)
        if "field larger than field limit" in message:
            return self.error(
                f"a cell longer than {csv.field_size_limit():,} characters: not a UN voting CSV "
                "(or a quote left open)",
                line,
            )
        if "unexpected end of data" in message:
            return self.error(f"a quote opened on line {line} is never closed", line)
        if "expected after" in message:
            message += " (text after the closing quote of a quoted cell)"
        return self.error(f"malformed CSV: {message}", line)

    def _width(self, row: list[str], width: int, line: int) -> bool:
        """Whether the row has the header's width; a row that does not is a problem."""
        if len(row) == width:
            return True
        self.skipped_rows += 1
        if len(row) > width:
            message = f"{len(row)} fields, but the header has {width}: extra column(s)"
            self.problem(line, width, message, row[width])
        else:
            message = f"{len(row)} fields, but the header has {width}: missing column(s)"
            self.problem(line, None, message, None)
        return False

    # -- States ---------------------------------------------------------------------------------

    def _states(self) -> StateTable:
        table = self._table
        if table is None:
            table = self._table = self._states_provider()
        return table

    def state(self, code: str, name: str, line: int) -> str:
        """The State code for a row's code and name; an unknown name is kept as written."""
        key = (code, name)
        cached = self._state_cache.get(key)
        if cached is None:
            cached = self._resolve_state(code, name, line)
            if len(self._state_cache) >= _STATE_CACHE_LIMIT:
                self._state_cache.clear()
            self._state_cache[key] = cached
        found, mapped = cached
        if not mapped:
            self._unmapped.setdefault(found, [line, 0])
        return found

    def _resolve_state(self, code: str, name: str, line: int) -> tuple[str, bool]:
        table = self._states()
        code_key = code.strip().upper()
        name_key = collapse_spaces(name)
        by_code: State | None = None
        if code_key:
            by_code = table.get(HISTORICAL_CODES.get(code_key, code_key))
        by_name = table.get(name_key) if name_key else None
        if by_code is not None and by_name is not None and by_code.code != by_name.code:
            self._conflicts.setdefault((code_key, name_key), line)
        found = by_code or by_name
        if found is not None:
            self._used.add(found.code)
            return found.code, True
        return name_key or code_key, False

    # -- reading --------------------------------------------------------------------------------

    def unknown_names(self) -> tuple[UnknownName, ...]:
        """The names that matched no State and gave votes, in the order they were met."""
        return tuple(
            UnknownName(name=name, line=line, votes=count)
            for name, (line, count) in self._unmapped.items()
            if count
        )

    def read(self) -> Dataset:
        """Read the whole file (streaming) and build the Dataset."""
        with open_text(self.source, max_bytes=self.max_bytes, what="UN voting CSV") as handle:
            lines = _Lines(handle, self.source)
            reader = csv.reader(lines, strict=True)
            try:
                header = self._header(lines, reader)
                if header.layout == "long":
                    self._read_long(lines, reader, header)
                else:
                    self._read_wide(lines, reader, header)
            except UnicodeDecodeError:
                raise decode_error(self.source, "UN voting CSV") from None
            except csv.Error as exc:
                raise self._csv_error(exc, lines.count) from None
        return self._build()

    def _header(self, lines: _Lines, reader: CsvReader) -> Header:
        for text in lines:
            lines.pending = text
            start = lines.count
            row = next(reader)
            if row and (len(row) > 1 or row[0].strip()):
                self.header = read_header(row, self.source, start)
                return self.header
        raise self.error("the file is empty: expected a header line", 1)

    def _parse(self, reader: CsvReader, start: int) -> list[str]:
        """The record starting on line ``start`` (a quoted cell may go on over lines)."""
        try:
            return next(reader)
        except csv.Error as exc:
            raise self._csv_error(exc, start) from None

    def _records(self, lines: _Lines, reader: CsvReader) -> Iterator[tuple[int, list[str]]]:
        """Every record after the header, with the line it starts on; blank lines skipped."""
        for text in lines:
            start = lines.count
            if '"' not in text:
                row = text.rstrip("\r\n").split(",")
            else:
                lines.pending = text
                row = self._parse(reader, start)
            if row and (len(row) > 1 or row[0].strip()):
                yield start, row

    def _read_long(self, lines: _Lines, reader: CsvReader, header: Header) -> None:
        """The long layout, one physical line at a time.

        With a ``marker`` (a lower-case word every title the filter keeps contains), a line
        without it cannot be kept: only its shape is checked (the number of fields outside
        quotes, balanced quotes), several times faster than parsing it.
        """
        cols = header.columns
        width = len(header.names)
        title_at = cols["title"]
        keep = self.keep
        marker = self.marker
        commas = width - 1
        last_title: str | None = None
        last_keep = False
        rows = 0
        for text in lines:
            start = lines.count
            if marker is not None and marker not in text.lower():
                if '"' not in text:
                    if text.count(",") == commas:
                        rows += 1
                        continue
                elif (
                    text.count('"') % 2 == 0  # quotes balanced: a one-line record
                    and "".join(text.split('"')[::2]).count(",") == commas
                ):
                    rows += 1
                    continue
                # blank, too wide or narrow, or a quoted cell going on: read it in full
            if '"' in text:
                lines.pending = text
                row = self._parse(reader, start)
            else:
                row = text.rstrip("\r\n").split(",")
            if not row or (len(row) == 1 and not row[0].strip()):
                continue
            rows += 1
            if not self._width(row, width, start):
                continue
            title = row[title_at]
            if title != last_title:
                last_title = title
                last_keep = bool(keep(title))
            if last_keep:
                try:
                    self._long_row(row, start)
                except _Skip:
                    self.skipped_rows += 1
                    continue
        self.rows = rows

    def _long_row(self, row: list[str], line: int) -> None:
        assert self.header is not None
        cols = self.header.columns
        key = tuple(row[cols[c]] for c in ("undl_id", "resolution", "date") if c in cols)
        call = self._last_call
        if key != self._last_key or call is None:
            call = self._call(row, line)
            self._last_key = key
            self._last_call = call
        if call is None:
            return
        self.kept += 1
        raw_totals = tuple(row[cols[c]] if c in cols else "" for c in _LONG_TOTALS)
        if raw_totals != call.raw_totals:
            self._totals(call, raw_totals, _LONG_TOTALS, line)
        at = cols["ms_vote"]
        cell = row[at]
        position = vote_position(cell)
        if position is None:
            self.problem(line, at, "unknown vote code (expected Y, N, A, X, NV or empty)", cell)
            return
        code = row[cols["ms_code"]] if "ms_code" in cols else ""
        name = row[cols["ms_name"]] if "ms_name" in cols else ""
        if not code.strip() and not name.strip():
            where = cols.get("ms_name", cols.get("ms_code"))
            self.problem(line, where, "no Member State name or code", None)
            return
        self._vote(call, self.state(code, name, line), position, line, name)

    def _read_wide(self, lines: _Lines, reader: CsvReader, header: Header) -> None:
        cols = header.columns
        width = len(header.names)
        title_at = cols["title"]
        groups = self._state_groups(header)
        plan: list[tuple[str, int, str | None, list[tuple[int, str]] | None]] = [
            (state, columns[0][0], self._name(columns[0][1]), None)
            if len(columns) == 1
            else (state, -1, None, columns)
            for state, columns in groups
        ]
        fast = _FAST_CODES
        keep = self.keep
        rows = 0
        for line, row in self._records(lines, reader):
            rows += 1
            if not self._width(row, width, line):
                continue
            if not keep(row[title_at]):
                continue
            try:
                call = self._call(row, line)
            except _Skip:
                self.skipped_rows += 1
                continue
            if call is None:
                continue
            self.kept += 1
            raw_totals = tuple(row[cols[c]] if c in cols else "" for c in _WIDE_TOTALS)
            self._totals(call, raw_totals, _WIDE_TOTALS, line)
            if call.states:  # a record id seen on an earlier row: States may repeat, so check
                for state, columns in groups:
                    self._wide_group(call, state, columns, row, line)
            else:  # the hot loop: one compact entry per non-empty cell
                call.last_line = line
                states, positions, names = call.states, call.positions, call.names
                for state, at, name, several in plan:
                    if several is not None:
                        self._wide_group(call, state, several, row, line)
                        continue
                    cell = row[at]
                    if not cell:
                        continue  # no record: not a Member State then, or another column
                    code = fast.get(cell)
                    if code is None:
                        position = vote_position(cell)
                        if position is None:
                            if cell.strip():
                                message = "unknown vote code (expected Y, N, A, X)"
                                self.problem(line, at, message, cell)
                            continue
                        code = _POSITION_INDEX[position]
                    states.append(state)
                    positions.append(code)
                    names.append(name)
            for at in header.ignored:
                if row[at].strip():
                    self.problem(line, at, "a value in a column without a name", row[at])
        self.rows = rows

    def _state_groups(self, header: Header) -> list[tuple[str, list[tuple[int, str]]]]:
        """The State columns grouped by the State they name (one State may have several)."""
        groups: dict[str, list[tuple[int, str]]] = {}
        for at, name in header.state_columns:
            code = self.state("", name, header.line)
            groups.setdefault(code, []).append((at, name))
        return list(groups.items())

    def _wide_group(
        self, call: _Call, state: str, columns: list[tuple[int, str]], row: list[str], line: int
    ) -> None:
        """One State under several columns: one vote, or a problem if the columns disagree."""
        found: list[tuple[int, str, VotePosition]] = []
        for at, name in columns:
            cell = row[at]
            if not cell or not cell.strip():
                continue
            position = vote_position(cell)
            if position is None:
                self.problem(line, at, "unknown vote code (expected Y, N, A, X)", cell)
                continue
            found.append((at, name, position))
        if not found:
            return
        if len({p for _, _, p in found}) > 1:
            listed = ", ".join(f"{n!r} {p.value}" for _, n, p in found)
            self.problem(
                line,
                found[0][0],
                f"the columns of one State disagree ({listed}): no vote is read for {state}",
                None,
            )
            return
        self._vote(call, state, found[0][2], line, found[0][1])

    def _vote(self, call: _Call, state: str, position: VotePosition, line: int, name: str) -> None:
        call.last_line = line
        index = call.index
        if index is None:
            index = call.index = {s: i for i, s in enumerate(call.states)}
        known = index.get(state)
        if known is not None:
            call.duplicates += 1
            call.duplicate_line = call.duplicate_line or line
            first = _POSITIONS[call.positions[known]]
            if first is not position:
                self.problem(
                    line,
                    None,
                    f"a second row for {state} in {call.label} says {position.value}, the first "
                    f"{first.value}; the first is kept",
                    None,
                )
            return
        index[state] = len(call.states)
        call.states.append(state)
        call.positions.append(_POSITION_INDEX[position])
        call.names.append(self._name(name))

    def _name(self, name: str) -> str | None:
        """The name as recorded, spaces collapsed, one string object per name."""
        found = self._name_strings.get(name)
        if found is None:
            found = collapse_spaces(name) or None
            if len(self._name_strings) < _STATE_CACHE_LIMIT:
                self._name_strings[name] = found
        return found

    # -- per roll call --------------------------------------------------------------------------

    def _call(self, row: list[str], line: int) -> _Call | None:
        """The roll call of a row; ``None`` for a Security Council row (counted), ``_Skip`` for a
        row that cannot be placed (reported)."""
        assert self.header is not None
        cols = self.header.columns
        at = cols["resolution"]
        raw = collapse_spaces(row[at])
        parsed: Symbol | None = parse_symbol(raw) if raw else None
        council = row[cols["council"]] if "council" in cols else ""
        if (parsed is not None and parsed.organ == "S") or (
            council and is_security_council(council)
        ):
            self.council_rows += 1
            self.council_line = self.council_line or line
            return None
        symbol = (parsed.text if parsed is not None else None) if raw else None
        if raw and parsed is None and raw.upper() not in ("MISSING_DATA", "MISSING DATA", "NA"):
            symbol = raw  # kept as written: not a symbol apmbc can read, but the file's own
        forum = parsed.forum if parsed is not None and parsed.forum is not None else Forum.PLENARY
        for forum_column in ("forum", "council"):
            text = row[cols[forum_column]].strip() if forum_column in cols else ""
            if not text:
                continue
            named = forum_from_text(text)
            if named is None:
                message = "not a General Assembly plenary or First Committee vote"
                self.problem(line, cols[forum_column], message, text)
                raise _Skip
            if forum_column == "forum" or named is Forum.FIRST_COMMITTEE:
                forum = named
        date: _dt.date | None = None
        if "date" in cols and row[cols["date"]].strip():
            try:
                date = to_date(row[cols["date"]])
            except ApmbcError as exc:
                self.problem(line, cols["date"], str(exc), row[cols["date"]])
        session: int | None = None
        if "session" in cols and row[cols["session"]].strip():
            try:
                session = parse_count(row[cols["session"]])
            except ValueError:
                self.problem(
                    line, cols["session"], "expected a session number", row[cols["session"]]
                )
                raise _Skip from None
        if session is None and parsed is not None and parsed.organ == "A":
            session = parsed.regular_session(date)
        if session is None and date is not None:
            try:
                session = session_of_date(date)
            except ApmbcError:
                session = None
        if session is None:
            what = f"the symbol {raw!r}" if raw else "an empty symbol"
            self.problem(
                line, at, f"cannot tell the session from {what}, with no session or date", raw
            )
            raise _Skip
        if not 1 <= session <= LAST_SESSION:
            where = cols.get("session", at)
            self.problem(
                line,
                where,
                f"session {session} is not in the General Assembly's calendar (sessions 1 to "
                f"{LAST_SESSION})",
                row[where],
            )
            raise _Skip
        if date is not None and not date_in_session(date, session):
            first, last = session_window(session)
            self.problem(
                line,
                cols["date"],
                f"a vote of session {session} cannot be dated {date.isoformat()} (the session's "
                f"votes fall between {first.isoformat()} and {last.isoformat()}): the date is "
                "left unknown",
                row[cols["date"]],
            )
            date = None
        record = self._record(row, line)
        key = (record, symbol, session, forum)
        call = self.calls.get(key)
        if call is None:
            link_column = "undl_link" if "undl_link" in cols else "link"
            link = row[cols[link_column]].strip() if link_column in cols else ""
            source = Source(
                url=link or None,
                citation=f"UN Digital Library voting data, {self.basename}",
                kind=SourceKind.UN,
            )
            title = collapse_spaces(row[cols["title"]])
            # The first roll call of a session and forum with the Convention's title is the
            # annual resolution; any other (a second vote on it) is a roll call of its own.
            convention = (session, forum) not in self._conventions and is_convention_title(title)
            if convention:
                self._conventions.add((session, forum))
            call = _Call(
                record=record,
                symbol=symbol,
                session=session,
                forum=forum,
                date=date,
                title=title,
                line=line,
                sources=(source,),
                convention=convention,
            )
            self.calls[key] = call
        return call

    def _record(self, row: list[str], line: int) -> str:
        """The roll call's record id: the file's id, token or link; else the file and line."""
        assert self.header is not None
        cols = self.header.columns
        for column in ("undl_id", "record"):
            if column in cols and row[cols[column]].strip():
                return row[cols[column]].strip()
        for column in ("undl_link", "link"):
            if column in cols:
                found = _RECORD_LINK.search(row[cols[column]])
                if found is not None:
                    return found.group(1)
        if "token" in cols and row[cols["token"]].strip():
            return f"token:{row[cols['token']].strip()}"
        return f"{self.basename}:{line}"

    def _totals(self, call: _Call, raw: tuple[str, ...], names: tuple[str, ...], line: int) -> None:
        if call.raw_totals is not None:
            if raw != call.raw_totals and call.totals_differ_line is None:
                call.totals_differ_line = line
            return
        assert self.header is not None
        cols = self.header.columns
        values: list[int | None] = []
        for name, text in zip(names, raw, strict=True):
            try:
                values.append(parse_count(text))
            except ValueError as exc:
                self.problem(line, cols.get(name), str(exc), text)
                values.append(None)
        call.raw_totals = raw
        call.totals = tuple(values)

    # -- result ---------------------------------------------------------------------------------

    def _check(self, call: _Call, counted: list[int]) -> list[str]:
        assert self.header is not None
        totals = call.totals or (None,) * 5
        labels = (
            ("yes", "no", "abstentions", "non-voting", "total_ms")
            if self.header.layout == "long"
            else ("YES COUNT", "NO COUNT", "ABSENT COUNT", "NO-VOTE COUNT", "TOTAL VOTES")
        )
        problems: list[str] = []
        for label, stated, count in zip(labels, totals, [*counted, sum(counted)], strict=True):
            if stated is not None and stated != count:
                problems.append(f"{label} {stated} in the file, {count} counted")
        parts = totals[:4]
        if self.header.layout == "wide" and totals[4] is not None and None not in parts:
            added = sum(p for p in parts if p is not None)
            if added != totals[4]:
                problems.append(f"the counts add up to {added}, but TOTAL VOTES is {totals[4]}")
        return problems

    def _finish(self, call: _Call) -> tuple[Resolution, list[str]]:
        counted = [call.positions.count(i) for i in range(len(_POSITIONS))]
        where = (
            f"line {call.first_line}"
            if call.first_line == call.last_line
            else f"lines {call.first_line}-{call.last_line}"
        )
        notes: list[str] = []
        problems = self._check(call, counted)
        if problems:
            notes.append(
                f"{call.label} ({where}): the file's totals contradict its votes: "
                + "; ".join(problems)
                + ". The tally keeps the file's totals."
            )
        if call.totals_differ_line is not None:
            notes.append(
                f"{call.label}: line {call.totals_differ_line} gives other totals than line "
                f"{call.first_line}; the first are used"
            )
        if call.duplicates:
            notes.append(
                f"{call.label}: {call.duplicates} more row(s) for States already recorded "
                f"(first on line {call.duplicate_line}) ignored"
            )
        stated = call.totals or (None,) * 5
        yes, no, abstain, absent = (
            s if s is not None else c for s, c in zip(stated[:4], counted, strict=True)
        )
        resolution = Resolution(
            session=call.session,
            forum=call.forum,
            symbol=call.symbol,
            record=call.record,
            convention=call.convention,
            date=call.date,
            title=call.title or None,
            tally=Tally(yes=yes, no=no, abstain=abstain, absent=absent),
            sources=call.sources,
            notes=tuple(notes),
        )
        return resolution, notes

    def _build(self) -> Dataset:
        assert self.header is not None
        resolutions: list[Resolution] = []
        call_notes: list[str] = []
        ordered = sorted(
            self.calls.values(),
            key=lambda c: (c.session, c.forum is not Forum.PLENARY, c.first_line),
        )
        for call in ordered:
            resolution, its_notes = self._finish(call)
            resolutions.append(resolution)
            call_notes.extend(its_notes)
            call.index = None  # no more rows: the duplicate check is done
        for name, entry in self._unmapped.items():
            entry[1] = sum(call.states.count(name) for call in ordered)
        notes = [
            f"Read {self.rows:,} data rows ({self.header.layout} layout) from {self.basename}; "
            f"kept {self.kept:,} rows of {len(self.calls):,} General Assembly roll call(s) "
            f"(title filter: {self.filter_label}); State names mapped with "
            f"{self._states_label()}."
        ]
        if self.council_rows:
            notes.append(
                f"Skipped {self.council_rows:,} Security Council row(s) (first on line "
                f"{self.council_line}): they are not General Assembly votes."
            )
        if self.problem_count:
            detailed = self.problems[:MAX_DETAILED_PROBLEMS]
            shown = "; ".join(str(p) for p in detailed)
            more = self.problem_count - len(detailed)
            tail = f"; and {more:,} more" if more > 0 else ""
            rows = f" ({self.skipped_rows:,} row(s) skipped whole)" if self.skipped_rows else ""
            notes.append(
                f"{self.problem_count:,} value(s) could not be read and were left out{rows}: "
                f"{shown}{tail}."
            )
        for name, (line, count) in self._unmapped.items():
            if count:  # the same facts as unknown_names(), for the dataset's notes
                notes.append(
                    f"Unknown Member State name {name!r} (line {line}, {count:,} vote(s)): its "
                    "votes are kept under the name, with a State record that says so."
                )
        for (code, name), line in self._conflicts.items():
            notes.append(
                f"Line {line}: ms_code {code!r} and name {name!r} name different States; "
                "the code was used."
            )
        notes.extend(call_notes)
        states = self._state_records()
        metadata = Metadata(
            data_version=f"undl:{self.basename}",
            title=f"UN General Assembly recorded votes read from {self.basename}",
            sources=(
                Source(
                    citation=f"UN Digital Library, General Assembly voting data: {self.basename}",
                    note=f"{self.header.layout} layout, read by apmbc.load_undl_csv",
                    kind=SourceKind.UN,
                ),
            ),
            notes=tuple(notes),
        )
        return Dataset(
            metadata=metadata,
            states=states,
            resolutions=tuple(resolutions),
            votes=_Votes(ordered),
        )

    def _state_records(self) -> tuple[State, ...]:
        table = self._table
        known = [s for s in table if s.code in self._used] if table is not None else []
        source = Source(
            citation=f"UN Digital Library voting data, {self.basename}", kind=SourceKind.UN
        )
        unknown = [
            State(
                code=name,
                name=name,
                sources=(source,),
                notes=(
                    "Not a State of the data that mapped the names: keyed by the name the UN's "
                    "voting file writes (apmbc knows no ISO code for it).",
                ),
            )
            for name, (_, count) in self._unmapped.items()
            if count
        ]
        return tuple(sorted([*known, *unknown], key=lambda s: s.code))
