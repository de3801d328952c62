"""Flat records to and from plain data (JSON objects, CSV rows), with cattrs.

A *flat record* is a frozen attrs class whose fields are text, numbers, dates,
enums and optional ones of these, each field checked by its own attrs
converter and validator (which raise :class:`~ntm_criteria.errors.DataError`
naming the field).  This module turns such a record into plain data and back
with one :class:`cattrs.Converter`, so that no record writes its own
``to_dict``/``from_dict`` bodies:

- dates are written in ISO form, enums by their value (a :class:`Level` by its
  key), fractions as text such as ``"7/72"``, sets as sorted lists;
- on the way in, each field's raw value goes to the field's own attrs converter
  (so ``"15/6/2022"``, ``"đạt chuẩn"`` and blank optional CSV cells read as
  they do in the constructor);
- a missing or blank required key, an unknown key (when asked), or a field
  that does not convert is a :class:`DataError` whose key path names the key.

Private: the records' own ``to_dict``/``from_dict`` are the public API.
"""

from __future__ import annotations

import datetime
import enum
import functools
import typing
from collections.abc import Collection, Mapping, Sequence
from fractions import Fraction
from typing import Any, TypeVar

import attrs
import cattrs

from ntm_criteria.errors import DataError, NtmError

__all__ = ["record_from_dict", "record_to_dict"]

_R = TypeVar("_R")


def _key_of(value: enum.Enum) -> Any:
    # Levels are written by their key ("standard"), other enums by their value.
    key = getattr(value, "key", None)
    return key if isinstance(key, str) else value.value


def _is_frozenset(kind: Any) -> bool:
    return kind is frozenset or typing.get_origin(kind) is frozenset


@functools.cache
def _converter() -> cattrs.Converter:
    converter = cattrs.Converter(prefer_attrib_converters=True)
    # Text is given as it is to the field's validator: cattrs would turn 4036 into
    # "4036", silently dropping a code's leading zero (Regression, issue 9).
    converter.register_structure_hook(str, lambda value, _: value)
    converter.register_unstructure_hook(datetime.date, datetime.date.isoformat)
    converter.register_unstructure_hook(Fraction, str)
    # Sets (a locality's tags) are written as sorted lists: plain data, one order.
    converter.register_unstructure_hook_func(_is_frozenset, sorted)
    converter.register_unstructure_hook_func(
        lambda t: isinstance(t, type) and issubclass(t, enum.Enum), _key_of
    )
    return converter


def record_to_dict(
    record: object, *, order: Sequence[str] = (), omit_none: Collection[str] = ()
) -> dict[str, Any]:
    """Plain data for a flat attrs record: every field, by name.

    The keys named in ``order`` come first, in that order (a record's
    documented row may not follow its fields); the keys in ``omit_none`` are
    left out when their value is ``None`` (keys added later are written only
    when set, so older rows stay as they were).

    >>> @attrs.frozen
    ... class Visit:
    ...     place: str
    ...     day: datetime.date
    ...     share: Fraction = Fraction(1, 3)
    >>> record_to_dict(Visit("04036", datetime.date(2022, 6, 15)))
    {'place': '04036', 'day': '2022-06-15', 'share': '1/3'}
    >>> @attrs.frozen
    ... class Note:
    ...     text: str
    ...     day: datetime.date | None = None
    >>> record_to_dict(Note("x"), omit_none=["day"]), record_to_dict(Note("x"), order=["day"])
    ({'text': 'x'}, {'day': None, 'text': 'x'})
    """
    data = _converter().unstructure(record)
    if not isinstance(data, dict):  # pragma: no cover - only attrs records come here
        raise TypeError(f"{type(record).__name__} is not an attrs record")
    data = {key: data[key] for key in dict.fromkeys([*order, *data])}
    return {k: v for k, v in data.items() if not (v is None and k in omit_none)}


def _required(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in attrs.fields(cls) if f.default is attrs.NOTHING)


def record_from_dict(
    cls: type[_R],
    data: Mapping[str, Any],
    *,
    what: str,
    strict: bool = False,
    blank_is_missing: bool = True,
    may_be_missing: Collection[str] = (),
) -> _R:
    """Build a ``cls`` record from plain data; every problem is a :class:`DataError`.

    ``what`` names the record in messages (``"recognition"``).  With
    ``strict``, keys that are not fields are refused; with
    ``blank_is_missing`` (the default, as a CSV row leaves cells empty), a
    required key whose value is ``None`` or blank text counts as missing, and
    an optional one takes the field's default.  A field in ``may_be_missing``
    has no default but may be left out: its converter is then given ``None``.

    >>> @attrs.frozen
    ... class Visit:
    ...     place: str
    ...     day: datetime.date = attrs.field(converter=datetime.date.fromisoformat)
    >>> record_from_dict(Visit, {"place": "04036", "day": "2022-06-15"}, what="visit").day
    datetime.date(2022, 6, 15)
    >>> record_from_dict(Visit, {"place": ""}, what="visit")
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.DataError: place: missing (expected the keys place, day)
    >>> record_from_dict(Visit, {"place": "1", "day": "2022-06-15", "x": 1}, what="visit",
    ...                  strict=True)
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.DataError: visit: unknown 'x' (expected place, day)
    """
    if not isinstance(data, Mapping):
        raise DataError(
            f"got {type(data).__name__}, not a table", key_path=what, expected="a table of keys"
        )
    names = tuple(f.name for f in attrs.fields(cls))  # type: ignore[arg-type]
    required = tuple(n for n in _required(cls) if n not in may_be_missing)
    if strict:
        unknown = [k for k in data if k not in names]
        if unknown:
            raise DataError(
                f"unknown {', '.join(map(repr, unknown))}", key_path=what, expected=", ".join(names)
            )
    optional = [n for n in names if n not in required]
    expected = "the keys " + ", ".join(required)
    if optional:
        expected += " and optionally " + ", ".join(optional)
    for key in required:
        value = data.get(key)
        if value is None or (blank_is_missing and _blank(value)):
            raise DataError("missing", key_path=key, expected=expected)
    present = {
        k: v
        for k, v in data.items()
        if k in names and not (k not in required and blank_is_missing and _blank(v))
    }
    present.update({k: None for k in may_be_missing if present.get(k) is None})
    try:
        return _converter().structure(present, cls)
    except cattrs.BaseValidationError as group:
        error: Exception = _first_problem(group)
    except (NtmError, TypeError, ValueError) as err:
        error = err
    raise _located(cls, present, error, what) from None


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _located(cls: Any, present: Mapping[str, Any], error: Exception, what: str) -> DataError:
    """``error`` as a :class:`DataError` naming the field whose converter refuses its value."""
    if isinstance(error, DataError) and error.key_path:
        return error
    for field in attrs.fields(cls):
        if field.name in present and callable(field.converter):
            try:
                field.converter(present[field.name])
            except (NtmError, TypeError, ValueError) as err:
                return DataError(str(err), key_path=field.name)
    return DataError(str(error), key_path=what)


def _first_problem(group: cattrs.BaseValidationError) -> Exception:
    """The first error inside a cattrs error group that is not itself a group."""
    pending: list[Exception] = list(group.exceptions)
    while pending:
        error = pending.pop(0)
        if not isinstance(error, cattrs.BaseValidationError):
            return error
        pending.extend(error.exceptions)
    return group
