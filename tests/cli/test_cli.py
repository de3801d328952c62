"""The ntm command: demo, check and assess, with readable errors and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

from ntm_criteria.cli import main

DEMO = resources.files("ntm_criteria.demo")


def test_demo_prints_a_table_and_an_explanation(capsys):
    assert main(["demo"]) == 0
    out = capsys.readouterr().out
    assert "DỮ LIỆU MINH HỌA" in out
    assert "xã Chiềng Xôm   5/8" in out
    assert "Tiêu chí 10 (Thu nhập): chưa đạt — 41,5 < 42 triệu đồng/người/năm" in out
    assert any("minh họa" in line for line in out.splitlines()[-8:])
    assert "6 xã (30/06/2023): 2 đạt chuẩn" in out


def test_demo_in_english_and_another_commune(capsys):
    assert main(["demo", "--lang", "en", "--commune", "30064"]) == 0
    out = capsys.readouterr().out
    assert "ILLUSTRATIVE DATA" in out
    assert "My An commune: 8/8 criteria met" in out


def test_demo_unknown_commune_is_a_clean_error(capsys):
    assert main(["demo", "--commune", "99999"]) == 1
    assert "no demo commune" in capsys.readouterr().err


def test_check_reports_ok_and_problems(tmp_path, capsys):
    good = Path(str(DEMO.joinpath("set.toml")))
    bad = tmp_path / "bad.toml"
    bad.write_text('id = "x"\n[[criteria]]\nnumber = "one"\n', encoding="utf-8")
    assert main(["check", str(good), str(bad)]) == 1
    captured = capsys.readouterr()
    assert "ok — demo-commune-standard: 8 criteria, 12 indicators" in captured.out
    assert "bad.toml" in captured.err
    assert "criteria[0].number" in captured.err


def test_assess_from_csv_files_as_table_and_json(tmp_path, capsys):
    places = tmp_path / "places.csv"
    places.write_text(DEMO.joinpath("communes.csv").read_text(encoding="utf-8"), encoding="utf-8")
    obs = tmp_path / "obs.csv"
    obs.write_text(DEMO.joinpath("observations.csv").read_text(encoding="utf-8"), encoding="utf-8")
    set_file = str(DEMO.joinpath("set.toml"))
    args = [
        "assess",
        "--set",
        set_file,
        "--localities",
        str(places),
        "--observations",
        str(obs),
        "--on",
        "30/6/2023",
    ]
    assert main(args) == 0
    assert "xã Hua La" in capsys.readouterr().out
    assert main([*args, "--json"]) == 0
    results = json.loads(capsys.readouterr().out)
    assert [r["locality"]["code"] for r in results] == [
        "03664",
        "03661",
        "03658",
        "03676",
        "30064",
        "30046",
    ]


def test_assess_reports_observations_for_unknown_localities(tmp_path, capsys):
    places = tmp_path / "places.csv"
    places.write_text(
        "code,name_vi,kind,parent,region,tags,group,name_en\n1,Xã A,commune,,DBSH,,,\n",
        encoding="utf-8",
    )
    obs = tmp_path / "obs.csv"
    obs.write_text("locality,indicator,value,unit,as_of,source\n2,3.2,đạt,,,\n", encoding="utf-8")
    code = main(
        [
            "assess",
            "--set",
            str(DEMO.joinpath("set.toml")),
            "--localities",
            str(places),
            "--observations",
            str(obs),
            "--on",
            "30/6/2023",
        ]
    )
    assert code == 1
    assert "not in" in capsys.readouterr().err


@pytest.mark.parametrize("module", ["ntm_criteria"])
def test_python_dash_m_runs_the_command(module):
    done = subprocess.run(
        [sys.executable, "-m", module, "demo", "--lang", "en"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "ILLUSTRATIVE DATA" in done.stdout


EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "data"


def report_args(*extra: str) -> list[str]:
    return [
        "report",
        "--set", str(DEMO.joinpath("set.toml")),
        "--set", str(EXAMPLES / "commune_advanced.toml"),
        "--localities", str(EXAMPLES / "province_communes.csv"),
        "--observations", str(EXAMPLES / "province_observations.csv"),
        "--on", "30/9/2023",
        "--within", "99",
        *extra,
    ]  # fmt: skip


def test_report_rolls_up_levels_against_the_plan(capsys):
    code = main(report_args(
        "--recognitions", str(EXAMPLES / "province_recognitions.csv"),
        "--roadmap", str(EXAMPLES / "province_roadmap.csv"),
        "--target", "standard=9", "--target", "advanced=4", "--deadline", "monthly:25",
    ))  # fmt: skip
    out = capsys.readouterr().out
    assert code == 0
    # With recognitions the headline counts the decisions in force (7 standard, 1 advanced),
    # not the communes that meet the sets now (3 advanced).
    assert "toàn tỉnh có 7/12 xã đạt chuẩn nông thôn mới, đạt 78% kế hoạch" in out
    assert "01 xã đạt chuẩn nâng cao, đạt 25% kế hoạch" in out
    assert "Số xã đạt chuẩn tính theo quyết định công nhận còn hiệu lực ngày 30/09/2023." in out
    assert "xã Phỏng Lái: đạt chuẩn" in out  # at risk
    assert "25/10/2023 (trước ngày 25 hằng tháng)" in out


def test_report_in_english_markdown_with_a_share_target(capsys):
    assert main(report_args("--lang", "en", "--markdown", "--target", "standard=50%")) == 0
    out = capsys.readouterr().out
    assert "| standard |" in out or "|standard|" in out.replace(" ", "")


@pytest.mark.parametrize(
    ("extra", "message"),
    [(("--target", "standard=lots"), "--target"), (("--deadline", "weekly:2"), "--deadline")],
)
def test_report_bad_options_are_clean_errors(capsys, extra, message):
    # A bad option value is wrong usage: argparse's exit status 2 (it was 1, as if the
    # input files were wrong; the status changed with the fix of "standard=1,5" below).
    assert main(report_args(*extra)) == 2
    assert message in capsys.readouterr().err


def test_report_bad_recognition_rows_name_the_file_and_line(tmp_path, capsys):
    path = tmp_path / "recognitions.csv"
    path.write_text(
        "locality,level,set_id,decision,date,valid_until\n99101,,s,1/QĐ,15/6/2022,\n",
        encoding="utf-8",
    )
    assert main(report_args("--recognitions", str(path))) == 1
    err = capsys.readouterr().err
    assert f"{path}: 1 problem" in err
    assert "line 2: level: missing" in err


LOOSER = """\
format = 1
id = "test-looser"
extends = "vn-ntm-commune-standard-2021-2025"
source = "https://example.org/illustrative"
confidence = "illustrative"

[indicators."3.1"]
requirement = { at_least = 70 }
"""


def test_check_warns_of_a_loosened_national_threshold(tmp_path, capsys):
    looser = tmp_path / "looser.toml"
    looser.write_text(LOOSER, encoding="utf-8")
    assert main(["check", str(looser)]) == 0
    captured = capsys.readouterr()
    assert "ok — test-looser" in captured.out
    assert "warning — less demanding than vn-ntm-commune-standard-2021-2025" in captured.err
    assert "3.1: at least 80 → 70" in captured.err


def test_check_strict_makes_a_loosened_threshold_an_error(tmp_path, capsys):
    looser = tmp_path / "looser.toml"
    looser.write_text(LOOSER, encoding="utf-8")
    assert main(["check", "--strict", str(looser)]) == 1
    captured = capsys.readouterr()
    assert "ok —" not in captured.out
    assert "error — less demanding than vn-ntm-commune-standard-2021-2025" in captured.err
    assert "3.1: at least 80 → 70" in captured.err


def test_check_is_quiet_about_a_stricter_set(tmp_path, capsys):
    stricter = tmp_path / "stricter.toml"
    stricter.write_text(LOOSER.replace("at_least = 70", "at_least = 85"), encoding="utf-8")
    assert main(["check", "--strict", str(stricter)]) == 0
    assert "less demanding" not in capsys.readouterr().err
