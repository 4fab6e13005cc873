"""``apmbc cite``: how to cite the package and the data in use."""

from __future__ import annotations

import argparse

import apmbc
from apmbc.cli._render import emit, emit_json
from apmbc.output import citation, citation_data

__all__ = ["cite"]


def cite(args: argparse.Namespace, ds: apmbc.Dataset) -> int:
    """``apmbc cite [--format text|bibtex]``: the citation, with the package and data versions."""
    if args.json:
        emit_json(
            {
                **citation_data(ds),
                "text": citation(ds, "text"),
                "bibtex": citation(ds, "bibtex"),
            }
        )
        return 0
    emit(citation(ds, args.format).splitlines())
    return 0
