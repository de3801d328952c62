"""The numpy engine converts a household table into arrays once, and lets them go with it."""

from __future__ import annotations

import gc
from fractions import Fraction

import numpy as np
from poverty_cases import MID_2023, commune_households

from ntm_criteria.poverty import Area, HouseholdTable
from ntm_criteria.poverty._arrays import _KEPT, table_arrays


def test_the_arrays_are_made_once_and_dropped_with_the_table():
    table = HouseholdTable.from_households(commune_households())
    first = table_arrays(table, np)
    assert table_arrays(table, np) is first
    key = id(table)
    table.classify(on=MID_2023, engine="numpy")
    assert _KEPT[key] is first
    del table, first
    gc.collect()
    assert key not in _KEPT


def test_the_arrays_hold_the_tables_values():
    homes = commune_households()
    table = HouseholdTable.from_households(homes)
    arrays = table_arrays(table, np)
    assert arrays.known.tolist() == [v is not None for v in table.incomes]
    assert arrays.whole.tolist() == [0 if v is None else int(v) for v in table.incomes]
    assert arrays.floats is None
    assert arrays.areas[Area.URBAN].tolist() == [a == Area.URBAN for a in table.areas]
    for code, column in table.deprivations.items():
        assert arrays.flags[code].tolist() == [-1 if v is None else int(v) for v in column]
    assert arrays.members.tolist() == list(table.members)


def test_incomes_not_whole_or_past_int64_are_floats():
    columns = {"id": ["a", "b"], "area": ["rural", "urban"], "members": [1, 2]}
    third = HouseholdTable.from_columns({**columns, "income": [Fraction(1, 3), 5]})
    assert table_arrays(third, np).whole is None
    assert table_arrays(third, np).floats.tolist() == [1 / 3, 5.0]
    huge = HouseholdTable.from_columns({**columns, "income": [2**63 + 1, 5]})
    assert table_arrays(huge, np).whole is None
    for table in (third, huge):
        assert table.classify(on=MID_2023, engine="numpy") == table.classify(
            on=MID_2023, engine="python"
        )
