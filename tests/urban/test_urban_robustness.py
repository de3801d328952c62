"""Bad urban tables: located problems collected with the others, never a bare error (issue 9)."""

from __future__ import annotations

import pytest

from ntm_criteria.errors import DataError, DataErrors
from ntm_criteria.progress import PlanItem, PlanStatus
from ntm_criteria.urban import Direction, loads_standards

TABLE = """\
id = "mine"
title_vi = "Bảng của tôi"
title_en = "My table"
regime = "26/2022/UBTVQH15"
class = "{urban_class}"
confidence = "provincial"

[[standards]]
code = "2.1"
criterion = {criterion}
name_vi = "Dân số"
name_en = "Population"
unit = "person"
direction = "{direction}"
min_level = {min_level}
max_level = 150000
min_points = {min_points}
max_points = 4
"""


def _table(**changes: object) -> str:
    fields: dict[str, object] = {
        "urban_class": "III",
        "criterion": 2,
        "direction": "higher",
        "min_level": 100000,
        "min_points": 3,
    }
    return TABLE.format(**{**fields, **changes})


def _problems(text: str) -> list[tuple[str | None, str]]:
    with pytest.raises(DataErrors) as caught:
        loads_standards(text, file="t.toml")
    assert caught.value.file == "t.toml"
    return [(e.key_path, e.message) for e in caught.value.errors]


def test_a_negative_min_points_is_a_located_problem_with_the_others():
    # Regression: a bare DataError without file or key path, hiding the other problems.
    problems = _problems(_table(min_points=-1, urban_class="VI"))
    assert ("standards[0].min_points", "min_points -1 is negative") in problems
    assert "class" in [path for path, _ in problems]


def test_an_unknown_direction_names_the_field_and_the_allowed_values():
    with pytest.raises(DataErrors) as caught:
        loads_standards(_table(direction="up"))
    (problem,) = caught.value.errors
    assert problem.key_path == "standards[0].direction"
    assert problem.expected == "higher or lower"


def test_the_direction_converter_raises_a_data_error():
    # Regression: Direction("up") raised a bare ValueError.
    with pytest.raises(DataError, match="higher or lower") as caught:
        Direction("up")
    assert caught.value.key_path == "direction"
    with pytest.raises(DataError):
        Direction(3)  # type: ignore[arg-type]


def test_a_roadmap_status_in_any_unicode_form():
    # The roadmap item is a PlanItem now (urban.RoadmapItem is a deprecated alias).
    item = PlanItem("1", None, "31/12/2025", programme="p", status=" achieved ")
    assert item.status is PlanStatus.DONE


@pytest.mark.xfail(strict=True, reason="analysis: PlanStatus.parse calls str() on a huge int")
def test_a_huge_number_as_a_plan_status_is_a_data_error():
    with pytest.raises(DataError, match="status"):
        PlanItem("1", None, "31/12/2025", programme="p", status=10**5000)  # type: ignore[arg-type]


@pytest.mark.parametrize("number", ['"1e10000000"', '"1e5000"', "1" + "0" * 40])
def test_points_beyond_the_documented_range_are_refused_quickly(number):
    # Regression: "1e10000000" took 20 s (Fraction(str)), "1e5000" loaded and then crashed.
    problems = _problems(_table(min_points=number))
    assert problems[0][0] == "standards[0].min_points"


def test_a_huge_criterion_number_is_refused_with_its_place():
    # Regression: the fit check wrote the number into its message (ValueError over 4,300 digits).
    problems = _problems(_table(criterion="9" * 4000))
    assert problems[0][0] == "standards[0].criterion"


@pytest.mark.parametrize("number", ['"1e10000000"', "1" + "0" * 40])
def test_a_level_beyond_the_documented_range_is_refused(number):
    assert _problems(_table(min_level=number))[0][0] == "standards[0].min_level"
