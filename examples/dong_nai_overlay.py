"""A real provincial set that adds indicators to a national criterion: Đồng Nai, criterion 17.

``dong_nai_criterion_17.toml`` extends the built-in national 2021–2025 commune
set and adds five indicators to its criterion 17 (values of 2024 and 2025 from
the provincial portal, medium certainty; the indicator codes are made up, the
source gives none).  The communes and their figures below are ILLUSTRATIVE.
Run: python examples/dong_nai_overlay.py
"""

from __future__ import annotations

import datetime
from pathlib import Path

from ntm_criteria import Q_, Locality, Observation, assess, catalog, load_set


def main() -> None:
    national = catalog.get("vn-ntm-commune-standard-2021-2025")
    dong_nai = load_set(Path(__file__).with_name("dong_nai_criterion_17.toml"))
    print(catalog.check_overlay(dong_nai, national).summary())
    print()
    print("criterion 17:", ", ".join(i.code for i in dong_nai.criterion(17).indicators))
    print()

    on = datetime.date(2025, 6, 30)
    figures = {"17.dn1": 86, "17.dn2": 46, "17.dn3": 100, "17.dn4": 100, "17.dn5": 100}
    communes = {
        "meets Đồng Nai's five": figures,
        "short on piped water": {**figures, "17.dn2": 41},
    }
    for number, (label, values) in enumerate(communes.items(), start=1):
        commune = Locality(f"2600{number}", f"Xã Minh Họa {number}", "commune", region="DNB")
        observations = [Observation(code, Q_(v, "percent")) for code, v in values.items()]
        result = assess(commune, dong_nai, observations, on=on)
        print(f"{commune.label()} ({label}):")
        print("  " + result.criterion(17).summary())
        print("  " + result.criterion(17).summary("en"))


if __name__ == "__main__":
    main()
