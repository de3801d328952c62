"""Dates, reporting periods and recurring deadlines, on python-dateutil.

Vietnamese decisions and reports name their time spans in a handful of
fixed shapes: a year (*năm 2022*), a quarter (*quý III/2022*), a month
(*tháng 6/2022*), the first or last months of a year (*9 tháng đầu năm
2022*, *3 tháng cuối năm 2022*), a five-year plan (*giai đoạn 2021–2025*),
or two day-first dates.  :class:`Period` holds any span as two inclusive
dates and recognises those shapes again from the dates alone, so a period
built one way labels and compares the same as one built another way.

>>> p = Period.parse("quý III/2022")
>>> str(p)
'2022-07-01/2022-09-30'
>>> p.label(), p.label("en")
('quý 3/2022', 'Q3 2022')
>>> Period.parse("9 tháng đầu năm 2022") == Period.first_months(2022, 9)
True
>>> parse_date("ngày 15 tháng 6 năm 2022")
datetime.date(2022, 6, 15)
>>> RecurringDeadline.monthly(25).label()
'trước ngày 25 hằng tháng'

Two type aliases are public: ``Lang`` (``"vi"`` or ``"en"``, the language of
a label) and ``Frequency`` (how often a :class:`RecurringDeadline` recurs).

>>> from typing import get_args
>>> get_args(Lang), get_args(Frequency)
(('vi', 'en'), ('monthly', 'quarterly', 'yearly'))

Parsing only ever raises :class:`~ntm_criteria.errors.ParseError` for a
string it cannot read; values that are out of range when built directly
(a start after the end, quarter 5) raise
:class:`~ntm_criteria.errors.DataError`.
"""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from collections.abc import Iterator
from typing import Literal, TypeAlias

import attrs
from dateutil.relativedelta import relativedelta
from dateutil.rrule import MONTHLY, YEARLY, rrule

from ntm_criteria.errors import DataError, ParseError

__all__ = [
    "Frequency",
    "Lang",
    "Period",
    "RecurringDeadline",
    "as_date",
    "as_optional_date",
    "format_date",
    "parse_date",
    "parse_period",
]

Lang: TypeAlias = Literal["vi", "en"]
Frequency: TypeAlias = Literal["monthly", "quarterly", "yearly"]

_LANGS: tuple[str, ...] = ("vi", "en")
_FREQUENCIES: tuple[str, ...] = ("monthly", "quarterly", "yearly")

_MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_ROMAN_QUARTERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4}

# Far longer than any real period; bounds the work done on hostile input.
_MAX_TEXT = 200

_DATE_SHAPES = (
    "a day-first date such as '15/6/2022', '15-6-2022', '15.6.2022', "
    "'ngày 3/8/2022', 'ngày 15 tháng 6 năm 2022' or ISO '2022-06-15'"
)
_PERIOD_SHAPES = (
    "a period such as '2022', 'năm 2022', '2021–2025', 'giai đoạn 2021–2025', "
    "'Q3/2022', 'quý 3/2022', 'quý III/2022', '6/2022', 'tháng 6/2022', "
    "'9 tháng đầu năm 2022', '3 tháng cuối năm 2022', '2022-01-01/2022-12-31' "
    "or '15/6/2022 - 31/12/2022'"
)


# --------------------------------------------------------------------------- text


def _normalise(text: str) -> str:
    """Lower-case, strip Vietnamese diacritics, unify dashes and spaces.

    Stripping diacritics lets one ASCII pattern accept both "tháng đầu năm"
    and the unaccented "thang dau nam" that survives many spreadsheets.
    """
    text = unicodedata.normalize("NFKC", text).lower()
    text = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    text = text.replace("đ", "d")
    text = re.sub("[\u2010-\u2015\u2212]", "-", text)
    return " ".join(text.split())


def _cannot(text: str, expected: str) -> ParseError:
    return ParseError(repr(text), expected=expected)


# --------------------------------------------------------------------------- dates

_ISO_DATE = re.compile(r"(?P<y>[0-9]{4})-(?P<m>[0-9]{1,2})-(?P<d>[0-9]{1,2})")
_DMY_DATE = re.compile(
    r"(?:ngay )?(?P<d>[0-9]{1,2}) ?(?P<sep>[/.-]) ?(?P<m>[0-9]{1,2}) ?(?P=sep) ?(?P<y>[0-9]{4})"
)
_WORDS_DATE = re.compile(
    r"(?:ngay )?(?P<d>[0-9]{1,2}) thang (?P<m>[0-9]{1,2}),? nam (?P<y>[0-9]{4})"
)


def _match_date(norm: str) -> re.Match[str] | None:
    for pattern in (_ISO_DATE, _DMY_DATE, _WORDS_DATE):
        found = pattern.fullmatch(norm)
        if found:
            return found
    return None


def _date_from_parts(text: str, found: re.Match[str]) -> _dt.date:
    year, month, day = int(found["y"]), int(found["m"]), int(found["d"])
    if not 1 <= month <= 12:
        hint = " (month-first dates are not accepted)" if found.re is not _ISO_DATE else ""
        raise _cannot(text, f"{_DATE_SHAPES}; there is no month {month}{hint}")
    try:
        return _dt.date(year, month, day)
    except ValueError:
        raise _cannot(text, f"a real calendar date ({month}/{year} has no day {day})") from None


def parse_date(text: str) -> _dt.date:
    """Read a Vietnamese day-first date, or an ISO date.

    Accepted: ``15/6/2022``, ``15/06/2022``, ``15-6-2022``, ``15.6.2022``,
    ``ngày 3/8/2022``, ``ngày 15 tháng 6 năm 2022`` and ``2022-06-15``.
    Month-first dates are never guessed, and any string that is not one of
    these shapes, or not a real calendar date, raises
    :class:`~ntm_criteria.errors.ParseError` (and nothing else).

    >>> parse_date("15/6/2022")
    datetime.date(2022, 6, 15)
    >>> parse_date("Ngày 15 tháng 6 năm 2022")
    datetime.date(2022, 6, 15)
    >>> parse_date("2022-06-15")
    datetime.date(2022, 6, 15)
    >>> parse_date("6/15/2022")
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.ParseError: cannot parse '6/15/2022' (... no month 15 (month-first ...))
    >>> parse_date("31/2/2022")
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.ParseError: cannot parse '31/2/2022' (... (2/2022 has no day 31))
    """
    if not isinstance(text, str):
        raise DataError(f"parse_date() needs a str, got {type(text).__name__} {text!r}")
    if len(text) > _MAX_TEXT:
        raise _cannot(text, _DATE_SHAPES)
    found = _match_date(_normalise(text))
    if found is None:
        raise _cannot(text, _DATE_SHAPES)
    return _date_from_parts(text, found)


def as_optional_date(value: _dt.date | str | None) -> _dt.date | None:
    """Like :func:`as_date`, but ``None`` and a blank string (an empty CSV cell) give ``None``.

    >>> as_optional_date(""), as_optional_date("15/6/2022")
    (None, datetime.date(2022, 6, 15))
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return as_date(value)


def format_date(day: _dt.date, lang: str = "vi") -> str:
    """A date as reports write it: ``15/06/2022`` in Vietnamese, ISO in English.

    >>> format_date(_dt.date(2022, 6, 15)), format_date(_dt.date(2022, 6, 15), "en")
    ('15/06/2022', '2022-06-15')
    """
    return day.strftime("%d/%m/%Y") if lang == "vi" else day.isoformat()


def as_date(value: _dt.date | str) -> _dt.date:
    """Return ``value`` as a :class:`datetime.date`, reading strings with :func:`parse_date`.

    A :class:`datetime.datetime` is refused rather than silently truncated.

    >>> from datetime import date, datetime
    >>> as_date("15/6/2022")
    datetime.date(2022, 6, 15)
    >>> as_date(date(2022, 6, 15))
    datetime.date(2022, 6, 15)
    >>> as_date(datetime(2022, 6, 15, 8, 30))
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.DataError: got the datetime 2022-06-15 08:30:00 ... pass value.date())
    """
    if isinstance(value, _dt.datetime):
        raise DataError(
            f"got the datetime {value} where a date is needed",
            expected="a datetime.date; pass value.date()",
        )
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str):
        return parse_date(value)
    raise DataError(
        f"got {type(value).__name__} {value!r} where a date is needed",
        expected="a datetime.date or a string such as '15/6/2022'",
    )


# --------------------------------------------------------------------------- periods


def _check_year(year: int) -> None:
    if isinstance(year, bool) or not isinstance(year, int):
        raise DataError(f"year must be an int, got {year!r}")
    if not _dt.MINYEAR <= year <= _dt.MAXYEAR:
        raise DataError(f"year {year} is out of range", expected="a year between 1 and 9999")


def _check_count(value: int, what: str, low: int, high: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise DataError(f"{what} must be between {low} and {high}, got {value!r}")


def _month_end(day: _dt.date) -> _dt.date:
    return day + relativedelta(day=31)


def _is_month_end(day: _dt.date) -> bool:
    return _month_end(day) == day


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
        _check_year(year)
        return cls(_dt.date(year, 1, 1), _dt.date(year, 12, 31))

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
        _check_year(year)
        _check_count(quarter, "quarter", 1, 4)
        return cls(_dt.date(year, 3 * quarter - 2, 1), _month_end(_dt.date(year, 3 * quarter, 1)))

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        """Month ``month`` (1..12) of ``year`` (*tháng*).

        >>> str(Period.month(2024, 2))
        '2024-02-01/2024-02-29'
        """
        _check_year(year)
        _check_count(month, "month", 1, 12)
        start = _dt.date(year, month, 1)
        return cls(start, _month_end(start))

    @classmethod
    def first_months(cls, year: int, months: int) -> Period:
        """The first ``months`` (1..12) months of ``year`` (*9 tháng đầu năm*).

        >>> str(Period.first_months(2022, 9))
        '2022-01-01/2022-09-30'
        """
        _check_year(year)
        _check_count(months, "number of months", 1, 12)
        return cls(_dt.date(year, 1, 1), _month_end(_dt.date(year, months, 1)))

    @classmethod
    def last_months(cls, year: int, months: int) -> Period:
        """The last ``months`` (1..12) months of ``year`` (*3 tháng cuối năm*).

        >>> str(Period.last_months(2022, 6))
        '2022-07-01/2022-12-31'
        """
        _check_year(year)
        _check_count(months, "number of months", 1, 12)
        return cls(_dt.date(year, 13 - months, 1), _dt.date(year, 12, 31))

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
        _check_year(start_year)
        _check_year(end_year)
        if start_year > end_year:
            raise DataError(
                f"plan starts in {start_year}, after its end year {end_year}",
                expected="start_year <= end_year",
            )
        return cls(_dt.date(start_year, 1, 1), _dt.date(end_year, 12, 31))

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
        if lang not in _LANGS:
            raise DataError(f"unknown label language {lang!r}", expected="'vi' or 'en'")
        vi = lang == "vi"
        start, end = self.start, self.end
        if start.day == 1 and _is_month_end(end):
            named = _named_label(start, end, vi=vi)
            if named is not None:
                return named
        if vi:
            return f"{start:%d/%m/}{start.year:04d} – {end:%d/%m/}{end.year:04d}"
        return f"{start.isoformat()} – {end.isoformat()}"

    def __str__(self) -> str:
        """The ISO 8601 interval ``start/end``.

        >>> print(Period.month(2022, 6))
        2022-06-01/2022-06-30
        """
        return f"{self.start.isoformat()}/{self.end.isoformat()}"


def _named_label(start: _dt.date, end: _dt.date, *, vi: bool) -> str | None:
    """The label of a period that starts on a 1st and ends on a month's last day."""
    first, last = start.month, end.month
    # Four digits even before year 1000, so that every label parses back.
    year, end_year = f"{start.year:04d}", f"{end.year:04d}"
    if first == 1 and last == 12:
        if year == end_year:
            return f"năm {year}" if vi else f"year {year}"
        return f"giai đoạn {year}–{end_year}" if vi else f"{year}–{end_year}"
    if year != end_year:
        return None
    if first % 3 == 1 and last == first + 2:
        quarter = last // 3
        return f"quý {quarter}/{year}" if vi else f"Q{quarter} {year}"
    if first == last:
        return f"tháng {first}/{year}" if vi else f"{_MONTHS_EN[first - 1]} {year}"
    if first == 1:
        return f"{last} tháng đầu năm {year}" if vi else f"first {last} months of {year}"
    if last == 12:
        count = 13 - first
        return f"{count} tháng cuối năm {year}" if vi else f"last {count} months of {year}"
    return None


# --------------------------------------------------------------------------- parse_period

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
_RANGE_SEPARATOR = re.compile(r" - | ?/ ?| den | to |-")
_RANGE_PREFIX = re.compile(r"(?:tu|from) ")


def _groups(found: re.Match[str], *names: str) -> tuple[int, ...]:
    """The named integers of a match whose pattern has two spellings (``m``/``m2``)."""
    return tuple(
        int(found[name] if found[name] is not None else found[name + "2"]) for name in names
    )


def _english_month(name: str) -> int | None:
    for number, full in enumerate(_MONTHS_EN, start=1):
        full = full.lower()
        if name == full or name == full[:3]:
            return number
    return None


def _quarter_number(text: str, written: str) -> int:
    number = _ROMAN_QUARTERS.get(written)
    if number is None and written.isdigit():
        number = int(written)
    if number is None or not 1 <= number <= 4:
        raise _cannot(text, f"a quarter 1–4 or I–IV, not {written.upper()!r}")
    return number


def _parse_range(text: str, norm: str) -> Period | None:
    """Split ``norm`` into two dates at the first separator where both sides look like dates."""
    for sep in _RANGE_SEPARATOR.finditer(norm):
        left = _RANGE_PREFIX.sub("", norm[: sep.start()].strip(), count=1)
        right = norm[sep.end() :].strip()
        if _match_date(left) is None or _match_date(right) is None:
            continue
        try:
            start, end = parse_date(left), parse_date(right)
        except ParseError as err:
            raise _cannot(text, f"two real dates; {err.text}: {err.expected}") from None
        if start > end:
            raise _cannot(text, f"a start no later than the end, not {start} after {end}")
        return Period(start, end)
    return None


def _parse_named(text: str, norm: str) -> Period | None:
    """The year, plan, quarter, month, first- and last-months shapes."""
    if found := _YEAR.fullmatch(norm):
        return Period.year(int(found["y"]))
    if found := _PLAN.fullmatch(norm):
        first, last = int(found["a"]), int(found["b"])
        if first > last:
            raise _cannot(text, f"a plan whose start year is not after its end, not {first}–{last}")
        return Period.plan(first, last)
    if found := _QUARTER.fullmatch(norm):
        return Period.quarter(int(found["y"]), _quarter_number(text, found["q"]))
    if found := _MONTH.fullmatch(norm):
        month, year = _groups(found, "m", "y")
        if not 1 <= month <= 12:
            raise _cannot(text, f"a month 1–12, not {month}")
        return Period.month(year, month)
    if (found := _MONTH_EN.fullmatch(norm)) and (month_en := _english_month(found["name"])):
        return Period.month(int(found["y"]), month_en)
    for pattern, build in ((_FIRST, Period.first_months), (_LAST, Period.last_months)):
        if found := pattern.fullmatch(norm):
            months, year = _groups(found, "n", "y")
            if not 1 <= months <= 12:
                raise _cannot(text, f"between 1 and 12 months, not {months}")
            return build(year, months)
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
    if not isinstance(text, str):
        raise DataError(f"parse_period() needs a str, got {type(text).__name__} {text!r}")
    if len(text) > _MAX_TEXT:
        raise _cannot(text, _PERIOD_SHAPES)
    norm = _normalise(text)
    try:
        period = _parse_named(text, norm) or _parse_range(text, norm)
    except DataError as err:  # e.g. year 0000, which the patterns let through
        raise _cannot(text, f"{_PERIOD_SHAPES}; {err.message}") from None
    if period is None:
        raise _cannot(text, _PERIOD_SHAPES)
    return period


# --------------------------------------------------------------------------- deadlines


def _ordinal(number: int) -> str:
    if 11 <= number % 100 <= 13:
        return f"{number}th"
    suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


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
        _check_count(self.month, "deadline month", 1, 12)
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
        if lang not in _LANGS:
            raise DataError(f"unknown label language {lang!r}", expected="'vi' or 'en'")
        if lang == "vi":
            if self.frequency == "monthly":
                return f"trước ngày {self.day} hằng tháng"
            if self.frequency == "quarterly":
                return f"trước ngày {self.day} tháng cuối mỗi quý"
            return f"trước ngày {self.day}/{self.month} hằng năm"
        day = _ordinal(self.day)
        if self.frequency == "monthly":
            return f"by the {day} of every month"
        if self.frequency == "quarterly":
            return f"by the {day} of the last month of each quarter"
        assert self.month is not None  # checked in __attrs_post_init__
        return f"by the {day} of {_MONTHS_EN[self.month - 1]} every year"
