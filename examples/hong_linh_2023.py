"""Hồng Lĩnh 2023 from its published figures, through the ``ntm`` command alone.

Runs ``ntm urban``, ``ntm poverty``, ``ntm ocop`` and ``ntm civilized`` on the
CSV files of ``examples/data/hong_linh_2023/`` (see its README for where each
figure comes from, and which codes and names are placeholders) in Vietnamese
and English, and checks every figure; exits 1 when one differs.
Run: python examples/hong_linh_2023.py
"""

from __future__ import annotations

import contextlib
import io
import sys
from pathlib import Path

from ntm_criteria.cli import main

DATA = Path(__file__).parent / "data" / "hong_linh_2023"
PLACES = ["--localities", str(DATA / "places.csv")]

# (command, language, a line the output must hold)
EXPECTED = [
    (
        ["urban", str(DATA / "urban.csv")],
        "vi",
        "thị xã Hồng Lĩnh (31/12/2023): 55/63 tiêu chuẩn, 72,56 điểm, "
        "chưa đạt đô thị loại III (cần 75 điểm)",
    ),
    (
        ["urban", str(DATA / "urban.csv")],
        "en",
        "Hồng Lĩnh town (2023-12-31): 55/63 standards, 72.56 points, "
        "not yet class III (75 points needed)",
    ),
    (
        ["poverty", str(DATA / "poverty.csv")],
        "vi",
        "thị xã Hồng Lĩnh (31/12/2022): hộ nghèo 2,62%, hộ cận nghèo 3,04%",
    ),
    (
        ["poverty", str(DATA / "poverty.csv")],
        "en",
        "Hồng Lĩnh town (2022-12-31): poor 2.62%, near-poor 3.04%",
    ),
    (
        ["ocop", str(DATA / "ocop.csv"), "--on", "31/12/2023"],
        "vi",
        "thị xã Hồng Lĩnh: 4 sản phẩm OCOP được công nhận, 2 sản phẩm chờ đánh giá",
    ),
    (
        ["ocop", str(DATA / "ocop.csv"), "--on", "31/12/2023"],
        "en",
        "Hồng Lĩnh town: 4 OCOP products certified, 2 awaiting rating",
    ),
    (
        ["civilized", str(DATA / "wards.csv")],
        "vi",
        "Đạt chuẩn đô thị văn minh năm 2024: phường Nam Hồng, phường Bắc Hồng, phường Đậu Liêu",
    ),
    (
        ["civilized", str(DATA / "wards.csv")],
        "vi",
        "Đạt chuẩn đô thị văn minh năm 2025: phường Đức Thuận, phường Trung Lương",
    ),
    (
        ["civilized", str(DATA / "wards.csv")],
        "en",
        "Recognised as a civilized urban area in 2024: Nam Hồng ward, Bắc Hồng ward, Đậu Liêu ward",
    ),
    (
        ["civilized", str(DATA / "wards.csv")],
        "en",
        "Recognised as a civilized urban area in 2025: Đức Thuận ward, Trung Lương ward",
    ),
]


def run(command: list[str], lang: str) -> tuple[int, str]:
    """``ntm COMMAND … --localities places.csv --lang LANG``: its status and output."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        status = main([*command, *PLACES, "--lang", lang])
    return status, out.getvalue()


def check() -> list[str]:
    """Every expected line that the commands did not print, with what they printed."""
    wrong = []
    for command, lang, line in EXPECTED:
        status, output = run(command, lang)
        print(output, end="")
        if status != 0 or line not in output.splitlines():
            wrong.append(f"ntm {command[0]} --lang {lang}: expected {line!r}, status {status}")
    return wrong


if __name__ == "__main__":
    problems = check()
    for problem in problems:
        print(problem, file=sys.stderr)
    sys.exit(1 if problems else 0)
