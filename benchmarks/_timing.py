"""Small timing helpers shared by the benchmark scripts (no third-party packages)."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from collections.abc import Callable


def process_medians(codes: list[str], runs: int = 15) -> list[float]:
    """Median wall times of ``python -c code`` for each code, measured in interleaved rounds.

    Interleaving (one run of each code per round) spreads the machine's drift over all codes,
    so that their ratios are fair even when the absolute times wander.
    """
    times: list[list[float]] = [[] for _ in codes]
    for _ in range(runs):
        for i, code in enumerate(codes):
            start = time.perf_counter()
            subprocess.run([sys.executable, "-c", code], check=True)
            times[i].append(time.perf_counter() - start)
    return [statistics.median(t) for t in times]


def call_median(fn: Callable[[], object], number: int = 10_000, repeat: int = 7) -> float:
    """Median time, in seconds, of one call of ``fn`` (warm, in this process)."""
    results = []
    for _ in range(repeat):
        start = time.perf_counter()
        for _ in range(number):
            fn()
        results.append((time.perf_counter() - start) / number)
    return statistics.median(results)
