"""The checks a criterion set passes when it is built, and other questions about a set.

Every problem is collected with its key path and a machine-readable
:class:`CheckKind`, so that a reader of set files can tell a problem of its
own from one that only follows from a part that failed to read.
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from ntm_criteria._validators import index_path, key_path
from ntm_criteria.criteria._indicator import Indicator
from ntm_criteria.errors import DataError, NtmError
from ntm_criteria.geography import KNOWN_TAGS, is_valid_tag, regions
from ntm_criteria.periods import Period
from ntm_criteria.rules import (
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
    Combinator,
    Condition,
    Equals,
    Fixed,
    Problems,
    Ref,
    Requirement,
    RuleItem,
    Scaled,
    Unspecified,
    ValueSpec,
    fold,
    is_combinator,
    number_to_data,
    refs,
    walk,
)
from ntm_criteria.units import parse_unit

if TYPE_CHECKING:
    from ntm_criteria.criteria._set import CriterionSet

__all__ = ["CheckKind", "CheckProblem", "check_set", "unspecified_indicators"]


class CheckKind(enum.Enum):
    """What kind of problem a set check (or the set reader) found.

    >>> CheckKind.UNKNOWN_SET.value, CheckKind.UNKNOWN_SET.follows_from_missing_parts
    ('unknown_set', False)
    """

    INVALID = "invalid"
    DUPLICATE = "duplicate"
    UNKNOWN_NAME = "unknown_name"
    #: a rule names a code the set does not have
    DANGLING_REFERENCE = "dangling_reference"
    #: no criteria, no scope, a criterion without indicators
    EMPTY = "empty"
    #: ``extends`` or ``relative_to`` names a set that is not known (not yet loaded)
    UNKNOWN_SET = "unknown_set"

    @property
    def follows_from_missing_parts(self) -> bool:
        """True when a part that failed to read (and so is missing) can cause it."""
        return self in (CheckKind.DANGLING_REFERENCE, CheckKind.EMPTY)


class CheckProblem(DataError):
    """A :class:`~ntm_criteria.errors.DataError` found by a set check, with its kind.

    >>> from ntm_criteria import loads_set
    >>> try:
    ...     loads_set('id = "child"\\nextends = "no-such-set"')
    ... except DataError as err:
    ...     [problem.kind for problem in err.errors if isinstance(problem, CheckProblem)]
    [<CheckKind.UNKNOWN_SET: 'unknown_set'>]
    """

    def __init__(
        self, kind: CheckKind, message: str, *, key_path: str, expected: str | None
    ) -> None:
        self.kind = kind
        super().__init__(message, key_path=key_path or None, expected=expected)


def _add(
    problems: Problems, kind: CheckKind, path: str, message: str, *, expected: str | None = None
) -> None:
    problems.items.append(CheckProblem(kind, message, key_path=path, expected=expected))


def unspecified_indicators(s: CriterionSet) -> list[str]:
    """Codes of indicators whose whole requirement is unspecified.

    >>> from ntm_criteria import demo
    >>> unspecified_indicators(demo.example_set())
    []
    """
    return [i.code for i in s.indicators() if isinstance(i.requirement, Unspecified)]


def check_set(s: CriterionSet, problems: Problems) -> None:
    """Add every problem of ``s`` to ``problems`` (see :class:`CriterionSet`)."""
    if not s.id or s.id != s.id.strip():
        _add(
            problems,
            CheckKind.INVALID,
            "id",
            f"{s.id!r} is not a valid set id",
            expected="a non-empty id",
        )
    if s.valid_to is not None and s.valid_to < s.valid_from:
        _add(
            problems,
            CheckKind.INVALID,
            "valid_to",
            f"{s.valid_to} is before valid_from {s.valid_from}",
            expected="valid_from ≤ valid_to",
        )
    if s.requires is not None and s.level is not None and s.requires >= s.level:
        _add(
            problems,
            CheckKind.INVALID,
            "requires",
            f"a {s.level.key} set cannot require the {s.requires.key} level",
            expected="a lower level than the set's own",
        )
    if s.applies_to is not None:
        _check_tags(s.applies_to.tags_any, "applies_to.tags_any", problems)
    if not s.criteria:
        _add(
            problems,
            CheckKind.EMPTY,
            "criteria",
            "the set has no criteria",
            expected="at least one [[criteria]]",
        )
    if not s.scope:
        _add(
            problems,
            CheckKind.EMPTY,
            "scope",
            "no locality kind given",
            expected='e.g. scope = "commune"',
        )
    try:
        known_regions = frozenset(r.code for r in regions(s.region_scheme))
    except NtmError as err:
        problems.add_error("region_scheme", err)
        known_regions = frozenset()
    for i, region_rule in enumerate(s.region_rules):
        if known_regions and region_rule.region not in known_regions:
            _add(
                problems,
                CheckKind.UNKNOWN_NAME,
                key_path(index_path("region_rules", i), "region"),
                f"unknown region {region_rule.region!r}",
                expected=", ".join(sorted(known_regions)),
            )
        _check_tags(region_rule.tags, key_path(index_path("region_rules", i), "tags"), problems)
    group_keys = {g.key for g in s.groups}
    numbers: set[int] = set()
    codes: dict[str, str] = {}
    for ci, criterion in enumerate(s.criteria):
        path = index_path("criteria", ci)
        if criterion.number in numbers:
            _add(
                problems,
                CheckKind.DUPLICATE,
                key_path(path, "number"),
                f"duplicate criterion number {criterion.number}",
                expected="each number once",
            )
        numbers.add(criterion.number)
        if criterion.group is not None and criterion.group not in group_keys:
            _add(
                problems,
                CheckKind.UNKNOWN_NAME,
                key_path(path, "group"),
                f"unknown group {criterion.group!r}",
                expected=", ".join(sorted(group_keys)) or "a key listed in [[groups]]",
            )
        for ii, indicator in enumerate(criterion.indicators):
            ipath = index_path(key_path(path, "indicators"), ii)
            if indicator.code in codes:
                _add(
                    problems,
                    CheckKind.DUPLICATE,
                    key_path(ipath, "code"),
                    f"duplicate indicator code {indicator.code!r} "
                    f"(first at {codes[indicator.code]})",
                    expected="unique codes",
                )
            else:
                codes[indicator.code] = ipath
            _check_indicator(indicator, ipath, known_regions, problems)
        if not criterion.indicators:
            _add(
                problems,
                CheckKind.EMPTY,
                key_path(path, "indicators"),
                f"criterion {criterion.number} has no indicators",
                expected='at least one indicator (its requirement may be "unspecified")',
            )
        own = [i.code for i in criterion.indicators]
        if criterion.rule is not None:
            _check_rule(criterion.rule, own, key_path(path, "rule"), "indicator", problems)
    if s.rule is not None:
        _check_rule(s.rule, [str(n) for n in sorted(numbers)], "rule", "criterion", problems)


def _check_tags(tags: Iterable[str], path: str, problems: Problems) -> None:
    for tag in tags:
        if not is_valid_tag(tag):
            _add(
                problems,
                CheckKind.UNKNOWN_NAME,
                path,
                f"unknown tag {tag!r}",
                expected=", ".join(sorted(KNOWN_TAGS)) + " or a user tag matching x_[a-z0-9_]+",
            )


def _check_indicator(
    indicator: Indicator, path: str, known_regions: frozenset[str], problems: Problems
) -> None:
    if not indicator.code or indicator.code != indicator.code.strip():
        _add(
            problems,
            CheckKind.INVALID,
            key_path(path, "code"),
            f"{indicator.code!r} is not a valid code",
            expected="a non-empty code such as '3.1'",
        )
    try:
        kind = indicator.value_kind
    except DataError as err:
        problems.add_error(key_path(path, "requirement"), err)
        return
    if refs(indicator.requirement):
        _add(
            problems,
            CheckKind.INVALID,
            key_path(path, "requirement"),
            "an indicator's requirement cannot refer to codes",
            expected="conditions on the indicator's own value",
        )
    if indicator.unit is not None:
        try:
            parse_unit(indicator.unit)
        except NtmError:
            _add(
                problems,
                CheckKind.UNKNOWN_NAME,
                key_path(path, "unit"),
                f"unknown unit {indicator.unit!r}",
                expected="a unit such as percent, km, million_VND / person / year",
            )
        if kind in ("bool", "grade"):
            _add(
                problems,
                CheckKind.INVALID,
                key_path(path, "unit"),
                f"a {kind} indicator has no unit",
                expected="no unit for achieved / one_of",
            )
    if indicator.applies_to is not None:
        _check_tags(indicator.applies_to.tags_any, key_path(path, "applies_to.tags_any"), problems)
    for value_path, value in _values_of(indicator.requirement, key_path(path, "requirement")):
        _check_value(value, value_path, known_regions, problems)
        _check_in_domain(indicator, value, value_path, problems)


def _check_in_domain(indicator: Indicator, value: ValueSpec, path: str, problems: Problems) -> None:
    """A threshold no observation can reach or fail (120 %) is a mistake in the file."""
    domain = indicator.value_domain
    for leaf_path, leaf in _fixed_leaves(value, path):
        if not domain.contains(leaf.amount):
            _add(
                problems,
                CheckKind.INVALID,
                leaf_path,
                f"threshold {number_to_data(leaf.amount)} is outside the values of "
                f"indicator {indicator.code} ({domain.describe()} {indicator.unit})",
                expected="a threshold in the domain, or the indicator's own "
                "domain = {min = …, max = …}",
            )


def _fixed_leaves(value: ValueSpec, path: str) -> Iterator[tuple[str, Fixed]]:
    if isinstance(value, Fixed):
        yield path, value
    if isinstance(value, Fixed | Unspecified | Scaled):
        return
    for case_path, child in _cases(value, path):
        yield from _fixed_leaves(child, case_path)
    if value.default is not None:
        yield from _fixed_leaves(value.default, key_path(path, "default"))


_OPERATOR_KEYS: dict[type, str] = {
    AtLeast: "at_least",
    AtMost: "at_most",
    Equals: "equals",
    AllOf: "all_of",
    AnyOf: "any_of",
    AtLeastK: "of",
}
"""The key each node type is written under in a set file."""


def _values_of(requirement: RuleItem, path: str) -> Iterator[tuple[str, ValueSpec]]:
    """Each threshold of a requirement with its key path as written in the file."""

    def leaf(node: Condition | Ref) -> list[tuple[str, ValueSpec]]:
        if isinstance(node, AtLeast | AtMost | Equals):
            return [(_OPERATOR_KEYS[type(node)], node.value)]
        if isinstance(node, Between):
            return [(index_path("between", 0), node.low), (index_path("between", 1), node.high)]
        return []

    def branch(
        node: Combinator, items: tuple[list[tuple[str, ValueSpec]], ...]
    ) -> list[tuple[str, ValueSpec]]:
        item_path = functools.partial(index_path, _OPERATOR_KEYS[type(node)])
        return [
            (key_path(item_path(index), below), value)
            for index, values in enumerate(items)
            for below, value in values
        ]

    for below, value in fold(requirement, leaf, branch):
        yield key_path(path, below), value


def _check_value(value: ValueSpec, path: str, known: frozenset[str], problems: Problems) -> None:
    """Check regions and tags inside a value, with key paths as written in the file."""
    if isinstance(value, Fixed | Unspecified | Scaled):
        return
    for case_path, child in _cases(value, path):
        if isinstance(value, ByRegion) and known and case_path.rsplit(".", 1)[-1] not in known:
            region = case_path.rsplit(".", 1)[-1]
            _add(
                problems,
                CheckKind.UNKNOWN_NAME,
                case_path,
                f"unknown region {region!r}",
                expected=", ".join(sorted(known)),
            )
        if isinstance(value, ByTag):
            _check_tags([case_path.rsplit(".", 1)[-1]], case_path, problems)
        _check_value(child, case_path, known, problems)
    if value.default is not None:
        _check_value(value.default, key_path(path, "default"), known, problems)


def _cases(
    value: ByRegion | ByGroup | ByTag | ByDate, path: str
) -> Iterator[tuple[str, ValueSpec]]:
    """Each case of a value table with its key path (``….by_year.2022``, ``….by_date[0].value``)."""
    if isinstance(value, ByRegion | ByGroup):
        kind = "by_region" if isinstance(value, ByRegion) else "by_group"
        for key, spec in value.cases.items():
            yield key_path(key_path(path, kind), str(key)), spec
    elif isinstance(value, ByTag):
        for tag, spec in value.cases:
            yield key_path(path, f"by_tag.{tag}"), spec
    elif all(period == Period.year(period.start.year) for period, _ in value.cases):
        for period, spec in value.cases:
            yield key_path(path, f"by_year.{period.start.year}"), spec
    else:
        for index, (_, spec) in enumerate(value.cases):
            yield key_path(index_path(key_path(path, "by_date"), index), "value"), spec


def _check_rule(
    rule: Requirement, known: list[str], path: str, what: str, problems: Problems
) -> None:
    if not _combines_codes(rule):
        _add(
            problems,
            CheckKind.INVALID,
            path,
            f"a rule must combine {what} codes, not conditions on values",
            expected='all_of, any_of or at_least_k over codes such as ["13.1", "13.2"]',
        )
        return
    for code in refs(rule):
        if code not in known:
            _add(
                problems,
                CheckKind.DANGLING_REFERENCE,
                path,
                f"rule refers to unknown {what} {code!r}",
                expected=", ".join(known) or f"a {what} of this set",
            )


def _combines_codes(rule: RuleItem) -> bool:
    return all(isinstance(node, Ref) or is_combinator(node) for node in walk(rule))
