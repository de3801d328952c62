"""Tests for :mod:`ntm_criteria.rules`: requirements as plain data and back."""

from __future__ import annotations

import json
import tomllib
from typing import Any

import pytest
from rules_support import (
    YEARS_2022_2023,
    D,
    F,
    read,
)

from ntm_criteria.periods import Period
from ntm_criteria.rules import (
    Achieved,
    AllOf,
    AnyOf,
    AtLeast,
    AtLeastK,
    AtMost,
    Between,
    ByDate,
    ByGroup,
    ByRegion,
    ByTag,
    Confidence,
    Equals,
    Fixed,
    OneOf,
    Provenance,
    Ref,
    Unspecified,
    requirement_to_data,
)

# =========================================================================== requirements as data

REQUIREMENT_FORMS = [
    ({"at_least": 80}, AtLeast(Fixed(80))),
    ({"at_most": 6}, AtMost(Fixed(6))),
    ({"equals": 100}, Equals(Fixed(100))),
    ({"between": [1, 3]}, Between(Fixed(1), Fixed(3))),
    ({"between": [2, 2]}, Between(Fixed(2), Fixed(2))),
    ({"between": [1, "unspecified"]}, Between(Fixed(1), Unspecified())),
    ("achieved", Achieved()),
    ({"achieved": True}, Achieved()),
    ({"one_of": ["Tốt", "Khá"]}, OneOf(("Tốt", "Khá"))),
    ("unspecified", Unspecified()),
    ({"unspecified": "UBND cấp tỉnh quy định"}, Unspecified("UBND cấp tỉnh quy định")),
    (
        {"unspecified": True, "source": "QĐ 1", "confidence": "provincial"},
        Unspecified(provenance=Provenance("QĐ 1", Confidence.PROVINCIAL)),
    ),
    (
        {"all_of": [{"at_least": 1}, {"at_most": 9}]},
        AllOf([AtLeast(Fixed(1)), AtMost(Fixed(9))]),
    ),
    ({"any_of": ["achieved", "unspecified"]}, AnyOf([Achieved(), Unspecified()])),
    (
        {"at_least_k": 2, "of": [{"at_least": 1}, {"at_most": 9}, {"equals": 5}]},
        AtLeastK(2, [AtLeast(Fixed(1)), AtMost(Fixed(9)), Equals(Fixed(5))]),
    ),
    (
        {"at_least": {"by_region": {"TDMNPB": 39}, "default": 45}},
        AtLeast(ByRegion({"TDMNPB": Fixed(39)}, default=Fixed(45))),
    ),
    (
        {"at_least": {"value": 45, "source": "318/QĐ-TTg", "confidence": "official"}},
        AtLeast(Fixed(45, Provenance("318/QĐ-TTg", Confidence.OFFICIAL))),
    ),
    ({"at_least": {"by_year": {"2022": 39, "2023": 42}}}, AtLeast(YEARS_2022_2023)),
]


class TestRequirementFromData:
    @pytest.mark.parametrize(("data", "requirement"), REQUIREMENT_FORMS)
    def test_written_forms(self, data: object, requirement: Any) -> None:
        assert read(data) == (requirement, [])

    @pytest.mark.parametrize(("data", "requirement"), REQUIREMENT_FORMS)
    def test_round_trip(self, data: object, requirement: Any) -> None:
        written = requirement_to_data(requirement)
        assert read(written) == (requirement, [])
        assert read(json.loads(json.dumps(written))) == (requirement, [])

    @pytest.mark.parametrize(
        ("data", "rule"),
        [
            (
                {"at_least_k": 2, "of": ["1", "2", "3"]},
                AtLeastK(2, [Ref("1"), Ref("2"), Ref("3")]),
            ),
            ({"all_of": [{"ref": "13.1"}, "13.2"]}, AllOf([Ref("13.1"), Ref("13.2")])),
            (
                {"any_of": ["1", {"all_of": ["2", "3"]}]},
                AnyOf([Ref("1"), AllOf([Ref("2"), Ref("3")])]),
            ),
            ({"all_of": ["1", "achieved"]}, AllOf([Ref("1"), Achieved()])),
            ({"all_of": [{"ref": "achieved"}]}, AllOf([Ref("achieved")])),
        ],
    )
    def test_rules_with_codes(self, data: object, rule: Any) -> None:
        assert read(data, refs=True) == (rule, [])
        assert read(requirement_to_data(rule), refs=True) == (rule, [])

    def test_ref_to_data(self) -> None:
        assert requirement_to_data(Ref("13.1")) == {"ref": "13.1"}
        assert requirement_to_data(AtLeastK(1, [Ref("1"), Ref("2")])) == {
            "at_least_k": 1,
            "of": [{"ref": "1"}, {"ref": "2"}],
        }

    def test_to_data_forms(self) -> None:
        assert requirement_to_data(Achieved()) == "achieved"
        assert requirement_to_data(Unspecified()) == "unspecified"
        assert requirement_to_data(OneOf(("Tốt",))) == {"one_of": ["Tốt"]}
        assert requirement_to_data(Between(Fixed(F(1, 3)), Fixed(1))) == {"between": ["1/3", 1]}

    @pytest.mark.parametrize(
        ("toml", "requirement"),
        [
            ("requirement = { at_least = 80 }", AtLeast(Fixed(80))),
            ("requirement = { at_least = 72.56 }", AtLeast(Fixed(F(1814, 25)))),
            ("requirement = { between = [1, 3] }", Between(Fixed(1), Fixed(3))),
            ('requirement = "achieved"', Achieved()),
            ('requirement = { one_of = ["Tốt", "Khá"] }', OneOf(("Tốt", "Khá"))),
            (
                'requirement = { unspecified = "UBND cấp tỉnh quy định" }',
                Unspecified("UBND cấp tỉnh quy định"),
            ),
            (
                "requirement = { at_least = { by_region = { TDMNPB = 39, DBSCL = 45 }, default = 42 } }",
                AtLeast(ByRegion({"TDMNPB": Fixed(39), "DBSCL": Fixed(45)}, default=Fixed(42))),
            ),
            (
                "requirement = { at_least = { by_year = { 2022 = 39, 2023 = 42 } } }",
                AtLeast(YEARS_2022_2023),
            ),
            (
                "requirement = { at_least = { by_date = [ "
                "{ from = 2022-03-08, until = 2024-02-29, value = 80 }, "
                "{ from = 2024-03-01, until = 2025-12-31, value = 90 } ] } }",
                AtLeast(
                    ByDate(
                        (
                            (Period(D(2022, 3, 8), D(2024, 2, 29)), Fixed(80)),
                            (Period(D(2024, 3, 1), D(2025, 12, 31)), Fixed(90)),
                        )
                    )
                ),
            ),
            (
                "requirement = { at_least = { by_group = { 1 = 90, 2 = 80, 3 = 70 } } }",
                AtLeast(ByGroup({1: Fixed(90), 2: Fixed(80), 3: Fixed(70)})),
            ),
            (
                "requirement = { at_least = { by_tag = { island = 60 }, default = 80 } }",
                AtLeast(ByTag((("island", Fixed(60)),), default=Fixed(80))),
            ),
            (
                "[requirement.at_least.by_year.2022]\n"
                "by_region = { TDMNPB = 39, DBSH = 48, DBSCL = 45 }\n"
                "[requirement.at_least.by_year.2023]\n"
                "by_region = { TDMNPB = 42, DBSH = 52, DBSCL = 48 }\n",
                AtLeast(
                    ByDate(
                        (
                            (
                                Period.year(2022),
                                ByRegion(
                                    {"TDMNPB": Fixed(39), "DBSH": Fixed(48), "DBSCL": Fixed(45)}
                                ),
                            ),
                            (
                                Period.year(2023),
                                ByRegion(
                                    {"TDMNPB": Fixed(42), "DBSH": Fixed(52), "DBSCL": Fixed(48)}
                                ),
                            ),
                        )
                    )
                ),
            ),
        ],
    )
    def test_toml_from_the_format_reference(self, toml: str, requirement: Any) -> None:
        data = tomllib.loads(toml)["requirement"]
        assert read(data) == (requirement, [])

    def test_toml_rule_from_the_format_reference(self) -> None:
        data = tomllib.loads('rule = { at_least_k = 2, of = ["13.1", "13.2", "13.3"] }')["rule"]
        assert read(data, refs=True) == (AtLeastK(2, [Ref("13.1"), Ref("13.2"), Ref("13.3")]), [])
