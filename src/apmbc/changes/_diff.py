"""What changed between two datasets: records added, removed and changed, table by table.

>>> import apmbc
>>> from apmbc.changes._diff import diff
>>> a = apmbc.Dataset(metadata=apmbc.Metadata(data_version="1"))
>>> bool(diff(a, a))
False

Records are matched by key, not by position: the keys of :mod:`apmbc.changes._keys` (the ones
:func:`~apmbc.changes.merge` folds by), e.g. ``(state, session, forum, record)`` for a vote and
``(state, meeting, attended)`` for an attendance fact.

A changed record lists each field that differs with its old and new value; nested records
(``tally``, ``president``, ``participation``) are compared field by field (``tally.yes``).
When a key occurs more than once in a table, equal records are paired first and the rest in
order, so nothing is lost.
"""

from __future__ import annotations

import datetime as _dt
import enum
from collections import Counter
from collections.abc import Sequence
from typing import Any, Generic, TypeVar

import attrs

from apmbc.changes._keys import KEY_FIELDS, Key, key_of, keys, label
from apmbc.convert import to_dict
from apmbc.dataset import Dataset, check_dataset
from apmbc.models import Attendance, Meeting, Resolution, State, Statement, Vote

__all__ = ["DatasetDiff", "FieldChange", "RecordChange", "TableDiff", "diff"]

R = TypeVar("R", State, Meeting, Resolution, Vote, Attendance, Statement)


# -- showing values ------------------------------------------------------------------------------


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 3] + "..."


def show(value: object, width: int = 60) -> str:
    """A short, readable rendering of a field value for the report."""
    if isinstance(value, enum.Enum):
        return repr(value.value)
    if isinstance(value, _dt.date):
        return repr(value.isoformat())
    if isinstance(value, str):
        return repr(_clip(value, width))
    if isinstance(value, tuple):
        inner = ", ".join(show(v, width) for v in value)
        return _clip(f"[{inner}]", width + 20)
    cls: Any = type(value)
    if attrs.has(cls):
        parts = ", ".join(
            f"{f.name}={show(getattr(value, f.name), width)}"
            for f in attrs.fields(cls)
            if getattr(value, f.name) not in (None, ())
        )
        return _clip(f"{cls.__name__}({parts})", width + 20)
    return repr(value)


def _plain(value: object) -> Any:
    """``value`` as plain JSON-ready data."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    return to_dict(value)


# -- result types ----------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class FieldChange:
    """One field whose value differs: its dotted path, the old and the new value."""

    field: str
    """``position``, ``tally.yes``, ``notes``..."""
    old: Any
    new: Any

    def __str__(self) -> str:
        return f"{self.field} {show(self.old)} -> {show(self.new)}"

    def to_dict(self) -> dict[str, Any]:
        """``{"field": ..., "old": ..., "new": ...}`` with plain values."""
        return {"field": self.field, "old": _plain(self.old), "new": _plain(self.new)}


@attrs.frozen(kw_only=True)
class RecordChange(Generic[R]):
    """A record present in both datasets under the same key, with different contents."""

    key: Key
    old: R
    new: R
    fields: tuple[FieldChange, ...]


@attrs.frozen(kw_only=True)
class TableDiff(Generic[R]):
    """The records of one table that were added, removed or changed."""

    table: str
    """``states``, ``meetings``, ``resolutions``, ``votes``, ``attendances`` or ``statements``."""
    added: tuple[R, ...] = ()
    removed: tuple[R, ...] = ()
    changed: tuple[RecordChange[R], ...] = ()

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.changed)

    @property
    def key_fields(self) -> tuple[str, ...]:
        """The names of the parts of this table's key."""
        return KEY_FIELDS[self.table]

    def key_of(self, record: R) -> Key:
        """The key of ``record`` in this table."""
        return key_of(self.table, record)

    def label(self, key: Key) -> str:
        """A key as the report shows it, e.g. ``CUB 77 plenary`` (an unknown record left out)."""
        return label(self.table, key)

    def summary(self) -> str:
        """``votes: 2 added, 1 changed`` (``votes: no changes`` when empty)."""
        parts = [
            f"{len(items)} {word}"
            for items, word in (
                (self.added, "added"),
                (self.removed, "removed"),
                (self.changed, "changed"),
            )
            if items
        ]
        return f"{self.table}: {', '.join(parts) if parts else 'no changes'}"

    def lines(self, limit: int | None = None) -> list[str]:
        """The summary, then one line per record: ``+`` added, ``-`` removed, ``~`` changed."""
        out = [self.summary()]
        body: list[str] = []
        body.extend(f"+ {self.table} {self.label(self.key_of(r))}{_brief(r)}" for r in self.added)
        body.extend(f"- {self.table} {self.label(self.key_of(r))}{_brief(r)}" for r in self.removed)
        body.extend(
            f"~ {self.table} {self.label(c.key)}: " + "; ".join(str(f) for f in c.fields)
            for c in self.changed
        )
        if limit is not None and len(body) > limit:
            body = [*body[:limit], f"  ... and {len(body) - limit} more"]
        return out + body

    def to_dict(self) -> dict[str, Any]:
        """Plain data: added and removed records in full, changes as key and fields."""
        return {
            "added": [to_dict(r) for r in self.added],
            "removed": [to_dict(r) for r in self.removed],
            "changed": [
                {
                    "key": {n: _plain(v) for n, v in zip(self.key_fields, c.key, strict=True)},
                    "fields": [f.to_dict() for f in c.fields],
                }
                for c in self.changed
            ],
        }


def _brief(record: object) -> str:
    if isinstance(record, Vote):
        return f": {record.position.value}"
    if isinstance(record, (State, Meeting)):
        return f" ({record.name})"
    if isinstance(record, Resolution) and record.symbol:
        return f" ({record.symbol})"
    return ""


@attrs.frozen(kw_only=True)
class DatasetDiff:
    """Everything that changed from one dataset to another.

    ``bool(d)`` is false when nothing changed; ``str(d)`` is a readable report; ``d.to_dict()``
    is the same as plain data (for JSON output).
    """

    metadata: tuple[FieldChange, ...] = ()
    states: TableDiff[State] = TableDiff(table="states")
    meetings: TableDiff[Meeting] = TableDiff(table="meetings")
    resolutions: TableDiff[Resolution] = TableDiff(table="resolutions")
    votes: TableDiff[Vote] = TableDiff(table="votes")
    attendances: TableDiff[Attendance] = TableDiff(table="attendances")
    statements: TableDiff[Statement] = TableDiff(table="statements")

    @property
    def tables(self) -> tuple[TableDiff[Any], ...]:
        """The six table diffs, in the order of a dataset file."""
        return (
            self.states,
            self.meetings,
            self.resolutions,
            self.votes,
            self.attendances,
            self.statements,
        )

    def __bool__(self) -> bool:
        return bool(self.metadata) or any(self.tables)

    def report(self, limit: int | None = None) -> str:
        """The report; ``limit`` caps the record lines shown per table."""
        if not self:
            return "no differences"
        lines: list[str] = []
        if self.metadata:
            lines.append(f"metadata: {len(self.metadata)} changed")
            lines.extend(f"~ metadata: {change}" for change in self.metadata)
        for table in self.tables:
            if table:
                lines.extend(table.lines(limit))
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.report()

    def to_dict(self) -> dict[str, Any]:
        """Plain data: ``{"changed": bool, "summary": {...}, "metadata": [...], "tables": {...}}``.

        ``summary`` counts added, removed and changed records per table; ``tables`` holds each
        table's :meth:`TableDiff.to_dict`; ``metadata`` lists the changed metadata fields.
        """
        return {
            "changed": bool(self),
            "summary": {
                t.table: {
                    "added": len(t.added),
                    "removed": len(t.removed),
                    "changed": len(t.changed),
                }
                for t in self.tables
            },
            "metadata": [change.to_dict() for change in self.metadata],
            "tables": {t.table: t.to_dict() for t in self.tables},
        }


# -- computing -----------------------------------------------------------------------------------


def field_changes(old: Any, new: Any, prefix: str = "") -> list[FieldChange]:
    """The fields of two records of one class that differ (nested records field by field)."""
    changes: list[FieldChange] = []
    cls: Any = type(old)
    for field in attrs.fields(cls):
        before = getattr(old, field.name)
        after = getattr(new, field.name)
        if before == after:
            continue
        path = f"{prefix}{field.name}"
        if (
            before is not None
            and after is not None
            and type(before) is type(after)
            and attrs.has(type(before))
        ):
            changes.extend(field_changes(before, after, f"{path}."))
        else:
            changes.append(FieldChange(field=path, old=before, new=after))
    return changes


def _table_diff(name: str, old: Sequence[R], new: Sequence[R]) -> TableDiff[R]:
    key_of = keys(name)
    before: dict[Key, list[R]] = {}
    for record in old:
        before.setdefault(key_of(record), []).append(record)
    after: dict[Key, list[R]] = {}
    for record in new:
        after.setdefault(key_of(record), []).append(record)
    added: list[R] = []
    removed: list[R] = []
    changed: list[RecordChange[R]] = []
    for key in [*before, *(k for k in after if k not in before)]:
        olds = list(before.get(key, ()))
        news = list(after.get(key, ()))
        if olds == news:
            continue
        # Equal records pair first (counted, so that many records under one key stay linear);
        # the rest pair in order.
        unpaired = Counter(olds)
        unpaired.subtract(news)
        olds = _take(olds, {r: n for r, n in unpaired.items() if n > 0})
        news = _take(news, {r: -n for r, n in unpaired.items() if n < 0})
        for a, b in zip(olds, news, strict=False):
            changed.append(RecordChange(key=key, old=a, new=b, fields=tuple(field_changes(a, b))))
        removed.extend(olds[len(news) :])
        added.extend(news[len(olds) :])
    return TableDiff(table=name, added=tuple(added), removed=tuple(removed), changed=tuple(changed))


def _take(records: list[R], wanted: dict[R, int]) -> list[R]:
    """The records that stay unpaired: for each, as many of its copies as ``wanted`` says,
    the last ones, in order."""
    left = dict(wanted)
    kept: list[R] = []
    for record in reversed(records):
        if left.get(record, 0) > 0:
            left[record] -= 1
            kept.append(record)
    kept.reverse()
    return kept


def diff(a: Dataset, b: Dataset) -> DatasetDiff:
    """What changed from dataset ``a`` (old) to dataset ``b`` (new).

    Each table's records are matched by key (see the module documentation); the result lists
    the records added, removed and changed (with the fields that differ), and the metadata
    fields that changed. Either argument not a :class:`~apmbc.dataset.Dataset` raises
    :class:`~apmbc.errors.ArgumentTypeError`.
    """
    check_dataset(a, "a")
    check_dataset(b, "b")
    return DatasetDiff(
        metadata=tuple(field_changes(a.metadata, b.metadata)),
        states=_table_diff("states", a.states, b.states),
        meetings=_table_diff("meetings", a.meetings, b.meetings),
        resolutions=_table_diff("resolutions", a.resolutions, b.resolutions),
        votes=_table_diff("votes", a.votes, b.votes),
        attendances=_table_diff("attendances", a.attendances, b.attendances),
        statements=_table_diff("statements", a.statements, b.statements),
    )
