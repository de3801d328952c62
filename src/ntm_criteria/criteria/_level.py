"""The level a criterion set certifies: standard, advanced, model."""

from __future__ import annotations

import enum

from ntm_criteria._validators import nfc
from ntm_criteria.errors import UnknownCodeError
from ntm_criteria.text import message

__all__ = ["Level"]


class Level(enum.IntEnum):
    """The level a set certifies, ordered: standard < advanced < model.

    >>> Level.STANDARD < Level.ADVANCED < Level.MODEL
    True
    >>> Level.parse("nâng cao"), Level.MODEL.key, Level.MODEL.label("vi")
    (<Level.ADVANCED: 2>, 'model', 'kiểu mẫu')
    """

    STANDARD = 1
    ADVANCED = 2
    MODEL = 3

    @property
    def key(self) -> str:
        """The name used in data files: ``standard``, ``advanced``, ``model``."""
        return self.name.lower()

    def label(self, lang: str = "vi") -> str:
        """The level in words."""
        return message(f"criteria.level.{self.key}", lang)

    @classmethod
    def parse(cls, text: str) -> Level:
        """A level from its key or its Vietnamese or English name (in any Unicode form).

        >>> import unicodedata
        >>> Level.parse(unicodedata.normalize("NFD", "Nâng cao"))
        <Level.ADVANCED: 2>
        """
        wanted = nfc(text.strip().lower())
        for level in cls:
            if wanted in (level.key, level.label("vi"), level.label("en")):
                return level
        raise UnknownCodeError("level", text, known=[level.key for level in cls])
