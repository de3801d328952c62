"""Helpers shared by the tests of :mod:`ntm_criteria.urban` (tests/urban/test_urban_*.py)."""

from __future__ import annotations

import datetime
from fractions import Fraction

from ntm_criteria import Locality, Observation
from ntm_criteria.rules import Fixed
from ntm_criteria.urban import example_standards

ON = datetime.date(2024, 6, 30)
TOWN = Locality("99100", "Minh Họa", "town", region="DBSH")
TABLE = example_standards()


def _level(spec: object) -> Fraction:
    assert isinstance(spec, Fixed)
    return spec.amount


def at_minimum() -> dict[str, Fraction]:
    return {s.code: _level(s.min_level) for s in TABLE.standards}


def at_maximum() -> dict[str, Fraction]:
    return {s.code: _level(s.max_level) for s in TABLE.standards}


def observe(values: dict[str, object]) -> list[Observation]:
    return [Observation(code, value) for code, value in values.items()]  # type: ignore[arg-type]
