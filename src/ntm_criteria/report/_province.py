"""The whole roll-up report a steering committee writes for a province or district.

Private: see :mod:`ntm_criteria.report`.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from ntm_criteria.periods import RecurringDeadline, format_date
from ntm_criteria.progress import Basis, PlanTarget, Roadmap, RollUp
from ntm_criteria.report._roadmap import roadmap_table
from ntm_criteria.report._rollup import (
    distribution_table,
    levels_table,
    rollup_sentence,
    standings_table,
)
from ntm_criteria.report._tables import Format, bullets, check_format, heading
from ntm_criteria.report._words import capital, level_name
from ntm_criteria.text import Lang, check_lang, message, pick

__all__ = ["basis_line", "rollup_report", "untrusted_line"]


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

    Under the sentence, a line says what the headline counts (recognition
    decisions in force, or the assessment) and, when any outcome rests on an
    illustrative or unverified threshold, a note names those indicators.

    >>> from ntm_criteria import Level, assess, demo
    >>> from ntm_criteria.progress import PlanTarget, roll_up
    >>> places, s, obs = demo.gazetteer(), demo.criterion_set(), demo.observations()
    >>> up = roll_up([assess(places.effective(c), s, obs[c], on=demo.ASSESSMENT_DATE) for c in obs])
    >>> text = rollup_report(up, title="Báo cáo minh họa", on=demo.ASSESSMENT_DATE,
    ...                      targets=[PlanTarget(Level.STANDARD, count=3)], fmt="markdown")
    >>> for line in text.splitlines()[:7]:
    ...     print(line)
    ## Báo cáo minh họa
    <BLANKLINE>
    toàn tỉnh có 2/6 xã đạt chuẩn nông thôn mới, đạt 67% kế hoạch
    <BLANKLINE>
    Số xã đạt chuẩn tính theo kết quả đánh giá ngày 30/06/2023, chưa theo quyết định công nhận.
    <BLANKLINE>
    Lưu ý: kết quả đánh giá của 6 xã dựa trên ngưỡng minh họa hoặc chưa kiểm chứng (chỉ tiêu ...) — không dùng để báo cáo chính thức.
    """
    language, form = check_lang(lang), check_format(fmt)

    def section(key: str) -> list[str]:
        return ["", heading(message(f"report.province.{key}", language), form, 3), ""]

    lines = [heading(title, form, 2), ""]
    if targets:
        lines += [rollup_sentence(rollup, targets, language, scope=scope), ""]
    lines += [basis_line(rollup, on, language)]
    note = untrusted_line(rollup, language)
    if note:
        lines += ["", note]
    lines += [""]
    lines += section("levels")[1:]
    lines += [levels_table(rollup, language, targets=targets, fmt=form)]
    lines += section("criteria_met")
    lines += [distribution_table(rollup, language, fmt=form)]
    lines += section("at_risk")
    risky = [
        f"{s.locality.label(language)}: "
        + ", ".join(level_name(level, language) for level in s.at_risk)
        for s in rollup.at_risk()
    ]
    lines += bullets(risky or [message("report.none", language)], form)
    if roadmap is not None:
        lines += section("overdue")
        lines += _roadmap_lines(roadmap, on, language, form)
    lines += section("every_locality")
    lines.append(standings_table(rollup, language, fmt=form))
    return "\n".join(lines)


def basis_line(rollup: RollUp, on: datetime.date, lang: Lang) -> str:
    """What the headline counts: recognition decisions in force, or the assessment."""
    key = "basis_recognised" if rollup.headline_basis is Basis.RECOGNISED else "basis_assessed"
    kind = rollup.kind_name(lang)
    text = message(f"report.province.{key}", lang, kind=kind, date=format_date(on, lang))
    return capital(text)


def untrusted_line(rollup: RollUp, lang: Lang) -> str | None:
    """The warning that some outcomes rest on illustrative or unverified thresholds."""
    untrusted = rollup.untrusted()
    if not untrusted:
        return None
    codes = ", ".join(dict.fromkeys(code for s in untrusted for code in s.untrusted))
    return message(
        "report.province.untrusted",
        lang,
        count=len(untrusted),
        kind=rollup.kind_name(lang),
        codes=codes,
    )


def _roadmap_lines(roadmap: Roadmap, on: datetime.date, lang: Lang, fmt: Format) -> list[str]:
    late = roadmap.overdue(on)
    if late:
        lines = [roadmap_table(late, lang, fmt=fmt)]
    else:
        lines = bullets([message("report.none", lang)], fmt)
    upcoming = roadmap.next_report(on)
    if upcoming is not None:
        lines += ["", _deadline_line(*upcoming, lang)]
    return lines


def _deadline_line(day: datetime.date, deadline: RecurringDeadline, lang: Lang) -> str:
    what = pick(deadline.description_vi or "", deadline.description_en or "", lang)
    return message(
        "report.province.next_deadline",
        lang,
        what=what or message("report.province.report", lang),
        date=format_date(day, lang),
        deadline=deadline.label(lang),
    )
