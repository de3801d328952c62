"""The bridge to NTM criterion sets: a commune's poverty rate as an :class:`Observation`."""

from __future__ import annotations

from typing import Literal

from ntm_criteria.assessment import Observation
from ntm_criteria.errors import ObservationError, UnknownCodeError
from ntm_criteria.poverty._figures import Headcount, PovertyRates
from ntm_criteria.poverty._published import PublishedPoverty
from ntm_criteria.units import Q_

__all__ = ["to_observation"]

_MEASURES = ("poor", "near_poor", "poor_or_near_poor")


def to_observation(
    rates: PovertyRates | PublishedPoverty,
    indicator_code: str,
    *,
    measure: Literal["poor", "near_poor", "poor_or_near_poor"] = "poor",
    allow_undetermined: bool = False,
    source: str | None = None,
) -> Observation:
    """The observation an NTM set's poverty-rate indicator takes, from a commune's rates.

    The value is the share of households in ``measure`` as a percentage,
    exact, dated ``rates.on``.  Undetermined households would make the rate
    a guess, so they raise :class:`~ntm_criteria.errors.ObservationError`
    unless ``allow_undetermined`` is true (the rate is then among the decided
    households, and the source says how many were left out).

    >>> import datetime
    >>> from ntm_criteria import Locality, assess, demo
    >>> from ntm_criteria.poverty import Household, default_standards, rates
    >>> codes = default_standards().get("nd-07-2021").indicator_codes
    >>> homes = [Household(f"H{i:02}", "rural", 4,
    ...                    Q_(1_300_000 if i < 2 else 2_600_000, "VND/person/month"),
    ...                    dict.fromkeys(codes, i == 0)) for i in range(40)]
    >>> obs = to_observation(rates(homes, on="2023-06-30"), "11.1")
    >>> str(obs.value.magnitude), str(obs.value.units), obs.as_of
    ('5/2', 'percent', datetime.date(2023, 6, 30))
    >>> commune = Locality("03664", "Chiềng Xôm", "commune", region="TDMNPB")
    >>> result = assess(commune, demo.criterion_set(), [obs], on=datetime.date(2023, 6, 30))
    >>> print(result.criterion(11).summary())
    Tiêu chí 11 (Nghèo đa chiều): đạt

    A locality's published figures (:class:`PublishedPoverty`) serve the same way:

    >>> from ntm_criteria.poverty import PublishedPoverty
    >>> hl = PublishedPoverty.from_rates("HL", "31/12/2022", poor="2,62")
    >>> str(to_observation(hl, "11.1").value)
    '131/50 percent'
    """
    if measure not in _MEASURES:
        raise UnknownCodeError("poverty measure", str(measure), known=_MEASURES)
    if isinstance(rates, PublishedPoverty):
        return _published_observation(rates, indicator_code, measure, source)
    headcount: Headcount = getattr(rates, measure)
    group = f" ({rates.group})" if rates.group is not None else ""
    if headcount.share is None:
        raise ObservationError(
            indicator_code,
            f"no household{group} has a decided {measure.replace('_', '-')} status "
            f"under {rates.legal_basis} on {rates.on.isoformat()}",
            expected="households whose income and deprivations decide their status",
        )
    if headcount.unknown and not allow_undetermined:
        raise ObservationError(
            indicator_code,
            f"{headcount.unknown} of {headcount.total} households{group} are undetermined "
            f"under {rates.legal_basis} on {rates.on.isoformat()}",
            expected="every household classified, or allow_undetermined=True",
        )
    left_out = f", {headcount.unknown} undetermined left out" if headcount.unknown else ""
    default = (
        f"ntm_criteria.poverty: {headcount.count}/{headcount.known} households "
        f"{measure.replace('_', '-')}{group}, {rates.legal_basis}, {rates.on.isoformat()}{left_out}"
    )
    return Observation(
        indicator_code,
        Q_(headcount.share * 100, "percent"),
        as_of=rates.on,
        source=source or default,
    )


def _published_observation(
    figures: PublishedPoverty, indicator_code: str, measure: str, source: str | None
) -> Observation:
    share = {
        "poor": figures.poor_rate,
        "near_poor": figures.near_poor_rate,
        "poor_or_near_poor": figures.poor_or_near_poor_rate,
    }[measure]
    if share is None:
        raise ObservationError(
            indicator_code,
            f"the published figures of {figures.locality} on {figures.on.isoformat()} "
            f"have no {measure.replace('_', '-')} rate",
            expected="a published rate, or counts with the number of households",
        )
    default = f"published figures of {figures.locality}, {figures.on.isoformat()}"
    return Observation(
        indicator_code,
        Q_(share * 100, "percent"),
        as_of=figures.on,
        source=source or figures.source or default,
    )
