"""The ``apmbc`` command line: a thin layer over the public API.

Every command prints aligned plain text by default and canonical JSON (sorted keys, two-space
indent) with ``--json``. Exit status: 0 success; 1 when a State, meeting or resolution is not
found (one line on stderr with suggestions), when ``validate`` finds errors, or when ``diff``
finds differences; 2 for bad usage, bad or unreadable input, or a missing optional extra; 141,
silently, when the reader of the output goes away (``| head``). Errors are one line
``apmbc: ...`` on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any

import apmbc
from apmbc.cli import _commands as commands, _files as files
from apmbc.cli._cite import cite
from apmbc.cli._coverage import coverage
from apmbc.cli._update import add_update_parser
from apmbc.output import CITATION_FORMATS

__all__ = ["main"]

_TABLES = (*apmbc.TABLES, "all")
_FORUMS = [f.value for f in apmbc.Forum]
_STATUSES = [s.value for s in apmbc.TreatyStatus]
_KINDS = [k.value for k in apmbc.MeetingKind]
_POSITIONS = [p.value for p in apmbc.VotePosition]

_EPILOG = """\
exit status: 0 success; 1 not found (State, meeting, resolution), validation errors, or
differences (diff); 2 bad usage, unreadable input or a missing optional extra.
examples:
  apmbc state Cuba
  apmbc votes --session 77 --position abstain
  apmbc status-on 1999-03-01 --status party
  apmbc export votes --format csv -o votes.csv
  apmbc export all -o apmbc-data
  apmbc cite --format bibtex
"""


def _iso_date(value: str) -> _dt.date:
    try:
        return _dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"invalid date {value!r}: expected YYYY-MM-DD") from None


def _versions() -> str:
    return f"apmbc {apmbc.__version__} (data {apmbc.DATA_VERSION})"


def _json_flag(parser: argparse.ArgumentParser, what: str = "canonical JSON") -> None:
    parser.add_argument("--json", action="store_true", help=f"print {what}")


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="apmbc",
        description="The participation record of the 1997 Anti-Personnel Mine Ban Convention.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=_versions())
    parser.add_argument(
        "--data",
        metavar="PATH",
        help="read this dataset JSON file instead of the bundled data",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("state", help="one State: status, dates, meetings, votes, statements")
    p.add_argument("key", metavar="STATE", help="code, name, former name or alias (e.g. Cuba)")
    _json_flag(p)
    p.set_defaults(handler=commands.state)

    p = sub.add_parser("votes", help="the tally and every State's position in one vote")
    p.add_argument("--session", type=int, required=True, help="UNGA session, e.g. 77")
    p.add_argument("--forum", choices=_FORUMS, default="plenary", help="default: plenary")
    p.add_argument("--position", choices=_POSITIONS, help="list only States with this position")
    _json_flag(p)
    p.set_defaults(handler=commands.votes)

    p = sub.add_parser("meetings", help="the meetings of the Convention")
    p.add_argument("--kind", choices=_KINDS, help="only meetings of this kind")
    _json_flag(p)
    p.set_defaults(handler=commands.meetings)

    p = sub.add_parser("meeting", help="one meeting: States recorded attending, absent, or unknown")
    p.add_argument("key", metavar="MEETING", help="code or name (e.g. 13MSP, 1RC)")
    _json_flag(p)
    p.set_defaults(handler=commands.meeting)

    p = sub.add_parser("status-on", help="every State's status on a date")
    p.add_argument("date", type=_iso_date, metavar="DATE", help="YYYY-MM-DD")
    p.add_argument("--status", choices=_STATUSES, help="list only States with this status")
    _json_flag(p)
    p.set_defaults(handler=commands.status_on)

    p = sub.add_parser(
        "coverage",
        help="what the data knows, does not know, and rests on",
    )
    _json_flag(p)
    p.set_defaults(handler=coverage)

    p = sub.add_parser(
        "cite",
        help="how to cite apmbc and the data in use (both versions)",
    )
    p.add_argument("--format", choices=CITATION_FORMATS, default="text", help="default: text")
    _json_flag(p, "the citation's facts, and both formats, as JSON")
    p.set_defaults(handler=cite)

    p = sub.add_parser(
        "export",
        help="a tidy table as CSV or JSON; all: every table and a datapackage.json",
        description="Write one table (to a file or stdout), or with 'all' every table and the "
        "Frictionless datapackage.json describing them into the folder -o DIR. In CSV a cell "
        "a spreadsheet would run as a formula gets a leading apostrophe unless --raw.",
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
    _json_flag(p, "JSON (same as --format json)")
    p.set_defaults(handler=files.export)

    p = sub.add_parser("plot", help="draw a figure (needs apmbc[plot])")
    p.add_argument("figure", choices=("parties", "votes"), help="parties over time, or votes")
    p.add_argument("--states", metavar="A,B,...", help="for votes: States, comma-separated")
    p.add_argument("--forum", choices=_FORUMS, default="plenary", help="for votes")
    p.add_argument("-o", "--output", required=True, metavar="PATH", help="e.g. parties.png")
    p.add_argument("--dpi", type=int, default=120, help="resolution (default: 120)")
    _json_flag(p, "what was written, as JSON")
    p.set_defaults(handler=files.plot)

    p = sub.add_parser(
        "validate",
        help="check dataset JSON, UN voting CSV or profile page files",
        description="Check files; one line per finding (PATH:LOCATION: CODE message). "
        "Exit 0 clean, 1 errors found, 2 a file could not be read.",
    )
    p.add_argument("paths", nargs="+", metavar="PATH")
    _json_flag(p, "the report as JSON")
    p.set_defaults(handler=files.validate, needs_data=False)

    p = sub.add_parser(
        "diff",
        help="differences between two dataset JSON files",
        description="Show what changed from OLD to NEW. Like diff(1): exit 0 when the "
        "datasets are the same, 1 when they differ, 2 on trouble.",
    )
    p.add_argument("old", metavar="OLD.json")
    p.add_argument("new", metavar="NEW.json")
    _json_flag(p, "the differences as JSON")
    p.set_defaults(handler=files.diff, needs_data=False)
    add_update_parser(sub)
    return parser


def _fail(message: str, status: int) -> int:
    first, _, rest = message.partition("\n")
    sys.stderr.write(f"apmbc: {first}\n")
    if rest:
        sys.stderr.write(rest + "\n")
    return status


def _run(args: argparse.Namespace) -> int:
    handler: Callable[[argparse.Namespace, Any], int] = args.handler
    if not getattr(args, "needs_data", True):
        return handler(args, None)
    ds = apmbc.load_json(args.data) if args.data else apmbc.load()
    return handler(args, ds)


def _quiet_stdout() -> None:
    # After a broken pipe, point stdout at /dev/null so that the exit flush does not fail.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit status."""
    parser = _build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse: --help/--version (0) or bad usage (2)
        return exc.code if isinstance(exc.code, int) else 2
    if getattr(args, "handler", None) is None:
        parser.print_help(sys.stderr)
        return 2
    try:
        status = _run(args)
        sys.stdout.flush()
        return status
    except BrokenPipeError:
        _quiet_stdout()
        return 141
    except KeyboardInterrupt:
        return 130
    except apmbc.UnknownKeyError as exc:
        return _fail(str(exc), 1)
    except (apmbc.ApmbcError, OSError, ValueError) as exc:
        return _fail(str(exc) or type(exc).__name__, 2)


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
