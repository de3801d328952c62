"""Threshold values that vary by region, date, commune group or locality tag.

A value inside a requirement is a small tree: leaves are :class:`Fixed`
numbers or :class:`Unspecified` gaps; branches choose a child by the
locality's region (:class:`ByRegion`), its 2026–2030 commune group
(:class:`ByGroup`), one of its tags (:class:`ByTag`) or the assessment date
(:class:`ByDate`).  Resolving a tree for one locality on one date gives a
leaf.
"""

from __future__ import annotations

import datetime
import enum
import itertools
from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from fractions import Fraction
from typing import TypeAlias

import attrs

from ntm_criteria._validators import (
    as_tuple,
    check_magnitude,
    check_number_text,
    enum_value,
    exact,
)
from ntm_criteria.errors import DataError, UnknownCodeError
from ntm_criteria.periods import Period
from ntm_criteria.text import message, pick

__all__ = [
    "ByDate",
    "ByGroup",
    "ByRegion",
    "ByTag",
    "Confidence",
    "Context",
    "Fixed",
    "Provenance",
    "Scaled",
    "Unspecified",
    "ValueSpec",
    "fixed_amounts",
    "in_range",
    "resolve",
]


class Confidence(enum.Enum):
    """How far a value can be trusted, as recorded in the data.

    >>> Confidence("official").label("vi")
    'chính thức'
    >>> Confidence.ILLUSTRATIVE.is_trusted
    False
    """

    #: Taken from the national legal text (or a table that quotes it).
    OFFICIAL = "official"
    #: Set by a province in its own decision (a provincial overlay).
    PROVINCIAL = "provincial"
    #: Made up for an example, a demo or a tutorial: never for reporting.
    ILLUSTRATIVE = "illustrative"
    #: Seen in a secondary source only, or not yet checked against the text.
    UNVERIFIED = "unverified"

    @property
    def is_trusted(self) -> bool:
        """True for official and provincial values, which a report may rest on."""
        return self in (Confidence.OFFICIAL, Confidence.PROVINCIAL)

    def label(self, lang: str = "vi") -> str:
        """The confidence in words, in Vietnamese or English."""
        return message(f"rules.confidence.{self.value}", lang)


_to_confidence = enum_value(Confidence, "confidence")


def _confidence(value: object) -> Confidence:
    return _to_confidence(value)


def _none_if_empty(text: str | None) -> str | None:
    return text or None


@attrs.frozen(slots=True)
class Provenance:
    """Where a value comes from: its legal source and how far it is trusted.

    ``certainty`` is the research grade of the source when known
    (``"high"``, ``"medium"`` or ``"low"``).

    >>> p = Provenance("318/QĐ-TTg, Annex I", Confidence.OFFICIAL, certainty="medium")
    >>> p.describe("en")
    '318/QĐ-TTg, Annex I (official, medium certainty)'
    """

    source: str | None = attrs.field(default=None, converter=_none_if_empty)
    confidence: Confidence = attrs.field(default=Confidence.UNVERIFIED, converter=_confidence)
    certainty: str | None = attrs.field(default=None)

    @certainty.validator
    def _check_certainty(self, _: object, value: str | None) -> None:
        if value is not None and value not in ("high", "medium", "low"):
            raise DataError(
                f"certainty {value!r} is not known",
                key_path="certainty",
                expected="high, medium or low",
            )

    def describe(self, lang: str = "en") -> str:
        """One line naming the source and the confidence."""
        source = self.source or message("rules.provenance.no_source", lang)
        extra = self.confidence.label(lang)
        if self.certainty:
            extra = message(
                "rules.provenance.with_certainty",
                lang,
                confidence=extra,
                certainty=message(f"rules.certainty.{self.certainty}", lang),
            )
        return message("rules.provenance.line", lang, source=source, extra=extra)


@attrs.frozen(slots=True)
class Context:
    """What a value may depend on: the locality's effective region, group, tags and the date.

    >>> Context(region="DBSCL", on=datetime.date(2022, 6, 15)).region
    'DBSCL'
    """

    on: datetime.date
    region: str | None = None
    group: int | None = None
    tags: frozenset[str] = frozenset()


def in_range(number: Fraction) -> Fraction:
    """``number`` if it is within the documented limits, else a :class:`DataError`.

    >>> in_range(Fraction(45))
    Fraction(45, 1)
    >>> in_range(Fraction(10) ** 5000)
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.DataError: number of 5001 digits is out of range (expected a number below 10**30 in absolute value)
    """
    return check_magnitude(number)


def _exact(value: float | int | str | Fraction | Decimal) -> Fraction:
    """A float as the decimal it prints as (1.1 is exactly 11/10), within the limits.

    Not quite :func:`ntm_criteria._validators.exact`: this one also takes a
    bool, as 0 or 1, as it always has.  Text and a :class:`~decimal.Decimal`
    are checked for length and exponent before any arithmetic (``Fraction``
    of ``"1e10000000"`` alone takes seconds).
    """
    if isinstance(value, bool):
        return Fraction(int(value))
    if isinstance(value, Decimal) and value.is_finite():
        check_number_text(str(value))
    return exact(value)


@attrs.frozen(slots=True)
class Fixed:
    """A known number, in the unit of the indicator it belongs to.

    ``provenance`` is ``None`` when the value inherits its indicator's.

    >>> Fixed(80).amount
    Fraction(80, 1)
    """

    amount: Fraction = attrs.field(converter=_exact)
    provenance: Provenance | None = None


def _pair(value: Iterable[str] | None) -> tuple[str, str] | None:
    if value is None:
        return None
    pair = tuple(value) if isinstance(value, Iterable) and not isinstance(value, str) else ()
    if len(pair) != 2:
        raise DataError(
            f"{type(value).__name__} is not a pair of names",
            key_path="missing",
            expected='["region", "DBSH"]',
        )
    return (str(pair[0]), str(pair[1]))


@attrs.frozen(slots=True)
class Unspecified:
    """A threshold or rule that is not known, or that the law leaves to the province.

    An indicator whose threshold is unspecified is assessed as *unknown*
    (never met, never failed) until a user supplies the value, typically in a
    provincial set that ``extends`` the national one.

    ``missing`` is set when a value table had no case for the locality or
    date: the dimension (``region``, ``group``, ``tag`` or ``date``) and the
    key that was looked for.

    >>> Unspecified("UBND cấp tỉnh quy định").note
    'UBND cấp tỉnh quy định'
    >>> Unspecified(missing=("region", "DBSH")).describe_missing("vi")
    'không có giá trị cho vùng DBSH'
    """

    note: str | None = None
    provenance: Provenance | None = None
    missing: tuple[str, str] | None = attrs.field(default=None, converter=_pair)
    #: ``note`` in Vietnamese and in English, when the data gives them; ``note``
    #: (as written) stands in for a form not given.
    note_vi: str | None = attrs.field(default=None, kw_only=True)
    note_en: str | None = attrs.field(default=None, kw_only=True)

    def note_in(self, lang: str = "vi") -> str | None:
        """The note in ``lang``, or as written when the data has no form in ``lang``.

        >>> Unspecified("not in the reference", note_vi="chưa có").note_in("vi")
        'chưa có'
        """
        if self.note is None:
            return None
        return pick(self.note_vi or self.note, self.note_en or self.note, lang)

    def describe_missing(self, lang: str = "vi") -> str | None:
        """Which case was missing, in words (``None`` when nothing was missing)."""
        if self.missing is None:
            return None
        dimension, key = self.missing
        try:
            what = message(f"rules.missing.{dimension}", lang)
        except UnknownCodeError:  # a dimension without a word of its own is named as is
            what = dimension
        return message("rules.missing.value", lang, what=what, key=key)


class _FrozenMap(Mapping[object, "ValueSpec"]):
    """A read-only, hashable mapping, so that value tables are hashable like the rest."""

    __slots__ = ("_data", "_hash")

    def __init__(self, data: Mapping[object, ValueSpec]) -> None:
        self._data = dict(data)
        self._hash: int | None = None

    def __getitem__(self, key: object) -> ValueSpec:
        return self._data[key]

    def __iter__(self) -> Iterator[object]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __hash__(self) -> int:
        if self._hash is None:
            self._hash = hash(frozenset(self._data.items()))
        return self._hash

    def __repr__(self) -> str:
        return repr(self._data)


def _frozen_mapping(value: Mapping[object, ValueSpec]) -> Mapping[object, ValueSpec]:
    return value if isinstance(value, _FrozenMap) else _FrozenMap(value)


@attrs.frozen(slots=True)
class ByRegion:
    """A value per socio-economic region, with an optional default.

    >>> v = ByRegion({"TDMNPB": Fixed(39)}, default=Fixed(45))
    >>> resolve(v, Context(on=datetime.date(2022, 1, 1), region="DBSH")).amount
    Fraction(45, 1)
    """

    cases: Mapping[str, ValueSpec] = attrs.field(converter=_frozen_mapping)
    default: ValueSpec | None = None


@attrs.frozen(slots=True)
class ByGroup:
    """A value per 2026–2030 commune group (1, 2 or 3), with an optional default.

    >>> v = ByGroup({1: Fixed(90), 3: Fixed(70)}, default=Fixed(80))
    >>> resolve(v, Context(on=datetime.date(2026, 3, 1), group=3)).amount
    Fraction(70, 1)
    """

    cases: Mapping[int, ValueSpec] = attrs.field(converter=_frozen_mapping)
    default: ValueSpec | None = None


@attrs.frozen(slots=True)
class ByTag:
    """A value chosen by the first listed tag the locality has, else the default.

    >>> v = ByTag((("island", Fixed(60)),), default=Fixed(80))
    >>> resolve(v, Context(on=datetime.date(2022, 1, 1), tags=frozenset({"island"}))).amount
    Fraction(60, 1)
    """

    cases: tuple[tuple[str, ValueSpec], ...] = attrs.field(converter=as_tuple)
    default: ValueSpec | None = None


@attrs.frozen(slots=True)
class ByDate:
    """A value per period of time (a year, or any dated span); periods never overlap.

    >>> v = ByDate(((Period.year(2022), Fixed(39)), (Period.year(2023), Fixed(42))))
    >>> resolve(v, Context(on=datetime.date(2023, 5, 1))).amount
    Fraction(42, 1)
    """

    cases: tuple[tuple[Period, ValueSpec], ...] = attrs.field(converter=as_tuple)
    default: ValueSpec | None = None

    def __attrs_post_init__(self) -> None:
        spans = sorted((period for period, _ in self.cases), key=lambda p: (p.start, p.end))
        for first, second in itertools.pairwise(spans):
            if first.overlaps(second):
                raise DataError(
                    f"periods {first} and {second} overlap", expected="disjoint periods"
                )


@attrs.frozen(slots=True)
class Scaled:
    """A threshold defined as ``factor`` times another set's threshold.

    ``ref`` names the other value as ``"<set id>:<indicator code>"``; the
    loader links ``base`` to that indicator's threshold, which is then
    resolved for the same locality and date.  Decision 319/QĐ-TTg asks a
    model commune for an income "at least 10% above" the advanced-commune
    level in force at the time: ``Scaled("…-advanced-…:10", Fraction(11, 10))``.

    >>> s = Scaled("adv:10", 1.1, base=ByRegion({"DBSH": Fixed(60)}))
    >>> resolve(s, Context(on=datetime.date(2024, 1, 1), region="DBSH")).amount
    Fraction(66, 1)
    >>> resolve(Scaled("adv:10", 1.1), Context(on=datetime.date(2024, 1, 1))).missing
    ('reference', 'adv:10')
    """

    ref: str
    factor: Fraction = attrs.field(converter=_exact)
    base: ValueSpec | None = attrs.field(default=None, eq=False, repr=False)
    provenance: Provenance | None = None


ValueSpec: TypeAlias = Fixed | Unspecified | ByRegion | ByGroup | ByTag | ByDate | Scaled
Leaf: TypeAlias = Fixed | Unspecified


def resolve(value: ValueSpec, context: Context) -> Leaf:
    """Pick the leaf of ``value`` that applies in ``context``.

    When a branch has no case for the context and no default, the result is an
    :class:`Unspecified` that says which case was missing.

    >>> table = ByDate(((Period.year(2022), ByRegion({"TDMNPB": Fixed(39)})),))
    >>> resolve(table, Context(on=datetime.date(2022, 6, 15), region="DBSH")).missing
    ('region', 'DBSH')
    >>> resolve(table, Context(on=datetime.date(2024, 1, 1), region="TDMNPB")).missing
    ('date', '2024-01-01')
    """
    while True:
        if isinstance(value, Fixed | Unspecified):
            return value
        if isinstance(value, Scaled):
            return _scaled(value, context)
        chosen, missing = _branch(value, context)
        if chosen is None:
            return Unspecified(missing=missing)
        value = chosen


def fixed_amounts(value: ValueSpec) -> tuple[Fraction, ...]:
    """Every known number ``value`` can resolve to, in any context (cases and defaults).

    >>> fixed_amounts(ByRegion({"TDMNPB": Fixed(39)}, default=Fixed(45)))
    (Fraction(39, 1), Fraction(45, 1))
    >>> fixed_amounts(Unspecified())
    ()
    """
    if isinstance(value, Fixed):
        return (value.amount,)
    if isinstance(value, Unspecified):
        return ()
    if isinstance(value, Scaled):
        base = fixed_amounts(value.base) if value.base is not None else ()
        return tuple(amount * value.factor for amount in base)
    if isinstance(value, ByRegion | ByGroup):
        below = list(value.cases.values())
    else:
        below = [spec for _, spec in value.cases]
    if value.default is not None:
        below.append(value.default)
    return tuple(amount for spec in below for amount in fixed_amounts(spec))


def _scaled(value: Scaled, context: Context) -> Leaf:
    if value.base is None:
        return Unspecified(provenance=value.provenance, missing=("reference", value.ref))
    leaf = resolve(value.base, context)
    if isinstance(leaf, Unspecified):
        # The note is shown in explanations: it comes in both languages.
        note_en, note_vi = (_base_unspecified(value.ref, leaf, lang) for lang in ("en", "vi"))
        return Unspecified(note_en, value.provenance, leaf.missing, note_vi=note_vi)
    try:
        return Fixed(leaf.amount * value.factor, value.provenance or leaf.provenance)
    except DataError:  # the product is over the number limits: no threshold to compare with
        fields = {"ref": value.ref, "factor": value.factor}
        note_en, note_vi = (
            message("rules.scaled.out_of_range", lang, **fields) for lang in ("en", "vi")
        )
        return Unspecified(note_en, value.provenance, note_vi=note_vi)


def _base_unspecified(ref: str, leaf: Unspecified, lang: str) -> str:
    """Why a threshold relative to ``ref`` is unspecified: ``ref``'s own note, in ``lang``."""
    note = leaf.note_in(lang)
    if note is None:
        return message("rules.scaled.base_unspecified", lang, ref=ref)
    return message("rules.scaled.base_unspecified_because", lang, ref=ref, note=note)


def _branch(
    value: ByRegion | ByGroup | ByTag | ByDate, ctx: Context
) -> tuple[ValueSpec | None, tuple[str, str]]:
    if isinstance(value, ByRegion):
        found = value.cases.get(ctx.region) if ctx.region is not None else None
        return found or value.default, ("region", ctx.region or "?")
    if isinstance(value, ByGroup):
        found = value.cases.get(ctx.group) if ctx.group is not None else None
        return found or value.default, ("group", str(ctx.group or "?"))
    if isinstance(value, ByTag):
        for tag, spec in value.cases:
            if tag in ctx.tags:
                return spec, ("tag", tag)
        return value.default, ("tag", ", ".join(sorted(ctx.tags)) or "?")
    for period, spec in value.cases:
        if ctx.on in period:
            return spec, ("date", "")
    return value.default, ("date", ctx.on.isoformat())
