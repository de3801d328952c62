"""Day-first dates as Vietnamese documents write them: reading, checking, writing.

Private: see :mod:`ntm_criteria.periods`.
"""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata

from ntm_criteria.errors import DataError, ParseError, UnknownCodeError
from ntm_criteria.text import Lang, check_lang, message

__all__ = ["as_date", "as_optional_date", "format_date", "parse_date"]

# Far longer than any real date or period; bounds the work done on hostile input.
MAX_TEXT = 200

DATE_SHAPES = (
    "a day-first date such as '15/6/2022', '15-6-2022', '15.6.2022', "
    "'ngày 3/8/2022', 'ngày 15 tháng 6 năm 2022' or ISO '2022-06-15'"
)


def normalise(text: str) -> str:
    """Lower-case, strip Vietnamese diacritics, unify dashes and spaces.

    Stripping diacritics lets one ASCII pattern accept both "tháng đầu năm"
    and the unaccented "thang dau nam" that survives many spreadsheets.
    """
    text = unicodedata.normalize("NFKC", text).lower()
    text = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    text = text.replace("đ", "d")
    text = re.sub("[\u2010-\u2015\u2212]", "-", text)
    return " ".join(text.split())


def label_lang(lang: str) -> Lang:
    """``lang`` if labels are written in it; a :class:`DataError` otherwise."""
    try:
        return check_lang(lang)
    except UnknownCodeError:
        raise DataError(f"unknown label language {lang!r}", expected="'vi' or 'en'") from None


def cannot(text: str, expected: str) -> ParseError:
    """The one error of the parsers: ``text`` is not one of the ``expected`` shapes."""
    return ParseError(repr(text), expected=expected)


_ISO_DATE = re.compile(r"(?P<y>[0-9]{4})-(?P<m>[0-9]{1,2})-(?P<d>[0-9]{1,2})")
_DMY_DATE = re.compile(
    r"(?:ngay )?(?P<d>[0-9]{1,2}) ?(?P<sep>[/.-]) ?(?P<m>[0-9]{1,2}) ?(?P=sep) ?(?P<y>[0-9]{4})"
)
_WORDS_DATE = re.compile(
    r"(?:ngay )?(?P<d>[0-9]{1,2}) thang (?P<m>[0-9]{1,2}),? nam (?P<y>[0-9]{4})"
)


def match_date(norm: str) -> re.Match[str] | None:
    """The match of normalised text against one of the date shapes, if any."""
    for pattern in (_ISO_DATE, _DMY_DATE, _WORDS_DATE):
        found = pattern.fullmatch(norm)
        if found:
            return found
    return None


def _date_from_parts(text: str, found: re.Match[str]) -> _dt.date:
    year, month, day = int(found["y"]), int(found["m"]), int(found["d"])
    if not 1 <= month <= 12:
        hint = " (month-first dates are not accepted)" if found.re is not _ISO_DATE else ""
        raise cannot(text, f"{DATE_SHAPES}; there is no month {month}{hint}")
    try:
        return _dt.date(year, month, day)
    except ValueError:
        raise cannot(text, f"a real calendar date ({month}/{year} has no day {day})") from None


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
    if len(text) > MAX_TEXT:
        raise cannot(text, DATE_SHAPES)
    found = match_date(normalise(text))
    if found is None:
        raise cannot(text, DATE_SHAPES)
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

    The year always has four digits, so that what is written reads back.

    >>> format_date(_dt.date(2022, 6, 15)), format_date(_dt.date(2022, 6, 15), "en")
    ('15/06/2022', '2022-06-15')
    """
    return message("periods.date", lang, day=day.day, month=day.month, year=day.year)


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
