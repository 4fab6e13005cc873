"""UN Digital Library "General Assembly Voting Data" CSVs: read them into a Dataset, write them.

The UN Digital Library publishes every recorded vote of the General Assembly as a CSV
(digitallibrary.un.org record 4060887 and later editions). Two layouts exist, recognised from
the header line:

- *long*: one row per Member State and resolution (``undl_id, ms_code, ms_name, ms_vote, date,
  session, resolution, ..., title, ..., total_yes, total_no, total_abstentions,
  total_non_voting, total_ms, undl_link``; some editions spell them in the plural or with
  hyphens);
- *wide*: one row per resolution (``Council, Date, Title, Resolution, TOTAL VOTES, NO-VOTE
  COUNT, ABSENT COUNT, NO COUNT, YES COUNT, Link, token``) followed by one column per Member
  State name. ``ABSENT COUNT`` holds the abstentions and ``NO-VOTE COUNT`` the States present
  but not voting or absent. An empty cell means the State has no vote in that row (it was not a
  Member State then, or it voted under another of its names), so it is not read as an absence.

>>> from apmbc.domain.symbols import normalize_symbol
>>> normalize_symbol("A/RES/55/33[V]")
'A/RES/55/33 V'
"""

from __future__ import annotations

import os
from collections.abc import Callable

import attrs

from apmbc.dataset import Dataset, StateTable
from apmbc.domain.titles import is_convention_title
from apmbc.errors import ArgumentTypeError
from apmbc.io._files import MAX_CSV_BYTES
from apmbc.io._titles import title_predicate
from apmbc.io.undl._columns import LONG_COLUMNS, MAX_COLUMNS, WIDE_LEADING_COLUMNS
from apmbc.io.undl._read import MAX_LINE, UndlProblem, UndlReader, UnknownName
from apmbc.io.undl._values import HISTORICAL_CODES
from apmbc.io.undl._write import write_undl

__all__ = [
    "DEFAULT",
    "HISTORICAL_CODES",
    "LONG_COLUMNS",
    "MAX_COLUMNS",
    "MAX_LINE",
    "WIDE_LEADING_COLUMNS",
    "UndlProblem",
    "UndlReport",
    "UnknownName",
    "check_undl_csv",
    "load_undl_csv",
    "write_undl_csv",
]

DEFAULT: Callable[[str], bool] = is_convention_title
"""The default title filter of :func:`load_undl_csv`: the Convention's annual resolutions."""


def _state_provider(
    states: StateTable | Dataset | None,
) -> tuple[Callable[[], StateTable], Callable[[], str]]:
    """Where names are looked up, and how the notes name it."""
    if states is None:

        def bundled() -> StateTable:
            from apmbc.io._bundled import bundled  # the bundled data, read only when needed

            return bundled().states

        def bundled_label() -> str:
            from apmbc.io._bundled import DATA_VERSION

            return f"the States of apmbc's bundled data {DATA_VERSION}"

        return bundled, bundled_label
    if isinstance(states, Dataset):
        version = states.metadata.data_version
        return (lambda: states.states), (lambda: f"the States of the dataset {version}")
    if isinstance(states, StateTable):
        return (lambda: states), (lambda: "the States given")
    raise ArgumentTypeError(
        f"states must be a StateTable, a Dataset or None, not {type(states).__name__}"
    )


def load_undl_csv(
    path: str | os.PathLike[str],
    *,
    title_filter: str | Callable[[str], bool] | None = DEFAULT,
    states: StateTable | Dataset | None = None,
    strict: bool = False,
    max_bytes: int = MAX_CSV_BYTES,
) -> Dataset:
    """Read a UN Digital Library General Assembly voting CSV into a :class:`Dataset`.

    The file is streamed row by row and only the rows the title filter keeps are remembered, so
    memory stays flat however large the file. The result holds one
    :class:`~apmbc.models.Resolution` per General Assembly roll call kept, its
    :class:`~apmbc.models.Vote` records (absences included) and the
    :class:`~apmbc.models.State` records they refer to.

    - ``title_filter``: by default the Convention's annual resolutions (see
      :func:`~apmbc.domain.titles.is_convention_title`); ``None`` keeps every roll call; a
      string keeps the titles that contain it (case, spaces, hyphens and punctuation ignored);
      a function gets the title.
    - ``states``: where Member State names (and ``ms_code`` values) are looked up; by default the
      bundled data (``apmbc.load().states``); ``metadata.notes`` says which. A name that matches
      no State is not dropped: its votes are keyed by the name as written, the dataset holds a
      State record for it that says so, and the notes name it with its line.
    - ``strict``: by default a value that cannot be read (an unknown vote code, an impossible
      date, a count that is not a number, a row of the wrong width, a State whose columns
      disagree) is left out and named in ``metadata.notes`` with its line and column, and the
      rest of the file is read; with ``strict=True`` the first one is a ``ParseError``.
    - ``max_bytes``: a file larger than this (default 8 GiB, ten times the size
      of the UN's whole history) is refused with a ``ParseError`` before it is read.

    Every era of the record is read. Security Council rows (a ``Council`` column, or ``S/...``
    symbols) are not General Assembly votes: they are skipped and counted in the notes. Symbols
    are read by :func:`~apmbc.domain.symbols.parse_symbol` (``A/RES/3028(XXVII)``,
    ``A/RES/ES-10/6``, ``A/RES/S-27/2``, ``A/RES/61/250A``, ``A/RES/55/33[B]``, drafts such as
    ``A/76/L.14``) and written in their one spelling; ``MISSING_DATA`` is an unknown symbol. The
    session is the file's session column, else the symbol's, else the regular session sitting on
    the vote's date (an emergency special or special session meets within one; its symbol keeps
    it). A roll call is known by its UN Digital Library record id (``undl_id``, the link's
    record number, or ``token``), so that several votes under one symbol (a paragraph and the
    whole text) stay apart. The first roll call of a session and forum with the Convention's
    title is the annual resolution (``Resolution.convention``); any other keeps its record id,
    as do its votes. In the wide layout, one State's several columns (its name spelled in
    different ways) give one vote per roll call.

    Vote codes ``Y``, ``N``, ``A`` are yes, no, abstain; ``X``, ``NV`` and (in the long layout)
    an empty cell are absent; an empty cell of the wide layout is no record. The tally is the
    file's totals where given, else the count of the votes; totals that contradict the votes are
    noted on the resolution and in ``metadata.notes`` with the lines. With the default filter, a
    line without the word "stockpiling" is only checked for its shape.

    Raises :class:`~apmbc.errors.ParseError`, naming the file, the line and (where it applies)
    the column, for a file that is not UTF-8, an empty file, an unknown header, missing required
    columns, a header of more than :data:`MAX_COLUMNS` columns, a line longer than
    :data:`MAX_LINE` or a quote left open (and, with ``strict``, for any value it cannot read).
    """
    return _reader(path, title_filter, states, strict, max_bytes).read()


def _reader(
    path: str | os.PathLike[str],
    title_filter: str | Callable[[str], bool] | None,
    states: StateTable | Dataset | None,
    strict: bool,
    max_bytes: int = MAX_CSV_BYTES,
) -> UndlReader:
    keep, label, marker = title_predicate(title_filter)
    provider, provider_label = _state_provider(states)
    if not isinstance(strict, bool):
        raise ArgumentTypeError(f"strict must be True or False, not {strict!r}")
    return UndlReader(
        path,
        keep=keep,
        filter_label=label,
        states=provider,
        states_label=provider_label,
        marker=marker,
        strict=strict,
        max_bytes=max_bytes,
    )


@attrs.frozen(kw_only=True)
class UndlReport:
    """What :func:`check_undl_csv` found in a UN voting CSV."""

    dataset: Dataset
    """Every General Assembly roll call of the file, as :func:`load_undl_csv` reads it with
    ``title_filter=None``."""
    layout: str
    """``"long"`` or ``"wide"``."""
    rows: int
    """Data rows read."""
    kept: int
    """Rows read into the dataset."""
    security_council_rows: int
    """Security Council rows, skipped (they are not General Assembly votes)."""
    skipped_rows: int
    """Rows skipped whole because they could not be placed (a wrong width, no session)."""
    problems: tuple[UndlProblem, ...]
    """Each value that could not be read, with its line and column (at most 10,000 kept)."""
    problem_count: int
    """How many there were in all."""
    unknown_names: tuple[UnknownName, ...] = ()
    """The Member State names that name no State of the data (their votes are kept)."""

    def summary(self) -> str:
        """One line: rows read, kept and skipped, and why."""
        parts = [f"read {self.rows:,} data rows ({self.layout} layout)", f"kept {self.kept:,}"]
        if self.security_council_rows:
            parts.append(f"skipped {self.security_council_rows:,} Security Council rows")
        if self.skipped_rows:
            parts.append(f"skipped {self.skipped_rows:,} rows that could not be placed")
        if self.problem_count:
            parts.append(f"{self.problem_count:,} values could not be read")
        if self.unknown_names:
            parts.append(f"{len(self.unknown_names):,} names no State of the data")
        return ", ".join(parts)


def check_undl_csv(
    path: str | os.PathLike[str],
    *,
    states: StateTable | Dataset | None = None,
    max_bytes: int = MAX_CSV_BYTES,
) -> UndlReport:
    """Read every row of a UN voting CSV (no title filter) and report what could not be read.

    The engine behind ``apmbc validate FILE.csv``: the dataset holds every General Assembly roll
    call, and the report counts the rows kept and skipped, and why. Raises
    :class:`~apmbc.errors.ParseError` only for a file that cannot be read as a whole (see
    :func:`load_undl_csv`).
    """
    reader = _reader(path, None, states, False, max_bytes)
    dataset = reader.read()
    assert reader.header is not None
    return UndlReport(
        dataset=dataset,
        layout=reader.header.layout,
        rows=reader.rows,
        kept=reader.kept,
        security_council_rows=reader.council_rows,
        skipped_rows=reader.skipped_rows,
        problems=tuple(reader.problems),
        problem_count=reader.problem_count,
        unknown_names=reader.unknown_names(),
    )


def write_undl_csv(ds: Dataset, path: str | os.PathLike[str], *, layout: str = "long") -> None:
    """Write ``ds``'s plenary votes as a UN voting CSV in the ``"long"`` or ``"wide"`` layout.

    One resolution per (session, symbol) of the votes; its date, title, link and tally come from
    the matching :class:`~apmbc.models.Resolution` (tally figures it lacks are counted). States
    are named as recorded (``Vote.recorded_name``), else by the State's name upper-cased. Absent
    is written as an empty cell in the long layout and ``X`` in the wide one. The file is
    replaced atomically. Reading it back with :func:`load_undl_csv` gives the same votes.
    """
    write_undl(ds, path, layout=layout)
