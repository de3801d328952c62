"""Tests for :mod:`ntm_criteria.rules`: the requirement nodes, their value kind, their refs and their resolution."""

from __future__ import annotations

from typing import Any

import pytest
from rules_support import (
    OFFICIAL,
    D,
    F,
    ctx,
    leaves_of,
)

from ntm_criteria.errors import DataError
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
    Context,
    Equals,
    Fixed,
    OneOf,
    Ref,
    Unspecified,
    refs,
    resolve_requirement,
    value_kind,
)

# =========================================================================== requirements


class TestNodes:
    def test_comparisons_hold_their_value(self) -> None:
        value = ByRegion({"TDMNPB": Fixed(39)})
        assert AtLeast(value).value is value
        assert AtMost(Fixed(6)).value == Fixed(6)
        assert Equals(Fixed(100)).value == Fixed(100)
        assert (Between(Fixed(1), Fixed(3)).low, Between(Fixed(1), Fixed(3)).high) == (
            Fixed(1),
            Fixed(3),
        )

    def test_equality_is_structural(self) -> None:
        assert AtLeast(Fixed(80)) == AtLeast(Fixed(F(160, 2)))
        assert AtLeast(Fixed(80)) != AtMost(Fixed(80))
        assert Achieved() == Achieved()
        assert AllOf([Ref("1")]) == AllOf((Ref("1"),))
        assert AllOf([Ref("1")]) != AnyOf([Ref("1")])

    def test_one_of(self) -> None:
        assert OneOf(["Tốt", "Khá"]).grades == ("Tốt", "Khá")
        assert OneOf("Tốt").grades == ("Tốt",)

    @pytest.mark.parametrize("grades", [(), [], ("",), ("Tốt", ""), (1,), ("Tốt", None)])
    def test_one_of_needs_grade_names(self, grades: Any) -> None:
        with pytest.raises(DataError, match="non-empty list of grade names"):
            OneOf(grades)

    def test_composites_hold_a_tuple(self) -> None:
        items = [AtLeast(Fixed(1)), AtMost(Fixed(9))]
        assert AllOf(items).items == tuple(items)
        assert AnyOf(iter(items)).items == tuple(items)
        assert AtLeastK(2, items).items == tuple(items)

    @pytest.mark.parametrize("k", [1, 2, 3])
    def test_at_least_k_in_range(self, k: int) -> None:
        assert AtLeastK(k, [Ref("a"), Ref("b"), Ref("c")]).k == k

    @pytest.mark.parametrize(
        ("k", "count", "expected"),
        [
            (0, 3, "k between 1 and 3"),
            (-1, 3, "k between 1 and 3"),
            (4, 3, "k between 1 and 3"),
            (1, 0, "k between 1 and 0"),
        ],
    )
    def test_at_least_k_out_of_range(self, k: int, count: int, expected: str) -> None:
        with pytest.raises(DataError, match=f"at_least_k = {k} with {count} items") as caught:
            AtLeastK(k, [Ref(str(i)) for i in range(count)])
        assert caught.value.expected == expected


class TestValueKind:
    @pytest.mark.parametrize(
        ("requirement", "kind"),
        [
            (AtLeast(Fixed(1)), "number"),
            (AtMost(Unspecified()), "number"),
            (Between(Fixed(1), Fixed(2)), "number"),
            (Equals(Fixed(100)), "number"),
            (Achieved(), "bool"),
            (OneOf(("Tốt",)), "grade"),
            (Unspecified(), "any"),
            (Ref("1.1"), "any"),
            (AllOf([AtLeast(Fixed(1)), AtMost(Fixed(9))]), "number"),
            (AnyOf([Achieved(), Unspecified()]), "bool"),
            (AtLeastK(1, [OneOf("Tốt"), Ref("x")]), "grade"),
            (AllOf([Unspecified(), Unspecified()]), "any"),
            (AllOf([Ref("1"), Ref("2")]), "any"),
            (AllOf([AnyOf([AtLeast(Fixed(1))]), Equals(Fixed(3))]), "number"),
        ],
    )
    def test_kind(self, requirement: Any, kind: str) -> None:
        assert value_kind(requirement) == kind

    @pytest.mark.parametrize(
        ("requirement", "mixed"),
        [
            (AllOf([AtLeast(Fixed(1)), Achieved()]), "bool and number"),
            (AnyOf([OneOf("Tốt"), Achieved()]), "bool and grade"),
            (AtLeastK(1, [OneOf("Tốt"), AtLeast(Fixed(1))]), "grade and number"),
            (AllOf([AnyOf([Achieved()]), AnyOf([AtMost(Fixed(1))])]), "bool and number"),
            (AllOf([AnyOf([Achieved(), AtMost(Fixed(1))])]), "bool and number"),
        ],
    )
    def test_mixed_kinds_are_a_data_error(self, requirement: Any, mixed: str) -> None:
        with pytest.raises(DataError, match=f"mixes {mixed} conditions") as caught:
            value_kind(requirement)
        assert caught.value.expected == "conditions on one kind of value"


class TestRefs:
    @pytest.mark.parametrize(
        ("rule", "codes"),
        [
            (Ref("13.1"), ("13.1",)),
            (AllOf([Ref("1"), Ref("2"), Ref("3")]), ("1", "2", "3")),
            (AtLeastK(1, [Ref("a"), AllOf([Ref("b"), AnyOf([Ref("c")])]), Ref("d")]), "abcd"),
            (AllOf([Ref("a"), Achieved(), Ref("a")]), ("a", "a")),
            (AtLeast(Fixed(1)), ()),
            (Achieved(), ()),
            (Unspecified(), ()),
            (AllOf([AtLeast(Fixed(1))]), ()),
        ],
    )
    def test_codes_in_order(self, rule: Any, codes: Any) -> None:
        assert refs(rule) == tuple(codes)


class TestResolveRequirement:
    INCOME = ByDate(
        (
            (Period.year(2022), ByRegion({"TDMNPB": Fixed(39)}, default=Fixed(45))),
            (Period.year(2023), ByRegion({"TDMNPB": Fixed(42)}, default=Fixed(48))),
        )
    )

    @pytest.mark.parametrize(
        ("requirement", "context", "resolved"),
        [
            (AtLeast(INCOME), ctx(region="TDMNPB"), AtLeast(Fixed(39))),
            (AtMost(INCOME), ctx(on=D(2023, 1, 1)), AtMost(Fixed(48))),
            (Equals(ByGroup({1: Fixed(100)})), ctx(group=1), Equals(Fixed(100))),
            (
                Between(ByTag([("island", Fixed(1))]), INCOME),
                ctx(tags=("island",)),
                Between(Fixed(1), Fixed(45)),
            ),
            (
                AtLeast(ByRegion({"TDMNPB": Fixed(39)})),
                ctx(region="DBSH"),
                AtLeast(Unspecified(missing=("region", "DBSH"))),
            ),
        ],
    )
    def test_binds_values(self, requirement: Any, context: Context, resolved: Any) -> None:
        assert resolve_requirement(requirement, context) == resolved

    @pytest.mark.parametrize("requirement", [Achieved(), OneOf("Tốt"), Unspecified("note")])
    def test_no_value_to_bind(self, requirement: Any) -> None:
        assert resolve_requirement(requirement, ctx()) is requirement

    def test_binds_every_value_in_a_tree(self) -> None:
        tree = AtLeastK(
            2,
            [
                Ref("x"),
                AtLeast(self.INCOME),
                AllOf([AtMost(ByGroup({}, default=Fixed(5))), Between(self.INCOME, Fixed(99))]),
                AnyOf([Equals(ByTag([], default=Fixed(3))), Unspecified()]),
            ],
        )
        resolved = resolve_requirement(tree, ctx(region="DBSH"))
        assert resolved == AtLeastK(
            2,
            [
                Ref("x"),
                AtLeast(Fixed(45)),
                AllOf([AtMost(Fixed(5)), Between(Fixed(45), Fixed(99))]),
                AnyOf([Equals(Fixed(3)), Unspecified()]),
            ],
        )
        assert all(isinstance(leaf, Fixed | Unspecified) for leaf in leaves_of(resolved))

    def test_provenance_of_the_chosen_case_is_kept(self) -> None:
        req = AtLeast(ByRegion({"TDMNPB": Fixed(39, OFFICIAL)}))
        assert resolve_requirement(req, ctx(region="TDMNPB")) == AtLeast(Fixed(39, OFFICIAL))
