"""Charts of progress as PNG files (the optional ``charts`` extra, matplotlib).

Three charts a steering committee puts in its report:
:func:`criteria_over_time` (one locality's criteria met, assessment by
assessment, against its goal), :func:`plan_chart` (localities holding each
level against the plan) and :func:`distribution_chart` (how many localities
meet how many criteria).  Each returns a matplotlib ``Figure`` built without
pyplot, so nothing global changes and no screen is needed;
:func:`save_png` writes one with its title in the file's metadata, and
:func:`write_charts` writes a report's charts into a folder (``ntm report
--charts DIR``).  Titles and labels are Vietnamese or English.

``pip install "ntm_criteria[charts]"``; without matplotlib each function
raises :class:`~ntm_criteria.errors.MissingExtraError` saying so.

>>> from ntm_criteria import demo
>>> from ntm_criteria.assessment import assess
>>> from ntm_criteria.progress import roll_up
>>> places = demo.gazetteer()
>>> results = [assess(places.effective(code), demo.criterion_set(), obs, on=demo.ASSESSMENT_DATE)
...            for code, obs in demo.observations().items()]
>>> figure = distribution_chart(roll_up(results, bins=(4, 8)), lang="en")
>>> figure.axes[0].get_title()
'Distribution of criteria met (6 localities)'
"""

from ntm_criteria.charts._charts import (
    criteria_over_time,
    distribution_chart,
    plan_chart,
    save_png,
    write_charts,
)

__all__ = [
    "criteria_over_time",
    "distribution_chart",
    "plan_chart",
    "save_png",
    "write_charts",
]
