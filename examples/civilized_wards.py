"""Check a ward for the civilized-urban title, and list wards' registered target years.

The nine criteria of Decision 04/2022/QĐ-TTg are a built-in set whose
indicators are unspecified; a provincial set fills them in (here an
illustrative one), and the recognition rules decide when a ward may be
recognised.
Run: python examples/civilized_wards.py
"""

from __future__ import annotations

import datetime

from ntm_criteria import Q_, Locality, Observation, assess, catalog
from ntm_criteria.civilized import check_recognition, civilized_rules, registration
from ntm_criteria.progress import Roadmap

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

    # Each ward's registered target year is a plan item of the roadmap.
    roadmap = Roadmap(
        [
            registration("26734", 2024, registered_on="1/3/2022"),
            registration("26737", 2025, registered_on="1/3/2023"),
        ]
    )
    for item in roadmap.items:
        overdue = " (quá hạn)" if item.is_overdue(on) else ""
        print(f"{item.locality}: {item.label('vi')} — {item.status.label('vi')}{overdue}")
    print("đến hạn năm 2025:", ", ".join(i.locality for i in roadmap.due_in(2025)))


if __name__ == "__main__":
    civilized_wards()
