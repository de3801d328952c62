"""Tables from ``.xlsx`` workbooks, read by the same readers as CSV: :func:`read_table_text`.

An office's observations, gazetteer, reviews or recognitions often live in a
workbook.  Rather than a second set of row readers, a sheet is turned into
the CSV text its readers already check, one sheet row per CSV line, so every
rule, message and limit is the CSV path's and errors name the workbook, the
sheet and the row (``quy3.xlsx[Số liệu]:5: value: …`` — line 5 is the sheet's row 5).

Each cell becomes the text a person would have typed into a CSV:

- text stays as it is (a line break inside a cell is read as a space, so a
  row stays one line and row numbers stay the sheet's);
- a whole number stays whole; a number shown with leading zeros
  (number format ``00000``, as a commune code typed as a number) gets them
  back — ``4036`` shown as ``04036`` is ``04036``;
- a decimal is written the Vietnamese way with its exact shortest form
  (``86.5`` → ``86,5``); a cell formatted as a percentage (Excel stores
  86 % as ``0.86``) is written ``86%``;
- a date is ``dd/mm/yyyy``; ``TRUE``/``FALSE`` are ``true``/``false``.

openpyxl (the ``excel`` extra) is imported on first use; workbooks are read
in read-only mode, so memory stays bounded, and formulas give their cached
values (a workbook saved by Excel or LibreOffice has them).
"""

from __future__ import annotations

import csv
import datetime
import decimal
import io
import os
from collections.abc import Iterable
from pathlib import Path

from ntm_criteria._document import read_text_file
from ntm_criteria._extras import require
from ntm_criteria._validators import MAX_DOCUMENT_BYTES
from ntm_criteria.errors import DataError

__all__ = ["SPREADSHEET_SUFFIXES", "cell_text", "is_spreadsheet", "read_table_text"]

#: The file name endings read as workbooks (case-insensitive).
SPREADSHEET_SUFFIXES = (".xlsx", ".xlsm")


def is_spreadsheet(path: str | os.PathLike[str]) -> bool:
    """True when ``path`` names a workbook (``.xlsx``, ``.xlsm``), optionally with ``#sheet``.

    >>> is_spreadsheet("quy3.xlsx"), is_spreadsheet("quy3.XLSX#Số liệu"), is_spreadsheet("a.csv")
    (True, True, False)
    """
    name, _ = _split(os.fspath(path))
    return name.lower().endswith(SPREADSHEET_SUFFIXES)


def read_table_text(path: str | os.PathLike[str]) -> tuple[str, str]:
    """``(name for errors, CSV text)`` of a table file: a CSV file, or a workbook's sheet.

    ``book.xlsx`` reads the first sheet, ``book.xlsx#Name`` the sheet called
    Name.  A CSV file is read as UTF-8 (a byte-order mark is allowed).

    >>> import tempfile, pathlib, openpyxl
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     book = openpyxl.Workbook()
    ...     sheet = book.active
    ...     sheet.title = "Số liệu"
    ...     sheet.append(["locality", "indicator", "value"])
    ...     sheet.append([4036, "3.1", 86.5])
    ...     sheet["A2"].number_format = "00000"
    ...     book.save(pathlib.Path(tmp, "q.xlsx"))
    ...     name, text = read_table_text(pathlib.Path(tmp, "q.xlsx"))
    >>> name.endswith("q.xlsx[Số liệu]"), text.splitlines()
    (True, ['locality,indicator,value', '04036,3.1,"86,5"'])
    """
    text = os.fspath(path)
    if not is_spreadsheet(text):
        return text, read_text_file(text)
    name, sheet = _split(text)
    return _sheet_as_csv(name, sheet)


def _split(text: str) -> tuple[str, str | None]:
    """``book.xlsx#Sheet`` → (``book.xlsx``, ``Sheet``), unless the whole path exists."""
    if "#" in text and not Path(text).exists():
        name, _, sheet = text.rpartition("#")
        return name, sheet
    return text, None


def _sheet_as_csv(name: str, sheet: str | None) -> tuple[str, str]:
    require("openpyxl")
    import openpyxl

    try:
        size = Path(name).stat().st_size
    except (OSError, ValueError) as err:
        reason = err.strerror if isinstance(err, OSError) and err.strerror else str(err)
        raise DataError(f"cannot read the workbook: {reason}", file=name) from None
    if size > MAX_DOCUMENT_BYTES:
        raise DataError(
            f"the workbook is {size} bytes, more than the limit of {MAX_DOCUMENT_BYTES}",
            file=name,
        )
    try:
        book = openpyxl.load_workbook(name, read_only=True, data_only=True)
    except Exception as err:  # openpyxl raises zipfile, KeyError, XML errors… for a bad file
        raise DataError(
            f"not a readable .xlsx workbook ({type(err).__name__})", file=name
        ) from None
    try:
        if sheet is None:
            chosen = book.worksheets[0]
        elif sheet in book.sheetnames:
            chosen = book[sheet]
        else:
            raise DataError(
                f"no sheet {sheet!r}", file=name, expected=f"one of {', '.join(book.sheetnames)}"
            )
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        for row in chosen.iter_rows():
            writer.writerow(_row_texts(row))
        return f"{name}[{chosen.title}]", out.getvalue()
    finally:
        book.close()


def _row_texts(row: Iterable[object]) -> list[str]:
    texts = [
        cell_text(getattr(c, "value", None), getattr(c, "number_format", "General")) for c in row
    ]
    while texts and not texts[-1]:
        texts.pop()  # a sheet's trailing empty cells are no columns
    return texts


def cell_text(value: object, number_format: str = "General") -> str:
    """One workbook cell as the text a CSV would hold (see the module's rules).

    >>> cell_text(4036, "00000"), cell_text(86.5), cell_text(0.86, "0%"), cell_text(0.125, "0.0%")
    ('04036', '86,5', '86%', '12,5%')
    >>> import datetime
    >>> cell_text(datetime.datetime(2023, 6, 30)), cell_text(True), cell_text("Đạt\\nghi chú")
    ('30/06/2023', 'true', 'Đạt ghi chú')
    >>> cell_text(1e-7), cell_text(2.0), cell_text(None)
    ('0,0000001', '2', '')
    """
    if value is None:
        return ""
    if isinstance(value, str):
        return " ".join(value.splitlines()) if "\n" in value or "\r" in value else value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime.datetime):
        return (
            value.strftime("%d/%m/%Y")
            if value.time() == datetime.time()
            else value.strftime("%d/%m/%Y %H:%M")
        )
    if isinstance(value, datetime.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, int | float):
        return _number_text(value, number_format)
    return str(value)


def _number_text(value: int | float, number_format: str) -> str:
    exact = decimal.Decimal(repr(value)) if isinstance(value, float) else decimal.Decimal(value)
    shape = number_format.split(";", 1)[0].strip()
    if shape.endswith("%"):
        return _decimal_text(exact * 100) + "%"
    text = _decimal_text(exact)
    if shape and set(shape) == {"0"} and exact == exact.to_integral_value() and exact >= 0:
        return text.zfill(len(shape))  # a code shown with its leading zeros
    return text


def _decimal_text(number: decimal.Decimal) -> str:
    """Exact, no exponent, no trailing zeros, comma for the decimal point."""
    text = format(number.normalize(), "f") if number else "0"
    return text.replace(".", ",")
