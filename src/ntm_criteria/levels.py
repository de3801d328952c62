"""The level a locality holds — standard, advanced, model — and whether it keeps it.

A commune meets the *standard* (đạt chuẩn) level when it meets every
criterion of the standard set; the *advanced* (nâng cao) level needs the
advanced set **and** the standard level; the *model* (kiểu mẫu) level needs
the model set **and** the advanced level.  :func:`decide_level` assesses a
locality against each set of a :class:`Ladder` and returns a
:class:`LevelDecision`: the highest level whose set is met and whose
precondition holds, the next level, and what stands between the two.

Whether a precondition means "met now" or "recognised by decision" is the
``precondition`` option (:class:`Precondition`).  Recognitions
(:class:`Recognition`, quyết định công nhận) are also checked for
*maintenance*: a locality recognised at a level whose current assessment no
longer meets that level's set is **at risk**, with the criteria that slipped.

The ladder is an argument, never a global: the catalog, a provincial overlay
or a test can supply the sets.

>>> from ntm_criteria import catalog, demo
>>> standard = demo.criterion_set()
>>> advanced = catalog.loads_set('''
... id = "demo-commune-advanced"
... extends = "demo-commune-standard"
... title_vi = "Bộ tiêu chí minh họa xã nông thôn mới nâng cao"
... title_en = "Illustrative advanced new rural commune set"
... level = "advanced"
... requires = "standard"
... [indicators."3.1"]
... requirement = { at_least = 95 }
... ''', parents=[standard])
>>> ladder = Ladder([standard, advanced])
>>> hua_la = demo.gazetteer().effective("04045")
>>> decision = decide_level(hua_la, demo.observations()["04045"],
...                         on=demo.ASSESSMENT_DATE, ladder=ladder)
>>> decision.level, decision.next_level
(<Level.STANDARD: 1>, <Level.ADVANCED: 2>)
>>> [c.number for c in decision.next_step.missing]
[3]
>>> print(decision.explain("en").splitlines()[0])
Hua La commune (2023-06-30): holds the standard level
"""

from __future__ import annotations

import datetime
import enum
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

import attrs

from ntm_criteria.assessment import AssessmentResult, CriterionOutcome, Observation, assess
from ntm_criteria.criteria import CriterionSet, Level
from ntm_criteria.errors import DataError, UnknownCodeError
from ntm_criteria.geography import Locality
from ntm_criteria.periods import as_date, as_optional_date, format_date
from ntm_criteria.rules import Status, combine_all, combine_any
from ntm_criteria.text import check_lang

__all__ = [
    "Ladder",
    "LevelDecision",
    "LevelStep",
    "Maintenance",
    "Precondition",
    "Recognition",
    "decide_level",
    "held_phrase",
]


# --------------------------------------------------------------------------- options


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
        return _PRECONDITION_LABELS[self][0 if check_lang(lang) == "vi" else 1]


_PRECONDITION_LABELS = {
    Precondition.MET: ("đạt ở thời điểm đánh giá", "met now"),
    Precondition.RECOGNISED: ("đã có quyết định công nhận", "recognised by decision"),
}


# --------------------------------------------------------------------------- recognitions


def _text(field: str) -> Callable[[object, attrs.Attribute[Any], object], None]:
    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, str) or not value.strip() or value != value.strip():
            raise DataError(
                f"{field} must be non-empty text without surrounding spaces, got {value!r}",
                key_path=field,
            )

    return check


def _locality_code(value: Locality | str) -> str:
    return value.code if isinstance(value, Locality) else value


def _to_level(value: Level | str | int) -> Level:
    if isinstance(value, Level):
        return value
    if isinstance(value, str):
        return Level.parse(value)
    try:
        return Level(value)
    except ValueError:
        raise UnknownCodeError("level", str(value), known=[lv.key for lv in Level]) from None


def _date(value: datetime.date | str) -> datetime.date:
    return as_date(value)


@attrs.frozen(slots=True)
class Recognition:
    """A decision recognising a locality at a level (quyết định công nhận).

    ``locality`` is the locality's code (a :class:`~ntm_criteria.geography.Locality`
    is accepted and reduced to its code); ``set_id`` names the set it was
    recognised under; ``decision`` is the decision number; ``date`` the date
    it was signed; ``valid_until`` the last day it holds (inclusive), or
    ``None`` when it does not expire.  Strings are read as Vietnamese dates
    and level names.

    >>> r = Recognition("04045", "standard", "demo-commune-standard",
    ...                 "1234/QĐ-UBND", "15/6/2022")
    >>> r.level, r.date
    (<Level.STANDARD: 1>, datetime.date(2022, 6, 15))
    >>> r.in_force("30/6/2023"), r.in_force("1/1/2022")
    (True, False)
    >>> r.label("vi")
    'đạt chuẩn — Quyết định số 1234/QĐ-UBND ngày 15/06/2022'
    >>> Recognition("04045", "standard", "s", "1/QĐ", "15/6/2022", valid_until="1/1/2022")
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.DataError: valid_until: 2022-01-01 is before the decision date 2022-06-15 ...
    """

    locality: str = attrs.field(converter=_locality_code, validator=_text("locality"))
    level: Level = attrs.field(converter=_to_level)
    set_id: str = attrs.field(validator=_text("set_id"))
    decision: str = attrs.field(validator=_text("decision"))
    date: datetime.date = attrs.field(converter=_date)
    valid_until: datetime.date | None = attrs.field(default=None, converter=as_optional_date)

    def __attrs_post_init__(self) -> None:
        if self.valid_until is not None and self.valid_until < self.date:
            raise DataError(
                f"{self.valid_until} is before the decision date {self.date}",
                key_path="valid_until",
                expected="a last day on or after the decision date, or none",
            )

    def in_force(self, on: datetime.date | str) -> bool:
        """True when the decision is signed by ``on`` and has not expired.

        >>> r = Recognition("1", "advanced", "s", "7/QĐ", "2022-01-01", valid_until="2024-12-31")
        >>> r.in_force("2024-12-31"), r.in_force("2025-01-01")
        (True, False)
        """
        day = as_date(on)
        return self.date <= day and (self.valid_until is None or day <= self.valid_until)

    def label(self, lang: str = "vi") -> str:
        """The level and the decision, as a report cites them.

        >>> Recognition("1", "model", "s", "7/QĐ-UBND", "2023-03-01").label("en")
        'model — Decision 7/QĐ-UBND of 2023-03-01'
        """
        check_lang(lang)
        if lang == "vi":
            return (
                f"{self.level.label('vi')} — Quyết định số {self.decision} "
                f"ngày {format_date(self.date)}"
            )
        return f"{self.level.label('en')} — Decision {self.decision} of {self.date.isoformat()}"

    def to_dict(self) -> dict[str, Any]:
        """Plain data (dates in ISO form); :meth:`from_dict` reads it back.

        >>> r = Recognition("1", "model", "s", "7/QĐ-UBND", "2023-03-01")
        >>> Recognition.from_dict(r.to_dict()) == r
        True
        """
        return {
            "locality": self.locality,
            "level": self.level.key,
            "set_id": self.set_id,
            "decision": self.decision,
            "date": self.date.isoformat(),
            "valid_until": self.valid_until.isoformat() if self.valid_until else None,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Recognition:
        """Read a recognition from plain data or a CSV row (``csv.DictReader``).

        The keys are those of :meth:`to_dict`; ``valid_until`` may be missing
        or empty.  Any problem raises :class:`~ntm_criteria.errors.DataError`
        naming the key.

        >>> row = {"locality": "04045", "level": "đạt chuẩn", "set_id": "s",
        ...        "decision": "12/QĐ-UBND", "date": "15/6/2022", "valid_until": ""}
        >>> Recognition.from_dict(row).valid_until is None
        True
        >>> Recognition.from_dict({"locality": "04045"})
        Traceback (most recent call last):
        ...
        ntm_criteria.errors.DataError: level: missing (expected the keys locality, level, ...)
        """
        keys = ("locality", "level", "set_id", "decision", "date")
        for key in keys:
            if data.get(key) in (None, ""):
                raise DataError(
                    "missing",
                    key_path=key,
                    expected="the keys " + ", ".join(keys) + " and optionally valid_until",
                )
        return cls(
            data["locality"],
            data["level"],
            data["set_id"],
            data["decision"],
            data["date"],
            data.get("valid_until"),
        )


# --------------------------------------------------------------------------- the ladder


def _ladder_rungs(
    sets: Mapping[Level, CriterionSet] | Iterable[CriterionSet],
) -> tuple[tuple[Level, CriterionSet], ...]:
    pairs: list[tuple[Level, CriterionSet]] = []
    if isinstance(sets, Mapping):
        for key, criterion_set in sets.items():
            level = _to_level(key)
            if criterion_set.level is not None and criterion_set.level is not level:
                raise DataError(
                    f"set {criterion_set.id!r} certifies the {criterion_set.level.key} level, "
                    f"not {level.key}",
                    expected="each set under the level it certifies",
                )
            pairs.append((level, criterion_set))
    else:
        for criterion_set in sets:
            if criterion_set.level is None:
                raise DataError(
                    f"set {criterion_set.id!r} certifies no level",
                    expected="sets with a level, or a mapping {Level: set}",
                )
            pairs.append((criterion_set.level, criterion_set))
    if not pairs:
        raise DataError("a ladder needs at least one criterion set")
    seen: dict[Level, str] = {}
    for level, criterion_set in pairs:
        if level in seen:
            raise DataError(
                f"two sets for the {level.key} level: {seen[level]!r} and {criterion_set.id!r}",
                expected="one set per level",
            )
        seen[level] = criterion_set.id
    return tuple(sorted(pairs, key=lambda pair: pair[0]))


@attrs.frozen(slots=True)
class Ladder:
    """The criterion sets to decide levels with: one set per level, lowest first.

    Build it from sets that carry their ``level``, or from a mapping
    ``{Level: set}`` (which may also hold a set without a level, such as a
    "completes the task" set).  :meth:`from_lookup` builds one from any
    function that finds the set for a level — the place where a catalog
    look-up plugs in.

    >>> from ntm_criteria import demo
    >>> ladder = Ladder([demo.criterion_set()])
    >>> ladder.levels, ladder.set_for(Level.STANDARD).id
    ((<Level.STANDARD: 1>,), 'demo-commune-standard')
    >>> Level.ADVANCED in ladder
    False
    """

    rungs: tuple[tuple[Level, CriterionSet], ...] = attrs.field(converter=_ladder_rungs)

    @classmethod
    def from_lookup(
        cls,
        find: Callable[[Level], CriterionSet | None],
        levels: Iterable[Level] = tuple(Level),
    ) -> Ladder:
        """A ladder of the sets ``find(level)`` returns (levels it returns ``None`` for are left out).

        >>> from ntm_criteria import demo
        >>> sets = {Level.STANDARD: demo.criterion_set()}
        >>> Ladder.from_lookup(sets.get).levels
        (<Level.STANDARD: 1>,)
        """
        found = {level: s for level in levels if (s := find(level)) is not None}
        return cls(found)

    @classmethod
    def built_in(cls, locality: Locality, *, on: datetime.date | str) -> Ladder:
        """The built-in national sets in force for ``locality`` on ``on``, one per level.

        >>> from ntm_criteria import Locality
        >>> commune = Locality("04036", "Chiềng Xôm", "commune", region="TDMNPB")
        >>> [s.id for s in Ladder.built_in(commune, on="15/6/2022").sets]
        ['vn-ntm-commune-standard-2021-2025', 'vn-ntm-commune-advanced-2021-2025', 'vn-ntm-commune-model-2021-2025']
        >>> [s.id for s in Ladder.built_in(commune, on="1/3/2026").sets]
        ['vn-ntm-commune-2026-2030']
        """
        from ntm_criteria import catalog

        def find(level: Level) -> CriterionSet | None:
            try:
                return catalog.for_locality(locality, on=on, level=level)
            except UnknownCodeError:
                return None

        return cls.from_lookup(find)

    @property
    def levels(self) -> tuple[Level, ...]:
        """The levels of the ladder, lowest first."""
        return tuple(level for level, _ in self.rungs)

    @property
    def sets(self) -> tuple[CriterionSet, ...]:
        """The sets of the ladder, lowest level first."""
        return tuple(s for _, s in self.rungs)

    def __contains__(self, level: object) -> bool:
        return level in self.levels

    def __iter__(self) -> Iterator[tuple[Level, CriterionSet]]:
        return iter(self.rungs)

    def __len__(self) -> int:
        return len(self.rungs)

    def set_for(self, level: Level) -> CriterionSet:
        """The set of ``level``; :class:`~ntm_criteria.errors.UnknownCodeError` if the ladder lacks it."""
        for rung, criterion_set in self.rungs:
            if rung is level:
                return criterion_set
        raise UnknownCodeError(
            "level", level.key, known=[lv.key for lv in self.levels], where="ladder"
        )

    def requirement_of(self, level: Level) -> Level | None:
        """The level that must be held before ``level``: the set's ``requires``, else the level below.

        >>> from ntm_criteria import demo
        >>> ladder = Ladder([demo.criterion_set()])
        >>> ladder.requirement_of(Level.STANDARD) is None
        True
        """
        criterion_set = self.set_for(level)
        if criterion_set.requires is not None:
            return criterion_set.requires
        return None if level is Level.STANDARD else Level(level - 1)

    def codes(self) -> frozenset[str]:
        """Every indicator code of every set of the ladder."""
        return frozenset(i.code for s in self.sets for i in s.indicators())


def _as_ladder(value: Ladder | Mapping[Level, CriterionSet] | Iterable[CriterionSet]) -> Ladder:
    return value if isinstance(value, Ladder) else Ladder(value)


# --------------------------------------------------------------------------- decisions


_HELD_PHRASES = {
    Level.STANDARD: ("đạt chuẩn", "at the standard level"),
    Level.ADVANCED: ("đạt chuẩn nâng cao", "at the advanced level"),
    Level.MODEL: ("đạt chuẩn kiểu mẫu", "at the model level"),
}


def held_phrase(level: Level | None, lang: str = "vi") -> str:
    """How reports say that a locality holds ``level`` (``None``: no level).

    >>> held_phrase(Level.ADVANCED), held_phrase(Level.ADVANCED, "en")
    ('đạt chuẩn nâng cao', 'at the advanced level')
    >>> held_phrase(None), held_phrase(None, "en")
    ('chưa đạt chuẩn', 'at no level')
    """
    index = 0 if check_lang(lang) == "vi" else 1
    if level is None:
        return ("chưa đạt chuẩn", "at no level")[index]
    return _HELD_PHRASES[level][index]


def _criteria_with(result: AssessmentResult, status: Status) -> tuple[CriterionOutcome, ...]:
    return tuple(c for c in result.criteria if c.status is status)


@attrs.frozen(slots=True)
class LevelStep:
    """One rung of a decision: the assessment against the level's set and its precondition.

    ``requires`` is the level that must be held first (``None`` for the
    lowest); ``precondition`` is whether it is, as a status
    (``NOT_APPLICABLE`` when there is none).  :attr:`status` combines both.

    >>> import datetime
    >>> from ntm_criteria import demo
    >>> d = decide_level(demo.gazetteer().effective("04036"), demo.observations()["04036"],
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
        return _criteria_with(self.result, Status.NOT_MET)

    @property
    def undecided(self) -> tuple[CriterionOutcome, ...]:
        """The criteria of the set that cannot be decided yet, in set order."""
        return _criteria_with(self.result, Status.UNKNOWN)


@attrs.frozen(slots=True)
class Maintenance:
    """Whether a recognised level is still met by the current assessment.

    ``status`` is the current assessment of the recognised level's set:
    ``MET`` (maintained), ``NOT_MET`` (**at risk**: ``slipped`` lists the
    criteria no longer met) or ``UNKNOWN`` (cannot be confirmed:
    ``undecided`` lists the criteria that need data).

    >>> from ntm_criteria import demo
    >>> chieng_xom = demo.gazetteer().effective("04036")
    >>> recognised = Recognition(chieng_xom, "standard", "demo-commune-standard",
    ...                          "88/QĐ-UBND", "20/12/2021")
    >>> d = decide_level(chieng_xom, demo.observations()["04036"], on=demo.ASSESSMENT_DATE,
    ...                  ladder=[demo.criterion_set()], recognitions=[recognised])
    >>> [(m.level, m.is_at_risk, [c.number for c in m.slipped]) for m in d.at_risk]
    [(<Level.STANDARD: 1>, True, [10, 11, 13])]
    """

    recognition: Recognition
    result: AssessmentResult

    @property
    def level(self) -> Level:
        """The recognised level."""
        return self.recognition.level

    @property
    def status(self) -> Status:
        """The current assessment of the recognised level's set."""
        return self.result.status

    @property
    def is_at_risk(self) -> bool:
        """True when the set is no longer met."""
        return self.status is Status.NOT_MET

    @property
    def slipped(self) -> tuple[CriterionOutcome, ...]:
        """The criteria of the recognised level's set that are not met now."""
        return _criteria_with(self.result, Status.NOT_MET)

    @property
    def undecided(self) -> tuple[CriterionOutcome, ...]:
        """The criteria that cannot be confirmed for lack of data."""
        return _criteria_with(self.result, Status.UNKNOWN)

    def explain(self, lang: str = "vi") -> str:
        """One line: maintained, at risk (with the slipped criteria) or unconfirmed.

        >>> from ntm_criteria import demo
        >>> hua_la = demo.gazetteer().effective("04045")
        >>> r = Recognition(hua_la, "standard", "demo-commune-standard", "9/QĐ", "1/3/2022")
        >>> d = decide_level(hua_la, demo.observations()["04045"], on=demo.ASSESSMENT_DATE,
        ...                  ladder=[demo.criterion_set()], recognitions=[r])
        >>> d.maintenance[0].explain("en")
        'standard (Decision 9/QĐ of 2022-03-01): maintained'
        """
        check_lang(lang)
        head = f"{self.level.label(lang)} ({self.recognition.label(lang).split(' — ', 1)[1]})"
        if self.status is Status.MET:
            return head + (": vẫn duy trì" if lang == "vi" else ": maintained")
        if self.status is Status.NOT_MET:
            numbers = ", ".join(str(c.number) for c in self.slipped)
            if lang == "vi":
                return f"{head}: có nguy cơ không duy trì — tiêu chí {numbers} không còn đạt"
            return f"{head}: at risk — criteria {numbers} no longer met"
        numbers = ", ".join(str(c.number) for c in self.undecided)
        if lang == "vi":
            return f"{head}: chưa xác nhận được — tiêu chí {numbers} cần số liệu"
        return f"{head}: cannot be confirmed — criteria {numbers} need data"


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
    >>> d = decide_level(demo.gazetteer().effective("04045"), demo.observations()["04045"],
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
        >>> d = decide_level(demo.gazetteer().effective("30004"), [],
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

        See the module example.
        """
        check_lang(lang)
        lines = [self._headline(lang)]
        lines += [self._step_line(step, lang) for step in self.steps]
        lines += self._next_lines(lang)
        lines += self._recognition_lines(lang)
        untrusted = list(dict.fromkeys(i.code for s in self.steps for i in s.result.untrusted()))
        if untrusted:
            codes = ", ".join(untrusted)
            lines.append(
                f"Lưu ý: dựa trên ngưỡng minh họa hoặc chưa kiểm chứng (chỉ tiêu {codes})."
                if lang == "vi"
                else f"Note: rests on illustrative or unverified thresholds (indicators {codes})."
            )
        return "\n".join(lines)

    def _headline(self, lang: str) -> str:
        name = self.locality.label(lang)
        name = name[:1].upper() + name[1:]
        head = f"{name} ({format_date(self.on, lang)}): "
        level = self.level
        if lang == "vi":
            return head + held_phrase(level, "vi")
        return head + (f"holds the {level.label('en')} level" if level else "holds no level")

    def _step_line(self, step: LevelStep, lang: str) -> str:
        r = step.result
        if lang == "vi":
            text = (
                f"- mức {step.level.label('vi')} ({step.set_id}): đạt {r.met_count}/{r.total} "
                f"tiêu chí, bộ tiêu chí {r.status.label('vi')}"
            )
            if step.requires is not None:
                text += (
                    f"; điều kiện mức {step.requires.label('vi')} "
                    f"({self.precondition.label('vi')}): {step.precondition.label('vi')}"
                )
            return text + f" → {step.status.label('vi')}"
        text = (
            f"- {step.level.label('en')} level ({step.set_id}): {r.met_count}/{r.total} criteria met, "
            f"set {r.status.label('en')}"
        )
        if step.requires is not None:
            text += (
                f"; requires {step.requires.label('en')} "
                f"({self.precondition.label('en')}): {step.precondition.label('en')}"
            )
        return text + f" → {step.status.label('en')}"

    def _next_lines(self, lang: str) -> list[str]:
        step = self.next_step
        if step is None:
            return ["Đã ở mức cao nhất của thang." if lang == "vi" else "At the top of the ladder."]
        vi = lang == "vi"
        lines = [
            f"Mức tiếp theo: {held_phrase(step.level, 'vi')}"
            if vi
            else f"Next level: {step.level.label('en')}"
        ]
        if step.requires is not None and step.precondition is not Status.MET:
            lines.append(
                f"  cần trước: mức {step.requires.label('vi')} ({self.precondition.label('vi')})"
                if vi
                else f"  first needs: {step.requires.label('en')} ({self.precondition.label('en')})"
            )
        lines += [f"  {'còn thiếu' if vi else 'missing'}: {c.summary(lang)}" for c in step.missing]
        lines += [
            f"  {'cần số liệu' if vi else 'needs data'}: {c.summary(lang)}" for c in step.undecided
        ]
        return lines

    def _recognition_lines(self, lang: str) -> list[str]:
        vi = lang == "vi"
        lines = [
            ("Công nhận: " if vi else "Recognised: ") + m.explain(lang) for m in self.maintenance
        ]
        level, recognised = self.level, self.recognised
        if level is not None and (recognised is None or level > recognised):
            lines.append(
                f"Đủ điều kiện đề nghị công nhận {held_phrase(level, 'vi')}."
                if vi
                else f"Eligible to be proposed for recognition at the {level.label('en')} level."
            )
        return lines


# --------------------------------------------------------------------------- deciding


def _check_codes(observations: tuple[Observation, ...], ladder: Ladder) -> None:
    known = ladder.codes()
    unknown = [o.indicator_code for o in observations if o.indicator_code not in known]
    if unknown:
        raise UnknownCodeError(
            "indicator",
            ", ".join(dict.fromkeys(unknown)),
            known=sorted(known),
            where="observations for the ladder " + ", ".join(s.id for s in ladder.sets),
        )


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
        return Precondition(value)
    except ValueError:
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
    are ignored, so a province's whole list may be passed.

    >>> from ntm_criteria import demo
    >>> d = decide_level(demo.gazetteer().effective("04036"), demo.observations()["04036"],
    ...                  on=demo.ASSESSMENT_DATE, ladder={Level.STANDARD: demo.criterion_set()})
    >>> d.level is None, d.next_level
    (True, <Level.STANDARD: 1>)
    """
    chosen_ladder = _as_ladder(ladder)
    mode = _precondition(precondition)
    day = as_date(on)
    observed = tuple(observations)
    _check_codes(observed, chosen_ladder)
    _check_preconditions(chosen_ladder, mode)
    in_force = tuple(
        sorted(
            (r for r in recognitions if r.locality == locality.code and r.in_force(day)),
            key=lambda r: (r.level, r.date),
        )
    )
    steps: dict[Level, LevelStep] = {}
    for level, criterion_set in chosen_ladder:
        codes = {i.code for i in criterion_set.indicators()}
        result = assess(
            locality,
            criterion_set,
            [o for o in observed if o.indicator_code in codes],
            on=day,
            check_validity=check_validity,
        )
        requires = chosen_ladder.requirement_of(level)
        if requires is None:
            before = Status.NOT_APPLICABLE
        elif mode is Precondition.MET:
            before = steps[requires].status
        else:
            held = any(r.level >= requires for r in in_force)
            before = Status.MET if held else Status.NOT_MET
        steps[level] = LevelStep(level, result, requires, before)
    return LevelDecision(locality, day, mode, tuple(steps.values()), in_force)
