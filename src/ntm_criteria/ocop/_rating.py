"""A product's stars and who awards them (:class:`Rating`, :func:`rate`), and its certificates."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from fractions import Fraction

import attrs
from dateutil.relativedelta import relativedelta

from ntm_criteria.ocop._certificates import Certificate
from ntm_criteria.ocop._products import Product, product_problems
from ntm_criteria.ocop._reading import ocop_rules
from ntm_criteria.ocop._rules import OcopRules, RatingLevel, StarBand
from ntm_criteria.periods import as_date
from ntm_criteria.rules import Problems, Provenance, Unspecified
from ntm_criteria.text import check_lang, format_number, message

__all__ = ["Rating", "certificates", "rate", "rating_level", "stars_for"]


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
        lang = check_lang(lang)
        stars_key = "ocop.rating.stars_one" if self.stars == 1 else "ocop.rating.stars_many"
        if isinstance(self.level, Unspecified):
            who = message("ocop.rating.level_unspecified", lang)
        else:
            who = message("ocop.rating.rated_by", lang, level=self.level.label(lang))
        if self.proposed_to_central:
            who += "; " + message("ocop.rating.proposed", lang)
        return message(
            "ocop.rating.summary",
            lang,
            product=self.product.label(),
            score=format_number(self.score, lang),
            stars=message(stars_key, lang, n=self.stars),
            who=who,
            regime=self.regime_id,
        )

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
    product_problems(product, rules, f"product {product.code}", problems)
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
