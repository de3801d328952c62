"""Workbooks are read by the CSV readers: same answers, errors naming the workbook, sheet and row."""

from __future__ import annotations

import contextlib
import datetime
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl.utils.exceptions import IllegalCharacterError

from ntm_criteria import demo
from ntm_criteria._spreadsheet import cell_text, read_table_text
from ntm_criteria.cli import main
from ntm_criteria.errors import DataError, NtmError
from ntm_criteria.geography import Gazetteer
from ntm_criteria.io import read_observations
from ntm_criteria.poverty import read_households

DEMO = Path(demo.__file__).parent


def _book(path: Path, rows: list[list[object]], *, title: str = "Sheet1", formats=None) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    for ref, number_format in (formats or {}).items():
        sheet[ref].number_format = number_format
    book.save(path)
    return path


def _csv_as_book(csv_path: Path, out: Path) -> Path:
    """The CSV's cells as text cells of a workbook, as a person pastes them."""
    import csv

    with csv_path.open(encoding="utf-8-sig", newline="") as handle:
        return _book(out, [list(row) for row in csv.reader(handle)])


def test_observations_and_gazetteer_from_workbooks_equal_the_csv_ones(tmp_path):
    obs_book = _csv_as_book(DEMO / "observations.csv", tmp_path / "obs.xlsx")
    places_book = _csv_as_book(DEMO / "communes.csv", tmp_path / "places.xlsx")
    assert read_observations(obs_book) == read_observations(DEMO / "observations.csv")
    assert Gazetteer.load_csv(places_book) == Gazetteer.load_csv(DEMO / "communes.csv")


def test_numbers_codes_percentages_and_dates_are_read_as_typed(tmp_path):
    book = _book(
        tmp_path / "q.xlsx",
        [
            ["locality", "indicator", "value", "unit", "as_of"],
            [4036, "3.1", 86.5, "%", datetime.datetime(2023, 6, 30)],
            [4036, "10.1", 41.5, "triệu đồng/người/năm", datetime.date(2023, 6, 30)],
        ],
        formats={"A2": "00000", "A3": "00000"},
    )
    table = read_observations(book)
    assert list(table) == ["04036"]
    percent, income = table["04036"]
    assert (percent.value.magnitude, str(percent.value.units)) == (86.5, "percent")
    assert income.value.magnitude == 41.5
    assert percent.as_of == datetime.date(2023, 6, 30)


def test_a_bad_row_is_named_by_workbook_sheet_and_row(tmp_path):
    book = _book(
        tmp_path / "q.xlsx",
        [["locality", "indicator", "value"], ["04036", "3.1", "86,5"], ["04036", "", "1"]],
        title="Số liệu",
    )
    with pytest.raises(NtmError) as caught:
        read_observations(book)
    text = str(caught.value)
    assert "q.xlsx[Số liệu]" in text
    assert "line 3:" in text  # the sheet's row 3: one sheet row per line


def test_a_named_sheet_is_chosen_with_a_hash(tmp_path):
    book = openpyxl.Workbook()
    book.active.title = "Bìa"
    book.active.append(["ghi chú"])
    data = book.create_sheet("Số liệu")
    data.append(["locality", "indicator", "value"])
    data.append(["04036", "3.1", "90"])
    book.save(tmp_path / "q.xlsx")
    assert list(read_observations(f"{tmp_path / 'q.xlsx'}#Số liệu")) == ["04036"]
    with pytest.raises(DataError, match=r"no sheet 'Khác'.*Bìa, Số liệu"):
        read_observations(f"{tmp_path / 'q.xlsx'}#Khác")


def test_a_file_that_is_not_a_workbook_is_one_clear_error(tmp_path):
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(DataError, match=r"not a readable \.xlsx workbook"):
        read_observations(bad)
    with pytest.raises(DataError, match="cannot read the workbook"):
        read_observations(tmp_path / "missing.xlsx")


def test_households_from_a_workbook(tmp_path):
    book = _book(
        tmp_path / "ho.xlsx",
        [
            ["id", "commune", "area", "members", "income", "water"],
            ["H1", "04036", "nông thôn", 4, 1_400_000, 1],
            ["H2", "04036", "nông thôn", 3, 1_500_000.5, 0],
        ],
    )
    table = read_households(book)
    assert table.ids == ("H1", "H2")
    assert table.incomes[1] == 3_000_001 / 2


def test_ntm_assess_reads_workbooks(tmp_path, capsys):
    obs_book = _csv_as_book(DEMO / "observations.csv", tmp_path / "obs.xlsx")
    places_book = _csv_as_book(DEMO / "communes.csv", tmp_path / "places.xlsx")
    common = ["--set", str(DEMO / "set.toml"), "--on", "30/6/2023"]
    assert (
        main(
            [
                "assess",
                *common,
                "--localities",
                str(DEMO / "communes.csv"),
                "--observations",
                str(DEMO / "observations.csv"),
            ]
        )
        == 0
    )
    from_csv = capsys.readouterr().out
    assert (
        main(["assess", *common, "--localities", str(places_book), "--observations", str(obs_book)])
        == 0
    )
    assert capsys.readouterr().out == from_csv


_CELLS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**15), max_value=10**15),
    st.floats(allow_nan=False, allow_infinity=False, width=64),
    st.text(max_size=20).filter(lambda s: not any(c in s for c in "\x00\x0b\x0c")),
    st.dates(min_value=datetime.date(1900, 3, 1)),
)


@settings(max_examples=60)
@given(st.lists(st.lists(_CELLS, min_size=3, max_size=3), max_size=4))
def test_any_sheet_reads_or_fails_with_the_librarys_error(tmp_path_factory, rows):
    path = tmp_path_factory.mktemp("gen") / "g.xlsx"
    try:
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.append(["locality", "indicator", "value"])
        for row in rows:
            sheet.append(row)
        book.save(path)
    except (ValueError, TypeError, IllegalCharacterError):  # openpyxl refuses some itself
        return
    with contextlib.suppress(NtmError):  # reading may refuse the rows, with its own error
        read_observations(path)


def test_cell_text_keeps_exact_decimals():
    assert cell_text(0.1 + 0.2) == "0,30000000000000004"
    assert cell_text(12.0, "0.00") == "12"
    assert cell_text(-5, "00000") == "-5"  # a negative number is no code
    assert read_table_text(DEMO / "communes.csv")[1].startswith("code,")
