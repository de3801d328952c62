"""The one timer of the benchmarks: minimum and median of repeated runs.

Imported by the ``bench_*.py`` files (``benchmarks/`` is on ``sys.path`` both
when ``run.py`` runs them and when one is run as a script).
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def min_median(work: Callable[[], object], repeats: int) -> tuple[float, float]:
    """Seconds of ``work``: the minimum and the median of ``repeats`` runs."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times)
