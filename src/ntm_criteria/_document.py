"""Reading data documents (TOML files, plain tables) with every problem collected.

The loaders of criterion sets, poverty standards, urban classification rules
and OCOP rules share this: each problem is recorded with its key path, and the
whole document is read before anything is raised, so that a person fixing a
file sees every mistake at once.  Private: the public loaders wrap it.
"""

from __future__ import annotations

import csv
import datetime
import difflib
import io
import re
import tomllib
from collections.abc import Callable, Mapping, Sequence
from fractions import Fraction
from pathlib import Path
from typing import Any

import attrs

from ntm_criteria._validators import (
    MAX_DOCUMENT_BYTES,
    MAX_NESTING,
    MAX_NUMBER_CHARACTERS,
    key_path,
    nfc,
    nfc_keys,
    shown,
)
from ntm_criteria.errors import DataError, DataErrors, NtmError
from ntm_criteria.periods import as_date
from ntm_criteria.rules import (
    Problems,
    Provenance,
    ValueSpec,
    number_from_data,
    provenance_from_data,
    value_from_data,
)

__all__ = [
    "CsvColumns",
    "CsvRow",
    "DataReader",
    "csv_delimiter",
    "csv_rows",
    "key_path",
    "parse_toml",
    "read_text_file",
]


def parse_toml(text: str, file: str | None = None) -> dict[str, Any]:
    """TOML text as plain data; invalid TOML is a :class:`DataErrors` with the line.

    Table keys come back in Unicode normal form C
    (:func:`~ntm_criteria._validators.nfc`); values are kept as written.  A document over :data:`~ntm_criteria._validators.MAX_DOCUMENT_BYTES`, nested
    deeper than :data:`~ntm_criteria._validators.MAX_NESTING` or holding an
    integer too long to read is refused the same way, before any slow work.

    >>> parse_toml("a = 1")
    {'a': 1}
    >>> parse_toml("a = = 1", "x.toml")
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.DataErrors: x.toml: 1 problem:
      - line 1: invalid TOML: Invalid value
    >>> parse_toml("a = " + "[" * 100 + "]" * 100, "x.toml")
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.DataErrors: x.toml: 1 problem:
      - line 1: invalid TOML: nested deeper than 64 levels
    """
    if len(text) > MAX_DOCUMENT_BYTES:
        problem = DataError(
            f"the document has {len(text)} characters",
            expected=f"at most {MAX_DOCUMENT_BYTES} bytes",
        )
        raise DataErrors([problem], file=file)
    depth_line = _too_deep(text)
    if depth_line is not None:
        problem = DataError(
            f"invalid TOML: nested deeper than {MAX_NESTING} levels", line=depth_line
        )
        raise DataErrors([problem], file=file)
    try:
        return dict(nfc_keys(tomllib.loads(text)))
    except tomllib.TOMLDecodeError as err:
        message = str(err)
        found = re.search(r"\(at line (\d+), column (\d+)\)", message)
        line = int(found.group(1)) if found else None
        if found is None and "end of document" in message:
            line = text.count("\n") + 1
        message = re.sub(r"\s*\(at line \d+, column \d+\)", "", message)
        raise DataErrors([DataError(f"invalid TOML: {message}", line=line)], file=file) from None
    except (ValueError, RecursionError) as err:  # e.g. an integer of over 4,300 digits
        found = re.search(rf"\d{{{MAX_NUMBER_CHARACTERS},}}", text)
        line = text.count("\n", 0, found.start()) + 1 if found else None
        why = "a number is too long" if found else str(err)
        raise DataErrors([DataError(f"invalid TOML: {why}", line=line)], file=file) from None


_BRACKET = re.compile(r"[\[\]{}]")


def _too_deep(text: str) -> int | None:
    """The line where brackets and braces first nest deeper than allowed, if they do.

    Brackets inside strings and comments count too: a document that nests its
    text that deeply is refused with the rest.
    """
    depth = 0
    for found in _BRACKET.finditer(text):
        if found.group() in "[{":
            depth += 1
            if depth > MAX_NESTING:
                return text.count("\n", 0, found.start()) + 1
        else:
            depth = max(0, depth - 1)
    return None


def read_text_file(path: str | Path) -> str:
    """A UTF-8 text file (a byte-order mark is allowed); a :class:`DataError` naming it otherwise.

    >>> read_text_file("no/such/file.toml")
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.DataError: no/such/file.toml: cannot read the file: No such file or directory
    >>> read_text_file("bad" + chr(0) + ".toml")
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.DataError: bad\\0.toml: cannot read the file: the path holds a NUL character
    """
    name = str(path).replace("\0", "\\0")  # shown, never a NUL in a message
    try:
        raw = Path(path).read_bytes()
    except OSError as err:
        raise DataError(f"cannot read the file: {err.strerror or err}", file=name) from None
    except ValueError:  # a NUL byte in the path
        raise DataError("cannot read the file: the path holds a NUL character", file=name) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        # A spreadsheet's "Unicode text" is UTF-16; its plain "CSV" is the Windows code page.
        what = "UTF-16 text" if raw[:2] in (b"\xff\xfe", b"\xfe\xff") else f"byte {err.start}"
        raise DataError(
            f"not UTF-8 text ({what})",
            file=name,
            expected="a UTF-8 encoded file (from a spreadsheet: save as CSV UTF-8)",
        ) from None


@attrs.frozen
class CsvColumns:
    """The columns a table may have, and those it must have.

    >>> CsvColumns(("code", "name", "note"), ("code", "name")).expected
    'columns code,name,note (code, name required)'
    """

    names: tuple[str, ...]
    required: tuple[str, ...]

    @property
    def expected(self) -> str:
        """The columns in words, for the ``expected`` part of a problem."""
        return f"columns {','.join(self.names)} ({', '.join(self.required)} required)"


@attrs.frozen
class CsvRow:
    """One row of a table: its number (from 1), its first line in the file, its cells.

    ``line`` is ``None`` for rows that did not come from a file; ``cells`` is
    the row as given (a mapping of column to text when read by :func:`csv_rows`,
    with surplus fields under the key ``None`` as :class:`csv.DictReader` does).

    >>> CsvRow(2, 3, {"code": "14"}).where("kind")
    'row 2: kind'
    """

    number: int
    line: int | None
    cells: object

    def where(self, field: str | None = None) -> str:
        """The key path of the row, or of one of its fields."""
        return f"row {self.number}" if field is None else f"row {self.number}: {field}"


#: Checks a table's header (its names in NFC, its line, the columns): the problems found.
HeaderCheck = Callable[[list[str], int, CsvColumns], list[DataError]]


def csv_rows(
    text: str,
    file: str | None,
    columns: CsvColumns,
    *,
    check_header: HeaderCheck | None = None,
) -> list[CsvRow]:
    """The data rows of CSV ``text`` with their row and line numbers; the header is checked.

    Blank lines are skipped (before the header too); a quoted cell may span
    lines, and a row's line is the one it starts on.  A leading byte-order
    mark is dropped, lines may end in CRLF, fields are separated by ``,`` or,
    as a spreadsheet saves them in many locales, by ``;``
    (:func:`csv_delimiter`), and column names are compared in NFC
    (:func:`~ntm_criteria._validators.nfc`).  An empty file, a bad header or
    malformed CSV is a :class:`DataError` naming ``file``.  ``check_header``
    replaces the default check (unknown, repeated and missing required
    columns) for tables with rules of their own.

    >>> columns = CsvColumns(("code", "name"), ("code", "name"))
    >>> rows = csv_rows("code,name\\n\\n14,Sơn La\\n", "t.csv", columns)
    >>> [(r.number, r.line, r.cells) for r in rows]
    [(1, 3, {'code': '14', 'name': 'Sơn La'})]
    >>> csv_rows("code,typ\\n", "t.csv", columns)
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.DataErrors: t.csv: 2 problems:
      - line 1: header: unknown column(s) 'typ' ...
      - line 1: header: missing required column(s) name ...
    """
    text = text.removeprefix("\ufeff")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=csv_delimiter(text))
    check = check_header or _header_problems
    rows: list[CsvRow] = []
    header: list[str] | None = None
    previous_end = 0
    try:
        for fields in reader:
            start, previous_end = previous_end + 1, reader.line_num
            if not fields:
                continue
            if header is None:
                header = _header_names(fields)
                problems = check(header, start, columns)
                if problems:
                    raise DataErrors(problems, file=file)
                continue
            cells: dict[str | None, object] = dict(zip(header, fields, strict=False))
            surplus = fields[len(header) :]
            if any(cell.strip() for cell in surplus):
                cells[None] = surplus  # as csv.DictReader does; reported as a row problem
            rows.append(CsvRow(len(rows) + 1, start, cells))
    except csv.Error as err:
        raise DataError(f"malformed CSV: {err}", file=file, line=reader.line_num) from err
    if header is None:
        raise DataError(
            "the file is empty", file=file, expected=f"a header with {columns.expected}"
        )
    return rows


def csv_delimiter(text: str) -> str:
    """``;`` when the header line has more semicolons than commas (outside quotes), else ``,``.

    Spreadsheets set to a locale whose decimal mark is the comma save CSV with
    ``;`` between fields.  Only the header line is looked at, so that the
    choice never depends on the data (``86,5`` in a cell).

    >>> csv_delimiter("mã xã;tiêu chí;giá trị\\r\\n04036;3.1;86,5\\r\\n"), csv_delimiter("a,b\\n")
    (';', ',')
    """
    for line in text.splitlines():
        if line.strip():
            outside = "".join(line.split('"')[::2])  # the parts between quoted names
            return ";" if outside.count(";") > outside.count(",") else ","
    return ","


def _header_names(fields: list[str]) -> list[str]:
    """The column names in NFC; the empty names a spreadsheet adds at the end are dropped."""
    names = [nfc(name.strip()) for name in fields]
    while names and not names[-1]:
        names.pop()
    return names


def _header_problems(header: list[str], line: int, columns: CsvColumns) -> list[DataError]:
    problems: list[DataError] = []

    def add(message: str) -> None:
        problems.append(DataError(message, line=line, key_path="header", expected=columns.expected))

    unknown = [name for name in header if name not in columns.names]
    if unknown:
        add(f"unknown column(s) {', '.join(map(repr, unknown))}")
    repeated = sorted({name for name in header if header.count(name) > 1})
    if repeated:
        add(f"repeated column(s) {', '.join(map(repr, repeated))}")
    missing = [name for name in columns.required if name not in header]
    if missing:
        add(f"missing required column(s) {', '.join(missing)}")
    return problems


class DataReader:
    """Reads one document, adding problems to ``problems`` instead of raising.

    >>> reader = DataReader()
    >>> reader.text({"name": 3}, "name", "items[0]") is None
    True
    >>> reader.problems.items[0].key_path
    'items[0].name'
    """

    def __init__(self, problems: Problems | None = None) -> None:
        self.problems = problems if problems is not None else Problems()

    def keys(
        self, data: Mapping[str, Any], known: Sequence[str], path: str, *, hint: bool = True
    ) -> None:
        """Report every key of ``data`` that is not ``known``, with a did-you-mean ``hint``."""
        for key in data:
            if key not in known:
                close = difflib.get_close_matches(str(key), known, n=1) if hint else []
                suggestion = f"; did you mean {close[0]!r}?" if close else ""
                self.problems.add(
                    key_path(path, str(key)),
                    f"unknown key {shown(key)}{suggestion}",
                    expected=", ".join(known),
                )

    def text(
        self, data: Mapping[str, Any], key: str, path: str, *, required: bool = True
    ) -> str | None:
        """A non-empty string, or ``None`` with a problem (or silently when optional)."""
        value = data.get(key)
        if value is None:
            if required:
                self.problems.add(key_path(path, key), "missing", expected="a string")
            return None
        if not isinstance(value, str) or not value.strip():
            self.problems.add(
                key_path(path, key),
                f"{shown(value)} is not a non-empty string",
                expected="a string",
            )
            return None
        return value

    def date(
        self,
        data: Mapping[str, Any],
        key: str,
        path: str,
        *,
        required: bool = True,
        example: str = "2023-01-01",
    ) -> datetime.date | None:
        """A TOML date or a day-first Vietnamese date string."""
        value = data.get(key)
        expected = f"a date such as {example}"
        if value is None:
            if required:
                self.problems.add(key_path(path, key), "missing", expected=expected)
            return None
        if isinstance(value, datetime.date | str) and not isinstance(value, datetime.datetime):
            try:
                return as_date(value)
            except NtmError as err:
                self.problems.add(key_path(path, key), str(err))
                return None
        self.problems.add(key_path(path, key), f"{shown(value)} is not a date", expected=expected)
        return None

    def number(
        self, data: Mapping[str, Any], key: str, path: str, *, required: bool = True
    ) -> Fraction | None:
        """An exact number (see :func:`~ntm_criteria.rules.number_from_data`)."""
        if key not in data:
            if required:
                self.problems.add(key_path(path, key), "missing", expected="a number")
            return None
        return number_from_data(data[key], key_path(path, key), self.problems)

    def value(
        self, data: Mapping[str, Any], key: str, path: str, *, required: bool = True
    ) -> ValueSpec | None:
        """A threshold value (see :func:`~ntm_criteria.rules.value_from_data`)."""
        if key not in data:
            if required:
                self.problems.add(
                    key_path(path, key), "missing", expected='a number or "unspecified"'
                )
            return None
        return value_from_data(data[key], key_path(path, key), self.problems)

    def whole(self, data: Mapping[str, Any], key: str, path: str) -> int | None:
        """A positive whole number."""
        value = data.get(key)
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            self.problems.add(
                key_path(path, key),
                f"{shown(value)} is not a positive whole number",
                expected="e.g. 1",
            )
            return None
        return value

    def strings(self, data: Mapping[str, Any], key: str, path: str) -> list[str]:
        """A non-empty list of strings (a single string counts as a list of one)."""
        value = data.get(key)
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
            self.problems.add(
                key_path(path, key), f"{shown(value)} is not a list of names", expected="strings"
            )
            return []
        return list(value)

    def tables(
        self, data: Mapping[str, Any], key: str, path: str
    ) -> list[tuple[str, Mapping[str, Any]]]:
        """The ``[[key]]`` tables with their key paths; other items are problems."""
        value = data.get(key, [])
        if not isinstance(value, list):
            self.problems.add(
                key_path(path, key), "not an array of tables", expected=f"[[{key}]] tables"
            )
            return []
        found = []
        for index, item in enumerate(value):
            item_path = f"{key_path(path, key)}[{index}]"
            if isinstance(item, Mapping):
                found.append((item_path, item))
            else:
                self.problems.add(item_path, f"{shown(item)} is not a table", expected="a table")
        return found

    def provenance(self, data: Mapping[str, Any], path: str, base: Provenance) -> Provenance:
        """The table's provenance, its missing keys taken from ``base``."""
        return provenance_from_data(data, path, self.problems, base) or base

    def version(self, data: Mapping[str, Any], supported: int) -> None:
        """Check the document's ``format`` key (absent means ``supported``)."""
        found = data.get("format", supported)
        if found != supported:
            self.problems.add(
                "format",
                f"format {shown(found)} is not supported",
                expected=f"format = {supported}",
            )

    def table(self, data: Mapping[str, Any], key: str) -> Mapping[str, Any]:
        """The ``[key]`` table, or an empty one with a problem."""
        value = data.get(key)
        if not isinstance(value, Mapping):
            self.problems.add(key, "missing or not a table", expected=f"a [{key}] table")
            return {}
        return value

    def row_problem(
        self, row: CsvRow, field: str | None, message: str, expected: str | None = None
    ) -> None:
        """Record a problem of one table row (or of one of its fields), with its line."""
        self.problems.items.append(
            DataError(message, line=row.line, key_path=row.where(field), expected=expected)
        )

    def row_cells(self, row: CsvRow, columns: CsvColumns) -> dict[str, str] | None:
        """The row's cells, stripped; ``None`` (with problems) when unusable, or when blank.

        >>> reader = DataReader()
        >>> reader.row_cells(CsvRow(1, None, {"code": " 14 "}), CsvColumns(("code",), ("code",)))
        {'code': '14'}
        >>> reader.row_cells(CsvRow(2, None, {"kode": "1"}), CsvColumns(("code",), ("code",)))
        >>> str(reader.problems.items[0])
        "row 2: unknown column(s) 'kode' (expected columns code (code required))"
        """
        if not isinstance(row.cells, Mapping):
            self.row_problem(
                row, None, f"row is a {type(row.cells).__name__}, not a mapping", columns.expected
            )
            return None
        cells: dict[str, str] = {}
        ok = True
        unknown: list[str] = []
        for key, value in row.cells.items():
            if key is None:  # where csv.DictReader puts surplus fields
                self.row_problem(row, None, "row has more fields than the header has columns")
                ok = False
            elif not isinstance(key, str) or key not in columns.names:
                unknown.append(repr(key))
            elif value is None:
                cells[key] = ""
            elif isinstance(value, str):
                cells[key] = value.strip()
            else:
                self.row_problem(row, key, f"{key} is a {type(value).__name__}, not text")
                ok = False
        if unknown:
            self.row_problem(row, None, f"unknown column(s) {', '.join(unknown)}", columns.expected)
            ok = False
        if not ok or not any(cells.values()):
            return None  # unusable, or a blank row
        missing = [key for key in columns.required if key not in cells]
        if missing:
            self.row_problem(row, None, f"missing column(s) {', '.join(missing)}", columns.expected)
            return None
        return cells
