"""ntm_criteria.poverty: households read from CSV."""

from __future__ import annotations

from fractions import Fraction

import pytest
from poverty_cases import DATA, MID_2023

from ntm_criteria.errors import DataError, DataErrors, NtmError, UnitError
from ntm_criteria.poverty import Headcount, PovertyStatus, read_households, reads_households


class TestCsv:
    def test_read_a_commune(self):
        table = read_households(DATA / "households.csv")
        assert table.ids == ("H01", "H02", "H03", "H04", "H05", "H06")
        assert table.incomes[3] == Fraction(2_500_001, 2)
        assert table.extra["village"][0] == "Bản Hụm"
        statuses = table.classify(on=MID_2023)
        assert statuses == (
            PovertyStatus.POOR,
            PovertyStatus.NEAR_POOR,
            PovertyStatus.ABOVE_LINE,
            PovertyStatus.UNKNOWN,
            PovertyStatus.POOR,
            PovertyStatus.UNKNOWN,
        )
        groups = table.rates_by("commune", on=MID_2023)
        assert groups["04036"].poor == Headcount(1, 3, 1)
        assert groups["04039"].poor == Headcount(1, 1, 1)

    def test_every_bad_row_is_reported_with_its_line(self):
        with pytest.raises(DataErrors) as caught:
            read_households(DATA / "households_bad.csv")
        found = [(e.line, e.key_path) for e in caught.value.errors]
        assert found == [
            (3, "area"),
            (4, "members"),
            (4, "income"),
            (5, "water"),
            (5, "id"),
            (6, None),
        ]
        text = str(caught.value)
        assert "households_bad.csv: 6 problems" in text
        assert "duplicate household id 'H01' (first at line 2)" in text
        assert "8 cells for 7 columns" in text

    def test_bom_blank_lines_and_a_yearly_unit(self):
        text = '\ufeffid,area,members,income\r\n\r\nA,rural,1,"18.000.000"\r\n,,,\r\n'
        table = reads_households(text, income_unit="VND/person/year")
        assert table.incomes == (1_500_000,)

    def test_a_multiline_cell_reports_its_first_line(self):
        text = 'id,area,members,income\nA,"núi\ncao",x,1\n'
        with pytest.raises(DataErrors) as caught:
            reads_households(text)
        assert [(e.line, e.key_path) for e in caught.value.errors] == [
            (2, "area"),
            (2, "members"),
        ]

    @pytest.mark.parametrize(
        ("text", "message"),
        [
            ("", "empty file"),
            ("id,area,members\n", r"missing column\(s\) income"),
            ("id,area,members,income,id\n", "duplicate column 'id'"),
            ("id,area,members,income\nA,rural,1,1\x00\n", "line 2: income"),
            ("id,area,members,income\nA,rural,1," + "1" * 200_000 + "\n", "malformed CSV"),
        ],
    )
    def test_file_level_problems(self, text, message):
        with pytest.raises(NtmError, match=message):
            reads_households(text)

    def test_a_bad_unit_or_file(self, tmp_path):
        with pytest.raises(UnitError):
            reads_households("id,area,members,income\n", income_unit="VND/household/month")
        with pytest.raises(DataError, match="cannot read"):
            read_households(tmp_path / "none.csv")
        bad = tmp_path / "bad.csv"
        bad.write_bytes(b"id,area\xff")
        with pytest.raises(DataError, match="not UTF-8"):
            read_households(bad)
        with pytest.raises(DataError, match="not CSV text"):
            reads_households(b"id")  # type: ignore[arg-type]
