"""Poverty rates over households, classified one by one: :func:`rates` and :func:`rates_by`."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Hashable, Iterable
from typing import TypeAlias

from ntm_criteria.errors import UnknownCodeError
from ntm_criteria.periods import as_date
from ntm_criteria.poverty._classify import Classification, classify
from ntm_criteria.poverty._figures import PovertyRates
from ntm_criteria.poverty._households import Household
from ntm_criteria.poverty._standards import PovertyStandards
from ntm_criteria.poverty._standards_file import default_standards
from ntm_criteria.poverty._tally import AT_OR_BELOW, NO_INCOME, OVER, STATUS_CODES, Tally
from ntm_criteria.rules import Status

__all__ = ["HOUSEHOLD_FIELDS", "GroupKey", "rates", "rates_by"]

#: The fields of a household a group key may name (besides the keys of ``extra``).
HOUSEHOLD_FIELDS = ("id", "area", "members", "commune")
#: How to group households (documented in ntm_criteria.poverty).
GroupKey: TypeAlias = str | Callable[[Household], Hashable]


def _classification_facts(c: Classification) -> tuple[int, int, tuple[bool | None, ...]]:
    status = STATUS_CODES.index(c.status)
    income = {Status.MET: AT_OR_BELOW, Status.NOT_MET: OVER}.get(c.income_verdict.status, NO_INCOME)
    deprived, unknown = set(c.deprived), set(c.unknown_indicators)
    values = tuple(
        True if code in deprived else None if code in unknown else False
        for code in c.standard.indicator_codes
    )
    return status, income, values


def rates(
    households: Iterable[Household],
    *,
    on: datetime.date | str,
    standards: PovertyStandards | None = None,
) -> PovertyRates:
    """Poverty figures over ``households``, classifying each one by one with :func:`classify`.

    For large inputs use :class:`HouseholdTable`, which gives the same figures.

    >>> from ntm_criteria.units import Q_
    >>> codes = default_standards().in_force("2023-06-30").indicator_codes
    >>> homes = [Household("A1", "rural", 3, Q_(1_000_000, "VND/person/month"),
    ...                    dict.fromkeys(["water", "latrine", "floor_area"], True)),
    ...          Household("A2", "rural", 4, Q_(1_400_000, "VND/person/month"),
    ...                    {code: code == "water" for code in codes}),
    ...          Household("A3", "rural", 5, Q_(2_500_000, "VND/person/month"))]
    >>> r = rates(homes, on="2023-06-30")
    >>> (r.poor_rate, r.near_poor_rate)
    (Fraction(1, 3), Fraction(1, 3))
    """
    day = as_date(on)
    standard = (standards or default_standards()).in_force(day)
    tally = Tally(standard)
    for household in households:
        status, income, values = _classification_facts(
            classify(household, on=day, standards=standards)
        )
        tally.add(status, income, household.members, values)
    return tally.result(day, None)


def _key_of(household: Household, by: GroupKey) -> Hashable:
    if callable(by):
        return by(household)
    if by in HOUSEHOLD_FIELDS:
        value: Hashable = getattr(household, by)
        return value
    return household.extra.get(by)


def rates_by(
    households: Iterable[Household],
    by: GroupKey,
    *,
    on: datetime.date | str,
    standards: PovertyStandards | None = None,
) -> dict[Hashable, PovertyRates]:
    """Poverty figures per group, in order of first appearance.

    ``by`` is a field name (``"commune"``, ``"area"``, or a key of
    ``extra`` such as ``"village"``) or a function of the household.

    >>> from ntm_criteria.units import Q_
    >>> homes = [Household("A1", "rural", 3, Q_(1_000_000, "VND/person/month"),
    ...                    dict.fromkeys(["water", "latrine", "floor_area"], True), commune="04036"),
    ...          Household("B1", "rural", 5, Q_(2_500_000, "VND/person/month"), commune="04039")]
    >>> {code: r.poor_rate for code, r in rates_by(homes, "commune", on="2023-06-30").items()}
    {'04036': Fraction(1, 1), '04039': Fraction(0, 1)}
    """
    day = as_date(on)
    standard = (standards or default_standards()).in_force(day)
    items = list(households)
    named = by if isinstance(by, str) and by not in HOUSEHOLD_FIELDS else None
    if named is not None and items and not any(named in h.extra for h in items):
        known = sorted({*HOUSEHOLD_FIELDS, *(k for h in items for k in h.extra)})
        raise UnknownCodeError("household field", named, known=known)
    tallies: dict[Hashable, Tally] = {}
    for household in items:
        key = _key_of(household, by)
        tally = tallies.get(key)
        if tally is None:
            tally = tallies[key] = Tally(standard)
        status, income, values = _classification_facts(
            classify(household, on=day, standards=standards)
        )
        tally.add(status, income, household.members, values)
    return {key: tally.result(day, key) for key, tally in tallies.items()}
