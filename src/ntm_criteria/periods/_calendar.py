"""The spans of the calendar: a year, a quarter, a month, the first or last months of a year.

Each span is two inclusive dates, worked out with python-dateutil; both
:class:`~ntm_criteria.periods.Period` and the period parser build on these.
Private: see :mod:`ntm_criteria.periods`.
"""

from __future__ import annotations

import datetime as _dt

from dateutil.relativedelta import relativedelta

from ntm_criteria.errors import DataError

__all__ = [
    "Span",
    "check_count",
    "check_year",
    "first_months_span",
    "is_month_end",
    "last_months_span",
    "month_span",
    "plan_span",
    "quarter_span",
    "year_span",
]

#: Two inclusive dates, first and last.
Span = tuple[_dt.date, _dt.date]


def check_year(year: int) -> None:
    """Refuse a year that is not an int between 1 and 9999."""
    if isinstance(year, bool) or not isinstance(year, int):
        raise DataError(f"year must be an int, got {year!r}")
    if not _dt.MINYEAR <= year <= _dt.MAXYEAR:
        raise DataError(f"year {year} is out of range", expected="a year between 1 and 9999")


def check_count(value: int, what: str, low: int, high: int) -> None:
    """Refuse ``value`` unless it is an int from ``low`` to ``high``."""
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise DataError(f"{what} must be between {low} and {high}, got {value!r}")


def month_end(day: _dt.date) -> _dt.date:
    """The last day of ``day``'s month."""
    return day + relativedelta(day=31)


def is_month_end(day: _dt.date) -> bool:
    """Whether ``day`` is the last day of its month."""
    return month_end(day) == day


def year_span(year: int) -> Span:
    """The calendar year ``year``."""
    check_year(year)
    return _dt.date(year, 1, 1), _dt.date(year, 12, 31)


def quarter_span(year: int, quarter: int) -> Span:
    """Quarter ``quarter`` (1..4) of ``year``."""
    check_year(year)
    check_count(quarter, "quarter", 1, 4)
    return _dt.date(year, 3 * quarter - 2, 1), month_end(_dt.date(year, 3 * quarter, 1))


def month_span(year: int, month: int) -> Span:
    """Month ``month`` (1..12) of ``year``."""
    check_year(year)
    check_count(month, "month", 1, 12)
    start = _dt.date(year, month, 1)
    return start, month_end(start)


def first_months_span(year: int, months: int) -> Span:
    """The first ``months`` (1..12) months of ``year``."""
    check_year(year)
    check_count(months, "number of months", 1, 12)
    return _dt.date(year, 1, 1), month_end(_dt.date(year, months, 1))


def last_months_span(year: int, months: int) -> Span:
    """The last ``months`` (1..12) months of ``year``."""
    check_year(year)
    check_count(months, "number of months", 1, 12)
    return _dt.date(year, 13 - months, 1), _dt.date(year, 12, 31)


def plan_span(start_year: int, end_year: int) -> Span:
    """1 January ``start_year`` to 31 December ``end_year``."""
    check_year(start_year)
    check_year(end_year)
    if start_year > end_year:
        raise DataError(
            f"plan starts in {start_year}, after its end year {end_year}",
            expected="start_year <= end_year",
        )
    return _dt.date(start_year, 1, 1), _dt.date(end_year, 12, 31)
