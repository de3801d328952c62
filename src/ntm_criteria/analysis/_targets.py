"""Plan targets (chỉ tiêu kế hoạch) and how far a roll-up is along one."""

from __future__ import annotations

import datetime
from fractions import Fraction

import attrs

from ntm_criteria.criteria import Level
from ntm_criteria.errors import DataError
from ntm_criteria.periods import as_optional_date
from ntm_criteria.units import to_exact

__all__ = ["PlanProgress", "PlanTarget"]


def _optional_fraction(value: Fraction | int | float | None) -> Fraction | None:
    # A float counts as its shortest decimal form: 0.4 is exactly 2/5.
    return None if value is None else to_exact(value, "dimensionless")


@attrs.frozen(slots=True)
class PlanTarget:
    """A plan target (chỉ tiêu kế hoạch): a number or a share of localities at ``level``.

    Exactly one of ``count`` and ``share`` is given; ``by`` is the date the
    plan sets (informative); ``label_vi`` / ``label_en`` name the plan in
    reports ("kế hoạch giai đoạn").

    >>> PlanTarget(Level.STANDARD, count=94).planned(127)
    Fraction(94, 1)
    >>> PlanTarget(Level.STANDARD, share=Fraction(4, 5)).planned(127)
    Fraction(508, 5)
    >>> PlanTarget(Level.STANDARD)
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.DataError: a plan target needs a count or a share, not both or neither ...
    """

    level: Level
    count: int | None = None
    share: Fraction | None = attrs.field(default=None, converter=_optional_fraction)
    by: datetime.date | None = attrs.field(default=None, converter=as_optional_date)
    label_vi: str = "kế hoạch"
    label_en: str = "of plan"

    def __attrs_post_init__(self) -> None:
        if (self.count is None) == (self.share is None):
            raise DataError(
                "a plan target needs a count or a share, not both or neither",
                expected="PlanTarget(level, count=94) or PlanTarget(level, share=0.8)",
            )
        if self.count is not None and (
            isinstance(self.count, bool) or not isinstance(self.count, int) or self.count < 1
        ):
            raise DataError(f"plan count {self.count!r} is not a positive whole number")
        if self.share is not None and not 0 < self.share <= 1:
            raise DataError(f"plan share {self.share} is not in (0, 1]", expected="e.g. 0.8")

    def planned(self, total: int) -> Fraction:
        """The planned number of localities among ``total``."""
        if self.count is not None:
            return Fraction(self.count)
        assert self.share is not None  # one of the two, checked when built
        return self.share * total


@attrs.frozen(slots=True)
class PlanProgress:
    """How far a roll-up is along a :class:`PlanTarget`.

    ``achieved`` localities hold the target's level out of ``total``;
    :attr:`ratio` is achieved over planned — the "66%" of "đạt 66% kế
    hoạch" — and exceeds 1 when the plan is exceeded (it is a ratio to the
    plan, not a share of localities).

    >>> p = PlanProgress(PlanTarget(Level.STANDARD, count=94), achieved=62, total=127)
    >>> p.ratio, p.is_met
    (Fraction(31, 47), False)
    """

    target: PlanTarget
    achieved: int
    total: int

    @property
    def planned(self) -> Fraction:
        """The planned number of localities."""
        return self.target.planned(self.total)

    @property
    def ratio(self) -> Fraction:
        """Achieved over planned (0 when nothing is planned)."""
        planned = self.planned
        return self.achieved / planned if planned else Fraction(0)

    @property
    def is_met(self) -> bool:
        """True when as many localities hold the level as planned."""
        return self.achieved >= self.planned
