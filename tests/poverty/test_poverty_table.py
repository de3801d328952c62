"""ntm_criteria.poverty: the household table and its two batch engines."""

from __future__ import annotations

import sys
import warnings
from fractions import Fraction

import pytest
from poverty_cases import CODES, MID_2023, commune_households, engines, monthly

from ntm_criteria.errors import DataError, DataErrors, UnknownCodeError
from ntm_criteria.poverty import (
    Area,
    Household,
    HouseholdTable,
    PovertyStatus,
    classify,
    rates,
    rates_by,
)


class TestTable:
    def test_from_columns_as_read_from_csv(self):
        columns = {
            "id": ["H1", "H2", "H3"],
            "area": ["nông thôn", "thành thị", "rural"],
            "members": ["4", "2", "3"],
            "income": ["18.000.000", "24.000.001", ""],
            "water": ["1", "0", "?"],
            "commune": ["X", "", "Y"],
            "village": ["a", None, "c"],
        }
        table = HouseholdTable.from_columns(columns, income_unit="VND/person/year")
        assert table.incomes == (1_500_000, Fraction(24_000_001, 12), None)
        assert table.deprivations["water"] == (True, False, None)
        assert table.communes == ("X", None, "Y")
        assert table.extra == {"village": ("a", None, "c")}
        assert len(table) == 3

    def test_from_python_and_numpy_values(self):
        # Regression: numpy was imported unguarded, so the suite failed without the fast extra.
        np = pytest.importorskip("numpy")

        table = HouseholdTable.from_columns(
            {
                "id": np.array(["a", "b", "c"]),
                "area": ["rural"] * 3,
                "members": np.array([1, 2, 3]),
                "income": np.array([1.5e6, float("nan"), 2.5]),
                "latrine": np.array([True, False, True]),
                "water": [1.0, float("nan"), 0],
            }
        )
        assert table.incomes == (1_500_000, None, Fraction(5, 2))
        assert table.members == (1, 2, 3)
        assert table.deprivations["latrine"] == (True, False, True)
        assert table.deprivations["water"] == (True, None, False)

    def test_column_problems_all_at_once(self):
        with pytest.raises(DataErrors) as caught:
            HouseholdTable.from_columns(
                {
                    "id": ["a", "b", "a"],
                    "area": ["rural", "moon", "urban"],
                    "members": [1, 2.5, "3"],
                    "income": [-1, "1.000", "1,2,3"],
                    "water": ["yes", 2, None],
                }
            )
        paths = [e.key_path for e in caught.value.errors]
        assert paths == [
            "income[0]",
            "area[1]",
            "members[1]",
            "water[1]",
            "income[2]",
            "id[2]",
        ]

    @pytest.mark.parametrize(
        ("columns", "message"),
        [
            ({"id": ["a"]}, "missing column"),
            ({"id": ["a", "b"], "area": ["rural"], "members": [1], "income": [1]}, "lengths"),
            ({"id": "ab", "area": [], "members": [], "income": []}, "not a column"),
        ],
    )
    def test_column_shape(self, columns, message):
        with pytest.raises(DataErrors, match=message):
            HouseholdTable.from_columns(columns)

    def test_direct_construction_is_checked(self):
        with pytest.raises(DataError, match="incomes has 0 values"):
            HouseholdTable(ids=["a"], areas=[Area.RURAL], members=[1], incomes=[])
        with pytest.raises(DataError, match="duplicate household id 'a'"):
            HouseholdTable(
                ids=["a", "a"], areas=[Area.RURAL] * 2, members=[1, 1], incomes=[None, None]
            )

    def test_round_trip_through_households(self):
        homes = commune_households()
        table = HouseholdTable.from_households(homes)
        assert table.households() == tuple(homes)
        assert HouseholdTable.from_households(table.households()) == table

    @pytest.mark.parametrize("engine", engines())
    def test_engines_agree_with_one_by_one(self, engine):
        homes = commune_households()
        table = HouseholdTable.from_households(homes)
        for day in ("2019-01-01", "2023-06-15", "2026-12-31", "2027-01-01"):
            expected = tuple(classify(h, on=day).status for h in homes)
            assert table.classify(on=day, engine=engine) == expected
            assert table.rates(on=day, engine=engine) == rates(homes, on=day)
            for by in ("commune", "village", "area", "id"):
                assert table.rates_by(by, on=day, engine=engine) == rates_by(homes, by, on=day)

    @pytest.mark.parametrize("engine", engines())
    def test_exact_near_the_line(self, engine):
        line = Fraction(1_500_000)
        incomes = [line, line + Fraction(1, 10**12), line - Fraction(1, 10**12), line / 3 * 3]
        homes = [
            Household(f"H{i}", "rural", 1, monthly(x), dict.fromkeys(CODES, True))
            for i, x in enumerate(incomes)
        ]
        table = HouseholdTable.from_households(homes)
        assert table.classify(on=MID_2023, engine=engine) == (
            PovertyStatus.POOR,
            PovertyStatus.ABOVE_LINE,
            PovertyStatus.POOR,
            PovertyStatus.POOR,
        )

    @pytest.mark.parametrize("engine", engines())
    def test_huge_values(self, engine):
        homes = [
            Household("a", "rural", 10**30, monthly(10**400), {"water": True}),
            Household("b", "rural", 10**30, monthly(Fraction(1, 3)), dict.fromkeys(CODES, True)),
        ]
        table = HouseholdTable.from_households(homes)
        r = table.rates(on=MID_2023, engine=engine)
        assert r == rates(homes, on=MID_2023)
        assert r.persons == 2 * 10**30

    def test_empty_table(self):
        table = HouseholdTable.from_columns({c: [] for c in ("id", "area", "members", "income")})
        for engine in engines():
            assert table.classify(on=MID_2023, engine=engine) == ()
            assert table.rates(on=MID_2023, engine=engine) == rates([], on=MID_2023)
            assert table.rates_by("commune", on=MID_2023, engine=engine) == {}

    def test_without_numpy(self, monkeypatch):
        homes = commune_households()
        table = HouseholdTable.from_households(homes)
        expected = table.rates(on=MID_2023, engine="python")
        monkeypatch.setitem(sys.modules, "numpy", None)  # import numpy now fails
        with pytest.warns(RuntimeWarning, match=r"pip install 'ntm_criteria\[fast\]'") as caught:
            assert table.rates(on=MID_2023, engine="numpy") == expected
        assert caught[0].filename == __file__  # the caller's line, not the library's
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            assert table.rates(on=MID_2023, engine="auto") == expected

    def test_unknown_engine_and_column(self):
        table = HouseholdTable.from_households(commune_households())
        with pytest.raises(UnknownCodeError, match="engine"):
            table.classify(on=MID_2023, engine="gpu")  # type: ignore[arg-type]
        with pytest.raises(UnknownCodeError, match="column 'hamlet'"):
            table.rates_by("hamlet", on=MID_2023)

    def test_indicator_codes_are_checked_against_the_standard(self):
        table = HouseholdTable.from_columns(
            {"id": ["a"], "area": ["rural"], "members": [1], "income": [1], "waste": ["1"]},
            indicators=["waste"],
        )
        with pytest.raises(UnknownCodeError, match="waste"):
            table.classify(on=MID_2023)
        assert table.classify(on="2027-06-01") == (PovertyStatus.UNKNOWN,)
