"""The one walker over requirement trees: walk, children, fold, transform, thresholds."""

from __future__ import annotations

import datetime
from fractions import Fraction as F

import pytest

from ntm_criteria.errors import DataError
from ntm_criteria.rules import (
    Achieved,
    AllOf,
    AnyOf,
    AtLeast,
    AtLeastK,
    AtMost,
    Between,
    ByRegion,
    Context,
    Equals,
    Fixed,
    OneOf,
    Ref,
    Unspecified,
    children,
    fold,
    is_combinator,
    refs,
    resolve_requirement,
    thresholds,
    transform,
    value_kind,
    walk,
)

TREE = AtLeastK(
    2,
    [
        Ref("a"),
        AllOf([AtLeast(Fixed(1)), AnyOf([Ref("b"), Achieved()])]),
        OneOf(("Tốt",)),
    ],
)
LEAVES = [
    AtLeast(Fixed(1)),
    AtMost(Fixed(2)),
    Between(Fixed(1), Fixed(3)),
    Equals(Fixed(100)),
    Achieved(),
    OneOf(("Tốt", "Khá")),
    Unspecified("note"),
    Ref("x"),
]


def test_walk_is_depth_first_each_node_before_its_children():
    names = [type(node).__name__ for node in walk(TREE)]
    assert names == ["AtLeastK", "Ref", "AllOf", "AtLeast", "AnyOf", "Ref", "Achieved", "OneOf"]


@pytest.mark.parametrize("leaf", LEAVES, ids=lambda n: type(n).__name__)
def test_a_leaf_walks_to_itself_and_has_no_children(leaf):
    assert list(walk(leaf)) == [leaf]
    assert children(leaf) == ()
    assert not is_combinator(leaf)


@pytest.mark.parametrize("node", [AllOf([Ref("a")]), AnyOf([Ref("a")]), AtLeastK(1, [Ref("a")])])
def test_the_combinators_have_their_items_as_children(node):
    assert is_combinator(node)
    assert children(node) == (Ref("a"),)


def test_walk_handles_deep_trees_without_recursion():
    deep = Ref("bottom")
    for _ in range(5000):
        deep = AllOf([deep])
    assert list(walk(deep))[-1] == Ref("bottom")


def test_fold_gives_each_branch_its_childrens_values_in_order():
    def leaf(node):
        return node.code if isinstance(node, Ref) else type(node).__name__

    def branch(node, parts):
        return f"{type(node).__name__}({', '.join(parts)})"

    assert fold(TREE, leaf, branch) == "AtLeastK(a, AllOf(AtLeast, AnyOf(b, Achieved)), OneOf)"


def test_fold_calls_leaf_once_per_leaf():
    seen = []
    fold(TREE, lambda node: seen.append(node), lambda node, parts: None)
    assert seen == [n for n in walk(TREE) if not is_combinator(n)]


def test_transform_replaces_conditions_and_keeps_refs_and_shape():
    out = transform(TREE, lambda node: Achieved())
    assert out == AtLeastK(
        2, [Ref("a"), AllOf([Achieved(), AnyOf([Ref("b"), Achieved()])]), Achieved()]
    )
    assert transform(Ref("a"), lambda node: Achieved()) == Ref("a")


def test_transform_revalidates_the_rebuilt_combinator():
    with pytest.raises(DataError):
        transform(AtLeastK(1, [Achieved()]), lambda node: AtLeastK(2, [Achieved()]))


def test_thresholds_of_each_kind_of_node():
    low, high = Fixed(1), Fixed(3)
    assert thresholds(Between(low, high)) == (low, high)
    assert thresholds(AtLeast(low)) == thresholds(AtMost(low)) == thresholds(Equals(low)) == (low,)
    gap = Unspecified("UBND cấp tỉnh quy định")
    assert thresholds(gap) == (gap,)
    assert thresholds(Achieved()) == thresholds(Ref("a")) == thresholds(TREE) == ()


def test_every_value_of_a_tree_with_walk_and_thresholds():
    tree = AnyOf([AtLeast(Fixed(1)), AllOf([Between(Fixed(2), Fixed(3))])])
    values = [v.amount for node in walk(tree) for v in thresholds(node)]
    assert values == [F(1), F(2), F(3)]


def test_the_walks_built_on_it():
    assert refs(TREE) == ("a", "b")
    with pytest.raises(DataError, match="mixes bool and number"):
        value_kind(TREE)
    assert value_kind(AllOf([Ref("a"), AtLeast(Fixed(1))])) == "number"
    resolved = resolve_requirement(
        AllOf([AtLeast(ByRegion({"DBSH": Fixed(60)})), Ref("a")]),
        Context(on=datetime.date(2024, 1, 1), region="DBSH"),
    )
    assert resolved == AllOf([AtLeast(Fixed(60)), Ref("a")])
