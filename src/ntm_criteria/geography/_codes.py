"""Locality codes checked against a gazetteer: dropped leading zeros restored, unknown codes explained.

Official codes have a fixed width — province 2 digits, district 3, commune
5 — and a spreadsheet that stores them as numbers drops their leading zeros
("04036" becomes 4036).  A code that matches a known locality only once its
zeros are restored is accepted with a :class:`CodeWarning`; a code that
matches nothing is an error with "did you mean" suggestions; a commune
assessed on a date after it was merged away (1/7/2025) is an error that
names the unit it became part of.  The same :func:`resolve_code` serves the
official list and a user's own gazetteer.
"""

from __future__ import annotations

import datetime as _dt
import difflib
import warnings
from collections.abc import Iterable, Mapping

import attrs

from ntm_criteria._validators import nfc
from ntm_criteria.errors import DataError, DataErrors
from ntm_criteria.geography._gazetteer import Gazetteer
from ntm_criteria.geography._locality import Locality
from ntm_criteria.geography._official import REORGANISATION, official_list
from ntm_criteria.geography._reorganisation import successors
from ntm_criteria.periods import as_date

__all__ = [
    "CODE_WIDTHS",
    "CodeWarning",
    "check_codes",
    "check_localities",
    "official_as_of",
    "resolve_code",
    "restore_codes",
    "restore_zeros",
]

#: Widths of official codes by tier: province, district, commune level.
CODE_WIDTHS = {1: 2, 2: 3, 3: 5}


class CodeWarning(UserWarning):
    """A locality code accepted once corrected (its dropped leading zeros restored).

    >>> issubclass(CodeWarning, UserWarning)
    True
    """


def restore_zeros(code: str, known: Mapping[str, Locality]) -> str | None:
    """The one known code that ``code`` is once its dropped leading zeros are restored.

    Only digits shorter than a code width are padded, and only to a width
    whose tier is the known unit's tier; None if nothing, or more than one
    unit, matches.

    >>> gaz = Gazetteer([Locality("04", "Cao Bằng", "tỉnh"),
    ...                  Locality("04036", "Chiềng Khoa", "xã", parent="128")])
    >>> restore_zeros("4036", gaz.by_code), restore_zeros("4", gaz.by_code)
    ('04036', '04')
    >>> restore_zeros("04036", gaz.by_code) is None, restore_zeros("36", gaz.by_code) is None
    (True, True)
    """
    if not code.isascii() or not code.isdigit():
        return None
    found = [
        padded
        for tier, width in CODE_WIDTHS.items()
        if len(code) < width
        and (padded := code.zfill(width)) in known
        and known[padded].kind.tier == tier
    ]
    return found[0] if len(found) == 1 else None


def _suggestions(code: str, known: Mapping[str, Locality]) -> str:
    """Up to three known codes like ``code``: those sharing its longest prefix first.

    Codes are hierarchical (a commune's digits follow its province's), so a
    code that differs in its last digit is a better guess than one that
    differs in its first, which difflib alone rates the same.
    """
    close: list[str] = []
    for keep in range(len(code) - 1, 0, -1):
        pool = [c for c in known if c.startswith(code[:keep])]
        if pool:
            close = difflib.get_close_matches(code, pool, n=3, cutoff=0.5)
            break
    if not close:
        close = difflib.get_close_matches(code, list(known), n=3, cutoff=0.6)
    return ", ".join(f"{c} ({known[c].label()})" for c in close)


def _merged_away(code: str, on: _dt.date, where: str) -> DataError | None:
    """The error for an old unit's code used on a date after it was merged, if it was one."""
    before = Gazetteer.official(REORGANISATION - _dt.timedelta(days=1))
    if on < REORGANISATION or code not in before:
        return None
    old = before.get(code)
    changes = successors(code)
    if not changes:
        return DataError(
            f"{old.label()} ({code}) no longer exists on {on.isoformat()}: "
            f"the district level was abolished on {REORGANISATION.isoformat()}",
            key_path=where,
            expected="a province or commune-level code of the list in force on the date",
        )
    into = ", ".join(f"{c.after.label()} ({c.after.code})" for c in changes)
    return DataError(
        f"{old.label()} ({code}) was merged into {into} on {REORGANISATION.isoformat()}; "
        f"it is not a unit on {on.isoformat()}",
        key_path=where,
        expected="the code of its successor",
    )


def resolve_code(
    code: str, known: Gazetteer, *, on: _dt.date | None = None, where: str = ""
) -> str:
    """The code of ``known`` that ``code`` names; restoring zeros warns, an unknown code raises.

    With ``on`` and the official list, a unit merged away before ``on`` is
    an error naming its successor; for a date before the oldest list the
    package holds (1/1/2025), an unknown code only warns and is kept: units
    merged in 2023–2024 were real then and cannot be checked.

    >>> gaz = Gazetteer([Locality("04036", "Chiềng Khoa", "xã")])
    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     resolve_code("4036", gaz, where="row 2: locality")
    '04036'
    >>> print(caught[0].message)
    row 2: locality: code '4036' read as '04036' (xã Chiềng Khoa): its leading zeros were dropped
    >>> resolve_code("04037", gaz)
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.DataError: unknown locality code '04037'; did you mean 04036 (xã Chiềng Khoa)?
    """
    code = nfc(str(code)).strip()
    if code in known.by_code:
        return code
    restored = restore_zeros(code, known.by_code)
    if restored is not None:
        label = known.get(restored).label()
        prefix = f"{where}: " if where else ""
        warnings.warn(
            f"{prefix}code {code!r} read as {restored!r} ({label}): its leading zeros were dropped",
            CodeWarning,
            stacklevel=2,
        )
        return restored
    hint = _suggestions(code, known.by_code)
    if on is not None and known.source == Gazetteer.official(on).source:
        merged = _merged_away(code, on, where)
        if merged is not None:
            raise merged
        oldest = official_list(on).as_of
        if on < oldest:
            # Units merged before the oldest list the package holds were real on ``on``.
            prefix = f"{where}: " if where else ""
            warnings.warn(
                f"{prefix}code {code!r} is not in the official list of {oldest.isoformat()}, "
                f"the oldest the package holds; it cannot be checked for {on.isoformat()}"
                + (f" (did you mean {hint}?)" if hint else ""),
                CodeWarning,
                stacklevel=2,
            )
            return code
    raise DataError(
        f"unknown locality code {code!r}" + (f"; did you mean {hint}?" if hint else ""),
        key_path=where or None,
        file=None,
    )


def check_codes(
    codes: Iterable[str],
    *,
    on: _dt.date | str,
    gazetteer: Gazetteer | None = None,
    where: str = "",
) -> dict[str, str]:
    """Check locality codes against ``gazetteer`` or the official list in force on ``on``.

    Returns each code as given mapped to the code it names (restored codes
    warn with :class:`CodeWarning`); every unknown or merged-away code is
    collected and raised together as :class:`~ntm_criteria.errors.DataErrors`.

    >>> check_codes(["03664"], on="15/6/2022")
    {'03664': '03664'}
    >>> check_codes(["03661"], on="1/9/2025")
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.DataErrors: 1 problem:
      - locality '03661': xã Chiềng Đen (03661) was merged into phường Chiềng An (03664) ...
    """
    day = as_date(on)
    known = gazetteer if gazetteer is not None else Gazetteer.official(day)
    found: dict[str, str] = {}
    errors: list[DataError] = []
    for code in codes:
        if code in found:
            continue
        place = f"{where}: locality {code!r}" if where else f"locality {code!r}"
        try:
            found[code] = resolve_code(code, known, on=day, where=place)
        except DataError as err:
            errors.append(err)
    if errors:
        raise DataErrors(errors, file=known.source if gazetteer is not None else None)
    return found


def _same_name(one: str, other: str) -> bool:
    return nfc(one).casefold() == nfc(other).casefold()


def _renamed(loc: Locality, official: Locality, on: _dt.date, where: str) -> DataError | None:
    """The error for a reused code: ``loc`` names the old unit that ``official``'s code had."""
    if on < REORGANISATION:
        return None
    before = Gazetteer.official(REORGANISATION - _dt.timedelta(days=1)).by_code.get(loc.code)
    if before is None or not _same_name(before.name_vi, loc.name_vi):
        return None
    into = ", ".join(f"{c.after.label()} ({c.after.code})" for c in successors(loc.code))
    return DataError(
        f"{before.label()} ({loc.code}) was merged into {into} on "
        f"{REORGANISATION.isoformat()}; on {on.isoformat()} the code is {official.label()}",
        key_path=where,
        expected="the localities in force on the date",
    )


def check_localities(gazetteer: Gazetteer, *, on: _dt.date | str) -> Gazetteer:
    """Check a gazetteer's provinces, districts and communes against the official list on ``on``.

    Returns the gazetteer with restored codes (and parents) where leading
    zeros were dropped, each with a :class:`CodeWarning`; a name that differs
    from the official one warns too.  Unknown codes, and communes or
    districts merged away before ``on``, are raised together as
    :class:`~ntm_criteria.errors.DataErrors`.  Villages and units of other
    tiers are not in the official lists and are left as they are.

    >>> mine = Gazetteer([Locality("14", "Sơn La", "tỉnh"),
    ...                   Locality("3664", "Chiềng Xôm", "xã", parent="14")])
    >>> import warnings
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     [loc.code for loc in check_localities(mine, on="15/6/2022")]
    ['14', '03664']
    >>> check_localities(Gazetteer([Locality("03664", "Chiềng Xôm", "xã")]), on="1/1/2026")
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.DataErrors: 1 problem:
      - locality '03664': xã Chiềng Xôm (03664) was merged into phường Chiềng An (03664) ...
    """
    day = as_date(on)
    official = Gazetteer.official(day)
    renames: dict[str, str] = {}
    errors: list[DataError] = []
    for loc in gazetteer:
        if loc.kind.tier not in CODE_WIDTHS:
            continue
        where = f"locality {loc.code!r}"
        try:
            code = resolve_code(loc.code, official, on=day, where=where)
        except DataError as err:
            errors.append(err)
            continue
        renames[loc.code] = code
        unit = official.get(code)
        if not _same_name(unit.name_vi, loc.name_vi):
            problem = _renamed(loc, unit, day, where)
            if problem is not None:
                errors.append(problem)
            else:
                warnings.warn(
                    f"{where}: named {loc.name_vi!r} here, {unit.label()} in the official list "
                    f"of {official_as_of(day)}",
                    CodeWarning,
                    stacklevel=2,
                )
    if errors:
        raise DataErrors(errors, file=gazetteer.source)
    return _renamed_gazetteer(gazetteer, renames)


def official_as_of(on: _dt.date) -> str:
    """The date of the official list used for ``on``, as ISO text.

    >>> official_as_of(_dt.date(2022, 6, 15))
    '2025-01-01'
    """
    source = Gazetteer.official(on).source or ""
    return source.rsplit("units-", 1)[-1].removesuffix(".csv")


def _renamed_gazetteer(gazetteer: Gazetteer, renames: Mapping[str, str]) -> Gazetteer:
    if all(old == new for old, new in renames.items()):
        return gazetteer
    moved = [
        attrs.evolve(
            loc,
            code=renames.get(loc.code, loc.code),
            parent=None if loc.parent is None else renames.get(loc.parent, loc.parent),
        )
        for loc in gazetteer
    ]
    return Gazetteer(moved, source=gazetteer.source)


def restore_codes(codes: Iterable[str], known: Gazetteer, *, where: str = "") -> dict[str, str]:
    """Map each code that names a unit of ``known`` only once its zeros are restored to that unit.

    Codes that are known, or unknown even restored, are left out (the caller
    reports the unknown ones in its own terms); each restored code warns with
    :class:`CodeWarning`.  This is the one function the readers of
    observations, recognitions and reviews apply to their locality column.

    >>> import warnings
    >>> gaz = Gazetteer([Locality("03664", "Chiềng Xôm", "xã")])
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     restore_codes(["3664", "03664", "zz"], gaz)
    {'3664': '03664'}
    """
    found: dict[str, str] = {}
    for code in codes:
        if code in known.by_code or code in found:
            continue
        restored = restore_zeros(code, known.by_code)
        if restored is not None:
            place = f"{where}: locality {code!r}" if where else f"locality {code!r}"
            found[code] = resolve_code(code, known, where=place)
    return found
