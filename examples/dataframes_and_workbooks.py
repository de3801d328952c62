"""Assess communes from a DataFrame and a workbook, and write the report's charts.

Run: python examples/dataframes_and_workbooks.py  (needs the pandas, excel and
charts extras: pip install "ntm_criteria[pandas,excel,charts]").
The communes and figures are the package's illustrative demo data.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import openpyxl
import pandas as pd

from ntm_criteria import demo
from ntm_criteria.assessment import assess
from ntm_criteria.charts import write_charts
from ntm_criteria.criteria import Level
from ntm_criteria.frames import assess_frame
from ntm_criteria.io import read_observations
from ntm_criteria.progress import PlanTarget, roll_up


def main() -> None:
    places = demo.gazetteer()
    demo_csv = Path(demo.__file__).parent / "observations.csv"
    # A long frame, as pandas reads the CSV: every cell text, as typed.
    long = pd.read_csv(demo_csv, dtype=str, keep_default_na=False)
    frame = assess_frame(long, demo.criterion_set(), on=demo.ASSESSMENT_DATE, localities=places)
    print(frame[["locality", "name_vi", "status", "met", "total", "untrusted"]].to_string())

    with tempfile.TemporaryDirectory() as folder:
        # The same observations in a workbook: the CSV reader reads its sheet.
        book = openpyxl.Workbook()
        book.active.append(list(long.columns))
        for row in long.itertuples(index=False):
            book.active.append(list(row))
        path = Path(folder, "quy2.xlsx")
        book.save(path)
        assert read_observations(path) == read_observations(demo_csv)

        met = frame[frame.status == "met"]
        print(f"\n{len(met)} of {len(frame)} communes meet the demo set")
        rollup = roll_up(
            [
                assess(places.effective(code), demo.criterion_set(), obs, on=demo.ASSESSMENT_DATE)
                for code, obs in read_observations(path).items()
            ]
        )
        written = write_charts(
            rollup, folder, targets=[PlanTarget(Level.STANDARD, count=4)], lang="vi"
        )
        print("charts:", ", ".join(p.name for p in written))


if __name__ == "__main__":
    main()
