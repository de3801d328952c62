"""Numbers and quantities written for people, in Vietnamese or English (private; see :mod:`ntm_criteria.text`).

Vietnamese writes ``1.500.000`` for one and a half million and ``72,56`` for
seventy-two point five six; English writes ``1,500,000`` and ``72.56``.  The
functions here round half-up, drop trailing zeros, and never show binary
noise (a float counts as its shortest decimal form).  Vietnamese output reads
back with :func:`ntm_criteria.units.parse_number`.

>>> format_quantity(41.5, "million_VND/person/year")
'41,5 triệu đồng/người/năm'
>>> format_quantity(41.5, "million_VND/person/year", "en")
'41.5 million VND/person/year'
"""

from __future__ import annotations

import math
from decimal import Context, Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, TypeAlias, cast

from ntm_criteria._messages import Lang, check_lang
from ntm_criteria._validators import shown
from ntm_criteria.errors import UnitError
from ntm_criteria.units import is_quantity, to_exact, unit_label

if TYPE_CHECKING:  # pint is imported only when a quantity is made
    from pint.facets.plain import PlainUnit

    from ntm_criteria.units import Quantity

__all__ = [
    "format_number",
    "format_percent",
    "format_quantity",
]

_Number: TypeAlias = int | float | Decimal | Fraction
_SEPARATORS: dict[str, tuple[str, str]] = {"vi": (".", ","), "en": (",", ".")}


def _non_finite(value: _Number) -> str | None:
    """How to write NaN and infinities, which have no exact value."""
    if isinstance(value, Decimal):
        if value.is_nan():  # signalling NaNs too, which refuse comparison
            return "NaN"
        if value.is_infinite():
            return "∞" if value > 0 else "-∞"
    elif isinstance(value, float) and not math.isfinite(value):
        if value != value:  # NaN is the only value not equal to itself
            return "NaN"
        return "∞" if value > 0 else "-∞"
    return None


_HUGE = 10**60  # beyond this, digits mean nothing to a reader (and may not print)


def _scientific(value: Fraction, lang: Lang) -> str:
    """A huge number as ``1,23·10^64`` (``1.23·10^64`` in English)."""
    digits = Context(prec=3).divide(Decimal(value.numerator), Decimal(value.denominator))
    mantissa, exponent = f"{digits:.2E}".split("E")
    mark = _SEPARATORS[lang][1]
    return f"{mantissa.replace('.', mark)}·10^{int(exponent)}"


def _round_half_up(value: Fraction, decimals: int) -> tuple[int, int]:
    """``(sign, n)`` with ``|value|`` ≈ ``n / 10**decimals``, halves rounded away from 0."""
    scaled = abs(value) * Fraction(10) ** decimals
    units = math.floor(scaled + Fraction(1, 2))
    return (-1 if value < 0 else 1), units


def _group(digits: str, separator: str) -> str:
    head = len(digits) % 3 or 3
    groups = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
    return separator.join(groups)


def format_number(value: _Number, lang: Lang = "vi", *, decimals: int = 2) -> str:
    """Write ``value`` with at most ``decimals`` decimals, in ``lang``'s style.

    Rounds half away from zero, drops trailing zeros, and groups thousands
    (``.`` in Vietnamese, ``,`` in English).  A float counts as its shortest
    decimal form, so ``72.56`` is written ``72,56``, not ``72,559999``.  A
    negative ``decimals`` rounds to tens, hundreds, ...  NaN and infinities
    are written ``NaN``, ``∞`` and ``-∞``.

    >>> format_number(1_500_000)
    '1.500.000'
    >>> format_number(72.56), format_number(72.56, "en")
    ('72,56', '72.56')
    >>> format_number(Fraction(2, 3)), format_number(-3.5)
    ('0,67', '-3,5')
    >>> format_number(Decimal("2.125"), decimals=2), format_number(2160.0, "en")
    ('2,13', '2,160')
    >>> format_number(10**5000), format_number(Decimal("sNaN"))
    ('1,00·10^5000', 'NaN')
    """
    thousands, decimal_mark = _SEPARATORS[check_lang(lang)]
    special = _non_finite(value)
    if special is not None:
        return special
    exact = to_exact(value, "dimensionless")
    if abs(exact) >= _HUGE:
        return _scientific(exact, check_lang(lang))
    sign, units = _round_half_up(exact, decimals)
    if decimals <= 0:
        integer, fraction = units * 10 ** (-decimals), ""
    else:
        integer, rest = divmod(units, 10**decimals)
        fraction = str(rest).rjust(decimals, "0").rstrip("0")
    text = _group(str(integer), thousands)
    if fraction:
        text += decimal_mark + fraction
    return f"-{text}" if sign < 0 and units else text


def format_percent(share: _Number, lang: Lang = "vi", *, decimals: int = 0) -> str:
    """Write a SHARE (a fraction such as ``0.66``, usually in [0, 1]) as a percentage.

    ``share`` is multiplied by 100 exactly, then written like
    :func:`format_number`, followed by ``%`` with no space.

    >>> format_percent(0.66), format_percent(0.66, "en")
    ('66%', '66%')
    >>> format_percent(0.665, decimals=1), format_percent(0.665, "en", decimals=1)
    ('66,5%', '66.5%')
    """
    check_lang(lang)
    special = _non_finite(share)
    if special is not None:
        return f"{special}%"
    return format_number(to_exact(share, "dimensionless") * 100, lang, decimals=decimals) + "%"


def format_quantity(
    value: Quantity | _Number,
    unit: str | PlainUnit | None = None,
    lang: Lang = "vi",
    *,
    decimals: int = 2,
) -> str:
    """Write a quantity with its unit label, such as ``2.160 triệu đồng``.

    ``value`` is a pint quantity (``unit`` may then be omitted; if given, the
    quantity is converted to it exactly) or a bare number in ``unit``.  A
    percent sign follows the number directly; a dimensionless unit adds
    nothing.  Raises :class:`~ntm_criteria.errors.UnitError` for a bare number
    without a unit or a quantity that does not convert to ``unit``.

    >>> format_quantity(2160, "million_VND")
    '2.160 triệu đồng'
    >>> from ntm_criteria.units import Q_
    >>> format_quantity(Q_(80, "percent")), format_quantity(Q_(0.8, ""), "percent")
    ('80%', '80%')
    >>> format_quantity(1_500_000, "VND/person/month", "en")
    '1,500,000 VND/person/month'
    >>> format_quantity(12.5, "")
    '12,5'
    """
    check_lang(lang)
    if unit is None:
        if not is_quantity(value):
            raise UnitError(
                f"cannot write the bare number {shown(value)} without a unit",
                expected="a pint quantity, or a number and a unit",
            )
        unit = value.units
    label = unit_label(unit, lang)
    # is_quantity narrows only its true branch; the other is a bare number.
    special = _non_finite(value.magnitude if is_quantity(value) else cast(_Number, value))
    number = special or format_number(to_exact(value, unit), lang, decimals=decimals)
    if not label:
        return number
    return f"{number}{label}" if label.startswith("%") else f"{number} {label}"
