"""Small timing helpers shared by the benchmark scripts (no third-party packages)."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from collections.abc import Callable


def process_median(code: str, runs: int = 15) -> float:
    """Median wall time, in seconds, of ``python -c code`` in fresh processes."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def call_median(fn: Callable[[], object], number: int = 10_000, repeat: int = 7) -> float:
    """Median time, in seconds, of one call of ``fn`` (warm, in this process)."""
    results = []
    for _ in range(repeat):
        start = time.perf_counter()
        for _ in range(number):
            fn()
        results.append((time.perf_counter() - start) / number)
    return statistics.median(results)
