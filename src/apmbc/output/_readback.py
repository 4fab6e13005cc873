"""Read apmbc's own exports back: a table's CSV or JSON file, or a whole ``datapackage.json``.

This is the pure-Python half of :func:`apmbc.pandas.read_export` (which makes frames of the
rows) and of ``apmbc validate`` on exports (which checks their keys). Rows come back as
:func:`~apmbc.output.to_records` gives them: the same keys in the same order, the same plain
values (``str``, ``int``, ``bool``, ``datetime.date`` or ``None``).

A file's table is known from the ``datapackage.json`` beside it when that lists the file, else
from its header (CSV: the exact header of one table) or its keys (JSON). An excel-safe CSV
(every CSV export unless written with ``excel_safe=False`` or ``--raw``) has its formula
apostrophes removed (see :mod:`apmbc.output._cells`); the ``datapackage.json`` says which a file
is, and without one the default is ``excel_safe=True``, the export's own default.

Every problem is a :class:`~apmbc.errors.ParseError` naming the file, the line (CSV) or the
element (JSON), and the column.
"""

from __future__ import annotations

import csv
import datetime as _dt
import json
import os
import re
from collections.abc import Callable
from typing import Any

import attrs

from apmbc.errors import ParseError
from apmbc.io._files import MAX_CSV_BYTES, MAX_JSON_BYTES, check_path, open_text, read_text
from apmbc.output._cells import cell_parser, enum_values
from apmbc.output._package import EXCEL_SAFE_PROPERTY, PACKAGE_FILE, resource_schema
from apmbc.output._tables import TABLES, Column, columns

__all__ = [
    "ExportedPackage",
    "ExportedTable",
    "header_table",
    "is_package_file",
    "read_package",
    "read_table",
]

_SNIFF_BYTES = 64 * 1024
_HEADERS = {",".join(c.name for c in columns(t)): t for t in TABLES}
_JSON_KEYS = {frozenset(c.name for c in columns(t, lists=True)): t for t in TABLES}
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
_SOURCE_KEYS = frozenset(("url", "citation", "title", "note", "retrieved", "kind"))
_ACTION_KEYS = frozenset(("date", "description", "sources"))


@attrs.frozen(kw_only=True)
class ExportedTable:
    """One exported table, read back."""

    table: str
    """Which of :data:`~apmbc.output.TABLES` it is."""
    path: str
    format: str
    """``csv`` or ``json``."""
    rows: tuple[dict[str, Any], ...]
    """The rows, as :func:`~apmbc.output.to_records` (without ``lists``) gives them."""
    locations: tuple[str, ...]
    """Where each row is: its first line (CSV) or its index (JSON, ``[3]``)."""


@attrs.frozen(kw_only=True)
class ExportedPackage:
    """A ``datapackage.json`` and the tables it lists, read back."""

    path: str
    descriptor: dict[str, Any]
    tables: dict[str, ExportedTable]
    """The tables, by name, in the order of the resources."""


def header_table(line: str) -> str | None:
    """The table whose CSV header ``line`` is exactly (without its line end), or ``None``."""
    return _HEADERS.get(line.removeprefix("\ufeff").rstrip("\r\n"))


def is_package_file(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` looks like a ``datapackage.json``: by its name, or a JSON object whose
    start names ``resources``."""
    name = check_path(path)
    if os.path.basename(name).casefold() == PACKAGE_FILE:
        return True
    try:
        with open(name, "rb") as handle:
            head = handle.read(_SNIFF_BYTES)
    except OSError:
        return False
    head = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    return head.startswith(b"{") and b'"resources"' in head


def _format_of(name: str) -> str:
    suffix = os.path.splitext(name)[1].casefold()
    if suffix in (".csv", ".json"):
        return suffix[1:]
    try:
        with open(name, "rb") as handle:
            head = handle.read(4096)
    except OSError:
        return "csv"  # the reader reports the error
    return "json" if head.removeprefix(b"\xef\xbb\xbf").lstrip().startswith(b"[") else "csv"


def _beside(name: str) -> tuple[str | None, bool | None]:
    """The table and excel-safety that a ``datapackage.json`` beside ``name`` gives it."""
    folder = os.path.dirname(name) or "."
    package = os.path.join(folder, PACKAGE_FILE)
    if not os.path.isfile(package):
        return None, None
    try:
        descriptor = json.loads(read_text(package, max_bytes=MAX_JSON_BYTES))
        target = os.path.realpath(name)
        for resource in descriptor["resources"]:
            path = resource.get("path")
            if isinstance(path, str) and os.path.realpath(os.path.join(folder, path)) == target:
                safe = resource.get(EXCEL_SAFE_PROPERTY)
                table = resource.get("name")
                return (
                    table if table in TABLES else None,
                    safe if isinstance(safe, bool) else None,
                )
    except (ParseError, ValueError, TypeError, KeyError, AttributeError):
        pass  # not a package apmbc can use: the file's own header decides
    return None, None


def read_table(
    path: str | os.PathLike[str],
    *,
    table: str | None = None,
    format: str | None = None,
    excel_safe: bool | None = None,
) -> ExportedTable:
    """Read one exported table file (CSV or JSON, by its suffix or its first character).

    ``table``, ``format`` and ``excel_safe`` default to what the ``datapackage.json`` beside
    the file says, then to what the file shows (its header or keys; ``excel_safe=True``).
    Raises :class:`~apmbc.errors.ParseError` when the file is not an apmbc table or a value
    does not fit its column.
    """
    name = check_path(path)
    if table is None or excel_safe is None:
        listed, safe = _beside(name)
        table = table or listed
        excel_safe = safe if excel_safe is None else excel_safe
    if table is not None and table not in TABLES:
        raise ParseError(f"{table!r} is not an apmbc table ({', '.join(TABLES)})", source=name)
    fmt = format or _format_of(name)
    if fmt == "json":
        return _read_json(name, table)
    if fmt != "csv":
        raise ParseError(f"unknown table format {fmt!r}: expected csv or json", source=name)
    return _read_csv(name, table, True if excel_safe is None else excel_safe)


def _read_csv(name: str, table: str | None, excel_safe: bool) -> ExportedTable:
    rows: list[dict[str, Any]] = []
    locations: list[str] = []
    with open_text(name, max_bytes=MAX_CSV_BYTES, what="CSV file") as stream:
        reader = csv.reader(stream)
        try:
            header = next(reader, None)
            if header is None:
                raise ParseError("empty file: expected the header of an apmbc table", source=name)
            found = _HEADERS.get(",".join(header))
            if table is None:
                if found is None:
                    raise ParseError(
                        "the header is that of no apmbc table (an export starts with the "
                        f"exact header of one of {', '.join(TABLES)})",
                        source=name,
                        line=1,
                        text=",".join(header),
                    )
                table = found
            spec = columns(table)
            if header != [c.name for c in spec]:
                raise ParseError(
                    f"not the header of the {table} table: expected "
                    + ",".join(c.name for c in spec),
                    source=name,
                    line=1,
                    text=",".join(header),
                )
            parsers = [(c.name, cell_parser(c, excel_safe=excel_safe)) for c in spec]
            line = reader.line_num + 1
            for cells in reader:
                rows.append(_csv_row(name, line, parsers, cells))
                locations.append(str(line))
                line = reader.line_num + 1
        except csv.Error as exc:
            raise ParseError(f"not CSV: {exc}", source=name, line=reader.line_num) from None
    return ExportedTable(
        table=table, path=name, format="csv", rows=tuple(rows), locations=tuple(locations)
    )


def _csv_row(
    name: str, line: int, parsers: list[tuple[str, Callable[[str], Any]]], cells: list[str]
) -> dict[str, Any]:
    if len(cells) != len(parsers):
        raise ParseError(
            f"{len(cells)} cells, expected {len(parsers)} (one per column)", source=name, line=line
        )
    try:
        return {column: parse(cell) for (column, parse), cell in zip(parsers, cells, strict=True)}
    except ValueError:
        for (_, parse), cell in zip(parsers, cells, strict=True):
            try:
                parse(cell)
            except ValueError as exc:
                raise ParseError(str(exc), source=name, line=line, text=cell) from None
        raise


def _read_json(name: str, table: str | None) -> ExportedTable:
    text = read_text(name, max_bytes=MAX_JSON_BYTES, what="JSON file")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ParseError(f"not JSON: {exc.msg}", source=name, line=exc.lineno) from None
    if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
        raise ParseError("not an apmbc table: expected a JSON list of objects", source=name)
    if table is None:
        stem = os.path.splitext(os.path.basename(name))[0]
        if data:
            table = _JSON_KEYS.get(frozenset(data[0]))
        elif stem in TABLES:
            table = stem
        if table is None:
            raise ParseError(
                "the keys of its first object are those of no apmbc table"
                if data
                else "an empty list: say which table it is (name the file TABLE.json)",
                source=name,
            )
    spec = columns(table, lists=True)
    names = [c.name for c in spec]
    rows: list[dict[str, Any]] = []
    for index, item in enumerate(data):
        if set(item) != set(names):
            missing = sorted(set(names) - set(item))
            extra = sorted(set(item) - set(names))
            raise ParseError(
                f"[{index}]: not a row of the {table} table (missing: "
                f"{', '.join(missing) or 'none'}; unknown: {', '.join(extra) or 'none'})",
                source=name,
            )
        row: dict[str, Any] = {}
        for column in spec:
            try:
                value = _json_value(column, item[column.name])
            except ValueError as exc:
                raise ParseError(f"[{index}].{column.name}: {exc}", source=name) from None
            if column.kind != "list":
                row[column.name] = value
        rows.append(row)
    return ExportedTable(
        table=table,
        path=name,
        format="json",
        rows=tuple(rows),
        locations=tuple(f"[{i}]" for i in range(len(rows))),
    )


def _date(value: object) -> _dt.date | None:
    if value is None:
        return None
    if isinstance(value, str) and _DATE.match(value):
        try:
            return _dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise ValueError(f"expected a date YYYY-MM-DD or null, not {value!r}")


def _json_value(column: Column, value: object) -> Any:
    kind = column.kind
    if kind == "list":
        _check_list(column, value)
        return value
    if value is None:
        return None
    if kind == "date":
        return _date(value)
    if kind == "int":
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        raise ValueError(f"expected a whole number or null, not {value!r}")
    if kind == "bool":
        if isinstance(value, bool):
            return value
        raise ValueError(f"expected true, false or null, not {value!r}")
    if not isinstance(value, str):
        raise ValueError(f"expected a string or null, not {value!r}")
    if kind == "enum" and column.enum is not None:
        allowed = enum_values(column.enum)
        if value not in allowed:
            raise ValueError(f"{value!r} is not one of {', '.join(allowed)}")
    return value


def _check_list(column: Column, value: object) -> None:
    if not isinstance(value, list):
        raise ValueError(f"expected a list, not {value!r}")
    for item in value:
        if column.table in ("names", "notes"):
            if not isinstance(item, str):
                raise ValueError(f"expected a list of strings, not an item {item!r}")
        elif column.table == "sources":
            if not isinstance(item, dict) or set(item) != _SOURCE_KEYS:
                raise ValueError(f"expected sources with the keys {sorted(_SOURCE_KEYS)}")
            _date(item["retrieved"])
        else:
            if not isinstance(item, dict) or set(item) != _ACTION_KEYS:
                raise ValueError(f"expected actions with the keys {sorted(_ACTION_KEYS)}")
            _date(item["date"])


def _resource_path(package: str, index: int, resource: dict[str, Any]) -> str:
    path = resource.get("path")
    where = f"resources[{index}].path"
    if not isinstance(path, str) or not path:
        raise ParseError(f"{where}: expected the path of a file beside the package", source=package)
    parts = path.replace("\\", "/").split("/")
    if os.path.isabs(path) or "://" in path or ".." in parts:
        raise ParseError(
            f"{where}: {path!r} is not a file inside the package's folder (apmbc reads no other)",
            source=package,
        )
    return os.path.join(os.path.dirname(package) or ".", path)


def read_package(
    path: str | os.PathLike[str], *, excel_safe: bool | None = None
) -> ExportedPackage:
    """Read a ``datapackage.json`` written by :func:`~apmbc.output.export_all`, and every
    table it lists (files inside its folder only).

    Each resource must be one of apmbc's tables, with its fields named as apmbc writes them.
    ``excel_safe`` overrides what the resources say. Raises
    :class:`~apmbc.errors.ParseError` naming the descriptor (and the resource) or the file.
    """
    name = check_path(path)
    text = read_text(name, max_bytes=MAX_JSON_BYTES, what="datapackage.json")
    try:
        descriptor = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ParseError(f"not JSON: {exc.msg}", source=name, line=exc.lineno) from None
    resources = descriptor.get("resources") if isinstance(descriptor, dict) else None
    if not isinstance(resources, list):
        raise ParseError(
            "not a Data Package: expected an object with a resources list", source=name
        )
    tables: dict[str, ExportedTable] = {}
    for index, resource in enumerate(resources):
        if not isinstance(resource, dict):
            raise ParseError(f"resources[{index}]: expected an object", source=name)
        table = resource.get("name")
        if table not in TABLES or not isinstance(table, str):
            raise ParseError(
                f"resources[{index}].name: {table!r} is not an apmbc table ({', '.join(TABLES)})",
                source=name,
            )
        if table in tables:
            raise ParseError(f"resources[{index}].name: {table!r} is listed twice", source=name)
        file = _resource_path(name, index, resource)
        fmt = resource.get("format") or _format_of(file)
        if fmt not in ("csv", "json"):
            raise ParseError(
                f"resources[{index}].format: {fmt!r}, expected csv or json", source=name
            )
        expected = [f["name"] for f in resource_schema(table, fmt)["fields"]]
        schema = resource.get("schema")
        fields = schema.get("fields") if isinstance(schema, dict) else None
        found = (
            [f.get("name") if isinstance(f, dict) else None for f in fields]
            if isinstance(fields, list)
            else None
        )
        if found != expected:
            raise ParseError(
                f"resources[{index}].schema.fields: not the fields of apmbc's {table} table "
                f"({fmt}): expected {', '.join(expected)}",
                source=name,
            )
        safe = resource.get(EXCEL_SAFE_PROPERTY, True) if excel_safe is None else excel_safe
        if not isinstance(safe, bool):
            raise ParseError(
                f"resources[{index}].{EXCEL_SAFE_PROPERTY}: expected true or false", source=name
            )
        tables[table] = read_table(file, table=table, format=fmt, excel_safe=safe)
    return ExportedPackage(path=name, descriptor=descriptor, tables=tables)
