"""Tests of ntm_criteria._records: flat records to and from plain data with cattrs."""

from __future__ import annotations

import datetime
import enum
import json
from fractions import Fraction

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from ntm_criteria import Level
from ntm_criteria._records import record_from_dict, record_to_dict
from ntm_criteria.analysis import Recognition
from ntm_criteria.errors import DataError
from ntm_criteria.periods import as_date, as_optional_date


class Colour(enum.Enum):
    RED = "red"


def _level(value: Level | str) -> Level:
    return value if isinstance(value, Level) else Level.parse(value)


@attrs.frozen
class Visit:
    place: str = attrs.field(validator=attrs.validators.min_len(1))
    day: datetime.date = attrs.field(converter=as_date)
    level: Level = attrs.field(default=Level.STANDARD, converter=_level)
    colour: Colour = attrs.field(default=Colour.RED, converter=Colour)
    share: Fraction = attrs.field(default=Fraction(1, 3), converter=Fraction)
    until: datetime.date | None = attrs.field(default=None, converter=as_optional_date)


def test_plain_data_writes_iso_dates_enum_values_level_keys_and_fractions():
    visit = Visit("04036", "15/6/2022", "advanced")
    assert record_to_dict(visit) == {
        "place": "04036",
        "day": "2022-06-15",
        "level": "advanced",
        "colour": "red",
        "share": "1/3",
        "until": None,
    }


def test_a_record_reads_back_through_json():
    visit = Visit("04036", "15/6/2022", "model", until="31/12/2025")
    data = json.loads(json.dumps(record_to_dict(visit)))
    assert record_from_dict(Visit, data, what="visit") == visit


@pytest.mark.parametrize(
    ("data", "key", "text"),
    [
        ({"day": "1/1/2022"}, "place", "missing"),
        ({"place": "  ", "day": "1/1/2022"}, "place", "missing"),
        ({"place": "1"}, "day", "missing"),
        ({"place": "1", "day": "1/13/2022"}, "day", "no month 13"),
        ({"place": "1", "day": "1/1/2022", "level": "xx"}, "level", "unknown level"),
        ({"place": "1", "day": "1/1/2022", "share": "abc"}, "share", "abc"),
    ],
)
def test_each_problem_names_its_key(data, key, text):
    with pytest.raises(DataError, match=text) as caught:
        record_from_dict(Visit, data, what="visit")
    assert caught.value.key_path == key


def test_strict_refuses_unknown_keys_and_lenient_ignores_them():
    data = {"place": "1", "day": "1/1/2022", "note": "x"}
    assert record_from_dict(Visit, data, what="visit").place == "1"
    with pytest.raises(DataError, match="unknown 'note'") as caught:
        record_from_dict(Visit, data, what="visit", strict=True)
    assert caught.value.key_path == "visit"


@pytest.mark.parametrize("data", [[], "x", None, 3])
def test_data_that_is_not_a_table_is_a_data_error(data):
    with pytest.raises(DataError, match="not a table"):
        record_from_dict(Visit, data, what="visit")  # type: ignore[arg-type]


def test_a_recognition_csv_row_names_the_bad_key():
    row = {"locality": "04045", "level": "đạt chuẩn", "set_id": "s", "decision": "12/QĐ-UBND"}
    with pytest.raises(DataError) as caught:
        Recognition.from_dict({**row, "date": "31/2/2022"})
    assert caught.value.key_path == "date"
    assert (
        Recognition.from_dict({**row, "date": "15/6/2022", "valid_until": ""}).valid_until is None
    )


@given(
    st.dictionaries(
        st.sampled_from(["locality", "level", "set_id", "decision", "date", "valid_until", "x"]),
        st.one_of(st.none(), st.text(max_size=12), st.integers(), st.floats(), st.booleans()),
    )
)
def test_any_row_gives_a_recognition_or_a_data_error(row):
    try:
        recognition = Recognition.from_dict(row)
    except DataError:
        return
    assert Recognition.from_dict(recognition.to_dict()) == recognition


def test_text_is_not_made_from_a_number():
    # Regression: cattrs made {"place": 4036} into "4036", dropping a code's leading zero.
    from ntm_criteria._validators import nonblank_text

    @attrs.frozen
    class Place:
        code: str = attrs.field(validator=nonblank_text("code"))

    with pytest.raises(DataError, match=r"^code: code must be non-empty text"):
        record_from_dict(Place, {"code": 4036}, what="place")


def test_keys_in_order_and_none_left_out():
    visit = Visit("04036", "15/6/2022")
    data = record_to_dict(visit, order=["until", "day"], omit_none=["until", "place"])
    assert list(data) == ["day", "place", "level", "colour", "share"]
    assert list(record_to_dict(visit, order=["until"])) == [
        "until",
        "place",
        "day",
        "level",
        "colour",
        "share",
    ]


def test_blank_optional_cells_take_the_default_and_a_field_may_be_missing():
    @attrs.frozen
    class Line:
        code: str
        who: str = attrs.field(converter=lambda v: v or "")
        colour: Colour = attrs.field(default=Colour.RED, converter=Colour)

    line = record_from_dict(Line, {"code": "1", "colour": " "}, what="line", may_be_missing=["who"])
    assert line == Line("1", "", Colour.RED)
    with pytest.raises(
        DataError, match=r"^code: missing \(expected the keys code and optionally who"
    ):
        record_from_dict(Line, {"who": "x"}, what="line", may_be_missing=["who"])
