"""An urban area's published classification summary, decided against the class's pass line.

When no standards table is at hand, an office still has the figures of its
classification report: "đạt 55/63 tiêu chuẩn, tổng 72,56 điểm".
:class:`ClassificationSummary` holds them; :meth:`ClassificationSummary.decide`
compares the total with the pass line of the regime in force on its date,
read from the shipped rules (never written in code).
"""

from __future__ import annotations

import datetime
from fractions import Fraction

import attrs

from ntm_criteria._validators import exact, nfc
from ntm_criteria.errors import DataError
from ntm_criteria.periods import as_date, format_date
from ntm_criteria.rules import Context, Fixed, Provenance, Status, Unspecified
from ntm_criteria.text import check_lang, format_number, message
from ntm_criteria.units import parse_number
from ntm_criteria.urban._classes import CLASSES, class_label
from ntm_criteria.urban._classify import resolved_leaf
from ntm_criteria.urban._reading import classification_rules
from ntm_criteria.urban._rules import ClassificationRules

__all__ = ["ClassificationSummary", "SummaryDecision", "summary_problems"]


def summary_problems(
    urban_class: str, standards_met: int, standards_total: int, points: Fraction
) -> list[tuple[str, str, str]]:
    """The problems of a summary's figures: (field, what is wrong, what was expected).

    >>> summary_problems("III", 64, 63, Fraction(72))
    [('standards_met', '64 standards met of 63', 'standards_met ≤ standards_total')]
    """
    found: list[tuple[str, str, str]] = []
    if urban_class not in CLASSES:
        found.append(("class", f"unknown urban class {urban_class!r}", ", ".join(CLASSES)))
    for field, count in (("standards_met", standards_met), ("standards_total", standards_total)):
        if isinstance(count, bool) or not isinstance(count, int) or count < 0:
            found.append((field, f"{count!r} is not a whole number ≥ 0", "a whole number ≥ 0"))
    if not found and standards_total == 0:
        found.append(("standards_total", "no standard", "a whole number ≥ 1"))
    if not found and standards_met > standards_total:
        found.append(
            (
                "standards_met",
                f"{standards_met} standards met of {standards_total}",
                "standards_met ≤ standards_total",
            )
        )
    if points < 0:
        found.append(("points", f"{format_number(points, 'en')} points", "points ≥ 0"))
    return found


def _points(value: int | float | str | Fraction) -> Fraction:
    return exact(parse_number(value)) if isinstance(value, str) else exact(value)


@attrs.frozen(slots=True)
class ClassificationSummary:
    """What an area's classification report says: standards met of the total, total points.

    ``locality`` is the area's code, ``urban_class`` the class assessed
    (``"III"``), ``on`` the date of the assessment (it picks the regime),
    ``standards_met`` of ``standards_total`` standards (tiêu chuẩn), and
    ``points`` the total score.  ``criteria_minimums_met`` says whether the
    report states that every criterion reached its minimum points (``None``
    when it does not say).

    >>> hl = ClassificationSummary("HL", "III", "31/12/2023", 55, 63, "72,56")
    >>> print(hl.decide().summary("vi"))
    55/63 tiêu chuẩn, 72,56 điểm, chưa đạt đô thị loại III (cần 75 điểm)
    """

    locality: str = attrs.field(converter=nfc)
    urban_class: str = attrs.field(converter=nfc)
    on: datetime.date = attrs.field(converter=as_date)
    standards_met: int
    standards_total: int
    points: Fraction = attrs.field(converter=_points)
    criteria_minimums_met: bool | None = None
    source: str | None = None

    def __attrs_post_init__(self) -> None:
        problems = summary_problems(
            self.urban_class, self.standards_met, self.standards_total, self.points
        )
        if problems:
            field, what, expected = problems[0]
            raise DataError(f"{self.locality}: {what}", key_path=field, expected=expected)

    def decide(self, rules: ClassificationRules | None = None) -> SummaryDecision:
        """The decision against the pass line of the regime in force on :attr:`on`.

        Points below the line: not met.  Points at or above it: met when the
        report says every criterion reached its minimum, unknown otherwise
        (a class needs both).  A regime whose scoring is unspecified, or an
        unspecified line, gives unknown.

        >>> s = ClassificationSummary("X", "III", "30/6/2024", 60, 63, 80, criteria_minimums_met=True)
        >>> s.decide().status, s.decide().pass_total.amount
        (<Status.MET: 'met'>, Fraction(75, 1))
        >>> ClassificationSummary("X", "III", "1/3/2026", 60, 63, 80).decide().status
        <Status.UNKNOWN: 'unknown'>
        """
        rules = rules or classification_rules()
        regime = rules.regime_on(self.on)
        if self.urban_class not in regime.classes:
            raise DataError(
                f"{self.locality}: class {self.urban_class} does not exist under {regime.id}",
                key_path="class",
                expected=", ".join(regime.classes),
            )
        if self.points > regime.max_total:
            raise DataError(
                f"{self.locality}: {format_number(self.points, 'en')} points",
                key_path="points",
                expected=f"at most {format_number(regime.max_total, 'en')} under {regime.id}",
            )
        line = resolved_leaf(regime.pass_total, Context(on=self.on), regime.provenance)
        if not regime.is_specified or isinstance(line, Unspecified):
            status = Status.UNKNOWN
        elif self.points < line.amount or self.criteria_minimums_met is False:
            status = Status.NOT_MET
        elif self.criteria_minimums_met:
            status = Status.MET
        else:
            status = Status.UNKNOWN
        return SummaryDecision(self, regime.id, regime.legal_basis, line, status)


@attrs.frozen(slots=True)
class SummaryDecision:
    """A classification summary decided against its class's pass line.

    ``status`` is met, not met or unknown; ``pass_total`` the line (from the
    shipped rules, with its provenance); :attr:`shortfall` the points missing.

    >>> d = ClassificationSummary("HL", "III", "31/12/2023", 55, 63, "72,56").decide()
    >>> d.status, d.shortfall, d.regime_id
    (<Status.NOT_MET: 'not_met'>, Fraction(61, 25), '26/2022/UBTVQH15')
    >>> print(d.summary("en"))
    55/63 standards, 72.56 points, not yet class III (75 points needed)
    """

    figures: ClassificationSummary
    regime_id: str
    legal_basis: str
    pass_total: Fixed | Unspecified
    status: Status

    @property
    def shortfall(self) -> Fraction | None:
        """Points missing to the line (0 when reached); ``None`` when the line is not known.

        >>> ClassificationSummary("X", "III", "30/6/2024", 60, 63, 80).decide().shortfall
        Fraction(0, 1)
        """
        if not isinstance(self.pass_total, Fixed):
            return None
        return max(self.pass_total.amount - self.figures.points, Fraction(0))

    @property
    def provenance(self) -> Provenance:
        """Where the pass line comes from.

        >>> ClassificationSummary("X", "III", "30/6/2024", 60, 63, 80).decide().provenance.certainty
        'medium'
        """
        return self.pass_total.provenance or Provenance()

    def summary(self, lang: str = "vi") -> str:
        """``55/63 tiêu chuẩn, 72,56 điểm, chưa đạt đô thị loại III (cần 75 điểm)``.

        >>> s = ClassificationSummary("X", "III", "30/6/2024", 60, 63, 80)
        >>> print(s.decide().summary("vi"))
        60/63 tiêu chuẩn, 80 điểm, đủ 75 điểm của đô thị loại III; chưa rõ điểm tối thiểu của từng tiêu chí
        """
        code = check_lang(lang)
        f = self.figures
        figures = message(
            "urban.summary.figures",
            code,
            met=f.standards_met,
            total=f.standards_total,
            points=format_number(f.points, code),
        )
        label = class_label(f.urban_class, code)
        if not isinstance(self.pass_total, Fixed):
            return message("urban.summary.unspecified", code, figures=figures, name=label)
        line = format_number(self.pass_total.amount, code)
        if f.points < self.pass_total.amount:
            key = "below"
        elif f.criteria_minimums_met is False:
            key = "minimums_not_met"
        elif f.criteria_minimums_met:
            key = "met"
        else:
            key = "minimums_unknown"
        return message(f"urban.summary.{key}", code, figures=figures, name=label, line=line)

    def headline(self, lang: str = "vi", *, name: str | None = None) -> str:
        """``thị xã Hồng Lĩnh (31/12/2023): 55/63 tiêu chuẩn, …``; ``name`` defaults to the code.

        >>> d = ClassificationSummary("HL", "III", "31/12/2023", 55, 63, "72,56").decide()
        >>> print(d.headline("en", name="Hồng Lĩnh town"))
        Hồng Lĩnh town (2023-12-31): 55/63 standards, 72.56 points, not yet class III (75 points needed)
        """
        code = check_lang(lang)
        day = format_date(self.figures.on, code)
        return f"{name or self.figures.locality} ({day}): {self.summary(code)}"

    def explain(self, lang: str = "vi") -> str:
        """The summary, then the basis of the pass line and where the figures come from.

        >>> d = ClassificationSummary("HL", "III", "31/12/2023", 55, 63, "72,56").decide()
        >>> print(d.explain("en"))
        55/63 standards, 72.56 points, not yet class III (75 points needed)
        Pass line: Nghị quyết 1210/2016/UBTVQH13, Điều 10 khoản 3; ... (official, medium certainty)
        Figures: as reported (no standards table)
        """
        code = check_lang(lang)
        lines = [self.summary(code)]
        lines.append(message("urban.summary.basis", code, basis=self.provenance.describe(code)))
        source = self.figures.source or message("urban.summary.no_source", code)
        lines.append(message("urban.summary.source", code, source=source))
        return "\n".join(lines)
