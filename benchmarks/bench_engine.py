"""The compiled plan: the object path and the columnar path against baselines measured in the same run.

Rows (minimum and median of repeats, and the ratio to the baseline of the row):

- one commune on the full built-in 2021–2025 ladder (standard, advanced,
  model) with ``decide_level``, against the pure evaluation the library used
  before the plan (resolve every threshold, ``rules.evaluate``, combine
  ``Status`` values);
- a batch of communes on the full ladder: the pure evaluation (the
  baseline), the object path (``decide_level`` per commune) and the columnar
  path (``evaluate_columns`` per set, against the object path), which must
  give the same levels;
- a million records of ``a >= t[region] and b <= u[region]`` with dated
  thresholds, columnar path against raw numpy and a plain Python loop;
- the object path keeping every decision, with the garbage collector off
  and on (the time it costs);
- memory per indicator outcome (tracemalloc): outcome objects once read,
  results not read yet, and the columnar path.

``python benchmarks/bench_engine.py`` (``--quick`` for the CI smoke run).
Nothing here asserts a time; the machine may be shared, so compare ratios.
"""

from __future__ import annotations

import argparse
import datetime
import gc
import random
import sys
import tracemalloc
from collections.abc import Callable

import numpy as np
from timing import min_median

from ntm_criteria import Q_, Locality, Observation
from ntm_criteria.analysis import Ladder, decide_level
from ntm_criteria.criteria import Criterion, CriterionSet, Indicator
from ntm_criteria.engine import MET, compile_set, evaluate_columns
from ntm_criteria.periods import Period
from ntm_criteria.rules import (
    AtLeast,
    AtMost,
    ByDate,
    ByRegion,
    Fixed,
    Status,
    Unspecified,
    combine,
    evaluate,
    fold,
    resolve_requirement,
)

REGIONS = ("TDMNPB", "DBSH", "BTB", "DHNTB", "TN", "DNB", "DBSCL")
ON = datetime.date(2024, 6, 30)


def row(
    label: str, seconds: tuple[float, float], per: int, baseline: float | None, unit: str
) -> None:
    scale = {"µs": 1e6, "ms": 1e3, "s": 1}[unit]
    low, mid = (s / per * scale for s in seconds)
    ratio = f"{seconds[0] / baseline:8.2f}×" if baseline else "   (base)"
    print(f"  {label:<58} min {low:10.3f} {unit}  median {mid:10.3f} {unit}  {ratio}")


# -- the built-in ladder ------------------------------------------------------------------


def ladder_batch(n: int, seed: int = 11) -> tuple[Ladder, list[Locality], dict[str, list[object]]]:
    """Communes and, per indicator code, one value each (None: no data) in the indicator's unit."""
    rng = random.Random(seed)
    first = Locality("00000", "Xã 0", "commune", region="TDMNPB")
    ladder = Ladder.built_in(first, on=ON)
    kinds: dict[str, tuple[str, str | None]] = {}
    units: dict[str, set[str]] = {}
    for s in ladder.sets:
        for i in s.indicators():
            units.setdefault(i.code, set()).add(i.unit or "dimensionless")
            if i.code not in kinds or kinds[i.code][0] == "any":
                kinds[i.code] = (i.value_kind, i.unit)
    places = [
        Locality(
            f"{k:05d}",
            f"Xã {k}",
            "commune",
            region=rng.choice(REGIONS),
            tags={"extremely_difficult"} if rng.random() < 0.1 else set(),
        )
        for k in range(n)
    ]
    columns: dict[str, list[object]] = {}
    for code, (kind, unit) in kinds.items():
        if len(units[code]) > 1:
            continue  # one code, two meanings in two sets of the ladder: leave it without data
        columns[code] = [_value(rng, kind, unit) for _ in range(n)]
    return ladder, places, columns


def _value(rng: random.Random, kind: str, unit: str | None) -> object:
    if rng.random() < 0.1:
        return None
    if kind in ("bool", "any"):
        return rng.random() < 0.85
    if unit == "percent":
        return float(rng.randint(500, 1000)) / 10
    if unit and "VND" in unit:
        return float(rng.randint(300, 900)) / 10  # million VND a year
    return rng.randint(0, 3)


def _observations(
    places: list[Locality], columns: dict[str, list[object]], ladder: Ladder
) -> list[list[Observation]]:
    units = {i.code: i.unit for s in ladder.sets for i in s.indicators()}
    out = []
    for k in range(len(places)):
        obs = []
        for code, values in columns.items():
            value = values[k]
            if value is None:
                continue
            unit = units[code]
            if unit and "VND" in unit and not isinstance(value, bool):
                value = Q_(value, unit)
            obs.append(Observation(code, value))
        out.append(obs)
    return out


def pure_assess(
    place: Locality, criterion_set: CriterionSet, observed: dict[str, object]
) -> Status:
    """What ``assess`` did before the plan: resolve, evaluate with Fractions, combine enums."""
    from ntm_criteria.assessment._observation import observed_value

    context = criterion_set.context_for(place, ON)
    statuses = {}
    for indicator in criterion_set.indicators():
        required = resolve_requirement(indicator.requirement, context)
        value = observed.get(indicator.code)
        if value is None:
            statuses[indicator.code] = Status.UNKNOWN
        else:
            statuses[indicator.code] = evaluate(required, observed_value(indicator, value)).status

    def node(rule: object, children: tuple[Status, ...]) -> Status:
        return combine(rule, children)  # type: ignore[arg-type]

    criteria = {
        str(c.number): fold(rule, lambda ref: statuses[ref.code], node)  # type: ignore[arg-type, union-attr]
        for c, rule in zip(criterion_set.criteria, criterion_set.criterion_rules, strict=True)
    }
    return fold(criterion_set.effective_rule, lambda ref: criteria[ref.code], node)  # type: ignore[arg-type, union-attr, return-value]


def bench_ladder(quick: bool) -> None:
    n = 300 if quick else 10_000
    times = 3 if quick else 5
    ladder, places, columns = ladder_batch(n)
    observations = _observations(places, columns, ladder)
    print(
        f"the full built-in 2021–2025 ladder ({len(ladder)} sets, "
        f"{sum(1 for s in ladder.sets for _ in s.indicators())} indicators), {n:,} communes"
    )

    def one_object() -> None:
        for place, obs in zip(places[:200], observations, strict=False):
            decide_level(place, obs, on=ON, ladder=ladder)

    def one_pure() -> None:
        for place, obs in zip(places[:200], observations, strict=False):
            by_code = {o.indicator_code: o.value for o in obs}
            for s in ladder.sets:
                pure_assess(place, s, by_code)

    per = min(200, n)
    base = min_median(one_pure, times)
    row("one commune, pure evaluation (before the plan)", base, per, None, "ms")
    row(
        "one commune, decide_level (object path)", min_median(one_object, times), per, base[0], "ms"
    )

    levels_object: list[object] = []

    def batch_object() -> None:
        levels_object[:] = [
            decide_level(p, o, on=ON, ladder=ladder).level
            for p, o in zip(places, observations, strict=True)
        ]

    plans = [compile_set(s, on=ON) for s in ladder.sets]
    regions = [p.region for p in places]
    tags = [p.tags for p in places]
    levels_columns: list[object] = []

    def batch_columns() -> None:
        held = np.ones(n, dtype=bool)
        level = np.zeros(n, dtype=np.int8)
        for number, plan in enumerate(plans, start=1):
            values = {c: columns[c] for c in plan.codes if c in columns}
            cols = evaluate_columns(plan, values, region=regions, tags=tags)
            held &= cols.status == MET
            level[held] = number
        levels_columns[:] = level.tolist()

    def batch_pure() -> None:
        for place, obs in zip(places, observations, strict=True):
            by_code = {o.indicator_code: o.value for o in obs}
            for s in ladder.sets:
                pure_assess(place, s, by_code)

    pure = min_median(batch_pure, max(1, times - 3))
    row(f"{n:,} communes, pure evaluation (before the plan)", pure, 1, None, "s")
    obj = min_median(batch_object, max(1, times - 2))
    row(f"{n:,} communes, object path (decide_level)", obj, 1, pure[0], "s")

    def batch_kept() -> None:  # every decision held, as a province's report holds them
        kept = [
            decide_level(p, o, on=ON, ladder=ladder)
            for p, o in zip(places, observations, strict=True)
        ]
        del kept

    with_gc = min_median(batch_kept, max(1, times - 2))
    gc.disable()
    try:
        without_gc = min_median(batch_kept, max(1, times - 2))
    finally:
        gc.enable()
    row(f"{n:,} communes, decisions kept, garbage collector off", without_gc, 1, None, "s")
    row(f"{n:,} communes, decisions kept, garbage collector on", with_gc, 1, without_gc[0], "s")
    row(
        f"{n:,} communes, columnar path (× the object path)",
        min_median(batch_columns, times),
        1,
        obj[0],
        "s",
    )
    same = [0 if v is None else int(v) for v in levels_object] == levels_columns
    print(f"  levels of both paths identical: {same}")


# -- a million records ----------------------------------------------------------------------


def two_rule_set() -> tuple[CriterionSet, np.ndarray, np.ndarray]:
    rng = random.Random(5)
    t = {year: [float(rng.randint(30, 60)) for _ in REGIONS] for year in (2023, 2024)}
    u = {year: [float(rng.randint(2, 9)) for _ in REGIONS] for year in (2023, 2024)}

    def dated(table: dict[int, list[float]]) -> ByDate:
        return ByDate(
            tuple(
                (
                    Period.year(year),
                    ByRegion(
                        {r: Fixed(v) for r, v in zip(REGIONS, values, strict=True)},
                        default=Unspecified(),
                    ),
                )
                for year, values in table.items()
            )
        )

    a = Indicator("a", "a", "a", AtLeast(dated(t)), unit="dimensionless")
    b = Indicator("b", "b", "b", AtMost(dated(u)), unit="dimensionless")
    built = CriterionSet(
        "bench",
        "bench",
        "bench",
        "commune",
        None,
        datetime.date(2020, 1, 1),
        None,
        "illustrative",
        [Criterion(1, "c", "c", [a, b])],
    )
    return built, np.array(t[ON.year]), np.array(u[ON.year])


def bench_records(quick: bool) -> None:
    n = 100_000 if quick else 1_000_000
    times = 3 if quick else 7
    built, t, u = two_rule_set()
    gen = np.random.default_rng(3)
    a = np.round(gen.uniform(20, 70, n), 2)
    b = np.round(gen.uniform(0, 12, n), 2)
    region = gen.integers(0, len(REGIONS), n)
    print(f"{n:,} records, a >= t[region] and b <= u[region], thresholds by date and region")
    plan = compile_set(built, on=ON)
    out: dict[str, np.ndarray] = {}

    def raw() -> None:
        out["raw"] = (a >= t[region]) & (b <= u[region])

    def columnar() -> None:
        out["cols"] = evaluate_columns(plan, {"a": a, "b": b}, region=(region, REGIONS)).status

    a_list, b_list, r_list = a.tolist(), b.tolist(), region.tolist()
    t_list, u_list = t.tolist(), u.tolist()

    def loop() -> None:
        out["loop"] = [
            x >= t_list[r] and y <= u_list[r]
            for x, y, r in zip(a_list, b_list, r_list, strict=True)
        ]  # type: ignore[assignment]

    base = min_median(raw, times)
    row("raw numpy", base, n, None, "µs")
    row(
        "columnar path (statuses of indicators, criterion, set)",
        min_median(columnar, times),
        n,
        base[0],
        "µs",
    )
    row("plain Python loop", min_median(loop, max(1, times - 2)), n, base[0], "µs")
    print(f"  columnar path equals raw numpy: {bool(((out['cols'] == MET) == out['raw']).all())}")


# -- memory per indicator outcome -------------------------------------------------------------


def bench_memory(quick: bool) -> None:
    n = 200 if quick else 2_000
    ladder, places, columns = ladder_batch(n, seed=2)
    observations = _observations(places, columns, ladder)
    indicators = n * sum(1 for s in ladder.sets for _ in s.indicators())
    print(f"memory per indicator outcome ({indicators:,} outcomes)")

    def measure(work: Callable[[], object]) -> float:
        tracemalloc.start()
        kept = work()
        current, _ = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        del kept
        return current / indicators

    def unread() -> object:
        return [
            decide_level(p, o, on=ON, ladder=ladder)
            for p, o in zip(places, observations, strict=True)
        ]

    def read() -> object:
        kept = unread()
        for d in kept:  # type: ignore[attr-defined]
            for step in d.steps:
                step.result.indicators()
        return kept

    plans = [compile_set(s, on=ON) for s in ladder.sets]
    regions = [p.region for p in places]

    def columnar() -> object:
        return [
            evaluate_columns(p, {c: columns[c] for c in p.codes if c in columns}, region=regions)
            for p in plans
        ]

    for label, work in (
        ("object path, outcomes read", read),
        ("object path, not read", unread),
        ("columnar path", columnar),
    ):
        print(f"  {label:<58} {measure(work):10.1f} B")


def run(quick: bool) -> None:
    """Print every row (``quick``: small batches for CI)."""
    print("== engine: compiled plan, object and columnar paths ==")
    bench_ladder(quick)
    bench_records(quick)
    bench_memory(quick)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a small smoke run")
    run(parser.parse_args().quick)
    sys.exit(0)
