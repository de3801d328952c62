"""Plan items as a table: what is due, by whom, when, and whether it is late.

Private: see :mod:`ntm_criteria.report`.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from ntm_criteria.periods import format_date
from ntm_criteria.progress import PlanItem
from ntm_criteria.report._tables import check_format, table
from ntm_criteria.report._words import columns
from ntm_criteria.text import check_lang, message

__all__ = ["roadmap_table"]


def roadmap_table(
    items: Iterable[PlanItem],
    lang: str = "vi",
    *,
    on: datetime.date | None = None,
    fmt: str = "text",
) -> str:
    """Plan items: locality, target, agency, due date, status (and "overdue" as of ``on``).

    >>> import datetime
    >>> from ntm_criteria.progress import PlanItem
    >>> items = [PlanItem("04036", "Phòng Kinh tế", "30/9/2023", indicator="10.1")]
    >>> print(roadmap_table(items, on=datetime.date(2023, 10, 1)))
    Mã     Nội dung       Cơ quan chủ trì  Hạn         Trạng thái      Quá hạn
    -----  -------------  ---------------  ----------  --------------  -------
    04036  chỉ tiêu 10.1  Phòng Kinh tế    30/09/2023  chưa thực hiện  có
    """
    language, form = check_lang(lang), check_format(fmt)
    headers = columns(language, "code", "target", "agency", "due", "plan_status")
    if on is not None:
        headers += columns(language, "overdue")
    rows = []
    for item in items:
        target = item.target(language) + (f": {item.action}" if item.action else "")
        row: tuple[str, ...] = (
            item.locality,
            target,
            item.agency,
            format_date(item.due, language),
            item.status.label(language),
        )
        if on is not None:
            row += (message("report.yes" if item.is_overdue(on) else "report.no", language),)
        rows.append(row)
    return table(headers, rows, form)
