"""Score a town for urban classification.

The criteria, their maximum points and the 75-point pass line are official
data; the per-standard table (Appendix 1 of Resolution 26/2022) was not
retrieved, so this script uses the ILLUSTRATIVE class-IV table shipped with
the library, and every result says so.  Civilized wards are in
``examples/civilized_wards.py``.
Run: python examples/urban_classification.py
"""

from __future__ import annotations

import datetime

from ntm_criteria import Q_, Locality, Observation
from ntm_criteria.urban import classify, example_standards

TOWN = Locality("99100", "Minh Họa", "town", region="DBSH")
TOWN_VALUES = {
    "1.1": 0.8,  # income per person, times the national average
    "1.2": Q_(5.4, "percent"),
    "1.3": Q_(7, "percent"),
    "2.1": Q_(61_000, "person"),
    "2.2": Q_(18_500, "person"),
    "3.1": Q_(1_350, "person / km ** 2"),
    "3.2": Q_(6_400, "person / km ** 2"),
    "4.1": Q_(68, "percent"),
    "4.2": Q_(72, "percent"),
    "5.1": Q_(27.2, "m ** 2 / person"),
    "5.2": Q_(88, "percent"),
    "5.3": Q_(86, "percent"),
    "5.4": Q_(84, "percent"),
    "5.5": Q_(12, "percent"),
    "5.6": Q_(3.6, "m ** 2 / person"),
}


def urban_classification() -> None:
    observations = [Observation(code, value) for code, value in TOWN_VALUES.items()]
    for on in (datetime.date(2025, 6, 30), datetime.date(2026, 1, 1)):
        result = classify(TOWN, example_standards(), observations, on=on)
        print(result.explain("vi"))
        print()
    result = classify(TOWN, example_standards(), observations, on=datetime.date(2025, 6, 30))
    print(result.explain("en"))
    print()


if __name__ == "__main__":
    urban_classification()
