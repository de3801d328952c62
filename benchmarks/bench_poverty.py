"""Poverty at the speed of numpy, and at the scale of the whole country.

Rows, each with the minimum and median of repeats and its ratio to raw numpy
measured in the same run:

- raw numpy: the same classification written directly on the arrays (the
  lines of Decree 07/2021 by area, poor from 3 deprivations, NaN unknown);
- ``classify_columns`` with deprivation counts, and with 12 flag columns;
- a plain Python loop over the same values;
- ``HouseholdTable.classify`` on its numpy engine — the first call on a
  table, which makes its arrays, and again, when they are kept — and on its
  pure engine (fewer households: building the table of Python objects is the
  slow part it has).

Then the national run: a generated Parquet file (and a CSV) of households
read in chunks into figures per commune with ``national_rates``, in a fresh
interpreter, with its rows per second and peak memory (RSS, which includes
the interpreter and its libraries, about the figure of the small run).
``python benchmarks/bench_poverty.py [--quick] [--national N]``: both modes
classify 1,000,000 households; quick mode reads 200,000 households of 1,000
generated communes in the national run, the full mode ``--national`` rows
(default 27,000,000, the households of Vietnam) of 10,000, and repeats more.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from fractions import Fraction
from pathlib import Path

import attrs
import numpy as np
from bench_import import SRC, print_rows, repeat

from ntm_criteria.poverty import Area, HouseholdTable, classify_columns, default_standards

ON = "2023-06-15"
CODES = default_standards().get("nd-07-2021").indicator_codes


def households(n: int, seed: int = 13, localities: int = 10_000) -> dict[str, np.ndarray]:
    """Columns of ``n`` households: incomes around the lines, 2 % unknown, random flags."""
    rng = np.random.default_rng(seed)
    income = rng.lognormal(np.log(2_200_000), 0.6, n).round()
    income[rng.random(n) < 0.02] = np.nan
    urban = rng.random(n) < 0.35
    columns: dict[str, np.ndarray] = {
        "area": np.where(urban, "urban", "rural"),
        "members": rng.integers(1, 9, n),
        "income": income,
        "commune": np.char.add("X", (rng.integers(0, localities, n)).astype(str)),
    }
    for code in CODES:
        columns[code] = (rng.random(n) < 0.18).astype(np.int8)
    return columns


def raw_numpy(income: np.ndarray, area: np.ndarray, deprived: np.ndarray) -> np.ndarray:
    """The baseline: what a person writes by hand for one standard, on the same arrays."""
    line = np.where(area == "urban", 2_000_000.0, 1_500_000.0)
    status = np.where(income <= line, np.where(deprived >= 3, 0, 1), 2)
    return np.where(np.isnan(income), 3, status).astype(np.int8)


def python_loop(income: list[float], area: list[str], deprived: list[int]) -> list[int]:
    found = []
    for money, where, d in zip(income, area, deprived, strict=True):
        if money != money:
            found.append(3)
        elif money > (2_000_000 if where == "urban" else 1_500_000):
            found.append(2)
        else:
            found.append(0 if d >= 3 else 1)
    return found


def _seconds(work: Callable[[], object]) -> Callable[[], float]:
    def timed() -> float:
        start = time.perf_counter()
        work()
        return time.perf_counter() - start

    return timed


def classification(n: int, table_n: int, times: int) -> None:
    data = households(n)
    income, area = data["income"], data["area"]
    flags = {c: data[c] for c in CODES}
    deprived = sum(f.astype(np.int16) for f in flags.values())
    expected = raw_numpy(income, area, deprived)
    by_counts = classify_columns(income, area, on=ON, deprived=deprived, unknown=0 * deprived)
    assert (by_counts == expected).all()
    assert (classify_columns(income, area, on=ON, deprivations=flags) == expected).all()
    as_lists = income.tolist(), area.tolist(), deprived.tolist()
    assert python_loop(*as_lists) == expected.tolist()

    base = repeat(_seconds(lambda: raw_numpy(income, area, deprived)), times)
    rows = [
        ("raw numpy (baseline)", base),
        (
            "classify_columns, deprivation counts",
            repeat(
                _seconds(
                    lambda: classify_columns(
                        income, area, on=ON, deprived=deprived, unknown=0 * deprived
                    )
                ),
                times,
            ),
        ),
        (
            "classify_columns, 12 flag columns",
            repeat(
                _seconds(lambda: classify_columns(income, area, on=ON, deprivations=flags)), times
            ),
        ),
        ("plain Python loop", repeat(_seconds(lambda: python_loop(*as_lists)), max(1, times // 3))),
    ]
    print(f"{n:,} households classified (Decree 07/2021, {ON})")
    print_rows([(label, low, mid, low / base[0]) for label, (low, mid) in rows], "raw numpy")

    table = _table(data, table_n)
    table.classify(on=ON, engine="numpy")  # its arrays made: "again" measures them kept
    small = {k: v[:table_n] for k, v in data.items()}
    small_base = repeat(
        _seconds(lambda: raw_numpy(small["income"], small["area"], deprived[:table_n])), times
    )
    engines = [
        ("raw numpy (baseline)", small_base),
        (
            "HouseholdTable.classify, numpy engine, first call",
            repeat(lambda: _first_call(table), max(1, times // 3)),
        ),
        (
            "HouseholdTable.classify, numpy engine, again",
            repeat(_seconds(lambda: table.classify(on=ON, engine="numpy")), max(1, times // 3)),
        ),
        (
            "HouseholdTable.classify, pure engine",
            repeat(_seconds(lambda: table.classify(on=ON, engine="python")), max(1, times // 3)),
        ),
    ]
    print(f"\n{table_n:,} households in a HouseholdTable (Python objects)")
    print_rows(
        [(label, low, mid, low / small_base[0]) for label, (low, mid) in engines], "raw numpy"
    )


def _first_call(table: HouseholdTable) -> float:
    """Seconds of the numpy engine on a copy of ``table`` not classified yet (arrays to make)."""
    fresh = attrs.evolve(table)
    start = time.perf_counter()
    fresh.classify(on=ON, engine="numpy")
    return time.perf_counter() - start


def _table(data: dict[str, np.ndarray], n: int) -> HouseholdTable:
    incomes = data["income"][:n].tolist()
    return HouseholdTable(
        ids=[f"H{i}" for i in range(n)],
        areas=[Area(a) for a in data["area"][:n].tolist()],
        members=data["members"][:n].tolist(),
        incomes=[None if v != v else Fraction(int(v)) for v in incomes],
        deprivations={c: [bool(v) for v in data[c][:n].tolist()] for c in CODES},
    )


# -- the national run ------------------------------------------------------------


def write_files(
    folder: Path, n: int, localities: int = 10_000, chunk: int = 1_000_000
) -> tuple[Path, Path]:
    """A Parquet and a CSV file of ``n`` generated households, written chunk by chunk.

    The commune codes are generated (``localities`` of them), not an official list.
    """
    import pyarrow as pa
    import pyarrow.csv as pcsv
    import pyarrow.parquet as pq

    parquet, csv = folder / "households.parquet", folder / "households.csv"
    parquet_writer = csv_writer = None
    csv_rows = min(n, 2_000_000)  # CSV is slow to write: a smaller file of the same kind
    written = 0
    for start in range(0, n, chunk):
        size = min(chunk, n - start)
        table = pa.table(households(size, seed=start, localities=localities))
        if parquet_writer is None:
            parquet_writer = pq.ParquetWriter(parquet, table.schema)
        parquet_writer.write_table(table)
        if written < csv_rows:
            part = table.slice(0, csv_rows - written)
            if csv_writer is None:
                csv_writer = pcsv.CSVWriter(csv, part.schema)
            csv_writer.write_table(part)
            written += part.num_rows
    for writer in (parquet_writer, csv_writer):
        if writer is not None:
            writer.close()
    return parquet, csv


_NATIONAL = """
import json, resource, sys, time
from ntm_criteria.poverty import national_rates
import pyarrow, numpy
from ntm_criteria.poverty import default_standards
default_standards()  # the standards file is read once, not per household
def rss_kib():
    with open("/proc/self/status") as status:
        return int(next(line for line in status if line.startswith("VmRSS")).split()[1])
before = rss_kib()  # memory in use before the run (the peak below is of the whole process)
start = time.perf_counter()
found = national_rates(sys.argv[1], on="2023-06-15", rows=int(sys.argv[2]))
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
rows = sum(r.households for r in found.values())
print(json.dumps({"seconds": seconds, "rows": rows, "groups": len(found),
                  "before_kib": before, "peak_kib": peak}))
"""


def national(path: Path, rows_per_chunk: int) -> dict[str, float]:
    env = {**os.environ, "PYTHONPATH": SRC + os.pathsep + os.environ.get("PYTHONPATH", "")}
    out = subprocess.run(
        [sys.executable, "-c", _NATIONAL, str(path), str(rows_per_chunk)],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def national_rows(n: int, times: int, localities: int = 10_000) -> None:
    with tempfile.TemporaryDirectory() as folder:
        start = time.perf_counter()
        parquet, csv = write_files(Path(folder), n, localities)
        made = time.perf_counter() - start
        sizes = ", ".join(
            f"{p.suffix[1:]} {p.stat().st_size / 2**20:,.0f} MiB" for p in (parquet, csv)
        )
        print(f"\nnational run: {n:,} generated households ({sizes}; written in {made:.0f} s)")
        print(
            f"{'file, rows per chunk':<40} {'min s':>8} {'median s':>9} "
            f"{'rows/s':>12} {'communes':>9} {'RSS MiB before → peak':>24}"
        )
        for path, chunk in ((parquet, 500_000), (parquet, 100_000), (csv, 500_000)):
            runs = [national(path, chunk) for _ in range(times)]
            seconds = sorted(r["seconds"] for r in runs)
            median = seconds[len(seconds) // 2]
            last = runs[-1]
            print(
                f"{path.suffix[1:] + ', ' + format(chunk, ','):<40} {seconds[0]:8.2f} "
                f"{median:9.2f} {last['rows'] / seconds[0]:12,.0f} {last['groups']:9,} "
                f"{last['before_kib'] / 1024:11.0f} → {last['peak_kib'] / 1024:8.0f}"
            )
        traced_memory(parquet, 100_000, 20)


def traced_memory(path: Path, rows_per_chunk: int, chunks: int) -> None:
    """Python and numpy memory (tracemalloc) over ``chunks`` chunks: flat when memory is bounded."""
    import itertools
    import tracemalloc

    from ntm_criteria.poverty import read_household_chunks, tally_columns

    between: list[int] = []

    def watched(source: Iterator[dict[str, object]]) -> Iterator[dict[str, object]]:
        for chunk in source:
            between.append(tracemalloc.get_traced_memory()[0])
            yield chunk

    tracemalloc.start()
    source = itertools.islice(read_household_chunks(path, rows=rows_per_chunk), chunks)
    tally_columns(watched(source), on=ON)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    print(
        f"traced memory (Python and numpy) over {len(between)} chunks of {rows_per_chunk:,}: "
        f"between chunks {min(between) / 2**20:.1f}–{max(between) / 2**20:.1f} MiB, "
        f"peak {peak / 2**20:.0f} MiB"
    )


def run(quick: bool, national_n: int | None = None) -> None:
    """The classification rows, then the national run (200,000 rows in quick mode)."""
    if quick:
        classification(1_000_000, 20_000, 3)
        national_rows(200_000, 1, localities=1_000)
    else:
        classification(1_000_000, 200_000, 9)
        national_rows(national_n or 27_000_000, 2)


if __name__ == "__main__":
    count = None
    if "--national" in sys.argv:
        count = int(sys.argv[sys.argv.index("--national") + 1])
    run("--quick" in sys.argv, count)
