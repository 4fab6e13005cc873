"""load_undl_csv against pandas.read_csv + the same title filter, on a generated UN voting CSV.

A long-layout file of ``rows`` rows is generated into a temporary folder: about 193 rows per
resolution, one resolution in 40 on the Convention (the rest on other subjects, as in the UN's
file), with the UN's nineteen columns filled with text of realistic length. Each reader runs in a
fresh subprocess, three times; the medians of the wall time of the read (imports excluded) and of
the peak resident memory of the process (``VmHWM``) are reported, with the memory the process
had after its imports, so that the figures compare the work and not the interpreters.

    .venv/bin/python benchmarks/bench_undl.py [rows]
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

RUNS = 3
CONVENTION_EVERY = 40
# Half the titles carry commas, so that (as in the UN's file) many rows have quoted cells.
_TITLES = (
    "General and complete disarmament",
    "Assistance in mine action",
    "Nuclear disarmament",
    "The situation in the Middle East",
    "Question of Palestine",
    "Prevention of an arms race in outer space",
    "Human rights situation in the Islamic Republic of Iran",
    "Necessity of ending the economic, commercial and financial embargo imposed by the United "
    "States of America against Cuba",
    "Status of internally displaced persons and refugees from Abkhazia, Georgia, and the "
    "Tskhinvali region/South Ossetia, Georgia",
    "Towards a nuclear-weapon-free world: accelerating the implementation of nuclear "
    "disarmament commitments, follow-up",
    "Contributions towards banning anti-personnel landmines, 1997",
    "An international agreement to ban anti-personnel landmines, 1996",
    "Oceans and the law of the sea, sustainable fisheries",
    "Promotion of peace, security and development in Central Africa",
)
_CONVENTION = (
    "Implementation of the Convention on the Prohibition of the Use, Stockpiling, Production "
    "and Transfer of Anti-personnel Mines and on Their Destruction",
    "Convention on the Prohibition of the Use, Stockpiling, Production and Transfer of "
    "Anti-Personnel Mines and on Their Destruction",
)
_SUBJECTS = "ARMS RACE|DISARMAMENT|WEAPONS OF MASS DESTRUCTION|LANDMINES|MINE CLEARANCE"


def _member_names() -> list[tuple[str, str]]:
    """(code, name) of 193 Member States: the bundled data when present, else made-up ones."""
    try:
        import apmbc

        states = [s for s in apmbc.load().states if s.un_member]
        return [(s.code, s.name.upper()) for s in states][:193]
    except Exception:  # the bundled data is optional here
        return [(f"S{i:02d}", f"STATE NUMBER {i}") for i in range(193)]


def generate(path: Path, rows: int) -> int:
    """Write a long-layout file of ``rows`` rows; return how many are Convention rows."""
    from apmbc.io.undl import LONG_COLUMNS

    members = _member_names()
    codes = "YYYYYYYYYYYYNAA"
    kept = 0
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(LONG_COLUMNS)
        written = 0
        res = 0
        while written < rows:
            res += 1
            session = 1 + res % 80
            convention = res % CONVENTION_EVERY == 0
            title = _CONVENTION[res % 2] if convention else f"{_TITLES[res % len(_TITLES)]} ({res})"
            symbol = f"A/RES/{session}/{res}" + ("[B]" if res % 7 == 0 else "")
            date = f"{1945 + session}-12-{1 + res % 28:02d}"
            link = f"https://digitallibrary.un.org/record/{100000 + res}"
            cells = [codes[(res + i) % len(codes)] for i in range(len(members))]
            total = (cells.count("Y"), cells.count("N"), cells.count("A"), 0, len(members))
            for (code, name), vote in zip(members, cells, strict=True):
                if written >= rows:
                    break
                writer.writerow(
                    (
                        100000 + res,
                        code,
                        name,
                        vote,
                        date,
                        session,
                        symbol,
                        f"A/C.1/{session}/L.{res % 60}",
                        f"A/{session}/{400 + res % 100}",
                        f"A/{session}/PV.{res % 90}",
                        title,
                        f"General and complete disarmament : resolution {res}",
                        _SUBJECTS,
                        *total,
                        link,
                    )
                )
                written += 1
                kept += convention
    return kept


# VmHWM, not ru_maxrss: on Linux ru_maxrss survives exec, so a child could report its parent's.
_RSS = """
def _status_kb(field):
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
def rss_kb():
    return _status_kb("VmRSS")
def peak_kb():
    return _status_kb("VmHWM")
"""

_APMBC_CHILD = """
import json, resource, sys, time
import apmbc
from apmbc.io.undl import load_undl_csv
try:
    states = apmbc.load().states
except Exception:
    states = apmbc.StateTable(())
# RSS
base = rss_kb()
t0, c0 = time.perf_counter(), time.process_time()
ds = load_undl_csv(sys.argv[1], states=states)
seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
peak = peak_kb()
kept = len(ds.votes)
print(json.dumps(dict(seconds=seconds, cpu=cpu, peak_kb=peak, base_kb=base, kept=kept)))
"""

_CSV_CHILD = """
import csv, json, resource, sys, time
from apmbc.domain.titles import is_convention_title
# RSS
base = rss_kb()
t0, c0 = time.perf_counter(), time.process_time()
kept = 0
with open(sys.argv[1], encoding="utf-8-sig", newline="") as handle:
    reader = csv.reader(handle, strict=True)
    at = next(reader).index("title")
    last, keep = None, False
    for row in reader:
        if row[at] != last:
            last, keep = row[at], is_convention_title(row[at])
        kept += keep
seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
peak = peak_kb()
print(json.dumps(dict(seconds=seconds, cpu=cpu, peak_kb=peak, base_kb=base, kept=kept)))
"""

_PANDAS_CHILD = """
import json, resource, sys, time, warnings
import pandas as pd
from apmbc.domain.titles import is_convention_title
warnings.simplefilter("ignore")
# RSS
base = rss_kb()
t0, c0 = time.perf_counter(), time.process_time()
df = pd.read_csv(sys.argv[1])
titles = [t for t in df["title"].unique() if isinstance(t, str) and is_convention_title(t)]
kept = df[df["title"].isin(titles)]
seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
peak = peak_kb()
kept = len(kept)
print(json.dumps(dict(seconds=seconds, cpu=cpu, peak_kb=peak, base_kb=base, kept=kept)))
"""


def _child(code: str, path: Path) -> dict[str, float]:
    code = code.replace("# RSS", _RSS)
    done = subprocess.run(
        [sys.executable, "-c", code, str(path)], check=True, capture_output=True, text=True
    )
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _medians(codes: list[str], path: Path) -> list[dict[str, float]]:
    """Each child ``RUNS`` times, interleaved so that all see the same machine load."""
    runs: list[list[dict[str, float]]] = [[] for _ in codes]
    for _ in range(RUNS):
        for i, code in enumerate(codes):
            runs[i].append(_child(code, path))
    return [{key: statistics.median(r[key] for r in rs) for key in rs[0]} for rs in runs]


def pandas_missing() -> str | None:
    """Why pandas cannot be compared, or ``None`` when it can."""
    try:
        importlib.import_module("pandas")
    except ImportError as exc:
        return f"pandas is not importable ({exc}); install the 'pandas' extra to compare"
    return None


def run(rows: int = 1_000_000) -> list[dict[str, object]]:
    """Generate a file of ``rows`` rows, measure both readers, return one result row each."""
    with tempfile.TemporaryDirectory(prefix="apmbc-bench-undl-") as folder:
        path = Path(folder) / "ga_voting.csv"
        convention_rows = generate(path, rows)
        size_mb = path.stat().st_size / 1e6
        why = pandas_missing()
        codes = [_APMBC_CHILD, _CSV_CHILD] + ([_PANDAS_CHILD] if why is None else [])
        measured = _medians(codes, path)
        for m in measured:
            if m["kept"] != convention_rows:
                raise AssertionError(f"kept {m['kept']} rows, expected {convention_rows}")
        ours, floor = measured[0], measured[1]
        theirs = measured[2] if why is None else None
        results: list[dict[str, object]] = [
            _row("apmbc.load_undl_csv", rows, size_mb, ours, theirs),
            _row("csv.reader loop (floor)", rows, size_mb, floor, None),
        ]
        if theirs is not None:
            results.append(_row("pandas.read_csv + filter", rows, size_mb, theirs, None))
        else:
            results.append({"benchmark": "pandas.read_csv + filter", "skipped": why})
    return results


def _row(
    name: str, rows: int, size_mb: float, m: dict[str, float], other: dict[str, float] | None
) -> dict[str, object]:
    out: dict[str, object] = {
        "benchmark": name,
        "rows": rows,
        "file_mb": round(size_mb, 1),
        "kept_rows": int(m["kept"]),
        "seconds": m["seconds"],
        "cpu_seconds": m["cpu"],
        "peak_rss_mb": m["peak_kb"] / 1024,
        "rss_after_imports_mb": m["base_kb"] / 1024,
        "peak_above_imports_mb": max(0.0, m["peak_kb"] - m["base_kb"]) / 1024,
    }
    if other is not None:
        out["time_ratio_vs_pandas"] = m["seconds"] / other["seconds"]
        out["cpu_ratio_vs_pandas"] = m["cpu"] / other["cpu"]
        out["peak_ratio_vs_pandas"] = m["peak_kb"] / other["peak_kb"]
        out["work_memory_ratio_vs_pandas"] = max(0.0, m["peak_kb"] - m["base_kb"]) / max(
            1.0, other["peak_kb"] - other["base_kb"]
        )
    return out


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    results = run(rows)
    print(f"UN voting CSV, long layout, {rows:,} rows; medians of {RUNS} fresh processes")
    print(
        f"{'reader':28} {'wall':>8} {'CPU':>8} {'peak RSS':>10} {'after imports':>14} {'work':>9}"
    )
    for r in results:
        if "skipped" in r:
            print(f"{r['benchmark']:28} skipped: {r['skipped']}")
            continue
        print(
            f"{r['benchmark']:28} {r['seconds']:7.2f}s {r['cpu_seconds']:7.2f}s "
            f"{r['peak_rss_mb']:8.0f}MB "
            f"{r['rss_after_imports_mb']:12.0f}MB {r['peak_above_imports_mb']:7.0f}MB"
        )
    first = results[0]
    if "time_ratio_vs_pandas" in first:
        print(
            f"apmbc/pandas: wall time {first['time_ratio_vs_pandas']:.2f}x, "
            f"CPU time {first['cpu_ratio_vs_pandas']:.2f}x, "
            f"peak RSS {first['peak_ratio_vs_pandas']:.2f}x, "
            f"memory above imports {first['work_memory_ratio_vs_pandas']:.3f}x "
            f"(file {first['file_mb']} MB, {first['kept_rows']:,} rows kept)"
        )


if __name__ == "__main__":
    main()
