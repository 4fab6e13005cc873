"""``Dataset``: immutable records of every kind, with indices and lookups.

A dataset never changes once built; operations that add records (:func:`apmbc.merge`,
:meth:`Dataset.replace`) return a new one. ``votes``, ``attendances`` and ``statements`` are
tuples; ``states``, ``meetings`` and ``resolutions`` are sequences with ``get`` (never raises),
``lookup`` (raises with suggestions) and ``search`` (a ranked list, possibly empty).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, Generic, TypeVar, overload

from apmbc._index import NameIndex
from apmbc.domain.choices import forum as as_forum
from apmbc.errors import (
    ArgumentError,
    ArgumentTypeError,
    UnknownMeetingError,
    UnknownResolutionError,
    UnknownStateError,
    shown,
)
from apmbc.models import (
    Attendance,
    Document,
    Forum,
    Meeting,
    Metadata,
    Resolution,
    SourceKind,
    State,
    Statement,
    TimelineEvent,
    TreatyStatus,
    Vote,
    VotePosition,
)

if TYPE_CHECKING:
    from datetime import date

    from apmbc import queries
    from apmbc.domain.symbols import Symbol
    from apmbc.errors import UnknownKeyError
else:

    class _Queries:
        """:mod:`apmbc.queries`, imported when a query method is first called: ``load()`` and
        the lookups do not need it, and it is a fifth of the import time of the core."""

        def __getattr__(self, name: str) -> Any:
            import importlib

            module = importlib.import_module("apmbc.queries")
            globals()["queries"] = module  # later calls go straight to the module
            return getattr(module, name)

    queries = _Queries()

__all__ = ["Dataset", "MeetingTable", "ResolutionTable", "StateTable"]


def _normalize_symbol(raw: str) -> str:
    from apmbc.domain.symbols import normalize_symbol  # when resolutions are first looked up

    return normalize_symbol(raw)


def _parse_symbol(raw: str) -> Symbol | None:
    from apmbc.domain.symbols import parse_symbol

    return parse_symbol(raw)


R = TypeVar("R", State, Meeting)


_CODE_SCHEMES = (("cow_code", "COW"), ("gw_code", "GW"), ("m49", "M49"))
"""The numeric codes a State answers to, each behind its scheme's name: ``COW 2``, ``GW 2``,
``M49 840`` (and, since names fold, ``cow:2`` or ``m49-840``). A bare number is no key: the
schemes' numbers collide (COW 20 is Canada, M49 20 Andorra)."""


def _state_names(state: State) -> list[str]:
    names = [state.code, state.alpha2 or "", state.name, *state.aliases, *state.former_names]
    for field, scheme in _CODE_SCHEMES:
        number = getattr(state, field)
        if number is not None:
            names.append(f"{scheme} {number}")
    return names


def _meeting_names(meeting: Meeting) -> list[str]:
    return [meeting.code, meeting.name, *meeting.other_names]


def _check_limit(limit: object) -> int | None:
    if limit is None:
        return None
    if isinstance(limit, bool) or not isinstance(limit, int):
        raise ArgumentTypeError(f"limit must be a whole number or None, not {type(limit).__name__}")
    if limit < 0:
        raise ArgumentError(f"limit must not be negative, not {limit}")
    return limit


class _Table(Sequence[R], Generic[R]):
    """A read-only sequence of records with name lookups."""

    __slots__ = ("_index", "_lock", "_names", "_records")
    _error: type[UnknownKeyError]

    def __init__(self, records: tuple[R, ...], names: Callable[[R], list[str]]) -> None:
        self._records: tuple[R, ...] = records
        self._names: Callable[[R], list[str]] = names
        self._index: NameIndex[R] | None = None
        self._lock = threading.Lock()

    def _idx(self) -> NameIndex[R]:
        index = self._index
        if index is None:
            with self._lock:
                if self._index is None:
                    self._index = NameIndex(self._records, self._names)
                index = self._index
        return index

    @overload
    def __getitem__(self, i: int) -> R: ...
    @overload
    def __getitem__(self, i: slice) -> tuple[R, ...]: ...
    def __getitem__(self, i: int | slice) -> R | tuple[R, ...]:
        return self._records[i]

    def __len__(self) -> int:
        return len(self._records)

    def __iter__(self) -> Iterator[R]:
        return iter(self._records)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, _Table):
            return self._records == other._records
        if isinstance(other, tuple):
            return self._records == other
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._records)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} of {len(self._records)}>"

    def get(self, key: str, default: R | None = None) -> R | None:
        """The record ``key`` names (code, name or alias, any case or accents), else ``default``."""
        if not isinstance(key, str):
            return default
        found = self._idx().resolve(key)
        return default if found is None else found

    def lookup(self, key: str) -> R:
        """The record ``key`` names; raises with the closest suggestions when there is none,
        and :class:`~apmbc.errors.ArgumentTypeError` for a key that is not a string."""
        if not isinstance(key, str):
            raise ArgumentTypeError(
                f"a {self._error.kind} key is a string (a code or a name), not {type(key).__name__}"
            )
        found = self.get(key)
        if found is None:
            suggestions = self.search(key, limit=5)
            raise self._error(key, [self._label(r) for r in suggestions])
        return found

    def search(self, text: str, limit: int | None = 10) -> list[R]:
        """Records ranked exact, prefix, substring, then fuzzy; possibly empty (also for a
        ``text`` that is not a string). ``limit`` is a whole number or ``None`` (all)."""
        limit = _check_limit(limit)
        if not isinstance(text, str):
            return []
        return self._idx().search(text, limit=limit)

    def _label(self, record: R) -> str:
        raise NotImplementedError  # pragma: no cover - every table defines it


class StateTable(_Table[State]):
    """The States, in code order, with lookups by code, name, former name or alias."""

    __slots__ = ()
    _error = UnknownStateError

    def __init__(self, records: tuple[State, ...]) -> None:
        super().__init__(records, _state_names)

    def _label(self, record: State) -> str:
        return f"{record.name} ({record.code})"


class MeetingTable(_Table[Meeting]):
    """The meetings with lookups by code (``13MSP``, ``1RC``) or name."""

    __slots__ = ()
    _error = UnknownMeetingError

    def __init__(self, records: tuple[Meeting, ...]) -> None:
        super().__init__(records, _meeting_names)

    def _label(self, record: Meeting) -> str:
        return f"{record.code} ({record.name})"


ResolutionKey = str | int | tuple[int, "Forum | str"]
"""What names a resolution: a symbol (``"A/RES/77/63"``, ``"77/63"``), a session (the plenary
vote of that session), ``"77 first_committee"``, or a ``(session, forum)`` pair."""


class ResolutionTable(Sequence[Resolution]):
    """The resolutions (recorded votes), with lookups by session and forum or by symbol.

    ``get((77, "plenary"))``, ``get(77)``, ``get("77 first committee")`` and
    ``get("A/RES/77/63")`` (any spelling of the symbol) name the same kind of record; ``get``
    returns ``None`` (or ``default``) when nothing matches, ``lookup`` raises
    :class:`~apmbc.errors.UnknownResolutionError` with the nearest sessions, and ``search``
    returns every resolution whose symbol, session or title matches, best first.
    """

    __slots__ = ("_by_key", "_by_symbol", "_lock", "_records")

    def __init__(self, records: tuple[Resolution, ...]) -> None:
        self._records = records
        self._by_key: dict[tuple[int, Forum], Resolution] | None = None
        self._by_symbol: dict[str, Resolution] = {}
        self._lock = threading.Lock()

    def _index(self) -> dict[tuple[int, Forum], Resolution]:
        index = self._by_key
        if index is None:
            with self._lock:
                if self._by_key is None:
                    by_symbol: dict[str, Resolution] = {}
                    by_key: dict[tuple[int, Forum], Resolution] = {}
                    for record in self._records:
                        by_key.setdefault((record.session, record.forum), record)
                        if record.symbol:
                            by_symbol.setdefault(_normalize_symbol(record.symbol), record)
                    self._by_symbol = by_symbol
                    self._by_key = by_key
                index = self._by_key
        return index

    @overload
    def __getitem__(self, i: int) -> Resolution: ...
    @overload
    def __getitem__(self, i: slice) -> tuple[Resolution, ...]: ...
    def __getitem__(self, i: int | slice) -> Resolution | tuple[Resolution, ...]:
        return self._records[i]

    def __len__(self) -> int:
        return len(self._records)

    def __iter__(self) -> Iterator[Resolution]:
        return iter(self._records)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, ResolutionTable):
            return self._records == other._records
        if isinstance(other, tuple):
            return self._records == other
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._records)

    def __repr__(self) -> str:
        return f"<ResolutionTable of {len(self._records)}>"

    def _key(self, key: object) -> tuple[int, Forum] | str:
        """``(session, forum)`` or a normalised symbol; raises for a key of no known shape."""
        if isinstance(key, tuple) and len(key) == 2:
            session, forum = key
            if isinstance(session, bool) or not isinstance(session, int):
                raise ArgumentTypeError(f"a session is a whole number, not {shown(session)}")
            return session, as_forum(forum)
        if isinstance(key, bool):
            raise ArgumentTypeError(
                f"expected a session, a symbol or (session, forum), not {shown(key)}"
            )
        if isinstance(key, int):
            return key, Forum.PLENARY
        if not isinstance(key, str):
            raise ArgumentTypeError(
                f"expected a session, a symbol or (session, forum), not {type(key).__name__}"
            )
        head, _, rest = key.strip().partition(" ")
        if head.isdigit() and len(head) <= 4:
            return int(head), as_forum(rest) if rest.strip() else Forum.PLENARY
        session, slash, number = head.partition("/")
        if slash and not rest and session.isdigit() and number.isdigit():
            key = f"A/RES/{session}/{number}"  # "77/63": the short form press releases use
        parsed = _parse_symbol(key)
        if parsed is None:
            raise ArgumentError(
                f"not a resolution key: {shown(key, 40)} (expected a symbol such as 'A/RES/77/63', "
                "a session such as 77, or '77 first_committee')"
            )
        return parsed.text

    def get(self, key: ResolutionKey, default: Resolution | None = None) -> Resolution | None:
        """The resolution ``key`` names, else ``default``; a key of no known shape also gives
        ``default``."""
        try:
            wanted = self._key(key)
        except (ArgumentError, ArgumentTypeError):
            return default
        index = self._index()
        found = index.get(wanted) if isinstance(wanted, tuple) else self._by_symbol.get(wanted)
        return default if found is None else found

    def lookup(self, key: ResolutionKey) -> Resolution:
        """The resolution ``key`` names; raises :class:`~apmbc.errors.UnknownResolutionError`
        with the nearest sessions when there is none (and an ``ArgumentError`` for a key of no
        known shape, such as a bad forum)."""
        wanted = self._key(key)
        found = self.get(key)
        if found is not None:
            return found
        if isinstance(wanted, tuple):
            session, forum = wanted
            near = sorted({r.session for r in self._records if r.forum is forum})
            close = [f"session {s}" for s in near if abs(s - session) <= 1]
            raise UnknownResolutionError(f"session {shown(session)}, forum {forum.value!r}", close)
        raise UnknownResolutionError(wanted, [r.symbol or "" for r in self.search(wanted, 5)])

    def search(self, text: str, limit: int | None = 10) -> list[Resolution]:
        """Resolutions ranked: same symbol, then same session, then symbol or title containing
        ``text``; possibly empty."""
        limit = _check_limit(limit)
        if not isinstance(text, str) or not text.strip():
            return []
        query = text.strip()
        folded = query.casefold()
        try:
            wanted: tuple[int, Forum] | str | None = self._key(query)
        except (ArgumentError, ArgumentTypeError):
            wanted = None
        ranked: list[tuple[int, int, Resolution]] = []
        for order, record in enumerate(self._records):
            symbol = _normalize_symbol(record.symbol) if record.symbol else ""
            if isinstance(wanted, str) and symbol == wanted:
                rank = 0
            elif isinstance(wanted, tuple) and record.session == wanted[0]:
                rank = 0 if record.forum is wanted[1] else 1
            elif folded in symbol.casefold():
                rank = 2
            elif record.title and folded in record.title.casefold():
                rank = 3
            else:
                continue
            ranked.append((rank, order, record))
        ranked.sort(key=lambda item: (item[0], item[1]))
        found = [record for _, _, record in ranked]
        return found if limit is None else found[:limit]


_RECORD_TYPES: dict[str, type] = {
    "states": State,
    "meetings": Meeting,
    "resolutions": Resolution,
    "votes": Vote,
    "attendances": Attendance,
    "statements": Statement,
}


def _records(name: str, records: object) -> tuple[Any, ...]:
    """``records`` as a tuple of ``name``'s record type; raises ``ArgumentTypeError`` for a
    value that is not a sequence of such records (``None``, a number, a string...)."""
    if isinstance(records, (str, bytes, dict)) or not isinstance(records, Iterable):
        raise ArgumentTypeError(
            f"{name} must be a sequence of records (or a function returning one), "
            f"not {type(records).__name__}"
        )
    out = records if isinstance(records, tuple) else tuple(records)
    cls = _RECORD_TYPES[name]
    for i, record in enumerate(out):
        if type(record) is not cls and not isinstance(record, cls):
            raise ArgumentTypeError(
                f"{name}[{i}] is {type(record).__name__}, not a {cls.__name__} record"
            )
    return out


_WRAP: dict[str, Callable[[object], Any]] = {
    "states": lambda records: StateTable(_records("states", records)),
    "meetings": lambda records: MeetingTable(_records("meetings", records)),
    "resolutions": lambda records: ResolutionTable(_records("resolutions", records)),
    "votes": lambda records: _records("votes", records),
    "attendances": lambda records: _records("attendances", records),
    "statements": lambda records: _records("statements", records),
}
_TABLES = tuple(_WRAP)


def check_dataset(value: object, argument: str = "ds") -> Dataset:
    """``value`` if it is a :class:`Dataset`; else :class:`~apmbc.errors.ArgumentTypeError`
    naming the argument (``None``, a path or a number where a dataset is due)."""
    if not isinstance(value, Dataset):
        hint = " (read a file with apmbc.load_json first)" if isinstance(value, str) else ""
        raise ArgumentTypeError(f"{argument} must be a Dataset, not {type(value).__name__}{hint}")
    return value


_Given = Sequence[Any] | Callable[[], Sequence[Any]]
"""A table as given to :class:`Dataset`: its records, or a function that returns them."""


class Dataset:
    """The whole record: States, meetings, resolutions, votes, attendances and statements.

    Build one with ``apmbc.load()`` (the data in use: the bundled data unless ``APMBC_DATA``
    names a file), ``apmbc.load(path)`` or ``apmbc.load_json(path)``, or directly
    from sequences of records. Each table may also be given as a zero-argument callable that
    returns its records; it is called on first use of that table, once, under a lock (the
    bundled data reads each file only when its table is first used).
    """

    __slots__ = ("_lock", "_metadata", "_tables")

    def __init__(
        self,
        *,
        metadata: Metadata,
        states: Sequence[State] | Callable[[], Sequence[State]] = (),
        meetings: Sequence[Meeting] | Callable[[], Sequence[Meeting]] = (),
        resolutions: Sequence[Resolution] | Callable[[], Sequence[Resolution]] = (),
        votes: Sequence[Vote] | Callable[[], Sequence[Vote]] = (),
        attendances: Sequence[Attendance] | Callable[[], Sequence[Attendance]] = (),
        statements: Sequence[Statement] | Callable[[], Sequence[Statement]] = (),
    ) -> None:
        if not isinstance(metadata, Metadata):
            raise ArgumentTypeError(
                f"metadata must be a Metadata record, not {type(metadata).__name__}"
            )
        self._metadata = metadata
        given: dict[str, _Given] = {
            "states": states,
            "meetings": meetings,
            "resolutions": resolutions,
            "votes": votes,
            "attendances": attendances,
            "statements": statements,
        }
        self._tables: dict[str, Any] = {
            name: value if callable(value) else _WRAP[name](value) for name, value in given.items()
        }
        self._lock = threading.RLock()  # a table's reader may read another table

    # -- construction -------------------------------------------------------------------------

    @classmethod
    def from_document(cls, document: Document) -> Dataset:
        """A dataset holding the records of ``document``."""
        if not isinstance(document, Document):
            raise ArgumentTypeError(f"expected a Document, not {type(document).__name__}")
        return cls(
            metadata=document.metadata,
            states=document.states,
            meetings=document.meetings,
            resolutions=document.resolutions,
            votes=document.votes,
            attendances=document.attendances,
            statements=document.statements,
        )

    def to_document(self) -> Document:
        """The records as a :class:`~apmbc.models.Document`, the shape of a dataset JSON file."""
        return Document(
            metadata=self._metadata,
            states=tuple(self.states),
            meetings=tuple(self.meetings),
            resolutions=tuple(self.resolutions),
            votes=self.votes,
            attendances=self.attendances,
            statements=self.statements,
        )

    def replace(self, **changes: Any) -> Dataset:
        """A new dataset with some tables (or the metadata) replaced; this one is unchanged.

        Tables not replaced are shared with this dataset (read once for both).
        """
        unknown = set(changes) - {"metadata", *_TABLES}
        if unknown:
            raise ArgumentTypeError(
                f"replace() got unknown table(s): {', '.join(sorted(unknown))}; "
                f"expected metadata or one of {', '.join(_TABLES)}"
            )
        current: dict[str, Any] = {"metadata": self._metadata}
        for name in _TABLES:
            value = self._tables[name]
            current[name] = value if callable(value) else tuple(value)
        current.update(changes)
        return Dataset(**current)

    # -- tables -------------------------------------------------------------------------------

    def _table(self, name: str) -> Any:
        value = self._tables[name]
        if callable(value):
            with self._lock:
                value = self._tables[name]
                if callable(value):
                    value = _WRAP[name](value())
                    self._tables[name] = value
        return value

    @property
    def metadata(self) -> Metadata:
        """Data version, as-of date and sources."""
        return self._metadata

    @property
    def states(self) -> StateTable:
        """Every State, with ``get``, ``lookup`` and ``search``."""
        table: StateTable = self._table("states")
        return table

    @property
    def meetings(self) -> MeetingTable:
        """Every meeting, with ``get``, ``lookup`` and ``search``."""
        table: MeetingTable = self._table("meetings")
        return table

    @property
    def resolutions(self) -> ResolutionTable:
        """Every recorded vote, with ``get``, ``lookup`` and ``search`` (by session and forum,
        or by symbol)."""
        table: ResolutionTable = self._table("resolutions")
        return table

    @property
    def votes(self) -> tuple[Vote, ...]:
        """One record per State and recorded vote; absences included."""
        votes: tuple[Vote, ...] = self._table("votes")
        return votes

    @property
    def attendances(self) -> tuple[Attendance, ...]:
        """Facts of attendance (or recorded absence) at meetings."""
        attendances: tuple[Attendance, ...] = self._table("attendances")
        return attendances

    @property
    def statements(self) -> tuple[Statement, ...]:
        """What States said, with attribution and source."""
        statements: tuple[Statement, ...] = self._table("statements")
        return statements

    # -- lookups ------------------------------------------------------------------------------

    def state(self, key: str) -> State:
        """The State ``key`` names: ISO alpha-3 or alpha-2, name, former name or alias.

        Case and accents do not matter. Raises :class:`~apmbc.errors.UnknownStateError`, whose
        message suggests the closest names, when nothing matches.
        """
        return self.states.lookup(key)

    def meeting(self, key: str) -> Meeting:
        """The meeting ``key`` names (``13MSP``, ``1RC``, ``First Review Conference``...)."""
        return self.meetings.lookup(key)

    def resolution(self, session: int, forum: Forum | str = Forum.PLENARY) -> Resolution:
        """The resolution vote of ``session`` in ``forum`` (``plenary`` or ``first_committee``).

        Raises :class:`~apmbc.errors.UnknownResolutionError` when the dataset has none, and
        :class:`~apmbc.errors.ArgumentError` for a forum that is neither.
        """
        if isinstance(session, bool) or not isinstance(session, int):
            raise ArgumentTypeError(f"session must be a whole number, not {shown(session)}")
        return self.resolutions.lookup((session, as_forum(forum)))

    # -- queries (implemented in apmbc.queries) ---------------------------------------------------

    def votes_by_session(
        self,
        state: State | str,
        forum: Forum | str = Forum.PLENARY,
        *,
        sessions: queries.Sessions = None,
        start: queries.DateArg = None,
        end: queries.DateArg = None,
    ) -> dict[int, VotePosition]:
        """The State's position in each session of the period (``sessions=`` or ``start=`` /
        ``end=``, see :class:`~apmbc.queries.Period`; default: every session), in session
        order; absences included.

        >>> import apmbc
        >>> apmbc.load().votes_by_session("Cuba")[77]
        <VotePosition.ABSTAIN: 'abstain'>
        """
        return queries.votes_by_session(self, state, forum, sessions=sessions, start=start, end=end)

    def attendance(self, state: State | str) -> tuple[Attendance, ...]:
        """Every attendance fact about the State, in meeting date order (disagreements kept)."""
        return queries.attendance(self, state)

    def observer_meetings(self, state: State | str) -> tuple[Meeting, ...]:
        """Meetings a record shows the State attended as an observer, in date order."""
        return queries.observer_meetings(self, state)

    def has_attended_review_conference(self, state: State | str) -> bool | None:
        """``True``/``False`` when the records say, ``None`` when they do not.

        See :func:`apmbc.queries.has_attended_review_conference` for why this is not a plain
        bool, and :meth:`attendance` for the facts behind the answer.
        """
        return queries.has_attended_review_conference(self, state)

    def has_attended_as_observer(self, state: State | str) -> bool | None:
        """Whether the State has attended a formal meeting as an observer: ``True``, ``False``
        when the records settle every formal meeting held, ``None`` when they do not.

        See :func:`apmbc.queries.has_attended_as_observer`.
        """
        return queries.has_attended_as_observer(self, state)

    def meeting_attendance(self, meeting: Meeting | str) -> queries.MeetingAttendance:
        """The States not bound on the meeting's first day, in three groups: recorded attending,
        recorded absent, and unknown (see :func:`apmbc.queries.meeting_attendance`).

        >>> import apmbc
        >>> apmbc.load().meeting_attendance("5RC")
        MeetingAttendance(meeting='5RC', attended=3, absent=0, unknown=30, disputed=0)
        """
        return queries.meeting_attendance(self, meeting)

    def with_source_kinds(
        self,
        kinds: SourceKind | str | Iterable[SourceKind | str],
        *,
        only: bool = False,
        tables: str | Iterable[str] | None = None,
    ) -> Dataset:
        """A dataset keeping the records with a source of ``kinds`` (``only=True``: every source
        of those kinds); see :func:`apmbc.queries.with_source_kinds`.

        >>> import apmbc
        >>> apmbc.load().with_source_kinds("news", only=True, tables="votes").votes
        ()
        """
        return queries.with_source_kinds(self, kinds, only=only, tables=tables)

    def status_on(self, state: State | str, when: date | str) -> TreatyStatus:
        """The State's status on a date, by Articles 17 and 20; a date after the data's as-of
        date warns :class:`~apmbc.errors.StaleDataWarning` (once per dataset).

        >>> import apmbc
        >>> apmbc.load().status_on("Tonga", "2025-09-01")
        <TreatyStatus.JOINING: 'joining'>
        """
        return queries.state_status_on(self, state, when)

    def parties_on(self, when: date | str) -> tuple[State, ...]:
        """The States bound by the Convention on a date (withdrawing States included); a date
        after the data's as-of date warns :class:`~apmbc.errors.StaleDataWarning` (once per
        dataset)."""
        return queries.parties_on(self, when)

    @overload
    def positions(
        self, session: int, forum: Forum | str = ...
    ) -> dict[VotePosition, tuple[State, ...]]: ...

    @overload
    def positions(
        self,
        session: None = None,
        forum: Forum | str = ...,
        *,
        sessions: queries.Sessions = None,
        start: queries.DateArg = None,
        end: queries.DateArg = None,
    ) -> dict[int, dict[VotePosition, tuple[State, ...]]]: ...

    def positions(
        self,
        session: int | None = None,
        forum: Forum | str = Forum.PLENARY,
        *,
        sessions: queries.Sessions = None,
        start: queries.DateArg = None,
        end: queries.DateArg = None,
    ) -> dict[VotePosition, tuple[State, ...]] | dict[int, dict[VotePosition, tuple[State, ...]]]:
        """Who voted how in one session; without a session, in each session of the period
        (``sessions=`` or ``start=`` / ``end=``), by session (see
        :func:`apmbc.queries.positions`)."""
        return queries._positions(self, session, forum, queries.Period.of(sessions, start, end))

    def agreement(
        self,
        state_a: State | str,
        state_b: State | str,
        forum: Forum | str = Forum.PLENARY,
        *,
        sessions: queries.Sessions = None,
        start: queries.DateArg = None,
        end: queries.DateArg = None,
        measure: queries.Measure = "identical",
    ) -> float:
        """Share of the sessions of the period both States voted in where their votes matched
        (``nan`` if none); ``measure="voeten"`` scores yes 1, abstain 0.5, no 0 (see
        :func:`apmbc.queries.agreement_details`)."""
        return queries.agreement(
            self, state_a, state_b, forum, sessions=sessions, start=start, end=end, measure=measure
        )

    def agreement_details(
        self,
        state_a: State | str,
        state_b: State | str,
        forum: Forum | str = Forum.PLENARY,
        *,
        sessions: queries.Sessions = None,
        start: queries.DateArg = None,
        end: queries.DateArg = None,
        measure: queries.Measure = "identical",
    ) -> queries.Agreement:
        """The :class:`~apmbc.queries.Agreement` of two States: the value of :meth:`agreement`
        with the measure and the sessions it rests on.

        >>> import apmbc
        >>> apmbc.load().agreement_details("Cuba", "Iran").sessions_compared
        29
        """
        return queries.agreement_details(
            self, state_a, state_b, forum, sessions=sessions, start=start, end=end, measure=measure
        )

    def timeline(
        self,
        state: State | str,
        *,
        sessions: queries.Sessions = None,
        start: queries.DateArg = None,
        end: queries.DateArg = None,
    ) -> tuple[TimelineEvent, ...]:
        """Every dated event of a State in the period (default: all), in date order."""
        return queries.timeline(self, state, sessions=sessions, start=start, end=end)

    # -- other views ----------------------------------------------------------------------------

    def _repr_html_(self) -> str:
        from apmbc.output._display import dataset_html

        return dataset_html(self)

    def __repr__(self) -> str:
        return (
            f"<Dataset {self._metadata.data_version}: {len(self.states)} states, "
            f"{len(self.meetings)} meetings, {len(self.resolutions)} resolutions, "
            f"{len(self.votes)} votes, {len(self.attendances)} attendances, "
            f"{len(self.statements)} statements>"
        )
