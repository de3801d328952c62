"""The rules of urban classification as data: criteria, regimes and their validity."""

from __future__ import annotations

import datetime
import itertools
from fractions import Fraction

import attrs

from ntm_criteria._validators import as_tuple, exact
from ntm_criteria.errors import DataError, NotInForceError, UnknownCodeError
from ntm_criteria.periods import as_date
from ntm_criteria.rules import Fixed, Provenance, Unspecified, ValueSpec
from ntm_criteria.text import message, pick

__all__ = ["ClassificationRules", "Regime", "UrbanCriterion"]


@attrs.frozen(slots=True)
class UrbanCriterion:
    """One criterion (tiêu chí) of urban classification, with its points.

    ``max_points`` is the criterion's maximum; ``min_points`` the minimum it
    must reach (unspecified in the shipped data: Appendix 1 was not
    retrieved); ``standards`` the number of standards, when known.

    >>> from ntm_criteria.urban import classification_rules
    >>> c = classification_rules().regime("26/2022/UBTVQH15").criterion(1)
    >>> c.max_points, c.standards.amount, type(c.min_points).__name__
    (Fraction(18, 1), Fraction(8, 1), 'Unspecified')
    """

    number: int
    name_vi: str
    name_en: str
    max_points: Fraction = attrs.field(converter=exact)
    min_points: ValueSpec = attrs.field(factory=Unspecified)
    standards: Fixed | None = None
    provenance: Provenance = attrs.field(factory=Provenance)

    def label(self, lang: str = "vi") -> str:
        """``Tiêu chí 2 (Quy mô dân số)`` / ``Criterion 2 (Population size …)``.

        >>> from ntm_criteria.urban import classification_rules
        >>> classification_rules().regime("26/2022/UBTVQH15").criterion(2).label()
        'Tiêu chí 2 (Quy mô dân số)'
        """
        name = pick(self.name_vi, self.name_en, lang)
        return message("urban.criterion.label", lang, number=self.number, name=name)


@attrs.frozen(slots=True)
class Regime:
    """One legal regime of urban classification and its validity.

    A regime with no criteria (Resolution 111/2025) is *unspecified*: its
    scoring is not known, and :func:`classify` reports that instead of
    scoring.

    >>> from ntm_criteria.urban import classification_rules
    >>> rules = classification_rules()
    >>> [r.id for r in rules.regimes]
    ['1210/2016/UBTVQH13', '26/2022/UBTVQH15', '111/2025/UBTVQH15']
    >>> rules.regime("111/2025/UBTVQH15").is_specified
    False
    """

    id: str
    title_vi: str
    title_en: str
    legal_basis: str
    valid_from: datetime.date
    valid_to: datetime.date | None
    classes: tuple[str, ...] = attrs.field(converter=as_tuple)
    criteria: tuple[UrbanCriterion, ...] = attrs.field(converter=as_tuple)
    pass_total: ValueSpec = attrs.field(factory=Unspecified)
    max_total: Fraction = attrs.field(default=Fraction(100), converter=exact)
    provenance: Provenance = attrs.field(factory=Provenance)
    note: str | None = None

    def __attrs_post_init__(self) -> None:
        if self.criteria:
            total = sum((c.max_points for c in self.criteria), Fraction(0))
            if total != self.max_total:
                raise DataError(
                    f"regime {self.id}: the criteria's maximum points add up to "
                    f"{total}, not {self.max_total}",
                    key_path="criteria",
                    expected=f"maximum points that add up to max_total = {self.max_total}",
                )

    @property
    def is_specified(self) -> bool:
        """True when the regime's criteria and points are known.

        >>> from ntm_criteria.urban import classification_rules
        >>> classification_rules().regime("26/2022/UBTVQH15").is_specified
        True
        """
        return bool(self.criteria)

    def is_in_force(self, on: datetime.date) -> bool:
        """True when ``on`` falls within the regime's validity.

        >>> from ntm_criteria.urban import classification_rules
        >>> classification_rules().regime("26/2022/UBTVQH15").is_in_force(datetime.date(2023, 1, 1))
        True
        """
        return self.valid_from <= on and (self.valid_to is None or on <= self.valid_to)

    def validity_label(self) -> str:
        """``2023-01-01 – 2025-12-31`` (an open end is ``…``).

        >>> from ntm_criteria.urban import classification_rules
        >>> classification_rules().regime("111/2025/UBTVQH15").validity_label()
        '2026-01-01 – …'
        """
        end = self.valid_to.isoformat() if self.valid_to else "…"
        return f"{self.valid_from.isoformat()} – {end}"

    def criterion(self, number: int) -> UrbanCriterion:
        """The criterion with ``number``.

        >>> from ntm_criteria.urban import classification_rules
        >>> classification_rules().regime("1210/2016/UBTVQH13").criterion(3).max_points
        Fraction(6, 1)
        """
        for criterion in self.criteria:
            if criterion.number == number:
                return criterion
        raise UnknownCodeError(
            "urban criterion",
            str(number),
            known=[str(c.number) for c in self.criteria],
            where=f"regime {self.id}",
        )


@attrs.frozen(slots=True)
class ClassificationRules:
    """Every regime of urban classification, in date order; periods never overlap.

    >>> from ntm_criteria.urban import classification_rules
    >>> rules = classification_rules()
    >>> rules.regime_on(datetime.date(2022, 12, 31)).id
    '1210/2016/UBTVQH13'
    >>> rules.regime_on(datetime.date(2023, 1, 1)).criterion(1).max_points
    Fraction(18, 1)
    >>> rules.regime_on(datetime.date(2026, 1, 1)).id
    '111/2025/UBTVQH15'
    """

    regimes: tuple[Regime, ...] = attrs.field(converter=as_tuple)

    def __attrs_post_init__(self) -> None:
        ordered = sorted(self.regimes, key=lambda r: r.valid_from)
        for first, second in itertools.pairwise(ordered):
            if first.valid_to is None or first.valid_to >= second.valid_from:
                raise DataError(
                    f"regimes {first.id} and {second.id} overlap",
                    key_path="regimes",
                    expected="validity periods that do not overlap",
                )
        object.__setattr__(self, "regimes", tuple(ordered))

    def regime(self, regime_id: str) -> Regime:
        """The regime with ``regime_id``.

        >>> from ntm_criteria.urban import classification_rules
        >>> classification_rules().regime("26/2022").title_en
        Traceback (most recent call last):
        ...
        ntm_criteria.errors.UnknownCodeError: unknown urban classification regime '26/2022' (known: ...)
        """
        for regime in self.regimes:
            if regime.id == regime_id:
                return regime
        raise UnknownCodeError(
            "urban classification regime", regime_id, known=[r.id for r in self.regimes]
        )

    def regime_on(self, on: datetime.date | str) -> Regime:
        """The regime in force on ``on``; :class:`~ntm_criteria.errors.NotInForceError` if none.

        >>> from ntm_criteria.urban import classification_rules
        >>> classification_rules().regime_on("1/1/2016")
        Traceback (most recent call last):
        ...
        ntm_criteria.errors.NotInForceError: set 'urban classification' is not in force on 2016-01-01 ...
        """
        day = as_date(on)
        for regime in self.regimes:
            if regime.is_in_force(day):
                return regime
        first = self.regimes[0].valid_from.isoformat() if self.regimes else "?"
        raise NotInForceError("urban classification", day.isoformat(), f"{first} – …")
