"""Many households as columns (:class:`HouseholdTable`): the batch path for large inputs."""

from __future__ import annotations

import datetime
from collections.abc import Hashable, Iterable, Mapping, Sequence
from fractions import Fraction
from types import MappingProxyType
from typing import Any

import attrs

from ntm_criteria._validators import as_tuple
from ntm_criteria.errors import DataError, DataErrors, UnknownCodeError
from ntm_criteria.periods import as_date
from ntm_criteria.poverty._areas import Area, PovertyStatus
from ntm_criteria.poverty._cells import HOUSEHOLD_COLUMNS
from ntm_criteria.poverty._columns import check_indicator_codes
from ntm_criteria.poverty._engines import Engine, load_numpy, statuses, tallies
from ntm_criteria.poverty._figures import PovertyRates
from ntm_criteria.poverty._households import Household
from ntm_criteria.poverty._income import INCOME_UNIT
from ntm_criteria.poverty._rates import HOUSEHOLD_FIELDS, GroupKey
from ntm_criteria.poverty._rows import RowChecker, known_codes
from ntm_criteria.poverty._shown import shown
from ntm_criteria.poverty._standards import PovertyStandard, PovertyStandards
from ntm_criteria.poverty._standards_file import default_standards
from ntm_criteria.poverty._tally import STATUS_CODES, Tally
from ntm_criteria.units import Q_

__all__ = ["HouseholdTable"]


def _column_map(value: Mapping[str, Iterable[Any]]) -> Mapping[str, tuple[Any, ...]]:
    return MappingProxyType({key: tuple(column) for key, column in value.items()})


@attrs.frozen(slots=True)
class HouseholdTable:
    """Many households as columns: the batch path for large inputs.

    Build one with :meth:`from_columns` (columns of cells, e.g. read from
    CSV), :meth:`from_households` or :func:`read_households`.  Incomes are
    held in đồng/person/month, exact.  :meth:`classify`, :meth:`rates` and
    :meth:`rates_by` run on a pure-Python engine or on a vectorised numpy
    engine (the optional ``fast`` extra); both give exactly the figures of
    :func:`classify` and :func:`rates` one by one.

    >>> table = HouseholdTable.from_columns({
    ...     "id": ["H1", "H2", "H3"], "commune": ["04036", "04036", "04039"],
    ...     "area": ["nông thôn", "rural", "urban"], "members": ["4", "3", "2"],
    ...     "income": ["1.400.000", "1.500.001", ""],
    ...     "water": ["1", "0", ""], "latrine": ["có", "không", ""], "telecom": ["1", "1", ""],
    ... })
    >>> table.classify(on="2023-06-15", engine="python")
    (<PovertyStatus.POOR: 'poor'>, <PovertyStatus.ABOVE_LINE: 'above_line'>, <PovertyStatus.UNKNOWN: 'unknown'>)
    >>> table.rates(on="2023-06-15").poor
    Headcount(count=1, known=2, unknown=1)
    """

    ids: tuple[str, ...] = attrs.field(converter=as_tuple)
    areas: tuple[Area, ...] = attrs.field(converter=as_tuple)
    members: tuple[int, ...] = attrs.field(converter=as_tuple)
    incomes: tuple[Fraction | None, ...] = attrs.field(converter=as_tuple)
    deprivations: Mapping[str, tuple[bool | None, ...]] = attrs.field(
        factory=dict, converter=_column_map
    )
    communes: tuple[str | None, ...] = attrs.field(factory=tuple, converter=as_tuple)
    extra: Mapping[str, tuple[str | None, ...]] = attrs.field(factory=dict, converter=_column_map)

    def __attrs_post_init__(self) -> None:
        n = len(self.ids)
        if not self.communes and n:
            object.__setattr__(self, "communes", (None,) * n)  # no commune column
        lengths = {
            "areas": len(self.areas),
            "members": len(self.members),
            "incomes": len(self.incomes),
            "communes": len(self.communes),
            **{f"deprivations[{c}]": len(v) for c, v in self.deprivations.items()},
            **{f"extra[{c}]": len(v) for c, v in self.extra.items()},
        }
        for name, length in lengths.items():
            if length != n:
                raise DataError(
                    f"column {name} has {length} values for {n} households",
                    expected="columns of equal length",
                )
        seen: set[str] = set()
        for hid in self.ids:
            if hid in seen:
                raise DataError(f"duplicate household id {hid!r}", expected="unique ids")
            seen.add(hid)

    def __len__(self) -> int:
        return len(self.ids)

    @classmethod
    def from_columns(
        cls,
        columns: Mapping[str, Sequence[object]],
        *,
        income_unit: str = INCOME_UNIT,
        indicators: Iterable[str] | None = None,
    ) -> HouseholdTable:
        """A table from columns of cells, all checked; every problem reported at once.

        Cells are Python values or text as read from CSV (Vietnamese
        numbers, ``có`` / ``không``, empty for unknown); a float NaN counts
        as empty.  ``income`` is in ``income_unit`` (default đồng per
        person per month).  Columns named by an indicator code of the
        standards (or of ``indicators``) are deprivation flags; ``commune``
        and any other column are kept for grouping.  Problems raise
        :class:`~ntm_criteria.errors.DataErrors` with ``column[row]`` paths.

        >>> HouseholdTable.from_columns({"id": ["A", "B"], "area": ["rural", "urban"],
        ...                              "members": [2, 0], "income": ["1,5", "x"]})
        Traceback (most recent call last):
        ...
        ntm_criteria.errors.DataErrors: 2 problems:
          - members[1]: members 0 is not a whole number of at least 1 (expected 1, 2, 3, …)
          - income[1]: cannot parse 'x' (expected a number in Vietnamese format...)
        """
        names = [str(name) for name in columns]
        lists: dict[str, list[object]] = {}
        problems: list[DataError] = []
        for name, column in columns.items():
            if isinstance(column, str | bytes) or not hasattr(column, "__len__"):
                problems.append(DataError(f"{shown(column)} is not a column", key_path=str(name)))
            else:
                lists[str(name)] = list(column)
        missing = [c for c in HOUSEHOLD_COLUMNS if c not in columns]
        if missing:
            problems.append(
                DataError(
                    f"missing column(s) {', '.join(missing)}",
                    expected="columns " + ", ".join(HOUSEHOLD_COLUMNS),
                )
            )
        lengths = {len(v) for v in lists.values()}
        if len(lengths) > 1:
            problems.append(
                DataError(
                    f"columns of different lengths ({', '.join(f'{k}: {len(v)}' for k, v in lists.items())})",
                    expected="columns of equal length",
                )
            )
        if problems:
            raise DataErrors(problems)
        codes = known_codes() if indicators is None else tuple(indicators)
        rows = RowChecker(names, income_unit, codes)
        n = lengths.pop() if lengths else 0
        for i in range(n):
            rows.add({name: values[i] for name, values in lists.items()}, (None, i))
        return cls(**rows.columns(None))

    @classmethod
    def from_households(cls, households: Iterable[Household]) -> HouseholdTable:
        """A table holding ``households`` (their incomes converted to đồng/person/month).

        >>> from ntm_criteria.units import Q_
        >>> t = HouseholdTable.from_households([Household("H1", "rural", 2, Q_(1, "million_VND/person/year"))])
        >>> t.incomes
        (Fraction(250000, 3),)
        """
        items = list(households)
        codes = list(dict.fromkeys(c for h in items for c in h.deprivations))
        extra = list(dict.fromkeys(k for h in items for k in h.extra))
        return cls(
            ids=[h.id for h in items],
            areas=[h.area for h in items],
            members=[h.members for h in items],
            incomes=[h.monthly_income for h in items],
            deprivations={c: [h.deprivations.get(c) for h in items] for c in codes},
            communes=[h.commune for h in items],
            extra={k: [h.extra.get(k) for h in items] for k in extra},
        )

    def households(self) -> tuple[Household, ...]:
        """The rows as :class:`Household` values.

        >>> from ntm_criteria.units import Q_
        >>> h = Household("H1", "urban", 2, Q_(900_000, "VND/person/month"), {"water": False})
        >>> HouseholdTable.from_households([h]).households() == (h,)
        True
        """
        return tuple(self._household(i) for i in range(len(self)))

    def _household(self, i: int) -> Household:
        income = self.incomes[i]
        return Household(
            self.ids[i],
            self.areas[i],
            self.members[i],
            None if income is None else Q_(income, INCOME_UNIT),
            {c: v[i] for c, v in self.deprivations.items()},
            commune=self.communes[i],
            extra={k: text for k, v in self.extra.items() if (text := v[i]) is not None},
        )

    def _keys(self, by: GroupKey) -> list[Hashable]:
        if callable(by):
            return [by(h) for h in self.households()]
        if by == "commune":
            return list(self.communes)
        if by in HOUSEHOLD_FIELDS:
            return list(getattr(self, {"id": "ids", "area": "areas", "members": "members"}[by]))
        if by in self.extra or not len(self):
            return list(self.extra.get(by, ()))
        raise UnknownCodeError("column", by, known=[*HOUSEHOLD_FIELDS, *self.extra])

    def _check_codes(self, standard: PovertyStandard) -> None:
        check_indicator_codes(standard, self.deprivations, "household table")

    def classify(
        self,
        *,
        on: datetime.date | str,
        standards: PovertyStandards | None = None,
        engine: Engine = "auto",
    ) -> tuple[PovertyStatus, ...]:
        """The status of every household, in row order (see :class:`HouseholdTable`)."""
        day = as_date(on)
        standard = (standards or default_standards()).in_force(day)
        self._check_codes(standard)
        np = load_numpy(engine)
        return tuple(map(STATUS_CODES.__getitem__, statuses(self, standard, day, np)))

    def rates(
        self,
        *,
        on: datetime.date | str,
        standards: PovertyStandards | None = None,
        engine: Engine = "auto",
    ) -> PovertyRates:
        """Poverty figures over the whole table; equal to :func:`rates` on :meth:`households`."""
        return self._grouped(None, on, standards, engine)[None]

    def rates_by(
        self,
        by: GroupKey,
        *,
        on: datetime.date | str,
        standards: PovertyStandards | None = None,
        engine: Engine = "auto",
    ) -> dict[Hashable, PovertyRates]:
        """Poverty figures per group (a column name or a function of the household).

        Equal to :func:`rates_by` on :meth:`households`.

        >>> table = HouseholdTable.from_columns({"id": ["a", "b", "c"], "commune": ["X", "Y", "X"],
        ...     "area": ["rural"] * 3, "members": [1, 1, 1], "income": [2_000_000, 1, 3]})
        >>> {k: r.at_or_below_line.share for k, r in table.rates_by("commune", on="2023-01-01").items()}
        {'X': Fraction(1, 2), 'Y': Fraction(1, 1)}
        """
        return self._grouped(by, on, standards, engine)

    def _grouped(
        self,
        by: GroupKey | None,
        on: datetime.date | str,
        standards: PovertyStandards | None,
        engine: Engine,
    ) -> dict[Hashable, PovertyRates]:
        day = as_date(on)
        standard = (standards or default_standards()).in_force(day)
        self._check_codes(standard)
        keys: list[Hashable] = [None] * len(self) if by is None else self._keys(by)
        np = load_numpy(engine)
        found = tallies(self, standard, day, keys, np)
        if by is None and not found:
            found = {None: Tally(standard)}
        return {key: tally.result(day, key) for key, tally in found.items()}
