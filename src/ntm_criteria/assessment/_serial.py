"""Indicator and criterion outcomes as plain data and back (see :meth:`AssessmentResult.to_dict`)."""

from __future__ import annotations

import enum
import functools
import math
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any, TypeVar

from ntm_criteria._validators import (
    MAX_NUMBER_CHARACTERS,
    check_number_text,
    enum_value,
    key_path,
)
from ntm_criteria.assessment._outcomes import CriterionOutcome, IndicatorOutcome
from ntm_criteria.assessment._reviews import CriterionReview, ReviewDisagreement
from ntm_criteria.errors import DataError, DataErrors, NtmError
from ntm_criteria.periods import as_date
from ntm_criteria.rules import (
    Observed,
    Problems,
    Provenance,
    Requirement,
    Status,
    UnknownReason,
    number_to_data,
    provenance_from_data,
    provenance_to_data,
    requirement_from_data,
    requirement_to_data,
)

__all__ = [
    "criterion_from_data",
    "criterion_to_data",
    "disagreements_from_data",
    "disagreements_to_data",
    "enum_from_data",
    "item",
    "located",
    "reason_from_data",
    "table",
]

_E = TypeVar("_E", bound=enum.Enum)
_EXPECTED = "data written by AssessmentResult.to_dict"


def located(path: str, error: NtmError) -> DataError:
    """``error`` as a :class:`DataError` whose key path starts at ``path``.

    >>> located("criteria[0]", DataError("missing", key_path="status")).key_path
    'criteria[0].status'
    """
    if isinstance(error, DataErrors) and error.errors:
        error = error.errors[0]
    if isinstance(error, DataError):
        return DataError(
            error.message, key_path=key_path(path, error.key_path or ""), expected=error.expected
        )
    return DataError(str(error), key_path=path or None)


def table(data: object, path: str) -> Mapping[str, Any]:
    """``data`` if it is a table, else a :class:`DataError` at ``path``.

    >>> table([], "criteria[0]")
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.DataError: criteria[0]: not an assessment result: got list, not a table (expected data written by AssessmentResult.to_dict)
    """
    if not isinstance(data, Mapping):
        raise DataError(
            f"not an assessment result: got {type(data).__name__}, not a table",
            key_path=path or None,
            expected=_EXPECTED,
        )
    return data


def item(data: Mapping[str, Any], key: str, path: str) -> Any:
    """``data[key]``, or a :class:`DataError` naming the missing key's path.

    >>> item({"status": "met"}, "reason", "criteria[3]")
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.DataError: criteria[3].reason: not an assessment result: missing (expected data written by AssessmentResult.to_dict)
    """
    if key not in data:
        raise DataError(
            "not an assessment result: missing", key_path=key_path(path, key), expected=_EXPECTED
        )
    return data[key]


def enum_from_data(cls: type[_E], value: object, path: str) -> _E:
    """A member of ``cls`` from its value; an unknown value names ``path`` and the choices.

    >>> enum_from_data(Status, "met", "status")
    <Status.MET: 'met'>
    >>> enum_from_data(Status, "done", "criteria[0].status")
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.DataError: criteria[0].status: unknown status 'done' (expected met, not_met, unknown, not_applicable)
    """
    field = path.rsplit(".", 1)[-1]
    try:
        return enum_value(cls, field)(value)
    except DataError as err:
        raise DataError(err.message, key_path=path, expected=err.expected) from None


def reason_from_data(value: object, path: str = "reason") -> UnknownReason | None:
    """An unknown-reason from its value, ``None`` for ``None``.

    >>> reason_from_data("no_data")
    <UnknownReason.NO_DATA: 'no_data'>
    """
    return None if value is None else enum_from_data(UnknownReason, value, path)


def _observed_to_data(value: Observed | None) -> object:
    if isinstance(value, Fraction):
        return {"number": number_to_data(value)}
    return value


def _observed_from_data(value: object, path: str) -> Observed | None:
    if isinstance(value, Mapping):
        return _number_back(item(value, "number", path), key_path(path, "number"))
    if value is None or isinstance(value, bool | str):
        return value
    raise DataError(
        f"{type(value).__name__} is not an observed value",
        key_path=path,
        expected="a number table, true/false, a grade or null",
    )


def _optional_number(value: Fraction | None) -> object:
    return None if value is None else number_to_data(value)


# Gaps and relative gaps of numbers within the limits can have a few times their digits.
_RESULT_NUMBER_CHARACTERS = 10 * MAX_NUMBER_CHARACTERS


def _number_back(value: object, path: str) -> Fraction | None:
    """A number of a result (an actual value, a gap), as :func:`number_to_data` wrote it.

    Not :func:`number_from_data`: a gap may be a little over the limits of a
    threshold, but text is still checked for length and exponent first.
    """
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() < 3400:
        return Fraction(value)
    if isinstance(value, float) and math.isfinite(value):
        return Fraction(Decimal(repr(value)))
    if isinstance(value, str) and len(value) <= _RESULT_NUMBER_CHARACTERS:
        try:
            check_number_text(value[-MAX_NUMBER_CHARACTERS:])  # the exponent, if any
            return Fraction(value)
        except (ValueError, ZeroDivisionError, DataError):
            pass
    raise DataError(
        f"not an assessment result: {type(value).__name__} {_shown(value)} is not a number",
        key_path=path,
        expected="a number written by AssessmentResult.to_dict",
    )


def _shown(value: object) -> str:
    if isinstance(value, str):
        return repr(value if len(value) <= 40 else value[:37] + "...")
    return "" if isinstance(value, int) else "value"


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


def _typed(value: object, path: str, kind: type | tuple[type, ...], what: str) -> Any:
    if isinstance(value, bool) and bool not in (kind if isinstance(kind, tuple) else (kind,)):
        value = object()  # a bool is an int, but never a count or text here
    if not isinstance(value, kind):
        raise DataError(
            f"not an assessment result: {type(value).__name__} is not {what}",
            key_path=path,
            expected=_EXPECTED,
        )
    return value


def _text(d: Mapping[str, Any], key: str, path: str, *, optional: bool = False) -> Any:
    kind: tuple[type, ...] = (str, type(None)) if optional else (str,)
    return _typed(item(d, key, path), key_path(path, key), kind, "text")


def _indicator_from_data(data: object, path: str) -> IndicatorOutcome:
    d = table(data, path)
    at = functools.partial(key_path, path)
    provenance = table(item(d, "provenance", path), at("provenance"))
    problems = Problems()
    read_provenance = provenance_from_data(provenance, at("provenance"), problems) or Provenance()
    problems.raise_if_any()
    as_of = item(d, "as_of", path)
    needs_investment = _typed(
        item(d, "needs_investment", path), at("needs_investment"), (bool, type(None)), "true/false"
    )
    return IndicatorOutcome(
        _text(d, "code", path),
        _text(d, "name_vi", path),
        _text(d, "name_en", path),
        _text(d, "unit", path, optional=True),
        enum_from_data(Status, item(d, "status", path), at("status")),
        reason_from_data(item(d, "reason", path), at("reason")),
        _observed_from_data(item(d, "actual", path), at("actual")),
        _requirement_back(item(d, "required", path), at("required")),
        _number_back(item(d, "gap", path), at("gap")),
        _number_back(item(d, "relative_gap", path), at("relative_gap")),
        read_provenance,
        needs_investment,
        _call(as_date, as_of, at("as_of")) if as_of else None,
        _text(d, "source", path, optional=True),
    )


def _call(read: Callable[[Any], Any], value: object, path: str) -> Any:
    try:
        return read(value)
    except NtmError as err:
        raise located(path, err) from None
    except (TypeError, ValueError, AttributeError) as err:
        raise DataError(f"not an assessment result: {err}", key_path=path) from None


def criterion_to_data(c: CriterionOutcome) -> dict[str, Any]:
    """A criterion outcome as plain data (JSON-ready), its indicators inside.

    >>> from ntm_criteria import demo
    >>> from ntm_criteria.assessment import assess
    >>> r = assess(demo.gazetteer().effective("03664"), demo.criterion_set(),
    ...            demo.observations()["03664"], on=demo.ASSESSMENT_DATE)
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
        "review": _review_to_data(c.review),
        "by_review": c.by_review,
    }


def criterion_from_data(data: object, path: str = "") -> CriterionOutcome:
    """Read a criterion outcome written by :func:`criterion_to_data`; ``path`` is where it is.

    >>> criterion_from_data({"number": 1}, "criteria[3]")
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.DataError: criteria[3].indicators: not an assessment result: missing (expected data written by AssessmentResult.to_dict)
    """
    d = table(data, path)
    indicators = item(d, "indicators", path)
    indicators_path = key_path(path, "indicators")
    if not isinstance(indicators, Sequence) or isinstance(indicators, str):
        _typed(indicators, indicators_path, list, "a list")
    return CriterionOutcome(
        _typed(item(d, "number", path), key_path(path, "number"), int, "a whole number"),
        _text(d, "name_vi", path),
        _text(d, "name_en", path),
        enum_from_data(Status, item(d, "status", path), key_path(path, "status")),
        reason_from_data(item(d, "reason", path), key_path(path, "reason")),
        [_indicator_from_data(i, f"{indicators_path}[{n}]") for n, i in enumerate(indicators)],
        _requirement_back(item(d, "rule", path), key_path(path, "rule"), refs=True),
        _review_from_data(d.get("review"), key_path(path, "review")),
        _typed(d.get("by_review", False), key_path(path, "by_review"), bool, "true/false"),
    )


_REVIEW_KEYS = ("locality", "criterion", "status", "date", "reviewer", "note", "set_id")


def _review_to_data(review: CriterionReview | None) -> dict[str, Any] | None:
    if review is None:
        return None
    data: dict[str, Any] = {key: getattr(review, key) for key in _REVIEW_KEYS}
    data["status"] = review.status.value
    data["date"] = review.date.isoformat()
    return data


def _review_from_data(data: object, path: str) -> CriterionReview | None:
    # Results written before reviews existed have no review: None.
    if data is None:
        return None
    d = table(data, path)
    values = {key: item(d, key, path) for key in _REVIEW_KEYS}
    for key in ("locality", "status", "date"):
        _typed(values[key], key_path(path, key), str, "text")
    for key in ("reviewer", "note", "set_id"):
        _typed(values[key], key_path(path, key), (str, type(None)), "text")
    _typed(values["criterion"], key_path(path, "criterion"), int, "a whole number")
    review: CriterionReview = _call(lambda v: CriterionReview(**v), values, path)
    return review


def disagreements_to_data(disagreements: Sequence[ReviewDisagreement]) -> list[dict[str, Any]]:
    """Review disagreements as plain data: the criterion, the computed status, the review.

    >>> review = CriterionReview("03664", 5, "đạt", "10/6/2022")
    >>> data = disagreements_to_data([ReviewDisagreement(5, Status.NOT_MET, review)])
    >>> data[0]["computed"], data[0]["review"]["status"]
    ('not_met', 'met')
    >>> disagreements_from_data(data)[0].review == review
    True
    """
    return [
        {
            "criterion": d.criterion,
            "computed": d.computed.value,
            "review": _review_to_data(d.review),
        }
        for d in disagreements
    ]


def disagreements_from_data(
    data: object, path: str = "review_disagreements"
) -> list[ReviewDisagreement]:
    """Read review disagreements written by :func:`disagreements_to_data`."""
    entries = _typed(data, path, list, "a list")
    found = []
    for n, entry in enumerate(entries):
        at = f"{path}[{n}]"
        d = table(entry, at)
        review = _review_from_data(item(d, "review", at), key_path(at, "review"))
        if review is None:
            raise DataError("not an assessment result: no review", key_path=key_path(at, "review"))
        found.append(
            ReviewDisagreement(
                _typed(item(d, "criterion", at), key_path(at, "criterion"), int, "a whole number"),
                enum_from_data(Status, item(d, "computed", at), key_path(at, "computed")),
                review,
            )
        )
    return found
