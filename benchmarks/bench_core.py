"""Import, load and lookup benchmarks, each against a baseline measured in the same run."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _timing import call_median, process_medians


def run(runs: int = 15) -> list[dict[str, object]]:
    """Measure and return result rows (name, value, baseline, ratio, target)."""
    import apmbc

    floor, imported, loaded, first_lookup, loaded_votes = process_medians(
        [
            "import attrs, cattrs",
            "import apmbc",
            "import apmbc; apmbc.load()",
            "import apmbc; apmbc.load().state('Cuba')",
            "import apmbc; apmbc.load().votes",
        ],
        runs,
    )
    ds = apmbc.load()
    ds.state("Cuba")
    baseline = call_median(lambda: {"Cuba": 1}.get("Cuba"), number=200_000)
    lookup = call_median(lambda: ds.state("Cuba"), number=200_000)
    lookup_alias = call_median(lambda: ds.state("north korea"), number=100_000)
    return [
        row("import apmbc", imported, floor, "import attrs, cattrs", "<= 1.10x"),
        row("import + load()", loaded, floor, "import attrs, cattrs", "<= 1.25x"),
        row('import + load().state("Cuba")', first_lookup, floor, "import attrs, cattrs", "-"),
        row("import + load() + votes", loaded_votes, floor, "import attrs, cattrs", "-"),
        row('warm ds.state("Cuba")', lookup, baseline, "dict.get", "< 5 us"),
        row('warm ds.state("north korea")', lookup_alias, baseline, "dict.get", "< 5 us"),
    ]


def row(name: str, value: float, base: float, base_name: str, target: str) -> dict[str, object]:
    return {
        "benchmark": name,
        "value": value,
        "baseline": base_name,
        "baseline_value": base,
        "ratio": value / base,
        "target": target,
    }


def fmt_seconds(seconds: float) -> str:
    if seconds >= 1:
        return f"{seconds:.2f} s"
    if seconds >= 1e-3:
        return f"{seconds * 1e3:.1f} ms"
    return f"{seconds * 1e6:.2f} us"


if __name__ == "__main__":
    for r in run():
        print(
            f"{r['benchmark']:32} {fmt_seconds(r['value']):>10}  vs {r['baseline']:22}"  # type: ignore[arg-type]
            f" {fmt_seconds(r['baseline_value']):>10}  ratio {r['ratio']:.2f}  target {r['target']}"  # type: ignore[arg-type]
        )
