"""Aggregates: a district's or province's indicators from its communes.

The sets and figures are TEST DATA (tests/data/progress), illustrative only.
"""

from __future__ import annotations

from fractions import Fraction

import attrs
import pytest
from analysis_cases import (
    DATA,
    DISTRICT,
    DISTRICT_ADVANCED,
    ON,
    PROVINCE,
    commune,
    decision,
)

from ntm_criteria import (
    Q_,
    DataError,
    Level,
    Locality,
    Observation,
    ObservationError,
    Status,
    UnknownReason,
    load_set,
)
from ntm_criteria.analysis import (
    Ladder,
    LevelDecision,
    RollUp,
    aggregate_observations,
    assess_aggregate,
    decide_level,
    roll_up,
)


def district_members(
    district: str, advanced: int, standard: int, below: int, start: int = 0
) -> list[LevelDecision]:
    found = []
    for n in range(start, start + advanced + standard + below):
        place = Locality(f"{n:05d}", f"Xã {n}", "commune", parent=district, region="TDMNPB")
        if n < start + advanced:
            found.append(decision(place, changes={"20.1": 0}))
        elif n < start + advanced + standard:
            found.append(decision(place, changes={"3.1": 85}))
        else:
            found.append(decision(place, fail=[10]))
    return found


class TestAggregates:
    DISTRICT_PLACE = Locality("116", "Mai Sơn", "district", parent="14", region="TDMNPB")
    PROVINCE_PLACE = Locality("14", "Sơn La", "province", region="TDMNPB")

    def test_district_from_its_communes(self):
        communes = roll_up(district_members("116", advanced=2, standard=2, below=0))
        (obs,) = aggregate_observations(DISTRICT, communes, on=ON)
        assert obs.indicator_code == "1.1"
        assert obs.value == Q_(Fraction(1), "")
        assert obs.source == "tổng hợp từ 4 xã: 4 đạt chuẩn"
        result = assess_aggregate(
            self.DISTRICT_PLACE, DISTRICT, communes, [Observation("2.1", True)], on=ON
        )
        assert result.status is Status.MET
        assert result.indicator("1.1").actual == 100

    def test_district_levels_with_a_ladder(self):
        ladder = Ladder([DISTRICT, DISTRICT_ADVANCED])
        communes = roll_up(district_members("116", advanced=1, standard=3, below=0))
        computed = aggregate_observations(ladder, communes)
        assert [o.indicator_code for o in computed] == ["1.1", "3.1"]
        d = decide_level(
            self.DISTRICT_PLACE, [Observation("2.1", True), *computed], on=ON, ladder=ladder
        )
        assert d.level is Level.STANDARD  # 1 of 4 communes advanced: 25% < 40%
        assert d.next_step.result.indicator("3.1").actual == 25

    def test_province_from_districts_and_communes(self):
        members_a = district_members("116", advanced=2, standard=2, below=0)
        members_b = district_members("117", advanced=0, standard=3, below=1, start=10)
        districts = []
        for code, members in (("116", members_a), ("117", members_b)):
            place = Locality(code, f"Huyện {code}", "district", parent="14", region="TDMNPB")
            districts.append(
                decide_level(
                    place,
                    [Observation("2.1", True), *aggregate_observations(DISTRICT, roll_up(members))],
                    on=ON,
                    ladder=[DISTRICT],
                )
            )
        assert [d.level for d in districts] == [Level.STANDARD, None]
        everything = roll_up([*districts, *members_a, *members_b])
        result = assess_aggregate(
            self.PROVINCE_PLACE,
            PROVINCE,
            everything,
            [Observation("4.1", Q_(5, "m ** 2 / person"))],
            on=ON,
        )
        assert result.indicator("1.1").actual == 50
        assert result.indicator("2.1").actual == Fraction(200, 8)  # 2 of 8 communes
        assert result.indicator("3.1").actual == 0
        assert [c.number for c in result.criteria if c.status is Status.NOT_MET] == [1, 2, 3]

    def test_undecided_members_make_the_aggregate_unknown(self):
        members = district_members("116", advanced=0, standard=2, below=0)
        members.append(decision(commune("00099", "Thiếu số liệu"), changes={"12.1": None}))
        result = assess_aggregate(
            self.DISTRICT_PLACE, DISTRICT, roll_up(members), [Observation("2.1", True)], on=ON
        )
        outcome = result.indicator("1.1")
        assert (outcome.status, outcome.reason) == (Status.UNKNOWN, UnknownReason.NO_DATA)

    def test_no_member_of_the_kind_makes_no_observation(self):
        assert aggregate_observations(DISTRICT, RollUp([])) == ()

    def test_a_level_free_aggregate_counts_completed_members(self):
        completed = load_set(DATA / "district_standard.toml")
        counting = attrs.evolve(
            completed,
            criteria=[
                attrs.evolve(
                    completed.criteria[0],
                    indicators=[
                        attrs.evolve(
                            completed.criteria[0].indicators[0],
                            aggregate=attrs.evolve(
                                completed.criteria[0].indicators[0].aggregate, level=None
                            ),
                        )
                    ],
                ),
                completed.criteria[1],
            ],
        )
        members = roll_up(district_members("116", advanced=0, standard=1, below=1))
        (obs,) = aggregate_observations(counting, members)
        assert obs.value == Q_(Fraction(1, 2), "")
        assert obs.source == "tổng hợp từ 2 xã: 1 hoàn thành"

    def test_computed_indicators_are_not_observed_directly(self):
        with pytest.raises(ObservationError, match="computed from the sub-localities"):
            assess_aggregate(
                self.DISTRICT_PLACE,
                DISTRICT,
                RollUp([]),
                [Observation("1.1", 100)],
                on=ON,
            )

    def test_one_meaning_per_code(self):
        clash = attrs.evolve(DISTRICT_ADVANCED, id="clash")
        first = clash.criteria[0]
        changed = attrs.evolve(
            first.indicators[0],
            aggregate=attrs.evolve(first.indicators[0].aggregate, level=Level.MODEL),
        )
        clash = attrs.evolve(
            clash, criteria=[attrs.evolve(first, indicators=[changed]), *clash.criteria[1:]]
        )
        with pytest.raises(DataError, match="computed differently"):
            aggregate_observations([DISTRICT, clash], RollUp([]))
