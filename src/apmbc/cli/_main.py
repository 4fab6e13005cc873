"""The ``apmbc`` command line: a thin layer over the public API.

Every command prints aligned plain text by default and canonical JSON (sorted keys, two-space
indent) with ``--json``. Exit status: 0 success; 1 when a State, meeting or resolution is not
found (one line on stderr with suggestions), when ``validate`` finds errors, or when ``diff``
finds differences; 2 for bad usage, bad or unreadable input, an output that cannot be written
(a closed standard output included), or a missing optional extra; 130 on Ctrl-C (during the
start-up imports too); 141, silently, when the reader of the output goes away (``| head``);
143 on SIGTERM. On Ctrl-C and SIGTERM a file being written is left as it was and no temporary
file stays behind. apmbc's own errors and warnings are one line ``apmbc: ...`` on stderr (even
for a bug: "internal error"), never a traceback; a usage error found by argparse keeps
argparse's form (the usage, then ``apmbc COMMAND: error: ...``). Text from data files is printed
with its terminal controls escaped. Option values are bounded (``--dpi`` from 10 to 2400; a
number is at most 12 digits).

The commands are declared in :data:`COMMANDS` (see :mod:`apmbc.cli._parser` for how one is
added); ``--json`` and ``--data`` are taken before the command and after it.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import re
import signal
import sys
import warnings
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TextIO

import apmbc
from apmbc.cli import _commands, _files as files
from apmbc.cli._cite import cite
from apmbc.cli._coverage import coverage
from apmbc.cli._info import info as _info_command, load_in_use, version_line
from apmbc.cli._parser import Commands, Handler, add_command, add_shared_options
from apmbc.cli._render import emit
from apmbc.cli._update import register as _update
from apmbc.errors import StaleDataWarning, shown
from apmbc.output import CITATION_FORMATS
from apmbc.output._text import printable
from apmbc.plot import DPI_RANGE
from apmbc.queries import reset_stale_warnings

__all__ = ["COMMANDS", "main", "run"]

_TABLES = (*apmbc.TABLES, "all")
_FORUMS = [f.value for f in apmbc.Forum]
_STATUSES = [s.value for s in apmbc.TreatyStatus]
_KINDS = [k.value for k in apmbc.MeetingKind]
_POSITIONS = [p.value for p in apmbc.VotePosition]

_EPILOG = """\
--json and --data may come before the command or after it. The data in use is the file --data
names, else the file the environment variable APMBC_DATA names, else the bundled data
(apmbc info says which).
exit status: 0 success; 1 not found (State, meeting, resolution), validation errors, or
differences (diff); 2 bad usage, unreadable input, unwritable output or a missing optional
extra; 130 Ctrl-C; 141 the reader of the output went away; 143 SIGTERM.
examples:
  apmbc state Cuba
  apmbc --json state Cuba
  apmbc votes --session 77 --position abstain
  apmbc status-on "1 March 1999" --status party
  apmbc info
  apmbc export votes --format csv -o votes.csv
  apmbc export all -o apmbc-data
  apmbc cite --format bibtex
"""


_WHOLE = re.compile(r"[+-]?\d+", re.ASCII)


def _whole_number(low: int | None = None, high: int | None = None) -> Callable[[str], int]:
    """An argparse type: a whole number (from ``low`` to ``high`` where given), refused with a
    short message however long the value given (a 5,000-digit number is not read as one)."""

    def parse(value: str) -> int:
        text = value.strip()
        if low is not None and high is not None:
            bounds = f"is not a whole number from {low} to {high}"
        else:
            bounds = "is not a whole number of at most 12 digits"
        if _WHOLE.fullmatch(text) is None:
            raise argparse.ArgumentTypeError(f"{shown(value, 40)} {bounds}")
        if len(text.lstrip("+-")) > 12:
            raise argparse.ArgumentTypeError(
                f"{text[:6]}...{text[-3:]} ({len(text)} digits) {bounds}"
            )
        number = int(text)
        if (low is not None and number < low) or (high is not None and number > high):
            raise argparse.ArgumentTypeError(f"{number} {bounds}")
        return number

    parse.__name__ = "whole number"
    return parse


def _version_flag(parser: argparse.ArgumentParser) -> None:
    # Not argparse's "version" action, which prints before --data is read: main() prints it.
    parser.add_argument(
        "--version",
        action="store_true",
        help="print the versions of apmbc and of the data in use, and exit",
    )


def _state(commands: Commands) -> None:
    p = add_command(
        commands,
        "state",
        _commands.state,
        help="one State: status, dates, meetings, votes, statements",
    )
    p.add_argument("key", metavar="STATE", help="code, name, former name or alias (e.g. Cuba)")


def _votes(commands: Commands) -> None:
    p = add_command(
        commands, "votes", _commands.votes, help="the tally and every State's position in one vote"
    )
    p.add_argument(
        "--session", type=_whole_number(), required=True, help="UNGA session, e.g. 77 (2022)"
    )
    p.add_argument("--forum", choices=_FORUMS, default="plenary", help="default: plenary")
    p.add_argument("--position", choices=_POSITIONS, help="list only States with this position")


def _meetings(commands: Commands) -> None:
    p = add_command(commands, "meetings", _commands.meetings, help="the meetings of the Convention")
    p.add_argument("--kind", choices=_KINDS, help="only meetings of this kind")
    p.add_argument(
        "--sort",
        choices=_commands.MEETING_SORTS,
        default="date",
        help="date (the default; undated meetings last), code, or kind and then date",
    )


def _meeting(commands: Commands) -> None:
    p = add_command(
        commands,
        "meeting",
        _commands.meeting,
        help="one meeting: States recorded attending, absent, or unknown",
    )
    p.add_argument("key", metavar="MEETING", help="code or name (e.g. 13MSP, 1RC)")


def _status_on(commands: Commands) -> None:
    p = add_command(
        commands, "status-on", _commands.status_on, help="every State's status on a date"
    )
    p.add_argument("date", metavar="DATE", help="YYYY-MM-DD, or e.g. '1 March 1999'")
    p.add_argument("--status", choices=_STATUSES, help="list only States with this status")


def _info(commands: Commands) -> None:
    add_command(
        commands,
        "info",
        _info_command,
        help="which dataset is in use: bundled, or a file, with its version and as-of date",
        description="Say which dataset the commands read: the bundled data, or the file "
        "--data or the environment variable APMBC_DATA names (--data wins), with its data "
        "version, as-of date and title.",
    )


def _coverage(commands: Commands) -> None:
    add_command(
        commands, "coverage", coverage, help="what the data knows, does not know, and rests on"
    )


def _cite(commands: Commands) -> None:
    p = add_command(
        commands,
        "cite",
        cite,
        help="how to cite apmbc and the data in use (both versions)",
        json_help="print the citation's facts, and both formats, as JSON",
    )
    p.add_argument("--format", choices=CITATION_FORMATS, default="text", help="default: text")


def _export(commands: Commands) -> None:
    p = add_command(
        commands,
        "export",
        files.export,
        help="a tidy table as CSV or JSON; all: every table and a datapackage.json",
        description="Write one table (to a file or stdout), or with 'all' every table and the "
        "Frictionless datapackage.json describing them into the folder -o DIR. In CSV a cell "
        "a spreadsheet would run as a formula gets a leading apostrophe unless --raw.",
        json_help="print JSON (same as --format json)",
    )
    p.add_argument("table", choices=_TABLES, help=f"one of {', '.join(_TABLES)}")
    p.add_argument("--format", choices=("csv", "json"), default="csv", help="default: csv")
    p.add_argument(
        "-o",
        "--output",
        default="-",
        metavar="PATH",
        help="file, or - for stdout; for all: the folder (made if missing)",
    )
    p.add_argument(
        "--raw",
        action="store_true",
        help="CSV: write every cell as it is, without the apostrophe before a cell starting "
        "with = + - @, TAB or CR (JSON is never changed)",
    )


def _plot(commands: Commands) -> None:
    p = add_command(
        commands,
        "plot",
        files.plot,
        help="draw a figure (needs apmbc[plot])",
        json_help="print what was written, as JSON",
    )
    p.add_argument("figure", choices=("parties", "votes"), help="parties over time, or votes")
    p.add_argument("--states", metavar="A,B,...", help="for votes: States, comma-separated")
    p.add_argument("--forum", choices=_FORUMS, default="plenary", help="for votes")
    p.add_argument("-o", "--output", required=True, metavar="PATH", help="e.g. parties.png")
    p.add_argument(
        "--dpi",
        type=_whole_number(DPI_RANGE.start, DPI_RANGE.stop - 1),
        default=120,
        help=f"resolution, {DPI_RANGE.start} to {DPI_RANGE.stop - 1} (default: 120)",
    )


def _validate(commands: Commands) -> None:
    p = add_command(
        commands,
        "validate",
        files.validate,
        help="check dataset JSON, UN voting CSV or profile page files",
        description="Check files; one line per finding (PATH:LOCATION: CODE message). "
        "Exit 0 clean, 1 errors found, 2 a file could not be read.",
        json_help="print the report as JSON",
        reads_data=False,
    )
    p.add_argument("paths", nargs="+", metavar="PATH")


def _diff(commands: Commands) -> None:
    p = add_command(
        commands,
        "diff",
        files.diff,
        help="differences between two dataset JSON files",
        description="Show what changed from OLD to NEW. Like diff(1): exit 0 when the "
        "datasets are the same, 1 when they differ, 2 on trouble.",
        json_help="print the differences as JSON",
        reads_data=False,
    )
    p.add_argument("old", metavar="OLD.json")
    p.add_argument("new", metavar="NEW.json")


COMMANDS: list[Callable[[Commands], None]] = [
    _state,
    _votes,
    _meetings,
    _meeting,
    _status_on,
    _coverage,
    _cite,
    _export,
    _plot,
    _validate,
    _diff,
    _info,
    _update,
]
"""The commands, in the order ``apmbc --help`` lists them: each function adds one (see
:func:`apmbc.cli._parser.add_command`). A new command's module defines such a function and
appends it here."""


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="apmbc",
        description="The participation record of the 1997 Anti-Personnel Mine Ban Convention.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _version_flag(parser)
    add_shared_options(
        parser, json_help="print canonical JSON (also after the command)", defaults=True
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for register in COMMANDS:
        register(commands)
    return parser


def _one_line(exc: BaseException) -> str:
    """The error as one line: a dataset's problems as their count and the first of them."""
    if isinstance(exc, apmbc.DataValidationError) and len(exc.problems) > 1:
        where = f"{exc.source}: " if exc.source else ""
        return (
            f"{where}{len(exc.problems)} problems; the first: {exc.problems[0]} "
            "(apmbc validate lists them all)"
        )
    return _one_line_text(str(exc) or type(exc).__name__)


def _fail(exc: BaseException | str, status: int) -> int:
    message = exc if isinstance(exc, str) else _one_line(exc)
    try:
        sys.stderr.write(f"apmbc: {printable(message)}\n")
        sys.stderr.flush()
    except (OSError, ValueError):  # stderr itself is gone: the status says it all
        pass
    return status


def _run(args: argparse.Namespace) -> int:
    handler: Handler = args.handler
    if not getattr(args, "needs_data", True):
        return handler(args, None)
    return handler(args, load_in_use(args))


def _warning_printer(python: Callable[..., None]) -> Callable[..., None]:
    """A ``warnings.showwarning`` that prints apmbc's own warnings as one line
    ``apmbc: warning: ...`` and hands any other to ``python`` (the one in place before)."""

    def show(
        message: Warning | str,
        category: type[Warning],
        filename: str,
        lineno: int,
        file: TextIO | None = None,
        line: str | None = None,
    ) -> None:
        if issubclass(category, StaleDataWarning):
            sys.stderr.write(f"apmbc: warning: {printable(_one_line_text(str(message)))}\n")
        else:
            python(message, category, filename, lineno, file, line)

    return show


def _one_line_text(text: str) -> str:
    return " ".join(part.strip() for part in text.splitlines() if part.strip())


def _quiet_stdout() -> None:
    # After a broken pipe, point stdout at /dev/null so that the exit flush does not fail.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(devnull, sys.stdout.fileno())
        finally:
            os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


def _flush_stdout() -> None:
    if sys.stdout is None:
        return
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise apmbc.WriteError(f"cannot write the output: {exc.strerror or exc}") from None


def _settle_stdout() -> None:
    """After an error, make sure the exit flush of stdout cannot fail (and print a message)."""
    try:
        _flush_stdout()
    except (OSError, ValueError):
        _quiet_stdout()


class _Terminated(BaseException):
    """Raised by the SIGTERM handler, so that a write in progress is undone like on Ctrl-C."""


def _on_sigterm(signum: int, frame: object) -> None:
    raise _Terminated


class _Discard(io.TextIOBase):
    """Where messages go when standard error is closed."""

    def writable(self) -> bool:
        return True

    def write(self, s: str) -> int:
        return len(s)


@contextlib.contextmanager
def _process_state() -> Iterator[None]:
    """SIGTERM raises :class:`_Terminated`, and a closed stderr discards messages, while the
    command runs; both are put back after (``main`` may be called from a program)."""
    previous: Any = None
    try:
        previous = signal.signal(signal.SIGTERM, _on_sigterm)
    except ValueError:  # not the main thread: signals cannot be handled there
        previous = None
    stderr = sys.stderr
    if stderr is None:
        sys.stderr = _Discard()
    try:
        yield
    finally:
        if stderr is None:
            sys.stderr = stderr
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def _command(argv: Sequence[str] | None) -> int:
    parser = _build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse: --help (0) or bad usage (2)
        return exc.code if isinstance(exc.code, int) else 2
    if not args.version and getattr(args, "handler", None) is None:
        parser.print_help(sys.stderr)
        return 2
    # Each run is one process of its own: a question after the data's as-of date warns once
    # in it, as one line on stderr.
    reset_stale_warnings()
    with warnings.catch_warnings():
        warnings.simplefilter("always", StaleDataWarning)
        warnings.showwarning = _warning_printer(warnings.showwarning)
        try:
            if args.version:
                emit([version_line(args)])
                status = 0
            else:
                status = _run(args)
            _flush_stdout()
            return status
        except BrokenPipeError:
            _quiet_stdout()
            return 141
        except apmbc.UnknownKeyError as exc:
            return _fail(exc, 1)
        except (apmbc.ApmbcError, OSError, ValueError) as exc:
            if isinstance(exc, OSError):
                _settle_stdout()
            return _fail(exc, 2)
        except MemoryError:
            return _fail("out of memory", 2)
        except Exception as exc:  # a bug: still one line, never a traceback
            return _fail(f"internal error ({type(exc).__name__}: {exc}); please report it", 2)


def run(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit status:
    that of the command, 130 on Ctrl-C, 143 on SIGTERM (a file being written is then left as
    it was, and no temporary file is left behind)."""
    try:
        with _process_state():
            try:
                return _command(argv)
            except KeyboardInterrupt:
                return 130
            except _Terminated:
                return 143
    except KeyboardInterrupt:  # in the last instants, while putting things back
        return 130
    except _Terminated:
        return 143


main = run
"""The same as :func:`apmbc.cli.main`."""


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(run())
