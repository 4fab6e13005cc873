"""The General Assembly's calendar (:mod:`apmbc.domain.calendar`): a number read as a year."""

from __future__ import annotations

import datetime as dt
import doctest

import pytest

import apmbc
from apmbc.domain import calendar
from apmbc.domain.calendar import session_read_as_year

TODAY = dt.date(2026, 6, 30)


@pytest.mark.parametrize(
    ("number", "today", "expected"),
    [
        (2022, TODAY, 77),  # a year: session 77 opened and voted in 2022
        (1997, TODAY, 52),
        (1946, TODAY, 1),  # the first year a session sat in
        (2026, TODAY, 81),  # this year's session
        (2030, TODAY, 85),  # a year to come reads as a year too
        (9998, TODAY, 8053),  # the last year a session the calendar holds opens in
        (81, TODAY, None),  # session 81 opens in 2026: it may have sat
        (1, TODAY, None),
        (82, TODAY, None),  # opens in 2027: not yet, but no year either
        (150, TODAY, None),
        (1945, TODAY, None),  # no session opens in 1945
        (9999, TODAY, None),
        (0, TODAY, None),
        (-2022, TODAY, None),
        (2022, dt.date(3967, 1, 1), None),  # by 3967, session 2022 may have sat
        (2022, dt.date(3966, 12, 31), 77),
    ],
)
def test_session_read_as_year(number: int, today: dt.date, expected: int | None) -> None:
    assert session_read_as_year(number, today) == expected


def test_session_read_as_year_is_session_of_year() -> None:
    for year in (1946, 1999, 2022, 2100):
        assert session_read_as_year(year, TODAY) == calendar.session_of_year(year)
        assert calendar.year_of_session(calendar.session_of_year(year)) == year


@pytest.mark.parametrize(
    ("number", "today", "error"),
    [
        ("2022", TODAY, apmbc.ArgumentTypeError),
        (True, TODAY, apmbc.ArgumentTypeError),
        (2022.0, TODAY, apmbc.ArgumentTypeError),
        (2022, "2026-06-30", apmbc.ArgumentTypeError),
        (2022, dt.datetime(2026, 6, 30), apmbc.ArgumentTypeError),
    ],
)
def test_session_read_as_year_refuses_other_types(
    number: object, today: object, error: type[Exception]
) -> None:
    with pytest.raises(error):
        session_read_as_year(number, today)  # type: ignore[arg-type]


def test_docstring_examples() -> None:
    result = doctest.testmod(calendar)
    assert result.failed == 0 and result.attempted > 0
