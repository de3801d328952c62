"""Shortfalls (the to-do list of indicators not met) and a locality's progress along a set."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from fractions import Fraction
from typing import Any, TypeAlias

import attrs

from ntm_criteria.analysis._wording import heading_name, say
from ntm_criteria.assessment import AssessmentResult, IndicatorOutcome
from ntm_criteria.geography import Locality
from ntm_criteria.periods import format_date
from ntm_criteria.rules import Status
from ntm_criteria.text import check_lang, format_percent, pick


def share(part: int, whole: int) -> Fraction:
    """``part`` over ``whole`` (0 when there is no whole)."""
    return Fraction(part, whole) if whole else Fraction(0)


@attrs.frozen(slots=True)
class Shortfall:
    """An indicator not met, as an item of a to-do list.

    ``locality`` is the locality's code, ``criterion`` the number of the
    criterion it belongs to and ``position`` its place in the set (0 for the
    first indicator), which breaks ties in a ranking.  ``outcome`` carries the
    actual value, the threshold, the gap and the investment flag.

    >>> from ntm_criteria import assess, demo
    >>> r = assess(demo.gazetteer().effective("03664"), demo.criterion_set(),
    ...            demo.observations()["03664"], on=demo.ASSESSMENT_DATE)
    >>> s = shortfalls(r)[0]
    >>> s.code, s.criterion, s.gap, s.relative_gap, s.needs_investment
    ('10.1', 10, Fraction(1, 2), Fraction(1, 84), True)
    >>> s.describe("vi")
    '10.1 (Thu nhập bình quân đầu người khu vực nông thôn): 41,5 < 42 triệu đồng/người/năm'
    """

    locality: str
    criterion: int
    position: int
    outcome: IndicatorOutcome

    @property
    def code(self) -> str:
        """The indicator's code."""
        return self.outcome.code

    @property
    def gap(self) -> Fraction | None:
        """How far short the value is, in the indicator's unit (``None`` for pass/fail)."""
        return self.outcome.gap

    @property
    def relative_gap(self) -> Fraction | None:
        """The gap as a share of the threshold (``None`` for pass/fail)."""
        return self.outcome.relative_gap

    @property
    def needs_investment(self) -> bool | None:
        """Whether meeting it takes investment (``None``: not recorded)."""
        return self.outcome.needs_investment

    def describe(self, lang: str = "vi") -> str:
        """``code (name): value against threshold``."""
        name = pick(self.outcome.name_vi, self.outcome.name_en, lang)
        detail = self.outcome.detail(lang)
        return f"{self.code} ({name})" + (f": {detail}" if detail else "")


#: A ranking key for shortfalls: any function of a :class:`Shortfall` whose values compare.
ShortfallKey: TypeAlias = Callable[[Shortfall], Any]


def shortfalls(
    result: AssessmentResult, *, include_met_criteria: bool = False
) -> tuple[Shortfall, ...]:
    """The indicators not met of the criteria not met, in set order.

    An indicator not met inside a criterion that is met anyway (two of three
    in an "at least k of" rule) is left out unless ``include_met_criteria``.

    >>> from ntm_criteria import assess, demo
    >>> r = assess(demo.gazetteer().effective("03664"), demo.criterion_set(),
    ...            demo.observations()["03664"], on=demo.ASSESSMENT_DATE)
    >>> [s.code for s in shortfalls(r)]
    ['10.1', '11.1', '13.2', '13.3']
    """
    found: list[Shortfall] = []
    position = 0
    for criterion in result.criteria:
        for outcome in criterion.indicators:
            if outcome.status is Status.NOT_MET and (
                include_met_criteria or criterion.status is not Status.MET
            ):
                found.append(Shortfall(result.locality.code, criterion.number, position, outcome))
            position += 1
    return tuple(found)


def no_investment_first(shortfall: Shortfall) -> tuple[int, int, Fraction]:
    """The default ranking key: no investment first, then the smallest relative gap.

    Indicators flagged ``needs_investment = false`` come first, unflagged
    ones next, those that need investment last ("ưu tiên các tiêu chí không
    sử dụng nguồn lực đầu tư"); within each, the smallest relative gap
    first, and pass/fail shortfalls (no gap) after the numeric ones.

    >>> from ntm_criteria import assess, demo
    >>> r = assess(demo.gazetteer().effective("03664"), demo.criterion_set(),
    ...            demo.observations()["03664"], on=demo.ASSESSMENT_DATE)
    >>> [no_investment_first(s) for s in shortfalls(r)][:2]
    [(2, 0, Fraction(1, 84)), (2, 0, Fraction(3, 10))]
    """
    flag = shortfall.needs_investment
    investment = 0 if flag is False else 1 if flag is None else 2
    gap = shortfall.relative_gap
    return (investment, 0 if gap is not None else 1, gap if gap is not None else Fraction(0))


def rank_shortfalls(
    items: Iterable[Shortfall], key: ShortfallKey = no_investment_first
) -> tuple[Shortfall, ...]:
    """Order shortfalls into a to-do list by ``key`` (default :func:`no_investment_first`).

    Ties are broken by locality code and then set order, so the ranking does
    not depend on the order of ``items``; items equal in all of these keep
    their order (the sort is stable).

    >>> from ntm_criteria import assess, demo
    >>> r = assess(demo.gazetteer().effective("03664"), demo.criterion_set(),
    ...            demo.observations()["03664"], on=demo.ASSESSMENT_DATE)
    >>> [s.code for s in rank_shortfalls(shortfalls(r))]
    ['13.3', '10.1', '11.1', '13.2']
    >>> biggest_gap_first = lambda s: -(s.relative_gap or 0)
    >>> [s.code for s in rank_shortfalls(shortfalls(r), key=biggest_gap_first)]
    ['13.2', '11.1', '10.1', '13.3']
    """
    return tuple(sorted(items, key=lambda s: (key(s), s.locality, s.position)))


@attrs.frozen(slots=True)
class Progress:
    """How far one locality is along one set: counts, shares and a ranked to-do list.

    ``criteria_total`` is the set's number of criteria (the 19 of "đạt
    7/19 tiêu chí"); ``indicators_total`` counts only the indicators that
    apply to the locality (an island-only indicator does not count for an
    inland commune).  Shares are exact fractions in [0, 1].

    >>> from ntm_criteria import assess, demo
    >>> r = assess(demo.gazetteer().effective("30046"), demo.criterion_set(),
    ...            demo.observations()["30046"], on=demo.ASSESSMENT_DATE)
    >>> p = Progress(r)
    >>> (p.criteria_met, p.criteria_total, p.criteria_unknown)
    (5, 8, 1)
    >>> (p.indicators_met, p.indicators_total, p.indicators_unknown, p.indicators_share)
    (8, 11, 1, Fraction(8, 11))
    """

    result: AssessmentResult

    @property
    def locality(self) -> Locality:
        """The locality assessed."""
        return self.result.locality

    @property
    def on(self) -> datetime.date:
        """The assessment date."""
        return self.result.on

    @property
    def criteria_met(self) -> int:
        """Criteria met."""
        return self.result.met_count

    @property
    def criteria_total(self) -> int:
        """Criteria in the set."""
        return self.result.total

    @property
    def criteria_unknown(self) -> int:
        """Criteria that cannot be decided yet."""
        return self.result.unknown_count

    @property
    def criteria_share(self) -> Fraction:
        """Criteria met as a share of the set's criteria."""
        return share(self.criteria_met, self.criteria_total)

    def _indicators(self, status: Status) -> int:
        return sum(1 for i in self.result.indicators() if i.status is status)

    @property
    def indicators_met(self) -> int:
        """Indicators met."""
        return self._indicators(Status.MET)

    @property
    def indicators_total(self) -> int:
        """Indicators that apply to the locality."""
        return sum(1 for i in self.result.indicators() if i.status is not Status.NOT_APPLICABLE)

    @property
    def indicators_unknown(self) -> int:
        """Indicators that cannot be decided yet."""
        return self._indicators(Status.UNKNOWN)

    @property
    def indicators_share(self) -> Fraction:
        """Indicators met as a share of those that apply."""
        return share(self.indicators_met, self.indicators_total)

    def shortfalls(self, key: ShortfallKey = no_investment_first) -> tuple[Shortfall, ...]:
        """The shortfalls of the criteria not met, ranked by ``key``."""
        return rank_shortfalls(shortfalls(self.result), key)

    def explain(self, lang: str = "vi") -> str:
        """The counts in one line, then the ranked to-do list.

        >>> from ntm_criteria import assess, demo
        >>> r = assess(demo.gazetteer().effective("03658"), demo.criterion_set(),
        ...            demo.observations()["03658"], on=demo.ASSESSMENT_DATE)
        >>> print(Progress(r).explain("en"))
        Chieng Co commune (2023-06-30): 6/8 criteria met (75%), 8/11 indicators
          1. 3.2 (Proactive disaster prevention under the four on-the-spot motto): not achieved
          2. 4.1 (Share of households with regular, safe electricity): 93% < 95%
        """
        number_lang = check_lang(lang)
        head = f"{heading_name(self.locality, lang)} ({format_date(self.on, lang)}): "
        head += say(
            "progress.counts",
            lang,
            met=self.criteria_met,
            total=self.criteria_total,
            share=format_percent(self.criteria_share, number_lang),
            indicators_met=self.indicators_met,
            indicators_total=self.indicators_total,
        )
        if self.criteria_unknown:
            head += say("progress.unknown", lang, count=self.criteria_unknown)
        lines = [head]
        lines += [f"  {n}. {s.describe(lang)}" for n, s in enumerate(self.shortfalls(), 1)]
        return "\n".join(lines)
