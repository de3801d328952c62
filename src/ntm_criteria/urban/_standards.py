"""Standards (tiêu chuẩn): measured values scored between two levels, and their tables."""

from __future__ import annotations

import datetime
import enum
from collections.abc import Mapping, Sequence
from fractions import Fraction
from types import MappingProxyType
from typing import Any, NamedTuple

import attrs

from ntm_criteria._validators import as_tuple, exact, index_path, key_path, nfc, shown
from ntm_criteria.assessment import ObservedValue
from ntm_criteria.errors import DataError, ObservationError, UnknownCodeError
from ntm_criteria.rules import Context, Fixed, Problems, Provenance, ValueSpec, resolve
from ntm_criteria.text import format_number, message, pick
from ntm_criteria.units import to_exact
from ntm_criteria.urban._rules import Regime

__all__ = [
    "UNITLESS",
    "Direction",
    "Entry",
    "Standard",
    "StandardsTable",
    "check_fit",
    "entries",
    "interpolate",
    "observed_number",
    "shape_problems",
]

UNITLESS = "dimensionless"


class Direction(enum.Enum):
    """Which way a standard improves: ``higher`` values (population) or ``lower`` (poor households).

    >>> Direction("lower").label("vi")
    'càng thấp càng tốt'
    >>> Direction("up")
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.DataError: direction: unknown direction 'up' (expected higher or lower)
    """

    HIGHER = "higher"
    LOWER = "lower"

    @classmethod
    def _missing_(cls, value: object) -> Direction:
        # Direction("up") is a DataError naming the field, not a bare ValueError.
        if isinstance(value, str) and nfc(value.strip()) != value:
            return cls(nfc(value.strip()))
        raise DataError(
            f"unknown direction {shown(value)}",
            key_path="direction",
            expected=" or ".join(d.value for d in cls),
        )

    def label(self, lang: str = "vi") -> str:
        """The direction in words.

        >>> Direction.HIGHER.label("en")
        'higher is better'
        """
        return message(f"urban.direction.{self.value}", lang)


def _points_range(
    instance: Standard, attribute: attrs.Attribute[Fraction], value: Fraction
) -> None:
    if value < 0:
        raise DataError(
            f"{attribute.name} {format_number(value, 'en')} is negative",
            key_path=attribute.name,
            expected="points ≥ 0",
        )


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
    min_points: Fraction = attrs.field(converter=exact, validator=_points_range)
    max_points: Fraction = attrs.field(converter=exact, validator=_points_range)
    unit: str = UNITLESS
    direction: Direction = attrs.field(default=Direction.HIGHER, converter=Direction)
    provenance: Provenance = attrs.field(factory=Provenance)
    note: str | None = None

    def __attrs_post_init__(self) -> None:
        for text, expected in shape_problems(
            self.code,
            self.direction,
            self.min_level,
            self.max_level,
            self.min_points,
            self.max_points,
        ):
            raise DataError(text, expected=expected)

    def name(self, lang: str = "vi") -> str:
        """The standard's name in ``lang``.

        >>> from ntm_criteria.urban import example_standards
        >>> example_standards().standard("1.3").name("en")
        'Share of poor households'
        """
        return pick(self.name_vi, self.name_en, lang)

    def points_for(self, value: ObservedValue, context: Context | None = None) -> Fraction | None:
        """The points a value earns (exact); ``None`` when a level is unspecified.

        ``value`` is a quantity, or a bare number in the standard's unit.
        ``context`` resolves levels that vary by region, tag or date.

        >>> from ntm_criteria.urban import example_standards
        >>> poor = example_standards().standard("1.3")   # lower is better: 8,5% → 5%
        >>> poor.points_for(8.5), poor.points_for(6.75), poor.points_for(4)
        (Fraction(9, 2), Fraction(21, 4), Fraction(6, 1))
        """
        actual = to_exact(observed_number(value, self), self.unit, indicator=self.code)
        low, high = _levels(self, context)
        if not isinstance(low, Fixed):
            return None
        if not _reaches(self, actual, low.amount):
            return Fraction(0)
        if not isinstance(high, Fixed):
            return None
        return interpolate(self, actual, low.amount, high.amount)


def shape_problems(
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
                f"standard {code}: min_points {format_number(min_points, 'en')} is above "
                f"max_points {format_number(max_points, 'en')}",
                "min_points ≤ max_points",
            )
        )
    if isinstance(low, Fixed) and isinstance(high, Fixed):
        higher = direction is Direction.HIGHER
        if (low.amount > high.amount) if higher else (low.amount < high.amount):
            order = "≤" if higher else "≥"
            found.append(
                (
                    f"standard {code}: min_level {format_number(low.amount, 'en')} and max_level "
                    f"{format_number(high.amount, 'en')} are in the wrong order for direction "
                    f"{direction.value!r}",
                    f"min_level {order} max_level",
                )
            )
    return found


def observed_number(value: ObservedValue, standard: Standard) -> Any:
    """``value`` if it can be a number in the standard's unit; else an ObservationError."""
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


def interpolate(standard: Standard, actual: Fraction, low: Fraction, high: Fraction) -> Fraction:
    """The points of ``actual``, which reaches ``low``: on the line to ``high``, capped there."""
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

    >>> from ntm_criteria.urban import example_standards
    >>> t = example_standards()
    >>> (t.regime, t.urban_class, len(t.standards), t.provenance.confidence.value)
    ('26/2022/UBTVQH15', 'IV', 15, 'illustrative')
    """

    id: str
    title_vi: str
    title_en: str
    regime: str
    urban_class: str
    standards: tuple[Standard, ...] = attrs.field(converter=as_tuple)
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

        >>> from ntm_criteria.urban import example_standards
        >>> example_standards().standard("2.1").unit
        'person'
        """
        for standard in self.standards:
            if standard.code == code:
                return standard
        raise UnknownCodeError(
            "standard", code, known=[s.code for s in self.standards], where=f"table {self.id}"
        )


# --------------------------------------------------------------------- fitting a regime


class Entry(NamedTuple):
    """What the fit check needs of one standard, with the key path it came from."""

    path: str
    code: str
    criterion: int
    max_points: Fraction


def entries(standards: Sequence[Standard]) -> list[Entry]:
    """The fit check's view of a table's standards."""
    return [
        Entry(index_path("standards", i), s.code, s.criterion, s.max_points)
        for i, s in enumerate(standards)
    ]


def check_fit(
    regime: Regime,
    urban_class: str,
    found: Sequence[Entry],
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
    for entry in found:
        if entry.criterion not in numbers:
            problems.add(
                key_path(entry.path, "criterion"),
                f"standard {entry.code}: unknown criterion {entry.criterion}",
                expected=known,
            )
    for number in minimums:
        if number not in numbers:
            problems.add(
                "criteria", f"minimum points for unknown criterion {number}", expected=known
            )
    for number, criterion in numbers.items():
        total = sum((e.max_points for e in found if e.criterion == number), Fraction(0))
        if total > criterion.max_points:
            most = format_number(criterion.max_points, "en")
            problems.add(
                "standards",
                f"the standards of criterion {number} give up to {format_number(total, 'en')} "
                f"points, above its maximum of {most} under {regime.id}",
                expected=f"standards' max_points adding up to at most {most}",
            )
