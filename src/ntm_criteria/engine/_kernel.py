"""One indicator's resolved requirement compiled for the hot path, and rules compiled to programs.

A kernel is a tuple whose first item says what it checks: a number against
one bound or two (exact :class:`~fractions.Fraction` thresholds, with their
float64 images for the columnar path), a pass/fail, a grade, an unspecified
threshold, or — for an indicator whose requirement combines several
conditions — the pure evaluation of :func:`ntm_criteria.rules.evaluate`.
"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from typing import TypeAlias

from ntm_criteria._validators import nfc
from ntm_criteria.engine._codes import (
    ALL_OF,
    ANY_OF,
    AT_LEAST_K,
    MET,
    NOT_MET,
    UNKNOWN,
    UNSPECIFIED,
    Program,
    code_of,
)
from ntm_criteria.errors import DataError
from ntm_criteria.rules import (
    Achieved,
    AllOf,
    AnyOf,
    AtLeast,
    AtMost,
    Between,
    Equals,
    Fixed,
    Observed,
    OneOf,
    Ref,
    Requirement,
    RuleItem,
    Unspecified,
    ValueSpec,
    evaluate,
    is_combinator,
)

__all__ = ["Kernel", "compile_program", "decide", "kernel_of"]

# Kernel kinds.  Numbers: at least, at most, equals, between.
GE, LE, EQ, BETWEEN, ACHIEVED, GRADES, UNSPEC, GENERAL = range(8)

#: (kind, low, high, payload): low/high are exact thresholds (None: unspecified);
#: payload is the grade set of GRADES or the requirement of GENERAL.
Kernel: TypeAlias = tuple[int, Fraction | None, Fraction | None, object]

_UNSPECIFIED_KERNEL: Kernel = (UNSPEC, None, None, None)
_MET = (MET, 0)
_NOT_MET = (NOT_MET, 0)
_UNDECIDED = (UNKNOWN, UNSPECIFIED)


def _amount(value: ValueSpec) -> Fraction | None:
    return value.amount if isinstance(value, Fixed) else None


def kernel_of(required: Requirement) -> Kernel:
    """The kernel of a *resolved* requirement (see :func:`ntm_criteria.rules.resolve_requirement`)."""
    kind = type(required)
    if kind is AtLeast or kind is AtMost or kind is Equals:
        threshold = _amount(required.value)  # type: ignore[union-attr]
        if threshold is None:
            return _UNSPECIFIED_KERNEL
        return ({AtLeast: GE, AtMost: LE, Equals: EQ}[kind], threshold, threshold, None)
    if kind is Between:
        return (BETWEEN, _amount(required.low), _amount(required.high), None)  # type: ignore[union-attr]
    if kind is Achieved:
        return (ACHIEVED, None, None, None)
    if kind is OneOf:
        return (GRADES, None, None, frozenset(nfc(g) for g in required.grades))  # type: ignore[union-attr]
    if kind is Unspecified:
        return _UNSPECIFIED_KERNEL
    return (GENERAL, None, None, required)


def decide(kernel: Kernel, actual: Observed) -> tuple[int, int]:
    """The status and reason codes of an observed value: exact, as :func:`~ntm_criteria.rules.evaluate`."""
    kind, low, high, payload = kernel
    if kind <= BETWEEN:
        if type(actual) is not Fraction:
            return _NOT_MET
        return _compare(kind, low, high, actual)
    if kind == ACHIEVED:
        return _MET if actual is True else _NOT_MET
    if kind == GRADES:
        met = isinstance(actual, str) and nfc(actual) in payload  # type: ignore[operator]
        return _MET if met else _NOT_MET
    if kind == UNSPEC:
        return _UNDECIDED
    verdict = evaluate(payload, actual)  # type: ignore[arg-type]
    return code_of(verdict.status, verdict.reason)


def _compare(
    kind: int, low: Fraction | None, high: Fraction | None, actual: Fraction
) -> tuple[int, int]:
    if kind == GE:
        return _MET if actual >= low else _NOT_MET  # type: ignore[operator]
    if kind == LE:
        return _MET if actual <= high else _NOT_MET  # type: ignore[operator]
    if kind == EQ:
        return _MET if actual == low else _NOT_MET
    if low is not None and actual < low:
        return _NOT_MET
    if high is not None and actual > high:
        return _NOT_MET
    return _MET if low is not None and high is not None else _UNDECIDED


def compile_program(rule: RuleItem, index: Mapping[str, int]) -> Program:
    """A rule over codes (criterion rules, a set's rule) as a program over child indexes."""
    if isinstance(rule, Ref):
        return index[rule.code]
    if not is_combinator(rule):
        raise DataError(f"a rule must combine codes, not {type(rule).__name__}")
    items = tuple(compile_program(item, index) for item in rule.items)
    if len(items) == 1 and getattr(rule, "k", 1) == 1:
        # One child, needed once: it decides alone, with its own reason.
        return items[0]
    if isinstance(rule, AllOf):
        return (ALL_OF, 0, items)
    if isinstance(rule, AnyOf):
        return (ANY_OF, 0, items)
    return (AT_LEAST_K, rule.k, items)
