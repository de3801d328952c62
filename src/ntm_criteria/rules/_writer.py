"""Writing requirements and values as plain data: the inverse of the readers.

What is written reads back, under any enclosing provenance, as an equal
object.
"""

from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction

from ntm_criteria.periods import Period
from ntm_criteria.rules._requirements import (
    Achieved,
    AllOf,
    AnyOf,
    AtLeast,
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
    ByGroup,
    ByRegion,
    ByTag,
    Fixed,
    Provenance,
    Scaled,
    Unspecified,
    ValueSpec,
)
from ntm_criteria.rules._walk import fold

__all__ = ["number_to_data", "provenance_to_data", "requirement_to_data", "value_to_data"]


def number_to_data(value: Fraction) -> int | float | str:
    """Write an exact number as an int, a float when that is exact, else "p/q".

    >>> number_to_data(Fraction(1814, 25)), number_to_data(Fraction(1, 3)), number_to_data(Fraction(4))
    (72.56, '1/3', 4)
    """
    if value.denominator == 1:
        return value.numerator
    try:
        as_float = float(value)
    except OverflowError:
        as_float = math.inf
    if math.isfinite(as_float) and Fraction(Decimal(repr(as_float))) == value:
        return as_float
    return f"{value.numerator}/{value.denominator}"


def provenance_to_data(provenance: Provenance | None) -> dict[str, str]:
    """The provenance keys of a table (empty for ``None``).

    >>> from ntm_criteria.rules import Confidence
    >>> provenance_to_data(Provenance("QĐ 1", Confidence.PROVINCIAL))
    {'source': 'QĐ 1', 'confidence': 'provincial', 'certainty': ''}
    """
    if provenance is None:
        return {}
    # Every key is written ("" for none), so that reading it back under any
    # enclosing provenance gives the same object.
    return {
        "source": provenance.source or "",
        "confidence": provenance.confidence.value,
        "certainty": provenance.certainty or "",
    }


def value_to_data(value: ValueSpec) -> object:
    """Write a threshold value in its plain form (the inverse of :func:`value_from_data`).

    >>> value_to_data(ByTag((("island", Fixed(60)),), default=Fixed(80)))
    {'by_tag': {'island': 60}, 'default': 80}
    """
    if isinstance(value, Fixed):
        if value.provenance is None:
            return number_to_data(value.amount)
        return {"value": number_to_data(value.amount), **provenance_to_data(value.provenance)}
    if isinstance(value, Unspecified):
        if value.note is None and value.provenance is None and value.missing is None:
            return "unspecified"
        note: object = value.note if value.note is not None else True
        data: dict[str, object] = {"unspecified": note, **provenance_to_data(value.provenance)}
        if value.note_vi is not None:
            data["unspecified_vi"] = value.note_vi
        if value.note_en is not None:
            data["unspecified_en"] = value.note_en
        if value.missing is not None:
            data["missing"] = list(value.missing)
        return data
    if isinstance(value, Scaled):
        return {
            "relative_to": value.ref,
            "factor": number_to_data(value.factor),
            **provenance_to_data(value.provenance),
        }
    if isinstance(value, ByRegion | ByTag):
        items = value.cases.items() if isinstance(value, ByRegion) else value.cases
        data = {
            "by_region" if isinstance(value, ByRegion) else "by_tag": {
                key: value_to_data(spec) for key, spec in items
            }
        }
    elif isinstance(value, ByGroup):
        data = {"by_group": {str(key): value_to_data(spec) for key, spec in value.cases.items()}}
    elif all(period == Period.year(period.start.year) for period, _ in value.cases):
        data = {"by_year": {str(p.start.year): value_to_data(spec) for p, spec in value.cases}}
    else:
        data = {
            "by_date": [
                {
                    "from": p.start.isoformat(),
                    "until": p.end.isoformat(),
                    "value": value_to_data(spec),
                }
                for p, spec in value.cases
            ]
        }
    if value.default is not None:
        data["default"] = value_to_data(value.default)
    return data


def requirement_to_data(requirement: RuleItem) -> object:
    """Write a requirement in its plain form (the inverse of :func:`requirement_from_data`).

    >>> requirement_to_data(AllOf([AtLeast(Fixed(1)), AtMost(Fixed(9))]))
    {'all_of': [{'at_least': 1}, {'at_most': 9}]}
    """
    return fold(requirement, _leaf_to_data, _combinator_to_data)


def _leaf_to_data(node: Condition | Ref) -> object:
    if isinstance(node, Ref):
        return {"ref": node.code}
    if isinstance(node, AtLeast | AtMost | Equals):
        op = {AtLeast: "at_least", AtMost: "at_most", Equals: "equals"}[type(node)]
        return {op: value_to_data(node.value)}
    if isinstance(node, Between):
        return {"between": [value_to_data(node.low), value_to_data(node.high)]}
    if isinstance(node, Achieved):
        return "achieved"
    if isinstance(node, OneOf):
        return {"one_of": list(node.grades)}
    return value_to_data(node)


def _combinator_to_data(node: Combinator, items: tuple[object, ...]) -> object:
    if isinstance(node, AllOf):
        return {"all_of": list(items)}
    if isinstance(node, AnyOf):
        return {"any_of": list(items)}
    return {"at_least_k": node.k, "of": list(items)}
