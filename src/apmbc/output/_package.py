"""Every table in one folder, described by a Frictionless Data Package (``datapackage.json``).

:func:`export_all` writes each of :data:`~apmbc.output.TABLES` (``states.csv`` ...
``sources.csv``, or ``.json``) and then ``datapackage.json``: a Tabular Data Package
(https://specs.frictionlessdata.io/) whose resources give each file's path, format, encoding
and SHA-256 hash (no ``bytes``: Frictionless cannot count those of a JSON resource), and a
Table Schema: every field with its name, type (``string``, ``integer``, ``boolean``, ``date``;
``array`` for the list fields of JSON files), description and, for enum columns,
``constraints.enum``; the ``primaryKey`` and ``foreignKeys``; and ``missingValues: [""]``, so
that only an empty cell is unknown (Namibia's alpha-2 code ``NA`` is a code). The package
carries the data's name, title, version (the data version), description (with the metadata's
notes), sources and, for the bundled data, its licence (CC0-1.0) and authors.

A CSV resource also says ``"apmbc:excel_safe"``: ``true`` when cells a spreadsheet would run as
formulas were written with a leading apostrophe (see :mod:`apmbc.output._cells`), which
:func:`apmbc.pandas.read_export` removes again. JSON resources list their fields in the order of
the file's (sorted) keys.

>>> import apmbc
>>> from apmbc.output import datapackage
>>> package = datapackage(apmbc.load())
>>> package["version"] == apmbc.DATA_VERSION, package["licenses"][0]["name"]
(True, 'CC0-1.0')
>>> [r["path"] for r in package["resources"]][:3]
['states.csv', 'meetings.csv', 'resolutions.csv']
>>> package["resources"][0]["schema"]["primaryKey"]
['code']
"""

from __future__ import annotations

import hashlib
import json
import os
from typing import TYPE_CHECKING, Any

from apmbc.errors import WriteError
from apmbc.io._files import check_path, write_atomic
from apmbc.output._cells import enum_values
from apmbc.output._export import check_format, export_text
from apmbc.output._tables import FOREIGN_KEYS, PRIMARY_KEYS, TABLES, Column, columns

if TYPE_CHECKING:
    from apmbc.dataset import Dataset

__all__ = [
    "EXCEL_SAFE_PROPERTY",
    "PACKAGE_FILE",
    "datapackage",
    "export_all",
    "resource_schema",
]

PACKAGE_FILE = "datapackage.json"
"""The name of the descriptor :func:`export_all` writes."""
EXCEL_SAFE_PROPERTY = "apmbc:excel_safe"
"""The property of a CSV resource saying whether formula cells were neutralised."""

_TYPES = {
    "str": "string",
    "enum": "string",
    "int": "integer",
    "bool": "boolean",
    "date": "date",
    "list": "array",
}
_CSV_DIALECT = {
    "delimiter": ",",
    "doubleQuote": True,
    "header": True,
    "lineTerminator": "\n",
    "quoteChar": '"',
}
_LICENSE = {
    "name": "CC0-1.0",
    "path": "https://creativecommons.org/publicdomain/zero/1.0/",
    "title": "Creative Commons Zero v1.0 Universal",
}
_TITLES = {
    "states": (
        "States",
        "One row per State (or entity) that can join the Convention, keyed by its ISO 3166-1 "
        "alpha-3 code: codes, treaty dates (stated and computed), status on the as-of date.",
    ),
    "meetings": (
        "Meetings",
        "One row per meeting of the Convention: MSPs, Review Conferences, intersessional and "
        "preparatory meetings.",
    ),
    "resolutions": (
        "Resolutions",
        "One row per recorded vote of the UN General Assembly (plenary or First Committee) "
        "on the annual resolution on the Convention, with its tally.",
    ),
    "votes": (
        "Votes",
        "One row per State and recorded vote, absences kept (the shape of the unvotes data).",
    ),
    "attendances": (
        "Attendances",
        "One row per fact, from one source, that a State attended a meeting or did not; where "
        "sources disagree both facts are kept.",
    ),
    "statements": (
        "Statements",
        "One row per statement of a State about the Convention.",
    ),
    "names": (
        "Names",
        "One row per alias or former name of a State, or other name of a meeting; table and "
        "row name the record.",
    ),
    "actions": (
        "Other actions",
        "One row per other dated act of a State; table and row name the State.",
    ),
    "notes": (
        "Notes",
        "One row per note of a State, meeting, resolution or statement; table and row name "
        "the record.",
    ),
    "sources": (
        "Sources",
        "One row per source of a record (or of an action: table actions); table and row name "
        "the record, position its place in the record's list.",
    ),
}


def _field(column: Column) -> dict[str, Any]:
    field: dict[str, Any] = {
        "name": column.name,
        "type": _TYPES[column.kind],
        "description": column.description,
    }
    if column.kind == "enum" and column.enum is not None:
        field["constraints"] = {"enum": list(enum_values(column.enum))}
    return field


def resource_schema(table: str, format: str = "csv") -> dict[str, Any]:
    """The Table Schema of ``table`` as :func:`export_all` writes it in ``format``: the CSV
    columns in their order, or for JSON every column (list fields as ``array``) in the order of
    the file's sorted keys."""
    check_format(format)
    if format == "csv":
        spec = columns(table)
    else:
        spec = tuple(sorted(columns(table, lists=True), key=lambda c: c.name))
    schema: dict[str, Any] = {
        "fields": [_field(c) for c in spec],
        "missingValues": [""],
    }
    if table in PRIMARY_KEYS:
        schema["primaryKey"] = list(PRIMARY_KEYS[table])
    if table in FOREIGN_KEYS:
        schema["foreignKeys"] = [
            {
                "fields": list(fk.fields),
                "reference": {
                    "resource": "" if fk.table == table else fk.table,
                    "fields": list(fk.key),
                },
            }
            for fk in FOREIGN_KEYS[table]
        ]
    return schema


def _resource(table: str, format: str, excel_safe: bool, data: bytes) -> dict[str, Any]:
    title, description = _TITLES[table]
    resource: dict[str, Any] = {
        "name": table,
        "path": f"{table}.{format}",
        "profile": "tabular-data-resource",
        "title": title,
        "description": description,
        "format": format,
        "mediatype": "text/csv" if format == "csv" else "application/json",
        "encoding": "utf-8",
        "hash": "sha256:" + hashlib.sha256(data).hexdigest(),
    }
    if format == "csv":
        resource["dialect"] = dict(_CSV_DIALECT)
        resource[EXCEL_SAFE_PROPERTY] = excel_safe
    resource["schema"] = resource_schema(table, format)
    return resource


def _description(ds: Dataset) -> str:
    meta = ds.metadata
    as_of = f", facts as of {meta.as_of.isoformat()}" if meta.as_of else ""
    text = (
        f"The participation record of the 1997 Anti-Personnel Mine Ban Convention as tidy "
        f"tables written by apmbc (data version {meta.data_version}{as_of}). Record tables "
        "(states, meetings, resolutions, votes, attendances, statements) have one value per "
        "cell; list fields are the rows of the list tables (names, actions, notes, sources), "
        "which name their record by table and row (its position in that table, from 0). "
        "An empty cell is an unknown value."
    )
    if meta.notes:
        text += "\n\nNotes on the data:\n\n" + "\n".join(f"- {note}" for note in meta.notes)
    return text


def _package(ds: Dataset, format: str, excel_safe: bool, files: dict[str, bytes]) -> dict[str, Any]:
    from apmbc.output._citation import AUTHORS, citation_data

    meta = ds.metadata
    bundled = bool(citation_data(ds)["data"]["bundled"])
    package: dict[str, Any] = {
        "profile": "tabular-data-package",
        "name": "apmbc",
        "title": meta.title or "apmbc data",
        "description": _description(ds),
        "version": meta.data_version,
    }
    if bundled:  # a dataset read from a file has its own terms and authors
        package["licenses"] = [dict(_LICENSE)]
        package["contributors"] = [{"title": AUTHORS, "role": "author"}]
    sources = []
    for source in meta.sources:
        title = source.title or source.citation or source.url or "(no reference)"
        if source.title and source.citation:
            title += f" ({source.citation})"
        entry = {"title": title}
        if source.url:
            entry["path"] = source.url
        sources.append(entry)
    if sources:
        package["sources"] = sources
    package["resources"] = [_resource(table, format, excel_safe, files[table]) for table in TABLES]
    return package


def _files(ds: Dataset, format: str, excel_safe: bool) -> dict[str, bytes]:
    return {
        table: export_text(ds, table, format, excel_safe=excel_safe).encode("utf-8")
        for table in TABLES
    }


def _dumps(package: dict[str, Any]) -> str:
    return json.dumps(package, sort_keys=True, indent=2, ensure_ascii=False) + "\n"


def datapackage(ds: Dataset, format: str = "csv", *, excel_safe: bool = True) -> dict[str, Any]:
    """The ``datapackage.json`` :func:`export_all` writes for ``ds``, as a dict (with each
    file's hash, so the tables are made to know it)."""
    check_format(format)
    return _package(ds, format, excel_safe, _files(ds, format, excel_safe))


def export_all(
    ds: Dataset,
    folder: str | os.PathLike[str],
    format: str = "csv",
    *,
    excel_safe: bool = True,
) -> list[str]:
    """Write every table of ``ds`` into ``folder`` (``states.csv`` ... ``sources.csv``, or
    ``.json``) and then its ``datapackage.json``; returns the paths written, the descriptor
    last.

    The folder is made if it is missing. Each file is written atomically; the folder's other
    files are left alone. ``excel_safe`` is that of :func:`export`. Raises
    :class:`~apmbc.errors.UnknownFormatError` before writing anything, and
    :class:`~apmbc.errors.WriteError` naming the target when a file or the folder cannot be
    written (the files written before it stay, each one whole).
    """
    check_format(format)
    name = check_path(folder, "the folder")
    if os.path.exists(name) and not os.path.isdir(name):
        raise WriteError(f"cannot write into {name}: it is a file, not a folder")
    files = _files(ds, format, excel_safe)
    package = _package(ds, format, excel_safe, files)
    try:
        os.makedirs(name, exist_ok=True)
    except OSError as exc:
        raise WriteError(f"cannot make the folder {name}: {exc.strerror or exc}") from None
    written = [
        write_atomic(os.path.join(name, f"{table}.{format}"), data) for table, data in files.items()
    ]
    written.append(write_atomic(os.path.join(name, PACKAGE_FILE), _dumps(package)))
    return written
