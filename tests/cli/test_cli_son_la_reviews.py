"""``ntm assess`` and ``ntm report`` with ``--reviews``: the Sơn La city figures of 15/6/2022 (issue 10)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from ntm_criteria.cli import main

ROOT = Path(__file__).parents[2]
DATA = ROOT / "examples" / "data" / "son_la_2022"
NATIONAL = "vn-ntm-commune-standard-2021-2025"
BASE = [
    "assess",
    "--set",
    NATIONAL,
    "--localities",
    str(DATA / "communes.csv"),
    "--on",
    "15/6/2022",
]
REPORTED = {"SL901": 7, "SL902": 6, "SL903": 5, "SL904": 5, "SL905": 5}


def test_reviews_alone_give_the_reported_counts(capsys):
    assert main([*BASE, "--reviews", str(DATA / "reviews.csv"), "--json"]) == 0
    results = json.loads(capsys.readouterr().out)
    met = {r["locality"]["code"]: sum(c["status"] == "met" for c in r["criteria"]) for r in results}
    assert met == REPORTED
    first = results[0]["criteria"][0]
    assert (first["by_review"], first["review"]["date"]) == (True, "2022-06-10")
    assert all(r["untrusted_thresholds"] == [] for r in results)


def test_the_table_reads_as_the_city_reported(capsys):
    assert main([*BASE, "--reviews", str(DATA / "reviews.csv")]) == 0
    out = capsys.readouterr().out
    assert "SL901  xã Chiềng Xôm   7/19  chưa đạt" in out
    assert "SL905  xã Hua La       5/19  chưa đạt" in out
    assert "không đạt theo đánh giá" in out


def test_the_example_runs_and_checks_the_figures():
    done = subprocess.run(
        [sys.executable, str(ROOT / "examples" / "son_la_city_2022.py")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "xã Chiềng Ngần  5/19" in done.stdout


def test_without_observations_or_reviews_is_a_usage_error(capsys):
    assert main(BASE) == 2
    assert "give --observations, --reviews or both" in capsys.readouterr().err


def write(tmp_path: Path, rows: str) -> str:
    path = tmp_path / "reviews.csv"
    path.write_text("locality,criterion,status,date,reviewer,note\n" + rows, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ("SL901,20,đạt,10/6/2022,,\n", "line 2: criterion: no criterion 20 in " + NATIONAL),
        ("SL901,5,đạt,1/6/2022,,\nSL901,5,đạt,1/6/2022,,\n", "line 3: criterion: a second review"),
        ("SL999,5,đạt,10/6/2022,,\n", "reviews for localities not in the gazetteer: SL999"),
        ("SL901,5,đạt,10/6/2022,,,x\n", "line 2: the row has more fields"),
    ],
)
def test_a_bad_review_file_is_one_message_naming_the_row(tmp_path, capsys, rows, message):
    assert main([*BASE, "--reviews", write(tmp_path, rows)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("ntm: ")
    assert "reviews.csv" in err
    assert message in err
    assert "Traceback" not in err


def test_a_disagreeing_review_is_a_warning_on_stderr(tmp_path, capsys):
    observations = tmp_path / "observations.csv"
    observations.write_text(
        "locality,indicator,value,unit,as_of,source\nSL901,3.1,50,%,1/6/2022,\nSL901,3.2,đạt,,1/6/2022,\n",
        encoding="utf-8",
    )
    args = [
        *BASE,
        "--observations",
        str(observations),
        "--reviews",
        write(tmp_path, "SL901,3,đạt,10/6/2022,Phòng NN,\n"),
    ]
    assert main([*args, "--json"]) == 0
    captured = capsys.readouterr()
    assert "ntm: warning: SL901: Criterion 3: the observations give not met" in captured.err
    (chieng_xom,) = [r for r in json.loads(captured.out) if r["locality"]["code"] == "SL901"]
    assert chieng_xom["review_disagreements"][0]["criterion"] == 3
    assert main(args) == 0
    table = capsys.readouterr().out
    assert "Lưu ý: 1 đánh giá tiêu chí khác với kết quả theo số liệu:" in table
    assert (
        "  SL901 (xã Chiềng Xôm): Tiêu chí 3: theo số liệu là chưa đạt; đánh giá của Phòng NN"
        in table
    )


REPORT = ["report", *BASE[1:]]


def test_report_takes_reviews_without_observations(capsys):
    assert main([*REPORT, "--reviews", str(DATA / "reviews.csv")]) == 0
    out = capsys.readouterr().out
    # The roll-up's wording belongs to the report; each commune's count is the reviews' one.
    assert "7/19" in out
    assert out.count("5/19") == 3


def test_report_without_any_input_is_a_usage_error(capsys):
    assert main(REPORT) == 2
    assert "give --observations, --reviews or --recognitions" in capsys.readouterr().err
