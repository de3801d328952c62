"""Poverty figures per commune from a large household file, read in chunks.

The households are GENERATED at random (not survey data): 300,000 of them in
50 made-up communes, written to a Parquet file in a temporary folder. The
poverty lines and indicators are the national ones (Decree 07/2021/NĐ-CP).
``national_rates`` reads the file 100,000 rows at a time, so memory does not
grow with its size; ``classify_columns`` classifies columns already in memory.
Needs numpy and pyarrow: pip install "ntm_criteria[fast,parquet]".
Run: python examples/national_poverty.py
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from ntm_criteria.poverty import STATUS_CODES, classify_columns, default_standards, national_rates
from ntm_criteria.text import format_percent

# The 12 indicators of Decree 07/2021; a household's unknown ones can make it undetermined.
INDICATORS = default_standards().get("nd-07-2021").indicator_codes


def generated_households(n: int, seed: int = 1) -> dict[str, np.ndarray]:
    """GENERATED households: incomes around the lines, a few unknown, random deprivations."""
    rng = np.random.default_rng(seed)
    income = rng.lognormal(np.log(2_300_000), 0.5, n).round()
    income[rng.random(n) < 0.01] = np.nan  # income not known
    columns = {
        "commune": np.char.add("C", rng.integers(0, 50, n).astype(str)),
        "area": np.where(rng.random(n) < 0.3, "urban", "rural"),
        "members": rng.integers(1, 8, n),
        "income": income,
    }
    for code in INDICATORS:
        columns[code] = (rng.random(n) < 0.15).astype(np.int8)
    return columns


def main() -> None:
    households = generated_households(300_000)
    statuses = classify_columns(
        households["income"],
        households["area"],
        on="2024-06-30",
        deprivations={code: households[code] for code in INDICATORS},
    )
    counts = np.bincount(statuses, minlength=len(STATUS_CODES))
    for status, count in zip(STATUS_CODES, counts.tolist(), strict=True):
        print(f"{status.label('en'):<30} {count:>8,}")

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "households.parquet"
        pq.write_table(pa.table(households), path)
        figures = national_rates(path, on="2024-06-30", rows=100_000)
    print(f"\n{len(figures)} communes; the three with the highest share at or below the line:")
    ranked = sorted(figures.items(), key=lambda kv: kv[1].at_or_below_line.share, reverse=True)
    for commune, rates in ranked[:3]:
        share = format_percent(rates.at_or_below_line.share, "en")
        print(f"{commune}: {rates.households:,} households, {share} at or below the line")


if __name__ == "__main__":
    main()
