"""Progress, to-do lists, roadmaps, comparisons, time series and roll-ups.

What a steering committee reports every quarter, computed from assessment
results (:class:`~ntm_criteria.assessment.AssessmentResult`) and level
decisions (:class:`~ntm_criteria.levels.LevelDecision`):

- :class:`Progress`: criteria met / total, indicators met / total, unknowns;
- :class:`Shortfall` and :func:`rank_shortfalls`: an ordered to-do list —
  by default what needs no investment first, then the smallest relative gap;
- :class:`PlanItem` and :class:`Roadmap`: who does what by when, what is
  overdue, and when the next report is due;
- :func:`compare`: which criteria were gained, lost or unchanged between two
  assessments; :func:`trajectory`: the pace over time and a projected date;
- :func:`roll_up` and :class:`RollUp`: counts and shares per level, the
  distribution of criteria met, percent of a plan target; and
  :func:`aggregate_observations` / :func:`assess_aggregate`, which evaluate a
  district's or province's set from its communes' results.

Shares are exact :class:`~fractions.Fraction` values in [0, 1]; rendering
them is the job of :mod:`ntm_criteria.report`.

Module constants and aliases: ``DEFAULT_BINS``, the lower edges of the
criteria-met bins of a roll-up after the first (< 15, 15–18, 19); and
``ShortfallKey``, the type of a ranking key (any function of a
:class:`Shortfall` whose values compare).

>>> DEFAULT_BINS
(15, 19)
>>> from typing import get_args
>>> get_args(ShortfallKey)[0]
[<class 'ntm_criteria.progress.Shortfall'>]

>>> from ntm_criteria import assess, demo
>>> places, s, obs = demo.gazetteer(), demo.criterion_set(), demo.observations()
>>> results = [assess(places.effective(c.code), s, obs[c.code], on=demo.ASSESSMENT_DATE)
...            for c in places.descendants("14", kind="commune")]
>>> p = Progress(results[0])
>>> p.criteria_met, p.criteria_total, p.criteria_share
(5, 8, Fraction(5, 8))
>>> [x.code for x in p.shortfalls()]
['13.3', '10.1', '11.1', '13.2']
>>> up = roll_up(results)
>>> up.count, up.reached(Level.STANDARD), up.share(Level.STANDARD)
(4, 1, Fraction(1, 4))
>>> up.against(PlanTarget(Level.STANDARD, count=3)).ratio
Fraction(1, 3)
"""

from __future__ import annotations

import datetime
import enum
import itertools
import math
from collections.abc import Callable, Iterable, Mapping
from fractions import Fraction
from typing import Any, TypeAlias

import attrs

from ntm_criteria.assessment import (
    AssessmentResult,
    IndicatorOutcome,
    Observation,
    ObservedValue,
    assess,
)
from ntm_criteria.criteria import Aggregate, CriterionSet, Indicator, Level
from ntm_criteria.errors import DataError, ObservationError
from ntm_criteria.geography import Locality, LocalityKind
from ntm_criteria.levels import (
    Ladder,
    LevelDecision,
    _text,
    held_phrase,
)
from ntm_criteria.periods import RecurringDeadline, as_date, as_optional_date, format_date
from ntm_criteria.rules import Status
from ntm_criteria.text import check_lang, format_number, format_percent
from ntm_criteria.units import Q_, to_exact

__all__ = [
    "DEFAULT_BINS",
    "Comparison",
    "CriteriaBin",
    "CriterionChange",
    "PlanItem",
    "PlanProgress",
    "PlanStatus",
    "PlanTarget",
    "Progress",
    "Roadmap",
    "RollUp",
    "Shortfall",
    "ShortfallKey",
    "Standing",
    "Trajectory",
    "aggregate_observations",
    "assess_aggregate",
    "compare",
    "draft_roadmap",
    "next_deadline",
    "no_investment_first",
    "rank_shortfalls",
    "roll_up",
    "shortfalls",
    "trajectory",
]

#: The default criteria-met bins of a roll-up: under 15, 15–18, 19 and more.
DEFAULT_BINS: tuple[int, ...] = (15, 19)

# A year of 365.25 days, so that a pace per year does not drift over leap years.
_DAYS_PER_YEAR = Fraction(1461, 4)


def _share(part: int, whole: int) -> Fraction:
    return Fraction(part, whole) if whole else Fraction(0)


def _name(locality: Locality, lang: str) -> str:
    text = locality.label(lang)
    return text[:1].upper() + text[1:]


# =========================================================================== progress


@attrs.frozen(slots=True)
class Shortfall:
    """An indicator not met, as an item of a to-do list.

    ``locality`` is the locality's code, ``criterion`` the number of the
    criterion it belongs to and ``position`` its place in the set (0 for the
    first indicator), which breaks ties in a ranking.  ``outcome`` carries the
    actual value, the threshold, the gap and the investment flag.

    >>> from ntm_criteria import assess, demo
    >>> r = assess(demo.gazetteer().effective("04036"), demo.criterion_set(),
    ...            demo.observations()["04036"], on=demo.ASSESSMENT_DATE)
    >>> s = shortfalls(r)[0]
    >>> s.code, s.criterion, s.gap, s.relative_gap, s.needs_investment
    ('10.1', 10, Fraction(1, 2), Fraction(1, 84), True)
    >>> s.describe("vi")
    '10.1 (Thu nhập bình quân đầu người khu vực nông thôn): 41,5 < 42 triệu đồng/người/năm'
    """

    locality: str
    criterion: int
    position: int
    outcome: IndicatorOutcome

    @property
    def code(self) -> str:
        """The indicator's code."""
        return self.outcome.code

    @property
    def gap(self) -> Fraction | None:
        """How far short the value is, in the indicator's unit (``None`` for pass/fail)."""
        return self.outcome.gap

    @property
    def relative_gap(self) -> Fraction | None:
        """The gap as a share of the threshold (``None`` for pass/fail)."""
        return self.outcome.relative_gap

    @property
    def needs_investment(self) -> bool | None:
        """Whether meeting it takes investment (``None``: not recorded)."""
        return self.outcome.needs_investment

    def describe(self, lang: str = "vi") -> str:
        """``code (name): value against threshold``."""
        check_lang(lang)
        name = self.outcome.name_vi if lang == "vi" else self.outcome.name_en
        detail = self.outcome.detail(lang)
        return f"{self.code} ({name})" + (f": {detail}" if detail else "")


#: A ranking key for shortfalls: any function of a :class:`Shortfall` whose values compare.
ShortfallKey: TypeAlias = Callable[[Shortfall], Any]


def shortfalls(
    result: AssessmentResult, *, include_met_criteria: bool = False
) -> tuple[Shortfall, ...]:
    """The indicators not met of the criteria not met, in set order.

    An indicator not met inside a criterion that is met anyway (two of three
    in an "at least k of" rule) is left out unless ``include_met_criteria``.

    >>> from ntm_criteria import assess, demo
    >>> r = assess(demo.gazetteer().effective("04036"), demo.criterion_set(),
    ...            demo.observations()["04036"], on=demo.ASSESSMENT_DATE)
    >>> [s.code for s in shortfalls(r)]
    ['10.1', '11.1', '13.2', '13.3']
    """
    found: list[Shortfall] = []
    position = 0
    for criterion in result.criteria:
        for outcome in criterion.indicators:
            if outcome.status is Status.NOT_MET and (
                include_met_criteria or criterion.status is not Status.MET
            ):
                found.append(Shortfall(result.locality.code, criterion.number, position, outcome))
            position += 1
    return tuple(found)


def no_investment_first(shortfall: Shortfall) -> tuple[int, int, Fraction]:
    """The default ranking key: no investment first, then the smallest relative gap.

    Indicators flagged ``needs_investment = false`` come first, unflagged
    ones next, those that need investment last ("ưu tiên các tiêu chí không
    sử dụng nguồn lực đầu tư"); within each, the smallest relative gap
    first, and pass/fail shortfalls (no gap) after the numeric ones.

    >>> from ntm_criteria import assess, demo
    >>> r = assess(demo.gazetteer().effective("04036"), demo.criterion_set(),
    ...            demo.observations()["04036"], on=demo.ASSESSMENT_DATE)
    >>> [no_investment_first(s) for s in shortfalls(r)][:2]
    [(2, 0, Fraction(1, 84)), (2, 0, Fraction(3, 10))]
    """
    flag = shortfall.needs_investment
    investment = 0 if flag is False else 1 if flag is None else 2
    gap = shortfall.relative_gap
    return (investment, 0 if gap is not None else 1, gap if gap is not None else Fraction(0))


def rank_shortfalls(
    items: Iterable[Shortfall], key: ShortfallKey = no_investment_first
) -> tuple[Shortfall, ...]:
    """Order shortfalls into a to-do list by ``key`` (default :func:`no_investment_first`).

    Ties are broken by locality code and then set order, so the ranking does
    not depend on the order of ``items``; items equal in all of these keep
    their order (the sort is stable).

    >>> from ntm_criteria import assess, demo
    >>> r = assess(demo.gazetteer().effective("04036"), demo.criterion_set(),
    ...            demo.observations()["04036"], on=demo.ASSESSMENT_DATE)
    >>> [s.code for s in rank_shortfalls(shortfalls(r))]
    ['13.3', '10.1', '11.1', '13.2']
    >>> biggest_gap_first = lambda s: -(s.relative_gap or 0)
    >>> [s.code for s in rank_shortfalls(shortfalls(r), key=biggest_gap_first)]
    ['13.2', '11.1', '10.1', '13.3']
    """
    return tuple(sorted(items, key=lambda s: (key(s), s.locality, s.position)))


@attrs.frozen(slots=True)
class Progress:
    """How far one locality is along one set: counts, shares and a ranked to-do list.

    ``criteria_total`` is the set's number of criteria (the 19 of "đạt
    7/19 tiêu chí"); ``indicators_total`` counts only the indicators that
    apply to the locality (an island-only indicator does not count for an
    inland commune).  Shares are exact fractions in [0, 1].

    >>> from ntm_criteria import assess, demo
    >>> r = assess(demo.gazetteer().effective("30004"), demo.criterion_set(),
    ...            demo.observations()["30004"], on=demo.ASSESSMENT_DATE)
    >>> p = Progress(r)
    >>> (p.criteria_met, p.criteria_total, p.criteria_unknown)
    (5, 8, 1)
    >>> (p.indicators_met, p.indicators_total, p.indicators_unknown, p.indicators_share)
    (8, 11, 1, Fraction(8, 11))
    """

    result: AssessmentResult

    @property
    def locality(self) -> Locality:
        """The locality assessed."""
        return self.result.locality

    @property
    def on(self) -> datetime.date:
        """The assessment date."""
        return self.result.on

    @property
    def criteria_met(self) -> int:
        """Criteria met."""
        return self.result.met_count

    @property
    def criteria_total(self) -> int:
        """Criteria in the set."""
        return self.result.total

    @property
    def criteria_unknown(self) -> int:
        """Criteria that cannot be decided yet."""
        return self.result.unknown_count

    @property
    def criteria_share(self) -> Fraction:
        """Criteria met as a share of the set's criteria."""
        return _share(self.criteria_met, self.criteria_total)

    def _indicators(self, status: Status) -> int:
        return sum(1 for i in self.result.indicators() if i.status is status)

    @property
    def indicators_met(self) -> int:
        """Indicators met."""
        return self._indicators(Status.MET)

    @property
    def indicators_total(self) -> int:
        """Indicators that apply to the locality."""
        return sum(1 for i in self.result.indicators() if i.status is not Status.NOT_APPLICABLE)

    @property
    def indicators_unknown(self) -> int:
        """Indicators that cannot be decided yet."""
        return self._indicators(Status.UNKNOWN)

    @property
    def indicators_share(self) -> Fraction:
        """Indicators met as a share of those that apply."""
        return _share(self.indicators_met, self.indicators_total)

    def shortfalls(self, key: ShortfallKey = no_investment_first) -> tuple[Shortfall, ...]:
        """The shortfalls of the criteria not met, ranked by ``key``."""
        return rank_shortfalls(shortfalls(self.result), key)

    def explain(self, lang: str = "vi") -> str:
        """The counts in one line, then the ranked to-do list.

        >>> from ntm_criteria import assess, demo
        >>> r = assess(demo.gazetteer().effective("04042"), demo.criterion_set(),
        ...            demo.observations()["04042"], on=demo.ASSESSMENT_DATE)
        >>> print(Progress(r).explain("en"))
        Chieng Co commune (2023-06-30): 6/8 criteria met (75%), 8/11 indicators
          1. 3.2 (Proactive disaster prevention under the four on-the-spot motto): not achieved
          2. 4.1 (Share of households with regular, safe electricity): 93% < 95%
        """
        check_lang(lang)
        vi = lang == "vi"
        share = format_percent(self.criteria_share, "vi" if vi else "en")
        head = f"{_name(self.locality, lang)} ({format_date(self.on, lang)}): "
        if vi:
            head += (
                f"đạt {self.criteria_met}/{self.criteria_total} tiêu chí ({share}), "
                f"{self.indicators_met}/{self.indicators_total} chỉ tiêu"
            )
            if self.criteria_unknown:
                head += f"; {self.criteria_unknown} tiêu chí cần số liệu"
        else:
            head += (
                f"{self.criteria_met}/{self.criteria_total} criteria met ({share}), "
                f"{self.indicators_met}/{self.indicators_total} indicators"
            )
            if self.criteria_unknown:
                head += f"; {self.criteria_unknown} criteria need data"
        lines = [head]
        lines += [f"  {n}. {s.describe(lang)}" for n, s in enumerate(self.shortfalls(), 1)]
        return "\n".join(lines)


# =========================================================================== roadmaps


class PlanStatus(enum.Enum):
    """Where a plan item stands.

    >>> PlanStatus.parse("đang thực hiện"), PlanStatus.DONE.label("vi")
    (<PlanStatus.IN_PROGRESS: 'in_progress'>, 'hoàn thành')
    """

    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    DONE = "done"

    def label(self, lang: str = "vi") -> str:
        """The status in words, in Vietnamese or English."""
        return _PLAN_LABELS[self][0 if check_lang(lang) == "vi" else 1]

    @classmethod
    def parse(cls, text: str | PlanStatus) -> PlanStatus:
        """A status from its value or its Vietnamese or English label (any case).

        >>> PlanStatus.parse("Done"), PlanStatus.parse("in progress")
        (<PlanStatus.DONE: 'done'>, <PlanStatus.IN_PROGRESS: 'in_progress'>)
        >>> PlanStatus.parse("xong")
        Traceback (most recent call last):
        ...
        ntm_criteria.errors.DataError: status: unknown plan status 'xong' (expected planned (chưa thực hiện), ...)
        """
        if isinstance(text, PlanStatus):
            return text
        wanted = " ".join(str(text).replace("_", " ").split()).casefold()
        for status in cls:
            names = (status.value.replace("_", " "), *_PLAN_LABELS[status])
            if wanted in (name.casefold() for name in names):
                return status
        known = ", ".join(f"{s.value} ({_PLAN_LABELS[s][0]})" for s in cls)
        raise DataError(f"unknown plan status {text!r}", key_path="status", expected=known)


_PLAN_LABELS = {
    PlanStatus.PLANNED: ("chưa thực hiện", "planned"),
    PlanStatus.IN_PROGRESS: ("đang thực hiện", "in progress"),
    PlanStatus.DONE: ("hoàn thành", "done"),
}


def _optional_code(value: object) -> str | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return str(value).strip()


def _optional_number(value: object) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value)
    raise DataError(
        f"criterion {value!r} is not a number", key_path="criterion", expected="e.g. 10"
    )


def _plan_status(value: PlanStatus | str) -> PlanStatus:
    return PlanStatus.parse(value)


def _plan_date(value: datetime.date | str) -> datetime.date:
    return as_date(value)


@attrs.frozen(slots=True)
class PlanItem:
    """One line of a roadmap (lộ trình): what must be reached, who is responsible, by when.

    The item targets an ``indicator`` (its code) or a whole ``criterion`` (its
    number) of the locality with code ``locality``; ``agency`` is the
    responsible agency, ``due`` the target date, ``action`` what will be done.

    >>> item = PlanItem("04036", "Phòng Kinh tế", "31/12/2023", indicator="10.1",
    ...                 action="Phát triển cây ăn quả")
    >>> item.target("vi"), item.is_overdue("1/1/2024"), item.is_overdue("31/12/2023")
    ('chỉ tiêu 10.1', True, False)
    >>> PlanItem("04036", "Phòng Kinh tế", "31/12/2023")
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.DataError: indicator: a plan item names no indicator and no criterion ...
    """

    locality: str = attrs.field(validator=_text("locality"))
    agency: str = attrs.field(validator=_text("agency"))
    due: datetime.date = attrs.field(converter=_plan_date)
    indicator: str | None = attrs.field(default=None, converter=_optional_code)
    criterion: int | None = attrs.field(default=None, converter=_optional_number)
    status: PlanStatus = attrs.field(default=PlanStatus.PLANNED, converter=_plan_status)
    action: str | None = attrs.field(default=None, converter=_optional_code)

    def __attrs_post_init__(self) -> None:
        if self.indicator is None and self.criterion is None:
            raise DataError(
                "a plan item names no indicator and no criterion",
                key_path="indicator",
                expected="an indicator code such as '10.1' or a criterion number",
            )

    def target(self, lang: str = "vi") -> str:
        """What the item is about: ``chỉ tiêu 10.1`` or ``tiêu chí 10``."""
        check_lang(lang)
        if self.indicator is not None:
            return f"{'chỉ tiêu' if lang == 'vi' else 'indicator'} {self.indicator}"
        return f"{'tiêu chí' if lang == 'vi' else 'criterion'} {self.criterion}"

    def is_overdue(self, on: datetime.date | str) -> bool:
        """True when the item is not done and its target date is before ``on``."""
        return self.status is not PlanStatus.DONE and self.due < as_date(on)

    def covers(self, shortfall: Shortfall) -> bool:
        """True when the item plans for ``shortfall`` (its indicator, or its whole criterion).

        >>> from ntm_criteria import assess, demo
        >>> r = assess(demo.gazetteer().effective("04036"), demo.criterion_set(),
        ...            demo.observations()["04036"], on=demo.ASSESSMENT_DATE)
        >>> PlanItem("04036", "UBND xã", "2023-12-31", criterion=13).covers(shortfalls(r)[2])
        True
        """
        if shortfall.locality != self.locality:
            return False
        if self.indicator is not None:
            return self.indicator == shortfall.code
        return self.criterion == shortfall.criterion

    def to_dict(self) -> dict[str, Any]:
        """Plain data (also a CSV row); :meth:`from_dict` reads it back.

        >>> item = PlanItem("04036", "UBND xã", "2023-12-31", criterion=13)
        >>> PlanItem.from_dict(item.to_dict()) == item
        True
        """
        return {
            "locality": self.locality,
            "indicator": self.indicator,
            "criterion": self.criterion,
            "agency": self.agency,
            "due": self.due.isoformat(),
            "status": self.status.value,
            "action": self.action,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> PlanItem:
        """Read an item from plain data or a CSV row; empty cells count as missing.

        >>> row = {"locality": "04036", "indicator": "10.1", "criterion": "",
        ...        "agency": "Phòng Kinh tế", "due": "31/12/2023", "status": "đang thực hiện",
        ...        "action": ""}
        >>> PlanItem.from_dict(row).status
        <PlanStatus.IN_PROGRESS: 'in_progress'>
        """
        for key in ("locality", "agency", "due"):
            if data.get(key) in (None, ""):
                raise DataError(
                    "missing",
                    key_path=key,
                    expected="the keys locality, agency, due and indicator or criterion",
                )
        return cls(
            data["locality"],
            data["agency"],
            data["due"],
            data.get("indicator"),
            data.get("criterion"),
            data.get("status") or PlanStatus.PLANNED,
            data.get("action"),
        )


def next_deadline(
    deadlines: Iterable[RecurringDeadline], after: datetime.date | str, *, inclusive: bool = True
) -> tuple[datetime.date, RecurringDeadline] | None:
    """The earliest due date among ``deadlines`` on (or after) ``after``, with its deadline.

    >>> monthly = RecurringDeadline.monthly(25, description_vi="Báo cáo tiến độ")
    >>> quarterly = RecurringDeadline.quarterly(15, description_vi="Báo cáo quý")
    >>> day, which = next_deadline([monthly, quarterly], "10/6/2023")
    >>> day, which.label()
    (datetime.date(2023, 6, 15), 'trước ngày 15 tháng cuối mỗi quý')
    >>> next_deadline([], "10/6/2023") is None
    True
    """
    day = as_date(after)
    found = [(d.next_due(day, inclusive=inclusive), n, d) for n, d in enumerate(deadlines)]
    if not found:
        return None
    due, _, deadline = min(found, key=lambda item: (item[0], item[1]))
    return due, deadline


def _items(values: Iterable[PlanItem]) -> tuple[PlanItem, ...]:
    return tuple(values)


def _deadlines(values: Iterable[RecurringDeadline]) -> tuple[RecurringDeadline, ...]:
    return tuple(values)


@attrs.frozen(slots=True)
class Roadmap:
    """A roadmap (lộ trình): plan items for one or many localities, and reporting deadlines.

    >>> plan = Roadmap([PlanItem("04036", "Phòng Kinh tế", "30/9/2023", indicator="10.1"),
    ...                 PlanItem("04036", "UBND xã", "31/3/2024", criterion=13)],
    ...                reporting=[RecurringDeadline.monthly(25)])
    >>> [i.target() for i in plan.overdue("1/10/2023")]
    ['chỉ tiêu 10.1']
    >>> plan.next_report("1/10/2023")[0]
    datetime.date(2023, 10, 25)
    """

    items: tuple[PlanItem, ...] = attrs.field(converter=_items)
    reporting: tuple[RecurringDeadline, ...] = attrs.field(default=(), converter=_deadlines)

    def for_locality(self, code: str) -> Roadmap:
        """The items of one locality (the reporting deadlines are kept)."""
        return Roadmap([i for i in self.items if i.locality == code], self.reporting)

    def overdue(self, on: datetime.date | str) -> tuple[PlanItem, ...]:
        """Items not done whose target date is before ``on``, earliest first."""
        day = as_date(on)
        late = [i for i in self.items if i.is_overdue(day)]
        return tuple(sorted(late, key=lambda i: (i.due, i.locality)))

    def uncovered(self, result: AssessmentResult) -> tuple[Shortfall, ...]:
        """The shortfalls of ``result`` that no item plans for ("phân công rõ ràng").

        >>> from ntm_criteria import assess, demo
        >>> r = assess(demo.gazetteer().effective("04036"), demo.criterion_set(),
        ...            demo.observations()["04036"], on=demo.ASSESSMENT_DATE)
        >>> plan = Roadmap([PlanItem("04036", "UBND xã", "2023-12-31", criterion=13)])
        >>> [s.code for s in plan.uncovered(r)]
        ['10.1', '11.1']
        """
        return tuple(s for s in shortfalls(result) if not any(i.covers(s) for i in self.items))

    def next_report(
        self, after: datetime.date | str, *, inclusive: bool = True
    ) -> tuple[datetime.date, RecurringDeadline] | None:
        """The next reporting due date on (or after) ``after``; see :func:`next_deadline`."""
        return next_deadline(self.reporting, after, inclusive=inclusive)


def draft_roadmap(
    results: AssessmentResult | Iterable[AssessmentResult],
    *,
    agencies: Mapping[str, str],
    due: datetime.date | str | Callable[[Shortfall], datetime.date],
    default_agency: str | None = None,
    key: ShortfallKey = no_investment_first,
    reporting: Iterable[RecurringDeadline] = (),
) -> Roadmap:
    """A draft roadmap: one planned item per shortfall, in ranked order.

    ``agencies`` maps an indicator code, or a criterion number as text, to
    the responsible agency (the indicator wins); ``default_agency`` serves
    the rest, and without it a shortfall with no agency raises
    :class:`~ntm_criteria.errors.DataError` listing every such code.
    ``due`` is one target date or a function of the shortfall.

    >>> from ntm_criteria import assess, demo
    >>> r = assess(demo.gazetteer().effective("04036"), demo.criterion_set(),
    ...            demo.observations()["04036"], on=demo.ASSESSMENT_DATE)
    >>> plan = draft_roadmap(r, agencies={"10": "Phòng Kinh tế", "11": "Phòng LĐTB&XH"},
    ...                      default_agency="UBND xã", due="31/12/2023")
    >>> [(i.indicator, i.agency) for i in plan.items]
    [('13.3', 'UBND xã'), ('10.1', 'Phòng Kinh tế'), ('11.1', 'Phòng LĐTB&XH'), ('13.2', 'UBND xã')]
    """
    chosen = [results] if isinstance(results, AssessmentResult) else list(results)
    ranked = rank_shortfalls([s for r in chosen for s in shortfalls(r)], key)
    missing = [
        s.code
        for s in ranked
        if s.code not in agencies and str(s.criterion) not in agencies and default_agency is None
    ]
    if missing:
        raise DataError(
            "no responsible agency for indicator(s) " + ", ".join(dict.fromkeys(missing)),
            key_path="agencies",
            expected="an agency per indicator code or criterion number, or a default_agency",
        )
    fixed = None if callable(due) else as_date(due)
    items = []
    for s in ranked:
        agency = agencies.get(s.code) or agencies.get(str(s.criterion)) or default_agency
        assert agency is not None  # checked above
        target = fixed if fixed is not None else due(s)  # type: ignore[operator]
        items.append(PlanItem(s.locality, agency, target, indicator=s.code))
    return Roadmap(items, reporting)


# =========================================================================== comparison


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
        check_lang(lang)
        if lang == "vi":
            return f"tiêu chí {self.number} ({self.name_vi})"
        return f"criterion {self.number} ({self.name_en})"


def _changes(values: Iterable[CriterionChange]) -> tuple[CriterionChange, ...]:
    return tuple(values)


def _numbers(values: Iterable[int]) -> tuple[int, ...]:
    return tuple(values)


@attrs.frozen(slots=True)
class Comparison:
    """Two assessments of one locality compared criterion by criterion.

    ``changes`` covers the criteria both assessments have (in the later
    set's order); ``only_before`` / ``only_after`` list the numbers one of
    them lacks (when the set changed between the two dates).

    >>> from ntm_criteria import Observation, assess, demo
    >>> place, s = demo.gazetteer().effective("04042"), demo.criterion_set()
    >>> obs = demo.observations()["04042"]
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
    changes: tuple[CriterionChange, ...] = attrs.field(converter=_changes)
    only_before: tuple[int, ...] = attrs.field(default=(), converter=_numbers)
    only_after: tuple[int, ...] = attrs.field(default=(), converter=_numbers)

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
        >>> place, s = demo.gazetteer().effective("04042"), demo.criterion_set()
        >>> obs = demo.observations()["04042"]
        >>> before = assess(place, s, obs, on="30/9/2023")
        >>> after = assess(place, s, [*obs, Observation("3.2", True)], on="31/12/2023")
        >>> print(compare(before, after).explain("vi"))
        Xã Chiềng Cọ, 30/09/2023 → 31/12/2023: đạt 6 → 7 tiêu chí
          đạt thêm: tiêu chí 3 (Thủy lợi và phòng, chống thiên tai)
          không còn đạt: không có
          không đổi: 7 tiêu chí
        """
        check_lang(lang)
        vi = lang == "vi"
        dates = f"{format_date(self.before_on, lang)} → {format_date(self.after_on, lang)}"
        none = "không có" if vi else "none"
        gained = ", ".join(c.label(lang) for c in self.gained) or none
        lost = ", ".join(f"{c.label(lang)} ({c.after.label(lang)})" for c in self.lost) or none
        if vi:
            lines = [
                f"{_name(self.locality, 'vi')}, {dates}: "
                f"đạt {self.met_before} → {self.met_after} tiêu chí",
                f"  đạt thêm: {gained}",
                f"  không còn đạt: {lost}",
                f"  không đổi: {len(self.unchanged)} tiêu chí",
            ]
        else:
            lines = [
                f"{_name(self.locality, 'en')}, {dates}: "
                f"{self.met_before} → {self.met_after} criteria met",
                f"  gained: {gained}",
                f"  lost: {lost}",
                f"  unchanged: {len(self.unchanged)} criteria",
            ]
        if self.only_before or self.only_after:
            gone = ", ".join(map(str, self.only_before)) or none
            new = ", ".join(map(str, self.only_after)) or none
            lines.append(
                f"  chỉ có ở lần trước: {gone}; chỉ có ở lần sau: {new}"
                if vi
                else f"  only before: {gone}; only after: {new}"
            )
        return "\n".join(lines)


def compare(before: AssessmentResult, after: AssessmentResult) -> Comparison:
    """Compare two assessments of the same locality, the earlier one first.

    Raises :class:`~ntm_criteria.errors.DataError` for two localities, or
    when ``before`` is dated after ``after``.  See :class:`Comparison`.

    >>> from ntm_criteria import assess, demo
    >>> s, places, obs = demo.criterion_set(), demo.gazetteer(), demo.observations()
    >>> a = assess(places.effective("04036"), s, obs["04036"], on="30/6/2023")
    >>> b = assess(places.effective("04039"), s, obs["04039"], on="30/6/2023")
    >>> compare(a, b)
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.DataError: cannot compare assessments of two localities: 04036 and 04039
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


# =========================================================================== time series


def _results(values: Iterable[AssessmentResult]) -> tuple[AssessmentResult, ...]:
    return tuple(values)


@attrs.frozen(slots=True)
class Trajectory:
    """A locality's assessments over time, the pace of criteria gained, and a projection.

    ``results`` are in date order, one per date; ``target`` is the number of
    criteria to reach (default: all criteria of the latest assessment).
    :attr:`pace` is criteria gained per year between the first and the last
    assessment (years of 365.25 days); :attr:`projected` the date the target
    is reached at that pace — ``None`` means "not at current pace".

    >>> from ntm_criteria import Observation, assess, demo
    >>> place, s = demo.gazetteer().effective("04042"), demo.criterion_set()
    >>> obs = demo.observations()["04042"]
    >>> t = trajectory([
    ...     assess(place, s, obs, on="30/6/2023"),
    ...     assess(place, s, [*obs, Observation("3.2", True)], on="31/12/2023"),
    ... ])
    >>> [(day.month, met) for day, met in t.points], t.pace
    ([(6, 6), (12, 7)], Fraction(1461, 736))
    >>> t.projected
    datetime.date(2024, 7, 2)
    """

    results: tuple[AssessmentResult, ...] = attrs.field(converter=_results)
    target: int | None = None

    def __attrs_post_init__(self) -> None:
        if not self.results:
            raise DataError("a trajectory needs at least one assessment")
        codes = {r.locality.code for r in self.results}
        if len(codes) > 1:
            raise DataError(
                "a trajectory follows one locality, got " + ", ".join(sorted(codes)),
            )
        days = [r.on for r in self.results]
        if any(a >= b for a, b in itertools.pairwise(days)):
            raise DataError(
                "assessments must be in date order, one per date: "
                + ", ".join(d.isoformat() for d in days),
                expected="use trajectory(), which sorts them",
            )
        if self.target is not None and self.target < 0:
            raise DataError(f"target {self.target} is negative", expected="a number of criteria")

    @property
    def locality(self) -> Locality:
        """The locality followed."""
        return self.results[-1].locality

    @property
    def points(self) -> tuple[tuple[datetime.date, int], ...]:
        """``(date, criteria met)`` for each assessment."""
        return tuple((r.on, r.met_count) for r in self.results)

    @property
    def goal(self) -> int:
        """The number of criteria to reach: ``target``, else the latest set's total."""
        return self.target if self.target is not None else self.results[-1].total

    @property
    def pace(self) -> Fraction | None:
        """Criteria gained per year, first to last assessment (``None`` with one assessment)."""
        first, last = self.results[0], self.results[-1]
        if first is last:
            return None
        years = Fraction((last.on - first.on).days) / _DAYS_PER_YEAR
        return (last.met_count - first.met_count) / years

    @property
    def reached(self) -> bool:
        """True when the latest assessment meets the goal."""
        return self.results[-1].met_count >= self.goal

    @property
    def projected(self) -> datetime.date | None:
        """When the goal is reached at the current pace; ``None``: not at current pace.

        Already reached: the latest assessment's date.
        """
        last = self.results[-1]
        if self.reached:
            return last.on
        pace = self.pace
        if pace is None or pace <= 0:
            return None
        days = math.ceil((self.goal - last.met_count) / pace * _DAYS_PER_YEAR)
        try:
            return last.on + datetime.timedelta(days=days)
        except OverflowError:
            return None

    def on_track(self, by: datetime.date | str) -> bool:
        """True when the projected date is on or before ``by``."""
        projected = self.projected
        return projected is not None and projected <= as_date(by)

    def explain(self, lang: str = "vi") -> str:
        """The series, the pace and the projection in a few lines.

        >>> from ntm_criteria import assess, demo
        >>> place, s = demo.gazetteer().effective("04036"), demo.criterion_set()
        >>> t = trajectory([assess(place, s, demo.observations()["04036"], on=d)
        ...                 for d in ("30/6/2023", "31/12/2023")])
        >>> print(t.explain("en"))
        Chieng Xom commune: 2023-06-30 5/8, 2023-12-31 5/8
          pace: 0 criteria per year; 8 criteria: not at current pace
        """
        check_lang(lang)
        number_lang = check_lang(lang)
        vi = lang == "vi"
        series = ", ".join(
            f"{format_date(r.on, lang)} {r.met_count}/{r.total}" for r in self.results
        )
        lines = [f"{_name(self.locality, lang)}: {series}"]
        pace = self.pace
        pace_text = (
            ("chưa đủ số liệu" if vi else "not enough data")
            if pace is None
            else format_number(pace, number_lang, decimals=1)
            + (" tiêu chí/năm" if vi else " criteria per year")
        )
        projected = self.projected
        if self.reached:
            outlook = "đã đạt" if vi else "reached"
        elif projected is None:
            outlook = "chưa thể đạt với tốc độ hiện tại" if vi else "not at current pace"
        else:
            outlook = (
                f"dự kiến đạt ngày {format_date(projected, lang)}"
                if vi
                else f"projected {format_date(projected, lang)}"
            )
        goal = f"{self.goal} {'tiêu chí' if vi else 'criteria'}"
        lines.append(
            f"  tốc độ: {pace_text}; {goal}: {outlook}"
            if vi
            else f"  pace: {pace_text}; {goal}: {outlook}"
        )
        return "\n".join(lines)


def trajectory(results: Iterable[AssessmentResult], *, target: int | None = None) -> Trajectory:
    """A :class:`Trajectory` from assessments in any order (one per date).

    >>> from ntm_criteria import assess, demo
    >>> place, s = demo.gazetteer().effective("04045"), demo.criterion_set()
    >>> t = trajectory([assess(place, s, demo.observations()["04045"], on=d)
    ...                 for d in ("31/12/2023", "30/6/2023")])
    >>> [d.isoformat() for d, _ in t.points], t.reached
    (['2023-06-30', '2023-12-31'], True)
    """
    return Trajectory(sorted(results, key=lambda r: r.on), target)


# =========================================================================== roll-ups


def _holding(values: Iterable[tuple[Level, Status]]) -> tuple[tuple[Level, Status], ...]:
    return tuple(values)


def _levels(values: Iterable[Level]) -> tuple[Level, ...]:
    return tuple(values)


@attrs.frozen(slots=True)
class Standing:
    """One locality's line in a roll-up: its level, what it holds, its criteria count.

    ``holding`` says, for each level assessed, whether the locality holds it
    (or a higher one) in three values; ``completed`` whether it meets its
    own lowest set; ``criteria_met`` / ``criteria_total`` /
    ``criteria_unknown`` come from that lowest set (the "x/19").
    ``recognised`` is the highest level recognised by decision and
    ``at_risk`` the recognised levels no longer met.  Build one with
    :meth:`from_decision` or :meth:`from_result`.

    >>> from ntm_criteria import assess, demo
    >>> r = assess(demo.gazetteer().effective("04045"), demo.criterion_set(),
    ...            demo.observations()["04045"], on=demo.ASSESSMENT_DATE)
    >>> s = Standing.from_result(r)
    >>> s.level, s.holds(Level.STANDARD), s.holds(Level.ADVANCED), s.criteria_met
    (<Level.STANDARD: 1>, <Status.MET: 'met'>, <Status.UNKNOWN: 'unknown'>, 8)
    """

    locality: Locality
    on: datetime.date
    level: Level | None
    holding: tuple[tuple[Level, Status], ...] = attrs.field(converter=_holding)
    completed: Status
    criteria_met: int
    criteria_total: int
    criteria_unknown: int = 0
    recognised: Level | None = None
    at_risk: tuple[Level, ...] = attrs.field(default=(), converter=_levels)

    @classmethod
    def from_decision(cls, decision: LevelDecision) -> Standing:
        """The standing of a :class:`~ntm_criteria.levels.LevelDecision`.

        >>> from ntm_criteria import demo
        >>> from ntm_criteria.levels import decide_level
        >>> d = decide_level(demo.gazetteer().effective("04036"), demo.observations()["04036"],
        ...                  on=demo.ASSESSMENT_DATE, ladder=[demo.criterion_set()])
        >>> s = Standing.from_decision(d)
        >>> s.level, s.completed, s.criteria_met
        (None, <Status.NOT_MET: 'not_met'>, 5)
        """
        base = decision.steps[0]
        return cls(
            decision.locality,
            decision.on,
            decision.level,
            [(level, decision.holds(level)) for level in decision.levels],
            base.status,
            base.result.met_count,
            base.result.total,
            base.result.unknown_count,
            decision.recognised,
            [m.level for m in decision.at_risk],
        )

    @classmethod
    def from_result(cls, result: AssessmentResult, level: Level = Level.STANDARD) -> Standing:
        """The standing of a single assessment, read as the assessment of ``level``.

        Levels above it are unknown (the set of a higher level was not assessed).
        """
        held = level if result.status is Status.MET else None
        return cls(
            result.locality,
            result.on,
            held,
            [(level, result.status)],
            result.status,
            result.met_count,
            result.total,
            result.unknown_count,
        )

    def holds(self, level: Level) -> Status:
        """Whether the locality holds ``level`` or a higher one (``UNKNOWN`` if not assessed)."""
        if self.level is not None and self.level >= level:
            return Status.MET
        for rung, status in self.holding:
            if rung is level:
                return status
        return Status.UNKNOWN


@attrs.frozen(slots=True)
class CriteriaBin:
    """A bin of the criteria-met distribution: ``low`` to ``high`` criteria, both included.

    ``high=None`` leaves the bin open.

    >>> CriteriaBin(0, 14).label(), CriteriaBin(15, 18).label(), CriteriaBin(19, 19).label()
    ('< 15', '15–18', '19')
    >>> CriteriaBin(19, None).label(), CriteriaBin(19, None).contains(25)
    ('≥ 19', True)
    """

    low: int
    high: int | None

    def contains(self, count: int) -> bool:
        """True when ``count`` criteria fall in this bin."""
        return self.low <= count and (self.high is None or count <= self.high)

    def label(self) -> str:
        """``< 15``, ``15–18``, ``19`` or ``≥ 19`` (the same in Vietnamese and English)."""
        if self.high is None:
            return f"≥ {self.low}"
        if self.low == self.high:
            return str(self.low)
        if self.low == 0:
            return f"< {self.high + 1}"
        return f"{self.low}–{self.high}"


def _optional_fraction(value: Fraction | int | float | None) -> Fraction | None:
    # A float counts as its shortest decimal form: 0.4 is exactly 2/5.
    return None if value is None else to_exact(value, "dimensionless")


def _check_bins(values: Iterable[int]) -> tuple[int, ...]:
    edges = tuple(values)
    if (
        not edges
        or any(isinstance(e, bool) or not isinstance(e, int) or e < 1 for e in edges)
        or any(a >= b for a, b in itertools.pairwise(edges))
    ):
        raise DataError(
            f"bins {edges!r} are not increasing positive numbers of criteria",
            key_path="bins",
            expected="the lower edge of each bin but the first, e.g. (15, 19)",
        )
    return edges


@attrs.frozen(slots=True)
class PlanTarget:
    """A plan target (chỉ tiêu kế hoạch): a number or a share of localities at ``level``.

    Exactly one of ``count`` and ``share`` is given; ``by`` is the date the
    plan sets (informative); ``label_vi`` / ``label_en`` name the plan in
    reports ("kế hoạch giai đoạn").

    >>> PlanTarget(Level.STANDARD, count=94).planned(127)
    Fraction(94, 1)
    >>> PlanTarget(Level.STANDARD, share=Fraction(4, 5)).planned(127)
    Fraction(508, 5)
    >>> PlanTarget(Level.STANDARD)
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.DataError: a plan target needs a count or a share, not both or neither ...
    """

    level: Level
    count: int | None = None
    share: Fraction | None = attrs.field(default=None, converter=_optional_fraction)
    by: datetime.date | None = attrs.field(default=None, converter=as_optional_date)
    label_vi: str = "kế hoạch"
    label_en: str = "of plan"

    def __attrs_post_init__(self) -> None:
        if (self.count is None) == (self.share is None):
            raise DataError(
                "a plan target needs a count or a share, not both or neither",
                expected="PlanTarget(level, count=94) or PlanTarget(level, share=0.8)",
            )
        if self.count is not None and (
            isinstance(self.count, bool) or not isinstance(self.count, int) or self.count < 1
        ):
            raise DataError(f"plan count {self.count!r} is not a positive whole number")
        if self.share is not None and not 0 < self.share <= 1:
            raise DataError(f"plan share {self.share} is not in (0, 1]", expected="e.g. 0.8")

    def planned(self, total: int) -> Fraction:
        """The planned number of localities among ``total``."""
        if self.count is not None:
            return Fraction(self.count)
        assert self.share is not None  # one of the two, checked when built
        return self.share * total


@attrs.frozen(slots=True)
class PlanProgress:
    """How far a roll-up is along a :class:`PlanTarget`.

    ``achieved`` localities hold the target's level out of ``total``;
    :attr:`ratio` is achieved over planned — the "66%" of "đạt 66% kế
    hoạch" — and exceeds 1 when the plan is exceeded (it is a ratio to the
    plan, not a share of localities).

    >>> p = PlanProgress(PlanTarget(Level.STANDARD, count=94), achieved=62, total=127)
    >>> p.ratio, p.is_met
    (Fraction(31, 47), False)
    """

    target: PlanTarget
    achieved: int
    total: int

    @property
    def planned(self) -> Fraction:
        """The planned number of localities."""
        return self.target.planned(self.total)

    @property
    def ratio(self) -> Fraction:
        """Achieved over planned (0 when nothing is planned)."""
        planned = self.planned
        return self.achieved / planned if planned else Fraction(0)

    @property
    def is_met(self) -> bool:
        """True when as many localities hold the level as planned."""
        return self.achieved >= self.planned


def _standings(values: Iterable[Standing]) -> tuple[Standing, ...]:
    found = tuple(values)
    seen: set[str] = set()
    for standing in found:
        code = standing.locality.code
        if code in seen:
            raise DataError(
                f"locality {code} appears twice in a roll-up",
                expected="each locality once (roll-ups add only when disjoint)",
            )
        seen.add(code)
    return found


_KIND_WORDS = {"vi": "địa phương", "en": "localities"}


@attrs.frozen(slots=True)
class RollUp:
    """Standings of many localities (a province, a district, any list) and their counts.

    :meth:`reached` counts the localities that surely hold a level or a
    higher one ("62 xã đạt chuẩn" counts advanced communes too);
    :meth:`at_level` counts those whose highest level is exactly that one;
    :meth:`undecided` those that cannot be decided for lack of data.
    :meth:`distribution` bins the criteria met; ``bins`` are the lower
    edges of every bin but the first (default: < 15, 15–18, 19).  Roll-ups
    of disjoint sets of localities add up with ``+``.

    >>> from ntm_criteria import assess, demo
    >>> places, s, obs = demo.gazetteer(), demo.criterion_set(), demo.observations()
    >>> up = roll_up([assess(places.effective(code), s, obs[code], on=demo.ASSESSMENT_DATE)
    ...               for code in obs], bins=(6, 8))
    >>> up.count, up.reached(Level.STANDARD), up.at_level(None)
    (6, 2, 4)
    >>> [(b.label(), n) for b, n in up.distribution()]
    [('< 6', 3), ('6–7', 1), ('8', 2)]
    """

    standings: tuple[Standing, ...] = attrs.field(converter=_standings)
    bins: tuple[int, ...] = attrs.field(default=DEFAULT_BINS, converter=_check_bins)

    @property
    def count(self) -> int:
        """The number of localities."""
        return len(self.standings)

    @property
    def on(self) -> datetime.date | None:
        """The assessment date shared by every standing (``None`` if they differ or none)."""
        days = {s.on for s in self.standings}
        return days.pop() if len(days) == 1 else None

    def _holding(self, level: Level, status: Status) -> int:
        return sum(1 for s in self.standings if s.holds(level) is status)

    def reached(self, level: Level) -> int:
        """Localities that hold ``level`` or a higher one."""
        return self._holding(level, Status.MET)

    def undecided(self, level: Level) -> int:
        """Localities for which holding ``level`` cannot be decided yet."""
        return self._holding(level, Status.UNKNOWN)

    def share(self, level: Level) -> Fraction:
        """:meth:`reached` as a share of all localities (0 for an empty roll-up)."""
        return _share(self.reached(level), self.count)

    def at_level(self, level: Level | None) -> int:
        """Localities whose highest level is exactly ``level`` (``None``: no level)."""
        return sum(1 for s in self.standings if s.level is level)

    def level_counts(self) -> tuple[tuple[Level | None, int], ...]:
        """``(level, localities at exactly that level)`` for no level, then each level."""
        return tuple((level, self.at_level(level)) for level in (None, *Level))

    def distribution(self) -> tuple[tuple[CriteriaBin, int], ...]:
        """How many localities meet how many criteria, bin by bin.

        The last bin ends at the largest criteria total in the roll-up (so
        with 19-criterion sets it reads "19"), or is open if that is lower.
        """
        top = max((s.criteria_total for s in self.standings), default=0)
        lows = (0, *self.bins)
        bins = [CriteriaBin(low, high - 1) for low, high in itertools.pairwise(lows)]
        bins.append(CriteriaBin(lows[-1], top if top >= lows[-1] else None))
        return tuple(
            (b, sum(1 for s in self.standings if b.contains(s.criteria_met))) for b in bins
        )

    def against(self, target: PlanTarget) -> PlanProgress:
        """Progress against a plan target: how many hold its level, over the plan."""
        return PlanProgress(target, self.reached(target.level), self.count)

    def at_risk(self) -> tuple[Standing, ...]:
        """The localities with a recognised level no longer met."""
        return tuple(s for s in self.standings if s.at_risk)

    def of_kind(self, *kinds: LocalityKind | str) -> RollUp:
        """The roll-up of the localities of ``kinds`` only.

        >>> from ntm_criteria import assess, demo
        >>> r = assess(demo.gazetteer().effective("04045"), demo.criterion_set(),
        ...            demo.observations()["04045"], on=demo.ASSESSMENT_DATE)
        >>> roll_up([r]).of_kind("ward").count
        0
        """
        wanted = {LocalityKind.parse(k) for k in kinds}
        return RollUp([s for s in self.standings if s.locality.kind in wanted], self.bins)

    def __add__(self, other: RollUp) -> RollUp:
        if not isinstance(other, RollUp):
            return NotImplemented
        if other.bins != self.bins:
            raise DataError(
                f"cannot add roll-ups with bins {self.bins} and {other.bins}",
                expected="the same bins",
            )
        return RollUp(self.standings + other.standings, self.bins)

    @property
    def levels(self) -> tuple[Level, ...]:
        """The levels assessed for at least one locality, lowest first."""
        return tuple(sorted({level for s in self.standings for level, _ in s.holding}))

    def kind_name(self, lang: str = "vi") -> str:
        """What the localities are, as a plural noun: ``xã``, ``communes``, or ``địa phương``.

        >>> RollUp([]).kind_name("en")
        'localities'
        """
        check_lang(lang)
        kinds = {s.locality.kind for s in self.standings}
        if len(kinds) == 1:
            kind = kinds.pop()
            return kind.name_vi if lang == "vi" else kind.name_en + "s"
        return _KIND_WORDS[lang]

    def explain(self, lang: str = "vi") -> str:
        """The roll-up in a few lines: levels and shares, the distribution, undecided, at risk.

        >>> from ntm_criteria import assess, demo
        >>> places, s, obs = demo.gazetteer(), demo.criterion_set(), demo.observations()
        >>> up = roll_up([assess(places.effective(code), s, obs[code], on=demo.ASSESSMENT_DATE)
        ...               for code in obs])
        >>> print(up.explain("vi"))
        6 xã (30/06/2023): 2 đạt chuẩn (33,3%); 4 chưa đạt chuẩn
          số tiêu chí đạt: < 15: 6 xã; 15–18: 0 xã; ≥ 19: 0 xã
        """
        number_lang = check_lang(lang)
        vi = lang == "vi"
        kind = self.kind_name(lang)
        when = f" ({format_date(self.on, lang)})" if self.on else ""
        parts = [
            f"{self.reached(level)} {held_phrase(level, 'vi') if vi else level.label('en')} "
            f"({format_percent(self.share(level), number_lang, decimals=1)})"
            for level in self.levels
        ]
        none = self.at_level(None)
        lines = [
            f"{self.count} {kind}{when}: {', '.join(parts)}; "
            + (f"{none} chưa đạt chuẩn" if vi else f"{none} at no level")
        ]
        bins = "; ".join(f"{b.label()}: {n} {kind}" for b, n in self.distribution())
        lines.append(f"  {'số tiêu chí đạt' if vi else 'criteria met'}: {bins}")
        undecided = [(level, self.undecided(level)) for level in self.levels]
        undecided = [(level, n) for level, n in undecided if n]
        if undecided:
            text = "; ".join(
                f"{'mức ' if vi else ''}{level.label(lang)}: {n} {kind}" for level, n in undecided
            )
            lines.append(f"  {'không xác định được' if vi else 'cannot be decided at'} {text}")
        risky = self.at_risk()
        if risky:
            names = ", ".join(s.locality.label(lang) for s in risky)
            lines.append(
                f"  có nguy cơ không duy trì mức đã công nhận: {names}"
                if vi
                else f"  at risk of losing a recognised level: {names}"
            )
        return "\n".join(lines)


def roll_up(
    items: Iterable[LevelDecision | AssessmentResult | Standing],
    *,
    bins: Iterable[int] = DEFAULT_BINS,
) -> RollUp:
    """Roll decisions, assessments or standings of many localities up into a :class:`RollUp`.

    A plain :class:`~ntm_criteria.assessment.AssessmentResult` is read as
    the assessment of the standard level (see :meth:`Standing.from_result`).
    Each locality may appear once.

    >>> from ntm_criteria import assess, demo
    >>> r = assess(demo.gazetteer().effective("04045"), demo.criterion_set(),
    ...            demo.observations()["04045"], on=demo.ASSESSMENT_DATE)
    >>> up = roll_up([r], bins=(5,))
    >>> up.count, up.reached(Level.STANDARD), [(b.label(), n) for b, n in up.distribution()]
    (1, 1, [('< 5', 0), ('5–8', 1)])
    >>> roll_up([r, r])
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.DataError: locality 04045 appears twice in a roll-up ...
    """
    standings: list[Standing] = []
    for item in items:
        if isinstance(item, Standing):
            standings.append(item)
        elif isinstance(item, LevelDecision):
            standings.append(Standing.from_decision(item))
        else:
            standings.append(Standing.from_result(item))
    return RollUp(standings, tuple(bins))


# =========================================================================== aggregates


def _aggregated_indicators(
    sets: CriterionSet | Ladder | Iterable[CriterionSet],
) -> tuple[Indicator, ...]:
    if isinstance(sets, CriterionSet):
        chosen: Iterable[CriterionSet] = [sets]
    elif isinstance(sets, Ladder):
        chosen = sets.sets
    else:
        chosen = sets
    found: dict[str, tuple[Indicator, str]] = {}
    for criterion_set in chosen:
        for indicator in criterion_set.indicators():
            if indicator.aggregate is None:
                continue
            known = found.get(indicator.code)
            if known is not None and known[0].aggregate != indicator.aggregate:
                raise DataError(
                    f"indicator {indicator.code} is computed differently in sets "
                    f"{known[1]!r} and {criterion_set.id!r}",
                    expected="one meaning per code across the sets",
                )
            found.setdefault(indicator.code, (indicator, criterion_set.id))
    return tuple(indicator for indicator, _ in found.values())


def _aggregate_value(aggregate: Aggregate, members: RollUp) -> tuple[ObservedValue, str] | None:
    pool = [s for s in members.standings if s.locality.kind in aggregate.of]
    if not pool:
        return None
    level = aggregate.level
    statuses = [s.completed if level is None else s.holds(level) for s in pool]
    if Status.UNKNOWN in statuses:
        return None
    counted = statuses.count(Status.MET)
    kinds = ", ".join(sorted(k.name_vi for k in aggregate.of))
    done = "hoàn thành" if level is None else held_phrase(level, "vi")
    source = f"tổng hợp từ {len(pool)} {kinds}: {counted} {done}"
    if aggregate.measure == "count":
        return counted, source
    return Q_(Fraction(counted, len(pool)), ""), source


def aggregate_observations(
    sets: CriterionSet | Ladder | Iterable[CriterionSet],
    members: RollUp,
    *,
    on: datetime.date | str | None = None,
) -> tuple[Observation, ...]:
    """The observations of the ``aggregate`` indicators of ``sets``, computed from ``members``.

    For each indicator with an :class:`~ntm_criteria.criteria.Aggregate`,
    the members of its kinds are counted: those holding its level (or, with
    no level, completing their own lowest set).  A ``share`` is a
    dimensionless fraction (compared in the indicator's unit, e.g. percent);
    a ``count`` a whole number.  No observation is made — so the indicator
    is *unknown, needs data* — when no member is of those kinds or when any
    member's holding is undecided.  ``members`` should be the locality's
    sub-localities (e.g. ``roll_up`` of the decisions of a district's
    communes).  ``as_of`` is ``on`` when given.

    >>> from ntm_criteria import assess, demo, loads_set
    >>> district_set = loads_set('''
    ... id = "example-district"
    ... title_vi = "Huyện (minh họa)"
    ... title_en = "District (illustrative)"
    ... scope = "provincial_city"
    ... level = "standard"
    ... valid_from = 2022-01-01
    ... legal_basis = "illustrative"
    ... confidence = "illustrative"
    ... [[criteria]]
    ... number = 1
    ... name_vi = "Xã đạt chuẩn"
    ... name_en = "Communes at the standard level"
    ... [[criteria.indicators]]
    ... code = "1.1"
    ... name_vi = "Tỷ lệ xã đạt chuẩn"
    ... name_en = "Share of communes at the standard level"
    ... unit = "percent"
    ... aggregate = { of = "commune", level = "standard" }
    ... requirement = { at_least = 100 }
    ... ''')
    >>> places, s, obs = demo.gazetteer(), demo.criterion_set(), demo.observations()
    >>> communes = roll_up([assess(places.effective(c.code), s, obs[c.code], on="30/6/2023")
    ...                     for c in places.descendants("116", kind="commune")])
    >>> [(o.indicator_code, o.value, o.source) for o in aggregate_observations(district_set, communes)]
    [('1.1', <Quantity(1/4, 'dimensionless')>, 'tổng hợp từ 4 xã: 1 đạt chuẩn')]
    """
    day = None if on is None else as_date(on)
    observations: list[Observation] = []
    for indicator in _aggregated_indicators(sets):
        assert indicator.aggregate is not None  # selected above
        found = _aggregate_value(indicator.aggregate, members)
        if found is not None:
            value, source = found
            observations.append(Observation(indicator.code, value, as_of=day, source=source))
    return tuple(observations)


def assess_aggregate(
    locality: Locality,
    criterion_set: CriterionSet,
    members: RollUp,
    observations: Iterable[Observation] = (),
    *,
    on: datetime.date | str,
    check_validity: bool = True,
) -> AssessmentResult:
    """Assess a district or province whose set depends on its sub-localities.

    The ``aggregate`` indicators are computed from ``members`` with
    :func:`aggregate_observations`; ``observations`` give the others.  An
    observation of a computed indicator raises
    :class:`~ntm_criteria.errors.ObservationError`.  To decide a level with
    a ladder of such sets, pass ``[*observations, *aggregate_observations(ladder, members)]``
    to :func:`~ntm_criteria.levels.decide_level`.

    >>> from ntm_criteria import assess, demo, loads_set
    >>> province_set = loads_set('''
    ... id = "example-province"
    ... title_vi = "Tỉnh hoàn thành nhiệm vụ (minh họa)"
    ... title_en = "Province completing the task (illustrative)"
    ... scope = "province"
    ... level = "none"
    ... valid_from = 2022-01-01
    ... legal_basis = "illustrative"
    ... confidence = "illustrative"
    ... [[criteria]]
    ... number = 1
    ... name_vi = "Xã đạt chuẩn"
    ... name_en = "Communes at the standard level"
    ... [[criteria.indicators]]
    ... code = "1.1"
    ... name_vi = "Số xã đạt chuẩn"
    ... name_en = "Communes at the standard level"
    ... unit = "dimensionless"
    ... aggregate = { of = "commune", level = "standard", measure = "count" }
    ... requirement = { at_least = 2 }
    ... ''')
    >>> places, s, obs = demo.gazetteer(), demo.criterion_set(), demo.observations()
    >>> communes = roll_up([assess(places.effective(c.code), s, obs[c.code], on="30/6/2023")
    ...                     for c in places.descendants("14", kind="commune")])
    >>> result = assess_aggregate(places.get("14"), province_set, communes, on="30/6/2023")
    >>> print(result.criterion(1).summary("vi"))
    Tiêu chí 1 (Xã đạt chuẩn): chưa đạt — 1 < 2
    """
    computed = aggregate_observations(criterion_set, members, on=on)
    codes = {i.code for i in criterion_set.indicators() if i.aggregate is not None}
    own = tuple(observations)
    for observation in own:
        if observation.indicator_code in codes:
            raise ObservationError(
                observation.indicator_code,
                "is computed from the sub-localities' results",
                expected="no direct observation of an aggregate indicator",
            )
    return assess(locality, criterion_set, [*own, *computed], on=on, check_validity=check_validity)
