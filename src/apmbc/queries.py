"""Questions answered in one call: pure functions over a :class:`~apmbc.dataset.Dataset`.

Each is also a method of ``Dataset`` (``ds.votes_by_session("Cuba")``); a State may be given by
any key that ``ds.state()`` accepts, a date as a ``date`` or an ISO string, a forum as a
:class:`~apmbc.models.Forum` or its value. The functions read the dataset through
:class:`Records`, the tables and lookups every ``Dataset`` has.
"""

from __future__ import annotations

import datetime as _dt
import math
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Protocol, TypeVar

import attrs

from apmbc.domain.choices import choice, forum as as_forum
from apmbc.domain.dates import to_date
from apmbc.domain.treaty import BOUND, entry_into_force, status_on, withdrawal_effective
from apmbc.errors import ArgumentError, ArgumentTypeError, UnknownTableError
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
    SourceKind,
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
    def meeting(self, key: str) -> Meeting: ...
    def resolution(self, session: int, forum: Forum | str = ...) -> Resolution: ...


Dataset = Records
"""The dataset type the functions take (any :class:`Records`, such as ``apmbc.Dataset``)."""

F = TypeVar("F", bound="Replaceable")


class Replaceable(Records, Protocol):
    """A dataset that can make a copy of itself with some tables replaced (``apmbc.Dataset``)."""

    def replace(self: F, **changes: Any) -> F: ...


__all__ = [
    "FORMAL_KINDS",
    "SOURCED_TABLES",
    "MeetingAttendance",
    "agreement",
    "attendance",
    "has_attended_as_observer",
    "has_attended_review_conference",
    "meeting_attendance",
    "observer_meetings",
    "parties_on",
    "positions",
    "state_status_on",
    "timeline",
    "votes_by_session",
    "with_source_kinds",
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
    """The State's position on the Convention's resolution in each session, in session order;
    absences included.

    Sessions with no record for that State (before it joined the UN, or a First Committee vote
    whose per-State record is unknown) are left out rather than guessed. Votes in other roll calls
    (a dataset read with ``title_filter=None``) do not count.
    """
    code = _state(ds, state).code
    wanted = as_forum(forum)
    found = {
        v.session: v.position
        for v in ds.votes
        if v.state == code and v.forum is wanted and v.convention
    }
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


FORMAL_KINDS: frozenset[MeetingKind] = frozenset(
    {MeetingKind.MSP, MeetingKind.REVIEW_CONFERENCE, MeetingKind.SPECIAL}
)
"""The formal meetings of the Convention: Meetings of the States Parties, Review Conferences and
Special Meetings (Articles 11 and 12); intersessional and preparatory meetings are not formal."""


def has_attended_as_observer(ds: Dataset, state: State | str) -> bool | None:
    """Whether the State has attended a formal meeting as an observer: ``True``, ``False`` or
    ``None``, like :func:`has_attended_review_conference`.

    ``True`` when a record shows it at a Meeting of the States Parties, a Review Conference or a
    Special Meeting while not bound by the Convention (an attendance whose role is observer or
    not given). ``False`` only when the records settle every formal meeting held so far (up to
    the data's as-of date): at each one the State was either bound (so it could not attend as an
    observer) or recorded absent. ``None`` otherwise: at some meeting where it could have been an
    observer, the records do not say.

    >>> import apmbc
    >>> ds = apmbc.load()
    >>> ds.has_attended_as_observer("Cuba"), ds.has_attended_as_observer("Canada")
    (True, False)
    >>> print(ds.has_attended_as_observer("Iran"))
    None

    Cuba is recorded at several meetings; Canada was a State Party at every formal meeting; Iran
    is recorded absent from some and unrecorded at others.
    """
    record = _state(ds, state)
    formal = [m for m in ds.meetings if m.kind in FORMAL_KINDS]
    codes = {m.code for m in formal}
    facts = [a for a in attendance(ds, record) if a.meeting in codes]
    if any(a.attended and a.role in (None, AttendanceRole.OBSERVER) for a in facts):
        return True
    as_of = ds.metadata.as_of or _dt.date.today()
    absent = {a.meeting for a in facts if not a.attended}
    for meeting in formal:
        if meeting.start is not None and meeting.start > as_of:
            continue  # not held yet
        if meeting.start is not None and status_on(record, meeting.start) in BOUND:
            continue  # a State bound on the day attends as a State Party, not an observer
        if meeting.code not in absent:
            return None
    return False


@attrs.frozen(kw_only=True, repr=False)
class MeetingAttendance:
    """Who the records show at one meeting, among the States not bound on its first day.

    Three groups of ISO alpha-3 codes, each in code order: ``attended`` (a record shows the State
    there), ``absent`` (a record says it was not there) and ``unknown`` (not bound by the
    Convention on the meeting's first day, and no record either way). Sources may disagree: a
    State in both ``attended`` and ``absent`` is listed in :attr:`disputed`. In a notebook the
    object shows as a table with the counts.
    """

    meeting: str
    """The meeting's code."""
    day: _dt.date | None
    """The day the States' status is taken on: the meeting's first day (``None`` if unknown)."""
    not_bound: tuple[str, ...] | None
    """Every State of the dataset not bound on ``day`` (not party, signatory, joining or
    withdrawn); ``None`` when the meeting's date is unknown."""
    attended: tuple[str, ...]
    absent: tuple[str, ...]
    unknown: tuple[str, ...] | None
    """States in :attr:`not_bound` with no attendance record for the meeting; ``None`` when the
    meeting's date, and so who was bound, is unknown."""

    @property
    def disputed(self) -> tuple[str, ...]:
        """States recorded both attending and absent: the sources disagree."""
        return tuple(sorted(set(self.attended) & set(self.absent)))

    def counts(self) -> dict[str, int | None]:
        """The size of each group: ``attended``, ``absent``, ``unknown``, ``disputed``."""
        return {
            "attended": len(self.attended),
            "absent": len(self.absent),
            "unknown": None if self.unknown is None else len(self.unknown),
            "disputed": len(self.disputed),
        }

    def __repr__(self) -> str:
        shown = ", ".join(f"{k}={v}" for k, v in self.counts().items())
        return f"MeetingAttendance(meeting={self.meeting!r}, {shown})"

    def _repr_html_(self) -> str:
        from apmbc.output._display import meeting_attendance_html

        return meeting_attendance_html(self)


def meeting_attendance(ds: Dataset, meeting: Meeting | str) -> MeetingAttendance:
    """What the records say about attendance at ``meeting``: attended, absent and unknown.

    ``unknown`` holds the States not bound by the Convention (:data:`apmbc.domain.treaty.BOUND`)
    on the meeting's first day for which no attendance fact is recorded. Attendance is recorded
    only for States not party, so States Parties are in none of the groups. The States are those
    of the dataset, so ``unknown`` also counts States that did not exist yet on the day (South
    Sudan before July 2011, Montenegro before June 2006): the data holds no dates of
    independence. Raises :class:`~apmbc.errors.UnknownMeetingError` for an unknown meeting.

    >>> import apmbc
    >>> apmbc.load().meeting_attendance("5RC").counts()
    {'attended': 3, 'absent': 0, 'unknown': 30, 'disputed': 0}
    """
    record = meeting if isinstance(meeting, Meeting) else ds.meeting(meeting)
    facts = [a for a in ds.attendances if a.meeting == record.code]
    attended = tuple(sorted({a.state for a in facts if a.attended}))
    absent = tuple(sorted({a.state for a in facts if not a.attended}))
    day = record.start
    not_bound: tuple[str, ...] | None = None
    unknown: tuple[str, ...] | None = None
    if day is not None:
        not_bound = tuple(sorted(s.code for s in ds.states if status_on(s, day) not in BOUND))
        known = {a.state for a in facts}
        unknown = tuple(code for code in not_bound if code not in known)
    return MeetingAttendance(
        meeting=record.code,
        day=day,
        not_bound=not_bound,
        attended=attended,
        absent=absent,
        unknown=unknown,
    )


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
    """Who voted how on the Convention's resolution in one session: every position, each with
    its States in code order."""
    wanted = as_forum(forum)
    ds.resolution(session, wanted)  # raises UnknownResolutionError for a session not in the data
    out: dict[VotePosition, list[State]] = {p: [] for p in VotePosition}
    for vote in ds.votes:
        if vote.session == session and vote.forum is wanted and vote.convention:
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
    dates = {r.roll_call: r for r in ds.resolutions}
    for vote in ds.votes:
        if vote.state == record.code:
            res = dates.get(vote.roll_call)
            if res is not None and res.date is not None:
                label = f"Voted {vote.position.value} ({vote.forum.value}, session {vote.session})"
                add(res.date, EventKind.VOTE, label, res.symbol, vote.sources)
    for stmt in ds.statements:
        if stmt.state != record.code:
            continue
        day = stmt.date
        if day is None and stmt.session is not None and stmt.forum is not None:
            res = dates.get((stmt.session, stmt.forum, None))
            day = res.date if res is not None else None
        text = stmt.text if len(stmt.text) <= 80 else stmt.text[:77] + "..."
        add(day, EventKind.STATEMENT, text, stmt.meeting, stmt.sources)
    events.sort(key=lambda e: (e.date, list(EventKind).index(e.kind)))
    return tuple(events)


# -- filtering by the kind of source --------------------------------------------------------------

SOURCED_TABLES: tuple[str, ...] = (
    "states",
    "meetings",
    "resolutions",
    "votes",
    "attendances",
    "statements",
)
"""The tables whose records carry ``sources``, in the order :func:`with_source_kinds` takes."""


def _kinds(kinds: SourceKind | str | Iterable[SourceKind | str]) -> frozenset[SourceKind]:
    values = [kinds] if isinstance(kinds, (str, SourceKind)) else kinds
    try:
        items = list(values)
    except TypeError:
        raise ArgumentTypeError(
            f"kinds must be a source kind or several, not {type(kinds).__name__}"
        ) from None
    if not items:
        raise ArgumentError("kinds is empty: name at least one source kind")
    return frozenset(choice(SourceKind, k, "source kind") for k in items)


def _tables(tables: str | Iterable[str] | None) -> tuple[str, ...]:
    if tables is None:
        return SOURCED_TABLES
    try:
        names = [tables] if isinstance(tables, str) else list(tables)
    except TypeError:
        raise ArgumentTypeError(
            f"tables must be a table name or several, not {type(tables).__name__}"
        ) from None
    for name in names:
        if name not in SOURCED_TABLES:
            raise UnknownTableError(name, SOURCED_TABLES)
    return tuple(names)


def with_source_kinds(
    ds: F,
    kinds: SourceKind | str | Iterable[SourceKind | str],
    *,
    only: bool = False,
    tables: str | Iterable[str] | None = None,
) -> F:
    """A dataset keeping only the records whose sources are of the given kinds.

    With ``only=False`` a record is kept when at least one of its ``sources`` is of one of
    ``kinds``; with ``only=True`` when every one of them is (a record with no source is then
    never kept): ``only=True`` with ``"news"`` finds the facts that rest on news alone. Only the
    record's own ``sources`` count, not those of its parts (a meeting's president, a State's
    other actions). ``tables`` names the tables to filter (default: all of
    :data:`SOURCED_TABLES`); the others, and the metadata, are kept whole, so that for instance
    filtered votes still find their States. The result is a new dataset; ``ds`` is unchanged.

    ``kinds`` is a :class:`~apmbc.models.SourceKind` or its value (``"news"``), or several.
    Raises :class:`~apmbc.errors.ArgumentError` for an unknown kind and
    :class:`~apmbc.errors.UnknownTableError` for an unknown table.

    >>> import apmbc
    >>> ds = apmbc.load()
    >>> ds.with_source_kinds("news", only=True, tables="votes").votes
    ()
    >>> len(ds.with_source_kinds("un", tables="votes").votes)
    5555
    """
    wanted = _kinds(kinds)
    chosen = _tables(tables)

    def keep(sources: tuple[Source, ...]) -> bool:
        if only:
            return bool(sources) and all(s.kind in wanted for s in sources)
        return any(s.kind in wanted for s in sources)

    changes = {name: tuple(r for r in getattr(ds, name) if keep(r.sources)) for name in chosen}
    return ds.replace(**changes)
