"""A warning names the caller's line, whichever public function led to it."""

from __future__ import annotations

import warnings

import pytest
from assessment_support import ON_2022, commune

from ntm_criteria import Observation, assess
from ntm_criteria._warnings import warn_caller
from ntm_criteria.analysis import decide_level
from ntm_criteria.assessment import (
    CriterionReview,
    ReviewDisagreementWarning,
    SuspiciousValueWarning,
)
from ntm_criteria.criteria import Level


def _caught(call, category):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        call()
    found = [w for w in caught if issubclass(w.category, category)]
    assert len(found) == 1, [str(w.message) for w in caught]
    return found[0]


@pytest.mark.parametrize("path", ["assess", "decide_level"])
def test_a_suspicious_value_warning_points_at_the_callers_line(test_set, path):
    observed = [Observation("3.1", 0.8)]
    if path == "assess":
        warning = _caught(
            lambda: assess(commune(), test_set, observed, on=ON_2022), SuspiciousValueWarning
        )
    else:
        ladder = {Level.STANDARD: test_set}
        warning = _caught(
            lambda: decide_level(commune(), observed, on=ON_2022, ladder=ladder),
            SuspiciousValueWarning,
        )
    assert warning.filename == __file__
    assert "0,8 — 80 %?" in str(warning.message)


def test_a_review_disagreement_points_at_the_callers_line(test_set):
    observed = [Observation("3.1", 90), Observation("3.2", True)]
    review = CriterionReview(commune().code, 3, "not_met", "1/6/2022")
    warning = _caught(
        lambda: assess(commune(), test_set, observed, on=ON_2022, reviews=[review]),
        ReviewDisagreementWarning,
    )
    assert warning.filename == __file__


def test_warn_caller_outside_the_library_names_its_own_caller():
    warning = _caught(lambda: warn_caller("x", UserWarning), UserWarning)
    assert warning.filename == __file__
