"""CSV tables on awkward input: NFD text, byte-order marks, surplus fields, bad rows (issue 9)."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from ntm_criteria import DataError, DataErrors, Level
from ntm_criteria.io import (
    PLAN_ITEM_COLUMNS,
    RECOGNITION_COLUMNS,
    parse_value,
    read_observations,
    read_plan_items,
    read_recognitions,
    reads_observations,
)
from ntm_criteria.progress import PlanStatus

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "data"
HEADER = "locality,indicator,value,unit,as_of,source\n"


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


@pytest.mark.parametrize(
    ("word", "expected"),
    [("đạt", True), ("Đạt", True), ("không đạt", False), ("chưa đạt", False), ("có", True),
     ("không", False)],
)  # fmt: skip
def test_nfd_pass_fail_words_are_the_nfc_words(word, expected):
    # Regression: NFD "không đạt" was read as a grade (text) instead of False.
    assert parse_value(nfd(word)) is expected


def test_a_grade_keeps_the_bytes_it_was_written_in():
    assert parse_value(nfd("Tốt")) == nfd("Tốt")


@pytest.mark.parametrize("cell", ["²", "٣", "１"])
def test_only_ascii_digits_start_a_number(cell):
    # Regression: "²".isdigit() is true, so "²" went to the number parser.
    assert parse_value(cell) == cell


def test_an_nfd_observation_file_gives_the_nfc_observations(tmp_path):
    source = EXAMPLES / "province_observations.csv"
    path = tmp_path / "obs.csv"
    path.write_text(nfd(source.read_text("utf-8-sig")), encoding="utf-8")
    composed, decomposed = read_observations(source), read_observations(path)
    assert list(decomposed) == list(composed)
    for code, rows in composed.items():
        assert [(o.indicator_code, o.value, o.as_of) for o in decomposed[code]] == [
            (o.indicator_code, o.value if not isinstance(o.value, str) else nfd(o.value), o.as_of)
            for o in rows
        ]


def test_nfd_headers_and_codes_are_matched_in_nfc():
    header = nfd("locality,indicator,value,unit,as_of,source\n")
    table = header + nfd("xã-01,3.1,không đạt,,,Biên bản\n")
    (observation,) = reads_observations(table)["xã-01"]
    assert observation.value is False
    assert observation.source == nfd("Biên bản")  # shown to users: as written


def test_a_byte_order_mark_in_text_is_dropped():
    assert list(reads_observations("\ufeff" + HEADER + "04036,3.2,đạt,,,\n")) == ["04036"]


def test_surplus_fields_are_a_row_problem_with_the_line():
    # Regression: an unquoted 86,5 split into two fields and the surplus was dropped.
    with pytest.raises(DataErrors) as caught:
        reads_observations(
            HEADER + "04036,3.2,đạt,,,\n04036,3.1,86,5,%,30/6/2023,Biên bản\n", file="o.csv"
        )
    (problem,) = caught.value.errors
    assert problem.line == 3
    assert "more fields" in problem.message
    assert str(caught.value).startswith("o.csv: 1 problem")


def test_a_quoted_cell_over_two_lines_is_reported_at_its_first_line():
    text = HEADER + '04036,3.2,đạt,,,"a\nb"\n04036,3.1,72.5,,,\n'
    with pytest.raises(DataErrors) as caught:
        reads_observations(text)
    assert [e.line for e in caught.value.errors] == [4]


def test_an_empty_table_is_missing_its_columns():
    with pytest.raises(DataError, match="missing column"):
        reads_observations("", file="o.csv")
    with pytest.raises(DataError, match="missing column"):
        reads_observations("\ufeff\n\n", file="o.csv")


def test_extra_columns_are_allowed():
    table = "note," + HEADER.replace("\n", "") + "\nx,04036,3.2,đạt,,,\n"
    assert reads_observations(table)["04036"][0].value is True


def write(path: Path, header: tuple[str, ...], *rows: str, form: str = "NFC") -> Path:
    text = ",".join(header) + "\n" + "".join(row + "\n" for row in rows)
    path.write_text(unicodedata.normalize(form, text), encoding="utf-8")
    return path


def test_nfd_recognitions_read_as_nfc(tmp_path):
    # Regression: Recognition.from_dict refused NFD "đạt chuẩn" / "nâng cao".
    rows = ("04045,đạt chuẩn,s,12/QĐ-UBND,15/6/2022,", "04036,nâng cao,s,13/QĐ-UBND,ngày 3/8/2022,")
    composed = read_recognitions(write(tmp_path / "a.csv", RECOGNITION_COLUMNS, *rows))
    decomposed = read_recognitions(
        write(tmp_path / "b.csv", RECOGNITION_COLUMNS, *rows, form="NFD")
    )
    assert [r.level for r in decomposed] == [Level.STANDARD, Level.ADVANCED]
    assert [(r.locality, r.level, r.set_id, r.date) for r in decomposed] == [
        (r.locality, r.level, r.set_id, r.date) for r in composed
    ]
    assert decomposed[0].decision == nfd("12/QĐ-UBND")  # shown: as written


def test_nfd_plan_items_read_as_nfc(tmp_path):
    rows = ("04036,10.1,,Phòng Kinh tế,30/9/2023,hoàn thành,Hỗ trợ",)
    (composed,) = read_plan_items(write(tmp_path / "a.csv", PLAN_ITEM_COLUMNS, *rows))
    (decomposed,) = read_plan_items(write(tmp_path / "b.csv", PLAN_ITEM_COLUMNS, *rows, form="NFD"))
    assert decomposed.status is composed.status is PlanStatus.DONE
    assert (decomposed.locality, decomposed.indicator, decomposed.due) == (
        composed.locality,
        composed.indicator,
        composed.due,
    )
    assert decomposed.agency == nfd("Phòng Kinh tế")


@pytest.mark.parametrize(
    ("reader", "columns", "rows", "lines", "where"),
    [
        (read_recognitions, RECOGNITION_COLUMNS,
         ["04045,đạt chuẩn,s,1/QĐ,15/6/2022,", "04036,giỏi,s,2/QĐ,15/6/2022,",
          "04039,nâng cao,s,3/QĐ,15/6/2022,1/1/2020,extra"],
         [3, 4], "giỏi"),
        (read_plan_items, PLAN_ITEM_COLUMNS,
         ["04036,10.1,,A,30/9/2023,soon,", "04036,10.1,,A,,,", "04036,10.1,,A,31/9/2023,,"],
         [2, 3, 4], "soon"),
    ],
)  # fmt: skip
def test_every_bad_row_names_the_file_and_line(tmp_path, reader, columns, rows, lines, where):
    path = write(tmp_path / "t.csv", columns, *rows)
    with pytest.raises(DataErrors) as caught:
        reader(path)
    err = caught.value
    assert err.file == str(path)
    assert [e.line for e in err.errors] == lines
    assert str(err).startswith(f"{path}: {len(lines)} problem")
    assert where in str(err)


@pytest.mark.parametrize("reader", [read_recognitions, read_plan_items, read_observations])
def test_a_bad_header_or_a_bad_path_names_the_file(tmp_path, reader):
    with pytest.raises(DataError, match="cannot read the file"):
        reader(tmp_path)
    with pytest.raises(DataError, match="NUL"):
        reader(str(tmp_path / "a\0.csv"))
    path = tmp_path / "bad.csv"
    path.write_text('a,"b\n', encoding="utf-8")
    with pytest.raises(DataError, match=r"bad\.csv:1: missing column"):
        reader(path)
