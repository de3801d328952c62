"""The two batch engines over a household table: pure Python, and vectorised numpy.

Both compute, for every household, its status code, its income test and its
deprivation flags, and add them into one :class:`Tally` per group; the numpy
engine falls back to exact fractions wherever floats could disagree, so both
give exactly the figures of classifying one by one.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Hashable, Sequence
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Literal, TypeAlias

from ntm_criteria._warnings import warn_caller
from ntm_criteria.errors import UnknownCodeError
from ntm_criteria.poverty._areas import Area
from ntm_criteria.poverty._arrays import TableArrays, table_arrays
from ntm_criteria.poverty._columns import statuses_from_counts
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

__all__ = [
    "Engine",
    "count_matrix",
    "load_numpy",
    "statuses",
    "tallies",
    "tallies_from_counts",
]

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
            warn_caller(
                "numpy is not installed, so the vectorised engine is not available; using the "
                "pure-Python engine, which gives the same answers "
                "(install numpy with: pip install 'ntm_criteria[fast]')",
                RuntimeWarning,
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

_FLOAT_EXACT = 2**53


def _numpy_at_or_below(
    np: Any, arrays: TableArrays, incomes: Sequence[Fraction | None], line: Fraction
) -> Any:
    """``income <= line`` for every row, exactly (unknown incomes give False)."""
    if arrays.whole is not None:
        return arrays.whole <= math.floor(line)
    values = arrays.floats
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
    arrays = table_arrays(table, np)
    lines = _area_lines(standard, day)
    income = np.full(n, NO_INCOME, dtype=np.int8)
    for area, line in lines.items():
        if line is None:
            continue
        rows = arrays.areas[area] & arrays.known
        below = _numpy_at_or_below(np, arrays, table.incomes, line)
        income[rows] = np.where(below[rows], AT_OR_BELOW, OVER)
    codes = standard.indicator_codes
    flags = np.full((len(codes), n), -1, dtype=np.int8)
    for j, code in enumerate(codes):
        column = arrays.flags.get(code)
        if column is not None:
            flags[j] = column
    deprived = (flags == 1).sum(axis=0)
    unknown = (flags == -1).sum(axis=0)
    return statuses_from_counts(np, standard, income, deprived, unknown), income, flags


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
    members = table_arrays(table, np).members
    members = table.members if members is None else members
    counts = count_matrix(np, standard, group, len(index), status, income, flags, members)
    return tallies_from_counts(standard, list(index), counts)


def count_matrix(
    np: Any,
    standard: PovertyStandard,
    group: Any,
    size: int,
    status: Any,
    income: Any,
    flags: Any,
    members: Any,
) -> Any:
    """The counts of a :class:`Tally` for each of ``size`` groups, as a (groups × counts) matrix.

    ``group`` says which group each row is in; ``status`` and ``income`` are
    the codes of :mod:`._tally`, ``flags`` the (indicators × households)
    matrix of 1 / 0 / -1 (no rows when the deprivations are not known),
    ``members`` a column of whole numbers (an array, or Python ints of any
    size, when the matrix holds Python ints).  The columns are in the order
    of :func:`tallies_from_counts`.

    >>> import numpy as np
    >>> from ntm_criteria.poverty import default_standards
    >>> standard = default_standards().get("qd-59-2015")
    >>> counts = count_matrix(np, standard, np.array([0, 0]), 1, np.array([3, 2]),
    ...                       np.array([1, 0]), np.zeros((0, 2)), np.array([4, 2]))
    >>> counts.tolist()
    [[2, 6, 1, 2, 0, 0, 1, 1, 0, 0, 2, 4]]
    """
    persons, exact = _person_counter(np, group, members, size)

    def states(codes: Any, kinds: int) -> Any:
        # One pass per column: the count of each (group, code) pair.
        return np.bincount(group * kinds + codes, minlength=size * kinds).reshape(size, kinds)

    income_states = states(income.astype(np.int64) + 1, 3)  # unknown, over, at or below
    columns = [np.bincount(group, minlength=size), persons(None)]
    columns += [income_states[:, AT_OR_BELOW + 1], income_states[:, 1:].sum(axis=1)]
    by_status = states(status.astype(np.int64), 4)
    columns += [by_status[:, s] for s in range(4)]
    columns += persons(status)
    if len(flags):
        by_flag = [states(row.astype(np.int64) + 1, 3) for row in flags]  # unknown, not, deprived
        columns += [c[:, 2] for c in by_flag]
        columns += [c[:, 1] + c[:, 2] for c in by_flag]
        by_dimension = [
            states(known.view(np.int8) + deprived.view(np.int8), 3)
            for deprived, known in _dimension_masks(standard, flags)
        ]
        columns += [c[:, 2] for c in by_dimension]
        columns += [c[:, 1] + c[:, 2] for c in by_dimension]
    else:
        columns += [np.zeros(size, dtype=np.int64)] * _flag_count_columns(standard)
    matrix = np.zeros((size, len(columns)), dtype=np.int64 if exact else object)
    for j, column in enumerate(columns):
        matrix[:, j] = column
    return matrix


def _dimension_masks(standard: PovertyStandard, flags: Any) -> list[tuple[Any, Any]]:
    """Per dimension: rows deprived in one of its indicators, and rows where that is known."""
    index = {code: i for i, code in enumerate(standard.indicator_codes)}
    masks = []
    for dimension in standard.dimensions if standard.indicator_codes else ():
        sub = flags[[index[c] for c in dimension.indicators]]
        deprived = (sub == 1).any(axis=0)
        masks.append((deprived, deprived | (sub == 0).all(axis=0)))
    return masks


def _flag_count_columns(standard: PovertyStandard) -> int:
    codes = standard.indicator_codes
    return 2 * len(codes) + (2 * len(standard.dimensions) if codes else 0)


def tallies_from_counts(
    standard: PovertyStandard, keys: Sequence[Hashable], counts: Any
) -> dict[Hashable, Tally]:
    """A :class:`Tally` per key from the rows of a :func:`count_matrix`.

    >>> import numpy as np
    >>> from ntm_criteria.poverty import default_standards
    >>> standard = default_standards().get("qd-59-2015")
    >>> found = tallies_from_counts(standard, ["X"], np.array([[2, 6, 1, 2, 0, 0, 1, 1, 0, 0, 2, 4]]))
    >>> found["X"].households, found["X"].status_persons
    (2, [0, 0, 2, 4])
    """
    template = Tally(standard)
    layout = {"standard": template.standard, "codes": template.codes, "dims": template.dims}
    codes, dims = len(template.codes), len(template.dims)
    found: dict[Hashable, Tally] = {}
    for key, row in zip(keys, counts.tolist(), strict=True):
        tally = object.__new__(Tally)  # the standard's layout, without working it out again
        tally.__dict__.update(layout)
        tally.households, tally.persons, tally.below, tally.income_known = row[:4]
        tally.statuses, tally.status_persons = row[4:8], row[8:12]
        at = 12
        tally.ind_deprived, tally.ind_known = row[at : at + codes], row[at + codes : at + 2 * codes]
        at += 2 * codes
        tally.dim_deprived, tally.dim_known = row[at : at + dims], row[at + dims : at + 2 * dims]
        found[key] = tally
    return found


def _person_counter(np: Any, group: Any, members: Any, size: int) -> tuple[Any, bool]:
    """Persons per group (``status`` None) or per group and status; and whether int64 holds them."""
    n = len(group)
    array = hasattr(members, "dtype") and members.dtype.kind in "iu"
    largest = int(members.max()) if array and n else max(members, default=0)
    if largest * n < _FLOAT_EXACT:
        weights = np.asarray(members, dtype=np.float64)  # every sum is exact in a float

        def fast(status: Any) -> Any:
            if status is None:
                return np.bincount(group, weights, minlength=size).astype(np.int64)
            keys = group * 4 + status.astype(np.int64)
            sums = np.bincount(keys, weights, minlength=4 * size).astype(np.int64)
            return list(sums.reshape(size, 4).T)

        return fast, True

    values = list(members)

    def exact(status: Any) -> Any:  # huge household sizes: Python ints
        sums = np.zeros((size, 4), dtype=object)
        codes = [0] * n if status is None else status.tolist()
        for i, (g, s) in enumerate(zip(group.tolist(), codes, strict=True)):
            sums[g, s] += values[i]
        return sums[:, 0] if status is None else list(sums.T)

    return exact, False
