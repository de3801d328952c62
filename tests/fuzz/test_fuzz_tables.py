"""Generated CSV tables: observations (``ntm_criteria.io``), gazetteers, poverty households."""

from __future__ import annotations

import csv
import io as stdio
from pathlib import Path

import pytest
from fuzz_cases import PACKAGE, TESTS, csv_mutated, examples, only_ntm_errors, text_values
from hypothesis import given, settings
from hypothesis import strategies as st

from ntm_criteria import Gazetteer
from ntm_criteria.io import parse_value, read_observations, reads_observations
from ntm_criteria.poverty import HouseholdTable, read_households, reads_households

pytestmark = pytest.mark.fuzz

OBSERVATIONS = (PACKAGE / "demo" / "observations.csv").read_text(encoding="utf-8")
COMMUNES = (PACKAGE / "demo" / "communes.csv").read_text(encoding="utf-8")
HOUSEHOLDS = (TESTS / "data" / "poverty" / "households.csv").read_text(encoding="utf-8")


@settings(max_examples=examples(120))
@given(csv_mutated(OBSERVATIONS))
def test_observation_tables(text: str) -> None:
    only_ntm_errors(lambda: reads_observations(text, file="obs.csv"), "obs.csv")


@settings(max_examples=examples(120))
@given(text_values(), st.sampled_from(("", "%", "km", "triệu đồng/người/năm", "m**13**13")))
def test_observation_values(value: str, unit: str) -> None:
    only_ntm_errors(lambda: parse_value(value, unit))


@settings(max_examples=examples(100))
@given(csv_mutated(COMMUNES))
def test_gazetteer_tables(text: str) -> None:
    rows = list(csv.DictReader(stdio.StringIO(text)))
    only_ntm_errors(lambda: Gazetteer.from_rows(rows, source="g.csv"), "g.csv")


@settings(max_examples=examples(100))
@given(csv_mutated(HOUSEHOLDS))
def test_household_tables(text: str) -> None:
    only_ntm_errors(lambda: reads_households(text, file="h.csv"), "h.csv")


@settings(max_examples=examples(60))
@given(
    st.dictionaries(
        st.sampled_from(("id", "area", "members", "income", "water", "latrine", "x", "nutrition")),
        st.lists(st.one_of(text_values(), st.integers(), st.floats(), st.none()), max_size=4),
        max_size=6,
    )
)
def test_household_columns(columns: dict[str, list[object]]) -> None:
    only_ntm_errors(lambda: HouseholdTable.from_columns(columns))


@settings(max_examples=examples(10))
@given(st.sampled_from((OBSERVATIONS, COMMUNES, HOUSEHOLDS)).flatmap(csv_mutated))
def test_files_on_disk(tmp_path_factory: pytest.TempPathFactory, text: str) -> None:
    path = Path(tmp_path_factory.mktemp("csv"), "t.csv")
    path.write_text(text, encoding="utf-8")
    only_ntm_errors(lambda: read_observations(path), "t.csv")
    only_ntm_errors(lambda: Gazetteer.load_csv(path), "t.csv")
    only_ntm_errors(lambda: read_households(path), "t.csv")
    path.write_bytes(b"\xff\xfe" + text.encode("utf-16-le"))
    only_ntm_errors(lambda: read_observations(path), "t.csv")
    only_ntm_errors(lambda: Gazetteer.load_csv(path), "t.csv")
