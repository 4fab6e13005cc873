"""Questions over a period (``sessions=``, ``start=``/``end=``), the agreement measures, and the
counts of States by status over time, on a small made-up dataset whose answers are worked out
by hand in the comments."""

from __future__ import annotations

import datetime as dt
import doctest
import math
from types import ModuleType

import pytest

import apmbc
from apmbc import (
    Forum,
    Metadata,
    Resolution,
    State,
    Statement,
    TreatyStatus,
    Vote,
    VotePosition,
)
from apmbc.domain import treaty
from apmbc.queries import (
    Agreement,
    Period,
    change_days,
    convention_votes,
    parties_days,
    resolution_sessions,
    status_counts,
)

Y, N, A, X = VotePosition.YES, VotePosition.NO, VotePosition.ABSTAIN, VotePosition.ABSENT
P, FC = Forum.PLENARY, Forum.FIRST_COMMITTEE
OTHER = "4011234"
"""The record id of a roll call other than the Convention's, in session 65."""

# Plenary votes of the four States, session by session ("-": no record).
#            52  54  64  65  74  75
#   AAA      Y   Y   Y   A   Y   N
#   BBB      Y   A   N   Y   Y   Y
#   CCC      A   N   A   Y   N   A
#   DDD      X   -   Y   X   A   Y
# and, in another roll call of session 65, AAA, BBB and CCC all voted no.
# First Committee: session 65 (dated 28 Oct 2010) AAA yes, BBB yes; session 74 (undated) AAA
# yes, CCC no.
_PLENARY = {
    52: ("1997-12-09", {"AAA": Y, "BBB": Y, "CCC": A, "DDD": X}),
    54: ("1999-12-01", {"AAA": Y, "BBB": A, "CCC": N}),
    64: ("2009-12-02", {"AAA": Y, "BBB": N, "CCC": A, "DDD": Y}),
    65: ("2010-12-08", {"AAA": A, "BBB": Y, "CCC": Y, "DDD": X}),
    74: ("2019-12-12", {"AAA": Y, "BBB": Y, "CCC": N, "DDD": A}),
    75: ("2020-12-07", {"AAA": N, "BBB": Y, "CCC": A, "DDD": Y}),
}


def small() -> apmbc.Dataset:
    """Four made-up States, six plenary sessions, two First Committee votes, one other roll call."""
    states = (
        # signed 5 Dec 1997, deposited 10 Mar 1998 (in force 1 Mar 1999 by Article 17), notified
        # its withdrawal on 1 Jul 2024 (effective 1 Jan 2025 by Article 20)
        State(
            code="AAA",
            name="Aland",
            signed=dt.date(1997, 12, 5),
            deposited=dt.date(1998, 3, 10),
            withdrawal_notified=dt.date(2024, 7, 1),
        ),
        # deposited 10 Feb 2001: in force 1 Aug 2001
        State(code="BBB", name="Bosk", deposited=dt.date(2001, 2, 10)),
        State(code="CCC", name="Corin"),
        # signed on the first day, never deposited: a signatory
        State(code="DDD", name="Dell", signed=dt.date(1997, 12, 3)),
    )
    resolutions = [
        Resolution(session=s, forum=P, symbol=f"A/RES/{s}/1", date=dt.date.fromisoformat(d))
        for s, (d, _) in _PLENARY.items()
    ]
    resolutions += [
        Resolution(session=65, forum=FC, date=dt.date(2010, 10, 28)),
        Resolution(session=74, forum=FC),  # date unknown
        Resolution(session=65, forum=P, record=OTHER, convention=False, date=dt.date(2010, 12, 8)),
    ]
    votes = [
        Vote(state=code, session=s, forum=P, position=pos)
        for s, (_, cast) in _PLENARY.items()
        for code, pos in cast.items()
    ]
    votes += [
        Vote(state="AAA", session=65, forum=FC, position=Y),
        Vote(state="BBB", session=65, forum=FC, position=Y),
        Vote(state="AAA", session=74, forum=FC, position=Y),
        Vote(state="CCC", session=74, forum=FC, position=N),
    ]
    votes += [
        Vote(state=c, session=65, forum=P, position=N, record=OTHER) for c in ("AAA", "BBB", "CCC")
    ]
    statements = (Statement(state="AAA", text="We voted no.", session=75, forum=P),)
    return apmbc.Dataset(
        metadata=Metadata(data_version="test", as_of=dt.date(2026, 1, 1)),
        states=states,
        resolutions=resolutions,
        votes=votes,
        statements=statements,
    )


@pytest.fixture(scope="module")
def ds() -> apmbc.Dataset:
    return small()


# -- the period -----------------------------------------------------------------------------------


def test_period_of_checks_its_arguments() -> None:
    assert Period.of() == Period()
    assert Period.of(sessions=77).sessions == frozenset({77})
    assert Period.of(sessions=range(70, 80)).sessions == range(70, 80)
    assert Period.of(sessions=(75, 76, 75)).sessions == frozenset({75, 76})
    assert Period.of(start="7 December 2022").start == dt.date(2022, 12, 7)
    with pytest.raises(apmbc.ArgumentError, match="not both"):
        Period.of(sessions=[77], start="2022-01-01")
    with pytest.raises(apmbc.ArgumentError, match="empty"):
        Period.of(sessions=[])
    with pytest.raises(apmbc.ArgumentError, match="empty"):
        Period.of(sessions=range(80, 70))
    with pytest.raises(apmbc.ArgumentError, match="no General Assembly session -1"):
        Period.of(sessions=range(-1, 3))
    with pytest.raises(apmbc.ArgumentError, match="after end"):
        Period.of(start="2020-01-01", end="2019-12-31")
    with pytest.raises(apmbc.ArgumentError, match="invalid date"):
        Period.of(end="2019-02-30")
    for bad in ("77", b"77", 77.0, True, [77, "78"], [True]):
        with pytest.raises(apmbc.ArgumentTypeError):
            Period.of(sessions=bad)  # type: ignore[arg-type]


def test_period_keeps_votes_by_session_or_by_date() -> None:
    by_session = Period.of(sessions=[74])
    assert by_session.keeps(74, None) and not by_session.keeps(75, dt.date(2019, 12, 1))
    decade = Period.of(start="2010-01-01", end="2019-12-31")
    assert decade.keeps(74, dt.date(2019, 12, 12))
    assert not decade.keeps(64, dt.date(2009, 12, 2))
    assert decade.keeps(74, None)  # undated: voted in 2019, wholly inside
    assert not decade.keeps(64, None)  # voted in 2009
    cut = Period.of(start="2019-06-01")
    assert cut.keeps(74, dt.date(2019, 12, 12))
    assert not cut.keeps(74, None)  # the bound cuts 2019: the day is unknown, so not kept
    assert Period().keeps(74, None)


# -- votes over a period ------------------------------------------------------------------------


def test_convention_votes_leave_out_other_roll_calls(ds: apmbc.Dataset) -> None:
    votes = convention_votes(ds, sessions=65)
    assert sorted((v.state, v.position) for v in votes) == [
        ("AAA", A),
        ("BBB", Y),
        ("CCC", Y),
        ("DDD", X),
    ]
    assert len(convention_votes(ds)) == 23  # 4 + 3 + 4 + 4 + 4 + 4 plenary
    assert len(convention_votes(ds, "first_committee")) == 4


def test_votes_by_session_over_a_period(ds: apmbc.Dataset) -> None:
    assert ds.votes_by_session("AAA") == {52: Y, 54: Y, 64: Y, 65: A, 74: Y, 75: N}
    assert ds.votes_by_session("AAA", sessions=range(60, 75)) == {64: Y, 65: A, 74: Y}
    assert ds.votes_by_session("AAA", P, sessions=[52, 75]) == {52: Y, 75: N}
    # both bounds included
    assert ds.votes_by_session("AAA", start="1999-12-01", end="2010-12-08") == {
        54: Y,
        64: Y,
        65: A,
    }
    assert ds.votes_by_session("AAA", start="1999-12-02", end="2010-12-07") == {64: Y}
    assert ds.votes_by_session("DDD", end="2000-01-01") == {52: X}  # no record in 54
    assert apmbc.queries.votes_by_session(ds, "BBB", sessions=75) == {75: Y}


def test_an_undated_vote_counts_in_a_period_holding_its_whole_year(ds: apmbc.Dataset) -> None:
    fc = "first_committee"
    assert ds.votes_by_session("AAA", fc) == {65: Y, 74: Y}
    assert ds.votes_by_session("AAA", fc, start="2019-01-01", end="2019-12-31") == {74: Y}
    assert ds.votes_by_session("AAA", fc, start="2010-01-01", end="2019-12-31") == {65: Y, 74: Y}
    assert ds.votes_by_session("AAA", fc, start="2019-06-01") == {}  # 2019 is cut: unknown day
    assert ds.votes_by_session("AAA", fc, start="2010-10-28", end="2010-10-28") == {65: Y}
    assert ds.votes_by_session("AAA", fc, sessions=[74]) == {74: Y}


def test_resolution_sessions(ds: apmbc.Dataset) -> None:
    assert resolution_sessions(ds) == (52, 54, 64, 65, 74, 75)
    assert resolution_sessions(ds, "first_committee") == (65, 74)
    assert resolution_sessions(ds, start="2010-01-01", end="2019-12-31") == (65, 74)
    assert resolution_sessions(ds, sessions=range(53, 64)) == (54,)


def test_positions_of_one_session_and_of_a_period(ds: apmbc.Dataset) -> None:
    one = ds.positions(65)
    codes = {str(p): [s.code for s in states] for p, states in one.items()}
    # the other roll call's "no" votes do not count
    assert codes == {"yes": ["BBB", "CCC"], "no": [], "abstain": ["AAA"], "absent": ["DDD"]}
    assert ds.positions(74, "first_committee")[N][0].code == "CCC"
    period = ds.positions(sessions=range(64, 70))
    assert list(period) == [64, 65]
    assert period[65] == one
    assert [s.code for s in period[64][Y]] == ["AAA", "DDD"]
    assert list(ds.positions(start="2019-01-01")) == [74, 75]
    assert list(ds.positions()) == [52, 54, 64, 65, 74, 75]
    assert ds.positions(sessions=[53]) == {}  # no resolution held in session 53
    assert list(apmbc.queries.positions(ds, forum="first_committee")) == [65, 74]
    with pytest.raises(apmbc.ArgumentError, match="not both"):
        ds.positions(65, sessions=[65])  # type: ignore[call-overload]
    with pytest.raises(apmbc.UnknownResolutionError):
        ds.positions(53)


# -- agreement ------------------------------------------------------------------------------------


def test_agreement_identical_and_voeten(ds: apmbc.Dataset) -> None:
    # AAA and BBB both voted in all six sessions: same vote in 52 and 74 -> 2/6.
    # Voeten distances: 52 0, 54 0.5, 64 1, 65 0.5, 74 0, 75 1 -> 1 - 3/6 = 0.5.
    # The other roll call of session 65 (both no) does not count.
    assert ds.agreement("AAA", "BBB") == pytest.approx(2 / 6)
    assert ds.agreement("AAA", "BBB", measure="voeten") == 0.5
    # AAA and CCC never voted the same way; distances 0.5, 1, 0.5, 0.5, 1, 0.5 -> 1 - 4/6.
    assert ds.agreement("AAA", "CCC") == 0.0
    assert ds.agreement("AAA", "CCC", measure="voeten") == pytest.approx(1 / 3)
    # DDD was absent in 52 and 65 and has no record in 54: sessions 64, 74, 75 are compared.
    found = ds.agreement_details("Aland", "Dell", measure="voeten")
    assert found == Agreement(
        state_a="AAA",
        state_b="DDD",
        forum=P,
        measure="voeten",
        sessions=(64, 74, 75),
        value=0.5,  # distances 0, 0.5, 1
    )
    assert found.sessions_compared == 3
    assert repr(found) == (
        "Agreement(state_a='AAA', state_b='DDD', forum='plenary', measure='voeten', "
        "value=0.5, sessions_compared=3)"
    )
    assert ds.agreement_details("AAA", "DDD").value == pytest.approx(1 / 3)  # only 64 alike


def test_agreement_over_a_period(ds: apmbc.Dataset) -> None:
    # The 2010s: sessions 65 (abstain / yes) and 74 (yes / yes).
    decade = ds.agreement_details("AAA", "BBB", start="2010-01-01", end="2019-12-31")
    assert decade.sessions == (65, 74)
    assert decade.value == 0.5
    assert ds.agreement("AAA", "BBB", sessions=[65, 74], measure="voeten") == 0.75
    assert ds.agreement("AAA", "BBB", P, sessions=range(52, 55)) == 0.5
    nothing = ds.agreement_details("AAA", "BBB", sessions=[53])
    assert math.isnan(nothing.value) and nothing.sessions_compared == 0
    # First Committee: AAA and BBB both voted only in 65 (yes, yes).
    assert ds.agreement_details("AAA", "BBB", "first_committee").sessions == (65,)
    assert math.isnan(ds.agreement("BBB", "CCC", "first_committee"))


def test_agreement_refuses_bad_arguments(ds: apmbc.Dataset) -> None:
    with pytest.raises(apmbc.ArgumentError, match="invalid measure 'S'"):
        ds.agreement("AAA", "BBB", measure="S")  # type: ignore[arg-type]
    with pytest.raises(apmbc.ArgumentTypeError):
        ds.agreement("AAA", "BBB", measure=1)  # type: ignore[arg-type]
    with pytest.raises(apmbc.ArgumentError, match="not both"):
        ds.agreement("AAA", "BBB", sessions=[65], end="2020-01-01")
    with pytest.raises(apmbc.ArgumentError, match="invalid forum"):
        ds.agreement("AAA", "BBB", "plenum")
    with pytest.raises(apmbc.UnknownStateError):
        ds.agreement("AAA", "ZZZ")


# -- the timeline ---------------------------------------------------------------------------------


def test_timeline_over_a_period(ds: apmbc.Dataset) -> None:
    everything = ds.timeline("AAA")
    # Session 52 sat from 1 September 1997 to 31 August 1998: the signature, the deposit and
    # the vote of session 52; the entry into force (1 March 1999) falls in session 53.
    in_52 = ds.timeline("AAA", sessions=[52])
    assert [(str(e.date), str(e.kind)) for e in in_52] == [
        ("1997-12-05", "signature"),
        ("1997-12-09", "vote"),
        ("1998-03-10", "deposit"),
    ]
    late = ds.timeline("AAA", start="2020-12-07")
    assert [str(e.kind) for e in late] == [
        "vote",
        "statement",  # dated by the vote of session 75 it names
        "withdrawal_notified",
        "withdrawal_effective",
    ]
    assert [e for e in everything if e.date >= dt.date(2020, 12, 7)] == list(late)
    # the statement names session 75, so it counts there
    assert [str(e.kind) for e in ds.timeline("AAA", sessions=75)] == ["vote", "statement"]
    assert ds.timeline("AAA", end="1997-12-04") == ()
    with pytest.raises(apmbc.ArgumentError):
        ds.timeline("AAA", sessions=[52], start="1997-01-01")


# -- States by status over time -------------------------------------------------------------------


def test_change_days_and_parties_days(ds: apmbc.Dataset) -> None:
    assert [str(d) for d in change_days(ds)] == [
        "1997-12-03",  # DDD signs
        "1997-12-05",  # AAA signs
        "1998-03-10",  # AAA deposits
        "1999-03-01",  # in force for AAA
        "2001-02-10",  # BBB deposits
        "2001-08-01",  # in force for BBB
        "2024-07-01",  # AAA notifies its withdrawal
        "2025-01-01",  # AAA's withdrawal takes effect
    ]
    assert change_days(ds, start="2001-01-01", end="2024-07-01")[-1] == dt.date(2024, 7, 1)
    days = parties_days(ds)  # from 3 Dec 1997 to the as-of date, 1 Jan 2026
    assert days[0] == dt.date(1997, 12, 3) and days[-1] == dt.date(2026, 1, 1)
    assert days[1:-1] == change_days(ds)[1:]
    assert parties_days(ds, start="2001-03-01", end="2001-09-01") == (
        dt.date(2001, 3, 1),
        dt.date(2001, 8, 1),
        dt.date(2001, 9, 1),
    )
    with pytest.raises(apmbc.ArgumentError, match="after end"):
        parties_days(ds, start="2001-03-01", end="2001-01-01")


def test_status_counts_by_hand(ds: apmbc.Dataset) -> None:
    counts = status_counts(ds, ["2024-12-31", "1998-12-31", dt.date(2001, 8, 1), "2025-01-01"])
    assert list(counts) == [
        dt.date(1998, 12, 31),
        dt.date(2001, 8, 1),
        dt.date(2024, 12, 31),
        dt.date(2025, 1, 1),
    ]
    short = {day: {str(s): n for s, n in c.items() if n} for day, c in counts.items()}
    assert short == {
        dt.date(1998, 12, 31): {"not_party": 2, "signatory": 1, "joining": 1},
        dt.date(2001, 8, 1): {"not_party": 1, "signatory": 1, "party": 2},
        dt.date(2024, 12, 31): {"not_party": 1, "signatory": 1, "party": 1, "withdrawing": 1},
        dt.date(2025, 1, 1): {"not_party": 1, "signatory": 1, "party": 1, "withdrawn": 1},
    }
    assert all(list(c) == list(TreatyStatus) for c in counts.values())
    assert status_counts(ds, []) == {}
    for bad in ("2020-01-01", dt.date(2020, 1, 1), 2020):
        with pytest.raises(apmbc.ArgumentTypeError):
            status_counts(ds, bad)  # type: ignore[arg-type]
    with pytest.raises(apmbc.ArgumentError):
        status_counts(ds, ["2020-13-01"])


def test_status_counts_equal_a_count_made_day_by_day(ds: apmbc.Dataset) -> None:
    """The counts carried between change days are those of status_on on every day."""
    first = dt.date(1997, 11, 1)
    days = [first + dt.timedelta(days=n) for n in range(0, 10_400, 7)]
    days += [d - dt.timedelta(days=1) for d in change_days(ds)] + list(change_days(ds))
    with pytest.warns(apmbc.StaleDataWarning):  # the last days are after the data's as-of date
        counts = status_counts(ds, days)
    for day in days:
        direct = dict.fromkeys(TreatyStatus, 0)
        for state in ds.states:
            direct[treaty.status_on(state, day)] += 1
        assert counts[day] == direct, day


def test_status_counts_on_the_bundled_data() -> None:
    bundled = apmbc.load()
    counts = status_counts(bundled, ["1999-03-01", "2025-12-01", "2026-03-01"])
    bound = [c[TreatyStatus.PARTY] + c[TreatyStatus.WITHDRAWING] for c in counts.values()]
    assert bound == [len(bundled.parties_on(d)) for d in counts] == [45, 166, 161]


@pytest.mark.parametrize("module", [apmbc.queries, treaty])
def test_docstring_examples(module: ModuleType) -> None:
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0 and result.attempted > 0
