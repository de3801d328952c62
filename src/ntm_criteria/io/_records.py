"""Tables of an office's own records: recognition decisions and plan items.

Private: see :mod:`ntm_criteria.io`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, TypeVar

from ntm_criteria._validators import nfc
from ntm_criteria.io._csv import read_table
from ntm_criteria.levels import Recognition
from ntm_criteria.progress import PlanItem

__all__ = ["PLAN_ITEM_COLUMNS", "RECOGNITION_COLUMNS", "read_plan_items", "read_recognitions"]

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


def read_recognitions(path: str | Path) -> tuple[Recognition, ...]:
    """The recognition decisions of a UTF-8 CSV file, one per row.

    Each row is read by :meth:`Recognition.from_dict
    <ntm_criteria.levels.Recognition.from_dict>`; every bad row is reported
    together, with its line.  Codes and level or status words are read in Unicode
    NFC (decomposed text gives the same records); other cells keep their bytes.

    >>> import pathlib, tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     path = pathlib.Path(tmp, "recognitions.csv")
    ...     _ = path.write_text(
    ...         "locality,level,set_id,decision,date,valid_until\\n"
    ...         "03676,đạt chuẩn,demo-commune-standard,12/QĐ-UBND,15/6/2022,\\n"
    ...         "03664,,demo-commune-standard,13/QĐ-UBND,15/6/2022,\\n", encoding="utf-8")
    ...     read_recognitions(path)
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.DataErrors: ...recognitions.csv: 1 problem:
      - line 3: level: missing (expected the keys locality, level, ...)
    """
    return _read_records(
        path,
        Recognition.from_dict,
        RECOGNITION_COLUMNS,
        _RECOGNITION_REQUIRED,
        _RECOGNITION_MATCHED,
    )


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
