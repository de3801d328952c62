"""Recurring deadlines: a report due every month, every quarter or every year.

Private: see :mod:`ntm_criteria.periods`.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator
from typing import Literal, TypeAlias

import attrs
from dateutil.rrule import MONTHLY, YEARLY, rrule

from ntm_criteria.errors import DataError
from ntm_criteria.periods._calendar import check_count
from ntm_criteria.periods._dates import as_date, label_lang
from ntm_criteria.text import Lang, message

__all__ = ["Frequency", "RecurringDeadline"]

#: How often a :class:`RecurringDeadline` recurs.
Frequency: TypeAlias = Literal["monthly", "quarterly", "yearly"]

_FREQUENCIES: tuple[str, ...] = ("monthly", "quarterly", "yearly")


def _check_frequency(instance: object, attribute: attrs.Attribute[str], value: object) -> None:
    if value not in _FREQUENCIES:
        raise DataError(
            f"unknown deadline frequency {value!r}", expected="monthly, quarterly or yearly"
        )


def _check_day(instance: object, attribute: attrs.Attribute[int], value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 31:
        raise DataError(f"deadline day must be between 1 and 31, got {value!r}")


# Longest each month can be (February in a leap year).
_MONTH_LENGTHS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


@attrs.frozen(slots=True)
class RecurringDeadline:
    """A deadline that falls on ``day`` every month, every quarter or every year.

    * ``monthly``: on ``day`` of every month;
    * ``quarterly``: on ``day`` of the *last* month of each quarter
      (March, June, September, December);
    * ``yearly``: on ``day`` of ``month`` each year (``month`` is required
      for yearly deadlines and refused otherwise).

    When a month is shorter than ``day`` the deadline is that month's last
    day: a deadline on the 31st falls on 28 or 29 February and 30 April.
    ``description_vi``/``description_en`` say, in free text, what is due.

    >>> d = RecurringDeadline(25, description_vi="Báo cáo tiến độ")
    >>> d.label(), d.label("en")
    ('trước ngày 25 hằng tháng', 'by the 25th of every month')
    >>> RecurringDeadline(15, "yearly")
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.DataError: a yearly deadline needs its month (expected month=1..12)
    """

    day: int = attrs.field(validator=_check_day)
    frequency: Frequency = attrs.field(default="monthly", validator=_check_frequency)
    month: int | None = None
    description_vi: str | None = None
    description_en: str | None = None

    def __attrs_post_init__(self) -> None:
        if self.frequency != "yearly":
            if self.month is not None:
                raise DataError(
                    f"a {self.frequency} deadline takes no month, got month={self.month!r}",
                    expected="month=None, or frequency='yearly'",
                )
            return
        if self.month is None:
            raise DataError("a yearly deadline needs its month", expected="month=1..12")
        check_count(self.month, "deadline month", 1, 12)
        if self.day > _MONTH_LENGTHS[self.month - 1]:
            raise DataError(f"month {self.month} never has a day {self.day}")

    @classmethod
    def monthly(
        cls, day: int, *, description_vi: str | None = None, description_en: str | None = None
    ) -> RecurringDeadline:
        """A deadline on ``day`` of every month.

        >>> from datetime import date
        >>> RecurringDeadline.monthly(25).next_due(date(2022, 6, 26))
        datetime.date(2022, 7, 25)
        """
        return cls(day, "monthly", None, description_vi, description_en)

    @classmethod
    def quarterly(
        cls, day: int, *, description_vi: str | None = None, description_en: str | None = None
    ) -> RecurringDeadline:
        """A deadline on ``day`` of the last month of each quarter.

        >>> from datetime import date
        >>> RecurringDeadline.quarterly(20).next_due(date(2022, 4, 1))
        datetime.date(2022, 6, 20)
        """
        return cls(day, "quarterly", None, description_vi, description_en)

    @classmethod
    def yearly(
        cls,
        month: int,
        day: int,
        *,
        description_vi: str | None = None,
        description_en: str | None = None,
    ) -> RecurringDeadline:
        """A deadline on ``day`` of ``month`` every year.

        >>> RecurringDeadline.yearly(12, 15).label()
        'trước ngày 15/12 hằng năm'
        """
        return cls(day, "yearly", month, description_vi, description_en)

    def _rule(self, start: _dt.date, until: _dt.date | None = None) -> rrule:
        # rrule skips months without ``day``; asking for (day, last day) and
        # keeping the first of the two per month clamps ``day`` to the month.
        bymonth: tuple[int, ...] | None = None
        if self.month is not None:  # only yearly deadlines have one
            bymonth = (self.month,)
        elif self.frequency == "quarterly":
            bymonth = (3, 6, 9, 12)
        return rrule(
            YEARLY if self.frequency == "yearly" else MONTHLY,
            dtstart=_dt.datetime(start.year, start.month, 1),
            bymonth=bymonth,
            bymonthday=(self.day, -1),
            bysetpos=1,
            until=None if until is None else _dt.datetime(until.year, until.month, until.day),
        )

    def due_dates(self, start: _dt.date | str, end: _dt.date | str) -> Iterator[_dt.date]:
        """Every due date from ``start`` to ``end``, both included, in order.

        >>> from datetime import date
        >>> deadline = RecurringDeadline.monthly(31)
        >>> [d.isoformat() for d in deadline.due_dates(date(2023, 1, 1), date(2023, 4, 30))]
        ['2023-01-31', '2023-02-28', '2023-03-31', '2023-04-30']
        """
        first, last = as_date(start), as_date(end)
        if first > last:
            raise DataError(
                f"due dates asked from {first}, after the end {last}", expected="start <= end"
            )
        dates = (due.date() for due in self._rule(first, last))
        return (due for due in dates if due >= first)

    def next_due(self, after: _dt.date | str, *, inclusive: bool = True) -> _dt.date:
        """The first due date on or after ``after`` (strictly after it if not ``inclusive``).

        >>> from datetime import date
        >>> d = RecurringDeadline.monthly(25)
        >>> d.next_due(date(2022, 6, 25)), d.next_due(date(2022, 6, 25), inclusive=False)
        (datetime.date(2022, 6, 25), datetime.date(2022, 7, 25))
        """
        day = as_date(after)
        found = self._rule(day).after(_dt.datetime(day.year, day.month, day.day), inc=inclusive)
        if found is None:
            raise DataError(f"no due date {self.label('en')} after {day}")
        return found.date()

    def label(self, lang: Lang = "vi") -> str:
        """The deadline in words, in Vietnamese (default) or English.

        >>> RecurringDeadline.quarterly(20).label()
        'trước ngày 20 tháng cuối mỗi quý'
        >>> RecurringDeadline.quarterly(20).label("en")
        'by the 20th of the last month of each quarter'
        >>> RecurringDeadline.yearly(12, 15).label("en")
        'by the 15th of December every year'
        """
        language = label_lang(lang)
        day = message(f"periods.day.{self.day}", language)
        if self.month is None:
            return message(f"periods.deadline.{self.frequency}", language, day=day)
        month = message(f"periods.month.{self.month}", language)
        return message("periods.deadline.yearly", language, day=day, month=month)
