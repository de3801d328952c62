"""Helpers shared by the tests of :mod:`ntm_criteria.rules` (tests/rules/test_rules_*.py)."""

from __future__ import annotations

import datetime
from fractions import Fraction
from typing import Any

from ntm_criteria.errors import DataError
from ntm_criteria.periods import Period
from ntm_criteria.rules import (
    AllOf,
    AnyOf,
    AtLeast,
    AtLeastK,
    AtMost,
    Between,
    ByDate,
    Confidence,
    Context,
    Equals,
    Fixed,
    Problems,
    Provenance,
    Status,
    requirement_from_data,
    value_from_data,
)

D = datetime.date
F = Fraction
M, NM, U, NA = Status.MET, Status.NOT_MET, Status.UNKNOWN, Status.NOT_APPLICABLE

ON = D(2022, 6, 15)
OFFICIAL = Provenance("318/QĐ-TTg, Annex I", Confidence.OFFICIAL, certainty="high")

OPERATOR_LIST = (
    "at_least, at_most, between, equals, achieved, one_of, unspecified, all_of, any_of, at_least_k"
)


def ctx(
    *,
    on: datetime.date = ON,
    region: str | None = None,
    group: int | None = None,
    tags: tuple[str, ...] = (),
) -> Context:
    return Context(on=on, region=region, group=group, tags=frozenset(tags))


def read(data: object, *, refs: bool = False, path: str = "req") -> tuple[Any, list[DataError]]:
    """Read a requirement; return it with the problems recorded."""
    problems = Problems()
    result = requirement_from_data(data, path, problems, refs=refs)
    return result, problems.items


def read_value(data: object, path: str = "v") -> tuple[Any, list[DataError]]:
    problems = Problems()
    result = value_from_data(data, path, problems)
    return result, problems.items


def where(problems: list[DataError]) -> list[str | None]:
    return [p.key_path for p in problems]


def leaves_of(value: object) -> list[object]:
    """Every value leaf (Fixed or Unspecified) or branch inside a resolved requirement."""
    if isinstance(value, AtLeast | AtMost | Equals):
        return [value.value]
    if isinstance(value, Between):
        return [value.low, value.high]
    if isinstance(value, AllOf | AnyOf | AtLeastK):
        return [leaf for item in value.items for leaf in leaves_of(item)]
    return []


def _problem(
    data: object, *, refs: bool = False
) -> tuple[Any, list[tuple[str | None, str, str | None]]]:
    result, problems = read(data, refs=refs)
    return result, [(p.key_path, p.message, p.expected) for p in problems]


YEARS_2022_2023 = ByDate(((Period.year(2022), Fixed(39)), (Period.year(2023), Fixed(42))))
