"""Indicators (chỉ tiêu), criteria (tiêu chí) and criterion sets (bộ tiêu chí).

A :class:`CriterionSet` is data: an id, titles, the scope of localities it
applies to, its level, its validity dates, its legal basis and its criteria.
Each :class:`Criterion` holds :class:`Indicator` objects, and each indicator a
unit and a requirement.  Sets are checked when they are built — codes,
units, regions, references — and every problem is reported at once.

This package also holds the set file format (:func:`load_set`,
:func:`loads_set`, :func:`set_from_data`, :func:`set_to_data`, ``extends``
merging) and the check of a provincial overlay against its parent
(:func:`check_overlay`), TOML writing (:func:`set_to_toml`) and a set as a
decision's table and back (:func:`set_to_table`, :func:`set_from_table`).  The built-in sets are in :mod:`ntm_criteria.catalog`.

>>> import datetime
>>> from ntm_criteria.rules import AtLeast, Fixed, Provenance, Confidence
>>> irrigation = Indicator("3.1", "Tỷ lệ diện tích đất được tưới tiêu chủ động",
...                        "Share of land actively irrigated", unit="percent",
...                        requirement=AtLeast(Fixed(80)))
>>> s = CriterionSet(id="demo", title_vi="Bộ tiêu chí minh họa", title_en="Demo set",
...                  scope=("commune",), level=Level.STANDARD,
...                  valid_from=datetime.date(2022, 1, 1), valid_to=None,
...                  legal_basis="illustrative",
...                  criteria=[Criterion(3, "Thủy lợi", "Irrigation", [irrigation])])
>>> s.indicator("3.1").unit
'percent'
>>> s.total
1
"""

from __future__ import annotations

import warnings
from importlib import resources
from typing import Any

from ntm_criteria.criteria._checks import CheckKind, CheckProblem, unspecified_indicators
from ntm_criteria.criteria._criterion import Criterion, CriterionGroup
from ntm_criteria.criteria._domain import Domain, inferred_domain, is_percent
from ntm_criteria.criteria._format_write import FORMAT_VERSION, set_to_data
from ntm_criteria.criteria._indicator import Aggregate, Applicability, Indicator
from ntm_criteria.criteria._level import Level
from ntm_criteria.criteria._load import load_set, loads_set, set_from_data
from ntm_criteria.criteria._overlay import (
    Loosening,
    LooserThresholdWarning,
    OverlayReport,
    check_overlay,
)
from ntm_criteria.criteria._parents import default_sets, register_default_sets
from ntm_criteria.criteria._region_rule import RegionRule
from ntm_criteria.criteria._schema import SCHEMA_FILE, set_schema
from ntm_criteria.criteria._set import CriterionSet
from ntm_criteria.criteria._table import TABLE_COLUMNS, SetTable, TableRow, set_to_table
from ntm_criteria.criteria._table_files import read_set_table, set_from_table, write_set_table
from ntm_criteria.criteria._table_read import table_to_set_data
from ntm_criteria.criteria._toml import set_to_toml

__all__ = [
    "FORMAT_VERSION",
    "SCHEMA_FILE",
    "TABLE_COLUMNS",
    "Aggregate",
    "Applicability",
    "CheckKind",
    "CheckProblem",
    "Criterion",
    "CriterionGroup",
    "CriterionSet",
    "Domain",
    "Indicator",
    "Level",
    "Loosening",
    "LooserThresholdWarning",
    "OverlayReport",
    "RegionRule",
    "SetTable",
    "TableRow",
    "check_overlay",
    "default_sets",
    "inferred_domain",
    "is_percent",
    "load_set",
    "loads_set",
    "read_set_table",
    "register_default_sets",
    "set_from_data",
    "set_from_table",
    "set_schema",
    "set_to_data",
    "set_to_table",
    "set_to_toml",
    "table_to_set_data",
    "unspecified_indicators",
    "write_set_table",
]


def _demo_set() -> CriterionSet:
    # The file is read, not ``ntm_criteria.demo`` imported: the demo package
    # is built on everything, this one on little.
    source = resources.files("ntm_criteria") / "demo" / "example.toml"
    return loads_set(source.read_text(encoding="utf-8"), file="demo/example.toml")


def __getattr__(name: str) -> Any:
    if name == "demo_set":
        warnings.warn(
            "ntm_criteria.criteria.demo_set is deprecated; use ntm_criteria.demo.example_set",
            DeprecationWarning,
            stacklevel=2,
        )
        return _demo_set
    raise AttributeError(f"module 'ntm_criteria.criteria' has no attribute {name!r}")
