"""Assessing localities: observation dates and bad input."""

from __future__ import annotations

import datetime

import pytest
from assessment_support import ON_2022, commune

from ntm_criteria import (
    Q_,
    Locality,
    NotInForceError,
    Observation,
    ObservationError,
    ScopeError,
    UnitError,
    UnknownCodeError,
    assess,
)

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
