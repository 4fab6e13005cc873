"""How a command of ``apmbc`` is declared: :func:`add_command`, with the options every command
shares.

The shared options (``--json``, and ``--data`` for the commands that read a dataset) are taken
before the command and after it: ``apmbc --json state Cuba`` and ``apmbc state Cuba --json`` are
the same. The main parser holds their defaults; each command's parser declares them again with
no default (``argparse.SUPPRESS``), so that an option given before the command is not reset by
the command's parser, and one given after it is set by it (the later one wins).

A new command lives in a module of its own with a ``register`` function::

    def register(commands: Commands) -> None:
        p = add_command(commands, "update", update, help="...", reads_data=False)
        p.add_argument("sources", nargs="+", metavar="SOURCE")

and ``register`` is added to :data:`apmbc.cli._main.COMMANDS`, in the order ``--help`` lists.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

__all__ = ["DATA_HELP", "Commands", "Handler", "add_command", "add_shared_options"]

if TYPE_CHECKING:
    Commands = argparse._SubParsersAction[argparse.ArgumentParser]
else:  # not subscriptable at run time
    Commands = argparse._SubParsersAction
"""What ``parser.add_subparsers()`` returns: where commands are added."""
Handler = Callable[[argparse.Namespace, Any], int]
"""A command: the parsed arguments and the dataset in use (``None`` for a command that reads
none) in, the exit status out."""

DATA_HELP = (
    "read this dataset JSON file instead of the data in use (the bundled data, or the file "
    "the environment variable APMBC_DATA names)"
)
_JSON_HELP = "print canonical JSON"


def add_shared_options(
    parser: argparse.ArgumentParser,
    *,
    json_help: str = _JSON_HELP,
    reads_data: bool = True,
    defaults: bool = False,
) -> None:
    """Add ``--json`` (and, if ``reads_data``, ``--data PATH``) to ``parser``: with their
    defaults (``False``, ``None``) on the main parser (``defaults=True``), without on a
    command's."""
    parser.add_argument(
        "--json",
        action="store_true",
        default=False if defaults else argparse.SUPPRESS,
        help=json_help,
    )
    if reads_data:
        parser.add_argument(
            "--data",
            metavar="PATH",
            default=None if defaults else argparse.SUPPRESS,
            help=DATA_HELP,
        )


def add_command(
    commands: Commands,
    name: str,
    handler: Handler,
    *,
    help: str,
    description: str | None = None,
    json_help: str = _JSON_HELP,
    reads_data: bool = True,
) -> argparse.ArgumentParser:
    """Add the command ``name``, run by ``handler``, with the shared options; returns its parser
    for the command's own arguments.

    ``reads_data=False`` for a command that reads its own files rather than the dataset in use
    (``validate``, ``diff``): it gets no ``--data`` and its handler gets ``None``.
    """
    parser: argparse.ArgumentParser = commands.add_parser(
        name, help=help, description=description or f"{help[0].upper()}{help[1:]}."
    )
    add_shared_options(parser, json_help=json_help, reads_data=reads_data)
    parser.set_defaults(handler=handler, needs_data=reads_data)
    return parser
