"""Assessing localities: explanations and shortfalls."""

from __future__ import annotations

import pytest
from assessment_support import ALL_MET, ON_2022, commune, income

from ntm_criteria import (
    Observation,
    UnknownCodeError,
    assess,
)

# -- explanations ---------------------------------------------------------------


def test_explain_reads_like_a_review_minute(test_set):
    result = assess(commune("DBSCL"), test_set, [*ALL_MET, income(41.5)], on=ON_2022)
    text = result.explain("vi")
    assert "Tiêu chí 10 (Thu nhập): chưa đạt — 41,5 < 45 triệu đồng/người/năm" in text
    assert "Tiêu chí 3 (Thủy lợi): đạt" in text
    assert text.splitlines()[0].startswith("Xã Thử: đạt 2/5 tiêu chí (Bộ tiêu chí thử, 15/06/2022)")
    english = result.explain("en")
    assert "Criterion 10 (Income): not met — 41.5 < 45 million VND/person/year" in english


def test_explain_flags_unverified_thresholds(test_set):
    result = assess(commune("TDMNPB"), test_set, [Observation("11.1", 2)], on=ON_2022)
    assert [o.code for o in result.untrusted()] == ["11.1"]
    assert "chưa kiểm chứng (chỉ tiêu 11.1)" in result.explain("vi")
    trusted = assess(commune("DBSH"), test_set, [income(50)], on=ON_2022)
    assert "11.1" in [o.code for o in trusted.untrusted()]


def test_explain_rejects_unknown_language(test_set):
    result = assess(commune(), test_set, [], on=ON_2022)
    with pytest.raises(UnknownCodeError, match="language"):
        result.explain("fr")


def test_shortfalls_are_in_set_order_with_gaps(test_set):
    result = assess(
        commune("DBSCL"),
        test_set,
        [Observation("3.1", 70), Observation("3.2", False), income(40)],
        on=ON_2022,
    )
    assert [o.code for o in result.shortfalls()] == ["3.1", "3.2", "10.1"]
    assert result.shortfalls()[0].gap == 10
    assert result.shortfalls()[1].gap is None
