"""load_undl_csv(title_filter=None) on a file of the UN's whole voting history, against pandas.

A wide-layout file the size of the UN Digital Library's whole-history file is generated into a
temporary folder: 5,300 General Assembly roll calls of sessions 1 to 80 (the number of Member
States growing from 51 to 193, so about 860,000 votes in all) and 1,500 Security Council rows to
skip, with one column per Member State (200 names, a few of them States of the past) and the
UN's leading columns. Each reader runs in a fresh subprocess, three times, interleaved; the
medians of the wall time of the read (imports excluded) and of the peak resident memory
(``VmHWM``) are reported. ``load_undl_csv`` keeps the votes compact and builds its ``Vote``
records when ``ds.votes`` is first used; the time and memory with every record built are
reported too.

What a user would do instead, with pandas: ``read_csv``, drop the Security Council rows, ``melt``
to one row per State and roll call, and drop the empty cells.

    .venv/bin/python benchmarks/bench_undl_history.py [roll_calls]
"""

from __future__ import annotations

import csv
import importlib
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_undl import _RSS

RUNS = 3
ROLL_CALLS = 5_300
COUNCIL_ROWS = 1_500
_PAST = ("CZECHOSLOVAKIA", "GERMAN DEMOCRATIC REPUBLIC", "YUGOSLAVIA", "ZANZIBAR", "USSR")
_CODES = "YYYYYYYYYYNAAX"


def _names() -> list[str]:
    """200 column names: today's Member States (bundled data, else made up) and a few past."""
    try:
        import apmbc

        names = [s.name.upper() for s in apmbc.load().states if s.un_member][:195]
    except Exception:  # the bundled data is optional here
        names = [f"STATE NUMBER {i}" for i in range(195)]
    return [*names, *_PAST]


def generate(path: Path, roll_calls: int = ROLL_CALLS) -> int:
    """Write the file; return the number of General Assembly votes (non-empty cells) in it."""
    from apmbc.io.undl import WIDE_LEADING_COLUMNS

    names = _names()
    votes = 0
    council_every = max(1, roll_calls // COUNCIL_ROWS)
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow([*WIDE_LEADING_COLUMNS, *names])
        for n in range(roll_calls):
            session = 1 + n * 80 // roll_calls
            # 51 founding members, 193 from the 2010s on, growing fastest in the 1960s.
            members = min(len(names), 193 - int(142 * max(0.0, 1 - session / 40) ** 1.5))
            cells = [
                _CODES[(n + i) % len(_CODES)] if i < members else "" for i in range(len(names))
            ]
            votes += members
            counts = [cells.count(c) for c in ("Y", "N", "A", "X")]
            title = f"Resolution {n} on a subject of session {session}, with a comma"
            writer.writerow(
                [
                    "General Assembly",
                    f"{1945 + session}-12-{1 + n % 28:02d}",
                    title,
                    f"A/RES/{session}/{n % 400 + 1}",
                    members,
                    counts[3],
                    counts[2],
                    counts[1],
                    counts[0],
                    f"https://digitallibrary.un.org/record/{200000 + n}",
                    f"t{n}",
                    *cells,
                ]
            )
            if n % council_every == 0:
                writer.writerow(
                    [
                        "Security Council",
                        f"{1945 + session}-06-01",
                        f"Council resolution {n}",
                        f"S/RES/{n} ({1945 + session})",
                        15,
                        0,
                        0,
                        0,
                        15,
                        "",
                        f"sc{n}",
                        *("Y" if i < 15 else "" for i in range(len(names))),
                    ]
                )
    return votes


_APMBC_CHILD = """
import json, resource, sys, time
import apmbc
from apmbc.io.undl import load_undl_csv
states = apmbc.load().states
# RSS
base = rss_kb()
t0, c0 = time.perf_counter(), time.process_time()
ds = load_undl_csv(sys.argv[1], title_filter=None, states=states)
seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
peak = peak_kb()
t1 = time.perf_counter()
kept = len(ds.votes)  # the Vote records are built here, on first use
then = time.perf_counter() - t1
print(json.dumps(dict(seconds=seconds, cpu=cpu, peak_kb=peak, base_kb=base, kept=kept,
                      records_seconds=then, records_peak_kb=peak_kb())))
"""

_PANDAS_CHILD = """
import json, resource, sys, time, warnings
import pandas as pd
warnings.simplefilter("ignore")
# RSS
base = rss_kb()
t0, c0 = time.perf_counter(), time.process_time()
df = pd.read_csv(sys.argv[1])
df = df[df["Council"] != "Security Council"]
leading = list(df.columns[:11])
long = df.melt(id_vars=leading, var_name="state", value_name="vote").dropna(subset=["vote"])
kept = len(long)
seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
peak = peak_kb()
print(json.dumps(dict(seconds=seconds, cpu=cpu, peak_kb=peak, base_kb=base, kept=kept,
                      records_seconds=0.0, records_peak_kb=peak)))
"""


def _child(code: str, path: Path) -> dict[str, float]:
    code = code.replace("# RSS", _RSS)
    done = subprocess.run(
        [sys.executable, "-c", code, str(path)], check=True, capture_output=True, text=True
    )
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def run(roll_calls: int = ROLL_CALLS, runs: int = RUNS) -> list[dict[str, object]]:
    """Generate the file, measure both readers, return one result row per reader."""
    try:
        importlib.import_module("pandas")
    except ImportError as exc:
        return [{"benchmark": "whole history", "skipped": f"pandas is not importable ({exc})"}]
    with tempfile.TemporaryDirectory(prefix="apmbc-bench-history-") as folder:
        path = Path(folder) / "ga_voting_wide.csv"
        votes = generate(path, roll_calls)
        size_mb = path.stat().st_size / 1e6
        measured: list[list[dict[str, float]]] = [[], []]
        for _ in range(runs):
            for i, code in enumerate((_APMBC_CHILD, _PANDAS_CHILD)):
                measured[i].append(_child(code, path))
    medians = [{k: statistics.median(r[k] for r in rs) for k in rs[0]} for rs in measured]
    for m in medians:
        if m["kept"] != votes:
            raise AssertionError(f"read {m['kept']} votes, expected {votes}")
    ours, theirs = medians
    return [
        {
            "benchmark": name,
            "roll_calls": roll_calls,
            "votes": votes,
            "file_mb": round(size_mb, 1),
            "seconds": m["seconds"],
            "cpu_seconds": m["cpu"],
            "peak_rss_mb": m["peak_kb"] / 1024,
            "time_ratio_vs_pandas": m["seconds"] / theirs["seconds"],
            "peak_ratio_vs_pandas": m["peak_kb"] / theirs["peak_kb"],
            "with_records_seconds": m["seconds"] + m["records_seconds"],
            "with_records_peak_mb": m["records_peak_kb"] / 1024,
            "with_records_time_ratio": (m["seconds"] + m["records_seconds"]) / theirs["seconds"],
            "with_records_peak_ratio": m["records_peak_kb"] / theirs["peak_kb"],
        }
        for name, m in (
            ("apmbc.load_undl_csv(title_filter=None)", ours),
            ("pandas read_csv + melt + dropna", theirs),
        )
    ]


def main() -> None:
    roll_calls = int(sys.argv[1]) if len(sys.argv) > 1 else ROLL_CALLS
    results = run(roll_calls)
    if "skipped" in results[0]:
        print(f"skipped: {results[0]['skipped']}")
        return
    first = results[0]
    print(
        f"UN voting CSV, wide layout, whole history: {first['roll_calls']:,} GA roll calls, "
        f"{first['votes']:,} votes, {first['file_mb']} MB; medians of {RUNS} fresh processes"
    )
    for r in results:
        print(
            f"{r['benchmark']:42} {r['seconds']:6.2f}s wall {r['cpu_seconds']:6.2f}s CPU "
            f"{r['peak_rss_mb']:6.0f} MB peak"
        )
    print(
        f"apmbc/pandas: wall time {first['time_ratio_vs_pandas']:.2f}x (target <= 1.5x), "
        f"peak memory {first['peak_ratio_vs_pandas']:.2f}x (target <= 0.5x)"
    )
    print(
        f"then ds.votes (all {first['votes']:,} Vote records built on first use): "
        f"{first['with_records_seconds']:.2f}s and {first['with_records_peak_mb']:.0f} MB in all, "
        f"{first['with_records_time_ratio']:.2f}x and {first['with_records_peak_ratio']:.2f}x "
        "pandas"
    )


if __name__ == "__main__":
    main()
