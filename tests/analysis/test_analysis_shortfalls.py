"""Progress and shortfalls: counts, shares and the ranked to-do list.

The sets and figures are TEST DATA (tests/data/progress), illustrative only.
"""

from __future__ import annotations

import itertools
from fractions import Fraction

import attrs
from analysis_cases import (
    ON,
    commune,
    standard_result,
)

from ntm_criteria.analysis import (
    Progress,
    no_investment_first,
    rank_shortfalls,
    shortfalls,
)


class TestProgress:
    def test_counts_and_shares(self):
        p = Progress(standard_result(fail=[10, 11, 17], changes={"12.1": None}))
        assert (p.criteria_met, p.criteria_total, p.criteria_unknown) == (15, 19, 1)
        assert p.criteria_share == Fraction(15, 19)
        # 17.2 is for islands only: 22 indicators apply, not 23.
        assert (p.indicators_met, p.indicators_total, p.indicators_unknown) == (18, 22, 1)
        assert p.indicators_share == Fraction(18, 22)
        assert p.locality.code == "03664"
        assert p.on == ON

    def test_an_island_commune_counts_its_island_indicator(self):
        island = commune(tags={"island"})
        p = Progress(standard_result(place=island, changes={"17.2": True}))
        assert (p.indicators_met, p.indicators_total) == (23, 23)

    def test_explain(self):
        text = Progress(standard_result(fail=[10, 18])).explain("vi")
        assert text.splitlines() == [
            "Xã Chiềng Xôm (30/06/2023): đạt 17/19 tiêu chí (89%), 20/22 chỉ tiêu",
            "  1. 18.1 (Đạt chuẩn tiếp cận pháp luật): không đạt",
            "  2. 10.1 (Thu nhập bình quân đầu người): 30 < 42 triệu đồng/người/năm",
        ]
        assert "1 criteria need data" in Progress(standard_result(changes={"5.1": None})).explain(
            "en"
        )


class TestShortfalls:
    def test_gaps_absolute_and_relative(self):
        (s,) = shortfalls(standard_result(fail=[3]))
        assert (s.code, s.criterion, s.gap, s.relative_gap) == (
            "3.1",
            3,
            Fraction(20),
            Fraction(1, 4),
        )
        assert s.needs_investment is True
        assert s.describe("en") == "3.1 (Share of land actively irrigated): 60% < 80%"

    def test_indicators_of_a_criterion_met_anyway_are_left_out(self):
        # Criterion 13 is "2 of 3": failing 13.1 alone leaves it met.
        result = standard_result(changes={"13.1": False})
        assert shortfalls(result) == ()
        assert [s.code for s in shortfalls(result, include_met_criteria=True)] == ["13.1"]

    def test_default_order_no_investment_first_then_smallest_relative_gap(self):
        result = standard_result(fail=[2, 3, 8, 10, 11, 18], changes={"2.1": 66})
        ranked = rank_shortfalls(shortfalls(result))
        # 8.1 and 18.1 need no investment (pass/fail: no gap, set order);
        # then 2.1 (4/70), 3.1 (1/4), 11.1 (1/2), 10.1 (12/42 = 2/7).
        assert [s.code for s in ranked] == ["8.1", "18.1", "2.1", "3.1", "10.1", "11.1"]
        assert [s.relative_gap for s in ranked[2:]] == [
            Fraction(4, 70),
            Fraction(1, 4),
            Fraction(2, 7),
            Fraction(1, 2),
        ]

    def test_unflagged_between_no_and_yes(self):
        result = standard_result(fail=[3, 8])
        unflagged = [
            attrs.evolve(s, outcome=attrs.evolve(s.outcome, needs_investment=None))
            for s in shortfalls(result)
            if s.code == "3.1"
        ]
        mixed = [*shortfalls(result), *unflagged]
        keys = [no_investment_first(s)[0] for s in rank_shortfalls(mixed)]
        assert keys == [0, 1, 2]

    def test_pluggable_key(self):
        result = standard_result(fail=[2, 3, 11])
        biggest_first = rank_shortfalls(shortfalls(result), key=lambda s: -(s.gap or 0))
        assert [s.code for s in biggest_first] == ["2.1", "3.1", "11.1"]

    def test_ties_break_by_locality_then_set_order_whatever_the_input_order(self):
        a = shortfalls(standard_result(fail=[6, 7], place=commune("B", "Bê")))
        b = shortfalls(standard_result(fail=[6, 7], place=commune("A", "A")))
        expected = [("A", "6.1"), ("A", "7.1"), ("B", "6.1"), ("B", "7.1")]
        for order in itertools.permutations([*a, *b]):
            ranked = rank_shortfalls(order)
            assert [(s.locality, s.code) for s in ranked] == expected

    def test_progress_ranks_its_own(self):
        p = Progress(standard_result(fail=[10, 18]))
        assert [s.code for s in p.shortfalls()] == ["18.1", "10.1"]
        assert [s.code for s in p.shortfalls(key=lambda s: s.code)] == ["10.1", "18.1"]
