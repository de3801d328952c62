"""Multidimensional poverty (nghèo đa chiều): standards, households, classification, rates.

A household is *poor* (hộ nghèo) when its income per person is at or below
the poverty line of its area **and** it is deprived in at least a given
number of basic-social-service indicators; it is *near-poor* (hộ cận nghèo)
when its income is at or below the line and it is deprived in fewer.  The
lines, the indicators and that number are data (``data/poverty.toml``), each
with its legal source and confidence, and each standard applies on its own
dates:

- Decision 59/2015/QĐ-TTg, 2016–2021: lines 700,000 (rural) and 900,000
  (urban) VND/person/month; its indicators and rule are not in the data, so
  its households are *undetermined*.
- Decree 07/2021/NĐ-CP, 2022–2026 (2026 by Decree 351/2025/NĐ-CP): lines
  1,500,000 and 2,000,000; 12 indicators in 6 dimensions; poor from 3
  deprivations (a cut-off the reference grades *medium*).
- Decree 351/2025/NĐ-CP, 2027–2030: lines 2,200,000 and 2,800,000; poor from 3
  deprivations, but the indicator list is not in the data, so a household at
  or below the line is *poor or near-poor*, undetermined.

Classification reuses the rule engine: the income test is an
:class:`~ntm_criteria.rules.AtMost` of the line, the deprivation test an
:class:`~ntm_criteria.rules.AtLeastK` over the indicators, and both give
:class:`~ntm_criteria.rules.Verdict` values with three-valued statuses.

>>> import datetime
>>> from ntm_criteria.units import Q_
>>> h = Household("H01", "rural", 4, Q_(1_400_000, "VND/person/month"),
...               {"employment": True, "health_insurance": True, "latrine": True})
>>> print(classify(h, on=datetime.date(2023, 6, 15)).summary())
Hộ H01: hộ nghèo — thu nhập 1.400.000 ≤ 1.500.000 đồng/người/tháng; thiếu hụt 3 chỉ số (cần ≥ 3): việc làm, bảo hiểm y tế, nhà tiêu hợp vệ sinh

Rates over many households (:func:`rates`, :func:`rates_by`, and the batch
path of :class:`HouseholdTable`, with an optional vectorised numpy engine)
give exact shares, and :func:`to_observation` turns a commune's rate into the
observation an NTM criterion set's poverty indicator takes.
"""

from __future__ import annotations

import csv
import datetime
import enum
import functools
import io as _io
import itertools
import math
import numbers
import unicodedata
import warnings
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any, Literal, TypeAlias

import attrs
import pint

from ntm_criteria._document import parse_toml
from ntm_criteria.assessment import Observation
from ntm_criteria.errors import (
    DataError,
    DataErrors,
    NotInForceError,
    NtmError,
    ObservationError,
    UnitError,
    UnknownCodeError,
)
from ntm_criteria.periods import Period, as_date
from ntm_criteria.rules import (
    PROVENANCE_KEYS,
    Achieved,
    AtLeastK,
    AtMost,
    ByDate,
    ByTag,
    Context,
    Fixed,
    Problems,
    Provenance,
    Ref,
    Status,
    UnknownReason,
    Unspecified,
    ValueSpec,
    Verdict,
    combine,
    evaluate,
    provenance_from_data,
    resolve,
    value_from_data,
)
from ntm_criteria.text import check_lang, format_number, format_percent
from ntm_criteria.units import Q_, Quantity, exact_factor, parse_number, to_exact, unit_label

__all__ = [
    "HOUSEHOLD_COLUMNS",
    "Area",
    "Classification",
    "DeprivationIndicator",
    "Dimension",
    "Engine",
    "GroupKey",
    "Headcount",
    "Household",
    "HouseholdTable",
    "InForce",
    "PovertyRates",
    "PovertyStandard",
    "PovertyStandards",
    "PovertyStatus",
    "classify",
    "default_standards",
    "load_standards",
    "loads_standards",
    "rates",
    "rates_by",
    "read_households",
    "reads_households",
    "to_observation",
]

#: The unit of incomes and lines inside this module: đồng per person per month.
_UNIT = "VND / person / month"
_INCOME_EXPECTED = (
    "a currency per person per time, such as VND/person/month or million_VND/person/year "
    "(divide an income per household by its members first)"
)

Engine: TypeAlias = Literal["auto", "python", "numpy"]
"""How :class:`HouseholdTable` computes: ``"python"``, ``"numpy"`` or ``"auto"``.

``"auto"`` uses numpy when it is installed (the ``fast`` extra) and the pure
path otherwise; both give identical answers.

>>> from typing import get_args
>>> get_args(Engine)
('auto', 'python', 'numpy')
"""
_ENGINES = ("auto", "python", "numpy")


def _show(value: object) -> str:
    """A short repr for messages (never the repr of a huge int, which may fail)."""
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 200:
        return "a number too large to show"
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


# =============================================================================
# Areas and statuses
# =============================================================================


class Area(enum.StrEnum):
    """Where a household lives; the poverty lines differ between rural and urban areas.

    Decree 351/2025 calls urban areas *khu vực đô thị*; both spellings parse.

    >>> Area.parse("nông thôn"), Area.parse("Khu vực đô thị")
    (<Area.RURAL: 'rural'>, <Area.URBAN: 'urban'>)
    >>> Area.URBAN.label("vi"), Area.URBAN.label("en")
    ('thành thị', 'urban')
    """

    RURAL = "rural"
    URBAN = "urban"

    def label(self, lang: str = "vi") -> str:
        """The area in words, in Vietnamese or English."""
        return _AREA_LABELS[self][0 if check_lang(lang) == "vi" else 1]

    @classmethod
    def parse(cls, value: object) -> Area:
        """An area from its code or its Vietnamese name; anything else is a :class:`DataError`.

        >>> Area.parse("thanh thi")
        <Area.URBAN: 'urban'>
        >>> Area.parse("miền núi")
        Traceback (most recent call last):
        ...
        ntm_criteria.errors.DataError: unknown area 'miền núi' (expected rural or urban (nông thôn / thành thị))
        """
        if isinstance(value, Area):
            return value
        if isinstance(value, str):
            key = " ".join(unicodedata.normalize("NFC", value).lower().split())
            found = _AREA_WORDS.get(key)
            if found is not None:
                return cls(found)
        raise DataError(
            f"unknown area {_show(value)}", expected="rural or urban (nông thôn / thành thị)"
        )


_AREA_LABELS = MappingProxyType(
    {Area.RURAL: ("nông thôn", "rural"), Area.URBAN: ("thành thị", "urban")}
)
_AREA_WORDS = MappingProxyType(
    {
        **dict.fromkeys(
            ("rural", "nông thôn", "nong thon", "khu vực nông thôn", "khu vuc nong thon"), "rural"
        ),
        **dict.fromkeys(
            (
                "urban",
                "thành thị",
                "thanh thi",
                "đô thị",
                "do thi",
                "khu vực thành thị",
                "khu vuc thanh thi",
                "khu vực đô thị",
                "khu vuc do thi",
            ),
            "urban",
        ),
    }
)


class PovertyStatus(enum.Enum):
    """The class of a household under a poverty standard.

    Poor and near-poor households both have an income at or below the line;
    they differ in their number of deprivations.  ``UNKNOWN`` means the data
    cannot decide (the classification's ``reason`` says why), never "not poor".

    >>> PovertyStatus.POOR.label("vi"), PovertyStatus.NEAR_POOR.label("en")
    ('hộ nghèo', 'near-poor household')
    >>> PovertyStatus.UNKNOWN.is_decided
    False
    """

    POOR = "poor"
    NEAR_POOR = "near_poor"
    ABOVE_LINE = "above_line"
    UNKNOWN = "unknown"

    def label(self, lang: str = "vi") -> str:
        """The status in words, in Vietnamese or English."""
        return _STATUS_LABELS[self][0 if check_lang(lang) == "vi" else 1]

    @property
    def is_decided(self) -> bool:
        """True for poor, near-poor and above the line."""
        return self is not PovertyStatus.UNKNOWN


_STATUS_LABELS = MappingProxyType(
    {
        PovertyStatus.POOR: ("hộ nghèo", "poor household"),
        PovertyStatus.NEAR_POOR: ("hộ cận nghèo", "near-poor household"),
        PovertyStatus.ABOVE_LINE: ("trên chuẩn nghèo", "above the poverty line"),
        PovertyStatus.UNKNOWN: ("chưa xác định", "undetermined"),
    }
)

# Statuses and income tests as small ints, for the batch paths.
_POOR, _NEAR, _ABOVE, _UNDECIDED = 0, 1, 2, 3
_STATUS_CODES = (
    PovertyStatus.POOR,
    PovertyStatus.NEAR_POOR,
    PovertyStatus.ABOVE_LINE,
    PovertyStatus.UNKNOWN,
)
_AT_OR_BELOW, _OVER, _NO_INCOME = 1, 0, -1

# =============================================================================
# Standards
# =============================================================================


def _str_tuple(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(values)


@attrs.frozen(slots=True)
class DeprivationIndicator:
    """One indicator of deprivation in basic social services (chỉ số thiếu hụt).

    ``definition`` says what *deprived* means as the reference reports it
    (:class:`~ntm_criteria.rules.Unspecified` where it does not), and
    ``provenance`` is that definition's.  The library never computes it: a
    household's deprivation in each indicator is given as data.

    >>> floor = default_standards().get("nd-07-2021").indicator("floor_area")
    >>> floor.name("en"), floor.dimension, floor.provenance.certainty
    ('Floor area per person', 'housing', 'low')
    """

    code: str
    name_vi: str
    name_en: str
    dimension: str
    definition: str | Unspecified = attrs.field(factory=Unspecified)
    provenance: Provenance = attrs.field(factory=Provenance)

    def name(self, lang: str = "vi") -> str:
        """The indicator's name in Vietnamese or English."""
        return self.name_vi if check_lang(lang) == "vi" else self.name_en


@attrs.frozen(slots=True)
class Dimension:
    """A dimension of poverty (chiều thiếu hụt) and the codes of its indicators.

    ``indicators`` is empty when the standard's indicator list is unspecified.

    >>> housing = default_standards().get("nd-07-2021").dimension("housing")
    >>> housing.name("vi"), housing.indicators
    ('Nhà ở', ('housing_quality', 'floor_area'))
    """

    code: str
    name_vi: str
    name_en: str
    indicators: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple)

    def name(self, lang: str = "vi") -> str:
        """The dimension's name in Vietnamese or English."""
        return self.name_vi if check_lang(lang) == "vi" else self.name_en


@attrs.frozen(slots=True)
class InForce:
    """A span of dates on which a standard applies, and the legal text that says so.

    >>> basis = default_standards().get("nd-07-2021").basis("2026-06-30")
    >>> str(basis.period), basis.provenance.source[:23]
    ('2026-01-01/2026-12-31', 'Decree 351/2025/NĐ-CP (')
    """

    period: Period
    provenance: Provenance


def _in_force_tuple(values: Iterable[InForce]) -> tuple[InForce, ...]:
    return tuple(values)


def _dimension_tuple(values: Iterable[Dimension]) -> tuple[Dimension, ...]:
    return tuple(values)


def _indicator_list(
    values: Iterable[DeprivationIndicator] | Unspecified,
) -> tuple[DeprivationIndicator, ...] | Unspecified:
    return values if isinstance(values, Unspecified) else tuple(values)


@attrs.frozen(slots=True)
class PovertyStandard:
    """One national poverty standard (chuẩn nghèo đa chiều) as data, with its validity.

    ``income_line`` is a value of the rule engine that varies by area (a
    :class:`~ntm_criteria.rules.ByTag` keyed ``rural`` / ``urban``), in đồng
    per person per month, each leaf with its provenance.  ``min_deprivations``
    is the number of deprivations that makes a household at or below the
    line poor, or :class:`~ntm_criteria.rules.Unspecified` when the
    classification rule is not known; ``indicators`` is the indicator list,
    or :class:`~ntm_criteria.rules.Unspecified`.

    >>> s = default_standards().get("nd-07-2021")
    >>> s.line("urban", "2024-01-01").amount
    Fraction(2000000, 1)
    >>> len(s.indicator_codes), len(s.dimensions), s.deprivation_rule.k
    (12, 6, 3)
    >>> default_standards().get("nd-351-2025").deprivation_rule.note[:38]
    'the final indicator list and cut-offs '
    """

    id: str
    title_vi: str
    title_en: str
    legal_basis: str
    in_force: tuple[InForce, ...] = attrs.field(converter=_in_force_tuple)
    income_line: ValueSpec
    min_deprivations: Fixed | Unspecified
    dimensions: tuple[Dimension, ...] = attrs.field(converter=_dimension_tuple)
    indicators: tuple[DeprivationIndicator, ...] | Unspecified = attrs.field(
        converter=_indicator_list
    )
    deprivation_provenance: Provenance = attrs.field(factory=Provenance)
    note: str | None = None

    def __attrs_post_init__(self) -> None:
        self._check_in_force()
        self._check_structure()
        self._check_min_deprivations()

    def _check_in_force(self) -> None:
        if not self.in_force:
            raise DataError(
                f"standard {self.id!r} has no dates in force",
                key_path="in_force",
                expected="at least one [[in_force]] span",
            )
        spans = sorted((f.period for f in self.in_force), key=lambda p: p.start)
        for first, second in itertools.pairwise(spans):
            if first.overlaps(second):
                raise DataError(
                    f"periods {first} and {second} overlap",
                    key_path="in_force",
                    expected="disjoint periods",
                )

    def _check_structure(self) -> None:
        dims = [d.code for d in self.dimensions]
        for code in {c for c in dims if dims.count(c) > 1}:
            raise DataError(f"duplicate dimension code {code!r}", key_path="deprivation")
        if isinstance(self.indicators, Unspecified):
            if any(d.indicators for d in self.dimensions):
                raise DataError(
                    "dimensions list indicators although the indicator list is unspecified",
                    key_path="deprivation",
                )
            return
        codes = [i.code for i in self.indicators]
        for code in {c for c in codes if codes.count(c) > 1}:
            raise DataError(f"duplicate indicator code {code!r}", key_path="deprivation")
        listed = {(c, d.code) for d in self.dimensions for c in d.indicators}
        if listed != {(i.code, i.dimension) for i in self.indicators}:
            raise DataError(
                "the indicators' dimensions do not match the dimensions' indicator lists",
                key_path="deprivation",
            )
        if not codes or any(not d.indicators for d in self.dimensions):
            raise DataError(
                "every dimension needs at least one indicator",
                key_path="deprivation",
                expected='indicators = [...] in each dimension, or indicators = "unspecified"',
            )

    def _check_min_deprivations(self) -> None:
        k = self.min_deprivations
        if not isinstance(k, Fixed):
            return
        limit = None if isinstance(self.indicators, Unspecified) else len(self.indicators)
        if k.amount.denominator != 1 or k.amount < 1 or (limit is not None and k.amount > limit):
            raise DataError(
                f"min_deprivations {k.amount} does not fit {limit or 'the'} indicators",
                key_path="classification.min_deprivations",
                expected=f"a whole number from 1 to {limit}" if limit else "a whole number ≥ 1",
            )

    # -- reading ------------------------------------------------------------

    def title(self, lang: str = "vi") -> str:
        """The standard's title in Vietnamese or English."""
        return self.title_vi if check_lang(lang) == "vi" else self.title_en

    def is_in_force(self, on: datetime.date | str) -> bool:
        """True when the standard applies on ``on``.

        >>> default_standards().get("nd-07-2021").is_in_force("31/12/2026")
        True
        """
        day = as_date(on)
        return any(day in f.period for f in self.in_force)

    def basis(self, on: datetime.date | str) -> InForce:
        """The span in force on ``on`` and its legal basis; :class:`NotInForceError` if none."""
        day = as_date(on)
        for span in self.in_force:
            if day in span.period:
                return span
        raise NotInForceError(
            self.legal_basis, day.isoformat(), self.validity_label(), kind="poverty standard"
        )

    def validity_label(self) -> str:
        """The dates in force, e.g. ``2022-01-01 – 2026-12-31``.

        >>> default_standards().get("qd-59-2015").validity_label()
        '2016-01-01 – 2021-12-31'
        """
        return _spans_label(f.period for f in self.in_force)

    def line(self, area: Area | str, on: datetime.date | str) -> Fixed | Unspecified:
        """The income line for ``area`` on ``on``, in đồng/person/month, with its provenance.

        >>> default_standards().get("qd-59-2015").line("rural", "2021-06-30").amount
        Fraction(700000, 1)
        """
        context = Context(on=as_date(on), tags=frozenset({Area.parse(area).value}))
        return resolve(self.income_line, context)

    def income_requirement(self, area: Area | str, on: datetime.date | str) -> AtMost:
        """The income test as a requirement: at most the line.

        >>> from ntm_criteria.rules import describe
        >>> describe(default_standards().get("nd-351-2025").income_requirement("urban", "2027-01-01"),
        ...          "VND/person/month")
        '≤ 2.800.000 đồng/người/tháng'
        """
        return AtMost(self.line(area, on))

    @property
    def indicator_codes(self) -> tuple[str, ...]:
        """The indicator codes in data order (empty when the list is unspecified)."""
        if isinstance(self.indicators, Unspecified):
            return ()
        return tuple(i.code for i in self.indicators)

    @property
    def deprivation_rule(self) -> AtLeastK | Unspecified:
        """The deprivation test: at least ``min_deprivations`` of the indicators, or unspecified."""
        if isinstance(self.min_deprivations, Unspecified):
            return self.min_deprivations
        if isinstance(self.indicators, Unspecified):
            return self.indicators
        k = int(self.min_deprivations.amount)
        return AtLeastK(k, [Ref(code) for code in self.indicator_codes])

    def indicator(self, code: str) -> DeprivationIndicator:
        """The indicator with ``code``; :class:`UnknownCodeError` if the standard lacks it."""
        if not isinstance(self.indicators, Unspecified):
            for indicator in self.indicators:
                if indicator.code == code:
                    return indicator
        raise UnknownCodeError(
            "deprivation indicator", code, known=self.indicator_codes, where=self.legal_basis
        )

    def dimension(self, code: str) -> Dimension:
        """The dimension with ``code``; :class:`UnknownCodeError` if the standard lacks it."""
        for dimension in self.dimensions:
            if dimension.code == code:
                return dimension
        raise UnknownCodeError(
            "dimension", code, known=[d.code for d in self.dimensions], where=self.legal_basis
        )


def _spans_label(periods: Iterable[Period]) -> str:
    """Contiguous periods merged: ``2016-01-01 – 2030-12-31``."""
    merged: list[list[datetime.date]] = []
    for period in sorted(periods, key=lambda p: p.start):
        if merged and period.start == merged[-1][1] + datetime.timedelta(days=1):
            merged[-1][1] = period.end
        else:
            merged.append([period.start, period.end])
    return ", ".join(f"{start.isoformat()} – {end.isoformat()}" for start, end in merged)


def _standard_tuple(values: Iterable[PovertyStandard]) -> tuple[PovertyStandard, ...]:
    return tuple(values)


@attrs.frozen(slots=True)
class PovertyStandards:
    """The poverty standards in sequence; the one in force on a date decides.

    >>> standards = default_standards()
    >>> [s.id for s in standards]
    ['qd-59-2015', 'nd-07-2021', 'nd-351-2025']
    >>> standards.in_force("2026-12-31").id, standards.in_force("2027-01-01").id
    ('nd-07-2021', 'nd-351-2025')
    >>> standards.line("rural", "2027-01-01").amount
    Fraction(2200000, 1)
    >>> standards.in_force("2015-12-31")
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.NotInForceError: the multidimensional poverty standard is not in force on 2015-12-31 (valid 2016-01-01 – 2030-12-31)
    """

    standards: tuple[PovertyStandard, ...] = attrs.field(converter=_standard_tuple)

    def __attrs_post_init__(self) -> None:
        ids = [s.id for s in self.standards]
        for code in {c for c in ids if ids.count(c) > 1}:
            raise DataError(f"duplicate standard id {code!r}", key_path="standards")
        self.income_lines  # noqa: B018 -- builds the ByDate, which refuses overlapping periods

    def __iter__(self) -> Iterator[PovertyStandard]:
        return iter(self.standards)

    def __len__(self) -> int:
        return len(self.standards)

    def get(self, standard_id: str) -> PovertyStandard:
        """The standard with ``standard_id``; :class:`UnknownCodeError` if none."""
        for standard in self.standards:
            if standard.id == standard_id:
                return standard
        raise UnknownCodeError("poverty standard", standard_id, known=[s.id for s in self])

    def in_force(self, on: datetime.date | str) -> PovertyStandard:
        """The standard in force on ``on``; :class:`NotInForceError` if none is."""
        day = as_date(on)
        for standard in self.standards:
            if standard.is_in_force(day):
                return standard
        raise NotInForceError(
            "the multidimensional poverty standard", day.isoformat(), self.validity_label(), kind=""
        )

    @property
    def income_lines(self) -> ByDate:
        """Every income line as one :class:`~ntm_criteria.rules.ByDate` value over the spans in force.

        >>> from ntm_criteria.rules import Context, resolve
        >>> on = datetime.date(2019, 5, 1)
        >>> resolve(default_standards().income_lines, Context(on=on, tags=frozenset({"urban"}))).amount
        Fraction(900000, 1)
        """
        return ByDate(
            tuple((span.period, s.income_line) for s in self.standards for span in s.in_force)
        )

    def line(self, area: Area | str, on: datetime.date | str) -> Fixed | Unspecified:
        """The income line for ``area`` on ``on`` (đồng/person/month); :class:`NotInForceError` if none."""
        day = as_date(on)
        self.in_force(day)
        context = Context(on=day, tags=frozenset({Area.parse(area).value}))
        return resolve(self.income_lines, context)

    def validity_label(self) -> str:
        """The dates some standard is in force, merged."""
        return _spans_label(span.period for s in self.standards for span in s.in_force)


# -- reading the standards ------------------------------------------------------

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


def _p(path: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else key


class _StandardsReader:
    """Reads the standards document, recording every problem instead of raising."""

    def __init__(self) -> None:
        self.problems = Problems()

    def unknown_keys(self, data: Mapping[str, Any], known: Sequence[str], path: str) -> None:
        for key in data:
            if key not in known:
                self.problems.add(
                    _p(path, str(key)), f"unknown key {key!r}", expected=", ".join(known)
                )

    def text(self, data: Mapping[str, Any], key: str, path: str, *, required: bool = True) -> str:
        value = data.get(key)
        if value is None and not required:
            return ""
        if not isinstance(value, str) or not value.strip():
            message = "missing" if value is None else f"{_show(value)} is not a non-empty string"
            self.problems.add(_p(path, key), message, expected="a string")
            return ""
        return value

    def table(self, data: Mapping[str, Any], key: str, path: str) -> Mapping[str, Any] | None:
        value = data.get(key)
        if not isinstance(value, Mapping):
            message = "missing" if value is None else f"{_show(value)} is not a table"
            self.problems.add(_p(path, key), message, expected="a table")
            return None
        return value

    def tables(
        self, data: Mapping[str, Any], key: str, path: str, *, required: bool = True
    ) -> list[tuple[str, Mapping[str, Any]]]:
        value = data.get(key)
        if value is None and not required:
            return []
        if not isinstance(value, list) or (required and not value):
            message = "missing" if value is None else f"{_show(value)} is not a list of tables"
            self.problems.add(_p(path, key), message, expected=f"[[{key}]] tables")
            return []
        found = []
        for index, item in enumerate(value):
            if isinstance(item, Mapping):
                found.append((_p(_p(path, key), index), item))
            else:
                self.problems.add(
                    _p(_p(path, key), index), f"{_show(item)} is not a table", expected="a table"
                )
        return found

    def source(
        self, data: Mapping[str, Any], path: str, base: Provenance | None = None
    ) -> Provenance:
        provenance = provenance_from_data(data, path, self.problems, base)
        if provenance is None or not provenance.source:
            self.problems.add(
                _p(path, "source"), "missing", expected="the legal source of the value"
            )
        return provenance or Provenance()

    # -- the document -------------------------------------------------------

    def document(self, data: object) -> PovertyStandards | None:
        if not isinstance(data, Mapping):
            self.problems.add("", f"{type(data).__name__} is not a table", expected="a table")
            return None
        self.unknown_keys(data, _TOP_KEYS, "")
        if data.get("format", _FORMAT) != _FORMAT:
            self.problems.add(
                "format",
                f"format {_show(data.get('format'))} is not supported",
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
        self.unknown_keys(data, _STANDARD_KEYS, path)
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
        self.unknown_keys(data, _SPAN_KEYS, path)
        dates = [self.date(data.get(key), _p(path, key)) for key in ("from", "until")]
        provenance = self.source(data, path)
        if dates[0] is None or dates[1] is None:
            return None
        try:
            return InForce(Period(dates[0], dates[1]), provenance)
        except DataError as err:
            self.problems.add_error(path, err)
            return None

    def date(self, value: object, path: str) -> datetime.date | None:
        if isinstance(value, datetime.date | str) and not isinstance(value, datetime.datetime):
            try:
                return as_date(value)
            except NtmError as err:
                self.problems.add(path, str(err))
                return None
        message = "missing" if value is None else f"{_show(value)} is not a date"
        self.problems.add(path, message, expected="a date such as 2022-01-01")
        return None

    def income_line(self, data: Mapping[str, Any], path: str) -> ValueSpec | None:
        table = self.table(data, "income_line", path)
        path = _p(path, "income_line")
        if table is None:
            return None
        self.unknown_keys(table, _LINE_KEYS, path)
        provenance = self.source(table, path)
        factor = None
        unit = self.text(table, "unit", path)
        if unit:
            try:
                factor = exact_factor(unit, _UNIT)
            except NtmError as err:
                self.problems.add(_p(path, "unit"), str(err), expected=_INCOME_EXPECTED)
        if "value" not in table:
            self.problems.add(
                _p(path, "value"), "missing", expected="{ by_tag = { rural = …, urban = … } }"
            )
            return None
        spec = value_from_data(table["value"], _p(path, "value"), self.problems)
        if spec is None:
            return None
        # Check the areas and amounts even when the unit is wrong, then drop the value.
        line = self.line_value(spec, factor or Fraction(1), provenance, _p(path, "value"))
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
            if tag not in _AREA_LABELS:
                self.problems.add(
                    _p(_p(path, "by_tag"), tag), f"unknown area {tag!r}", expected="rural, urban"
                )
                continue
            found = self.line_leaf(leaf, factor, provenance, _p(_p(path, "by_tag"), tag))
            if found is not None:
                cases.append((tag, found))
        default = None
        if spec.default is not None:
            default = self.line_leaf(spec.default, factor, provenance, _p(path, "default"))
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
        table = self.table(data, "classification", path)
        path = _p(path, "classification")
        if table is None:
            return None
        self.unknown_keys(table, ("min_deprivations",), path)
        path = _p(path, "min_deprivations")
        if "min_deprivations" not in table:
            self.problems.add(
                path, "missing", expected='{ value = 3, source = "…" } or "unspecified"'
            )
            return None
        spec = value_from_data(table["min_deprivations"], path, self.problems)
        if isinstance(spec, Fixed) and (spec.provenance is None or not spec.provenance.source):
            self.problems.add(
                _p(path, "source"), "missing", expected="the legal source of the value"
            )
        if isinstance(spec, Fixed | Unspecified) or spec is None:
            return spec
        self.problems.add(path, "not a single number", expected="a number or unspecified")
        return None

    def deprivation(
        self, data: Mapping[str, Any], path: str
    ) -> tuple[list[Dimension], list[DeprivationIndicator] | Unspecified, Provenance] | None:
        table = self.table(data, "deprivation", path)
        path = _p(path, "deprivation")
        if table is None:
            return None
        self.unknown_keys(table, _DEPRIVATION_KEYS, path)
        provenance = provenance_from_data(table, path, self.problems) or Provenance()
        listed: list[DeprivationIndicator] | Unspecified = []
        if "indicators" in table:
            spec = value_from_data(table["indicators"], _p(path, "indicators"), self.problems)
            if isinstance(spec, Unspecified):
                listed = Unspecified(spec.note, spec.provenance or provenance)
            elif spec is not None:
                self.problems.add(
                    _p(path, "indicators"),
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
                _p(path, "dimensions"),
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
        self.unknown_keys(data, _DIMENSION_KEYS, path)
        code, vi, en = (self.text(data, key, path) for key in ("code", "name_vi", "name_en"))
        codes = []
        items = self.tables(data, "indicators", path, required=not isinstance(listed, Unspecified))
        if items and isinstance(listed, Unspecified):
            self.problems.add(
                _p(path, "indicators"),
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
        self.unknown_keys(data, _INDICATOR_KEYS, path)
        code, vi, en = (self.text(data, key, path) for key in ("code", "name_vi", "name_en"))
        provenance = provenance_from_data(data, path, self.problems, base) or base
        raw = data.get("definition", "unspecified")
        definition: str | Unspecified = Unspecified()
        if isinstance(raw, str) and raw != "unspecified":
            definition = raw
        else:
            spec = value_from_data(raw, _p(path, "definition"), self.problems)
            if isinstance(spec, Unspecified):
                definition = spec
            elif spec is not None:
                self.problems.add(
                    _p(path, "definition"),
                    "not a text",
                    expected='a text or { unspecified = "why" }',
                )
        if not (code and vi and en and dimension):
            return None
        return DeprivationIndicator(code, vi, en, dimension, definition, provenance)


def loads_standards(text: str, *, file: str | None = None) -> PovertyStandards:
    """Read poverty standards from TOML text, reporting every problem at once.

    The format is the one of the built-in ``data/poverty.toml`` (see the
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
    name = str(path)
    try:
        text = Path(path).read_bytes().decode("utf-8-sig")
    except OSError as err:
        raise DataError(f"cannot read the file: {err.strerror or err}", file=name) from None
    except UnicodeDecodeError as err:
        raise DataError(f"not UTF-8 text (byte {err.start})", file=name) from None
    return loads_standards(text, file=name)


@functools.cache
def default_standards() -> PovertyStandards:
    """The national standards shipped with the library (``data/poverty.toml``), read once.

    >>> default_standards().in_force("2023-06-15").legal_basis
    '07/2021/NĐ-CP'
    """
    text = (
        resources.files("ntm_criteria").joinpath("data").joinpath("poverty.toml").read_text("utf-8")
    )
    return loads_standards(text, file="ntm_criteria/data/poverty.toml")


# =============================================================================
# Households
# =============================================================================


def _area(value: object) -> Area:
    return Area.parse(value)


def _flags(value: Mapping[str, bool | None]) -> Mapping[str, bool | None]:
    if not isinstance(value, Mapping):
        raise DataError(
            f"deprivations {_show(value)} is not a mapping",
            expected="a mapping of indicator code to True, False or None",
        )
    return MappingProxyType(dict(value))


def _texts(value: Mapping[str, str]) -> Mapping[str, str]:
    if not isinstance(value, Mapping):
        raise DataError(f"extra {_show(value)} is not a mapping", expected="a mapping of texts")
    return MappingProxyType(dict(value))


@attrs.frozen(slots=True)
class Household:
    """One household (hộ gia đình) as a poverty review records it.

    ``income`` is the income per person as a pint quantity in any currency
    per person per time (monthly or yearly; converted exactly), or ``None``
    when unknown.  A bare number or an income per household is a
    :class:`~ntm_criteria.errors.UnitError` naming the household.
    ``deprivations`` maps indicator codes to ``True`` (deprived), ``False``
    or ``None`` (unknown, as is a missing code).  ``commune`` and ``extra``
    (other fields, such as the village) are for grouping.

    >>> from ntm_criteria.units import Q_
    >>> h = Household("H02", "urban", 3, Q_(18, "million_VND/person/year"))
    >>> h.monthly_income
    Fraction(1500000, 1)
    >>> Household("H03", "rural", 5, Q_(6_000_000, "VND/household/month"))
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.UnitError: household H03: income 6000000 VND / household / month does not convert to VND / person / month ...
    """

    id: str
    area: Area = attrs.field(converter=_area)
    members: int
    income: Quantity | None
    deprivations: Mapping[str, bool | None] = attrs.field(factory=dict, converter=_flags)
    commune: str | None = None
    extra: Mapping[str, str] = attrs.field(factory=dict, converter=_texts)
    _monthly: Fraction | None = attrs.field(init=False, default=None, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.id, str) or not self.id.strip():
            raise DataError(f"household id {_show(self.id)} is empty", expected="a non-empty text")
        who = f"household {self.id}"
        if isinstance(self.members, bool) or not isinstance(self.members, int) or self.members < 1:
            raise DataError(
                f"{who}: members {_show(self.members)} is not a whole number of at least 1",
                expected="1, 2, 3, …",
            )
        for code, flag in self.deprivations.items():
            if (
                not isinstance(code, str)
                or not code
                or not (flag is None or isinstance(flag, bool))
            ):
                raise DataError(
                    f"{who}: deprivation {_show(code)} = {_show(flag)}",
                    expected="an indicator code mapped to True, False or None",
                )
        if self.commune is not None and not isinstance(self.commune, str):
            raise DataError(f"{who}: commune {_show(self.commune)} is not a text")
        object.__setattr__(self, "_monthly", _monthly_income(self.income, who))

    @property
    def monthly_income(self) -> Fraction | None:
        """The income in đồng per person per month, exact (``None`` when unknown)."""
        return self._monthly


def _monthly_income(income: object, who: str) -> Fraction | None:
    if income is None:
        return None
    if not isinstance(income, pint.Quantity):
        raise UnitError(f"{who}: income {_show(income)} has no unit", expected=_INCOME_EXPECTED)
    if not income.is_compatible_with(_UNIT):
        raise UnitError(
            f"{who}: income {income} does not convert to {_UNIT} "
            f"(its dimension is {income.dimensionality})",
            expected=_INCOME_EXPECTED,
        )
    try:
        amount = to_exact(income, _UNIT)
    except UnitError as err:
        raise UnitError(f"{who}: {err}") from None
    if amount < 0:
        raise DataError(f"{who}: income {income} is negative", expected="an income of 0 or more")
    return amount


# =============================================================================
# Classification
# =============================================================================


def _words(lang: str) -> Mapping[str, str]:
    return _WORDS_VI if check_lang(lang) == "vi" else _WORDS_EN


_WORDS_VI = MappingProxyType(
    {
        "household": "Hộ",
        "income": "thu nhập",
        "no_income": "chưa có số liệu thu nhập",
        "no_line": "chưa quy định chuẩn thu nhập",
        "no_rule": "chưa quy định cách phân loại",
        "no_list": "hộ nghèo hoặc cận nghèo — chưa quy định danh mục chỉ số thiếu hụt",
        "poor": "thiếu hụt {d} (cần ≥ {k})",
        "near": "thiếu hụt {d} (dưới {k})",
        "near_none": "không thiếu hụt chỉ số nào (dưới {k})",
        "deprived": "thiếu hụt {d}",
        "unknown": "chưa rõ {u}",
        "either": "hộ nghèo cần ≥ {k} — hộ nghèo hoặc cận nghèo",
        "standard": "Chuẩn: {title}; căn cứ: {basis}",
        "untrusted": "Lưu ý: {what} dựa trên nguồn chưa kiểm chứng ({source}).",
        "line_what": "chuẩn thu nhập",
        "k_what": "ngưỡng {k} chỉ số thiếu hụt",
    }
)
_WORDS_EN = MappingProxyType(
    {
        "household": "Household",
        "income": "income",
        "no_income": "no income data",
        "no_line": "income line not specified",
        "no_rule": "classification rule not specified",
        "no_list": "poor or near-poor — the deprivation indicators are not specified",
        "poor": "deprived in {d} (poor needs ≥ {k})",
        "near": "deprived in {d} (fewer than {k})",
        "near_none": "deprived in no indicator (fewer than {k})",
        "deprived": "deprived in {d}",
        "unknown": "{u} unknown",
        "either": "poor needs ≥ {k} — poor or near-poor",
        "standard": "Standard: {title}; basis: {basis}",
        "untrusted": "Note: the {what} rests on an unverified source ({source}).",
        "line_what": "income line",
        "k_what": "cut-off of {k} deprivations",
    }
)


@attrs.frozen(slots=True)
class Classification:
    """A household classified under the standard in force on a date, with its reasons.

    ``line`` is the income line resolved for the household's area (đồng per
    person per month, with its provenance); ``income`` the household's
    income in the same unit; ``income_verdict`` the verdict of
    :meth:`required` (at most the line) on it, whose gap is how far the
    income is above the line; ``deprivation_verdict`` the verdict of the
    standard's deprivation rule.  ``reason`` says why a status is unknown.

    >>> from ntm_criteria.units import Q_
    >>> h = Household("H07", "rural", 2, Q_(1_600_000, "VND/person/month"))
    >>> c = classify(h, on="15/6/2023")
    >>> c.status, c.income_verdict.gap
    (<PovertyStatus.ABOVE_LINE: 'above_line'>, Fraction(100000, 1))
    >>> print(c.explain("en"))
    Household H07: above the poverty line — income 1,600,000 > 1,500,000 VND/person/month
    Standard: Multidimensional poverty standard 2022–2025 (Decree 07/2021/NĐ-CP); basis: Decree 07/2021/NĐ-CP, Art. 3: ...
    """

    household_id: str
    area: Area
    members: int
    on: datetime.date
    status: PovertyStatus
    reason: UnknownReason | None
    standard: PovertyStandard = attrs.field(repr=False)
    basis: InForce
    line: Fixed | Unspecified
    income: Fraction | None
    income_verdict: Verdict
    deprivation_verdict: Verdict
    deprived: tuple[str, ...]
    unknown_indicators: tuple[str, ...]

    @property
    def required(self) -> AtMost:
        """The income requirement: at most the line."""
        return AtMost(self.line)

    @property
    def gap(self) -> Fraction | None:
        """How far the income is above the line, when it is (đồng/person/month)."""
        return self.income_verdict.gap

    @property
    def deprived_dimensions(self) -> tuple[str, ...]:
        """The dimensions in which the household is deprived in at least one indicator."""
        deprived = set(self.deprived)
        return tuple(
            d.code for d in self.standard.dimensions if deprived.intersection(d.indicators)
        )

    def _untrusted(self) -> list[tuple[str, Provenance]]:
        found = []
        line = self.line.provenance if isinstance(self.line, Fixed) else None
        if line is not None and not line.confidence.is_trusted:
            found.append(("line", line))
        k = self.standard.min_deprivations
        decided_by_k = self.status in (PovertyStatus.POOR, PovertyStatus.NEAR_POOR)
        cut = k.provenance if isinstance(k, Fixed) and decided_by_k else None
        if cut is not None and not cut.confidence.is_trusted:
            found.append(("k", cut))
        return found

    @property
    def is_trusted(self) -> bool:
        """False when the status rests on an unverified line or cut-off."""
        return not self._untrusted()

    def summary(self, lang: str = "vi") -> str:
        """One line: ``Hộ H01: hộ nghèo — thu nhập 1.400.000 ≤ 1.500.000 đồng/người/tháng; …``."""
        words = _words(lang)
        head = f"{words['household']} {self.household_id}: {self.status.label(lang)}"
        parts = [self._income_text(lang), *self._deprivation_text(lang)]
        return head + " — " + "; ".join(parts)

    def explain(self, lang: str = "vi") -> str:
        """The summary, the standard and its legal basis, and a note on unverified values."""
        words = _words(lang)
        lines = [self.summary(lang)]
        basis = self.basis.provenance.describe(lang)
        lines.append(words["standard"].format(title=self.standard.title(lang), basis=basis))
        for what, provenance in self._untrusted():
            k = self.standard.min_deprivations
            amount = k.amount if isinstance(k, Fixed) else ""
            text = words["line_what"] if what == "line" else words["k_what"].format(k=amount)
            lines.append(words["untrusted"].format(what=text, source=provenance.describe(lang)))
        return "\n".join(lines)

    def _income_text(self, lang: str) -> str:
        words = _words(lang)
        unit = unit_label(_UNIT, lang)
        if self.income is None:
            return words["no_income"]
        income = format_number(self.income, check_lang(lang))
        if isinstance(self.line, Unspecified):
            detail = self.line.note or self.line.describe_missing(lang)
            return f"{words['income']} {income} {unit}; {words['no_line']} ({detail})"
        sign = "≤" if self.income <= self.line.amount else ">"
        line = format_number(self.line.amount, check_lang(lang))
        return f"{words['income']} {income} {sign} {line} {unit}"

    def _names(self, codes: Sequence[str], lang: str) -> str:
        return ", ".join(_lower_first(self.standard.indicator(c).name(lang)) for c in codes)

    def _deprivation_text(self, lang: str) -> list[str]:
        words = _words(lang)
        k = self.standard.min_deprivations
        if isinstance(k, Unspecified):
            return [f"{words['no_rule']} ({k.note})" if k.note else words["no_rule"]]
        rule = self.standard.deprivation_rule
        if isinstance(rule, Unspecified):
            if self.income_verdict.status is Status.MET:
                return [f"{words['no_list']} ({rule.note})" if rule.note else words["no_list"]]
            return []
        d = _count_indicators(len(self.deprived), lang)
        listed = f": {self._names(self.deprived, lang)}" if self.deprived else ""
        if self.status is PovertyStatus.POOR:
            return [words["poor"].format(d=d, k=rule.k) + listed]
        if self.status is PovertyStatus.NEAR_POOR:
            key = "near" if self.deprived else "near_none"
            return [words[key].format(d=d, k=rule.k) + listed]
        parts = [words["deprived"].format(d=d) + listed] if self.deprived else []
        if self.reason is UnknownReason.NO_DATA and self.income_verdict.status is Status.MET:
            unknown = self._names(self.unknown_indicators, lang)
            u = _count_indicators(len(self.unknown_indicators), lang)
            either = words["either"].format(k=rule.k)
            parts.append(f"{words['unknown'].format(u=u)}: {unknown} ({either})")
        return parts


def _count_indicators(n: int, lang: str) -> str:
    if check_lang(lang) == "vi":
        return f"{n} chỉ số"
    return f"{n} indicator" if n == 1 else f"{n} indicators"


def _income_verdict(line: Fixed | Unspecified, income: Fraction | None) -> Verdict:
    if income is None:
        return Verdict(Status.UNKNOWN, UnknownReason.NO_DATA)
    return evaluate(AtMost(line), income)


def _flag_status(flag: bool | None) -> Status:
    if flag is None:
        return Status.UNKNOWN
    return evaluate(Achieved(), flag).status


def _deprivation_verdict(standard: PovertyStandard, values: Sequence[bool | None]) -> Verdict:
    rule = standard.deprivation_rule
    if isinstance(rule, Unspecified):
        return Verdict(Status.UNKNOWN, UnknownReason.UNSPECIFIED)
    statuses = [_flag_status(v) for v in values]
    status = combine(rule, statuses)
    if status is Status.NOT_MET:
        short = rule.k - statuses.count(Status.MET)
        return Verdict(Status.NOT_MET, gap=Fraction(short), relative_gap=Fraction(short, rule.k))
    if status is Status.UNKNOWN:
        return Verdict(Status.UNKNOWN, UnknownReason.NO_DATA)
    return Verdict(status)


def _decide(
    standard: PovertyStandard, income: Verdict, deprivation: Verdict
) -> tuple[PovertyStatus, UnknownReason | None]:
    """The status from the two verdicts (mirrored by :func:`_status_code` for batches)."""
    if isinstance(standard.min_deprivations, Unspecified):
        return PovertyStatus.UNKNOWN, UnknownReason.UNSPECIFIED
    if income.status is Status.NOT_MET:
        return PovertyStatus.ABOVE_LINE, None
    if income.status is not Status.MET:
        return PovertyStatus.UNKNOWN, income.reason
    if deprivation.status is Status.MET:
        return PovertyStatus.POOR, None
    if deprivation.status is Status.NOT_MET:
        return PovertyStatus.NEAR_POOR, None
    return PovertyStatus.UNKNOWN, deprivation.reason


def _household_values(household: Household, standard: PovertyStandard) -> tuple[bool | None, ...]:
    codes = standard.indicator_codes
    if isinstance(standard.indicators, Unspecified):
        return ()
    for code in household.deprivations:
        if code not in codes:
            raise UnknownCodeError(
                "deprivation indicator",
                code,
                known=codes,
                where=f"household {household.id} under {standard.legal_basis}",
            )
    return tuple(household.deprivations.get(code) for code in codes)


def classify(
    household: Household,
    *,
    on: datetime.date | str,
    standards: PovertyStandards | None = None,
) -> Classification:
    """Classify ``household`` under the standard in force on ``on``.

    ``standards`` defaults to :func:`default_standards`.  Raises
    :class:`~ntm_criteria.errors.NotInForceError` when no standard is in
    force on ``on``, and :class:`~ntm_criteria.errors.UnknownCodeError` for a
    deprivation code the standard does not have.

    >>> from ntm_criteria.units import Q_
    >>> h = Household("H04", "rural", 4, Q_(1_500_000, "VND/person/month"), {"water": True})
    >>> classify(h, on="15/6/2023").status  # 1 deprived, 11 unknown: 3 cannot be ruled out
    <PovertyStatus.UNKNOWN: 'unknown'>
    >>> print(classify(h, on="15/6/2023").summary("en"))  # doctest: +ELLIPSIS
    Household H04: undetermined — income 1,500,000 ≤ 1,500,000 VND/person/month; deprived in 1 indicator: domestic water source; 11 indicators unknown: employment, ... (poor needs ≥ 3 — poor or near-poor)
    >>> classify(h, on="1/1/2027").line.amount, classify(h, on="1/1/2027").reason
    (Fraction(2200000, 1), <UnknownReason.UNSPECIFIED: 'unspecified'>)
    """
    day = as_date(on)
    standard = (standards or default_standards()).in_force(day)
    line = standard.line(household.area, day)
    income = household.monthly_income
    values = _household_values(household, standard)
    income_verdict = _income_verdict(line, income)
    deprivation_verdict = _deprivation_verdict(standard, values)
    status, reason = _decide(standard, income_verdict, deprivation_verdict)
    codes = standard.indicator_codes
    return Classification(
        household_id=household.id,
        area=household.area,
        members=household.members,
        on=day,
        status=status,
        reason=reason,
        standard=standard,
        basis=standard.basis(day),
        line=line,
        income=income,
        income_verdict=income_verdict,
        deprivation_verdict=deprivation_verdict,
        deprived=tuple(c for c, v in zip(codes, values, strict=True) if v is True),
        unknown_indicators=tuple(c for c, v in zip(codes, values, strict=True) if v is None),
    )


# =============================================================================
# Rates
# =============================================================================


@attrs.frozen(slots=True)
class Headcount:
    """How many households have a property among those for which it is known.

    ``count`` of ``known`` households have it; ``unknown`` households are
    left out of the denominator (their value is not known).  ``share`` is
    ``count / known`` as an exact fraction in [0, 1], or ``None`` when no
    household is known.

    >>> Headcount(3, 40, unknown=2).share
    Fraction(3, 40)
    >>> Headcount(0, 0, unknown=5).share is None
    True
    """

    count: int
    known: int
    unknown: int = 0

    def __attrs_post_init__(self) -> None:
        if not 0 <= self.count <= self.known or self.unknown < 0:
            raise DataError(
                f"headcount {self.count}/{self.known} (+{self.unknown} unknown)",
                expected="0 ≤ count ≤ known and unknown ≥ 0",
            )

    @property
    def share(self) -> Fraction | None:
        """``count / known``, exact; ``None`` when nothing is known."""
        return Fraction(self.count, self.known) if self.known else None

    @property
    def total(self) -> int:
        """Known and unknown households together."""
        return self.known + self.unknown


def _headcounts(value: Mapping[str, Headcount]) -> Mapping[str, Headcount]:
    return MappingProxyType(dict(value))


@attrs.frozen(slots=True)
class PovertyRates:
    """Poverty figures for a group of households on a date, all exact.

    ``poor`` and ``near_poor`` count households among those whose status is
    decided (``undetermined`` ones are left out and counted);
    ``poor_or_near_poor`` and ``at_or_below_line`` count households whose
    income is at or below the line among those whose income and line are
    known (the two agree except under a standard without a classification
    rule, where the first is all unknown).  ``indicators`` and
    ``dimensions`` are the deprivation headcount ratios: the share of
    households deprived in each indicator, and in each dimension (deprived
    in at least one of its indicators), each among the households for which
    it is known.  The official formula of a commune's poverty rate is not in
    the reference; these are the plain shares.

    >>> from ntm_criteria.units import Q_
    >>> homes = [Household(f"H{i}", "rural", 4, Q_(1_200_000 + 200_000 * i, "VND/person/month"),
    ...                    dict.fromkeys(["water", "latrine", "telecom"], i < 2))
    ...          for i in range(4)]
    >>> r = rates(homes, on="2024-12-31")
    >>> r.poor, r.near_poor.share, r.indicators["water"].share
    (Headcount(count=2, known=4, unknown=0), Fraction(0, 1), Fraction(1, 2))
    >>> print(r.summary("en"))
    All households: poor 2/4 (50%), near-poor 0/4 (0%)
    """

    on: datetime.date
    standard_id: str
    legal_basis: str
    households: int
    persons: int
    poor: Headcount
    near_poor: Headcount
    poor_or_near_poor: Headcount
    at_or_below_line: Headcount
    above_line: int
    undetermined: int
    poor_persons: int
    near_poor_persons: int
    indicators: Mapping[str, Headcount] = attrs.field(converter=_headcounts)
    dimensions: Mapping[str, Headcount] = attrs.field(converter=_headcounts)
    group: Hashable | None = None

    @property
    def poor_rate(self) -> Fraction | None:
        """The share of poor households among the decided ones."""
        return self.poor.share

    @property
    def near_poor_rate(self) -> Fraction | None:
        """The share of near-poor households among the decided ones."""
        return self.near_poor.share

    def summary(self, lang: str = "vi") -> str:
        """``Xã 04036: hộ nghèo 12/300 (4%), hộ cận nghèo 9/300 (3%)``-style line."""
        vi = check_lang(lang) == "vi"
        label = (
            str(self.group) if self.group is not None else ("Tất cả hộ" if vi else "All households")
        )

        def part(name: str, headcount: Headcount) -> str:
            share = headcount.share
            pct = "—" if share is None else format_percent(share, check_lang(lang), decimals=2)
            return f"{name} {headcount.count}/{headcount.known} ({pct})"

        names = ("hộ nghèo", "hộ cận nghèo") if vi else ("poor", "near-poor")
        text = f"{label}: {part(names[0], self.poor)}, {part(names[1], self.near_poor)}"
        if self.undetermined:
            more = "hộ chưa xác định" if vi else "undetermined"
            text += f"; {self.undetermined} {more}"
        return text


class _Tally:
    """Counts for one group of households; every path of :func:`rates` ends here."""

    def __init__(self, standard: PovertyStandard) -> None:
        self.standard = standard
        self.codes = standard.indicator_codes
        index = {code: i for i, code in enumerate(self.codes)}
        self.dims = [(d.code, [index[c] for c in d.indicators]) for d in standard.dimensions]
        if not self.codes:
            self.dims = []
        self.households = self.persons = 0
        self.statuses = [0, 0, 0, 0]
        self.status_persons = [0, 0, 0, 0]
        self.below = self.income_known = 0
        self.ind_deprived = [0] * len(self.codes)
        self.ind_known = [0] * len(self.codes)
        self.dim_deprived = [0] * len(self.dims)
        self.dim_known = [0] * len(self.dims)

    def add(self, status: int, income: int, members: int, values: Sequence[bool | None]) -> None:
        self.households += 1
        self.persons += members
        self.statuses[status] += 1
        self.status_persons[status] += members
        if income != _NO_INCOME:
            self.income_known += 1
            self.below += income == _AT_OR_BELOW
        for j, value in enumerate(values):
            if value is not None:
                self.ind_known[j] += 1
                self.ind_deprived[j] += value
        for j, (_, positions) in enumerate(self.dims):
            flags = [values[i] for i in positions]
            if True in flags:
                self.dim_deprived[j] += 1
                self.dim_known[j] += 1
            elif None not in flags:
                self.dim_known[j] += 1

    def result(self, on: datetime.date, group: Hashable | None) -> PovertyRates:
        n = self.households
        undetermined = self.statuses[_UNDECIDED]
        decided = n - undetermined
        line = Headcount(self.below, self.income_known, n - self.income_known)
        classifiable = isinstance(self.standard.min_deprivations, Fixed)
        return PovertyRates(
            on=on,
            standard_id=self.standard.id,
            legal_basis=self.standard.legal_basis,
            households=n,
            persons=self.persons,
            poor=Headcount(self.statuses[_POOR], decided, undetermined),
            near_poor=Headcount(self.statuses[_NEAR], decided, undetermined),
            poor_or_near_poor=line if classifiable else Headcount(0, 0, n),
            at_or_below_line=line,
            above_line=self.statuses[_ABOVE],
            undetermined=undetermined,
            poor_persons=self.status_persons[_POOR],
            near_poor_persons=self.status_persons[_NEAR],
            indicators={
                code: Headcount(dep, known, n - known)
                for code, dep, known in zip(
                    self.codes, self.ind_deprived, self.ind_known, strict=True
                )
            },
            dimensions={
                code: Headcount(dep, known, n - known)
                for (code, _), dep, known in zip(
                    self.dims, self.dim_deprived, self.dim_known, strict=True
                )
            },
            group=group,
        )


_HOUSEHOLD_FIELDS = ("id", "area", "members", "commune")
GroupKey: TypeAlias = str | Callable[[Household], Hashable]
"""How to group households: a field name or a function of the household.

A name is ``"id"``, ``"area"``, ``"members"``, ``"commune"`` or a key of
:attr:`Household.extra` (for a :class:`HouseholdTable`, a column).

>>> from ntm_criteria.units import Q_
>>> homes = [Household("H1", "rural", 6, Q_(1, "VND/person/month"), extra={"village": "Nà"})]
>>> list(rates_by(homes, "village", on="2023-01-01")), list(rates_by(homes, "commune", on="2023-01-01"))
(['Nà'], [None])
>>> list(rates_by(homes, lambda h: h.members >= 5, on="2023-01-01"))
[True]
"""


def _classification_facts(c: Classification) -> tuple[int, int, tuple[bool | None, ...]]:
    status = _STATUS_CODES.index(c.status)
    income = {Status.MET: _AT_OR_BELOW, Status.NOT_MET: _OVER}.get(
        c.income_verdict.status, _NO_INCOME
    )
    deprived, unknown = set(c.deprived), set(c.unknown_indicators)
    values = tuple(
        True if code in deprived else None if code in unknown else False
        for code in c.standard.indicator_codes
    )
    return status, income, values


def rates(
    households: Iterable[Household],
    *,
    on: datetime.date | str,
    standards: PovertyStandards | None = None,
) -> PovertyRates:
    """Poverty figures over ``households``, classifying each one by one with :func:`classify`.

    For large inputs use :class:`HouseholdTable`, which gives the same figures.

    >>> from ntm_criteria.units import Q_
    >>> codes = default_standards().in_force("2023-06-30").indicator_codes
    >>> homes = [Household("A1", "rural", 3, Q_(1_000_000, "VND/person/month"),
    ...                    dict.fromkeys(["water", "latrine", "floor_area"], True)),
    ...          Household("A2", "rural", 4, Q_(1_400_000, "VND/person/month"),
    ...                    {code: code == "water" for code in codes}),
    ...          Household("A3", "rural", 5, Q_(2_500_000, "VND/person/month"))]
    >>> r = rates(homes, on="2023-06-30")
    >>> (r.poor_rate, r.near_poor_rate)
    (Fraction(1, 3), Fraction(1, 3))
    """
    day = as_date(on)
    standard = (standards or default_standards()).in_force(day)
    tally = _Tally(standard)
    for household in households:
        status, income, values = _classification_facts(
            classify(household, on=day, standards=standards)
        )
        tally.add(status, income, household.members, values)
    return tally.result(day, None)


def _key_of(household: Household, by: GroupKey) -> Hashable:
    if callable(by):
        return by(household)
    if by in _HOUSEHOLD_FIELDS:
        value: Hashable = getattr(household, by)
        return value
    return household.extra.get(by)


def rates_by(
    households: Iterable[Household],
    by: GroupKey,
    *,
    on: datetime.date | str,
    standards: PovertyStandards | None = None,
) -> dict[Hashable, PovertyRates]:
    """Poverty figures per group, in order of first appearance.

    ``by`` is a field name (``"commune"``, ``"area"``, or a key of
    ``extra`` such as ``"village"``) or a function of the household.

    >>> from ntm_criteria.units import Q_
    >>> homes = [Household("A1", "rural", 3, Q_(1_000_000, "VND/person/month"),
    ...                    dict.fromkeys(["water", "latrine", "floor_area"], True), commune="04036"),
    ...          Household("B1", "rural", 5, Q_(2_500_000, "VND/person/month"), commune="04039")]
    >>> {code: r.poor_rate for code, r in rates_by(homes, "commune", on="2023-06-30").items()}
    {'04036': Fraction(1, 1), '04039': Fraction(0, 1)}
    """
    day = as_date(on)
    standard = (standards or default_standards()).in_force(day)
    items = list(households)
    named = by if isinstance(by, str) and by not in _HOUSEHOLD_FIELDS else None
    if named is not None and items and not any(named in h.extra for h in items):
        known = sorted({*_HOUSEHOLD_FIELDS, *(k for h in items for k in h.extra)})
        raise UnknownCodeError("household field", named, known=known)
    tallies: dict[Hashable, _Tally] = {}
    for household in items:
        key = _key_of(household, by)
        tally = tallies.get(key)
        if tally is None:
            tally = tallies[key] = _Tally(standard)
        status, income, values = _classification_facts(
            classify(household, on=day, standards=standards)
        )
        tally.add(status, income, household.members, values)
    return {key: tally.result(day, key) for key, tally in tallies.items()}


# =============================================================================
# Households as columns: the batch path
# =============================================================================

#: The columns a household table must have; ``commune``, one column per
#: deprivation indicator code and any other column (kept in ``extra``) may follow.
HOUSEHOLD_COLUMNS = ("id", "area", "members", "income")

_TRUE_WORDS = frozenset({"1", "x", "có", "co", "true", "yes", "thiếu", "thiếu hụt", "deprived"})
_FALSE_WORDS = frozenset(
    {"0", "không", "khong", "false", "no", "đủ", "không thiếu", "not deprived"}
)
_UNKNOWN_WORDS = frozenset({"", "?", "na", "n/a", "chưa rõ", "không rõ", "unknown"})


def _plain(value: object) -> object:
    """numpy scalars as the Python values they hold."""
    item = getattr(value, "item", None)
    if item is not None and not isinstance(value, str | bytes | Decimal | Fraction | int | float):
        try:
            return item()
        except (TypeError, ValueError):
            return value
    return value


def _cell_shown(value: object) -> str:
    """A cell for a message: text as written, other values by repr."""
    if isinstance(value, str):
        text = value.strip()
        return text if len(text) <= 40 else text[:37] + "..."
    return _show(value)


def _is_nan(value: object) -> bool:
    return isinstance(value, float) and math.isnan(value)


def _cell_text(value: object) -> str | None:
    value = _plain(value)
    if value is None or _is_nan(value):
        return None
    text = value.strip() if isinstance(value, str) else str(value)
    return text or None


def _parse_id(value: object) -> str:
    text = _cell_text(value)
    if text is None:
        raise DataError("empty household id", expected="a code such as H01")
    return text


def _exact_cell(value: object, what: str) -> Fraction:
    value = _plain(value)
    if isinstance(value, str):
        return Fraction(parse_number(value))
    if isinstance(value, bool):
        raise DataError(f"{what} {value!r} is not a number", expected="a number")
    if isinstance(value, numbers.Rational):
        return Fraction(int(value.numerator), int(value.denominator))
    if isinstance(value, float) and math.isfinite(value):
        return Fraction(repr(float(value)))  # a numpy float's repr is np.float64(…)
    if isinstance(value, Decimal) and value.is_finite():
        return Fraction(value)
    raise DataError(f"{what} {_show(value)} is not a number", expected="a number")


def _parse_members(value: object) -> int:
    if _cell_text(value) is None:
        raise DataError("empty number of members", expected="a whole number of at least 1")
    amount = _exact_cell(value, "members")
    if amount.denominator != 1 or amount < 1:
        raise DataError(
            f"members {_cell_shown(value)} is not a whole number of at least 1",
            expected="1, 2, 3, …",
        )
    return int(amount)


def _parse_income(value: object, factor: Fraction) -> Fraction | None:
    if _cell_text(value) is None:
        return None
    amount = _exact_cell(value, "income")
    if amount < 0:
        raise DataError(
            f"income {_cell_shown(value)} is negative", expected="an income of 0 or more"
        )
    return amount * factor


def _parse_flag(value: object) -> bool | None:
    value = _plain(value)
    if value is None or isinstance(value, bool) or _is_nan(value):
        return None if value is None or _is_nan(value) else bool(value)
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value)
    if isinstance(value, str):
        word = " ".join(unicodedata.normalize("NFC", value).lower().split())
        if word in _TRUE_WORDS:
            return True
        if word in _FALSE_WORDS:
            return False
        if word in _UNKNOWN_WORDS:
            return None
    raise DataError(
        f"{_show(value)} is not a deprivation flag",
        expected="1 / có (deprived), 0 / không (not deprived), or empty (unknown)",
    )


def _parse_area(value: object) -> Area:
    text = _cell_text(value)
    if text is None:
        raise DataError("empty area", expected="rural or urban (nông thôn / thành thị)")
    return Area.parse(text)


class _TableBuilder:
    """Checks rows one by one and collects every problem, each with its place."""

    def __init__(self, columns: Sequence[str], income_unit: str, indicators: Iterable[str]) -> None:
        self.factor = exact_factor(income_unit, _UNIT)
        codes = set(indicators)
        fixed = (*HOUSEHOLD_COLUMNS, "commune")
        self.codes = [c for c in columns if c in codes]
        self.extra = [c for c in columns if c not in codes and c not in fixed]
        self.problems: list[DataError] = []
        self.first_seen: dict[str, str] = {}
        self.ids: list[str] = []
        self.areas: list[Area] = []
        self.members: list[int] = []
        self.incomes: list[Fraction | None] = []
        self.communes: list[str | None] = []
        self.flags: dict[str, list[bool | None]] = {c: [] for c in self.codes}
        self.extras: dict[str, list[str | None]] = {c: [] for c in self.extra}

    def problem(
        self,
        message: str,
        column: str,
        place: tuple[int | None, int | None],
        expected: str | None = None,
    ) -> None:
        line, index = place
        path = column if index is None else f"{column}[{index}]"
        self.problems.append(DataError(message, line=line, key_path=path, expected=expected))

    def cell(
        self,
        parse: Callable[[object], Any],
        row: Mapping[str, object],
        column: str,
        place: tuple[int | None, int | None],
    ) -> Any:
        try:
            return parse(row.get(column))
        except NtmError as err:
            if isinstance(err, DataError):
                self.problem(err.message, column, place, err.expected)
            else:
                self.problem(str(err), column, place)
            return None

    def add(self, row: Mapping[str, object], place: tuple[int | None, int | None]) -> None:
        """Check one row; ``place`` is its (line, index), either may be None."""
        hid = self.cell(_parse_id, row, "id", place)
        area = self.cell(_parse_area, row, "area", place)
        members = self.cell(_parse_members, row, "members", place)
        income = self.cell(lambda v: _parse_income(v, self.factor), row, "income", place)
        flags = {c: self.cell(_parse_flag, row, c, place) for c in self.codes}
        if hid is not None:
            line, index = place
            here = f"line {line}" if line is not None else f"row {index}"
            if hid in self.first_seen:
                self.problem(
                    f"duplicate household id {hid!r} (first at {self.first_seen[hid]})", "id", place
                )
            else:
                self.first_seen[hid] = here
        if self.problems:
            return  # nothing is kept once a problem is found; the rest is only checked
        self.ids.append(hid)
        self.areas.append(area)
        self.members.append(members)
        self.incomes.append(income)
        self.communes.append(_cell_text(row.get("commune")))
        for c in self.codes:
            self.flags[c].append(flags[c])
        for c in self.extra:
            self.extras[c].append(_cell_text(row.get(c)))

    def build(self, file: str | None) -> HouseholdTable:
        if self.problems:
            raise DataErrors(self.problems, file=file)
        return HouseholdTable(
            ids=self.ids,
            areas=self.areas,
            members=self.members,
            incomes=self.incomes,
            deprivations={c: tuple(v) for c, v in self.flags.items()},
            communes=self.communes,
            extra={c: tuple(v) for c, v in self.extras.items()},
        )


def _known_codes() -> tuple[str, ...]:
    """Every indicator code of the built-in standards, in data order."""
    seen: dict[str, None] = {}
    for standard in default_standards():
        seen.update(dict.fromkeys(standard.indicator_codes))
    return tuple(seen)


def _tuple(values: Iterable[Any]) -> tuple[Any, ...]:
    return tuple(values)


def _column_map(value: Mapping[str, Iterable[Any]]) -> Mapping[str, tuple[Any, ...]]:
    return MappingProxyType({key: tuple(column) for key, column in value.items()})


@attrs.frozen(slots=True)
class HouseholdTable:
    """Many households as columns: the batch path for large inputs.

    Build one with :meth:`from_columns` (columns of cells, e.g. read from
    CSV), :meth:`from_households` or :func:`read_households`.  Incomes are
    held in đồng/person/month, exact.  :meth:`classify`, :meth:`rates` and
    :meth:`rates_by` run on a pure-Python engine or on a vectorised numpy
    engine (the optional ``fast`` extra); both give exactly the figures of
    :func:`classify` and :func:`rates` one by one.

    >>> table = HouseholdTable.from_columns({
    ...     "id": ["H1", "H2", "H3"], "commune": ["04036", "04036", "04039"],
    ...     "area": ["nông thôn", "rural", "urban"], "members": ["4", "3", "2"],
    ...     "income": ["1.400.000", "1.500.001", ""],
    ...     "water": ["1", "0", ""], "latrine": ["có", "không", ""], "telecom": ["1", "1", ""],
    ... })
    >>> table.classify(on="2023-06-15", engine="python")
    (<PovertyStatus.POOR: 'poor'>, <PovertyStatus.ABOVE_LINE: 'above_line'>, <PovertyStatus.UNKNOWN: 'unknown'>)
    >>> table.rates(on="2023-06-15").poor
    Headcount(count=1, known=2, unknown=1)
    """

    ids: tuple[str, ...] = attrs.field(converter=_tuple)
    areas: tuple[Area, ...] = attrs.field(converter=_tuple)
    members: tuple[int, ...] = attrs.field(converter=_tuple)
    incomes: tuple[Fraction | None, ...] = attrs.field(converter=_tuple)
    deprivations: Mapping[str, tuple[bool | None, ...]] = attrs.field(
        factory=dict, converter=_column_map
    )
    communes: tuple[str | None, ...] = attrs.field(factory=tuple, converter=_tuple)
    extra: Mapping[str, tuple[str | None, ...]] = attrs.field(factory=dict, converter=_column_map)

    def __attrs_post_init__(self) -> None:
        n = len(self.ids)
        if not self.communes and n:
            object.__setattr__(self, "communes", (None,) * n)  # no commune column
        lengths = {
            "areas": len(self.areas),
            "members": len(self.members),
            "incomes": len(self.incomes),
            "communes": len(self.communes),
            **{f"deprivations[{c}]": len(v) for c, v in self.deprivations.items()},
            **{f"extra[{c}]": len(v) for c, v in self.extra.items()},
        }
        for name, length in lengths.items():
            if length != n:
                raise DataError(
                    f"column {name} has {length} values for {n} households",
                    expected="columns of equal length",
                )
        seen: set[str] = set()
        for hid in self.ids:
            if hid in seen:
                raise DataError(f"duplicate household id {hid!r}", expected="unique ids")
            seen.add(hid)

    def __len__(self) -> int:
        return len(self.ids)

    @classmethod
    def from_columns(
        cls,
        columns: Mapping[str, Sequence[object]],
        *,
        income_unit: str = _UNIT,
        indicators: Iterable[str] | None = None,
    ) -> HouseholdTable:
        """A table from columns of cells, all checked; every problem reported at once.

        Cells are Python values or text as read from CSV (Vietnamese
        numbers, ``có`` / ``không``, empty for unknown); a float NaN counts
        as empty.  ``income`` is in ``income_unit`` (default đồng per
        person per month).  Columns named by an indicator code of the
        standards (or of ``indicators``) are deprivation flags; ``commune``
        and any other column are kept for grouping.  Problems raise
        :class:`~ntm_criteria.errors.DataErrors` with ``column[row]`` paths.

        >>> HouseholdTable.from_columns({"id": ["A", "B"], "area": ["rural", "urban"],
        ...                              "members": [2, 0], "income": ["1,5", "x"]})
        Traceback (most recent call last):
        ...
        ntm_criteria.errors.DataErrors: 2 problems:
          - members[1]: members 0 is not a whole number of at least 1 (expected 1, 2, 3, …)
          - income[1]: cannot parse 'x' (expected a number in Vietnamese format...)
        """
        names = [str(name) for name in columns]
        lists: dict[str, list[object]] = {}
        problems: list[DataError] = []
        for name, column in columns.items():
            if isinstance(column, str | bytes) or not hasattr(column, "__len__"):
                problems.append(DataError(f"{_show(column)} is not a column", key_path=str(name)))
            else:
                lists[str(name)] = list(column)
        missing = [c for c in HOUSEHOLD_COLUMNS if c not in columns]
        if missing:
            problems.append(
                DataError(
                    f"missing column(s) {', '.join(missing)}",
                    expected="columns " + ", ".join(HOUSEHOLD_COLUMNS),
                )
            )
        lengths = {len(v) for v in lists.values()}
        if len(lengths) > 1:
            problems.append(
                DataError(
                    f"columns of different lengths ({', '.join(f'{k}: {len(v)}' for k, v in lists.items())})",
                    expected="columns of equal length",
                )
            )
        if problems:
            raise DataErrors(problems)
        codes = _known_codes() if indicators is None else tuple(indicators)
        builder = _TableBuilder(names, income_unit, codes)
        n = lengths.pop() if lengths else 0
        for i in range(n):
            row = {name: values[i] for name, values in lists.items()}
            builder.add(row, (None, i))
        return builder.build(None)

    @classmethod
    def from_households(cls, households: Iterable[Household]) -> HouseholdTable:
        """A table holding ``households`` (their incomes converted to đồng/person/month).

        >>> from ntm_criteria.units import Q_
        >>> t = HouseholdTable.from_households([Household("H1", "rural", 2, Q_(1, "million_VND/person/year"))])
        >>> t.incomes
        (Fraction(250000, 3),)
        """
        items = list(households)
        codes = list(dict.fromkeys(c for h in items for c in h.deprivations))
        extra = list(dict.fromkeys(k for h in items for k in h.extra))
        return cls(
            ids=[h.id for h in items],
            areas=[h.area for h in items],
            members=[h.members for h in items],
            incomes=[h.monthly_income for h in items],
            deprivations={c: [h.deprivations.get(c) for h in items] for c in codes},
            communes=[h.commune for h in items],
            extra={k: [h.extra.get(k) for h in items] for k in extra},
        )

    def households(self) -> tuple[Household, ...]:
        """The rows as :class:`Household` values.

        >>> from ntm_criteria.units import Q_
        >>> h = Household("H1", "urban", 2, Q_(900_000, "VND/person/month"), {"water": False})
        >>> HouseholdTable.from_households([h]).households() == (h,)
        True
        """
        return tuple(self._household(i) for i in range(len(self)))

    def _household(self, i: int) -> Household:
        income = self.incomes[i]
        return Household(
            self.ids[i],
            self.areas[i],
            self.members[i],
            None if income is None else Q_(income, _UNIT),
            {c: v[i] for c, v in self.deprivations.items()},
            commune=self.communes[i],
            extra={k: text for k, v in self.extra.items() if (text := v[i]) is not None},
        )

    def _keys(self, by: GroupKey) -> list[Hashable]:
        if callable(by):
            return [by(h) for h in self.households()]
        if by == "commune":
            return list(self.communes)
        if by in _HOUSEHOLD_FIELDS:
            return list(getattr(self, {"id": "ids", "area": "areas", "members": "members"}[by]))
        if by in self.extra or not len(self):
            return list(self.extra.get(by, ()))
        raise UnknownCodeError("column", by, known=[*_HOUSEHOLD_FIELDS, *self.extra])

    def _check_codes(self, standard: PovertyStandard) -> None:
        if isinstance(standard.indicators, Unspecified):
            return
        for code in self.deprivations:
            if code not in standard.indicator_codes:
                raise UnknownCodeError(
                    "deprivation indicator",
                    code,
                    known=standard.indicator_codes,
                    where=f"household table under {standard.legal_basis}",
                )

    def classify(
        self,
        *,
        on: datetime.date | str,
        standards: PovertyStandards | None = None,
        engine: Engine = "auto",
    ) -> tuple[PovertyStatus, ...]:
        """The status of every household, in row order (see :class:`HouseholdTable`)."""
        day = as_date(on)
        standard = (standards or default_standards()).in_force(day)
        self._check_codes(standard)
        np = _load_numpy(engine)
        if np is None:
            return tuple(_STATUS_CODES[s] for s in _python_facts(self, standard, day)[0])
        status, _, _ = _numpy_facts(self, standard, day, np)
        return tuple(_STATUS_CODES[s] for s in status.tolist())

    def rates(
        self,
        *,
        on: datetime.date | str,
        standards: PovertyStandards | None = None,
        engine: Engine = "auto",
    ) -> PovertyRates:
        """Poverty figures over the whole table; equal to :func:`rates` on :meth:`households`."""
        return self._grouped(None, on, standards, engine)[None]

    def rates_by(
        self,
        by: GroupKey,
        *,
        on: datetime.date | str,
        standards: PovertyStandards | None = None,
        engine: Engine = "auto",
    ) -> dict[Hashable, PovertyRates]:
        """Poverty figures per group (a column name or a function of the household).

        Equal to :func:`rates_by` on :meth:`households`.

        >>> table = HouseholdTable.from_columns({"id": ["a", "b", "c"], "commune": ["X", "Y", "X"],
        ...     "area": ["rural"] * 3, "members": [1, 1, 1], "income": [2_000_000, 1, 3]})
        >>> {k: r.at_or_below_line.share for k, r in table.rates_by("commune", on="2023-01-01").items()}
        {'X': Fraction(1, 2), 'Y': Fraction(1, 1)}
        """
        return self._grouped(by, on, standards, engine)

    def _grouped(
        self,
        by: GroupKey | None,
        on: datetime.date | str,
        standards: PovertyStandards | None,
        engine: Engine,
    ) -> dict[Hashable, PovertyRates]:
        day = as_date(on)
        standard = (standards or default_standards()).in_force(day)
        self._check_codes(standard)
        keys: list[Hashable] = [None] * len(self) if by is None else self._keys(by)
        np = _load_numpy(engine)
        if np is None:
            tallies = _python_tallies(self, standard, day, keys)
        else:
            tallies = _numpy_tallies(self, standard, day, keys, np)
        if by is None and not tallies:
            tallies = {None: _Tally(standard)}
        return {key: tally.result(day, key) for key, tally in tallies.items()}


def _load_numpy(engine: str) -> Any:
    """The numpy module for the vectorised engine, or None for the pure one."""
    if engine not in _ENGINES:
        raise UnknownCodeError("engine", str(engine), known=_ENGINES)
    if engine == "python":
        return None
    try:
        import numpy
    except ImportError:
        if engine == "numpy":
            warnings.warn(
                "numpy is not installed, so the vectorised engine is not available; using the "
                "pure-Python engine, which gives the same answers "
                "(install numpy with: pip install 'ntm_criteria[fast]')",
                RuntimeWarning,
                stacklevel=4,
            )
        return None
    return numpy


def _area_lines(standard: PovertyStandard, day: datetime.date) -> dict[Area, Fraction | None]:
    lines: dict[Area, Fraction | None] = {}
    for area in Area:
        leaf = standard.line(area, day)
        lines[area] = leaf.amount if isinstance(leaf, Fixed) else None
    return lines


def _rule_numbers(standard: PovertyStandard) -> tuple[bool, int | None]:
    """Whether households can be classified at all, and k when the indicators are known."""
    classifiable = isinstance(standard.min_deprivations, Fixed)
    rule = standard.deprivation_rule
    return classifiable, rule.k if isinstance(rule, AtLeastK) else None


def _status_code(
    classifiable: bool, k: int | None, income: int, deprived: int, unknown: int
) -> int:
    """The status of one household, as :func:`_decide` decides it, on plain numbers."""
    if not classifiable or income == _NO_INCOME:
        return _UNDECIDED
    if income == _OVER:
        return _ABOVE
    if k is None:
        return _UNDECIDED
    if deprived >= k:
        return _POOR
    return _NEAR if deprived + unknown < k else _UNDECIDED


def _columns(
    table: HouseholdTable, standard: PovertyStandard
) -> list[tuple[bool | None, ...] | None]:
    return [table.deprivations.get(code) for code in standard.indicator_codes]


def _python_facts(
    table: HouseholdTable, standard: PovertyStandard, day: datetime.date
) -> tuple[list[int], list[int], list[tuple[bool | None, ...]]]:
    lines = _area_lines(standard, day)
    classifiable, k = _rule_numbers(standard)
    columns = _columns(table, standard)
    statuses, incomes, rows = [], [], []
    for i in range(len(table)):
        line, income = lines[table.areas[i]], table.incomes[i]
        if line is None or income is None:
            code = _NO_INCOME
        else:
            code = _AT_OR_BELOW if income <= line else _OVER
        values = tuple(None if col is None else col[i] for col in columns)
        deprived = sum(1 for v in values if v is True)
        unknown = sum(1 for v in values if v is None)
        statuses.append(_status_code(classifiable, k, code, deprived, unknown))
        incomes.append(code)
        rows.append(values)
    return statuses, incomes, rows


def _python_tallies(
    table: HouseholdTable, standard: PovertyStandard, day: datetime.date, keys: Sequence[Hashable]
) -> dict[Hashable, _Tally]:
    statuses, incomes, rows = _python_facts(table, standard, day)
    tallies: dict[Hashable, _Tally] = {}
    for i, key in enumerate(keys):
        tally = tallies.get(key)
        if tally is None:
            tally = tallies[key] = _Tally(standard)
        tally.add(statuses[i], incomes[i], table.members[i], rows[i])
    return tallies


# -- the numpy engine -----------------------------------------------------------

_INT64_SAFE = 2**62


def _safe_float(value: Fraction | None) -> float:
    if value is None:
        return 0.0
    try:
        return float(value)
    except OverflowError:
        return math.inf if value > 0 else -math.inf


def _numpy_at_or_below(np: Any, incomes: Sequence[Fraction | None], line: Fraction) -> Any:
    """``income <= line`` for every row, exactly (unknown incomes give False)."""
    n = len(incomes)
    if all(v is None or (v.denominator == 1 and abs(v.numerator) < _INT64_SAFE) for v in incomes):
        ints = np.fromiter((0 if v is None else v.numerator for v in incomes), np.int64, n)
        return ints <= math.floor(line)
    values = np.fromiter((_safe_float(v) for v in incomes), np.float64, n)
    limit = float(line)
    result = values <= limit
    # Floats decide except within a few units in the last place of the line:
    # there the exact values decide, so both engines always agree.
    tolerance = 4 * np.spacing(np.maximum(np.abs(values), abs(limit)))
    for i in np.flatnonzero(np.abs(values - limit) <= tolerance).tolist():
        value = incomes[i]
        result[i] = value is not None and value <= line
    return result


def _numpy_facts(
    table: HouseholdTable, standard: PovertyStandard, day: datetime.date, np: Any
) -> tuple[Any, Any, Any]:
    """Status codes, income codes and the (indicators × households) flag matrix, as arrays."""
    n = len(table)
    lines = _area_lines(standard, day)
    classifiable, k = _rule_numbers(standard)
    known = np.fromiter((v is not None for v in table.incomes), bool, n)
    income = np.full(n, _NO_INCOME, dtype=np.int8)
    for area, line in lines.items():
        if line is None:
            continue
        rows = np.fromiter((a is area for a in table.areas), bool, n) & known
        below = _numpy_at_or_below(np, table.incomes, line)
        income[rows] = np.where(below[rows], _AT_OR_BELOW, _OVER)
    columns = _columns(table, standard)
    flags = np.full((len(columns), n), -1, dtype=np.int8)
    for j, column in enumerate(columns):
        if column is not None:
            flags[j] = np.fromiter((-1 if v is None else int(v) for v in column), np.int8, n)
    deprived = (flags == 1).sum(axis=0)
    unknown = (flags == -1).sum(axis=0)
    status = np.full(n, _UNDECIDED, dtype=np.int8)
    if classifiable:
        status[income == _OVER] = _ABOVE
        if k is not None:
            below = income == _AT_OR_BELOW
            status[below & (deprived >= k)] = _POOR
            status[below & (deprived < k) & (deprived + unknown < k)] = _NEAR
    return status, income, flags


def _numpy_tallies(
    table: HouseholdTable,
    standard: PovertyStandard,
    day: datetime.date,
    keys: Sequence[Hashable],
    np: Any,
) -> dict[Hashable, _Tally]:
    n = len(table)
    status, income, flags = _numpy_facts(table, standard, day, np)
    index: dict[Hashable, int] = {}
    group = np.fromiter((index.setdefault(key, len(index)) for key in keys), np.int64, n)
    size = len(index)

    def count(mask: Any) -> list[int]:
        return [int(x) for x in np.bincount(group[mask], minlength=size)]

    members_fit = not n or max(table.members) < _INT64_SAFE // n
    members = np.array(table.members if members_fit else [0] * n, dtype=np.int64)

    def persons(mask: Any) -> list[int]:
        if not members_fit:
            sums = [0] * size
            for i in np.flatnonzero(mask).tolist():
                sums[int(group[i])] += table.members[i]
            return sums
        total = np.zeros(size, dtype=np.int64)
        np.add.at(total, group[mask], members[mask])
        return [int(x) for x in total]

    everyone = np.ones(n, dtype=bool)
    tallies = {key: _Tally(standard) for key in index}
    per_group = list(tallies.values())
    columns = {
        "households": count(everyone),
        "persons": persons(everyone),
        "below": count(income == _AT_OR_BELOW),
        "income_known": count(income != _NO_INCOME),
    }
    by_status = [count(status == s) for s in range(4)]
    persons_by_status = [persons(status == s) for s in range(4)]
    ind = [(count(row == 1), count(row != -1)) for row in flags]
    dims = []
    for _, positions in per_group[0].dims if per_group else []:
        sub = flags[positions]
        any_deprived = (sub == 1).any(axis=0)
        dims.append((count(any_deprived), count(any_deprived | (sub == 0).all(axis=0))))
    for g, tally in enumerate(per_group):
        tally.households = columns["households"][g]
        tally.persons = columns["persons"][g]
        tally.below = columns["below"][g]
        tally.income_known = columns["income_known"][g]
        tally.statuses = [by_status[s][g] for s in range(4)]
        tally.status_persons = [persons_by_status[s][g] for s in range(4)]
        tally.ind_deprived = [dep[g] for dep, _ in ind]
        tally.ind_known = [known[g] for _, known in ind]
        tally.dim_deprived = [dep[g] for dep, _ in dims]
        tally.dim_known = [known[g] for _, known in dims]
    return tallies


# -- CSV --------------------------------------------------------------------------


def reads_households(
    text: str,
    *,
    file: str | None = None,
    income_unit: str = _UNIT,
    indicators: Iterable[str] | None = None,
) -> HouseholdTable:
    """A household table from CSV text; every row is checked before anything is returned.

    Columns: ``id``, ``area`` (``rural`` / ``urban`` or ``nông thôn`` /
    ``thành thị``), ``members``, ``income`` (a Vietnamese number in
    ``income_unit``, default đồng/person/month; empty when unknown), then
    optionally ``commune``, one column per deprivation indicator code
    (``1`` / ``có``, ``0`` / ``không``, empty for unknown) and any other
    column, kept for grouping.  All problems raise one
    :class:`~ntm_criteria.errors.DataErrors` naming each line and column;
    nothing is half-loaded.

    >>> table = reads_households('''id,commune,area,members,income,water,latrine
    ... H1,04036,nông thôn,4,1.400.000,1,có
    ... H2,04036,nông thôn,bốn,"1,5",0,
    ... H3,04036,vùng cao,3,1.000.000,2,0
    ... ''', file="ho.csv")
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.DataErrors: ho.csv: 3 problems:
      - line 3: members: cannot parse 'bốn' (expected a number in Vietnamese format...)
      - line 4: area: unknown area 'vùng cao' (expected rural or urban (nông thôn / thành thị))
      - line 4: water: '2' is not a deprivation flag (expected 1 / có (deprived), 0 / không (not deprived), or empty (unknown))
    """
    if not isinstance(text, str):
        raise DataError(f"{type(text).__name__} is not CSV text", file=file, expected="a string")
    reader = csv.reader(_io.StringIO(text.removeprefix("\ufeff"), newline=""))
    try:
        header = next(reader, None)
        if header is None:
            raise DataErrors(
                [
                    DataError(
                        "empty file", line=1, expected="columns " + ",".join(HOUSEHOLD_COLUMNS)
                    )
                ],
                file=file,
            )
        names = [name.strip() for name in header]
        _check_header(names, file)
        codes = _known_codes() if indicators is None else tuple(indicators)
        builder = _TableBuilder([n for n in names if n], income_unit, codes)
        last = reader.line_num
        for cells in reader:
            line, last = last + 1, reader.line_num
            if not any(cell.strip() for cell in cells):
                continue
            extra = [c for c in cells[len(names) :] if c.strip()]
            unnamed = [c for n, c in zip(names, cells, strict=False) if not n and c.strip()]
            if extra or unnamed:
                builder.problems.append(
                    DataError(f"{len(cells)} cells for {len(names)} columns", line=line)
                )
                continue
            row = {n: c for n, c in zip(names, cells, strict=False) if n}
            builder.add(row, (line, None))
    except csv.Error as err:
        raise DataError(f"malformed CSV: {err}", file=file, line=reader.line_num) from None
    return builder.build(file)


def _check_header(names: Sequence[str], file: str | None) -> None:
    problems = []
    missing = [c for c in HOUSEHOLD_COLUMNS if c not in names]
    if missing:
        problems.append(
            DataError(
                f"missing column(s) {', '.join(missing)}",
                line=1,
                expected="columns " + ",".join(HOUSEHOLD_COLUMNS),
            )
        )
    for name in sorted({n for n in names if n and names.count(n) > 1}):
        problems.append(DataError(f"duplicate column {name!r}", line=1))
    if problems:
        raise DataErrors(problems, file=file)


def read_households(
    path: str | Path, *, income_unit: str = _UNIT, indicators: Iterable[str] | None = None
) -> HouseholdTable:
    """A household table from a UTF-8 CSV file; see :func:`reads_households`.

    >>> read_households("no/such.csv")
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.DataError: no/such.csv: cannot read the file: No such file or directory
    """
    name = str(path)
    try:
        text = Path(path).read_bytes().decode("utf-8-sig")
    except OSError as err:
        raise DataError(f"cannot read the file: {err.strerror or err}", file=name) from None
    except UnicodeDecodeError as err:
        raise DataError(f"not UTF-8 text (byte {err.start})", file=name) from None
    return reads_households(text, file=name, income_unit=income_unit, indicators=indicators)


# =============================================================================
# The bridge to NTM criterion sets
# =============================================================================

_MEASURES = ("poor", "near_poor", "poor_or_near_poor")


def to_observation(
    rates: PovertyRates,
    indicator_code: str,
    *,
    measure: Literal["poor", "near_poor", "poor_or_near_poor"] = "poor",
    allow_undetermined: bool = False,
    source: str | None = None,
) -> Observation:
    """The observation an NTM set's poverty-rate indicator takes, from a commune's rates.

    The value is the share of households in ``measure`` as a percentage,
    exact, dated ``rates.on``.  Undetermined households would make the rate
    a guess, so they raise :class:`~ntm_criteria.errors.ObservationError`
    unless ``allow_undetermined`` is true (the rate is then among the decided
    households, and the source says how many were left out).

    >>> import datetime
    >>> from ntm_criteria import Locality, assess, demo
    >>> from ntm_criteria.units import Q_
    >>> codes = default_standards().get("nd-07-2021").indicator_codes
    >>> homes = [Household(f"H{i:02}", "rural", 4,
    ...                    Q_(1_300_000 if i < 2 else 2_600_000, "VND/person/month"),
    ...                    dict.fromkeys(codes, i == 0)) for i in range(40)]
    >>> obs = to_observation(rates(homes, on="2023-06-30"), "11.1")
    >>> obs.value, obs.as_of
    (<Quantity(5/2, 'percent')>, datetime.date(2023, 6, 30))
    >>> commune = Locality("04036", "Chiềng Xôm", "commune", region="TDMNPB")
    >>> result = assess(commune, demo.criterion_set(), [obs], on=datetime.date(2023, 6, 30))
    >>> print(result.criterion(11).summary())
    Tiêu chí 11 (Nghèo đa chiều): đạt
    """
    if measure not in _MEASURES:
        raise UnknownCodeError("poverty measure", str(measure), known=_MEASURES)
    headcount: Headcount = getattr(rates, measure)
    group = f" ({rates.group})" if rates.group is not None else ""
    if headcount.share is None:
        raise ObservationError(
            indicator_code,
            f"no household{group} has a decided {measure.replace('_', '-')} status "
            f"under {rates.legal_basis} on {rates.on.isoformat()}",
            expected="households whose income and deprivations decide their status",
        )
    if headcount.unknown and not allow_undetermined:
        raise ObservationError(
            indicator_code,
            f"{headcount.unknown} of {headcount.total} households{group} are undetermined "
            f"under {rates.legal_basis} on {rates.on.isoformat()}",
            expected="every household classified, or allow_undetermined=True",
        )
    left_out = f", {headcount.unknown} undetermined left out" if headcount.unknown else ""
    default = (
        f"ntm_criteria.poverty: {headcount.count}/{headcount.known} households "
        f"{measure.replace('_', '-')}{group}, {rates.legal_basis}, {rates.on.isoformat()}{left_out}"
    )
    return Observation(
        indicator_code,
        Q_(headcount.share * 100, "percent"),
        as_of=rates.on,
        source=source or default,
    )
