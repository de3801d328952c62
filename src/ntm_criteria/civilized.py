"""Civilized urban wards and townships (đô thị văn minh): the recognition rules.

Decision 04/2022/QĐ-TTg names nine criteria that a ward or township must all
meet; they are the built-in criterion set ``vn-civilized-urban-ward-2022``
(assess a ward with :func:`~ntm_criteria.assessment.assess`).  Its
recognition rules — two years of registration before the first recognition,
five before a re-recognition, at least 90% of residents satisfied — are data
(:func:`civilized_rules`, read from ``catalog/data/civilized/recognition.toml``),
and :func:`check_recognition` combines them with an assessment.  A ward's
registered target year is a plan item (:func:`registration`); a town's list
of wards and their target years is read from CSV by :func:`read_registrations`
(:data:`REGISTRATION_COLUMNS`) and grouped by :func:`registrations_by_year`.

>>> from ntm_criteria import Locality, assess
>>> ward = Locality("26734", "Phường Minh Họa", "ward")
>>> result = assess(ward, civilized_rules().criterion_set(), [], on="31/3/2025")
>>> check = check_recognition(result, registered_on="1/3/2023", satisfaction=92.5)
>>> [(c.key, c.status.value) for c in check.conditions]
[('criteria', 'unknown'), ('registration', 'met'), ('satisfaction', 'met')]
>>> check.condition("registration").summary("en")
'registration period: met — registered 2023-03-01; 2 years complete on 2025-03-01'
"""

from __future__ import annotations

import datetime
import functools
from collections.abc import Callable, Iterable, Mapping, Sequence
from fractions import Fraction
from importlib import resources
from pathlib import Path
from typing import Any

import attrs
from dateutil.relativedelta import relativedelta

from ntm_criteria import catalog
from ntm_criteria._document import CsvColumns, DataReader, parse_toml
from ntm_criteria._published import FigureTable
from ntm_criteria._spreadsheet import read_table_text
from ntm_criteria._validators import as_tuple, check_magnitude, check_number_text
from ntm_criteria.analysis import PlanItem
from ntm_criteria.assessment import AssessmentResult, ObservedValue
from ntm_criteria.criteria import CriterionSet
from ntm_criteria.errors import (
    DataError,
    NtmError,
    ObservationError,
    ScopeError,
    UnknownCodeError,
)
from ntm_criteria.geography import Locality, LocalityKind
from ntm_criteria.periods import as_date, format_date
from ntm_criteria.rules import (
    AtLeast,
    Fixed,
    Provenance,
    Status,
    UnknownReason,
    combine_all,
    evaluate,
)
from ntm_criteria.text import (
    Lang,
    check_lang,
    format_number,
    format_quantity,
    message,
    message_keys,
    pick,
)
from ntm_criteria.units import to_exact

__all__ = [
    "REGISTRATION_COLUMNS",
    "CivilizedRules",
    "Condition",
    "RecognitionCheck",
    "check_recognition",
    "civilized_rules",
    "loads_civilized_rules",
    "read_registrations",
    "reads_registrations",
    "registration",
    "registrations_by_year",
]

FORMAT_VERSION = 1
_FILE = "catalog/data/civilized/recognition.toml"


@attrs.frozen(slots=True)
class CivilizedRules:
    """The recognition rules of Decision 04/2022/QĐ-TTg for wards and townships.

    ``first_recognition_years`` and ``re_recognition_years`` are the
    registration periods before a first recognition and a re-recognition;
    ``min_satisfaction`` the share of residents (percent) who must be
    satisfied and agree.  ``set_id`` names the built-in criterion set.

    >>> rules = civilized_rules()
    >>> rules.first_recognition_years.amount, rules.re_recognition_years.amount
    (Fraction(2, 1), Fraction(5, 1))
    >>> rules.min_satisfaction.provenance.certainty
    'high'
    """

    id: str
    title_vi: str
    title_en: str
    legal_basis: str
    set_id: str
    scope: tuple[LocalityKind, ...] = attrs.field(converter=as_tuple)
    valid_from: datetime.date
    first_recognition_years: Fixed
    re_recognition_years: Fixed
    min_satisfaction: Fixed
    provenance: Provenance = attrs.field(factory=Provenance)
    note: str | None = None

    def earliest_recognition(
        self, registered_on: datetime.date | str, *, first: bool = True
    ) -> datetime.date:
        """The first day a ward registered on ``registered_on`` may be recognised.

        The registration period (two years before a first recognition, five
        before a re-recognition) is complete on its anniversary, which is
        the date returned; ``dateutil.relativedelta`` moves 29 February to
        28 February.

        >>> civilized_rules().earliest_recognition("15/3/2022")
        datetime.date(2024, 3, 15)
        >>> civilized_rules().earliest_recognition("15/3/2022", first=False)
        datetime.date(2027, 3, 15)
        """
        years = self.first_recognition_years if first else self.re_recognition_years
        day = as_date(registered_on)
        try:
            return day + relativedelta(years=int(years.amount))
        except (ValueError, OverflowError):  # past 31/12/9999
            raise DataError(
                f"registered on {day.isoformat()}: {int(years.amount)} years later is past 9999",
                key_path="registered_on",
                expected="a registration date before 9999",
            ) from None

    def criterion_set(self) -> CriterionSet:
        """The built-in criterion set of the nine criteria.

        >>> civilized_rules().criterion_set().total
        9
        """
        return catalog.get(self.set_id)


_CIVILIZED_KEYS = (
    "format",
    "id",
    "title_vi",
    "title_en",
    "legal_basis",
    "set_id",
    "scope",
    "valid_from",
    "first_recognition_years",
    "re_recognition_years",
    "min_satisfaction",
    "note",
    "source",
    "confidence",
    "certainty",
)
_NUMBERS = ("first_recognition_years", "re_recognition_years", "min_satisfaction")
_MOST = 100


def loads_civilized_rules(text: str, *, file: str | None = None) -> CivilizedRules:
    """Read the civilized-ward recognition rules from TOML text (all problems at once).

    >>> loads_civilized_rules('id = "x"\\nfirst_recognition_years = "two"', file="c.toml")
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.DataErrors: c.toml: 9 problems:
    ...
      - first_recognition_years: 'two' is not a number (expected a number such as 80 or 45.5)
    ...
    """
    data = parse_toml(text, file)
    reader = DataReader()
    reader.version(data, FORMAT_VERSION)
    reader.keys(data, _CIVILIZED_KEYS, "")
    texts = {
        k: reader.text(data, k, "") for k in ("id", "title_vi", "title_en", "legal_basis", "set_id")
    }
    kinds: list[LocalityKind] = []
    for name in reader.strings(data, "scope", ""):
        try:
            kinds.append(LocalityKind.parse(name))
        except NtmError as err:
            reader.problems.add("scope", str(err))
    start = reader.date(data, "valid_from", "")
    base = reader.provenance(data, "", Provenance())
    numbers = {key: n for key in _NUMBERS if (n := _positive(reader, data, key, base))}
    note = reader.text(data, "note", "", required=False)
    reader.problems.raise_if_any(file)
    assert start is not None
    return CivilizedRules(
        str(texts["id"]),
        str(texts["title_vi"]),
        str(texts["title_en"]),
        str(texts["legal_basis"]),
        str(texts["set_id"]),
        kinds,
        start,
        numbers["first_recognition_years"],
        numbers["re_recognition_years"],
        numbers["min_satisfaction"],
        base,
        note,
    )


def _positive(
    reader: DataReader, data: Mapping[str, Any], key: str, base: Provenance
) -> Fixed | None:
    """A fixed positive number (a whole one for the years), with its provenance.

    Years and the percentage are at most 100: a larger figure is a typing
    mistake, and would take a date past 9999.
    """
    raw = data.get(key)
    try:
        if isinstance(raw, str):
            check_number_text(raw)
        elif isinstance(raw, int) and not isinstance(raw, bool):
            check_magnitude(Fraction(raw))
    except DataError as err:
        reader.problems.add_error(key, err)
        return None
    spec = reader.value(data, key, "")
    if spec is None:
        return None
    if not isinstance(spec, Fixed):
        reader.problems.add(key, "not a number", expected="a fixed number")
        return None
    if spec.amount <= 0 or (key != "min_satisfaction" and spec.amount.denominator != 1):
        reader.problems.add(
            key, f"{format_number(spec.amount, 'en')} is not a positive whole number"
        )
    elif spec.amount > _MOST:
        reader.problems.add(
            key,
            f"{format_number(spec.amount, 'en')} is more than {_MOST}",
            expected=f"at most {_MOST}",
        )
    return Fixed(spec.amount, spec.provenance or base)


@functools.cache
def civilized_rules() -> CivilizedRules:
    """The shipped recognition rules of Decision 04/2022/QĐ-TTg (``catalog/data/civilized/``).

    >>> civilized_rules().set_id
    'vn-civilized-urban-ward-2022'
    """
    folder = resources.files(catalog).joinpath("data", "civilized")
    text = folder.joinpath("recognition.toml").read_text(encoding="utf-8")
    return loads_civilized_rules(text, file=_FILE)


@attrs.frozen(slots=True)
class Condition:
    """One condition of a recognition: its status and a line that explains it.

    >>> c = Condition("satisfaction", Status.MET, None, "92% ≥ 90%", "92% ≥ 90%", Provenance())
    >>> c.summary("en")
    "residents' satisfaction: met — 92% ≥ 90%"
    """

    key: str
    status: Status
    reason: UnknownReason | None
    detail_vi: str
    detail_en: str
    provenance: Provenance

    def label(self, lang: str = "vi") -> str:
        """The condition's name in ``lang`` (its key when it has none).

        >>> Condition("registration", Status.MET, None, "", "", Provenance()).label("vi")
        'thời gian đăng ký'
        """
        check_lang(lang)
        key = f"civilized.condition.{self.key}"
        return message(key, lang) if key in message_keys() else self.key

    def summary(self, lang: str = "vi") -> str:
        """``mức độ hài lòng của người dân: đạt — 92% ≥ 90%``.

        >>> Condition("satisfaction", Status.MET, None, "92% ≥ 90%", "", Provenance()).summary()
        'mức độ hài lòng của người dân: đạt — 92% ≥ 90%'
        """
        detail = pick(self.detail_vi, self.detail_en, lang)
        return f"{self.label(lang)}: {self.status.label(lang)}" + (f" — {detail}" if detail else "")


@attrs.frozen(slots=True)
class RecognitionCheck:
    """Whether a ward or township may be recognised (or re-recognised) as civilized.

    ``status`` combines the :attr:`conditions` — all criteria met, the
    registration period elapsed, enough residents satisfied — in the core's
    three-valued "all of".

    >>> from ntm_criteria import assess
    >>> ward = Locality("1", "Phường A", "ward")
    >>> result = assess(ward, civilized_rules().criterion_set(), [], on="1/6/2024")
    >>> check = check_recognition(result, registered_on="1/3/2023", satisfaction=95)
    >>> check.status.label("en"), check.condition("registration").status.label("en")
    ('not met', 'not met')
    """

    locality: Locality
    on: datetime.date
    first: bool
    status: Status
    reason: UnknownReason | None
    conditions: tuple[Condition, ...] = attrs.field(converter=as_tuple)
    legal_basis: str = ""

    def condition(self, key: str) -> Condition:
        """The condition ``criteria``, ``registration`` or ``satisfaction``.

        >>> from ntm_criteria import assess
        >>> result = assess(Locality("1", "Phường A", "ward"), civilized_rules().criterion_set(),
        ...                 [], on="1/6/2024")
        >>> check_recognition(result, registered_on="1/3/2022").condition("satisfaction").reason
        <UnknownReason.NO_DATA: 'no_data'>
        """
        for condition in self.conditions:
            if condition.key == key:
                return condition
        raise UnknownCodeError("condition", key, known=[c.key for c in self.conditions])

    def explain(self, lang: str = "vi") -> str:
        """The check as a short minute, one line per condition.

        >>> from ntm_criteria import assess
        >>> result = assess(Locality("1", "Phường A", "ward"), civilized_rules().criterion_set(),
        ...                 [], on="1/6/2024")
        >>> print(check_recognition(result, registered_on="1/3/2022", satisfaction=88).explain())
        Phường A — công nhận lần đầu đạt chuẩn đô thị văn minh (01/06/2024): chưa đạt
        - đạt đủ các tiêu chí: chưa xác định — đạt 0/9 tiêu chí, 9 chưa xác định (vn-civilized-urban-ward-2022)
        - thời gian đăng ký: đạt — đăng ký 01/03/2022, đủ 2 năm từ 01/03/2024
        - mức độ hài lòng của người dân: chưa đạt — 88% < 90%
        Căn cứ: Quyết định 04/2022/QĐ-TTg (18/02/2022)
        """
        name = self.locality.label(lang)
        name = name[:1].upper() + name[1:]
        key = "civilized.recognition." + ("first" if self.first else "again")
        head = message(key, lang, name=name, date=format_date(self.on, lang))
        lines = [f"{head}: {self.status.label(lang)}"]
        lines += [f"- {c.summary(lang)}" for c in self.conditions]
        if self.legal_basis:
            lines.append(message("civilized.recognition.basis", lang, basis=self.legal_basis))
        return "\n".join(lines)


def check_recognition(
    assessment: AssessmentResult,
    *,
    registered_on: datetime.date | str,
    satisfaction: ObservedValue | None = None,
    first: bool = True,
    rules: CivilizedRules | None = None,
) -> RecognitionCheck:
    """May the assessed ward be recognised on the assessment's date?

    Three conditions of Decision 04/2022/QĐ-TTg, each with its status: the
    assessment meets every criterion; the registration period has elapsed
    since ``registered_on`` (two years for a first recognition, five for a
    re-recognition); and ``satisfaction`` (a percentage of residents, as a
    quantity or a bare number in percent) reaches 90%.  A missing
    satisfaction figure is *unknown*, never failed.  Raises
    :class:`~ntm_criteria.errors.ScopeError` for a locality that is not a
    ward or township.

    >>> from ntm_criteria import Locality, assess
    >>> ward = Locality("00001", "Phường Minh Họa", "ward")
    >>> result = assess(ward, civilized_rules().criterion_set(), [], on="30/6/2024")
    >>> check = check_recognition(result, registered_on="1/3/2022", satisfaction=92.5)
    >>> [(c.key, c.status.value) for c in check.conditions]
    [('criteria', 'unknown'), ('registration', 'met'), ('satisfaction', 'met')]
    >>> check.status.label("en")
    'unknown'
    """
    rules = rules or civilized_rules()
    locality = assessment.locality
    if locality.kind not in rules.scope:
        kinds = ", ".join(k.value for k in rules.scope)
        raise ScopeError(
            f"{rules.id} recognises {kinds}; {locality.code} ({locality.name_vi}) is a "
            f"{locality.kind.value}"
        )
    on = assessment.on
    conditions = (
        _criteria_condition(assessment, rules),
        _registration_condition(as_date(registered_on), on, first, rules),
        _satisfaction_condition(satisfaction, rules),
    )
    status = combine_all(c.status for c in conditions)
    return RecognitionCheck(
        locality,
        on,
        first,
        status,
        _reason(status, [c.reason for c in conditions]),
        conditions,
        rules.legal_basis,
    )


def _reason(status: Status, reasons: Sequence[UnknownReason | None]) -> UnknownReason | None:
    if status is not Status.UNKNOWN:
        return None
    found = {r for r in reasons if r is not None}
    return found.pop() if len(found) == 1 else UnknownReason.DEPENDS


def _in_both(text: Callable[[Lang], str]) -> tuple[str, str]:
    """A condition's detail in Vietnamese and in English."""
    return text("vi"), text("en")


def _criteria_condition(assessment: AssessmentResult, rules: CivilizedRules) -> Condition:
    counts = f"{assessment.met_count}/{assessment.total}"
    unknown = assessment.unknown_count

    def detail(lang: Lang) -> str:
        if unknown:
            text = message("civilized.criteria.met_undecided", lang, counts=counts, unknown=unknown)
        else:
            text = message("civilized.criteria.met", lang, counts=counts)
        if assessment.untrusted():
            text += " " + message("civilized.criteria.untrusted", lang)
        return f"{text} ({assessment.set_id})"

    detail_vi, detail_en = _in_both(detail)
    return Condition(
        "criteria", assessment.status, assessment.reason, detail_vi, detail_en, rules.provenance
    )


def _registration_condition(
    registered_on: datetime.date, on: datetime.date, first: bool, rules: CivilizedRules
) -> Condition:
    years = rules.first_recognition_years if first else rules.re_recognition_years
    ready = rules.earliest_recognition(registered_on, first=first)
    status = Status.MET if on >= ready else Status.NOT_MET
    key = "civilized.registration." + ("complete" if status is Status.MET else "incomplete")
    detail_vi, detail_en = _in_both(
        lambda lang: message(
            key,
            lang,
            registered=format_date(registered_on, lang),
            years=int(years.amount),
            ready=format_date(ready, lang),
        )
    )
    return Condition(
        "registration", status, None, detail_vi, detail_en, years.provenance or rules.provenance
    )


def _satisfaction_condition(value: ObservedValue | None, rules: CivilizedRules) -> Condition:
    line = rules.min_satisfaction
    provenance = line.provenance or rules.provenance
    if value is None:
        detail_vi, detail_en = _in_both(
            lambda lang: message(
                "civilized.satisfaction.needs_data",
                lang,
                threshold=format_quantity(line.amount, "percent", lang),
            )
        )
        return Condition(
            "satisfaction", Status.UNKNOWN, UnknownReason.NO_DATA, detail_vi, detail_en, provenance
        )
    if isinstance(value, bool | str):
        raise ObservationError("satisfaction", f"got {value!r}", expected="a share in percent")
    actual = to_exact(value, "percent", indicator="satisfaction")
    verdict = evaluate(AtLeast(line), actual)
    sign = "≥" if verdict.status is Status.MET else "<"
    detail_vi, detail_en = _in_both(
        lambda lang: (
            f"{format_quantity(actual, 'percent', lang)} {sign} "
            f"{format_quantity(line.amount, 'percent', lang)}"
        )
    )
    return Condition(
        "satisfaction", verdict.status, verdict.reason, detail_vi, detail_en, provenance
    )


def registration(
    locality_code: str, year: int, *, registered_on: datetime.date | str | None = None
) -> PlanItem:
    """A ward's registration to be recognised as a civilized urban area in ``year``.

    The target year is a :class:`~ntm_criteria.progress.PlanItem` on the
    programme of the built-in ward set, due on 31 December of ``year``, with
    no agency; a :class:`~ntm_criteria.progress.Roadmap` of such items lists
    what is due in a year and what is overdue.

    >>> item = registration("26734", 2025, registered_on="1/3/2023")
    >>> item.due, item.programme, item.label("vi")
    (datetime.date(2025, 12, 31), 'vn-civilized-urban-ward-2022', 'Đạt chuẩn đô thị văn minh năm 2025')
    >>> item.is_due_in(2025), item.is_overdue("31/12/2025"), item.is_overdue("1/1/2026")
    (True, False, True)
    """
    return PlanItem.registration(
        locality_code,
        year,
        programme=civilized_rules().set_id,
        registered_on=registered_on,
        title_vi=message("civilized.roadmap.registration", "vi", year=year),
        title_en=message("civilized.roadmap.registration", "en", year=year),
    )


#: The columns of a table of ward registrations (``registered_on`` may be empty).
REGISTRATION_COLUMNS = ("ward", "year", "registered_on")
_REGISTRATION_TABLE = CsvColumns(REGISTRATION_COLUMNS, ("ward", "year"))
# A target year is written with four digits; the programme dates from 2022.
_FIRST_YEAR, _LAST_YEAR = 2022, 9999


def reads_registrations(text: str, *, file: str | None = None) -> tuple[PlanItem, ...]:
    """Wards' registered target years from CSV text, one ward per row (see :func:`registration`).

    ``year`` is the year the ward registered to be recognised in; it may not
    come before ``registered_on``.  Every problem is reported at once,
    naming the file, line and column.

    >>> items = reads_registrations("ward,year,registered_on\\nW1,2024,\\nW2,2025,1/3/2023\\n")
    >>> [(i.locality, i.due.year) for i in items]
    [('W1', 2024), ('W2', 2025)]
    >>> reads_registrations("ward,year,registered_on\\nW1,2024,\\nW1,2025,\\nW3,hai,\\n", file="p.csv")
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.DataErrors: p.csv: 2 problems:
      - line 3: ward: W1 registered again (first at line 2)
      - line 4: year: cannot read 'hai' as a number (expected a year such as 2025)
    """
    table = FigureTable(text, file, _REGISTRATION_TABLE)
    items: list[PlanItem] = []
    seen: dict[str, int | None] = {}
    for row in table:
        before = len(table.problems)
        ward = table.text(row, "ward")
        year = _year(table, row)
        registered_on = table.date(row, "registered_on", required=False)
        if len(table.problems) != before or ward is None or year is None:
            continue
        if registered_on is not None and registered_on.year > year:
            table.problem(
                row, "year", f"{year} is before the registration ({registered_on.isoformat()})"
            )
            continue
        if ward in seen:
            table.problem(row, "ward", f"{ward} registered again (first at line {seen[ward]})")
            continue
        seen[ward] = row.line
        items.append(registration(ward, year, registered_on=registered_on))
    table.raise_if_any()
    return tuple(items)


def _year(table: FigureTable, row: Any) -> int | None:
    expected = "a year such as 2025"
    number = table.number(row, "year", required=True, expected=expected)
    if number is None:
        return None
    if number.denominator != 1 or not _FIRST_YEAR <= number <= _LAST_YEAR:
        table.problem(row, "year", f"{table.raw(row, 'year')} is not a year from 2022", expected)
        return None
    return int(number)


def read_registrations(path: str | Path) -> tuple[PlanItem, ...]:
    """Wards' registered target years from a UTF-8 CSV file or a workbook sheet (``book.xlsx#Sheet``); see :func:`reads_registrations`.

    >>> read_registrations("no/such.csv")
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.DataError: no/such.csv: cannot read the file: No such file or directory
    """
    name, text = read_table_text(path)  # a CSV file, or a workbook's sheet
    return reads_registrations(text, file=name)


def registrations_by_year(items: Iterable[PlanItem]) -> dict[int, tuple[str, ...]]:
    """The wards registered for each target year, years in order, wards as listed.

    >>> registrations_by_year([registration("W2", 2025), registration("W1", 2024),
    ...                        registration("W3", 2024)])
    {2024: ('W1', 'W3'), 2025: ('W2',)}
    """
    years: dict[int, list[str]] = {}
    for item in items:
        years.setdefault(item.due.year, []).append(item.locality)
    return {year: tuple(years[year]) for year in sorted(years)}
