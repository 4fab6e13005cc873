"""Run every benchmark and print one table; each figure is a ratio to a baseline of the same run.

    python benchmarks/run.py [--quick]

--quick uses smaller inputs (for a smoke run); the figures quoted in docs/performance.md come from
a full run. The machine's CPU count is printed with the table, since the numbers depend on it.
"""

from __future__ import annotations

import argparse
import math
import os
import platform
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_core
import bench_profile
import bench_readback
import bench_undl
import bench_undl_history
import bench_validate


def fmt_value(value: object) -> str:
    if isinstance(value, float):
        return bench_core.fmt_seconds(value)
    return str(value)


def undl_rows(rows: int) -> list[dict[str, object]]:
    """The UN voting CSV results in the common row shape: time, CPU and memory vs pandas."""
    results = {str(r["benchmark"]): r for r in bench_undl.run(rows=rows)}
    ours = results["apmbc.load_undl_csv"]
    theirs = results["pandas.read_csv + filter"]
    if "skipped" in theirs:
        skipped = {"value": "skipped", "baseline": "-", "baseline_value": "-"}
        reason = str(theirs["skipped"])
        return [{"benchmark": "load_undl_csv", **skipped, "ratio": math.nan, "target": reason}]
    label = f"load_undl_csv, {rows:,} rows"
    return [
        {
            "benchmark": f"{label}: wall time",
            "value": ours["seconds"],
            "baseline": "pandas.read_csv + filter",
            "baseline_value": theirs["seconds"],
            "ratio": ours["time_ratio_vs_pandas"],
            "target": "<= 1.00x",
        },
        {
            "benchmark": f"{label}: CPU time",
            "value": ours["cpu_seconds"],
            "baseline": "pandas.read_csv + filter",
            "baseline_value": theirs["cpu_seconds"],
            "ratio": ours["cpu_ratio_vs_pandas"],
            "target": "-",
        },
        {
            "benchmark": f"{label}: peak memory",
            "value": f"{float(ours['peak_rss_mb']):.0f} MB",  # type: ignore[arg-type]
            "baseline": "pandas.read_csv + filter",
            "baseline_value": f"{float(theirs['peak_rss_mb']):.0f} MB",  # type: ignore[arg-type]
            "ratio": ours["peak_ratio_vs_pandas"],
            "target": "a fraction",
        },
    ]


def history_rows(roll_calls: int, runs: int) -> list[dict[str, object]]:
    """The whole-history case: load_undl_csv(title_filter=None) against pandas read + melt."""
    results = bench_undl_history.run(roll_calls, runs)
    first = results[0]
    if "skipped" in first:
        skipped = {"value": "skipped", "baseline": "-", "baseline_value": "-"}
        return [{"benchmark": "whole history", **skipped, "ratio": math.nan, "target": "-"}]
    theirs = results[1]
    label = f"whole history, {first['votes']:,} votes, title_filter=None"
    base = "pandas read_csv + melt + dropna"
    return [
        {
            "benchmark": f"{label}: wall time",
            "value": first["seconds"],
            "baseline": base,
            "baseline_value": theirs["seconds"],
            "ratio": first["time_ratio_vs_pandas"],
            "target": "<= 1.50x",
        },
        {
            "benchmark": f"{label}: peak memory",
            "value": f"{float(first['peak_rss_mb']):.0f} MB",  # type: ignore[arg-type]
            "baseline": base,
            "baseline_value": f"{float(theirs['peak_rss_mb']):.0f} MB",  # type: ignore[arg-type]
            "ratio": first["peak_ratio_vs_pandas"],
            "target": "<= 0.50x",
        },
        {
            "benchmark": f"{label}, then every Vote record built: wall time",
            "value": first["with_records_seconds"],
            "baseline": base,
            "baseline_value": theirs["seconds"],
            "ratio": first["with_records_time_ratio"],
            "target": "-",
        },
        {
            "benchmark": f"{label}, then every Vote record built: peak memory",
            "value": f"{float(first['with_records_peak_mb']):.0f} MB",  # type: ignore[arg-type]
            "baseline": base,
            "baseline_value": f"{float(theirs['peak_rss_mb']):.0f} MB",  # type: ignore[arg-type]
            "ratio": first["with_records_peak_ratio"],
            "target": "-",
        },
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="small inputs, fewer repeats")
    args = parser.parse_args(argv)
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}"
    )
    rows: list[dict[str, object]] = []
    rows += bench_core.run(runs=5 if args.quick else 15)
    rows += bench_profile.run(pages=200 if args.quick else 2000)
    rows += undl_rows(50_000 if args.quick else 1_000_000)
    rows += history_rows(1_000 if args.quick else 5_300, 1 if args.quick else 3)
    rows += bench_validate.run(factors=(1, 10) if args.quick else (1, 10, 100))
    rows += bench_readback.run(rounds=2 if args.quick else 5)
    width = max(len(str(r["benchmark"])) for r in rows)
    print(f"| {'benchmark':{width}} | value | baseline | baseline value | ratio | target |")
    print(f"|{'-' * (width + 2)}|---|---|---|---|---|")
    for r in rows:
        print(
            f"| {r['benchmark']!s:{width}} | {fmt_value(r['value'])} | {r['baseline']} | "
            f"{fmt_value(r['baseline_value'])} | {float(r['ratio']):.2f} | {r['target']} |"  # type: ignore[arg-type]
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
