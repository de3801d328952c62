"""Region rules: localities with given tags use the thresholds of another region."""

from __future__ import annotations

import attrs

from ntm_criteria._validators import as_frozenset
from ntm_criteria.rules import Provenance

__all__ = ["RegionRule"]


@attrs.frozen(slots=True)
class RegionRule:
    """Localities with all of ``tags`` use the thresholds of ``region``.

    This is how the 2021–2025 rule is written that extremely difficult
    communes use the Northern Midlands and Mountains thresholds.

    >>> rule = RegionRule(frozenset({"extremely_difficult"}), "TDMNPB")
    >>> rule.matches(frozenset({"extremely_difficult", "border"}))
    True
    """

    tags: frozenset[str] = attrs.field(converter=as_frozenset)
    region: str
    provenance: Provenance | None = None

    def matches(self, tags: frozenset[str]) -> bool:
        """True when a locality with ``tags`` falls under this rule."""
        return bool(self.tags) and self.tags <= tags
