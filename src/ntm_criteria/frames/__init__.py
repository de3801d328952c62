"""DataFrames in and out (the optional ``pandas`` extra).

Offices keep their figures in spreadsheets and developers build dashboards
on DataFrames.  :func:`assess_frame` assesses every locality of a gazetteer
from a DataFrame of observations, long (``locality, indicator, value,
unit``) or wide (one column per indicator), and returns one row per
locality; :func:`results_frame` does the same for results already computed;
:func:`observations_from_frame`, :func:`gazetteer_from_frame` and
:func:`households_from_frame` (poverty) read frames into the library's own
objects.  The answers are exactly those of
the object path: text cells are read as CSV cells are, and a float counts as
its shortest decimal (``0.8`` is 4/5, so a value at a threshold never flips).

``pip install "ntm_criteria[pandas]"``; without pandas each function raises
:class:`~ntm_criteria.errors.MissingExtraError` saying so.

>>> import pandas as pd
>>> from ntm_criteria import demo
>>> obs = pd.DataFrame({"locality": ["03676", "03676"], "indicator": ["3.1", "10.1"],
...                     "value": [95.0, 41.5], "unit": ["%", "triệu đồng/người/năm"]})
>>> out = assess_frame(obs, demo.criterion_set(), on=demo.ASSESSMENT_DATE,
...                    localities=demo.gazetteer())
>>> sorted(out.columns[:5])
['locality', 'name_vi', 'on', 'set_id', 'status']
"""

from ntm_criteria.frames._households import households_from_frame
from ntm_criteria.frames._observations import (
    LONG_COLUMNS,
    gazetteer_from_frame,
    observations_from_frame,
)
from ntm_criteria.frames._results import RESULT_COLUMNS, assess_frame, results_frame

__all__ = [
    "LONG_COLUMNS",
    "RESULT_COLUMNS",
    "assess_frame",
    "gazetteer_from_frame",
    "households_from_frame",
    "observations_from_frame",
    "results_frame",
]
