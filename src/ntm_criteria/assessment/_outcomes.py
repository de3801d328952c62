"""The outcome of one indicator and of one criterion: status, values, gap and the rule."""

from __future__ import annotations

import datetime
from fractions import Fraction

import attrs

from ntm_criteria._validators import as_tuple
from ntm_criteria.assessment._detail import detail, short, undecided
from ntm_criteria.assessment._reviews import CriterionReview
from ntm_criteria.rules import Observed, Provenance, Requirement, Status, UnknownReason
from ntm_criteria.text import message, pick

__all__ = ["CriterionOutcome", "IndicatorOutcome"]


@attrs.frozen(slots=True)
class IndicatorOutcome:
    """The outcome of one indicator: status, actual, required, gap and provenance.

    ``actual`` is the observed value in the indicator's ``unit`` (exact);
    ``required`` is the requirement with its thresholds resolved for the
    locality and date; ``gap`` is how far short the value is, in ``unit``,
    and ``relative_gap`` the gap as a share of the threshold.

    >>> from ntm_criteria import demo
    >>> from ntm_criteria.assessment import assess
    >>> r = assess(demo.gazetteer().effective("03664"), demo.criterion_set(),
    ...            demo.observations()["03664"], on=demo.ASSESSMENT_DATE)
    >>> income = r.indicator("10.1")
    >>> (income.status.label("en"), income.actual, income.gap, income.relative_gap)
    ('not met', Fraction(83, 2), Fraction(1, 2), Fraction(1, 84))
    >>> income.summary("en")
    '10.1 (Average rural income per person): not met — 41.5 < 42 million VND/person/year'
    """

    code: str
    name_vi: str
    name_en: str
    unit: str | None
    status: Status
    reason: UnknownReason | None
    actual: Observed | None
    required: Requirement
    gap: Fraction | None
    relative_gap: Fraction | None
    provenance: Provenance
    needs_investment: bool | None = None
    as_of: datetime.date | None = None
    source: str | None = None

    @property
    def is_trusted(self) -> bool:
        """False when the threshold is illustrative or unverified."""
        return self.provenance.confidence.is_trusted

    def detail(self, lang: str = "vi") -> str:
        """The value against its threshold: ``41,5 < 45 triệu đồng/người/năm``, or why unknown.

        Empty for a met pass/fail indicator and for a not-applicable one.
        """
        return detail(self, lang).removeprefix(" — ")

    def summary(self, lang: str = "vi") -> str:
        """``3.1 (Tưới tiêu chủ động): đạt — 85% (≥ 80%)``-style line."""
        name = pick(self.name_vi, self.name_en, lang)
        return f"{self.code} ({name}): {self.status.label(lang)}{detail(self, lang)}"


@attrs.frozen(slots=True)
class CriterionOutcome:
    """The outcome of one criterion and of each of its indicators.

    >>> from ntm_criteria import demo
    >>> from ntm_criteria.assessment import assess
    >>> r = assess(demo.gazetteer().effective("03664"), demo.criterion_set(),
    ...            demo.observations()["03664"], on=demo.ASSESSMENT_DATE)
    >>> c = r.criterion(13)
    >>> (c.status.label("vi"), [i.code for i in c.indicators], c.rule)
    ('chưa đạt', ['13.1', '13.2', '13.3'], AtLeastK(k=2, items=(Ref(code='13.1'), Ref(code='13.2'), Ref(code='13.3'))))
    >>> c.summary("vi")
    'Tiêu chí 13 (Tổ chức sản xuất và phát triển kinh tế nông thôn): chưa đạt — 13.2: 0 < 1; 13.3: không đạt'
    """

    number: int
    name_vi: str
    name_en: str
    status: Status
    reason: UnknownReason | None
    indicators: tuple[IndicatorOutcome, ...] = attrs.field(converter=as_tuple)
    rule: Requirement
    #: The review of this criterion given to :func:`assess`, if any.
    review: CriterionReview | None = None
    #: True when the review decided the status (the observations left it undecided).
    by_review: bool = False

    def label(self, lang: str = "vi") -> str:
        """``Tiêu chí 10 (Thu nhập)`` / ``Criterion 10 (Income)``."""
        name = pick(self.name_vi, self.name_en, lang)
        return message("assessment.criterion.label", lang, number=self.number, name=name)

    def summary(self, lang: str = "vi") -> str:
        """One review-minute line: ``Tiêu chí 10 (Thu nhập): chưa đạt — 41,5 < 45 …``."""
        head = f"{self.label(lang)}: {self.status.label(lang)}"
        if self.by_review and self.review is not None:
            return f"{head} — {self.review.by(lang)}"
        if self.status is Status.NOT_MET:
            failed = [i for i in self.indicators if i.status is Status.NOT_MET]
            if len(self.indicators) == 1 and failed:
                return head + detail(failed[0], lang)
            return head + " — " + "; ".join(short(i, lang) for i in failed)
        if self.status is Status.UNKNOWN:
            unknown = [i for i in self.indicators if i.status is Status.UNKNOWN]
            return head + " — " + "; ".join(undecided(i, lang) for i in unknown)
        return head
