"""Observations and localities from pandas DataFrames, long or wide.

Private: see :mod:`ntm_criteria.frames`.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, Literal

from ntm_criteria._extras import require
from ntm_criteria._validators import nfc
from ntm_criteria.assessment import Observation
from ntm_criteria.errors import DataError, DataErrors, NtmError
from ntm_criteria.frames._cells import date_of, is_blank, text_of, value_of
from ntm_criteria.geography import Gazetteer

if TYPE_CHECKING:
    import pandas

__all__ = ["LONG_COLUMNS", "gazetteer_from_frame", "observations_from_frame"]

#: The columns of a long observation frame; ``unit``, ``as_of`` and ``source`` are optional.
LONG_COLUMNS = ("locality", "indicator", "value", "unit", "as_of", "source")
_LONG_REQUIRED = ("locality", "indicator", "value")
_WIDE_EXTRA = ("unit", "as_of", "source")

Layout = Literal["auto", "long", "wide"]
Grouped = dict[str, tuple[Observation, ...]]


def observations_from_frame(
    frame: pandas.DataFrame,
    *,
    layout: Layout = "auto",
    locality: str = "locality",
    units: Mapping[str, str] | None = None,
    as_of: object = None,
) -> Grouped:
    """Observations grouped by locality code, from a long or a wide DataFrame.

    *Long*: one row per observation, columns ``locality, indicator, value``
    and optionally ``unit, as_of, source`` (those of ``ntm assess
    --observations``).  *Wide*: one row per locality, a ``locality`` column
    (or the index, when there is no such column) and one column per indicator
    code; a blank cell is no observation; ``units`` gives the unit of an
    indicator's column (``{"2.1": "triệu đồng/người/năm"}``) and ``as_of``
    the date of every observation.  ``layout="auto"`` is long when the frame
    has an ``indicator`` column.  Text cells are read exactly
    as CSV cells; numbers keep their exact value.  Every bad cell is reported
    at once, each with its row (the frame's index label) and column.

    >>> import pandas as pd
    >>> wide = pd.DataFrame({"locality": ["04036", "04039"], "3.1": [86.5, None]})
    >>> got = observations_from_frame(wide)
    >>> [(code, [(o.indicator_code, o.value) for o in obs]) for code, obs in got.items()]
    [('04036', [('3.1', 86.5)]), ('04039', [])]
    >>> long = pd.DataFrame({"locality": ["04036"], "indicator": ["2.1"], "value": [41.5],
    ...                      "unit": ["triệu đồng/người/năm"]})
    >>> from ntm_criteria.units import to_exact
    >>> to_exact(observations_from_frame(long)["04036"][0].value, "million_VND/person/year")
    Fraction(83, 2)
    >>> observations_from_frame(pd.DataFrame({"locality": ["1"], "indicator": ["3.1"]}))
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.DataError: missing column(s): value (expected columns locality, ...)
    """
    require("pandas")
    columns = [nfc(str(c)).strip() for c in frame.columns]
    chosen = layout
    if chosen == "auto":
        chosen = "long" if "indicator" in columns else "wide"
    if chosen == "long":
        return _long(frame, columns, locality)
    if chosen == "wide":
        return _wide(frame, columns, locality, dict(units or {}), as_of)
    raise DataError(f"unknown layout {layout!r}", expected="'auto', 'long' or 'wide'")


def gazetteer_from_frame(frame: pandas.DataFrame, *, source: str | None = None) -> Gazetteer:
    """A gazetteer from a DataFrame with the columns of a gazetteer CSV.

    Columns ``code, name_vi, kind`` and optionally ``parent, region, tags,
    group, name_en`` (see :meth:`~ntm_criteria.geography.Gazetteer.from_rows`);
    numeric codes get their digits (``14.0`` → ``"14"``).

    >>> import pandas as pd
    >>> gaz = gazetteer_from_frame(pd.DataFrame(
    ...     {"code": ["14", "03664"], "name_vi": ["Sơn La", "Chiềng Xôm"],
    ...      "kind": ["tỉnh", "xã"], "parent": [None, "14"]}))
    >>> [loc.label() for loc in gaz]
    ['tỉnh Sơn La', 'xã Chiềng Xôm']
    """
    require("pandas")
    rows: list[dict[str, str]] = []
    problems: list[DataError] = []
    for label, record in _records(frame):
        row: dict[str, str] = {}
        for column, cell in record.items():
            if is_blank(cell):
                continue
            try:
                row[column] = text_of(cell, column)
            except DataError as err:
                problems.append(_at(err, label, column))
        rows.append(row)
    if problems:
        raise DataErrors(problems, file=source)
    return Gazetteer.from_rows(rows, source=source)


def _records(frame: pandas.DataFrame) -> Iterator[tuple[object, dict[str, Any]]]:
    """(index label, {column: cell}) per row; column names NFC and stripped."""
    names = [nfc(str(c)).strip() for c in frame.columns]
    for label, values in zip(frame.index, frame.itertuples(index=False, name=None), strict=True):
        yield label, dict(zip(names, values, strict=True))


def _at(err: NtmError, label: object, column: str) -> DataError:
    message = err.message if isinstance(err, DataError) else str(err)
    expected = err.expected if isinstance(err, DataError) else None
    return DataError(message, key_path=f"row {label!r}: {column}", expected=expected)


def _long(frame: pandas.DataFrame, columns: list[str], locality: str) -> Grouped:
    required = (locality, "indicator", "value")
    missing = [name for name in required if name not in columns]
    if missing:
        raise DataError(
            f"missing column(s): {', '.join(missing)}",
            expected=f"columns {', '.join((locality, *LONG_COLUMNS[1:]))}",
        )
    grouped: dict[str, list[Observation]] = {}
    problems: list[DataError] = []
    for label, row in _records(frame):
        try:
            code, observation = _long_row(row, locality)
        except DataErrors as errs:
            problems.extend(_at(err, label, err.key_path or "") for err in errs.errors)
            continue
        grouped.setdefault(code, []).append(observation)
    if problems:
        raise DataErrors(problems)
    return {code: tuple(items) for code, items in grouped.items()}


def _long_row(row: Mapping[str, Any], locality: str) -> tuple[str, Observation]:
    problems: list[DataError] = []

    def read(column: str, reader: Any, *args: object) -> Any:
        try:
            return reader(row.get(column), *args, column)
        except DataError as err:
            problems.append(DataError(err.message, key_path=column, expected=err.expected))
            return None

    code = read(locality, _code)
    indicator = read("indicator", _code)
    unit = "" if is_blank(row.get("unit")) else str(row.get("unit")).strip()
    value = read("value", _value, unit)
    day = read("as_of", lambda cell, column: date_of(cell, column))
    source = row.get("source")
    if problems:
        raise DataErrors(problems)
    return code, Observation(
        indicator, value, as_of=day, source=None if is_blank(source) else str(source)
    )


def _code(cell: object, column: str) -> str:
    if is_blank(cell):
        raise DataError("empty", key_path=column)
    return nfc(text_of(cell, column))  # codes are matched, so read in NFC


def _value(cell: object, unit: str, column: str) -> object:
    if is_blank(cell):
        raise DataError("empty value", key_path=column)
    return value_of(cell, unit, column)


def _wide(
    frame: pandas.DataFrame,
    columns: list[str],
    locality: str,
    units: dict[str, str],
    as_of: object,
) -> Grouped:
    day = date_of(as_of, "as_of")
    unknown_units = sorted(set(units) - set(columns))
    if unknown_units:
        raise DataError(
            f"units for column(s) the frame lacks: {', '.join(unknown_units)}", key_path="units"
        )
    from_index = locality not in columns
    indicators = [c for c in columns if c != locality and c not in _WIDE_EXTRA]
    grouped: dict[str, tuple[Observation, ...]] = {}
    problems: list[DataError] = []
    for label, row in _records(frame):
        try:
            code = _code(label if from_index else row[locality], locality)
        except DataError as err:
            problems.append(_at(err, label, locality))
            continue
        if code in grouped:
            problems.append(_at(DataError(f"locality {code!r} twice"), label, locality))
            continue
        observed: list[Observation] = []
        for indicator in indicators:
            cell = row[indicator]
            if is_blank(cell):
                continue
            try:
                value = value_of(cell, units.get(indicator, ""), indicator)
            except DataError as err:
                problems.append(_at(err, label, indicator))
                continue
            observed.append(Observation(nfc(indicator), value, as_of=day))
        grouped[code] = tuple(observed)
    if problems:
        raise DataErrors(problems)
    return grouped
