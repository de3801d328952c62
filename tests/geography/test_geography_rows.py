"""Tests for ntm_criteria.geography: rows and CSV files read as localities, every problem with its row and line."""

from __future__ import annotations

import csv
import unicodedata
from pathlib import Path
from typing import Any, Literal

import pytest

from ntm_criteria.errors import DataError, DataErrors
from ntm_criteria.geography import (
    Gazetteer,
    LocalityKind,
)

NormalForm = Literal["NFC", "NFD"]
DATA = Path(__file__).parents[1] / "data"
SONLA_CSV = DATA / "gazetteer_sonla.csv"
BAD_CSV = DATA / "gazetteer_bad.csv"
COLUMNS = ("code", "name_vi", "kind", "parent", "region", "tags", "group", "name_en")


def write_csv(directory: Path, text: str, name: str = "g.csv") -> Path:
    path = directory / name
    path.write_text(text, encoding="utf-8")
    return path


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
