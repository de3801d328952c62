"""Assessing a locality against a criterion set, as of a date: :func:`assess`."""

from __future__ import annotations

import datetime
import functools
from collections.abc import Iterable, Mapping

from ntm_criteria.assessment._observation import (
    Observation,
    observed_value,
    quick_value,
    select_observations,
)
from ntm_criteria.assessment._outcomes import CriterionOutcome, IndicatorOutcome
from ntm_criteria.assessment._result import AssessmentResult, pending_result
from ntm_criteria.assessment._reviews import CriterionReview, apply_reviews
from ntm_criteria.criteria import CriterionSet, Indicator
from ntm_criteria.engine import (
    NOT_MET,
    Decision,
    Plan,
    code_of,
    compile_set,
    reason_of,
    status_of,
)
from ntm_criteria.errors import NotInForceError, ScopeError
from ntm_criteria.geography import Locality
from ntm_criteria.periods import as_date
from ntm_criteria.rules import (
    Context,
    Fixed,
    Observed,
    Provenance,
    Requirement,
    Unspecified,
    evaluate,
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
    plan = compile_set(criterion_set, on=on)
    chosen = select_observations(observations, criterion_set, on, locality=locality)
    context = plan.context(locality)
    applies = plan.table(context).applies
    # Values are converted (and refused) here, in indicator order, whether or
    # not anybody reads the outcomes later; a not-applicable one is not read.
    # A plain loop, not a generator: observed_value's warnings name the caller
    # of assess, two frames up from _actual.
    actuals: list[Observed | None] = [None] * len(applies)
    value_kinds, codes = plan.kinds, plan.codes
    for n, indicator in enumerate(plan.indicators):
        observation = chosen.get(codes[n]) if applies[n] else None
        if observation is None:
            continue
        # A pass/fail needs no conversion, the usual number a cached one (quick_value);
        # anything else — an error, a warning, another type — takes the full path.
        value = observation.value
        if value.__class__ is bool and value_kinds[n] in _BOOL_KINDS:
            actuals[n] = value
        else:
            number = quick_value(indicator, value)
            actuals[n] = _actual(indicator, observation, locality) if number is None else number
    decision = plan.decide(context, actuals)
    head = (
        locality,
        criterion_set.id,
        criterion_set.title_vi,
        criterion_set.title_en,
        on,
        decision.set_status,
        decision.set_reason,
    )
    build = functools.partial(_criterion_outcomes, plan, context, chosen, tuple(actuals), decision)
    given = tuple(reviews)
    if not given:  # the usual case: outcome objects wait until read
        return pending_result(head, decision.criteria, build)
    # Reviews decide what the observations leave undecided: they need the outcomes.
    criteria, disagreements = apply_reviews(
        build(), given, locality=locality.code, criterion_set=criterion_set, on=on
    )
    status, reason = plan.combine([code_of(c.status, c.reason) for c in criteria])
    return AssessmentResult(
        *head[:5], status_of(status), reason_of(status, reason), criteria, disagreements
    )


_BOOL_KINDS = frozenset({"bool", "any"})


def _actual(indicator: Indicator, observation: Observation, locality: Locality) -> Observed:
    # Its own frame, called from assess: observed_value's warnings name the caller of assess.
    return observed_value(
        indicator, observation.value, locality=locality, origin=observation.origin
    )


def _criterion_outcomes(
    plan: Plan,
    context: Context,
    chosen: Mapping[str, Observation],
    actuals: tuple[Observed | None, ...],
    decision: Decision,
) -> tuple[CriterionOutcome, ...]:
    """Every outcome object of one assessment, built from its status codes when first read."""
    required = plan.table(context).required
    outcomes = [
        _indicator_outcome(
            indicator,
            required[n],
            chosen.get(indicator.code),
            actuals[n],
            decision.indicators[n],
            decision.indicator_reasons[n],
        )
        for n, indicator in enumerate(plan.indicators)
    ]
    criteria = []
    start = 0
    rules = plan.criterion_set.criterion_rules
    for n, criterion in enumerate(plan.criterion_set.criteria):
        end = start + len(criterion.indicators)
        status, reason = decision.criteria[n], decision.criterion_reasons[n]
        criteria.append(
            CriterionOutcome(
                criterion.number,
                criterion.name_vi,
                criterion.name_en,
                status_of(status),
                reason_of(status, reason),
                tuple(outcomes[start:end]),
                rules[n],
            )
        )
        start = end
    return tuple(criteria)


def _indicator_outcome(
    indicator: Indicator,
    required: Requirement,
    observation: Observation | None,
    actual: Observed | None,
    status: int,
    reason: int,
) -> IndicatorOutcome:
    gap = relative_gap = None
    if status == NOT_MET and actual is not None:
        # The gap is told by the pure evaluation, which the status agrees with.
        verdict = evaluate(required, actual)
        gap, relative_gap = verdict.gap, verdict.relative_gap
    return IndicatorOutcome(
        indicator.code,
        indicator.name_vi,
        indicator.name_en,
        indicator.unit,
        status_of(status),
        reason_of(status, reason),
        actual,
        required,
        gap,
        relative_gap,
        _threshold_provenance(required) or indicator.provenance,
        indicator.needs_investment,
        observation.as_of if observation else None,
        observation.source if observation else None,
    )


def _threshold_provenance(requirement: Requirement) -> Provenance | None:
    """The provenance of the first resolved threshold that has one, depth first."""
    nodes = walk(requirement) if is_combinator(requirement) else (requirement,)
    for node in nodes:
        for value in thresholds(node):
            if isinstance(value, Fixed | Unspecified) and value.provenance is not None:
                return value.provenance
    return None
