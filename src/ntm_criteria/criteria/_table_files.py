"""Decision tables in files: CSV and ``.xlsx`` (openpyxl, the ``excel`` extra) in and out.

Workbooks are read through ``_spreadsheet`` as every table of the library is.

:func:`read_set_table` reads a table (the header is the first row with a TT
column; rows above it, such as the decision's title, are skipped);
:func:`set_from_table` makes it a set file's data that extends a parent set
and checks it by building the set; :func:`write_set_table` writes any set as a
table.  Problems name the file, the sheet, the row and the column letter.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ntm_criteria._extras import require
from ntm_criteria._spreadsheet import is_spreadsheet, read_table_text
from ntm_criteria._validators import nfc
from ntm_criteria.criteria._load import set_from_data
from ntm_criteria.criteria._table import SetTable, TableRow, set_to_table
from ntm_criteria.criteria._table_read import cell_of_key_path, place_rows, table_to_set_data
from ntm_criteria.errors import DataError, DataErrors

if TYPE_CHECKING:
    from ntm_criteria.criteria._set import CriterionSet

__all__ = ["read_set_table", "set_from_table", "write_set_table"]

_SHEET_TITLE = "Bộ tiêu chí"
# More rows than any decision's table has: a bigger sheet is refused, never read for minutes.
_MAX_ROWS = 20_000


def read_set_table(path: str | Path, *, sheet: str | None = None) -> SetTable:
    """A decision's table from a ``.csv`` or ``.xlsx`` file (``book.xlsx#Sheet``, or ``sheet=``).

    A workbook's first sheet is read unless a sheet is named; its cells are
    read as the CSV readers read them (``_spreadsheet``), one sheet row per
    line, so that problems name the sheet's rows.

    >>> import tempfile, pathlib
    >>> from ntm_criteria import demo
    >>> with tempfile.TemporaryDirectory() as d:
    ...     path = pathlib.Path(d) / "t.csv"
    ...     write_set_table(demo.example_set(), path)
    ...     read_set_table(path).rows[0].cells[:2]
    ('3.1', 'Thủy lợi')
    """
    text = os.fspath(path)
    if sheet is not None:
        if not is_spreadsheet(text):
            raise DataError("a CSV file has no sheets", file=text, expected="a .xlsx file")
        text = f"{text}#{sheet}"
    name, content = read_table_text(text)
    title = name[name.rindex("[") + 1 : -1] if is_spreadsheet(text) and name.endswith("]") else None
    return _from_grid(_csv_grid(content, name), title, name)


def write_set_table(s: CriterionSet, path: str | Path) -> None:
    """Write a set as a decision's table: ``.xlsx`` (the ``excel`` extra) or CSV.

    >>> import tempfile, pathlib
    >>> from ntm_criteria import demo
    >>> with tempfile.TemporaryDirectory() as d:
    ...     path = pathlib.Path(d) / "t.csv"
    ...     write_set_table(demo.example_set(), path)
    ...     path.read_text(encoding="utf-8").splitlines()[1][:40]
    '3.1,Thủy lợi,Tưới tiêu chủ động,%,≥ 80,,'
    """
    table = set_to_table(s)
    path = Path(path)
    if is_spreadsheet(path):
        _write_xlsx(table, path)
        return
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(table.header)
    writer.writerows(r.cells for r in table.rows)
    path.write_text(out.getvalue(), encoding="utf-8")


def set_from_table(
    path: str | Path,
    extends: CriterionSet,
    *,
    set_id: str,
    sheet: str | None = None,
    title_vi: str | None = None,
    title_en: str | None = None,
    legal_basis: str | None = None,
    source: str | None = None,
) -> dict[str, Any]:
    """The data of a set file that extends ``extends`` with a decision's table, checked.

    The set is built from the data before it is returned, so that a unit or a
    region the set format refuses is reported too — with the cell it came
    from.  Write the data with :func:`~ntm_criteria.criteria.set_to_toml`.

    >>> import tempfile, pathlib
    >>> from ntm_criteria import demo
    >>> with tempfile.TemporaryDirectory() as d:
    ...     path = pathlib.Path(d) / "t.csv"
    ...     _ = path.write_text("TT,Chỉ tiêu chung\\n3.1,≥ 85\\n", encoding="utf-8")
    ...     set_from_table(path, demo.example_set(), set_id="tinh-x")["indicators"]
    {'3.1': {'requirement': {'at_least': 85}, 'source': ''}}
    """
    file = str(path)
    table = read_set_table(path, sheet=sheet)
    data = table_to_set_data(
        table,
        extends,
        set_id=set_id,
        file=file,
        title_vi=title_vi,
        title_en=title_en,
        legal_basis=legal_basis,
        source=source,
    )
    try:
        set_from_data(data, file=file, parents=[extends])
    except DataErrors as err:
        raise _located(err, table, place_rows(data, table), file) from None
    except DataError as err:
        raise _located(DataErrors([err]), table, place_rows(data, table), file) from None
    return data


def _located(err: DataErrors, table: SetTable, places: dict[str, int], file: str) -> DataErrors:
    """The problems of building the set, each with the cell it came from."""
    found = []
    for problem in err.errors:
        cell = cell_of_key_path(table, places, problem.key_path)
        where = f"{cell} ({problem.key_path})" if cell else problem.key_path
        found.append(DataError(problem.message, key_path=where, expected=problem.expected))
    return DataErrors(found, file=file)


def _csv_grid(text: str, file: str) -> list[tuple[int, list[str]]]:
    reader = csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline=""))
    grid: list[tuple[int, list[str]]] = []
    try:
        for fields in reader:
            if len(grid) > _MAX_ROWS:
                raise DataError(f"more than {_MAX_ROWS} rows", file=file)
            grid.append((reader.line_num, fields))
    except csv.Error as err:
        raise DataError(f"malformed CSV: {err}", file=file, line=reader.line_num) from err
    return grid


def _from_grid(grid: Iterable[tuple[int, list[str]]], sheet: str | None, file: str) -> SetTable:
    """The table in a grid of cells: the header is the first row that has a TT column."""
    rows = iter(grid)
    for number, cells in rows:
        if any(nfc(c.strip()).casefold() in ("tt", "stt") for c in cells):
            body = [TableRow(n, c) for n, c in rows]
            return SetTable(cells, body, header_row=number, sheet=sheet)
    raise DataError(
        "no header row", file=file, key_path=sheet, expected="a row of column names with TT"
    )


def _write_xlsx(table: SetTable, path: Path) -> None:
    openpyxl = require("openpyxl")
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = _SHEET_TITLE
    for row, cells in enumerate([table.header, *(r.cells for r in table.rows)], 1):
        for column, text in enumerate(cells, 1):
            cell = ws.cell(row=row, column=column, value=text)
            cell.data_type = "s"  # "= 1" is a threshold, not a formula
    book.save(path)
