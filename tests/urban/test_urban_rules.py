"""The rules of urban classification as data: three regimes, their points and dates."""

from __future__ import annotations

import datetime
from fractions import Fraction

import pytest

from ntm_criteria.errors import NotInForceError, UnknownCodeError
from ntm_criteria.rules import Confidence, Fixed, Unspecified
from ntm_criteria.urban import class_label, classification_rules

# -- the rules as data ----------------------------------------------------------------


class TestRules:
    def test_three_regimes_in_date_order(self) -> None:
        rules = classification_rules()
        assert [r.id for r in rules.regimes] == [
            "1210/2016/UBTVQH13",
            "26/2022/UBTVQH15",
            "111/2025/UBTVQH15",
        ]
        assert rules.regime("1210/2016/UBTVQH13").valid_from == datetime.date(2016, 5, 25)
        assert rules.regime("26/2022/UBTVQH15").valid_from == datetime.date(2023, 1, 1)
        assert rules.regime("111/2025/UBTVQH15").valid_from == datetime.date(2026, 1, 1)

    @pytest.mark.parametrize(
        ("day", "maxima"),
        [
            (datetime.date(2016, 5, 25), [20, 8, 6, 6, 60]),
            (datetime.date(2022, 12, 31), [20, 8, 6, 6, 60]),
            (datetime.date(2023, 1, 1), [18, 8, 8, 6, 60]),
            (datetime.date(2025, 12, 31), [18, 8, 8, 6, 60]),
        ],
    )
    def test_group_maximum_points_change_on_1_january_2023(
        self, day: datetime.date, maxima: list[int]
    ) -> None:
        regime = classification_rules().regime_on(day)
        assert [c.max_points for c in regime.criteria] == [Fraction(m) for m in maxima]
        assert sum(c.max_points for c in regime.criteria) == 100

    def test_pass_line_is_75_with_its_certainty(self) -> None:
        rules = classification_rules()
        before = rules.regime("1210/2016/UBTVQH13").pass_total
        after = rules.regime("26/2022/UBTVQH15").pass_total
        assert isinstance(before, Fixed)
        assert isinstance(after, Fixed)
        assert before.amount == after.amount == 75
        assert before.provenance is not None
        assert after.provenance is not None
        assert before.provenance.certainty == "high"
        assert after.provenance.certainty == "medium"
        assert before.provenance.confidence is after.provenance.confidence is Confidence.OFFICIAL

    def test_criterion_minimums_are_unspecified(self) -> None:
        for regime in classification_rules().regimes:
            for criterion in regime.criteria:
                assert isinstance(criterion.min_points, Unspecified)
                assert criterion.min_points.note

    def test_regime_of_2026_is_unspecified_with_four_classes(self) -> None:
        regime = classification_rules().regime_on(datetime.date(2026, 1, 1))
        assert not regime.is_specified
        assert regime.classes == ("special", "I", "II", "III")
        assert isinstance(regime.pass_total, Unspecified)

    def test_standard_counts_with_certainty(self) -> None:
        regime = classification_rules().regime("26/2022/UBTVQH15")
        counts = [c.standards for c in regime.criteria]
        assert counts[0] is not None
        assert counts[0].amount == 8
        assert counts[0].provenance is not None
        assert counts[0].provenance.certainty == "high"
        assert counts[1] is not None
        assert counts[1].provenance is not None
        assert counts[1].provenance.certainty == "medium"
        assert counts[4] is None  # criterion 5: not known

    def test_before_1210_nothing_is_in_force(self) -> None:
        with pytest.raises(NotInForceError, match="2016-05-24"):
            classification_rules().regime_on(datetime.date(2016, 5, 24))

    def test_unknown_regime(self) -> None:
        with pytest.raises(UnknownCodeError):
            classification_rules().regime("99/2099")

    def test_class_label(self) -> None:
        assert class_label("IV") == "đô thị loại IV"
        assert class_label("special", "en") == "special class"
        with pytest.raises(UnknownCodeError):
            class_label("VI")
