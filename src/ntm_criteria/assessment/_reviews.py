"""Criterion reviews: an office's own finding that a criterion is met, as an input to :func:`assess`.

A review ("tiêu chí 5: đạt", by whom, on what date) decides a criterion that
the observations leave undecided — as a quarterly review minute does where the
law's thresholds are not encoded.  Where the observations decide it, the
computed outcome stands, and a review that says otherwise is a
:class:`ReviewDisagreement`, warned of with :class:`ReviewDisagreementWarning`.
"""

from __future__ import annotations

import datetime
import enum
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

import attrs

from ntm_criteria._validators import nfc, nonblank_text
from ntm_criteria._warnings import warn_caller
from ntm_criteria.errors import DataError, DataErrors, NtmError
from ntm_criteria.periods import as_date, format_date
from ntm_criteria.rules import Status
from ntm_criteria.text import message

if TYPE_CHECKING:
    from ntm_criteria.assessment._outcomes import CriterionOutcome
    from ntm_criteria.criteria import CriterionSet

__all__ = [
    "CriterionReview",
    "ReviewDisagreement",
    "ReviewDisagreementWarning",
    "ReviewStatus",
    "apply_reviews",
    "check_reviews",
]

# Words an office writes besides the labels of the message table (compared lower-case, in NFC).
_WORDS = {
    "met": ("đạt", "đã đạt", "met", "true", "yes", "có"),
    "not_met": ("không đạt", "chưa đạt", "not met", "false", "no", "không"),
    "not_reviewed": ("chưa đánh giá", "not yet reviewed", "not reviewed", "not_reviewed"),
}


class ReviewStatus(enum.Enum):
    """What a review found: met, not met, or not yet reviewed.

    :meth:`parse` reads the words offices write, in Vietnamese or English.

    >>> ReviewStatus.parse("Không đạt"), ReviewStatus.parse("not yet reviewed")
    (<ReviewStatus.NOT_MET: 'not_met'>, <ReviewStatus.NOT_REVIEWED: 'not_reviewed'>)
    >>> ReviewStatus.MET.label("vi"), ReviewStatus.NOT_REVIEWED.label("en")
    ('đạt', 'not yet reviewed')
    """

    MET = "met"
    NOT_MET = "not_met"
    NOT_REVIEWED = "not_reviewed"

    @classmethod
    def parse(cls, value: ReviewStatus | str) -> ReviewStatus:
        """A status from its value or a word (``đạt``, ``không đạt``, ``chưa đánh giá``, ``met`` …)."""
        if isinstance(value, ReviewStatus):
            return value
        if isinstance(value, str):
            word = " ".join(nfc(value).lower().split())
            for member in cls:
                if word in _WORDS[member.value] or word == member.value:
                    return member
        raise DataError(
            f"unknown review status {value!r}",
            key_path="status",
            expected="đạt, không đạt or chưa đánh giá (met, not met, not yet reviewed)",
        )

    @property
    def status(self) -> Status | None:
        """The criterion status the review decides (``None``: not yet reviewed)."""
        return {"met": Status.MET, "not_met": Status.NOT_MET}.get(self.value)

    def label(self, lang: str = "vi") -> str:
        """The status in words, in Vietnamese or English."""
        return message(f"assessment.review.status.{self.value}", lang)


# "5", "05", and as minutes write it: "Tiêu chí 5", "TC5", "tiêu chí số 5", "criterion 5".
_NUMBER = re.compile(r"(?:(?:tiêu chí|tc|criterion)\s*(?:số\s*)?)?([0-9]{1,4})")


def _criterion_number(value: object) -> int:
    number: object = value
    if isinstance(value, str):
        found = _NUMBER.fullmatch(" ".join(nfc(value).lower().split()))
        number = int(found.group(1)) if found else value
    if isinstance(number, bool) or not isinstance(number, int) or not 0 < number < 10_000:
        raise DataError(
            f"{value!r} is not a criterion number", key_path="criterion", expected="e.g. 5"
        )
    return number


def _optional_nfc(value: object) -> str | None:
    if value is None:
        return None
    text = nfc(str(value)).strip()
    return text or None


def _status(value: ReviewStatus | str) -> ReviewStatus:
    return ReviewStatus.parse(value)


def _date(value: datetime.date | str) -> datetime.date:
    try:
        return as_date(value)
    except DataError as err:
        raise DataError(err.message, key_path="date", expected=err.expected) from None
    except NtmError as err:  # a ParseError says what it could not read and what it expected
        raise DataError(str(err), key_path="date") from None


@attrs.frozen(slots=True)
class CriterionReview:
    """The review of one criterion of one locality: its status, date, reviewing body and note.

    ``criterion`` is the criterion's number in the set; ``set_id``, when
    given, limits the review to that set (a review without one counts for any
    set it is given with; :func:`~ntm_criteria.levels.decide_level` gives it
    to the lowest level's set).  Text is read in Unicode NFC.  ``file`` and
    ``line`` say where the review was read, for error messages; they do not
    take part in comparisons.

    >>> r = CriterionReview("03664", "5", "đạt", "10/6/2022", reviewer="UBND thành phố Sơn La")
    >>> (r.criterion, r.status, r.date.isoformat(), r.by("vi"))
    (5, <ReviewStatus.MET: 'met'>, '2022-06-10', 'theo đánh giá của UBND thành phố Sơn La ngày 10/06/2022')
    """

    locality: str = attrs.field(converter=nfc, validator=nonblank_text("locality"))
    criterion: int = attrs.field(converter=_criterion_number)
    status: ReviewStatus = attrs.field(converter=_status)
    date: datetime.date = attrs.field(converter=_date)
    reviewer: str | None = attrs.field(default=None, converter=_optional_nfc)
    note: str | None = attrs.field(default=None, converter=_optional_nfc)
    set_id: str | None = attrs.field(default=None, converter=_optional_nfc)
    file: str | None = attrs.field(default=None, eq=False, repr=False)
    line: int | None = attrs.field(default=None, eq=False, repr=False)

    def by(self, lang: str = "vi") -> str:
        """``theo đánh giá của BODY ngày DATE`` / ``decided by review of BODY on DATE``."""
        date = format_date(self.date, lang)
        if self.reviewer is None:
            return message("assessment.review.by_date", lang, date=date)
        return message("assessment.review.by", lang, reviewer=self.reviewer, date=date)

    def problem(self, text: str, key: str, expected: str | None = None) -> DataError:
        """A :class:`DataError` at this review's row (its line when read from a file)."""
        where = key if self.line is not None else f"review {self.locality}/{self.criterion}: {key}"
        return DataError(text, file=self.file, line=self.line, key_path=where, expected=expected)


class ReviewDisagreementWarning(UserWarning):
    """A review says otherwise than the observations, which decide the criterion.

    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     warnings.warn("criterion 5", ReviewDisagreementWarning)
    >>> caught[0].category.__name__
    'ReviewDisagreementWarning'
    """


@attrs.frozen(slots=True)
class ReviewDisagreement:
    """A review that disagrees with the outcome the observations decide (which stands).

    >>> review = CriterionReview("03664", 5, "đạt", "10/6/2022", reviewer="Phòng Kinh tế")
    >>> print(ReviewDisagreement(5, Status.NOT_MET, review).describe("en"))
    Criterion 5: the observations give not met; the review of Phòng Kinh tế on 2022-06-10 says met (the observations stand)
    """

    criterion: int
    computed: Status
    review: CriterionReview

    def describe(self, lang: str = "vi") -> str:
        """The disagreement in one sentence, in Vietnamese or English."""
        r = self.review
        return message(
            "assessment.review.disagreement",
            lang,
            number=self.criterion,
            computed=self.computed.label(lang),
            reviewed=r.status.label(lang),
            reviewer=r.reviewer or message("assessment.review.unnamed", lang),
            date=format_date(r.date, lang),
        )


def check_reviews(
    reviews: Iterable[CriterionReview], criterion_set: CriterionSet, on: datetime.date | str
) -> tuple[CriterionReview, ...]:
    """The reviews, checked against ``criterion_set`` and the assessment date ``on``.

    As with observations, of several reviews of one locality's criterion the
    latest dated on or before ``on`` counts, and later ones are left out (so
    one review file serves every quarter).  A review of a criterion number
    the set lacks, or two reviews of one criterion on one date, is a problem
    of its row; all problems are raised together as
    :class:`~ntm_criteria.errors.DataErrors` naming the file.  Reviews for
    another set (``set_id``) are left out.

    >>> from ntm_criteria import catalog
    >>> national = catalog.get("vn-ntm-commune-standard-2021-2025")
    >>> check_reviews([CriterionReview("03664", 20, "đạt", "10/6/2022")], national, "15/6/2022")
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.DataErrors: 1 problem:
      - review 03664/20: criterion: no criterion 20 in vn-ntm-commune-standard-2021-2025 (expected one of 1-19)
    """
    day = as_date(on)
    numbers = [c.number for c in criterion_set.criteria]
    known = set(numbers)
    mine = tuple(r for r in reviews if r.set_id in (None, criterion_set.id))
    problems: list[DataError] = []
    latest: dict[tuple[str, int], CriterionReview] = {}
    for r in mine:
        if r.criterion not in known:
            problems.append(
                r.problem(
                    f"no criterion {r.criterion} in {criterion_set.id}",
                    "criterion",
                    f"one of {_ranges(numbers)}",
                )
            )
        if r.date > day:  # as with observations: a later review does not count yet
            continue
        key = (r.locality, r.criterion)
        first = latest.get(key)
        if first is None or first.date < r.date:
            latest[key] = r
        elif first.date == r.date:
            row = f"line {first.line}" if first.line is not None else "another review"
            problems.append(
                r.problem(
                    f"a second review of criterion {r.criterion} of {r.locality} "
                    f"on {r.date.isoformat()} ({row})",
                    "criterion",
                    "one review per locality, criterion and date",
                )
            )
    if problems:
        raise DataErrors(problems, file=next((r.file for r in mine if r.file), None))
    return tuple(latest.values())


def _ranges(numbers: Sequence[int]) -> str:
    ordered = sorted(numbers)
    if len(ordered) > 2 and ordered == list(range(ordered[0], ordered[-1] + 1)):
        return f"{ordered[0]}-{ordered[-1]}"
    return ", ".join(map(str, ordered))


def apply_reviews(
    criteria: Sequence[CriterionOutcome],
    reviews: Iterable[CriterionReview],
    *,
    locality: str,
    criterion_set: CriterionSet,
    on: datetime.date,
) -> tuple[list[CriterionOutcome], tuple[ReviewDisagreement, ...]]:
    """The criterion outcomes of ``locality`` with its ``reviews`` applied.

    Reviews of other localities or sets are left out; the others are checked
    by :func:`check_reviews`.  A review decides a criterion the observations
    leave undecided; a decided criterion keeps its outcome, and a review that
    says otherwise is returned as a :class:`ReviewDisagreement` and warned of.
    Every outcome records the review it was given (``review``) and whether
    that review decided it (``by_review``).
    """
    code = nfc(locality)
    given = [r for r in reviews if r.locality == code]
    if not given:  # the usual case, kept cheap: assess runs it for every locality
        return list(criteria), ()
    mine = check_reviews(given, criterion_set, on)
    by_number = {r.criterion: r for r in mine}
    outcomes: list[CriterionOutcome] = []
    disagreements: list[ReviewDisagreement] = []
    for outcome in criteria:
        review = by_number.get(outcome.number)
        if review is None:
            outcomes.append(outcome)
            continue
        reviewed, disagreement = _with_review(outcome, review)
        outcomes.append(reviewed)
        if disagreement is not None:
            disagreements.append(disagreement)
            warn_caller(
                f"{review.locality}: {disagreement.describe('en')}", ReviewDisagreementWarning
            )
    return outcomes, tuple(disagreements)


def _with_review(
    outcome: CriterionOutcome, review: CriterionReview
) -> tuple[CriterionOutcome, ReviewDisagreement | None]:
    decided = review.status.status
    if outcome.status is Status.UNKNOWN and decided is not None:
        return attrs.evolve(
            outcome, status=decided, reason=None, review=review, by_review=True
        ), None
    # The observations decide (or the review does not): the computed outcome stands.
    kept = attrs.evolve(outcome, review=review)
    if decided is None or outcome.status not in (Status.MET, Status.NOT_MET):
        return kept, None
    if decided is outcome.status:
        return kept, None
    return kept, ReviewDisagreement(outcome.number, outcome.status, review)
