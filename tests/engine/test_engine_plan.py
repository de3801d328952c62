"""The compiled plan: cached per set and date, status codes, and results built when read."""

from __future__ import annotations

import datetime

import attrs
from hypothesis import given
from hypothesis import strategies as st

from ntm_criteria import demo
from ntm_criteria.assessment import AssessmentResult, assess
from ntm_criteria.engine import (
    MET,
    NOT_APPLICABLE,
    NOT_MET,
    UNKNOWN,
    code_of,
    compile_set,
    reason_of,
    status_of,
)
from ntm_criteria.engine._codes import (
    ALL_OF,
    ANY_OF,
    AT_LEAST_K,
    compile_runner,
    picker,
    run_program,
)
from ntm_criteria.rules import AllOf, AnyOf, AtLeastK, Ref, Status, combine


def _result(code: str = "03664") -> AssessmentResult:
    return assess(
        demo.gazetteer().effective(code),
        demo.criterion_set(),
        demo.observations()[code],
        on=demo.ASSESSMENT_DATE,
    )


def test_a_plan_is_compiled_once_per_set_and_date():
    s = demo.criterion_set()
    first = compile_set(s, on=datetime.date(2023, 6, 30))
    assert compile_set(s, on="30/6/2023") is first
    assert compile_set(s, on="1/7/2023") is not first
    assert first.codes == tuple(i.code for i in s.indicators())


def test_the_codes_order_makes_all_of_a_maximum():
    assert NOT_APPLICABLE < MET < UNKNOWN < NOT_MET
    assert [status_of(c) for c in range(4)] == [
        Status.NOT_APPLICABLE,
        Status.MET,
        Status.UNKNOWN,
        Status.NOT_MET,
    ]
    for status in Status:
        assert status_of(code_of(status, None)[0]) is status
    assert reason_of(NOT_MET, 1) is None


@given(st.lists(st.sampled_from(list(Status)), min_size=1, max_size=6), st.integers(0, 7))
def test_programs_combine_as_the_rules_do(statuses, k):
    k = 1 + k % len(statuses)  # a rule asks for 1 to n children
    codes = [code_of(s, None)[0] for s in statuses]
    refs = [Ref(str(n)) for n in range(len(statuses))]
    items = tuple(range(len(statuses)))
    for kind, rule in (
        (ALL_OF, AllOf(refs)),
        (ANY_OF, AnyOf(refs)),
        (AT_LEAST_K, AtLeastK(k, refs)),
    ):
        got, _ = run_program((kind, k, items), codes, [0] * len(codes))
        assert status_of(got) is combine(rule, statuses)
    assert run_program((ALL_OF, 0, items), codes, [0] * len(codes))[0] == max(codes)


def test_a_result_counts_without_building_and_reads_the_same_once_built():
    lazy = _result()
    counts = (lazy.met_count, lazy.not_met_count, lazy.unknown_count, lazy.total)
    eager = AssessmentResult.from_dict(lazy.to_dict())
    assert counts == (eager.met_count, eager.not_met_count, eager.unknown_count, eager.total)
    assert lazy == eager
    assert hash(lazy) == hash(eager)
    assert repr(lazy) == repr(eager)
    assert repr(lazy).startswith("AssessmentResult(locality=Locality(")
    assert lazy.explain("en") == eager.explain("en")


def test_a_pending_result_evolves_and_keeps_its_outcomes():
    lazy = _result("30046")
    moved = attrs.evolve(lazy, on=datetime.date(2024, 1, 1))
    assert moved.criteria == lazy.criteria
    assert moved.on == datetime.date(2024, 1, 1)
    assert moved.met_count == lazy.met_count


def test_a_decision_holds_one_byte_per_indicator():
    plan = compile_set(demo.criterion_set(), on=demo.ASSESSMENT_DATE)
    place = demo.gazetteer().effective("03664")
    decision = plan.decide(plan.context(place), [None] * len(plan.codes))
    assert len(decision.indicators) == len(plan.codes)
    assert set(decision.indicators) <= {UNKNOWN, NOT_APPLICABLE}
    assert decision.met_count == 0


def test_reviews_of_another_locality_leave_the_result_as_without_reviews():
    from ntm_criteria.assessment import CriterionReview

    place = demo.gazetteer().effective("30046")
    other = CriterionReview("03664", 17, "met", "1/6/2023")
    with_reviews = assess(
        place,
        demo.criterion_set(),
        demo.observations()["30046"],
        on=demo.ASSESSMENT_DATE,
        reviews=[other],
    )
    assert with_reviews == _result("30046")


def test_a_review_decides_an_undecided_criterion_and_the_set_is_recombined():
    from ntm_criteria.assessment import CriterionReview

    place = demo.gazetteer().effective("30046")
    before = _result("30046")
    assert before.criterion(17).status is Status.UNKNOWN
    review = CriterionReview("30046", 17, "met", "1/6/2023")
    after = assess(
        place,
        demo.criterion_set(),
        demo.observations()["30046"],
        on=demo.ASSESSMENT_DATE,
        reviews=[review],
    )
    assert after.criterion(17).status is Status.MET
    assert after.criterion(17).by_review
    assert after.met_count == before.met_count + 1
    assert after.unknown_count == 0
    assert after.status is Status.NOT_MET  # criteria 10 and 11 still fail


def _programs(width: int) -> st.SearchStrategy[object]:
    leaves = st.integers(0, width - 1)
    return st.recursive(
        leaves,
        lambda children: st.tuples(
            st.sampled_from([ALL_OF, ANY_OF, AT_LEAST_K]),
            st.integers(1, 3),
            st.lists(children, min_size=1, max_size=5).map(tuple),
        ),
        max_leaves=12,
    )


@given(
    st.data(),
    st.lists(st.tuples(st.sampled_from([0, 1, 2, 3]), st.sampled_from([1, 2, 4])), min_size=1),
)
def test_a_compiled_runner_gives_what_run_program_gives(data, children):
    # As the engine makes them: only an undecided status carries a reason.
    statuses = [s for s, _ in children]
    reasons = [r if s == UNKNOWN else 0 for s, r in children]
    program = data.draw(_programs(len(children)))
    assert compile_runner(program)(statuses, reasons) == run_program(program, statuses, reasons)


def test_a_picker_picks_one_many_or_none():
    assert picker([3, 1])("abcd") == ("d", "b")
    assert picker([2])("abcd") == ("c",)
    assert picker([])("abcd") == ()
