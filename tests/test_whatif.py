"""What-if: a set against a variant on the same data, through assess — never re-implemented."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ntm_criteria import assess, demo
from ntm_criteria.criteria import loads_set
from ntm_criteria.errors import NtmError
from ntm_criteria.rules import Confidence, Status
from ntm_criteria.whatif import Change, vary, what_if

BASE = demo.criterion_set()
ON = demo.ASSESSMENT_DATE


def compare(variant):
    return what_if(demo.gazetteer(), BASE, variant, demo.observations(), on=ON)


def test_the_same_set_changes_nobody():
    w = compare(BASE)
    assert w.changes() == ()
    assert w.met_count() == w.met_count(variant=True)
    assert "Không địa phương nào thay đổi kết quả." in w.report("vi")


def test_the_results_are_those_of_assess():
    w = compare(vary(BASE, "10.1", factor="0,9"))
    places = demo.gazetteer()
    for before, after in w.pairs:
        place = places.effective(before.locality.code)
        seen = demo.observations().get(place.code, ())
        assert before == assess(place, BASE, seen, on=ON)
        assert after.status == assess(place, w.variant, seen, on=ON).status


def test_a_lower_income_threshold_meets_criterion_10_for_three_communes():
    w = compare(vary(BASE, "10.1", factor=Fraction(9, 10)))
    assert [(c.locality.code, c.criterion, c.before, c.after) for c in w.changes()] == [
        ("03664", 10, Status.NOT_MET, Status.MET),
        ("03661", 10, Status.NOT_MET, Status.MET),
        ("30046", 10, Status.NOT_MET, Status.MET),
    ]
    assert w.overall() == ()  # they still miss other criteria


def test_a_factor_scales_every_region_and_the_default():
    varied = vary(demo.example_set(), "10.1", factor="1,1")
    value = varied.indicator("10.1").requirement.value
    assert value.cases["TDMNPB"].amount == Fraction(39) * Fraction(11, 10)
    assert value.default.amount == Fraction(45) * Fraction(11, 10)


def test_a_factor_scales_every_year_and_region():
    varied = vary(BASE, "10.1", factor="1,1")
    for (_, before), (_, after) in zip(
        BASE.indicator("10.1").requirement.value.cases,
        varied.indicator("10.1").requirement.value.cases,
        strict=True,
    ):
        assert {k: v.amount * Fraction(11, 10) for k, v in before.cases.items()} == {
            k: v.amount for k, v in after.cases.items()
        }


def test_a_changed_value_is_marked_illustrative():
    varied = vary(BASE, "3.1", value=90)
    indicator = varied.indicator("3.1")
    assert indicator.requirement.value.amount == 90
    assert indicator.provenance.confidence is Confidence.ILLUSTRATIVE
    assert varied.id == "demo-commune-standard+3.1=90"
    assert BASE.indicator("3.1").requirement.value.amount == 80  # the base is untouched


def test_a_variant_set_file_is_compared_criterion_by_criterion():
    variant = loads_set(
        'id = "v"\nextends = "demo-commune-standard"\n'
        '[indicators."3.1"]\nrequirement = { at_least = 100 }\n',
        parents=[BASE],
    )
    w = compare(variant)
    assert {c.criterion for c in w.changes()} == {3, None}
    assert w.met_count(variant=True) == 0
    assert all(c.after is Status.NOT_MET for c in w.changes())


@pytest.mark.parametrize(
    ("code", "kwargs", "words"),
    [
        ("3.2", {"value": 1}, "no single threshold"),
        ("3.2", {"factor": 2}, "no threshold"),
        ("9.9", {"value": 1}, "9.9"),
        ("3.1", {}, "a value or a factor"),
        ("3.1", {"value": 1, "factor": 2}, "a value or a factor"),
        ("3.1", {"value": "abc"}, "abc"),
        ("3.1", {"value": True}, "True"),
    ],
)
def test_a_change_that_cannot_be_made_is_the_librarys_error(code, kwargs, words):
    with pytest.raises(NtmError, match=words):
        vary(BASE, code, **kwargs)


def test_the_report_speaks_one_language():
    w = compare(vary(BASE, "10.1", factor="0,9"))
    vi, en = w.report("vi"), w.report("en")
    assert "tiêu chí 10: chưa đạt → đạt" in vi
    assert "criterion" not in vi
    assert "localities" not in vi
    assert "criterion 10: not met → met" in en
    assert "tiêu chí" not in en
    assert "địa phương" not in en


def test_a_change_for_a_criterion_one_set_lacks_says_absent():
    c = Change(demo.gazetteer().get("03664"), 20, None, Status.MET)
    assert c.describe("en").endswith("criterion 20: absent → met")
    assert c.describe("vi").endswith("tiêu chí 20: không có → đạt")


def test_the_frame_has_one_row_per_change():
    pytest.importorskip("pandas")
    w = compare(vary(BASE, "10.1", factor="0,9"))
    frame = w.to_frame()
    assert len(frame) == len(w.changes())
    assert list(frame["after"]) == ["met"] * 3


@given(st.fractions(min_value=Fraction(1, 2), max_value=Fraction(5, 4), max_denominator=100))
def test_a_higher_at_least_threshold_never_meets_more(factor):
    # 3.1 is "at least" (a percent, at most 100 = 80 × 5/4): raising it never meets more.
    w = compare(vary(BASE, "3.1", factor=max(factor, Fraction(1))))
    assert all(c.before is not Status.NOT_MET or c.after is not Status.MET for c in w.changes())
