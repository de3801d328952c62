"""Evaluating requirements: bind the values for a locality, then four statuses and three-valued logic.

:func:`resolve_requirement` binds every value of a requirement for one
locality and date; :func:`evaluate` compares an observed value with the result.

Missing data and unknown thresholds give :attr:`Status.UNKNOWN`, which
propagates: an "all of" with one unknown child and no failed child is unknown,
never met.  :attr:`Status.NOT_APPLICABLE` children are left out of the count.
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Iterable
from fractions import Fraction
from typing import cast

import attrs

from ntm_criteria._validators import nfc
from ntm_criteria.rules._requirements import (
    Achieved,
    AllOf,
    AnyOf,
    AtLeast,
    AtMost,
    Between,
    Combinator,
    Condition,
    Equals,
    OneOf,
    Ref,
    Requirement,
)
from ntm_criteria.rules._values import Context, Fixed, Unspecified, ValueSpec, resolve
from ntm_criteria.rules._walk import fold, is_combinator, transform
from ntm_criteria.text import message

__all__ = [
    "Observed",
    "Status",
    "UnknownReason",
    "Verdict",
    "combine",
    "combine_all",
    "combine_any",
    "combine_at_least",
    "evaluate",
    "resolve_requirement",
]

#: An observed value after unit conversion: an exact number, a pass/fail or a grade.
Observed = Fraction | bool | str


class Status(enum.Enum):
    """The outcome of an indicator, a criterion or a set.

    >>> Status.MET.label("vi"), Status.NOT_MET.label("vi")
    ('đạt', 'chưa đạt')
    """

    MET = "met"
    NOT_MET = "not_met"
    UNKNOWN = "unknown"
    NOT_APPLICABLE = "not_applicable"

    def label(self, lang: str = "vi") -> str:
        """The status in words, in Vietnamese or English."""
        return message(f"rules.status.{self.value}", lang)


class UnknownReason(enum.Enum):
    """Why a status is :attr:`Status.UNKNOWN`.

    >>> UnknownReason.NO_DATA.label("en")
    'needs data'
    """

    #: No observation was given for the indicator.
    NO_DATA = "no_data"
    #: The threshold is not specified (unknown, or left to the province).
    UNSPECIFIED = "unspecified"
    #: A criterion or set is undecided because some of its parts are.
    DEPENDS = "depends"

    def label(self, lang: str = "vi") -> str:
        """The reason in words, in Vietnamese or English."""
        return message(f"rules.reason.{self.value}", lang)


@attrs.frozen(slots=True)
class Verdict:
    """The status of one requirement for one observed value, with the gap when short.

    ``gap`` is how far the value is from the threshold, in the indicator's
    unit (positive when short); ``relative_gap`` is the gap divided by the
    threshold.

    >>> evaluate(AtLeast(Fixed(45)), Fraction(83, 2))
    Verdict(status=<Status.NOT_MET: 'not_met'>, reason=None, gap=Fraction(7, 2), relative_gap=Fraction(7, 90))
    """

    status: Status
    reason: UnknownReason | None = None
    gap: Fraction | None = None
    relative_gap: Fraction | None = None


_MET = Verdict(Status.MET)
_UNSPECIFIED = Verdict(Status.UNKNOWN, UnknownReason.UNSPECIFIED)


def _shortfall(distance: Fraction, threshold: Fraction) -> Verdict:
    relative = distance / abs(threshold) if threshold else None
    return Verdict(Status.NOT_MET, gap=distance, relative_gap=relative)


def _bound(value: ValueSpec) -> Fraction | None:
    return value.amount if isinstance(value, Fixed) else None


def evaluate(requirement: Requirement, actual: Observed) -> Verdict:
    """Evaluate a *resolved* requirement (see :func:`resolve_requirement`) on one value.

    Numbers are exact :class:`~fractions.Fraction` values in the indicator's
    unit, so a value exactly at the threshold always meets it.

    >>> evaluate(AtLeast(Fixed(80)), Fraction(80)).status
    <Status.MET: 'met'>
    >>> evaluate(Achieved(), False).status
    <Status.NOT_MET: 'not_met'>
    >>> evaluate(AtMost(Unspecified()), Fraction(3)).reason
    <UnknownReason.UNSPECIFIED: 'unspecified'>
    """
    if is_combinator(requirement):  # a lone condition, the usual case, needs no fold
        verdict = fold(
            requirement, functools.partial(_evaluate_leaf, actual=actual), _combine_verdicts
        )
    else:
        verdict = _evaluate_leaf(cast("Condition", requirement), actual)
    # Only a bare Ref gives None, and a Ref is not a Requirement.
    assert verdict is not None
    return verdict


def _evaluate_leaf(node: Condition | Ref, actual: Observed) -> Verdict | None:
    if isinstance(node, AtLeast | AtMost | Equals | Between):
        return _evaluate_number(node, actual)
    if isinstance(node, Achieved):
        return _MET if actual is True else Verdict(Status.NOT_MET)
    if isinstance(node, OneOf):
        # Grades match in NFC: "Tốt" typed decomposed (NFD) is the same grade.
        grades = {nfc(grade) for grade in node.grades}
        met = isinstance(actual, str) and nfc(actual) in grades
        return _MET if met else Verdict(Status.NOT_MET)
    if isinstance(node, Unspecified):
        return _UNSPECIFIED
    return None  # a reference inside a value rule is not evaluated here


def _combine_verdicts(node: Combinator, children: tuple[Verdict | None, ...]) -> Verdict:
    verdicts = [v for v in children if v is not None]
    status = combine(node, [v.status for v in verdicts])
    if status is Status.NOT_MET:
        return next((v for v in verdicts if v.gap is not None), Verdict(Status.NOT_MET))
    if status is Status.UNKNOWN:
        return Verdict(Status.UNKNOWN, _merge_reasons(verdicts))
    return Verdict(status)


def _evaluate_number(requirement: AtLeast | AtMost | Equals | Between, actual: Observed) -> Verdict:
    if isinstance(actual, bool) or not isinstance(actual, Fraction):
        return Verdict(Status.NOT_MET)
    if isinstance(requirement, Between):
        low, high = _bound(requirement.low), _bound(requirement.high)
        if low is not None and actual < low:
            return _shortfall(low - actual, low)
        if high is not None and actual > high:
            return _shortfall(actual - high, high)
        return _MET if low is not None and high is not None else _UNSPECIFIED
    threshold = _bound(requirement.value)
    if threshold is None:
        return _UNSPECIFIED
    if isinstance(requirement, AtLeast):
        return _MET if actual >= threshold else _shortfall(threshold - actual, threshold)
    if isinstance(requirement, AtMost):
        return _MET if actual <= threshold else _shortfall(actual - threshold, threshold)
    return _MET if actual == threshold else _shortfall(abs(actual - threshold), threshold)


def _merge_reasons(verdicts: Iterable[Verdict]) -> UnknownReason:
    reasons = {v.reason for v in verdicts if v.status is Status.UNKNOWN}
    only = reasons.pop() if len(reasons) == 1 else None
    return only if only is not None else UnknownReason.DEPENDS


def combine_all(statuses: Iterable[Status]) -> Status:
    """ "All of": failed if any applicable child failed, else unknown if any is unknown.

    >>> combine_all([Status.MET, Status.UNKNOWN])
    <Status.UNKNOWN: 'unknown'>
    >>> combine_all([Status.UNKNOWN, Status.NOT_MET])
    <Status.NOT_MET: 'not_met'>
    >>> combine_all([Status.NOT_APPLICABLE])
    <Status.NOT_APPLICABLE: 'not_applicable'>
    """
    return max(statuses, key=_ALL_OF_ORDER.index, default=Status.NOT_APPLICABLE)


# "All of" is the maximum in this order (the engine's status codes follow it too).
_ALL_OF_ORDER = (Status.NOT_APPLICABLE, Status.MET, Status.UNKNOWN, Status.NOT_MET)


def combine_any(statuses: Iterable[Status]) -> Status:
    """ "Any of": met if any applicable child is met, else unknown if any is unknown.

    >>> combine_any([Status.NOT_MET, Status.UNKNOWN])
    <Status.UNKNOWN: 'unknown'>
    """
    seen = {s for s in statuses if s is not Status.NOT_APPLICABLE}
    if not seen:
        return Status.NOT_APPLICABLE
    if Status.MET in seen:
        return Status.MET
    return Status.UNKNOWN if Status.UNKNOWN in seen else Status.NOT_MET


def combine_at_least(k: int, statuses: Iterable[Status]) -> Status:
    """ "At least k of": met once k children are met; failed once k can no longer be reached.

    >>> combine_at_least(2, [Status.MET, Status.UNKNOWN, Status.NOT_MET])
    <Status.UNKNOWN: 'unknown'>
    >>> combine_at_least(2, [Status.MET, Status.MET, Status.UNKNOWN])
    <Status.MET: 'met'>
    """
    listed = [s for s in statuses if s is not Status.NOT_APPLICABLE]
    if not listed:
        return Status.NOT_APPLICABLE
    met = listed.count(Status.MET)
    if met >= k:
        return Status.MET
    return Status.UNKNOWN if met + listed.count(Status.UNKNOWN) >= k else Status.NOT_MET


def combine(rule: Combinator, statuses: Iterable[Status]) -> Status:
    """Combine child statuses by the rule's kind.

    >>> combine(AnyOf([Ref("a"), Ref("b")]), [Status.NOT_MET, Status.MET])
    <Status.MET: 'met'>
    """
    if isinstance(rule, AllOf):
        return combine_all(statuses)
    if isinstance(rule, AnyOf):
        return combine_any(statuses)
    return combine_at_least(rule.k, statuses)


def resolve_requirement(requirement: Requirement, context: Context) -> Requirement:
    """Bind every value of a requirement for one locality and date.

    The result has only :class:`Fixed` or :class:`Unspecified` values: it is
    the *required* threshold that an assessment reports.

    >>> import datetime
    >>> from ntm_criteria.rules import ByRegion, Context, Fixed
    >>> req = AtLeast(ByRegion({"TDMNPB": Fixed(39)}, default=Fixed(45)))
    >>> resolve_requirement(req, Context(on=datetime.date(2022, 1, 1), region="TDMNPB"))
    AtLeast(value=Fixed(amount=Fraction(39, 1), provenance=None))
    """
    return transform(requirement, functools.partial(_resolve_condition, context=context))


def _resolve_condition(node: Condition, context: Context) -> Requirement:
    if isinstance(node, AtLeast | AtMost | Equals):
        return attrs.evolve(node, value=resolve(node.value, context))
    if isinstance(node, Between):
        low, high = resolve(node.low, context), resolve(node.high, context)
        if isinstance(low, Fixed) and isinstance(high, Fixed) and low.amount > high.amount:
            # Inconsistent data for this context: no threshold can be met.
            fields = {"low": low.amount, "high": high.amount}
            note_en, note_vi = (
                message("rules.between.inverted", lang, **fields) for lang in ("en", "vi")
            )
            return Unspecified(note_en, note_vi=note_vi)
        return Between(low, high)
    return node
