"""Progress, to-do lists, roadmaps, comparisons, time series and roll-ups.

What a steering committee reports every quarter, computed from assessment
results (:class:`~ntm_criteria.assessment.AssessmentResult`) and level
decisions (:class:`~ntm_criteria.levels.LevelDecision`):

- :class:`Progress`: criteria met / total, indicators met / total, unknowns;
- :class:`Shortfall` and :func:`rank_shortfalls`: an ordered to-do list —
  by default what needs no investment first, then the smallest relative gap;
- :class:`PlanItem` and :class:`Roadmap`: who does what by when, what is
  overdue, and when the next report is due;
- :func:`compare`: which criteria were gained, lost or unchanged between two
  assessments; :func:`trajectory`: the pace over time and a projected date;
- :func:`roll_up` and :class:`RollUp`: counts and shares per level, the
  distribution of criteria met, percent of a plan target; and
  :func:`aggregate_observations` / :func:`assess_aggregate`, which evaluate a
  district's or province's set from its communes' results;
- across the 1/7/2025 reorganisation: :func:`roll_up_by_new_province`
  (old communes' results in the 34 provinces), :func:`lineage` (a new unit's
  predecessors' history) and :func:`derive_merged` (a merged unit from its
  parts, only by the set's aggregate rules; :class:`Derived`).

Shares are exact :class:`~fractions.Fraction` values in [0, 1]; rendering
them is the job of :mod:`ntm_criteria.report`.  The names are defined in
:mod:`ntm_criteria.analysis` (with levels and recognitions); this module is
their entry point for progress.

Module constants and aliases: ``DEFAULT_BINS``, the lower edges of the
criteria-met bins of a roll-up after the first (< 15, 15–18, 19); and
``ShortfallKey``, the type of a ranking key (any function of a
:class:`Shortfall` whose values compare).

>>> DEFAULT_BINS
(15, 19)
>>> from typing import get_args
>>> get_args(ShortfallKey)[0] == [Shortfall]
True

>>> from ntm_criteria import Level, assess, demo
>>> places, s, obs = demo.gazetteer(), demo.criterion_set(), demo.observations()
>>> results = [assess(places.effective(c.code), s, obs[c.code], on=demo.ASSESSMENT_DATE)
...            for c in places.descendants("14", kind="commune")]
>>> p = Progress(results[0])
>>> p.criteria_met, p.criteria_total, p.criteria_share
(5, 8, Fraction(5, 8))
>>> [x.code for x in p.shortfalls()]
['13.3', '10.1', '11.1', '13.2']
>>> up = roll_up(results)
>>> up.count, up.reached(Level.STANDARD), up.share(Level.STANDARD)
(4, 1, Fraction(1, 4))
>>> up.against(PlanTarget(Level.STANDARD, count=3)).ratio
Fraction(1, 3)
"""

from ntm_criteria.analysis import (
    DEFAULT_BINS,
    Basis,
    Comparison,
    CriteriaBin,
    CriterionChange,
    Derived,
    PlanItem,
    PlanProgress,
    PlanStatus,
    PlanTarget,
    Position,
    Progress,
    Roadmap,
    RollUp,
    Shortfall,
    ShortfallKey,
    Standing,
    Trajectory,
    aggregate_observations,
    assess_aggregate,
    compare,
    derive_merged,
    draft_roadmap,
    lineage,
    new_province_of,
    next_deadline,
    no_investment_first,
    rank_shortfalls,
    roll_up,
    roll_up_by_new_province,
    shortfalls,
    trajectory,
)

__all__ = [
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
