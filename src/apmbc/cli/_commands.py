"""The commands of ``apmbc`` that read the record: state, votes, meetings, meeting, status-on.

Each takes the parsed arguments and the dataset and returns the exit status. Only the public API
is used (``apmbc``, ``Dataset`` methods, and the rules of :mod:`apmbc.domain`: sessions and
their years, dates, meetings' years, Articles 17 and 20).
"""

from __future__ import annotations

import argparse
import datetime as _dt
import re
import textwrap
from collections import Counter
from typing import Any

import apmbc
from apmbc.cli._render import NONE, align, emit, emit_json, packed, text
from apmbc.domain.calendar import session_read_as_year, year_of_session
from apmbc.domain.dates import to_date
from apmbc.domain.meetings import meeting_years
from apmbc.domain.treaty import article17_of, article20_of

__all__ = ["meeting", "meetings", "state", "status_on", "votes"]

_POSITIONS = ("yes", "no", "abstain", "absent")
_RC_ATTENDED = {True: "attended", False: "not attended", None: "unknown"}
_FORUM_LABEL = {"plenary": "plenary", "first_committee": "First Committee"}


def _statement(stmt: apmbc.Statement) -> dict[str, Any]:
    return {
        "context": stmt.context.value,
        "verbatim": stmt.verbatim,
        "attribution": stmt.attribution,
        "speaker": stmt.speaker,
        "meeting": stmt.meeting,
        "session": stmt.session,
        "forum": stmt.forum.value if stmt.forum else None,
        "year": stmt.year,
        "date": stmt.date,
        "text": stmt.text,
        "sources": [s.url or s.citation for s in stmt.sources if s.url or s.citation],
    }


def _years(ds: apmbc.Dataset, code: str) -> list[int]:
    meeting = ds.meetings.get(code)
    return [] if meeting is None else list(meeting_years(meeting))


def _meetings_of(ds: apmbc.Dataset, record: apmbc.State) -> dict[str, list[dict[str, Any]]]:
    """The meetings a record shows the State attending (with its role, where a record gives
    it), and those a record says it missed, in date order, each with its years; ``inferred``
    when every fact of it is inferred, ``disputed`` when it is in both lists."""
    groups: dict[bool, dict[str, dict[str, Any]]] = {True: {}, False: {}}
    for fact in ds.attendance(record):
        entry = groups[fact.attended].setdefault(
            fact.meeting,
            {"code": fact.meeting, "years": _years(ds, fact.meeting), "inferred": True},
        )
        entry["inferred"] = entry["inferred"] and fact.inferred
        if fact.attended and entry.get("role") is None:
            entry["role"] = fact.role.value if fact.role is not None else None
    disputed = groups[True].keys() & groups[False].keys()
    for entries in groups.values():
        for entry in entries.values():
            entry["disputed"] = entry["code"] in disputed
    return {
        "meetings_attended": list(groups[True].values()),
        "meetings_absent": list(groups[False].values()),
    }


def _state_data(ds: apmbc.Dataset, record: apmbc.State) -> dict[str, Any]:
    by_forum = {
        forum.value: {str(k): v.value for k, v in ds.votes_by_session(record, forum).items()}
        for forum in apmbc.Forum
    }
    return {
        "code": record.code,
        "name": record.name,
        "aliases": list(record.aliases),
        "former_names": list(record.former_names),
        "status": record.status.value,
        "as_of": ds.metadata.as_of,
        "signed": record.signed,
        "deposited": record.deposited,
        "deposit_method": record.deposit_method.value if record.deposit_method else None,
        "entry_into_force": {"stated": record.entry_into_force, "article17": article17_of(record)},
        "withdrawal_notified": record.withdrawal_notified,
        "withdrawal_effective": {
            "stated": record.withdrawal_effective,
            "article20": article20_of(record),
        },
        "observer_meetings": [m.code for m in ds.observer_meetings(record)],
        **_meetings_of(ds, record),
        "attended_review_conference": ds.has_attended_review_conference(record),
        "votes": by_forum,
        "statements": [_statement(s) for s in ds.statements if s.state == record.code],
        "sources": len(record.sources),
    }


def _session(session: int | str) -> str:
    """A session with the year it opens and votes in: ``77 (2022)``."""
    return f"{session} ({year_of_session(int(session))})"


def _vote_grid(votes: dict[str, str], per_line: int = 4) -> list[str]:
    cells = [f"{_session(session)} {position:<8}" for session, position in votes.items()]
    return [
        ("  " + "  ".join(cells[i : i + per_line])).rstrip() for i in range(0, len(cells), per_line)
    ]


def _vote_summary(votes: dict[str, str]) -> str:
    counts = Counter(votes.values())
    sessions = [int(session) for session in votes]
    first, last = sessions[0], sessions[-1]
    if first == last:
        span = f"session {_session(first)}"
    else:
        span = f"sessions {first}-{last} ({year_of_session(first)}-{year_of_session(last)})"
    parts = ", ".join(f"{counts[p]} {p}" for p in _POSITIONS if counts[p])
    return f"{span}, {len(sessions)} vote{'' if len(sessions) == 1 else 's'}: {parts}"


def _meeting_item(entry: dict[str, Any]) -> str:
    years = entry["years"]
    notes = [
        "year unknown"
        if not years
        else str(years[0])
        if len(years) == 1
        else f"{years[0]}-{years[-1]}"
    ]
    if entry.get("role") == apmbc.AttendanceRole.STATE_PARTY.value:
        notes.append("as a State Party")
    if entry["inferred"]:
        notes.append("inferred")
    if entry["disputed"]:
        notes.append("sources disagree")
    return f"{entry['code']} ({', '.join(notes)})"


def _meeting_lines(data: dict[str, Any]) -> list[str]:
    attended, absent = data["meetings_attended"], data["meetings_absent"]
    if not attended:
        lines = ["Meetings attended: none recorded"]
    else:
        head = f"Meetings attended ({len(attended)}): "
        lines = packed(head, [_meeting_item(e) for e in attended])
    if absent:
        head = f"Recorded absent ({len(absent)}): "
        lines += packed(head, [_meeting_item(e) for e in absent])
    return lines


def _statement_lines(stmt: dict[str, Any]) -> list[str]:
    where = [stmt["context"].replace("_", " ")]
    if stmt["meeting"]:
        where.append(stmt["meeting"])
    if stmt["session"] is not None:
        forum = _FORUM_LABEL.get(stmt["forum"] or "", "")
        where.append(f"{forum} session {stmt['session']}".strip())
    if stmt["date"] or stmt["year"]:
        where.append(text(stmt["date"] or stmt["year"]))
    if stmt["attribution"]:
        where.append(f"attributed {stmt['attribution']}")
    where.append("verbatim" if stmt["verbatim"] else "paraphrase")
    body = textwrap.wrap(
        stmt["text"],
        width=88,
        initial_indent="    ",
        subsequent_indent="    ",
        break_on_hyphens=False,
    )
    source = [f"    source: {s}" for s in stmt["sources"]]
    return [f"  [{'; '.join(where)}]", *body, *source]


def state(args: argparse.Namespace, ds: apmbc.Dataset) -> int:
    """``apmbc state KEY``: one State's status, dates, meetings, votes and statements."""
    data = _state_data(ds, ds.state(args.key))
    if args.json:
        emit_json(data)
        return 0
    eif = data["entry_into_force"]
    deposited = text(data["deposited"])
    if data["deposit_method"]:
        deposited += f" ({data['deposit_method']})"
    withdrawal = text(data["withdrawal_notified"])
    if data["withdrawal_notified"]:
        effect = data["withdrawal_effective"]
        withdrawal = (
            f"notified {withdrawal}, effective {text(effect['stated'])} stated, "
            f"{text(effect['article20'])} by Art. 20"
        )
    rc = data["attended_review_conference"]
    lines = [f"{data['name']} ({data['code']})"]
    lines += align(
        [
            ("status", f"{data['status']} (as of {text(data['as_of'])})"),
            ("signed", data["signed"]),
            ("deposited", deposited),
            (
                "entry into force",
                f"{text(eif['stated'])} stated, {text(eif['article17'])} by Art. 17",
            ),
            ("withdrawal", withdrawal),
            ("aliases", "; ".join(data["aliases"]) or NONE),
            ("former names", "; ".join(data["former_names"]) or NONE),
            ("review conference", _RC_ATTENDED[rc]),
            ("sources", data["sources"]),
        ],
        indent="  ",
    )
    lines += ["", *_meeting_lines(data)]
    for forum, votes in data["votes"].items():
        if votes:
            label = _FORUM_LABEL[forum]
            head = f"{label[0].upper()}{label[1:]} votes, {_vote_summary(votes)}"
            lines += ["", head, *_vote_grid(votes)]
        elif forum == "plenary":
            lines += ["", "Plenary votes: no record"]
    lines += [
        "",
        f"Statements ({len(data['statements'])}):" if data["statements"] else "Statements: none",
    ]
    for stmt in data["statements"]:
        lines += _statement_lines(stmt)
    emit(lines)
    return 0


def _not_a_session(number: int, today: _dt.date) -> None:
    """Raise :class:`~apmbc.errors.ArgumentError` when ``number`` cannot be a session that has
    voted by ``today``: a year (with the session it means), no session at all, or a session
    that opens after today's year."""
    meant = session_read_as_year(number, today)
    if meant is not None:
        verb = "voted" if number < today.year else "votes"
        raise apmbc.ArgumentError(
            f"{number} is a year: session {meant} {verb} in {number}; did you mean "
            f"--session {meant}?"
        )
    opens = year_of_session(number)  # an ArgumentError for a number no session has
    if opens > today.year:
        raise apmbc.ArgumentError(
            f"session {number} opens in {opens}: none of its votes can be recorded yet"
        )


def votes(args: argparse.Namespace, ds: apmbc.Dataset) -> int:
    """``apmbc votes --session N``: the tally and every State's position in one vote.

    A session the dataset does not hold is an unknown resolution (exit 1), unless the number
    cannot be a session that has voted (a year such as 2022, 0, a session of the future): that
    is a usage error (exit 2) saying what was meant.
    """
    try:
        res = ds.resolution(args.session, args.forum)
    except apmbc.UnknownResolutionError:
        _not_a_session(args.session, _dt.date.today())
        raise
    by_position = ds.positions(args.session, args.forum)
    counts = {p.value: len(states) for p, states in by_position.items()}
    recorded = sum(counts.values()) > 0
    stated = {p: getattr(res.tally, p) for p in _POSITIONS}
    rows = [
        {"state": s.code, "name": s.name, "position": p.value}
        for p, states in by_position.items()
        if args.position in (None, p.value)
        for s in states
    ]
    if args.json:
        emit_json(
            {
                "session": res.session,
                "forum": res.forum.value,
                "resolution": res.symbol,
                "date": res.date,
                "title": res.title,
                "tally": counts if recorded else stated,
                "tally_basis": "records" if recorded else "stated",
                "stated_tally": stated,
                "votes": rows,
            }
        )
        return 0
    tally = counts if recorded else stated
    label = f"{res.symbol or 'resolution'} (session {res.session}, {_FORUM_LABEL[res.forum.value]}"
    label += f", {res.date.isoformat()})" if res.date else ")"
    lines = [label + ": " + ", ".join(f"{text(tally[p])} {p}" for p in _POSITIONS)]
    if not recorded:
        lines.append("no per-State record of this vote; the tally is as a source states it")
    elif stated != counts and any(v is not None for v in stated.values()):
        shown = ", ".join(f"{text(stated[p])} {p}" for p in _POSITIONS)
        lines.append(f"note: a source states the tally as {shown}")
    lines += align([(r["position"], r["state"], r["name"]) for r in rows])
    emit(lines)
    return 0


def _meeting_row(row: dict[str, Any]) -> tuple[object, ...]:
    return (row["code"], row["kind"], row["start"], row["end"], row["city"], row["name"])


_KIND_ORDER = {kind.value: i for i, kind in enumerate(apmbc.MeetingKind)}
_LAST_DAY = _dt.date.max


def _by_date(row: dict[str, Any]) -> tuple[Any, ...]:
    start = row["start"]
    return (start is None, start or _LAST_DAY, _natural(row["code"]))


def _natural(code: str) -> tuple[tuple[int, int, str], ...]:
    """``2MSP`` before ``10MSP``: the runs of digits of a code compared as numbers (and before
    letters, as in ASCII: ``2RC`` before ``IM-2005``)."""
    parts = re.split(r"(\d+)", code)
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in parts if p)


MEETING_SORTS = ("date", "code", "kind")
"""The orders of ``apmbc meetings --sort``: by first day (undated meetings last), by code (its
numbers as numbers: ``2MSP`` before ``10MSP``), or by kind and then date."""

_SORT_KEYS: dict[str, Any] = {
    "date": _by_date,
    "code": lambda row: _natural(row["code"]),
    "kind": lambda row: (_KIND_ORDER.get(row["kind"], len(_KIND_ORDER)), *_by_date(row)),
}


def meetings(args: argparse.Namespace, ds: apmbc.Dataset) -> int:
    """``apmbc meetings [--kind K] [--sort date|code|kind]``: the meetings, by date unless
    ``--sort`` says otherwise."""
    rows = [
        r for r in apmbc.to_records(ds, "meetings", lists=True) if args.kind in (None, r["kind"])
    ]
    rows.sort(key=_SORT_KEYS[args.sort])
    if args.json:
        emit_json(rows)
        return 0
    header = ("code", "kind", "start", "end", "city", "name")
    emit([*align([header, *(_meeting_row(r) for r in rows)]), f"{len(rows)} meetings"])
    return 0


def _codes_lines(label: str, codes: tuple[str, ...] | None) -> list[str]:
    if codes is None:
        return [f"  {label}: cannot be told (the meeting's date is unknown)"]
    head = f"  {label} ({len(codes)}): "
    return textwrap.wrap(
        head + (" ".join(codes) or NONE), width=88, subsequent_indent=" " * len(head)
    )


def meeting(args: argparse.Namespace, ds: apmbc.Dataset) -> int:
    """``apmbc meeting CODE``: one meeting, and who the records show attending it among the
    States not bound on its first day: attended, absent and unknown, with counts."""
    record = ds.meeting(args.key)
    row = next(r for r in apmbc.to_records(ds, "meetings", lists=True) if r["code"] == record.code)
    att = ds.meeting_attendance(record)
    if args.json:
        emit_json(
            {
                **row,
                "attended": list(att.attended),
                "recorded_absent": list(att.absent),
                "unknown": None if att.unknown is None else list(att.unknown),
                "disputed": list(att.disputed),
                "not_bound": None if att.not_bound is None else list(att.not_bound),
                "parties_attended": list(att.parties_attended),
                "parties_absent": list(att.parties_absent),
                "attendance_counts": att.counts(),
            }
        )
        return 0
    lines = [f"{record.code}: {record.name}"]
    lines += align(
        [
            (k.replace("_", " "), row[k])
            for k in row
            if k not in ("code", "name", "notes", "sources")
        ],
        indent="  ",
    )
    if att.not_bound is None:
        head = "States not bound by the Convention: unknown (the meeting's date is unknown)"
    else:
        head = f"States not bound by the Convention on {text(att.day)} ({len(att.not_bound)}):"
    lines += [
        "",
        head,
        *_codes_lines("recorded attending", att.attended),
        *_codes_lines("recorded absent", att.absent),
        *_codes_lines("unknown, no record", att.unknown),
    ]
    if att.disputed:
        lines += _codes_lines("sources disagree, in both lists", att.disputed)
    if att.parties_attended or att.parties_absent:
        lines += ["", f"States Parties on {text(att.day)} with a record:"]
        if att.parties_attended:
            lines += _codes_lines("recorded attending", att.parties_attended)
        if att.parties_absent:
            lines += _codes_lines("recorded absent", att.parties_absent)
    emit(lines)
    return 0


def status_on(args: argparse.Namespace, ds: apmbc.Dataset) -> int:
    """``apmbc status-on DATE [--status S]``: every State's status on a date (any date
    :func:`~apmbc.domain.dates.to_date` reads: ``1999-03-01``, ``"1 March 1999"``)."""
    day = to_date(args.date)
    statuses = [(s, ds.status_on(s, day)) for s in ds.states]
    counts = Counter(status.value for _, status in statuses)
    chosen = [(s, st) for s, st in statuses if args.status in (None, st.value)]
    if args.json:
        emit_json(
            {
                "date": day,
                "status": args.status,
                "count": len(chosen),
                "counts": {st.value: counts[st.value] for st in apmbc.TreatyStatus},
                "states": [
                    {"code": s.code, "name": s.name, "status": st.value} for s, st in chosen
                ],
            }
        )
        return 0
    rows: list[tuple[str, ...]]
    if args.status is None:
        summary = ", ".join(f"{counts[st.value]} {st.value}" for st in apmbc.TreatyStatus)
        head = f"{len(chosen)} States on {day.isoformat()}: {summary}"
        rows = [(s.code, st.value, s.name) for s, st in chosen]
    else:
        head = f"{len(chosen)} States with status {args.status} on {day.isoformat()}"
        rows = [(s.code, s.name) for s, _ in chosen]
    emit([head, *align(rows)])
    return 0
