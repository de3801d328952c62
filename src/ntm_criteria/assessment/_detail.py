"""How an indicator outcome reads: its value against its threshold, or why it is unknown.

The words come from ``text/messages/assessment.toml`` and the requirement
renderer (:func:`~ntm_criteria.rules.describe`).
"""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING

from ntm_criteria.rules import (
    AtLeast,
    AtMost,
    Equals,
    Fixed,
    OneOf,
    Requirement,
    Status,
    UnknownReason,
    Unspecified,
    describe,
    thresholds,
)
from ntm_criteria.text import check_lang, format_number, format_quantity, message

if TYPE_CHECKING:
    from ntm_criteria.assessment._outcomes import IndicatorOutcome

__all__ = ["detail", "short", "undecided", "why_unknown"]

_NEGATION = {AtLeast: "<", AtMost: ">", Equals: "≠"}


def detail(outcome: IndicatorOutcome, lang: str) -> str:
    """``" — 41,5 < 45 triệu đồng/người/năm"``: what follows the status in a summary, or ``""``.

    >>> from ntm_criteria import demo
    >>> from ntm_criteria.assessment import assess
    >>> r = assess(demo.gazetteer().effective("03664"), demo.criterion_set(),
    ...            demo.observations()["03664"], on=demo.ASSESSMENT_DATE)
    >>> detail(r.indicator("10.1"), "vi")
    ' — 41,5 < 42 triệu đồng/người/năm'
    """
    if outcome.status is Status.UNKNOWN:
        return " — " + why_unknown(outcome, lang)
    actual = outcome.actual
    if outcome.status is Status.NOT_APPLICABLE or actual is None:
        return ""
    if isinstance(actual, bool):
        return "" if actual else " — " + _actual_text(outcome, lang)
    required = outcome.required
    if outcome.status is Status.NOT_MET:
        if isinstance(required, AtLeast | AtMost | Equals) and isinstance(required.value, Fixed):
            threshold = describe(required, outcome.unit, lang)[2:]
            return f" — {_number_only(outcome, lang)} {_NEGATION[type(required)]} {threshold}"
        if isinstance(required, OneOf):
            grades = describe(required, None, lang)
            return " — " + message("assessment.actual.not_in", lang, actual=actual, required=grades)
    return f" — {_actual_text(outcome, lang)} ({describe(required, outcome.unit, lang)})"


def why_unknown(outcome: IndicatorOutcome, lang: str) -> str:
    """Why an outcome is unknown, with the note of an unspecified threshold."""
    reason = outcome.reason or UnknownReason.DEPENDS
    text = reason.label(lang)
    if reason is UnknownReason.UNSPECIFIED:
        gap = _unspecified_leaf(outcome.required)
        note = gap and (gap.note_in(lang) or gap.describe_missing(lang))
        if note:
            text += f" ({note})"
    return text


def short(outcome: IndicatorOutcome, lang: str) -> str:
    """``13.2: 0 < 1``: an indicator in a criterion's summary."""
    text = outcome.detail(lang)
    return f"{outcome.code}: {text}" if text else outcome.code


def undecided(outcome: IndicatorOutcome, lang: str) -> str:
    """``17.1: cần số liệu``: an undecided indicator in a criterion's summary."""
    return f"{outcome.code}: {why_unknown(outcome, lang)}"


def _actual_text(outcome: IndicatorOutcome, lang: str) -> str:
    actual = outcome.actual
    if isinstance(actual, bool):
        return message("assessment.actual." + ("achieved" if actual else "not_achieved"), lang)
    if isinstance(actual, str):
        return actual
    if actual is None:
        return "—"
    return format_quantity(actual, outcome.unit or "", check_lang(lang))


def _number_only(outcome: IndicatorOutcome, lang: str) -> str:
    actual = outcome.actual
    if isinstance(actual, Fraction) and outcome.unit in ("percent", "%"):
        return format_quantity(actual, outcome.unit or "", check_lang(lang))
    if isinstance(actual, Fraction):
        return format_number(actual, check_lang(lang))
    return _actual_text(outcome, lang)


def _unspecified_leaf(requirement: Requirement) -> Unspecified | None:
    # The top node only: a combined requirement's gaps are told by its parts.
    return next((v for v in thresholds(requirement) if isinstance(v, Unspecified)), None)
