"""Assessment results side by side: the results table and the criteria-met sentence.

Private: see :mod:`ntm_criteria.report`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ntm_criteria.assessment import AssessmentResult, IndicatorOutcome
from ntm_criteria.levels import LevelDecision
from ntm_criteria.progress import Progress
from ntm_criteria.report._tables import check_format, table
from ntm_criteria.report._words import columns
from ntm_criteria.rules import Status
from ntm_criteria.text import Lang, check_lang, message

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


def results_table(
    results: Sequence[AssessmentResult], lang: str = "vi", *, fmt: str = "text"
) -> str:
    """A table (plain text or Markdown): code, locality, criteria met x/N, status, main shortfalls.

    A count that rests on illustrative or unverified thresholds is marked
    ``*`` and a note under the table names those indicators; criteria found
    not met by review are listed among the shortfalls, and reviews that
    disagree with the observations are listed under the table.

    >>> from ntm_criteria import assess, demo
    >>> r = assess(demo.gazetteer().effective("03676"), demo.criterion_set(),
    ...            demo.observations()["03676"], on=demo.ASSESSMENT_DATE)
    >>> print(results_table([r]))
    Mã     Địa phương  Đạt   Kết quả  Thiếu hụt chính
    -----  ----------  ----  -------  ---------------
    03676  xã Hua La   8/8*  đạt      —
    * Dựa trên ngưỡng minh họa hoặc chưa kiểm chứng (chỉ tiêu 1.1, 4.1, 10.1, 11.1, 13.1, 13.2, 13.3, 17.1, …); không dùng để báo cáo chính thức.
    """
    language, form = check_lang(lang), check_format(fmt)
    rows = []
    for r in results:
        mark = "*" if r.untrusted() else ""
        rows.append(
            (
                r.locality.code,
                r.locality.label(language),
                f"{r.met_count}/{r.total}{mark}",
                r.status.label(language),
                _shortfall_text(r, language) or "—",
            )
        )
    headers = columns(language, "code", "locality", "met", "status", "main_shortfalls")
    notes = _untrusted_note(results, language) + _disagreement_note(results, language)
    return table(headers, rows, form) + notes


def _shortfall_text(result: AssessmentResult, lang: Lang) -> str:
    parts = [outcome_text(o, lang) for o in top_shortfalls(result)]
    by_review = [
        str(c.number) for c in result.criteria if c.by_review and c.status is Status.NOT_MET
    ]
    if by_review:
        parts.append(message("assessment.review.not_met", lang, numbers=", ".join(by_review)))
    return "; ".join(parts)


def _untrusted_note(results: Sequence[AssessmentResult], lang: Lang) -> str:
    """The note under a table whose counts rest on illustrative or unverified thresholds."""
    codes = list(dict.fromkeys(i.code for r in results for i in r.untrusted()))
    if not codes:
        return ""
    shown = ", ".join(codes[:_SHOWN_CODES]) + (", …" if len(codes) > _SHOWN_CODES else "")
    return "\n" + message("assessment.table.untrusted", lang, codes=shown)


def _disagreement_note(results: Sequence[AssessmentResult], lang: Lang) -> str:
    """Reviews that disagree with what the observations decide, one line each, under the table."""
    found = [(r, d) for r in results for d in r.review_disagreements]
    if not found:
        return ""
    lines = [message("assessment.review.disagreements", lang, count=len(found))]
    lines += [
        f"  {r.locality.code} ({r.locality.label(lang)}): {d.describe(lang)}" for r, d in found
    ]
    return "\n" + "\n".join(lines)


# A note naming every indicator of a 19-criterion set would be longer than the table.
_SHOWN_CODES = 8


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
