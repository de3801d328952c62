"""Shared attrs converters and validators; a bad value raises :class:`DataError`.

Records across the library check their fields the same way: text is
non-empty and stripped, a number is exact (a float counts as the decimal it
prints as), a collection is frozen into a tuple.  Each problem names the field.
"""

from __future__ import annotations

import enum
import re
import reprlib
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from fractions import Fraction
from typing import Any, TypeVar

import attrs

from ntm_criteria.errors import DataError

__all__ = [
    "MAX_DOCUMENT_BYTES",
    "MAX_MAGNITUDE_DIGITS",
    "MAX_NESTING",
    "MAX_NUMBER_CHARACTERS",
    "as_frozenset",
    "as_tuple",
    "check_magnitude",
    "check_number_text",
    "enum_value",
    "exact",
    "index_path",
    "key_path",
    "nested_deeper",
    "nfc",
    "nfc_keys",
    "nonblank_text",
    "optional_text",
    "shown",
]


def key_path(path: str, key: str) -> str:
    """``criteria[0]`` + ``number`` → ``criteria[0].number``.

    The one joiner of key paths (here, below every reader, so that the message table can use
    it too; :mod:`ntm_criteria._document` re-exports it).

    No dot goes before an ``[index]``, and either part may be empty.

    >>> key_path("", "id"), key_path("criteria[0]", "number")
    ('id', 'criteria[0].number')
    >>> key_path("a", "[0]"), key_path("a", "")
    ('a[0]', 'a')
    """
    if not key:
        return path
    if not path:
        return key
    return f"{path}{key}" if key.startswith("[") else f"{path}.{key}"


def index_path(path: str, index: int) -> str:
    """``criteria`` + ``0`` → ``criteria[0]``: the key path of an array item.

    >>> index_path("criteria", 0), index_path(index_path("m", 1), 2)
    ('criteria[0]', 'm[1][2]')
    """
    return f"{path}[{index}]"


# Limits on input, checked before any arithmetic so that no input is slow
# (``Fraction("1e100000000")`` alone takes minutes).  Documented in docs/format.md.
MAX_DOCUMENT_BYTES = 16 * 1024 * 1024
"""The largest TOML document read, in bytes (16 MiB)."""
MAX_NESTING = 64
"""The deepest nesting of tables, arrays and requirements in a document."""
MAX_NUMBER_CHARACTERS = 100
"""The longest number written as text."""
MAX_MAGNITUDE_DIGITS = 30
"""A number's size: below ``10**30`` and, when not whole, above ``10**-30`` in absolute value."""

_E = TypeVar("_E", bound=enum.Enum)

_EXPONENT = re.compile(r"[eE]\s*([+-]?\d+)\s*$")


def check_number_text(text: str) -> None:
    """Refuse number text too long or with too large an exponent to compute with quickly.

    >>> check_number_text("1.5e3")
    >>> check_number_text("1e10000000")
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.DataError: number '1e10000000' is out of range (expected ...)
    """
    if len(text) > MAX_NUMBER_CHARACTERS:
        raise DataError(
            f"number text of {len(text)} characters is too long",
            expected=f"at most {MAX_NUMBER_CHARACTERS} characters",
        )
    found = _EXPONENT.search(text)
    if found and abs(int(found.group(1))) > 2 * MAX_MAGNITUDE_DIGITS:
        raise DataError(f"number {text!r} is out of range", expected=_RANGE)


_RANGE = f"a number below 10**{MAX_MAGNITUDE_DIGITS} in absolute value"
_LARGEST = 10**MAX_MAGNITUDE_DIGITS


def check_magnitude(value: Fraction) -> Fraction:
    """Return ``value`` if it is within the documented range, else raise :class:`DataError`.

    >>> check_magnitude(Fraction(45_000_000))
    Fraction(45000000, 1)
    >>> check_magnitude(Fraction(10) ** 40)
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.DataError: number 1e+40 is out of range (expected ...)
    >>> check_magnitude(Fraction(10) ** 400)
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.DataError: number of 401 digits is out of range (expected ...)
    """
    # On the integers, not Fractions: this runs for every number read.
    top, bottom = abs(value.numerator), value.denominator
    if top >= _LARGEST * bottom or (bottom > _LARGEST and top * _LARGEST < bottom):
        size = abs(value)
        try:
            text = f"{float(value):.3g}"
        except OverflowError:  # beyond floats: say how long it is
            text = f"of {_digits(int(size))} digits"
        raise DataError(f"number {text} is out of range", expected=_RANGE)
    return value


def nested_deeper(data: object, limit: int = MAX_NESTING) -> bool:
    """True when plain data (tables and lists) nests deeper than ``limit`` levels.

    Walked without recursion, so that a reader can refuse data before a
    recursive reading of it runs out of stack.

    >>> nested_deeper({"all_of": [{"at_least": 1}]}), nested_deeper([[[1]]], limit=2)
    (False, True)
    """
    stack: list[tuple[object, int]] = [(data, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, Mapping | list | tuple):
            if depth >= limit:
                return True
            children = item.values() if isinstance(item, Mapping) else item
            stack.extend((child, depth + 1) for child in children)
    return False


class _Shown(reprlib.Repr):
    """A repr for messages: a few items, a few levels, no huge integer written out."""

    def __init__(self) -> None:
        super().__init__()
        self.maxlevel, self.maxlist, self.maxtuple, self.maxdict = 3, 6, 6, 4
        self.maxstring = self.maxother = self.maxlong = 60

    def repr_int(self, x: int, level: int) -> str:
        if x.bit_length() > 256:  # repr() of over 4,300 digits raises ValueError
            return f"an integer of {_digits(x)} digits"
        return super().repr_int(x, level)


_SHOWN = _Shown()


def shown(value: object) -> str:
    """``repr(value)`` for a message: short, and never failing on deep data or a huge integer.

    >>> shown("x"), shown(10**5000), shown(list(range(1000)))
    ("'x'", 'an integer of 5001 digits', '[0, 1, 2, 3, 4, 5, ...]')
    """
    return _SHOWN.repr(value)


def as_frozenset(values: Iterable[Any]) -> frozenset[Any]:
    """Freeze an iterable into a frozenset (for frozen attrs fields).

    >>> sorted(as_frozenset(["b", "a", "b"]))
    ['a', 'b']
    """
    return frozenset(values)


def as_tuple(values: Iterable[Any]) -> tuple[Any, ...]:
    """Freeze an iterable into a tuple (for frozen attrs fields).

    >>> as_tuple([1, 2])
    (1, 2)
    """
    return tuple(values)


def enum_value(cls: type[_E], field: str) -> Callable[[object], _E]:
    """An attrs converter: a member of ``cls`` or its value (text in NFC), else a :class:`DataError`.

    The error names ``field`` (as key path) and the allowed values.

    >>> import enum
    >>> class Colour(enum.Enum):
    ...     RED = "red"
    ...     BLUE = "blue"
    >>> enum_value(Colour, "colour")("red")
    <Colour.RED: 'red'>
    >>> enum_value(Colour, "colour")("green")
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.DataError: colour: unknown colour 'green' (expected red, blue)
    """

    def convert(value: object) -> _E:
        if isinstance(value, cls):
            return value
        key = nfc(value) if isinstance(value, str) else value
        for member in cls:
            if member.value == key and type(member.value) is type(key):
                return member
        small = isinstance(value, str | float | None) or (
            isinstance(value, int) and value.bit_length() < 200  # a bool is an int too
        )
        shown = repr(value) if small else type(value).__name__
        if len(shown) > 40:
            shown = shown[:37] + "..."
        raise DataError(
            f"unknown {field} {shown}",
            key_path=field,
            expected=", ".join(str(m.value) for m in cls),
        )

    return convert


def exact(value: int | float | str | Fraction | Decimal) -> Fraction:
    """A number as an exact fraction; a float counts as the decimal it prints as.

    >>> exact(4.5), exact("1/3"), exact(29.99), exact(Decimal("89.99999"))
    (Fraction(9, 2), Fraction(1, 3), Fraction(2999, 100), Fraction(8999999, 100000))
    >>> exact("1e100000000")
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.DataError: number '1e100000000' is out of range ...
    >>> exact(True)
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.DataError: True is not a number ...
    """
    if isinstance(value, bool) or not isinstance(value, int | float | str | Fraction | Decimal):
        raise DataError(f"{value!r} is not a number", expected="a number")
    if isinstance(value, str):
        check_number_text(value)
    try:
        number = Fraction(repr(value)) if isinstance(value, float) else Fraction(value)
    except (ValueError, ZeroDivisionError, OverflowError):
        raise DataError(f"{value!r} is not a number", expected="a number") from None
    return check_magnitude(number)


def nfc(text: str) -> str:
    """``text`` in Unicode normal form C, the one form the library compares.

    Some keyboards and spreadsheets write Vietnamese decomposed (NFD):
    ``"Tốt"`` as ``T`` ``o`` ``◌̂`` ``◌́`` ``t``.  Looks alike, compares unequal —
    so every text that is compared or matched goes through here on the way in.

    >>> import unicodedata
    >>> decomposed = unicodedata.normalize("NFD", "Tốt")
    >>> decomposed == "Tốt", nfc(decomposed) == "Tốt"
    (False, True)
    """
    return text if text.isascii() else unicodedata.normalize("NFC", text)


def nfc_keys(data: Any) -> Any:
    """Plain data (as read from TOML or JSON) with every table key in NFC.

    Keys are matched against the names the format knows; values are kept as
    written (a name shows as the user typed it) and normalised where they are
    compared.

    >>> import unicodedata
    >>> nfc_keys({unicodedata.normalize("NFD", "tên"): [{"a": 1}]}) == {"tên": [{"a": 1}]}
    True
    """
    if isinstance(data, dict):
        return {nfc(k) if isinstance(k, str) else k: nfc_keys(v) for k, v in data.items()}
    if isinstance(data, list):
        return [nfc_keys(v) for v in data]
    return data


def nonblank_text(field: str) -> Callable[[object, attrs.Attribute[Any], object], None]:
    """An attrs validator: ``field`` must be non-empty text without surrounding spaces.

    >>> @attrs.frozen
    ... class Named:
    ...     name: str = attrs.field(validator=nonblank_text("name"))
    >>> Named(" x")
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.DataError: name: name must be non-empty text without surrounding spaces, got ' x'
    """

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, str) or not value.strip() or value != value.strip():
            raise DataError(
                f"{field} must be non-empty text without surrounding spaces, got {value!r}",
                key_path=field,
            )

    return check


def optional_text(value: object) -> str | None:
    """An attrs converter: blank or ``None`` is ``None``, other text is stripped.

    >>> optional_text("  "), optional_text(" 10.1 ")
    (None, '10.1')
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return str(value).strip()


def _digits(value: int) -> int:
    """The number of decimal digits of ``value``, without writing it out."""
    size = abs(value)
    estimate = max(1, int(size.bit_length() * 0.30102999566398))
    return estimate + 1 if size >= 10**estimate else estimate
