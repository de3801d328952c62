"""Assessing a locality against a criterion set, as of a date.

:func:`assess` takes a :class:`~ntm_criteria.geography.Locality`, a
:class:`~ntm_criteria.criteria.CriterionSet` and :class:`Observation` values,
and returns an :class:`AssessmentResult`: per indicator and criterion the
status, the actual value, the required threshold resolved for this locality
and date, the gap, and the provenance of the threshold; for the set the
counts ("đạt 7/19 tiêu chí") and a readable explanation.  An office's own
:class:`CriterionReview` ("tiêu chí 5: đạt", by whom, when) decides a
criterion that the observations leave undecided.

>>> import datetime
>>> from ntm_criteria.demo import example_set
>>> from ntm_criteria.geography import Locality
>>> from ntm_criteria.units import Q_
>>> commune = Locality("99001", "Xã Minh Họa", "commune", region="DBSCL")
>>> result = assess(commune, example_set(), [
...     Observation("3.1", Q_(85, "percent")),
...     Observation("3.2", True),
...     Observation("10.1", Q_(41.5, "million_VND / person / year")),
... ], on=datetime.date(2022, 6, 15))
>>> (result.met_count, result.total, result.status.label("vi"))
(1, 2, 'chưa đạt')
>>> print(result.criterion(10).summary("vi"))
Tiêu chí 10 (Thu nhập): chưa đạt — 41,5 < 45 triệu đồng/người/năm
"""

from ntm_criteria.assessment._assess import assess, assess_compiled
from ntm_criteria.assessment._observation import (
    Observation,
    ObservedValue,
    SuspiciousValueWarning,
    latest_observations,
)
from ntm_criteria.assessment._outcomes import CriterionOutcome, IndicatorOutcome
from ntm_criteria.assessment._result import AssessmentResult
from ntm_criteria.assessment._reviews import (
    CriterionReview,
    ReviewDisagreement,
    ReviewDisagreementWarning,
    ReviewStatus,
    check_reviews,
)

__all__ = [
    "AssessmentResult",
    "CriterionOutcome",
    "CriterionReview",
    "IndicatorOutcome",
    "Observation",
    "ObservedValue",
    "ReviewDisagreement",
    "ReviewDisagreementWarning",
    "ReviewStatus",
    "SuspiciousValueWarning",
    "assess",
    "assess_compiled",
    "check_reviews",
    "latest_observations",
]
