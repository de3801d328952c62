"""A ward's registered target year is a plan item; the old RoadmapItem names are deprecated aliases.

``civilized.registration`` makes the plan item; ``ntm_criteria.urban.RoadmapItem``
and ``RoadmapStatus`` warn and give plan items and plan statuses for one release.
"""

from __future__ import annotations

import datetime
from typing import Any

import attrs
import pytest

from ntm_criteria import civilized
from ntm_criteria.errors import DataError
from ntm_criteria.progress import PlanItem, PlanStatus, Roadmap

WARD_SET_ID = "vn-civilized-urban-ward-2022"


def roadmap_item() -> Any:
    with pytest.warns(DeprecationWarning, match="urban.RoadmapItem is deprecated"):
        from ntm_criteria.urban import RoadmapItem
    return RoadmapItem


def achieved(item: PlanItem, on: str) -> PlanItem:
    return attrs.evolve(item, status="achieved", achieved_on=on)


class TestRegistration:
    def test_registration_for_a_year(self) -> None:
        item = civilized.registration("26734", 2025, registered_on="15/3/2023")
        assert isinstance(item, PlanItem)
        assert item.due == datetime.date(2025, 12, 31)
        assert item.status is PlanStatus.PLANNED
        assert item.programme == WARD_SET_ID
        assert item.registered_on == datetime.date(2023, 3, 15)
        assert item.title_en == "Recognised as a civilized urban area in 2025"
        assert item.title_vi == "Đạt chuẩn đô thị văn minh năm 2025"
        assert item.agency == ""

    def test_wards_registering_for_2024_and_2025(self) -> None:
        plan = Roadmap(
            [
                civilized.registration("26734", 2024),
                civilized.registration("26737", 2025),
                civilized.registration("26740", 2025),
            ]
        )
        assert [i.locality for i in plan.due_in(2025)] == ["26737", "26740"]
        assert [i.locality for i in plan.overdue(datetime.date(2025, 1, 1))] == ["26734"]

    def test_achieved_items_are_never_overdue(self) -> None:
        item = achieved(civilized.registration("26734", 2024), "2024-11-20")
        assert item.status is PlanStatus.ACHIEVED
        assert item.achieved_on == datetime.date(2024, 11, 20)
        assert not item.is_overdue("1/1/2026")

    def test_round_trip(self) -> None:
        item = achieved(civilized.registration("26734", 2024), "2024-12-02")
        assert PlanItem.from_dict(item.to_dict()) == item

    def test_it_is_not_a_deprecated_alias_in_urban(self) -> None:
        import ntm_criteria.urban as urban

        with pytest.raises(AttributeError):
            urban.registration  # noqa: B018


class TestDeprecatedAliases:
    def test_roadmap_status_is_plan_status(self) -> None:
        with pytest.warns(DeprecationWarning, match="urban.RoadmapStatus is deprecated"):
            from ntm_criteria.urban import RoadmapStatus
        assert RoadmapStatus is PlanStatus
        assert RoadmapStatus("achieved") is RoadmapStatus.ACHIEVED is PlanStatus.DONE
        # The labels are the plan statuses' now (they were "kế hoạch", "đã đạt").
        assert [RoadmapStatus(s).label("vi") for s in ("planned", "achieved", "dropped")] == [
            "chưa thực hiện",
            "hoàn thành",
            "không thực hiện",
        ]

    def test_the_names_leave_urban_all(self) -> None:
        import ntm_criteria.urban as urban

        assert "RoadmapItem" not in urban.__all__
        assert "RoadmapStatus" not in urban.__all__

    def test_a_call_gives_the_mapped_plan_item(self) -> None:
        item = roadmap_item()(
            "26734", "x", "y", "31/12/2024", "achieved", "p", "1/3/2022", achieved_on="2/12/2024"
        )
        assert item == PlanItem(
            "26734",
            None,
            "31/12/2024",
            status=PlanStatus.DONE,
            programme="p",
            title_vi="x",
            title_en="y",
            registered_on="1/3/2022",
            achieved_on="2/12/2024",
        )

    def test_registration_is_the_civilized_one(self) -> None:
        item = roadmap_item().registration("26734", 2025, registered_on="15/3/2023")
        assert item == civilized.registration("26734", 2025, registered_on="15/3/2023")
        other = roadmap_item().registration("26734", 2025, programme="other-programme")
        assert other.programme == "other-programme"
        assert other.title_vi == "Đạt chuẩn đô thị văn minh năm 2025"

    def test_overdue_and_due_in(self) -> None:
        shim = roadmap_item()
        items = [shim.registration("26734", 2024), shim.registration("26737", 2025)]
        assert [i.locality for i in items if i.is_due_in(2025)] == ["26737"]
        assert [i.locality for i in items if i.is_overdue("1/1/2025")] == ["26734"]

    def test_from_dict_reads_the_old_shape(self) -> None:
        old = {
            "locality_code": "26734",
            "title_vi": "x",
            "title_en": "x",
            "target": "2024-12-31",
            "status": "achieved",
            "programme": None,
            "registered_on": None,
            "achieved_on": "2024-12-02",
        }
        item = roadmap_item().from_dict(old)
        assert item == roadmap_item()(
            "26734", "x", "x", "31/12/2024", "achieved", achieved_on="2/12/2024"
        )
        assert PlanItem.from_dict(item.to_dict()) == item

    def test_bad_data(self) -> None:
        shim = roadmap_item()
        with pytest.raises(DataError, match="unknown 'year'") as err:
            shim.from_dict(
                {
                    "locality_code": "1",
                    "title_vi": "x",
                    "title_en": "x",
                    "target": "2024-12-31",
                    "year": 1,
                }
            )
        assert err.value.key_path == "roadmap item"
        with pytest.raises(DataError, match="missing title_vi, title_en, target"):
            shim.from_dict({"locality_code": "1"})
        with pytest.raises(DataError, match="status: unknown plan status 'soon'") as err:
            shim("1", "x", "x", "31/12/2024", "soon")
        assert err.value.key_path == "status"
        with pytest.raises(DataError):
            shim.from_dict(
                {"locality_code": "1", "title_vi": "x", "title_en": "x", "target": "31/2/2024"}
            )
