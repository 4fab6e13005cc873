"""Output helpers of the command line: canonical JSON and aligned plain text, written safely.

Everything the commands print goes through :func:`write_out`: text from data files has its
terminal controls escaped (:func:`~apmbc.output._text.printable`), a write to standard output
that the system takes only in part (a pipe whose reader went away, with Python's unbuffered
output) is carried on until it is whole or fails, so that a reader gone away is always noticed
(exit 141), and a closed standard output is an error of one line.
"""

from __future__ import annotations

import datetime as _dt
import enum
import io
import json
import re
import sys
from collections.abc import Iterable, Sequence
from typing import Any

from apmbc.errors import WriteError
from apmbc.output._text import plain, printable

__all__ = ["NONE", "Stdout", "align", "emit", "emit_json", "packed", "text", "write_out"]

NONE = "-"
"""What an unknown value shows as in plain text."""

_JSON_CONTROLS = re.compile("[\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
"""The controls ``json.dumps`` leaves as they are (it escapes those below U+0020 itself), and
lone surrogates (a file name that is not UTF-8), which no UTF-8 output can hold."""


def write_out(data: str) -> None:
    """Write ``data`` to standard output, whole.

    Raises :class:`~apmbc.errors.WriteError` when standard output is closed or cannot take
    the data (a full disk), and ``BrokenPipeError`` when its reader went away (the command
    line exits 141).
    """
    out = sys.stdout
    if out is None:
        raise WriteError("cannot write the output: standard output is closed")
    try:
        _write(out, data)
    except BrokenPipeError:
        raise
    except OSError as exc:  # a full disk, a file grown past its limit
        raise WriteError(f"cannot write the output: {exc.strerror or exc}") from None


def _write(out: Any, data: str) -> None:
    raw = getattr(out, "buffer", None)
    if not isinstance(raw, io.RawIOBase):  # a buffered stream writes all or raises
        out.write(data)
        return
    # Unbuffered (python -u, PYTHONUNBUFFERED): the text layer passes one write to the system
    # and drops what a pipe did not take; write the bytes here until all are taken.
    out.flush()
    view = memoryview(data.encode(out.encoding or "utf-8", out.errors or "strict"))
    while view:
        written = raw.write(view)
        if written is None:  # pragma: no cover - standard output is never non-blocking here
            raise BlockingIOError("standard output would block")
        view = view[written:]


class Stdout(io.TextIOBase):
    """Standard output as a text stream that :func:`write_out` writes (for ``apmbc.export``)."""

    def writable(self) -> bool:
        return True

    def write(self, s: str) -> int:
        write_out(s)
        return len(s)


def _default(value: object) -> Any:
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, (tuple, set, frozenset)):
        return sorted(value) if isinstance(value, (set, frozenset)) else list(value)
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def _json_escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def emit_json(data: Any) -> None:
    """Write ``data`` as canonical JSON (sorted keys, two-space indent, UTF-8) to stdout.

    The controls a terminal would act on are written as ``\\u`` escapes (``json.dumps``
    escapes those below U+0020; DEL, the C1 controls and the bidirectional overrides are
    escaped here): the same data, shown safely.
    """
    rendered = json.dumps(data, sort_keys=True, indent=2, ensure_ascii=False, default=_default)
    write_out(_JSON_CONTROLS.sub(_json_escape, rendered) + "\n")


def emit(lines: Iterable[str]) -> None:
    """Write lines of plain text to stdout, their controls escaped."""
    write_out("".join(printable(line) + "\n" for line in lines))


def text(value: object) -> str:
    """A value as plain text: dates in ISO form, enums as their value, ``None`` as ``-``;
    terminal controls escaped."""
    return printable(plain(value, NONE))


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
