"""The two batch engines over a household table: pure Python, and vectorised numpy.

Both compute, for every household, its status code, its income test and its
deprivation flags, and add them into one :class:`Tally` per group; the numpy
engine falls back to exact fractions wherever floats could disagree, so both
give exactly the figures of classifying one by one.
"""

from __future__ import annotations

import datetime
import math
import warnings
from collections.abc import Hashable, Sequence
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Literal, TypeAlias

from ntm_criteria.errors import UnknownCodeError
from ntm_criteria.poverty._areas import Area
from ntm_criteria.poverty._standards import PovertyStandard
from ntm_criteria.poverty._tally import (
    ABOVE,
    AT_OR_BELOW,
    NEAR,
    NO_INCOME,
    OVER,
    POOR,
    UNDECIDED,
    Tally,
)
from ntm_criteria.rules import AtLeastK, Fixed

if TYPE_CHECKING:
    from ntm_criteria.poverty._table import HouseholdTable

__all__ = ["Engine", "add_counts", "load_numpy", "statuses", "tallies"]

#: How a household table computes (documented in ntm_criteria.poverty).
Engine: TypeAlias = Literal["auto", "python", "numpy"]
_ENGINES = ("auto", "python", "numpy")


def load_numpy(engine: str) -> Any:
    """The numpy module for the vectorised engine, or None for the pure one.

    ``"numpy"`` without numpy installed warns and gives the pure engine.

    >>> load_numpy("python") is None
    True
    """
    if engine not in _ENGINES:
        raise UnknownCodeError("engine", str(engine), known=_ENGINES)
    if engine == "python":
        return None
    try:
        import numpy
    except ImportError:
        if engine == "numpy":
            warnings.warn(
                "numpy is not installed, so the vectorised engine is not available; using the "
                "pure-Python engine, which gives the same answers "
                "(install numpy with: pip install 'ntm_criteria[fast]')",
                RuntimeWarning,
                stacklevel=4,
            )
        return None
    return numpy


def statuses(
    table: HouseholdTable, standard: PovertyStandard, day: datetime.date, np: Any
) -> list[int]:
    """The status code of every household (an index of STATUS_CODES), on numpy unless ``np`` is None.

    >>> from ntm_criteria.poverty import HouseholdTable, default_standards
    >>> table = HouseholdTable.from_columns({"id": ["a"], "area": ["rural"], "members": [1],
    ...                                      "income": [3_000_000]})
    >>> statuses(table, default_standards().get("nd-07-2021"), datetime.date(2023, 1, 1), None)
    [2]
    """
    if np is None:
        return _python_facts(table, standard, day)[0]
    status, _, _ = _numpy_facts(table, standard, day, np)
    return list(status.tolist())


def tallies(
    table: HouseholdTable,
    standard: PovertyStandard,
    day: datetime.date,
    keys: Sequence[Hashable],
    np: Any,
) -> dict[Hashable, Tally]:
    """A tally per group key (``keys`` has one per household), on numpy unless ``np`` is None.

    >>> from ntm_criteria.poverty import HouseholdTable, default_standards
    >>> table = HouseholdTable.from_columns({"id": ["a", "b"], "area": ["rural", "urban"],
    ...                                      "members": [1, 2], "income": [3_000_000, 1]})
    >>> standard = default_standards().get("nd-07-2021")
    >>> {k: t.households for k, t in tallies(table, standard, datetime.date(2023, 1, 1), "xy", None).items()}
    {'x': 1, 'y': 1}
    """
    if np is None:
        return _python_tallies(table, standard, day, keys)
    return _numpy_tallies(table, standard, day, keys, np)


def _area_lines(standard: PovertyStandard, day: datetime.date) -> dict[Area, Fraction | None]:
    lines: dict[Area, Fraction | None] = {}
    for area in Area:
        leaf = standard.line(area, day)
        lines[area] = leaf.amount if isinstance(leaf, Fixed) else None
    return lines


def _rule_numbers(standard: PovertyStandard) -> tuple[bool, int | None]:
    """Whether households can be classified at all, and k when the indicators are known."""
    classifiable = isinstance(standard.min_deprivations, Fixed)
    rule = standard.deprivation_rule
    return classifiable, rule.k if isinstance(rule, AtLeastK) else None


def _status_code(
    classifiable: bool, k: int | None, income: int, deprived: int, unknown: int
) -> int:
    """The status of one household, as ``classify`` decides it, on plain numbers."""
    if not classifiable or income == NO_INCOME:
        return UNDECIDED
    if income == OVER:
        return ABOVE
    if k is None:
        return UNDECIDED
    if deprived >= k:
        return POOR
    return NEAR if deprived + unknown < k else UNDECIDED


def _columns(
    table: HouseholdTable, standard: PovertyStandard
) -> list[tuple[bool | None, ...] | None]:
    return [table.deprivations.get(code) for code in standard.indicator_codes]


def _python_facts(
    table: HouseholdTable, standard: PovertyStandard, day: datetime.date
) -> tuple[list[int], list[int], list[tuple[bool | None, ...]]]:
    lines = _area_lines(standard, day)
    classifiable, k = _rule_numbers(standard)
    columns = _columns(table, standard)
    statuses, incomes, rows = [], [], []
    for i in range(len(table)):
        line, income = lines[table.areas[i]], table.incomes[i]
        if line is None or income is None:
            code = NO_INCOME
        else:
            code = AT_OR_BELOW if income <= line else OVER
        values = tuple(None if col is None else col[i] for col in columns)
        deprived = sum(1 for v in values if v is True)
        unknown = sum(1 for v in values if v is None)
        statuses.append(_status_code(classifiable, k, code, deprived, unknown))
        incomes.append(code)
        rows.append(values)
    return statuses, incomes, rows


def _python_tallies(
    table: HouseholdTable, standard: PovertyStandard, day: datetime.date, keys: Sequence[Hashable]
) -> dict[Hashable, Tally]:
    statuses, incomes, rows = _python_facts(table, standard, day)
    tallies: dict[Hashable, Tally] = {}
    for i, key in enumerate(keys):
        tally = tallies.get(key)
        if tally is None:
            tally = tallies[key] = Tally(standard)
        tally.add(statuses[i], incomes[i], table.members[i], rows[i])
    return tallies


# -- the numpy engine ---------------------------------------------------------

_INT64_SAFE = 2**62
_FLOAT_EXACT = 2**53


def _safe_float(value: Fraction | None) -> float:
    if value is None:
        return 0.0
    try:
        return float(value)
    except OverflowError:
        return math.inf if value > 0 else -math.inf


def _numpy_at_or_below(np: Any, incomes: Sequence[Fraction | None], line: Fraction) -> Any:
    """``income <= line`` for every row, exactly (unknown incomes give False)."""
    n = len(incomes)
    if all(v is None or (v.denominator == 1 and abs(v.numerator) < _INT64_SAFE) for v in incomes):
        ints = np.fromiter((0 if v is None else v.numerator for v in incomes), np.int64, n)
        return ints <= math.floor(line)
    values = np.fromiter((_safe_float(v) for v in incomes), np.float64, n)
    limit = float(line)
    result = values <= limit
    # Floats decide except within a few units in the last place of the line:
    # there the exact values decide, so both engines always agree.
    tolerance = 4 * np.spacing(np.maximum(np.abs(values), abs(limit)))
    for i in np.flatnonzero(np.abs(values - limit) <= tolerance).tolist():
        value = incomes[i]
        result[i] = value is not None and value <= line
    return result


def _numpy_facts(
    table: HouseholdTable, standard: PovertyStandard, day: datetime.date, np: Any
) -> tuple[Any, Any, Any]:
    """Status codes, income codes and the (indicators × households) flag matrix, as arrays."""
    n = len(table)
    lines = _area_lines(standard, day)
    classifiable, k = _rule_numbers(standard)
    known = np.fromiter((v is not None for v in table.incomes), bool, n)
    income = np.full(n, NO_INCOME, dtype=np.int8)
    for area, line in lines.items():
        if line is None:
            continue
        rows = np.fromiter((a is area for a in table.areas), bool, n) & known
        below = _numpy_at_or_below(np, table.incomes, line)
        income[rows] = np.where(below[rows], AT_OR_BELOW, OVER)
    columns = _columns(table, standard)
    flags = np.full((len(columns), n), -1, dtype=np.int8)
    for j, column in enumerate(columns):
        if column is not None:
            flags[j] = np.fromiter((-1 if v is None else int(v) for v in column), np.int8, n)
    deprived = (flags == 1).sum(axis=0)
    unknown = (flags == -1).sum(axis=0)
    status = np.full(n, UNDECIDED, dtype=np.int8)
    if classifiable:
        status[income == OVER] = ABOVE
        if k is not None:
            below = income == AT_OR_BELOW
            status[below & (deprived >= k)] = POOR
            status[below & (deprived < k) & (deprived + unknown < k)] = NEAR
    return status, income, flags


def _numpy_tallies(
    table: HouseholdTable,
    standard: PovertyStandard,
    day: datetime.date,
    keys: Sequence[Hashable],
    np: Any,
) -> dict[Hashable, Tally]:
    n = len(table)
    status, income, flags = _numpy_facts(table, standard, day, np)
    index: dict[Hashable, int] = {}
    group = np.fromiter((index.setdefault(key, len(index)) for key in keys), np.int64, n)
    tallies = {key: Tally(standard) for key in index}
    add_counts(np, list(tallies.values()), group, status, income, flags, table.members)
    return tallies


def add_counts(
    np: Any,
    tallies: Sequence[Tally],
    group: Any,
    status: Any,
    income: Any,
    flags: Any,
    members: Any,
) -> None:
    """Add a batch of households into ``tallies``; ``group`` says which tally each row goes to.

    ``status`` and ``income`` are the codes of :mod:`._tally`, ``flags`` the
    (indicators × households) matrix of 1 / 0 / -1, ``members`` a column of
    whole numbers (an array, or a sequence of Python ints of any size).

    >>> import numpy as np
    >>> from ntm_criteria.poverty import default_standards
    >>> tally = Tally(default_standards().get("qd-59-2015"))
    >>> add_counts(np, [tally], np.array([0, 0]), np.array([3, 2]), np.array([1, 0]),
    ...            np.zeros((0, 2)), np.array([4, 2]))
    >>> tally.households, tally.persons, tally.statuses, tally.below
    (2, 6, [0, 0, 1, 1], 1)
    """
    size = len(tallies)

    def count(mask: Any) -> list[int]:
        return [int(x) for x in np.bincount(group[mask], minlength=size)]

    persons = _person_counter(np, group, members, size)
    everyone = np.ones(len(group), dtype=bool)
    households, persons_all = count(everyone), persons(everyone)
    below, known = count(income == AT_OR_BELOW), count(income != NO_INCOME)
    by_status = [count(status == s) for s in range(4)]
    persons_by_status = [persons(status == s) for s in range(4)]
    indicators = [(count(row == 1), count(row != -1)) for row in flags]
    dimensions = []
    for _, positions in tallies[0].dims if tallies and len(flags) else []:
        sub = flags[positions]
        deprived = (sub == 1).any(axis=0)
        dimensions.append((count(deprived), count(deprived | (sub == 0).all(axis=0))))
    for g, tally in enumerate(tallies):
        tally.households += households[g]
        tally.persons += persons_all[g]
        tally.below += below[g]
        tally.income_known += known[g]
        for s in range(4):
            tally.statuses[s] += by_status[s][g]
            tally.status_persons[s] += persons_by_status[s][g]
        for j, (dep, kno) in enumerate(indicators):
            tally.ind_deprived[j] += dep[g]
            tally.ind_known[j] += kno[g]
        for j, (dep, kno) in enumerate(dimensions):
            tally.dim_deprived[j] += dep[g]
            tally.dim_known[j] += kno[g]


def _person_counter(np: Any, group: Any, members: Any, size: int) -> Any:
    """A function: the persons per group among the rows of a mask, exactly."""
    n = len(group)
    values = members.tolist() if hasattr(members, "tolist") else list(members)
    if not n or max(values) * n < _FLOAT_EXACT:
        weights = np.asarray(values, dtype=np.float64)  # every sum is exact in a float

        def fast(mask: Any) -> list[int]:
            return [int(x) for x in np.bincount(group[mask], weights[mask], minlength=size)]

        return fast

    def exact(mask: Any) -> list[int]:  # huge household sizes: Python ints
        sums = [0] * size
        for i in np.flatnonzero(mask).tolist():
            sums[int(group[i])] += values[i]
        return sums

    return exact
