"""Tests for ntm_criteria.geography: Gazetteer: lookups, the tree and its checks."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import attrs
import pytest

from ntm_criteria.errors import DataErrors, UnknownCodeError
from ntm_criteria.geography import (
    Gazetteer,
    Locality,
    LocalityKind,
)

DATA = Path(__file__).parents[1] / "data"
SONLA_CSV = DATA / "gazetteer_sonla.csv"


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
