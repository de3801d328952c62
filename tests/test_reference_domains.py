"""Poverty lines, urban points and OCOP scores against the reference tables.

The numbers the reference (``tests/data/reference/urban_poverty_ocop.json``,
a copy of ``../shared/reference``) gives with high or medium confidence must
be the ones the library's data files hold.
"""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path

import pytest

from ntm_criteria import ocop, poverty, urban

REFERENCE = json.loads(
    (Path(__file__).parent / "data" / "reference" / "urban_poverty_ocop.json").read_text(
        encoding="utf-8"
    )
)
POVERTY = REFERENCE["topic3_multidimensional_poverty"]
OCOP = REFERENCE["topic4_ocop"]
URBAN = REFERENCE["topic2_urban_classification"]["regime_2016_2025_1210_as_amended_by_26_2022"]


@pytest.mark.parametrize(
    ("on", "lines"),
    [
        ("2018-06-30", POVERTY["standard_2021_2025"]["previous_2016_2020_income_lines"]),
        ("2023-06-30", POVERTY["standard_2021_2025"]["income_thresholds_vnd_per_person_per_month"]),
        ("2026-06-30", POVERTY["standard_2021_2025"]["income_thresholds_vnd_per_person_per_month"]),
        ("2028-06-30", POVERTY["standard_2026_2030"]["income_thresholds_vnd_per_person_per_month"]),
    ],
)
def test_poverty_lines(on, lines):
    standards = poverty.default_standards()
    for area in ("rural", "urban"):
        line = standards.line(area, on)
        assert line.amount == lines[area], (on, area)


@pytest.mark.parametrize(
    ("regime", "column"), [("148/QĐ-TTg", "max_points_148"), ("1048/QĐ-TTg", "max_points_1048")]
)
def test_ocop_parts(regime, column):
    rules = ocop.ocop_rules().regime(regime)
    assert {p.key: p.max_points for p in rules.parts} == {
        part["part"]: Fraction(part[column]) for part in OCOP["parts"]
    }


def test_ocop_star_bands():
    rules = ocop.ocop_rules()
    for band in OCOP["star_bands"]:
        assert rules.band(band["stars"]).min_points == band["min_points"]
        assert rules.stars_for(Fraction(band["max_points"])) == band["stars"]


@pytest.mark.parametrize(
    ("regime", "column"),
    [
        ("1210/2016/UBTVQH13", "max_points_1210_original"),
        ("26/2022/UBTVQH15", "max_points_26_2022"),
    ],
)
def test_urban_criteria_maximum_points(regime, column):
    rules = urban.classification_rules().regime(regime)
    assert [(c.number, c.max_points) for c in rules.criteria] == [
        (group["no"], Fraction(group[column])) for group in URBAN["criteria_groups_and_max_points"]
    ]
