"""Reading a CSV table row by row, with every bad row reported at once.

Private: see :mod:`ntm_criteria.io`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar

from ntm_criteria._document import csv_rows, read_text_file
from ntm_criteria.errors import DataError, DataErrors, NtmError

__all__ = ["cell", "read_table", "reads_table"]

T = TypeVar("T")


def cell(row: Mapping[str, Any], key: str) -> str:
    """The stripped text of ``row[key]``; a missing cell is empty."""
    value = row.get(key)
    return value.strip() if isinstance(value, str) else ""


def _problem(err: NtmError, line: int) -> DataError:
    if isinstance(err, DataError):
        return DataError(err.message, line=line, key_path=err.key_path, expected=err.expected)
    return DataError(str(err), line=line)


def reads_table(
    text: str,
    read_row: Callable[[Mapping[str, Any]], T],
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
    found: list[T] = []
    problems: list[DataError] = []
    for line, row in csv_rows(text, file, required=required, expected=expected):
        try:
            found.append(read_row(row))
        except NtmError as err:
            problems.append(_problem(err, line))
    if problems:
        raise DataErrors(problems, file=file)
    return found


def read_table(
    path: str | Path,
    read_row: Callable[[Mapping[str, Any]], T],
    *,
    columns: Sequence[str] = (),
    required: Sequence[str] = (),
) -> list[T]:
    """:func:`reads_table` on a UTF-8 file (a byte-order mark is allowed), naming it in errors."""
    return reads_table(
        read_text_file(path), read_row, file=str(path), columns=columns, required=required
    )
