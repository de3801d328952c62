"""Rate OCOP products, check their certificates and count them per commune.

The products are ILLUSTRATIVE (real product names, made-up codes and scores);
the rules — the parts' maximum points, the star bands, who rates each star
and the 36-month certificate — are the official data shipped with the library.
Run: python examples/ocop_products.py
"""

from __future__ import annotations

import datetime

from ntm_criteria import assess, demo
from ntm_criteria.ocop import (
    certificates,
    count_by_commune,
    loads_products,
    ocop_observation,
    ocop_rules,
    rate,
)

PRODUCTS = """
[[products]]
code = "SL-001"
name_vi = "Mật ong hoa cà phê"
commune = "03664"
group = "food"
scored_on = 2023-05-10
parts = { A = 32, B = 20.5, C = 27 }
recognised_on = 2023-06-01

[[products]]
code = "SL-002"
name_vi = "Chè Shan tuyết"
commune = "03664"
group = "drinks"
scored_on = 2020-09-01
parts = { A = 30, B = 18, C = 34.5 }     # scored under 1048/QĐ-TTg: C up to 40
recognised_on = 2020-10-15

[[products]]
code = "SL-003"
name_vi = "Mận hậu sấy dẻo"
commune = "03661"
group = "food"
scored_on = 2025-08-20
total = 91.25
recognised_on = 2025-10-01

[[products]]
code = "SL-004"
name_vi = "Rượu ngô"
commune = "03661"
group = "drinks"
scored_on = 2024-03-01
total = 48
"""


def main() -> None:
    rules = ocop_rules()
    print("Bands:", ", ".join(f"{b.stars}★ ≥ {b.min_points}" for b in rules.star_bands))
    print()
    products = loads_products(PRODUCTS, file="PRODUCTS")
    for product in products:
        print(rate(product).summary("vi"))
    print()

    certs = certificates(products)
    for on in (
        datetime.date(2023, 6, 30),
        datetime.date(2023, 10, 16),
        datetime.date(2025, 12, 31),
    ):
        print(on.isoformat(), "—", count_by_commune(certs, on))
    for cert in certs:
        print(
            f"{cert.product_code}: {cert.stars}★, valid {cert.recognised_on} → {cert.valid_until}"
        )
    print()

    # The commune's OCOP indicator of an NTM set (the demo set's 13.2).
    commune = demo.gazetteer().get("03664")
    on = demo.ASSESSMENT_DATE
    result = assess(commune, demo.criterion_set(), [ocop_observation(certs, "03664", on=on)], on=on)
    print(result.indicator("13.2").summary("vi"))
    print(result.indicator("13.2").summary("en"))


if __name__ == "__main__":
    main()
