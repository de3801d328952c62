"""Decision tables and what-if, against baselines measured in the same run.

- ``set_from_table`` on a table of every built-in commune set's indicators plus
  added rows, against ``csv.reader`` over the same file (the cost of reading
  and checking a table over the cost of splitting it);
- ``what_if`` on generated communes, against two plain loops of
  :func:`~ntm_criteria.assessment.assess` (what-if assesses twice; its ratio
  to the loops is the cost of comparing).  Nothing is asserted.
"""

from __future__ import annotations

import csv
import pathlib
import random
import tempfile

from timing import min_median

from ntm_criteria import Q_, Locality, Observation, catalog, demo
from ntm_criteria.assessment import assess
from ntm_criteria.criteria import set_from_table, set_to_table
from ntm_criteria.geography import Gazetteer
from ntm_criteria.whatif import vary, what_if

ON = demo.ASSESSMENT_DATE
REGIONS = ("TDMNPB", "DBSH", "BTB", "DHNTB", "TN", "DNB", "DBSCL")


def _table_file(folder: pathlib.Path, added: int) -> pathlib.Path:
    table = set_to_table(catalog.get("vn-ntm-commune-standard-2021-2025"))
    rows = [list(r.cells) for r in table.rows]
    width = len(table.header)
    for i in range(added):
        row = [""] * width
        row[0], row[2], row[3], row[4] = f"17.x{i}", f"Chỉ tiêu {i}", "%", f"≥ {i % 100}"
        row[-1] = f"Indicator {i}"
        rows.append(row)
    path = folder / "decision.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([table.header, *rows])
    return path


def _communes(n: int, seed: int = 7) -> tuple[Gazetteer, dict[str, list[Observation]]]:
    rng = random.Random(seed)
    places = Gazetteer(
        Locality(f"{i:05d}", f"Xã {i}", "commune", region=rng.choice(REGIONS)) for i in range(n)
    )
    observations = {
        p.code: [
            Observation("3.1", Q_(rng.randint(600, 1000) / 10, "percent"), ON),
            Observation("10.1", Q_(rng.randint(300, 600) / 10, "million_VND / person / year"), ON),
            Observation("11.1", Q_(rng.randint(0, 100) / 10, "percent"), ON),
        ]
        for p in places
    }
    return places, observations


def run(quick: bool) -> None:
    """Print the rows of this benchmark."""
    added, n, repeats = (200, 300, 3) if quick else (2_000, 3_000, 5)
    national = catalog.get("vn-ntm-commune-standard-2021-2025")
    with tempfile.TemporaryDirectory() as folder:
        path = _table_file(pathlib.Path(folder), added)
        rows = added + len(list(national.indicators()))

        def split() -> object:
            with path.open(encoding="utf-8", newline="") as f:
                return list(csv.reader(f))

        base_min, base_med = min_median(split, repeats)
        lib_min, lib_med = min_median(lambda: set_from_table(path, national, set_id="x"), repeats)
    print(f"decision table of {rows} rows, min / median of {repeats}")
    print(f"csv.reader:     {base_min:.4f} s / {base_med:.4f} s")
    print(f"set_from_table: {lib_min:.4f} s / {lib_med:.4f} s")
    print(f"ratio set_from_table / csv.reader: {lib_min / base_min:.1f}x")

    places, observations = _communes(n)
    base = demo.criterion_set()
    variant = vary(base, "10.1", factor="1,1")

    def loops() -> object:
        return [
            (
                assess(p, base, observations[p.code], on=ON),
                assess(p, variant, observations[p.code], on=ON),
            )
            for p in places
        ]

    loop_min, loop_med = min_median(loops, repeats)
    w_min, w_med = min_median(
        lambda: what_if(places, base, variant, observations, on=ON).changes(), repeats
    )
    print(f"what-if on {n} communes, min / median of {repeats}")
    print(f"two assess loops:       {loop_min:.3f} s / {loop_med:.3f} s")
    print(f"what_if + changes():    {w_min:.3f} s / {w_med:.3f} s")
    print(f"ratio what_if / two loops: {w_min / loop_min:.2f}x")
