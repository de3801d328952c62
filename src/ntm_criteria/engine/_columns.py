"""The columnar path: columns of values in, columns of status codes out (numpy, the ``fast`` extra).

Each numeric threshold of a context becomes a float64 and values are compared
as floats.  That is exact because rounding never reverses an order: only a
value within a few units in the last place (ulps) of a threshold that is not
itself a short decimal (1/3), or one converted from another unit, may compare
otherwise than its exact value does — those few are decided again on the
exact :class:`~fractions.Fraction` the object path uses.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs

from ntm_criteria._extras import require
from ntm_criteria.engine._codes import (
    ALL_OF,
    ANY_OF,
    DEPENDS,
    MET,
    NO_DATA,
    NOT_APPLICABLE,
    NOT_MET,
    UNKNOWN,
    UNSPECIFIED,
    Program,
)
from ntm_criteria.engine._kernel import ACHIEVED, BETWEEN, EQ, GE, LE, UNSPEC, Kernel, decide
from ntm_criteria.engine._plan import Plan
from ntm_criteria.errors import DataError, ObservationError
from ntm_criteria.units import Q_, exact_factor, to_exact

__all__ = ["Columns", "evaluate_columns"]

_NUMBER_KERNELS = frozenset({GE, LE, EQ, BETWEEN, UNSPEC})


@attrs.frozen(slots=True)
class Columns:
    """Status codes per locality: per indicator, per criterion and for the set.

    Each array is a read-only numpy ``int8`` array with one item per
    locality (the codes of :mod:`ntm_criteria.engine`); a criterion of one
    indicator shares that indicator's array.  ``met_count`` counts the
    criteria met, of ``total``.

    >>> from ntm_criteria import demo
    >>> from ntm_criteria.engine import compile_set
    >>> plan = compile_set(demo.example_set(), on="15/6/2022")
    >>> cols = evaluate_columns(plan, {"3.1": [85, 79.5], "3.2": [True, True],
    ...                                "10.1": [46, None]}, region=["DBSCL", "DBSCL"])
    >>> cols.indicators["3.1"].tolist(), cols.status.tolist(), cols.met_count.tolist()
    ([1, 3], [1, 3], [2, 0])
    """

    indicators: Mapping[str, Any]
    indicator_reasons: Mapping[str, Any]
    criteria: Mapping[int, Any]
    criterion_reasons: Mapping[int, Any]
    status: Any
    reason: Any
    met_count: Any
    total: int


def evaluate_columns(
    plan: Plan,
    values: Mapping[str, object],
    *,
    region: object = None,
    group: Sequence[int | None] | None = None,
    tags: Sequence[Iterable[str]] | None = None,
) -> Columns:
    """Evaluate whole columns on ``plan``: one value per locality for each indicator in ``values``.

    A numeric column is a sequence or array of numbers in the indicator's unit
    (``None`` or NaN: no data), a pair ``(numbers, unit)``, or a pint quantity
    holding an array; a pass/fail column holds bools, a graded one text
    (``None``: no data).  An indicator without a column has no data.
    ``region`` is a sequence of region codes (before the set's region rules)
    or a pair ``(codes, labels)`` of integer codes into ``labels``, as
    ``pandas.factorize`` gives (-1: no region); ``group`` and ``tags`` hold
    one item per locality.  The statuses are those of
    :func:`ntm_criteria.assess`.  Needs numpy (``pip install "ntm_criteria[fast]"``).

    >>> from ntm_criteria import demo
    >>> from ntm_criteria.engine import compile_set
    >>> plan = compile_set(demo.example_set(), on="15/6/2022")
    >>> evaluate_columns(plan, {"3.1": ([0.8, 0.79], "")}).indicators["3.1"].tolist()
    [1, 3]
    """
    np = require("numpy")
    for code in values:
        if code not in plan.codes:
            raise ObservationError(
                code, "no such indicator", expected="one of " + ", ".join(plan.codes)
            )
    size = _size(values, region, group, tags)
    cid, tables = _contexts(np, plan, region, group, tags, size)
    statuses, reasons = [], []
    for n, code in enumerate(plan.codes):
        status, reason = _indicator(np, plan, n, values.get(code), cid, tables)
        statuses.append(status)
        reasons.append(reason)
    criteria = [_run(np, p, statuses, reasons) for p in plan.criterion_programs]
    status, reason = _run(np, plan.set_program, [s for s, _ in criteria], [r for _, r in criteria])
    met = np.zeros(size, dtype=np.int16)
    for s, _ in criteria:
        met += s == MET
    numbers = [c.number for c in plan.criterion_set.criteria]

    def zeros(reason: Any) -> Any:
        return np.zeros(size, dtype=np.int8) if reason is None else reason

    for array in (*statuses, *(s for s, _ in criteria), status, met):
        array.flags.writeable = False  # a criterion of one indicator shares its column

    return Columns(
        dict(zip(plan.codes, statuses, strict=True)),
        {code: zeros(r) for code, r in zip(plan.codes, reasons, strict=True)},
        {k: s for k, (s, _) in zip(numbers, criteria, strict=True)},
        {k: zeros(r) for k, (_, r) in zip(numbers, criteria, strict=True)},
        status,
        zeros(reason),
        met,
        len(numbers),
    )


def _size(values: Mapping[str, object], region: object, *columns: object) -> int:
    sizes = {len(_magnitudes(v)) for v in values.values()}
    if isinstance(region, tuple):
        sizes.add(len(region[0]))
    elif region is not None:
        sizes.add(len(region))  # type: ignore[arg-type]
    sizes.update(len(c) for c in columns if c is not None)  # type: ignore[arg-type]
    if len(sizes) > 1:
        raise DataError(
            f"columns of different lengths: {sorted(sizes)}",
            expected="one value per locality in every column",
        )
    return sizes.pop() if sizes else 0


def _is_quantity(column: object) -> bool:
    # Duck-typed: this module does not import pint for a plain column.
    return hasattr(column, "magnitude") and hasattr(column, "units")


def _magnitudes(column: object) -> Any:
    if _is_quantity(column):
        return column.magnitude  # type: ignore[attr-defined]
    if isinstance(column, tuple) and len(column) == 2 and isinstance(column[1], str):
        return column[0]
    return column


def _unit(column: object) -> str | None:
    if _is_quantity(column):
        return str(column.units)  # type: ignore[attr-defined]
    if isinstance(column, tuple) and len(column) == 2 and isinstance(column[1], str):
        return column[1] or "dimensionless"
    return None


def _contexts(
    np: Any, plan: Plan, region: object, group: object, tags: object, size: int
) -> tuple[Any, list[Any]]:
    """Each locality's context number, and each context's compiled table."""
    codes, labels = _factorize(np, region, size)
    if group is None and tags is None:
        keys: list[tuple[Any, ...]] = [(label, None, frozenset()) for label in labels]
        cid = codes
    else:
        groups = list(group) if group is not None else [None] * size  # type: ignore[call-overload]
        tag_sets = [_tags(t) for t in tags] if tags is not None else [frozenset()] * size  # type: ignore[attr-defined]
        seen: dict[tuple[Any, ...], int] = {}
        cid = np.fromiter(
            (
                seen.setdefault((labels[codes[row]], groups[row], tag_sets[row]), len(seen))
                for row in range(size)
            ),
            dtype=np.intp,
            count=size,
        )
        keys = list(seen)
    return cid, [plan.table_at(r, g, t) for r, g, t in keys]


def _tags(value: Iterable[str] | str | None) -> frozenset[str]:
    # One tag written alone is that tag, not its letters.
    if value is None:
        return frozenset()
    return frozenset((value,)) if isinstance(value, str) else frozenset(value)


def _factorize(np: Any, region: object, size: int) -> tuple[Any, list[str | None]]:
    if region is None:
        return np.zeros(size, dtype=np.intp), [None]
    if isinstance(region, tuple):
        codes, labels = region
        codes = np.asarray(codes, dtype=np.intp)
        labels = list(labels)
        if len(codes) and (codes.min() < -1 or codes.max() >= len(labels)):
            raise DataError(
                f"region codes from {codes.min()} to {codes.max()} for {len(labels)} labels",
                key_path="region",
                expected=f"codes from -1 (no region) to {len(labels) - 1}",
            )
        # Code -1 (no region) reads the last label, a context of its own only when used.
        return codes, [*labels, None] if len(codes) and codes.min() < 0 else labels
    seen: dict[str | None, int] = {}
    codes = np.fromiter(
        (seen.setdefault(r, len(seen)) for r in region),  # type: ignore[attr-defined]
        dtype=np.intp,
        count=size,
    )
    return codes, list(seen)


def _indicator(
    np: Any, plan: Plan, n: int, column: object, cid: Any, tables: list[Any]
) -> tuple[Any, Any]:
    kernels = [t.kernels[n] for t in tables]
    no_data = np.array([t.no_data[n] for t in tables], dtype=np.int8)
    if column is None:
        status = np.full(len(cid), UNKNOWN, dtype=np.int8)
        reason = no_data[cid]
    elif {k[0] for k in kernels} <= _NUMBER_KERNELS and _numeric(column):
        status, reason = _numbers(np, plan, n, column, cid, kernels, no_data)
    else:
        status, reason = _one_by_one(np, plan, n, column, cid, kernels, no_data)
    applies = np.array([t.applies[n] for t in tables], dtype=bool)
    if not applies.all():
        out = ~applies[cid]
        status[out] = NOT_APPLICABLE
        if reason is not None:
            reason[out] = 0
    return status, reason


def _numeric(column: object) -> bool:
    data = _magnitudes(column)
    if hasattr(data, "dtype"):
        return bool(data.dtype.kind in "fiu")
    return all(
        v is None or (isinstance(v, int | float | Fraction | Decimal) and not isinstance(v, bool))
        for v in data
    )


def _numbers(
    np: Any, plan: Plan, n: int, column: object, cid: Any, kernels: list[Kernel], no_data: Any
) -> tuple[Any, Any]:
    """Compare a numeric column as floats; values close to a threshold are decided exactly.

    The reason column is None when no value can be undecided (the common
    case): the combinations then need no reasons either.
    """
    indicator = plan.indicators[n]
    target = indicator.unit or "dimensionless"
    data, unit = _magnitudes(column), _unit(column)
    factor = exact_factor(unit, target) if unit is not None else Fraction(1)
    if hasattr(data, "dtype"):
        x = data.astype(np.float64, copy=False)
    else:
        x = np.array([np.nan if v is None else float(v) for v in data], dtype=np.float64)
    if factor != 1:
        x = x * float(factor)
    rounded = _rounded(data)
    low, high, undecided, band = _thresholds(np, kernels, factor, rounded)
    kinds = {k[0] for k in kernels}
    edges = _domain_edges(np, indicator, factor, rounded)
    reason = None
    if (undecided == MET).all():
        status, finite, suspect = _compare(np, x, low, high, cid, kinds, edges, codes=True)
    else:
        fails, finite, suspect = _compare(np, x, low, high, cid, kinds, edges, codes=False)
        status = np.empty(len(x), dtype=np.int8)
        status[:] = undecided[0] if len(undecided) == 1 else np.take(undecided, cid)
        status[fails] = NOT_MET
        reason = (status == UNKNOWN).astype(np.int8) * np.int8(UNSPECIFIED)
    if suspect:  # a value at or beyond a bound of the domain: checked exactly
        _check_domain(np, indicator, data, unit, x, factor, rounded)
    if band is not None:
        reason = _near(np, indicator, data, unit, x, cid, kernels, band, status, reason)
    if not finite:
        if np.isinf(x).any():
            row = int(np.flatnonzero(np.isinf(x))[0])
            raise ObservationError(
                indicator.code, f"row {row}: not a finite number", expected="a finite number"
            )
        missing = np.isnan(x)
        status[missing] = UNKNOWN
        reason = np.zeros(len(x), dtype=np.int8) if reason is None else reason
        reason[missing] = no_data[cid[missing]]
    return status, reason


# Rows per chunk when comparing with thresholds gathered per row: the gathered
# thresholds stay in the processor's cache instead of a fresh array per column.
_CHUNK = 1 << 16


def _domain_edges(np: Any, indicator: Any, factor: Fraction, rounded: bool) -> tuple[float, float]:
    """Floats at or beyond which a value may be outside the domain: (at most, at least)."""
    domain = indicator.value_domain
    edges = []
    for bound, away in ((domain.low, -np.inf), (domain.high, np.inf)):
        if bound is None:
            edges.append(away)
            continue
        edge = float(bound)
        if factor != 1 or rounded or Fraction(repr(edge)) != bound:
            width = np.spacing(abs(edge)) * (1 if factor == 1 else 4)
            edges.append(edge + width if away < 0 else edge - width)
        else:  # strictly beyond a bound that is its float's shortest decimal
            edges.append(float(np.nextafter(edge, away)))
    return edges[0], edges[1]


def _compare(
    np: Any,
    x: Any,
    low: Any,
    high: Any,
    cid: Any,
    kinds: set[int],
    edges: tuple[float, float],
    codes: bool,
) -> tuple[Any, bool, bool]:
    """Rows below ``low`` or above ``high`` of their context (False for NaN); all finite; any suspect.

    With ``codes``, the rows come as status codes instead: NOT_MET when
    failed, MET otherwise.  A row is suspect when it reaches an edge of the
    domain (see :func:`_domain_edges`).  Chunks keep the gathered thresholds
    and the booleans in the processor's cache.
    """
    if kinds == {GE}:
        checks = [(np.less, low)]
    elif kinds == {LE}:
        checks = [(np.greater, high)]
    else:
        checks = [(np.less, low), (np.greater, high)]
    out = np.empty(len(x), dtype=np.int8 if codes else bool)
    failed = np.empty(min(_CHUNK, len(x)), dtype=bool)
    extra = np.empty(min(_CHUNK, len(x)), dtype=bool)
    finite = True
    suspect = False
    for start in range(0, len(x), _CHUNK):
        part = slice(start, start + _CHUNK)
        values, size = x[part], len(x[part])
        for number, (compare, bound) in enumerate(checks):
            # One context (one region, say) compares with a scalar: no gather.
            limit = bound[0] if len(bound) == 1 else np.take(bound, cid[part])
            compare(values, limit, out=failed[:size] if number == 0 else extra[:size])
            if number:
                failed[:size] |= extra[:size]
        if codes:  # failed: 3 (NOT_MET), else 1 (MET), by arithmetic on the booleans
            np.left_shift(failed[:size].view(np.int8), 1, out=out[part])
            out[part] += MET
        else:
            out[part] = failed[:size]
        if not size:
            continue
        # The extremes tell both at once: finite ones mean every value is (NaN and ±inf
        # propagate); then a value at or beyond an edge of the domain is a suspect.
        lowest, highest = values.min(), values.max()
        if np.isfinite(lowest) and np.isfinite(highest):
            suspect = suspect or bool(lowest <= edges[0] or highest >= edges[1])
            continue
        finite = finite and bool(np.isfinite(values).all())
        if not suspect:  # NaN-ignoring extremes: no data is no suspect
            suspect = bool(np.fmin.reduce(values) <= edges[0] or np.fmax.reduce(values) >= edges[1])
    return out, finite, suspect


def _near(
    np: Any,
    indicator: Any,
    data: Any,
    unit: str | None,
    x: Any,
    cid: Any,
    kernels: list[Kernel],
    band: Any,
    status: Any,
    reason: Any,
) -> Any:
    """Decide again, exactly, the values within the bands around the thresholds."""
    near = np.zeros(len(x), dtype=bool)
    for edge_low, edge_high in band:
        near |= (x >= np.take(edge_low, cid)) & (x <= np.take(edge_high, cid))
    rows = np.flatnonzero(near)
    if len(rows) and reason is None:
        reason = np.zeros(len(x), dtype=np.int8)
    for row in rows:
        status[row], reason[row] = decide(kernels[cid[row]], _exact(indicator, data[row], unit))
    return reason


def _exact(indicator: Any, element: Any, unit: str | None) -> Fraction:
    """One value of a column, exact in the indicator's unit, as the object path reads it."""
    element = element.item() if hasattr(element, "item") else element
    target = indicator.unit or "dimensionless"
    return to_exact(Q_(element, unit) if unit else element, target, indicator=indicator.code)


def _outside(indicator: Any, row: int, value: Fraction) -> ObservationError:
    unit = indicator.unit or ""
    return ObservationError(
        indicator.code,
        f"row {row}: {float(value):g} {unit} is outside the values the indicator can take",
        expected=f"a value {indicator.value_domain.describe()} {unit}".rstrip(),
    )


def _check_domain(
    np: Any, indicator: Any, data: Any, unit: str | None, x: Any, factor: Fraction, rounded: bool
) -> None:
    """Refuse, as the object path does, a value outside the indicator's domain (120 %).

    Floats beyond a bound are confirmed on the exact value; values within a
    few ulps of a bound are checked exactly when floats may mislead there.
    """
    domain = indicator.value_domain
    for bound, outside in ((domain.low, np.less), (domain.high, np.greater)):
        if bound is None:
            continue
        edge = float(bound)
        suspects = outside(x, edge)
        if factor != 1 or rounded or Fraction(repr(edge)) != bound:
            width = np.spacing(abs(edge)) * (1 if factor == 1 else 4)
            suspects |= (x >= edge - width) & (x <= edge + width)
        if not suspects.any():  # the usual case: one comparison and one scan
            continue
        for row in np.flatnonzero(suspects):
            if not np.isfinite(x[row]):
                continue  # refused later, as not finite
            value = _exact(indicator, data[row], unit)
            if not domain.contains(value):
                raise _outside(indicator, row, value)


def _rounded(data: Any) -> bool:
    """True when a value's float64 is not the value (a big integer, a Fraction, a Decimal).

    A float is the decimal it prints as, on both paths; other numbers round
    when made floats, so equality at a threshold needs the exact value.
    """
    limit = 2**53  # integers up to here are floats exactly
    if hasattr(data, "dtype"):
        if data.dtype.kind not in "iu" or not len(data):
            return False
        return int(data.max()) > limit or int(data.min()) < -limit
    return not all(
        v is None or isinstance(v, float) or (isinstance(v, int) and -limit <= v <= limit)
        for v in data
    )


def _thresholds(
    np: Any, kernels: list[Kernel], factor: Fraction, rounded: bool
) -> tuple[Any, Any, Any, Any]:
    """Per context: float bounds (NaN: none), the status when no bound fails, and the near bands.

    A value fails when it is below ``low`` or above ``high``; at least k
    (≥ t) has no ``high``, at most (≤ t) no ``low``.  A band is the interval
    around a bound where floats may not order as exact values do; a bound
    that is the shortest decimal of its float needs none when the values are
    floats in the indicator's unit (a float value equal to it is exactly
    equal).  ``rounded`` values (see :func:`_rounded`) always need one.
    """
    nan = float("nan")
    lows, highs, undecided, wide = [], [], [], []
    for kind, low, high, _ in kernels:
        low_f = float(low) if low is not None and kind != LE else nan
        high_f = float(high) if high is not None and kind != GE else nan
        lows.append(low_f)
        highs.append(high_f)
        open_between = kind == BETWEEN and (low is None or high is None)
        undecided.append(UNKNOWN if kind == UNSPEC or open_between else MET)
        bounds = [b for b in (low, high) if b is not None]
        short = all(Fraction(repr(float(b))) == b for b in bounds)
        wide.append(factor != 1 or rounded or not short)
    low_a = np.array(lows, dtype=np.float64)
    high_a = np.array(highs, dtype=np.float64)
    status = np.array(undecided, dtype=np.int8)
    if not any(wide):
        return low_a, high_a, status, None
    ulps = 1 if factor == 1 else 4
    bands = []
    for bound in (low_a, high_a):
        width = np.where(wide, np.spacing(np.abs(np.nan_to_num(bound))) * ulps, -np.inf)
        bands.append((bound - width, bound + width))  # empty (or NaN) where not wide
    return low_a, high_a, status, bands


def _one_by_one(
    np: Any, plan: Plan, n: int, column: Any, cid: Any, kernels: list[Kernel], no_data: Any
) -> tuple[Any, Any]:
    """Pass/fail, grades and combined requirements: each value decided exactly."""
    data, unit = _magnitudes(column), _unit(column)
    if hasattr(data, "dtype") and data.dtype.kind == "b" and {k[0] for k in kernels} == {ACHIEVED}:
        return np.where(data, np.int8(MET), np.int8(NOT_MET)), np.zeros(len(cid), dtype=np.int8)
    indicator, kind = plan.indicators[n], plan.kinds[n]
    status = np.full(len(cid), UNKNOWN, dtype=np.int8)
    reason = no_data[cid]
    for row, value in enumerate(data):
        item = value.item() if hasattr(value, "item") else value
        if item is None or (isinstance(item, float) and item != item):  # None or NaN: no data
            continue
        status[row], reason[row] = decide(
            kernels[cid[row]], _actual(indicator, kind, item, unit, row)
        )
    return status, reason


def _actual(indicator: Any, kind: str, value: object, unit: str | None, row: int) -> Any:
    if isinstance(value, bool):
        if kind in ("bool", "any"):
            return value
    elif isinstance(value, str):
        if kind in ("grade", "any"):
            return value
    elif kind not in ("bool", "grade"):
        exact = _exact(indicator, value, unit)
        domain = indicator.value_domain
        if not domain.contains(exact):
            raise _outside(indicator, row, exact)
        return exact
    raise ObservationError(
        indicator.code, f"row {row}: got {value!r}", expected=f"a value of kind {kind}"
    )


def _run(np: Any, program: Program, statuses: list[Any], reasons: list[Any]) -> tuple[Any, Any]:
    """A compiled rule over columns: "all of" is a maximum, the others count.

    A reason column of None means that no row is undecided.
    """
    if isinstance(program, int):
        return statuses[program], reasons[program]
    kind, k, items = program
    parts = [_run(np, item, statuses, reasons) for item in items]
    columns = [p[0] for p in parts]
    if kind == ALL_OF:
        status = functools.reduce(np.maximum, columns)
    else:
        met = sum((c == MET).astype(np.int16) for c in columns)
        unknown = sum((c == UNKNOWN).astype(np.int16) for c in columns)
        listed = functools.reduce(np.logical_or, [c != NOT_APPLICABLE for c in columns])
        enough = met > 0 if kind == ANY_OF else met >= k
        maybe = unknown > 0 if kind == ANY_OF else met + unknown >= k
        status = np.where(enough, MET, np.where(maybe, UNKNOWN, NOT_MET))
        status = np.where(listed, status, NOT_APPLICABLE).astype(np.int8)
    if all(r is None for _, r in parts):
        return status, None
    mask = functools.reduce(
        np.bitwise_or,
        [np.where(c == UNKNOWN, r, 0) for c, r in parts if r is not None],
    )
    single = np.where((mask == NO_DATA) | (mask == UNSPECIFIED), mask, DEPENDS)
    return status, np.where(status == UNKNOWN, single, 0).astype(np.int8)
