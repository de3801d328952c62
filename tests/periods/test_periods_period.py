"""Tests for :class:`ntm_criteria.periods.Period`: constructors, queries, labels and parse_period."""

from __future__ import annotations

import unicodedata
from datetime import date, datetime
from typing import Any

import pytest

from ntm_criteria.errors import DataError, ParseError
from ntm_criteria.periods import (
    Period,
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
