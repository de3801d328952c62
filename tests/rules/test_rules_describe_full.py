"""The one requirement renderer in its full style: what the catalog pages write."""

from __future__ import annotations

import datetime

import pytest

from ntm_criteria import catalog
from ntm_criteria.periods import Period
from ntm_criteria.rules import (
    Achieved,
    AllOf,
    AnyOf,
    AtLeast,
    AtLeastK,
    Between,
    ByDate,
    ByGroup,
    ByTag,
    Fixed,
    OneOf,
    Ref,
    Scaled,
    Unspecified,
    describe,
)

CASES = [
    (Ref("13.1"), "`13.1`", "13.1"),
    (Achieved(), "achieved (đạt)", "achieved"),
    (OneOf(("Tốt", "Khá")), "one of Tốt, Khá", "one of: Tốt, Khá"),
    (Between(Fixed(1), Fixed(3)), "between 1 and 3", "between 1 and 3"),
    (
        AtLeastK(1, [Ref("a"), AllOf([Ref("b"), Ref("c")])]),
        "at least 1 of (`a`; all of (`b`; `c`))",
        "at least 1 of: a, (b and c)",
    ),
    (AnyOf([Ref("a"), Ref("b")]), "any of (`a`; `b`)", "a or b"),
    (Unspecified("UBND tỉnh"), "**unspecified** (UBND tỉnh)", "threshold not specified: UBND tỉnh"),
    (
        AtLeast(Scaled("adv:10", 1.1)),
        "≥ 1.1 × the threshold of `adv:10`",
        "≥ 1.1 × [adv:10]",
    ),
    (
        AtLeast(ByGroup({1: Fixed(90)}, default=Fixed(80))),
        "≥ [group 1: 90; other groups: 80]",
        "≥ [by commune group]",
    ),
    (
        AtLeast(ByTag((("island", Fixed(60)),))),
        "≥ [island: 60]",
        "≥ [by locality tag]",
    ),
    (
        AtLeast(
            ByDate(
                (
                    (Period.year(2022), Fixed(1)),
                    (Period(datetime.date(2023, 1, 1), datetime.date(2024, 6, 30)), Fixed(2)),
                ),
                default=Fixed(3),
            )
        ),
        "≥ [2022: 1; 2023-01-01–2024-06-30: 2; other dates: 3]",
        "≥ [by year]",
    ),
]


@pytest.mark.parametrize(("requirement", "full", "short"), CASES)
def test_full_and_short_styles_of_one_renderer(requirement, full, short):
    assert describe(requirement, lang="en", full=True) == full
    assert describe(requirement, lang="en") == short


def test_catalog_requirement_text_is_the_full_style_in_english():
    for info in catalog.list_sets():
        for indicator in catalog.get(info.id).indicators():
            expected = describe(indicator.requirement, indicator.unit, "en", full=True)
            assert catalog.requirement_text(indicator.requirement, indicator.unit) == expected


def test_the_full_style_is_written_in_vietnamese_too():
    text = describe(
        AllOf([AtLeast(ByGroup({1: Fixed(90)}, default=Fixed(80))), Unspecified()]),
        "percent",
        full=True,
    )
    assert text == "tất cả (≥ [nhóm 1: 90%; nhóm khác: 80%]; **chưa quy định**)"
