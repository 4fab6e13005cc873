"""Parse throughput of State profile pages: pages per second, against reading the same text.

The pages are the project's own test fixtures (tests/profiles/), repeated to the asked number.
The baseline is the cheapest useful pass over the same text (splitting it into lines and
stripping them), so the ratio says how many times a plain read the parser costs.
"""

from __future__ import annotations

import time
from pathlib import Path

import apmbc

PAGES = Path(__file__).resolve().parents[1] / "tests" / "profiles"


def _texts(count: int) -> list[str]:
    pages = sorted(p for p in PAGES.iterdir() if p.suffix in {".txt", ".html"})
    texts = [p.read_text(encoding="utf-8") for p in pages]
    return [texts[i % len(texts)] for i in range(count)]


def _best(fn: object, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()  # type: ignore[operator]
        best = min(best, time.perf_counter() - start)
    return best


def run(pages: int = 2000) -> list[dict[str, object]]:
    """Time parse_profile over ``pages`` pages; return one result row."""
    texts = _texts(pages)
    apmbc.parse_profile(texts[0])  # warm: imports and compiled patterns

    def parse_all() -> None:
        for text in texts:
            apmbc.parse_profile(text)

    def read_all() -> None:
        for text in texts:
            [line.strip() for line in text.splitlines()]

    parse = _best(parse_all)
    read = _best(read_all)
    return [
        {
            "benchmark": f"parse_profile ({pages / parse:,.0f} pages/s, {pages} pages)",
            "value": parse / pages,
            "baseline": "split and strip lines",
            "baseline_value": read / pages,
            "ratio": parse / read,
            "target": "-",
        }
    ]


if __name__ == "__main__":
    for row in run():
        print(f"{row['benchmark']}: {row['value'] * 1e3:.2f} ms/page, ratio {row['ratio']:.0f}")
