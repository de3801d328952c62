"""A set as a decision's table: the table's shape and its writing.

A provincial decision prints its criteria as a table: TT, tiêu chí, chỉ
tiêu, đơn vị, chỉ tiêu chung, a column per region (or the province's own
target) and căn cứ/nguồn.  :func:`set_to_table` writes any set as such a
table; ``_table_read`` turns one back into the plain data of a set file.

A threshold cell holds ``≥ 80``, ``≤ 4``, ``= 1``, ``từ 40 đến 60``, ``Đạt``,
``chưa quy định``, or — for what those cannot say — the requirement in
inline TOML (``{ at_least = { by_year = { 2022 = 39 } } }``).
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any

import attrs

from ntm_criteria._validators import as_tuple
from ntm_criteria.criteria._toml import inline_toml
from ntm_criteria.geography import regions
from ntm_criteria.rules import requirement_to_data
from ntm_criteria.units import parse_number

if TYPE_CHECKING:
    from ntm_criteria.criteria._set import CriterionSet

__all__ = [
    "ACHIEVED",
    "PERCENT",
    "TABLE_COLUMNS",
    "UNSPECIFIED",
    "SetTable",
    "TableRow",
    "column_letter",
    "set_to_table",
    "unit_cell",
]

#: The columns :func:`set_to_table` writes, in order; region columns come after ``Chỉ tiêu chung``.
TABLE_COLUMNS = (
    "TT",
    "Tiêu chí",
    "Chỉ tiêu",
    "Đơn vị",
    "Chỉ tiêu chung",
    "Căn cứ/nguồn",
    "Ghi chú",
    "Tiêu chí (EN)",
    "Chỉ tiêu (EN)",
)
PERCENT = "percent"
ACHIEVED, UNSPECIFIED = "Đạt", "chưa quy định"
_SIGNS = {"at_least": "≥", "at_most": "≤", "equals": "="}


@attrs.frozen
class TableRow:
    """One row of a table: where it stands (``line`` in a CSV, ``row`` on a sheet) and its cells.

    >>> TableRow(5, ("3.1", "Thủy lợi")).cells[0]
    '3.1'
    """

    number: int
    cells: tuple[str, ...] = attrs.field(converter=as_tuple)


@attrs.frozen
class SetTable:
    """A decision's table of criteria: a header and rows of text cells.

    ``sheet`` names the spreadsheet's sheet (``None`` for CSV); cells are
    named as ``Sheet!C5`` or ``line 5, column C``.

    >>> from ntm_criteria import demo
    >>> t = set_to_table(demo.example_set())
    >>> t.header[:5]
    ('TT', 'Tiêu chí', 'Chỉ tiêu', 'Đơn vị', 'Chỉ tiêu chung')
    >>> t.rows[0].cells[:5]
    ('3.1', 'Thủy lợi', 'Tưới tiêu chủ động', '%', '≥ 80')
    """

    header: tuple[str, ...] = attrs.field(converter=as_tuple)
    rows: tuple[TableRow, ...] = attrs.field(converter=as_tuple)
    header_row: int = 1
    sheet: str | None = None

    def cell(self, row: int, column: int) -> str:
        """Where a cell is, for a problem: ``Sheet!C5`` or ``line 5, column C``.

        >>> SetTable(("TT",), (), sheet="QĐ").cell(5, 0)
        'QĐ!A5'
        """
        letter = column_letter(column)
        if self.sheet is None:
            return f"line {row}, column {letter}"
        return f"{self.sheet}!{letter}{row}"

    def records(self) -> list[dict[str, str]]:
        """The rows as dicts of column to cell, as a CSV reader gives them.

        >>> SetTable(("TT", "Chỉ tiêu"), [TableRow(2, ("3.1", "x"))]).records()
        [{'TT': '3.1', 'Chỉ tiêu': 'x'}]
        """
        return [dict(zip(self.header, r.cells, strict=False)) for r in self.rows]


def column_letter(index: int) -> str:
    """The spreadsheet letter of a column counted from 0: A, …, Z, AA, …

    >>> column_letter(0), column_letter(25), column_letter(27)
    ('A', 'Z', 'AB')
    """
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


# -- writing -------------------------------------------------------------------------------


def set_to_table(s: CriterionSet) -> SetTable:
    """Any set as a decision's table: one row per indicator, in the set's order.

    A criterion's name stands on its first row; ``Chỉ tiêu chung`` holds the
    threshold, with a column per region when it varies by region.

    >>> from ntm_criteria import demo
    >>> t = set_to_table(demo.example_set())
    >>> t.header[4:6]
    ('Chỉ tiêu chung', 'TDMNPB')
    >>> [r.cells[4:6] for r in t.rows]
    [('≥ 80', ''), ('Đạt', ''), ('≥ 45', '≥ 39')]
    """
    shapes = [
        (criterion, first, indicator, _cells_of(indicator.requirement))
        for criterion in s.criteria
        for first, indicator in zip(
            [True] + [False] * len(criterion.indicators), criterion.indicators, strict=False
        )
    ]
    used = {code for *_, (_, by_region) in shapes for code in by_region}
    region_codes = [r.code for r in regions(s.region_scheme) if r.code in used]
    header = [*TABLE_COLUMNS[:5], *region_codes, *TABLE_COLUMNS[5:]]
    rows = []
    for number, (criterion, first, indicator, (general, by_region)) in enumerate(shapes, 2):
        cells = [
            indicator.code,
            criterion.name_vi if first else "",
            indicator.name_vi,
            unit_cell(indicator.unit),
            general,
            *(by_region.get(code, "") for code in region_codes),
            indicator.provenance.source or "",
            indicator.note or "",
            criterion.name_en if first else "",
            indicator.name_en,
        ]
        rows.append(TableRow(number, cells))
    return SetTable(header, rows)


def unit_cell(unit: str | None) -> str:
    """A unit as a table's Đơn vị cell writes it (``%`` for percent, empty for none)."""
    if unit is None:
        return ""
    return "%" if unit == PERCENT else unit


def _cells_of(requirement: Any) -> tuple[str, dict[str, str]]:
    """The threshold cells of a requirement: the general cell and the cells by region."""
    data = requirement_to_data(requirement)
    simple = _simple_cells(data)
    return simple if simple is not None else (inline_toml(data), {})


def _simple_cells(data: object) -> tuple[str, dict[str, str]] | None:
    if data == "achieved":
        return ACHIEVED, {}
    if data == "unspecified":
        return UNSPECIFIED, {}
    if not isinstance(data, Mapping) or len(data) != 1:
        return None
    ((op, value),) = data.items()
    if op == "between" and isinstance(value, list) and len(value) == 2:
        low, high = (_number_text(v) for v in value)
        return (f"từ {low} đến {high}", {}) if low and high else None
    if op not in _SIGNS:
        return None
    sign = _SIGNS[op]
    if (text := _number_text(value)) is not None:
        return f"{sign} {text}", {}
    if not isinstance(value, Mapping) or not set(value) <= {"by_region", "default"}:
        return None
    cases, default = value.get("by_region"), value.get("default")
    if not isinstance(cases, Mapping) or not cases:
        return None
    texts = {str(code): _number_text(v) for code, v in cases.items()}
    general = "" if default is None else _number_text(default)
    if general is None or any(t is None for t in texts.values()):
        return None
    return (f"{sign} {general}" if general else ""), {c: f"{sign} {t}" for c, t in texts.items()}


def _number_text(value: object) -> str | None:
    """A number as an office writes it (``72,56``), or None when it is not a plain decimal."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    number = Fraction(value) if isinstance(value, int) else Fraction(Decimal(repr(value)))
    text = _decimal_text(number)
    # Only what reads back as the same number is written plainly.
    return text if text is not None and Fraction(parse_number(text)) == number else None


def _decimal_text(number: Fraction) -> str | None:
    for places in range(13):
        scaled = number * 10**places
        if scaled.denominator == 1:
            break
    else:
        return None
    digits = f"{abs(scaled.numerator):0{places + 1}d}"
    whole, fraction = digits[: len(digits) - places], digits[len(digits) - places :]
    sign = "-" if number < 0 else ""
    return f"{sign}{whole},{fraction}" if fraction else f"{sign}{whole}"
