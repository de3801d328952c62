"""The compiled plan: a criterion set compiled once for a date, run on objects or on columns.

:func:`compile_set` compiles a set for a date into a :class:`Plan` (and keeps
it with the set).  :func:`ntm_criteria.assess` runs one locality on it;
:func:`evaluate_columns` runs whole columns of values at once with numpy
(the ``fast`` extra) and gives columns of status codes.

Statuses are small integers ordered so that "all of" is a maximum:
``NOT_APPLICABLE`` (0) < ``MET`` (1) < ``UNKNOWN`` (2) < ``NOT_MET`` (3).
Why a status is unknown is a bit: ``NO_DATA`` (1), ``UNSPECIFIED`` (2),
``DEPENDS`` (4).  :func:`status_of` and :func:`reason_of` turn codes back
into :class:`~ntm_criteria.rules.Status` and
:class:`~ntm_criteria.rules.UnknownReason`.

>>> from ntm_criteria import demo
>>> plan = compile_set(demo.criterion_set(), on=demo.ASSESSMENT_DATE)
>>> len(plan.codes), len(plan.criterion_programs)
(12, 8)
"""

from ntm_criteria.engine._codes import (
    DEPENDS,
    MET,
    NO_DATA,
    NOT_APPLICABLE,
    NOT_MET,
    UNKNOWN,
    UNSPECIFIED,
    code_of,
    reason_of,
    status_of,
)
from ntm_criteria.engine._columns import Columns, evaluate_columns
from ntm_criteria.engine._plan import Decision, Plan, Table, compile_set

__all__ = [
    "DEPENDS",
    "MET",
    "NOT_APPLICABLE",
    "NOT_MET",
    "NO_DATA",
    "UNKNOWN",
    "UNSPECIFIED",
    "Columns",
    "Decision",
    "Plan",
    "Table",
    "code_of",
    "compile_set",
    "evaluate_columns",
    "reason_of",
    "status_of",
]
