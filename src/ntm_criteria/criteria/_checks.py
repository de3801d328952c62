"""The checks a criterion set passes when it is built, and other questions about a set.

Every problem is collected with its key path and a machine-readable
:class:`CheckKind`, so that a reader of set files can tell a problem of its
own from one that only follows from a part that failed to read.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

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
    Equals,
    Fixed,
    Problems,
    Ref,
    Requirement,
    RuleItem,
    Scaled,
    Unspecified,
    ValueSpec,
    refs,
)
from ntm_criteria.units import parse_unit

if TYPE_CHECKING:
    from ntm_criteria.criteria._set import CriterionSet

__all__ = ["CheckKind", "CheckProblem", "check_set", "unspecified_indicators"]


class CheckKind(enum.Enum):
    """What kind of problem a set check found."""

    INVALID = "invalid"
    DUPLICATE = "duplicate"
    UNKNOWN_NAME = "unknown_name"
    #: a rule names a code the set does not have
    DANGLING_REFERENCE = "dangling_reference"
    #: no criteria, no scope, a criterion without indicators
    EMPTY = "empty"

    @property
    def follows_from_missing_parts(self) -> bool:
        """True when a part that failed to read (and so is missing) can cause it."""
        return self in (CheckKind.DANGLING_REFERENCE, CheckKind.EMPTY)


class CheckProblem(DataError):
    """A :class:`~ntm_criteria.errors.DataError` found by a set check, with its kind."""

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
                f"region_rules[{i}].region",
                f"unknown region {region_rule.region!r}",
                expected=", ".join(sorted(known_regions)),
            )
        _check_tags(region_rule.tags, f"region_rules[{i}].tags", problems)
    group_keys = {g.key for g in s.groups}
    numbers: set[int] = set()
    codes: dict[str, str] = {}
    for ci, criterion in enumerate(s.criteria):
        path = f"criteria[{ci}]"
        if criterion.number in numbers:
            _add(
                problems,
                CheckKind.DUPLICATE,
                f"{path}.number",
                f"duplicate criterion number {criterion.number}",
                expected="each number once",
            )
        numbers.add(criterion.number)
        if criterion.group is not None and criterion.group not in group_keys:
            _add(
                problems,
                CheckKind.UNKNOWN_NAME,
                f"{path}.group",
                f"unknown group {criterion.group!r}",
                expected=", ".join(sorted(group_keys)) or "a key listed in [[groups]]",
            )
        for ii, indicator in enumerate(criterion.indicators):
            ipath = f"{path}.indicators[{ii}]"
            if indicator.code in codes:
                _add(
                    problems,
                    CheckKind.DUPLICATE,
                    f"{ipath}.code",
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
                f"{path}.indicators",
                f"criterion {criterion.number} has no indicators",
                expected='at least one indicator (its requirement may be "unspecified")',
            )
        own = [i.code for i in criterion.indicators]
        if criterion.rule is not None:
            _check_rule(criterion.rule, own, f"{path}.rule", "indicator", problems)
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
            f"{path}.code",
            f"{indicator.code!r} is not a valid code",
            expected="a non-empty code such as '3.1'",
        )
    try:
        kind = indicator.value_kind
    except DataError as err:
        problems.add_error(f"{path}.requirement", err)
        return
    if refs(indicator.requirement):
        _add(
            problems,
            CheckKind.INVALID,
            f"{path}.requirement",
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
                f"{path}.unit",
                f"unknown unit {indicator.unit!r}",
                expected="a unit such as percent, km, million_VND / person / year",
            )
        if kind in ("bool", "grade"):
            _add(
                problems,
                CheckKind.INVALID,
                f"{path}.unit",
                f"a {kind} indicator has no unit",
                expected="no unit for achieved / one_of",
            )
    if indicator.applies_to is not None:
        _check_tags(indicator.applies_to.tags_any, f"{path}.applies_to.tags_any", problems)
    for value_path, value in _values_of(indicator.requirement, f"{path}.requirement"):
        _check_value(value, value_path, known_regions, problems)


def _values_of(requirement: RuleItem, path: str) -> Iterator[tuple[str, ValueSpec]]:
    if isinstance(requirement, AtLeast | AtMost | Equals):
        op = {AtLeast: "at_least", AtMost: "at_most", Equals: "equals"}[type(requirement)]
        yield f"{path}.{op}", requirement.value
    elif isinstance(requirement, Between):
        yield f"{path}.between[0]", requirement.low
        yield f"{path}.between[1]", requirement.high
    elif isinstance(requirement, AllOf | AnyOf | AtLeastK):
        op = {AllOf: "all_of", AnyOf: "any_of", AtLeastK: "of"}[type(requirement)]
        for index, item in enumerate(requirement.items):
            yield from _values_of(item, f"{path}.{op}[{index}]")


def _check_value(value: ValueSpec, path: str, known: frozenset[str], problems: Problems) -> None:
    """Check regions and tags inside a value, with key paths as written in the file."""
    if isinstance(value, Fixed | Unspecified | Scaled):
        return
    for key_path, child in _cases(value, path):
        if isinstance(value, ByRegion) and known and key_path.rsplit(".", 1)[-1] not in known:
            region = key_path.rsplit(".", 1)[-1]
            _add(
                problems,
                CheckKind.UNKNOWN_NAME,
                key_path,
                f"unknown region {region!r}",
                expected=", ".join(sorted(known)),
            )
        if isinstance(value, ByTag):
            _check_tags([key_path.rsplit(".", 1)[-1]], key_path, problems)
        _check_value(child, key_path, known, problems)
    if value.default is not None:
        _check_value(value.default, f"{path}.default", known, problems)


def _cases(
    value: ByRegion | ByGroup | ByTag | ByDate, path: str
) -> Iterator[tuple[str, ValueSpec]]:
    """Each case of a value table with its key path (``….by_year.2022``, ``….by_date[0].value``)."""
    if isinstance(value, ByRegion | ByGroup):
        kind = "by_region" if isinstance(value, ByRegion) else "by_group"
        for key, spec in value.cases.items():
            yield f"{path}.{kind}.{key}", spec
    elif isinstance(value, ByTag):
        for tag, spec in value.cases:
            yield f"{path}.by_tag.{tag}", spec
    elif all(period == Period.year(period.start.year) for period, _ in value.cases):
        for period, spec in value.cases:
            yield f"{path}.by_year.{period.start.year}", spec
    else:
        for index, (_, spec) in enumerate(value.cases):
            yield f"{path}.by_date[{index}].value", spec


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
    if isinstance(rule, Ref):
        return True
    if isinstance(rule, AllOf | AnyOf | AtLeastK):
        return all(_combines_codes(item) for item in rule.items)
    return False
