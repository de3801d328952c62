"""Results across the 1/7/2025 reorganisation: new provinces, lineage, merged units."""

from __future__ import annotations

import pytest

from ntm_criteria import assess, demo, loads_set
from ntm_criteria.criteria import Level
from ntm_criteria.errors import DataError
from ntm_criteria.geography import Gazetteer, Locality
from ntm_criteria.progress import (
    derive_merged,
    lineage,
    new_province_of,
    roll_up,
    roll_up_by_new_province,
)
from ntm_criteria.rules import Status

PROVINCE_SET = """
id = "example-province"
title_vi = "Tỉnh (minh họa)"
title_en = "Province (illustrative)"
scope = "province"
level = "none"
valid_from = 2022-01-01
legal_basis = "illustrative"
confidence = "illustrative"
[[criteria]]
number = 1
name_vi = "Xã đạt chuẩn"
name_en = "Communes at the standard level"
[[criteria.indicators]]
code = "1.1"
name_vi = "Số xã đạt chuẩn"
name_en = "Communes at the standard level"
unit = "dimensionless"
aggregate = { of = "commune", level = "standard", measure = "count" }
requirement = { at_least = 1 }
[[criteria.indicators]]
code = "1.2"
name_vi = "Thu nhập"
name_en = "Income"
unit = "percent"
requirement = { at_least = 50 }
"""


def _results(on=demo.ASSESSMENT_DATE):
    places, s, obs = demo.gazetteer(), demo.criterion_set(), demo.observations()
    return [assess(places.effective(c), s, obs[c], on=on) for c in obs]


def test_old_communes_roll_up_into_the_new_provinces():
    ups = roll_up_by_new_province(_results(), bins=(6, 8))
    assert {code: up.count for code, up in ups.items()} == {"14": 4, "82": 2}  # Đồng Tháp: 82
    assert sum(up.reached(Level.STANDARD) for up in ups.values()) == 2


def test_merged_provinces_collect_their_predecessors():
    assert (
        new_province_of("87", "15/6/2022").name_vi == "Đồng Tháp"
    )  # Đồng Tháp ← Tiền Giang + Đồng Tháp
    assert new_province_of("82", "15/6/2022").code == "82"  # old Tiền Giang
    assert new_province_of("37", "1/1/2026").name_vi == "Ninh Bình"


def test_a_unit_not_in_the_list_of_its_date_is_an_error():
    with pytest.raises(DataError, match="'03661'"):
        new_province_of("03661", "1/1/2026")  # xã Chiềng Đen no longer exists


def test_a_new_units_history_shows_its_predecessors():
    old = _results()
    assert [r.locality.name_vi for r in lineage("03664", old)] == ["Chiềng Xôm", "Chiềng Đen"]
    new_unit = Gazetteer.official("1/9/2025").get("03664")
    later = assess(
        Locality("03664", new_unit.name_vi, "commune", region="TDMNPB"),
        demo.criterion_set(),
        demo.observations()["03664"],
        on="1/9/2025",
        check_validity=False,
    )
    history = lineage("03664", [later, *old])
    assert [r.on.year for r in history] == [2023, 2023, 2025]
    assert history[-1] is later


def test_a_merged_unit_is_derived_from_its_parts_only_by_aggregate_rules():
    parts = roll_up(_results()[:4])  # the four communes of Sơn La city
    province = Gazetteer.official("1/9/2025").get("14")
    derived = derive_merged(province, loads_set(PROVINCE_SET), parts, on="1/9/2025")
    assert derived.derived == ("1.1",)
    assert derived.undecidable == ("1.2",)
    assert not derived.decided
    assert derived.result.indicator("1.1").status is Status.MET
    assert derived.result.indicator("1.2").status is Status.UNKNOWN
    assert "1.2" in derived.explain("vi")
    assert "không xác định được" in derived.explain("vi")


def test_a_commune_result_is_never_guessed_from_its_parts():
    parts = roll_up(_results()[:4])
    merged = Gazetteer.official("1/9/2025").get("04018")  # xã Tô Múa
    derived = derive_merged(merged, demo.criterion_set(), parts, on="1/9/2025")
    assert derived.derived == ()
    assert all(
        derived.result.indicator(code).status is Status.UNKNOWN for code in derived.undecidable
    )
