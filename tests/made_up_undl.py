"""MADE-UP UN voting files, in the real layout, for the tests and docs of ``apmbc update``.

    python tests/made_up_undl.py made-up-undl-81.csv
    python tests/made_up_undl.py --contradiction made-up-contradiction-80.csv

The first writes a long-layout UN Digital Library voting CSV (the columns of
:data:`apmbc.io.undl.LONG_COLUMNS`, in the UN's order) holding one plenary vote of the 81st
session on the Convention's resolution. **The vote is made up**: it has not happened when this
is written. Every State votes as it did on the 80th session's resolution in the bundled data;
the symbol (``A/RES/81/999``), the record id, the date and the tally are invented too, and the
title says so. Nothing of it may ever enter the package data.

:func:`write_contradiction` writes a file of the same shape that restates the real 80th-session
vote of the bundled data with one State's position changed: a file that contradicts a known
vote, for the conflict tests.
"""

from __future__ import annotations

import csv
import datetime as dt
import sys
from collections import Counter
from pathlib import Path

import apmbc
from apmbc.domain.titles import RESOLUTION_TITLE
from apmbc.io.undl import LONG_COLUMNS

__all__ = [
    "MADE_UP_DATE",
    "MADE_UP_RECORD",
    "MADE_UP_SYMBOL",
    "MADE_UP_TITLE",
    "main",
    "write_contradiction",
    "write_made_up_81",
]

MADE_UP_SYMBOL = "A/RES/81/999"
"""The symbol of the made-up 81st-session resolution."""
MADE_UP_RECORD = "9990081"
"""Its made-up UN Digital Library record id."""
MADE_UP_DATE = dt.date(2026, 12, 7)
"""Its made-up date: a day of the 81st session's plenary votes on disarmament, in December 2026."""
MADE_UP_TITLE = f"{RESOLUTION_TITLE} (MADE UP for apmbc's tests: not a real vote)"
"""Its title: the Convention's, so that the UN reader keeps it, and a warning."""

_CODES = {"yes": "Y", "no": "N", "abstain": "A", "absent": ""}
"""The long layout's vote codes; an empty cell is an absence."""


def _rows(
    ds: apmbc.Dataset,
    positions: dict[str, str],
    *,
    record: str,
    session: int,
    symbol: str,
    day: dt.date,
    title: str,
) -> list[list[str]]:
    counted = Counter(positions.values())
    totals = [
        str(counted["yes"]),
        str(counted["no"]),
        str(counted["abstain"]),
        str(counted["absent"]),
        str(len(positions)),
    ]
    rows = []
    for code, position in positions.items():
        state = ds.state(code)
        name = state.name.upper()
        rows.append(
            [
                record,
                code,
                name,
                _CODES[position],
                day.isoformat(),
                str(session),
                symbol,
                "",
                "",
                "",
                title,
                "",
                "",
                *totals,
                "",
            ]
        )
    return rows


def _write(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(LONG_COLUMNS)
        writer.writerows(rows)
    return path


def _session_80(ds: apmbc.Dataset) -> dict[str, str]:
    return {
        v.state: v.position.value
        for v in ds.votes
        if v.convention and v.session == 80 and v.forum is apmbc.Forum.PLENARY
    }


def write_made_up_81(path: Path, ds: apmbc.Dataset | None = None) -> Path:
    """Write the made-up 81st-session vote to ``path`` (see the module documentation)."""
    ds = ds if ds is not None else apmbc.load()
    rows = _rows(
        ds,
        _session_80(ds),
        record=MADE_UP_RECORD,
        session=81,
        symbol=MADE_UP_SYMBOL,
        day=MADE_UP_DATE,
        title=MADE_UP_TITLE,
    )
    return _write(path, rows)


def write_contradiction(
    path: Path, state: str = "CUB", position: str = "yes", ds: apmbc.Dataset | None = None
) -> Path:
    """Write the bundled 80th-session plenary vote with ``state`` voting ``position`` instead:
    a made-up file that contradicts a known vote (its tally follows its made-up positions)."""
    ds = ds if ds is not None else apmbc.load()
    positions = _session_80(ds)
    if positions[state] == position:
        raise ValueError(f"{state} already voted {position} in session 80: nothing to contradict")
    positions[state] = position
    resolution = ds.resolution(80)
    assert resolution.date is not None and resolution.symbol is not None
    rows = _rows(
        ds,
        positions,
        record="9990080",
        session=80,
        symbol=resolution.symbol,
        day=resolution.date,
        title=f"{RESOLUTION_TITLE} (MADE UP for apmbc's tests: one position changed)",
    )
    return _write(path, rows)


def main(argv: list[str]) -> str:
    """``OUT.csv``: the made-up 81st-session vote; ``--contradiction OUT.csv``: the made-up
    contradiction of the 80th. Returns what the script prints."""
    if len(argv) == 1:
        return f"wrote {write_made_up_81(Path(argv[0]))} (a MADE-UP 81st-session vote)"
    if len(argv) == 2 and argv[0] == "--contradiction":
        path = write_contradiction(Path(argv[1]))
        return f"wrote {path} (the 80th-session vote with one MADE-UP position)"
    raise SystemExit("usage: python tests/made_up_undl.py [--contradiction] OUT.csv")


if __name__ == "__main__":
    print(main(sys.argv[1:]))
