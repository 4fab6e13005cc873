"""The streaming reader behind ``load_undl_csv``: one row at a time, only kept rows remembered."""

from __future__ import annotations

import contextlib
import csv
import datetime as _dt
import os
from collections.abc import Callable, Iterator
from typing import IO, TYPE_CHECKING

from apmbc.dataset import Dataset, StateTable
from apmbc.domain.dates import to_date
from apmbc.domain.symbols import parse_symbol
from apmbc.errors import ParseError
from apmbc.io._files import MAX_CSV_BYTES, decode_error, open_text
from apmbc.io.undl._columns import Header, read_header
from apmbc.io.undl._values import (
    HISTORICAL_CODES,
    forum_from_text,
    parse_count,
    vote_position,
)
from apmbc.models import Forum, Metadata, Resolution, Source, State, Tally, Vote, VotePosition

if TYPE_CHECKING:
    from _csv import Reader as CsvReader

__all__ = ["FIELD_SIZE_LIMIT", "read_undl"]

FIELD_SIZE_LIMIT = 1 << 20
"""The longest cell accepted (1 MiB); the longest real cell (a subject list) is far shorter."""

_STATE_CACHE_LIMIT = 20_000
_LONG_TOTALS = ("total_yes", "total_no", "total_abstentions", "total_non_voting", "total_ms")
_WIDE_TOTALS = ("yes_count", "no_count", "absent_count", "no_vote_count", "total_votes")
_POSITIONS = (VotePosition.YES, VotePosition.NO, VotePosition.ABSTAIN, VotePosition.ABSENT)


@contextlib.contextmanager
def _field_size_limit(limit: int) -> Iterator[None]:
    """``csv.field_size_limit`` set for one read, then put back as it was."""
    previous = csv.field_size_limit(limit)
    try:
        yield
    finally:
        csv.field_size_limit(previous)


class _Feed:
    """The lines ``csv.reader`` reads: one handed over, then (for a quoted field that goes on)
    the file's next lines; ``taken`` counts those."""

    __slots__ = ("lines", "pending", "taken")

    def __init__(self, lines: Iterator[str]) -> None:
        self.lines = lines
        self.pending: str | None = None
        self.taken = 0

    def __iter__(self) -> _Feed:
        return self

    def __next__(self) -> str:
        text = self.pending
        if text is not None:
            self.pending = None
            return text
        text = next(self.lines)
        self.taken += 1
        return text


class _Group:
    """The kept rows of one resolution (one symbol in one session and forum)."""

    __slots__ = (
        "date",
        "duplicate_line",
        "duplicates",
        "first_line",
        "forum",
        "last_line",
        "link",
        "raw_totals",
        "session",
        "sources",
        "symbol",
        "title",
        "totals",
        "totals_differ_line",
        "votes",
    )

    def __init__(
        self,
        *,
        symbol: str | None,
        session: int,
        forum: Forum,
        date: _dt.date | None,
        title: str,
        link: str | None,
        line: int,
        sources: tuple[Source, ...],
    ) -> None:
        self.symbol = symbol
        self.session = session
        self.forum = forum
        self.date = date
        self.title = title
        self.link = link
        self.first_line = line
        self.last_line = line
        self.sources = sources
        self.totals: tuple[int | None, ...] | None = None
        self.raw_totals: tuple[str, ...] | None = None
        self.totals_differ_line: int | None = None
        self.votes: dict[str, Vote] = {}
        self.duplicates = 0
        self.duplicate_line = 0

    @property
    def label(self) -> str:
        return self.symbol or f"session {self.session} {self.forum.value}"

    def add(self, vote: Vote, line: int) -> None:
        self.last_line = line
        if vote.state in self.votes:
            self.duplicates += 1
            self.duplicate_line = self.duplicate_line or line
            return
        self.votes[vote.state] = vote


class UndlReader:
    """Reads one file; ``read()`` returns the Dataset. Internal to ``load_undl_csv``."""

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        keep: Callable[[str], bool],
        filter_label: str,
        states: Callable[[], StateTable],
        marker: str | None = None,
    ) -> None:
        self.path = path
        self.marker = marker
        self.source = os.fspath(path)
        self.basename = os.path.basename(self.source) or self.source
        self.keep = keep
        self.filter_label = filter_label
        self._states_provider = states
        self._table: StateTable | None = None
        self._state_cache: dict[tuple[str, str], tuple[str, bool]] = {}
        self._unmapped: dict[str, list[int]] = {}  # name -> [first line, rows]
        self._conflicts: dict[tuple[str, str], int] = {}
        self._used: set[str] = set()
        self.groups: dict[tuple[str | None, int, Forum], _Group] = {}
        self.rows = 0
        self.kept = 0
        self.layout = ""
        self.header: Header | None = None
        self._last_raw: tuple[str, ...] | None = None
        self._last_group: _Group | None = None
        self._key_at: tuple[int, ...] = ()
        self._totals_at: tuple[int, ...] = ()
        self._vote_at = self._code_at = self._name_at = -1

    # -- errors ---------------------------------------------------------------------------------

    def error(
        self, message: str, line: int | None, column: int | None = None, text: str | None = None
    ) -> ParseError:
        return ParseError(message, source=self.source, line=line, column=column, text=text)

    def _column_error(self, message: str, line: int, index: int, text: str) -> ParseError:
        assert self.header is not None
        name = self.header.names[index]
        return self.error(f"column {name!r}: {message}", line, index + 1, text)

    def _csv_error(self, exc: csv.Error, start: int) -> ParseError:
        message = str(exc)
        if "field larger than field limit" in message:
            return self.error(
                f"a cell is longer than {FIELD_SIZE_LIMIT:,} characters: not a UN voting CSV "
                "(or a quote left open)",
                start,
            )
        if "unexpected end of data" in message:
            return self.error(f"a quote opened on line {start} is never closed", start)
        if "expected after" in message:
            message += " (text after the closing quote of a quoted cell)"
        return self.error(f"malformed CSV: {message}", start)

    def _width_error(self, row: list[str], width: int, line: int) -> ParseError:
        if len(row) > width:
            return self.error(
                f"{len(row)} fields, but the header has {width}: extra column(s)",
                line,
                width + 1,
                row[width],
            )
        return self.error(
            f"{len(row)} fields, but the header has {width}: missing column(s)", line, len(row)
        )

    # -- States -----------------------------------------------------------------------------------

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
            entry = self._unmapped.setdefault(found, [line, 0])
            entry[1] += 1
        return found

    def _resolve_state(self, code: str, name: str, line: int) -> tuple[str, bool]:
        table = self._states()
        code_key = code.strip().upper()
        name_key = " ".join(name.split())
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

    # -- reading ----------------------------------------------------------------------------------

    def read(self) -> Dataset:
        """Read the whole file (streaming) and build the Dataset."""
        with (
            open_text(self.path, max_bytes=MAX_CSV_BYTES, what="UN voting CSV") as handle,
            _field_size_limit(FIELD_SIZE_LIMIT),
        ):
            self._read_rows(handle)
        return self._build()

    def _read_rows(self, handle: IO[str]) -> None:
        lines = iter(handle)
        feed = _Feed(lines)
        reader = csv.reader(feed, strict=True)
        line = start = 0
        try:
            names: list[str] | None = None
            for text in lines:
                line += 1
                feed.pending = text
                feed.taken = 0
                row = next(reader)
                start, line = line, line + feed.taken
                if row and (len(row) > 1 or row[0].strip()):
                    names = row
                    break
            if names is None:
                raise self.error("the file is empty: expected a header line", 1)
            self.header = header = read_header(names, self.source, start)
            self.layout = header.layout
            if header.layout == "long":
                self._read_long(lines, feed, reader, header, line)
            else:
                self._read_wide(lines, header, line)
        except UnicodeDecodeError:
            raise decode_error(self.source, "UN voting CSV") from None
        except csv.Error as exc:
            raise self._csv_error(exc, line) from None

    def _read_long(
        self, lines: Iterator[str], feed: _Feed, reader: CsvReader, header: Header, line: int
    ) -> None:
        """The hot loop, one physical line at a time.

        With a ``marker`` (a lower-case word every kept title contains), a line without it cannot
        be kept: only its shape is checked (the number of fields outside quotes, balanced
        quotes), several times faster than parsing it. Other lines are read in full: a line
        without quotes is one record, which ``str.split`` reads exactly as the csv module would;
        a line with quotes goes through ``csv`` (which reads on for a quoted cell that spans
        lines)."""
        cols = header.columns
        self._key_at = tuple(
            cols[c] for c in ("resolution", "session", "forum", "date") if c in cols
        )
        self._totals_at = tuple(cols.get(c, -1) for c in _LONG_TOTALS)
        self._vote_at = cols["ms_vote"]
        self._code_at = cols.get("ms_code", -1)
        self._name_at = cols.get("ms_name", -1)
        width = len(header.names)
        title_at = cols["title"]
        keep = self.keep
        marker = self.marker
        commas = width - 1
        limit = FIELD_SIZE_LIMIT
        last_title: str | None = None
        last_keep = False
        rows = 0
        start = line
        try:
            for text in lines:
                line += 1
                start = line
                if marker is not None and len(text) <= limit and marker not in text.lower():
                    # The title filter cannot keep this row: check its shape, nothing more.
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
                    feed.pending = text
                    feed.taken = 0
                    row = next(reader)
                    line += feed.taken
                else:
                    row = text.rstrip("\r\n").split(",")
                    if len(text) > limit:
                        self._check_cells(row, start)
                if len(row) != width:
                    if not row or (len(row) == 1 and not row[0].strip()):
                        continue
                    raise self._width_error(row, width, start)
                rows += 1
                title = row[title_at]
                if title != last_title:
                    last_title = title
                    last_keep = bool(keep(title))
                if last_keep:
                    self._long_row(row, start)
        except csv.Error as exc:
            raise self._csv_error(exc, start) from None
        finally:
            self.rows = rows

    def _check_cells(self, row: list[str], line: int) -> None:
        if any(len(cell) > FIELD_SIZE_LIMIT for cell in row):
            raise self._csv_error(csv.Error("field larger than field limit"), line)

    def _long_row(self, row: list[str], line: int) -> None:
        self.kept += 1
        raw_key = tuple([row[at] for at in self._key_at])
        group = self._last_group
        if raw_key != self._last_raw or group is None:
            group = self._group(row, line, "long")
            self._last_raw = raw_key
            self._last_group = group
        raw_totals = tuple([row[at] if at >= 0 else "" for at in self._totals_at])
        if raw_totals != group.raw_totals:
            self._totals(group, raw_totals, _LONG_TOTALS, line)
        at = self._vote_at
        position = vote_position(row[at])
        if position is None:
            raise self._column_error(
                "unknown vote code (expected Y, N, A, X, NV or empty)", line, at, row[at]
            )
        code = row[self._code_at] if self._code_at >= 0 else ""
        name = row[self._name_at] if self._name_at >= 0 else ""
        if not code.strip() and not name.strip():
            at = self._name_at if self._name_at >= 0 else self._code_at
            raise self._column_error("no Member State name or code", line, at, row[at])
        state = self.state(code, name, line)
        vote = Vote(
            state=state,
            session=group.session,
            forum=group.forum,
            position=position,
            resolution=group.symbol,
            recorded_name=" ".join(name.split()) or None,
            sources=group.sources,
        )
        group.add(vote, line)

    def _read_wide(self, lines: Iterator[str], header: Header, line: int) -> None:
        reader = csv.reader(lines, strict=True)
        width = len(header.names)
        title_at = header.columns["title"]
        keep = self.keep
        rows = 0
        end = line
        try:
            for row in reader:
                start = end + 1
                end = line + reader.line_num
                if len(row) != width:
                    if not row or (len(row) == 1 and not row[0].strip()):
                        continue
                    raise self._width_error(row, width, start)
                rows += 1
                if keep(row[title_at]):
                    self._wide_row(row, start)
        except csv.Error as exc:
            raise self._csv_error(exc, end + 1) from None
        finally:
            self.rows = rows

    def _wide_row(self, row: list[str], line: int) -> None:
        assert self.header is not None
        header = self.header
        cols = header.columns
        self.kept += 1
        group = self._group(row, line, "wide")
        raw_totals = tuple(row[cols[c]] if c in cols else "" for c in _WIDE_TOTALS)
        if raw_totals != group.raw_totals:
            self._totals(group, raw_totals, _WIDE_TOTALS, line)
        for at, name in header.state_columns:
            cell = row[at]
            if not cell or not cell.strip():
                continue  # no record: the State was not a Member, or voted under another name
            position = vote_position(cell)
            if position is None:
                raise self._column_error(
                    "unknown vote code (expected Y, N, A, X, NV or empty)", line, at, cell
                )
            state = self.state("", name, line)
            vote = Vote(
                state=state,
                session=group.session,
                forum=group.forum,
                position=position,
                resolution=group.symbol,
                recorded_name=name,
                sources=group.sources,
            )
            group.add(vote, line)

    # -- per resolution -------------------------------------------------------------------------

    def _group(self, row: list[str], line: int, layout: str) -> _Group:
        assert self.header is not None
        cols = self.header.columns
        at = cols["resolution"]
        raw_symbol = " ".join(row[at].split())
        parsed = parse_symbol(raw_symbol)
        symbol = (parsed.text if parsed is not None else raw_symbol) or None
        forum = (parsed.forum if parsed is not None else None) or Forum.PLENARY
        for forum_column in ("forum", "council"):
            if forum_column in cols and row[cols[forum_column]].strip():
                f_at = cols[forum_column]
                found = forum_from_text(row[f_at])
                if found is None:
                    raise self._column_error(
                        "not a General Assembly plenary or First Committee vote",
                        line,
                        f_at,
                        row[f_at],
                    )
                if forum_column == "forum" or found is Forum.FIRST_COMMITTEE:
                    forum = found
        session: int | None = None
        if "session" in cols and row[cols["session"]].strip():
            s_at = cols["session"]
            try:
                session = parse_count(row[s_at])
            except ValueError:
                raise self._column_error(
                    "expected a session number", line, s_at, row[s_at]
                ) from None
        if session is None and parsed is not None:
            session = parsed.session
        if session is None:
            what = f"the symbol {symbol!r}" if symbol else "an empty resolution symbol"
            raise self._column_error(
                f"cannot tell the session from {what} and there is no session value",
                line,
                at,
                row[at],
            )
        date: _dt.date | None = None
        if "date" in cols and row[cols["date"]].strip():
            d_at = cols["date"]
            try:
                date = to_date(row[d_at])
            except (ValueError, TypeError, OverflowError, IndexError) as exc:
                raise self._column_error(str(exc), line, d_at, row[d_at]) from None
        key = (symbol, session, forum)
        group = self.groups.get(key)
        if group is None:
            link_column = "undl_link" if layout == "long" else "link"
            link = row[cols[link_column]].strip() if link_column in cols else ""
            sources = (
                Source(
                    url=link or None, citation=f"UN Digital Library voting data, {self.basename}"
                ),
            )
            group = _Group(
                symbol=symbol,
                session=session,
                forum=forum,
                date=date,
                title=" ".join(row[cols["title"]].split()),
                link=link or None,
                line=line,
                sources=sources,
            )
            self.groups[key] = group
        return group

    def _totals(
        self,
        group: _Group,
        raw: tuple[str, ...],
        names: tuple[str, ...],
        line: int,
    ) -> None:
        if group.raw_totals is not None:  # another row of the group says otherwise
            if group.totals_differ_line is None:
                group.totals_differ_line = line
            return
        assert self.header is not None
        cols = self.header.columns
        values: list[int | None] = []
        for name, text in zip(names, raw, strict=True):
            try:
                values.append(parse_count(text))
            except ValueError as exc:
                raise self._column_error(str(exc), line, cols[name], text) from None
        group.raw_totals = raw
        group.totals = tuple(values)

    # -- result ---------------------------------------------------------------------------------

    def _check(self, group: _Group, counted: list[int]) -> list[str]:
        totals = group.totals or (None,) * 5
        file_yes, file_no, file_abstain, file_absent, file_total = totals
        labels = (
            ("yes", "no", "abstentions", "non-voting", "total_ms")
            if self.layout == "long"
            else ("YES COUNT", "NO COUNT", "ABSENT COUNT", "NO-VOTE COUNT", "TOTAL VOTES")
        )
        problems: list[str] = []
        for label, stated, count in zip(labels, totals, [*counted, sum(counted)], strict=True):
            if stated is not None and stated != count:
                problems.append(f"{label} {stated} in the file, {count} counted")
        parts = (file_yes, file_no, file_abstain, file_absent)
        if self.layout == "wide" and file_total is not None and None not in parts:
            added = sum(p for p in parts if p is not None)
            if added != file_total:
                problems.append(f"the counts add up to {added}, but TOTAL VOTES is {file_total}")
        return problems

    def _finish(self, group: _Group) -> tuple[Resolution, list[str]]:
        counted = [0, 0, 0, 0]
        index = {p: i for i, p in enumerate(_POSITIONS)}
        for vote in group.votes.values():
            counted[index[vote.position]] += 1
        where = (
            f"line {group.first_line}"
            if group.first_line == group.last_line
            else f"lines {group.first_line}-{group.last_line}"
        )
        notes: list[str] = []
        problems = self._check(group, counted)
        if problems:
            notes.append(
                f"{group.label} ({where}): the file's totals contradict its votes: "
                + "; ".join(problems)
                + ". The tally keeps the file's totals."
            )
        if group.totals_differ_line is not None:
            notes.append(
                f"{group.label}: line {group.totals_differ_line} gives other totals than line "
                f"{group.first_line}; the first are used"
            )
        if group.duplicates:
            notes.append(
                f"{group.label}: {group.duplicates} more row(s) for States already recorded "
                f"(first on line {group.duplicate_line}) ignored"
            )
        stated = group.totals or (None,) * 5
        yes, no, abstain, absent = (
            s if s is not None else c for s, c in zip(stated[:4], counted, strict=True)
        )
        resolution = Resolution(
            session=group.session,
            forum=group.forum,
            symbol=group.symbol,
            date=group.date,
            title=group.title or None,
            tally=Tally(yes=yes, no=no, abstain=abstain, absent=absent),
            sources=group.sources,
            notes=tuple(notes),
        )
        return resolution, notes

    def _build(self) -> Dataset:
        notes = [
            f"Read {self.rows:,} data rows ({self.layout or 'no'} layout) from {self.basename}; "
            f"kept {self.kept:,} rows of {len(self.groups):,} resolution(s) "
            f"(title filter: {self.filter_label})."
        ]
        for name, (line, count) in self._unmapped.items():
            notes.append(
                f"Unknown Member State name {name!r} (line {line}, {count} row(s)): its votes are "
                f"kept with state {name!r}, which refers to no State record."
            )
        for (code, name), line in self._conflicts.items():
            notes.append(
                f"Line {line}: ms_code {code!r} and name {name!r} name different States; "
                "the code was used."
            )
        resolutions: list[Resolution] = []
        votes: list[Vote] = []
        ordered = sorted(
            self.groups.values(),
            key=lambda g: (g.session, g.forum is not Forum.PLENARY, g.symbol or ""),
        )
        for group in ordered:
            resolution, group_notes = self._finish(group)
            resolutions.append(resolution)
            notes.extend(group_notes)
            votes.extend(sorted(group.votes.values(), key=lambda v: v.state))
        table = self._table
        states = tuple(s for s in table if s.code in self._used) if table is not None else ()
        metadata = Metadata(
            data_version=f"undl:{self.basename}",
            title=f"UN General Assembly recorded votes read from {self.basename}",
            sources=(
                Source(
                    citation=f"UN Digital Library, General Assembly voting data: {self.basename}",
                    note=f"{self.layout} layout, read by apmbc.load_undl_csv",
                ),
            ),
            notes=tuple(notes),
        )
        return Dataset(
            metadata=metadata,
            states=states,
            resolutions=tuple(resolutions),
            votes=tuple(votes),
        )


def read_undl(
    path: str | os.PathLike[str],
    *,
    keep: Callable[[str], bool],
    filter_label: str,
    states: Callable[[], StateTable],
    marker: str | None = None,
) -> Dataset:
    """Read a UN Digital Library voting CSV into a Dataset (see ``load_undl_csv``).

    ``marker``, when given, is a lower-case word that every title ``keep`` accepts contains
    (``title.lower()``); lines without it are only checked for their shape.
    """
    reader = UndlReader(path, keep=keep, filter_label=filter_label, states=states, marker=marker)
    return reader.read()
