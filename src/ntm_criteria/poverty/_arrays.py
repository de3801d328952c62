"""A household table's columns as numpy arrays, made once per table for the numpy engine.

A :class:`~ntm_criteria.poverty.HouseholdTable` holds Python objects (exact
fractions, areas, flags as ``True`` / ``False`` / ``None``); turning them into
arrays is most of what classifying on numpy costs.  :func:`table_arrays` does
it once per table and keeps the arrays while the table lives, so that
classifying on another date, the rates and the rates by commune of one table
convert it only once.
"""

from __future__ import annotations

import itertools
import operator
import weakref
from fractions import Fraction
from typing import TYPE_CHECKING, Any, NamedTuple

from ntm_criteria.poverty._areas import Area

if TYPE_CHECKING:
    from ntm_criteria.poverty._table import HouseholdTable

__all__ = ["INT64_SAFE", "TableArrays", "table_arrays"]

#: Household sizes below this are summed as int64 without overflow.
INT64_SAFE = 2**62

# Status of a flag as the engine counts it: deprived 1, not deprived 0, unknown -1.
_FLAG_CODES = {True: 1, False: 0, None: -1}
# An area as an index into tuple(Area), found by the member or by its code ("rural"),
# whichever way this Python hashes a StrEnum member.
_AREA_CODES: dict[object, int] = {
    key: n for n, area in enumerate(Area) for key in (area, str(area.value))
}
_ZERO = Fraction(0)
_NUMERATOR = operator.attrgetter("numerator")
_DENOMINATOR = operator.attrgetter("denominator")


class TableArrays(NamedTuple):
    """The arrays of one table: which incomes are known, the incomes, the areas, the flags."""

    known: Any  # bool: the income is known
    #: The incomes as int64 when all are whole and small enough, else None.
    whole: Any
    #: The incomes as float64 (0 where unknown; ±inf beyond the floats), when ``whole`` is None.
    floats: Any
    #: Per area, the rows in it.
    areas: dict[Area, Any]
    #: Per deprivation column, int8 codes 1 / 0 / -1.
    flags: dict[str, Any]
    #: The members as int64 when they fit, else None (Python ints are then summed).
    members: Any


# Arrays by the id of their table, dropped when the table is (weakref.finalize).
_KEPT: dict[int, TableArrays] = {}


def table_arrays(table: HouseholdTable, np: Any) -> TableArrays:
    """The arrays of ``table``, made on first use and kept while the table lives."""
    arrays = _KEPT.get(id(table))
    if arrays is None:
        arrays = _make(table, np)
        _KEPT[id(table)] = arrays
        weakref.finalize(table, _KEPT.pop, id(table), None)
    return arrays


def _make(table: HouseholdTable, np: Any) -> TableArrays:
    # map over C functions and attribute getters: no Python frame per row.
    n = len(table)
    incomes = table.incomes
    known = np.fromiter(map(operator.is_not, incomes, itertools.repeat(None)), bool, n)
    filled = [_ZERO if v is None else v for v in incomes]
    whole = floats = None
    if set(map(_DENOMINATOR, filled)) <= {1}:
        try:
            whole = np.fromiter(map(_NUMERATOR, filled), np.int64, n)
        except OverflowError:  # beyond int64: floats, the exact values deciding near the line
            whole = None
    if whole is None:
        floats = np.fromiter(map(_float, incomes), np.float64, n)
    codes = np.fromiter(map(_AREA_CODES.get, table.areas, itertools.repeat(-1)), np.int8, n)
    areas = {area: codes == number for number, area in enumerate(Area)}
    flags = {code: _flags(np, column, n) for code, column in table.deprivations.items()}
    members = None
    if not n or (min(table.members) >= 0 and max(table.members) < INT64_SAFE):
        members = np.fromiter(table.members, np.int64, n)
    return TableArrays(known, whole, floats, areas, flags, members)


def _flags(np: Any, column: tuple[bool | None, ...], n: int) -> Any:
    try:  # the usual column: True, False and None only, looked up without a Python frame
        return np.fromiter(map(_FLAG_CODES.__getitem__, column), np.int8, n)
    except KeyError:
        return np.fromiter((-1 if v is None else int(v) for v in column), np.int8, n)


def _float(value: Fraction | None) -> float:
    if value is None:
        return 0.0
    try:
        return float(value)
    except OverflowError:
        return float("inf") if value > 0 else float("-inf")
