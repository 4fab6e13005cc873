"""The ``apmbc`` command line: a thin layer over the public API (see the docs' CLI page).

:func:`main` imports the commands only when it runs, so that a Ctrl-C during the start-up
imports ends in exit status 130 like one during a command, never in a traceback.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["main"]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit status
    (see :mod:`apmbc.cli._main` for the statuses)."""
    try:
        from apmbc.cli._main import run
    except KeyboardInterrupt:
        return 130
    return run(argv)
