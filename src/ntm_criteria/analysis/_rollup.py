"""Roll-ups: many localities' standings, counts and shares per level, against plan targets."""

from __future__ import annotations

import datetime
import enum
import itertools
from collections.abc import Iterable
from fractions import Fraction

import attrs

from ntm_criteria._validators import as_tuple, nfc
from ntm_criteria.analysis._levels import LevelDecision
from ntm_criteria.analysis._shortfalls import share
from ntm_criteria.analysis._targets import PlanProgress, PlanTarget
from ntm_criteria.analysis._wording import level_name, say
from ntm_criteria.assessment import AssessmentResult
from ntm_criteria.criteria import Level
from ntm_criteria.errors import DataError
from ntm_criteria.geography import Locality, LocalityKind
from ntm_criteria.periods import format_date
from ntm_criteria.rules import Status
from ntm_criteria.text import check_lang, format_percent, pick

#: The default criteria-met bins of a roll-up: under 15, 15–18, 19 and more.
DEFAULT_BINS: tuple[int, ...] = (15, 19)


class Basis(enum.Enum):
    """What a roll-up's headline and plan progress count as holding a level.

    * ``RECOGNISED``: a decision recognising the level (or a higher one) is
      in force — the figure provinces publish ("62/127 xã đạt chuẩn").
    * ``ASSESSED``: the level's set is met by the current assessment.

    >>> Basis("recognised") is Basis.RECOGNISED
    True
    """

    RECOGNISED = "recognised"
    ASSESSED = "assessed"


class Position(enum.Enum):
    """Where a locality stands at one level: recognised or not, times met, not met or undecided.

    The six positions split every roll-up: at each level, their counts add up
    to the number of localities.  ``UNDECIDED`` (missing data, or a threshold
    not specified) is never counted as not met.

    >>> Position.RECOGNISED_NOT_MET.is_recognised, Position.UNDECIDED.label("vi")
    (True, 'chưa xác định')
    >>> Position.MET.label("en"), Position.MET.label("en", recognitions=False)
    ('met, not recognised', 'met')
    """

    RECOGNISED_MET = "recognised_met"
    RECOGNISED_NOT_MET = "recognised_not_met"
    RECOGNISED_UNDECIDED = "recognised_undecided"
    MET = "met"
    NOT_MET = "not_met"
    UNDECIDED = "undecided"

    @property
    def is_recognised(self) -> bool:
        """True for the three positions of a locality recognised at the level."""
        return self in _RECOGNISED_POSITIONS

    def label(self, lang: str = "vi", *, recognitions: bool = True) -> str:
        """The position in words; with ``recognitions=False``, ``MET`` is plain "đạt"."""
        check_lang(lang)
        if self is Position.MET and not recognitions:
            return say("position.met_plain", lang)
        return say(f"position.{self.value}", lang)


_RECOGNISED_POSITIONS = frozenset(
    {Position.RECOGNISED_MET, Position.RECOGNISED_NOT_MET, Position.RECOGNISED_UNDECIDED}
)
# (recognised, assessed status) -> position; not applicable as a whole counts as undecided.
_POSITIONS = {
    (True, Status.MET): Position.RECOGNISED_MET,
    (True, Status.NOT_MET): Position.RECOGNISED_NOT_MET,
    (False, Status.MET): Position.MET,
    (False, Status.NOT_MET): Position.NOT_MET,
}


def _resting_codes(results: Iterable[AssessmentResult]) -> tuple[str, ...]:
    """Indicators whose illustrative or unverified threshold decided an outcome (met or not)."""
    decided = (Status.MET, Status.NOT_MET)
    return tuple(
        dict.fromkeys(i.code for r in results for i in r.untrusted() if i.status in decided)
    )


@attrs.frozen(slots=True)
class Standing:
    """One locality's line in a roll-up: its level, what it holds, its criteria count.

    ``holding`` says, for each level assessed, whether the locality holds it
    (or a higher one) in three values; ``completed`` whether it meets its
    own lowest set; ``criteria_met`` / ``criteria_total`` /
    ``criteria_unknown`` come from that lowest set (the "x/19").
    ``recognised`` is the highest level recognised by decision and
    ``at_risk`` the recognised levels no longer met; ``untrusted`` the
    indicators whose illustrative or unverified thresholds decided an
    outcome.  :meth:`position` places the locality at one level.  Build one
    with :meth:`from_decision` or :meth:`from_result`.

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
    untrusted: tuple[str, ...] = attrs.field(default=(), converter=as_tuple)

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
            _resting_codes(step.result for step in decision.steps),
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
            untrusted=_resting_codes([result]),
        )

    def holds(self, level: Level) -> Status:
        """Whether the locality holds ``level`` or a higher one (``UNKNOWN`` if not assessed)."""
        if self.level is not None and self.level >= level:
            return Status.MET
        for rung, status in self.holding:
            if rung is level:
                return status
        return Status.UNKNOWN

    @property
    def lowest(self) -> Level | None:
        """The lowest level assessed (``None`` when none was)."""
        return min((level for level, _ in self.holding), default=None)

    def is_recognised(self, level: Level) -> bool:
        """True when a decision in force recognises ``level`` or a higher one."""
        return self.recognised is not None and self.recognised >= level

    def position(self, level: Level) -> Position:
        """Recognised at ``level`` or not, and met, not met or undecided by the assessment.

        >>> from ntm_criteria import demo
        >>> from ntm_criteria.levels import Recognition, decide_level
        >>> place = demo.gazetteer().effective("03664")
        >>> r = Recognition(place, "standard", "demo-commune-standard", "8/QĐ", "1/3/2022")
        >>> d = decide_level(place, [], on=demo.ASSESSMENT_DATE, ladder=[demo.criterion_set()],
        ...                  recognitions=[r])
        >>> Standing.from_decision(d).position(Level.STANDARD)
        <Position.RECOGNISED_UNDECIDED: 'recognised_undecided'>
        """
        recognised = self.is_recognised(level)
        found = _POSITIONS.get((recognised, self.holds(level)))
        if found is not None:
            return found
        return Position.RECOGNISED_UNDECIDED if recognised else Position.UNDECIDED

    @property
    def has_data(self) -> bool:
        """False when no criterion of the lowest set could be decided (no data at all)."""
        return self.criteria_unknown < self.criteria_total or self.criteria_total == 0


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


def _basis(value: Basis | str | None) -> Basis | None:
    if value is None or isinstance(value, Basis):
        return value
    try:
        return Basis(nfc(value))
    except ValueError:
        raise DataError(
            f"unknown basis {value!r}",
            key_path="basis",
            expected="'recognised' (decisions in force) or 'assessed' (met now)",
        ) from None


@attrs.frozen(slots=True)
class RollUp:
    """Standings of many localities (a province, a district, any list) and their counts.

    :meth:`counted` is the headline figure: the localities that hold a level
    or a higher one ("62 xã đạt chuẩn" counts advanced communes too) — by a
    recognition in force when the roll-up's :attr:`headline_basis` is
    ``RECOGNISED``, by the current assessment when it is ``ASSESSED``.
    ``basis=None`` (the default) counts recognitions when any locality has
    one in force.  :meth:`reached`, :meth:`not_met` and :meth:`undecided`
    are the assessment's three states and add up to :attr:`count`;
    :meth:`tally` splits them further by recognition (see :class:`Position`).
    :meth:`distribution` bins the criteria met of the localities with data;
    ``bins`` are the lower edges of every bin but the first (default: < 15,
    15–18, 19).  Roll-ups of disjoint sets of localities add up with ``+``.

    >>> from ntm_criteria import assess, demo
    >>> places, s, obs = demo.gazetteer(), demo.criterion_set(), demo.observations()
    >>> up = roll_up([assess(places.effective(code), s, obs[code], on=demo.ASSESSMENT_DATE)
    ...               for code in obs], bins=(6, 8))
    >>> up.count, up.reached(Level.STANDARD), up.not_met(Level.STANDARD), up.at_level(None)
    (6, 2, 4, 4)
    >>> [(b.label(), n) for b, n in up.distribution()]
    [('< 6', 3), ('6–7', 1), ('8', 2)]
    """

    standings: tuple[Standing, ...] = attrs.field(converter=_standings)
    bins: tuple[int, ...] = attrs.field(default=DEFAULT_BINS, converter=_check_bins)
    basis: Basis | None = attrs.field(default=None, converter=_basis)

    @property
    def count(self) -> int:
        """The number of localities."""
        return len(self.standings)

    @property
    def on(self) -> datetime.date | None:
        """The assessment date shared by every standing (``None`` if they differ or none)."""
        days = {s.on for s in self.standings}
        return days.pop() if len(days) == 1 else None

    @property
    def has_recognitions(self) -> bool:
        """True when some locality has a recognition in force."""
        return any(s.recognised is not None for s in self.standings)

    @property
    def headline_basis(self) -> Basis:
        """:attr:`basis`, or the one chosen by default (recognised when any recognition is in force)."""
        if self.basis is not None:
            return self.basis
        return Basis.RECOGNISED if self.has_recognitions else Basis.ASSESSED

    def _holding(self, level: Level, status: Status) -> int:
        return sum(1 for s in self.standings if s.holds(level) is status)

    def reached(self, level: Level) -> int:
        """Localities that meet ``level`` or a higher one by the current assessment."""
        return self._holding(level, Status.MET)

    def not_met(self, level: Level) -> int:
        """Localities that surely do not meet ``level`` (nor a higher one) now."""
        return self._holding(level, Status.NOT_MET)

    def undecided(self, level: Level) -> int:
        """Localities for which meeting ``level`` cannot be decided yet (never "not met")."""
        return self.count - self.reached(level) - self.not_met(level)

    def recognised(self, level: Level) -> int:
        """Localities with a recognition of ``level`` or a higher one in force."""
        return sum(1 for s in self.standings if s.is_recognised(level))

    def counted(self, level: Level) -> int:
        """The headline count at ``level``: :meth:`recognised` or :meth:`reached` by the basis."""
        if self.headline_basis is Basis.RECOGNISED:
            return self.recognised(level)
        return self.reached(level)

    def share(self, level: Level) -> Fraction:
        """:meth:`counted` as a share of all localities (0 for an empty roll-up)."""
        return share(self.counted(level), self.count)

    def tally(self, level: Level) -> tuple[tuple[Position, int], ...]:
        """``(position, localities)`` for every :class:`Position`; the counts add up to :attr:`count`.

        >>> from ntm_criteria import assess, demo
        >>> places, s, obs = demo.gazetteer(), demo.criterion_set(), demo.observations()
        >>> up = roll_up([assess(places.effective(code), s, obs[code], on=demo.ASSESSMENT_DATE)
        ...               for code in obs])
        >>> [(p.value, n) for p, n in up.tally(Level.STANDARD) if n]
        [('met', 2), ('not_met', 4)]
        """
        found = dict.fromkeys(Position, 0)
        for standing in self.standings:
            found[standing.position(level)] += 1
        return tuple(found.items())

    def at_level(self, level: Level | None) -> int:
        """Localities whose highest level met now is exactly ``level`` (``None``: none)."""
        return sum(1 for s in self.standings if s.level is level)

    def level_counts(self) -> tuple[tuple[Level | None, int], ...]:
        """``(level, localities at exactly that level)`` for no level, then each level."""
        return tuple((level, self.at_level(level)) for level in (None, *Level))

    def no_data(self) -> int:
        """Localities none of whose criteria could be decided (left out of :meth:`distribution`)."""
        return sum(1 for s in self.standings if not s.has_data)

    def distribution(self) -> tuple[tuple[CriteriaBin, int], ...]:
        """How many localities with data meet how many criteria, bin by bin.

        The last bin ends at the largest criteria total in the roll-up (so
        with 19-criterion sets it reads "19"), or is open if that is lower.
        A locality with no decided criterion is counted by :meth:`no_data`,
        not as meeting none: the bins and :meth:`no_data` add up to :attr:`count`.
        """
        top = max((s.criteria_total for s in self.standings), default=0)
        lows = (0, *self.bins)
        bins = [CriteriaBin(low, high - 1) for low, high in itertools.pairwise(lows)]
        bins.append(CriteriaBin(lows[-1], top if top >= lows[-1] else None))
        known = [s for s in self.standings if s.has_data]
        return tuple((b, sum(1 for s in known if b.contains(s.criteria_met))) for b in bins)

    def against(self, target: PlanTarget) -> PlanProgress:
        """Progress against a plan target: how many hold its level (:meth:`counted`), over the plan."""
        return PlanProgress(target, self.counted(target.level), self.count)

    def at_risk(self) -> tuple[Standing, ...]:
        """The localities with a recognised level no longer met."""
        return tuple(s for s in self.standings if s.at_risk)

    def untrusted(self) -> tuple[Standing, ...]:
        """The localities whose outcomes rest on illustrative or unverified thresholds."""
        return tuple(s for s in self.standings if s.untrusted)

    def of_kind(self, *kinds: LocalityKind | str) -> RollUp:
        """The roll-up of the localities of ``kinds`` only.

        >>> from ntm_criteria import assess, demo
        >>> r = assess(demo.gazetteer().effective("03676"), demo.criterion_set(),
        ...            demo.observations()["03676"], on=demo.ASSESSMENT_DATE)
        >>> roll_up([r]).of_kind("ward").count
        0
        """
        wanted = {LocalityKind.parse(k) for k in kinds}
        chosen = [s for s in self.standings if s.locality.kind in wanted]
        return RollUp(chosen, self.bins, self.basis)

    def __add__(self, other: RollUp) -> RollUp:
        if not isinstance(other, RollUp):
            return NotImplemented
        if other.bins != self.bins or other.basis is not self.basis:
            raise DataError(
                f"cannot add roll-ups with bins {self.bins} and {other.bins}, "
                f"basis {_basis_key(self.basis)} and {_basis_key(other.basis)}",
                expected="the same bins and basis",
            )
        return RollUp(self.standings + other.standings, self.bins, self.basis)

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
        """The roll-up in a few lines: the headline counts, each level's three states, the
        distribution, localities at risk, and a note when thresholds are illustrative.

        >>> from ntm_criteria import assess, demo
        >>> places, s, obs = demo.gazetteer(), demo.criterion_set(), demo.observations()
        >>> up = roll_up([assess(places.effective(code), s, obs[code], on=demo.ASSESSMENT_DATE)
        ...               for code in obs])
        >>> print(up.explain("vi"))
        6 xã (30/06/2023): 2 đạt chuẩn (33,3%)
          mức đạt chuẩn: 2 đạt; 4 chưa đạt
          số tiêu chí đạt: < 15: 6 xã; 15–18: 0 xã; ≥ 19: 0 xã
          lưu ý: kết quả của 6 xã dựa trên ngưỡng minh họa hoặc chưa kiểm chứng
        """
        number_lang = check_lang(lang)
        kind = self.kind_name(lang)
        when = f" ({format_date(self.on, lang)})" if self.on else ""
        key = "rollup.recognised_part" if self.headline_basis is Basis.RECOGNISED else "rollup.part"
        parts = [
            say(
                key,
                lang,
                count=self.counted(level),
                level=level_name(level, lang),
                share=format_percent(self.share(level), number_lang, decimals=1),
            )
            for level in self.levels
        ]
        lines = [f"{self.count} {kind}{when}: {', '.join(parts)}"]
        lines += ["  " + self._tally_line(level, lang) for level in self.levels]
        bins = [f"{b.label()}: {n} {kind}" for b, n in self.distribution()]
        if self.no_data():
            bins.append(say("rollup.no_data", lang, count=self.no_data(), kind=kind))
        lines.append("  " + say("rollup.distribution", lang, bins="; ".join(bins)))
        risky = self.at_risk()
        if risky:
            names = ", ".join(s.locality.label(lang) for s in risky)
            lines.append("  " + say("rollup.at_risk", lang, names=names))
        untrusted = self.untrusted()
        if untrusted:
            lines.append("  " + say("rollup.untrusted", lang, count=len(untrusted), kind=kind))
        return "\n".join(lines)

    def _tally_line(self, level: Level, lang: str) -> str:
        recognitions = self.has_recognitions
        counts = "; ".join(
            f"{n} {position.label(lang, recognitions=recognitions)}"
            for position, n in self.tally(level)
            if n
        )
        return say("rollup.tally", lang, level=level_name(level, lang), counts=counts)


def _basis_key(basis: Basis | None) -> str:
    return "default" if basis is None else basis.value


def roll_up(
    items: Iterable[LevelDecision | AssessmentResult | Standing],
    *,
    bins: Iterable[int] = DEFAULT_BINS,
    basis: Basis | str | None = None,
) -> RollUp:
    """Roll decisions, assessments or standings of many localities up into a :class:`RollUp`.

    A plain :class:`~ntm_criteria.assessment.AssessmentResult` is read as
    the assessment of the standard level (see :meth:`Standing.from_result`).
    Each locality may appear once.  ``basis`` says what the headline counts
    (see :class:`RollUp`; ``None``: recognitions when any is in force).

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
    return RollUp(standings, tuple(bins), basis)
