"""Tests for the dates of :mod:`ntm_criteria.periods`: parse_date and as_date."""

from __future__ import annotations

import unicodedata
from datetime import date, datetime
from typing import Any

import pytest

from ntm_criteria.errors import DataError, ParseError
from ntm_criteria.periods import as_date, format_date, parse_date

D = date


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


class TestFormatDate:
    def test_vietnamese_and_iso(self) -> None:
        assert format_date(D(2022, 6, 15)) == "15/06/2022"
        assert format_date(D(2022, 6, 15), "en") == "2022-06-15"

    def test_year_has_four_digits_and_reads_back(self) -> None:
        day = D(999, 6, 15)
        assert format_date(day) == "15/06/0999"
        assert parse_date(format_date(day)) == day
        assert parse_date(format_date(day, "en")) == day
