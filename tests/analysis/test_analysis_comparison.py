"""Comparisons of two assessments: gained, lost, unchanged.

The sets and figures are TEST DATA (tests/data/progress), illustrative only.
"""

from __future__ import annotations

import datetime

import pytest
from analysis_cases import (
    MODEL,
    ON,
    commune,
    observations,
    standard_result,
)

from ntm_criteria import (
    DataError,
    Status,
    assess,
)
from ntm_criteria.analysis import (
    compare,
)


class TestCompare:
    def test_gained_lost_unchanged(self):
        before = standard_result(fail=[10, 11, 17], on=datetime.date(2023, 3, 31))
        after = standard_result(fail=[11, 15], on=ON)
        c = compare(before, after)
        assert [x.number for x in c.gained] == [10, 17]
        assert [x.number for x in c.lost] == [15]
        assert len(c.unchanged) == 16
        assert (c.met_before, c.met_after) == (16, 17)
        text = c.explain("en")
        assert "lost: criterion 15 (Health) (not met)" in text
        assert "16 → 17 criteria met" in text

    def test_data_that_went_missing_is_a_regression_flagged_as_such(self):
        before = standard_result(on=datetime.date(2023, 3, 31))
        after = standard_result(changes={"15.1": None})
        (lost,) = compare(before, after).lost
        assert (lost.before, lost.after) == (Status.MET, Status.UNKNOWN)
        assert "(chưa xác định)" in compare(before, after).explain("vi")

    def test_a_new_set_adds_and_drops_criteria(self):
        before = standard_result(on=datetime.date(2022, 12, 31))
        codes = {i.code for i in MODEL.indicators()}
        after = assess(
            commune(), MODEL, [o for o in observations() if o.indicator_code in codes], on=ON
        )
        c = compare(before, after)
        assert (c.only_before, c.only_after) == ((), (20, 21))
        assert "only after: 20, 21" in c.explain("en")

    def test_refuses_two_localities_and_reversed_dates(self):
        with pytest.raises(DataError, match="two localities"):
            compare(standard_result(), standard_result(place=commune("03661", "Chiềng Đen")))
        with pytest.raises(DataError, match="in date order"):
            compare(standard_result(), standard_result(on=datetime.date(2023, 1, 1)))
