"""Published poverty figures from CSV: :func:`reads_poverty_figures`, :func:`read_poverty_figures`."""

from __future__ import annotations

from pathlib import Path

from ntm_criteria._document import CsvColumns
from ntm_criteria._published import FigureTable
from ntm_criteria._spreadsheet import read_table_text
from ntm_criteria.poverty._published import PublishedPoverty, figure_problems

__all__ = ["POVERTY_FIGURE_COLUMNS", "read_poverty_figures", "reads_poverty_figures"]

#: The columns of a table of published poverty figures (``locality`` and ``as_of`` required).
POVERTY_FIGURE_COLUMNS = (
    "locality",
    "as_of",
    "poor_rate",
    "near_poor_rate",
    "households",
    "poor",
    "near_poor",
    "source",
)
_COLUMNS = CsvColumns(POVERTY_FIGURE_COLUMNS, ("locality", "as_of"))


def reads_poverty_figures(text: str, *, file: str | None = None) -> tuple[PublishedPoverty, ...]:
    """Published poverty figures from CSV text, one locality and date per row.

    ``poor_rate`` and ``near_poor_rate`` are percents from 0 to 100
    (``2,62``, ``2,62%``); ``households``, ``poor`` and ``near_poor`` are
    counts.  A row gives rates, counts or both.  Every problem of every row
    is reported at once, naming the file, the line and the column; nothing
    is half-loaded.

    >>> figures = reads_poverty_figures('''locality,as_of,poor_rate,near_poor_rate
    ... HL,31/12/2022,"2,62","3,04%"
    ... ''')
    >>> print(figures[0].summary("en"))
    HL (2022-12-31): poor 2.62%, near-poor 3.04%
    >>> reads_poverty_figures('''locality,as_of,poor_rate,households,poor
    ... A,31/12/2022,"0,8",100,
    ... B,31/12/2022,120,100,
    ... C,31/12/2022,,100,101
    ... ''', file="ngheo.csv")
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.DataErrors: ngheo.csv: 2 problems:
      - line 3: poor_rate: 120 is outside 0–100 (expected a percent from 0 to 100, e.g. 2,62)
      - line 4: poor: 101 is more than the 100 households (expected a part ≤ households)
    """
    table = FigureTable(text, file, _COLUMNS)
    figures: list[PublishedPoverty] = []
    seen: dict[tuple[str, object], int | None] = {}
    for row in table:
        before = len(table.problems)
        locality = table.text(row, "locality")
        on = table.date(row, "as_of")
        poor_rate = table.percent(row, "poor_rate")
        near_rate = table.percent(row, "near_poor_rate")
        households = table.count(row, "households")
        poor = table.count(row, "poor")
        near = table.count(row, "near_poor")
        source = table.text(row, "source", required=False)
        if len(table.problems) != before or locality is None or on is None:
            continue
        problems = figure_problems(poor_rate, near_rate, households, poor, near)
        for column, what, expected in problems:
            table.problem(row, column, what, expected)
        if problems:
            continue
        if (poor_rate, near_rate, poor, near) == (None, None, None, None):
            table.problem(
                row,
                "poor_rate",
                f"no figure for {locality}",
                expected="poor_rate or near_poor_rate, or poor / near_poor with households",
            )
            continue
        if (locality, on) in seen:
            table.problem(
                row,
                "locality",
                f"{locality} on {on.isoformat()} again (first at line {seen[(locality, on)]})",
            )
            continue
        seen[(locality, on)] = row.line
        figures.append(
            PublishedPoverty(locality, on, poor_rate, near_rate, households, poor, near, source)
        )
    table.raise_if_any()
    return tuple(figures)


def read_poverty_figures(path: str | Path) -> tuple[PublishedPoverty, ...]:
    """Published poverty figures from a UTF-8 CSV file or a workbook sheet (``book.xlsx#Sheet``); see :func:`reads_poverty_figures`.

    >>> read_poverty_figures("no/such.csv")
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.DataError: no/such.csv: cannot read the file: No such file or directory
    """
    name, text = read_table_text(path)  # a CSV file, or a workbook's sheet
    return reads_poverty_figures(text, file=name)
