"""Tests for :mod:`ntm_criteria.rules`: requirements in words (the short style of the renderer)."""

from __future__ import annotations

from typing import Any

import pytest
from rules_support import (
    YEARS_2022_2023,
    F,
)

from ntm_criteria.errors import UnknownCodeError
from ntm_criteria.rules import (
    Achieved,
    AllOf,
    AnyOf,
    AtLeast,
    AtLeastK,
    AtMost,
    Between,
    ByGroup,
    ByRegion,
    ByTag,
    Equals,
    Fixed,
    OneOf,
    Ref,
    Unspecified,
    describe,
)

# =========================================================================== describe


class TestDescribe:
    @pytest.mark.parametrize(
        ("requirement", "unit", "vi", "en"),
        [
            (AtLeast(Fixed(F(1814, 25))), "percent", "≥ 72,56%", "≥ 72.56%"),
            (
                AtLeast(Fixed(45)),
                "million_VND / person / year",
                "≥ 45 triệu đồng/người/năm",
                "≥ 45 million VND/person/year",
            ),
            (
                AtMost(Fixed(2160)),
                "million_VND / person / year",
                "≤ 2.160 triệu đồng/người/năm",
                "≤ 2,160 million VND/person/year",
            ),
            (
                AtLeast(Fixed(1_500_000)),
                "VND / person / month",
                "≥ 1.500.000 đồng/người/tháng",
                "≥ 1,500,000 VND/person/month",
            ),
            (Equals(Fixed(100)), "percent", "= 100%", "= 100%"),
            (AtLeast(Fixed(5)), "dimensionless", "≥ 5", "≥ 5"),
            (AtLeast(Fixed(F(1, 3))), None, "≥ 0,33", "≥ 0.33"),
            (AtLeast(Fixed(F(83, 2))), None, "≥ 41,5", "≥ 41.5"),
            (
                Between(Fixed(1), Fixed(F(5, 2))),
                "km",
                "từ 1 km đến 2,5 km",
                "between 1 km and 2.5 km",
            ),
            (Achieved(), None, "đạt", "achieved"),
            (OneOf(("Tốt", "Khá")), None, "một trong: Tốt, Khá", "one of: Tốt, Khá"),
            (Unspecified(), None, "chưa quy định ngưỡng", "threshold not specified"),
            (
                Unspecified("UBND cấp tỉnh quy định"),
                None,
                "chưa quy định ngưỡng: UBND cấp tỉnh quy định",
                "threshold not specified: UBND cấp tỉnh quy định",
            ),
            (
                Unspecified(missing=("group", "4")),
                None,
                "chưa quy định ngưỡng: không có giá trị cho nhóm xã 4",
                "threshold not specified: no value for commune group 4",
            ),
            (
                AtMost(Unspecified("UBND cấp tỉnh quy định")),
                "percent",
                "≤ ? (chưa quy định ngưỡng: UBND cấp tỉnh quy định)",
                "≤ ? (threshold not specified: UBND cấp tỉnh quy định)",
            ),
            (
                AtLeast(Unspecified(missing=("region", "DBSH"))),
                "percent",
                "≥ ? (chưa quy định ngưỡng: không có giá trị cho vùng DBSH)",
                "≥ ? (threshold not specified: no value for region DBSH)",
            ),
            (AtLeast(ByRegion({"A": Fixed(1)})), "percent", "≥ [theo vùng]", "≥ [by region]"),
            (
                AtLeast(ByGroup({1: Fixed(1)})),
                None,
                "≥ [theo nhóm xã]",
                "≥ [by commune group]",
            ),
            (
                AtLeast(ByTag([("island", Fixed(1))])),
                None,
                "≥ [theo loại xã]",
                "≥ [by locality tag]",
            ),
            (AtLeast(YEARS_2022_2023), None, "≥ [theo năm]", "≥ [by year]"),
            (Ref("13.1"), None, "13.1", "13.1"),
            (AllOf([Ref("1"), Ref("2")]), None, "1 và 2", "1 and 2"),
            (AnyOf([Achieved(), Ref("2")]), None, "đạt hoặc 2", "achieved or 2"),
            (
                AtLeastK(2, [Ref("a"), Ref("b"), Ref("c")]),
                None,
                "ít nhất 2 trong: a, b, c",
                "at least 2 of: a, b, c",
            ),
            (
                AllOf([AtLeast(Fixed(10)), AtMost(Fixed(20))]),
                "percent",
                "≥ 10% và ≤ 20%",
                "≥ 10% and ≤ 20%",
            ),
        ],
    )
    def test_phrase(self, requirement: Any, unit: str | None, vi: str, en: str) -> None:
        assert describe(requirement, unit) == vi
        assert describe(requirement, unit, "vi") == vi
        assert describe(requirement, unit, lang="en") == en

    def test_unknown_language(self) -> None:
        with pytest.raises(UnknownCodeError, match="unknown language 'fr'"):
            describe(Achieved(), lang="fr")
