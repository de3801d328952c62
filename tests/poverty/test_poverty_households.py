"""ntm_criteria.poverty: households: incomes in any unit per person, areas, fields."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from poverty_cases import MID_2023

from ntm_criteria.errors import DataError, UnitError
from ntm_criteria.poverty import Area, Household, classify
from ntm_criteria.rules import Status
from ntm_criteria.units import Q_


class TestHousehold:
    @pytest.mark.parametrize(
        "income",
        [
            Q_(1_500_000, "VND/person/month"),
            Q_(18_000_000, "VND/person/year"),
            Q_(18, "million_VND/person/year"),
            Q_(1.5, "million_VND/person/month"),
            Q_(Decimal("1500"), "thousand_VND/person/month"),
            Q_(Fraction(18_000_000), "đồng/người/năm"),
        ],
    )
    def test_any_currency_per_person_per_time(self, income):
        h = Household("H", "rural", 3, income)
        assert h.monthly_income == 1_500_000
        assert classify(h, on=MID_2023).income_verdict.status is Status.MET

    def test_a_day_converts_exactly(self):
        h = Household("H", "rural", 3, Q_(1, "VND/person/day"))
        assert h.monthly_income == Fraction(487, 16)  # a month is 365.25 / 12 days

    def test_income_per_household_is_refused_by_name(self):
        with pytest.raises(UnitError, match=r"household H9: income .*household.*divide"):
            Household("H9", "rural", 4, Q_(6_000_000, "VND/household/month"))

    @pytest.mark.parametrize(
        ("income", "error", "message"),
        [
            (1_500_000, UnitError, "has no unit"),
            (Q_(3, "kg"), UnitError, "does not convert"),
            (Q_(float("nan"), "VND/person/month"), UnitError, "household H: .*finite"),
            (Q_(-1, "VND/person/month"), DataError, "negative"),
        ],
    )
    def test_bad_incomes(self, income, error, message):
        with pytest.raises(error, match=message):
            Household("H", "rural", 1, income)

    @pytest.mark.parametrize(
        ("fields", "message"),
        [
            ({"id": ""}, "id"),
            ({"members": 0}, "members 0"),
            ({"members": True}, "members True"),
            ({"members": 2.0}, "members 2.0"),
            ({"area": "highland"}, "unknown area"),
            ({"deprivations": {"water": "yes"}}, "deprivation 'water'"),
            ({"deprivations": ["water"]}, "not a mapping"),
            ({"extra": "village"}, "not a mapping"),
            ({"commune": 4036}, "commune"),
        ],
    )
    def test_bad_fields(self, fields, message):
        args = {"id": "H", "area": "rural", "members": 1, "income": None, **fields}
        with pytest.raises(DataError, match=message):
            Household(**args)

    @pytest.mark.parametrize(
        ("text", "area"),
        [
            ("rural", Area.RURAL),
            ("Nông thôn", Area.RURAL),
            ("nong thon", Area.RURAL),
            ("urban", Area.URBAN),
            ("thành thị", Area.URBAN),
            ("  Khu vực  đô thị ", Area.URBAN),
            (Area.URBAN, Area.URBAN),
        ],
    )
    def test_areas(self, text, area):
        assert Area.parse(text) is area

    def test_area_refuses_other_values(self):
        for value in ("", "mountain", None, 1):
            with pytest.raises(DataError):
                Area.parse(value)
