"""How a value is written into a CSV cell, and read back from one: the one place for both.

Written: ``None`` (unknown) as an empty cell, booleans as ``true``/``false``, dates as
``YYYY-MM-DD``, numbers and text as they are. A line is the cells joined by commas and ended by
``\n``; a cell holding a comma, a double quote, a carriage return or a line feed is quoted
(RFC 4180: ``"..."``, with ``""`` for a double quote). Python's ``csv.writer`` would leave a
lone carriage return unquoted, which every reader takes for the end of a line.

Formulas (OWASP, "CSV injection"): a spreadsheet runs a cell that starts with ``=``, ``+``,
``-``, ``@``, a TAB or a carriage return as a formula. With ``excel_safe`` (the default of every
CSV export) such a cell, unless it is a number (``-5``, ``+1.5e3``), is written with a leading
apostrophe, which spreadsheets show as text and do not display: ``+ data/x.rda`` is written
``'+ data/x.rda``. So that reading back is exact, a text that itself starts with apostrophes
followed by one of those characters gets one apostrophe more (``'=x`` is written ``''=x``), and
reading removes exactly one apostrophe from a cell that starts with one or more apostrophes
followed by one of those characters, and from no other cell. Without ``excel_safe`` (``--raw``)
cells are written as they are and must be read as they are.

>>> neutralise("=SUM(A1:A3)"), neutralise("-5"), neutralise("'=x"), neutralise("O'Brien")
("'=SUM(A1:A3)", '-5', "''=x", "O'Brien")
>>> restore("''=x"), restore("'O'Brien")
("'=x", "'O'Brien")
"""

from __future__ import annotations

import datetime as _dt
import enum
import re
from collections.abc import Callable, Iterable
from functools import cache
from typing import Any

from apmbc.output._tables import Column

__all__ = [
    "FORMULA_CHARACTERS",
    "cell_parser",
    "csv_line",
    "enum_values",
    "neutralise",
    "parse_cell",
    "restore",
    "write_cell",
]

FORMULA_CHARACTERS = "=+-@\t\r"
"""The first characters that make a spreadsheet read a cell as a formula."""

_ESCAPABLE = re.compile("'*[" + re.escape(FORMULA_CHARACTERS) + "]")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?\Z")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
_INT = re.compile(r"-?\d+\Z")
_SPECIAL = re.compile('[,"\r\n]')
_QUOTE_OR_BREAK = re.compile('["\r\n]')
_MAY_NEED_AN_APOSTROPHE = "'" + FORMULA_CHARACTERS


@cache
def enum_values(members: type[enum.Enum]) -> tuple[str, ...]:
    """The values an enum column may hold, in the enum's order (worked out once per enum)."""
    return tuple(str(m.value) for m in members)


def neutralise(text: str) -> str:
    """``text`` as an excel-safe CSV cell: with one more leading apostrophe if it starts (after
    any apostrophes) with a formula character and is not a number."""
    if _ESCAPABLE.match(text) and not _NUMBER.match(text):
        return "'" + text
    return text


def restore(cell: str) -> str:
    """The text an excel-safe cell stands for: :func:`neutralise` undone."""
    if cell.startswith("'") and _ESCAPABLE.match(cell):
        return cell[1:]
    return cell


def csv_line(cells: Iterable[str]) -> str:
    """One CSV line of ``cells``, each quoted when it must be (see the module documentation)."""
    cells = cells if isinstance(cells, list) else list(cells)
    line = ",".join(cells)
    # Most lines need no quoting: then every comma of the line is one that joins two cells.
    if line.count(",") == len(cells) - 1 and not _QUOTE_OR_BREAK.search(line):
        return line + "\n"
    return ",".join(_quoted(cell) for cell in cells) + "\n"


def _quoted(cell: str) -> str:
    if _SPECIAL.search(cell):
        return '"' + cell.replace('"', '""') + '"'
    return cell


def write_cell(value: Any, *, excel_safe: bool) -> str:
    """``value`` (a table value: ``str``, ``int``, ``bool``, date or ``None``) as a CSV cell."""
    if value.__class__ is str:  # the most common cell first, checked without a pattern
        if excel_safe and value and value[0] in _MAY_NEED_AN_APOSTROPHE:
            return neutralise(value)
        return value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, _dt.date):
        return value.isoformat()
    text = str(value)
    return neutralise(text) if excel_safe else text


def parse_cell(cell: str, column: Column, *, excel_safe: bool) -> Any:
    """The value of a CSV ``cell`` of ``column``: the inverse of :func:`write_cell`.

    Raises ``ValueError`` with a message saying what was expected.
    """
    return cell_parser(column, excel_safe=excel_safe)(cell)


@cache
def cell_parser(column: Column, *, excel_safe: bool) -> Callable[[str], Any]:
    """:func:`parse_cell` for the cells of one column, made once per column: a table's reader
    calls it for every cell."""
    name = column.name
    kind = column.kind

    def text(cell: str) -> str:  # a cell that is not empty
        return restore(cell) if excel_safe and cell[0] == "'" else cell

    if kind == "str":
        if not excel_safe:
            return lambda cell: cell or None
        return lambda cell: (restore(cell) if cell[0] == "'" else cell) if cell else None
    if kind == "int":

        def whole_number(cell: str) -> int | None:
            if cell == "":
                return None
            cell = text(cell)
            if not _INT.match(cell):
                raise ValueError(f"column {name}: expected a whole number, not {cell!r}")
            return int(cell)

        return whole_number
    if kind == "bool":

        def boolean(cell: str) -> bool | None:
            if cell == "":
                return None
            cell = text(cell)
            if cell not in ("true", "false"):
                raise ValueError(f"column {name}: expected true or false, not {cell!r}")
            return cell == "true"

        return boolean
    if kind == "date":

        def date(cell: str) -> _dt.date | None:
            if cell == "":
                return None
            cell = text(cell)
            try:
                if not _DATE.match(cell):
                    raise ValueError
                return _dt.date.fromisoformat(cell)
            except ValueError:
                raise ValueError(
                    f"column {name}: expected a date YYYY-MM-DD, not {cell!r}"
                ) from None

        return date
    if kind == "enum" and column.enum is not None:
        allowed = enum_values(column.enum)
        members = frozenset(allowed)

        def member(cell: str) -> str | None:
            if cell == "":
                return None
            cell = text(cell)
            if cell not in members:
                raise ValueError(f"column {name}: {cell!r} is not one of {', '.join(allowed)}")
            return cell

        return member

    def no_cells(cell: str) -> Any:
        if cell == "":
            return None
        raise ValueError(f"column {name}: a {kind} column has no CSV cells")

    return no_cells
