"""Assessing localities: statuses, counts, thresholds by region, year and tag, exact boundaries and units."""

from __future__ import annotations

import datetime
from fractions import Fraction

import pytest
from assessment_support import ALL_MET, ON_2022, ON_2023, commune, income

from ntm_criteria import (
    Q_,
    Observation,
    Status,
    UnknownReason,
    assess,
)

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
