"""Tests for indicators and their applicability (ntm_criteria.criteria)."""

from __future__ import annotations

from ntm_criteria.criteria import (
    Applicability,
    Indicator,
)
from ntm_criteria.rules import (
    Achieved,
    AtLeast,
    Fixed,
    OneOf,
    Provenance,
)


def test_applicability() -> None:
    anyone = Applicability()
    assert anyone.applies(frozenset(), None)
    islands = Applicability(tags_any=["island", "coastal"])
    assert islands.tags_any == frozenset({"island", "coastal"})
    assert islands.applies(frozenset({"coastal"}), 2)
    assert not islands.applies(frozenset({"border"}), 2)
    groups = Applicability(groups=[1, 2])
    assert groups.applies(frozenset(), 1)
    assert not groups.applies(frozenset(), 3)
    assert not groups.applies(frozenset(), None)


def test_indicator_properties() -> None:
    provenance = Provenance("QĐ 1", "provincial")
    i = Indicator(
        "3.1", "Tưới tiêu", "Irrigation", AtLeast(Fixed(80)), unit="percent", provenance=provenance
    )
    assert i.value_kind == "number"
    assert i.source == "QĐ 1"
    assert i.confidence == "provincial"
    assert Indicator("3.2", "a", "b", Achieved()).value_kind == "bool"
    assert Indicator("3.3", "a", "b", OneOf(("Tốt",))).value_kind == "grade"
    assert Indicator("3.4", "a", "b", Achieved()).confidence == "unverified"
