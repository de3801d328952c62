"""ntm_criteria: Vietnam's development criteria as typed data and a rule engine.

Load a criterion set, describe a locality, give what it has achieved, and
ask for an assessment as of a date:

>>> import datetime
>>> from ntm_criteria import Locality, Observation, Q_, assess, demo
>>> commune = Locality("03664", "Chiềng Xôm", "commune", region="TDMNPB")
>>> result = assess(commune, demo.criterion_set(), [
...     Observation("3.1", Q_(86.5, "percent")),
...     Observation("10.1", Q_(41.5, "million_VND / person / year")),
... ], on=datetime.date(2023, 6, 30))
>>> print(result.criterion(10).summary())
Tiêu chí 10 (Thu nhập): chưa đạt — 41,5 < 42 triệu đồng/người/năm
"""

from ntm_criteria.assessment import (
    AssessmentResult,
    CriterionOutcome,
    IndicatorOutcome,
    Observation,
    assess,
)
from ntm_criteria.catalog import load_set, loads_set
from ntm_criteria.criteria import (
    Aggregate,
    Applicability,
    Criterion,
    CriterionGroup,
    CriterionSet,
    Indicator,
    Level,
    RegionRule,
)
from ntm_criteria.errors import (
    DataError,
    DataErrors,
    NotInForceError,
    NtmError,
    ObservationError,
    ParseError,
    ScopeError,
    UnitError,
    UnknownCodeError,
)
from ntm_criteria.geography import Gazetteer, Locality, LocalityKind, Region
from ntm_criteria.levels import Ladder, LevelDecision, Recognition, decide_level
from ntm_criteria.periods import Period, RecurringDeadline
from ntm_criteria.progress import Progress, RollUp, roll_up
from ntm_criteria.rules import Confidence, Provenance, Status, UnknownReason
from ntm_criteria.units import Q_, ureg

__version__ = "0.1.0.dev0"

__all__ = [
    "Q_",
    "Aggregate",
    "Applicability",
    "AssessmentResult",
    "Confidence",
    "Criterion",
    "CriterionGroup",
    "CriterionOutcome",
    "CriterionSet",
    "DataError",
    "DataErrors",
    "Gazetteer",
    "Indicator",
    "IndicatorOutcome",
    "Ladder",
    "Level",
    "LevelDecision",
    "Locality",
    "LocalityKind",
    "NotInForceError",
    "NtmError",
    "Observation",
    "ObservationError",
    "ParseError",
    "Period",
    "Progress",
    "Provenance",
    "Recognition",
    "RecurringDeadline",
    "Region",
    "RegionRule",
    "RollUp",
    "ScopeError",
    "Status",
    "UnitError",
    "UnknownCodeError",
    "UnknownReason",
    "assess",
    "decide_level",
    "load_set",
    "loads_set",
    "roll_up",
    "ureg",
]
