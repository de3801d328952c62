"""Reading criterion-review tables (issue 10, point 1): headers in two languages, every bad row named."""

from __future__ import annotations

import datetime
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ntm_criteria.assessment import CriterionReview, ReviewStatus
from ntm_criteria.errors import DataError, DataErrors, NtmError
from ntm_criteria.io import REVIEW_COLUMNS, read_reviews, reads_reviews

ENGLISH = "locality,criterion,status,date,reviewer,note\n"
VIETNAMESE = "mã xã,tiêu chí,kết quả,ngày,đơn vị đánh giá,ghi chú\n"


def test_english_headers():
    text = (
        ENGLISH + "SL901,5,đạt,10/6/2022,Phòng Kinh tế,xem biên bản\nSL901,6,not met,10/6/2022,,\n"
    )
    first, second = reads_reviews(text)
    assert first == CriterionReview(
        "SL901", 5, ReviewStatus.MET, datetime.date(2022, 6, 10), "Phòng Kinh tế", "xem biên bản"
    )
    assert (second.status, second.reviewer, second.note) == (ReviewStatus.NOT_MET, None, None)
    assert (first.line, second.line) == (2, 3)


def test_vietnamese_headers_in_any_case_and_unicode_form():
    header = unicodedata.normalize("NFD", "Mã Xã,TIÊU CHÍ,Kết quả,Ngày,Đơn vị đánh giá,Ghi chú\n")
    (review,) = reads_reviews(header + "SL901,5,Chưa đánh giá,10/6/2022,UBND xã,\n")
    assert (review.locality, review.criterion, review.status) == (
        "SL901",
        5,
        ReviewStatus.NOT_REVIEWED,
    )
    assert review.reviewer == "UBND xã"


def test_optional_columns_may_be_absent_and_others_are_ignored():
    (review,) = reads_reviews(
        "locality,tên xã,criterion,status,date\nSL901,Chiềng Xôm,5,đạt,10/6/2022\n"
    )
    assert (review.reviewer, review.note, review.set_id) == (None, None, None)


def test_the_set_column():
    (review,) = reads_reviews(
        "locality,criterion,status,date,bộ tiêu chí\nSL901,5,đạt,10/6/2022,vn-ntm-commune-standard-2021-2025\n"
    )
    assert review.set_id == "vn-ntm-commune-standard-2021-2025"


def test_a_file_keeps_its_name_on_each_review(tmp_path):
    path = tmp_path / "reviews.csv"
    path.write_text("\ufeff" + VIETNAMESE + "SL901,5,đạt,10/6/2022,,\n", encoding="utf-8")
    (review,) = read_reviews(path)
    assert (review.file, review.line) == (str(path), 2)
    assert REVIEW_COLUMNS[:6] == tuple(ENGLISH.strip().split(","))


@pytest.mark.parametrize(
    ("row", "where"),
    [
        ("SL901,five,đạt,10/6/2022,,", "line 2: criterion: 'five' is not a criterion number"),
        ("SL901,5,tốt,10/6/2022,,", "line 2: status: unknown review status 'tốt'"),
        ("SL901,5,đạt,31/2/2022,,", "line 2: date: cannot parse '31/2/2022'"),
        ("SL901,5,đạt,,,", "line 2: date: empty"),
        (",5,đạt,10/6/2022,,", "line 2: locality: empty"),
        ("SL901,,đạt,10/6/2022,,", "line 2: criterion: empty"),
        ("SL901,5,,10/6/2022,,", "line 2: status: empty"),
        (
            "SL901,5,đạt,10/6/2022,,a,b",
            "line 2: the row has more fields than the header has columns",
        ),
    ],
)
def test_each_bad_row_names_its_line_and_column(row, where):
    with pytest.raises(DataErrors) as caught:
        reads_reviews(ENGLISH + row + "\n", file="reviews.csv")
    assert str(caught.value).startswith("reviews.csv: 1 problem:")
    assert where in str(caught.value)


def test_every_bad_row_is_reported_at_once():
    text = ENGLISH + "SL901,5,đạt,10/6/2022,,\nSL901,x,đạt,10/6/2022,,\nSL901,6,?,10/6/2022,,\n"
    with pytest.raises(DataErrors) as caught:
        reads_reviews(text)
    assert [(e.line, e.key_path) for e in caught.value.errors] == [(3, "criterion"), (4, "status")]


@pytest.mark.parametrize(
    ("header", "message"),
    [
        ("locality,criterion,date\n", "line 1: header: missing column(s) status"),
        (
            "mã xã,locality,criterion,status,date\n",
            "columns 'mã xã', 'locality' both give the locality",
        ),
    ],
)
def test_a_bad_header_is_one_problem_of_line_one(header, message):
    with pytest.raises(DataErrors) as caught:
        reads_reviews(header + "SL901,5,đạt,10/6/2022\n", file="r.csv")
    assert message in str(caught.value)


def test_an_empty_file_is_an_error(tmp_path):
    path = tmp_path / "empty.csv"
    path.write_text("", encoding="utf-8")
    with pytest.raises(DataError, match="the file is empty"):
        read_reviews(path)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list('SL9015,;"\n đạtkhôngchưaánhgiá/26x')), max_size=120))
def test_any_text_gives_reviews_or_an_ntm_error(body):
    try:
        reviews = reads_reviews(ENGLISH + body)
    except NtmError:
        return
    assert all(isinstance(r, CriterionReview) for r in reviews)


def test_a_workbook_sheet_is_read_like_the_csv(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Đánh giá"
    sheet.append(["Mã xã", "Tiêu chí", "Kết quả", "Ngày", "Đơn vị đánh giá", "Ghi chú"])
    sheet.append(["SL901", 5, "Đạt", "10/6/2022", "UBND xã", None])
    sheet.append(["SL901", "TC6", "?", "10/6/2022", None, None])
    book.save(tmp_path / "reviews.xlsx")
    with pytest.raises(DataErrors) as caught:
        read_reviews(tmp_path / "reviews.xlsx")
    assert "reviews.xlsx[Đánh giá]" in str(caught.value)
    assert "line 3: status: unknown review status '?'" in str(caught.value)
    sheet.delete_rows(3)
    book.save(tmp_path / "reviews.xlsx")
    (review,) = read_reviews(tmp_path / "reviews.xlsx")
    assert (review.criterion, review.status, review.reviewer) == (5, ReviewStatus.MET, "UBND xã")
