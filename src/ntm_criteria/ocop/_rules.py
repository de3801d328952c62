"""The OCOP rule book as typed data: scoring regimes and parts, star bands, rating levels, groups.

The values come from a data file (see :func:`~ntm_criteria.ocop.ocop_rules`);
these classes hold them and answer questions about them.
"""

from __future__ import annotations

import datetime
import enum
import itertools
from fractions import Fraction

import attrs
from dateutil.relativedelta import relativedelta

from ntm_criteria._validators import as_tuple, exact, nfc
from ntm_criteria.errors import DataError, NotInForceError, UnknownCodeError
from ntm_criteria.periods import Period, as_date
from ntm_criteria.rules import Problems, Provenance, Unspecified
from ntm_criteria.text import message

__all__ = [
    "LevelRule",
    "OcopRegime",
    "OcopRules",
    "Part",
    "ProductGroup",
    "RatingLevel",
    "StarBand",
    "check_rules",
]


class RatingLevel(enum.Enum):
    """The level of government that rates and recognises a star class.

    >>> RatingLevel("province").label("vi"), RatingLevel.CENTRAL.label("en")
    ('cấp tỉnh', 'central level')
    """

    DISTRICT = "district"
    PROVINCE = "province"
    CENTRAL = "central"

    def label(self, lang: str = "vi") -> str:
        """The level in words.

        >>> RatingLevel.DISTRICT.label("en")
        'district level'
        """
        return message(f"ocop.level.{self.value}", lang)

    @classmethod
    def parse(cls, value: RatingLevel | str) -> RatingLevel:
        """A rating level from its value (in any Unicode form); else a :class:`DataError`.

        >>> RatingLevel.parse("province")
        <RatingLevel.PROVINCE: 'province'>
        >>> RatingLevel.parse("commune")
        Traceback (most recent call last):
        ...
        ntm_criteria.errors.DataError: level: unknown rating level 'commune' (expected district, province, central)
        """
        if isinstance(value, RatingLevel):
            return value
        # Regression: the converter was RatingLevel itself, raising a bare ValueError.
        for level in cls:
            if isinstance(value, str) and nfc(value.strip()) == level.value:
                return level
        raise DataError(
            f"unknown rating level {value!r}",
            key_path="level",
            expected=", ".join(lv.value for lv in cls),
        )


@attrs.frozen(slots=True)
class Part:
    """One scoring part (A, B or C) and its maximum points.

    >>> from ntm_criteria.ocop import ocop_rules
    >>> ocop_rules().regime("148/QĐ-TTg").part("A").max_points
    Fraction(40, 1)
    """

    key: str
    name_vi: str
    name_en: str
    max_points: Fraction = attrs.field(converter=exact)
    provenance: Provenance = attrs.field(factory=Provenance)


@attrs.frozen(slots=True)
class OcopRegime:
    """A decision's scoring sheet: the parts and their maximum points, with validity.

    >>> from ntm_criteria.ocop import ocop_rules
    >>> [(p.key, int(p.max_points)) for p in ocop_rules().regime("1048/QĐ-TTg").parts]
    [('A', 35), ('B', 25), ('C', 40)]
    """

    id: str
    title_vi: str
    title_en: str
    legal_basis: str
    valid_from: datetime.date
    valid_to: datetime.date | None
    parts: tuple[Part, ...] = attrs.field(converter=as_tuple)
    provenance: Provenance = attrs.field(factory=Provenance)

    def is_in_force(self, on: datetime.date) -> bool:
        """True when ``on`` falls within the regime's validity.

        >>> from ntm_criteria.ocop import ocop_rules
        >>> ocop_rules().regime("148/QĐ-TTg").is_in_force(datetime.date(2023, 2, 24))
        True
        """
        return self.valid_from <= on and (self.valid_to is None or on <= self.valid_to)

    def part(self, key: str) -> Part:
        """The part with ``key``.

        >>> from ntm_criteria.ocop import ocop_rules
        >>> ocop_rules().regime("148/QĐ-TTg").part("D")
        Traceback (most recent call last):
        ...
        ntm_criteria.errors.UnknownCodeError: regime 148/QĐ-TTg: unknown OCOP part 'D' (known: A, B, C)
        """
        for part in self.parts:
            if part.key == nfc(key):
                return part
        raise UnknownCodeError(
            "OCOP part", key, known=[p.key for p in self.parts], where=f"regime {self.id}"
        )


@attrs.frozen(slots=True)
class StarBand:
    """A total of at least ``min_points`` earns ``stars`` (up to the next band).

    >>> from ntm_criteria.ocop import ocop_rules
    >>> ocop_rules().band(3).min_points
    Fraction(50, 1)
    """

    stars: int
    min_points: Fraction = attrs.field(converter=exact)
    provenance: Provenance = attrs.field(factory=Provenance)


def _rating_level(value: RatingLevel | str) -> RatingLevel:
    return RatingLevel.parse(value)


@attrs.frozen(slots=True)
class LevelRule:
    """Who rates and recognises products of ``stars`` during ``period``.

    ``proposal_min_points`` is set when products reach that level by being
    proposed from below (from 6/7/2025: 90 points at the provincial level).

    >>> from ntm_criteria.ocop import ocop_rules
    >>> rule = ocop_rules().level_rule(5, datetime.date(2025, 7, 6))
    >>> rule.level, rule.proposal_min_points
    (<RatingLevel.CENTRAL: 'central'>, Fraction(90, 1))
    """

    stars: int
    level: RatingLevel = attrs.field(converter=_rating_level)
    period: Period
    provenance: Provenance = attrs.field(factory=Provenance)
    proposal_min_points: Fraction | None = None


@attrs.frozen(slots=True)
class ProductGroup:
    """One of the six OCOP product groups of 148/QĐ-TTg.

    >>> from ntm_criteria.ocop import ocop_rules
    >>> [g.key for g in ocop_rules().product_groups][:3]
    ['food', 'drinks', 'herbs']
    """

    key: str
    name_vi: str
    name_en: str


@attrs.frozen(slots=True)
class OcopRules:
    """The whole rule book: regimes, star bands, rating levels, certificates, groups.

    >>> from ntm_criteria.ocop import ocop_rules
    >>> rules = ocop_rules()
    >>> rules.regime_on("23/2/2023").id, rules.regime_on("24/2/2023").id
    ('1048/QĐ-TTg', '148/QĐ-TTg')
    >>> rules.certificate_months
    36
    """

    regimes: tuple[OcopRegime, ...] = attrs.field(converter=as_tuple)
    star_bands: tuple[StarBand, ...] = attrs.field(converter=as_tuple)
    rating_levels: tuple[LevelRule, ...] = attrs.field(converter=as_tuple)
    certificate_months: int
    certificate_min_stars: int = 3
    certificate_provenance: Provenance = attrs.field(factory=Provenance)
    product_groups: tuple[ProductGroup, ...] = attrs.field(default=(), converter=as_tuple)
    max_total: Fraction = attrs.field(default=Fraction(100), converter=exact)

    def __attrs_post_init__(self) -> None:
        problems = Problems()
        check_rules(self, problems)
        problems.raise_if_any()
        bands = tuple(sorted(self.star_bands, key=lambda b: -b.min_points))
        object.__setattr__(self, "star_bands", bands)
        regimes = tuple(sorted(self.regimes, key=lambda r: r.valid_from))
        object.__setattr__(self, "regimes", regimes)

    def regime(self, regime_id: str) -> OcopRegime:
        """The regime with ``regime_id``.

        >>> from ntm_criteria.ocop import ocop_rules
        >>> ocop_rules().regime("148/QĐ-TTg").valid_from
        datetime.date(2023, 2, 24)
        """
        for regime in self.regimes:
            if regime.id == nfc(regime_id):
                return regime
        raise UnknownCodeError("OCOP regime", regime_id, known=[r.id for r in self.regimes])

    def regime_on(self, on: datetime.date | str) -> OcopRegime:
        """The scoring regime in force on ``on``.

        >>> from ntm_criteria.ocop import ocop_rules
        >>> ocop_rules().regime_on("1/1/2019")
        Traceback (most recent call last):
        ...
        ntm_criteria.errors.NotInForceError: set 'OCOP rating' is not in force on 2019-01-01 (valid 2019-08-21 – …)
        """
        day = as_date(on)
        for regime in self.regimes:
            if regime.is_in_force(day):
                return regime
        first = self.regimes[0].valid_from.isoformat() if self.regimes else "?"
        raise NotInForceError("OCOP rating", day.isoformat(), f"{first} – …")

    def stars_for(self, score: int | float | str | Fraction) -> int:
        """The stars a total score earns: the highest band whose minimum it reaches.

        >>> from ntm_criteria.ocop import ocop_rules
        >>> rules = ocop_rules()
        >>> [rules.stars_for(s) for s in (29.99, 30, 49.99, 50, 69.99, 70, 89.99, 90)]
        [1, 2, 2, 3, 3, 4, 4, 5]
        """
        points = exact(score)
        if not 0 <= points <= self.max_total:
            raise DataError(
                f"score {points} is outside 0–{self.max_total}",
                expected=f"a total between 0 and {self.max_total}",
            )
        for band in self.star_bands:
            if points >= band.min_points:
                return band.stars
        raise DataError(f"no star band covers {points} points", expected="a band from 0 points")

    def band(self, stars: int) -> StarBand:
        """The band of ``stars``.

        >>> from ntm_criteria.ocop import ocop_rules
        >>> ocop_rules().band(5).provenance.certainty
        'medium'
        """
        for band in self.star_bands:
            if band.stars == stars:
                return band
        raise UnknownCodeError(
            "star band", str(stars), known=[str(b.stars) for b in self.star_bands]
        )

    def level_rule(self, stars: int, on: datetime.date | str) -> LevelRule | None:
        """The rule naming who rates ``stars`` on ``on``; ``None`` when the data has none.

        >>> from ntm_criteria.ocop import ocop_rules
        >>> ocop_rules().level_rule(3, "5/7/2025").level, ocop_rules().level_rule(3, "6/7/2025").level
        (<RatingLevel.DISTRICT: 'district'>, <RatingLevel.PROVINCE: 'province'>)
        """
        day = as_date(on)
        for rule in self.rating_levels:
            if rule.stars == stars and day in rule.period:
                return rule
        return None

    def rating_level(self, stars: int, on: datetime.date | str) -> RatingLevel | Unspecified:
        """Who rates and recognises ``stars`` on ``on``, or :class:`~ntm_criteria.rules.Unspecified`.

        >>> from ntm_criteria.ocop import ocop_rules
        >>> ocop_rules().rating_level(5, "1/8/2025")
        <RatingLevel.CENTRAL: 'central'>
        >>> ocop_rules().rating_level(3, "1/6/2022").note
        'who rated 3-star products on 2022-06-01 is not in the data'
        """
        rule = self.level_rule(stars, on)
        if rule is not None:
            return rule.level
        day = as_date(on)
        return Unspecified(
            f"who rated {stars}-star products on {day.isoformat()} is not in the data",
            missing=("date", day.isoformat()),
        )

    def valid_until(self, recognised_on: datetime.date | str) -> datetime.date:
        """The last day a certificate recognised on ``recognised_on`` is valid.

        The term is counted as the Civil Code counts months: it ends with the
        corresponding day of the last month (that month's last day when it
        has none), so the certificate is valid through that day.

        >>> from ntm_criteria.ocop import ocop_rules
        >>> ocop_rules().valid_until("15/3/2023"), ocop_rules().valid_until("29/2/2024")
        (datetime.date(2026, 3, 15), datetime.date(2027, 2, 28))
        """
        return as_date(recognised_on) + relativedelta(months=self.certificate_months)

    def product_group(self, key: str) -> ProductGroup:
        """The product group with ``key``.

        >>> from ntm_criteria.ocop import ocop_rules
        >>> ocop_rules().product_group("drinks").name_vi
        'Đồ uống'
        """
        for group in self.product_groups:
            if group.key == nfc(key):
                return group
        raise UnknownCodeError(
            "OCOP product group", key, known=[g.key for g in self.product_groups]
        )


def check_rules(rules: OcopRules, problems: Problems) -> None:
    ordered = sorted(rules.regimes, key=lambda r: r.valid_from)
    for first, second in itertools.pairwise(ordered):
        if first.valid_to is None or first.valid_to >= second.valid_from:
            problems.add("regimes", f"regimes {first.id} and {second.id} overlap")
    for index, regime in enumerate(rules.regimes):
        total = sum((p.max_points for p in regime.parts), Fraction(0))
        if total != rules.max_total:
            problems.add(
                f"regimes[{index}].parts",
                f"regime {regime.id}: the parts' maximum points add up to {total}, "
                f"not {rules.max_total}",
                expected=f"maximum points adding up to {rules.max_total}",
            )
    stars = [b.stars for b in rules.star_bands]
    if sorted(stars) != list(range(1, len(stars) + 1)):
        problems.add("star_bands", f"stars {stars} are not 1, 2, … each once", expected="1 to 5")
    if rules.star_bands and min(b.min_points for b in rules.star_bands) != 0:
        problems.add(
            "star_bands", "no band starts at 0 points", expected="a band with min_points = 0"
        )
    by_points = sorted(rules.star_bands, key=lambda b: b.min_points)
    if [b.stars for b in by_points] != sorted(stars):
        problems.add("star_bands", "more stars must need more points", expected="increasing bands")
    for one, other in itertools.combinations(rules.rating_levels, 2):
        if one.stars == other.stars and one.period.overlaps(other.period):
            problems.add(
                "rating_levels",
                f"two rules for {one.stars} stars overlap ({one.period} and {other.period})",
            )
    if rules.certificate_months < 1:
        problems.add("certificate.months", f"{rules.certificate_months} is not a positive count")
