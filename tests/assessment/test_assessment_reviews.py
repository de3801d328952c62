"""Criterion reviews as an input to assess (issue 10, point 1)."""

from __future__ import annotations

import datetime
import unicodedata
import warnings

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ntm_criteria import Locality, catalog, demo
from ntm_criteria.assessment import (
    AssessmentResult,
    CriterionReview,
    ReviewDisagreement,
    ReviewDisagreementWarning,
    ReviewStatus,
    assess,
    check_reviews,
)
from ntm_criteria.errors import DataError, DataErrors
from ntm_criteria.levels import decide_level
from ntm_criteria.rules import Status
from support import ROOT, run_pycon_blocks

NATIONAL = catalog.get("vn-ntm-commune-standard-2021-2025")
ON = datetime.date(2022, 6, 15)
CHIENG_XOM = Locality("SL901", "Chiềng Xôm", "commune", region="TDMNPB")
BODY = "Văn phòng Điều phối NTM thành phố"


def review(number: int, status: str = "đạt", **fields: object) -> CriterionReview:
    fields.setdefault("reviewer", BODY)
    return CriterionReview("SL901", number, status, fields.pop("date", "10/6/2022"), **fields)  # type: ignore[arg-type]


def national(reviews: list[CriterionReview], observations: tuple = ()) -> AssessmentResult:
    return assess(CHIENG_XOM, NATIONAL, observations, on=ON, reviews=reviews)


# -- statuses and the review record ----------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "status"),
    [
        ("đạt", ReviewStatus.MET),
        ("Đạt", ReviewStatus.MET),
        ("met", ReviewStatus.MET),
        ("không đạt", ReviewStatus.NOT_MET),
        ("Chưa đạt", ReviewStatus.NOT_MET),
        ("NOT MET", ReviewStatus.NOT_MET),
        ("chưa đánh giá", ReviewStatus.NOT_REVIEWED),
        ("not yet reviewed", ReviewStatus.NOT_REVIEWED),
        (unicodedata.normalize("NFD", "không  đạt"), ReviewStatus.NOT_MET),
    ],
)
def test_statuses_are_read_from_vietnamese_and_english_words(word, status):
    assert ReviewStatus.parse(word) is status


def test_an_unknown_status_names_the_field():
    with pytest.raises(DataError, match="status: unknown review status 'tốt'"):
        ReviewStatus.parse("tốt")


def test_a_review_is_read_in_nfc():
    decomposed = CriterionReview(
        unicodedata.normalize("NFD", "SL901"),
        " 5 ",
        "đạt",
        "10/6/2022",
        reviewer=unicodedata.normalize("NFD", "Phòng Kinh tế  "),
    )
    assert decomposed.reviewer == "Phòng Kinh tế"
    assert decomposed == CriterionReview(
        "SL901", 5, "met", datetime.date(2022, 6, 10), "Phòng Kinh tế"
    )


@pytest.mark.parametrize(
    "written", ["5", "05", " 5 ", "Tiêu chí 5", "TC5", "tiêu chí số 5", "Criterion 5"]
)
def test_a_criterion_number_as_minutes_write_it(written):
    assert CriterionReview("SL901", written, "đạt", "10/6/2022").criterion == 5


@pytest.mark.parametrize(
    ("fields", "key"),
    [
        ({"criterion": "five"}, "criterion"),
        ({"criterion": 0}, "criterion"),
        ({"criterion": True}, "criterion"),
        ({"criterion": "5.1"}, "criterion"),
        ({"criterion": "tiêu chí"}, "criterion"),
        ({"criterion": "٣"}, "criterion"),
        ({"date": "31/2/2022"}, "date"),
        ({"status": ""}, "status"),
        ({"locality": " "}, "locality"),
    ],
)
def test_a_bad_review_names_its_field(fields, key):
    values = {"locality": "SL901", "criterion": 5, "status": "đạt", "date": "10/6/2022"} | fields
    with pytest.raises(DataError) as caught:
        CriterionReview(**values)  # type: ignore[arg-type]
    assert caught.value.key_path == key


# -- deciding criteria -----------------------------------------------------------------------


def test_a_review_decides_a_criterion_the_observations_leave_undecided():
    result = national([review(5), review(2, "không đạt")])
    school, roads = result.criterion(5), result.criterion(2)
    assert (school.status, school.by_review, school.review.reviewer) == (Status.MET, True, BODY)
    assert (roads.status, roads.reason, roads.by_review) == (Status.NOT_MET, None, True)
    assert (result.met_count, result.not_met_count, result.unknown_count) == (1, 1, 17)
    # A criterion decided by review needs no data, and does not rest on its thresholds.
    assert {"2", "5"}.isdisjoint(i.code for i in result.needs_data())
    assert len(result.needs_data()) == 18


def test_the_explanation_says_who_decided_and_when():
    result = national([review(5)])
    assert (
        "Tiêu chí 5 (Trường học): đạt — theo đánh giá của Văn phòng Điều phối NTM thành phố "
        "ngày 10/06/2022" in result.explain("vi")
    )
    assert (
        "Criterion 5 (Schools): met — decided by review of Văn phòng Điều phối NTM thành phố "
        "on 2022-06-10" in result.explain("en")
    )
    unnamed = national([review(5, reviewer=None)])
    assert unnamed.criterion(5).summary("vi").endswith("đạt — theo đánh giá ngày 10/06/2022")


def test_nineteen_reviews_give_the_reported_count():
    met = {1, 8, 12, 14, 15, 18, 19}
    reviews = [review(n, "đạt" if n in met else "không đạt") for n in range(1, 20)]
    result = national(reviews)
    assert (result.met_count, result.total, result.unknown_count) == (7, 19, 0)
    assert result.status is Status.NOT_MET
    assert result.headline("vi").startswith("Xã Chiềng Xôm: đạt 7/19 tiêu chí")


def test_not_yet_reviewed_leaves_the_criterion_undecided_but_recorded():
    c = national([review(5, "chưa đánh giá")]).criterion(5)
    assert (c.status, c.by_review, c.review.status) == (
        Status.UNKNOWN,
        False,
        ReviewStatus.NOT_REVIEWED,
    )


def test_reviews_of_other_localities_and_sets_are_ignored():
    others = [
        CriterionReview("SL902", 5, "đạt", "10/6/2022"),
        CriterionReview("SL901", 5, "đạt", "10/6/2022", set_id="another-set"),
    ]
    assert national(others).criterion(5).status is Status.UNKNOWN


def test_a_review_of_a_set_id_counts_for_that_set():
    own = CriterionReview("SL901", 5, "đạt", "10/6/2022", set_id=NATIONAL.id)
    assert national([own]).criterion(5).by_review


# -- disagreement ----------------------------------------------------------------------------


def test_observations_stand_and_a_disagreeing_review_is_warned_of_and_recorded():
    commune = demo.gazetteer().effective("03664")
    observations = demo.observations()["03664"]
    reviews = [CriterionReview("03664", 10, "đạt", "30/6/2023", reviewer="Phòng Kinh tế")]
    with pytest.warns(ReviewDisagreementWarning, match="03664: Criterion 10"):
        result = assess(
            commune, demo.criterion_set(), observations, on=demo.ASSESSMENT_DATE, reviews=reviews
        )
    c = result.criterion(10)
    assert (c.status, c.by_review, c.review.status) == (Status.NOT_MET, False, ReviewStatus.MET)
    assert result.review_disagreements == (ReviewDisagreement(10, Status.NOT_MET, reviews[0]),)
    assert "Lưu ý: 1 đánh giá tiêu chí khác với kết quả theo số liệu:" in result.explain("vi")
    assert "Tiêu chí 10: theo số liệu là chưa đạt; đánh giá của Phòng Kinh tế" in result.explain(
        "vi"
    )
    data = result.to_dict()
    assert data["review_disagreements"][0]["computed"] == "not_met"
    assert AssessmentResult.from_dict(data) == result


def test_an_agreeing_review_is_recorded_without_a_warning():
    commune = demo.gazetteer().effective("03664")
    reviews = [CriterionReview("03664", 10, "không đạt", "30/6/2023")]
    with warnings.catch_warnings():
        warnings.simplefilter("error", ReviewDisagreementWarning)
        result = assess(
            commune,
            demo.criterion_set(),
            demo.observations()["03664"],
            on=demo.ASSESSMENT_DATE,
            reviews=reviews,
        )
    assert result.criterion(10).review == reviews[0]
    assert result.review_disagreements == ()


# -- bad reviews -----------------------------------------------------------------------------


def test_an_unknown_criterion_is_an_error_naming_the_row():
    bad = CriterionReview("SL901", 20, "đạt", "10/6/2022", file="reviews.csv", line=7)
    with pytest.raises(DataErrors) as caught:
        national([bad])
    assert "reviews.csv: 1 problem:\n  - line 7: criterion: no criterion 20" in str(caught.value)
    assert "(expected one of 1-19)" in str(caught.value)


def test_a_review_after_the_assessment_date_does_not_count_yet():
    # As with observations: one review file serves every quarter's assessment.
    late = CriterionReview("SL901", 5, "đạt", "16/6/2022", file="reviews.csv", line=3)
    assert check_reviews([late], NATIONAL, ON) == ()
    assert check_reviews([late], NATIONAL, "30/6/2022") == (late,)


def test_the_latest_review_on_or_before_the_date_counts():
    first = CriterionReview("SL901", 5, "không đạt", "1/3/2022", line=2)
    second = CriterionReview("SL901", 5, "đạt", "10/6/2022", line=9)
    later = CriterionReview("SL901", 5, "không đạt", "1/9/2022", line=12)
    assert check_reviews([second, first, later], NATIONAL, ON) == (second,)
    assert check_reviews([first, second, later], NATIONAL, "30/9/2022") == (later,)


def test_two_reviews_of_a_criterion_on_one_date_are_an_error_naming_both_rows():
    first = CriterionReview("SL901", 5, "đạt", "10/6/2022", file="r.csv", line=2)
    second = CriterionReview("SL901", 5, "không đạt", "10/6/2022", file="r.csv", line=9)
    with pytest.raises(
        DataErrors,
        match=r"line 9: criterion: a second review of criterion 5 of SL901 on 2022-06-10 \(line 2\)",
    ):
        check_reviews([first, second], NATIONAL, ON)


def test_all_problems_are_reported_together():
    bad = [
        CriterionReview("SL901", 20, "đạt", "10/6/2022", line=2),
        CriterionReview("SL901", 21, "đạt", "10/7/2022", line=3),
    ]
    with pytest.raises(DataErrors) as caught:
        check_reviews(bad, NATIONAL, ON)
    assert [e.line for e in caught.value.errors] == [2, 3]


def test_a_review_not_from_a_file_names_its_locality_and_criterion():
    with pytest.raises(DataErrors, match="review SL901/25: criterion: no criterion 25"):
        national([review(25)])


# -- levels ----------------------------------------------------------------------------------


def test_decide_level_gives_reviews_to_the_lowest_set():
    reviews = [review(n) for n in range(1, 20)]
    decision = decide_level(CHIENG_XOM, [], on=ON, ladder=[NATIONAL], reviews=reviews)
    assert decision.step(decision.levels[0]).result.met_count == 19
    assert decision.level is not None


def test_decide_level_refuses_a_review_for_a_set_not_in_the_ladder():
    stray = CriterionReview("SL901", 5, "đạt", "10/6/2022", set_id="no-such-set", line=4)
    with pytest.raises(DataError, match="line 4: set_id: set 'no-such-set' is not in the ladder"):
        decide_level(CHIENG_XOM, [], on=ON, ladder=[NATIONAL], reviews=[stray])


# -- invariants ------------------------------------------------------------------------------

DEMO_SET = demo.criterion_set()
DEMO_NUMBERS = [c.number for c in DEMO_SET.criteria]
STATUSES = st.sampled_from(["đạt", "không đạt", "chưa đánh giá"])


@settings(max_examples=60, deadline=None)
@given(
    code=st.sampled_from(sorted(demo.observations())),
    found=st.dictionaries(st.sampled_from(DEMO_NUMBERS), STATUSES),
)
def test_reviews_never_change_a_criterion_the_observations_decide(code, found):
    commune = demo.gazetteer().effective(code)
    observations = demo.observations()[code]
    plain = assess(commune, DEMO_SET, observations, on=demo.ASSESSMENT_DATE)
    reviews = [CriterionReview(code, n, s, "1/6/2023") for n, s in found.items()]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ReviewDisagreementWarning)
        reviewed = assess(commune, DEMO_SET, observations, on=demo.ASSESSMENT_DATE, reviews=reviews)
    for before, after in zip(plain.criteria, reviewed.criteria, strict=True):
        if before.status is not Status.UNKNOWN:
            assert after.status is before.status
            assert not after.by_review
        elif after.by_review:
            assert after.status is ReviewStatus.parse(found[after.number]).status
        else:
            assert after.status is Status.UNKNOWN
    expected = sum(
        1
        for c in plain.criteria
        if c.number in found
        and c.status in (Status.MET, Status.NOT_MET)
        and ReviewStatus.parse(found[c.number]).status not in (None, c.status)
    )
    assert len(reviewed.review_disagreements) == expected
    assert AssessmentResult.from_dict(reviewed.to_dict()) == reviewed


def test_the_reviews_page_runs():
    blocks, examples = run_pycon_blocks(ROOT / "docs" / "reviews.md")
    assert (blocks, examples) >= (1, 7)


def test_a_criterion_decided_by_review_does_not_rest_on_its_thresholds():
    commune = demo.gazetteer().effective("30046")
    args = (commune, demo.criterion_set(), demo.observations()["30046"])
    plain = assess(*args, on=demo.ASSESSMENT_DATE)
    reviewed = assess(
        *args, on=demo.ASSESSMENT_DATE, reviews=[CriterionReview("30046", 17, "đạt", "1/6/2023")]
    )
    assert plain.criterion(17).status is Status.UNKNOWN
    assert "17.1" in [i.code for i in plain.untrusted()]
    assert "17.1" not in [i.code for i in reviewed.untrusted()]
    assert reviewed.to_dict()["untrusted_thresholds"] == [i.code for i in reviewed.untrusted()]
    assert (reviewed.met_count, reviewed.unknown_count) == (plain.met_count + 1, 0)
