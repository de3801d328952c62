"""Classifying an urban area: the pass line at exactly 75, missing data as a range,
illustrative data that says so, and the regimes of 1/1/2023 and 1/1/2026.
"""

from __future__ import annotations

import datetime
from fractions import Fraction

import attrs
import pytest
from urban_cases import ON, TABLE, TOWN, at_maximum, at_minimum, observe

from ntm_criteria import Q_, Observation, Status, UnknownReason
from ntm_criteria.errors import NotInForceError, ObservationError, UnitError, UnknownCodeError
from ntm_criteria.rules import Confidence
from ntm_criteria.urban import ClassificationResult, classify


def run(values: dict[str, object], on: datetime.date = ON) -> ClassificationResult:
    return classify(TOWN, TABLE, observe(values), on=on)


# -- classifying an urban area -----------------------------------------------------------


class TestClassify:
    def test_every_standard_at_minimum_is_exactly_75_and_passes(self) -> None:
        result = run(dict(at_minimum()))
        assert result.total == 75
        assert result.met_count == 15
        assert result.shortfall == 0
        assert result.status is Status.MET
        assert [c.status for c in result.criteria] == [Status.MET] * 5
        assert result.summary("vi") == "đạt 15/15 tiêu chuẩn, tổng 75 điểm; đủ 75 điểm"
        assert result.summary("en") == (
            "15/15 standards met, 75 points in total; reaches the 75-point line"
        )

    def test_every_standard_at_maximum_is_100(self) -> None:
        result = run(dict(at_maximum()))
        assert result.total == 100
        assert result.status is Status.MET
        assert result.improvements() == ()

    def test_just_below_75_fails_with_the_shortfall(self) -> None:
        values: dict[str, object] = dict(at_minimum())
        # Lower-is-better 1.3: a poverty rate a hair above its minimum level loses all 4,5 points.
        values["1.3"] = Fraction(8501, 1000)
        result = run(values)
        assert result.total == Fraction(141, 2)
        assert result.shortfall == Fraction(9, 2)
        assert result.status is Status.NOT_MET
        assert result.standard("1.3").status is Status.NOT_MET
        assert result.standard("1.3").gap == Fraction(1, 1000)
        assert result.criterion(1).status is Status.NOT_MET
        assert (
            result.summary("vi") == "đạt 14/15 tiêu chuẩn, tổng 70,5 điểm; thiếu 4,5 điểm so với 75"
        )

    def test_between_gives_exact_fractions(self) -> None:
        values: dict[str, object] = dict(at_minimum())
        values["1.1"] = 0.8  # 4,5 + 1,5 × (0,1 / 0,35)
        values["5.6"] = Q_(4, "m ** 2 / person")  # halfway: 8,75
        result = run(values)
        assert result.standard("1.1").points == Fraction(9, 2) + Fraction(3, 2) * Fraction(2, 7)
        assert result.standard("5.6").points == Fraction(35, 4)
        assert result.total == 75 + Fraction(3, 7) + Fraction(5, 4)

    def test_the_seed_report_shape(self) -> None:
        values = {
            "1.1": 0.8,
            "1.2": Q_(5.4, "percent"),
            "1.3": Q_(7, "percent"),
            "2.1": Q_(61_000, "person"),
            "2.2": Q_(18_500, "person"),
            "3.1": Q_(1_350, "person / km ** 2"),
            "3.2": Q_(6_400, "person / km ** 2"),
            "4.1": Q_(68, "percent"),
            "4.2": Q_(72, "percent"),
            "5.1": Q_(27.2, "m ** 2 / person"),
            "5.2": Q_(88, "percent"),
            "5.3": Q_(86, "percent"),
            "5.4": Q_(84, "percent"),
            "5.5": Q_(12, "percent"),
            "5.6": Q_(3.6, "m ** 2 / person"),
        }
        result = run(values)
        assert result.total == Fraction(44969, 700)
        assert result.summary("vi") == (
            "đạt 12/15 tiêu chuẩn, tổng 64,24 điểm; thiếu 10,76 điểm so với 75"
        )
        assert result.summary("en") == (
            "12/15 standards met, 64.24 points in total; 10.76 points short of 75"
        )
        assert [s.code for s in result.improvements()][:3] == ["5.3", "5.5", "2.2"]
        assert result.improvements()[0].gain == 10
        assert result.status is Status.NOT_MET
        assert result.reasons("vi")[:2] == (
            "tổng 64,24 < 75 điểm",
            "tiêu chí 2, 5 chưa đạt điểm tối thiểu",
        )

    def test_improvements_are_ranked_by_points_to_gain(self) -> None:
        values: dict[str, object] = dict(at_maximum())
        values["2.1"] = 50_000  # gains 1
        values["5.2"] = 90  # gains 1.25
        values["5.4"] = 70  # not met: gains 10
        result = run(values)
        ranked = [(s.code, s.gain) for s in result.improvements()]
        assert ranked == [("5.4", 10), ("5.2", Fraction(5, 4)), ("2.1", 1)]

    def test_missing_data_gives_a_range(self) -> None:
        result = run({"2.1": Q_(61_000, "person"), "2.2": 18_500, "1.3": 7})
        assert result.total is None
        assert result.total_low == Fraction(161, 50) + Fraction(36, 7)  # 2.1 and 1.3; 2.2 fails
        assert result.total_high == result.total_low + 86
        assert result.shortfall is None  # the total may still reach 75 ...
        assert result.criterion(2).status is Status.NOT_MET  # ... but criterion 2 cannot: 3,22 < 6
        assert result.status is Status.NOT_MET
        assert result.unknown_count == 12
        assert result.standard("5.1").reason is UnknownReason.NO_DATA
        assert "12 chưa xác định" in result.summary("vi")

    def test_no_data_at_all_needs_data(self) -> None:
        result = run({})
        assert (result.total_low, result.total_high) == (0, 100)
        assert result.status is Status.UNKNOWN
        assert result.reason is UnknownReason.NO_DATA
        assert result.summary("en") == (
            "0/15 standards met (15 undecided), between 0 and 100 points in total; "
            "undecided against 75"
        )

    def test_missing_data_cannot_save_a_hopeless_case(self) -> None:
        values: dict[str, object] = {code: 0 for code in at_minimum() if code != "1.3"}
        values["5.6"] = 0
        del values["5.1"]  # the most it could still add is 10
        result = run(values)
        assert result.total_high == 10 + 6  # 5.1 unknown, 1.3 unknown
        assert result.status is Status.NOT_MET
        assert result.shortfall == 75 - 16

    def test_official_minimums_leave_a_pass_undecided(self) -> None:
        table = attrs.evolve(TABLE, criterion_minimums={})
        result = classify(TOWN, table, observe(dict(at_maximum())), on=ON)
        assert result.total == 100
        assert result.status is Status.UNKNOWN
        assert result.reason is UnknownReason.UNSPECIFIED
        assert "điểm tối thiểu của tiêu chí 1, 2, 3, 4, 5 chưa quy định" in result.reasons("vi")
        assert result.criterion(1).summary("en").endswith("(minimum: not specified) — unknown")

    def test_official_minimums_still_fail_below_75(self) -> None:
        table = attrs.evolve(TABLE, criterion_minimums={})
        values = dict(at_minimum())
        values["5.5"] = Fraction(0)
        result = classify(TOWN, table, observe(values), on=ON)  # type: ignore[arg-type]
        assert result.total == Fraction(135, 2)
        assert result.status is Status.NOT_MET

    def test_results_on_illustrative_data_say_so(self) -> None:
        result = run(dict(at_minimum()))
        assert "1.1" in result.untrusted()
        assert "criterion 1" in result.untrusted()
        text = result.explain("vi")
        assert "minh họa" in text
        assert "không dùng để báo cáo chính thức" in text
        assert "mọi tiêu chuẩn của bảng illustrative-class-iv-2023" in text
        assert "not for official reporting" in result.explain("en")

    def test_unverified_levels_carry_their_own_provenance(self) -> None:
        result = run(dict(at_minimum()))
        assert result.standard("2.1").provenance.confidence is Confidence.UNVERIFIED
        assert result.standard("2.1").provenance.certainty == "medium"
        assert result.standard("1.1").provenance.confidence is Confidence.ILLUSTRATIVE

    def test_explain_reads_like_a_minute(self) -> None:
        values: dict[str, object] = dict(at_minimum())
        values["5.3"] = 80
        text = run(values).explain("vi")
        lines = text.splitlines()
        assert lines[0] == (
            "Thị xã Minh Họa, đô thị loại IV (30/06/2024): đạt 14/15 tiêu chuẩn, "
            "tổng 67,5 điểm; thiếu 7,5 điểm so với 75"
        )
        assert lines[1] == "Kết quả: chưa đạt"
        assert "- tổng 67,5 < 75 điểm" in lines
        assert (
            "5.3 (Tỷ lệ đường phố chính được chiếu sáng): chưa đạt — 80% < 90% → 0/10 điểm" in lines
        )
        assert any(line.startswith("Căn cứ: Nghị quyết 1210/2016/UBTVQH13") for line in lines)

    def test_latest_observation_on_or_before_the_date_counts(self) -> None:
        values = at_minimum()
        observations = observe(dict(values))
        observations.append(Observation("5.3", 95, as_of="1/1/2024"))
        observations.append(Observation("5.2", 95, as_of="1/1/2025"))  # after: ignored
        observations = [o for o in observations if o.indicator_code != "5.3"] + [
            Observation("5.3", 90, as_of="1/1/2023"),
            Observation("5.3", 95, as_of="1/1/2024"),
        ]
        result = classify(TOWN, TABLE, observations, on=ON)
        assert result.standard("5.3").points == 10
        assert result.standard("5.2").points == Fraction(15, 2)

    def test_two_observations_on_one_date(self) -> None:
        with pytest.raises(ObservationError, match="two observations"):
            classify(TOWN, TABLE, [Observation("5.3", 90), Observation("5.3", 91)], on=ON)

    def test_unknown_standard_code(self) -> None:
        with pytest.raises(UnknownCodeError, match=r"9\.9"):
            classify(TOWN, TABLE, [Observation("9.9", 1)], on=ON)

    def test_wrong_dimension_names_the_standard(self) -> None:
        with pytest.raises(UnitError, match=r"indicator 2\.1"):
            classify(TOWN, TABLE, [Observation("2.1", Q_(3, "household"))], on=ON)

    def test_a_2023_table_before_2023_is_refused(self) -> None:
        with pytest.raises(NotInForceError, match="2023-01-01 – 2025-12-31"):
            classify(TOWN, TABLE, [], on=datetime.date(2022, 12, 31))

    def test_on_31_december_2025_the_table_still_applies(self) -> None:
        result = run(dict(at_minimum()), on=datetime.date(2025, 12, 31))
        assert result.regime_id == "26/2022/UBTVQH15"
        assert result.status is Status.MET

    def test_from_1_january_2026_the_old_numbers_are_not_applied(self) -> None:
        result = run(dict(at_maximum()), on=datetime.date(2026, 1, 1))
        assert result.regime_id == "111/2025/UBTVQH15"
        assert result.status is Status.UNKNOWN
        assert result.reason is UnknownReason.UNSPECIFIED
        assert result.standards == ()
        assert result.total is None
        assert result.shortfall is None
        assert result.summary("vi").startswith("chưa chấm điểm")
        explained = result.explain("en")
        assert "111/2025/UBTVQH15" in explained
        assert "must not be applied" in explained

    def test_dates_as_text(self) -> None:
        assert classify(TOWN, TABLE, [], on="30/6/2024").on == ON
