"""Units and quantities: the library's unit registry, exact conversion, parsing.

Thresholds in the criteria are quantities such as *45 triệu đồng/người/năm*.
This module holds the one :class:`pint.UnitRegistry` of the library
(:data:`ureg`), built from pint's defaults plus the domain units defined as
data in ``units.txt`` (đồng, người, hộ, ...).  Rules compare values exactly:
:func:`to_exact` and :func:`exact_factor` turn quantities into
:class:`fractions.Fraction` so that ``0.8`` is exactly 80 percent and a monthly
income is exactly one twelfth of a yearly one.  The parsers read numbers and
quantities written the Vietnamese way (``1.500.000``, ``72,56``,
``45 triệu đồng/người/năm``) and raise only :class:`~ntm_criteria.errors.NtmError`
subclasses.

>>> q = parse_quantity("1.500.000 đồng/người/tháng")
>>> to_exact(q, "million_VND/person/year")
Fraction(18, 1)
>>> unit_label(q.units)
'đồng/người/tháng'
"""

from __future__ import annotations

import functools
import math
import numbers
import os
import re
import sys
import unicodedata
from decimal import Decimal
from fractions import Fraction
from importlib import resources
from typing import TYPE_CHECKING, Any, TypeAlias, TypeGuard, TypeVar

from ntm_criteria._messages import Lang, check_lang, message, message_keys
from ntm_criteria._validators import shown
from ntm_criteria.errors import ParseError, UnitError

if TYPE_CHECKING:
    import pint
    from pint.facets.plain import PlainUnit

__all__ = [
    "Q_",
    "Quantity",
    "exact_factor",
    "is_quantity",
    "parse_number",
    "parse_quantity",
    "parse_unit",
    "to_exact",
    "unit_label",
    "ureg",
]

# pint (which imports numpy) is imported, and the registry built, on first
# use: ``import ntm_criteria`` stays cheap for callers that never touch a unit.
if TYPE_CHECKING:
    Quantity: TypeAlias = pint.Quantity[Any]
"""Type of the quantities of :data:`ureg`, for annotations.

At run time it is :class:`pint.Quantity`, so ``isinstance`` works too (type
checkers prefer ``isinstance(x, pint.Quantity)``).

>>> def km(value: Quantity) -> float:
...     return float(value.to("km").magnitude)
>>> km(Q_(1500, "m"))
1.5
>>> isinstance(Q_(12, "km"), Quantity)
True
"""

ureg: pint.UnitRegistry[float]
"""The library's unit registry: pint's defaults plus ``units.txt``.

Magnitudes are ordinary floats (or ints).  Per-person and per-household
values have different dimensions and never convert into each other.  It is
built on first use, from pint's cache folder when that can be written (set
``NTM_CRITERIA_NO_UNIT_CACHE`` to build it without).

>>> ureg.Quantity(1_500_000, "VND/person/month").to("VND/person/year").magnitude
18000000.0
>>> ureg.Unit("hộ") == ureg.Unit("household")
True
"""


def __getattr__(name: str) -> Any:
    # The lazy public names (PEP 562); each is stored once read.
    if name == "ureg":
        value: Any = _ureg()
    elif name == "Quantity":
        import pint

        value = pint.Quantity
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value
    return value


_M = TypeVar("_M", float, Fraction)

#: Set to any value to build the registries without pint's cache folder.
_NO_CACHE_VARIABLE = "NTM_CRITERIA_NO_UNIT_CACHE"


def _with_definitions(registry: pint.UnitRegistry[_M]) -> pint.UnitRegistry[_M]:
    # Read through importlib.resources so that the file is found in a wheel,
    # an editable install or a zip alike.
    text = resources.files("ntm_criteria").joinpath("units.txt").read_text(encoding="utf-8")
    registry.load_definitions(text.splitlines())
    return registry


def _new_registry(non_int_type: type = float) -> pint.UnitRegistry[Any]:
    """A registry with the library's units, from pint's cache folder when possible.

    pint's cache (``cache_folder=":auto:"``, the user's cache directory) saves
    parsing its default definitions: about 0.02 s instead of 0.13 s.  A folder
    that cannot be created or written, or a damaged cache, costs only that
    time: the registry is then built without a cache.
    """
    import pint

    if not os.environ.get(_NO_CACHE_VARIABLE):
        try:
            registry: pint.UnitRegistry[Any] = pint.UnitRegistry(
                cache_folder=":auto:", non_int_type=non_int_type
            )
        except Exception:  # any cache problem (unwritable folder, bad pickle): parse
            pass
        else:
            return _with_definitions(registry)
    return _with_definitions(pint.UnitRegistry(non_int_type=non_int_type))


@functools.cache
def _ureg() -> pint.UnitRegistry[float]:
    """The registry behind :data:`ureg`, built once, on first use."""
    registry: pint.UnitRegistry[float] = _new_registry()
    return registry


def is_quantity(value: object) -> TypeGuard[Quantity]:
    """True when ``value`` is a pint quantity (of :data:`ureg` or another registry).

    Unlike ``isinstance(value, Quantity)`` it never imports pint: when pint
    is not loaded, nothing can be a quantity.

    >>> is_quantity(Q_(12, "km")), is_quantity(12)
    (True, False)
    """
    pint = sys.modules.get("pint")
    return pint is not None and isinstance(value, pint.Quantity)


_UNIT_CACHE: dict[str, pint.Unit] = {}


def Q_(value: object, unit: str | PlainUnit | None = None) -> Quantity:
    """A quantity of :data:`ureg`: a number and its unit.

    The unit is checked as :func:`parse_unit` checks it, so a malformed,
    unknown or absurd unit (``"m**13**13**13"``) is a
    :class:`~ntm_criteria.errors.UnitError` naming it, never pint's own error
    or a hang; ``value`` must be a number (an int, float, Decimal, Fraction or
    numpy array).  For ``isinstance`` checks use :data:`Quantity`.

    >>> Q_(45, "million_VND/person/year").to("VND/person/month").magnitude
    3750000.0
    >>> Q_(1, "m**13**13**13")
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.UnitError: invalid unit 'm**13**13**13': ...
    >>> Q_("12", "km")
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.UnitError: got '12' of type str, not a number ...
    """
    if isinstance(value, str | bytes | bool) or not (
        isinstance(value, numbers.Number) or hasattr(value, "__array__")
    ):
        raise UnitError(
            f"got {shown(value)} of type {type(value).__name__}, not a number",
            expected="a number and a unit, such as Q_(86.5, 'percent')",
        )
    if unit is None:
        unit = _ureg().dimensionless
    elif isinstance(unit, str):
        parsed = _UNIT_CACHE.get(unit)
        if parsed is None:
            parsed = parse_unit(unit) if unit.strip() else _ureg().dimensionless
            if len(_UNIT_CACHE) < 4096:
                _UNIT_CACHE[unit] = parsed
        unit = parsed
    try:
        return _ureg().Quantity(value, unit)
    except Exception as exc:  # pint lets many kinds of error through
        raise UnitError(f"cannot make a quantity of {shown(value)} {unit!s}: {exc}") from exc


@functools.cache
def _exact_ureg() -> pint.UnitRegistry[Fraction]:
    """A second registry with Fraction magnitudes, used only to compute exact factors.

    Built on first use (it costs as much as :data:`ureg` to build).  Its
    quantities are never formatted: pint's formatter fails on Fraction
    exponents.
    """
    registry: pint.UnitRegistry[Fraction] = _new_registry(Fraction)
    return registry


_Number: TypeAlias = int | float | Decimal | Fraction
_UnitLike: TypeAlias = "str | PlainUnit"
_Powers: TypeAlias = tuple[tuple[str, int], ...]

# --------------------------------------------------------------------------
# Unit strings
# --------------------------------------------------------------------------

_MAX_UNIT_LENGTH = 200
_MAX_PAREN_DEPTH = 8
_MAX_EXPONENT = 12
_SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹⁻"
_UNIT_TOKEN = re.compile(
    rf"""
    (?P<space>\s+)
    | (?P<name>[^\W\d]\w*[{_SUPERSCRIPTS}]{{0,3}})
    | (?P<percent>%)
    | (?P<power>\*\*|\^)
    | (?P<operator>[*/])
    | (?P<open>\()
    | (?P<close>\))
    | (?P<integer>-?[0-9]{{1,2}})
    """,
    re.VERBOSE,
)
_OPERANDS = frozenset({"name", "percent", "close"})


def _unit_error(text: str, why: str) -> UnitError:
    return UnitError(
        f"invalid unit {text!r}: {why}",
        expected="a unit such as 'million_VND/person/year', 'percent' or 'km**2'",
    )


def _check_unit_syntax(text: str) -> None:
    """Refuse what pint's parser should never see (it may crash or hang on it)."""
    if not text.strip():
        raise _unit_error(text, "empty")
    if len(text) > _MAX_UNIT_LENGTH:
        raise _unit_error(text, f"longer than {_MAX_UNIT_LENGTH} characters")
    previous: str | None = None
    depth = 0
    position = 0
    while position < len(text):
        match = _UNIT_TOKEN.match(text, position)
        if match is None:
            raise _unit_error(text, f"unexpected character {text[position]!r}")
        position = match.end()
        kind = match.lastgroup or ""
        if kind == "space":
            continue
        if kind == "integer" and previous != "power" and match.group() != "1":
            raise _unit_error(text, "numbers are allowed only as exponents")
        if previous == "power" and kind != "integer":
            raise _unit_error(text, "an exponent must be an integer")
        if kind == "power" and previous not in _OPERANDS:
            raise _unit_error(text, "an exponent must follow a unit")
        depth += {"open": 1, "close": -1}.get(kind, 0)
        if not 0 <= depth <= _MAX_PAREN_DEPTH:
            raise _unit_error(text, "unbalanced or too deeply nested parentheses")
        previous = kind
    if depth != 0:
        raise _unit_error(text, "unbalanced parentheses")


def parse_unit(text: str) -> pint.Unit:
    """Parse a unit written in pint's syntax (Vietnamese aliases included).

    Raises :class:`~ntm_criteria.errors.UnitError` naming ``text`` for an
    unknown unit or a malformed expression; no pint or Python error escapes.

    >>> parse_unit("million_VND/person/year") == ureg.Unit("million_VND") / ureg.person / ureg.year
    True
    >>> parse_unit("đồng/người/tháng") == parse_unit("VND/person/month")
    True
    >>> parse_unit("bananas")
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.UnitError: invalid unit 'bananas': ...
    """
    if not isinstance(text, str):
        raise _unit_error(repr(text), "not a string")
    text = unicodedata.normalize("NFC", text)
    _check_unit_syntax(text)
    try:
        unit = _ureg().parse_units(text)
    except Exception as exc:  # pint's parser lets many kinds of error through
        raise _unit_error(text, str(exc) or type(exc).__name__) from exc
    _powers(unit, text)
    return unit


def _powers(unit: PlainUnit, text: str | None = None) -> _Powers:
    """The ``(name, power)`` items of ``unit``, in pint's order."""
    items = list(_ureg().Quantity(1, unit).unit_items())
    text = text or " * ".join(f"{name} ** {exponent!r}" for name, exponent in items)
    powers: list[tuple[str, int]] = []
    for name, exponent in items:
        power = _integer_power(exponent)
        # Exact factors need integer powers; huge ones would take forever.
        if power is None or abs(power) > _MAX_EXPONENT:
            raise UnitError(
                f"invalid unit {text!r}: power {exponent!r} of {name!r}",
                expected=f"integer powers up to {_MAX_EXPONENT}",
            )
        powers.append((name, power))
    return tuple(powers)


def _integer_power(exponent: object) -> int | None:
    if isinstance(exponent, int):
        return exponent
    if isinstance(exponent, float | Fraction | Decimal) and float(exponent).is_integer():
        return int(exponent)
    return None


def _key(powers: _Powers) -> str:
    """A spelling of a unit that both registries read alike."""
    factors = (name if power == 1 else f"{name} ** {power}" for name, power in powers)
    return " * ".join(factors) or "dimensionless"


def _as_unit(unit: _UnitLike) -> pint.Unit:
    """``unit`` as a unit of :data:`ureg`; ``""`` means dimensionless."""
    if isinstance(unit, str):
        if unit.strip() in ("", "dimensionless"):
            return _ureg().dimensionless
        return parse_unit(unit)
    key = _key(_powers(unit))
    try:  # rebuilt by name, so that units of another registry work too
        return _ureg().Unit(key)
    except Exception as exc:
        raise _unit_error(key, str(exc) or type(exc).__name__) from exc


def _dimension_text(unit: pint.Unit) -> str:
    text = str(unit.dimensionality)
    return text if text else "dimensionless"


def _unit_text(given: _UnitLike, unit: pint.Unit) -> str:
    """How to name a unit in a message: as the caller wrote it, if it was text."""
    return given if isinstance(given, str) else str(unit) or "dimensionless"


# --------------------------------------------------------------------------
# Exact conversion
# --------------------------------------------------------------------------


@functools.lru_cache(maxsize=512)
def _factor(src_key: str, dst_key: str) -> Fraction | None:
    """The factor from ``src_key`` to ``dst_key``, or None if they differ by an offset."""
    if src_key == dst_key:
        return Fraction(1)
    zero = _exact_ureg().Quantity(Fraction(0), src_key).to(dst_key).magnitude
    if zero != 0:
        return None
    return Fraction(_exact_ureg().Quantity(Fraction(1), src_key).to(dst_key).magnitude)


def exact_factor(src: _UnitLike, dst: _UnitLike) -> Fraction:
    """The exact factor ``f`` such that ``x src == x * f dst``.

    Computed in a private registry with :class:`~fractions.Fraction`
    magnitudes loaded with the same definitions as :data:`ureg`, and cached.
    Raises :class:`~ntm_criteria.errors.UnitError` when the dimensions differ
    or the units differ by an offset (degC).

    >>> exact_factor("VND/person/month", "VND/person/year")
    Fraction(12, 1)
    >>> exact_factor("m**2", "hectare")
    Fraction(1, 10000)
    >>> exact_factor("VND/person/month", "VND/household/month")
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.UnitError: cannot convert 'VND/person/month' ([currency] / [population] / [time])
    to 'VND/household/month' ([currency] / [household] / [time]) (expected ...)
    """
    src_unit, dst_unit = _as_unit(src), _as_unit(dst)
    src_text, dst_text = _unit_text(src, src_unit), _unit_text(dst, dst_unit)
    if src_unit.dimensionality != dst_unit.dimensionality:
        raise UnitError(
            f"cannot convert {src_text!r} ({_dimension_text(src_unit)}) "
            f"to {dst_text!r} ({_dimension_text(dst_unit)})",
            expected="units of the same dimension",
        )
    src_key, dst_key = _key(_powers(src_unit)), _key(_powers(dst_unit))
    try:
        factor = _factor(src_key, dst_key)
    except Exception as exc:  # e.g. pint's OffsetUnitCalculusError for degC * m
        raise UnitError(f"cannot convert {src_text!r} to {dst_text!r}: {exc}") from exc
    if factor is None:
        raise UnitError(
            f"cannot convert {src_text!r} to {dst_text!r} by a factor: they differ by an offset",
            expected="multiplicative units (kelvin or delta_degC, not degC)",
        )
    return factor


def _exact_number(value: object, unit: str, indicator: str | None) -> Fraction:
    """``value`` as an exact Fraction; a float counts as its shortest repr."""
    expected = f"a quantity in {unit}"
    if isinstance(value, bool):
        raise UnitError(f"got {value!r}, not a number", indicator=indicator, expected=expected)
    if isinstance(value, numbers.Rational):
        return Fraction(int(value.numerator), int(value.denominator))
    if isinstance(value, float | Decimal):
        finite = value.is_finite() if isinstance(value, Decimal) else math.isfinite(value)
        if not finite:
            raise UnitError(
                f"got {value!r}, not a finite number", indicator=indicator, expected=expected
            )
        # repr gives the shortest decimal that reads back as the same float:
        # 0.8 means 4/5, not 3602879701896397/4503599627370496.
        return Fraction(value) if isinstance(value, Decimal) else Fraction(repr(float(value)))
    raise UnitError(
        f"got {shown(value)} of type {type(value).__name__}, not a number",
        indicator=indicator,
        expected=expected,
    )


def to_exact(
    value: Quantity | _Number, unit: _UnitLike, *, indicator: str | None = None
) -> Fraction:
    """``value`` expressed in ``unit`` as an exact :class:`~fractions.Fraction`.

    ``value`` is a quantity of :data:`ureg` or a bare number, which is taken
    as already in ``unit``.  int, Fraction and Decimal magnitudes stay exact;
    a float counts as its shortest decimal form (``0.8`` is exactly 4/5).
    bool, NaN and infinities are refused, as is a quantity of another
    dimension; the :class:`~ntm_criteria.errors.UnitError` names ``indicator``.

    >>> to_exact(Q_(0.8, ""), "percent")
    Fraction(80, 1)
    >>> to_exact(Q_(45, "million_VND/person/year"), "VND/person/month")
    Fraction(3750000, 1)
    >>> to_exact(72.56, "percent")
    Fraction(1814, 25)
    >>> to_exact(Q_(3, "household"), "person", indicator="11.1")
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.UnitError: indicator 11.1: got 3 household ...
    """
    if is_quantity(value) and isinstance(unit, str):
        # The hot path of an assessment: a known unit pair is a dictionary hit.
        factor = _quick_factor(value._units, unit)
        if factor is not None:
            return _exact_number(value.magnitude, unit, indicator) * factor
    elif isinstance(unit, str):
        # A bare number is already in ``unit``: the unit is checked once, not parsed per value.
        return _exact_number(value, _checked_unit_text(unit), indicator)
    return _to_exact_checked(value, unit, indicator)


@functools.lru_cache(maxsize=1024)
def _checked_unit_text(unit: str) -> str:
    """``unit`` as errors name it, once it parses (a bad unit raises, every time)."""
    return _unit_text(unit, _as_unit(unit))


@functools.lru_cache(maxsize=1024)
def _quick_factor(source: object, unit: str) -> Fraction | None:
    """The factor from a quantity's unit container to ``unit``; None when it does not convert."""
    try:
        return exact_factor(_ureg().Unit(source), unit)  # type: ignore[arg-type]
    except Exception:  # the checked path below says what is wrong
        return None


def _to_exact_checked(
    value: Quantity | _Number, unit: _UnitLike, indicator: str | None
) -> Fraction:
    target = _as_unit(unit)
    target_text = _unit_text(unit, target)
    if not is_quantity(value):
        return _exact_number(value, target_text, indicator)
    magnitude = _exact_number(value.magnitude, target_text, indicator)
    source = _as_unit(value.units)
    got = (
        f"got {shown(value.magnitude)} {str(source) or 'dimensionless'} ({_dimension_text(source)})"
    )
    if source.dimensionality != target.dimensionality:
        raise UnitError(
            f"{got}, which does not convert to {target_text!r} ({_dimension_text(target)})",
            indicator=indicator,
            expected=f"a quantity in {target_text}",
        )
    try:
        factor = exact_factor(source, target)
    except UnitError as exc:
        raise UnitError(f"{got}: {exc}", indicator=indicator) from exc
    return magnitude * factor


# --------------------------------------------------------------------------
# Vietnamese numbers and quantities
# --------------------------------------------------------------------------

_GROUP_SEPARATORS = ". \u00a0\u202f\u2009"
_NUMBER = re.compile(
    rf"""
    (?P<sign>[-+\u2212]?)
    (?P<integer>
        [0-9]{{1,3}}(?P<sep>[{_GROUP_SEPARATORS}])[0-9]{{3}}(?:(?P=sep)[0-9]{{3}})*
        | [0-9]+
    )
    (?:,(?P<fraction>[0-9]+))?
    """,
    re.VERBOSE,
)
_NUMBER_EXPECTED = (
    "a number in Vietnamese format: '.' between groups of 3 digits, ',' before "
    "decimals, such as '1.500.000' or '72,56'"
)


def parse_number(text: str) -> Decimal:
    """Parse a number written the Vietnamese way, strictly.

    ``.`` separates groups of exactly three digits (a space, non-breaking or
    thin space may be used instead), ``,`` is the decimal mark.  Anything
    ambiguous (``72.5``, ``1,234.5``) or foreign (``1e5``, ``nan``) raises
    :class:`~ntm_criteria.errors.ParseError`.

    >>> parse_number("72,56")
    Decimal('72.56')
    >>> parse_number("1.500.000")
    Decimal('1500000')
    >>> parse_number("-3,5")
    Decimal('-3.5')
    >>> parse_number("72.5")
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.ParseError: cannot parse '72.5' (expected a number in Vietnamese format...)
    """
    if not isinstance(text, str):
        raise ParseError(repr(text), expected=_NUMBER_EXPECTED)
    match = _NUMBER.fullmatch(text.strip())
    if match is None:
        raise ParseError(repr(text), expected=_NUMBER_EXPECTED)
    sign = "-" if match["sign"] in ("-", "\u2212") else ""
    digits = re.sub(r"[^0-9]", "", match["integer"])
    fraction = f".{match['fraction']}" if match["fraction"] else ""
    return Decimal(f"{sign}{digits}{fraction}")


_QUANTITY = re.compile(
    rf"(?P<number>[-+\u2212]?[0-9](?:[0-9.,]|[{_GROUP_SEPARATORS[1:]}](?=[0-9]))*)\s*(?P<unit>.*)",
    re.DOTALL,
)
# Multi-word Vietnamese units; single words (đồng, người, hộ, năm, tháng,
# ngày) are aliases in units.txt.
_PHRASES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\b(?:nghìn|ngàn)\s+(?:đồng|đ)\b", re.IGNORECASE), "thousand_VND"),
    (re.compile(r"\btriệu\s+(?:đồng|đ)\b", re.IGNORECASE), "million_VND"),
    (re.compile(r"\b(?:tỷ|tỉ)\s+(?:đồng|đ)\b", re.IGNORECASE), "billion_VND"),
    (re.compile(r"\b(k?m|cm|mm)([23])\b"), r"\1**\2"),
)


def _pint_spelling(unit_text: str) -> str:
    for pattern, replacement in _PHRASES:
        unit_text = pattern.sub(replacement, unit_text)
    return unit_text


def _magnitude(number: Decimal, text: str) -> int | float:
    # ureg works with floats: a Decimal magnitude cannot meet its float factors.
    if number == number.to_integral_value():
        return int(number)
    value = float(number)
    if not math.isfinite(value):
        raise ParseError(repr(text), expected="a number small enough for a float")
    return value


def parse_quantity(text: str) -> Quantity:
    """Parse a Vietnamese number followed by a unit, Vietnamese or pint spelling.

    The magnitude is an int when integral, otherwise a float.  Errors are
    :class:`~ntm_criteria.errors.ParseError` (the number, or no unit) and
    :class:`~ntm_criteria.errors.UnitError` (the unit).

    >>> def show(q): return q.magnitude, unit_label(q.units, "en")
    >>> show(parse_quantity("45 triệu đồng/người/năm"))
    (45, 'million VND/person/year')
    >>> show(parse_quantity("80%")), show(parse_quantity("8 m2")), show(parse_quantity("72,5 %"))
    ((80, '%'), (8, 'm²'), (72.5, '%'))
    """
    expected = "a number then a unit, such as '45 triệu đồng/người/năm' or '80%'"
    if not isinstance(text, str):
        raise ParseError(repr(text), expected=expected)
    normalized = unicodedata.normalize("NFC", text).strip()
    match = _QUANTITY.fullmatch(normalized)
    if match is None or not match["unit"].strip():
        raise ParseError(repr(text), expected=expected)
    try:
        number = parse_number(match["number"])
    except ParseError as exc:
        raise ParseError(repr(text), expected=f"{_NUMBER_EXPECTED}, then a unit") from exc
    magnitude = _magnitude(number, text)
    unit = parse_unit(_pint_spelling(match["unit"].strip()))
    return _ureg().Quantity(magnitude, unit)


# --------------------------------------------------------------------------
# Labels
# --------------------------------------------------------------------------

_SUPERSCRIPT_DIGITS = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")


def _item_label(name: str, power: int, lang: Lang) -> str:
    key = f"units.label.{name.lower()}"
    label = message(key, lang) if key in message_keys() else format(_ureg().Unit(name), "~P")
    power = abs(power)
    return label if power == 1 else label + str(power).translate(_SUPERSCRIPT_DIGITS)


def _is_time(item: tuple[str, int]) -> bool:
    return _ureg().Unit(item[0]).is_compatible_with(_ureg().year)


def unit_label(unit: _UnitLike, lang: str = "vi") -> str:
    """A human label of ``unit`` in Vietnamese (``"vi"``) or English (``"en"``).

    Built item by item from a table of labels, falling back to pint's
    abbreviation; each item of the denominator follows a ``/``, a period of
    time last (*per person per year*).  A dimensionless unit has an empty
    label.  Other languages raise :class:`~ntm_criteria.errors.UnknownCodeError`.

    >>> unit_label("million_VND/person/year")
    'triệu đồng/người/năm'
    >>> unit_label("million_VND/year/person", "en")
    'million VND/person/year'
    >>> unit_label("m**2"), unit_label("percent"), unit_label(""), unit_label("1/month")
    ('m²', '%', '', '1/tháng')
    """
    lang = check_lang(lang)
    items = _powers(_as_unit(unit))
    numerator = [item for item in items if item[1] > 0]
    denominator = sorted((item for item in items if item[1] < 0), key=_is_time)
    text = "·".join(_item_label(name, power, lang) for name, power in numerator)
    if denominator and not text:
        text = "1"
    return text + "".join(f"/{_item_label(name, power, lang)}" for name, power in denominator)
