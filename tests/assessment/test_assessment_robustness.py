"""Assessing localities: bad or decomposed input (issue 9); each test is a regression."""

from __future__ import annotations

import json
import unicodedata
from typing import Any

import pytest
from assessment_support import ALL_MET, ON_2022, commune, income

from ntm_criteria import AssessmentResult, DataError, DataErrors, Observation, assess, loads_set

GRADED = """
id = "graded"
title_vi = "Bộ thử"
title_en = "Test set"
scope = "commune"
level = "standard"
valid_from = 2022-01-01
legal_basis = "test"
confidence = "official"

[[criteria]]
number = 1
name_vi = "Xếp loại"
name_en = "Grade"

[[criteria.indicators]]
code = "1.1"
name_vi = "Xếp loại"
name_en = "Grade"
requirement = { one_of = ["Tốt", "Khá"] }
"""


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def _assess_grade(grade: str):
    return assess(commune(), loads_set(GRADED), [Observation("1.1", grade)], on=ON_2022)


def test_a_decomposed_grade_is_met():
    # Regression: NFD "Tốt" gave NOT_MET, "Tốt không thuộc một trong: Tốt, Khá".
    composed, decomposed = _assess_grade("Tốt"), _assess_grade(nfd("Tốt"))
    assert decomposed.status is composed.status
    assert decomposed.indicator("1.1").status is composed.indicator("1.1").status
    assert unicodedata.normalize("NFC", decomposed.explain()) == composed.explain()


def test_a_decomposed_grade_that_is_not_listed_is_not_met_and_shown_as_written():
    result = _assess_grade(nfd("Kém"))
    assert result.indicator("1.1").actual == nfd("Kém")  # shown as the user wrote it
    assert unicodedata.normalize("NFC", result.explain("vi")) == _assess_grade("Kém").explain("vi")


def test_a_decomposed_set_gives_the_composed_results():
    decomposed_set = loads_set(nfd(GRADED))
    for grade in ("Tốt", nfd("Tốt"), "Kém"):
        got = assess(commune(), decomposed_set, [Observation("1.1", grade)], on=ON_2022)
        assert got.status is _assess_grade(grade).status


# -- results as plain data: every problem located ---------------------------------------


@pytest.fixture(scope="module")
def result_data(test_set) -> dict[str, Any]:
    result = assess(commune("DBSCL", "island"), test_set, [*ALL_MET, income(41.5)], on=ON_2022)
    return json.loads(json.dumps(result.to_dict(), ensure_ascii=False))


def _broken(data: dict[str, Any], path: tuple[object, ...], value: object) -> dict[str, Any]:
    copy = json.loads(json.dumps(data))
    target: Any = copy
    for key in path[:-1]:
        target = target[key]
    if value is KeyError:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return copy


@pytest.mark.parametrize(
    ("path", "value", "key_path"),
    [
        (("criteria", 3, "indicators", 0, "status"), KeyError, "criteria[3].indicators[0].status"),
        (("criteria", 3, "indicators", 0, "status"), "done", "criteria[3].indicators[0].status"),
        (("criteria", 1, "status"), 3, "criteria[1].status"),
        (("criteria", 1, "reason"), "why", "criteria[1].reason"),
        (("criteria", 0, "indicators", 1, "gap"), "1e99999", "criteria[0].indicators[1].gap"),
        (("criteria", 0, "indicators", 0, "actual"), [1], "criteria[0].indicators[0].actual"),
        (("criteria", 0, "indicators", 0, "as_of"), "soon", "criteria[0].indicators[0].as_of"),
        (("criteria", 0, "indicators", 0, "code"), 3, "criteria[0].indicators[0].code"),
        (("criteria", 0, "indicators", 0, "provenance"), 1, "criteria[0].indicators[0].provenance"),
        (("criteria", 0, "indicators", 0, "required"), 1, "criteria[0].indicators[0].required"),
        (("criteria", 0, "indicators"), 1, "criteria[0].indicators"),
        (("criteria", 0, "number"), "x", "criteria[0].number"),
        (("criteria", 0), None, "criteria[0]"),
        (("criteria",), {}, "criteria"),
        (("status",), KeyError, "status"),
        (("status",), "done", "status"),
        (("on",), "soon", "on"),
        (("set_id",), 1, "set_id"),
    ],
)
def test_from_dict_names_the_key_path(result_data, path, value, key_path):
    # Regression: a missing status was "not an assessment result: KeyError('status')".
    with pytest.raises(DataError) as caught:
        AssessmentResult.from_dict(_broken(result_data, path, value))
    error = caught.value
    paths = [e.key_path or "" for e in error.errors] if isinstance(error, DataErrors) else []
    assert any(p.startswith(key_path) for p in [error.key_path or "", *paths]), str(error)


def test_from_dict_refuses_what_is_not_a_table():
    with pytest.raises(DataError, match="not a table"):
        AssessmentResult.from_dict([])  # type: ignore[arg-type]


def test_an_unknown_status_names_the_allowed_values(result_data):
    with pytest.raises(DataError, match="met, not_met, unknown, not_applicable"):
        AssessmentResult.from_dict(_broken(result_data, ("status",), "done"))
