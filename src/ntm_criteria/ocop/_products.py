"""A product scored by an OCOP council (:class:`Product`), and the checks of its scores."""

from __future__ import annotations

import datetime
import difflib
from collections.abc import Mapping
from fractions import Fraction
from types import MappingProxyType
from typing import Any

import attrs

from ntm_criteria._document import key_path
from ntm_criteria._validators import exact, nfc
from ntm_criteria.errors import DataError, NotInForceError, UnknownCodeError
from ntm_criteria.ocop._rules import OcopRules
from ntm_criteria.periods import as_date, as_optional_date
from ntm_criteria.rules import Problems
from ntm_criteria.text import format_number

__all__ = ["Product", "product_problems", "score_problems"]


def _parts(values: Mapping[str, int | float | str | Fraction]) -> Mapping[str, Fraction]:
    return MappingProxyType({nfc(str(k)): exact(v) for k, v in values.items()})


def _key(value: Any) -> Any:
    # Codes and the group key are matched (against the gazetteer, the rules, each
    # other), so NFC; names keep their bytes.
    return nfc(value) if isinstance(value, str) else value


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

    code: str = attrs.field(converter=_key)
    name_vi: str
    commune: str = attrs.field(converter=_key)
    scored_on: datetime.date = attrs.field(converter=as_date)
    parts: Mapping[str, Fraction] = attrs.field(factory=dict, converter=_parts)
    total: Fraction | None = attrs.field(default=None, converter=attrs.converters.optional(exact))
    group: str | None = attrs.field(default=None, converter=_key)
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


def product_problems(product: Product, rules: OcopRules, path: str, problems: Problems) -> None:
    """Scores above their maximum, and everything else that makes a product unratable."""
    score_problems(
        product.label(),
        product.scored_on,
        product.parts,
        product.total,
        product.group,
        rules,
        path,
        problems,
    )


def score_problems(
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
            key_path(path, "group"),
            f"product {name}: unknown product group {group!r}{hint}",
            expected=", ".join(g.key for g in rules.product_groups),
        )
    score = total if total is not None else sum(parts.values(), Fraction(0))
    if score < 0 or score > rules.max_total:
        problems.add(
            key_path(path, "total" if total is not None else "parts"),
            f"product {name}: total {format_number(score, 'en')} is outside 0–{format_number(rules.max_total, 'en')}",
            expected=f"a total of at most {format_number(rules.max_total, 'en')}",
        )
    if scored_on is None:
        return
    try:
        regime = rules.regime_on(scored_on)
    except NotInForceError:
        first = rules.regimes[0].valid_from.isoformat() if rules.regimes else "?"
        problems.add(
            key_path(path, "scored_on"),
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
                key_path(path, f"parts.{key}"),
                f"product {name}: unknown part {key!r} under {regime.id}",
                expected=", ".join(p.key for p in regime.parts),
            )
            continue
        if points < 0 or points > part.max_points:
            problems.add(
                key_path(path, f"parts.{key}"),
                f"product {name}: part {key} = {format_number(points, 'en')} is outside 0–"
                f"{format_number(part.max_points, 'en')} under {regime.id}",
                expected=f"at most {format_number(part.max_points, 'en')} points",
            )
    missing = [p.key for p in regime.parts if p.key not in parts]
    if parts and missing:
        problems.add(
            key_path(path, "parts"),
            f"product {name}: parts {', '.join(missing)} missing",
            expected="every part of " + regime.id,
        )
