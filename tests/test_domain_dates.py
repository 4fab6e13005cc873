"""Tests for the moments of apmbc.domain.dates: to_utc and utc_text (a merge's time)."""

from __future__ import annotations

import datetime as dt
import doctest

import pytest
from hypothesis import given, strategies as st

from apmbc.domain import dates
from apmbc.domain.dates import to_utc, utc_text
from apmbc.errors import ArgumentError, ArgumentTypeError

UTC = dt.timezone.utc
PLUS_ONE = dt.timezone(dt.timedelta(hours=1))


def test_module_examples() -> None:
    assert doctest.testmod(dates).failed == 0


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-12-08T08:30:00Z", dt.datetime(2026, 12, 8, 8, 30, tzinfo=UTC)),
        ("2026-12-08T08:30:00z", dt.datetime(2026, 12, 8, 8, 30, tzinfo=UTC)),
        ("2026-12-08 08:30Z", dt.datetime(2026, 12, 8, 8, 30, tzinfo=UTC)),
        ("2026-12-08T09:30:00+01:00", dt.datetime(2026, 12, 8, 8, 30, tzinfo=UTC)),
        ("2026-12-08T03:30:00-0500", dt.datetime(2026, 12, 8, 8, 30, tzinfo=UTC)),
        ("2026-12-08T08:30:00.123456789Z", dt.datetime(2026, 12, 8, 8, 30, tzinfo=UTC)),
        ("  2026-12-08T08:30:00+00:00 ", dt.datetime(2026, 12, 8, 8, 30, tzinfo=UTC)),
        ("2026-12-08T00:30:00+01:00", dt.datetime(2026, 12, 7, 23, 30, tzinfo=UTC)),
        (
            dt.datetime(2026, 12, 8, 9, 30, 5, 999, tzinfo=PLUS_ONE),
            dt.datetime(2026, 12, 8, 8, 30, 5, tzinfo=UTC),
        ),
    ],
)
def test_to_utc_reads_moments_with_their_zone(value: object, expected: dt.datetime) -> None:
    found = to_utc(value)
    assert found == expected
    assert found.tzinfo is UTC and found.microsecond == 0


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2026-12-08T08:30:00", "expected an ISO 8601 time with its zone"),
        ("2026-12-08", "expected an ISO 8601 time with its zone"),
        ("8 December 2026, 08:30 UTC", "expected an ISO 8601 time with its zone"),
        ("2026-13-08T08:30:00Z", "no such day or hour"),
        ("2026-12-08T25:30:00Z", "no such day or hour"),
        ("0001-01-01T00:30:00+01:00", "beyond the calendar"),
        ("2026-12-08T08:30:00Z" + " " * 50 + "x", "expected an ISO 8601 time"),
        (dt.datetime(2026, 12, 8, 8, 30), "it has no zone"),
    ],
)
def test_to_utc_refuses_what_says_no_moment(value: object, message: str) -> None:
    with pytest.raises(ArgumentError, match=message):
        to_utc(value)


@pytest.mark.parametrize("value", [None, 1796630400, dt.date(2026, 12, 8), b"2026-12-08T08:30Z"])
def test_to_utc_refuses_other_types(value: object) -> None:
    with pytest.raises(ArgumentTypeError):
        to_utc(value)


@pytest.mark.parametrize(
    ("moment", "text"),
    [
        (dt.datetime(2026, 12, 8, 8, 30, tzinfo=UTC), "2026-12-08T08:30:00Z"),
        (dt.datetime(2026, 12, 8, 9, 30, 7, 5, tzinfo=PLUS_ONE), "2026-12-08T08:30:07Z"),
        (dt.datetime(999, 1, 1, tzinfo=UTC), "0999-01-01T00:00:00Z"),
    ],
)
def test_utc_text(moment: dt.datetime, text: str) -> None:
    assert utc_text(moment) == text


@given(st.datetimes(timezones=st.just(UTC)))
def test_utc_text_reads_back(moment: dt.datetime) -> None:
    assert to_utc(utc_text(moment)) == moment.replace(microsecond=0)


def test_a_long_text_is_refused_quickly() -> None:
    with pytest.raises(ArgumentError):
        to_utc("2026-12-08T08:30:00" + "0" * 1_000_000 + "Z")
