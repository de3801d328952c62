"""Tests for :mod:`ntm_criteria.rules`: numbers, provenance and values as plain data and back."""

from __future__ import annotations

import json
from decimal import Decimal
from fractions import Fraction
from typing import Any

import pytest
from rules_support import (
    OFFICIAL,
    YEARS_2022_2023,
    D,
    F,
    read_value,
)

from ntm_criteria.periods import Period
from ntm_criteria.rules import (
    PROVENANCE_KEYS,
    ByDate,
    ByGroup,
    ByRegion,
    ByTag,
    Confidence,
    Fixed,
    Problems,
    Provenance,
    Unspecified,
    number_from_data,
    number_to_data,
    provenance_from_data,
    provenance_to_data,
    value_to_data,
)

# =========================================================================== numbers


class TestNumbers:
    @pytest.mark.parametrize(
        ("data", "number"),
        [
            (80, F(80)),
            (0, F(0)),
            (-3, F(-3)),
            (72.56, F(1814, 25)),
            (45.5, F(91, 2)),
            (0.1, F(1, 10)),
            (1e-7, F(1, 10_000_000)),
            ("1/3", F(1, 3)),
            (" 2/6 ", F(1, 3)),
            ("72.56", F(1814, 25)),
            ("-4", F(-4)),
            (F(2, 7), F(2, 7)),
            (Decimal("45.50"), F(91, 2)),
            # Changed by issue 9: numbers are below 10**30 (a documented limit).
            (10**30 - 1, F(10**30 - 1)),
        ],
    )
    def test_from_data(self, data: object, number: Fraction) -> None:
        problems = Problems()
        assert number_from_data(data, "x", problems) == number
        assert not problems

    @pytest.mark.parametrize(
        ("data", "message", "expected"),
        [
            (True, "True is not a number", "a number"),
            (False, "False is not a number", "a number"),
            (float("nan"), "nan is not a finite number", "a number"),
            (float("inf"), "inf is not a finite number", "a number"),
            (float("-inf"), "-inf is not a finite number", "a number"),
            ("abc", "'abc' is not a number", "a number such as 80 or 45.5"),
            ("1/0", "'1/0' is not a number", "a number such as 80 or 45.5"),
            ("72,56", "'72,56' is not a number", "a number such as 80 or 45.5"),
            ("", "'' is not a number", "a number such as 80 or 45.5"),
            (None, "None is not a number", "a number such as 80 or 45.5"),
            ([1], "[1] is not a number", "a number such as 80 or 45.5"),
            ("x" * 50, "'" + "x" * 36 + "... is not a number", "a number such as 80 or 45.5"),
        ],
    )
    def test_from_bad_data(self, data: object, message: str, expected: str) -> None:
        problems = Problems()
        assert number_from_data(data, "a.b", problems) is None
        [problem] = problems.items
        assert (problem.key_path, problem.message, problem.expected) == ("a.b", message, expected)

    @pytest.mark.parametrize(
        ("number", "data"),
        [
            (F(80), 80),
            (F(-7), -7),
            (F(1814, 25), 72.56),
            (F(-1, 2), -0.5),
            (F(1, 3), "1/3"),
            (F(2, 7), "2/7"),
            (F(1, 2**60), f"1/{2**60}"),
        ],
    )
    def test_to_data(self, number: Fraction, data: object) -> None:
        written = number_to_data(number)
        assert written == data
        assert type(written) is type(data)

    @pytest.mark.parametrize(
        "number", [F(1814, 25), F(1, 3), F(0), F(10**20), F(-5, 8), F(123456789, 1000)]
    )
    def test_round_trip(self, number: Fraction) -> None:
        problems = Problems()
        assert number_from_data(number_to_data(number), "", problems) == number
        assert number_from_data(json.loads(json.dumps(number_to_data(number))), "", problems) == (
            number
        )
        assert not problems


# =========================================================================== provenance


class TestProvenanceData:
    def test_none_without_keys(self) -> None:
        assert provenance_from_data({"value": 1}, "", Problems()) is None

    def test_read(self) -> None:
        data = {"source": "318/QĐ-TTg, Annex I", "confidence": "official", "certainty": "high"}
        problems = Problems()
        assert provenance_from_data(data, "", problems) == OFFICIAL
        assert not problems

    def test_missing_keys_come_from_base(self) -> None:
        base = Provenance("QĐ 1", Confidence.PROVINCIAL, "medium")
        result = provenance_from_data({"certainty": "low"}, "", Problems(), base)
        assert result == Provenance("QĐ 1", Confidence.PROVINCIAL, "low")

    def test_bad_keys(self) -> None:
        problems = Problems()
        data = {"source": 3, "confidence": "bogus", "certainty": "maybe"}
        assert provenance_from_data(data, "x", problems) == Provenance()
        assert [(p.key_path, p.message, p.expected) for p in problems.items] == [
            ("x.source", "3 is not text", "a string"),
            (
                "x.confidence",
                "unknown confidence 'bogus'",
                "official, provincial, illustrative, unverified",
            ),
            ("x.certainty", "unknown certainty 'maybe'", "high, medium or low"),
        ]

    @pytest.mark.parametrize(
        ("provenance", "data"),
        [
            (None, {}),
            # Every key is written, "" for none, so that no key is inherited on reading.
            (Provenance(), {"source": "", "confidence": "unverified", "certainty": ""}),
            (
                Provenance("QĐ 1", Confidence.PROVINCIAL),
                {"source": "QĐ 1", "confidence": "provincial", "certainty": ""},
            ),
            (
                OFFICIAL,
                {"source": "318/QĐ-TTg, Annex I", "confidence": "official", "certainty": "high"},
            ),
        ],
    )
    def test_to_data_and_back(self, provenance: Provenance | None, data: dict[str, str]) -> None:
        assert provenance_to_data(provenance) == data
        if provenance is not None:
            assert provenance_from_data(data, "", Problems()) == provenance

    def test_keys(self) -> None:
        assert PROVENANCE_KEYS == ("source", "confidence", "certainty")


# =========================================================================== values as data


VALUE_FORMS = [
    (80, Fixed(80)),
    (72.56, Fixed(F(1814, 25))),
    ("1/3", Fixed(F(1, 3))),
    ({"value": 45}, Fixed(45)),
    (
        {"value": 45, "source": "318/QĐ-TTg", "confidence": "official"},
        Fixed(45, Provenance("318/QĐ-TTg", Confidence.OFFICIAL)),
    ),
    ("unspecified", Unspecified()),
    ({"unspecified": True}, Unspecified()),
    ({"unspecified": "UBND cấp tỉnh quy định"}, Unspecified("UBND cấp tỉnh quy định")),
    (
        {"unspecified": True, "confidence": "provincial"},
        Unspecified(provenance=Provenance(confidence=Confidence.PROVINCIAL)),
    ),
    (
        {"unspecified": True, "missing": ["region", "DBSH"]},
        Unspecified(missing=("region", "DBSH")),
    ),
    (
        {"by_region": {"TDMNPB": 39, "DBSCL": 45}, "default": 42},
        ByRegion({"TDMNPB": Fixed(39), "DBSCL": Fixed(45)}, default=Fixed(42)),
    ),
    ({"by_year": {"2022": 39, "2023": 42}}, YEARS_2022_2023),
    (
        {"by_date": [{"from": "2022-03-08", "until": "2024-02-29", "value": 80}]},
        ByDate(((Period(D(2022, 3, 8), D(2024, 2, 29)), Fixed(80)),)),
    ),
    (
        {"by_date": [{"from": D(2022, 3, 8), "until": "29/2/2024", "value": 80}]},
        ByDate(((Period(D(2022, 3, 8), D(2024, 2, 29)), Fixed(80)),)),
    ),
    (
        {"by_group": {"1": 90, "2": 80, "3": 70}},
        ByGroup({1: Fixed(90), 2: Fixed(80), 3: Fixed(70)}),
    ),
    (
        {"by_tag": {"island": 60, "border": 70}, "default": 80},
        ByTag((("island", Fixed(60)), ("border", Fixed(70))), default=Fixed(80)),
    ),
    (
        {"by_year": {"2022": {"by_region": {"TDMNPB": 39}}, "2023": "unspecified"}},
        ByDate(
            (
                (Period.year(2022), ByRegion({"TDMNPB": Fixed(39)})),
                (Period.year(2023), Unspecified()),
            )
        ),
    ),
    (
        {"by_region": {"DBSH": {"by_group": {"1": {"value": 3, "certainty": "low"}}}}},
        ByRegion({"DBSH": ByGroup({1: Fixed(3, Provenance(certainty="low"))})}),
    ),
]


class TestValueFromData:
    @pytest.mark.parametrize(("data", "value"), VALUE_FORMS)
    def test_written_forms(self, data: object, value: object) -> None:
        result, problems = read_value(data)
        assert problems == []
        assert result == value

    def test_by_tag_keeps_the_written_order(self) -> None:
        result, _ = read_value({"by_tag": {"border": 70, "island": 60}})
        assert [tag for tag, _ in result.cases] == ["border", "island"]


class TestValueToData:
    @pytest.mark.parametrize(
        ("value", "data"),
        [
            (Fixed(80), 80),
            (Fixed(F(1814, 25)), 72.56),
            (Fixed(F(1, 3)), "1/3"),
            (Fixed(45, OFFICIAL), {"value": 45, **provenance_to_data(OFFICIAL)}),
            (Unspecified(), "unspecified"),
            (Unspecified("ghi chú"), {"unspecified": "ghi chú"}),
            (
                Unspecified(provenance=OFFICIAL),
                {"unspecified": True, **provenance_to_data(OFFICIAL)},
            ),
            (
                Unspecified(missing=("region", "DBSH")),
                {"unspecified": True, "missing": ["region", "DBSH"]},
            ),
            (
                ByRegion({"TDMNPB": Fixed(39)}, default=Fixed(45)),
                {"by_region": {"TDMNPB": 39}, "default": 45},
            ),
            (ByGroup({1: Fixed(90), 3: Fixed(70)}), {"by_group": {"1": 90, "3": 70}}),
            (
                ByTag((("island", Fixed(60)),), default=Fixed(80)),
                {"by_tag": {"island": 60}, "default": 80},
            ),
            (YEARS_2022_2023, {"by_year": {"2022": 39, "2023": 42}}),
            (
                ByDate(
                    (
                        (Period.year(2022), Fixed(1)),
                        (Period.between("1/1/2023", "30/6/2023"), Fixed(2)),
                    )
                ),
                {
                    "by_date": [
                        {"from": "2022-01-01", "until": "2022-12-31", "value": 1},
                        {"from": "2023-01-01", "until": "2023-06-30", "value": 2},
                    ]
                },
            ),
        ],
    )
    def test_plain_form(self, value: Any, data: object) -> None:
        assert value_to_data(value) == data
        assert json.loads(json.dumps(value_to_data(value))) == data
        assert read_value(data) == (value, [])

    @pytest.mark.parametrize(("data", "value"), VALUE_FORMS)
    def test_every_written_form_round_trips(self, data: object, value: Any) -> None:
        assert read_value(value_to_data(value)) == (value, [])
