"""Tests for ntm_criteria.geography: regions, kinds and tags are data files that agree with the code."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from ntm_criteria.geography import KNOWN_TAGS, TAG_LABELS, LocalityKind, regions

DATA = Path(__file__).parents[2] / "src" / "ntm_criteria" / "geography" / "data"


def entries(name: str, key: str) -> list[dict[str, object]]:
    data = tomllib.loads((DATA / name).read_text(encoding="utf-8"))
    assert data["format"] == 1
    found = data[key]
    assert isinstance(found, list)
    return found


@pytest.mark.parametrize(("name", "key"), [("kinds.toml", "kinds"), ("tags.toml", "tags")])
def test_every_entry_has_a_code_and_both_names(name: str, key: str) -> None:
    for entry in entries(name, key):
        assert {"code", "name_vi", "name_en"} <= set(entry), entry


def test_every_region_has_a_code_both_names_and_a_source() -> None:
    for scheme in entries("regions.toml", "schemes"):
        regions_of = scheme["regions"]
        assert isinstance(regions_of, list)
        for entry in regions_of:
            assert {"code", "name_vi", "name_en", "source"} <= set(entry), entry


def test_the_files_are_what_the_module_holds() -> None:
    assert [e["code"] for e in entries("kinds.toml", "kinds")] == [k.value for k in LocalityKind]
    tags = entries("tags.toml", "tags")
    assert {str(e["code"]) for e in tags} == KNOWN_TAGS
    assert all(TAG_LABELS[str(e["code"])]["en"] == e["name_en"] for e in tags)
    schemes = entries("regions.toml", "schemes")
    assert [r.code for r in regions(str(schemes[0]["id"]))] == [
        e["code"]
        for e in schemes[0]["regions"]  # type: ignore[attr-defined]
    ]
