"""The columnar path, the object path and the pure evaluation give the same answers.

Random sets (thresholds fixed, by region, group or tag, unspecified; 1/3,
0.8 as 80 %, a monthly income against a yearly one) and random data,
including values exactly at a threshold and one float away from it.
"""

from __future__ import annotations

import datetime
from fractions import Fraction

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ntm_criteria import Q_, Locality, Observation, assess
from ntm_criteria.assessment._observation import observed_value
from ntm_criteria.criteria import Applicability, Criterion, CriterionSet, Indicator, RegionRule
from ntm_criteria.engine import code_of, compile_set, evaluate_columns
from ntm_criteria.rules import (
    Achieved,
    AllOf,
    AnyOf,
    AtLeast,
    AtLeastK,
    AtMost,
    Between,
    ByGroup,
    ByRegion,
    ByTag,
    Equals,
    Fixed,
    OneOf,
    Ref,
    Status,
    UnknownReason,
    Unspecified,
    combine,
    evaluate,
    fold,
    resolve_requirement,
)

ON = datetime.date(2024, 6, 30)
REGIONS = ("TDMNPB", "DBSH", "DBSCL")
TAGS = ("island", "extremely_difficult")
THRESHOLDS = (
    Fraction(1, 3),
    Fraction(80),
    Fraction(4, 5),
    Fraction(45),
    Fraction(0),
    Fraction(2, 3),
)
# (unit of the indicator, unit the values come in)
UNITS = (
    ("percent", "percent"),
    ("percent", "dimensionless"),  # 0.8 for 80 %
    ("VND / person / year", "VND / person / month"),  # 1,500,000 a month is 18,000,000 a year
    ("dimensionless", "dimensionless"),
)


def values_of(draw: st.DrawFn) -> object:
    threshold = draw(st.sampled_from(THRESHOLDS))
    return draw(
        st.one_of(
            st.sampled_from(THRESHOLDS),
            st.just(float(threshold)),
            st.floats(min_value=0, max_value=100, allow_nan=False).map(lambda f: round(f, 6)),
            st.integers(min_value=0, max_value=100),
            st.just(Fraction(threshold)),
            # A hair off the threshold: the same float, another exact value.
            st.just(Fraction(threshold) + Fraction(1, 10**20)),
            st.just(abs(Fraction(threshold) - Fraction(1, 10**20))),
        )
    )


def value_specs(draw: st.DrawFn, scale: Fraction) -> object:
    fixed = st.sampled_from(THRESHOLDS).map(lambda t: Fixed(t * scale))
    return draw(
        st.one_of(
            fixed,
            st.just(Unspecified("not known")),
            st.builds(lambda a, b: ByRegion({"TDMNPB": a}, default=b), fixed, fixed),
            st.builds(lambda a: ByRegion({"DBSH": a}), fixed),
            st.builds(lambda a, b: ByGroup({1: a, 3: b}), fixed, fixed),
            st.builds(lambda a, b: ByTag((("island", a),), default=b), fixed, fixed),
        )
    )


@st.composite
def indicators(draw: st.DrawFn, code: str) -> tuple[Indicator, str | None]:
    kind = draw(st.sampled_from(["number", "number", "number", "bool", "grade", "any", "general"]))
    applies = draw(st.sampled_from([None, None, Applicability(tags_any={"island"})]))
    if kind in ("bool", "grade", "any"):
        requirement = {"bool": Achieved(), "grade": OneOf(["Tốt", "Khá"]), "any": Unspecified()}[
            kind
        ]
        return Indicator(code, code, code, requirement, applies_to=applies), None
    unit, given_unit = draw(st.sampled_from(UNITS))
    scale = Fraction(12 * 1_500_000, 80) if unit.startswith("VND") else Fraction(1)
    if kind == "general":
        requirement = AllOf([AtLeast(value_specs(draw, scale)), AtMost(Fixed(100 * scale))])
    else:
        op = draw(st.sampled_from(["at_least", "at_most", "equals", "between"]))
        if op == "between":
            low, high = value_specs(draw, scale), value_specs(draw, scale)
            if isinstance(low, Fixed) and isinstance(high, Fixed) and low.amount > high.amount:
                low, high = high, low  # a fixed pair out of order is refused when built
            requirement = Between(low, high)
        else:
            cls = {"at_least": AtLeast, "at_most": AtMost, "equals": Equals}[op]
            requirement = cls(value_specs(draw, scale))
    return Indicator(code, code, code, requirement, unit=unit, applies_to=applies), given_unit


@st.composite
def criterion_sets(draw: st.DrawFn) -> tuple[CriterionSet, dict[str, str | None]]:
    criteria, given_units = [], {}
    for number in range(1, draw(st.integers(1, 4)) + 1):
        members = []
        for n in range(draw(st.integers(1, 3))):
            indicator, given_unit = draw(indicators(f"{number}.{n + 1}"))
            members.append(indicator)
            given_units[indicator.code] = given_unit
        refs = [Ref(i.code) for i in members]
        rule = draw(st.sampled_from([None, AnyOf(refs), AtLeastK(min(2, len(refs)), refs)]))
        criteria.append(Criterion(number, f"c{number}", f"c{number}", members, rule=rule))
    numbers = [Ref(str(c.number)) for c in criteria]
    rule = draw(st.sampled_from([None, AtLeastK(max(1, len(numbers) - 1), numbers)]))
    rules = draw(st.sampled_from([(), (RegionRule({"extremely_difficult"}, "TDMNPB"),)]))
    built = CriterionSet(
        "random",
        "ngẫu nhiên",
        "random",
        "commune",
        None,
        datetime.date(2020, 1, 1),
        None,
        "test",
        criteria,
        rule=rule,
        region_rules=rules,
    )
    return built, given_units


localities = st.builds(
    lambda n, region, tags, group: Locality(
        f"{n:05d}", f"Xã {n}", "commune", region=region, tags=tags, group=group
    ),
    st.integers(0, 99999),
    st.sampled_from((None, *REGIONS)),
    st.sets(st.sampled_from(TAGS)),
    st.sampled_from((None, 1, 2, 3)),
)


def observed(draw: st.DrawFn, indicator: Indicator, given_unit: str | None) -> object:
    if indicator.value_kind == "bool":
        return draw(st.booleans())
    if indicator.value_kind == "grade":
        return draw(st.sampled_from(["Tốt", "Khá", "Kém"]))
    if indicator.value_kind == "any":
        return draw(st.booleans())
    value = values_of(draw)
    if indicator.unit is not None and indicator.unit.startswith("VND"):
        # Thresholds are per year, values per month: 80 stands for 1,500,000 a month.
        month = Fraction(12 * 1_500_000, 80) / 12
        value = value * float(month) if isinstance(value, float) else Fraction(value) * month
    if given_unit == "dimensionless" and indicator.unit == "percent":
        value = Fraction(value) / 100 if not isinstance(value, float) else value / 100
    return value


@st.composite
def cases(
    draw: st.DrawFn,
) -> tuple[CriterionSet, dict[str, str | None], list[tuple[Locality, dict[str, object]]]]:
    built, given_units = draw(criterion_sets())
    rows = []
    for locality in draw(st.lists(localities, min_size=1, max_size=6)):
        values = {
            i.code: observed(draw, i, given_units[i.code])
            for i in built.indicators()
            if draw(st.booleans()) or draw(st.booleans())
        }
        rows.append((locality, values))
    return built, given_units, rows


def _observation(indicator: Indicator, given_unit: str | None, value: object) -> Observation:
    if given_unit is not None and given_unit != indicator.unit:
        return Observation(indicator.code, Q_(value, given_unit))
    if indicator.unit is not None and indicator.unit.startswith("VND"):
        return Observation(indicator.code, Q_(value, indicator.unit))
    return Observation(indicator.code, value)


def pure(
    locality: Locality, built: CriterionSet, observations: list[Observation]
) -> tuple[list, list, tuple]:
    """The evaluation before the compiled plan: resolve, evaluate, combine enums."""
    context = built.context_for(locality, ON)
    by_code = {o.indicator_code: o for o in observations}
    outcomes = {}
    for indicator in built.indicators():
        required = resolve_requirement(indicator.requirement, context)
        observation = by_code.get(indicator.code)
        applies = indicator.applies_to
        if applies is not None and not applies.applies(locality.tags, locality.group):
            outcomes[indicator.code] = (Status.NOT_APPLICABLE, None)
        elif observation is None:
            missing = isinstance(required, Unspecified)
            outcomes[indicator.code] = (
                Status.UNKNOWN,
                UnknownReason.UNSPECIFIED if missing else UnknownReason.NO_DATA,
            )
        else:
            verdict = evaluate(required, observed_value(indicator, observation.value))
            outcomes[indicator.code] = (verdict.status, verdict.reason)

    def combined(rule, decided):
        def leaf(node):
            return decided[node.code]

        def node(rule, children):
            status = combine(rule, [s for s, _ in children])
            reasons = {r for s, r in children if s is Status.UNKNOWN}
            if status is not Status.UNKNOWN:
                return status, None
            return status, reasons.pop() if len(
                reasons
            ) == 1 and None not in reasons else UnknownReason.DEPENDS

        return fold(rule, leaf, node)

    criteria = {
        str(c.number): combined(rule, outcomes)
        for c, rule in zip(built.criteria, built.criterion_rules, strict=True)
    }
    return (
        list(outcomes.values()),
        list(criteria.values()),
        combined(built.effective_rule, criteria),
    )


# A bare 0.8 for a percent warns on the object path (was 80 % meant?): here it is meant.
@pytest.mark.filterwarnings("ignore::ntm_criteria.assessment.SuspiciousValueWarning")
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cases())
def test_the_three_paths_agree(case):
    built, given_units, rows = case
    codes = [i.code for i in built.indicators()]
    by_code = {i.code: i for i in built.indicators()}
    columns = {}
    for code in codes:
        column = [values.get(code) for _, values in rows]
        if all(v is None for v in column) and len(rows) > 1:
            continue  # no column at all: no data
        unit = given_units[code]
        indicator = by_code[code]
        if (indicator.unit is not None and indicator.unit.startswith("VND")) or (
            unit and unit != indicator.unit
        ):
            columns[code] = (column, unit)
        else:
            columns[code] = column
    plan = compile_set(built, on=ON)
    cols = evaluate_columns(
        plan,
        columns,
        region=[loc.region for loc, _ in rows],
        group=[loc.group for loc, _ in rows],
        tags=[loc.tags for loc, _ in rows],
    )
    for row, (locality, values) in enumerate(rows):
        observations = [_observation(by_code[c], given_units[c], v) for c, v in values.items()]
        result = assess(locality, built, observations, on=ON)
        indicators, criteria, total = pure(locality, built, observations)
        got = [(o.status, o.reason) for o in result.indicators()]
        assert got == indicators
        assert [(c.status, c.reason) for c in result.criteria] == criteria
        assert (result.status, result.reason) == total
        column_statuses = [int(cols.indicators[c][row]) for c in codes]
        assert column_statuses == [code_of(*i)[0] for i in indicators], (values, columns)
        assert [int(cols.indicator_reasons[c][row]) for c in codes] == [
            code_of(*i)[1] for i in indicators
        ]
        assert [int(s[row]) for s in cols.criteria.values()] == [code_of(*c)[0] for c in criteria]
        assert (int(cols.status[row]), int(cols.reason[row])) == code_of(*total)
        assert int(cols.met_count[row]) == result.met_count
