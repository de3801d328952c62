"""Analysis of assessment results: levels, recognitions, progress, plans, roll-ups.

What a steering committee asks of the assessments
(:class:`~ntm_criteria.assessment.AssessmentResult`), one concept per module:

- levels: a :class:`~ntm_criteria.levels.Ladder` of sets,
  :func:`~ntm_criteria.levels.decide_level` and its
  :class:`~ntm_criteria.levels.LevelDecision` (standard → advanced → model,
  with preconditions);
- recognitions: a :class:`~ntm_criteria.levels.Recognition` decision and
  whether the recognised level is still met
  (:class:`~ntm_criteria.levels.Maintenance`, at risk);
- shortfalls and progress: :func:`~ntm_criteria.progress.shortfalls`,
  :func:`~ntm_criteria.progress.rank_shortfalls`,
  :class:`~ntm_criteria.progress.Progress` (x/19 criteria);
- plans: :class:`~ntm_criteria.progress.PlanItem` (one type for every
  roadmap: an indicator, a criterion or a whole programme),
  :class:`~ntm_criteria.progress.Roadmap`,
  :func:`~ntm_criteria.progress.draft_roadmap`;
- comparison and time series: :func:`~ntm_criteria.progress.compare`,
  :func:`~ntm_criteria.progress.trajectory`;
- roll-ups: :func:`~ntm_criteria.progress.roll_up`,
  :class:`~ntm_criteria.progress.RollUp` against a
  :class:`~ntm_criteria.progress.PlanTarget`;
- aggregates: :func:`~ntm_criteria.progress.aggregate_observations` and
  :func:`~ntm_criteria.progress.assess_aggregate` for a district's or
  province's set that rests on its communes;
- across the 1/7/2025 reorganisation: :func:`~ntm_criteria.progress.roll_up_by_new_province`,
  :func:`~ntm_criteria.progress.lineage` (a new unit's predecessors' history) and
  :func:`~ntm_criteria.progress.derive_merged` (:class:`~ntm_criteria.progress.Derived`).

:mod:`ntm_criteria.levels` and :mod:`ntm_criteria.progress` re-export the
same names in two groups, and their pages document them.

>>> from ntm_criteria import assess, demo
>>> from ntm_criteria.analysis import Progress, decide_level, roll_up
>>> places, s, obs = demo.gazetteer(), demo.criterion_set(), demo.observations()
>>> hua_la = places.effective("03676")
>>> decide_level(hua_la, obs["03676"], on=demo.ASSESSMENT_DATE, ladder=[s]).level
<Level.STANDARD: 1>
>>> Progress(assess(hua_la, s, obs["03676"], on=demo.ASSESSMENT_DATE)).criteria_share
Fraction(1, 1)
"""

from ntm_criteria.analysis._aggregates import aggregate_observations, assess_aggregate
from ntm_criteria.analysis._comparison import Comparison, CriterionChange, compare
from ntm_criteria.analysis._ladder import Ladder
from ntm_criteria.analysis._levels import LevelDecision, LevelStep, Precondition, decide_level
from ntm_criteria.analysis._plans import (
    PlanItem,
    PlanStatus,
    Roadmap,
    draft_roadmap,
    next_deadline,
)
from ntm_criteria.analysis._recognitions import Maintenance, Recognition
from ntm_criteria.analysis._rollup import (
    DEFAULT_BINS,
    Basis,
    CriteriaBin,
    Position,
    RollUp,
    Standing,
    roll_up,
)
from ntm_criteria.analysis._shortfalls import (
    Progress,
    Shortfall,
    ShortfallKey,
    no_investment_first,
    rank_shortfalls,
    shortfalls,
)
from ntm_criteria.analysis._successors import (
    Derived,
    derive_merged,
    lineage,
    new_province_of,
    roll_up_by_new_province,
)
from ntm_criteria.analysis._targets import PlanProgress, PlanTarget
from ntm_criteria.analysis._trajectory import Trajectory, trajectory
from ntm_criteria.analysis._wording import held_phrase

__all__ = [
    "DEFAULT_BINS",
    "Basis",
    "Comparison",
    "CriteriaBin",
    "CriterionChange",
    "Derived",
    "Ladder",
    "LevelDecision",
    "LevelStep",
    "Maintenance",
    "PlanItem",
    "PlanProgress",
    "PlanStatus",
    "PlanTarget",
    "Position",
    "Precondition",
    "Progress",
    "Recognition",
    "Roadmap",
    "RollUp",
    "Shortfall",
    "ShortfallKey",
    "Standing",
    "Trajectory",
    "aggregate_observations",
    "assess_aggregate",
    "compare",
    "decide_level",
    "derive_merged",
    "draft_roadmap",
    "held_phrase",
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
