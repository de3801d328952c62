"""A province's quarterly report from CSV files, as a steering-committee office writes it.

Reads the ILLUSTRATIVE files in ``examples/data`` (see its README): a gazetteer,
one quarter's observations, the recognition decisions and the roadmap.  For
every commune it decides the level held (standard or advanced) with a ladder
of two illustrative sets, then rolls the province up: levels against the plan,
the distribution of criteria met, communes at risk of losing a recognised
level, overdue roadmap items and the next reporting deadline.

Run: python examples/province_report.py [--lang en] [--markdown]
     python examples/province_report.py --observations my_observations.csv
"""

from __future__ import annotations

import argparse
import csv
import datetime
from pathlib import Path

from ntm_criteria import Gazetteer, Level, LocalityKind, demo, load_set
from ntm_criteria.io import read_observations
from ntm_criteria.levels import Ladder, Recognition, decide_level
from ntm_criteria.periods import RecurringDeadline
from ntm_criteria.progress import PlanItem, PlanTarget, Roadmap, roll_up
from ntm_criteria.report import criteria_sentence, rollup_report, scorecard

DATA = Path(__file__).resolve().parent / "data"
ON = datetime.date(2023, 9, 30)  # the end of the third quarter
PROVINCE = "99"

# The plan for 2021–2025 (illustrative): 9 communes at the standard level and
# 4 at the advanced level by the end of the period.
TARGETS = [
    PlanTarget(
        Level.STANDARD,
        count=9,
        by="31/12/2025",
        label_vi="kế hoạch giai đoạn",
        label_en="of the period plan",
    ),
    PlanTarget(Level.ADVANCED, count=4, by="31/12/2025"),
]

# "Báo cáo kết quả trước ngày 25 hằng tháng", and a quarterly report.
REPORTING = [
    RecurringDeadline.monthly(
        25, description_vi="Báo cáo kết quả thực hiện", description_en="Progress report"
    ),
    RecurringDeadline.quarterly(
        20, description_vi="Báo cáo quý", description_en="Quarterly report"
    ),
]


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", choices=("vi", "en"), default="vi")
    parser.add_argument("--markdown", action="store_true", help="write Markdown tables")
    parser.add_argument("--observations", type=Path, default=DATA / "province_observations.csv")
    args = parser.parse_args()
    lang, fmt = args.lang, "markdown" if args.markdown else "text"

    standard = demo.criterion_set()
    advanced = load_set(DATA / "commune_advanced.toml", parents=[standard])
    ladder = Ladder([standard, advanced])
    places = Gazetteer.load_csv(DATA / "province_communes.csv")
    places.validate()
    observations = read_observations(args.observations)
    recognitions = [
        Recognition.from_dict(row) for row in read_rows(DATA / "province_recognitions.csv")
    ]
    roadmap = Roadmap(
        [PlanItem.from_dict(row) for row in read_rows(DATA / "province_roadmap.csv")],
        reporting=REPORTING,
    )

    decisions = [
        decide_level(
            places.effective(c.code),
            observations.get(c.code, ()),
            on=ON,
            ladder=ladder,
            recognitions=recognitions,
        )
        for c in places.descendants(PROVINCE, kind=LocalityKind.COMMUNE)
    ]
    province = roll_up(decisions, bins=(5, 8))  # the illustrative set has 8 criteria

    print(
        "DỮ LIỆU MINH HỌA — không dùng để báo cáo chính thức.\n"
        if lang == "vi"
        else "ILLUSTRATIVE DATA — not for official reporting.\n"
    )
    name = places.get(PROVINCE).label(lang)
    title = (
        f"Báo cáo tiến độ xây dựng nông thôn mới quý III/2023 — {name}"
        if lang == "vi"
        else f"New rural development, Q3 2023 — {name}"
    )
    print(
        rollup_report(
            province, title=title, on=ON, targets=TARGETS, roadmap=roadmap, lang=lang, fmt=fmt
        )
    )
    below = [d for d in decisions if d.level is None]
    print()
    print(criteria_sentence(below, lang))
    # The commune furthest from the standard, in full.
    weakest = min(below, key=lambda d: d.steps[0].result.met_count)
    print()
    print(scorecard(weakest, lang, fmt=fmt))


if __name__ == "__main__":
    main()
