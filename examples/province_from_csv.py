"""Assess every commune of a province from CSV files, as a district office would.

Uses the ILLUSTRATIVE gazetteer and observation tables shipped in
``ntm_criteria/demo`` (copy them to start your own): one row per locality,
one row per observed value, Vietnamese number formats and "đạt/không đạt".
Run: python examples/province_from_csv.py
"""

from __future__ import annotations

from collections import Counter
from importlib import resources

from ntm_criteria import Gazetteer, LocalityKind, assess, demo
from ntm_criteria.io import read_observations
from ntm_criteria.report import results_table


def main() -> None:
    folder = resources.files("ntm_criteria.demo")
    with (
        resources.as_file(folder.joinpath("communes.csv")) as places_csv,
        resources.as_file(folder.joinpath("observations.csv")) as observations_csv,
    ):
        places = Gazetteer.load_csv(places_csv)
        observations = read_observations(observations_csv)
    places.validate()
    criterion_set = demo.criterion_set()
    province = "14"
    communes = places.descendants(province, kind=LocalityKind.COMMUNE)
    results = [
        assess(
            places.effective(c.code),
            criterion_set,
            observations.get(c.code, ()),
            on=demo.ASSESSMENT_DATE,
        )
        for c in communes
    ]
    print(f"Tỉnh {places.get(province).name_vi} — {len(results)} xã (dữ liệu minh họa)\n")
    print(results_table(results))
    met = Counter(r.status.label("vi") for r in results)
    print("\n" + ", ".join(f"{count} xã {label}" for label, count in met.items()))
    weakest = Counter(o.code for r in results for o in r.shortfalls())
    print(
        "Chỉ tiêu chưa đạt nhiều nhất: "
        + ", ".join(f"{code} ({n} xã)" for code, n in weakest.most_common(3))
    )


if __name__ == "__main__":
    main()
