"""Tables of an office's own records: recognition decisions and plan items.

Private: see :mod:`ntm_criteria.io`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container, Mapping
from pathlib import Path
from typing import Any, TypeAlias, TypeVar

from ntm_criteria._document import read_text_file
from ntm_criteria._validators import nfc
from ntm_criteria.criteria import CriterionSet
from ntm_criteria.errors import DataError, NtmError
from ntm_criteria.io._csv import read_table, reads_table
from ntm_criteria.levels import Recognition
from ntm_criteria.progress import PlanItem

__all__ = [
    "PLAN_ITEM_COLUMNS",
    "RECOGNITION_COLUMNS",
    "SetLookup",
    "read_plan_items",
    "read_recognitions",
]

#: The columns of a recognition table (``valid_until`` may be empty).
RECOGNITION_COLUMNS = ("locality", "level", "set_id", "decision", "date", "valid_until")
#: The columns of a plan-item (roadmap) table; a row names an indicator or a criterion.
PLAN_ITEM_COLUMNS = ("locality", "indicator", "criterion", "agency", "due", "status", "action")

# Columns without which no row can be read: a header lacking one is one error, not one per row.
_RECOGNITION_REQUIRED = ("locality", "level", "set_id", "decision", "date")
_PLAN_ITEM_REQUIRED = ("locality", "due")
# The cells that are matched (codes, level and status words) are read in NFC; the
# others (decision numbers, agencies, actions) are shown back and keep their bytes.
_RECOGNITION_MATCHED = ("locality", "level", "set_id")
_PLAN_ITEM_MATCHED = ("locality", "indicator", "criterion", "status")

T = TypeVar("T")


def _read_records(
    path: str | Path,
    from_dict: Callable[[Mapping[str, Any]], T],
    columns: tuple[str, ...],
    required: tuple[str, ...],
    matched: tuple[str, ...],
) -> tuple[T, ...]:
    """The records of a CSV table, one per row: ``matched`` cells in NFC, every bad row at once."""
    return tuple(read_table(path, _in_nfc(from_dict, matched), columns=columns, required=required))


def _in_nfc(
    read: Callable[[Mapping[str, Any]], T], keys: tuple[str, ...]
) -> Callable[[Mapping[str, Any]], T]:
    """``read`` of a row whose ``keys`` cells are first put in NFC."""

    def read_nfc(row: Mapping[str, Any]) -> T:
        cells = dict(row)
        for key in keys:
            if isinstance(cells.get(key), str):
                cells[key] = nfc(cells[key])
        return read(cells)

    return read_nfc


#: Where a recognition table finds each set: a mapping of set ids, or a function that
#: returns the set of an id (raising an :class:`~ntm_criteria.errors.NtmError` if unknown).
SetLookup: TypeAlias = Mapping[str, CriterionSet] | Callable[[str], CriterionSet]


def _set_column(text: str) -> str:
    """``set`` when the header names the set column so (as offices write it), else ``set_id``."""
    first = text.lstrip("\ufeff").partition("\n")[0]
    names = {nfc(name.strip().strip('"')) for name in re.split(r"[,;\t]", first)}
    return "set" if "set" in names and "set_id" not in names else "set_id"


def _find_set(sets: SetLookup, set_id: str, column: str) -> CriterionSet:
    try:
        found = sets.get(set_id) if isinstance(sets, Mapping) else sets(set_id)
    except NtmError:
        found = None
    if found is None:
        raise DataError(
            f"unknown set {set_id}", key_path=column, expected="a set given with the recognitions"
        )
    return found


def _recognition_reader(
    column: str, localities: Container[str] | None, sets: SetLookup | None
) -> Callable[[Mapping[str, Any]], Recognition]:
    """A row → :class:`Recognition`, checked against the localities and the sets when given."""

    def read(row: Mapping[str, Any]) -> Recognition:
        cells = dict(row)
        if column != "set_id":
            cells["set_id"] = cells.pop(column, None)
        try:
            recognition = Recognition.from_dict(cells)
            if localities is not None and recognition.locality not in localities:
                raise DataError(
                    f"unknown locality {recognition.locality}",
                    key_path="locality",
                    expected="a code of the gazetteer",
                )
            if sets is not None:
                recognition.check(_find_set(sets, recognition.set_id, column))
        except DataError as err:
            if err.key_path != "set_id" or column == "set_id":
                raise
            raise DataError(err.message, key_path=column, expected=err.expected) from None
        return recognition

    return read


def read_recognitions(
    path: str | Path,
    *,
    localities: Container[str] | None = None,
    sets: SetLookup | None = None,
) -> tuple[Recognition, ...]:
    """The recognition decisions of a UTF-8 CSV file, one per row.

    Each row is read by :meth:`Recognition.from_dict
    <ntm_criteria.levels.Recognition.from_dict>`; every bad row is reported
    together, with its line and column.  The set column may be headed
    ``set_id`` or ``set``.  Given ``localities`` (a gazetteer or any
    container of codes), a row naming another locality is an error; given
    ``sets`` (a mapping of set ids, or a function returning the set of an
    id), a row naming an unknown set, a level other than its set's or a date
    before its set took effect is an error (:meth:`Recognition.check
    <ntm_criteria.levels.Recognition.check>`).  Codes and level or status
    words are read in Unicode NFC (decomposed text gives the same records);
    other cells keep their bytes.

    >>> import pathlib, tempfile
    >>> from ntm_criteria import demo
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     path = pathlib.Path(tmp, "recognitions.csv")
    ...     _ = path.write_text(
    ...         "locality,level,set,decision,date,valid_until\\n"
    ...         "03676,đạt chuẩn,demo-commune-standard,12/QĐ-UBND,15/6/2022,\\n"
    ...         "03664,nâng cao,demo-commune-standard,13/QĐ-UBND,15/6/2022,\\n"
    ...         "99999,đạt chuẩn,demo-commune-standard,14/QĐ-UBND,15/6/2021,\\n", encoding="utf-8")
    ...     read_recognitions(path, localities=demo.gazetteer(),
    ...                       sets={"demo-commune-standard": demo.criterion_set()})
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.DataErrors: ...recognitions.csv: 2 problems:
      - line 3: level: advanced does not match the level of set demo-commune-standard (standard) ...
      - line 4: locality: unknown locality 99999 (expected a code of the gazetteer)
    """
    text = read_text_file(path)
    column = _set_column(text)
    columns = tuple(column if c == "set_id" else c for c in RECOGNITION_COLUMNS)
    required = tuple(column if c == "set_id" else c for c in _RECOGNITION_REQUIRED)
    read = _in_nfc(_recognition_reader(column, localities, sets), (*_RECOGNITION_MATCHED, column))
    rows = reads_table(text, read, file=str(path), columns=columns, required=required)
    return tuple(rows)


def read_plan_items(path: str | Path) -> tuple[PlanItem, ...]:
    """The plan items (a roadmap's rows) of a UTF-8 CSV file, one per row.

    Each row is read by :meth:`PlanItem.from_dict
    <ntm_criteria.progress.PlanItem.from_dict>`; every bad row is reported
    together, with its line.  Codes and level or status words are read in Unicode
    NFC (decomposed text gives the same records); other cells keep their bytes.

    >>> import pathlib, tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     path = pathlib.Path(tmp, "roadmap.csv")
    ...     _ = path.write_text(
    ...         "locality,indicator,criterion,agency,due,status,action\\n"
    ...         "03664,10.1,,Phòng Kinh tế,30/9/2023,,\\n", encoding="utf-8")
    ...     [item.target("en") for item in read_plan_items(path)]
    ['indicator 10.1']
    """
    return _read_records(
        path, PlanItem.from_dict, PLAN_ITEM_COLUMNS, _PLAN_ITEM_REQUIRED, _PLAN_ITEM_MATCHED
    )
