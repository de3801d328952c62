"""Assessing a locality against a criterion set, as of a date: :func:`assess`."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping, Sequence

from ntm_criteria.assessment._observation import (
    Observation,
    observed_value,
    quick_value,
    select_observations,
)
from ntm_criteria.assessment._outcomes import CriterionOutcome, IndicatorOutcome
from ntm_criteria.assessment._result import AssessmentResult, Pending, pending_result
from ntm_criteria.assessment._reviews import CriterionReview, apply_reviews
from ntm_criteria.criteria import CriterionSet, Indicator
from ntm_criteria.engine import (
    NOT_MET,
    Decision,
    Plan,
    Table,
    code_of,
    compile_set,
    reason_of,
    status_of,
)
from ntm_criteria.errors import NotInForceError, ScopeError
from ntm_criteria.geography import Locality
from ntm_criteria.periods import as_date
from ntm_criteria.rules import (
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

__all__ = ["assess", "assess_compiled"]


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
    plan = compile_set(criterion_set, on=on)
    _check(locality, plan, check_validity)
    chosen = select_observations(observations, criterion_set, on, locality=locality)
    return _evaluate(locality, plan, chosen, reviews)


def assess_compiled(
    locality: Locality,
    plan: Plan,
    chosen: Mapping[str, Observation],
    *,
    check_validity: bool = True,
    reviews: Iterable[CriterionReview] = (),
) -> AssessmentResult:
    """:func:`assess` with the set compiled for the date and the observations already chosen.

    ``plan`` is :func:`~ntm_criteria.engine.compile_set` of the set for the
    assessment date; ``chosen`` maps each indicator code to the observation
    in force, as :func:`latest_observations` gives it (codes the set lacks
    are ignored, so one mapping may serve several sets).  The checks of
    scope and validity, the conversion of values and the answers are those
    of :func:`assess`; this is its inner part, for callers that assess one
    locality against several sets (as :func:`~ntm_criteria.analysis.decide_level`
    does) or many localities against one.

    >>> from ntm_criteria import demo
    >>> from ntm_criteria.assessment import latest_observations
    >>> from ntm_criteria.engine import compile_set
    >>> plan = compile_set(demo.criterion_set(), on=demo.ASSESSMENT_DATE)
    >>> place, observed = demo.gazetteer().effective("03676"), demo.observations()["03676"]
    >>> chosen = latest_observations(observed, plan.on, known=plan.codes)
    >>> result = assess_compiled(place, plan, chosen)
    >>> result.met_count, result.total, result.status.label("en")
    (8, 8, 'met')
    >>> result == assess(place, demo.criterion_set(), observed, on=demo.ASSESSMENT_DATE)
    True
    """
    _check(locality, plan, check_validity)
    return _evaluate(locality, plan, chosen, reviews)


def _check(locality: Locality, plan: Plan, check_validity: bool) -> None:
    """The set covers the locality's kind and, unless ``check_validity`` is false, is in force."""
    criterion_set = plan.criterion_set
    if locality.kind not in criterion_set.scope:
        kinds = ", ".join(kind.value for kind in criterion_set.scope)
        raise ScopeError(
            f"set {criterion_set.id!r} covers {kinds}; "
            f"{locality.code} ({locality.name_vi}) is a {locality.kind.value}"
        )
    if check_validity and not plan.in_force:
        raise NotInForceError(criterion_set.id, plan.on.isoformat(), criterion_set.validity_label())


def _evaluate(
    locality: Locality,
    plan: Plan,
    chosen: Mapping[str, Observation],
    reviews: Iterable[CriterionReview],
) -> AssessmentResult:
    table = plan.table_for(locality)
    applies = table.applies
    # Values are converted (and refused) here, in indicator order, whether or
    # not anybody reads the outcomes later; a not-applicable one is not read.
    actuals: list[Observed | None] = [None] * len(applies)
    value_kinds, indicators = plan.kinds, plan.indicators
    for n, code in enumerate(plan.codes):
        observation = chosen.get(code) if applies[n] else None
        if observation is None:
            continue
        # A pass/fail needs no conversion, the usual number a cached one (quick_value);
        # anything else — an error, a warning, another type — takes the full path.
        value = observation.value
        if value.__class__ is bool and value_kinds[n] in _BOOL_KINDS:
            actuals[n] = value
        else:
            indicator = indicators[n]
            number = quick_value(indicator, value)
            actuals[n] = (
                observed_value(indicator, value, locality=locality, origin=observation.origin)
                if number is None
                else number
            )
    decision = plan.decide_with(table, actuals)
    criterion_set, on = plan.criterion_set, plan.on
    head = (
        locality,
        criterion_set.id,
        criterion_set.title_vi,
        criterion_set.title_en,
        on,
        decision.set_status,
        decision.set_reason,
    )
    outcomes = _Outcomes(plan, table, chosen, actuals, decision)
    given = tuple(reviews)
    if not given:  # the usual case: outcome objects wait until read
        return pending_result(head, outcomes)
    # Reviews decide what the observations leave undecided: they need the outcomes.
    criteria, disagreements = apply_reviews(
        outcomes.build(), given, locality=locality.code, criterion_set=criterion_set, on=on
    )
    status, reason = plan.combine([code_of(c.status, c.reason) for c in criteria])
    return AssessmentResult(
        *head[:5], status_of(status), reason_of(status, reason), criteria, disagreements
    )


_BOOL_KINDS = frozenset({"bool", "any"})


class _Outcomes(Pending):
    """The outcome objects of one assessment, built from its status codes when first read."""

    # The decision's codes as bytes, not the Decision: fewer objects for the collector.
    __slots__ = ("_actuals", "_chosen", "_codes", "_plan", "_table")

    def __init__(
        self,
        plan: Plan,
        table: Table,
        chosen: Mapping[str, Observation],
        actuals: Sequence[Observed | None],
        decision: Decision,
    ) -> None:
        super().__init__(decision.criteria)
        self._plan, self._table, self._chosen, self._actuals = plan, table, chosen, actuals
        self._codes = (decision.indicators, decision.indicator_reasons, decision.criterion_reasons)

    def build(self) -> tuple[CriterionOutcome, ...]:
        """Every criterion's outcome, with its indicators' outcomes, in set order."""
        plan, chosen, actuals, required = (
            self._plan,
            self._chosen,
            self._actuals,
            self._table.required,
        )
        indicator_codes, indicator_reasons, criterion_reasons = self._codes
        outcomes = [
            _indicator_outcome(
                indicator,
                required[n],
                chosen.get(indicator.code),
                actuals[n],
                indicator_codes[n],
                indicator_reasons[n],
            )
            for n, indicator in enumerate(plan.indicators)
        ]
        criteria = []
        start = 0
        rules = plan.criterion_set.criterion_rules
        for n, criterion in enumerate(plan.criterion_set.criteria):
            end = start + len(criterion.indicators)
            status, reason = self.statuses[n], criterion_reasons[n]
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
