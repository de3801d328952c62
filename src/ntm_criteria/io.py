"""Reading observations from CSV files, the way provincial offices keep them.

An observation table is long: one row per locality, indicator and date.

======== ========= ========= ===================== ========== =============
locality indicator value     unit                  as_of      source
======== ========= ========= ===================== ========== =============
04036    3.1       86,5      %                     30/6/2023  Biên bản …
04036    10.1      41,5      triệu đồng/người/năm  30/6/2023
04036    3.2       đạt                             30/6/2023
======== ========= ========= ===================== ========== =============

Values are Vietnamese-formatted numbers (``72,56``, ``3.350.000``), pass/fail
words (``đạt``, ``không đạt``, ``chưa đạt``, ``true``/``false``) or grade
names.  Every row is checked before anything is returned; all problems are
reported together, each with its line.
"""

from __future__ import annotations

import csv
import io as _io
from collections.abc import Mapping
from pathlib import Path

from ntm_criteria.assessment import Observation, ObservedValue
from ntm_criteria.errors import DataError, DataErrors, NtmError
from ntm_criteria.periods import as_date
from ntm_criteria.units import parse_number, parse_quantity

__all__ = ["OBSERVATION_COLUMNS", "parse_value", "read_observations", "reads_observations"]

#: The columns of an observation table; ``unit``, ``as_of`` and ``source`` may be empty.
OBSERVATION_COLUMNS = ("locality", "indicator", "value", "unit", "as_of", "source")
_REQUIRED = ("locality", "indicator", "value")
_TRUE = frozenset({"đạt", "true", "yes", "có"})
_FALSE = frozenset({"không đạt", "chưa đạt", "false", "no", "không"})


def parse_value(value: str, unit: str = "") -> ObservedValue:
    """One cell of an observation table as an observation value.

    >>> parse_value("Đạt"), parse_value("không đạt")
    (True, False)
    >>> parse_value("41,5", "triệu đồng/người/năm")
    <Quantity(41.5, 'million_VND / person / year')>
    >>> parse_value("2"), parse_value("Tốt")
    (Decimal('2'), 'Tốt')
    """
    text = value.strip()
    if unit.strip():
        return parse_quantity(f"{text} {unit.strip()}")
    word = text.lower()
    if word in _TRUE:
        return True
    if word in _FALSE:
        return False
    if text[:1].isdigit() or text[:1] in "-+":
        return parse_number(text)
    if not text:
        raise DataError("empty value", expected="a number, đạt / không đạt, or a grade")
    return text


def reads_observations(text: str, *, file: str | None = None) -> dict[str, tuple[Observation, ...]]:
    """Observations from CSV text, grouped by locality code.

    >>> table = "locality,indicator,value,unit,as_of,source\\n04036,3.1,\\"86,5\\",%,30/6/2023,\\n"
    >>> reads_observations(table)["04036"][0].value
    <Quantity(86.5, 'percent')>
    """
    reader = csv.DictReader(_io.StringIO(text, newline=""))
    problems: list[DataError] = []
    grouped: dict[str, list[Observation]] = {}
    try:
        columns = tuple(reader.fieldnames or ())
        missing = [c for c in _REQUIRED if c not in columns]
        if missing:
            raise DataError(
                f"missing column(s) {', '.join(missing)}",
                file=file,
                line=1,
                expected="columns " + ",".join(OBSERVATION_COLUMNS),
            )
        for row in reader:
            line = reader.line_num
            try:
                locality, observation = _row(row)
            except NtmError as err:
                problems.append(DataError(_message(err), line=line))
                continue
            grouped.setdefault(locality, []).append(observation)
    except csv.Error as err:
        raise DataError(f"malformed CSV: {err}", file=file, line=reader.line_num) from None
    if problems:
        raise DataErrors(problems, file=file)
    return {code: tuple(items) for code, items in grouped.items()}


def read_observations(path: str | Path) -> dict[str, tuple[Observation, ...]]:
    """Observations from a UTF-8 CSV file, grouped by locality code.

    A file that cannot be read, or any bad row, raises an
    :class:`~ntm_criteria.errors.NtmError` naming the file and line.

    >>> from importlib import resources
    >>> with resources.as_file(resources.files("ntm_criteria.demo") / "observations.csv") as path:
    ...     table = read_observations(path)
    >>> sorted(table)[:2], len(table["04036"])
    (['04036', '04039'], 11)
    """
    name = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except OSError as err:
        raise DataError(f"cannot read the file: {err.strerror or err}", file=name) from None
    except UnicodeDecodeError as err:
        raise DataError(f"not UTF-8 text (byte {err.start})", file=name) from None
    return reads_observations(text, file=name)


def _cell(row: Mapping[str, str | None], key: str) -> str:
    value = row.get(key)
    return value.strip() if isinstance(value, str) else ""


def _row(row: Mapping[str, str | None]) -> tuple[str, Observation]:
    locality, code, value = (_cell(row, key) for key in _REQUIRED)
    if not locality or not code:
        raise DataError("locality and indicator must not be empty")
    try:
        parsed = parse_value(value, _cell(row, "unit"))
    except NtmError as err:
        raise DataError(f"value: {_message(err)}") from None
    as_of = _cell(row, "as_of")
    source = _cell(row, "source") or None
    return locality, Observation(
        code, parsed, as_of=as_date(as_of) if as_of else None, source=source
    )


def _message(err: NtmError) -> str:
    return err.message if isinstance(err, DataError) else str(err)
