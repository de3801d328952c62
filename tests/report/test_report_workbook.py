"""The report workbook: read back, it holds the text report's figures as numbers, in one language."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import openpyxl
import pytest

from ntm_criteria.cli import main

ROOT = Path(__file__).parents[2]
LAO_CAI = ROOT / "examples" / "data" / "lao_cai_2023"
PROVINCE = ROOT / "examples" / "data"


def _lao_cai(tmp_path: Path, lang: str, *extra: str) -> list[str]:
    return [
        "report",
        "--set",
        "vn-ntm-commune-standard-2021-2025",
        "--set",
        "vn-ntm-commune-advanced-2021-2025",
        "--localities",
        str(LAO_CAI / "communes.csv"),
        "--recognitions",
        str(LAO_CAI / "recognitions.csv"),
        "--within",
        "10",
        "--on",
        "31/12/2023",
        "--target",
        "standard=94",
        "--target",
        "advanced=45",
        "--lang",
        lang,
        *extra,
    ]


def test_the_workbook_holds_the_published_headline_and_every_commune(tmp_path, capsys):
    out = tmp_path / "bao-cao.xlsx"
    assert main(_lao_cai(tmp_path, "vi", "--xlsx", str(out))) == 0
    text = capsys.readouterr().out
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Tổng hợp", "Từng đơn vị", "Phân bố", "Nguy cơ", "Quá hạn"]
    summary = book["Tổng hợp"]
    headline = summary["A3"].value
    assert headline.startswith("toàn tỉnh có 62/127 xã đạt chuẩn nông thôn mới, đạt 66% kế hoạch")
    assert headline in text
    # the plan table: counts are integers, shares percentages as numbers
    rows = [[c.value for c in row] for row in summary.iter_rows()]
    standard = next(r for r in rows if r[0] == "đạt chuẩn" and isinstance(r[1], int))
    assert standard[1:5] == [62, pytest.approx(62 / 127), 94, pytest.approx(62 / 94)]
    localities = list(book["Từng đơn vị"].iter_rows(min_row=2, values_only=True))
    assert len(localities) == 127
    assert all(isinstance(r[3], int) and isinstance(r[4], int) for r in localities)


def test_position_counts_add_up_to_the_number_of_communes(tmp_path, capsys):
    out = tmp_path / "b.xlsx"
    assert main(_lao_cai(tmp_path, "en", "--xlsx", str(out))) == 0
    capsys.readouterr()
    summary = openpyxl.load_workbook(out)["Summary"]
    rows = list(summary.iter_rows(max_col=3, values_only=True))
    header = rows.index(("Level", "Standing", "Communes"))
    tallies: dict[str, int] = {}
    for level, _, number in rows[header + 1 :]:
        if level is None:  # the blank row after the table
            break
        tallies[level] = tallies.get(level, 0) + number
    assert tallies == {"standard": 127, "advanced": 127}


def test_overdue_items_keep_their_dates_and_the_english_workbook_is_english(tmp_path, capsys):
    out = tmp_path / "p.xlsx"
    argv = [
        "report",
        "--set",
        str(ROOT / "src" / "ntm_criteria" / "demo" / "set.toml"),
        "--localities",
        str(PROVINCE / "province_communes.csv"),
        "--observations",
        str(PROVINCE / "province_observations.csv"),
        "--roadmap",
        str(PROVINCE / "province_roadmap.csv"),
        "--on",
        "31/12/2024",
        "--lang",
        "en",
        "--xlsx",
        str(out),
    ]
    status = main(argv)
    err = capsys.readouterr().err
    assert status == 0, err
    book = openpyxl.load_workbook(out)
    overdue = list(book["Overdue"].iter_rows(min_row=2, values_only=True))
    assert overdue, "the example roadmap has overdue items on 31/12/2024"
    assert all(isinstance(r[3], datetime.datetime) for r in overdue)
    # The library's words are English throughout; the roadmap's own actions and agencies are
    # the office's data and keep their language.
    data_columns = {"Target", "Agency"}
    words = list(book.sheetnames)
    for sheet in book:
        rows = list(sheet.iter_rows(values_only=True))
        headers = next((r for r in rows if r and r[0] in ("Code", "Level", "Criteria met")), ())
        skip = {i for i, h in enumerate(headers) if h in data_columns}
        words += [str(v) for row in rows for i, v in enumerate(row) if v and i not in skip]
    names = {str(r[1]) for r in book["Localities"].iter_rows(min_row=2, values_only=True)}
    text = " ".join(w for w in words if w not in names)
    assert not re.search(r"\b(xã|đạt|chuẩn|kế hoạch|Tổng|chưa)\b", text), text


def test_charts_are_written_beside_the_report(tmp_path, capsys):
    folder = tmp_path / "charts"
    assert main(_lao_cai(tmp_path, "vi", "--charts", str(folder))) == 0
    capsys.readouterr()
    assert sorted(p.name for p in folder.iterdir()) == ["distribution.png", "plan.png"]
    assert (folder / "plan.png").read_bytes().startswith(b"\x89PNG")
