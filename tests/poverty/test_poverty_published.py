"""Published poverty figures (rates or counts) as inputs, with no household list."""

from __future__ import annotations

import contextlib
import datetime
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ntm_criteria import Locality, assess, demo
from ntm_criteria.errors import DataError, DataErrors, NtmError, ObservationError
from ntm_criteria.poverty import PublishedPoverty, reads_poverty_figures, to_observation

HEADER = "locality,as_of,poor_rate,near_poor_rate,households,poor,near_poor,source\n"


def test_hong_linh_end_2022_rates_in_both_languages():
    # Hồng Lĩnh's published figures, end of 2022 (issue 10, Hồng Lĩnh acceptance).
    hl = PublishedPoverty.from_rates("HL", "31/12/2022", poor="2,62", near_poor="3,04")
    assert hl.poor_rate == Fraction(262, 10_000)
    assert hl.near_poor_rate == Fraction(304, 10_000)
    assert hl.summary("vi", name="thị xã Hồng Lĩnh") == (
        "thị xã Hồng Lĩnh (31/12/2022): hộ nghèo 2,62%, hộ cận nghèo 3,04%"
    )
    assert hl.summary("en") == "HL (2022-12-31): poor 2.62%, near-poor 3.04%"


def test_counts_give_exact_rates_and_show_their_total():
    f = PublishedPoverty.from_counts("X", "31/12/2022", households=1_250, poor=40, near_poor=25)
    assert (f.poor_rate, f.near_poor_rate) == (Fraction(40, 1250), Fraction(25, 1250))
    assert f.summary("vi") == "X (31/12/2022): hộ nghèo 40/1.250 (3,2%), hộ cận nghèo 25/1.250 (2%)"


def test_published_figures_feed_an_ntm_poverty_indicator():
    hl = PublishedPoverty.from_rates("04036", "30/6/2023", poor="2,62")
    obs = to_observation(hl, "11.1")
    assert obs.value.magnitude == Fraction(262, 100)
    assert obs.as_of == datetime.date(2023, 6, 30)
    commune = Locality("03664", "Chiềng Xôm", "commune", region="TDMNPB")
    result = assess(commune, demo.criterion_set(), [obs], on=datetime.date(2023, 6, 30))
    assert result.criterion(11).status.value == "met"
    with pytest.raises(ObservationError, match="no near-poor rate"):
        to_observation(hl, "11.1", measure="near_poor")


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"poor_percent": 101}, "poor_rate"),
        ({"near_poor_percent": -1}, "near_poor_rate"),
        ({"poor_percent": 60, "near_poor_percent": 41}, "near_poor_rate"),
        ({"households": 10, "poor_households": 11}, "poor"),
        ({"households": 10, "poor_households": 6, "near_poor_households": 5}, "near_poor"),
        ({"households": -1, "poor_households": 0}, "households"),
        ({"poor_households": 3}, "poor"),
        ({}, None),
    ],
)
def test_bad_figures_name_their_field(kwargs, field):
    with pytest.raises(DataError) as caught:
        PublishedPoverty("X", "31/12/2022", **kwargs)
    assert caught.value.key_path == field


def test_reader_accepts_percent_signs_and_counts():
    rows = reads_poverty_figures(
        HEADER + 'A,31/12/2022,"2,62%",3 %,,,,báo cáo\nB,2022-12-31,,,"1.000",26,30,\n'
    )
    assert [r.poor_rate for r in rows] == [Fraction(262, 10_000), Fraction(26, 1_000)]
    assert rows[0].near_poor_percent == 3
    assert rows[0].source == "báo cáo"


@pytest.mark.parametrize(
    ("row", "where"),
    [
        ('A,31/12/2022,"100,5",,,,,', "line 2: poor_rate: 100,5 is outside 0–100"),
        ("A,31/12/2022,-1,,,,,", "line 2: poor_rate: -1 is outside 0–100"),
        ("A,31/12/2022,,,100,-3,,", "line 2: poor: -3 is outside ≥ 0"),
        ("A,31/12/2022,,,100,101,,", "line 2: poor: 101 is more than the 100 households"),
        ("A,31/12/2022,,,100,60,50,", "line 2: near_poor: poor 60 and near-poor 50"),
        ("A,31/12/2022,,,,5,,", "line 2: poor: 5 households given without"),
        ('A,31/12/2022,,,"2,5",1,,', "line 2: households: 2,5 is not a whole number"),
        ("A,31/12/2022,abc,,,,,", "line 2: poor_rate: cannot read 'abc' as a number"),
        ("A,31/13/2022,2,,,,,", "line 2: as_of:"),
        (",31/12/2022,2,,,,,", "line 2: locality: missing"),
        ("A,31/12/2022,,,,,,", "line 2: poor_rate: no figure for A"),
        ("A,31/12/2022,2,62,,,,,source", "line 2: 9 cells for 8 columns"),
    ],
)
def test_bad_rows_name_file_line_and_column(row, where):
    with pytest.raises(DataErrors) as caught:
        reads_poverty_figures(HEADER + row + "\n", file="ngheo.csv")
    text = str(caught.value)
    assert text.startswith("ngheo.csv: 1 problem:")
    assert where in text


def test_every_bad_row_is_reported_and_nothing_is_half_loaded():
    text = HEADER + "A,31/12/2022,2,,,,,\nB,31/12/2022,200,,,,,\nA,31/12/2022,3,,,,,\n"
    with pytest.raises(DataErrors) as caught:
        reads_poverty_figures(text, file="f.csv")
    assert [e.line for e in caught.value.errors] == [3, 4]
    assert "A on 2022-12-31 again (first at line 2)" in str(caught.value)


def test_header_problems():
    with pytest.raises(DataErrors, match="missing required column"):
        reads_poverty_figures("locality,poor_rate\nA,2\n", file="f.csv")
    with pytest.raises(DataErrors, match="unknown column"):
        reads_poverty_figures("locality,as_of,poverty\nA,1/1/2023,2\n", file="f.csv")


@given(st.text(max_size=200))
def test_any_text_gives_figures_or_a_library_error(text):
    with contextlib.suppress(NtmError):
        reads_poverty_figures(HEADER + text, file="f.csv")


def test_wards_add_up_to_their_town_only_with_counts():
    wards = [
        PublishedPoverty.from_counts("W1", "31/12/2022", households=800, poor=20, near_poor=30),
        PublishedPoverty.from_counts("W2", "31/12/2022", households=1_200, poor=30),
    ]
    town = PublishedPoverty.combined(wards, "HL")
    assert (town.households, town.poor_households) == (2_000, 50)
    assert town.near_poor_households is None  # W2 gives no near-poor count: not a guess
    later = PublishedPoverty.from_counts("W3", "31/12/2023", households=10, poor=1)
    with pytest.raises(DataError, match="cannot be added up"):
        PublishedPoverty.combined([*wards, later], "HL")
    with pytest.raises(DataError, match="no figures"):
        PublishedPoverty.combined([], "HL")


def test_a_workbook_sheet_with_percent_formatted_cells(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    from ntm_criteria.poverty import read_poverty_figures

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Nghèo"
    sheet.append(["locality", "as_of", "poor_rate", "near_poor_rate"])
    sheet.append(["HL", "31/12/2022", 0.0262, 3.04])
    sheet["C2"].number_format = "0.00%"  # a spreadsheet's 2,62 % is the share 0.0262
    sheet.append(["HL2", "31/12/2022", 1.2, None])
    sheet["C3"].number_format = "0.00%"
    path = tmp_path / "ngheo.xlsx"
    book.save(path)
    with pytest.raises(DataErrors) as caught:
        read_poverty_figures(path)
    assert "ngheo.xlsx[Nghèo]: 1 problem" in str(caught.value)
    assert "line 3: poor_rate: 120 is outside 0–100" in str(caught.value)
    sheet.delete_rows(3)
    book.save(path)
    (figures,) = read_poverty_figures(path)
    assert figures.poor_rate == Fraction(262, 10_000)
    assert figures.near_poor_percent == Fraction(304, 100)
