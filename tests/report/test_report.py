"""Reports: the sentences provincial offices write, scorecards and roll-up tables.

The scenario tests replay real report sentences with ILLUSTRATIVE test data
(tests/data/progress) chosen to give exactly their counts and percentages.
"""

from __future__ import annotations

import datetime
import tomllib
from pathlib import Path

import pytest

from ntm_criteria import (
    Q_,
    DataError,
    Level,
    Locality,
    Observation,
    RecurringDeadline,
    UnknownCodeError,
    assess,
    load_set,
    loads_set,
)
from ntm_criteria.levels import Ladder, LevelDecision, Recognition, decide_level
from ntm_criteria.progress import PlanItem, PlanStatus, PlanTarget, Progress, Roadmap, roll_up
from ntm_criteria.report import (
    criteria_sentence,
    distribution_table,
    levels_table,
    results_table,
    roadmap_table,
    rollup_report,
    rollup_sentence,
    scorecard,
    standings_table,
)
from support import observations

DATA = Path(__file__).parents[1] / "data" / "progress"
STANDARD = load_set(DATA / "commune_standard.toml")
ADVANCED = load_set(DATA / "commune_advanced.toml", parents=[STANDARD])
MODEL = load_set(DATA / "commune_model.toml", parents=[ADVANCED])
LADDER = Ladder([STANDARD, ADVANCED, MODEL])
VALUES = tomllib.loads((DATA / "values.toml").read_text(encoding="utf-8"))
ON = datetime.date(2023, 6, 30)


def commune(code: str, name: str, name_en: str | None = None) -> Locality:
    return Locality(code, name, "commune", parent="14", region="TDMNPB", name_en=name_en)


def decision(place: Locality, fail=(), changes=None, recognitions=()) -> LevelDecision:
    return decide_level(
        place, observations(fail, changes), on=ON, ladder=LADDER, recognitions=recognitions
    )


def standard_result(place: Locality, fail=(), changes=None):
    codes = {i.code for i in STANDARD.indicators()}
    obs = [o for o in observations(fail, changes) if o.indicator_code in codes]
    return assess(place, STANDARD, obs, on=ON)


CHIENG_XOM = commune("03664", "Chiềng Xôm", "Chieng Xom")
CHIENG_DEN = commune("04039", "Chiềng Đen", "Chieng Den")


def province() -> list[LevelDecision]:
    """127 communes: 5 advanced, 62 at least standard (illustrative)."""
    found = []
    for n in range(127):
        place = commune(f"{n:05d}", f"Thử {n}")
        if n < 5:
            found.append(decision(place, changes={"20.1": 0}))
        elif n < 62:
            found.append(decision(place, changes={"3.1": 85}))
        elif n % 2:
            found.append(decision(place, fail=[10, 11]))
        else:
            found.append(decision(place, fail=range(1, 6)))
    return found


PLAN = [
    PlanTarget(
        Level.STANDARD, count=94, label_vi="kế hoạch giai đoạn", label_en="of the period plan"
    ),
    PlanTarget(Level.ADVANCED, count=45),
]


# --------------------------------------------------------------------------- scenarios


def test_xa_chieng_xom_dat_7_19_tieu_chi_xa_chieng_den_dat_6_19():
    xom = standard_result(CHIENG_XOM, fail=range(1, 13))
    den = standard_result(CHIENG_DEN, fail=range(1, 14))
    assert (
        criteria_sentence([xom, den]) == "xã Chiềng Xôm đạt 7/19 tiêu chí, xã Chiềng Đen đạt 6/19"
    )
    assert criteria_sentence([Progress(xom), den], "en") == (
        "Chieng Xom commune meets 7/19 criteria, Chieng Den commune 6/19"
    )


def test_toan_tinh_62_127_xa_dat_chuan_66_phan_tram_ke_hoach_05_xa_nang_cao_11_phan_tram():
    up = roll_up(province())
    assert rollup_sentence(up, PLAN) == (
        "toàn tỉnh có 62/127 xã đạt chuẩn nông thôn mới, đạt 66% kế hoạch giai đoạn; "
        "05 xã đạt chuẩn nâng cao, đạt 11% kế hoạch"
    )
    assert rollup_sentence(up, PLAN, "en") == (
        "province-wide, 62/127 communes meet the new rural standard, 66% of the period plan; "
        "5 communes meet the advanced standard, 11% of plan"
    )


def test_sentence_options():
    up = roll_up(province()[:12])
    assert rollup_sentence(up, [Level.STANDARD, Level.MODEL], scope="toàn huyện") == (
        "toàn huyện có 12/12 xã đạt chuẩn nông thôn mới; 0 xã đạt chuẩn kiểu mẫu"
    )
    assert rollup_sentence(
        up, [Level.ADVANCED], "en", scope="so far", phrases={Level.ADVANCED: "are advanced"}
    ) == ("so far, 5/12 communes are advanced")


def test_decisions_count_their_lowest_set():
    d = decision(CHIENG_XOM, fail=[10])
    assert criteria_sentence([d]) == "xã Chiềng Xôm đạt 18/19 tiêu chí"


# --------------------------------------------------------------------------- scorecards


class TestScorecard:
    def test_result_in_vietnamese_text(self):
        card = scorecard(standard_result(CHIENG_XOM, fail=[8], changes={"3.1": 72.56}))
        lines = card.splitlines()
        assert lines[0] == "Xã Chiềng Xôm — 30/06/2023"
        assert lines[1] == "  Bộ tiêu chí thử xã nông thôn mới (test-commune-standard)"
        assert lines[2] == "  đạt 17/19 tiêu chí (89%), 20/22 chỉ tiêu; bộ tiêu chí chưa đạt"
        assert "3   Thủy lợi và phòng, chống thiên tai" in card
        assert "3.1: 72,56% < 80%" in card
        todo = lines[lines.index("Việc cần làm, theo thứ tự ưu tiên:") + 1 :]
        assert todo[0] == (
            "  1. 8.1 (Có điểm phục vụ bưu chính và truy cập internet): không đạt "
            "— không cần đầu tư"
        )
        assert todo[1] == (
            "  2. 3.1 (Tỷ lệ đất được tưới tiêu chủ động): 72,56% < 80% "
            "— thiếu 7,44% (9,3% của ngưỡng); cần đầu tư"
        )
        assert lines[-1].startswith("Lưu ý: có ngưỡng minh họa")

    def test_over_a_ceiling_and_undecided(self):
        card = scorecard(standard_result(CHIENG_XOM, fail=[11], changes={"5.1": None}), "en")
        assert "11.1: 9% > 6%" in card
        assert "over by 3% (50% of the threshold)" in card
        assert "5.1: needs data" in card
        assert "1 criteria need data" in card

    def test_money_in_vietnamese(self):
        """ "2.160 triệu đồng": a gap in money, Vietnamese grouping."""
        funds = loads_set(
            """
            id = "test-funds"
            title_vi = "Bộ thử vốn"
            title_en = "Test funds"
            scope = "commune"
            level = "standard"
            valid_from = 2022-01-01
            legal_basis = "test"
            confidence = "illustrative"
            [[criteria]]
            number = 1
            name_vi = "Huy động vốn"
            name_en = "Funds raised"
            [[criteria.indicators]]
            code = "1.1"
            name_vi = "Vốn huy động"
            name_en = "Funds raised"
            unit = "million_VND"
            requirement = { at_least = 5000 }
            needs_investment = true
            """
        )
        result = assess(CHIENG_XOM, funds, [Observation("1.1", Q_(2840, "million_VND"))], on=ON)
        assert "thiếu 2.160 triệu đồng (43,2% của ngưỡng)" in scorecard(result)
        assert "short by 2,160 million VND" in scorecard(result, "en")

    def test_decision_in_markdown(self):
        recognised = Recognition(CHIENG_XOM, "standard", STANDARD.id, "12/QĐ-UBND", "1/3/2022")
        d = decision(CHIENG_XOM, changes={"10.1": 45}, recognitions=[recognised])
        card = scorecard(d, "vi", fmt="markdown")
        lines = card.splitlines()
        assert lines[0] == "### Xã Chiềng Xôm — 30/06/2023"
        assert lines[1:4] == [
            "- Mức đạt: đạt chuẩn",
            "- Mức tiếp theo: nâng cao",
            "- Công nhận: đạt chuẩn (Quyết định số 12/QĐ-UBND ngày 01/03/2022): vẫn duy trì",
        ]
        assert "| Mức | Bộ tiêu chí | Tiêu chí đạt | Điều kiện | Kết quả |" in lines
        assert "| nâng cao | test-commune-advanced | 18/19 | đạt chuẩn: đạt | chưa đạt |" in lines
        assert "#### Bộ tiêu chí mức nâng cao" in lines
        assert any(line.startswith("| 10 | Thu nhập | chưa đạt | 10.1: 45 < 50") for line in lines)
        assert any(line.startswith("1. 10.1 (Thu nhập bình quân đầu người)") for line in lines)

    def test_decision_at_the_top_shows_the_top_set(self):
        card = scorecard(decision(CHIENG_XOM), "en")
        assert "At the top of the ladder" in card
        assert "The model set" in card
        assert "21/21 criteria met" in card

    def test_markdown_escapes_pipes(self):
        place = commune("1", "A|B")
        card = scorecard(standard_result(place), "vi", fmt="markdown")
        assert card.splitlines()[0] == "### Xã A|B — 30/06/2023"  # headings are not tables
        up = roll_up([standard_result(place)])
        assert "xã A\\|B" in standings_table(up, fmt="markdown")

    def test_refuses_unknown_formats_and_languages(self):
        result = standard_result(CHIENG_XOM)
        with pytest.raises(DataError, match="unknown report format 'html'"):
            scorecard(result, fmt="html")
        with pytest.raises(UnknownCodeError, match="unknown language 'fr'"):
            scorecard(result, "fr")


# --------------------------------------------------------------------------- roll-up tables


class TestRollUpTables:
    up = None

    @classmethod
    def setup_class(cls):
        cls.up = roll_up(province())

    def test_levels_table(self):
        assert levels_table(self.up, targets=PLAN).splitlines() == [
            "Tình trạng     Đạt chuẩn  Nâng cao  Kiểu mẫu",
            "-------------  ---------  --------  --------",
            "Đạt            62         5         0",
            "Chưa đạt       65         122       127",
            "Chưa xác định  0          0         0",
            "Tổng số xã     127        127       127",
            "Tỷ lệ đạt      48,8%      3,9%      0%",
            "Kế hoạch       94         45        —",
            "% kế hoạch     66%        11%       —",
        ]

    def test_levels_table_in_english_markdown(self):
        table = levels_table(self.up, "en", targets=PLAN, fmt="markdown")
        assert table.splitlines()[0] == "| Standing | Standard | Advanced | Model |"
        assert "| Communes in all | 127 | 127 | 127 |" in table
        assert "| % of plan | 66% | 11% | — |" in table

    def test_distribution_table(self):
        table = distribution_table(self.up)
        assert [line.split() for line in table.splitlines()[2:]] == [
            ["<", "15", "33", "26%"],
            ["15–18", "32", "25,2%"],
            ["19", "62", "48,8%"],
        ]

    def test_standings_table(self):
        table = standings_table(self.up, "en", fmt="markdown")
        assert "| 00000 | Thử 0 commune | advanced | 19/19 | 0 | — | — |" in table
        assert "| 00064 | Thử 64 commune | no level | 14/19 | 0 | — | — |" in table

    def test_empty_roll_up(self):
        empty = roll_up([])
        assert levels_table(empty).splitlines()[-2:] == ["Tổng số địa phương", "Tỷ lệ đạt"]
        assert "0%" in distribution_table(empty)


def test_roadmap_table():
    items = [
        PlanItem(
            "03664", "Phòng Kinh tế", "30/9/2023", indicator="10.1", action="Trồng cây ăn quả"
        ),
        PlanItem("03664", "UBND xã", "31/3/2023", criterion=18, status=PlanStatus.DONE),
    ]
    table = roadmap_table(items, "en", on=datetime.date(2023, 10, 1), fmt="markdown")
    assert table.splitlines() == [
        "| Code | Target | Agency | Due | Status | Overdue |",
        "|---|---|---|---|---|---|",
        "| 03664 | indicator 10.1: Trồng cây ăn quả | Phòng Kinh tế | 2023-09-30 | planned | yes |",
        "| 03664 | criterion 18 | UBND xã | 2023-03-31 | done | no |",
    ]
    assert "Quá hạn" not in roadmap_table(items)


def test_rollup_report_has_every_section():
    recognised = Recognition("03664", "standard", STANDARD.id, "12/QĐ-UBND", "1/3/2022")
    decisions = [
        decision(CHIENG_XOM, fail=[10, 17], recognitions=[recognised]),
        decision(CHIENG_DEN),
    ]
    plan = Roadmap(
        [
            PlanItem("03664", "Phòng Kinh tế", "31/5/2023", indicator="10.1"),
            PlanItem("03664", "Phòng TN&MT", "31/12/2023", indicator="17.1"),
        ],
        reporting=[RecurringDeadline.monthly(25, description_vi="Báo cáo kết quả")],
    )
    text = rollup_report(
        roll_up(decisions),
        title="Báo cáo tháng 6/2023 (minh họa)",
        on=ON,
        targets=[PlanTarget(Level.STANDARD, count=2)],
        roadmap=plan,
    )
    lines = text.splitlines()
    assert lines[0] == "Báo cáo tháng 6/2023 (minh họa)"
    assert lines[2] == "toàn tỉnh có 1/2 xã đạt chuẩn nông thôn mới, đạt 50% kế hoạch"
    for heading in ("Mức đạt", "Số tiêu chí đạt", "Nguy cơ không duy trì", "Lộ trình quá hạn"):
        assert heading in lines
    assert "  xã Chiềng Xôm: đạt chuẩn" in lines
    overdue = text.split("Lộ trình quá hạn")[1]
    assert "chỉ tiêu 10.1" in overdue
    assert "chỉ tiêu 17.1" not in overdue
    assert "Hạn báo cáo tiếp theo: Báo cáo kết quả — 25/07/2023 (trước ngày 25 hằng tháng)" in lines
    english = rollup_report(
        roll_up(decisions[1:]),
        title="Report",
        on=ON,
        roadmap=Roadmap([]),
        lang="en",
        fmt="markdown",
    )
    assert "### At risk" in english
    assert english.count("- none") == 2
    assert "Next reporting deadline" not in english


def test_results_table_still_works():
    table = results_table([standard_result(CHIENG_XOM, fail=[10])], "en")
    assert "Chieng Xom commune  18/19*  not met  10.1: 30 < 42 million VND/person/year" in table
    # Issue 10, point 4: the table says when its counts rest on unverified thresholds.
    assert "* Rests on illustrative or unverified thresholds (indicators 1.1, " in table


def test_results_table_refuses_an_unknown_language():
    # It used to fall back to English headers for an empty list of results.
    with pytest.raises(UnknownCodeError, match="unknown language 'fr'"):
        results_table([], "fr")
