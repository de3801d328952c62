"""Recognitions (quyết định công nhận) and whether a recognised level is maintained."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any

import attrs

from ntm_criteria._records import record_from_dict, record_to_dict
from ntm_criteria._validators import nfc, nonblank_text
from ntm_criteria.analysis._ladder import as_level
from ntm_criteria.analysis._wording import say
from ntm_criteria.assessment import AssessmentResult, CriterionOutcome
from ntm_criteria.criteria import CriterionSet, Level
from ntm_criteria.errors import DataError
from ntm_criteria.geography import Locality
from ntm_criteria.periods import as_date, as_optional_date, format_date
from ntm_criteria.rules import Status
from ntm_criteria.text import check_lang


def _locality_code(value: Locality | str) -> str:
    # NFC: a code is matched against the gazetteer's.
    return value.code if isinstance(value, Locality) else _key(value)


def _key(value: Any) -> Any:
    # NFC for text matched against other data (codes, set ids); other values are left
    # for the validator to refuse.
    return nfc(value) if isinstance(value, str) else value


@attrs.frozen(slots=True)
class Recognition:
    """A decision recognising a locality at a level (quyết định công nhận).

    ``locality`` is the locality's code (a :class:`~ntm_criteria.geography.Locality`
    is accepted and reduced to its code); ``set_id`` names the set it was
    recognised under; ``decision`` is the decision number; ``date`` the date
    it was signed; ``valid_until`` the last day it holds (inclusive), or
    ``None`` when it does not expire.  Strings are read as Vietnamese dates
    and level names.

    >>> r = Recognition("03676", "standard", "demo-commune-standard",
    ...                 "1234/QĐ-UBND", "15/6/2022")
    >>> r.level, r.date
    (<Level.STANDARD: 1>, datetime.date(2022, 6, 15))
    >>> r.in_force("30/6/2023"), r.in_force("1/1/2022")
    (True, False)
    >>> r.label("vi")
    'đạt chuẩn — Quyết định số 1234/QĐ-UBND ngày 15/06/2022'
    >>> Recognition("03676", "standard", "s", "1/QĐ", "15/6/2022", valid_until="1/1/2022")
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.DataError: valid_until: 2022-01-01 is before the decision date 2022-06-15 ...
    """

    locality: str = attrs.field(converter=_locality_code, validator=nonblank_text("locality"))
    level: Level = attrs.field(converter=as_level)
    set_id: str = attrs.field(converter=_key, validator=nonblank_text("set_id"))
    decision: str = attrs.field(validator=nonblank_text("decision"))
    date: datetime.date = attrs.field(converter=as_date)
    valid_until: datetime.date | None = attrs.field(default=None, converter=as_optional_date)

    def __attrs_post_init__(self) -> None:
        if self.valid_until is not None and self.valid_until < self.date:
            raise DataError(
                f"{self.valid_until} is before the decision date {self.date}",
                key_path="valid_until",
                expected="a last day on or after the decision date, or none",
            )

    def in_force(self, on: datetime.date | str) -> bool:
        """True when the decision is signed by ``on`` and has not expired.

        >>> r = Recognition("1", "advanced", "s", "7/QĐ", "2022-01-01", valid_until="2024-12-31")
        >>> r.in_force("2024-12-31"), r.in_force("2025-01-01")
        (True, False)
        """
        day = as_date(on)
        return self.date <= day and (self.valid_until is None or day <= self.valid_until)

    def label(self, lang: str = "vi") -> str:
        """The level and the decision, as a report cites them.

        >>> Recognition("1", "model", "s", "7/QĐ-UBND", "2023-03-01").label("en")
        'model — Decision 7/QĐ-UBND of 2023-03-01'
        """
        return f"{self.level.label(check_lang(lang))} — {self.citation(lang)}"

    def citation(self, lang: str = "vi") -> str:
        """The decision, as a report cites it.

        >>> Recognition("1", "model", "s", "7/QĐ-UBND", "2023-03-01").citation()
        'Quyết định số 7/QĐ-UBND ngày 01/03/2023'
        """
        return say(
            "recognition.decision", lang, number=self.decision, date=format_date(self.date, lang)
        )

    def check(self, criterion_set: CriterionSet) -> None:
        """Refuse a recognition that ``criterion_set`` (the set it names) cannot have given.

        The set must be the one named, of the recognised level, and in effect
        on the decision date; otherwise :class:`~ntm_criteria.errors.DataError`
        names the key (``set_id``, ``level`` or ``date``).

        >>> from ntm_criteria import demo
        >>> s = demo.criterion_set()
        >>> Recognition("1", "standard", s.id, "7/QĐ", "1/3/2022").check(s)
        >>> Recognition("1", "advanced", s.id, "7/QĐ", "1/3/2022").check(s)
        Traceback (most recent call last):
        ...
        ntm_criteria.errors.DataError: level: advanced does not match the level of set demo-commune-standard (standard) ...
        >>> Recognition("1", "standard", s.id, "7/QĐ", "1/3/2001").check(s)
        Traceback (most recent call last):
        ...
        ntm_criteria.errors.DataError: date: 2001-03-01 is before set demo-commune-standard took effect (2022-01-01) ...
        """
        if criterion_set.id != self.set_id:
            raise DataError(
                f"the recognition names set {self.set_id}, not {criterion_set.id}",
                key_path="set_id",
                expected=f"set {criterion_set.id}",
            )
        level = criterion_set.level
        if level is not self.level:
            raise DataError(
                f"{self.level.key} does not match the level of set {criterion_set.id} "
                f"({'none' if level is None else level.key})",
                key_path="level",
                expected="the level of the set that the decision applied",
            )
        if self.date < criterion_set.valid_from:
            raise DataError(
                f"{self.date} is before set {criterion_set.id} took effect "
                f"({criterion_set.valid_from})",
                key_path="date",
                expected=f"a decision dated on or after {criterion_set.valid_from}",
            )

    def to_dict(self) -> dict[str, Any]:
        """Plain data (dates in ISO form); :meth:`from_dict` reads it back.

        >>> r = Recognition("1", "model", "s", "7/QĐ-UBND", "2023-03-01")
        >>> Recognition.from_dict(r.to_dict()) == r
        True
        """
        return record_to_dict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Recognition:
        """Read a recognition from plain data or a CSV row (``csv.DictReader``).

        The keys are those of :meth:`to_dict`; ``valid_until`` may be missing
        or empty.  Any problem raises :class:`~ntm_criteria.errors.DataError`
        naming the key.

        >>> row = {"locality": "03676", "level": "đạt chuẩn", "set_id": "s",
        ...        "decision": "12/QĐ-UBND", "date": "15/6/2022", "valid_until": ""}
        >>> Recognition.from_dict(row).valid_until is None
        True
        >>> Recognition.from_dict({"locality": "03676"})
        Traceback (most recent call last):
        ...
        ntm_criteria.errors.DataError: level: missing (expected the keys locality, level, ...)
        """
        return record_from_dict(cls, data, what="recognition")


def criteria_with(result: AssessmentResult, status: Status) -> tuple[CriterionOutcome, ...]:
    """The criteria of ``result`` with ``status``, in set order."""
    return tuple(c for c in result.criteria if c.status is status)


@attrs.frozen(slots=True)
class Maintenance:
    """Whether a recognised level is still met by the current assessment.

    ``status`` is the current assessment of the recognised level's set:
    ``MET`` (maintained), ``NOT_MET`` (**at risk**: ``slipped`` lists the
    criteria no longer met) or ``UNKNOWN`` (cannot be confirmed:
    ``undecided`` lists the criteria that need data).

    >>> from ntm_criteria import demo
    >>> from ntm_criteria.analysis import decide_level
    >>> chieng_xom = demo.gazetteer().effective("03664")
    >>> recognised = Recognition(chieng_xom, "standard", "demo-commune-standard",
    ...                          "88/QĐ-UBND", "20/12/2021")
    >>> d = decide_level(chieng_xom, demo.observations()["03664"], on=demo.ASSESSMENT_DATE,
    ...                  ladder=[demo.criterion_set()], recognitions=[recognised])
    >>> [(m.level, m.is_at_risk, [c.number for c in m.slipped]) for m in d.at_risk]
    [(<Level.STANDARD: 1>, True, [10, 11, 13])]
    """

    recognition: Recognition
    result: AssessmentResult

    @property
    def level(self) -> Level:
        """The recognised level."""
        return self.recognition.level

    @property
    def status(self) -> Status:
        """The current assessment of the recognised level's set."""
        return self.result.status

    @property
    def is_at_risk(self) -> bool:
        """True when the set is no longer met."""
        return self.status is Status.NOT_MET

    @property
    def slipped(self) -> tuple[CriterionOutcome, ...]:
        """The criteria of the recognised level's set that are not met now."""
        return criteria_with(self.result, Status.NOT_MET)

    @property
    def undecided(self) -> tuple[CriterionOutcome, ...]:
        """The criteria that cannot be confirmed for lack of data."""
        return criteria_with(self.result, Status.UNKNOWN)

    def explain(self, lang: str = "vi") -> str:
        """One line: maintained, at risk (with the slipped criteria) or unconfirmed.

        >>> from ntm_criteria import demo
        >>> from ntm_criteria.analysis import decide_level
        >>> hua_la = demo.gazetteer().effective("03676")
        >>> r = Recognition(hua_la, "standard", "demo-commune-standard", "9/QĐ", "1/3/2022")
        >>> d = decide_level(hua_la, demo.observations()["03676"], on=demo.ASSESSMENT_DATE,
        ...                  ladder=[demo.criterion_set()], recognitions=[r])
        >>> d.maintenance[0].explain("en")
        'standard (Decision 9/QĐ of 2022-03-01): maintained'
        """
        check_lang(lang)
        head = f"{self.level.label(lang)} ({self.recognition.citation(lang)})"
        if self.status is Status.MET:
            return say("maintenance.maintained", lang, head=head)
        if self.status is Status.NOT_MET:
            numbers = ", ".join(str(c.number) for c in self.slipped)
            return say("maintenance.at_risk", lang, head=head, numbers=numbers)
        numbers = ", ".join(str(c.number) for c in self.undecided)
        return say("maintenance.unconfirmed", lang, head=head, numbers=numbers)
