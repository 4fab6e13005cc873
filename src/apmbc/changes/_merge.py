"""Merge what a State profile page says into a :class:`~apmbc.dataset.Dataset`.

>>> result = merge(ds, parse_profile(page, state="Cuba"))  # doctest: +SKIP
>>> print(result)  # doctest: +SKIP
CUB: added 0 votes, 2 attendances, 1 statement; 9 agreed; 1 conflict; 0 skipped
  vote conflict CUB 77 plenary: ...

The dataset is never changed; the result holds a new one. Facts the dataset already holds are
counted as agreed and not added again. A vote that disagrees with the dataset's vote is reported
and not added (one vote per State and resolution); an attendance that disagrees is reported and
added, so that the disagreeing sources stay visible side by side.
"""

from __future__ import annotations

import attrs

from apmbc.dataset import Dataset, check_dataset
from apmbc.domain.calendar import LAST_SESSION, date_in_session
from apmbc.errors import (
    ArgumentTypeError,
    DataValidationError,
    Problem,
    UnknownResolutionError,
    shown,
)
from apmbc.io.profile import Profile, ProfileVote
from apmbc.models import (
    Attendance,
    AttendanceRole,
    Forum,
    Source,
    State,
    Statement,
    Vote,
)

__all__ = ["Conflict", "MergeResult", "merge"]

OBSERVER_EVIDENCE = "Listed on the Convention's profile page as a meeting attended as observer"
NO_SOURCE = Source(citation="State profile page (source not given)")


@attrs.frozen(kw_only=True)
class Conflict:
    """A fact of the page that disagrees with the dataset."""

    kind: str
    """``vote`` or ``attendance``."""
    key: str
    """What the fact is about, e.g. ``CUB 77 plenary`` or ``CUB 13MSP``."""
    existing: str
    """What the dataset holds."""
    incoming: str
    """What the page says."""
    message: str
    """The disagreement in words, and what was done about it."""

    def __str__(self) -> str:
        return f"{self.kind} conflict {self.key}: {self.message}"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" + ("" if count == 1 else "s")


@attrs.frozen(kw_only=True)
class MergeResult:
    """The merged dataset and an account of every fact of the page."""

    dataset: Dataset
    """The new dataset; the one merged into is unchanged."""
    state: str
    """The ISO alpha-3 code of the State the page is about."""
    added_votes: tuple[Vote, ...] = ()
    added_attendances: tuple[Attendance, ...] = ()
    added_statements: tuple[Statement, ...] = ()
    agreed: int = 0
    """Facts of the page the dataset already held."""
    conflicts: tuple[Conflict, ...] = ()
    skipped: tuple[str, ...] = ()
    """Facts of the page that could not be merged, each with the reason."""

    def __str__(self) -> str:
        head = (
            f"{self.state}: added {_plural(len(self.added_votes), 'vote')}, "
            f"{_plural(len(self.added_attendances), 'attendance')}, "
            f"{_plural(len(self.added_statements), 'statement')}; {self.agreed} agreed; "
            f"{_plural(len(self.conflicts), 'conflict')}; {len(self.skipped)} skipped"
        )
        lines = [head]
        lines.extend(f"  {conflict}" for conflict in self.conflicts)
        lines.extend(f"  skipped: {reason}" for reason in self.skipped)
        return "\n".join(lines)


def _resolve_state(ds: Dataset, profile: Profile, state: str | None) -> State:
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


def _sources_label(sources: tuple[Source, ...]) -> str:
    return "; ".join(str(s) for s in sources) if sources else "no source"


class _Merger:
    def __init__(self, ds: Dataset, state: State, source: Source) -> None:
        self.ds = ds
        self.state = state
        self.code = state.code
        self.source = source
        self.votes: dict[tuple[int, Forum], Vote] = {
            (v.session, v.forum): v for v in ds.votes if v.state == self.code and v.convention
        }
        self.attended: dict[str, set[bool]] = {}
        for attendance in ds.attendances:
            if attendance.state == self.code:
                self.attended.setdefault(attendance.meeting, set()).add(attendance.attended)
        self.texts = {_fold(s.text) for s in ds.statements if s.state == self.code}
        self.added_votes: list[Vote] = []
        self.added_attendances: list[Attendance] = []
        self.added_statements: list[Statement] = []
        self.agreed = 0
        self.conflicts: list[Conflict] = []
        self.skipped: list[str] = []

    def attendance(self, meeting_code: str) -> None:
        meeting = self.ds.meetings.get(meeting_code)
        if meeting is None or meeting.code != meeting_code:
            self.skipped.append(
                f"attendance at {meeting_code}: the dataset has no meeting {meeting_code!r}"
            )
            return
        known = self.attended.setdefault(meeting_code, set())
        if True in known:
            self.agreed += 1
            return
        if False in known:
            self.conflicts.append(
                Conflict(
                    kind="attendance",
                    key=f"{self.code} {meeting_code}",
                    existing="did not attend",
                    incoming="attended as observer",
                    message=(
                        f"the dataset says {self.state.name} did not attend {meeting_code}; "
                        f"the profile page lists it as attended as observer "
                        f"({_sources_label((self.source,))}); both facts are kept"
                    ),
                )
            )
        known.add(True)
        self.added_attendances.append(
            Attendance(
                state=self.code,
                meeting=meeting_code,
                attended=True,
                role=AttendanceRole.OBSERVER,
                evidence=OBSERVER_EVIDENCE,
                sources=(self.source,),
            )
        )

    def vote(self, incoming: ProfileVote) -> None:
        if incoming.session is None or incoming.forum is None:
            missing = "session" if incoming.session is None else "forum"
            self.skipped.append(
                f"vote {incoming.position.value!r} from line {incoming.line!r}: "
                f"the page does not say which {missing}"
            )
            return
        absurd = _absurd(incoming)
        if absurd is not None:
            self.skipped.append(
                f"vote {incoming.position.value!r} from line {incoming.line!r}: {absurd}"
            )
            return
        key = (incoming.session, incoming.forum)
        label = f"{self.code} {incoming.session} {incoming.forum.value}"
        existing = self.votes.get(key)
        if existing is not None:
            if existing.position is incoming.position:
                self.agreed += 1
                return
            self.conflicts.append(
                Conflict(
                    kind="vote",
                    key=label,
                    existing=existing.position.value,
                    incoming=incoming.position.value,
                    message=(
                        f"the dataset says {self.state.name} voted {existing.position.value} "
                        f"in session {incoming.session} ({incoming.forum.value}; "
                        f"{_sources_label(existing.sources)}); the profile page says "
                        f"{incoming.position.value} ({incoming.line!r}); "
                        "the dataset's vote is kept"
                    ),
                )
            )
            return
        try:
            symbol = self.ds.resolution(incoming.session, incoming.forum).symbol
        except UnknownResolutionError:
            symbol = None
        vote = Vote(
            state=self.code,
            session=incoming.session,
            forum=incoming.forum,
            position=incoming.position,
            resolution=symbol,
            sources=(self.source,),
        )
        self.votes[key] = vote
        self.added_votes.append(vote)

    def statement(self, incoming: Statement) -> None:
        folded = _fold(incoming.text)
        if folded in self.texts:
            self.agreed += 1
            return
        self.texts.add(folded)
        self.added_statements.append(
            attrs.evolve(incoming, state=self.code, sources=incoming.sources or (self.source,))
        )

    def result(self) -> MergeResult:
        ds = self.ds
        if self.added_votes or self.added_attendances or self.added_statements:
            ds = ds.replace(
                votes=ds.votes + tuple(self.added_votes),
                attendances=ds.attendances + tuple(self.added_attendances),
                statements=ds.statements + tuple(self.added_statements),
            )
        return MergeResult(
            dataset=ds,
            state=self.code,
            added_votes=tuple(self.added_votes),
            added_attendances=tuple(self.added_attendances),
            added_statements=tuple(self.added_statements),
            agreed=self.agreed,
            conflicts=tuple(self.conflicts),
            skipped=tuple(self.skipped),
        )


def _absurd(vote: ProfileVote) -> str | None:
    """Why a vote cannot be one (a session the UN never held, a date outside its session)."""
    session = vote.session
    if session is None or not 1 <= session <= LAST_SESSION:
        return f"there is no General Assembly session {shown(session)}"
    if vote.date is not None and not date_in_session(vote.date, session):
        return f"dated {vote.date.isoformat()}, outside session {session}"
    return None


def _fold(text: str) -> str:
    return " ".join(text.split())


def merge(ds: Dataset, profile: Profile, state: str | None = None) -> MergeResult:
    """Add the observer attendances, votes and statements of ``profile`` to ``ds``.

    The State is ``state`` (a name or code) or else the one the page names; an unknown State
    raises :class:`~apmbc.errors.UnknownStateError`, no State at all raises
    :class:`~apmbc.errors.DataValidationError`. Records cite ``profile.source`` (or a note that
    the page's source was not given). Meetings the dataset does not know and votes without a
    session or forum are listed in ``skipped``, and so are votes of a session the UN never held
    (0, -1945, 8054) or dated outside their session; disagreements are listed in ``conflicts``.
    Arguments of the wrong type raise :class:`~apmbc.errors.ArgumentTypeError`.
    """
    check_dataset(ds)
    if not isinstance(profile, Profile):
        raise ArgumentTypeError(
            f"profile must be a Profile (from apmbc.parse_profile or apmbc.read_profile), "
            f"not {type(profile).__name__}"
        )
    resolved = _resolve_state(ds, profile, state)
    merger = _Merger(ds, resolved, profile.source or NO_SOURCE)
    for meeting_code in profile.observer_meetings:
        merger.attendance(meeting_code)
    for vote in profile.votes:
        merger.vote(vote)
    for statement in profile.statements:
        merger.statement(statement)
    return merger.result()
