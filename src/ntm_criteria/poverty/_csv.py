"""Households from CSV: :func:`reads_households` and :func:`read_households`."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from pathlib import Path

from ntm_criteria._document import csv_delimiter
from ntm_criteria._spreadsheet import read_table_text
from ntm_criteria.errors import DataError, DataErrors
from ntm_criteria.poverty._cells import HOUSEHOLD_COLUMNS
from ntm_criteria.poverty._income import INCOME_UNIT
from ntm_criteria.poverty._rows import RowChecker, known_codes
from ntm_criteria.poverty._table import HouseholdTable

__all__ = ["read_households", "reads_households"]


def reads_households(
    text: str,
    *,
    file: str | None = None,
    income_unit: str = INCOME_UNIT,
    indicators: Iterable[str] | None = None,
) -> HouseholdTable:
    """A household table from CSV text; every row is checked before anything is returned.

    Columns: ``id``, ``area`` (``rural`` / ``urban`` or ``nông thôn`` /
    ``thành thị``), ``members``, ``income`` (a Vietnamese number in
    ``income_unit``, default đồng/person/month; empty when unknown), then
    optionally ``commune``, one column per deprivation indicator code
    (``1`` / ``có``, ``0`` / ``không``, empty for unknown) and any other
    column, kept for grouping.  All problems raise one
    :class:`~ntm_criteria.errors.DataErrors` naming each line and column;
    nothing is half-loaded.

    >>> table = reads_households('''id,commune,area,members,income,water,latrine
    ... H1,04036,nông thôn,4,1.400.000,1,có
    ... H2,04036,nông thôn,bốn,"1,5",0,
    ... H3,04036,vùng cao,3,1.000.000,2,0
    ... ''', file="ho.csv")
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.DataErrors: ho.csv: 3 problems:
      - line 3: members: cannot parse 'bốn' (expected a number in Vietnamese format...)
      - line 4: area: unknown area 'vùng cao' (expected rural or urban (nông thôn / thành thị))
      - line 4: water: '2' is not a deprivation flag (expected 1 / có (deprived), 0 / không (not deprived), or empty (unknown))
    """
    if not isinstance(text, str):
        raise DataError(f"{type(text).__name__} is not CSV text", file=file, expected="a string")
    text = text.removeprefix("\ufeff")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=csv_delimiter(text))
    try:
        header = next(reader, None)
        if header is None:
            raise DataErrors(
                [
                    DataError(
                        "empty file", line=1, expected="columns " + ",".join(HOUSEHOLD_COLUMNS)
                    )
                ],
                file=file,
            )
        names = [name.strip() for name in header]
        _check_header(names, file)
        codes = known_codes() if indicators is None else tuple(indicators)
        rows = RowChecker([n for n in names if n], income_unit, codes)
        last = reader.line_num
        for cells in reader:
            line, last = last + 1, reader.line_num
            if not any(cell.strip() for cell in cells):
                continue
            extra = [c for c in cells[len(names) :] if c.strip()]
            unnamed = [c for n, c in zip(names, cells, strict=False) if not n and c.strip()]
            if extra or unnamed:
                rows.problems.append(
                    DataError(f"{len(cells)} cells for {len(names)} columns", line=line)
                )
                continue
            row = {n: c for n, c in zip(names, cells, strict=False) if n}
            rows.add(row, (line, None))
    except csv.Error as err:
        raise DataError(f"malformed CSV: {err}", file=file, line=reader.line_num) from None
    return HouseholdTable(**rows.columns(file))


def _check_header(names: Sequence[str], file: str | None) -> None:
    problems = []
    missing = [c for c in HOUSEHOLD_COLUMNS if c not in names]
    if missing:
        problems.append(
            DataError(
                f"missing column(s) {', '.join(missing)}",
                line=1,
                expected="columns " + ",".join(HOUSEHOLD_COLUMNS),
            )
        )
    for name in sorted({n for n in names if n and names.count(n) > 1}):
        problems.append(DataError(f"duplicate column {name!r}", line=1))
    if problems:
        raise DataErrors(problems, file=file)


def read_households(
    path: str | Path, *, income_unit: str = INCOME_UNIT, indicators: Iterable[str] | None = None
) -> HouseholdTable:
    """A household table from a UTF-8 CSV file or a ``.xlsx`` sheet; see :func:`reads_households`.

    >>> read_households("no/such.csv")
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.DataError: no/such.csv: cannot read the file: No such file or directory
    """
    name, text = read_table_text(path)  # a CSV file, or a workbook's sheet
    return reads_households(text, file=name, income_unit=income_unit, indicators=indicators)
