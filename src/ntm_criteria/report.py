"""Rendering assessment results as text and Markdown tables, in Vietnamese or English.

>>> import datetime
>>> from ntm_criteria import assess, demo
>>> s, places, obs = demo.criterion_set(), demo.gazetteer(), demo.observations()
>>> results = [assess(places.effective(code), s, obs[code], on=demo.ASSESSMENT_DATE)
...            for code in ("04036", "04045")]
>>> print(results_table(results, lang="en"))
Code   Locality            Met  Status   Main shortfalls
-----  ------------------  ---  -------  ---------------------------------------------------------------------
04036  Chieng Xom commune  5/8  not met  10.1: 41.5 < 42 million VND/person/year; 11.1: 7.8% > 6%; 13.2: 0 < 1
04045  Hua La commune      8/8  met      —
"""

from __future__ import annotations

from collections.abc import Sequence

from ntm_criteria.assessment import AssessmentResult, IndicatorOutcome

__all__ = ["results_table", "top_shortfalls"]

_HEADERS = {
    "vi": ("Mã", "Địa phương", "Đạt", "Kết quả", "Thiếu hụt chính"),
    "en": ("Code", "Locality", "Met", "Status", "Main shortfalls"),
}


def top_shortfalls(result: AssessmentResult, limit: int = 3) -> tuple[IndicatorOutcome, ...]:
    """The ``limit`` indicators not met that are closest to their threshold.

    Indicators with a numeric gap come first, smallest relative gap first;
    pass/fail shortfalls follow in set order.

    >>> import datetime
    >>> from ntm_criteria import assess, demo
    >>> r = assess(demo.gazetteer().effective("04036"), demo.criterion_set(),
    ...            demo.observations()["04036"], on=demo.ASSESSMENT_DATE)
    >>> [o.code for o in top_shortfalls(r)]
    ['10.1', '11.1', '13.2']
    """
    ranked = sorted(
        result.shortfalls(),
        key=lambda o: (o.relative_gap is None, o.relative_gap or 0),
    )
    return tuple(ranked[:limit])


def _shortfall_text(outcome: IndicatorOutcome, lang: str) -> str:
    detail = outcome.detail(lang)
    return f"{outcome.code}: {detail}" if detail else outcome.code


def results_table(results: Sequence[AssessmentResult], lang: str = "vi") -> str:
    """A plain-text table: code, locality, criteria met x/N, status, main shortfalls."""
    rows = [_HEADERS["vi" if lang == "vi" else "en"]]
    for r in results:
        shortfalls = "; ".join(_shortfall_text(o, lang) for o in top_shortfalls(r))
        rows.append(
            (
                r.locality.code,
                r.locality.label(lang),
                f"{r.met_count}/{r.total}",
                r.status.label(lang),
                shortfalls or "—",
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in rows
    ]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines)
