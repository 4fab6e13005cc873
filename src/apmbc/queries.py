"""Questions answered in one call: pure functions over a :class:`~apmbc.dataset.Dataset`.

Each is also a method of ``Dataset`` (``ds.votes_by_session("Cuba")``); a State may be given by
any key that ``ds.state()`` accepts, a date as a ``date`` or an ISO string, a forum as a
:class:`~apmbc.models.Forum` or its value. The functions read the dataset through
:class:`Records`, the tables and lookups every ``Dataset`` has.

The questions about votes (:func:`votes_by_session`, :func:`positions`, :func:`agreement`,
:func:`agreement_details`, :func:`convention_votes`) and :func:`timeline` take a period as
keyword arguments: ``sessions=`` (a session number, a ``range`` or any iterable of them) or
``start=`` / ``end=`` (dates, both included, either left open). :class:`Period` says how each
selects.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import math
import os
import sys
import threading
import warnings
from collections.abc import Iterable, Iterator, Sequence
from types import FrameType
from typing import Any, Literal, Protocol, TypeVar, overload

import attrs

from apmbc.domain.calendar import session_of_date, year_of_session
from apmbc.domain.choices import choice, forum as as_forum
from apmbc.domain.dates import to_date
from apmbc.domain.treaty import (
    BOUND,
    OPENED_FOR_SIGNATURE,
    entry_into_force,
    status_change_days,
    status_on,
    withdrawal_effective,
)
from apmbc.errors import (
    ApmbcError,
    ArgumentError,
    ArgumentTypeError,
    StaleDataWarning,
    UnknownTableError,
)
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
    "MEASURES",
    "SOURCED_TABLES",
    "VOETEN_SCORES",
    "Agreement",
    "MeetingAttendance",
    "Period",
    "agreement",
    "agreement_details",
    "attendance",
    "change_days",
    "convention_votes",
    "has_attended_as_observer",
    "has_attended_review_conference",
    "meeting_attendance",
    "newest_date",
    "observer_meetings",
    "parties_days",
    "parties_on",
    "positions",
    "reset_stale_warnings",
    "resolution_sessions",
    "stale_message",
    "state_status_on",
    "status_counts",
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


# -- periods: which roll calls a question looks at ------------------------------------------------

Sessions = int | Iterable[int] | None
"""What ``sessions=`` takes: a session number, a ``range`` or an iterable of session numbers."""
DateArg = _dt.date | str | None
"""What ``start=`` and ``end=`` take: a ``date``, a date string (see
:func:`apmbc.domain.dates.to_date`) or ``None`` (no bound)."""


def _session_set(sessions: int | Iterable[int]) -> range | frozenset[int]:
    if isinstance(sessions, range):
        if len(sessions) == 0:
            raise ArgumentError(f"sessions is empty: {sessions!r} holds no session")
        year_of_session(sessions[0])  # the domain's check of a session number
        year_of_session(sessions[-1])
        return sessions
    if isinstance(sessions, int) and not isinstance(sessions, bool):
        year_of_session(sessions)
        return frozenset({sessions})
    if isinstance(sessions, (str, bytes)) or not isinstance(sessions, Iterable):
        raise ArgumentTypeError(
            "sessions must be a session number, a range or an iterable of session numbers, "
            f"not {type(sessions).__name__}"
        )
    found = frozenset(sessions)
    for session in found:
        year_of_session(session)
    if not found:
        raise ArgumentError("sessions is empty: name at least one session")
    return found


@attrs.frozen(kw_only=True)
class Period:
    """Which of the Convention's roll calls a question looks at, from its ``sessions=``,
    ``start=`` and ``end=`` arguments (:meth:`of` checks them).

    - ``sessions=``: the votes of those sessions.
    - ``start=`` / ``end=``: the votes taken between the two dates, both included (either may
      be left open). A vote is dated by its roll call (:attr:`Resolution.date
      <apmbc.models.Resolution.date>`, the date the tables show). Where the dataset does not
      know that date (most First Committee votes), only the vote's year is known: the Assembly
      votes on the annual resolution in the autumn its session opens
      (:func:`~apmbc.domain.calendar.year_of_session`). Such a vote is kept when that whole year
      lies between the bounds; a bound inside the year leaves it out, since apmbc does not
      guess the day. Year-long bounds (``start="2010-01-01", end="2019-12-31"``) never cut a
      year.
    - neither: every vote.

    Giving both ``sessions=`` and a date is an :class:`~apmbc.errors.ArgumentError`.

    For the events of a :func:`timeline` the dates are the events' own; with ``sessions=`` a
    vote counts in its session and any other event in the session sitting on its date
    (:func:`~apmbc.domain.calendar.session_of_date`: from 1 September of ``1945 + N``).
    """

    sessions: range | frozenset[int] | None = None
    start: _dt.date | None = None
    end: _dt.date | None = None

    @classmethod
    def of(cls, sessions: Sessions = None, start: DateArg = None, end: DateArg = None) -> Period:
        """The period the arguments name, checked.

        Raises :class:`~apmbc.errors.ArgumentError` for both sessions and dates, no session, a
        session that does not exist, a date that is not one, or a start after the end; and
        :class:`~apmbc.errors.ArgumentTypeError` for a value of the wrong type.

        >>> Period.of(sessions=range(70, 80))
        Period(sessions=range(70, 80), start=None, end=None)
        >>> Period.of(start="2010-01-01", end="31 December 2019").end
        datetime.date(2019, 12, 31)
        """
        if sessions is not None and (start is not None or end is not None):
            raise ArgumentError("give sessions= or start=/end=, not both")
        first = None if start is None else to_date(start)
        last = None if end is None else to_date(end)
        if first is not None and last is not None and first > last:
            raise ArgumentError(f"start {first.isoformat()} is after end {last.isoformat()}")
        chosen = None if sessions is None else _session_set(sessions)
        return cls(sessions=chosen, start=first, end=last)

    @property
    def dated(self) -> bool:
        """Whether the period is bounded by dates (so that votes need their dates)."""
        return self.start is not None or self.end is not None

    def _within(self, day: _dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    def keeps(self, session: int, day: _dt.date | None) -> bool:
        """Whether the period keeps a vote of ``session`` taken on ``day`` (``None``: unknown)."""
        if self.sessions is not None:
            return session in self.sessions
        if not self.dated:
            return True
        if day is not None:
            return self._within(day)
        try:
            year = year_of_session(session)
        except ApmbcError:  # not a session: it lies in no period
            return False
        return self._within(_dt.date(year, 1, 1)) and self._within(_dt.date(year, 12, 31))

    def keeps_event(self, day: _dt.date, session: int | None = None) -> bool:
        """Whether the period keeps an event dated ``day``; ``session`` is the session of a vote
        (else the session sitting on ``day`` counts)."""
        if self.sessions is None:
            return self._within(day)
        if session is None:
            try:
                session = session_of_date(day)
            except ApmbcError:  # before the first session
                return False
        return session in self.sessions


def _convention_dates(ds: Dataset, forum: Forum) -> dict[int, _dt.date | None]:
    return {r.session: r.date for r in ds.resolutions if r.forum is forum and r.convention}


def _votes(ds: Dataset, forum: Forum, period: Period) -> list[Vote]:
    dates = _convention_dates(ds, forum) if period.dated else {}
    return [
        v
        for v in ds.votes
        if v.forum is forum and v.convention and period.keeps(v.session, dates.get(v.session))
    ]


def convention_votes(
    ds: Dataset,
    forum: Forum | str = Forum.PLENARY,
    *,
    sessions: Sessions = None,
    start: DateArg = None,
    end: DateArg = None,
) -> tuple[Vote, ...]:
    """Every State's vote on the Convention's resolution in ``forum``, in the period (see
    :class:`Period`), in the dataset's order; absences included.

    Votes in other roll calls (a dataset read with ``title_filter=None``) are not among them.
    Every question about votes in this module reads the votes through this selection.

    >>> import apmbc
    >>> votes = convention_votes(apmbc.load(), sessions=77)
    >>> len(votes), sorted({v.session for v in votes})
    (193, [77])
    """
    return tuple(_votes(ds, as_forum(forum), Period.of(sessions, start, end)))


def _resolution_sessions(ds: Dataset, forum: Forum, period: Period) -> list[int]:
    kept = {
        r.session
        for r in ds.resolutions
        if r.forum is forum and r.convention and period.keeps(r.session, r.date)
    }
    return sorted(kept)


def resolution_sessions(
    ds: Dataset,
    forum: Forum | str = Forum.PLENARY,
    *,
    sessions: Sessions = None,
    start: DateArg = None,
    end: DateArg = None,
) -> tuple[int, ...]:
    """The sessions in which the dataset holds the Convention's resolution in ``forum``, among
    those the period keeps (see :class:`Period`), in order.

    >>> import apmbc
    >>> resolution_sessions(apmbc.load(), start="2020-01-01", end="2022-12-31")
    (75, 76, 77)
    """
    return tuple(_resolution_sessions(ds, as_forum(forum), Period.of(sessions, start, end)))


def votes_by_session(
    ds: Dataset,
    state: State | str,
    forum: Forum | str = Forum.PLENARY,
    *,
    sessions: Sessions = None,
    start: DateArg = None,
    end: DateArg = None,
) -> dict[int, VotePosition]:
    """The State's position on the Convention's resolution in each session of the period (see
    :class:`Period`; default: every session), in session order; absences included.

    Sessions with no record for that State (before it joined the UN, or a First Committee vote
    whose per-State record is unknown) are left out rather than guessed. Votes in other roll calls
    (a dataset read with ``title_filter=None``) do not count.

    >>> import apmbc
    >>> finland = apmbc.load().votes_by_session("Finland", sessions=range(78, 81))
    >>> {session: str(position) for session, position in finland.items()}
    {78: 'yes', 79: 'yes', 80: 'abstain'}
    """
    code = _state(ds, state).code
    period = Period.of(sessions, start, end)
    found = {v.session: v.position for v in _votes(ds, as_forum(forum), period) if v.state == code}
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
    State in both ``attended`` and ``absent`` is listed in :attr:`disputed`. A record about a
    State bound on that day (a State Party's attendance) is in none of the three groups but in
    :attr:`parties_attended` or :attr:`parties_absent`. When the meeting's date is unknown, who
    was bound cannot be told, and every record is in ``attended`` or ``absent``. In a notebook
    the object shows as a table with the counts.
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
    parties_attended: tuple[str, ...] = ()
    """States bound by the Convention on :attr:`day` that a record shows attending."""
    parties_absent: tuple[str, ...] = ()
    """States bound by the Convention on :attr:`day` that a record says were not there."""

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
    on the meeting's first day for which no attendance fact is recorded. The bundled data
    records attendance only for States not party; a record about a State bound on the day is
    kept apart, in ``parties_attended`` or ``parties_absent``. The States are those
    of the dataset, so ``unknown`` also counts States that did not exist yet on the day (South
    Sudan before July 2011, Montenegro before June 2006): the data holds no dates of
    independence. Raises :class:`~apmbc.errors.UnknownMeetingError` for an unknown meeting.

    >>> import apmbc
    >>> apmbc.load().meeting_attendance("5RC").counts()
    {'attended': 3, 'absent': 0, 'unknown': 30, 'disputed': 0}
    """
    record = meeting if isinstance(meeting, Meeting) else ds.meeting(meeting)
    facts = [a for a in ds.attendances if a.meeting == record.code]
    attended = {a.state for a in facts if a.attended}
    absent = {a.state for a in facts if not a.attended}
    day = record.start
    not_bound: tuple[str, ...] | None = None
    unknown: tuple[str, ...] | None = None
    bound: set[str] = set()
    if day is not None:
        not_bound = tuple(sorted(s.code for s in ds.states if status_on(s, day) not in BOUND))
        # A fact about a code the dataset holds no State for cannot be told bound: it stays.
        recorded = attended | absent
        bound = {s.code for s in ds.states if s.code in recorded} - set(not_bound)
        known = {a.state for a in facts}
        unknown = tuple(code for code in not_bound if code not in known)
    return MeetingAttendance(
        meeting=record.code,
        day=day,
        not_bound=not_bound,
        attended=tuple(sorted(attended - bound)),
        absent=tuple(sorted(absent - bound)),
        unknown=unknown,
        parties_attended=tuple(sorted(attended & bound)),
        parties_absent=tuple(sorted(absent & bound)),
    )


# -- where the data ends -------------------------------------------------------------------------

_STALE_LOCK = threading.Lock()
_STALE_SEEN: set[tuple[str, _dt.date]] = set()
_PACKAGE = os.path.dirname(os.path.abspath(__file__)) + os.sep


def stale_message(metadata: Metadata, day: _dt.date) -> str | None:
    """What :class:`~apmbc.errors.StaleDataWarning` says of a question about ``day``: ``None``
    when ``day`` is within the record (on or before ``metadata.as_of``, or the as-of date is
    unknown), else a sentence naming the as-of date.

    >>> import datetime
    >>> meta = Metadata(data_version="2026.12.01", as_of=datetime.date(2026, 12, 1))
    >>> stale_message(meta, datetime.date(2026, 12, 1)) is None
    True
    >>> print(stale_message(meta, datetime.date(2027, 3, 1)))  # doctest: +NORMALIZE_WHITESPACE
    2027-03-01 is after 2026-12-01, the as-of date of data 2026.12.01:
    the answer assumes that nothing changed after it
    """
    as_of = metadata.as_of
    if as_of is None or day <= as_of:
        return None
    return (
        f"{day.isoformat()} is after {as_of.isoformat()}, the as-of date of data "
        f"{metadata.data_version}: the answer assumes that nothing changed after it"
    )


def _outside_apmbc() -> int:
    """The ``stacklevel`` that points a warning at the first caller outside apmbc."""
    level = 1
    frame: FrameType | None = sys._getframe(1)
    while frame is not None and frame.f_code.co_filename.startswith(_PACKAGE):
        frame = frame.f_back
        level += 1
    return level


def _warn_if_stale(ds: Dataset, day: _dt.date) -> None:
    """Warn :class:`~apmbc.errors.StaleDataWarning` if ``day`` is after the data's as-of date,
    once per process for each dataset (data version and as-of date)."""
    metadata = ds.metadata
    message = stale_message(metadata, day)
    if message is None:
        return
    assert metadata.as_of is not None  # stale_message gives a message only with an as-of date
    key = (metadata.data_version, metadata.as_of)
    with _STALE_LOCK:
        if key in _STALE_SEEN:
            return
        _STALE_SEEN.add(key)
    warnings.warn(message, StaleDataWarning, stacklevel=_outside_apmbc())


def reset_stale_warnings() -> None:
    """Forget which datasets have warned :class:`~apmbc.errors.StaleDataWarning`, so that the
    next question after a dataset's as-of date warns again (for tests, and for each run of the
    command line)."""
    with _STALE_LOCK:
        _STALE_SEEN.clear()


def state_status_on(ds: Dataset, state: State | str, when: _dt.date | str) -> TreatyStatus:
    """The State's status on a date by Articles 17 and 20 (see :mod:`apmbc.domain.treaty`).

    A date after the data's as-of date is answered from the facts known then, with a
    :class:`~apmbc.errors.StaleDataWarning` (once per process for each dataset).
    """
    record = _state(ds, state)
    day = to_date(when)
    _warn_if_stale(ds, day)
    return status_on(record, day)


def parties_on(ds: Dataset, when: _dt.date | str) -> tuple[State, ...]:
    """The States for which the Convention was in force on a date, in code order.

    A State whose withdrawal is notified but not yet effective is still bound, so it is counted.
    A date after the data's as-of date is answered from the facts known then, with a
    :class:`~apmbc.errors.StaleDataWarning` (once per process for each dataset).
    """
    day = to_date(when)
    _warn_if_stale(ds, day)
    return tuple(s for s in ds.states if status_on(s, day) in BOUND)


_Positions = dict[VotePosition, tuple[State, ...]]


@overload
def positions(ds: Dataset, session: int, forum: Forum | str = ...) -> _Positions: ...


@overload
def positions(
    ds: Dataset,
    session: None = None,
    forum: Forum | str = ...,
    *,
    sessions: Sessions = None,
    start: DateArg = None,
    end: DateArg = None,
) -> dict[int, _Positions]: ...


def positions(
    ds: Dataset,
    session: int | None = None,
    forum: Forum | str = Forum.PLENARY,
    *,
    sessions: Sessions = None,
    start: DateArg = None,
    end: DateArg = None,
) -> _Positions | dict[int, _Positions]:
    """Who voted how on the Convention's resolution: every position, each with its States in
    code order.

    With a ``session``, the positions of that session (an
    :class:`~apmbc.errors.UnknownResolutionError` when the dataset has no resolution for it).
    Without one, a dictionary from each session of the period (see :class:`Period`; default:
    every session) in which the dataset holds the resolution, in order, to its positions.

    >>> import apmbc
    >>> by_session = apmbc.load().positions(sessions=[78, 80])
    >>> {s: len(p[apmbc.VotePosition.NO]) for s, p in by_session.items()}
    {78: 1, 80: 1}
    """
    return _positions(ds, session, forum, Period.of(sessions, start, end))


def _positions(
    ds: Dataset, session: int | None, forum: Forum | str, period: Period
) -> _Positions | dict[int, _Positions]:
    wanted = as_forum(forum)
    if session is not None:
        if period != Period():
            raise ArgumentError("give one session, or sessions=/start=/end=, not both")
        ds.resolution(session, wanted)  # raises UnknownResolutionError for a session not held
        return _positions_in(ds, [session], wanted)[session]
    return _positions_in(ds, _resolution_sessions(ds, wanted, period), wanted)


def _positions_in(ds: Dataset, sessions: Iterable[int], forum: Forum) -> dict[int, _Positions]:
    out: dict[int, dict[VotePosition, list[State]]] = {
        s: {p: [] for p in VotePosition} for s in sessions
    }
    for vote in ds.votes:
        if vote.session in out and vote.forum is forum and vote.convention:
            record = ds.states.get(vote.state)
            if record is not None:
                out[vote.session][vote.position].append(record)
    return {
        s: {p: tuple(sorted(states, key=lambda r: r.code)) for p, states in by_position.items()}
        for s, by_position in sorted(out.items())
    }


Measure = Literal["identical", "voeten"]
"""How :func:`agreement` measures two States' agreement (see :data:`MEASURES`)."""

MEASURES: dict[str, str] = {
    "identical": "the share of sessions compared in which the two States voted the same way",
    "voeten": "1 minus the mean distance between the two votes, scored yes 1, abstain 0.5, no 0 "
    "(abstaining is half agreement with a yes or a no)",
}
"""The measures :func:`agreement` offers, each with what it computes."""

VOETEN_SCORES: dict[VotePosition, float] = {
    VotePosition.YES: 1.0,
    VotePosition.ABSTAIN: 0.5,
    VotePosition.NO: 0.0,
}
"""The scores of the ``"voeten"`` measure: yes 1, abstain 0.5, no 0 (absences are not scored)."""


def _measure(measure: object) -> Measure:
    if measure == "identical" or measure == "voeten":
        return measure
    allowed = ", ".join(repr(m) for m in MEASURES)
    if not isinstance(measure, str):
        raise ArgumentTypeError(f"measure must be one of {allowed}, not {type(measure).__name__}")
    shown = measure if len(measure) <= 40 else measure[:37] + "..."
    raise ArgumentError(f"invalid measure {shown!r}: expected one of {allowed}")


@attrs.frozen(kw_only=True, repr=False)
class Agreement:
    """How alike two States voted on the Convention's resolution, with what it rests on.

    The result of :func:`agreement_details`; :func:`agreement` returns its :attr:`value`.
    """

    state_a: str
    """The first State's code."""
    state_b: str
    """The second State's code."""
    forum: Forum
    measure: Measure
    """``"identical"`` or ``"voeten"`` (see :data:`MEASURES`)."""
    sessions: tuple[int, ...]
    """The sessions compared, in order: those of the period in which both States voted yes, no
    or abstain."""
    value: float
    """From 0 (never alike) to 1 (always alike); ``nan`` when no session is compared."""

    @property
    def sessions_compared(self) -> int:
        """How many sessions the value rests on."""
        return len(self.sessions)

    def __repr__(self) -> str:
        return (
            f"Agreement(state_a={self.state_a!r}, state_b={self.state_b!r}, "
            f"forum={self.forum.value!r}, measure={self.measure!r}, value={self.value!r}, "
            f"sessions_compared={self.sessions_compared})"
        )


def agreement_details(
    ds: Dataset,
    state_a: State | str,
    state_b: State | str,
    forum: Forum | str = Forum.PLENARY,
    *,
    sessions: Sessions = None,
    start: DateArg = None,
    end: DateArg = None,
    measure: Measure = "identical",
) -> Agreement:
    """How alike two States voted on the Convention's resolution in the period (see
    :class:`Period`; default: every session), and over how many sessions.

    The sessions compared are those in which both States voted yes, no or abstain (an absence
    is no vote to compare). Over them, with ``n`` their number:

    - ``measure="identical"`` (the default): the share of them in which the two votes are the
      same, ``(number of identical votes) / n``.
    - ``measure="voeten"``: each vote scored yes 1, abstain 0.5, no 0 (:data:`VOETEN_SCORES`),
      the value is ``1 - sum(|score_a - score_b|) / n``: 1 for the same vote, 0.5 when one
      abstains and the other votes yes or no, 0 for yes against no. This is the dyadic
      agreement index of Voeten's UN General Assembly voting data (Strezhnev and Voeten, *United
      Nations General Assembly Voting Data*, Harvard Dataverse, hdl:1902.1/12379: votes coded
      1 yes, 2 abstain, 3 no, "abstention is counted as half-disagreement with a yes or no
      vote"), computed here over the Convention's resolution alone. ``1 - value`` is the mean
      distance. It is not Signorino and Ritter's S score, which rescales to -1..1.

    The value is ``nan`` when no session is compared. Raises
    :class:`~apmbc.errors.ArgumentError` for an unknown measure or a bad period.

    >>> import apmbc
    >>> found = apmbc.load().agreement_details("Russia", "USA", start="2020-01-01")
    >>> found.value, found.sessions
    (0.5, (75, 76, 77, 78, 79, 80))
    """
    a_record, b_record = _state(ds, state_a), _state(ds, state_b)
    how = _measure(measure)
    wanted = as_forum(forum)
    period = Period.of(sessions, start, end)
    cast = [v for v in _votes(ds, wanted, period) if v.position is not VotePosition.ABSENT]
    a = {v.session: v.position for v in cast if v.state == a_record.code}
    b = {v.session: v.position for v in cast if v.state == b_record.code}
    common = tuple(sorted(s for s in a if s in b))
    if not common:
        value = math.nan
    elif how == "identical":
        value = sum(a[s] is b[s] for s in common) / len(common)
    else:
        distance = sum(abs(VOETEN_SCORES[a[s]] - VOETEN_SCORES[b[s]]) for s in common)
        value = 1 - distance / len(common)
    return Agreement(
        state_a=a_record.code,
        state_b=b_record.code,
        forum=wanted,
        measure=how,
        sessions=common,
        value=value,
    )


def agreement(
    ds: Dataset,
    state_a: State | str,
    state_b: State | str,
    forum: Forum | str = Forum.PLENARY,
    *,
    sessions: Sessions = None,
    start: DateArg = None,
    end: DateArg = None,
    measure: Measure = "identical",
) -> float:
    """How alike two States voted in the period: by default the share of the sessions in which
    both voted (yes, no or abstain) with the same vote; ``nan`` when they never both voted.

    :func:`agreement_details` says how ``measure="voeten"`` scores, and gives the sessions the
    value rests on.
    """
    return agreement_details(
        ds, state_a, state_b, forum, sessions=sessions, start=start, end=end, measure=measure
    ).value


def timeline(
    ds: Dataset,
    state: State | str,
    *,
    sessions: Sessions = None,
    start: DateArg = None,
    end: DateArg = None,
) -> tuple[TimelineEvent, ...]:
    """Every dated event of a State in the period (see :class:`Period`; default: all), in date
    order.

    Signature, deposit, entry into force (as stated, or by Article 17), withdrawal, other dated
    actions, meetings a record shows it attended, its votes (dated by the resolution), and its
    statements (dated by their own date, or by the vote they explain). With ``sessions=``, a vote
    (and a statement naming a session) counts in its session, any other event in the session
    sitting on its date.

    >>> import apmbc
    >>> [str(e.kind) for e in apmbc.load().timeline("Tonga", start="2025-01-01")]
    ['deposit', 'entry_into_force', 'vote']
    """
    record = _state(ds, state)
    period = Period.of(sessions, start, end)
    events: list[TimelineEvent] = []
    day: _dt.date | None

    def add(
        day: _dt.date | None,
        kind: EventKind,
        text: str,
        ref: str | None = None,
        src: tuple[Source, ...] = (),
        session: int | None = None,
    ) -> None:
        if day is not None and period.keeps_event(day, session):
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
                add(res.date, EventKind.VOTE, label, res.symbol, vote.sources, vote.session)
    for stmt in ds.statements:
        if stmt.state != record.code:
            continue
        day = stmt.date
        if day is None and stmt.session is not None and stmt.forum is not None:
            res = dates.get((stmt.session, stmt.forum, None))
            day = res.date if res is not None else None
        text = stmt.text if len(stmt.text) <= 80 else stmt.text[:77] + "..."
        add(day, EventKind.STATEMENT, text, stmt.meeting, stmt.sources, stmt.session)
    events.sort(key=lambda e: (e.date, list(EventKind).index(e.kind)))
    return tuple(events)


# -- States Parties over time -------------------------------------------------------------------


def change_days(ds: Dataset, *, start: DateArg = None, end: DateArg = None) -> tuple[_dt.date, ...]:
    """Every day between ``start`` and ``end`` (both included, either open) on which a State of
    the dataset takes a new status (:func:`apmbc.domain.treaty.status_change_days`), in order.

    >>> import apmbc
    >>> change_days(apmbc.load(), start="2026-01-01")
    (datetime.date(2026, 1, 10), datetime.date(2026, 2, 20))
    """
    period = Period.of(start=start, end=end)
    days = {d for state in ds.states for d in status_change_days(state) if period.keeps_event(d)}
    return tuple(sorted(days))


def parties_days(
    ds: Dataset, *, start: DateArg = None, end: DateArg = None
) -> tuple[_dt.date, ...]:
    """The days :func:`apmbc.plot.parties_over_time` counts the States on, in order: ``start``,
    ``end`` and every :func:`change_days` day between.

    ``end`` defaults to the data's as-of date (else today), ``start`` to 3 December 1997, when
    the Convention opened for signature (:data:`~apmbc.domain.treaty.OPENED_FOR_SIGNATURE`), or
    to ``end`` if that is earlier. Raises :class:`~apmbc.errors.ArgumentError` for a start after
    the end.

    >>> import apmbc
    >>> [str(day) for day in parties_days(apmbc.load(), start="2026-01-01", end="2026-06-30")]
    ['2026-01-01', '2026-01-10', '2026-02-20', '2026-06-30']
    """
    last = to_date(end) if end is not None else ds.metadata.as_of or _dt.date.today()
    first = to_date(start) if start is not None else min(OPENED_FOR_SIGNATURE, last)
    if first > last:
        raise ArgumentError(f"start {first.isoformat()} is after end {last.isoformat()}")
    return tuple(sorted({first, last, *change_days(ds, start=first, end=last)}))


def status_counts(
    ds: Dataset, days: Iterable[_dt.date | str]
) -> dict[_dt.date, dict[TreatyStatus, int]]:
    """How many States of the dataset have each status on each of ``days``, in date order:
    every :class:`~apmbc.models.TreatyStatus`, in its order, with its count (0 included).

    The counts are those of :func:`apmbc.domain.treaty.status_on` for every State on the day.
    They are taken on the first day and on each day a status changes (:func:`change_days`) up
    to the last, and carried over to the days between, on which no status changes: a daily
    count over decades costs no more than a yearly one. ``party`` + ``withdrawing`` is the
    number of States bound (:data:`~apmbc.domain.treaty.BOUND`), what :func:`parties_on`
    lists and :func:`apmbc.plot.parties_over_time` draws. A day after the data's as-of date is
    counted from the facts known then, with a :class:`~apmbc.errors.StaleDataWarning`.

    >>> import apmbc
    >>> counts = status_counts(apmbc.load(), ["2025-12-01", "2026-03-01"])
    >>> [(str(day), n[apmbc.TreatyStatus.PARTY], n[apmbc.TreatyStatus.WITHDRAWING])
    ...  for day, n in counts.items()]
    [('2025-12-01', 161, 5), ('2026-03-01', 161, 0)]
    """
    if isinstance(days, (str, bytes, _dt.date)) or not isinstance(days, Iterable):
        raise ArgumentTypeError(f"days must be an iterable of dates, not {type(days).__name__}")
    wanted = sorted({to_date(day) for day in days})
    if not wanted:
        return {}
    first, last = wanted[0], wanted[-1]
    _warn_if_stale(ds, last)
    knots = sorted({first, *change_days(ds, start=first, end=last)})
    states = tuple(ds.states)
    counted: list[dict[TreatyStatus, int]] = []
    for knot in knots:
        tally = dict.fromkeys(TreatyStatus, 0)
        for state in states:
            tally[status_on(state, knot)] += 1
        counted.append(tally)
    return {day: dict(counted[bisect.bisect_right(knots, day) - 1]) for day in wanted}


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


def newest_date(ds: Records) -> _dt.date | None:
    """The newest date any fact of ``ds`` bears: where its record ends.

    The dates counted are those of the facts themselves: a vote's (its resolution's date), a
    meeting's last day (or its first, when the last is unknown), a State's signature, deposit,
    notified withdrawal, UN admission and other actions, and a statement's date. A State's entry
    into force and a withdrawal's effect are not counted, stated or not: Articles 17 and 20 fix
    them from the deposit and the notification, so a source states them before they come. Nor
    are the days sources were read (``Source.retrieved``). ``None`` for a dataset without any
    dated fact. This is :attr:`Metadata.newest_source`; ``Metadata.as_of`` (the day the facts
    were checked up to) may be later.

    >>> import apmbc
    >>> newest_date(apmbc.load())
    datetime.date(2025, 12, 5)
    """
    found: list[_dt.date] = [r.date for r in ds.resolutions if r.date is not None]
    found.extend(
        day for m in ds.meetings if (day := m.end if m.end is not None else m.start) is not None
    )
    for state in ds.states:
        days = (state.signed, state.deposited, state.withdrawal_notified, state.un_member_since)
        found.extend(day for day in days if day is not None)
        found.extend(a.date for a in state.other_actions if a.date is not None)
    found.extend(s.date for s in ds.statements if s.date is not None)
    return max(found, default=None)
