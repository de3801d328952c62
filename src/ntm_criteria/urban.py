"""Urban classification scoring and civilized urban wards, on the core rule engine.

Two programmes measure urban places, and both are data here:

* **Urban classification** (phân loại đô thị): Resolution 1210/2016/UBTVQH13,
  amended by Resolution 26/2022/UBTVQH15 from 1 January 2023, scores an
  urban area on five criteria (tiêu chí), each made of standards (tiêu chuẩn)
  that earn points between a minimum and a maximum level.  An area reaches a
  class when every criterion reaches its minimum points and the total is at
  least 75 of 100.  The criteria, their maximum points, the pass rule and the
  validity of each regime are shipped as official data
  (:func:`classification_rules`); the per-standard table (Appendix 1) was not
  retrieved, so users supply it (:func:`load_standards`), and an
  illustrative one is shipped for examples (:func:`example_standards`).
  Resolution 111/2025/UBTVQH15 replaces the regime from 1 January 2026; its
  contents are unspecified, and an assessment on or after that date says so.
* **Civilized urban wards and townships** (đô thị văn minh): Decision
  04/2022/QĐ-TTg.  Its nine criteria are the built-in criterion set
  ``vn-civilized-urban-ward-2022`` (assess a ward with
  :func:`~ntm_criteria.assessment.assess`); its recognition rules — two years
  of registration before the first recognition, five before a
  re-recognition, at least 90% of residents satisfied — are
  :func:`civilized_rules` and :func:`check_recognition`.  A ward's registered
  target (say, recognition in 2025) is a :class:`RoadmapItem`.

Scoring an illustrative town on the illustrative class-IV table (data for
three standards only, so the total is a range until the rest is known):

>>> import datetime
>>> from ntm_criteria import Locality, Observation, Q_
>>> town = Locality("99100", "Minh Họa", "town", region="DBSH")
>>> result = classify(town, example_standards(), [
...     Observation("2.1", Q_(61_000, "person")),
...     Observation("2.2", Q_(18_500, "person")),
...     Observation("1.3", Q_(7, "percent")),
... ], on=datetime.date(2024, 6, 30))
>>> result.summary("vi")
'đạt 2/15 tiêu chuẩn (12 chưa xác định), tổng từ 8,36 đến 94,36 điểm; chưa xác định được so với 75'
>>> result.standard("2.2").summary("en")
'2.2 (Population of the inner town): not met — 18,500 person < 20,000 person → 0/4 points'
>>> [s.code for s in result.improvements()]
['2.2', '1.3', '2.1']
"""

from __future__ import annotations

import datetime
import enum
import functools
import itertools
from collections.abc import Callable, Iterable, Mapping, Sequence
from fractions import Fraction
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any, NamedTuple, TypeVar

import attrs
from dateutil.relativedelta import relativedelta

from ntm_criteria import catalog
from ntm_criteria._document import DataReader, parse_toml, read_text_file
from ntm_criteria._document import key_path as _p
from ntm_criteria.assessment import AssessmentResult, Observation, ObservedValue
from ntm_criteria.criteria import CriterionSet
from ntm_criteria.errors import (
    DataError,
    NotInForceError,
    NtmError,
    ObservationError,
    ScopeError,
    UnknownCodeError,
)
from ntm_criteria.geography import Locality, LocalityKind
from ntm_criteria.periods import as_date, as_optional_date, format_date
from ntm_criteria.rules import (
    AtLeast,
    AtMost,
    Context,
    Fixed,
    Problems,
    Provenance,
    Status,
    UnknownReason,
    Unspecified,
    ValueSpec,
    Verdict,
    combine_all,
    evaluate,
    resolve,
    value_from_data,
)
from ntm_criteria.text import check_lang, format_number, format_quantity
from ntm_criteria.units import parse_unit, to_exact

__all__ = [
    "CivilizedRules",
    "ClassificationResult",
    "ClassificationRules",
    "Condition",
    "CriterionScore",
    "Direction",
    "RecognitionCheck",
    "Regime",
    "RoadmapItem",
    "RoadmapStatus",
    "Standard",
    "StandardOutcome",
    "StandardsTable",
    "UrbanCriterion",
    "check_recognition",
    "civilized_rules",
    "class_label",
    "classification_rules",
    "classify",
    "example_standards",
    "load_standards",
    "loads_civilized_rules",
    "loads_classification_rules",
    "loads_standards",
]

FORMAT_VERSION = 1
_T = TypeVar("_T")
_UNITLESS = "dimensionless"


def _exact(value: int | float | str | Fraction) -> Fraction:
    """A float counts as the decimal it prints as (4.5 is exactly 9/2)."""
    return Fraction(repr(value)) if isinstance(value, float) else Fraction(value)


def _tuple(values: Iterable[Any]) -> tuple[Any, ...]:
    return tuple(values)


def _fmt(value: Fraction, lang: str) -> str:
    return format_number(value, check_lang(lang))


# =========================================================================== classes


_CLASS_LABELS = MappingProxyType(
    {
        "special": ("loại đặc biệt", "special class"),
        "I": ("loại I", "class I"),
        "II": ("loại II", "class II"),
        "III": ("loại III", "class III"),
        "IV": ("loại IV", "class IV"),
        "V": ("loại V", "class V"),
    }
)


def class_label(urban_class: str, lang: str = "vi") -> str:
    """The name of an urban class: ``"special"``, ``"I"`` … ``"V"``.

    >>> class_label("III"), class_label("special", "en")
    ('đô thị loại III', 'special class')
    """
    check_lang(lang)
    try:
        vi, en = _CLASS_LABELS[urban_class]
    except KeyError:
        raise UnknownCodeError("urban class", urban_class, known=list(_CLASS_LABELS)) from None
    return f"đô thị {vi}" if lang == "vi" else en


# =========================================================================== rules as data


@attrs.frozen(slots=True)
class UrbanCriterion:
    """One criterion (tiêu chí) of urban classification, with its points.

    ``max_points`` is the criterion's maximum; ``min_points`` the minimum it
    must reach (unspecified in the shipped data: Appendix 1 was not
    retrieved); ``standards`` the number of standards, when known.

    >>> c = classification_rules().regime("26/2022/UBTVQH15").criterion(1)
    >>> c.max_points, c.standards.amount, type(c.min_points).__name__
    (Fraction(18, 1), Fraction(8, 1), 'Unspecified')
    """

    number: int
    name_vi: str
    name_en: str
    max_points: Fraction = attrs.field(converter=_exact)
    min_points: ValueSpec = attrs.field(factory=Unspecified)
    standards: Fixed | None = None
    provenance: Provenance = attrs.field(factory=Provenance)

    def label(self, lang: str = "vi") -> str:
        """``Tiêu chí 2 (Quy mô dân số)`` / ``Criterion 2 (Population size …)``.

        >>> classification_rules().regime("26/2022/UBTVQH15").criterion(2).label()
        'Tiêu chí 2 (Quy mô dân số)'
        """
        if check_lang(lang) == "vi":
            return f"Tiêu chí {self.number} ({self.name_vi})"
        return f"Criterion {self.number} ({self.name_en})"


@attrs.frozen(slots=True)
class Regime:
    """One legal regime of urban classification and its validity.

    A regime with no criteria (Resolution 111/2025) is *unspecified*: its
    scoring is not known, and :func:`classify` reports that instead of
    scoring.

    >>> rules = classification_rules()
    >>> [r.id for r in rules.regimes]
    ['1210/2016/UBTVQH13', '26/2022/UBTVQH15', '111/2025/UBTVQH15']
    >>> rules.regime("111/2025/UBTVQH15").is_specified
    False
    """

    id: str
    title_vi: str
    title_en: str
    legal_basis: str
    valid_from: datetime.date
    valid_to: datetime.date | None
    classes: tuple[str, ...] = attrs.field(converter=_tuple)
    criteria: tuple[UrbanCriterion, ...] = attrs.field(converter=_tuple)
    pass_total: ValueSpec = attrs.field(factory=Unspecified)
    max_total: Fraction = attrs.field(default=Fraction(100), converter=_exact)
    provenance: Provenance = attrs.field(factory=Provenance)
    note: str | None = None

    def __attrs_post_init__(self) -> None:
        if self.criteria:
            total = sum((c.max_points for c in self.criteria), Fraction(0))
            if total != self.max_total:
                raise DataError(
                    f"regime {self.id}: the criteria's maximum points add up to "
                    f"{total}, not {self.max_total}",
                    key_path="criteria",
                    expected=f"maximum points that add up to max_total = {self.max_total}",
                )

    @property
    def is_specified(self) -> bool:
        """True when the regime's criteria and points are known.

        >>> classification_rules().regime("26/2022/UBTVQH15").is_specified
        True
        """
        return bool(self.criteria)

    def is_in_force(self, on: datetime.date) -> bool:
        """True when ``on`` falls within the regime's validity.

        >>> classification_rules().regime("26/2022/UBTVQH15").is_in_force(datetime.date(2023, 1, 1))
        True
        """
        return self.valid_from <= on and (self.valid_to is None or on <= self.valid_to)

    def validity_label(self) -> str:
        """``2023-01-01 – 2025-12-31`` (an open end is ``…``).

        >>> classification_rules().regime("111/2025/UBTVQH15").validity_label()
        '2026-01-01 – …'
        """
        end = self.valid_to.isoformat() if self.valid_to else "…"
        return f"{self.valid_from.isoformat()} – {end}"

    def criterion(self, number: int) -> UrbanCriterion:
        """The criterion with ``number``.

        >>> classification_rules().regime("1210/2016/UBTVQH13").criterion(3).max_points
        Fraction(6, 1)
        """
        for criterion in self.criteria:
            if criterion.number == number:
                return criterion
        raise UnknownCodeError(
            "urban criterion",
            str(number),
            known=[str(c.number) for c in self.criteria],
            where=f"regime {self.id}",
        )


@attrs.frozen(slots=True)
class ClassificationRules:
    """Every regime of urban classification, in date order; periods never overlap.

    >>> rules = classification_rules()
    >>> rules.regime_on(datetime.date(2022, 12, 31)).id
    '1210/2016/UBTVQH13'
    >>> rules.regime_on(datetime.date(2023, 1, 1)).criterion(1).max_points
    Fraction(18, 1)
    >>> rules.regime_on(datetime.date(2026, 1, 1)).id
    '111/2025/UBTVQH15'
    """

    regimes: tuple[Regime, ...] = attrs.field(converter=_tuple)

    def __attrs_post_init__(self) -> None:
        ordered = sorted(self.regimes, key=lambda r: r.valid_from)
        for first, second in itertools.pairwise(ordered):
            if first.valid_to is None or first.valid_to >= second.valid_from:
                raise DataError(
                    f"regimes {first.id} and {second.id} overlap",
                    key_path="regimes",
                    expected="validity periods that do not overlap",
                )
        object.__setattr__(self, "regimes", tuple(ordered))

    def regime(self, regime_id: str) -> Regime:
        """The regime with ``regime_id``.

        >>> classification_rules().regime("26/2022").title_en
        Traceback (most recent call last):
        ...
        ntm_criteria.errors.UnknownCodeError: unknown urban classification regime '26/2022' (known: ...)
        """
        for regime in self.regimes:
            if regime.id == regime_id:
                return regime
        raise UnknownCodeError(
            "urban classification regime", regime_id, known=[r.id for r in self.regimes]
        )

    def regime_on(self, on: datetime.date | str) -> Regime:
        """The regime in force on ``on``; :class:`~ntm_criteria.errors.NotInForceError` if none.

        >>> classification_rules().regime_on("1/1/2016")
        Traceback (most recent call last):
        ...
        ntm_criteria.errors.NotInForceError: set 'urban classification' is not in force on 2016-01-01 ...
        """
        day = as_date(on)
        for regime in self.regimes:
            if regime.is_in_force(day):
                return regime
        first = self.regimes[0].valid_from.isoformat() if self.regimes else "?"
        raise NotInForceError("urban classification", day.isoformat(), f"{first} – …")


class Direction(enum.Enum):
    """Which way a standard improves: ``higher`` values (population) or ``lower`` (poor households).

    >>> Direction("lower").label("vi")
    'càng thấp càng tốt'
    """

    HIGHER = "higher"
    LOWER = "lower"

    def label(self, lang: str = "vi") -> str:
        """The direction in words.

        >>> Direction.HIGHER.label("en")
        'higher is better'
        """
        words = {
            Direction.HIGHER: ("càng cao càng tốt", "higher is better"),
            Direction.LOWER: ("càng thấp càng tốt", "lower is better"),
        }[self]
        return words[0 if check_lang(lang) == "vi" else 1]


def _points_range(
    instance: Standard, attribute: attrs.Attribute[Fraction], value: Fraction
) -> None:
    if value < 0:
        raise DataError(f"{attribute.name} {value} is negative", expected="points ≥ 0")


@attrs.frozen(slots=True)
class Standard:
    """One standard (tiêu chuẩn): a measured value scored between two levels.

    A value that does not reach ``min_level`` earns no points and the
    standard is not met; reaching ``min_level`` earns ``min_points``,
    reaching ``max_level`` (or going beyond) earns ``max_points``, and a
    value in between earns points on the straight line between them.
    ``direction`` says whether higher or lower values are better; for
    ``lower``, ``min_level`` is the larger number.

    >>> s = Standard("2.1", 2, "Dân số", "Population", Fixed(50000), Fixed(100000), 3, 4,
    ...              unit="person")
    >>> s.points_for(75000), s.points_for(49999), s.points_for(250000)
    (Fraction(7, 2), Fraction(0, 1), Fraction(4, 1))
    """

    code: str
    criterion: int
    name_vi: str
    name_en: str
    min_level: ValueSpec
    max_level: ValueSpec
    min_points: Fraction = attrs.field(converter=_exact, validator=_points_range)
    max_points: Fraction = attrs.field(converter=_exact, validator=_points_range)
    unit: str = _UNITLESS
    direction: Direction = attrs.field(default=Direction.HIGHER, converter=Direction)
    provenance: Provenance = attrs.field(factory=Provenance)
    note: str | None = None

    def __attrs_post_init__(self) -> None:
        for message, expected in _shape_problems(
            self.code,
            self.direction,
            self.min_level,
            self.max_level,
            self.min_points,
            self.max_points,
        ):
            raise DataError(message, expected=expected)

    def name(self, lang: str = "vi") -> str:
        """The standard's name in ``lang``.

        >>> example_standards().standard("1.3").name("en")
        'Share of poor households'
        """
        return self.name_vi if check_lang(lang) == "vi" else self.name_en

    def points_for(self, value: ObservedValue, context: Context | None = None) -> Fraction | None:
        """The points a value earns (exact); ``None`` when a level is unspecified.

        ``value`` is a quantity, or a bare number in the standard's unit.
        ``context`` resolves levels that vary by region, tag or date.

        >>> poor = example_standards().standard("1.3")   # lower is better: 8,5% → 5%
        >>> poor.points_for(8.5), poor.points_for(6.75), poor.points_for(4)
        (Fraction(9, 2), Fraction(21, 4), Fraction(6, 1))
        """
        actual = to_exact(_number(value, self), self.unit, indicator=self.code)
        low, high = _levels(self, context)
        if not isinstance(low, Fixed):
            return None
        if not _reaches(self, actual, low.amount):
            return Fraction(0)
        if not isinstance(high, Fixed):
            return None
        return _interpolate(self, actual, low.amount, high.amount)


def _shape_problems(
    code: str,
    direction: Direction,
    low: ValueSpec,
    high: ValueSpec,
    min_points: Fraction,
    max_points: Fraction,
) -> list[tuple[str, str]]:
    """What is wrong with a standard's points and levels, as (message, expected) pairs."""
    found = []
    if min_points > max_points:
        found.append(
            (
                f"standard {code}: min_points {_fmt(min_points, 'en')} is above "
                f"max_points {_fmt(max_points, 'en')}",
                "min_points ≤ max_points",
            )
        )
    if isinstance(low, Fixed) and isinstance(high, Fixed):
        higher = direction is Direction.HIGHER
        if (low.amount > high.amount) if higher else (low.amount < high.amount):
            order = "≤" if higher else "≥"
            found.append(
                (
                    f"standard {code}: min_level {_fmt(low.amount, 'en')} and max_level "
                    f"{_fmt(high.amount, 'en')} are in the wrong order for direction "
                    f"{direction.value!r}",
                    f"min_level {order} max_level",
                )
            )
    return found


def _number(value: ObservedValue, standard: Standard) -> Any:
    if isinstance(value, bool | str):
        raise ObservationError(
            standard.code, f"got {value!r}", expected=f"a quantity in {standard.unit}"
        )
    return value


def _levels(standard: Standard, context: Context | None) -> tuple[ValueSpec, ValueSpec]:
    if context is None:
        context = Context(on=datetime.date.today())
    return resolve(standard.min_level, context), resolve(standard.max_level, context)


def _reaches(standard: Standard, actual: Fraction, level: Fraction) -> bool:
    return actual >= level if standard.direction is Direction.HIGHER else actual <= level


def _interpolate(standard: Standard, actual: Fraction, low: Fraction, high: Fraction) -> Fraction:
    if _reaches(standard, actual, high):
        return standard.max_points
    # Here the value lies strictly between the two levels, so low != high.
    progress = (actual - low) / (high - low)
    return standard.min_points + (standard.max_points - standard.min_points) * progress


def _min_points_map(values: Mapping[int, ValueSpec]) -> Mapping[int, ValueSpec]:
    return MappingProxyType(dict(values))


@attrs.frozen(slots=True)
class StandardsTable:
    """A table of standards for one urban class under one regime (Appendix 1 in shape).

    ``criterion_minimums`` supplies the minimum points of criteria where the
    regime leaves them unspecified.  Load one with :func:`load_standards`.

    >>> t = example_standards()
    >>> (t.regime, t.urban_class, len(t.standards), t.provenance.confidence.value)
    ('26/2022/UBTVQH15', 'IV', 15, 'illustrative')
    """

    id: str
    title_vi: str
    title_en: str
    regime: str
    urban_class: str
    standards: tuple[Standard, ...] = attrs.field(converter=_tuple)
    criterion_minimums: Mapping[int, ValueSpec] = attrs.field(
        factory=dict, converter=_min_points_map
    )
    provenance: Provenance = attrs.field(factory=Provenance)
    note: str | None = None

    def __attrs_post_init__(self) -> None:
        seen: set[str] = set()
        for standard in self.standards:
            if standard.code in seen:
                raise DataError(
                    f"duplicate standard code {standard.code!r}", expected="unique codes"
                )
            seen.add(standard.code)

    def standard(self, code: str) -> Standard:
        """The standard with ``code``.

        >>> example_standards().standard("2.1").unit
        'person'
        """
        for standard in self.standards:
            if standard.code == code:
                return standard
        raise UnknownCodeError(
            "standard", code, known=[s.code for s in self.standards], where=f"table {self.id}"
        )


# =========================================================================== results


@attrs.frozen(slots=True)
class StandardOutcome:
    """How one standard scored: status, actual value, levels and points.

    ``status`` is met when the value reaches the minimum level.  Points are a
    range ``points_low``–``points_high``: a single number once the value and
    both levels are known (then :attr:`points` is set), ``0``–``max_points``
    while data is missing.  ``gap`` is how far the value is from the minimum
    level when it is not met.

    >>> town = Locality("1", "A", "town")
    >>> outcome = classify(town, example_standards(), [Observation("1.3", 6.75)],
    ...                    on="30/6/2024").standard("1.3")
    >>> outcome.status.label("en"), outcome.points, outcome.max_points
    ('met', Fraction(21, 4), Fraction(6, 1))
    """

    code: str
    criterion: int
    name_vi: str
    name_en: str
    unit: str
    direction: Direction
    status: Status
    reason: UnknownReason | None
    actual: Fraction | None
    min_level: Fixed | Unspecified
    max_level: Fixed | Unspecified
    points_low: Fraction
    points_high: Fraction
    max_points: Fraction
    gap: Fraction | None
    provenance: Provenance

    @property
    def points(self) -> Fraction | None:
        """The exact points earned, or ``None`` while they are not decided.

        >>> r = classify(Locality("1", "A", "town"), example_standards(),
        ...              [Observation("5.3", 86), Observation("2.1", 75000), Observation("5.4", 95)],
        ...              on="30/6/2024")
        >>> r.standard("2.1").points, r.standard("5.1").points
        (Fraction(7, 2), None)
        """
        return self.points_low if self.points_low == self.points_high else None

    @property
    def gain(self) -> Fraction | None:
        """Points this standard would add if raised to its maximum level.

        >>> r = classify(Locality("1", "A", "town"), example_standards(),
        ...              [Observation("5.3", 86), Observation("2.1", 75000), Observation("5.4", 95)],
        ...              on="30/6/2024")
        >>> r.standard("2.1").gain, r.standard("5.3").gain
        (Fraction(1, 2), Fraction(10, 1))
        """
        return None if self.points is None else self.max_points - self.points

    @property
    def is_trusted(self) -> bool:
        """False when a level rests on illustrative or unverified data.

        >>> r = classify(Locality("1", "A", "town"), example_standards(),
        ...              [Observation("5.3", 86), Observation("2.1", 75000), Observation("5.4", 95)],
        ...              on="30/6/2024")
        >>> r.standard("2.1").is_trusted
        False
        """
        return self.provenance.confidence.is_trusted

    def summary(self, lang: str = "vi") -> str:
        """``1.3 (Tỷ lệ hộ nghèo): đạt — 6,75% → 5,25/6 điểm``-style line.

        >>> r = classify(Locality("1", "A", "town"), example_standards(),
        ...              [Observation("5.3", 86), Observation("2.1", 75000), Observation("5.4", 95)],
        ...              on="30/6/2024")
        >>> r.standard("5.4").summary("vi")
        '5.4 (Tỷ lệ chất thải rắn sinh hoạt được thu gom): đạt — 95% → 10/10 điểm'
        >>> r.standard("5.3").summary("en")
        '5.3 (Main streets with lighting): not met — 86% < 90% → 0/10 points'
        """
        name = self.name_vi if check_lang(lang) == "vi" else self.name_en
        head = f"{self.code} ({name}): {self.status.label(lang)}"
        if self.actual is None:
            return f"{head} — {_unknown_text(self.reason, self.min_level, lang)}"
        value = format_quantity(self.actual, self.unit, check_lang(lang))
        unit_word = "điểm" if lang == "vi" else "points"
        if self.status is Status.NOT_MET and isinstance(self.min_level, Fixed):
            sign = "<" if self.direction is Direction.HIGHER else ">"
            level = format_quantity(self.min_level.amount, self.unit, check_lang(lang))
            return f"{head} — {value} {sign} {level} → 0/{_fmt(self.max_points, lang)} {unit_word}"
        if self.points is None:
            what = _unknown_text(self.reason or UnknownReason.UNSPECIFIED, self.max_level, lang)
            return f"{head} — {value} ({what})"
        return f"{head} — {value} → {_fmt(self.points, lang)}/{_fmt(self.max_points, lang)} {unit_word}"


def _unknown_text(reason: UnknownReason | None, leaf: Fixed | Unspecified, lang: str) -> str:
    reason = reason or UnknownReason.DEPENDS
    text = reason.label(lang)
    if reason is UnknownReason.UNSPECIFIED and isinstance(leaf, Unspecified) and leaf.note:
        text += f" ({leaf.note})"
    return text


@attrs.frozen(slots=True)
class CriterionScore:
    """The points of one criterion: a range while data is missing, its minimum and status.

    ``status`` compares the points with ``min_points`` (met, not met, or
    unknown — the minimum is unspecified in the official data).

    >>> town = Locality("1", "A", "town")
    >>> score = classify(town, example_standards(), [Observation("2.1", 50000),
    ...                  Observation("2.2", 20000)], on="30/6/2024").criterion(2)
    >>> score.points, score.min_points.amount, score.status.label("en")
    (Fraction(6, 1), Fraction(6, 1), 'met')
    """

    number: int
    name_vi: str
    name_en: str
    points_low: Fraction
    points_high: Fraction
    max_points: Fraction
    min_points: Fixed | Unspecified
    status: Status
    reason: UnknownReason | None
    gap: Fraction | None
    provenance: Provenance

    @property
    def points(self) -> Fraction | None:
        """The exact points, or ``None`` while some standard is undecided.

        >>> r = classify(Locality("1", "A", "town"), example_standards(),
        ...              [Observation("5.3", 86), Observation("2.1", 75000), Observation("5.4", 95)],
        ...              on="30/6/2024")
        >>> r.criterion(2).points is None, r.criterion(2).points_low, r.criterion(2).points_high
        (True, Fraction(7, 2), Fraction(15, 2))
        """
        return self.points_low if self.points_low == self.points_high else None

    def label(self, lang: str = "vi") -> str:
        """``Tiêu chí 1 (…)`` / ``Criterion 1 (…)``.

        >>> r = classify(Locality("1", "A", "town"), example_standards(),
        ...              [Observation("5.3", 86), Observation("2.1", 75000), Observation("5.4", 95)],
        ...              on="30/6/2024")
        >>> r.criterion(3).label("vi")
        'Tiêu chí 3 (Mật độ dân số)'
        """
        if check_lang(lang) == "vi":
            return f"Tiêu chí {self.number} ({self.name_vi})"
        return f"Criterion {self.number} ({self.name_en})"

    def summary(self, lang: str = "vi") -> str:
        """``Tiêu chí 2 (Quy mô dân số): 7/8 điểm (tối thiểu 6) — đạt``-style line.

        >>> r = classify(Locality("1", "A", "town"), example_standards(),
        ...              [Observation("5.3", 86), Observation("2.1", 75000), Observation("5.4", 95)],
        ...              on="30/6/2024")
        >>> r.criterion(2).summary("vi")
        'Tiêu chí 2 (Quy mô dân số): 3,5–7,5/8 điểm (tối thiểu 6) — chưa xác định'
        """
        vi = check_lang(lang) == "vi"
        points = _range_text(self.points_low, self.points_high, lang)
        if isinstance(self.min_points, Fixed):
            minimum = ("tối thiểu " if vi else "minimum ") + _fmt(self.min_points.amount, lang)
        else:
            minimum = "tối thiểu: chưa quy định" if vi else "minimum: not specified"
        unit = "điểm" if vi else "points"
        return (
            f"{self.label(lang)}: {points}/{_fmt(self.max_points, lang)} {unit} "
            f"({minimum}) — {self.status.label(lang)}"
        )


def _range_text(low: Fraction, high: Fraction, lang: str) -> str:
    if low == high:
        return _fmt(low, lang)
    return f"{_fmt(low, lang)}–{_fmt(high, lang)}"


@attrs.frozen(slots=True)
class ClassificationResult:
    """The scoring of one urban area against one class, as of one date.

    Read :meth:`summary` ("đạt 55/63 tiêu chuẩn, tổng 72,56 điểm; thiếu 2,44
    điểm so với 75"), :attr:`total`, :attr:`shortfall`, :meth:`improvements`
    (the standards that would add the most points), :meth:`reasons` and
    :meth:`explain`.  ``status`` is met when every criterion reaches its
    minimum and the total reaches ``pass_total``; unknown while a minimum or
    the pass rule is unspecified, or data is missing.

    >>> town = Locality("99100", "Minh Họa", "town")
    >>> result = classify(town, example_standards(), [Observation("5.3", 86)], on="30/6/2024")
    >>> result.regime_id, result.urban_class, result.status.label("en")
    ('26/2022/UBTVQH15', 'IV', 'unknown')
    """

    locality: Locality
    urban_class: str
    on: datetime.date
    regime_id: str
    regime_legal_basis: str
    table_id: str | None
    status: Status
    reason: UnknownReason | None
    standards: tuple[StandardOutcome, ...] = attrs.field(converter=_tuple)
    criteria: tuple[CriterionScore, ...] = attrs.field(converter=_tuple)
    pass_total: Fixed | Unspecified
    total_low: Fraction
    total_high: Fraction
    max_total: Fraction
    total_gap: Fraction | None = None
    note: str | None = None

    @property
    def total(self) -> Fraction | None:
        """The exact total points, or ``None`` while some standard is undecided.

        >>> r = classify(Locality("1", "A", "town"), example_standards(),
        ...              [Observation("5.3", 86), Observation("2.1", 75000), Observation("5.4", 95)],
        ...              on="30/6/2024")
        >>> r.total, r.total_low, r.total_high
        (None, Fraction(27, 2), Fraction(179, 2))
        """
        return self.total_low if self.total_low == self.total_high else None

    @property
    def met_count(self) -> int:
        """Standards whose value reaches the minimum level (the 55 in "55/63").

        >>> r = classify(Locality("1", "A", "town"), example_standards(),
        ...              [Observation("5.3", 86), Observation("2.1", 75000), Observation("5.4", 95)],
        ...              on="30/6/2024")
        >>> r.met_count, len(r.standards)
        (2, 15)
        """
        return sum(1 for s in self.standards if s.status is Status.MET)

    @property
    def unknown_count(self) -> int:
        """Standards that cannot be decided (missing data or unspecified levels).

        >>> r = classify(Locality("1", "A", "town"), example_standards(),
        ...              [Observation("5.3", 86), Observation("2.1", 75000), Observation("5.4", 95)],
        ...              on="30/6/2024")
        >>> r.unknown_count
        12
        """
        return sum(1 for s in self.standards if s.status is Status.UNKNOWN)

    @property
    def shortfall(self) -> Fraction | None:
        """Points missing to the pass line (0 when reached); ``None`` when not decided.

        When data is missing, the shortfall is counted from the most the area
        could still score.

        >>> r = classify(Locality("1", "A", "town"), example_standards(),
        ...              [Observation("5.3", 86), Observation("2.1", 75000), Observation("5.4", 95)],
        ...              on="30/6/2024")
        >>> r.shortfall is None          # 13,5 to 89,5 points: not decided yet
        True
        """
        if not isinstance(self.pass_total, Fixed) or not self.criteria:
            return None
        line = self.pass_total.amount
        if self.total_low >= line:
            return Fraction(0)
        if self.total_high < line:
            return line - self.total_high
        return None

    def standard(self, code: str) -> StandardOutcome:
        """The outcome of the standard with ``code``.

        >>> r = classify(Locality("1", "A", "town"), example_standards(),
        ...              [Observation("5.3", 86), Observation("2.1", 75000), Observation("5.4", 95)],
        ...              on="30/6/2024")
        >>> r.standard("5.3").status.label("en")
        'not met'
        """
        for outcome in self.standards:
            if outcome.code == code:
                return outcome
        raise UnknownCodeError("standard", code, known=[s.code for s in self.standards])

    def criterion(self, number: int) -> CriterionScore:
        """The score of criterion ``number``.

        >>> r = classify(Locality("1", "A", "town"), example_standards(),
        ...              [Observation("5.3", 86), Observation("2.1", 75000), Observation("5.4", 95)],
        ...              on="30/6/2024")
        >>> r.criterion(5).max_points
        Fraction(60, 1)
        """
        for score in self.criteria:
            if score.number == number:
                return score
        raise UnknownCodeError(
            "urban criterion", str(number), known=[str(c.number) for c in self.criteria]
        )

    def improvements(self) -> tuple[StandardOutcome, ...]:
        """Standards that would add points if raised to their maximum, most points first.

        Standards already at their maximum and undecided ones are left out.

        >>> r = classify(Locality("1", "A", "town"), example_standards(),
        ...              [Observation("5.3", 86), Observation("2.1", 75000), Observation("5.4", 95)],
        ...              on="30/6/2024")
        >>> [(s.code, s.gain) for s in r.improvements()]
        [('5.3', Fraction(10, 1)), ('2.1', Fraction(1, 2))]
        """
        ranked = [s for s in self.standards if s.gain is not None and s.gain > 0]
        return tuple(sorted(ranked, key=lambda s: (-(s.gain or 0), s.code)))

    def untrusted(self) -> tuple[str, ...]:
        """Codes of the standards, criteria (``"criterion 1"``) and the pass rule
        whose values are illustrative or unverified.

        >>> r = classify(Locality("1", "A", "town"), example_standards(),
        ...              [Observation("5.3", 86), Observation("2.1", 75000), Observation("5.4", 95)],
        ...              on="30/6/2024")
        >>> r.untrusted()[:2], r.untrusted()[-1]
        (('1.1', '1.2'), 'criterion 5')
        """
        codes = [s.code for s in self.standards if not s.is_trusted]
        codes += [
            f"criterion {c.number}"
            for c in self.criteria
            if isinstance(c.min_points, Fixed) and not c.provenance.confidence.is_trusted
        ]
        pass_provenance = self.pass_total.provenance
        if pass_provenance is not None and not pass_provenance.confidence.is_trusted:
            codes.append("pass_total")
        return tuple(codes)

    def summary(self, lang: str = "vi") -> str:
        """``đạt 55/63 tiêu chuẩn, tổng 72,56 điểm; thiếu 2,44 điểm so với 75``.

        >>> r = classify(Locality("1", "A", "town"), example_standards(),
        ...              [Observation("5.3", 86), Observation("2.1", 75000), Observation("5.4", 95)],
        ...              on="30/6/2024")
        >>> r.summary("vi")
        'đạt 2/15 tiêu chuẩn (12 chưa xác định), tổng từ 13,5 đến 89,5 điểm; chưa xác định được so với 75'
        """
        vi = check_lang(lang) == "vi"
        if not self.criteria:
            return (
                "chưa chấm điểm: thang điểm của văn bản đang có hiệu lực chưa được quy định"
                if vi
                else "not scored: the scoring of the regime in force is not specified"
            )
        count = f"{self.met_count}/{len(self.standards)}"
        missing = self.unknown_count
        if vi:
            head = f"đạt {count} tiêu chuẩn" + (f" ({missing} chưa xác định)" if missing else "")
            points = (
                f"tổng {_fmt(self.total_low, lang)} điểm"
                if self.total is not None
                else f"tổng từ {_fmt(self.total_low, lang)} đến {_fmt(self.total_high, lang)} điểm"
            )
        else:
            head = f"{count} standards met" + (f" ({missing} undecided)" if missing else "")
            points = (
                f"{_fmt(self.total_low, lang)} points in total"
                if self.total is not None
                else f"between {_fmt(self.total_low, lang)} and "
                f"{_fmt(self.total_high, lang)} points in total"
            )
        return f"{head}, {points}{self._line_text(lang)}"

    def _line_text(self, lang: str) -> str:
        vi = lang == "vi"
        if not isinstance(self.pass_total, Fixed):
            return "; ngưỡng đạt chưa quy định" if vi else "; pass line not specified"
        line = _fmt(self.pass_total.amount, lang)
        shortfall = self.shortfall
        if shortfall is None:
            return f"; chưa xác định được so với {line}" if vi else f"; undecided against {line}"
        if shortfall == 0:
            return f"; đủ {line} điểm" if vi else f"; reaches the {line}-point line"
        short = _fmt(shortfall, lang)
        return f"; thiếu {short} điểm so với {line}" if vi else f"; {short} points short of {line}"

    def headline(self, lang: str = "vi") -> str:
        """``Thị xã Minh Họa, đô thị loại IV (30/06/2024): đạt 15/15 tiêu chuẩn, …``.

        >>> r = classify(Locality("1", "A", "town"), example_standards(),
        ...              [Observation("5.3", 86), Observation("2.1", 75000), Observation("5.4", 95)],
        ...              on="30/6/2024")
        >>> r.headline("en")
        'A town, class IV (2024-06-30): 2/15 standards met (12 undecided), between 13.5 and 89.5 points in total; undecided against 75'
        """
        name = self.locality.label(lang)
        name = name[:1].upper() + name[1:]
        return (
            f"{name}, {class_label(self.urban_class, lang)} "
            f"({format_date(self.on, lang)}): {self.summary(lang)}"
        )

    def reasons(self, lang: str = "vi") -> tuple[str, ...]:
        """Why the status is what it is: the pass line, then each criterion's minimum.

        >>> town = Locality("99100", "Minh Họa", "town")
        >>> classify(town, example_standards(), [], on="30/6/2024").reasons("en")[0]
        'total 0–100 points undecided against 75 (needs data)'
        """
        vi = check_lang(lang) == "vi"
        if not self.criteria:
            first = (
                f"văn bản đang có hiệu lực ({self.regime_legal_basis}) chưa có thang điểm trong "
                "dữ liệu; không áp dụng thang điểm của văn bản trước"
                if vi
                else f"the regime in force ({self.regime_legal_basis}) has no scoring in the "
                "data; the previous regime's numbers are not applied"
            )
            return (first, self.note) if self.note else (first,)
        lines = [self._total_reason(lang)]
        below = [str(c.number) for c in self.criteria if c.status is Status.NOT_MET]
        if below:
            numbers = ", ".join(below)
            lines.append(
                f"tiêu chí {numbers} chưa đạt điểm tối thiểu"
                if vi
                else f"criteria {numbers} below their minimum points"
            )
        unspecified = [
            str(c.number) for c in self.criteria if isinstance(c.min_points, Unspecified)
        ]
        if unspecified:
            numbers = ", ".join(unspecified)
            lines.append(
                f"điểm tối thiểu của tiêu chí {numbers} chưa quy định"
                if vi
                else f"minimum points of criteria {numbers} not specified"
            )
        return tuple(lines)

    def _total_reason(self, lang: str) -> str:
        vi = lang == "vi"
        leaf = self.pass_total
        if not isinstance(leaf, Fixed):
            note = f" ({leaf.note})" if leaf.note else ""
            return (
                f"ngưỡng tổng điểm chưa quy định{note}" if vi else f"pass line not specified{note}"
            )
        line = _fmt(leaf.amount, lang)
        total = _range_text(self.total_low, self.total_high, lang)
        unit = "điểm" if vi else "points"
        if self.total_low >= leaf.amount:
            return f"{'tổng' if vi else 'total'} {total} ≥ {line} {unit}"
        if self.total_high < leaf.amount:
            return f"{'tổng' if vi else 'total'} {total} < {line} {unit}"
        if vi:
            return f"tổng {total} điểm chưa xác định được so với {line} (cần số liệu)"
        return f"total {total} points undecided against {line} (needs data)"

    def _basis(self, lang: str) -> str:
        provenance = self.pass_total.provenance or Provenance()
        return ("Căn cứ: " if lang == "vi" else "Basis: ") + provenance.describe(lang)

    def _untrusted_text(self, lang: str) -> str:
        untrusted = self.untrusted()
        standards = [code for code in untrusted if code in {s.code for s in self.standards}]
        rest = [code for code in untrusted if code not in standards]
        parts = []
        if standards and len(standards) == len(self.standards):
            parts.append(
                f"mọi tiêu chuẩn của bảng {self.table_id}"
                if lang == "vi"
                else f"every standard of table {self.table_id}"
            )
        elif standards:
            parts.append(", ".join(standards))
        numbers = [
            code.removeprefix("criterion ") for code in rest if code.startswith("criterion ")
        ]
        if numbers:
            parts.append(
                f"điểm tối thiểu của tiêu chí {', '.join(numbers)}"
                if lang == "vi"
                else f"minimum points of criteria {', '.join(numbers)}"
            )
        if "pass_total" in rest:
            parts.append("ngưỡng tổng điểm" if lang == "vi" else "the pass line")
        return "; ".join(parts)

    def explain(self, lang: str = "vi") -> str:
        """A short review minute: headline, status and reasons, criteria, standards to raise.

        >>> town = Locality("99100", "Minh Họa", "town")
        >>> print(classify(town, example_standards(), [], on="1/1/2026").explain("en"))
        Minh Họa town, class IV (2026-01-01): not scored: the scoring of the regime in force is not specified
        Result: unknown
        - the regime in force (Nghị quyết 111/2025/UBTVQH15 ...) has no scoring in the data; the previous regime's numbers are not applied
        - Four classes only (special, I, II, III); classes IV and V are abolished. ...
        """
        vi = check_lang(lang) == "vi"
        lines = [self.headline(lang)]
        lines.append(("Kết quả: " if vi else "Result: ") + self.status.label(lang))
        lines += [f"- {reason}" for reason in self.reasons(lang) if reason]
        if self.criteria:
            lines.append(self._basis(lang))
        lines += [c.summary(lang) for c in self.criteria]
        lines += [s.summary(lang) for s in self.standards if s.status is not Status.MET]
        best = self.improvements()[:3]
        if best:
            items = ", ".join(f"{s.code} (+{_fmt(s.gain or Fraction(0), lang)})" for s in best)
            lines.append(
                ("Nâng lên mức tối đa được nhiều điểm nhất: " if vi else "Most points to gain: ")
                + items
            )
        if self.untrusted():
            codes = self._untrusted_text(lang)
            lines.append(
                f"Lưu ý: kết quả dựa trên số liệu minh họa hoặc chưa kiểm chứng ({codes}); "
                "không dùng để báo cáo chính thức."
                if vi
                else f"Note: this result rests on illustrative or unverified values ({codes}); "
                "not for official reporting."
            )
        return "\n".join(lines)


# =========================================================================== classify


def classify(
    locality: Locality,
    table: StandardsTable,
    observations: Iterable[Observation],
    *,
    on: datetime.date | str,
    rules: ClassificationRules | None = None,
) -> ClassificationResult:
    """Score ``locality`` against ``table`` as of ``on``, under the regime then in force.

    Each observation's ``indicator_code`` is a standard code; of several, the
    latest dated on or before ``on`` counts.  A regime whose scoring is
    unspecified (Resolution 111/2025, from 1 January 2026) gives an *unknown*
    result that says so; the table is not applied.  A table written for
    another regime than the one in force raises
    :class:`~ntm_criteria.errors.NotInForceError`; an observation of an
    unknown standard :class:`~ntm_criteria.errors.UnknownCodeError`.

    >>> town = Locality("99100", "Minh Họa", "town")
    >>> later = classify(town, example_standards(), [], on="1/1/2026")
    >>> later.status, later.reason
    (<Status.UNKNOWN: 'unknown'>, <UnknownReason.UNSPECIFIED: 'unspecified'>)
    >>> print(later.summary("en"))
    not scored: the scoring of the regime in force is not specified
    """
    day = as_date(on)
    rules = rules or classification_rules()
    regime = rules.regime_on(day)
    if not regime.is_specified:
        return _unspecified_result(locality, table, regime, day)
    if table.regime != regime.id:
        try:
            validity = rules.regime(table.regime).validity_label()
        except UnknownCodeError:
            validity = f"regime {table.regime} unknown"
        raise NotInForceError(table.id, day.isoformat(), validity)
    problems = Problems()
    _check_fit(
        regime, table.urban_class, _entries(table.standards), table.criterion_minimums, problems
    )
    problems.raise_if_any()
    values = _latest(observations, table, day)
    context = Context(on=day, region=locality.region, group=locality.group, tags=locality.tags)
    outcomes = tuple(_score(s, values.get(s.code), context) for s in table.standards)
    scores = tuple(_criterion_score(c, table, outcomes, context) for c in regime.criteria)
    total_low = sum((c.points_low for c in scores), Fraction(0))
    total_high = sum((c.points_high for c in scores), Fraction(0))
    line = _leaf(regime.pass_total, context, regime.provenance)
    total_verdict = _interval_verdict(total_low, total_high, line)
    status = combine_all([total_verdict.status, *(c.status for c in scores)])
    return ClassificationResult(
        locality=locality,
        urban_class=table.urban_class,
        on=day,
        regime_id=regime.id,
        regime_legal_basis=regime.legal_basis,
        table_id=table.id,
        status=status,
        reason=_reason(status, [total_verdict.reason, *(c.reason for c in scores)]),
        standards=outcomes,
        criteria=scores,
        pass_total=line,
        total_low=total_low,
        total_high=total_high,
        max_total=regime.max_total,
        total_gap=total_verdict.gap,
        note=regime.note,
    )


def _unspecified_result(
    locality: Locality, table: StandardsTable, regime: Regime, day: datetime.date
) -> ClassificationResult:
    leaf = _leaf(regime.pass_total, Context(on=day), regime.provenance)
    return ClassificationResult(
        locality=locality,
        urban_class=table.urban_class,
        on=day,
        regime_id=regime.id,
        regime_legal_basis=regime.legal_basis,
        table_id=None,
        status=Status.UNKNOWN,
        reason=UnknownReason.UNSPECIFIED,
        standards=(),
        criteria=(),
        pass_total=leaf,
        total_low=Fraction(0),
        total_high=regime.max_total,
        max_total=regime.max_total,
        note=regime.note or f"the scoring of {regime.id} is not specified",
    )


def _reason(status: Status, reasons: Sequence[UnknownReason | None]) -> UnknownReason | None:
    if status is not Status.UNKNOWN:
        return None
    found = {r for r in reasons if r is not None}
    return found.pop() if len(found) == 1 else UnknownReason.DEPENDS


def _leaf(spec: ValueSpec, context: Context, default: Provenance) -> Fixed | Unspecified:
    leaf = resolve(spec, context)
    if leaf.provenance is not None:
        return leaf
    if isinstance(leaf, Fixed):
        return Fixed(leaf.amount, default)
    return Unspecified(leaf.note, default, leaf.missing)


def _interval_verdict(low: Fraction, high: Fraction, line: Fixed | Unspecified) -> Verdict:
    """The core's "at least" verdict on a value known only to lie in [low, high]."""
    if isinstance(line, Unspecified):
        return evaluate(AtLeast(line), low)
    if low >= line.amount:
        return evaluate(AtLeast(line), low)
    if high < line.amount:
        return evaluate(AtLeast(line), high)
    return Verdict(Status.UNKNOWN, UnknownReason.NO_DATA)


def _latest(
    observations: Iterable[Observation], table: StandardsTable, on: datetime.date
) -> dict[str, Observation]:
    known = {s.code for s in table.standards}
    chosen: dict[str, Observation] = {}
    unknown: list[str] = []
    for observation in observations:
        if not isinstance(observation, Observation):
            raise ObservationError(
                "?", f"{observation!r} is not an Observation", expected="Observation(code, value)"
            )
        code = observation.indicator_code
        if code not in known:
            unknown.append(code)
            continue
        when = observation.as_of or on
        if when > on:
            continue
        previous = chosen.get(code)
        if previous is not None:
            previous_when = previous.as_of or on
            if previous_when == when:
                raise ObservationError(
                    code, f"two observations as of {when.isoformat()}", expected="one per date"
                )
            if previous_when > when:
                continue
        chosen[code] = observation
    if unknown:
        raise UnknownCodeError(
            "standard",
            ", ".join(dict.fromkeys(unknown)),
            known=sorted(known),
            where=f"observations for table {table.id}",
        )
    return chosen


def _score(
    standard: Standard, observation: Observation | None, context: Context
) -> StandardOutcome:
    provenance = standard.provenance
    low = _leaf(standard.min_level, context, provenance)
    high = _leaf(standard.max_level, context, provenance)
    for leaf in (low, high):
        if leaf.provenance is not None and not leaf.provenance.confidence.is_trusted:
            provenance = leaf.provenance
            break

    def outcome(
        verdict: Verdict, actual: Fraction | None, points: tuple[Fraction, Fraction]
    ) -> StandardOutcome:
        return StandardOutcome(
            standard.code,
            standard.criterion,
            standard.name_vi,
            standard.name_en,
            standard.unit,
            standard.direction,
            verdict.status,
            verdict.reason,
            actual,
            low,
            high,
            points[0],
            points[1],
            standard.max_points,
            verdict.gap,
            provenance,
        )

    undecided = (Fraction(0), standard.max_points)
    if observation is None:
        reason = (
            UnknownReason.UNSPECIFIED if isinstance(low, Unspecified) else UnknownReason.NO_DATA
        )
        return outcome(Verdict(Status.UNKNOWN, reason), None, undecided)
    actual = to_exact(_number(observation.value, standard), standard.unit, indicator=standard.code)
    # Reaching the minimum level is the core's "at least" (or "at most") requirement.
    minimum = AtLeast(low) if standard.direction is Direction.HIGHER else AtMost(low)
    verdict = evaluate(minimum, actual)
    if verdict.status is Status.UNKNOWN:
        return outcome(verdict, actual, undecided)
    if verdict.status is Status.NOT_MET:
        return outcome(verdict, actual, (Fraction(0), Fraction(0)))
    if isinstance(low, Unspecified) or isinstance(high, Unspecified):
        return outcome(verdict, actual, (standard.min_points, standard.max_points))
    points = _interpolate(standard, actual, low.amount, high.amount)
    return outcome(verdict, actual, (points, points))


def _criterion_score(
    criterion: UrbanCriterion,
    table: StandardsTable,
    outcomes: Sequence[StandardOutcome],
    context: Context,
) -> CriterionScore:
    mine = [o for o in outcomes if o.criterion == criterion.number]
    low = sum((o.points_low for o in mine), Fraction(0))
    high = sum((o.points_high for o in mine), Fraction(0))
    if criterion.number in table.criterion_minimums:
        minimum = _leaf(table.criterion_minimums[criterion.number], context, table.provenance)
    else:
        minimum = _leaf(criterion.min_points, context, criterion.provenance)
    verdict = _interval_verdict(low, high, minimum)
    return CriterionScore(
        criterion.number,
        criterion.name_vi,
        criterion.name_en,
        low,
        high,
        criterion.max_points,
        minimum,
        verdict.status,
        verdict.reason,
        verdict.gap,
        minimum.provenance or criterion.provenance,
    )


class _Entry(NamedTuple):
    """What the fit check needs of one standard, with the key path it came from."""

    path: str
    code: str
    criterion: int
    max_points: Fraction


def _entries(standards: Sequence[Standard]) -> list[_Entry]:
    return [
        _Entry(f"standards[{i}]", s.code, s.criterion, s.max_points)
        for i, s in enumerate(standards)
    ]


def _check_fit(
    regime: Regime,
    urban_class: str,
    entries: Sequence[_Entry],
    minimums: Mapping[int, ValueSpec],
    problems: Problems,
) -> None:
    """A table must fit its regime: known criteria and class, points within each maximum."""
    numbers = {c.number: c for c in regime.criteria}
    known = ", ".join(str(n) for n in numbers)
    if urban_class not in regime.classes:
        problems.add(
            "class",
            f"class {urban_class!r} does not exist under {regime.id}",
            expected=", ".join(regime.classes),
        )
    for entry in entries:
        if entry.criterion not in numbers:
            problems.add(
                f"{entry.path}.criterion",
                f"standard {entry.code}: unknown criterion {entry.criterion}",
                expected=known,
            )
    for number in minimums:
        if number not in numbers:
            problems.add(
                "criteria", f"minimum points for unknown criterion {number}", expected=known
            )
    for number, criterion in numbers.items():
        total = sum((e.max_points for e in entries if e.criterion == number), Fraction(0))
        if total > criterion.max_points:
            problems.add(
                "standards",
                f"the standards of criterion {number} give up to {_fmt(total, 'en')} points, "
                f"above its maximum of {_fmt(criterion.max_points, 'en')} under {regime.id}",
                expected="standards' max_points adding up to at most "
                f"{_fmt(criterion.max_points, 'en')}",
            )


# =========================================================================== reading data


def _package_text(name: str) -> str:
    return resources.files("ntm_criteria").joinpath("data", name).read_text(encoding="utf-8")


class _Reader(DataReader):
    """Reads one document, collecting every problem with its key path."""

    def value(
        self, data: Mapping[str, Any], key: str, path: str, *, required: bool = True
    ) -> ValueSpec | None:
        if key not in data:
            if required:
                self.problems.add(_p(path, key), "missing", expected='a number or "unspecified"')
            return None
        return value_from_data(data[key], _p(path, key), self.problems)

    def format(self, data: Mapping[str, Any]) -> None:
        self.version(data, FORMAT_VERSION)

    def build(self, path: str, make: Callable[..., _T], *args: Any, **kwargs: Any) -> _T | None:
        """Call a constructor, turning its DataError into a problem at ``path``."""
        try:
            return make(*args, **kwargs)
        except DataError as err:
            self.problems.add_error(path, err)
            return None


_PROVENANCE = ("source", "confidence", "certainty")
_RULES_KEYS = ("format", "regimes")
_REGIME_KEYS = (
    "id",
    "title_vi",
    "title_en",
    "legal_basis",
    "valid_from",
    "valid_to",
    "classes",
    "max_total",
    "pass_total",
    "criteria",
    "note",
    *_PROVENANCE,
)
_URBAN_CRITERION_KEYS = (
    "number",
    "name_vi",
    "name_en",
    "max_points",
    "min_points",
    "standards",
    *_PROVENANCE,
)


def loads_classification_rules(text: str, *, file: str | None = None) -> ClassificationRules:
    """Read urban-classification regimes from TOML text (every problem reported at once).

    The shipped file is ``data/urban_classification.toml``; a "what if"
    analysis may load its own.

    >>> loads_classification_rules('[[regimes]]\\nid = "x"', file="r.toml")
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.DataErrors: r.toml: 6 problems:
      - regimes[0].title_vi: missing (expected a string)
    ...
    """
    data = parse_toml(text, file)
    reader = _Reader()
    reader.format(data)
    reader.keys(data, _RULES_KEYS, "")
    regimes = [
        r for path, item in reader.tables(data, "regimes", "") if (r := _regime(reader, item, path))
    ]
    if not regimes and not reader.problems:
        reader.problems.add("regimes", "missing", expected="at least one [[regimes]] table")
    rules = None if reader.problems else reader.build("regimes", ClassificationRules, regimes)
    reader.problems.raise_if_any(file)
    assert rules is not None
    return rules


def _regime(reader: _Reader, data: Mapping[str, Any], path: str) -> Regime | None:
    reader.keys(data, _REGIME_KEYS, path)
    before = len(reader.problems.items)
    texts = {k: reader.text(data, k, path) for k in ("id", "title_vi", "title_en", "legal_basis")}
    note = reader.text(data, "note", path, required=False)
    start = reader.date(data, "valid_from", path)
    end = reader.date(data, "valid_to", path, required=False)
    classes = reader.strings(data, "classes", path)
    for index, name in enumerate(classes):
        if name not in _CLASS_LABELS:
            reader.problems.add(
                f"{_p(path, 'classes')}[{index}]",
                f"unknown urban class {name!r}",
                expected=", ".join(_CLASS_LABELS),
            )
    base = reader.provenance(data, path, Provenance())
    max_total = reader.number(data, "max_total", path, required=False)
    pass_total = reader.value(data, "pass_total", path)
    criteria = [
        c
        for item_path, item in reader.tables(data, "criteria", path)
        if (c := _urban_criterion(reader, item, item_path, base))
    ]
    if len(reader.problems.items) != before:
        return None
    return reader.build(
        path,
        Regime,
        valid_from=start,
        valid_to=end,
        classes=classes,
        criteria=criteria,
        pass_total=pass_total,
        max_total=max_total if max_total is not None else Fraction(100),
        provenance=base,
        note=note,
        **texts,
    )


def _urban_criterion(
    reader: _Reader, data: Mapping[str, Any], path: str, base: Provenance
) -> UrbanCriterion | None:
    reader.keys(data, _URBAN_CRITERION_KEYS, path)
    before = len(reader.problems.items)
    number = reader.whole(data, "number", path)
    names = [reader.text(data, k, path) for k in ("name_vi", "name_en")]
    max_points = reader.number(data, "max_points", path)
    minimum = reader.value(data, "min_points", path, required=False) or Unspecified()
    standards = reader.value(data, "standards", path, required=False)
    if standards is not None and not isinstance(standards, Fixed):
        reader.problems.add(_p(path, "standards"), "not a number", expected="a count of standards")
    provenance = reader.provenance(data, path, base)
    if len(reader.problems.items) != before or number is None or max_points is None:
        return None
    return UrbanCriterion(
        number,
        str(names[0]),
        str(names[1]),
        max_points,
        minimum,
        standards if isinstance(standards, Fixed) else None,
        provenance,
    )


_TABLE_KEYS = (
    "format",
    "id",
    "title_vi",
    "title_en",
    "regime",
    "class",
    "note",
    "criteria",
    "standards",
    *_PROVENANCE,
)
_STANDARD_KEYS = (
    "code",
    "criterion",
    "name_vi",
    "name_en",
    "unit",
    "direction",
    "min_level",
    "max_level",
    "min_points",
    "max_points",
    "note",
    *_PROVENANCE,
)


def loads_standards(
    text: str, *, file: str | None = None, rules: ClassificationRules | None = None
) -> StandardsTable:
    """Read a standards table from TOML text; every problem is reported at once.

    The table is checked against its regime in ``rules`` (the shipped rules
    by default): the class must exist, each standard's criterion too, and the
    standards of a criterion may not give more than its maximum points.  The
    format is documented in ``docs/urban.md``.

    >>> loads_standards('''
    ... id = "t"
    ... title_vi = "Bảng thử"
    ... title_en = "Test table"
    ... regime = "26/2022/UBTVQH15"
    ... class = "VI"
    ... confidence = "illustrative"
    ... [[standards]]
    ... code = "2.1"
    ... criterion = 2
    ... name_vi = "Dân số"
    ... name_en = "Population"
    ... unit = "people"
    ... min_level = 50000
    ... max_level = 100000
    ... min_points = 3
    ... max_points = 9
    ... ''', file="t.toml")
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.DataErrors: t.toml: 2 problems:
      - class: class 'VI' does not exist under 26/2022/UBTVQH15 (expected special, I, II, III, IV, V)
      - standards: the standards of criterion 2 give up to 9 points, above its maximum of 8 under 26/2022/UBTVQH15 ...
    """
    data = parse_toml(text, file)
    reader = _Reader()
    reader.format(data)
    reader.keys(data, _TABLE_KEYS, "")
    texts = {k: reader.text(data, k, "") for k in ("id", "title_vi", "title_en", "regime")}
    urban_class = reader.text(data, "class", "")
    note = reader.text(data, "note", "", required=False)
    base = reader.provenance(data, "", Provenance())
    minimums: dict[int, ValueSpec] = {}
    for path, item in reader.tables(data, "criteria", ""):
        reader.keys(item, ("number", "min_points", *_PROVENANCE), path)
        number = reader.whole(item, "number", path)
        spec = reader.value(item, "min_points", path)
        provenance = reader.provenance(item, path, base)
        if number is not None and spec is not None:
            if number in minimums:
                reader.problems.add(_p(path, "number"), f"criterion {number} given twice")
            minimums[number] = _with_provenance(spec, provenance)
    entries: list[_Entry] = []
    standards = [
        s
        for path, item in reader.tables(data, "standards", "")
        if (s := _standard(reader, item, path, base, entries))
    ]
    if "standards" not in data:
        reader.problems.add("standards", "missing", expected="at least one [[standards]] table")
    seen: dict[str, str] = {}
    for entry in entries:
        if entry.code in seen:
            reader.problems.add(
                f"{entry.path}.code",
                f"duplicate standard code {entry.code!r} (first at {seen[entry.code]})",
            )
        seen.setdefault(entry.code, entry.path)
    regime_id = texts["regime"]
    if regime_id is not None:
        try:
            regime = (rules or classification_rules()).regime(regime_id)
        except UnknownCodeError as err:
            reader.problems.add("regime", str(err))
        else:
            if urban_class is not None and regime.is_specified:
                _check_fit(regime, urban_class, entries, minimums, reader.problems)
    reader.problems.raise_if_any(file)
    return StandardsTable(
        str(texts["id"]),
        str(texts["title_vi"]),
        str(texts["title_en"]),
        str(regime_id),
        str(urban_class),
        standards,
        minimums,
        base,
        note,
    )


def _with_provenance(spec: ValueSpec, provenance: Provenance) -> ValueSpec:
    if isinstance(spec, Fixed) and spec.provenance is None:
        return Fixed(spec.amount, provenance)
    if isinstance(spec, Unspecified) and spec.provenance is None:
        return Unspecified(spec.note, provenance, spec.missing)
    return spec


def _standard(
    reader: _Reader,
    data: Mapping[str, Any],
    path: str,
    base: Provenance,
    entries: list[_Entry],
) -> Standard | None:
    reader.keys(data, _STANDARD_KEYS, path)
    before = len(reader.problems.items)
    code = data.get("code")
    if isinstance(code, int | float) and not isinstance(code, bool):
        reader.problems.add(
            _p(path, "code"), f"{code!r} is a number", expected=f'a string such as "{code}"'
        )
        code = None
    else:
        code = reader.text(data, "code", path)
    criterion = reader.whole(data, "criterion", path)
    names = [reader.text(data, k, path) for k in ("name_vi", "name_en")]
    unit = reader.text(data, "unit", path, required=False) or _UNITLESS
    try:
        parse_unit(unit)
    except NtmError as err:
        reader.problems.add(_p(path, "unit"), str(err))
    direction = data.get("direction", "higher")
    if direction not in ("higher", "lower"):
        reader.problems.add(
            _p(path, "direction"), f"unknown direction {direction!r}", expected="higher or lower"
        )
    provenance = reader.provenance(data, path, base)
    low = reader.value(data, "min_level", path)
    high = reader.value(data, "max_level", path)
    min_points, max_points = (reader.number(data, k, path) for k in ("min_points", "max_points"))
    if min_points is not None and max_points is not None:
        for message, expected in _shape_problems(
            str(data.get("code", "?")),
            Direction(direction) if direction in ("higher", "lower") else Direction.HIGHER,
            low if low is not None else Unspecified(),
            high if high is not None else Unspecified(),
            min_points,
            max_points,
        ):
            reader.problems.add(path, message, expected=expected)
    if code is not None and criterion is not None and max_points is not None:
        entries.append(_Entry(path, str(code), criterion, max_points))
    if len(reader.problems.items) != before:
        return None
    assert criterion is not None
    assert low is not None
    assert high is not None
    assert min_points is not None
    assert max_points is not None
    return Standard(
        str(code),
        criterion,
        str(names[0]),
        str(names[1]),
        _with_provenance(low, provenance),
        _with_provenance(high, provenance),
        min_points,
        max_points,
        unit=unit,
        direction=Direction(direction),
        provenance=provenance,
        note=reader.text(data, "note", path, required=False),
    )


def load_standards(path: str | Path, *, rules: ClassificationRules | None = None) -> StandardsTable:
    """Read a standards table from a TOML file (see :func:`loads_standards`).

    >>> load_standards("no/such/table.toml")
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.DataError: no/such/table.toml: cannot read the file: No such file or directory
    """
    return loads_standards(read_text_file(path), file=str(path), rules=rules)


@functools.cache
def classification_rules() -> ClassificationRules:
    """The shipped regimes of urban classification (``data/urban_classification.toml``).

    >>> [str(c.max_points) for c in classification_rules().regime("1210/2016/UBTVQH13").criteria]
    ['20', '8', '6', '6', '60']
    """
    return loads_classification_rules(
        _package_text("urban_classification.toml"), file="data/urban_classification.toml"
    )


@functools.cache
def example_standards() -> StandardsTable:
    """The ILLUSTRATIVE class-IV standards table shipped for examples and tests.

    Its names, levels and points are made up (except the class-IV minimum
    levels of standards 2.1–4.2, reported by one secondary source and marked
    unverified); every result that uses it says so.

    >>> example_standards().provenance.confidence.is_trusted
    False
    """
    return loads_standards(
        _package_text("urban_standards_example.toml"), file="data/urban_standards_example.toml"
    )


# =========================================================================== civilized wards


@attrs.frozen(slots=True)
class CivilizedRules:
    """The recognition rules of Decision 04/2022/QĐ-TTg for wards and townships.

    ``first_recognition_years`` and ``re_recognition_years`` are the
    registration periods before a first recognition and a re-recognition;
    ``min_satisfaction`` the share of residents (percent) who must be
    satisfied and agree.  ``set_id`` names the built-in criterion set.

    >>> rules = civilized_rules()
    >>> rules.first_recognition_years.amount, rules.re_recognition_years.amount
    (Fraction(2, 1), Fraction(5, 1))
    >>> rules.min_satisfaction.provenance.certainty
    'high'
    """

    id: str
    title_vi: str
    title_en: str
    legal_basis: str
    set_id: str
    scope: tuple[LocalityKind, ...] = attrs.field(converter=_tuple)
    valid_from: datetime.date
    first_recognition_years: Fixed
    re_recognition_years: Fixed
    min_satisfaction: Fixed
    provenance: Provenance = attrs.field(factory=Provenance)
    note: str | None = None

    def earliest_recognition(
        self, registered_on: datetime.date | str, *, first: bool = True
    ) -> datetime.date:
        """The first day a ward registered on ``registered_on`` may be recognised.

        The registration period (two years before a first recognition, five
        before a re-recognition) is complete on its anniversary, which is
        the date returned; ``dateutil.relativedelta`` moves 29 February to
        28 February.

        >>> civilized_rules().earliest_recognition("15/3/2022")
        datetime.date(2024, 3, 15)
        >>> civilized_rules().earliest_recognition("15/3/2022", first=False)
        datetime.date(2027, 3, 15)
        """
        years = self.first_recognition_years if first else self.re_recognition_years
        return as_date(registered_on) + relativedelta(years=int(years.amount))

    def criterion_set(self) -> CriterionSet:
        """The built-in criterion set of the nine criteria.

        >>> civilized_rules().criterion_set().total
        9
        """
        return catalog.get(self.set_id)


_CIVILIZED_KEYS = (
    "format",
    "id",
    "title_vi",
    "title_en",
    "legal_basis",
    "set_id",
    "scope",
    "valid_from",
    "first_recognition_years",
    "re_recognition_years",
    "min_satisfaction",
    "note",
    *_PROVENANCE,
)


def loads_civilized_rules(text: str, *, file: str | None = None) -> CivilizedRules:
    """Read the civilized-ward recognition rules from TOML text (all problems at once).

    >>> loads_civilized_rules('id = "x"\\nfirst_recognition_years = "two"', file="c.toml")
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.DataErrors: c.toml: 9 problems:
    ...
      - first_recognition_years: 'two' is not a number (expected a number such as 80 or 45.5)
    ...
    """
    data = parse_toml(text, file)
    reader = _Reader()
    reader.format(data)
    reader.keys(data, _CIVILIZED_KEYS, "")
    texts = {
        k: reader.text(data, k, "") for k in ("id", "title_vi", "title_en", "legal_basis", "set_id")
    }
    kinds: list[LocalityKind] = []
    for name in reader.strings(data, "scope", ""):
        try:
            kinds.append(LocalityKind.parse(name))
        except NtmError as err:
            reader.problems.add("scope", str(err))
    start = reader.date(data, "valid_from", "")
    base = reader.provenance(data, "", Provenance())
    numbers: dict[str, Fixed] = {}
    for key in ("first_recognition_years", "re_recognition_years", "min_satisfaction"):
        spec = reader.value(data, key, "")
        if spec is not None and not isinstance(spec, Fixed):
            reader.problems.add(key, "not a number", expected="a fixed number")
        elif isinstance(spec, Fixed):
            if spec.amount <= 0 or (key != "min_satisfaction" and spec.amount.denominator != 1):
                reader.problems.add(
                    key, f"{_fmt(spec.amount, 'en')} is not a positive whole number"
                )
            numbers[key] = Fixed(spec.amount, spec.provenance or base)
    note = reader.text(data, "note", "", required=False)
    reader.problems.raise_if_any(file)
    assert start is not None
    return CivilizedRules(
        str(texts["id"]),
        str(texts["title_vi"]),
        str(texts["title_en"]),
        str(texts["legal_basis"]),
        str(texts["set_id"]),
        kinds,
        start,
        numbers["first_recognition_years"],
        numbers["re_recognition_years"],
        numbers["min_satisfaction"],
        base,
        note,
    )


@functools.cache
def civilized_rules() -> CivilizedRules:
    """The shipped recognition rules of Decision 04/2022/QĐ-TTg (``data/urban_civilized.toml``).

    >>> civilized_rules().set_id
    'vn-civilized-urban-ward-2022'
    """
    return loads_civilized_rules(
        _package_text("urban_civilized.toml"), file="data/urban_civilized.toml"
    )


@attrs.frozen(slots=True)
class Condition:
    """One condition of a recognition: its status and a line that explains it.

    >>> c = Condition("satisfaction", Status.MET, None, "92% ≥ 90%", "92% ≥ 90%", Provenance())
    >>> c.summary("en")
    "residents' satisfaction: met — 92% ≥ 90%"
    """

    key: str
    status: Status
    reason: UnknownReason | None
    detail_vi: str
    detail_en: str
    provenance: Provenance

    def label(self, lang: str = "vi") -> str:
        """The condition's name in ``lang``.

        >>> Condition("registration", Status.MET, None, "", "", Provenance()).label("vi")
        'thời gian đăng ký'
        """
        vi, en = _CONDITION_LABELS.get(self.key, (self.key, self.key))
        return vi if check_lang(lang) == "vi" else en

    def summary(self, lang: str = "vi") -> str:
        """``mức độ hài lòng của người dân: đạt — 92% ≥ 90%``.

        >>> Condition("satisfaction", Status.MET, None, "92% ≥ 90%", "", Provenance()).summary()
        'mức độ hài lòng của người dân: đạt — 92% ≥ 90%'
        """
        detail = self.detail_vi if check_lang(lang) == "vi" else self.detail_en
        return f"{self.label(lang)}: {self.status.label(lang)}" + (f" — {detail}" if detail else "")


_CONDITION_LABELS = MappingProxyType(
    {
        "criteria": ("đạt đủ các tiêu chí", "all criteria met"),
        "registration": ("thời gian đăng ký", "registration period"),
        "satisfaction": ("mức độ hài lòng của người dân", "residents' satisfaction"),
    }
)


@attrs.frozen(slots=True)
class RecognitionCheck:
    """Whether a ward or township may be recognised (or re-recognised) as civilized.

    ``status`` combines the :attr:`conditions` — all criteria met, the
    registration period elapsed, enough residents satisfied — in the core's
    three-valued "all of".

    >>> from ntm_criteria import assess
    >>> ward = Locality("1", "Phường A", "ward")
    >>> result = assess(ward, civilized_rules().criterion_set(), [], on="1/6/2024")
    >>> check = check_recognition(result, registered_on="1/3/2023", satisfaction=95)
    >>> check.status.label("en"), check.condition("registration").status.label("en")
    ('not met', 'not met')
    """

    locality: Locality
    on: datetime.date
    first: bool
    status: Status
    reason: UnknownReason | None
    conditions: tuple[Condition, ...] = attrs.field(converter=_tuple)
    legal_basis: str = ""

    def condition(self, key: str) -> Condition:
        """The condition ``criteria``, ``registration`` or ``satisfaction``.

        >>> from ntm_criteria import assess
        >>> result = assess(Locality("1", "Phường A", "ward"), civilized_rules().criterion_set(),
        ...                 [], on="1/6/2024")
        >>> check_recognition(result, registered_on="1/3/2022").condition("satisfaction").reason
        <UnknownReason.NO_DATA: 'no_data'>
        """
        for condition in self.conditions:
            if condition.key == key:
                return condition
        raise UnknownCodeError("condition", key, known=[c.key for c in self.conditions])

    def explain(self, lang: str = "vi") -> str:
        """The check as a short minute, one line per condition.

        >>> from ntm_criteria import assess
        >>> result = assess(Locality("1", "Phường A", "ward"), civilized_rules().criterion_set(),
        ...                 [], on="1/6/2024")
        >>> print(check_recognition(result, registered_on="1/3/2022", satisfaction=88).explain())
        Phường A — công nhận lần đầu đạt chuẩn đô thị văn minh (01/06/2024): chưa đạt
        - đạt đủ các tiêu chí: chưa xác định — đạt 0/9 tiêu chí, 9 chưa xác định (vn-civilized-urban-ward-2022)
        - thời gian đăng ký: đạt — đăng ký 01/03/2022, đủ 2 năm từ 01/03/2024
        - mức độ hài lòng của người dân: chưa đạt — 88% < 90%
        Căn cứ: Quyết định 04/2022/QĐ-TTg (18/02/2022)
        """
        vi = check_lang(lang) == "vi"
        name = self.locality.label(lang)
        name = name[:1].upper() + name[1:]
        if vi:
            what = "công nhận lần đầu" if self.first else "công nhận lại"
            head = f"{name} — {what} đạt chuẩn đô thị văn minh ({format_date(self.on, lang)})"
        else:
            what = "first recognition" if self.first else "re-recognition"
            head = f"{name} — {what} as a civilized urban area ({format_date(self.on, lang)})"
        lines = [f"{head}: {self.status.label(lang)}"]
        lines += [f"- {c.summary(lang)}" for c in self.conditions]
        if self.legal_basis:
            lines.append(("Căn cứ: " if vi else "Basis: ") + self.legal_basis)
        return "\n".join(lines)


def check_recognition(
    assessment: AssessmentResult,
    *,
    registered_on: datetime.date | str,
    satisfaction: ObservedValue | None = None,
    first: bool = True,
    rules: CivilizedRules | None = None,
) -> RecognitionCheck:
    """May the assessed ward be recognised on the assessment's date?

    Three conditions of Decision 04/2022/QĐ-TTg, each with its status: the
    assessment meets every criterion; the registration period has elapsed
    since ``registered_on`` (two years for a first recognition, five for a
    re-recognition); and ``satisfaction`` (a percentage of residents, as a
    quantity or a bare number in percent) reaches 90%.  A missing
    satisfaction figure is *unknown*, never failed.  Raises
    :class:`~ntm_criteria.errors.ScopeError` for a locality that is not a
    ward or township.

    >>> from ntm_criteria import Locality, assess
    >>> ward = Locality("00001", "Phường Minh Họa", "ward")
    >>> result = assess(ward, civilized_rules().criterion_set(), [], on="30/6/2024")
    >>> check = check_recognition(result, registered_on="1/3/2022", satisfaction=92.5)
    >>> [(c.key, c.status.value) for c in check.conditions]
    [('criteria', 'unknown'), ('registration', 'met'), ('satisfaction', 'met')]
    >>> check.status.label("en")
    'unknown'
    """
    rules = rules or civilized_rules()
    locality = assessment.locality
    if locality.kind not in rules.scope:
        kinds = ", ".join(k.value for k in rules.scope)
        raise ScopeError(
            f"{rules.id} recognises {kinds}; {locality.code} ({locality.name_vi}) is a "
            f"{locality.kind.value}"
        )
    on = assessment.on
    conditions = (
        _criteria_condition(assessment, rules),
        _registration_condition(as_date(registered_on), on, first, rules),
        _satisfaction_condition(satisfaction, rules),
    )
    status = combine_all(c.status for c in conditions)
    return RecognitionCheck(
        locality,
        on,
        first,
        status,
        _reason(status, [c.reason for c in conditions]),
        conditions,
        rules.legal_basis,
    )


def _criteria_condition(assessment: AssessmentResult, rules: CivilizedRules) -> Condition:
    counts = f"{assessment.met_count}/{assessment.total}"
    detail_vi = f"đạt {counts} tiêu chí"
    detail_en = f"{counts} criteria met"
    if assessment.unknown_count:
        detail_vi += f", {assessment.unknown_count} chưa xác định"
        detail_en += f", {assessment.unknown_count} undecided"
    if assessment.untrusted():
        detail_vi += " (có ngưỡng minh họa hoặc chưa kiểm chứng)"
        detail_en += " (some thresholds illustrative or unverified)"
    return Condition(
        "criteria",
        assessment.status,
        assessment.reason,
        f"{detail_vi} ({assessment.set_id})",
        f"{detail_en} ({assessment.set_id})",
        rules.provenance,
    )


def _registration_condition(
    registered_on: datetime.date, on: datetime.date, first: bool, rules: CivilizedRules
) -> Condition:
    years = rules.first_recognition_years if first else rules.re_recognition_years
    ready = rules.earliest_recognition(registered_on, first=first)
    count = int(years.amount)
    reg_vi, reg_en = format_date(registered_on, "vi"), format_date(registered_on, "en")
    ready_vi, ready_en = format_date(ready, "vi"), format_date(ready, "en")
    if on >= ready:
        status = Status.MET
        detail_vi = f"đăng ký {reg_vi}, đủ {count} năm từ {ready_vi}"
        detail_en = f"registered {reg_en}; {count} years complete on {ready_en}"
    else:
        status = Status.NOT_MET
        detail_vi = f"đăng ký {reg_vi}, chưa đủ {count} năm (đủ vào {ready_vi})"
        detail_en = f"registered {reg_en}; {count} years not complete until {ready_en}"
    return Condition(
        "registration", status, None, detail_vi, detail_en, years.provenance or rules.provenance
    )


def _satisfaction_condition(value: ObservedValue | None, rules: CivilizedRules) -> Condition:
    line = rules.min_satisfaction
    provenance = line.provenance or rules.provenance
    threshold = format_quantity(line.amount, "percent", "vi")
    threshold_en = format_quantity(line.amount, "percent", "en")
    if value is None:
        return Condition(
            "satisfaction",
            Status.UNKNOWN,
            UnknownReason.NO_DATA,
            f"cần số liệu (yêu cầu ≥ {threshold})",
            f"needs data (at least {threshold_en} required)",
            provenance,
        )
    if isinstance(value, bool | str):
        raise ObservationError("satisfaction", f"got {value!r}", expected="a share in percent")
    actual = to_exact(value, "percent", indicator="satisfaction")
    verdict = evaluate(AtLeast(line), actual)
    sign = "≥" if verdict.status is Status.MET else "<"
    return Condition(
        "satisfaction",
        verdict.status,
        verdict.reason,
        f"{format_quantity(actual, 'percent', 'vi')} {sign} {threshold}",
        f"{format_quantity(actual, 'percent', 'en')} {sign} {threshold_en}",
        provenance,
    )


# =========================================================================== roadmap


class RoadmapStatus(enum.Enum):
    """Where a roadmap item stands: planned, achieved or dropped.

    >>> RoadmapStatus("achieved").label("vi")
    'đã đạt'
    """

    PLANNED = "planned"
    ACHIEVED = "achieved"
    DROPPED = "dropped"

    def label(self, lang: str = "vi") -> str:
        """The status in words.

        >>> RoadmapStatus.DROPPED.label("en")
        'dropped'
        """
        words = {
            RoadmapStatus.PLANNED: ("kế hoạch", "planned"),
            RoadmapStatus.ACHIEVED: ("đã đạt", "achieved"),
            RoadmapStatus.DROPPED: ("không thực hiện", "dropped"),
        }[self]
        return words[0 if check_lang(lang) == "vi" else 1]


@attrs.frozen(slots=True)
class RoadmapItem:
    """One target on a locality's roadmap (lộ trình), such as a ward's registered year.

    ``locality_code`` names the locality, ``title_vi``/``title_en`` what is to
    be achieved, ``target`` by when, ``status`` where it stands and
    ``programme`` the criterion set or programme it belongs to.  Progress
    reports list the items planned for a period and those overdue.

    >>> item = RoadmapItem.registration("00001", 2025, registered_on="1/3/2023")
    >>> item.target, item.title_vi
    (datetime.date(2025, 12, 31), 'Đạt chuẩn đô thị văn minh năm 2025')
    >>> item.is_overdue(datetime.date(2026, 1, 1)), item.is_due_in(2025)
    (True, True)
    """

    locality_code: str
    title_vi: str
    title_en: str
    target: datetime.date = attrs.field(converter=as_date)
    status: RoadmapStatus = attrs.field(default=RoadmapStatus.PLANNED, converter=RoadmapStatus)
    programme: str | None = None
    registered_on: datetime.date | None = attrs.field(default=None, converter=as_optional_date)
    achieved_on: datetime.date | None = attrs.field(default=None, converter=as_optional_date)

    @classmethod
    def registration(
        cls,
        locality_code: str,
        year: int,
        *,
        registered_on: datetime.date | str | None = None,
        programme: str | None = None,
    ) -> RoadmapItem:
        """A ward's registration to be recognised as a civilized urban area in ``year``.

        >>> RoadmapItem.registration("00002", 2024).programme
        'vn-civilized-urban-ward-2022'
        """
        return cls(
            locality_code,
            f"Đạt chuẩn đô thị văn minh năm {year}",
            f"Recognised as a civilized urban area in {year}",
            datetime.date(year, 12, 31),
            programme=programme or civilized_rules().set_id,
            registered_on=registered_on,
        )

    def is_overdue(self, on: datetime.date | str) -> bool:
        """True when the item is still planned after its target date.

        >>> RoadmapItem("1", "x", "x", "31/12/2024").is_overdue("31/12/2024")
        False
        """
        return self.status is RoadmapStatus.PLANNED and as_date(on) > self.target

    def is_due_in(self, year: int) -> bool:
        """True when the target falls in ``year``.

        >>> RoadmapItem("1", "x", "x", "30/6/2024").is_due_in(2024)
        True
        """
        return self.target.year == year

    def to_dict(self) -> dict[str, Any]:
        """Plain data (JSON-ready); :meth:`from_dict` reads it back.

        >>> RoadmapItem.from_dict(RoadmapItem("1", "x", "x", "30/6/2024").to_dict()).target
        datetime.date(2024, 6, 30)
        """
        return {
            "locality_code": self.locality_code,
            "title_vi": self.title_vi,
            "title_en": self.title_en,
            "target": self.target.isoformat(),
            "status": self.status.value,
            "programme": self.programme,
            "registered_on": self.registered_on.isoformat() if self.registered_on else None,
            "achieved_on": self.achieved_on.isoformat() if self.achieved_on else None,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> RoadmapItem:
        """Build an item from :meth:`to_dict` data; a bad field is a :class:`~ntm_criteria.errors.DataError`.

        >>> RoadmapItem.from_dict({"locality_code": "1"})
        Traceback (most recent call last):
        ...
        ntm_criteria.errors.DataError: roadmap item: missing title_vi, title_en, target ...
        """
        fields = [f.name for f in attrs.fields(cls)]
        unknown = [k for k in data if k not in fields]
        missing = [k for k in ("locality_code", "title_vi", "title_en", "target") if k not in data]
        if unknown or missing:
            problems = ([f"unknown {', '.join(map(repr, unknown))}"] if unknown else []) + (
                [f"missing {', '.join(missing)}"] if missing else []
            )
            raise DataError(
                "; ".join(problems), key_path="roadmap item", expected=", ".join(fields)
            )
        try:
            return cls(**{str(k): v for k, v in data.items()})
        except (TypeError, ValueError) as err:
            if isinstance(err, DataError):
                raise
            raise DataError(str(err), key_path="roadmap item") from None
