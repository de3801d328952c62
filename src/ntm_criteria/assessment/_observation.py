"""Observations: what a locality has achieved on an indicator, and the value that counts."""

from __future__ import annotations

import datetime
import decimal
import functools
import math
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
from ntm_criteria._warnings import warn_caller
from ntm_criteria.criteria import CriterionSet, Indicator, is_percent
from ntm_criteria.errors import (
    DataError,
    NtmError,
    ObservationError,
    UnitError,
    UnknownCodeError,
)
from ntm_criteria.geography import Locality
from ntm_criteria.periods import as_optional_date
from ntm_criteria.rules import Observed, OneOf, fixed_amounts, number_to_data, thresholds, walk
from ntm_criteria.text import format_number
from ntm_criteria.units import is_quantity, to_exact

if TYPE_CHECKING:  # pint is imported only when a quantity is made
    from ntm_criteria.units import Quantity

__all__ = [
    "Observation",
    "ObservedValue",
    "SuspiciousValueWarning",
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
    money and rates per time need a quantity).  ``origin`` says where the
    observation was read (``"observations.csv:5"``), for the messages about
    it; it takes no part in comparisons.

    >>> Observation("3.2", True, as_of="15/6/2022").as_of
    datetime.date(2022, 6, 15)
    """

    indicator_code: str
    value: ObservedValue
    as_of: datetime.date | None = attrs.field(default=None, converter=as_optional_date)
    source: str | None = None
    origin: str | None = attrs.field(default=None, eq=False, repr=False)


class SuspiciousValueWarning(UserWarning):
    """A value read as given that is probably a typing mistake: ``0,8`` for a share of 80 %.

    >>> issubclass(SuspiciousValueWarning, UserWarning)
    True
    """


def latest_observations(
    observations: Iterable[Observation],
    on: datetime.date,
    *,
    known: Sequence[str],
    kind: str = "indicator",
    where: str = "",
    locality: Locality | None = None,
) -> dict[str, Observation]:
    """The observation in force on ``on`` for each code: the latest one dated on or before it.

    An observation without a date counts as of ``on``; one dated later is left
    out.  Codes are read in NFC.  A code not in ``known`` is an
    :class:`~ntm_criteria.errors.UnknownCodeError` of ``kind`` (all such codes
    at once, ``where`` naming the place, ``known`` listed in its order); two
    observations of one code on one date are an
    :class:`~ntm_criteria.errors.ObservationError`.  Errors name ``locality``
    when it is given.

    >>> day = datetime.date(2023, 6, 30)
    >>> chosen = latest_observations(
    ...     [Observation("10.1", 40, as_of="31/12/2022"), Observation("10.1", 42, as_of="31/3/2023"),
    ...      Observation("10.1", 45, as_of="31/12/2023")], day, known={"10.1"})
    >>> chosen["10.1"].value
    42
    """
    try:
        return _latest(observations, on, frozenset(known), known, kind, where)
    except (ObservationError, UnknownCodeError) as err:
        _locate(err, locality, None)
        raise


def _latest(
    observations: Iterable[Observation],
    on: datetime.date,
    members: frozenset[str],
    known: Sequence[str],
    kind: str,
    where: str,
) -> dict[str, Observation]:
    """:func:`latest_observations` with the known codes already a set."""
    chosen: dict[str, Observation] = {}
    unknown: list[str] = []
    for observation in observations:
        if observation.__class__ is Observation and observation.as_of is None:
            # The usual row: undated, a known ASCII code (so already NFC), the first of its code.
            code = observation.indicator_code
            if code in members and code not in chosen and code.isascii():
                chosen[code] = observation
                continue
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
                rows = [o.origin for o in (previous, observation) if o.origin]
                raise ObservationError(
                    code,
                    f"two observations as of {when.isoformat()}"
                    + (f" ({', '.join(rows)})" if rows else ""),
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
    observations: Iterable[Observation],
    criterion_set: CriterionSet,
    on: datetime.date,
    *,
    locality: Locality | None = None,
) -> dict[str, Observation]:
    """The observations :func:`~ntm_criteria.assess` uses: the latest per indicator of the set.

    Errors name ``locality`` when it is given.

    >>> from ntm_criteria import demo
    >>> chosen = select_observations([Observation("10.1", 42)], demo.example_set(),
    ...                              datetime.date(2023, 6, 30))
    >>> list(chosen)
    ['10.1']
    """
    codes = _codes_of(criterion_set)
    try:
        return _latest(
            observations,
            on,
            codes[1],
            codes[0],
            "indicator",
            f"observations for set {criterion_set.id}",
        )
    except (ObservationError, UnknownCodeError) as err:
        _locate(err, locality, None)
        raise


# A set's indicator codes, in order and as a set, by the set's id (the set kept, as for _READERS).
_CODES: dict[int, tuple[CriterionSet, tuple[str, ...], frozenset[str]]] = {}


def _codes_of(criterion_set: CriterionSet) -> tuple[tuple[str, ...], frozenset[str]]:
    entry = _CODES.get(id(criterion_set))
    if entry is None or entry[0] is not criterion_set:
        if len(_CODES) >= 1024:
            _CODES.clear()
        codes = tuple(i.code for i in criterion_set.indicators())
        entry = _CODES[id(criterion_set)] = (criterion_set, codes, frozenset(codes))
    return entry[1], entry[2]


def observed_value(
    indicator: Indicator,
    value: ObservedValue,
    *,
    locality: Locality | None = None,
    origin: str | None = None,
) -> Observed:
    """An observation's value in the indicator's unit, exact; the wrong kind or dimension raises.

    A number outside the indicator's :attr:`~ntm_criteria.criteria.Indicator.value_domain`
    is an :class:`~ntm_criteria.errors.ObservationError` naming the indicator,
    and the ``locality`` and ``origin`` (the file and line) when given.  A
    bare number from 0 to 1 for a percent indicator whose thresholds are all
    above 1 is read as given, with a :class:`SuspiciousValueWarning`.

    >>> from ntm_criteria.demo import example_set
    >>> from ntm_criteria.units import Q_
    >>> observed_value(example_set().indicator("3.1"), Q_(0.85, ""))
    Fraction(85, 1)
    >>> observed_value(example_set().indicator("3.1"), 120, origin="obs.csv:5")
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.ObservationError: obs.csv:5: observation for indicator 3.1: 120 percent \
is outside the values the indicator can take (expected a value from 0 to 100 percent...)
    """
    try:
        number = _observed(indicator, value)
    except (ObservationError, UnitError) as err:
        _locate(err, locality, origin)
        raise
    if isinstance(number, Fraction) and _looks_like_a_fraction(indicator, value, number):
        _warn_fraction(indicator, number, locality, origin)
    return number


def _looks_like_a_fraction(indicator: Indicator, value: ObservedValue, number: Fraction) -> bool:
    """A bare 0 < x ≤ 1 for a percent whose thresholds all exceed 1: 0,8 typed for 80 %?"""
    bare = isinstance(value, Real | decimal.Decimal) and not isinstance(value, bool)
    return bare and 0 < number <= 1 and is_percent(indicator.unit) and _all_above_one(indicator)


def _observed(indicator: Indicator, value: ObservedValue) -> Observed:
    """:func:`observed_value` without the place in its errors or its warning."""
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
        number = _in_limits(
            to_exact(value, indicator.unit or "dimensionless", indicator=code), code
        )
        return _in_domain(indicator, number)
    if isinstance(value, Real | decimal.Decimal):
        unit = indicator.unit or "dimensionless"
        if _needs_quantity(unit):
            raise ObservationError(
                code,
                f"a bare number {_shown(value)} is ambiguous for a value in {unit}",
                expected=f"a quantity such as Q_({_shown(value)}, {unit!r})",
            )
        return _in_domain(indicator, _in_limits(to_exact(value, unit, indicator=code), code))
    raise ObservationError(
        code, f"got {type(value).__name__} {_shown(value)}", expected=_expected(indicator)
    )


def _in_domain(indicator: Indicator, number: Fraction) -> Fraction:
    """``number`` if the indicator can take it (120 % of a whole cannot), else an error."""
    domain = indicator.value_domain
    if domain.contains(number):
        return number
    unit = indicator.unit or ""
    raise ObservationError(
        indicator.code,
        f"{number_to_data(number)} {unit} is outside the values the indicator can take",
        expected=f"a value {domain.describe()} {unit}; a set file may declare another "
        "domain = {min = …, max = …}",
    )


def _all_above_one(indicator: Indicator) -> bool:
    """True when every known threshold of the indicator is above 1 (so 0,8 is out of scale)."""
    amounts = [
        amount
        for node in walk(indicator.requirement)
        for spec in thresholds(node)
        for amount in fixed_amounts(spec)
    ]
    return bool(amounts) and min(amounts) > 1


def _warn_fraction(
    indicator: Indicator, number: Fraction, locality: Locality | None, origin: str | None
) -> None:
    # Written the Vietnamese way, as a spreadsheet cell shows it ("0,8 — 80 %?").
    shown, hundredfold = (format_number(n, "vi", decimals=6) for n in (number, number * 100))
    warn_caller(
        f"{_place(locality, origin)}indicator {indicator.code}: {shown} — {hundredfold} %? "
        f"read as {shown} %; write {hundredfold} for {hundredfold} %",
        SuspiciousValueWarning,
    )


def _locate(err: NtmError, locality: Locality | None, origin: str | None) -> None:
    """Put where the observation comes from before ``err``'s message; its type and fields stay."""
    if locality is not None or origin:
        err.args = (f"{_place(locality, origin)}{err}",)


def _place(locality: Locality | None, origin: str | None) -> str:
    """``"03664 (Xã Chiềng Xôm), obs.csv:5: "``: where an observation comes from, if known."""
    parts = [f"{locality.code} ({locality.name_vi})"] if locality is not None else []
    if origin:
        parts.append(origin)
    return "".join(f"{part}, " for part in parts[:-1]) + (f"{parts[-1]}: " if parts else "")


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


# -- the fast path of an assessment ----------------------------------------------------------
#
# observed_value checks every value afresh: the indicator's kind (a walk over its
# requirement), its unit (pint), its domain, whether a share may have been typed
# as a fraction.  None of that changes from one locality to the next, so
# quick_value reads it once per indicator (a _Reader) and converts the common
# values — a bare int or float, a quantity with an int or float magnitude — once
# per value and indicator (the reader keeps the values it accepted).  It answers only when the value is accepted without a warning;
# otherwise it returns None and the caller goes through observed_value, which
# raises or warns exactly as before.


@attrs.frozen(slots=True)
class _Reader:
    """What :func:`observed_value` learns of an indicator before it reads a value."""

    numeric: bool  # a number is accepted at all (value kind number or any)
    bare: bool  # a bare number is accepted (the unit needs no quantity)
    unit: str
    low: tuple[int, int] | None  # the domain's bounds as (numerator, denominator)
    high: tuple[int, int] | None
    may_warn: bool  # a bare 0 < x <= 1 gets the SuspiciousValueWarning
    # Values quick_value has accepted, by (type, value) or (unit container, type, magnitude):
    # the type is in the key for 2**60 == 2.0**60, but the float reads as the decimal it prints.
    accepted: dict[tuple[object, ...], Fraction] = attrs.field(factory=dict, eq=False)


def _new_reader(indicator: Indicator) -> _Reader:
    unit = indicator.unit or "dimensionless"
    numeric = indicator.value_kind in ("number", "any")
    try:  # a unit that does not parse: the full path says so, every time
        units.to_exact(0, unit)
        bare = numeric and not _needs_quantity(unit)
    except Exception:
        return _Reader(False, False, unit, None, None, False)
    domain = indicator.value_domain
    low, high = (
        None if b is None else (b.numerator, b.denominator) for b in (domain.low, domain.high)
    )
    warn = is_percent(indicator.unit) and _all_above_one(indicator)
    return _Reader(numeric, bare, unit, low, high, warn)


# Readers by the indicator's id, with the indicator kept so that the id stays its own.
_READERS: dict[int, tuple[Indicator, _Reader]] = {}
# How many accepted values a reader keeps before it starts afresh.
_MOST_VALUES = 65_536


def _reader_of(indicator: Indicator) -> _Reader:
    entry = _READERS.get(id(indicator))
    if entry is None or entry[0] is not indicator:
        if len(_READERS) >= 4096:
            _READERS.clear()
        entry = _READERS[id(indicator)] = (indicator, _new_reader(indicator))
    return entry[1]


def quick_value(indicator: Indicator, value: object) -> Fraction | None:
    """The value :func:`observed_value` gives, when it gives it without an error or warning; else None."""
    reader = _reader_of(indicator)
    cls = value.__class__
    if cls is float or cls is int:
        key: tuple[object, ...] = (cls, value)
        number = reader.accepted.get(key)
        if number is not None:  # the usual value: read before for this indicator
            return number
        if not reader.numeric or not reader.bare:
            return None
        number = _bare_number(value)  # type: ignore[arg-type]
        if number is None:
            return None
        if reader.may_warn and 0 < number.numerator <= number.denominator:  # 0 < x ≤ 1
            return None
    elif is_quantity(value):
        magnitude = value.magnitude
        if magnitude.__class__ is not float and magnitude.__class__ is not int:
            return None
        key = (value._units, magnitude.__class__, magnitude)
        number = reader.accepted.get(key)
        if number is not None:
            return number
        if not reader.numeric:
            return None
        number = _scaled_number(value, reader.unit)
        if number is None:
            return None
    else:
        return None
    if not _within(number, reader):
        return None
    if len(reader.accepted) >= _MOST_VALUES:
        reader.accepted.clear()
    reader.accepted[key] = number
    return number


def _bare_number(value: int | float) -> Fraction | None:
    """``value`` as :func:`~ntm_criteria.units.to_exact` reads it, if within the limits of a number."""
    if value.__class__ is float and not math.isfinite(value):
        return None
    number = Fraction(value) if value.__class__ is int else Fraction(repr(value))
    return number if _in_number_limits(number) else None


def _scaled_number(value: Quantity, unit: str) -> Fraction | None:
    """A quantity in ``unit`` as :func:`~ntm_criteria.units.to_exact` gives it, if within the limits."""
    try:
        number = to_exact(value, unit)
    except NtmError:
        return None
    return number if _in_number_limits(number) else None


def _in_number_limits(number: Fraction) -> bool:
    try:
        _in_limits(number, "")
    except ObservationError:
        return False
    return True


def _within(number: Fraction, reader: _Reader) -> bool:
    """``number`` lies in the reader's domain: compared on the integers (n/d ≥ p/q ⇔ n·q ≥ p·d)."""
    n, d = number.numerator, number.denominator
    low, high = reader.low, reader.high
    if low is not None and n * low[1] < low[0] * d:
        return False
    return high is None or n * high[1] <= high[0] * d
