"""Rules on meetings: dates, the numbering of MSPs and Review Conferences, observers."""

from __future__ import annotations

from collections.abc import Iterator

from apmbc.domain.treaty import BOUND, status_on
from apmbc.models import AttendanceRole, MeetingKind
from apmbc.validation._findings import Context, Finding, finding

__all__ = ["check"]

_RC_YEARS = range(4, 7)
"""Review Conferences are held every five years (Article 12), give or take one."""

_LABEL = {MeetingKind.MSP: "MSP", MeetingKind.REVIEW_CONFERENCE: "Review Conference"}
_CODE = {
    MeetingKind.MSP: "APMBC-MSP-NUMBERING",
    MeetingKind.REVIEW_CONFERENCE: "APMBC-RC-NUMBERING",
}


def check(ctx: Context) -> Iterator[Finding]:
    """Findings on meeting dates, numbering, Review Conference intervals and observers."""
    for i, meeting in enumerate(ctx.meetings):
        if meeting.start is not None and meeting.end is not None and meeting.start > meeting.end:
            yield finding(
                "APMBC-MEETING-DATES",
                f"meetings[{i}].end",
                (meeting.code,),
                f"ends {meeting.end}, before it starts on {meeting.start}",
            )
    yield from _numbering(ctx, MeetingKind.MSP)
    yield from _numbering(ctx, MeetingKind.REVIEW_CONFERENCE)
    yield from _review_intervals(ctx)
    yield from _observers(ctx)


def _numbering(ctx: Context, kind: MeetingKind) -> Iterator[Finding]:
    code, label = _CODE[kind], _LABEL[kind]
    numbered = sorted(
        (m.number, i) for i, m in enumerate(ctx.meetings) if m.kind is kind and m.number is not None
    )
    expected = 1
    first_of: dict[int, int] = {}
    for number, i in numbered:
        meeting = ctx.meetings[i]
        path = f"meetings[{i}].number"
        if number in first_of:
            yield finding(
                code,
                path,
                (meeting.code,),
                f"{label} number {number} is also the number of meetings[{first_of[number]}]",
            )
            continue
        first_of[number] = i
        if number < 1:
            yield finding(
                code, path, (meeting.code,), f"{label} number {number}: numbers start at 1"
            )
            continue
        if number > expected:
            missing = str(expected) if number == expected + 1 else f"{expected} to {number - 1}"
            yield finding(
                code,
                path,
                (meeting.code,),
                f"{label} number {number}, but no {label} numbered {missing}",
            )
        expected = number + 1


def _review_intervals(ctx: Context) -> Iterator[Finding]:
    by_number: dict[int, int] = {}
    for i, m in enumerate(ctx.meetings):
        if m.kind is MeetingKind.REVIEW_CONFERENCE and m.number is not None and m.start:
            by_number.setdefault(m.number, i)
    for number, i in sorted(by_number.items()):
        before = by_number.get(number - 1)
        if before is None:
            continue
        later, earlier = ctx.meetings[i], ctx.meetings[before]
        assert later.start is not None
        assert earlier.start is not None
        years = later.start.year - earlier.start.year
        if years not in _RC_YEARS:
            yield finding(
                "APMBC-RC-INTERVAL",
                f"meetings[{i}].start",
                (earlier.code, later.code),
                f"{later.code} starts in {later.start.year}, {years} year(s) after {earlier.code} "
                f"({earlier.start.year}); Review Conferences are five years apart",
            )


def _observers(ctx: Context) -> Iterator[Finding]:
    for i, fact in enumerate(ctx.ds.attendances):
        if fact.role is not AttendanceRole.OBSERVER or not fact.attended:
            continue
        meeting = ctx.meeting_by_code.get(fact.meeting)
        state = ctx.state_by_code.get(fact.state)
        if meeting is None or state is None or meeting.start is None:
            continue
        status = status_on(state, meeting.start)
        if status in BOUND:
            yield finding(
                "APMBC-OBSERVER-PARTY",
                f"attendances[{i}].role",
                (fact.state, fact.meeting),
                f"{fact.state} attended {fact.meeting} as an observer, but its dates make it "
                f"{status.value!r} on {meeting.start}",
            )
