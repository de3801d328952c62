"""Criterion sets as Markdown pages: every criterion, indicator, threshold and source.

The documentation's catalog section is generated from the data with
:func:`set_page` at build time, so that it cannot drift from what the library
applies.  Unspecified thresholds are shown as such.
"""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import urlsplit

from ntm_criteria.criteria import CriterionSet, Indicator
from ntm_criteria.rules import Provenance, RuleItem, describe
from ntm_criteria.units import unit_label

__all__ = ["catalog_index", "requirement_text", "set_page"]


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def requirement_text(requirement: RuleItem, unit: str | None = None) -> str:
    """A requirement in full, every case of every value table written out (English).

    The catalog pages' form of :func:`ntm_criteria.rules.describe` (``full=True``).

    >>> from ntm_criteria.rules import AtLeast, ByRegion, Fixed
    >>> requirement_text(AtLeast(ByRegion({"TDMNPB": Fixed(39)}, default=Fixed(45))),
    ...                  "million_VND / person / year")
    '≥ [TDMNPB: 39 million VND/person/year; other regions: 45 million VND/person/year]'
    """
    return describe(requirement, unit, "en", full=True)


def _provenance(provenance: Provenance) -> str:
    source = provenance.source or "—"
    if source.startswith(("http://", "https://")):
        host = urlsplit(source).netloc.removeprefix("www.")
        source = f"[{host}]({source})"
    certainty = f", {provenance.certainty}" if provenance.certainty else ""
    return f"{source} ({provenance.confidence.value}{certainty})"


def _indicator_row(indicator: Indicator) -> str:
    name = f"{indicator.name_en}<br>*{indicator.name_vi}*"
    extra: list[str] = []
    if indicator.aggregate is not None:
        extra.append(f"computed: {indicator.aggregate.label('en')}")
    if indicator.applies_to is not None and indicator.applies_to.tags_any:
        extra.append("only for " + ", ".join(sorted(indicator.applies_to.tags_any)))
    if indicator.note:
        extra.append(indicator.note)
    if extra:
        name += "<br>" + "<br>".join(extra)
    unit = unit_label(indicator.unit, "en") if indicator.unit else "—"
    cells = [
        f"`{indicator.code}`",
        name,
        unit,
        requirement_text(indicator.requirement, indicator.unit),
        _provenance(indicator.provenance),
    ]
    return "| " + " | ".join(_cell(c) for c in cells) + " |"


def set_page(criterion_set: CriterionSet) -> str:
    """One Markdown page describing a set whole.

    >>> from ntm_criteria import catalog
    >>> page = set_page(catalog.get("vn-ntm-commune-standard-2021-2025"))
    >>> "| `3.1` |" in page and "**unspecified**" in page
    True
    """
    s = criterion_set
    lines = [f"# {s.title_en}", "", f"*{s.title_vi}*", "", "| | |", "|---|---|"]
    facts = [
        ("id", f"`{s.id}`"),
        (
            "applies to",
            ", ".join(k.name_en for k in s.scope)
            + (
                f" (tags: {', '.join(sorted(s.applies_to.tags_any))})"
                if s.applies_to and s.applies_to.tags_any
                else ""
            ),
        ),
        ("level", s.level.label("en") if s.level else "—"),
        ("requires", s.requires.label("en") + " level held" if s.requires else "—"),
        ("valid", s.validity_label()),
        ("legal basis", s.legal_basis),
        ("source", _provenance(s.provenance)),
        ("region scheme", f"`{s.region_scheme}`"),
    ]
    if s.extends:
        facts.append(("based on", f"`{s.extends}`"))
    if s.note:
        facts.append(("note", s.note))
    lines += [f"| {key} | {_cell(value)} |" for key, value in facts]
    rule = "all criteria" if s.rule is None else requirement_text(s.rule)
    lines += ["", f"**Recognition:** {rule}."]
    if s.region_rules:
        lines += ["", "## Region rules", ""]
        for region_rule in s.region_rules:
            source = f" — {_provenance(region_rule.provenance)}" if region_rule.provenance else ""
            tags = " and ".join(f"`{t}`" for t in sorted(region_rule.tags))
            lines.append(
                f"- localities tagged {tags} use the thresholds of `{region_rule.region}`{source}"
            )
    groups = {g.key: g for g in s.groups}
    for criterion in s.criteria:
        lines += ["", f"## {criterion.number}. {criterion.name_en}", "", f"*{criterion.name_vi}*"]
        if criterion.group in groups:
            group = groups[criterion.group]
            lines += ["", f"Group: {group.name_en} (*{group.name_vi}*)"]
        if criterion.rule is not None:
            lines += ["", f"Met when: {requirement_text(criterion.rule)}."]
        if criterion.note:
            lines += ["", f"Note: {criterion.note}"]
        lines += [
            "",
            "| code | indicator | unit | requirement | source (confidence) |",
            "|---|---|---|---|---|",
        ]
        lines += [_indicator_row(indicator) for indicator in criterion.indicators]
    return "\n".join(lines) + "\n"


def catalog_index(sets: Iterable[CriterionSet], link: str = "{id}.md") -> str:
    """A Markdown table of sets, each linked with ``link`` (formatted with the set id).

    >>> from ntm_criteria import catalog
    >>> "vn-ntm-commune-2026-2030" in catalog_index(catalog.get(i.id) for i in catalog.list_sets())
    True
    """
    lines = ["| set | applies to | level | valid |", "|---|---|---|---|"]
    for s in sets:
        title = f"[{_cell(s.title_en)}]({link.format(id=s.id)})<br>`{s.id}`"
        scope = ", ".join(k.name_en for k in s.scope)
        level = s.level.label("en") if s.level else "—"
        lines.append(f"| {title} | {scope} | {level} | {s.validity_label()} |")
    return "\n".join(lines) + "\n"
