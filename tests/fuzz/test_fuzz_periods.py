"""Generated strings for the date and period parsers: only ``NtmError`` escapes."""

from __future__ import annotations

import pytest
from fuzz_cases import examples, only_ntm_errors, text_values
from hypothesis import given, settings
from hypothesis import strategies as st

from ntm_criteria.periods import Period, RecurringDeadline, as_date, parse_date, parse_period

pytestmark = pytest.mark.fuzz

PIECES = (
    "1",
    "2",
    "9",
    "0",
    "/",
    "-",
    ".",
    " ",
    "Q",
    "quý",
    "năm",
    "tháng",
    "2023",
    "99999",
    "29/2",
    "²",
    "١",
    "–",
    "6T",
)
strings = st.one_of(text_values(), st.lists(st.sampled_from(PIECES), max_size=8).map("".join))


@settings(max_examples=examples(200))
@given(strings)
def test_parse_date_and_period(text: str) -> None:
    only_ntm_errors(lambda: parse_date(text))
    only_ntm_errors(lambda: as_date(text))
    only_ntm_errors(lambda: parse_period(text))
    only_ntm_errors(lambda: Period.parse(text))


@settings(max_examples=examples(100))
@given(st.integers(min_value=-5, max_value=40), st.integers(min_value=-2, max_value=14), strings)
def test_deadlines(day: int, month: int, start: str) -> None:
    deadline = only_ntm_errors(lambda: RecurringDeadline.monthly(day))
    only_ntm_errors(lambda: RecurringDeadline.quarterly(day))
    only_ntm_errors(lambda: RecurringDeadline.yearly(month, day))
    if deadline is not None:
        only_ntm_errors(lambda: deadline.next_due(start))
