"""Classification summaries from CSV: :func:`reads_classification_summaries` and the file reader."""

from __future__ import annotations

import functools
from pathlib import Path

from ntm_criteria._document import CsvColumns, CsvRow
from ntm_criteria._published import FigureTable, normalized_word, words
from ntm_criteria._spreadsheet import read_table_text
from ntm_criteria.errors import DataError, NtmError
from ntm_criteria.urban._rules import ClassificationRules
from ntm_criteria.urban._summary import ClassificationSummary, summary_problems

__all__ = [
    "SUMMARY_COLUMNS",
    "read_classification_summaries",
    "reads_classification_summaries",
]

#: The columns of a table of classification summaries (all but the last two required).
SUMMARY_COLUMNS = (
    "locality",
    "class",
    "as_of",
    "standards_met",
    "standards_total",
    "points",
    "criteria_minimums_met",
    "source",
)
_COLUMNS = CsvColumns(SUMMARY_COLUMNS, SUMMARY_COLUMNS[:-2])


def reads_classification_summaries(
    text: str, *, file: str | None = None, rules: ClassificationRules | None = None
) -> tuple[ClassificationSummary, ...]:
    """Classification summaries from CSV text, one area, class and date per row.

    ``class`` is ``special`` or ``I`` … ``V``; ``points`` a Vietnamese
    number (``72,56``) no more than the regime's maximum;
    ``criteria_minimums_met`` (optional) says whether the report states that
    every criterion reached its minimum points (``có`` / ``yes``, ``không``
    / ``no``, empty when it does not say).  Each row is
    decided once (:meth:`ClassificationSummary.decide`), so a class or a
    total that the regime in force does not allow is a problem of that row.
    Every problem is reported at once, naming the file, line and column.

    >>> rows = reads_classification_summaries('''locality,class,as_of,standards_met,standards_total,points,source
    ... HL,III,31/12/2023,55,63,"72,56",báo cáo của thị xã
    ... ''')
    >>> print(rows[0].decide().summary("vi"))
    55/63 tiêu chuẩn, 72,56 điểm, chưa đạt đô thị loại III (cần 75 điểm)
    >>> reads_classification_summaries('''locality,class,as_of,standards_met,standards_total,points
    ... A,III,31/12/2023,64,63,70
    ... B,VI,31/12/2023,5,63,70
    ... C,III,31/12/2023,5,63,"100,5"
    ... ''', file="dothi.csv")
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.DataErrors: dothi.csv: 3 problems:
      - line 2: standards_met: 64 standards met of 63 (expected standards_met ≤ standards_total)
      - line 3: class: unknown urban class 'VI' (expected special, I, II, III, IV, V)
      - line 4: points: C: 100.5 points (expected at most 100 under 26/2022/UBTVQH15)
    """
    table = FigureTable(text, file, _COLUMNS)
    found: list[ClassificationSummary] = []
    for row in table:
        before = len(table.problems)
        locality = table.text(row, "locality")
        urban_class = table.text(row, "class")
        on = table.date(row, "as_of")
        met = table.count(row, "standards_met", required=True)
        total = table.count(row, "standards_total", required=True)
        points = table.number(row, "points", required=True, expected="points such as 72,56")
        minimums = _minimums(table, row)
        source = table.text(row, "source", required=False)
        if len(table.problems) != before or locality is None or urban_class is None:
            continue
        if on is None or met is None or total is None or points is None:
            continue
        problems = summary_problems(urban_class, met, total, points)
        for column, what, expected in problems:
            table.problem(row, column, what, expected)
        if problems:
            continue
        summary = ClassificationSummary(
            locality, urban_class, on, met, total, points, minimums, source
        )
        try:
            summary.decide(rules)
        except DataError as err:
            table.problem(row, err.key_path or "as_of", err.message, err.expected)
            continue
        except NtmError as err:  # no regime in force on that date
            table.problem(row, "as_of", str(err))
            continue
        found.append(summary)
    table.raise_if_any()
    return tuple(found)


@functools.cache
def _minimum_words() -> dict[str, bool]:
    return {
        word: value
        for key, value in (("met", True), ("not_met", False))
        for word in words(f"urban.minimums_words.{key}")
    }


def _minimums(table: FigureTable, row: CsvRow) -> bool | None:
    value = table.raw(row, "criteria_minimums_met")
    if not value:
        return None
    found = _minimum_words().get(normalized_word(value))
    if found is None:
        table.problem(
            row,
            "criteria_minimums_met",
            f"{value!r} is not a yes or a no",
            expected="có / yes, không / no, or empty when the report does not say",
        )
    return found


def read_classification_summaries(
    path: str | Path, *, rules: ClassificationRules | None = None
) -> tuple[ClassificationSummary, ...]:
    """Classification summaries from a UTF-8 CSV file or a workbook sheet (``book.xlsx#Sheet``); see :func:`reads_classification_summaries`.

    >>> read_classification_summaries("no/such.csv")
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.DataError: no/such.csv: cannot read the file: No such file or directory
    """
    name, text = read_table_text(path)  # a CSV file, or a workbook's sheet
    return reads_classification_summaries(text, file=name, rules=rules)
