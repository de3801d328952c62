"""Wards' registered target years (civilized urban areas) from CSV."""

from __future__ import annotations

import contextlib
import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ntm_criteria.civilized import reads_registrations, registrations_by_year
from ntm_criteria.errors import DataErrors, NtmError

HEADER = "ward,year,registered_on\n"


def test_hong_linh_wards_by_target_year():
    # Nam Hồng, Bắc Hồng, Đậu Liêu 2024; Đức Thuận, Trung Lương 2025 (issue 10).
    items = reads_registrations(
        HEADER + "NH,2024,\nBH,2024,\nDL,2024,\nDT,2025,\nTL,2025,1/3/2023\n"
    )
    assert registrations_by_year(items) == {2024: ("NH", "BH", "DL"), 2025: ("DT", "TL")}
    assert items[0].due == datetime.date(2024, 12, 31)
    assert items[4].registered_on == datetime.date(2023, 3, 1)
    assert items[0].label("en") == "Recognised as a civilized urban area in 2024"


@pytest.mark.parametrize(
    ("row", "where"),
    [
        ("W,hai,", "line 2: year: cannot read 'hai'"),
        ("W,2021,", "line 2: year: 2021 is not a year from 2022"),
        ('W,"2024,5",', "line 2: year: 2024,5 is not a year"),
        ("W,2024,1/3/2025", "line 2: year: 2024 is before the registration (2025-03-01)"),
        ("W,2024,32/1/2024", "line 2: registered_on:"),
        (",2024,", "line 2: ward: missing"),
    ],
)
def test_bad_rows_name_file_line_and_column(row, where):
    with pytest.raises(DataErrors) as caught:
        reads_registrations(HEADER + row + "\n", file="phuong.csv")
    assert str(caught.value).startswith("phuong.csv: 1 problem:")
    assert where in str(caught.value)


@given(st.text(max_size=200))
def test_any_text_gives_registrations_or_a_library_error(text):
    with contextlib.suppress(NtmError):
        reads_registrations(HEADER + text, file="f.csv")
