"""Tests for ntm_criteria.ocop: rule and product files, every mistake at once, and the docs page."""

from __future__ import annotations

import datetime
from fractions import Fraction
from pathlib import Path

import pytest

from ntm_criteria.errors import DataErrors
from ntm_criteria.ocop import (
    Product,
    load_ocop_rules,
    load_products,
    loads_ocop_rules,
    loads_products,
    rate,
)
from support import run_pycon_blocks

DATA = Path(__file__).parents[1] / "data" / "ocop"
SRC = Path(__file__).parents[2] / "src" / "ntm_criteria"
RULES_FILE = SRC / "catalog" / "data" / "ocop" / "rules.toml"


class TestFiles:
    def test_products_load(self) -> None:
        products = load_products(DATA / "products.toml")
        assert [p.code for p in products] == ["SL-001", "SL-002", "SL-003", "SL-004", "SL-005"]
        assert products[0].parts["B"] == Fraction(41, 2)
        assert products[2].total == Fraction(365, 4)
        ratings = [rate(p) for p in products]
        assert [r.stars for r in ratings] == [4, 4, 5, 2, 3]
        assert ratings[1].regime_id == "1048/QĐ-TTg"
        assert ratings[2].proposed_to_central

    def test_every_product_mistake_at_once(self) -> None:
        with pytest.raises(DataErrors) as caught:
            load_products(DATA / "products_mistakes.toml")
        paths = [e.key_path for e in caught.value.errors]
        assert paths == [
            "products[0].parts.A",
            "products[1].total",
            "products[3].commune",
            "products[3].group",
            "products[3].parts.D",
            "products[3].parts",
            "products[4].code",
            "products[4].scored_on",
            "products[5].recognized_on",
            "products[5].parts.B",
        ]
        text = str(caught.value)
        assert "product SL-001 (Mật ong hoa cà phê): part A = 41 is outside 0–40" in text
        assert "did you mean 'drinks'?" in text
        assert "did you mean 'recognised_on'?" in text

    def test_rules_mistakes_at_once(self) -> None:
        with pytest.raises(DataErrors) as caught:
            load_ocop_rules(DATA / "rules_mistakes.toml")
        assert [e.key_path for e in caught.value.errors] == [
            "regimes[0].parts[0].max_points",
            "star_bands[0].stars",
            "rating_levels[0].level",
            "certificate.confidence",
        ]

    def test_rules_are_checked_as_a_whole(self) -> None:
        text = RULES_FILE.read_text(encoding="utf-8")
        bad = text.replace("max_points = 40\n", "max_points = 45\n", 1)
        with pytest.raises(DataErrors, match="add up to 105, not 100"):
            loads_ocop_rules(bad, file="o.toml")
        overlapping = text.replace("until = 2025-07-05", "until = 2025-07-06", 1)
        with pytest.raises(DataErrors, match="two rules for 3 stars overlap"):
            loads_ocop_rules(overlapping)

    def test_a_what_if_rule_book(self) -> None:
        text = RULES_FILE.read_text(encoding="utf-8").replace("months = 36", "months = 60")
        rules = loads_ocop_rules(text)
        assert rules.valid_until("1/1/2024") == datetime.date(2029, 1, 1)
        scored = Product(
            "P-01", "Sản phẩm thử", "04036", "1/6/2024", total=80, recognised_on="1/1/2024"
        )
        cert = rate(scored, rules=rules).certificate()
        assert cert is not None
        assert cert.valid_until == datetime.date(2029, 1, 1)

    def test_invalid_toml_and_missing_products(self) -> None:
        with pytest.raises(DataErrors, match="invalid TOML"):
            loads_products("[[products]\n")
        with pytest.raises(DataErrors, match="products: missing"):
            loads_products("format = 1\n")


def test_the_docs_page_examples_run() -> None:
    run_pycon_blocks(Path(__file__).parents[2] / "docs" / "ocop.md")
