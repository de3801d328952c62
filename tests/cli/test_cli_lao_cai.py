"""Lào Cai 2023 through ``ntm report`` alone: recognitions and plan targets give the headline.

The files in examples/data/lao_cai_2023 are ILLUSTRATIVE (see their README);
the counts, the plan and the headline are the province's.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ntm_criteria.cli import main

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "examples" / "data" / "lao_cai_2023"

HEADLINE_VI = (
    "toàn tỉnh có 62/127 xã đạt chuẩn nông thôn mới, đạt 66% kế hoạch; "
    "05 xã đạt chuẩn nâng cao, đạt 11% kế hoạch"
)
HEADLINE_EN = (
    "province-wide, 62/127 communes meet the new rural standard, 66% of plan; "
    "5 communes meet the advanced standard, 11% of plan"
)


def args(*extra: str, recognitions: Path = DATA / "recognitions.csv") -> list[str]:
    return [
        "report",
        "--set", "vn-ntm-commune-standard-2021-2025",
        "--set", "vn-ntm-commune-advanced-2021-2025",
        "--localities", str(DATA / "communes.csv"),
        "--recognitions", str(recognitions),
        "--within", "10",
        "--on", "31/12/2023",
        "--target", "standard=94",
        "--target", "advanced=45",
        "--deadline", "monthly:25",
        *extra,
    ]  # fmt: skip


def test_the_headline_from_recognitions_without_observations(capsys):
    assert main(args()) == 0
    lines = capsys.readouterr().out.splitlines()
    assert HEADLINE_VI in lines
    assert "Số xã đạt chuẩn tính theo quyết định công nhận còn hiệu lực ngày 31/12/2023." in lines


def test_the_headline_in_english_markdown(capsys):
    assert main(args("--lang", "en", "--markdown")) == 0
    out = capsys.readouterr().out
    assert HEADLINE_EN in out.splitlines()
    assert "| Recognised, undecided | 62 | 5 |" in out
    assert "| % of plan | 66% | 11% |" in out


def test_communes_without_data_are_undecided_never_not_met(capsys):
    assert main(args()) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    # Recognised (62, 5), undecided without a recognition (65, 122); nobody "chưa đạt".
    assert "Đã công nhận, chưa xác định  62         5" in lines
    assert "Chưa xác định                65         122" in lines
    assert "Chưa đạt                     0          0" in lines
    assert "Chưa có số liệu  127    100%" in lines
    assert "chưa đạt chuẩn" not in out
    assert "xã Minh Họa 127  chưa xác định  0/19          19           —" in out


def test_the_monthly_deadline_before_the_25th(capsys):
    # The "before the 25th" is the Vietnamese "trước ngày 25 hằng tháng", which the
    # library reads as due on the 25th: after 31/12/2023 the next report is due 25/01/2024.
    assert main(args()) == 0
    out = capsys.readouterr().out
    assert "Hạn báo cáo tiếp theo: báo cáo — 25/01/2024 (trước ngày 25 hằng tháng)" in out
    assert main(args("--lang", "en")) == 0
    out = capsys.readouterr().out
    assert "Next reporting deadline: report — 2024-01-25 (by the 25th of every month)" in out


def test_the_example_checks_the_headline():
    done = subprocess.run(
        [sys.executable, str(ROOT / "examples" / "lao_cai_2023.py")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert HEADLINE_VI in done.stdout.splitlines()


def test_neither_observations_nor_recognitions_is_a_usage_error(capsys):
    argv = [a for a in args() if a not in ("--recognitions", str(DATA / "recognitions.csv"))]
    assert main(argv) == 2
    assert "give --observations, --reviews or --recognitions" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (
            "91070,nâng cao,9/QĐ-UBND,15/4/2022,vn-ntm-commune-standard-2021-2025,",
            "line 69: level: advanced does not match the level of set "
            "vn-ntm-commune-standard-2021-2025 (standard)",
        ),
        (
            "91070,đạt chuẩn,9/QĐ-UBND,1/3/2022,vn-ntm-commune-standard-2021-2025,",
            "line 69: date: 2022-03-01 is before set vn-ntm-commune-standard-2021-2025 "
            "took effect (2022-03-08)",
        ),
        (
            "99999,đạt chuẩn,9/QĐ-UBND,15/4/2022,vn-ntm-commune-standard-2021-2025,",
            "line 69: locality: unknown locality 99999",
        ),
        (
            "91070,đạt chuẩn,9/QĐ-UBND,15/4/2022,vn-ntm-commune-2016-2020,",
            "line 69: set: unknown set vn-ntm-commune-2016-2020",
        ),
    ],
)
def test_a_bad_recognition_names_the_file_row_and_column(tmp_path, capsys, row, message):
    path = tmp_path / "recognitions.csv"
    shutil.copy(DATA / "recognitions.csv", path)
    with path.open("a", encoding="utf-8") as f:
        f.write(row + "\n")
    assert main(args(recognitions=path)) == 1
    err = capsys.readouterr().err
    assert f"{path}: 1 problem:" in err
    assert message in err
