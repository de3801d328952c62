"""Tests of ntm_criteria.text: numbers, percentages and quantities for people."""

from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction
from typing import get_args

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ntm_criteria import _messages as i18n
from ntm_criteria.errors import UnitError, UnknownCodeError
from ntm_criteria.text import Lang, check_lang, format_number, format_percent, format_quantity
from ntm_criteria.units import Q_, parse_number, ureg
from support import attribute_docstrings as _attribute_docstrings
from support import run_doctests as _run_doctests


@pytest.mark.parametrize("name", ["Lang"])
def test_attribute_docstring_examples_run(name: str) -> None:
    docstring = _attribute_docstrings(i18n)[name]
    assert ">>>" in docstring
    result = _run_doctests(i18n, name, docstring)
    assert result.failed == 0
    assert result.attempted > 0


# --------------------------------------------------------------------------
# check_lang
# --------------------------------------------------------------------------


def test_languages() -> None:
    assert get_args(Lang) == ("vi", "en")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_check_lang_accepts(lang: str) -> None:
    assert check_lang(lang) == lang


@pytest.mark.parametrize("lang", ["fr", "", "VI", "vi-VN", "english"])
def test_check_lang_refuses(lang: str) -> None:
    with pytest.raises(UnknownCodeError) as info:
        check_lang(lang)
    assert info.value.kind == "language"
    assert info.value.code == lang
    assert info.value.known == ("vi", "en")
    assert repr(lang) in str(info.value)


@pytest.mark.parametrize(
    "call",
    [
        lambda: format_number(1, "fr"),  # type: ignore[arg-type]
        lambda: format_percent(0.5, "fr"),  # type: ignore[arg-type]
        lambda: format_quantity(1, "km", "fr"),  # type: ignore[arg-type]
    ],
)
def test_formatters_refuse_unknown_languages(call: object) -> None:
    with pytest.raises(UnknownCodeError, match="language 'fr'"):
        call()  # type: ignore[operator]


# --------------------------------------------------------------------------
# format_number
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "vi", "en"),
    [
        (0, "0", "0"),
        (7, "7", "7"),
        (999, "999", "999"),
        (1000, "1.000", "1,000"),
        (2160, "2.160", "2,160"),
        (1_500_000, "1.500.000", "1,500,000"),
        (-1_500_000, "-1.500.000", "-1,500,000"),
        (72.56, "72,56", "72.56"),
        (1234.5, "1.234,5", "1,234.5"),
        (-3.5, "-3,5", "-3.5"),
        (0.8, "0,8", "0.8"),
        (41.5, "41,5", "41.5"),
        (2160.0, "2.160", "2,160"),
        (Decimal("72.50"), "72,5", "72.5"),
        (Decimal("1E+3"), "1.000", "1,000"),
        (Fraction(2, 3), "0,67", "0.67"),
        (Fraction(-2, 3), "-0,67", "-0.67"),
        (0.1 + 0.2, "0,3", "0.3"),
    ],
)
def test_format_number(value: int | float | Decimal | Fraction, vi: str, en: str) -> None:
    assert format_number(value) == vi
    assert format_number(value, "vi") == vi
    assert format_number(value, "en") == en


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (Decimal("2.125"), 2, "2,13"),
        (Decimal("2.124"), 2, "2,12"),
        (Decimal("-2.125"), 2, "-2,13"),
        (2.675, 2, "2,68"),  # binary 2.67499999... but its repr is 2.675
        (0.125, 2, "0,13"),
        (Decimal("0.5"), 0, "1"),
        (Decimal("1.5"), 0, "2"),
        (Decimal("2.5"), 0, "3"),
        (Decimal("-0.5"), 0, "-1"),
        (Decimal("0.004"), 2, "0"),
        (Decimal("-0.004"), 2, "0"),
        (72.56, 1, "72,6"),
        (72.56, 0, "73"),
        (Fraction(1, 3), 4, "0,3333"),
        (1255, -1, "1.260"),
        (1_499_999, -3, "1.500.000"),
        (Decimal("1.10"), 5, "1,1"),
    ],
)
def test_format_number_rounds_half_up(
    value: int | float | Decimal | Fraction, decimals: int, expected: str
) -> None:
    assert format_number(value, decimals=decimals) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [(math.nan, "NaN"), (math.inf, "∞"), (-math.inf, "-∞"), (Decimal("NaN"), "NaN")],
)
def test_format_number_non_finite(value: float | Decimal, expected: str) -> None:
    assert format_number(value) == expected


_two_places = st.decimals(
    min_value=-(10**15), max_value=10**15, places=2, allow_nan=False, allow_infinity=False
)


@given(_two_places)
def test_format_then_parse_round_trips(value: Decimal) -> None:
    assert parse_number(format_number(value, "vi")) == value


@given(st.integers(min_value=-(10**30), max_value=10**30))
def test_integers_round_trip(value: int) -> None:
    assert parse_number(format_number(value)) == value


@given(st.floats(min_value=-1e12, max_value=1e12, allow_nan=False))
def test_floats_round_trip_to_two_decimals(value: float) -> None:
    parsed = parse_number(format_number(value))
    assert abs(Fraction(parsed) - Fraction(repr(value))) <= Fraction(1, 200)


@given(_two_places)
def test_english_uses_swapped_separators(value: Decimal) -> None:
    vi = format_number(value, "vi")
    swapped = vi.translate(str.maketrans(".,", ",."))
    assert format_number(value, "en") == swapped


# --------------------------------------------------------------------------
# format_percent
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("share", "decimals", "vi", "en"),
    [
        (0.66, 0, "66%", "66%"),
        (0.665, 1, "66,5%", "66.5%"),
        (0.665, 0, "67%", "67%"),
        (1, 0, "100%", "100%"),
        (0, 0, "0%", "0%"),
        (Fraction(1, 3), 2, "33,33%", "33.33%"),
        (Decimal("0.125"), 1, "12,5%", "12.5%"),
        (12.5, 0, "1.250%", "1,250%"),
        (-0.05, 0, "-5%", "-5%"),
    ],
)
def test_format_percent(
    share: int | float | Decimal | Fraction, decimals: int, vi: str, en: str
) -> None:
    assert format_percent(share, decimals=decimals) == vi
    assert format_percent(share, "en", decimals=decimals) == en


def test_format_percent_non_finite() -> None:
    assert format_percent(math.nan) == "NaN%"


# --------------------------------------------------------------------------
# format_quantity
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "unit", "vi", "en"),
    [
        (2160, "million_VND", "2.160 triệu đồng", "2,160 million VND"),
        (
            41.5,
            "million_VND/person/year",
            "41,5 triệu đồng/người/năm",
            "41.5 million VND/person/year",
        ),
        (1_500_000, "VND/person/month", "1.500.000 đồng/người/tháng", "1,500,000 VND/person/month"),
        (80, "percent", "80%", "80%"),
        (72.56, "%", "72,56%", "72.56%"),
        (120, "household", "120 hộ", "120 household"),
        (12, "km", "12 km", "12 km"),
        (8, "m**2", "8 m²", "8 m²"),
        (3, "hectare", "3 ha", "3 ha"),
        (12.5, "", "12,5", "12.5"),
        (12.5, "dimensionless", "12,5", "12.5"),
        (Fraction(2, 3), "person", "0,67 người", "0.67 person"),
    ],
)
def test_format_quantity_number_and_unit(
    value: int | float | Fraction, unit: str, vi: str, en: str
) -> None:
    assert format_quantity(value, unit) == vi
    assert format_quantity(value, unit, "en") == en


def test_format_quantity_of_a_quantity() -> None:
    assert format_quantity(Q_(41.5, "million_VND/person/year")) == "41,5 triệu đồng/người/năm"
    assert format_quantity(Q_(80, "percent"), lang="en") == "80%"
    assert format_quantity(Q_(3, "")) == "3"


def test_format_quantity_converts_exactly() -> None:
    yearly = Q_(18, "million_VND/person/year")
    assert format_quantity(yearly, "VND/person/month") == "1.500.000 đồng/người/tháng"
    assert format_quantity(Q_(0.8, ""), "percent") == "80%"
    assert format_quantity(Q_(45, "million_VND/person/year"), ureg.Unit("VND/person/month")) == (
        "3.750.000 đồng/người/tháng"
    )


def test_format_quantity_decimals() -> None:
    assert format_quantity(Fraction(2, 3), "km", decimals=3) == "0,667 km"
    assert format_quantity(41.56, "million_VND", decimals=1) == "41,6 triệu đồng"


def test_format_quantity_refuses_a_bare_number_without_unit() -> None:
    with pytest.raises(UnitError, match="5"):
        format_quantity(5)


def test_format_quantity_refuses_a_wrong_dimension() -> None:
    with pytest.raises(UnitError, match=r"\[household\]"):
        format_quantity(Q_(3, "household"), "person")


def test_format_quantity_refuses_unknown_units() -> None:
    with pytest.raises(UnitError, match="bananas"):
        format_quantity(3, "bananas")


def test_format_quantity_non_finite() -> None:
    assert format_quantity(math.inf, "km") == "∞ km"


@pytest.mark.parametrize(
    ("value", "vi", "en"),
    [
        (Decimal("sNaN"), "NaN", "NaN"),
        (Decimal("-Infinity"), "-∞", "-∞"),
        (10**5000, "1,00·10^5000", "1.00·10^5000"),
        (-Fraction(10**70, 3), "-3,33·10^69", "-3.33·10^69"),
    ],
    ids=["snan", "minus-infinity", "5001-digits", "huge-fraction"],
)
def test_format_number_writes_any_number_without_raising(value, vi, en):
    # Regression: sNaN raised decimal.InvalidOperation; numbers of over 4,300
    # digits raised ValueError (int-to-str limit) in every explanation.
    assert format_number(value) == vi
    assert format_number(value, "en") == en
