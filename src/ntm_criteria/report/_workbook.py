"""The quarterly report as an ``.xlsx`` workbook: :func:`rollup_workbook`.

Private: see :mod:`ntm_criteria.report`.  The sheets hold what the text
report says, with numbers as numbers (a share as a percentage cell, a date
as a date) so that an office can sort, filter and add its own columns; the
words are the text report's, from the message table.
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ntm_criteria._extras import require
from ntm_criteria.progress import PlanTarget, Roadmap, RollUp
from ntm_criteria.report._province import basis_line, untrusted_line
from ntm_criteria.report._rollup import rollup_sentence
from ntm_criteria.report._words import capital, columns, held_name, level_name
from ntm_criteria.rules import Status
from ntm_criteria.text import Lang, check_lang, message

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

__all__ = ["SHEETS", "rollup_workbook"]

#: The sheets of the workbook, in order (message keys under ``report.sheet``).
SHEETS = ("summary", "localities", "distribution", "at_risk", "overdue")
_PERCENT = "0.0%"
_DATE = "DD/MM/YYYY"


def rollup_workbook(
    rollup: RollUp,
    path: str | os.PathLike[str],
    *,
    title: str,
    on: datetime.date,
    targets: Sequence[PlanTarget] = (),
    roadmap: Roadmap | None = None,
    lang: str = "vi",
    scope: str | None = None,
) -> Path:
    """Write the roll-up report as a workbook at ``path``; return the path.

    Sheets: the summary (title, headline sentence, what it counts, the
    threshold note, and per level the positions, the count, the share and
    the plan), one row per locality, the distribution of criteria met, the
    localities at risk and the overdue roadmap items.  Needs the ``excel``
    extra (openpyxl).

    >>> import tempfile, pathlib, openpyxl
    >>> from ntm_criteria import Level, assess, demo
    >>> from ntm_criteria.progress import roll_up
    >>> places, s, obs = demo.gazetteer(), demo.criterion_set(), demo.observations()
    >>> up = roll_up([assess(places.effective(c), s, obs[c], on=demo.ASSESSMENT_DATE) for c in obs])
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     out = rollup_workbook(up, pathlib.Path(tmp, "bc.xlsx"), title="Báo cáo quý II",
    ...                           on=demo.ASSESSMENT_DATE, targets=[PlanTarget(Level.STANDARD, count=3)])
    ...     book = openpyxl.load_workbook(out)
    >>> book.sheetnames
    ['Tổng hợp', 'Từng đơn vị', 'Phân bố', 'Nguy cơ', 'Quá hạn']
    >>> book["Tổng hợp"]["A3"].value
    'toàn tỉnh có 2/6 xã đạt chuẩn nông thôn mới, đạt 67% kế hoạch'
    """
    require("openpyxl")
    from openpyxl import Workbook

    language = check_lang(lang)
    book = Workbook()
    for sheet in list(book.worksheets):  # the default empty sheet
        book.remove(sheet)
    sheets = [book.create_sheet(message(f"report.sheet.{key}", language)) for key in SHEETS]
    _summary(sheets[0], rollup, title, on, targets, language, scope)
    _localities(sheets[1], rollup, language)
    _distribution(sheets[2], rollup, language)
    _at_risk(sheets[3], rollup, language)
    _overdue(sheets[4], roadmap, on, language)
    target = Path(path)
    book.save(target)
    return target


def _table(sheet: Worksheet, headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """A header row (bold, frozen) and the rows; column widths fitted to the text."""
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    sheet.append(list(headers))
    start = sheet.max_row
    for cell in sheet[start]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(list(row))
    if start == 1:
        sheet.freeze_panes = "A2"
    for number, header in enumerate(headers, start=1):
        values = [header, *(row[number - 1] for row in rows)]
        width = max(len(str(v)) for v in values if v is not None)
        sheet.column_dimensions[get_column_letter(number)].width = min(max(width + 2, 8), 60)


def _summary(
    sheet: Worksheet,
    rollup: RollUp,
    title: str,
    on: datetime.date,
    targets: Sequence[PlanTarget],
    lang: Lang,
    scope: str | None,
) -> None:
    from openpyxl.styles import Font

    sheet.append([title])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append([])
    sheet.append([rollup_sentence(rollup, targets, lang, scope=scope) if targets else ""])
    sheet.append([basis_line(rollup, on, lang)])
    note = untrusted_line(rollup, lang)
    sheet.append([note or ""])
    sheet.append([])
    plans = {t.level: rollup.against(t) for t in targets}
    levels = sorted({*rollup.levels, *plans})
    headers = (
        *columns(lang, "level", "standing"),
        capital(message("report.column.kind_count", lang, kind=rollup.kind_name(lang))),
    )
    rows: list[list[Any]] = []
    for level in levels:
        for position, number in rollup.tally(level):
            rows.append([level_name(level, lang), position.label(lang), number])
    _table(sheet, headers, rows)
    sheet.append([])
    plan_headers = (
        *columns(lang, "level"),
        capital(message("report.column.kind_count", lang, kind=rollup.kind_name(lang))),
        *columns(lang, "share", "plan", "plan_share"),
    )
    plan_rows = []
    for level in levels:
        plan = plans.get(level)
        plan_rows.append(
            [
                level_name(level, lang),
                rollup.counted(level),
                float(rollup.share(level)),
                float(plan.planned) if plan else None,
                float(plan.ratio) if plan else None,
            ]
        )
    first = sheet.max_row + 2
    _table(sheet, plan_headers, plan_rows)
    for row in sheet.iter_rows(min_row=first, min_col=3, max_col=5):
        for cell in row:
            if cell.column != 4:
                cell.number_format = _PERCENT
    sheet.column_dimensions["A"].width = max(sheet.column_dimensions["A"].width or 0, 20)


def _localities(sheet: Worksheet, rollup: RollUp, lang: Lang) -> None:
    headers = columns(
        lang, "code", "locality", "level", "criteria_met", "need_data", "recognised", "at_risk"
    )
    headers = (*headers[:4], message("report.column.criteria_total", lang), *headers[4:])
    rows = [
        [
            s.locality.code,
            s.locality.label(lang),
            held_name(s.level, s.holds(s.lowest) if s.lowest else Status.UNKNOWN, lang),
            s.criteria_met,
            s.criteria_total,
            s.criteria_unknown,
            level_name(s.recognised, lang) if s.recognised else None,
            ", ".join(level_name(level, lang) for level in s.at_risk) or None,
        ]
        for s in rollup.standings
    ]
    _table(sheet, headers, rows)


def _distribution(sheet: Worksheet, rollup: RollUp, lang: Lang) -> None:
    kind = capital(message("report.column.kind_count", lang, kind=rollup.kind_name(lang)))
    headers = (*columns(lang, "criteria_met_count"), kind, *columns(lang, "share"))
    total = rollup.count or 1
    rows: list[list[Any]] = [[b.label(), n, n / total] for b, n in rollup.distribution()]
    if rollup.no_data():
        rows.append(
            [message("report.levels.no_data", lang), rollup.no_data(), rollup.no_data() / total]
        )
    _table(sheet, headers, rows)
    for (cell,) in sheet.iter_rows(min_row=2, min_col=3, max_col=3):
        cell.number_format = _PERCENT


def _at_risk(sheet: Worksheet, rollup: RollUp, lang: Lang) -> None:
    headers = columns(lang, "code", "locality", "at_risk")
    rows = [
        [s.locality.code, s.locality.label(lang), ", ".join(level_name(v, lang) for v in s.at_risk)]
        for s in rollup.at_risk()
    ]
    _table(sheet, headers, rows)


def _overdue(sheet: Worksheet, roadmap: Roadmap | None, on: datetime.date, lang: Lang) -> None:
    headers = columns(lang, "code", "target", "agency", "due", "plan_status")
    late = roadmap.overdue(on) if roadmap is not None else ()
    rows = [
        [
            item.locality,
            item.target(lang) + (f": {item.action}" if item.action else ""),
            item.agency,
            item.due,
            item.status.label(lang),
        ]
        for item in late
    ]
    _table(sheet, headers, rows)
    for (cell,) in sheet.iter_rows(min_row=2, min_col=4, max_col=4):
        cell.number_format = _DATE
