"""Questions answered in one call: pure functions over a :class:`~apmbc.dataset.Dataset`.

Each is also a method of ``Dataset`` (``ds.votes_by_session("Cuba")``); a State may be given by
any key that ``ds.state()`` accepts, a date as a ``date`` or an ISO string, a forum as a
:class:`~apmbc.models.Forum` or its value. The functions read the dataset through
:class:`Records`, the tables and lookups every ``Dataset`` has.
"""

from __future__ import annotations

import datetime as _dt
import math
from collections.abc import Iterator, Sequence
from typing import Protocol, TypeVar

from apmbc.domain.choices import forum as as_forum
from apmbc.domain.dates import to_date
from apmbc.domain.treaty import BOUND, entry_into_force, status_on, withdrawal_effective
from apmbc.models import (
    Attendance,
    AttendanceRole,
    EventKind,
    Forum,
    Meeting,
    MeetingKind,
    Metadata,
    Resolution,
    Source,
    State,
    Statement,
    TimelineEvent,
    TreatyStatus,
    Vote,
    VotePosition,
)

R_co = TypeVar("R_co", covariant=True)


class Lookup(Protocol[R_co]):
    """A table of records that can be iterated and looked up by key (never raising)."""

    def __iter__(self) -> Iterator[R_co]: ...
    def __len__(self) -> int: ...
    def get(self, key: str) -> R_co | None: ...


class Records(Protocol):
    """What the queries read of a dataset: its tables and two lookups."""

    @property
    def metadata(self) -> Metadata: ...
    @property
    def states(self) -> Lookup[State]: ...
    @property
    def meetings(self) -> Lookup[Meeting]: ...
    @property
    def resolutions(self) -> Sequence[Resolution]: ...
    @property
    def votes(self) -> tuple[Vote, ...]: ...
    @property
    def attendances(self) -> tuple[Attendance, ...]: ...
    @property
    def statements(self) -> tuple[Statement, ...]: ...
    def state(self, key: str) -> State: ...
    def resolution(self, session: int, forum: Forum | str = ...) -> Resolution: ...


Dataset = Records
"""The dataset type the functions take (any :class:`Records`, such as ``apmbc.Dataset``)."""

__all__ = [
    "agreement",
    "attendance",
    "has_attended_review_conference",
    "observer_meetings",
    "parties_on",
    "positions",
    "state_status_on",
    "timeline",
    "votes_by_session",
]

_FAR_FUTURE = _dt.date(9999, 12, 31)


def _state(ds: Dataset, state: State | str) -> State:
    return state if isinstance(state, State) else ds.state(state)


def _meeting_start(ds: Dataset, code: str) -> _dt.date:
    meeting = ds.meetings.get(code)
    return meeting.start if meeting is not None and meeting.start else _FAR_FUTURE


def votes_by_session(
    ds: Dataset, state: State | str, forum: Forum | str = Forum.PLENARY
) -> dict[int, VotePosition]:
    """The State's position in each session, in session order; absences included.

    Sessions with no record for that State (before it joined the UN, or a First Committee vote
    whose per-State record is unknown) are left out rather than guessed.
    """
    code = _state(ds, state).code
    wanted = as_forum(forum)
    found = {v.session: v.position for v in ds.votes if v.state == code and v.forum is wanted}
    return dict(sorted(found.items()))


def attendance(ds: Dataset, state: State | str) -> tuple[Attendance, ...]:
    """Every attendance fact about the State, in meeting date order (disagreements kept)."""
    code = _state(ds, state).code
    facts = [a for a in ds.attendances if a.state == code]
    facts.sort(key=lambda a: (_meeting_start(ds, a.meeting), a.meeting, not a.attended))
    return tuple(facts)


def observer_meetings(ds: Dataset, state: State | str) -> tuple[Meeting, ...]:
    """Meetings a record shows the State attended as an observer, in date order."""
    seen: dict[str, Meeting] = {}
    for fact in attendance(ds, state):
        if (
            fact.attended
            and fact.role in (None, AttendanceRole.OBSERVER)
            and fact.meeting not in seen
        ):
            meeting = ds.meetings.get(fact.meeting)
            if meeting is not None:
                seen[fact.meeting] = meeting
    return tuple(sorted(seen.values(), key=lambda m: (m.start or _FAR_FUTURE, m.code)))


def has_attended_review_conference(ds: Dataset, state: State | str) -> bool | None:
    """Whether the State has attended a Review Conference: ``True``, ``False`` or ``None``.

    ``True`` when any record shows it attended one. ``False`` only when it was not a party at
    any Review Conference held so far and a record shows it absent from every one of them.
    ``None`` otherwise: the records do not say (Iran, for instance, is recorded absent from the
    first four but nothing is known of the fifth; a State Party's attendance is not recorded).
    The facts behind the answer are in :func:`attendance`.
    """
    record = _state(ds, state)
    conferences = [m for m in ds.meetings if m.kind is MeetingKind.REVIEW_CONFERENCE]
    facts = [a for a in attendance(ds, record) if a.meeting in {m.code for m in conferences}]
    if any(a.attended for a in facts):
        return True
    as_of = ds.metadata.as_of or _dt.date.today()
    held = [m for m in conferences if m.start is not None and m.start <= as_of]
    if not held:
        return None
    absent = {a.meeting for a in facts if not a.attended}
    for meeting in held:
        assert meeting.start is not None
        if status_on(record, meeting.start) in BOUND or meeting.code not in absent:
            return None
    return False


def state_status_on(ds: Dataset, state: State | str, when: _dt.date | str) -> TreatyStatus:
    """The State's status on a date by Articles 17 and 20 (see :mod:`apmbc.domain.treaty`)."""
    return status_on(_state(ds, state), to_date(when))


def parties_on(ds: Dataset, when: _dt.date | str) -> tuple[State, ...]:
    """The States for which the Convention was in force on a date, in code order.

    A State whose withdrawal is notified but not yet effective is still bound, so it is counted.
    """
    day = to_date(when)
    return tuple(s for s in ds.states if status_on(s, day) in BOUND)


def positions(
    ds: Dataset, session: int, forum: Forum | str = Forum.PLENARY
) -> dict[VotePosition, tuple[State, ...]]:
    """Who voted how in one session: every position, each with its States in code order."""
    wanted = as_forum(forum)
    ds.resolution(session, wanted)  # raises UnknownResolutionError for a session not in the data
    out: dict[VotePosition, list[State]] = {p: [] for p in VotePosition}
    for vote in ds.votes:
        if vote.session == session and vote.forum is wanted:
            record = ds.states.get(vote.state)
            if record is not None:
                out[vote.position].append(record)
    return {p: tuple(sorted(states, key=lambda s: s.code)) for p, states in out.items()}


def agreement(
    ds: Dataset, state_a: State | str, state_b: State | str, forum: Forum | str = Forum.PLENARY
) -> float:
    """Share of the sessions in which both States voted (yes, no or abstain) with the same vote.

    Returns ``nan`` when they never both voted.
    """
    a = votes_by_session(ds, state_a, forum)
    b = votes_by_session(ds, state_b, forum)
    common = [s for s in a if s in b and VotePosition.ABSENT not in (a[s], b[s])]
    if not common:
        return math.nan
    return sum(a[s] is b[s] for s in common) / len(common)


def timeline(ds: Dataset, state: State | str) -> tuple[TimelineEvent, ...]:
    """Every dated event of a State, in date order.

    Signature, deposit, entry into force (as stated, or by Article 17), withdrawal, other dated
    actions, meetings a record shows it attended, its votes (dated by the resolution), and its
    statements (dated by their own date, or by the vote they explain).
    """
    record = _state(ds, state)
    events: list[TimelineEvent] = []
    day: _dt.date | None

    def add(
        day: _dt.date | None,
        kind: EventKind,
        text: str,
        ref: str | None = None,
        src: tuple[Source, ...] = (),
    ) -> None:
        if day is not None:
            events.append(
                TimelineEvent(date=day, kind=kind, description=text, reference=ref, sources=src)
            )

    add(record.signed, EventKind.SIGNATURE, "Signed the Convention", None, record.sources)
    if record.deposited is not None:
        method = record.deposit_method.value if record.deposit_method else "instrument"
        add(record.deposited, EventKind.DEPOSIT, f"Deposited its {method}", None, record.sources)
    how = "as stated" if record.entry_into_force is not None else "Article 17"
    add(entry_into_force(record), EventKind.ENTRY_INTO_FORCE, f"Entry into force ({how})")
    add(record.withdrawal_notified, EventKind.WITHDRAWAL_NOTIFIED, "Notified its withdrawal")
    how = "as stated" if record.withdrawal_effective is not None else "Article 20"
    add(
        withdrawal_effective(record),
        EventKind.WITHDRAWAL_EFFECTIVE,
        f"Withdrawal effective ({how})",
    )
    for action in record.other_actions:
        add(action.date, EventKind.ACTION, action.description, None, action.sources)
    for meeting in observer_meetings(ds, record):
        add(
            meeting.start,
            EventKind.ATTENDANCE,
            f"Attended {meeting.name} as observer",
            meeting.code,
        )
    dates = {(r.session, r.forum): r for r in ds.resolutions}
    for vote in ds.votes:
        if vote.state == record.code:
            res = dates.get((vote.session, vote.forum))
            if res is not None and res.date is not None:
                label = f"Voted {vote.position.value} ({vote.forum.value}, session {vote.session})"
                add(res.date, EventKind.VOTE, label, res.symbol, vote.sources)
    for stmt in ds.statements:
        if stmt.state != record.code:
            continue
        day = stmt.date
        if day is None and stmt.session is not None and stmt.forum is not None:
            res = dates.get((stmt.session, stmt.forum))
            day = res.date if res is not None else None
        text = stmt.text if len(stmt.text) <= 80 else stmt.text[:77] + "..."
        add(day, EventKind.STATEMENT, text, stmt.meeting, stmt.sources)
    events.sort(key=lambda e: (e.date, list(EventKind).index(e.kind)))
    return tuple(events)
