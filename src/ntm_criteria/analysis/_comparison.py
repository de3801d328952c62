"""Two assessments of one locality compared criterion by criterion: gained, lost, unchanged."""

from __future__ import annotations

import datetime

import attrs

from ntm_criteria._validators import as_tuple
from ntm_criteria.analysis._wording import heading_name, say
from ntm_criteria.assessment import AssessmentResult
from ntm_criteria.errors import DataError
from ntm_criteria.geography import Locality
from ntm_criteria.periods import format_date
from ntm_criteria.rules import Status
from ntm_criteria.text import check_lang, pick


@attrs.frozen(slots=True)
class CriterionChange:
    """One criterion's status in two assessments.

    ``kind`` is ``"gained"`` (not met → met), ``"lost"`` (met → not met or
    undecided: a regression) or ``"unchanged"``.

    >>> CriterionChange(10, "Thu nhập", "Income", Status.NOT_MET, Status.MET).kind
    'gained'
    """

    number: int
    name_vi: str
    name_en: str
    before: Status
    after: Status

    @property
    def kind(self) -> str:
        """``gained``, ``lost`` or ``unchanged``."""
        was, now = self.before is Status.MET, self.after is Status.MET
        if now and not was:
            return "gained"
        if was and not now:
            return "lost"
        return "unchanged"

    def label(self, lang: str = "vi") -> str:
        """``tiêu chí 10 (Thu nhập)`` / ``criterion 10 (Income)``."""
        name = pick(self.name_vi, self.name_en, lang)
        return say("comparison.criterion", lang, number=self.number, name=name)


@attrs.frozen(slots=True)
class Comparison:
    """Two assessments of one locality compared criterion by criterion.

    ``changes`` covers the criteria both assessments have (in the later
    set's order); ``only_before`` / ``only_after`` list the numbers one of
    them lacks (when the set changed between the two dates).

    >>> from ntm_criteria import Observation, assess, demo
    >>> place, s = demo.gazetteer().effective("03658"), demo.criterion_set()
    >>> obs = demo.observations()["03658"]
    >>> before = assess(place, s, obs, on="30/9/2023")
    >>> after = assess(place, s, [*obs, Observation("3.2", True, as_of="31/12/2023")],
    ...                on="31/12/2023")
    >>> c = compare(before, after)
    >>> [x.number for x in c.gained], c.lost, len(c.unchanged)
    ([3], (), 7)
    """

    locality: Locality
    before_on: datetime.date
    after_on: datetime.date
    met_before: int
    met_after: int
    changes: tuple[CriterionChange, ...] = attrs.field(converter=as_tuple)
    only_before: tuple[int, ...] = attrs.field(default=(), converter=as_tuple)
    only_after: tuple[int, ...] = attrs.field(default=(), converter=as_tuple)

    def _of(self, kind: str) -> tuple[CriterionChange, ...]:
        return tuple(c for c in self.changes if c.kind == kind)

    @property
    def gained(self) -> tuple[CriterionChange, ...]:
        """Criteria met now and not before."""
        return self._of("gained")

    @property
    def lost(self) -> tuple[CriterionChange, ...]:
        """Criteria met before and not now (regressions)."""
        return self._of("lost")

    @property
    def unchanged(self) -> tuple[CriterionChange, ...]:
        """Criteria met in both, or in neither."""
        return self._of("unchanged")

    def explain(self, lang: str = "vi") -> str:
        """What changed between the two dates, in a few lines.

        >>> from ntm_criteria import Observation, assess, demo
        >>> place, s = demo.gazetteer().effective("03658"), demo.criterion_set()
        >>> obs = demo.observations()["03658"]
        >>> before = assess(place, s, obs, on="30/9/2023")
        >>> after = assess(place, s, [*obs, Observation("3.2", True)], on="31/12/2023")
        >>> print(compare(before, after).explain("vi"))
        Xã Chiềng Cọ, 30/09/2023 → 31/12/2023: đạt 6 → 7 tiêu chí
          đạt thêm: tiêu chí 3 (Thủy lợi và phòng, chống thiên tai)
          không còn đạt: không có
          không đổi: 7 tiêu chí
        """
        check_lang(lang)
        dates = f"{format_date(self.before_on, lang)} → {format_date(self.after_on, lang)}"
        none = say("comparison.none", lang)
        gained = ", ".join(c.label(lang) for c in self.gained) or none
        lost = ", ".join(f"{c.label(lang)} ({c.after.label(lang)})" for c in self.lost) or none
        name = heading_name(self.locality, lang)
        lines = [
            say(
                "comparison.head",
                lang,
                name=name,
                dates=dates,
                before=self.met_before,
                after=self.met_after,
            ),
            "  " + say("comparison.gained", lang, criteria=gained),
            "  " + say("comparison.lost", lang, criteria=lost),
            "  " + say("comparison.unchanged", lang, count=len(self.unchanged)),
        ]
        if self.only_before or self.only_after:
            gone = ", ".join(map(str, self.only_before)) or none
            new = ", ".join(map(str, self.only_after)) or none
            lines.append("  " + say("comparison.only", lang, before=gone, after=new))
        return "\n".join(lines)


def compare(before: AssessmentResult, after: AssessmentResult) -> Comparison:
    """Compare two assessments of the same locality, the earlier one first.

    Raises :class:`~ntm_criteria.errors.DataError` for two localities, or
    when ``before`` is dated after ``after``.  See :class:`Comparison`.

    >>> from ntm_criteria import assess, demo
    >>> s, places, obs = demo.criterion_set(), demo.gazetteer(), demo.observations()
    >>> a = assess(places.effective("03664"), s, obs["03664"], on="30/6/2023")
    >>> b = assess(places.effective("03661"), s, obs["03661"], on="30/6/2023")
    >>> compare(a, b)
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.DataError: cannot compare assessments of two localities: 03664 and 03661
    """
    if before.locality.code != after.locality.code:
        raise DataError(
            "cannot compare assessments of two localities: "
            f"{before.locality.code} and {after.locality.code}"
        )
    if before.on > after.on:
        raise DataError(
            f"the earlier assessment is dated {before.on}, after the later one ({after.on})",
            expected="compare(before, after) in date order",
        )
    earlier = {c.number: c for c in before.criteria}
    later = {c.number for c in after.criteria}
    changes = [
        CriterionChange(c.number, c.name_vi, c.name_en, earlier[c.number].status, c.status)
        for c in after.criteria
        if c.number in earlier
    ]
    return Comparison(
        after.locality,
        before.on,
        after.on,
        before.met_count,
        after.met_count,
        changes,
        [n for n in earlier if n not in later],
        [c.number for c in after.criteria if c.number not in earlier],
    )
