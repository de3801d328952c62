"""Roll-ups as tables and sentences: localities per level, per criteria met, one by one.

Private: see :mod:`ntm_criteria.report`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ntm_criteria.criteria import Level
from ntm_criteria.progress import Basis, PlanTarget, Position, RollUp
from ntm_criteria.report._tables import check_format, table
from ntm_criteria.report._words import capital, columns, count, held_name, level_name
from ntm_criteria.rules import Status
from ntm_criteria.text import Lang, check_lang, format_number, format_percent, message, pick

__all__ = ["distribution_table", "levels_table", "rollup_sentence", "standings_table"]


def levels_table(
    rollup: RollUp, lang: str = "vi", *, targets: Sequence[PlanTarget] = (), fmt: str = "text"
) -> str:
    """Localities per level, one column per level: where they stand, the share, and the plan.

    The rows above the total split the localities in three states — met, not
    met, undecided (missing data or a threshold not specified) — and, when
    some locality has a recognition in force, by recognition (see
    :class:`~ntm_criteria.progress.Position`); they add up to the total.  The
    share and the plan count what the headline counts
    (:meth:`~ntm_criteria.progress.RollUp.counted`).

    >>> from ntm_criteria import assess, demo
    >>> from ntm_criteria.progress import PlanTarget, roll_up
    >>> places, s, obs = demo.gazetteer(), demo.criterion_set(), demo.observations()
    >>> up = roll_up([assess(places.effective(c), s, obs[c], on=demo.ASSESSMENT_DATE) for c in obs])
    >>> print(levels_table(up, targets=[PlanTarget(Level.STANDARD, count=3)]))
    Tình trạng     Đạt chuẩn
    -------------  ---------
    Đạt            2
    Chưa đạt       4
    Chưa xác định  0
    Tổng số xã     6
    Tỷ lệ đạt      33,3%
    Kế hoạch       3
    % kế hoạch     67%
    """
    language, form = check_lang(lang), check_format(fmt)
    plans = {t.level: rollup.against(t) for t in targets}
    levels = sorted({*rollup.levels, *plans})
    headers = (
        *columns(language, "standing"),
        *(capital(level_name(lv, language)) for lv in levels),
    )
    recognitions = rollup.has_recognitions
    tallies = [dict(rollup.tally(level)) for level in levels]
    rows = [
        (
            capital(position.label(language, recognitions=recognitions)),
            *(str(t[position]) for t in tallies),
        )
        for position in Position
        if recognitions or not position.is_recognised
    ]
    kind = rollup.kind_name(language)
    rows.append(
        (
            capital(message("report.levels.total", language, kind=kind)),
            *(str(rollup.count) for _ in levels),
        )
    )
    share_key = "share_recognised" if rollup.headline_basis is Basis.RECOGNISED else "share_met"
    shares = (format_percent(rollup.share(lv), language, decimals=1) for lv in levels)
    rows.append((message(f"report.levels.{share_key}", language), *shares))
    if plans:
        planned = [plans.get(lv) for lv in levels]
        rows.append(
            (
                *columns(language, "plan"),
                *(format_number(p.planned, language, decimals=1) if p else "—" for p in planned),
            )
        )
        rows.append(
            (
                *columns(language, "plan_share"),
                *(format_percent(p.ratio, language) if p else "—" for p in planned),
            )
        )
    return table(headers, rows, form)


def _kind_column(rollup: RollUp, lang: Lang) -> str:
    """The column that counts localities: "Số xã" / "Communes"."""
    return capital(message("report.column.kind_count", lang, kind=rollup.kind_name(lang)))


def distribution_table(rollup: RollUp, lang: str = "vi", *, fmt: str = "text") -> str:
    """How many localities meet how many criteria (the bins of the roll-up).

    Localities with no decided criterion are a row of their own ("chưa có số
    liệu"), never counted as meeting none.

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
    if rollup.no_data():
        rows.append(
            (
                message("report.levels.no_data", language),
                str(rollup.no_data()),
                format_percent(rollup.no_data() / rollup.count, language, decimals=1),
            )
        )
    return table(headers, rows, form)


def standings_table(rollup: RollUp, lang: str = "vi", *, fmt: str = "text") -> str:
    """One row per locality: level, criteria met, undecided, recognised level, at risk.

    A locality at no level is "chưa đạt chuẩn" only when its lowest level is
    surely not met; without the data to decide, it is "chưa xác định".

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
            held_name(s.level, s.holds(s.lowest) if s.lowest else Status.UNKNOWN, language),
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

    Each clause counts what the roll-up's headline counts
    (:meth:`~ntm_criteria.progress.RollUp.counted`: recognitions in force,
    or the current assessment).  The first clause names the scope and the total; counts below ten are
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
        reached = rollup.counted(level)
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
