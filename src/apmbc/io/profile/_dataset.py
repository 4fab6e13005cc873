"""A profile page's facts as a :class:`~apmbc.dataset.Dataset`, ready for :func:`apmbc.merge`.

The page names a State and lists what it did; the dataset it is read against resolves the
State, knows the meetings and gives each vote its resolution's symbol. What cannot be placed
there (a meeting the data does not know, a vote whose session or forum the page does not give)
is not dropped: it is listed, with the reason, in the result's notes.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from typing import Protocol

import attrs

from apmbc.dataset import Dataset
from apmbc.domain.calendar import LAST_SESSION, date_in_session
from apmbc.errors import ArgumentTypeError, DataValidationError, Problem, shown
from apmbc.models import (
    Attendance,
    AttendanceRole,
    Forum,
    Metadata,
    Source,
    State,
    Statement,
    Vote,
    VotePosition,
)

__all__ = ["NO_SOURCE", "OBSERVER_EVIDENCE", "SKIPPED", "Page", "profile_dataset"]

OBSERVER_EVIDENCE = "Listed on the Convention's profile page as a meeting attended as observer"
"""The evidence of an attendance read from a profile page."""
NO_SOURCE = Source(citation="State profile page (source not given)")
"""What the facts of a page cite when the page's source was not given."""
SKIPPED = "skipped: "
"""How the notes of a profile's dataset begin a fact that could not be placed."""


class _PageVote(Protocol):
    """What is read of a vote a page lists (a :class:`~apmbc.io.profile.ProfileVote`)."""

    @property
    def position(self) -> VotePosition: ...
    @property
    def session(self) -> int | None: ...
    @property
    def forum(self) -> Forum | None: ...
    @property
    def date(self) -> _dt.date | None: ...
    @property
    def line(self) -> str: ...


class Page(Protocol):
    """What is read of a page (a :class:`~apmbc.io.profile.Profile`)."""

    @property
    def state(self) -> str | None: ...
    @property
    def observer_meetings(self) -> Sequence[str]: ...
    @property
    def votes(self) -> Sequence[_PageVote]: ...
    @property
    def statements(self) -> Sequence[Statement]: ...
    @property
    def unparsed(self) -> Sequence[object]: ...
    @property
    def source(self) -> Source | None: ...


def _resolve_state(ds: Dataset, profile: Page, state: str | None) -> State:
    if state is not None and not isinstance(state, str):
        raise ArgumentTypeError(f"state must be a name or a code (str), not {type(state).__name__}")
    key = state if state is not None else profile.state
    if key is None or not key.strip():
        raise DataValidationError(
            [
                Problem(
                    "state",
                    "the profile page names no State and none was given: "
                    "pass state='Cuba' (a name or an ISO alpha-3 code)",
                )
            ]
        )
    return ds.state(key)


def profile_dataset(
    profile: Page, ds: Dataset, state: str | None = None
) -> tuple[Dataset, tuple[str, ...]]:
    """The page's facts as a dataset, and the facts that could not be placed (with why).

    See :meth:`apmbc.io.profile.Profile.to_dataset`, which returns the first and puts the
    second in the notes.
    """
    record = _resolve_state(ds, profile, state)
    code = record.code
    source = profile.source or NO_SOURCE
    symbols = {(r.session, r.forum): r.symbol for r in ds.resolutions if r.convention}
    skipped: list[str] = []
    attendances: list[Attendance] = []
    for meeting_code in profile.observer_meetings:
        meeting = ds.meetings.get(meeting_code)
        if meeting is None or meeting.code != meeting_code:
            skipped.append(
                f"attendance at {meeting_code}: the dataset has no meeting {meeting_code!r}"
            )
            continue
        attendances.append(
            Attendance(
                state=code,
                meeting=meeting_code,
                attended=True,
                role=AttendanceRole.OBSERVER,
                evidence=OBSERVER_EVIDENCE,
                sources=(source,),
            )
        )
    votes: list[Vote] = []
    for vote in profile.votes:
        if vote.session is None or vote.forum is None:
            missing = "session" if vote.session is None else "forum"
            skipped.append(
                f"vote {vote.position.value!r} from line {vote.line!r}: "
                f"the page does not say which {missing}"
            )
            continue
        if not 1 <= vote.session <= LAST_SESSION:
            skipped.append(
                f"vote {vote.position.value!r} from line {vote.line!r}: there is no General "
                f"Assembly session {shown(vote.session)}"
            )
            continue
        if vote.date is not None and not date_in_session(vote.date, vote.session):
            skipped.append(
                f"vote {vote.position.value!r} from line {vote.line!r}: dated "
                f"{vote.date.isoformat()}, outside session {vote.session}"
            )
            continue
        forum: Forum = vote.forum
        votes.append(
            Vote(
                state=code,
                session=vote.session,
                forum=forum,
                position=vote.position,
                resolution=symbols.get((vote.session, forum)),
                sources=(source,),
            )
        )
    statements: list[Statement] = [
        attrs.evolve(s, state=code, sources=s.sources or (source,)) for s in profile.statements
    ]
    label = source.url or source.citation or "a State profile page"
    notes = [f"{SKIPPED}{reason}" for reason in skipped]
    notes.extend(f"unparsed: {line}" for line in profile.unparsed)
    dataset = Dataset(
        metadata=Metadata(
            data_version=f"profile:{label}",
            title=f"What the profile page of {record.name} says",
            sources=(source,),
            notes=tuple(notes),
        ),
        states=(record,),
        votes=tuple(votes),
        attendances=tuple(attendances),
        statements=tuple(statements),
    )
    return dataset, tuple(skipped)
