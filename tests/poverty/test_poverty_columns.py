"""ntm_criteria.poverty: households as numpy columns, and national figures in chunks.

The columnar path must give exactly what ``classify`` gives one household at a
time, and the chunked tallies exactly what ``HouseholdTable.rates_by`` gives,
including incomes exactly at a line, a float's neighbours of a line, and
yearly, monthly and daily incomes (whose lines are not whole numbers).
"""

from __future__ import annotations

import datetime
import importlib
import itertools
import math
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from poverty_cases import CODES, MID_2023

from ntm_criteria.errors import DataError, MissingExtraError, NtmError, UnknownCodeError
from ntm_criteria.poverty import (
    STATUS_CODES,
    Household,
    HouseholdTable,
    PovertyStatus,
    classify,
    classify_columns,
    default_standards,
    national_rates,
    read_household_chunks,
    tally_columns,
)
from ntm_criteria.units import Q_, exact_factor

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

# A day under each standard: indicators and rule unknown, known, list unknown.
DAYS = (datetime.date(2020, 3, 1), MID_2023, datetime.date(2028, 1, 1))
UNITS = (
    "VND/person/month",
    "VND/person/year",
    "million_VND/person/year",
    "thousand_VND/person/month",
    "VND/person/day",  # lines of a non-terminating fraction of a đồng
)


def _line(area: str, day: datetime.date, unit: str) -> Fraction:
    """The line of ``area`` on ``day`` in ``unit``, exactly."""
    leaf = default_standards().in_force(day).line(area, day)
    return leaf.amount / exact_factor(unit, "VND/person/month")  # type: ignore[union-attr]


@st.composite
def incomes(draw: st.DrawFn, area: str, day: datetime.date, unit: str) -> float:
    """Incomes at, beside and around a line: its float, its float neighbours, or anything."""
    line = float(_line(area, day, unit))
    kind = draw(st.sampled_from(["at", "steps", "near", "any", "nan", "zero"]))
    if kind == "at":
        return line
    if kind == "steps":
        value = line
        for _ in range(draw(st.integers(1, 3))):
            value = math.nextafter(value, draw(st.sampled_from([math.inf, -math.inf])))
        return value
    if kind == "near":
        return line * draw(st.floats(0.999, 1.001))
    if kind == "nan":
        return math.nan
    if kind == "zero":
        return 0.0
    return draw(st.floats(0, 1e9, allow_nan=False))


@st.composite
def households(draw: st.DrawFn) -> tuple[datetime.date, str, list[str], list[float], dict]:
    day = draw(st.sampled_from(DAYS))
    unit = draw(st.sampled_from(UNITS))
    n = draw(st.integers(1, 12))
    areas = draw(st.lists(st.sampled_from(["rural", "urban"]), min_size=n, max_size=n))
    money = [draw(incomes(a, day, unit)) for a in areas]
    codes = draw(st.lists(st.sampled_from(CODES), unique=True, max_size=len(CODES)))
    flag = st.sampled_from([True, False, None])
    flags = {c: draw(st.lists(flag, min_size=n, max_size=n)) for c in codes}
    return day, unit, areas, money, flags


def _one_by_one(day, unit, areas, money, flags) -> list[PovertyStatus]:
    found = []
    for i, (area, income) in enumerate(zip(areas, money, strict=True)):
        value = None if math.isnan(income) else Q_(income, unit)
        home = Household(f"H{i}", area, 3, value, {c: v[i] for c, v in flags.items()})
        found.append(classify(home, on=day).status)
    return found


def _flag_column(values: list[bool | None]) -> np.ndarray:
    return np.array([np.nan if v is None else float(v) for v in values])


class TestClassifyColumns:
    @given(households())
    def test_equal_to_classify_one_by_one(self, case):
        day, unit, areas, money, flags = case
        columns = {c: _flag_column(v) for c, v in flags.items()}
        codes = classify_columns(
            np.array(money), np.array(areas), on=day, deprivations=columns, income_unit=unit
        )
        assert [STATUS_CODES[c] for c in codes.tolist()] == _one_by_one(*case)

    @given(households())
    def test_counts_give_the_same_statuses_as_flags(self, case):
        day, unit, areas, money, flags = case
        if not default_standards().in_force(day).indicator_codes:
            flags = {}  # no indicator list: the flags cannot count
        n = len(areas)
        deprived = [sum(v[i] is True for v in flags.values()) for i in range(n)]
        known = [sum(v[i] is not None for v in flags.values()) for i in range(n)]
        size = len(default_standards().in_force(day).indicator_codes)
        by_flags = classify_columns(
            np.array(money),
            areas,
            on=day,
            income_unit=unit,
            deprivations={c: _flag_column(v) for c, v in flags.items()},
        )
        by_counts = classify_columns(
            np.array(money),
            areas,
            on=day,
            income_unit=unit,
            deprived=np.array(deprived),
            unknown=size - np.array(known),
        )
        assert by_counts.tolist() == by_flags.tolist()

    def test_the_line_in_every_unit(self):
        """1,500,000 a month is 18,000,000 a year: at the line in both, one float above is not."""
        for money, unit in [
            (1_500_000, "VND/person/month"),
            (18_000_000, "VND/person/year"),
            (18, "million_VND/person/year"),
            (1_500, "thousand_VND/person/month"),
        ]:
            above = math.nextafter(float(money), math.inf)
            for column in (np.array([money]), np.array([float(money)]), np.array([above])):
                statuses = classify_columns(
                    column, "rural", on=MID_2023, deprived=[0], income_unit=unit
                )
                expected = 1 if column[0] == money else 2
                assert statuses.tolist() == [expected], (money, unit, column)

    def test_a_daily_income_decides_by_its_shortest_decimal(self):
        line = _line("rural", MID_2023, "VND/person/day")  # 1,500,000 × 12 / 365.25
        assert line.denominator != 1
        below = float(f"{float(line):.6f}") if float(f"{float(line):.6f}") <= line else None
        values = [math.floor(line), math.ceil(line), float(line)]
        if below is not None:
            values.append(below)
        statuses = classify_columns(
            np.array(values, dtype=float),
            "rural",
            on=MID_2023,
            deprived=[0] * len(values),
            income_unit="VND/person/day",
        )
        homes = [Household("H", "rural", 1, Q_(v, "VND/person/day")) for v in values]
        expected = [classify(h, on=MID_2023).status is PovertyStatus.ABOVE_LINE for h in homes]
        assert [s == 2 for s in statuses.tolist()] == expected
        assert statuses.tolist()[:2] == [1, 2]

    def test_integer_incomes_beyond_float_precision(self):
        big = 2**60 + 1
        statuses = classify_columns(
            np.array([big, 1_500_000], dtype=np.int64), "rural", on=MID_2023, deprived=[0, 0]
        )
        assert statuses.tolist() == [2, 1]

    def test_unsigned_and_object_columns(self):
        unsigned = np.array([2**64 - 1, 1_500_000], dtype=np.uint64)
        statuses = classify_columns(unsigned, "rural", on=MID_2023, deprived=[0, 0])
        assert statuses.tolist() == [2, 1]
        with pytest.raises(DataError, match=r"area\[1\]: unknown area None"):
            classify_columns(
                np.array([1.0, 1.0]), np.array(["rural", None], dtype=object), on=MID_2023
            )

    def test_area_spellings_and_a_single_area(self):
        money = np.array([1_800_000.0, 1_800_000.0, 1_800_000.0])
        spelled = classify_columns(
            money, ["nông thôn", "Thành thị", "khu vực đô thị"], on=MID_2023, deprived=[0, 0, 0]
        )
        assert spelled.tolist() == [2, 1, 1]
        assert classify_columns(money, "urban", on=MID_2023, deprived=[0] * 3).tolist() == [1] * 3

    def test_no_deprivations_given_is_unknown(self):
        statuses = classify_columns(np.array([1_000_000.0, 9e6]), "rural", on=MID_2023)
        assert statuses.tolist() == [3, 2]

    def test_empty_columns(self):
        assert classify_columns(np.array([]), [], on=MID_2023).tolist() == []

    @pytest.mark.parametrize(
        ("call", "message"),
        [
            (
                lambda: classify_columns(np.array([1.0, -1.0]), "rural", on=MID_2023),
                r"income\[1\]: income -1.0 is negative",
            ),
            (
                lambda: classify_columns(np.array([math.inf]), "rural", on=MID_2023),
                r"income\[0\]: income inf is negative or not finite",
            ),
            (
                lambda: classify_columns(np.array(["1"]), "rural", on=MID_2023),
                "income is not a column of numbers",
            ),
            (
                lambda: classify_columns(np.array([1.0, 2.0]), ["rural", "miền núi"], on=MID_2023),
                r"area\[1\]: unknown area 'miền núi'",
            ),
            (
                lambda: classify_columns(np.array([1.0]), ["rural", "urban"], on=MID_2023),
                "column area has 2 values for 1 households",
            ),
            (
                lambda: classify_columns(
                    np.array([1.0, 1.0]), "rural", on=MID_2023, deprivations={"water": [1, 2]}
                ),
                r"water\[1\]: flag 2 is not a flag",
            ),
            (
                lambda: classify_columns(np.array([1.0]), "rural", on=MID_2023, deprived=[13]),
                r"deprived\[0\]: deprived 13 is out of range",
            ),
            (
                lambda: classify_columns(
                    np.array([1.0]), "rural", on=MID_2023, deprived=[6], unknown=[7]
                ),
                r"unknown\[0\]: unknown 7 leaves too few indicators",
            ),
            (
                lambda: classify_columns(
                    np.array([1.0]), "rural", on=MID_2023, deprived=[1], deprivations={"water": [1]}
                ),
                "both deprivation flags and counts",
            ),
            (
                lambda: classify_columns(
                    np.array([1.0]), "rural", on=MID_2023, income_unit="VND/household/month"
                ),
                "cannot convert",
            ),
        ],
    )
    def test_bad_columns_name_the_column_and_row(self, call, message):
        with pytest.raises(NtmError, match=message):
            call()

    def test_an_unknown_indicator_code(self):
        with pytest.raises(UnknownCodeError, match="bananas"):
            classify_columns(np.array([1.0]), "rural", on=MID_2023, deprivations={"bananas": [1]})


# -- tallies over chunks --------------------------------------------------------


@st.composite
def tables(draw: st.DrawFn) -> tuple[datetime.date, dict[str, list], list[int]]:
    day = draw(st.sampled_from(DAYS))
    n = draw(st.integers(0, 30))
    areas = draw(st.lists(st.sampled_from(["rural", "urban"]), min_size=n, max_size=n))
    columns: dict[str, list] = {
        "id": [f"H{i}" for i in range(n)],
        "commune": draw(
            st.lists(st.sampled_from(["04036", "04039", None]), min_size=n, max_size=n)
        ),
        "area": areas,
        "members": draw(st.lists(st.integers(1, 12), min_size=n, max_size=n)),
        "income": [draw(incomes(a, day, "VND/person/month")) for a in areas],
    }
    for code in draw(st.lists(st.sampled_from(CODES), unique=True, max_size=len(CODES))):
        columns[code] = draw(
            st.lists(st.sampled_from([1.0, 0.0, math.nan]), min_size=n, max_size=n)
        )
    cuts = sorted(draw(st.lists(st.integers(0, n), max_size=3)))
    return day, columns, cuts


def _table(columns: dict[str, list]) -> HouseholdTable:
    codes = set(CODES)
    return HouseholdTable(
        ids=columns["id"],
        areas=columns["area"],
        members=columns["members"],
        incomes=[None if math.isnan(v) else Fraction(repr(v)) for v in columns["income"]],
        deprivations={
            c: [None if math.isnan(v) else bool(v) for v in col]
            for c, col in columns.items()
            if c in codes
        },
        communes=columns["commune"],
    )


def _chunks(columns: dict[str, list], cuts: list[int]) -> list[dict[str, np.ndarray | list]]:
    n = len(columns["id"])
    edges = [0, *cuts, n]
    return [
        {
            k: (np.array(v[a:b]) if k not in ("commune", "area") else v[a:b])
            for k, v in columns.items()
        }
        for a, b in itertools.pairwise(edges)
    ]


class TestTallies:
    @given(tables())
    def test_chunks_equal_the_household_table(self, case):
        day, columns, cuts = case
        expected = _table(columns).rates_by("commune", on=day, engine="python")
        found = tally_columns(_chunks(columns, cuts), on=day)
        assert list(found) == list(expected)
        assert found == expected

    @given(tables())
    def test_one_group(self, case):
        day, columns, cuts = case
        expected = _table(columns).rates(on=day, engine="python")
        assert tally_columns(_chunks(columns, cuts), on=day, by=None) == {None: expected}

    def test_a_bad_row_is_counted_from_the_first_chunk(self):
        chunk = {"area": ["rural"] * 2, "members": [1, 1], "income": np.array([1.0, 1.0])}
        bad = {**chunk, "members": [1, 0]}
        with pytest.raises(DataError, match=r"members\[3\]: members 0 is not a whole number"):
            tally_columns([chunk, bad], on=MID_2023, by=None)
        with pytest.raises(DataError, match="missing column income"):
            tally_columns([{"area": ["rural"], "members": [1]}], on=MID_2023, by=None)


# -- files ----------------------------------------------------------------------


def _write(tmp_path, columns: dict[str, list], suffix: str):
    table = pa.table({k: v for k, v in columns.items() if k != "id"})
    path = tmp_path / f"households{suffix}"
    if suffix == ".parquet":
        pq.write_table(table, path)
    else:
        from pyarrow import csv

        csv.write_csv(table, path)
    return path


class TestFiles:
    @pytest.mark.parametrize("suffix", [".parquet", ".csv"])
    @pytest.mark.parametrize("rows", [1, 7, 1000])
    def test_national_rates_equal_the_household_table(self, tmp_path, suffix, rows):
        n = 40
        columns = {
            "id": [f"H{i}" for i in range(n)],
            "commune": ["04036", "00001", None, "04039"] * (n // 4),
            "area": (["rural", "urban", "nông thôn", "thành thị", "rural"] * n)[:n],
            "members": [1 + i % 7 for i in range(n)],
            "income": [1_500_000.0, 2_000_000.0, 1_200_000.0, math.nan, 3.5e6] * (n // 5),
            "water": [1.0, 0.0, math.nan, 1.0] * (n // 4),
            "latrine": [1.0, 1.0, 1.0, 0.0, math.nan] * (n // 5),
            "employment": [1.0] * n,
            "village": ["Nà"] * n,
        }
        path = _write(tmp_path, columns, suffix)
        expected = _table(
            {
                **columns,
                "area": [
                    a if a in ("rural", "urban") else {"nông thôn": "rural"}.get(a, "urban")
                    for a in columns["area"]
                ],
            }
        )
        found = national_rates(path, on=MID_2023, rows=rows)
        assert found == expected.rates_by("commune", on=MID_2023, engine="python")
        assert "00001" in found  # commune codes keep their leading zeros
        by_village = national_rates(path, on=MID_2023, by="village", rows=rows)
        assert by_village["Nà"].households == n

    def test_chunks_have_at_most_the_rows_asked(self, tmp_path):
        columns = {"area": ["rural"] * 25, "members": [2] * 25, "income": [1e6] * 25}
        for suffix in (".parquet", ".csv"):
            path = _write(tmp_path, columns, suffix)
            sizes = [len(c["income"]) for c in read_household_chunks(path, rows=10)]
            assert sizes == [10, 10, 5]

    def test_file_problems(self, tmp_path):
        path = _write(tmp_path, {"area": ["rural"], "members": [2]}, ".csv")
        with pytest.raises(DataError, match=r"missing column.*income"):
            national_rates(path, on=MID_2023)
        with pytest.raises(DataError, match="cannot read households"):
            national_rates(tmp_path / "nowhere.parquet", on=MID_2023)
        bad = tmp_path / "bad.csv"
        bad.write_text("commune,area,members,income\nX,rural,2,1.500.000\n", encoding="utf-8")
        with pytest.raises(DataError, match=r"bad\.csv: cannot read households"):
            national_rates(bad, on=MID_2023)
        wrong = tmp_path / "wrong.csv"
        wrong.write_text("commune,area,members,income\nX,rural,2,-5\n", encoding="utf-8")
        with pytest.raises(DataError, match=r"wrong.csv: income\[0\]: income -5.0 is negative"):
            national_rates(wrong, on=MID_2023)
        with pytest.raises(DataError, match="rows 0"):
            list(read_household_chunks(wrong, rows=0))

    def test_without_pyarrow(self, monkeypatch, tmp_path):
        real = importlib.import_module

        def refuse(name, *args, **kwargs):
            if name.startswith("pyarrow"):
                raise ImportError(name)
            return real(name, *args, **kwargs)

        monkeypatch.setattr(importlib, "import_module", refuse)
        with pytest.raises(MissingExtraError, match=r'pip install "ntm_criteria\[parquet\]"'):
            national_rates(tmp_path / "x.parquet", on=MID_2023)


def test_engines_agree_on_a_table_built_with_area_codes():
    """Regression: the numpy engine compared areas by identity, so "rural" matched no area."""
    table = HouseholdTable(
        ids=["a", "b"],
        areas=["rural", "urban"],
        members=[10**30, 3],
        incomes=[Fraction(1), Fraction(10**7)],
        deprivations={"water": [True, None]},
    )
    numpy_rates = table.rates(on=MID_2023, engine="numpy")
    assert numpy_rates == table.rates(on=MID_2023, engine="python")
    assert numpy_rates.at_or_below_line.count == 1
    assert numpy_rates.persons == 10**30 + 3


def test_chunks_of_pandas_and_pyarrow_columns():
    """A missing commune is the group None whether it comes as None, NaN or a null."""
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame(
        {
            "commune": ["X", "Y", None],
            "area": ["rural", "urban", "rural"],
            "members": [1, 2, 3],
            "income": [1e6, 3e6, np.nan],
            "water": [1.0, np.nan, 0.0],
        }
    )
    by_pandas = tally_columns([{k: frame[k] for k in frame}], on=MID_2023)
    by_arrow = tally_columns([{k: pa.array(frame[k]) for k in frame}], on=MID_2023)
    by_lists = tally_columns([{k: frame[k].tolist() for k in frame}], on=MID_2023)
    assert list(by_pandas) == ["X", "Y", None]
    assert by_pandas == by_arrow == by_lists
    assert by_pandas["X"].indicators["water"].count == 1


def test_without_numpy(monkeypatch):
    real = importlib.import_module

    def no_numpy(name, *args, **kwargs):
        if name == "numpy" or name.startswith("numpy."):
            raise ImportError(name)
        return real(name, *args, **kwargs)

    monkeypatch.setattr(importlib, "import_module", no_numpy)
    with pytest.raises(MissingExtraError, match=r'numpy.*pip install "ntm_criteria\[fast\]"'):
        classify_columns([1.0], "rural", on=MID_2023)
    with pytest.raises(MissingExtraError, match="numpy"):
        tally_columns([], on=MID_2023)
