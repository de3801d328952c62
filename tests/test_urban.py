"""Tests for ntm_criteria.urban: urban classification scoring and civilized urban wards.

Scoring is checked exactly (Fractions) at a standard's minimum, at its
maximum and in between, in both directions; the pass line at exactly 75;
the change of the criteria's maximum points on 1/1/2023 and the replacement
of the whole regime on 1/1/2026; data files with several mistakes; the
built-in civilized-ward set, the recognition rules and roadmap items.
"""

from __future__ import annotations

import datetime
from fractions import Fraction
from pathlib import Path

import attrs
import pytest

from ntm_criteria import Q_, Locality, Observation, Status, UnknownReason, assess, catalog
from ntm_criteria.errors import (
    DataError,
    DataErrors,
    NotInForceError,
    ObservationError,
    ScopeError,
    UnitError,
    UnknownCodeError,
)
from ntm_criteria.rules import ByRegion, Confidence, Context, Fixed, Provenance, Unspecified
from ntm_criteria.urban import (
    ClassificationResult,
    Direction,
    RoadmapItem,
    RoadmapStatus,
    Standard,
    StandardsTable,
    check_recognition,
    civilized_rules,
    class_label,
    classification_rules,
    classify,
    example_standards,
    load_standards,
    loads_civilized_rules,
    loads_classification_rules,
    loads_standards,
)

DATA = Path(__file__).parent / "data" / "urban"
ON = datetime.date(2024, 6, 30)
TOWN = Locality("99100", "Minh Họa", "town", region="DBSH")
TABLE = example_standards()
WARD_SET_ID = "vn-civilized-urban-ward-2022"


def _level(spec: object) -> Fraction:
    assert isinstance(spec, Fixed)
    return spec.amount


def at_minimum() -> dict[str, Fraction]:
    return {s.code: _level(s.min_level) for s in TABLE.standards}


def at_maximum() -> dict[str, Fraction]:
    return {s.code: _level(s.max_level) for s in TABLE.standards}


def observe(values: dict[str, object]) -> list[Observation]:
    return [Observation(code, value) for code, value in values.items()]  # type: ignore[arg-type]


def run(values: dict[str, object], on: datetime.date = ON) -> ClassificationResult:
    return classify(TOWN, TABLE, observe(values), on=on)


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


# -- one standard ----------------------------------------------------------------------


def _standard(direction: str = "higher") -> Standard:
    if direction == "higher":
        return Standard("9.1", 5, "Chỉ tiêu", "Standard", Fixed(50), Fixed(100), 6, 10)
    return Standard("9.2", 5, "Chỉ tiêu", "Standard", Fixed(10), Fixed(2), 6, 10, direction="lower")


class TestStandardPoints:
    def test_at_minimum_earns_minimum_points(self) -> None:
        assert _standard().points_for(50) == 6

    def test_at_maximum_earns_maximum_points(self) -> None:
        assert _standard().points_for(100) == 10

    def test_beyond_maximum_earns_maximum_points(self) -> None:
        assert _standard().points_for(1_000) == 10

    def test_between_is_linear_and_exact(self) -> None:
        assert _standard().points_for(75) == 8
        assert _standard().points_for(Fraction(151, 2)) == Fraction(201, 25)
        assert _standard().points_for(51.3) == Fraction(6) + Fraction(4) * Fraction(13, 10) / 50

    def test_below_minimum_earns_nothing(self) -> None:
        assert _standard().points_for(49.99) == 0

    def test_lower_is_better(self) -> None:
        standard = _standard("lower")
        assert standard.points_for(10) == 6
        assert standard.points_for(2) == 10
        assert standard.points_for(0) == 10
        assert standard.points_for(6) == 8
        assert standard.points_for(10.01) == 0

    def test_quantity_is_converted(self) -> None:
        standard = Standard("9.3", 5, "Diện tích", "Area", Fixed(1), Fixed(3), 0, 2, unit="km ** 2")
        assert standard.points_for(Q_(2_000_000, "m ** 2")) == 1
        with pytest.raises(UnitError):
            standard.points_for(Q_(2, "person"))

    def test_equal_levels(self) -> None:
        standard = Standard("9.4", 5, "x", "x", Fixed(5), Fixed(5), 1, 2)
        assert standard.points_for(5) == 2
        assert standard.points_for(4) == 0

    def test_unspecified_levels(self) -> None:
        standard = Standard("9.5", 5, "x", "x", Fixed(5), Unspecified("?"), 1, 2)
        assert standard.points_for(4) == 0
        assert standard.points_for(6) is None
        assert Standard("9.6", 5, "x", "x", Unspecified(), Fixed(9), 1, 2).points_for(6) is None

    def test_levels_may_vary_by_region(self) -> None:
        standard = Standard(
            "9.7",
            5,
            "x",
            "x",
            ByRegion({"TDMNPB": Fixed(30)}, default=Fixed(50)),
            Fixed(100),
            6,
            10,
        )
        mountain = Context(on=ON, region="TDMNPB")
        assert standard.points_for(40, mountain) > 6
        assert standard.points_for(40, Context(on=ON, region="DBSH")) == 0

    @pytest.mark.parametrize(
        ("kwargs", "message"),
        [
            ({"min_points": 5, "max_points": 4}, "min_points 5 is above max_points 4"),
            ({"min_points": -1}, "negative"),
            ({"min_level": Fixed(10), "max_level": Fixed(5)}, "wrong order"),
            (
                {"min_level": Fixed(5), "max_level": Fixed(10), "direction": "lower"},
                "wrong order",
            ),
        ],
    )
    def test_bad_standards_are_refused(self, kwargs: dict[str, object], message: str) -> None:
        fields: dict[str, object] = {
            "code": "9.9",
            "criterion": 5,
            "name_vi": "x",
            "name_en": "x",
            "min_level": Fixed(1),
            "max_level": Fixed(2),
            "min_points": 1,
            "max_points": 2,
        }
        fields.update(kwargs)
        with pytest.raises(DataError, match=message):
            Standard(**fields)  # type: ignore[arg-type]

    def test_direction_labels(self) -> None:
        assert Direction.HIGHER.label("en") == "higher is better"
        assert Direction("lower").label("vi") == "càng thấp càng tốt"

    def test_bool_is_refused(self) -> None:
        with pytest.raises(ObservationError):
            _standard().points_for(True)


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


# -- standards tables from TOML ------------------------------------------------------------------


GOOD_TABLE = """\
id = "mine"
title_vi = "Bảng của tôi"
title_en = "My table"
regime = "26/2022/UBTVQH15"
class = "III"
source = "Phụ lục 1 (bản chụp)"
confidence = "provincial"

[[standards]]
code = "2.1"
criterion = 2
name_vi = "Dân số"
name_en = "Population"
unit = "person"
min_level = { by_tag = { mountainous = 80000 }, default = 100000 }
max_level = 150000
min_points = 3
max_points = 4
"""


class TestStandardsFiles:
    def test_the_example_table_loads(self) -> None:
        assert len(TABLE.standards) == 15
        assert TABLE.provenance.confidence is Confidence.ILLUSTRATIVE
        maxima = {
            n: sum(s.max_points for s in TABLE.standards if s.criterion == n) for n in range(1, 6)
        }
        assert maxima == {1: 18, 2: 8, 3: 8, 4: 6, 5: 60}
        minimum = TABLE.standard("2.1").min_level
        assert isinstance(minimum, Fixed)
        assert minimum.provenance is not None
        assert minimum.provenance.confidence is Confidence.UNVERIFIED

    def test_a_users_table_with_values_by_tag(self) -> None:
        table = loads_standards(GOOD_TABLE)
        assert table.urban_class == "III"
        assert table.provenance.confidence is Confidence.PROVINCIAL
        mountain = Locality("1", "Núi", "town", tags=["mountainous"])
        plain = Locality("2", "Đồng", "town")
        obs = [Observation("2.1", 90_000)]
        assert classify(mountain, table, obs, on=ON).standard("2.1").status is Status.MET
        assert classify(plain, table, obs, on=ON).standard("2.1").status is Status.NOT_MET

    def test_every_mistake_is_reported_at_once(self) -> None:
        with pytest.raises(DataErrors) as caught:
            load_standards(DATA / "standards_mistakes.toml")
        err = caught.value
        assert err.file == str(DATA / "standards_mistakes.toml")
        paths = [e.key_path for e in err.errors]
        assert paths == [
            "standards[0].unit",
            "standards[1].direction",
            "standards[2].code",
            "standards[2]",
            "standards[3]",
            "standards[4].min_levle",
            "standards[4].min_level",
            "class",
            "criteria",
            "standards",
        ]
        text = str(err)
        assert "did you mean 'min_level'?" in text
        assert "min_points 5 is above max_points 4" in text
        assert "criterion 5 give up to 70 points, above its maximum of 60" in text

    def test_unknown_regime(self) -> None:
        text = GOOD_TABLE.replace('"26/2022/UBTVQH15"', '"26/2022"')
        with pytest.raises(DataErrors, match="unknown urban classification regime '26/2022'"):
            loads_standards(text)

    def test_duplicate_codes(self) -> None:
        text = GOOD_TABLE + GOOD_TABLE[GOOD_TABLE.index("[[standards]]") :]
        with pytest.raises(DataErrors, match=r"standards\[1\].code: duplicate standard code '2.1'"):
            loads_standards(text)

    def test_invalid_toml(self) -> None:
        with pytest.raises(DataErrors, match="invalid TOML"):
            loads_standards("id = ", file="x.toml")

    def test_table_checks_its_own_codes(self) -> None:
        standard = TABLE.standards[0]
        with pytest.raises(DataError, match="duplicate"):
            StandardsTable("t", "t", "t", "26/2022/UBTVQH15", "IV", [standard, standard])

    def test_rules_files_report_every_mistake(self) -> None:
        with pytest.raises(DataErrors) as caught:
            loads_classification_rules(
                (DATA / "rules_mistakes.toml").read_text(encoding="utf-8"), file="rules.toml"
            )
        paths = [e.key_path for e in caught.value.errors]
        assert paths == [
            "regimes[0].classes[1]",
            "regimes[0].criteria[0].max_points",
            "regimes[0].criteria[1].name_en",
            "regimes[1].valid_from",
            "regimes[1].classes",
            "regimes[1].pass_total",
        ]

    def test_rules_must_add_up_and_not_overlap(self) -> None:
        regime = """
[[regimes]]
id = "{id}"
title_vi = "x"
title_en = "x"
legal_basis = "x"
valid_from = {start}
classes = ["I"]
pass_total = 75
[[regimes.criteria]]
number = 1
name_vi = "x"
name_en = "x"
max_points = {points}
"""
        with pytest.raises(DataErrors, match="add up to 90, not 100"):
            loads_classification_rules(regime.format(id="a", start="2020-01-01", points=90))
        both = regime.format(id="a", start="2020-01-01", points=100) + regime.format(
            id="b", start="2021-01-01", points=100
        )
        with pytest.raises(DataErrors, match="regimes a and b overlap"):
            loads_classification_rules(both)

    def test_a_what_if_rule_book(self) -> None:
        text = (
            Path(__file__).parents[1] / "src/ntm_criteria/data/urban_classification.toml"
        ).read_text(encoding="utf-8")
        stricter = text.replace("pass_total = { value = 75", "pass_total = { value = 80", 2)
        rules = loads_classification_rules(stricter)
        result = classify(TOWN, TABLE, observe(dict(at_minimum())), on=ON, rules=rules)
        assert result.status is Status.NOT_MET
        assert result.shortfall == 5


# -- civilized urban wards -----------------------------------------------------------------------


WARD = Locality("26734", "Phường Minh Họa", "ward", region="DBSH")


class TestCivilizedSet:
    def test_the_set_is_built_in(self) -> None:
        ward_set = catalog.get(WARD_SET_ID)
        assert ward_set.total == 9
        assert [k.value for k in ward_set.scope] == ["ward", "township"]
        assert ward_set.valid_from == datetime.date(2022, 2, 18)
        assert ward_set.valid_to is None
        assert "04/2022/QĐ-TTg" in ward_set.legal_basis
        assert ward_set.criterion(3).name_vi == "Môi trường và an toàn thực phẩm đô thị"
        assert ward_set.criterion(9).name_en == (
            "Political system and responsibility of the urban government"
        )
        assert WARD_SET_ID in {info.id for info in catalog.list_sets()}

    def test_every_indicator_is_unspecified_with_its_source(self) -> None:
        ward_set = catalog.get(WARD_SET_ID)
        assert catalog.unspecified_indicators(ward_set) == [str(n) for n in range(1, 10)]
        for indicator in ward_set.indicators():
            assert isinstance(indicator.requirement, Unspecified)
            assert indicator.requirement.note == "Appendix I of 04/2022/QĐ-TTg not retrieved"
            assert indicator.provenance.confidence is Confidence.OFFICIAL
            assert indicator.provenance.certainty == "high"

    def test_a_ward_is_unknown_with_reasons(self) -> None:
        result = assess(WARD, catalog.get(WARD_SET_ID), [], on=ON)
        assert result.status is Status.UNKNOWN
        assert result.reason is UnknownReason.UNSPECIFIED
        assert result.unknown_count == 9
        assert result.met_count == 0
        assert all(c.reason is UnknownReason.UNSPECIFIED for c in result.criteria)
        assert result.criterion(1).summary("en") == (
            "Criterion 1 (Urban planning): unknown — 1: threshold not specified "
            "(Appendix I of 04/2022/QĐ-TTg not retrieved)"
        )
        assert "9 tiêu chí chưa xác định" in result.headline("vi")

    def test_observations_do_not_decide_an_unspecified_criterion(self) -> None:
        result = assess(WARD, catalog.get(WARD_SET_ID), [Observation("1", True)], on=ON)
        assert result.criterion(1).status is Status.UNKNOWN

    def test_a_township_too_but_not_a_commune(self) -> None:
        township = Locality("26735", "Thị trấn Minh Họa", "township")
        assert assess(township, catalog.get(WARD_SET_ID), [], on=ON).total == 9
        with pytest.raises(ScopeError):
            assess(Locality("1", "Xã A", "commune"), catalog.get(WARD_SET_ID), [], on=ON)

    def test_not_before_the_decision(self) -> None:
        with pytest.raises(NotInForceError):
            assess(WARD, catalog.get(WARD_SET_ID), [], on="17/2/2022")


def _filled_set() -> object:
    """A provincial set that fills in every criterion with a pass/fail indicator."""
    lines = [
        'id = "example-province-civilized-ward"',
        f'extends = "{WARD_SET_ID}"',
        'legal_basis = "Quyết định …/QĐ-UBND (illustrative)"',
        'confidence = "illustrative"',
    ]
    for number in range(1, 10):
        lines += [f'[indicators."{number}"]', 'requirement = "achieved"']
    return catalog.loads_set("\n".join(lines))


class TestRecognition:
    def test_rules_from_data(self) -> None:
        rules = civilized_rules()
        assert rules.set_id == WARD_SET_ID
        assert rules.first_recognition_years.amount == 2
        assert rules.re_recognition_years.amount == 5
        assert rules.min_satisfaction.amount == 90
        assert rules.provenance.confidence is Confidence.OFFICIAL
        assert rules.provenance.certainty == "high"
        assert rules.criterion_set().id == WARD_SET_ID

    def test_earliest_recognition(self) -> None:
        rules = civilized_rules()
        assert rules.earliest_recognition("1/3/2022") == datetime.date(2024, 3, 1)
        assert rules.earliest_recognition("1/3/2022", first=False) == datetime.date(2027, 3, 1)
        assert rules.earliest_recognition("29/2/2024") == datetime.date(2026, 2, 28)

    def _check(self, on: str, **kwargs: object) -> object:
        result = assess(
            WARD, _filled_set(), [Observation(str(n), True) for n in range(1, 10)], on=on
        )  # type: ignore[arg-type]
        return check_recognition(result, **kwargs)  # type: ignore[arg-type]

    def test_all_conditions_met(self) -> None:
        check = self._check("1/3/2024", registered_on="1/3/2022", satisfaction=Q_(90, "percent"))
        assert check.status is Status.MET  # type: ignore[attr-defined]
        text = check.explain("vi")  # type: ignore[attr-defined]
        assert "công nhận lần đầu" in text
        assert "đăng ký 01/03/2022, đủ 2 năm từ 01/03/2024" in text
        assert "90% ≥ 90%" in text
        assert "minh họa" in text  # the filled-in set is illustrative

    def test_registration_period_not_yet_over(self) -> None:
        check = self._check("29/2/2024", registered_on="1/3/2022", satisfaction=95)
        registration = check.condition("registration")  # type: ignore[attr-defined]
        assert registration.status is Status.NOT_MET
        assert (
            registration.detail_en == "registered 2022-03-01; 2 years not complete until 2024-03-01"
        )
        assert check.status is Status.NOT_MET  # type: ignore[attr-defined]

    def test_re_recognition_needs_five_years(self) -> None:
        early = self._check("1/3/2026", registered_on="1/3/2022", satisfaction=95, first=False)
        assert early.condition("registration").status is Status.NOT_MET  # type: ignore[attr-defined]
        late = self._check("1/3/2027", registered_on="1/3/2022", satisfaction=95, first=False)
        assert late.status is Status.MET  # type: ignore[attr-defined]
        assert "công nhận lại" in late.explain("vi")  # type: ignore[attr-defined]

    @pytest.mark.parametrize(
        ("value", "status"),
        [
            (89.99, Status.NOT_MET),
            (90, Status.MET),
            (Q_(0.9, ""), Status.MET),
            (Q_(0.8999, ""), Status.NOT_MET),
            (None, Status.UNKNOWN),
        ],
    )
    def test_satisfaction_of_at_least_90_percent(self, value: object, status: Status) -> None:
        check = self._check("1/6/2024", registered_on="1/3/2022", satisfaction=value)
        assert check.condition("satisfaction").status is status  # type: ignore[attr-defined]
        assert check.status is status  # type: ignore[attr-defined]

    def test_missing_satisfaction_needs_data(self) -> None:
        check = self._check("1/6/2024", registered_on="1/3/2022")
        condition = check.condition("satisfaction")  # type: ignore[attr-defined]
        assert condition.reason is UnknownReason.NO_DATA
        assert condition.summary("en") == (
            "residents' satisfaction: unknown — needs data (at least 90% required)"
        )

    def test_with_the_national_set_the_criteria_stay_unknown(self) -> None:
        result = assess(WARD, catalog.get(WARD_SET_ID), [], on="1/6/2024")
        check = check_recognition(result, registered_on="1/3/2022", satisfaction=95)
        assert check.condition("criteria").status is Status.UNKNOWN
        assert check.status is Status.UNKNOWN
        assert check.reason is UnknownReason.UNSPECIFIED

    def test_only_wards_and_townships(self) -> None:
        from ntm_criteria import demo

        commune = demo.gazetteer().get("04036")
        result = assess(commune, demo.criterion_set(), [], on="30/6/2023")
        with pytest.raises(ScopeError, match="commune"):
            check_recognition(result, registered_on="1/1/2020")

    def test_satisfaction_must_be_a_number(self) -> None:
        with pytest.raises(ObservationError):
            self._check("1/6/2024", registered_on="1/3/2022", satisfaction="cao")

    def test_rules_file_mistakes_all_at_once(self) -> None:
        with pytest.raises(DataErrors) as caught:
            loads_civilized_rules(
                (DATA / "civilized_mistakes.toml").read_text(encoding="utf-8"), file="c.toml"
            )
        assert [e.key_path for e in caught.value.errors] == [
            "scope",
            "confidence",
            "first_recognition_years",
            "re_recognition_years",
        ]

    def test_custom_rules(self) -> None:
        rules = attrs.evolve(
            civilized_rules(), min_satisfaction=Fixed(95, Provenance("provincial decision"))
        )
        result = assess(
            WARD, _filled_set(), [Observation(str(n), True) for n in range(1, 10)], on="1/6/2024"
        )  # type: ignore[arg-type]
        check = check_recognition(result, registered_on="1/3/2022", satisfaction=92, rules=rules)
        assert check.condition("satisfaction").status is Status.NOT_MET


class TestRoadmap:
    def test_registration_for_a_year(self) -> None:
        item = RoadmapItem.registration("26734", 2025, registered_on="15/3/2023")
        assert item.target == datetime.date(2025, 12, 31)
        assert item.status is RoadmapStatus.PLANNED
        assert item.programme == WARD_SET_ID
        assert item.registered_on == datetime.date(2023, 3, 15)
        assert item.title_en == "Recognised as a civilized urban area in 2025"

    def test_wards_registering_for_2024_and_2025(self) -> None:
        items = [
            RoadmapItem.registration("26734", 2024),
            RoadmapItem.registration("26737", 2025),
            RoadmapItem.registration("26740", 2025),
        ]
        assert [i.locality_code for i in items if i.is_due_in(2025)] == ["26737", "26740"]
        on = datetime.date(2025, 1, 1)
        assert [i.locality_code for i in items if i.is_overdue(on)] == ["26734"]

    def test_achieved_items_are_never_overdue(self) -> None:
        item = attrs.evolve(
            RoadmapItem.registration("26734", 2024),
            status=RoadmapStatus.ACHIEVED,
            achieved_on=datetime.date(2024, 11, 20),
        )
        assert not item.is_overdue("1/1/2026")

    def test_round_trip(self) -> None:
        item = RoadmapItem("26734", "x", "x", "31/12/2024", "achieved", achieved_on="2/12/2024")
        assert RoadmapItem.from_dict(item.to_dict()) == item

    def test_bad_data(self) -> None:
        with pytest.raises(DataError, match="unknown 'year'"):
            RoadmapItem.from_dict(
                {
                    "locality_code": "1",
                    "title_vi": "x",
                    "title_en": "x",
                    "target": "2024-12-31",
                    "year": 1,
                }
            )
        with pytest.raises(ValueError, match="'soon'"):
            RoadmapItem("1", "x", "x", "31/12/2024", "soon")
        with pytest.raises(DataError):
            RoadmapItem.from_dict(
                {"locality_code": "1", "title_vi": "x", "title_en": "x", "target": "31/2/2024"}
            )

    def test_status_labels(self) -> None:
        assert [s.label("en") for s in RoadmapStatus] == ["planned", "achieved", "dropped"]


# -- the docs page's examples run ------------------------------------------------------------


def run_pycon_blocks(page: Path) -> None:
    """Run every ```pycon block of a docs page as one doctest session."""
    import doctest
    import re

    text = page.read_text(encoding="utf-8")
    blocks = re.findall(r"```pycon\n(.*?)```", text, flags=re.DOTALL)
    assert blocks, f"no pycon blocks in {page}"
    parser = doctest.DocTestParser()
    runner = doctest.DocTestRunner(
        optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE, verbose=False
    )
    globs: dict[str, object] = {}
    for index, block in enumerate(blocks):
        test = parser.get_doctest(block, globs, f"{page.name}[{index}]", str(page), 0)
        runner.run(test, clear_globs=False)
        globs = test.globs  # DocTest copies its globals: carry them to the next block
    assert runner.failures == 0, f"{runner.failures} failing example(s) in {page}"


def test_the_docs_page_examples_run() -> None:
    run_pycon_blocks(Path(__file__).parents[1] / "docs" / "urban.md")
