"""Articles 17 and 20 as pure date rules."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, strategies as st

from apmbc import State, TreatyStatus
from apmbc.domain.treaty import (
    CONVENTION_IN_FORCE,
    article17_entry_into_force,
    article20_withdrawal_effective,
    status_change_days,
    status_on,
)


@pytest.mark.parametrize(
    ("deposit", "in_force"),
    [
        ("1997-12-03", "1999-03-01"),
        ("1998-09-16", "1999-03-01"),
        ("1998-09-30", "1999-03-01"),
        ("1998-10-08", "1999-04-01"),
        ("2012-01-09", "2012-07-01"),
        ("2025-06-25", "2025-12-01"),
        ("2025-03-12", "2025-09-01"),
        ("2003-09-25", "2004-03-01"),
    ],
)
def test_article17(deposit: str, in_force: str) -> None:
    got = article17_entry_into_force(dt.date.fromisoformat(deposit))
    assert got == dt.date.fromisoformat(in_force)


@pytest.mark.parametrize(
    ("notified", "effective"),
    [
        ("2025-06-27", "2025-12-27"),
        ("2025-07-10", "2026-01-10"),
        ("2025-08-20", "2026-02-20"),
        ("2025-08-31", "2026-02-28"),
    ],
)
def test_article20(notified: str, effective: str) -> None:
    got = article20_withdrawal_effective(dt.date.fromisoformat(notified))
    assert got == dt.date.fromisoformat(effective)


@given(st.dates(min_value=dt.date(1997, 12, 3), max_value=dt.date(2100, 12, 31)))
def test_article17_properties(deposit: dt.date) -> None:
    result = article17_entry_into_force(deposit)
    assert result.day == 1
    assert result >= CONVENTION_IN_FORCE
    assert result > deposit
    if deposit >= dt.date(1998, 10, 1):
        months = (result.year - deposit.year) * 12 + result.month - deposit.month
        assert months == 6


def test_status_sequence() -> None:
    state = State(
        code="XXX",
        name="Test",
        signed=dt.date(1998, 1, 5),
        deposited=dt.date(2001, 2, 10),
        withdrawal_notified=dt.date(2020, 5, 1),
    )
    assert status_on(state, dt.date(1998, 1, 4)) is TreatyStatus.NOT_PARTY
    assert status_on(state, dt.date(1998, 1, 5)) is TreatyStatus.SIGNATORY
    assert status_on(state, dt.date(2001, 2, 10)) is TreatyStatus.JOINING
    assert status_on(state, dt.date(2001, 8, 1)) is TreatyStatus.PARTY
    assert status_on(state, dt.date(2020, 5, 1)) is TreatyStatus.WITHDRAWING
    # no effective date recorded: Article 20 gives it
    assert status_on(state, dt.date(2020, 11, 1)) is TreatyStatus.WITHDRAWN


_days = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2040, 12, 31))


@given(
    signed=st.none() | _days,
    deposited=st.none() | _days,
    stated=st.none() | _days,
    notified=st.none() | _days,
    effective=st.none() | _days,
    probe=_days,
)
def test_status_changes_only_on_change_days(
    signed: dt.date | None,
    deposited: dt.date | None,
    stated: dt.date | None,
    notified: dt.date | None,
    effective: dt.date | None,
    probe: dt.date,
) -> None:
    """The status on any day is the status on the last change day before it (or, before the
    first change day, the status of the day before that one)."""
    state = State(
        code="XXX",
        name="Test",
        signed=signed,
        deposited=deposited,
        entry_into_force=stated,
        withdrawal_notified=notified,
        withdrawal_effective=effective,
    )
    days = status_change_days(state)
    assert list(days) == sorted(set(days))
    earlier = [d for d in days if d <= probe]
    anchor = earlier[-1] if earlier else dt.date(1989, 12, 31)
    assert status_on(state, probe) is status_on(state, anchor)


def test_status_change_days_of_a_withdrawing_state() -> None:
    state = State(
        code="XXX",
        name="Test",
        signed=dt.date(1998, 1, 5),
        deposited=dt.date(2001, 2, 10),
        withdrawal_notified=dt.date(2020, 5, 1),
    )
    assert status_change_days(state) == (
        dt.date(1998, 1, 5),
        dt.date(2001, 2, 10),
        dt.date(2001, 8, 1),  # Article 17: first day of the sixth month after the deposit
        dt.date(2020, 5, 1),
        dt.date(2020, 11, 1),  # Article 20: six months after the notification
    )
    assert status_change_days(State(code="YYY", name="Never")) == ()
