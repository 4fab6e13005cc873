"""Check apmbc's own exports: one table's file, or a ``datapackage.json`` and its tables.

Reading a file back (:mod:`apmbc.output._readback`) already checks its header or keys and that
every value fits its column; a file that fails is unreadable (``APMBC-READ``). What a file
that reads can still get wrong is found here:

- ``APMBC-EXPORT-KEY``: two rows with the same primary key, or list items of one record not
  numbered 0, 1, 2, ...;
- ``APMBC-EXPORT-REF`` (packages): a foreign key with no row to refer to, or a list table row
  whose ``table`` and ``row`` name no record (or a record of the wrong table);
- ``APMBC-EXPORT-SCHEMA`` (packages): a resource whose Table Schema says something else than
  apmbc writes (a field's type or allowed values, the keys, the missing values);
- ``APMBC-EXPORT-HASH`` (packages): a file whose SHA-256 is not the one the package gives it
  (edited or cut short after the export).
"""

from __future__ import annotations

import hashlib
import os
from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import Any

from apmbc.output._package import resource_schema
from apmbc.output._readback import ExportedTable, read_package, read_table
from apmbc.output._tables import FOREIGN_KEYS, LIST_TABLES, PRIMARY_KEYS, NameKind
from apmbc.validation._findings import Severity

__all__ = ["EXPORT_CODES", "check_package", "check_table"]

KEY = "APMBC-EXPORT-KEY"
REF = "APMBC-EXPORT-REF"
SCHEMA = "APMBC-EXPORT-SCHEMA"
HASH = "APMBC-EXPORT-HASH"

EXPORT_CODES: dict[str, tuple[Severity, str]] = {
    KEY: (
        Severity.ERROR,
        "two rows of an exported table have the same primary key, or a record's list items are "
        "not numbered 0, 1, 2, ...",
    ),
    REF: (
        Severity.ERROR,
        "a row of an exported package refers to a record the package does not hold (a foreign "
        "key, or a list table's table and row)",
    ),
    SCHEMA: (
        Severity.ERROR,
        "a resource of a datapackage.json describes its table otherwise than apmbc does",
    ),
    HASH: (
        Severity.ERROR,
        "an exported file is not the one its datapackage.json describes (its SHA-256 differs)",
    ),
}
"""The codes of the checks on exports (see the module documentation)."""

Found = tuple[str, str, str]
"""A finding before it has a file: (location, code, message)."""

# Which tables a list table's rows may belong to.
_OWNERS: dict[str, frozenset[str]] = {
    "names": frozenset(("states", "meetings")),
    "actions": frozenset(("states",)),
    "notes": frozenset(("states", "meetings", "resolutions", "statements")),
    "sources": frozenset(
        (
            "states",
            "meetings",
            "resolutions",
            "votes",
            "attendances",
            "statements",
            "actions",
        )
    ),
}
_NAME_OWNER = {
    NameKind.ALIAS.value: "states",
    NameKind.FORMER_NAME.value: "states",
    NameKind.OTHER_NAME.value: "meetings",
}


def _where(exported: ExportedTable, index: int, prefix: str) -> str:
    location = exported.locations[index]
    if not prefix:
        return location
    return f"{prefix}{location}" if location.startswith("[") else f"{prefix}:{location}"


def _at(exported: ExportedTable, index: int) -> str:
    location = exported.locations[index]
    return location if location.startswith("[") else f"line {location}"


def _show(values: Iterable[Any]) -> str:
    return ", ".join("null" if v is None else str(v) for v in values)


def _keys(exported: ExportedTable, prefix: str) -> Iterator[Found]:
    key = PRIMARY_KEYS.get(exported.table)
    if key is None:
        return
    seen: dict[tuple[Any, ...], int] = {}
    for index, row in enumerate(exported.rows):
        values = tuple(row[name] for name in key)
        first = seen.setdefault(values, index)
        if first != index:
            yield (
                _where(exported, index, prefix),
                KEY,
                f"{exported.table}: the key ({', '.join(key)}) = ({_show(values)}) is also "
                f"that of the row at {_at(exported, first)}",
            )
    if exported.table in LIST_TABLES:
        yield from _positions(exported, prefix)


def _positions(exported: ExportedTable, prefix: str) -> Iterator[Found]:
    group = ("table", "row", "kind") if exported.table == "names" else ("table", "row")
    positions: dict[tuple[Any, ...], list[int]] = defaultdict(list)
    first: dict[tuple[Any, ...], int] = {}
    for index, row in enumerate(exported.rows):
        owner = tuple(row[name] for name in group)
        positions[owner].append(row["position"])
        first.setdefault(owner, index)
    for owner, found in positions.items():
        if sorted(p for p in found if p is not None) != list(range(len(found))):
            yield (
                _where(exported, first[owner], prefix),
                KEY,
                f"{exported.table}: the items of ({_show(owner)}) are numbered "
                f"{_show(found)}, not 0 to {len(found) - 1}",
            )


def check_table(name: str) -> list[Found]:
    """Read one exported table file and check its keys."""
    return list(_keys(read_table(name), ""))


def _prefix(package: str, exported: ExportedTable) -> str:
    """The file of a package's table as findings name it: its path from the package's folder."""
    return os.path.relpath(exported.path, os.path.dirname(package) or ".")


def _digest(path: str, algorithm: str) -> str:
    digest = hashlib.new(algorithm)
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _schema(index: int, resource: dict[str, Any], table: str, fmt: str) -> Iterator[Found]:
    expected = resource_schema(table, fmt)
    schema = resource.get("schema")
    if not isinstance(schema, dict):  # pragma: no cover - read_package checked the fields
        return
    for i, (field, want) in enumerate(zip(schema["fields"], expected["fields"], strict=True)):
        for prop in ("type", "constraints"):
            if field.get(prop) != want.get(prop):
                yield (
                    f"resources[{index}].schema.fields[{i}].{prop}",
                    SCHEMA,
                    f"{table}.{want['name']}: {prop} is {field.get(prop)!r}, apmbc writes "
                    f"{want.get(prop)!r}",
                )
    for prop in ("primaryKey", "foreignKeys", "missingValues"):
        if schema.get(prop) != expected.get(prop):
            yield (
                f"resources[{index}].schema.{prop}",
                SCHEMA,
                f"{table}: {prop} is {schema.get(prop)!r}, apmbc writes {expected.get(prop)!r}",
            )


def _foreign(
    tables: dict[str, ExportedTable], exported: ExportedTable, prefix: str
) -> Iterator[Found]:
    for fk in FOREIGN_KEYS.get(exported.table, ()):
        target = tables.get(fk.table)
        if target is None:
            continue
        known = {tuple(row[name] for name in fk.key) for row in target.rows}
        for index, row in enumerate(exported.rows):
            values = tuple(row[name] for name in fk.fields)
            if all(v is None for v in values) or values in known:
                continue
            yield (
                _where(exported, index, prefix),
                REF,
                f"{exported.table}.{', '.join(fk.fields)} = {_show(values)}: no row of "
                f"{fk.table} has {', '.join(fk.key)} = {_show(values)}",
            )


def _owners(
    tables: dict[str, ExportedTable], exported: ExportedTable, prefix: str
) -> Iterator[Found]:
    allowed = _OWNERS[exported.table]
    for index, row in enumerate(exported.rows):
        table, number = row["table"], row["row"]
        owner = _NAME_OWNER.get(row["kind"]) if exported.table == "names" else None
        problem = None
        if table is None or number is None:
            problem = "the table and row of the record are not given"
        elif table not in allowed or (owner is not None and table != owner):
            problem = f"a row of {exported.table} cannot belong to the {table} table"
        elif table in tables and not 0 <= number < len(tables[table].rows):
            problem = f"{table} has no row {number} (it has {len(tables[table].rows)})"
        if problem:
            yield (_where(exported, index, prefix), REF, f"{exported.table}: {problem}")


def check_package(name: str) -> list[Found]:
    """Read a ``datapackage.json`` and every table it lists, and check them as a whole."""
    package = read_package(name)
    found: list[Found] = []
    for index, resource in enumerate(package.descriptor["resources"]):
        exported = package.tables[resource["name"]]
        found.extend(_schema(index, resource, exported.table, exported.format))
        declared = resource.get("hash")
        if isinstance(declared, str):
            algorithm, _, digest = declared.rpartition(":")
            algorithm = algorithm.casefold() or "md5"  # the Data Package default
            if algorithm in ("md5", "sha256"):
                actual = _digest(exported.path, algorithm)
                if actual != digest.casefold():
                    found.append(
                        (
                            f"resources[{index}].hash",
                            HASH,
                            f"{resource['path']} has {algorithm} {actual}, the package says "
                            f"{digest}",
                        )
                    )
    for exported in package.tables.values():
        found.extend(_keys(exported, _prefix(package.path, exported)))
        found.extend(_foreign(package.tables, exported, _prefix(package.path, exported)))
        if exported.table in LIST_TABLES:
            found.extend(_owners(package.tables, exported, _prefix(package.path, exported)))
    return found
