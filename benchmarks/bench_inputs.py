"""Input checks: what the domain check and the spreadsheet CSV dialect cost, in the same run.

- Reading a 10,000-row observations table saved as a spreadsheet in a
  comma-decimal locale would (BOM, ``;``, CRLF, ``86,5`` unquoted, ``86 %``
  cells) against the same table as plain comma CSV.
- Assessing a batch of communes whose observations carry their origin
  (as read from a file, so a domain error can name the row) against the same
  observations without it; and :func:`~ntm_criteria.assessment.assess` with
  every value checked against its indicator's domain against a baseline of
  exact unit conversion alone (:func:`~ntm_criteria.units.to_exact`, no kind,
  limit or domain check) of the same values.

Nothing is asserted.
"""

from __future__ import annotations

import random

import attrs
from timing import min_median

from ntm_criteria import Locality, demo
from ntm_criteria.assessment import assess
from ntm_criteria.io import reads_observations
from ntm_criteria.units import to_exact

ON = demo.ASSESSMENT_DATE
HEADER = ["locality", "indicator", "value", "unit", "as_of", "source"]


def _rows(n: int, seed: int = 5) -> list[list[str]]:
    rng = random.Random(seed)
    rows = []
    for i in range(n // 4 + 1):
        code = f"{i:05d}"
        rows.append([code, "3.1", f"{rng.randint(600, 999) // 10},{rng.randint(0, 9)}", "%"])
        rows.append([code, "4.1", f"{rng.randint(90, 100)} %", ""])
        rows.append([code, "10.1", f"{rng.randint(30, 60)},5", "triệu đồng/người/năm"])
        rows.append([code, "11.1", f"{rng.randint(0, 9)},{rng.randint(0, 9)}", "%"])
    return [[*row, "30/6/2023", ""] for row in rows[:n]]


def _comma(rows: list[list[str]]) -> str:
    def cell(text: str) -> str:
        return f'"{text}"' if "," in text else text

    return "\n".join(",".join(cell(c) for c in row) for row in [HEADER, *rows]) + "\n"


def _spreadsheet(rows: list[list[str]]) -> str:
    return "\ufeff" + "\r\n".join(";".join(row) for row in [HEADER, *rows]) + "\r\n"


def run(quick: bool) -> None:
    """Print the rows of this benchmark."""
    n, repeats = (2_000, 3) if quick else (10_000, 5)
    rows = _rows(n)
    comma, semicolon = _comma(rows), _spreadsheet(rows)
    assert reads_observations(comma) == reads_observations(semicolon)
    base_min, base_med = min_median(lambda: reads_observations(comma, file="q.csv"), repeats)
    lib_min, lib_med = min_median(lambda: reads_observations(semicolon, file="q.csv"), repeats)
    print(f"{n:,} observation rows, min / median of {repeats}")
    print(f"comma CSV (baseline):          {base_min:.3f} s / {base_med:.3f} s")
    print(f"spreadsheet CSV (';', BOM...): {lib_min:.3f} s / {lib_med:.3f} s")
    print(f"ratio spreadsheet / comma: {lib_min / base_min:.2f}x")
    _assess_rows(reads_observations(semicolon, file="q.csv"), repeats)


def _assess_rows(table: dict[str, tuple[object, ...]], repeats: int) -> None:
    criterion_set = demo.criterion_set()
    places = [Locality(code, f"Xã {code}", "commune", region="TDMNPB") for code in table]
    bare = {code: tuple(attrs.evolve(o, origin=None) for o in obs) for code, obs in table.items()}  # type: ignore[misc]

    def assess_all(observations: dict[str, tuple[object, ...]]) -> object:
        return [assess(p, criterion_set, observations[p.code], on=ON) for p in places]  # type: ignore[arg-type]

    units = {i.code: i.unit or "dimensionless" for i in criterion_set.indicators()}
    values = [(o.value, units[o.indicator_code]) for obs in table.values() for o in obs]  # type: ignore[attr-defined]

    floor_min, floor_med = min_median(lambda: [to_exact(v, u) for v, u in values], repeats)
    bare_min, _ = min_median(lambda: assess_all(bare), repeats)
    origin_min, origin_med = min_median(lambda: assess_all(table), repeats)
    print(f"\nassess {len(places):,} communes, {len(values):,} values, min / median of {repeats}")
    print(f"to_exact of every value alone (floor): {floor_min:.3f} s / {floor_med:.3f} s")
    print(f"assess, observations with origin:      {origin_min:.3f} s / {origin_med:.3f} s")
    print(f"ratio with origin / without:  {origin_min / bare_min:.2f}x")
    print(f"ratio assess / to_exact floor: {origin_min / floor_min:.1f}x")
