"""Tidy tables as pandas DataFrames (needs the optional extra: ``pip install "apmbc[pandas]"``).

:func:`to_frame` gives any table. Columns get real types: enum-valued columns are categoricals
holding every value of the enum as a category (the treaty status ordered along its life cycle,
``not_party`` < ... < ``withdrawn``), dates are ``datetime64`` (unknown: ``NaT``), whole numbers
nullable ``Int64`` and flags nullable ``boolean`` (unknown: ``<NA>``).

Three analyses take one call each: :func:`vote_matrix` (States by sessions),
:func:`agreement_by_period` (two States' agreement per decade, or per any number of years) and
:func:`parties_over_time` (the number of States Parties per year, or per any pandas frequency:
the numbers :func:`apmbc.plot.parties_over_time` draws).

>>> import apmbc
>>> from apmbc.pandas import to_frame
>>> votes = to_frame(apmbc.load(), "votes")
>>> votes[votes.session == 77].position.value_counts()["abstain"]
np.int64(17)
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import TYPE_CHECKING, Any

from apmbc._extras import require
from apmbc.domain.calendar import year_of_session
from apmbc.domain.choices import forum as as_forum
from apmbc.errors import ArgumentError, ArgumentTypeError, DataValidationError, Problem
from apmbc.models import Forum, State, TreatyStatus, VotePosition
from apmbc.output._tables import columns, to_records
from apmbc.queries import (
    Measure,
    Sessions,
    agreement_details,
    convention_votes,
    parties_days,
    resolution_sessions,
    status_counts,
)

if TYPE_CHECKING:
    from apmbc.dataset import Dataset
    from apmbc.queries import DateArg

__all__ = [
    "ORDERED_ENUMS",
    "POSITION_ORDER",
    "agreement_by_period",
    "parties_over_time",
    "to_frame",
    "vote_matrix",
]

ORDERED_ENUMS: frozenset[type[Any]] = frozenset({TreatyStatus})
"""Enums whose categoricals are ordered (their declaration order is a natural order)."""


def to_frame(ds: Dataset, table: str) -> Any:
    """``table`` of ``ds`` as a ``pandas.DataFrame`` with typed columns (see the module doc).

    The columns and rows are those of :func:`apmbc.output._tables.to_records`. Raises
    :class:`~apmbc.errors.UnknownTableError` for an unknown table and
    :class:`~apmbc.errors.MissingExtraError` (an ``ImportError``) when pandas is not installed.
    """
    pd = require("pandas", "pandas", "apmbc.pandas.to_frame")
    spec = columns(table)
    rows = to_records(ds, table)
    data: dict[str, Any] = {}
    for column in spec:
        values = [row[column.name] for row in rows]
        if column.kind == "enum" and column.enum is not None:
            data[column.name] = pd.Categorical(
                values,
                categories=[member.value for member in column.enum],
                ordered=column.enum in ORDERED_ENUMS,
            )
        elif column.kind == "date":
            data[column.name] = pd.to_datetime(pd.Series(values, dtype=object))
        elif column.kind == "int":
            data[column.name] = pd.array(values, dtype="Int64")
        elif column.kind == "bool":
            data[column.name] = pd.array(values, dtype="boolean")
        else:
            data[column.name] = pd.Series(values, dtype=object)
    return pd.DataFrame(data, columns=[c.name for c in spec])


# -- the vote matrix ----------------------------------------------------------------------------

POSITION_ORDER: tuple[str, ...] = (
    VotePosition.YES.value,
    VotePosition.ABSTAIN.value,
    VotePosition.NO.value,
    VotePosition.ABSENT.value,
)
"""The categories of :func:`vote_matrix`, in their order: from support to opposition (``yes`` <
``abstain`` < ``no``, the order of Voeten's codes 1, 2, 3), then ``absent`` (no vote cast)."""


def vote_matrix(
    ds: Dataset,
    forum: Forum | str = Forum.PLENARY,
    sessions: Sessions = None,
    *,
    start: DateArg = None,
    end: DateArg = None,
    names: bool = False,
) -> Any:
    """The Convention's votes in ``forum`` as a ``pandas.DataFrame``: one row per State, one
    column per session.

    Rows are every State of the dataset (and any State code its votes name), in code order,
    indexed by code (``state``); with ``names=True`` the index has a second level,
    ``state_name``. Columns are the sessions (whole numbers, in order, named ``session``) of the
    period (``sessions=``, or ``start=`` / ``end=``: see :class:`apmbc.queries.Period`; default:
    all) in which the dataset holds the resolution or a vote on it. Each cell is the State's
    position, an ordered categorical of :data:`POSITION_ORDER` (``yes`` < ``abstain`` < ``no``
    < ``absent``); a cell is missing (``NaN``) where there is no record: before the State joined
    the UN, or where the per-State votes are unknown. Absences stay ``absent``, not missing.
    Votes in other roll calls are not shown.

    This is the pivot of the ``votes`` table (one row per State, session and forum) on the
    forum's Convention votes. Raises :class:`~apmbc.errors.DataValidationError` when a State has
    two votes in one session's roll call (:func:`apmbc.validate` reports them).
    """
    pd = require("pandas", "pandas", "apmbc.pandas.vote_matrix")
    if not isinstance(names, bool):
        raise ArgumentTypeError(f"names must be True or False, not {type(names).__name__}")
    wanted = as_forum(forum)
    votes = convention_votes(ds, wanted, sessions=sessions, start=start, end=end)
    held = resolution_sessions(ds, wanted, sessions=sessions, start=start, end=end)
    cells: dict[tuple[str, int], str] = {}
    for vote in votes:
        key = (vote.state, vote.session)
        if key in cells:
            index = next(i for i, v in enumerate(ds.votes) if v is vote)
            raise DataValidationError(
                [
                    Problem(
                        f"votes[{index}]",
                        f"a second vote of {vote.state} in session {vote.session} "
                        f"({wanted.value}): the matrix holds one per State and session",
                    )
                ]
            )
        cells[key] = vote.position.value
    session_list = sorted({*held, *(session for _, session in cells)})
    codes = sorted({s.code for s in ds.states} | {state for state, _ in cells})
    dtype = pd.CategoricalDtype(list(POSITION_ORDER), ordered=True)
    data = {
        session: pd.Categorical([cells.get((code, session)) for code in codes], dtype=dtype)
        for session in session_list
    }
    if names:
        known = {s.code: s.name for s in ds.states}
        index = pd.MultiIndex.from_arrays(
            [codes, [known.get(code) for code in codes]], names=["state", "state_name"]
        )
    else:
        index = pd.Index(codes, name="state", dtype=object)
    frame = pd.DataFrame(data, index=index, columns=session_list)
    frame.columns = pd.Index(session_list, name="session", dtype="int64")
    return frame


# -- agreement per period -----------------------------------------------------------------------


def agreement_by_period(
    ds: Dataset,
    state_a: State | str,
    state_b: State | str,
    forum: Forum | str = Forum.PLENARY,
    *,
    years: int = 10,
    measure: Measure = "identical",
) -> Any:
    """Two States' agreement (:func:`apmbc.queries.agreement_details`) in each period of
    ``years`` years, as a ``pandas.DataFrame``: per decade by default.

    Periods are aligned on multiples of ``years`` (the 1990s are 1990-1999) and run from the
    one holding the first of the forum's Convention roll calls to the one holding the last. Each
    row is ``agreement_details(ds, state_a, state_b, forum, start=..., end=..., measure=...)``
    from 1 January of the period's first year to 31 December of its last, so a vote counts in
    the period of its date (see :class:`apmbc.queries.Period`). The index (``period``) is the
    first year; the columns are ``start`` and ``end`` (dates), ``sessions_compared`` (``Int64``)
    and ``value`` (``nan`` where no session is compared). Raises
    :class:`~apmbc.errors.ArgumentError` for ``years`` below 1 or an unknown measure.
    """
    pd = require("pandas", "pandas", "apmbc.pandas.agreement_by_period")
    if isinstance(years, bool) or not isinstance(years, int):
        raise ArgumentTypeError(f"years must be a whole number, not {type(years).__name__}")
    if years < 1:
        raise ArgumentError(f"years must be 1 or more, not {years}")
    wanted = as_forum(forum)
    held = [r for r in ds.resolutions if r.forum is wanted and r.convention]
    vote_years = [r.date.year if r.date is not None else year_of_session(r.session) for r in held]
    rows: list[dict[str, Any]] = []
    first_years: list[int] = []
    if vote_years:
        for first in range(min(vote_years) // years * years, max(vote_years) + 1, years):
            start = _dt.date(first, 1, 1)
            end = _dt.date(min(first + years - 1, _dt.MAXYEAR), 12, 31)
            found = agreement_details(
                ds, state_a, state_b, wanted, start=start, end=end, measure=measure
            )
            first_years.append(first)
            rows.append(
                {
                    "start": start,
                    "end": end,
                    "sessions_compared": found.sessions_compared,
                    "value": found.value,
                }
            )
    else:  # no roll call: still check the States and the measure
        agreement_details(ds, state_a, state_b, wanted, measure=measure)
    return pd.DataFrame(
        {
            "start": pd.to_datetime(pd.Series([r["start"] for r in rows], dtype=object)),
            "end": pd.to_datetime(pd.Series([r["end"] for r in rows], dtype=object)),
            "sessions_compared": pd.array([r["sessions_compared"] for r in rows], dtype="Int64"),
            "value": pd.array([r["value"] for r in rows], dtype="float64"),
        },
    ).set_axis(pd.Index(first_years, name="period", dtype="int64"))


# -- States Parties over time -------------------------------------------------------------------

_NEW_ALIAS = re.compile(r"(?P<n>\d*)(?P<unit>[YQM])E(?P<anchor>-[A-Z]{3})?")


def _offset(pd: Any, freq: object) -> Any:
    if isinstance(freq, bool) or not isinstance(freq, (str, pd.DateOffset)):
        raise ArgumentTypeError(
            f"freq must be a pandas frequency such as 'YE' or 'D', not {type(freq).__name__}"
        )
    shown = repr(str(freq)[:40])
    try:
        offset = pd.tseries.frequencies.to_offset(freq)
    except ValueError as exc:
        match = _NEW_ALIAS.fullmatch(freq) if isinstance(freq, str) else None
        older = match["n"] + match["unit"] + (match["anchor"] or "") if match else None
        try:  # pandas before 2.2 spells the year, quarter and month ends 'Y', 'Q' and 'M'
            offset = None if older is None else pd.tseries.frequencies.to_offset(older)
        except ValueError:
            offset = None
        if offset is None:
            raise ArgumentError(f"invalid freq {shown}: {exc}"[:300]) from None
    if offset.n < 1:
        raise ArgumentError(f"freq must step forward, not {shown}")
    if isinstance(offset, pd.offsets.Tick) and offset.nanos < 86_400 * 10**9:
        raise ArgumentError(f"freq must be a day or longer, not {shown}")
    return offset


def parties_over_time(
    ds: Dataset,
    freq: Any = "YE",
    *,
    start: DateArg = None,
    end: DateArg = None,
) -> Any:
    """The number of States with each status over time, as a ``pandas.DataFrame``: the numbers
    :func:`apmbc.plot.parties_over_time` draws.

    One row per day counted (the index, ``date``): each period end of ``freq`` (any pandas
    frequency of a day or longer: ``"YE"`` year ends, the default, ``"QE"``, ``"ME"``, ``"D"``
    every day...) from ``start`` to ``end``, and ``end`` itself when it is not one, so the last
    row is the count on the last day; with ``freq=None``, ``start``, ``end`` and every day a
    status changes between them (the steps the plot draws). ``start`` defaults to 3 December
    1997, when the Convention opened for signature, ``end`` to the data's as-of date.

    The columns are ``states_parties``, the States bound by the Convention (withdrawing States
    included until their withdrawal takes effect: what :meth:`apmbc.Dataset.parties_on` lists),
    then one per :class:`~apmbc.models.TreatyStatus`: ``not_party``, ``signatory``,
    ``joining``, ``party``, ``withdrawing``, ``withdrawn`` (so ``states_parties`` is ``party`` +
    ``withdrawing``). The counts are :func:`apmbc.queries.status_counts`, by
    :func:`apmbc.domain.treaty.status_on`. Raises :class:`~apmbc.errors.ArgumentError` for an
    unknown frequency or a bad date.
    """
    pd = require("pandas", "pandas", "apmbc.pandas.parties_over_time")
    offset = None if freq is None else _offset(pd, freq)
    knots = parties_days(ds, start=start, end=end)
    first, last = knots[0], knots[-1]
    if offset is None:
        days = list(knots)
    else:
        days = [stamp.date() for stamp in pd.date_range(first, last, freq=offset)]
        if not days or days[-1] != last:
            days.append(last)
    counts = status_counts(ds, days)
    data: dict[str, Any] = {
        "states_parties": [
            n[TreatyStatus.PARTY] + n[TreatyStatus.WITHDRAWING] for n in counts.values()
        ]
    }
    for status in TreatyStatus:
        data[status.value] = [n[status] for n in counts.values()]
    index = pd.DatetimeIndex(pd.to_datetime(pd.Series(list(counts), dtype=object)), name="date")
    return pd.DataFrame({k: pd.array(v, dtype="int64") for k, v in data.items()}, index=index)


# -- reading exports back ------------------------------------------------------------------------

# Added here, apart, so that the lines above stay as they are (they are being changed elsewhere).
__all__ += ["read_export"]

if TYPE_CHECKING:
    from os import PathLike


def _typed_frame(pd: Any, table: str, rows: Any) -> Any:
    # The same columns and dtypes as to_frame: tests hold read_export(export) == to_frame.
    spec = columns(table)
    data: dict[str, Any] = {}
    for column in spec:
        values = [row[column.name] for row in rows]
        if column.kind == "enum" and column.enum is not None:
            data[column.name] = pd.Categorical(
                values,
                categories=[member.value for member in column.enum],
                ordered=column.enum in ORDERED_ENUMS,
            )
        elif column.kind == "date":
            data[column.name] = pd.to_datetime(pd.Series(values, dtype=object))
        elif column.kind == "int":
            data[column.name] = pd.array(values, dtype="Int64")
        elif column.kind == "bool":
            data[column.name] = pd.array(values, dtype="boolean")
        else:
            data[column.name] = pd.Series(values, dtype=object)
    return pd.DataFrame(data, columns=[c.name for c in spec])


def read_export(path: str | PathLike[str], *, excel_safe: bool | None = None) -> Any:
    """Read an apmbc export back into frames with :func:`to_frame`'s columns and dtypes.

    ``path`` is a ``datapackage.json`` written by :func:`apmbc.output.export_all`, which gives a
    dict of frames by table name (in the package's order), or one table's CSV or JSON file,
    which gives one frame. A file's table is the one the ``datapackage.json`` beside it names,
    else the one whose exact header (CSV) or keys (JSON) it has. Only an empty cell is a
    missing value: Namibia's alpha-2 code ``NA`` stays ``"NA"``. The apostrophe that an
    excel-safe CSV export puts before a formula-like cell is removed again; ``excel_safe``
    defaults to what the ``datapackage.json`` says, else to ``True`` (the export's default;
    pass ``False`` for a file written with ``excel_safe=False`` or ``--raw``). A JSON file's
    list columns (which :func:`to_frame` does not have) are left out: their items are the rows
    of the list tables.

    For every table, ``read_export`` of an export equals ``to_frame`` of the dataset
    (``pandas.testing.assert_frame_equal``). Raises :class:`~apmbc.errors.ParseError` (a
    ``ValueError``) naming the file, line and column of anything that is not an apmbc export,
    and :class:`~apmbc.errors.MissingExtraError` when pandas is not installed.
    """
    from apmbc.output._readback import is_package_file, read_package, read_table

    pd = require("pandas", "pandas", "apmbc.pandas.read_export")
    if is_package_file(path):
        package = read_package(path, excel_safe=excel_safe)
        return {name: _typed_frame(pd, name, t.rows) for name, t in package.tables.items()}
    exported = read_table(path, excel_safe=excel_safe)
    return _typed_frame(pd, exported.table, exported.rows)
