"""A decision's table read into a set file that extends a parent set, every problem in its cell.

Thresholds come only from the table: a cell that does not say what it
requires (a bare ``80``) is a problem, never a guess.  A threshold cell holds
``≥ 80``, ``≤ 4``, ``= 1``, ``từ 40 đến 60``, ``Đạt``, ``chưa quy định``, or —
for what those cannot say — the requirement in inline TOML.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import TYPE_CHECKING, Any

import attrs

from ntm_criteria._document import parse_toml
from ntm_criteria._validators import check_magnitude, check_number_text, nfc
from ntm_criteria.criteria._table import (
    ACHIEVED,
    PERCENT,
    TABLE_COLUMNS,
    UNSPECIFIED,
    SetTable,
    TableRow,
    unit_cell,
)
from ntm_criteria.errors import DataError, DataErrors, NtmError
from ntm_criteria.geography import regions
from ntm_criteria.rules import number_to_data, requirement_to_data
from ntm_criteria.units import parse_number

if TYPE_CHECKING:
    from ntm_criteria.criteria._set import CriterionSet

__all__ = ["cell_of_key_path", "code_of", "place_rows", "read_header", "table_to_set_data"]

_FIELDS = (
    "code",
    "criterion",
    "indicator",
    "unit",
    "general",
    "source",
    "note",
    "criterion_en",
    "indicator_en",
)
# Other spellings a decision's table uses for a column (compared in lower case, NFC).
_ALIASES = {
    "stt": "code",
    "tên tiêu chí": "criterion",
    "nội dung": "indicator",
    "nội dung chỉ tiêu": "indicator",
    "tên chỉ tiêu": "indicator",
    "đơn vị tính": "unit",
    "đvt": "unit",
    "chỉ tiêu của tỉnh": "province",
    "chỉ tiêu tỉnh": "province",
    "căn cứ": "source",
    "nguồn": "source",
    "căn cứ / nguồn": "source",
}
_SIGN_OF = {"≥": "at_least", ">=": "at_least", "≤": "at_most", "<=": "at_most", "=": "equals"}
# Longest first: ">=" before "=".
_SIGN_TEXTS = (">=", "<=", "≥", "≤", "=")
_FROM, _TO = "từ", "đến"
_CRITERION_NUMBER = re.compile(r"([0-9]{1,4})(?:\.|$)")
_WHOLE_NUMBER = re.compile(r"[0-9]{1,4}")
# A code typed into a sheet as a number reads the Vietnamese way: 3.1 shows as "3,1".
_CODE_AS_DECIMAL = re.compile(r"[0-9]{1,4},[0-9]{1,4}")


def code_of(text: str) -> str:
    """A TT cell's code: ``3,1`` (a code a sheet stored as a number) is ``3.1``.

    >>> code_of("3,1"), code_of("17.x1")
    ('3.1', '17.x1')
    """
    text = nfc(text.strip())
    return text.replace(",", ".") if _CODE_AS_DECIMAL.fullmatch(text) else text


@attrs.frozen
class _Columns:
    """Which column holds which field (by index) and which columns are regions."""

    fields: Mapping[str, int]
    regions: Mapping[str, int]  # region code -> column


def _header_key(text: str) -> str:
    return " ".join(nfc(text).split()).casefold()


def read_header(table: SetTable, scheme: str) -> tuple[_Columns, list[DataError]]:
    """The columns of a table's header, and the problems in it (unknown, repeated, missing)."""
    known = {_header_key(name): field for name, field in zip(TABLE_COLUMNS, _FIELDS, strict=True)}
    known.update(_ALIASES)
    by_region = {_header_key(r.code): r.code for r in regions(scheme)}
    by_region.update({_header_key(r.name_vi): r.code for r in regions(scheme)})
    fields: dict[str, int] = {}
    region_columns: dict[str, int] = {}
    problems = []
    for index, name in enumerate(table.header):
        key = _header_key(name)
        if not key:
            continue
        where = table.cell(table.header_row, index)
        field, region = known.get(key), by_region.get(key)
        target, slot = (fields, field) if field else (region_columns, region)
        if slot is None:
            expected = ", ".join(TABLE_COLUMNS) + ", or a region: " + ", ".join(by_region.values())
            problems.append(
                DataError(f"unknown column {name!r}", key_path=where, expected=expected)
            )
        elif slot in target:
            problems.append(DataError(f"column {name!r} is repeated", key_path=where))
        else:
            target[slot] = index
    if "code" not in fields:
        problems.append(
            DataError("no TT column", key_path=f"header (row {table.header_row})", expected="TT")
        )
    if "general" in fields and "province" in fields:
        problems.append(
            DataError(
                "both 'Chỉ tiêu chung' and 'Chỉ tiêu của tỉnh'",
                key_path=table.cell(table.header_row, fields["province"]),
                expected="one column of thresholds (with a column per region if they vary)",
            )
        )
    return _Columns(fields, region_columns), problems


@attrs.frozen
class _Row:
    """A row of the table read into fields, with the cells it came from."""

    table: SetTable
    row: TableRow
    columns: _Columns

    def get(self, field: str) -> str:
        index = self.columns.fields.get(field)
        if index is None or index >= len(self.row.cells):
            return ""
        return nfc(self.row.cells[index].strip())

    def where(self, field: str) -> str:
        index = self.columns.fields.get(field, 0)
        return self.table.cell(self.row.number, index)

    def threshold_field(self) -> str:
        return "province" if "province" in self.columns.fields else "general"

    def region_cells(self) -> dict[str, tuple[str, str]]:
        """The non-empty region cells: region code -> (text, where)."""
        found = {}
        for code, index in self.columns.regions.items():
            text = nfc(self.row.cells[index].strip()) if index < len(self.row.cells) else ""
            if text:
                found[code] = (text, self.table.cell(self.row.number, index))
        return found

    def is_blank(self) -> bool:
        return not any(cell.strip() for cell in self.row.cells)

    def is_heading(self) -> bool:
        """A row that only names a criterion or a group of criteria (TT and Tiêu chí)."""
        fields = ("indicator", "indicator_en", "unit", self.threshold_field(), "source", "note")
        return not any(self.get(f) for f in fields) and not self.region_cells()


def table_to_set_data(
    table: SetTable,
    parent: CriterionSet,
    *,
    set_id: str,
    file: str | None = None,
    title_vi: str | None = None,
    title_en: str | None = None,
    legal_basis: str | None = None,
    source: str | None = None,
) -> dict[str, Any]:
    """The plain data of a set file that extends ``parent`` with what the table says.

    A row whose code the parent has changes only what differs from the
    parent (an empty cell keeps the parent's); a new code is added to the
    criterion its number starts with (a new criterion when the parent has
    none).  Every problem is reported at once, each with its cell.

    >>> from ntm_criteria import demo
    >>> header = ("TT", "Tiêu chí", "Chỉ tiêu", "Đơn vị", "Chỉ tiêu chung")
    >>> table = SetTable(header, [TableRow(2, ("3.1", "", "", "%", "≥ 85"))])
    >>> data = table_to_set_data(table, demo.example_set(), set_id="tinh-x")
    >>> data["indicators"]
    {'3.1': {'requirement': {'at_least': 85}, 'source': ''}}
    """
    columns, problems = read_header(table, parent.region_scheme)
    if problems:
        raise DataErrors(problems, file=file)
    builder = _Builder(parent)
    for row in table.rows:
        found = _Row(table, row, columns)
        if not found.is_blank():
            builder.add(found)
    builder.finish()
    if builder.problems:
        raise DataErrors(builder.problems, file=file)
    data: dict[str, Any] = {
        "format": 1,
        "id": set_id,
        "extends": parent.id,
        "title_vi": title_vi or f"{parent.title_vi} ({set_id})",
        "title_en": title_en or f"{parent.title_en} ({set_id})",
        "legal_basis": legal_basis or (file or set_id),
        "source": source or "",
        "confidence": "provincial",
    }
    if builder.overrides:
        data["indicators"] = builder.overrides
    if builder.criteria:
        data["criteria"] = list(builder.criteria.values())
    return data


class _Builder:
    """Collects the overrides and added criteria of a table's rows, and its problems."""

    def __init__(self, parent: CriterionSet) -> None:
        self.parent = parent
        self.indicators = {i.code: i for i in parent.indicators()}
        self.criterion_of = {i.code: c for c in parent.criteria for i in c.indicators}
        self.numbers = {c.number: c for c in parent.criteria}
        self.overrides: dict[str, dict[str, Any]] = {}
        self.criteria: dict[int, dict[str, Any]] = {}
        self.names: dict[int, tuple[str, str]] = {}  # criterion -> (name, where) first given
        self.seen: dict[str, str] = {}
        self.first_rows: dict[int, _Row] = {}  # new criterion -> its first row
        self.problems: list[DataError] = []

    def problem(self, where: str, text: str, expected: str | None = None) -> None:
        self.problems.append(DataError(text, key_path=where, expected=expected))

    def add(self, row: _Row) -> None:
        width = len(row.table.header)
        surplus = [i for i, cell in enumerate(row.row.cells) if i >= width and cell.strip()]
        if surplus:
            where = row.table.cell(row.row.number, surplus[0])
            self.problem(where, "a cell beyond the last column", expected=f"{width} columns")
            return
        code = code_of(row.get("code"))
        if not code:
            self.problem(row.where("code"), "a row without a code", expected="TT: e.g. 3.1")
            return
        if code in self.seen:
            self.problem(
                row.where("code"), f"code {code!r} is repeated (first at {self.seen[code]})"
            )
            return
        self.seen[code] = row.where("code")
        if code in self.indicators:
            number = self.criterion_of[code].number
            self.criterion_names(row, number)
            unit = row.get("unit") or unit_cell(self.indicators[code].unit)
            self.override(row, code, self.requirement(row, unit))
            return
        if row.is_heading():
            self.heading(row, code)
            return
        found = _CRITERION_NUMBER.match(code)
        if found is None:
            expected = "a code that starts with its criterion's number, e.g. 17.6"
            self.problem(row.where("code"), f"code {code!r} names no criterion", expected)
            return
        number = int(found[1])
        self.criterion_names(row, number)
        self.added(row, code, number, self.requirement(row, row.get("unit")))

    def heading(self, row: _Row, code: str) -> None:
        """A criterion's heading names it; a group's (I, II… ) holds nothing to encode."""
        if not _WHOLE_NUMBER.fullmatch(code):
            return
        number = int(code)
        if number not in self.numbers:
            self.first_rows.setdefault(number, row)
            self.criteria.setdefault(number, {"number": number})
        self.criterion_names(row, number)

    def criterion_names(self, row: _Row, number: int) -> None:
        name, name_en = row.get("criterion"), row.get("criterion_en")
        if not name and not name_en:
            return
        if number in self.names and name and name != self.names[number][0]:
            first = self.names[number][1]
            self.problem(
                row.where("criterion"), f"criterion {number} is named otherwise at {first}"
            )
            return
        if name:
            self.names.setdefault(number, (name, row.where("criterion")))
        parent = self.numbers.get(number)
        changes = {
            key: text
            for key, text in (("name_vi", name), ("name_en", name_en))
            if text and (parent is None or getattr(parent, key) != text)
        }
        if changes:
            entry = self.criteria.setdefault(number, {"number": number})
            for key, text in changes.items():
                entry.setdefault(key, text)

    def override(self, row: _Row, code: str, requirement: object) -> None:
        old = self.indicators[code]
        change: dict[str, Any] = {}
        for key, field in (("name_vi", "indicator"), ("name_en", "indicator_en"), ("note", "note")):
            text = row.get(field)
            if text and text != getattr(old, key):
                change[key] = text
        unit = _unit_of(row.get("unit"))
        if unit and unit != old.unit:
            change["unit"] = unit
        if requirement is not None and requirement != requirement_to_data(old.requirement):
            change["requirement"] = requirement
        cited = row.get("source")
        if "requirement" in change or (cited and cited != (old.provenance.source or "")):
            change["source"] = cited
        if change:
            self.overrides[code] = change

    def added(self, row: _Row, code: str, number: int, requirement: object) -> None:
        entry = self.criteria.setdefault(number, {"number": number})
        if number not in self.numbers:
            self.first_rows.setdefault(number, row)
        indicator: dict[str, Any] = {"code": code}
        for key, field in (("name_vi", "indicator"), ("name_en", "indicator_en")):
            indicator[key] = row.get(field)
            if not indicator[key]:
                column = TABLE_COLUMNS[_FIELDS.index(field)]
                self.problem(row.where(field), f"indicator {code} is new: it needs '{column}'")
        if unit := _unit_of(row.get("unit")):
            indicator["unit"] = unit
        if requirement is None:
            where = row.where(row.threshold_field())
            self.problem(where, f"indicator {code} is new: it needs a threshold", _EXPECTED)
        indicator["requirement"] = requirement
        for key in ("source", "note"):
            if text := row.get(key):
                indicator[key] = text
        entry.setdefault("indicators", []).append(indicator)

    def finish(self) -> None:
        """Check that every new criterion is named, in both languages."""
        for number, row in self.first_rows.items():
            for key, field in (("name_vi", "criterion"), ("name_en", "criterion_en")):
                if key not in self.criteria[number]:
                    column = TABLE_COLUMNS[_FIELDS.index(field)]
                    self.problem(
                        row.where(field), f"criterion {number} is new: it needs '{column}'"
                    )

    def requirement(self, row: _Row, unit: str) -> object:
        """The requirement data of a row's threshold cells, or None when they are all empty.

        ``unit`` is the row's unit cell, or the parent's unit when the cell is empty.
        """
        field = row.threshold_field()
        general, where = row.get(field), row.where(field)
        regional = row.region_cells()
        try:
            if not regional:
                return _whole_cell(general, unit, where) if general else None
            return _by_region(general, where, regional, unit)
        except _CellProblem as err:
            self.problem(err.where, err.text, err.expected)
            return None


_EXPECTED = (
    "≥ 80, ≤ 4, = 1, từ 40 đến 60, Đạt, chưa quy định, "
    "or the requirement in inline TOML: { at_least = … }"
)


class _CellProblem(Exception):
    def __init__(self, where: str, text: str, expected: str | None = _EXPECTED) -> None:
        super().__init__(text)
        self.where, self.text, self.expected = where, text, expected


def _unit_of(text: str) -> str | None:
    if not text:
        return None
    return PERCENT if text == "%" else text


def _whole_cell(text: str, unit: str, where: str) -> object:
    """A requirement from one cell: a comparison, a range, Đạt, chưa quy định or inline TOML."""
    folded = text.casefold()
    if folded == ACHIEVED.casefold():
        return "achieved"
    if folded == UNSPECIFIED.casefold():
        return "unspecified"
    if text.startswith("{"):
        return _inline_requirement(text, where)
    words = text.split(maxsplit=1)
    if len(words) == 2 and words[0].casefold() == _FROM:
        low, sep, high = words[1].partition(f" {_TO} ")
        if sep:
            high, percent = _without_percent(high)
            _check_percent(percent, unit, where)
            return {"between": [_number(low, where), _number(high, where)]}
    op, number = _comparison(text, unit, where)
    return {op: number}


def _without_percent(text: str) -> tuple[str, bool]:
    """A number's text without a trailing ``%``, and whether it had one."""
    text = text.strip()
    if text.endswith("%"):
        return text[:-1].rstrip(), True
    return text, False


def _by_region(
    general: str, where: str, regional: Mapping[str, tuple[str, str]], unit: str
) -> object:
    ops = {}
    cases = {}
    for code, (text, at) in regional.items():
        ops[code], cases[code] = _comparison(text, unit, at)
    value: dict[str, Any] = {"by_region": cases}
    if general:
        op, value["default"] = _comparison(general, unit, where)
        ops[""] = op
    if len(set(ops.values())) > 1:
        raise _CellProblem(where, "the cells of a row compare in different ways (≥ and ≤)")
    return {next(iter(ops.values())): value}


def _comparison(text: str, unit: str, where: str) -> tuple[str, object]:
    sign = next((s for s in _SIGN_TEXTS if text.startswith(s)), None)
    if sign is None:
        if re.fullmatch(r"[-+\u2212]?[0-9][0-9.,]*\s*%?", text):
            raise _CellProblem(where, f"{_shown(text)} does not say how it compares (≥, ≤ or =)")
        raise _CellProblem(where, f"cannot read the threshold {_shown(text)}")
    number, percent = _without_percent(text[len(sign) :])
    _check_percent(percent, unit, where)
    return _SIGN_OF[sign], _number(number, where)


def _shown(text: str) -> str:
    """A cell's text in a problem: quoted, and cut when long."""
    return repr(text if len(text) <= 60 else text[:57] + "...")


def _check_percent(percent: bool, unit: str, where: str) -> None:
    if percent and _unit_of(unit) != PERCENT:
        raise _CellProblem(where, "a '%' threshold in a row whose unit is not %", "Đơn vị: %")


def _number(text: str, where: str) -> object:
    try:
        check_number_text(text)  # before parsing: a long number is refused, never slow
        return number_to_data(check_magnitude(Fraction(parse_number(text))))
    except NtmError:
        raise _CellProblem(
            where, f"{_shown(text)} is not a number", "a number written 72,5 or 1.500.000"
        ) from None


def _inline_requirement(text: str, where: str) -> object:
    try:
        return parse_toml(f"requirement = {text}\n")["requirement"]
    except NtmError as err:
        raise _CellProblem(where, f"the requirement is not inline TOML: {err}") from None


# The fields of an indicator's table in a set file, to the table's columns that gave them.
_COLUMN_OF_KEY = {
    "name_vi": "indicator",
    "name_en": "indicator_en",
    "unit": "unit",
    "requirement": "general",
    "source": "source",
    "note": "note",
}


def _field_columns(header: Sequence[str]) -> dict[str, int]:
    known = {_header_key(name): field for name, field in zip(TABLE_COLUMNS, _FIELDS, strict=True)}
    known.update(_ALIASES)
    found: dict[str, int] = {}
    for index, name in enumerate(header):
        field = known.get(_header_key(name))
        if field is not None:
            found.setdefault("general" if field == "province" else field, index)
    return found


def cell_of_key_path(table: SetTable, places: Mapping[str, int], path: str | None) -> str | None:
    """The cell a set file's key path came from, for a problem found when the set is built."""
    if path is None:
        return None
    columns = _field_columns(table.header)
    for prefix in sorted(places, key=len, reverse=True):
        if path.startswith(prefix):
            key = re.match(r"\.?([a-z_]+)", path[len(prefix) :])
            field = _COLUMN_OF_KEY.get(key[1], "code") if key else "code"
            return table.cell(places[prefix], columns.get(field, columns.get("code", 0)))
    return None


def place_rows(data: Mapping[str, Any], table: SetTable) -> dict[str, int]:
    """Key paths of the data :func:`table_to_set_data` wrote, to the rows they came from."""
    code_column = _field_columns(table.header).get("code", 0)
    rows = {
        code_of(r.cells[code_column]): r.number for r in table.rows if code_column < len(r.cells)
    }
    places = {f'indicators."{code}"': rows.get(code) for code in data.get("indicators", {})}
    for at, criterion in enumerate(data.get("criteria", [])):
        for j, indicator in enumerate(criterion.get("indicators", [])):
            places[f"criteria[{at}].indicators[{j}]"] = rows.get(indicator["code"])
    return {k: v for k, v in places.items() if v is not None}
