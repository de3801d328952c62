"""Tests for ntm_criteria.geography: the tag vocabulary."""

from __future__ import annotations

import pytest

from ntm_criteria.geography import (
    KNOWN_TAGS,
    TAG_LABELS,
)


class TestTags:
    def test_vocabulary(self) -> None:
        assert (
            frozenset(
                {
                    "extremely_difficult",
                    "safe_zone",
                    "poor_district",
                    "island",
                    "border",
                    "coastal",
                    "mountainous",
                    "ethnic_minority_area_ii",
                    "ethnic_minority_area_iii",
                    "without_commune_units",
                }
            )
            == KNOWN_TAGS
        )

    def test_every_tag_has_vi_and_en_labels(self) -> None:
        assert set(TAG_LABELS) == KNOWN_TAGS
        for labels in TAG_LABELS.values():
            assert set(labels) == {"vi", "en"}
            assert all(labels.values())
        assert TAG_LABELS["safe_zone"]["vi"] == "xã an toàn khu (ATK)"

    def test_labels_are_read_only(self) -> None:
        with pytest.raises(TypeError):
            TAG_LABELS["x_new"] = {"vi": "", "en": ""}  # type: ignore[index]
        with pytest.raises(TypeError):
            TAG_LABELS["island"]["vi"] = "x"  # type: ignore[index]
