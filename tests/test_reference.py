"""The built-in catalog against the official reference tables (../shared/reference).

Every value the reference gives with high or medium confidence must be in the
catalog with the same number, unit and source; and the catalog may hold no
number the reference lacks unless its provenance names another source.  The
reference files are copied into tests/data/reference so that the suite runs
without ../shared; when ../shared is present, the copy must be current.
"""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path

import pytest

from ntm_criteria import catalog, geography
from ntm_criteria.criteria import Level
from ntm_criteria.rules import (
    Achieved,
    AtLeast,
    AtMost,
    Between,
    ByDate,
    ByGroup,
    ByRegion,
    ByTag,
    Equals,
    Fixed,
    Scaled,
    Unspecified,
    ValueSpec,
)
from ntm_criteria.units import exact_factor

HERE = Path(__file__).parent / "data" / "reference"
SHARED = Path(__file__).parents[2] / "shared" / "reference"
REFERENCE = json.loads((HERE / "ntm_rural_criteria.json").read_text(encoding="utf-8"))

UNITS = {
    "%": "percent",
    "million VND/person/year": "million_VND / person / year",
    "m2/person": "m ** 2 / person",
    "projects": "dimensionless",
    "count": "dimensionless",
    "count of fields": "dimensionless",
}


def reference_indicators():
    for ref_set in REFERENCE["sets"]:
        for criterion in ref_set.get("criteria", []):
            for indicator in criterion.get("indicators", []):
                yield ref_set["id"], indicator


def trusted(confidence: object) -> bool:
    return isinstance(confidence, str) and confidence.split()[0] in ("high", "medium")


CASES = [
    pytest.param(set_id, ind, id=f"{set_id}:{ind['code']}")
    for set_id, ind in reference_indicators()
]


def test_the_copy_is_current():
    if not SHARED.exists():
        pytest.skip("../shared/reference is not beside this checkout")
    for name in ("ntm_rural_criteria.json", "urban_poverty_ocop.json"):
        assert (HERE / name).read_bytes() == (SHARED / name).read_bytes(), name


def test_every_reference_set_is_in_the_catalog_or_listed_as_missing():
    ids = {info.id for info in catalog.list_sets()}
    # Annex II of 51/2025 (the "modern" commune pilot) has no level in the library yet.
    not_encoded = {"vn-ntm-modern-commune-pilot-2026-2030"}
    for ref_set in REFERENCE["sets"]:
        if ref_set["id"] in not_encoded:
            continue
        assert ref_set["id"] in ids
        s = catalog.get(ref_set["id"])
        assert s.level is not None
        assert s.level.key == ref_set["level"]
        assert ref_set["scope"] in {kind.value for kind in s.scope}
        assert ref_set["period"][0] <= s.valid_from.year
        if ref_set.get("criteria_count"):
            assert s.total == ref_set["criteria_count"]


@pytest.mark.parametrize(("set_id", "ref"), CASES)
def test_reference_value_is_in_the_catalog(set_id, ref):
    s = catalog.get(set_id)
    indicator = s.indicator(ref["code"])
    requirement = indicator.requirement
    rule = ref["requirement"]
    if trusted(ref.get("confidence")):
        assert indicator.provenance.source == ref["source"]
        assert indicator.provenance.certainty == ref["confidence"].split()[0]
    unit = UNITS.get(ref.get("unit"))
    if unit is not None:
        assert exact_factor(unit, indicator.unit) == 1
    if rule is None or not trusted(ref.get("confidence")):
        assert_unspecified(requirement)
        return
    rule = rule.get("all_regions", rule)
    if rule.get("value") == "Đạt" or (rule.get("example_HCMC") == "Đạt" and "general" not in rule):
        assert requirement == Achieved()
    elif "general" in rule or isinstance(rule.get("value"), str):
        assert_unspecified(requirement)
    elif "relative_to" in rule:
        assert isinstance(requirement, AtLeast)
        assert isinstance(requirement.value, Scaled)
        assert requirement.value.factor == 1 + Fraction(rule["value"]) / 100
    else:
        op = {">=": AtLeast, "<=": AtMost, "==": Equals}[rule["op"]]
        assert requirement == op(Fixed(rule["value"]))


def assert_unspecified(requirement):
    if isinstance(requirement, Unspecified):
        return
    assert isinstance(requirement, AtLeast | AtMost | Equals)
    assert isinstance(requirement.value, Unspecified)


def leaves(value: ValueSpec):
    if isinstance(value, Fixed):
        yield value
    elif isinstance(value, ByRegion | ByGroup):
        yield from (leaf for spec in value.cases.values() for leaf in leaves(spec))
    elif isinstance(value, ByTag | ByDate):
        yield from (leaf for _, spec in value.cases for leaf in leaves(spec))
    if isinstance(value, ByRegion | ByGroup | ByTag | ByDate) and value.default is not None:
        yield from leaves(value.default)


def catalog_numbers():
    for info in catalog.list_sets():
        s = catalog.get(info.id)
        for indicator in s.indicators():
            req = indicator.requirement
            values = (
                [req.low, req.high]
                if isinstance(req, Between)
                else ([req.value] if isinstance(req, AtLeast | AtMost | Equals) else [])
            )
            for value in values:
                for leaf in leaves(value):
                    yield s.id, indicator, leaf


def test_the_catalog_holds_no_number_the_reference_lacks():
    known = {(set_id, ind["code"]): ind for set_id, ind in reference_indicators()}
    sources = {ind["source"] for _, ind in reference_indicators() if ind.get("source")}
    checked = 0
    for set_id, indicator, leaf in catalog_numbers():
        checked += 1
        ref = known.get((set_id, indicator.code))
        provenance = leaf.provenance or indicator.provenance
        if ref is not None and trusted(ref.get("confidence")):
            rule = ref["requirement"].get("all_regions", ref["requirement"])
            assert Fraction(rule["value"]) == leaf.amount
        else:
            assert provenance.source not in sources, (set_id, indicator.code)
    assert checked >= 10


def test_regions_match_the_reference():
    codes = [r["code"] for r in REFERENCE["regions"]]
    assert [r.code for r in geography.regions("ntm-2021")] == codes
    for ref, region in zip(REFERENCE["regions"], geography.regions("ntm-2021"), strict=True):
        assert region.name_vi == ref["name_vi"]


def test_the_special_rule_is_in_every_2021_2025_commune_set():
    for set_id in (
        "vn-ntm-commune-standard-2021-2025",
        "vn-ntm-commune-advanced-2021-2025",
        "vn-ntm-commune-model-2021-2025",
    ):
        rules = catalog.get(set_id).region_rules
        assert {(frozenset(r.tags), r.region) for r in rules} == {
            (frozenset({"extremely_difficult"}), "TDMNPB"),
            (frozenset({"safe_zone", "poor_district"}), "TDMNPB"),
        }


ADDITIONS = json.loads((HERE / "additions_2026_12.json").read_text(encoding="utf-8"))


def test_the_additions_copy_is_current():
    if not SHARED.exists():
        pytest.skip("../shared/reference is not present")
    name = "additions_2026_12.json"
    assert (HERE / name).read_bytes() == (SHARED / name).read_bytes()


def test_the_advanced_commune_set_has_its_own_19_criteria():
    # It used to repeat the standard set's names (criteria 5, 6 and 14-18 differ).
    ref = next(s for s in ADDITIONS["sets"] if s["id"] == "vn-ntm-commune-advanced-2021-2025")
    advanced = catalog.get("vn-ntm-commune-advanced-2021-2025")
    assert [(c.number, c.name_vi, c.name_en) for c in advanced.criteria] == [
        (c["number"], c["name_vi"], c["name_en"]) for c in ref["criteria"]
    ]
    sources = set(ref["sources"])
    for criterion in advanced.criteria[2:]:
        assert all(src in (criterion.note or "") for src in sources), criterion.number
        for indicator in criterion.indicators:
            assert indicator.provenance.certainty == "medium"


def test_the_advanced_set_requires_the_standard_level_from_binh_phuoc_1361():
    advanced = catalog.get("vn-ntm-commune-advanced-2021-2025")
    assert advanced.requires is Level.STANDARD
    assert "1361/QĐ-UBND" in (advanced.note or "")
    assert advanced.provenance.certainty == "medium"


def test_the_advanced_set_encodes_no_number():
    # No threshold of Annex II is in the reference: every value stays unspecified.
    assert not [i.code for s, i, _ in catalog_numbers() if s == "vn-ntm-commune-advanced-2021-2025"]
