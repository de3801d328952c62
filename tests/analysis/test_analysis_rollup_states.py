"""Roll-ups in three states, counted by recognition or by assessment (issue 10, points 2 and 3).

The sets and figures are TEST DATA (tests/data/progress), illustrative only.
"""

from __future__ import annotations

import datetime
from fractions import Fraction

import pytest
from analysis_cases import DISTRICT, LADDER, ON, STANDARD, commune, decision
from hypothesis import given
from hypothesis import strategies as st

from ntm_criteria import Q_, DataError, Level, Locality, Status
from ntm_criteria.analysis import (
    Basis,
    PlanTarget,
    Position,
    Recognition,
    Standing,
    aggregate_observations,
    decide_level,
    roll_up,
)
from ntm_criteria.report import levels_table


def recognised(code: str, level: str = "standard") -> Recognition:
    return Recognition(code, level, STANDARD.id, "5/QĐ-UBND", "1/3/2022")


def no_data(code: str, *recognitions: Recognition):
    # No observation at all: the commune cannot be decided at any level.
    place = commune(code, f"Xã {code}")
    return decide_level(place, [], on=ON, ladder=LADDER, recognitions=recognitions)


class TestPositions:
    def test_a_recognised_commune_without_data_is_recognised_and_undecided(self):
        up = roll_up([no_data("00001", recognised("00001"))])
        standing = up.standings[0]
        assert standing.holds(Level.STANDARD) is Status.UNKNOWN
        assert standing.position(Level.STANDARD) is Position.RECOGNISED_UNDECIDED
        assert up.recognised(Level.STANDARD) == 1
        assert up.reached(Level.STANDARD) == 0
        assert up.not_met(Level.STANDARD) == 0
        assert up.undecided(Level.STANDARD) == 1

    def test_every_position(self):
        decisions = [
            decision(commune("00001", "A"), recognitions=[recognised("00001")]),
            decision(commune("00002", "B"), fail=[17], recognitions=[recognised("00002")]),
            no_data("00003", recognised("00003")),
            decision(commune("00004", "D")),
            decision(commune("00005", "E"), fail=[17]),
            no_data("00006"),
        ]
        up = roll_up(decisions)
        assert [p for s in up.standings for p in [s.position(Level.STANDARD)]] == list(Position)
        assert dict(up.tally(Level.STANDARD)) == dict.fromkeys(Position, 1)
        assert [s.locality.code for s in up.at_risk()] == ["00002"]

    def test_labels_in_both_languages(self):
        assert [p.label("vi") for p in Position] == [
            "đã công nhận, vẫn đạt",
            "đã công nhận, không còn đạt",
            "đã công nhận, chưa xác định",
            "đạt, chưa công nhận",
            "chưa đạt",
            "chưa xác định",
        ]
        assert Position.NOT_MET.label("en") == "not met"
        assert Position.MET.label("vi", recognitions=False) == "đạt"


class TestBasis:
    def decisions(self):
        return [
            no_data("00001", recognised("00001")),
            no_data("00002", recognised("00002")),
            decision(commune("00003", "C")),
            no_data("00004"),
        ]

    def test_the_default_counts_recognitions_when_any_is_in_force(self):
        up = roll_up(self.decisions())
        assert up.basis is None
        assert up.headline_basis is Basis.RECOGNISED
        assert up.counted(Level.STANDARD) == 2
        progress = up.against(PlanTarget(Level.STANDARD, count=3))
        assert (progress.achieved, progress.ratio) == (2, Fraction(2, 3))
        assert up.share(Level.STANDARD) == Fraction(1, 2)

    def test_an_explicit_basis(self):
        up = roll_up(self.decisions(), basis="assessed")
        assert up.headline_basis is Basis.ASSESSED
        assert up.counted(Level.STANDARD) == 1
        # Recognitions given, none in force: the headline still counts recognitions (0).
        plain = roll_up([decision(commune("00003", "C"))], basis=Basis.RECOGNISED)
        assert plain.counted(Level.STANDARD) == 0
        assert roll_up([decision(commune("00003", "C"))]).counted(Level.STANDARD) == 1

    def test_a_bad_basis(self):
        with pytest.raises(DataError, match="unknown basis 'maybe'"):
            roll_up([], basis="maybe")

    def test_roll_ups_of_different_bases_do_not_add(self):
        left = roll_up(self.decisions()[:2], basis="recognised")
        right = roll_up(self.decisions()[2:], basis="assessed")
        with pytest.raises(DataError, match="same bins and basis"):
            left + right
        assert (left + roll_up(self.decisions()[2:], basis="recognised")).count == 4

    def test_explain_counts_recognitions(self):
        text = roll_up(self.decisions()).explain("en")
        first, tally = text.splitlines()[:2]
        assert first.startswith("4 communes (2023-06-30): 2 recognised standard (50%)")
        assert tally == (
            "  standard level: 2 recognised, undecided; 1 met, not recognised; 1 undecided"
        )
        assert "no data: 3 communes" in text

    def test_no_data_stays_out_of_the_distribution(self):
        up = roll_up(self.decisions())
        assert up.no_data() == 3
        assert sum(n for _, n in up.distribution()) == 1


class TestAggregatesCountRecognitions:
    def members(self):
        places = [
            Locality(f"{n:05d}", f"Xã {n}", "commune", parent="116", region="TDMNPB")
            for n in range(4)
        ]
        return [
            no_data(places[0].code, recognised(places[0].code)),
            decision(places[1], recognitions=[recognised(places[1].code)]),
            decision(places[2]),
            decision(places[3], fail=[10]),
        ]

    def test_recognised_basis(self):
        (obs,) = aggregate_observations(DISTRICT, roll_up(self.members()), on=ON)
        # 2 of 4 communes recognised: met-but-unrecognised does not count, no data is no gap.
        assert obs.value == Q_(Fraction(1, 2), "")
        assert obs.source == "tổng hợp từ 4 xã: 2 đạt chuẩn"

    def test_assessed_basis(self):
        up = roll_up(self.members(), basis="assessed")
        assert aggregate_observations(DISTRICT, up, on=ON) == ()  # one member undecided


# --------------------------------------------------------------------------- properties

STATUSES = st.sampled_from([Status.MET, Status.NOT_MET, Status.UNKNOWN])


@st.composite
def standings(draw, code: str) -> Standing:
    levels = draw(st.lists(st.sampled_from(list(Level)), min_size=1, max_size=3, unique=True))
    holding = [(level, draw(STATUSES)) for level in sorted(levels)]
    held = [level for level, status in holding if status is Status.MET]
    total = draw(st.integers(0, 19))
    met = draw(st.integers(0, total))
    unknown = draw(st.integers(0, total - met))
    return Standing(
        Locality(code, f"Xã {code}", "commune"),
        datetime.date(2023, 12, 31),
        max(held) if held else None,
        holding,
        holding[0][1],
        met,
        total,
        unknown,
        draw(st.none() | st.sampled_from(list(Level))),
    )


@st.composite
def roll_ups(draw):
    count = draw(st.integers(0, 12))
    found = [draw(standings(f"{n:05d}")) for n in range(count)]
    return roll_up(found, basis=draw(st.none() | st.sampled_from(list(Basis))))


@given(roll_ups())
def test_the_columns_add_up_to_the_number_of_localities(up):
    for level in Level:
        assert sum(n for _, n in up.tally(level)) == up.count
        assert up.reached(level) + up.not_met(level) + up.undecided(level) == up.count
        recognised = sum(n for p, n in up.tally(level) if p.is_recognised)
        assert recognised == up.recognised(level)
        assert 0 <= up.counted(level) <= up.count
    assert sum(n for _, n in up.distribution()) + up.no_data() == up.count


def test_a_decision_without_data_is_undecided_not_not_met():
    # Regression: LevelDecision.explain called a commune with no data "chưa đạt chuẩn".
    d = no_data("00001")
    assert d.explain("vi").splitlines()[0].endswith(": chưa xác định được mức đạt")
    assert d.explain("en").splitlines()[0].endswith(": level cannot be decided yet")
    failing = decision(commune("00002", "B"), fail=[17])
    assert failing.explain("vi").splitlines()[0].endswith(": chưa đạt chuẩn")


@given(roll_ups())
def test_the_levels_table_adds_up_too(up):
    # The rows above the total are the positions; in every level's column they sum to the total.
    rows = [line.split("|")[1:-1] for line in levels_table(up, "en", fmt="markdown").splitlines()]
    header, body = rows[0], rows[2:]
    positions = body[: len(body) - 2]  # the total and the share follow the positions
    total = body[len(body) - 2]
    assert total[0].strip() == f"{up.kind_name('en').capitalize()} in all"
    for column in range(1, len(header)):
        assert sum(int(row[column]) for row in positions) == int(total[column]) == up.count
