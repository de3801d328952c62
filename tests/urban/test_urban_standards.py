"""One standard: points exactly at its minimum, at its maximum and in between, both ways."""

from __future__ import annotations

import datetime
from fractions import Fraction

import pytest

from ntm_criteria import Q_
from ntm_criteria.errors import DataError, ObservationError, UnitError
from ntm_criteria.rules import ByRegion, Context, Fixed, Unspecified
from ntm_criteria.urban import Direction, Standard

ON = datetime.date(2024, 6, 30)


# -- one standard ----------------------------------------------------------------------


def _standard(direction: str = "higher") -> Standard:
    if direction == "higher":
        return Standard("9.1", 5, "Chỉ tiêu", "Standard", Fixed(50), Fixed(100), 6, 10)
    return Standard("9.2", 5, "Chỉ tiêu", "Standard", Fixed(10), Fixed(2), 6, 10, direction="lower")


class TestStandardPoints:
    def test_at_minimum_earns_minimum_points(self) -> None:
        assert _standard().points_for(50) == 6

    def test_at_maximum_earns_maximum_points(self) -> None:
        assert _standard().points_for(100) == 10

    def test_beyond_maximum_earns_maximum_points(self) -> None:
        assert _standard().points_for(1_000) == 10

    def test_between_is_linear_and_exact(self) -> None:
        assert _standard().points_for(75) == 8
        assert _standard().points_for(Fraction(151, 2)) == Fraction(201, 25)
        assert _standard().points_for(51.3) == Fraction(6) + Fraction(4) * Fraction(13, 10) / 50

    def test_below_minimum_earns_nothing(self) -> None:
        assert _standard().points_for(49.99) == 0

    def test_lower_is_better(self) -> None:
        standard = _standard("lower")
        assert standard.points_for(10) == 6
        assert standard.points_for(2) == 10
        assert standard.points_for(0) == 10
        assert standard.points_for(6) == 8
        assert standard.points_for(10.01) == 0

    def test_quantity_is_converted(self) -> None:
        standard = Standard("9.3", 5, "Diện tích", "Area", Fixed(1), Fixed(3), 0, 2, unit="km ** 2")
        assert standard.points_for(Q_(2_000_000, "m ** 2")) == 1
        with pytest.raises(UnitError):
            standard.points_for(Q_(2, "person"))

    def test_equal_levels(self) -> None:
        standard = Standard("9.4", 5, "x", "x", Fixed(5), Fixed(5), 1, 2)
        assert standard.points_for(5) == 2
        assert standard.points_for(4) == 0

    def test_unspecified_levels(self) -> None:
        standard = Standard("9.5", 5, "x", "x", Fixed(5), Unspecified("?"), 1, 2)
        assert standard.points_for(4) == 0
        assert standard.points_for(6) is None
        assert Standard("9.6", 5, "x", "x", Unspecified(), Fixed(9), 1, 2).points_for(6) is None

    def test_levels_may_vary_by_region(self) -> None:
        standard = Standard(
            "9.7",
            5,
            "x",
            "x",
            ByRegion({"TDMNPB": Fixed(30)}, default=Fixed(50)),
            Fixed(100),
            6,
            10,
        )
        mountain = Context(on=ON, region="TDMNPB")
        assert standard.points_for(40, mountain) > 6
        assert standard.points_for(40, Context(on=ON, region="DBSH")) == 0

    @pytest.mark.parametrize(
        ("kwargs", "message"),
        [
            ({"min_points": 5, "max_points": 4}, "min_points 5 is above max_points 4"),
            ({"min_points": -1}, "negative"),
            ({"min_level": Fixed(10), "max_level": Fixed(5)}, "wrong order"),
            (
                {"min_level": Fixed(5), "max_level": Fixed(10), "direction": "lower"},
                "wrong order",
            ),
        ],
    )
    def test_bad_standards_are_refused(self, kwargs: dict[str, object], message: str) -> None:
        fields: dict[str, object] = {
            "code": "9.9",
            "criterion": 5,
            "name_vi": "x",
            "name_en": "x",
            "min_level": Fixed(1),
            "max_level": Fixed(2),
            "min_points": 1,
            "max_points": 2,
        }
        fields.update(kwargs)
        with pytest.raises(DataError, match=message):
            Standard(**fields)  # type: ignore[arg-type]

    def test_direction_labels(self) -> None:
        assert Direction.HIGHER.label("en") == "higher is better"
        assert Direction("lower").label("vi") == "càng thấp càng tốt"

    def test_bool_is_refused(self) -> None:
        with pytest.raises(ObservationError):
            _standard().points_for(True)
