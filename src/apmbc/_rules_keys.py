"""Rules on keys and references: every key is unique, every reference names a record."""

from __future__ import annotations

from collections.abc import Iterator

from apmbc._rules_common import Context, Finding, finding, res_keys
from apmbc.models import Attendance, Forum, Source

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
        first = seen.setdefault((res.session, res.forum), i)
        if first != i:
            yield finding(
                "APMBC-KEY-RESOLUTION",
                f"resolutions[{i}]",
                res_keys(res.session, res.forum),
                f"a second resolution for session {res.session} {res.forum.value} "
                f"(the first is resolutions[{first}])",
            )
    seen = {}
    for i, vote in enumerate(ctx.ds.votes):
        first = seen.setdefault((vote.state, vote.session, vote.forum), i)
        if first != i:
            yield finding(
                "APMBC-KEY-VOTE",
                f"votes[{i}]",
                (vote.state, *res_keys(vote.session, vote.forum)),
                f"a second vote of {vote.state} on session {vote.session} {vote.forum.value} "
                f"(the first is votes[{first}])",
            )


def _attendance_keys(ctx: Context) -> Iterator[Finding]:
    """One fact per State and meeting, unless sources disagree (then a kept disagreement)."""
    first: dict[tuple[str, str], tuple[int, Attendance]] = {}
    by_value: dict[tuple[str, str, bool], int] = {}
    by_sources: dict[tuple[str, str, frozenset[Source]], int] = {}
    for i, fact in enumerate(ctx.ds.attendances):
        keys = (fact.state, fact.meeting)
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
        if (vote.session, vote.forum) not in resolutions:
            yield _no_resolution(f"votes[{i}].session", vote.state, vote.session, vote.forum)
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
            and (stmt.session, stmt.forum) not in resolutions
        ):
            yield _no_resolution(f"statements[{i}].session", stmt.state, stmt.session, stmt.forum)


def _no_resolution(path: str, state: str, session: int, forum: Forum) -> Finding:
    return finding(
        "APMBC-REF-RESOLUTION",
        path,
        (state, *res_keys(session, forum)),
        f"no resolution for session {session} {forum.value}",
    )
