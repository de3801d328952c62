"""Indicator domains: inferred from the unit, declared in a set file, checked against thresholds."""

from __future__ import annotations

from fractions import Fraction

import pytest

from ntm_criteria import catalog, demo
from ntm_criteria.criteria import (
    CriterionSet,
    Domain,
    inferred_domain,
    loads_set,
    set_to_data,
)
from ntm_criteria.errors import DataError, DataErrors
from ntm_criteria.rules import fixed_amounts, thresholds, walk

SET = """
id = "tiny"
title_vi = "Bộ nhỏ"
title_en = "Tiny set"
scope = "commune"
level = "standard"
valid_from = 2022-01-01
legal_basis = "illustrative"
confidence = "illustrative"
[[criteria]]
number = 1
name_vi = "A"
name_en = "A"
[[criteria.indicators]]
code = "1.1"
name_vi = "a"
name_en = "a"
unit = "{unit}"
requirement = {requirement}
{domain}
"""


def tiny(requirement: str = "{ at_least = 80 }", unit: str = "percent", domain: str = "") -> str:
    return SET.format(requirement=requirement, unit=unit, domain=domain)


@pytest.mark.parametrize(
    ("unit", "low", "high"),
    [
        ("percent", 0, 100),
        ("%", 0, 100),
        ("million_VND / person / year", 0, None),
        ("VND / person / month", 0, None),
        ("household", 0, None),
        ("person", 0, None),
        ("km", 0, None),
        ("m ** 2 / person", 0, None),
        ("dimensionless", 0, None),
        ("degC", None, None),
        (None, None, None),
        ("bananas", None, None),
    ],
)
def test_the_domain_is_inferred_from_the_unit(unit, low, high):
    assert inferred_domain(unit) == Domain(low, high)


def test_a_domain_with_min_above_max_is_refused():
    with pytest.raises(DataError, match="above its max"):
        Domain(5, 1)


def test_a_declared_domain_is_read_and_written_back():
    loaded = loads_set(tiny("{ at_least = -5 }", domain="domain = { min = -100, max = 1000 }"))
    indicator = loaded.indicator("1.1")
    assert indicator.domain == Domain(-100, 1000)
    assert indicator.value_domain == Domain(-100, 1000)
    data = set_to_data(loaded)
    assert data["criteria"][0]["indicators"][0]["domain"] == {"min": -100, "max": 1000}
    assert CriterionSet.from_dict(data) == loaded


def test_an_open_domain_is_written_as_an_empty_table():
    loaded = loads_set(tiny("{ at_least = 150 }", domain="domain = {}"))
    assert loaded.indicator("1.1").value_domain == Domain()
    assert set_to_data(loaded)["criteria"][0]["indicators"][0]["domain"] == {}


def test_an_inferred_domain_is_not_written():
    loaded = loads_set(tiny())
    assert loaded.indicator("1.1").domain is None
    assert "domain" not in set_to_data(loaded)["criteria"][0]["indicators"][0]


@pytest.mark.parametrize(
    ("domain", "path", "words"),
    [
        ('domain = "0-100"', "criteria[0].indicators[0].domain", "is not a table"),
        ("domain = { min = 5, max = 1 }", "criteria[0].indicators[0].domain", "above its max"),
        ("domain = { low = 0 }", "criteria[0].indicators[0].domain.low", "unknown key"),
        ('domain = { min = "x" }', "criteria[0].indicators[0].domain.min", "not a number"),
        ("domain = { max = true }", "criteria[0].indicators[0].domain.max", "not a number"),
    ],
)
def test_a_bad_domain_is_a_located_problem(domain, path, words):
    with pytest.raises(DataErrors) as caught:
        loads_set(tiny(domain=domain), file="tiny.toml")
    assert [e.key_path for e in caught.value.errors] == [path]
    assert words in str(caught.value)
    assert "tiny.toml" in str(caught.value)


@pytest.mark.parametrize(
    ("requirement", "path"),
    [
        ("{ at_least = 120 }", "requirement.at_least"),
        ("{ at_most = -1 }", "requirement.at_most"),
        ("{ between = [50, 101] }", "requirement.between[1]"),
        (
            "{ at_least = { by_region = { TDMNPB = 70 }, default = 180 } }",
            "requirement.at_least.default",
        ),
    ],
)
def test_a_threshold_outside_the_domain_is_a_problem_naming_the_indicator(requirement, path):
    with pytest.raises(DataErrors) as caught:
        loads_set(tiny(requirement), file="tiny.toml")
    assert [e.key_path for e in caught.value.errors] == [f"criteria[0].indicators[0].{path}"]
    assert "indicator 1.1" in str(caught.value)
    assert "from 0 to 100" in str(caught.value)


def test_a_declared_domain_allows_a_threshold_outside_the_inferred_one():
    # A growth rate in percent can exceed 100 and be negative: the set says so.
    loaded = loads_set(tiny("{ at_least = 120 }", domain="domain = { min = -100 }"))
    assert loaded.indicator("1.1").value_domain.contains(Fraction(500))


def test_an_overlay_can_declare_a_domain():
    base = loads_set(tiny())
    child = loads_set(
        'id = "child"\nextends = "tiny"\n'
        '[indicators."1.1"]\nrequirement = { at_least = 150 }\ndomain = { max = 200 }\n',
        parents=[base],
    )
    assert child.indicator("1.1").value_domain == Domain(high=200)
    assert base.indicator("1.1").value_domain == Domain(0, 100)


def _all_sets() -> list[CriterionSet]:
    return [catalog.get(s.id) for s in catalog.list_sets()] + [
        demo.criterion_set(),
        demo.example_set(),
    ]


def test_every_built_in_threshold_lies_in_its_inferred_domain():
    # The built-in sets declare no domain: inference from the unit must fit them.
    checked = 0
    for criterion_set in _all_sets():
        for indicator in criterion_set.indicators():
            assert indicator.domain is None, (criterion_set.id, indicator.code)
            for node in walk(indicator.requirement):
                for spec in thresholds(node):
                    for amount in fixed_amounts(spec):
                        assert indicator.value_domain.contains(amount), (
                            criterion_set.id,
                            indicator.code,
                        )
                        checked += 1
    assert checked >= 20
