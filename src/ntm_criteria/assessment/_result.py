"""The assessment of one locality against one set, as of one date."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from ntm_criteria._validators import as_tuple
from ntm_criteria.assessment._outcomes import CriterionOutcome, IndicatorOutcome
from ntm_criteria.assessment._reviews import ReviewDisagreement
from ntm_criteria.assessment._serial import (
    criterion_from_data,
    criterion_to_data,
    disagreements_from_data,
    disagreements_to_data,
    enum_from_data,
    item,
    located,
    reason_from_data,
    table,
)
from ntm_criteria.engine import code_of
from ntm_criteria.errors import DataError, NtmError, UnknownCodeError
from ntm_criteria.geography import Locality
from ntm_criteria.periods import as_date, format_date
from ntm_criteria.rules import Status, UnknownReason
from ntm_criteria.text import check_lang, message, pick

__all__ = ["AssessmentResult", "Pending", "pending_result"]


class Pending:
    """Criterion outcomes not built yet: each criterion's status code, and :meth:`build`.

    One object per result, whatever it needs to build the outcomes (a
    subclass keeps that in slots of its own): a province's results held in
    memory stay few objects for the garbage collector to walk.
    """

    __slots__ = ("statuses",)

    def __init__(self, statuses: bytes) -> None:
        self.statuses = statuses

    def build(self) -> tuple[CriterionOutcome, ...]:
        """The outcome objects, in set order."""
        raise NotImplementedError


def _outcomes(
    value: Iterable[CriterionOutcome] | Pending,
) -> tuple[CriterionOutcome, ...] | Pending:
    return value if isinstance(value, Pending) else as_tuple(value)


@attrs.frozen(slots=True, eq=False, repr=False)
class AssessmentResult:
    """The assessment of one locality against one set, as of one date.

    ``met_count`` of ``total`` criteria are met; ``unknown_count`` cannot be
    decided yet.  :meth:`explain` renders the result as a short review
    minute in Vietnamese or English.

    >>> from ntm_criteria import demo
    >>> from ntm_criteria.assessment import assess
    >>> r = assess(demo.gazetteer().effective("30046"), demo.criterion_set(),
    ...            demo.observations()["30046"], on=demo.ASSESSMENT_DATE)
    >>> (r.met_count, r.total, r.unknown_count, r.status.label("en"))
    (5, 8, 1, 'not met')
    >>> [o.code for o in r.shortfalls()], [o.code for o in r.needs_data()]
    (['10.1', '11.1'], ['17.1'])
    >>> print(r.headline("en"))
    Truong Xuan commune: 5/8 criteria met (Illustrative new rural commune set, 2023-06-30); 1 undecided
    """

    locality: Locality
    set_id: str
    set_title_vi: str
    set_title_en: str
    on: datetime.date
    status: Status
    reason: UnknownReason | None
    # The outcomes are built when first read (see ``pending_result``): a batch
    # that only counts criteria met never builds them.
    _criteria: tuple[CriterionOutcome, ...] | Pending = attrs.field(converter=_outcomes)
    #: Reviews that disagree with the criteria the observations decide (those outcomes stand).
    review_disagreements: tuple[ReviewDisagreement, ...] = attrs.field(
        default=(), converter=as_tuple
    )

    @property
    def criteria(self) -> tuple[CriterionOutcome, ...]:
        """The outcome of each criterion, in set order."""
        built = self._criteria
        if isinstance(built, Pending):
            built = built.build()
            object.__setattr__(self, "_criteria", built)
        return built

    def _fields(self) -> tuple[object, ...]:
        return (
            self.locality,
            self.set_id,
            self.set_title_vi,
            self.set_title_en,
            self.on,
            self.status,
            self.reason,
            self.criteria,
            self.review_disagreements,
        )

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        assert isinstance(other, AssessmentResult)
        return self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        names = (
            "locality",
            "set_id",
            "set_title_vi",
            "set_title_en",
            "on",
            "status",
            "reason",
            "criteria",
            "review_disagreements",
        )
        shown = [f"{n}={v!r}" for n, v in zip(names, self._fields(), strict=True)]
        return f"AssessmentResult({', '.join(shown)})"

    @property
    def total(self) -> int:
        """The number of criteria in the set."""
        pending = self._criteria
        return len(pending.statuses if isinstance(pending, Pending) else pending)

    def _count(self, status: Status) -> int:
        pending = self._criteria
        if isinstance(pending, Pending):
            return pending.statuses.count(code_of(status, None)[0])
        return sum(1 for c in pending if c.status is status)

    @property
    def met_count(self) -> int:
        """Criteria met (the x in "đạt x/19 tiêu chí")."""
        return self._count(Status.MET)

    @property
    def not_met_count(self) -> int:
        """Criteria not met."""
        return self._count(Status.NOT_MET)

    @property
    def unknown_count(self) -> int:
        """Criteria that cannot be decided (missing data or unspecified thresholds)."""
        return self._count(Status.UNKNOWN)

    @property
    def not_applicable_count(self) -> int:
        """Criteria that do not apply to this locality."""
        return self._count(Status.NOT_APPLICABLE)

    def indicators(self) -> tuple[IndicatorOutcome, ...]:
        """Every indicator outcome, criterion by criterion."""
        return tuple(i for c in self.criteria for i in c.indicators)

    def indicator(self, code: str) -> IndicatorOutcome:
        """The outcome of the indicator with ``code``."""
        for outcome in self.indicators():
            if outcome.code == code:
                return outcome
        raise UnknownCodeError(
            "indicator", code, known=[i.code for i in self.indicators()], where=f"set {self.set_id}"
        )

    def criterion(self, number: int) -> CriterionOutcome:
        """The outcome of criterion ``number``."""
        for outcome in self.criteria:
            if outcome.number == number:
                return outcome
        raise UnknownCodeError(
            "criterion",
            str(number),
            known=[str(c.number) for c in self.criteria],
            where=f"set {self.set_id}",
        )

    def shortfalls(self) -> tuple[IndicatorOutcome, ...]:
        """Indicators not met, in set order (each with its gap)."""
        return tuple(i for i in self.indicators() if i.status is Status.NOT_MET)

    def needs_data(self) -> tuple[IndicatorOutcome, ...]:
        """Indicators that cannot be decided, in set order (see each ``reason``).

        Those of a criterion decided by review are left out: it needs no data.
        """
        return tuple(
            i
            for c in self.criteria
            if not c.by_review
            for i in c.indicators
            if i.status is Status.UNKNOWN
        )

    def untrusted(self) -> tuple[IndicatorOutcome, ...]:
        """Applicable indicators whose threshold is illustrative or unverified.

        The indicators of a criterion decided by review are left out: its
        outcome does not rest on their thresholds.
        """
        return tuple(
            i
            for c in self.criteria
            if not c.by_review
            for i in c.indicators
            if not i.is_trusted and i.status is not Status.NOT_APPLICABLE
        )

    def headline(self, lang: str = "vi") -> str:
        """``Xã Minh Họa: đạt 1/2 tiêu chí (Bộ tiêu chí minh họa, 15/06/2022)``."""
        name = self.locality.label(lang)
        text = message(
            "assessment.headline.met",
            lang,
            name=name[:1].upper() + name[1:],
            met=self.met_count,
            total=self.total,
            title=pick(self.set_title_vi, self.set_title_en, lang),
            date=format_date(self.on, lang),
        )
        if self.unknown_count:
            text += message("assessment.headline.undecided", lang, count=self.unknown_count)
        return text

    def explain(self, lang: str = "vi") -> str:
        """A short, readable review minute of the whole result.

        It names every criterion with its status, the failing values against
        their thresholds, what needs data, and warns when a result rests on an
        illustrative or unverified threshold.
        """
        check_lang(lang)
        lines = [self.headline(lang)]
        lines += [c.summary(lang) for c in self.criteria]
        untrusted = self.untrusted()
        if untrusted:
            codes = ", ".join(i.code for i in untrusted)
            lines.append(message("assessment.explain.untrusted", lang, codes=codes))
        if self.review_disagreements:
            count = len(self.review_disagreements)
            lines.append(message("assessment.review.disagreements", lang, count=count))
            lines += ["  " + d.describe(lang) for d in self.review_disagreements]
        return "\n".join(lines)

    # -- plain data ----------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """The result as plain data (JSON-ready); :meth:`from_dict` reads it back."""
        return {
            "locality": self.locality.to_dict(),
            "set_id": self.set_id,
            "set_title_vi": self.set_title_vi,
            "set_title_en": self.set_title_en,
            "on": self.on.isoformat(),
            "status": self.status.value,
            "reason": self.reason.value if self.reason else None,
            "criteria": [criterion_to_data(c) for c in self.criteria],
            "review_disagreements": disagreements_to_data(self.review_disagreements),
            # Derived, for readers of the JSON: the indicators whose thresholds are
            # illustrative or unverified (empty when the result rests on none).
            "untrusted_thresholds": [i.code for i in self.untrusted()],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> AssessmentResult:
        """Read a result written by :meth:`to_dict`.

        Every problem is a :class:`~ntm_criteria.errors.DataError` naming its
        key path:

        >>> AssessmentResult.from_dict({"locality": {}})
        Traceback (most recent call last):
        ...
        ntm_criteria.errors.DataError: criteria: not an assessment result: missing (expected data written by AssessmentResult.to_dict)
        """
        d = table(data, "")
        criteria = item(d, "criteria", "")
        if not isinstance(criteria, list):
            raise DataError(
                "not an assessment result: criteria is not a list",
                key_path="criteria",
                expected="data written by AssessmentResult.to_dict",
            )
        texts = {key: _text(d, key) for key in ("set_id", "set_title_vi", "set_title_en")}
        try:
            locality = Locality.from_dict(table(item(d, "locality", ""), "locality"))
        except NtmError as err:
            raise located("locality", err) from None
        try:
            on = as_date(item(d, "on", ""))
        except NtmError as err:
            raise located("on", err) from None
        return cls(
            locality=locality,
            set_id=texts["set_id"],
            set_title_vi=texts["set_title_vi"],
            set_title_en=texts["set_title_en"],
            on=on,
            status=enum_from_data(Status, item(d, "status", ""), "status"),
            reason=reason_from_data(item(d, "reason", ""), "reason"),
            criteria=[criterion_from_data(c, f"criteria[{n}]") for n, c in enumerate(criteria)],
            review_disagreements=disagreements_from_data(d.get("review_disagreements", [])),
        )


def pending_result(
    head: tuple[Locality, str, str, str, datetime.date, Status, UnknownReason | None],
    pending: Pending,
) -> AssessmentResult:
    """A result whose criterion outcomes ``pending`` builds when first read.

    ``pending.statuses`` holds each criterion's status code (as
    :mod:`ntm_criteria.engine` numbers them), so that the counts need no
    outcome objects.
    """
    return AssessmentResult(*head, pending)


def _text(data: Mapping[str, Any], key: str) -> str:
    value = item(data, key, "")
    if not isinstance(value, str):
        raise DataError(
            f"not an assessment result: {type(value).__name__} is not text",
            key_path=key,
            expected="data written by AssessmentResult.to_dict",
        )
    return value
