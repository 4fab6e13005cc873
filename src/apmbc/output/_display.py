"""HTML summaries for notebooks: the ``_repr_html_`` of datasets and records.

Each function returns a small, self-contained ``<table>``; every value is escaped with
:func:`html.escape`, so text from data files can never inject markup. Unknown values show as
``—``.
"""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING

from apmbc.domain.treaty import entry_into_force, withdrawal_effective
from apmbc.models import Meeting, Resolution, State, TreatyStatus
from apmbc.output._text import plain

if TYPE_CHECKING:
    from apmbc.dataset import Dataset
    from apmbc.queries import MeetingAttendance

__all__ = [
    "dataset_html",
    "meeting_attendance_html",
    "meeting_html",
    "resolution_html",
    "state_html",
]

UNKNOWN = "—"
"""What an unknown (``None``) value shows as."""

_STYLE = "border-collapse:collapse;text-align:left"
_CELL = "padding:1px 8px;text-align:left;vertical-align:top"


def _text(value: object) -> str:
    return plain(value, UNKNOWN)


def _table(title: str, rows: Iterable[tuple[str, object]]) -> str:
    body = "".join(
        f'<tr><th style="{_CELL}">{html.escape(label)}</th>'
        f'<td style="{_CELL}">{html.escape(_text(value))}</td></tr>'
        for label, value in rows
    )
    return (
        f'<table style="{_STYLE}"><caption style="text-align:left;font-weight:bold">'
        f"{html.escape(title)}</caption><tbody>{body}</tbody></table>"
    )


def _entry_into_force(state: State) -> str | None:
    day = entry_into_force(state)
    basis = "as stated" if state.entry_into_force is not None else "Article 17"
    return None if day is None else f"{day.isoformat()} ({basis})"


def _withdrawal_effective(state: State) -> str | None:
    day = withdrawal_effective(state)
    basis = "as stated" if state.withdrawal_effective is not None else "Article 20"
    return None if day is None else f"{day.isoformat()} ({basis})"


def _deposit(state: State) -> str | None:
    if state.deposited is None:
        return None
    method = f" ({state.deposit_method.value})" if state.deposit_method else ""
    return f"{state.deposited.isoformat()}{method}"


def state_html(state: State) -> str:
    """A State's record as an HTML table: codes, names, status and treaty dates."""
    return _table(
        f"State {state.name} ({state.code})",
        [
            ("Code", state.code),
            ("Name", state.name),
            ("Aliases", state.aliases),
            ("Former names", state.former_names),
            ("UN member", state.un_member),
            ("Status", state.status),
            ("Signed", state.signed),
            ("Deposited", _deposit(state)),
            ("Entry into force", _entry_into_force(state)),
            ("Withdrawal notified", state.withdrawal_notified),
            ("Withdrawal effective", _withdrawal_effective(state)),
            ("Sources", len(state.sources)),
        ],
    )


def _dates(meeting: Meeting) -> str | None:
    if meeting.start is None:
        return None
    if meeting.end is None or meeting.end == meeting.start:
        return meeting.start.isoformat()
    return f"{meeting.start.isoformat()} to {meeting.end.isoformat()}"


def _place(meeting: Meeting) -> str | None:
    parts = [p for p in (meeting.city, meeting.country) if p]
    return ", ".join(parts) or None


def meeting_html(meeting: Meeting) -> str:
    """A meeting's record as an HTML table: kind, dates, place, president and participation."""
    president = meeting.president
    part = meeting.participation
    who = None
    if president is not None and president.person:
        who = president.person + (f" ({president.state})" if president.state else "")
    return _table(
        f"Meeting {meeting.code}",
        [
            ("Code", meeting.code),
            ("Name", meeting.name),
            ("Kind", meeting.kind),
            ("Dates", _dates(meeting)),
            ("Place", _place(meeting)),
            ("Format", meeting.format),
            ("President", who),
            ("States Parties", part.states_parties if part else None),
            ("Observer States", part.observer_states if part else None),
            ("Sources", len(meeting.sources)),
        ],
    )


def _group(codes: tuple[str, ...] | None) -> str | None:
    if codes is None:
        return None
    return f"{len(codes)}: {' '.join(codes)}" if codes else "0"


def meeting_attendance_html(att: MeetingAttendance) -> str:
    """Attendance at one meeting as an HTML table: the States not bound on its first day,
    recorded attending, recorded absent, and unknown, each with its count (and the States
    Parties a record shows there or absent, if any)."""
    rows: list[tuple[str, object]] = [
        ("First day", att.day),
        ("States not bound", None if att.not_bound is None else len(att.not_bound)),
        ("Recorded attending", _group(att.attended)),
        ("Recorded absent", _group(att.absent)),
        ("Unknown (no record)", _group(att.unknown)),
    ]
    if att.disputed:
        rows.append(("Sources disagree", f"{_group(att.disputed)} (in both groups)"))
    if att.parties_attended:
        rows.append(("States Parties recorded attending", _group(att.parties_attended)))
    if att.parties_absent:
        rows.append(("States Parties recorded absent", _group(att.parties_absent)))
    return _table(f"Attendance at {att.meeting}", rows)


def resolution_html(resolution: Resolution) -> str:
    """A resolution vote as an HTML table: symbol, date, title and tally."""
    tally = resolution.tally
    counts = (
        f"{_text(tally.yes)} yes, {_text(tally.no)} no, {_text(tally.abstain)} abstain, "
        f"{_text(tally.absent)} absent"
    )
    return _table(
        f"Resolution {resolution.symbol or UNKNOWN} (session {resolution.session}, "
        f"{resolution.forum.value})",
        [
            ("Session", resolution.session),
            ("Forum", resolution.forum),
            ("Symbol", resolution.symbol),
            ("Date", resolution.date),
            ("Title", resolution.title),
            ("Tally", counts),
            ("Sources", len(resolution.sources)),
        ],
    )


def dataset_html(ds: Dataset) -> str:
    """A dataset's summary as HTML: version, as-of date, record counts and statuses."""
    meta = ds.metadata
    statuses = Counter(s.status for s in ds.states)
    by_status = ", ".join(f"{statuses[s]} {s.value}" for s in TreatyStatus if statuses[s])
    sessions = sorted({r.session for r in ds.resolutions})
    span = f"{sessions[0]}–{sessions[-1]}" if sessions else None
    return _table(
        meta.title or "apmbc dataset",
        [
            ("Data version", meta.data_version),
            ("As of", meta.as_of),
            ("States", f"{len(ds.states)} ({by_status})" if ds.states else 0),
            ("Meetings", len(ds.meetings)),
            ("Resolutions", f"{len(ds.resolutions)} (sessions {span})" if span else 0),
            ("Votes", len(ds.votes)),
            ("Attendances", len(ds.attendances)),
            ("Statements", len(ds.statements)),
            ("Sources", len(meta.sources)),
        ],
    )
