"""Speed and memory figures for assessing many localities.

Prints, for a batch of illustrative communes spread over the seven regions:

- the time to import the library (a fresh interpreter, measured in a subprocess);
- the time to load and check the demo set from TOML;
- assessments per second with thresholds resolved once per distinct context
  (the library's path), against a baseline in the same run that resolves every
  threshold again for each commune (what an uncompiled engine does), and
  against a floor of bare comparisons of the same numbers;
- the peak memory of holding all results.

Run ``python benchmarks/run.py`` (``--quick`` for a smoke run, ``--n N`` to
choose the batch size).  Nothing here asserts a time: the figures are for
people comparing runs on the same machine.
"""

from __future__ import annotations

import argparse
import datetime
import importlib
import random
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from ntm_criteria import Q_, Locality, Observation, assess, demo
from ntm_criteria.assessment import IndicatorOutcome
from ntm_criteria.rules import resolve_requirement

REGIONS = ("TDMNPB", "DBSH", "BTB", "DHNTB", "TN", "DNB", "DBSCL")
ON = datetime.date(2023, 6, 30)


def make_batch(n: int, seed: int = 7) -> list[tuple[Locality, list[Observation]]]:
    rng = random.Random(seed)
    batch = []
    for i in range(n):
        tags = {"extremely_difficult"} if rng.random() < 0.1 else set()
        place = Locality(f"{i:05d}", f"Xã {i}", "commune", region=rng.choice(REGIONS), tags=tags)
        obs = [
            Observation("1.1", rng.random() < 0.9),
            Observation("3.1", Q_(Decimal(rng.randint(600, 1000)) / 10, "percent")),
            Observation("3.2", rng.random() < 0.9),
            Observation("4.1", Q_(Decimal(rng.randint(900, 1000)) / 10, "percent")),
            Observation("10.1", Q_(rng.randint(30_000, 60_000) * 1000, "VND / person / year")),
            Observation("11.1", Q_(Decimal(rng.randint(0, 100)) / 10, "percent")),
            Observation("13.1", rng.random() < 0.8),
            Observation("13.2", rng.randint(0, 3)),
            Observation("13.3", rng.random() < 0.7),
            Observation("17.1", Q_(rng.randint(10, 90), "percent")),
            Observation("19.1", True),
        ]
        batch.append((place, obs))
    return batch


def timed(label: str, work: Callable[[], object], count: int) -> float:
    start = time.perf_counter()
    work()
    seconds = time.perf_counter() - start
    print(f"{label:<48} {seconds * 1000:9.1f} ms  {count / seconds:12,.0f} /s")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000, help="communes in the batch")
    parser.add_argument("--quick", action="store_true", help="a small smoke run")
    args = parser.parse_args()
    n = 500 if args.quick else args.n

    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import ntm_criteria"], check=True)
    print(
        f"import ntm_criteria (fresh interpreter): {(time.perf_counter() - started) * 1000:.0f} ms"
    )
    start = time.perf_counter()
    criterion_set = demo.criterion_set()
    print(f"load + check demo set from TOML: {(time.perf_counter() - start) * 1000:.1f} ms")
    batch = make_batch(n)
    print(f"batch: {n} communes, {len(batch[0][1])} observations each\n")

    for place, obs in batch[:50]:  # warm the unit caches, as any long run would
        assess(place, criterion_set, obs, on=ON)
    library = timed(
        "assess (thresholds resolved once per context)",
        lambda: [assess(p, criterion_set, o, on=ON) for p, o in batch],
        n,
    )

    def uncached() -> list[object]:
        kept: list[object] = []
        for place, obs in batch:
            context = criterion_set.context_for(place, ON)
            tuple(resolve_requirement(i.requirement, context) for i in criterion_set.indicators())
            kept.append(assess(place, criterion_set, obs, on=ON))
        return kept

    baseline = timed("baseline: resolve again for every commune", uncached, n)

    values = [
        [float(o.value.magnitude) if hasattr(o.value, "magnitude") else o.value for o in obs]
        for _, obs in batch
    ]
    floor = timed(
        "floor: bare float comparisons, no engine",
        lambda: [[v >= 50 for v in row] for row in values],
        n,
    )
    print(f"\nratio baseline / library: {baseline / library:5.2f}x")
    print(
        f"ratio library / floor:    {library / floor:5.1f}x (the cost of units, "
        "exact numbers and explanations)"
    )

    tracemalloc.start()
    results = [assess(p, criterion_set, o, on=ON) for p, o in batch]
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    outcomes = sum(len(r.indicators()) for r in results)
    print(
        f"peak memory holding {n} results: {peak / 2**20:.1f} MiB "
        f"({peak / outcomes:.0f} bytes per indicator outcome)"
    )
    assert all(isinstance(o, IndicatorOutcome) for o in results[0].indicators())
    run_topics(args.quick)


def run_topics(quick: bool) -> None:
    """Run every ``benchmarks/bench_*.py``: each has ``run(quick: bool) -> None`` that prints its rows."""
    here = Path(__file__).resolve().parent
    sys.path.insert(0, str(here))
    for path in sorted(here.glob("bench_*.py")):
        print(f"\n== {path.stem}")
        importlib.import_module(path.stem).run(quick)


if __name__ == "__main__":
    main()
