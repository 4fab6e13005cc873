"""``apmbc coverage``: what the data knows and does not know, and what its records rest on."""

from __future__ import annotations

import argparse

import apmbc
from apmbc.cli._render import align, emit, emit_json
from apmbc.output import coverage_summary

__all__ = ["coverage"]


def coverage(args: argparse.Namespace, ds: apmbc.Dataset) -> int:
    """``apmbc coverage``: per table, facts known and unknown, and records by kind of source.

    The numbers are those of the summary at the top of the docs' coverage page.
    """
    data = coverage_summary(ds)
    if args.json:
        emit_json(data)
        return 0
    kinds = [k.value for k in apmbc.SourceKind]
    lines = [f"data {data['data_version']} (facts as of {data['as_of'] or 'an unknown date'})"]
    lines += ["", "What is known"]
    facts = [("table", "fact", "known", "unknown", "note")]
    facts += [(r["table"], r["fact"], r["known"], r["unknown"], r["note"]) for r in data["facts"]]
    lines += align(facts, indent="  ")
    lines += [
        "",
        "Records by the kind of their sources (a record citing two kinds counts under both)",
    ]
    head = ("table", "records", *kinds, "kind_unknown", "news_only", "no_source")
    rows: list[tuple[object, ...]] = [head]
    for r in data["sources"]:
        by_kind = [r["by_kind"][k] for k in kinds]
        rows.append(
            (r["table"], r["records"], *by_kind, r["kind_unknown"], r["news_only"], r["no_source"])
        )
    lines += align(rows, indent="  ")
    emit(lines)
    return 0
