"""Invariants of the requirement language: monotone, round-tripping, total, three-valued."""

from __future__ import annotations

import datetime
import json
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from ntm_criteria.errors import DataErrors
from ntm_criteria.periods import Period
from ntm_criteria.rules import (
    Achieved,
    AllOf,
    AnyOf,
    AtLeast,
    AtLeastK,
    AtMost,
    Between,
    ByDate,
    ByGroup,
    ByRegion,
    ByTag,
    Confidence,
    Context,
    Equals,
    Fixed,
    OneOf,
    Problems,
    Provenance,
    Ref,
    Status,
    Unspecified,
    combine_all,
    combine_any,
    combine_at_least,
    evaluate,
    requirement_from_data,
    requirement_to_data,
    resolve,
    resolve_requirement,
    value_from_data,
    value_to_data,
)

M, NM, U, NA = Status.MET, Status.NOT_MET, Status.UNKNOWN, Status.NOT_APPLICABLE

# --------------------------------------------------------------------------- strategies

# Thresholds as written in decisions (decimals) and as computed (any small fraction).
numbers = st.one_of(
    st.decimals(min_value=-(10**6), max_value=10**6, places=3, allow_nan=False).map(Fraction),
    st.fractions(min_value=-(10**6), max_value=10**6, max_denominator=10**4),
)
notes = st.text(max_size=20)
provenances = st.builds(
    Provenance,
    source=st.none() | st.text(max_size=20),
    confidence=st.sampled_from(Confidence),
    certainty=st.sampled_from([None, "high", "medium", "low"]),
)
fixed = st.builds(Fixed, numbers, st.none() | provenances)
missing = st.tuples(st.sampled_from(["region", "group", "tag", "date"]), st.text(max_size=10))
unspecified_values = st.builds(
    Unspecified,
    note=st.none() | notes,
    provenance=st.none() | provenances,
    missing=st.none() | missing,
)
# A requirement Unspecified never has `missing` (that is only set on resolved values).
unspecified_requirements = st.builds(
    Unspecified, note=st.none() | notes, provenance=st.none() | provenances
)


@st.composite
def _year_periods(draw: st.DrawFn) -> list[Period]:
    years = draw(st.lists(st.integers(1990, 2060), min_size=1, max_size=4, unique=True))
    return [Period.year(year) for year in years]


@st.composite
def _disjoint_spans(draw: st.DrawFn) -> list[Period]:
    """Disjoint periods, from consecutive pairs of distinct sorted days, in a random order."""
    days = draw(
        st.lists(
            st.dates(datetime.date(1990, 1, 1), datetime.date(2060, 12, 31)),
            min_size=2,
            max_size=8,
            unique=True,
        )
    )
    days.sort()
    spans = [Period(days[i], days[i + 1]) for i in range(0, len(days) - 1, 2)]
    return draw(st.permutations(spans))


def _extend_values(children: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    defaults = st.none() | children
    by_region = st.builds(
        ByRegion, st.dictionaries(st.text(max_size=8), children, min_size=1, max_size=3), defaults
    )
    by_group = st.builds(
        ByGroup,
        st.dictionaries(st.sampled_from([1, 2, 3]), children, min_size=1, max_size=3),
        defaults,
    )
    by_tag = st.builds(
        ByTag,
        st.lists(
            st.tuples(st.text(max_size=8), children),
            min_size=1,
            max_size=3,
            unique_by=lambda c: c[0],
        ),
        defaults,
    )

    @st.composite
    def by_date(draw: st.DrawFn) -> ByDate:
        periods = draw(_year_periods() | _disjoint_spans())
        cases = [(period, draw(children)) for period in periods]
        return ByDate(cases, draw(defaults))

    return by_region | by_group | by_tag | by_date()


values = st.recursive(fixed | unspecified_values, _extend_values, max_leaves=6)


@st.composite
def _between(draw: st.DrawFn) -> Between:
    low, high = draw(values), draw(values)
    if isinstance(low, Fixed) and isinstance(high, Fixed) and low.amount > high.amount:
        low, high = high, low
    return Between(low, high)


def _combinations(children: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    items = st.lists(children, min_size=1, max_size=4)

    @st.composite
    def at_least_k(draw: st.DrawFn) -> AtLeastK:
        drawn = draw(items)
        return AtLeastK(draw(st.integers(1, len(drawn))), drawn)

    return st.builds(AllOf, items) | st.builds(AnyOf, items) | at_least_k()


number_leaves = (
    st.builds(AtLeast, values)
    | st.builds(AtMost, values)
    | st.builds(Equals, values)
    | _between()
    | unspecified_requirements
)
bool_leaves = st.just(Achieved()) | unspecified_requirements
grade_leaves = (
    st.builds(OneOf, st.lists(st.text(min_size=1, max_size=10), min_size=1, max_size=3))
    | unspecified_requirements
)

# Composites never mix kinds of values (the reader refuses that), so each kind grows its own tree.
requirements = st.one_of(
    st.recursive(number_leaves, _combinations, max_leaves=6),
    st.recursive(bool_leaves, _combinations, max_leaves=6),
    st.recursive(grade_leaves, _combinations, max_leaves=6),
)
# A criterion's or a set's rule: a combination of codes (and, rarely, plain requirements).
rules = _combinations(
    st.recursive(
        st.builds(Ref, st.text(max_size=6)) | st.just(Achieved()), _combinations, max_leaves=6
    )
)

json_like = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=12)
    | st.sampled_from(["achieved", "unspecified", "2022-01-01", "1/3"]),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                [
                    "at_least",
                    "at_most",
                    "between",
                    "equals",
                    "achieved",
                    "one_of",
                    "unspecified",
                    "all_of",
                    "any_of",
                    "at_least_k",
                    "of",
                    "ref",
                    "value",
                    "default",
                    "by_region",
                    "by_group",
                    "by_tag",
                    "by_year",
                    "by_date",
                    "from",
                    "until",
                    "source",
                    "confidence",
                    "certainty",
                    "missing",
                    "1",
                    "2022",
                ]
            )
            | st.text(max_size=8),
            children,
            max_size=4,
        )
    ),
    max_leaves=12,
)

statuses = st.sampled_from(Status)
applicable = st.sampled_from([M, NM, U])
_RANK = {NM: 0, U: 1, M: 2}


# --------------------------------------------------------------------------- monotonicity


@given(numbers, numbers, numbers)
def test_at_least_is_monotone(threshold: Fraction, x: Fraction, y: Fraction) -> None:
    low, high = min(x, y), max(x, y)
    if evaluate(AtLeast(Fixed(threshold)), low).status is M:
        assert evaluate(AtLeast(Fixed(threshold)), high).status is M


@given(numbers, numbers, numbers)
def test_at_most_is_monotone(threshold: Fraction, x: Fraction, y: Fraction) -> None:
    low, high = min(x, y), max(x, y)
    if evaluate(AtMost(Fixed(threshold)), high).status is M:
        assert evaluate(AtMost(Fixed(threshold)), low).status is M


@given(numbers, numbers)
def test_gap_is_the_distance_to_the_threshold(threshold: Fraction, actual: Fraction) -> None:
    verdict = evaluate(AtLeast(Fixed(threshold)), actual)
    if actual >= threshold:
        assert verdict.status is M
        assert verdict.gap is None
    else:
        assert verdict.status is NM
        assert verdict.gap == threshold - actual > 0
        assert verdict.relative_gap == (verdict.gap / abs(threshold) if threshold else None)


# --------------------------------------------------------------------------- round trips


def _read(data: object, *, refs: bool = False) -> tuple[Any, Problems]:
    problems = Problems()
    return requirement_from_data(data, "", problems, refs=refs), problems


@given(requirements)
def test_requirement_round_trip(requirement: Any) -> None:
    data = requirement_to_data(requirement)
    result, problems = _read(data)
    assert not problems, [str(p) for p in problems.items]
    assert result == requirement
    # the plain form is JSON, and survives a trip through it
    assert _read(json.loads(json.dumps(data)))[0] == requirement


@given(rules)
def test_rule_round_trip(rule: Any) -> None:
    data = requirement_to_data(rule)
    result, problems = _read(json.loads(json.dumps(data)), refs=True)
    assert not problems, [str(p) for p in problems.items]
    assert result == rule


@given(values)
def test_value_round_trip(value: Any) -> None:
    data = value_to_data(value)
    for written in (data, json.loads(json.dumps(data))):
        problems = Problems()
        assert value_from_data(written, "", problems) == value
        assert not problems, [str(p) for p in problems.items]


# --------------------------------------------------------------------------- resolving

contexts = st.builds(
    Context,
    on=st.dates(datetime.date(1985, 1, 1), datetime.date(2065, 12, 31)),
    region=st.none() | st.text(max_size=8),
    group=st.none() | st.sampled_from([1, 2, 3]),
    tags=st.frozensets(st.text(max_size=8), max_size=3),
)


@given(values, contexts)
def test_resolve_gives_a_leaf(value: Any, context: Context) -> None:
    assert isinstance(resolve(value, context), Fixed | Unspecified)


@given(requirements, contexts, numbers)
def test_resolved_requirements_evaluate(
    requirement: Any, context: Context, actual: Fraction
) -> None:
    resolved = resolve_requirement(requirement, context)
    assert resolve_requirement(resolved, context) == resolved
    assert evaluate(resolved, actual).status in (M, NM, U)


# --------------------------------------------------------------------------- total reader


@given(json_like, st.booleans())
def test_reader_never_raises(data: object, refs: bool) -> None:
    result, problems = _read(data, refs=refs)
    if result is None:
        assert problems
    else:
        assert isinstance(
            result,
            AtLeast
            | AtMost
            | Between
            | Equals
            | Achieved
            | OneOf
            | Unspecified
            | AllOf
            | AnyOf
            | AtLeastK,
        )
    if problems:
        with pytest.raises(DataErrors) as caught:
            problems.raise_if_any("x.toml")
        assert len(caught.value.errors) == len(problems.items)
        assert all(
            err.key_path is None or isinstance(err.key_path, str) for err in caught.value.errors
        )
    else:
        problems.raise_if_any("x.toml")


def _damage(draw: st.DrawFn, data: object) -> object:
    """Replace one node of ``data``, somewhere down one path, with arbitrary JSON-like data."""
    if isinstance(data, dict) and data and draw(st.booleans()):
        key = draw(st.sampled_from(sorted(data)))
        return {**data, key: _damage(draw, data[key])}
    if isinstance(data, list) and data and draw(st.booleans()):
        index = draw(st.integers(0, len(data) - 1))
        return [*data[:index], _damage(draw, data[index]), *data[index + 1 :]]
    return draw(json_like)


@st.composite
def damaged_requirements(draw: st.DrawFn) -> object:
    return _damage(draw, requirement_to_data(draw(requirements)))


@given(damaged_requirements())
def test_reader_never_raises_on_damaged_requirements(data: object) -> None:
    result, problems = _read(data)
    assert result is not None or problems
    if problems:
        with pytest.raises(DataErrors):
            problems.raise_if_any()


@given(json_like)
def test_value_reader_never_raises(data: object) -> None:
    problems = Problems()
    result = value_from_data(data, "v", problems)
    assert result is not None or problems


# --------------------------------------------------------------------------- three-valued logic


@given(st.lists(statuses, max_size=8))
def test_all_of_is_met_iff_every_applicable_child_is(children: list[Status]) -> None:
    applicable_children = [s for s in children if s is not NA]
    met = bool(applicable_children) and all(s is M for s in applicable_children)
    assert (combine_all(children) is M) == met


@given(st.lists(statuses, max_size=8))
def test_any_of_is_met_iff_some_child_is(children: list[Status]) -> None:
    assert (combine_any(children) is M) == (M in children)


@given(st.lists(statuses, max_size=8), st.integers(0, 8))
def test_a_failed_child_never_makes_all_of_met(children: list[Status], at: int) -> None:
    with_failure = [*children[:at], NM, *children[at:]]
    assert combine_all(with_failure) is NM


@given(st.lists(statuses, min_size=1, max_size=8), st.integers(0, 8), st.integers(1, 8))
def test_not_applicable_child_changes_nothing(children: list[Status], at: int, k: int) -> None:
    more = [*children[:at], NA, *children[at:]]
    assert combine_all(more) is combine_all(children)
    assert combine_any(more) is combine_any(children)
    assert combine_at_least(k, more) is combine_at_least(k, children)


@given(st.lists(statuses, min_size=1, max_size=8), st.integers(1, 8))
def test_unknown_never_becomes_met_by_adding_not_applicable(children: list[Status], k: int) -> None:
    for combiner in (combine_all, combine_any, lambda s: combine_at_least(k, s)):
        if combiner(children) is U:
            assert combiner([*children, NA]) is U
            assert combiner([NA, *children]) is U


@given(st.lists(applicable, min_size=1, max_size=8), st.integers(1, 8), st.data())
def test_at_least_is_monotone_in_met_children(
    children: list[Status], k: int, data: st.DataObject
) -> None:
    not_met = [i for i, s in enumerate(children) if s is not M]
    assume(not_met)
    i = data.draw(st.sampled_from(not_met))
    better = [*children[:i], M, *children[i + 1 :]]
    assert _RANK[combine_at_least(k, better)] >= _RANK[combine_at_least(k, children)]


@given(st.lists(applicable, min_size=1, max_size=8))
def test_at_least_k_spans_any_to_all(children: list[Status]) -> None:
    assert combine_at_least(1, children) is combine_any(children)
    assert combine_at_least(len(children), children) is combine_all(children)


@given(st.lists(applicable, min_size=1, max_size=8), st.integers(1, 8))
def test_at_least_k_is_antitone_in_k(children: list[Status], k: int) -> None:
    assert _RANK[combine_at_least(k + 1, children)] <= _RANK[combine_at_least(k, children)]


@given(st.lists(applicable, min_size=1, max_size=8))
def test_unknown_is_between_its_resolutions(children: list[Status]) -> None:
    """An unknown result is one that the unknown children could still turn either way."""
    all_met = [M if s is U else s for s in children]
    all_failed = [NM if s is U else s for s in children]
    for combiner in (combine_all, combine_any):
        if combiner(children) is U:
            assert combiner(all_met) is M
            assert combiner(all_failed) is NM
        else:
            assert combiner(all_met) is combiner(children) is combiner(all_failed)


# -- generated plain data (issue 9): readers record problems, never raise ---------------

from hypothesis import settings  # noqa: E402

from ntm_criteria.rules import describe  # noqa: E402

_KEYS = (
    "at_least",
    "at_most",
    "between",
    "equals",
    "one_of",
    "all_of",
    "any_of",
    "at_least_k",
    "of",
    "by_region",
    "by_group",
    "by_tag",
    "by_year",
    "by_date",
    "default",
    "value",
    "unspecified",
    "relative_to",
    "factor",
    "confidence",
    "certainty",
    "source",
    "missing",
    "from",
    "until",
    "DBSH",
    "1",
    "2022",
)
_LEAVES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.sampled_from([40, 4000]).map(lambda n: 10**n),
    st.sampled_from(["1e10000000", "1e5000", "-1e-99", "1/0", "9" * 150]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(["achieved", "unspecified", "Tốt", "Tốt", "official", "high", "2022-01-01"]),
    st.text(max_size=8),
)
_PLAIN = st.recursive(
    _LEAVES,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.sampled_from(_KEYS), inner, max_size=3)
    ),
    max_leaves=20,
)


@settings(max_examples=400, deadline=None)
@given(_PLAIN, st.booleans())
def test_reading_any_plain_data_records_problems_and_never_raises(data, refs):
    problems = Problems()
    requirement = requirement_from_data(data, "rule", problems, refs=refs)
    for problem in problems.items:
        str(problem)  # every problem prints
    if requirement is not None and not problems:
        for lang in ("vi", "en"):
            describe(requirement, None, lang)
        written = json.loads(json.dumps(requirement_to_data(requirement), ensure_ascii=False))
        again = Problems()
        assert requirement_from_data(written, "rule", again, refs=refs) == requirement
        assert not again
