"""Invariants of urban classification and OCOP ratings.

More points never lower a star rating or an urban pass; a better value of a
standard never lowers its points; points stay within their bounds (a
standard within [0, max], a total within [0, 100]); loaders raise nothing but
NtmError.
"""

from __future__ import annotations

import contextlib
import datetime
import json
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from ntm_criteria import Locality, Observation, Status
from ntm_criteria.errors import NtmError
from ntm_criteria.ocop import Product, loads_products, rate, stars_for
from ntm_criteria.rules import Fixed
from ntm_criteria.urban import (
    Standard,
    classify,
    example_standards,
    loads_standards,
)

TABLE = example_standards()
TOWN = Locality("99100", "Minh Họa", "town", region="DBSH")
ON = datetime.date(2024, 6, 30)

scores = st.fractions(min_value=0, max_value=100, max_denominator=10_000)
values = st.fractions(min_value=-1_000, max_value=1_000, max_denominator=1_000)


def _rank(status: Status) -> int:
    return {Status.NOT_MET: 0, Status.UNKNOWN: 1, Status.MET: 2}[status]


# -- OCOP ---------------------------------------------------------------------------------------


@given(scores, scores)
def test_more_points_never_lower_the_stars(a: Fraction, b: Fraction) -> None:
    low, high = sorted((a, b))
    assert stars_for(low) <= stars_for(high)


@given(scores)
def test_stars_are_between_one_and_five(score: Fraction) -> None:
    assert 1 <= stars_for(score) <= 5


@given(
    st.fractions(min_value=0, max_value=40, max_denominator=100),
    st.fractions(min_value=0, max_value=25, max_denominator=100),
    st.fractions(min_value=0, max_value=35, max_denominator=100),
    st.sampled_from(["A", "B", "C"]),
    st.fractions(min_value=0, max_value=10, max_denominator=100),
)
def test_more_points_in_a_part_never_lower_the_stars(
    a: Fraction, b: Fraction, c: Fraction, part: str, extra: Fraction
) -> None:
    maxima = {"A": 40, "B": 25, "C": 35}
    parts = {"A": a, "B": b, "C": c}
    raised = dict(parts)
    raised[part] = min(parts[part] + extra, Fraction(maxima[part]))
    before = rate(Product("P", "x", "1", "1/6/2024", parts=parts))
    after = rate(Product("P", "x", "1", "1/6/2024", parts=raised))
    assert before.score <= after.score <= 100
    assert before.stars <= after.stars


# Scalar and small composite TOML values of every type, written as TOML text.
toml_values = st.one_of(
    st.integers(min_value=-(10**6), max_value=10**6).map(str),
    st.floats(allow_nan=False, allow_infinity=False, width=32).map(repr),
    st.text(max_size=12).map(json.dumps),
    st.booleans().map(lambda b: "true" if b else "false"),
    st.dates(min_value=datetime.date(2015, 1, 1), max_value=datetime.date(2030, 1, 1)).map(
        datetime.date.isoformat
    ),
    st.lists(st.integers(min_value=-5, max_value=50), max_size=3).map(str),
    st.dictionaries(
        st.sampled_from(["A", "B", "C", "D", "value", "by_region", "unspecified"]),
        st.integers(min_value=-5, max_value=120),
        max_size=3,
    ).map(lambda d: "{" + ", ".join(f"{k} = {v}" for k, v in d.items()) + "}"),
)


def _documents(table: str, keys: list[str]) -> st.SearchStrategy[str]:
    """TOML documents of ``[[table]]`` entries with random keys and values of any type."""
    entry = st.dictionaries(st.sampled_from(keys), toml_values, max_size=len(keys)).map(
        lambda d: f"[[{table}]]\n" + "".join(f"{k} = {v}\n" for k, v in d.items())
    )
    return st.lists(entry, max_size=3).map("".join)


PRODUCT_KEYS = ["code", "name_vi", "commune", "scored_on", "parts", "total", "group", "oops"]
TABLE_KEYS = [
    "code",
    "criterion",
    "name_vi",
    "name_en",
    "unit",
    "direction",
    "min_level",
    "max_level",
    "min_points",
    "max_points",
]
TABLE_HEADER = (
    'id = "t"\ntitle_vi = "t"\ntitle_en = "t"\nregime = "26/2022/UBTVQH15"\nclass = "IV"\n'
)


@settings(max_examples=100, deadline=None)
@given(_documents("products", PRODUCT_KEYS))
def test_the_products_loader_raises_only_ntm_errors(text: str) -> None:
    with contextlib.suppress(NtmError):
        for product in loads_products(text):
            assert 0 <= rate(product).score <= 100


# -- one standard -----------------------------------------------------------------------------


@st.composite
def standards(draw: st.DrawFn) -> Standard:
    low = draw(st.fractions(min_value=-100, max_value=100, max_denominator=100))
    span = draw(st.fractions(min_value=0, max_value=100, max_denominator=100))
    min_points = draw(st.fractions(min_value=0, max_value=10, max_denominator=100))
    extra = draw(st.fractions(min_value=0, max_value=10, max_denominator=100))
    direction = draw(st.sampled_from(["higher", "lower"]))
    high = low + span if direction == "higher" else low - span
    return Standard(
        "9.1",
        5,
        "x",
        "x",
        Fixed(low),
        Fixed(high),
        min_points,
        min_points + extra,
        direction=direction,
    )


@given(standards(), values, values)
def test_a_better_value_never_lowers_the_points(
    standard: Standard, a: Fraction, b: Fraction
) -> None:
    worse, better = sorted((a, b))
    if standard.direction.value == "lower":
        worse, better = better, worse
    low_points = standard.points_for(worse)
    high_points = standard.points_for(better)
    assert low_points is not None
    assert high_points is not None
    assert low_points <= high_points


@given(standards(), values)
def test_points_stay_within_the_standards_bounds(standard: Standard, value: Fraction) -> None:
    points = standard.points_for(value)
    assert points is not None
    assert points == 0 or standard.min_points <= points <= standard.max_points


# -- the whole classification -----------------------------------------------------------------


def _observations(draw: st.DrawFn) -> dict[str, Fraction]:
    found: dict[str, Fraction] = {}
    for standard in TABLE.standards:
        if draw(st.booleans()):
            low, high = standard.min_level, standard.max_level
            assert isinstance(low, Fixed)
            assert isinstance(high, Fixed)
            lo, hi = sorted((low.amount, high.amount))
            margin = (hi - lo) or Fraction(1)
            found[standard.code] = draw(
                st.fractions(min_value=lo - margin, max_value=hi + margin, max_denominator=100)
            )
    return found


@st.composite
def observation_sets(draw: st.DrawFn) -> dict[str, Fraction]:
    return _observations(draw)


@settings(max_examples=150, deadline=None)
@given(observation_sets())
def test_total_points_stay_between_0_and_100(values: dict[str, Fraction]) -> None:
    result = classify(TOWN, TABLE, [Observation(k, v) for k, v in values.items()], on=ON)
    assert 0 <= result.total_low <= result.total_high <= 100
    for outcome in result.standards:
        assert 0 <= outcome.points_low <= outcome.points_high <= outcome.max_points
    if result.total is not None:
        assert result.total == sum(s.points or 0 for s in result.standards)


@settings(max_examples=150, deadline=None)
@given(observation_sets(), st.data())
def test_a_better_value_never_lowers_the_total_or_the_pass(
    values: dict[str, Fraction], data: st.DataObject
) -> None:
    code = data.draw(st.sampled_from([s.code for s in TABLE.standards]))
    standard = TABLE.standard(code)
    step = data.draw(st.fractions(min_value=0, max_value=50, max_denominator=10))
    improved = dict(values)
    base = values.get(code)
    if base is None:
        # Supplying a missing value may decide the status either way; only
        # improve values that were given.
        return
    improved[code] = base + step if standard.direction.value == "higher" else base - step
    before = classify(TOWN, TABLE, [Observation(k, v) for k, v in values.items()], on=ON)
    after = classify(TOWN, TABLE, [Observation(k, v) for k, v in improved.items()], on=ON)
    assert before.total_low <= after.total_low
    assert before.total_high <= after.total_high
    assert _rank(before.status) <= _rank(after.status)
    assert after.met_count >= before.met_count


@settings(max_examples=100, deadline=None)
@given(_documents("standards", TABLE_KEYS))
def test_the_standards_loader_raises_only_ntm_errors(text: str) -> None:
    with contextlib.suppress(NtmError):
        table = loads_standards(TABLE_HEADER + text)
        result = classify(TOWN, table, [], on=ON)
        assert 0 <= result.total_low <= result.total_high <= 100
