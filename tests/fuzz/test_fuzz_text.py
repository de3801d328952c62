"""Generated numbers for the number and quantity formatters: text out, or only ``NtmError``."""

from __future__ import annotations

from decimal import Decimal

import pytest
from fuzz_cases import examples, only_ntm_errors
from hypothesis import given, settings
from hypothesis import strategies as st

from ntm_criteria.text import format_number, format_quantity
from ntm_criteria.units import Q_

pytestmark = pytest.mark.fuzz

numbers = st.one_of(
    st.integers(),
    st.sampled_from(
        (10**5000, -(10**5000), Decimal("sNaN"), Decimal("-Infinity"), Decimal("1e-999999"))
    ),
    st.floats(),
    st.decimals(),
    st.fractions(),
)
langs = st.sampled_from(("vi", "en"))


@settings(max_examples=examples(200))
@given(numbers, langs, st.integers(min_value=0, max_value=12))
def test_format_number(value: object, lang: str, decimals: int) -> None:
    text = only_ntm_errors(lambda: format_number(value, lang, decimals=decimals))  # type: ignore[arg-type]
    assert text is None or isinstance(text, str)


@settings(max_examples=examples(100))
@given(numbers, st.sampled_from(("percent", "km", "million_VND / person / year", "")), langs)
def test_format_quantity(value: object, unit: str, lang: str) -> None:
    def call() -> str:
        return format_quantity(Q_(value, unit) if unit else value, None, lang)  # type: ignore[arg-type]

    text = only_ntm_errors(call)
    assert text is None or isinstance(text, str)
