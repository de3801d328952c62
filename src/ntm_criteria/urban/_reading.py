"""Reading urban-classification rules and standards tables from TOML, and the shipped ones.

The built-in files live in ``catalog/data/urban/`` with the rest of the
library's data.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from fractions import Fraction
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

from ntm_criteria._document import DataReader, parse_toml, read_text_file
from ntm_criteria._validators import (
    check_magnitude,
    check_number_text,
    index_path,
    key_path,
    nfc,
    shown,
)
from ntm_criteria.errors import DataError, NtmError, UnknownCodeError
from ntm_criteria.rules import Fixed, Provenance, Unspecified, ValueSpec
from ntm_criteria.text import format_number
from ntm_criteria.units import parse_unit
from ntm_criteria.urban._classes import CLASSES
from ntm_criteria.urban._rules import ClassificationRules, Regime, UrbanCriterion
from ntm_criteria.urban._standards import (
    UNITLESS,
    Direction,
    Entry,
    Standard,
    StandardsTable,
    check_fit,
    shape_problems,
)

__all__ = [
    "FORMAT_VERSION",
    "classification_rules",
    "example_standards",
    "load_standards",
    "loads_classification_rules",
    "loads_standards",
]

FORMAT_VERSION = 1
_MOST = 1_000_000
_T = TypeVar("_T")
_DATA = "catalog/data/urban"


def _package_text(name: str) -> str:
    folder = resources.files("ntm_criteria.catalog").joinpath("data", "urban")
    return folder.joinpath(name).read_text(encoding="utf-8")


class _Reader(DataReader):
    """Reads one document, collecting every problem with its key path.

    Numbers written as plain text or integers are checked against the
    documented limits here, before any arithmetic on them.
    """

    def in_range(self, data: Mapping[str, Any], key: str, path: str) -> bool:
        """False, with a problem, when ``data[key]`` is a number too large to compute with."""
        value = data.get(key)
        try:
            if isinstance(value, str):
                check_number_text(value)
            elif isinstance(value, int) and not isinstance(value, bool):
                check_magnitude(Fraction(value))
        except DataError as err:
            self.problems.add_error(key_path(path, key), err)
            return False
        return True

    def number(
        self, data: Mapping[str, Any], key: str, path: str, *, required: bool = True
    ) -> Fraction | None:
        """An exact number within the documented range."""
        if not self.in_range(data, key, path):
            return None
        return super().number(data, key, path, required=required)

    def value(
        self, data: Mapping[str, Any], key: str, path: str, *, required: bool = True
    ) -> ValueSpec | None:
        """A threshold value whose plain number is within the documented range."""
        if not self.in_range(data, key, path):
            return None
        return super().value(data, key, path, required=required)

    def whole(self, data: Mapping[str, Any], key: str, path: str) -> int | None:
        """A positive whole number below a million (criterion numbers, counts)."""
        value = data.get(key)
        if isinstance(value, int) and not isinstance(value, bool) and value >= _MOST:
            self.problems.add(
                key_path(path, key), f"{shown(value)} is too large", expected=f"below {_MOST:,}"
            )
            return None
        return super().whole(data, key, path)

    def build(self, path: str, make: Callable[..., _T], *args: Any, **kwargs: Any) -> _T | None:
        """Call a constructor, turning its DataError into a problem at ``path``."""
        try:
            return make(*args, **kwargs)
        except DataError as err:
            self.problems.add_error(path, err)
            return None


_PROVENANCE = ("source", "confidence", "certainty")
_RULES_KEYS = ("format", "regimes")
_REGIME_KEYS = (
    "id",
    "title_vi",
    "title_en",
    "legal_basis",
    "valid_from",
    "valid_to",
    "classes",
    "max_total",
    "pass_total",
    "criteria",
    "note",
    *_PROVENANCE,
)
_URBAN_CRITERION_KEYS = (
    "number",
    "name_vi",
    "name_en",
    "max_points",
    "min_points",
    "standards",
    *_PROVENANCE,
)


def loads_classification_rules(text: str, *, file: str | None = None) -> ClassificationRules:
    """Read urban-classification regimes from TOML text (every problem reported at once).

    The shipped file is ``catalog/data/urban/classification.toml``; a "what
    if" analysis may load its own.

    >>> loads_classification_rules('[[regimes]]\\nid = "x"', file="r.toml")
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.DataErrors: r.toml: 6 problems:
      - regimes[0].title_vi: missing (expected a string)
    ...
    """
    data = parse_toml(text, file)
    reader = _Reader()
    reader.version(data, FORMAT_VERSION)
    reader.keys(data, _RULES_KEYS, "")
    regimes = [
        r for path, item in reader.tables(data, "regimes", "") if (r := _regime(reader, item, path))
    ]
    if not regimes and not reader.problems:
        reader.problems.add("regimes", "missing", expected="at least one [[regimes]] table")
    rules = None if reader.problems else reader.build("regimes", ClassificationRules, regimes)
    reader.problems.raise_if_any(file)
    assert rules is not None
    return rules


def _regime(reader: _Reader, data: Mapping[str, Any], path: str) -> Regime | None:
    reader.keys(data, _REGIME_KEYS, path)
    before = len(reader.problems.items)
    texts = {k: reader.text(data, k, path) for k in ("id", "title_vi", "title_en", "legal_basis")}
    note = reader.text(data, "note", path, required=False)
    start = reader.date(data, "valid_from", path)
    end = reader.date(data, "valid_to", path, required=False)
    classes = [nfc(name) for name in reader.strings(data, "classes", path)]
    for index, name in enumerate(classes):
        if name not in CLASSES:
            reader.problems.add(
                index_path(key_path(path, "classes"), index),
                f"unknown urban class {shown(name)}",
                expected=", ".join(CLASSES),
            )
    base = reader.provenance(data, path, Provenance())
    max_total = reader.number(data, "max_total", path, required=False)
    pass_total = reader.value(data, "pass_total", path)
    criteria = [
        c
        for item_path, item in reader.tables(data, "criteria", path)
        if (c := _urban_criterion(reader, item, item_path, base))
    ]
    if len(reader.problems.items) != before:
        return None
    return reader.build(
        path,
        Regime,
        valid_from=start,
        valid_to=end,
        classes=classes,
        criteria=criteria,
        pass_total=pass_total,
        max_total=max_total if max_total is not None else Fraction(100),
        provenance=base,
        note=note,
        **texts,
    )


def _urban_criterion(
    reader: _Reader, data: Mapping[str, Any], path: str, base: Provenance
) -> UrbanCriterion | None:
    reader.keys(data, _URBAN_CRITERION_KEYS, path)
    before = len(reader.problems.items)
    number = reader.whole(data, "number", path)
    names = [reader.text(data, k, path) for k in ("name_vi", "name_en")]
    max_points = reader.number(data, "max_points", path)
    minimum = reader.value(data, "min_points", path, required=False) or Unspecified()
    standards = reader.value(data, "standards", path, required=False)
    if standards is not None and not isinstance(standards, Fixed):
        reader.problems.add(
            key_path(path, "standards"), "not a number", expected="a count of standards"
        )
    provenance = reader.provenance(data, path, base)
    if len(reader.problems.items) != before or number is None or max_points is None:
        return None
    return UrbanCriterion(
        number,
        str(names[0]),
        str(names[1]),
        max_points,
        minimum,
        standards if isinstance(standards, Fixed) else None,
        provenance,
    )


_TABLE_KEYS = (
    "format",
    "id",
    "title_vi",
    "title_en",
    "regime",
    "class",
    "note",
    "criteria",
    "standards",
    *_PROVENANCE,
)
_STANDARD_KEYS = (
    "code",
    "criterion",
    "name_vi",
    "name_en",
    "unit",
    "direction",
    "min_level",
    "max_level",
    "min_points",
    "max_points",
    "note",
    *_PROVENANCE,
)


def loads_standards(
    text: str, *, file: str | None = None, rules: ClassificationRules | None = None
) -> StandardsTable:
    """Read a standards table from TOML text; every problem is reported at once.

    The table is checked against its regime in ``rules`` (the shipped rules
    by default): the class must exist, each standard's criterion too, and the
    standards of a criterion may not give more than its maximum points.  The
    format is documented in ``docs/urban.md``.

    >>> loads_standards('''
    ... id = "t"
    ... title_vi = "Bảng thử"
    ... title_en = "Test table"
    ... regime = "26/2022/UBTVQH15"
    ... class = "VI"
    ... confidence = "illustrative"
    ... [[standards]]
    ... code = "2.1"
    ... criterion = 2
    ... name_vi = "Dân số"
    ... name_en = "Population"
    ... unit = "people"
    ... min_level = 50000
    ... max_level = 100000
    ... min_points = 3
    ... max_points = 9
    ... ''', file="t.toml")
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.DataErrors: t.toml: 2 problems:
      - class: class 'VI' does not exist under 26/2022/UBTVQH15 (expected special, I, II, III, IV, V)
      - standards: the standards of criterion 2 give up to 9 points, above its maximum of 8 under 26/2022/UBTVQH15 ...
    """
    data = parse_toml(text, file)
    reader = _Reader()
    reader.version(data, FORMAT_VERSION)
    reader.keys(data, _TABLE_KEYS, "")
    texts = {k: reader.text(data, k, "") for k in ("id", "title_vi", "title_en", "regime")}
    urban_class = reader.text(data, "class", "")
    urban_class = None if urban_class is None else nfc(urban_class)
    note = reader.text(data, "note", "", required=False)
    base = reader.provenance(data, "", Provenance())
    minimums = _minimums(reader, data, base)
    entries: list[Entry] = []
    standards = [
        s
        for path, item in reader.tables(data, "standards", "")
        if (s := _standard(reader, item, path, base, entries))
    ]
    if "standards" not in data:
        reader.problems.add("standards", "missing", expected="at least one [[standards]] table")
    seen: dict[str, str] = {}
    for entry in entries:
        if entry.code in seen:
            reader.problems.add(
                key_path(entry.path, "code"),
                f"duplicate standard code {entry.code!r} (first at {seen[entry.code]})",
            )
        seen.setdefault(entry.code, entry.path)
    regime_id = None if texts["regime"] is None else nfc(texts["regime"])
    if regime_id is not None:
        try:
            regime = (rules or classification_rules()).regime(regime_id)
        except UnknownCodeError as err:
            reader.problems.add("regime", str(err))
        else:
            if urban_class is not None and regime.is_specified:
                check_fit(regime, urban_class, entries, minimums, reader.problems)
    reader.problems.raise_if_any(file)
    return StandardsTable(
        str(texts["id"]),
        str(texts["title_vi"]),
        str(texts["title_en"]),
        str(regime_id),
        str(urban_class),
        standards,
        minimums,
        base,
        note,
    )


def _minimums(reader: _Reader, data: Mapping[str, Any], base: Provenance) -> dict[int, ValueSpec]:
    """The ``[[criteria]]`` tables of a standards table: criterion number → minimum points."""
    minimums: dict[int, ValueSpec] = {}
    for path, item in reader.tables(data, "criteria", ""):
        reader.keys(item, ("number", "min_points", *_PROVENANCE), path)
        number = reader.whole(item, "number", path)
        spec = reader.value(item, "min_points", path)
        provenance = reader.provenance(item, path, base)
        if number is not None and spec is not None:
            if number in minimums:
                reader.problems.add(key_path(path, "number"), f"criterion {number} given twice")
            minimums[number] = _with_provenance(spec, provenance)
    return minimums


def _with_provenance(spec: ValueSpec, provenance: Provenance) -> ValueSpec:
    if isinstance(spec, Fixed) and spec.provenance is None:
        return Fixed(spec.amount, provenance)
    if isinstance(spec, Unspecified) and spec.provenance is None:
        return Unspecified(spec.note, provenance, spec.missing)
    return spec


def _standard(
    reader: _Reader,
    data: Mapping[str, Any],
    path: str,
    base: Provenance,
    entries: list[Entry],
) -> Standard | None:
    reader.keys(data, _STANDARD_KEYS, path)
    before = len(reader.problems.items)
    code = data.get("code")
    if isinstance(code, int | float) and not isinstance(code, bool):
        reader.problems.add(
            key_path(path, "code"),
            f"{shown(code)} is a number",
            expected=f'a string such as "{shown(code)}"',
        )
        code = None
    else:
        code = reader.text(data, "code", path)
    criterion = reader.whole(data, "criterion", path)
    names = [reader.text(data, k, path) for k in ("name_vi", "name_en")]
    unit = reader.text(data, "unit", path, required=False) or UNITLESS
    try:
        parse_unit(unit)
    except NtmError as err:
        reader.problems.add(key_path(path, "unit"), str(err))
    direction = reader.build(path, Direction, data.get("direction", "higher"))
    provenance = reader.provenance(data, path, base)
    low = reader.value(data, "min_level", path)
    high = reader.value(data, "max_level", path)
    min_points, max_points = (_points(reader, data, k, path) for k in ("min_points", "max_points"))
    if min_points is not None and max_points is not None:
        for text, expected in shape_problems(
            _label(data.get("code", "?")),
            direction or Direction.HIGHER,
            low if low is not None else Unspecified(),
            high if high is not None else Unspecified(),
            min_points,
            max_points,
        ):
            reader.problems.add(path, text, expected=expected)
    if code is not None and criterion is not None and max_points is not None:
        entries.append(Entry(path, str(code), criterion, max_points))
    if len(reader.problems.items) != before:
        return None
    assert criterion is not None
    assert low is not None
    assert high is not None
    assert min_points is not None
    assert max_points is not None
    return reader.build(
        path,
        Standard,
        str(code),
        criterion,
        str(names[0]),
        str(names[1]),
        _with_provenance(low, provenance),
        _with_provenance(high, provenance),
        min_points,
        max_points,
        unit=unit,
        direction=direction,
        provenance=provenance,
        note=reader.text(data, "note", path, required=False),
    )


def _label(code: object) -> str:
    return code if isinstance(code, str) else shown(code)


def _points(reader: _Reader, data: Mapping[str, Any], key: str, path: str) -> Fraction | None:
    """Points: a number of at least 0."""
    points = reader.number(data, key, path)
    if points is not None and points < 0:
        reader.problems.add(
            key_path(path, key),
            f"{key} {format_number(points, 'en')} is negative",
            expected="points ≥ 0",
        )
        return None
    return points


def load_standards(path: str | Path, *, rules: ClassificationRules | None = None) -> StandardsTable:
    """Read a standards table from a TOML file (see :func:`loads_standards`).

    >>> load_standards("no/such/table.toml")
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.DataError: no/such/table.toml: cannot read the file: No such file or directory
    """
    return loads_standards(read_text_file(path), file=str(path), rules=rules)


@functools.cache
def classification_rules() -> ClassificationRules:
    """The shipped regimes of urban classification (``catalog/data/urban/classification.toml``).

    >>> [str(c.max_points) for c in classification_rules().regime("1210/2016/UBTVQH13").criteria]
    ['20', '8', '6', '6', '60']
    """
    name = "classification.toml"
    return loads_classification_rules(_package_text(name), file=f"{_DATA}/{name}")


@functools.cache
def example_standards() -> StandardsTable:
    """The ILLUSTRATIVE class-IV standards table shipped for examples and tests.

    Its names, levels and points are made up (except the class-IV minimum
    levels of standards 2.1–4.2, reported by one secondary source and marked
    unverified); every result that uses it says so.

    >>> example_standards().provenance.confidence.is_trusted
    False
    """
    name = "standards_example.toml"
    return loads_standards(_package_text(name), file=f"{_DATA}/{name}")
