"""Requirements and values to plain data and back.

The plain form is the one written in TOML criteria files (see the format
reference in the docs): ``{at_least = 80}``, ``"achieved"``,
``{at_least = {by_region = {TDMNPB = 39}, default = 45}}``.  Reading collects
every problem with its key path in a :class:`Problems` list instead of
stopping at the first.
"""

from __future__ import annotations

import datetime
import difflib
import math
import re
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import Any

from ntm_criteria.errors import DataError, DataErrors, NtmError
from ntm_criteria.periods import Period, as_date
from ntm_criteria.rules._requirements import (
    Achieved,
    AllOf,
    AnyOf,
    AtLeast,
    AtLeastK,
    AtMost,
    Between,
    Equals,
    OneOf,
    Ref,
    Requirement,
    RuleItem,
    value_kind,
)
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
)

__all__ = [
    "PROVENANCE_KEYS",
    "Problems",
    "number_from_data",
    "number_to_data",
    "provenance_from_data",
    "provenance_to_data",
    "requirement_from_data",
    "requirement_to_data",
    "value_from_data",
    "value_to_data",
]

OPERATORS = (
    "at_least",
    "at_most",
    "between",
    "equals",
    "achieved",
    "one_of",
    "unspecified",
    "all_of",
    "any_of",
    "at_least_k",
)
PROVENANCE_KEYS = ("source", "confidence", "certainty")
_BRANCHES = ("by_region", "by_group", "by_tag", "by_year", "by_date")


class Problems:
    """Collects data problems, each with its key path, to report them all at once.

    >>> problems = Problems()
    >>> problems.add("criteria[0].number", "not a whole number", expected="1 to 99")
    >>> problems.raise_if_any("x.toml")
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.DataErrors: x.toml: 1 problem:
      - criteria[0].number: not a whole number (expected 1 to 99)
    """

    def __init__(self) -> None:
        self.items: list[DataError] = []

    def add(self, path: str, message: str, *, expected: str | None = None) -> None:
        """Record one problem at ``path``."""
        self.items.append(DataError(message, key_path=path or None, expected=expected))

    def add_error(self, path: str, error: NtmError) -> None:
        """Record an error raised by a constructor, keeping its message."""
        if isinstance(error, DataErrors):
            for inner in error.errors:
                self.add(_join(path, inner.key_path or ""), inner.message, expected=inner.expected)
        elif isinstance(error, DataError):
            self.add(_join(path, error.key_path or ""), error.message, expected=error.expected)
        else:
            self.add(path, str(error))

    def raise_if_any(self, file: str | None = None) -> None:
        """Raise :class:`~ntm_criteria.errors.DataErrors` if anything was recorded."""
        if self.items:
            raise DataErrors(self.items, file=file)

    def __bool__(self) -> bool:
        return bool(self.items)


def _join(path: str, key: str) -> str:
    if not key:
        return path
    if not path:
        return key
    return f"{path}{key}" if key.startswith("[") else f"{path}.{key}"


def _key(path: str, key: str) -> str:
    safe = key.replace("_", "").replace("-", "").isalnum() and not key[:1].isdigit()
    return _join(path, key if safe else f'"{key}"')


def _describe(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _unknown_key(problems: Problems, path: str, key: str, known: Sequence[str], what: str) -> None:
    close = difflib.get_close_matches(key, known, n=1)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    problems.add(_key(path, key), f"unknown {what} {key!r}{hint}", expected=", ".join(known))


# -- numbers ---------------------------------------------------------------


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
    if isinstance(value, int | Fraction):
        return Fraction(value)
    if isinstance(value, float | Decimal):
        finite = value.is_finite() if isinstance(value, Decimal) else math.isfinite(value)
        if not finite:
            problems.add(path, f"{value!r} is not a finite number", expected="a number")
            return None
        return Fraction(Decimal(repr(value)) if isinstance(value, float) else value)
    if isinstance(value, str):
        try:
            return Fraction(value.strip())
        except (ValueError, ZeroDivisionError, InvalidOperation):
            pass
    problems.add(
        path, f"{_describe(value)} is not a number", expected="a number such as 80 or 45.5"
    )
    return None


def number_to_data(value: Fraction) -> int | float | str:
    """Write an exact number as an int, a float when that is exact, else "p/q".

    >>> number_to_data(Fraction(1814, 25)), number_to_data(Fraction(1, 3)), number_to_data(Fraction(4))
    (72.56, '1/3', 4)
    """
    if value.denominator == 1:
        return value.numerator
    try:
        as_float = float(value)
    except OverflowError:
        as_float = math.inf
    if math.isfinite(as_float) and Fraction(Decimal(repr(as_float))) == value:
        return as_float
    return f"{value.numerator}/{value.denominator}"


# -- provenance -------------------------------------------------------------


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
                    _key(path, key), f"{_describe(data[key])} is not text", expected="a string"
                )
    if "confidence" in data:
        known = [c.value for c in Confidence]
        if data["confidence"] in known:
            fields["confidence"] = Confidence(data["confidence"])
        else:
            problems.add(
                _key(path, "confidence"),
                f"unknown confidence {_describe(data['confidence'])}",
                expected=", ".join(known),
            )
    if fields["certainty"] not in (None, "high", "medium", "low"):
        problems.add(
            _key(path, "certainty"),
            f"unknown certainty {fields['certainty']!r}",
            expected="high, medium or low",
        )
        fields["certainty"] = None
    return Provenance(**fields)


def provenance_to_data(provenance: Provenance | None) -> dict[str, str]:
    """The provenance keys of a table (empty for ``None``).

    >>> provenance_to_data(Provenance("QĐ 1", Confidence.PROVINCIAL))
    {'source': 'QĐ 1', 'confidence': 'provincial', 'certainty': ''}
    """
    if provenance is None:
        return {}
    # Every key is written ("" for none), so that reading it back under any
    # enclosing provenance gives the same object.
    return {
        "source": provenance.source or "",
        "confidence": provenance.confidence.value,
        "certainty": provenance.certainty or "",
    }


# -- values -----------------------------------------------------------------


def value_from_data(
    data: object,
    path: str,
    problems: Problems,
    *,
    inherit: Provenance | None = None,
    given: Provenance | None = None,
) -> ValueSpec | None:
    """Read a threshold value: a number, ``"unspecified"`` or a ``by_*`` table.

    Provenance keys on a value fill in what they omit from ``inherit`` (the
    indicator's provenance).  Provenance keys on a ``by_*`` table apply to
    every value inside it that gives none of its own.

    >>> value_from_data({"by_region": {"TDMNPB": 39}, "default": 45}, "", Problems())
    ByRegion(cases={'TDMNPB': Fixed(amount=Fraction(39, 1), provenance=None)}, default=Fixed(amount=Fraction(45, 1), provenance=None))
    """
    if data == "unspecified":
        return Unspecified(provenance=given)
    if not isinstance(data, Mapping):
        amount = number_from_data(data, path, problems)
        return None if amount is None else Fixed(amount, given)
    branches = [key for key in _BRANCHES if key in data]
    leaves = [key for key in ("value", "unspecified", "relative_to") if key in data]
    allowed = {*branches, *leaves, "default", *PROVENANCE_KEYS}
    if leaves == ["unspecified"]:
        allowed.add("missing")
    if leaves == ["relative_to"]:
        allowed.add("factor")
    for key in data:
        if key not in allowed:
            _unknown_key(
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
        amount = number_from_data(data["value"], _key(path, "value"), problems)
        return None if amount is None else Fixed(amount, provenance)
    if leaves == ["unspecified"]:
        note = data["unspecified"]
        if note is not True and not isinstance(note, str):
            problems.add(_key(path, "unspecified"), "expected a note or true", expected="a string")
            note = None
        missing = data.get("missing")
        if missing is not None and not (
            isinstance(missing, Sequence)
            and not isinstance(missing, str)
            and len(missing) == 2
            and all(isinstance(part, str) for part in missing)
        ):
            problems.add(
                _key(path, "missing"),
                f"{_describe(missing)} is not a pair of names",
                expected='["region", "DBSH"]',
            )
            missing = None
        return Unspecified(None if note is True else note, provenance, missing)
    scope = {"inherit": inherit, "given": provenance}
    default = None
    if "default" in data:
        default = value_from_data(data["default"], _key(path, "default"), problems, **scope)
    return _branch_from_data(
        branches[0], data[branches[0]], _key(path, branches[0]), problems, default, scope
    )


def _scaled_from_data(
    data: Mapping[str, Any], path: str, problems: Problems, provenance: Provenance | None
) -> ValueSpec | None:
    ref = data["relative_to"]
    if not isinstance(ref, str) or ref.count(":") != 1 or not all(ref.split(":")):
        problems.add(
            _key(path, "relative_to"),
            f"{_describe(ref)} is not a reference",
            expected='"<set id>:<indicator code>"',
        )
        return None
    factor = number_from_data(data.get("factor", 1), _key(path, "factor"), problems)
    if factor is None:
        return None
    if factor <= 0:
        problems.add(
            _key(path, "factor"),
            f"factor {factor} is not positive",
            expected="a positive number such as 1.1",
        )
        return None
    return Scaled(ref, factor, provenance=provenance)


def _branch_from_data(
    kind: str,
    table: object,
    path: str,
    problems: Problems,
    default: ValueSpec | None,
    scope: dict[str, Provenance | None],
) -> ValueSpec | None:
    if kind == "by_date":
        return _by_date_from_data(table, path, problems, default, scope)
    if not isinstance(table, Mapping) or (not table and default is None):
        problems.add(path, f"{_describe(table)} is not a table of values", expected="a table")
        return None
    cases: list[tuple[Any, ValueSpec]] = []
    for key, sub in table.items():
        spec = value_from_data(sub, _key(path, str(key)), problems, **scope)
        parsed = _case_key(kind, str(key), _key(path, str(key)), problems)
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
        return key
    if kind == "by_group":
        if key in ("1", "2", "3"):
            return int(key)
        problems.add(path, f"unknown commune group {key!r}", expected="1, 2 or 3")
        return None
    if re.fullmatch(r"[0-9]{4}", key) and key != "0000":
        return Period.year(int(key))
    problems.add(path, f"{key!r} is not a year", expected="a four-digit year such as 2022")
    return None


def _by_date_from_data(
    table: object,
    path: str,
    problems: Problems,
    default: ValueSpec | None,
    scope: dict[str, Provenance | None],
) -> ValueSpec | None:
    if not isinstance(table, Sequence) or isinstance(table, str) or (not table and default is None):
        problems.add(path, "by_date needs a list of {from, until, value} tables", expected="a list")
        return None
    cases: list[tuple[Period, ValueSpec]] = []
    for index, item in enumerate(table):
        item_path = f"{path}[{index}]"
        if not isinstance(item, Mapping):
            problems.add(
                item_path, f"{_describe(item)} is not a table", expected="{from, until, value}"
            )
            continue
        for key in item:
            if key not in ("from", "until", "value"):
                _unknown_key(problems, item_path, str(key), ["from", "until", "value"], "key")
        start = _date_from_data(item.get("from"), _key(item_path, "from"), problems)
        end = _date_from_data(item.get("until"), _key(item_path, "until"), problems)
        spec = value_from_data(item.get("value"), _key(item_path, "value"), problems, **scope)
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
    problems.add(path, f"{_describe(value)} is not a date", expected="a date such as 2022-03-08")
    return None


def value_to_data(value: ValueSpec) -> object:
    """Write a threshold value in its plain form (the inverse of :func:`value_from_data`).

    >>> value_to_data(ByTag((("island", Fixed(60)),), default=Fixed(80)))
    {'by_tag': {'island': 60}, 'default': 80}
    """
    if isinstance(value, Fixed):
        if value.provenance is None:
            return number_to_data(value.amount)
        return {"value": number_to_data(value.amount), **provenance_to_data(value.provenance)}
    if isinstance(value, Unspecified):
        if value.note is None and value.provenance is None and value.missing is None:
            return "unspecified"
        note: object = value.note if value.note is not None else True
        data: dict[str, object] = {"unspecified": note, **provenance_to_data(value.provenance)}
        if value.missing is not None:
            data["missing"] = list(value.missing)
        return data
    if isinstance(value, Scaled):
        return {
            "relative_to": value.ref,
            "factor": number_to_data(value.factor),
            **provenance_to_data(value.provenance),
        }
    if isinstance(value, ByRegion | ByTag):
        items = value.cases.items() if isinstance(value, ByRegion) else value.cases
        data = {
            "by_region" if isinstance(value, ByRegion) else "by_tag": {
                key: value_to_data(spec) for key, spec in items
            }
        }
    elif isinstance(value, ByGroup):
        data = {"by_group": {str(key): value_to_data(spec) for key, spec in value.cases.items()}}
    elif all(period == Period.year(period.start.year) for period, _ in value.cases):
        data = {"by_year": {str(p.start.year): value_to_data(spec) for p, spec in value.cases}}
    else:
        data = {
            "by_date": [
                {
                    "from": p.start.isoformat(),
                    "until": p.end.isoformat(),
                    "value": value_to_data(spec),
                }
                for p, spec in value.cases
            ]
        }
    if value.default is not None:
        data["default"] = value_to_data(value.default)
    return data


# -- requirements -----------------------------------------------------------


def requirement_from_data(
    data: object,
    path: str,
    problems: Problems,
    *,
    refs: bool = False,
    base: Provenance | None = None,
) -> Requirement | None:
    """Read a requirement; with ``refs=True`` (a criterion's or set's rule) items are codes.

    >>> requirement_from_data({"at_least": 80}, "", Problems())
    AtLeast(value=Fixed(amount=Fraction(80, 1), provenance=None))
    >>> requirement_from_data({"at_least_k": 2, "of": ["1", "2", "3"]}, "", Problems(), refs=True)
    AtLeastK(k=2, items=(Ref(code='1'), Ref(code='2'), Ref(code='3')))
    """
    if data in ("achieved", "unspecified"):
        return Achieved() if data == "achieved" else Unspecified()
    if not isinstance(data, Mapping):
        problems.add(
            path,
            f"{_describe(data)} is not a requirement",
            expected='a table such as {at_least = 80}, or "achieved"',
        )
        return None
    ops = [key for key in data if key in OPERATORS]
    extra_ok = {"of"} if ops == ["at_least_k"] else set()
    if ops == ["unspecified"]:
        extra_ok = {*PROVENANCE_KEYS, "missing"}
    unknown = [key for key in data if key not in OPERATORS and key not in extra_ok]
    for key in unknown:
        _unknown_key(problems, path, str(key), OPERATORS, "operator")
    if len(ops) > 1:
        problems.add(
            path,
            f"several operators in one requirement: {', '.join(ops)}",
            expected="exactly one; combine them with all_of",
        )
    elif not ops and not unknown:
        problems.add(path, "no operator", expected=", ".join(OPERATORS))
    if len(ops) != 1:
        return None
    op = ops[0]
    try:
        return _READERS[op](op, data, path, problems, refs, base)
    except DataError as err:
        problems.add_error(path, err)
        return None


def _read_compare(
    op: str,
    data: Mapping[str, Any],
    path: str,
    problems: Problems,
    _: bool,
    base: Provenance | None,
) -> Requirement | None:
    value = value_from_data(data[op], _key(path, op), problems, inherit=base)
    if value is None:
        return None
    if op == "at_least":
        return AtLeast(value)
    return AtMost(value) if op == "at_most" else Equals(value)


def _read_between(
    op: str,
    data: Mapping[str, Any],
    path: str,
    problems: Problems,
    _: bool,
    base: Provenance | None,
) -> Requirement | None:
    path = _key(path, op)
    pair = data[op]
    if not isinstance(pair, Sequence) or isinstance(pair, str) or len(pair) != 2:
        problems.add(path, f"{_describe(pair)} is not a pair", expected="[low, high]")
        return None
    low = value_from_data(pair[0], f"{path}[0]", problems, inherit=base)
    high = value_from_data(pair[1], f"{path}[1]", problems, inherit=base)
    if low is None or high is None:
        return None
    if isinstance(low, Fixed) and isinstance(high, Fixed) and low.amount > high.amount:
        problems.add(path, f"low {low.amount} is above high {high.amount}", expected="low ≤ high")
        return None
    return Between(low, high)


def _read_achieved(
    op: str,
    data: Mapping[str, Any],
    path: str,
    problems: Problems,
    _: bool,
    base: Provenance | None,
) -> Requirement | None:
    if data[op] is not True:
        problems.add(
            _key(path, op), f"{_describe(data['achieved'])} is not true", expected="achieved = true"
        )
        return None
    return Achieved()


def _read_one_of(
    op: str,
    data: Mapping[str, Any],
    path: str,
    problems: Problems,
    _: bool,
    base: Provenance | None,
) -> Requirement | None:
    path = _key(path, op)
    grades = data[op]
    if (
        not isinstance(grades, Sequence)
        or isinstance(grades, str)
        or not grades
        or not all(isinstance(g, str) and g for g in grades)
    ):
        problems.add(
            path, f"{_describe(grades)} is not a list of grades", expected='["Tốt", "Khá"]'
        )
        return None
    return OneOf(tuple(grades))


def _read_unspecified(
    op: str,
    data: Mapping[str, Any],
    path: str,
    problems: Problems,
    _: bool,
    base: Provenance | None,
) -> Requirement | None:
    spec = value_from_data(dict(data), path, problems, inherit=base)
    return spec if isinstance(spec, Unspecified) else None


def _read_items(
    op: str,
    data: Mapping[str, Any],
    path: str,
    problems: Problems,
    refs: bool,
    base: Provenance | None,
) -> Requirement | None:
    key = "of" if op == "at_least_k" else op
    items_path = _key(path, key)
    raw = data.get(key)
    if not isinstance(raw, Sequence) or isinstance(raw, str) or not raw:
        problems.add(items_path, f"{_describe(raw)} is not a list", expected="a non-empty list")
        return None
    items: list[RuleItem] = []
    for index, item in enumerate(raw):
        item_path = f"{items_path}[{index}]"
        if refs and isinstance(item, str) and item not in ("achieved", "unspecified"):
            items.append(Ref(item))
            continue
        if refs and isinstance(item, Mapping) and set(item) == {"ref"}:
            if isinstance(item["ref"], str):
                items.append(Ref(item["ref"]))
            else:
                problems.add(item_path, "a ref must be a code", expected="a string")
            continue
        child = requirement_from_data(item, item_path, problems, refs=refs, base=base)
        if child is not None:
            items.append(child)
    if len(items) != len(raw):
        return None
    if op == "all_of":
        result: Requirement = AllOf(items)
    elif op == "any_of":
        result = AnyOf(items)
    else:
        k = data[op]
        if isinstance(k, bool) or not isinstance(k, int):
            problems.add(
                _key(path, op), f"{_describe(k)} is not a whole number", expected="a count"
            )
            return None
        result = AtLeastK(k, items)
    value_kind(result)  # raises DataError on mixed kinds
    return result


_Reader = Callable[
    [str, Mapping[str, Any], str, Problems, bool, Provenance | None], Requirement | None
]
_READERS: Mapping[str, _Reader] = {
    "at_least": _read_compare,
    "at_most": _read_compare,
    "equals": _read_compare,
    "between": _read_between,
    "achieved": _read_achieved,
    "one_of": _read_one_of,
    "unspecified": _read_unspecified,
    "all_of": _read_items,
    "any_of": _read_items,
    "at_least_k": _read_items,
}


def requirement_to_data(requirement: RuleItem) -> object:
    """Write a requirement in its plain form (the inverse of :func:`requirement_from_data`).

    >>> requirement_to_data(AllOf([AtLeast(Fixed(1)), AtMost(Fixed(9))]))
    {'all_of': [{'at_least': 1}, {'at_most': 9}]}
    """
    if isinstance(requirement, Ref):
        return {"ref": requirement.code}
    if isinstance(requirement, AtLeast | AtMost | Equals):
        op = {AtLeast: "at_least", AtMost: "at_most", Equals: "equals"}[type(requirement)]
        return {op: value_to_data(requirement.value)}
    if isinstance(requirement, Between):
        return {"between": [value_to_data(requirement.low), value_to_data(requirement.high)]}
    if isinstance(requirement, Achieved):
        return "achieved"
    if isinstance(requirement, OneOf):
        return {"one_of": list(requirement.grades)}
    if isinstance(requirement, Unspecified):
        return value_to_data(requirement)
    items = [requirement_to_data(item) for item in requirement.items]
    if isinstance(requirement, AllOf):
        return {"all_of": items}
    if isinstance(requirement, AnyOf):
        return {"any_of": items}
    return {"at_least_k": requirement.k, "of": items}
