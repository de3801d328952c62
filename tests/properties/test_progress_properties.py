"""Invariants of levels, progress and roll-ups.

- the level decided is monotone in "at least" / "at most" observations;
- model ⇒ advanced ⇒ standard (when a precondition means "met now");
- every share and progress figure stays within [0, 1];
- the roll-up of a disjoint union equals the sum of the roll-ups;
- the shortfall ranking is a total, stable order.

The sets are TEST DATA (tests/data/progress), illustrative thresholds only.
"""

from __future__ import annotations

import datetime
import itertools
import unicodedata
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ntm_criteria import Q_, Level, Locality, Observation, Status, assess, load_set
from ntm_criteria.levels import Ladder, LevelDecision, Precondition, Recognition, decide_level
from ntm_criteria.progress import (
    PlanStatus,
    Progress,
    RollUp,
    no_investment_first,
    rank_shortfalls,
    roll_up,
    shortfalls,
)

# Generated values include bare shares such as 0.37 given to percent indicators: the
# library warns of them ("37 %?") and reads them as given, which these properties test.
pytestmark = pytest.mark.filterwarnings("ignore::ntm_criteria.assessment.SuspiciousValueWarning")

DATA = Path(__file__).parent.parent / "data" / "progress"
STANDARD = load_set(DATA / "commune_standard.toml")
ADVANCED = load_set(DATA / "commune_advanced.toml", parents=[STANDARD])
MODEL = load_set(DATA / "commune_model.toml", parents=[ADVANCED])
LADDER = Ladder([STANDARD, ADVANCED, MODEL])
ON = datetime.date(2023, 6, 30)

PERCENT_AT_LEAST = ("2.1", "3.1", "4.1", "5.1", "9.1", "12.1", "14.1", "15.1", "16.1", "17.1")
COUNT_AT_LEAST = ("13.2", "20.1")
INCOME = "10.1"
AT_MOST = ("11.1",)
PASS_FAIL = ("1.1", "3.2", "6.1", "7.1", "8.1", "13.1", "13.3", "18.1", "19.1", "21.1")
INCOME_UNIT = "million_VND / person / year"

# Values around the thresholds of the three sets, so that every level occurs.
percents = st.sampled_from([0, 50, 60, 65, 70, 75, 80, 85, 88, 90, 95, 97, 99, 100])
incomes = st.sampled_from([30, 42, 45, 50, 52, 55, 60])
poverty = st.sampled_from([0, 2, 3, 4, 6, 9])
counts = st.integers(min_value=0, max_value=3)


@st.composite
def value_sets(draw: st.DrawFn) -> dict[str, object]:
    """Mostly complete observations; now and then one is missing (unknown)."""
    values: dict[str, object] = {}
    for code in PERCENT_AT_LEAST:
        values[code] = draw(percents)
    for code in COUNT_AT_LEAST:
        values[code] = draw(counts)
    values[INCOME] = draw(incomes)
    for code in AT_MOST:
        values[code] = draw(poverty)
    for code in PASS_FAIL:
        values[code] = draw(st.sampled_from([True, True, True, False]))
    for code in draw(st.lists(st.sampled_from(sorted(values)), max_size=2)):
        values.pop(code, None)
    return values


def _observations(values: dict[str, object]) -> list[Observation]:
    return [
        Observation(code, Q_(value, INCOME_UNIT) if code == INCOME else value)
        for code, value in values.items()
    ]


def _place(code: str = "00001") -> Locality:
    return Locality(code, f"Xã {code}", "commune", region="TDMNPB")


def _decide(
    values: dict[str, object],
    precondition: Precondition = Precondition.MET,
    recognitions: tuple[Recognition, ...] = (),
    code: str = "00001",
) -> LevelDecision:
    return decide_level(
        _place(code),
        _observations(values),
        on=ON,
        ladder=LADDER,
        precondition=precondition,
        recognitions=recognitions,
    )


def _rank(level: Level | None) -> int:
    return 0 if level is None else int(level)


recognitions = st.lists(
    st.builds(
        lambda level: Recognition("00001", level, "s", "1/QĐ-UBND", "2022-01-01"),
        st.sampled_from(list(Level)),
    ),
    max_size=2,
).map(tuple)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    value_sets(),
    st.sampled_from(PERCENT_AT_LEAST + COUNT_AT_LEAST + (INCOME,) + AT_MOST),
    st.integers(min_value=1, max_value=40),
    st.sampled_from(list(Precondition)),
    recognitions,
)
def test_level_is_monotone_in_at_least_and_at_most_values(
    values, code, step, precondition, recognised
):
    if code not in values:
        values[code] = 0 if code not in AT_MOST else 50
    better = dict(values)
    if code in AT_MOST:
        better[code] = max(0, values[code] - step)  # type: ignore[operator]
    elif code in PERCENT_AT_LEAST:  # a share of a whole stays within 100 %
        better[code] = min(100, values[code] + step)  # type: ignore[operator]
    else:
        better[code] = values[code] + step  # type: ignore[operator]
    before = _decide(values, precondition, recognised)
    after = _decide(better, precondition, recognised)
    assert _rank(after.level) >= _rank(before.level)
    for level in Level:
        order = {Status.NOT_MET: 0, Status.UNKNOWN: 1, Status.MET: 2}
        assert order[after.holds(level)] >= order[before.holds(level)]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(value_sets())
def test_model_implies_advanced_implies_standard(values):
    d = _decide(values)
    held = d.level
    for level in Level:
        if held is not None and level <= held:
            assert d.holds(level) is Status.MET
            assert d.step(level).result.status is Status.MET
        if held is not None and level > held:
            assert d.step(level).status is not Status.MET
    if d.holds(Level.MODEL) is Status.MET:
        assert d.holds(Level.ADVANCED) is Status.MET
    if d.holds(Level.ADVANCED) is Status.MET:
        assert d.holds(Level.STANDARD) is Status.MET


def _in_unit_interval(value: Fraction) -> bool:
    return isinstance(value, Fraction) and 0 <= value <= 1


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(value_sets(), max_size=6), st.lists(st.integers(1, 21), min_size=1, max_size=3))
def test_shares_and_progress_stay_within_zero_and_one(many, edges):
    decisions = [_decide(values, code=f"{n:05d}") for n, values in enumerate(many)]
    for d in decisions:
        for step in d.steps:
            p = Progress(step.result)
            assert _in_unit_interval(p.criteria_share)
            assert _in_unit_interval(p.indicators_share)
            assert 0 <= p.criteria_met + p.criteria_unknown <= p.criteria_total
            for s in shortfalls(step.result):
                assert s.gap is None or s.gap > 0
                assert s.relative_gap is None or s.relative_gap > 0
    bins = tuple(sorted(set(edges)))
    up = roll_up(decisions, bins=bins)
    for level in Level:
        assert _in_unit_interval(up.share(level))
        assert up.reached(level) + up.undecided(level) <= up.count
    assert sum(n for _, n in up.distribution()) == up.count
    assert sum(n for _, n in up.level_counts()) == up.count


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(value_sets(), max_size=6), st.data())
def test_roll_up_of_a_disjoint_union_is_the_sum(many, data):
    decisions = [_decide(values, code=f"{n:05d}") for n, values in enumerate(many)]
    cut = data.draw(st.integers(min_value=0, max_value=len(decisions)))
    left, right = roll_up(decisions[:cut]), roll_up(decisions[cut:])
    whole = roll_up(decisions)
    assert whole == left + right
    assert whole.count == left.count + right.count
    for level in Level:
        assert whole.reached(level) == left.reached(level) + right.reached(level)
        assert whole.undecided(level) == left.undecided(level) + right.undecided(level)
    for level in (None, *Level):
        assert whole.at_level(level) == left.at_level(level) + right.at_level(level)
    assert [n for _, n in whole.distribution()] == [
        a + b for (_, a), (_, b) in zip(left.distribution(), right.distribution(), strict=True)
    ]
    assert len(whole.at_risk()) == len(left.at_risk()) + len(right.at_risk())
    assert RollUp(whole.standings[::-1]).reached(Level.STANDARD) == whole.reached(Level.STANDARD)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(value_sets(), min_size=1, max_size=3), st.randoms(use_true_random=False))
def test_shortfall_ranking_is_a_total_stable_order(many, rnd):
    items = []
    for n, values in enumerate(many):
        codes = {i.code for i in STANDARD.indicators()}
        obs = [o for o in _observations(values) if o.indicator_code in codes]
        items += shortfalls(assess(_place(f"{n % 2:05d}"), STANDARD, obs, on=ON))
    ranked = rank_shortfalls(items)
    # A permutation of the input...
    assert sorted(map(id, ranked)) == sorted(map(id, items))
    # ...in key order...
    keys = [(no_investment_first(s), s.locality, s.position) for s in ranked]
    assert keys == sorted(keys)
    # ...that does not depend on the input order, except among fully equal keys,
    # which keep their input order (stability).
    shuffled = list(items)
    rnd.shuffle(shuffled)
    again = rank_shortfalls(shuffled)
    assert [(s.locality, s.position) for s in again] == [(s.locality, s.position) for s in ranked]
    where = {id(item): n for n, item in enumerate(items)}
    constant = rank_shortfalls(items, key=lambda s: 0)
    for a, b in itertools.pairwise(constant):
        if (a.locality, a.position) == (b.locality, b.position):
            assert where[id(a)] < where[id(b)]


# -- one Unicode rule (issue 9) ----------------------------------------------------------------

_WORDS = [
    word for status in PlanStatus for word in (status.value, status.label("vi"), status.label("en"))
] + ["đã đạt", "kế hoạch", "đang thực hiện"]


@given(
    st.sampled_from(_WORDS),
    st.sampled_from(["NFC", "NFD", "NFKC", "NFKD"]),
    st.sampled_from([str.lower, str.upper, str.title]),
)
def test_a_status_word_in_any_unicode_form_reads_the_same(word, form, case):
    # Regression: PlanStatus.parse refused decomposed (NFD) words.
    written = unicodedata.normalize(form, case(word))
    assert PlanStatus.parse(written) is PlanStatus.parse(word)
