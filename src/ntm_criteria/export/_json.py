"""Results as the JSON a front end reads: one documented shape, a JSON Schema beside it.

Private: see :mod:`ntm_criteria.export`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from fractions import Fraction
from importlib import resources
from typing import Any, Literal

from ntm_criteria.assessment import AssessmentResult, CriterionOutcome, IndicatorOutcome
from ntm_criteria.errors import DataError
from ntm_criteria.levels import LevelDecision
from ntm_criteria.rules import Provenance, Status, describe
from ntm_criteria.text import check_lang, pick
from ntm_criteria.units import unit_label

__all__ = ["SCHEMA_ID", "Detail", "results_schema", "results_to_json", "results_to_json_text"]

#: The ``$id`` of the results schema; the ``schema`` field of every document names it.
SCHEMA_ID = "https://ntm-criteria.readthedocs.io/schemas/results-1.json"

Detail = Literal["compact", "full"]
_STATUSES = tuple(s.value for s in Status)


def results_to_json(
    results: Iterable[AssessmentResult | LevelDecision],
    *,
    detail: Detail = "compact",
    lang: str = "vi",
) -> dict[str, Any]:
    """Results as one JSON document: counts at the top, one entry per locality.

    Every field has one type (or is null): statuses are the words ``met``,
    ``not_met``, ``unknown``, ``not_applicable``; counts are integers;
    ``actual`` is a number, ``achieved`` a boolean and ``grade`` a string,
    whichever the indicator measures; thresholds are phrases in ``lang``.
    The sources of thresholds are listed once under ``provenance`` and each
    indicator names its entry.  ``detail="compact"`` (the default) stops at
    criteria; ``"full"`` adds every indicator.  The shape is the JSON
    Schema :func:`results_schema`, named by the ``schema`` field.

    >>> from ntm_criteria import demo
    >>> from ntm_criteria.assessment import assess
    >>> places = demo.gazetteer()
    >>> results = [assess(places.effective(code), demo.criterion_set(), obs,
    ...                   on=demo.ASSESSMENT_DATE) for code, obs in demo.observations().items()]
    >>> doc = results_to_json(results, lang="en")
    >>> doc["count"], doc["summary"], doc["untrusted"]
    (6, {'met': 2, 'not_met': 4, 'unknown': 0, 'not_applicable': 0}, True)
    >>> first = doc["results"][0]
    >>> first["locality"], first["status"], first["met"], first["total"], "indicators" in first
    ('03664', 'not_met', 5, 8, False)
    >>> full = results_to_json(results[:1], detail="full", lang="en")
    >>> income = full["results"][0]["criteria"][3]["indicators"][0]
    >>> income["code"], income["actual"], income["required"], income["gap"]
    ('10.1', 41.5, '≥ 42 million VND/person/year', 0.5)
    """
    language = check_lang(lang)
    if detail not in ("compact", "full"):
        raise DataError(f"unknown detail {detail!r}", expected="'compact' or 'full'")
    sources = _Sources()
    entries = [_entry(item, detail == "full", language, sources) for item in results]
    summary = {status: sum(1 for e in entries if e["status"] == status) for status in _STATUSES}
    sets = {
        set_id: {"title": pick(title_vi, title_en, language), "total": total}
        for set_id, (title_vi, title_en, total) in sources.sets.items()
    }
    return {
        "schema": SCHEMA_ID,
        "lang": language,
        "detail": detail,
        "count": len(entries),
        "summary": summary,
        "untrusted": any(e["untrusted"] for e in entries),
        "sets": sets,
        "provenance": sources.table(),
        "results": entries,
    }


def results_to_json_text(
    results: Iterable[AssessmentResult | LevelDecision],
    *,
    detail: Detail = "compact",
    lang: str = "vi",
    indent: int | None = None,
) -> str:
    """:func:`results_to_json` as text: UTF-8 characters kept, compact unless ``indent`` is given.

    >>> from ntm_criteria import demo
    >>> from ntm_criteria.assessment import assess
    >>> r = assess(demo.gazetteer().effective("03664"), demo.criterion_set(),
    ...            demo.observations()["03664"], on=demo.ASSESSMENT_DATE)
    >>> '"name":"Chiềng Xôm"' in results_to_json_text([r])
    True
    """
    document = results_to_json(results, detail=detail, lang=lang)
    separators = (",", ":") if indent is None else (",", ": ")
    return json.dumps(document, ensure_ascii=False, indent=indent, separators=separators)


def results_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of :func:`results_to_json`'s documents.

    >>> results_schema()["$id"] == SCHEMA_ID
    True
    """
    text = (
        resources.files("ntm_criteria.export")
        .joinpath("results.schema.json")
        .read_text(encoding="utf-8")
    )
    loaded: dict[str, Any] = json.loads(text)
    return loaded


class _Sources:
    """The provenance entries met so far, numbered in order, and the sets seen."""

    def __init__(self) -> None:
        self._ids: dict[tuple[str | None, str, str | None], str] = {}
        self.sets: dict[str, tuple[str, str, int]] = {}

    def ref(self, provenance: Provenance) -> str:
        key = (provenance.source, provenance.confidence.value, provenance.certainty)
        if key not in self._ids:
            self._ids[key] = f"p{len(self._ids) + 1}"
        return self._ids[key]

    def table(self) -> dict[str, dict[str, Any]]:
        return {
            ref: {"source": source, "confidence": confidence, "certainty": certainty}
            for (source, confidence, certainty), ref in self._ids.items()
        }


def _entry(
    item: AssessmentResult | LevelDecision, full: bool, lang: str, sources: _Sources
) -> dict[str, Any]:
    if isinstance(item, LevelDecision):
        result = item.steps[-1].result
        entry = _result_entry(result, full, lang, sources)
        entry["level"] = item.level.key if item.level is not None else None
        entry["next_level"] = item.next_level.key if item.next_level is not None else None
        entry["recognised"] = item.recognised.key if item.recognised is not None else None
        entry["steps"] = [
            {"level": step.level.key, "set": step.set_id, "status": step.status.value}
            for step in item.steps
        ]
        for step in item.steps:
            _remember_set(step.result, sources)
        return entry
    if isinstance(item, AssessmentResult):
        return _result_entry(item, full, lang, sources)
    raise DataError(
        f"{type(item).__name__} is not a result", expected="AssessmentResult or LevelDecision"
    )


def _remember_set(result: AssessmentResult, sources: _Sources) -> None:
    sources.sets.setdefault(result.set_id, (result.set_title_vi, result.set_title_en, result.total))


def _result_entry(
    result: AssessmentResult, full: bool, lang: str, sources: _Sources
) -> dict[str, Any]:
    _remember_set(result, sources)
    place = result.locality
    return {
        "locality": place.code,
        "name": pick(place.name_vi, place.name_en or place.name_vi, lang),
        "kind": place.kind.value,
        "set": result.set_id,
        "on": result.on.isoformat(),
        "status": result.status.value,
        "reason": result.reason.value if result.reason is not None else None,
        "met": result.met_count,
        "not_met": result.not_met_count,
        "unknown": result.unknown_count,
        "not_applicable": result.not_applicable_count,
        "total": result.total,
        "untrusted": bool(result.untrusted()),
        "review_disagreements": [d.criterion for d in result.review_disagreements],
        "criteria": [_criterion(c, full, lang, sources) for c in result.criteria],
    }


def _criterion(
    outcome: CriterionOutcome, full: bool, lang: str, sources: _Sources
) -> dict[str, Any]:
    review = outcome.review if outcome.by_review else None
    entry: dict[str, Any] = {
        "number": outcome.number,
        "name": pick(outcome.name_vi, outcome.name_en, lang),
        "status": outcome.status.value,
        "reason": outcome.reason.value if outcome.reason is not None else None,
        "decided_by": "review" if review is not None else "observations",
        "reviewer": review.reviewer if review is not None else None,
        "reviewed_on": review.date.isoformat() if review is not None else None,
    }
    if full:
        entry["indicators"] = [_indicator(i, lang, sources) for i in outcome.indicators]
    return entry


def _indicator(outcome: IndicatorOutcome, lang: str, sources: _Sources) -> dict[str, Any]:
    actual = outcome.actual
    return {
        "code": outcome.code,
        "name": pick(outcome.name_vi, outcome.name_en, lang),
        "status": outcome.status.value,
        "reason": outcome.reason.value if outcome.reason is not None else None,
        "unit": unit_label(outcome.unit, lang) if outcome.unit else None,
        "actual": _number(actual) if isinstance(actual, Fraction) else None,
        "achieved": actual if isinstance(actual, bool) else None,
        "grade": actual if isinstance(actual, str) else None,
        "required": describe(outcome.required, outcome.unit, lang),
        "gap": _number(outcome.gap),
        "relative_gap": _number(outcome.relative_gap),
        "as_of": outcome.as_of.isoformat() if outcome.as_of is not None else None,
        "untrusted": not outcome.is_trusted,
        "provenance": sources.ref(outcome.provenance),
    }


def _number(value: Fraction | None) -> float | int | None:
    """A JSON number: an integer when whole, else the nearest float (exact values: to_dict)."""
    if value is None:
        return None
    return value.numerator if value.denominator == 1 else float(value)
