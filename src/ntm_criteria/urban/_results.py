"""What a classification found: each standard's outcome, each criterion's score, the total.

Every result explains itself in Vietnamese and English; the words come from
the message table (``text/messages/urban.toml``).
"""

from __future__ import annotations

import datetime
from fractions import Fraction

import attrs

from ntm_criteria._validators import as_tuple
from ntm_criteria.errors import UnknownCodeError
from ntm_criteria.geography import Locality
from ntm_criteria.periods import format_date
from ntm_criteria.rules import Fixed, Provenance, Status, UnknownReason, Unspecified
from ntm_criteria.text import check_lang, format_number, format_quantity, message, pick
from ntm_criteria.urban._classes import class_label
from ntm_criteria.urban._standards import Direction

__all__ = ["ClassificationResult", "CriterionScore", "StandardOutcome"]


@attrs.frozen(slots=True)
class StandardOutcome:
    """How one standard scored: status, actual value, levels and points.

    ``status`` is met when the value reaches the minimum level.  Points are a
    range ``points_low``–``points_high``: a single number once the value and
    both levels are known (then :attr:`points` is set), ``0``–``max_points``
    while data is missing.  ``gap`` is how far the value is from the minimum
    level when it is not met.

    >>> from ntm_criteria import Locality, Observation
    >>> from ntm_criteria.urban import classify, example_standards
    >>> town = Locality("1", "A", "town")
    >>> outcome = classify(town, example_standards(), [Observation("1.3", 6.75)],
    ...                    on="30/6/2024").standard("1.3")
    >>> outcome.status.label("en"), outcome.points, outcome.max_points
    ('met', Fraction(21, 4), Fraction(6, 1))
    """

    code: str
    criterion: int
    name_vi: str
    name_en: str
    unit: str
    direction: Direction
    status: Status
    reason: UnknownReason | None
    actual: Fraction | None
    min_level: Fixed | Unspecified
    max_level: Fixed | Unspecified
    points_low: Fraction
    points_high: Fraction
    max_points: Fraction
    gap: Fraction | None
    provenance: Provenance

    @property
    def points(self) -> Fraction | None:
        """The exact points earned, or ``None`` while they are not decided.

        >>> from ntm_criteria import Locality, Observation
        >>> from ntm_criteria.urban import classify, example_standards
        >>> r = classify(Locality("1", "A", "town"), example_standards(),
        ...              [Observation("5.3", 86), Observation("2.1", 75000), Observation("5.4", 95)],
        ...              on="30/6/2024")
        >>> r.standard("2.1").points, r.standard("5.1").points
        (Fraction(7, 2), None)
        """
        return self.points_low if self.points_low == self.points_high else None

    @property
    def gain(self) -> Fraction | None:
        """Points this standard would add if raised to its maximum level.

        >>> from ntm_criteria import Locality, Observation
        >>> from ntm_criteria.urban import classify, example_standards
        >>> r = classify(Locality("1", "A", "town"), example_standards(),
        ...              [Observation("5.3", 86), Observation("2.1", 75000), Observation("5.4", 95)],
        ...              on="30/6/2024")
        >>> r.standard("2.1").gain, r.standard("5.3").gain
        (Fraction(1, 2), Fraction(10, 1))
        """
        return None if self.points is None else self.max_points - self.points

    @property
    def is_trusted(self) -> bool:
        """False when a level rests on illustrative or unverified data.

        >>> from ntm_criteria import Locality, Observation
        >>> from ntm_criteria.urban import classify, example_standards
        >>> r = classify(Locality("1", "A", "town"), example_standards(),
        ...              [Observation("5.3", 86), Observation("2.1", 75000), Observation("5.4", 95)],
        ...              on="30/6/2024")
        >>> r.standard("2.1").is_trusted
        False
        """
        return self.provenance.confidence.is_trusted

    def summary(self, lang: str = "vi") -> str:
        """``1.3 (Tỷ lệ hộ nghèo): đạt — 6,75% → 5,25/6 điểm``-style line.

        >>> from ntm_criteria import Locality, Observation
        >>> from ntm_criteria.urban import classify, example_standards
        >>> r = classify(Locality("1", "A", "town"), example_standards(),
        ...              [Observation("5.3", 86), Observation("2.1", 75000), Observation("5.4", 95)],
        ...              on="30/6/2024")
        >>> r.standard("5.4").summary("vi")
        '5.4 (Tỷ lệ chất thải rắn sinh hoạt được thu gom): đạt — 95% → 10/10 điểm'
        >>> r.standard("5.3").summary("en")
        '5.3 (Main streets with lighting): not met — 86% < 90% → 0/10 points'
        """
        code = check_lang(lang)
        head = f"{self.code} ({pick(self.name_vi, self.name_en, code)}): {self.status.label(code)}"
        if self.actual is None:
            return f"{head} — {_unknown_text(self.reason, self.min_level, code)}"
        value = format_quantity(self.actual, self.unit, code)
        most = format_number(self.max_points, code)
        if self.status is Status.NOT_MET and isinstance(self.min_level, Fixed):
            sign = "<" if self.direction is Direction.HIGHER else ">"
            level = format_quantity(self.min_level.amount, self.unit, code)
            return message(
                "urban.standard.not_met",
                code,
                head=head,
                value=value,
                sign=sign,
                level=level,
                max_points=most,
            )
        if self.points is None:
            what = _unknown_text(self.reason or UnknownReason.UNSPECIFIED, self.max_level, code)
            return f"{head} — {value} ({what})"
        points = format_number(self.points, code)
        return message(
            "urban.standard.points", code, head=head, value=value, points=points, max_points=most
        )


def _unknown_text(reason: UnknownReason | None, leaf: Fixed | Unspecified, lang: str) -> str:
    reason = reason or UnknownReason.DEPENDS
    text = reason.label(lang)
    if reason is UnknownReason.UNSPECIFIED and isinstance(leaf, Unspecified) and leaf.note:
        text += f" ({leaf.note})"
    return text


@attrs.frozen(slots=True)
class CriterionScore:
    """The points of one criterion: a range while data is missing, its minimum and status.

    ``status`` compares the points with ``min_points`` (met, not met, or
    unknown — the minimum is unspecified in the official data).

    >>> from ntm_criteria import Locality, Observation
    >>> from ntm_criteria.urban import classify, example_standards
    >>> town = Locality("1", "A", "town")
    >>> score = classify(town, example_standards(), [Observation("2.1", 50000),
    ...                  Observation("2.2", 20000)], on="30/6/2024").criterion(2)
    >>> score.points, score.min_points.amount, score.status.label("en")
    (Fraction(6, 1), Fraction(6, 1), 'met')
    """

    number: int
    name_vi: str
    name_en: str
    points_low: Fraction
    points_high: Fraction
    max_points: Fraction
    min_points: Fixed | Unspecified
    status: Status
    reason: UnknownReason | None
    gap: Fraction | None
    provenance: Provenance

    @property
    def points(self) -> Fraction | None:
        """The exact points, or ``None`` while some standard is undecided.

        >>> from ntm_criteria import Locality, Observation
        >>> from ntm_criteria.urban import classify, example_standards
        >>> r = classify(Locality("1", "A", "town"), example_standards(),
        ...              [Observation("5.3", 86), Observation("2.1", 75000), Observation("5.4", 95)],
        ...              on="30/6/2024")
        >>> r.criterion(2).points is None, r.criterion(2).points_low, r.criterion(2).points_high
        (True, Fraction(7, 2), Fraction(15, 2))
        """
        return self.points_low if self.points_low == self.points_high else None

    def label(self, lang: str = "vi") -> str:
        """``Tiêu chí 1 (…)`` / ``Criterion 1 (…)``.

        >>> from ntm_criteria import Locality, Observation
        >>> from ntm_criteria.urban import classify, example_standards
        >>> r = classify(Locality("1", "A", "town"), example_standards(),
        ...              [Observation("5.3", 86), Observation("2.1", 75000), Observation("5.4", 95)],
        ...              on="30/6/2024")
        >>> r.criterion(3).label("vi")
        'Tiêu chí 3 (Mật độ dân số)'
        """
        name = pick(self.name_vi, self.name_en, lang)
        return message("urban.criterion.label", lang, number=self.number, name=name)

    def summary(self, lang: str = "vi") -> str:
        """``Tiêu chí 2 (Quy mô dân số): 7/8 điểm (tối thiểu 6) — đạt``-style line.

        >>> from ntm_criteria import Locality, Observation
        >>> from ntm_criteria.urban import classify, example_standards
        >>> r = classify(Locality("1", "A", "town"), example_standards(),
        ...              [Observation("5.3", 86), Observation("2.1", 75000), Observation("5.4", 95)],
        ...              on="30/6/2024")
        >>> r.criterion(2).summary("vi")
        'Tiêu chí 2 (Quy mô dân số): 3,5–7,5/8 điểm (tối thiểu 6) — chưa xác định'
        """
        code = check_lang(lang)
        if isinstance(self.min_points, Fixed):
            minimum = message(
                "urban.criterion.minimum",
                code,
                points=format_number(self.min_points.amount, code),
            )
        else:
            minimum = message("urban.criterion.minimum_unspecified", code)
        return message(
            "urban.criterion.summary",
            code,
            label=self.label(code),
            points=range_text(self.points_low, self.points_high, code),
            max_points=format_number(self.max_points, code),
            minimum=minimum,
            status=self.status.label(code),
        )


def range_text(low: Fraction, high: Fraction, lang: str) -> str:
    """``3,5–7,5`` for points known only to lie between two numbers; ``7`` when they agree."""
    code = check_lang(lang)
    if low == high:
        return format_number(low, code)
    return f"{format_number(low, code)}–{format_number(high, code)}"


@attrs.frozen(slots=True)
class ClassificationResult:
    """The scoring of one urban area against one class, as of one date.

    Read :meth:`summary` ("đạt 55/63 tiêu chuẩn, tổng 72,56 điểm; thiếu 2,44
    điểm so với 75"), :attr:`total`, :attr:`shortfall`, :meth:`improvements`
    (the standards that would add the most points), :meth:`reasons` and
    :meth:`explain`.  ``status`` is met when every criterion reaches its
    minimum and the total reaches ``pass_total``; unknown while a minimum or
    the pass rule is unspecified, or data is missing.

    >>> from ntm_criteria import Locality, Observation
    >>> from ntm_criteria.urban import classify, example_standards
    >>> town = Locality("99100", "Minh Họa", "town")
    >>> result = classify(town, example_standards(), [Observation("5.3", 86)], on="30/6/2024")
    >>> result.regime_id, result.urban_class, result.status.label("en")
    ('26/2022/UBTVQH15', 'IV', 'unknown')
    """

    locality: Locality
    urban_class: str
    on: datetime.date
    regime_id: str
    regime_legal_basis: str
    table_id: str | None
    status: Status
    reason: UnknownReason | None
    standards: tuple[StandardOutcome, ...] = attrs.field(converter=as_tuple)
    criteria: tuple[CriterionScore, ...] = attrs.field(converter=as_tuple)
    pass_total: Fixed | Unspecified
    total_low: Fraction
    total_high: Fraction
    max_total: Fraction
    total_gap: Fraction | None = None
    note: str | None = None

    @property
    def total(self) -> Fraction | None:
        """The exact total points, or ``None`` while some standard is undecided.

        >>> from ntm_criteria import Locality, Observation
        >>> from ntm_criteria.urban import classify, example_standards
        >>> r = classify(Locality("1", "A", "town"), example_standards(),
        ...              [Observation("5.3", 86), Observation("2.1", 75000), Observation("5.4", 95)],
        ...              on="30/6/2024")
        >>> r.total, r.total_low, r.total_high
        (None, Fraction(27, 2), Fraction(179, 2))
        """
        return self.total_low if self.total_low == self.total_high else None

    @property
    def met_count(self) -> int:
        """Standards whose value reaches the minimum level (the 55 in "55/63").

        >>> from ntm_criteria import Locality, Observation
        >>> from ntm_criteria.urban import classify, example_standards
        >>> r = classify(Locality("1", "A", "town"), example_standards(),
        ...              [Observation("5.3", 86), Observation("2.1", 75000), Observation("5.4", 95)],
        ...              on="30/6/2024")
        >>> r.met_count, len(r.standards)
        (2, 15)
        """
        return sum(1 for s in self.standards if s.status is Status.MET)

    @property
    def unknown_count(self) -> int:
        """Standards that cannot be decided (missing data or unspecified levels).

        >>> from ntm_criteria import Locality, Observation
        >>> from ntm_criteria.urban import classify, example_standards
        >>> r = classify(Locality("1", "A", "town"), example_standards(),
        ...              [Observation("5.3", 86), Observation("2.1", 75000), Observation("5.4", 95)],
        ...              on="30/6/2024")
        >>> r.unknown_count
        12
        """
        return sum(1 for s in self.standards if s.status is Status.UNKNOWN)

    @property
    def shortfall(self) -> Fraction | None:
        """Points missing to the pass line (0 when reached); ``None`` when not decided.

        When data is missing, the shortfall is counted from the most the area
        could still score.

        >>> from ntm_criteria import Locality, Observation
        >>> from ntm_criteria.urban import classify, example_standards
        >>> r = classify(Locality("1", "A", "town"), example_standards(),
        ...              [Observation("5.3", 86), Observation("2.1", 75000), Observation("5.4", 95)],
        ...              on="30/6/2024")
        >>> r.shortfall is None          # 13,5 to 89,5 points: not decided yet
        True
        """
        if not isinstance(self.pass_total, Fixed) or not self.criteria:
            return None
        line = self.pass_total.amount
        if self.total_low >= line:
            return Fraction(0)
        if self.total_high < line:
            return line - self.total_high
        return None

    def standard(self, code: str) -> StandardOutcome:
        """The outcome of the standard with ``code``.

        >>> from ntm_criteria import Locality, Observation
        >>> from ntm_criteria.urban import classify, example_standards
        >>> r = classify(Locality("1", "A", "town"), example_standards(),
        ...              [Observation("5.3", 86), Observation("2.1", 75000), Observation("5.4", 95)],
        ...              on="30/6/2024")
        >>> r.standard("5.3").status.label("en")
        'not met'
        """
        for outcome in self.standards:
            if outcome.code == code:
                return outcome
        raise UnknownCodeError("standard", code, known=[s.code for s in self.standards])

    def criterion(self, number: int) -> CriterionScore:
        """The score of criterion ``number``.

        >>> from ntm_criteria import Locality, Observation
        >>> from ntm_criteria.urban import classify, example_standards
        >>> r = classify(Locality("1", "A", "town"), example_standards(),
        ...              [Observation("5.3", 86), Observation("2.1", 75000), Observation("5.4", 95)],
        ...              on="30/6/2024")
        >>> r.criterion(5).max_points
        Fraction(60, 1)
        """
        for score in self.criteria:
            if score.number == number:
                return score
        raise UnknownCodeError(
            "urban criterion", str(number), known=[str(c.number) for c in self.criteria]
        )

    def improvements(self) -> tuple[StandardOutcome, ...]:
        """Standards that would add points if raised to their maximum, most points first.

        Standards already at their maximum and undecided ones are left out.

        >>> from ntm_criteria import Locality, Observation
        >>> from ntm_criteria.urban import classify, example_standards
        >>> r = classify(Locality("1", "A", "town"), example_standards(),
        ...              [Observation("5.3", 86), Observation("2.1", 75000), Observation("5.4", 95)],
        ...              on="30/6/2024")
        >>> [(s.code, s.gain) for s in r.improvements()]
        [('5.3', Fraction(10, 1)), ('2.1', Fraction(1, 2))]
        """
        ranked = [s for s in self.standards if s.gain is not None and s.gain > 0]
        return tuple(sorted(ranked, key=lambda s: (-(s.gain or 0), s.code)))

    def untrusted(self) -> tuple[str, ...]:
        """Codes of the standards, criteria (``"criterion 1"``) and the pass rule
        whose values are illustrative or unverified.

        >>> from ntm_criteria import Locality, Observation
        >>> from ntm_criteria.urban import classify, example_standards
        >>> r = classify(Locality("1", "A", "town"), example_standards(),
        ...              [Observation("5.3", 86), Observation("2.1", 75000), Observation("5.4", 95)],
        ...              on="30/6/2024")
        >>> r.untrusted()[:2], r.untrusted()[-1]
        (('1.1', '1.2'), 'criterion 5')
        """
        codes = [s.code for s in self.standards if not s.is_trusted]
        codes += [
            f"criterion {c.number}"
            for c in self.criteria
            if isinstance(c.min_points, Fixed) and not c.provenance.confidence.is_trusted
        ]
        pass_provenance = self.pass_total.provenance
        if pass_provenance is not None and not pass_provenance.confidence.is_trusted:
            codes.append("pass_total")
        return tuple(codes)

    def summary(self, lang: str = "vi") -> str:
        """``đạt 55/63 tiêu chuẩn, tổng 72,56 điểm; thiếu 2,44 điểm so với 75``.

        >>> from ntm_criteria import Locality, Observation
        >>> from ntm_criteria.urban import classify, example_standards
        >>> r = classify(Locality("1", "A", "town"), example_standards(),
        ...              [Observation("5.3", 86), Observation("2.1", 75000), Observation("5.4", 95)],
        ...              on="30/6/2024")
        >>> r.summary("vi")
        'đạt 2/15 tiêu chuẩn (12 chưa xác định), tổng từ 13,5 đến 89,5 điểm; chưa xác định được so với 75'
        """
        code = check_lang(lang)
        if not self.criteria:
            return message("urban.result.not_scored", code)
        count = f"{self.met_count}/{len(self.standards)}"
        missing = self.unknown_count
        if missing:
            head = message("urban.result.met_undecided", code, count=count, missing=missing)
        else:
            head = message("urban.result.met", code, count=count)
        low, high = format_number(self.total_low, code), format_number(self.total_high, code)
        if self.total is not None:
            points = message("urban.result.total", code, total=low)
        else:
            points = message("urban.result.total_range", code, low=low, high=high)
        return f"{head}, {points}; {self._line_text(code)}"

    def _line_text(self, lang: str) -> str:
        if not isinstance(self.pass_total, Fixed):
            return message("urban.result.line_unspecified", lang)
        line = format_number(self.pass_total.amount, check_lang(lang))
        shortfall = self.shortfall
        if shortfall is None:
            return message("urban.result.line_undecided", lang, line=line)
        if shortfall == 0:
            return message("urban.result.line_reached", lang, line=line)
        short = format_number(shortfall, check_lang(lang))
        return message("urban.result.line_short", lang, short=short, line=line)

    def headline(self, lang: str = "vi") -> str:
        """``Thị xã Minh Họa, đô thị loại IV (30/06/2024): đạt 15/15 tiêu chuẩn, …``.

        >>> from ntm_criteria import Locality, Observation
        >>> from ntm_criteria.urban import classify, example_standards
        >>> r = classify(Locality("1", "A", "town"), example_standards(),
        ...              [Observation("5.3", 86), Observation("2.1", 75000), Observation("5.4", 95)],
        ...              on="30/6/2024")
        >>> r.headline("en")
        'A town, class IV (2024-06-30): 2/15 standards met (12 undecided), between 13.5 and 89.5 points in total; undecided against 75'
        """
        name = self.locality.label(lang)
        name = name[:1].upper() + name[1:]
        return (
            f"{name}, {class_label(self.urban_class, lang)} "
            f"({format_date(self.on, lang)}): {self.summary(lang)}"
        )

    def reasons(self, lang: str = "vi") -> tuple[str, ...]:
        """Why the status is what it is: the pass line, then each criterion's minimum.

        >>> from ntm_criteria import Locality
        >>> from ntm_criteria.urban import classify, example_standards
        >>> town = Locality("99100", "Minh Họa", "town")
        >>> classify(town, example_standards(), [], on="30/6/2024").reasons("en")[0]
        'total 0–100 points undecided against 75 (needs data)'
        """
        check_lang(lang)
        if not self.criteria:
            first = message("urban.reason.no_scoring", lang, legal_basis=self.regime_legal_basis)
            return (first, self.note) if self.note else (first,)
        lines = [self._total_reason(lang)]
        below = [str(c.number) for c in self.criteria if c.status is Status.NOT_MET]
        if below:
            lines.append(message("urban.reason.below_minimum", lang, numbers=", ".join(below)))
        unspecified = [
            str(c.number) for c in self.criteria if isinstance(c.min_points, Unspecified)
        ]
        if unspecified:
            numbers = ", ".join(unspecified)
            lines.append(message("urban.reason.minimum_unspecified", lang, numbers=numbers))
        return tuple(lines)

    def _total_reason(self, lang: str) -> str:
        leaf = self.pass_total
        if not isinstance(leaf, Fixed):
            note = f" ({leaf.note})" if leaf.note else ""
            return message("urban.reason.line_unspecified", lang) + note
        line = format_number(leaf.amount, check_lang(lang))
        total = range_text(self.total_low, self.total_high, lang)
        if self.total_low >= leaf.amount:
            return message("urban.reason.total_reached", lang, total=total, line=line)
        if self.total_high < leaf.amount:
            return message("urban.reason.total_below", lang, total=total, line=line)
        return message("urban.reason.total_undecided", lang, total=total, line=line)

    def _untrusted_text(self, lang: str) -> str:
        untrusted = self.untrusted()
        standards = [code for code in untrusted if code in {s.code for s in self.standards}]
        rest = [code for code in untrusted if code not in standards]
        parts = []
        if standards and len(standards) == len(self.standards):
            parts.append(message("urban.untrusted.every_standard", lang, table=self.table_id))
        elif standards:
            parts.append(", ".join(standards))
        numbers = [
            code.removeprefix("criterion ") for code in rest if code.startswith("criterion ")
        ]
        if numbers:
            parts.append(message("urban.untrusted.minimums", lang, numbers=", ".join(numbers)))
        if "pass_total" in rest:
            parts.append(message("urban.untrusted.pass_line", lang))
        return "; ".join(parts)

    def explain(self, lang: str = "vi") -> str:
        """A short review minute: headline, status and reasons, criteria, standards to raise.

        >>> from ntm_criteria import Locality
        >>> from ntm_criteria.urban import classify, example_standards
        >>> town = Locality("99100", "Minh Họa", "town")
        >>> print(classify(town, example_standards(), [], on="1/1/2026").explain("en"))
        Minh Họa town, class IV (2026-01-01): not scored: the scoring of the regime in force is not specified
        Result: unknown
        - the regime in force (Nghị quyết 111/2025/UBTVQH15 ...) has no scoring in the data; the previous regime's numbers are not applied
        - Four classes only (special, I, II, III); classes IV and V are abolished. ...
        """
        code = check_lang(lang)
        lines = [self.headline(code)]
        lines.append(message("urban.explain.result", code, status=self.status.label(code)))
        lines += [f"- {reason}" for reason in self.reasons(code) if reason]
        if self.criteria:
            basis = (self.pass_total.provenance or Provenance()).describe(code)
            lines.append(message("urban.explain.basis", code, basis=basis))
        lines += [c.summary(code) for c in self.criteria]
        lines += [s.summary(code) for s in self.standards if s.status is not Status.MET]
        best = self.improvements()[:3]
        if best:
            items = ", ".join(
                f"{s.code} (+{format_number(s.gain or Fraction(0), code)})" for s in best
            )
            lines.append(message("urban.explain.best", code, items=items))
        if self.untrusted():
            codes = self._untrusted_text(code)
            lines.append(message("urban.explain.untrusted", code, codes=codes))
        return "\n".join(lines)
