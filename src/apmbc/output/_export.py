"""Write a tidy table (see :mod:`apmbc.output._tables`) to CSV or JSON.

CSV: UTF-8, a header row, ``\\n`` line ends, dates in ISO form (``2022-12-07``), booleans as
``true``/``false``, unknown values (``None``) as empty fields. JSON: a list of objects, canonical
(keys sorted, two-space indent, UTF-8, a trailing newline), unknown values as ``null``.

Writing to a path is atomic: a failed write leaves the previous file as it was.

>>> import apmbc, io
>>> out = io.StringIO()
>>> apmbc.export(apmbc.load(), "resolutions", out, format="csv")
>>> out.getvalue().splitlines()[0]
'session,forum,symbol,record,convention,date,title,yes,no,abstain,absent,notes,sources'
"""

from __future__ import annotations

import csv
import datetime as _dt
import io
import json
import os
from typing import IO, TYPE_CHECKING, Any

from apmbc.errors import UnknownFormatError
from apmbc.io._files import write_atomic
from apmbc.output._tables import columns, to_records

if TYPE_CHECKING:
    from apmbc.dataset import Dataset

__all__ = ["FORMATS", "export", "export_text"]

FORMATS: tuple[str, ...] = ("csv", "json")
"""The formats :func:`export` writes."""


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, _dt.date):
        return value.isoformat()
    return str(value)


def _json_value(value: Any) -> Any:
    return value.isoformat() if isinstance(value, _dt.date) else value


def export_text(ds: Dataset, table: str, format: str = "csv") -> str:
    """The text :func:`export` would write: ``table`` of ``ds`` as CSV or JSON."""
    if format not in FORMATS:
        raise UnknownFormatError(format, FORMATS)
    names = [c.name for c in columns(table)]
    rows = to_records(ds, table)
    if format == "json":
        data = [{k: _json_value(v) for k, v in row.items()} for row in rows]
        return json.dumps(data, sort_keys=True, indent=2, ensure_ascii=False) + "\n"
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(names)
    writer.writerows([_csv_cell(row[name]) for name in names] for row in rows)
    return buffer.getvalue()


def export(
    ds: Dataset,
    table: str,
    path: str | os.PathLike[str] | IO[str],
    format: str = "csv",
) -> None:
    """Write ``table`` of ``ds`` (one of :data:`apmbc.TABLES`) as ``csv`` or ``json``.

    ``path`` is a file path, written atomically (the old file survives a failed write), or an
    open text stream such as ``sys.stdout``. An unknown table or format raises a ``ValueError``
    (:class:`~apmbc.errors.UnknownTableError`, :class:`~apmbc.errors.UnknownFormatError`)
    before anything is written.
    """
    text = export_text(ds, table, format)
    if isinstance(path, (str, os.PathLike)):
        write_atomic(path, text.encode("utf-8"))
    else:
        path.write(text)
