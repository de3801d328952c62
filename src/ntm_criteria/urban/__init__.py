"""Urban classification scoring (phân loại đô thị), on the core rule engine.

Resolution 1210/2016/UBTVQH13, amended by Resolution 26/2022/UBTVQH15 from
1 January 2023, scores an urban area on five criteria (tiêu chí), each made
of standards (tiêu chuẩn) that earn points between a minimum and a maximum
level.  An area reaches a class when every criterion reaches its minimum
points and the total is at least 75 of 100.  The criteria, their maximum
points, the pass rule and the validity of each regime are shipped as
official data (:func:`classification_rules`); the per-standard table
(Appendix 1) was not retrieved, so users supply it (:func:`load_standards`),
and an illustrative one is shipped for examples (:func:`example_standards`).
Resolution 111/2025/UBTVQH15 replaces the regime from 1 January 2026; its
contents are unspecified, and an assessment on or after that date says so.

A ward's registered target (say, recognition as a civilized urban area in
2025) is a plan item (:func:`ntm_criteria.civilized.registration`); the
former ``RoadmapItem`` and ``RoadmapStatus`` are still importable from here
for one release, with a :class:`DeprecationWarning`.  The recognition of civilized wards and
townships (Decision 04/2022/QĐ-TTg) is :mod:`ntm_criteria.civilized`; its
names are still importable from here for one release, with a
:class:`DeprecationWarning`.

Scoring an illustrative town on the illustrative class-IV table (data for
three standards only, so the total is a range until the rest is known):

>>> import datetime
>>> from ntm_criteria import Locality, Observation, Q_
>>> town = Locality("99100", "Minh Họa", "town", region="DBSH")
>>> result = classify(town, example_standards(), [
...     Observation("2.1", Q_(61_000, "person")),
...     Observation("2.2", Q_(18_500, "person")),
...     Observation("1.3", Q_(7, "percent")),
... ], on=datetime.date(2024, 6, 30))
>>> result.summary("vi")
'đạt 2/15 tiêu chuẩn (12 chưa xác định), tổng từ 8,36 đến 94,36 điểm; chưa xác định được so với 75'
>>> result.standard("2.2").summary("en")
'2.2 (Population of the inner town): not met — 18,500 person < 20,000 person → 0/4 points'
>>> [s.code for s in result.improvements()]
['2.2', '1.3', '2.1']

When no standards table is at hand, the published summary of a
classification report (standards met of the total, total points) is decided
against the class's pass line from the shipped rules
(:class:`ClassificationSummary`, :func:`read_classification_summaries`):

>>> report = ClassificationSummary("HL", "III", "31/12/2023", 55, 63, "72,56")
>>> print(report.decide().summary("vi"))
55/63 tiêu chuẩn, 72,56 điểm, chưa đạt đô thị loại III (cần 75 điểm)
"""

from __future__ import annotations

import warnings
from typing import Any

from ntm_criteria import civilized as _civilized
from ntm_criteria.analysis import PlanStatus
from ntm_criteria.urban._classes import class_label
from ntm_criteria.urban._classify import classify
from ntm_criteria.urban._reading import FORMAT_VERSION as FORMAT_VERSION  # not in __all__
from ntm_criteria.urban._reading import (
    classification_rules,
    example_standards,
    load_standards,
    loads_classification_rules,
    loads_standards,
)
from ntm_criteria.urban._results import ClassificationResult, CriterionScore, StandardOutcome
from ntm_criteria.urban._roadmap import RoadmapItemShim
from ntm_criteria.urban._rules import ClassificationRules, Regime, UrbanCriterion
from ntm_criteria.urban._standards import Direction, Standard, StandardsTable
from ntm_criteria.urban._summary import ClassificationSummary, SummaryDecision
from ntm_criteria.urban._summary_csv import (
    SUMMARY_COLUMNS,
    read_classification_summaries,
    reads_classification_summaries,
)

__all__ = [
    "SUMMARY_COLUMNS",
    "ClassificationResult",
    "ClassificationRules",
    "ClassificationSummary",
    "CriterionScore",
    "Direction",
    "Regime",
    "Standard",
    "StandardOutcome",
    "StandardsTable",
    "SummaryDecision",
    "UrbanCriterion",
    "class_label",
    "classification_rules",
    "classify",
    "example_standards",
    "load_standards",
    "loads_classification_rules",
    "loads_standards",
    "read_classification_summaries",
    "reads_classification_summaries",
]


# The roadmap names of the last release: a ward's target year is now a plan item.
_ROADMAP_ALIASES: dict[str, tuple[object, str]] = {
    "RoadmapItem": (
        RoadmapItemShim(),
        "use ntm_criteria.civilized.registration or ntm_criteria.progress.PlanItem",
    ),
    "RoadmapStatus": (PlanStatus, "use ntm_criteria.progress.PlanStatus"),
}


def __getattr__(name: str) -> Any:
    if name in _ROADMAP_ALIASES:
        value, instead = _ROADMAP_ALIASES[name]
        warnings.warn(
            f"ntm_criteria.urban.{name} is deprecated; {instead}",
            DeprecationWarning,
            stacklevel=2,
        )
        return value
    # The civilized-ward names lived here until they got their own module
    # (registration came after, so it has no alias here).
    if name in _civilized.__all__ and name != "registration":
        warnings.warn(
            f"ntm_criteria.urban.{name} is deprecated; import it from ntm_criteria.civilized",
            DeprecationWarning,
            stacklevel=2,
        )
        return getattr(_civilized, name)
    raise AttributeError(f"module 'ntm_criteria.urban' has no attribute {name!r}")
