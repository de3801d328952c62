"""One locality's scorecard: the headline, each criterion, and a ranked to-do list.

Private: see :mod:`ntm_criteria.report`.
"""

from __future__ import annotations

from ntm_criteria.assessment import AssessmentResult, CriterionOutcome
from ntm_criteria.levels import LevelDecision
from ntm_criteria.periods import format_date
from ntm_criteria.progress import Progress, Shortfall, rank_shortfalls, shortfalls
from ntm_criteria.report._results import outcome_text
from ntm_criteria.report._tables import Format, bullets, check_format, heading, table
from ntm_criteria.report._words import capital, columns, held_name, level_name
from ntm_criteria.rules import AtMost, Status
from ntm_criteria.text import (
    Lang,
    check_lang,
    format_number,
    format_percent,
    format_quantity,
    message,
    pick,
)

__all__ = ["scorecard"]


def scorecard(
    subject: AssessmentResult | LevelDecision, lang: str = "vi", *, fmt: str = "text"
) -> str:
    """A locality's scorecard: the headline, each criterion, and a ranked to-do list.

    For a :class:`~ntm_criteria.levels.LevelDecision`, the scorecard adds
    the level held and each rung of the ladder, and details the set of the
    next level (what stands between), or of the level held at the top; it
    ends with the recognitions and whether each is maintained.

    >>> from ntm_criteria import assess, demo
    >>> r = assess(demo.gazetteer().effective("03658"), demo.criterion_set(),
    ...            demo.observations()["03658"], on=demo.ASSESSMENT_DATE)
    >>> print(scorecard(r, "en", fmt="markdown"))
    ### Chieng Co commune — 2023-06-30
    - Illustrative new rural commune set (demo-commune-standard)
    - 6/8 criteria met (75%), 8/11 indicators; set not met
    <BLANKLINE>
    | No. | Criterion | Status | Detail |
    |---|---|---|---|
    | 1 | Planning | met | — |
    | 3 | Irrigation and natural-disaster prevention | not met | 3.2: not achieved |
    | 4 | Electricity | not met | 4.1: 93% < 95% |
    | 10 | Income | met | — |
    ...
    <BLANKLINE>
    To do, in order:
    1. 3.2 (Proactive disaster prevention under the four on-the-spot motto): not achieved — no investment needed
    2. 4.1 (Share of households with regular, safe electricity): 93% < 95% — short by 2% (2.1% of the threshold); needs investment
    <BLANKLINE>
    Note: some thresholds are illustrative or unverified — not for official reporting.
    """
    language, form = check_lang(lang), check_format(fmt)
    if isinstance(subject, LevelDecision):
        return _decision_card(subject, language, form)
    return "\n".join(_result_card(subject, language, form, head=True))


def _result_card(result: AssessmentResult, lang: Lang, fmt: Format, *, head: bool) -> list[str]:
    p = Progress(result)
    title = pick(result.set_title_vi, result.set_title_en, lang)
    counts = message(
        "report.scorecard.counts",
        lang,
        met=p.criteria_met,
        total=p.criteria_total,
        share=format_percent(p.criteria_share, lang),
        indicators_met=p.indicators_met,
        indicators_total=p.indicators_total,
        status=result.status.label(lang),
    )
    if p.criteria_unknown:
        counts += "; " + message("report.scorecard.unknown", lang, count=p.criteria_unknown)
    lines = []
    if head:
        name = capital(result.locality.label(lang))
        lines.append(heading(f"{name} — {format_date(result.on, lang)}", fmt, 3))
    lines += bullets([f"{title} ({result.set_id})", counts], fmt)
    lines += ["", _criteria_table(result, lang, fmt)]
    todo = _todo_lines(result, lang, fmt)
    if todo:
        lines += ["", message("report.scorecard.todo", lang), *todo]
    if result.untrusted():
        lines += ["", message("report.scorecard.untrusted", lang)]
    return lines


def _criterion_detail(criterion: CriterionOutcome, lang: Lang) -> str:
    if criterion.status not in (Status.NOT_MET, Status.UNKNOWN):
        return ""
    return "; ".join(
        outcome_text(outcome, lang)
        for outcome in criterion.indicators
        if outcome.status is criterion.status
    )


def _criteria_table(result: AssessmentResult, lang: Lang, fmt: Format) -> str:
    rows = [
        (
            str(c.number),
            pick(c.name_vi, c.name_en, lang),
            c.status.label(lang),
            _criterion_detail(c, lang) or "—",
        )
        for c in result.criteria
    ]
    return table(columns(lang, "number", "criterion", "status", "detail"), rows, fmt)


def _gap_text(shortfall: Shortfall, lang: Lang) -> str:
    gap = shortfall.gap
    if gap is None:
        return ""
    unit = shortfall.outcome.unit
    amount = format_quantity(gap, unit, lang) if unit else format_number(gap, lang)
    way = "over" if isinstance(shortfall.outcome.required, AtMost) else "short"
    text = message(f"report.gap.{way}", lang, amount=amount)
    if shortfall.relative_gap is not None:
        share = format_percent(shortfall.relative_gap, lang, decimals=1)
        text += " " + message("report.gap.share", lang, share=share)
    return text


def _investment_text(shortfall: Shortfall, lang: Lang) -> str:
    flag = shortfall.needs_investment
    if flag is None:
        return ""
    return message("report.gap.investment" if flag else "report.gap.no_investment", lang)


def _todo_lines(result: AssessmentResult, lang: Lang, fmt: Format) -> list[str]:
    lines = []
    for n, item in enumerate(rank_shortfalls(shortfalls(result)), 1):
        extra = "; ".join(t for t in (_gap_text(item, lang), _investment_text(item, lang)) if t)
        text = item.describe(lang) + (f" — {extra}" if extra else "")
        lines.append(f"{n}. {text}" if fmt == "markdown" else f"  {n}. {text}")
    return lines


def _steps_table(decision: LevelDecision, lang: Lang, fmt: Format) -> str:
    rows = []
    for step in decision.steps:
        if step.requires is None:
            before = "—"
        else:
            before = f"{level_name(step.requires, lang)}: {step.precondition.label(lang)}"
        rows.append(
            (
                level_name(step.level, lang),
                step.set_id,
                f"{step.result.met_count}/{step.result.total}",
                before,
                step.status.label(lang),
            )
        )
    headers = columns(lang, "level", "set", "criteria_met", "precondition", "result")
    return table(headers, rows, fmt)


def _decision_card(decision: LevelDecision, lang: Lang, fmt: Format) -> str:
    name = capital(decision.locality.label(lang))
    following = decision.next_level
    facts = [
        message(
            "report.scorecard.level_held",
            lang,
            level=held_name(decision.level, decision.steps[0].status, lang),
        ),
        message("report.scorecard.next_level", lang, level=level_name(following, lang))
        if following
        else message("report.scorecard.top_level", lang),
    ]
    facts += [
        message("report.scorecard.recognised", lang, text=m.explain(lang))
        for m in decision.maintenance
    ]
    lines = [heading(f"{name} — {format_date(decision.on, lang)}", fmt, 3)]
    lines += bullets(facts, fmt)
    lines += ["", _steps_table(decision, lang, fmt)]
    focus = decision.next_step or decision.steps[-1]
    label = level_name(focus.level, lang)
    lines += ["", heading(message("report.scorecard.level_set", lang, level=label), fmt, 4)]
    lines += _result_card(focus.result, lang, fmt, head=False)
    return "\n".join(lines)
