"""Issue 9: codes, parents, regions and tags are matched in NFC; names keep their bytes."""

from __future__ import annotations

import unicodedata

from ntm_criteria.geography import Gazetteer, Locality, LocalityKind, is_region_code, region


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


CODE = "Hà-01"  # a user code with a letter outside ASCII


def test_a_decomposed_code_is_the_composed_one():
    # Regression: codes were kept as written, so an NFD code did not match its NFC twin.
    gaz = Gazetteer(
        [
            Locality(CODE, "Điện Biên", "tỉnh", region="TDMNPB"),
            Locality("01-1", "Mường Phăng", "xã", parent=nfd(CODE)),
        ]
    )
    assert gaz.get(nfd(CODE)).code == CODE
    assert nfd(CODE) in gaz
    assert [loc.code for loc in gaz.children(nfd(CODE))] == ["01-1"]
    assert [loc.code for loc in gaz.descendants(nfd(CODE))] == ["01-1"]
    assert gaz.parent("01-1").code == CODE
    assert gaz.region_of("01-1") == "TDMNPB"
    assert Locality(nfd(CODE), "Điện Biên", "tỉnh") == Locality(CODE, "Điện Biên", "tỉnh")


def test_a_decomposed_duplicate_code_is_a_duplicate():
    import pytest

    from ntm_criteria.errors import DataErrors

    with pytest.raises(DataErrors, match="duplicate locality code"):
        Gazetteer([Locality(CODE, "A", "xã"), Locality(nfd(CODE), "B", "xã")])


def test_names_keep_their_bytes():
    name = nfd("Chiềng Xôm")
    loc = Locality("03664", name, nfd("xã"), name_en=name)
    assert loc.name_vi == name
    assert loc.name_en == name
    assert loc.kind is LocalityKind.COMMUNE
    assert loc.to_dict()["name_vi"] == name


def test_regions_and_kinds_read_in_any_form():
    assert is_region_code(nfd("TDMNPB"))
    assert region(nfd("DBSCL")).name_vi == "Đồng bằng sông Cửu Long"
    assert LocalityKind.parse(nfd("thị trấn")) is LocalityKind.TOWNSHIP


def test_csv_rows_with_decomposed_codes_read_as_composed():
    rows = [
        {"code": CODE, "name_vi": "Điện Biên", "kind": "tỉnh"},
        {"code": "01-1", "name_vi": nfd("Mường Phăng"), "kind": nfd("xã"), "parent": nfd(CODE)},
    ]
    gaz = Gazetteer.from_rows(rows)
    gaz.validate()
    assert gaz.get("01-1").parent == CODE
    assert gaz.get("01-1").name_vi == nfd("Mường Phăng")
