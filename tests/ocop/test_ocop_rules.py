"""Tests for ntm_criteria.ocop: the rule book (regimes, parts, bands, groups) and who rates each star class."""

from __future__ import annotations

from fractions import Fraction

import pytest

from ntm_criteria.errors import NotInForceError, UnknownCodeError
from ntm_criteria.ocop import (
    RatingLevel,
    ocop_rules,
    rating_level,
)
from ntm_criteria.rules import Confidence, Unspecified


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
