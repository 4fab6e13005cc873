"""Rules on treaty dates: signature, deposit, entry into force (Art. 17), withdrawal (Art. 20).

The calendar arithmetic and the status of a State on a day live in :mod:`apmbc.domain.treaty`;
this module only compares.

The Convention was opened for signature on 3 December 1997 and remained open until its entry into
force on 1 March 1999 (Article 15). It entered into force on the first day of the sixth month
after the 40th instrument was deposited (16 September 1998), i.e. on 1 March 1999 (Article 17(1)),
and for each later State on the first day of the sixth month after its deposit (Article 17(2)). A
withdrawal takes effect six months after the notification is received (Article 20(2)).
"""

from __future__ import annotations

from collections.abc import Iterator

from apmbc.domain.treaty import (
    CONVENTION_IN_FORCE,
    OPENED_FOR_SIGNATURE,
    article17_of,
    article20_of,
    explain_status,
    status_on,
)
from apmbc.models import DepositMethod, State
from apmbc.validation._findings import Context, Finding, finding

__all__ = ["check"]


def check(ctx: Context) -> Iterator[Finding]:
    """Findings on each State's treaty dates and on its status as of ``metadata.as_of``."""
    as_of = ctx.ds.metadata.as_of
    for i, state in enumerate(ctx.states):
        yield from _signature_and_deposit(i, state)
        yield from _entry_into_force(i, state)
        yield from _withdrawal(i, state)
        if as_of is not None:
            expected = status_on(state, as_of)
            if state.status is not expected:
                yield finding(
                    "APMBC-STATUS-ASOF",
                    f"states[{i}].status",
                    (state.code,),
                    f"status {state.status.value!r}, but the dates give {expected.value!r} as of "
                    f"{as_of}: {explain_status(state, as_of)}",
                )


def _signature_and_deposit(i: int, state: State) -> Iterator[Finding]:
    keys = (state.code,)
    signed, deposited = state.signed, state.deposited
    if signed is not None and not OPENED_FOR_SIGNATURE <= signed <= CONVENTION_IN_FORCE:
        yield finding(
            "APMBC-SIG-WINDOW",
            f"states[{i}].signed",
            keys,
            f"signed {signed}, but the Convention was open for signature only from "
            f"{OPENED_FOR_SIGNATURE} to {CONVENTION_IN_FORCE}",
        )
    if signed is not None and deposited is not None and signed > deposited:
        yield finding(
            "APMBC-SIG-AFTER-DEPOSIT",
            f"states[{i}].signed",
            keys,
            f"signed {signed}, after its instrument was deposited on {deposited}",
        )
    if deposited is not None and deposited < OPENED_FOR_SIGNATURE:
        yield finding(
            "APMBC-DEPOSIT-EARLY",
            f"states[{i}].deposited",
            keys,
            f"deposited {deposited}, before the Convention was opened on {OPENED_FOR_SIGNATURE}",
        )
    if (deposited is None) != (state.deposit_method is None):
        message = (
            f"deposit method {state.deposit_method.value!r} but no deposit date"
            if state.deposit_method is not None
            else f"deposited {deposited} but no deposit method (ratification, accession...)"
        )
        yield finding("APMBC-DEPOSIT-METHOD", f"states[{i}].deposit_method", keys, message)


def _entry_into_force(i: int, state: State) -> Iterator[Finding]:
    stated, deposited = state.entry_into_force, state.deposited
    path = f"states[{i}].entry_into_force"
    if deposited is not None and article17_of(state) is None:
        yield finding(
            "APMBC-BEYOND-CALENDAR",
            f"states[{i}].deposited",
            (state.code,),
            f"deposited {deposited}: Article 17 puts the entry into force after 9999-12-31, "
            "beyond the calendar (the State never becomes a party in the data)",
        )
    if stated is None:
        return
    if deposited is None:
        yield finding(
            "APMBC-EIF-NO-DEPOSIT",
            path,
            (state.code,),
            f"in force from {stated}, but no deposit date is given",
        )
        return
    rule = article17_of(state)
    if rule is None:
        yield finding(
            "APMBC-EIF-ART17",
            path,
            (state.code,),
            f"entry into force {stated}, but Article 17 puts it after 9999-12-31 for the deposit "
            f"of {deposited}",
        )
        return
    if stated == rule:
        return
    if state.deposit_method is DepositMethod.SUCCESSION and stated <= deposited:
        yield finding(
            "APMBC-EIF-SUCCESSION",
            path,
            (state.code,),
            f"in force from {stated} by succession (deposit {deposited}), "
            f"not {rule} as Article 17 would give",
        )
        return
    yield finding(
        "APMBC-EIF-ART17",
        path,
        (state.code,),
        f"entry into force {stated}, but Article 17 gives {rule} for the deposit of {deposited}",
    )


def _withdrawal(i: int, state: State) -> Iterator[Finding]:
    keys = (state.code,)
    notified, effective = state.withdrawal_notified, state.withdrawal_effective
    if effective is not None and notified is None:
        yield finding(
            "APMBC-WD-NO-NOTICE",
            f"states[{i}].withdrawal_effective",
            keys,
            f"withdrawal effective {effective}, but no notification date is given",
        )
    if notified is None:
        return
    rule = article20_of(state)
    if rule is None:
        yield finding(
            "APMBC-BEYOND-CALENDAR",
            f"states[{i}].withdrawal_notified",
            keys,
            f"withdrawal notified {notified}: Article 20 puts its effect after 9999-12-31, "
            "beyond the calendar (the withdrawal never takes effect in the data)",
        )
    if effective is not None and effective != rule:
        gives = rule if rule is not None else "a date after 9999-12-31"
        yield finding(
            "APMBC-WD-ART20",
            f"states[{i}].withdrawal_effective",
            keys,
            f"withdrawal effective {effective}, but Article 20(2) gives {gives} for the "
            f"notification of {notified}",
        )
    if state.deposited is None or notified < state.deposited:
        deposit = f"its deposit on {state.deposited}" if state.deposited else "any deposit"
        yield finding(
            "APMBC-WD-BEFORE-DEPOSIT",
            f"states[{i}].withdrawal_notified",
            keys,
            f"withdrawal notified {notified}, before {deposit}",
        )
