"""Machine-readable output of ``ntm assess``, ``ntm report`` and ``ntm whatif``: JSON and CSV.

The JSON of ``assess`` is :mod:`ntm_criteria.export`'s documented shape;
the rest is here.  CSV has one row per locality (or per change).  Column
names and status values are identifiers (``met``, ``not_met``), the same in
every language, so that a program can read them.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from typing import Any

from ntm_criteria.assessment import AssessmentResult
from ntm_criteria.progress import RollUp
from ntm_criteria.whatif import WhatIf

__all__ = ["results_csv", "rollup_csv", "rollup_json", "whatif_csv", "whatif_json"]

_RESULT_COLUMNS = ("code", "name_vi", "status", "criteria_met", "criteria_total")
_STANDING_COLUMNS = (
    "code",
    "name_vi",
    "level",
    "recognised",
    "criteria_met",
    "criteria_total",
    "criteria_unknown",
    "at_risk",
)


def results_csv(results: Sequence[AssessmentResult]) -> str:
    """One CSV row per locality: code, name, status, criteria met and total."""
    rows = [
        (r.locality.code, r.locality.name_vi, r.status.value, r.met_count, r.total) for r in results
    ]
    return _csv(_RESULT_COLUMNS, rows)


def _standing_data(rollup: RollUp) -> list[dict[str, Any]]:
    return [
        {
            "code": s.locality.code,
            "name_vi": s.locality.name_vi,
            "level": s.level.key if s.level else None,
            "recognised": s.recognised.key if s.recognised else None,
            "criteria_met": s.criteria_met,
            "criteria_total": s.criteria_total,
            "criteria_unknown": s.criteria_unknown,
            "at_risk": [level.key for level in s.at_risk],
        }
        for s in rollup.standings
    ]


def rollup_json(rollup: RollUp) -> str:
    """The roll-up as JSON: the date, the count, localities per level, the distribution, each locality."""
    data = {
        "on": rollup.on.isoformat() if rollup.on else None,
        "count": rollup.count,
        "levels": [
            {"level": level.key if level else None, "count": count}
            for level, count in rollup.level_counts()
        ],
        "distribution": [
            {"low": b.low, "high": b.high, "count": count} for b, count in rollup.distribution()
        ],
        "localities": _standing_data(rollup),
    }
    return json.dumps(data, ensure_ascii=False, indent=2)


def rollup_csv(rollup: RollUp) -> str:
    """One CSV row per locality of the roll-up (levels by key; at-risk levels joined by ``;``)."""
    rows = [
        [*(row[k] for k in _STANDING_COLUMNS[:-1]), ";".join(row["at_risk"])]
        for row in _standing_data(rollup)
    ]
    return _csv(_STANDING_COLUMNS, rows)


_CHANGE_COLUMNS = ("code", "name_vi", "criterion", "before", "after")


def whatif_json(result: WhatIf) -> str:
    """A what-if comparison as JSON: the two sets, the counts met before and after, each change."""
    data = {
        "base": result.base.id,
        "variant": result.variant.id,
        "count": len(result.pairs),
        "met_before": result.met_count(),
        "met_after": result.met_count(variant=True),
        "changes": result.records(),
    }
    return json.dumps(data, ensure_ascii=False, indent=2)


def whatif_csv(result: WhatIf) -> str:
    """One CSV row per status change (criterion empty: the set as a whole)."""
    return _csv(_CHANGE_COLUMNS, ([r[k] for k in _CHANGE_COLUMNS] for r in result.records()))


def _csv(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(["" if cell is None else cell for cell in row] for row in rows)
    return out.getvalue().rstrip("\n")
