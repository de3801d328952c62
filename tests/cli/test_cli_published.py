"""ntm urban, poverty, ocop and civilized: the Hồng Lĩnh 2023 acceptance, from CSV alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from ntm_criteria.cli import main

DATA = Path(__file__).resolve().parents[2] / "examples" / "data" / "hong_linh_2023"
PLACES = ["--localities", str(DATA / "places.csv")]


def _run(capsys, *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        (
            "vi",
            "thị xã Hồng Lĩnh (31/12/2023): 55/63 tiêu chuẩn, 72,56 điểm, "
            "chưa đạt đô thị loại III (cần 75 điểm)",
        ),
        (
            "en",
            "Hồng Lĩnh town (2023-12-31): 55/63 standards, 72.56 points, "
            "not yet class III (75 points needed)",
        ),
    ],
)
def test_urban_summary_of_hong_linh(capsys, lang, line):
    status, out, _ = _run(capsys, "urban", str(DATA / "urban.csv"), *PLACES, "--lang", lang)
    assert status == 0
    assert out.splitlines()[0] == line
    # The pass line is read from the built-in rules, with its basis and certainty.
    assert "1210/2016/UBTVQH13" in out.splitlines()[1]


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("vi", "thị xã Hồng Lĩnh (31/12/2022): hộ nghèo 2,62%, hộ cận nghèo 3,04%"),
        ("en", "Hồng Lĩnh town (2022-12-31): poor 2.62%, near-poor 3.04%"),
    ],
)
def test_poverty_rates_of_hong_linh(capsys, lang, line):
    status, out, _ = _run(capsys, "poverty", str(DATA / "poverty.csv"), *PLACES, "--lang", lang)
    assert (status, out.splitlines()) == (0, [line])


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("vi", "thị xã Hồng Lĩnh: 4 sản phẩm OCOP được công nhận, 2 sản phẩm chờ đánh giá"),
        ("en", "Hồng Lĩnh town: 4 OCOP products certified, 2 awaiting rating"),
    ],
)
def test_ocop_counts_of_hong_linh(capsys, lang, line):
    args = ["ocop", str(DATA / "ocop.csv"), "--on", "31/12/2023", *PLACES, "--lang", lang]
    status, out, _ = _run(capsys, *args)
    assert (status, out.splitlines()) == (0, [line])


def test_civilized_ward_targets_of_hong_linh(capsys):
    status, out, _ = _run(capsys, "civilized", str(DATA / "wards.csv"), *PLACES)
    assert status == 0
    assert out.splitlines() == [
        "Đạt chuẩn đô thị văn minh năm 2024: phường Nam Hồng, phường Bắc Hồng, phường Đậu Liêu",
        "Đạt chuẩn đô thị văn minh năm 2025: phường Đức Thuận, phường Trung Lương",
    ]
    status, out, _ = _run(capsys, "civilized", str(DATA / "wards.csv"), *PLACES, "--lang", "en")
    assert out.splitlines()[1] == (
        "Recognised as a civilized urban area in 2025: Đức Thuận ward, Trung Lương ward"
    )


def test_without_a_gazetteer_codes_are_shown(capsys):
    status, out, _ = _run(capsys, "poverty", str(DATA / "poverty.csv"))
    assert (status, out.strip()) == (0, "X42-HL (31/12/2022): hộ nghèo 2,62%, hộ cận nghèo 3,04%")


def test_ocop_total_line_for_several_communes(tmp_path, capsys):
    path = tmp_path / "ocop.csv"
    path.write_text(
        "code,name,commune,status,stars,date,decision\n"
        "A,Chè,C1,certified,4,1/6/2023,\nB,Mận,C2,awaiting,,1/6/2023,\n",
        encoding="utf-8",
    )
    status, out, _ = _run(capsys, "ocop", str(path), "--on", "31/12/2023", "--lang", "en")
    assert status == 0
    assert out.splitlines() == [
        "C1: 1 OCOP product certified, 0 awaiting rating",
        "C2: 0 OCOP products certified, 1 awaiting rating",
        "Total: 1 OCOP product certified, 1 awaiting rating",
    ]


@pytest.mark.parametrize(
    ("command", "header", "row", "where"),
    [
        (
            "urban",
            "locality,class,as_of,standards_met,standards_total,points",
            'X,III,31/12/2023,64,63,"72,56"',
            "line 2: standards_met",
        ),
        ("poverty", "locality,as_of,poor_rate", "X,31/12/2022,120", "line 2: poor_rate"),
        ("ocop", "code,name,commune,status,stars,date", "A,Chè,X,đạt,7,1/6/2023", "line 2: stars"),
        ("civilized", "ward,year", "W,2O24", "line 2: year"),
    ],
)
def test_bad_rows_exit_1_with_one_message_naming_file_line_and_column(
    tmp_path, capsys, command, header, row, where
):
    path = tmp_path / f"{command}.csv"
    path.write_text(f"{header}\n{row}\n", encoding="utf-8")
    extra = ["--on", "31/12/2023"] if command == "ocop" else []
    status, out, err = _run(capsys, command, str(path), *extra)
    assert status == 1
    assert out == ""
    assert err.startswith(f"ntm: {path}: 1 problem:")
    assert where in err
    assert "Traceback" not in err


def test_unknown_code_against_the_gazetteer_is_an_error(tmp_path, capsys):
    path = tmp_path / "poverty.csv"
    path.write_text("locality,as_of,poor_rate\nX42-ZZ,31/12/2022,2\n", encoding="utf-8")
    status, _, err = _run(capsys, "poverty", str(path), *PLACES)
    assert status == 1
    assert "unknown locality 'X42-ZZ'" in err


@pytest.mark.parametrize("command", ["urban", "poverty", "ocop", "civilized"])
def test_help_shows_examples(capsys, command):
    assert main([command, "--help"]) == 0
    out = capsys.readouterr().out
    assert "examples:" in out
    assert f"ntm {command} " in out


def test_missing_file_and_wrong_usage(capsys, tmp_path):
    assert main(["urban", str(tmp_path / "none.csv")]) == 1
    assert "cannot read the file" in capsys.readouterr().err
    assert main(["ocop", str(DATA / "ocop.csv")]) == 2  # --on is required
    assert main(["poverty", str(DATA / "poverty.csv"), "--lang", "fr"]) == 2
