"""Assess one commune against a criterion set written inline, and explain the result.

The set is ILLUSTRATIVE: it shows the file format and the engine, not the law.
Run: python examples/assess_one_commune.py
"""

from __future__ import annotations

import datetime

from ntm_criteria import Q_, Locality, Observation, Status, assess, loads_set

SET = """
id = "example-two-criteria"
title_vi = "Bộ tiêu chí ví dụ"
title_en = "Example set"
scope = "commune"
level = "standard"
valid_from = 2022-01-01
valid_to = 2025-12-31
legal_basis = "illustrative"
confidence = "illustrative"

[[region_rules]]
tags = ["extremely_difficult"]
region = "TDMNPB"

[[criteria]]
number = 10
name_vi = "Thu nhập"
name_en = "Income"

[[criteria.indicators]]
code = "10.1"
name_vi = "Thu nhập bình quân đầu người"
name_en = "Income per person"
unit = "million_VND / person / year"
requirement = { at_least = { by_region = { TDMNPB = 39 }, default = 45 } }

[[criteria]]
number = 11
name_vi = "Nghèo đa chiều"
name_en = "Multidimensional poverty"

[[criteria.indicators]]
code = "11.1"
name_vi = "Tỷ lệ nghèo đa chiều"
name_en = "Multidimensional poverty rate"
unit = "percent"
requirement = { at_most = { by_region = { TDMNPB = 6 }, default = "unspecified" } }
"""


def main() -> None:
    criterion_set = loads_set(SET)
    on = datetime.date(2022, 6, 15)
    observations = [
        Observation("10.1", Q_(3_458_000, "VND / person / month")),  # 41.496 million a year
        Observation("11.1", Q_(4.2, "percent")),
    ]
    for commune in (
        Locality("01001", "Tân Hòa", "commune", region="DBSCL"),
        Locality("01002", "Tân Lập", "commune", region="DBSCL", tags={"extremely_difficult"}),
    ):
        result = assess(commune, criterion_set, observations, on=on)
        print(result.explain("vi"))
        income = result.indicator("10.1")
        if income.status is Status.NOT_MET:
            print(
                f"  -> income short by {float(income.gap):.3f} million VND "
                f"({float(income.relative_gap):.1%} of the threshold)"
            )
        print()


if __name__ == "__main__":
    main()
