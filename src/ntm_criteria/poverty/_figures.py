"""Poverty figures of a group of households: headcounts and exact shares."""

from __future__ import annotations

import datetime
from collections.abc import Hashable, Mapping
from fractions import Fraction
from types import MappingProxyType

import attrs

from ntm_criteria.errors import DataError
from ntm_criteria.text import check_lang, format_percent, message

__all__ = ["Headcount", "PovertyRates"]


@attrs.frozen(slots=True)
class Headcount:
    """How many households have a property among those for which it is known.

    ``count`` of ``known`` households have it; ``unknown`` households are
    left out of the denominator (their value is not known).  ``share`` is
    ``count / known`` as an exact fraction in [0, 1], or ``None`` when no
    household is known.

    >>> Headcount(3, 40, unknown=2).share
    Fraction(3, 40)
    >>> Headcount(0, 0, unknown=5).share is None
    True
    """

    count: int
    known: int
    unknown: int = 0

    def __attrs_post_init__(self) -> None:
        if not 0 <= self.count <= self.known or self.unknown < 0:
            raise DataError(
                f"headcount {self.count}/{self.known} (+{self.unknown} unknown)",
                expected="0 ≤ count ≤ known and unknown ≥ 0",
            )

    @property
    def share(self) -> Fraction | None:
        """``count / known``, exact; ``None`` when nothing is known."""
        return Fraction(self.count, self.known) if self.known else None

    @property
    def total(self) -> int:
        """Known and unknown households together."""
        return self.known + self.unknown


def _headcounts(value: Mapping[str, Headcount]) -> Mapping[str, Headcount]:
    return MappingProxyType(dict(value))


@attrs.frozen(slots=True)
class PovertyRates:
    """Poverty figures for a group of households on a date, all exact.

    ``poor`` and ``near_poor`` count households among those whose status is
    decided (``undetermined`` ones are left out and counted);
    ``poor_or_near_poor`` and ``at_or_below_line`` count households whose
    income is at or below the line among those whose income and line are
    known (the two agree except under a standard without a classification
    rule, where the first is all unknown).  ``indicators`` and
    ``dimensions`` are the deprivation headcount ratios: the share of
    households deprived in each indicator, and in each dimension (deprived
    in at least one of its indicators), each among the households for which
    it is known.  The official formula of a commune's poverty rate is not in
    the reference; these are the plain shares.

    >>> from ntm_criteria.poverty import Household, rates
    >>> from ntm_criteria.units import Q_
    >>> homes = [Household(f"H{i}", "rural", 4, Q_(1_200_000 + 200_000 * i, "VND/person/month"),
    ...                    dict.fromkeys(["water", "latrine", "telecom"], i < 2))
    ...          for i in range(4)]
    >>> r = rates(homes, on="2024-12-31")
    >>> r.poor, r.near_poor.share, r.indicators["water"].share
    (Headcount(count=2, known=4, unknown=0), Fraction(0, 1), Fraction(1, 2))
    >>> print(r.summary("en"))
    All households: poor 2/4 (50%), near-poor 0/4 (0%)
    """

    on: datetime.date
    standard_id: str
    legal_basis: str
    households: int
    persons: int
    poor: Headcount
    near_poor: Headcount
    poor_or_near_poor: Headcount
    at_or_below_line: Headcount
    above_line: int
    undetermined: int
    poor_persons: int
    near_poor_persons: int
    indicators: Mapping[str, Headcount] = attrs.field(converter=_headcounts)
    dimensions: Mapping[str, Headcount] = attrs.field(converter=_headcounts)
    group: Hashable | None = None

    @property
    def poor_rate(self) -> Fraction | None:
        """The share of poor households among the decided ones."""
        return self.poor.share

    @property
    def near_poor_rate(self) -> Fraction | None:
        """The share of near-poor households among the decided ones."""
        return self.near_poor.share

    def summary(self, lang: str = "vi") -> str:
        """``Xã 04036: hộ nghèo 12/300 (4%), hộ cận nghèo 9/300 (3%)``-style line."""
        label = (
            str(self.group) if self.group is not None else message("poverty.rates.everyone", lang)
        )

        def part(key: str, headcount: Headcount) -> str:
            share = headcount.share
            pct = "—" if share is None else format_percent(share, check_lang(lang), decimals=2)
            name = message(f"poverty.rates.{key}", lang)
            return f"{name} {headcount.count}/{headcount.known} ({pct})"

        text = f"{label}: {part('poor', self.poor)}, {part('near_poor', self.near_poor)}"
        if self.undetermined:
            text += f"; {self.undetermined} {message('poverty.rates.undetermined', lang)}"
        return text
