"""Reading tables of published figures (rates, counts, scores, years), every problem located.

Offices that have no microdata keep the figures they publish in small CSV
tables: one row per locality or product.  The domains read them with
:class:`FigureTable`, which checks every cell of every row, collects each
problem with its line and column, and raises them together
(:class:`~ntm_criteria.errors.DataErrors` naming the file) so that nothing is
half-loaded.
"""

from __future__ import annotations

import datetime
import unicodedata
from collections.abc import Iterator
from fractions import Fraction
from typing import get_args

from ntm_criteria._document import CsvColumns, CsvRow, csv_rows
from ntm_criteria._validators import check_magnitude, check_number_text, nfc
from ntm_criteria.errors import DataError, DataErrors, NtmError
from ntm_criteria.periods import as_date
from ntm_criteria.text import Lang, message
from ntm_criteria.units import parse_number

__all__ = ["FigureTable", "normalized_word", "words"]

_NUMBER = "a number in Vietnamese format such as 2,62"


class FigureTable:
    """The rows of one CSV table of figures, and the located problems of its cells.

    >>> table = FigureTable("code,rate\\nA,2,62\\nB,120\\n", "r.csv", CsvColumns(("code", "rate"), ("code",)))
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.DataErrors: r.csv: 1 problem:
      - line 2: 3 cells for 2 columns (expected one cell per column ...)
    >>> table = FigureTable('code,rate\\nA,"2,62"\\nB,120\\n', "r.csv", CsvColumns(("code", "rate"), ("code",)))
    >>> [table.percent(row, "rate") for row in table]
    [Fraction(131, 50), None]
    >>> table.raise_if_any()
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.DataErrors: r.csv: 1 problem:
      - line 3: rate: 120 is outside 0–100 (expected a percent from 0 to 100, e.g. 2,62)
    """

    def __init__(self, text: str, file: str | None, columns: CsvColumns) -> None:
        if not isinstance(text, str):
            raise DataError(
                f"{type(text).__name__} is not CSV text", file=file, expected="a string"
            )
        self.file = file
        self.rows = csv_rows(text, file, columns)
        self.problems: list[DataError] = []
        self._surplus(columns)

    def _surplus(self, columns: CsvColumns) -> None:
        # A comma decimal left unquoted splits a cell in two: refuse the row, never shift it.
        for row in self.rows:
            cells = self._cells(row)
            surplus = cells.get(None)
            if isinstance(surplus, list):
                named = len(cells) - 1
                self.problems.append(
                    DataError(
                        f"{named + len(surplus)} cells for {named} columns",
                        line=row.line,
                        expected='one cell per column (quote a comma decimal: "2,62")',
                    )
                )
        self.raise_if_any()

    def __iter__(self) -> Iterator[CsvRow]:
        return iter(self.rows)

    @staticmethod
    def _cells(row: CsvRow) -> dict[str | None, object]:
        cells = row.cells
        return cells if isinstance(cells, dict) else {}

    def problem(self, row: CsvRow, column: str, message: str, expected: str | None = None) -> None:
        """Record a problem of ``column`` in ``row``."""
        self.problems.append(DataError(message, line=row.line, key_path=column, expected=expected))

    def raw(self, row: CsvRow, column: str) -> str:
        """The cell's text, stripped ("" when the column is absent or the cell empty)."""
        value = self._cells(row).get(column)
        return value.strip() if isinstance(value, str) else ""

    def text(self, row: CsvRow, column: str, *, required: bool = True) -> str | None:
        """The cell's text in NFC; ``None`` when empty (a problem when ``required``)."""
        value = self.raw(row, column)
        if not value:
            if required:
                self.problem(row, column, "missing", expected="a value")
            return None
        return nfc(value)

    def number(
        self,
        row: CsvRow,
        column: str,
        *,
        required: bool = False,
        most: Fraction | None = None,
        expected: str = _NUMBER,
    ) -> Fraction | None:
        """A number ≥ 0 (and ≤ ``most`` when given), written the Vietnamese way."""
        value = self.raw(row, column)
        if not value:
            if required:
                self.problem(row, column, "missing", expected=expected)
            return None
        try:
            check_number_text(value)
            number = check_magnitude(Fraction(parse_number(value)))
        except NtmError:
            self.problem(row, column, f"cannot read {value!r} as a number", expected=expected)
            return None
        if number < 0 or (most is not None and number > most):
            bound = f"0–{_shown(most)}" if most is not None else "≥ 0"
            self.problem(row, column, f"{value} is outside {bound}", expected=expected)
            return None
        return number

    def percent(self, row: CsvRow, column: str, *, required: bool = False) -> Fraction | None:
        """A percent from 0 to 100: ``2,62``, ``2,62%`` or ``2,62 %`` are all 2.62 percent."""
        expected = "a percent from 0 to 100, e.g. 2,62"
        value = self.raw(row, column)
        cells = self._cells(row)
        if value == "%":
            self.problem(row, column, "a percent sign without a number", expected=expected)
            return None
        if value.endswith("%"):
            cells = {**cells, column: value[:-1]}
        inner = CsvRow(row.number, row.line, cells)
        return self.number(inner, column, required=required, most=Fraction(100), expected=expected)

    def count(self, row: CsvRow, column: str, *, required: bool = False) -> int | None:
        """A whole number ≥ 0 (``1.234`` is one thousand two hundred and thirty-four)."""
        expected = "a whole number ≥ 0"
        number = self.number(row, column, required=required, expected=expected)
        if number is None:
            return None
        if number.denominator != 1:
            self.problem(row, column, f"{self.raw(row, column)} is not a whole number", expected)
            return None
        return int(number)

    def date(self, row: CsvRow, column: str, *, required: bool = True) -> datetime.date | None:
        """A day-first date (``31/12/2022``) or an ISO one (``2022-12-31``)."""
        value = self.raw(row, column)
        if not value:
            if required:
                self.problem(row, column, "missing", expected="a date such as 31/12/2022")
            return None
        try:
            return as_date(value)
        except NtmError as err:
            self.problem(row, column, str(err))
            return None

    def raise_if_any(self) -> None:
        """Raise every problem found so far, together, naming the file."""
        if self.problems:
            raise DataErrors(self.problems, file=self.file)


def _shown(number: Fraction) -> str:
    return str(number.numerator) if number.denominator == 1 else str(float(number))


def normalized_word(text: str) -> str:
    """A word as tables compare it: NFC, lower case, single spaces.

    >>> normalized_word("  Khu  vực Đô thị ")
    'khu vực đô thị'
    """
    return " ".join(unicodedata.normalize("NFC", text).lower().split())


def words(key: str) -> frozenset[str]:
    """The comma-separated words of message ``key`` in both languages, normalised.

    >>> sorted(words("poverty.flag_words.unknown"))
    ['chưa rõ', 'không rõ', 'unknown']
    """
    found = (message(key, lang).split(",") for lang in get_args(Lang))
    return frozenset(normalized_word(w) for texts in found for w in texts)
