"""Queries over the bundled dataset, with the examples the issue requires."""

from __future__ import annotations

import datetime as dt
import math

import pytest

import apmbc
from apmbc import EventKind, TreatyStatus, VotePosition


@pytest.fixture(scope="module")
def ds() -> apmbc.Dataset:
    return apmbc.load()


def test_votes_by_session(ds: apmbc.Dataset) -> None:
    cuba = ds.votes_by_session("Cuba")
    assert list(cuba) == list(range(52, 81))
    assert set(cuba.values()) == {VotePosition.ABSTAIN}
    china = ds.votes_by_session("CHN")
    assert china[77] is VotePosition.YES
    assert china[52] is VotePosition.ABSTAIN
    # absences are kept
    assert ds.votes_by_session("Afghanistan")[52] is VotePosition.ABSENT
    # before UN membership there is no record
    assert 65 not in ds.votes_by_session("South Sudan")
    assert ds.votes_by_session("Cuba", "first_committee") == {
        70: VotePosition.ABSTAIN,
        73: VotePosition.ABSTAIN,
        76: VotePosition.ABSTAIN,
    }
    assert ds.votes_by_session("China", "first_committee") == {70: VotePosition.YES}


def test_observer_meetings_in_date_order(ds: apmbc.Dataset) -> None:
    codes = [m.code for m in ds.observer_meetings("Cuba")]
    assert codes == ["1MSP", "2MSP", "3MSP", "4MSP", "1RC", "7MSP", "2RC", "13MSP"]


def test_has_attended_review_conference(ds: apmbc.Dataset) -> None:
    assert ds.has_attended_review_conference("United States") is True
    assert ds.has_attended_review_conference("Cuba") is True
    assert ds.has_attended_review_conference("Iran") is None  # 5RC unknown
    assert ds.has_attended_review_conference("Finland") is None  # party at 3RC..5RC
    facts = ds.attendance("Iran")
    assert {a.meeting for a in facts if not a.attended} >= {"1RC", "2RC", "3RC", "4RC"}
    assert "5RC" not in {a.meeting for a in facts}


def test_has_attended_review_conference_false_when_all_absences_recorded() -> None:
    ds = apmbc.load()
    iran = ds.state("Iran")
    extra = apmbc.Attendance(
        state="IRN",
        meeting="5RC",
        attended=False,
        evidence="planted for the test",
        sources=(apmbc.Source(citation="test"),),
    )
    planted = ds.replace(attendances=(*ds.attendances, extra))
    assert planted.has_attended_review_conference(iran) is False
    assert ds.has_attended_review_conference(iran) is None  # original unchanged


@pytest.mark.parametrize(
    ("state", "day", "status"),
    [
        ("Cuba", "1997-12-03", TreatyStatus.NOT_PARTY),
        ("Cuba", "2026-11-27", TreatyStatus.NOT_PARTY),
        ("Tonga", "2025-09-01", TreatyStatus.JOINING),
        ("Tonga", "2025-12-01", TreatyStatus.PARTY),
        ("Finland", "2025-12-31", TreatyStatus.WITHDRAWING),
        ("Finland", "2026-01-10", TreatyStatus.WITHDRAWN),
        ("Guinea", "1999-03-01", TreatyStatus.JOINING),
        ("Guinea", "1999-04-01", TreatyStatus.PARTY),
        ("Marshall Islands", "2000-01-01", TreatyStatus.SIGNATORY),
        ("Canada", "1998-01-01", TreatyStatus.JOINING),
        ("Canada", "1999-03-01", TreatyStatus.PARTY),
        ("South Sudan", "2011-07-09", TreatyStatus.PARTY),
        ("South Sudan", "2011-07-08", TreatyStatus.NOT_PARTY),
    ],
)
def test_status_on(ds: apmbc.Dataset, state: str, day: str, status: TreatyStatus) -> None:
    assert ds.status_on(state, day) is status
    assert ds.status_on(state, dt.date.fromisoformat(day)) is status


def test_status_on_accepts_forgiving_dates(ds: apmbc.Dataset) -> None:
    assert ds.status_on("Tonga", "1 December 2025") is TreatyStatus.PARTY
    with pytest.raises(ValueError, match="2025-13-01"):
        ds.status_on("Tonga", "2025-13-01")


def test_parties_on(ds: apmbc.Dataset) -> None:
    assert ds.parties_on("1999-02-28") == ()
    first = ds.parties_on("1999-03-01")
    assert len(first) == 45
    deposits = sorted(s.deposited for s in first if s.deposited)
    assert len([d for d in deposits if d <= dt.date(1998, 9, 16)]) == 40
    assert all(d <= dt.date(1998, 9, 30) for d in deposits)
    assert "GIN" not in {s.code for s in first}
    now = {s.code for s in ds.parties_on("2026-11-27")}
    assert "FIN" not in now and "TON" in now and "UKR" in now and "CUB" not in now
    assert len(now) == sum(1 for s in ds.states if s.status is TreatyStatus.PARTY)


def test_positions(ds: apmbc.Dataset) -> None:
    p = ds.positions(77)
    assert [len(p[k]) for k in VotePosition] == [167, 0, 17, 9]
    assert "CUB" in {s.code for s in p[VotePosition.ABSTAIN]}
    assert ds.positions(80)[VotePosition.NO][0].code == "RUS"


def test_agreement(ds: apmbc.Dataset) -> None:
    assert ds.agreement("Cuba", "Cuba") == 1.0
    assert ds.agreement("Cuba", "Egypt") == 1.0  # both abstained every session
    value = ds.agreement("Cuba", "Canada")
    assert value == 0.0
    assert 0 < ds.agreement("China", "Cuba") < 1
    assert math.isnan(ds.agreement("Holy See", "Cuba"))  # the Holy See never votes


def test_timeline(ds: apmbc.Dataset) -> None:
    events = ds.timeline("Finland")
    assert [e.date for e in events] == sorted(e.date for e in events)
    kinds = [e.kind for e in events]
    assert EventKind.DEPOSIT in kinds and EventKind.WITHDRAWAL_EFFECTIVE in kinds
    assert events[-1].kind in (EventKind.WITHDRAWAL_EFFECTIVE, EventKind.VOTE)
    us = ds.timeline("USA")
    stmt = [e for e in us if e.kind is EventKind.STATEMENT]
    assert stmt and stmt[0].date == dt.date(2015, 11, 4)  # dated by the vote it explains
    attended = [e.reference for e in us if e.kind is EventKind.ATTENDANCE]
    assert attended[0] == "2RC"
