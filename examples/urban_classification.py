"""Score a town for urban classification, and check a ward for the civilized-urban title.

Urban classification: the criteria, their maximum points and the 75-point
pass line are official data; the per-standard table (Appendix 1 of
Resolution 26/2022) was not retrieved, so this script uses the ILLUSTRATIVE
class-IV table shipped with the library, and every result says so.

Civilized wards: the nine criteria of Decision 04/2022/QĐ-TTg are a built-in
set whose indicators are unspecified; a provincial set fills them in (here an
illustrative one), and the recognition rules decide when a ward may be
recognised.
Run: python examples/urban_classification.py
"""

from __future__ import annotations

import datetime

from ntm_criteria import Q_, Locality, Observation, assess, catalog
from ntm_criteria.civilized import check_recognition, civilized_rules
from ntm_criteria.urban import RoadmapItem, classify, example_standards

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

# An illustrative provincial set that fills in the nine criteria with one
# pass/fail indicator each (a real province encodes Appendix I's indicators).
PROVINCIAL_WARD_SET = "\n".join(
    [
        'id = "example-province-civilized-ward"',
        'extends = "vn-civilized-urban-ward-2022"',
        'legal_basis = "Quyết định …/QĐ-UBND (illustrative)"',
        'source = "illustrative example"',
        'confidence = "illustrative"',
    ]
    + [f'[indicators."{n}"]\nrequirement = "achieved"' for n in range(1, 10)]
)


def urban_classification() -> None:
    observations = [Observation(code, value) for code, value in TOWN_VALUES.items()]
    for on in (datetime.date(2025, 6, 30), datetime.date(2026, 1, 1)):
        result = classify(TOWN, example_standards(), observations, on=on)
        print(result.explain("vi"))
        print()
    result = classify(TOWN, example_standards(), observations, on=datetime.date(2025, 6, 30))
    print(result.explain("en"))
    print()


def civilized_wards() -> None:
    ward = Locality("26734", "Phường Minh Họa", "ward", region="DBSH")
    on = datetime.date(2025, 3, 31)

    national = assess(ward, civilized_rules().criterion_set(), [], on=on)
    print(national.explain("vi"))
    print()

    provincial = catalog.loads_set(PROVINCIAL_WARD_SET)
    achieved = [Observation(str(n), True) for n in range(1, 10)]
    result = assess(ward, provincial, achieved, on=on)
    check = check_recognition(result, registered_on="1/3/2023", satisfaction=Q_(92.5, "percent"))
    print(check.explain("vi"))
    print()
    print(check.explain("en"))
    print()

    roadmap = [
        RoadmapItem.registration("26734", 2024, registered_on="1/3/2022"),
        RoadmapItem.registration("26737", 2025, registered_on="1/3/2023"),
    ]
    for item in roadmap:
        overdue = " (quá hạn)" if item.is_overdue(on) else ""
        print(f"{item.locality_code}: {item.title_vi} — {item.status.label('vi')}{overdue}")


if __name__ == "__main__":
    urban_classification()
    civilized_wards()
