"""The 1/7/2025 reorganisation: which old units became which new ones (:class:`UnitChange`).

On 1/7/2025 the 63 provinces became 34, the district level was abolished
and about 10,000 communes became 3,321 commune-level units.  A new unit is
formed from whole old units and from parts of old units that were divided
between several new ones (``split``).  Codes were reused: the new phường
Chiềng An carries 03664, the code of the old xã Chiềng Xôm it absorbed, so a
code alone does not say which unit it means without a date.

A district has no successor (the level was abolished); the island districts
that had no communes (Bạch Long Vĩ, Cồn Cỏ, Hoàng Sa, Lý Sơn, Côn Đảo) became
special zones and are mapped to them.
"""

from __future__ import annotations

import datetime as _dt
import functools
from collections.abc import Mapping
from types import MappingProxyType

import attrs

from ntm_criteria._validators import nfc
from ntm_criteria.errors import UnknownCodeError
from ntm_criteria.geography._locality import Locality
from ntm_criteria.geography._official import (
    REORGANISATION,
    official_list,
    official_units,
    reorganisation_rows,
)

__all__ = ["UnitChange", "predecessors", "successors"]


@attrs.frozen
class UnitChange:
    """One link of the reorganisation: ``before`` became (part of) ``after`` on ``on``.

    ``split`` is true when ``before`` was divided between several new units;
    ``after`` then holds only part of it.

    >>> change = successors("03661")[0]
    >>> change.before.label(), change.after.label(), change.split
    ('xã Chiềng Đen', 'phường Chiềng An', False)
    >>> change.on
    datetime.date(2025, 7, 1)
    """

    before: Locality
    after: Locality
    split: bool
    on: _dt.date = REORGANISATION


def _by_code(on: _dt.date) -> Mapping[str, Locality]:
    return _index(official_list(on).file)


@functools.cache
def _index(file: str) -> Mapping[str, Locality]:
    return MappingProxyType({loc.code: loc for loc in official_units(file)})


@functools.cache
def _links() -> tuple[Mapping[str, tuple[UnitChange, ...]], Mapping[str, tuple[UnitChange, ...]]]:
    """Changes by old code and by new code, each in code order."""
    old = _by_code(REORGANISATION - _dt.timedelta(days=1))
    new = _by_code(REORGANISATION)
    forward: dict[str, list[UnitChange]] = {}
    backward: dict[str, list[UnitChange]] = {}
    for before, after, split in reorganisation_rows():
        change = UnitChange(old[before], new[after], split)
        forward.setdefault(before, []).append(change)
        backward.setdefault(after, []).append(change)
    return (
        MappingProxyType({k: tuple(v) for k, v in forward.items()}),
        MappingProxyType({k: tuple(v) for k, v in backward.items()}),
    )


def _known(code: str, on: _dt.date) -> str:
    code = nfc(str(code)).strip()
    if code not in _by_code(on):
        where = f"official list of {official_list(on).as_of.isoformat()}"
        raise UnknownCodeError("locality", code, where=where)
    return code


def successors(code: str) -> tuple[UnitChange, ...]:
    """What the unit ``code`` of the list before 1/7/2025 became on 1/7/2025.

    Several changes mean the unit was divided (each has ``split``); none
    means a district, whose level was abolished.

    >>> [c.after.label() for c in successors("14")]
    ['tỉnh Sơn La']
    >>> [(c.after.code, c.after.label()) for c in successors("04036")]
    [('04018', 'xã Tô Múa')]
    >>> successors("116")
    ()
    >>> successors("99999")
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.UnknownCodeError: official list of 2025-01-01: unknown locality '99999'
    """
    code = _known(code, REORGANISATION - _dt.timedelta(days=1))
    return _links()[0].get(code, ())


def predecessors(code: str) -> tuple[UnitChange, ...]:
    """The units of the list before 1/7/2025 that formed (part of) the unit ``code`` of the new list.

    >>> [c.before.label() for c in predecessors("03664")]
    ['xã Chiềng Đen', 'xã Chiềng Xôm', 'phường Chiềng An']
    >>> sorted(c.before.label() for c in predecessors("14"))
    ['tỉnh Sơn La']
    """
    code = _known(code, REORGANISATION)
    return _links()[1].get(code, ())
