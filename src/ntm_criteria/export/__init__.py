"""Results for front ends: one JSON shape with a JSON Schema shipped beside it.

:func:`results_to_json` turns assessments or level decisions into one
document — counts and statuses at the top, one entry per locality, the
sources of thresholds listed once and referenced — in which every field has
one type; :func:`results_schema` is its JSON Schema (draft 2020-12, also in
the package as ``ntm_criteria/export/results.schema.json``), and
``ntm assess --format json`` writes it.  Compact by default (criteria only);
``detail="full"`` adds every indicator.  For an exact round trip of a result
(fractions and all), use :meth:`~ntm_criteria.assessment.AssessmentResult.to_dict`.

>>> from ntm_criteria import demo
>>> from ntm_criteria.assessment import assess
>>> r = assess(demo.gazetteer().effective("03676"), demo.criterion_set(),
...            demo.observations()["03676"], on=demo.ASSESSMENT_DATE)
>>> doc = results_to_json([r], lang="en")
>>> doc["results"][0]["status"], doc["results"][0]["met"], sorted(doc["sets"])
('met', 8, ['demo-commune-standard'])
"""

from ntm_criteria.export._json import (
    SCHEMA_ID,
    Detail,
    results_schema,
    results_to_json,
    results_to_json_text,
)

__all__ = ["SCHEMA_ID", "Detail", "results_schema", "results_to_json", "results_to_json_text"]
