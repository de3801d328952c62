"""OCOP product ratings: scores, stars, who rates them, certificates and counts per commune.

Under the One Commune One Product programme (OCOP, *Mỗi xã một sản
phẩm*) a council scores a product out of 100 points in three parts — A,
product and community strength; B, marketing capacity; C, product quality —
and the total gives its stars.  Everything that the law fixes is data
(``data/ocop.toml``, read by :func:`ocop_rules`), each value with its source
and certainty:

* the parts' maximum points: 40/25/35 under Decision 148/QĐ-TTg (from
  24/02/2023), 35/25/40 under Decision 1048/QĐ-TTg before;
* the star bands: 5★ from 90 points, 4★ from 70, 3★ from 50, 2★ from 30,
  1★ below (medium certainty: quoted from pages on 1048);
* who rates and recognises each star, and its change on 6 July 2025
  (Decision 1489/QĐ-TTg: the province rates 3★ and 4★, products of at
  least 90 points at provincial level go to the central level for 5★;
  before, the district rated 3★, the province 4★, the central level 5★);
* the 36-month validity of 3–5★ certificates.

NTM criterion sets count a commune's recognised OCOP products;
:func:`ocop_observation` turns certificates into that observation.

>>> import datetime
>>> honey = Product("SL-001", "Mật ong hoa cà phê", "04036", "10/5/2024",
...                 parts={"A": 32, "B": 20.5, "C": 27})
>>> rating = rate(honey)
>>> rating.score, rating.stars, rating.level
(Fraction(159, 2), 4, <RatingLevel.PROVINCE: 'province'>)
>>> print(rating.summary("vi"))
SL-001 (Mật ong hoa cà phê): 79,5/100 điểm → 4 sao; cấp tỉnh đánh giá, công nhận (148/QĐ-TTg)
"""

from __future__ import annotations

import datetime
import difflib
import enum
import functools
import itertools
from collections.abc import Iterable, Mapping
from fractions import Fraction
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any

import attrs
from dateutil.relativedelta import relativedelta

from ntm_criteria._document import DataReader, parse_toml, read_text_file
from ntm_criteria._document import key_path as _p
from ntm_criteria.assessment import Observation
from ntm_criteria.errors import DataError, DataErrors, NotInForceError, UnknownCodeError
from ntm_criteria.periods import Period, as_date, as_optional_date
from ntm_criteria.rules import (
    Problems,
    Provenance,
    Unspecified,
    number_from_data,
)
from ntm_criteria.text import check_lang, format_number

__all__ = [
    "Certificate",
    "LevelRule",
    "OcopRegime",
    "OcopRules",
    "Part",
    "Product",
    "ProductGroup",
    "Rating",
    "RatingLevel",
    "StarBand",
    "certificates",
    "count_by_commune",
    "load_ocop_rules",
    "load_products",
    "loads_ocop_rules",
    "loads_products",
    "ocop_observation",
    "ocop_rules",
    "rate",
    "rating_level",
    "stars_for",
    "valid_certificates",
]

FORMAT_VERSION = 1


def _exact(value: int | float | str | Fraction) -> Fraction:
    """A float counts as the decimal it prints as (29.99 is exactly 2999/100)."""
    if isinstance(value, bool):
        raise DataError(f"{value!r} is not a number", expected="a number of points")
    return Fraction(repr(value)) if isinstance(value, float) else Fraction(value)


def _tuple(values: Iterable[Any]) -> tuple[Any, ...]:
    return tuple(values)


def _fmt(value: Fraction, lang: str) -> str:
    return format_number(value, check_lang(lang))


# =========================================================================== rules as data


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
        words = {
            RatingLevel.DISTRICT: ("cấp huyện", "district level"),
            RatingLevel.PROVINCE: ("cấp tỉnh", "provincial level"),
            RatingLevel.CENTRAL: ("cấp trung ương", "central level"),
        }[self]
        return words[0 if check_lang(lang) == "vi" else 1]


@attrs.frozen(slots=True)
class Part:
    """One scoring part (A, B or C) and its maximum points.

    >>> ocop_rules().regime("148/QĐ-TTg").part("A").max_points
    Fraction(40, 1)
    """

    key: str
    name_vi: str
    name_en: str
    max_points: Fraction = attrs.field(converter=_exact)
    provenance: Provenance = attrs.field(factory=Provenance)


@attrs.frozen(slots=True)
class OcopRegime:
    """A decision's scoring sheet: the parts and their maximum points, with validity.

    >>> [(p.key, int(p.max_points)) for p in ocop_rules().regime("1048/QĐ-TTg").parts]
    [('A', 35), ('B', 25), ('C', 40)]
    """

    id: str
    title_vi: str
    title_en: str
    legal_basis: str
    valid_from: datetime.date
    valid_to: datetime.date | None
    parts: tuple[Part, ...] = attrs.field(converter=_tuple)
    provenance: Provenance = attrs.field(factory=Provenance)

    def is_in_force(self, on: datetime.date) -> bool:
        """True when ``on`` falls within the regime's validity.

        >>> ocop_rules().regime("148/QĐ-TTg").is_in_force(datetime.date(2023, 2, 24))
        True
        """
        return self.valid_from <= on and (self.valid_to is None or on <= self.valid_to)

    def part(self, key: str) -> Part:
        """The part with ``key``.

        >>> ocop_rules().regime("148/QĐ-TTg").part("D")
        Traceback (most recent call last):
        ...
        ntm_criteria.errors.UnknownCodeError: regime 148/QĐ-TTg: unknown OCOP part 'D' (known: A, B, C)
        """
        for part in self.parts:
            if part.key == key:
                return part
        raise UnknownCodeError(
            "OCOP part", key, known=[p.key for p in self.parts], where=f"regime {self.id}"
        )


@attrs.frozen(slots=True)
class StarBand:
    """A total of at least ``min_points`` earns ``stars`` (up to the next band).

    >>> ocop_rules().band(3).min_points
    Fraction(50, 1)
    """

    stars: int
    min_points: Fraction = attrs.field(converter=_exact)
    provenance: Provenance = attrs.field(factory=Provenance)


@attrs.frozen(slots=True)
class LevelRule:
    """Who rates and recognises products of ``stars`` during ``period``.

    ``proposal_min_points`` is set when products reach that level by being
    proposed from below (from 6/7/2025: 90 points at the provincial level).

    >>> rule = ocop_rules().level_rule(5, datetime.date(2025, 7, 6))
    >>> rule.level, rule.proposal_min_points
    (<RatingLevel.CENTRAL: 'central'>, Fraction(90, 1))
    """

    stars: int
    level: RatingLevel = attrs.field(converter=RatingLevel)
    period: Period
    provenance: Provenance = attrs.field(factory=Provenance)
    proposal_min_points: Fraction | None = None


@attrs.frozen(slots=True)
class ProductGroup:
    """One of the six OCOP product groups of 148/QĐ-TTg.

    >>> [g.key for g in ocop_rules().product_groups][:3]
    ['food', 'drinks', 'herbs']
    """

    key: str
    name_vi: str
    name_en: str


@attrs.frozen(slots=True)
class OcopRules:
    """The whole rule book: regimes, star bands, rating levels, certificates, groups.

    >>> rules = ocop_rules()
    >>> rules.regime_on("23/2/2023").id, rules.regime_on("24/2/2023").id
    ('1048/QĐ-TTg', '148/QĐ-TTg')
    >>> rules.certificate_months
    36
    """

    regimes: tuple[OcopRegime, ...] = attrs.field(converter=_tuple)
    star_bands: tuple[StarBand, ...] = attrs.field(converter=_tuple)
    rating_levels: tuple[LevelRule, ...] = attrs.field(converter=_tuple)
    certificate_months: int
    certificate_min_stars: int = 3
    certificate_provenance: Provenance = attrs.field(factory=Provenance)
    product_groups: tuple[ProductGroup, ...] = attrs.field(default=(), converter=_tuple)
    max_total: Fraction = attrs.field(default=Fraction(100), converter=_exact)

    def __attrs_post_init__(self) -> None:
        problems = Problems()
        _check_rules(self, problems)
        problems.raise_if_any()
        bands = tuple(sorted(self.star_bands, key=lambda b: -b.min_points))
        object.__setattr__(self, "star_bands", bands)
        regimes = tuple(sorted(self.regimes, key=lambda r: r.valid_from))
        object.__setattr__(self, "regimes", regimes)

    def regime(self, regime_id: str) -> OcopRegime:
        """The regime with ``regime_id``.

        >>> ocop_rules().regime("148/QĐ-TTg").valid_from
        datetime.date(2023, 2, 24)
        """
        for regime in self.regimes:
            if regime.id == regime_id:
                return regime
        raise UnknownCodeError("OCOP regime", regime_id, known=[r.id for r in self.regimes])

    def regime_on(self, on: datetime.date | str) -> OcopRegime:
        """The scoring regime in force on ``on``.

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

        >>> rules = ocop_rules()
        >>> [rules.stars_for(s) for s in (29.99, 30, 49.99, 50, 69.99, 70, 89.99, 90)]
        [1, 2, 2, 3, 3, 4, 4, 5]
        """
        points = _exact(score)
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

        >>> ocop_rules().valid_until("15/3/2023"), ocop_rules().valid_until("29/2/2024")
        (datetime.date(2026, 3, 15), datetime.date(2027, 2, 28))
        """
        return as_date(recognised_on) + relativedelta(months=self.certificate_months)

    def product_group(self, key: str) -> ProductGroup:
        """The product group with ``key``.

        >>> ocop_rules().product_group("drinks").name_vi
        'Đồ uống'
        """
        for group in self.product_groups:
            if group.key == key:
                return group
        raise UnknownCodeError(
            "OCOP product group", key, known=[g.key for g in self.product_groups]
        )


def _check_rules(rules: OcopRules, problems: Problems) -> None:
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


# =========================================================================== products


def _parts(values: Mapping[str, int | float | str | Fraction]) -> Mapping[str, Fraction]:
    return MappingProxyType({str(k): _exact(v) for k, v in values.items()})


@attrs.frozen(slots=True)
class Product:
    """A product scored by an OCOP council.

    ``commune`` is the code of the commune it belongs to; ``scored_on`` the
    date of the council's scoring, which picks the scoring sheet.  Give the
    points of each part (``parts={"A": 32, "B": 20, "C": 28}``), or only
    the ``total`` when the parts are not known.  ``recognised_on`` is the
    date of the recognition decision, when the product was recognised.

    >>> Product("X", "Chè", "04036", "1/6/2024", total=72.5).score
    Fraction(145, 2)
    >>> Product("X", "Chè", "04036", "1/6/2024")
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.DataError: product X (Chè): neither parts nor total given (expected parts = {A, B, C} or total)
    """

    code: str
    name_vi: str
    commune: str
    scored_on: datetime.date = attrs.field(converter=as_date)
    parts: Mapping[str, Fraction] = attrs.field(factory=dict, converter=_parts)
    total: Fraction | None = attrs.field(default=None, converter=attrs.converters.optional(_exact))
    group: str | None = None
    name_en: str | None = None
    recognised_on: datetime.date | None = attrs.field(default=None, converter=as_optional_date)

    def __attrs_post_init__(self) -> None:
        if not self.parts and self.total is None:
            raise DataError(
                f"product {self.label()}: neither parts nor total given",
                expected="parts = {A, B, C} or total",
            )
        if self.parts and self.total is not None and self.total != sum(self.parts.values()):
            raise DataError(
                f"product {self.label()}: total {self.total} is not the sum of its parts "
                f"({sum(self.parts.values())})",
                expected="a total equal to the parts' sum, or only one of them",
            )

    @property
    def score(self) -> Fraction:
        """The total score: the sum of the parts, or the total given.

        >>> Product("X", "Chè", "04036", "1/6/2024", parts={"A": 30, "B": 20.5, "C": 25}).score
        Fraction(151, 2)
        """
        if self.total is not None:
            return self.total
        return sum(self.parts.values(), Fraction(0))

    def label(self) -> str:
        """``SL-001 (Mật ong hoa cà phê)``.

        >>> Product("SL-001", "Mật ong", "04036", "1/6/2024", total=80).label()
        'SL-001 (Mật ong)'
        """
        return f"{self.code} ({self.name_vi})"


def _product_problems(product: Product, rules: OcopRules, path: str, problems: Problems) -> None:
    """Scores above their maximum, and everything else that makes a product unratable."""
    _score_problems(
        product.label(),
        product.scored_on,
        product.parts,
        product.total,
        product.group,
        rules,
        path,
        problems,
    )


def _score_problems(
    name: str,
    scored_on: datetime.date | None,
    parts: Mapping[str, Fraction],
    total: Fraction | None,
    group: str | None,
    rules: OcopRules,
    path: str,
    problems: Problems,
) -> None:
    if group is not None and group not in {g.key for g in rules.product_groups}:
        close = difflib.get_close_matches(group, [g.key for g in rules.product_groups], n=1)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        problems.add(
            _p(path, "group"),
            f"product {name}: unknown product group {group!r}{hint}",
            expected=", ".join(g.key for g in rules.product_groups),
        )
    score = total if total is not None else sum(parts.values(), Fraction(0))
    if score < 0 or score > rules.max_total:
        problems.add(
            _p(path, "total" if total is not None else "parts"),
            f"product {name}: total {_fmt(score, 'en')} is outside 0–{_fmt(rules.max_total, 'en')}",
            expected=f"a total of at most {_fmt(rules.max_total, 'en')}",
        )
    if scored_on is None:
        return
    try:
        regime = rules.regime_on(scored_on)
    except NotInForceError:
        first = rules.regimes[0].valid_from.isoformat() if rules.regimes else "?"
        problems.add(
            _p(path, "scored_on"),
            f"product {name}: scored on {scored_on.isoformat()}, before the first OCOP regime "
            f"in the data ({first})",
            expected=f"a date from {first}",
        )
        return
    for key, points in parts.items():
        try:
            part = regime.part(key)
        except UnknownCodeError:
            problems.add(
                _p(path, f"parts.{key}"),
                f"product {name}: unknown part {key!r} under {regime.id}",
                expected=", ".join(p.key for p in regime.parts),
            )
            continue
        if points < 0 or points > part.max_points:
            problems.add(
                _p(path, f"parts.{key}"),
                f"product {name}: part {key} = {_fmt(points, 'en')} is outside 0–"
                f"{_fmt(part.max_points, 'en')} under {regime.id}",
                expected=f"at most {_fmt(part.max_points, 'en')} points",
            )
    missing = [p.key for p in regime.parts if p.key not in parts]
    if parts and missing:
        problems.add(
            _p(path, "parts"),
            f"product {name}: parts {', '.join(missing)} missing",
            expected="every part of " + regime.id,
        )


@attrs.frozen(slots=True)
class Rating:
    """A product's stars and who may award them, as of its scoring date.

    ``level`` is the level that rates and recognises that many stars on the
    scoring date (:class:`~ntm_criteria.rules.Unspecified` when the data
    does not say); ``proposed_to_central`` is true for a product that goes
    from the provincial to the central level (from 6/7/2025, at least 90
    points).  ``band`` carries the star band's provenance.  ``is_certifiable``
    is true for the star classes that receive a certificate (3 stars and up),
    valid for ``certificate_months``.

    >>> rating = rate(Product("X", "Chè", "04036", "1/6/2024", total=55))
    >>> rating.stars, rating.level, rating.band.provenance.certainty, rating.is_certifiable
    (3, <RatingLevel.DISTRICT: 'district'>, 'medium', True)
    """

    product: Product
    regime_id: str
    score: Fraction
    stars: int
    band: StarBand
    level: RatingLevel | Unspecified
    level_provenance: Provenance
    proposed_to_central: bool = False
    is_certifiable: bool = True
    certificate_months: int = 36

    def summary(self, lang: str = "vi") -> str:
        """``SL-001 (…): 79,5/100 điểm → 4 sao; cấp tỉnh đánh giá, công nhận (148/QĐ-TTg)``.

        >>> print(rate(Product("X", "Chè", "04036", "1/8/2025", total=55)).summary("en"))
        X (Chè): 55/100 points → 3 stars; rated and recognised at the provincial level (148/QĐ-TTg)
        """
        vi = check_lang(lang) == "vi"
        head = (
            f"{self.product.label()}: {_fmt(self.score, lang)}/100 "
            + ("điểm" if vi else "points")
            + f" → {self.stars} "
            + ("sao" if vi else ("star" if self.stars == 1 else "stars"))
        )
        if isinstance(self.level, Unspecified):
            who = (
                "cấp đánh giá chưa quy định trong dữ liệu"
                if vi
                else "rating level not specified in the data"
            )
        elif vi:
            who = f"{self.level.label('vi')} đánh giá, công nhận"
        else:
            who = f"rated and recognised at the {self.level.label('en')}"
        if self.proposed_to_central:
            who += "; đề nghị cấp trung ương" if vi else "; proposed to the central level"
        return f"{head}; {who} ({self.regime_id})"

    def certificate(self, recognised_on: datetime.date | str | None = None) -> Certificate | None:
        """The certificate of a recognised product (3 stars and up), else ``None``.

        ``recognised_on`` defaults to the product's own recognition date.

        >>> p = Product("X", "Chè", "04036", "1/6/2024", total=72, recognised_on="1/7/2024")
        >>> rate(p).certificate().valid_until
        datetime.date(2027, 7, 1)
        """
        day = recognised_on or self.product.recognised_on
        if day is None or not self.is_certifiable:
            return None
        day = as_date(day)
        return Certificate(
            self.product.code,
            self.product.name_vi,
            self.product.commune,
            self.stars,
            day,
            day + relativedelta(months=self.certificate_months),
        )


def rate(product: Product, *, rules: OcopRules | None = None) -> Rating:
    """Rate ``product`` under the regime in force on its scoring date.

    Raises :class:`~ntm_criteria.errors.DataErrors` naming the product when a
    part is above its maximum, the total above 100, or the date before any
    regime.

    >>> rate(Product("X", "Chè", "04036", "1/6/2024", parts={"A": 42, "B": 20, "C": 30}))
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.DataErrors: 1 problem:
      - product X.parts.A: product X (Chè): part A = 42 is outside 0–40 under 148/QĐ-TTg (expected at most 40 points)
    >>> rate(Product("Y", "Mắm", "04036", "1/6/2024", total=92)).proposed_to_central
    False
    >>> rate(Product("Y", "Mắm", "04036", "1/8/2025", total=92)).proposed_to_central
    True
    """
    rules = rules or ocop_rules()
    problems = Problems()
    _product_problems(product, rules, f"product {product.code}", problems)
    problems.raise_if_any()
    regime = rules.regime_on(product.scored_on)
    score = product.score
    stars = rules.stars_for(score)
    band = rules.band(stars)
    rule = rules.level_rule(stars, product.scored_on)
    level: RatingLevel | Unspecified = (
        rule.level if rule is not None else rules.rating_level(stars, product.scored_on)
    )
    proposed = (
        rule is not None
        and rule.proposal_min_points is not None
        and score >= rule.proposal_min_points
    )
    return Rating(
        product,
        regime.id,
        score,
        stars,
        band,
        level,
        rule.provenance if rule is not None else Provenance(),
        proposed,
        stars >= rules.certificate_min_stars,
        rules.certificate_months,
    )


def stars_for(score: int | float | str | Fraction, *, rules: OcopRules | None = None) -> int:
    """The stars a total score earns (see :meth:`OcopRules.stars_for`).

    >>> stars_for(69.99), stars_for(70)
    (3, 4)
    """
    return (rules or ocop_rules()).stars_for(score)


def rating_level(
    stars: int, on: datetime.date | str, *, rules: OcopRules | None = None
) -> RatingLevel | Unspecified:
    """Who rates and recognises ``stars`` on ``on`` (see :meth:`OcopRules.rating_level`).

    >>> rating_level(3, "5/7/2025"), rating_level(3, "6/7/2025")
    (<RatingLevel.DISTRICT: 'district'>, <RatingLevel.PROVINCE: 'province'>)
    """
    return (rules or ocop_rules()).rating_level(stars, on)


# =========================================================================== certificates


def _default_valid_until(certificate: Certificate) -> datetime.date:
    return ocop_rules().valid_until(certificate.recognised_on)


def _check_stars(instance: Certificate, attribute: attrs.Attribute[int], value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not 3 <= value <= 5:
        raise DataError(
            f"certificate of {instance.product_code}: {value!r} stars",
            expected="3, 4 or 5 (certificates are issued from 3 stars)",
        )


@attrs.frozen(slots=True)
class Certificate:
    """An OCOP certificate: a product recognised with 3 to 5 stars on a date.

    ``valid_until`` is the last day it is valid: by default 36 months after
    ``recognised_on`` (see :meth:`OcopRules.valid_until`).

    >>> cert = Certificate("SL-001", "Mật ong", "04036", 4, "15/3/2023")
    >>> cert.valid_until
    datetime.date(2026, 3, 15)
    >>> cert.is_valid("15/3/2026"), cert.is_valid("16/3/2026")
    (True, False)
    """

    product_code: str
    name_vi: str
    commune: str
    stars: int = attrs.field(validator=_check_stars)
    recognised_on: datetime.date = attrs.field(converter=as_date)
    valid_until: datetime.date = attrs.field(
        default=attrs.Factory(_default_valid_until, takes_self=True), converter=as_date
    )
    decision: str | None = None

    def is_valid(self, on: datetime.date | str) -> bool:
        """True from ``recognised_on`` through ``valid_until``, both included.

        >>> cert = Certificate("SL-001", "Mật ong", "04036", 4, "15/3/2023")
        >>> cert.is_valid("14/3/2023"), cert.is_valid("15/3/2023"), cert.is_valid("16/3/2026")
        (False, True, False)
        """
        day = as_date(on)
        return self.recognised_on <= day <= self.valid_until


def certificates(
    products: Iterable[Product], *, rules: OcopRules | None = None
) -> tuple[Certificate, ...]:
    """The certificates of the recognised products (``recognised_on`` set, 3 stars and up).

    >>> products = [Product("A", "Chè", "04036", "1/6/2024", total=75, recognised_on="1/7/2024"),
    ...             Product("B", "Mận", "04036", "1/6/2024", total=45, recognised_on="1/7/2024")]
    >>> [(c.product_code, c.stars) for c in certificates(products)]
    [('A', 4)]
    """
    found = []
    for product in products:
        certificate = rate(product, rules=rules).certificate()
        if certificate is not None:
            found.append(certificate)
    return tuple(found)


def valid_certificates(
    items: Iterable[Certificate],
    on: datetime.date | str,
    *,
    commune: str | None = None,
    min_stars: int = 3,
) -> tuple[Certificate, ...]:
    """The certificates valid on ``on`` with at least ``min_stars``, one per product.

    When a product holds several valid certificates (re-rated), the latest
    recognition is kept.

    >>> certs = [Certificate("A", "Chè", "04036", 3, "1/7/2022"),
    ...          Certificate("A", "Chè", "04036", 4, "1/7/2024"),
    ...          Certificate("B", "Mận", "04039", 3, "1/1/2021")]
    >>> [(c.product_code, c.stars) for c in valid_certificates(certs, "1/1/2025")]
    [('A', 4)]
    """
    day = as_date(on)
    latest: dict[str, Certificate] = {}
    for certificate in items:
        if commune is not None and certificate.commune != commune:
            continue
        if certificate.stars < min_stars or not certificate.is_valid(day):
            continue
        previous = latest.get(certificate.product_code)
        if previous is None or certificate.recognised_on > previous.recognised_on:
            latest[certificate.product_code] = certificate
    return tuple(latest.values())


def count_by_commune(
    items: Iterable[Certificate], on: datetime.date | str, *, min_stars: int = 3
) -> dict[str, int]:
    """How many products of each commune hold a valid certificate of ``min_stars`` or more.

    >>> certs = [Certificate("A", "Chè", "04036", 3, "1/7/2024"),
    ...          Certificate("B", "Mận", "04036", 5, "1/7/2024"),
    ...          Certificate("C", "Mơ", "04039", 4, "1/7/2020")]
    >>> count_by_commune(certs, "30/6/2025")
    {'04036': 2}
    """
    counts: dict[str, int] = {}
    for certificate in valid_certificates(items, on, min_stars=min_stars):
        counts[certificate.commune] = counts.get(certificate.commune, 0) + 1
    return dict(sorted(counts.items()))


def ocop_observation(
    items: Iterable[Certificate],
    commune: str,
    *,
    on: datetime.date | str,
    indicator: str = "13.2",
    min_stars: int = 3,
) -> Observation:
    """The observation for an NTM indicator counting a commune's recognised OCOP products.

    Counts the commune's products holding a certificate of ``min_stars`` or
    more that is valid on ``on``.  The demo set's indicator ``13.2``
    ("Số sản phẩm OCOP được công nhận", at least 1) takes it directly:

    >>> from ntm_criteria import Locality, assess, demo
    >>> certs = [Certificate("SL-001", "Mật ong", "04036", 3, "1/7/2021"),
    ...          Certificate("SL-002", "Chè", "04036", 4, "1/3/2020")]
    >>> obs = ocop_observation(certs, "04036", on="30/6/2023")
    >>> obs.indicator_code, obs.value
    ('13.2', 1)
    >>> commune = demo.gazetteer().get("04036")
    >>> result = assess(commune, demo.criterion_set(), [obs], on="30/6/2023")
    >>> result.indicator("13.2").summary("en")
    '13.2 (Recognised OCOP products): met — 1 (≥ 1)'
    >>> ocop_observation(certs, "04036", on="2/7/2024").value
    0
    """
    day = as_date(on)
    count = len(valid_certificates(items, day, commune=commune, min_stars=min_stars))
    return Observation(
        indicator,
        count,
        as_of=day,
        source=f"OCOP certificates of {min_stars}+ stars valid on {day.isoformat()}",
    )


# =========================================================================== reading data


class _Reader(DataReader):
    """Reads one document, collecting every problem with its key path."""

    def text(
        self, data: Mapping[str, Any], key: str, path: str, *, required: bool = True
    ) -> str | None:
        value = data.get(key)
        if isinstance(value, int) and not isinstance(value, bool) and key == "commune":
            self.problems.add(
                _p(path, key), f"{value!r} is a number", expected=f'a code string such as "{value}"'
            )
            return None
        return super().text(data, key, path, required=required)

    def format(self, data: Mapping[str, Any]) -> None:
        self.version(data, FORMAT_VERSION)


_PROVENANCE = ("source", "confidence", "certainty")
_RULES_KEYS = (
    "format",
    "max_total",
    "regimes",
    "star_bands",
    "star_bands_provenance",
    "rating_levels",
    "certificate",
    "product_groups",
)
_REGIME_KEYS = (
    "id",
    "title_vi",
    "title_en",
    "legal_basis",
    "valid_from",
    "valid_to",
    "parts",
    *_PROVENANCE,
)
_LEVEL_KEYS = ("stars", "level", "from", "until", "proposal_min_points", *_PROVENANCE)


def loads_ocop_rules(text: str, *, file: str | None = None) -> OcopRules:
    """Read OCOP rules from TOML text; every problem is reported at once.

    The shipped file is ``data/ocop.toml``; a "what if" analysis may load its own.

    >>> loads_ocop_rules('[certificate]\\nmonths = "36"', file="o.toml")
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.DataErrors: o.toml: 3 problems:
      - regimes: missing (expected at least one [[regimes]] table)
      - star_bands: missing (expected at least one [[star_bands]] table)
      - certificate.months: '36' is not a positive whole number (expected e.g. 1)
    """
    data = parse_toml(text, file)
    reader = _Reader()
    reader.format(data)
    reader.keys(data, _RULES_KEYS, "")
    regimes = [
        r for path, item in reader.tables(data, "regimes", "") if (r := _regime(reader, item, path))
    ]
    if "regimes" not in data:
        reader.problems.add("regimes", "missing", expected="at least one [[regimes]] table")
    band_base = reader.provenance(
        data.get("star_bands_provenance", {}), "star_bands_provenance", Provenance()
    )
    bands = []
    for path, item in reader.tables(data, "star_bands", ""):
        reader.keys(item, ("stars", "min_points", *_PROVENANCE), path)
        stars = reader.whole(item, "stars", path)
        points = reader.number(item, "min_points", path)
        if stars is not None and points is not None:
            bands.append(StarBand(stars, points, reader.provenance(item, path, band_base)))
    if "star_bands" not in data:
        reader.problems.add("star_bands", "missing", expected="at least one [[star_bands]] table")
    levels = [
        rule
        for path, item in reader.tables(data, "rating_levels", "")
        if (rule := _level(reader, item, path))
    ]
    groups = []
    for path, item in reader.tables(data, "product_groups", ""):
        reader.keys(item, ("key", "name_vi", "name_en"), path)
        names = [reader.text(item, k, path) for k in ("key", "name_vi", "name_en")]
        if None not in names:
            groups.append(ProductGroup(*(str(n) for n in names)))
    certificate = data.get("certificate", {})
    if not isinstance(certificate, Mapping):
        reader.problems.add("certificate", "not a table", expected="a [certificate] table")
        certificate = {}
    reader.keys(certificate, ("months", "min_stars", *_PROVENANCE), "certificate")
    months = reader.whole(certificate, "months", "certificate")
    min_stars = reader.whole(
        {"min_stars": certificate.get("min_stars", 3)}, "min_stars", "certificate"
    )
    max_total = reader.number(data, "max_total", "", required=False)
    cert_provenance = reader.provenance(certificate, "certificate", Provenance())
    reader.problems.raise_if_any(file)
    try:
        return OcopRules(
            regimes,
            bands,
            levels,
            months or 0,
            min_stars or 3,
            cert_provenance,
            groups,
            max_total if max_total is not None else Fraction(100),
        )
    except DataErrors as err:
        raise DataErrors(err.errors, file=file) from None


def _regime(reader: _Reader, data: Mapping[str, Any], path: str) -> OcopRegime | None:
    reader.keys(data, _REGIME_KEYS, path)
    before = len(reader.problems.items)
    texts = [reader.text(data, k, path) for k in ("id", "title_vi", "title_en", "legal_basis")]
    start = reader.date(data, "valid_from", path)
    end = reader.date(data, "valid_to", path, required=False)
    base = reader.provenance(data, path, Provenance())
    parts = []
    for part_path, item in reader.tables(data, "parts", path):
        reader.keys(item, ("key", "name_vi", "name_en", "max_points", *_PROVENANCE), part_path)
        names = [reader.text(item, k, part_path) for k in ("key", "name_vi", "name_en")]
        points = reader.number(item, "max_points", part_path)
        if None not in names and points is not None:
            parts.append(
                Part(
                    str(names[0]),
                    str(names[1]),
                    str(names[2]),
                    points,
                    reader.provenance(item, part_path, base),
                )
            )
    if "parts" not in data:
        reader.problems.add(_p(path, "parts"), "missing", expected="[[regimes.parts]] tables")
    if len(reader.problems.items) != before or start is None:
        return None
    return OcopRegime(
        str(texts[0]), str(texts[1]), str(texts[2]), str(texts[3]), start, end, parts, base
    )


def _level(reader: _Reader, data: Mapping[str, Any], path: str) -> LevelRule | None:
    reader.keys(data, _LEVEL_KEYS, path)
    before = len(reader.problems.items)
    stars = reader.whole(data, "stars", path)
    level = data.get("level")
    if level not in [lv.value for lv in RatingLevel]:
        reader.problems.add(
            _p(path, "level"),
            f"unknown rating level {level!r}",
            expected=", ".join(lv.value for lv in RatingLevel),
        )
    start = reader.date(data, "from", path)
    end = reader.date(data, "until", path, required=False)
    proposal = reader.number(data, "proposal_min_points", path, required=False)
    provenance = reader.provenance(data, path, Provenance())
    if len(reader.problems.items) != before or start is None or stars is None:
        return None
    try:
        period = Period(start, end or datetime.date.max)
    except DataError as err:
        reader.problems.add_error(path, err)
        return None
    return LevelRule(stars, str(level), period, provenance, proposal)


def load_ocop_rules(path: str | Path) -> OcopRules:
    """Read OCOP rules from a TOML file (see :func:`loads_ocop_rules`).

    >>> load_ocop_rules("no/such/rules.toml")
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.DataError: no/such/rules.toml: cannot read the file: No such file or directory
    """
    return loads_ocop_rules(read_text_file(path), file=str(path))


@functools.cache
def ocop_rules() -> OcopRules:
    """The shipped OCOP rules (``data/ocop.toml``).

    >>> [(b.stars, int(b.min_points)) for b in ocop_rules().star_bands]
    [(5, 90), (4, 70), (3, 50), (2, 30), (1, 0)]
    """
    text = resources.files("ntm_criteria").joinpath("data", "ocop.toml").read_text(encoding="utf-8")
    return loads_ocop_rules(text, file="data/ocop.toml")


_PRODUCT_KEYS = (
    "code",
    "name_vi",
    "name_en",
    "commune",
    "group",
    "scored_on",
    "parts",
    "total",
    "recognised_on",
)


def loads_products(
    text: str, *, file: str | None = None, rules: OcopRules | None = None
) -> tuple[Product, ...]:
    """Read ``[[products]]`` from TOML text, checking every product against the rules.

    Every problem of every product is reported at once, each naming the
    product: a part above its maximum, a total above 100, an unknown part or
    group, a date before any regime, a duplicate code.

    >>> loads_products('''
    ... [[products]]
    ... code = "SL-001"
    ... name_vi = "Mật ong"
    ... commune = "04036"
    ... scored_on = 2024-05-10
    ... parts = { A = 41, B = 20, C = 30 }
    ... [[products]]
    ... code = "SL-002"
    ... name_vi = "Chè"
    ... commune = "04036"
    ... scored_on = 2024-05-10
    ... total = 100.5
    ... ''', file="p.toml")
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.DataErrors: p.toml: 2 problems:
      - products[0].parts.A: product SL-001 (Mật ong): part A = 41 is outside 0–40 under 148/QĐ-TTg (expected at most 40 points)
      - products[1].total: product SL-002 (Chè): total 100.5 is outside 0–100 (expected a total of at most 100)
    """
    rules = rules or ocop_rules()
    data = parse_toml(text, file)
    reader = _Reader()
    reader.keys(data, ("format", "products"), "")
    reader.format(data)
    products: list[Product] = []
    codes: dict[str, str] = {}
    for path, item in reader.tables(data, "products", ""):
        code = item.get("code")
        if isinstance(code, str) and code in codes:
            reader.problems.add(
                _p(path, "code"), f"duplicate product code {code!r} (first at {codes[code]})"
            )
        if isinstance(code, str):
            codes.setdefault(code, path)
        product = _product(reader, item, path, rules)
        if product is not None:
            products.append(product)
    if "products" not in data:
        reader.problems.add("products", "missing", expected="[[products]] tables")
    reader.problems.raise_if_any(file)
    return tuple(products)


def _product(
    reader: _Reader, data: Mapping[str, Any], path: str, rules: OcopRules
) -> Product | None:
    reader.keys(data, _PRODUCT_KEYS, path)
    before = len(reader.problems.items)
    code = data.get("code")
    if isinstance(code, int) and not isinstance(code, bool):
        reader.problems.add(
            _p(path, "code"), f"{code!r} is a number", expected=f'a string such as "{code}"'
        )
    else:
        code = reader.text(data, "code", path)
    name = reader.text(data, "name_vi", path)
    commune = reader.text(data, "commune", path)
    scored_on = reader.date(data, "scored_on", path)
    recognised_on = reader.date(data, "recognised_on", path, required=False)
    group = reader.text(data, "group", path, required=False)
    name_en = reader.text(data, "name_en", path, required=False)
    parts: dict[str, Fraction] = {}
    raw_parts = data.get("parts", {})
    if not isinstance(raw_parts, Mapping):
        reader.problems.add(
            _p(path, "parts"),
            f"{raw_parts!r} is not a table",
            expected="{ A = 32, B = 20, C = 28 }",
        )
        raw_parts = {}
    for key, value in raw_parts.items():
        points = number_from_data(value, _p(path, f"parts.{key}"), reader.problems)
        if points is not None:
            parts[str(key)] = points
    total = reader.number(data, "total", path, required=False)
    label = f"{data.get('code', '?')} ({data.get('name_vi', '?')})"
    if not raw_parts and total is None and "total" not in data:
        reader.problems.add(
            path, f"product {label}: neither parts nor total given", expected="parts or total"
        )
    else:
        _score_problems(label, scored_on, parts, total, group, rules, path, reader.problems)
    if len(reader.problems.items) != before or scored_on is None:
        return None
    try:
        return Product(
            str(code),
            str(name),
            str(commune),
            scored_on,
            parts,
            total,
            group,
            name_en,
            recognised_on,
        )
    except DataError as err:
        reader.problems.add_error(path, err)
        return None


def load_products(path: str | Path, *, rules: OcopRules | None = None) -> tuple[Product, ...]:
    """Read products from a TOML file (see :func:`loads_products`).

    >>> load_products("no/such/products.toml")
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.DataError: no/such/products.toml: cannot read the file: No such file or directory
    """
    return loads_products(read_text_file(path), file=str(path), rules=rules)
