"""Assess two villages against the ILLUSTRATIVE village set in ``village_set.toml``.

Village-level sets (thôn nông thôn mới, khu dân cư kiểu mẫu, vườn mẫu) are
issued by provinces; the set used here is made up to show the format and
the engine, and every result says so.
Run: python examples/village_assessment.py
"""

from __future__ import annotations

import datetime
from pathlib import Path

from ntm_criteria import Q_, Locality, Observation, assess, load_set

HERE = Path(__file__).parent
ON = datetime.date(2024, 12, 31)


def main() -> None:
    village_set = load_set(HERE / "village_set.toml")
    print(f"{village_set.title_vi} — {village_set.total} tiêu chí, phạm vi: ", end="")
    print(", ".join(kind.name_vi for kind in village_set.scope))
    print()

    # Two villages of an illustrative commune; codes and figures are made up.
    thon_dong = Locality("99001-01", "Thôn Đông", "village", parent="99001", region="BTB")
    ban_hip = Locality(
        "99002-03", "Bản Híp", "bản", parent="99002", region="TDMNPB", tags=["mountainous"]
    )
    observations = {
        thon_dong: [
            Observation("1.1", Q_(100, "percent")),
            Observation("1.2", Q_(76, "percent")),
            Observation("2.1", Q_(5.4, "million_VND / person / month")),  # 64.8 a year
            Observation("2.2", Q_(1.2, "percent")),
            Observation("3.1", 7),
            Observation("4.1", Q_(93, "percent")),
            Observation("4.2", True),
            Observation("5.1", Q_(85, "percent")),
            Observation("6.1", True),
        ],
        ban_hip: [
            Observation("1.1", Q_(82, "percent")),
            Observation("1.2", Q_(40, "percent")),
            Observation("2.1", Q_(51, "million_VND / person / year")),
            Observation("2.2", Q_(4.5, "percent")),
            Observation("3.1", 2),
            Observation("4.1", Q_(91, "percent")),
            Observation("4.2", True),
            Observation("6.1", True),
        ],
    }
    for village, values in observations.items():
        result = assess(village, village_set, values, on=ON)
        print(result.explain("vi"))
        print()
        print(result.explain("en"))
        print()
        print("-" * 72)


if __name__ == "__main__":
    main()
