"""Generated tables of published figures: poverty rates, urban summaries, OCOP lists, wards."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from fuzz_cases import csv_mutated, examples, only_ntm_errors
from hypothesis import given, settings

from ntm_criteria.civilized import reads_registrations
from ntm_criteria.ocop import reads_product_list
from ntm_criteria.poverty import reads_poverty_figures
from ntm_criteria.urban import reads_classification_summaries

pytestmark = pytest.mark.fuzz

DATA = Path(__file__).resolve().parents[2] / "examples" / "data" / "hong_linh_2023"


def _mutated(name: str, read: Callable[..., Any]) -> Callable[[], None]:
    text = (DATA / name).read_text(encoding="utf-8")

    @settings(max_examples=examples(80))
    @given(csv_mutated(text))
    def check(mutated: str) -> None:
        only_ntm_errors(lambda: read(mutated, file=name), name)

    return check


test_poverty_figures = _mutated("poverty.csv", reads_poverty_figures)
test_urban_summaries = _mutated("urban.csv", reads_classification_summaries)
test_ocop_lists = _mutated("ocop.csv", reads_product_list)
test_ward_registrations = _mutated("wards.csv", reads_registrations)
