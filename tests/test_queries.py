"""Queries over a dataset, on the factory world (tests/factory.py).

The same queries over the real record, with the examples the issue asked for (Cuba, Tonga,
Finland...), are in tests/test_bundled.py.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import math

import pytest
from factory import attendance, attendances, metadata, world

import apmbc
from apmbc import EventKind, TreatyStatus, VotePosition

ABSTAIN, ABSENT, NO, YES = (
    VotePosition.ABSTAIN,
    VotePosition.ABSENT,
    VotePosition.NO,
    VotePosition.YES,
)


@pytest.fixture(scope="module")
def ds() -> apmbc.Dataset:
    return world()


def test_votes_by_session(ds: apmbc.Dataset) -> None:
    assert ds.votes_by_session("Elbonia") == {54: ABSTAIN, 60: ABSTAIN}
    assert list(ds.votes_by_session("Grand Fenwick").items()) == [(54, NO), (60, ABSTAIN)]
    assert ds.votes_by_session("LAT")[54] is ABSENT  # absences are kept
    assert ds.votes_by_session("Ruritania") == {60: YES}  # no record before UN membership
    assert ds.votes_by_session("Sylvania") == {}  # not a UN member
    assert ds.votes_by_session("Elbonia", "first_committee") == {54: ABSTAIN}
    assert ds.votes_by_session("Freedonia", "first_committee") == {}


def test_votes_by_session_are_in_session_order() -> None:
    ds = world()
    reversed_world = ds.replace(votes=tuple(reversed(ds.votes)))
    assert list(reversed_world.votes_by_session("ELB")) == [54, 60]


def test_attendance_keeps_disagreements_in_meeting_date_order(ds: apmbc.Dataset) -> None:
    facts = ds.attendance("Elbonia")
    assert [(a.meeting, a.attended) for a in facts] == [
        ("1MSP", True),  # one source lists it present,
        ("1MSP", False),  # another does not: both facts are kept
        ("1RC", True),
        ("IM-2005", True),
        ("2RC", True),
    ]
    assert facts[-1].inferred


def test_observer_meetings_in_date_order(ds: apmbc.Dataset) -> None:
    assert [m.code for m in ds.observer_meetings("Elbonia")] == ["1MSP", "1RC", "IM-2005", "2RC"]
    assert [m.code for m in ds.observer_meetings("Sylvania")] == ["1MSP"]
    assert ds.observer_meetings("Freedonia") == ()  # it took part as a State Party


def test_observer_meetings_sort_by_date_not_by_record_order(ds: apmbc.Dataset) -> None:
    shuffled = ds.replace(attendances=tuple(reversed(attendances())))
    assert [m.code for m in shuffled.observer_meetings("ELB")] == ["1MSP", "1RC", "IM-2005", "2RC"]


def test_has_attended_review_conference(ds: apmbc.Dataset) -> None:
    assert ds.has_attended_review_conference("Elbonia") is True
    assert ds.has_attended_review_conference("Sylvania") is False  # absent from both
    assert ds.has_attended_review_conference("Grand Fenwick") is None  # nothing known of 2RC
    assert ds.has_attended_review_conference("Freedonia") is None  # a party at both


def test_has_attended_review_conference_false_when_all_absences_recorded(
    ds: apmbc.Dataset,
) -> None:
    planted = ds.replace(attendances=(*ds.attendances, attendance("GFW", "2RC", False)))
    assert planted.has_attended_review_conference("GFW") is False
    assert ds.has_attended_review_conference("GFW") is None  # the original is unchanged


def test_has_attended_review_conference_is_unknown_before_any_was_held(
    ds: apmbc.Dataset,
) -> None:
    before_1rc = ds.replace(metadata=metadata(as_of=dt.date(2004, 11, 28)))
    assert before_1rc.has_attended_review_conference("Sylvania") is None
    assert ds.replace(meetings=()).has_attended_review_conference("Sylvania") is None


def test_has_attended_review_conference_counts_only_conferences_held(ds: apmbc.Dataset) -> None:
    before_2rc = ds.replace(metadata=metadata(as_of=dt.date(2005, 1, 1)))
    assert before_2rc.has_attended_review_conference("Grand Fenwick") is False  # 1RC only


@pytest.mark.parametrize(
    ("state", "day", "status"),
    [
        ("Elbonia", "1997-12-03", TreatyStatus.NOT_PARTY),
        ("Elbonia", "2026-06-30", TreatyStatus.NOT_PARTY),
        ("Sylvania", "1998-01-14", TreatyStatus.NOT_PARTY),
        ("Sylvania", "1998-01-15", TreatyStatus.SIGNATORY),
        ("Freedonia", "1998-06-14", TreatyStatus.SIGNATORY),
        ("Freedonia", "1998-06-15", TreatyStatus.JOINING),
        ("Freedonia", "1999-02-28", TreatyStatus.JOINING),
        ("Freedonia", "1999-03-01", TreatyStatus.PARTY),  # deposited before the Convention's EIF
        ("Genovia", "1999-03-01", TreatyStatus.JOINING),
        ("Genovia", "1999-06-01", TreatyStatus.PARTY),
        ("Genovia", "2025-07-10", TreatyStatus.WITHDRAWING),
        ("Genovia", "2026-01-09", TreatyStatus.WITHDRAWING),
        ("Genovia", "2026-01-10", TreatyStatus.WITHDRAWN),  # as stated
        ("Borduria", "2025-12-26", TreatyStatus.WITHDRAWING),
        ("Borduria", "2025-12-27", TreatyStatus.WITHDRAWN),  # six months, by Article 20
        ("Grand Fenwick", "2026-06-30", TreatyStatus.JOINING),
        ("Grand Fenwick", "2026-09-01", TreatyStatus.PARTY),
        ("Latveria", "2026-06-30", TreatyStatus.WITHDRAWING),
        ("Latveria", "2026-09-01", TreatyStatus.WITHDRAWN),
        ("Ruritania", "2004-07-08", TreatyStatus.NOT_PARTY),
        ("Ruritania", "2004-07-09", TreatyStatus.PARTY),  # in force from before its deposit
    ],
)
def test_status_on(ds: apmbc.Dataset, state: str, day: str, status: TreatyStatus) -> None:
    assert ds.metadata.as_of is not None
    late = dt.date.fromisoformat(day) > ds.metadata.as_of  # answered, with a warning
    with pytest.warns(apmbc.StaleDataWarning) if late else contextlib.nullcontext():
        answer = ds.status_on(state, day)
    assert answer is status
    assert ds.status_on(state, dt.date.fromisoformat(day)) is status  # warned once only


def test_every_state_has_its_status_on_the_as_of_date(ds: apmbc.Dataset) -> None:
    assert ds.metadata.as_of is not None
    for state in ds.states:
        assert ds.status_on(state, ds.metadata.as_of) is state.status, state.code


def test_status_on_accepts_forgiving_dates(ds: apmbc.Dataset) -> None:
    with pytest.warns(apmbc.StaleDataWarning, match="after 2026-06-30"):  # the factory's as-of
        party = ds.status_on("Grand Fenwick", "1 September 2026")
    assert party is TreatyStatus.PARTY
    assert ds.status_on("GFW", "31 August 2026") is TreatyStatus.JOINING  # warned once only
    with pytest.raises(ValueError, match="2026-13-01"):
        ds.status_on("Grand Fenwick", "2026-13-01")


def test_status_on_of_an_unknown_state(ds: apmbc.Dataset) -> None:
    with pytest.raises(apmbc.UnknownStateError, match="Elbonai"):
        ds.status_on("Elbonai", "2026-01-01")


def test_parties_on(ds: apmbc.Dataset) -> None:
    assert ds.parties_on("1999-02-28") == ()
    assert [s.code for s in ds.parties_on("1999-03-01")] == ["FRD"]
    assert [s.code for s in ds.parties_on("2004-07-09")] == ["BRD", "FRD", "GNV", "LAT", "RUR"]
    # A withdrawing State is still bound until its withdrawal takes effect.
    assert [s.code for s in ds.parties_on("2026-01-01")] == ["FRD", "GNV", "LAT", "RUR"]
    assert [s.code for s in ds.parties_on("2026-06-30")] == ["FRD", "LAT", "RUR"]


def test_positions(ds: apmbc.Dataset) -> None:
    p = ds.positions(54)
    assert list(p) == list(VotePosition)
    assert {k: [s.code for s in v] for k, v in p.items()} == {
        YES: ["BRD", "FRD", "GNV"],
        NO: ["GFW"],
        ABSTAIN: ["ELB"],
        ABSENT: ["LAT"],
    }
    assert [s.code for s in ds.positions(54, "first_committee")[ABSTAIN]] == ["ELB"]
    assert all(not states for states in ds.positions(60, "first_committee").values())
    with pytest.raises(apmbc.UnknownResolutionError):
        ds.positions(59)


def test_agreement(ds: apmbc.Dataset) -> None:
    assert ds.agreement("Elbonia", "Elbonia") == 1.0
    assert ds.agreement("Freedonia", "Genovia") == 1.0  # yes, yes both times
    assert ds.agreement("Freedonia", "Elbonia") == 0.0
    assert ds.agreement("Grand Fenwick", "Elbonia") == 0.5  # no/abstain, then abstain/abstain
    assert ds.agreement("Latveria", "Borduria") == 1.0  # absent in 54: only 60 counts
    assert math.isnan(ds.agreement("Sylvania", "Elbonia"))  # Sylvania never votes
    assert math.isnan(ds.agreement("Ruritania", "Elbonia", "first_committee"))


def test_timeline(ds: apmbc.Dataset) -> None:
    events = ds.timeline("Genovia")
    assert [(e.date, e.kind) for e in events] == [
        (dt.date(1997, 12, 3), EventKind.SIGNATURE),
        (dt.date(1998, 12, 1), EventKind.DEPOSIT),
        (dt.date(1999, 6, 1), EventKind.ENTRY_INTO_FORCE),
        (dt.date(1999, 12, 1), EventKind.VOTE),
        (dt.date(2005, 12, 8), EventKind.VOTE),
        (dt.date(2025, 7, 10), EventKind.WITHDRAWAL_NOTIFIED),
        (dt.date(2026, 1, 10), EventKind.WITHDRAWAL_EFFECTIVE),
    ]
    assert events[1].description == "Deposited its ratification"
    assert events[2].description == "Entry into force (as stated)"
    assert events[3].description == "Voted yes (plenary, session 54)"
    assert events[3].reference == "A/RES/54/54 B"
    assert events[6].description == "Withdrawal effective (as stated)"
    borduria = {e.kind: e for e in ds.timeline("Borduria")}
    assert borduria[EventKind.ENTRY_INTO_FORCE].date == dt.date(2000, 8, 1)
    assert borduria[EventKind.ENTRY_INTO_FORCE].description == "Entry into force (Article 17)"
    assert borduria[EventKind.WITHDRAWAL_EFFECTIVE].date == dt.date(2025, 12, 27)
    assert borduria[EventKind.WITHDRAWAL_EFFECTIVE].description == (
        "Withdrawal effective (Article 20)"
    )


def test_timeline_of_an_observer(ds: apmbc.Dataset) -> None:
    events = ds.timeline("Elbonia")
    assert [e.date for e in events] == sorted(e.date for e in events)
    attended = [e.reference for e in events if e.kind is EventKind.ATTENDANCE]
    assert attended == ["1MSP", "1RC", "IM-2005", "2RC"]
    said = [e for e in events if e.kind is EventKind.STATEMENT]
    # Dated by the vote it explains (First Committee, session 60), and by nothing else: the
    # 1RC statement has a year but no date, so it is not on the timeline.
    assert [(e.date, e.reference) for e in said] == [(dt.date(2005, 11, 1), None)]
    # The First Committee vote of session 54 has no date, so it is not on the timeline either.
    assert [e.date for e in events if e.kind is EventKind.VOTE] == [
        dt.date(1999, 12, 1),
        dt.date(2005, 12, 8),
    ]


def test_timeline_cuts_long_statements_and_lists_other_actions(ds: apmbc.Dataset) -> None:
    (said,) = [e for e in ds.timeline("Grand Fenwick") if e.kind is EventKind.STATEMENT]
    assert len(said.description) == 80 and said.description.endswith("...")
    assert said.date == dt.date(2026, 3, 20)
    (action,) = [e for e in ds.timeline("Freedonia") if e.kind is EventKind.ACTION]
    assert (action.date, action.description) == (
        dt.date(2003, 5, 1),
        "Reported its stockpile destroyed",
    )


# -- where the record ends -----------------------------------------------------------------------


def test_newest_date_is_the_newest_date_a_fact_bears() -> None:
    from apmbc.queries import newest_date

    # Grand Fenwick's deposit and statement of 20 March 2026 are the world's newest facts.
    assert newest_date(world()) == dt.date(2026, 3, 20)
    assert newest_date(world(states=[], statements=[])) == dt.date(2009, 12, 4)  # 2RC's last day
    assert newest_date(apmbc.Dataset(metadata=metadata())) is None


def test_newest_date_leaves_out_what_articles_17_and_20_fix() -> None:
    from factory import genovia, grand_fenwick, second_rc

    from apmbc.queries import newest_date

    # A stated entry into force or withdrawal's effect may lie after every source; a meeting
    # whose last day is unknown counts its first.
    late = genovia(withdrawal_effective=dt.date(2030, 1, 1), entry_into_force=dt.date(2031, 1, 1))
    ds = world(states=[late], meetings=[second_rc(end=None)], statements=[], resolutions=[])
    assert newest_date(ds) == dt.date(2025, 7, 10)  # its notified withdrawal
    joined = grand_fenwick(other_actions=(apmbc.Action(date=dt.date(2026, 5, 2), description="x"),))
    assert newest_date(world(states=[joined], statements=[])) == dt.date(2026, 5, 2)
