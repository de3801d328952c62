"""How the analysis writes: its words from the message table, names and levels in a sentence."""

from __future__ import annotations

from ntm_criteria.criteria import Level
from ntm_criteria.geography import Locality
from ntm_criteria.text import check_lang, message


def say(key: str, lang: str, /, **fields: object) -> str:
    """The message ``analysis.<key>`` in ``lang``, with ``fields`` filled in."""
    return message(f"analysis.{key}", lang, **fields)


def level_name(level: Level, lang: str) -> str:
    """A level as a report names it: ``đạt chuẩn nâng cao`` in Vietnamese, ``advanced`` in English."""
    return say(f"level.{level.key}", lang)


def heading_name(locality: Locality, lang: str) -> str:
    """The locality's name at the head of a sentence: ``Xã Chiềng Xôm``."""
    text = locality.label(lang)
    return text[:1].upper() + text[1:]


def held_phrase(level: Level | None, lang: str = "vi") -> str:
    """How reports say that a locality holds ``level`` (``None``: no level).

    >>> held_phrase(Level.ADVANCED), held_phrase(Level.ADVANCED, "en")
    ('đạt chuẩn nâng cao', 'at the advanced level')
    >>> held_phrase(None), held_phrase(None, "en")
    ('chưa đạt chuẩn', 'at no level')
    """
    check_lang(lang)
    if level is None:
        return say("held.none", lang)
    return say("held.level", lang, level=level_name(level, lang))
