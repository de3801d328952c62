"""Rows of households checked one by one into columns, every problem kept with its place."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from fractions import Fraction
from typing import Any

from ntm_criteria._validators import index_path
from ntm_criteria.errors import DataError, DataErrors, NtmError
from ntm_criteria.poverty._areas import Area
from ntm_criteria.poverty._cells import (
    HOUSEHOLD_COLUMNS,
    cell_text,
    parse_area,
    parse_flag,
    parse_id,
    parse_income,
    parse_members,
)
from ntm_criteria.poverty._income import INCOME_UNIT
from ntm_criteria.poverty._standards_file import default_standards
from ntm_criteria.units import exact_factor

__all__ = ["RowChecker", "known_codes"]


class RowChecker:
    """Checks rows one by one and collects every problem, each with its place.

    >>> rows = RowChecker(["id", "area", "members", "income"], "VND/person/month", [])
    >>> rows.add({"id": "H1", "area": "rural", "members": "2", "income": ""}, (2, None))
    >>> rows.columns(None)["members"]
    [2]
    """

    def __init__(self, columns: Sequence[str], income_unit: str, indicators: Iterable[str]) -> None:
        self.factor = exact_factor(income_unit, INCOME_UNIT)
        codes = set(indicators)
        fixed = (*HOUSEHOLD_COLUMNS, "commune")
        self.codes = [c for c in columns if c in codes]
        self.extra = [c for c in columns if c not in codes and c not in fixed]
        self.problems: list[DataError] = []
        self.first_seen: dict[str, str] = {}
        self.ids: list[str] = []
        self.areas: list[Area] = []
        self.members: list[int] = []
        self.incomes: list[Fraction | None] = []
        self.communes: list[str | None] = []
        self.flags: dict[str, list[bool | None]] = {c: [] for c in self.codes}
        self.extras: dict[str, list[str | None]] = {c: [] for c in self.extra}

    def problem(
        self,
        message: str,
        column: str,
        place: tuple[int | None, int | None],
        expected: str | None = None,
    ) -> None:
        line, index = place
        path = column if index is None else index_path(column, index)
        self.problems.append(DataError(message, line=line, key_path=path, expected=expected))

    def cell(
        self,
        parse: Callable[[object], Any],
        row: Mapping[str, object],
        column: str,
        place: tuple[int | None, int | None],
    ) -> Any:
        try:
            return parse(row.get(column))
        except NtmError as err:
            if isinstance(err, DataError):
                self.problem(err.message, column, place, err.expected)
            else:
                self.problem(str(err), column, place)
            return None

    def add(self, row: Mapping[str, object], place: tuple[int | None, int | None]) -> None:
        """Check one row; ``place`` is its (line, index), either may be None."""
        hid = self.cell(parse_id, row, "id", place)
        area = self.cell(parse_area, row, "area", place)
        members = self.cell(parse_members, row, "members", place)
        income = self.cell(lambda v: parse_income(v, self.factor), row, "income", place)
        flags = {c: self.cell(parse_flag, row, c, place) for c in self.codes}
        if hid is not None:
            line, index = place
            here = f"line {line}" if line is not None else f"row {index}"
            if hid in self.first_seen:
                self.problem(
                    f"duplicate household id {hid!r} (first at {self.first_seen[hid]})", "id", place
                )
            else:
                self.first_seen[hid] = here
        if self.problems:
            return  # nothing is kept once a problem is found; the rest is only checked
        self.ids.append(hid)
        self.areas.append(area)
        self.members.append(members)
        self.incomes.append(income)
        self.communes.append(cell_text(row.get("commune")))
        for c in self.codes:
            self.flags[c].append(flags[c])
        for c in self.extra:
            self.extras[c].append(cell_text(row.get(c)))

    def columns(self, file: str | None) -> dict[str, Any]:
        """The checked columns, as :class:`HouseholdTable` takes them; the problems if any."""
        if self.problems:
            raise DataErrors(self.problems, file=file)
        return {
            "ids": self.ids,
            "areas": self.areas,
            "members": self.members,
            "incomes": self.incomes,
            "deprivations": {c: tuple(v) for c, v in self.flags.items()},
            "communes": self.communes,
            "extra": {c: tuple(v) for c, v in self.extras.items()},
        }


def known_codes() -> tuple[str, ...]:
    """Every indicator code of the built-in standards, in data order.

    >>> known_codes()[:2]
    ('employment', 'dependants')
    """
    seen: dict[str, None] = {}
    for standard in default_standards():
        seen.update(dict.fromkeys(standard.indicator_codes))
    return tuple(seen)
