"""The Convention's own calendar rules: Article 17 (entry into force) and Article 20 (withdrawal).

Pure functions over dates and :class:`~apmbc.models.State` records; no data, no I/O.
"""

from __future__ import annotations

import datetime as _dt

from apmbc.models import State, TreatyStatus

__all__ = [
    "CONVENTION_IN_FORCE",
    "FORTIETH_DEPOSIT",
    "OPENED_FOR_SIGNATURE",
    "article17_entry_into_force",
    "article20_withdrawal_effective",
    "entry_into_force",
    "status_on",
]

OPENED_FOR_SIGNATURE = _dt.date(1997, 12, 3)
"""The Convention was opened for signature in Ottawa on 3 December 1997 (Article 15)."""
FORTIETH_DEPOSIT = _dt.date(1998, 9, 16)
"""The 40th instrument of ratification was deposited on 16 September 1998."""
CONVENTION_IN_FORCE = _dt.date(1999, 3, 1)
"""Entry into force of the Convention (Article 17(1)): 1 March 1999."""


def _add_months(day: _dt.date, months: int) -> _dt.date:
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    # The same day of the month, or the month's last day when it has fewer days.
    for candidate in (day.day, 30, 29, 28):
        try:
            return _dt.date(year, month, min(day.day, candidate))
        except ValueError:
            continue
    raise AssertionError("unreachable")  # pragma: no cover


def article17_entry_into_force(deposited: _dt.date) -> _dt.date:
    """The day the Convention enters into force for a State that deposited on ``deposited``.

    Article 17: 1 March 1999 for every instrument deposited by then, otherwise "the first day of
    the sixth month after the date on which that State has deposited its instrument".

    >>> article17_entry_into_force(_dt.date(1998, 10, 8))
    datetime.date(1999, 4, 1)
    >>> article17_entry_into_force(_dt.date(2025, 6, 25))
    datetime.date(2025, 12, 1)
    """
    first_of_month = _add_months(deposited.replace(day=1), 6)
    return max(first_of_month, CONVENTION_IN_FORCE)


def article20_withdrawal_effective(notified: _dt.date) -> _dt.date:
    """The day a withdrawal notified on ``notified`` takes effect: six months later (Article 20).

    >>> article20_withdrawal_effective(_dt.date(2025, 7, 10))
    datetime.date(2026, 1, 10)
    """
    return _add_months(notified, 6)


def entry_into_force(state: State) -> _dt.date | None:
    """The State's entry into force: as a source states it, else by Article 17, else ``None``."""
    if state.entry_into_force is not None:
        return state.entry_into_force
    if state.deposited is not None:
        return article17_entry_into_force(state.deposited)
    return None


def status_on(state: State, when: _dt.date) -> TreatyStatus:
    """The State's status on ``when``, from its dates and Articles 17 and 20.

    An instrument deposited but not yet in force gives ``joining``; a withdrawal notified but not
    yet effective gives ``withdrawing`` (the State is still bound). A succession whose stated entry
    into force precedes the deposit (South Sudan) counts from that stated date.
    """
    in_force = entry_into_force(state)
    effective = state.withdrawal_effective
    if effective is None and state.withdrawal_notified is not None:
        effective = article20_withdrawal_effective(state.withdrawal_notified)
    if effective is not None and when >= effective:
        return TreatyStatus.WITHDRAWN
    if state.withdrawal_notified is not None and when >= state.withdrawal_notified:
        return TreatyStatus.WITHDRAWING
    if in_force is not None and when >= in_force:
        return TreatyStatus.PARTY
    if state.deposited is not None and when >= state.deposited:
        return TreatyStatus.JOINING
    if state.signed is not None and when >= state.signed:
        return TreatyStatus.SIGNATORY
    return TreatyStatus.NOT_PARTY
