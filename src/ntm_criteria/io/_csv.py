"""CSV tables: UTF-8 text with a header row, read into records.

Private: see :mod:`ntm_criteria.io`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar

from ntm_criteria._document import CsvColumns, csv_rows
from ntm_criteria._spreadsheet import read_table_text
from ntm_criteria.errors import DataError
from ntm_criteria.io._rows import RowReader, read_located_rows

__all__ = ["read_table", "reads_located_table", "reads_table"]

T = TypeVar("T")


def reads_table(
    text: str,
    read_row: RowReader[T],
    *,
    file: str | None = None,
    columns: Sequence[str] = (),
    required: Sequence[str] = (),
) -> list[T]:
    """``read_row`` applied to every row of CSV text; the problems of all rows, with lines.

    ``required`` columns must be in the header; ``columns`` are all those the
    table may have (named in the error when one is missing); other columns
    are allowed and ignored.  Column names are compared in NFC, and a
    byte-order mark is dropped.

    >>> reads_table("\\ufeffcode,name\\n14,Sơn La\\n", dict, required=["code"])
    [{'code': '14', 'name': 'Sơn La'}]
    >>> reads_table("name\\nx\\n", dict, file="a.csv", columns=["code", "name"], required=["code"])
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.DataError: a.csv:1: missing column(s) code (expected columns code,name)
    """
    located = reads_located_table(text, read_row, file=file, columns=columns, required=required)
    return [record for _, record in located]


def reads_located_table(
    text: str,
    read_row: RowReader[T],
    *,
    file: str | None = None,
    columns: Sequence[str] = (),
    required: Sequence[str] = (),
) -> list[tuple[int, T]]:
    """:func:`reads_table`, each record with the line its row starts on.

    >>> reads_located_table("code\\n\\n14\\n", dict)
    [(3, {'code': '14'})]
    """
    expected = "columns " + ",".join(columns) if columns else None

    def check_header(header: list[str], line: int, _: CsvColumns) -> list[DataError]:
        missing = [name for name in required if name not in header]
        if missing:  # raised alone, as before the one CSV reader: the rows cannot be read
            raise DataError(
                f"missing column(s) {', '.join(missing)}", file=file, line=line, expected=expected
            )
        return []

    if not text.strip("\ufeff \t\r\n"):  # no header at all: every required column is missing
        check_header([], 1, CsvColumns((), ()))
        return []
    table = CsvColumns(tuple(columns), tuple(required))
    rows = csv_rows(text, file, table, check_header=check_header)
    return read_located_rows(
        ((row.line or 0, _cells(row.cells)) for row in rows), _whole(read_row), file=file
    )


def _cells(cells: object) -> Mapping[str, Any]:
    # csv_rows gives a dict of column → text (surplus fields under None).
    return cells if isinstance(cells, Mapping) else {}


def _whole(read_row: RowReader[T]) -> RowReader[T]:
    """``read_row``, refusing first a row with more fields than the header has columns."""

    def read(row: Mapping[str, Any]) -> T:
        # Regression: surplus fields (an unquoted "86,5" splits into two) were dropped silently.
        if None in row:
            raise DataError(
                "the row has more fields than the header has columns",
                expected='one field per column; quote a cell holding a comma ("86,5")',
            )
        return read_row(row)

    return read


def read_table(
    path: str | Path,
    read_row: RowReader[T],
    *,
    columns: Sequence[str] = (),
    required: Sequence[str] = (),
) -> list[T]:
    """:func:`reads_table` on a UTF-8 CSV file or a workbook's sheet, naming it in errors.

    A CSV file may start with a byte-order mark; a ``.xlsx`` file
    (``book.xlsx#Sheet`` for a sheet other than the first) is read by
    :func:`ntm_criteria._spreadsheet.read_table_text`, one sheet row per line.
    """
    name, text = read_table_text(path)
    return reads_table(text, read_row, file=name, columns=columns, required=required)
