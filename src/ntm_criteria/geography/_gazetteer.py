"""An immutable collection of localities (:class:`Gazetteer`), looked up by code and walked as a tree."""

from __future__ import annotations

import datetime as _dt
import functools
import os
from collections.abc import Iterable, Iterator, Mapping
from types import MappingProxyType

import attrs

from ntm_criteria._document import CsvRow
from ntm_criteria._validators import nfc
from ntm_criteria.errors import DataError, DataErrors, UnknownCodeError
from ntm_criteria.geography._fields import as_code
from ntm_criteria.geography._kinds import COMMUNE_KINDS, LocalityKind
from ntm_criteria.geography._locality import Locality
from ntm_criteria.geography._official import collector_paused, official_list, official_units
from ntm_criteria.geography._rows import localities_from_rows, read_csv_rows
from ntm_criteria.periods import as_date

__all__ = ["Gazetteer"]


def _rows(rows: Iterator[object]) -> Iterator[CsvRow]:
    """Rows given in memory: numbered from 1, with no line."""
    for number, cells in enumerate(rows, 1):
        yield CsvRow(number, None, cells)


class Gazetteer:
    """An immutable collection of localities, looked up by code and walked as a tree.

    Codes must be unique.  Parent links are only checked by :meth:`validate`,
    so a gazetteer may hold part of the country (a locality whose parent is
    absent is then a root).

    >>> gaz = Gazetteer([
    ...     Locality("14", "Sơn La", "province", region="TDMNPB"),
    ...     Locality("116", "Sơn La", "provincial_city", parent="14"),
    ...     Locality("03664", "Chiềng Xôm", "commune", parent="116"),
    ...     Locality("03661", "Chiềng Đen", "commune", parent="116"),
    ... ])
    >>> len(gaz), "03661" in gaz, [loc.code for loc in gaz.children("116")]
    (4, True, ['03664', '03661'])
    >>> Gazetteer([Locality("1", "A", "xã"), Locality("1", "B", "xã")])
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.DataErrors: 1 problem:
      - localities[1].code: duplicate locality code '1' (first at localities[0]) ...
    """

    __slots__ = ("_by_code", "_children", "_localities", "_source")

    _localities: tuple[Locality, ...]
    _by_code: Mapping[str, Locality]
    _children: Mapping[str, tuple[Locality, ...]]
    _source: str | None

    def __init__(self, localities: Iterable[Locality], *, source: str | None = None) -> None:
        items = tuple(localities)
        errors: list[DataError] = []
        by_code: dict[str, Locality] = {}
        first: dict[str, int] = {}
        for index, loc in enumerate(items):
            if not isinstance(loc, Locality):
                errors.append(
                    DataError(
                        f"item is a {type(loc).__name__}, not a Locality",
                        key_path=f"localities[{index}]",
                    )
                )
            elif loc.code in by_code:
                errors.append(
                    DataError(
                        f"duplicate locality code {loc.code!r} "
                        f"(first at localities[{first[loc.code]}])",
                        key_path=f"localities[{index}].code",
                        expected="unique codes",
                    )
                )
            else:
                by_code[loc.code] = loc
                first[loc.code] = index
        if errors:
            raise DataErrors(errors, file=source)
        children: dict[str, list[Locality]] = {}
        for loc in items:
            if loc.parent is not None and loc.parent in by_code:
                children.setdefault(loc.parent, []).append(loc)
        object.__setattr__(self, "_localities", items)
        object.__setattr__(self, "_by_code", MappingProxyType(by_code))
        object.__setattr__(
            self, "_children", MappingProxyType({k: tuple(v) for k, v in children.items()})
        )
        object.__setattr__(self, "_source", source)

    def __setattr__(self, name: str, value: object) -> None:
        raise attrs.exceptions.FrozenInstanceError()

    def __delattr__(self, name: str) -> None:
        raise attrs.exceptions.FrozenInstanceError()

    # -- collection protocol

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and nfc(code) in self._by_code

    def __iter__(self) -> Iterator[Locality]:
        return iter(self._localities)

    def __len__(self) -> int:
        return len(self._localities)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Gazetteer):
            return NotImplemented
        return self._localities == other._localities

    def __hash__(self) -> int:
        return hash(self._localities)

    def __repr__(self) -> str:
        source = f", source={self._source!r}" if self._source is not None else ""
        return f"<Gazetteer of {len(self)} localities{source}>"

    @property
    def source(self) -> str | None:
        """Where the localities came from (a file path), if known.

        >>> Gazetteer([]).source is None
        True
        """
        return self._source

    @property
    def by_code(self) -> Mapping[str, Locality]:
        """A read-only mapping of code to locality.

        >>> Gazetteer([Locality("14", "Sơn La", "tỉnh")]).by_code["14"].name_vi
        'Sơn La'
        """
        return self._by_code

    # -- lookups

    def get(self, code: str) -> Locality:
        """Return the locality with ``code``.

        >>> gaz = Gazetteer([Locality("14", "Sơn La", "tỉnh")])
        >>> gaz.get("14").label()
        'tỉnh Sơn La'
        >>> gaz.get("15")
        Traceback (most recent call last):
        ...
        ntm_criteria.errors.UnknownCodeError: unknown locality '15'
        """
        try:
            return self._by_code[as_code(code)]
        except (KeyError, TypeError):
            raise UnknownCodeError("locality", str(code), where=self._source or "") from None

    def parent(self, code: str) -> Locality | None:
        """Return the parent of ``code``, or None if it has none in this gazetteer.

        >>> gaz = Gazetteer([Locality("14", "Sơn La", "tỉnh"),
        ...                  Locality("116", "Sơn La", "provincial_city", parent="14")])
        >>> gaz.parent("116").code, gaz.parent("14")
        ('14', None)
        """
        parent = self.get(code).parent
        return None if parent is None else self._by_code.get(parent)

    def children(self, code: str) -> tuple[Locality, ...]:
        """Return the direct children of ``code``, in insertion order.

        >>> gaz = Gazetteer([Locality("116", "Sơn La", "provincial_city"),
        ...                  Locality("03664", "Chiềng Xôm", "xã", parent="116")])
        >>> [loc.name_vi for loc in gaz.children("116")], gaz.children("03664")
        (['Chiềng Xôm'], ())
        """
        code = as_code(code)
        self.get(code)
        return self._children.get(code, ())

    def descendants(
        self, code: str, kind: LocalityKind | str | None = None
    ) -> tuple[Locality, ...]:
        """Return every locality below ``code``, depth first, optionally of one ``kind``.

        >>> gaz = Gazetteer([
        ...     Locality("14", "Sơn La", "tỉnh"),
        ...     Locality("116", "Sơn La", "provincial_city", parent="14"),
        ...     Locality("03664", "Chiềng Xôm", "xã", parent="116"),
        ...     Locality("03664-01", "Bản Híp", "thôn", parent="03664"),
        ...     Locality("03661", "Chiềng Đen", "xã", parent="116"),
        ... ])
        >>> [loc.code for loc in gaz.descendants("14")]
        ['116', '03664', '03664-01', '03661']
        >>> [loc.code for loc in gaz.descendants("14", LocalityKind.COMMUNE)]
        ['03664', '03661']
        """
        code = as_code(code)
        self.get(code)
        wanted = None if kind is None else LocalityKind.parse(kind)
        found: list[Locality] = []
        seen = {code}  # guards against cycles, which validate() reports
        stack = list(reversed(self._children.get(code, ())))
        while stack:
            loc = stack.pop()
            if loc.code in seen:
                continue
            seen.add(loc.code)
            if wanted is None or loc.kind is wanted:
                found.append(loc)
            stack.extend(reversed(self._children.get(loc.code, ())))
        return tuple(found)

    def ancestors(self, code: str) -> tuple[Locality, ...]:
        """Return the chain of parents of ``code``, nearest first.

        >>> gaz = Gazetteer([Locality("14", "Sơn La", "tỉnh"),
        ...                  Locality("116", "Sơn La", "provincial_city", parent="14"),
        ...                  Locality("03664", "Chiềng Xôm", "xã", parent="116")])
        >>> [loc.label() for loc in gaz.ancestors("03664")]
        ['thành phố Sơn La', 'tỉnh Sơn La']
        """
        code = as_code(code)
        loc = self.get(code)
        chain: list[Locality] = []
        seen = {code}
        while loc.parent is not None and loc.parent in self._by_code and loc.parent not in seen:
            loc = self._by_code[loc.parent]
            seen.add(loc.code)
            chain.append(loc)
        return tuple(chain)

    def region_of(self, code: str) -> str | None:
        """Return the region of ``code``: its own, else its nearest ancestor's.

        >>> gaz = Gazetteer([Locality("14", "Sơn La", "tỉnh", region="TDMNPB"),
        ...                  Locality("03664", "Chiềng Xôm", "xã", parent="14")])
        >>> gaz.region_of("03664")
        'TDMNPB'
        """
        loc = self.get(code)
        if loc.region is not None:
            return loc.region
        for ancestor in self.ancestors(code):
            if ancestor.region is not None:
                return ancestor.region
        return None

    def effective(self, code: str) -> Locality:
        """Return the locality ``code`` with its region filled in from its ancestors.

        Assessments need a commune's region, which a gazetteer usually records
        only on the province.

        >>> gaz = Gazetteer([Locality("14", "Sơn La", "tỉnh", region="TDMNPB"),
        ...                  Locality("03664", "Chiềng Xôm", "xã", parent="14")])
        >>> gaz.effective("03664").region
        'TDMNPB'
        """
        loc = self.get(code)
        if loc.region is not None:
            return loc
        return attrs.evolve(loc, region=self.region_of(code))

    def roots(self) -> tuple[Locality, ...]:
        """Return the localities with no parent in this gazetteer.

        >>> gaz = Gazetteer([Locality("14", "Sơn La", "tỉnh"),
        ...                  Locality("03664", "Chiềng Xôm", "xã", parent="14"),
        ...                  Locality("00001", "Phúc Xá", "phường", parent="01")])
        >>> [loc.code for loc in gaz.roots()]
        ['14', '00001']
        """
        return tuple(
            loc for loc in self._localities if loc.parent is None or loc.parent not in self._by_code
        )

    # -- checks

    def validate(self) -> None:
        """Check the tree; raise :class:`~ntm_criteria.errors.DataErrors` with every problem.

        Problems: a parent code not in the gazetteer, a cycle of parent links,
        a child whose tier is not below its parent's (a province under a
        commune), a village-level unit whose parent is not commune-level.

        >>> Gazetteer([Locality("14", "Sơn La", "tỉnh")]).validate()
        >>> Gazetteer([Locality("14", "Sơn La", "tỉnh", parent="03664"),
        ...            Locality("03664", "Chiềng Xôm", "xã", parent="99")]).validate()
        Traceback (most recent call last):
        ...
        ntm_criteria.errors.DataErrors: 2 problems:
          - locality '14': a province cannot be under a commune ('03664') ...
          - locality '03664': parent '99' is not in the gazetteer ...
        """
        in_cycle, cycles = self._cycles()
        errors: list[DataError] = []
        for loc in self._localities:
            if loc.code in cycles:
                errors.append(
                    DataError(
                        f"cycle of parent links: {' → '.join(cycles[loc.code])}",
                        key_path=f"locality {loc.code!r}",
                        expected="a tree: no locality is its own ancestor",
                    )
                )
            if loc.parent is None or loc.code in in_cycle:
                continue
            parent = self._by_code.get(loc.parent)
            if parent is None:
                errors.append(
                    DataError(
                        f"parent {loc.parent!r} is not in the gazetteer",
                        key_path=f"locality {loc.code!r}",
                        expected="the code of a locality in this gazetteer",
                    )
                )
            else:
                problem = _edge_problem(loc, parent)
                if problem is not None:
                    errors.append(problem)
        if errors:
            raise DataErrors(errors, file=self._source)

    def _cycles(self) -> tuple[set[str], dict[str, tuple[str, ...]]]:
        """Codes on a cycle, and each cycle keyed by its first code in insertion order."""
        done: set[str] = set()
        in_cycle: set[str] = set()
        cycles: dict[str, tuple[str, ...]] = {}
        order = {loc.code: index for index, loc in enumerate(self._localities)}
        for start in self._localities:
            path: list[str] = []
            position: dict[str, int] = {}
            code: str | None = start.code
            while code is not None and code in self._by_code and code not in done:
                if code in position:
                    cycle = path[position[code] :]
                    first = min(range(len(cycle)), key=lambda i: order[cycle[i]])
                    loop = cycle[first:] + cycle[:first]
                    cycles[loop[0]] = (*loop, loop[0])
                    in_cycle.update(cycle)
                    break
                position[code] = len(path)
                path.append(code)
                code = self._by_code[code].parent
            done.update(path)
        return in_cycle, cycles

    # -- the official lists

    @classmethod
    def official(cls, on: _dt.date | str) -> Gazetteer:
        """The official administrative units in force on ``on``, as shipped with the package.

        Before 1/7/2025: 63 provinces, 696 districts and 10,035 communes (the
        list as of 1/1/2025, also returned for earlier dates: units merged
        before 2025 are not in it); from 1/7/2025: 34 provinces and 3,321
        commune-level units, with no district level.  Names are as the law
        spells them, without the kind word; no region is set (no official
        region assignment of the 34 provinces is known).  Each list is read
        once, on first use.

        >>> before = Gazetteer.official("15/6/2022")
        >>> len(before), before.get("03664").label(), before.parent("03664").label()
        (10794, 'xã Chiềng Xôm', 'thành phố Sơn La')
        >>> after = Gazetteer.official("1/7/2025")
        >>> len(after), after.get("03664").label(), after.parent("03664").label()
        (3355, 'phường Chiềng An', 'tỉnh Sơn La')
        >>> after.source
        'ntm_criteria: geography/data/official/units-2025-07-01.csv'
        """
        return _official_gazetteer(official_list(as_date(on)).file)

    # -- rows and CSV

    @classmethod
    def from_rows(
        cls, rows: Iterable[Mapping[str, str]], *, source: str | None = None
    ) -> Gazetteer:
        """Build a gazetteer from rows of text, as read from a spreadsheet.

        Columns: ``code,name_vi,kind,parent,region,tags,group,name_en``; the
        first three are required.  Cells are stripped; an empty cell means
        None; tags are separated by ``;`` or ``|``.  Every problem of every
        row is collected and raised together as
        :class:`~ntm_criteria.errors.DataErrors` (key paths such as
        ``row 2: kind``); nothing is half-loaded.  Rows whose cells are all
        empty are skipped.

        >>> gaz = Gazetteer.from_rows([
        ...     {"code": "14", "name_vi": "Sơn La", "kind": "tỉnh", "region": "TDMNPB"},
        ...     {"code": "03664", "name_vi": "Chiềng Xôm", "kind": "xã", "parent": "14",
        ...      "tags": "mountainous; x_pilot", "group": "3"},
        ... ])
        >>> sorted(gaz.get("03664").tags), gaz.get("03664").group
        (['mountainous', 'x_pilot'], 3)
        >>> Gazetteer.from_rows([{"code": "1", "name_vi": "A", "kind": "hamlet", "group": "7"}])
        Traceback (most recent call last):
        ...
        ntm_criteria.errors.DataErrors: 2 problems:
          - row 1: kind: unknown locality kind 'hamlet' (known: ...)
          - row 1: group: group '7' is not a commune group ...
        """
        try:
            iterator = iter(rows)
        except TypeError:
            raise DataError(
                f"rows must be an iterable of mappings, not {type(rows).__name__}", file=source
            ) from None
        return cls(localities_from_rows(_rows(iterator), source), source=source)

    @classmethod
    def load_csv(cls, path: str | os.PathLike[str]) -> Gazetteer:
        """Load a gazetteer from a UTF-8 CSV file (a byte-order mark is allowed).

        The header names the columns (see :meth:`from_rows`).  Errors name the
        file, and each row problem its CSV line and row.

        >>> import tempfile, pathlib
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     csv_path = pathlib.Path(tmp, "g.csv")
        ...     _ = csv_path.write_text("code,name_vi,kind,parent\\n14,Sơn La,tỉnh,\\n"
        ...                             "03664,Chiềng Xôm,xã,14\\n", encoding="utf-8")
        ...     gaz = Gazetteer.load_csv(csv_path)
        >>> [loc.label() for loc in gaz]
        ['tỉnh Sơn La', 'xã Chiềng Xôm']
        >>> Gazetteer.load_csv("no/such/file.csv")
        Traceback (most recent call last):
        ...
        ntm_criteria.errors.DataError: no/such/file.csv: cannot read the gazetteer: ...
        """
        name, rows = read_csv_rows(path)
        return cls(localities_from_rows(rows, name), source=name)

    def to_rows(self) -> list[dict[str, str]]:
        """Return one row of text per locality, in the columns :meth:`from_rows` reads.

        >>> gaz = Gazetteer([Locality("03664", "Chiềng Xôm", "xã", tags=["border", "island"])])
        >>> row = gaz.to_rows()[0]
        >>> row["name_vi"], row["kind"], row["tags"], row["group"]
        ('Chiềng Xôm', 'commune', 'border;island', '')
        >>> Gazetteer.from_rows(gaz.to_rows()) == gaz
        True
        """
        return [
            {
                "code": loc.code,
                "name_vi": loc.name_vi,
                "kind": loc.kind.value,
                "parent": loc.parent or "",
                "region": loc.region or "",
                "tags": ";".join(sorted(loc.tags)),
                "group": "" if loc.group is None else str(loc.group),
                "name_en": loc.name_en or "",
            }
            for loc in self._localities
        ]


@functools.cache
def _official_gazetteer(file: str) -> Gazetteer:
    units = official_units(file)
    with collector_paused():  # indexing 10,000 units makes as many objects
        return Gazetteer(units, source=f"ntm_criteria: geography/data/official/{file}")


def _edge_problem(child: Locality, parent: Locality) -> DataError | None:
    """The problem with ``child`` sitting under ``parent``, if any."""
    where = f"locality {child.code!r}"
    if child.kind.tier == 4 and parent.kind.tier != 3:
        return DataError(
            f"a {child.kind.value} must be under a commune-level unit, "
            f"not a {parent.kind.value} ({parent.code!r})",
            key_path=where,
            expected=f"a parent of kind {COMMUNE_KINDS}",
        )
    if child.kind.tier <= parent.kind.tier:
        return DataError(
            f"a {child.kind.value} cannot be under a {parent.kind.value} ({parent.code!r})",
            key_path=where,
            expected=f"a parent of a higher tier than {child.kind.tier}",
        )
    return None
