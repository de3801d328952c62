"""A locality's published poverty figures, when no household list is at hand.

Offices often have only what was published: "tỷ lệ hộ nghèo 2,62%, hộ cận
nghèo 3,04%", or the counts of poor and near-poor households out of all.
:class:`PublishedPoverty` holds either, checked (percents 0–100, counts not
negative, parts not above the total), and answers like the rates computed
from households (:attr:`PublishedPoverty.poor_rate` is a share in [0, 1]).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from fractions import Fraction

import attrs

from ntm_criteria._validators import exact, nfc
from ntm_criteria.errors import DataError
from ntm_criteria.periods import as_date, format_date
from ntm_criteria.text import check_lang, format_number, format_percent, message
from ntm_criteria.units import parse_number

__all__ = ["PublishedPoverty", "figure_problems"]


def _percent(value: object) -> Fraction | None:
    return None if value is None else exact(value)  # type: ignore[arg-type]


def figure_problems(
    poor_percent: Fraction | None,
    near_poor_percent: Fraction | None,
    households: int | None,
    poor: int | None,
    near_poor: int | None,
) -> list[tuple[str, str, str]]:
    """The problems of a set of figures: (field, what is wrong, what was expected).

    >>> figure_problems(None, None, 100, 70, 40)
    [('near_poor', 'poor 70 and near-poor 40 households are 110, more than the 100 households', 'poor + near-poor ≤ households')]
    """
    found = _domain_problems(poor_percent, near_poor_percent, households, poor, near_poor)
    if found:
        return found
    both = (poor_percent or 0) + (near_poor_percent or 0)
    if poor_percent is not None and near_poor_percent is not None and both > 100:
        found.append(
            (
                "near_poor_rate",
                f"poor {_plain(poor_percent)}% and near-poor {_plain(near_poor_percent)}% "
                "add up to more than 100%",
                "poor + near-poor ≤ 100%",
            )
        )
    return found + _part_problems(households, poor, near_poor)


def _domain_problems(
    poor_percent: Fraction | None,
    near_poor_percent: Fraction | None,
    households: int | None,
    poor: int | None,
    near_poor: int | None,
) -> list[tuple[str, str, str]]:
    """Each figure on its own: percents 0–100, whole counts not negative."""
    found: list[tuple[str, str, str]] = []
    for field, value in (("poor_rate", poor_percent), ("near_poor_rate", near_poor_percent)):
        if value is not None and not 0 <= value <= 100:
            found.append((field, f"{_plain(value)} is outside 0–100", "a percent from 0 to 100"))
    for field, count in (("households", households), ("poor", poor), ("near_poor", near_poor)):
        if count is not None and (isinstance(count, bool) or not isinstance(count, int)):
            found.append((field, f"{count!r} is not a whole number", "a whole number ≥ 0"))
        elif count is not None and count < 0:
            found.append((field, f"{count} is negative", "a whole number ≥ 0"))
    return found


def _part_problems(
    households: int | None, poor: int | None, near_poor: int | None
) -> list[tuple[str, str, str]]:
    """Counts against their total: none above it, and the two parts together not above it."""
    parts = [(f, c) for f, c in (("poor", poor), ("near_poor", near_poor)) if c is not None]
    if households is None:
        return [
            (f, f"{c} households given without the number of households", "households")
            for f, c in parts
        ]
    found = [
        (f, f"{c} is more than the {households} households", "a part ≤ households")
        for f, c in parts
        if c > households
    ]
    if not found and poor is not None and near_poor is not None and poor + near_poor > households:
        found.append(
            (
                "near_poor",
                f"poor {poor} and near-poor {near_poor} households are {poor + near_poor}, "
                f"more than the {households} households",
                "poor + near-poor ≤ households",
            )
        )
    return found


def _plain(value: Fraction) -> str:
    return format_number(value, "en")


@attrs.frozen(slots=True)
class PublishedPoverty:
    """A locality's published poverty figures on a date: rates, or household counts.

    Give the published percents (``poor_percent=2.62``, 0–100), or the
    counts (``households``, ``poor_households``, ``near_poor_households``),
    or both.  :attr:`poor_rate` and :attr:`near_poor_rate` are shares in
    [0, 1], as for rates computed from households: the published percent
    when given, else the count over ``households``.  Bad figures raise
    :class:`~ntm_criteria.errors.DataError` naming the field.

    >>> hl = PublishedPoverty.from_rates("HL", "31/12/2022", poor="2,62", near_poor="3,04")
    >>> hl.poor_rate, hl.near_poor_rate
    (Fraction(131, 5000), Fraction(19, 625))
    >>> print(hl.summary("vi", name="thị xã Hồng Lĩnh"))
    thị xã Hồng Lĩnh (31/12/2022): hộ nghèo 2,62%, hộ cận nghèo 3,04%
    >>> PublishedPoverty.from_rates("HL", "31/12/2022", poor=120)
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.DataError: poor_rate: 120 is outside 0–100 (expected a percent from 0 to 100)
    """

    locality: str = attrs.field(converter=nfc)
    on: datetime.date = attrs.field(converter=as_date)
    poor_percent: Fraction | None = attrs.field(default=None, converter=_percent)
    near_poor_percent: Fraction | None = attrs.field(default=None, converter=_percent)
    households: int | None = None
    poor_households: int | None = None
    near_poor_households: int | None = None
    source: str | None = None

    def __attrs_post_init__(self) -> None:
        problems = figure_problems(
            self.poor_percent,
            self.near_poor_percent,
            self.households,
            self.poor_households,
            self.near_poor_households,
        )
        if problems:
            field, what, expected = problems[0]
            raise DataError(what, key_path=field, expected=expected)
        if self.poor_rate is None and self.near_poor_rate is None:
            raise DataError(
                f"locality {self.locality}: no poverty figure",
                expected="a poor or near-poor percent, or counts with the number of households",
            )

    @classmethod
    def from_rates(
        cls,
        locality: str,
        on: datetime.date | str,
        *,
        poor: int | float | str | Fraction | None = None,
        near_poor: int | float | str | Fraction | None = None,
        source: str | None = None,
    ) -> PublishedPoverty:
        """Figures from published percents (0–100; a string is read the Vietnamese way).

        >>> PublishedPoverty.from_rates("HL", "2022-12-31", near_poor=3.04).near_poor_percent
        Fraction(76, 25)
        """
        return cls(locality, as_date(on), _number(poor), _number(near_poor), source=source)

    @classmethod
    def from_counts(
        cls,
        locality: str,
        on: datetime.date | str,
        *,
        households: int,
        poor: int | None = None,
        near_poor: int | None = None,
        source: str | None = None,
    ) -> PublishedPoverty:
        """Figures from household counts: poor and near-poor out of ``households``.

        >>> f = PublishedPoverty.from_counts("X", "31/12/2022", households=1_000, poor=26)
        >>> f.poor_rate, f.near_poor_rate is None
        (Fraction(13, 500), True)
        >>> PublishedPoverty.from_counts("X", "31/12/2022", households=10, poor=11)
        Traceback (most recent call last):
        ...
        ntm_criteria.errors.DataError: poor: 11 is more than the 10 households (expected a part ≤ households)
        """
        return cls(
            locality,
            as_date(on),
            households=households,
            poor_households=poor,
            near_poor_households=near_poor,
            source=source,
        )

    @classmethod
    def combined(cls, figures: Iterable[PublishedPoverty], locality: str) -> PublishedPoverty:
        """The figures of ``locality`` added up from its parts' household counts (one date).

        Rates alone cannot be added up (each weighs by its number of
        households): every part must give ``households``, and a count of poor
        (or near-poor) households is summed only when every part gives one.

        >>> wards = [PublishedPoverty.from_counts("W1", "31/12/2022", households=800, poor=20),
        ...          PublishedPoverty.from_counts("W2", "31/12/2022", households=1_200, poor=30)]
        >>> town = PublishedPoverty.combined(wards, "HL")
        >>> town.households, town.poor_households, town.poor_rate
        (2000, 50, Fraction(1, 40))
        >>> PublishedPoverty.combined([PublishedPoverty.from_rates("W1", "31/12/2022", poor=2)], "HL")
        Traceback (most recent call last):
        ...
        ntm_criteria.errors.DataError: W1: a rate without household counts cannot be added up (expected households, poor and near_poor counts)
        """
        items = tuple(figures)
        if not items:
            raise DataError(f"{locality}: no figures to add up", expected="one figure per part")
        for item in items:
            if item.households is None:
                raise DataError(
                    f"{item.locality}: a rate without household counts cannot be added up",
                    expected="households, poor and near_poor counts",
                )
            if item.on != items[0].on:
                raise DataError(
                    f"{item.locality}: figures of {item.on.isoformat()} and "
                    f"{items[0].on.isoformat()} cannot be added up",
                    expected="figures of one date",
                )

        def total(counts: list[int | None]) -> int | None:
            return None if None in counts else sum(c or 0 for c in counts)

        return cls(
            locality,
            items[0].on,
            households=sum(i.households or 0 for i in items),
            poor_households=total([i.poor_households for i in items]),
            near_poor_households=total([i.near_poor_households for i in items]),
        )

    def _rate(self, percent: Fraction | None, count: int | None) -> Fraction | None:
        if percent is not None:
            return percent / 100
        if count is not None and self.households:
            return Fraction(count, self.households)
        return None

    @property
    def poor_rate(self) -> Fraction | None:
        """The share of poor households, in [0, 1]; ``None`` when not published.

        >>> PublishedPoverty.from_rates("X", "1/1/2023", poor=5).poor_rate
        Fraction(1, 20)
        """
        return self._rate(self.poor_percent, self.poor_households)

    @property
    def near_poor_rate(self) -> Fraction | None:
        """The share of near-poor households, in [0, 1]; ``None`` when not published.

        >>> PublishedPoverty.from_rates("X", "1/1/2023", poor=5).near_poor_rate is None
        True
        """
        return self._rate(self.near_poor_percent, self.near_poor_households)

    @property
    def poor_or_near_poor_rate(self) -> Fraction | None:
        """Poor and near-poor together, when both are published.

        >>> PublishedPoverty.from_rates("X", "1/1/2023", poor="2,62", near_poor="3,04").poor_or_near_poor_rate
        Fraction(283, 5000)
        """
        poor, near = self.poor_rate, self.near_poor_rate
        return None if poor is None or near is None else poor + near

    def summary(self, lang: str = "vi", *, name: str | None = None) -> str:
        """``thị xã Hồng Lĩnh (31/12/2022): hộ nghèo 2,62%, hộ cận nghèo 3,04%``.

        A count is shown with its total: ``hộ nghèo 26/1.000 (2,6%)``.

        >>> f = PublishedPoverty.from_counts("X", "31/12/2022", households=1_000, poor=26)
        >>> print(f.summary("en"))
        X (2022-12-31): poor 26/1,000 (2.6%), near-poor not published
        """
        code = check_lang(lang)
        label = name or self.locality
        parts = [
            self._part("poor", self.poor_rate, self.poor_households, code),
            self._part("near_poor", self.near_poor_rate, self.near_poor_households, code),
        ]
        return message(
            "poverty.published.summary",
            code,
            name=label,
            on=format_date(self.on, code),
            figures=", ".join(parts),
        )

    def _part(self, key: str, rate: Fraction | None, count: int | None, lang: str) -> str:
        what = message(f"poverty.rates.{key}", lang)
        if rate is None:
            return message("poverty.published.missing", lang, what=what)
        percent = format_percent(rate, check_lang(lang), decimals=2)
        if count is None or self.households is None:
            return f"{what} {percent}"
        total = format_number(self.households, check_lang(lang))
        return f"{what} {format_number(count, check_lang(lang))}/{total} ({percent})"


def _number(value: int | float | str | Fraction | None) -> Fraction | None:
    if value is None:
        return None
    if isinstance(value, str):
        return Fraction(parse_number(value.strip().removesuffix("%").strip()))
    return exact(value)
