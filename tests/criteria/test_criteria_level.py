"""Tests for ntm_criteria.criteria.Level: order, keys, labels, parsing."""

from __future__ import annotations

import pytest

from ntm_criteria.criteria import (
    Level,
)
from ntm_criteria.errors import NtmError, UnknownCodeError


def test_levels_are_ordered() -> None:
    assert Level.STANDARD < Level.ADVANCED < Level.MODEL
    assert sorted([Level.MODEL, Level.STANDARD, Level.ADVANCED]) == list(Level)
    assert max(Level) is Level.MODEL


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("standard", Level.STANDARD),
        ("advanced", Level.ADVANCED),
        ("model", Level.MODEL),
        ("đạt chuẩn", Level.STANDARD),
        ("nâng cao", Level.ADVANCED),
        ("kiểu mẫu", Level.MODEL),
        ("  Model ", Level.MODEL),
        ("NÂNG CAO", Level.ADVANCED),
    ],
)
def test_level_parse(text: str, level: Level) -> None:
    assert Level.parse(text) is level


@pytest.mark.parametrize("text", ["gold", "", "chuẩn", "none", "standard-plus"])
def test_level_parse_unknown(text: str) -> None:
    with pytest.raises(UnknownCodeError) as info:
        Level.parse(text)
    assert isinstance(info.value, NtmError)
    assert info.value.kind == "level"
    assert info.value.known == ("standard", "advanced", "model")


def test_level_keys_and_labels() -> None:
    assert [level.key for level in Level] == ["standard", "advanced", "model"]
    assert [level.label("vi") for level in Level] == ["đạt chuẩn", "nâng cao", "kiểu mẫu"]
    assert [level.label("en") for level in Level] == ["standard", "advanced", "model"]
    assert all(Level.parse(level.key) is level for level in Level)
    assert all(Level.parse(level.label("vi")) is level for level in Level)
