"""Reports in three states, counted by recognition, flagged when thresholds are illustrative.

Issue 10, points 2–4.  The demo data is ILLUSTRATIVE.
"""

from __future__ import annotations

import pytest

from ntm_criteria import Level, assess, demo
from ntm_criteria.levels import Recognition, decide_level
from ntm_criteria.progress import PlanTarget, roll_up
from ntm_criteria.report import (
    distribution_table,
    levels_table,
    rollup_report,
    rollup_sentence,
    scorecard,
    standings_table,
)

PLACES, SET, OBS, ON = (
    demo.gazetteer(),
    demo.criterion_set(),
    demo.observations(),
    demo.ASSESSMENT_DATE,
)


def decide(code: str, *, data: bool = True, recognised: bool = False):
    recognitions = (
        [Recognition(code, "standard", SET.id, "9/QĐ-UBND", "1/3/2022")] if recognised else []
    )
    return decide_level(
        PLACES.effective(code),
        OBS[code] if data else [],
        on=ON,
        ladder=[SET],
        recognitions=recognitions,
    )


def province():
    # Chiềng Xôm does not meet the set; Hua La meets it; 30046 has no data; Chiềng Đen is
    # recognised but has no data either.
    return roll_up(
        [
            decide("03664"),
            decide("03676"),
            decide("30046", data=False),
            decide("03661", data=False, recognised=True),
        ]
    )


class TestThreeStates:
    def test_a_commune_without_data_is_never_not_met(self):
        table = standings_table(roll_up([decide("30046", data=False)]), "vi")
        assert "chưa xác định" in table
        assert "chưa đạt chuẩn" not in table
        english = standings_table(roll_up([decide("30046", data=False)]), "en")
        assert "undecided" in english
        assert "no level" not in english

    def test_a_commune_that_fails_is_not_met(self):
        assert "chưa đạt chuẩn" in standings_table(roll_up([decide("03664")]), "vi")

    def test_the_scorecard_of_a_commune_without_data(self):
        card = scorecard(decide("30046", data=False), "vi")
        assert "Mức đạt: chưa xác định" in card
        assert "Mức đạt: chưa đạt chuẩn" in scorecard(decide("03664"), "vi")

    def test_the_levels_table_splits_by_recognition_and_state(self):
        assert levels_table(province(), "en").splitlines() == [
            "Standing                   Standard",
            "-------------------------  --------",
            "Recognised, met            0",
            "Recognised, no longer met  0",
            "Recognised, undecided      1",
            "Met, not recognised        1",
            "Not met                    1",
            "Undecided                  1",
            "Communes in all            4",
            "Share recognised           25%",
        ]

    def test_the_distribution_has_a_row_for_no_data(self):
        table = distribution_table(province(), "vi", fmt="markdown")
        assert table.splitlines()[-1] == "| Chưa có số liệu | 2 | 50% |"

    def test_the_sentence_counts_recognitions(self):
        assert rollup_sentence(province(), [PlanTarget(Level.STANDARD, count=2)]) == (
            "toàn tỉnh có 1/4 xã đạt chuẩn nông thôn mới, đạt 50% kế hoạch"
        )
        assessed = roll_up(province().standings, basis="assessed")
        assert rollup_sentence(assessed, [Level.STANDARD], "en") == (
            "province-wide, 1/4 communes meet the new rural standard"
        )


class TestUntrustedThresholds:
    @pytest.mark.parametrize("fmt", ["text", "markdown"])
    def test_every_report_says_so(self, fmt):
        vi = rollup_report(province(), title="T", on=ON, fmt=fmt)
        assert (
            "Lưu ý: kết quả đánh giá của 2 xã dựa trên ngưỡng minh họa hoặc chưa kiểm chứng" in vi
        )
        assert "không dùng để báo cáo chính thức" in vi
        en = rollup_report(province(), title="T", on=ON, lang="en", fmt=fmt)
        assert "Note: the assessments of 2 communes rest on illustrative or unverified" in en

    def test_no_note_without_decided_outcomes(self):
        # Undecided outcomes do not rest on a threshold: nothing to flag.
        up = roll_up([decide("30046", data=False)])
        assert "Lưu ý" not in rollup_report(up, title="T", on=ON)

    def test_the_basis_line(self):
        text = rollup_report(province(), title="T", on=ON, lang="en")
        assert "Communes are counted by recognition decisions in force on 2023-06-30." in text
        plain = roll_up([assess(PLACES.effective("03676"), SET, OBS["03676"], on=ON)])
        assert "chưa theo quyết định công nhận" in rollup_report(plain, title="T", on=ON)
