"""ntm_criteria.poverty: the bridge to NTM criterion sets."""

from __future__ import annotations

import datetime
from fractions import Fraction

import pytest
from poverty_cases import household

from ntm_criteria import Locality, Observation, assess, demo
from ntm_criteria.errors import ObservationError, UnknownCodeError
from ntm_criteria.poverty import Household, rates, rates_by, to_observation
from ntm_criteria.rules import Status
from ntm_criteria.units import Q_


class TestObservation:
    COMMUNE = Locality("03664", "Chiềng Xôm", "commune", region="TDMNPB")
    ON = datetime.date(2023, 6, 30)

    def homes(self, poor: int, total: int) -> list[Household]:
        return [
            household(1_000_000 if i < poor else 5_000_000, 12, hid=f"H{i}") for i in range(total)
        ]

    def test_rate_in_percent(self):
        obs = to_observation(rates(self.homes(3, 40), on=self.ON), "11.1")
        assert obs == Observation(
            "11.1",
            Q_(Fraction(15, 2), "percent"),
            as_of=self.ON,
            source="ntm_criteria.poverty: 3/40 households poor, 07/2021/NĐ-CP, 2023-06-30",
        )

    @pytest.mark.parametrize(("poor", "status"), [(2, Status.MET), (3, Status.NOT_MET)])
    def test_assess_the_demo_set(self, poor, status):
        # the demo ceiling for TDMNPB is 6 % (illustrative); 2/40 = 5 %, 3/40 = 7.5 %
        obs = to_observation(rates(self.homes(poor, 40), on=self.ON), "11.1")
        result = assess(self.COMMUNE, demo.criterion_set(), [obs], on=self.ON)
        assert result.indicator("11.1").status is status

    def test_other_measures_and_a_group(self):
        homes = self.homes(3, 10)
        groups = rates_by(homes, lambda h: "X", on=self.ON)
        obs = to_observation(groups["X"], "11.1", measure="poor_or_near_poor", source="minutes")
        assert obs.value == Q_(30, "percent")
        assert obs.source == "minutes"
        assert to_observation(groups["X"], "11.1", measure="near_poor").value == Q_(0, "percent")
        with pytest.raises(UnknownCodeError):
            to_observation(groups["X"], "11.1", measure="rich")  # type: ignore[arg-type]

    def test_undetermined_households_are_not_silently_dropped(self):
        homes = [*self.homes(1, 9), Household("U", "rural", 1, None)]
        r = rates(homes, on=self.ON)
        with pytest.raises(ObservationError, match="1 of 10 households are undetermined"):
            to_observation(r, "11.1")
        obs = to_observation(r, "11.1", allow_undetermined=True)
        assert obs.value == Q_(Fraction(100, 9), "percent")
        assert "1 undetermined left out" in obs.source

    def test_nothing_decided(self):
        with pytest.raises(ObservationError, match="no household"):
            to_observation(rates([], on=self.ON), "11.1")
        with pytest.raises(ObservationError, match="no household"):
            to_observation(rates(self.homes(1, 2), on="2019-01-01"), "11.1")
