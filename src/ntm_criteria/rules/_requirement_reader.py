"""Reading requirements from plain data: ``{at_least = 80}``, ``"achieved"``, ``{all_of = […]}``.

Each operator has its reader; values inside are read by
:func:`~ntm_criteria.rules.value_from_data`.  Every problem is recorded with
its key path in a :class:`~ntm_criteria.rules.Problems` list.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import attrs

from ntm_criteria._validators import index_path
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
from ntm_criteria.rules._value_reader import (
    NOTE_FORMS,
    PROVENANCE_KEYS,
    too_deep,
    value_from_data,
)
from ntm_criteria.rules._values import Fixed, Provenance, Unspecified, ValueSpec
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
    depth: int = 0,
) -> Requirement | None:
    """Read a requirement; with ``refs=True`` (a criterion's or set's rule) items are codes.

    ``depth`` is how deep the requirement sits in its document: one nested
    more than :data:`~ntm_criteria._validators.MAX_NESTING` levels is a
    problem at its key path, and is not read further.

    >>> requirement_from_data({"at_least": 80}, "", Problems())
    AtLeast(value=Fixed(amount=Fraction(80, 1), provenance=None))
    >>> requirement_from_data({"at_least_k": 2, "of": ["1", "2", "3"]}, "", Problems(), refs=True)
    AtLeastK(k=2, items=(Ref(code='1'), Ref(code='2'), Ref(code='3')))
    """
    if data in ("achieved", "unspecified"):
        return Achieved() if data == "achieved" else Unspecified()
    if too_deep(depth, path, problems):
        return None
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
        extra_ok = {*PROVENANCE_KEYS, "missing", *NOTE_FORMS}
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
        return _READERS[op](_Table(op, data, path, problems, refs, base, depth))
    except DataError as err:
        problems.add_error(path, err)
        return None


@attrs.frozen(slots=True)
class _Table:
    """One requirement table being read: its operator, where it is, and what it inherits."""

    op: str
    data: Mapping[str, Any]
    path: str
    problems: Problems
    refs: bool
    base: Provenance | None
    depth: int

    def value(self, data: object, path: str) -> ValueSpec | None:
        """Read a value of this requirement (at the requirement's depth)."""
        return value_from_data(data, path, self.problems, inherit=self.base, depth=self.depth)


def _read_compare(t: _Table) -> Requirement | None:
    value = t.value(t.data[t.op], quoted_key(t.path, t.op))
    if value is None:
        return None
    if t.op == "at_least":
        return AtLeast(value)
    return AtMost(value) if t.op == "at_most" else Equals(value)


def _read_between(t: _Table) -> Requirement | None:
    path = quoted_key(t.path, t.op)
    pair = t.data[t.op]
    if not isinstance(pair, Sequence) or isinstance(pair, str) or len(pair) != 2:
        t.problems.add(path, f"{short_repr(pair)} is not a pair", expected="[low, high]")
        return None
    low = t.value(pair[0], index_path(path, 0))
    high = t.value(pair[1], index_path(path, 1))
    if low is None or high is None:
        return None
    if isinstance(low, Fixed) and isinstance(high, Fixed) and low.amount > high.amount:
        t.problems.add(path, f"low {low.amount} is above high {high.amount}", expected="low ≤ high")
        return None
    return Between(low, high)


def _read_achieved(t: _Table) -> Requirement | None:
    if t.data[t.op] is not True:
        t.problems.add(
            quoted_key(t.path, t.op),
            f"{short_repr(t.data['achieved'])} is not true",
            expected="achieved = true",
        )
        return None
    return Achieved()


def _read_one_of(t: _Table) -> Requirement | None:
    path = quoted_key(t.path, t.op)
    grades = t.data[t.op]
    if (
        not isinstance(grades, Sequence)
        or isinstance(grades, str)
        or not grades
        or not all(isinstance(g, str) and g for g in grades)
    ):
        t.problems.add(
            path, f"{short_repr(grades)} is not a list of grades", expected='["Tốt", "Khá"]'
        )
        return None
    return OneOf(tuple(grades))


def _read_unspecified(t: _Table) -> Requirement | None:
    spec = t.value(dict(t.data), t.path)
    return spec if isinstance(spec, Unspecified) else None


def _read_items(t: _Table) -> Requirement | None:
    key = "of" if t.op == "at_least_k" else t.op
    items_path = quoted_key(t.path, key)
    raw = t.data.get(key)
    if not isinstance(raw, Sequence) or isinstance(raw, str) or not raw:
        t.problems.add(items_path, f"{short_repr(raw)} is not a list", expected="a non-empty list")
        return None
    items: list[RuleItem] = []
    for index, item in enumerate(raw):
        item_path = f"{items_path}[{index}]"
        if t.refs and isinstance(item, str) and item not in ("achieved", "unspecified"):
            items.append(Ref(item))
            continue
        if t.refs and isinstance(item, Mapping) and set(item) == {"ref"}:
            if isinstance(item["ref"], str):
                items.append(Ref(item["ref"]))
            else:
                t.problems.add(item_path, "a ref must be a code", expected="a string")
            continue
        child = requirement_from_data(
            item, item_path, t.problems, refs=t.refs, base=t.base, depth=t.depth + 1
        )
        if child is not None:
            items.append(child)
    if len(items) != len(raw):
        return None
    if t.op == "all_of":
        result: Requirement = AllOf(items)
    elif t.op == "any_of":
        result = AnyOf(items)
    else:
        k = t.data[t.op]
        if isinstance(k, int) and not isinstance(k, bool) and not 1 <= k <= len(items):
            t.problems.add(
                t.path,
                f"at_least_k = {short_repr(k)} with {len(items)} items",
                expected=f"k between 1 and {len(items)}",
            )
            return None
        if isinstance(k, bool) or not isinstance(k, int):
            t.problems.add(
                quoted_key(t.path, t.op),
                f"{short_repr(k)} is not a whole number",
                expected="a count",
            )
            return None
        result = AtLeastK(k, items)
    value_kind(result)  # raises DataError on mixed kinds
    return result


_READERS: Mapping[str, Callable[[_Table], Requirement | None]] = {
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
