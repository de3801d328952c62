"""The one walker over requirement trees.

A requirement tree has a closed set of node types: the combinators
(:class:`~ntm_criteria.rules.AllOf`, :class:`~ntm_criteria.rules.AnyOf`,
:class:`~ntm_criteria.rules.AtLeastK`) have children; every other node — a
condition or a :class:`~ntm_criteria.rules.Ref` — is a leaf.  Code that needs
to visit a tree asks this module instead of writing its own ``isinstance``
ladder: :func:`walk` yields every node, :func:`fold` computes a value bottom
up, :func:`transform` rebuilds a tree with its conditions replaced, and
:func:`thresholds` gives the values a condition compares with.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TypeGuard, TypeVar, cast, overload

import attrs

from ntm_criteria.errors import DataError
from ntm_criteria.rules._requirements import (
    Achieved,
    AllOf,
    AnyOf,
    AtLeast,
    AtLeastK,
    AtMost,
    Between,
    Combinator,
    Condition,
    Equals,
    OneOf,
    Ref,
    Requirement,
    RuleItem,
    ValueKind,
)
from ntm_criteria.rules._values import Unspecified, ValueSpec

__all__ = [
    "children",
    "fold",
    "is_combinator",
    "refs",
    "thresholds",
    "transform",
    "value_kind",
    "walk",
]

T = TypeVar("T")


def is_combinator(node: RuleItem) -> TypeGuard[Combinator]:
    """True for the nodes that combine children (all of, any of, at least k of).

    >>> from ntm_criteria.rules import AllOf, Achieved, Ref
    >>> is_combinator(AllOf([Ref("1")])), is_combinator(Achieved())
    (True, False)
    """
    # The node types are a closed set (no subclasses), so an exact type look-up
    # answers as isinstance would, at a fraction of its cost on the hot path.
    return type(node) in _COMBINATORS


_COMBINATORS = frozenset({AllOf, AnyOf, AtLeastK})


def children(node: RuleItem) -> tuple[RuleItem, ...]:
    """The children of a combinator, in order; ``()`` for a leaf.

    >>> from ntm_criteria.rules import AnyOf, Achieved, Ref
    >>> children(AnyOf([Ref("a"), Achieved()]))
    (Ref(code='a'), Achieved())
    >>> children(Ref("a"))
    ()
    """
    return node.items if is_combinator(node) else ()


def walk(rule: RuleItem) -> Iterator[RuleItem]:
    """Every node of a tree, depth first, each node before its children.

    >>> from ntm_criteria.rules import AllOf, AtLeastK, Ref
    >>> [type(node).__name__ for node in walk(AtLeastK(1, [Ref("a"), AllOf([Ref("b")])]))]
    ['AtLeastK', 'Ref', 'AllOf', 'Ref']
    """
    stack = [rule]
    while stack:
        node = stack.pop()
        yield node
        stack.extend(reversed(children(node)))


def fold(
    rule: RuleItem,
    leaf: Callable[[Condition | Ref], T],
    branch: Callable[[Combinator, tuple[T, ...]], T],
) -> T:
    """Compute a value bottom up: ``leaf`` for each leaf, ``branch`` with the children's values.

    >>> from ntm_criteria.rules import AllOf, AnyOf, Ref
    >>> fold(AllOf([Ref("a"), AnyOf([Ref("b"), Ref("c")])]),
    ...      leaf=lambda node: 1, branch=lambda node, counts: sum(counts))
    3
    """
    if type(rule) in _COMBINATORS:
        combinator = cast("Combinator", rule)
        return branch(combinator, tuple([fold(item, leaf, branch) for item in combinator.items]))
    return leaf(cast("Condition | Ref", rule))


@overload
def transform(rule: Ref, condition: Callable[[Condition], Requirement]) -> Ref: ...
@overload
def transform(rule: Requirement, condition: Callable[[Condition], Requirement]) -> Requirement: ...
@overload
def transform(rule: RuleItem, condition: Callable[[Condition], Requirement]) -> RuleItem: ...
def transform(rule: RuleItem, condition: Callable[[Condition], Requirement]) -> RuleItem:
    """The same tree with each condition replaced by ``condition(node)``; refs stay.

    >>> from ntm_criteria.rules import Achieved, AllOf, AtLeast, Fixed, Ref
    >>> transform(AllOf([Ref("a"), Achieved()]), lambda node: AtLeast(Fixed(1)))
    AllOf(items=(Ref(code='a'), AtLeast(value=Fixed(amount=Fraction(1, 1), provenance=None))))
    """

    def leaf(node: Condition | Ref) -> RuleItem:
        return node if isinstance(node, Ref) else condition(node)

    def branch(node: Combinator, items: tuple[RuleItem, ...]) -> RuleItem:
        return attrs.evolve(node, items=items)

    return fold(rule, leaf, branch)


def thresholds(node: RuleItem) -> tuple[ValueSpec, ...]:
    """The values one node compares with (its own children are not looked into).

    One for :class:`~ntm_criteria.rules.AtLeast`, ``AtMost`` and ``Equals``,
    low and high for ``Between``, the node itself for an
    :class:`~ntm_criteria.rules.Unspecified` requirement (a threshold not
    known), none for other nodes.  With :func:`walk`, every value of a tree.

    >>> from ntm_criteria.rules import Between, Fixed
    >>> [v.amount for v in thresholds(Between(Fixed(1), Fixed(3)))]
    [Fraction(1, 1), Fraction(3, 1)]
    """
    if isinstance(node, AtLeast | AtMost | Equals):
        return (node.value,)
    if isinstance(node, Between):
        return (node.low, node.high)
    if isinstance(node, Unspecified):
        return (node,)
    return ()


def refs(rule: RuleItem) -> tuple[str, ...]:
    """Every code a rule refers to, in order.

    >>> from ntm_criteria.rules import AllOf, AtLeastK, Ref
    >>> refs(AtLeastK(1, [Ref("a"), AllOf([Ref("b")])]))
    ('a', 'b')
    """
    return tuple(node.code for node in walk(rule) if isinstance(node, Ref))


def value_kind(requirement: RuleItem) -> ValueKind:
    """The kind of observation a requirement takes: a number, a pass/fail or a grade.

    Raises :class:`~ntm_criteria.errors.DataError` when a composite mixes kinds.

    >>> from ntm_criteria.rules import AnyOf, AtLeast, AtMost, Fixed, Unspecified
    >>> value_kind(AnyOf([AtLeast(Fixed(1)), AtMost(Fixed(5))]))
    'number'
    >>> value_kind(Unspecified())
    'any'
    """
    return fold(requirement, _leaf_kind, _combined_kind)


def _leaf_kind(node: Condition | Ref) -> ValueKind:
    if isinstance(node, AtLeast | AtMost | Between | Equals):
        return "number"
    if isinstance(node, Achieved):
        return "bool"
    return "grade" if isinstance(node, OneOf) else "any"


def _combined_kind(_: Combinator, kinds: tuple[ValueKind, ...]) -> ValueKind:
    known = set(kinds) - {"any"}
    if len(known) > 1:
        raise DataError(
            f"a combined requirement mixes {' and '.join(sorted(known))} conditions",
            expected="conditions on one kind of value",
        )
    return known.pop() if known else "any"
