"""CSV tables: UTF-8 text with a header row, read into records.

Private: see :mod:`ntm_criteria.io`.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TypeVar

from ntm_criteria._document import csv_records, read_text_file
from ntm_criteria.io._rows import RowReader, read_rows

__all__ = ["read_table", "reads_table"]

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
    table may have (named in the error when one is missing).
    """
    expected = "columns " + ",".join(columns) if columns else None
    rows = csv_records(text, file, required=required, expected=expected)
    return read_rows(rows, read_row, file=file)


def read_table(
    path: str | Path,
    read_row: RowReader[T],
    *,
    columns: Sequence[str] = (),
    required: Sequence[str] = (),
) -> list[T]:
    """:func:`reads_table` on a UTF-8 file (a byte-order mark is allowed), naming it in errors."""
    return reads_table(
        read_text_file(path), read_row, file=str(path), columns=columns, required=required
    )
