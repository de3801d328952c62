"""Trajectories: the pace of criteria gained and a projected date.

The sets and figures are TEST DATA (tests/data/progress), illustrative only.
"""

from __future__ import annotations

import datetime
from fractions import Fraction

import attrs
import pytest
from analysis_cases import (
    ON,
    commune,
    standard_result,
)

from ntm_criteria import (
    DataError,
)
from ntm_criteria.analysis import (
    trajectory,
)


class TestTrajectory:
    def series(self, *points: tuple[str, list[int]]):
        return [
            standard_result(fail=fail, on=datetime.date.fromisoformat(day)) for day, fail in points
        ]

    def test_pace_and_projection(self):
        t = trajectory(
            self.series(
                ("2022-06-30", [1, 2, 3, 4, 5, 6]),  # 13/19
                ("2023-06-30", [1, 2, 3]),  # 16/19: 3 a year
            )
        )
        assert t.points == ((datetime.date(2022, 6, 30), 13), (datetime.date(2023, 6, 30), 16))
        assert t.pace == Fraction(3 * 1461, 4 * 365)
        # 3 criteria left at 3 per 365 days: 365 days later (2024 is a leap year).
        assert t.projected == datetime.date(2024, 6, 29)
        assert t.on_track("31/12/2024")
        assert not t.on_track("31/12/2023")
        assert "dự kiến đạt ngày 29/06/2024" in t.explain("vi")

    def test_not_at_current_pace(self):
        flat = trajectory(self.series(("2022-12-31", [1]), ("2023-06-30", [1])))
        assert flat.pace == 0
        assert flat.projected is None
        assert not flat.on_track("31/12/2025")
        assert "not at current pace" in flat.explain("en")
        falling = trajectory(self.series(("2022-12-31", [1]), ("2023-06-30", [1, 2])))
        assert falling.pace < 0
        assert falling.projected is None

    def test_already_reached_and_single_points(self):
        t = trajectory(self.series(("2023-06-30", [])))
        assert t.pace is None
        assert t.reached
        assert t.projected == ON
        assert "đã đạt" in t.explain("vi")
        one = trajectory(self.series(("2023-06-30", [1])))
        assert one.projected is None
        assert "not enough data" in one.explain("en")

    def test_target(self):
        t = trajectory(self.series(("2022-06-30", [1, 2, 3, 4, 5, 6])), target=13)
        assert t.reached
        assert t.goal == 13

    def test_a_projection_beyond_the_calendar_is_not_at_current_pace(self):
        first, last = self.series(("2022-06-30", [1, 2]), ("2023-06-30", [1]))
        t = trajectory(
            [
                attrs.evolve(first, on=datetime.date(1, 1, 1)),
                attrs.evolve(last, on=datetime.date(9000, 1, 1)),
            ]
        )
        assert t.pace is not None
        assert t.pace > 0
        assert t.projected is None

    def test_sorted_and_checked(self):
        t = trajectory(self.series(("2023-06-30", []), ("2022-06-30", [1])))
        assert [d.year for d, _ in t.points] == [2022, 2023]
        with pytest.raises(DataError, match="one per date"):
            trajectory(self.series(("2023-06-30", []), ("2023-06-30", [1])))
        with pytest.raises(DataError, match="one locality"):
            trajectory([standard_result(), standard_result(place=commune("2", "Hai"))])
        with pytest.raises(DataError, match="at least one"):
            trajectory([])
