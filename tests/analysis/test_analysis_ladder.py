"""Ladders: one set per level, lowest first; the built-in ladder by date.

The sets and figures are TEST DATA (tests/data/progress), illustrative only.
"""

from __future__ import annotations

import attrs
import pytest
from analysis_cases import (
    ADVANCED,
    LADDER,
    MODEL,
    STANDARD,
)

from ntm_criteria import (
    Q_,
    DataError,
    Level,
    Locality,
    Observation,
    Status,
    UnknownCodeError,
)
from ntm_criteria.analysis import (
    Ladder,
)


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


def test_the_built_in_ladder_follows_the_date() -> None:
    from ntm_criteria import Ladder, decide_level

    commune = Locality("03664", "Chiềng Xôm", "commune", region="TDMNPB")
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
