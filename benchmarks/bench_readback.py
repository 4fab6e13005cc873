"""Reading an export of the bundled data back (``read_package``), against the standard library
reading the same files.

The baseline parses the same files as plain text: ``csv.reader`` over every CSV table, or
``json.loads`` of every JSON table, without checking a cell or building a value. The ratio is
what apmbc's checks and typed values cost on top of parsing. Each figure is the best of
``rounds`` interleaved rounds (timeit's convention), in this process, after one untimed read.
"""

from __future__ import annotations

import csv
import json
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import apmbc
from apmbc.output import export_all
from apmbc.output._readback import read_package


def _parse_only(folder: Path, fmt: str) -> Callable[[], object]:
    files = sorted(folder.glob(f"*.{fmt}"))
    files = [f for f in files if f.name != "datapackage.json"]

    def parse() -> object:
        if fmt == "csv":
            for name in files:
                with name.open(encoding="utf-8", newline="") as stream:
                    for _ in csv.reader(stream):
                        pass
            return None
        return [json.loads(name.read_text(encoding="utf-8")) for name in files]

    return parse


def run(rounds: int = 5) -> list[dict[str, object]]:
    """``read_package`` of a CSV and of a JSON export of the bundled data, each against the
    standard library parsing the same files."""
    ds = apmbc.load()
    rows: list[dict[str, object]] = []
    with tempfile.TemporaryDirectory() as tmp:
        for fmt in ("csv", "json"):
            folder = Path(tmp) / fmt
            export_all(ds, folder, fmt)
            package = folder / "datapackage.json"
            ours: Callable[[], object] = lambda package=package: read_package(package)  # noqa: E731
            theirs = _parse_only(folder, fmt)
            ours()
            theirs()
            best = [float("inf"), float("inf")]
            for _ in range(rounds):
                for n, fn in enumerate((ours, theirs)):
                    start = time.perf_counter()
                    fn()
                    best[n] = min(best[n], time.perf_counter() - start)
            baseline = "csv.reader, every file" if fmt == "csv" else "json.loads, every file"
            rows.append(
                {
                    "benchmark": f"read_package, bundled data as {fmt}",
                    "value": best[0],
                    "baseline": baseline,
                    "baseline_value": best[1],
                    "ratio": best[0] / best[1],
                    "target": "-",
                }
            )
    return rows


if __name__ == "__main__":
    for r in run():
        print(f"{r['benchmark']:40} {r['value']:.3f} s  ratio {r['ratio']:.2f} to {r['baseline']}")
