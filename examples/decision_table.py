"""Encode a province's decision from its table: CSV (or .xlsx) → a set file that extends the national set.

Every value in examples/data/decision_table.csv is ILLUSTRATIVE (not from a real
decision): the script shows the steps, not a province's thresholds.
"""

from __future__ import annotations

import pathlib
import tempfile

from ntm_criteria import catalog
from ntm_criteria.criteria import loads_set, set_from_table, set_to_toml, write_set_table
from ntm_criteria.rules import describe

HERE = pathlib.Path(__file__).parent
national = catalog.get("vn-ntm-commune-standard-2021-2025")

# 1. The table becomes the data of a set file that extends the national set.
data = set_from_table(
    HERE / "data" / "decision_table.csv",
    national,
    set_id="example-province-commune-standard",
    legal_basis="ILLUSTRATIVE table (no real decision)",
    title_vi="Bộ tiêu chí xã nông thôn mới của tỉnh (minh họa)",
    title_en="A province's new rural commune criteria (illustrative)",
)
text = set_to_toml(data)
print(text)

# 2. The file reads back as a set: the national one with the table's changes.
provincial = loads_set(text, parents=[national])
for code in ("3.1", "10", "11", "17.x1"):
    indicator = provincial.indicator(code)
    print(code, describe(indicator.requirement, indicator.unit, "vi", full=True))

# 3. Any set goes back to a table for review (.xlsx with the excel extra, or CSV).
with tempfile.TemporaryDirectory() as folder:
    write_set_table(provincial, pathlib.Path(folder) / "review.csv")
    print((pathlib.Path(folder) / "review.csv").read_text(encoding="utf-8").splitlines()[0])
