"""Sơn La city, 15/6/2022: criteria met per commune from a criterion-review file, through the CLI.

An office that reviews each criterion every quarter enters what it found
("tiêu chí 5: đạt") in a CSV file — no set file, no Python.  Against the
built-in national set, the reviews decide every criterion that the set's
encoded thresholds cannot, and ``ntm assess`` gives the figures the city
reported: Chiềng Xôm 7/19, Chiềng Đen 6/19, Chiềng Cọ, Chiềng Ngần and
Hua La 5/19.  The counts are real; WHICH criteria each commune met is
ILLUSTRATIVE (see ``examples/data/son_la_2022/README.md``).
Run: python examples/son_la_city_2022.py   (exits 1 if a figure differs)
"""

from __future__ import annotations

import contextlib
import io
import json
import sys
from pathlib import Path

from ntm_criteria.cli import main as ntm

DATA = Path(__file__).parent / "data" / "son_la_2022"
ARGS = [
    "assess",
    "--set",
    "vn-ntm-commune-standard-2021-2025",
    "--localities",
    str(DATA / "communes.csv"),
    "--reviews",
    str(DATA / "reviews.csv"),
    "--on",
    "15/6/2022",
]
#: The criteria met that the city reported on 15/6/2022, of 19.
REPORTED = {"Chiềng Xôm": 7, "Chiềng Đen": 6, "Chiềng Cọ": 5, "Chiềng Ngần": 5, "Hua La": 5}


def run(*extra: str) -> str:
    """``ntm`` with ARGS and ``extra``; its output, or exit with its status if it fails."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        status = ntm([*ARGS, *extra])
    if status != 0:
        sys.exit(status)
    return out.getvalue()


def main() -> int:
    print(run())  # the table an office would read
    results = json.loads(run("--json"))
    found = {r["locality"]["name_vi"]: _met(r) for r in results}
    wrong = {
        name: (found.get(name), met) for name, met in REPORTED.items() if found.get(name) != met
    }
    for name, (got, expected) in wrong.items():
        print(f"xã {name}: {got}/19, expected {expected}/19", file=sys.stderr)
    return 1 if wrong else 0


def _met(result: dict[str, object]) -> int:
    criteria = result["criteria"]
    assert isinstance(criteria, list)
    return sum(1 for c in criteria if c["status"] == "met")


if __name__ == "__main__":
    sys.exit(main())
