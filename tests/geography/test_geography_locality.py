"""Tests for ntm_criteria.geography: Locality: fields, checks, labels and plain data."""

from __future__ import annotations

import json
import unicodedata
from typing import Any, Literal

import attrs
import pytest

from ntm_criteria.errors import DataError, UnknownCodeError
from ntm_criteria.geography import (
    Locality,
    LocalityKind,
)

NormalForm = Literal["NFC", "NFD"]


class TestLocality:
    def test_kind_converter_accepts_text(self) -> None:
        assert Locality("03664", "Chiềng Xôm", "xã").kind is LocalityKind.COMMUNE
        assert Locality("14", "Sơn La", "PROVINCE").kind is LocalityKind.PROVINCE

    def test_unknown_kind(self) -> None:
        with pytest.raises(UnknownCodeError, match="unknown locality kind 'hamlet'"):
            Locality("1", "A", "hamlet")

    def test_defaults(self) -> None:
        loc = Locality("14", "Sơn La", LocalityKind.PROVINCE)
        assert (loc.parent, loc.region, loc.tags, loc.group, loc.name_en) == (
            None,
            None,
            frozenset(),
            None,
            None,
        )

    @pytest.mark.parametrize("code", ["", "   ", " 14", "14 ", "\t14"])
    def test_bad_code(self, code: str) -> None:
        with pytest.raises(DataError, match="code") as info:
            Locality(code, "Sơn La", "tỉnh")
        assert info.value.key_path == "code"

    def test_code_must_be_text(self) -> None:
        with pytest.raises(DataError, match="code must be text, not int"):
            Locality(14, "Sơn La", "tỉnh")  # type: ignore[arg-type]

    @pytest.mark.parametrize("name", ["", " ", "Sơn La "])
    def test_bad_name(self, name: str) -> None:
        with pytest.raises(DataError, match="name_vi"):
            Locality("14", name, "tỉnh")

    def test_bad_parent_and_name_en(self) -> None:
        with pytest.raises(DataError, match="parent is empty"):
            Locality("14", "Sơn La", "tỉnh", parent="")
        with pytest.raises(DataError, match="name_en is empty"):
            Locality("14", "Sơn La", "tỉnh", name_en="")

    def test_own_parent(self) -> None:
        with pytest.raises(DataError, match="locality '14' cannot be its own parent"):
            Locality("14", "Sơn La", "tỉnh", parent="14")

    def test_region_validated_in_any_scheme(self) -> None:
        assert Locality("14", "Sơn La", "tỉnh", region="TDMNPB").region == "TDMNPB"
        assert Locality("48", "Đà Nẵng", "central_city", region="BTB-DHMT").region == "BTB-DHMT"
        with pytest.raises(UnknownCodeError, match="unknown region 'MN'") as info:
            Locality("14", "Sơn La", "tỉnh", region="MN")
        assert "TDMNPB" in info.value.known
        assert "BTB-DHMT" in info.value.known

    def test_region_must_be_text(self) -> None:
        with pytest.raises(DataError, match="region must be text"):
            Locality("14", "Sơn La", "tỉnh", region=1)  # type: ignore[arg-type]

    def test_tags_from_any_iterable(self) -> None:
        expected = frozenset({"island", "border"})
        assert Locality("1", "Cô Tô", "đặc khu", tags=["island", "border"]).tags == expected
        assert Locality("1", "Cô Tô", "đặc khu", tags=("island", "border")).tags == expected
        assert Locality("1", "Cô Tô", "đặc khu", tags=iter(["island", "border"])).tags == expected
        assert Locality("1", "Cô Tô", "đặc khu", tags="island").tags == {"island"}
        assert Locality("1", "Cô Tô", "đặc khu", tags=None).tags == frozenset()

    def test_user_tags(self) -> None:
        loc = Locality("1", "A", "xã", tags=["x_pilot", "x_2026_model_1"])
        assert loc.has_tag("x_pilot")
        assert not loc.has_tag("island")

    @pytest.mark.parametrize("tag", ["isle", "Island", "x_", "x_Pilot", "x-pilot", "island "])
    def test_unknown_tag_names_the_tag_and_the_vocabulary(self, tag: str) -> None:
        with pytest.raises(DataError) as info:
            Locality("1", "A", "xã", tags=[tag, "border"])
        err = info.value
        assert err.key_path == "tags"
        assert repr(tag) in err.message
        assert err.expected is not None
        assert "extremely_difficult" in err.expected
        assert "x_[a-z0-9_]+" in err.expected

    def test_several_unknown_tags_in_one_message(self) -> None:
        with pytest.raises(DataError, match="unknown tags 'a', 'b'"):
            Locality("1", "A", "xã", tags=["b", "a", "island"])

    def test_tags_must_be_text(self) -> None:
        with pytest.raises(DataError, match="tags must be text, found int"):
            Locality("1", "A", "xã", tags=[1])  # type: ignore[list-item]
        with pytest.raises(DataError, match="tags must be a collection"):
            Locality("1", "A", "xã", tags=5)  # type: ignore[arg-type]

    @pytest.mark.parametrize("kind", ["commune", "ward", "township", "special_zone"])
    @pytest.mark.parametrize("group", [1, 2, 3])
    def test_group_on_commune_level(self, kind: str, group: int) -> None:
        assert Locality("1", "A", kind, group=group).group == group

    @pytest.mark.parametrize("group", [0, 4, -1, True, "2", 2.0])
    def test_bad_group(self, group: Any) -> None:
        with pytest.raises(DataError, match="is not a commune group") as info:
            Locality("1", "A", "xã", group=group)
        assert info.value.key_path == "group"
        assert "51/2025/QĐ-TTg" in str(info.value)

    @pytest.mark.parametrize("kind", ["province", "district", "provincial_city", "village"])
    def test_group_only_on_commune_level(self, kind: str) -> None:
        with pytest.raises(DataError, match=f"group 1 is set on a {kind}") as info:
            Locality("1", "A", kind, group=1)
        assert info.value.key_path == "group"

    @pytest.mark.parametrize(
        ("loc", "vi", "en"),
        [
            (Locality("03664", "Chiềng Xôm", "xã"), "xã Chiềng Xôm", "Chiềng Xôm commune"),
            (
                Locality("03664", "Chiềng Xôm", "xã", name_en="Chieng Xom"),
                "xã Chiềng Xôm",
                "Chieng Xom commune",
            ),
            (Locality("14", "Sơn La", "tỉnh"), "tỉnh Sơn La", "Sơn La province"),
            (Locality("116", "Sơn La", "provincial_city"), "thành phố Sơn La", "Sơn La city"),
            (
                Locality("79", "Hồ Chí Minh", "central_city", name_en="Ho Chi Minh City"),
                "thành phố Hồ Chí Minh",
                "Ho Chi Minh City",
            ),
            (Locality("1", "Ba Đình", "quận"), "quận Ba Đình", "Ba Đình district"),
            (Locality("1", "Phúc Xá", "phường"), "phường Phúc Xá", "Phúc Xá ward"),
            (Locality("1", "Thuận Châu", "thị trấn"), "thị trấn Thuận Châu", "Thuận Châu township"),
            (Locality("1", "Phú Quốc", "đặc khu"), "đặc khu Phú Quốc", "Phú Quốc special zone"),
            (Locality("1", "Đông", "thôn"), "thôn Đông", "Đông village"),
            (Locality("1", "Bản Híp", "thôn"), "bản Híp", "Bản Híp village"),
            (Locality("1", "Ấp 3", "ấp"), "ấp 3", "Ấp 3 village"),
            (
                Locality("1", "Tổ dân phố 5", "tổ dân phố"),
                "tổ dân phố 5",
                "Tổ dân phố 5 residential group",
            ),
            (
                Locality("1", "Thành phố Sơn La", "provincial_city"),
                "thành phố Sơn La",
                "Thành phố Sơn La city",
            ),
        ],
    )
    def test_label(self, loc: Locality, vi: str, en: str) -> None:
        assert loc.label() == vi
        assert loc.label("vi") == vi
        assert loc.label("en") == en

    def test_label_unknown_language(self) -> None:
        with pytest.raises(UnknownCodeError, match="unknown language 'fr'"):
            Locality("1", "A", "xã").label("fr")

    def test_frozen_and_hashable(self) -> None:
        loc = Locality("1", "A", "xã", tags=["island"])
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            loc.code = "2"  # type: ignore[misc]
        assert {loc, Locality("1", "A", "commune", tags={"island"})} == {loc}

    def test_to_dict(self) -> None:
        loc = Locality(
            "03664",
            "Chiềng Xôm",
            "xã",
            parent="116",
            region="TDMNPB",
            tags=["mountainous", "border"],
            group=2,
            name_en="Chieng Xom",
        )
        assert loc.to_dict() == {
            "code": "03664",
            "name_vi": "Chiềng Xôm",
            "kind": "commune",
            "parent": "116",
            "region": "TDMNPB",
            "tags": ["border", "mountainous"],
            "group": 2,
            "name_en": "Chieng Xom",
        }
        assert Locality.from_dict(loc.to_dict()) == loc
        assert Locality.from_dict(json.loads(json.dumps(loc.to_dict()))) == loc

    def test_from_dict_minimal(self) -> None:
        assert Locality.from_dict({"code": "14", "name_vi": "Sơn La", "kind": "tỉnh"}) == Locality(
            "14", "Sơn La", LocalityKind.PROVINCE
        )

    def test_from_dict_unknown_and_missing_keys(self) -> None:
        with pytest.raises(DataError) as info:
            Locality.from_dict({"code": "1", "name": "A", "typ": "xã"})
        message = str(info.value)
        assert "unknown keys 'name', 'typ'" in message
        assert "missing name_vi, kind" in message

    def test_from_dict_not_a_mapping(self) -> None:
        with pytest.raises(DataError, match="must be a mapping, not list"):
            Locality.from_dict(["1", "A", "xã"])  # type: ignore[arg-type]

    def test_from_dict_bad_values_are_data_errors(self) -> None:
        with pytest.raises(DataError, match="tags"):
            Locality.from_dict({"code": "1", "name_vi": "A", "kind": "xã", "tags": ["nope"]})
        with pytest.raises(UnknownCodeError):
            Locality.from_dict({"code": "1", "name_vi": "A", "kind": 7})

    @pytest.mark.parametrize("form", ["NFC", "NFD"])
    def test_vietnamese_kept_byte_for_byte(self, form: NormalForm) -> None:
        name = unicodedata.normalize(form, "Chiềng Xôm")
        loc = Locality("03664", name, "xã", name_en=unicodedata.normalize(form, "Chiềng Xôm"))
        assert loc.name_vi.encode() == name.encode()
        again = Locality.from_dict(loc.to_dict())
        assert again.name_vi.encode() == name.encode()
        assert again.name_en is not None
        assert again.name_en.encode() == name.encode()
