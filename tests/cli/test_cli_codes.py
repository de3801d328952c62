"""``--check-codes`` on ntm assess and ntm report, and codes whose leading zeros were dropped."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from ntm_criteria.cli import main

DEMO = resources.files("ntm_criteria.demo")
SET = str(DEMO / "set.toml")


def _observations(tmp_path: Path, rows: str) -> Path:
    path = tmp_path / "obs.csv"
    path.write_text("locality,indicator,value,unit,as_of,source\n" + rows, encoding="utf-8")
    return path


def _localities(tmp_path: Path, rows: str) -> Path:
    path = tmp_path / "places.csv"
    path.write_text("code,name_vi,kind,parent,region\n" + rows, encoding="utf-8")
    return path


OWN = "14,Sơn La,province,,TDMNPB\n116,Sơn La,provincial_city,14,\n03664,Chiềng Xôm,commune,116,\n"


def test_an_observation_code_without_its_leading_zero_is_read_with_a_warning(tmp_path, capsys):
    obs = _observations(tmp_path, '3664,3.1,"86,5",%,30/6/2023,\n')
    args = ["assess", "--set", SET, "--localities", str(_localities(tmp_path, OWN))]
    assert main([*args, "--observations", str(obs), "--on", "30/6/2023"]) == 0
    captured = capsys.readouterr()
    assert "03664  xã Chiềng Xôm" in captured.out
    assert "warning: locality '3664': code '3664' read as '03664'" in captured.err


def test_without_a_gazetteer_the_official_units_are_used_and_codes_checked(tmp_path, capsys):
    obs = _observations(tmp_path, '03664,3.1,"86,5",%,30/6/2023,\n')
    argv = ["assess", "--set", SET, "--observations", str(obs), "--on", "30/6/2023"]
    assert main(argv) == 0
    assert "03664  xã Chiềng Xôm" in capsys.readouterr().out


def test_an_unknown_code_is_an_error_with_suggestions(tmp_path, capsys):
    obs = _observations(tmp_path, '03665,3.1,"86,5",%,30/6/2023,\n')
    argv = ["assess", "--set", SET, "--observations", str(obs), "--on", "15/3/2025"]
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert "unknown locality code '03665'; did you mean" in err
    assert "03664 (xã Chiềng Xôm)" in err
    assert "Traceback" not in err


def test_a_commune_assessed_after_it_was_merged_away_names_its_successor(tmp_path, capsys):
    places = _localities(tmp_path, OWN)
    obs = _observations(tmp_path, '03664,3.1,"86,5",%,1/1/2026,\n')
    argv = ["assess", "--set", "vn-ntm-commune-standard-2021-2025", "--localities", str(places)]
    argv += ["--observations", str(obs), "--on", "1/1/2026", "--check-codes"]
    assert main(argv) == 1
    assert "merged into phường Chiềng An (03664)" in capsys.readouterr().err


def test_a_users_own_gazetteer_is_not_checked_against_the_official_list_by_default(
    tmp_path, capsys
):
    places = _localities(tmp_path, "99,Tỉnh mẫu,province,,TDMNPB\n99001,Xã mẫu,commune,99,\n")
    obs = _observations(tmp_path, '99001,3.1,"86,5",%,30/6/2023,\n')
    argv = ["assess", "--set", SET, "--localities", str(places), "--observations", str(obs)]
    assert main([*argv, "--on", "30/6/2023"]) == 0
    assert main([*argv, "--on", "15/3/2025", "--check-codes"]) == 1
    assert "unknown locality code '99001'" in capsys.readouterr().err


def test_report_checks_codes_too(tmp_path, capsys):
    obs = _observations(tmp_path, '3664,3.1,"86,5",%,30/6/2023,\n')
    argv = ["report", "--set", SET, "--observations", str(obs), "--on", "30/6/2023"]
    assert main(argv) == 0
    assert "read as '03664'" in capsys.readouterr().err
    assert main([*argv, "--no-check-codes"]) == 1


def test_report_restores_the_zeros_of_recognitions_too(tmp_path, capsys):
    obs = _observations(tmp_path, '03664,3.1,"86,5",%,30/6/2023,\n')
    recognitions = tmp_path / "rec.csv"
    recognitions.write_text(
        "locality,level,set_id,decision,date,valid_until\n"
        "3664,đạt chuẩn,demo-commune-standard,1021/QĐ-UBND,15/6/2022,\n",
        encoding="utf-8",
    )
    argv = ["report", "--set", SET, "--localities", str(_localities(tmp_path, OWN))]
    argv += ["--observations", str(obs), "--on", "30/6/2023", "--recognitions", str(recognitions)]
    assert main(argv) == 0
    assert "warning: locality '3664': code '3664' read as '03664'" in capsys.readouterr().err


def test_assess_restores_the_zeros_of_reviews_too(tmp_path, capsys):
    reviews = tmp_path / "reviews.csv"
    reviews.write_text("locality,criterion,status,date\n3664,3,đạt,10/6/2023\n", encoding="utf-8")
    argv = ["assess", "--set", SET, "--localities", str(_localities(tmp_path, OWN))]
    assert main([*argv, "--reviews", str(reviews), "--on", "30/6/2023"]) == 0
    captured = capsys.readouterr()
    assert "03664  xã Chiềng Xôm" in captured.out
    assert "warning: locality '3664': code '3664' read as '03664'" in captured.err
