"""Records read row by row from any table, with every bad row reported at once.

A CSV file today, a spreadsheet or a DataFrame later: each gives rows as
``(line, cells)``, and one record reader turns each row into a record.
Private: see :mod:`ntm_criteria.io`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeAlias, TypeVar

from ntm_criteria.errors import DataError, DataErrors, NtmError

__all__ = ["RowReader", "cell", "read_located_rows", "read_rows"]

T = TypeVar("T")

#: Turns one row (column name → cell) into a record, raising an NtmError if it cannot.
RowReader: TypeAlias = Callable[[Mapping[str, Any]], T]


def cell(row: Mapping[str, Any], key: str) -> str:
    """The stripped text of ``row[key]``; a missing cell is empty."""
    value = row.get(key)
    return value.strip() if isinstance(value, str) else ""


def _problem(err: NtmError, line: int) -> DataError:
    if isinstance(err, DataError):
        return DataError(err.message, line=line, key_path=err.key_path, expected=err.expected)
    return DataError(str(err), line=line)


def read_rows(
    rows: Iterable[tuple[int, Mapping[str, Any]]],
    read_row: RowReader[T],
    *,
    file: str | None = None,
) -> list[T]:
    """``read_row`` applied to every ``(line, row)``; the problems of all rows, with lines."""
    return [record for _, record in read_located_rows(rows, read_row, file=file)]


def read_located_rows(
    rows: Iterable[tuple[int, Mapping[str, Any]]],
    read_row: RowReader[T],
    *,
    file: str | None = None,
) -> list[tuple[int, T]]:
    """:func:`read_rows`, each record with the line of its row."""
    found: list[tuple[int, T]] = []
    problems: list[DataError] = []
    for line, row in rows:
        try:
            found.append((line, read_row(row)))
        except NtmError as err:
            problems.append(_problem(err, line))
    if problems:
        raise DataErrors(problems, file=file)
    return found
