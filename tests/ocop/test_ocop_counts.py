"""Tests for ntm_criteria.ocop: valid certificates counted per commune, and the NTM observation."""

from __future__ import annotations

import datetime

from ntm_criteria import Status, assess, demo
from ntm_criteria.ocop import (
    Certificate,
    count_by_commune,
    ocop_observation,
)


class TestCounts:
    CERTS = (
        Certificate("A", "x", "03664", 3, "1/7/2023"),
        Certificate("B", "x", "03664", 5, "1/7/2023"),
        Certificate("C", "x", "03664", 4, "1/7/2020"),  # valid through 1/7/2023
        Certificate("D", "x", "03661", 4, "1/1/2023"),
        Certificate("D", "x", "03661", 4, "1/1/2024"),  # the same product again
    )

    def test_counts_per_commune(self) -> None:
        assert count_by_commune(self.CERTS, "1/7/2023") == {"03664": 3, "03661": 1}
        assert count_by_commune(self.CERTS, "2/7/2023") == {"03664": 2, "03661": 1}
        assert count_by_commune(self.CERTS, "2/7/2023", min_stars=4) == {"03664": 1, "03661": 1}
        assert count_by_commune(self.CERTS, "1/1/2020") == {}

    def test_the_observation_for_indicator_13_2(self) -> None:
        obs = ocop_observation(self.CERTS, "03664", on="2/7/2023")
        assert obs.indicator_code == "13.2"
        assert obs.value == 2
        assert obs.as_of == datetime.date(2023, 7, 2)
        assert obs.source is not None
        assert "3+ stars" in obs.source

    def test_assessed_with_the_demo_set(self) -> None:
        commune = demo.gazetteer().get("03661")
        met = assess(
            commune,
            demo.criterion_set(),
            [ocop_observation(self.CERTS, "03661", on="30/6/2023")],
            on="30/6/2023",
        )
        assert met.indicator("13.2").status is Status.MET
        none = assess(
            commune,
            demo.criterion_set(),
            [ocop_observation(self.CERTS, "03661", on="31/12/2022")],
            on="30/6/2023",
        )
        assert none.indicator("13.2").status is Status.NOT_MET
        assert none.indicator("13.2").actual == 0

    def test_another_indicator_code(self) -> None:
        obs = ocop_observation(self.CERTS, "03664", on="1/7/2023", indicator="3.4", min_stars=4)
        assert (obs.indicator_code, obs.value) == ("3.4", 2)  # B (5★) and C (4★, last day)
