"""A decision not read yet holds few objects: the garbage collector walks a province's worth.

Counts objects, not time: the same on any machine.
"""

from __future__ import annotations

import gc

from analysis_cases import COMMUNE, LADDER, ON, observations

from ntm_criteria.analysis import decide_level


def _tracked_per_decision(count: int) -> float:
    observed = observations()
    decide_level(COMMUNE, observed, on=ON, ladder=LADDER)  # plans and caches made
    gc.collect()
    before = len(gc.get_objects())
    kept = [decide_level(COMMUNE, observed, on=ON, ladder=LADDER) for _ in range(count)]
    gc.collect()
    after = len(gc.get_objects())
    assert len(kept) == count
    return (after - before) / count


def test_a_decision_on_a_three_set_ladder_holds_a_handful_of_objects_per_set():
    # Per set: the result, its pending outcomes, the values read, the level step; per
    # decision: the decision, its steps, the observations chosen.  Outcome objects wait.
    assert len(LADDER) == 3
    assert _tracked_per_decision(300) <= 6 * len(LADDER)


def test_reading_a_decision_builds_its_outcomes_once():
    observed = observations()
    decision = decide_level(COMMUNE, observed, on=ON, ladder=LADDER)
    result = decision.steps[0].result
    assert result.criteria is result.criteria  # built when first read, then kept
