"""Strategies and checks shared by the generated-input (fuzz) tests.

The strategies are structure-aware: they start from real documents (the
built-in sets, the demo CSV files) and change one thing at a time — drop a
key, give a value of another type, a huge number, deep nesting, decomposed
(NFD) text, a NUL byte — so that most inputs get past the first check and
reach deep into the loaders.  The checks say what the library promises for
any input: only an :class:`~ntm_criteria.errors.NtmError` escapes, and a data
error names its place.
"""

from __future__ import annotations

import datetime
import json
import math
import os
import tomllib
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from ntm_criteria.errors import DataError, DataErrors, NtmError

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "ntm_criteria"
TESTS = Path(__file__).resolve().parents[1]

# Under HYPOTHESIS_PROFILE=million every fuzz test runs this many times its CI count,
# about a million inputs over the suite (see docs/robustness.md).
MILLION_FACTOR = 400


def examples(ci: int) -> int:
    """How many inputs a fuzz test runs: ``ci`` by default, many more under ``million``."""
    return ci * MILLION_FACTOR if os.environ.get("HYPOTHESIS_PROFILE") == "million" else ci


# A call slower than this on any input counts as a hang (the limits are meant
# to keep every input well under a second; the margin is for a busy machine).
SLOW_SECONDS = 10.0

HUGE_TEXT = ("1e10000000", "1e100000000", "-1e5000", "1e-5000", "9" * 5000, "1/0", "nan", "inf")
HUGE_NUMBERS: tuple[Any, ...] = (
    10**5000,
    -(10**5000),
    10**40,
    2**63,
    -(2**63) - 1,
    1e308,
    -1e308,
    5e-324,
    math.inf,
    -math.inf,
    math.nan,
)
WORDS = ("Tốt", "Khá", "đạt", "không đạt", "nâng cao", "đạt chuẩn", "kiểu mẫu", "xã", "%", "km")


def nfd(text: str) -> str:
    """``text`` decomposed, as some keyboards write Vietnamese."""
    return unicodedata.normalize("NFD", text)


def text_values() -> st.SearchStrategy[str]:
    """Text that is likely to trouble a reader: NFD, NUL, huge numbers, random unicode."""
    return st.one_of(
        st.sampled_from(WORDS),
        st.sampled_from(WORDS).map(nfd),
        st.sampled_from(HUGE_TEXT),
        st.text(max_size=12),
        st.text(alphabet=st.characters(codec="utf-8"), max_size=6).map(lambda t: t + "\0"),
        st.sampled_from(("", " ", "\0", "\ufeff", "\u200b", "²", "١٢", "1,5", "1.5", "½")),
    )


def nested(depth: int) -> Any:
    """A list nested ``depth`` levels deep."""
    value: Any = 1
    for _ in range(depth):
        value = [value]
    return value


def nested_tables(depth: int, key: str = "all_of") -> Any:
    """A requirement-like table nested ``depth`` levels deep."""
    value: Any = {"op": "at_least", "value": 1}
    for _ in range(depth):
        value = {key: [value]}
    return value


def scalar_values() -> st.SearchStrategy[Any]:
    """A value of any TOML type, odd ones favoured."""
    return st.one_of(
        text_values(),
        st.integers(),
        st.sampled_from(HUGE_NUMBERS),
        st.floats(),
        st.booleans(),
        st.dates(),
        st.sampled_from((datetime.date(2024, 2, 29), datetime.date(9999, 12, 31))),
        st.just([]),
        st.just({}),
        st.lists(st.integers(), max_size=3),
        st.sampled_from((8, 80, 500)).map(nested),
        st.sampled_from((8, 80, 150)).map(nested_tables),
    )


# -- a walk into a parsed document -----------------------------------------------------


def _paths(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if len(prefix) > 12:  # not into the deep nesting a mutation put there
        return found
    if isinstance(data, dict):
        for key, value in data.items():
            found.extend(_paths(value, (*prefix, key)))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found.extend(_paths(value, (*prefix, index)))
    return found


def copy_data(data: Any) -> Any:
    """A deep copy of plain data (tables and arrays)."""
    if isinstance(data, dict):
        return {k: copy_data(v) for k, v in data.items()}
    if isinstance(data, list):
        return [copy_data(v) for v in data]
    return data


@st.composite
def mutated(draw: st.DrawFn, document: dict[str, Any], *, steps: int = 3) -> dict[str, Any]:
    """``document`` with one to ``steps`` changes: a key dropped, a value replaced or added."""
    data = copy_data(document)
    for _ in range(draw(st.integers(min_value=1, max_value=steps))):
        paths = [p for p in _paths(data) if p]
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        parent = data
        for step in path[:-1]:
            parent = parent[step]
        last = path[-1]
        action = draw(st.sampled_from(("drop", "replace", "replace", "add", "nfd")))
        if action == "drop":
            del parent[last]
        elif action == "replace":
            parent[last] = draw(scalar_values())
        elif action == "nfd" and isinstance(parent[last], str):
            parent[last] = nfd(parent[last])
        elif isinstance(parent, dict):
            parent[draw(st.sampled_from((*WORDS, "extra", "op")))] = draw(scalar_values())
        else:
            parent.append(draw(scalar_values()))
    return data


# -- writing TOML (the standard library reads it, but cannot write) ---------------------


def _string(text: str) -> str:
    body = json.dumps(text, ensure_ascii=False)[1:-1].replace("\x7f", "\\u007f")
    return f'"{body}"'


def toml_value(value: Any) -> str:
    """``value`` as an inline TOML value."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value) if abs(value) < 10**4000 else "9" * 5000
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return repr(value)
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        items = (f"{_string(str(k))} = {toml_value(v)}" for k, v in value.items())
        return "{" + ", ".join(items) + "}"
    raise TypeError(f"cannot write {value!r} as TOML")


def dumps_toml(data: dict[str, Any]) -> str:
    """A document as TOML text: one ``key = value`` line per top-level key."""
    return "".join(f"{_string(str(k))} = {toml_value(v)}\n" for k, v in data.items())


def read_toml(path: Path) -> dict[str, Any]:
    """A data file of the package as plain data."""
    return tomllib.loads(path.read_text(encoding="utf-8"))


@st.composite
def text_edits(draw: st.DrawFn, text: str) -> str:
    """``text`` with a line dropped or duplicated, or odd text put somewhere in it."""
    lines = text.splitlines(keepends=True) or [""]
    index = draw(st.integers(min_value=0, max_value=len(lines) - 1))
    action = draw(st.sampled_from(("drop", "repeat", "insert", "nfd")))
    if action == "drop":
        del lines[index]
    elif action == "repeat":
        lines.insert(index, lines[index])
    elif action == "nfd":
        lines[index] = nfd(lines[index])
    else:
        line = lines[index]
        at = draw(st.integers(min_value=0, max_value=len(line)))
        lines[index] = line[:at] + draw(text_values()) + line[at:]
    return "".join(lines)


# -- CSV ------------------------------------------------------------------------------


def csv_cell(value: str) -> str:
    """``value`` as a quoted CSV cell."""
    return '"' + value.replace('"', '""') + '"'


@st.composite
def csv_mutated(draw: st.DrawFn, text: str) -> str:
    """A CSV document with a cell replaced, a row dropped or a header changed."""
    rows = [line.split(",") for line in text.splitlines()]
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        action = draw(st.sampled_from(("cell", "cell", "cell", "row", "header", "extra")))
        row = draw(st.integers(min_value=0, max_value=len(rows) - 1))
        if action == "row" and len(rows) > 1:
            del rows[row]
        elif action == "header":
            column = draw(st.integers(min_value=0, max_value=len(rows[0]) - 1))
            rows[0][column] = draw(st.sampled_from((nfd(rows[0][column]), "", "x", rows[0][0])))
        elif action == "extra":
            rows[row].append(csv_cell(draw(text_values())))
        elif rows[row]:
            column = draw(st.integers(min_value=0, max_value=len(rows[row]) - 1))
            rows[row][column] = csv_cell(draw(text_values()))
    return "\n".join(",".join(r) for r in rows) + "\n"


# -- the promise ----------------------------------------------------------------------


def check_error(err: NtmError, file: str | None = None) -> None:
    """A data error from a document names its place: the file, a line, row or key for each problem."""
    text = str(err)
    assert "Traceback" not in text
    if file is None or not isinstance(err, DataError):
        return  # an argument, not a document: the message is about the value itself
    if file is not None and err.file is not None:
        assert file in text, text
    if isinstance(err, DataErrors):
        for problem in err.errors:
            assert problem.line is not None or problem.key_path, f"unlocated: {problem}"
    else:  # a single problem: the file itself (unreadable, too large) or a place in it
        assert err.file or err.line is not None or err.key_path, f"unlocated: {err}"


def only_ntm_errors(call: Callable[[], Any], file: str | None = None) -> Any:
    """The result of ``call``, or ``None`` when it raised a (checked) :class:`NtmError`."""
    try:
        return call()
    except NtmError as err:
        check_error(err, file)
        return None
