"""Check files of any kind apmbc reads: the engine behind ``apmbc validate PATH...``.

Each file's kind is detected from its start and its suffix: apmbc's own exports first, a
``datapackage.json`` (by its name, or a JSON object naming ``resources``) whose tables are read
back and checked as a whole (keys, references, schemas, hashes), or one exported table (a CSV
file with the exact header of one of apmbc's tables, or a JSON list of rows) whose values and
keys are checked (see :mod:`apmbc.validation._exports`); a dataset JSON file (``{`` first, or
``.json``) is read with :func:`apmbc.load_json` and validated; a UN voting CSV (``.csv``, or a
first line naming known columns) with :func:`~apmbc.io.undl.check_undl_csv` (every row, no title
filter: each value it cannot read is an error with its line and column, and the report says how
many rows it kept and skipped and why) and validated; Voeten's votes table (a CSV or ``.tab``
file whose header names his columns, such as ``ccode``) with :func:`apmbc.load_voeten_csv`, and
unvotes' ``un_votes`` table with the ``un_roll_calls`` table given beside it (:func:`pair_inputs`)
with :func:`apmbc.load_unvotes_csv`, both with every roll call, and validated; a UN recorded
vote (a press release or meeting record whose start holds an "In favour:" list or a tally) with
:func:`~apmbc.io.recorded_vote.read_recorded_vote` (every vote kept), whose failed checks become
errors and unread parts warnings, and the Convention's roll calls validated as records; a meeting's
final report (a list of participating States, or a Convention symbol such as
``APLC/MSP.21/2023/14`` with the words "final report", near its start) with
:func:`apmbc.io.final_report.read_final_report`, whose unread names and lines and whose problems
become warnings (a profile page that merely cites a report is read as a profile page); anything
else is read as a profile page, whose lines the parser could not place become warnings. A file
that cannot be read at all is reported as ``APMBC-READ`` with the line or field path the error
names.
"""

from __future__ import annotations

import csv
import enum
import errno
import os
import stat
from collections.abc import Iterable, Sequence
from typing import Any

import attrs

from apmbc.dataset import Dataset
from apmbc.errors import ApmbcError, ArgumentTypeError, DataValidationError, ParseError
from apmbc.io._files import check_path
from apmbc.io.undl._columns import LONG_COLUMNS, WIDE_LEADING_COLUMNS
from apmbc.output._readback import header_table, is_package_file
from apmbc.validation._exports import EXPORT_CODES
from apmbc.validation._findings import Finding, Severity

__all__ = [
    "FILE_CODES",
    "CheckReport",
    "FileFinding",
    "FileKind",
    "Input",
    "check_paths",
    "detect_kind",
    "pair_inputs",
]

READ = "APMBC-READ"
PROFILE_UNPARSED = "APMBC-PROFILE-UNPARSED"
CSV_VALUE = "APMBC-CSV-VALUE"
CSV_NAME = "APMBC-CSV-NAME"
VOTE_CHECK = "APMBC-VOTE-CHECK"
VOTE_UNREAD = "APMBC-VOTE-UNREAD"
REPORT_UNREAD = "APMBC-FINAL-REPORT-UNREAD"
REPORT_PROBLEM = "APMBC-FINAL-REPORT-PROBLEM"

FILE_CODES: dict[str, tuple[Severity, str]] = {
    READ: (Severity.ERROR, "the file cannot be read at all (not the expected text or shape)"),
    PROFILE_UNPARSED: (
        Severity.WARNING,
        "a line of a profile page that the parser could not place",
    ),
    CSV_VALUE: (
        Severity.ERROR,
        "a value of a UN voting CSV that cannot be read (left out; the rest of the file is read)",
    ),
    CSV_NAME: (
        Severity.WARNING,
        "a Member State name of a UN voting CSV that names no State of the data (its votes are "
        "kept under the name)",
    ),
    VOTE_CHECK: (
        Severity.ERROR,
        "a recorded vote that does not add up (a list against its tally, a State in two lists, "
        "a name that is no State)",
    ),
    VOTE_UNREAD: (
        Severity.WARNING,
        "a part of a recorded-vote text that the reader could not read",
    ),
    REPORT_UNREAD: (
        Severity.WARNING,
        "a name or line of a meeting's final report that the reader could not read",
    ),
    REPORT_PROBLEM: (
        Severity.WARNING,
        "a final report that disagrees with itself or with the data (a stated count, a State "
        "listed in the wrong list), or whose lists imply no absences",
    ),
    **EXPORT_CODES,
}
"""The codes ``check_paths`` adds to those of :data:`~apmbc.validation.RULES`."""

_SNIFF_BYTES = 64 * 1024
# The column names of both layouts of the UN Digital Library voting data, folded for matching.
_UN_COLUMNS = frozenset(name.casefold() for name in (*LONG_COLUMNS, *WIDE_LEADING_COLUMNS))


class FileKind(str, enum.Enum):
    """What a file holds, as :func:`detect_kind` sees it."""

    JSON = "json"
    """A dataset in apmbc's JSON shape."""
    UNDL_CSV = "undl_csv"
    """A UN Digital Library voting CSV."""
    PROFILE = "profile"
    """A State profile page of the Convention's website, as text."""
    RECORDED_VOTE = "recorded_vote"
    """The UN's account of a recorded vote: a press release or a meeting record (text or HTML)."""
    FINAL_REPORT = "final_report"
    """The final report of a Meeting of the States Parties or a Review Conference, as text or
    HTML."""
    VOETEN_CSV = "voeten_csv"
    """Erik Voeten's UN General Assembly votes table (CSV, or the ``.tab`` file Harvard
    Dataverse serves), known by its ``ccode`` column."""
    UNVOTES_VOTES = "unvotes_votes"
    """The unvotes package's ``un_votes`` table (``rcid, country, country_code, vote``); it is read
    with its ``un_roll_calls`` table."""
    UNVOTES_ROLL_CALLS = "unvotes_roll_calls"
    """The unvotes package's ``un_roll_calls`` table (``rcid, session, ..., descr``)."""
    DATAPACKAGE = "datapackage"
    """A ``datapackage.json`` that :func:`apmbc.output.export_all` wrote, with its tables."""
    TABLE = "table"
    """One table that :func:`apmbc.export` wrote: CSV (known by its exact header) or JSON."""

    def __str__(self) -> str:
        return self.value


@attrs.frozen(kw_only=True)
class FileFinding:
    """One finding in one file: ``PATH:LOCATION: CODE message``."""

    path: str
    """The file as given on the command line."""
    location: str
    """A line (``12`` or ``12:5``) or a field path (``states[3].signed``); may be empty."""
    code: str
    severity: Severity
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.location}" if self.location else self.path
        return f"{where}: {self.code} {self.message}"

    def to_dict(self) -> dict[str, str]:
        """Plain data for ``--json`` output."""
        return {
            "path": self.path,
            "location": self.location,
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message,
        }


@attrs.frozen(kw_only=True)
class CheckReport:
    """The result of :func:`check_paths`: findings, unreadable inputs and the exit code."""

    findings: tuple[FileFinding, ...] = ()
    """What the rules (or the profile parser) found in the files that could be read."""
    unreadable: tuple[FileFinding, ...] = ()
    """Why each unreadable input could not be read (code ``APMBC-READ``)."""
    checked: tuple[str, ...] = ()
    """Every path given, in order."""
    notes: tuple[str, ...] = ()
    """What was read of each file, where there is more to say (``PATH: read 5,300 rows, ...``)."""

    @property
    def exit_code(self) -> int:
        """``2`` if any input is unreadable, ``1`` for findings of severity error, else ``0``."""
        if self.unreadable:
            return 2
        if any(f.severity is Severity.ERROR for f in self.findings):
            return 1
        return 0

    def to_dict(self) -> dict[str, Any]:
        """Plain data for ``--json`` output."""
        return {
            "checked": list(self.checked),
            "exit_code": self.exit_code,
            "findings": [f.to_dict() for f in self.findings],
            "notes": list(self.notes),
            "unreadable": [f.to_dict() for f in self.unreadable],
        }

    def __str__(self) -> str:
        return "\n".join(str(f) for f in (*self.unreadable, *self.findings))


def _not_regular(mode: int) -> str | None:
    """Why a file of this mode is not checked (``None`` for a regular file)."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "is a folder, not a file"
    if stat.S_ISFIFO(mode):
        kind = "a FIFO"
    elif stat.S_ISSOCK(mode):
        kind = "a socket"
    elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        kind = "a device"
    else:  # pragma: no cover - every file type is one of those
        kind = "not a file"
    return f"not a regular file ({kind}): only files are checked"


def detect_kind(path: str | os.PathLike[str]) -> FileKind:
    """The kind of file at ``path``, from its suffix and its first bytes.

    Raises :class:`OSError` when the file cannot be opened, or is not a regular file (a folder,
    a FIFO, a socket or a device such as ``/dev/zero``: checking one could wait for ever or
    never end). A symbolic link is followed.
    """
    reason = _not_regular(os.stat(path).st_mode)
    if reason is not None:
        raise OSError(errno.EINVAL, reason)
    with open(path, "rb") as handle:
        head = handle.read(_SNIFF_BYTES)
    suffix = os.path.splitext(os.fspath(path))[1].casefold()
    text = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    first_line = text.split(b"\n", 1)[0].decode("utf-8", errors="replace")
    if is_package_file(path):
        return FileKind.DATAPACKAGE
    if text.startswith(b"[") and suffix in (".json", ""):
        return FileKind.TABLE
    if header_table(first_line) is not None:
        return FileKind.TABLE
    if suffix == ".json":
        return FileKind.JSON
    if suffix in (".csv", ".tab") or not text.startswith(b"{"):
        table = _roll_call_table(first_line)
        if table is not None:
            return table
    if suffix == ".csv":
        return FileKind.UNDL_CSV
    if text.startswith(b"{"):
        return FileKind.JSON
    if "," in first_line:
        fields = {field.strip().strip("\"'").strip().casefold() for field in first_line.split(",")}
        if len(fields & _UN_COLUMNS) >= 2:
            return FileKind.UNDL_CSV
    from apmbc.io.recorded_vote import looks_like_recorded_vote

    if looks_like_recorded_vote(text.decode("utf-8", errors="replace")):
        return FileKind.RECORDED_VOTE
    from apmbc.io.final_report import looks_like_final_report

    if looks_like_final_report(text.decode("utf-8", errors="replace")):
        return FileKind.FINAL_REPORT
    return FileKind.PROFILE


_ROLL_CALL_KINDS = {
    "undl": FileKind.UNDL_CSV,
    "voeten": FileKind.VOETEN_CSV,
    "unvotes_votes": FileKind.UNVOTES_VOTES,
    "unvotes_roll_calls": FileKind.UNVOTES_ROLL_CALLS,
}


def _roll_call_table(first_line: str) -> FileKind | None:
    """The kind of roll-call table a header line announces (comma- or tab-separated), if any."""
    from apmbc.io.rollcalls import table_of

    delimiter = "\t" if first_line.count("\t") > first_line.count(",") else ","
    if delimiter not in first_line:
        return None
    try:
        cells = next(csv.reader([first_line.rstrip("\r")], delimiter=delimiter), [])
    except csv.Error:
        return None
    table = table_of(cells)
    return None if table is None else _ROLL_CALL_KINDS[table.value]


@attrs.frozen(kw_only=True)
class Input:
    """One input of ``apmbc validate`` or ``apmbc update``: a file, or the two tables of unvotes."""

    kind: FileKind
    paths: tuple[str, ...]
    """The file as given; for unvotes, its ``un_votes`` table and then its ``un_roll_calls``."""

    @property
    def name(self) -> str:
        """The input as messages name it: its path, or the two paths joined by ``+``."""
        return " + ".join(self.paths)


def pair_inputs(
    detected: Sequence[tuple[str, FileKind]],
) -> tuple[list[Input], list[tuple[str, str]]]:
    """The inputs the detected files make: each file alone, except that each unvotes ``un_votes``
    table is read with an ``un_roll_calls`` table given beside it (the first not yet paired, in
    the order given). Returns the inputs, in the order of their first file, and each file that
    is left without its partner with the reason."""
    roll_calls = [i for i, (_, kind) in enumerate(detected) if kind is FileKind.UNVOTES_ROLL_CALLS]
    paired: dict[int, int] = {}
    free = iter(roll_calls)
    for i, (_, kind) in enumerate(detected):
        if kind is FileKind.UNVOTES_VOTES:
            partner = next(free, None)
            if partner is not None:
                paired[i] = partner
    used = set(paired.values())
    inputs: list[Input] = []
    alone: list[tuple[str, str]] = []
    for i, (name, kind) in enumerate(detected):
        if kind is FileKind.UNVOTES_VOTES:
            if i in paired:
                inputs.append(Input(kind=kind, paths=(name, detected[paired[i]][0])))
            else:
                alone.append(
                    (
                        name,
                        "unvotes' un_votes table is read with its un_roll_calls "
                        "table: give both files",
                    )
                )
        elif kind is FileKind.UNVOTES_ROLL_CALLS:
            if i not in used:
                alone.append(
                    (
                        name,
                        "unvotes' un_roll_calls table is read with its un_votes "
                        "table: give both files",
                    )
                )
        else:
            inputs.append(Input(kind=kind, paths=(name,)))
    return inputs, alone


def check_paths(paths: Sequence[str | os.PathLike[str]]) -> CheckReport:
    """Read and check every file in ``paths``; never raises on a bad or missing file.

    Only regular files (or links to them) are read: a folder, a FIFO, a socket or a device is
    reported unreadable at once, so that ``apmbc validate *`` is safe in any folder. (A path
    that changes kind between the check and the reading is read as it then is.) Raises
    :class:`~apmbc.errors.ArgumentTypeError` when ``paths`` is not a list of paths (a single
    path included: pass ``[path]``).
    """
    if isinstance(paths, (str, bytes, os.PathLike)) or not isinstance(paths, Iterable):
        raise ArgumentTypeError(
            f"paths must be a list of paths (for one file, [path]), not {type(paths).__name__}"
        )
    names = [check_path(p) for p in paths]
    findings: list[FileFinding] = []
    unreadable: list[FileFinding] = []
    notes: list[str] = []
    detected: list[tuple[str, FileKind]] = []
    for name in names:
        try:
            detected.append((name, detect_kind(name)))
        except OSError as exc:
            unreadable.append(_read_error(name, "", f"cannot read file: {exc.strerror or exc}"))
    inputs, alone = pair_inputs(detected)
    unreadable.extend(_read_error(name, "", reason) for name, reason in alone)
    for item in inputs:
        name = item.paths[0]
        try:
            if item.kind is FileKind.UNVOTES_VOTES:
                findings.extend(_check_unvotes(*item.paths))
            else:
                findings.extend(_check_one(name, item.kind, notes))
        except ApmbcError as exc:
            source = getattr(exc, "source", None)
            unreadable.extend(_unreadable(source if source in item.paths else name, exc))
    return CheckReport(
        findings=tuple(findings),
        unreadable=tuple(unreadable),
        checked=tuple(names),
        notes=tuple(notes),
    )


def _check_one(name: str, kind: FileKind, notes: list[str]) -> list[FileFinding]:
    if kind in (FileKind.DATAPACKAGE, FileKind.TABLE):
        from apmbc.validation._exports import check_package, check_table

        check = check_package if kind is FileKind.DATAPACKAGE else check_table
        return [
            FileFinding(
                path=name,
                location=location,
                code=code,
                severity=FILE_CODES[code][0],
                message=message,
            )
            for location, code, message in check(name)
        ]
    if kind is FileKind.JSON:
        from apmbc.io.jsonfile import load_json

        return _from_rules(name, _validate(load_json(name)))
    if kind is FileKind.UNDL_CSV:
        return _check_undl(name, notes)
    if kind is FileKind.VOETEN_CSV:
        from apmbc.io.rollcalls import load_voeten_csv

        return _from_rules(name, _validate(load_voeten_csv(name, title_filter=None)))
    if kind is FileKind.RECORDED_VOTE:
        return _check_recorded_vote(name)
    if kind is FileKind.FINAL_REPORT:
        return _final_report(name)
    from apmbc.io.profile import read_profile

    profile = read_profile(name)
    return [
        FileFinding(
            path=name,
            location=str(item.line),
            code=PROFILE_UNPARSED,
            severity=FILE_CODES[PROFILE_UNPARSED][0],
            message=f"{item.reason}: {item.text.strip()!r}",
        )
        for item in profile.unparsed
    ]


def _check_undl(name: str, notes: list[str]) -> list[FileFinding]:
    from apmbc.io.undl import check_undl_csv

    report = check_undl_csv(name)
    notes.append(f"{name}: {report.summary()}")
    found = [
        FileFinding(
            path=name,
            location=str(p.line) if p.column is None else f"{p.line}:{p.column}",
            code=CSV_VALUE,
            severity=FILE_CODES[CSV_VALUE][0],
            message=(f"column {p.column_name!r}: " if p.column_name else "")
            + p.message
            + (f" [{p.text!r}]" if p.text else ""),
        )
        for p in report.problems
    ]
    found.extend(
        FileFinding(
            path=name,
            location=str(unknown.line),
            code=CSV_NAME,
            severity=FILE_CODES[CSV_NAME][0],
            message=f"{unknown.name!r} names no State of the data; its {unknown.votes:,} "
            "vote(s) are kept under the name",
        )
        for unknown in report.unknown_names
    )
    more = report.problem_count - len(report.problems)
    if more > 0:
        notes.append(f"{name}: {more:,} more values could not be read (not listed)")
    return found + _from_rules(name, _validate(report.dataset))


def _check_unvotes(votes: str, roll_calls: str) -> list[FileFinding]:
    from apmbc.io.rollcalls import load_unvotes_csv

    return _from_rules(votes, _validate(load_unvotes_csv(votes, roll_calls, title_filter=None)))


def _check_recorded_vote(name: str) -> list[FileFinding]:
    from apmbc.io.recorded_vote import read_recorded_vote

    read = read_recorded_vote(name, title_filter=None)
    found: list[FileFinding] = []
    for code, issues in ((VOTE_CHECK, read.problems), (VOTE_UNREAD, read.unread)):
        found.extend(
            FileFinding(
                path=name,
                location=str(issue.line),
                code=code,
                severity=FILE_CODES[code][0],
                message=f"{issue.code}: {issue.message}",
            )
            for issue in issues
        )
    # The rules know one resolution per session and forum: the Convention's. Its roll calls are
    # validated as records; the others are checked by the reader only.
    convention = tuple(call for call in read.roll_calls if call.resolution.convention)
    found.extend(
        _from_rules(name, _validate(attrs.evolve(read, roll_calls=convention).to_dataset()))
    )
    return found


def _final_report(name: str) -> list[FileFinding]:
    from apmbc.io.final_report import read_final_report

    try:
        report = read_final_report(name)
    except ParseError as exc:
        if not exc.message.startswith("not a final report"):
            raise
        try:  # a profile page that cites a report's symbol: read it as what it is
            return _check_one(name, FileKind.PROFILE, [])
        except ApmbcError:
            raise exc from None
    found = [
        FileFinding(
            path=name,
            location=str(item.line),
            code=REPORT_UNREAD,
            severity=FILE_CODES[REPORT_UNREAD][0],
            message=f"{item.reason}: {item.text.strip()!r}",
        )
        for item in report.unread
    ]
    found.extend(
        FileFinding(
            path=name,
            location=str(item.line) if item.line is not None else "",
            code=REPORT_PROBLEM,
            severity=FILE_CODES[REPORT_PROBLEM][0],
            message=item.message,
        )
        for item in report.problems
    )
    found.sort(key=lambda f: int(f.location) if f.location else 0)
    return found


def _validate(ds: Dataset) -> list[Finding]:
    from apmbc.validation import validate  # the package imports this module

    return validate(ds)


def _from_rules(name: str, found: Iterable[Finding]) -> list[FileFinding]:
    return [
        FileFinding(path=name, location=f.path, code=f.code, severity=f.severity, message=f.message)
        for f in found
    ]


def _read_error(name: str, location: str, message: str) -> FileFinding:
    return FileFinding(
        path=name, location=location, code=READ, severity=Severity.ERROR, message=message
    )


def _unreadable(name: str, exc: ApmbcError) -> list[FileFinding]:
    if isinstance(exc, DataValidationError):
        return [_read_error(name, p.path, p.message) for p in exc.problems] or [
            _read_error(name, "", str(exc))
        ]
    if isinstance(exc, ParseError):
        location = ""
        if exc.line is not None:
            location = str(exc.line)
            if exc.column is not None:
                location += f":{exc.column}"
        message = exc.message
        if exc.text is not None:
            snippet = exc.text if len(exc.text) <= 80 else exc.text[:77] + "..."
            message += f" [{snippet!r}]"
        return [_read_error(name, location, message)]
    return [_read_error(name, "", str(exc))]
