"""Rows of text (a spreadsheet, a CSV file) read as localities, every problem collected.

Each row problem names its row (``row 2: kind``) and, for a file, its line.
The CSV splitting, header check and cell stripping are the shared reader's
(:mod:`ntm_criteria._document`); the cells' meaning is the gazetteer's.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from ntm_criteria._document import CsvColumns, CsvRow, DataReader, csv_rows
from ntm_criteria._spreadsheet import is_spreadsheet, read_table_text
from ntm_criteria.errors import DataError, UnknownCodeError
from ntm_criteria.geography._fields import check_text
from ntm_criteria.geography._kinds import LocalityKind
from ntm_criteria.geography._locality import (
    GROUP_EXPECTED,
    LOCALITY_FIELDS,
    REQUIRED_FIELDS,
    Locality,
    check_group,
    check_region,
)
from ntm_criteria.geography._tags import to_tags

__all__ = ["COLUMNS", "localities_from_rows", "read_csv_rows"]

COLUMNS = CsvColumns(LOCALITY_FIELDS, REQUIRED_FIELDS)
_TAG_SEPARATORS = re.compile(r"[;|]")


def _parse_required(field: str) -> Callable[[str], str]:
    def parse(cell: str) -> str:
        check_text(field, cell)
        return cell

    return parse


def _parse_optional(cell: str) -> str | None:
    return cell or None


def _parse_kind(cell: str) -> LocalityKind:
    if not cell:
        raise DataError(
            "kind is empty", expected=f"one of {', '.join(k.value for k in LocalityKind)}"
        )
    return LocalityKind.parse(cell)


def _parse_region(cell: str) -> str | None:
    check_region(cell or None)
    return cell or None


def _parse_tags(cell: str) -> frozenset[str]:
    return to_tags([tag.strip() for tag in _TAG_SEPARATORS.split(cell) if tag.strip()])


def _parse_group(cell: str) -> int | None:
    if not cell:
        return None
    if re.fullmatch("[123]", cell) is None:
        raise DataError(f"group {cell!r} is not a commune group", expected=GROUP_EXPECTED)
    return int(cell)


_CELL_PARSERS: tuple[tuple[str, Callable[[str], object]], ...] = (
    ("code", _parse_required("code")),
    ("name_vi", _parse_required("name_vi")),
    ("kind", _parse_kind),
    ("parent", _parse_optional),
    ("region", _parse_region),
    ("tags", _parse_tags),
    ("group", _parse_group),
    ("name_en", _parse_optional),
)


def _values(reader: DataReader, row: CsvRow, cells: dict[str, str]) -> dict[str, Any]:
    """Each cell parsed; a cell that does not parse is a problem and left out."""
    values: dict[str, Any] = {}
    for field, parse in _CELL_PARSERS:
        try:
            values[field] = parse(cells.get(field, ""))
        except DataError as err:
            reader.row_problem(row, field, err.message, err.expected)
        except UnknownCodeError as err:
            reader.row_problem(row, field, str(err))
    if "kind" in values and "group" in values:
        try:
            check_group(values["group"], values["kind"])
        except DataError as err:
            reader.row_problem(row, "group", err.message, err.expected)
    return values


def _read_row(reader: DataReader, row: CsvRow) -> tuple[str | None, Locality | None]:
    """The row's code (when readable) and its locality (when the row is valid)."""
    cells = reader.row_cells(row, COLUMNS)
    if cells is None:
        return None, None
    before = len(reader.problems.items)
    values = _values(reader, row, cells)
    code = values.get("code")
    if len(reader.problems.items) > before:
        return code, None
    try:
        return code, Locality(**values)
    except DataError as err:
        reader.row_problem(row, err.key_path, err.message, err.expected)
    except UnknownCodeError as err:
        reader.row_problem(row, None, str(err))
    return code, None


def localities_from_rows(rows: Iterable[CsvRow], source: str | None) -> list[Locality]:
    """The localities of ``rows``; every problem of every row is raised together.

    >>> [loc.label() for loc in localities_from_rows(
    ...     [CsvRow(1, None, {"code": "14", "name_vi": "Sơn La", "kind": "tỉnh"})], None)]
    ['tỉnh Sơn La']
    """
    reader = DataReader()
    localities: list[Locality] = []
    first_seen: dict[str, CsvRow] = {}
    for row in rows:
        code, loc = _read_row(reader, row)
        if code is not None and code in first_seen:
            first = first_seen[code]
            where = f"line {first.line}" if first.line is not None else f"row {first.number}"
            reader.row_problem(
                row, "code", f"duplicate locality code {code!r} (first on {where})", "unique codes"
            )
            continue
        if code is not None:
            first_seen[code] = row
        if loc is not None:
            localities.append(loc)
    reader.problems.raise_if_any(source)
    return localities


def read_csv_rows(path: str | os.PathLike[str]) -> tuple[str, list[CsvRow]]:
    """The file's name and its rows, from a UTF-8 CSV file (a byte-order mark is allowed) or a workbook.

    A ``.xlsx`` file (``book.xlsx#Sheet`` for a sheet other than the first)
    is read by :func:`ntm_criteria._spreadsheet.read_table_text`.

    >>> read_csv_rows("no/such/file.csv")
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.DataError: no/such/file.csv: cannot read the gazetteer: ...
    """
    name = os.fspath(path)
    if is_spreadsheet(name):  # a workbook's sheet, turned into the CSV this reads
        name, text = read_table_text(name)
        return name, csv_rows(text, name, COLUMNS)
    try:
        data = Path(name).read_bytes()
    except (OSError, ValueError) as err:
        reason = err.strerror if isinstance(err, OSError) and err.strerror else str(err)
        raise DataError(
            f"cannot read the gazetteer: {reason}",
            file=name,
            expected="a readable UTF-8 CSV file",
        ) from err
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise DataError(
            f"not UTF-8 text (byte {data[err.start]:#04x})",
            file=name,
            line=line,
            expected="a UTF-8 CSV file",
        ) from err
    return name, csv_rows(text, name, COLUMNS)
