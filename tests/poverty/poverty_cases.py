"""Households and data shared by the tests of ntm_criteria.poverty (tests/poverty/)."""

from __future__ import annotations

import datetime
from fractions import Fraction
from pathlib import Path

from ntm_criteria.poverty import Household
from ntm_criteria.units import Q_

DATA = Path(__file__).parents[1] / "data" / "poverty"
REFERENCE = Path(__file__).parents[1] / "data" / "reference" / "urban_poverty_ocop.json"

CODES = (
    "employment",
    "dependants",
    "nutrition",
    "health_insurance",
    "adult_education",
    "school_attendance",
    "housing_quality",
    "floor_area",
    "water",
    "latrine",
    "telecom",
    "information_means",
)
MID_2023 = datetime.date(2023, 6, 15)


def monthly(amount: int | float | Fraction) -> Q_:
    return Q_(amount, "VND / person / month")


def household(
    income: object = 1_000_000,
    deprived: int | tuple[str, ...] = 0,
    *,
    area: str = "rural",
    known: bool = True,
    hid: str = "H01",
    **fields: object,
) -> Household:
    """A household deprived in the first ``deprived`` indicators, the others False (or unknown)."""
    chosen = CODES[:deprived] if isinstance(deprived, int) else deprived
    flags = {c: True if c in chosen else (False if known else None) for c in CODES}
    value = monthly(income) if isinstance(income, int | float | Fraction) else income
    return Household(hid, area, 4, value, flags, **fields)  # type: ignore[arg-type]


def commune_households() -> list[Household]:
    return [
        household(1_400_000, 3, hid="A1", commune="04036", extra={"village": "Bản Hụm"}),
        household(1_500_000, 1, hid="A2", commune="04036", extra={"village": "Bản Hụm"}),
        household(1_600_000, 12, hid="A3", commune="04036", extra={"village": "Bản Nà"}),
        household(1_000_000, ("water",), known=False, hid="A4", commune="04036"),
        household(2_000_000, 4, area="urban", hid="B1", commune="04039"),
        household(None, 0, area="urban", hid="B2", commune="04039"),
    ]


def engines() -> list[str]:
    return ["python", "numpy"]
