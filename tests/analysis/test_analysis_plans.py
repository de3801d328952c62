"""Plans and roadmaps: plan items, statuses, overdue items, drafts, reporting deadlines.

Plan items are the one roadmap type: a commune's item for an indicator or a
criterion, and a ward's target year, a dropped item, round trips.

A ward's registration ("đăng ký đạt chuẩn đô thị văn minh năm 2025") is a
plan item on a whole programme, with no agency; the figures are illustrative.
"""

from __future__ import annotations

import datetime
import unicodedata

import attrs
import pytest
from analysis_cases import (
    ON,
    commune,
    standard_result,
)
from hypothesis import given, settings
from hypothesis import strategies as st

from ntm_criteria import (
    DataError,
    NtmError,
    RecurringDeadline,
    assess,
)
from ntm_criteria.analysis import (
    PlanItem,
    PlanStatus,
    Roadmap,
    draft_roadmap,
    next_deadline,
    shortfalls,
)
from ntm_criteria.periods import as_date
from ntm_criteria.report import roadmap_table


class TestRoadmaps:
    """ "Lộ trình thực hiện đối với từng tiêu chí chưa đạt, có phân công rõ ràng"."""

    def test_plan_status(self):
        assert PlanStatus.parse("HOÀN THÀNH") is PlanStatus.DONE
        assert PlanStatus.parse("in_progress") is PlanStatus.IN_PROGRESS
        assert PlanStatus.PLANNED.label("en") == "planned"
        with pytest.raises(DataError, match="unknown plan status"):
            PlanStatus.parse("soon")

    def test_items_need_a_target_and_an_agency(self):
        with pytest.raises(DataError, match="names no indicator and no criterion"):
            PlanItem("03664", "UBND xã", "31/12/2023")
        with pytest.raises(DataError, match="agency must be non-empty"):
            PlanItem("03664", "  ", "31/12/2023", criterion=10)
        with pytest.raises(DataError, match="criterion 'ten' is not a number"):
            PlanItem("03664", "UBND xã", "31/12/2023", criterion="ten")
        with pytest.raises(DataError, match=r"^due: missing"):
            PlanItem.from_dict({"locality": "03664", "agency": "UBND xã", "indicator": "10.1"})

    def test_overdue_as_of_a_date(self):
        plan = Roadmap(
            [
                PlanItem("03664", "Phòng Kinh tế", "30/9/2023", indicator="10.1"),
                PlanItem("03664", "UBND xã", "30/6/2023", criterion=18, status="đang thực hiện"),
                PlanItem("03661", "Phòng Y tế", "31/3/2023", indicator="15.1", status="done"),
                PlanItem("03661", "Phòng LĐTB&XH", "31/12/2023", indicator="11.1"),
            ]
        )
        assert plan.overdue("30/6/2023") == ()  # due on the day is not late
        late = plan.overdue("1/10/2023")
        assert [(i.locality, i.target("vi")) for i in late] == [
            ("03664", "tiêu chí 18"),
            ("03664", "chỉ tiêu 10.1"),
        ]
        assert [i.locality for i in plan.for_locality("03661").items] == ["03661", "03661"]

    def test_uncovered_shortfalls(self):
        result = standard_result(fail=[10, 11, 13])
        plan = Roadmap(
            [
                PlanItem("03664", "Phòng Kinh tế", "31/12/2023", indicator="10.1"),
                PlanItem("03664", "UBND xã", "31/12/2023", criterion=13),
                PlanItem("99999", "UBND xã", "31/12/2023", indicator="11.1"),  # another commune
            ]
        )
        assert [s.code for s in plan.uncovered(result)] == ["11.1"]

    def test_reporting_deadlines(self):
        """ "Báo cáo kết quả trước ngày 25 hằng tháng", and each quarter."""
        monthly = RecurringDeadline.monthly(25, description_vi="Báo cáo kết quả")
        quarterly = RecurringDeadline.quarterly(20, description_vi="Báo cáo quý")
        plan = Roadmap([], reporting=[monthly, quarterly])
        assert monthly.label() == "trước ngày 25 hằng tháng"
        assert plan.next_report("1/6/2023") == (datetime.date(2023, 6, 20), quarterly)
        assert plan.next_report("21/6/2023") == (datetime.date(2023, 6, 25), monthly)
        assert plan.next_report("25/6/2023", inclusive=False) == (
            datetime.date(2023, 7, 25),
            monthly,
        )
        assert Roadmap([]).next_report("1/6/2023") is None
        # On a shared day the first listed deadline wins.
        same = RecurringDeadline.monthly(20)
        assert next_deadline([same, quarterly], "1/6/2023")[1] is same

    def test_draft_roadmap(self):
        results = [
            standard_result(fail=[10, 18]),
            standard_result(fail=[11], place=commune("03661", "Chiềng Đen")),
        ]
        plan = draft_roadmap(
            results,
            agencies={"10.1": "Phòng Kinh tế", "11": "Phòng LĐTB&XH"},
            default_agency="UBND xã",
            due=lambda s: datetime.date(2023, 12, 31) if s.needs_investment else ON,
            reporting=[RecurringDeadline.monthly(25)],
        )
        assert [(i.locality, i.indicator, i.agency, i.due.month) for i in plan.items] == [
            ("03664", "18.1", "UBND xã", 6),
            ("03664", "10.1", "Phòng Kinh tế", 12),
            ("03661", "11.1", "Phòng LĐTB&XH", 12),
        ]
        assert all(i.status is PlanStatus.PLANNED for i in plan.items)
        assert plan.uncovered(results[0]) == ()
        assert len(plan.reporting) == 1

    def test_draft_roadmap_names_every_shortfall_without_an_agency(self):
        with pytest.raises(DataError, match=r"indicator\(s\) 18.1, 10.1"):
            draft_roadmap(standard_result(fail=[10, 18]), agencies={}, due="31/12/2023")

    def test_round_trip(self):
        item = PlanItem(
            "03664", "UBND xã", "31/12/2023", indicator="3.1", action="Kiên cố hóa kênh"
        )
        assert PlanItem.from_dict(item.to_dict()) == item


PROGRAMME = "vn-civilized-urban-ward-2022"


def ward_item(year: int = 2025, **kw: object) -> PlanItem:
    return PlanItem.registration(
        "26734",
        year,
        programme=PROGRAMME,
        registered_on="1/3/2023",
        title_vi=f"Đạt chuẩn đô thị văn minh năm {year}",
        title_en=f"Recognised as a civilized urban area in {year}",
        **kw,
    )


class TestWardRegistration:
    def test_a_registration_is_an_item_on_a_whole_programme(self):
        item = ward_item()
        assert (item.locality, item.due, item.programme) == (
            "26734",
            datetime.date(2025, 12, 31),
            PROGRAMME,
        )
        assert (item.indicator, item.criterion, item.agency) == (None, None, "")
        assert item.registered_on == datetime.date(2023, 3, 1)
        assert item.achieved_on is None
        assert item.status is PlanStatus.PLANNED
        assert item.target("vi") == f"chương trình {PROGRAMME}"
        assert item.target("en") == f"programme {PROGRAMME}"
        assert item.label("vi") == "Đạt chuẩn đô thị văn minh năm 2025"
        assert item.label("en") == "Recognised as a civilized urban area in 2025"

    def test_an_agency_may_be_given(self):
        assert ward_item(agency="UBND phường").agency == "UBND phường"

    def test_no_agency_is_allowed_but_blank_text_is_not(self):
        assert PlanItem("26734", None, "31/12/2025", programme=PROGRAMME).agency == ""
        # "" is no agency too, as it is stored (it used to be refused: see the evolve test).
        assert PlanItem("26734", "", "31/12/2025", programme=PROGRAMME).agency == ""
        with pytest.raises(DataError, match="agency must be non-empty"):
            PlanItem("26734", "  ", "31/12/2025", programme=PROGRAMME)
        with pytest.raises(DataError, match="agency must be non-empty"):
            PlanItem("26734", " UBND", "31/12/2025", programme=PROGRAMME)

    def test_a_target_or_a_title_is_required(self):
        with pytest.raises(DataError, match="names no indicator and no criterion"):
            PlanItem("26734", None, "31/12/2025", action="Một việc")
        item = PlanItem("26734", None, "31/12/2025", title_vi="Hoàn thiện hồ sơ", title_en="File")
        assert (item.target("vi"), item.target("en")) == ("Hoàn thiện hồ sơ", "File")
        assert PlanItem.from_dict(item.to_dict()) == item

    def test_a_programme_item_assigns_no_single_shortfall(self):
        from ntm_criteria import demo

        r = assess(
            demo.gazetteer().effective("03664"),
            demo.criterion_set(),
            demo.observations()["03664"],
            on=demo.ASSESSMENT_DATE,
        )
        item = PlanItem("03664", "UBND xã", "31/12/2025", programme=r.set_id)
        assert not any(item.covers(s) for s in shortfalls(r))
        assert Roadmap([item]).uncovered(r) == shortfalls(r)

    def test_a_title_in_one_language_serves_both(self):
        item = PlanItem("1", None, "2025-12-31", programme="p", title_en="Recognised in 2025")
        assert item.label("vi") == item.label("en") == "Recognised in 2025"


class TestDueAndOverdue:
    def test_due_in_its_year_and_overdue_after_it(self):
        item = ward_item(2025)
        assert item.is_due_in(2025)
        assert not item.is_due_in(2024)
        assert not item.is_overdue("31/12/2025")
        assert item.is_overdue("1/1/2026")

    def test_done_and_dropped_items_are_never_overdue(self):
        for status in (PlanStatus.DONE, PlanStatus.DROPPED):
            item = PlanItem("26734", None, "31/12/2024", programme=PROGRAMME, status=status)
            assert not item.is_overdue("1/1/2030")
        in_progress = PlanItem("1", "UBND xã", "31/12/2024", criterion=5, status="in_progress")
        assert in_progress.is_overdue("1/1/2025")

    def test_a_roadmap_lists_the_items_of_a_year_and_those_overdue(self):
        plan = Roadmap(
            [
                ward_item(2025),
                PlanItem.registration("26737", 2024, programme=PROGRAMME),
                PlanItem.registration("26740", 2024, programme=PROGRAMME, agency="UBND phường"),
                PlanItem("26743", None, "31/12/2024", programme=PROGRAMME, status="dropped"),
            ]
        )
        assert [i.locality for i in plan.due_in(2024)] == ["26737", "26740", "26743"]
        assert [i.locality for i in plan.due_in(2025)] == ["26734"]
        assert [i.locality for i in plan.overdue("1/1/2025")] == ["26737", "26740"]

    def test_it_behaves_as_the_urban_roadmap_item(self):
        """The deprecated RoadmapItem gives the mapped PlanItem; "overdue" and "due in" keep."""
        with pytest.warns(DeprecationWarning, match="RoadmapItem is deprecated"):
            from ntm_criteria.urban import RoadmapItem
        cases = [
            (("26737", "x", "y", "30/6/2025"), {"status": old, "achieved_on": "1/6/2025"})
            for old in ("planned", "achieved", "dropped")
        ]
        for args, kw in cases:
            new = RoadmapItem(*args, **kw)
            assert new == from_roadmap_item(*args, **kw)
            assert new.status is {"planned": PlanStatus.PLANNED, "achieved": PlanStatus.DONE}.get(
                kw["status"], PlanStatus.DROPPED
            )
            assert new.label("en") == "y"
            target = datetime.date(2025, 6, 30)
            for day in ("29/6/2025", "30/6/2025", "1/7/2025", "31/12/2025", "1/1/2030"):
                old_overdue = kw["status"] == "planned" and as_date(day) > target
                assert new.is_overdue(day) == old_overdue, (args, kw, day)
            for year in (2024, 2025):
                assert new.is_due_in(year) == (year == 2025)
            assert PlanItem.from_dict(new.to_dict()) == new
        registered = RoadmapItem.registration("26734", 2025, registered_on="1/3/2023")
        assert registered == ward_item(2025)


def from_roadmap_item(
    locality_code: str,
    title_vi: str,
    title_en: str,
    target: str,
    status: str = "planned",
    achieved_on: str | None = None,
) -> PlanItem:
    """The mapping of the deprecated RoadmapItem's fields onto a PlanItem."""
    return PlanItem(
        locality_code,
        None,
        target,
        status=PlanStatus(status),
        programme=None,
        title_vi=title_vi,
        title_en=title_en,
        registered_on=None,
        achieved_on=achieved_on,
    )


class TestStatus:
    def test_dropped(self):
        assert PlanStatus.parse("không thực hiện") is PlanStatus.DROPPED
        assert PlanStatus.parse("Dropped") is PlanStatus.DROPPED
        assert PlanStatus.DROPPED.label("vi") == "không thực hiện"
        assert PlanStatus.DROPPED.label("en") == "dropped"
        assert not PlanStatus.DROPPED.is_open

    def test_the_words_of_the_ward_roadmaps_are_read(self):
        assert PlanStatus.parse("kế hoạch") is PlanStatus.PLANNED
        assert PlanStatus.parse("đã đạt") is PlanStatus.DONE
        assert PlanStatus.parse("achieved") is PlanStatus.DONE
        assert PlanStatus("achieved") is PlanStatus.ACHIEVED is PlanStatus.DONE
        assert list(PlanStatus) == [
            PlanStatus.PLANNED,
            PlanStatus.IN_PROGRESS,
            PlanStatus.DONE,
            PlanStatus.DROPPED,
        ]
        with pytest.raises(ValueError, match="not a valid PlanStatus"):
            PlanStatus("soon")

    def test_the_labels_are_unchanged(self):
        assert [s.label("vi") for s in PlanStatus][:3] == [
            "chưa thực hiện",
            "đang thực hiện",
            "hoàn thành",
        ]


class TestRoundTrip:
    def test_every_field(self):
        item = attrs.evolve(
            ward_item(agency="UBND phường"), status="done", achieved_on="15/12/2025"
        )
        data = item.to_dict()
        assert data["programme"] == PROGRAMME
        assert data["registered_on"] == "2023-03-01"
        assert data["achieved_on"] == "2025-12-15"
        assert data["status"] == "done"
        assert PlanItem.from_dict(data) == item

    def test_no_agency(self):
        item = ward_item()
        assert item.to_dict()["agency"] == ""
        assert PlanItem.from_dict(item.to_dict()) == item
        row = {"locality": "26734", "due": "31/12/2025", "programme": PROGRAMME}
        assert PlanItem.from_dict(row) == PlanItem("26734", None, "31/12/2025", programme=PROGRAMME)

    def test_an_item_without_the_new_fields_keeps_its_row(self):
        item = PlanItem("03664", "UBND xã", "31/12/2023", criterion=13, status="done")
        assert item.to_dict() == {
            "locality": "03664",
            "indicator": None,
            "criterion": 13,
            "agency": "UBND xã",
            "due": "2023-12-31",
            "status": "done",
            "action": None,
        }

    def test_a_csv_row_with_empty_new_cells(self):
        row = {
            "locality": "26734",
            "indicator": "",
            "criterion": "",
            "agency": "",
            "due": "31/12/2025",
            "status": "đã đạt",
            "action": "",
            "programme": PROGRAMME,
            "title_vi": "",
            "title_en": "",
            "registered_on": "1/3/2023",
            "achieved_on": "",
        }
        item = PlanItem.from_dict(row)
        assert (item.status, item.agency, item.title_vi, item.achieved_on) == (
            PlanStatus.DONE,
            "",
            None,
            None,
        )
        assert item.registered_on == datetime.date(2023, 3, 1)

    def test_a_bad_date_is_an_error(self):
        with pytest.raises(NtmError, match="cannot parse 'soon'"):
            PlanItem("1", None, "31/12/2025", programme="p", registered_on="soon")


def test_a_roadmap_table_shows_a_ward_item():
    text = roadmap_table([ward_item()], "en", on=datetime.date(2026, 1, 1))
    assert f"programme {PROGRAMME}" in text
    assert "yes" in text.splitlines()[-1]


_texts = st.one_of(st.none(), st.text("abcđêơ 12", min_size=1, max_size=8).map(str.strip))
_dates = st.one_of(st.none(), st.dates(datetime.date(2000, 1, 1), datetime.date(2040, 12, 31)))


@settings(max_examples=80, deadline=None)
@given(
    target=st.sampled_from(["indicator", "criterion", "programme", "title_vi"]),
    agency=_texts,
    due=st.dates(datetime.date(2000, 1, 1), datetime.date(2040, 12, 31)),
    status=st.sampled_from(list(PlanStatus)),
    title_vi=_texts,
    title_en=_texts,
    registered_on=_dates,
    achieved_on=_dates,
)
def test_every_plan_item_round_trips(target, agency, due, status, **optional):
    chosen = {"indicator": "10.1", "criterion": 10, "programme": PROGRAMME, "title_vi": "Hồ sơ"}
    optional = {k: v or None for k, v in optional.items()}
    optional[target] = chosen[target]
    item = PlanItem(
        "26734",
        agency or None,
        due,
        status=status,
        **optional,
    )
    assert PlanItem.from_dict(item.to_dict()) == item
    # As a CSV row: every cell text, empty for none.
    row = {k: "" if v is None else str(v) for k, v in item.to_dict().items()}
    assert PlanItem.from_dict(row) == item


_EVERY_KIND = [
    PlanItem("03664", "Phòng Kinh tế", "31/12/2023", indicator="10.1", action="Trồng cây"),
    PlanItem("03664", "UBND xã", "31/12/2023", criterion=13, status="in_progress"),
    PlanItem("03664", None, "31/12/2023", title_vi="Hoàn thiện hồ sơ"),
    PlanItem.registration("26734", 2025, programme=PROGRAMME, registered_on="1/3/2023"),
    PlanItem.registration("26734", 2025, programme=PROGRAMME, agency="UBND phường"),
]


@pytest.mark.parametrize("item", _EVERY_KIND, ids=lambda i: i.label("en"))
def test_evolve_works_on_every_kind_of_item(item):
    # Regression: attrs.evolve on an item without an agency (a ward's) raised
    # "agency must be non-empty text, got ''": the missing agency is stored as "".
    done = attrs.evolve(item, status=PlanStatus.DONE, achieved_on="15/12/2025")
    assert (done.status, done.agency, done.locality) == (
        PlanStatus.DONE,
        item.agency,
        item.locality,
    )
    assert attrs.evolve(item) == item
    assert PlanItem.from_dict(done.to_dict()) == done


def test_decomposed_status_words_read_as_composed():
    # Regression: PlanStatus.parse refused NFD "đang thực hiện".
    for word in ("đang thực hiện", "hoàn thành", "chưa thực hiện", "không thực hiện", "đã đạt"):
        decomposed = unicodedata.normalize("NFD", word)
        assert decomposed != word
        assert PlanStatus.parse(decomposed) is PlanStatus.parse(word)
    row = {
        "locality": "03664",
        "indicator": "10.1",
        "agency": "Phòng Kinh tế",
        "due": "31/12/2023",
        "status": unicodedata.normalize("NFD", "đang thực hiện"),
    }
    assert PlanItem.from_dict(row).status is PlanStatus.IN_PROGRESS


def test_an_agency_keeps_its_bytes():
    decomposed = unicodedata.normalize("NFD", "Phòng Kinh tế")
    assert PlanItem("03664", decomposed, "31/12/2023", criterion=10).agency == decomposed


def test_a_number_is_not_a_locality_code():
    # Regression (cattrs): {"locality": 4036} was read as "4036", dropping the leading zero.
    with pytest.raises(DataError, match=r"^locality: locality must be non-empty text"):
        PlanItem.from_dict({"locality": 4036, "due": "31/12/2023", "criterion": 3})


@pytest.mark.parametrize(
    "status", [10**5000, 3, None, ["done"]], ids=["huge", "int", "none", "list"]
)
def test_a_status_that_is_not_text_is_a_data_error(status):
    # Regression: PlanStatus.parse called str() on the value; a huge int raised ValueError.
    with pytest.raises(DataError, match=r"^status: a plan status must be text"):
        PlanItem("1", None, "31/12/2025", programme="p", status=status)
