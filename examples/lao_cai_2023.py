"""Lào Cai, 2023: the province's headline from a recognitions file, through the ``ntm`` command alone.

The province reported "toàn tỉnh có 62/127 xã đạt chuẩn nông thôn mới, đạt 66%
kế hoạch; 05 xã đạt chuẩn nâng cao, đạt 11% kế hoạch" against plan targets of
94 and 45 communes.  This script runs ``ntm report`` on the CSV files in
``examples/data/lao_cai_2023`` (a gazetteer of 127 communes and the recognition
decisions; no observations) with those targets and the monthly report deadline
("trước ngày 25 hằng tháng"), prints the report and exits non-zero if the
headline differs.

The communes' names and codes and the decisions' numbers and dates are
ILLUSTRATIVE (see the README there): only the counts and the plan are the
province's.

Run: python examples/lao_cai_2023.py [--lang en] [--markdown]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import sys
from pathlib import Path

from ntm_criteria.cli import main as ntm

DATA = Path(__file__).resolve().parent / "data" / "lao_cai_2023"

HEADLINE = {
    "vi": "toàn tỉnh có 62/127 xã đạt chuẩn nông thôn mới, đạt 66% kế hoạch; "
    "05 xã đạt chuẩn nâng cao, đạt 11% kế hoạch",
    "en": "province-wide, 62/127 communes meet the new rural standard, 66% of plan; "
    "5 communes meet the advanced standard, 11% of plan",
}


def arguments(lang: str = "vi", markdown: bool = False) -> list[str]:
    """The ``ntm report`` command line for Lào Cai at the end of 2023."""
    return [
        "report",
        "--set", "vn-ntm-commune-standard-2021-2025",
        "--set", "vn-ntm-commune-advanced-2021-2025",
        "--localities", str(DATA / "communes.csv"),
        "--recognitions", str(DATA / "recognitions.csv"),
        "--within", "10",
        "--on", "31/12/2023",
        "--target", "standard=94",
        "--target", "advanced=45",
        "--deadline", "monthly:25",
        "--lang", lang,
        *(["--markdown"] if markdown else []),
    ]  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", choices=("vi", "en"), default="vi")
    parser.add_argument("--markdown", action="store_true", help="write Markdown tables")
    args = parser.parse_args()
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        status = ntm(arguments(args.lang, args.markdown))
    print(out.getvalue(), end="")
    if status != 0:
        return status
    if HEADLINE[args.lang] not in out.getvalue().splitlines():
        print(f"the headline differs from: {HEADLINE[args.lang]}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
