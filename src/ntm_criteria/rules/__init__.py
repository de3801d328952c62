"""The requirement language: what an indicator must reach, as plain data.

A requirement is a small tree of a closed set of node types — :class:`AtLeast`,
:class:`AtMost`, :class:`Between`, :class:`Equals`, :class:`Achieved`,
:class:`OneOf`, :class:`Unspecified`, and the combinators :class:`AllOf`,
:class:`AnyOf` and :class:`AtLeastK`.  The values inside may vary by region,
date, commune group or locality tag (:class:`ByRegion`, :class:`ByDate`,
:class:`ByGroup`, :class:`ByTag`).  Requirements serialise to plain data and
back; nothing is ever evaluated as code.  One walker visits every tree
(:func:`walk`, :func:`fold`, :func:`transform`).

>>> import datetime
>>> from fractions import Fraction
>>> from ntm_criteria.rules import (AtLeast, ByRegion, Context, Fixed, evaluate,
...                                 requirement_from_data, resolve_requirement)
>>> req = requirement_from_data({"at_least": {"by_region": {"TDMNPB": 39}, "default": 45}},
...                             "", Problems())
>>> ctx = Context(on=datetime.date(2022, 6, 15), region="DBSCL")
>>> evaluate(resolve_requirement(req, ctx), Fraction(415, 10)).status
<Status.NOT_MET: 'not_met'>
"""

from ntm_criteria.rules._describe import describe
from ntm_criteria.rules._evaluate import (
    Observed,
    Status,
    UnknownReason,
    Verdict,
    combine,
    combine_all,
    combine_any,
    combine_at_least,
    evaluate,
    resolve_requirement,
)
from ntm_criteria.rules._problems import Problems
from ntm_criteria.rules._requirement_reader import requirement_from_data
from ntm_criteria.rules._requirements import (
    Achieved,
    AllOf,
    AnyOf,
    AtLeast,
    AtLeastK,
    AtMost,
    Between,
    Combinator,
    Condition,
    Equals,
    OneOf,
    Ref,
    Requirement,
    RuleItem,
    ValueKind,
)
from ntm_criteria.rules._value_reader import (
    PROVENANCE_KEYS,
    number_from_data,
    provenance_from_data,
    value_from_data,
)
from ntm_criteria.rules._values import (
    ByDate,
    ByGroup,
    ByRegion,
    ByTag,
    Confidence,
    Context,
    Fixed,
    Provenance,
    Scaled,
    Unspecified,
    ValueSpec,
    fixed_amounts,
    resolve,
)
from ntm_criteria.rules._walk import (
    children,
    fold,
    is_combinator,
    refs,
    thresholds,
    transform,
    value_kind,
    walk,
)
from ntm_criteria.rules._writer import (
    number_to_data,
    provenance_to_data,
    requirement_to_data,
    value_to_data,
)

__all__ = [
    "PROVENANCE_KEYS",
    "Achieved",
    "AllOf",
    "AnyOf",
    "AtLeast",
    "AtLeastK",
    "AtMost",
    "Between",
    "ByDate",
    "ByGroup",
    "ByRegion",
    "ByTag",
    "Combinator",
    "Condition",
    "Confidence",
    "Context",
    "Equals",
    "Fixed",
    "Observed",
    "OneOf",
    "Problems",
    "Provenance",
    "Ref",
    "Requirement",
    "RuleItem",
    "Scaled",
    "Status",
    "UnknownReason",
    "Unspecified",
    "ValueKind",
    "ValueSpec",
    "Verdict",
    "children",
    "combine",
    "combine_all",
    "combine_any",
    "combine_at_least",
    "describe",
    "evaluate",
    "fixed_amounts",
    "fold",
    "is_combinator",
    "number_from_data",
    "number_to_data",
    "provenance_from_data",
    "provenance_to_data",
    "refs",
    "requirement_from_data",
    "requirement_to_data",
    "resolve",
    "resolve_requirement",
    "thresholds",
    "transform",
    "value_from_data",
    "value_kind",
    "value_to_data",
    "walk",
]
