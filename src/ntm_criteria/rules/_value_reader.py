"""Reading threshold values from plain data: numbers, provenance and value tables.

The plain form is the one written in TOML criteria files (see the format
reference in the docs): ``45``, ``"unspecified"``,
``{by_region = {TDMNPB = 39}, default = 45}``.  Every problem is recorded with
its key path in a :class:`~ntm_criteria.rules.Problems` list.
"""

from __future__ import annotations

import datetime
import math
import re
from collections.abc import Mapping, Sequence
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import Any

import attrs

from ntm_criteria._validators import MAX_NESTING, check_number_text, index_path, nfc
from ntm_criteria.errors import DataError, NtmError
from ntm_criteria.periods import Period, as_date
from ntm_criteria.rules._problems import Problems, quoted_key, short_repr, unknown_key
from ntm_criteria.rules._values import (
    ByDate,
    ByGroup,
    ByRegion,
    ByTag,
    Confidence,
    Fixed,
    Provenance,
    Scaled,
    Unspecified,
    ValueSpec,
    in_range,
)

__all__ = [
    "NOTE_FORMS",
    "PROVENANCE_KEYS",
    "number_from_data",
    "provenance_from_data",
    "too_deep",
    "value_from_data",
]

PROVENANCE_KEYS = ("source", "confidence", "certainty")
#: The keys beside ``unspecified`` that give its note in one language.
NOTE_FORMS = ("unspecified_vi", "unspecified_en")
_BRANCHES = ("by_region", "by_group", "by_tag", "by_year", "by_date")


def number_from_data(value: object, path: str, problems: Problems) -> Fraction | None:
    """Read an exact number: an int, a float (read as the decimal it prints as) or "p/q".

    >>> number_from_data(72.56, "x", Problems())
    Fraction(1814, 25)
    >>> number_from_data("1/3", "x", Problems())
    Fraction(1, 3)
    """
    if isinstance(value, bool):
        problems.add(path, f"{value!r} is not a number", expected="a number")
        return None
    try:
        number = _number(value)
    except DataError as err:  # over a documented limit: refused before any arithmetic
        problems.add_error(path, err)
        return None
    if number is None:
        problems.add(
            path, f"{short_repr(value)} is not a number", expected="a number such as 80 or 45.5"
        )
    return number


def _number(value: object) -> Fraction | None:
    """``value`` as an exact number within the limits; ``None`` when it is not a number."""
    if isinstance(value, int | Fraction):
        return in_range(Fraction(value))
    if isinstance(value, float | Decimal):
        finite = value.is_finite() if isinstance(value, Decimal) else math.isfinite(value)
        if not finite:
            raise DataError(f"{value!r} is not a finite number", expected="a number")
        text = repr(value) if isinstance(value, float) else str(value)
        check_number_text(text)
        return in_range(Fraction(Decimal(text)))
    if isinstance(value, str):
        text = value.strip()
        if any(c.isdigit() for c in text):  # other text is simply not a number
            check_number_text(text)
        try:
            return in_range(Fraction(text))
        except (ValueError, ZeroDivisionError, InvalidOperation):
            pass
    return None


def too_deep(depth: int, path: str, problems: Problems) -> bool:
    """Record a problem and say so when ``depth`` is over the nesting limit.

    >>> problems = Problems()
    >>> too_deep(65, "rule.all_of[0]", problems), problems.items[0].message
    (True, 'nested more than 64 levels deep')
    """
    if depth <= MAX_NESTING:
        return False
    problems.add(
        path,
        f"nested more than {MAX_NESTING} levels deep",
        expected=f"at most {MAX_NESTING} levels of requirements and value tables",
    )
    return True


def provenance_from_data(
    data: Mapping[str, Any], path: str, problems: Problems, base: Provenance | None = None
) -> Provenance | None:
    """Read the provenance keys of a table; ``None`` when it has none.

    Keys not given are taken from ``base`` (the enclosing table's
    provenance); an empty ``source`` or ``certainty`` (``""``) says "none"
    explicitly, so that a value can drop what it would otherwise inherit.

    >>> provenance_from_data({"source": "318/QĐ-TTg", "confidence": "official"}, "", Problems())
    Provenance(source='318/QĐ-TTg', confidence=<Confidence.OFFICIAL: 'official'>, certainty=None)
    >>> provenance_from_data({"certainty": "low"}, "", Problems(), Provenance("QĐ 1", "provincial"))
    Provenance(source='QĐ 1', confidence=<Confidence.PROVINCIAL: 'provincial'>, certainty='low')
    """
    if not any(key in data for key in PROVENANCE_KEYS):
        return None
    base = base or Provenance()
    fields: dict[str, Any] = {
        "source": base.source,
        "confidence": base.confidence,
        "certainty": base.certainty,
    }
    for key in ("source", "certainty"):
        if key in data:
            if isinstance(data[key], str):
                fields[key] = data[key] or None
            else:
                problems.add(
                    quoted_key(path, key),
                    f"{short_repr(data[key])} is not text",
                    expected="a string",
                )
    if "confidence" in data:
        known = [c.value for c in Confidence]
        written = data["confidence"]
        if isinstance(written, str) and nfc(written) in known:
            fields["confidence"] = Confidence(nfc(written))
        else:
            problems.add(
                quoted_key(path, "confidence"),
                f"unknown confidence {short_repr(data['confidence'])}",
                expected=", ".join(known),
            )
    if fields["certainty"] not in (None, "high", "medium", "low"):
        problems.add(
            quoted_key(path, "certainty"),
            f"unknown certainty {fields['certainty']!r}",
            expected="high, medium or low",
        )
        fields["certainty"] = None
    return Provenance(**fields)


def value_from_data(
    data: object,
    path: str,
    problems: Problems,
    *,
    inherit: Provenance | None = None,
    given: Provenance | None = None,
    depth: int = 0,
) -> ValueSpec | None:
    """Read a threshold value: a number, ``"unspecified"`` or a ``by_*`` table.

    Provenance keys on a value fill in what they omit from ``inherit`` (the
    indicator's provenance).  Provenance keys on a ``by_*`` table apply to
    every value inside it that gives none of its own.  ``depth`` is how deep
    the value sits in its document: a table nested more than
    :data:`~ntm_criteria._validators.MAX_NESTING` levels is a problem at its
    key path, and is not read further.

    >>> value_from_data({"by_region": {"TDMNPB": 39}, "default": 45}, "", Problems())
    ByRegion(cases={'TDMNPB': Fixed(amount=Fraction(39, 1), provenance=None)}, default=Fixed(amount=Fraction(45, 1), provenance=None))
    """
    if data == "unspecified":
        return Unspecified(provenance=given)
    if too_deep(depth, path, problems):
        return None
    if not isinstance(data, Mapping):
        amount = number_from_data(data, path, problems)
        return None if amount is None else Fixed(amount, given)
    branches = [key for key in _BRANCHES if key in data]
    leaves = [key for key in ("value", "unspecified", "relative_to") if key in data]
    allowed = {*branches, *leaves, "default", *PROVENANCE_KEYS}
    if leaves == ["unspecified"]:
        allowed |= {"missing", *NOTE_FORMS}
    if leaves == ["relative_to"]:
        allowed.add("factor")
    for key in data:
        if key not in allowed:
            unknown_key(
                problems,
                path,
                str(key),
                [*_BRANCHES, "value", "unspecified", "default", *PROVENANCE_KEYS],
                "value key",
            )
    if len(branches) + len(leaves) != 1:
        problems.add(
            path,
            "a value table needs exactly one of value, unspecified, " + ", ".join(_BRANCHES),
            expected="one value",
        )
        return None
    provenance = provenance_from_data(data, path, problems, given or inherit) or given
    if leaves == ["relative_to"]:
        return _scaled_from_data(data, path, problems, provenance)
    if leaves == ["value"]:
        amount = number_from_data(data["value"], quoted_key(path, "value"), problems)
        return None if amount is None else Fixed(amount, provenance)
    if leaves == ["unspecified"]:
        note = data["unspecified"]
        if note is not True and not isinstance(note, str):
            problems.add(
                quoted_key(path, "unspecified"), "expected a note or true", expected="a string"
            )
            note = None
        missing = data.get("missing")
        if missing is not None and not (
            isinstance(missing, Sequence)
            and not isinstance(missing, str)
            and len(missing) == 2
            and all(isinstance(part, str) for part in missing)
        ):
            problems.add(
                quoted_key(path, "missing"),
                f"{short_repr(missing)} is not a pair of names",
                expected='["region", "DBSH"]',
            )
            missing = None
        return Unspecified(
            None if note is True else note,
            provenance,
            missing,
            note_vi=_note_form(data, path, problems, note, "vi"),
            note_en=_note_form(data, path, problems, note, "en"),
        )
    scope = {"inherit": inherit, "given": provenance}
    default = None
    if "default" in data:
        default = value_from_data(
            data["default"], quoted_key(path, "default"), problems, **scope, depth=depth + 1
        )
    table = _Branch(branches[0], quoted_key(path, branches[0]), problems, default, scope, depth + 1)
    return _branch_from_data(table, data[branches[0]])


def _scaled_from_data(
    data: Mapping[str, Any], path: str, problems: Problems, provenance: Provenance | None
) -> ValueSpec | None:
    ref = data["relative_to"]
    if not isinstance(ref, str) or ref.count(":") != 1 or not all(ref.split(":")):
        problems.add(
            quoted_key(path, "relative_to"),
            f"{short_repr(ref)} is not a reference",
            expected='"<set id>:<indicator code>"',
        )
        return None
    factor = number_from_data(data.get("factor", 1), quoted_key(path, "factor"), problems)
    if factor is None:
        return None
    if factor <= 0:
        problems.add(
            quoted_key(path, "factor"),
            f"factor {factor} is not positive",
            expected="a positive number such as 1.1",
        )
        return None
    return Scaled(ref, factor, provenance=provenance)


@attrs.frozen(slots=True)
class _Branch:
    """One ``by_*`` table being read: its kind, where it is, and what its values inherit."""

    kind: str
    path: str
    problems: Problems
    default: ValueSpec | None
    scope: dict[str, Provenance | None]
    depth: int

    def value(self, data: object, path: str) -> ValueSpec | None:
        return value_from_data(data, path, self.problems, **self.scope, depth=self.depth)


def _branch_from_data(b: _Branch, table: object) -> ValueSpec | None:
    kind, path, problems, default = b.kind, b.path, b.problems, b.default
    if kind == "by_date":
        return _by_date_from_data(b, table)
    if not isinstance(table, Mapping) or (not table and default is None):
        problems.add(path, f"{short_repr(table)} is not a table of values", expected="a table")
        return None
    cases: list[tuple[Any, ValueSpec]] = []
    for key, sub in table.items():
        spec = b.value(sub, quoted_key(path, str(key)))
        parsed = _case_key(kind, str(key), quoted_key(path, str(key)), problems)
        if spec is not None and parsed is not None:
            cases.append((parsed, spec))
    try:
        if kind == "by_region":
            return ByRegion(dict(cases), default)
        if kind == "by_group":
            return ByGroup(dict(cases), default)
        if kind == "by_tag":
            return ByTag(cases, default)
        return ByDate(cases, default)
    except DataError as err:
        problems.add_error(path, err)
        return None


def _case_key(kind: str, key: str, path: str, problems: Problems) -> object:
    if kind in ("by_region", "by_tag"):
        return nfc(key)  # matched against the locality's region and tags
    if kind == "by_group":
        if key in ("1", "2", "3"):
            return int(key)
        problems.add(path, f"unknown commune group {key!r}", expected="1, 2 or 3")
        return None
    if re.fullmatch(r"[0-9]{4}", key) and key != "0000":
        return Period.year(int(key))
    problems.add(path, f"{key!r} is not a year", expected="a four-digit year such as 2022")
    return None


def _by_date_from_data(b: _Branch, table: object) -> ValueSpec | None:
    path, problems, default = b.path, b.problems, b.default
    if not isinstance(table, Sequence) or isinstance(table, str) or (not table and default is None):
        problems.add(path, "by_date needs a list of {from, until, value} tables", expected="a list")
        return None
    cases: list[tuple[Period, ValueSpec]] = []
    for index, item in enumerate(table):
        item_path = index_path(path, index)
        if not isinstance(item, Mapping):
            problems.add(
                item_path, f"{short_repr(item)} is not a table", expected="{from, until, value}"
            )
            continue
        for key in item:
            if key not in ("from", "until", "value"):
                unknown_key(problems, item_path, str(key), ["from", "until", "value"], "key")
        start = _date_from_data(item.get("from"), quoted_key(item_path, "from"), problems)
        end = _date_from_data(item.get("until"), quoted_key(item_path, "until"), problems)
        spec = b.value(item.get("value"), quoted_key(item_path, "value"))
        if start is None or end is None or spec is None:
            continue
        try:
            cases.append((Period(start, end), spec))
        except DataError as err:
            problems.add_error(item_path, err)
    try:
        return ByDate(cases, default)
    except DataError as err:
        problems.add_error(path, err)
        return None


def _date_from_data(value: object, path: str, problems: Problems) -> datetime.date | None:
    if isinstance(value, datetime.date | str) and not isinstance(value, datetime.datetime):
        try:
            return as_date(value)
        except NtmError as err:
            problems.add(path, str(err))
            return None
    problems.add(path, f"{short_repr(value)} is not a date", expected="a date such as 2022-03-08")
    return None


def _note_form(
    data: Mapping[str, object], path: str, problems: Problems, note: object, lang: str
) -> str | None:
    """``unspecified_<lang>``: the note in one language, beside a written note."""
    key = f"unspecified_{lang}"
    form = data.get(key)
    if form is None:
        return None
    if isinstance(form, str) and isinstance(note, str):
        return form
    problems.add(
        quoted_key(path, key),
        f"expected the {lang} form of a written note",
        expected="a string, beside unspecified = a string",
    )
    return None
