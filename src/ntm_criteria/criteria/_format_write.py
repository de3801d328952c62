"""Writing the set file format: a criterion set as plain data.

The inverse of the reader (``_format``); a set that extends another is
written whole, so that the data reads without its parent.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ntm_criteria.criteria._domain import domain_to_data
from ntm_criteria.geography import DEFAULT_REGION_SCHEME
from ntm_criteria.rules import provenance_to_data, requirement_to_data

if TYPE_CHECKING:
    from ntm_criteria.criteria._criterion import Criterion
    from ntm_criteria.criteria._indicator import Applicability, Indicator
    from ntm_criteria.criteria._set import CriterionSet

__all__ = ["FORMAT_VERSION", "set_to_data"]

#: The version of the file format this library reads and writes.
FORMAT_VERSION = 1


def set_to_data(s: CriterionSet) -> dict[str, Any]:
    """A set as plain data in the file format (the inverse of :func:`set_from_data`).

    A set that extends another is written whole (flattened), so that it can
    be read without its parent.

    >>> from ntm_criteria import demo
    >>> set_to_data(demo.example_set())["criteria"][1]["indicators"][0]["requirement"]
    {'at_least': {'by_region': {'TDMNPB': 39}, 'default': 45}}
    """
    data: dict[str, Any] = {
        "format": FORMAT_VERSION,
        "id": s.id,
        "title_vi": s.title_vi,
        "title_en": s.title_en,
        "scope": [kind.value for kind in s.scope],
        "level": s.level.key if s.level else "none",
        "valid_from": s.valid_from.isoformat(),
    }
    if s.valid_to is not None:
        data["valid_to"] = s.valid_to.isoformat()
    data["legal_basis"] = s.legal_basis
    if s.region_scheme != DEFAULT_REGION_SCHEME:
        data["region_scheme"] = s.region_scheme
    if s.note is not None:
        data["note"] = s.note
    if s.extends is not None:
        data["based_on"] = s.extends
    if s.requires is not None:
        data["requires"] = s.requires.key
    if s.applies_to is not None:
        data["applies_to"] = _applies_to_data(s.applies_to)
    data.update(provenance_to_data(s.provenance))
    if s.groups:
        data["groups"] = [
            {"key": g.key, "name_vi": g.name_vi, "name_en": g.name_en} for g in s.groups
        ]
    if s.region_rules:
        data["region_rules"] = [
            {"tags": sorted(r.tags), "region": r.region, **provenance_to_data(r.provenance)}
            for r in s.region_rules
        ]
    if s.rule is not None:
        data["rule"] = requirement_to_data(s.rule)
    data["criteria"] = [_criterion_to_data(c) for c in s.criteria]
    return data


def _criterion_to_data(c: Criterion) -> dict[str, Any]:
    data: dict[str, Any] = {"number": c.number, "name_vi": c.name_vi, "name_en": c.name_en}
    for key in ("group", "note"):
        if getattr(c, key) is not None:
            data[key] = getattr(c, key)
    if c.rule is not None:
        data["rule"] = requirement_to_data(c.rule)
    data["indicators"] = [_indicator_to_data(i) for i in c.indicators]
    return data


def _indicator_to_data(i: Indicator) -> dict[str, Any]:
    data: dict[str, Any] = {"code": i.code, "name_vi": i.name_vi, "name_en": i.name_en}
    if i.unit is not None:
        data["unit"] = i.unit
    data["requirement"] = requirement_to_data(i.requirement)
    if i.needs_investment is not None:
        data["needs_investment"] = i.needs_investment
    if i.applies_to is not None:
        data["applies_to"] = _applies_to_data(i.applies_to)
    if i.aggregate is not None:
        aggregate: dict[str, Any] = {"of": sorted(k.value for k in i.aggregate.of)}
        if i.aggregate.level is not None:
            aggregate["level"] = i.aggregate.level.key
        aggregate["measure"] = i.aggregate.measure
        data["aggregate"] = aggregate
    if i.domain is not None:
        data["domain"] = domain_to_data(i.domain)
    if i.note is not None:
        data["note"] = i.note
    data.update(provenance_to_data(i.provenance))
    return data


def _applies_to_data(applies: Applicability) -> dict[str, Any]:
    data: dict[str, Any] = {}
    if applies.tags_any:
        data["tags_any"] = sorted(applies.tags_any)
    if applies.groups:
        data["groups"] = sorted(applies.groups)
    return data
