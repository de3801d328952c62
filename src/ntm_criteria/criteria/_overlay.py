"""Checking a provincial overlay against the set it extends.

A province may fill in what the national set leaves to it and may raise
thresholds, but not lower them.  :func:`check_overlay` compares every
threshold of the overlay with the parent's in every context that can make a
difference (each region, commune group and tag the data mentions, and each
date at which a value changes) and lists what was loosened, and which of the
parent's indicators are still unspecified after the overlay.
"""

from __future__ import annotations

import bisect
import datetime
import itertools
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping
from fractions import Fraction
from typing import TypeVar

import attrs
from dateutil.relativedelta import relativedelta

from ntm_criteria.criteria._set import CriterionSet
from ntm_criteria.errors import DataError, DataErrors
from ntm_criteria.geography import regions
from ntm_criteria.rules import (
    AtLeast,
    AtMost,
    Between,
    ByDate,
    ByGroup,
    ByRegion,
    ByTag,
    Context,
    Equals,
    Fixed,
    Ref,
    Requirement,
    Scaled,
    Unspecified,
    ValueSpec,
    resolve,
    thresholds,
    walk,
)

__all__ = ["Loosening", "LooserThresholdWarning", "OverlayReport", "check_overlay"]


class LooserThresholdWarning(UserWarning):
    """An overlay sets a threshold less demanding than the set it extends.

    >>> import warnings
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("error", LooserThresholdWarning)
    ...     try:
    ...         warnings.warn("3.1: at least 80 → 70", LooserThresholdWarning)
    ...     except LooserThresholdWarning as caught:
    ...         print(caught)
    3.1: at least 80 → 70
    """


@attrs.frozen(slots=True)
class Loosening:
    """One threshold that an overlay makes less demanding, in one context.

    ``parent`` and ``overlay`` are the two thresholds in the indicator's
    unit; ``context`` says for which region, group, tags and date (the first
    one found), or is ``None`` when the loosening holds in every context.

    >>> from fractions import Fraction
    >>> Loosening("3.1", None, Fraction(80), Fraction(70), "at least").describe()
    '3.1: at least 80 → 70 (everywhere)'
    """

    code: str
    context: Context | None
    parent: Fraction
    overlay: Fraction
    bound: str

    def describe(self) -> str:
        """``10: at least 45 → 40 (region DBSH, 2024-01-01)``."""
        head = f"{self.code}: {self.bound} {self.parent} → {self.overlay}"
        if self.context is None:
            return f"{head} (everywhere)"
        where = [f"region {self.context.region}"] if self.context.region else []
        if self.context.group is not None:
            where.append(f"group {self.context.group}")
        if self.context.tags:
            where.append("tags " + ", ".join(sorted(self.context.tags)))
        where.append(self.context.on.isoformat())
        return f"{self.code}: {self.bound} {self.parent} → {self.overlay} ({', '.join(where)})"


@attrs.frozen(slots=True)
class OverlayReport:
    """What :func:`check_overlay` found: loosened thresholds and remaining gaps.

    >>> report = OverlayReport("child", "parent", (), ("10",))
    >>> report.ok, report.summary().splitlines()[-1]
    (True, '  still unspecified: 10')
    """

    overlay_id: str
    parent_id: str
    loosened: tuple[Loosening, ...]
    unspecified: tuple[str, ...]

    @property
    def ok(self) -> bool:
        """True when no threshold was loosened."""
        return not self.loosened

    def summary(self) -> str:
        """A few lines for a person: what was loosened, what is still unspecified."""
        lines = [f"{self.overlay_id} extends {self.parent_id}:"]
        if self.loosened:
            lines.append(f"  {len(self.loosened)} threshold(s) less demanding than the parent:")
            lines += [f"    - {item.describe()}" for item in self.loosened]
        else:
            lines.append("  no threshold is less demanding than the parent's")
        if self.unspecified:
            lines.append("  still unspecified: " + ", ".join(self.unspecified))
        else:
            lines.append("  every indicator of the parent is specified")
        return "\n".join(lines)


def check_overlay(
    overlay: CriterionSet, parent: CriterionSet, *, strict: bool = False
) -> OverlayReport:
    """Compare an overlay with the set it extends.

    Each loosened threshold raises a :class:`LooserThresholdWarning`; with
    ``strict=True`` they raise :class:`~ntm_criteria.errors.DataErrors`
    instead.  The report also lists the parent's indicators that are still
    unspecified (in some context) after the overlay.

    The work is bounded by the data, not by the calendar: each indicator is
    compared once per combination of the regions, groups and tags its
    thresholds tell apart (plus one for all the others) and of the dates at
    which one of its thresholds changes.

    >>> from ntm_criteria import demo, loads_set
    >>> overlay = loads_set('''
    ... id = "looser"
    ... extends = "demo-commune-standard"
    ... [indicators."3.1"]
    ... requirement = { at_least = 70 }
    ... ''', parents=[demo.criterion_set()])
    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     report = check_overlay(overlay, demo.criterion_set())
    >>> [item.describe() for item in report.loosened][:1]
    ['3.1: at least 80 → 70 (everywhere)']
    >>> len(caught) == len(report.loosened)
    True
    """
    space = _Space.of(parent, overlay)
    loosened: list[Loosening] = []
    counts: dict[str, int] = {}
    for indicator in parent.indicators():
        try:
            mine = overlay.indicator(indicator.code)
        except LookupError:
            continue
        contexts = space.contexts(indicator.requirement, mine.requirement)
        counts[indicator.code] = len(contexts)
        for context in contexts:
            loosened.extend(
                _compare(indicator.code, indicator.requirement, mine.requirement, context)
            )
    unspecified = tuple(
        i.code
        for i in overlay.indicators()
        if _has_gap(i.requirement)
        and _parent_has(parent, i.code)
        and any(_unspecified_in(i.requirement, c) for c in space.contexts(i.requirement))
    )
    report = OverlayReport(overlay.id, parent.id, tuple(_unique(loosened, counts)), unspecified)
    if report.loosened:
        if strict:
            raise DataErrors(
                [
                    DataError(
                        f"less demanding than {parent.id}: {item.describe()}",
                        key_path=f'indicators."{item.code}".requirement',
                        expected="a threshold at least as demanding as the parent's",
                    )
                    for item in report.loosened
                ]
            )
        for item in report.loosened:
            warnings.warn(f"{overlay.id}: {item.describe()}", LooserThresholdWarning, stacklevel=2)
    return report


def _parent_has(parent: CriterionSet, code: str) -> bool:
    return any(i.code == code for i in parent.indicators())


def _unique(items: list[Loosening], contexts: Mapping[str, int]) -> Iterator[Loosening]:
    """One loosening per indicator, bound and pair of values: the first context, or everywhere."""
    counts: dict[tuple[str, str, Fraction, Fraction], list[Loosening]] = {}
    for item in items:
        counts.setdefault((item.code, item.bound, item.parent, item.overlay), []).append(item)
    for (code, *_), found in counts.items():
        everywhere = len(found) == contexts[code]
        yield attrs.evolve(found[0], context=None) if everywhere else found[0]


_OTHER = object()
"""The key of every region or group that no case of a value table names."""


@attrs.frozen(slots=True)
class _Space:
    """The contexts the two sets can tell apart, in the order they are examined.

    Regions in scheme order, then dates, groups (none first) and tag sets
    (none, each tag alone, each region rule's tags, each pair of tags).  For one indicator only
    the first of each run of contexts that its values cannot tell apart is
    kept, so the report names the same first context as a walk through
    every region, every 1 January of the validity and every tag would, in
    time bounded by the data.
    """

    regions: tuple[str, ...]
    groups: tuple[int | None, ...]
    tag_sets: tuple[frozenset[str], ...]
    first: datetime.date
    last: datetime.date
    starts: tuple[datetime.date, ...]

    @classmethod
    def of(cls, *sets: CriterionSet) -> _Space:
        codes = sorted({r.code for s in sets for r in regions(s.region_scheme)})
        tags: set[str] = set()
        groups: set[int | None] = {None}
        starts: set[datetime.date] = set()
        for s in sets:
            for rule in s.region_rules:
                tags |= rule.tags
            for indicator in s.indicators():
                for value in _values(indicator.requirement):
                    tags |= _tags(value)
                    groups |= _groups(value)
                    starts.update(_starts(value))
        tag_sets = [frozenset(), *(frozenset({t}) for t in sorted(tags))]
        tag_sets += [frozenset(rule.tags) for s in sets for rule in s.region_rules]
        return cls(
            tuple(codes),
            tuple(sorted(groups, key=lambda g: -1 if g is None else g)),
            tuple(dict.fromkeys(tag_sets)),
            min(s.valid_from for s in sets),
            max(s.valid_to or _years_later(s.valid_from, 5) for s in sets),
            tuple(sorted(starts)),
        )

    def contexts(self, *requirements: Requirement | Ref) -> list[Context]:
        """The contexts in which ``requirements`` may take different values."""
        values = [v for r in requirements for v in _values(r)]
        own_regions = set().union(*(_region_keys(v) for v in values))
        own_groups = set().union(*(_groups(v) for v in values))
        own_tags = set().union(*(_tags(v) for v in values))
        region_list = _firsts(self.regions, lambda r: r if r in own_regions else _OTHER)
        group_list = _firsts(self.groups, lambda g: g if g in own_groups else _OTHER)
        # A locality may have two of the tags: the first listed one it has decides each
        # table, so two tables can disagree only for a pair (three or more tables in one
        # comparison are covered pair by pair).
        pairs = [frozenset(pair) for pair in itertools.combinations(sorted(own_tags), 2)]
        tag_list = _firsts([*self.tag_sets, *pairs], lambda t: t & own_tags)
        days = self.days(sorted({d for v in values for d in _changes(v)}))
        return [
            Context(on=day, region=region, group=group, tags=tags)
            for region in region_list
            for day in days
            for group in group_list
            for tags in tag_list
        ]

    def days(self, changes: list[datetime.date]) -> list[datetime.date]:
        """One day for each span between ``changes``: the first a walk by years would see.

        That walk sees the first day of validity, each 1 January up to the
        last day and each start of a dated value.  A span it would miss (a
        value ending in mid-year) is seen from its first day.
        """
        found = []
        bounds = [None, *changes]
        for begin, end in zip(bounds, [*changes, None], strict=True):
            day = self._walked(begin, end)
            if day is None and begin is not None and self.first <= begin <= self.last:
                day = begin
            if day is not None:
                found.append(day)
        return found

    def _walked(
        self, begin: datetime.date | None, end: datetime.date | None
    ) -> datetime.date | None:
        """The first day in [begin, end) of the walk by years, if any."""

        def inside(day: datetime.date) -> bool:
            return (begin is None or begin <= day) and (end is None or day < end)

        seen = [self.first] if inside(self.first) else []
        index = bisect.bisect_left(self.starts, begin) if begin is not None else 0
        if index < len(self.starts) and inside(self.starts[index]):
            seen.append(self.starts[index])
        year = self.first.year + 1
        if begin is not None:
            year = max(year, begin.year + (begin != datetime.date(begin.year, 1, 1)))
        if year <= self.last.year and inside(datetime.date(year, 1, 1)):
            seen.append(datetime.date(year, 1, 1))
        return min(seen, default=None)


_K = TypeVar("_K")


def _firsts(items: Iterable[_K], key: Callable[[_K], object]) -> list[_K]:
    """The first item of each key, in order."""
    kept: dict[object, _K] = {}
    for item in items:
        kept.setdefault(key(item), item)
    return list(kept.values())


def _years_later(day: datetime.date, years: int) -> datetime.date:
    """``day`` moved on by ``years`` (29 February → 28 February; the last day at most)."""
    try:
        return day + relativedelta(years=years)
    except (ValueError, OverflowError):
        return datetime.date.max


def _values(requirement: Requirement | Ref) -> Iterator[ValueSpec]:
    """Every threshold of a tree; a wholly unspecified requirement is its own.

    An ``"unspecified"`` item inside a combinator is not a gap of the overlay (as before
    the walk was shared); only a requirement that is unspecified as a whole counts.
    """
    return (
        value
        for node in walk(requirement)
        if node is requirement or not isinstance(node, Unspecified)
        for value in thresholds(node)
    )


def _children(value: ValueSpec) -> list[ValueSpec]:
    if isinstance(value, ByRegion | ByGroup):
        children = list(value.cases.values())
    elif isinstance(value, ByTag | ByDate):
        children = [spec for _, spec in value.cases]
    elif isinstance(value, Scaled):
        children = [value.base] if value.base is not None else []
    else:
        return []
    default = getattr(value, "default", None)
    return children + ([default] if default is not None else [])


def _tags(value: ValueSpec) -> set[str]:
    own = {tag for tag, _ in value.cases} if isinstance(value, ByTag) else set()
    return own.union(*(_tags(child) for child in _children(value)))


def _groups(value: ValueSpec) -> set[int | None]:
    own: set[int | None] = set(value.cases) if isinstance(value, ByGroup) else set()
    return own.union(*(_groups(child) for child in _children(value)))


def _region_keys(value: ValueSpec) -> set[str]:
    own = {str(k) for k in value.cases} if isinstance(value, ByRegion) else set()
    return own.union(*(_region_keys(child) for child in _children(value)))


def _changes(value: ValueSpec) -> Iterator[datetime.date]:
    """The days on which a dated value starts or stops applying."""
    if isinstance(value, ByDate):
        for period, _ in value.cases:
            yield period.start
            if period.end < datetime.date.max:
                yield period.end + datetime.timedelta(days=1)
    for child in _children(value):
        yield from _changes(child)


def _starts(value: ValueSpec) -> Iterator[datetime.date]:
    if isinstance(value, ByDate):
        for period, _ in value.cases:
            yield period.start
    for child in _children(value):
        yield from _starts(child)


def _bounds(requirement: Requirement, context: Context) -> dict[str, Fraction | None]:
    """The resolved lower and upper bounds of a numeric requirement (None: unspecified)."""

    def amount(value: ValueSpec) -> Fraction | None:
        leaf = resolve(value, context)
        return leaf.amount if isinstance(leaf, Fixed) else None

    if isinstance(requirement, AtLeast):
        return {"at least": amount(requirement.value)}
    if isinstance(requirement, AtMost):
        return {"at most": amount(requirement.value)}
    if isinstance(requirement, Between):
        return {"at least": amount(requirement.low), "at most": amount(requirement.high)}
    if isinstance(requirement, Equals):
        value = amount(requirement.value)
        return {"at least": value, "at most": value}
    return {}


def _compare(
    code: str, parent: Requirement, overlay: Requirement, context: Context
) -> Iterator[Loosening]:
    before, after = _bounds(parent, context), _bounds(overlay, context)
    for bound, old in before.items():
        new = after.get(bound)
        if old is None or new is None:
            continue
        if (bound == "at least" and new < old) or (bound == "at most" and new > old):
            yield Loosening(code, context, old, new, bound)


def _has_gap(requirement: Requirement | Ref) -> bool:
    return any(_value_has_gap(v) for v in _values(requirement))


def _value_has_gap(value: ValueSpec) -> bool:
    if isinstance(value, Unspecified):
        return True
    if isinstance(value, Scaled) and value.base is None:
        return True
    if isinstance(value, ByRegion | ByGroup | ByTag | ByDate) and value.default is None:
        return True  # some context may fall through
    return any(_value_has_gap(child) for child in _children(value))


def _unspecified_in(requirement: Requirement | Ref, context: Context) -> bool:
    return any(isinstance(resolve(v, context), Unspecified) for v in _values(requirement))
