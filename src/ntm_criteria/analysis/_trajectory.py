"""A locality's assessments over time: the pace of criteria gained and a projected date."""

from __future__ import annotations

import datetime
import itertools
import math
from collections.abc import Iterable
from fractions import Fraction

import attrs

from ntm_criteria._validators import as_tuple
from ntm_criteria.analysis._wording import heading_name, say
from ntm_criteria.assessment import AssessmentResult
from ntm_criteria.errors import DataError
from ntm_criteria.geography import Locality
from ntm_criteria.periods import as_date, format_date
from ntm_criteria.text import check_lang, format_number

# A year of 365.25 days, so that a pace per year does not drift over leap years.
_DAYS_PER_YEAR = Fraction(1461, 4)


@attrs.frozen(slots=True)
class Trajectory:
    """A locality's assessments over time, the pace of criteria gained, and a projection.

    ``results`` are in date order, one per date; ``target`` is the number of
    criteria to reach (default: all criteria of the latest assessment).
    :attr:`pace` is criteria gained per year between the first and the last
    assessment (years of 365.25 days); :attr:`projected` the date the target
    is reached at that pace — ``None`` means "not at current pace".

    >>> from ntm_criteria import Observation, assess, demo
    >>> place, s = demo.gazetteer().effective("03658"), demo.criterion_set()
    >>> obs = demo.observations()["03658"]
    >>> t = trajectory([
    ...     assess(place, s, obs, on="30/6/2023"),
    ...     assess(place, s, [*obs, Observation("3.2", True)], on="31/12/2023"),
    ... ])
    >>> [(day.month, met) for day, met in t.points], t.pace
    ([(6, 6), (12, 7)], Fraction(1461, 736))
    >>> t.projected
    datetime.date(2024, 7, 2)
    """

    results: tuple[AssessmentResult, ...] = attrs.field(converter=as_tuple)
    target: int | None = None

    def __attrs_post_init__(self) -> None:
        if not self.results:
            raise DataError("a trajectory needs at least one assessment")
        codes = {r.locality.code for r in self.results}
        if len(codes) > 1:
            raise DataError(
                "a trajectory follows one locality, got " + ", ".join(sorted(codes)),
            )
        days = [r.on for r in self.results]
        if any(a >= b for a, b in itertools.pairwise(days)):
            raise DataError(
                "assessments must be in date order, one per date: "
                + ", ".join(d.isoformat() for d in days),
                expected="use trajectory(), which sorts them",
            )
        if self.target is not None and self.target < 0:
            raise DataError(f"target {self.target} is negative", expected="a number of criteria")

    @property
    def locality(self) -> Locality:
        """The locality followed."""
        return self.results[-1].locality

    @property
    def points(self) -> tuple[tuple[datetime.date, int], ...]:
        """``(date, criteria met)`` for each assessment."""
        return tuple((r.on, r.met_count) for r in self.results)

    @property
    def goal(self) -> int:
        """The number of criteria to reach: ``target``, else the latest set's total."""
        return self.target if self.target is not None else self.results[-1].total

    @property
    def pace(self) -> Fraction | None:
        """Criteria gained per year, first to last assessment (``None`` with one assessment)."""
        first, last = self.results[0], self.results[-1]
        if first is last:
            return None
        years = Fraction((last.on - first.on).days) / _DAYS_PER_YEAR
        return (last.met_count - first.met_count) / years

    @property
    def reached(self) -> bool:
        """True when the latest assessment meets the goal."""
        return self.results[-1].met_count >= self.goal

    @property
    def projected(self) -> datetime.date | None:
        """When the goal is reached at the current pace; ``None``: not at current pace.

        Already reached: the latest assessment's date.
        """
        last = self.results[-1]
        if self.reached:
            return last.on
        pace = self.pace
        if pace is None or pace <= 0:
            return None
        days = math.ceil((self.goal - last.met_count) / pace * _DAYS_PER_YEAR)
        try:
            return last.on + datetime.timedelta(days=days)
        except OverflowError:
            return None

    def on_track(self, by: datetime.date | str) -> bool:
        """True when the projected date is on or before ``by``."""
        projected = self.projected
        return projected is not None and projected <= as_date(by)

    def explain(self, lang: str = "vi") -> str:
        """The series, the pace and the projection in a few lines.

        >>> from ntm_criteria import assess, demo
        >>> place, s = demo.gazetteer().effective("03664"), demo.criterion_set()
        >>> t = trajectory([assess(place, s, demo.observations()["03664"], on=d)
        ...                 for d in ("30/6/2023", "31/12/2023")])
        >>> print(t.explain("en"))
        Chieng Xom commune: 2023-06-30 5/8, 2023-12-31 5/8
          pace: 0 criteria per year; 8 criteria: not at current pace
        """
        number_lang = check_lang(lang)
        series = ", ".join(
            f"{format_date(r.on, lang)} {r.met_count}/{r.total}" for r in self.results
        )
        lines = [f"{heading_name(self.locality, lang)}: {series}"]
        pace = self.pace
        pace_text = (
            say("trajectory.no_pace", lang)
            if pace is None
            else say("trajectory.pace", lang, pace=format_number(pace, number_lang, decimals=1))
        )
        outlook = say(
            "trajectory.outlook", lang, pace=pace_text, goal=self.goal, outlook=self._outlook(lang)
        )
        lines.append("  " + outlook)
        return "\n".join(lines)

    def _outlook(self, lang: str) -> str:
        projected = self.projected
        if self.reached:
            return say("trajectory.reached", lang)
        if projected is None:
            return say("trajectory.not_at_pace", lang)
        return say("trajectory.projected", lang, date=format_date(projected, lang))


def trajectory(results: Iterable[AssessmentResult], *, target: int | None = None) -> Trajectory:
    """A :class:`Trajectory` from assessments in any order (one per date).

    >>> from ntm_criteria import assess, demo
    >>> place, s = demo.gazetteer().effective("03676"), demo.criterion_set()
    >>> t = trajectory([assess(place, s, demo.observations()["03676"], on=d)
    ...                 for d in ("31/12/2023", "30/6/2023")])
    >>> [d.isoformat() for d, _ in t.points], t.reached
    (['2023-06-30', '2023-12-31'], True)
    """
    return Trajectory(sorted(results, key=lambda r: r.on), target)
