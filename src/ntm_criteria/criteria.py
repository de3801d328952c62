"""Indicators (chỉ tiêu), criteria (tiêu chí) and criterion sets (bộ tiêu chí).

A :class:`CriterionSet` is data: an id, titles, the scope of localities it
applies to, its level, its validity dates, its legal basis and its criteria.
Each :class:`Criterion` holds :class:`Indicator` objects, and each indicator a
unit and a requirement.  Sets are checked when they are built — codes,
units, regions, references — and every problem is reported at once.

>>> from ntm_criteria.rules import AtLeast, Fixed, Provenance, Confidence
>>> irrigation = Indicator("3.1", "Tỷ lệ diện tích đất được tưới tiêu chủ động",
...                        "Share of land actively irrigated", unit="percent",
...                        requirement=AtLeast(Fixed(80)))
>>> s = CriterionSet(id="demo", title_vi="Bộ tiêu chí minh họa", title_en="Demo set",
...                  scope=("commune",), level=Level.STANDARD,
...                  valid_from=datetime.date(2022, 1, 1), valid_to=None,
...                  legal_basis="illustrative",
...                  criteria=[Criterion(3, "Thủy lợi", "Irrigation", [irrigation])])
>>> s.indicator("3.1").unit
'percent'
>>> s.total
1
"""

from __future__ import annotations

import datetime
import enum
import functools
from collections.abc import Callable, Iterable, Iterator, Mapping
from types import MappingProxyType
from typing import Any

import attrs

from ntm_criteria.errors import DataError, NtmError, UnknownCodeError
from ntm_criteria.geography import (
    DEFAULT_REGION_SCHEME,
    KNOWN_TAGS,
    Locality,
    LocalityKind,
    is_valid_tag,
    regions,
)
from ntm_criteria.periods import Period
from ntm_criteria.rules import (
    AllOf,
    AnyOf,
    AtLeastK,
    ByDate,
    ByGroup,
    ByRegion,
    ByTag,
    Context,
    Fixed,
    Problems,
    Provenance,
    Ref,
    Requirement,
    RuleItem,
    Scaled,
    Unspecified,
    ValueKind,
    ValueSpec,
    refs,
    resolve_requirement,
    value_kind,
)
from ntm_criteria.units import parse_unit

__all__ = [
    "Aggregate",
    "Applicability",
    "Criterion",
    "CriterionGroup",
    "CriterionSet",
    "Indicator",
    "Level",
    "RegionRule",
]


class Level(enum.IntEnum):
    """The level a set certifies, ordered: standard < advanced < model.

    >>> Level.STANDARD < Level.ADVANCED < Level.MODEL
    True
    >>> Level.parse("nâng cao"), Level.MODEL.key, Level.MODEL.label("vi")
    (<Level.ADVANCED: 2>, 'model', 'kiểu mẫu')
    """

    STANDARD = 1
    ADVANCED = 2
    MODEL = 3

    @property
    def key(self) -> str:
        """The name used in data files: ``standard``, ``advanced``, ``model``."""
        return self.name.lower()

    def label(self, lang: str = "vi") -> str:
        """The level in words."""
        return _LEVEL_LABELS[self][0 if lang == "vi" else 1]

    @classmethod
    def parse(cls, text: str) -> Level:
        """A level from its key or its Vietnamese or English name."""
        wanted = text.strip().lower()
        for level in cls:
            if wanted in (level.key, *_LEVEL_LABELS[level]):
                return level
        raise UnknownCodeError("level", text, known=[level.key for level in cls])


_LEVEL_LABELS = MappingProxyType(
    {
        Level.STANDARD: ("đạt chuẩn", "standard"),
        Level.ADVANCED: ("nâng cao", "advanced"),
        Level.MODEL: ("kiểu mẫu", "model"),
    }
)


def _frozen_strs(values: Iterable[str]) -> frozenset[str]:
    return frozenset(values)


def _frozen_ints(values: Iterable[int]) -> frozenset[int]:
    return frozenset(values)


@attrs.frozen(slots=True)
class Applicability:
    """Which localities an indicator applies to; others get *not applicable*.

    Empty fields do not restrict.  ``tags_any``: the locality has one of
    these tags (e.g. ``island``); ``groups``: its 2026–2030 commune group.

    >>> only_islands = Applicability(tags_any={"island"})
    >>> only_islands.applies(frozenset({"island", "border"}), None)
    True
    >>> only_islands.applies(frozenset(), None)
    False
    """

    tags_any: frozenset[str] = attrs.field(default=frozenset(), converter=_frozen_strs)
    groups: frozenset[int] = attrs.field(default=frozenset(), converter=_frozen_ints)

    def applies(self, tags: frozenset[str], group: int | None) -> bool:
        """True when a locality with these tags and group is concerned."""
        if self.tags_any and not self.tags_any & tags:
            return False
        return not self.groups or group in self.groups


def _kind_set(values: Iterable[LocalityKind | str] | str) -> frozenset[LocalityKind]:
    if isinstance(values, str | LocalityKind):
        values = [values]
    return frozenset(v if isinstance(v, LocalityKind) else LocalityKind.parse(v) for v in values)


@attrs.frozen(slots=True)
class Aggregate:
    """An indicator of a district or province computed from its sub-localities' results.

    ``measure`` is ``"share"`` (a percentage of the sub-localities of the
    ``of`` kinds) or ``"count"``; a sub-locality counts when it holds
    ``level`` (or, with ``level=None``, when it completes its own assessment).
    The roll-up functions of :mod:`ntm_criteria.progress` compute the
    observation; the requirement compares it as usual.

    >>> share = Aggregate(of={"commune"}, level=Level.ADVANCED)
    >>> share.label("vi")
    'tỷ lệ xã đạt chuẩn nâng cao'
    """

    of: frozenset[LocalityKind] = attrs.field(converter=_kind_set)
    level: Level | None = None
    measure: str = attrs.field(default="share")

    @measure.validator
    def _check_measure(self, _: object, value: str) -> None:
        if value not in ("share", "count"):
            raise DataError(f"unknown measure {value!r}", expected="share or count")

    def label(self, lang: str = "vi") -> str:
        """What is counted, in words."""
        kinds = sorted(self.of, key=lambda k: k.value)
        if lang == "vi":
            what = ", ".join(k.name_vi for k in kinds)
            done = _REACHED_VI[self.level] if self.level else "hoàn thành"
            return f"{'tỷ lệ' if self.measure == 'share' else 'số'} {what} {done}"
        what = " and ".join(_plural(k.name_en) for k in kinds)
        done = f"at {self.level.label('en')} level" if self.level else "completing"
        return f"{'share of' if self.measure == 'share' else 'number of'} {what} {done}"


_REACHED_VI = MappingProxyType(
    {
        Level.STANDARD: "đạt chuẩn",
        Level.ADVANCED: "đạt chuẩn nâng cao",
        Level.MODEL: "đạt chuẩn kiểu mẫu",
    }
)


def _plural(noun: str) -> str:
    return noun[:-1] + "ies" if noun.endswith("y") else noun + "s"


def _tuple(values: Iterable[Any]) -> tuple[Any, ...]:
    return tuple(values)


@attrs.frozen(slots=True)
class Indicator:
    """One indicator (chỉ tiêu): a code, names, a unit and a requirement.

    ``unit`` is a unit expression understood by :mod:`ntm_criteria.units`
    (``"percent"``, ``"million_VND / person / year"``), or ``None`` for a
    pass/fail or graded indicator.  ``needs_investment`` says whether meeting
    it takes investment (``None``: not recorded).

    >>> from ntm_criteria.rules import Achieved
    >>> i = Indicator("3.2", "Phòng chống thiên tai theo phương châm 4 tại chỗ",
    ...               "Disaster prevention, four on-the-spot", requirement=Achieved())
    >>> i.value_kind
    'bool'
    """

    code: str
    name_vi: str
    name_en: str
    requirement: Requirement
    unit: str | None = None
    provenance: Provenance = attrs.field(factory=Provenance)
    needs_investment: bool | None = None
    applies_to: Applicability | None = None
    note: str | None = None
    aggregate: Aggregate | None = None

    @property
    def value_kind(self) -> ValueKind:
        """What an observation of it must be: ``number``, ``bool``, ``grade`` or ``any``."""
        return value_kind(self.requirement)

    @property
    def source(self) -> str | None:
        """The legal source of the indicator (from its provenance)."""
        return self.provenance.source

    @property
    def confidence(self) -> str:
        """The confidence of the indicator's data (from its provenance)."""
        return self.provenance.confidence.value


@attrs.frozen(slots=True)
class Criterion:
    """One criterion (tiêu chí): a number, names, its indicators and its rule.

    ``rule`` combines the indicators by code (``AtLeastK(2, [Ref("13.1"), …])``);
    ``None`` means all indicators must be met.

    >>> from ntm_criteria.rules import Achieved
    >>> c = Criterion(19, "Quốc phòng và an ninh", "Defence and security",
    ...               [Indicator("19.1", "Xây dựng lực lượng dân quân", "Militia", Achieved())])
    >>> c.effective_rule
    AllOf(items=(Ref(code='19.1'),))
    """

    number: int
    name_vi: str
    name_en: str
    indicators: tuple[Indicator, ...] = attrs.field(converter=_tuple)
    group: str | None = None
    rule: Requirement | None = None
    note: str | None = None

    @property
    def effective_rule(self) -> Requirement:
        """The rule in force: ``rule``, or "all of" every indicator."""
        return self.rule or AllOf([Ref(i.code) for i in self.indicators])

    def label(self, lang: str = "vi") -> str:
        """``Tiêu chí 10 (Thu nhập)`` / ``Criterion 10 (Income)``."""
        if lang == "vi":
            return f"Tiêu chí {self.number} ({self.name_vi})"
        return f"Criterion {self.number} ({self.name_en})"


@attrs.frozen(slots=True)
class CriterionGroup:
    """A named group of criteria (e.g. "Hạ tầng kinh tế - xã hội").

    >>> CriterionGroup("infrastructure", "Hạ tầng kinh tế - xã hội", "Socio-economic infrastructure").key
    'infrastructure'
    """

    key: str
    name_vi: str
    name_en: str


@attrs.frozen(slots=True)
class RegionRule:
    """Localities with all of ``tags`` use the thresholds of ``region``.

    This is how the 2021–2025 rule is written that extremely difficult
    communes use the Northern Midlands and Mountains thresholds.

    >>> rule = RegionRule(frozenset({"extremely_difficult"}), "TDMNPB")
    >>> rule.matches(frozenset({"extremely_difficult", "border"}))
    True
    """

    tags: frozenset[str] = attrs.field(converter=_frozen_strs)
    region: str
    provenance: Provenance | None = None

    def matches(self, tags: frozenset[str]) -> bool:
        """True when a locality with ``tags`` falls under this rule."""
        return bool(self.tags) and self.tags <= tags


def _kinds(values: Iterable[LocalityKind | str] | str) -> tuple[LocalityKind, ...]:
    if isinstance(values, str | LocalityKind):
        values = [values]
    return tuple(v if isinstance(v, LocalityKind) else LocalityKind.parse(v) for v in values)


@attrs.frozen(slots=True)
class CriterionSet:
    """A criterion set (bộ tiêu chí) with its legal basis and validity.

    Built once and checked as a whole: duplicate numbers or codes, unknown
    units, regions or references, and invalid dates raise
    :class:`~ntm_criteria.errors.DataErrors` listing every problem with its
    key path.  ``rule`` combines criteria by number (as text); ``None``
    means all criteria must be met.  ``requires`` is the level a locality
    must already hold for this set to apply (an advanced set requires the
    standard level); ``applies_to`` narrows the set to localities with
    given tags (a special district set).

    >>> s = demo_set()
    >>> (s.id, s.total, [c.number for c in s.criteria], s.is_in_force(datetime.date(2026, 1, 1)))
    ('example', 2, [3, 10], False)
    >>> s.indicator("10.1").unit
    'million_VND / person / year'
    """

    id: str
    title_vi: str
    title_en: str
    scope: tuple[LocalityKind, ...] = attrs.field(converter=_kinds)
    level: Level | None
    valid_from: datetime.date
    valid_to: datetime.date | None
    legal_basis: str
    criteria: tuple[Criterion, ...] = attrs.field(converter=_tuple)
    groups: tuple[CriterionGroup, ...] = attrs.field(default=(), converter=_tuple)
    region_scheme: str = DEFAULT_REGION_SCHEME
    region_rules: tuple[RegionRule, ...] = attrs.field(default=(), converter=_tuple)
    rule: Requirement | None = None
    provenance: Provenance = attrs.field(factory=Provenance)
    extends: str | None = None
    note: str | None = None
    requires: Level | None = None
    applies_to: Applicability | None = None
    _index: Mapping[str, tuple[Criterion, Indicator]] = attrs.field(
        init=False, repr=False, eq=False, hash=False
    )
    _resolver: Callable[[Context], tuple[Requirement, ...]] = attrs.field(
        init=False, repr=False, eq=False, hash=False
    )
    _rules: tuple[tuple[Requirement, ...], Requirement] = attrs.field(
        init=False, repr=False, eq=False, hash=False
    )

    def __attrs_post_init__(self) -> None:
        problems = Problems()
        _check_set(self, problems)
        problems.raise_if_any()
        index = {i.code: (c, i) for c in self.criteria for i in c.indicators}
        object.__setattr__(self, "_index", MappingProxyType(index))
        # Thresholds depend only on (region, group, tags, date): resolving them
        # once per distinct context makes a batch of communes a matter of
        # comparing numbers.
        resolver = functools.lru_cache(maxsize=4096)(self._resolve_all)
        object.__setattr__(self, "_resolver", resolver)
        rules = tuple(c.effective_rule for c in self.criteria)
        object.__setattr__(
            self, "_rules", (rules, self.rule or AllOf([Ref(str(c.number)) for c in self.criteria]))
        )

    # -- look-ups ---------------------------------------------------------------

    @property
    def total(self) -> int:
        """The number of criteria (the N in "đạt x/N tiêu chí")."""
        return len(self.criteria)

    def indicators(self) -> Iterator[Indicator]:
        """Every indicator, criterion by criterion."""
        for criterion in self.criteria:
            yield from criterion.indicators

    def indicator(self, code: str) -> Indicator:
        """The indicator with ``code``; :class:`~ntm_criteria.errors.UnknownCodeError` otherwise."""
        try:
            return self._index[code][1]
        except KeyError:
            raise UnknownCodeError(
                "indicator", code, known=list(self._index), where=f"set {self.id}"
            ) from None

    def criterion_of(self, code: str) -> Criterion:
        """The criterion an indicator belongs to."""
        self.indicator(code)
        return self._index[code][0]

    def criterion(self, number: int) -> Criterion:
        """The criterion with ``number``."""
        for criterion in self.criteria:
            if criterion.number == number:
                return criterion
        raise UnknownCodeError(
            "criterion",
            str(number),
            known=[str(c.number) for c in self.criteria],
            where=f"set {self.id}",
        )

    @property
    def effective_rule(self) -> Requirement:
        """The set's rule in force: ``rule``, or "all of" every criterion."""
        return self._rules[1]

    @property
    def criterion_rules(self) -> tuple[Requirement, ...]:
        """Each criterion's rule in force, in criterion order."""
        return self._rules[0]

    def applies(self, locality: Locality) -> bool:
        """True when the set covers the locality's kind and, if narrowed, its tags."""
        if locality.kind not in self.scope:
            return False
        return self.applies_to is None or self.applies_to.applies(locality.tags, locality.group)

    def is_in_force(self, on: datetime.date) -> bool:
        """True when ``on`` falls within the set's validity."""
        return self.valid_from <= on and (self.valid_to is None or on <= self.valid_to)

    def validity_label(self) -> str:
        """The validity as text: ``2022-03-08 – 2025-12-31`` (open end: ``…``)."""
        end = self.valid_to.isoformat() if self.valid_to else "…"
        return f"{self.valid_from.isoformat()} – {end}"

    # -- resolving thresholds ----------------------------------------------------

    def context_for(self, locality: Locality, on: datetime.date) -> Context:
        """The context thresholds are resolved in: region rules applied.

        >>> from ntm_criteria.geography import Locality
        >>> ed = Locality("99001", "Xã Minh Họa", "commune", region="DBSCL",
        ...               tags={"extremely_difficult"})
        >>> rules = (RegionRule({"extremely_difficult"}, "TDMNPB"),)
        >>> attrs.evolve(demo_set(), region_rules=rules).context_for(ed, datetime.date(2022, 6, 15)).region
        'TDMNPB'
        """
        region = locality.region
        for rule in self.region_rules:
            if rule.matches(locality.tags):
                region = rule.region
                break
        return Context(on=on, region=region, group=locality.group, tags=locality.tags)

    def resolved(self, context: Context) -> tuple[Requirement, ...]:
        """Every indicator's requirement bound for ``context``, in indicator order."""
        return self._resolver(context)

    def _resolve_all(self, context: Context) -> tuple[Requirement, ...]:
        return tuple(resolve_requirement(i.requirement, context) for i in self.indicators())

    # -- plain data ----------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """The set as plain data, in the TOML file format (see the format reference).

        >>> CriterionSet.from_dict(demo_set().to_dict()) == demo_set()
        True
        """
        from ntm_criteria.catalog._format import set_to_data

        return set_to_data(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, file: str | None = None) -> CriterionSet:
        """Build a set from plain data (a parsed TOML or JSON document).

        ``extends`` is looked up among the built-in sets; use
        :func:`ntm_criteria.load_set` to supply other parents.
        """
        from ntm_criteria.catalog._format import set_from_data

        return set_from_data(data, file=file)


def demo_set() -> CriterionSet:
    """A two-criterion illustrative set, used in examples and doctests.

    >>> [c.number for c in demo_set().criteria]
    [3, 10]
    """
    from ntm_criteria.rules import Achieved, AtLeast, Confidence

    illustrative = Provenance("illustrative example", Confidence.ILLUSTRATIVE)
    income = ByRegion({"TDMNPB": Fixed(39)}, default=Fixed(45))
    return CriterionSet(
        id="example",
        title_vi="Bộ tiêu chí minh họa",
        title_en="Illustrative set",
        scope=("commune",),
        level=Level.STANDARD,
        valid_from=datetime.date(2022, 1, 1),
        valid_to=datetime.date(2025, 12, 31),
        legal_basis="illustrative",
        provenance=illustrative,
        criteria=[
            Criterion(
                3,
                "Thủy lợi",
                "Irrigation",
                [
                    Indicator(
                        "3.1",
                        "Tưới tiêu chủ động",
                        "Active irrigation",
                        AtLeast(Fixed(80)),
                        unit="percent",
                        provenance=illustrative,
                    ),
                    Indicator(
                        "3.2", "4 tại chỗ", "Four on-the-spot", Achieved(), provenance=illustrative
                    ),
                ],
            ),
            Criterion(
                10,
                "Thu nhập",
                "Income",
                [
                    Indicator(
                        "10.1",
                        "Thu nhập bình quân đầu người",
                        "Income per person",
                        AtLeast(income),
                        unit="million_VND / person / year",
                        provenance=illustrative,
                    ),
                ],
            ),
        ],
    )


# -- checks -------------------------------------------------------------------


def _check_set(s: CriterionSet, problems: Problems) -> None:
    if not s.id or s.id != s.id.strip():
        problems.add("id", f"{s.id!r} is not a valid set id", expected="a non-empty id")
    if s.valid_to is not None and s.valid_to < s.valid_from:
        problems.add(
            "valid_to",
            f"{s.valid_to} is before valid_from {s.valid_from}",
            expected="valid_from ≤ valid_to",
        )
    if s.requires is not None and s.level is not None and s.requires >= s.level:
        problems.add(
            "requires",
            f"a {s.level.key} set cannot require the {s.requires.key} level",
            expected="a lower level than the set's own",
        )
    if s.applies_to is not None:
        _check_tags(s.applies_to.tags_any, "applies_to.tags_any", problems)
    if not s.criteria:
        problems.add("criteria", "the set has no criteria", expected="at least one [[criteria]]")
    if not s.scope:
        problems.add("scope", "no locality kind given", expected='e.g. scope = "commune"')
    try:
        known_regions = frozenset(r.code for r in regions(s.region_scheme))
    except NtmError as err:
        problems.add_error("region_scheme", err)
        known_regions = frozenset()
    for i, region_rule in enumerate(s.region_rules):
        if known_regions and region_rule.region not in known_regions:
            problems.add(
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
            problems.add(
                f"{path}.number",
                f"duplicate criterion number {criterion.number}",
                expected="each number once",
            )
        numbers.add(criterion.number)
        if criterion.group is not None and criterion.group not in group_keys:
            problems.add(
                f"{path}.group",
                f"unknown group {criterion.group!r}",
                expected=", ".join(sorted(group_keys)) or "a key listed in [[groups]]",
            )
        for ii, indicator in enumerate(criterion.indicators):
            ipath = f"{path}.indicators[{ii}]"
            if indicator.code in codes:
                problems.add(
                    f"{ipath}.code",
                    f"duplicate indicator code {indicator.code!r} "
                    f"(first at {codes[indicator.code]})",
                    expected="unique codes",
                )
            else:
                codes[indicator.code] = ipath
            _check_indicator(indicator, ipath, known_regions, problems)
        if not criterion.indicators:
            problems.add(
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
            problems.add(
                path,
                f"unknown tag {tag!r}",
                expected=", ".join(sorted(KNOWN_TAGS)) + " or a user tag matching x_[a-z0-9_]+",
            )


def _check_indicator(
    indicator: Indicator, path: str, known_regions: frozenset[str], problems: Problems
) -> None:
    if not indicator.code or indicator.code != indicator.code.strip():
        problems.add(
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
        problems.add(
            f"{path}.requirement",
            "an indicator's requirement cannot refer to codes",
            expected="conditions on the indicator's own value",
        )
    if indicator.unit is not None:
        try:
            parse_unit(indicator.unit)
        except NtmError:
            problems.add(
                f"{path}.unit",
                f"unknown unit {indicator.unit!r}",
                expected="a unit such as percent, km, million_VND / person / year",
            )
        if kind in ("bool", "grade"):
            problems.add(
                f"{path}.unit",
                f"a {kind} indicator has no unit",
                expected="no unit for achieved / one_of",
            )
    if indicator.applies_to is not None:
        _check_tags(indicator.applies_to.tags_any, f"{path}.applies_to.tags_any", problems)
    for value_path, value in _values_of(indicator.requirement, f"{path}.requirement"):
        _check_value(value, value_path, known_regions, problems)


def _values_of(requirement: RuleItem, path: str) -> Iterator[tuple[str, ValueSpec]]:
    from ntm_criteria.rules import AtLeast, AtMost, Between, Equals

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
            problems.add(key_path, f"unknown region {region!r}", expected=", ".join(sorted(known)))
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
        problems.add(
            path,
            f"a rule must combine {what} codes, not conditions on values",
            expected='all_of, any_of or at_least_k over codes such as ["13.1", "13.2"]',
        )
        return
    for code in refs(rule):
        if code not in known:
            problems.add(
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
