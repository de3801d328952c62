"""Poverty figures for a whole country: households in chunks, running tallies per locality.

Memory stays bounded by one chunk (a few hundred thousand rows) plus one
:class:`~ntm_criteria.poverty._tally.Tally` per locality, whatever the number
of households: the 27 million households of Vietnam fit on one machine.
"""

from __future__ import annotations

import csv
import datetime
import math
import os
import sys
from collections.abc import Hashable, Iterable, Iterator, Mapping
from typing import Any

from ntm_criteria._extras import require
from ntm_criteria.errors import DataError
from ntm_criteria.periods import as_date
from ntm_criteria.poverty._areas import Area
from ntm_criteria.poverty._columns import column_facts
from ntm_criteria.poverty._engines import count_matrix, tallies_from_counts
from ntm_criteria.poverty._figures import PovertyRates
from ntm_criteria.poverty._income import INCOME_UNIT
from ntm_criteria.poverty._rows import known_codes
from ntm_criteria.poverty._standards import PovertyStandard, PovertyStandards
from ntm_criteria.poverty._standards_file import default_standards
from ntm_criteria.poverty._tally import Tally

__all__ = ["national_rates", "read_household_chunks", "tally_columns"]

_NUMBERS = ("members", "income")


def tally_columns(
    chunks: Iterable[Mapping[str, Any]],
    *,
    on: datetime.date | str,
    by: str | None = "commune",
    income_unit: str = INCOME_UNIT,
    standards: PovertyStandards | None = None,
) -> dict[Hashable, PovertyRates]:
    """Poverty figures per group over chunks of household columns, one chunk in memory at a time.

    Each chunk maps column names to columns (numpy arrays, lists, pandas or
    pyarrow columns) of equal length: ``area``, ``members``, ``income`` (in
    ``income_unit``, NaN where unknown), one flag column per deprivation
    indicator code (1, 0, or -1 / NaN for unknown; see
    :func:`classify_columns`), and the ``by`` column the figures are grouped
    by (``None``: one group, keyed ``None``).  Other columns are ignored.
    The figures equal :meth:`HouseholdTable.rates_by` on the same households;
    the groups come in the order they first appear.  Errors name the column
    and the row counted from the first chunk.

    >>> import numpy as np
    >>> chunks = [{"commune": ["X", "Y"], "area": ["rural", "urban"], "members": [4, 2],
    ...            "income": np.array([1_000_000, 3_000_000.0])},
    ...           {"commune": ["X"], "area": ["rural"], "members": [3], "income": [np.nan]}]
    >>> found = tally_columns(chunks, on="2023-06-15")
    >>> {k: (r.households, r.persons, r.at_or_below_line.count) for k, r in found.items()}
    {'X': (2, 7, 1), 'Y': (1, 2, 0)}
    """
    day = as_date(on)
    standard = (standards or default_standards()).in_force(day)
    return _tally_all(chunks, standard, day, by, income_unit)


def _tally_all(
    chunks: Iterable[Mapping[str, Any]],
    standard: PovertyStandard,
    day: datetime.date,
    by: str | None,
    income_unit: str,
) -> dict[Hashable, PovertyRates]:
    np = require("numpy")
    totals = _RunningCounts(np)
    first_row = 0
    for chunk in chunks:
        first_row += _tally_chunk(np, chunk, standard, day, by, income_unit, totals, first_row)
    if by is None and not totals.index:
        return {None: Tally(standard).result(day, None)}
    tallies = tallies_from_counts(standard, list(totals.index), totals.counts())
    return {key: tally.result(day, key) for key, tally in tallies.items()}


class _RunningCounts:
    """Count matrices added group by group, as new groups keep appearing chunk after chunk."""

    def __init__(self, np: Any) -> None:
        self.np = np
        self.index: dict[Hashable, int] = {}
        self.matrix: Any = None

    def add(self, keys: list[Hashable], counts: Any) -> None:
        np = self.np
        rows = np.fromiter(
            (self.index.setdefault(key, len(self.index)) for key in keys), np.int64, len(keys)
        )
        if self.matrix is None:
            self.matrix = np.zeros((max(len(self.index), 16), counts.shape[1]), counts.dtype)
        if len(self.index) > len(self.matrix):  # grow by doubling
            grown = np.zeros((2 * len(self.index), self.matrix.shape[1]), self.matrix.dtype)
            grown[: len(self.matrix)] = self.matrix
            self.matrix = grown
        self.matrix[rows] += counts  # each key once per chunk

    def counts(self) -> Any:
        if self.matrix is None:  # no rows at all
            return self.np.zeros((0, 0), dtype=self.np.int64)
        return self.matrix[: len(self.index)]


def _column(chunk: Mapping[str, Any], name: str) -> Any:
    try:
        return chunk[name]
    except KeyError:
        raise DataError(
            f"missing column {name}", expected="columns area, members and income"
        ) from None


def _tally_chunk(
    np: Any,
    chunk: Mapping[str, Any],
    standard: PovertyStandard,
    day: datetime.date,
    by: str | None,
    income_unit: str,
    totals: _RunningCounts,
    first_row: int,
) -> int:
    """Add one chunk to ``totals``; returns its number of rows."""
    income = np.asarray(_column(chunk, "income"))
    n = len(income)
    codes = set(standard.indicator_codes)
    facts = column_facts(
        income,
        _urban(np, _column(chunk, "area"), n, first_row),
        standard,
        day,
        deprivations={k: v for k, v in chunk.items() if k in codes},
        income_unit=income_unit,
        first_row=first_row,
    )
    members = _members(np, _column(chunk, "members"), n, first_row)
    keys: list[Hashable]
    if by is None:
        group, keys = np.zeros(n, dtype=np.int64), [None] if n else []
    else:
        group, keys = _factorize(np, _column(chunk, by), n, by)
    if keys:
        counts = count_matrix(
            np, standard, group, len(keys), facts.status, facts.income, facts.flags, members
        )
        totals.add(keys, counts)
    return n


def _is_arrow(column: Any) -> bool:
    return type(column).__module__.startswith("pyarrow")


def _factorize(np: Any, column: Any, n: int, name: str) -> tuple[Any, list[Hashable]]:
    """Row → group index, and the keys in the order they first appear."""
    if _is_arrow(column):
        encoded = column if _is_dictionary(column) else _dictionary(column)
        group = encoded.indices.to_numpy(zero_copy_only=False)
        keys: list[Hashable] = list(encoded.dictionary.to_pylist())
        if encoded.null_count:  # a missing key is a group of its own, as one by one
            group = np.where(np.isnan(group.astype(np.float64)), len(keys), group)
            keys.append(None)
        group = group.astype(np.int64)
    else:
        index: dict[Hashable, int] = {}
        values = column.tolist() if hasattr(column, "tolist") else list(column)
        group = np.fromiter(
            (index.setdefault(_key(v), len(index)) for v in values), np.int64, len(values)
        )
        keys = list(index)
    if len(group) != n:
        raise DataError(
            f"column {name} has {len(group)} values for {n} households",
            expected="columns of equal length",
        )
    return group, keys


def _key(value: Hashable) -> Hashable:
    """A group key; a missing value (None, NaN, pandas' NA) is the group None, as one by one."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    pandas = sys.modules.get("pandas")
    return None if pandas is not None and value is pandas.NA else value


def _is_dictionary(column: Any) -> bool:
    return isinstance(column, _arrow().DictionaryArray)


def _dictionary(column: Any) -> Any:
    pa, pc = _arrow(), _arrow("compute")
    if isinstance(column, pa.ChunkedArray):
        column = column.combine_chunks()
    if pa.types.is_dictionary(column.type):
        return column
    return pc.dictionary_encode(column)


def _urban(np: Any, column: Any, n: int, first_row: int) -> Any:
    """True for urban rows; each distinct spelling of an area is parsed once."""
    if not _is_arrow(column):
        return column  # checked by column_facts
    group, values = _factorize(np, column, n, "area")
    lookup = []
    for i, value in enumerate(values):
        try:
            lookup.append(Area.parse(value) is Area.URBAN)
        except DataError as err:
            row = first_row + int(np.flatnonzero(group == i)[0])
            raise DataError(err.message, key_path=f"area[{row}]", expected=err.expected) from None
    return np.array(lookup, dtype=bool)[group] if lookup else np.zeros(n, dtype=bool)


def _members(np: Any, column: Any, n: int, first_row: int) -> Any:
    values = np.asarray(column)
    if len(values) != n:
        raise DataError(
            f"column members has {len(values)} values for {n} households",
            expected="columns of equal length",
        )
    if values.dtype.kind not in "iuf":
        raise DataError("members is not a column of numbers", expected="1, 2, 3, …")
    whole = values >= 1
    if values.dtype.kind == "f":
        whole &= values == np.floor(values)
    if not whole.all():
        row = int(np.flatnonzero(~whole)[0])
        raise DataError(
            f"members {values[row].item()!r} is not a whole number of at least 1",
            key_path=f"members[{first_row + row}]",
            expected="1, 2, 3, …",
        )
    return values.astype(np.int64)


# -- files ----------------------------------------------------------------------


def _arrow(part: str = "") -> Any:
    """pyarrow or one of its modules (``"parquet"``, ``"csv"``), or an error naming the extra."""
    return require(f"pyarrow.{part}" if part else "pyarrow")


def read_household_chunks(
    path: str | os.PathLike[str],
    *,
    rows: int = 500_000,
    columns: Iterable[str] | None = None,
) -> Iterator[dict[str, Any]]:
    """The household columns of a Parquet or CSV file, ``rows`` rows at a time (pyarrow).

    The format follows the suffix (``.parquet`` / ``.pq``, else CSV).  CSV
    numbers are written the machine way (``1500000.5``), empty for unknown.
    ``members`` and ``income`` come as numpy arrays; text columns (area,
    commune) stay pyarrow arrays, for :func:`tally_columns` to group without
    making Python strings.  ``columns`` limits what is read.  Needs the
    ``parquet`` extra (``pip install "ntm_criteria[parquet]"``).

    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "households.csv"
    >>> _ = path.write_text("commune,area,members,income\\nX,rural,4,1400000\\nY,urban,2,\\n")
    >>> [(chunk["commune"].to_pylist(), chunk["income"].tolist())
    ...  for chunk in read_household_chunks(path, rows=1)]
    [(['X'], [1400000.0]), (['Y'], [nan])]
    """
    pa = _arrow()
    if rows < 1:
        raise DataError(f"rows {rows!r} is not a positive number", expected="rows ≥ 1")
    wanted = None if columns is None else list(columns)
    name = os.fspath(path)
    try:
        batches = _batches(pa, name, rows, wanted)
        for batch in batches:
            yield _batch_columns(batch)
    except (OSError, pa.ArrowException) as exc:
        raise DataError(f"cannot read households: {exc}", file=name) from exc


def _batches(pa: Any, name: str, rows: int, wanted: list[str] | None) -> Iterator[Any]:
    if name.endswith((".parquet", ".pq")):
        yield from _arrow("parquet").ParquetFile(name).iter_batches(batch_size=rows, columns=wanted)
        return
    pcsv = _arrow("csv")

    # Numbers and flags as floats (empty is NaN); every other column as text,
    # so that a commune code keeps its leading zeros.
    numbers = {*_NUMBERS, *known_codes()}
    types = {c: pa.float64() if c in numbers else pa.string() for c in _column_names(name)}
    reader = pcsv.open_csv(
        name,
        read_options=pcsv.ReadOptions(block_size=max(1 << 20, rows * 64)),
        convert_options=pcsv.ConvertOptions(
            column_types=types,
            include_columns=wanted,
            null_values=[""],  # an empty cell is unknown; "NA" may be a name
            strings_can_be_null=True,
        ),
    )
    pending: list[Any] = []
    count = 0
    for batch in reader:  # CSV blocks have their own size: regroup them into ``rows``
        pending.append(batch)
        count += batch.num_rows
        while count >= rows:
            table = pa.Table.from_batches(pending)
            yield table.slice(0, rows).combine_chunks().to_batches()[0]
            rest = table.slice(rows)
            pending, count = rest.to_batches(), rest.num_rows
    if count:
        yield pa.Table.from_batches(pending).combine_chunks().to_batches()[0]


def _batch_columns(batch: Any) -> dict[str, Any]:
    pa = _arrow()
    found: dict[str, Any] = {}
    for name, column in zip(batch.schema.names, batch.columns, strict=True):
        kind = column.type
        if pa.types.is_integer(kind) or pa.types.is_floating(kind) or pa.types.is_boolean(kind):
            found[name] = column.to_numpy(zero_copy_only=False)  # nulls: NaN, or None
        else:
            found[name] = column
    return found


def national_rates(
    path: str | os.PathLike[str],
    *,
    on: datetime.date | str,
    by: str | None = "commune",
    rows: int = 500_000,
    income_unit: str = INCOME_UNIT,
    standards: PovertyStandards | None = None,
) -> dict[Hashable, PovertyRates]:
    """Poverty figures per locality from a Parquet or CSV file of any size, in bounded memory.

    Reads ``path`` with :func:`read_household_chunks` (``rows`` at a time,
    only the columns needed) and adds each chunk into running tallies with
    :func:`tally_columns`; the figures equal :meth:`HouseholdTable.rates_by`
    on the same households.  Needs the ``parquet`` extra.

    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "households.csv"
    >>> _ = path.write_text("commune,area,members,income,water\\nX,rural,4,1400000,1\\nX,urban,2,2500000,0\\n")
    >>> found = national_rates(path, on="2023-06-15")
    >>> found["X"].at_or_below_line.count, found["X"].indicators["water"].count
    (1, 1)
    """
    day = as_date(on)
    standard = (standards or default_standards()).in_force(day)
    needed = ["area", "members", "income", *([] if by is None else [by])]
    present = _column_names(path)
    codes = [c for c in standard.indicator_codes if c in present]
    missing = [c for c in needed if c not in present]
    if missing:
        raise DataError(
            f"missing column(s) {', '.join(missing)}",
            file=os.fspath(path),
            expected="columns " + ", ".join(needed),
        )
    chunks = read_household_chunks(path, rows=rows, columns=[*needed, *codes])
    try:
        return _tally_all(chunks, standard, day, by, income_unit)
    except DataError as err:
        raise err.located(os.fspath(path)) from None


def _column_names(path: str | os.PathLike[str]) -> list[str]:
    pa = _arrow()
    name = os.fspath(path)
    try:
        if name.endswith((".parquet", ".pq")):
            return list(_arrow("parquet").ParquetFile(name).schema_arrow.names)
        with open(name, encoding="utf-8-sig", newline="") as file:
            header = next(csv.reader(file), [])
    except (OSError, UnicodeDecodeError, csv.Error, pa.ArrowException) as exc:
        raise DataError(f"cannot read households: {exc}", file=name) from exc
    return header
