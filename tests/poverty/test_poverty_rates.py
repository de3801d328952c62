"""ntm_criteria.poverty: poverty rates over households, whole and by group."""

from __future__ import annotations

from fractions import Fraction

import pytest
from poverty_cases import CODES, MID_2023, commune_households

from ntm_criteria.errors import DataError, UnknownCodeError
from ntm_criteria.poverty import Area, Headcount, rates, rates_by


class TestRates:
    def test_whole_commune(self):
        r = rates(commune_households()[:4], on=MID_2023)
        assert (r.households, r.persons) == (4, 16)
        assert r.poor == Headcount(1, 3, 1)
        assert r.near_poor == Headcount(1, 3, 1)
        assert (r.poor_rate, r.near_poor_rate) == (Fraction(1, 3), Fraction(1, 3))
        assert (r.above_line, r.undetermined) == (1, 1)
        assert r.poor_or_near_poor == r.at_or_below_line == Headcount(3, 4, 0)
        assert (r.poor_persons, r.near_poor_persons) == (4, 4)
        # water: A3 deprived, A4 deprived, A1 and A2 not
        assert r.indicators["water"] == Headcount(2, 4, 0)
        # telecom: A3 deprived; A4's is unknown and left out of the denominator
        assert r.indicators["telecom"] == Headcount(1, 3, 1)
        assert r.dimensions["water_sanitation"] == Headcount(2, 4, 0)
        assert r.dimensions["information"] == Headcount(1, 3, 1)
        assert r.dimensions["employment"] == Headcount(3, 3, 1)
        assert list(r.indicators) == list(CODES)
        assert r.standard_id == "nd-07-2021"
        assert r.legal_basis == "07/2021/NĐ-CP"
        assert r.summary() == (
            "Tất cả hộ: hộ nghèo 1/3 (33,33%), hộ cận nghèo 1/3 (33,33%); 1 hộ chưa xác định"
        )

    def test_by_commune(self):
        groups = rates_by(commune_households(), "commune", on=MID_2023)
        assert list(groups) == ["04036", "04039"]
        assert groups["04039"].poor == Headcount(1, 1, 1)
        assert groups["04039"].group == "04039"
        assert groups["04039"].summary("en") == (
            "04039: poor 1/1 (100%), near-poor 0/1 (0%); 1 undetermined"
        )

    def test_by_extra_field_callable_and_area(self):
        homes = commune_households()
        by_village = rates_by(homes, "village", on=MID_2023)
        assert list(by_village) == ["Bản Hụm", "Bản Nà", None]
        assert by_village["Bản Hụm"].households == 2
        by_area = rates_by(homes, "area", on=MID_2023)
        assert set(by_area) == {Area.RURAL, Area.URBAN}
        by_size = rates_by(homes, lambda h: h.members > 3, on=MID_2023)
        assert list(by_size) == [True]
        with pytest.raises(UnknownCodeError, match="household field 'hamlet'"):
            rates_by(homes, "hamlet", on=MID_2023)

    def test_empty(self):
        r = rates([], on=MID_2023)
        assert r.households == 0
        assert r.poor.share is None
        assert rates_by([], "commune", on=MID_2023) == {}

    def test_under_a_standard_without_a_rule(self):
        r = rates(commune_households(), on="2019-01-01")
        assert r.undetermined == r.households == 6
        assert r.poor == Headcount(0, 0, 6)
        assert r.poor_or_near_poor == Headcount(0, 0, 6)
        assert r.at_or_below_line == Headcount(0, 5, 1)  # all above 700,000 / 900,000
        assert dict(r.indicators) == {} == dict(r.dimensions)

    def test_under_decree_351_poor_or_near_poor_is_known(self):
        r = rates(commune_households(), on="2027-06-30")
        assert r.poor.known == 0
        assert r.poor_or_near_poor == Headcount(5, 5, 1)

    def test_headcount_checks(self):
        with pytest.raises(DataError):
            Headcount(3, 2)
        with pytest.raises(DataError):
            Headcount(0, 1, -1)
        assert Headcount(1, 2, 3).total == 5
