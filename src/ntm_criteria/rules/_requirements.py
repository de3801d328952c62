"""The requirement language: a closed set of node types, never ``eval``-ed.

Leaves compare one observed value with a threshold (:class:`AtLeast`,
:class:`AtMost`, :class:`Between`, :class:`Equals`), accept a pass/fail
(:class:`Achieved`) or a grade (:class:`OneOf`), or say that the rule is not
known (:class:`~ntm_criteria.rules.Unspecified`).  Branches combine children
(:class:`AllOf`, :class:`AnyOf`, :class:`AtLeastK`); in a criterion's or a
set's rule their children are :class:`Ref` nodes naming indicators or
criteria.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal, TypeAlias

import attrs

from ntm_criteria._validators import as_tuple
from ntm_criteria.errors import DataError
from ntm_criteria.rules._values import Fixed, Unspecified, ValueSpec

__all__ = [
    "Achieved",
    "AllOf",
    "AnyOf",
    "AtLeast",
    "AtLeastK",
    "AtMost",
    "Between",
    "Combinator",
    "Condition",
    "Equals",
    "OneOf",
    "Ref",
    "Requirement",
    "RuleItem",
    "ValueKind",
]


@attrs.frozen(slots=True)
class AtLeast:
    """The observed number must be at least ``value`` (≥).

    >>> from ntm_criteria.rules import Fixed
    >>> AtLeast(Fixed(80)).value.amount
    Fraction(80, 1)
    """

    value: ValueSpec


@attrs.frozen(slots=True)
class AtMost:
    """The observed number must be at most ``value`` (≤), e.g. a poverty rate ceiling.

    >>> from ntm_criteria.rules import Fixed
    >>> AtMost(Fixed(6)).value.amount
    Fraction(6, 1)
    """

    value: ValueSpec


@attrs.frozen(slots=True)
class Between:
    """The observed number must lie in ``[low, high]``, both ends included.

    >>> from ntm_criteria.rules import Fixed
    >>> Between(Fixed(1), Fixed(3)).high.amount
    Fraction(3, 1)
    """

    low: ValueSpec
    high: ValueSpec

    def __attrs_post_init__(self) -> None:
        low, high = self.low, self.high
        if isinstance(low, Fixed) and isinstance(high, Fixed) and low.amount > high.amount:
            raise DataError(f"low {low.amount} is above high {high.amount}", expected="low ≤ high")


@attrs.frozen(slots=True)
class Equals:
    """The observed number must equal ``value`` (e.g. 100 % of roads).

    >>> from ntm_criteria.rules import Fixed
    >>> Equals(Fixed(100)).value.amount
    Fraction(100, 1)
    """

    value: ValueSpec


@attrs.frozen(slots=True)
class Achieved:
    """A pass/fail indicator: the observation must be ``True`` (đạt).

    >>> Achieved()
    Achieved()
    """


def _grades(values: str | Iterable[str]) -> tuple[str, ...]:
    if isinstance(values, str):
        return (values,)
    return tuple(values)


@attrs.frozen(slots=True)
class OneOf:
    """The observed grade must be one of ``grades`` (e.g. ``("Tốt", "Khá")``).

    >>> OneOf(("Tốt", "Khá")).grades
    ('Tốt', 'Khá')
    """

    grades: tuple[str, ...] = attrs.field(converter=_grades)

    @grades.validator
    def _check(self, _: object, value: tuple[str, ...]) -> None:
        if not value or not all(isinstance(g, str) and g for g in value):
            raise DataError("one_of needs a non-empty list of grade names", expected="strings")


@attrs.frozen(slots=True)
class Ref:
    """A reference, inside a rule, to an indicator code or a criterion number.

    >>> Ref("13.1").code
    '13.1'
    """

    code: str


@attrs.frozen(slots=True)
class AllOf:
    """Met when every applicable child is met (three-valued: see :func:`combine_all`).

    >>> len(AllOf([Ref("3.1"), Ref("3.2")]).items)
    2
    """

    items: tuple[RuleItem, ...] = attrs.field(converter=as_tuple)


@attrs.frozen(slots=True)
class AnyOf:
    """Met when at least one child is met.

    >>> from ntm_criteria.rules import Fixed
    >>> AnyOf([Achieved(), AtLeast(Fixed(1))]).items[0]
    Achieved()
    """

    items: tuple[RuleItem, ...] = attrs.field(converter=as_tuple)


@attrs.frozen(slots=True)
class AtLeastK:
    """Met when at least ``k`` children are met.

    >>> AtLeastK(2, [Ref("a"), Ref("b"), Ref("c")]).k
    2
    """

    k: int
    items: tuple[RuleItem, ...] = attrs.field(converter=as_tuple)

    def __attrs_post_init__(self) -> None:
        if not 1 <= self.k <= len(self.items):
            k = self.k if abs(self.k) < 10**9 else "a huge number"
            raise DataError(
                f"at_least_k = {k} with {len(self.items)} items",
                expected=f"k between 1 and {len(self.items)}",
            )


Requirement: TypeAlias = (
    AtLeast | AtMost | Between | Equals | Achieved | OneOf | Unspecified | AllOf | AnyOf | AtLeastK
)
RuleItem: TypeAlias = Requirement | Ref
#: The nodes that combine children: the branches of a requirement tree.
Combinator: TypeAlias = AllOf | AnyOf | AtLeastK
#: The leaves of a requirement tree that say something about a value.
Condition: TypeAlias = AtLeast | AtMost | Between | Equals | Achieved | OneOf | Unspecified
ValueKind: TypeAlias = Literal["number", "bool", "grade", "any"]
