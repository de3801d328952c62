"""Criterion sets as data: the file loader and the built-in catalog.

Every set — built in or your own — is a TOML file in the format described in
the format reference, read by :func:`load_set` (or :func:`loads_set` for
text).  The built-in sets live in ``catalog/data/`` inside the package and
are listed by :func:`list_sets` and fetched by :func:`get`.

>>> from ntm_criteria import catalog
>>> all(info.id == catalog.get(info.id).id for info in catalog.list_sets())
True
"""

from __future__ import annotations

import datetime
import functools
from collections.abc import Mapping
from importlib import resources

import attrs

from ntm_criteria.catalog._format import (
    FORMAT_VERSION,
    load_set,
    loads_set,
    set_from_data,
    set_to_data,
    unspecified_indicators,
)
from ntm_criteria.criteria import CriterionSet, Level
from ntm_criteria.errors import DataError, UnknownCodeError
from ntm_criteria.geography import LocalityKind

__all__ = [
    "FORMAT_VERSION",
    "SetInfo",
    "get",
    "list_sets",
    "load_set",
    "loads_set",
    "set_from_data",
    "set_to_data",
    "unspecified_indicators",
]


@attrs.frozen(slots=True)
class SetInfo:
    """A one-line summary of a built-in set, as :func:`list_sets` gives it.

    >>> info = SetInfo("x", "Bộ X", "Set X", (LocalityKind.COMMUNE,), Level.STANDARD,
    ...                datetime.date(2022, 1, 1), None, "illustrative")
    >>> info.level.label("en")
    'standard'
    """

    id: str
    title_vi: str
    title_en: str
    scope: tuple[LocalityKind, ...]
    level: Level | None
    valid_from: datetime.date
    valid_to: datetime.date | None
    legal_basis: str


@functools.cache
def _builtin() -> Mapping[str, CriterionSet]:
    """Load every built-in set once, parents before the sets that extend them."""
    folder = resources.files("ntm_criteria.catalog").joinpath("data")
    texts = {
        entry.name: entry.read_text(encoding="utf-8")
        for entry in sorted(folder.iterdir(), key=lambda e: e.name)
        if entry.name.endswith(".toml")
    }
    loaded: dict[str, CriterionSet] = {}
    pending = dict(texts)
    while pending:
        progress = False
        for name, text in list(pending.items()):
            try:
                criterion_set = loads_set(
                    text, file=f"catalog/data/{name}", parents=loaded.values()
                )
            except DataError as err:
                if "unknown set" in str(err) and len(pending) > 1:
                    continue  # its parent is later in the list
                raise
            if criterion_set.id in loaded:
                raise DataError(
                    f"duplicate built-in set id {criterion_set.id!r}",
                    file=f"catalog/data/{name}",
                    key_path="id",
                )
            loaded[criterion_set.id] = criterion_set
            del pending[name]
            progress = True
        if not progress:
            name = next(iter(pending))
            loads_set(pending[name], file=f"catalog/data/{name}", parents=loaded.values())
    return loaded


def list_sets() -> tuple[SetInfo, ...]:
    """Every built-in set, ordered by id.

    >>> isinstance(list_sets(), tuple)
    True
    """
    return tuple(
        SetInfo(
            s.id, s.title_vi, s.title_en, s.scope, s.level, s.valid_from, s.valid_to, s.legal_basis
        )
        for _, s in sorted(_builtin().items())
    )


def get(set_id: str) -> CriterionSet:
    """The built-in set with ``set_id``.

    >>> get("no-such-set")
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.UnknownCodeError: unknown criterion set 'no-such-set'...
    """
    sets = _builtin()
    try:
        return sets[set_id]
    except KeyError:
        raise UnknownCodeError("criterion set", set_id, known=sorted(sets)) from None
