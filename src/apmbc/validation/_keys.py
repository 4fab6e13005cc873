"""Rules on keys and references: every key is unique, every reference names a record."""

from __future__ import annotations

from collections.abc import Iterator

from apmbc.models import Attendance, Forum, Source
from apmbc.validation._findings import Context, Finding, finding, res_keys, roll_call_label

__all__ = ["check"]


def check(ctx: Context) -> Iterator[Finding]:
    """Findings on unique keys and resolvable references."""
    yield from _unique_keys(ctx)
    yield from _attendance_keys(ctx)
    yield from _references(ctx)


def _unique_keys(ctx: Context) -> Iterator[Finding]:
    seen: dict[object, int] = {}
    for i, state in enumerate(ctx.states):
        first = seen.setdefault(state.code, i)
        if first != i:
            yield finding(
                "APMBC-KEY-STATE",
                f"states[{i}].code",
                (state.code,),
                f"State code {state.code!r} is also the code of states[{first}]",
            )
    seen = {}
    for i, meeting in enumerate(ctx.meetings):
        first = seen.setdefault(meeting.code, i)
        if first != i:
            yield finding(
                "APMBC-KEY-MEETING",
                f"meetings[{i}].code",
                (meeting.code,),
                f"meeting code {meeting.code!r} is also the code of meetings[{first}]",
            )
    seen = {}
    for i, res in enumerate(ctx.resolutions):
        key = res.roll_call
        if not res.convention and res.record is None:
            yield finding(
                "APMBC-RES-RECORD",
                f"resolutions[{i}].record",
                res_keys(key),
                "a roll call other than the Convention's resolution needs a record id (its UN "
                "Digital Library record, or another data set's id) to be told from the others",
            )
            continue
        first = seen.setdefault(key, i)
        if first != i:
            what = (
                f"a second resolution for session {res.session} {res.forum.value}"
                if key[2] is None
                else f"a second roll call with record {key[2]!r}"
            )
            yield finding(
                "APMBC-KEY-RESOLUTION",
                f"resolutions[{i}]",
                res_keys(key),
                f"{what} (the first is resolutions[{first}])",
            )
    yield from _unique_votes(ctx)


def _unique_votes(ctx: Context) -> Iterator[Finding]:
    """One vote per State and roll call.

    Votes are the largest table, so each (State, roll call) pair is numbered as one integer
    (States and roll calls by number) in a set: memory and time stay linear in the number of
    votes, and the integers are not objects the garbage collector scans. The first vote of a
    repeated pair is looked up afterwards.
    """
    state_number: dict[str, int] = {}
    call_number: dict[tuple[int, Forum, str | None], int] = {}
    seen: set[int] = set()
    repeated: list[int] = []
    last_key: tuple[int, Forum, str | None] | None = None
    last_number = 0
    for i, vote in enumerate(ctx.ds.votes):
        key = (vote.session, vote.forum, vote.record)
        if key != last_key:
            found = call_number.get(key)
            if found is None:
                found = call_number[key] = len(call_number)
            last_key, last_number = key, found
        n = state_number.get(vote.state)
        if n is None:
            n = state_number[vote.state] = len(state_number)
        pair = (last_number << 32) | n  # fewer than 2**32 States fit in memory anyway
        if pair in seen:
            repeated.append(i)
        seen.add(pair)
    if not repeated:
        return
    votes = ctx.ds.votes
    wanted = {(votes[i].state, votes[i].roll_call) for i in repeated}
    first: dict[tuple[str, tuple[int, Forum, str | None]], int] = {}
    for i, vote in enumerate(votes):
        pair_key = (vote.state, vote.roll_call)
        if pair_key in wanted:
            first.setdefault(pair_key, i)
    for i in repeated:
        vote = votes[i]
        yield finding(
            "APMBC-KEY-VOTE",
            f"votes[{i}]",
            (vote.state, *res_keys(vote.roll_call)),
            f"a second vote of {vote.state} in {roll_call_label(vote.roll_call)} "
            f"(the first is votes[{first[(vote.state, vote.roll_call)]}])",
        )


def _attendance_keys(ctx: Context) -> Iterator[Finding]:
    """One fact per State and meeting, unless sources disagree (then a kept disagreement)."""
    # One cheap pass finds the State-meeting pairs stated more than once; only their facts are
    # compared in detail (by value and by sources).
    attendances = ctx.ds.attendances
    seen: dict[tuple[str, str], int] = {}
    repeated: set[tuple[str, str]] = set()
    for i, fact in enumerate(attendances):
        if seen.setdefault((fact.state, fact.meeting), i) != i:
            repeated.add((fact.state, fact.meeting))
    if not repeated:
        return
    first: dict[tuple[str, str], tuple[int, Attendance]] = {}
    by_value: dict[tuple[str, str, bool], int] = {}
    by_sources: dict[tuple[str, str, frozenset[Source]], int] = {}
    for i, fact in enumerate(attendances):
        keys = (fact.state, fact.meeting)
        if keys not in repeated:
            continue
        sources = frozenset(fact.sources)
        earliest = first.setdefault(keys, (i, fact))
        same = by_value.setdefault((*keys, fact.attended), i)
        alike = by_sources.setdefault((*keys, sources), i)
        if earliest[0] == i:
            continue
        what = f"{fact.state} at {fact.meeting}: attended={fact.attended}"
        if same != i:
            yield finding(
                "APMBC-KEY-ATTENDANCE",
                f"attendances[{i}]",
                keys,
                f"{what} is already stated by attendances[{same}]; merge the sources into one fact",
            )
        elif alike != i:
            yield finding(
                "APMBC-KEY-ATTENDANCE",
                f"attendances[{i}]",
                keys,
                f"{what} contradicts attendances[{alike}], which has the same sources; "
                "a disagreement must come from different sources",
            )
        else:
            j, other = earliest
            yield finding(
                "APMBC-ATT-DISAGREE",
                f"attendances[{i}]",
                keys,
                f"{what} per this source, attended={other.attended} per attendances[{j}]; "
                "both facts are kept",
            )


def _references(ctx: Context) -> Iterator[Finding]:
    states = ctx.state_by_code
    meetings = ctx.meeting_by_code
    resolutions = ctx.resolution_by_key

    def no_state(path: str, code: str, what: str) -> Finding:
        return finding("APMBC-REF-STATE", path, (code,), f"{what} {code!r} is not a State code")

    for i, meeting in enumerate(ctx.meetings):
        if meeting.country is not None and meeting.country not in states:
            yield no_state(f"meetings[{i}].country", meeting.country, "host country")
        president = meeting.president
        if president is not None and president.state is not None and president.state not in states:
            yield no_state(f"meetings[{i}].president.state", president.state, "president's State")
        if meeting.for_meeting is not None and meeting.for_meeting not in meetings:
            yield finding(
                "APMBC-REF-MEETING",
                f"meetings[{i}].for_meeting",
                (meeting.code, meeting.for_meeting),
                f"prepares {meeting.for_meeting!r}, which is not a meeting code",
            )
    for i, vote in enumerate(ctx.ds.votes):
        if vote.state not in states:
            yield no_state(f"votes[{i}].state", vote.state, "voter")
        key = (vote.session, vote.forum, vote.record)
        if key not in resolutions:
            where = "record" if vote.record is not None else "session"
            yield _no_resolution(f"votes[{i}].{where}", vote.state, key)
    for i, fact in enumerate(ctx.ds.attendances):
        if fact.state not in states:
            yield no_state(f"attendances[{i}].state", fact.state, "attendee")
        if fact.meeting not in meetings:
            yield finding(
                "APMBC-REF-MEETING",
                f"attendances[{i}].meeting",
                (fact.state, fact.meeting),
                f"{fact.meeting!r} is not a meeting code",
            )
    for i, stmt in enumerate(ctx.ds.statements):
        if stmt.state not in states:
            yield no_state(f"statements[{i}].state", stmt.state, "speaker State")
        if stmt.meeting is not None and stmt.meeting not in meetings:
            yield finding(
                "APMBC-REF-MEETING",
                f"statements[{i}].meeting",
                (stmt.state, stmt.meeting),
                f"{stmt.meeting!r} is not a meeting code",
            )
        if (
            stmt.session is not None
            and stmt.forum is not None
            and (stmt.session, stmt.forum, None) not in resolutions
        ):
            key = (stmt.session, stmt.forum, None)
            yield _no_resolution(f"statements[{i}].session", stmt.state, key)


def _no_resolution(path: str, state: str, key: tuple[int, Forum, str | None]) -> Finding:
    return finding(
        "APMBC-REF-RESOLUTION",
        path,
        (state, *res_keys(key)),
        f"no resolution for {roll_call_label(key)}",
    )
