"""Plan.decide's inline kernels: the same codes as the kernel's own decide, indicator by indicator."""

from __future__ import annotations

import datetime
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ntm_criteria import demo
from ntm_criteria.analysis import Ladder
from ntm_criteria.engine import NOT_APPLICABLE, UNKNOWN, compile_set
from ntm_criteria.engine._kernel import decide

PLAN = compile_set(demo.criterion_set(), on=demo.ASSESSMENT_DATE)
PLACES = [demo.gazetteer().effective(code) for code in ("03664", "30046")]
# The built-in ladder: most of its thresholds are unspecified.
LADDER_DAY = datetime.date(2024, 6, 30)
LADDER_PLANS = [
    compile_set(s, on=LADDER_DAY) for s in Ladder.built_in(PLACES[0], on=LADDER_DAY).sets
]
ACTUALS = st.one_of(
    st.none(),
    st.booleans(),
    st.fractions(min_value=-10, max_value=200),
    st.sampled_from([Fraction(80), Fraction(45), Fraction(1, 3), "Tốt", "Khá"]),
)


@given(
    plan=st.sampled_from([PLAN, *LADDER_PLANS]),
    place=st.sampled_from(PLACES),
    actuals=st.lists(ACTUALS, min_size=60, max_size=60),
)
def test_each_indicator_code_is_its_kernels_decision(plan, place, actuals):
    actuals = actuals[: len(plan.codes)]
    context = plan.context(place)
    table = plan.table(context)
    decision = plan.decide(context, actuals)
    for n, actual in enumerate(actuals):
        if not table.applies[n]:
            expected = (NOT_APPLICABLE, 0)
        elif actual is None:
            expected = (UNKNOWN, table.no_data[n])
        else:
            expected = decide(table.kernels[n], actual)
        assert (decision.indicators[n], decision.indicator_reasons[n]) == expected


def test_values_for_another_number_of_indicators_are_refused():
    with pytest.raises(ValueError, match="values for the"):
        PLAN.decide(PLAN.context(PLACES[0]), [None])
