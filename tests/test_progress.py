"""Progress: counts, ranked shortfalls, roadmaps, comparisons, time series, roll-ups.

The sets and figures are TEST DATA (tests/data/progress), illustrative only.
"""

from __future__ import annotations

import datetime
import itertools
import tomllib
from collections.abc import Iterable, Mapping
from fractions import Fraction
from pathlib import Path

import attrs
import pytest

from ntm_criteria import (
    Q_,
    DataError,
    Level,
    Locality,
    Observation,
    ObservationError,
    RecurringDeadline,
    Status,
    UnknownReason,
    assess,
    load_set,
)
from ntm_criteria.levels import Ladder, LevelDecision, Recognition, decide_level
from ntm_criteria.progress import (
    DEFAULT_BINS,
    CriteriaBin,
    PlanItem,
    PlanProgress,
    PlanStatus,
    PlanTarget,
    Progress,
    Roadmap,
    RollUp,
    Standing,
    aggregate_observations,
    assess_aggregate,
    compare,
    draft_roadmap,
    next_deadline,
    no_investment_first,
    rank_shortfalls,
    roll_up,
    shortfalls,
    trajectory,
)

DATA = Path(__file__).parent / "data" / "progress"
STANDARD = load_set(DATA / "commune_standard.toml")
ADVANCED = load_set(DATA / "commune_advanced.toml", parents=[STANDARD])
MODEL = load_set(DATA / "commune_model.toml", parents=[ADVANCED])
LADDER = Ladder([STANDARD, ADVANCED, MODEL])
DISTRICT = load_set(DATA / "district_standard.toml")
DISTRICT_ADVANCED = load_set(DATA / "district_advanced.toml", parents=[DISTRICT])
PROVINCE = load_set(DATA / "province.toml")
VALUES = tomllib.loads((DATA / "values.toml").read_text(encoding="utf-8"))
ON = datetime.date(2023, 6, 30)


def observations(
    fail: Iterable[int] = (), changes: Mapping[str, object] | None = None
) -> list[Observation]:
    """Values meeting the model set, with criteria ``fail`` failing and ``changes`` applied."""
    values: dict[str, object] = dict(VALUES["meets_model"])
    for number in fail:
        values.update(VALUES["fails"][str(number)])
    values.update(changes or {})
    units = VALUES["units"]
    return [
        Observation(code, Q_(value, units[code]) if code in units else value)
        for code, value in values.items()
        if value is not None
    ]


def commune(code: str = "04036", name: str = "Chiềng Xôm", **kw: object) -> Locality:
    return Locality(code, name, "commune", region="TDMNPB", **kw)


def standard_result(fail: Iterable[int] = (), changes=None, on=ON, place=None):
    codes = {i.code for i in STANDARD.indicators()}
    obs = [o for o in observations(fail, changes) if o.indicator_code in codes]
    return assess(place or commune(), STANDARD, obs, on=on)


def decision(place: Locality, fail=(), changes=None, recognitions=()) -> LevelDecision:
    return decide_level(
        place, observations(fail, changes), on=ON, ladder=LADDER, recognitions=recognitions
    )


# =========================================================================== progress


class TestProgress:
    def test_counts_and_shares(self):
        p = Progress(standard_result(fail=[10, 11, 17], changes={"12.1": None}))
        assert (p.criteria_met, p.criteria_total, p.criteria_unknown) == (15, 19, 1)
        assert p.criteria_share == Fraction(15, 19)
        # 17.2 is for islands only: 22 indicators apply, not 23.
        assert (p.indicators_met, p.indicators_total, p.indicators_unknown) == (18, 22, 1)
        assert p.indicators_share == Fraction(18, 22)
        assert p.locality.code == "04036"
        assert p.on == ON

    def test_an_island_commune_counts_its_island_indicator(self):
        island = commune(tags={"island"})
        p = Progress(standard_result(place=island, changes={"17.2": True}))
        assert (p.indicators_met, p.indicators_total) == (23, 23)

    def test_explain(self):
        text = Progress(standard_result(fail=[10, 18])).explain("vi")
        assert text.splitlines() == [
            "Xã Chiềng Xôm (30/06/2023): đạt 17/19 tiêu chí (89%), 20/22 chỉ tiêu",
            "  1. 18.1 (Đạt chuẩn tiếp cận pháp luật): không đạt",
            "  2. 10.1 (Thu nhập bình quân đầu người): 30 < 42 triệu đồng/người/năm",
        ]
        assert "1 criteria need data" in Progress(standard_result(changes={"5.1": None})).explain(
            "en"
        )


class TestShortfalls:
    def test_gaps_absolute_and_relative(self):
        (s,) = shortfalls(standard_result(fail=[3]))
        assert (s.code, s.criterion, s.gap, s.relative_gap) == (
            "3.1",
            3,
            Fraction(20),
            Fraction(1, 4),
        )
        assert s.needs_investment is True
        assert s.describe("en") == "3.1 (Share of land actively irrigated): 60% < 80%"

    def test_indicators_of_a_criterion_met_anyway_are_left_out(self):
        # Criterion 13 is "2 of 3": failing 13.1 alone leaves it met.
        result = standard_result(changes={"13.1": False})
        assert shortfalls(result) == ()
        assert [s.code for s in shortfalls(result, include_met_criteria=True)] == ["13.1"]

    def test_default_order_no_investment_first_then_smallest_relative_gap(self):
        result = standard_result(fail=[2, 3, 8, 10, 11, 18], changes={"2.1": 66})
        ranked = rank_shortfalls(shortfalls(result))
        # 8.1 and 18.1 need no investment (pass/fail: no gap, set order);
        # then 2.1 (4/70), 3.1 (1/4), 11.1 (1/2), 10.1 (12/42 = 2/7).
        assert [s.code for s in ranked] == ["8.1", "18.1", "2.1", "3.1", "10.1", "11.1"]
        assert [s.relative_gap for s in ranked[2:]] == [
            Fraction(4, 70),
            Fraction(1, 4),
            Fraction(2, 7),
            Fraction(1, 2),
        ]

    def test_unflagged_between_no_and_yes(self):
        result = standard_result(fail=[3, 8])
        unflagged = [
            attrs.evolve(s, outcome=attrs.evolve(s.outcome, needs_investment=None))
            for s in shortfalls(result)
            if s.code == "3.1"
        ]
        mixed = [*shortfalls(result), *unflagged]
        keys = [no_investment_first(s)[0] for s in rank_shortfalls(mixed)]
        assert keys == [0, 1, 2]

    def test_pluggable_key(self):
        result = standard_result(fail=[2, 3, 11])
        biggest_first = rank_shortfalls(shortfalls(result), key=lambda s: -(s.gap or 0))
        assert [s.code for s in biggest_first] == ["2.1", "3.1", "11.1"]

    def test_ties_break_by_locality_then_set_order_whatever_the_input_order(self):
        a = shortfalls(standard_result(fail=[6, 7], place=commune("B", "Bê")))
        b = shortfalls(standard_result(fail=[6, 7], place=commune("A", "A")))
        expected = [("A", "6.1"), ("A", "7.1"), ("B", "6.1"), ("B", "7.1")]
        for order in itertools.permutations([*a, *b]):
            ranked = rank_shortfalls(order)
            assert [(s.locality, s.code) for s in ranked] == expected

    def test_progress_ranks_its_own(self):
        p = Progress(standard_result(fail=[10, 18]))
        assert [s.code for s in p.shortfalls()] == ["18.1", "10.1"]
        assert [s.code for s in p.shortfalls(key=lambda s: s.code)] == ["10.1", "18.1"]


# =========================================================================== roadmaps


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
            PlanItem("04036", "UBND xã", "31/12/2023")
        with pytest.raises(DataError, match="agency must be non-empty"):
            PlanItem("04036", "", "31/12/2023", criterion=10)
        with pytest.raises(DataError, match="criterion 'ten' is not a number"):
            PlanItem("04036", "UBND xã", "31/12/2023", criterion="ten")
        with pytest.raises(DataError, match=r"^due: missing"):
            PlanItem.from_dict({"locality": "04036", "agency": "UBND xã", "indicator": "10.1"})

    def test_overdue_as_of_a_date(self):
        plan = Roadmap(
            [
                PlanItem("04036", "Phòng Kinh tế", "30/9/2023", indicator="10.1"),
                PlanItem("04036", "UBND xã", "30/6/2023", criterion=18, status="đang thực hiện"),
                PlanItem("04039", "Phòng Y tế", "31/3/2023", indicator="15.1", status="done"),
                PlanItem("04039", "Phòng LĐTB&XH", "31/12/2023", indicator="11.1"),
            ]
        )
        assert plan.overdue("30/6/2023") == ()  # due on the day is not late
        late = plan.overdue("1/10/2023")
        assert [(i.locality, i.target("vi")) for i in late] == [
            ("04036", "tiêu chí 18"),
            ("04036", "chỉ tiêu 10.1"),
        ]
        assert [i.locality for i in plan.for_locality("04039").items] == ["04039", "04039"]

    def test_uncovered_shortfalls(self):
        result = standard_result(fail=[10, 11, 13])
        plan = Roadmap(
            [
                PlanItem("04036", "Phòng Kinh tế", "31/12/2023", indicator="10.1"),
                PlanItem("04036", "UBND xã", "31/12/2023", criterion=13),
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
            standard_result(fail=[11], place=commune("04039", "Chiềng Đen")),
        ]
        plan = draft_roadmap(
            results,
            agencies={"10.1": "Phòng Kinh tế", "11": "Phòng LĐTB&XH"},
            default_agency="UBND xã",
            due=lambda s: datetime.date(2023, 12, 31) if s.needs_investment else ON,
            reporting=[RecurringDeadline.monthly(25)],
        )
        assert [(i.locality, i.indicator, i.agency, i.due.month) for i in plan.items] == [
            ("04036", "18.1", "UBND xã", 6),
            ("04036", "10.1", "Phòng Kinh tế", 12),
            ("04039", "11.1", "Phòng LĐTB&XH", 12),
        ]
        assert all(i.status is PlanStatus.PLANNED for i in plan.items)
        assert plan.uncovered(results[0]) == ()
        assert len(plan.reporting) == 1

    def test_draft_roadmap_names_every_shortfall_without_an_agency(self):
        with pytest.raises(DataError, match=r"indicator\(s\) 18.1, 10.1"):
            draft_roadmap(standard_result(fail=[10, 18]), agencies={}, due="31/12/2023")

    def test_round_trip(self):
        item = PlanItem(
            "04036", "UBND xã", "31/12/2023", indicator="3.1", action="Kiên cố hóa kênh"
        )
        assert PlanItem.from_dict(item.to_dict()) == item


# =========================================================================== comparison


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
            compare(standard_result(), standard_result(place=commune("04039", "Chiềng Đen")))
        with pytest.raises(DataError, match="in date order"):
            compare(standard_result(), standard_result(on=datetime.date(2023, 1, 1)))


# =========================================================================== time series


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


# =========================================================================== roll-ups


def province_decisions(
    standard: int = 62, advanced: int = 5, total: int = 127
) -> list[LevelDecision]:
    """``total`` communes: ``advanced`` at the advanced level, ``standard`` in all at least standard.

    Of those below the standard, every other one meets 15–18 criteria, the
    rest fewer than 15.
    """
    found = []
    for n in range(total):
        place = commune(f"{n:05d}", f"Xã thử {n}")
        if n < advanced:
            found.append(decision(place, changes={"20.1": 0}))
        elif n < standard:
            found.append(decision(place, changes={"3.1": 85}))
        elif n % 2:
            found.append(decision(place, fail=[10, 11]))
        else:
            found.append(decision(place, fail=range(1, 6)))
    return found


class TestRollUp:
    def test_the_provincial_report(self):
        """ "Toàn tỉnh có 62/127 xã đạt chuẩn, đạt 66% kế hoạch; 05 xã nâng cao, đạt 11%"."""
        up = roll_up(province_decisions())
        assert up.count == 127
        assert (up.reached(Level.STANDARD), up.reached(Level.ADVANCED)) == (62, 5)
        assert up.reached(Level.MODEL) == 0
        assert up.at_level(Level.STANDARD) == 57
        assert up.at_level(None) == 65
        assert up.share(Level.STANDARD) == Fraction(62, 127)
        standard = up.against(PlanTarget(Level.STANDARD, count=94))
        assert standard.ratio == Fraction(62, 94)
        assert round(standard.ratio * 100) == 66
        advanced = up.against(PlanTarget(Level.ADVANCED, count=45))
        assert round(advanced.ratio * 100) == 11
        assert up.level_counts() == (
            (None, 65),
            (Level.STANDARD, 57),
            (Level.ADVANCED, 5),
            (Level.MODEL, 0),
        )

    def test_distribution_of_criteria_met(self):
        up = roll_up(province_decisions())
        assert [(b.label(), n) for b, n in up.distribution()] == [
            ("< 15", 33),
            ("15–18", 32),
            ("19", 62),
        ]
        finer = roll_up(province_decisions(), bins=(10, 15, 18, 19))
        assert [(b.label(), n) for b, n in finer.distribution()] == [
            ("< 10", 0),
            ("10–14", 33),
            ("15–17", 32),
            ("18", 0),
            ("19", 62),
        ]
        assert sum(n for _, n in finer.distribution()) == 127

    @pytest.mark.parametrize("bins", [(), (19, 15), (0, 5), (15, 15), (True,)])
    def test_bad_bins(self, bins):
        with pytest.raises(DataError, match="bins"):
            roll_up([], bins=bins)

    def test_open_top_bin(self):
        up = roll_up([standard_result()], bins=(20,))
        assert [(b.label(), n) for b, n in up.distribution()] == [("< 20", 1), ("≥ 20", 0)]
        assert CriteriaBin(19, None).contains(21)

    def test_plan_as_a_share_and_exceeded(self):
        up = roll_up(province_decisions(standard=10, advanced=0, total=20))
        share = up.against(PlanTarget(Level.STANDARD, share=0.4, by="31/12/2025"))
        assert share.planned == 8
        assert share.ratio == Fraction(10, 8)  # a ratio to the plan may exceed 1
        assert share.is_met
        assert PlanProgress(PlanTarget(Level.MODEL, share=0.5), 0, 0).ratio == 0

    @pytest.mark.parametrize(
        "kwargs",
        [{}, {"count": 3, "share": 0.5}, {"count": 0}, {"count": True}, {"share": 1.5}],
    )
    def test_bad_plan_targets(self, kwargs):
        with pytest.raises(DataError):
            PlanTarget(Level.STANDARD, **kwargs)

    def test_undecided_and_at_risk(self):
        recognised = Recognition("00001", "standard", STANDARD.id, "5/QĐ-UBND", "1/1/2022")
        decisions = [
            decision(commune("00000", "A"), changes={"12.1": None}),
            decision(commune("00001", "B"), fail=[17], recognitions=[recognised]),
            decision(commune("00002", "C")),
        ]
        up = roll_up(decisions)
        assert up.undecided(Level.STANDARD) == 1
        assert up.reached(Level.STANDARD) == 1
        assert [s.locality.code for s in up.at_risk()] == ["00001"]
        assert up.standings[1].recognised is Level.STANDARD
        text = up.explain("vi")
        assert "không xác định được mức đạt chuẩn: 1 xã" in text
        assert "có nguy cơ không duy trì mức đã công nhận: xã B" in text

    def test_explain(self):
        text = roll_up(province_decisions()).explain("en")
        assert text.splitlines()[0] == (
            "127 communes (2023-06-30): 62 standard (48.8%), 5 advanced (3.9%), "
            "0 model (0%); 65 at no level"
        )
        assert "criteria met: < 15: 33 communes; 15–18: 32 communes; 19: 62 communes" in text

    def test_disjoint_roll_ups_add_up(self):
        decisions = province_decisions(standard=6, advanced=2, total=10)
        left, right = roll_up(decisions[:4]), roll_up(decisions[4:])
        whole = left + right
        assert whole.count == 10
        for level in Level:
            assert whole.reached(level) == left.reached(level) + right.reached(level)
        with pytest.raises(DataError, match="appears twice"):
            left + left
        with pytest.raises(DataError, match="same bins"):
            left + roll_up(decisions[4:], bins=(10,))

    def test_from_plain_results(self):
        up = roll_up([standard_result(), standard_result(fail=[1], place=commune("2", "Hai"))])
        assert up.levels == (Level.STANDARD,)
        assert up.reached(Level.STANDARD) == 1
        assert up.undecided(Level.ADVANCED) == 2
        standing = Standing.from_result(standard_result(), Level.ADVANCED)
        assert standing.holds(Level.STANDARD) is Status.MET

    def test_dates(self):
        assert roll_up(province_decisions(total=2)).on == ON
        mixed = roll_up(
            [
                standard_result(),
                standard_result(on=datetime.date(2023, 3, 31), place=commune("2", "Hai")),
            ]
        )
        assert mixed.on is None
        assert RollUp([]).on is None
        assert RollUp([]).share(Level.STANDARD) == 0

    def test_default_bins(self):
        assert DEFAULT_BINS == (15, 19)


# =========================================================================== aggregates


def district_members(
    district: str, advanced: int, standard: int, below: int, start: int = 0
) -> list[LevelDecision]:
    found = []
    for n in range(start, start + advanced + standard + below):
        place = Locality(f"{n:05d}", f"Xã {n}", "commune", parent=district, region="TDMNPB")
        if n < start + advanced:
            found.append(decision(place, changes={"20.1": 0}))
        elif n < start + advanced + standard:
            found.append(decision(place, changes={"3.1": 85}))
        else:
            found.append(decision(place, fail=[10]))
    return found


class TestAggregates:
    DISTRICT_PLACE = Locality("116", "Mai Sơn", "district", parent="14", region="TDMNPB")
    PROVINCE_PLACE = Locality("14", "Sơn La", "province", region="TDMNPB")

    def test_district_from_its_communes(self):
        communes = roll_up(district_members("116", advanced=2, standard=2, below=0))
        (obs,) = aggregate_observations(DISTRICT, communes, on=ON)
        assert obs.indicator_code == "1.1"
        assert obs.value == Q_(Fraction(1), "")
        assert obs.source == "tổng hợp từ 4 xã: 4 đạt chuẩn"
        result = assess_aggregate(
            self.DISTRICT_PLACE, DISTRICT, communes, [Observation("2.1", True)], on=ON
        )
        assert result.status is Status.MET
        assert result.indicator("1.1").actual == 100

    def test_district_levels_with_a_ladder(self):
        ladder = Ladder([DISTRICT, DISTRICT_ADVANCED])
        communes = roll_up(district_members("116", advanced=1, standard=3, below=0))
        computed = aggregate_observations(ladder, communes)
        assert [o.indicator_code for o in computed] == ["1.1", "3.1"]
        d = decide_level(
            self.DISTRICT_PLACE, [Observation("2.1", True), *computed], on=ON, ladder=ladder
        )
        assert d.level is Level.STANDARD  # 1 of 4 communes advanced: 25% < 40%
        assert d.next_step.result.indicator("3.1").actual == 25

    def test_province_from_districts_and_communes(self):
        members_a = district_members("116", advanced=2, standard=2, below=0)
        members_b = district_members("117", advanced=0, standard=3, below=1, start=10)
        districts = []
        for code, members in (("116", members_a), ("117", members_b)):
            place = Locality(code, f"Huyện {code}", "district", parent="14", region="TDMNPB")
            districts.append(
                decide_level(
                    place,
                    [Observation("2.1", True), *aggregate_observations(DISTRICT, roll_up(members))],
                    on=ON,
                    ladder=[DISTRICT],
                )
            )
        assert [d.level for d in districts] == [Level.STANDARD, None]
        everything = roll_up([*districts, *members_a, *members_b])
        result = assess_aggregate(
            self.PROVINCE_PLACE,
            PROVINCE,
            everything,
            [Observation("4.1", Q_(5, "m ** 2 / person"))],
            on=ON,
        )
        assert result.indicator("1.1").actual == 50
        assert result.indicator("2.1").actual == Fraction(200, 8)  # 2 of 8 communes
        assert result.indicator("3.1").actual == 0
        assert [c.number for c in result.criteria if c.status is Status.NOT_MET] == [1, 2, 3]

    def test_undecided_members_make_the_aggregate_unknown(self):
        members = district_members("116", advanced=0, standard=2, below=0)
        members.append(decision(commune("00099", "Thiếu số liệu"), changes={"12.1": None}))
        result = assess_aggregate(
            self.DISTRICT_PLACE, DISTRICT, roll_up(members), [Observation("2.1", True)], on=ON
        )
        outcome = result.indicator("1.1")
        assert (outcome.status, outcome.reason) == (Status.UNKNOWN, UnknownReason.NO_DATA)

    def test_no_member_of_the_kind_makes_no_observation(self):
        assert aggregate_observations(DISTRICT, RollUp([])) == ()

    def test_a_level_free_aggregate_counts_completed_members(self):
        completed = load_set(DATA / "district_standard.toml")
        counting = attrs.evolve(
            completed,
            criteria=[
                attrs.evolve(
                    completed.criteria[0],
                    indicators=[
                        attrs.evolve(
                            completed.criteria[0].indicators[0],
                            aggregate=attrs.evolve(
                                completed.criteria[0].indicators[0].aggregate, level=None
                            ),
                        )
                    ],
                ),
                completed.criteria[1],
            ],
        )
        members = roll_up(district_members("116", advanced=0, standard=1, below=1))
        (obs,) = aggregate_observations(counting, members)
        assert obs.value == Q_(Fraction(1, 2), "")
        assert obs.source == "tổng hợp từ 2 xã: 1 hoàn thành"

    def test_computed_indicators_are_not_observed_directly(self):
        with pytest.raises(ObservationError, match="computed from the sub-localities"):
            assess_aggregate(
                self.DISTRICT_PLACE,
                DISTRICT,
                RollUp([]),
                [Observation("1.1", 100)],
                on=ON,
            )

    def test_one_meaning_per_code(self):
        clash = attrs.evolve(DISTRICT_ADVANCED, id="clash")
        first = clash.criteria[0]
        changed = attrs.evolve(
            first.indicators[0],
            aggregate=attrs.evolve(first.indicators[0].aggregate, level=Level.MODEL),
        )
        clash = attrs.evolve(
            clash, criteria=[attrs.evolve(first, indicators=[changed]), *clash.criteria[1:]]
        )
        with pytest.raises(DataError, match="computed differently"):
            aggregate_observations([DISTRICT, clash], RollUp([]))
