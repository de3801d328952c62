"""A household (hộ gia đình) as a poverty review records it."""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from types import MappingProxyType
from typing import TYPE_CHECKING

import attrs

from ntm_criteria.errors import DataError
from ntm_criteria.poverty._areas import Area
from ntm_criteria.poverty._income import monthly_income
from ntm_criteria.poverty._shown import shown

if TYPE_CHECKING:  # pint is imported only when a quantity is made
    from ntm_criteria.units import Quantity

__all__ = ["Household"]


def _area(value: object) -> Area:
    return Area.parse(value)


def _flags(value: Mapping[str, bool | None]) -> Mapping[str, bool | None]:
    if not isinstance(value, Mapping):
        raise DataError(
            f"deprivations {shown(value)} is not a mapping",
            expected="a mapping of indicator code to True, False or None",
        )
    return MappingProxyType(dict(value))


def _texts(value: Mapping[str, str]) -> Mapping[str, str]:
    if not isinstance(value, Mapping):
        raise DataError(f"extra {shown(value)} is not a mapping", expected="a mapping of texts")
    return MappingProxyType(dict(value))


@attrs.frozen(slots=True)
class Household:
    """One household (hộ gia đình) as a poverty review records it.

    ``income`` is the income per person as a pint quantity in any currency
    per person per time (monthly or yearly; converted exactly), or ``None``
    when unknown.  A bare number or an income per household is a
    :class:`~ntm_criteria.errors.UnitError` naming the household.
    ``deprivations`` maps indicator codes to ``True`` (deprived), ``False``
    or ``None`` (unknown, as is a missing code).  ``commune`` and ``extra``
    (other fields, such as the village) are for grouping.

    >>> from ntm_criteria.units import Q_
    >>> h = Household("H02", "urban", 3, Q_(18, "million_VND/person/year"))
    >>> h.monthly_income
    Fraction(1500000, 1)
    >>> Household("H03", "rural", 5, Q_(6_000_000, "VND/household/month"))
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.UnitError: household H03: income 6000000 VND / household / month does not convert to VND / person / month ...
    """

    id: str
    area: Area = attrs.field(converter=_area)
    members: int
    income: Quantity | None
    deprivations: Mapping[str, bool | None] = attrs.field(factory=dict, converter=_flags)
    commune: str | None = None
    extra: Mapping[str, str] = attrs.field(factory=dict, converter=_texts)
    _monthly: Fraction | None = attrs.field(init=False, default=None, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.id, str) or not self.id.strip():
            raise DataError(f"household id {shown(self.id)} is empty", expected="a non-empty text")
        who = f"household {self.id}"
        if isinstance(self.members, bool) or not isinstance(self.members, int) or self.members < 1:
            raise DataError(
                f"{who}: members {shown(self.members)} is not a whole number of at least 1",
                expected="1, 2, 3, …",
            )
        for code, flag in self.deprivations.items():
            if (
                not isinstance(code, str)
                or not code
                or not (flag is None or isinstance(flag, bool))
            ):
                raise DataError(
                    f"{who}: deprivation {shown(code)} = {shown(flag)}",
                    expected="an indicator code mapped to True, False or None",
                )
        if self.commune is not None and not isinstance(self.commune, str):
            raise DataError(f"{who}: commune {shown(self.commune)} is not a text")
        object.__setattr__(self, "_monthly", monthly_income(self.income, who))

    @property
    def monthly_income(self) -> Fraction | None:
        """The income in đồng per person per month, exact (``None`` when unknown)."""
        return self._monthly
