"""Deciding levels: preconditions met now or recognised, pending data, the review minute.

The sets and figures are TEST DATA (tests/data/progress), illustrative only.
"""

from __future__ import annotations

import datetime

import attrs
import pytest
from analysis_cases import (
    ADVANCED,
    COMMUNE,
    LADDER,
    MODEL,
    ON,
    STANDARD,
    decide,
    observations,
)

from ntm_criteria import (
    DataError,
    Level,
    Status,
    UnknownCodeError,
)
from ntm_criteria.analysis import (
    Ladder,
    Precondition,
    Recognition,
    decide_level,
)


class TestDecideLevel:
    def test_a_commune_meeting_every_set_is_model(self):
        d = decide()
        assert d.level is Level.MODEL
        assert d.next_level is None
        assert d.next_step is None
        assert [s.status for s in d.steps] == [Status.MET] * 3
        assert all(d.holds(level) is Status.MET for level in Level)
        assert "At the top of the ladder." in d.explain("en")

    def test_standard_only(self):
        d = decide(obs=observations(changes={"3.1": 85, "10.1": 45}))
        assert d.level is Level.STANDARD
        assert d.next_level is Level.ADVANCED
        assert [c.number for c in d.next_step.missing] == [3, 10]
        assert d.holds(Level.ADVANCED) is Status.NOT_MET
        assert d.step(Level.ADVANCED).precondition is Status.MET
        assert d.step(Level.MODEL).precondition is Status.NOT_MET

    def test_advanced_but_not_model(self):
        d = decide(obs=observations(changes={"20.1": 0}))
        assert d.level is Level.ADVANCED
        assert [c.number for c in d.next_step.missing] == [20]

    def test_no_level(self):
        d = decide(obs=observations(fail=[10, 11]))
        assert d.level is None
        assert d.next_level is Level.STANDARD
        assert [c.number for c in d.next_step.missing] == [10, 11]
        assert d.holds(Level.STANDARD) is Status.NOT_MET
        explained = d.explain("vi")
        assert explained.startswith("Xã Chiềng Xôm (30/06/2023): chưa đạt chuẩn")
        assert "còn thiếu: Tiêu chí 10 (Thu nhập): chưa đạt — 30 < 42 triệu đồng/người/năm" in (
            explained
        )

    def test_missing_data_is_pending_not_failure(self):
        d = decide(obs=observations(changes={"12.1": None}))
        assert d.level is None
        assert d.pending is Level.MODEL
        assert d.holds(Level.STANDARD) is Status.UNKNOWN
        assert [c.number for c in d.next_step.undecided] == [12]
        assert "needs data: Criterion 12 (Labour)" in d.explain("en")

    def test_model_is_advanced_is_standard_when_met_now(self):
        # The model set is met on its own, but the advanced one is not: with
        # "met now", the model level is not held.
        model_only = attrs.evolve(MODEL, requires=Level.ADVANCED)
        d = decide(
            ladder=[STANDARD, ADVANCED, model_only],
            obs=observations(changes={"14.1": 88}),
        )
        assert d.level is Level.STANDARD
        assert d.step(Level.MODEL).result.status is Status.NOT_MET  # 14.1 is in the model set too

    def test_codes_of_no_set_of_the_ladder_are_refused(self):
        # 20.1 and 21.1 belong to the model set only: fine with the full ladder.
        assert decide_level(COMMUNE, observations(), on=ON, ladder=LADDER).level is Level.MODEL
        with pytest.raises(UnknownCodeError, match=r"unknown indicator '20\.1, 21\.1'"):
            decide_level(COMMUNE, observations(), on=ON, ladder=[STANDARD])

    def test_a_mapping_or_a_list_is_a_ladder(self):
        assert decide(ladder={Level.STANDARD: STANDARD}).level is Level.STANDARD
        assert decide(ladder=[STANDARD, ADVANCED]).level is Level.ADVANCED

    def test_met_now_needs_the_lower_set(self):
        with pytest.raises(DataError, match="requires the standard level, which the ladder has"):
            decide(ladder=[ADVANCED])

    def test_requires_must_be_lower(self):
        odd = Ladder({Level.STANDARD: attrs.evolve(STANDARD, level=None, requires=Level.MODEL)})
        with pytest.raises(DataError, match="requires the model level"):
            decide(ladder=odd)

    def test_unknown_precondition(self):
        with pytest.raises(DataError, match="unknown precondition 'maybe'"):
            decide(precondition="maybe")

    def test_set_not_in_force(self):
        with pytest.raises(Exception, match="not in force"):
            decide(on=datetime.date(2026, 3, 1))
        late = decide(on=datetime.date(2026, 3, 1), check_validity=False)
        assert late.on == datetime.date(2026, 3, 1)


class TestRecognisedPrecondition:
    RECOGNISED_STANDARD = Recognition(COMMUNE, "standard", STANDARD.id, "12/QĐ-UBND", "1/3/2022")

    def test_without_a_decision_only_the_lowest_level_is_held(self):
        d = decide(precondition="recognised")
        assert d.level is Level.STANDARD
        assert d.step(Level.ADVANCED).precondition is Status.NOT_MET
        assert "first needs: standard (recognised by decision)" in d.explain("en")

    def test_a_decision_in_force_opens_the_next_level(self):
        d = decide(precondition=Precondition.RECOGNISED, recognitions=[self.RECOGNISED_STANDARD])
        assert d.level is Level.ADVANCED  # model needs an advanced decision
        assert d.recognised is Level.STANDARD
        advanced = Recognition(COMMUNE, "advanced", ADVANCED.id, "40/QĐ-UBND", "1/3/2023")
        both = [self.RECOGNISED_STANDARD, advanced]
        assert decide(precondition="recognised", recognitions=both).level is Level.MODEL

    def test_an_expired_or_later_decision_does_not_count(self):
        expired = attrs.evolve(self.RECOGNISED_STANDARD, valid_until=datetime.date(2023, 1, 1))
        later = attrs.evolve(self.RECOGNISED_STANDARD, date=datetime.date(2023, 7, 1))
        for recognition in (expired, later):
            d = decide(precondition="recognised", recognitions=[recognition])
            assert d.level is Level.STANDARD
            assert d.recognitions == ()

    def test_decisions_of_other_localities_are_ignored(self):
        other = attrs.evolve(self.RECOGNISED_STANDARD, locality="99999")
        assert decide(precondition="recognised", recognitions=[other]).level is Level.STANDARD

    def test_a_ladder_may_start_above_standard(self):
        d = decide(
            ladder=[ADVANCED],
            precondition="recognised",
            recognitions=[self.RECOGNISED_STANDARD],
        )
        assert d.level is Level.ADVANCED
        assert d.holds(Level.STANDARD) is Status.MET
        assert d.holds(Level.MODEL) is Status.UNKNOWN

    def test_an_unassessed_lower_level_is_unknown_when_nothing_is_held(self):
        d = decide(ladder=[ADVANCED], precondition="recognised", obs=observations(fail=[10]))
        assert d.level is None
        assert d.holds(Level.STANDARD) is Status.UNKNOWN
        assert d.holds(Level.ADVANCED) is Status.NOT_MET


def test_explain_names_every_rung_and_warns_on_illustrative_thresholds():
    text = decide(obs=observations(changes={"20.1": 0})).explain("vi")
    lines = text.splitlines()
    assert lines[0] == "Xã Chiềng Xôm (30/06/2023): đạt chuẩn nâng cao"
    assert lines[1].startswith("- mức đạt chuẩn (test-commune-standard): đạt 19/19 tiêu chí")
    assert lines[3].startswith("- mức kiểu mẫu (test-commune-model): đạt 20/21 tiêu chí")
    assert lines[4] == "Mức tiếp theo: đạt chuẩn kiểu mẫu"
    assert lines[-1].startswith("Lưu ý: dựa trên ngưỡng minh họa")


def test_explain_refuses_unknown_languages():
    with pytest.raises(UnknownCodeError):
        decide().explain("fr")
