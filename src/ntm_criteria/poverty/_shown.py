"""How this package shows a value in an error message: short, and never failing."""

from __future__ import annotations

__all__ = ["shown"]


def shown(value: object) -> str:
    """A short repr for messages (never the repr of a huge int, which may fail).

    >>> shown("x"), shown(10**100000), shown("a" * 50)
    ("'x'", 'a number too large to show', "'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa...")
    """
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 200:
        return "a number too large to show"
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."
