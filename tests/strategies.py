"""Hypothesis strategies that build every model in apmbc.models with valid values.

Every field is drawn (optional ones as ``None`` or a value), so that round trips cover each
field's hook: text of any script, dates over the whole ``datetime.date`` range, enums, tuples.
Sizes are kept small so that a ``Document`` stays cheap to build.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, TypeVar

import attrs
from hypothesis import strategies as st

from apmbc import models
from apmbc.models import (
    Action,
    Attendance,
    AttendanceRole,
    DepositMethod,
    Document,
    EventKind,
    Forum,
    Meeting,
    MeetingFormat,
    MeetingKind,
    MergedFile,
    MergeRecord,
    Metadata,
    Participation,
    President,
    Resolution,
    Source,
    SourceKind,
    State,
    Statement,
    StatementContext,
    TableCounts,
    Tally,
    TimelineEvent,
    TreatyStatus,
    Vote,
    VotePosition,
)

__all__ = ["MODEL_STRATEGIES", "documents", "json_values", "small_json_values"]

T = TypeVar("T")

text = st.text(max_size=20)
dates = st.dates()
counts = st.integers(min_value=-(10**12), max_value=10**12)


def opt(strategy: st.SearchStrategy[T]) -> st.SearchStrategy[T | None]:
    """``None`` or a value of ``strategy``."""
    return st.none() | strategy


def tuples(strategy: st.SearchStrategy[T], max_size: int = 3) -> st.SearchStrategy[tuple[T, ...]]:
    """A short tuple of values of ``strategy``."""
    return st.lists(strategy, max_size=max_size).map(tuple)


sources = st.builds(
    Source,
    url=opt(text),
    citation=opt(text),
    title=opt(text),
    note=opt(text),
    retrieved=opt(dates),
    kind=opt(st.sampled_from(SourceKind)),
)
actions = st.builds(Action, date=opt(dates), description=text, sources=tuples(sources, 2))
states = st.builds(
    State,
    code=text,
    name=text,
    alpha2=opt(text),
    cow_code=opt(counts),
    gw_code=opt(counts),
    m49=opt(counts),
    aliases=tuples(text),
    former_names=tuples(text),
    un_member=opt(st.booleans()),
    un_member_since=opt(dates),
    status=st.sampled_from(TreatyStatus),
    signed=opt(dates),
    deposited=opt(dates),
    deposit_method=opt(st.sampled_from(DepositMethod)),
    entry_into_force=opt(dates),
    withdrawal_notified=opt(dates),
    withdrawal_effective=opt(dates),
    other_actions=tuples(actions, 2),
    sources=tuples(sources, 2),
    notes=tuples(text),
)
presidents = st.builds(
    President,
    person=opt(text),
    title=opt(text),
    state=opt(text),
    confidence=opt(text),
    sources=tuples(sources, 2),
)
participations = st.builds(
    Participation,
    states_parties=opt(counts),
    not_yet_in_force=opt(counts),
    observer_states=opt(counts),
    total_states=opt(counts),
    basis=opt(text),
    summary=opt(text),
    sources=tuples(sources, 2),
)
meetings = st.builds(
    Meeting,
    code=text,
    kind=st.sampled_from(MeetingKind),
    name=text,
    number=opt(counts),
    other_names=tuples(text),
    start=opt(dates),
    end=opt(dates),
    city=opt(text),
    country=opt(text),
    venue=opt(text),
    format=opt(st.sampled_from(MeetingFormat)),
    for_meeting=opt(text),
    president=opt(presidents),
    participation=opt(participations),
    participation_alternatives=tuples(participations, 2),
    sources=tuples(sources, 2),
    notes=tuples(text),
)
tallies = st.builds(Tally, yes=opt(counts), no=opt(counts), abstain=opt(counts), absent=opt(counts))
resolutions = st.builds(
    Resolution,
    session=counts,
    forum=st.sampled_from(Forum),
    symbol=opt(text),
    record=opt(text),
    convention=st.booleans(),
    date=opt(dates),
    title=opt(text),
    tally=tallies,
    sources=tuples(sources, 2),
    notes=tuples(text),
)
votes = st.builds(
    Vote,
    state=text,
    session=counts,
    forum=st.sampled_from(Forum),
    position=st.sampled_from(VotePosition),
    resolution=opt(text),
    record=opt(text),
    intended=opt(st.sampled_from(VotePosition)),
    recorded_name=opt(text),
    sources=tuples(sources, 2),
)
attendances = st.builds(
    Attendance,
    state=text,
    meeting=text,
    attended=st.booleans(),
    role=opt(st.sampled_from(AttendanceRole)),
    evidence=opt(text),
    inferred=st.booleans(),
    sources=tuples(sources, 2),
)
statements = st.builds(
    Statement,
    state=text,
    text=text,
    context=st.sampled_from(StatementContext),
    verbatim=st.booleans(),
    attribution=opt(text),
    speaker=opt(text),
    meeting=opt(text),
    session=opt(counts),
    forum=opt(st.sampled_from(Forum)),
    year=opt(counts),
    date=opt(dates),
    sources=tuples(sources, 2),
    notes=tuples(text),
)
timeline_events = st.builds(
    TimelineEvent,
    date=dates,
    kind=st.sampled_from(EventKind),
    description=text,
    reference=opt(text),
    sources=tuples(sources, 2),
)
moments = st.datetimes(timezones=st.just(dt.timezone.utc)).map(
    lambda moment: moment.replace(microsecond=0)
)
"""Moments in UTC to the second, as :func:`apmbc.domain.dates.to_utc` gives them."""
table_counts = st.builds(
    TableCounts,
    states=counts,
    meetings=counts,
    resolutions=counts,
    votes=counts,
    attendances=counts,
    statements=counts,
)
merged_files = st.builds(
    MergedFile,
    name=text,
    sha256=opt(text),
    kind=opt(text),
    added=table_counts,
    notes=tuples(text),
)
merge_records = st.builds(
    MergeRecord,
    when=moments,
    base_version=text,
    data_version=text,
    files=tuples(merged_files, 2),
    prefer=text,
)
metadatas = st.builds(
    Metadata,
    data_version=text,
    as_of=opt(dates),
    title=opt(text),
    sources=tuples(sources, 2),
    notes=tuples(text),
    newest_source=opt(dates),
    base_version=opt(text),
    merges=tuples(merge_records, 2),
)
documents = st.builds(
    Document,
    metadata=metadatas,
    states=tuples(states, 2),
    meetings=tuples(meetings, 2),
    resolutions=tuples(resolutions, 2),
    votes=tuples(votes),
    attendances=tuples(attendances, 2),
    statements=tuples(statements, 2),
)

MODEL_STRATEGIES: dict[type, st.SearchStrategy[Any]] = {
    Source: sources,
    Action: actions,
    State: states,
    President: presidents,
    Participation: participations,
    Meeting: meetings,
    Tally: tallies,
    Resolution: resolutions,
    Vote: votes,
    Attendance: attendances,
    Statement: statements,
    TimelineEvent: timeline_events,
    TableCounts: table_counts,
    MergedFile: merged_files,
    MergeRecord: merge_records,
    Metadata: metadatas,
    Document: documents,
}
"""One strategy per attrs model in apmbc.models (a test checks that none is missing)."""


def all_models() -> set[type]:
    """Every attrs class defined in apmbc.models."""
    return {
        obj
        for obj in vars(models).values()
        if isinstance(obj, type) and attrs.has(obj) and obj.__module__ == models.__name__
    }


_FIELD_NAMES = sorted({f.name for cls in all_models() for f in attrs.fields(cls)})
_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.sampled_from([2**63 - 1, 2**63, -(2**63), -(2**63) - 1])  # the edges of INT_RANGE
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=12)
    | st.sampled_from(["2022-12-07", "2022-13-01", "7 December 2022", "plenary", "yes"])
    | dates.map(dt.date.isoformat)
)
json_values: st.SearchStrategy[Any] = st.recursive(
    _SCALARS,
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(st.sampled_from(_FIELD_NAMES) | st.text(max_size=8), children, max_size=5)
    ),
    max_leaves=25,
)
"""Any JSON value; object keys are often the models' field names, to reach deeper hooks."""

small_json_values: st.SearchStrategy[Any] = st.recursive(
    _SCALARS,
    lambda children: (
        st.lists(children, max_size=3)
        | st.dictionaries(st.sampled_from(_FIELD_NAMES) | st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=6,
)
"""Any JSON value of the same shapes as :data:`json_values`, but small: for the value of each
field of each record of a whole document, where a 25-leaf tree in every field makes a document
slow to draw and reaches no more of the code (a hook rejects a wrong shape at its first level)."""
