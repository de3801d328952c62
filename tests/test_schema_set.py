"""The JSON Schema of the set file format accepts every shipped set and refuses misshapen ones."""

from __future__ import annotations

import datetime
import tomllib
from importlib import resources
from pathlib import Path

import jsonschema
import pytest

from ntm_criteria import catalog, demo
from ntm_criteria.criteria import set_schema, set_to_data, set_to_toml

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = resources.files("ntm_criteria")
SET_FILES = sorted(
    [
        *(ROOT / "src" / "ntm_criteria" / "catalog" / "data").glob("*.toml"),
        *(ROOT / "src" / "ntm_criteria" / "demo").glob("*.toml"),
        *(ROOT / "examples").glob("*.toml"),
        *(ROOT / "examples" / "data").glob("*.toml"),
        ROOT / "tests" / "data" / "sets" / "parent.toml",
        ROOT / "tests" / "data" / "sets" / "child.toml",
        ROOT / "tests" / "data" / "sets" / "full.toml",
    ]
)


def as_json(value: object) -> object:
    """TOML data as an editor's TOML extension hands it to a JSON Schema: dates become strings."""
    if isinstance(value, dict):
        return {k: as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_json(v) for v in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = set_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_the_schema_is_shipped_in_the_package() -> None:
    assert (PACKAGE / "schemas" / "criterion-set.schema.json").is_file()


@pytest.mark.parametrize("path", SET_FILES, ids=lambda p: p.name)
def test_every_shipped_set_file_is_valid(validator, path: Path) -> None:
    data = tomllib.loads(path.read_text("utf-8"))
    errors = [e.message for e in validator.iter_errors(as_json(data))]
    assert not errors, errors


@pytest.mark.parametrize("set_id", [info.id for info in catalog.list_sets()])
def test_every_built_in_set_written_back_is_valid(validator, set_id: str) -> None:
    data = tomllib.loads(set_to_toml(catalog.get(set_id)))
    assert not list(validator.iter_errors(as_json(data)))


@pytest.mark.parametrize(
    ("change", "where"),
    [
        ({"titel_vi": "x"}, "titel_vi"),
        ({"level": "excellent"}, "excellent"),
        ({"scope": "county"}, "county"),
    ],
)
def test_a_misshapen_set_is_refused(validator, change: dict, where: str) -> None:
    data = {**as_json(set_to_data(demo.example_set())), **change}
    messages = " ".join(e.message for e in validator.iter_errors(data))
    assert where in messages


def test_a_misspelt_operator_is_refused(validator) -> None:
    data = as_json(set_to_data(demo.example_set()))
    data["criteria"][0]["indicators"][0]["requirement"] = {"atleast": 80}
    assert list(validator.iter_errors(data))


def test_an_indicator_may_give_its_domain(validator) -> None:
    data = as_json(set_to_data(demo.example_set()))
    data["criteria"][0]["indicators"][0]["domain"] = {"min": 0, "max": 100}
    assert not list(validator.iter_errors(data))
    data["criteria"][0]["indicators"][0]["domain"] = {"low": 0}
    assert list(validator.iter_errors(data))


def test_an_overlay_needs_only_its_id(validator) -> None:
    assert not list(
        validator.iter_errors({"id": "x", "extends": "vn-ntm-commune-standard-2021-2025"})
    )
    assert list(validator.iter_errors({"id": "x"}))
