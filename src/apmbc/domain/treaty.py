"""The Convention's own calendar: Article 15 (signature), 17 (entry into force), 20 (withdrawal).

Pure functions over dates and :class:`~apmbc.models.State` records; no data, no I/O. Every part
of apmbc that needs a State's entry into force, its withdrawal's effect or its status on a day
calls these.

>>> import datetime
>>> article17_entry_into_force(datetime.date(2025, 6, 25))
datetime.date(2025, 12, 1)
>>> article20_withdrawal_effective(datetime.date(2025, 7, 10))
datetime.date(2026, 1, 10)
"""

from __future__ import annotations

import datetime as _dt

from apmbc.errors import BeyondCalendarError
from apmbc.models import State, TreatyStatus

__all__ = [
    "BOUND",
    "CONVENTION_IN_FORCE",
    "FORTIETH_DEPOSIT",
    "OPENED_FOR_SIGNATURE",
    "article17_entry_into_force",
    "article17_of",
    "article20_of",
    "article20_withdrawal_effective",
    "entry_into_force",
    "explain_status",
    "status_change_days",
    "status_on",
    "withdrawal_effective",
]

OPENED_FOR_SIGNATURE = _dt.date(1997, 12, 3)
"""The Convention was opened for signature in Ottawa on 3 December 1997 (Article 15)."""
FORTIETH_DEPOSIT = _dt.date(1998, 9, 16)
"""The 40th instrument of ratification was deposited on 16 September 1998."""
CONVENTION_IN_FORCE = _dt.date(1999, 3, 1)
"""Entry into force of the Convention (Article 17(1)): 1 March 1999. Signature closed then."""
BOUND: frozenset[TreatyStatus] = frozenset({TreatyStatus.PARTY, TreatyStatus.WITHDRAWING})
"""The statuses in which the Convention binds a State: party, and withdrawing until the
withdrawal takes effect (Article 20(2))."""


def _add_months(day: _dt.date, months: int) -> _dt.date:
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    if year > _dt.MAXYEAR:
        raise BeyondCalendarError(
            f"{months} months after {day.isoformat()} is after 9999-12-31, beyond the calendar"
        )
    # The same day of the month, or the month's last day when it has fewer days.
    for candidate in (day.day, 30, 29, 28):
        try:
            return _dt.date(year, month, min(day.day, candidate))
        except ValueError:
            continue
    raise AssertionError("unreachable")  # pragma: no cover - every month has 28 days


def article17_entry_into_force(deposited: _dt.date) -> _dt.date:
    """The day the Convention enters into force for a State that deposited on ``deposited``.

    Article 17: 1 March 1999 for every instrument deposited by then, otherwise "the first day of
    the sixth month after the date on which that State has deposited its instrument". Raises
    :class:`~apmbc.errors.BeyondCalendarError` for a deposit after 30 June 9999.

    >>> import datetime
    >>> article17_entry_into_force(datetime.date(1998, 10, 8))
    datetime.date(1999, 4, 1)
    """
    first_of_month = _add_months(deposited.replace(day=1), 6)
    return max(first_of_month, CONVENTION_IN_FORCE)


def article20_withdrawal_effective(notified: _dt.date) -> _dt.date:
    """The day a withdrawal notified on ``notified`` takes effect: six months later (Article 20).

    Raises :class:`~apmbc.errors.BeyondCalendarError` for a notification after 30 June 9999.
    """
    return _add_months(notified, 6)


def article17_of(state: State) -> _dt.date | None:
    """Article 17's entry into force for the State's deposit; ``None`` without a deposit, or
    when it would fall beyond 9999-12-31."""
    if state.deposited is None:
        return None
    try:
        return article17_entry_into_force(state.deposited)
    except BeyondCalendarError:
        return None


def article20_of(state: State) -> _dt.date | None:
    """Article 20's effect of the State's notified withdrawal; ``None`` without a notification,
    or when it would fall beyond 9999-12-31."""
    if state.withdrawal_notified is None:
        return None
    try:
        return article20_withdrawal_effective(state.withdrawal_notified)
    except BeyondCalendarError:
        return None


def entry_into_force(state: State) -> _dt.date | None:
    """The State's entry into force: as a source states it, else by Article 17, else ``None``."""
    stated = state.entry_into_force
    return stated if stated is not None else article17_of(state)


def withdrawal_effective(state: State) -> _dt.date | None:
    """The day the State's withdrawal takes effect: as stated, else by Article 20, else ``None``
    (no withdrawal notified)."""
    stated = state.withdrawal_effective
    return stated if stated is not None else article20_of(state)


def status_on(state: State, when: _dt.date) -> TreatyStatus:
    """The State's status on ``when``, from its dates and Articles 17 and 20.

    An instrument deposited but not yet in force gives ``joining``; a withdrawal notified but not
    yet effective gives ``withdrawing`` (the State is still bound). A succession whose stated entry
    into force precedes the deposit (South Sudan) counts from that stated date. A date that the
    articles put beyond 9999-12-31 is never reached.
    """
    return _status(state, when)[0]


def status_change_days(state: State) -> tuple[_dt.date, ...]:
    """The days on which :func:`status_on` may give the State a new status, in date order.

    Its signature, deposit, entry into force (:func:`entry_into_force`), notified withdrawal and
    withdrawal's effect (:func:`withdrawal_effective`), each once. Between two of these days, and
    before the first, the status stays the same, so a count of statuses made on these days holds
    until the next one.

    >>> import datetime
    >>> from apmbc.models import State
    >>> tonga = State(code="TON", name="Tonga", deposited=datetime.date(2025, 6, 25))
    >>> status_change_days(tonga)
    (datetime.date(2025, 6, 25), datetime.date(2025, 12, 1))
    """
    days = (
        state.signed,
        state.deposited,
        entry_into_force(state),
        state.withdrawal_notified,
        withdrawal_effective(state),
    )
    return tuple(sorted({day for day in days if day is not None}))


def explain_status(state: State, when: _dt.date) -> str:
    """Why :func:`status_on` gives what it gives on ``when``, in a few words."""
    return _status(state, when)[1]


def _status(state: State, when: _dt.date) -> tuple[TreatyStatus, str]:
    in_force = entry_into_force(state)
    effective = withdrawal_effective(state)
    notified = state.withdrawal_notified
    rule = "" if state.entry_into_force is not None else " (Article 17)"
    if effective is not None and when >= effective:
        how = "" if state.withdrawal_effective is not None else " (Article 20)"
        return TreatyStatus.WITHDRAWN, f"its withdrawal took effect on {effective}{how}"
    if notified is not None and when >= notified:
        until = f", effective {effective}" if effective is not None else ""
        return TreatyStatus.WITHDRAWING, f"it notified its withdrawal on {notified}{until}"
    if in_force is not None and when >= in_force:
        return TreatyStatus.PARTY, f"the Convention has been in force for it since {in_force}{rule}"
    if state.deposited is not None and when >= state.deposited:
        until = f" until {in_force}{rule}" if in_force is not None else ""
        return (
            TreatyStatus.JOINING,
            f"it deposited its instrument on {state.deposited}; not in force{until}",
        )
    if state.signed is not None and when >= state.signed:
        return TreatyStatus.SIGNATORY, f"it signed on {state.signed} and has deposited nothing"
    return TreatyStatus.NOT_PARTY, "it has neither signed nor deposited an instrument by then"
