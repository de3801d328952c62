"""Observations outside their indicator's domain, and percentages typed as fractions."""

from __future__ import annotations

import datetime
import warnings
from fractions import Fraction

import pytest
from assessment_support import ON_2022, commune
from hypothesis import given
from hypothesis import strategies as st

from ntm_criteria import Q_, Observation, ObservationError, UnitError, UnknownCodeError, assess
from ntm_criteria.assessment import SuspiciousValueWarning
from ntm_criteria.criteria import Criterion, CriterionSet, Domain, Indicator, Level
from ntm_criteria.io import reads_observations
from ntm_criteria.rules import Unspecified

INCOME = "million_VND / person / year"


@pytest.mark.parametrize(
    ("code", "value", "shown"),
    [
        ("3.1", 120, "120 percent"),
        ("3.1", Q_(100.5, "percent"), "100.5 percent"),
        ("3.1", Q_(1.2, ""), "120 percent"),
        ("3.1", -3, "-3 percent"),
        ("11.1", Q_(-0.5, "percent"), "-0.5 percent"),
        ("10.1", Q_(-41, INCOME), f"-41 {INCOME}"),
        ("10.1", Q_(-3_000_000, "VND / person / month"), f"-36 {INCOME}"),
        ("13.2", -1, "-1 dimensionless"),
    ],
)
def test_a_value_outside_the_domain_names_the_locality_and_the_indicator(
    test_set, code, value, shown
):
    with pytest.raises(ObservationError) as caught:
        assess(commune(), test_set, [Observation(code, value)], on=ON_2022)
    text = str(caught.value)
    assert f"indicator {code}" in text
    assert "00001 (Xã Thử)" in text
    assert shown in text
    assert caught.value.indicator == code


def test_a_value_outside_the_domain_read_from_csv_names_the_row(test_set):
    table = (
        "locality,indicator,value,unit,as_of,source\n"
        "00001,3.1,85,,,\n"
        "00001,10.1,-41,triệu đồng/người/năm,,\n"
    )
    observations = reads_observations(table, file="quy2.csv")["00001"]
    with pytest.raises(
        ObservationError,
        match=r"00001 \(Xã Thử\), quy2\.csv:3: observation for indicator 10\.1: -41",
    ) as caught:
        assess(commune(), test_set, observations, on=ON_2022)
    assert "indicator 10.1" in str(caught.value)


def test_the_edges_of_the_domain_are_inside(test_set):
    for value in (0, 100, Q_(0, "percent"), Q_(1, "")):
        result = assess(commune(), test_set, [Observation("3.1", value)], on=ON_2022)
        assert result.indicator("3.1").actual in (0, 100)


def test_the_origin_takes_no_part_in_comparisons():
    assert Observation("3.1", 85, origin="a.csv:2") == Observation("3.1", 85)


@pytest.mark.parametrize(("cell", "value"), [("0,8", "0.8"), ("1", "1"), ("0,05", "0.05")])
def test_a_bare_fraction_for_a_percent_warns_and_is_read_as_given(test_set, cell, value):
    table = f"locality;indicator;value\n00001;3.1;{cell}\n"
    observations = reads_observations(table, file="quy2.csv")["00001"]
    with pytest.warns(SuspiciousValueWarning) as caught:
        result = assess(commune(), test_set, observations, on=ON_2022)
    text = str(caught[0].message)
    assert "00001 (Xã Thử), quy2.csv:2" in text
    assert "indicator 3.1" in text
    assert "%?" in text
    assert result.indicator("3.1").actual == Fraction(value)


def test_the_warning_shows_the_value_as_a_spreadsheet_does(test_set):
    with pytest.warns(SuspiciousValueWarning, match="0,8 — 80 %"):
        assess(commune(), test_set, [Observation("3.1", 0.8)], on=ON_2022)


@pytest.mark.parametrize(
    ("code", "value"),
    [
        ("3.1", Q_(0.8, "percent")),  # the unit says so: meant
        ("3.1", 0),  # 0 % is 0 of a whole either way
        ("3.1", 2),
        ("13.2", 1),  # not a percent
        ("11.1", 0.8),  # the threshold (6 %, or unspecified) — see below
    ],
)
def test_no_warning_where_the_value_is_not_ambiguous(test_set, code, value):
    place = commune("DBSH") if code != "11.1" else commune("TDMNPB")
    with warnings.catch_warnings():
        warnings.simplefilter("error", SuspiciousValueWarning)
        if code == "11.1":
            # A poverty rate of 0,8 % under a 6 % threshold: every threshold is above 1, so warn.
            with pytest.warns(SuspiciousValueWarning):
                assess(place, test_set, [Observation(code, value)], on=ON_2022)
        else:
            assess(place, test_set, [Observation(code, value)], on=ON_2022)


def test_no_warning_when_a_threshold_is_at_most_one():
    from ntm_criteria import loads_set

    tiny = loads_set(
        'id = "t"\ntitle_vi = "t"\ntitle_en = "t"\nscope = "commune"\nlevel = "standard"\n'
        'valid_from = 2022-01-01\nlegal_basis = "t"\nconfidence = "illustrative"\n'
        '[[criteria]]\nnumber = 1\nname_vi = "a"\nname_en = "a"\n'
        '[[criteria.indicators]]\ncode = "1.1"\nname_vi = "a"\nname_en = "a"\n'
        'unit = "percent"\nrequirement = { at_most = 0.5 }\n'
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error", SuspiciousValueWarning)
        assess(commune(), tiny, [Observation("1.1", 0.4)], on=ON_2022)


# -- invariants --------------------------------------------------------------------------------


def observed_value(test_set, code, value):
    result = assess(commune(), test_set, [Observation(code, value)], on=ON_2022)
    return result.indicator(code).actual


PERCENTS = st.fractions(min_value=0, max_value=100, max_denominator=10**6)
OUTSIDE = st.fractions(min_value=-(10**12), max_value=0, max_denominator=10**6).filter(
    bool
) | st.fractions(min_value=100, max_value=10**12, max_denominator=10**6).filter(lambda x: x > 100)


@given(PERCENTS)
def test_a_percent_inside_the_domain_never_errors(test_set, number):
    assert observed_value(test_set, "3.1", Q_(number, "percent")) == number


@given(OUTSIDE)
def test_a_percent_outside_the_domain_always_errors(test_set, number):
    with pytest.raises(ObservationError, match=r"indicator 3\.1"):
        observed_value(test_set, "3.1", Q_(number, "percent"))


@given(st.integers(min_value=0, max_value=10**12))
def test_an_income_inside_the_domain_never_errors(test_set, number):
    observed_value(test_set, "10.1", Q_(number, "VND / person / month"))


@given(st.integers(max_value=-1, min_value=-(10**12)))
def test_a_negative_income_always_errors(test_set, number):
    with pytest.raises(ObservationError, match=r"indicator 10\.1"):
        observed_value(test_set, "10.1", Q_(number, "VND / person / month"))


# -- every error about a value names where it comes from ---------------------------------------


def test_a_wrong_dimension_read_from_csv_names_the_locality_row_and_indicator(test_set):
    table = "locality;indicator;value\n00001;10.1;86 %\n"
    observations = reads_observations(table, file="quy2.csv")["00001"]
    with pytest.raises(UnitError) as caught:
        assess(commune(), test_set, observations, on=ON_2022)
    assert str(caught.value).startswith("00001 (Xã Thử), quy2.csv:2: indicator 10.1: ")


def test_a_wrong_kind_names_the_locality_and_the_indicator(test_set):
    with pytest.raises(ObservationError) as caught:
        assess(commune(), test_set, [Observation("3.2", 85)], on=ON_2022)
    assert str(caught.value).startswith("00001 (Xã Thử): observation for indicator 3.2: ")
    assert caught.value.indicator == "3.2"


def test_two_rows_for_one_date_name_both_rows_and_the_locality(test_set):
    table = (
        "locality,indicator,value,unit,as_of\n00001,3.1,85,,31/5/2022\n00001,3.1,86,,31/5/2022\n"
    )
    observations = reads_observations(table, file="quy2.csv")["00001"]
    with pytest.raises(ObservationError) as caught:
        assess(commune(), test_set, observations, on=ON_2022)
    text = str(caught.value)
    assert text.startswith("00001 (Xã Thử): observation for indicator 3.1: ")
    assert "(quy2.csv:2, quy2.csv:3)" in text


def test_an_unknown_indicator_names_the_locality(test_set):
    with pytest.raises(UnknownCodeError, match=r"^00001 \(Xã Thử\): observations for set"):
        assess(commune(), test_set, [Observation("99.9", 1)], on=ON_2022)


def _one_indicator_set(domain: Domain) -> CriterionSet:
    indicator = Indicator("1.1", "a", "a", Unspecified(), unit="household", domain=domain)
    return CriterionSet(
        id="t",
        title_vi="t",
        title_en="t",
        scope=("commune",),
        level=Level.STANDARD,
        valid_from=datetime.date(2022, 1, 1),
        valid_to=None,
        legal_basis="t",
        criteria=[Criterion(1, "a", "a", [indicator])],
    )


BOUND = st.none() | st.fractions(min_value=-1000, max_value=1000, max_denominator=100)


@given(BOUND, BOUND, st.fractions(min_value=-2000, max_value=2000, max_denominator=100))
def test_a_value_errors_exactly_when_it_is_outside_the_declared_domain(low, high, number):
    if low is not None and high is not None and low > high:
        low, high = high, low
    domain = Domain(low, high)
    one = _one_indicator_set(domain)
    inside = (low is None or number >= low) and (high is None or number <= high)
    observations = [Observation("1.1", Q_(number, "household"))]
    if inside:
        assert assess(commune(), one, observations, on=ON_2022).indicator("1.1").actual == number
    else:
        with pytest.raises(ObservationError, match=r"indicator 1\.1"):
            assess(commune(), one, observations, on=ON_2022)


def test_an_int_and_an_equal_float_are_each_read_as_written(test_set):
    # 2**60 == 2.0**60 in Python, but the float counts as the decimal it prints as
    # (1152921504606847000): neither may borrow the other's reading from a cache.
    exact, printed = 2**60, 2.0**60
    assert exact == printed
    assert Fraction(repr(printed)) != exact
    for first, second in ((printed, exact), (exact, printed)):
        readings = [
            assess(commune(), test_set, [Observation("13.2", value)], on=ON_2022)
            .indicator("13.2")
            .actual
            for value in (first, second, first)
        ]
        expected = [
            Fraction(repr(v)) if isinstance(v, float) else Fraction(v)
            for v in (first, second, first)
        ]
        assert readings == expected
