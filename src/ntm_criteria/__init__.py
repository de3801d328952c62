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

from typing import TYPE_CHECKING, Any

from ntm_criteria import errors as _errors

if TYPE_CHECKING:
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
        MissingExtraError,
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

# The public names, loaded on first use (PEP 562): ``import ntm_criteria``
# imports no submodule, and so neither pint nor numpy, until a name is read.
_HOMES: dict[str, tuple[str, ...]] = {
    "ntm_criteria.assessment": (
        "AssessmentResult",
        "CriterionOutcome",
        "IndicatorOutcome",
        "Observation",
        "assess",
    ),
    "ntm_criteria.catalog": ("load_set", "loads_set"),
    "ntm_criteria.criteria": (
        "Aggregate",
        "Applicability",
        "Criterion",
        "CriterionGroup",
        "CriterionSet",
        "Indicator",
        "Level",
        "RegionRule",
    ),
    "ntm_criteria.errors": tuple(_errors.__all__),  # every error; the module is light
    "ntm_criteria.geography": ("Gazetteer", "Locality", "LocalityKind", "Region"),
    "ntm_criteria.levels": ("Ladder", "LevelDecision", "Recognition", "decide_level"),
    "ntm_criteria.periods": ("Period", "RecurringDeadline"),
    "ntm_criteria.progress": ("Progress", "RollUp", "roll_up"),
    "ntm_criteria.rules": ("Confidence", "Provenance", "Status", "UnknownReason"),
    "ntm_criteria.units": ("Q_", "ureg"),
}
_HOME_OF = {name: module for module, names in _HOMES.items() for name in names}


def __getattr__(name: str) -> Any:
    module = _HOME_OF.get(name)
    if module is None:
        # Not a lazy name: the import system then tries a submodule (``demo``).
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # read once; later reads skip this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_HOME_OF))


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
    "MissingExtraError",
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
