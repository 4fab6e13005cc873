"""The bundled dataset: ``load()`` reads the package data once per process, thread-safely.

``load()`` reads the metadata; each table (States, meetings, resolutions, votes, attendances,
statements) is read from its file when it is first used, once, so that a script pays only for
the tables it touches. The 5,557 per-State votes are kept as compact CSV rows.
"""

from __future__ import annotations

import json
import os
import threading
from typing import Any

from apmbc.convert import structure
from apmbc.dataset import Dataset
from apmbc.models import (
    Attendance,
    Forum,
    Meeting,
    Metadata,
    Resolution,
    Source,
    State,
    Statement,
    Vote,
    VotePosition,
)

__all__ = ["DATA_VERSION", "load"]

_LOCK = threading.Lock()
_CACHE: Dataset | None = None
# The data files sit in the package's data/ folder (wheels are installed
# unzipped). Reading them with open() rather than importlib.resources saves about 5 ms of imports
# on every load(), a fifth of the load budget.
_DATA = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "data")


def _text(name: str) -> str:
    with open(os.path.join(_DATA, name), encoding="utf-8") as handle:
        return handle.read()


def _json(name: str, cls: Any) -> Any:
    return structure(json.loads(_text(name)), cls, source=f"apmbc/data/{name}")


def _votes() -> tuple[Vote, ...]:
    import csv  # only when the votes are first asked for

    sources = _json("vote-sources.json", tuple[tuple[Source, ...], ...])
    symbols = {(r.session, r.forum): r.symbol for r in load().resolutions if r.convention}
    forums = {f.value: f for f in Forum}
    positions = {p.value: p for p in VotePosition}
    rows = csv.reader(_text("votes.csv").splitlines())
    next(rows)
    out = []
    for session_text, forum_text, state, position, recorded, source in rows:
        session = int(session_text)
        forum = forums[forum_text]
        out.append(
            Vote(
                state=state,
                session=session,
                forum=forum,
                position=positions[position],
                resolution=symbols.get((session, forum)),
                recorded_name=recorded or None,
                sources=sources[int(source)],
            )
        )
    return tuple(out)


def _read() -> Dataset:
    return Dataset(
        metadata=_json("metadata.json", Metadata),
        states=lambda: _json("states.json", tuple[State, ...]),
        meetings=lambda: _json("meetings.json", tuple[Meeting, ...]),
        resolutions=lambda: _json("resolutions.json", tuple[Resolution, ...]),
        votes=_votes,
        attendances=lambda: _json("attendances.json", tuple[Attendance, ...]),
        statements=lambda: _json("statements.json", tuple[Statement, ...]),
    )


def load() -> Dataset:
    """The bundled dataset: every State, meeting, resolution, vote, attendance and statement.

    Read from the package data on the first call, then cached for the life of the process; safe
    to call from several threads. The returned :class:`~apmbc.dataset.Dataset` is immutable.
    """
    global _CACHE
    cached = _CACHE
    if cached is None:
        with _LOCK:
            if _CACHE is None:
                _CACHE = _read()
            cached = _CACHE
    return cached


DATA_VERSION: str = json.loads(_text("metadata.json"))["data_version"]
"""The version of the bundled data (``YYYY.MM.DD`` of its as-of date, plus a suffix if reissued)."""
