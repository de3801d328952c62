"""A provincial overlay of the national set: load it, check it, assess with it.

``binh_phuoc_overlay.toml`` extends the built-in national 2021–2025 commune
set (318/QĐ-TTg) the way a province does: it fills a threshold the national
data leaves unspecified (income, from Bình Phước's Decision 1360/QĐ-UBND) and
sets another (poverty — an ILLUSTRATIVE value).  The checker warns when an
overlay is less demanding than its parent and lists the national indicators
still unspecified after it.
Run: python examples/provincial_overlay.py
"""

from __future__ import annotations

import datetime
import warnings
from pathlib import Path

from ntm_criteria import Q_, Locality, Observation, assess, catalog, load_set


def main() -> None:
    national = catalog.get("vn-ntm-commune-standard-2021-2025")
    overlay = load_set(Path(__file__).with_name("binh_phuoc_overlay.toml"))
    with warnings.catch_warnings():
        warnings.simplefilter("error", catalog.LooserThresholdWarning)
        report = catalog.check_overlay(overlay, national)
    print(report.summary())
    print()

    on = datetime.date(2022, 9, 30)
    observations = [
        Observation("10", Q_(40.5, "million_VND / person / year")),
        Observation("11", Q_(3.2, "percent")),
    ]
    for commune in (
        Locality("25001", "Xã Minh Họa A", "commune", region="DNB", tags={"extremely_difficult"}),
        Locality("25002", "Xã Minh Họa B", "commune", region="DNB"),
    ):
        result = assess(commune, overlay, observations, on=on)
        print(result.headline())
        for number in (10, 11):
            print("  " + result.criterion(number).summary())

    # A loosened threshold is caught: lower the poverty ceiling the other way round.
    looser = catalog.loads_set(
        """
        id = "example-looser"
        extends = "vn-ntm-commune-standard-2021-2025"
        [indicators."3.1"]
        requirement = { at_least = 70 }
        """
    )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        catalog.check_overlay(looser, national)
    print()
    print(f"warning: {caught[0].message}")


if __name__ == "__main__":
    main()
