"""The ntm command on bad input: exit 1 or 2 with one message, never a traceback (issue 9)."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import unicodedata
from importlib import resources
from pathlib import Path

import pytest

from ntm_criteria.cli import main

DEMO = resources.files("ntm_criteria.demo")
EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "data"
NFD = "NFD"


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


def run(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ntm_criteria", *argv],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        check=False,
    )


@pytest.mark.parametrize(
    ("option", "value"),
    [
        ("--target", "standard=1,5"),  # Regression: accepted and truncated to 1
        ("--target", "standard=0,5"),
        ("--target", "standard=²"),
        ("--target", "standard=1e3"),
        ("--target", "standard=" + "9" * 200),  # refused before any arithmetic
        ("--target", "standard="),
        ("--target", "bogus=3"),
        ("--target", "standard=-3"),
        ("--target", "standard=150%"),
        ("--deadline", "monthly:²"),  # Regression: "²".isdigit() is true, int() raised
        ("--deadline", "monthly:٣"),
        ("--deadline", "monthly:99"),
        ("--deadline", "monthly:" + "9" * 5000),
        ("--deadline", "weekly:2"),
    ],
)
def test_a_bad_numeric_option_is_a_usage_error_naming_option_and_value(capsys, option, value):
    assert main(report_args(option, value)) == 2
    err = capsys.readouterr().err
    assert f"argument {option}: {value[:50]}"[:30] in err.replace("'", "")
    assert "Traceback" not in err


@pytest.mark.parametrize("value", ["standard=9", "standard=1.234", "đạt chuẩn=9", "standard=40%"])
def test_whole_and_vietnamese_numbers_are_targets(capsys, value):
    assert main(report_args("--target", value)) == 0


def test_an_nfd_level_word_in_a_target_is_the_same_target(capsys):
    assert main(report_args("--target", "đạt chuẩn=9")) == 0
    composed = capsys.readouterr().out
    assert main(report_args("--target", unicodedata.normalize(NFD, "đạt chuẩn=9"))) == 0
    assert capsys.readouterr().out == composed


def test_the_deadline_in_a_subprocess_has_no_traceback():
    done = run(*report_args("--deadline", "monthly:²"))
    assert done.returncode == 2
    assert "--deadline" in done.stderr
    assert "monthly:²" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize(
    "argv",
    [
        ["check", "bad\0.toml"],
        ["assess", "--set", "vn-ntm-commune-standard-2021-2025", "--localities", "b\0.csv",
         "--observations", "c.csv", "--on", "1/1/2023"],
        ["assess", "--set", "x\0.toml", "--localities", "b.csv", "--observations", "c.csv",
         "--on", "1/1/2023"],
    ],
)  # fmt: skip
def test_a_nul_byte_in_a_path_is_a_message(capsys, argv):
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert "nul" in err.lower()
    assert "\0" not in err
    assert "\\0" in err


def test_a_nul_byte_in_report_paths_is_a_message(capsys):
    assert main(report_args("--recognitions", "r\0.csv")) == 1
    assert "r\\0.csv" in capsys.readouterr().err
    assert main(report_args("--roadmap", "p\0.csv")) == 1
    assert "p\\0.csv" in capsys.readouterr().err


@pytest.mark.parametrize(
    "option", ["--localities", "--observations", "--recognitions", "--roadmap"]
)
def test_an_unreadable_input_path_is_exit_1_naming_it(tmp_path, capsys, option):
    args = report_args()
    if option in args:
        args[args.index(option) + 1] = str(tmp_path)  # a directory
    else:
        args += [option, str(tmp_path)]
    assert main(args) == 1
    err = capsys.readouterr().err
    assert str(tmp_path) in err
    assert "cannot read" in err


def test_a_closed_output_is_exit_1_with_a_message(monkeypatch, capsys):
    class Closed(io.StringIO):
        def write(self, text: str) -> int:
            raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr(sys, "stdout", Closed())
    assert main(["demo"]) == 1
    assert "cannot write the output" in capsys.readouterr().err


def test_an_os_error_on_a_path_names_it(monkeypatch, capsys, tmp_path):
    def fail(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", str(tmp_path / "out"))

    monkeypatch.setattr("ntm_criteria.cli._demo.run", fail)
    assert main(["demo"]) == 1
    assert f"ntm: {tmp_path / 'out'}: Permission denied" in capsys.readouterr().err


def test_wrong_usage_and_help_return_their_status(capsys):
    assert main(["report"]) == 2
    assert "required" in capsys.readouterr().err
    assert main(["--help"]) == 0


def test_an_error_of_the_input_in_a_subprocess_is_one_line(tmp_path):
    bad = tmp_path / "set.toml"
    bad.write_text("a = " + "9" * 5000 + "\n", encoding="utf-8")
    done = run("check", str(bad))
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert str(bad) in done.stderr


def test_nfd_recognitions_and_roadmap_give_the_nfc_report(tmp_path, capsys):
    paths = []
    for name in ("province_recognitions.csv", "province_roadmap.csv"):
        text = (EXAMPLES / name).read_text("utf-8-sig")
        path = tmp_path / name
        path.write_text(unicodedata.normalize(NFD, text), encoding="utf-8")
        paths.append(path)
    assert main(report_args(
        "--recognitions", str(EXAMPLES / "province_recognitions.csv"),
        "--roadmap", str(EXAMPLES / "province_roadmap.csv"),
    )) == 0  # fmt: skip
    composed = capsys.readouterr().out
    assert main(report_args("--recognitions", str(paths[0]), "--roadmap", str(paths[1]))) == 0
    decomposed = capsys.readouterr().out
    # The same report; the agencies and actions shown keep the bytes they were written in.
    assert unicodedata.normalize("NFC", decomposed) == composed


def test_nfd_observations_and_headers_give_the_nfc_report(tmp_path, capsys):
    text = (EXAMPLES / "province_observations.csv").read_text("utf-8-sig")
    path = tmp_path / "obs.csv"
    path.write_text(unicodedata.normalize(NFD, text), encoding="utf-8-sig")
    assert main(report_args()) == 0
    composed = capsys.readouterr().out
    args = report_args()
    args[args.index("--observations") + 1] = str(path)
    assert main(args) == 0
    assert unicodedata.normalize("NFC", capsys.readouterr().out) == composed


def test_an_output_encoding_that_cannot_show_vietnamese_is_a_message():
    done = subprocess.run(
        [sys.executable, "-m", "ntm_criteria", "demo"],
        capture_output=True,
        env={**os.environ, "PYTHONIOENCODING": "ascii"},
        check=False,
    )
    assert done.returncode == 1
    assert b"Traceback" not in done.stderr
    assert b"PYTHONIOENCODING=utf-8" in done.stderr


def test_nfd_codes_of_options_are_read_in_nfc(capsys):
    code = unicodedata.normalize(NFD, "xã-01")
    assert main(["demo", "--commune", code]) == 1
    assert "'xã-01'" in capsys.readouterr().err  # matched (and so shown) in NFC
    assert main(report_args("--within", code)) == 1
    assert "unknown locality 'xã-01'" in capsys.readouterr().err
