"""Roll-ups: many localities' standings, counts and shares per level, against plan targets."""

from __future__ import annotations

import datetime
import itertools
from collections.abc import Iterable
from fractions import Fraction

import attrs

from ntm_criteria._validators import as_tuple
from ntm_criteria.analysis._levels import LevelDecision
from ntm_criteria.analysis._shortfalls import share
from ntm_criteria.analysis._wording import level_name, say
from ntm_criteria.assessment import AssessmentResult
from ntm_criteria.criteria import Level
from ntm_criteria.errors import DataError
from ntm_criteria.geography import Locality, LocalityKind
from ntm_criteria.periods import as_optional_date, format_date
from ntm_criteria.rules import Status
from ntm_criteria.text import check_lang, format_percent, pick
from ntm_criteria.units import to_exact

#: The default criteria-met bins of a roll-up: under 15, 15–18, 19 and more.
DEFAULT_BINS: tuple[int, ...] = (15, 19)


@attrs.frozen(slots=True)
class Standing:
    """One locality's line in a roll-up: its level, what it holds, its criteria count.

    ``holding`` says, for each level assessed, whether the locality holds it
    (or a higher one) in three values; ``completed`` whether it meets its
    own lowest set; ``criteria_met`` / ``criteria_total`` /
    ``criteria_unknown`` come from that lowest set (the "x/19").
    ``recognised`` is the highest level recognised by decision and
    ``at_risk`` the recognised levels no longer met.  Build one with
    :meth:`from_decision` or :meth:`from_result`.

    >>> from ntm_criteria import assess, demo
    >>> r = assess(demo.gazetteer().effective("03676"), demo.criterion_set(),
    ...            demo.observations()["03676"], on=demo.ASSESSMENT_DATE)
    >>> s = Standing.from_result(r)
    >>> s.level, s.holds(Level.STANDARD), s.holds(Level.ADVANCED), s.criteria_met
    (<Level.STANDARD: 1>, <Status.MET: 'met'>, <Status.UNKNOWN: 'unknown'>, 8)
    """

    locality: Locality
    on: datetime.date
    level: Level | None
    holding: tuple[tuple[Level, Status], ...] = attrs.field(converter=as_tuple)
    completed: Status
    criteria_met: int
    criteria_total: int
    criteria_unknown: int = 0
    recognised: Level | None = None
    at_risk: tuple[Level, ...] = attrs.field(default=(), converter=as_tuple)

    @classmethod
    def from_decision(cls, decision: LevelDecision) -> Standing:
        """The standing of a :class:`~ntm_criteria.levels.LevelDecision`.

        >>> from ntm_criteria import demo
        >>> from ntm_criteria.levels import decide_level
        >>> d = decide_level(demo.gazetteer().effective("03664"), demo.observations()["03664"],
        ...                  on=demo.ASSESSMENT_DATE, ladder=[demo.criterion_set()])
        >>> s = Standing.from_decision(d)
        >>> s.level, s.completed, s.criteria_met
        (None, <Status.NOT_MET: 'not_met'>, 5)
        """
        base = decision.steps[0]
        return cls(
            decision.locality,
            decision.on,
            decision.level,
            [(level, decision.holds(level)) for level in decision.levels],
            base.status,
            base.result.met_count,
            base.result.total,
            base.result.unknown_count,
            decision.recognised,
            [m.level for m in decision.at_risk],
        )

    @classmethod
    def from_result(cls, result: AssessmentResult, level: Level = Level.STANDARD) -> Standing:
        """The standing of a single assessment, read as the assessment of ``level``.

        Levels above it are unknown (the set of a higher level was not assessed).
        """
        held = level if result.status is Status.MET else None
        return cls(
            result.locality,
            result.on,
            held,
            [(level, result.status)],
            result.status,
            result.met_count,
            result.total,
            result.unknown_count,
        )

    def holds(self, level: Level) -> Status:
        """Whether the locality holds ``level`` or a higher one (``UNKNOWN`` if not assessed)."""
        if self.level is not None and self.level >= level:
            return Status.MET
        for rung, status in self.holding:
            if rung is level:
                return status
        return Status.UNKNOWN


@attrs.frozen(slots=True)
class CriteriaBin:
    """A bin of the criteria-met distribution: ``low`` to ``high`` criteria, both included.

    ``high=None`` leaves the bin open.

    >>> CriteriaBin(0, 14).label(), CriteriaBin(15, 18).label(), CriteriaBin(19, 19).label()
    ('< 15', '15–18', '19')
    >>> CriteriaBin(19, None).label(), CriteriaBin(19, None).contains(25)
    ('≥ 19', True)
    """

    low: int
    high: int | None

    def contains(self, count: int) -> bool:
        """True when ``count`` criteria fall in this bin."""
        return self.low <= count and (self.high is None or count <= self.high)

    def label(self) -> str:
        """``< 15``, ``15–18``, ``19`` or ``≥ 19`` (the same in Vietnamese and English)."""
        if self.high is None:
            return f"≥ {self.low}"
        if self.low == self.high:
            return str(self.low)
        if self.low == 0:
            return f"< {self.high + 1}"
        return f"{self.low}–{self.high}"


def _optional_fraction(value: Fraction | int | float | None) -> Fraction | None:
    # A float counts as its shortest decimal form: 0.4 is exactly 2/5.
    return None if value is None else to_exact(value, "dimensionless")


def _check_bins(values: Iterable[int]) -> tuple[int, ...]:
    edges = tuple(values)
    if (
        not edges
        or any(isinstance(e, bool) or not isinstance(e, int) or e < 1 for e in edges)
        or any(a >= b for a, b in itertools.pairwise(edges))
    ):
        raise DataError(
            f"bins {edges!r} are not increasing positive numbers of criteria",
            key_path="bins",
            expected="the lower edge of each bin but the first, e.g. (15, 19)",
        )
    return edges


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


def _standings(values: Iterable[Standing]) -> tuple[Standing, ...]:
    found = tuple(values)
    seen: set[str] = set()
    for standing in found:
        code = standing.locality.code
        if code in seen:
            raise DataError(
                f"locality {code} appears twice in a roll-up",
                expected="each locality once (roll-ups add only when disjoint)",
            )
        seen.add(code)
    return found


@attrs.frozen(slots=True)
class RollUp:
    """Standings of many localities (a province, a district, any list) and their counts.

    :meth:`reached` counts the localities that surely hold a level or a
    higher one ("62 xã đạt chuẩn" counts advanced communes too);
    :meth:`at_level` counts those whose highest level is exactly that one;
    :meth:`undecided` those that cannot be decided for lack of data.
    :meth:`distribution` bins the criteria met; ``bins`` are the lower
    edges of every bin but the first (default: < 15, 15–18, 19).  Roll-ups
    of disjoint sets of localities add up with ``+``.

    >>> from ntm_criteria import assess, demo
    >>> places, s, obs = demo.gazetteer(), demo.criterion_set(), demo.observations()
    >>> up = roll_up([assess(places.effective(code), s, obs[code], on=demo.ASSESSMENT_DATE)
    ...               for code in obs], bins=(6, 8))
    >>> up.count, up.reached(Level.STANDARD), up.at_level(None)
    (6, 2, 4)
    >>> [(b.label(), n) for b, n in up.distribution()]
    [('< 6', 3), ('6–7', 1), ('8', 2)]
    """

    standings: tuple[Standing, ...] = attrs.field(converter=_standings)
    bins: tuple[int, ...] = attrs.field(default=DEFAULT_BINS, converter=_check_bins)

    @property
    def count(self) -> int:
        """The number of localities."""
        return len(self.standings)

    @property
    def on(self) -> datetime.date | None:
        """The assessment date shared by every standing (``None`` if they differ or none)."""
        days = {s.on for s in self.standings}
        return days.pop() if len(days) == 1 else None

    def _holding(self, level: Level, status: Status) -> int:
        return sum(1 for s in self.standings if s.holds(level) is status)

    def reached(self, level: Level) -> int:
        """Localities that hold ``level`` or a higher one."""
        return self._holding(level, Status.MET)

    def undecided(self, level: Level) -> int:
        """Localities for which holding ``level`` cannot be decided yet."""
        return self._holding(level, Status.UNKNOWN)

    def share(self, level: Level) -> Fraction:
        """:meth:`reached` as a share of all localities (0 for an empty roll-up)."""
        return share(self.reached(level), self.count)

    def at_level(self, level: Level | None) -> int:
        """Localities whose highest level is exactly ``level`` (``None``: no level)."""
        return sum(1 for s in self.standings if s.level is level)

    def level_counts(self) -> tuple[tuple[Level | None, int], ...]:
        """``(level, localities at exactly that level)`` for no level, then each level."""
        return tuple((level, self.at_level(level)) for level in (None, *Level))

    def distribution(self) -> tuple[tuple[CriteriaBin, int], ...]:
        """How many localities meet how many criteria, bin by bin.

        The last bin ends at the largest criteria total in the roll-up (so
        with 19-criterion sets it reads "19"), or is open if that is lower.
        """
        top = max((s.criteria_total for s in self.standings), default=0)
        lows = (0, *self.bins)
        bins = [CriteriaBin(low, high - 1) for low, high in itertools.pairwise(lows)]
        bins.append(CriteriaBin(lows[-1], top if top >= lows[-1] else None))
        return tuple(
            (b, sum(1 for s in self.standings if b.contains(s.criteria_met))) for b in bins
        )

    def against(self, target: PlanTarget) -> PlanProgress:
        """Progress against a plan target: how many hold its level, over the plan."""
        return PlanProgress(target, self.reached(target.level), self.count)

    def at_risk(self) -> tuple[Standing, ...]:
        """The localities with a recognised level no longer met."""
        return tuple(s for s in self.standings if s.at_risk)

    def of_kind(self, *kinds: LocalityKind | str) -> RollUp:
        """The roll-up of the localities of ``kinds`` only.

        >>> from ntm_criteria import assess, demo
        >>> r = assess(demo.gazetteer().effective("03676"), demo.criterion_set(),
        ...            demo.observations()["03676"], on=demo.ASSESSMENT_DATE)
        >>> roll_up([r]).of_kind("ward").count
        0
        """
        wanted = {LocalityKind.parse(k) for k in kinds}
        return RollUp([s for s in self.standings if s.locality.kind in wanted], self.bins)

    def __add__(self, other: RollUp) -> RollUp:
        if not isinstance(other, RollUp):
            return NotImplemented
        if other.bins != self.bins:
            raise DataError(
                f"cannot add roll-ups with bins {self.bins} and {other.bins}",
                expected="the same bins",
            )
        return RollUp(self.standings + other.standings, self.bins)

    @property
    def levels(self) -> tuple[Level, ...]:
        """The levels assessed for at least one locality, lowest first."""
        return tuple(sorted({level for s in self.standings for level, _ in s.holding}))

    def kind_name(self, lang: str = "vi") -> str:
        """What the localities are, as a plural noun: ``xã``, ``communes``, or ``địa phương``.

        >>> RollUp([]).kind_name("en")
        'localities'
        """
        check_lang(lang)
        kinds = {s.locality.kind for s in self.standings}
        if len(kinds) == 1:
            kind = kinds.pop()
            return pick(kind.name_vi, kind.name_en + "s", lang)
        return say("rollup.localities", lang)

    def explain(self, lang: str = "vi") -> str:
        """The roll-up in a few lines: levels and shares, the distribution, undecided, at risk.

        >>> from ntm_criteria import assess, demo
        >>> places, s, obs = demo.gazetteer(), demo.criterion_set(), demo.observations()
        >>> up = roll_up([assess(places.effective(code), s, obs[code], on=demo.ASSESSMENT_DATE)
        ...               for code in obs])
        >>> print(up.explain("vi"))
        6 xã (30/06/2023): 2 đạt chuẩn (33,3%); 4 chưa đạt chuẩn
          số tiêu chí đạt: < 15: 6 xã; 15–18: 0 xã; ≥ 19: 0 xã
        """
        number_lang = check_lang(lang)
        kind = self.kind_name(lang)
        when = f" ({format_date(self.on, lang)})" if self.on else ""
        parts = [
            f"{self.reached(level)} {level_name(level, lang)} "
            f"({format_percent(self.share(level), number_lang, decimals=1)})"
            for level in self.levels
        ]
        none = say("rollup.at_no_level", lang, count=self.at_level(None))
        lines = [f"{self.count} {kind}{when}: {', '.join(parts)}; {none}"]
        bins = "; ".join(f"{b.label()}: {n} {kind}" for b, n in self.distribution())
        lines.append("  " + say("rollup.distribution", lang, bins=bins))
        undecided = [(level, self.undecided(level)) for level in self.levels]
        text = "; ".join(
            say("rollup.undecided_level", lang, level=level.label(lang), count=n, kind=kind)
            for level, n in undecided
            if n
        )
        if text:
            lines.append("  " + say("rollup.undecided", lang, levels=text))
        risky = self.at_risk()
        if risky:
            names = ", ".join(s.locality.label(lang) for s in risky)
            lines.append("  " + say("rollup.at_risk", lang, names=names))
        return "\n".join(lines)


def roll_up(
    items: Iterable[LevelDecision | AssessmentResult | Standing],
    *,
    bins: Iterable[int] = DEFAULT_BINS,
) -> RollUp:
    """Roll decisions, assessments or standings of many localities up into a :class:`RollUp`.

    A plain :class:`~ntm_criteria.assessment.AssessmentResult` is read as
    the assessment of the standard level (see :meth:`Standing.from_result`).
    Each locality may appear once.

    >>> from ntm_criteria import assess, demo
    >>> r = assess(demo.gazetteer().effective("03676"), demo.criterion_set(),
    ...            demo.observations()["03676"], on=demo.ASSESSMENT_DATE)
    >>> up = roll_up([r], bins=(5,))
    >>> up.count, up.reached(Level.STANDARD), [(b.label(), n) for b, n in up.distribution()]
    (1, 1, [('< 5', 0), ('5–8', 1)])
    >>> roll_up([r, r])
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.DataError: locality 03676 appears twice in a roll-up ...
    """
    standings: list[Standing] = []
    for item in items:
        if isinstance(item, Standing):
            standings.append(item)
        elif isinstance(item, LevelDecision):
            standings.append(Standing.from_decision(item))
        else:
            standings.append(Standing.from_result(item))
    return RollUp(standings, tuple(bins))
