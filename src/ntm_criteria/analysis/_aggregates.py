"""Aggregates: a district's or province's indicators computed from its sub-localities' roll-up."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from fractions import Fraction

from ntm_criteria.analysis._ladder import Ladder
from ntm_criteria.analysis._rollup import Basis, RollUp, Standing
from ntm_criteria.analysis._wording import level_name, say
from ntm_criteria.assessment import AssessmentResult, Observation, ObservedValue, assess
from ntm_criteria.criteria import Aggregate, CriterionSet, Indicator, Level
from ntm_criteria.errors import DataError, ObservationError
from ntm_criteria.geography import Locality
from ntm_criteria.periods import as_date
from ntm_criteria.rules import Status
from ntm_criteria.units import Q_


def _aggregated_indicators(
    sets: CriterionSet | Ladder | Iterable[CriterionSet],
) -> tuple[Indicator, ...]:
    if isinstance(sets, CriterionSet):
        chosen: Iterable[CriterionSet] = [sets]
    elif isinstance(sets, Ladder):
        chosen = sets.sets
    else:
        chosen = sets
    found: dict[str, tuple[Indicator, str]] = {}
    for criterion_set in chosen:
        for indicator in criterion_set.indicators():
            if indicator.aggregate is None:
                continue
            known = found.get(indicator.code)
            if known is not None and known[0].aggregate != indicator.aggregate:
                raise DataError(
                    f"indicator {indicator.code} is computed differently in sets "
                    f"{known[1]!r} and {criterion_set.id!r}",
                    expected="one meaning per code across the sets",
                )
            found.setdefault(indicator.code, (indicator, criterion_set.id))
    return tuple(indicator for indicator, _ in found.values())


def _holding(standing: Standing, level: Level, *, recognised: bool) -> Status:
    # Counted as the headline counts: a recognition in force is definite; an assessment may be
    # undecided.
    if recognised:
        return Status.MET if standing.is_recognised(level) else Status.NOT_MET
    return standing.holds(level)


def _aggregate_value(aggregate: Aggregate, members: RollUp) -> tuple[ObservedValue, str] | None:
    pool = [s for s in members.standings if s.locality.kind in aggregate.of]
    if not pool:
        return None
    level = aggregate.level
    recognised = members.headline_basis is Basis.RECOGNISED
    statuses = [
        s.completed if level is None else _holding(s, level, recognised=recognised) for s in pool
    ]
    if Status.UNKNOWN in statuses:
        return None
    counted = statuses.count(Status.MET)
    kinds = ", ".join(sorted(k.name_vi for k in aggregate.of))
    # The source is data, written in Vietnamese like the names of the kinds.
    done = say("aggregate.completed", "vi") if level is None else level_name(level, "vi")
    source = say("aggregate.source", "vi", count=len(pool), kinds=kinds, counted=counted, done=done)
    if aggregate.measure == "count":
        return counted, source
    return Q_(Fraction(counted, len(pool)), ""), source


def aggregate_observations(
    sets: CriterionSet | Ladder | Iterable[CriterionSet],
    members: RollUp,
    *,
    on: datetime.date | str | None = None,
) -> tuple[Observation, ...]:
    """The observations of the ``aggregate`` indicators of ``sets``, computed from ``members``.

    For each indicator with an :class:`~ntm_criteria.criteria.Aggregate`,
    the members of its kinds are counted: those holding its level (or, with
    no level, completing their own lowest set) — by a recognition in force
    when the roll-up's headline counts recognitions (:attr:`RollUp.headline_basis
    <ntm_criteria.progress.RollUp.headline_basis>`), by the assessment otherwise.  A ``share`` is a
    dimensionless fraction (compared in the indicator's unit, e.g. percent);
    a ``count`` a whole number.  No observation is made — so the indicator
    is *unknown, needs data* — when no member is of those kinds or when any
    member's holding is undecided.  ``members`` should be the locality's
    sub-localities (e.g. ``roll_up`` of the decisions of a district's
    communes).  ``as_of`` is ``on`` when given.

    >>> from ntm_criteria import assess, demo, loads_set, roll_up
    >>> district_set = loads_set('''
    ... id = "example-district"
    ... title_vi = "Huyện (minh họa)"
    ... title_en = "District (illustrative)"
    ... scope = "provincial_city"
    ... level = "standard"
    ... valid_from = 2022-01-01
    ... legal_basis = "illustrative"
    ... confidence = "illustrative"
    ... [[criteria]]
    ... number = 1
    ... name_vi = "Xã đạt chuẩn"
    ... name_en = "Communes at the standard level"
    ... [[criteria.indicators]]
    ... code = "1.1"
    ... name_vi = "Tỷ lệ xã đạt chuẩn"
    ... name_en = "Share of communes at the standard level"
    ... unit = "percent"
    ... aggregate = { of = "commune", level = "standard" }
    ... requirement = { at_least = 100 }
    ... ''')
    >>> places, s, obs = demo.gazetteer(), demo.criterion_set(), demo.observations()
    >>> communes = roll_up([assess(places.effective(c.code), s, obs[c.code], on="30/6/2023")
    ...                     for c in places.descendants("116", kind="commune")])
    >>> [(o.indicator_code, o.value.magnitude, o.source)
    ...  for o in aggregate_observations(district_set, communes)]
    [('1.1', Fraction(1, 4), 'tổng hợp từ 4 xã: 1 đạt chuẩn')]
    """
    day = None if on is None else as_date(on)
    observations: list[Observation] = []
    for indicator in _aggregated_indicators(sets):
        assert indicator.aggregate is not None  # selected above
        found = _aggregate_value(indicator.aggregate, members)
        if found is not None:
            value, source = found
            observations.append(Observation(indicator.code, value, as_of=day, source=source))
    return tuple(observations)


def assess_aggregate(
    locality: Locality,
    criterion_set: CriterionSet,
    members: RollUp,
    observations: Iterable[Observation] = (),
    *,
    on: datetime.date | str,
    check_validity: bool = True,
) -> AssessmentResult:
    """Assess a district or province whose set depends on its sub-localities.

    The ``aggregate`` indicators are computed from ``members`` with
    :func:`aggregate_observations`; ``observations`` give the others.  An
    observation of a computed indicator raises
    :class:`~ntm_criteria.errors.ObservationError`.  To decide a level with
    a ladder of such sets, pass ``[*observations, *aggregate_observations(ladder, members)]``
    to :func:`~ntm_criteria.levels.decide_level`.

    >>> from ntm_criteria import assess, demo, loads_set, roll_up
    >>> province_set = loads_set('''
    ... id = "example-province"
    ... title_vi = "Tỉnh hoàn thành nhiệm vụ (minh họa)"
    ... title_en = "Province completing the task (illustrative)"
    ... scope = "province"
    ... level = "none"
    ... valid_from = 2022-01-01
    ... legal_basis = "illustrative"
    ... confidence = "illustrative"
    ... [[criteria]]
    ... number = 1
    ... name_vi = "Xã đạt chuẩn"
    ... name_en = "Communes at the standard level"
    ... [[criteria.indicators]]
    ... code = "1.1"
    ... name_vi = "Số xã đạt chuẩn"
    ... name_en = "Communes at the standard level"
    ... unit = "dimensionless"
    ... aggregate = { of = "commune", level = "standard", measure = "count" }
    ... requirement = { at_least = 2 }
    ... ''')
    >>> places, s, obs = demo.gazetteer(), demo.criterion_set(), demo.observations()
    >>> communes = roll_up([assess(places.effective(c.code), s, obs[c.code], on="30/6/2023")
    ...                     for c in places.descendants("14", kind="commune")])
    >>> result = assess_aggregate(places.get("14"), province_set, communes, on="30/6/2023")
    >>> print(result.criterion(1).summary("vi"))
    Tiêu chí 1 (Xã đạt chuẩn): chưa đạt — 1 < 2
    """
    computed = aggregate_observations(criterion_set, members, on=on)
    codes = {i.code for i in criterion_set.indicators() if i.aggregate is not None}
    own = tuple(observations)
    for observation in own:
        if observation.indicator_code in codes:
            raise ObservationError(
                observation.indicator_code,
                "is computed from the sub-localities' results",
                expected="no direct observation of an aggregate indicator",
            )
    return assess(locality, criterion_set, [*own, *computed], on=on, check_validity=check_validity)
