"""Products registered and awaiting their rating, and the counts per commune that show them.

A commune's OCOP figures are not only its certificates: products are
registered (đăng ký) and wait for a council to rate them.  A
:class:`Registration` is such a product; :func:`count_products` counts, per
commune, the products certified on a date and those still awaiting.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

import attrs

from ntm_criteria._validators import nfc
from ntm_criteria.ocop._certificates import Certificate, valid_certificates
from ntm_criteria.periods import as_date
from ntm_criteria.text import check_lang, message

__all__ = ["OcopCount", "Registration", "count_products"]


@attrs.frozen(slots=True)
class Registration:
    """A product registered for an OCOP rating, not yet rated.

    It awaits its rating from ``registered_on`` until a certificate of the
    same product code is recognised.

    >>> tea = Registration("HL-05", "Chè xanh", "HL", "1/9/2023")
    >>> tea.is_awaiting("31/12/2023"), tea.is_awaiting("31/8/2023")
    (True, False)
    >>> tea.is_awaiting("31/12/2024", [Certificate("HL-05", "Chè xanh", "HL", 3, "1/6/2024")])
    False
    """

    product_code: str = attrs.field(converter=nfc)
    name_vi: str
    commune: str = attrs.field(converter=nfc)
    registered_on: datetime.date = attrs.field(converter=as_date)
    name_en: str | None = None

    def is_awaiting(
        self, on: datetime.date | str, certificates: Iterable[Certificate] = ()
    ) -> bool:
        """True once registered and while no certificate of the product is recognised.

        >>> Registration("A", "Mật ong", "HL", "1/3/2023").is_awaiting("1/3/2023")
        True
        """
        day = as_date(on)
        if day < self.registered_on:
            return False
        return not any(
            c.product_code == self.product_code and c.recognised_on <= day for c in certificates
        )


@attrs.frozen(slots=True)
class OcopCount:
    """One commune's OCOP products on a date: certified and awaiting their rating.

    >>> count = OcopCount("HL", certified=4, awaiting=2)
    >>> print(count.summary("vi", name="thị xã Hồng Lĩnh"))
    thị xã Hồng Lĩnh: 4 sản phẩm OCOP được công nhận, 2 sản phẩm chờ đánh giá
    >>> print(count.summary("en"))
    HL: 4 OCOP products certified, 2 awaiting rating
    """

    commune: str
    certified: int = 0
    awaiting: int = 0

    @property
    def total(self) -> int:
        """Certified and awaiting together.

        >>> OcopCount("HL", 4, 2).total
        6
        """
        return self.certified + self.awaiting

    def summary(self, lang: str = "vi", *, name: str | None = None) -> str:
        """``thị xã Hồng Lĩnh: 4 sản phẩm OCOP được công nhận, 2 sản phẩm chờ đánh giá``.

        >>> print(OcopCount("X", 1, 0).summary("en"))
        X: 1 OCOP product certified, 0 awaiting rating
        """
        code = check_lang(lang)
        key = "ocop.count.summary_one" if self.certified == 1 else "ocop.count.summary"
        return message(
            key, code, name=name or self.commune, certified=self.certified, awaiting=self.awaiting
        )


def count_products(
    certificates: Iterable[Certificate],
    registrations: Iterable[Registration] = (),
    *,
    on: datetime.date | str,
    min_stars: int = 3,
) -> dict[str, OcopCount]:
    """Per commune, the products holding a valid certificate on ``on`` and those awaiting rating.

    A certified product counts once however many certificates it holds
    (see :func:`valid_certificates`); a registration counts as awaiting from
    its date until a certificate of its product is recognised.  Communes come
    in code order.

    >>> certs = [Certificate(f"HL-0{i}", "Sản phẩm", "HL", 3, "1/6/2023") for i in range(1, 5)]
    >>> waiting = [Registration(f"HL-0{i}", "Sản phẩm", "HL", "1/9/2023") for i in (5, 6)]
    >>> count_products(certs, waiting, on="31/12/2023")
    {'HL': OcopCount(commune='HL', certified=4, awaiting=2)}
    """
    day = as_date(on)
    items = tuple(certificates)
    certified: dict[str, int] = {}
    for certificate in valid_certificates(items, day, min_stars=min_stars):
        certified[certificate.commune] = certified.get(certificate.commune, 0) + 1
    awaiting: dict[str, set[str]] = {}
    for registration in registrations:
        if registration.is_awaiting(day, items):
            awaiting.setdefault(registration.commune, set()).add(registration.product_code)
    communes = sorted({*certified, *awaiting})
    return {c: OcopCount(c, certified.get(c, 0), len(awaiting.get(c, ()))) for c in communes}
