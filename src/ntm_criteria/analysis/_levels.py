"""Deciding the level a locality holds: preconditions, steps of the ladder, the decision."""

from __future__ import annotations

import datetime
import enum
from collections.abc import Iterable, Mapping
from typing import NamedTuple

import attrs

from ntm_criteria._validators import nfc
from ntm_criteria.analysis._ladder import Ladder, as_ladder
from ntm_criteria.analysis._recognitions import Maintenance, Recognition, criteria_with
from ntm_criteria.analysis._wording import heading_name, level_name, say
from ntm_criteria.assessment import (
    AssessmentResult,
    CriterionOutcome,
    CriterionReview,
    Observation,
    assess_compiled,
    latest_observations,
)
from ntm_criteria.criteria import CriterionSet, Level
from ntm_criteria.engine import Plan, compile_set
from ntm_criteria.errors import DataError, UnknownCodeError
from ntm_criteria.geography import Locality
from ntm_criteria.periods import as_date, format_date
from ntm_criteria.rules import Status, combine_all, combine_any
from ntm_criteria.text import check_lang


class Precondition(enum.Enum):
    """What the level below must be for a higher level to be held.

    * ``MET`` ("met now", the default): the lower level is met by the same
      assessment — its set is met and its own precondition holds.  Then a
      model commune is always advanced and standard too.
    * ``RECOGNISED`` ("recognised by decision"): a :class:`Recognition` at
      the lower level (or above) is in force on the assessment date, as the
      recognition procedure (18/2022/QĐ-TTg) asks before a higher level is
      proposed.

    >>> Precondition("recognised") is Precondition.RECOGNISED
    True
    >>> Precondition.MET.label("vi"), Precondition.RECOGNISED.label("en")
    ('đạt ở thời điểm đánh giá', 'recognised by decision')
    """

    MET = "met"
    RECOGNISED = "recognised"

    def label(self, lang: str = "vi") -> str:
        """The option in words, in Vietnamese or English."""
        return say(f"precondition.{self.value}", lang)


@attrs.frozen(slots=True)
class LevelStep:
    """One rung of a decision: the assessment against the level's set and its precondition.

    ``requires`` is the level that must be held first (``None`` for the
    lowest); ``precondition`` is whether it is, as a status
    (``NOT_APPLICABLE`` when there is none).  :attr:`status` combines both.

    >>> import datetime
    >>> from ntm_criteria import demo
    >>> d = decide_level(demo.gazetteer().effective("03664"), demo.observations()["03664"],
    ...                  on=demo.ASSESSMENT_DATE, ladder=[demo.criterion_set()])
    >>> step = d.step(Level.STANDARD)
    >>> step.status, step.precondition, [c.number for c in step.missing]
    (<Status.NOT_MET: 'not_met'>, <Status.NOT_APPLICABLE: 'not_applicable'>, [10, 11, 13])
    """

    level: Level
    result: AssessmentResult
    requires: Level | None
    precondition: Status

    @property
    def set_id(self) -> str:
        """The id of the set assessed."""
        return self.result.set_id

    @property
    def status(self) -> Status:
        """Whether the level is held: its set met *and* its precondition holding."""
        return combine_all([self.result.status, self.precondition])

    @property
    def missing(self) -> tuple[CriterionOutcome, ...]:
        """The criteria of the set not met, in set order."""
        return criteria_with(self.result, Status.NOT_MET)

    @property
    def undecided(self) -> tuple[CriterionOutcome, ...]:
        """The criteria of the set that cannot be decided yet, in set order."""
        return criteria_with(self.result, Status.UNKNOWN)


@attrs.frozen(slots=True)
class LevelDecision:
    """The level a locality holds on a date, why, and what stands before the next one.

    ``steps`` holds one :class:`LevelStep` per level of the ladder, lowest
    first; ``recognitions`` the locality's recognitions in force on ``on``.
    :attr:`level` is the highest level held (``None``: none);
    :attr:`next_level` the one above it; :attr:`next_step` says what stands
    between them (its ``missing`` and ``undecided`` criteria, and its
    precondition).  :meth:`holds` answers in three values.

    >>> from ntm_criteria import demo
    >>> d = decide_level(demo.gazetteer().effective("03676"), demo.observations()["03676"],
    ...                  on=demo.ASSESSMENT_DATE, ladder=[demo.criterion_set()])
    >>> d.level, d.next_level, d.holds(Level.STANDARD), d.holds(Level.ADVANCED)
    (<Level.STANDARD: 1>, None, <Status.MET: 'met'>, <Status.UNKNOWN: 'unknown'>)
    """

    locality: Locality
    on: datetime.date
    precondition: Precondition
    steps: tuple[LevelStep, ...]
    recognitions: tuple[Recognition, ...] = ()

    @property
    def levels(self) -> tuple[Level, ...]:
        """The levels assessed, lowest first."""
        return tuple(s.level for s in self.steps)

    def step(self, level: Level) -> LevelStep:
        """The step of ``level``; :class:`~ntm_criteria.errors.UnknownCodeError` if not assessed."""
        for step in self.steps:
            if step.level is level:
                return step
        raise UnknownCodeError(
            "level", level.key, known=[lv.key for lv in self.levels], where="decision"
        )

    @property
    def level(self) -> Level | None:
        """The highest level held: its set is met and its precondition holds."""
        held = [s.level for s in self.steps if s.status is Status.MET]
        return max(held) if held else None

    @property
    def next_step(self) -> LevelStep | None:
        """The step just above the level held (``None`` at the top of the ladder)."""
        current = self.level
        above = [s for s in self.steps if current is None or s.level > current]
        return above[0] if above else None

    @property
    def next_level(self) -> Level | None:
        """The level just above the level held (``None`` at the top of the ladder)."""
        step = self.next_step
        return None if step is None else step.level

    @property
    def pending(self) -> Level | None:
        """The highest level that may be held once missing data is in (``None``: none).

        >>> from ntm_criteria import demo
        >>> d = decide_level(demo.gazetteer().effective("30046"), [],
        ...                  on=demo.ASSESSMENT_DATE, ladder=[demo.criterion_set()])
        >>> d.level, d.pending
        (None, <Level.STANDARD: 1>)
        """
        undecided = [s.level for s in self.steps if s.status is Status.UNKNOWN]
        current = self.level
        above = [lv for lv in undecided if current is None or lv > current]
        return max(above) if above else None

    def holds(self, level: Level) -> Status:
        """Whether the locality holds ``level`` or a higher one, in three values.

        ``MET`` when a level at or above it is held, ``NOT_MET`` when every
        such level of the ladder is not, ``UNKNOWN`` otherwise — including
        a level the ladder did not assess (unless a higher one is held).
        """
        current = self.level
        if current is not None and current >= level:
            return Status.MET
        if level not in self.levels:
            return Status.UNKNOWN
        status = combine_any(s.status for s in self.steps if s.level >= level)
        return Status.UNKNOWN if status is Status.NOT_APPLICABLE else status

    @property
    def recognised(self) -> Level | None:
        """The highest level recognised by a decision in force on the date."""
        return max((r.level for r in self.recognitions), default=None)

    @property
    def maintenance(self) -> tuple[Maintenance, ...]:
        """For each level recognised (latest decision per level), whether it is still met.

        Levels the ladder did not assess are left out.
        """
        latest: dict[Level, Recognition] = {}
        for recognition in self.recognitions:
            known = latest.get(recognition.level)
            if known is None or recognition.date >= known.date:
                latest[recognition.level] = recognition
        return tuple(
            Maintenance(latest[level], self.step(level).result)
            for level in sorted(latest)
            if level in self.levels
        )

    @property
    def at_risk(self) -> tuple[Maintenance, ...]:
        """The recognised levels the current assessment no longer meets."""
        return tuple(m for m in self.maintenance if m.is_at_risk)

    def explain(self, lang: str = "vi") -> str:
        """A short review minute: the level held, each rung, the next level and what is missing.

        See the example of :mod:`ntm_criteria.levels`.
        """
        check_lang(lang)
        lines = [self._headline(lang)]
        lines += [self._step_line(step, lang) for step in self.steps]
        lines += self._next_lines(lang)
        lines += self._recognition_lines(lang)
        untrusted = list(dict.fromkeys(i.code for s in self.steps for i in s.result.untrusted()))
        if untrusted:
            lines.append(say("decision.untrusted", lang, codes=", ".join(untrusted)))
        return "\n".join(lines)

    def _headline(self, lang: str) -> str:
        head = f"{heading_name(self.locality, lang)} ({format_date(self.on, lang)}): "
        level = self.level
        if level is None:
            # Without the data to decide the lowest level, a locality is undecided, not "not met".
            undecided = bool(self.steps) and self.steps[0].status is Status.UNKNOWN
            return head + say(
                "decision.holds_undecided" if undecided else "decision.holds_none", lang
            )
        return head + say("decision.holds", lang, level=level_name(level, lang))

    def _step_line(self, step: LevelStep, lang: str) -> str:
        r = step.result
        text = say(
            "decision.step",
            lang,
            level=step.level.label(lang),
            set_id=step.set_id,
            met=r.met_count,
            total=r.total,
            status=r.status.label(lang),
        )
        if step.requires is not None:
            text += say(
                "decision.step_requires",
                lang,
                requires=step.requires.label(lang),
                mode=self.precondition.label(lang),
                status=step.precondition.label(lang),
            )
        return text + f" → {step.status.label(lang)}"

    def _next_lines(self, lang: str) -> list[str]:
        step = self.next_step
        if step is None:
            return [say("decision.top", lang)]
        lines = [say("decision.next", lang, level=level_name(step.level, lang))]
        if step.requires is not None and step.precondition is not Status.MET:
            mode = self.precondition.label(lang)
            requires = step.requires.label(lang)
            lines.append("  " + say("decision.first_needs", lang, requires=requires, mode=mode))
        lines += [
            "  " + say("decision.missing", lang, criterion=c.summary(lang)) for c in step.missing
        ]
        lines += [
            "  " + say("decision.needs_data", lang, criterion=c.summary(lang))
            for c in step.undecided
        ]
        return lines

    def _recognition_lines(self, lang: str) -> list[str]:
        lines = [
            say("decision.recognised", lang, maintenance=m.explain(lang)) for m in self.maintenance
        ]
        level, recognised = self.level, self.recognised
        if level is not None and (recognised is None or level > recognised):
            lines.append(say("decision.eligible", lang, level=level_name(level, lang)))
        return lines


def _check_preconditions(ladder: Ladder, mode: Precondition) -> None:
    for level in ladder.levels:
        requires = ladder.requirement_of(level)
        if requires is None:
            continue
        if requires >= level:
            raise DataError(
                f"the {level.key} set {ladder.set_for(level).id!r} requires the "
                f"{requires.key} level",
                expected="a lower level",
            )
        if mode is Precondition.MET and requires not in ladder:
            raise DataError(
                f"the {level.key} level requires the {requires.key} level, "
                f"which the ladder has no set for",
                expected=f"a {requires.key} set in the ladder, or precondition='recognised'",
            )


def _precondition(value: Precondition | str) -> Precondition:
    try:
        return Precondition(nfc(value) if isinstance(value, str) else value)
    except (ValueError, TypeError):
        raise DataError(
            f"unknown precondition {value!r}",
            key_path="precondition",
            expected="'met' (met now) or 'recognised' (recognised by decision)",
        ) from None


def decide_level(
    locality: Locality,
    observations: Iterable[Observation],
    *,
    on: datetime.date | str,
    ladder: Ladder | Mapping[Level, CriterionSet] | Iterable[CriterionSet],
    recognitions: Iterable[Recognition] = (),
    precondition: Precondition | str = Precondition.MET,
    check_validity: bool = True,
    reviews: Iterable[CriterionReview] = (),
) -> LevelDecision:
    """Decide the level ``locality`` holds on ``on``, with the sets of ``ladder``.

    Each set is assessed with :func:`~ntm_criteria.assessment.assess` on the
    observations of its own indicators (an observation may serve several
    sets; one of an indicator no set has raises
    :class:`~ntm_criteria.errors.UnknownCodeError`).  A level is held when
    its set is met and its precondition holds: the level given by the set's
    ``requires``, else the level just below, must be *met now*
    (``precondition="met"``) or *recognised by a decision in force*
    (``precondition="recognised"``).  ``recognitions`` of other localities
    are ignored, so a province's whole list may be passed.  So are
    ``reviews`` of other localities; a review with a ``set_id`` goes with that
    set, one without with the lowest level's set (see
    :func:`~ntm_criteria.assessment.assess`).

    >>> from ntm_criteria import demo
    >>> d = decide_level(demo.gazetteer().effective("03664"), demo.observations()["03664"],
    ...                  on=demo.ASSESSMENT_DATE, ladder={Level.STANDARD: demo.criterion_set()})
    >>> d.level is None, d.next_level
    (True, <Level.STANDARD: 1>)
    """
    chosen_ladder = as_ladder(ladder)
    mode = _precondition(precondition)
    day = as_date(on)
    rungs = _rungs(chosen_ladder, day, mode)
    # One choice of observations serves every set: each reads its own codes.
    chosen = latest_observations(
        observations, day, known=rungs.known, where=rungs.where, locality=locality
    )
    in_force = tuple(
        sorted(
            (r for r in recognitions if r.locality == locality.code and r.in_force(day)),
            key=lambda r: (r.level, r.date),
        )
    )
    by_set = _reviews_by_set(reviews, locality, chosen_ladder)
    steps: list[LevelStep] = []
    held: dict[Level, Status] = {}
    for level, plan, requires in rungs.steps:
        result = assess_compiled(
            locality,
            plan,
            chosen,
            check_validity=check_validity,
            reviews=by_set.get(plan.criterion_set.id, ()),
        )
        if requires is None:
            before = Status.NOT_APPLICABLE
        elif mode is Precondition.MET:
            before = held[requires]
        else:
            before = Status.MET if any(r.level >= requires for r in in_force) else Status.NOT_MET
        step = LevelStep(level, result, requires, before)
        held[level] = step.status
        steps.append(step)
    return LevelDecision(locality, day, mode, tuple(steps), in_force)


class _Rungs(NamedTuple):
    """A ladder compiled for a date: each level, its set's plan and the level it requires."""

    ladder: Ladder  # kept, so that the id it is cached by stays its own
    steps: tuple[tuple[Level, Plan, Level | None], ...]
    known: tuple[str, ...]
    where: str


_RUNGS: dict[tuple[int, datetime.date, Precondition], _Rungs] = {}
_MOST_RUNGS = 256


def _rungs(ladder: Ladder, day: datetime.date, mode: Precondition) -> _Rungs:
    """The ladder's rungs compiled for ``day``, its preconditions checked for ``mode`` (cached)."""
    key = (id(ladder), day, mode)
    entry = _RUNGS.get(key)
    if entry is None or entry.ladder is not ladder:
        _check_preconditions(ladder, mode)
        if len(_RUNGS) >= _MOST_RUNGS:
            _RUNGS.clear()
        steps = tuple(
            (level, compile_set(s, on=day), ladder.requirement_of(level)) for level, s in ladder
        )
        where = "observations for the ladder " + ", ".join(s.id for s in ladder.sets)
        entry = _RUNGS[key] = _Rungs(ladder, steps, tuple(sorted(ladder.codes())), where)
    return entry


def _reviews_by_set(
    reviews: Iterable[CriterionReview], locality: Locality, ladder: Ladder
) -> dict[str, list[CriterionReview]]:
    """The locality's reviews by set id: those without one go to the lowest level's set."""
    ids = [s.id for s in ladder.sets]
    by_set: dict[str, list[CriterionReview]] = {}
    for review in reviews:
        if review.locality != locality.code:
            continue
        set_id = review.set_id or ids[0]
        if set_id not in ids:
            raise review.problem(
                f"set {set_id!r} is not in the ladder", "set_id", "one of " + ", ".join(ids)
            )
        by_set.setdefault(set_id, []).append(review)
    return by_set
