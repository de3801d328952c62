"""Roll-ups as tables and sentences: localities per level, per criteria met, one by one.

Private: see :mod:`ntm_criteria.report`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ntm_criteria.criteria import Level
from ntm_criteria.progress import PlanTarget, RollUp
from ntm_criteria.report._tables import check_format, table
from ntm_criteria.report._words import capital, columns, count, level_name
from ntm_criteria.text import Lang, check_lang, format_number, format_percent, message, pick

__all__ = ["distribution_table", "levels_table", "rollup_sentence", "standings_table"]


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
    language, form = check_lang(lang), check_format(fmt)
    kind = _kind_column(rollup, language)
    headers = columns(language, "level")
    headers += (kind, *columns(language, "share", "undecided", "plan", "plan_share"))
    plans = {t.level: rollup.against(t) for t in targets}
    rows = []
    for level in sorted({*rollup.levels, *plans}):
        plan = plans.get(level)
        rows.append(
            (
                level_name(level, language),
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
            level_name(None, language),
            str(none),
            format_percent(share, language, decimals=1),
            "—",
            "—",
            "—",
        )
    )
    return table(headers, rows, form)


def _kind_column(rollup: RollUp, lang: Lang) -> str:
    """The column that counts localities: "Số xã" / "Communes"."""
    return capital(message("report.column.kind_count", lang, kind=rollup.kind_name(lang)))


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
    language, form = check_lang(lang), check_format(fmt)
    kind = _kind_column(rollup, language)
    headers = (*columns(language, "criteria_met_count"), kind, *columns(language, "share"))
    rows = [
        (
            b.label(),
            str(n),
            format_percent(n / rollup.count if rollup.count else 0, language, decimals=1),
        )
        for b, n in rollup.distribution()
    ]
    return table(headers, rows, form)


def standings_table(rollup: RollUp, lang: str = "vi", *, fmt: str = "text") -> str:
    """One row per locality: level, criteria met, undecided, recognised level, at risk.

    >>> from ntm_criteria import assess, demo
    >>> from ntm_criteria.progress import roll_up
    >>> places, s, obs = demo.gazetteer(), demo.criterion_set(), demo.observations()
    >>> up = roll_up([assess(places.effective(c), s, obs[c], on=demo.ASSESSMENT_DATE)
    ...               for c in ("03664", "03676")])
    >>> print(standings_table(up, "en"))
    Code   Locality            Level     Criteria met  Need data  Recognised  At risk
    -----  ------------------  --------  ------------  ---------  ----------  -------
    03664  Chieng Xom commune  no level  5/8           0          —           —
    03676  Hua La commune      standard  8/8           0          —           —
    """
    language, form = check_lang(lang), check_format(fmt)
    headers = columns(
        language, "code", "locality", "level", "criteria_met", "need_data", "recognised", "at_risk"
    )
    rows = [
        (
            s.locality.code,
            s.locality.label(language),
            level_name(s.level, language),
            f"{s.criteria_met}/{s.criteria_total}",
            str(s.criteria_unknown),
            level_name(s.recognised, language) if s.recognised else "—",
            ", ".join(level_name(level, language) for level in s.at_risk) or "—",
        )
        for s in rollup.standings
    ]
    return table(headers, rows, form)


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
    language = check_lang(lang)
    words = {level: message(f"report.held.{level.key}", language) for level in Level}
    words.update(phrases or {})
    kind = rollup.kind_name(language)
    where = scope if scope is not None else message("report.rollup.scope", language)
    clauses = []
    for n, item in enumerate(targets):
        level = item.level if isinstance(item, PlanTarget) else item
        reached = rollup.reached(level)
        if n == 0:
            fields = {"scope": where, "reached": reached, "total": rollup.count}
            number = message("report.rollup.total", language, **fields)
        else:
            number = count(reached, language)
        clause = f"{number} {kind} {words[level]}"
        if isinstance(item, PlanTarget):
            ratio = format_percent(rollup.against(item).ratio, language)
            label = pick(item.label_vi, item.label_en, language)
            clause += ", " + message(
                "report.rollup.against_plan", language, ratio=ratio, label=label
            )
        clauses.append(clause)
    return "; ".join(clauses)
