"""The reader of published-figure tables: spreadsheet habits, located problems."""

from __future__ import annotations

from fractions import Fraction

import pytest

from ntm_criteria._document import CsvColumns
from ntm_criteria._published import FigureTable
from ntm_criteria.errors import DataError, DataErrors

COLUMNS = CsvColumns(("code", "rate", "count"), ("code",))


def test_bom_blank_lines_and_percent_signs():
    table = FigureTable('\ufeffcode,rate,count\n\nA,"2,5 %",1.234\n', "t.csv", COLUMNS)
    (row,) = list(table)
    assert table.percent(row, "rate") == Fraction(5, 2)
    assert table.count(row, "count") == 1234
    assert row.line == 3


def test_an_unquoted_comma_decimal_is_a_problem_of_its_row_never_a_shift():
    with pytest.raises(DataErrors, match="line 2: 4 cells for 3 columns"):
        FigureTable("code,rate,count\nA,2,62,5\n", "t.csv", COLUMNS)


def test_not_text_and_empty_file():
    with pytest.raises(DataError, match="bytes is not CSV text"):
        FigureTable(b"code", "t.csv", COLUMNS)  # type: ignore[arg-type]
    with pytest.raises(DataError, match="the file is empty"):
        FigureTable("", "t.csv", COLUMNS)


def test_a_huge_number_is_refused_quickly():
    table = FigureTable("code,rate,count\nA,," + "9" * 5000 + "\n", "t.csv", COLUMNS)
    assert table.count(next(iter(table)), "count") is None
    assert table.problems[0].key_path == "count"


def test_a_lone_percent_sign_is_a_problem_not_an_empty_cell():
    table = FigureTable("code,rate,count\nA,%,\n", "t.csv", COLUMNS)
    assert table.percent(next(iter(table)), "rate") is None
    assert table.problems[0].message == "a percent sign without a number"
