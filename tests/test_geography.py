"""Tests for ntm_criteria.geography: regions, locality kinds, localities, gazetteer."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import tempfile
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ntm_criteria.errors import DataError, DataErrors, NtmError, UnknownCodeError
from ntm_criteria.geography import (
    DEFAULT_REGION_SCHEME,
    KNOWN_TAGS,
    REGION_SCHEMES,
    TAG_LABELS,
    Gazetteer,
    Locality,
    LocalityKind,
    Region,
    is_region_code,
    region,
    regions,
)

NormalForm = Literal["NFC", "NFD"]
DATA = Path(__file__).parent / "data"
SONLA_CSV = DATA / "gazetteer_sonla.csv"
BAD_CSV = DATA / "gazetteer_bad.csv"
REFERENCE = Path(__file__).resolve().parents[2] / "shared" / "reference"
COLUMNS = ("code", "name_vi", "kind", "parent", "region", "tags", "group", "name_en")
ALL_REGION_CODES = ("TDMNPB", "DBSH", "BTB", "DHNTB", "TN", "DNB", "DBSCL", "BTB-DHMT")


def write_csv(directory: Path, text: str, name: str = "g.csv") -> Path:
    path = directory / name
    path.write_text(text, encoding="utf-8")
    return path


def sonla_tree() -> Gazetteer:
    return Gazetteer(
        [
            Locality("14", "Sơn La", "tỉnh", region="TDMNPB"),
            Locality("116", "Sơn La", "provincial_city", parent="14"),
            Locality("119", "Thuận Châu", "huyện", parent="14"),
            Locality("03664", "Chiềng Xôm", "xã", parent="116", group=2),
            Locality("03664-01", "Bản Híp", "bản", parent="03664"),
            Locality("03661", "Chiềng Đen", "xã", parent="116", region="DBSH"),
            Locality("03724", "Phổng Lái", "xã", parent="119"),
        ]
    )


# --------------------------------------------------------------------------- regions


class TestRegions:
    def test_schemes(self) -> None:
        assert REGION_SCHEMES == ("ntm-2021", "nq81-2023")
        assert DEFAULT_REGION_SCHEME == "ntm-2021"
        assert isinstance(REGION_SCHEMES, tuple)

    def test_ntm_2021_has_seven_regions_in_order(self) -> None:
        assert [r.code for r in regions()] == [
            "TDMNPB",
            "DBSH",
            "BTB",
            "DHNTB",
            "TN",
            "DNB",
            "DBSCL",
        ]
        assert regions() is regions("ntm-2021")
        assert all(r.scheme == "ntm-2021" for r in regions())

    def test_nq81_has_six_regions(self) -> None:
        found = regions("nq81-2023")
        assert [r.code for r in found] == ["TDMNPB", "DBSH", "BTB-DHMT", "TN", "DNB", "DBSCL"]
        assert {r.source for r in found} == {"Resolution 81/2023/QH15 (national master plan)"}
        assert region("BTB-DHMT", "nq81-2023").name_vi == "Bắc Trung Bộ và duyên hải miền Trung"
        assert region("DBSCL", "nq81-2023").name_vi == "Đồng bằng sông Cửu Long"

    @pytest.mark.skipif(not REFERENCE.exists(), reason="reference data not available")
    def test_ntm_2021_matches_reference_json(self) -> None:
        data = json.loads((REFERENCE / "ntm_rural_criteria.json").read_text(encoding="utf-8"))
        expected = [
            (r["code"], r["name_vi"], r["name_en"], r["source"], r.get("note"))
            for r in data["regions"]
        ]
        actual = [(r.code, r.name_vi, r.name_en, r.source, r.note) for r in regions("ntm-2021")]
        assert actual == expected

    def test_region_lookup(self) -> None:
        tn = region("TN")
        assert (tn.name_vi, tn.name_en) == ("Tây Nguyên", "Central Highlands")
        assert region("TN", "nq81-2023").scheme == "nq81-2023"
        assert region("TN") != region("TN", "nq81-2023")

    def test_unknown_region_names_code_and_known(self) -> None:
        with pytest.raises(UnknownCodeError, match="unknown region 'XYZ'") as info:
            region("XYZ")
        assert info.value.kind == "region"
        assert info.value.code == "XYZ"
        assert info.value.known == ("TDMNPB", "DBSH", "BTB", "DHNTB", "TN", "DNB", "DBSCL")

    def test_region_of_other_scheme_is_unknown(self) -> None:
        with pytest.raises(UnknownCodeError, match="'BTB-DHMT'"):
            region("BTB-DHMT")
        with pytest.raises(UnknownCodeError, match="'DHNTB'"):
            region("DHNTB", "nq81-2023")

    def test_unknown_scheme(self) -> None:
        with pytest.raises(UnknownCodeError, match="unknown region scheme 'ntm-2030'") as info:
            regions("ntm-2030")
        assert info.value.kind == "region scheme"
        assert info.value.known == REGION_SCHEMES
        with pytest.raises(UnknownCodeError, match="region scheme"):
            region("TN", "ntm-2030")

    def test_is_region_code(self) -> None:
        for code in ALL_REGION_CODES:
            assert is_region_code(code)
        assert not is_region_code("tn")
        assert not is_region_code("")
        assert not is_region_code(None)
        assert not is_region_code(7)

    def test_region_is_frozen_and_validated(self) -> None:
        r = region("DNB")
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            r.code = "X"  # type: ignore[misc]
        with pytest.raises(DataError, match="code is empty"):
            Region("", "Vùng", "Region", "s", None)
        with pytest.raises(DataError, match="name_en"):
            Region("X", "Vùng", " Region", "s", None)

    def test_tdmnpb_note_says_thresholds_apply_to_difficult_communes(self) -> None:
        note = region("TDMNPB").note
        assert note is not None
        assert "318/QĐ-TTg" in note


# --------------------------------------------------------------------------- locality kinds


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


# --------------------------------------------------------------------------- tags


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


# --------------------------------------------------------------------------- localities


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


# --------------------------------------------------------------------------- gazetteer


class TestGazetteerBasics:
    def test_collection_protocol(self) -> None:
        gaz = sonla_tree()
        assert len(gaz) == 7
        assert "03664" in gaz
        assert "99" not in gaz
        assert 14 not in gaz
        assert [loc.code for loc in gaz] == [
            "14",
            "116",
            "119",
            "03664",
            "03664-01",
            "03661",
            "03724",
        ]
        assert gaz.by_code["119"].name_vi == "Thuận Châu"
        assert gaz == sonla_tree()
        assert hash(gaz) == hash(sonla_tree())
        assert gaz != Gazetteer([])
        assert "7 localities" in repr(gaz)

    def test_immutable(self) -> None:
        gaz = sonla_tree()
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            gaz._localities = ()
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            del gaz._by_code
        with pytest.raises(TypeError):
            gaz.by_code["x"] = Locality("x", "X", "xã")  # type: ignore[index]

    def test_input_list_changes_do_not_leak_in(self) -> None:
        items = [Locality("14", "Sơn La", "tỉnh")]
        gaz = Gazetteer(items)
        items.append(Locality("15", "Yên Bái", "tỉnh"))
        assert len(gaz) == 1

    def test_duplicates_lists_every_duplicate_code(self) -> None:
        with pytest.raises(DataErrors) as info:
            Gazetteer(
                [
                    Locality("1", "A", "xã"),
                    Locality("2", "B", "xã"),
                    Locality("1", "C", "xã"),
                    Locality("2", "D", "xã"),
                    Locality("1", "E", "xã"),
                ]
            )
        errors = info.value.errors
        assert len(errors) == 3
        assert [e.key_path for e in errors] == [
            "localities[2].code",
            "localities[3].code",
            "localities[4].code",
        ]
        assert "duplicate locality code '1'" in errors[0].message
        assert "duplicate locality code '2'" in errors[1].message

    def test_non_locality_item(self) -> None:
        with pytest.raises(DataErrors, match=r"localities\[1\]: item is a dict"):
            Gazetteer([Locality("1", "A", "xã"), {"code": "2"}])  # type: ignore[list-item]

    def test_get(self) -> None:
        gaz = sonla_tree()
        assert gaz.get("03664").name_vi == "Chiềng Xôm"
        with pytest.raises(UnknownCodeError, match="unknown locality '99'") as info:
            gaz.get("99")
        assert (info.value.kind, info.value.code) == ("locality", "99")

    def test_get_names_source(self) -> None:
        gaz = Gazetteer.load_csv(SONLA_CSV)
        with pytest.raises(UnknownCodeError, match=r"gazetteer_sonla\.csv: unknown locality '99'"):
            gaz.get("99")

    def test_unknown_code_in_every_walk(self) -> None:
        gaz = sonla_tree()
        walks: list[Callable[[str], object]] = [
            gaz.parent,
            gaz.children,
            gaz.descendants,
            gaz.ancestors,
            gaz.region_of,
        ]
        for walk in walks:
            with pytest.raises(UnknownCodeError, match="'nope'"):
                walk("nope")


class TestGazetteerTree:
    def test_parent(self) -> None:
        gaz = sonla_tree()
        parent = gaz.parent("03664")
        assert parent is not None
        assert parent.code == "116"
        assert gaz.parent("14") is None

    def test_parent_missing_from_gazetteer_is_none(self) -> None:
        gaz = Gazetteer([Locality("03664", "Chiềng Xôm", "xã", parent="116")])
        assert gaz.parent("03664") is None

    def test_children_in_insertion_order(self) -> None:
        gaz = sonla_tree()
        assert [loc.code for loc in gaz.children("14")] == ["116", "119"]
        assert [loc.code for loc in gaz.children("116")] == ["03664", "03661"]
        assert gaz.children("03661") == ()

    def test_descendants_depth_first(self) -> None:
        gaz = sonla_tree()
        assert [loc.code for loc in gaz.descendants("14")] == [
            "116",
            "03664",
            "03664-01",
            "03661",
            "119",
            "03724",
        ]
        assert gaz.descendants("03664-01") == ()

    def test_descendants_by_kind(self) -> None:
        gaz = sonla_tree()
        communes = gaz.descendants("14", LocalityKind.COMMUNE)
        assert [loc.code for loc in communes] == ["03664", "03661", "03724"]
        assert gaz.descendants("14", "xã") == communes
        assert [loc.code for loc in gaz.descendants("14", LocalityKind.VILLAGE)] == ["03664-01"]
        with pytest.raises(UnknownCodeError, match="locality kind"):
            gaz.descendants("14", "hamlet")

    def test_ancestors_nearest_first(self) -> None:
        gaz = sonla_tree()
        assert [loc.code for loc in gaz.ancestors("03664-01")] == ["03664", "116", "14"]
        assert gaz.ancestors("14") == ()

    def test_region_of(self) -> None:
        gaz = sonla_tree()
        assert gaz.region_of("14") == "TDMNPB"
        assert gaz.region_of("03664-01") == "TDMNPB"
        assert gaz.region_of("03661") == "DBSH"  # its own region wins
        assert Gazetteer([Locality("1", "A", "xã")]).region_of("1") is None

    def test_roots(self) -> None:
        gaz = Gazetteer(
            [
                Locality("14", "Sơn La", "tỉnh"),
                Locality("03664", "Chiềng Xôm", "xã", parent="14"),
                Locality("00001", "Phúc Xá", "phường", parent="001"),
            ]
        )
        assert [loc.code for loc in gaz.roots()] == ["14", "00001"]
        assert Gazetteer([]).roots() == ()

    def test_walks_terminate_on_cycles(self) -> None:
        gaz = Gazetteer(
            [
                Locality("a", "A", "xã", parent="c"),
                Locality("b", "B", "xã", parent="a"),
                Locality("c", "C", "xã", parent="b"),
            ]
        )
        assert [loc.code for loc in gaz.descendants("a")] == ["b", "c"]
        assert [loc.code for loc in gaz.ancestors("a")] == ["c", "b"]
        assert gaz.region_of("a") is None
        assert gaz.roots() == ()


class TestValidate:
    def test_valid_tree(self) -> None:
        sonla_tree().validate()
        Gazetteer([]).validate()
        Gazetteer.load_csv(SONLA_CSV).validate()

    def test_communes_directly_under_province_are_valid(self) -> None:
        # Since 1 July 2025 there are no districts: communes sit under provinces.
        Gazetteer(
            [
                Locality("14", "Sơn La", "tỉnh"),
                Locality("03664", "Chiềng Xôm", "xã", parent="14"),
                Locality("1", "Cô Tô", "đặc khu", parent="14"),
            ]
        ).validate()

    def test_missing_parent(self) -> None:
        gaz = Gazetteer([Locality("03664", "Chiềng Xôm", "xã", parent="116")])
        with pytest.raises(DataErrors) as info:
            gaz.validate()
        (err,) = info.value.errors
        assert err.key_path == "locality '03664'"
        assert "parent '116' is not in the gazetteer" in err.message

    def test_cycle(self) -> None:
        gaz = Gazetteer(
            [
                Locality("14", "Sơn La", "tỉnh"),
                Locality("b", "B", "xã", parent="c"),
                Locality("c", "C", "xã", parent="b"),
            ]
        )
        with pytest.raises(DataErrors) as info:
            gaz.validate()
        (err,) = info.value.errors
        assert err.key_path == "locality 'b'"
        assert "cycle of parent links: b → c → b" in err.message

    def test_cycle_entered_from_outside_is_reported_once(self) -> None:
        gaz = Gazetteer(
            [
                Locality("v", "Bản V", "thôn", parent="x"),
                Locality("x", "X", "xã", parent="y"),
                Locality("y", "Y", "huyện", parent="z"),
                Locality("z", "Z", "tỉnh", parent="x"),
            ]
        )
        with pytest.raises(DataErrors) as info:
            gaz.validate()
        messages = [e.message for e in info.value.errors]
        assert messages == ["cycle of parent links: x → y → z → x"]

    def test_province_under_commune(self) -> None:
        gaz = Gazetteer(
            [
                Locality("03664", "Chiềng Xôm", "xã"),
                Locality("14", "Sơn La", "tỉnh", parent="03664"),
            ]
        )
        with pytest.raises(DataErrors, match=r"a province cannot be under a commune \('03664'\)"):
            gaz.validate()

    def test_same_tier(self) -> None:
        gaz = Gazetteer([Locality("1", "A", "xã"), Locality("2", "B", "phường", parent="1")])
        with pytest.raises(DataErrors, match="locality '2': a ward cannot be under a commune"):
            gaz.validate()

    def test_village_must_be_under_commune_level(self) -> None:
        gaz = Gazetteer(
            [
                Locality("119", "Thuận Châu", "huyện"),
                Locality("v1", "Bản Một", "bản", parent="119"),
                Locality("v2", "Bản Hai", "bản", parent="v1"),
                Locality("t1", "Tổ 1", "tổ dân phố", parent="119"),
            ]
        )
        with pytest.raises(DataErrors) as info:
            gaz.validate()
        errors = info.value.errors
        assert [e.key_path for e in errors] == ["locality 'v1'", "locality 'v2'", "locality 't1'"]
        assert "a village must be under a commune-level unit, not a district ('119')" in (
            errors[0].message
        )
        assert "not a village ('v1')" in errors[1].message
        assert "a residential_group must be under a commune-level unit" in errors[2].message

    def test_every_problem_at_once(self) -> None:
        gaz = Gazetteer(
            [
                Locality("14", "Sơn La", "tỉnh", parent="03664"),
                Locality("03664", "Chiềng Xôm", "xã", parent="99"),
                Locality("v", "Bản V", "bản", parent="14"),
                Locality("a", "A", "xã", parent="b"),
                Locality("b", "B", "xã", parent="a"),
            ],
            source="toy.csv",
        )
        with pytest.raises(DataErrors) as info:
            gaz.validate()
        assert len(info.value.errors) == 4
        assert info.value.file == "toy.csv"
        assert str(info.value).startswith("toy.csv: 4 problems:")


# --------------------------------------------------------------------------- rows


def row(**cells: str) -> dict[str, str]:
    return cells


class TestFromRows:
    def test_valid_rows(self) -> None:
        gaz = Gazetteer.from_rows(
            [
                row(code="14", name_vi="Sơn La", kind="tỉnh", region="TDMNPB"),
                row(
                    code="03664",
                    name_vi="Chiềng Xôm",
                    kind="xã",
                    parent="14",
                    region="",
                    tags="mountainous | border;x_pilot",
                    group="2",
                    name_en="",
                ),
            ]
        )
        loc = gaz.get("03664")
        assert loc.tags == {"mountainous", "border", "x_pilot"}
        assert loc.group == 2
        assert (loc.region, loc.name_en) == (None, None)
        assert gaz.source is None

    def test_cells_are_stripped(self) -> None:
        gaz = Gazetteer.from_rows([row(code=" 14 ", name_vi=" Sơn La ", kind=" Tỉnh ", group="")])
        assert gaz.get("14").name_vi == "Sơn La"

    def test_blank_rows_are_skipped(self) -> None:
        rows: list[dict[str, str]] = [
            row(code="", name_vi="", kind=""),
            {},
            row(code="14", name_vi="Sơn La", kind="tỉnh"),
        ]
        assert len(Gazetteer.from_rows(rows)) == 1

    def test_every_error_of_every_row(self) -> None:
        rows = [
            row(code="14", name_vi="Sơn La", kind="tỉnh", region="TDMNPB"),
            row(code="", name_vi="", kind="hamlet"),
            row(code="03664", name_vi="Chiềng Xôm", kind="xã", group="4", region="MN"),
            row(code="03664", name_vi="Chiềng Cọ", kind="xã", tags="isle;island"),
            row(code="119", name_vi="Thuận Châu", kind="huyện", group="1"),
            row(code="116", name_vi="Sơn La", kind="provincial_city", parent="116"),
        ]
        with pytest.raises(DataErrors) as info:
            Gazetteer.from_rows(rows, source="sheet.xlsx")
        errors = info.value.errors
        assert [e.key_path for e in errors] == [
            "row 2: code",
            "row 2: name_vi",
            "row 2: kind",
            "row 3: region",
            "row 3: group",
            "row 4: tags",
            "row 4: code",
            "row 5: group",
            "row 6: parent",
        ]
        assert all(e.line is None for e in errors)
        assert "unknown locality kind 'hamlet'" in errors[2].message
        assert "unknown region 'MN'" in errors[3].message
        assert "group '4' is not a commune group" in errors[4].message
        assert "unknown tag 'isle'" in errors[5].message
        assert "duplicate locality code '03664' (first on row 3)" in errors[6].message
        assert "group 1 is set on a district" in errors[7].message
        assert "cannot be its own parent" in errors[8].message
        assert str(info.value).startswith("sheet.xlsx: 9 problems:")

    def test_missing_and_unknown_columns(self) -> None:
        with pytest.raises(DataErrors) as info:
            Gazetteer.from_rows(
                [
                    {"code": "1", "name_vi": "A"},
                    {"code": "2", "name_vi": "B", "kind": "xã", "regoin": "TN"},
                ]
            )
        first, second = info.value.errors
        assert first.key_path == "row 1"
        assert "missing column(s) kind" in first.message
        assert second.key_path == "row 2"
        assert "unknown column(s) 'regoin'" in second.message

    def test_non_mapping_row_and_non_text_cells(self) -> None:
        rows: list[Any] = [
            ["1", "A", "xã"],
            {"code": 2, "name_vi": "B", "kind": "xã"},
            {"code": "3", "name_vi": "C", "kind": "xã", None: ["extra"]},
            {"code": "4", "name_vi": None, "kind": "xã"},
        ]
        with pytest.raises(DataErrors) as info:
            Gazetteer.from_rows(rows)
        messages = [(e.key_path, e.message) for e in info.value.errors]
        assert messages == [
            ("row 1", "row is a list, not a mapping"),
            ("row 2: code", "code is a int, not text"),
            ("row 3", "row has more fields than the header has columns"),
            ("row 4: name_vi", "name_vi is empty"),
        ]

    def test_rows_not_iterable(self) -> None:
        with pytest.raises(DataError, match="rows must be an iterable of mappings, not int"):
            Gazetteer.from_rows(5)  # type: ignore[arg-type]

    def test_to_rows_round_trip(self) -> None:
        gaz = Gazetteer.load_csv(SONLA_CSV)
        rows = gaz.to_rows()
        assert all(tuple(r) == COLUMNS for r in rows)
        assert Gazetteer.from_rows(rows) == gaz
        assert rows[3] == {
            "code": "03658",
            "name_vi": "Chiềng Cọ",
            "kind": "commune",
            "parent": "116",
            "region": "",
            "tags": "mountainous",
            "group": "2",
            "name_en": "Chieng Co",
        }


# --------------------------------------------------------------------------- CSV


class TestLoadCsv:
    def test_sonla(self) -> None:
        gaz = Gazetteer.load_csv(SONLA_CSV)
        assert len(gaz) == 12
        assert gaz.source == str(SONLA_CSV)
        assert gaz.get("116").kind is LocalityKind.PROVINCIAL_CITY
        assert gaz.get("03664-01").label() == "bản Híp"
        assert gaz.get("119").tags == {"mountainous", "poor_district"}
        assert gaz.get("03724").group == 3
        assert gaz.region_of("03664-01") == "TDMNPB"
        assert [loc.name_vi for loc in gaz.children("116")] == [
            "Chiềng Cọ",
            "Chiềng Đen",
            "Chiềng Xôm",
        ]
        assert [loc.code for loc in gaz.descendants("14", LocalityKind.VILLAGE)] == [
            "03661-01",
            "03664-01",
            "03664-02",
            "03724-01",
        ]

    def test_accepts_path_and_str(self) -> None:
        assert Gazetteer.load_csv(str(SONLA_CSV)) == Gazetteer.load_csv(SONLA_CSV)

    def test_bad_file_reports_every_row_with_its_line(self) -> None:
        with pytest.raises(DataErrors) as info:
            Gazetteer.load_csv(BAD_CSV)
        err = info.value
        assert err.file == str(BAD_CSV)
        found = [(e.line, e.key_path) for e in err.errors]
        assert found == [
            (3, "row 2: kind"),
            (4, "row 3: group"),
            (5, "row 4: region"),
            (6, "row 5: code"),
            (7, "row 6: tags"),
            (7, "row 6: group"),
        ]
        text = str(err)
        assert text.startswith(f"{BAD_CSV}: 6 problems:")
        assert "line 3: row 2: kind: unknown locality kind 'hamlet'" in text
        assert "line 4: row 3: group: group '4' is not a commune group" in text
        assert "line 5: row 4: region: unknown region 'XYZ'" in text
        assert "line 6: row 5: code: duplicate locality code '03664' (first on line 4)" in text
        assert "line 7: row 6: tags: unknown tag 'isle'" in text
        assert "line 7: row 6: group: group 2 is set on a district" in text

    def test_missing_file_is_a_data_error(self, tmp_path: Path) -> None:
        path = tmp_path / "nope.csv"
        with pytest.raises(DataError, match="cannot read the gazetteer") as info:
            Gazetteer.load_csv(path)
        assert info.value.file == str(path)
        assert not isinstance(info.value, OSError)

    def test_directory_is_a_data_error(self, tmp_path: Path) -> None:
        with pytest.raises(DataError, match="cannot read the gazetteer"):
            Gazetteer.load_csv(tmp_path)

    def test_not_utf8_names_the_line(self, tmp_path: Path) -> None:
        path = tmp_path / "latin.csv"
        path.write_bytes(b"code,name_vi,kind\n14,Son La,province\n15,Y\xean B\xe1i,province\n")
        with pytest.raises(DataError, match="not UTF-8") as info:
            Gazetteer.load_csv(path)
        assert info.value.line == 3

    def test_byte_order_mark(self, tmp_path: Path) -> None:
        path = tmp_path / "bom.csv"
        path.write_bytes("code,name_vi,kind\r\n14,Sơn La,tỉnh\r\n".encode("utf-8-sig"))
        assert Gazetteer.load_csv(path).get("14").name_vi == "Sơn La"

    def test_empty_file(self, tmp_path: Path) -> None:
        with pytest.raises(DataError, match="the file is empty") as info:
            Gazetteer.load_csv(write_csv(tmp_path, "\n\n"))
        assert info.value.file is not None

    def test_header_problems(self, tmp_path: Path) -> None:
        path = write_csv(tmp_path, "code,name,typ,parent,parent\n1,A,xã,,\n")
        with pytest.raises(DataErrors) as info:
            Gazetteer.load_csv(path)
        messages = [e.message for e in info.value.errors]
        assert messages == [
            "unknown column(s) 'name', 'typ'",
            "repeated column(s) 'parent'",
            "missing required column(s) name_vi, kind",
        ]
        assert all(e.line == 1 and e.key_path == "header" for e in info.value.errors)

    def test_optional_columns_may_be_absent(self, tmp_path: Path) -> None:
        gaz = Gazetteer.load_csv(write_csv(tmp_path, "kind,name_vi,code\nxã,Chiềng Xôm,03664\n"))
        assert gaz.get("03664").parent is None

    def test_header_after_blank_lines_and_blank_rows(self, tmp_path: Path) -> None:
        text = "\ncode,name_vi,kind\n\n14,Sơn La,tỉnh\n,,\n15,Yên Bái,tỉnh\n"
        assert [loc.code for loc in Gazetteer.load_csv(write_csv(tmp_path, text))] == ["14", "15"]

    def test_too_many_fields(self, tmp_path: Path) -> None:
        text = "code,name_vi,kind\n14,Sơn La,tỉnh,oops\n15,Yên Bái,tỉnh,,\n"
        with pytest.raises(DataErrors) as info:
            Gazetteer.load_csv(write_csv(tmp_path, text))
        (err,) = info.value.errors  # trailing empty cells are tolerated
        assert (err.line, err.key_path) == (2, "row 1")
        assert "more fields than the header" in err.message

    def test_line_numbers_follow_quoted_newlines(self, tmp_path: Path) -> None:
        text = 'code,name_vi,kind,name_en\n14,Sơn La,tỉnh,"Son\nLa"\n15,Yên Bái,hamlet,\n'
        with pytest.raises(DataErrors) as info:
            Gazetteer.load_csv(write_csv(tmp_path, text))
        (err,) = info.value.errors
        assert (err.line, err.key_path) == (4, "row 2: kind")

    def test_nothing_half_loads(self, tmp_path: Path) -> None:
        text = "code,name_vi,kind\n14,Sơn La,tỉnh\n15,Yên Bái,hamlet\n"
        with pytest.raises(DataErrors):
            Gazetteer.load_csv(write_csv(tmp_path, text))

    def test_malformed_csv(self, tmp_path: Path) -> None:
        text = "code,name_vi,kind\n14,Sơn La,tỉnh\n15," + "x" * 200_000 + ",tỉnh\n"
        with pytest.raises(DataError, match="malformed CSV") as info:
            Gazetteer.load_csv(write_csv(tmp_path, text))
        assert info.value.line == 3

    @pytest.mark.parametrize("form", ["NFC", "NFD"])
    def test_csv_round_trip_is_byte_for_byte(self, tmp_path: Path, form: NormalForm) -> None:
        source = SONLA_CSV.read_text(encoding="utf-8")
        text = unicodedata.normalize(form, source)
        path = write_csv(tmp_path, text, f"sonla_{form}.csv")
        gaz = Gazetteer.load_csv(path)
        assert (
            gaz.get("03661").name_vi.encode() == unicodedata.normalize(form, "Chiềng Đen").encode()
        )
        out = tmp_path / "out.csv"
        with out.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
            writer.writeheader()
            writer.writerows(gaz.to_rows())
        again = Gazetteer.load_csv(out)
        assert again == gaz
        for before, after in zip(gaz, again, strict=True):
            assert before.name_vi.encode() == after.name_vi.encode()
        # Names in the written file are the bytes that were read.
        assert unicodedata.normalize(form, "Phổng Lái").encode() in out.read_bytes()


# --------------------------------------------------------------------------- properties

clean_text = st.text(min_size=1, max_size=12).filter(lambda s: s.strip() == s and bool(s))
vietnamese = st.sampled_from(
    ["Sơn La", "Chiềng Xôm", "Chiềng Đen", "Phổng Lái", "Đắk Lắk", "Bà Rịa–Vũng Tàu", "Ấp 3"]
).flatmap(lambda s: st.sampled_from([s, unicodedata.normalize("NFD", s)]))
names = vietnamese | clean_text
tag_sets = st.frozensets(
    st.sampled_from(sorted(KNOWN_TAGS)) | st.from_regex(r"x_[a-z0-9_]{1,8}", fullmatch=True),
    max_size=4,
)


@st.composite
def localities(draw: st.DrawFn, code: str | None = None) -> Locality:
    kind = draw(st.sampled_from(LocalityKind))
    own_code = code if code is not None else draw(clean_text)
    return Locality(
        code=own_code,
        name_vi=draw(names),
        kind=kind,
        parent=draw(st.none() | clean_text.filter(lambda p: p != own_code)),
        region=draw(st.none() | st.sampled_from(ALL_REGION_CODES)),
        tags=draw(tag_sets),
        group=draw(st.none() | st.sampled_from([1, 2, 3])) if kind.tier == 3 else None,
        name_en=draw(st.none() | names),
    )


@st.composite
def gazetteers(draw: st.DrawFn) -> Gazetteer:
    codes = draw(st.lists(clean_text, unique=True, max_size=8))
    return Gazetteer([draw(localities(code=code)) for code in codes])


@st.composite
def forests(draw: st.DrawFn) -> tuple[Gazetteer, list[int | None]]:
    """A random forest; parent[i] is the index of node i's parent, or None for a root."""
    size = draw(st.integers(1, 40))
    parents: list[int | None] = [None]
    for index in range(1, size):
        parents.append(draw(st.none() | st.integers(0, index - 1)) if index > 0 else None)
    order = draw(st.permutations(range(size)))
    nodes = [
        Locality(f"n{i}", f"Nút {i}", "xã", parent=None if p is None else f"n{p}")
        for i, p in enumerate(parents)
    ]
    return Gazetteer([nodes[i] for i in order]), parents


@st.composite
def trees(draw: st.DrawFn) -> Gazetteer:
    """A random single-rooted tree, nodes given in random order."""
    size = draw(st.integers(1, 40))
    parents = [None, *(draw(st.integers(0, i - 1)) for i in range(1, size))]
    order = draw(st.permutations(range(size)))
    nodes = [
        Locality(f"n{i}", f"Nút {i}", "xã", parent=None if p is None else f"n{p}")
        for i, p in enumerate(parents)
    ]
    return Gazetteer([nodes[i] for i in order])


TIER_KINDS = ("tỉnh", "huyện", "xã", "thôn")


@st.composite
def valid_trees(draw: st.DrawFn) -> Gazetteer:
    """A random administrative tree whose kinds follow the tiers."""
    size = draw(st.integers(1, 30))
    depth = [0]
    parents: list[int | None] = [None]
    for _ in range(1, size):
        candidates = [i for i, d in enumerate(depth) if d < 3]
        parent = draw(st.sampled_from(candidates))
        parents.append(parent)
        depth.append(depth[parent] + 1)
    nodes = [
        Locality(f"n{i}", f"Nút {i}", TIER_KINDS[d], parent=None if p is None else f"n{p}")
        for i, (p, d) in enumerate(zip(parents, depth, strict=True))
    ]
    return Gazetteer(nodes)


class TestProperties:
    @given(localities())
    def test_locality_dict_round_trip(self, loc: Locality) -> None:
        data = loc.to_dict()
        again = Locality.from_dict(data)
        assert again == loc
        assert again.name_vi.encode() == loc.name_vi.encode()
        assert Locality.from_dict(json.loads(json.dumps(data))) == loc

    @given(gazetteers())
    def test_rows_round_trip(self, gaz: Gazetteer) -> None:
        assert Gazetteer.from_rows(gaz.to_rows()) == gaz

    @settings(max_examples=50)
    @given(gazetteers())
    def test_csv_round_trip(self, gaz: Gazetteer) -> None:
        buffer = io.StringIO(newline="")
        writer = csv.DictWriter(buffer, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(gaz.to_rows())
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp, "g.csv")
            path.write_bytes(buffer.getvalue().encode("utf-8"))
            again = Gazetteer.load_csv(path)
        assert again == gaz
        assert [loc.name_vi.encode() for loc in again] == [loc.name_vi.encode() for loc in gaz]

    @given(trees())
    def test_descendants_of_root_are_all_other_nodes(self, gaz: Gazetteer) -> None:
        (root,) = gaz.roots()
        assert root.code == "n0"
        found = gaz.descendants(root.code)
        assert len(found) == len(gaz) - 1
        assert {loc.code for loc in found} == {loc.code for loc in gaz} - {"n0"}

    @given(trees())
    def test_descendants_visit_parents_before_children(self, gaz: Gazetteer) -> None:
        seen = {"n0"}
        for loc in gaz.descendants("n0"):
            assert loc.parent in seen
            seen.add(loc.code)

    @given(forests())
    def test_every_ancestor_chain_ends_at_a_root(
        self, case: tuple[Gazetteer, list[int | None]]
    ) -> None:
        gaz, parents = case
        roots = {loc.code for loc in gaz.roots()}
        assert roots == {f"n{i}" for i, p in enumerate(parents) if p is None}
        for loc in gaz:
            chain = gaz.ancestors(loc.code)
            top = chain[-1] if chain else loc
            assert top.code in roots
            for child, parent in zip((loc, *chain), chain, strict=False):
                assert child.parent == parent.code

    @given(forests())
    def test_roots_and_descendants_partition_a_forest(
        self, case: tuple[Gazetteer, list[int | None]]
    ) -> None:
        gaz, _ = case
        codes: list[str] = []
        for root in gaz.roots():
            codes.append(root.code)
            codes.extend(loc.code for loc in gaz.descendants(root.code))
        assert sorted(codes) == sorted(loc.code for loc in gaz)

    @given(valid_trees())
    def test_tiered_trees_validate(self, gaz: Gazetteer) -> None:
        gaz.validate()
        for loc in gaz:
            assert all(a.kind.tier < loc.kind.tier for a in gaz.ancestors(loc.code))

    @given(
        st.lists(
            st.dictionaries(
                st.sampled_from(COLUMNS) | st.text(max_size=6),
                st.sampled_from(
                    ["", "14", "xã", "tỉnh", "thôn", "TDMNPB", "1", "4", "island;x_a", "isle"]
                )
                | st.text(max_size=10),
                max_size=9,
            ),
            max_size=6,
        )
    )
    def test_from_rows_raises_only_ntm_errors(self, rows: list[dict[str, str]]) -> None:
        try:
            gaz = Gazetteer.from_rows(rows)
        except NtmError:
            return
        assert len(gaz) <= len(rows)

    @settings(max_examples=50)
    @given(st.binary(max_size=200) | st.text(max_size=200).map(lambda s: s.encode("utf-8")))
    def test_load_csv_raises_only_ntm_errors(self, data: bytes) -> None:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp, "g.csv")
            path.write_bytes(b"code,name_vi,kind,parent,group,tags\n" + data)
            with contextlib.suppress(NtmError):
                Gazetteer.load_csv(path)
