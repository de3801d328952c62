"""Households from a DataFrame, read by the household CSV reader: :func:`households_from_frame`.

Private: see :mod:`ntm_criteria.frames`.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import TYPE_CHECKING

from ntm_criteria._extras import require
from ntm_criteria._spreadsheet import cell_text
from ntm_criteria.frames._cells import is_blank
from ntm_criteria.poverty import HouseholdTable, reads_households

if TYPE_CHECKING:
    import pandas

__all__ = ["households_from_frame"]


def households_from_frame(
    frame: pandas.DataFrame,
    *,
    income_unit: str | None = None,
    indicators: Iterable[str] | None = None,
) -> HouseholdTable:
    """A household table from a DataFrame with the columns of a household CSV.

    Columns ``id, area, members, income`` and optionally ``commune``, one per
    deprivation indicator and any other (see
    :func:`~ntm_criteria.poverty.reads_households`).  Each cell is written as
    the text a CSV would hold (a float as its exact shortest decimal) and the
    rows are checked by the CSV reader, so both give the same table and the
    same errors; a row's line is its position in the frame plus one (the
    header is line 1).

    >>> import pandas as pd
    >>> table = households_from_frame(pd.DataFrame(
    ...     {"id": ["H1", "H2"], "area": ["rural", "urban"], "members": [4, 3],
    ...      "income": [1_400_000, 2_000_000.5], "water": [1, 0]}))
    >>> table.ids, table.incomes[1]
    (('H1', 'H2'), Fraction(4000001, 2))
    """
    require("pandas")
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([str(name).strip() for name in frame.columns])
    for values in frame.itertuples(index=False, name=None):
        writer.writerow(["" if is_blank(v) else cell_text(_plain(v)) for v in values])
    keyword = {} if income_unit is None else {"income_unit": income_unit}
    return reads_households(out.getvalue(), file="<DataFrame>", indicators=indicators, **keyword)


def _plain(value: object) -> object:
    """A numpy scalar as its Python value (what openpyxl would hand over too)."""
    item = getattr(value, "item", None)
    return item() if item is not None and type(value).__module__ == "numpy" else value
