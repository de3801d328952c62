"""Tests for :class:`ntm_criteria.periods.RecurringDeadline`: construction, due dates, labels."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest

from ntm_criteria.errors import DataError
from ntm_criteria.periods import (
    RecurringDeadline,
    parse_date,
)

D = date


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
