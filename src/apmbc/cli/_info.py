"""``apmbc info`` and ``apmbc --version``: which dataset is in use, and how it was chosen.

The dataset in use is the file ``--data`` names, else the file the environment variable
``APMBC_DATA`` names, else the bundled data (:func:`in_use` says which, :func:`load_in_use`
reads it); every command that reads a dataset reads this one.
"""

from __future__ import annotations

import argparse
from typing import Any

import apmbc
from apmbc.cli._render import align, emit, emit_json, text
from apmbc.domain.dates import utc_text
from apmbc.io._bundled import DATA_ENV, bundled, data_path
from apmbc.models import MergeRecord

__all__ = ["in_use", "info", "load_in_use", "version_line"]

BUNDLED = "bundled"
"""What :func:`in_use` says of the bundled data."""


def in_use(args: argparse.Namespace) -> tuple[str, str | None]:
    """How the dataset in use was chosen, and its file: ``("--data", path)``,
    ``("APMBC_DATA", path)`` or ``("bundled", None)``."""
    given: str | None = getattr(args, "data", None)
    if given is not None:
        return "--data", given
    named = data_path()
    if named is not None:
        return DATA_ENV, named
    return BUNDLED, None


def load_in_use(args: argparse.Namespace) -> apmbc.Dataset:
    """The dataset in use (see :func:`in_use`)."""
    how, path = in_use(args)
    return apmbc.load(path) if how == "--data" else apmbc.load()


def _as_of(ds: apmbc.Dataset) -> str:
    as_of = ds.metadata.as_of
    return as_of.isoformat() if as_of is not None else "an unknown date"


def version_line(args: argparse.Namespace) -> str:
    """What ``apmbc --version`` prints: the package's version and the data in use, in one
    line."""
    ds = load_in_use(args)
    _, path = in_use(args)
    where = "bundled" if path is None else f"from {path}"
    return (
        f"apmbc {apmbc.__version__} (data {ds.metadata.data_version}, {where}, as of {_as_of(ds)})"
    )


def _merge_facts(record: MergeRecord) -> dict[str, Any]:
    return {
        "when": utc_text(record.when),
        "base_version": record.base_version,
        "data_version": record.data_version,
        "prefer": record.prefer,
        "files": [
            {"name": f.name, "sha256": f.sha256, "kind": f.kind, "added": f.added.items()}
            for f in record.files
        ],
    }


def _merge_lines(ds: apmbc.Dataset) -> list[str]:
    """One line per merge the data went through, and one per file of it."""
    lines: list[str] = []
    for record in ds.metadata.merges:
        lines.append(
            f"  merged {utc_text(record.when)}: {record.base_version} -> {record.data_version}"
        )
        for f in record.files:
            added = (
                ", ".join(f"{n} {table}" for table, n in f.added.items().items() if n) or "nothing"
            )
            digest = f", sha256 {f.sha256[:12]}..." if f.sha256 else ""
            lines.append(f"    {f.name} ({f.kind or 'dataset'}{digest}): added {added}")
    return lines


def _facts(args: argparse.Namespace, ds: apmbc.Dataset) -> dict[str, Any]:
    how, path = in_use(args)
    meta = ds.metadata
    shipped = bundled().metadata
    return {
        "version": apmbc.__version__,
        "data": {
            "bundled": path is None,
            "path": path,
            "chosen_by": how,
            "data_version": meta.data_version,
            "as_of": meta.as_of,
            "title": meta.title,
            "newest_source": meta.newest_source,
            "base_version": meta.base_version,
            "merges": [_merge_facts(record) for record in meta.merges],
        },
        "bundled_data": {"data_version": shipped.data_version, "as_of": shipped.as_of},
        "environment": {DATA_ENV: data_path()},
    }


def info(args: argparse.Namespace, ds: apmbc.Dataset) -> int:
    """``apmbc info``: the version of apmbc and the dataset in use: the bundled data, or the
    file ``--data`` or ``APMBC_DATA`` names, with its data version, as-of date and title."""
    facts = _facts(args, ds)
    if args.json:
        emit_json(facts)
        return 0
    data, shipped = facts["data"], facts["bundled_data"]
    if data["bundled"]:
        where = "bundled with apmbc"
    else:
        where = f"{data['path']} (named by {data['chosen_by']})"
        named = facts["environment"][DATA_ENV]
        if data["chosen_by"] == "--data" and named is not None:
            where += f"; {DATA_ENV}={named} is not used"
    rows: list[tuple[str, object]] = [
        ("data in use", where),
        ("data version", data["data_version"]),
        ("as of", _as_of(ds)),
        ("newest source", data["newest_source"]),
        ("title", data["title"]),
    ]
    if not data["bundled"]:
        rows.append(
            (
                "bundled data",
                f"{shipped['data_version']}, as of {text(shipped['as_of'])} (not in use)",
            )
        )
    emit([f"apmbc {facts['version']}", *align(rows, indent="  "), *_merge_lines(ds)])
    return 0
