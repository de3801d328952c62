"""OCOP product ratings: scores, stars, who rates them, certificates and counts per commune.

Under the One Commune One Product programme (OCOP, *Mỗi xã một sản
phẩm*) a council scores a product out of 100 points in three parts — A,
product and community strength; B, marketing capacity; C, product quality —
and the total gives its stars.  Everything that the law fixes is data
(``catalog/data/ocop/rules.toml``, read by :func:`ocop_rules`), each value with its source
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
A product registered and awaiting its rating is a :class:`Registration`;
:func:`count_products` counts, per commune, the products certified and those
awaiting, and :func:`read_product_list` reads both from a CSV list
(:data:`PRODUCT_LIST_COLUMNS`) where a certificate's stars may be left empty
when the published list does not give them.

>>> import datetime
>>> honey = Product("SL-001", "Mật ong hoa cà phê", "04036", "10/5/2024",
...                 parts={"A": 32, "B": 20.5, "C": 27})
>>> rating = rate(honey)
>>> rating.score, rating.stars, rating.level
(Fraction(159, 2), 4, <RatingLevel.PROVINCE: 'province'>)
>>> print(rating.summary("vi"))
SL-001 (Mật ong hoa cà phê): 79,5/100 điểm → 4 sao; cấp tỉnh đánh giá, công nhận (148/QĐ-TTg)
"""

from ntm_criteria.ocop._certificates import (
    Certificate,
    count_by_commune,
    ocop_observation,
    valid_certificates,
)
from ntm_criteria.ocop._list_csv import (
    PRODUCT_LIST_COLUMNS,
    ProductList,
    read_product_list,
    reads_product_list,
)
from ntm_criteria.ocop._products import Product
from ntm_criteria.ocop._rating import Rating, certificates, rate, rating_level, stars_for
from ntm_criteria.ocop._reading import (
    load_ocop_rules,
    load_products,
    loads_ocop_rules,
    loads_products,
    ocop_rules,
)
from ntm_criteria.ocop._registrations import OcopCount, Registration, count_products
from ntm_criteria.ocop._rules import (
    LevelRule,
    OcopRegime,
    OcopRules,
    Part,
    ProductGroup,
    RatingLevel,
    StarBand,
)

__all__ = [
    "PRODUCT_LIST_COLUMNS",
    "Certificate",
    "LevelRule",
    "OcopCount",
    "OcopRegime",
    "OcopRules",
    "Part",
    "Product",
    "ProductGroup",
    "ProductList",
    "Rating",
    "RatingLevel",
    "Registration",
    "StarBand",
    "certificates",
    "count_by_commune",
    "count_products",
    "load_ocop_rules",
    "load_products",
    "loads_ocop_rules",
    "loads_products",
    "ocop_observation",
    "ocop_rules",
    "rate",
    "rating_level",
    "read_product_list",
    "reads_product_list",
    "stars_for",
    "valid_certificates",
]
