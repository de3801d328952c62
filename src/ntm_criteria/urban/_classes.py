"""The urban classes (loại đô thị): special, I to V, and their names."""

from __future__ import annotations

from ntm_criteria.errors import UnknownCodeError
from ntm_criteria.text import check_lang, message

__all__ = ["CLASSES", "class_label"]

CLASSES = ("special", "I", "II", "III", "IV", "V")
"""Every urban class a regime may name, highest first."""


def class_label(urban_class: str, lang: str = "vi") -> str:
    """The name of an urban class: ``"special"``, ``"I"`` … ``"V"``.

    >>> class_label("III"), class_label("special", "en")
    ('đô thị loại III', 'special class')
    """
    check_lang(lang)
    if urban_class not in CLASSES:
        raise UnknownCodeError("urban class", urban_class, known=list(CLASSES))
    # Message keys are lower case: class "IV" is urban.class.iv.
    return message(f"urban.class.{urban_class.lower()}", lang)
