"""What a dataset knows and does not know: a summary for review, and coverage tables for the docs.

``summary(ds)`` is the golden snapshot the tests compare against (tests/snapshots/summary.json),
so that every change to the bundled data shows up as a reviewed diff. ``coverage_summary(ds)``
counts, per table, what is known and unknown and the kinds of source the records rest on (what
``apmbc coverage`` prints); ``coverage_markdown(ds)`` renders it and the detailed tables of the
docs' coverage page.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import attrs

from apmbc.models import Forum, MeetingKind, Source, SourceKind, TreatyStatus, VotePosition
from apmbc.queries import (
    FORMAL_KINDS,
    SOURCED_TABLES,
    meeting_attendance,
    with_source_kinds,
)

if TYPE_CHECKING:
    from apmbc.dataset import Dataset

__all__ = ["coverage_markdown", "coverage_summary", "summary"]


def _sources_in(value: object) -> Iterator[Source]:
    """Every source in a record, its parts' included (a meeting's president, a State's actions)."""
    if isinstance(value, Source):
        yield value
    elif isinstance(value, tuple):
        for item in value:
            yield from _sources_in(item)
    elif attrs.has(type(value)):
        cls: Any = type(value)  # an attrs class
        for field in attrs.fields(cls):
            yield from _sources_in(getattr(value, field.name))


def _source_references(ds: Dataset) -> dict[str, int]:
    """How many source references (every ``Source`` of every record) are of each kind."""
    kinds: Counter[str] = Counter()
    for name in SOURCED_TABLES:
        for record in getattr(ds, name):
            kinds.update(s.kind.value if s.kind else "unknown" for s in _sources_in(record))
    return {k: kinds.get(k, 0) for k in [*(k.value for k in SourceKind), "unknown"]}


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
        "source_references_by_kind": _source_references(ds),
        "source_references_without_retrieved": sum(
            1
            for name in SOURCED_TABLES
            for record in getattr(ds, name)
            for source in _sources_in(record)
            if source.retrieved is None
        ),
    }


def _fact(table: str, fact: str, known: int, unknown: int, note: str = "") -> dict[str, Any]:
    return {"table": table, "fact": fact, "known": known, "unknown": unknown, "note": note}


def _facts(ds: Dataset) -> list[dict[str, Any]]:
    rows = []
    deposited = [s for s in ds.states if s.deposited is not None]
    stated = sum(1 for s in deposited if s.entry_into_force is not None)
    rows.append(
        _fact(
            "states",
            "entry into force stated by a source (States with a deposit)",
            stated,
            len(deposited) - stated,
            "where none is stated, Article 17 gives the date",
        )
    )
    formal = [m for m in ds.meetings if m.kind in FORMAL_KINDS]
    for label, known in (
        ("dates", sum(1 for m in formal if m.start is not None)),
        ("president", sum(1 for m in formal if m.president and m.president.person)),
        (
            "number of States Parties taking part",
            sum(
                1 for m in formal if m.participation and m.participation.states_parties is not None
            ),
        ),
        (
            "number of observer States taking part",
            sum(
                1 for m in formal if m.participation and m.participation.observer_states is not None
            ),
        ),
    ):
        rows.append(_fact("meetings", f"formal meetings: {label}", known, len(formal) - known))
    votes = Counter(v.roll_call for v in ds.votes)
    forums = [(f, "plenary" if f is Forum.PLENARY else "First Committee") for f in Forum]
    for forum, where in forums:
        records = [r for r in ds.resolutions if r.forum is forum]
        figures = [(r.tally.yes, r.tally.no, r.tally.abstain) for r in records]
        tallied = sum(1 for f in figures if None not in f)
        partial = sum(1 for f in figures if None in f and any(x is not None for x in f))
        note = f"{partial} more with part of the tally" if partial else ""
        rows.append(
            _fact(
                "resolutions",
                f"{where}: tally (yes, no and abstain), sessions",
                tallied,
                len(records) - tallied,
                note,
            )
        )
    for forum, where in forums:
        records = [r for r in ds.resolutions if r.forum is forum]
        dated = sum(1 for r in records if r.date is not None)
        rows.append(_fact("resolutions", f"{where}: date, sessions", dated, len(records) - dated))
    for forum, where in forums:
        records = [r for r in ds.resolutions if r.forum is forum]
        with_votes = sum(1 for r in records if votes.get(r.roll_call))
        count = sum(n for (_, f, _), n in votes.items() if f is forum)
        rows.append(
            _fact(
                "votes",
                f"{where}: sessions with per-State votes",
                with_votes,
                len(records) - with_votes,
                f"{count} per-State votes in all",
            )
        )
    as_of = ds.metadata.as_of
    known_pairs = unknown_pairs = 0
    for meeting in formal:
        if meeting.start is None or (as_of is not None and meeting.start > as_of):
            continue
        att = meeting_attendance(ds, meeting)
        assert att.not_bound is not None and att.unknown is not None
        unknown_pairs += len(att.unknown)
        known_pairs += len(att.not_bound) - len(att.unknown)
    rows.append(
        _fact(
            "attendances",
            "States not bound at a formal meeting held: attended or absent",
            known_pairs,
            unknown_pairs,
            "pairs of a meeting and a State not bound on its first day",
        )
    )
    return rows


def _by_source(ds: Dataset, name: str) -> dict[str, Any]:
    records = tuple(getattr(ds, name))
    by_kind = {
        kind.value: len(getattr(with_source_kinds(ds, kind, tables=name), name))
        for kind in SourceKind
    }
    return {
        "table": name,
        "records": len(records),
        "by_kind": by_kind,
        "kind_unknown": sum(1 for r in records if any(s.kind is None for s in r.sources)),
        "news_only": len(getattr(with_source_kinds(ds, "news", only=True, tables=name), name)),
        "no_source": sum(1 for r in records if not r.sources),
    }


def coverage_summary(ds: Dataset) -> dict[str, Any]:
    """What ``ds`` knows and does not know, and what its records rest on: plain JSON-ready data.

    ``facts`` lists, per table, facts that a source may or may not give, with the number
    ``known`` and ``unknown`` (for instance the First Committee sessions whose tally is known).
    ``sources`` gives, per table, the number of records citing at least one source of each
    :class:`~apmbc.models.SourceKind` (a record citing two kinds counts under both), those whose
    every source is news (``news_only``), those citing a source of no stated kind
    (``kind_unknown``) and those with no source. Only a record's own ``sources`` count here, as
    in :func:`apmbc.queries.with_source_kinds`.
    """
    return {
        "data_version": ds.metadata.data_version,
        "as_of": ds.metadata.as_of.isoformat() if ds.metadata.as_of else None,
        "facts": _facts(ds),
        "sources": [_by_source(ds, name) for name in SOURCED_TABLES],
    }


def _summary_markdown(cov: dict[str, Any]) -> list[str]:
    lines = ["## Summary", "", "### What is known", ""]
    lines.append("| table | fact | known | unknown | note |")
    lines.append("|---|---|---|---|---|")
    for row in cov["facts"]:
        cells = [row["table"], row["fact"], row["known"], row["unknown"], row["note"] or " "]
        lines.append("| " + " | ".join(str(c) for c in cells) + " |")
    lines += ["", "### Records by the kind of their sources", ""]
    kinds = [k.value for k in SourceKind]
    head = ["table", "records", *kinds, "kind unknown", "news only", "no source"]
    lines.append("| " + " | ".join(head) + " |")
    lines.append("|" + "---|" * len(head))
    for row in cov["sources"]:
        cells = [
            row["table"],
            row["records"],
            *(row["by_kind"][k] for k in kinds),
            row["kind_unknown"],
            row["news_only"],
            row["no_source"],
        ]
        lines.append("| " + " | ".join(str(c) for c in cells) + " |")
    return [*lines, ""]


def _cell(value: object) -> str:
    return "unknown" if value is None else str(value)


def coverage_markdown(ds: Dataset) -> str:
    """Markdown tables: the summary of :func:`coverage_summary`, then what is known per
    session, per meeting and per State."""
    lines = _summary_markdown(coverage_summary(ds))
    lines += ["## Resolutions and votes by session", ""]
    lines.append(
        "| session | forum | symbol | date | yes | no | abstain | absent | per-State votes |"
    )
    lines.append("|---|---|---|---|---|---|---|---|---|")
    counts = Counter(v.roll_call for v in ds.votes)
    for r in sorted(ds.resolutions, key=lambda r: (r.session, r.forum is Forum.PLENARY)):
        t = r.tally
        cells = [r.session, r.forum.value, r.symbol, r.date, t.yes, t.no, t.abstain, t.absent]
        row = " | ".join(_cell(c) for c in cells)
        lines.append(f"| {row} | {counts.get(r.roll_call, 0)} |")
    lines += ["", "## Meetings", ""]
    lines.append(
        "| code | kind | dates | city | president | States not bound: attended / absent / unknown |"
    )
    lines.append("|---|---|---|---|---|---|")
    for m in ds.meetings:
        dates = f"{_cell(m.start)} to {_cell(m.end)}"
        president = m.president.person if m.president and m.president.person else None
        groups = meeting_attendance(ds, m).counts()
        known = " / ".join(_cell(groups[k]) for k in ("attended", "absent", "unknown"))
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
