"""ntm_criteria.levels and ntm_criteria.progress: documented entry points into the analysis."""

from __future__ import annotations

import pytest

from ntm_criteria import analysis, levels, progress

LEVELS = [
    "Ladder",
    "LevelDecision",
    "LevelStep",
    "Maintenance",
    "Precondition",
    "Recognition",
    "decide_level",
    "held_phrase",
]
PROGRESS = [
    "DEFAULT_BINS",
    "Basis",
    "Comparison",
    "CriteriaBin",
    "CriterionChange",
    "Derived",
    "PlanItem",
    "PlanProgress",
    "PlanStatus",
    "PlanTarget",
    "Position",
    "Progress",
    "Roadmap",
    "RollUp",
    "Shortfall",
    "ShortfallKey",
    "Standing",
    "Trajectory",
    "aggregate_observations",
    "assess_aggregate",
    "compare",
    "derive_merged",
    "draft_roadmap",
    "lineage",
    "new_province_of",
    "next_deadline",
    "no_investment_first",
    "rank_shortfalls",
    "roll_up",
    "roll_up_by_new_province",
    "shortfalls",
    "trajectory",
]


def test_the_facades_keep_their_names():
    assert levels.__all__ == LEVELS
    assert progress.__all__ == PROGRESS
    assert sorted(analysis.__all__) == sorted(LEVELS + PROGRESS)


@pytest.mark.parametrize(
    ("module", "name"), [(levels, n) for n in LEVELS] + [(progress, n) for n in PROGRESS]
)
def test_a_facade_name_is_the_analysis_object(module, name):
    assert getattr(module, name) is getattr(analysis, name)
