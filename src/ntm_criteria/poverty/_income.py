"""Incomes per person: the unit lines and incomes are held in, and the conversion into it."""

from __future__ import annotations

from fractions import Fraction

from ntm_criteria.errors import DataError, UnitError
from ntm_criteria.poverty._shown import shown
from ntm_criteria.units import is_quantity, to_exact

__all__ = ["INCOME_EXPECTED", "INCOME_UNIT", "monthly_income"]

#: The unit of incomes and lines inside this package: đồng per person per month.
INCOME_UNIT = "VND / person / month"
INCOME_EXPECTED = (
    "a currency per person per time, such as VND/person/month or million_VND/person/year "
    "(divide an income per household by its members first)"
)


def monthly_income(income: object, who: str) -> Fraction | None:
    """``income`` (a pint quantity or ``None``) in đồng per person per month, exact.

    ``who`` names the household in the error of an income without a unit, in
    the wrong unit, or negative.

    >>> from ntm_criteria.units import Q_
    >>> monthly_income(Q_(18, "million_VND/person/year"), "household H1")
    Fraction(1500000, 1)
    >>> monthly_income(15, "household H1")
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.UnitError: household H1: income 15 has no unit ...
    """
    if income is None:
        return None
    if not is_quantity(income):
        raise UnitError(f"{who}: income {shown(income)} has no unit", expected=INCOME_EXPECTED)
    if not income.is_compatible_with(INCOME_UNIT):
        raise UnitError(
            f"{who}: income {income} does not convert to {INCOME_UNIT} "
            f"(its dimension is {income.dimensionality})",
            expected=INCOME_EXPECTED,
        )
    try:
        amount = to_exact(income, INCOME_UNIT)
    except UnitError as err:
        raise UnitError(f"{who}: {err}") from None
    if amount < 0:
        raise DataError(f"{who}: income {income} is negative", expected="an income of 0 or more")
    return amount
