"""Assessing a locality against a criterion set, as of a date: :func:`assess`."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping

from ntm_criteria.assessment._observation import (
    Observation,
    observed_value,
    select_observations,
)
from ntm_criteria.assessment._outcomes import CriterionOutcome, IndicatorOutcome
from ntm_criteria.assessment._result import AssessmentResult
from ntm_criteria.assessment._reviews import CriterionReview, apply_reviews
from ntm_criteria.criteria import CriterionSet, Indicator
from ntm_criteria.errors import DataError, NotInForceError, ScopeError
from ntm_criteria.geography import Locality
from ntm_criteria.periods import as_date
from ntm_criteria.rules import (
    Combinator,
    Condition,
    Fixed,
    Observed,
    Provenance,
    Ref,
    Requirement,
    Status,
    UnknownReason,
    Unspecified,
    Verdict,
    combine,
    evaluate,
    fold,
    is_combinator,
    thresholds,
    walk,
)

__all__ = ["assess"]


def assess(
    locality: Locality,
    criterion_set: CriterionSet,
    observations: Iterable[Observation],
    *,
    on: datetime.date | str,
    check_validity: bool = True,
    reviews: Iterable[CriterionReview] = (),
) -> AssessmentResult:
    """Assess ``locality`` against ``criterion_set`` as of ``on``.

    Of several observations of one indicator, the latest dated on or before
    ``on`` counts (undated ones count as of ``on``); later ones are ignored.
    Raises :class:`~ntm_criteria.errors.UnknownCodeError` for an observation
    of an indicator the set lacks, :class:`~ntm_criteria.errors.UnitError`
    for a value of the wrong dimension,
    :class:`~ntm_criteria.errors.ObservationError` for a value of the wrong
    kind, :class:`~ntm_criteria.errors.ScopeError` when the set does not
    cover the locality's kind, and — unless ``check_validity`` is false —
    :class:`~ntm_criteria.errors.NotInForceError` when the set is not in
    force on ``on``.

    ``reviews`` (:class:`CriterionReview`; those of other localities and
    sets are ignored) decide the criteria the observations leave undecided;
    where the observations decide a criterion, its outcome stands and a
    review that says otherwise is recorded in ``review_disagreements`` and
    warned of (:class:`ReviewDisagreementWarning`).  A review of a criterion
    the set lacks, dated after ``on``, or a second review of one criterion
    is a :class:`~ntm_criteria.errors.DataError` naming its row.  See the
    module example, and:

    >>> import datetime
    >>> from ntm_criteria import Locality, demo
    >>> assess(Locality("1", "Phường 1", "ward"), demo.criterion_set(), [], on="1/1/2023")
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.ScopeError: set 'demo-commune-standard' covers commune; 1 (Phường 1) is a ward
    """
    on = as_date(on)
    if locality.kind not in criterion_set.scope:
        kinds = ", ".join(kind.value for kind in criterion_set.scope)
        raise ScopeError(
            f"set {criterion_set.id!r} covers {kinds}; "
            f"{locality.code} ({locality.name_vi}) is a {locality.kind.value}"
        )
    if check_validity and not criterion_set.is_in_force(on):
        raise NotInForceError(criterion_set.id, on.isoformat(), criterion_set.validity_label())
    chosen = select_observations(observations, criterion_set, on, locality=locality)
    context = criterion_set.context_for(locality, on)
    resolved = criterion_set.resolved(context)
    outcomes: dict[str, IndicatorOutcome] = {}
    for indicator, required in zip(criterion_set.indicators(), resolved, strict=True):
        outcomes[indicator.code] = _indicator_outcome(
            indicator, required, chosen.get(indicator.code), locality
        )
    criteria = []
    for criterion, rule in zip(criterion_set.criteria, criterion_set.criterion_rules, strict=True):
        children = tuple(outcomes[i.code] for i in criterion.indicators)
        status, reason = _combine(rule, {o.code: o for o in children})
        criteria.append(
            CriterionOutcome(
                criterion.number,
                criterion.name_vi,
                criterion.name_en,
                status,
                reason,
                children,
                rule,
            )
        )
    criteria, disagreements = apply_reviews(
        criteria, reviews, locality=locality.code, criterion_set=criterion_set, on=on
    )
    by_number = {str(c.number): c for c in criteria}
    status, reason = _combine(criterion_set.effective_rule, by_number)
    return AssessmentResult(
        locality,
        criterion_set.id,
        criterion_set.title_vi,
        criterion_set.title_en,
        on,
        status,
        reason,
        criteria,
        disagreements,
    )


def _indicator_outcome(
    indicator: Indicator,
    required: Requirement,
    observation: Observation | None,
    locality: Locality,
) -> IndicatorOutcome:
    provenance = _threshold_provenance(required) or indicator.provenance

    def outcome(verdict: Verdict, actual: Observed | None) -> IndicatorOutcome:
        return IndicatorOutcome(
            indicator.code,
            indicator.name_vi,
            indicator.name_en,
            indicator.unit,
            verdict.status,
            verdict.reason,
            actual,
            required,
            verdict.gap,
            verdict.relative_gap,
            provenance,
            indicator.needs_investment,
            observation.as_of if observation else None,
            observation.source if observation else None,
        )

    applies = indicator.applies_to
    if applies is not None and not applies.applies(locality.tags, locality.group):
        return outcome(Verdict(Status.NOT_APPLICABLE), None)
    if observation is None:
        reason = (
            UnknownReason.UNSPECIFIED
            if isinstance(required, Unspecified)
            else UnknownReason.NO_DATA
        )
        return outcome(Verdict(Status.UNKNOWN, reason), None)
    actual = observed_value(
        indicator, observation.value, locality=locality, origin=observation.origin
    )
    return outcome(evaluate(required, actual), actual)


def _threshold_provenance(requirement: Requirement) -> Provenance | None:
    """The provenance of the first resolved threshold that has one, depth first."""
    nodes = walk(requirement) if is_combinator(requirement) else (requirement,)
    for node in nodes:
        for value in thresholds(node):
            if isinstance(value, Fixed | Unspecified) and value.provenance is not None:
                return value.provenance
    return None


_Decided = tuple[Status, UnknownReason | None]


def _combine(
    rule: Requirement, outcomes: Mapping[str, IndicatorOutcome | CriterionOutcome]
) -> _Decided:
    def leaf(node: Condition | Ref) -> _Decided:
        if not isinstance(node, Ref):
            raise DataError(f"a rule must combine codes, not {type(node).__name__}")
        child = outcomes[node.code]
        return child.status, child.reason

    return fold(rule, leaf, _combine_children)


def _combine_children(rule: Combinator, children: tuple[_Decided, ...]) -> _Decided:
    status = combine(rule, [s for s, _ in children])
    if status is not Status.UNKNOWN:
        return status, None
    reasons = {reason for s, reason in children if s is Status.UNKNOWN}
    if len(reasons) == 1 and None not in reasons:
        return status, reasons.pop()
    return status, UnknownReason.DEPENDS
