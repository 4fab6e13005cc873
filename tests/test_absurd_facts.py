"""Page and document text that yields absurd facts (a vote dated 0001-01-01 or 9999-12-31, a
session 0, -1945 or 8054) is reported as not read, never taken as a vote; a merge never adds
such a vote to a dataset."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import apmbc
from apmbc.io.profile import ProfileVote
from apmbc.io.profile._votes import read_vote_line
from apmbc.io.recorded_vote import parse_recorded_vote

CONVENTION = (
    "Implementation of the Convention on the Prohibition of the Use, Stockpiling, Production and "
    "Transfer of Anti-Personnel Mines and on Their Destruction"
)


@pytest.mark.parametrize(
    "line",
    [
        "Abstained - 31 December 9999",
        "Abstained - 9999-12-31",
        "In favour - 1 January 0001",
        "In favour - 0001-01-01",
        "Abstained - session 0",
        "Abstained - A/RES/0/1",
        "Abstained - A/RES/-1945/1",
        "Abstained - A/RES/8054/1",
        "Abstained - 8054th session",
        "In favour - session 77, 1 January 0001",
        "In favour - A/RES/77/63, 1 January 0001",
        "In favour - A/RES/77/63, 31 December 9999",
    ],
)
def test_a_vote_line_with_an_absurd_date_or_session_is_not_read(line: str) -> None:
    reading = read_vote_line(line)
    assert reading.votes == ()
    assert reading.problem


@pytest.mark.parametrize("when", ["31 December 9999", "9999-12-31", "1 October 9999"])
def test_a_profile_page_keeps_such_a_line_as_unparsed(when: str) -> None:
    page = (
        "Cubalia\nThe State not party most recently has voted as follows,\n"
        f"• Abstained - {when}\n• Abstained - 2022\n"
    )
    profile = apmbc.parse_profile(page)
    assert [v.session for v in profile.votes] == [77]
    (unparsed,) = profile.unparsed
    assert unparsed.line == 3
    assert "session" in unparsed.reason


def _release(date: str, document: str = "") -> str:
    return (
        f"GA/DIS/9990\n{date}\n"
        f'The Assembly adopted the draft resolution "{CONVENTION}"{document} by a recorded vote '
        "of 1 in favour to none against, with no abstentions, as follows:\n"
        "In favour: Canada.\nAgainst: None.\nAbstain: None.\n"
    )


@pytest.mark.parametrize(
    ("date", "document"),
    [
        ("31 December 9999", ""),
        ("1 January 0001", ""),
        ("4 November 2015", " (document A/8054/999)"),
        ("4 November 2015", " (document A/0/999)"),
    ],
)
def test_a_recorded_vote_of_an_absurd_session_is_unread(date: str, document: str) -> None:
    result = parse_recorded_vote(_release(date, document), title_filter=None)
    sessions = [c.resolution.session for c in result.roll_calls]
    assert sessions in ([], [70])  # never 0, 8054 nor a session of 0001-01-01
    if not sessions:
        (issue,) = result.unread
        assert (issue.line, issue.code) == (3, "unplaced")
        assert "session" in issue.message
    assert all(v.session == 70 for v in result.to_dataset().votes)


@pytest.mark.parametrize("session", [0, -1945, 8054, 10**6])
def test_merge_skips_a_vote_of_no_session(session: int) -> None:
    ds = apmbc.load()
    vote = ProfileVote(
        position=apmbc.VotePosition.ABSTAIN,
        session=session,
        forum=apmbc.Forum.PLENARY,
        date=None,
        line="• Abstained - made up",
    )
    profile = apmbc.Profile(state="Cuba", votes=(vote,))
    result = apmbc.merge(ds, profile)
    assert result.added.votes == 0
    assert any("no General Assembly session" in reason for reason in result.skipped)


def test_merge_skips_a_vote_dated_outside_its_session() -> None:
    vote = ProfileVote(
        position=apmbc.VotePosition.ABSTAIN,
        session=81,
        forum=apmbc.Forum.PLENARY,
        date=dt.date(1, 1, 1),
        line="• Abstained - made up",
    )
    result = apmbc.merge(apmbc.load(), apmbc.Profile(state="Cuba", votes=(vote,)))
    assert result.added.votes == 0
    assert any("0001-01-01" in reason for reason in result.skipped)


@pytest.mark.parametrize(
    "name", ["27-date-in-year-1-without-session.csv", "28-date-in-9999-without-session.csv"]
)
def test_a_voeten_row_of_no_session_is_a_bad_row(name: str) -> None:
    path = Path(__file__).parent / "bad_inputs" / "voeten" / name
    with pytest.raises(apmbc.ParseError) as caught:
        apmbc.load_voeten_csv(path, strict=True)
    assert (caught.value.source, caught.value.line) == (str(path), 2)
    ds = apmbc.load_voeten_csv(path)
    assert ds.resolutions == () and ds.votes == ()
    assert any(f"{name}:2:" in note and "session" in note for note in ds.metadata.notes)
