"""The ladder of levels: one criterion set per level, lowest first."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Iterator, Mapping

import attrs

from ntm_criteria._validators import nfc
from ntm_criteria.catalog import for_locality
from ntm_criteria.criteria import CriterionSet, Level
from ntm_criteria.errors import DataError, UnknownCodeError
from ntm_criteria.geography import Locality


def as_level(value: Level | str | int) -> Level:
    """A level from a :class:`Level`, its key or Vietnamese name, or its number."""
    if isinstance(value, Level):
        return value
    if isinstance(value, str):
        # NFC: a decomposed "đạt chuẩn" or "nâng cao" reads as the composed one.
        return Level.parse(nfc(value))
    try:
        return Level(value)
    except ValueError:
        raise UnknownCodeError("level", str(value), known=[lv.key for lv in Level]) from None


def _ladder_rungs(
    sets: Mapping[Level, CriterionSet] | Iterable[CriterionSet],
) -> tuple[tuple[Level, CriterionSet], ...]:
    pairs: list[tuple[Level, CriterionSet]] = []
    if isinstance(sets, Mapping):
        for key, criterion_set in sets.items():
            level = as_level(key)
            if criterion_set.level is not None and criterion_set.level is not level:
                raise DataError(
                    f"set {criterion_set.id!r} certifies the {criterion_set.level.key} level, "
                    f"not {level.key}",
                    expected="each set under the level it certifies",
                )
            pairs.append((level, criterion_set))
    else:
        for criterion_set in sets:
            if criterion_set.level is None:
                raise DataError(
                    f"set {criterion_set.id!r} certifies no level",
                    expected="sets with a level, or a mapping {Level: set}",
                )
            pairs.append((criterion_set.level, criterion_set))
    if not pairs:
        raise DataError("a ladder needs at least one criterion set")
    seen: dict[Level, str] = {}
    for level, criterion_set in pairs:
        if level in seen:
            raise DataError(
                f"two sets for the {level.key} level: {seen[level]!r} and {criterion_set.id!r}",
                expected="one set per level",
            )
        seen[level] = criterion_set.id
    return tuple(sorted(pairs, key=lambda pair: pair[0]))


@attrs.frozen(slots=True)
class Ladder:
    """The criterion sets to decide levels with: one set per level, lowest first.

    Build it from sets that carry their ``level``, or from a mapping
    ``{Level: set}`` (which may also hold a set without a level, such as a
    "completes the task" set).  :meth:`from_lookup` builds one from any
    function that finds the set for a level — the place where a catalog
    look-up plugs in.

    >>> from ntm_criteria import demo
    >>> ladder = Ladder([demo.criterion_set()])
    >>> ladder.levels, ladder.set_for(Level.STANDARD).id
    ((<Level.STANDARD: 1>,), 'demo-commune-standard')
    >>> Level.ADVANCED in ladder
    False
    """

    rungs: tuple[tuple[Level, CriterionSet], ...] = attrs.field(converter=_ladder_rungs)
    # Every code of every set, asked for once per locality decided.
    _codes: frozenset[str] = attrs.field(init=False, repr=False, eq=False, hash=False)

    def __attrs_post_init__(self) -> None:
        codes = frozenset(i.code for _, s in self.rungs for i in s.indicators())
        object.__setattr__(self, "_codes", codes)

    @classmethod
    def from_lookup(
        cls,
        find: Callable[[Level], CriterionSet | None],
        levels: Iterable[Level] = tuple(Level),
    ) -> Ladder:
        """A ladder of the sets ``find(level)`` returns (levels it returns ``None`` for are left out).

        >>> from ntm_criteria import demo
        >>> sets = {Level.STANDARD: demo.criterion_set()}
        >>> Ladder.from_lookup(sets.get).levels
        (<Level.STANDARD: 1>,)
        """
        found = {level: s for level in levels if (s := find(level)) is not None}
        return cls(found)

    @classmethod
    def built_in(cls, locality: Locality, *, on: datetime.date | str) -> Ladder:
        """The built-in national sets in force for ``locality`` on ``on``, one per level.

        >>> from ntm_criteria import Locality
        >>> commune = Locality("03664", "Chiềng Xôm", "commune", region="TDMNPB")
        >>> [s.id for s in Ladder.built_in(commune, on="15/6/2022").sets]
        ['vn-ntm-commune-standard-2021-2025', 'vn-ntm-commune-advanced-2021-2025', 'vn-ntm-commune-model-2021-2025']
        >>> [s.id for s in Ladder.built_in(commune, on="1/3/2026").sets]
        ['vn-ntm-commune-2026-2030']
        """

        def find(level: Level) -> CriterionSet | None:
            try:
                return for_locality(locality, on=on, level=level)
            except UnknownCodeError:
                return None

        return cls.from_lookup(find)

    @property
    def levels(self) -> tuple[Level, ...]:
        """The levels of the ladder, lowest first."""
        return tuple(level for level, _ in self.rungs)

    @property
    def sets(self) -> tuple[CriterionSet, ...]:
        """The sets of the ladder, lowest level first."""
        return tuple(s for _, s in self.rungs)

    def __contains__(self, level: object) -> bool:
        return level in self.levels

    def __iter__(self) -> Iterator[tuple[Level, CriterionSet]]:
        return iter(self.rungs)

    def __len__(self) -> int:
        return len(self.rungs)

    def set_for(self, level: Level) -> CriterionSet:
        """The set of ``level``; :class:`~ntm_criteria.errors.UnknownCodeError` if the ladder lacks it."""
        for rung, criterion_set in self.rungs:
            if rung is level:
                return criterion_set
        raise UnknownCodeError(
            "level", level.key, known=[lv.key for lv in self.levels], where="ladder"
        )

    def requirement_of(self, level: Level) -> Level | None:
        """The level that must be held before ``level``: the set's ``requires``, else the level below.

        >>> from ntm_criteria import demo
        >>> ladder = Ladder([demo.criterion_set()])
        >>> ladder.requirement_of(Level.STANDARD) is None
        True
        """
        criterion_set = self.set_for(level)
        if criterion_set.requires is not None:
            return criterion_set.requires
        return None if level is Level.STANDARD else Level(level - 1)

    def codes(self) -> frozenset[str]:
        """Every indicator code of every set of the ladder."""
        return self._codes


def as_ladder(value: Ladder | Mapping[Level, CriterionSet] | Iterable[CriterionSet]) -> Ladder:
    """``value`` as a :class:`Ladder` (a ladder is kept as it is)."""
    return value if isinstance(value, Ladder) else Ladder(value)
