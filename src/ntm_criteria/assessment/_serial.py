"""Indicator and criterion outcomes as plain data and back (see :meth:`AssessmentResult.to_dict`)."""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from typing import Any

from ntm_criteria.assessment._outcomes import CriterionOutcome, IndicatorOutcome
from ntm_criteria.errors import DataError
from ntm_criteria.periods import as_date
from ntm_criteria.rules import (
    Observed,
    Problems,
    Provenance,
    Requirement,
    Status,
    UnknownReason,
    number_from_data,
    number_to_data,
    provenance_from_data,
    provenance_to_data,
    requirement_from_data,
    requirement_to_data,
)

__all__ = ["criterion_from_data", "criterion_to_data", "reason_from_data"]


def reason_from_data(value: object) -> UnknownReason | None:
    """An unknown-reason from its value, ``None`` for ``None``.

    >>> reason_from_data("no_data")
    <UnknownReason.NO_DATA: 'no_data'>
    """
    return None if value is None else UnknownReason(value)


def _observed_to_data(value: Observed | None) -> object:
    if isinstance(value, Fraction):
        return {"number": number_to_data(value)}
    return value


def _observed_from_data(value: object) -> Observed | None:
    if isinstance(value, Mapping):
        problems = Problems()
        number = number_from_data(value.get("number"), "actual", problems)
        problems.raise_if_any()
        return number
    if value is None or isinstance(value, bool | str):
        return value
    raise DataError(f"{value!r} is not an observed value", key_path="actual")


def _optional_number(value: Fraction | None) -> object:
    return None if value is None else number_to_data(value)


def _number_back(value: object, path: str) -> Fraction | None:
    if value is None:
        return None
    problems = Problems()
    number = number_from_data(value, path, problems)
    problems.raise_if_any()
    return number


def _indicator_to_data(o: IndicatorOutcome) -> dict[str, Any]:
    return {
        "code": o.code,
        "name_vi": o.name_vi,
        "name_en": o.name_en,
        "unit": o.unit,
        "status": o.status.value,
        "reason": o.reason.value if o.reason else None,
        "actual": _observed_to_data(o.actual),
        "required": requirement_to_data(o.required),
        "gap": _optional_number(o.gap),
        "relative_gap": _optional_number(o.relative_gap),
        "provenance": provenance_to_data(o.provenance),
        "needs_investment": o.needs_investment,
        "as_of": o.as_of.isoformat() if o.as_of else None,
        "source": o.source,
    }


def _requirement_back(data: object, path: str, *, refs: bool = False) -> Requirement:
    problems = Problems()
    requirement = requirement_from_data(data, path, problems, refs=refs)
    problems.raise_if_any()
    assert requirement is not None
    return requirement


def _indicator_from_data(d: Mapping[str, Any]) -> IndicatorOutcome:
    problems = Problems()
    provenance = provenance_from_data(d["provenance"], "provenance", problems) or Provenance()
    problems.raise_if_any()
    return IndicatorOutcome(
        d["code"],
        d["name_vi"],
        d["name_en"],
        d["unit"],
        Status(d["status"]),
        reason_from_data(d["reason"]),
        _observed_from_data(d["actual"]),
        _requirement_back(d["required"], "required"),
        _number_back(d["gap"], "gap"),
        _number_back(d["relative_gap"], "relative_gap"),
        provenance,
        d["needs_investment"],
        as_date(d["as_of"]) if d["as_of"] else None,
        d["source"],
    )


def criterion_to_data(c: CriterionOutcome) -> dict[str, Any]:
    """A criterion outcome as plain data (JSON-ready), its indicators inside.

    >>> from ntm_criteria import demo
    >>> from ntm_criteria.assessment import assess
    >>> r = assess(demo.gazetteer().effective("04036"), demo.criterion_set(),
    ...            demo.observations()["04036"], on=demo.ASSESSMENT_DATE)
    >>> data = criterion_to_data(r.criterion(13))
    >>> data["rule"], criterion_from_data(data) == r.criterion(13)
    ({'at_least_k': 2, 'of': [{'ref': '13.1'}, {'ref': '13.2'}, {'ref': '13.3'}]}, True)
    """
    return {
        "number": c.number,
        "name_vi": c.name_vi,
        "name_en": c.name_en,
        "status": c.status.value,
        "reason": c.reason.value if c.reason else None,
        "rule": requirement_to_data(c.rule),
        "indicators": [_indicator_to_data(i) for i in c.indicators],
    }


def criterion_from_data(d: Mapping[str, Any]) -> CriterionOutcome:
    """Read a criterion outcome written by :func:`criterion_to_data`."""
    return CriterionOutcome(
        d["number"],
        d["name_vi"],
        d["name_en"],
        Status(d["status"]),
        reason_from_data(d["reason"]),
        [_indicator_from_data(i) for i in d["indicators"]],
        _requirement_back(d["rule"], "rule", refs=True),
    )
