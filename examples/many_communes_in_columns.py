"""Assess many communes at once in columns, and check the answers against ``assess``.

The set and the figures are ILLUSTRATIVE (the demo data): they show the
columnar path of the compiled plan, not the law.  Needs numpy
(``pip install "ntm_criteria[fast]"``).
Run: python examples/many_communes_in_columns.py
"""

from __future__ import annotations

import random

from ntm_criteria import Q_, Locality, Observation, assess, demo
from ntm_criteria.engine import compile_set, evaluate_columns, status_of
from ntm_criteria.rules import AtMost

criterion_set = demo.criterion_set()
plan = compile_set(criterion_set, on=demo.ASSESSMENT_DATE)

# 5,000 made-up communes: a region each and one value per indicator (None: no data).
rng = random.Random(1)
regions = ["TDMNPB", "DBSH", "DBSCL"]
n = 5_000
region = [rng.choice(regions) for _ in range(n)]
columns: dict[str, list[object]] = {}
for indicator in plan.indicators:
    if indicator.value_kind == "bool":
        columns[indicator.code] = [rng.random() < 0.9 for _ in range(n)]
    elif isinstance(indicator.requirement, AtMost):  # a rate ceiling (poverty, say)
        columns[indicator.code] = [rng.randint(11, 80) / 10 for _ in range(n)]
    elif indicator.unit == "percent":
        columns[indicator.code] = [rng.randint(500, 1000) / 10 for _ in range(n)]
    elif indicator.unit and "VND" in indicator.unit:
        # Values in the indicator's unit (million VND a year); (values, unit) would convert.
        columns[indicator.code] = [rng.randint(300, 600) / 10 for _ in range(n)]
    elif indicator.value_kind == "number":
        columns[indicator.code] = [rng.randint(0, 3) for _ in range(n)]

result = evaluate_columns(plan, columns, region=region)
met = result.met_count
print(f"{n:,} communes, set {criterion_set.id} ({result.total} criteria)")
print(f"  the set met: {int((result.status == 1).sum()):,}")
for count in range(result.total, result.total - 3, -1):
    print(f"  {count}/{result.total} criteria met: {int((met == count).sum()):,}")

# The first ten communes through the object path give the same statuses.
for row in range(10):
    place = Locality(f"{row:05d}", f"Xã {row}", "commune", region=region[row])
    observations = []
    for code, values in columns.items():
        unit = criterion_set.indicator(code).unit
        value = values[row]
        if unit and "VND" in unit:
            value = Q_(value, unit)
        observations.append(Observation(code, value))
    one = assess(place, criterion_set, observations, on=demo.ASSESSMENT_DATE)
    assert one.status is status_of(result.status[row]), row
    assert one.met_count == int(met[row]), row
print("  the first 10 agree with assess: yes")
