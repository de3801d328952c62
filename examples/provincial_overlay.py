"""A provincial overlay: a province extends a set, fills what it leaves open, raises a threshold.

Everything here is ILLUSTRATIVE: the parent is the demo set shipped with the
package and the "province" values are made up.  The overlay is a data file
that `extends` its parent and names only what changes; the same mechanism
will apply to the national sets of the built-in catalog.
Run: python examples/provincial_overlay.py
"""

from __future__ import annotations

from collections.abc import Sequence

from ntm_criteria import (
    AssessmentResult,
    CriterionSet,
    Locality,
    Observation,
    assess,
    demo,
    loads_set,
)

OVERLAY = """
id = "demo-province-commune-standard"
extends = "demo-commune-standard"
title_vi = "Bộ tiêu chí xã nông thôn mới của tỉnh (minh họa)"
title_en = "Provincial new rural commune set (illustrative)"
legal_basis = "Quyết định số …/QĐ-UBND (illustrative)"
source = "illustrative provincial decision"
confidence = "illustrative"

# The parent leaves clean water outside the mountains to the province: fill it in.
[indicators."17.1"]
requirement = { at_least = { by_region = { TDMNPB = 25, TN = 25 }, default = 60 } }

# The province asks more than the parent for irrigation.
[indicators."3.1"]
requirement = { at_least = 85 }
"""


def main() -> None:
    parent = demo.criterion_set()
    overlay = loads_set(OVERLAY, parents=[parent])
    places, observations = demo.gazetteer(), demo.observations()
    print(f"{overlay.title_vi} (extends {overlay.extends})\n")
    for code in ("04039", "30004"):
        place = places.effective(code)
        before = demo_assess(parent, place, observations[code])
        after = demo_assess(overlay, place, observations[code])
        print(
            f"{place.label()}: {before.met_count}/{before.total} → "
            f"{after.met_count}/{after.total} criteria"
        )
        for number in (3, 17):
            print(f"  {after.criterion(number).summary()}")
    print("\nChanged indicators:")
    for indicator in overlay.indicators():
        if indicator != parent.indicator(indicator.code):
            print(f"  {indicator.code}: {indicator.provenance.describe('en')}")


def demo_assess(
    criterion_set: CriterionSet, place: Locality, observations: Sequence[Observation]
) -> AssessmentResult:
    return assess(place, criterion_set, observations, on=demo.ASSESSMENT_DATE)


if __name__ == "__main__":
    main()
