"""Generated criterion-review tables and reviews given to assess: only the library's errors, located."""

from __future__ import annotations

import datetime
import warnings

import pytest
from fuzz_cases import TESTS, csv_mutated, examples, only_ntm_errors
from hypothesis import given, settings
from hypothesis import strategies as st

from ntm_criteria import catalog
from ntm_criteria.assessment import ReviewDisagreementWarning, assess
from ntm_criteria.geography import Gazetteer
from ntm_criteria.io import reads_reviews

pytestmark = pytest.mark.fuzz

DATA = TESTS.parent / "examples" / "data" / "son_la_2022"
REVIEWS = (DATA / "reviews.csv").read_text(encoding="utf-8")
PLACES = Gazetteer.load_csv(DATA / "communes.csv")
NATIONAL = catalog.get("vn-ntm-commune-standard-2021-2025")


@settings(max_examples=examples(100))
@given(csv_mutated(REVIEWS), st.dates(datetime.date(2022, 3, 8), datetime.date(2026, 2, 14)))
def test_review_tables_and_assessing_with_them(text: str, on: datetime.date) -> None:
    reviews = only_ntm_errors(lambda: reads_reviews(text, file="reviews.csv"), "reviews.csv")
    if reviews is None:
        return
    commune = PLACES.effective("SL901")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ReviewDisagreementWarning)
        only_ntm_errors(
            lambda: assess(commune, NATIONAL, [], on=on, reviews=reviews), "reviews.csv"
        )
