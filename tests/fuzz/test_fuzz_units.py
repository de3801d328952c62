"""Generated strings for the unit and number parsers: only ``NtmError`` escapes, never slowly."""

from __future__ import annotations

import time

import pytest
from fuzz_cases import SLOW_SECONDS, examples, only_ntm_errors, text_values
from hypothesis import given, settings
from hypothesis import strategies as st

from ntm_criteria.units import Q_, parse_number, parse_quantity, parse_unit

pytestmark = pytest.mark.fuzz

UNIT_WORDS = (
    "m",
    "km",
    "percent",
    "%",
    "million_VND",
    "person",
    "year",
    "triệu đồng",
    "**",
    "*",
    "/",
    "13",
    "(",
    ")",
    " ",
    "e",
    "²",
)
units = st.one_of(text_values(), st.lists(st.sampled_from(UNIT_WORDS), max_size=8).map("".join))
numbers = st.one_of(
    text_values(),
    st.lists(
        st.sampled_from(("1", "0", "9", ",", ".", "-", "+", "e", "E", " ", "%", "/", "²")),
        max_size=12,
    ).map("".join),
)


def _timed(call: object) -> None:
    started = time.monotonic()
    only_ntm_errors(call)  # type: ignore[arg-type]
    assert time.monotonic() - started < SLOW_SECONDS


@settings(max_examples=examples(150))
@given(numbers)
def test_parse_number(text: str) -> None:
    _timed(lambda: parse_number(text))


@settings(max_examples=examples(150))
@given(numbers, units)
def test_parse_quantity(number: str, unit: str) -> None:
    _timed(lambda: parse_quantity(f"{number} {unit}"))


@settings(max_examples=examples(150))
@given(units)
def test_parse_unit(text: str) -> None:
    _timed(lambda: parse_unit(text))


@settings(max_examples=examples(150))
@given(st.one_of(st.integers(), st.floats(), st.decimals(), st.fractions(), numbers), units)
def test_quantity_constructor(value: object, unit: str) -> None:
    _timed(lambda: Q_(value, unit))
