"""Rules on the UN General Assembly record: session calendar, tallies and who may vote.

The calendar (:func:`~apmbc.domain.calendar.session_window`) and the spelling of symbols
(:func:`~apmbc.domain.symbols.normalize_symbol`) come from the domain layer.
"""

from __future__ import annotations

from collections.abc import Iterator

from apmbc.domain.calendar import LAST_SESSION, session_window
from apmbc.domain.symbols import normalize_symbol
from apmbc.models import Forum, Resolution, VotePosition
from apmbc.validation._findings import Context, Finding, finding, res_keys, roll_call_label

__all__ = ["check"]


def check(ctx: Context) -> Iterator[Finding]:
    """Findings on resolution dates, tallies and the UN membership of voters."""
    yield from _resolutions(ctx)
    yield from _votes(ctx)


def _resolutions(ctx: Context) -> Iterator[Finding]:
    position_of = {id(r): i for i, r in enumerate(ctx.resolutions)}
    for i, res in enumerate(ctx.resolutions):
        keys = res_keys(res.roll_call)
        if not 1 <= res.session <= LAST_SESSION:
            yield finding(
                "APMBC-RES-SESSION",
                f"resolutions[{i}].session",
                keys,
                f"there is no General Assembly session {res.session} (the first was in 1946)",
            )
        elif res.date is not None:
            first, last = session_window(res.session)
            if not first <= res.date <= last:
                yield finding(
                    "APMBC-RES-SESSION",
                    f"resolutions[{i}].date",
                    keys,
                    f"dated {res.date}, outside session {res.session} ({first} to {last})",
                )
        if res.forum is Forum.FIRST_COMMITTEE and res.convention and res.date is not None:
            plenary = ctx.resolution_by_key.get((res.session, Forum.PLENARY, None))
            if plenary is not None and plenary.date is not None and res.date >= plenary.date:
                yield finding(
                    "APMBC-RES-ORDER",
                    f"resolutions[{i}].date",
                    keys,
                    f"First Committee vote dated {res.date}, not before the plenary vote of "
                    f"{plenary.date} (resolutions[{position_of[id(plenary)]}])",
                )
        yield from _tally(ctx, i, res)


def _tally(ctx: Context, i: int, res: Resolution) -> Iterator[Finding]:
    """The tally against the per-State votes, exactly. A plenary roll call's per-State record is
    whole (every Member State, absences included); in the First Committee, where per-State votes
    are often known for a few States only, fewer votes than the tally are a partial record and
    only a count above the tally is wrong."""
    counts = ctx.counts.get(res.roll_call)
    if not counts:
        return
    stated = {p: getattr(res.tally, p.value) for p in VotePosition}
    complete = res.forum is Forum.PLENARY or sum(counts.values()) >= sum(
        v for v in stated.values() if v is not None
    )
    for position, figure in stated.items():
        counted = counts[position]
        if figure is not None and (counted != figure if complete else counted > figure):
            yield finding(
                "APMBC-TALLY",
                f"resolutions[{i}].tally.{position.value}",
                res_keys(res.roll_call),
                f"tally says {figure} {position.value}, the per-State votes count {counted}"
                + ("" if complete else " (more than the tally, in a partial record)"),
            )


def _votes(ctx: Context) -> Iterator[Finding]:
    # Hot loop (one pass over every vote): normalise each resolution's symbol once, and look at
    # membership only for the few States that have a membership constraint.
    symbols = {
        key: normalize_symbol(res.symbol)
        for key, res in ctx.resolution_by_key.items()
        if res.symbol is not None
    }
    constrained = {
        s.code: s
        for s in ctx.state_by_code.values()
        if s.un_member is False or s.un_member_since is not None
    }
    for i, vote in enumerate(ctx.ds.votes):
        key = (vote.session, vote.forum, vote.record)
        expected = symbols.get(key)
        if (
            expected is not None
            and vote.resolution is not None
            and vote.resolution != expected
            and normalize_symbol(vote.resolution) != expected
        ):
            yield finding(
                "APMBC-VOTE-SYMBOL",
                f"votes[{i}].resolution",
                (vote.state, *res_keys(key)),
                f"vote on {vote.resolution!r}, but the resolution of {roll_call_label(key)} is "
                f"{ctx.resolution_by_key[key].symbol!r}",
            )
        state = constrained.get(vote.state)
        if state is None:
            continue
        res = ctx.resolution_by_key.get(key)
        keys = (vote.state, *res_keys(key))
        reason = None
        if state.un_member is False:
            reason = "is not a UN member"
        elif (
            state.un_member_since is not None
            and res is not None
            and res.date is not None
            and res.date < state.un_member_since
        ):
            reason = (
                f"was admitted to the UN on {state.un_member_since}, after the vote of {res.date}"
            )
        if reason is None:
            continue
        if vote.position is VotePosition.ABSENT:
            yield finding(
                "APMBC-VOTE-NON-MEMBER-ABSENT",
                f"votes[{i}]",
                keys,
                f"{vote.state} {reason}; an absent row for it is not needed",
            )
        else:
            yield finding(
                "APMBC-VOTE-NON-MEMBER",
                f"votes[{i}].position",
                keys,
                f"{vote.state} {reason}, yet the vote is {vote.position.value!r}",
            )
