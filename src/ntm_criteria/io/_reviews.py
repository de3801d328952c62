"""Criterion-review tables: one row per locality and criterion, with its status and date.

Private: see :mod:`ntm_criteria.io`.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ntm_criteria._document import CsvColumns, csv_rows
from ntm_criteria._spreadsheet import read_table_text
from ntm_criteria._validators import nfc
from ntm_criteria.assessment import CriterionReview
from ntm_criteria.errors import DataError
from ntm_criteria.io._rows import cell, read_rows

__all__ = ["REVIEW_COLUMNS", "read_reviews", "reads_reviews"]

#: The columns of a review table; ``reviewer``, ``note`` and ``set_id`` may be empty or absent.
REVIEW_COLUMNS = ("locality", "criterion", "status", "date", "reviewer", "note", "set_id")
_REQUIRED = ("locality", "criterion", "status", "date")

# Headers an office writes, compared lower-case in NFC, for each column.
_HEADERS = {
    "locality": ("locality", "mã xã", "mã", "mã địa phương", "mã đơn vị"),
    "criterion": ("criterion", "tiêu chí", "số tiêu chí"),
    "status": ("status", "kết quả", "kết quả đánh giá"),
    "date": ("date", "ngày", "ngày đánh giá"),
    "reviewer": ("reviewer", "đơn vị đánh giá", "cơ quan đánh giá"),
    "note": ("note", "ghi chú"),
    "set_id": ("set_id", "set", "bộ tiêu chí"),
}
_BY_HEADER = {header: column for column, names in _HEADERS.items() for header in names}
_EXPECTED = (
    "columns locality,criterion,status,date,reviewer,note "
    "(or mã xã, tiêu chí, kết quả, ngày, đơn vị đánh giá, ghi chú)"
)


def _column(header: str) -> str | None:
    return _BY_HEADER.get(" ".join(nfc(header).lower().split()))


def _check_header(header: list[str], line: int, _: CsvColumns) -> list[DataError]:
    problems: list[DataError] = []
    found = [_column(name) for name in header]
    for column in dict.fromkeys(c for c in found if c is not None):
        names = [name for name, c in zip(header, found, strict=True) if c == column]
        if len(names) > 1:
            problems.append(
                DataError(
                    f"columns {', '.join(map(repr, names))} both give the {column}",
                    line=line,
                    key_path="header",
                    expected="one column each",
                )
            )
    missing = [column for column in _REQUIRED if column not in found]
    if missing:
        problems.append(
            DataError(
                f"missing column(s) {', '.join(missing)}",
                line=line,
                key_path="header",
                expected=_EXPECTED,
            )
        )
    return problems


def reads_reviews(text: str, *, file: str | None = None) -> tuple[CriterionReview, ...]:
    """The criterion reviews of CSV text, one per row (see :func:`read_reviews`).

    >>> table = "mã xã,tiêu chí,kết quả,ngày,đơn vị đánh giá,ghi chú\\n03664,5,Đạt,10/6/2022,UBND xã,\\n"
    >>> [(r.locality, r.criterion, r.status.value, r.reviewer) for r in reads_reviews(table)]
    [('03664', 5, 'met', 'UBND xã')]
    >>> reads_reviews("locality,criterion,status,date\\n03664,5,tốt,10/6/2022\\n", file="r.csv")
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.DataErrors: r.csv: 1 problem:
      - line 2: status: unknown review status 'tốt' (expected đạt, không đạt or chưa đánh giá ...)
    """
    rows = csv_rows(text, file, CsvColumns(REVIEW_COLUMNS, _REQUIRED), check_header=_check_header)

    def read(cells: Mapping[Any, Any]) -> CriterionReview:
        return _row(cells, file)

    # Each row's line goes with its cells (under a key no header can be), for the review to keep.
    lines = ((row.line or 0, {**_cells(row.cells), _LINE: row.line}) for row in rows)
    return tuple(read_rows(lines, read, file=file))


def read_reviews(path: str | Path) -> tuple[CriterionReview, ...]:
    """The criterion reviews of a UTF-8 CSV file (or a workbook's sheet, ``book.xlsx#Sheet``), one per row.

    Columns ``locality,criterion,status,date,reviewer,note`` (and optionally
    ``set_id``), or their Vietnamese headers ``mã xã, tiêu chí, kết quả,
    ngày, đơn vị đánh giá, ghi chú`` (``bộ tiêu chí``), in any case and
    Unicode form; other columns are ignored.  Statuses are ``đạt``,
    ``không đạt``, ``chưa đánh giá`` or ``met``, ``not met``, ``not yet
    reviewed``.  Every bad row is reported together, with its line and
    column; each review keeps its file and line, so that a later problem
    (a criterion the set lacks, two reviews on one date) names it too.

    >>> import pathlib, tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     path = pathlib.Path(tmp, "reviews.csv")
    ...     _ = path.write_text("locality,criterion,status,date,reviewer,note\\n"
    ...                         "03664,5,đạt,10/6/2022,,\\n03664,six,đạt,10/6/2022,,\\n")
    ...     read_reviews(path)
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.DataErrors: ...reviews.csv: 1 problem:
      - line 3: criterion: 'six' is not a criterion number (expected e.g. 5)
    """
    name, text = read_table_text(path)
    return reads_reviews(text, file=name)


_LINE = ("line",)


def _cells(cells: object) -> Mapping[Any, Any]:
    # csv_rows gives a dict of column → text (surplus fields under None).
    return cells if isinstance(cells, Mapping) else {}


def _row(cells: Mapping[Any, Any], file: str | None) -> CriterionReview:
    if cells.get(None):  # an unquoted "a, b" in a note splits into two fields
        raise DataError(
            "the row has more fields than the header has columns",
            expected="one field per column; quote a cell holding a comma",
        )
    by_column: dict[str, Any] = {}
    for key, value in cells.items():
        column = _column(key) if isinstance(key, str) else None
        if column is not None:
            by_column[column] = value
    values = {column: cell(by_column, column) for column in REVIEW_COLUMNS}
    for column in _REQUIRED:
        if not values[column]:
            raise DataError("empty", key_path=column, expected=_WHAT[column])
    return CriterionReview(**values, file=file, line=cells.get(_LINE))


_WHAT = {
    "locality": "the locality's code",
    "criterion": "the criterion's number, e.g. 5",
    "status": "đạt, không đạt or chưa đánh giá",
    "date": "the review's date, e.g. 10/6/2022",
}
