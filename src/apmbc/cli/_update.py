"""``apmbc update SOURCE... -o OUT.json``: fold new source files into the data, check, write.

Each source's kind is detected as ``apmbc validate`` detects it
(:func:`apmbc.validation.detect_kind`; unvotes' two tables are read together,
:func:`apmbc.validation.pair_inputs`), read with its reader (the UN's files with the base's States
to name the voters, and only the Convention's roll calls), and merged into the base with
:func:`apmbc.merge`. The result is validated (:func:`apmbc.validate`); the report, the
:func:`apmbc.diff` against the base (as ``apmbc diff`` prints it) and the validation errors go to
stdout, and ``OUT.json`` is written atomically.

Exit status: 0 a dataset was written without conflicts or validation errors; 1 conflicts or
validation errors remain (the file is then written only with ``--force``); 2 a source or the base
cannot be read, or bad usage, with one line ``apmbc: SOURCE: what`` on stderr. ``--dry-run``
writes nothing and exits as the command would have. The moment recorded in the merged
metadata is now, or ``SOURCE_DATE_EPOCH`` (seconds since 1970, UTC) when that is set, as
reproducible builds set it.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import os
import sys
from collections.abc import Sequence

import attrs

import apmbc
from apmbc.changes._merge import PREFERENCES
from apmbc.cli._files import diff_lines
from apmbc.cli._parser import Commands, add_command
from apmbc.cli._render import emit, emit_json
from apmbc.io._files import MAX_CSV_BYTES, file_sha256
from apmbc.models import MergedFile
from apmbc.validation import FileKind, Input, Severity, detect_kind, pair_inputs, validate

__all__ = ["register", "update"]

NOTES_SHOWN = 20
"""The notes of one source's reader that the report lists before it only counts them."""
DIFF_LINES = 10
"""The record lines per table of the differences the report lists before it only counts them
(``--json`` holds them all, and so does ``apmbc diff BASE.json OUT.json``)."""

_READABLE = (
    "dataset JSON, a UN Digital Library voting CSV (long or wide), Voeten's votes table, "
    "unvotes' two tables, a State profile page, a UN recorded vote, or a meeting's final report"
)


def register(commands: Commands) -> None:
    """Add ``update`` to the command line's commands (see :mod:`apmbc.cli._parser`)."""
    p = add_command(
        commands,
        "update",
        update,
        help="merge new source files into the data and write the updated dataset",
        description="Merge each SOURCE (" + _READABLE + ") into the data in use (or --base), "
        "validate the result, print the merge report and the differences (the first "
        f"{DIFF_LINES} lines per table; --json holds them all), and write OUT.json. "
        "Exit 0 written without conflicts or validation errors, 1 conflicts or errors remain "
        "(written only with --force), 2 a source cannot be read or bad usage.",
        json_help="print the report as JSON",
    )
    p.add_argument("sources", nargs="+", metavar="SOURCE", help="the files to merge, in order")
    p.add_argument("-o", "--output", required=True, metavar="OUT.json", help="the file to write")
    p.add_argument(
        "--base",
        metavar="PATH",
        help="merge into this dataset JSON file (default: the data in use, as for --data)",
    )
    p.add_argument(
        "--prefer",
        choices=PREFERENCES,
        default="base",
        help="which value a conflict keeps (default: base)",
    )
    p.add_argument("--dry-run", action="store_true", help="report, but write nothing")
    p.add_argument(
        "--force", action="store_true", help="write even when conflicts or errors remain"
    )


class _Unusable(Exception):
    """A source, the base or an argument that the command cannot use: exit 2 with one line."""


def _one_line(name: str, exc: BaseException) -> str:
    """``NAME: what``, on one line, for an error raised while reading ``name``."""
    if isinstance(exc, apmbc.ParseError) and exc.source:
        text = str(exc)
    elif isinstance(exc, apmbc.DataValidationError) and exc.problems:
        more = len(exc.problems) - 1
        text = f"{name}: {exc.problems[0]}" + (f" (and {more} more problems)" if more else "")
    elif isinstance(exc, OSError) and not isinstance(exc, apmbc.ApmbcError):
        text = f"{name}: cannot read the file: {exc.strerror or exc}"
    else:
        text = f"{name}: {exc}"
    return text.splitlines()[0] if text else name


def _when() -> _dt.datetime | None:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch is None:
        return None
    try:
        return _dt.datetime.fromtimestamp(int(epoch.strip()), _dt.timezone.utc)
    except (ValueError, OverflowError, OSError):
        raise _Unusable(
            f"SOURCE_DATE_EPOCH: {epoch[:40]!r} is not a number of seconds since 1970"
        ) from None


def _inputs(paths: Sequence[str]) -> list[Input]:
    detected: list[tuple[str, FileKind]] = []
    for path in paths:
        try:
            detected.append((path, detect_kind(path)))
        except OSError as exc:
            raise _Unusable(_one_line(path, exc)) from None
    inputs, alone = pair_inputs(detected)
    if alone:
        name, reason = alone[0]
        raise _Unusable(f"{name}: {reason}")
    for item in inputs:
        if item.kind in (FileKind.DATAPACKAGE, FileKind.TABLE):
            raise _Unusable(
                f"{item.name}: an export of apmbc ({item.kind.value}), not a source update "
                f"reads; give {_READABLE}"
            )
    return inputs


def _read(item: Input, base: apmbc.Dataset) -> tuple[apmbc.Dataset, tuple[str, ...]]:
    """The input as a dataset, and what its reader said of it."""
    name = item.paths[0]
    if item.kind is FileKind.JSON:
        return apmbc.load_json(name), ()
    if item.kind is FileKind.UNDL_CSV:
        ds = apmbc.load_undl_csv(name, states=base)
    elif item.kind is FileKind.VOETEN_CSV:
        ds = apmbc.load_voeten_csv(name, states=base)
    elif item.kind is FileKind.UNVOTES_VOTES:
        ds = apmbc.load_unvotes_csv(item.paths[0], item.paths[1], states=base)
    elif item.kind is FileKind.RECORDED_VOTE:
        ds = apmbc.read_recorded_vote(name, dataset=base).to_dataset()
    elif item.kind is FileKind.FINAL_REPORT:
        return _final_report(name, base)
    else:
        ds = apmbc.read_profile(name, meetings=base).to_dataset(base)
    return ds, ds.metadata.notes


def _final_report(name: str, base: apmbc.Dataset) -> tuple[apmbc.Dataset, tuple[str, ...]]:
    try:
        report = apmbc.read_final_report(name, dataset=base)
    except apmbc.ParseError as exc:
        if not exc.message.startswith("not a final report"):
            raise
        try:  # a profile page that cites a report's symbol: read it as what it is
            profile = apmbc.read_profile(name, meetings=base).to_dataset(base)
        except apmbc.ApmbcError:
            raise exc from None
        return profile, profile.metadata.notes
    ds = report.to_dataset()
    return ds, (*ds.metadata.notes, *(f"unread: {u}" for u in report.unread))


def _merged_file(item: Input, notes: tuple[str, ...]) -> tuple[MergedFile, ...]:
    files = []
    for i, path in enumerate(item.paths):
        kind = item.kind.value if i == 0 else FileKind.UNVOTES_ROLL_CALLS.value
        files.append(
            MergedFile(
                name=os.path.basename(path) or path,
                sha256=file_sha256(path, max_bytes=MAX_CSV_BYTES),
                kind=kind,
                notes=notes if i == 0 else (),
            )
        )
    return tuple(files)


def _read_lines(inputs: list[Input], notes: list[tuple[str, ...]]) -> list[str]:
    lines = []
    for item, said in zip(inputs, notes, strict=True):
        lines.append(f"read {item.name} ({item.kind.value})")
        lines.extend(f"  {note}" for note in said[:NOTES_SHOWN])
        if len(said) > NOTES_SHOWN:
            lines.append(f"  ... and {len(said) - NOTES_SHOWN} more")
    return lines


def update(args: argparse.Namespace, ds: apmbc.Dataset) -> int:
    """``apmbc update SOURCE... -o OUT.json``: merge, validate, report, write; exit 0, 1 or 2."""
    try:
        return _update(args, ds)
    except _Unusable as exc:
        sys.stderr.write(f"apmbc: {exc}\n")
        return 2


def _update(args: argparse.Namespace, ds: apmbc.Dataset) -> int:
    output: str = args.output
    if output == "-" or not output.strip():
        raise _Unusable("-o: name the dataset file to write (the report goes to stdout)")
    when = _when()
    base = ds
    if args.base is not None:
        try:
            base = apmbc.load_json(args.base)
        except (apmbc.ApmbcError, OSError) as exc:
            raise _Unusable(_one_line(args.base, exc)) from None
    inputs = _inputs(args.sources)
    datasets: list[apmbc.Dataset] = []
    files: list[tuple[MergedFile, ...]] = []
    said: list[tuple[str, ...]] = []
    for item in inputs:
        try:
            read, notes = _read(item, base)
            files.append(_merged_file(item, notes))
        except (apmbc.ApmbcError, OSError) as exc:
            source = getattr(exc, "source", None)
            raise _Unusable(_one_line(source if source in item.paths else item.name, exc)) from None
        datasets.append(read)
        said.append(notes)
    result = apmbc.merge(base, *datasets, prefer=args.prefer, when=when, files=files)
    findings = validate(result.dataset)
    errors = [f for f in findings if f.severity is Severity.ERROR]
    warnings = len(findings) - len(errors)
    changes = apmbc.diff(base, result.dataset)
    status = 1 if result.conflicts or errors else 0
    written = not args.dry_run and (status == 0 or args.force)
    if written:
        apmbc.dump_json(result.dataset, output)
    if args.json:
        emit_json(
            {
                "inputs": [
                    {"paths": list(item.paths), "kind": item.kind.value, "notes": list(notes)}
                    for item, notes in zip(inputs, said, strict=True)
                ],
                "merge": result.to_dict(),
                "diff": changes.to_dict(),
                "validation": {
                    "errors": [attrs.asdict(f) for f in errors],
                    "warnings": warnings,
                },
                "output": output,
                "written": written,
                "exit_code": status,
            }
        )
    else:
        emit(_read_lines(inputs, said))
        emit(result.lines())
        emit(diff_lines(changes, DIFF_LINES))
        emit([f"validation: {len(errors)} error(s), {warnings} warning(s)"])
        emit(str(f) for f in errors)
    sys.stdout.flush()
    sys.stderr.write(_outcome(args, output, result, len(errors), written) + "\n")
    return status


def _outcome(
    args: argparse.Namespace, output: str, result: apmbc.MergeResult, errors: int, written: bool
) -> str:
    version = result.dataset.metadata.data_version
    problems = []
    if result.conflicts:
        problems.append(f"{len(result.conflicts)} conflict(s)")
    if errors:
        problems.append(f"{errors} validation error(s)")
    if args.dry_run:
        return f"apmbc: dry run: {output} not written (data version {version})"
    if written:
        remain = f"; {' and '.join(problems)} remain" if problems else ""
        new = "" if result.changed else "nothing new, "
        return f"apmbc: wrote {output} ({new}data version {version}){remain}"
    return f"apmbc: {output} not written: {' and '.join(problems)} (--force writes it anyway)"
