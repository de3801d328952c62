"""The fast path of an assessment's values: the same number as observed_value, or no answer."""

from __future__ import annotations

import warnings

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ntm_criteria import Q_, demo
from ntm_criteria.assessment._observation import observed_value, quick_value
from ntm_criteria.errors import NtmError

SET = demo.criterion_set()
CODES = [i.code for i in SET.indicators()]
UNITS = ["percent", "", "million_VND / person / year", "VND / person / month", "household"]

values = st.one_of(
    st.integers(-(10**40), 10**40),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([0, 1, 0.8, 1.0, 100, 100.0, 80.5, -0.0, 1e300]),
    st.builds(
        Q_, st.one_of(st.integers(-(10**6), 10**9), st.floats(-1e9, 1e12)), st.sampled_from(UNITS)
    ),
)


def _full(code: str, value: object) -> tuple[str, object]:
    """What observed_value does with ``value``: ("value", number), ("warns", number) or ("raises", type)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            number = observed_value(SET.indicator(code), value)  # type: ignore[arg-type]
        except NtmError as err:
            return ("raises", type(err))
    return ("warns" if caught else "value", number)


@given(code=st.sampled_from(CODES), value=values)
def test_the_quick_value_is_the_full_value_or_none(code, value):
    quick = quick_value(SET.indicator(code), value)
    full = _full(code, value)
    if quick is not None:
        assert full == ("value", quick)


@pytest.mark.parametrize(
    ("code", "value"),
    [
        ("3.1", 85),
        ("3.1", 72.56),
        ("3.1", 100),
        ("13.2", 0),
        ("10.1", Q_(45, "million_VND/person/year")),
    ],
)
def test_the_usual_values_take_the_quick_path(code, value):
    assert quick_value(SET.indicator(code), value) == _full(code, value)[1]


@pytest.mark.parametrize(
    ("code", "value"),
    [("3.1", 0.8), ("3.1", 120), ("3.1", float("nan")), ("10.1", 45), ("1.1", 1), ("3.1", 10**400)],
)
def test_values_that_warn_or_fail_are_left_to_the_full_path(code, value):
    assert quick_value(SET.indicator(code), value) is None
