"""The standards file: reading poverty standards from TOML, every problem reported at once."""

from __future__ import annotations

import datetime
import functools
from collections.abc import Mapping
from fractions import Fraction
from importlib import resources
from pathlib import Path
from typing import Any

from ntm_criteria._document import DataReader, key_path, parse_toml, read_text_file
from ntm_criteria._validators import index_path
from ntm_criteria.errors import DataError, DataErrors, NtmError
from ntm_criteria.periods import Period, as_date
from ntm_criteria.poverty._areas import Area
from ntm_criteria.poverty._income import INCOME_EXPECTED, INCOME_UNIT
from ntm_criteria.poverty._shown import shown
from ntm_criteria.poverty._standards import (
    DeprivationIndicator,
    Dimension,
    InForce,
    PovertyStandard,
    PovertyStandards,
)
from ntm_criteria.rules import (
    PROVENANCE_KEYS,
    ByTag,
    Fixed,
    Provenance,
    Unspecified,
    ValueSpec,
    provenance_from_data,
    value_from_data,
)
from ntm_criteria.units import exact_factor

__all__ = ["default_standards", "load_standards", "loads_standards"]

#: Where the built-in standards are, inside the package.
_BUILTIN = "catalog/data/poverty/standards.toml"

_TOP_KEYS = ("format", "standards")
_STANDARD_KEYS = (
    "id",
    "title_vi",
    "title_en",
    "legal_basis",
    "note",
    "in_force",
    "income_line",
    "classification",
    "deprivation",
)
_SPAN_KEYS = ("from", "until", *PROVENANCE_KEYS)
_LINE_KEYS = ("unit", "value", *PROVENANCE_KEYS)
_DEPRIVATION_KEYS = ("indicators", "dimensions", *PROVENANCE_KEYS)
_DIMENSION_KEYS = ("code", "name_vi", "name_en", "indicators")
_INDICATOR_KEYS = ("code", "name_vi", "name_en", "definition", *PROVENANCE_KEYS)
_FORMAT = 1
_AREAS = frozenset(area.value for area in Area)


class _StandardsReader(DataReader):
    """Reads the standards document, recording every problem instead of raising.

    The shared :class:`~ntm_criteria._document.DataReader` keeps the problems
    and checks keys; the methods here keep this format's own messages (an
    empty list of tables is missing, values are shown short).
    """

    def text(self, data: Mapping[str, Any], key: str, path: str, *, required: bool = True) -> str:
        """A non-empty string, or ``""`` with a problem (or silently when optional)."""
        value = data.get(key)
        if value is None and not required:
            return ""
        if not isinstance(value, str) or not value.strip():
            message = "missing" if value is None else f"{shown(value)} is not a non-empty string"
            self.problems.add(key_path(path, key), message, expected="a string")
            return ""
        return value

    def subtable(self, data: Mapping[str, Any], key: str, path: str) -> Mapping[str, Any] | None:
        """The table at ``key``, or ``None`` with a problem."""
        value = data.get(key)
        if not isinstance(value, Mapping):
            message = "missing" if value is None else f"{shown(value)} is not a table"
            self.problems.add(key_path(path, key), message, expected="a table")
            return None
        return value

    def tables(
        self, data: Mapping[str, Any], key: str, path: str, *, required: bool = True
    ) -> list[tuple[str, Mapping[str, Any]]]:
        """The ``[[key]]`` tables with their key paths; none at all is missing when required."""
        value = data.get(key)
        if value is None and not required:
            return []
        here = key_path(path, key)
        if not isinstance(value, list) or (required and not value):
            message = "missing" if value is None else f"{shown(value)} is not a list of tables"
            self.problems.add(here, message, expected=f"[[{key}]] tables")
            return []
        found = []
        for index, item in enumerate(value):
            if isinstance(item, Mapping):
                found.append((index_path(here, index), item))
            else:
                self.problems.add(
                    index_path(here, index), f"{shown(item)} is not a table", expected="a table"
                )
        return found

    def source(
        self, data: Mapping[str, Any], path: str, base: Provenance | None = None
    ) -> Provenance:
        """The table's provenance, which must name its source."""
        provenance = provenance_from_data(data, path, self.problems, base)
        if provenance is None or not provenance.source:
            self.problems.add(
                key_path(path, "source"), "missing", expected="the legal source of the value"
            )
        return provenance or Provenance()

    def day(self, value: object, path: str) -> datetime.date | None:
        """A TOML date or a day-first date string, or ``None`` with a problem."""
        if isinstance(value, datetime.date | str) and not isinstance(value, datetime.datetime):
            try:
                return as_date(value)
            except NtmError as err:
                self.problems.add(path, str(err))
                return None
        message = "missing" if value is None else f"{shown(value)} is not a date"
        self.problems.add(path, message, expected="a date such as 2022-01-01")
        return None

    # -- the document -------------------------------------------------------

    def document(self, data: object) -> PovertyStandards | None:
        if not isinstance(data, Mapping):
            self.problems.add("", f"{type(data).__name__} is not a table", expected="a table")
            return None
        self.keys(data, _TOP_KEYS, "", hint=False)
        if data.get("format", _FORMAT) != _FORMAT:
            self.problems.add(
                "format",
                f"format {shown(data.get('format'))} is not supported",
                expected=f"format = {_FORMAT}",
            )
        standards = [self.standard(item, path) for path, item in self.tables(data, "standards", "")]
        if self.problems:
            return None
        try:
            return PovertyStandards([s for s in standards if s is not None])
        except DataError as err:
            self.problems.add_error("", err)
            return None

    def standard(self, data: Mapping[str, Any], path: str) -> PovertyStandard | None:
        before = len(self.problems.items)
        self.keys(data, _STANDARD_KEYS, path, hint=False)
        texts = {key: self.text(data, key, path) for key in _STANDARD_KEYS[:4]}
        note = self.text(data, "note", path, required=False) or None
        in_force = [self.span(item, p) for p, item in self.tables(data, "in_force", path)]
        line = self.income_line(data, path)
        k = self.classification(data, path)
        deprivation = self.deprivation(data, path)
        if len(self.problems.items) > before or line is None or k is None or deprivation is None:
            return None  # the checks of the whole standard would only repeat these problems
        dimensions, indicators, provenance = deprivation
        try:
            return PovertyStandard(
                **texts,
                in_force=[span for span in in_force if span is not None],
                income_line=line,
                min_deprivations=k,
                dimensions=dimensions,
                indicators=indicators,
                deprivation_provenance=provenance,
                note=note,
            )
        except DataError as err:
            self.problems.add_error(path, err)
            return None

    def span(self, data: Mapping[str, Any], path: str) -> InForce | None:
        self.keys(data, _SPAN_KEYS, path, hint=False)
        dates = [self.day(data.get(key), key_path(path, key)) for key in ("from", "until")]
        provenance = self.source(data, path)
        if dates[0] is None or dates[1] is None:
            return None
        try:
            return InForce(Period(dates[0], dates[1]), provenance)
        except DataError as err:
            self.problems.add_error(path, err)
            return None

    def income_line(self, data: Mapping[str, Any], path: str) -> ValueSpec | None:
        table = self.subtable(data, "income_line", path)
        path = key_path(path, "income_line")
        if table is None:
            return None
        self.keys(table, _LINE_KEYS, path, hint=False)
        provenance = self.source(table, path)
        factor = None
        unit = self.text(table, "unit", path)
        if unit:
            try:
                factor = exact_factor(unit, INCOME_UNIT)
            except NtmError as err:
                self.problems.add(key_path(path, "unit"), str(err), expected=INCOME_EXPECTED)
        if "value" not in table:
            self.problems.add(
                key_path(path, "value"), "missing", expected="{ by_tag = { rural = …, urban = … } }"
            )
            return None
        spec = value_from_data(table["value"], key_path(path, "value"), self.problems)
        if spec is None:
            return None
        # Check the areas and amounts even when the unit is wrong, then drop the value.
        line = self.line_value(spec, factor or Fraction(1), provenance, key_path(path, "value"))
        return line if factor is not None else None

    def line_value(
        self, spec: ValueSpec, factor: Fraction, provenance: Provenance, path: str
    ) -> ValueSpec | None:
        """Lines in đồng/person/month, by area, each leaf with its provenance."""
        if isinstance(spec, Fixed | Unspecified):
            return self.line_leaf(spec, factor, provenance, path)
        if not isinstance(spec, ByTag):
            self.problems.add(
                path,
                "an income line varies by area only",
                expected="a number, unspecified, or { by_tag = { rural = …, urban = … } }",
            )
            return None
        cases = []
        for tag, leaf in spec.cases:
            if tag not in _AREAS:
                self.problems.add(
                    key_path(key_path(path, "by_tag"), tag),
                    f"unknown area {tag!r}",
                    expected="rural, urban",
                )
                continue
            found = self.line_leaf(
                leaf, factor, provenance, key_path(key_path(path, "by_tag"), tag)
            )
            if found is not None:
                cases.append((tag, found))
        default = None
        if spec.default is not None:
            default = self.line_leaf(spec.default, factor, provenance, key_path(path, "default"))
        return ByTag(cases, default)

    def line_leaf(
        self, leaf: ValueSpec, factor: Fraction, provenance: Provenance, path: str
    ) -> Fixed | Unspecified | None:
        if isinstance(leaf, Unspecified):
            return Unspecified(leaf.note, leaf.provenance or provenance, leaf.missing)
        if not isinstance(leaf, Fixed):
            self.problems.add(path, "a line per area must be a number", expected="a number")
            return None
        if leaf.amount <= 0:
            self.problems.add(path, f"line {leaf.amount} is not positive", expected="a number > 0")
            return None
        return Fixed(leaf.amount * factor, leaf.provenance or provenance)

    def classification(self, data: Mapping[str, Any], path: str) -> Fixed | Unspecified | None:
        table = self.subtable(data, "classification", path)
        path = key_path(path, "classification")
        if table is None:
            return None
        self.keys(table, ("min_deprivations",), path, hint=False)
        path = key_path(path, "min_deprivations")
        if "min_deprivations" not in table:
            self.problems.add(
                path, "missing", expected='{ value = 3, source = "…" } or "unspecified"'
            )
            return None
        spec = value_from_data(table["min_deprivations"], path, self.problems)
        if isinstance(spec, Fixed) and (spec.provenance is None or not spec.provenance.source):
            self.problems.add(
                key_path(path, "source"), "missing", expected="the legal source of the value"
            )
        if isinstance(spec, Fixed | Unspecified) or spec is None:
            return spec
        self.problems.add(path, "not a single number", expected="a number or unspecified")
        return None

    def deprivation(
        self, data: Mapping[str, Any], path: str
    ) -> tuple[list[Dimension], list[DeprivationIndicator] | Unspecified, Provenance] | None:
        table = self.subtable(data, "deprivation", path)
        path = key_path(path, "deprivation")
        if table is None:
            return None
        self.keys(table, _DEPRIVATION_KEYS, path, hint=False)
        provenance = provenance_from_data(table, path, self.problems) or Provenance()
        listed: list[DeprivationIndicator] | Unspecified = []
        if "indicators" in table:
            spec = value_from_data(table["indicators"], key_path(path, "indicators"), self.problems)
            if isinstance(spec, Unspecified):
                listed = Unspecified(spec.note, spec.provenance or provenance)
            elif spec is not None:
                self.problems.add(
                    key_path(path, "indicators"),
                    "the indicators are listed in each dimension",
                    expected='{ unspecified = "why" } here, or indicators in each dimension',
                )
        dimensions = []
        for dim_path, item in self.tables(table, "dimensions", path, required=False):
            found = self.dimension(item, dim_path, provenance, listed)
            if found is not None:
                dimensions.append(found)
        if not dimensions and not isinstance(listed, Unspecified):
            self.problems.add(
                key_path(path, "dimensions"),
                "missing",
                expected='[[dimensions]] with their indicators, or indicators = { unspecified = "why" }',
            )
        return dimensions, listed, provenance

    def dimension(
        self,
        data: Mapping[str, Any],
        path: str,
        provenance: Provenance,
        listed: list[DeprivationIndicator] | Unspecified,
    ) -> Dimension | None:
        self.keys(data, _DIMENSION_KEYS, path, hint=False)
        code, vi, en = (self.text(data, key, path) for key in ("code", "name_vi", "name_en"))
        codes = []
        items = self.tables(data, "indicators", path, required=not isinstance(listed, Unspecified))
        if items and isinstance(listed, Unspecified):
            self.problems.add(
                key_path(path, "indicators"),
                "indicators listed although the standard's indicator list is unspecified",
                expected="no indicators here",
            )
        for item_path, item in items:
            indicator = self.indicator(item, item_path, code, provenance)
            if indicator is not None and not isinstance(listed, Unspecified):
                listed.append(indicator)
                codes.append(indicator.code)
        return Dimension(code, vi, en, codes) if code and vi and en else None

    def indicator(
        self, data: Mapping[str, Any], path: str, dimension: str, base: Provenance
    ) -> DeprivationIndicator | None:
        self.keys(data, _INDICATOR_KEYS, path, hint=False)
        code, vi, en = (self.text(data, key, path) for key in ("code", "name_vi", "name_en"))
        provenance = provenance_from_data(data, path, self.problems, base) or base
        raw = data.get("definition", "unspecified")
        definition: str | Unspecified = Unspecified()
        if isinstance(raw, str) and raw != "unspecified":
            definition = raw
        else:
            spec = value_from_data(raw, key_path(path, "definition"), self.problems)
            if isinstance(spec, Unspecified):
                definition = spec
            elif spec is not None:
                self.problems.add(
                    key_path(path, "definition"),
                    "not a text",
                    expected='a text or { unspecified = "why" }',
                )
        if not (code and vi and en and dimension):
            return None
        return DeprivationIndicator(code, vi, en, dimension, definition, provenance)


def loads_standards(text: str, *, file: str | None = None) -> PovertyStandards:
    """Read poverty standards from TOML text, reporting every problem at once.

    The format is the one of the built-in ``catalog/data/poverty/standards.toml`` (see the
    docs page *Multidimensional poverty*).  Any problem raises
    :class:`~ntm_criteria.errors.DataErrors` naming each key path.

    >>> loads_standards('''
    ... [[standards]]
    ... id = "x"
    ... title_vi = "X"
    ... title_en = "X"
    ... legal_basis = "illustrative"
    ... in_force = [{ from = 2030-01-01, until = 2030-12-31, source = "made up" }]
    ... income_line = { unit = "VND/person/year", value = 12, source = "made up" }
    ... classification = { min_deprivations = "unspecified" }
    ... deprivation = { indicators = "unspecified", colour = "red" }
    ... ''', file="x.toml")
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.DataErrors: x.toml: 1 problem:
      - standards[0].deprivation.colour: unknown key 'colour' (expected indicators, dimensions, source, confidence, certainty)
    """
    data = parse_toml(text, file)
    reader = _StandardsReader()
    result = reader.document(data)
    reader.problems.raise_if_any(file)
    if result is None:  # pragma: no cover - a None result always comes with a problem
        raise DataErrors([DataError("no standards")], file=file)
    return result


def load_standards(path: str | Path) -> PovertyStandards:
    """Read poverty standards from a UTF-8 TOML file; all-or-nothing, like :func:`loads_standards`.

    >>> load_standards("no/such/file.toml")
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.DataError: no/such/file.toml: cannot read the file: No such file or directory
    """
    return loads_standards(read_text_file(path), file=str(path))


@functools.cache
def default_standards() -> PovertyStandards:
    """The national standards shipped with the library (``catalog/data/poverty/standards.toml``), read once.

    >>> default_standards().in_force("2023-06-15").legal_basis
    '07/2021/NĐ-CP'
    """
    text = (resources.files("ntm_criteria") / _BUILTIN).read_text("utf-8")
    return loads_standards(text, file=f"ntm_criteria/{_BUILTIN}")
