"""A reporting period: any span of days, named as Vietnamese reports name it.

Private: see :mod:`ntm_criteria.periods`.
"""

from __future__ import annotations

import datetime as _dt

import attrs

from ntm_criteria.errors import DataError
from ntm_criteria.periods._calendar import (
    first_months_span,
    is_month_end,
    last_months_span,
    month_span,
    plan_span,
    quarter_span,
    year_span,
)
from ntm_criteria.periods._dates import as_date, format_date, label_lang
from ntm_criteria.periods._shapes import read_span
from ntm_criteria.text import Lang, message

__all__ = ["Period", "parse_period"]


def _check_date(instance: object, attribute: attrs.Attribute[_dt.date], value: object) -> None:
    if isinstance(value, _dt.datetime):
        raise DataError(
            f"Period.{attribute.name} got the datetime {value}",
            expected="a datetime.date; pass value.date()",
        )
    if not isinstance(value, _dt.date):
        raise DataError(
            f"Period.{attribute.name} got {type(value).__name__} {value!r}",
            expected="a datetime.date (use Period.between() for strings)",
        )


@attrs.frozen(slots=True)
class Period:
    """A span of days from ``start`` to ``end``, both inclusive.

    Build one with a named constructor (:meth:`year`, :meth:`quarter`,
    :meth:`month`, :meth:`first_months`, :meth:`last_months`, :meth:`plan`,
    :meth:`between`) or read one with :meth:`parse`.  A period does not
    remember how it was built: its :meth:`label` is worked out from the two
    dates, so equal periods always label alike.

    >>> from datetime import date
    >>> p = Period(date(2022, 1, 1), date(2022, 12, 31))
    >>> p == Period.year(2022), p.label()
    (True, 'năm 2022')
    >>> str(p)
    '2022-01-01/2022-12-31'
    >>> Period(date(2022, 12, 31), date(2022, 1, 1))
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.DataError: period starts on 2022-12-31, after its end 2022-01-01 (...)
    """

    start: _dt.date = attrs.field(validator=_check_date)
    end: _dt.date = attrs.field(validator=_check_date)

    def __attrs_post_init__(self) -> None:
        if self.start > self.end:
            raise DataError(
                f"period starts on {self.start}, after its end {self.end}",
                expected="start <= end",
            )

    # ----------------------------------------------------------- constructors

    @classmethod
    def year(cls, year: int) -> Period:
        """The calendar year ``year`` (*năm*).

        >>> str(Period.year(2022))
        '2022-01-01/2022-12-31'
        """
        return cls(*year_span(year))

    @classmethod
    def quarter(cls, year: int, quarter: int) -> Period:
        """Quarter ``quarter`` (1..4) of ``year`` (*quý*).

        >>> str(Period.quarter(2022, 3))
        '2022-07-01/2022-09-30'
        >>> Period.quarter(2022, 5)
        Traceback (most recent call last):
        ...
        ntm_criteria.errors.DataError: quarter must be between 1 and 4, got 5
        """
        return cls(*quarter_span(year, quarter))

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        """Month ``month`` (1..12) of ``year`` (*tháng*).

        >>> str(Period.month(2024, 2))
        '2024-02-01/2024-02-29'
        """
        return cls(*month_span(year, month))

    @classmethod
    def first_months(cls, year: int, months: int) -> Period:
        """The first ``months`` (1..12) months of ``year`` (*9 tháng đầu năm*).

        >>> str(Period.first_months(2022, 9))
        '2022-01-01/2022-09-30'
        """
        return cls(*first_months_span(year, months))

    @classmethod
    def last_months(cls, year: int, months: int) -> Period:
        """The last ``months`` (1..12) months of ``year`` (*3 tháng cuối năm*).

        >>> str(Period.last_months(2022, 6))
        '2022-07-01/2022-12-31'
        """
        return cls(*last_months_span(year, months))

    @classmethod
    def plan(cls, start_year: int, end_year: int) -> Period:
        """A multi-year plan period, 1 January ``start_year`` to 31 December ``end_year``.

        >>> str(Period.plan(2021, 2025))
        '2021-01-01/2025-12-31'
        >>> Period.plan(2025, 2021)
        Traceback (most recent call last):
        ...
        ntm_criteria.errors.DataError: plan starts in 2025, after its end year 2021 (...)
        """
        return cls(*plan_span(start_year, end_year))

    @classmethod
    def between(cls, start: _dt.date | str, end: _dt.date | str) -> Period:
        """The days from ``start`` to ``end`` inclusive; strings are read with :func:`parse_date`.

        >>> Period.between("15/6/2022", "31/12/2022").label()
        '15/06/2022 – 31/12/2022'
        """
        return cls(as_date(start), as_date(end))

    @classmethod
    def parse(cls, text: str) -> Period:
        """Read a period written in one of the usual Vietnamese (or English) shapes.

        Same as :func:`parse_period`.

        >>> Period.parse("giai đoạn 2021-2025") == Period.plan(2021, 2025)
        True
        """
        return parse_period(text)

    # ----------------------------------------------------------- queries

    def contains(self, day: _dt.date | str) -> bool:
        """Whether ``day`` falls within the period (ends included).

        >>> from datetime import date
        >>> Period.year(2022).contains(date(2022, 12, 31))
        True
        >>> Period.year(2022).contains("1/1/2023")
        False
        """
        return self.start <= as_date(day) <= self.end

    def __contains__(self, day: _dt.date | str) -> bool:
        """``day in period``, as :meth:`contains`.

        >>> from datetime import date
        >>> date(2022, 7, 1) in Period.quarter(2022, 3)
        True
        """
        return self.contains(day)

    def overlaps(self, other: Period) -> bool:
        """Whether the two periods share at least one day.

        >>> Period.year(2022).overlaps(Period.plan(2021, 2025))
        True
        >>> Period.quarter(2022, 1).overlaps(Period.quarter(2022, 2))
        False
        """
        return self.start <= other.end and other.start <= self.end

    def intersection(self, other: Period) -> Period | None:
        """The days both periods share, or ``None`` when they do not meet.

        >>> str(Period.year(2022).intersection(Period.between("1/10/2021", "31/3/2022")))
        '2022-01-01/2022-03-31'
        >>> Period.year(2021).intersection(Period.year(2022)) is None
        True
        """
        start, end = max(self.start, other.start), min(self.end, other.end)
        if start > end:
            return None
        return Period(start, end)

    @property
    def days(self) -> int:
        """The number of days in the period, both ends counted.

        >>> Period.year(2024).days, Period.month(2023, 2).days
        (366, 28)
        """
        return (self.end - self.start).days + 1

    @property
    def years(self) -> tuple[int, ...]:
        """The calendar years the period touches.

        >>> Period.between("1/10/2021", "31/3/2023").years
        (2021, 2022, 2023)
        """
        return tuple(range(self.start.year, self.end.year + 1))

    # ----------------------------------------------------------- labels

    def label(self, lang: Lang = "vi") -> str:
        """A human name for the period, in Vietnamese (default) or English.

        The shape is recognised from the dates, in this order: year, plan,
        quarter, month, first months of a year, last months of a year, and
        otherwise two dates.  So the first three months of a year are
        labelled as quarter 1, and the last three as quarter 4.

        >>> Period.year(2022).label(), Period.year(2022).label("en")
        ('năm 2022', 'year 2022')
        >>> Period.plan(2021, 2025).label(), Period.plan(2021, 2025).label("en")
        ('giai đoạn 2021–2025', '2021–2025')
        >>> Period.month(2022, 6).label(), Period.month(2022, 6).label("en")
        ('tháng 6/2022', 'June 2022')
        >>> Period.first_months(2022, 9).label()
        '9 tháng đầu năm 2022'
        >>> Period.last_months(2022, 6).label("en")
        'last 6 months of 2022'
        >>> Period.between("1/3/2024", "31/12/2025").label("en")
        '2024-03-01 – 2025-12-31'
        """
        language = label_lang(lang)
        start, end = self.start, self.end
        if start.day == 1 and is_month_end(end):
            named = _named_label(start, end, language)
            if named is not None:
                return named
        return message(
            "periods.label.days",
            language,
            start=format_date(start, language),
            end=format_date(end, language),
        )

    def __str__(self) -> str:
        """The ISO 8601 interval ``start/end``.

        >>> print(Period.month(2022, 6))
        2022-06-01/2022-06-30
        """
        return f"{self.start.isoformat()}/{self.end.isoformat()}"


def _named_label(start: _dt.date, end: _dt.date, lang: Lang) -> str | None:
    """The label of a period that starts on a 1st and ends on a month's last day."""
    first, last = start.month, end.month
    # Four digits even before year 1000, so that every label parses back.
    year, end_year = f"{start.year:04d}", f"{end.year:04d}"
    if first == 1 and last == 12:
        if year == end_year:
            return message("periods.label.year", lang, year=year)
        return message("periods.label.plan", lang, year=year, end_year=end_year)
    if year != end_year:
        return None
    if first % 3 == 1 and last == first + 2:
        return message("periods.label.quarter", lang, quarter=last // 3, year=year)
    if first == last:
        month = message(f"periods.month.{first}", lang)
        return message("periods.label.month", lang, month=month, year=year)
    if first == 1:
        return message("periods.label.first_months", lang, months=last, year=year)
    if last == 12:
        return message("periods.label.last_months", lang, months=13 - first, year=year)
    return None


def parse_period(text: str) -> Period:
    """Read a period: a year, plan, quarter, month, first/last months, or two dates.

    Accepted shapes (case, extra spaces, Unicode dashes and missing
    Vietnamese diacritics are all tolerated): ``2022``, ``năm 2022``,
    ``2021–2025``, ``giai đoạn 2021-2025``, ``Q3/2022``, ``quý 3/2022``,
    ``quý III/2022``, ``6/2022``, ``tháng 6/2022``, ``9 tháng đầu năm 2022``,
    ``3 tháng cuối năm 2022``, ``2022-01-01/2022-12-31`` and
    ``15/6/2022 - 31/12/2022``; also every English :meth:`Period.label`
    (``Q3 2022``, ``June 2022``, ``first 9 months of 2022``).  Anything
    else raises :class:`~ntm_criteria.errors.ParseError`, and nothing else.

    >>> str(parse_period("Quý  III / 2022"))
    '2022-07-01/2022-09-30'
    >>> parse_period("3 tháng cuối năm 2022") == Period.quarter(2022, 4)
    True
    >>> str(parse_period("15/6/2022 – 31/12/2022"))
    '2022-06-15/2022-12-31'
    >>> parse_period("quý 5/2022")
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.ParseError: cannot parse 'quý 5/2022' (expected a quarter 1–4 ..., not '5')
    """
    return Period(*read_span(text))
