"""Assessing localities: statuses, counts, gaps, explanations and bad input."""

from __future__ import annotations

import datetime
import json
from fractions import Fraction

import pytest

from ntm_criteria import (
    Q_,
    AssessmentResult,
    Locality,
    NotInForceError,
    Observation,
    ObservationError,
    ScopeError,
    Status,
    UnitError,
    UnknownCodeError,
    UnknownReason,
    assess,
    loads_set,
)

SET_TOML = """
id = "test-commune"
title_vi = "Bộ tiêu chí thử"
title_en = "Test set"
scope = "commune"
level = "standard"
valid_from = 2022-01-01
valid_to = 2025-12-31
legal_basis = "test"
source = "test decision"
confidence = "official"

[[region_rules]]
tags = ["extremely_difficult"]
region = "TDMNPB"

[[criteria]]
number = 3
name_vi = "Thủy lợi"
name_en = "Irrigation"

[[criteria.indicators]]
code = "3.1"
name_vi = "Tỷ lệ đất được tưới tiêu chủ động"
name_en = "Irrigated land"
unit = "percent"
requirement = { at_least = 80 }

[[criteria.indicators]]
code = "3.2"
name_vi = "4 tại chỗ"
name_en = "Four on-the-spot"
requirement = "achieved"

[[criteria]]
number = 10
name_vi = "Thu nhập"
name_en = "Income"

[[criteria.indicators]]
code = "10.1"
name_vi = "Thu nhập bình quân đầu người"
name_en = "Income per person"
unit = "million_VND / person / year"

[criteria.indicators.requirement.at_least.by_year.2022]
by_region = { TDMNPB = 39, DBSH = 48 }
default = 45

[criteria.indicators.requirement.at_least.by_year.2023]
by_region = { TDMNPB = 42, DBSH = 52 }
default = 48

[[criteria]]
number = 11
name_vi = "Nghèo đa chiều"
name_en = "Multidimensional poverty"

[[criteria.indicators]]
code = "11.1"
name_vi = "Tỷ lệ nghèo đa chiều"
name_en = "Poverty rate"
unit = "percent"
requirement = { at_most = { by_region = { TDMNPB = 6 }, default = "unspecified" } }
confidence = "unverified"

[[criteria]]
number = 13
name_vi = "Tổ chức sản xuất"
name_en = "Production organisation"
rule = { at_least_k = 2, of = ["13.1", "13.2", "13.3"] }

[[criteria.indicators]]
code = "13.1"
name_vi = "Hợp tác xã"
name_en = "Cooperative"
requirement = "achieved"

[[criteria.indicators]]
code = "13.2"
name_vi = "Sản phẩm OCOP"
name_en = "OCOP products"
unit = "dimensionless"
requirement = { at_least = 1 }

[[criteria.indicators]]
code = "13.3"
name_vi = "Liên kết sản xuất"
name_en = "Production linkage"
requirement = "achieved"

[[criteria]]
number = 17
name_vi = "Môi trường"
name_en = "Environment"

[[criteria.indicators]]
code = "17.1"
name_vi = "Quy hoạch đất nghĩa trang"
name_en = "Cemetery plan"
requirement = { unspecified = "UBND cấp tỉnh quy định" }

[[criteria.indicators]]
code = "17.2"
name_vi = "Rác thải trên đảo"
name_en = "Island waste"
requirement = "achieved"
applies_to = { tags_any = ["island"] }
"""

ON_2022 = datetime.date(2022, 6, 15)
ON_2023 = datetime.date(2023, 6, 30)


@pytest.fixture(scope="module")
def test_set():
    return loads_set(SET_TOML)


def commune(region: str = "DBSH", *tags: str, code: str = "00001") -> Locality:
    return Locality(code, "Xã Thử", "commune", region=region, tags=frozenset(tags))


def income(value: float) -> Observation:
    return Observation("10.1", Q_(value, "million_VND / person / year"))


ALL_MET = [
    Observation("3.1", Q_(85, "percent")),
    Observation("3.2", True),
    Observation("13.1", True),
    Observation("13.2", 2),
]


# -- statuses and counts -------------------------------------------------------


def test_a_commune_meeting_everything_decidable(test_set):
    result = assess(
        commune("TDMNPB"), test_set, [*ALL_MET, income(40), Observation("11.1", 5)], on=ON_2022
    )
    assert [c.status for c in result.criteria] == [
        Status.MET,
        Status.MET,
        Status.MET,
        Status.MET,
        Status.UNKNOWN,
    ]
    assert (result.met_count, result.total, result.unknown_count) == (4, 5, 1)
    assert result.status is Status.UNKNOWN
    assert result.reason is UnknownReason.UNSPECIFIED  # 17.1 is left to the province


def test_missing_data_is_unknown_with_reason(test_set):
    result = assess(commune(), test_set, [], on=ON_2022)
    assert result.indicator("3.1").status is Status.UNKNOWN
    assert result.indicator("3.1").reason is UnknownReason.NO_DATA
    assert result.indicator("17.1").reason is UnknownReason.UNSPECIFIED
    assert result.criterion(3).reason is UnknownReason.NO_DATA
    assert result.reason is UnknownReason.DEPENDS
    assert result.met_count == 0
    assert len(result.needs_data()) == 8  # all but the island-only 17.2


def test_one_failure_fails_the_criterion_and_the_set_despite_unknowns(test_set):
    result = assess(commune(), test_set, [Observation("3.2", False)], on=ON_2022)
    assert result.criterion(3).status is Status.NOT_MET
    assert result.status is Status.NOT_MET
    assert result.not_met_count == 1


def test_not_applicable_indicator_is_left_out(test_set):
    plain = assess(commune(), test_set, [], on=ON_2022)
    island = assess(commune("DBSH", "island"), test_set, [], on=ON_2022)
    assert plain.indicator("17.2").status is Status.NOT_APPLICABLE
    assert island.indicator("17.2").status is Status.UNKNOWN


def test_at_least_k_of_criterion_rule(test_set):
    two = assess(
        commune(), test_set, [Observation("13.1", True), Observation("13.2", 1)], on=ON_2022
    )
    assert two.criterion(13).status is Status.MET
    one = assess(
        commune(),
        test_set,
        [Observation("13.1", False), Observation("13.2", 0), Observation("13.3", True)],
        on=ON_2022,
    )
    assert one.criterion(13).status is Status.NOT_MET
    open_ = assess(commune(), test_set, [Observation("13.1", True)], on=ON_2022)
    assert open_.criterion(13).status is Status.UNKNOWN


# -- thresholds by region, year and tag ----------------------------------------


@pytest.mark.parametrize(
    ("region", "tags", "on", "required"),
    [
        ("TDMNPB", (), ON_2022, 39),
        ("DBSH", (), ON_2022, 48),
        ("DBSCL", (), ON_2022, 45),
        ("DBSCL", ("extremely_difficult",), ON_2022, 39),
        ("TDMNPB", (), ON_2023, 42),
        ("DBSH", (), ON_2023, 52),
        ("DBSCL", ("extremely_difficult",), ON_2023, 42),
    ],
)
def test_required_income_by_region_year_and_tag(test_set, region, tags, on, required):
    result = assess(commune(region, *tags), test_set, [income(40)], on=on)
    outcome = result.indicator("10.1")
    assert outcome.required.value.amount == required
    assert outcome.status is (Status.MET if required <= 40 else Status.NOT_MET)


def test_year_boundary(test_set):
    last_day = assess(commune("TDMNPB"), test_set, [income(40)], on=datetime.date(2022, 12, 31))
    first_day = assess(commune("TDMNPB"), test_set, [income(40)], on=datetime.date(2023, 1, 1))
    assert last_day.indicator("10.1").status is Status.MET
    assert first_day.indicator("10.1").status is Status.NOT_MET


def test_a_region_without_a_value_is_unspecified_and_says_which(test_set):
    result = assess(commune("DBSCL"), test_set, [Observation("11.1", 2)], on=ON_2022)
    outcome = result.indicator("11.1")
    assert (outcome.status, outcome.reason) == (Status.UNKNOWN, UnknownReason.UNSPECIFIED)
    assert "chưa quy định ngưỡng" in result.explain("vi")


def test_no_year_value_is_unspecified(test_set):
    result = assess(commune("DBSH"), test_set, [income(60)], on=datetime.date(2024, 1, 1))
    outcome = result.indicator("10.1")
    assert outcome.reason is UnknownReason.UNSPECIFIED
    assert outcome.required.value.missing == ("date", "2024-01-01")


# -- exact boundaries and units ---------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        Q_(80, "percent"),
        Q_(0.8, ""),
        Q_(0.8, "dimensionless"),
        80,
        Fraction(80),
        Q_(80.0, "percent"),
    ],
)
def test_exactly_at_threshold_meets_in_any_equivalent_unit(test_set, value):
    result = assess(commune(), test_set, [Observation("3.1", value)], on=ON_2022)
    assert result.indicator("3.1").status is Status.MET
    assert result.indicator("3.1").actual == 80


@pytest.mark.parametrize(
    "value",
    [
        Q_(39, "million_VND / person / year"),
        Q_(39_000_000, "VND / person / year"),
        Q_(3_250_000, "VND / person / month"),
        Q_(3250, "thousand_VND / person / month"),
    ],
)
def test_income_at_threshold_per_month_or_year(test_set, value):
    result = assess(commune("TDMNPB"), test_set, [Observation("10.1", value)], on=ON_2022)
    assert result.indicator("10.1").status is Status.MET
    assert result.indicator("10.1").actual == 39


def test_just_below_threshold_fails_with_exact_gap(test_set):
    result = assess(
        commune("TDMNPB"),
        test_set,
        [Observation("10.1", Q_(3_249_999, "VND / person / month"))],
        on=ON_2022,
    )
    outcome = result.indicator("10.1")
    assert outcome.status is Status.NOT_MET
    assert outcome.gap == Fraction(12, 1_000_000)
    assert outcome.relative_gap == Fraction(12, 39_000_000)


def test_gap_of_at_most_indicator(test_set):
    result = assess(
        commune("TDMNPB"), test_set, [Observation("11.1", Q_(7.5, "percent"))], on=ON_2022
    )
    outcome = result.indicator("11.1")
    assert outcome.status is Status.NOT_MET
    assert outcome.gap == Fraction(3, 2)
    assert outcome.relative_gap == Fraction(1, 4)


# -- explanations ---------------------------------------------------------------


def test_explain_reads_like_a_review_minute(test_set):
    result = assess(commune("DBSCL"), test_set, [*ALL_MET, income(41.5)], on=ON_2022)
    text = result.explain("vi")
    assert "Tiêu chí 10 (Thu nhập): chưa đạt — 41,5 < 45 triệu đồng/người/năm" in text
    assert "Tiêu chí 3 (Thủy lợi): đạt" in text
    assert text.splitlines()[0].startswith("Xã Thử: đạt 2/5 tiêu chí (Bộ tiêu chí thử, 15/06/2022)")
    english = result.explain("en")
    assert "Criterion 10 (Income): not met — 41.5 < 45 million VND/person/year" in english


def test_explain_flags_unverified_thresholds(test_set):
    result = assess(commune("TDMNPB"), test_set, [Observation("11.1", 2)], on=ON_2022)
    assert [o.code for o in result.untrusted()] == ["11.1"]
    assert "chưa kiểm chứng (chỉ tiêu 11.1)" in result.explain("vi")
    trusted = assess(commune("DBSH"), test_set, [income(50)], on=ON_2022)
    assert "11.1" in [o.code for o in trusted.untrusted()]


def test_explain_rejects_unknown_language(test_set):
    result = assess(commune(), test_set, [], on=ON_2022)
    with pytest.raises(UnknownCodeError, match="language"):
        result.explain("fr")


def test_shortfalls_are_in_set_order_with_gaps(test_set):
    result = assess(
        commune("DBSCL"),
        test_set,
        [Observation("3.1", 70), Observation("3.2", False), income(40)],
        on=ON_2022,
    )
    assert [o.code for o in result.shortfalls()] == ["3.1", "3.2", "10.1"]
    assert result.shortfalls()[0].gap == 10
    assert result.shortfalls()[1].gap is None


# -- observation dates -----------------------------------------------------------


def test_latest_observation_on_or_before_the_date_counts(test_set):
    observations = [
        Observation("3.1", 70, as_of=datetime.date(2022, 3, 31)),
        Observation("3.1", 85, as_of=datetime.date(2022, 6, 30)),
        Observation("3.1", 60, as_of=datetime.date(2022, 9, 30)),
    ]
    assert assess(commune(), test_set, observations, on=ON_2022).indicator("3.1").actual == 70
    on_july = datetime.date(2022, 7, 1)
    assert assess(commune(), test_set, observations, on=on_july).indicator("3.1").actual == 85


def test_two_observations_on_the_same_date_are_an_error(test_set):
    with pytest.raises(ObservationError, match=r"3\.1"):
        assess(commune(), test_set, [Observation("3.1", 70), Observation("3.1", 80)], on=ON_2022)


# -- bad input ------------------------------------------------------------------


def test_unknown_indicator_code(test_set):
    with pytest.raises(UnknownCodeError, match=r"'99\.1'"):
        assess(commune(), test_set, [Observation("99.1", 1)], on=ON_2022)


def test_wrong_dimension_names_the_indicator(test_set):
    with pytest.raises(UnitError, match=r"10\.1"):
        assess(commune(), test_set, [Observation("10.1", Q_(45, "km"))], on=ON_2022)


def test_per_household_income_is_not_per_person(test_set):
    with pytest.raises(UnitError, match=r"10\.1"):
        assess(
            commune(),
            test_set,
            [Observation("10.1", Q_(45, "million_VND / household / year"))],
            on=ON_2022,
        )


@pytest.mark.parametrize(
    ("code", "value", "expected"),
    [
        ("3.1", True, "quantity"),
        ("3.2", 1, "True or False"),
        ("3.2", "đạt", "True or False"),
        ("3.1", "85", "parse_number"),
        ("10.1", 45, "ambiguous"),
    ],
)
def test_value_of_the_wrong_kind(test_set, code, value, expected):
    with pytest.raises(ObservationError, match=expected):
        assess(commune(), test_set, [Observation(code, value)], on=ON_2022)


def test_scope_and_validity(test_set):
    ward = Locality("00002", "Phường Thử", "ward", region="DBSH")
    with pytest.raises(ScopeError, match="ward"):
        assess(ward, test_set, [], on=ON_2022)
    with pytest.raises(NotInForceError, match="2026-03-01"):
        assess(commune(), test_set, [], on="1/3/2026")
    late = assess(commune(), test_set, [], on="1/3/2026", check_validity=False)
    assert late.on == datetime.date(2026, 3, 1)


# -- serialisation --------------------------------------------------------------


def test_result_round_trips_through_json(test_set):
    result = assess(
        commune("DBSCL", "island"),
        test_set,
        [*ALL_MET, income(41.5), Observation("11.1", 2, source="báo cáo quý II")],
        on=ON_2022,
    )
    data = json.loads(json.dumps(result.to_dict(), ensure_ascii=False))
    assert AssessmentResult.from_dict(data) == result
    assert AssessmentResult.from_dict(data).explain() == result.explain()


def test_from_dict_rejects_garbage():
    from ntm_criteria import DataError

    with pytest.raises(DataError, match="not an assessment result"):
        AssessmentResult.from_dict({"set_id": "x"})
