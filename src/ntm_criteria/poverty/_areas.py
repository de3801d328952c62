"""Where a household lives (:class:`Area`) and what it is found to be (:class:`PovertyStatus`)."""

from __future__ import annotations

import enum
import functools
from collections.abc import Mapping
from types import MappingProxyType

from ntm_criteria._published import normalized_word, words
from ntm_criteria.errors import DataError
from ntm_criteria.poverty._shown import shown
from ntm_criteria.text import message

__all__ = ["Area", "PovertyStatus", "normalized_word", "words"]


@functools.cache
def _area_words() -> Mapping[str, str]:
    """Every word that names an area, mapped to the area's code."""
    return MappingProxyType(
        {word: code for code in ("rural", "urban") for word in words(f"poverty.area_words.{code}")}
    )


class Area(enum.StrEnum):
    """Where a household lives; the poverty lines differ between rural and urban areas.

    Decree 351/2025 calls urban areas *khu vực đô thị*; both spellings parse.

    >>> Area.parse("nông thôn"), Area.parse("Khu vực đô thị")
    (<Area.RURAL: 'rural'>, <Area.URBAN: 'urban'>)
    >>> Area.URBAN.label("vi"), Area.URBAN.label("en")
    ('thành thị', 'urban')
    """

    RURAL = "rural"
    URBAN = "urban"

    def label(self, lang: str = "vi") -> str:
        """The area in words, in Vietnamese or English."""
        return message(f"poverty.area.{self.value}", lang)

    @classmethod
    def parse(cls, value: object) -> Area:
        """An area from its code or its Vietnamese name; anything else is a :class:`DataError`.

        >>> Area.parse("thanh thi")
        <Area.URBAN: 'urban'>
        >>> Area.parse("miền núi")
        Traceback (most recent call last):
        ...
        ntm_criteria.errors.DataError: unknown area 'miền núi' (expected rural or urban (nông thôn / thành thị))
        """
        if isinstance(value, Area):
            return value
        if isinstance(value, str):
            found = _area_words().get(normalized_word(value))
            if found is not None:
                return cls(found)
        raise DataError(
            f"unknown area {shown(value)}", expected="rural or urban (nông thôn / thành thị)"
        )


class PovertyStatus(enum.Enum):
    """The class of a household under a poverty standard.

    Poor and near-poor households both have an income at or below the line;
    they differ in their number of deprivations.  ``UNKNOWN`` means the data
    cannot decide (the classification's ``reason`` says why), never "not poor".

    >>> PovertyStatus.POOR.label("vi"), PovertyStatus.NEAR_POOR.label("en")
    ('hộ nghèo', 'near-poor household')
    >>> PovertyStatus.UNKNOWN.is_decided
    False
    """

    POOR = "poor"
    NEAR_POOR = "near_poor"
    ABOVE_LINE = "above_line"
    UNKNOWN = "unknown"

    def label(self, lang: str = "vi") -> str:
        """The status in words, in Vietnamese or English."""
        return message(f"poverty.status.{self.value}", lang)

    @property
    def is_decided(self) -> bool:
        """True for poor, near-poor and above the line."""
        return self is not PovertyStatus.UNKNOWN
