"""Structure-aware mutations of the OCOP rules and products files (issue 9).

The shipped ``catalog/data/ocop/rules.toml`` and a products file are parsed,
one to three values anywhere in them are replaced by values of any TOML type
(or a key is dropped), and the document is written back: the loaders raise
nothing but a located :class:`~ntm_criteria.errors.NtmError`.
"""

from __future__ import annotations

import datetime
import json
import tomllib
from importlib import resources
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ntm_criteria.errors import DataError, DataErrors, NtmError
from ntm_criteria.ocop import loads_ocop_rules, loads_products, rate

RULES = (
    resources.files("ntm_criteria")
    .joinpath("catalog", "data", "ocop", "rules.toml")
    .read_text(encoding="utf-8")
)
PRODUCTS = """
[[products]]
code = "SL-001"
name_vi = "Mật ong bạc hà"
name_en = "Mint honey"
commune = "04036"
group = "food"
scored_on = 2024-05-10
recognised_on = 2024-06-01
parts = { A = 30, B = 20, C = 25 }

[[products]]
code = "SL-002"
name_vi = "Chè"
commune = "04036"
scored_on = 2022-05-10
total = 72.5
"""


def _toml(value: Any) -> str:
    """``value`` as a TOML value (inline tables and arrays)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float, datetime.date)):
        return value.isoformat() if isinstance(value, datetime.date) else repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    return "{" + ", ".join(f"{json.dumps(k)} = {_toml(v)}" for k, v in value.items()) + "}"


def _document(data: dict[str, Any]) -> str:
    return "".join(f"{json.dumps(k)} = {_toml(v)}\n" for k, v in data.items())


def _places(data: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every key path in ``data`` (tables and arrays)."""
    found = [path] if path else []
    items = (
        data.items()
        if isinstance(data, dict)
        else enumerate(data)
        if isinstance(data, list)
        else ()
    )
    for key, value in items:
        found.extend(_places(value, (*path, key)))
    return found


scalars = st.one_of(
    st.integers(min_value=-(10**6), max_value=10**6),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.dates(),
    st.text(max_size=8),
    st.sampled_from(["", " ", "1e999", "-1", "0", "district", "abc", "2024-13-01", "đạt"]),
)
values = st.one_of(
    scalars,
    st.lists(scalars, max_size=2),
    st.dictionaries(st.sampled_from(["A", "x", "stars", "source"]), scalars, max_size=2),
)


@st.composite
def mutations(draw: st.DrawFn, text: str) -> str:
    data = tomllib.loads(text)
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        places = _places(data)
        if not places:
            break
        path = draw(st.sampled_from(places))
        parent: Any = data
        for key in path[:-1]:
            parent = parent[key]
        if draw(st.booleans()) and isinstance(parent, dict):
            del parent[path[-1]]
        else:
            parent[path[-1]] = draw(values)
    return _document(data)


def _located(error: NtmError) -> None:
    errors = error.errors if isinstance(error, DataErrors) else [error]
    for one in errors:
        if isinstance(one, DataError):
            assert one.key_path or one.line or one.file, f"no place in {one}"


@pytest.mark.parametrize("text", [RULES, PRODUCTS])
def test_the_unmutated_documents_load(text: str) -> None:
    if text is RULES:
        loads_ocop_rules(text)
    else:
        assert len(loads_products(text)) == 2


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutations(RULES))
def test_mutated_rules_raise_only_located_data_errors(text: str) -> None:
    try:
        loads_ocop_rules(text, file="rules.toml")
    except NtmError as err:
        _located(err)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutations(PRODUCTS))
def test_mutated_products_raise_only_located_data_errors(text: str) -> None:
    try:
        products = loads_products(text, file="products.toml")
    except NtmError as err:
        _located(err)
        return
    for product in products:
        with_rating = rate(product)
        assert 0 <= with_rating.score <= 100


def _rules_with(old: str, new: str) -> str:
    assert old in RULES
    return RULES.replace(old, new, 1)


def test_a_provenance_that_is_not_a_table_is_a_located_problem() -> None:
    # Regression: star_bands_provenance = 1 raised TypeError.
    text = "star_bands_provenance = 1\n" + _rules_with("[star_bands_provenance]", "[oops]")
    with pytest.raises(DataErrors) as caught:
        loads_ocop_rules(text, file="rules.toml")
    paths = [e.key_path for e in caught.value.errors]
    assert "star_bands_provenance" in paths
    assert "oops" in paths  # collected with the file's other problems
    assert caught.value.file == "rules.toml"


def test_a_number_out_of_range_is_located() -> None:
    # Regression: max_total = 1e30 raised a DataError with no key path.
    with pytest.raises(DataErrors) as caught:
        loads_ocop_rules(_rules_with("max_total = 100", "max_total = 1e30"), file="rules.toml")
    assert [e.key_path for e in caught.value.errors] == ["max_total"]
    products = PRODUCTS.replace("total = 72.5", 'total = "1e10000000"')
    with pytest.raises(DataErrors) as caught:
        loads_products(products, file="p.toml")
    assert [e.key_path for e in caught.value.errors] == ["products[1].total"]


def test_a_rating_level_converter_raises_a_data_error() -> None:
    # Regression: LevelRule's converter was RatingLevel itself (a bare ValueError).
    from ntm_criteria.ocop import LevelRule, RatingLevel
    from ntm_criteria.periods import Period

    with pytest.raises(
        DataError, match=r"^level: unknown rating level 'commune' \(expected district"
    ):
        LevelRule(3, "commune", Period(datetime.date(2024, 1, 1), datetime.date.max))
    assert RatingLevel.parse(" province ") is RatingLevel.PROVINCE


def test_decomposed_codes_and_groups_read_as_composed():
    # Regression: an NFD group key was "unknown" and an NFD twin code no duplicate.
    import unicodedata

    text = PRODUCTS.replace('group = "food"', 'group = "thực-phẩm"')
    rules = loads_ocop_rules(RULES.replace('key = "food"', 'key = "thực-phẩm"'))
    decomposed = unicodedata.normalize("NFD", text).replace("SL-002", "SL-001")
    composed = text.replace("SL-002", "SL-001")
    with pytest.raises(DataErrors) as nfd_caught:
        loads_products(decomposed, rules=rules)
    with pytest.raises(DataErrors) as nfc_caught:
        loads_products(composed, rules=rules)
    assert [e.key_path for e in nfd_caught.value.errors] == ["products[1].code"]
    assert [e.key_path for e in nfc_caught.value.errors] == ["products[1].code"]
    first = loads_products(unicodedata.normalize("NFD", text), rules=rules)[0]
    assert first.group == "thực-phẩm"
    assert first.name_vi == unicodedata.normalize("NFD", "Mật ong bạc hà")  # names keep their bytes


def test_rule_look_ups_read_any_form():
    import unicodedata

    rules = loads_ocop_rules(
        RULES.replace('key = "food"', 'key = "thực-phẩm"').replace('key = "A"', 'key = "Ấ"')
    )
    nfd = unicodedata.normalize("NFD", "thực-phẩm")
    assert rules.product_group(nfd).key == "thực-phẩm"
    assert rules.regime("148/QĐ-TTg").part(unicodedata.normalize("NFD", "Ấ")).key == "Ấ"
