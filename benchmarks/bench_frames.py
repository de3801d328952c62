"""DataFrames: ``assess_frame`` on a wide frame of communes, against the object path in the same run.

The object path is what a user writes by hand without :mod:`ntm_criteria.frames`:
a loop of :func:`~ntm_criteria.assessment.assess` over localities and observation
objects built in Python, then :func:`~ntm_criteria.frames.results_frame`.
``assess_frame`` also reads every cell of the frame, so its ratio to the object
path is the cost of reading a DataFrame.  Nothing is asserted.
"""

from __future__ import annotations

import random

from timing import min_median

from ntm_criteria import Locality, demo
from ntm_criteria.assessment import assess
from ntm_criteria.frames import assess_frame, observations_from_frame, results_frame
from ntm_criteria.geography import Gazetteer

ON = demo.ASSESSMENT_DATE
REGIONS = ("TDMNPB", "DBSH", "BTB", "DHNTB", "TN", "DNB", "DBSCL")
UNITS = {"3.1": "%", "4.1": "%", "10.1": "triệu đồng/người/năm", "11.1": "%", "17.1": "%"}


def _frame(n: int, seed: int = 11) -> tuple[object, Gazetteer]:
    import pandas as pd

    rng = random.Random(seed)
    places = Gazetteer(
        Locality(f"{i:05d}", f"Xã {i}", "commune", region=rng.choice(REGIONS)) for i in range(n)
    )
    columns: dict[str, list[object]] = {"locality": [p.code for p in places]}
    columns["1.1"] = [rng.random() < 0.9 for _ in range(n)]
    columns["3.1"] = [rng.randint(600, 1000) / 10 for _ in range(n)]
    columns["3.2"] = [rng.random() < 0.9 for _ in range(n)]
    columns["4.1"] = [rng.randint(900, 1000) / 10 for _ in range(n)]
    columns["10.1"] = [rng.randint(300, 600) / 10 for _ in range(n)]
    columns["11.1"] = [rng.randint(0, 100) / 10 for _ in range(n)]
    columns["17.1"] = [float(rng.randint(10, 90)) for _ in range(n)]
    return pd.DataFrame(columns), places


def run(quick: bool) -> None:
    """Print the rows of this benchmark."""
    n, repeats = (500, 2) if quick else (10_000, 3)
    frame, places = _frame(n)
    criterion_set = demo.criterion_set()
    observed = observations_from_frame(frame, units=UNITS)  # type: ignore[arg-type]

    def by_hand() -> object:
        results = [assess(p, criterion_set, observed.get(p.code, ()), on=ON) for p in places]
        return results_frame(results)

    base_min, base_med = min_median(by_hand, repeats)
    lib_min, lib_med = min_median(
        lambda: assess_frame(frame, criterion_set, on=ON, localities=places, units=UNITS),  # type: ignore[arg-type]
        repeats,
    )
    read_min, _ = min_median(lambda: observations_from_frame(frame, units=UNITS), repeats)  # type: ignore[arg-type]
    print(f"{n} communes, 7 indicator columns, min / median of {repeats}")
    print(f"object path (assess loop + results_frame): {base_min:.3f} s / {base_med:.3f} s")
    print(f"assess_frame (reads the frame too):         {lib_min:.3f} s / {lib_med:.3f} s")
    print(f"  of which reading the frame:               {read_min:.3f} s")
    print(f"ratio assess_frame / object path: {lib_min / base_min:.2f}x")
    print(f"communes per second (assess_frame): {n / lib_min:,.0f}")
    _workbook_round_trip(1_000 if quick else 10_000, repeats)


def _workbook_round_trip(rows: int, repeats: int) -> None:
    """Write an observations workbook of ``rows`` rows and read it back, against the CSV."""
    import csv
    import tempfile
    from pathlib import Path

    import openpyxl

    from ntm_criteria.io import read_observations

    header = ["locality", "indicator", "value", "unit", "as_of"]
    body = [[f"{i // 7:05d}", "3.1", f"{80 + i % 20},5", "%", "30/06/2023"] for i in range(rows)]
    with tempfile.TemporaryDirectory() as folder:
        book_path, csv_path = Path(folder, "q.xlsx"), Path(folder, "q.csv")
        with csv_path.open("w", encoding="utf-8", newline="") as handle:
            csv.writer(handle).writerows([header, *body])

        def write() -> None:
            book = openpyxl.Workbook(write_only=True)
            sheet = book.create_sheet("Số liệu")
            sheet.append(header)
            for row in body:
                sheet.append(row)
            book.save(book_path)

        write_min, _ = min_median(write, repeats)
        read_min, read_med = min_median(lambda: read_observations(book_path), repeats)
        csv_min, _ = min_median(lambda: read_observations(csv_path), repeats)
    print(f"\nworkbook of {rows:,} observation rows: write {write_min:.3f} s (openpyxl)")
    print(f"read the workbook: {read_min:.3f} s / {read_med:.3f} s; the same CSV: {csv_min:.3f} s")
    print(f"ratio workbook / CSV read: {read_min / csv_min:.2f}x")
