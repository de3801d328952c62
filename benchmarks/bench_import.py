"""Import time of ntm_criteria, each in a fresh interpreter, against ``import attrs`` in the same run.

Each row is measured inside a new interpreter (``time.perf_counter`` around
the statement, so interpreter start-up is not counted), repeated; the table
gives the minimum and the median, and the ratio of the minimum to the
minimum of ``import attrs`` measured in the same run.  Run
``python benchmarks/bench_import.py [--quick]``.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

SRC = str(Path(__file__).resolve().parents[1] / "src")

ROWS = (
    ("import attrs (baseline)", "", "import attrs"),
    ("import ntm_criteria", "", "import ntm_criteria"),
    (
        "from ntm_criteria import assess, Q_, Locality",
        "",
        "from ntm_criteria import assess, Q_, Locality",
    ),
    ("from ntm_criteria import poverty", "", "from ntm_criteria import poverty"),
    ("import pint (what the first quantity costs)", "", "import pint"),
    ("build the unit registry, pint's cache", "import pint, ntm_criteria.units as u", "u._ureg()"),
    (
        "build the unit registry, no cache",
        "import os; os.environ['NTM_CRITERIA_NO_UNIT_CACHE'] = '1'\n"
        "import pint, ntm_criteria.units as u",
        "u._ureg()",
    ),
)

_PROBE = """
import time
{setup}
start = time.perf_counter()
{statement}
print(time.perf_counter() - start)
"""


def fresh_seconds(statement: str, setup: str = "") -> float:
    """Seconds that ``statement`` takes in a new interpreter, after ``setup``."""
    env = {**os.environ, "PYTHONPATH": SRC + os.pathsep + os.environ.get("PYTHONPATH", "")}
    out = subprocess.run(
        [sys.executable, "-c", _PROBE.format(setup=setup, statement=statement)],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    return float(out.stdout.strip().splitlines()[-1])


def repeat(work: Callable[[], float], times: int) -> tuple[float, float]:
    """Minimum and median of ``times`` runs of ``work`` (which returns seconds)."""
    seconds = [work() for _ in range(times)]
    return min(seconds), statistics.median(seconds)


def print_rows(rows: Sequence[tuple[str, float, float, float]], baseline: str) -> None:
    """Print ``(label, minimum, median, ratio)`` rows, times in ms."""
    print(f"{'what':<48} {'min ms':>9} {'median ms':>10} {'× ' + baseline:>16}")
    for label, low, middle, ratio in rows:
        print(f"{label:<48} {low * 1000:9.1f} {middle * 1000:10.1f} {ratio:15.2f}×")


def run(quick: bool) -> None:
    """Print the import rows (3 repeats in quick mode, 20 otherwise)."""
    times = 3 if quick else 20
    fresh_seconds("from ntm_criteria import Q_; Q_(1, 'km')")  # warm pint's cache and the disk
    # Round-robin, so that a burst of load on a shared machine hits every row alike.
    seconds: list[list[float]] = [[] for _ in ROWS]
    for _ in range(times):
        for row, (_, setup, statement) in zip(seconds, ROWS, strict=True):
            row.append(fresh_seconds(statement, setup))
    attrs_min = min(seconds[0])
    print_rows(
        [
            (label, min(row), statistics.median(row), min(row) / attrs_min)
            for (label, _, _), row in zip(ROWS, seconds, strict=True)
        ],
        "attrs",
    )


if __name__ == "__main__":
    run("--quick" in sys.argv)
