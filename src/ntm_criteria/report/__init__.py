"""Rendering results as text and Markdown, in Vietnamese or English.

This is the edge layer: the analysis modules (:mod:`~ntm_criteria.assessment`,
:mod:`~ntm_criteria.levels`, :mod:`~ntm_criteria.progress`) compute; the
functions here only write.  Numbers follow the language: ``66%``, ``72,56``,
``2.160 triệu đồng`` in Vietnamese; ``72.56``, ``2,160 million VND`` in English.
Tables come as aligned plain text (``fmt="text"``) or Markdown
(``fmt="markdown"``); their words come from the message table
(``text/messages/report.toml``).

>>> import datetime
>>> from ntm_criteria import assess, demo
>>> s, places, obs = demo.criterion_set(), demo.gazetteer(), demo.observations()
>>> results = [assess(places.effective(code), s, obs[code], on=demo.ASSESSMENT_DATE)
...            for code in ("03664", "03676")]
>>> print(results_table(results, lang="en"))
Code   Locality            Met   Status   Main shortfalls
-----  ------------------  ----  -------  ---------------------------------------------------------------------
03664  Chieng Xom commune  5/8*  not met  10.1: 41.5 < 42 million VND/person/year; 11.1: 7.8% > 6%; 13.2: 0 < 1
03676  Hua La commune      8/8*  met      —
* Rests on illustrative or unverified thresholds (indicators 1.1, 4.1, 10.1, 11.1, 13.1, 13.2, 13.3, 17.1, …); not for official reporting.
>>> criteria_sentence(results)
'xã Chiềng Xôm đạt 5/8 tiêu chí, xã Hua La đạt 8/8'

``Format`` is the type of the ``fmt`` argument:

>>> from typing import get_args
>>> get_args(Format)
('text', 'markdown')
"""

from ntm_criteria.report._province import rollup_report
from ntm_criteria.report._results import criteria_sentence, results_table, top_shortfalls
from ntm_criteria.report._roadmap import roadmap_table
from ntm_criteria.report._rollup import (
    distribution_table,
    levels_table,
    rollup_sentence,
    standings_table,
)
from ntm_criteria.report._scorecard import scorecard
from ntm_criteria.report._tables import Format
from ntm_criteria.report._workbook import rollup_workbook

__all__ = [
    "Format",
    "criteria_sentence",
    "distribution_table",
    "levels_table",
    "results_table",
    "roadmap_table",
    "rollup_report",
    "rollup_sentence",
    "rollup_workbook",
    "scorecard",
    "standings_table",
    "top_shortfalls",
]
