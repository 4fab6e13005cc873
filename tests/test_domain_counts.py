"""Tests for the domain helpers the profile headings need: counts in words, a meeting's years."""

from __future__ import annotations

import datetime as dt

import pytest

import apmbc
from apmbc.domain.meetings import meeting_years
from apmbc.domain.numbers import cardinal
from apmbc.models import Meeting, MeetingKind


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("0", 0),
        ("8", 8),
        ("27", 27),
        ("999", 999),
        ("zero", 0),
        ("none", 0),
        ("one", 1),
        ("Eight", 8),
        ("ten", 10),
        ("nineteen", 19),
        ("twenty", 20),
        ("twenty-seven", 27),
        ("Twenty seven", 27),
        ("TWENTY‑SEVEN", 27),  # a non-breaking hyphen
        ("ninety-nine", 99),
        ("  forty-two ", 42),
    ],
)
def test_cardinal_reads_counts(words: str, value: int) -> None:
    assert cardinal(words) == value


@pytest.mark.parametrize(
    "words",
    [
        "",
        " ",
        "-3",
        "2.5",
        "eighth",
        "27th",
        "twenty-seventh",
        "meetings",
        "twenty-eleven",
        "٣",  # a digit, but not an ASCII one
        "x" * 50,
    ],
)
def test_cardinal_refuses_what_is_not_a_count(words: str) -> None:
    assert cardinal(words) is None


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("1000", 1000),
        ("10000", 10000),
        ("one thousand", 1000),
        ("one hundred", 100),
        ("no", 0),
        ("one hundred and fifty-nine", 159),
    ],
)
def test_cardinal_reads_a_tally_too(words: str, value: int) -> None:
    # One reader for the counts of profile pages and the figures of UN tallies.
    assert cardinal(words) == value


def _meeting(start: dt.date | None, end: dt.date | None) -> Meeting:
    return Meeting(code="9MSP", kind=MeetingKind.MSP, name="Ninth", start=start, end=end)


@pytest.mark.parametrize(
    ("start", "end", "years"),
    [
        (dt.date(2021, 11, 15), dt.date(2021, 11, 19), [2021]),
        (dt.date(2009, 12, 30), dt.date(2010, 1, 2), [2009, 2010]),
        (dt.date(2004, 6, 21), None, [2004]),
        (None, None, []),
        (None, dt.date(2004, 6, 21), []),  # no opening day: the year is not known
        (dt.date(2004, 6, 21), dt.date(2003, 1, 1), [2004]),  # an end before the start
    ],
)
def test_meeting_years(start: dt.date | None, end: dt.date | None, years: list[int]) -> None:
    assert list(meeting_years(_meeting(start, end))) == years


def test_meeting_years_of_the_bundled_meetings() -> None:
    meetings = apmbc.load().meetings
    assert list(meeting_years(meetings.lookup("19MSP"))) == [2021]
    assert list(meeting_years(meetings.lookup("1RC"))) == [2004]
    dated = [m for m in meetings if m.start is not None]
    assert all(len(meeting_years(m)) == 1 for m in dated)  # none of them spans New Year
