"""The words every report shares: column headers, level names, counts.

Private: see :mod:`ntm_criteria.report`.
"""

from __future__ import annotations

from ntm_criteria.criteria import Level
from ntm_criteria.rules import Status
from ntm_criteria.text import Lang, message

__all__ = ["capital", "columns", "count", "held_name", "level_name"]


def columns(lang: Lang, *names: str) -> tuple[str, ...]:
    """The headers of the columns ``names`` (keys under ``report.column``)."""
    return tuple(message(f"report.column.{name}", lang) for name in names)


def level_name(level: Level | None, lang: Lang) -> str:
    """The level in words; no level is "chưa đạt chuẩn" / "no level"."""
    return message("report.no_level", lang) if level is None else level.label(lang)


def held_name(level: Level | None, lowest: Status, lang: Lang) -> str:
    """The level held, or why none is: not met ("chưa đạt chuẩn") or undecided ("chưa xác định").

    ``lowest`` is the status of the lowest level assessed: a locality with no
    data is never called "chưa đạt chuẩn".
    """
    if level is not None:
        return level.label(lang)
    return level_name(None, lang) if lowest is Status.NOT_MET else message("report.undecided", lang)


def capital(text: str) -> str:
    """``text`` with its first letter upper-case (the rest as it is)."""
    return text[:1].upper() + text[1:]


def count(number: int, lang: Lang) -> str:
    """A count as official writing has it: two digits below ten in Vietnamese ("05 xã")."""
    return message("report.count", lang, number=number) if 1 <= number < 10 else str(number)
