"""Fold datasets into one: :func:`merge`, whatever each was read from.

>>> import apmbc
>>> from apmbc.models import Forum, Metadata, Resolution, State, Vote, VotePosition
>>> base = apmbc.Dataset(
...     metadata=Metadata(data_version="2026.12.01"),
...     states=[State(code="FRD", name="Freedonia")],
...     resolutions=[Resolution(session=80, forum=Forum.PLENARY)],
... )
>>> new = apmbc.Dataset(
...     metadata=Metadata(data_version="made-up"),
...     resolutions=[Resolution(session=81, forum=Forum.PLENARY, symbol="A/RES/81/1")],
...     votes=[Vote(state="FRD", session=81, forum=Forum.PLENARY, position=VotePosition.YES)],
... )
>>> result = merge(base, new, when="2026-12-08T10:00:00Z")
>>> print(result)
merged 1 input into 2026.12.01: data version 2026.12.01.post0001
resolutions: 1 added
votes: 1 added
>>> merge(result.dataset, new).dataset is result.dataset  # the second time changes nothing
True

Records are matched by the keys :func:`~apmbc.changes.diff` uses (:mod:`apmbc.changes._keys`).
See :func:`merge` for what happens to each fact.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Sequence
from typing import Any, Literal

import attrs

from apmbc.changes._diff import show
from apmbc.changes._keys import TABLES, key_of, keys, label
from apmbc.dataset import Dataset, check_dataset
from apmbc.domain.calendar import LAST_SESSION, date_in_session
from apmbc.domain.dates import to_utc
from apmbc.domain.names import collapse_spaces
from apmbc.domain.symbols import normalize_symbol
from apmbc.domain.treaty import status_on
from apmbc.errors import ArgumentError, ArgumentTypeError, shown
from apmbc.io.profile import Profile
from apmbc.io.profile._dataset import profile_dataset
from apmbc.models import (
    Action,
    Attendance,
    Meeting,
    MergedFile,
    MergeRecord,
    Metadata,
    Participation,
    Resolution,
    Source,
    State,
    Statement,
    TableCounts,
    Vote,
)
from apmbc.queries import newest_date

__all__ = ["PREFERENCES", "Conflict", "MergeResult", "merge", "next_data_version"]

Prefer = Literal["base", "other"]
PREFERENCES: tuple[str, ...] = ("base", "other")
"""The values of ``prefer``: which value a conflict keeps."""

MAX_POST = 9999
"""The most merges one release can take: the post number has four digits (see
:func:`next_data_version`)."""

REPORT_LINES = 20
"""The conflict, disagreement and skipped lines :meth:`MergeResult.__str__` shows."""


def next_data_version(version: str) -> str:
    """The data version of a dataset merged into one of ``version``: ``.post0001`` after a
    release, the next post number after a merged version.

    The post number has four digits, so that versions sort the same way as text and as
    versions (PEP 440): ``2026.12.01`` < ``2026.12.01.post0001`` < ``2026.12.01.post0002`` <
    ``2026.12.01.post0010``. Raises :class:`~apmbc.errors.ArgumentError` after
    ``.post9999``, :class:`~apmbc.errors.ArgumentTypeError` for a version that is not a string.

    >>> next_data_version("2026.12.01"), next_data_version("2026.12.01.post0009")
    ('2026.12.01.post0001', '2026.12.01.post0010')
    """
    if not isinstance(version, str):
        raise ArgumentTypeError(f"a data version is a string, not {type(version).__name__}")
    release, post, number = version.rpartition(".post")
    if post and number.isascii() and number.isdigit() and len(number) <= 9:
        count = int(number) + 1
    else:
        release, count = version, 1
    if count > MAX_POST:
        raise ArgumentError(
            f"data version {shown(version)} has had {MAX_POST} merges, the most the four-digit "
            "post number can count; start a new release"
        )
    return f"{release}.post{count:04d}"


# -- what a merge reports ------------------------------------------------------------------------


def _value_text(value: object) -> str:
    """A field's value as a conflict shows it (records and dates as the diff shows them)."""
    if value is None:
        return "unknown"
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return str(value)
    shown = show(value)
    return shown[1:-1] if shown.startswith("'") and shown.endswith("'") else shown


def _sources_text(sources: Iterable[Source]) -> tuple[str, ...]:
    return tuple(str(s) for s in sources)


def _cited(sources: tuple[str, ...]) -> str:
    if not sources:
        return "no source"
    first = sources[0] if len(sources[0]) <= 60 else sources[0][:57] + "..."
    return first + (f" and {len(sources) - 1} more" if len(sources) > 1 else "")


@attrs.frozen(kw_only=True)
class Conflict:
    """Two inputs that say different things about one fact: which record, which field, the two
    values and their sources, and which value the merged dataset holds."""

    table: str
    """``states``, ``meetings``, ``resolutions``, ``votes``, ``attendances`` or ``statements``."""
    key: str
    """The record, as reports name it: ``CUB 77 plenary``, ``CUB 13MSP attended=yes``."""
    field: str
    """The field that differs (``position``, ``tally.yes``); for a kept disagreement, the field
    the two facts differ in (``attended``, ``participation``)."""
    base: str
    """What the dataset merged into holds (by the time this input came)."""
    other: str
    """What the input says."""
    base_sources: tuple[str, ...] = ()
    other_sources: tuple[str, ...] = ()
    kept: str = "base"
    """``base`` or ``other`` (see ``prefer``); ``both`` for a disagreement kept side by side."""

    def __str__(self) -> str:
        outcome = {"base": "kept the base's", "other": "took the other's", "both": "kept both"}
        return (
            f"{self.table} {self.key}: {self.field} {self.base} ({_cited(self.base_sources)}) "
            f"vs {self.other} ({_cited(self.other_sources)}); {outcome.get(self.kept, self.kept)}"
        )

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON."""
        return {
            "table": self.table,
            "key": self.key,
            "field": self.field,
            "base": self.base,
            "other": self.other,
            "base_sources": list(self.base_sources),
            "other_sources": list(self.other_sources),
            "kept": self.kept,
        }


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" + ("" if count == 1 else "s")


@attrs.frozen(kw_only=True)
class MergeResult:
    """The merged dataset and an account of every record of every input.

    ``str(result)`` is a short report; :meth:`to_dict` is the same as plain data.
    """

    dataset: Dataset
    """The merged dataset; the inputs are unchanged. When nothing was added or changed, this is
    the base itself."""
    base_version: str
    """The data version merged into."""
    inputs: int
    """How many datasets were merged into the base."""
    added: TableCounts = attrs.field(factory=TableCounts)
    """Records of the inputs the base did not hold, per table (added with their sources)."""
    confirmed: TableCounts = attrs.field(factory=TableCounts)
    """Records the base held already and the input agrees with (their sources, aliases, notes
    and facts the base left unknown are added to the base's record)."""
    conflicting: TableCounts = attrs.field(factory=TableCounts)
    """Records the base held already and the input contradicts in some field (see
    :attr:`conflicts`)."""
    conflicts: tuple[Conflict, ...] = ()
    """Every field in which an input contradicts the base, with the value kept."""
    disagreements: tuple[Conflict, ...] = ()
    """Facts kept side by side because sources disagree: an attendance fact opposite to one the
    base holds (both are kept, as in the bundled data), a meeting's participation figures that
    differ (the input's become an alternative)."""
    skipped: tuple[str, ...] = ()
    """Records that could not be merged, each with the reason (a roll call other than the
    Convention's without a record id, a profile page's fact the data cannot place)."""

    @property
    def changed(self) -> bool:
        """Whether the merged dataset differs from the base (it then has a new data version)."""
        return self.dataset.metadata.data_version != self.base_version

    def lines(self, limit: int | None = REPORT_LINES) -> list[str]:
        """The report's lines: a head line, one per table with records, then one per conflict,
        disagreement and skipped record (at most ``limit`` of those, then "... and N more")."""
        version = self.dataset.metadata.data_version
        inputs = _plural(self.inputs, "input")
        if self.changed:
            head = f"merged {inputs} into {self.base_version}: data version {version}"
        else:
            head = f"merged {inputs} into {self.base_version}: nothing new, the data is unchanged"
        out = [head]
        for table in TABLES:
            counts = [
                (getattr(self.added, table), "added"),
                (getattr(self.confirmed, table), "confirmed"),
                (getattr(self.conflicting, table), "conflicting"),
            ]
            shown = ", ".join(f"{n} {word}" for n, word in counts if n)
            if shown:
                out.append(f"{table}: {shown}")
        body = [f"conflict: {c}" for c in self.conflicts]
        body.extend(f"disagreement: {d}" for d in self.disagreements)
        body.extend(f"skipped: {reason}" for reason in self.skipped)
        if limit is not None and len(body) > limit:
            body = [*body[:limit], f"... and {len(body) - limit} more"]
        return out + body

    def __str__(self) -> str:
        return "\n".join(self.lines())

    def to_dict(self) -> dict[str, Any]:
        """Plain data: versions, counts per table, conflicts, disagreements and skipped records."""
        return {
            "base_version": self.base_version,
            "data_version": self.dataset.metadata.data_version,
            "changed": self.changed,
            "inputs": self.inputs,
            "tables": {
                table: {
                    "added": getattr(self.added, table),
                    "confirmed": getattr(self.confirmed, table),
                    "conflicting": getattr(self.conflicting, table),
                }
                for table in TABLES
            },
            "conflicts": [c.to_dict() for c in self.conflicts],
            "disagreements": [d.to_dict() for d in self.disagreements],
            "skipped": list(self.skipped),
        }


# -- how two records of one key fold into one ----------------------------------------------------

_KEY_PARTS: dict[type, frozenset[str]] = {
    State: frozenset({"code", "status"}),  # the status follows the dates (see _statuses)
    Meeting: frozenset({"code", "participation"}),  # participation: see _participation
    Resolution: frozenset({"session", "forum", "convention"}),
    Vote: frozenset({"state", "session", "forum", "record"}),
    Attendance: frozenset({"state", "meeting", "attended"}),
    Statement: frozenset({"state", "context", "meeting", "session", "year", "text"}),
}
"""Fields not compared: the key (equal by construction) and what is folded apart."""

_DESCRIPTIVE: dict[type, frozenset[str]] = {
    Resolution: frozenset({"title"}),
    Vote: frozenset({"recorded_name"}),
    Attendance: frozenset({"evidence"}),
    Statement: frozenset({"attribution"}),
    Participation: frozenset({"basis", "summary"}),
}
"""Fields that describe a fact rather than state one (a title as a source spells it, a name as
recorded, a paraphrase of the evidence): the base's value stays; the input's fills it only where
the base has none. They never conflict."""

_SYMBOLS: frozenset[tuple[type, str]] = frozenset({(Resolution, "symbol"), (Vote, "resolution")})
"""Fields holding a UN symbol: two spellings of one symbol agree."""

_FIGURES = ("states_parties", "not_yet_in_force", "observer_states", "total_states")


def _union(old: tuple[Any, ...], new: tuple[Any, ...]) -> tuple[Any, ...]:
    """``old``, then each item of ``new`` it lacks, once."""
    have = set(old)
    extra = []
    for item in new:
        if item not in have:
            have.add(item)
            extra.append(item)
    return old + tuple(extra) if extra else old


def _source_key(source: Source) -> tuple[Any, ...]:
    """What makes two sources one: the address and the citation (the note, title, kind and
    retrieval date describe the source, they do not make another). A source with neither is
    known by all its fields."""
    if source.url or source.citation:
        return (source.url, source.citation)
    return (source.url, source.citation, source.title, source.note, source.retrieved, source.kind)


def _sources(old: tuple[Source, ...], new: tuple[Source, ...]) -> tuple[Source, ...]:
    """``old``, then each source of ``new`` that ``old`` does not cite (by :func:`_source_key`)."""
    have = {_source_key(s) for s in old}
    extra = []
    for source in new:
        key = _source_key(source)
        if key not in have:
            have.add(key)
            extra.append(source)
    return old + tuple(extra) if extra else old


def _action_key(action: Action) -> tuple[Any, ...]:
    return (action.date, collapse_spaces(action.description))


def _same_symbol(a: str, b: str) -> bool:
    return normalize_symbol(a) == normalize_symbol(b)


class _Fold:
    """Folds an input's record into the base's record of the same key, noting each conflict."""

    def __init__(self, prefer: Prefer) -> None:
        self.prefer = prefer
        self.conflicts: list[Conflict] = []
        self.disagreements: list[Conflict] = []
        self._where: tuple[str, str, tuple[str, ...], tuple[str, ...]] = ("", "", (), ())

    def record(self, table: str, key: str, base: Any, other: Any) -> tuple[Any, bool]:
        """The folded record, and whether the input contradicted the base in some field."""
        before = len(self.conflicts)
        self._where = (table, key, _sources_text(base.sources), _sources_text(other.sources))
        return self._fold(base, other, ""), len(self.conflicts) > before

    def _conflict(self, field: str, base: object, other: object, kept: str) -> Conflict:
        table, key, base_sources, other_sources = self._where
        return Conflict(
            table=table,
            key=key,
            field=field,
            base=_value_text(base),
            other=_value_text(other),
            base_sources=base_sources,
            other_sources=other_sources,
            kept=kept,
        )

    def _fold(self, base: Any, other: Any, path: str) -> Any:
        cls = type(base)
        skip = _KEY_PARTS.get(cls, frozenset())
        if cls is Resolution and not base.convention:
            skip = skip | {"record"}  # a roll call other than the Convention's: its key
        changes: dict[str, Any] = {}
        for field in attrs.fields(cls):
            name = field.name
            if name in skip:
                continue
            old, new = getattr(base, name), getattr(other, name)
            if old == new:
                continue
            merged = self._field(cls, name, old, new, f"{path}{name}")
            if merged != old:
                changes[name] = merged
        if cls is Meeting:
            self._participation(base, other, changes)
        return attrs.evolve(base, **changes) if changes else base

    def _field(self, cls: type, name: str, old: Any, new: Any, path: str) -> Any:
        if name == "sources":
            return _sources(old, new)
        if cls is State and name == "other_actions":
            return self._actions(old, new)
        if isinstance(old, tuple) and isinstance(new, tuple):
            return _union(old, new)
        if cls is Attendance and name == "inferred":
            return old and new  # inferred only while every source infers it
        if old is None:
            return new
        if new is None:
            return old
        if attrs.has(type(old)) and type(old) is type(new):
            return self._fold(old, new, f"{path}.")
        if name in _DESCRIPTIVE.get(cls, frozenset()):
            return old
        if (cls, name) in _SYMBOLS and _same_symbol(old, new):
            return old
        self.conflicts.append(self._conflict(path, old, new, self.prefer))
        return new if self.prefer == "other" else old

    def _actions(self, old: tuple[Action, ...], new: tuple[Action, ...]) -> tuple[Action, ...]:
        """Other actions by date and description: the same act from two sources is one act."""
        merged = list(old)
        where = {_action_key(a): i for i, a in enumerate(merged)}
        for action in new:
            i = where.get(_action_key(action))
            if i is None:
                where[_action_key(action)] = len(merged)
                merged.append(action)
            else:
                merged[i] = attrs.evolve(
                    merged[i], sources=_sources(merged[i].sources, action.sources)
                )
        return tuple(merged)

    def _participation(self, base: Meeting, other: Meeting, changes: dict[str, Any]) -> None:
        """Figures that agree (or fill unknowns) fold into the base's; figures that differ are
        kept as an alternative, so that the disagreement stays visible."""
        old, new = base.participation, other.participation
        if new is None or old == new:
            return
        if old is None:
            changes["participation"] = new
            return
        if all(
            getattr(old, f) is None or getattr(new, f) is None or getattr(old, f) == getattr(new, f)
            for f in _FIGURES
        ):
            merged = self._fold(old, new, "participation.")
            if merged != old:
                changes["participation"] = merged
            return
        alternatives = changes.get("participation_alternatives", base.participation_alternatives)
        if new not in alternatives:
            changes["participation_alternatives"] = (*alternatives, new)
        self.disagreements.append(
            self._conflict("participation", _figures_text(old), _figures_text(new), "both")
        )


def _figures_text(p: Participation) -> str:
    return ", ".join(f"{f} {getattr(p, f)}" for f in _FIGURES if getattr(p, f) is not None)


# -- the merge -------------------------------------------------------------------------------------


def _check_prefer(prefer: object) -> Prefer:
    if prefer == "base":
        return "base"
    if prefer == "other":
        return "other"
    if not isinstance(prefer, str):
        raise ArgumentTypeError(f"prefer must be 'base' or 'other', not {type(prefer).__name__}")
    shown = prefer if len(prefer) <= 40 else prefer[:37] + "..."
    raise ArgumentError(f"invalid prefer {shown!r}: expected 'base' or 'other'")


def _inputs(
    base: Dataset, others: Sequence[object], state: str | None
) -> tuple[list[Dataset], list[str]]:
    """Every input as a dataset (a profile page converted first), and what could not be placed."""
    datasets: list[Dataset] = []
    skipped: list[str] = []
    if state is not None and not any(isinstance(other, Profile) for other in others):
        raise ArgumentError("state= names the State of a profile page, and no page was given")
    for i, other in enumerate(others):
        if isinstance(other, Dataset):
            datasets.append(other)
        elif isinstance(other, Profile):
            converted, unplaced = profile_dataset(other, base, state)
            datasets.append(converted)
            skipped.extend(unplaced)
        else:
            raise ArgumentTypeError(
                f"merge() input {i + 1} must be a Dataset (or a Profile), not "
                f"{type(other).__name__}"
            )
    return datasets, skipped


def _files(
    files: Sequence[MergedFile | Sequence[MergedFile]] | None, datasets: list[Dataset]
) -> list[tuple[MergedFile, ...]]:
    if files is None:
        return [(MergedFile(name=ds.metadata.data_version),) for ds in datasets]
    if isinstance(files, (str, bytes)) or not isinstance(files, Sequence):
        raise ArgumentTypeError("files must be a sequence: the files of each input, in order")
    if len(files) != len(datasets):
        raise ArgumentError(
            f"files gives {len(files)} input(s) for {len(datasets)} dataset(s) merged: one "
            "MergedFile (or a tuple of them) per input"
        )
    out: list[tuple[MergedFile, ...]] = []
    for item in files:
        group = (item,) if isinstance(item, MergedFile) else tuple(item)
        if not group or not all(isinstance(f, MergedFile) for f in group):
            raise ArgumentTypeError("files holds, for each input, a MergedFile or a tuple of them")
        out.append(group)
    return out


def _unplaced_roll_calls(other: Dataset) -> tuple[set[tuple[Any, ...]], list[str]]:
    """The (session, forum) of roll calls that cannot be told apart: not the Convention's and
    without a record id. Their votes, which name no record either, are left out with them."""
    places: dict[tuple[Any, ...], list[Resolution]] = {}
    for r in other.resolutions:
        if not r.convention and r.record is None:
            places.setdefault((r.session, r.forum), []).append(r)
    reasons = [
        f"resolutions {r.session} {r.forum.value}"
        + (f" ({r.symbol})" if r.symbol else "")
        + ": a roll call other than the Convention's resolution needs a record id to be told "
        "from the others; not merged, nor the votes on it"
        for group in places.values()
        for r in group
    ]
    return set(places), reasons


def _votes_on_unplaced(other: Dataset, places: set[tuple[Any, ...]]) -> set[int]:
    """The positions of the votes that belong to an unplaced roll call."""
    if not places:
        return set()
    convention: dict[tuple[Any, ...], set[str]] = {}
    unplaced: dict[tuple[Any, ...], set[str]] = {}
    for r in other.resolutions:
        place = (r.session, r.forum)
        if place in places and r.symbol:
            target = convention if r.convention else unplaced if r.record is None else None
            if target is not None:
                target.setdefault(place, set()).add(normalize_symbol(r.symbol))
    out: set[int] = set()
    for i, vote in enumerate(other.votes):
        place = (vote.session, vote.forum)
        if vote.record is not None or place not in places:
            continue
        if place not in convention:
            out.add(i)  # no Convention resolution there: the vote is on an unplaced one
            continue
        symbol = normalize_symbol(vote.resolution) if vote.resolution else None
        if symbol in unplaced.get(place, set()) and symbol not in convention[place]:
            out.add(i)
    return out


class _Tables:
    """The merged tables while inputs fold in: records and where each key stands."""

    def __init__(self, base: Dataset) -> None:
        self.records: dict[str, list[Any]] = {t: list(getattr(base, t)) for t in TABLES}
        self.index: dict[str, dict[tuple[Any, ...], int]] = {}
        for table in TABLES:
            key_fn = keys(table)
            index: dict[tuple[Any, ...], int] = {}
            for i, record in enumerate(self.records[table]):
                index.setdefault(key_fn(record), i)
            self.index[table] = index
        self.changed: dict[str, set[int]] = {t: set() for t in TABLES}

    def tuple(self, table: str) -> tuple[Any, ...]:
        return tuple(self.records[table])


def _placed_in_calendar(table: str, i: int, record: Any, skipped: list[str]) -> Any:
    """``record`` (a vote or a resolution), or ``None`` when its session is none the UN can
    have held; a resolution dated outside its session's window keeps its date unknown."""
    session = record.session
    if not 1 <= session <= LAST_SESSION:
        skipped.append(
            f"{table}[{i}]: there is no General Assembly session {shown(session)} "
            f"(sessions 1 to {LAST_SESSION}): not merged"
        )
        return None
    dated = table == "resolutions" and record.date is not None
    if dated and not date_in_session(record.date, session):
        skipped.append(
            f"resolutions[{i}]: dated {record.date.isoformat()}, outside session {session}: "
            "merged with its date unknown"
        )
        return attrs.evolve(record, date=None)
    return record


def _fold_input(
    tables: _Tables, other: Dataset, fold: _Fold, skipped: list[str]
) -> tuple[TableCounts, TableCounts, TableCounts]:
    places, reasons = _unplaced_roll_calls(other)
    skipped.extend(reasons)
    left_out = _votes_on_unplaced(other, places)
    added: dict[str, int] = {}
    confirmed: dict[str, int] = {}
    conflicting: dict[str, int] = {}
    for table in TABLES:
        key_fn = keys(table)
        records = tables.records[table]
        index = tables.index[table]
        n_added = n_confirmed = n_conflicting = 0
        for i, record in enumerate(getattr(other, table)):
            if table == "resolutions" and not record.convention and record.record is None:
                continue
            if table == "votes" and i in left_out:
                continue
            if table in ("votes", "resolutions"):
                record = _placed_in_calendar(table, i, record, skipped)
                if record is None:
                    continue
            key = key_fn(record)
            at = index.get(key)
            if at is None:
                index[key] = len(records)
                tables.changed[table].add(len(records))
                records.append(record)
                n_added += 1
                if table == "attendances":
                    _opposite(tables, record, fold)
                continue
            held = records[at]
            if held == record:
                n_confirmed += 1
                continue
            merged, contradicted = fold.record(table, label(table, key), held, record)
            if merged != held:
                records[at] = merged
                tables.changed[table].add(at)
            if contradicted:
                n_conflicting += 1
            else:
                n_confirmed += 1
        added[table], confirmed[table], conflicting[table] = n_added, n_confirmed, n_conflicting
    return TableCounts(**added), TableCounts(**confirmed), TableCounts(**conflicting)


def _opposite(tables: _Tables, fact: Attendance, fold: _Fold) -> None:
    """Note a new attendance fact that says the opposite of one held: both are kept."""
    opposite = attrs.evolve(fact, attended=not fact.attended)
    at = tables.index["attendances"].get(key_of("attendances", opposite))
    if at is None:
        return
    held: Attendance = tables.records["attendances"][at]
    fold.disagreements.append(
        Conflict(
            table="attendances",
            key=f"{fact.state} {fact.meeting}",
            field="attended",
            base=_value_text(held.attended),
            other=_value_text(fact.attended),
            base_sources=_sources_text(held.sources),
            other_sources=_sources_text(fact.sources),
            kept="both",
        )
    )


def _as_of(base: Dataset, others: Sequence[Dataset]) -> _dt.date | None:
    days = [base.metadata.as_of]
    days.extend(o.metadata.as_of or newest_date(o) for o in others)
    return max((d for d in days if d is not None), default=None)


def _statuses(states: list[State], as_of: _dt.date | None, which: Iterable[int]) -> None:
    """The status of each State in ``which``: its status on the as-of date, by its dates."""
    if as_of is None:
        return
    for i in which:
        state = states[i]
        status = status_on(state, as_of)
        if status is not state.status:
            states[i] = attrs.evolve(state, status=status)


def merge(
    base: Dataset,
    *others: Dataset | Profile,
    prefer: Prefer = "base",
    state: str | None = None,
    when: _dt.datetime | str | None = None,
    files: Sequence[MergedFile | Sequence[MergedFile]] | None = None,
) -> MergeResult:
    """Fold every dataset of ``others`` into ``base``, record by record; ``base`` is unchanged.

    Any dataset folds in: one read with :func:`apmbc.load_json`, :func:`apmbc.load_undl_csv`,
    :func:`apmbc.load_voeten_csv` or :func:`apmbc.load_unvotes_csv`, a recorded vote's or a
    final report's ``to_dataset()``, a profile page's :meth:`~apmbc.io.profile.Profile.to_dataset`
    (or the :class:`~apmbc.io.profile.Profile` itself, converted first against ``base``, with
    ``state`` naming its State when the page does not). Inputs fold in order, each into what the
    ones before it made.

    Records are matched by key, the keys of :func:`apmbc.diff`: States and meetings by code,
    roll calls by identity (session and forum for the Convention's resolution, the record id
    otherwise), votes by State and roll call, attendances by State, meeting and answer,
    statements by State, context, meeting, session, year and text. For each record of an input:

    - a key the base lacks: the record is **added**, with its sources;
    - a key the base holds, and the input says the same: **confirmed**; the base's record gains
      the input's sources, aliases, former names, notes, other actions (one act with the sources
      of both when date and description agree) and any fact the base leaves unknown;
    - a key the base holds, and the input says otherwise in some field (a position, a date, a
      tally's figure): a :class:`Conflict`, and the base's value stays unless ``prefer="other"``.
      Descriptive fields (a resolution's title, a vote's recorded name, an attendance's
      evidence, a statement's attribution) keep the base's words and never conflict; two
      spellings of one symbol agree.

    Disagreements are kept, as the bundled data keeps them: an attendance fact opposite to one
    the base holds is added beside it; a meeting's participation figures that differ from the
    base's become one of its ``participation_alternatives``. A roll call other than the
    Convention's without a record id cannot be told from the others: it and its votes are
    skipped, and :attr:`MergeResult.skipped` says so.

    When nothing is added or changed, the result's dataset is ``base`` itself: merging the same
    input twice changes nothing the second time. Otherwise its metadata is the base's with a new
    ``data_version`` (:func:`next_data_version`), ``base_version`` (the base's version), a
    :class:`~apmbc.models.MergeRecord` appended to ``merges`` (``when``, default now, in UTC; one
    :class:`~apmbc.models.MergedFile` per input, from ``files`` or else named by the input's data
    version, with what it added), the inputs' sources, ``as_of`` the newest of the inputs' as-of
    dates (for an input without one, such as a UN voting CSV, the newest date in it) and
    ``newest_source`` (:func:`apmbc.queries.newest_date`). Each State's ``status`` is its status on
    that as-of date by :func:`apmbc.domain.treaty.status_on`.

    Raises :class:`~apmbc.errors.ArgumentTypeError` for an input that is not a dataset (or a
    profile) and :class:`~apmbc.errors.ArgumentError` for a ``prefer`` other than ``"base"`` or
    ``"other"``, ``files`` of another length than ``others``, or ``state`` without a page.
    """
    check_dataset(base, "base")
    chosen = _check_prefer(prefer)
    moment = to_utc(when) if when is not None else to_utc(_dt.datetime.now(_dt.timezone.utc))
    skipped: list[str] = []
    datasets, unplaced = _inputs(base, others, state)
    skipped.extend(unplaced)
    groups = _files(files, datasets)
    tables = _Tables(base)
    fold = _Fold(chosen)
    totals: list[list[TableCounts]] = [[], [], []]
    recorded: list[MergedFile] = []
    for dataset, group in zip(datasets, groups, strict=True):
        counts = _fold_input(tables, dataset, fold, skipped)
        for total, count in zip(totals, counts, strict=True):
            total.append(count)
        first, *rest = group
        recorded.extend((attrs.evolve(first, added=counts[0]), *rest))
    added, confirmed, conflicting = (_sum(t) for t in totals)
    merged = base
    if any(tables.changed.values()):
        merged = _merged(base, datasets, tables, chosen, moment, tuple(recorded))
    return MergeResult(
        dataset=merged,
        base_version=base.metadata.data_version,
        inputs=len(datasets),
        added=added,
        confirmed=confirmed,
        conflicting=conflicting,
        conflicts=tuple(fold.conflicts),
        disagreements=tuple(fold.disagreements),
        skipped=tuple(skipped),
    )


def _sum(counts: list[TableCounts]) -> TableCounts:
    return TableCounts(**{t: sum(getattr(c, t) for c in counts) for t in TABLES})


def _merged(
    base: Dataset,
    datasets: list[Dataset],
    tables: _Tables,
    prefer: Prefer,
    moment: _dt.datetime,
    files: tuple[MergedFile, ...],
) -> Dataset:
    as_of = _as_of(base, datasets)
    states = tables.records["states"]
    which = range(len(states)) if as_of != base.metadata.as_of else tables.changed["states"]
    _statuses(states, as_of, which)
    old = base.metadata
    version = next_data_version(old.data_version)
    sources = old.sources
    for dataset in datasets:
        sources = _sources(sources, dataset.metadata.sources)
    record = MergeRecord(
        when=moment,
        base_version=old.data_version,
        data_version=version,
        files=files,
        prefer=prefer,
    )
    merged = base.replace(**{t: tables.tuple(t) for t in TABLES})
    metadata: Metadata = attrs.evolve(
        old,
        data_version=version,
        as_of=as_of,
        sources=sources,
        newest_source=newest_date(merged),
        base_version=old.data_version,
        merges=(*old.merges, record),
    )
    return merged.replace(metadata=metadata)
