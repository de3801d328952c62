"""Classifying households given as numpy columns: the path for millions of households.

The household table (:class:`~ntm_criteria.poverty.HouseholdTable`) holds
Python objects, and turning them into arrays costs far more than the
arithmetic.  Here the caller's columns stay arrays from end to end: an
income column in one unit, the area, the deprivation flags (or counts).  The
answers are those of :func:`~ntm_criteria.poverty.classify` one by one: a
float decides a comparison with the line wherever rounding cannot reverse it,
and the exact fractions decide the few rows within rounding of the line.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Iterable, Mapping
from fractions import Fraction
from typing import TYPE_CHECKING, Any

import attrs

from ntm_criteria._extras import require
from ntm_criteria.errors import DataError, UnknownCodeError
from ntm_criteria.periods import as_date
from ntm_criteria.poverty._areas import Area
from ntm_criteria.poverty._income import INCOME_UNIT
from ntm_criteria.poverty._standards import PovertyStandard, PovertyStandards
from ntm_criteria.poverty._standards_file import default_standards
from ntm_criteria.poverty._tally import ABOVE, AT_OR_BELOW, NEAR, NO_INCOME, OVER, POOR, UNDECIDED
from ntm_criteria.rules import AtLeastK, Fixed, Unspecified
from ntm_criteria.units import exact_factor

if TYPE_CHECKING:
    import numpy

__all__ = [
    "ColumnFacts",
    "check_indicator_codes",
    "classify_columns",
    "column_facts",
    "statuses_from_counts",
]


@attrs.frozen(slots=True)
class ColumnFacts:
    """What the vectorised classification found for each household, as arrays.

    ``status`` holds codes of :data:`~ntm_criteria.poverty.STATUS_CODES`;
    ``income`` is 1 at or below the line, 0 above, -1 unknown (no income or
    no line); ``flags`` (indicators × households) is 1 deprived, 0 not, -1
    unknown, one row per indicator code of the standard.

    >>> import datetime, numpy as np
    >>> from ntm_criteria.poverty import default_standards
    >>> standard = default_standards().get("nd-07-2021")
    >>> facts = column_facts(np.array([1e6]), "rural", standard, datetime.date(2023, 6, 15),
    ...                      deprived=[3])
    >>> facts.status.tolist(), facts.income.tolist(), facts.flags.shape
    ([0], [1], (0, 1))
    """

    status: numpy.ndarray[Any, Any]
    income: numpy.ndarray[Any, Any]
    flags: numpy.ndarray[Any, Any]


def classify_columns(
    income: Any,
    area: Any,
    *,
    on: datetime.date | str,
    deprivations: Mapping[str, Any] | None = None,
    deprived: Any = None,
    unknown: Any = None,
    income_unit: str = INCOME_UNIT,
    standards: PovertyStandards | None = None,
) -> numpy.ndarray[Any, Any]:
    """The status code of every household, from columns; numpy only (``fast`` extra).

    ``income`` is the income per person in ``income_unit`` (default đồng per
    person per month; ``"million_VND/person/year"`` and the like convert
    exactly), NaN where unknown.  ``area`` is one area for all households or
    a column of area codes or names (``"rural"``, ``"thành thị"``, …).  The
    deprivations are either ``deprivations``, a column of flags per indicator
    code (bool, or 1 / 0 with -1 or NaN for unknown; a code not given is
    unknown), or ``deprived`` and ``unknown``, columns of how many indicators
    each household is deprived in and how many are unknown.  Giving neither
    leaves every indicator unknown.

    The result is an ``int8`` array of indexes into
    :data:`~ntm_criteria.poverty.STATUS_CODES` (0 poor, 1 near-poor, 2 above
    the line, 3 undetermined), equal to what :func:`~ntm_criteria.poverty.classify`
    says of each household.  A negative or infinite income, an unknown area,
    a flag other than 1 / 0 / unknown or a column of another length is a
    :class:`~ntm_criteria.errors.DataError` naming the column and row.

    >>> import numpy as np
    >>> income = np.array([1_400_000, 1_500_000, 1_500_001, np.nan])
    >>> classify_columns(income, "rural", on="2023-06-15", deprived=[3, 2, 0, 0]).tolist()
    [0, 1, 2, 3]
    >>> classify_columns(np.array([18.0, 18.000001]), ["rural", "rural"], on="2023-06-15",
    ...                  income_unit="million_VND/person/year", deprived=[0, 0]).tolist()
    [1, 2]
    >>> classify_columns(np.array([-1.0]), "rural", on="2023-06-15")
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.DataError: income[0]: income -1.0 is negative or not finite (expected ...)
    """
    require("numpy")
    day = as_date(on)
    standard = (standards or default_standards()).in_force(day)
    facts = column_facts(
        income,
        area,
        standard,
        day,
        deprivations=deprivations,
        deprived=deprived,
        unknown=unknown,
        income_unit=income_unit,
        keep_flags=False,
    )
    return facts.status


def column_facts(
    income: Any,
    area: Any,
    standard: PovertyStandard,
    day: datetime.date,
    *,
    deprivations: Mapping[str, Any] | None = None,
    deprived: Any = None,
    unknown: Any = None,
    income_unit: str = INCOME_UNIT,
    keep_flags: bool = True,
    first_row: int = 0,
) -> ColumnFacts:
    """Status, income test and flags of every household under ``standard`` on ``day``.

    The columns are those of :func:`classify_columns`; ``area`` may also be
    a boolean column, True for urban.  ``keep_flags`` keeps the flag matrix
    (the tallies need it); ``first_row`` is added to the rows that errors
    name (for chunks).

    >>> import datetime, numpy as np
    >>> from ntm_criteria.poverty import default_standards
    >>> standard = default_standards().get("nd-07-2021")
    >>> column_facts(np.array([3e6]), "urban", standard, datetime.date(2023, 6, 15)).status.tolist()
    [2]
    """
    np = require("numpy")
    incomes = _income_column(np, income, first_row)
    n = len(incomes)
    code = _income_codes(
        np, incomes, _area_column(np, area, n, first_row), standard, day, income_unit
    )
    flags, deprived_count, unknown_count = _deprivation_counts(
        np, standard, n, deprivations, deprived, unknown, keep_flags, first_row
    )
    status = statuses_from_counts(np, standard, code, deprived_count, unknown_count)
    return ColumnFacts(status, code, flags)


# -- checking columns -----------------------------------------------------------


def _bad_row(np: Any, mask: Any, column: str, first_row: int, what: str, values: Any) -> None:
    """Raise for the first row of ``mask``, naming the column, the row and its value."""
    if mask.any():
        row = int(np.flatnonzero(mask)[0])
        value = values[row].item() if hasattr(values[row], "item") else values[row]
        raise DataError(
            f"{column} {value!r} {what}",
            key_path=f"{column}[{first_row + row}]",
            expected=_EXPECTED[column],
        )


_EXPECTED = {
    "income": "an income of 0 or more, NaN where unknown",
    "deprived": "a whole number of indicators from 0 to the standard's",
    "unknown": "a whole number of indicators from 0 to the standard's",
    "flag": "1 (deprived), 0 (not deprived), or -1 / NaN / None (unknown)",
}


def _length(np: Any, column: Any, n: int, name: str) -> None:
    if len(column) != n:
        raise DataError(
            f"column {name} has {len(column)} values for {n} households",
            expected="columns of equal length",
        )


def _income_column(np: Any, income: Any, first_row: int) -> Any:
    incomes = np.asarray(income)
    if incomes.ndim != 1 or incomes.dtype.kind not in "iuf":
        raise DataError(
            f"income is not a column of numbers (an array of {incomes.dtype} "
            f"with {incomes.ndim} dimensions)",
            expected=_EXPECTED["income"],
        )
    bad = incomes < 0  # NaN is unknown, so not bad
    if incomes.dtype.kind == "f":
        bad |= incomes == math.inf
    _bad_row(np, bad, "income", first_row, "is negative or not finite", incomes)
    return incomes


def _area_column(np: Any, area: Any, n: int, first_row: int) -> Any:
    """A boolean column: True for urban households."""
    if isinstance(area, str | Area):
        return np.full(n, Area.parse(area) is Area.URBAN)
    areas = np.asarray(area)
    _length(np, areas, n, "area")
    if areas.dtype == bool:
        return areas
    urban = areas == Area.URBAN.value
    other = ~urban & (areas != Area.RURAL.value)
    if other.any():  # other spellings: each distinct one is parsed once
        for value in dict.fromkeys(areas[other].tolist()):  # not np.unique: None sorts with nothing
            try:
                parsed = Area.parse(value)
            except DataError as err:
                row = first_row + int(np.flatnonzero(areas == value)[0])
                raise DataError(
                    err.message, key_path=f"area[{row}]", expected=err.expected
                ) from None
            if parsed is Area.URBAN:
                urban |= areas == value
    return urban


# -- the income test --------------------------------------------------------------

_EXACT_FLOAT = 2**53


def _income_codes(
    np: Any,
    incomes: Any,
    urban: Any,
    standard: PovertyStandard,
    day: datetime.date,
    income_unit: str,
) -> Any:
    """1 at or below the line of the household's area, 0 above, -1 unknown."""
    factor = exact_factor(income_unit, INCOME_UNIT)  # monthly = income × factor
    lines: dict[Area, Fraction | None] = {}
    for area in Area:
        leaf = standard.line(area, day)
        lines[area] = leaf.amount / factor if isinstance(leaf, Fixed) else None
    rural, city = lines[Area.RURAL], lines[Area.URBAN]
    if rural is None and city is None:
        return np.full(len(incomes), NO_INCOME, dtype=np.int8)
    # An area without a line compares with a stand-in; its rows are unknown below.
    if incomes.dtype.kind in "iu":
        floors = np.where(urban, _floor(city), _floor(rural))
        if incomes.dtype.kind == "u":  # lines are not negative: compare unsigned, exactly
            floors = floors.astype(incomes.dtype)
        code = (incomes <= floors).view(np.int8)
    else:
        limits = np.where(urban, _float(city), _float(rural))
        below = incomes <= limits
        _settle_near_lines(np, incomes, limits, below, urban, rural, city)
        code = below.view(np.int8)
        np.copyto(code, NO_INCOME, where=np.isnan(incomes))
    for area, missing in ((Area.RURAL, rural is None), (Area.URBAN, city is None)):
        if missing:
            np.copyto(code, NO_INCOME, where=urban if area is Area.URBAN else ~urban)
    return code


def _floor(line: Fraction | None) -> int:
    return 0 if line is None else math.floor(line)


def _float(line: Fraction | None) -> float:
    return 0.0 if line is None else float(line)


def _settle_near_lines(
    np: Any,
    incomes: Any,
    limits: Any,
    below: Any,
    urban: Any,
    rural: Fraction | None,
    city: Fraction | None,
) -> None:
    """Decide exactly the rows whose float comparison rounding could reverse.

    Rounding can reverse ``income <= line`` only within a few units in the
    last place of the line; there the exact values decide, a float counting
    as its shortest decimal (as :func:`~ntm_criteria.units.to_exact` does).
    An income equal to a line that is a float-exact integer is at the line.
    """
    known = [line for line in (rural, city) if line is not None]
    window = 8 * math.ulp(max(abs(float(line)) for line in known))
    near = np.abs(incomes - limits) <= window
    if not near.any():
        return
    exact = {
        area: line is not None and _is_float_integer(line)
        for area, line in ((Area.RURAL, rural), (Area.URBAN, city))
    }
    for i in np.flatnonzero(near).tolist():
        is_urban = bool(urban[i])
        line = city if is_urban else rural
        if line is None or (
            incomes[i] == limits[i] and exact[Area.URBAN if is_urban else Area.RURAL]
        ):
            continue
        below[i] = Fraction(repr(float(incomes[i]))) <= line


def _is_float_integer(line: Fraction) -> bool:
    return line.denominator == 1 and abs(line) < _EXACT_FLOAT


# -- deprivations -----------------------------------------------------------------


def _deprivation_counts(
    np: Any,
    standard: PovertyStandard,
    n: int,
    deprivations: Mapping[str, Any] | None,
    deprived: Any,
    unknown: Any,
    keep_flags: bool,
    first_row: int,
) -> tuple[Any, Any, Any]:
    """The flag matrix (empty unless kept), and the deprived and unknown counts."""
    codes = standard.indicator_codes
    if deprivations is not None and (deprived is not None or unknown is not None):
        raise DataError(
            "both deprivation flags and counts were given",
            expected="deprivations=, or deprived= (and unknown=)",
        )
    if deprivations is None:
        counts = _count_columns(np, len(codes), n, deprived, unknown, first_row)
        return np.zeros((0, n), dtype=np.int8), *counts
    check_indicator_codes(standard, deprivations, "household columns")
    flags = np.full((len(codes) if keep_flags else 0, n), -1, dtype=np.int8)
    deprived_count = np.zeros(n, dtype=np.int16)
    known_count = np.zeros(n, dtype=np.int16)
    for j, code in enumerate(codes):
        column = deprivations.get(code)
        if column is None:
            continue
        row = _flag_column(np, column, n, code, first_row)
        deprived_count += row == 1
        known_count += row != -1
        if keep_flags:
            flags[j] = row
    return flags, deprived_count, len(codes) - known_count


def check_indicator_codes(standard: PovertyStandard, codes: Iterable[str], where: str) -> None:
    """Refuse a deprivation code the standard does not have (naming ``where`` it came from).

    Under a standard whose indicator list is unspecified, any code passes, as
    one by one: the flags cannot count, whatever their codes.

    >>> from ntm_criteria.poverty import default_standards
    >>> check_indicator_codes(default_standards().get("nd-07-2021"), ["water", "wifi"], "my table")
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.UnknownCodeError: my table under 07/2021/NĐ-CP: unknown deprivation indicator 'wifi' ...
    """
    if isinstance(standard.indicators, Unspecified):
        return
    for code in codes:
        if code not in standard.indicator_codes:
            raise UnknownCodeError(
                "deprivation indicator",
                code,
                known=standard.indicator_codes,
                where=f"{where} under {standard.legal_basis}",
            )


def _flag_column(np: Any, column: Any, n: int, code: str, first_row: int) -> Any:
    """A flag column as int8: 1 deprived, 0 not, -1 unknown."""
    values = np.asarray(column)
    _length(np, values, n, code)
    if values.dtype == bool:
        return values.astype(np.int8)
    if values.dtype.kind == "f":
        unknown = np.isnan(values)
        values = np.where(unknown, -1, values)
    elif values.dtype.kind == "O":
        values = np.array([-1 if v is None else v for v in values.tolist()], dtype=float)
    if values.dtype.kind not in "iuf":
        raise DataError(f"column {code} is not a column of flags", expected=_EXPECTED["flag"])
    bad = (values != 1) & (values != 0) & (values != -1)
    if bad.any():
        row = int(np.flatnonzero(bad)[0])
        raise DataError(
            f"flag {values[row].item()!r} is not a flag",
            key_path=f"{code}[{first_row + row}]",
            expected=_EXPECTED["flag"],
        )
    return values.astype(np.int8)


def _count_columns(
    np: Any, size: int, n: int, deprived: Any, unknown: Any, first_row: int
) -> tuple[Any, Any]:
    """The deprived and unknown counts; none given means every indicator is unknown."""
    if deprived is None and unknown is None:
        return np.zeros(n, dtype=np.int16), np.full(n, size, dtype=np.int16)
    counts = []
    for name, column in (("deprived", deprived), ("unknown", unknown)):
        if column is None:
            counts.append(np.zeros(n, dtype=np.int16))
            continue
        values = np.asarray(column)
        _length(np, values, n, name)
        if values.dtype.kind not in "iu":
            raise DataError(f"{name} is not a column of whole numbers", expected=_EXPECTED[name])
        _bad_row(np, (values < 0) | (values > size), name, first_row, "is out of range", values)
        counts.append(values)
    total = counts[0] + counts[1]
    _bad_row(np, total > size, "unknown", first_row, "leaves too few indicators", counts[1])
    return counts[0], counts[1]


# -- statuses ---------------------------------------------------------------------


def statuses_from_counts(
    np: Any, standard: PovertyStandard, code: Any, deprived: Any, unknown: Any
) -> Any:
    """The status of every household from its income test and counts, as ``classify`` decides.

    >>> import numpy as np
    >>> from ntm_criteria.poverty import default_standards
    >>> standard = default_standards().get("nd-07-2021")
    >>> statuses_from_counts(np, standard, np.array([1, 1, 1, 0, -1]), np.array([3, 1, 1, 0, 0]),
    ...                      np.array([0, 1, 2, 0, 0])).tolist()
    [0, 1, 3, 2, 3]
    """
    n = len(code)
    if not isinstance(standard.min_deprivations, Fixed):
        return np.full(n, UNDECIDED, dtype=np.int8)  # no rule: nothing can be classified
    rule = standard.deprivation_rule
    if not isinstance(rule, AtLeastK):  # no indicator list: at or below the line is undetermined
        return np.array(_STATUS_TABLE, dtype=np.int8)[(code + 1) * 3 + 2]
    # 0: poor (k deprivations or more), 1: near-poor (fewer, even if every unknown
    # were deprived), 2: cannot tell; the two tests exclude each other.
    counts = (
        2 - 2 * (deprived >= rule.k).view(np.int8) - (deprived + unknown < rule.k).view(np.int8)
    )
    return np.array(_STATUS_TABLE, dtype=np.int8)[(code + 1) * 3 + counts]


def _status_table() -> list[int]:
    """Status by ``(income test + 1) × 3 + deprivation test`` (0 poor, 1 near-poor, 2 cannot tell)."""
    table = [UNDECIDED] * 9
    for test, status in enumerate((POOR, NEAR, UNDECIDED)):
        table[(OVER + 1) * 3 + test] = ABOVE
        table[(AT_OR_BELOW + 1) * 3 + test] = status
    return table


_STATUS_TABLE = _status_table()
