"""Roadmap items: a ward's registered target year, due and overdue items, plain data."""

from __future__ import annotations

import datetime

import attrs
import pytest

from ntm_criteria.errors import DataError
from ntm_criteria.urban import RoadmapItem, RoadmapStatus

WARD_SET_ID = "vn-civilized-urban-ward-2022"


class TestRoadmap:
    def test_registration_for_a_year(self) -> None:
        item = RoadmapItem.registration("26734", 2025, registered_on="15/3/2023")
        assert item.target == datetime.date(2025, 12, 31)
        assert item.status is RoadmapStatus.PLANNED
        assert item.programme == WARD_SET_ID
        assert item.registered_on == datetime.date(2023, 3, 15)
        assert item.title_en == "Recognised as a civilized urban area in 2025"

    def test_wards_registering_for_2024_and_2025(self) -> None:
        items = [
            RoadmapItem.registration("26734", 2024),
            RoadmapItem.registration("26737", 2025),
            RoadmapItem.registration("26740", 2025),
        ]
        assert [i.locality_code for i in items if i.is_due_in(2025)] == ["26737", "26740"]
        on = datetime.date(2025, 1, 1)
        assert [i.locality_code for i in items if i.is_overdue(on)] == ["26734"]

    def test_achieved_items_are_never_overdue(self) -> None:
        item = attrs.evolve(
            RoadmapItem.registration("26734", 2024),
            status=RoadmapStatus.ACHIEVED,
            achieved_on=datetime.date(2024, 11, 20),
        )
        assert not item.is_overdue("1/1/2026")

    def test_round_trip(self) -> None:
        item = RoadmapItem("26734", "x", "x", "31/12/2024", "achieved", achieved_on="2/12/2024")
        assert RoadmapItem.from_dict(item.to_dict()) == item

    def test_bad_data(self) -> None:
        with pytest.raises(DataError, match="unknown 'year'"):
            RoadmapItem.from_dict(
                {
                    "locality_code": "1",
                    "title_vi": "x",
                    "title_en": "x",
                    "target": "2024-12-31",
                    "year": 1,
                }
            )
        with pytest.raises(DataError, match="unknown roadmap status 'soon'"):
            RoadmapItem("1", "x", "x", "31/12/2024", "soon")
        with pytest.raises(DataError):
            RoadmapItem.from_dict(
                {"locality_code": "1", "title_vi": "x", "title_en": "x", "target": "31/2/2024"}
            )

    def test_status_labels(self) -> None:
        assert [s.label("en") for s in RoadmapStatus] == ["planned", "achieved", "dropped"]
