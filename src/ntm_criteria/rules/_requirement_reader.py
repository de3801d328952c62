"""Reading requirements from plain data: ``{at_least = 80}``, ``"achieved"``, ``{all_of = […]}``.

Each operator has its reader; values inside are read by
:func:`~ntm_criteria.rules.value_from_data`.  Every problem is recorded with
its key path in a :class:`~ntm_criteria.rules.Problems` list.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from ntm_criteria.errors import DataError
from ntm_criteria.rules._problems import Problems, quoted_key, short_repr, unknown_key
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
)
from ntm_criteria.rules._value_reader import PROVENANCE_KEYS, value_from_data
from ntm_criteria.rules._values import Fixed, Provenance, Unspecified
from ntm_criteria.rules._walk import value_kind

__all__ = ["OPERATORS", "requirement_from_data"]

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
            f"{short_repr(data)} is not a requirement",
            expected='a table such as {at_least = 80}, or "achieved"',
        )
        return None
    ops = [key for key in data if key in OPERATORS]
    extra_ok = {"of"} if ops == ["at_least_k"] else set()
    if ops == ["unspecified"]:
        extra_ok = {*PROVENANCE_KEYS, "missing"}
    unknown = [key for key in data if key not in OPERATORS and key not in extra_ok]
    for key in unknown:
        unknown_key(problems, path, str(key), OPERATORS, "operator")
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
    value = value_from_data(data[op], quoted_key(path, op), problems, inherit=base)
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
    path = quoted_key(path, op)
    pair = data[op]
    if not isinstance(pair, Sequence) or isinstance(pair, str) or len(pair) != 2:
        problems.add(path, f"{short_repr(pair)} is not a pair", expected="[low, high]")
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
            quoted_key(path, op),
            f"{short_repr(data['achieved'])} is not true",
            expected="achieved = true",
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
    path = quoted_key(path, op)
    grades = data[op]
    if (
        not isinstance(grades, Sequence)
        or isinstance(grades, str)
        or not grades
        or not all(isinstance(g, str) and g for g in grades)
    ):
        problems.add(
            path, f"{short_repr(grades)} is not a list of grades", expected='["Tốt", "Khá"]'
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
    items_path = quoted_key(path, key)
    raw = data.get(key)
    if not isinstance(raw, Sequence) or isinstance(raw, str) or not raw:
        problems.add(items_path, f"{short_repr(raw)} is not a list", expected="a non-empty list")
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
                quoted_key(path, op), f"{short_repr(k)} is not a whole number", expected="a count"
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
