"""The domain of an indicator: the values its observations can take at all.

A share of a whole lies in 0–100 %; an income, a count or a length is never
negative.  A value outside the domain is a typing mistake (``120`` for a
share, ``-41`` for an income), never a result: observations outside it are
refused, naming the locality, the row and the indicator.  The domain is
inferred from the indicator's unit unless the set file declares it.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs

from ntm_criteria._validators import exact, key_path, shown
from ntm_criteria.errors import DataError, NtmError
from ntm_criteria.rules import Problems, number_from_data, number_to_data
from ntm_criteria.units import parse_unit

__all__ = ["Domain", "domain_from_data", "domain_to_data", "inferred_domain", "is_percent"]


def _bound(value: int | float | str | Fraction | Decimal | None) -> Fraction | None:
    return None if value is None else exact(value)


@attrs.frozen(slots=True)
class Domain:
    """The values an indicator's observations may take, in its unit, bounds included.

    A bound of ``None`` does not limit.  ``Domain()`` allows every number.

    >>> share = Domain(0, 100)
    >>> share.contains(Fraction(86)), share.contains(Fraction(120))
    (True, False)
    >>> share.describe(), Domain(low=0).describe(), Domain().describe()
    ('from 0 to 100', 'at least 0', 'any number')
    """

    low: Fraction | None = attrs.field(default=None, converter=_bound)
    high: Fraction | None = attrs.field(default=None, converter=_bound)

    def __attrs_post_init__(self) -> None:
        if self.low is not None and self.high is not None and self.low > self.high:
            raise DataError(
                f"the domain's min {self.low} is above its max {self.high}",
                expected="min ≤ max",
            )

    def contains(self, number: Fraction) -> bool:
        """True when ``number`` lies in the domain."""
        if self.low is not None and number < self.low:
            return False
        return self.high is None or number <= self.high

    def describe(self) -> str:
        """The domain in words, for error messages."""
        if self.low is not None and self.high is not None:
            return f"from {_number(self.low)} to {_number(self.high)}"
        if self.low is not None:
            return f"at least {_number(self.low)}"
        if self.high is not None:
            return f"at most {_number(self.high)}"
        return "any number"


def _number(value: Fraction) -> str:
    return str(number_to_data(value))


_SHARE = Domain(0, 100)
_NOT_NEGATIVE = Domain(low=0)
_ANY = Domain()


@functools.lru_cache(maxsize=256)
def is_percent(unit: str | None) -> bool:
    """True when ``unit`` is the percent (a share of a whole).

    >>> is_percent("percent"), is_percent("%"), is_percent("km"), is_percent(None)
    (True, True, False, False)
    """
    if unit is None:
        return False
    try:
        return parse_unit(unit) == parse_unit("percent")
    except NtmError:  # an unknown unit is reported by the set check
        return False


@functools.lru_cache(maxsize=256)
def inferred_domain(unit: str | None) -> Domain:
    """The domain an indicator in ``unit`` has unless its set declares one.

    A percent is a share of a whole (0–100); every other unit — money,
    counts of people or households, lengths, areas, plain numbers — is never
    negative.  Temperatures, unknown units and indicators without a unit
    (pass/fail, grades) are not limited.

    >>> inferred_domain("percent").describe()
    'from 0 to 100'
    >>> inferred_domain("million_VND / person / year").describe()
    'at least 0'
    >>> inferred_domain(None).describe()
    'any number'
    """
    if unit is None:
        return _ANY
    if is_percent(unit):
        return _SHARE
    try:
        dimensions = parse_unit(unit).dimensionality
    except NtmError:
        return _ANY
    return _ANY if "[temperature]" in dimensions else _NOT_NEGATIVE


_EXPECTED = "a table such as {min = 0, max = 100}; {} for any number"


def domain_from_data(value: object, path: str, problems: Problems) -> Domain | None:
    """A ``domain = {min = …, max = …}`` table of a set file; ``None`` with problems.

    >>> domain_from_data({"min": -100}, "domain", Problems()).describe()
    'at least -100'
    >>> problems = Problems()
    >>> domain_from_data({"min": 5, "max": 1}, "domain", problems) is None
    True
    >>> print(problems.items[0])
    domain: the domain's min 5 is above its max 1 (expected min ≤ max)
    """
    if not isinstance(value, Mapping):
        problems.add(path, f"{shown(value)} is not a table", expected=_EXPECTED)
        return None
    before = len(problems.items)
    for key in value:
        if key not in ("min", "max"):
            problems.add(key_path(path, str(key)), f"unknown key {shown(key)}", expected="min, max")
    low, high = (
        number_from_data(value[key], key_path(path, key), problems) if key in value else None
        for key in ("min", "max")
    )
    if len(problems.items) > before:
        return None
    try:
        return Domain(low, high)
    except DataError as err:
        problems.add_error(path, err)
        return None


def domain_to_data(domain: Domain) -> dict[str, Any]:
    """The plain-data form :func:`domain_from_data` reads.

    >>> domain_to_data(Domain(0, 100))
    {'min': 0, 'max': 100}
    >>> domain_to_data(Domain(low=Fraction(1, 2)))
    {'min': 0.5}
    """
    bounds = (("min", domain.low), ("max", domain.high))
    return {key: number_to_data(bound) for key, bound in bounds if bound is not None}
