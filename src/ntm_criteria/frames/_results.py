"""Results as DataFrames, and assessing a whole DataFrame: :func:`results_frame`, :func:`assess_frame`.

Private: see :mod:`ntm_criteria.frames`.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from ntm_criteria._extras import require
from ntm_criteria.assessment import AssessmentResult, Observation, assess
from ntm_criteria.criteria import CriterionSet
from ntm_criteria.errors import DataError, ScopeError
from ntm_criteria.frames._observations import Layout, gazetteer_from_frame, observations_from_frame
from ntm_criteria.geography import Gazetteer, Locality
from ntm_criteria.levels import Ladder, LevelDecision, decide_level
from ntm_criteria.periods import as_date

if TYPE_CHECKING:
    import pandas

__all__ = ["RESULT_COLUMNS", "assess_frame", "results_frame"]

#: The leading columns of :func:`results_frame`, before one column per criterion.
RESULT_COLUMNS = (
    "locality",
    "name_vi",
    "set_id",
    "on",
    "status",
    "met",
    "not_met",
    "unknown",
    "not_applicable",
    "total",
    "untrusted",
)


def results_frame(results: Iterable[AssessmentResult | LevelDecision]) -> pandas.DataFrame:
    """One row per locality: status, criteria met / not met / undecided / total, each criterion.

    Statuses are the words ``met``, ``not_met``, ``unknown`` and
    ``not_applicable`` (:class:`~ntm_criteria.rules.Status` values), so a
    filter reads ``frame[frame.status == "met"]``; ``met + not_met + unknown
    + not_applicable == total``.  ``untrusted`` is true when the result rests
    on an illustrative or unverified threshold (the codes are in
    ``untrusted_indicators``).  One column per criterion, ``criterion_1`` …,
    holds its status.  For level decisions (:func:`~ntm_criteria.levels.decide_level`)
    the row is the highest step's assessment, plus ``level`` (the level held,
    ``""`` for none), ``next_level`` and ``recognised``.

    >>> from ntm_criteria import demo
    >>> from ntm_criteria.assessment import assess
    >>> places = demo.gazetteer()
    >>> results = [assess(places.effective(code), demo.criterion_set(), obs,
    ...                   on=demo.ASSESSMENT_DATE) for code, obs in demo.observations().items()]
    >>> frame = results_frame(results)
    >>> row = frame.set_index("locality").loc["03664"]
    >>> str(row.status), int(row.met), int(row.total), str(row.criterion_10)
    ('not_met', 5, 8, 'not_met')
    """
    require("pandas")
    import pandas as pd  # after require: a missing extra is the library's error

    rows = [_row(item) for item in results]
    if not rows:
        return pd.DataFrame(columns=list(RESULT_COLUMNS))
    return pd.DataFrame.from_records(rows)


def _row(item: AssessmentResult | LevelDecision) -> dict[str, Any]:
    if isinstance(item, LevelDecision):
        result = item.steps[-1].result
        row = _result_row(result)
        row["level"] = item.level.key if item.level is not None else ""
        row["next_level"] = item.next_level.key if item.next_level is not None else ""
        row["recognised"] = item.recognised.key if item.recognised is not None else ""
        for step in item.steps:
            row[f"status_{step.level.key}"] = step.status.value
        return row
    if isinstance(item, AssessmentResult):
        return _result_row(item)
    raise DataError(
        f"{type(item).__name__} is not a result", expected="AssessmentResult or LevelDecision"
    )


def _result_row(result: AssessmentResult) -> dict[str, Any]:
    untrusted = result.untrusted()
    row: dict[str, Any] = {
        "locality": result.locality.code,
        "name_vi": result.locality.name_vi,
        "set_id": result.set_id,
        "on": result.on,
        "status": result.status.value,
        "met": result.met_count,
        "not_met": result.not_met_count,
        "unknown": result.unknown_count,
        "not_applicable": result.not_applicable_count,
        "total": result.total,
        "untrusted": bool(untrusted),
        "untrusted_indicators": ";".join(o.code for o in untrusted),
    }
    for criterion in result.criteria:
        row[f"criterion_{criterion.number}"] = criterion.status.value
    return row


def assess_frame(
    frame: pandas.DataFrame,
    criteria: CriterionSet | Ladder | Iterable[CriterionSet],
    *,
    on: datetime.date | str,
    localities: Gazetteer | pandas.DataFrame | Iterable[Locality],
    layout: Layout = "auto",
    units: Mapping[str, str] | None = None,
    within: str | None = None,
) -> pandas.DataFrame:
    """Assess every locality of ``localities`` from the observations in ``frame``: one row each.

    ``frame`` is long or wide (see :func:`observations_from_frame`);
    ``localities`` a gazetteer, a DataFrame of gazetteer columns, or
    localities.  With one set, each locality of a kind the set covers is
    assessed with :func:`~ntm_criteria.assessment.assess`; with a ladder (or
    several sets, lowest level first) its level is decided with
    :func:`~ntm_criteria.levels.decide_level`.  The answers are the object
    path's, row by row; the columns are :func:`results_frame`'s.  A locality
    with no observation is assessed too (every criterion undecided), and
    observations of a locality the gazetteer lacks are an error naming it.

    >>> import pandas as pd
    >>> from ntm_criteria import demo
    >>> wide = pd.DataFrame({"locality": ["03676"], "3.1": [95.0]})
    >>> out = assess_frame(wide, demo.criterion_set(), on=demo.ASSESSMENT_DATE,
    ...                    localities=demo.gazetteer(), within="03676")
    >>> [str(v) for v in out.loc[0, ["locality", "status"]]], int(out.loc[0, "unknown"])
    (['03676', 'unknown'], 8)
    """
    require("pandas")
    day = as_date(on)
    places = _gazetteer(localities)
    observed = observations_from_frame(frame, layout=layout, units=units)
    unknown = sorted(set(observed) - {place.code for place in places})
    if unknown:
        raise DataError(
            f"observations of localities not in the gazetteer: {', '.join(unknown)}",
            key_path="locality",
        )
    pool = (places.get(within), *places.descendants(within)) if within else tuple(places)
    if isinstance(criteria, CriterionSet):
        return results_frame(_assessed(criteria, places, pool, observed, day))
    ladder = criteria if isinstance(criteria, Ladder) else Ladder(list(criteria))
    scope = ladder.sets[0].scope
    decisions = [
        decide_level(places.effective(p.code), observed.get(p.code, ()), on=day, ladder=ladder)
        for p in pool
        if p.kind in scope
    ]
    return results_frame(decisions)


def _assessed(
    criterion_set: CriterionSet,
    places: Gazetteer,
    pool: Iterable[Locality],
    observed: Mapping[str, tuple[Observation, ...]],
    day: datetime.date,
) -> list[AssessmentResult]:
    results = [
        assess(places.effective(p.code), criterion_set, observed.get(p.code, ()), on=day)
        for p in pool
        if p.kind in criterion_set.scope
    ]
    if not results:
        kinds = ", ".join(k.value for k in criterion_set.scope)
        raise ScopeError(f"no locality of kind {kinds} to assess with {criterion_set.id!r}")
    return results


def _gazetteer(localities: Gazetteer | pandas.DataFrame | Iterable[Locality]) -> Gazetteer:
    if isinstance(localities, Gazetteer):
        return localities
    require("pandas")
    import pandas as pd

    if isinstance(localities, pd.DataFrame):
        return gazetteer_from_frame(localities)
    return Gazetteer(localities)
