"""validate() on the bundled data and on generated datasets 10x and 100x its size.

The generated datasets repeat every State (under new codes), with its votes, attendances and
statements, so the records grow by the factor while the rules stay the same. Linear scaling means
the 100x time stays within about 100x the 1x time (the issue's bound: 120x).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import attrs

sys.path.insert(0, str(Path(__file__).resolve().parent))

import apmbc


def scaled(ds: apmbc.Dataset, factor: int) -> apmbc.Dataset:
    """A dataset ``factor`` times the size of ``ds``: each State repeated under new codes."""
    if factor == 1:
        return ds

    def code(original: str, copy: int) -> str:
        return original if copy == 0 else f"{original}{copy:03d}"

    states = []
    votes = []
    attendances = []
    statements = []
    for copy in range(factor):
        for s in ds.states:
            states.append(
                attrs.evolve(
                    s,
                    code=code(s.code, copy),
                    alpha2=s.alpha2 if copy == 0 else None,
                    name=s.name if copy == 0 else f"{s.name} {copy}",
                    aliases=s.aliases if copy == 0 else (),
                    former_names=s.former_names if copy == 0 else (),
                )
            )
        votes += [attrs.evolve(v, state=code(v.state, copy)) for v in ds.votes]
        attendances += [attrs.evolve(a, state=code(a.state, copy)) for a in ds.attendances]
        statements += [attrs.evolve(s, state=code(s.state, copy)) for s in ds.statements]
    # Tallies count every copy's votes, so that the tally rule still holds.
    resolutions = [
        attrs.evolve(
            r,
            tally=apmbc.Tally(
                yes=None if r.tally.yes is None else r.tally.yes * factor,
                no=None if r.tally.no is None else r.tally.no * factor,
                abstain=None if r.tally.abstain is None else r.tally.abstain * factor,
                absent=None if r.tally.absent is None else r.tally.absent * factor,
            ),
        )
        for r in ds.resolutions
    ]
    return ds.replace(
        states=states,
        resolutions=resolutions,
        votes=votes,
        attendances=attendances,
        statements=statements,
    )


def run(factors: tuple[int, ...] = (1, 10, 100), rounds: int = 5) -> list[dict[str, object]]:
    """Time validate() at each size, and its ratio to the 1x time.

    The sizes are timed in interleaved rounds (one batch of each size per round), so the
    machine's drift falls on all of them alike; a batch runs validate() ``100 / factor`` times
    (at least once) and counts the time per run. The best round of each size is reported
    (timeit's convention). Every dataset is validated once untimed first, so lazily built
    tables are not counted.
    """
    base = apmbc.load()
    datasets = [scaled(base, factor) for factor in factors]
    findings = [apmbc.validate(ds) for ds in datasets]  # warm
    best = [float("inf")] * len(factors)
    for _ in range(rounds):
        for n, (factor, ds) in enumerate(zip(factors, datasets, strict=True)):
            batch = max(1, 100 // factor)
            start = time.perf_counter()
            for _ in range(batch):
                apmbc.validate(ds)
            best[n] = min(best[n], (time.perf_counter() - start) / batch)
    rows: list[dict[str, object]] = []
    for factor, ds, found, seconds in zip(factors, datasets, findings, best, strict=True):
        records = len(ds.states) + len(ds.votes) + len(ds.attendances) + len(ds.statements)
        errors = sum(1 for f in found if f.severity.value == "error")
        rows.append(
            {
                "benchmark": f"validate {factor}x ({records:,} records, {errors} errors)",
                "value": seconds,
                "baseline": "validate 1x",
                "baseline_value": best[0],
                "ratio": seconds / best[0],
                "target": f"<= {int(factor * 1.2)}x" if factor > 1 else "-",
            }
        )
    return rows


if __name__ == "__main__":
    for r in run():
        print(
            f"{r['benchmark']:55} {r['value']:.3f} s  ratio {r['ratio']:.1f}  target {r['target']}"
        )
