"""Criteria (tiêu chí): numbered groups of indicators with the rule that combines them."""

from __future__ import annotations

import attrs

from ntm_criteria._validators import as_tuple
from ntm_criteria.criteria._indicator import Indicator
from ntm_criteria.rules import AllOf, Ref, Requirement
from ntm_criteria.text import message, pick

__all__ = ["Criterion", "CriterionGroup"]


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
    >>> c.label("en")
    'Criterion 19 (Defence and security)'
    """

    number: int
    name_vi: str
    name_en: str
    indicators: tuple[Indicator, ...] = attrs.field(converter=as_tuple)
    group: str | None = None
    rule: Requirement | None = None
    note: str | None = None

    @property
    def effective_rule(self) -> Requirement:
        """The rule in force: ``rule``, or "all of" every indicator."""
        return self.rule or AllOf([Ref(i.code) for i in self.indicators])

    def label(self, lang: str = "vi") -> str:
        """``Tiêu chí 10 (Thu nhập)`` / ``Criterion 10 (Income)``."""
        name = pick(self.name_vi, self.name_en, lang)
        return message("criteria.criterion.label", lang, number=self.number, name=name)


@attrs.frozen(slots=True)
class CriterionGroup:
    """A named group of criteria (e.g. "Hạ tầng kinh tế - xã hội").

    >>> CriterionGroup("infrastructure", "Hạ tầng kinh tế - xã hội", "Socio-economic infrastructure").key
    'infrastructure'
    """

    key: str
    name_vi: str
    name_en: str
