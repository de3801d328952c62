"""Shared attrs converters and validators; a bad value raises :class:`DataError`.

Records across the library check their fields the same way: text is
non-empty and stripped, a number is exact (a float counts as the decimal it
prints as), a collection is frozen into a tuple.  Each problem names the field.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from fractions import Fraction
from typing import Any

import attrs

from ntm_criteria.errors import DataError

__all__ = ["as_frozenset", "as_tuple", "exact", "nonblank_text", "optional_text"]


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


def exact(value: int | float | str | Fraction) -> Fraction:
    """A number as an exact fraction; a float counts as the decimal it prints as.

    >>> exact(4.5), exact("1/3"), exact(29.99)
    (Fraction(9, 2), Fraction(1, 3), Fraction(2999, 100))
    >>> exact(True)
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.DataError: True is not a number ...
    """
    if isinstance(value, bool) or not isinstance(value, int | float | str | Fraction):
        raise DataError(f"{value!r} is not a number", expected="a number")
    try:
        return Fraction(repr(value)) if isinstance(value, float) else Fraction(value)
    except (ValueError, ZeroDivisionError, OverflowError):
        raise DataError(f"{value!r} is not a number", expected="a number") from None


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
