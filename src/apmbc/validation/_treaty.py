"""Rules on treaty dates: signature, deposit, entry into force (Art. 17), withdrawal (Art. 20).

The calendar arithmetic itself lives in :mod:`apmbc.domain.treaty`; this module only compares.

The Convention was opened for signature on 3 December 1997 and remained open until its entry into
force on 1 March 1999 (Article 15). It entered into force on the first day of the sixth month
after the 40th instrument was deposited (16 September 1998), i.e. on 1 March 1999 (Article 17(1)),
and for each later State on the first day of the sixth month after its deposit (Article 17(2)). A
withdrawal takes effect six months after the notification is received (Article 20(2)).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator

from apmbc.domain.treaty import (
    CONVENTION_IN_FORCE,
    OPENED_FOR_SIGNATURE,
    article17_entry_into_force,
    article20_withdrawal_effective,
    entry_into_force,
    status_on,
)
from apmbc.models import DepositMethod, State, TreatyStatus
from apmbc.validation._findings import Context, Finding, finding

__all__ = ["check"]


def _effective(state: State) -> _dt.date | None:
    if state.withdrawal_effective is not None:
        return state.withdrawal_effective
    if state.withdrawal_notified is not None:
        return article20_withdrawal_effective(state.withdrawal_notified)
    return None


def check(ctx: Context) -> Iterator[Finding]:
    """Findings on each State's treaty dates and on its status as of ``metadata.as_of``."""
    as_of = ctx.ds.metadata.as_of
    for i, state in enumerate(ctx.states):
        yield from _signature_and_deposit(i, state)
        yield from _entry_into_force(i, state)
        yield from _withdrawal(i, state)
        if as_of is not None:
            problem = _status_problem(state, as_of)
            if problem is not None:
                yield finding(
                    "APMBC-STATUS-ASOF",
                    f"states[{i}].status",
                    (state.code,),
                    f"status {state.status.value!r} but as of {as_of}: {problem} "
                    f"(the dates give {status_on(state, as_of).value!r})",
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
    rule = article17_entry_into_force(deposited)
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
    if effective is not None and effective != article20_withdrawal_effective(notified):
        yield finding(
            "APMBC-WD-ART20",
            f"states[{i}].withdrawal_effective",
            keys,
            f"withdrawal effective {effective}, but Article 20(2) gives "
            f"{article20_withdrawal_effective(notified)} for the notification of {notified}",
        )
    if state.deposited is None or notified < state.deposited:
        deposit = f"its deposit on {state.deposited}" if state.deposited else "any deposit"
        yield finding(
            "APMBC-WD-BEFORE-DEPOSIT",
            f"states[{i}].withdrawal_notified",
            keys,
            f"withdrawal notified {notified}, before {deposit}",
        )


def _status_problem(state: State, as_of: _dt.date) -> str | None:
    """Why ``state.status`` cannot hold on ``as_of`` given its dates, or ``None`` if it can."""
    status = state.status
    deposited = state.deposited if state.deposited and state.deposited <= as_of else None
    signed = state.signed if state.signed and state.signed <= as_of else None
    in_force = entry_into_force(state)
    effective = _effective(state)
    notified = state.withdrawal_notified
    if status is TreatyStatus.PARTY:
        if deposited is None:
            return "no instrument deposited"
        if in_force is None or in_force > as_of:
            return f"the Convention enters into force for it only on {in_force}"
        if effective is not None and effective <= as_of:
            return f"its withdrawal took effect on {effective}"
    elif status is TreatyStatus.WITHDRAWN:
        if effective is None:
            return "no withdrawal notified"
        if effective > as_of:
            return f"its withdrawal takes effect only on {effective}"
    elif status is TreatyStatus.WITHDRAWING:
        if notified is None or notified > as_of:
            return "no withdrawal notified"
        if effective is not None and effective <= as_of:
            return f"the withdrawal already took effect on {effective}"
    elif status is TreatyStatus.JOINING:
        if deposited is None:
            return "no instrument deposited"
        if in_force is not None and in_force <= as_of:
            return f"the Convention has been in force for it since {in_force}"
    elif status is TreatyStatus.SIGNATORY:
        if signed is None:
            return "no signature"
        if deposited is not None:
            return f"its instrument was deposited on {deposited}"
    elif signed is not None or deposited is not None:
        event = f"deposited on {deposited}" if deposited else f"signed on {signed}"
        return f"it {event}"
    return None
