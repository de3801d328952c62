"""Tests for ntm_criteria.geography: locality kinds: names, tiers and parsing."""

from __future__ import annotations

import unicodedata

import pytest

from ntm_criteria.errors import UnknownCodeError
from ntm_criteria.geography import (
    LocalityKind,
)

KIND_TABLE = [
    (LocalityKind.PROVINCE, "province", "tỉnh", 1),
    (LocalityKind.CENTRAL_CITY, "central_city", "thành phố trực thuộc trung ương", 1),
    (LocalityKind.DISTRICT, "district", "huyện", 2),
    (LocalityKind.TOWN, "town", "thị xã", 2),
    (LocalityKind.PROVINCIAL_CITY, "provincial_city", "thành phố thuộc tỉnh", 2),
    (LocalityKind.URBAN_DISTRICT, "urban_district", "quận", 2),
    (LocalityKind.COMMUNE, "commune", "xã", 3),
    (LocalityKind.WARD, "ward", "phường", 3),
    (LocalityKind.TOWNSHIP, "township", "thị trấn", 3),
    (LocalityKind.SPECIAL_ZONE, "special_zone", "đặc khu", 3),
    (LocalityKind.VILLAGE, "village", "thôn", 4),
    (LocalityKind.RESIDENTIAL_GROUP, "residential_group", "tổ dân phố", 4),
]


class TestLocalityKind:
    @pytest.mark.parametrize(("kind", "value", "name_vi", "tier"), KIND_TABLE)
    def test_table(self, kind: LocalityKind, value: str, name_vi: str, tier: int) -> None:
        assert kind.value == value
        assert kind.name_vi == name_vi
        assert kind.tier == tier
        assert kind.name_en

    @pytest.mark.parametrize(("kind", "value", "name_vi", "tier"), KIND_TABLE)
    def test_parse_every_spelling(
        self, kind: LocalityKind, value: str, name_vi: str, tier: int
    ) -> None:
        for text in (value, kind.name, name_vi, name_vi.upper(), kind.name_en, f"  {value} "):
            assert LocalityKind.parse(text) is kind
        assert LocalityKind.parse(kind) is kind

    @pytest.mark.parametrize(
        ("text", "kind"),
        [
            ("xã", LocalityKind.COMMUNE),
            ("Xã", LocalityKind.COMMUNE),
            ("XÃ", LocalityKind.COMMUNE),
            ("phường", LocalityKind.WARD),
            ("Thị  Trấn", LocalityKind.TOWNSHIP),
            ("thôn", LocalityKind.VILLAGE),
            ("bản", LocalityKind.VILLAGE),
            ("Ấp", LocalityKind.VILLAGE),
            ("tỉnh", LocalityKind.PROVINCE),
            ("Tổ dân phố", LocalityKind.RESIDENTIAL_GROUP),
            ("khu phố", LocalityKind.RESIDENTIAL_GROUP),
            ("provincial city", LocalityKind.PROVINCIAL_CITY),
            (unicodedata.normalize("NFD", "thị trấn"), LocalityKind.TOWNSHIP),
        ],
    )
    def test_parse_vietnamese(self, text: str, kind: LocalityKind) -> None:
        assert LocalityKind.parse(text) is kind

    @pytest.mark.parametrize("text", ["hamlet", "", "thành phố", "xa", "tinh"])
    def test_parse_rejects(self, text: str) -> None:
        with pytest.raises(UnknownCodeError, match="unknown locality kind") as info:
            LocalityKind.parse(text)
        assert info.value.kind == "locality kind"
        assert info.value.code == text
        assert "commune" in info.value.known

    def test_parse_rejects_non_text(self) -> None:
        with pytest.raises(UnknownCodeError, match="'3'"):
            LocalityKind.parse(3)  # type: ignore[arg-type]
