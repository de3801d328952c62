"""Problems found while reading plain data, each with its key path.

Readers of requirements, values and whole documents record every problem in
a :class:`Problems` list instead of stopping at the first, so that a person
fixing a file sees every mistake at once.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence

from ntm_criteria._validators import key_path
from ntm_criteria.errors import DataError, DataErrors, NtmError

__all__ = ["Problems", "quoted_key", "short_repr", "unknown_key"]


class Problems:
    """Collects data problems, each with its key path, to report them all at once.

    >>> problems = Problems()
    >>> problems.add("criteria[0].number", "not a whole number", expected="1 to 99")
    >>> problems.raise_if_any("x.toml")
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.DataErrors: x.toml: 1 problem:
      - criteria[0].number: not a whole number (expected 1 to 99)
    """

    def __init__(self) -> None:
        self.items: list[DataError] = []

    def add(self, path: str, message: str, *, expected: str | None = None) -> None:
        """Record one problem at ``path``."""
        self.items.append(DataError(message, key_path=path or None, expected=expected))

    def add_error(self, path: str, error: NtmError) -> None:
        """Record an error raised by a constructor, keeping its message."""
        if isinstance(error, DataErrors):
            for inner in error.errors:
                self.add(
                    key_path(path, inner.key_path or ""), inner.message, expected=inner.expected
                )
        elif isinstance(error, DataError):
            self.add(key_path(path, error.key_path or ""), error.message, expected=error.expected)
        else:
            self.add(path, str(error))

    def raise_if_any(self, file: str | None = None) -> None:
        """Raise :class:`~ntm_criteria.errors.DataErrors` if anything was recorded."""
        if self.items:
            raise DataErrors(self.items, file=file)

    def __bool__(self) -> bool:
        return bool(self.items)


def quoted_key(path: str, key: str) -> str:
    """Like :func:`~ntm_criteria._validators.key_path`, quoting a key that is not a bare TOML key.

    >>> quoted_key("by_region", "TDMNPB"), quoted_key("by_year", "2022")
    ('by_region.TDMNPB', 'by_year."2022"')
    """
    safe = key.replace("_", "").replace("-", "").isalnum() and not key[:1].isdigit()
    return key_path(path, key if safe else f'"{key}"')


def short_repr(value: object) -> str:
    """A value as it appears in a message, cut to 40 characters.

    >>> short_repr("x" * 50)
    "'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx..."
    >>> short_repr(10**5000)
    '<a number of 5001 digits>'
    """
    try:
        text = repr(value)
    except ValueError:  # an int past Python's digit limit for printing
        bits = getattr(value, "bit_length", None)
        text = f"<a number of {int(bits() * 0.30103) + 1} digits>" if bits else "<a value>"
    return text if len(text) <= 40 else text[:37] + "..."


def unknown_key(problems: Problems, path: str, key: str, known: Sequence[str], what: str) -> None:
    """Record an unknown key, with a did-you-mean hint when one is close.

    >>> problems = Problems()
    >>> unknown_key(problems, "", "at_lest", ["at_least"], "operator")
    >>> problems.items[0].message
    "unknown operator 'at_lest'; did you mean 'at_least'?"
    """
    close = difflib.get_close_matches(key, known, n=1)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    problems.add(quoted_key(path, key), f"unknown {what} {key!r}{hint}", expected=", ".join(known))
