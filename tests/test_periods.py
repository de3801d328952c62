"""Tests for :mod:`ntm_criteria.periods`: periods, day-first dates and recurring deadlines."""

from __future__ import annotations

import contextlib
import itertools
import unicodedata
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ntm_criteria.errors import DataError, ParseError
from ntm_criteria.periods import (
    Period,
    RecurringDeadline,
    as_date,
    parse_date,
    parse_period,
)

D = date

# --------------------------------------------------------------------------- constructors


class TestConstructors:
    def test_year(self) -> None:
        assert Period.year(2022) == Period(D(2022, 1, 1), D(2022, 12, 31))

    @pytest.mark.parametrize(
        ("quarter", "start", "end"),
        [
            (1, D(2022, 1, 1), D(2022, 3, 31)),
            (2, D(2022, 4, 1), D(2022, 6, 30)),
            (3, D(2022, 7, 1), D(2022, 9, 30)),
            (4, D(2022, 10, 1), D(2022, 12, 31)),
        ],
    )
    def test_quarter(self, quarter: int, start: date, end: date) -> None:
        assert Period.quarter(2022, quarter) == Period(start, end)

    @pytest.mark.parametrize(
        ("year", "month", "end"),
        [
            (2022, 1, D(2022, 1, 31)),
            (2022, 4, D(2022, 4, 30)),
            (2022, 6, D(2022, 6, 30)),
            (2022, 12, D(2022, 12, 31)),
            (2023, 2, D(2023, 2, 28)),
            (2024, 2, D(2024, 2, 29)),  # leap year
            (2000, 2, D(2000, 2, 29)),  # divisible by 400: leap
            (1900, 2, D(1900, 2, 28)),  # divisible by 100 only: not leap
        ],
    )
    def test_month(self, year: int, month: int, end: date) -> None:
        assert Period.month(year, month) == Period(D(year, month, 1), end)

    def test_month_leap_february_days(self) -> None:
        assert Period.month(2024, 2).days == 29
        assert Period.month(2023, 2).days == 28

    @pytest.mark.parametrize(
        ("months", "end"),
        [
            (1, D(2022, 1, 31)),
            (2, D(2022, 2, 28)),
            (6, D(2022, 6, 30)),
            (9, D(2022, 9, 30)),
            (11, D(2022, 11, 30)),
            (12, D(2022, 12, 31)),
        ],
    )
    def test_first_months(self, months: int, end: date) -> None:
        assert Period.first_months(2022, months) == Period(D(2022, 1, 1), end)

    def test_first_months_leap(self) -> None:
        assert Period.first_months(2024, 2).end == D(2024, 2, 29)

    @pytest.mark.parametrize(
        ("months", "start"),
        [
            (1, D(2022, 12, 1)),
            (3, D(2022, 10, 1)),
            (6, D(2022, 7, 1)),
            (11, D(2022, 2, 1)),
            (12, D(2022, 1, 1)),
        ],
    )
    def test_last_months(self, months: int, start: date) -> None:
        assert Period.last_months(2022, months) == Period(start, D(2022, 12, 31))

    def test_plan(self) -> None:
        assert Period.plan(2021, 2025) == Period(D(2021, 1, 1), D(2025, 12, 31))
        assert Period.plan(2022, 2022) == Period.year(2022)

    def test_between_dates_and_strings(self) -> None:
        expected = Period(D(2022, 6, 15), D(2022, 12, 31))
        assert Period.between(D(2022, 6, 15), D(2022, 12, 31)) == expected
        assert Period.between("15/6/2022", "31/12/2022") == expected
        assert Period.between("2022-06-15", D(2022, 12, 31)) == expected

    def test_single_day(self) -> None:
        assert Period.between("1/1/2022", "1/1/2022").days == 1

    def test_extreme_years(self) -> None:
        assert Period.year(1).start == D(1, 1, 1)
        assert Period.year(9999).end == D(9999, 12, 31)
        assert Period.first_months(9999, 12) == Period.year(9999)
        assert Period.quarter(9999, 4).end == D(9999, 12, 31)

    @pytest.mark.parametrize(
        ("build", "message"),
        [
            (lambda: Period.quarter(2022, 0), "quarter must be between 1 and 4, got 0"),
            (lambda: Period.quarter(2022, 5), "quarter must be between 1 and 4, got 5"),
            (lambda: Period.month(2022, 0), "month must be between 1 and 12, got 0"),
            (lambda: Period.month(2022, 13), "month must be between 1 and 12, got 13"),
            (lambda: Period.first_months(2022, 0), "number of months must be between 1 and 12"),
            (lambda: Period.first_months(2022, 13), "got 13"),
            (lambda: Period.last_months(2022, 0), "got 0"),
            (lambda: Period.last_months(2022, 13), "got 13"),
            (lambda: Period.year(0), "year 0 is out of range"),
            (lambda: Period.year(10000), "year 10000 is out of range"),
            (lambda: Period.year(True), "year must be an int, got True"),
            (lambda: Period.quarter(2022, True), "got True"),
            (lambda: Period.plan(2025, 2021), "plan starts in 2025, after its end year 2021"),
            (lambda: Period.plan(2021, 10000), "year 10000"),
        ],
    )
    def test_constructor_errors(self, build: Any, message: str) -> None:
        with pytest.raises(DataError, match=message):
            build()

    def test_start_after_end_names_both_dates(self) -> None:
        with pytest.raises(DataError) as info:
            Period(D(2022, 12, 31), D(2022, 1, 1))
        assert "2022-12-31" in str(info.value)
        assert "2022-01-01" in str(info.value)

    def test_between_start_after_end(self) -> None:
        with pytest.raises(DataError, match=r"2023-01-01.*2022-01-01"):
            Period.between("1/1/2023", "1/1/2022")

    def test_between_bad_string(self) -> None:
        with pytest.raises(ParseError, match="'32/1/2022'"):
            Period.between("32/1/2022", "1/2/2022")

    @pytest.mark.parametrize(
        ("start", "end"),
        [
            (datetime(2022, 1, 1), D(2022, 12, 31)),
            (D(2022, 1, 1), datetime(2022, 12, 31)),
        ],
    )
    def test_datetime_refused(self, start: date, end: date) -> None:
        with pytest.raises(DataError, match=r"datetime.*\.date\(\)"):
            Period(start, end)

    def test_between_datetime_refused(self) -> None:
        with pytest.raises(DataError, match=r"pass value\.date\(\)"):
            Period.between(datetime(2022, 1, 1, 8), "31/12/2022")

    @pytest.mark.parametrize("value", ["2022-01-01", 20220101, None])
    def test_non_date_refused(self, value: Any) -> None:
        with pytest.raises(DataError, match=r"Period\.start got"):
            Period(value, D(2022, 12, 31))

    def test_frozen(self) -> None:
        period = Period.year(2022)
        with pytest.raises(AttributeError):
            period.start = D(2021, 1, 1)  # type: ignore[misc]

    def test_hashable_and_equal_however_built(self) -> None:
        built = {
            Period.year(2022),
            Period.plan(2022, 2022),
            Period.first_months(2022, 12),
            Period.last_months(2022, 12),
            Period.between("1/1/2022", "31/12/2022"),
            Period.parse("năm 2022"),
        }
        assert len(built) == 1


# --------------------------------------------------------------------------- queries


class TestQueries:
    def test_contains_bounds_inclusive(self) -> None:
        q3 = Period.quarter(2022, 3)
        assert D(2022, 7, 1) in q3
        assert D(2022, 9, 30) in q3
        assert D(2022, 6, 30) not in q3
        assert D(2022, 10, 1) not in q3
        assert q3.contains(D(2022, 8, 15))

    def test_contains_string(self) -> None:
        assert Period.year(2022).contains("31/12/2022")
        assert "1/1/2023" not in Period.year(2022)

    def test_contains_datetime_refused(self) -> None:
        with pytest.raises(DataError, match="datetime"):
            datetime(2022, 7, 1) in Period.year(2022)  # noqa: B015

    @pytest.mark.parametrize(
        ("a", "b", "expected"),
        [
            (Period.year(2022), Period.plan(2021, 2025), True),
            (Period.quarter(2022, 1), Period.quarter(2022, 2), False),
            (Period.year(2021), Period.year(2022), False),
            (Period.between("1/1/2022", "1/3/2022"), Period.between("1/3/2022", "1/4/2022"), True),
            (Period.month(2022, 6), Period.month(2022, 6), True),
        ],
    )
    def test_overlaps(self, a: Period, b: Period, expected: bool) -> None:
        assert a.overlaps(b) is expected
        assert b.overlaps(a) is expected

    def test_intersection(self) -> None:
        a = Period.between("1/10/2021", "31/3/2022")
        assert a.intersection(Period.year(2022)) == Period.quarter(2022, 1)
        assert Period.year(2022).intersection(a) == Period.quarter(2022, 1)
        assert Period.year(2022).intersection(Period.plan(2021, 2025)) == Period.year(2022)
        touching = Period.between("1/3/2022", "1/4/2022")
        assert Period.between("1/1/2022", "1/3/2022").intersection(touching) == Period.between(
            "1/3/2022", "1/3/2022"
        )
        assert Period.year(2021).intersection(Period.year(2022)) is None

    @pytest.mark.parametrize(
        ("period", "days"),
        [
            (Period.year(2022), 365),
            (Period.year(2024), 366),
            (Period.quarter(2022, 1), 90),
            (Period.quarter(2024, 1), 91),
            (Period.quarter(2022, 3), 92),
            (Period.month(2024, 2), 29),
            (Period.plan(2021, 2025), 1826),
            (Period.between("15/6/2022", "15/6/2022"), 1),
        ],
    )
    def test_days(self, period: Period, days: int) -> None:
        assert period.days == days

    def test_years(self) -> None:
        assert Period.year(2022).years == (2022,)
        assert Period.plan(2021, 2025).years == (2021, 2022, 2023, 2024, 2025)
        assert Period.between("31/12/2021", "1/1/2022").years == (2021, 2022)

    def test_str(self) -> None:
        assert str(Period.year(2022)) == "2022-01-01/2022-12-31"
        assert str(Period.between("3/8/2022", "5/9/2022")) == "2022-08-03/2022-09-05"


# --------------------------------------------------------------------------- labels

LABELS = [
    (Period.year(2022), "năm 2022", "year 2022"),
    (Period.plan(2021, 2025), "giai đoạn 2021–2025", "2021–2025"),
    (Period.quarter(2022, 1), "quý 1/2022", "Q1 2022"),
    (Period.quarter(2022, 2), "quý 2/2022", "Q2 2022"),
    (Period.quarter(2022, 3), "quý 3/2022", "Q3 2022"),
    (Period.quarter(2022, 4), "quý 4/2022", "Q4 2022"),
    (Period.month(2022, 1), "tháng 1/2022", "January 2022"),
    (Period.month(2022, 6), "tháng 6/2022", "June 2022"),
    (Period.month(2024, 2), "tháng 2/2024", "February 2024"),
    (Period.first_months(2022, 6), "6 tháng đầu năm 2022", "first 6 months of 2022"),
    (Period.first_months(2022, 9), "9 tháng đầu năm 2022", "first 9 months of 2022"),
    (Period.first_months(2022, 2), "2 tháng đầu năm 2022", "first 2 months of 2022"),
    (Period.last_months(2022, 6), "6 tháng cuối năm 2022", "last 6 months of 2022"),
    (Period.last_months(2022, 5), "5 tháng cuối năm 2022", "last 5 months of 2022"),
    (
        Period.between("1/3/2024", "31/12/2025"),
        "01/03/2024 – 31/12/2025",
        "2024-03-01 – 2025-12-31",
    ),
    (
        Period.between("15/6/2022", "31/12/2022"),
        "15/06/2022 – 31/12/2022",
        "2022-06-15 – 2022-12-31",
    ),
    # Month-aligned but neither a quarter nor anchored to January or December.
    (
        Period.between("1/2/2022", "30/4/2022"),
        "01/02/2022 – 30/04/2022",
        "2022-02-01 – 2022-04-30",
    ),
    # Month-aligned across a year boundary.
    (
        Period.between("1/7/2021", "30/6/2022"),
        "01/07/2021 – 30/06/2022",
        "2021-07-01 – 2022-06-30",
    ),
    (Period.year(5), "năm 0005", "year 0005"),
    (Period.quarter(999, 2), "quý 2/0999", "Q2 0999"),
    (Period.between("1/1/0005", "2/1/0005"), "01/01/0005 – 02/01/0005", "0005-01-01 – 0005-01-02"),
]


class TestLabels:
    @pytest.mark.parametrize(("period", "vi", "en"), LABELS)
    def test_label(self, period: Period, vi: str, en: str) -> None:
        assert period.label() == vi
        assert period.label("vi") == vi
        assert period.label("en") == en

    def test_label_from_dates_alone(self) -> None:
        assert Period.year(2022).label() == Period(D(2022, 1, 1), D(2022, 12, 31)).label()
        assert Period(D(2022, 7, 1), D(2022, 9, 30)).label() == "quý 3/2022"

    @pytest.mark.parametrize(
        ("period", "same_as"),
        [
            (Period.first_months(2022, 3), Period.quarter(2022, 1)),
            (Period.last_months(2022, 3), Period.quarter(2022, 4)),
            (Period.first_months(2022, 1), Period.month(2022, 1)),
            (Period.last_months(2022, 1), Period.month(2022, 12)),
            (Period.first_months(2022, 12), Period.year(2022)),
            (Period.last_months(2022, 12), Period.year(2022)),
        ],
    )
    def test_precedence_of_shapes(self, period: Period, same_as: Period) -> None:
        assert period == same_as
        assert period.label() == same_as.label()

    def test_unknown_language(self) -> None:
        with pytest.raises(DataError, match="'fr'"):
            Period.year(2022).label("fr")  # type: ignore[arg-type]


# --------------------------------------------------------------------------- parse_period

PARSED = [
    # years
    ("2022", Period.year(2022)),
    ("năm 2022", Period.year(2022)),
    ("Năm 2022", Period.year(2022)),
    ("  NĂM   2022 ", Period.year(2022)),
    ("nam 2022", Period.year(2022)),
    ("year 2022", Period.year(2022)),
    # plans
    ("2021–2025", Period.plan(2021, 2025)),
    ("2021—2025", Period.plan(2021, 2025)),
    ("2021-2025", Period.plan(2021, 2025)),
    ("2021 - 2025", Period.plan(2021, 2025)),
    ("giai đoạn 2021-2025", Period.plan(2021, 2025)),
    ("Giai đoạn 2021 – 2025", Period.plan(2021, 2025)),
    ("giai doan 2021-2025", Period.plan(2021, 2025)),
    ("giai đoạn 2021 đến 2025", Period.plan(2021, 2025)),
    # quarters
    ("Q3/2022", Period.quarter(2022, 3)),
    ("q3/2022", Period.quarter(2022, 3)),
    ("Q3 2022", Period.quarter(2022, 3)),
    ("Q3-2022", Period.quarter(2022, 3)),
    ("quý 3/2022", Period.quarter(2022, 3)),
    ("Quý 3 / 2022", Period.quarter(2022, 3)),
    ("quý 3 năm 2022", Period.quarter(2022, 3)),
    ("quý 03/2022", Period.quarter(2022, 3)),
    ("quí 3/2022", Period.quarter(2022, 3)),
    ("quy 3/2022", Period.quarter(2022, 3)),
    ("quý I/2022", Period.quarter(2022, 1)),
    ("quý II/2022", Period.quarter(2022, 2)),
    ("quý III/2022", Period.quarter(2022, 3)),
    ("QUÝ IV/2022", Period.quarter(2022, 4)),
    ("quý iv năm 2022", Period.quarter(2022, 4)),
    ("Quý Ⅲ/2022", Period.quarter(2022, 3)),  # U+2162 ROMAN NUMERAL THREE
    # months
    ("6/2022", Period.month(2022, 6)),
    ("06/2022", Period.month(2022, 6)),
    ("tháng 6/2022", Period.month(2022, 6)),
    ("Tháng 06/2022", Period.month(2022, 6)),
    ("tháng 6 năm 2022", Period.month(2022, 6)),
    ("tháng 2/2024", Period.month(2024, 2)),
    ("thang 12/2022", Period.month(2022, 12)),
    ("June 2022", Period.month(2022, 6)),
    ("jun 2022", Period.month(2022, 6)),
    ("February 2024", Period.month(2024, 2)),
    # first / last months
    ("9 tháng đầu năm 2022", Period.first_months(2022, 9)),
    ("6 tháng đầu năm 2022", Period.first_months(2022, 6)),
    ("9 Tháng Đầu Năm 2022", Period.first_months(2022, 9)),
    ("9 thang dau nam 2022", Period.first_months(2022, 9)),
    ("9 tháng năm 2022", Period.first_months(2022, 9)),
    ("first 9 months of 2022", Period.first_months(2022, 9)),
    ("3 tháng cuối năm 2022", Period.last_months(2022, 3)),
    ("6 tháng cuối năm 2022", Period.last_months(2022, 6)),
    ("last 6 months of 2022", Period.last_months(2022, 6)),
    # date ranges
    ("2022-01-01/2022-12-31", Period.year(2022)),
    ("2022-06-15/2022-12-31", Period(D(2022, 6, 15), D(2022, 12, 31))),
    ("2022-06-15 – 2022-12-31", Period(D(2022, 6, 15), D(2022, 12, 31))),
    ("15/6/2022 - 31/12/2022", Period(D(2022, 6, 15), D(2022, 12, 31))),
    ("15/6/2022 – 31/12/2022", Period(D(2022, 6, 15), D(2022, 12, 31))),
    ("15/06/2022—31/12/2022", Period(D(2022, 6, 15), D(2022, 12, 31))),
    ("15-6-2022 - 31-12-2022", Period(D(2022, 6, 15), D(2022, 12, 31))),
    ("15.6.2022 - 31.12.2022", Period(D(2022, 6, 15), D(2022, 12, 31))),
    ("từ ngày 15/6/2022 đến ngày 31/12/2022", Period(D(2022, 6, 15), D(2022, 12, 31))),
    ("01/03/2024 – 31/12/2025", Period(D(2024, 3, 1), D(2025, 12, 31))),
    ("15/6/2022 - 15/6/2022", Period(D(2022, 6, 15), D(2022, 6, 15))),
    # Unicode robustness
    (unicodedata.normalize("NFD", "quý 3/2022"), Period.quarter(2022, 3)),
    ("năm\u00a02022", Period.year(2022)),
    ("２０２２", Period.year(2022)),  # full-width digits
]


class TestParsePeriod:
    @pytest.mark.parametrize(("text", "expected"), PARSED)
    def test_parse(self, text: str, expected: Period) -> None:
        assert parse_period(text) == expected
        assert Period.parse(text) == expected

    @pytest.mark.parametrize(("period", "vi", "en"), LABELS)
    def test_parse_every_label(self, period: Period, vi: str, en: str) -> None:
        assert parse_period(vi) == period
        assert parse_period(en) == period

    @pytest.mark.parametrize(
        ("text", "reason"),
        [
            ("", "a period such as"),
            ("   ", "a period such as"),
            ("abc", "a period such as"),
            ("22", "a period such as"),
            ("20222", "a period such as"),
            ("năm", "a period such as"),
            ("quý 5/2022", "a quarter 1–4 or I–IV, not '5'"),
            ("quý 0/2022", "a quarter 1–4 or I–IV, not '0'"),
            ("quý V/2022", "not 'V'"),
            ("quý IIII/2022", "not 'IIII'"),
            ("tháng 13/2022", "a month 1–12, not 13"),
            ("0/2022", "a month 1–12, not 0"),
            ("13 tháng đầu năm 2022", "between 1 and 12 months, not 13"),
            ("0 tháng cuối năm 2022", "between 1 and 12 months, not 0"),
            ("2025-2021", "start year is not after its end"),
            ("31/12/2022 - 1/1/2022", "a start no later than the end"),
            ("15/6/2022 - 31/2/2022", "2/2022 has no day 31"),
            ("2022-13-01/2022-12-31", "no month 13"),
            ("0000", "year 0 is out of range"),
            ("Smarch 2022", "a period such as"),
            ("15/6/2022", "a period such as"),
            ("2022/2023", "a period such as"),
            ("x" * 1000, "a period such as"),
        ],
    )
    def test_errors_name_the_input(self, text: str, reason: str) -> None:
        with pytest.raises(ParseError) as info:
            parse_period(text)
        assert info.value.text == repr(text)
        assert repr(text) in str(info.value)
        assert reason in str(info.value)

    def test_expected_lists_shapes(self) -> None:
        with pytest.raises(ParseError) as info:
            parse_period("soon")
        for shape in ("năm 2022", "quý III/2022", "9 tháng đầu năm 2022", "2022-01-01/2022-12-31"):
            assert shape in info.value.expected

    def test_non_string(self) -> None:
        with pytest.raises(DataError, match="needs a str"):
            parse_period(2022)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- parse_date / as_date


class TestParseDate:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("15/6/2022", D(2022, 6, 15)),
            ("15/06/2022", D(2022, 6, 15)),
            ("15-6-2022", D(2022, 6, 15)),
            ("15.6.2022", D(2022, 6, 15)),
            ("15 / 6 / 2022", D(2022, 6, 15)),
            ("ngày 3/8/2022", D(2022, 8, 3)),
            ("Ngày 03/08/2022", D(2022, 8, 3)),
            ("ngay 3/8/2022", D(2022, 8, 3)),
            ("ngày 15 tháng 6 năm 2022", D(2022, 6, 15)),
            ("NGÀY 15 THÁNG 6 NĂM 2022", D(2022, 6, 15)),
            ("15 tháng 6 năm 2022", D(2022, 6, 15)),
            ("ngày 15 tháng 06, năm 2022", D(2022, 6, 15)),
            ("2022-06-15", D(2022, 6, 15)),
            ("2022-6-5", D(2022, 6, 5)),
            ("  15/6/2022  ", D(2022, 6, 15)),
            ("29/2/2024", D(2024, 2, 29)),
            ("1/2/2022", D(2022, 2, 1)),  # day first: 1 February, never 2 January
            ("12/1/2022", D(2022, 1, 12)),
            ("31/12/9999", D(9999, 12, 31)),
            ("1/1/0001", D(1, 1, 1)),
            (unicodedata.normalize("NFD", "ngày 15 tháng 6 năm 2022"), D(2022, 6, 15)),
        ],
    )
    def test_parse(self, text: str, expected: date) -> None:
        assert parse_date(text) == expected

    @pytest.mark.parametrize(
        ("text", "reason"),
        [
            ("6/15/2022", "there is no month 15 (month-first dates are not accepted)"),
            ("12/13/2022", "there is no month 13"),
            ("31/2/2022", "2/2022 has no day 31"),
            ("29/2/2023", "2/2023 has no day 29"),
            ("31/4/2022", "4/2022 has no day 31"),
            ("0/1/2022", "1/2022 has no day 0"),
            ("1/0/2022", "there is no month 0"),
            ("1/1/0000", "has no day 1"),
            ("2022-13-01", "there is no month 13"),
            ("2022-02-30", "2/2022 has no day 30"),
            ("15/6/22", "a day-first date such as"),
            ("15/6-2022", "a day-first date such as"),
            ("2022/06/15", "a day-first date such as"),
            ("June 15, 2022", "a day-first date such as"),
            ("", "a day-first date such as"),
            ("hôm nay", "a day-first date such as"),
            ("1" * 500, "a day-first date such as"),
        ],
    )
    def test_errors_name_the_input(self, text: str, reason: str) -> None:
        with pytest.raises(ParseError) as info:
            parse_date(text)
        assert info.value.text == repr(text)
        assert reason in str(info.value)

    def test_month_first_is_not_guessed(self) -> None:
        with pytest.raises(ParseError) as info:
            parse_date("6/15/2022")
        assert "month-first" in info.value.expected
        # ISO dates cannot be month-first, so they get no such hint.
        with pytest.raises(ParseError) as info:
            parse_date("2022-15-06")
        assert "month-first" not in info.value.expected

    def test_non_string(self) -> None:
        with pytest.raises(DataError, match="needs a str"):
            parse_date(None)  # type: ignore[arg-type]


class TestAsDate:
    def test_date_passes_through(self) -> None:
        day = D(2022, 6, 15)
        assert as_date(day) is day

    def test_string_is_parsed(self) -> None:
        assert as_date("15/6/2022") == D(2022, 6, 15)
        assert as_date("2022-06-15") == D(2022, 6, 15)

    def test_datetime_refused(self) -> None:
        with pytest.raises(DataError, match=r"pass value\.date\(\)"):
            as_date(datetime(2022, 6, 15, 8, 30))

    def test_bad_string(self) -> None:
        with pytest.raises(ParseError, match="'6/15/2022'"):
            as_date("6/15/2022")

    @pytest.mark.parametrize("value", [20220615, None, 1.5, [2022, 6, 15]])
    def test_other_types_refused(self, value: Any) -> None:
        with pytest.raises(DataError, match="where a date is needed"):
            as_date(value)


# --------------------------------------------------------------------------- deadlines


class TestRecurringDeadlineConstruction:
    def test_constructors(self) -> None:
        assert RecurringDeadline.monthly(25) == RecurringDeadline(25)
        assert RecurringDeadline.quarterly(20) == RecurringDeadline(20, "quarterly")
        assert RecurringDeadline.yearly(12, 15) == RecurringDeadline(15, "yearly", 12)

    def test_descriptions(self) -> None:
        deadline = RecurringDeadline.monthly(
            25, description_vi="Báo cáo tiến độ", description_en="Progress report"
        )
        assert deadline.description_vi == "Báo cáo tiến độ"
        assert deadline.description_en == "Progress report"
        assert RecurringDeadline.yearly(12, 15, description_en="x").description_en == "x"

    def test_yearly_february_29_allowed(self) -> None:
        assert RecurringDeadline.yearly(2, 29).month == 2

    @pytest.mark.parametrize(
        ("build", "message"),
        [
            (lambda: RecurringDeadline(0), "deadline day must be between 1 and 31, got 0"),
            (lambda: RecurringDeadline(32), "got 32"),
            (lambda: RecurringDeadline(True), "got True"),
            (lambda: RecurringDeadline("25"), "got '25'"),  # type: ignore[arg-type]
            (
                lambda: RecurringDeadline(25, "weekly"),  # type: ignore[arg-type]
                "unknown deadline frequency 'weekly'",
            ),
            (lambda: RecurringDeadline(15, "yearly"), "a yearly deadline needs its month"),
            (lambda: RecurringDeadline(15, "monthly", 12), "takes no month, got month=12"),
            (lambda: RecurringDeadline(15, "quarterly", 3), "a quarterly deadline takes no month"),
            (lambda: RecurringDeadline.yearly(13, 1), "deadline month must be between 1 and 12"),
            (lambda: RecurringDeadline.yearly(0, 1), "got 0"),
            (lambda: RecurringDeadline.yearly(2, 30), "month 2 never has a day 30"),
            (lambda: RecurringDeadline.yearly(4, 31), "month 4 never has a day 31"),
        ],
    )
    def test_errors(self, build: Any, message: str) -> None:
        with pytest.raises(DataError, match=message):
            build()


def _dates(deadline: RecurringDeadline, start: str, end: str) -> list[str]:
    return [due.isoformat() for due in deadline.due_dates(parse_date(start), parse_date(end))]


class TestDueDates:
    def test_monthly_25(self) -> None:
        assert _dates(RecurringDeadline.monthly(25), "1/1/2022", "31/3/2022") == [
            "2022-01-25",
            "2022-02-25",
            "2022-03-25",
        ]

    def test_monthly_31_across_a_year(self) -> None:
        assert _dates(RecurringDeadline.monthly(31), "1/1/2023", "31/12/2023") == [
            "2023-01-31",
            "2023-02-28",
            "2023-03-31",
            "2023-04-30",
            "2023-05-31",
            "2023-06-30",
            "2023-07-31",
            "2023-08-31",
            "2023-09-30",
            "2023-10-31",
            "2023-11-30",
            "2023-12-31",
        ]

    def test_monthly_30_and_29_in_february(self) -> None:
        assert _dates(RecurringDeadline.monthly(30), "1/2/2024", "31/3/2024") == [
            "2024-02-29",
            "2024-03-30",
        ]
        assert _dates(RecurringDeadline.monthly(29), "1/2/2023", "31/3/2023") == [
            "2023-02-28",
            "2023-03-29",
        ]

    def test_quarterly_in_last_month_of_each_quarter(self) -> None:
        assert _dates(RecurringDeadline.quarterly(20), "1/1/2022", "31/12/2022") == [
            "2022-03-20",
            "2022-06-20",
            "2022-09-20",
            "2022-12-20",
        ]
        assert _dates(RecurringDeadline.quarterly(31), "1/1/2022", "31/12/2022") == [
            "2022-03-31",
            "2022-06-30",
            "2022-09-30",
            "2022-12-31",
        ]

    def test_yearly(self) -> None:
        assert _dates(RecurringDeadline.yearly(12, 15), "1/1/2021", "31/12/2025") == [
            "2021-12-15",
            "2022-12-15",
            "2023-12-15",
            "2024-12-15",
            "2025-12-15",
        ]

    def test_yearly_february_29_in_common_years(self) -> None:
        assert _dates(RecurringDeadline.yearly(2, 29), "1/1/2023", "31/12/2025") == [
            "2023-02-28",
            "2024-02-29",
            "2025-02-28",
        ]

    def test_bounds_are_inclusive(self) -> None:
        deadline = RecurringDeadline.monthly(25)
        assert _dates(deadline, "25/1/2022", "25/3/2022") == [
            "2022-01-25",
            "2022-02-25",
            "2022-03-25",
        ]
        assert _dates(deadline, "26/1/2022", "24/3/2022") == ["2022-02-25"]
        assert _dates(deadline, "25/6/2022", "25/6/2022") == ["2022-06-25"]
        assert _dates(deadline, "26/6/2022", "24/7/2022") == []

    def test_start_mid_month_with_clamped_day(self) -> None:
        # The 28 Feb stand-in for "the 31st" is after 15 Feb and must be kept.
        assert _dates(RecurringDeadline.monthly(31), "15/2/2023", "31/3/2023") == [
            "2023-02-28",
            "2023-03-31",
        ]

    def test_strings_accepted(self) -> None:
        dates = list(RecurringDeadline.monthly(25).due_dates("1/1/2022", "2022-02-28"))
        assert dates == [D(2022, 1, 25), D(2022, 2, 25)]

    def test_end_of_calendar(self) -> None:
        dates = list(RecurringDeadline.monthly(31).due_dates(D(9999, 11, 1), D(9999, 12, 31)))
        assert dates == [D(9999, 11, 30), D(9999, 12, 31)]

    def test_start_after_end(self) -> None:
        with pytest.raises(DataError, match=r"2022-12-31.*2022-01-01"):
            RecurringDeadline.monthly(25).due_dates(D(2022, 12, 31), D(2022, 1, 1))

    def test_datetime_refused(self) -> None:
        with pytest.raises(DataError, match="datetime"):
            RecurringDeadline.monthly(25).due_dates(datetime(2022, 1, 1), D(2022, 2, 1))


class TestNextDue:
    @pytest.mark.parametrize(
        ("deadline", "after", "inclusive", "expected"),
        [
            # at the day
            (RecurringDeadline.monthly(25), D(2022, 6, 25), True, D(2022, 6, 25)),
            (RecurringDeadline.monthly(25), D(2022, 6, 25), False, D(2022, 7, 25)),
            # before and after the day
            (RecurringDeadline.monthly(25), D(2022, 6, 24), True, D(2022, 6, 25)),
            (RecurringDeadline.monthly(25), D(2022, 6, 24), False, D(2022, 6, 25)),
            (RecurringDeadline.monthly(25), D(2022, 6, 26), True, D(2022, 7, 25)),
            # year rollover
            (RecurringDeadline.monthly(25), D(2022, 12, 26), True, D(2023, 1, 25)),
            # clamped days
            (RecurringDeadline.monthly(31), D(2023, 2, 1), True, D(2023, 2, 28)),
            (RecurringDeadline.monthly(31), D(2023, 2, 28), True, D(2023, 2, 28)),
            (RecurringDeadline.monthly(31), D(2023, 2, 28), False, D(2023, 3, 31)),
            (RecurringDeadline.monthly(31), D(2024, 2, 28), True, D(2024, 2, 29)),
            (RecurringDeadline.monthly(31), D(2023, 4, 30), False, D(2023, 5, 31)),
            # quarterly
            (RecurringDeadline.quarterly(20), D(2022, 4, 1), True, D(2022, 6, 20)),
            (RecurringDeadline.quarterly(20), D(2022, 6, 20), True, D(2022, 6, 20)),
            (RecurringDeadline.quarterly(20), D(2022, 6, 20), False, D(2022, 9, 20)),
            (RecurringDeadline.quarterly(20), D(2022, 12, 21), True, D(2023, 3, 20)),
            # yearly
            (RecurringDeadline.yearly(12, 15), D(2022, 1, 1), True, D(2022, 12, 15)),
            (RecurringDeadline.yearly(12, 15), D(2022, 12, 15), True, D(2022, 12, 15)),
            (RecurringDeadline.yearly(12, 15), D(2022, 12, 15), False, D(2023, 12, 15)),
            (RecurringDeadline.yearly(2, 29), D(2023, 1, 1), True, D(2023, 2, 28)),
            (RecurringDeadline.yearly(2, 29), D(2023, 3, 1), True, D(2024, 2, 29)),
        ],
    )
    def test_next_due(
        self, deadline: RecurringDeadline, after: date, inclusive: bool, expected: date
    ) -> None:
        assert deadline.next_due(after, inclusive=inclusive) == expected

    def test_default_is_inclusive(self) -> None:
        assert RecurringDeadline.monthly(25).next_due(D(2022, 6, 25)) == D(2022, 6, 25)

    def test_string_accepted(self) -> None:
        assert RecurringDeadline.monthly(25).next_due("26/6/2022") == D(2022, 7, 25)

    def test_none_left_in_calendar(self) -> None:
        with pytest.raises(DataError, match="no due date"):
            RecurringDeadline.yearly(1, 15).next_due(D(9999, 2, 1))

    def test_datetime_refused(self) -> None:
        with pytest.raises(DataError, match="datetime"):
            RecurringDeadline.monthly(25).next_due(datetime(2022, 6, 25))


class TestDeadlineLabels:
    @pytest.mark.parametrize(
        ("deadline", "vi", "en"),
        [
            (
                RecurringDeadline.monthly(25),
                "trước ngày 25 hằng tháng",
                "by the 25th of every month",
            ),
            (RecurringDeadline.monthly(1), "trước ngày 1 hằng tháng", "by the 1st of every month"),
            (RecurringDeadline.monthly(2), "trước ngày 2 hằng tháng", "by the 2nd of every month"),
            (RecurringDeadline.monthly(3), "trước ngày 3 hằng tháng", "by the 3rd of every month"),
            (RecurringDeadline.monthly(4), "trước ngày 4 hằng tháng", "by the 4th of every month"),
            (
                RecurringDeadline.monthly(11),
                "trước ngày 11 hằng tháng",
                "by the 11th of every month",
            ),
            (
                RecurringDeadline.monthly(12),
                "trước ngày 12 hằng tháng",
                "by the 12th of every month",
            ),
            (
                RecurringDeadline.monthly(13),
                "trước ngày 13 hằng tháng",
                "by the 13th of every month",
            ),
            (
                RecurringDeadline.monthly(21),
                "trước ngày 21 hằng tháng",
                "by the 21st of every month",
            ),
            (
                RecurringDeadline.monthly(22),
                "trước ngày 22 hằng tháng",
                "by the 22nd of every month",
            ),
            (
                RecurringDeadline.monthly(23),
                "trước ngày 23 hằng tháng",
                "by the 23rd of every month",
            ),
            (
                RecurringDeadline.monthly(31),
                "trước ngày 31 hằng tháng",
                "by the 31st of every month",
            ),
            (
                RecurringDeadline.quarterly(20),
                "trước ngày 20 tháng cuối mỗi quý",
                "by the 20th of the last month of each quarter",
            ),
            (
                RecurringDeadline.yearly(12, 15),
                "trước ngày 15/12 hằng năm",
                "by the 15th of December every year",
            ),
            (
                RecurringDeadline.yearly(1, 31),
                "trước ngày 31/1 hằng năm",
                "by the 31st of January every year",
            ),
        ],
    )
    def test_label(self, deadline: RecurringDeadline, vi: str, en: str) -> None:
        assert deadline.label() == vi
        assert deadline.label("vi") == vi
        assert deadline.label("en") == en

    def test_unknown_language(self) -> None:
        with pytest.raises(DataError, match="'fr'"):
            RecurringDeadline.monthly(25).label("fr")  # type: ignore[arg-type]


# --------------------------------------------------------------------------- properties

years = st.integers(min_value=1, max_value=9999)
dates = st.dates(min_value=D(1, 1, 1), max_value=D(9999, 12, 31))


@st.composite
def named_periods(draw: st.DrawFn) -> Period:
    year = draw(years)
    kind = draw(st.sampled_from(["year", "quarter", "month", "first", "last", "plan"]))
    if kind == "year":
        return Period.year(year)
    if kind == "quarter":
        return Period.quarter(year, draw(st.integers(1, 4)))
    if kind == "month":
        return Period.month(year, draw(st.integers(1, 12)))
    if kind == "first":
        return Period.first_months(year, draw(st.integers(1, 12)))
    if kind == "last":
        return Period.last_months(year, draw(st.integers(1, 12)))
    return Period.plan(year, draw(st.integers(year, 9999)))


@st.composite
def any_periods(draw: st.DrawFn) -> Period:
    first, second = draw(dates), draw(dates)
    return Period(min(first, second), max(first, second))


@st.composite
def deadlines(draw: st.DrawFn) -> RecurringDeadline:
    frequency = draw(st.sampled_from(["monthly", "quarterly", "yearly"]))
    if frequency == "yearly":
        month = draw(st.integers(1, 12))
        lengths = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
        return RecurringDeadline.yearly(month, draw(st.integers(1, lengths[month - 1])))
    day = draw(st.integers(1, 31))
    if frequency == "quarterly":
        return RecurringDeadline.quarterly(day)
    return RecurringDeadline.monthly(day)


class TestProperties:
    @given(named_periods(), st.sampled_from(["vi", "en"]))
    def test_label_round_trips_named(self, period: Period, lang: Any) -> None:
        assert parse_period(period.label(lang)) == period

    @given(any_periods(), st.sampled_from(["vi", "en"]))
    def test_label_round_trips_any(self, period: Period, lang: Any) -> None:
        assert parse_period(period.label(lang)) == period

    @given(any_periods())
    def test_str_round_trips(self, period: Period) -> None:
        assert parse_period(str(period)) == period

    @given(named_periods())
    def test_label_depends_only_on_dates(self, period: Period) -> None:
        rebuilt = Period(period.start, period.end)
        assert rebuilt.label() == period.label()
        assert rebuilt.label("en") == period.label("en")

    @given(years)
    def test_year_is_union_of_its_quarters(self, year: int) -> None:
        quarters = [Period.quarter(year, q) for q in range(1, 5)]
        whole = Period.year(year)
        assert quarters[0].start == whole.start
        assert quarters[-1].end == whole.end
        for before, after in itertools.pairwise(quarters):
            assert before.end + timedelta(days=1) == after.start
            assert not before.overlaps(after)
        assert sum(q.days for q in quarters) == whole.days
        assert all(whole.intersection(q) == q for q in quarters)

    @given(years)
    def test_year_is_union_of_its_months(self, year: int) -> None:
        months = [Period.month(year, m) for m in range(1, 13)]
        assert sum(m.days for m in months) == Period.year(year).days
        for before, after in itertools.pairwise(months):
            assert before.end + timedelta(days=1) == after.start

    @given(years, st.integers(1, 11))
    def test_first_and_last_months_partition_the_year(self, year: int, months: int) -> None:
        first = Period.first_months(year, months)
        last = Period.last_months(year, 12 - months)
        assert first.end + timedelta(days=1) == last.start
        assert first.days + last.days == Period.year(year).days

    @given(any_periods(), any_periods())
    def test_intersection_agrees_with_overlaps(self, a: Period, b: Period) -> None:
        common = a.intersection(b)
        assert (common is not None) == a.overlaps(b)
        assert common == b.intersection(a)
        if common is not None:
            assert common.start in a
            assert common.start in b
            assert common.end in a
            assert common.end in b

    @given(any_periods())
    def test_days_and_years(self, period: Period) -> None:
        assert period.days == (period.end - period.start).days + 1
        assert period.years[0] == period.start.year
        assert period.years[-1] == period.end.year

    @settings(deadline=None)
    @given(deadlines(), st.dates(D(1990, 1, 1), D(2060, 12, 31)), st.integers(0, 1200))
    def test_due_dates_within_bounds_and_sorted(
        self, deadline: RecurringDeadline, start: date, span: int
    ) -> None:
        end = start + timedelta(days=span)
        due = list(deadline.due_dates(start, end))
        assert all(start <= day <= end for day in due)
        assert due == sorted(set(due))
        for day in due:
            month_end = Period.month(day.year, day.month).end.day
            assert day.day == min(deadline.day, month_end)
            if deadline.frequency == "quarterly":
                assert day.month in (3, 6, 9, 12)
            if deadline.frequency == "yearly":
                assert day.month == deadline.month

    @settings(deadline=None)
    @given(deadlines(), st.dates(D(1990, 1, 1), D(2060, 12, 31)), st.booleans())
    def test_next_due_is_first_due_date(
        self, deadline: RecurringDeadline, after: date, inclusive: bool
    ) -> None:
        found = deadline.next_due(after, inclusive=inclusive)
        assert found >= after if inclusive else found > after
        start = after if inclusive else after + timedelta(days=1)
        assert next(iter(deadline.due_dates(start, found))) == found

    @given(deadlines(), st.integers(1990, 2060))
    def test_monthly_count_per_year(self, deadline: RecurringDeadline, year: int) -> None:
        expected = {"monthly": 12, "quarterly": 4, "yearly": 1}[deadline.frequency]
        whole = Period.year(year)
        assert len(list(deadline.due_dates(whole.start, whole.end))) == expected

    @given(
        dates,
        st.sampled_from(
            [
                "{d}/{m}/{y}",
                "{d:02}/{m:02}/{y}",
                "{d}-{m}-{y}",
                "{d}.{m}.{y}",
                "ngày {d} tháng {m} năm {y}",
                "{y}-{m:02}-{d:02}",
            ]
        ),
    )
    def test_parse_date_round_trips(self, day: date, shape: str) -> None:
        text = shape.format(d=day.day, m=day.month, y=f"{day.year:04d}")
        assert parse_date(text) == day

    @given(st.text())
    def test_parse_period_raises_only_parse_error(self, text: str) -> None:
        with contextlib.suppress(ParseError):
            parse_period(text)

    @given(st.text())
    def test_parse_date_raises_only_parse_error(self, text: str) -> None:
        with contextlib.suppress(ParseError):
            parse_date(text)

    @given(st.text(alphabet="0123456789/-.–— qQuýIVXtháng đầucốinm", max_size=40))
    def test_parse_period_near_misses_raise_only_parse_error(self, text: str) -> None:
        with contextlib.suppress(ParseError):
            parse_period(text)

    @given(st.text(alphabet="0123456789/-. ngàytháng", max_size=30))
    def test_parse_date_near_misses_raise_only_parse_error(self, text: str) -> None:
        with contextlib.suppress(ParseError):
            parse_date(text)
