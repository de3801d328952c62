"""Tests for :mod:`ntm_criteria.rules`: every problem of a bad requirement or value, with its key path."""

from __future__ import annotations

import datetime
from typing import Any, ClassVar

import pytest
from rules_support import (
    OPERATOR_LIST,
    _problem,
    read,
    where,
)

from ntm_criteria.errors import DataError, DataErrors, NtmError, ParseError
from ntm_criteria.rules import (
    AtLeast,
    Fixed,
    Problems,
    requirement_from_data,
)

# =========================================================================== problems


class TestRequirementProblems:
    @pytest.mark.parametrize(
        ("data", "path", "message", "expected"),
        [
            (
                {"atleast": 80},
                "req.atleast",
                "unknown operator 'atleast'; did you mean 'at_least'?",
                OPERATOR_LIST,
            ),
            (
                {"at_leat": 80},
                "req.at_leat",
                "unknown operator 'at_leat'; did you mean 'at_least'?",
                OPERATOR_LIST,
            ),
            (
                {"xyz": 80},
                "req.xyz",
                "unknown operator 'xyz'",
                OPERATOR_LIST,
            ),
            (
                {"at_least": 1, "at_most": 3},
                "req",
                "several operators in one requirement: at_least, at_most",
                "exactly one; combine them with all_of",
            ),
            ({}, "req", "no operator", OPERATOR_LIST),
            (
                {"of": ["1"]},
                "req.of",
                "unknown operator 'of'",
                OPERATOR_LIST,
            ),
            (
                5,
                "req",
                "5 is not a requirement",
                'a table such as {at_least = 80}, or "achieved"',
            ),
            (
                "atleast",
                "req",
                "'atleast' is not a requirement",
                'a table such as {at_least = 80}, or "achieved"',
            ),
            (
                None,
                "req",
                "None is not a requirement",
                'a table such as {at_least = 80}, or "achieved"',
            ),
            ({"at_least": True}, "req.at_least", "True is not a number", "a number"),
            (
                {"at_most": float("nan")},
                "req.at_most",
                "nan is not a finite number",
                "a number",
            ),
            (
                {"equals": "100%"},
                "req.equals",
                "'100%' is not a number",
                "a number such as 80 or 45.5",
            ),
            ({"between": [1]}, "req.between", "[1] is not a pair", "[low, high]"),
            ({"between": [1, 2, 3]}, "req.between", "[1, 2, 3] is not a pair", "[low, high]"),
            ({"between": "1-3"}, "req.between", "'1-3' is not a pair", "[low, high]"),
            ({"between": 1}, "req.between", "1 is not a pair", "[low, high]"),
            ({"between": [3, 1]}, "req.between", "low 3 is above high 1", "low ≤ high"),
            (
                {"between": ["x", 1]},
                "req.between[0]",
                "'x' is not a number",
                "a number such as 80 or 45.5",
            ),
            (
                {"between": [1, False]},
                "req.between[1]",
                "False is not a number",
                "a number",
            ),
            ({"achieved": False}, "req.achieved", "False is not true", "achieved = true"),
            ({"achieved": "yes"}, "req.achieved", "'yes' is not true", "achieved = true"),
            (
                {"one_of": "Tốt"},
                "req.one_of",
                "'Tốt' is not a list of grades",
                '["Tốt", "Khá"]',
            ),
            ({"one_of": []}, "req.one_of", "[] is not a list of grades", '["Tốt", "Khá"]'),
            (
                {"one_of": ["Tốt", 3]},
                "req.one_of",
                "['Tốt', 3] is not a list of grades",
                '["Tốt", "Khá"]',
            ),
            ({"all_of": []}, "req.all_of", "[] is not a list", "a non-empty list"),
            ({"any_of": {"a": 1}}, "req.any_of", "{'a': 1} is not a list", "a non-empty list"),
            ({"at_least_k": 2}, "req.of", "None is not a list", "a non-empty list"),
            (
                {"at_least_k": 1.5, "of": ["achieved"]},
                "req.at_least_k",
                "1.5 is not a whole number",
                "a count",
            ),
            (
                {"at_least_k": True, "of": ["achieved"]},
                "req.at_least_k",
                "True is not a whole number",
                "a count",
            ),
            (
                {"at_least_k": "2", "of": ["achieved"]},
                "req.at_least_k",
                "'2' is not a whole number",
                "a count",
            ),
            (
                {"at_least_k": 0, "of": ["achieved"]},
                "req",
                "at_least_k = 0 with 1 items",
                "k between 1 and 1",
            ),
            (
                {"at_least_k": 3, "of": ["achieved", "achieved"]},
                "req",
                "at_least_k = 3 with 2 items",
                "k between 1 and 2",
            ),
            (
                {"all_of": [{"at_least": 1}, "achieved"]},
                "req",
                "a combined requirement mixes bool and number conditions",
                "conditions on one kind of value",
            ),
            (
                {"all_of": ["13.1"]},
                "req.all_of[0]",
                "'13.1' is not a requirement",
                'a table such as {at_least = 80}, or "achieved"',
            ),
            (
                {"all_of": [{"atmost": 1}]},
                "req.all_of[0].atmost",
                "unknown operator 'atmost'; did you mean 'at_most'?",
                OPERATOR_LIST,
            ),
            (
                {"unspecified": 5},
                "req.unspecified",
                "expected a note or true",
                "a string",
            ),
        ],
    )
    def test_one_problem(self, data: object, path: str, message: str, expected: str) -> None:
        _, problems = _problem(data)
        assert problems == [(path, message, expected)]

    def test_unknown_key_next_to_an_operator(self) -> None:
        result, problems = _problem({"at_least": 80, "of": [1]})
        assert problems == [("req.of", "unknown operator 'of'", OPERATOR_LIST)]
        assert result == AtLeast(Fixed(80))

    def test_ref_problems(self) -> None:
        _, problems = _problem({"all_of": ["1", {"ref": 5}]}, refs=True)
        assert problems == [("req.all_of[1]", "a ref must be a code", "a string")]

    def test_refs_are_not_allowed_in_an_indicator_requirement(self) -> None:
        _, problems = _problem({"all_of": [{"ref": "1"}]})
        assert problems == [("req.all_of[0].ref", "unknown operator 'ref'", OPERATOR_LIST)]

    def test_top_level_path(self) -> None:
        problems = Problems()
        requirement_from_data({"atleast": 1}, "", problems)
        assert [p.key_path for p in problems.items] == ["atleast"]

    def test_keys_that_are_not_names_are_quoted(self) -> None:
        _, problems = _problem({"at least": 1, "9x": 2})
        assert [path for path, _, _ in problems] == [
            'req."at least"',
            'req."9x"',
        ]


class TestValueProblems:
    @pytest.mark.parametrize(
        ("data", "path", "message", "expected"),
        [
            (
                {"at_least": {"by_group": {"4": 1}}},
                'req.at_least.by_group."4"',
                "unknown commune group '4'",
                "1, 2 or 3",
            ),
            (
                {"at_least": {"by_group": {"one": 1}}},
                "req.at_least.by_group.one",
                "unknown commune group 'one'",
                "1, 2 or 3",
            ),
            (
                {"at_least": {"by_year": {"22": 1}}},
                'req.at_least.by_year."22"',
                "'22' is not a year",
                "a four-digit year such as 2022",
            ),
            (
                {"at_least": {"by_year": {"2022-2023": 1}}},
                'req.at_least.by_year."2022-2023"',
                "'2022-2023' is not a year",
                "a four-digit year such as 2022",
            ),
            (
                {"at_least": {"by_region": {}}},
                "req.at_least.by_region",
                "{} is not a table of values",
                "a table",
            ),
            (
                {"at_least": {"by_region": 5}},
                "req.at_least.by_region",
                "5 is not a table of values",
                "a table",
            ),
            (
                {"at_least": {"by_region": {"TDMNPB": "x"}}},
                "req.at_least.by_region.TDMNPB",
                "'x' is not a number",
                "a number such as 80 or 45.5",
            ),
            (
                {"at_least": {"by_regoin": {"TDMNPB": 1}, "value": 3}},
                "req.at_least.by_regoin",
                "unknown value key 'by_regoin'; did you mean 'by_region'?",
                "by_region, by_group, by_tag, by_year, by_date, value, unspecified, default, "
                "source, confidence, certainty",
            ),
            (
                {"at_least": {"by_region": {"TDMNPB": 1}, "defualt": 3}},
                "req.at_least.defualt",
                "unknown value key 'defualt'; did you mean 'default'?",
                "by_region, by_group, by_tag, by_year, by_date, value, unspecified, default, "
                "source, confidence, certainty",
            ),
            (
                {"at_least": {"value": 1, "missing": ["region", "X"]}},
                "req.at_least.missing",
                "unknown value key 'missing'",
                "by_region, by_group, by_tag, by_year, by_date, value, unspecified, default, "
                "source, confidence, certainty",
            ),
            (
                {"at_least": {"default": 1}},
                "req.at_least",
                "a value table needs exactly one of value, unspecified, by_region, by_group, "
                "by_tag, by_year, by_date",
                "one value",
            ),
            (
                {"at_least": {"value": 1, "by_region": {"A": 2}}},
                "req.at_least",
                "a value table needs exactly one of value, unspecified, by_region, by_group, "
                "by_tag, by_year, by_date",
                "one value",
            ),
            (
                {"at_least": {"value": "abc"}},
                "req.at_least.value",
                "'abc' is not a number",
                "a number such as 80 or 45.5",
            ),
            (
                {"at_least": {"value": 1, "confidence": "sure"}},
                "req.at_least.confidence",
                "unknown confidence 'sure'",
                "official, provincial, illustrative, unverified",
            ),
            (
                {"at_least": {"unspecified": "n", "missing": "DBSH"}},
                "req.at_least.missing",
                "'DBSH' is not a pair of names",
                '["region", "DBSH"]',
            ),
            (
                {"at_least": {"by_date": "2022"}},
                "req.at_least.by_date",
                "by_date needs a list of {from, until, value} tables",
                "a list",
            ),
            (
                {"at_least": {"by_date": []}},
                "req.at_least.by_date",
                "by_date needs a list of {from, until, value} tables",
                "a list",
            ),
            (
                {"at_least": {"by_date": [5]}},
                "req.at_least.by_date[0]",
                "5 is not a table",
                "{from, until, value}",
            ),
            (
                {
                    "at_least": {
                        "by_date": [
                            {"from": "2022-01-01", "until": "2022-12-31", "value": 1},
                            {"from": "2022-06-01", "until": "2023-12-31", "value": 2},
                        ]
                    }
                },
                "req.at_least.by_date",
                "periods 2022-01-01/2022-12-31 and 2022-06-01/2023-12-31 overlap",
                "disjoint periods",
            ),
            (
                {
                    "at_least": {
                        "by_date": [{"from": "2022-12-01", "until": "2022-01-01", "value": 1}]
                    }
                },
                "req.at_least.by_date[0]",
                "period starts on 2022-12-01, after its end 2022-01-01",
                "start <= end",
            ),
            (
                {"at_least": {"by_date": [{"from": 2022, "until": "2022-12-31", "value": 1}]}},
                "req.at_least.by_date[0].from",
                "2022 is not a date",
                "a date such as 2022-03-08",
            ),
            (
                {
                    "at_least": {
                        "by_date": [
                            {
                                "from": datetime.datetime(2022, 1, 1, 8),
                                "until": "2022-12-31",
                                "value": 1,
                            }
                        ]
                    }
                },
                "req.at_least.by_date[0].from",
                "datetime.datetime(2022, 1, 1, 8, 0) is not a date",
                "a date such as 2022-03-08",
            ),
            (
                {"at_least": {"by_date": [{"until": "2022-12-31", "value": 1}]}},
                "req.at_least.by_date[0].from",
                "None is not a date",
                "a date such as 2022-03-08",
            ),
            (
                {"at_least": {"by_date": [{"from": "2022-01-01", "until": "2022-12-31"}]}},
                "req.at_least.by_date[0].value",
                "None is not a number",
                "a number such as 80 or 45.5",
            ),
            (
                {
                    "at_least": {
                        "by_date": [
                            {"from": "2022-01-01", "until": "2022-12-31", "value": 1, "valeu": 1}
                        ]
                    }
                },
                "req.at_least.by_date[0].valeu",
                "unknown key 'valeu'; did you mean 'value'?",
                "from, until, value",
            ),
        ],
    )
    def test_one_problem(self, data: object, path: str, message: str, expected: str) -> None:
        _, problems = _problem(data)
        assert problems == [(path, message, expected)]

    @pytest.mark.parametrize(
        ("text", "hint"), [("2022-13-01", "there is no month 13"), ("x", "ISO '2022-06-15'")]
    )
    def test_unreadable_dates(self, text: str, hint: str) -> None:
        data = {"at_least": {"by_date": [{"from": text, "until": "2022-12-31", "value": 1}]}}
        _, problems = read(data)
        [problem] = problems
        assert problem.key_path == "req.at_least.by_date[0].from"
        assert problem.message.startswith(f"cannot parse {text!r}")
        # the date parser's own message carries what was expected
        assert "expected a day-first date" in str(problem)
        assert hint in str(problem)

    def test_default_problems_have_their_own_path(self) -> None:
        _, problems = _problem({"at_least": {"by_region": {"A": 1}, "default": "x"}})
        assert problems == [
            ("req.at_least.default", "'x' is not a number", "a number such as 80 or 45.5")
        ]


class TestManyProblems:
    DOCUMENT: ClassVar[dict[str, Any]] = {
        "all_of": [
            {"atleast": 1},
            {"at_least": True},
            {"between": [3, 1]},
            {"at_least": {"by_group": {"4": 1}, "default": "x"}},
            {"at_most": {"by_year": {"22": 1, "2023": "abc"}}},
            {"equals": 1, "at_most": 2},
            {},
        ]
    }
    EXPECTED_PATHS: tuple[str, ...] = (
        "req.all_of[0].atleast",
        "req.all_of[1].at_least",
        "req.all_of[2].between",
        "req.all_of[3].at_least.default",
        'req.all_of[3].at_least.by_group."4"',
        'req.all_of[4].at_most.by_year."22"',
        'req.all_of[4].at_most.by_year."2023"',
        "req.all_of[5]",
        "req.all_of[6]",
    )

    def test_every_problem_is_collected(self) -> None:
        result, problems = read(self.DOCUMENT)
        assert result is None
        assert len(problems) == 9
        assert sorted(where(problems)) == sorted(self.EXPECTED_PATHS)
        assert all(p.expected for p in problems)

    def test_raise_if_any_reports_them_all(self) -> None:
        problems = Problems()
        requirement_from_data(self.DOCUMENT, "req", problems)
        with pytest.raises(DataErrors) as caught:
            problems.raise_if_any("set.toml")
        error = caught.value
        assert error.file == "set.toml"
        assert len(error.errors) == 9
        text = str(error)
        assert text.startswith("set.toml: 9 problems:\n")
        assert (
            "  - req.all_of[0].atleast: unknown operator 'atleast'; did you mean 'at_least'?"
            in (text)
        )
        assert isinstance(error, NtmError)


class TestProblems:
    def test_empty(self) -> None:
        problems = Problems()
        assert not problems
        problems.raise_if_any("x.toml")  # nothing to raise

    def test_add(self) -> None:
        problems = Problems()
        problems.add("a.b", "bad", expected="good")
        problems.add("", "top")
        assert problems
        assert [(p.key_path, p.message, p.expected) for p in problems.items] == [
            ("a.b", "bad", "good"),
            (None, "top", None),
        ]

    def test_add_error_joins_paths(self) -> None:
        problems = Problems()
        problems.add_error("req", DataError("inner", key_path="x", expected="y"))
        problems.add_error("req", DataError("index", key_path="[2]"))
        problems.add_error("", DataError("bare", key_path="z"))
        problems.add_error("req", DataError("none"))
        assert [(p.key_path, p.message, p.expected) for p in problems.items] == [
            ("req.x", "inner", "y"),
            ("req[2]", "index", None),
            ("z", "bare", None),
            ("req", "none", None),
        ]

    def test_add_error_flattens_a_group(self) -> None:
        problems = Problems()
        group = DataErrors([DataError("a", key_path="x"), DataError("b", expected="e")])
        problems.add_error("p", group)
        assert [(p.key_path, p.message, p.expected) for p in problems.items] == [
            ("p.x", "a", None),
            ("p", "b", "e"),
        ]

    def test_add_error_keeps_other_messages(self) -> None:
        problems = Problems()
        problems.add_error("p", ParseError("'x'", expected="a date"))
        assert [(p.key_path, p.message) for p in problems.items] == [
            ("p", "cannot parse 'x' (expected a date)")
        ]
