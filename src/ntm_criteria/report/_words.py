"""The words every report shares: column headers, level names, counts.

Private: see :mod:`ntm_criteria.report`.
"""

from __future__ import annotations

from ntm_criteria.criteria import Level
from ntm_criteria.text import Lang, message

__all__ = ["capital", "columns", "count", "level_name"]


def columns(lang: Lang, *names: str) -> tuple[str, ...]:
    """The headers of the columns ``names`` (keys under ``report.column``)."""
    return tuple(message(f"report.column.{name}", lang) for name in names)


def level_name(level: Level | None, lang: Lang) -> str:
    """The level in words; no level is "chưa đạt chuẩn" / "no level"."""
    return message("report.no_level", lang) if level is None else level.label(lang)


def capital(text: str) -> str:
    """``text`` with its first letter upper-case (the rest as it is)."""
    return text[:1].upper() + text[1:]


def count(number: int, lang: Lang) -> str:
    """A count as official writing has it: two digits below ten in Vietnamese ("05 xã")."""
    return message("report.count", lang, number=number) if 1 <= number < 10 else str(number)
