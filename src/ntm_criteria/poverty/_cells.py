"""Cells of a household table as read from CSV or given as Python or numpy values.

Each parser takes one cell and returns its value or raises a
:class:`~ntm_criteria.errors.DataError` that says what was expected; the
table builder adds the row and column.
"""

from __future__ import annotations

import functools
import math
import numbers
from decimal import Decimal
from fractions import Fraction

from ntm_criteria.errors import DataError
from ntm_criteria.poverty._areas import Area, normalized_word, words
from ntm_criteria.poverty._shown import shown
from ntm_criteria.units import parse_number

__all__ = [
    "HOUSEHOLD_COLUMNS",
    "cell_text",
    "parse_area",
    "parse_flag",
    "parse_id",
    "parse_income",
    "parse_members",
]

#: The columns a household table must have; ``commune``, one column per
#: deprivation indicator code and any other column (kept in ``extra``) may follow.
HOUSEHOLD_COLUMNS = ("id", "area", "members", "income")


@functools.cache
def _flag_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The words of a deprived, a not deprived and an unknown flag (with digits and signs)."""
    return (
        words("poverty.flag_words.deprived") | {"1", "x"},
        words("poverty.flag_words.not_deprived") | {"0"},
        words("poverty.flag_words.unknown") | {"", "?", "na", "n/a"},
    )


def _plain(value: object) -> object:
    """numpy scalars as the Python values they hold."""
    item = getattr(value, "item", None)
    if item is not None and not isinstance(value, str | bytes | Decimal | Fraction | int | float):
        try:
            return item()
        except (TypeError, ValueError):
            return value
    return value


def _cell_shown(value: object) -> str:
    """A cell for a message: text as written, other values by repr."""
    if isinstance(value, str):
        text = value.strip()
        return text if len(text) <= 40 else text[:37] + "..."
    return shown(value)


def _is_nan(value: object) -> bool:
    return isinstance(value, float) and math.isnan(value)


def cell_text(value: object) -> str | None:
    """The cell as stripped text; ``None`` when empty (or NaN).

    >>> cell_text(" 04036 "), cell_text(float("nan")), cell_text(4)
    ('04036', None, '4')
    """
    value = _plain(value)
    if value is None or _is_nan(value):
        return None
    text = value.strip() if isinstance(value, str) else str(value)
    return text or None


def parse_id(value: object) -> str:
    """A household id, which must not be empty.

    >>> parse_id(" H01 ")
    'H01'
    """
    text = cell_text(value)
    if text is None:
        raise DataError("empty household id", expected="a code such as H01")
    return text


def _exact_cell(value: object, what: str) -> Fraction:
    value = _plain(value)
    if isinstance(value, str):
        return Fraction(parse_number(value))
    if isinstance(value, bool):
        raise DataError(f"{what} {value!r} is not a number", expected="a number")
    if isinstance(value, numbers.Rational):
        return Fraction(int(value.numerator), int(value.denominator))
    if isinstance(value, float) and math.isfinite(value):
        return Fraction(repr(float(value)))  # a numpy float's repr is np.float64(…)
    if isinstance(value, Decimal) and value.is_finite():
        return Fraction(value)
    raise DataError(f"{what} {shown(value)} is not a number", expected="a number")


def parse_members(value: object) -> int:
    """A number of members: a whole number of at least 1.

    >>> parse_members("4"), parse_members(3.0)
    (4, 3)
    """
    if cell_text(value) is None:
        raise DataError("empty number of members", expected="a whole number of at least 1")
    amount = _exact_cell(value, "members")
    if amount.denominator != 1 or amount < 1:
        raise DataError(
            f"members {_cell_shown(value)} is not a whole number of at least 1",
            expected="1, 2, 3, …",
        )
    return int(amount)


def parse_income(value: object, factor: Fraction) -> Fraction | None:
    """An income of 0 or more times ``factor`` (into đồng/person/month); ``None`` when empty.

    >>> parse_income("1.500.000", Fraction(1)), parse_income("", Fraction(1)) is None
    (Fraction(1500000, 1), True)
    """
    if cell_text(value) is None:
        return None
    amount = _exact_cell(value, "income")
    if amount < 0:
        raise DataError(
            f"income {_cell_shown(value)} is negative", expected="an income of 0 or more"
        )
    return amount * factor


def parse_flag(value: object) -> bool | None:
    """A deprivation flag: ``True`` (deprived), ``False``, or ``None`` (unknown).

    >>> parse_flag("có"), parse_flag(0), parse_flag("chưa rõ")
    (True, False, None)
    """
    value = _plain(value)
    if value is None or isinstance(value, bool) or _is_nan(value):
        return None if value is None or _is_nan(value) else bool(value)
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value)
    if isinstance(value, str):
        word = normalized_word(value)
        deprived, not_deprived, unknown = _flag_words()
        if word in deprived:
            return True
        if word in not_deprived:
            return False
        if word in unknown:
            return None
    raise DataError(
        f"{shown(value)} is not a deprivation flag",
        expected="1 / có (deprived), 0 / không (not deprived), or empty (unknown)",
    )


def parse_area(value: object) -> Area:
    """An area, which must not be empty (see :meth:`Area.parse`).

    >>> parse_area("Nông thôn")
    <Area.RURAL: 'rural'>
    """
    text = cell_text(value)
    if text is None:
        raise DataError("empty area", expected="rural or urban (nông thôn / thành thị)")
    return Area.parse(text)
