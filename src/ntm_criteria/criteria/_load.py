"""Loading criterion sets: from TOML files, TOML text and plain data."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from ntm_criteria._document import parse_toml, read_text_file
from ntm_criteria.criteria._format import read_set
from ntm_criteria.criteria._set import CriterionSet

__all__ = ["load_set", "loads_set", "set_from_data"]


def set_from_data(
    data: Mapping[str, Any], *, file: str | None = None, parents: Iterable[CriterionSet] = ()
) -> CriterionSet:
    """Build a :class:`CriterionSet` from plain data, reporting every problem at once.

    ``extends`` and ``relative_to`` name sets among ``parents``, then among
    the built-in catalog (see :func:`default_sets`).

    >>> from ntm_criteria import demo
    >>> from ntm_criteria.criteria import set_to_data
    >>> set_from_data(set_to_data(demo.example_set())) == demo.example_set()
    True
    """
    return read_set(data, file=file, parents=parents, build=CriterionSet)


def loads_set(
    text: str, *, file: str | None = None, parents: Iterable[CriterionSet] = ()
) -> CriterionSet:
    """Read a criterion set from TOML text.

    ``parents`` are sets that an ``extends`` key may name, besides the
    built-in catalog.

    >>> s = loads_set('''
    ... id = "tiny"
    ... title_vi = "Bộ nhỏ"
    ... title_en = "Tiny set"
    ... scope = "commune"
    ... level = "standard"
    ... valid_from = 2022-01-01
    ... legal_basis = "illustrative"
    ... confidence = "illustrative"
    ... [[criteria]]
    ... number = 1
    ... name_vi = "Quy hoạch"
    ... name_en = "Planning"
    ... [[criteria.indicators]]
    ... code = "1.1"
    ... name_vi = "Có quy hoạch chung xây dựng xã"
    ... name_en = "Commune master plan"
    ... requirement = "achieved"
    ... ''')
    >>> s.indicator("1.1").requirement
    Achieved()
    """
    return set_from_data(parse_toml(text, file), file=file, parents=parents)


def load_set(path: str | Path, *, parents: Iterable[CriterionSet] = ()) -> CriterionSet:
    """Read a criterion set from a TOML file.

    Loading is all-or-nothing: every problem in the file is reported at once
    in a :class:`~ntm_criteria.errors.DataErrors` naming the file and each
    key path.  A set that ``extends`` another is looked up in ``parents``,
    then in the built-in catalog.

    >>> from importlib import resources
    >>> with resources.as_file(resources.files("ntm_criteria.demo") / "set.toml") as path:
    ...     load_set(path).id
    'demo-commune-standard'
    >>> load_set("no-such-file.toml")
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.DataError: no-such-file.toml: cannot read the file: No such file or directory
    """
    return loads_set(read_text_file(path), file=str(path), parents=parents)
