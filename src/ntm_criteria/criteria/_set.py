"""Criterion sets (bộ tiêu chí): criteria with their scope, level, validity and legal basis."""

from __future__ import annotations

import datetime
import functools
from collections.abc import Callable, Iterable, Iterator, Mapping
from types import MappingProxyType
from typing import Any

import attrs

from ntm_criteria._validators import as_tuple
from ntm_criteria.criteria._checks import check_set
from ntm_criteria.criteria._criterion import Criterion, CriterionGroup
from ntm_criteria.criteria._format import read_set
from ntm_criteria.criteria._format_write import set_to_data
from ntm_criteria.criteria._indicator import Applicability, Indicator
from ntm_criteria.criteria._level import Level
from ntm_criteria.criteria._region_rule import RegionRule
from ntm_criteria.errors import UnknownCodeError
from ntm_criteria.geography import DEFAULT_REGION_SCHEME, Locality, LocalityKind
from ntm_criteria.rules import (
    AllOf,
    Context,
    Problems,
    Provenance,
    Ref,
    Requirement,
    resolve_requirement,
)

__all__ = ["CriterionSet"]


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

    >>> from ntm_criteria import demo
    >>> s = demo.example_set()
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
    criteria: tuple[Criterion, ...] = attrs.field(converter=as_tuple)
    groups: tuple[CriterionGroup, ...] = attrs.field(default=(), converter=as_tuple)
    region_scheme: str = DEFAULT_REGION_SCHEME
    region_rules: tuple[RegionRule, ...] = attrs.field(default=(), converter=as_tuple)
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
    #: The set compiled per date (``ntm_criteria.engine.compile_set`` fills it):
    #: a cache that lives and dies with the set.
    _plans: dict[datetime.date, object] = attrs.field(
        init=False, repr=False, eq=False, hash=False, factory=dict
    )

    def __attrs_post_init__(self) -> None:
        problems = Problems()
        check_set(self, problems)
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
        >>> from ntm_criteria import demo
        >>> attrs.evolve(demo.example_set(), region_rules=rules).context_for(ed, datetime.date(2022, 6, 15)).region
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

        >>> from ntm_criteria import demo
        >>> CriterionSet.from_dict(demo.example_set().to_dict()) == demo.example_set()
        True
        """
        return set_to_data(self)

    @classmethod
    def from_dict(
        cls,
        data: Mapping[str, Any],
        *,
        file: str | None = None,
        parents: Iterable[CriterionSet] = (),
    ) -> CriterionSet:
        """Build a set from plain data (a parsed TOML or JSON document).

        ``extends`` and ``relative_to`` are looked up among ``parents``, then
        among the built-in sets (see :func:`ntm_criteria.criteria.set_from_data`).

        >>> CriterionSet.from_dict({"id": "x"})
        Traceback (most recent call last):
        ...
        ntm_criteria.errors.DataErrors: 5 problems:
          - title_vi: missing (expected a string)
        ...
        """
        return read_set(data, file=file, parents=parents, build=cls)
