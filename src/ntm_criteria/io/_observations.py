"""Observation tables: one row per locality, indicator and date.

Private: see :mod:`ntm_criteria.io`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs

from ntm_criteria._spreadsheet import read_table_text
from ntm_criteria._validators import nfc
from ntm_criteria.assessment import Observation, ObservedValue
from ntm_criteria.errors import DataError, NtmError
from ntm_criteria.io._csv import reads_located_table
from ntm_criteria.io._rows import cell
from ntm_criteria.periods import as_date
from ntm_criteria.units import parse_number, parse_quantity, parse_unit

__all__ = ["OBSERVATION_COLUMNS", "parse_value", "read_observations", "reads_observations"]

#: The columns of an observation table; ``unit``, ``as_of`` and ``source`` may be empty.
OBSERVATION_COLUMNS = ("locality", "indicator", "value", "unit", "as_of", "source")
_REQUIRED = ("locality", "indicator", "value")
_TRUE = frozenset({"đạt", "true", "yes", "có"})
_FALSE = frozenset({"không đạt", "chưa đạt", "false", "no", "không"})
# A number starts with an ASCII digit or a sign: "²" or "٣" is text, never int()'d.
_NUMBER_START = re.compile(r"[0-9+-]")
# "86%", "86 %", "86,5 %" typed in the value cell (a spreadsheet's percent format).
_PERCENT_CELL = re.compile(r"(?P<number>.*?)\s*%")


def parse_value(value: str, unit: str = "") -> ObservedValue:
    """One cell of an observation table as an observation value.

    >>> parse_value("Đạt"), parse_value("không đạt")
    (True, False)
    >>> from ntm_criteria.units import unit_label
    >>> income = parse_value("41,5", "triệu đồng/người/năm")
    >>> income.magnitude, unit_label(income.units)
    (41.5, 'triệu đồng/người/năm')
    >>> parse_value("2"), parse_value("Tốt")
    (Decimal('2'), 'Tốt')
    >>> share = parse_value("86,5 %")
    >>> share.magnitude, unit_label(share.units)
    (86.5, '%')
    """
    text = value.strip()
    percent = _PERCENT_CELL.fullmatch(text)
    if percent is not None and _NUMBER_START.match(text):
        return _percent(percent["number"], unit.strip())
    if unit.strip():
        return parse_quantity(f"{text} {unit.strip()}")
    word = nfc(text).lower()  # NFD "không đạt" is the same words; a grade keeps its bytes
    if word in _TRUE:
        return True
    if word in _FALSE:
        return False
    if _NUMBER_START.match(text):
        return parse_number(text)
    if not text:
        raise DataError("empty value", expected="a number, đạt / không đạt, or a grade")
    return text


def _percent(number: str, unit: str) -> ObservedValue:
    """A value cell written with its percent sign; a unit column, if any, must agree."""
    if unit and parse_unit(unit) != parse_unit("percent"):
        raise DataError(
            f"the value is a percentage but the unit column says {unit!r}",
            expected="the unit column empty or %",
        )
    parse_number(number)  # "8x6 %" is a number that cannot be read, not a unit
    return parse_quantity(f"{number} %")


def reads_observations(text: str, *, file: str | None = None) -> dict[str, tuple[Observation, ...]]:
    """Observations from CSV text, grouped by locality code.

    >>> table = "locality,indicator,value,unit,as_of,source\\n03664,3.1,\\"86,5\\",%,30/6/2023,\\n"
    >>> from ntm_criteria.units import unit_label
    >>> value = reads_observations(table)["03664"][0].value
    >>> value.magnitude, unit_label(value.units)
    (86.5, '%')
    """
    rows = reads_located_table(
        text, _row, file=file, columns=OBSERVATION_COLUMNS, required=_REQUIRED
    )
    return _grouped(rows, file)


def read_observations(path: str | Path) -> dict[str, tuple[Observation, ...]]:
    """Observations from a UTF-8 CSV file or a workbook's sheet, grouped by locality code.

    A CSV file as a spreadsheet saves it is read too: a byte-order mark, ``;``
    between fields, comma decimals, CRLF.  A file that cannot be read, or any
    bad row, raises an :class:`~ntm_criteria.errors.NtmError` naming the file,
    the line and the indicator; each observation keeps its file and line as
    its ``origin``, which a later error about its value names.

    >>> from importlib import resources
    >>> with resources.as_file(resources.files("ntm_criteria.demo") / "observations.csv") as path:
    ...     table = read_observations(path)
    >>> sorted(table)[:2], len(table["03664"])
    (['03658', '03661'], 11)
    """
    name, text = read_table_text(path)  # a CSV file, or a workbook's sheet
    return reads_observations(text, file=name)


def _grouped(
    rows: list[tuple[int, tuple[str, Observation]]], file: str | None
) -> dict[str, tuple[Observation, ...]]:
    """The observations by locality, each knowing its row for the messages about its value."""
    grouped: dict[str, list[Observation]] = {}
    for line, (locality, observation) in rows:
        origin = f"{file}:{line}" if file else f"line {line}"
        grouped.setdefault(locality, []).append(attrs.evolve(observation, origin=origin))
    return {code: tuple(items) for code, items in grouped.items()}


def _row(row: Mapping[str, Any]) -> tuple[str, Observation]:
    locality, code, value = (cell(row, key) for key in _REQUIRED)
    locality, code = nfc(locality), nfc(code)  # codes are matched, so read in NFC
    if not locality or not code:
        raise DataError("locality and indicator must not be empty")
    try:
        parsed = parse_value(value, cell(row, "unit"))
    except NtmError as err:
        why = err.message if isinstance(err, DataError) else str(err)
        raise DataError(f"value of indicator {code}: {why}") from None
    as_of = cell(row, "as_of")
    source = cell(row, "source") or None
    return locality, Observation(
        code, parsed, as_of=as_date(as_of) if as_of else None, source=source
    )
