"""Observations: what a locality has achieved on an indicator, and the value that counts."""

from __future__ import annotations

import datetime
import decimal
import functools
from collections.abc import Iterable, Sequence
from fractions import Fraction
from numbers import Real
from typing import TYPE_CHECKING, TypeAlias

import attrs

from ntm_criteria import units
from ntm_criteria._validators import (
    MAX_MAGNITUDE_DIGITS,
    MAX_NUMBER_CHARACTERS,
    check_magnitude,
    nfc,
)
from ntm_criteria.criteria import CriterionSet, Indicator
from ntm_criteria.errors import DataError, ObservationError, UnknownCodeError
from ntm_criteria.periods import as_optional_date
from ntm_criteria.rules import Observed, OneOf
from ntm_criteria.units import is_quantity, to_exact

if TYPE_CHECKING:  # pint is imported only when a quantity is made
    from ntm_criteria.units import Quantity

__all__ = [
    "Observation",
    "ObservedValue",
    "latest_observations",
    "observed_value",
    "select_observations",
]

#: What an observation may hold: a pint quantity, a pass/fail, a grade, or a bare number.
ObservedValue: TypeAlias = "Quantity | bool | str | int | float | decimal.Decimal | Fraction"


@attrs.frozen(slots=True)
class Observation:
    """What a locality has achieved on one indicator, optionally dated and sourced.

    ``value`` is a pint quantity (``Q_(85, "percent")``), a bool for a
    pass/fail indicator (đạt / không đạt), a grade name, or a bare number
    where the indicator's unit makes it unambiguous (percentages and counts;
    money and rates per time need a quantity).

    >>> Observation("3.2", True, as_of="15/6/2022").as_of
    datetime.date(2022, 6, 15)
    """

    indicator_code: str
    value: ObservedValue
    as_of: datetime.date | None = attrs.field(default=None, converter=as_optional_date)
    source: str | None = None


def latest_observations(
    observations: Iterable[Observation],
    on: datetime.date,
    *,
    known: Sequence[str],
    kind: str = "indicator",
    where: str = "",
) -> dict[str, Observation]:
    """The observation in force on ``on`` for each code: the latest one dated on or before it.

    An observation without a date counts as of ``on``; one dated later is left
    out.  Codes are read in NFC.  A code not in ``known`` is an
    :class:`~ntm_criteria.errors.UnknownCodeError` of ``kind`` (all such codes
    at once, ``where`` naming the place, ``known`` listed in its order); two observations of one code on one
    date are an :class:`~ntm_criteria.errors.ObservationError`.

    >>> day = datetime.date(2023, 6, 30)
    >>> chosen = latest_observations(
    ...     [Observation("10.1", 40, as_of="31/12/2022"), Observation("10.1", 42, as_of="31/3/2023"),
    ...      Observation("10.1", 45, as_of="31/12/2023")], day, known={"10.1"})
    >>> chosen["10.1"].value
    42
    """
    members = frozenset(known)
    chosen: dict[str, Observation] = {}
    unknown: list[str] = []
    for observation in observations:
        if not isinstance(observation, Observation):
            raise ObservationError(
                "?",
                f"{observation!r} is not an Observation",
                expected="Observation(indicator_code, value)",
            )
        code = nfc(observation.indicator_code)  # a code typed decomposed is the same code
        if code not in members:
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
                    code,
                    f"two observations as of {when.isoformat()}",
                    expected="one per date",
                )
            if previous_when > when:
                continue
        chosen[code] = observation
    if unknown:
        raise UnknownCodeError(
            kind, ", ".join(dict.fromkeys(unknown)), known=list(known), where=where
        )
    return chosen


def select_observations(
    observations: Iterable[Observation], criterion_set: CriterionSet, on: datetime.date
) -> dict[str, Observation]:
    """The observations :func:`~ntm_criteria.assess` uses: the latest per indicator of the set.

    >>> from ntm_criteria import demo
    >>> chosen = select_observations([Observation("10.1", 42)], demo.example_set(),
    ...                              datetime.date(2023, 6, 30))
    >>> list(chosen)
    ['10.1']
    """
    codes = [i.code for i in criterion_set.indicators()]
    return latest_observations(
        observations,
        on,
        known=codes,
        where=f"observations for set {criterion_set.id}",
    )


def observed_value(indicator: Indicator, value: ObservedValue) -> Observed:
    """An observation's value in the indicator's unit, exact; the wrong kind or dimension raises.

    >>> from ntm_criteria.demo import example_set
    >>> from ntm_criteria.units import Q_
    >>> observed_value(example_set().indicator("3.1"), Q_(0.85, ""))
    Fraction(85, 1)
    """
    kind = indicator.value_kind
    code = indicator.code
    if isinstance(value, bool):
        if kind in ("bool", "any"):
            return value
        raise ObservationError(code, f"got {_shown(value)}", expected=_expected(indicator))
    if isinstance(value, str):
        if kind in ("grade", "any"):
            return value
        raise ObservationError(
            code,
            f"got the text {_shown(value)}",
            expected=_expected(indicator)
            + "; parse text with units.parse_number or units.parse_quantity",
        )
    if kind in ("bool", "grade"):
        raise ObservationError(code, f"got {_shown(value)}", expected=_expected(indicator))
    if is_quantity(value):
        return _in_limits(to_exact(value, indicator.unit or "dimensionless", indicator=code), code)
    if isinstance(value, Real | decimal.Decimal):
        unit = indicator.unit or "dimensionless"
        if _needs_quantity(unit):
            raise ObservationError(
                code,
                f"a bare number {_shown(value)} is ambiguous for a value in {unit}",
                expected=f"a quantity such as Q_({_shown(value)}, {unit!r})",
            )
        return _in_limits(to_exact(value, unit, indicator=code), code)
    raise ObservationError(
        code, f"got {type(value).__name__} {_shown(value)}", expected=_expected(indicator)
    )


def _shown(value: object) -> str:
    """``repr(value)``; an int past Python's digit limit by its size."""
    try:
        text = repr(value)
    except ValueError:
        bits = getattr(value, "bit_length", None)
        return f"a number of {int(bits() * 0.30103) + 1} digits" if bits else type(value).__name__
    return text


# About MAX_NUMBER_CHARACTERS decimal digits, in bits, for numerator and denominator together.
_MOST_BITS = int(MAX_NUMBER_CHARACTERS * 3.33)


def _in_limits(number: Fraction, code: str) -> Fraction:
    """``number`` if it is within the documented limits of a number, else an ObservationError.

    Results are written as plain data and read back under the same limits, so an
    observation over them (``Q_(1e300, "percent")``) is refused here, naming the indicator.
    """
    digits = abs(number.numerator).bit_length() + number.denominator.bit_length()
    try:
        if digits > _MOST_BITS:
            raise DataError("number has too many digits", expected=_RANGE)
        check_magnitude(number)
    except (DataError, OverflowError):
        raise ObservationError(code, "the value is out of range", expected=_RANGE) from None
    return number


_RANGE = (
    f"a number below 10**{MAX_MAGNITUDE_DIGITS} in absolute value, "
    f"of at most {MAX_NUMBER_CHARACTERS} digits"
)


@functools.lru_cache(maxsize=256)
def _needs_quantity(unit: str) -> bool:
    dimensions = units.ureg.parse_units(unit).dimensionality
    return any(name in dimensions for name in ("[currency]", "[time]"))


def _expected(indicator: Indicator) -> str:
    kind = indicator.value_kind
    if kind == "bool":
        return "True or False (đạt / không đạt)"
    if kind == "grade":
        requirement = indicator.requirement
        grades = requirement.grades if isinstance(requirement, OneOf) else ()
        return "a grade" + (f" ({', '.join(grades)})" if grades else "")
    return f"a quantity in {indicator.unit or 'dimensionless'}"
