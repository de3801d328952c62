"""Households from a CSV file as a spreadsheet saves it: BOM, ';', comma decimals, CRLF."""

from __future__ import annotations

import csv
import io

from poverty_cases import DATA, MID_2023

from ntm_criteria.poverty import read_households, reads_households


def _as_excel_saves(text: str) -> str:
    out = io.StringIO()
    csv.writer(out, delimiter=";", lineterminator="\r\n").writerows(csv.reader(io.StringIO(text)))
    return "\ufeff" + out.getvalue()


def test_a_semicolon_household_file_reads_as_its_comma_original():
    original = (DATA / "households.csv").read_text(encoding="utf-8")
    excel = reads_households(_as_excel_saves(original), file="ho.csv")
    plain = read_households(DATA / "households.csv")
    assert excel.ids == plain.ids
    assert excel.incomes == plain.incomes
    assert excel.classify(on=MID_2023) == plain.classify(on=MID_2023)


def test_a_comma_decimal_income_in_a_semicolon_file():
    table = reads_households(
        "id;area;members;income\r\nH1;nông thôn;4;1.400.000,5\r\n", file="ho.csv"
    )
    assert str(table.incomes[0]) == "2800001/2"
