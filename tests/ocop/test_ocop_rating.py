"""Tests for ntm_criteria.ocop: scores to stars, ratings, and the certificates of rated products."""

from __future__ import annotations

import datetime
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest

from ntm_criteria.errors import DataError, DataErrors
from ntm_criteria.ocop import (
    Certificate,
    Product,
    RatingLevel,
    certificates,
    load_products,
    rate,
    stars_for,
    valid_certificates,
)

DATA = Path(__file__).parents[1] / "data" / "ocop"


def product(total: object = None, *, on: str = "1/6/2024", **kwargs: object) -> Product:
    fields: dict[str, object] = {"total": total} if total is not None else {}
    fields.update(kwargs)
    return Product("P-01", "Sản phẩm thử", "04036", on, **fields)  # type: ignore[arg-type]


class TestStars:
    @pytest.mark.parametrize(
        ("score", "stars"),
        [
            (0, 1),
            (29.99, 1),
            (30, 2),
            (49.99, 2),
            (50, 3),
            (69.99, 3),
            (70, 4),
            (89.99, 4),
            (90, 5),
            (100, 5),
        ],
    )
    def test_band_boundaries_are_exact(self, score: float, stars: int) -> None:
        assert stars_for(score) == stars
        assert stars_for(Fraction(str(score))) == stars
        assert stars_for(str(score)) == stars
        assert rate(product(score)).stars == stars

    def test_a_hair_below_a_boundary(self) -> None:
        assert stars_for(Fraction(8999999, 100000)) == 4
        assert stars_for(Decimal("89.99999")) == 4  # type: ignore[arg-type]

    @pytest.mark.parametrize("score", [-0.01, 100.01, 150])
    def test_scores_outside_the_scale(self, score: float) -> None:
        with pytest.raises(DataError, match="outside 0–100"):
            stars_for(score)

    def test_parts_add_up_exactly(self) -> None:
        rating = rate(product(parts={"A": 29.99, "B": 20, "C": 20.01}))
        assert rating.score == 70
        assert rating.stars == 4


class TestRate:
    def test_a_four_star_product_before_and_after_1489(self) -> None:
        before = rate(product(75, on="1/6/2025"))
        after = rate(product(75, on="1/8/2025"))
        assert (before.stars, before.level) == (4, RatingLevel.PROVINCE)
        assert (after.stars, after.level) == (4, RatingLevel.PROVINCE)
        assert not after.proposed_to_central

    def test_a_three_star_product_moves_from_district_to_province(self) -> None:
        assert rate(product(55, on="5/7/2025")).level is RatingLevel.DISTRICT
        assert rate(product(55, on="6/7/2025")).level is RatingLevel.PROVINCE

    def test_ninety_points_at_province_are_proposed_to_the_centre(self) -> None:
        assert rate(product(90, on="6/7/2025")).proposed_to_central
        assert not rate(product(89.99, on="6/7/2025")).proposed_to_central
        assert not rate(product(95, on="5/7/2025")).proposed_to_central

    def test_summaries(self) -> None:
        rating = rate(product(92, on="1/8/2025"))
        assert rating.summary("vi") == (
            "P-01 (Sản phẩm thử): 92/100 điểm → 5 sao; cấp trung ương đánh giá, công nhận; "
            "đề nghị cấp trung ương (148/QĐ-TTg)"
        )
        assert rate(product(29.99)).summary("en") == (
            "P-01 (Sản phẩm thử): 29.99/100 points → 1 star; rating level not specified in the "
            "data (148/QĐ-TTg)"
        )

    def test_under_1048_part_c_may_reach_40(self) -> None:
        assert rate(product(parts={"A": 30, "B": 20, "C": 38}, on="1/6/2022")).score == 88
        with pytest.raises(DataErrors, match="part C = 38 is outside 0–35 under 148/QĐ-TTg"):
            rate(product(parts={"A": 30, "B": 20, "C": 38}, on="1/6/2024"))

    @pytest.mark.parametrize(
        ("kwargs", "message"),
        [
            ({"parts": {"A": 40.5, "B": 20, "C": 30}}, "part A = 40.5 is outside 0–40"),
            ({"parts": {"A": 30, "B": -2, "C": 30}}, "part B = -2 is outside 0–25"),
            ({"parts": {"A": 30, "B": 20, "D": 30}}, "unknown part 'D'"),
            ({"parts": {"A": 30, "B": 20}}, "parts C missing"),
            ({"total": 100.01}, "total 100.01 is outside 0–100"),
            ({"total": 50, "group": "cars"}, "unknown product group 'cars'"),
            ({"total": 50, "on": "1/1/2019"}, "before the first OCOP regime"),
        ],
    )
    def test_errors_name_the_product(self, kwargs: dict[str, object], message: str) -> None:
        with pytest.raises(DataErrors) as caught:
            rate(product(**kwargs))  # type: ignore[arg-type]
        assert message in str(caught.value)
        assert "P-01 (Sản phẩm thử)" in str(caught.value)

    def test_products_need_a_score(self) -> None:
        with pytest.raises(DataError, match="neither parts nor total"):
            Product("X", "x", "1", "1/1/2024")
        with pytest.raises(DataError, match="not the sum of its parts"):
            Product("X", "x", "1", "1/1/2024", parts={"A": 1, "B": 1, "C": 1}, total=4)


class TestCertificates:
    def test_valid_through_exactly_36_months(self) -> None:
        cert = Certificate("P-01", "x", "04036", 3, "15/3/2023")
        assert cert.valid_until == datetime.date(2026, 3, 15)
        assert cert.is_valid("15/3/2023")
        assert cert.is_valid("14/3/2026")
        assert cert.is_valid("15/3/2026")
        assert not cert.is_valid("16/3/2026")
        assert not cert.is_valid("14/3/2023")

    def test_month_ends(self) -> None:
        assert Certificate("P", "x", "1", 4, "29/2/2024").valid_until == datetime.date(2027, 2, 28)
        assert Certificate("P", "x", "1", 4, "31/1/2024").valid_until == datetime.date(2027, 1, 31)

    def test_only_three_to_five_stars(self) -> None:
        for stars in (1, 2, 6):
            with pytest.raises(DataError, match="3, 4 or 5"):
                Certificate("P", "x", "1", stars, "1/1/2024")

    def test_from_a_rating(self) -> None:
        rating = rate(product(72, recognised_on="10/7/2024"))
        cert = rating.certificate()
        assert cert is not None
        assert (cert.stars, cert.recognised_on) == (4, datetime.date(2024, 7, 10))
        assert cert.valid_until == datetime.date(2027, 7, 10)
        assert rate(product(45, recognised_on="10/7/2024")).certificate() is None
        assert rate(product(72)).certificate() is None
        assert rate(product(72)).certificate("1/8/2024") is not None

    def test_certificates_from_products(self) -> None:
        products = load_products(DATA / "products.toml")
        assert [(c.product_code, c.stars) for c in certificates(products)] == [
            ("SL-001", 4),
            ("SL-002", 4),
            ("SL-003", 5),
        ]

    def test_valid_certificates_keep_the_latest_per_product(self) -> None:
        certs = [
            Certificate("A", "x", "04036", 3, "1/7/2022"),
            Certificate("A", "x", "04036", 4, "1/7/2024"),
        ]
        assert [c.stars for c in valid_certificates(certs, "1/1/2025")] == [4]
        assert [c.stars for c in valid_certificates(certs, "1/1/2024")] == [3]
        assert valid_certificates(certs, "1/1/2025", min_stars=5) == ()
