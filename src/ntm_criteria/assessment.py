"""Assessing a locality against a criterion set, as of a date.

:func:`assess` takes a :class:`~ntm_criteria.geography.Locality`, a
:class:`~ntm_criteria.criteria.CriterionSet` and :class:`Observation` values,
and returns an :class:`AssessmentResult`: per indicator and criterion the
status, the actual value, the required threshold resolved for this locality
and date, the gap, and the provenance of the threshold; for the set the
counts ("đạt 7/19 tiêu chí") and a readable explanation.

>>> import datetime
>>> from ntm_criteria.criteria import demo_set
>>> from ntm_criteria.geography import Locality
>>> from ntm_criteria.units import Q_
>>> commune = Locality("99001", "Xã Minh Họa", "commune", region="DBSCL")
>>> result = assess(commune, demo_set(), [
...     Observation("3.1", Q_(85, "percent")),
...     Observation("3.2", True),
...     Observation("10.1", Q_(41.5, "million_VND / person / year")),
... ], on=datetime.date(2022, 6, 15))
>>> (result.met_count, result.total, result.status.label("vi"))
(1, 2, 'chưa đạt')
>>> print(result.criterion(10).summary("vi"))
Tiêu chí 10 (Thu nhập): chưa đạt — 41,5 < 45 triệu đồng/người/năm
"""

from __future__ import annotations

import datetime
import decimal
import functools
from collections.abc import Iterable, Mapping
from fractions import Fraction
from numbers import Real
from typing import Any, TypeAlias

import attrs
import pint

from ntm_criteria.criteria import CriterionSet, Indicator
from ntm_criteria.errors import (
    DataError,
    NotInForceError,
    ObservationError,
    ScopeError,
    UnknownCodeError,
)
from ntm_criteria.geography import Locality
from ntm_criteria.periods import as_date, as_optional_date
from ntm_criteria.rules import (
    AllOf,
    AnyOf,
    AtLeast,
    AtLeastK,
    AtMost,
    Between,
    Equals,
    Fixed,
    Observed,
    OneOf,
    Problems,
    Provenance,
    Ref,
    Requirement,
    Status,
    UnknownReason,
    Unspecified,
    Verdict,
    combine,
    describe,
    evaluate,
    number_from_data,
    number_to_data,
    provenance_from_data,
    provenance_to_data,
    requirement_from_data,
    requirement_to_data,
)
from ntm_criteria.text import check_lang, format_number, format_quantity
from ntm_criteria.units import Quantity, to_exact, ureg

__all__ = [
    "AssessmentResult",
    "CriterionOutcome",
    "IndicatorOutcome",
    "Observation",
    "ObservedValue",
    "assess",
]

#: What an observation may hold: a pint quantity, a pass/fail, a grade, or a bare number.
ObservedValue: TypeAlias = Quantity | bool | str | int | float | decimal.Decimal | Fraction


@attrs.frozen(slots=True)
class Observation:
    """What a locality has achieved on one indicator, optionally dated and sourced.

    ``value`` is a pint quantity (``Q_(85, "percent")``), a bool for a
    pass/fail indicator (đạt / không đạt), a grade name, or a bare number
    where the indicator's unit makes it unambiguous (percentages and counts;
    money and rates per time need a quantity).

    >>> Observation("3.2", True, as_of="15/6/2022").as_of
    datetime.date(2022, 6, 15)
    """

    indicator_code: str
    value: ObservedValue
    as_of: datetime.date | None = attrs.field(default=None, converter=as_optional_date)
    source: str | None = None


@attrs.frozen(slots=True)
class IndicatorOutcome:
    """The outcome of one indicator: status, actual, required, gap and provenance.

    ``actual`` is the observed value in the indicator's ``unit`` (exact);
    ``required`` is the requirement with its thresholds resolved for the
    locality and date; ``gap`` is how far short the value is, in ``unit``,
    and ``relative_gap`` the gap as a share of the threshold.

    >>> from ntm_criteria import demo
    >>> r = assess(demo.gazetteer().effective("04036"), demo.criterion_set(),
    ...            demo.observations()["04036"], on=demo.ASSESSMENT_DATE)
    >>> income = r.indicator("10.1")
    >>> (income.status.label("en"), income.actual, income.gap, income.relative_gap)
    ('not met', Fraction(83, 2), Fraction(1, 2), Fraction(1, 84))
    >>> income.summary("en")
    '10.1 (Average rural income per person): not met — 41.5 < 42 million VND/person/year'
    """

    code: str
    name_vi: str
    name_en: str
    unit: str | None
    status: Status
    reason: UnknownReason | None
    actual: Observed | None
    required: Requirement
    gap: Fraction | None
    relative_gap: Fraction | None
    provenance: Provenance
    needs_investment: bool | None = None
    as_of: datetime.date | None = None
    source: str | None = None

    @property
    def is_trusted(self) -> bool:
        """False when the threshold is illustrative or unverified."""
        return self.provenance.confidence.is_trusted

    def detail(self, lang: str = "vi") -> str:
        """The value against its threshold: ``41,5 < 45 triệu đồng/người/năm``, or why unknown.

        Empty for a met pass/fail indicator and for a not-applicable one.
        """
        return _detail(self, lang).removeprefix(" — ")

    def summary(self, lang: str = "vi") -> str:
        """``3.1 (Tưới tiêu chủ động): đạt — 85% (≥ 80%)``-style line."""
        name = self.name_vi if lang == "vi" else self.name_en
        return f"{self.code} ({name}): {self.status.label(lang)}{_detail(self, lang)}"


def _indicator_outcomes(values: Iterable[IndicatorOutcome]) -> tuple[IndicatorOutcome, ...]:
    return tuple(values)


@attrs.frozen(slots=True)
class CriterionOutcome:
    """The outcome of one criterion and of each of its indicators.

    >>> from ntm_criteria import demo
    >>> r = assess(demo.gazetteer().effective("04036"), demo.criterion_set(),
    ...            demo.observations()["04036"], on=demo.ASSESSMENT_DATE)
    >>> c = r.criterion(13)
    >>> (c.status.label("vi"), [i.code for i in c.indicators], c.rule)
    ('chưa đạt', ['13.1', '13.2', '13.3'], AtLeastK(k=2, items=(Ref(code='13.1'), Ref(code='13.2'), Ref(code='13.3'))))
    >>> c.summary("vi")
    'Tiêu chí 13 (Tổ chức sản xuất và phát triển kinh tế nông thôn): chưa đạt — 13.2: 0 < 1; 13.3: không đạt'
    """

    number: int
    name_vi: str
    name_en: str
    status: Status
    reason: UnknownReason | None
    indicators: tuple[IndicatorOutcome, ...] = attrs.field(converter=_indicator_outcomes)
    rule: Requirement

    def label(self, lang: str = "vi") -> str:
        """``Tiêu chí 10 (Thu nhập)`` / ``Criterion 10 (Income)``."""
        if lang == "vi":
            return f"Tiêu chí {self.number} ({self.name_vi})"
        return f"Criterion {self.number} ({self.name_en})"

    def summary(self, lang: str = "vi") -> str:
        """One review-minute line: ``Tiêu chí 10 (Thu nhập): chưa đạt — 41,5 < 45 …``."""
        head = f"{self.label(lang)}: {self.status.label(lang)}"
        if self.status is Status.NOT_MET:
            failed = [i for i in self.indicators if i.status is Status.NOT_MET]
            if len(self.indicators) == 1 and failed:
                return head + _detail(failed[0], lang)
            return head + " — " + "; ".join(_short(i, lang) for i in failed)
        if self.status is Status.UNKNOWN:
            undecided = [i for i in self.indicators if i.status is Status.UNKNOWN]
            return head + " — " + "; ".join(_undecided(i, lang) for i in undecided)
        return head


def _criterion_outcomes(values: Iterable[CriterionOutcome]) -> tuple[CriterionOutcome, ...]:
    return tuple(values)


@attrs.frozen(slots=True)
class AssessmentResult:
    """The assessment of one locality against one set, as of one date.

    ``met_count`` of ``total`` criteria are met; ``unknown_count`` cannot be
    decided yet.  :meth:`explain` renders the result as a short review
    minute in Vietnamese or English.

    >>> from ntm_criteria import demo
    >>> r = assess(demo.gazetteer().effective("30004"), demo.criterion_set(),
    ...            demo.observations()["30004"], on=demo.ASSESSMENT_DATE)
    >>> (r.met_count, r.total, r.unknown_count, r.status.label("en"))
    (5, 8, 1, 'not met')
    >>> [o.code for o in r.shortfalls()], [o.code for o in r.needs_data()]
    (['10.1', '11.1'], ['17.1'])
    >>> print(r.headline("en"))
    Truong Xuan commune: 5/8 criteria met (Illustrative new rural commune set, 2023-06-30); 1 undecided
    """

    locality: Locality
    set_id: str
    set_title_vi: str
    set_title_en: str
    on: datetime.date
    status: Status
    reason: UnknownReason | None
    criteria: tuple[CriterionOutcome, ...] = attrs.field(converter=_criterion_outcomes)

    @property
    def total(self) -> int:
        """The number of criteria in the set."""
        return len(self.criteria)

    def _count(self, status: Status) -> int:
        return sum(1 for c in self.criteria if c.status is status)

    @property
    def met_count(self) -> int:
        """Criteria met (the x in "đạt x/19 tiêu chí")."""
        return self._count(Status.MET)

    @property
    def not_met_count(self) -> int:
        """Criteria not met."""
        return self._count(Status.NOT_MET)

    @property
    def unknown_count(self) -> int:
        """Criteria that cannot be decided (missing data or unspecified thresholds)."""
        return self._count(Status.UNKNOWN)

    @property
    def not_applicable_count(self) -> int:
        """Criteria that do not apply to this locality."""
        return self._count(Status.NOT_APPLICABLE)

    def indicators(self) -> tuple[IndicatorOutcome, ...]:
        """Every indicator outcome, criterion by criterion."""
        return tuple(i for c in self.criteria for i in c.indicators)

    def indicator(self, code: str) -> IndicatorOutcome:
        """The outcome of the indicator with ``code``."""
        for outcome in self.indicators():
            if outcome.code == code:
                return outcome
        raise UnknownCodeError(
            "indicator", code, known=[i.code for i in self.indicators()], where=f"set {self.set_id}"
        )

    def criterion(self, number: int) -> CriterionOutcome:
        """The outcome of criterion ``number``."""
        for outcome in self.criteria:
            if outcome.number == number:
                return outcome
        raise UnknownCodeError(
            "criterion",
            str(number),
            known=[str(c.number) for c in self.criteria],
            where=f"set {self.set_id}",
        )

    def shortfalls(self) -> tuple[IndicatorOutcome, ...]:
        """Indicators not met, in set order (each with its gap)."""
        return tuple(i for i in self.indicators() if i.status is Status.NOT_MET)

    def needs_data(self) -> tuple[IndicatorOutcome, ...]:
        """Indicators that cannot be decided, in set order (see each ``reason``)."""
        return tuple(i for i in self.indicators() if i.status is Status.UNKNOWN)

    def untrusted(self) -> tuple[IndicatorOutcome, ...]:
        """Applicable indicators whose threshold is illustrative or unverified."""
        return tuple(
            i
            for i in self.indicators()
            if not i.is_trusted and i.status is not Status.NOT_APPLICABLE
        )

    def headline(self, lang: str = "vi") -> str:
        """``Xã Minh Họa: đạt 1/2 tiêu chí (Bộ tiêu chí minh họa, 15/06/2022)``."""
        date = self.on.strftime("%d/%m/%Y") if lang == "vi" else self.on.isoformat()
        name = self.locality.label(lang)
        name = name[:1].upper() + name[1:]
        if lang == "vi":
            text = (
                f"{name}: đạt {self.met_count}/{self.total} tiêu chí ({self.set_title_vi}, {date})"
            )
            return text + (
                f"; {self.unknown_count} tiêu chí chưa xác định" if self.unknown_count else ""
            )
        text = f"{name}: {self.met_count}/{self.total} criteria met ({self.set_title_en}, {date})"
        return text + (f"; {self.unknown_count} undecided" if self.unknown_count else "")

    def explain(self, lang: str = "vi") -> str:
        """A short, readable review minute of the whole result.

        It names every criterion with its status, the failing values against
        their thresholds, what needs data, and warns when a result rests on an
        illustrative or unverified threshold.
        """
        check_lang(lang)
        lines = [self.headline(lang)]
        lines += [c.summary(lang) for c in self.criteria]
        untrusted = self.untrusted()
        if untrusted:
            codes = ", ".join(i.code for i in untrusted)
            if lang == "vi":
                lines.append(
                    f"Lưu ý: kết quả dựa trên ngưỡng minh họa hoặc chưa kiểm chứng "
                    f"(chỉ tiêu {codes}); không dùng để báo cáo chính thức."
                )
            else:
                lines.append(
                    f"Note: this result rests on illustrative or unverified thresholds "
                    f"(indicators {codes}); not for official reporting."
                )
        return "\n".join(lines)

    # -- plain data ----------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """The result as plain data (JSON-ready); :meth:`from_dict` reads it back."""
        return {
            "locality": self.locality.to_dict(),
            "set_id": self.set_id,
            "set_title_vi": self.set_title_vi,
            "set_title_en": self.set_title_en,
            "on": self.on.isoformat(),
            "status": self.status.value,
            "reason": self.reason.value if self.reason else None,
            "criteria": [_criterion_to_data(c) for c in self.criteria],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> AssessmentResult:
        """Read a result written by :meth:`to_dict`."""
        try:
            return cls(
                locality=Locality.from_dict(data["locality"]),
                set_id=data["set_id"],
                set_title_vi=data["set_title_vi"],
                set_title_en=data["set_title_en"],
                on=as_date(data["on"]),
                status=Status(data["status"]),
                reason=_reason(data["reason"]),
                criteria=[_criterion_from_data(c) for c in data["criteria"]],
            )
        except (KeyError, TypeError, ValueError) as err:
            if isinstance(err, DataError):
                raise
            raise DataError(
                f"not an assessment result: {err!r}",
                expected="data written by AssessmentResult.to_dict",
            ) from None


# -- assess ---------------------------------------------------------------------


def assess(
    locality: Locality,
    criterion_set: CriterionSet,
    observations: Iterable[Observation],
    *,
    on: datetime.date | str,
    check_validity: bool = True,
) -> AssessmentResult:
    """Assess ``locality`` against ``criterion_set`` as of ``on``.

    Of several observations of one indicator, the latest dated on or before
    ``on`` counts (undated ones count as of ``on``); later ones are ignored.
    Raises :class:`~ntm_criteria.errors.UnknownCodeError` for an observation
    of an indicator the set lacks, :class:`~ntm_criteria.errors.UnitError`
    for a value of the wrong dimension,
    :class:`~ntm_criteria.errors.ObservationError` for a value of the wrong
    kind, :class:`~ntm_criteria.errors.ScopeError` when the set does not
    cover the locality's kind, and — unless ``check_validity`` is false —
    :class:`~ntm_criteria.errors.NotInForceError` when the set is not in
    force on ``on``.  See the module example, and:

    >>> import datetime
    >>> from ntm_criteria import Locality, demo
    >>> assess(Locality("1", "Phường 1", "ward"), demo.criterion_set(), [], on="1/1/2023")
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.ScopeError: set 'demo-commune-standard' covers commune; 1 (Phường 1) is a ward
    """
    on = as_date(on)
    if locality.kind not in criterion_set.scope:
        kinds = ", ".join(kind.value for kind in criterion_set.scope)
        raise ScopeError(
            f"set {criterion_set.id!r} covers {kinds}; "
            f"{locality.code} ({locality.name_vi}) is a {locality.kind.value}"
        )
    if check_validity and not criterion_set.is_in_force(on):
        raise NotInForceError(criterion_set.id, on.isoformat(), criterion_set.validity_label())
    chosen = _select(observations, criterion_set, on)
    context = criterion_set.context_for(locality, on)
    resolved = criterion_set.resolved(context)
    outcomes: dict[str, IndicatorOutcome] = {}
    for indicator, required in zip(criterion_set.indicators(), resolved, strict=True):
        outcomes[indicator.code] = _indicator_outcome(
            indicator, required, chosen.get(indicator.code), locality
        )
    criteria = []
    for criterion, rule in zip(criterion_set.criteria, criterion_set.criterion_rules, strict=True):
        children = tuple(outcomes[i.code] for i in criterion.indicators)
        status, reason = _combine(rule, {o.code: o for o in children})
        criteria.append(
            CriterionOutcome(
                criterion.number,
                criterion.name_vi,
                criterion.name_en,
                status,
                reason,
                children,
                rule,
            )
        )
    by_number = {str(c.number): c for c in criteria}
    status, reason = _combine(criterion_set.effective_rule, by_number)
    return AssessmentResult(
        locality,
        criterion_set.id,
        criterion_set.title_vi,
        criterion_set.title_en,
        on,
        status,
        reason,
        criteria,
    )


def _select(
    observations: Iterable[Observation], criterion_set: CriterionSet, on: datetime.date
) -> dict[str, Observation]:
    chosen: dict[str, Observation] = {}
    unknown: list[str] = []
    for observation in observations:
        if not isinstance(observation, Observation):
            raise ObservationError(
                "?",
                f"{observation!r} is not an Observation",
                expected="Observation(indicator_code, value)",
            )
        code = observation.indicator_code
        try:
            criterion_set.indicator(code)
        except UnknownCodeError:
            unknown.append(code)
            continue
        when = observation.as_of or on
        if when > on:
            continue
        previous = chosen.get(code)
        if previous is not None:
            previous_when = previous.as_of or on
            if previous_when == when:
                raise ObservationError(
                    code,
                    f"two observations as of {when.isoformat()}",
                    expected="one value per indicator and date",
                )
            if previous_when > when:
                continue
        chosen[code] = observation
    if unknown:
        codes = ", ".join(dict.fromkeys(unknown))
        raise UnknownCodeError(
            "indicator",
            codes,
            known=[i.code for i in criterion_set.indicators()],
            where=f"observations for set {criterion_set.id}",
        )
    return chosen


def _indicator_outcome(
    indicator: Indicator,
    required: Requirement,
    observation: Observation | None,
    locality: Locality,
) -> IndicatorOutcome:
    provenance = _threshold_provenance(required) or indicator.provenance

    def outcome(verdict: Verdict, actual: Observed | None) -> IndicatorOutcome:
        return IndicatorOutcome(
            indicator.code,
            indicator.name_vi,
            indicator.name_en,
            indicator.unit,
            verdict.status,
            verdict.reason,
            actual,
            required,
            verdict.gap,
            verdict.relative_gap,
            provenance,
            indicator.needs_investment,
            observation.as_of if observation else None,
            observation.source if observation else None,
        )

    applies = indicator.applies_to
    if applies is not None and not applies.applies(locality.tags, locality.group):
        return outcome(Verdict(Status.NOT_APPLICABLE), None)
    if observation is None:
        reason = (
            UnknownReason.UNSPECIFIED
            if isinstance(required, Unspecified)
            else UnknownReason.NO_DATA
        )
        return outcome(Verdict(Status.UNKNOWN, reason), None)
    actual = _observed(indicator, observation.value)
    return outcome(evaluate(required, actual), actual)


def _observed(indicator: Indicator, value: ObservedValue) -> Observed:
    kind = indicator.value_kind
    code = indicator.code
    if isinstance(value, bool):
        if kind in ("bool", "any"):
            return value
        raise ObservationError(code, f"got {value!r}", expected=_expected(indicator))
    if isinstance(value, str):
        if kind in ("grade", "any"):
            return value
        raise ObservationError(
            code,
            f"got the text {value!r}",
            expected=_expected(indicator)
            + "; parse text with units.parse_number or units.parse_quantity",
        )
    if kind in ("bool", "grade"):
        raise ObservationError(code, f"got {value!r}", expected=_expected(indicator))
    if isinstance(value, pint.Quantity):
        return to_exact(value, indicator.unit or "dimensionless", indicator=code)
    if isinstance(value, Real | decimal.Decimal):
        unit = indicator.unit or "dimensionless"
        if _needs_quantity(unit):
            raise ObservationError(
                code,
                f"a bare number {value!r} is ambiguous for a value in {unit}",
                expected=f"a quantity such as Q_({value}, {unit!r})",
            )
        return to_exact(value, unit, indicator=code)
    raise ObservationError(
        code, f"got {type(value).__name__} {value!r}", expected=_expected(indicator)
    )


@functools.lru_cache(maxsize=256)
def _needs_quantity(unit: str) -> bool:
    dimensions = ureg.parse_units(unit).dimensionality
    return any(name in dimensions for name in ("[currency]", "[time]"))


def _expected(indicator: Indicator) -> str:
    kind = indicator.value_kind
    if kind == "bool":
        return "True or False (đạt / không đạt)"
    if kind == "grade":
        requirement = indicator.requirement
        grades = requirement.grades if isinstance(requirement, OneOf) else ()
        return "a grade" + (f" ({', '.join(grades)})" if grades else "")
    return f"a quantity in {indicator.unit or 'dimensionless'}"


def _threshold_provenance(requirement: Requirement) -> Provenance | None:
    if isinstance(requirement, AtLeast | AtMost | Equals):
        leaves = [requirement.value]
    elif isinstance(requirement, Between):
        leaves = [requirement.low, requirement.high]
    elif isinstance(requirement, Unspecified):
        return requirement.provenance
    elif isinstance(requirement, AllOf | AnyOf | AtLeastK):
        for item in requirement.items:
            if not isinstance(item, Ref) and (found := _threshold_provenance(item)):
                return found
        return None
    else:
        return None
    for leaf in leaves:
        if isinstance(leaf, Fixed | Unspecified) and leaf.provenance is not None:
            return leaf.provenance
    return None


def _combine(
    rule: Requirement, outcomes: Mapping[str, IndicatorOutcome | CriterionOutcome]
) -> tuple[Status, UnknownReason | None]:
    if not isinstance(rule, AllOf | AnyOf | AtLeastK):
        raise DataError(f"a rule must combine codes, not {type(rule).__name__}")
    statuses: list[Status] = []
    reasons: set[UnknownReason | None] = set()
    for item in rule.items:
        if isinstance(item, Ref):
            child = outcomes[item.code]
            statuses.append(child.status)
            if child.status is Status.UNKNOWN:
                reasons.add(child.reason)
        else:
            status, reason = _combine(item, outcomes)
            statuses.append(status)
            if status is Status.UNKNOWN:
                reasons.add(reason)
    status = combine(rule, statuses)
    if status is not Status.UNKNOWN:
        return status, None
    if len(reasons) == 1 and None not in reasons:
        return status, reasons.pop()
    return status, UnknownReason.DEPENDS


# -- text -------------------------------------------------------------------------

_NEGATION = {AtLeast: "<", AtMost: ">", Equals: "≠"}


def _actual_text(outcome: IndicatorOutcome, lang: str) -> str:
    actual = outcome.actual
    if isinstance(actual, bool):
        yes, no = ("đạt", "không đạt") if lang == "vi" else ("achieved", "not achieved")
        return yes if actual else no
    if isinstance(actual, str):
        return actual
    if actual is None:
        return "—"
    return format_quantity(actual, outcome.unit or "", check_lang(lang))


def _detail(outcome: IndicatorOutcome, lang: str) -> str:
    if outcome.status is Status.UNKNOWN:
        return " — " + _why_unknown(outcome, lang)
    actual = outcome.actual
    if outcome.status is Status.NOT_APPLICABLE or actual is None:
        return ""
    if isinstance(actual, bool):
        return "" if actual else " — " + _actual_text(outcome, lang)
    required = outcome.required
    if outcome.status is Status.NOT_MET:
        if isinstance(required, AtLeast | AtMost | Equals) and isinstance(required.value, Fixed):
            threshold = describe(required, outcome.unit, lang)[2:]
            return f" — {_number_only(outcome, lang)} {_NEGATION[type(required)]} {threshold}"
        if isinstance(required, OneOf):
            word = "không thuộc" if lang == "vi" else "is not"
            return f" — {actual} {word} {describe(required, None, lang)}"
    return f" — {_actual_text(outcome, lang)} ({describe(required, outcome.unit, lang)})"


def _number_only(outcome: IndicatorOutcome, lang: str) -> str:
    actual = outcome.actual
    if isinstance(actual, Fraction) and outcome.unit in ("percent", "%"):
        return format_quantity(actual, outcome.unit or "", check_lang(lang))
    if isinstance(actual, Fraction):
        return format_number(actual, "vi" if lang == "vi" else "en")
    return _actual_text(outcome, lang)


def _why_unknown(outcome: IndicatorOutcome, lang: str) -> str:
    reason = outcome.reason or UnknownReason.DEPENDS
    text = reason.label(lang)
    if reason is UnknownReason.UNSPECIFIED:
        gap = _unspecified_leaf(outcome.required)
        detail = gap and (gap.note or gap.describe_missing(lang))
        if detail:
            text += f" ({detail})"
    return text


def _unspecified_leaf(requirement: Requirement) -> Unspecified | None:
    if isinstance(requirement, Unspecified):
        return requirement
    values: list[object] = []
    if isinstance(requirement, AtLeast | AtMost | Equals):
        values = [requirement.value]
    elif isinstance(requirement, Between):
        values = [requirement.low, requirement.high]
    return next((v for v in values if isinstance(v, Unspecified)), None)


def _short(outcome: IndicatorOutcome, lang: str) -> str:
    detail = outcome.detail(lang)
    return f"{outcome.code}: {detail}" if detail else outcome.code


def _undecided(outcome: IndicatorOutcome, lang: str) -> str:
    return f"{outcome.code}: {_why_unknown(outcome, lang)}"


# -- plain data ---------------------------------------------------------------------


def _reason(value: object) -> UnknownReason | None:
    return None if value is None else UnknownReason(value)


def _observed_to_data(value: Observed | None) -> object:
    if isinstance(value, Fraction):
        return {"number": number_to_data(value)}
    return value


def _observed_from_data(value: object) -> Observed | None:
    if isinstance(value, Mapping):
        problems = Problems()
        number = number_from_data(value.get("number"), "actual", problems)
        problems.raise_if_any()
        return number
    if value is None or isinstance(value, bool | str):
        return value
    raise DataError(f"{value!r} is not an observed value", key_path="actual")


def _optional_number(value: Fraction | None) -> object:
    return None if value is None else number_to_data(value)


def _number_back(value: object, path: str) -> Fraction | None:
    if value is None:
        return None
    problems = Problems()
    number = number_from_data(value, path, problems)
    problems.raise_if_any()
    return number


def _indicator_to_data(o: IndicatorOutcome) -> dict[str, Any]:
    return {
        "code": o.code,
        "name_vi": o.name_vi,
        "name_en": o.name_en,
        "unit": o.unit,
        "status": o.status.value,
        "reason": o.reason.value if o.reason else None,
        "actual": _observed_to_data(o.actual),
        "required": requirement_to_data(o.required),
        "gap": _optional_number(o.gap),
        "relative_gap": _optional_number(o.relative_gap),
        "provenance": provenance_to_data(o.provenance),
        "needs_investment": o.needs_investment,
        "as_of": o.as_of.isoformat() if o.as_of else None,
        "source": o.source,
    }


def _requirement_back(data: object, path: str, *, refs: bool = False) -> Requirement:
    problems = Problems()
    requirement = requirement_from_data(data, path, problems, refs=refs)
    problems.raise_if_any()
    assert requirement is not None
    return requirement


def _indicator_from_data(d: Mapping[str, Any]) -> IndicatorOutcome:
    problems = Problems()
    provenance = provenance_from_data(d["provenance"], "provenance", problems) or Provenance()
    problems.raise_if_any()
    return IndicatorOutcome(
        d["code"],
        d["name_vi"],
        d["name_en"],
        d["unit"],
        Status(d["status"]),
        _reason(d["reason"]),
        _observed_from_data(d["actual"]),
        _requirement_back(d["required"], "required"),
        _number_back(d["gap"], "gap"),
        _number_back(d["relative_gap"], "relative_gap"),
        provenance,
        d["needs_investment"],
        as_date(d["as_of"]) if d["as_of"] else None,
        d["source"],
    )


def _criterion_to_data(c: CriterionOutcome) -> dict[str, Any]:
    return {
        "number": c.number,
        "name_vi": c.name_vi,
        "name_en": c.name_en,
        "status": c.status.value,
        "reason": c.reason.value if c.reason else None,
        "rule": requirement_to_data(c.rule),
        "indicators": [_indicator_to_data(i) for i in c.indicators],
    }


def _criterion_from_data(d: Mapping[str, Any]) -> CriterionOutcome:
    return CriterionOutcome(
        d["number"],
        d["name_vi"],
        d["name_en"],
        Status(d["status"]),
        _reason(d["reason"]),
        [_indicator_from_data(i) for i in d["indicators"]],
        _requirement_back(d["rule"], "rule", refs=True),
    )
