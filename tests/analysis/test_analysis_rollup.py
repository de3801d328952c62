"""Roll-ups: counts and shares per level, bins, plan targets, at risk.

The sets and figures are TEST DATA (tests/data/progress), illustrative only.
"""

from __future__ import annotations

import datetime
from fractions import Fraction

import pytest
from analysis_cases import (
    ON,
    STANDARD,
    commune,
    decision,
    standard_result,
)

from ntm_criteria import (
    DataError,
    Level,
    Status,
)
from ntm_criteria.analysis import (
    DEFAULT_BINS,
    Basis,
    CriteriaBin,
    LevelDecision,
    PlanProgress,
    PlanTarget,
    Recognition,
    RollUp,
    Standing,
    roll_up,
)


def province_decisions(
    standard: int = 62, advanced: int = 5, total: int = 127
) -> list[LevelDecision]:
    """``total`` communes: ``advanced`` at the advanced level, ``standard`` in all at least standard.

    Of those below the standard, every other one meets 15–18 criteria, the
    rest fewer than 15.
    """
    found = []
    for n in range(total):
        place = commune(f"{n:05d}", f"Xã thử {n}")
        if n < advanced:
            found.append(decision(place, changes={"20.1": 0}))
        elif n < standard:
            found.append(decision(place, changes={"3.1": 85}))
        elif n % 2:
            found.append(decision(place, fail=[10, 11]))
        else:
            found.append(decision(place, fail=range(1, 6)))
    return found


class TestRollUp:
    def test_the_provincial_report(self):
        """ "Toàn tỉnh có 62/127 xã đạt chuẩn, đạt 66% kế hoạch; 05 xã nâng cao, đạt 11%"."""
        up = roll_up(province_decisions())
        assert up.count == 127
        assert (up.reached(Level.STANDARD), up.reached(Level.ADVANCED)) == (62, 5)
        assert up.reached(Level.MODEL) == 0
        assert up.at_level(Level.STANDARD) == 57
        assert up.at_level(None) == 65
        assert up.share(Level.STANDARD) == Fraction(62, 127)
        standard = up.against(PlanTarget(Level.STANDARD, count=94))
        assert standard.ratio == Fraction(62, 94)
        assert round(standard.ratio * 100) == 66
        advanced = up.against(PlanTarget(Level.ADVANCED, count=45))
        assert round(advanced.ratio * 100) == 11
        assert up.level_counts() == (
            (None, 65),
            (Level.STANDARD, 57),
            (Level.ADVANCED, 5),
            (Level.MODEL, 0),
        )

    def test_distribution_of_criteria_met(self):
        up = roll_up(province_decisions())
        assert [(b.label(), n) for b, n in up.distribution()] == [
            ("< 15", 33),
            ("15–18", 32),
            ("19", 62),
        ]
        finer = roll_up(province_decisions(), bins=(10, 15, 18, 19))
        assert [(b.label(), n) for b, n in finer.distribution()] == [
            ("< 10", 0),
            ("10–14", 33),
            ("15–17", 32),
            ("18", 0),
            ("19", 62),
        ]
        assert sum(n for _, n in finer.distribution()) == 127

    @pytest.mark.parametrize("bins", [(), (19, 15), (0, 5), (15, 15), (True,)])
    def test_bad_bins(self, bins):
        with pytest.raises(DataError, match="bins"):
            roll_up([], bins=bins)

    def test_open_top_bin(self):
        up = roll_up([standard_result()], bins=(20,))
        assert [(b.label(), n) for b, n in up.distribution()] == [("< 20", 1), ("≥ 20", 0)]
        assert CriteriaBin(19, None).contains(21)

    def test_plan_as_a_share_and_exceeded(self):
        up = roll_up(province_decisions(standard=10, advanced=0, total=20))
        share = up.against(PlanTarget(Level.STANDARD, share=0.4, by="31/12/2025"))
        assert share.planned == 8
        assert share.ratio == Fraction(10, 8)  # a ratio to the plan may exceed 1
        assert share.is_met
        assert PlanProgress(PlanTarget(Level.MODEL, share=0.5), 0, 0).ratio == 0

    @pytest.mark.parametrize(
        "kwargs",
        [{}, {"count": 3, "share": 0.5}, {"count": 0}, {"count": True}, {"share": 1.5}],
    )
    def test_bad_plan_targets(self, kwargs):
        with pytest.raises(DataError):
            PlanTarget(Level.STANDARD, **kwargs)

    def test_undecided_and_at_risk(self):
        recognised = Recognition("00001", "standard", STANDARD.id, "5/QĐ-UBND", "1/1/2022")
        decisions = [
            decision(commune("00000", "A"), changes={"12.1": None}),
            decision(commune("00001", "B"), fail=[17], recognitions=[recognised]),
            decision(commune("00002", "C")),
        ]
        up = roll_up(decisions)
        assert up.undecided(Level.STANDARD) == 1
        assert up.reached(Level.STANDARD) == 1
        assert [s.locality.code for s in up.at_risk()] == ["00001"]
        assert up.standings[1].recognised is Level.STANDARD
        text = up.explain("vi")
        # Three states: the commune lacking data is undecided, never "chưa đạt".
        assert (
            "mức đạt chuẩn: 1 đã công nhận, không còn đạt; 1 đạt, chưa công nhận; 1 chưa xác định"
            in text
        )
        assert up.headline_basis is Basis.RECOGNISED
        assert text.splitlines()[0].startswith(
            "3 xã (30/06/2023): 1 được công nhận đạt chuẩn (33,3%)"
        )
        assert "có nguy cơ không duy trì mức đã công nhận: xã B" in text

    def test_explain(self):
        text = roll_up(province_decisions()).explain("en")
        assert text.splitlines()[0] == (
            "127 communes (2023-06-30): 62 standard (48.8%), 5 advanced (3.9%), 0 model (0%)"
        )
        assert "  standard level: 62 met; 65 not met" in text
        assert "criteria met: < 15: 33 communes; 15–18: 32 communes; 19: 62 communes" in text

    def test_disjoint_roll_ups_add_up(self):
        decisions = province_decisions(standard=6, advanced=2, total=10)
        left, right = roll_up(decisions[:4]), roll_up(decisions[4:])
        whole = left + right
        assert whole.count == 10
        for level in Level:
            assert whole.reached(level) == left.reached(level) + right.reached(level)
        with pytest.raises(DataError, match="appears twice"):
            left + left
        with pytest.raises(DataError, match="same bins"):
            left + roll_up(decisions[4:], bins=(10,))

    def test_from_plain_results(self):
        up = roll_up([standard_result(), standard_result(fail=[1], place=commune("2", "Hai"))])
        assert up.levels == (Level.STANDARD,)
        assert up.reached(Level.STANDARD) == 1
        assert up.undecided(Level.ADVANCED) == 2
        standing = Standing.from_result(standard_result(), Level.ADVANCED)
        assert standing.holds(Level.STANDARD) is Status.MET

    def test_dates(self):
        assert roll_up(province_decisions(total=2)).on == ON
        mixed = roll_up(
            [
                standard_result(),
                standard_result(on=datetime.date(2023, 3, 31), place=commune("2", "Hai")),
            ]
        )
        assert mixed.on is None
        assert RollUp([]).on is None
        assert RollUp([]).share(Level.STANDARD) == 0

    def test_default_bins(self):
        assert DEFAULT_BINS == (15, 19)
