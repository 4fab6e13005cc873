"""Write a tidy table (see :mod:`apmbc.output._tables`) to CSV or JSON.

CSV: UTF-8, a header row, ``\\n`` line ends, one value per cell (the list fields are the rows
of the list tables ``names``, ``actions``, ``notes`` and ``sources``), dates in ISO form
(``2022-12-07``), booleans as ``true``/``false``, unknown values (``None``) as empty fields;
by default a cell a spreadsheet would run as a formula gets a leading apostrophe (see
:mod:`apmbc.output._cells`; ``excel_safe=False`` writes cells as they are). JSON: a list of
objects, canonical (keys sorted, two-space indent, UTF-8, a trailing newline), with the list
fields as arrays and unknown values as ``null``; JSON is never changed for spreadsheets.

Writing to a path is atomic: a failed write leaves the previous file as it was.

>>> import apmbc, io
>>> out = io.StringIO()
>>> apmbc.export(apmbc.load(), "resolutions", out, format="csv")
>>> out.getvalue().splitlines()[0]
'session,forum,symbol,record,convention,date,title,yes,no,abstain,absent'
"""

from __future__ import annotations

import datetime as _dt
import io
import json
import os
from typing import IO, TYPE_CHECKING

from apmbc.errors import (
    ArgumentTypeError,
    DataValidationError,
    ParseError,
    Problem,
    UnknownFormatError,
)
from apmbc.io._files import check_path, no_lone_surrogate, write_atomic
from apmbc.output._cells import csv_line, write_cell
from apmbc.output._tables import columns, to_records

if TYPE_CHECKING:
    from apmbc.dataset import Dataset

__all__ = ["FORMATS", "export", "export_text"]

FORMATS: tuple[str, ...] = ("csv", "json")
"""The formats :func:`export` writes."""


def _iso_date(value: object) -> str:
    """A date in ISO form: the one value of a table that JSON has no type for."""
    if isinstance(value, _dt.date):
        return value.isoformat()
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


def check_format(format: object) -> str:
    """``format`` if it is one of :data:`FORMATS`; else :class:`UnknownFormatError`."""
    if not isinstance(format, str) or format not in FORMATS:
        raise UnknownFormatError(format, FORMATS)
    return format


def export_text(ds: Dataset, table: str, format: str = "csv", *, excel_safe: bool = True) -> str:
    """The text :func:`export` would write: ``table`` of ``ds`` as CSV or JSON."""
    check_format(format)
    if format == "json":
        rows = to_records(ds, table, lists=True)
        text = json.dumps(rows, sort_keys=True, indent=2, ensure_ascii=False, default=_iso_date)
        return text + "\n"
    names = [c.name for c in columns(table)]
    lines = [csv_line(names)]
    lines.extend(
        csv_line([write_cell(row[name], excel_safe=excel_safe) for name in names])
        for row in to_records(ds, table)
    )
    return "".join(lines)


def export(
    ds: Dataset,
    table: str,
    path: str | os.PathLike[str] | IO[str],
    format: str = "csv",
    *,
    excel_safe: bool = True,
) -> None:
    """Write ``table`` of ``ds`` (one of :data:`apmbc.TABLES`) as ``csv`` or ``json``.

    ``path`` is a file path, written atomically (the old file survives a failed write), or an
    open text stream such as ``sys.stdout``. In CSV, ``excel_safe`` (the default) puts an
    apostrophe before a cell a spreadsheet would run as a formula; ``excel_safe=False`` writes
    every cell as it is; JSON is the same either way. An unknown table or format raises a
    ``ValueError`` (:class:`~apmbc.errors.UnknownTableError`,
    :class:`~apmbc.errors.UnknownFormatError`) before anything is written.

    :func:`export_all` writes every table and a ``datapackage.json`` describing them;
    :func:`apmbc.pandas.read_export` reads an export back.
    """
    if not isinstance(path, (str, os.PathLike)):
        _check_text_stream(path)
    text = export_text(ds, table, format, excel_safe=excel_safe)
    _no_lone_surrogate(text, table, format)
    if isinstance(path, (str, os.PathLike)):
        write_atomic(check_path(path), text.encode("utf-8"))
        return
    try:
        path.write(text)
    except TypeError:  # a binary stream that did not say so
        raise ArgumentTypeError(
            f"path must be a file path or a text stream, not {type(path).__name__}"
        ) from None


def _check_text_stream(target: object) -> None:
    binary = isinstance(target, (io.RawIOBase, io.BufferedIOBase)) or "b" in str(
        getattr(target, "mode", "")
    )
    if binary or not callable(getattr(target, "write", None)):
        kind = "a binary stream" if binary else type(target).__name__
        raise ArgumentTypeError(f"path must be a file path or a text stream, not {kind}")


def _no_lone_surrogate(text: str, table: str, format: str) -> None:
    try:
        no_lone_surrogate(text, None, f"{table} table")
    except ParseError as exc:
        where = f"{table} (line {exc.line} of the {format} export)"
        raise DataValidationError([Problem(where, exc.message)]) from None
