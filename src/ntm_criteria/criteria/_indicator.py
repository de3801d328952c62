"""Indicators (chỉ tiêu): what is measured, in which unit, against which requirement.

Beside the :class:`Indicator` itself: :class:`Applicability` (which
localities it concerns) and :class:`Aggregate` (an indicator of a district or
province counted from its sub-localities).
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from ntm_criteria._validators import as_frozenset
from ntm_criteria.criteria._domain import Domain, inferred_domain
from ntm_criteria.criteria._level import Level
from ntm_criteria.errors import DataError
from ntm_criteria.geography import LocalityKind
from ntm_criteria.rules import Provenance, Requirement, ValueKind, value_kind
from ntm_criteria.text import message, pick

__all__ = ["Aggregate", "Applicability", "Indicator"]


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

    tags_any: frozenset[str] = attrs.field(default=frozenset(), converter=as_frozenset)
    groups: frozenset[int] = attrs.field(default=frozenset(), converter=as_frozenset)

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
    >>> share.label("en")
    'share of communes at advanced level'
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
        names = [pick(k.name_vi, _plural(k.name_en), lang) for k in kinds]
        what = message("criteria.aggregate.kind_separator", lang).join(names)
        done = message(
            f"criteria.aggregate.reached.{self.level.key}"
            if self.level
            else "criteria.aggregate.completing",
            lang,
        )
        return message(f"criteria.aggregate.{self.measure}", lang, kinds=what, done=done)


def _plural(noun: str) -> str:
    """The English plural of a kind's name (the Vietnamese noun does not change)."""
    return noun[:-1] + "ies" if noun.endswith("y") else noun + "s"


@attrs.frozen(slots=True)
class Indicator:
    """One indicator (chỉ tiêu): a code, names, a unit and a requirement.

    ``unit`` is a unit expression understood by :mod:`ntm_criteria.units`
    (``"percent"``, ``"million_VND / person / year"``), or ``None`` for a
    pass/fail or graded indicator.  ``needs_investment`` says whether meeting
    it takes investment (``None``: not recorded).  ``domain`` is the range
    its observations can take at all, when the set declares one; otherwise
    :attr:`value_domain` infers it from the unit (a percent is 0–100, money
    and counts are not negative).

    >>> from ntm_criteria.rules import Achieved
    >>> i = Indicator("3.2", "Phòng chống thiên tai theo phương châm 4 tại chỗ",
    ...               "Disaster prevention, four on-the-spot", requirement=Achieved())
    >>> i.value_kind
    'bool'
    >>> from ntm_criteria.rules import AtLeast, Fixed
    >>> Indicator("3.1", "Tưới tiêu", "Irrigation", requirement=AtLeast(Fixed(80)),
    ...           unit="percent").value_domain
    Domain(low=Fraction(0, 1), high=Fraction(100, 1))
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
    domain: Domain | None = None

    @property
    def value_domain(self) -> Domain:
        """The values an observation may take: the declared :attr:`domain`, else the unit's."""
        return self.domain if self.domain is not None else inferred_domain(self.unit)

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
