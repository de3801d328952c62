"""Poverty standards as data: their lines, deprivation indicators and dates in force."""

from __future__ import annotations

import datetime
import itertools
from collections.abc import Iterable, Iterator

import attrs

from ntm_criteria._validators import as_tuple
from ntm_criteria.errors import DataError, NotInForceError, UnknownCodeError
from ntm_criteria.periods import Period, as_date
from ntm_criteria.poverty._areas import Area
from ntm_criteria.rules import (
    AtLeastK,
    AtMost,
    ByDate,
    Context,
    Fixed,
    Provenance,
    Ref,
    Unspecified,
    ValueSpec,
    resolve,
)
from ntm_criteria.text import pick

__all__ = ["DeprivationIndicator", "Dimension", "InForce", "PovertyStandard", "PovertyStandards"]


@attrs.frozen(slots=True)
class DeprivationIndicator:
    """One indicator of deprivation in basic social services (chỉ số thiếu hụt).

    ``definition`` says what *deprived* means as the reference reports it
    (:class:`~ntm_criteria.rules.Unspecified` where it does not), and
    ``provenance`` is that definition's.  The library never computes it: a
    household's deprivation in each indicator is given as data.

    >>> from ntm_criteria.poverty import default_standards
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
        return pick(self.name_vi, self.name_en, lang)


@attrs.frozen(slots=True)
class Dimension:
    """A dimension of poverty (chiều thiếu hụt) and the codes of its indicators.

    ``indicators`` is empty when the standard's indicator list is unspecified.

    >>> from ntm_criteria.poverty import default_standards
    >>> housing = default_standards().get("nd-07-2021").dimension("housing")
    >>> housing.name("vi"), housing.indicators
    ('Nhà ở', ('housing_quality', 'floor_area'))
    """

    code: str
    name_vi: str
    name_en: str
    indicators: tuple[str, ...] = attrs.field(default=(), converter=as_tuple)

    def name(self, lang: str = "vi") -> str:
        """The dimension's name in Vietnamese or English."""
        return pick(self.name_vi, self.name_en, lang)


@attrs.frozen(slots=True)
class InForce:
    """A span of dates on which a standard applies, and the legal text that says so.

    >>> from ntm_criteria.poverty import default_standards
    >>> basis = default_standards().get("nd-07-2021").basis("2026-06-30")
    >>> str(basis.period), basis.provenance.source[:23]
    ('2026-01-01/2026-12-31', 'Decree 351/2025/NĐ-CP (')
    """

    period: Period
    provenance: Provenance


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

    >>> from ntm_criteria.poverty import default_standards
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
    in_force: tuple[InForce, ...] = attrs.field(converter=as_tuple)
    income_line: ValueSpec
    min_deprivations: Fixed | Unspecified
    dimensions: tuple[Dimension, ...] = attrs.field(converter=as_tuple)
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
        return pick(self.title_vi, self.title_en, lang)

    def is_in_force(self, on: datetime.date | str) -> bool:
        """True when the standard applies on ``on``.

        >>> from ntm_criteria.poverty import default_standards
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

        >>> from ntm_criteria.poverty import default_standards
        >>> default_standards().get("qd-59-2015").validity_label()
        '2016-01-01 – 2021-12-31'
        """
        return spans_label(f.period for f in self.in_force)

    def line(self, area: Area | str, on: datetime.date | str) -> Fixed | Unspecified:
        """The income line for ``area`` on ``on``, in đồng/person/month, with its provenance.

        >>> from ntm_criteria.poverty import default_standards
        >>> default_standards().get("qd-59-2015").line("rural", "2021-06-30").amount
        Fraction(700000, 1)
        """
        context = Context(on=as_date(on), tags=frozenset({Area.parse(area).value}))
        return resolve(self.income_line, context)

    def income_requirement(self, area: Area | str, on: datetime.date | str) -> AtMost:
        """The income test as a requirement: at most the line.

        >>> from ntm_criteria.rules import describe
        >>> from ntm_criteria.poverty import default_standards
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


def spans_label(periods: Iterable[Period]) -> str:
    """Contiguous periods merged: ``2016-01-01 – 2030-12-31``.

    >>> day = datetime.date
    >>> spans_label([Period(day(2016, 1, 1), day(2021, 12, 31)),
    ...              Period(day(2022, 1, 1), day(2030, 12, 31))])
    '2016-01-01 – 2030-12-31'
    """
    merged: list[list[datetime.date]] = []
    for period in sorted(periods, key=lambda p: p.start):
        if merged and period.start == merged[-1][1] + datetime.timedelta(days=1):
            merged[-1][1] = period.end
        else:
            merged.append([period.start, period.end])
    return ", ".join(f"{start.isoformat()} – {end.isoformat()}" for start, end in merged)


@attrs.frozen(slots=True)
class PovertyStandards:
    """The poverty standards in sequence; the one in force on a date decides.

    >>> from ntm_criteria.poverty import default_standards
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

    standards: tuple[PovertyStandard, ...] = attrs.field(converter=as_tuple)

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
        >>> from ntm_criteria.poverty import default_standards
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
        return spans_label(span.period for s in self.standards for span in s.in_force)
