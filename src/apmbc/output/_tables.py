"""Tidy tables: one flat row per record, keyed by codes, ready for CSV, JSON or pandas.

The shape follows the ``unvotes`` R package: the ``votes`` table has one row per State and roll
call (absences kept): the Convention's resolution in one forum of one session, so one row per
State, session and forum, or another roll call, named by its ``record``. A row carries the
State's code and name, the session, the forum, the resolution symbol and date, and the
position (``apmbc.pandas.vote_matrix`` pivots it to States by sessions). Every table has a
fixed list of :class:`Column` (see :func:`columns`), so an empty table still has a header.

Values are plain: ``str``, ``int``, ``bool``, ``datetime.date`` or ``None`` (unknown); enums
become their string values. A cell holds one value, never a list: the list fields of the
records (a State's aliases and former names, a meeting's other names, a State's other actions,
the notes, the sources) are the rows of four *list tables*, one row per item:

- ``names``: aliases, former names and other names;
- ``actions``: a State's other dated acts;
- ``notes``: the notes of States, meetings, resolutions and statements;
- ``sources``: every source of every record, with all its fields.

A row of a list table names its record by ``table`` and ``row``: the record's table and its
position there, counted from 0 (the first data line of ``states.csv`` is row 0, as is
``states[0]`` in a validation finding and index 0 of :func:`apmbc.pandas.to_frame`'s frame);
``position`` is the item's place in the record's list, from 0. A source of an action has
``table == "actions"`` and the action's row in the ``actions`` table.

JSON keeps lists as lists: ``to_records(ds, table, lists=True)`` (and JSON exports) add the
list columns, as arrays (of names or notes; of objects for sources and actions), in their place
among the others (see ``columns(table, lists=True)``).

>>> import apmbc
>>> ds = apmbc.load()
>>> row = apmbc.to_records(ds, "votes")[0]
>>> sorted(row)[:4]
['date', 'forum', 'position', 'recorded_name']
>>> apmbc.to_records(ds, "states", lists=True)[0]["former_names"]
[]
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

import attrs

from apmbc.domain.treaty import article17_of, entry_into_force, withdrawal_effective
from apmbc.errors import UnknownTableError
from apmbc.models import (
    AttendanceRole,
    DepositMethod,
    Forum,
    MeetingFormat,
    MeetingKind,
    Source,
    SourceKind,
    StatementContext,
    TreatyStatus,
    VotePosition,
)

if TYPE_CHECKING:
    from apmbc.dataset import Dataset
    from apmbc.models import Action, Attendance, Meeting, Resolution, State, Statement, Vote

__all__ = [
    "COLUMNS",
    "FOREIGN_KEYS",
    "LIST_TABLES",
    "PRIMARY_KEYS",
    "RECORD_TABLES",
    "TABLES",
    "Column",
    "ForeignKey",
    "NameKind",
    "OwnerTable",
    "columns",
    "to_records",
]


class OwnerTable(str, enum.Enum):
    """The table of the record that a row of a list table belongs to (its ``table`` column)."""

    STATES = "states"
    MEETINGS = "meetings"
    RESOLUTIONS = "resolutions"
    VOTES = "votes"
    ATTENDANCES = "attendances"
    STATEMENTS = "statements"
    ACTIONS = "actions"
    """A State's other action, which has sources of its own."""

    def __str__(self) -> str:
        return self.value


class NameKind(str, enum.Enum):
    """Which list of names a row of the ``names`` table comes from."""

    ALIAS = "alias"
    """:attr:`State.aliases <apmbc.models.State.aliases>`: another current name."""
    FORMER_NAME = "former_name"
    """:attr:`State.former_names <apmbc.models.State.former_names>`: a name the State had."""
    OTHER_NAME = "other_name"
    """:attr:`Meeting.other_names <apmbc.models.Meeting.other_names>`."""

    def __str__(self) -> str:
        return self.value


@attrs.frozen(kw_only=True)
class Column:
    """One column of a tidy table: its name, the kind of its values, and what it holds."""

    name: str
    kind: str
    """``str``, ``int``, ``bool``, ``date`` or ``enum``: one value per cell; or ``list``: a
    list field, an array in JSON, whose items are the rows of the list table :attr:`table` in
    CSV and in frames."""
    description: str
    enum: type[enum.Enum] | None = None
    """For ``kind == "enum"``: the enum whose string values the column holds."""
    table: str | None = None
    """For ``kind == "list"``: the list table holding the items (``names``, ``actions``,
    ``notes`` or ``sources``)."""


def _c(name: str, kind: str, description: str, enum_: type[enum.Enum] | None = None) -> Column:
    return Column(name=name, kind=kind, description=description, enum=enum_)


def _list(name: str, table: str, description: str) -> Column:
    return Column(name=name, kind="list", description=description, table=table)


_SOURCES = _list(
    "sources",
    "sources",
    "the record's sources, as objects (url, citation, title, note, retrieved, kind); "
    "in CSV the rows of the sources table",
)
_NOTES = _list("notes", "notes", "the record's notes; in CSV the rows of the notes table")
_STATE = _c("state", "str", "ISO 3166-1 alpha-3 code of the State")
_STATE_NAME = _c("state_name", "str", "the State's current short name")
_OWNER = _c(
    "table",
    "enum",
    "the table of the record this row belongs to",
    OwnerTable,
)
_ROW = _c(
    "row",
    "int",
    "the record's position in that table, from 0 (0 is the first data row)",
)
_POSITION = _c("position", "int", "the item's place in the record's list, from 0")

_ALL: dict[str, tuple[Column, ...]] = {
    "states": (
        _c("code", "str", "ISO 3166-1 alpha-3 code"),
        _c("name", "str", "short name in current UN usage"),
        _c("alpha2", "str", "ISO 3166-1 alpha-2 code (Namibia's is NA, not a missing value)"),
        _c("cow_code", "int", "Correlates of War country code (Serbia: 345)"),
        _c("gw_code", "int", "Gleditsch-Ward country code"),
        _c("m49", "int", "UN M49 numeric code"),
        _list("aliases", "names", "other current names; in CSV the names table, kind alias"),
        _list(
            "former_names",
            "names",
            "earlier names (incl. UN names of past votes); in CSV the names table, kind "
            "former_name",
        ),
        _c("un_member", "bool", "a UN Member State today"),
        _c("un_member_since", "date", "admission to the UN, where a source gives it"),
        _c("status", "enum", "status on the data's as-of date", TreatyStatus),
        _c("signed", "date", "signature"),
        _c("deposited", "date", "deposit of the instrument"),
        _c("deposit_method", "enum", "kind of instrument deposited", DepositMethod),
        _c("entry_into_force_stated", "date", "entry into force as a source states it"),
        _c(
            "entry_into_force_article17",
            "date",
            "entry into force computed from the deposit by Article 17",
        ),
        _c(
            "entry_into_force",
            "date",
            "the entry into force apmbc uses: as stated, else by Article 17",
        ),
        _c("withdrawal_notified", "date", "notification of withdrawal"),
        _c("withdrawal_effective_stated", "date", "withdrawal's effect as a source states it"),
        _c(
            "withdrawal_effective",
            "date",
            "the withdrawal's effect apmbc uses: as stated, else by Article 20 (six months)",
        ),
        _list(
            "other_actions",
            "actions",
            "other dated acts, as objects (date, description, sources); in CSV the actions table",
        ),
        _NOTES,
        _SOURCES,
    ),
    "meetings": (
        _c("code", "str", "meeting code: 1MSP..22MSP, 1RC..5RC, IM-2023, ..."),
        _c("kind", "enum", "kind of meeting", MeetingKind),
        _c("name", "str", "name of the meeting"),
        _c("number", "int", "ordinal of an MSP or Review Conference"),
        _list("other_names", "names", "other names; in CSV the names table, kind other_name"),
        _c("start", "date", "first day"),
        _c("end", "date", "last day"),
        _c("city", "str", "host city"),
        _c("country", "str", "ISO alpha-3 code of the host country"),
        _c("venue", "str", "venue"),
        _c("format", "enum", "in person, virtual or hybrid", MeetingFormat),
        _c("for_meeting", "str", "for a preparatory meeting, the conference it prepared"),
        _c("president", "str", "presiding officer"),
        _c("president_state", "str", "ISO alpha-3 code of the president's State"),
        _c("states_parties", "int", "States Parties taking part (as a source states)"),
        _c("not_yet_in_force", "int", "States bound soon, taking part"),
        _c("observer_states", "int", "observer States taking part"),
        _c("total_states", "int", "all States taking part"),
        _NOTES,
        _SOURCES,
    ),
    "resolutions": (
        _c("session", "int", "UN General Assembly session"),
        _c("forum", "enum", "plenary or First Committee", Forum),
        _c("symbol", "str", "resolution (or draft) symbol"),
        _c("record", "str", "the roll call's record id in its source (UN Digital Library, ...)"),
        _c("convention", "bool", "the annual resolution on the Convention (else another vote)"),
        _c("date", "date", "date of the vote"),
        _c("title", "str", "title"),
        _c("yes", "int", "votes in favour"),
        _c("no", "int", "votes against"),
        _c("abstain", "int", "abstentions"),
        _c("absent", "int", "absent or not voting"),
        _NOTES,
        _SOURCES,
    ),
    "votes": (
        _STATE,
        _STATE_NAME,
        _c("session", "int", "UN General Assembly session"),
        _c("forum", "enum", "plenary or First Committee", Forum),
        _c("resolution", "str", "symbol of the resolution voted on"),
        _c("record", "str", "record id of the roll call, for a vote other than the Convention's"),
        _c("date", "date", "date of the vote"),
        _c("position", "enum", "yes, no, abstain or absent", VotePosition),
        _c(
            "intended",
            "enum",
            "the position the State said after the vote it had intended (the recorded one stands)",
            VotePosition,
        ),
        _c("recorded_name", "str", "the State's name as the UN recorded it then"),
        _SOURCES,
    ),
    "attendances": (
        _STATE,
        _STATE_NAME,
        _c("meeting", "str", "meeting code"),
        _c("meeting_start", "date", "first day of the meeting"),
        _c("attended", "bool", "whether the State attended (absences are facts too)"),
        _c("role", "enum", "observer or State Party", AttendanceRole),
        _c("evidence", "str", "what the source says, paraphrased"),
        _SOURCES,
    ),
    "statements": (
        _STATE,
        _STATE_NAME,
        _c("context", "enum", "occasion of the statement", StatementContext),
        _c("verbatim", "bool", "the State's own words (false: a paraphrase)"),
        _c("text", "str", "the statement"),
        _c("attribution", "str", "attribution as printed"),
        _c("speaker", "str", "speaker"),
        _c("meeting", "str", "meeting code"),
        _c("session", "int", "UN General Assembly session"),
        _c("forum", "enum", "plenary or First Committee", Forum),
        _c("year", "int", "year"),
        _c("date", "date", "date"),
        _NOTES,
        _SOURCES,
    ),
    "names": (
        _OWNER,
        _ROW,
        _c(
            "kind", "enum", "alias, former_name (of a State) or other_name (of a meeting)", NameKind
        ),
        _POSITION,
        _c("name", "str", "the name"),
    ),
    "actions": (
        _OWNER,
        _ROW,
        _POSITION,
        _c("date", "date", "date of the act"),
        _c("description", "str", "what the State did"),
        _SOURCES,
    ),
    "notes": (
        _OWNER,
        _ROW,
        _POSITION,
        _c("note", "str", "the note"),
    ),
    "sources": (
        _OWNER,
        _ROW,
        _POSITION,
        _c("url", "str", "address of the source"),
        _c("citation", "str", "bibliographic reference, or a description of a non-URL source"),
        _c("title", "str", "title of the source"),
        _c("note", "str", "what was read there, or how it was used"),
        _c("retrieved", "date", "the day the fact was collected from the source"),
        _c("kind", "enum", "who published it (un, convention, government, news, ...)", SourceKind),
    ),
}

COLUMNS: dict[str, tuple[Column, ...]] = {
    table: tuple(c for c in cols if c.kind != "list") for table, cols in _ALL.items()
}
"""The columns of every table, one value per cell, in output order: those of CSV exports and
of frames. The list columns that JSON adds are in ``columns(table, lists=True)``."""

TABLES: tuple[str, ...] = tuple(_ALL)
"""The valid table names: the record tables ``states``, ``meetings``, ``resolutions``,
``votes``, ``attendances``, ``statements``, then the list tables ``names``, ``actions``,
``notes`` and ``sources``."""

RECORD_TABLES: tuple[str, ...] = TABLES[:6]
"""The tables with one row per record of the dataset."""
LIST_TABLES: tuple[str, ...] = TABLES[6:]
"""The tables with one row per item of a record's list field."""


@attrs.frozen
class ForeignKey:
    """Columns of a table that name a record of another table (or of the same one)."""

    fields: tuple[str, ...]
    table: str
    """The table referred to."""
    key: tuple[str, ...]
    """Its columns that the values match."""


PRIMARY_KEYS: dict[str, tuple[str, ...]] = {
    "states": ("code",),
    "meetings": ("code",),
    "resolutions": ("session", "forum", "record"),
    "votes": ("state", "session", "forum", "record"),
    "names": ("table", "row", "kind", "position"),
    "actions": ("table", "row", "position"),
    "notes": ("table", "row", "position"),
    "sources": ("table", "row", "position"),
}
"""The columns whose values no two rows of a table share (attendances and statements have no
key: two sources may say the same of one State and meeting)."""

_STATE_FK = ForeignKey(("state",), "states", ("code",))
_MEETING_FK = ForeignKey(("meeting",), "meetings", ("code",))
FOREIGN_KEYS: dict[str, tuple[ForeignKey, ...]] = {
    "meetings": (
        ForeignKey(("country",), "states", ("code",)),
        ForeignKey(("president_state",), "states", ("code",)),
        ForeignKey(("for_meeting",), "meetings", ("code",)),
    ),
    "votes": (_STATE_FK,),
    "attendances": (_STATE_FK, _MEETING_FK),
    "statements": (_STATE_FK, _MEETING_FK),
}
"""The references between tables that a Table Schema can state. The list tables refer to
their record by ``table`` and ``row`` instead (which no Table Schema foreign key can say)."""


def columns(table: str, *, lists: bool = False) -> tuple[Column, ...]:
    """The columns of ``table``: one value per cell (those of CSV and frames), or with
    ``lists=True`` also the list columns, in their place (those of JSON).

    An unknown name raises :class:`~apmbc.errors.UnknownTableError`.
    """
    found = _ALL.get(table) if isinstance(table, str) else None
    if found is None:
        raise UnknownTableError(table, TABLES)
    return found if lists else COLUMNS[table]


def _value(item: enum.Enum | None) -> str | None:
    # ``_value_`` is what the ``value`` property reads, without the property's cost (the
    # property is most of the time of a large table in Python 3.11)
    return None if item is None else str(item._value_)


def _source(source: Source) -> dict[str, Any]:
    return {
        "url": source.url,
        "citation": source.citation,
        "title": source.title,
        "note": source.note,
        "retrieved": source.retrieved,
        "kind": _value(source.kind),
    }


def _sources(sources: tuple[Source, ...]) -> list[dict[str, Any]]:
    return [_source(s) for s in sources]


def _action(action: Action) -> dict[str, Any]:
    return {
        "date": action.date,
        "description": action.description,
        "sources": _sources(action.sources),
    }


def _state_row(state: State) -> dict[str, Any]:
    return {
        "code": state.code,
        "name": state.name,
        "alpha2": state.alpha2,
        "cow_code": state.cow_code,
        "gw_code": state.gw_code,
        "m49": state.m49,
        "aliases": list(state.aliases),
        "former_names": list(state.former_names),
        "un_member": state.un_member,
        "un_member_since": state.un_member_since,
        "status": state.status.value,
        "signed": state.signed,
        "deposited": state.deposited,
        "deposit_method": _value(state.deposit_method),
        "entry_into_force_stated": state.entry_into_force,
        "entry_into_force_article17": article17_of(state),
        "entry_into_force": entry_into_force(state),
        "withdrawal_notified": state.withdrawal_notified,
        "withdrawal_effective_stated": state.withdrawal_effective,
        "withdrawal_effective": withdrawal_effective(state),
        "other_actions": [_action(a) for a in state.other_actions],
        "notes": list(state.notes),
        "sources": _sources(state.sources),
    }


def _meeting_row(meeting: Meeting) -> dict[str, Any]:
    president = meeting.president
    part = meeting.participation
    return {
        "code": meeting.code,
        "kind": meeting.kind.value,
        "name": meeting.name,
        "number": meeting.number,
        "other_names": list(meeting.other_names),
        "start": meeting.start,
        "end": meeting.end,
        "city": meeting.city,
        "country": meeting.country,
        "venue": meeting.venue,
        "format": _value(meeting.format),
        "for_meeting": meeting.for_meeting,
        "president": president.person if president else None,
        "president_state": president.state if president else None,
        "states_parties": part.states_parties if part else None,
        "not_yet_in_force": part.not_yet_in_force if part else None,
        "observer_states": part.observer_states if part else None,
        "total_states": part.total_states if part else None,
        "notes": list(meeting.notes),
        "sources": _sources(meeting.sources),
    }


def _resolution_row(res: Resolution) -> dict[str, Any]:
    return {
        "session": res.session,
        "forum": res.forum.value,
        "symbol": res.symbol,
        "record": res.record,
        "convention": res.convention,
        "date": res.date,
        "title": res.title,
        "yes": res.tally.yes,
        "no": res.tally.no,
        "abstain": res.tally.abstain,
        "absent": res.tally.absent,
        "notes": list(res.notes),
        "sources": _sources(res.sources),
    }


def _names(ds: Dataset) -> dict[str, str]:
    return {s.code: s.name for s in ds.states}


def _vote_rows(ds: Dataset) -> list[dict[str, Any]]:
    names = _names(ds)
    resolutions = {r.roll_call: r for r in ds.resolutions}

    def row(vote: Vote) -> dict[str, Any]:
        res = resolutions.get(vote.roll_call)
        return {
            "state": vote.state,
            "state_name": names.get(vote.state),
            "session": vote.session,
            "forum": vote.forum.value,
            "resolution": vote.resolution or (res.symbol if res else None),
            "record": vote.record,
            "date": res.date if res else None,
            "position": vote.position.value,
            "intended": _value(vote.intended),
            "recorded_name": vote.recorded_name,
            "sources": _sources(vote.sources),
        }

    return [row(v) for v in ds.votes]


def _attendance_rows(ds: Dataset) -> list[dict[str, Any]]:
    names = _names(ds)
    starts = {m.code: m.start for m in ds.meetings}

    def row(fact: Attendance) -> dict[str, Any]:
        return {
            "state": fact.state,
            "state_name": names.get(fact.state),
            "meeting": fact.meeting,
            "meeting_start": starts.get(fact.meeting),
            "attended": fact.attended,
            "role": _value(fact.role),
            "evidence": fact.evidence,
            "sources": _sources(fact.sources),
        }

    return [row(a) for a in ds.attendances]


def _statement_rows(ds: Dataset) -> list[dict[str, Any]]:
    names = _names(ds)

    def row(stmt: Statement) -> dict[str, Any]:
        return {
            "state": stmt.state,
            "state_name": names.get(stmt.state),
            "context": stmt.context.value,
            "verbatim": stmt.verbatim,
            "text": stmt.text,
            "attribution": stmt.attribution,
            "speaker": stmt.speaker,
            "meeting": stmt.meeting,
            "session": stmt.session,
            "forum": _value(stmt.forum),
            "year": stmt.year,
            "date": stmt.date,
            "notes": list(stmt.notes),
            "sources": _sources(stmt.sources),
        }

    return [row(s) for s in ds.statements]


def _actions(ds: Dataset) -> Iterator[tuple[int, int, Action]]:
    """Each State's other actions, as (the State's row, the action's position, the action), in
    the order of the ``actions`` table."""
    for row, state in enumerate(ds.states):
        for position, action in enumerate(state.other_actions):
            yield row, position, action


def _name_rows(ds: Dataset) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []

    def add(table: str, row: int, kind: NameKind, names: tuple[str, ...]) -> None:
        out.extend(
            {"table": table, "row": row, "kind": kind.value, "position": p, "name": name}
            for p, name in enumerate(names)
        )

    for row, state in enumerate(ds.states):
        add("states", row, NameKind.ALIAS, state.aliases)
        add("states", row, NameKind.FORMER_NAME, state.former_names)
    for row, meeting in enumerate(ds.meetings):
        add("meetings", row, NameKind.OTHER_NAME, meeting.other_names)
    return out


def _action_rows(ds: Dataset) -> list[dict[str, Any]]:
    return [
        {
            "table": "states",
            "row": row,
            "position": position,
            "date": action.date,
            "description": action.description,
            "sources": _sources(action.sources),
        }
        for row, position, action in _actions(ds)
    ]


def _note_rows(ds: Dataset) -> list[dict[str, Any]]:
    owners: tuple[tuple[str, Any], ...] = (
        ("states", ds.states),
        ("meetings", ds.meetings),
        ("resolutions", ds.resolutions),
        ("statements", ds.statements),
    )
    return [
        {"table": table, "row": row, "position": position, "note": note}
        for table, records in owners
        for row, record in enumerate(records)
        for position, note in enumerate(record.notes)
    ]


def _source_rows(ds: Dataset) -> list[dict[str, Any]]:
    owners: list[tuple[str, int, tuple[Source, ...]]] = [
        (table, row, record.sources)
        for table in RECORD_TABLES
        for row, record in enumerate(getattr(ds, table))
    ]
    owners.extend(
        ("actions", row, action.sources) for row, (_, _, action) in enumerate(_actions(ds))
    )
    return [
        {"table": table, "row": row, "position": position, **_source(source)}
        for table, row, sources in owners
        for position, source in enumerate(sources)
    ]


_BUILDERS: dict[str, Callable[[Dataset], list[dict[str, Any]]]] = {
    "states": lambda ds: [_state_row(s) for s in ds.states],
    "meetings": lambda ds: [_meeting_row(m) for m in ds.meetings],
    "resolutions": lambda ds: [_resolution_row(r) for r in ds.resolutions],
    "votes": _vote_rows,
    "attendances": _attendance_rows,
    "statements": _statement_rows,
    "names": _name_rows,
    "actions": _action_rows,
    "notes": _note_rows,
    "sources": _source_rows,
}


def to_records(ds: Dataset, table: str, *, lists: bool = False) -> list[dict[str, Any]]:
    """One flat dict per row of ``table``, with the keys of ``columns(table, lists=lists)`` in
    order.

    By default every value is one ``str``, ``int``, ``bool``, ``datetime.date`` or ``None``, as
    in CSV; the list fields are the rows of the list tables (see the module documentation).
    With ``lists=True`` the rows also hold the list columns, as lists: of strings for names and
    notes, of dicts for ``sources`` (``url``, ``citation``, ``title``, ``note``, ``retrieved``,
    ``kind``) and ``other_actions`` (``date``, ``description``, ``sources``), as in JSON.

    ``table`` is one of :data:`TABLES`; any other name raises
    :class:`~apmbc.errors.UnknownTableError` (a ``ValueError``) naming the valid ones. Rows come in
    the dataset's order. A ``ds`` that is not a :class:`~apmbc.dataset.Dataset` raises
    :class:`~apmbc.errors.ArgumentTypeError`.
    """
    from apmbc.dataset import check_dataset

    names = [c.name for c in columns(table, lists=lists)]
    rows = _BUILDERS[table](check_dataset(ds))
    if len(names) == len(_ALL[table]):
        return rows
    return [{name: row[name] for name in names} for row in rows]
