"""Writing the set file format as TOML text (tomli-w), and single values as inline TOML.

:func:`set_to_toml` is the inverse of :func:`~ntm_criteria.criteria.loads_set`
for a whole set, and writes the plain data of an overlay (a set that
``extends`` another) as it is.  :func:`inline_toml` writes one value on one
line, as a cell of a decision's table holds a requirement that the table's
simple forms (``≥ 80``, ``Đạt``…) cannot.
"""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import tomli_w

from ntm_criteria.criteria._format_write import set_to_data

if TYPE_CHECKING:
    from ntm_criteria.criteria._set import CriterionSet

__all__ = ["inline_toml", "set_to_toml"]

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")


def set_to_toml(s: CriterionSet | Mapping[str, Any]) -> str:
    """A set (or the plain data of a set file) as TOML text that reads back as the same set.

    >>> from ntm_criteria import demo
    >>> from ntm_criteria.criteria import loads_set
    >>> text = set_to_toml(demo.example_set())
    >>> loads_set(text) == demo.example_set()
    True
    """
    data = s if isinstance(s, Mapping) else set_to_data(s)
    return tomli_w.dumps(dict(data))


def inline_toml(value: object) -> str:
    """A value as inline TOML (one line): what ``requirement = …`` takes.

    >>> inline_toml({"at_least": {"by_year": {"2022": 39}}})
    '{ at_least = { by_year = { 2022 = 39 } } }'
    >>> inline_toml(["Tốt", "Khá"])
    '["Tốt", "Khá"]'
    """
    if isinstance(value, Mapping):
        items = ", ".join(f"{_key(str(k))} = {inline_toml(v)}" for k, v in value.items())
        return "{ " + items + " }" if items else "{}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(inline_toml(v) for v in value) + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    return _string(str(value))


def _key(key: str) -> str:
    return key if _BARE_KEY.fullmatch(key) else _string(key)


def _string(text: str) -> str:
    # JSON's escapes are TOML's, except that TOML also refuses a raw DEL.
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")
