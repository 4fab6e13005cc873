"""What a dataset knows and does not know: a summary for review, and coverage tables for the docs.

``summary(ds)`` is the golden snapshot the tests compare against (tests/snapshots/summary.json),
so that every change to the bundled data shows up as a reviewed diff. ``coverage_markdown(ds)``
renders the tables of the "Data sources and coverage" page.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

from apmbc.models import Forum, MeetingKind, TreatyStatus, VotePosition

if TYPE_CHECKING:
    from apmbc.dataset import Dataset

__all__ = ["coverage_markdown", "summary"]


def summary(ds: Dataset) -> dict[str, Any]:
    """Counts that change whenever the data changes: plain JSON-ready data."""
    by_status = Counter(s.status.value for s in ds.states)
    by_kind = Counter(m.kind.value for m in ds.meetings)
    votes: dict[str, dict[str, int]] = {}
    for vote in ds.votes:
        key = f"{vote.session} {vote.forum.value}"
        votes.setdefault(key, {p.value: 0 for p in VotePosition})[vote.position.value] += 1
    tallies = {
        f"{r.session} {r.forum.value}": [r.tally.yes, r.tally.no, r.tally.abstain, r.tally.absent]
        for r in ds.resolutions
    }
    attended = Counter("attended" if a.attended else "absent" for a in ds.attendances)
    return {
        "data_version": ds.metadata.data_version,
        "as_of": ds.metadata.as_of.isoformat() if ds.metadata.as_of else None,
        "states": len(ds.states),
        "states_by_status": {s.value: by_status.get(s.value, 0) for s in TreatyStatus},
        "un_members": sum(1 for s in ds.states if s.un_member),
        "meetings_by_kind": {k.value: by_kind.get(k.value, 0) for k in MeetingKind},
        "resolutions": len(ds.resolutions),
        "resolution_tallies": dict(sorted(tallies.items())),
        "votes": len(ds.votes),
        "votes_by_session": dict(sorted(votes.items())),
        "attendances": dict(sorted(attended.items())),
        "statements": len(ds.statements),
        "records_without_sources": sum(
            1
            for table in (ds.states, ds.meetings, ds.resolutions, ds.attendances, ds.statements)
            for record in table
            if not record.sources
        )
        + sum(1 for v in ds.votes if not v.sources),
    }


def _cell(value: object) -> str:
    return "unknown" if value is None else str(value)


def coverage_markdown(ds: Dataset) -> str:
    """Markdown tables of what is known per session, per meeting and per State."""
    lines = ["## Resolutions and votes by session", ""]
    lines.append(
        "| session | forum | symbol | date | yes | no | abstain | absent | per-State votes |"
    )
    lines.append("|---|---|---|---|---|---|---|---|---|")
    counts = Counter((v.session, v.forum) for v in ds.votes)
    for r in sorted(ds.resolutions, key=lambda r: (r.session, r.forum is Forum.PLENARY)):
        t = r.tally
        cells = [r.session, r.forum.value, r.symbol, r.date, t.yes, t.no, t.abstain, t.absent]
        row = " | ".join(_cell(c) for c in cells)
        lines.append(f"| {row} | {counts.get((r.session, r.forum), 0)} |")
    lines += ["", "## Meetings", ""]
    lines.append(
        "| code | kind | dates | city | president | attendance facts (attended / absent) |"
    )
    lines.append("|---|---|---|---|---|---|")
    facts = Counter((a.meeting, a.attended) for a in ds.attendances)
    for m in ds.meetings:
        dates = f"{_cell(m.start)} to {_cell(m.end)}"
        president = m.president.person if m.president and m.president.person else None
        known = f"{facts.get((m.code, True), 0)} / {facts.get((m.code, False), 0)}"
        cells = [m.code, m.kind.value, dates, m.city, president, known]
        lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    lines += ["", "## States", ""]
    lines.append(
        "| code | name | status | signed | deposited | entry into force (stated) "
        "| plenary votes | attendance facts | statements |"
    )
    lines.append("|---|---|---|---|---|---|---|---|---|")
    votes = Counter(v.state for v in ds.votes if v.forum is Forum.PLENARY)
    attendance = Counter(a.state for a in ds.attendances)
    statements = Counter(s.state for s in ds.statements)
    for s in ds.states:
        cells = [
            s.code,
            s.name,
            s.status.value,
            s.signed,
            s.deposited,
            s.entry_into_force,
            votes.get(s.code, 0),
            attendance.get(s.code, 0),
            statements.get(s.code, 0),
        ]
        lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    return "\n".join(lines) + "\n"
