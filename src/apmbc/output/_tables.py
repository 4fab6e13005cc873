"""Tidy tables: one flat row per record, keyed by codes, ready for CSV, JSON or pandas.

The shape follows the ``unvotes`` R package: the ``votes`` table has one row per State and
resolution (absences kept), carrying the State's code and name, the session, the forum, the
resolution symbol and date, and the position. Every table has a fixed list of :class:`Column`
(see :data:`COLUMNS`), so an empty table still has a header.

Values are plain: ``str``, ``int``, ``bool``, ``datetime.date`` or ``None`` (unknown). Enums
become their string values; tuples of names are joined with ``"; "``; ``sources`` is the
``"; "``-joined URL (or, where there is none, the citation) of each source.

>>> import apmbc
>>> row = apmbc.to_records(apmbc.load(), "votes")[0]
>>> sorted(row)[:4]
['date', 'forum', 'position', 'recorded_name']
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable
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
    StatementContext,
    TreatyStatus,
    VotePosition,
)

if TYPE_CHECKING:
    from apmbc.dataset import Dataset
    from apmbc.models import Attendance, Meeting, Resolution, State, Statement, Vote

__all__ = ["COLUMNS", "TABLES", "Column", "columns", "to_records"]

JOIN = "; "
"""The separator of joined names, notes and sources."""


@attrs.frozen(kw_only=True)
class Column:
    """One column of a tidy table: its name, the kind of its values, and what it holds."""

    name: str
    kind: str
    """``str``, ``int``, ``bool``, ``date`` or ``enum``."""
    description: str
    enum: type[enum.Enum] | None = None
    """For ``kind == "enum"``: the enum whose string values the column holds."""


def _c(name: str, kind: str, description: str, enum_: type[enum.Enum] | None = None) -> Column:
    return Column(name=name, kind=kind, description=description, enum=enum_)


_SOURCES = _c("sources", "str", "URL or citation of each source, joined with '; '")
_NOTES = _c("notes", "str", "notes, joined with '; '")
_STATE = _c("state", "str", "ISO 3166-1 alpha-3 code of the State")
_STATE_NAME = _c("state_name", "str", "the State's current short name")

COLUMNS: dict[str, tuple[Column, ...]] = {
    "states": (
        _c("code", "str", "ISO 3166-1 alpha-3 code"),
        _c("name", "str", "short name in current UN usage"),
        _c("alpha2", "str", "ISO 3166-1 alpha-2 code"),
        _c("cow_code", "int", "Correlates of War country code (Serbia: 345)"),
        _c("gw_code", "int", "Gleditsch-Ward country code"),
        _c("m49", "int", "UN M49 numeric code"),
        _c("aliases", "str", "other current names, joined with '; '"),
        _c("former_names", "str", "earlier names (incl. UN names of past votes), joined"),
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
        _c("other_actions", "str", "other dated acts ('YYYY-MM-DD description'), joined"),
        _NOTES,
        _SOURCES,
    ),
    "meetings": (
        _c("code", "str", "meeting code: 1MSP..22MSP, 1RC..5RC, IM-2023, ..."),
        _c("kind", "enum", "kind of meeting", MeetingKind),
        _c("name", "str", "name of the meeting"),
        _c("number", "int", "ordinal of an MSP or Review Conference"),
        _c("other_names", "str", "other names, joined with '; '"),
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
}
"""The columns of every table, in output order."""

TABLES: tuple[str, ...] = tuple(COLUMNS)
"""The valid table names: ``states``, ``meetings``, ``resolutions``, ``votes``, ``attendances``,
``statements``."""


def columns(table: str) -> tuple[Column, ...]:
    """The columns of ``table``; an unknown name raises :class:`~apmbc.errors.UnknownTableError`."""
    found = COLUMNS.get(table) if isinstance(table, str) else None
    if found is None:
        raise UnknownTableError(table, TABLES)
    return found


def _join(items: Iterable[str]) -> str | None:
    text = JOIN.join(items)
    return text or None


def _sources(sources: tuple[Source, ...]) -> str | None:
    return _join(ref for s in sources if (ref := s.url or s.citation))


def _value(item: enum.Enum | None) -> str | None:
    return None if item is None else str(item.value)


def _state_row(state: State) -> dict[str, Any]:
    actions = (f"{a.date or '?'} {a.description}" for a in state.other_actions)
    return {
        "code": state.code,
        "name": state.name,
        "alpha2": state.alpha2,
        "cow_code": state.cow_code,
        "gw_code": state.gw_code,
        "m49": state.m49,
        "aliases": _join(state.aliases),
        "former_names": _join(state.former_names),
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
        "other_actions": _join(actions),
        "notes": _join(state.notes),
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
        "other_names": _join(meeting.other_names),
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
        "notes": _join(meeting.notes),
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
        "notes": _join(res.notes),
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
            "notes": _join(stmt.notes),
            "sources": _sources(stmt.sources),
        }

    return [row(s) for s in ds.statements]


_BUILDERS: dict[str, Callable[[Dataset], list[dict[str, Any]]]] = {
    "states": lambda ds: [_state_row(s) for s in ds.states],
    "meetings": lambda ds: [_meeting_row(m) for m in ds.meetings],
    "resolutions": lambda ds: [_resolution_row(r) for r in ds.resolutions],
    "votes": _vote_rows,
    "attendances": _attendance_rows,
    "statements": _statement_rows,
}


def to_records(ds: Dataset, table: str) -> list[dict[str, Any]]:
    """One flat dict per record of ``table``, with the keys of :data:`COLUMNS` in order.

    ``table`` is one of :data:`TABLES`; any other name raises
    :class:`~apmbc.errors.UnknownTableError` (a ``ValueError``) naming the valid ones. Rows come in
    the dataset's order. A ``ds`` that is not a :class:`~apmbc.dataset.Dataset` raises
    :class:`~apmbc.errors.ArgumentTypeError`.
    """
    from apmbc.dataset import check_dataset

    columns(table)
    return _BUILDERS[table](check_dataset(ds))
