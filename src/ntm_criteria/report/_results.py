"""Assessment results side by side: the results table and the criteria-met sentence.

Private: see :mod:`ntm_criteria.report`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ntm_criteria.assessment import AssessmentResult, IndicatorOutcome
from ntm_criteria.levels import LevelDecision
from ntm_criteria.progress import Progress
from ntm_criteria.report._tables import table
from ntm_criteria.report._words import columns
from ntm_criteria.text import check_lang, message

__all__ = ["criteria_sentence", "results_table", "top_shortfalls"]


def top_shortfalls(result: AssessmentResult, limit: int = 3) -> tuple[IndicatorOutcome, ...]:
    """The ``limit`` indicators not met that are closest to their threshold.

    Indicators with a numeric gap come first, smallest relative gap first;
    pass/fail shortfalls follow in set order.  (For a to-do list ranked by
    investment, see :func:`ntm_criteria.progress.rank_shortfalls`.)

    >>> import datetime
    >>> from ntm_criteria import assess, demo
    >>> r = assess(demo.gazetteer().effective("03664"), demo.criterion_set(),
    ...            demo.observations()["03664"], on=demo.ASSESSMENT_DATE)
    >>> [o.code for o in top_shortfalls(r)]
    ['10.1', '11.1', '13.2']
    """
    ranked = sorted(
        result.shortfalls(),
        key=lambda o: (o.relative_gap is None, o.relative_gap or 0),
    )
    return tuple(ranked[:limit])


def outcome_text(outcome: IndicatorOutcome, lang: str) -> str:
    """``code: detail`` of an indicator outcome (the code alone when there is no detail)."""
    detail = outcome.detail(lang)
    return f"{outcome.code}: {detail}" if detail else outcome.code


def results_table(results: Sequence[AssessmentResult], lang: str = "vi") -> str:
    """A plain-text table: code, locality, criteria met x/N, status, main shortfalls.

    >>> from ntm_criteria import assess, demo
    >>> r = assess(demo.gazetteer().effective("03676"), demo.criterion_set(),
    ...            demo.observations()["03676"], on=demo.ASSESSMENT_DATE)
    >>> print(results_table([r]))
    Mã     Địa phương  Đạt  Kết quả  Thiếu hụt chính
    -----  ----------  ---  -------  ---------------
    03676  xã Hua La   8/8  đạt      —
    """
    language = check_lang(lang)
    rows = []
    for r in results:
        shortfall_text = "; ".join(outcome_text(o, language) for o in top_shortfalls(r))
        rows.append(
            (
                r.locality.code,
                r.locality.label(language),
                f"{r.met_count}/{r.total}",
                r.status.label(language),
                shortfall_text or "—",
            )
        )
    headers = columns(language, "code", "locality", "met", "status", "main_shortfalls")
    return table(headers, rows, "text")


def criteria_sentence(
    items: Iterable[AssessmentResult | Progress | LevelDecision], lang: str = "vi"
) -> str:
    """Criteria met per locality, as a report sentence.

    A :class:`~ntm_criteria.levels.LevelDecision` counts the criteria of its
    lowest set.

    >>> from ntm_criteria import assess, demo
    >>> places, s, obs = demo.gazetteer(), demo.criterion_set(), demo.observations()
    >>> rs = [assess(places.effective(c), s, obs[c], on=demo.ASSESSMENT_DATE)
    ...       for c in ("03664", "03658")]
    >>> criteria_sentence(rs, "en")
    'Chieng Xom commune meets 5/8 criteria, Chieng Co commune 6/8'
    """
    language = check_lang(lang)
    parts = []
    for n, item in enumerate(items):
        result = _result_of(item)
        key = "report.criteria_sentence." + ("first" if n == 0 else "next")
        name = result.locality.label(language)
        parts.append(message(key, language, name=name, ratio=f"{result.met_count}/{result.total}"))
    return ", ".join(parts)


def _result_of(item: AssessmentResult | Progress | LevelDecision) -> AssessmentResult:
    if isinstance(item, Progress):
        return item.result
    if isinstance(item, LevelDecision):
        return item.steps[0].result
    return item
