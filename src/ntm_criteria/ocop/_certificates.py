"""OCOP certificates (:class:`Certificate`), which are valid when, and the counts per commune."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

import attrs

from ntm_criteria.assessment import Observation
from ntm_criteria.errors import DataError
from ntm_criteria.ocop._reading import ocop_rules
from ntm_criteria.periods import as_date

__all__ = ["Certificate", "count_by_commune", "ocop_observation", "valid_certificates"]


def _default_valid_until(certificate: Certificate) -> datetime.date:
    return ocop_rules().valid_until(certificate.recognised_on)


def _check_stars(
    instance: Certificate, attribute: attrs.Attribute[int | None], value: int | None
) -> None:
    if value is None:  # the count of stars is not stated
        return
    if isinstance(value, bool) or not isinstance(value, int) or not 3 <= value <= 5:
        raise DataError(
            f"certificate of {instance.product_code}: {value!r} stars",
            expected="3, 4 or 5 (certificates are issued from 3 stars)",
        )


@attrs.frozen(slots=True)
class Certificate:
    """An OCOP certificate: a product recognised with 3 to 5 stars on a date.

    ``valid_until`` is the last day it is valid: by default 36 months after
    ``recognised_on`` (see :meth:`OcopRules.valid_until`).  ``stars`` is
    ``None`` when a published list does not say how many: such a certificate
    counts where the certificate minimum (3 stars) is asked, never above.

    >>> cert = Certificate("SL-001", "Mật ong", "03664", 4, "15/3/2023")
    >>> cert.valid_until
    datetime.date(2026, 3, 15)
    >>> cert.is_valid("15/3/2026"), cert.is_valid("16/3/2026")
    (True, False)
    """

    product_code: str
    name_vi: str
    commune: str
    stars: int | None = attrs.field(validator=_check_stars)
    recognised_on: datetime.date = attrs.field(converter=as_date)
    valid_until: datetime.date = attrs.field(
        default=attrs.Factory(_default_valid_until, takes_self=True), converter=as_date
    )
    decision: str | None = None

    def is_valid(self, on: datetime.date | str) -> bool:
        """True from ``recognised_on`` through ``valid_until``, both included.

        >>> cert = Certificate("SL-001", "Mật ong", "03664", 4, "15/3/2023")
        >>> cert.is_valid("14/3/2023"), cert.is_valid("15/3/2023"), cert.is_valid("16/3/2026")
        (False, True, False)
        """
        day = as_date(on)
        return self.recognised_on <= day <= self.valid_until


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

    >>> certs = [Certificate("A", "Chè", "03664", 3, "1/7/2022"),
    ...          Certificate("A", "Chè", "03664", 4, "1/7/2024"),
    ...          Certificate("B", "Mận", "03661", 3, "1/1/2021")]
    >>> [(c.product_code, c.stars) for c in valid_certificates(certs, "1/1/2025")]
    [('A', 4)]
    """
    day = as_date(on)
    latest: dict[str, Certificate] = {}
    for certificate in items:
        if commune is not None and certificate.commune != commune:
            continue
        stars = certificate.stars
        if stars is None:  # unknown stars reach only the minimum any certificate has
            stars = ocop_rules().certificate_min_stars
        if stars < min_stars or not certificate.is_valid(day):
            continue
        previous = latest.get(certificate.product_code)
        if previous is None or certificate.recognised_on > previous.recognised_on:
            latest[certificate.product_code] = certificate
    return tuple(latest.values())


def count_by_commune(
    items: Iterable[Certificate], on: datetime.date | str, *, min_stars: int = 3
) -> dict[str, int]:
    """How many products of each commune hold a valid certificate of ``min_stars`` or more.

    >>> certs = [Certificate("A", "Chè", "03664", 3, "1/7/2024"),
    ...          Certificate("B", "Mận", "03664", 5, "1/7/2024"),
    ...          Certificate("C", "Mơ", "03661", 4, "1/7/2020")]
    >>> count_by_commune(certs, "30/6/2025")
    {'03664': 2}
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
    >>> certs = [Certificate("SL-001", "Mật ong", "03664", 3, "1/7/2021"),
    ...          Certificate("SL-002", "Chè", "03664", 4, "1/3/2020")]
    >>> obs = ocop_observation(certs, "03664", on="30/6/2023")
    >>> obs.indicator_code, obs.value
    ('13.2', 1)
    >>> commune = demo.gazetteer().get("03664")
    >>> result = assess(commune, demo.criterion_set(), [obs], on="30/6/2023")
    >>> result.indicator("13.2").summary("en")
    '13.2 (Recognised OCOP products): met — 1 (≥ 1)'
    >>> ocop_observation(certs, "03664", on="2/7/2024").value
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
