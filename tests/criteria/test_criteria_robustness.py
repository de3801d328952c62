"""Bad input to the criteria reader: only located ``DataErrors``, never a crash or a hang (issue 9).

Unicode: level words, codes, ids and tags read in decomposed form (NFD) give
exactly what the composed form (NFC) gives.  Limits: requirements nested
deeper than ``MAX_NESTING`` and numbers beyond the documented range are
refused with their key path.
"""

from __future__ import annotations

import copy
import json
import unicodedata
from typing import Any

import pytest

from ntm_criteria import demo, loads_set
from ntm_criteria._validators import MAX_NESTING
from ntm_criteria.criteria import CriterionSet, Level, set_to_data
from ntm_criteria.errors import DataErrors


def _nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def _data() -> dict[str, Any]:
    return copy.deepcopy(set_to_data(demo.example_set()))


def _indicator(data: dict[str, Any]) -> dict[str, Any]:
    found: dict[str, Any] = data["criteria"][0]["indicators"][0]
    return found


def _problems(data: dict[str, Any]) -> list[tuple[str | None, str]]:
    with pytest.raises(DataErrors) as caught:
        CriterionSet.from_dict(data)
    return [(e.key_path, e.message) for e in caught.value.errors]


# -- Unicode ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "level"),
    [("nâng cao", Level.ADVANCED), ("đạt chuẩn", Level.STANDARD), ("kiểu mẫu", Level.MODEL)],
)
def test_level_words_in_decomposed_form_are_read(text, level):
    # Regression: Level.parse refused NFD "nâng cao" / "đạt chuẩn" (UnknownCodeError).
    assert _nfd(text) != text
    assert Level.parse(_nfd(text)) is level
    assert Level.parse(_nfd(text.upper())) is level


def test_a_set_written_in_decomposed_form_reads_as_the_composed_one():
    data = _data()
    data["level"] = _nfd("nâng cao")
    data["requires"] = _nfd("đạt chuẩn")
    decomposed = CriterionSet.from_dict(data)
    assert (decomposed.level, decomposed.requires) == (Level.ADVANCED, Level.STANDARD)


def test_codes_and_ids_are_compared_in_composed_form():
    data = _data()
    data["id"] = _nfd("bộ-thử")
    _indicator(data)["code"] = _nfd("3.1đ")
    read = CriterionSet.from_dict(data)
    assert read.id == "bộ-thử"
    assert read.indicator("3.1đ").code == "3.1đ"


def test_an_overlay_names_its_parent_in_any_unicode_form():
    base = _data()
    base["id"] = "bộ-gốc"
    national = CriterionSet.from_dict(base)
    child = CriterionSet.from_dict({"id": "con", "extends": _nfd("bộ-gốc")}, parents=[national])
    assert child.extends == "bộ-gốc"


def test_names_keep_the_bytes_they_were_written_with():
    data = _data()
    data["title_vi"] = _nfd("Bộ tiêu chí")
    assert CriterionSet.from_dict(data).title_vi == _nfd("Bộ tiêu chí")


# -- nesting ---------------------------------------------------------------------


def _deep_all_of(levels: int) -> object:
    requirement: object = {"at_least": 1}
    for _ in range(levels):
        requirement = {"all_of": [requirement]}
    return requirement


def test_a_requirement_nested_a_thousand_deep_is_a_located_problem():
    # Regression: CriterionSet.from_dict recursed out (RecursionError).
    data = _data()
    _indicator(data)["requirement"] = _deep_all_of(1000)
    assert _problems(data) == [
        (
            "criteria[0].indicators[0].requirement",
            f"nested deeper than {MAX_NESTING} levels",
        )
    ]


def test_a_value_table_nested_a_thousand_deep_is_a_located_problem():
    # Regression: a 1,000-deep by_region recursed out (RecursionError).
    value: object = 1
    for _ in range(1000):
        value = {"by_region": {"DBSH": value}}
    data = _data()
    _indicator(data)["requirement"] = {"at_least": value}
    assert [path for path, _ in _problems(data)] == ["criteria[0].indicators[0].requirement"]


def test_a_criterion_rule_nested_a_thousand_deep_is_a_located_problem():
    rule: object = "3"
    for _ in range(1000):
        rule = {"all_of": [rule]}
    data = _data()
    data["rule"] = rule
    assert [path for path, _ in _problems(data)] == ["rule"]


def test_nesting_up_to_the_limit_still_reads():
    data = _data()
    _indicator(data)["requirement"] = _deep_all_of(MAX_NESTING // 2 - 1)
    assert CriterionSet.from_dict(data).total == 2


# -- numbers ---------------------------------------------------------------------


def test_a_huge_criterion_number_is_a_located_problem():
    # Regression: the message wrote the number out and raised ValueError (4,300 digits).
    data = _data()
    data["criteria"][0]["number"] = 10**5000
    problems = _problems(data)
    assert problems[0][0] == "criteria[0].number"
    assert "5001 digits" in problems[0][1]


def test_a_huge_number_as_a_code_is_a_located_problem():
    data = _data()
    _indicator(data)["code"] = 10**5000
    assert _problems(data)[0][0] == "criteria[0].indicators[0].code"


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
{rule}
[[criteria.indicators]]
code = "1.1"
name_vi = "a"
name_en = "a"
unit = "percent"
requirement = {requirement}
"""


def test_a_threshold_with_a_huge_exponent_is_refused_quickly():
    # Regression: "1e10000000" took 20 s (Fraction(str) with an unbounded exponent).
    # A smaller exponent here, so that the test stays quick until the fix lands.
    with pytest.raises(DataErrors, match=r"requirement\.at_least"):
        loads_set(SET.format(rule="", requirement='{ at_least = "1e1000000" }'))


def test_a_threshold_beyond_the_documented_range_is_refused():
    # Regression: at_least = "1e5000" loaded, then repr/explain/JSON raised ValueError.
    with pytest.raises(DataErrors, match=r"requirement\.at_least"):
        loads_set(SET.format(rule="", requirement='{ at_least = "1e5000" }'))


def test_a_huge_k_of_at_least_k_is_refused():
    rule = 'rule = { at_least_k = 1e5000, of = ["1.1"] }'.replace("1e5000", "9" * 4000)
    with pytest.raises(DataErrors, match=r"criteria\[0\]\.rule"):
        loads_set(SET.format(rule=rule, requirement="{ at_least = 80 }"))


def test_a_set_that_loads_writes_its_json():
    # The domain is declared open: 1e20 % is no share of a whole.
    loaded = loads_set(SET.format(rule="", requirement='{ at_least = "1e20" }\ndomain = {}'))
    assert json.loads(json.dumps(loaded.to_dict()))["id"] == "tiny"
    assert "tiny" in repr(loaded)


@pytest.mark.parametrize("key", ["format", "title_vi", "valid_from"])
def test_a_huge_integer_in_a_header_field_is_a_located_problem(key):
    # Regression (found by mutating the built-in sets): the message wrote the value out
    # with repr() and raised ValueError (over 4,300 digits).
    data = _data()
    data[key] = 10**5000
    assert key in [path for path, _ in _problems(data)]


def test_a_huge_integer_as_the_confidence_is_a_located_problem():
    data = _data()
    data["confidence"] = 10**5000
    assert "confidence" in [path for path, _ in _problems(data)]


def test_a_huge_integer_as_a_level_or_kind_is_a_located_problem():
    # Regression (found by mutating the built-in sets): str() of the value raised ValueError.
    data = _data()
    data["level"] = 10**5000
    data["scope"] = [10**5000]
    assert {"level", "scope[0]"} <= {path for path, _ in _problems(data)}


def test_a_huge_integer_threshold_is_refused():
    # Regression (found by mutating the built-in sets): loaded, then JSON raised ValueError.
    data = _data()
    _indicator(data)["requirement"] = {"at_least": 10**5000}
    assert _problems(data)[0][0] == "criteria[0].indicators[0].requirement.at_least"


def test_a_huge_integer_as_an_aggregate_measure_is_a_located_problem():
    # Regression: str() of a 5,000-digit measure raised ValueError (found by the mutation test).
    from ntm_criteria import catalog
    from ntm_criteria.errors import DataErrors

    data = catalog.get("vn-ntm-province-completion-2021-2025").to_dict()
    indicator = next(i for c in data["criteria"] for i in c["indicators"] if i.get("aggregate"))
    indicator["aggregate"]["measure"] = 10**5000
    with pytest.raises(DataErrors) as caught:
        CriterionSet.from_dict(data)
    assert "aggregate" in str(caught.value)
