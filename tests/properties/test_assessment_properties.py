"""Invariants of assess(): monotone in values, unit-blind, unknown stays honest, round trips."""

from __future__ import annotations

import datetime
import json
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ntm_criteria import Q_, AssessmentResult, Locality, Observation, Status, assess, demo

SET = demo.criterion_set()
ON = datetime.date(2023, 6, 30)
REGIONS = ("TDMNPB", "DBSH", "BTB", "DHNTB", "TN", "DNB", "DBSCL")
TAGS = ("extremely_difficult", "safe_zone", "poor_district", "island", "border")

PASS_FAIL = ("1.1", "3.2", "13.1", "13.3", "17.2", "19.1")
PERCENT_AT_LEAST = ("3.1", "4.1", "17.1")


def _rank(status: Status) -> int:
    return {Status.NOT_MET: 0, Status.UNKNOWN: 1, Status.MET: 2}.get(status, 1)


localities = st.builds(
    lambda region, tags: Locality(
        "00001", "Xã Thử", "commune", region=region, tags=frozenset(tags)
    ),
    st.sampled_from(REGIONS),
    st.sets(st.sampled_from(TAGS), max_size=3),
)
percents = st.decimals(min_value=0, max_value=100, places=2)
incomes = st.decimals(min_value=0, max_value=200, places=2)


@st.composite
def observation_sets(draw: st.DrawFn) -> dict[str, object]:
    """A random subset of the demo indicators with random values."""
    values: dict[str, object] = {}
    for code in PASS_FAIL:
        if draw(st.booleans()):
            values[code] = draw(st.booleans())
    for code in PERCENT_AT_LEAST:
        if draw(st.booleans()):
            values[code] = Q_(draw(percents), "percent")
    if draw(st.booleans()):
        values["10.1"] = Q_(draw(incomes), "million_VND / person / year")
    if draw(st.booleans()):
        values["11.1"] = Q_(draw(percents), "percent")
    if draw(st.booleans()):
        values["13.2"] = draw(st.integers(min_value=0, max_value=5))
    return values


def _observations(values: dict[str, object]) -> list[Observation]:
    return [Observation(code, value) for code, value in values.items()]  # type: ignore[arg-type]


@settings(max_examples=150, deadline=None)
@given(
    localities,
    observation_sets(),
    st.sampled_from(PERCENT_AT_LEAST),
    st.decimals(min_value=0, max_value=50, places=2),
)
def test_raising_an_at_least_value_never_lowers_a_status(place, values, code, rise):
    before = values.get(code, Q_(Decimal(0), "percent"))
    higher = dict(values)
    higher[code] = Q_(min(before.magnitude + rise, Decimal(100)), "percent")
    lower = dict(values)
    lower[code] = before
    low = assess(place, SET, _observations(lower), on=ON)
    high = assess(place, SET, _observations(higher), on=ON)
    assert _rank(high.indicator(code).status) >= _rank(low.indicator(code).status)
    for c_low, c_high in zip(low.criteria, high.criteria, strict=True):
        assert _rank(c_high.status) >= _rank(c_low.status)
    assert high.met_count >= low.met_count


@settings(max_examples=150, deadline=None)
@given(localities, observation_sets(), st.decimals(min_value=0, max_value=50, places=2))
def test_lowering_an_at_most_value_never_lowers_a_status(place, values, fall):
    before = values.get("11.1", Q_(Decimal(100), "percent"))
    lower = dict(values)
    lower["11.1"] = Q_(max(before.magnitude - fall, Decimal(0)), "percent")
    higher = dict(values)
    higher["11.1"] = before
    worse = assess(place, SET, _observations(higher), on=ON)
    better = assess(place, SET, _observations(lower), on=ON)
    assert _rank(better.criterion(11).status) >= _rank(worse.criterion(11).status)
    assert better.met_count >= worse.met_count


@settings(max_examples=150, deadline=None)
@given(localities, incomes)
def test_the_same_income_in_other_units_gives_the_same_outcome(place, amount):
    yearly = Q_(amount, "million_VND / person / year")
    monthly_vnd = Q_(Fraction(amount) * 1_000_000 / 12, "VND / person / month")
    thousands = Q_(Fraction(amount) * 1000, "thousand_VND / person / year")
    outcomes = [
        assess(place, SET, [Observation("10.1", value)], on=ON).indicator("10.1")
        for value in (yearly, monthly_vnd, thousands)
    ]
    assert len({(o.status, o.actual, o.gap) for o in outcomes}) == 1


@settings(max_examples=150, deadline=None)
@given(localities, percents)
def test_a_share_as_percent_or_fraction_gives_the_same_outcome(place, share):
    as_percent = Q_(share, "percent")
    as_fraction = Q_(Fraction(share) / 100, "dimensionless")
    bare = share
    outcomes = {
        assess(place, SET, [Observation("3.1", value)], on=ON).indicator("3.1").status
        for value in (as_percent, as_fraction, bare)
    }
    assert len(outcomes) == 1


@settings(max_examples=100, deadline=None)
@given(localities, observation_sets(), st.sampled_from(PASS_FAIL + PERCENT_AT_LEAST))
def test_unknown_never_becomes_met_by_an_unrelated_observation(place, values, extra):
    values = {code: v for code, v in values.items() if code != extra}
    base = assess(place, SET, _observations(values), on=ON)
    value = True if extra in PASS_FAIL else Q_(50, "percent")
    more = assess(place, SET, _observations({**values, extra: value}), on=ON)
    extra_criterion = SET.criterion_of(extra).number
    for before, after in zip(base.criteria, more.criteria, strict=True):
        if before.number != extra_criterion and before.status is Status.UNKNOWN:
            assert after.status is Status.UNKNOWN


@settings(max_examples=60, deadline=None)
@given(localities, observation_sets())
def test_every_result_round_trips(place, values):
    result = assess(place, SET, _observations(values), on=ON)
    data = json.loads(json.dumps(result.to_dict(), ensure_ascii=False))
    assert AssessmentResult.from_dict(data) == result


@settings(max_examples=100, deadline=None)
@given(localities, observation_sets())
def test_counts_add_up(place, values):
    result = assess(place, SET, _observations(values), on=ON)
    counted = (
        result.met_count + result.not_met_count + result.unknown_count + result.not_applicable_count
    )
    assert counted == result.total
    assert (result.status is Status.MET) == (
        result.met_count + result.not_applicable_count == result.total
    )


# -- generated bad input (issue 9): only the library's own errors escape ---------------

from ntm_criteria import NtmError, catalog  # noqa: E402

# Generated values include bare shares such as 0.37 given to percent indicators: the
# library warns of them ("37 %?") and reads them as given, which these properties test.
pytestmark = pytest.mark.filterwarnings("ignore::ntm_criteria.assessment.SuspiciousValueWarning")

SETS = [SET, *(catalog.get(info.id) for info in catalog.list_sets())]
UNITS = ("percent", "dimensionless", "m", "kg", "VND / person / year", "million_VND", "km / h", "")


def _nfd(text: str) -> str:
    import unicodedata

    return unicodedata.normalize("NFD", text)


texts = st.one_of(
    st.sampled_from(["Tốt", "Khá", "đạt", "không đạt", "chưa đạt", "có", "không", "Tốt "]),
    st.text(max_size=12),
).flatmap(lambda t: st.sampled_from([t, _nfd(t)]))
huge = st.sampled_from([40, 4000, 31]).map(lambda n: (-1) ** n * 10**n) | st.sampled_from(
    [1e300, float("inf"), float("-inf"), float("nan"), 1e-300]
)
numbers = st.one_of(
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.decimals(allow_nan=True, allow_infinity=True),
    st.fractions(),
    huge,
)
quantities = st.builds(
    lambda n, u: (n, u), st.one_of(numbers, st.decimals(-(10**6), 10**6)), st.sampled_from(UNITS)
)
values = st.one_of(st.booleans(), texts, numbers, quantities, st.none(), st.just([1]))


def _value(raw: object) -> object:
    if isinstance(raw, tuple):
        magnitude, unit = raw
        return Q_(magnitude, unit)  # may raise an NtmError itself: the caller's business
    return raw


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(SETS), localities, st.data())
def test_any_observation_gives_a_result_or_an_ntm_error(criterion_set, place, data):
    codes = [i.code for i in criterion_set.indicators()]
    chosen = data.draw(st.lists(st.sampled_from(codes), max_size=6, unique=True))
    kinds = [str(k.value) for k in criterion_set.scope]
    place = Locality("00001", "Xã Thử", kinds[0], region=place.region, tags=place.tags)
    try:
        observations = [Observation(code, _value(data.draw(values))) for code in chosen]  # type: ignore[arg-type]
        on = criterion_set.valid_from
        result = assess(place, criterion_set, observations, on=on)
    except NtmError:
        return
    result.explain("vi"), result.explain("en"), repr(result)
    text = json.dumps(result.to_dict(), ensure_ascii=False)
    assert AssessmentResult.from_dict(json.loads(text)) == result


GRADES = st.lists(
    st.sampled_from(["Tốt", "Khá", "Trung bình", "Kém", "Xuất sắc", "Đạt", "Ổn định"]),
    min_size=1,
    max_size=3,
    unique=True,
)


@settings(max_examples=100, deadline=None)
@given(localities, GRADES, st.sampled_from(["Tốt", "Khá", "Trung bình", "Kém", "Xuất sắc"]))
def test_a_decomposed_grade_gives_the_composed_result(place, grades, grade):
    # Regression (issue 9): NFD "Tốt" was not one of ["Tốt", "Khá"].
    from ntm_criteria import loads_set

    listed = ", ".join(f'"{g}"' for g in grades)
    text = f"""
id = "graded"
title_vi = "Bộ thử"
title_en = "Test set"
scope = "commune"
level = "standard"
valid_from = 2022-01-01
legal_basis = "test"
[[criteria]]
number = 1
name_vi = "Xếp loại"
name_en = "Grade"
[[criteria.indicators]]
code = "1.1"
name_vi = "Xếp loại"
name_en = "Grade"
requirement = {{ one_of = [{listed}] }}
"""
    results = [
        assess(place, loads_set(set_text), [Observation("1.1", observed)], on=ON)
        for set_text in (text, _nfd(text))
        for observed in (grade, _nfd(grade))
    ]
    assert {r.indicator("1.1").status for r in results} == {
        Status.MET if grade in grades else Status.NOT_MET
    }
