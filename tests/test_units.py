"""Tests of ntm_criteria.units: registry, exact conversion, Vietnamese parsing, labels."""

from __future__ import annotations

import contextlib
import math
from decimal import Decimal
from fractions import Fraction
from importlib import resources

import pint
import pytest
from hypothesis import given
from hypothesis import strategies as st

from ntm_criteria import units
from ntm_criteria.errors import NtmError, ParseError, UnitError, UnknownCodeError
from ntm_criteria.units import (
    Q_,
    Quantity,
    exact_factor,
    parse_number,
    parse_quantity,
    parse_unit,
    to_exact,
    unit_label,
    ureg,
)
from support import attribute_docstrings as _attribute_docstrings
from support import run_doctests as _run_doctests


@pytest.mark.parametrize("name", ["Quantity", "ureg"])
def test_attribute_docstring_examples_run(name: str) -> None:
    docstring = _attribute_docstrings(units)[name]
    assert ">>>" in docstring
    result = _run_doctests(units, name, docstring)
    assert result.failed == 0
    assert result.attempted > 0


# --------------------------------------------------------------------------
# Registry and definitions
# --------------------------------------------------------------------------


def test_units_txt_is_a_package_resource() -> None:
    text = resources.files("ntm_criteria").joinpath("units.txt").read_text(encoding="utf-8")
    assert "VND = [currency]" in text


def test_q_makes_quantities_of_the_registry() -> None:
    quantity: Quantity = Q_(1, "VND")
    assert isinstance(quantity, ureg.Quantity)
    assert isinstance(quantity, pint.Quantity)
    assert isinstance(Q_(1, "VND"), pint.Quantity)


@pytest.mark.parametrize(
    "unit",
    ["m**13**13**13", "bananas", "m**", "(((((((((m)))))))))", "m" * 300, "1e5 m", "VND/"],
)
def test_q_refuses_a_bad_unit_with_a_unit_error(unit: str) -> None:
    # Regression: Q_ was pint's Quantity, which hung on nested powers and raised
    # pint's and the tokenizer's own exception types.
    with pytest.raises(UnitError, match="invalid unit"):
        Q_(1, unit)


@pytest.mark.parametrize("value", ["12", b"12", True, None, [1, 2], object()])
def test_q_refuses_a_value_that_is_not_a_number(value: object) -> None:
    with pytest.raises(UnitError, match="not a number"):
        Q_(value, "km")


def test_q_takes_a_unit_object_and_no_unit() -> None:
    assert Q_(2, ureg.Unit("km")).to("m").magnitude == 2000
    assert Q_(0.5).dimensionless
    assert Q_(3, "").dimensionless


@pytest.mark.parametrize(
    ("alias", "name"),
    [
        ("đồng", "VND"),
        ("dong", "VND"),
        ("đ", "VND"),
        ("người", "person"),
        ("hộ", "household"),
        ("năm", "year"),
        ("tháng", "month"),
        ("ngày", "day"),
        ("ha", "hectare"),
        ("%", "percent"),
    ],
)
def test_aliases(alias: str, name: str) -> None:
    assert parse_unit(alias) == ureg.Unit(name)


@pytest.mark.parametrize(
    ("unit", "in_vnd"),
    [("thousand_VND", 1_000), ("million_VND", 1_000_000), ("billion_VND", 1_000_000_000)],
)
def test_money_multiples(unit: str, in_vnd: int) -> None:
    assert exact_factor(unit, "VND") == in_vnd


def test_month_is_a_twelfth_of_a_year() -> None:
    assert exact_factor("year", "month") == 12
    assert Q_(1_500_000, "VND/person/month").to("VND/person/year").magnitude == pytest.approx(
        18_000_000
    )


def test_household_and_person_do_not_convert() -> None:
    with pytest.raises(pint.DimensionalityError):
        Q_(1, "VND/person/month").to("VND/household/month")
    with pytest.raises(UnitError, match=r"\[household\]"):
        exact_factor("VND/household/year", "VND/person/year")


def test_currency_is_its_own_dimension() -> None:
    assert str(ureg.Unit("VND").dimensionality) == "[currency]"
    assert str(ureg.Unit("person").dimensionality) == "[population]"
    assert str(ureg.Unit("household").dimensionality) == "[household]"


# --------------------------------------------------------------------------
# parse_unit
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("million_VND/person/year", "million_VND / person / year"),
        ("VND / person / month", "VND / person / month"),
        ("đồng/người/tháng", "VND / person / month"),
        ("km**2", "kilometer ** 2"),
        ("km^2", "kilometer ** 2"),
        ("m²", "meter ** 2"),
        ("1/month", "1 / month"),
        ("m ** -2", "1 / meter ** 2"),
        ("percent", "percent"),
        ("  hectare  ", "hectare"),
    ],
)
def test_parse_unit(text: str, expected: str) -> None:
    assert parse_unit(text) == ureg.Unit(expected)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "**",
        "1/0",
        "m^^2",
        "m**m",
        "2 m",
        "(",
        ")",
        "(m",
        "m)",
        "10**10**10",
        "m**99",
        "((m**12)**12)",
        "m**0.5",
        "m-1",
        "bananas",
        "km2",
        "\x00",
        "m" + "*m" * 200,
        "(" * 20 + "m" + ")" * 20,
    ],
)
def test_parse_unit_refuses_garbage(text: str) -> None:
    with pytest.raises(UnitError) as info:
        parse_unit(text)
    assert f"invalid unit {text!r}" in str(info.value)


def test_parse_unit_error_names_the_text() -> None:
    with pytest.raises(UnitError, match="'bananas'"):
        parse_unit("bananas")


def test_parse_unit_refuses_non_strings() -> None:
    with pytest.raises(UnitError):
        parse_unit(12)  # type: ignore[arg-type]


@given(st.text(max_size=40))
def test_parse_unit_raises_only_unit_error(text: str) -> None:
    try:
        unit = parse_unit(text)
    except UnitError:
        return
    assert isinstance(unit, pint.Unit)


@given(
    st.lists(
        st.sampled_from(["m", "km", "VND", "người", "/", "*", "**", "^", "2", "-1", "(", ")", " "]),
        max_size=12,
    ).map("".join)
)
def test_parse_unit_on_unit_like_text_raises_only_unit_error(text: str) -> None:
    with contextlib.suppress(UnitError):
        parse_unit(text)


# --------------------------------------------------------------------------
# exact_factor
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("src", "dst", "factor"),
    [
        ("VND/person/month", "VND/person/year", Fraction(12)),
        ("VND/person/year", "VND/person/month", Fraction(1, 12)),
        ("million_VND/person/year", "VND/person/month", Fraction(250_000, 3)),
        ("", "percent", Fraction(100)),
        ("dimensionless", "percent", Fraction(100)),
        ("percent", "", Fraction(1, 100)),
        ("m**2", "hectare", Fraction(1, 10_000)),
        ("km**2", "hectare", Fraction(100)),
        ("km", "m", Fraction(1000)),
        ("year", "day", Fraction(36525, 100)),
        ("household", "household", Fraction(1)),
    ],
)
def test_exact_factor(src: str, dst: str, factor: Fraction) -> None:
    result = exact_factor(src, dst)
    assert isinstance(result, Fraction)
    assert result == factor


def test_exact_factor_accepts_units() -> None:
    assert exact_factor(ureg.Unit("km"), parse_unit("m")) == 1000


def test_exact_factor_mismatch_names_units_and_dimensions() -> None:
    with pytest.raises(UnitError) as info:
        exact_factor("VND/person/month", "VND/household/month")
    message = str(info.value)
    assert "'VND/person/month'" in message
    assert "'VND/household/month'" in message
    assert "[population]" in message
    assert "[household]" in message


def test_exact_factor_refuses_offset_units() -> None:
    with pytest.raises(UnitError, match="offset"):
        exact_factor("degC", "kelvin")


def test_exact_factor_refuses_unknown_units() -> None:
    with pytest.raises(UnitError, match="bananas"):
        exact_factor("bananas", "VND")


# --------------------------------------------------------------------------
# to_exact
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "unit", "expected"),
    [
        (Q_(0.8, ""), "percent", Fraction(80)),
        (Q_(0.8, "dimensionless"), "percent", Fraction(80)),
        (Q_(80, "percent"), "", Fraction(4, 5)),
        (Q_(18_000_000, "VND/person/year"), "VND/person/month", Fraction(1_500_000)),
        (Q_(1_500_000, "VND/person/month"), "million_VND/person/year", Fraction(18)),
        (Q_(45, "million_VND/person/year"), "VND/person/month", Fraction(3_750_000)),
        (Q_(72.56, "percent"), "percent", Fraction(7256, 100)),
        (
            Q_(Decimal("41.5"), "million_VND/person/year"),
            "million_VND/person/year",
            Fraction(83, 2),
        ),
        (Q_(Fraction(1, 3), "year"), "month", Fraction(4)),
        (Q_(3, "ha"), "m**2", Fraction(30_000)),
        (0.8, "percent", Fraction(4, 5)),
        (72.56, "percent", Fraction(7256, 100)),
        (7, "household", Fraction(7)),
        (Decimal("0.1"), "", Fraction(1, 10)),
        (Fraction(2, 3), "", Fraction(2, 3)),
        (1e-5, "", Fraction(1, 100_000)),
    ],
)
def test_to_exact(value: object, unit: str, expected: Fraction) -> None:
    result = to_exact(value, unit)  # type: ignore[arg-type]
    assert isinstance(result, Fraction)
    assert result == expected


def test_to_exact_accepts_a_unit_object() -> None:
    assert to_exact(Q_(2, "km"), ureg.Unit("m")) == 2000


def test_to_exact_wrong_dimension_names_indicator_and_unit() -> None:
    with pytest.raises(UnitError) as info:
        to_exact(Q_(3, "household"), "person", indicator="11.1")
    assert info.value.indicator == "11.1"
    assert info.value.expected == "a quantity in person"
    message = str(info.value)
    assert message.startswith("indicator 11.1: ")
    assert "household" in message
    assert "[population]" in message


@pytest.mark.parametrize(
    "value",
    [True, False, math.nan, math.inf, -math.inf, Decimal("NaN"), Decimal("-Infinity"), "12", None],
)
def test_to_exact_refuses_non_numbers(value: object) -> None:
    with pytest.raises(UnitError) as info:
        to_exact(value, "percent", indicator="3.1")  # type: ignore[arg-type]
    assert info.value.indicator == "3.1"
    assert repr(value) in str(info.value)


def test_to_exact_refuses_non_finite_magnitudes() -> None:
    with pytest.raises(UnitError, match="nan"):
        to_exact(Q_(math.nan, "percent"), "percent")


def test_to_exact_refuses_offset_quantities() -> None:
    with pytest.raises(UnitError, match="offset"):
        to_exact(Q_(20, "degC"), "kelvin", indicator="x")


def test_to_exact_of_a_foreign_registry_quantity() -> None:
    other: pint.UnitRegistry[float] = pint.UnitRegistry()
    assert to_exact(other.Quantity(2, "km"), "m") == 2000


_money = st.integers(min_value=0, max_value=10**12)


@given(_money)
def test_monthly_and_yearly_agree(amount: int) -> None:
    monthly = to_exact(Q_(amount, "VND/person/month"), "VND/person/year")
    yearly = to_exact(Q_(amount * 12, "VND/person/year"), "VND/person/year")
    assert monthly == yearly
    assert to_exact(Q_(amount * 12, "VND/person/year"), "VND/person/month") == amount


@given(st.decimals(min_value=-1000, max_value=1000, places=4, allow_nan=False))
def test_percent_and_dimensionless_agree(share: Decimal) -> None:
    assert to_exact(Q_(share, ""), "percent") == to_exact(Q_(share * 100, "percent"), "percent")
    assert to_exact(Q_(share * 100, "percent"), "") == Fraction(share)


@given(st.floats(allow_nan=False, allow_infinity=False, width=64))
def test_float_counts_as_its_shortest_repr(value: float) -> None:
    assert to_exact(value, "") == Fraction(repr(value))


@given(st.floats(min_value=0, max_value=1e9, allow_nan=False))
def test_float_monthly_and_yearly_agree(value: float) -> None:
    assert to_exact(Q_(value, "VND/person/month"), "VND/person/year") == 12 * Fraction(repr(value))


# --------------------------------------------------------------------------
# parse_number
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("72,56", Decimal("72.56")),
        ("2.160", Decimal(2160)),
        ("1.500.000", Decimal(1_500_000)),
        ("1.234,5", Decimal("1234.5")),
        ("-3,5", Decimal("-3.5")),
        ("+3,5", Decimal("3.5")),
        ("\u22123,5", Decimal("-3.5")),
        ("0,8", Decimal("0.8")),
        ("2160", Decimal(2160)),
        ("0", Decimal(0)),
        ("999", Decimal(999)),
        ("1.000", Decimal(1000)),
        ("  42 ", Decimal(42)),
        ("\t1.000,25\n", Decimal("1000.25")),
        ("1 500 000", Decimal(1_500_000)),
        ("1\u00a0500\u00a0000", Decimal(1_500_000)),
        ("1\u202f500\u202f000", Decimal(1_500_000)),
        ("1\u2009500,5", Decimal("1500.5")),
    ],
)
def test_parse_number(text: str, expected: Decimal) -> None:
    result = parse_number(text)
    assert isinstance(result, Decimal)
    assert result == expected


def test_parse_number_keeps_written_decimals() -> None:
    assert str(parse_number("72,50")) == "72.50"


@pytest.mark.parametrize(
    "text",
    [
        "72.5",
        "72.56",
        "1.23",
        "1.2345",
        "1,234.5",
        "1,2,3",
        "",
        "   ",
        "abc",
        "1..000",
        ".5",
        ",5",
        "1.000,",
        "1,",
        "nan",
        "NaN",
        "inf",
        "-inf",
        "Infinity",
        "1e5",
        "1E5",
        "1.000.00",
        "1000.000",
        "1.000 000",
        "--1",
        "- 1",
        "1 000,5 0",
        "٣",
        "１２",
        "0x10",
        "1_000",
    ],
)
def test_parse_number_refuses(text: str) -> None:
    with pytest.raises(ParseError) as info:
        parse_number(text)
    assert repr(text) in str(info.value)
    assert "Vietnamese" in info.value.expected


def test_parse_number_refuses_non_strings() -> None:
    with pytest.raises(ParseError):
        parse_number(12)  # type: ignore[arg-type]


@given(st.text())
def test_parse_number_raises_only_parse_error(text: str) -> None:
    try:
        result = parse_number(text)
    except ParseError:
        return
    assert isinstance(result, Decimal)
    assert result.is_finite()


@given(st.text(alphabet="0123456789.,- \u00a0", max_size=20))
def test_parse_number_on_number_like_text(text: str) -> None:
    try:
        result = parse_number(text)
    except ParseError:
        return
    assert result.is_finite()


# --------------------------------------------------------------------------
# parse_quantity
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "magnitude", "unit"),
    [
        ("1.000 triệu đồng", 1000, "million_VND"),
        ("45 triệu đồng/người/năm", 45, "million_VND/person/year"),
        ("41,5 triệu đồng/người/năm", 41.5, "million_VND/person/year"),
        ("1.500.000 đồng/người/tháng", 1_500_000, "VND/person/month"),
        ("1 500 000 đồng/người/tháng", 1_500_000, "VND/person/month"),
        ("2 tỷ đồng", 2, "billion_VND"),
        ("2 tỉ đồng", 2, "billion_VND"),
        ("500 nghìn đồng", 500, "thousand_VND"),
        ("500 ngàn đồng", 500, "thousand_VND"),
        ("500.000đ", 500_000, "VND"),
        ("500.000 đ", 500_000, "VND"),
        ("80%", 80, "percent"),
        ("80 %", 80, "percent"),
        ("72,56%", 72.56, "percent"),
        ("12 km", 12, "km"),
        ("8 m2", 8, "m**2"),
        ("8 m²", 8, "m**2"),
        ("2 km2", 2, "km**2"),
        ("3 ha", 3, "hectare"),
        ("120 hộ", 120, "household"),
        ("5 người", 5, "person"),
        ("30 ngày", 30, "day"),
        ("45 million_VND/person/year", 45, "million_VND/person/year"),
        ("1.500.000 VND / person / month", 1_500_000, "VND/person/month"),
    ],
)
def test_parse_quantity(text: str, magnitude: float, unit: str) -> None:
    quantity: Quantity = parse_quantity(text)
    assert isinstance(quantity, pint.Quantity)
    assert quantity.units == ureg.Unit(unit)
    assert quantity.magnitude == magnitude
    assert type(quantity.magnitude) is type(magnitude)


def test_parse_quantity_normalizes_decomposed_vietnamese() -> None:
    import unicodedata

    text = unicodedata.normalize("NFD", "45 triệu đồng/người/năm")
    assert parse_quantity(text) == Q_(45, "million_VND/person/year")


@pytest.mark.parametrize("text", ["", "80", "  12 ", "abc", "km 12", "% 80", "72.5 %", "1,2,3 km"])
def test_parse_quantity_parse_errors(text: str) -> None:
    with pytest.raises(ParseError) as info:
        parse_quantity(text)
    assert repr(text) in str(info.value) or repr(text.strip()) in str(info.value)


@pytest.mark.parametrize("text", ["12 bananas", "5 triệu", "1 m^^2", "3 (m"])
def test_parse_quantity_unit_errors(text: str) -> None:
    with pytest.raises(UnitError):
        parse_quantity(text)


def test_parse_quantity_refuses_non_strings() -> None:
    with pytest.raises(ParseError):
        parse_quantity(None)  # type: ignore[arg-type]


@given(st.text())
def test_parse_quantity_raises_only_ntm_errors(text: str) -> None:
    with contextlib.suppress(NtmError):
        parse_quantity(text)


@given(
    st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False),
    st.sampled_from(["triệu đồng/người/năm", "%", "km", "hộ", "đồng/người/tháng"]),
)
def test_parse_quantity_reads_formatted_numbers(number: Decimal, unit: str) -> None:
    from ntm_criteria.text import format_number

    quantity = parse_quantity(f"{format_number(number)} {unit}")
    assert to_exact(quantity, quantity.units) == Fraction(number)


# --------------------------------------------------------------------------
# unit_label
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("unit", "vi", "en"),
    [
        ("million_VND/person/year", "triệu đồng/người/năm", "million VND/person/year"),
        ("VND/person/month", "đồng/người/tháng", "VND/person/month"),
        ("thousand_VND", "nghìn đồng", "thousand VND"),
        ("billion_VND", "tỷ đồng", "billion VND"),
        ("percent", "%", "%"),
        ("household", "hộ", "household"),
        ("person", "người", "person"),
        ("km", "km", "km"),
        ("m**2", "m²", "m²"),
        ("km**2", "km²", "km²"),
        ("hectare", "ha", "ha"),
        ("", "", ""),
        ("dimensionless", "", ""),
        ("1/month", "1/tháng", "1/month"),
        ("m**2/household", "m²/hộ", "m²/household"),
        ("kg*m/s**2", "kg·m/s²", "kg·m/s²"),
    ],
)
def test_unit_label(unit: str, vi: str, en: str) -> None:
    assert unit_label(unit) == vi
    assert unit_label(unit, "vi") == vi
    assert unit_label(unit, "en") == en


def test_unit_label_puts_time_last() -> None:
    assert unit_label("VND/year/person") == "đồng/người/năm"
    assert unit_label(Q_(1, "VND/month/household").units, "en") == "VND/household/month"


def test_unit_label_of_a_unit_object() -> None:
    assert unit_label(parse_unit("million_VND")) == "triệu đồng"


def test_unit_label_unknown_language() -> None:
    with pytest.raises(UnknownCodeError) as info:
        unit_label("VND", "fr")
    assert info.value.kind == "language"
    assert info.value.known == ("vi", "en")


def test_unit_label_unknown_unit() -> None:
    with pytest.raises(UnitError, match="bananas"):
        unit_label("bananas")
