"""Scoring an urban area against a standards table, under the regime in force."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from fractions import Fraction
from typing import Any

from ntm_criteria.assessment import Observation, latest_observations
from ntm_criteria.errors import NotInForceError, UnknownCodeError
from ntm_criteria.geography import Locality
from ntm_criteria.periods import as_date
from ntm_criteria.rules import (
    AtLeast,
    AtMost,
    Context,
    Fixed,
    Problems,
    Provenance,
    Status,
    UnknownReason,
    Unspecified,
    ValueSpec,
    Verdict,
    combine_all,
    evaluate,
    resolve,
)
from ntm_criteria.units import to_exact
from ntm_criteria.urban._reading import classification_rules
from ntm_criteria.urban._results import ClassificationResult, CriterionScore, StandardOutcome
from ntm_criteria.urban._rules import ClassificationRules, Regime, UrbanCriterion
from ntm_criteria.urban._standards import (
    Direction,
    Standard,
    StandardsTable,
    check_fit,
    entries,
    interpolate,
    observed_number,
)

__all__ = ["classify", "resolved_leaf"]


def classify(
    locality: Locality,
    table: StandardsTable,
    observations: Iterable[Observation],
    *,
    on: datetime.date | str,
    rules: ClassificationRules | None = None,
) -> ClassificationResult:
    """Score ``locality`` against ``table`` as of ``on``, under the regime then in force.

    Each observation's ``indicator_code`` is a standard code; of several, the
    latest dated on or before ``on`` counts.  A regime whose scoring is
    unspecified (Resolution 111/2025, from 1 January 2026) gives an *unknown*
    result that says so; the table is not applied.  A table written for
    another regime than the one in force raises
    :class:`~ntm_criteria.errors.NotInForceError`; an observation of an
    unknown standard :class:`~ntm_criteria.errors.UnknownCodeError`.

    >>> from ntm_criteria import Locality
    >>> from ntm_criteria.urban import example_standards
    >>> town = Locality("99100", "Minh Họa", "town")
    >>> later = classify(town, example_standards(), [], on="1/1/2026")
    >>> later.status, later.reason
    (<Status.UNKNOWN: 'unknown'>, <UnknownReason.UNSPECIFIED: 'unspecified'>)
    >>> print(later.summary("en"))
    not scored: the scoring of the regime in force is not specified
    """
    day = as_date(on)
    rules = rules or classification_rules()
    regime = rules.regime_on(day)
    if not regime.is_specified:
        return _unspecified_result(locality, table, regime, day)
    if table.regime != regime.id:
        try:
            validity = rules.regime(table.regime).validity_label()
        except UnknownCodeError:
            validity = f"regime {table.regime} unknown"
        raise NotInForceError(table.id, day.isoformat(), validity)
    problems = Problems()
    check_fit(
        regime, table.urban_class, entries(table.standards), table.criterion_minimums, problems
    )
    problems.raise_if_any()
    values = _latest(observations, table, day)
    context = Context(on=day, region=locality.region, group=locality.group, tags=locality.tags)
    outcomes = tuple(_score(s, values.get(s.code), context) for s in table.standards)
    scores = tuple(_criterion_score(c, table, outcomes, context) for c in regime.criteria)
    total_low = sum((c.points_low for c in scores), Fraction(0))
    total_high = sum((c.points_high for c in scores), Fraction(0))
    line = resolved_leaf(regime.pass_total, context, regime.provenance)
    total_verdict = _interval_verdict(total_low, total_high, line)
    status = combine_all([total_verdict.status, *(c.status for c in scores)])
    return _result(
        locality,
        table,
        regime,
        day,
        table_id=table.id,
        status=status,
        reason=_reason(status, [total_verdict.reason, *(c.reason for c in scores)]),
        standards=outcomes,
        criteria=scores,
        pass_total=line,
        total_low=total_low,
        total_high=total_high,
        total_gap=total_verdict.gap,
        note=regime.note,
    )


def _unspecified_result(
    locality: Locality, table: StandardsTable, regime: Regime, day: datetime.date
) -> ClassificationResult:
    leaf = resolved_leaf(regime.pass_total, Context(on=day), regime.provenance)
    return _result(
        locality,
        table,
        regime,
        day,
        table_id=None,
        status=Status.UNKNOWN,
        reason=UnknownReason.UNSPECIFIED,
        standards=(),
        criteria=(),
        pass_total=leaf,
        total_low=Fraction(0),
        total_high=regime.max_total,
        note=regime.note or f"the scoring of {regime.id} is not specified",
    )


def _result(
    locality: Locality,
    table: StandardsTable,
    regime: Regime,
    day: datetime.date,
    **fields: Any,
) -> ClassificationResult:
    """A result with the header fields every classification of ``locality`` shares."""
    return ClassificationResult(
        locality=locality,
        urban_class=table.urban_class,
        on=day,
        regime_id=regime.id,
        regime_legal_basis=regime.legal_basis,
        max_total=regime.max_total,
        **fields,
    )


def _reason(status: Status, reasons: Sequence[UnknownReason | None]) -> UnknownReason | None:
    if status is not Status.UNKNOWN:
        return None
    found = {r for r in reasons if r is not None}
    return found.pop() if len(found) == 1 else UnknownReason.DEPENDS


def resolved_leaf(spec: ValueSpec, context: Context, default: Provenance) -> Fixed | Unspecified:
    """``spec`` resolved for ``context``, with ``default`` as its provenance when it has none."""
    leaf = resolve(spec, context)
    if leaf.provenance is not None:
        return leaf
    if isinstance(leaf, Fixed):
        return Fixed(leaf.amount, default)
    return Unspecified(leaf.note, default, leaf.missing)


def _interval_verdict(low: Fraction, high: Fraction, line: Fixed | Unspecified) -> Verdict:
    """The core's "at least" verdict on a value known only to lie in [low, high]."""
    if isinstance(line, Unspecified):
        return evaluate(AtLeast(line), low)
    if low >= line.amount:
        return evaluate(AtLeast(line), low)
    if high < line.amount:
        return evaluate(AtLeast(line), high)
    return Verdict(Status.UNKNOWN, UnknownReason.NO_DATA)


def _latest(
    observations: Iterable[Observation], table: StandardsTable, on: datetime.date
) -> dict[str, Observation]:
    return latest_observations(
        observations,
        on,
        known=sorted(s.code for s in table.standards),
        kind="standard",
        where=f"observations for table {table.id}",
    )


def _score(
    standard: Standard, observation: Observation | None, context: Context
) -> StandardOutcome:
    provenance = standard.provenance
    low = resolved_leaf(standard.min_level, context, provenance)
    high = resolved_leaf(standard.max_level, context, provenance)
    for leaf in (low, high):
        if leaf.provenance is not None and not leaf.provenance.confidence.is_trusted:
            provenance = leaf.provenance
            break

    def outcome(
        verdict: Verdict, actual: Fraction | None, points: tuple[Fraction, Fraction]
    ) -> StandardOutcome:
        return StandardOutcome(
            standard.code,
            standard.criterion,
            standard.name_vi,
            standard.name_en,
            standard.unit,
            standard.direction,
            verdict.status,
            verdict.reason,
            actual,
            low,
            high,
            points[0],
            points[1],
            standard.max_points,
            verdict.gap,
            provenance,
        )

    undecided = (Fraction(0), standard.max_points)
    if observation is None:
        reason = (
            UnknownReason.UNSPECIFIED if isinstance(low, Unspecified) else UnknownReason.NO_DATA
        )
        return outcome(Verdict(Status.UNKNOWN, reason), None, undecided)
    value = observed_number(observation.value, standard)
    actual = to_exact(value, standard.unit, indicator=standard.code)
    # Reaching the minimum level is the core's "at least" (or "at most") requirement.
    minimum = AtLeast(low) if standard.direction is Direction.HIGHER else AtMost(low)
    verdict = evaluate(minimum, actual)
    if verdict.status is Status.UNKNOWN:
        return outcome(verdict, actual, undecided)
    if verdict.status is Status.NOT_MET:
        return outcome(verdict, actual, (Fraction(0), Fraction(0)))
    if isinstance(low, Unspecified) or isinstance(high, Unspecified):
        return outcome(verdict, actual, (standard.min_points, standard.max_points))
    points = interpolate(standard, actual, low.amount, high.amount)
    return outcome(verdict, actual, (points, points))


def _criterion_score(
    criterion: UrbanCriterion,
    table: StandardsTable,
    outcomes: Sequence[StandardOutcome],
    context: Context,
) -> CriterionScore:
    mine = [o for o in outcomes if o.criterion == criterion.number]
    low = sum((o.points_low for o in mine), Fraction(0))
    high = sum((o.points_high for o in mine), Fraction(0))
    if criterion.number in table.criterion_minimums:
        minimum = resolved_leaf(
            table.criterion_minimums[criterion.number], context, table.provenance
        )
    else:
        minimum = resolved_leaf(criterion.min_points, context, criterion.provenance)
    verdict = _interval_verdict(low, high, minimum)
    return CriterionScore(
        criterion.number,
        criterion.name_vi,
        criterion.name_en,
        low,
        high,
        criterion.max_points,
        minimum,
        verdict.status,
        verdict.reason,
        verdict.gap,
        minimum.provenance or criterion.provenance,
    )
