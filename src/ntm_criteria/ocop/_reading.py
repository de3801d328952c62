"""Reading OCOP rules and products from TOML documents, every problem collected."""

from __future__ import annotations

import datetime
import functools
from collections.abc import Mapping
from fractions import Fraction
from importlib import resources
from pathlib import Path
from typing import Any

from ntm_criteria._document import DataReader, key_path, parse_toml, read_text_file
from ntm_criteria._validators import check_magnitude, check_number_text, nfc
from ntm_criteria.errors import DataError, DataErrors
from ntm_criteria.ocop._products import Product, score_problems
from ntm_criteria.ocop._rules import (
    LevelRule,
    OcopRegime,
    OcopRules,
    Part,
    ProductGroup,
    RatingLevel,
    StarBand,
)
from ntm_criteria.periods import Period
from ntm_criteria.rules import Provenance

__all__ = [
    "FORMAT_VERSION",
    "load_ocop_rules",
    "load_products",
    "loads_ocop_rules",
    "loads_products",
    "ocop_rules",
]

FORMAT_VERSION = 1


class _Reader(DataReader):
    """Reads one document, collecting every problem with its key path."""

    def text(
        self, data: Mapping[str, Any], key: str, path: str, *, required: bool = True
    ) -> str | None:
        value = data.get(key)
        if isinstance(value, int) and not isinstance(value, bool) and key == "commune":
            self.problems.add(
                key_path(path, key),
                f"{value!r} is a number",
                expected=f'a code string such as "{value}"',
            )
            return None
        return super().text(data, key, path, required=required)

    def format(self, data: Mapping[str, Any]) -> None:
        self.version(data, FORMAT_VERSION)

    def number(
        self, data: Mapping[str, Any], key: str, path: str, *, required: bool = True
    ) -> Fraction | None:
        # The documented limits, checked before any arithmetic and located
        # (Regression: a max_total of 1e30 escaped as a DataError with no key path).
        value = data.get(key)
        try:
            if isinstance(value, str):
                check_number_text(value)
            number = super().number(data, key, path, required=required)
            return None if number is None else check_magnitude(number)
        except DataError as err:
            self.problems.add_error(key_path(path, key), err)
            return None

    def table_at(self, data: Mapping[str, Any], key: str, path: str = "") -> Mapping[str, Any]:
        """The optional table ``key`` ({} when absent); another value is a problem."""
        value = data.get(key, {})
        if not isinstance(value, Mapping):
            self.problems.add(
                key_path(path, key),
                f"{repr(value)[:40]} is not a table",
                expected=f"a [{key}] table",
            )
            return {}
        return value


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

    The shipped file is ``catalog/data/ocop/rules.toml``; a "what if" analysis may load its own.

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
    # Regression: star_bands_provenance = 1 raised TypeError.
    band_base = reader.provenance(
        reader.table_at(data, "star_bands_provenance"), "star_bands_provenance", Provenance()
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
            groups.append(ProductGroup(nfc(str(names[0])), str(names[1]), str(names[2])))
    certificate = reader.table_at(data, "certificate")
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
    except DataError as err:
        raise DataErrors([err], file=file) from None


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
                    nfc(str(names[0])),
                    str(names[1]),
                    str(names[2]),
                    points,
                    reader.provenance(item, part_path, base),
                )
            )
    if "parts" not in data:
        reader.problems.add(key_path(path, "parts"), "missing", expected="[[regimes.parts]] tables")
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
    level = nfc(level) if isinstance(level, str) else level
    if level not in [lv.value for lv in RatingLevel]:
        reader.problems.add(
            key_path(path, "level"),
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
    """The shipped OCOP rules (``catalog/data/ocop/rules.toml``), read once.

    >>> [(b.stars, int(b.min_points)) for b in ocop_rules().star_bands]
    [(5, 90), (4, 70), (3, 50), (2, 30), (1, 0)]
    """
    # Read as a file of the package, not through ntm_criteria.catalog, which
    # OCOP does not otherwise need.
    name = "catalog/data/ocop/rules.toml"
    text = resources.files("ntm_criteria").joinpath(*name.split("/")).read_text(encoding="utf-8")
    return loads_ocop_rules(text, file=name)


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
        code = nfc(code) if isinstance(code, str) else code  # an NFD twin is a duplicate
        if isinstance(code, str) and code in codes:
            reader.problems.add(
                key_path(path, "code"), f"duplicate product code {code!r} (first at {codes[code]})"
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
            key_path(path, "code"), f"{code!r} is a number", expected=f'a string such as "{code}"'
        )
    else:
        code = reader.text(data, "code", path)
    name = reader.text(data, "name_vi", path)
    commune = reader.text(data, "commune", path)
    scored_on = reader.date(data, "scored_on", path)
    recognised_on = reader.date(data, "recognised_on", path, required=False)
    group = reader.text(data, "group", path, required=False)
    group = None if group is None else nfc(group)
    name_en = reader.text(data, "name_en", path, required=False)
    parts: dict[str, Fraction] = {}
    raw_parts = data.get("parts", {})
    if not isinstance(raw_parts, Mapping):
        reader.problems.add(
            key_path(path, "parts"),
            f"{raw_parts!r} is not a table",
            expected="{ A = 32, B = 20, C = 28 }",
        )
        raw_parts = {}
    for key in raw_parts:
        points = reader.number(raw_parts, key, key_path(path, "parts"))
        if points is not None:
            parts[str(key)] = points
    total = reader.number(data, "total", path, required=False)
    label = f"{data.get('code', '?')} ({data.get('name_vi', '?')})"
    if not raw_parts and total is None and "total" not in data:
        reader.problems.add(
            path, f"product {label}: neither parts nor total given", expected="parts or total"
        )
    else:
        score_problems(label, scored_on, parts, total, group, rules, path, reader.problems)
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
