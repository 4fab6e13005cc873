"""Tests of apmbc.changes._diff: what changed between two datasets."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import attrs

import apmbc
from apmbc import (
    Attendance,
    Dataset,
    Forum,
    Meeting,
    MeetingKind,
    Metadata,
    President,
    Resolution,
    Source,
    State,
    Statement,
    StatementContext,
    Tally,
    TreatyStatus,
    Vote,
    VotePosition,
)
from apmbc.changes._diff import DatasetDiff, FieldChange, TableDiff, diff

LM = Source(url="http://www.the-monitor.org/", note="Landmine Monitor")


def base() -> Dataset:
    return Dataset(
        metadata=Metadata(data_version="1", as_of=dt.date(2025, 1, 1)),
        states=(
            State(code="CAN", name="Canada", status=TreatyStatus.PARTY),
            State(code="CUB", name="Cuba"),
            State(code="USA", name="United States of America"),
        ),
        meetings=(
            Meeting(code="1MSP", kind=MeetingKind.MSP, name="First Meeting", number=1),
            Meeting(
                code="13MSP",
                kind=MeetingKind.MSP,
                name="Thirteenth Meeting",
                president=President(person="A. Person", state="CHE"),
            ),
        ),
        resolutions=(
            Resolution(
                session=77,
                forum=Forum.PLENARY,
                symbol="A/RES/77/63",
                tally=Tally(yes=168, no=0, abstain=17),
            ),
            Resolution(session=77, forum=Forum.FIRST_COMMITTEE),
        ),
        votes=(
            Vote(state="CAN", session=77, forum=Forum.PLENARY, position=VotePosition.YES),
            Vote(state="CUB", session=77, forum=Forum.PLENARY, position=VotePosition.ABSTAIN),
            Vote(state="USA", session=77, forum=Forum.PLENARY, position=VotePosition.ABSTAIN),
        ),
        attendances=(
            Attendance(state="CUB", meeting="13MSP", attended=True, sources=(LM,)),
            Attendance(state="USA", meeting="1MSP", attended=False),
        ),
        statements=(
            Statement(
                state="CUB",
                text="Cuba cannot renounce mines.",
                context=StatementContext.EXPLANATION_OF_VOTE,
                session=77,
            ),
        ),
    )


def test_identical_datasets_give_an_empty_diff() -> None:
    result = diff(base(), base())
    assert not result
    assert str(result) == "no differences"
    assert result == DatasetDiff()
    plain = result.to_dict()
    assert plain["changed"] is False
    assert all(
        counts == {"added": 0, "removed": 0, "changed": 0} for counts in plain["summary"].values()
    )
    assert plain["metadata"] == []


def test_the_bundled_dataset_against_itself() -> None:
    assert not diff(apmbc.load(), apmbc.load())


def test_votes_added_removed_changed_and_the_report() -> None:
    a = base()
    votes = list(a.votes)
    votes[1] = attrs.evolve(votes[1], position=VotePosition.YES)  # CUB 77
    del votes[2]  # USA 77
    votes += [
        Vote(state="CUB", session=78, forum=Forum.PLENARY, position=VotePosition.ABSTAIN),
        Vote(state="CAN", session=78, forum=Forum.PLENARY, position=VotePosition.YES),
    ]
    result = diff(a, a.replace(votes=tuple(votes)))
    assert bool(result)
    assert [(v.state, v.session) for v in result.votes.added] == [("CUB", 78), ("CAN", 78)]
    assert [(v.state, v.session) for v in result.votes.removed] == [("USA", 77)]
    (change,) = result.votes.changed
    assert change.key == ("CUB", 77, Forum.PLENARY, None)
    assert change.fields == (
        FieldChange(field="position", old=VotePosition.ABSTAIN, new=VotePosition.YES),
    )
    assert str(result).splitlines() == [
        "votes: 2 added, 1 removed, 1 changed",
        "+ votes CUB 78 plenary: abstain",
        "+ votes CAN 78 plenary: yes",
        "- votes USA 77 plenary: abstain",
        "~ votes CUB 77 plenary: position 'abstain' -> 'yes'",
    ]
    for other in (result.states, result.meetings, result.resolutions, result.statements):
        assert not other


def test_states_changes() -> None:
    a = base()
    states = [
        attrs.evolve(a.states[0], aliases=("Dominion of Canada",)),
        State(code="MEX", name="Mexico"),
        a.states[2],
    ]
    result = diff(a, a.replace(states=tuple(states)))
    assert [s.code for s in result.states.added] == ["MEX"]
    assert [s.code for s in result.states.removed] == ["CUB"]
    (change,) = result.states.changed
    assert change.key == ("CAN",)
    assert [(f.field, f.old, f.new) for f in change.fields] == [
        ("aliases", (), ("Dominion of Canada",))
    ]
    assert "~ states CAN: aliases [] -> ['Dominion of Canada']" in str(result)
    assert "+ states MEX (Mexico)" in str(result)


def test_meetings_changes_reach_nested_fields() -> None:
    a = base()
    meetings = [
        attrs.evolve(
            a.meetings[1],
            city="Geneva",
            president=President(person="B. Person", state="CHE"),
        ),
        Meeting(code="1RC", kind=MeetingKind.REVIEW_CONFERENCE, name="First Review Conference"),
    ]
    result = diff(a, a.replace(meetings=tuple(meetings)))
    assert [m.code for m in result.meetings.added] == ["1RC"]
    assert [m.code for m in result.meetings.removed] == ["1MSP"]
    (change,) = result.meetings.changed
    assert change.key == ("13MSP",)
    assert [(f.field, f.old, f.new) for f in change.fields] == [
        ("city", None, "Geneva"),
        ("president.person", "A. Person", "B. Person"),
    ]


def test_resolutions_changes() -> None:
    a = base()
    resolutions = [
        attrs.evolve(a.resolutions[0], tally=Tally(yes=170, no=1, abstain=17)),
        Resolution(session=78, forum=Forum.PLENARY, symbol="A/RES/78/45"),
    ]
    result = diff(a, a.replace(resolutions=tuple(resolutions)))
    assert [(r.session, r.forum) for r in result.resolutions.added] == [(78, Forum.PLENARY)]
    assert [(r.session, r.forum) for r in result.resolutions.removed] == [
        (77, Forum.FIRST_COMMITTEE)
    ]
    (change,) = result.resolutions.changed
    assert change.key == (77, Forum.PLENARY, None)
    assert [(f.field, f.old, f.new) for f in change.fields] == [
        ("tally.yes", 168, 170),
        ("tally.no", 0, 1),
    ]
    assert "~ resolutions 77 plenary: tally.yes 168 -> 170; tally.no 0 -> 1" in str(result)


def test_attendances_changes() -> None:
    a = base()
    attendances = [
        attrs.evolve(a.attendances[0], evidence="listed among observers"),
        Attendance(state="USA", meeting="1MSP", attended=True),  # the opposite fact: a new key
    ]
    result = diff(a, a.replace(attendances=tuple(attendances)))
    (change,) = result.attendances.changed
    assert change.key == ("CUB", "13MSP", True)  # sources are not part of a fact's key
    assert [f.field for f in change.fields] == ["evidence"]
    assert [(x.state, x.attended) for x in result.attendances.added] == [("USA", True)]
    assert [(x.state, x.attended) for x in result.attendances.removed] == [("USA", False)]
    assert "~ attendances CUB 13MSP attended=yes: evidence" in str(result)


def test_statements_changes() -> None:
    a = base()
    old = a.statements[0]
    statements = [
        attrs.evolve(old, speaker="Ambassador X", verbatim=False),
        attrs.evolve(old, text="A new statement."),
    ]
    result = diff(a, a.replace(statements=tuple(statements)))
    (change,) = result.statements.changed
    assert change.key == ("CUB", StatementContext.EXPLANATION_OF_VOTE, None, 77, None, old.text)
    assert [(f.field, f.old, f.new) for f in change.fields] == [
        ("verbatim", True, False),
        ("speaker", None, "Ambassador X"),
    ]
    assert [s.text for s in result.statements.added] == ["A new statement."]
    assert result.statements.removed == ()


def test_metadata_changes() -> None:
    a = base()
    b = a.replace(metadata=Metadata(data_version="2", as_of=dt.date(2025, 6, 1)))
    result = diff(a, b)
    assert [(f.field, f.old, f.new) for f in result.metadata] == [
        ("data_version", "1", "2"),
        ("as_of", dt.date(2025, 1, 1), dt.date(2025, 6, 1)),
    ]
    assert str(result).splitlines()[:3] == [
        "metadata: 2 changed",
        "~ metadata: data_version '1' -> '2'",
        "~ metadata: as_of '2025-01-01' -> '2025-06-01'",
    ]
    assert result.to_dict()["metadata"][1] == {
        "field": "as_of",
        "old": "2025-01-01",
        "new": "2025-06-01",
    }


def test_duplicate_keys_pair_equal_records_first() -> None:
    a = base()
    twice = Vote(state="CAN", session=77, forum=Forum.PLENARY, position=VotePosition.NO)
    b = a.replace(votes=(*a.votes, twice))
    result = diff(a, b)
    assert result.votes.added == (twice,)
    assert result.votes.changed == ()
    assert diff(b, a).votes.removed == (twice,)


def test_to_dict_is_plain_json_data() -> None:
    a = base()
    votes = (
        attrs.evolve(a.votes[0], position=VotePosition.NO),
        *a.votes[1:],
        Vote(state="CUB", session=78, forum=Forum.PLENARY, position=VotePosition.YES),
    )
    plain: dict[str, Any] = json.loads(json.dumps(diff(a, a.replace(votes=votes)).to_dict()))
    assert plain["changed"] is True
    assert plain["summary"]["votes"] == {"added": 1, "removed": 0, "changed": 1}
    assert plain["tables"]["votes"]["changed"] == [
        {
            "key": {"state": "CAN", "session": 77, "forum": "plenary", "record": None},
            "fields": [{"field": "position", "old": "yes", "new": "no"}],
        }
    ]
    added = plain["tables"]["votes"]["added"][0]
    assert (added["state"], added["session"], added["position"]) == ("CUB", 78, "yes")


def test_report_limit() -> None:
    a = base()
    many = tuple(
        Vote(state=f"S{i:02d}", session=79, forum=Forum.PLENARY, position=VotePosition.YES)
        for i in range(12)
    )
    result = diff(a, a.replace(votes=(*a.votes, *many)))
    lines = result.report(limit=5).splitlines()
    assert lines[0] == "votes: 12 added"
    assert lines[-1] == "  ... and 7 more"
    assert len(lines) == 7
    assert len(str(result).splitlines()) == 13


def test_table_diff_helpers() -> None:
    empty: TableDiff[Vote] = TableDiff(table="votes")
    assert not empty
    assert empty.summary() == "votes: no changes"
    assert empty.key_fields == ("state", "session", "forum", "record")
    assert empty.label(("CUB", 77, Forum.PLENARY, None)) == "CUB 77 plenary"
    assert empty.label(("CUB", 77, Forum.PLENARY, "4011")) == "CUB 77 plenary 4011"


def test_many_records_under_one_key_pair_in_linear_time() -> None:
    # Attendance facts share a key when the same sources repeat them; 20,000 under one key
    # must pair by equality (counted), not by a search of the list for each one.
    meta = Metadata(data_version="t")
    fact = Attendance(state="CUB", meeting="1MSP", attended=True)
    old = Dataset(metadata=meta, attendances=(fact,) * 20_000)
    other = attrs.evolve(fact, evidence="a note")
    new = Dataset(metadata=meta, attendances=(fact,) * 19_999 + (other,))
    result = diff(old, new)
    assert len(result.attendances.changed) == 1
    assert result.attendances.changed[0].fields == (
        FieldChange(field="evidence", old=None, new="a note"),
    )
