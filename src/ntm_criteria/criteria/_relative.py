"""Linking ``relative_to`` thresholds to the thresholds of the indicators they scale.

A set file may write a threshold as a multiple of another set's threshold
(``{ relative_to = "vn-ntm-commune-advanced-2021-2025:10", factor = 1.1 }``);
reading links each such value to its base, so that thresholds resolve by
date and region as the base does.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import attrs

from ntm_criteria.criteria._checks import CheckKind, CheckProblem
from ntm_criteria.errors import NtmError
from ntm_criteria.rules import (
    AtLeast,
    AtMost,
    Between,
    ByDate,
    ByGroup,
    ByRegion,
    ByTag,
    Condition,
    Equals,
    Fixed,
    Problems,
    Requirement,
    Scaled,
    Unspecified,
    ValueSpec,
    transform,
)

if TYPE_CHECKING:
    from ntm_criteria.criteria._set import CriterionSet

__all__ = ["RelativeLinker"]


class RelativeLinker:
    """Links the ``relative_to`` values of one requirement to the thresholds they scale.

    Problems are added to ``problems`` at ``path``; ``find_set`` gives a set
    by id (``None`` when unknown).
    """

    def __init__(
        self,
        problems: Problems,
        find_set: Callable[[str], CriterionSet | None],
        path: str,
        unit: str | None,
    ) -> None:
        self.problems, self.find_set = problems, find_set
        self.path, self.unit = path, unit

    def link(self, requirement: Requirement) -> Requirement:
        return transform(requirement, self.condition)

    def condition(self, node: Condition) -> Requirement:
        """One condition with its thresholds linked."""
        if isinstance(node, AtLeast | AtMost | Equals):
            return attrs.evolve(node, value=self.value(node.value))
        if isinstance(node, Between):
            return Between(self.value(node.low), self.value(node.high))
        return node

    def value(self, value: ValueSpec) -> ValueSpec:
        if isinstance(value, Scaled):
            return attrs.evolve(value, base=self.target(value.ref))
        if isinstance(value, Fixed | Unspecified):
            return value
        default = None if value.default is None else self.value(value.default)
        if isinstance(value, ByRegion):
            return ByRegion({k: self.value(v) for k, v in value.cases.items()}, default)
        if isinstance(value, ByGroup):
            return ByGroup({k: self.value(v) for k, v in value.cases.items()}, default)
        if isinstance(value, ByTag):
            return ByTag([(k, self.value(v)) for k, v in value.cases], default)
        if isinstance(value, ByDate):
            return ByDate([(k, self.value(v)) for k, v in value.cases], default)
        return value

    def target(self, ref: str) -> ValueSpec | None:
        set_id, code = ref.split(":")
        found = self.find_set(set_id)
        if found is None:
            self.problems.items.append(
                CheckProblem(
                    CheckKind.UNKNOWN_SET,
                    f"relative_to refers to an unknown set {set_id!r}",
                    key_path=self.path,
                    expected="the id of a built-in set or of a set passed as parents",
                )
            )
            return None
        try:
            indicator = found.indicator(code)
        except NtmError as err:
            self.problems.add(self.path, str(err))
            return None
        target = indicator.requirement
        if not isinstance(target, AtLeast | AtMost | Equals):
            self.problems.add(
                self.path,
                f"{ref} has no single threshold to scale",
                expected="a reference to an at_least, at_most or equals indicator",
            )
            return None
        if self.unit is not None and indicator.unit is not None and self.unit != indicator.unit:
            self.problems.add(
                self.path,
                f"{ref} is in {indicator.unit}, this indicator in {self.unit}",
                expected="the same unit",
            )
            return None
        return target.value
