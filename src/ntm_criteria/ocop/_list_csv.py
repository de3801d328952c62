"""A commune's OCOP product list from CSV: certified products and those awaiting rating."""

from __future__ import annotations

import datetime
import functools
from pathlib import Path

import attrs

from ntm_criteria._document import CsvColumns, CsvRow
from ntm_criteria._published import FigureTable, normalized_word, words
from ntm_criteria._spreadsheet import read_table_text
from ntm_criteria._validators import as_tuple
from ntm_criteria.errors import NtmError
from ntm_criteria.ocop._certificates import Certificate
from ntm_criteria.ocop._registrations import OcopCount, Registration, count_products
from ntm_criteria.periods import as_date

__all__ = ["PRODUCT_LIST_COLUMNS", "ProductList", "read_product_list", "reads_product_list"]

#: The columns of an OCOP product list (``stars`` and ``decision`` may be empty).
PRODUCT_LIST_COLUMNS = ("code", "name", "commune", "status", "stars", "date", "decision")
_COLUMNS = CsvColumns(PRODUCT_LIST_COLUMNS, ("code", "name", "commune", "status", "date"))
_STATUSES = ("certified", "awaiting")


@functools.cache
def _status_words() -> dict[str, str]:
    return {word: key for key in _STATUSES for word in words(f"ocop.status_words.{key}")}


@attrs.frozen(slots=True)
class ProductList:
    """The certificates and the registrations awaiting rating of a product list.

    >>> items = reads_product_list('''code,name,commune,status,stars,date,decision
    ... A,Chè,HL,đã công nhận,3,1/6/2023,
    ... B,Mật ong,HL,chờ đánh giá,,1/9/2023,
    ... ''')
    >>> items.counts("31/12/2023")
    {'HL': OcopCount(commune='HL', certified=1, awaiting=1)}
    """

    certificates: tuple[Certificate, ...] = attrs.field(converter=as_tuple)
    registrations: tuple[Registration, ...] = attrs.field(converter=as_tuple)

    def counts(self, on: datetime.date | str, *, min_stars: int = 3) -> dict[str, OcopCount]:
        """Per commune, certified and awaiting on ``on`` (see :func:`count_products`).

        >>> ProductList((), ()).counts("1/1/2024")
        {}
        """
        return count_products(
            self.certificates, self.registrations, on=as_date(on), min_stars=min_stars
        )


def reads_product_list(text: str, *, file: str | None = None) -> ProductList:
    """An OCOP product list from CSV text: one product per row.

    ``status`` is ``certified`` (``đã công nhận``) or ``awaiting``
    (``chờ đánh giá``); ``date`` is the recognition date of a certified
    product and the registration date of one awaiting rating.  ``stars`` (3
    to 5) is given for a certified product when known, and must be empty for
    one awaiting rating.  Every problem is reported at once, naming the
    file, line and column.

    >>> reads_product_list('''code,name,commune,status,stars,date
    ... A,Chè,HL,đạt,6,1/6/2023
    ... B,Mận,HL,chờ đánh giá,4,1/9/2023
    ... C,Mơ,HL,bỏ,,1/9/2023
    ... ''', file="ocop.csv")
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.DataErrors: ocop.csv: 3 problems:
      - line 2: stars: 6 is outside 3–5 (expected 3, 4 or 5 stars, or empty when not known)
      - line 3: stars: 4 stars for a product awaiting its rating (expected an empty cell)
      - line 4: status: unknown status 'bỏ' (expected certified (đã công nhận) or awaiting (chờ đánh giá))
    """
    table = FigureTable(text, file, _COLUMNS)
    certificates: list[Certificate] = []
    registrations: list[Registration] = []
    seen: dict[tuple[str, str], int | None] = {}
    for row in table:
        before = len(table.problems)
        fields = [table.text(row, c) for c in ("code", "name", "commune")]
        status = _status(table, row)
        stars = _stars(table, row, status)
        day = table.date(row, "date")
        decision = table.text(row, "decision", required=False)
        code, name, commune = fields
        if len(table.problems) != before or code is None or name is None or commune is None:
            continue
        if status is None or day is None:
            continue
        if (code, status) in seen:
            first = seen[(code, status)]
            table.problem(
                row, "code", f"product {code} listed {status} again (first at line {first})"
            )
            continue
        seen[(code, status)] = row.line
        try:
            if status == "certified":
                certificates.append(Certificate(code, name, commune, stars, day, decision=decision))
            else:
                registrations.append(Registration(code, name, commune, day))
        except NtmError as err:
            table.problem(row, "date", str(err))
    table.raise_if_any()
    return ProductList(certificates, registrations)


def _status(table: FigureTable, row: CsvRow) -> str | None:
    value = table.text(row, "status")
    if value is None:
        return None
    status = _status_words().get(normalized_word(value))
    if status is None:
        table.problem(
            row,
            "status",
            f"unknown status {value!r}",
            expected="certified (đã công nhận) or awaiting (chờ đánh giá)",
        )
    return status


def _stars(table: FigureTable, row: CsvRow, status: str | None) -> int | None:
    if status == "awaiting" and table.raw(row, "stars"):
        table.problem(
            row,
            "stars",
            f"{table.raw(row, 'stars')} stars for a product awaiting its rating",
            expected="an empty cell",
        )
        return None
    stars = table.count(row, "stars")
    if stars is not None and not 3 <= stars <= 5:
        table.problem(
            row,
            "stars",
            f"{stars} is outside 3–5",
            expected="3, 4 or 5 stars, or empty when not known",
        )
        return None
    return stars


def read_product_list(path: str | Path) -> ProductList:
    """An OCOP product list from a UTF-8 CSV file or a workbook sheet (``book.xlsx#Sheet``); see :func:`reads_product_list`.

    >>> read_product_list("no/such.csv")
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.DataError: no/such.csv: cannot read the file: No such file or directory
    """
    name, text = read_table_text(path)  # a CSV file, or a workbook's sheet
    return reads_product_list(text, file=name)
