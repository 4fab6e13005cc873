"""The commands of ``apmbc`` that read or write files: export, plot, validate, diff."""

from __future__ import annotations

import argparse
import sys
from typing import IO, cast

import apmbc
from apmbc.cli._render import Stdout, emit, emit_json
from apmbc.output._text import printable

__all__ = ["diff", "diff_lines", "export", "plot", "validate"]


def export(args: argparse.Namespace, ds: apmbc.Dataset) -> int:
    """``apmbc export TABLE``: a tidy table as CSV or JSON, to a file or stdout; ``apmbc export
    all -o DIR``: every table and its ``datapackage.json`` into a folder."""
    fmt = "json" if args.json else args.format
    safe = not args.raw
    if args.table == "all":
        from apmbc.output import export_all

        if args.output == "-":
            raise apmbc.ArgumentError("export all writes files into a folder: give it with -o DIR")
        written = export_all(ds, args.output, fmt, excel_safe=safe)
        sys.stderr.write(
            printable(
                f"apmbc: wrote {len(written) - 1} tables ({fmt}) and datapackage.json to "
                f"{args.output}"
            )
            + "\n"
        )
        return 0
    if args.output == "-":
        apmbc.export(ds, args.table, cast("IO[str]", Stdout()), format=fmt, excel_safe=safe)
        return 0
    apmbc.export(ds, args.table, args.output, format=fmt, excel_safe=safe)
    sys.stderr.write(printable(f"apmbc: wrote {args.table} ({fmt}) to {args.output}") + "\n")
    return 0


def plot(args: argparse.Namespace, ds: apmbc.Dataset) -> int:
    """``apmbc plot parties|votes -o FILE``: draw a figure and save it (format from suffix)."""
    from apmbc import plot as plots

    if args.figure == "parties":
        figure = plots.parties_over_time(ds)
        states: list[str] = []
    else:
        keys = [k.strip() for k in (args.states or "").split(",") if k.strip()]
        if not keys:
            raise ValueError("plot votes needs --states, e.g. --states CUB,CHN,USA")
        states = [ds.state(k).code for k in keys]
        figure = plots.voting_record(ds, states, forum=args.forum)
    written = plots.save(figure, args.output, dpi=args.dpi)
    if args.json:
        emit_json({"figure": args.figure, "output": written, "states": states})
    else:
        emit([f"wrote {written}"])
    return 0


def validate(args: argparse.Namespace, ds: object) -> int:
    """``apmbc validate PATH...``: check files; one line per finding; exit 0, 1 or 2."""
    from apmbc.validation import check_paths

    report = check_paths(args.paths)
    if args.json:
        emit_json(report.to_dict())
        return report.exit_code
    found = [*report.unreadable, *report.findings]
    errors = sum(1 for f in report.findings if f.severity.value == "error")
    emit(str(f) for f in found)
    for note in report.notes:
        sys.stderr.write(printable(f"apmbc: {note}") + "\n")
    sys.stderr.write(  # numbers only: nothing to escape
        f"apmbc: checked {len(report.checked)} file(s): {errors} error(s), "
        f"{len(report.findings) - errors} other finding(s), {len(report.unreadable)} unreadable\n"
    )
    return report.exit_code


def diff(args: argparse.Namespace, ds: object) -> int:
    """``apmbc diff A.json B.json``: what changed from A to B; exit 1 when they differ."""
    old = apmbc.load_json(args.old)
    new = apmbc.load_json(args.new)
    result = apmbc.diff(old, new)
    if args.json:
        emit_json(result.to_dict())
    else:
        emit(diff_lines(result))
    return 1 if result else 0


def diff_lines(result: apmbc.DatasetDiff, limit: int | None = None) -> list[str]:
    """What ``apmbc diff`` prints of a diff (``apmbc update`` prints the same, with ``limit``
    record lines per table)."""
    return result.report(limit).splitlines()
