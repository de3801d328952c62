"""The written shapes of a period (*quý III/2022*, *9 tháng đầu năm 2022*, …) and reading them.

Private: see :func:`ntm_criteria.periods.parse_period`.
"""

from __future__ import annotations

import re

from ntm_criteria.errors import DataError, ParseError
from ntm_criteria.periods._calendar import (
    Span,
    first_months_span,
    last_months_span,
    month_span,
    plan_span,
    quarter_span,
    year_span,
)
from ntm_criteria.periods._dates import MAX_TEXT, cannot, match_date, normalise, parse_date
from ntm_criteria.text import message

__all__ = ["PERIOD_SHAPES", "read_span"]

PERIOD_SHAPES = (
    "a period such as '2022', 'năm 2022', '2021–2025', 'giai đoạn 2021–2025', "
    "'Q3/2022', 'quý 3/2022', 'quý III/2022', '6/2022', 'tháng 6/2022', "
    "'9 tháng đầu năm 2022', '3 tháng cuối năm 2022', '2022-01-01/2022-12-31' "
    "or '15/6/2022 - 31/12/2022'"
)

_ROMAN_QUARTERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4}

_YEAR = re.compile(r"(?:nam |year )?(?P<y>[0-9]{4})")
_PLAN = re.compile(r"(?:giai doan |gd )?(?P<a>[0-9]{4})(?: ?- ?| den )(?P<b>[0-9]{4})")
_QUARTER = re.compile(
    r"(?:qu[yi] ?|q ?)(?P<q>[0-9]{1,2}|[ivx]{1,4})(?: ?[/-] ?| nam | )(?P<y>[0-9]{4})"
)
_MONTH = re.compile(
    r"(?:thang )?(?P<m>[0-9]{1,2}) ?[/-] ?(?P<y>[0-9]{4})"
    r"|thang (?P<m2>[0-9]{1,2}) nam (?P<y2>[0-9]{4})"
)
_MONTH_EN = re.compile(r"(?P<name>[a-z]{3,9}),? (?P<y>[0-9]{4})")
_FIRST = re.compile(
    r"(?P<n>[0-9]{1,2}) thang (?:dau )?nam (?P<y>[0-9]{4})"
    r"|first (?P<n2>[0-9]{1,2}) months? of (?P<y2>[0-9]{4})"
)
_LAST = re.compile(
    r"(?P<n>[0-9]{1,2}) thang cuoi nam (?P<y>[0-9]{4})"
    r"|last (?P<n2>[0-9]{1,2}) months? of (?P<y2>[0-9]{4})"
)
_DIGITS = re.compile(r"[0-9]+")
_RANGE_SEPARATOR = re.compile(r" - | ?/ ?| den | to |-")
_RANGE_PREFIX = re.compile(r"(?:tu|from) ")


def _groups(found: re.Match[str], *names: str) -> tuple[int, ...]:
    """The named integers of a match whose pattern has two spellings (``m``/``m2``)."""
    return tuple(
        int(found[name] if found[name] is not None else found[name + "2"]) for name in names
    )


def _english_month(name: str) -> int | None:
    # The English month names are those the labels write, so every label reads back.
    for number in range(1, 13):
        full = message(f"periods.month.{number}", "en").lower()
        if name == full or name == full[:3]:
            return number
    return None


def _quarter_number(text: str, written: str) -> int:
    number = _ROMAN_QUARTERS.get(written)
    if number is None and _DIGITS.fullmatch(written):  # ASCII digits only: int() takes more
        number = int(written)
    if number is None or not 1 <= number <= 4:
        raise cannot(text, f"a quarter 1–4 or I–IV, not {written.upper()!r}")
    return number


def _read_range(text: str, norm: str) -> Span | None:
    """Split ``norm`` into two dates at the first separator where both sides look like dates."""
    for sep in _RANGE_SEPARATOR.finditer(norm):
        left = _RANGE_PREFIX.sub("", norm[: sep.start()].strip(), count=1)
        right = norm[sep.end() :].strip()
        if match_date(left) is None or match_date(right) is None:
            continue
        try:
            start, end = parse_date(left), parse_date(right)
        except ParseError as err:
            raise cannot(text, f"two real dates; {err.text}: {err.expected}") from None
        if start > end:
            raise cannot(text, f"a start no later than the end, not {start} after {end}")
        return start, end
    return None


def _read_named(text: str, norm: str) -> Span | None:
    """The year, plan, quarter, month, first- and last-months shapes."""
    if found := _YEAR.fullmatch(norm):
        return year_span(int(found["y"]))
    if found := _PLAN.fullmatch(norm):
        first, last = int(found["a"]), int(found["b"])
        if first > last:
            raise cannot(text, f"a plan whose start year is not after its end, not {first}–{last}")
        return plan_span(first, last)
    if found := _QUARTER.fullmatch(norm):
        return quarter_span(int(found["y"]), _quarter_number(text, found["q"]))
    if found := _MONTH.fullmatch(norm):
        month, year = _groups(found, "m", "y")
        if not 1 <= month <= 12:
            raise cannot(text, f"a month 1–12, not {month}")
        return month_span(year, month)
    if (found := _MONTH_EN.fullmatch(norm)) and (month_en := _english_month(found["name"])):
        return month_span(int(found["y"]), month_en)
    for pattern, build in ((_FIRST, first_months_span), (_LAST, last_months_span)):
        if found := pattern.fullmatch(norm):
            months, year = _groups(found, "n", "y")
            if not 1 <= months <= 12:
                raise cannot(text, f"between 1 and 12 months, not {months}")
            return build(year, months)
    return None


def read_span(text: str) -> Span:
    """The two dates of a period written in one of the shapes; see ``parse_period``."""
    if not isinstance(text, str):
        raise DataError(f"parse_period() needs a str, got {type(text).__name__} {text!r}")
    if len(text) > MAX_TEXT:
        raise cannot(text, PERIOD_SHAPES)
    norm = normalise(text)
    try:
        span = _read_named(text, norm) or _read_range(text, norm)
    except DataError as err:  # e.g. year 0000, which the patterns let through
        raise cannot(text, f"{PERIOD_SHAPES}; {err.message}") from None
    if span is None:
        raise cannot(text, PERIOD_SHAPES)
    return span
