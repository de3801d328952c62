"""Tests for ntm_criteria.ocop: OCOP scores, stars, rating levels, certificates and counts.

Star bands are checked exactly at every boundary; the parts' maxima change
on 24/2/2023 and the rating levels on 6/7/2025; certificates are valid
through exactly 36 months; scores above their maxima are errors naming the
product, and data files with several mistakes report every one at once.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest

from ntm_criteria import Status, assess, demo
from ntm_criteria.errors import DataError, DataErrors, NotInForceError, UnknownCodeError
from ntm_criteria.ocop import (
    Certificate,
    Product,
    RatingLevel,
    certificates,
    count_by_commune,
    load_ocop_rules,
    load_products,
    loads_ocop_rules,
    loads_products,
    ocop_observation,
    ocop_rules,
    rate,
    rating_level,
    stars_for,
    valid_certificates,
)
from ntm_criteria.rules import Confidence, Unspecified

DATA = Path(__file__).parent / "data" / "ocop"
SRC = Path(__file__).parents[1] / "src" / "ntm_criteria"
RULES_FILE = SRC / "catalog" / "data" / "domains" / "ocop.toml"


def product(total: object = None, *, on: str = "1/6/2024", **kwargs: object) -> Product:
    fields: dict[str, object] = {"total": total} if total is not None else {}
    fields.update(kwargs)
    return Product("P-01", "Sản phẩm thử", "04036", on, **fields)  # type: ignore[arg-type]


# -- rules --------------------------------------------------------------------------------


class TestRules:
    @pytest.mark.parametrize(
        ("day", "regime", "maxima"),
        [
            ("21/8/2019", "1048/QĐ-TTg", (35, 25, 40)),
            ("23/2/2023", "1048/QĐ-TTg", (35, 25, 40)),
            ("24/2/2023", "148/QĐ-TTg", (40, 25, 35)),
            ("1/1/2030", "148/QĐ-TTg", (40, 25, 35)),
        ],
    )
    def test_part_maxima_by_date(self, day: str, regime: str, maxima: tuple[int, ...]) -> None:
        found = ocop_rules().regime_on(day)
        assert found.id == regime
        assert tuple(p.max_points for p in found.parts) == tuple(Fraction(m) for m in maxima)
        assert [p.key for p in found.parts] == ["A", "B", "C"]

    def test_parts_are_official_and_high(self) -> None:
        part = ocop_rules().regime("148/QĐ-TTg").part("A")
        assert part.provenance.confidence is Confidence.OFFICIAL
        assert part.provenance.certainty == "high"
        assert part.name_vi == "Sản phẩm và sức mạnh cộng đồng"

    def test_before_1048_nothing_is_in_force(self) -> None:
        with pytest.raises(NotInForceError):
            ocop_rules().regime_on("20/8/2019")

    def test_bands_are_medium_certainty(self) -> None:
        for band in ocop_rules().star_bands:
            assert band.provenance.confidence is Confidence.OFFICIAL
            assert band.provenance.certainty == "medium"

    def test_certificate_rules(self) -> None:
        rules = ocop_rules()
        assert rules.certificate_months == 36
        assert rules.certificate_min_stars == 3
        assert rules.certificate_provenance.certainty == "medium"

    def test_six_product_groups(self) -> None:
        groups = ocop_rules().product_groups
        assert len(groups) == 6
        assert ocop_rules().product_group("tourism").name_vi.startswith("Dịch vụ du lịch")
        with pytest.raises(UnknownCodeError):
            ocop_rules().product_group("cars")

    def test_unknown_regime_and_band(self) -> None:
        with pytest.raises(UnknownCodeError):
            ocop_rules().regime("999/QĐ-TTg")
        with pytest.raises(UnknownCodeError):
            ocop_rules().band(6)


# -- stars --------------------------------------------------------------------------------


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


# -- who rates ------------------------------------------------------------------------------


class TestRatingLevel:
    @pytest.mark.parametrize(
        ("stars", "before", "after"),
        [
            (3, RatingLevel.DISTRICT, RatingLevel.PROVINCE),
            (4, RatingLevel.PROVINCE, RatingLevel.PROVINCE),
            (5, RatingLevel.CENTRAL, RatingLevel.CENTRAL),
        ],
    )
    def test_change_on_6_july_2025(
        self, stars: int, before: RatingLevel, after: RatingLevel
    ) -> None:
        assert rating_level(stars, "5/7/2025") is before
        assert rating_level(stars, "6/7/2025") is after
        assert rating_level(stars, "24/2/2023") is before

    def test_under_1048_the_level_is_unspecified(self) -> None:
        level = rating_level(3, "23/2/2023")
        assert isinstance(level, Unspecified)
        assert level.missing == ("date", "2023-02-23")

    def test_one_and_two_stars_have_no_level(self) -> None:
        assert isinstance(rating_level(1, "1/1/2024"), Unspecified)
        assert isinstance(rating_level(2, "1/1/2026"), Unspecified)

    def test_level_provenance(self) -> None:
        rule = ocop_rules().level_rule(3, "6/7/2025")
        assert rule is not None
        assert rule.provenance.source is not None
        assert "1489/QĐ-TTg" in rule.provenance.source
        assert rule.provenance.certainty == "high"

    def test_labels(self) -> None:
        assert RatingLevel.DISTRICT.label("vi") == "cấp huyện"
        assert RatingLevel.PROVINCE.label("en") == "provincial level"


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


# -- certificates -------------------------------------------------------------------------------


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


class TestCounts:
    CERTS = (
        Certificate("A", "x", "04036", 3, "1/7/2023"),
        Certificate("B", "x", "04036", 5, "1/7/2023"),
        Certificate("C", "x", "04036", 4, "1/7/2020"),  # valid through 1/7/2023
        Certificate("D", "x", "04039", 4, "1/1/2023"),
        Certificate("D", "x", "04039", 4, "1/1/2024"),  # the same product again
    )

    def test_counts_per_commune(self) -> None:
        assert count_by_commune(self.CERTS, "1/7/2023") == {"04036": 3, "04039": 1}
        assert count_by_commune(self.CERTS, "2/7/2023") == {"04036": 2, "04039": 1}
        assert count_by_commune(self.CERTS, "2/7/2023", min_stars=4) == {"04036": 1, "04039": 1}
        assert count_by_commune(self.CERTS, "1/1/2020") == {}

    def test_the_observation_for_indicator_13_2(self) -> None:
        obs = ocop_observation(self.CERTS, "04036", on="2/7/2023")
        assert obs.indicator_code == "13.2"
        assert obs.value == 2
        assert obs.as_of == datetime.date(2023, 7, 2)
        assert obs.source is not None
        assert "3+ stars" in obs.source

    def test_assessed_with_the_demo_set(self) -> None:
        commune = demo.gazetteer().get("04039")
        met = assess(
            commune,
            demo.criterion_set(),
            [ocop_observation(self.CERTS, "04039", on="30/6/2023")],
            on="30/6/2023",
        )
        assert met.indicator("13.2").status is Status.MET
        none = assess(
            commune,
            demo.criterion_set(),
            [ocop_observation(self.CERTS, "04039", on="31/12/2022")],
            on="30/6/2023",
        )
        assert none.indicator("13.2").status is Status.NOT_MET
        assert none.indicator("13.2").actual == 0

    def test_another_indicator_code(self) -> None:
        obs = ocop_observation(self.CERTS, "04036", on="1/7/2023", indicator="3.4", min_stars=4)
        assert (obs.indicator_code, obs.value) == ("3.4", 2)  # B (5★) and C (4★, last day)


# -- files -------------------------------------------------------------------------------------


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
        cert = rate(product(80, recognised_on="1/1/2024"), rules=rules).certificate()
        assert cert is not None
        assert cert.valid_until == datetime.date(2029, 1, 1)

    def test_invalid_toml_and_missing_products(self) -> None:
        with pytest.raises(DataErrors, match="invalid TOML"):
            loads_products("[[products]\n")
        with pytest.raises(DataErrors, match="products: missing"):
            loads_products("format = 1\n")


# -- the docs page's examples run ------------------------------------------------------------


def run_pycon_blocks(page: Path) -> None:
    """Run every ```pycon block of a docs page as one doctest session."""
    import doctest
    import re

    text = page.read_text(encoding="utf-8")
    blocks = re.findall(r"```pycon\n(.*?)```", text, flags=re.DOTALL)
    assert blocks, f"no pycon blocks in {page}"
    parser = doctest.DocTestParser()
    runner = doctest.DocTestRunner(
        optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE, verbose=False
    )
    globs: dict[str, object] = {}
    for index, block in enumerate(blocks):
        test = parser.get_doctest(block, globs, f"{page.name}[{index}]", str(page), 0)
        runner.run(test, clear_globs=False)
        globs = test.globs  # DocTest copies its globals: carry them to the next block
    assert runner.failures == 0, f"{runner.failures} failing example(s) in {page}"


def test_the_docs_page_examples_run() -> None:
    run_pycon_blocks(Path(__file__).parents[1] / "docs" / "ocop.md")
