"""Property tests for :mod:`ntm_criteria.periods`: periods, dates and deadlines."""

from __future__ import annotations

import contextlib
import itertools
from datetime import date, timedelta
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from ntm_criteria.errors import ParseError
from ntm_criteria.periods import (
    Period,
    RecurringDeadline,
    parse_date,
    parse_period,
)

D = date


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
