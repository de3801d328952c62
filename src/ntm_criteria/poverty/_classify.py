"""Classifying one household under the standard in force: poor, near-poor, above the line."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from fractions import Fraction

import attrs

from ntm_criteria.errors import UnknownCodeError
from ntm_criteria.periods import as_date
from ntm_criteria.poverty._areas import Area, PovertyStatus
from ntm_criteria.poverty._households import Household
from ntm_criteria.poverty._income import INCOME_UNIT
from ntm_criteria.poverty._standards import InForce, PovertyStandard, PovertyStandards
from ntm_criteria.poverty._standards_file import default_standards
from ntm_criteria.rules import (
    Achieved,
    AtMost,
    Fixed,
    Provenance,
    Status,
    UnknownReason,
    Unspecified,
    Verdict,
    combine,
    evaluate,
)
from ntm_criteria.text import check_lang, format_number, message
from ntm_criteria.units import unit_label

__all__ = ["Classification", "classify"]


def _words(key: str, lang: str, /, **fields: object) -> str:
    return message(f"poverty.classification.{key}", lang, **fields)


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


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
        head = f"{_words('household', lang)} {self.household_id}: {self.status.label(lang)}"
        parts = [self._income_text(lang), *self._deprivation_text(lang)]
        return head + " — " + "; ".join(parts)

    def explain(self, lang: str = "vi") -> str:
        """The summary, the standard and its legal basis, and a note on unverified values."""
        lines = [self.summary(lang)]
        basis = self.basis.provenance.describe(lang)
        lines.append(_words("standard", lang, title=self.standard.title(lang), basis=basis))
        for what, provenance in self._untrusted():
            k = self.standard.min_deprivations
            amount = k.amount if isinstance(k, Fixed) else ""
            text = _words("line_what", lang) if what == "line" else _words("k_what", lang, k=amount)
            lines.append(_words("untrusted", lang, what=text, source=provenance.describe(lang)))
        return "\n".join(lines)

    def _income_text(self, lang: str) -> str:
        unit = unit_label(INCOME_UNIT, lang)
        if self.income is None:
            return _words("no_income", lang)
        income = format_number(self.income, check_lang(lang))
        if isinstance(self.line, Unspecified):
            detail = self.line.note or self.line.describe_missing(lang)
            return f"{_words('income', lang)} {income} {unit}; {_words('no_line', lang)} ({detail})"
        sign = "≤" if self.income <= self.line.amount else ">"
        line = format_number(self.line.amount, check_lang(lang))
        return f"{_words('income', lang)} {income} {sign} {line} {unit}"

    def _names(self, codes: Sequence[str], lang: str) -> str:
        return ", ".join(_lower_first(self.standard.indicator(c).name(lang)) for c in codes)

    def _deprivation_text(self, lang: str) -> list[str]:
        k = self.standard.min_deprivations
        if isinstance(k, Unspecified):
            no_rule = _words("no_rule", lang)
            return [f"{no_rule} ({k.note})" if k.note else no_rule]
        rule = self.standard.deprivation_rule
        if isinstance(rule, Unspecified):
            if self.income_verdict.status is Status.MET:
                no_list = _words("no_list", lang)
                return [f"{no_list} ({rule.note})" if rule.note else no_list]
            return []
        d = _count_indicators(len(self.deprived), lang)
        listed = f": {self._names(self.deprived, lang)}" if self.deprived else ""
        if self.status is PovertyStatus.POOR:
            return [_words("poor", lang, d=d, k=rule.k) + listed]
        if self.status is PovertyStatus.NEAR_POOR:
            key = "near" if self.deprived else "near_none"
            return [_words(key, lang, d=d, k=rule.k) + listed]
        parts = [_words("deprived", lang, d=d) + listed] if self.deprived else []
        if self.reason is UnknownReason.NO_DATA and self.income_verdict.status is Status.MET:
            unknown = self._names(self.unknown_indicators, lang)
            u = _count_indicators(len(self.unknown_indicators), lang)
            either = _words("either", lang, k=rule.k)
            parts.append(f"{_words('unknown', lang, u=u)}: {unknown} ({either})")
        return parts


def _count_indicators(n: int, lang: str) -> str:
    return message("poverty.indicators.one" if n == 1 else "poverty.indicators.many", lang, n=n)


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
    """The status from the two verdicts (mirrored by ``status_code`` of the batch engines)."""
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
