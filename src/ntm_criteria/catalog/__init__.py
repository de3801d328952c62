"""The built-in criterion sets, and the file loader that can extend them.

Every set — built in or your own — is a TOML file in the format described in
the format reference, read by :func:`load_set` (or :func:`loads_set` for
text; both come from :mod:`ntm_criteria.criteria`, which holds the format).
The built-in sets live in ``catalog/data/`` inside the package and are listed
by :func:`list_sets` and fetched by :func:`get`; a set file's ``extends`` may
name any of them.

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

from ntm_criteria.catalog._pages import catalog_index, requirement_text, set_page
from ntm_criteria.criteria import (
    FORMAT_VERSION,
    CheckKind,
    CheckProblem,
    CriterionSet,
    Level,
    Loosening,
    LooserThresholdWarning,
    OverlayReport,
    check_overlay,
    load_set,
    loads_set,
    register_default_sets,
    set_from_data,
    set_to_data,
    unspecified_indicators,
)
from ntm_criteria.errors import DataError, DataErrors, UnknownCodeError
from ntm_criteria.geography import Locality, LocalityKind
from ntm_criteria.periods import as_date

__all__ = [
    "FORMAT_VERSION",
    "Loosening",
    "LooserThresholdWarning",
    "OverlayReport",
    "SetInfo",
    "catalog_index",
    "check_overlay",
    "commune_group_2026",
    "for_locality",
    "get",
    "list_sets",
    "load_set",
    "loads_set",
    "requirement_text",
    "set_from_data",
    "set_page",
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
                if _names_unknown_set(err) and len(pending) > 1:
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


def _names_unknown_set(err: DataError) -> bool:
    """True when a set failed to load because it names a set not loaded (yet)."""
    problems = err.errors if isinstance(err, DataErrors) else (err,)
    return any(isinstance(p, CheckProblem) and p.kind is CheckKind.UNKNOWN_SET for p in problems)


def _builtin_sets() -> Mapping[str, CriterionSet]:
    # Looked up at each call, so that a test replacing ``_builtin`` is seen.
    return _builtin()


# What ``extends`` and ``relative_to`` may name besides a loader's parents.
register_default_sets(_builtin_sets)


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


def for_locality(
    locality: Locality, *, on: datetime.date | str, level: Level = Level.STANDARD
) -> CriterionSet:
    """The built-in set in force on ``on`` for this kind of locality and level.

    A set narrowed to tagged localities (the special districts without
    communes) wins over the general one when the locality has the tag.
    Raises :class:`~ntm_criteria.errors.UnknownCodeError` when no built-in
    set applies (for example an advanced commune set after 15/02/2026, when
    only provinces issue them).

    >>> import datetime
    >>> commune = Locality("03664", "Chiềng Xôm", "commune", region="TDMNPB")
    >>> for_locality(commune, on=datetime.date(2022, 6, 15)).id
    'vn-ntm-commune-standard-2021-2025'
    >>> for_locality(commune, on="1/3/2026").id
    'vn-ntm-commune-2026-2030'
    >>> for_locality(commune, on="1/3/2026", level=Level.MODEL)
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.UnknownCodeError: unknown criterion set 'model set for a commune on 2026-03-01'...
    """
    day = as_date(on)
    found = [
        s
        for s in _builtin().values()
        if s.level == level and s.applies(locality) and s.is_in_force(day)
    ]
    narrowed = [s for s in found if s.applies_to is not None]
    chosen = narrowed or found
    what = f"{level.key} set for a {locality.kind.value} on {day.isoformat()}"
    if len(chosen) != 1:
        known = [
            f"{s.id} ({s.validity_label()})"
            for s in _builtin().values()
            if s.level == level and locality.kind in s.scope
        ]
        if chosen:
            what += " (several match: " + ", ".join(s.id for s in chosen) + ")"
        raise UnknownCodeError("criterion set", what, known=known)
    return chosen[0]


def commune_group_2026(
    locality: Locality,
    *,
    near_urban_with_urban_orientation: bool = False,
    agriculture_share: float | None = None,
    planned_new_urban_area: bool = False,
) -> int:
    """The 2026–2030 commune group (1, 2 or 3) of Decision 51/2025/QĐ-TTg.

    Group 1: adjacent to an existing urban area with an urban-development
    orientation, **or** agriculture below 10 % of the economic structure
    (``agriculture_share`` is a share in [0, 1]), **or** oriented to become a
    new urban area.  Group 3: Area II and Area III communes of the
    ethnic-minority and mountainous areas (the locality's tags
    ``ethnic_minority_area_ii`` / ``ethnic_minority_area_iii``).  Group 2:
    neither.  The reference does not say which group prevails when both the
    group-1 and group-3 conditions hold, so that case is an error rather
    than a guess; so is a commune that may be group 1 or 2 when the
    agriculture share is not given.

    >>> c = Locality("1", "Xã A", "commune")
    >>> commune_group_2026(c, agriculture_share=0.08)
    1
    >>> commune_group_2026(c, agriculture_share=0.35)
    2
    >>> commune_group_2026(Locality("2", "Xã B", "commune", tags={"ethnic_minority_area_iii"}),
    ...                    agriculture_share=0.6)
    3
    """
    if agriculture_share is not None and not 0 <= agriculture_share <= 1:
        raise DataError(
            f"agriculture share {agriculture_share!r} is not a share",
            expected="a number between 0 and 1 (0.08 for 8 %)",
        )
    low_agriculture = agriculture_share is not None and agriculture_share < 0.1
    group_1 = near_urban_with_urban_orientation or planned_new_urban_area or low_agriculture
    group_3 = bool({"ethnic_minority_area_ii", "ethnic_minority_area_iii"} & locality.tags)
    if group_1 and group_3:
        raise DataError(
            f"{locality.code} ({locality.name_vi}) meets the conditions of both group 1 and group 3",
            expected="the province's decision: 51/2025/QĐ-TTg as summarised in the reference "
            "does not say which prevails",
        )
    if group_3:
        return 3
    if group_1:
        return 1
    if agriculture_share is None:
        raise DataError(
            f"cannot tell group 1 from group 2 for {locality.code} ({locality.name_vi}) "
            "without the agriculture share",
            expected="agriculture_share, a number between 0 and 1",
        )
    return 2
