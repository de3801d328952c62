"""OCOP products awaiting their rating, and counts per commune: certified vs awaiting."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ntm_criteria.errors import DataErrors, NtmError
from ntm_criteria.ocop import (
    Certificate,
    OcopCount,
    Registration,
    count_by_commune,
    count_products,
    reads_product_list,
)

HEADER = "code,name,commune,status,stars,date,decision\n"


def test_hong_linh_four_certified_two_awaiting():
    certs = [Certificate(f"P{i}", "Sản phẩm", "HL", None, "31/12/2023") for i in range(4)]
    waiting = [Registration(f"P{i}", "Sản phẩm", "HL", "31/12/2023") for i in (4, 5)]
    counts = count_products(certs, waiting, on="31/12/2023")
    assert counts == {"HL": OcopCount("HL", 4, 2)}
    assert counts["HL"].summary("vi", name="thị xã Hồng Lĩnh") == (
        "thị xã Hồng Lĩnh: 4 sản phẩm OCOP được công nhận, 2 sản phẩm chờ đánh giá"
    )


def test_a_registration_stops_awaiting_once_certified():
    reg = Registration("A", "Chè", "C1", "1/3/2023")
    cert = Certificate("A", "Chè", "C1", 3, "1/9/2023")
    assert count_products([cert], [reg], on="1/6/2023") == {"C1": OcopCount("C1", 0, 1)}
    assert count_products([cert], [reg], on="1/10/2023") == {"C1": OcopCount("C1", 1, 0)}
    assert count_products([cert], [reg], on="1/1/2023") == {}


def test_unknown_stars_count_for_the_certificate_minimum_only():
    cert = Certificate("A", "Chè", "C1", None, "1/9/2023")
    assert count_by_commune([cert], "1/10/2023") == {"C1": 1}
    assert count_by_commune([cert], "1/10/2023", min_stars=4) == {}


def test_the_list_reader_splits_certified_and_awaiting():
    items = reads_product_list(
        HEADER
        + "A,Chè,C1,đã công nhận,4,1/6/2023,12/QĐ-UBND\n"
        + "B,Mận,C1,Chờ  đánh giá,,1/9/2023,\n"
        + "C,Mơ,C2,certified,,1/6/2023,\n"
    )
    assert [c.product_code for c in items.certificates] == ["A", "C"]
    assert items.certificates[0].decision == "12/QĐ-UBND"
    assert items.certificates[1].stars is None
    assert [r.product_code for r in items.registrations] == ["B"]
    assert items.counts("31/12/2023") == {
        "C1": OcopCount("C1", 1, 1),
        "C2": OcopCount("C2", 1, 0),
    }


@pytest.mark.parametrize(
    ("row", "where"),
    [
        ("A,Chè,C1,đạt,6,1/6/2023,", "line 2: stars: 6 is outside 3–5"),
        ("A,Chè,C1,đạt,2,1/6/2023,", "line 2: stars: 2 is outside 3–5"),
        ("A,Chè,C1,chờ đánh giá,3,1/6/2023,", "line 2: stars: 3 stars for a product awaiting"),
        ("A,Chè,C1,bỏ,,1/6/2023,", "line 2: status: unknown status 'bỏ'"),
        ("A,Chè,C1,đạt,,,", "line 2: date: missing"),
        ("A,,C1,đạt,,1/6/2023,", "line 2: name: missing"),
        ("A,Chè,C1,đạt,ba,1/6/2023,", "line 2: stars: cannot read 'ba'"),
    ],
)
def test_bad_rows_name_file_line_and_column(row, where):
    with pytest.raises(DataErrors) as caught:
        reads_product_list(HEADER + row + "\n", file="ocop.csv")
    assert str(caught.value).startswith("ocop.csv: 1 problem:")
    assert where in str(caught.value)


def test_a_product_listed_twice_with_the_same_status():
    with pytest.raises(DataErrors, match="line 3: code: product A listed certified again"):
        reads_product_list(HEADER + "A,Chè,C1,đạt,,1/6/2023,\nA,Chè,C1,đạt,,1/7/2023,\n")


@given(st.text(max_size=200))
def test_any_text_gives_a_list_or_a_library_error(text):
    with contextlib.suppress(NtmError):
        reads_product_list(HEADER + text, file="f.csv")
