"""Loading the official administrative units: ``Gazetteer.official(on)`` on first use.

Each repeat runs in a fresh interpreter, so the list is really read (the
library keeps it once loaded).  The baseline, in the same interpreter and
after it (so that any warming up favours the baseline), is a plain
``csv.reader`` over the same file: the floor of reading the rows at all.  The goal is under 50 ms for a list.  Rows: the minimum and median of
the repeats, and the ratio of the library's median to the baseline's.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys

LISTS = (("before 1/7/2025", "30/6/2025"), ("from 1/7/2025", "1/7/2025"))

_PROBE = """
import csv, gc, json, sys, time
from importlib import resources
from ntm_criteria.geography import Gazetteer
on, name = sys.argv[1], sys.argv[2]
path = resources.files("ntm_criteria.geography").joinpath("data", "official", name)
path.read_bytes()  # both timings then read from the page cache, not the disk
start = time.perf_counter()
places = Gazetteer.official(on)
middle = time.perf_counter()
gc.disable()  # as the library does while it loads: the floor is the rows alone
with open(str(path), encoding="utf-8", newline="") as handle:
    rows = list(csv.reader(handle))
end = time.perf_counter()
print(json.dumps({"official": middle - start, "csv": end - middle, "rows": len(rows) - 1,
                  "units": len(places)}))
"""


def _probe(on: str, name: str) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, on, name], check=True, capture_output=True, text=True
    )
    figures: dict[str, float] = json.loads(done.stdout)
    return figures


def run(quick: bool) -> None:
    """Print one row per official list: load time against a plain csv.reader of the file."""
    from ntm_criteria.geography import official_lists

    repeats = 3 if quick else 15
    print("official units (fresh interpreter per repeat)")
    for (label, on), item in zip(LISTS, official_lists(), strict=True):
        runs = [_probe(on, item.file) for _ in range(repeats)]
        ours = [r["official"] * 1000 for r in runs]
        base = [r["csv"] * 1000 for r in runs]
        ratio = statistics.median(ours) / statistics.median(base)
        print(
            f"  {label:<16} {int(runs[0]['units']):>6} units: "
            f"min {min(ours):6.1f} ms, median {statistics.median(ours):6.1f} ms; "
            f"csv.reader min {min(base):5.1f} ms, median {statistics.median(base):5.1f} ms; "
            f"ratio {ratio:4.1f}x"
        )


if __name__ == "__main__":
    run("--quick" in sys.argv)
