"""ntm --version, --format and -o, ntm set from-table / to-table, ntm whatif."""

from __future__ import annotations

import csv
import io
import json
from importlib import resources

import pytest

from ntm_criteria import __version__
from ntm_criteria.cli import main

DEMO = resources.files("ntm_criteria") / "demo"
DATA = [
    "--localities",
    str(DEMO / "communes.csv"),
    "--observations",
    str(DEMO / "observations.csv"),
]
SET = str(DEMO / "set.toml")


def test_version(capsys):
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"ntm {__version__}"


@pytest.mark.parametrize(
    "command",
    ["demo", "check", "assess", "report", "set", "whatif", "urban", "poverty", "ocop", "civilized"],
)
def test_every_help_shows_an_example_and_the_exit_codes(command, capsys):
    assert main([command, "--help"]) == 0
    out = capsys.readouterr().out
    assert "example" in out
    assert f"ntm {command}" in out
    assert "0 done, 1 problems in the input" in out
    assert "2 wrong usage" in out


@pytest.mark.parametrize("fmt", ["text", "markdown", "json", "csv"])
def test_assess_writes_each_format_to_a_file(fmt, tmp_path, capsys):
    out = tmp_path / f"r.{fmt}"
    assert (
        main(["assess", "--set", SET, *DATA, "--on", "30/6/2023", "--format", fmt, "-o", str(out)])
        == 0
    )
    assert capsys.readouterr().out == ""
    text = out.read_text("utf-8")
    if fmt == "json":
        assert json.loads(text)["results"][0]["locality"]
    elif fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(text)))
        assert {r["status"] for r in rows} <= {"met", "not_met", "unknown", "not_applicable"}
    elif fmt == "markdown":
        assert "| ---" in text or "|---" in text


def test_the_old_switches_still_work(capsys):
    assert main(["assess", "--set", SET, *DATA, "--on", "30/6/2023", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 6  # --json: the exact plain data, as before
    assert main(["report", "--set", SET, *DATA, "--on", "30/6/2023", "--markdown"]) == 0
    assert "|" in capsys.readouterr().out


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_report_has_machine_output(fmt, capsys):
    assert main(["report", "--set", SET, *DATA, "--on", "30/6/2023", "--format", fmt]) == 0
    out = capsys.readouterr().out
    if fmt == "json":
        assert json.loads(out)["count"] > 0
    else:
        assert out.startswith("code,name_vi,level")


def test_a_wrong_format_is_wrong_usage(capsys):
    assert main(["assess", "--set", SET, *DATA, "--on", "30/6/2023", "--format", "xml"]) == 2


def test_set_to_table_and_back(tmp_path, capsys):
    table = tmp_path / "t.xlsx"
    assert main(["set", "to-table", "vn-ntm-commune-standard-2021-2025", "-o", str(table)]) == 0
    out = tmp_path / "tinh-x.toml"
    code = main(
        [
            "set",
            "from-table",
            str(table),
            "--extends",
            "vn-ntm-commune-standard-2021-2025",
            "-o",
            str(out),
            "--legal-basis",
            "QĐ minh họa",
        ]
    )
    assert code == 0
    assert main(["check", str(out)]) == 0
    assert 'id = "tinh-x"' in out.read_text("utf-8")


def test_from_table_reports_the_cells(tmp_path, capsys):
    table = tmp_path / "d.csv"
    table.write_text("TT,Chỉ tiêu chung\n3.1,80\n", encoding="utf-8")
    assert (
        main(
            [
                "set",
                "from-table",
                str(table),
                "--extends",
                "vn-ntm-commune-standard-2021-2025",
                "--id",
                "x",
            ]
        )
        == 1
    )
    assert "line 2, column B" in capsys.readouterr().err


def test_whatif_with_a_changed_threshold(capsys):
    assert (
        main(
            [
                "whatif",
                "--set",
                SET,
                "--change",
                "10.1=x0,9",
                *DATA,
                "--on",
                "30/6/2023",
                "--format",
                "json",
            ]
        )
        == 0
    )
    data = json.loads(capsys.readouterr().out)
    assert data["changes"]
    assert {c["criterion"] for c in data["changes"]} == {10}


def test_whatif_with_a_variant_file(tmp_path, capsys):
    variant = tmp_path / "v.toml"
    variant.write_text(
        'id = "v"\nextends = "demo-commune-standard"\n[indicators."3.1"]\nrequirement = { at_least = 99 }\n',
        encoding="utf-8",
    )
    assert (
        main(
            [
                "whatif",
                "--set",
                SET,
                "--variant",
                str(variant),
                *DATA,
                "--on",
                "30/6/2023",
                "--lang",
                "en",
            ]
        )
        == 0
    )
    assert "criterion 3" in capsys.readouterr().out


@pytest.mark.parametrize("change", ["3.1", "3.1=", "3.1=abc", "9.9=5", "3.2=5"])
def test_a_bad_change_is_one_message(change, capsys):
    assert main(["whatif", "--set", SET, "--change", change, *DATA, "--on", "30/6/2023"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("ntm: ")
    assert "Traceback" not in err


def test_set_schema_prints_the_schema(tmp_path, capsys):
    out = tmp_path / "s.json"
    assert main(["set", "schema", "-o", str(out)]) == 0
    assert json.loads(out.read_text("utf-8"))["title"] == "ntm_criteria criterion set (TOML)"
