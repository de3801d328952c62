"""The columnar path on the boundaries the library promises, and its errors."""

from __future__ import annotations

import datetime
import sys
from fractions import Fraction

import numpy as np
import pytest

from ntm_criteria import Q_, Locality, Observation, assess, demo
from ntm_criteria.criteria import Criterion, CriterionSet, Indicator
from ntm_criteria.engine import (
    MET,
    NO_DATA,
    NOT_APPLICABLE,
    NOT_MET,
    UNKNOWN,
    UNSPECIFIED,
    compile_set,
    evaluate_columns,
)
from ntm_criteria.errors import DataError, MissingExtraError, ObservationError
from ntm_criteria.rules import AtLeast, AtMost, Equals, Fixed

ON = datetime.date(2024, 6, 30)


def one_indicator(requirement, unit="percent"):
    indicator = Indicator("1.1", "chỉ tiêu", "indicator", requirement, unit=unit)
    return CriterionSet(
        "one",
        "một",
        "one",
        "commune",
        None,
        datetime.date(2020, 1, 1),
        None,
        "test",
        [Criterion(1, "tiêu chí", "criterion", [indicator])],
    )


def statuses(requirement, column, unit="percent"):
    plan = compile_set(one_indicator(requirement, unit), on=ON)
    return evaluate_columns(plan, {"1.1": column}).indicators["1.1"].tolist()


def test_a_share_as_a_fraction_meets_a_percent_threshold_as_the_percent_does():
    assert statuses(AtLeast(Fixed(80)), [80, 79.99]) == [MET, NOT_MET]
    assert statuses(AtLeast(Fixed(80)), ([0.8, 0.7999], "")) == [MET, NOT_MET]


def test_equality_at_57_percent_holds_for_0_57_though_the_float_product_is_not_57():
    assert 0.57 * 100 != 57  # the float product rounds: only the exact value is equal
    assert statuses(Equals(Fixed(57)), ([0.57], "dimensionless")) == [MET]
    assert statuses(AtLeast(Fixed(57)), ([0.57], "dimensionless")) == [MET]
    assert statuses(AtMost(Fixed(Fraction(5699, 100))), ([0.57], "dimensionless")) == [NOT_MET]


def test_a_monthly_income_meets_the_yearly_threshold_it_equals():
    yearly = AtLeast(Fixed(18_000_000))
    unit = "VND / person / year"
    assert statuses(yearly, ([1_500_000, 1_499_999], "VND / person / month"), unit) == [
        MET,
        NOT_MET,
    ]
    month = Q_(np.array([1_500_000.0, 1_499_999.99]), "VND / person / month")
    assert statuses(yearly, month, unit) == [MET, NOT_MET]


def test_a_third_is_decided_on_the_exact_fraction():
    third = AtLeast(Fixed(Fraction(1, 3)))
    # 0.3333333333333333 is the float nearest 1/3 but, read as the decimal it prints, below it.
    assert statuses(third, [0.3333333333333333, Fraction(1, 3), 0.33333333333333337]) == [
        NOT_MET,
        MET,
        MET,
    ]
    assert statuses(AtMost(Fixed(Fraction(1, 3))), np.array([0.3333333333333333])) == [MET]


def test_the_columns_agree_with_assess_on_the_demo_communes():
    criterion_set = demo.criterion_set()
    gazetteer = demo.gazetteer()
    observed = demo.observations()
    places = [gazetteer.effective(code) for code in observed]
    results = [assess(p, criterion_set, observed[p.code], on=demo.ASSESSMENT_DATE) for p in places]
    plan = compile_set(criterion_set, on=demo.ASSESSMENT_DATE)
    columns = {}
    for indicator in plan.indicators:
        values = []
        for place in places:
            found = [o.value for o in observed[place.code] if o.indicator_code == indicator.code]
            values.append(found[-1] if found else None)
        if any(hasattr(v, "magnitude") for v in values):
            values = [None if v is None else v.to(indicator.unit).magnitude for v in values]
        columns[indicator.code] = values
    cols = evaluate_columns(
        plan,
        columns,
        region=[p.region for p in places],
        group=[p.group for p in places],
        tags=[p.tags for p in places],
    )
    assert cols.met_count.tolist() == [r.met_count for r in results]
    codes = {"not_applicable": NOT_APPLICABLE, "met": MET, "unknown": UNKNOWN, "not_met": NOT_MET}
    assert cols.status.tolist() == [codes[r.status.value] for r in results]


def test_missing_values_need_data_and_an_unspecified_threshold_says_so():
    assert statuses(AtLeast(Fixed(80)), [None, float("nan")]) == [UNKNOWN, UNKNOWN]
    plan = compile_set(demo.example_set(), on="15/6/2022")
    cols = evaluate_columns(plan, {"3.1": [None]})
    assert cols.indicator_reasons["3.1"].tolist() == [NO_DATA]
    assert cols.indicator_reasons["10.1"].tolist() == [NO_DATA]
    assert UNSPECIFIED == 2


def test_regions_as_codes_and_labels_choose_the_threshold():
    plan = compile_set(demo.example_set(), on="15/6/2022")
    labels = ["TDMNPB", "DBSCL"]
    cols = evaluate_columns(plan, {"10.1": [40, 40, 40]}, region=(np.array([0, 1, -1]), labels))
    # 39 in TDMNPB, 45 elsewhere (and with no region: the default).
    assert cols.indicators["10.1"].tolist() == [MET, NOT_MET, NOT_MET]


def test_bad_columns_are_the_library_s_errors():
    plan = compile_set(demo.example_set(), on="15/6/2022")
    with pytest.raises(ObservationError, match=r"9\.9"):
        evaluate_columns(plan, {"9.9": [1]})
    with pytest.raises(DataError, match="different lengths"):
        evaluate_columns(plan, {"3.1": [1, 2], "10.1": [1]})
    with pytest.raises(ObservationError, match=r"3\.2"):
        evaluate_columns(plan, {"3.2": [1.5]})
    with pytest.raises(ObservationError, match="not a finite number"):
        evaluate_columns(plan, {"3.1": np.array([1.0, np.inf])})


def test_without_numpy_the_error_names_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "numpy", None)  # import numpy raises ImportError
    plan = compile_set(demo.example_set(), on="15/6/2022")
    with pytest.raises(MissingExtraError, match=r"numpy.*ntm_criteria\[fast\]"):
        evaluate_columns(plan, {})


def test_a_locality_outside_an_indicator_s_tags_is_not_applicable():
    from ntm_criteria.criteria import Applicability

    indicator = Indicator(
        "1.1",
        "đảo",
        "island",
        AtLeast(Fixed(1)),
        unit="dimensionless",
        applies_to=Applicability(tags_any={"island"}),
    )
    built = CriterionSet(
        "t",
        "t",
        "t",
        "commune",
        None,
        datetime.date(2020, 1, 1),
        None,
        "test",
        [Criterion(1, "c", "c", [indicator])],
    )
    cols = evaluate_columns(compile_set(built, on=ON), {"1.1": [0, 0]}, tags=[{"island"}, set()])
    assert cols.indicators["1.1"].tolist() == [NOT_MET, NOT_APPLICABLE]
    result = assess(Locality("1", "x", "commune"), built, [Observation("1.1", 0)], on=ON)
    assert result.status.value == "not_applicable"


def test_values_that_round_as_floats_are_decided_exactly_at_a_threshold():
    # 2**53 + 1 is no float: as one it equals the threshold 2**53; exactly, it is above.
    big = 2**53 + 1
    assert statuses(AtMost(Fixed(2**53)), [big], "dimensionless") == [NOT_MET]
    assert statuses(AtMost(Fixed(2**53)), np.array([big]), "dimensionless") == [NOT_MET]
    # A Fraction a hair above 80 is a float equal to 80.
    hair = Fraction(80) + Fraction(1, 10**20)
    assert float(hair) == 80.0
    assert statuses(AtMost(Fixed(80)), [hair]) == [NOT_MET]
    assert statuses(Equals(Fixed(80)), [hair, Fraction(80)]) == [NOT_MET, MET]


def test_region_codes_out_of_range_are_a_data_error():
    plan = compile_set(demo.example_set(), on="15/6/2022")
    with pytest.raises(DataError, match="region codes"):
        evaluate_columns(plan, {"10.1": [40]}, region=(np.array([2]), ["TDMNPB", "DBSCL"]))


def test_decimals_and_one_tag_written_alone():
    from decimal import Decimal

    assert statuses(AtLeast(Fixed(80)), [Decimal("80"), Decimal("79.99")]) == [MET, NOT_MET]
    plan = compile_set(demo.example_set(), on="15/6/2022")
    cols = evaluate_columns(plan, {"3.1": [85]}, tags=["island"])
    assert cols.indicators["3.1"].tolist() == [MET]


def test_a_value_outside_the_domain_is_refused_as_on_the_object_path():
    with pytest.raises(ObservationError, match=r"row 1: 120 percent is outside"):
        statuses(AtLeast(Fixed(80)), [85, 120])
    with pytest.raises(ObservationError, match="outside"):
        statuses(AtLeast(Fixed(80)), ([0.5, 1.2], ""))
    # At the bound itself, after a conversion that rounds: exactly 100 %.
    assert statuses(AtLeast(Fixed(80)), ([1.0, 0.57], "")) == [MET, NOT_MET]
    with pytest.raises(ObservationError, match="outside"):
        statuses(AtLeast(Fixed(1)), [-1], "dimensionless")


@pytest.mark.parametrize(
    ("column", "problem"),
    [
        ([np.nan, 120.0], "outside the values"),  # no data beside a value beyond the domain
        ([120.0, 50.0], "outside the values"),
        ([np.nan, -np.inf], "not a finite number"),
        ([50.0, np.inf, np.nan], "not a finite number"),
    ],
)
def test_a_bad_value_is_found_beside_no_data_or_alone(column, problem):
    plan = compile_set(demo.example_set(), on="15/6/2022")
    with pytest.raises(ObservationError, match=problem):
        evaluate_columns(plan, {"3.1": np.array(column)})


def test_values_at_the_edges_of_the_domain_beside_no_data_are_read():
    plan = compile_set(demo.example_set(), on="15/6/2022")
    cols = evaluate_columns(plan, {"3.1": np.array([np.nan, 0.0, 100.0])})
    assert cols.indicators["3.1"].tolist() == [UNKNOWN, NOT_MET, MET]
