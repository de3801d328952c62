"""A published classification summary (standards met of the total, points) decided from data."""

from __future__ import annotations

import contextlib
from fractions import Fraction

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from ntm_criteria.errors import DataError, DataErrors, NtmError
from ntm_criteria.rules import Fixed, Provenance, Status
from ntm_criteria.urban import (
    ClassificationSummary,
    classification_rules,
    reads_classification_summaries,
)

HEADER = "locality,class,as_of,standards_met,standards_total,points,source\n"
FULL = "locality,class,as_of,standards_met,standards_total,points,criteria_minimums_met\n"


def test_hong_linh_2023_is_short_of_class_iii():
    # The town's own report (reference additions_2026_12.md §3): 55/63, 72,56 points.
    decision = ClassificationSummary("HL", "III", "31/12/2023", 55, 63, "72,56").decide()
    assert decision.status is Status.NOT_MET
    assert decision.shortfall == Fraction(244, 100)
    assert decision.summary("vi") == (
        "55/63 tiêu chuẩn, 72,56 điểm, chưa đạt đô thị loại III (cần 75 điểm)"
    )
    assert decision.summary("en") == (
        "55/63 standards, 72.56 points, not yet class III (75 points needed)"
    )


def test_the_pass_line_comes_from_the_rules_not_the_code():
    rules = classification_rules()
    regime = rules.regime("26/2022/UBTVQH15")
    looser = attrs.evolve(regime, pass_total=Fixed(Fraction(70), Provenance("what-if")))
    what_if = attrs.evolve(rules, regimes=[looser if r is regime else r for r in rules.regimes])
    summary = ClassificationSummary("HL", "III", "31/12/2023", 55, 63, "72,56")
    decision = summary.decide(what_if)
    assert decision.pass_total.amount == 70
    assert decision.status is Status.UNKNOWN  # 70 points reached; criterion minimums unstated
    assert "đủ 70 điểm" in decision.summary("vi")


@pytest.mark.parametrize(
    ("minimums", "status", "words"),
    [
        (True, Status.MET, "đạt đô thị loại III (từ 75 điểm)"),
        (False, Status.NOT_MET, "có tiêu chí chưa đạt điểm tối thiểu"),
        (None, Status.UNKNOWN, "chưa rõ điểm tối thiểu của từng tiêu chí"),
    ],
)
def test_enough_points_is_not_enough_without_every_criterion_minimum(minimums, status, words):
    summary = ClassificationSummary("X", "III", "30/6/2024", 60, 63, 80, minimums)
    decision = summary.decide()
    assert decision.status is status
    assert words in decision.summary("vi")


def test_after_2025_the_old_line_is_not_applied():
    decision = ClassificationSummary("X", "III", "1/3/2026", 55, 63, "72,56").decide()
    assert decision.status is Status.UNKNOWN
    assert decision.shortfall is None
    assert "ngưỡng đạt chưa quy định" in decision.summary("vi")
    assert "pass line is not specified" in decision.summary("en")


def test_a_class_the_regime_does_not_have():
    with pytest.raises(DataError, match="class IV does not exist under 111/2025"):
        ClassificationSummary("X", "IV", "1/3/2026", 5, 63, 50).decide()


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (("VI", 5, 63, 50), "class"),
        (("III", 64, 63, 50), "standards_met"),
        (("III", -1, 63, 50), "standards_met"),
        (("III", 0, 0, 50), "standards_total"),
        (("III", 5, 63, -1), "points"),
    ],
)
def test_bad_figures_name_their_field(args, field):
    urban_class, met, total, points = args
    with pytest.raises(DataError) as caught:
        ClassificationSummary("X", urban_class, "31/12/2023", met, total, points)
    assert caught.value.key_path == field


@pytest.mark.parametrize(
    ("row", "where"),
    [
        ('A,III,31/12/2023,64,63,"72,56",', "line 2: standards_met: 64 standards met of 63"),
        ('A,VI,31/12/2023,5,63,"72,56",', "line 2: class: unknown urban class 'VI'"),
        ('A,III,31/12/2023,5,63,"100,5",', "line 2: points: A: 100.5 points"),
        ("A,III,31/12/2023,5,63,abc,", "line 2: points: cannot read 'abc'"),
        ("A,III,31/12/2023,5,,70,", "line 2: standards_total: missing"),
        ("A,III,31/12/2023,5.5,63,70,", "line 2: standards_met:"),
        ("A,III,1/1/2010,5,63,70,", "line 2: as_of: set 'urban classification' is not in force"),
        ("A,III,31/12/2023,5,63,72,56,report", "line 2: 8 cells for 7 columns"),
    ],
)
def test_bad_rows_name_file_line_and_column(row, where):
    with pytest.raises(DataErrors) as caught:
        reads_classification_summaries(HEADER + row + "\n", file="dothi.csv")
    assert str(caught.value).startswith("dothi.csv: 1 problem:")
    assert where in str(caught.value)


def test_reader_keeps_the_source():
    rows = reads_classification_summaries(HEADER + 'HL,III,31/12/2023,55,63,"72,56",town report\n')
    assert rows[0].source == "town report"
    assert rows[0].decide().explain("en").splitlines()[-1] == "Figures: town report"


@given(st.text(max_size=200))
def test_any_text_gives_summaries_or_a_library_error(text):
    with contextlib.suppress(NtmError):
        reads_classification_summaries(HEADER + text, file="f.csv")


def test_the_minimums_column():
    rows = reads_classification_summaries(
        FULL
        + "A,III,31/12/2023,60,63,80,có\nB,III,31/12/2023,60,63,80,No\nC,III,31/12/2023,60,63,80,\n"
    )
    assert [r.criteria_minimums_met for r in rows] == [True, False, None]
    assert [r.decide().status for r in rows] == [Status.MET, Status.NOT_MET, Status.UNKNOWN]
    with pytest.raises(DataErrors, match="line 2: criteria_minimums_met: 'có lẽ' is not a yes"):
        reads_classification_summaries(FULL + "A,III,31/12/2023,60,63,80,có lẽ\n")
