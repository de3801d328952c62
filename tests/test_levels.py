"""Levels: ladders, recognitions, decide_level, preconditions and maintenance.

The sets are TEST DATA (tests/data/progress), illustrative thresholds only.
"""

from __future__ import annotations

import datetime
import tomllib
from collections.abc import Iterable, Mapping
from pathlib import Path

import attrs
import pytest

from ntm_criteria import (
    Q_,
    DataError,
    Level,
    Locality,
    Observation,
    Status,
    UnknownCodeError,
    load_set,
)
from ntm_criteria.levels import (
    Ladder,
    LevelDecision,
    Precondition,
    Recognition,
    decide_level,
)

DATA = Path(__file__).parent / "data" / "progress"
STANDARD = load_set(DATA / "commune_standard.toml")
ADVANCED = load_set(DATA / "commune_advanced.toml", parents=[STANDARD])
MODEL = load_set(DATA / "commune_model.toml", parents=[ADVANCED])
LADDER = Ladder([STANDARD, ADVANCED, MODEL])
VALUES = tomllib.loads((DATA / "values.toml").read_text(encoding="utf-8"))
ON = datetime.date(2023, 6, 30)
COMMUNE = Locality("04036", "Chiềng Xôm", "commune", region="TDMNPB")


def observations(
    fail: Iterable[int] = (), changes: Mapping[str, object] | None = None
) -> list[Observation]:
    """Values meeting the model set, with criteria ``fail`` failing and ``changes`` applied."""
    values: dict[str, object] = dict(VALUES["meets_model"])
    for number in fail:
        values.update(VALUES["fails"][str(number)])
    values.update(changes or {})
    units = VALUES["units"]
    return [
        Observation(code, Q_(value, units[code]) if code in units else value)
        for code, value in values.items()
        if value is not None
    ]


def decide(**kwargs: object) -> LevelDecision:
    """decide_level with defaults; observations are cut to the codes of the ladder."""
    ladder = kwargs.pop("ladder", LADDER)
    codes = (ladder if isinstance(ladder, Ladder) else Ladder(ladder)).codes()
    obs = kwargs.pop("obs", None)
    chosen = [o for o in (obs if obs is not None else observations()) if o.indicator_code in codes]
    return decide_level(
        kwargs.pop("locality", COMMUNE),
        chosen,
        on=kwargs.pop("on", ON),
        ladder=ladder,
        **kwargs,
    )


# --------------------------------------------------------------------------- ladder


class TestLadder:
    def test_sets_are_ordered_by_level(self):
        ladder = Ladder([MODEL, STANDARD, ADVANCED])
        assert ladder.levels == (Level.STANDARD, Level.ADVANCED, Level.MODEL)
        assert [s.id for s in ladder.sets] == [STANDARD.id, ADVANCED.id, MODEL.id]
        assert len(ladder) == 3
        assert Level.MODEL in ladder

    def test_from_a_mapping(self):
        ladder = Ladder({"standard": STANDARD, Level.ADVANCED: ADVANCED})
        assert ladder.set_for(Level.ADVANCED) is ADVANCED

    def test_a_set_without_level_may_sit_under_a_level(self):
        no_level = attrs.evolve(STANDARD, level=None)
        assert Ladder({Level.STANDARD: no_level}).levels == (Level.STANDARD,)

    def test_from_lookup_plugs_a_catalog_in(self):
        asked: list[Level] = []

        def find(level: Level):
            asked.append(level)
            return {Level.STANDARD: STANDARD, Level.ADVANCED: ADVANCED}.get(level)

        assert Ladder.from_lookup(find).levels == (Level.STANDARD, Level.ADVANCED)
        assert asked == list(Level)

    def test_refuses_a_set_under_another_level(self):
        with pytest.raises(DataError, match="certifies the advanced level, not standard"):
            Ladder({Level.STANDARD: ADVANCED})

    def test_refuses_two_sets_for_one_level(self):
        with pytest.raises(DataError, match="two sets for the standard level"):
            Ladder([STANDARD, attrs.evolve(STANDARD, id="other")])

    def test_refuses_a_levelless_set_in_a_list(self):
        with pytest.raises(DataError, match="certifies no level"):
            Ladder([attrs.evolve(STANDARD, level=None)])

    def test_refuses_nothing(self):
        with pytest.raises(DataError, match="at least one"):
            Ladder([])

    def test_requirement_of(self):
        assert LADDER.requirement_of(Level.STANDARD) is None
        assert LADDER.requirement_of(Level.ADVANCED) is Level.STANDARD
        assert LADDER.requirement_of(Level.MODEL) is Level.ADVANCED
        # Without `requires`, the level just below is required.
        bare = Ladder([STANDARD, attrs.evolve(MODEL, requires=None)])
        assert bare.requirement_of(Level.MODEL) is Level.ADVANCED

    def test_set_for_an_unknown_level(self):
        with pytest.raises(UnknownCodeError, match="unknown level 'model'"):
            Ladder([STANDARD]).set_for(Level.MODEL)

    def test_codes(self):
        assert {"1.1", "20.1", "21.1"} <= LADDER.codes()


# --------------------------------------------------------------------------- recognitions


class TestRecognition:
    def test_reads_text(self):
        r = Recognition(COMMUNE, "nâng cao", "s", "1234/QĐ-UBND", "15/6/2022", "14/6/2027")
        assert (r.locality, r.level, r.date, r.valid_until) == (
            "04036",
            Level.ADVANCED,
            datetime.date(2022, 6, 15),
            datetime.date(2027, 6, 14),
        )

    def test_in_force_is_inclusive_at_both_ends(self):
        r = Recognition("1", Level.STANDARD, "s", "1/QĐ", "2022-01-01", "2022-12-31")
        assert not r.in_force("2021-12-31")
        assert r.in_force("2022-01-01")
        assert r.in_force("2022-12-31")
        assert not r.in_force("2023-01-01")

    def test_int_level(self):
        assert Recognition("1", 3, "s", "1/QĐ", "2022-01-01").level is Level.MODEL

    @pytest.mark.parametrize(
        ("field", "value", "message"),
        [
            ("level", "gold", "unknown level 'gold'"),
            ("level", 7, "unknown level '7'"),
            ("decision", " ", "decision must be non-empty text"),
            ("date", "2022-02-30", "cannot parse"),
        ],
    )
    def test_bad_values(self, field, value, message):
        data = {
            "locality": "1",
            "level": 1,
            "set_id": "s",
            "decision": "1/QĐ",
            "date": "2022-01-01",
        }
        data[field] = value
        with pytest.raises(Exception, match=message) as info:
            Recognition(**data)
        assert isinstance(info.value, DataError | UnknownCodeError | ValueError)

    def test_to_and_from_dict(self):
        r = Recognition("04036", "model", "s", "7/QĐ-UBND", "2023-03-01", "2028-02-28")
        assert Recognition.from_dict(r.to_dict()) == r

    def test_from_a_csv_row_with_empty_expiry(self):
        row = {
            "locality": "04036",
            "level": "đạt chuẩn",
            "set_id": "s",
            "decision": "12/QĐ-UBND",
            "date": "15/6/2022",
            "valid_until": "",
        }
        assert Recognition.from_dict(row).valid_until is None

    def test_from_dict_names_the_missing_key(self):
        with pytest.raises(DataError, match=r"^decision: missing"):
            Recognition.from_dict({"locality": "1", "level": "model", "set_id": "s", "date": "x"})

    def test_labels(self):
        r = Recognition("1", "advanced", "s", "88/QĐ-UBND", "2023-03-01")
        assert r.label("vi") == "nâng cao — Quyết định số 88/QĐ-UBND ngày 01/03/2023"
        assert r.label("en") == "advanced — Decision 88/QĐ-UBND of 2023-03-01"


# --------------------------------------------------------------------------- deciding


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


class TestMaintenance:
    """ "Một số tiêu chí đã đạt nhưng thiếu bền vững": recognised, no longer met."""

    def recognition(self, level: str = "standard", date: str = "1/3/2022") -> Recognition:
        return Recognition(COMMUNE, level, STANDARD.id, "12/QĐ-UBND", date)

    def test_maintained(self):
        d = decide(recognitions=[self.recognition()])
        (m,) = d.maintenance
        assert m.status is Status.MET
        assert not m.is_at_risk
        assert d.at_risk == ()

    def test_at_risk_with_the_criteria_that_slipped(self):
        d = decide(obs=observations(fail=[10, 17]), recognitions=[self.recognition()])
        (m,) = d.at_risk
        assert m.level is Level.STANDARD
        assert [c.number for c in m.slipped] == [10, 17]
        assert m.explain("vi") == (
            "đạt chuẩn (Quyết định số 12/QĐ-UBND ngày 01/03/2022): "
            "có nguy cơ không duy trì — tiêu chí 10, 17 không còn đạt"
        )
        assert "Recognised: standard (Decision 12/QĐ-UBND of 2022-03-01): at risk" in d.explain(
            "en"
        )

    def test_undecided_is_not_at_risk(self):
        d = decide(obs=observations(changes={"15.1": None}), recognitions=[self.recognition()])
        (m,) = d.maintenance
        assert m.status is Status.UNKNOWN
        assert d.at_risk == ()
        assert [c.number for c in m.undecided] == [15]
        assert m.explain("en").endswith("cannot be confirmed — criteria 15 need data")

    def test_each_recognised_level_is_checked_with_the_latest_decision(self):
        old = self.recognition("advanced", "1/3/2022")
        new = attrs.evolve(old, decision="77/QĐ-UBND", date=datetime.date(2023, 3, 1))
        d = decide(obs=observations(changes={"10.1": 45}), recognitions=[new, old])
        (m,) = d.maintenance
        assert m.recognition.decision == "77/QĐ-UBND"
        assert m.is_at_risk
        assert [c.number for c in m.slipped] == [10]

    def test_levels_outside_the_ladder_are_not_checked(self):
        d = decide(ladder=[STANDARD], recognitions=[self.recognition("model")])
        assert d.maintenance == ()
        assert d.recognised is Level.MODEL

    def test_eligible_for_a_higher_recognition(self):
        d = decide(recognitions=[self.recognition()])
        assert "Đủ điều kiện đề nghị công nhận đạt chuẩn kiểu mẫu." in d.explain("vi")


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


def test_the_built_in_ladder_follows_the_date() -> None:
    from ntm_criteria import Q_, Ladder, Locality, Observation, Status, decide_level

    commune = Locality("04036", "Chiềng Xôm", "commune", region="TDMNPB")
    ladder = Ladder.built_in(commune, on="15/6/2022")
    assert [level.key for level in ladder.levels] == ["standard", "advanced", "model"]
    decision = decide_level(
        commune, [Observation("3.1", Q_(85, "percent"))], on="15/6/2022", ladder=ladder
    )
    # Most national thresholds are unspecified in the reference: nothing can be decided yet.
    assert decision.level is None
    assert decision.holds(ladder.levels[0]) is Status.UNKNOWN
    assert [s.id for s in Ladder.built_in(commune, on="1/3/2026").sets] == [
        "vn-ntm-commune-2026-2030"
    ]
