"""What if: a set compared with a variant on the same data — who changes status, and where.

A variant is another set (a new period's, a province's), or a copy of a set
with one threshold changed by a value or a factor (:func:`vary`).
:func:`what_if` assesses every locality against both with
:func:`~ntm_criteria.assessment.assess` and returns a :class:`WhatIf`: each
status change per criterion and for the set as a whole, the counts of
localities met before and after, and a DataFrame (``pandas`` extra).

>>> from ntm_criteria import demo
>>> base = demo.criterion_set()
>>> lower = vary(base, "10.1", factor="0,9")
>>> w = what_if(demo.gazetteer(), base, lower, demo.observations(), on=demo.ASSESSMENT_DATE)
>>> [(c.locality.code, c.criterion, c.after.value) for c in w.changes()]
[('03664', 10, 'met'), ('03661', 10, 'met'), ('30046', 10, 'met')]
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs

from ntm_criteria._extras import require
from ntm_criteria._validators import as_tuple, check_magnitude
from ntm_criteria.assessment import AssessmentResult, Observation, assess
from ntm_criteria.criteria import CriterionSet, set_from_data, set_to_data
from ntm_criteria.errors import DataError
from ntm_criteria.geography import Locality
from ntm_criteria.periods import as_date
from ntm_criteria.rules import Status, number_to_data
from ntm_criteria.text import message
from ntm_criteria.units import parse_number

__all__ = ["Change", "WhatIf", "vary", "what_if"]

_COMPARISONS = ("at_least", "at_most", "equals")
# Keys under which a number is not a threshold (a count of items, a note, a source).
_NOT_THRESHOLDS = frozenset(
    {
        "at_least_k",
        "source",
        "confidence",
        "certainty",
        "unspecified",
        "unspecified_vi",
        "unspecified_en",
        "one_of",
        "relative_to",
    }
)
_RATIO = re.compile(r"-?[0-9]+/[0-9]+")


@attrs.frozen
class Change:
    """A locality whose status changes: for one criterion, or for the set (``criterion`` None).

    ``before`` or ``after`` is ``None`` where one of the two sets lacks the criterion.

    >>> from ntm_criteria import demo
    >>> c = Change(demo.gazetteer().get("03664"), 10, Status.NOT_MET, Status.MET)
    >>> c.describe("en")
    'Chieng Xom commune, criterion 10: not met → met'
    """

    locality: Locality
    criterion: int | None
    before: Status | None
    after: Status | None

    def describe(self, lang: str = "vi") -> str:
        """One line: the locality, the criterion (or the whole set), the status before and after."""
        part = (
            message("whatif.overall", lang)
            if self.criterion is None
            else message("whatif.criterion", lang, number=self.criterion)
        )
        before, after = (
            s.label(lang) if s is not None else message("whatif.absent", lang)
            for s in (self.before, self.after)
        )
        return message(
            "whatif.change",
            lang,
            locality=self.locality.label(lang),
            part=part,
            before=before,
            after=after,
        )


@attrs.frozen
class WhatIf:
    """The results of the same localities against a set and a variant.

    >>> from ntm_criteria import demo
    >>> base = demo.criterion_set()
    >>> w = what_if(demo.gazetteer(), base, vary(base, "3.1", value=70), demo.observations(),
    ...             on=demo.ASSESSMENT_DATE)
    >>> w.met_count(), w.met_count(variant=True)
    (2, 2)
    """

    base: CriterionSet
    variant: CriterionSet
    pairs: tuple[tuple[AssessmentResult, AssessmentResult], ...] = attrs.field(converter=as_tuple)

    def changes(self) -> tuple[Change, ...]:
        """Every status change: per criterion (in the base set's order), then the set's."""
        found = []
        for before, after in self.pairs:
            old = {c.number: c.status for c in before.criteria}
            new = {c.number: c.status for c in after.criteria}
            for number in [*old, *(n for n in new if n not in old)]:
                if old.get(number) != new.get(number):
                    found.append(Change(before.locality, number, old.get(number), new.get(number)))
            if before.status != after.status:
                found.append(Change(before.locality, None, before.status, after.status))
        return tuple(found)

    def overall(self) -> tuple[Change, ...]:
        """The localities whose status for the whole set changes."""
        return tuple(c for c in self.changes() if c.criterion is None)

    def met_count(self, *, variant: bool = False) -> int:
        """How many localities meet the base set (or, with ``variant=True``, the variant)."""
        return sum(
            (after if variant else before).status is Status.MET for before, after in self.pairs
        )

    def summary(self, lang: str = "vi") -> str:
        """One sentence: how many localities change status, and met before and after."""
        return message(
            "whatif.summary",
            lang,
            changed=len(self.overall()),
            count=len(self.pairs),
            before=self.met_count(),
            after=self.met_count(variant=True),
        )

    def report(self, lang: str = "vi") -> str:
        """The comparison in words: a title, the summary and one line per change."""
        title = message("whatif.title", lang, base=self.base.id, variant=self.variant.id)
        lines = [title, self.summary(lang), ""]
        changes = self.changes()
        lines += [f"- {c.describe(lang)}" for c in changes] or [message("whatif.none", lang)]
        return "\n".join(lines)

    def records(self) -> list[dict[str, Any]]:
        """The changes as plain data (status values, not words): what JSON and CSV hold.

        >>> from ntm_criteria import demo
        >>> base = demo.criterion_set()
        >>> w = what_if(demo.gazetteer(), base, vary(base, "10.1", factor="0,9"),
        ...             demo.observations(), on=demo.ASSESSMENT_DATE)
        >>> w.records()[0]
        {'code': '03664', 'name_vi': 'Chiềng Xôm', 'criterion': 10, 'before': 'not_met', 'after': 'met'}
        """
        return [
            {
                "code": c.locality.code,
                "name_vi": c.locality.name_vi,
                "criterion": c.criterion,
                "before": c.before.value if c.before else None,
                "after": c.after.value if c.after else None,
            }
            for c in self.changes()
        ]

    def to_frame(self) -> Any:
        """The changes as a pandas DataFrame (the ``pandas`` extra): one row per change.

        >>> from ntm_criteria import demo
        >>> base = demo.criterion_set()
        >>> w = what_if(demo.gazetteer(), base, base, demo.observations(), on=demo.ASSESSMENT_DATE)
        >>> list(w.to_frame().columns)
        ['code', 'name_vi', 'criterion', 'before', 'after']
        """
        pd = require("pandas")
        columns = ["code", "name_vi", "criterion", "before", "after"]
        return pd.DataFrame(self.records(), columns=columns)


def what_if(
    localities: Iterable[Locality],
    base: CriterionSet,
    variant: CriterionSet,
    observations: Mapping[str, Sequence[Observation]],
    *,
    on: datetime.date | str,
) -> WhatIf:
    """Assess every locality in scope against ``base`` and ``variant`` on the same data.

    ``localities`` may be a :class:`~ntm_criteria.geography.Gazetteer` (its
    localities are assessed with their effective region and tags); those of a
    kind outside the base set's scope are left out.

    >>> from ntm_criteria import demo
    >>> base = demo.criterion_set()
    >>> w = what_if(demo.gazetteer(), base, base, demo.observations(), on=demo.ASSESSMENT_DATE)
    >>> w.changes()
    ()
    """
    date = as_date(on)
    effective = getattr(localities, "effective", None)
    pairs = []
    for place in localities:
        if place.kind not in base.scope:
            continue
        where = effective(place.code) if effective is not None else place
        seen = tuple(observations.get(place.code, ()))
        pairs.append((assess(where, base, seen, on=date), assess(where, variant, seen, on=date)))
    return WhatIf(base, variant, pairs)


def vary(
    s: CriterionSet,
    code: str,
    *,
    value: object = None,
    factor: object = None,
) -> CriterionSet:
    """A copy of ``s`` with one indicator's threshold set to ``value`` or multiplied by ``factor``.

    ``value`` replaces the one threshold of an ``at_least``, ``at_most`` or
    ``equals`` requirement; ``factor`` multiplies every threshold of the
    requirement (each region's, each year's…).  Numbers may be written the
    Vietnamese way (``"0,9"``).  The changed value is marked illustrative.

    >>> from ntm_criteria import demo
    >>> vary(demo.criterion_set(), "10.1", value=40).indicator("10.1").requirement.value.amount
    Fraction(40, 1)
    """
    if (value is None) == (factor is None):
        raise DataError("give a value or a factor", expected="value=… or factor=…")
    indicator = s.indicator(code)  # an unknown code is the library's error
    data = set_to_data(s)["criteria"]
    current = next(i for c in data for i in c["indicators"] if i["code"] == indicator.code)
    requirement = current["requirement"]
    if value is not None:
        requirement = _with_value(requirement, _exact(value), code)
        change = f"{code}={number_to_data(_exact(value))}"
    else:
        scaled = _scaled(requirement, _exact(factor))
        if scaled == requirement and _exact(factor) != 1:
            raise DataError(
                f"indicator {code}: the requirement has no threshold to multiply",
                expected="an indicator with a number to reach",
            )
        requirement, change = scaled, f"{code}=x{number_to_data(_exact(factor))}"
    overlay = {
        "id": f"{s.id}+{change}",
        "extends": s.id,
        "indicators": {
            indicator.code: {
                "requirement": requirement,
                "source": f"what-if: {change}",
                "confidence": "illustrative",
            }
        },
    }
    return set_from_data(overlay, parents=[s])


def _exact(number: object) -> Fraction:
    if isinstance(number, str):
        return check_magnitude(Fraction(parse_number(number)))
    if isinstance(number, bool) or not isinstance(number, int | float | Fraction):
        raise DataError(f"{number!r} is not a number", expected="a number, e.g. 50 or 0,9")
    return check_magnitude(Fraction(number))


def _with_value(requirement: object, value: Fraction, code: str) -> object:
    if isinstance(requirement, Mapping) and len(requirement) == 1:
        ((op, _),) = requirement.items()
        if op in _COMPARISONS:
            return {op: number_to_data(value)}
    raise DataError(
        f"indicator {code}: the requirement has no single threshold to replace",
        expected="a factor (xFACTOR), or a variant set file",
    )


def _scaled(data: object, factor: Fraction, key: str = "") -> object:
    """Requirement data with every threshold multiplied by ``factor``."""
    if key in _NOT_THRESHOLDS:
        return data
    if isinstance(data, Mapping):
        return {k: _scaled(v, factor, str(k)) for k, v in data.items()}
    if isinstance(data, list):
        return [_scaled(v, factor, key) for v in data]
    if isinstance(data, bool):
        return data
    if isinstance(data, int):
        return number_to_data(data * factor)
    if isinstance(data, float):  # as written in the file: 0.1 is one tenth
        return number_to_data(Fraction(Decimal(repr(data))) * factor)
    if isinstance(data, str) and _RATIO.fullmatch(data):
        return number_to_data(Fraction(data) * factor)
    return data
