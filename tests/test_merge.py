"""Tests for apmbc.merge: a parsed profile page merged into a Dataset."""

from __future__ import annotations

from pathlib import Path

import pytest

from apmbc.changes._merge import NO_SOURCE, OBSERVER_EVIDENCE, Conflict, MergeResult, merge
from apmbc.dataset import Dataset
from apmbc.errors import DataValidationError, UnknownStateError
from apmbc.io._bundled import load
from apmbc.io.profile import Profile, ProfileVote, parse_profile, read_profile
from apmbc.models import (
    Attendance,
    AttendanceRole,
    Forum,
    Meeting,
    MeetingKind,
    Metadata,
    Resolution,
    Source,
    State,
    Statement,
    StatementContext,
    Vote,
    VotePosition,
)

LEDGER = Source(citation="test ledger")
PAGE = Source(url="https://example.org/states-not-party/ruritania")


def _meeting(code: str) -> Meeting:
    number = int(code.rstrip("MSPRC"))
    kind = MeetingKind.REVIEW_CONFERENCE if code.endswith("RC") else MeetingKind.MSP
    return Meeting(code=code, kind=kind, name=f"meeting {code}", number=number)


def small_dataset() -> Dataset:
    return Dataset(
        metadata=Metadata(data_version="test"),
        states=(
            State(code="RUR", name="Ruritania", aliases=("Kingdom of Ruritania",)),
            State(code="FRE", name="Freedonia"),
        ),
        meetings=tuple(_meeting(c) for c in ("1MSP", "2MSP", "3MSP", "1RC", "17MSP")),
        resolutions=(
            Resolution(session=76, forum=Forum.PLENARY, symbol="A/RES/76/26"),
            Resolution(session=77, forum=Forum.PLENARY, symbol="A/RES/77/63"),
            Resolution(session=77, forum=Forum.FIRST_COMMITTEE, symbol="A/C.1/77/L.40"),
        ),
        votes=(
            Vote(
                state="RUR",
                session=76,
                forum=Forum.PLENARY,
                position=VotePosition.YES,
                resolution="A/RES/76/26",
                sources=(LEDGER,),
            ),
            Vote(
                state="RUR",
                session=77,
                forum=Forum.PLENARY,
                position=VotePosition.ABSTAIN,
                resolution="A/RES/77/63",
                sources=(LEDGER,),
            ),
            Vote(state="FRE", session=78, forum=Forum.PLENARY, position=VotePosition.NO),
        ),
        attendances=(
            Attendance(state="RUR", meeting="1MSP", attended=True, sources=(LEDGER,)),
            Attendance(state="RUR", meeting="2MSP", attended=False, sources=(LEDGER,)),
        ),
        statements=(Statement(state="RUR", text="We   share the goals.", sources=(LEDGER,)),),
    )


PAGE_TEXT = """Ruritania
The State not party has participated as Observer in the following meetings of the Convention
• 1MSP, 2MSP, 3MSP, 19MSP
The State not party most recently has voted as follows,
• Abstained - 2021
• Abstained - Resolution adopted by the General Assembly on 7 December 2022 Seventy-seventh session
• Abstained - 2022
• Abstained - General Assembly Seventy-seventh session, First Committee, 2 November 2022
• Abstained - 2023
• Abstained - Seventy-ninth session
The State not party has indicated,
• "We share the goals." (17MSP, 2018)
• "We will decide in due course." (Explanation of vote, General Assembly, 2023)
"""


@pytest.fixture
def profile() -> Profile:
    return parse_profile(PAGE_TEXT, source=PAGE)


def test_merge_adds_agrees_reports_and_skips(profile: Profile) -> None:
    ds = small_dataset()
    result = merge(ds, profile)
    assert result.state == "RUR"

    assert result.added_attendances == (
        Attendance(
            state="RUR",
            meeting="2MSP",
            attended=True,
            role=AttendanceRole.OBSERVER,
            evidence=OBSERVER_EVIDENCE,
            sources=(PAGE,),
        ),
        Attendance(
            state="RUR",
            meeting="3MSP",
            attended=True,
            role=AttendanceRole.OBSERVER,
            evidence=OBSERVER_EVIDENCE,
            sources=(PAGE,),
        ),
    )
    assert result.added_votes == (
        Vote(
            state="RUR",
            session=77,
            forum=Forum.FIRST_COMMITTEE,
            position=VotePosition.ABSTAIN,
            resolution="A/C.1/77/L.40",
            sources=(PAGE,),
        ),
        Vote(
            state="RUR",
            session=78,
            forum=Forum.PLENARY,
            position=VotePosition.ABSTAIN,
            resolution=None,
            sources=(PAGE,),
        ),
    )
    (new_statement,) = result.added_statements
    assert new_statement.state == "RUR"
    assert new_statement.text == "We will decide in due course."
    assert new_statement.context is StatementContext.EXPLANATION_OF_VOTE
    assert (new_statement.session, new_statement.forum) == (78, Forum.PLENARY)
    assert new_statement.sources == (PAGE,)

    # 1MSP attended; 77 plenary twice (dated line and year list); the statement text.
    assert result.agreed == 4
    attendance_conflict, vote_conflict = result.conflicts
    assert vote_conflict == Conflict(
        kind="vote",
        key="RUR 76 plenary",
        existing="yes",
        incoming="abstain",
        message=vote_conflict.message,
    )
    assert "the dataset's vote is kept" in vote_conflict.message
    assert "test ledger" in vote_conflict.message
    assert (attendance_conflict.kind, attendance_conflict.key) == ("attendance", "RUR 2MSP")
    assert (attendance_conflict.existing, attendance_conflict.incoming) == (
        "did not attend",
        "attended as observer",
    )
    assert "both facts are kept" in attendance_conflict.message
    assert result.skipped == (
        "attendance at 19MSP: the dataset has no meeting '19MSP'",
        "vote 'abstain' from line '• Abstained - Seventy-ninth session': "
        "the page does not say which forum",
    )


def test_merged_dataset_holds_old_and_new_records(profile: Profile) -> None:
    ds = small_dataset()
    result = merge(ds, profile)
    merged = result.dataset
    assert merged.votes == ds.votes + result.added_votes
    assert merged.attendances == ds.attendances + result.added_attendances
    assert merged.statements == ds.statements + result.added_statements
    rur76 = [v for v in merged.votes if (v.state, v.session, v.forum) == ("RUR", 76, Forum.PLENARY)]
    assert [v.position for v in rur76] == [VotePosition.YES]  # the conflicting vote is not added
    rur2 = [a.attended for a in merged.attendances if (a.state, a.meeting) == ("RUR", "2MSP")]
    assert rur2 == [False, True]  # disagreeing attendance facts are both kept
    assert merged.states == ds.states and merged.meetings == ds.meetings


def test_the_original_dataset_is_unchanged(profile: Profile) -> None:
    ds = small_dataset()
    before = ds.to_document()
    result = merge(ds, profile)
    assert ds.to_document() == before
    assert result.dataset is not ds
    assert len(ds.votes) == 3 and len(ds.attendances) == 2 and len(ds.statements) == 1


def test_nothing_new_gives_back_the_same_dataset() -> None:
    page = parse_profile(
        "Ruritania has voted as follows,\n• In favour - 2021\n• Abstained - 2022\n"
        "Ruritania has participated as Observer in the following meetings:\n• 1MSP\n"
    )
    ds = small_dataset()
    result = merge(ds, page)
    assert result.dataset is ds
    assert (result.agreed, result.conflicts, result.skipped) == (3, (), ())
    assert str(result) == (
        "RUR: added 0 votes, 0 attendances, 0 statements; 3 agreed; 0 conflicts; 0 skipped"
    )


def test_state_argument_names_and_errors() -> None:
    page = parse_profile("The State not party has voted as follows,\n• Against - 2023\n")
    assert page.state is None
    ds = small_dataset()
    assert merge(ds, page, state="Kingdom of Ruritania").state == "RUR"
    assert merge(ds, page, state="fre").state == "FRE"
    with pytest.raises(UnknownStateError, match="Ruritanya"):
        merge(ds, page, state="Ruritanya")
    with pytest.raises(DataValidationError) as caught:
        merge(ds, page)
    assert caught.value.problems[0].path == "state"
    assert "names no State" in str(caught.value)
    assert isinstance(caught.value, ValueError)


def test_the_state_argument_wins_over_the_page() -> None:
    page = parse_profile("Ruritania\nThe State not party has voted as follows,\n• Against - 2023\n")
    as_named = merge(small_dataset(), page)
    assert [(v.state, v.session, v.position) for v in as_named.added_votes] == [
        ("RUR", 78, VotePosition.NO)
    ]
    as_given = merge(small_dataset(), page, state="FRE")  # FRE already voted no in session 78
    assert (as_given.state, as_given.added_votes, as_given.agreed) == ("FRE", (), 1)


def test_a_page_without_source_is_cited_as_such() -> None:
    page = parse_profile(
        "Freedonia\nThe State not party has participated as Observer in the following "
        "meetings\n• 1RC\nThe State not party has indicated,\n• We study it.\n"
    )
    result = merge(small_dataset(), page)
    assert result.added_attendances[0].sources == (NO_SOURCE,)
    assert result.added_statements[0].sources == (NO_SOURCE,)
    assert NO_SOURCE.citation == "State profile page (source not given)"


def test_conflicting_votes_inside_the_page_are_reported() -> None:
    page = Profile(
        state="Freedonia",
        votes=(
            ProfileVote(position=VotePosition.YES, session=79, forum=Forum.PLENARY, line="a"),
            ProfileVote(position=VotePosition.NO, session=79, forum=Forum.PLENARY, line="b"),
            ProfileVote(position=VotePosition.NO, session=None, forum=None, line="c"),
        ),
    )
    result = merge(small_dataset(), page)
    assert [v.position for v in result.added_votes] == [VotePosition.YES]
    (conflict,) = result.conflicts
    assert (conflict.key, conflict.existing, conflict.incoming) == ("FRE 79 plenary", "yes", "no")
    assert result.skipped == ("vote 'no' from line 'c': the page does not say which session",)


def test_readable_text() -> None:
    ds = small_dataset()
    result = merge(ds, parse_profile(PAGE_TEXT, source=PAGE))
    text = str(result)
    assert text.splitlines()[0] == (
        "RUR: added 2 votes, 2 attendances, 1 statement; 4 agreed; 2 conflicts; 2 skipped"
    )
    assert "  vote conflict RUR 76 plenary: the dataset says Ruritania voted yes" in text
    assert "  skipped: attendance at 19MSP: the dataset has no meeting '19MSP'" in text
    conflict = result.conflicts[1]
    assert str(conflict) == f"{conflict.kind} conflict {conflict.key}: {conflict.message}"
    assert isinstance(result, MergeResult)


def test_merge_a_real_page_into_the_bundled_dataset(samples_dir: Path) -> None:
    ds = load()
    # The bundled data was built by merging this very page (scripts/build_data.py), so merging it
    # again agrees with everything and adds nothing.
    again = merge(ds, read_profile(samples_dir / "cuba-state-not-party.txt"))
    assert again.conflicts == ()
    assert again.skipped == ()
    assert again.added_votes == again.added_attendances == again.added_statements == ()
    assert again.agreed == 8 + 4 + 1  # meetings, votes, statement
    # Without the page's facts, the merge adds the two First Committee votes it lists.
    without = ds.replace(
        votes=[v for v in ds.votes if v.forum is Forum.PLENARY],
        statements=[s for s in ds.statements if not (s.state == "CUB" and s.verbatim)],
    )
    result = merge(without, read_profile(samples_dir / "cuba-state-not-party.txt"))
    assert result.state == "CUB"
    assert result.conflicts == ()
    assert result.skipped == ()
    added = [(v.session, v.forum, v.position) for v in result.added_votes]
    assert added == [
        (76, Forum.FIRST_COMMITTEE, VotePosition.ABSTAIN),
        (73, Forum.FIRST_COMMITTEE, VotePosition.ABSTAIN),
    ]
    assert len(result.added_statements) == 1
    assert result.added_votes[0].resolution == ds.resolution(76, "first_committee").symbol
    assert result.dataset.votes[: len(without.votes)] == without.votes
