"""Observation tables from CSV: values, grouping, and every bad row reported."""

from __future__ import annotations

import contextlib
import datetime
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ntm_criteria import Q_, DataError, DataErrors, NtmError
from ntm_criteria.io import parse_value, read_observations, reads_observations

HEADER = "locality,indicator,value,unit,as_of,source\n"


@pytest.mark.parametrize(
    ("cell", "unit", "expected"),
    [
        ("đạt", "", True),
        ("Đạt", "", True),
        ("không đạt", "", False),
        ("Chưa đạt", "", False),
        ("true", "", True),
        ("72,56", "", Decimal("72.56")),
        ("2.160", "", Decimal("2160")),
        ("Tốt", "", "Tốt"),
        ("86,5", "%", Q_(86.5, "percent")),
        ("3.350.000", "đồng/người/tháng", Q_(3_350_000, "VND / person / month")),
        ("41,5", "triệu đồng/người/năm", Q_(41.5, "million_VND / person / year")),
    ],
)
def test_parse_value(cell, unit, expected):
    assert parse_value(cell, unit) == expected


@pytest.mark.parametrize(
    ("cell", "unit"), [("", ""), ("72.5", ""), ("abc", "%"), ("1", "bananas per fortnight")]
)
def test_parse_value_rejects(cell, unit):
    with pytest.raises(NtmError):
        parse_value(cell, unit)


def test_rows_are_grouped_by_locality_with_dates_and_sources():
    table = HEADER + (
        '03664,3.1,"86,5",%,30/6/2023,Biên bản quý II\n'
        "03664,3.2,đạt,,,\n"
        "03661,3.1,70,%,2023-06-30,\n"
    )
    grouped = reads_observations(table)
    assert list(grouped) == ["03664", "03661"]
    first = grouped["03664"][0]
    assert first.indicator_code == "3.1"
    assert first.as_of == datetime.date(2023, 6, 30)
    assert first.source == "Biên bản quý II"
    assert grouped["03664"][1].as_of is None


def test_every_bad_row_is_reported_with_its_line(tmp_path):
    path = tmp_path / "obs.csv"
    path.write_text(
        HEADER
        + "03664,3.1,72.5,,,\n"  # ambiguous number
        + "03664,3.2,đạt,,31/2/2023,\n"  # no such date
        + ",3.3,đạt,,,\n"  # no locality
        + "03664,10.1,45,quả chuối,,\n",  # unknown unit
        encoding="utf-8",
    )
    with pytest.raises(DataErrors) as caught:
        read_observations(path)
    err = caught.value
    assert err.file == str(path)
    assert [e.line for e in err.errors] == [2, 3, 4, 5]
    assert "72.5" in err.errors[0].message
    assert "line 3: " in str(err)
    assert "31/2/2023" in err.errors[1].message


def test_missing_columns_and_missing_file(tmp_path):
    with pytest.raises(DataError, match="missing column"):
        reads_observations("locality,value\n1,2\n")
    with pytest.raises(DataError, match="cannot read"):
        read_observations(tmp_path / "nope.csv")
    bad = tmp_path / "latin1.csv"
    bad.write_bytes(HEADER.encode() + "03664,3.1,đạt,,,\n".encode("utf-16"))
    with pytest.raises(DataError, match="UTF-8"):
        read_observations(bad)


def test_demo_observations_load():
    from ntm_criteria import demo

    grouped = demo.observations()
    assert len(grouped) == 6
    assert all(len(rows) >= 9 for rows in grouped.values())


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_any_text_raises_only_ntm_errors(text):
    with contextlib.suppress(NtmError):
        reads_observations(HEADER + text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=30), st.text(max_size=30))
def test_any_cell_raises_only_ntm_errors(cell, unit):
    with contextlib.suppress(NtmError):
        parse_value(cell, unit)
