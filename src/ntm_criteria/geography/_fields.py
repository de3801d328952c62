"""Checks of the text fields of regions and localities.

Names are kept exactly as given (no Unicode normalisation: they are shown);
codes, which are matched, are NFC-normalised on the way in (:func:`as_code`).
The check is only that the text is there and carries no stray spaces; the
message says which of the two is wrong.
"""

from __future__ import annotations

from typing import Any

import attrs

from ntm_criteria._validators import nfc
from ntm_criteria.errors import DataError

__all__ = ["as_code", "check_text", "optional_text_field", "text_field"]


def as_code(value: Any) -> Any:
    """A code (or region, tag) in NFC, the one form compared; other values are left to the checks.

    >>> import unicodedata
    >>> as_code(unicodedata.normalize("NFD", "Hà-01")) == "Hà-01", as_code(None)
    (True, None)
    """
    return nfc(value) if isinstance(value, str) else value


def check_text(field: str, value: object, *, optional: bool = False) -> None:
    """Raise a DataError unless ``value`` is non-empty text without surrounding spaces.

    >>> check_text("code", "14")
    >>> check_text("code", " 14")
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.DataError: code: code ' 14' has leading or trailing whitespace ...
    """
    if value is None and optional:
        return
    if not isinstance(value, str):
        raise DataError(
            f"{field} must be text, not {type(value).__name__}",
            key_path=field,
            expected="a string" + (" or None" if optional else ""),
        )
    if not value.strip():
        raise DataError(f"{field} is empty", key_path=field, expected="non-empty text")
    if value != value.strip():
        raise DataError(
            f"{field} {value!r} has leading or trailing whitespace",
            key_path=field,
            expected="text without surrounding spaces",
        )


def text_field(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """An attrs validator: the field is :func:`check_text` text."""
    check_text(attribute.name, value)


def optional_text_field(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """An attrs validator: the field is ``None`` or :func:`check_text` text."""
    check_text(attribute.name, value, optional=True)
