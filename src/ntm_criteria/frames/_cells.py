"""One cell of a DataFrame as an observation value, read as the CSV path reads it.

Private: see :mod:`ntm_criteria.frames`.  A text cell goes through
:func:`ntm_criteria.io.parse_value`, exactly as a CSV cell does; a number
keeps its exact value (a float counts as its shortest decimal, so ``0.8`` is
4/5); a number with a unit is read as
the CSV path would parse ``"41,5"`` with unit ``triệu đồng/người/năm``: the
unit label is read by the CSV's own reader and the number keeps its exact
value, so both paths give the same answer at every boundary.
"""

from __future__ import annotations

import datetime
import decimal
import functools
import math
import numbers
from fractions import Fraction
from typing import Any

from ntm_criteria.assessment import ObservedValue
from ntm_criteria.errors import DataError, NtmError
from ntm_criteria.io import parse_value
from ntm_criteria.periods import as_date
from ntm_criteria.units import Q_

__all__ = ["date_of", "is_blank", "text_of", "value_of"]


def is_blank(cell: object) -> bool:
    """True for an empty cell: None, NaN, pandas' NA or NaT, or blank text.

    >>> is_blank(None), is_blank(float("nan")), is_blank("  "), is_blank(0)
    (True, True, True, False)
    """
    if cell is None:
        return True
    if isinstance(cell, str):
        return not cell.strip()
    if isinstance(cell, float):
        return math.isnan(cell)
    # pandas.NA, pandas.NaT and numpy's NaN scalars all say so through pandas.isna
    # without this module importing pandas: they are not equal to themselves or are NA.
    try:
        return bool(cell != cell)
    except (TypeError, ValueError):  # pandas.NA refuses bool(): it is blank
        return True


def text_of(cell: object, column: str) -> str:
    """A code or a name: text, or a whole number (a spreadsheet's numeric code) as its digits.

    >>> text_of("04036", "locality"), text_of(14, "locality"), text_of(14.0, "locality")
    ('04036', '14', '14')
    >>> text_of(1.5, "locality")
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.DataError: locality: 1.5 is not a code (expected text or a whole number)
    """
    if isinstance(cell, str):
        return cell.strip()
    number = _plain_number(cell)
    if isinstance(number, int):
        return str(number)
    if isinstance(number, float) and number.is_integer():
        return str(int(number))
    raise DataError(f"{cell!r} is not a code", key_path=column, expected="text or a whole number")


def value_of(cell: object, unit: str, column: str) -> ObservedValue:
    """An observation value from a cell, with the unit of its row (``""``: none).

    >>> value_of(True, "", "value"), value_of("đạt", "", "value"), value_of(0.8, "", "value")
    (True, True, 0.8)
    >>> from ntm_criteria.units import to_exact
    >>> to_exact(value_of(41.5, "triệu đồng/người/năm", "value"), "VND/person/year")
    Fraction(41500000, 1)
    >>> value_of(float("inf"), "", "value")
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.DataError: value: inf is not a finite number
    """
    if isinstance(cell, str):
        return _parsed(cell, unit, column)
    if hasattr(cell, "magnitude") and hasattr(cell, "units"):  # a quantity made in Python
        if unit:
            raise DataError(f"a quantity {cell} with unit {unit!r}", key_path=column)
        return cell  # type: ignore[return-value]  # assess checks its dimension
    number = _plain_number(cell)
    if isinstance(number, bool):
        if unit:
            raise DataError(f"{cell!r} with unit {unit!r}", key_path=column, expected="a number")
        return number
    if isinstance(number, float) and not math.isfinite(number):
        raise DataError(f"{number!r} is not a finite number", key_path=column)
    if not unit:
        return number
    return _with_unit(number, unit, column)


def date_of(cell: object, column: str) -> datetime.date | None:
    """A date cell: a date, a datetime or pandas Timestamp (its day), or text; blank is None.

    >>> date_of("30/6/2023", "as_of"), date_of(None, "as_of")
    (datetime.date(2023, 6, 30), None)
    """
    if is_blank(cell):
        return None
    if isinstance(cell, datetime.datetime):  # a pandas Timestamp is one
        return cell.date()
    if isinstance(cell, datetime.date):
        return cell
    if isinstance(cell, str):
        try:
            return as_date(cell.strip())
        except DataError as err:
            raise DataError(err.message, key_path=column) from None
    raise DataError(f"{cell!r} is not a date", key_path=column, expected="a date or dd/mm/yyyy")


def _plain_number(cell: object) -> bool | int | float | Fraction | decimal.Decimal:
    """A Python number from a cell, numpy scalars included (through their ``item``)."""
    item = getattr(cell, "item", None)
    if item is not None and not isinstance(cell, numbers.Number | bool):
        cell = item()  # numpy.int64, numpy.float64, numpy.bool_
    elif item is not None and type(cell).__module__ == "numpy":
        cell = item()
    if isinstance(cell, bool | int | float | Fraction | decimal.Decimal):
        return cell
    raise DataError(
        f"{type(cell).__name__} {cell!r} is not a value",
        expected="a number, True/False, or text such as 'đạt'",
    )


def _with_unit(
    number: int | float | Fraction | decimal.Decimal, unit: str, column: str
) -> ObservedValue:
    """``number`` in ``unit`` (a label such as ``triệu đồng/người/năm``), as the CSV reads it.

    The unit label is parsed once per label; the number keeps its exact value
    (a float its shortest decimal), so the quantity equals the one the CSV
    path makes from the same number written out.
    """
    try:
        units = _unit_of(unit)
    except NtmError as err:
        raise DataError(str(err), key_path=column) from None
    return Q_(number, units)


@functools.lru_cache(maxsize=256)
def _unit_of(unit: str) -> Any:
    """The pint unit of a unit label, as :func:`~ntm_criteria.io.parse_value` reads it."""
    parsed = parse_value("1", unit)
    return parsed.units  # type: ignore[union-attr]  # a unit gives a quantity


def _parsed(text: str, unit: str, column: str) -> ObservedValue:
    try:
        return parse_value(text, unit)
    except DataError as err:
        raise DataError(err.message, key_path=column, expected=err.expected) from None
    except NtmError as err:  # a UnitError or ParseError, located at the column
        raise DataError(str(err), key_path=column) from None
