"""Plans and roadmaps (kế hoạch, lộ trình): plan items, their status, reporting deadlines.

One plan item type serves every roadmap: a commune's item for an indicator
or a criterion, a province's plan line, a ward's target year to be
recognised under a programme.
"""

from __future__ import annotations

import datetime
import enum
from collections.abc import Callable, Iterable, Mapping
from typing import Any, get_args

import attrs

from ntm_criteria._records import record_from_dict, record_to_dict
from ntm_criteria._validators import as_tuple, nfc, nonblank_text, optional_text
from ntm_criteria.analysis._shortfalls import (
    Shortfall,
    ShortfallKey,
    no_investment_first,
    rank_shortfalls,
    shortfalls,
)
from ntm_criteria.analysis._wording import say
from ntm_criteria.assessment import AssessmentResult
from ntm_criteria.errors import DataError
from ntm_criteria.periods import RecurringDeadline, as_date, as_optional_date
from ntm_criteria.text import Lang, pick

# The statuses also read from the words of the civilized-ward roadmaps (plan.also.*).
_ALSO = frozenset({"planned", "done"})


class PlanStatus(enum.Enum):
    """Where a plan item stands: planned, in progress, done — or dropped (không thực hiện).

    ``ACHIEVED`` is another name of ``DONE`` (the word of civilized-ward
    roadmaps), and ``PlanStatus("achieved")`` reads it.

    >>> PlanStatus.parse("đang thực hiện"), PlanStatus.DONE.label("vi")
    (<PlanStatus.IN_PROGRESS: 'in_progress'>, 'hoàn thành')
    >>> PlanStatus.parse("không thực hiện"), PlanStatus("achieved") is PlanStatus.DONE
    (<PlanStatus.DROPPED: 'dropped'>, True)
    """

    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    DROPPED = "dropped"
    # Another name of DONE, on purpose: the civilized-ward roadmaps say "achieved".
    ACHIEVED = "done"  # noqa: PIE796

    @classmethod
    def _missing_(cls, value: object) -> PlanStatus | None:
        return cls.DONE if value == "achieved" else None

    @property
    def is_open(self) -> bool:
        """True while the item is still to be done (planned or in progress).

        >>> PlanStatus.IN_PROGRESS.is_open, PlanStatus.DROPPED.is_open
        (True, False)
        """
        return self in (PlanStatus.PLANNED, PlanStatus.IN_PROGRESS)

    def label(self, lang: str = "vi") -> str:
        """The status in words, in Vietnamese or English."""
        return say(f"plan.status.{self.value}", lang)

    def _names(self) -> tuple[str, ...]:
        keys = [f"plan.status.{self.value}"]
        if self.value in _ALSO:
            keys.append(f"plan.also.{self.value}")
        words = [say(key, lang) for key in keys for lang in get_args(Lang)]
        return (self.value.replace("_", " "), *words)

    @classmethod
    def parse(cls, text: str | PlanStatus) -> PlanStatus:
        """A status from its value or its Vietnamese or English label (any case).

        The words of the civilized-ward roadmaps are read too: ``kế hoạch``
        (planned), ``đã đạt`` and ``achieved`` (done).

        >>> PlanStatus.parse("Done"), PlanStatus.parse("in progress"), PlanStatus.parse("đã đạt")
        (<PlanStatus.DONE: 'done'>, <PlanStatus.IN_PROGRESS: 'in_progress'>, <PlanStatus.DONE: 'done'>)
        >>> PlanStatus.parse("xong")
        Traceback (most recent call last):
        ...
        ntm_criteria.errors.DataError: status: unknown plan status 'xong' (expected planned (chưa thực hiện), ...)
        """
        if isinstance(text, PlanStatus):
            return text
        known = ", ".join(f"{s.value} ({s.label('vi')})" for s in cls)
        if not isinstance(text, str):
            # Regression: str() of a huge int raised ValueError (the digit limit).
            raise DataError(
                f"a plan status must be text, not {type(text).__name__}",
                key_path="status",
                expected=known,
            )
        # NFC: a decomposed "đang thực hiện" reads as the composed one.
        wanted = nfc(" ".join(text.replace("_", " ").split()).casefold())
        for status in cls:
            if wanted in (nfc(name.casefold()) for name in status._names()):
                return status
        raise DataError(f"unknown plan status {text!r}", key_path="status", expected=known)


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


_CHECK_AGENCY = nonblank_text("agency")


def _agency(value: str | None) -> str:
    # None or "": the source names no agency (a ward's own target year).  It is kept
    # as "" so that the field stays text for every reader, and "" is read back as
    # none, so that attrs.evolve (which passes "" back) works on such an item
    # (Regression: evolve raised "agency must be non-empty text").  Other text
    # must still be non-blank and stripped.
    if value is None or value == "":
        return ""
    _CHECK_AGENCY(None, attrs.fields(PlanItem).agency, value)
    return value


# The keys of a plan-item row, in order; the optional ones are written only when set.
_ROW_KEYS = ("locality", "indicator", "criterion", "agency", "due", "status", "action")
_OPTIONAL_KEYS = ("programme", "title_vi", "title_en", "registered_on", "achieved_on")


@attrs.frozen(slots=True)
class PlanItem:
    """One line of a plan or roadmap (lộ trình): what must be reached, who is responsible, by when.

    The item targets an ``indicator`` (its code), a whole ``criterion`` (its
    number) or a whole ``programme`` (a criterion set or programme id: a
    ward's "recognised as a civilized urban area in 2025") of the locality
    with code ``locality`` — or, with none of these, what its title says; ``agency`` is the responsible agency (``None``
    or ``""`` where the source names none, kept as ``""``), ``due`` the target date,
    ``action`` what will be done.  Keyword-only: ``title_vi`` / ``title_en``
    a free title, ``registered_on`` when the locality registered the target
    and ``achieved_on`` when it was reached.

    >>> item = PlanItem("03664", "Phòng Kinh tế", "31/12/2023", indicator="10.1",
    ...                 action="Phát triển cây ăn quả")
    >>> item.target("vi"), item.is_overdue("1/1/2024"), item.is_overdue("31/12/2023")
    ('chỉ tiêu 10.1', True, False)
    >>> PlanItem("03664", "Phòng Kinh tế", "31/12/2023")
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.DataError: indicator: a plan item names no indicator and no criterion ...
    """

    locality: str = attrs.field(validator=nonblank_text("locality"))
    agency: str = attrs.field(converter=_agency)
    due: datetime.date = attrs.field(converter=as_date)
    indicator: str | None = attrs.field(default=None, converter=optional_text)
    criterion: int | None = attrs.field(default=None, converter=_optional_number)
    status: PlanStatus = attrs.field(default=PlanStatus.PLANNED, converter=_plan_status)
    action: str | None = attrs.field(default=None, converter=optional_text)
    programme: str | None = attrs.field(default=None, converter=optional_text, kw_only=True)
    title_vi: str | None = attrs.field(default=None, converter=optional_text, kw_only=True)
    title_en: str | None = attrs.field(default=None, converter=optional_text, kw_only=True)
    registered_on: datetime.date | None = attrs.field(
        default=None, converter=as_optional_date, kw_only=True
    )
    achieved_on: datetime.date | None = attrs.field(
        default=None, converter=as_optional_date, kw_only=True
    )

    def __attrs_post_init__(self) -> None:
        codes = (self.indicator, self.criterion, self.programme)
        if all(c is None for c in codes) and self._title("vi") is None:
            raise DataError(
                "a plan item names no indicator and no criterion",
                key_path="indicator",
                expected="an indicator code such as '10.1', a criterion number, "
                "a programme or a title",
            )

    @classmethod
    def registration(
        cls,
        locality: str,
        year: int,
        *,
        programme: str,
        registered_on: datetime.date | str | None = None,
        title_vi: str | None = None,
        title_en: str | None = None,
        agency: str | None = None,
    ) -> PlanItem:
        """A locality's registered target to be recognised under ``programme`` in ``year``.

        Due on 31 December of ``year``; no agency unless one is given.

        >>> item = PlanItem.registration("00001", 2025, programme="vn-civilized-urban-ward-2022",
        ...                              registered_on="1/3/2023")
        >>> item.due, item.target("en"), item.is_due_in(2025), item.is_overdue("1/1/2026")
        (datetime.date(2025, 12, 31), 'programme vn-civilized-urban-ward-2022', True, True)
        """
        return cls(
            locality,
            agency,
            datetime.date(year, 12, 31),
            programme=programme,
            registered_on=registered_on,
            title_vi=title_vi,
            title_en=title_en,
        )

    def target(self, lang: str = "vi") -> str:
        """What the item is about: ``chỉ tiêu 10.1``, ``tiêu chí 10``, ``chương trình …``.

        An item with a title only (a free-text line of a plan) is about its title.

        >>> PlanItem("1", "UBND xã", "2025-12-31", title_vi="Hoàn thiện hồ sơ").target("en")
        'Hoàn thiện hồ sơ'
        """
        if self.indicator is not None:
            return say("plan.target.indicator", lang, code=self.indicator)
        if self.criterion is not None:
            return say("plan.target.criterion", lang, number=self.criterion)
        if self.programme is not None:
            return say("plan.target.programme", lang, programme=self.programme)
        title = self._title(lang)
        assert title is not None  # a target or a title, checked when built
        return title

    def _title(self, lang: str) -> str | None:
        # The title in ``lang``, else the other one: data keeps its own words.
        return (
            pick(self.title_vi or "", self.title_en or "", lang) or self.title_vi or self.title_en
        )

    def label(self, lang: str = "vi") -> str:
        """The item's title in ``lang`` (else its other title), or else :meth:`target`.

        >>> item = PlanItem("00001", None, "31/12/2025", programme="p",
        ...                 title_vi="Đạt chuẩn năm 2025")
        >>> item.label("vi"), item.label("en"), PlanItem("1", "x", "2025-12-31", criterion=3).label()
        ('Đạt chuẩn năm 2025', 'Đạt chuẩn năm 2025', 'tiêu chí 3')
        """
        return self._title(lang) or self.target(lang)

    def is_overdue(self, on: datetime.date | str) -> bool:
        """True when the item is still open (not done, not dropped) and its target date is before ``on``."""
        return self.status.is_open and self.due < as_date(on)

    def is_due_in(self, year: int) -> bool:
        """True when the target date falls in ``year``.

        >>> PlanItem("1", "UBND xã", "30/6/2024", criterion=5).is_due_in(2024)
        True
        """
        return self.due.year == year

    def covers(self, shortfall: Shortfall) -> bool:
        """True when the item plans for ``shortfall`` (its indicator, or its whole criterion).

        An item on a whole programme assigns no single shortfall, so covers none.

        >>> from ntm_criteria import assess, demo
        >>> r = assess(demo.gazetteer().effective("03664"), demo.criterion_set(),
        ...            demo.observations()["03664"], on=demo.ASSESSMENT_DATE)
        >>> PlanItem("03664", "UBND xã", "2023-12-31", criterion=13).covers(shortfalls(r)[2])
        True
        """
        if shortfall.locality != self.locality:
            return False
        if self.indicator is not None:
            return self.indicator == shortfall.code
        return self.criterion == shortfall.criterion

    def to_dict(self) -> dict[str, Any]:
        """Plain data (also a CSV row); :meth:`from_dict` reads it back.

        The keys ``programme``, ``title_vi``, ``title_en``, ``registered_on``
        and ``achieved_on`` are written only when set, so an item without
        them has the same row as before they existed.

        >>> item = PlanItem("03664", "UBND xã", "2023-12-31", criterion=13)
        >>> PlanItem.from_dict(item.to_dict()) == item
        True
        """
        return record_to_dict(self, order=_ROW_KEYS, omit_none=_OPTIONAL_KEYS)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> PlanItem:
        """Read an item from plain data or a CSV row; empty cells count as missing.

        ``locality`` and ``due`` are required, and one of ``indicator``,
        ``criterion``, ``programme`` and a title; a missing ``agency`` is none.

        >>> row = {"locality": "03664", "indicator": "10.1", "criterion": "",
        ...        "agency": "Phòng Kinh tế", "due": "31/12/2023", "status": "đang thực hiện",
        ...        "action": ""}
        >>> PlanItem.from_dict(row).status
        <PlanStatus.IN_PROGRESS: 'in_progress'>
        """
        return record_from_dict(cls, data, what="plan item", may_be_missing=("agency",))


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


@attrs.frozen(slots=True)
class Roadmap:
    """A roadmap (lộ trình): plan items for one or many localities, and reporting deadlines.

    >>> plan = Roadmap([PlanItem("03664", "Phòng Kinh tế", "30/9/2023", indicator="10.1"),
    ...                 PlanItem("03664", "UBND xã", "31/3/2024", criterion=13)],
    ...                reporting=[RecurringDeadline.monthly(25)])
    >>> [i.target() for i in plan.overdue("1/10/2023")]
    ['chỉ tiêu 10.1']
    >>> plan.next_report("1/10/2023")[0]
    datetime.date(2023, 10, 25)
    """

    items: tuple[PlanItem, ...] = attrs.field(converter=as_tuple)
    reporting: tuple[RecurringDeadline, ...] = attrs.field(default=(), converter=as_tuple)

    def for_locality(self, code: str) -> Roadmap:
        """The items of one locality (the reporting deadlines are kept)."""
        return Roadmap([i for i in self.items if i.locality == code], self.reporting)

    def overdue(self, on: datetime.date | str) -> tuple[PlanItem, ...]:
        """Items not done whose target date is before ``on``, earliest first."""
        day = as_date(on)
        late = [i for i in self.items if i.is_overdue(day)]
        return tuple(sorted(late, key=lambda i: (i.due, i.locality)))

    def due_in(self, year: int) -> tuple[PlanItem, ...]:
        """The items whose target date falls in ``year``, earliest first.

        >>> plan = Roadmap([PlanItem.registration("00001", 2025, programme="p"),
        ...                 PlanItem.registration("00002", 2024, programme="p")])
        >>> [i.locality for i in plan.due_in(2025)]
        ['00001']
        """
        due = [i for i in self.items if i.is_due_in(year)]
        return tuple(sorted(due, key=lambda i: (i.due, i.locality)))

    def uncovered(self, result: AssessmentResult) -> tuple[Shortfall, ...]:
        """The shortfalls of ``result`` that no item plans for ("phân công rõ ràng").

        >>> from ntm_criteria import assess, demo
        >>> r = assess(demo.gazetteer().effective("03664"), demo.criterion_set(),
        ...            demo.observations()["03664"], on=demo.ASSESSMENT_DATE)
        >>> plan = Roadmap([PlanItem("03664", "UBND xã", "2023-12-31", criterion=13)])
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
    >>> r = assess(demo.gazetteer().effective("03664"), demo.criterion_set(),
    ...            demo.observations()["03664"], on=demo.ASSESSMENT_DATE)
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
