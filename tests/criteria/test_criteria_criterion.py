"""Tests for criteria and criterion groups (ntm_criteria.criteria)."""

from __future__ import annotations

import attrs

from ntm_criteria.criteria import (
    Criterion,
    CriterionGroup,
    Indicator,
)
from ntm_criteria.rules import (
    Achieved,
    AllOf,
    AtLeastK,
    Ref,
)


def test_criterion_effective_rule_and_label() -> None:
    c = Criterion(
        10,
        "Thu nhập",
        "Income",
        [Indicator("10.1", "a", "b", Achieved()), Indicator("10.2", "c", "d", Achieved())],
    )
    assert c.indicators[0].code == "10.1"
    assert isinstance(c.indicators, tuple)
    assert c.effective_rule == AllOf([Ref("10.1"), Ref("10.2")])
    assert c.label("vi") == "Tiêu chí 10 (Thu nhập)"
    assert c.label("en") == "Criterion 10 (Income)"
    rule = AtLeastK(1, [Ref("10.1"), Ref("10.2")])
    assert attrs.evolve(c, rule=rule).effective_rule == rule


def test_criterion_group() -> None:
    g = CriterionGroup("economy", "Kinh tế", "Economy")
    assert (g.key, g.name_vi, g.name_en) == ("economy", "Kinh tế", "Economy")
