"""CSV files as a spreadsheet saves them: BOM, ';' between fields, comma decimals, CRLF, '86 %'."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from importlib import resources
from pathlib import Path

import pytest

from ntm_criteria import Q_, DataError, DataErrors
from ntm_criteria._document import CsvColumns, csv_delimiter, csv_rows
from ntm_criteria.cli import main
from ntm_criteria.geography import Gazetteer
from ntm_criteria.io import (
    parse_value,
    read_observations,
    read_plan_items,
    read_recognitions,
    reads_observations,
)

DEMO = resources.files("ntm_criteria.demo")


def as_excel_saves(text: str) -> bytes:
    """``text`` (comma CSV) as a spreadsheet in a comma-decimal locale saves it (CSV UTF-8)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerows(csv.reader(io.StringIO(text)))
    return b"\xef\xbb\xbf" + out.getvalue().encode("utf-8")


def excel_copy(tmp_path: Path, name: str) -> Path:
    path = tmp_path / name
    path.write_bytes(as_excel_saves(DEMO.joinpath(name).read_text(encoding="utf-8")))
    return path


# -- "86 %" in a value cell --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "unit", "expected"),
    [
        ("86%", "", Q_(86, "percent")),
        ("86 %", "", Q_(86, "percent")),
        ("86,5 %", "", Q_(86.5, "percent")),
        ("86,5%", "%", Q_(86.5, "percent")),
        ("86 %", "percent", Q_(86, "percent")),
        ("100 %", "", Q_(100, "percent")),
        ("-2 %", "", Q_(-2, "percent")),
    ],
)
def test_a_percent_sign_in_the_value_cell_is_read_as_percent(cell, unit, expected):
    assert parse_value(cell, unit) == expected


@pytest.mark.parametrize(
    ("cell", "unit", "words"),
    [
        ("86 %", "km", "unit column says 'km'"),
        ("8x6 %", "", "cannot parse '8x6'"),
        ("86.5 %", "", "cannot parse '86.5'"),
    ],
)
def test_a_bad_percent_cell_names_the_row_and_the_indicator(cell, unit, words):
    table = f"locality;indicator;value;unit\n03664;3.1;85;\n03664;4.1;{cell};{unit}\n"
    with pytest.raises(DataErrors) as caught:
        reads_observations(table, file="quy2.csv")
    text = str(caught.value)
    assert "quy2.csv" in text
    assert "line 3" in text
    assert "indicator 4.1" in text
    assert words in text


# -- the separator -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a;b;c\n1,5;2;3\n", ";"),
        ("a,b,c\n1;2;3\n", ","),  # only the header decides
        ('"mã; xã",b\n', ","),  # a separator inside a quoted name does not count
        ("\n\nmã xã;tiêu chí;giá trị\r\n", ";"),
        ("code\n14\n", ","),
        ("", ","),
    ],
)
def test_the_separator_is_read_from_the_header_line(text, expected):
    assert csv_delimiter(text) == expected


def test_csv_rows_reads_a_spreadsheet_file():
    columns = CsvColumns(("code", "name", "share"), ("code", "name"))
    text = '\ufeffcode;name;share;;\r\n14;Sơn La;86,5;;\r\n\r\n15;Yên Bái;"1.234,5";;\r\n'
    rows = csv_rows(text, "t.csv", columns)
    assert [(r.number, r.line, r.cells) for r in rows] == [
        (1, 2, {"code": "14", "name": "Sơn La", "share": "86,5"}),
        (2, 4, {"code": "15", "name": "Yên Bái", "share": "1.234,5"}),
    ]


def test_a_spreadsheet_observation_file_reads_as_its_comma_original(tmp_path):
    excel = read_observations(excel_copy(tmp_path, "observations.csv"))
    plain = read_observations(Path(str(DEMO.joinpath("observations.csv"))))
    assert excel == plain
    assert excel["03664"][1].value == Q_(86.5, "percent")


def test_comma_and_vietnamese_decimals_in_a_semicolon_file():
    table = (
        "\ufefflocality;indicator;value;unit;as_of;source\r\n"
        "03664;3.1;86,5;;30/6/2023;\r\n"
        "03664;10.1;1.234,5;triệu đồng/người/năm;30/6/2023;biên bản\r\n"
        "03664;4.1;96,2 %;;30/6/2023;\r\n"
    )
    found = reads_observations(table, file="quy2.csv")["03664"]
    assert [o.value for o in found] == [
        Decimal("86.5"),
        Q_(1234.5, "million_VND / person / year"),
        Q_(96.2, "percent"),
    ]
    assert [o.origin for o in found] == ["quy2.csv:2", "quy2.csv:3", "quy2.csv:4"]


def test_a_spreadsheet_gazetteer_reads_as_its_comma_original(tmp_path):
    excel = Gazetteer.load_csv(excel_copy(tmp_path, "communes.csv"))
    plain = Gazetteer.load_csv(Path(str(DEMO.joinpath("communes.csv"))))
    assert list(excel) == list(plain)
    assert excel.get("03661").tags == plain.get("03661").tags


def test_a_bad_row_of_a_semicolon_gazetteer_names_its_line(tmp_path):
    path = tmp_path / "g.csv"
    path.write_bytes(
        b"\xef\xbb\xbfcode;name_vi;kind;parent\r\n14;S\xc6\xa1n La;t\xe1\xbb\x89nh;\r\n"
        b"03664;Chi\xe1\xbb\x81ng X\xc3\xb4m;b\xc3\xa1nh;14\r\n"
    )
    with pytest.raises(DataErrors, match="line 3"):
        Gazetteer.load_csv(path)


# -- through the command line ----------------------------------------------------------------


def _assess(places: Path, observations: Path, capsys) -> tuple[int, str, str]:
    code = main(
        [
            "assess",
            "--set",
            str(DEMO.joinpath("set.toml")),
            "--localities",
            str(places),
            "--observations",
            str(observations),
            "--on",
            "30/6/2023",
            "--json",
        ]
    )
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_ntm_assess_reads_spreadsheet_files_as_their_originals(tmp_path, capsys):
    excel = _assess(
        excel_copy(tmp_path, "communes.csv"), excel_copy(tmp_path, "observations.csv"), capsys
    )
    plain = _assess(
        Path(str(DEMO.joinpath("communes.csv"))),
        Path(str(DEMO.joinpath("observations.csv"))),
        capsys,
    )
    assert excel[0] == plain[0] == 0
    assert json.loads(excel[1]) == json.loads(plain[1])


def test_ntm_assess_refuses_a_share_over_100_naming_the_row_and_the_indicator(tmp_path, capsys):
    obs = tmp_path / "obs.csv"
    obs.write_text(
        "locality;indicator;value;unit;as_of;source\n03664;3.1;120 %;;30/6/2023;\n",
        encoding="utf-8",
    )
    code, _, err = _assess(Path(str(DEMO.joinpath("communes.csv"))), obs, capsys)
    assert code == 1
    assert f"{obs}:2" in err
    assert "indicator 3.1" in err
    assert "from 0 to 100" in err


def test_ntm_assess_warns_of_a_fraction_for_a_percent_in_one_line(tmp_path, capsys):
    obs = tmp_path / "obs.csv"
    obs.write_text(
        "locality;indicator;value;unit;as_of;source\n03664;3.1;0,8;;30/6/2023;\n",
        encoding="utf-8",
    )
    code, _, err = _assess(Path(str(DEMO.joinpath("communes.csv"))), obs, capsys)
    assert code == 0
    assert err.splitlines() == [
        f"ntm: warning: 03664 (Chiềng Xôm), {obs}:2: indicator 3.1: 0,8 — 80 %? "
        "read as 0,8 %; write 80 for 80 %"
    ]


EXAMPLES = Path(__file__).parents[2] / "examples" / "data"


@pytest.mark.parametrize(
    ("name", "reader"),
    [("province_recognitions.csv", read_recognitions), ("province_roadmap.csv", read_plan_items)],
)
def test_spreadsheet_recognitions_and_roadmaps_read_as_their_originals(tmp_path, name, reader):
    excel = tmp_path / name
    excel.write_bytes(as_excel_saves((EXAMPLES / name).read_text(encoding="utf-8")))
    assert reader(excel) == reader(EXAMPLES / name)


def test_a_percent_formatted_workbook_cell_is_read_as_its_percent(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["locality", "indicator", "value", "unit"])
    sheet.append(["03664", "3.1", 0.865, None])  # Excel keeps 86,5 % as 0.865
    sheet.append(["03664", "4.1", 0.96, "%"])
    sheet["C2"].number_format = "0.0%"
    sheet["C3"].number_format = "0%"
    book.save(tmp_path / "q.xlsx")
    found = read_observations(tmp_path / "q.xlsx")["03664"]
    assert [o.value for o in found] == [Q_(86.5, "percent"), Q_(96, "percent")]
    assert found[0].origin.endswith("q.xlsx[Sheet]:2")


@pytest.mark.parametrize(
    ("data", "words"),
    [
        ("locality,indicator,value\n03664,3.1,86\n".encode("utf-16"), "UTF-16 text"),
        ("locality,indicator,value\nXôm,3.1,86\n".encode("cp1258"), "byte 26"),
    ],
)
def test_a_file_not_saved_as_csv_utf8_says_how_to_save_it(tmp_path, data, words):
    path = tmp_path / "obs.csv"
    path.write_bytes(data)
    with pytest.raises(DataError) as caught:
        read_observations(path)
    assert words in str(caught.value)
    assert "save as CSV UTF-8" in str(caught.value)
