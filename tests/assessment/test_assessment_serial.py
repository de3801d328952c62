"""Assessing localities: results as plain data and back."""

from __future__ import annotations

import json

import pytest
from assessment_support import ALL_MET, ON_2022, commune, income

from ntm_criteria import (
    AssessmentResult,
    Observation,
    assess,
)

# -- serialisation --------------------------------------------------------------


def test_result_round_trips_through_json(test_set):
    result = assess(
        commune("DBSCL", "island"),
        test_set,
        [*ALL_MET, income(41.5), Observation("11.1", 2, source="báo cáo quý II")],
        on=ON_2022,
    )
    data = json.loads(json.dumps(result.to_dict(), ensure_ascii=False))
    assert AssessmentResult.from_dict(data) == result
    assert AssessmentResult.from_dict(data).explain() == result.explain()


def test_from_dict_rejects_garbage():
    from ntm_criteria import DataError

    with pytest.raises(DataError, match="not an assessment result"):
        AssessmentResult.from_dict({"set_id": "x"})
