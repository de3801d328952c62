"""The one requirement renderer: a requirement in words, in Vietnamese or English.

Two styles share one walk over the tree and one table of words
(``text/messages/rules.toml``): the short phrase of :func:`describe`
(``≥ 45 triệu đồng/người/năm``, value tables named, not written out), and the
full form of the catalog pages (``full=True``: every case of every value
table, in Markdown).  The renderer lives here rather than in
:mod:`ntm_criteria.text` because it walks the rules' node types, and the
text layer sits below the rules.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from ntm_criteria.periods import Period
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
    RuleItem,
)
from ntm_criteria.rules._values import (
    ByDate,
    ByGroup,
    ByRegion,
    ByTag,
    Fixed,
    Scaled,
    Unspecified,
    ValueSpec,
)
from ntm_criteria.rules._walk import fold, is_combinator
from ntm_criteria.text import Lang, check_lang, format_number, format_quantity, message

__all__ = ["describe"]

_OPERATORS = {
    AtLeast: "at_least",
    AtMost: "at_most",
    Equals: "equals",
    AllOf: "all_of",
    AnyOf: "any_of",
    AtLeastK: "at_least_k",
}
_TABLES = {ByRegion: "by_region", ByGroup: "by_group", ByTag: "by_tag", ByDate: "by_date"}


@attrs.frozen(slots=True)
class _Style:
    """Which words (``rules.<key>.*``) and how much of a value table to write."""

    key: str
    expand_tables: bool
    decimals: int


_SHORT = _Style("describe", expand_tables=False, decimals=2)
_FULL = _Style("full", expand_tables=True, decimals=4)


def describe(
    requirement: RuleItem, unit: str | None = None, lang: str = "vi", *, full: bool = False
) -> str:
    """A requirement as a short phrase, with numbers in the language's format.

    With ``full=True``, every case of every value table is written out, in
    the Markdown of the catalog pages (see
    :func:`ntm_criteria.catalog.requirement_text`).

    >>> from ntm_criteria.rules import AtLeast, ByRegion, Fixed, Unspecified
    >>> describe(AtLeast(Fixed(45)), "million_VND / person / year")
    '≥ 45 triệu đồng/người/năm'
    >>> describe(AtLeast(Fixed(72.56)), "percent", lang="en")
    '≥ 72.56%'
    >>> describe(AtMost(Unspecified("UBND cấp tỉnh quy định")), "percent")
    '≤ ? (chưa quy định ngưỡng: UBND cấp tỉnh quy định)'
    >>> describe(AtLeast(ByRegion({"TDMNPB": Fixed(39)}, default=Fixed(45))), "percent", "en",
    ...          full=True)
    '≥ [TDMNPB: 39%; other regions: 45%]'
    """
    return _Renderer(_FULL if full else _SHORT, unit, check_lang(lang)).requirement(requirement)


@attrs.frozen(slots=True)
class _Renderer:
    style: _Style
    unit: str | None
    lang: Lang

    def word(self, name: str, **fields: object) -> str:
        return message(f"rules.{self.style.key}.{name}", self.lang, **fields)

    def requirement(self, rule: RuleItem) -> str:
        return fold(rule, self.leaf, self.branch)

    def leaf(self, node: Condition | Ref) -> str:
        if isinstance(node, Ref):
            return self.word("ref", code=node.code)
        if isinstance(node, AtLeast | AtMost | Equals):
            return self.word(_OPERATORS[type(node)], value=self.value(node.value))
        if isinstance(node, Between):
            return self.word("between", low=self.value(node.low), high=self.value(node.high))
        if isinstance(node, Achieved):
            return self.word("achieved")
        if isinstance(node, OneOf):
            return self.word("one_of", grades=self.word("grade_separator").join(node.grades))
        return self.unspecified(node)

    def branch(self, node: Combinator, parts: tuple[str, ...]) -> str:
        op = _OPERATORS[type(node)]
        texts = [
            self.word("nested", text=text) if is_combinator(item) else text
            for item, text in zip(node.items, parts, strict=True)
        ]
        items = self.word(f"{op}_separator").join(texts)
        if isinstance(node, AtLeastK):
            return self.word(op, k=node.k, items=items)
        return self.word(op, items=items)

    def unspecified(self, value: Unspecified) -> str:
        detail = value.note_in(self.lang) or value.describe_missing(self.lang)
        return (
            self.word("unspecified_because", detail=detail) if detail else self.word("unspecified")
        )

    def value(self, value: ValueSpec) -> str:
        if isinstance(value, Fixed):
            return format_quantity(
                value.amount, self.unit or "", self.lang, decimals=self.style.decimals
            )
        if isinstance(value, Unspecified):
            return self.word("unspecified_value", text=self.unspecified(value))
        if isinstance(value, Scaled):
            factor = format_number(value.factor, self.lang, decimals=4)
            return self.word("scaled", factor=factor, ref=value.ref)
        kind = _TABLES[type(value)]
        if not self.style.expand_tables:
            return self.word(kind)
        cases = [
            self.word(f"{kind}_case", key=key, value=self.value(spec))
            for key, spec in _cases(value)
        ]
        if value.default is not None:
            cases.append(self.word(f"{kind}_default", value=self.value(value.default)))
        return self.word("table", cases=self.word("case_separator").join(cases))


def _cases(value: ByRegion | ByGroup | ByTag | ByDate) -> Iterable[tuple[str, ValueSpec]]:
    if isinstance(value, ByRegion | ByGroup):
        return ((str(key), spec) for key, spec in value.cases.items())
    if isinstance(value, ByTag):
        return value.cases
    return ((_period(period), spec) for period, spec in value.cases)


def _period(period: Period) -> str:
    if period == Period.year(period.start.year):
        return str(period.start.year)
    return f"{period.start.isoformat()}–{period.end.isoformat()}"
