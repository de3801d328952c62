"""The official lists of administrative units shipped with the package, read lazily.

``geography/data/official/`` holds, as CSV, the units in force before
1/7/2025 (63 provinces, their districts and communes, as of 1/1/2025) and
from 1/7/2025 (34 provinces and 3,321 commune-level units, no districts),
and the old → new mapping; ``source.toml`` says where they come from (the
``vietnamadminunits`` package, MIT) and pins their counts.  The files are
written by ``scripts/regenerate_admin_units.py``; nothing here needs that
package.

Each list is read on its first use and kept: a few tens of milliseconds
for the 10,795 rows of the older list (``benchmarks/bench_admin.py``).
"""

from __future__ import annotations

import contextlib
import csv
import datetime as _dt
import functools
import gc
import io
from collections.abc import Iterator, Mapping
from importlib import resources
from types import MappingProxyType

import attrs

from ntm_criteria._document import parse_toml
from ntm_criteria.errors import DataError
from ntm_criteria.geography._kinds import LocalityKind
from ntm_criteria.geography._locality import Locality

__all__ = [
    "REORGANISATION",
    "OfficialList",
    "collector_paused",
    "official_list",
    "official_lists",
    "official_units",
    "reorganisation_rows",
]

#: The day the 34 provinces and the two-level local government took effect.
REORGANISATION = _dt.date(2025, 7, 1)

_FOLDER = ("data", "official")


@attrs.frozen
class OfficialList:
    """One official list of administrative units, with where it comes from.

    ``as_of`` is the first day the list describes and ``valid_until`` its
    last (None: still in force).  ``counts`` are the numbers of units by
    kind and in total (``provinces``, ``districts``, ``commune_level``), as
    published and checked when the data was generated.

    >>> first = official_lists()[0]
    >>> first.as_of, first.valid_until, first.counts["commune_level"]
    (datetime.date(2025, 1, 1), datetime.date(2025, 6, 30), 10035)
    >>> official_lists()[1].counts["provinces"], official_lists()[1].source
    (34, 'vietnamadminunits 1.0.4 (PyPI), https://github.com/tranngocminhhieu/vietnamadminunits')
    """

    file: str
    as_of: _dt.date
    valid_until: _dt.date | None
    basis: str
    confidence: str
    counts: Mapping[str, int]
    source: str
    licence: str

    def in_force(self, on: _dt.date) -> bool:
        """Tell whether the list describes the units in force on ``on``.

        >>> [official_lists()[0].in_force(_dt.date(y, 1, 1)) for y in (2024, 2025, 2026)]
        [False, True, False]
        """
        return self.as_of <= on and (self.valid_until is None or on <= self.valid_until)


def _read(name: str) -> str:
    return resources.files(__package__).joinpath(*_FOLDER, name).read_text(encoding="utf-8")


@functools.cache
def official_lists() -> tuple[OfficialList, ...]:
    """Every official list the package holds, oldest first.

    >>> [item.file for item in official_lists()]
    ['units-2025-01-01.csv', 'units-2025-07-01.csv']
    """
    data = parse_toml(_read("source.toml"), "geography/data/official/source.toml")
    return tuple(
        OfficialList(
            file=item["file"],
            as_of=item["as_of"],
            valid_until=item.get("valid_until"),
            basis=item["basis"],
            confidence=item["confidence"],
            counts=MappingProxyType(dict(item["counts"])),
            source=data["source"],
            licence=data["licence"],
        )
        for item in data["lists"]
    )


def official_list(on: _dt.date) -> OfficialList:
    """The list in force on ``on``; before the oldest list, the oldest (see its ``as_of``).

    >>> official_list(_dt.date(2026, 3, 1)).file
    'units-2025-07-01.csv'
    >>> official_list(_dt.date(2022, 6, 15)).file
    'units-2025-01-01.csv'
    """
    lists = official_lists()
    for item in lists:
        if item.in_force(on):
            return item
    if on < lists[0].as_of:
        return lists[0]
    raise DataError(f"no official list of units for {on.isoformat()}")  # pragma: no cover


def _trusted(code: str, name: str, kind: LocalityKind, parent: str | None) -> Locality:
    """A Locality built without its validators, for the package's own checked data.

    Building 10,000 localities through their validators takes about four
    times as long; ``tests/geography/test_geography_official.py`` builds
    every row the checked way and compares.
    """
    loc = Locality.__new__(Locality)
    for field, value in (
        ("code", code),
        ("name_vi", name),
        ("kind", kind),
        ("parent", parent),
        ("region", None),
        ("tags", frozenset()),
        ("group", None),
        ("name_en", None),
    ):
        object.__setattr__(loc, field, value)
    return loc


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the garbage collector while 10,000 objects without cycles are made.

    Each burst of new objects triggers collections that walk every object of
    the process (the unit registry…); pausing makes the load about three
    times faster.

    >>> with collector_paused():
    ...     gc.isenabled()
    False
    """
    running = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if running:
            gc.enable()


@functools.cache
def official_units(file: str) -> tuple[Locality, ...]:
    """The localities of one list file, in file order (provinces before their units).

    >>> units = official_units("units-2025-07-01.csv")
    >>> len(units), units[0].label()
    (3355, 'thành phố Hà Nội')
    """
    kinds = {kind.value: kind for kind in LocalityKind}
    reader = csv.reader(io.StringIO(_read(file)))
    next(reader)  # the header: code,name,kind,parent
    # 10,000 new objects trigger collections that walk every object of the
    # process (the unit registry…): pausing the collector makes the load
    # about three times faster, and these objects hold no cycles.
    paused = gc.isenabled()
    gc.disable()
    try:
        return tuple(
            _trusted(code, name, kinds[kind], parent or None) for code, name, kind, parent in reader
        )
    finally:
        if paused:
            gc.enable()


@functools.cache
def reorganisation_rows() -> tuple[tuple[str, str, bool], ...]:
    """(old code, new code, split) of the 1/7/2025 reorganisation, one row per link.

    ``split`` tells that the old unit was divided between several new ones.

    >>> [row for row in reorganisation_rows() if row[0] == "03664"]
    [('03664', '03664', False)]
    """
    reader = csv.reader(io.StringIO(_read("changes-2025-07-01.csv")))
    next(reader)
    return tuple((old, new, split == "1") for old, new, split in reader)
