"""Where a set file's ``extends`` and ``relative_to`` find the sets they name.

First among the parents given to the loader, then among the *default sets*:
the built-in catalog, which :mod:`ntm_criteria.catalog` registers when it is
imported (and importing anything from ``ntm_criteria`` imports it).  The
registration points upwards so that the imports do not: the catalog is built
on this package, and this package never imports the catalog.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

import attrs

if TYPE_CHECKING:
    from ntm_criteria.criteria._set import CriterionSet

__all__ = ["DefaultSets", "default_sets", "register_default_sets"]

#: A function giving the default sets by id (called at each look-up, not cached here).
DefaultSets = Callable[[], Mapping[str, "CriterionSet"]]


@attrs.define
class _Registered:
    """The one registered source of default sets (a holder, so no global is rebound)."""

    source: DefaultSets | None = None


_REGISTERED = _Registered()


def register_default_sets(source: DefaultSets | None) -> DefaultSets | None:
    """Make ``source`` the default sets that ``extends`` may name; returns the previous one.

    :mod:`ntm_criteria.catalog` registers the built-in sets; an application
    seldom needs this (pass ``parents`` to the loaders instead).

    >>> from ntm_criteria import demo
    >>> previous = register_default_sets(lambda: {"example": demo.example_set()})
    >>> sorted(default_sets())
    ['example']
    >>> _ = register_default_sets(previous)
    >>> "vn-ntm-commune-2026-2030" in default_sets()
    True
    """
    previous, _REGISTERED.source = _REGISTERED.source, source
    return previous


def default_sets() -> Mapping[str, CriterionSet]:
    """The default sets by id (the built-in catalog, once it is imported).

    >>> default_sets()["vn-ntm-commune-2026-2030"].level.key
    'standard'
    """
    return {} if _REGISTERED.source is None else _REGISTERED.source()
