"""A typed client of apmbc's public API, checked with ``mypy --strict`` (see .ci/run).

It shows that what users see is precise: a wrong annotation here is a type error in CI.
"""

from __future__ import annotations

import datetime as dt

from typing_extensions import assert_type

import apmbc
from apmbc import (
    Attendance,
    Dataset,
    Forum,
    Meeting,
    Resolution,
    State,
    TimelineEvent,
    TreatyStatus,
    Vote,
    VotePosition,
)

ds = apmbc.load()
assert_type(ds, Dataset)
assert_type(ds.state("Cuba"), State)
assert_type(ds.states.get("Cuba"), State | None)
assert_type(ds.states.search("kor"), list[State])
assert_type(ds.meeting("1RC"), Meeting)
assert_type(ds.resolution(77), Resolution)
assert_type(ds.resolution(77, Forum.FIRST_COMMITTEE).tally.yes, int | None)
assert_type(ds.votes, tuple[Vote, ...])
assert_type(ds.attendances, tuple[Attendance, ...])
assert_type(ds.votes_by_session("Cuba"), dict[int, VotePosition])
assert_type(ds.has_attended_review_conference("USA"), bool | None)
assert_type(ds.observer_meetings("Cuba"), tuple[Meeting, ...])
assert_type(ds.status_on("Tonga", "2025-09-01"), TreatyStatus)
assert_type(ds.status_on("Tonga", dt.date(2025, 9, 1)), TreatyStatus)
assert_type(ds.parties_on("1999-03-01"), tuple[State, ...])
assert_type(ds.positions(77), dict[VotePosition, tuple[State, ...]])
assert_type(ds.positions(77, "first_committee"), dict[VotePosition, tuple[State, ...]])
assert_type(ds.positions(sessions=range(70, 80)), dict[int, dict[VotePosition, tuple[State, ...]]])
assert_type(ds.positions(start="2010-01-01"), dict[int, dict[VotePosition, tuple[State, ...]]])
assert_type(ds.votes_by_session("Cuba", sessions=[77, 78]), dict[int, VotePosition])
assert_type(ds.agreement("Cuba", "China"), float)
assert_type(ds.agreement("Cuba", "China", measure="voeten", start="2010-01-01"), float)
assert_type(ds.agreement_details("Cuba", "China"), apmbc.queries.Agreement)
assert_type(ds.agreement_details("Cuba", "China").sessions_compared, int)
assert_type(ds.timeline("Finland"), tuple[TimelineEvent, ...])
assert_type(ds.timeline("Finland", sessions=80), tuple[TimelineEvent, ...])
assert_type(ds.state("Cuba").signed, dt.date | None)
assert_type(apmbc.DATA_VERSION, str)

try:
    ds.state("Narnia")
except apmbc.UnknownStateError as exc:
    assert_type(exc.suggestions, tuple[str, ...])
