"""Results across the 1/7/2025 reorganisation: new provinces, predecessors' history, merged units.

Results dated before 1/7/2025 are about units of the old list (63 provinces,
their districts and communes); later ones about units of the new list (34
provinces, 3,321 commune-level units).  Three questions span the two:

- :func:`roll_up_by_new_province`: results of old communes (and new ones)
  rolled up into the new province each belongs to;
- :func:`lineage`: the history of a new unit, its predecessors' results
  before 1/7/2025 followed by its own;
- :func:`derive_merged`: a result for a merged unit from its parts, only
  for the indicators the set computes from sub-units (its ``aggregate``
  rules); every other indicator is reported as not decidable — never
  guessed from the parts.

A result's locality is found by its code in the official list in force on
the result's date, so a code reused by a new unit (03664 was xã Chiềng Xôm,
then phường Chiềng An) means the right unit on each side of the date.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

import attrs

from ntm_criteria.analysis._aggregates import aggregate_observations, assess_aggregate
from ntm_criteria.analysis._levels import LevelDecision
from ntm_criteria.analysis._rollup import DEFAULT_BINS, RollUp, Standing, roll_up
from ntm_criteria.analysis._wording import say
from ntm_criteria.assessment import AssessmentResult
from ntm_criteria.criteria import CriterionSet
from ntm_criteria.errors import DataError
from ntm_criteria.geography import REORGANISATION, Gazetteer, Locality, predecessors, successors
from ntm_criteria.periods import as_date
from ntm_criteria.rules import Status

__all__ = ["Derived", "derive_merged", "lineage", "new_province_of", "roll_up_by_new_province"]


def new_province_of(code: str, on: datetime.date | str) -> Locality:
    """The province of the 34 that holds the unit ``code`` of the list in force on ``on``.

    >>> new_province_of("03664", "15/6/2022").label()   # xã Chiềng Xôm, Sơn La
    'tỉnh Sơn La'
    >>> new_province_of("02", "15/6/2022").label()      # tỉnh Hà Giang
    'tỉnh Tuyên Quang'
    >>> new_province_of("99999", "15/6/2022")
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.DataError: locality '99999': not in the official list of 2022-06-15 ...
    """
    day = as_date(on)
    official = Gazetteer.official(day)
    if code not in official:
        raise DataError(
            f"not in the official list of {day.isoformat()}",
            key_path=f"locality {code!r}",
            expected="a code of the official units in force on the result's date",
        )
    chain = (official.get(code), *official.ancestors(code))
    province = next(loc for loc in chain if loc.kind.tier == 1)
    if day >= REORGANISATION:
        return province
    return successors(province.code)[0].after  # provinces merged whole, never split


def roll_up_by_new_province(
    items: Iterable[LevelDecision | AssessmentResult | Standing],
    *,
    bins: Iterable[int] = DEFAULT_BINS,
) -> dict[str, RollUp]:
    """Roll results up into the 34 provinces, whatever side of 1/7/2025 each is dated.

    Keys are the new provinces' codes, in code order.

    >>> from ntm_criteria import assess, demo
    >>> places, s, obs = demo.gazetteer(), demo.criterion_set(), demo.observations()
    >>> ups = roll_up_by_new_province(
    ...     [assess(places.effective(c), s, obs[c], on=demo.ASSESSMENT_DATE) for c in obs],
    ...     bins=(6, 8))
    >>> [(code, up.count) for code, up in ups.items()]
    [('14', 4), ('82', 2)]
    """
    chosen = tuple(bins)
    groups: dict[str, list[Standing]] = {}
    for standing in roll_up(items, bins=chosen).standings:
        province = new_province_of(standing.locality.code, standing.on)
        groups.setdefault(province.code, []).append(standing)
    return {code: RollUp(groups[code], chosen) for code in sorted(groups)}


def lineage(code: str, results: Iterable[AssessmentResult]) -> tuple[AssessmentResult, ...]:
    """The history of the new unit ``code``: its predecessors' results, then its own, by date.

    Results dated before 1/7/2025 count when their locality is a predecessor
    (whole or in part) of ``code``; later ones when they are about ``code``.

    >>> from ntm_criteria import assess, demo
    >>> places, s, obs = demo.gazetteer(), demo.criterion_set(), demo.observations()
    >>> history = [assess(places.effective(c), s, obs[c], on=demo.ASSESSMENT_DATE)
    ...            for c in ("03664", "03661", "03658")]
    >>> [r.locality.label() for r in lineage("03664", history)]  # phường Chiềng An
    ['xã Chiềng Xôm', 'xã Chiềng Đen']
    """
    before = {change.before.code for change in predecessors(code)}
    chosen = [
        r
        for r in results
        if (r.locality.code in before if r.on < REORGANISATION else r.locality.code == code)
    ]
    return tuple(sorted(chosen, key=lambda r: r.on))


@attrs.frozen
class Derived:
    """A merged unit's result derived from its parts, and what could not be derived.

    ``derived`` are the indicators computed from the parts by the set's
    aggregate rules; ``undecidable`` the other applicable ones, which the
    parts cannot decide (the result holds them as unknown).

    >>> from ntm_criteria import demo
    >>> d = derive_merged(Locality("04018", "Tô Múa", "xã"), demo.criterion_set(),
    ...                   RollUp([]), on="1/9/2025")
    >>> d.derived, len(d.undecidable), d.decided
    ((), 11, False)
    >>> print(d.explain("en"))
    Tô Múa commune: 11 indicators cannot be decided from the merged units' results ...
    """

    result: AssessmentResult
    derived: tuple[str, ...]
    undecidable: tuple[str, ...]

    @property
    def decided(self) -> bool:
        """True when every indicator was derived from the parts."""
        return not self.undecidable

    def explain(self, lang: str = "vi") -> str:
        """One sentence: how many indicators the parts could not decide, and which."""
        return say(
            "merged.undecidable",
            lang,
            unit=self.result.locality.label(lang),
            count=len(self.undecidable),
            codes=", ".join(self.undecidable),
        )


def derive_merged(
    unit: Locality,
    criterion_set: CriterionSet,
    parts: RollUp,
    *,
    on: datetime.date | str,
) -> Derived:
    """Assess the merged ``unit`` from its parts' standings, where the set's rules allow it.

    Only indicators with an ``aggregate`` rule (a share or count of the
    parts at a level) are computed; nothing else is carried over from the
    parts — a merged commune's income is not its parts' average.

    >>> from ntm_criteria import assess, demo, roll_up
    >>> places, s, obs = demo.gazetteer(), demo.criterion_set(), demo.observations()
    >>> parts = roll_up([assess(places.effective(c), s, obs[c], on=demo.ASSESSMENT_DATE)
    ...                  for c in ("03664", "03661")])
    >>> d = derive_merged(Gazetteer.official("1/9/2025").get("04018"), s, parts, on="1/9/2025")
    >>> d.derived, d.decided, d.result.indicator("10.1").status.value
    ((), False, 'unknown')
    """
    computed = {o.indicator_code for o in aggregate_observations(criterion_set, parts, on=on)}
    result = assess_aggregate(unit, criterion_set, parts, on=on, check_validity=False)
    codes = [i.code for i in criterion_set.indicators()]
    # An indicator that does not apply to the unit (an island-only one) is not undecidable.
    applicable = [c for c in codes if result.indicator(c).status is not Status.NOT_APPLICABLE]
    return Derived(
        result=result,
        derived=tuple(c for c in applicable if c in computed),
        undecidable=tuple(c for c in applicable if c not in computed),
    )
