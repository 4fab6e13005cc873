"""Output helpers of the command line: canonical JSON and aligned plain text."""

from __future__ import annotations

import datetime as _dt
import enum
import json
import sys
from collections.abc import Iterable, Sequence
from typing import Any

from apmbc.output._text import plain

__all__ = ["NONE", "align", "emit", "emit_json", "packed", "text"]

NONE = "-"
"""What an unknown value shows as in plain text."""


def _default(value: object) -> Any:
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, (tuple, set, frozenset)):
        return sorted(value) if isinstance(value, (set, frozenset)) else list(value)
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def emit_json(data: Any) -> None:
    """Write ``data`` as canonical JSON (sorted keys, two-space indent, UTF-8) to stdout."""
    sys.stdout.write(
        json.dumps(data, sort_keys=True, indent=2, ensure_ascii=False, default=_default) + "\n"
    )


def emit(lines: Iterable[str]) -> None:
    """Write lines of plain text to stdout."""
    for line in lines:
        sys.stdout.write(line + "\n")


def text(value: object) -> str:
    """A value as plain text: dates in ISO form, enums as their value, ``None`` as ``-``."""
    return plain(value, NONE)


def align(rows: Sequence[Sequence[object]], indent: str = "") -> list[str]:
    """Rows as lines whose columns line up (the last column is not padded)."""
    cells = [[text(v) for v in row] for row in rows]
    if not cells:
        return []
    widths = [max(len(row[i]) for row in cells if i < len(row)) for i in range(len(cells[0]))]
    out = []
    for row in cells:
        padded = [c.ljust(widths[i]) for i, c in enumerate(row[:-1])]
        out.append((indent + "  ".join([*padded, row[-1]])).rstrip())
    return out


def packed(head: str, items: Sequence[str], width: int = 88, indent: str = "  ") -> list[str]:
    """``head`` and then ``items`` joined by ", ", in lines of at most ``width`` characters
    (unless one item is longer), broken only between items; later lines start with ``indent``."""
    lines: list[str] = []
    line, fresh = head, True
    for i, item in enumerate(items):
        piece = item + ("," if i < len(items) - 1 else "")
        if not fresh and len(line) + 1 + len(piece) > width:
            lines.append(line)
            line, fresh = indent, True
        line += piece if fresh else " " + piece
        fresh = False
    lines.append(line.rstrip())
    return lines
