"""Statuses and reasons as small integers, and the rules that combine them.

The order ``NOT_APPLICABLE < MET < UNKNOWN < NOT_MET`` makes "all of" the
maximum of its children; "any of" and "at least k of" count them.  A reason
is a bit (no data, unspecified, depends) so that the reasons of several
undecided children combine by a bitwise or: one bit is that reason, more
than one is "depends".
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Callable, Sequence

from ntm_criteria.rules import Status, UnknownReason

__all__ = [
    "DEPENDS",
    "MET",
    "NOT_APPLICABLE",
    "NOT_MET",
    "NO_DATA",
    "UNKNOWN",
    "UNSPECIFIED",
    "Program",
    "Runner",
    "code_of",
    "compile_runner",
    "picker",
    "reason_of",
    "run_program",
    "status_of",
]

NOT_APPLICABLE, MET, UNKNOWN, NOT_MET = 0, 1, 2, 3
NO_DATA, UNSPECIFIED, DEPENDS = 1, 2, 4

#: A compiled rule: an index into the children's statuses, or (kind, k, items)
#: with kind 0 = all of, 1 = any of, 2 = at least k of.
Program = int | tuple[int, int, tuple["Program", ...]]

ALL_OF, ANY_OF, AT_LEAST_K = 0, 1, 2

#: A compiled rule as a function of (statuses, reasons): see :func:`compile_runner`.
Runner = Callable[[Sequence[int], Sequence[int]], tuple[int, int]]

_STATUSES = (Status.NOT_APPLICABLE, Status.MET, Status.UNKNOWN, Status.NOT_MET)
_REASONS = {NO_DATA: UnknownReason.NO_DATA, UNSPECIFIED: UnknownReason.UNSPECIFIED}
_CODES = {status: code for code, status in enumerate(_STATUSES)}
_REASON_BITS = {
    UnknownReason.NO_DATA: NO_DATA,
    UnknownReason.UNSPECIFIED: UNSPECIFIED,
    UnknownReason.DEPENDS: DEPENDS,
}


def status_of(code: int) -> Status:
    """The :class:`~ntm_criteria.rules.Status` of a status code.

    >>> status_of(MET), status_of(NOT_APPLICABLE)
    (<Status.MET: 'met'>, <Status.NOT_APPLICABLE: 'not_applicable'>)
    """
    return _STATUSES[code]


def reason_of(status: int, mask: int) -> UnknownReason | None:
    """The :class:`~ntm_criteria.rules.UnknownReason` of an undecided status (None otherwise).

    >>> reason_of(UNKNOWN, NO_DATA), reason_of(UNKNOWN, NO_DATA | UNSPECIFIED), reason_of(MET, 0)
    (<UnknownReason.NO_DATA: 'no_data'>, <UnknownReason.DEPENDS: 'depends'>, None)
    """
    if status != UNKNOWN:
        return None
    return _REASONS.get(mask, UnknownReason.DEPENDS)


def code_of(status: Status, reason: UnknownReason | None) -> tuple[int, int]:
    """A status and reason as codes (the inverse of :func:`status_of` and :func:`reason_of`).

    >>> code_of(Status.UNKNOWN, UnknownReason.UNSPECIFIED)
    (2, 2)
    """
    return _CODES[status], _REASON_BITS[reason] if reason is not None else 0


def single(mask: int) -> int:
    """One reason bit stays; none or several are "depends"."""
    return mask if mask in (NO_DATA, UNSPECIFIED) else DEPENDS


def run_program(
    program: Program, statuses: Sequence[int], reasons: Sequence[int]
) -> tuple[int, int]:
    """Combine children's codes by a compiled rule: the status and the reason bits."""
    if type(program) is int:
        return statuses[program], reasons[program]
    kind, k, items = program  # type: ignore[misc]
    listed = met = unknown = failed = mask = 0
    for item in items:
        if type(item) is int:  # most children are plain indexes: no call for them
            status, reason = statuses[item], reasons[item]
        else:
            status, reason = run_program(item, statuses, reasons)
        if status == NOT_APPLICABLE:
            continue
        listed += 1
        if status == MET:
            met += 1
        elif status == UNKNOWN:
            unknown += 1
            mask |= reason
        else:
            failed += 1
    return _decide(kind, k, listed, met, unknown, failed, mask)


def _decide(
    kind: int, k: int, listed: int, met: int, unknown: int, failed: int, mask: int
) -> tuple[int, int]:
    if not listed:
        return NOT_APPLICABLE, 0
    if kind == ALL_OF:
        status = NOT_MET if failed else UNKNOWN if unknown else MET
    elif kind == ANY_OF:
        status = MET if met else UNKNOWN if unknown else NOT_MET
    else:
        status = MET if met >= k else UNKNOWN if met + unknown >= k else NOT_MET
    return (status, single(mask)) if status == UNKNOWN else (status, 0)


def picker(indexes: Sequence[int]) -> Callable[[Sequence[int]], tuple[int, ...]]:
    """A function picking the items at ``indexes`` out of a sequence, as a tuple, in one call.

    >>> picker([2, 0])([5, 6, 7]), picker([1])([5, 6, 7]), picker([])([5])
    ((7, 5), (6,), ())
    """
    if not indexes:
        return lambda items: ()
    if len(indexes) == 1:
        only = indexes[0]
        return lambda items: (items[only],)
    return operator.itemgetter(*indexes)


def compile_runner(program: Program) -> Runner:
    """``program`` as a function of (statuses, reasons), giving what :func:`run_program` gives.

    "All of" plain children — a set's rule over its criteria, a criterion
    over its indicators — is the maximum of their codes, picked out in one
    call; its reason is the bitwise or of theirs, for the engine gives a
    decided or not-applicable status the reason 0.  Other rules run
    :func:`run_program`.

    >>> run = compile_runner((ALL_OF, 0, (0, 1, 2)))
    >>> run([MET, UNKNOWN, NOT_APPLICABLE], [0, NO_DATA, 0]), run([MET, NOT_MET, UNKNOWN], [0, 0, 1])
    ((2, 1), (3, 0))
    """
    if type(program) is int:
        index = program
        return lambda statuses, reasons: (statuses[index], reasons[index])
    kind, _, items = program  # type: ignore[misc]
    if kind != ALL_OF or not items or any(type(item) is not int for item in items):
        return functools.partial(run_program, program)
    pick = picker(items)  # type: ignore[arg-type]  # every item is an int, as checked

    def all_of(statuses: Sequence[int], reasons: Sequence[int]) -> tuple[int, int]:
        status = max(pick(statuses))  # NOT_APPLICABLE < MET < UNKNOWN < NOT_MET
        if status != UNKNOWN:
            return status, 0
        return status, single(functools.reduce(operator.or_, pick(reasons)))

    return all_of
