"""DataFrames in and out: the frame path gives the object path's answers, boundaries included."""

from __future__ import annotations

import importlib
from fractions import Fraction
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from ntm_criteria import demo
from ntm_criteria.assessment import assess
from ntm_criteria.errors import DataError, DataErrors, MissingExtraError
from ntm_criteria.frames import (
    assess_frame,
    gazetteer_from_frame,
    observations_from_frame,
    results_frame,
)
from ntm_criteria.io import reads_observations
from ntm_criteria.levels import decide_level

ON = demo.ASSESSMENT_DATE


def _long_frame_from_demo_csv() -> pd.DataFrame:
    """The demo observations as pandas would read the CSV: text cells, as typed."""
    rows = []
    for code, observations in demo.observations().items():
        for o in observations:
            rows.append({"locality": code, "indicator": o.indicator_code, "value": o.value})
    return pd.DataFrame(rows)


def _object_rows(results: list) -> list[tuple[str, str, int, int, int]]:
    return sorted(
        (r.locality.code, r.status.value, r.met_count, r.not_met_count, r.unknown_count)
        for r in results
    )


def test_a_long_frame_of_csv_text_gives_the_csv_answers():
    places = demo.gazetteer()
    path = Path(demo.__file__).parent / "observations.csv"
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    by_csv = reads_observations(path.read_text(encoding="utf-8"))
    expected = [
        assess(places.effective(code), demo.criterion_set(), obs, on=ON)
        for code, obs in by_csv.items()
    ]
    got = assess_frame(frame, demo.criterion_set(), on=ON, localities=places)
    got = got[got.locality.isin(by_csv)]
    rows = sorted(zip(got.locality, got.status, got.met, got.not_met, got.unknown, strict=True))
    assert rows == _object_rows(expected)


def test_results_frame_columns_add_up_and_name_every_criterion():
    places = demo.gazetteer()
    results = [
        assess(places.effective(code), demo.criterion_set(), obs, on=ON)
        for code, obs in demo.observations().items()
    ]
    frame = results_frame(results)
    assert list(frame.columns[:11]) == [
        "locality",
        "name_vi",
        "set_id",
        "on",
        "status",
        "met",
        "not_met",
        "unknown",
        "not_applicable",
        "total",
        "untrusted",
    ]
    assert (frame.met + frame.not_met + frame.unknown + frame.not_applicable == frame.total).all()
    numbers = [c.number for c in demo.criterion_set().criteria]
    assert [c for c in frame.columns if c.startswith("criterion_")] == [
        f"criterion_{n}" for n in numbers
    ]
    chosen = frame.set_index("locality").loc["03664"]
    result = next(r for r in results if r.locality.code == "03664")
    for criterion in result.criteria:
        assert chosen[f"criterion_{criterion.number}"] == criterion.status.value


def test_an_empty_list_of_results_is_an_empty_frame_with_the_columns():
    frame = results_frame([])
    assert frame.empty
    assert "status" in frame.columns


def test_a_ladder_gives_the_level_of_decide_level():
    places = demo.gazetteer()
    frame = assess_frame(
        _long_frame_from_demo_csv(), [demo.criterion_set()], on=ON, localities=places
    )
    for code, obs in demo.observations().items():
        decision = decide_level(places.effective(code), obs, on=ON, ladder=[demo.criterion_set()])
        row = frame.set_index("locality").loc[code]
        assert row.level == (decision.level.key if decision.level else "")


# The boundaries the library promises: 80 % as 80 or as 0.8 with "", a threshold met exactly,
# 41.5 million VND/person/year and its monthly equivalent.
@pytest.mark.parametrize(
    ("value", "unit", "status"),
    [
        (80, "%", "met"),
        (80.0, "", "met"),
        (79.99, "%", "not_met"),
        ("80", "%", "met"),
        ("79,99", "%", "not_met"),
    ],
)
def test_a_value_at_the_threshold_is_read_as_the_csv_reads_it(value, unit, status):
    frame = pd.DataFrame(
        {"locality": ["03676"], "indicator": ["3.1"], "value": [value], "unit": [unit]}
    )
    got = observations_from_frame(frame)["03676"][0]
    result = assess(demo.gazetteer().effective("03676"), demo.criterion_set(), [got], on=ON)
    assert result.indicator("3.1").status.value == status


def test_a_monthly_income_equals_its_yearly_form():
    yearly = pd.DataFrame(
        {
            "locality": ["03676"],
            "indicator": ["10.1"],
            "value": [18.0],
            "unit": ["triệu đồng/người/năm"],
        }
    )
    monthly = pd.DataFrame(
        {
            "locality": ["03676"],
            "indicator": ["10.1"],
            "value": [1_500_000],
            "unit": ["đồng/người/tháng"],
        }
    )
    place = demo.gazetteer().effective("03676")
    a = assess(place, demo.criterion_set(), observations_from_frame(yearly)["03676"], on=ON)
    b = assess(place, demo.criterion_set(), observations_from_frame(monthly)["03676"], on=ON)
    assert a.indicator("10.1").actual == b.indicator("10.1").actual == Fraction(18)


@given(st.decimals(min_value=0, max_value=100, places=2, allow_nan=False))
def test_wide_and_long_frames_and_csv_text_agree(number):
    text = format(number, "f").replace(".", ",")
    csv = f'locality,indicator,value,unit\n03676,3.1,"{text}",%\n'
    by_csv = reads_observations(csv)["03676"][0]
    wide = observations_from_frame(
        pd.DataFrame({"locality": ["03676"], "3.1": [float(number)]}), units={"3.1": "%"}
    )["03676"][0]
    place = demo.gazetteer().effective("03676")
    a = assess(place, demo.criterion_set(), [by_csv], on=ON).indicator("3.1")
    b = assess(place, demo.criterion_set(), [wide], on=ON).indicator("3.1")
    assert (a.status, a.actual) == (b.status, b.actual)


def test_numeric_codes_and_numpy_scalars_are_read():
    frame = pd.DataFrame({"locality": [4045], "3.1": [pd.Series([95.5]).iloc[0]]})
    got = observations_from_frame(frame)
    assert list(got) == ["4045"]
    assert got["4045"][0].value == 95.5


def test_every_bad_cell_is_reported_with_its_row_and_column():
    frame = pd.DataFrame(
        {
            "locality": ["03664", "", "03661"],
            "indicator": ["3.1", "3.1", "2.1"],
            "value": [float("inf"), 1.0, "x"],
            "unit": ["", "", "lít"],
        },
        index=["a", "b", "c"],
    )
    with pytest.raises(DataErrors) as caught:
        observations_from_frame(frame)
    paths = [e.key_path for e in caught.value.errors]
    assert paths == ["row 'a': value", "row 'b': locality", "row 'c': value"]
    assert "lít" in str(caught.value)


def test_a_missing_column_or_a_duplicate_locality_is_named():
    with pytest.raises(DataError, match=r"missing column.*value"):
        observations_from_frame(pd.DataFrame({"locality": ["1"], "indicator": ["3.1"]}))
    with pytest.raises(DataErrors, match="twice"):
        observations_from_frame(pd.DataFrame({"locality": ["1", "1"], "3.1": [1.0, 2.0]}))
    with pytest.raises(DataError, match="units for column"):
        observations_from_frame(pd.DataFrame({"locality": ["1"]}), units={"9.9": "%"})


def test_observations_of_a_locality_not_in_the_gazetteer_are_an_error():
    frame = pd.DataFrame({"locality": ["99999"], "3.1": [80.0]})
    with pytest.raises(DataError, match="99999"):
        assess_frame(frame, demo.criterion_set(), on=ON, localities=demo.gazetteer())


def test_a_gazetteer_frame_keeps_codes_and_names():
    gaz = gazetteer_from_frame(
        pd.DataFrame(
            {
                "code": [14, "03664"],
                "name_vi": ["Sơn La", "Chiềng Xôm"],
                "kind": ["tỉnh", "xã"],
                "parent": [None, 14],
            }
        )
    )
    assert gaz.get("03664").parent == "14"
    with pytest.raises(DataErrors, match=r"row 0: code"):
        gazetteer_from_frame(pd.DataFrame({"code": [1.5], "name_vi": ["A"], "kind": ["xã"]}))


def test_without_pandas_the_error_names_the_extra(monkeypatch):
    real = importlib.import_module

    def no_pandas(name, *args, **kwargs):
        if name == "pandas":
            raise ImportError(name)
        return real(name, *args, **kwargs)

    monkeypatch.setattr(importlib, "import_module", no_pandas)
    with pytest.raises(MissingExtraError, match=r"ntm_criteria\[pandas\]"):
        results_frame([])


def test_households_from_a_frame_equal_the_csv_table():
    from ntm_criteria.frames import households_from_frame
    from ntm_criteria.poverty import reads_households

    csv = (
        "id,commune,area,members,income,water,latrine\n"
        "H1,03664,nông thôn,4,1.400.000,1,có\n"
        'H2,03664,thành thị,3,"2000000,5",0,\n'
    )
    frame = pd.DataFrame(
        {
            "id": ["H1", "H2"],
            "commune": ["03664", "03664"],
            "area": ["nông thôn", "thành thị"],
            "members": [4, 3],
            "income": [1_400_000, 2_000_000.5],
            "water": [1, 0],
            "latrine": ["có", None],
        }
    )
    assert households_from_frame(frame) == reads_households(csv)


def test_a_bad_household_row_is_named_by_its_line():
    from ntm_criteria.frames import households_from_frame

    frame = pd.DataFrame({"id": ["H1"], "area": ["vùng cao"], "members": [4], "income": [1.0]})
    with pytest.raises(DataErrors, match=r"(?s)<DataFrame>.*line 2: area: unknown area"):
        households_from_frame(frame)
