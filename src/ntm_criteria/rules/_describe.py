"""Requirements in words, in Vietnamese or English."""

from __future__ import annotations

from ntm_criteria.rules._requirements import (
    Achieved,
    AllOf,
    AnyOf,
    AtLeast,
    AtLeastK,
    AtMost,
    Between,
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
from ntm_criteria.text import Lang, check_lang, format_number, format_quantity

__all__ = ["describe"]

_WORDS = {
    "vi": {
        "achieved": "đạt",
        "unspecified": "chưa quy định ngưỡng",
        "one_of": "một trong: ",
        "and": " và ",
        "or": " hoặc ",
        "at_least_k": "ít nhất {k} trong: ",
        "between": "từ {low} đến {high}",
        ByRegion: "theo vùng",
        ByGroup: "theo nhóm xã",
        ByTag: "theo loại xã",
        ByDate: "theo năm",
    },
    "en": {
        "achieved": "achieved",
        "unspecified": "threshold not specified",
        "one_of": "one of: ",
        "and": " and ",
        "or": " or ",
        "at_least_k": "at least {k} of: ",
        "between": "between {low} and {high}",
        ByRegion: "by region",
        ByGroup: "by commune group",
        ByTag: "by locality tag",
        ByDate: "by year",
    },
}


def describe(requirement: RuleItem, unit: str | None = None, lang: str = "vi") -> str:
    """A requirement as a short phrase, with numbers in the language's format.

    >>> from ntm_criteria.rules import AtLeast, Fixed, Unspecified
    >>> describe(AtLeast(Fixed(45)), "million_VND / person / year")
    '≥ 45 triệu đồng/người/năm'
    >>> describe(AtLeast(Fixed(72.56)), "percent", lang="en")
    '≥ 72.56%'
    >>> describe(AtMost(Unspecified("UBND cấp tỉnh quy định")), "percent")
    '≤ ? (chưa quy định ngưỡng: UBND cấp tỉnh quy định)'
    """
    lang = check_lang(lang)
    words = _WORDS[lang]
    if isinstance(requirement, Ref):
        return requirement.code
    if isinstance(requirement, AtLeast | AtMost | Equals):
        sign = {AtLeast: "≥", AtMost: "≤", Equals: "="}[type(requirement)]
        return f"{sign} {_value(requirement.value, unit, lang)}"
    if isinstance(requirement, Between):
        low = _value(requirement.low, unit, lang)
        return str(words["between"]).format(low=low, high=_value(requirement.high, unit, lang))
    if isinstance(requirement, Achieved):
        return str(words["achieved"])
    if isinstance(requirement, OneOf):
        return str(words["one_of"]) + ", ".join(requirement.grades)
    if isinstance(requirement, Unspecified):
        return _unspecified(requirement, lang)
    parts = [_nested(item, unit, lang) for item in requirement.items]
    if isinstance(requirement, AllOf):
        return str(words["and"]).join(parts)
    if isinstance(requirement, AnyOf):
        return str(words["or"]).join(parts)
    prefix = str(words["at_least_k"]).format(k=requirement.k)
    return prefix + ", ".join(parts)


def _nested(item: RuleItem, unit: str | None, lang: str) -> str:
    text = describe(item, unit, lang)
    return f"({text})" if isinstance(item, AllOf | AnyOf | AtLeastK) else text


def _unspecified(value: Unspecified, lang: str) -> str:
    text = str(_WORDS["vi" if lang == "vi" else "en"]["unspecified"])
    detail = value.note or value.describe_missing(lang)
    return f"{text}: {detail}" if detail else text


def _value(value: ValueSpec, unit: str | None, lang: Lang) -> str:
    if isinstance(value, Fixed):
        return format_quantity(value.amount, unit or "", lang)
    if isinstance(value, Unspecified):
        return f"? ({_unspecified(value, lang)})"
    if isinstance(value, Scaled):
        factor = format_number(value.factor, lang, decimals=4)
        return f"{factor} × [{value.ref}]"
    return f"[{_WORDS['vi' if lang == 'vi' else 'en'][type(value)]}]"
