"""Rendering results as text and Markdown, in Vietnamese or English.

This is the edge layer: the analysis modules (:mod:`~ntm_criteria.assessment`,
:mod:`~ntm_criteria.levels`, :mod:`~ntm_criteria.progress`) compute; the
functions here only write.  Numbers follow the language: ``66%``, ``72,56``,
``2.160 triệu đồng`` in Vietnamese; ``72.56``, ``2,160 million VND`` in English.
Tables come as aligned plain text (``fmt="text"``) or Markdown
(``fmt="markdown"``).

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
>>> criteria_sentence(results)
'xã Chiềng Xôm đạt 5/8 tiêu chí, xã Hua La đạt 8/8'

``Format`` is the type of the ``fmt`` argument:

>>> from typing import get_args
>>> get_args(Format)
('text', 'markdown')
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping, Sequence
from typing import Literal, TypeAlias

from ntm_criteria.assessment import AssessmentResult, CriterionOutcome, IndicatorOutcome
from ntm_criteria.criteria import Level
from ntm_criteria.errors import DataError
from ntm_criteria.levels import LevelDecision
from ntm_criteria.progress import (
    PlanItem,
    PlanTarget,
    Progress,
    Roadmap,
    RollUp,
    Shortfall,
    rank_shortfalls,
    shortfalls,
)
from ntm_criteria.rules import AtMost, Status
from ntm_criteria.text import Lang, check_lang, format_number, format_percent, format_quantity

__all__ = [
    "Format",
    "criteria_sentence",
    "distribution_table",
    "levels_table",
    "results_table",
    "roadmap_table",
    "rollup_report",
    "rollup_sentence",
    "scorecard",
    "standings_table",
    "top_shortfalls",
]

#: How a table is written: aligned plain ``"text"`` or a ``"markdown"`` pipe table.
Format: TypeAlias = Literal["text", "markdown"]

_HEADERS = {
    "vi": ("Mã", "Địa phương", "Đạt", "Kết quả", "Thiếu hụt chính"),
    "en": ("Code", "Locality", "Met", "Status", "Main shortfalls"),
}

#: How reports say a locality holds a level ("62/127 xã đạt chuẩn nông thôn mới").
_HELD = {
    "vi": {
        Level.STANDARD: "đạt chuẩn nông thôn mới",
        Level.ADVANCED: "đạt chuẩn nâng cao",
        Level.MODEL: "đạt chuẩn kiểu mẫu",
    },
    "en": {
        Level.STANDARD: "meet the new rural standard",
        Level.ADVANCED: "meet the advanced standard",
        Level.MODEL: "meet the model standard",
    },
}
_NO_LEVEL = {"vi": "chưa đạt chuẩn", "en": "no level"}


# --------------------------------------------------------------------------- building blocks


def _lang(lang: str) -> Lang:
    return check_lang(lang)


def _format(fmt: str) -> Format:
    if fmt == "text":
        return "text"
    if fmt == "markdown":
        return "markdown"
    raise DataError(f"unknown report format {fmt!r}", expected="'text' or 'markdown'")


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]], fmt: Format) -> str:
    if fmt == "markdown":
        lines = ["| " + " | ".join(_cell(h) for h in headers) + " |"]
        lines.append("|" + "|".join("---" for _ in headers) + "|")
        lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
        return "\n".join(lines)
    table = [tuple(headers), *(tuple(row) for row in rows)]
    widths = [max(len(row[i]) for row in table) for i in range(len(headers))]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in table
    ]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines)


def _heading(text: str, fmt: Format, level: int = 2) -> str:
    return f"{'#' * level} {text}" if fmt == "markdown" else text


def _bullets(lines: Iterable[str], fmt: Format) -> list[str]:
    return [f"- {line}" if fmt == "markdown" else f"  {line}" for line in lines]


def _date(day: datetime.date, lang: Lang) -> str:
    return day.strftime("%d/%m/%Y") if lang == "vi" else day.isoformat()


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _count(number: int, lang: Lang) -> str:
    """A count as Vietnamese official writing has it: two digits below ten ("05 xã")."""
    return f"{number:02d}" if lang == "vi" and 1 <= number < 10 else str(number)


def _level_name(level: Level | None, lang: Lang) -> str:
    return _NO_LEVEL[lang] if level is None else level.label(lang)


# --------------------------------------------------------------------------- results


def top_shortfalls(result: AssessmentResult, limit: int = 3) -> tuple[IndicatorOutcome, ...]:
    """The ``limit`` indicators not met that are closest to their threshold.

    Indicators with a numeric gap come first, smallest relative gap first;
    pass/fail shortfalls follow in set order.  (For a to-do list ranked by
    investment, see :func:`ntm_criteria.progress.rank_shortfalls`.)

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
    """A plain-text table: code, locality, criteria met x/N, status, main shortfalls.

    >>> from ntm_criteria import assess, demo
    >>> r = assess(demo.gazetteer().effective("04045"), demo.criterion_set(),
    ...            demo.observations()["04045"], on=demo.ASSESSMENT_DATE)
    >>> print(results_table([r]))
    Mã     Địa phương  Đạt  Kết quả  Thiếu hụt chính
    -----  ----------  ---  -------  ---------------
    04045  xã Hua La   8/8  đạt      —
    """
    rows = []
    for r in results:
        shortfall_text = "; ".join(_shortfall_text(o, lang) for o in top_shortfalls(r))
        rows.append(
            (
                r.locality.code,
                r.locality.label(lang),
                f"{r.met_count}/{r.total}",
                r.status.label(lang),
                shortfall_text or "—",
            )
        )
    return _table(_HEADERS["vi" if lang == "vi" else "en"], rows, "text")


def criteria_sentence(
    items: Iterable[AssessmentResult | Progress | LevelDecision], lang: str = "vi"
) -> str:
    """Criteria met per locality, as a report sentence.

    A :class:`~ntm_criteria.levels.LevelDecision` counts the criteria of its
    lowest set.

    >>> from ntm_criteria import assess, demo
    >>> places, s, obs = demo.gazetteer(), demo.criterion_set(), demo.observations()
    >>> rs = [assess(places.effective(c), s, obs[c], on=demo.ASSESSMENT_DATE)
    ...       for c in ("04036", "04042")]
    >>> criteria_sentence(rs, "en")
    'Chieng Xom commune meets 5/8 criteria, Chieng Co commune 6/8'
    """
    language = _lang(lang)
    parts = []
    for n, item in enumerate(items):
        result = _result_of(item)
        name = result.locality.label(language)
        ratio = f"{result.met_count}/{result.total}"
        if language == "vi":
            parts.append(f"{name} đạt {ratio}" + (" tiêu chí" if n == 0 else ""))
        else:
            parts.append(f"{name} " + (f"meets {ratio} criteria" if n == 0 else ratio))
    return ", ".join(parts)


def _result_of(item: AssessmentResult | Progress | LevelDecision) -> AssessmentResult:
    if isinstance(item, Progress):
        return item.result
    if isinstance(item, LevelDecision):
        return item.steps[0].result
    return item


# --------------------------------------------------------------------------- scorecards


def _criterion_detail(criterion: CriterionOutcome, lang: Lang) -> str:
    if criterion.status not in (Status.NOT_MET, Status.UNKNOWN):
        return ""
    parts = []
    for outcome in criterion.indicators:
        if outcome.status is criterion.status:
            detail = outcome.detail(lang)
            parts.append(f"{outcome.code}: {detail}" if detail else outcome.code)
    return "; ".join(parts)


def _criteria_table(result: AssessmentResult, lang: Lang, fmt: Format) -> str:
    headers = (
        ("TT", "Tiêu chí", "Kết quả", "Chi tiết")
        if lang == "vi"
        else ("No.", "Criterion", "Status", "Detail")
    )
    rows = [
        (
            str(c.number),
            c.name_vi if lang == "vi" else c.name_en,
            c.status.label(lang),
            _criterion_detail(c, lang) or "—",
        )
        for c in result.criteria
    ]
    return _table(headers, rows, fmt)


def _gap_text(shortfall: Shortfall, lang: Lang) -> str:
    gap = shortfall.gap
    if gap is None:
        return ""
    unit = shortfall.outcome.unit
    amount = format_quantity(gap, unit, lang) if unit else format_number(gap, lang)
    if isinstance(shortfall.outcome.required, AtMost):
        text = f"{'vượt' if lang == 'vi' else 'over by'} {amount}"
    else:
        text = f"{'thiếu' if lang == 'vi' else 'short by'} {amount}"
    if shortfall.relative_gap is not None:
        share = format_percent(shortfall.relative_gap, lang, decimals=1)
        text += f" ({share} của ngưỡng)" if lang == "vi" else f" ({share} of the threshold)"
    return text


def _investment_text(shortfall: Shortfall, lang: Lang) -> str:
    flag = shortfall.needs_investment
    if flag is None:
        return ""
    if lang == "vi":
        return "cần đầu tư" if flag else "không cần đầu tư"
    return "needs investment" if flag else "no investment needed"


def _todo_lines(result: AssessmentResult, lang: Lang, fmt: Format) -> list[str]:
    lines = []
    for n, item in enumerate(rank_shortfalls(shortfalls(result)), 1):
        extra = "; ".join(t for t in (_gap_text(item, lang), _investment_text(item, lang)) if t)
        text = item.describe(lang) + (f" — {extra}" if extra else "")
        lines.append(f"{n}. {text}" if fmt == "markdown" else f"  {n}. {text}")
    return lines


def _steps_table(decision: LevelDecision, lang: Lang, fmt: Format) -> str:
    headers = (
        ("Mức", "Bộ tiêu chí", "Tiêu chí đạt", "Điều kiện", "Kết quả")
        if lang == "vi"
        else ("Level", "Set", "Criteria met", "Precondition", "Result")
    )
    rows = []
    for step in decision.steps:
        if step.requires is None:
            before = "—"
        else:
            before = f"{_level_name(step.requires, lang)}: {step.precondition.label(lang)}"
        rows.append(
            (
                _level_name(step.level, lang),
                step.set_id,
                f"{step.result.met_count}/{step.result.total}",
                before,
                step.status.label(lang),
            )
        )
    return _table(headers, rows, fmt)


def scorecard(
    subject: AssessmentResult | LevelDecision, lang: str = "vi", *, fmt: str = "text"
) -> str:
    """A locality's scorecard: the headline, each criterion, and a ranked to-do list.

    For a :class:`~ntm_criteria.levels.LevelDecision`, the scorecard adds
    the level held and each rung of the ladder, and details the set of the
    next level (what stands between), or of the level held at the top; it
    ends with the recognitions and whether each is maintained.

    >>> from ntm_criteria import assess, demo
    >>> r = assess(demo.gazetteer().effective("04042"), demo.criterion_set(),
    ...            demo.observations()["04042"], on=demo.ASSESSMENT_DATE)
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
    language, form = _lang(lang), _format(fmt)
    if isinstance(subject, LevelDecision):
        return _decision_card(subject, language, form)
    return "\n".join(_result_card(subject, language, form, head=True))


def _result_card(result: AssessmentResult, lang: Lang, fmt: Format, *, head: bool) -> list[str]:
    p = Progress(result)
    title = result.set_title_vi if lang == "vi" else result.set_title_en
    share = format_percent(p.criteria_share, lang)
    if lang == "vi":
        counts = (
            f"đạt {p.criteria_met}/{p.criteria_total} tiêu chí ({share}), "
            f"{p.indicators_met}/{p.indicators_total} chỉ tiêu; bộ tiêu chí {result.status.label('vi')}"
        )
        if p.criteria_unknown:
            counts += f"; {p.criteria_unknown} tiêu chí cần số liệu"
    else:
        counts = (
            f"{p.criteria_met}/{p.criteria_total} criteria met ({share}), "
            f"{p.indicators_met}/{p.indicators_total} indicators; set {result.status.label('en')}"
        )
        if p.criteria_unknown:
            counts += f"; {p.criteria_unknown} criteria need data"
    lines = []
    if head:
        name = _capital(result.locality.label(lang))
        lines.append(_heading(f"{name} — {_date(result.on, lang)}", fmt, 3))
    lines += _bullets([f"{title} ({result.set_id})", counts], fmt)
    lines += ["", _criteria_table(result, lang, fmt)]
    todo = _todo_lines(result, lang, fmt)
    if todo:
        lines += ["", "Việc cần làm, theo thứ tự ưu tiên:" if lang == "vi" else "To do, in order:"]
        lines += todo
    untrusted = result.untrusted()
    if untrusted:
        lines += [
            "",
            "Lưu ý: có ngưỡng minh họa hoặc chưa kiểm chứng — không dùng để báo cáo chính thức."
            if lang == "vi"
            else "Note: some thresholds are illustrative or unverified — not for official reporting.",
        ]
    return lines


def _decision_card(decision: LevelDecision, lang: Lang, fmt: Format) -> str:
    name = _capital(decision.locality.label(lang))
    level, following = decision.level, decision.next_level
    if lang == "vi":
        facts = [
            f"Mức đạt: {_level_name(level, 'vi')}",
            f"Mức tiếp theo: {_level_name(following, 'vi')}"
            if following
            else "Đã ở mức cao nhất của thang",
        ]
    else:
        facts = [
            f"Level held: {_level_name(level, 'en')}",
            f"Next level: {_level_name(following, 'en')}"
            if following
            else "At the top of the ladder",
        ]
    facts += [
        ("Công nhận: " if lang == "vi" else "Recognised: ") + m.explain(lang)
        for m in decision.maintenance
    ]
    lines = [_heading(f"{name} — {_date(decision.on, lang)}", fmt, 3)]
    lines += _bullets(facts, fmt)
    lines += ["", _steps_table(decision, lang, fmt)]
    focus = decision.next_step or decision.steps[-1]
    label = _level_name(focus.level, lang)
    lines += [
        "",
        _heading(f"Bộ tiêu chí mức {label}" if lang == "vi" else f"The {label} set", fmt, 4),
    ]
    lines += _result_card(focus.result, lang, fmt, head=False)
    return "\n".join(lines)


# --------------------------------------------------------------------------- roll-ups


def levels_table(
    rollup: RollUp, lang: str = "vi", *, targets: Sequence[PlanTarget] = (), fmt: str = "text"
) -> str:
    """Localities per level: how many hold it (or higher), the share, and the plan.

    >>> from ntm_criteria import assess, demo
    >>> from ntm_criteria.progress import PlanTarget, roll_up
    >>> places, s, obs = demo.gazetteer(), demo.criterion_set(), demo.observations()
    >>> up = roll_up([assess(places.effective(c), s, obs[c], on=demo.ASSESSMENT_DATE) for c in obs])
    >>> print(levels_table(up, targets=[PlanTarget(Level.STANDARD, count=3)]))
    Mức             Số xã  Tỷ lệ  Cần số liệu  Kế hoạch  % kế hoạch
    --------------  -----  -----  -----------  --------  ----------
    đạt chuẩn       2      33,3%  0            3         67%
    chưa đạt chuẩn  4      66,7%  —            —         —
    """
    language, form = _lang(lang), _format(fmt)
    kind = rollup.kind_name(language)
    if language == "vi":
        headers = ("Mức", f"Số {kind}", "Tỷ lệ", "Cần số liệu", "Kế hoạch", "% kế hoạch")
    else:
        headers = ("Level", kind.capitalize(), "Share", "Undecided", "Plan", "% of plan")
    plans = {t.level: rollup.against(t) for t in targets}
    rows = []
    for level in sorted({*rollup.levels, *plans}):
        plan = plans.get(level)
        rows.append(
            (
                _level_name(level, language),
                str(rollup.reached(level)),
                format_percent(rollup.share(level), language, decimals=1),
                str(rollup.undecided(level)),
                format_number(plan.planned, language, decimals=1) if plan else "—",
                format_percent(plan.ratio, language) if plan else "—",
            )
        )
    none = rollup.at_level(None)
    share = none / rollup.count if rollup.count else 0
    rows.append(
        (
            _NO_LEVEL[language],
            str(none),
            format_percent(share, language, decimals=1),
            "—",
            "—",
            "—",
        )
    )
    return _table(headers, rows, form)


def distribution_table(rollup: RollUp, lang: str = "vi", *, fmt: str = "text") -> str:
    """How many localities meet how many criteria (the bins of the roll-up).

    >>> from ntm_criteria import assess, demo
    >>> from ntm_criteria.progress import roll_up
    >>> places, s, obs = demo.gazetteer(), demo.criterion_set(), demo.observations()
    >>> up = roll_up([assess(places.effective(c), s, obs[c], on=demo.ASSESSMENT_DATE)
    ...               for c in obs], bins=(6, 8))
    >>> print(distribution_table(up, "en", fmt="markdown"))
    | Criteria met | Communes | Share |
    |---|---|---|
    | < 6 | 3 | 50% |
    | 6–7 | 1 | 16.7% |
    | 8 | 2 | 33.3% |
    """
    language, form = _lang(lang), _format(fmt)
    kind = rollup.kind_name(language)
    headers = (
        ("Số tiêu chí đạt", f"Số {kind}", "Tỷ lệ")
        if language == "vi"
        else ("Criteria met", kind.capitalize(), "Share")
    )
    rows = [
        (
            b.label(),
            str(n),
            format_percent(n / rollup.count if rollup.count else 0, language, decimals=1),
        )
        for b, n in rollup.distribution()
    ]
    return _table(headers, rows, form)


def standings_table(rollup: RollUp, lang: str = "vi", *, fmt: str = "text") -> str:
    """One row per locality: level, criteria met, undecided, recognised level, at risk.

    >>> from ntm_criteria import assess, demo
    >>> from ntm_criteria.progress import roll_up
    >>> places, s, obs = demo.gazetteer(), demo.criterion_set(), demo.observations()
    >>> up = roll_up([assess(places.effective(c), s, obs[c], on=demo.ASSESSMENT_DATE)
    ...               for c in ("04036", "04045")])
    >>> print(standings_table(up, "en"))
    Code   Locality            Level     Criteria met  Need data  Recognised  At risk
    -----  ------------------  --------  ------------  ---------  ----------  -------
    04036  Chieng Xom commune  no level  5/8           0          —           —
    04045  Hua La commune      standard  8/8           0          —           —
    """
    language, form = _lang(lang), _format(fmt)
    headers = (
        ("Mã", "Địa phương", "Mức", "Tiêu chí đạt", "Cần số liệu", "Đã công nhận", "Nguy cơ")
        if language == "vi"
        else ("Code", "Locality", "Level", "Criteria met", "Need data", "Recognised", "At risk")
    )
    rows = [
        (
            s.locality.code,
            s.locality.label(language),
            _level_name(s.level, language),
            f"{s.criteria_met}/{s.criteria_total}",
            str(s.criteria_unknown),
            _level_name(s.recognised, language) if s.recognised else "—",
            ", ".join(_level_name(level, language) for level in s.at_risk) or "—",
        )
        for s in rollup.standings
    ]
    return _table(headers, rows, form)


def rollup_sentence(
    rollup: RollUp,
    targets: Sequence[PlanTarget | Level],
    lang: str = "vi",
    *,
    scope: str | None = None,
    phrases: Mapping[Level, str] | None = None,
) -> str:
    """The roll-up as a report sentence, one clause per level (a plan target or a bare level).

    The first clause names the scope and the total; counts below ten are
    written with two digits in Vietnamese ("05 xã"), as official reports do.
    ``scope`` defaults to ``toàn tỉnh`` / ``province-wide``; ``phrases``
    replaces the words for holding a level.

    >>> from ntm_criteria import assess, demo
    >>> from ntm_criteria.progress import PlanTarget, roll_up
    >>> places, s, obs = demo.gazetteer(), demo.criterion_set(), demo.observations()
    >>> up = roll_up([assess(places.effective(c), s, obs[c], on=demo.ASSESSMENT_DATE) for c in obs])
    >>> rollup_sentence(up, [PlanTarget(Level.STANDARD, count=3, label_vi="kế hoạch năm")])
    'toàn tỉnh có 2/6 xã đạt chuẩn nông thôn mới, đạt 67% kế hoạch năm'
    >>> rollup_sentence(up, [Level.STANDARD], "en", scope="in the demo")
    'in the demo, 2/6 communes meet the new rural standard'
    """
    language = _lang(lang)
    words = {**_HELD[language], **(phrases or {})}
    kind = rollup.kind_name(language)
    where = scope if scope is not None else ("toàn tỉnh" if language == "vi" else "province-wide")
    clauses = []
    for n, item in enumerate(targets):
        level = item.level if isinstance(item, PlanTarget) else item
        reached = rollup.reached(level)
        if n == 0:
            joint = " có " if language == "vi" else ", "
            count = f"{where}{joint}{reached}/{rollup.count}"
        else:
            count = _count(reached, language)
        clause = f"{count} {kind} {words[level]}"
        if isinstance(item, PlanTarget):
            ratio = format_percent(rollup.against(item).ratio, language)
            label = item.label_vi if language == "vi" else item.label_en
            clause += f", đạt {ratio} {label}" if language == "vi" else f", {ratio} {label}"
        clauses.append(clause)
    return "; ".join(clauses)


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
    language, form = _lang(lang), _format(fmt)
    headers: tuple[str, ...] = (
        ("Mã", "Nội dung", "Cơ quan chủ trì", "Hạn", "Trạng thái")
        if language == "vi"
        else ("Code", "Target", "Agency", "Due", "Status")
    )
    if on is not None:
        headers += ("Quá hạn",) if language == "vi" else ("Overdue",)
    rows = []
    for item in items:
        target = item.target(language) + (f": {item.action}" if item.action else "")
        row: tuple[str, ...] = (
            item.locality,
            target,
            item.agency,
            _date(item.due, language),
            item.status.label(language),
        )
        if on is not None:
            late = item.is_overdue(on)
            row += (("có" if late else "không") if language == "vi" else ("yes" if late else "no"),)
        rows.append(row)
    return _table(headers, rows, form)


def rollup_report(
    rollup: RollUp,
    *,
    title: str,
    on: datetime.date,
    targets: Sequence[PlanTarget] = (),
    roadmap: Roadmap | None = None,
    lang: str = "vi",
    fmt: str = "text",
    scope: str | None = None,
) -> str:
    """A whole roll-up report: the sentence, levels against plan, distribution, at-risk
    localities, overdue roadmap items, the next reporting deadline and every locality.

    >>> from ntm_criteria import assess, demo
    >>> from ntm_criteria.progress import PlanTarget, roll_up
    >>> places, s, obs = demo.gazetteer(), demo.criterion_set(), demo.observations()
    >>> up = roll_up([assess(places.effective(c), s, obs[c], on=demo.ASSESSMENT_DATE) for c in obs])
    >>> text = rollup_report(up, title="Báo cáo minh họa", on=demo.ASSESSMENT_DATE,
    ...                      targets=[PlanTarget(Level.STANDARD, count=3)], fmt="markdown")
    >>> print(text.splitlines()[0]); print(text.splitlines()[2])
    ## Báo cáo minh họa
    toàn tỉnh có 2/6 xã đạt chuẩn nông thôn mới, đạt 67% kế hoạch
    """
    language, form = _lang(lang), _format(fmt)
    vi = language == "vi"
    lines = [_heading(title, form, 2), ""]
    if targets:
        lines += [rollup_sentence(rollup, targets, language, scope=scope), ""]
    lines += [_heading("Mức đạt" if vi else "Levels", form, 3), ""]
    lines += [levels_table(rollup, language, targets=targets, fmt=form), ""]
    lines += [_heading("Số tiêu chí đạt" if vi else "Criteria met", form, 3), ""]
    lines += [distribution_table(rollup, language, fmt=form), ""]
    lines += [_heading("Nguy cơ không duy trì" if vi else "At risk", form, 3), ""]
    risky = rollup.at_risk()
    lines += _bullets(
        [
            f"{s.locality.label(language)}: "
            + ", ".join(_level_name(level, language) for level in s.at_risk)
            for s in risky
        ]
        or ["không có" if vi else "none"],
        form,
    )
    if roadmap is not None:
        lines += ["", _heading("Lộ trình quá hạn" if vi else "Overdue roadmap items", form, 3), ""]
        late = roadmap.overdue(on)
        if late:
            lines.append(roadmap_table(late, language, fmt=form))
        else:
            lines += _bullets(["không có" if vi else "none"], form)
        upcoming = roadmap.next_report(on)
        if upcoming is not None:
            day, deadline = upcoming
            what = (deadline.description_vi if vi else deadline.description_en) or (
                "báo cáo" if vi else "report"
            )
            lines += [
                "",
                f"Hạn báo cáo tiếp theo: {what} — {_date(day, language)} ({deadline.label('vi')})"
                if vi
                else f"Next reporting deadline: {what} — {_date(day, language)} "
                f"({deadline.label('en')})",
            ]
    lines += ["", _heading("Từng địa phương" if vi else "Every locality", form, 3), ""]
    lines.append(standings_table(rollup, language, fmt=form))
    return "\n".join(lines)
