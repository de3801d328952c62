"""Recognition and plan-item tables from CSV: one record per row, every bad row with its line."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from ntm_criteria import DataError, DataErrors, Level
from ntm_criteria.io import (
    PLAN_ITEM_COLUMNS,
    RECOGNITION_COLUMNS,
    read_plan_items,
    read_recognitions,
)
from ntm_criteria.progress import PlanStatus

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "data"


def test_the_example_tables_load():
    recognitions = read_recognitions(EXAMPLES / "province_recognitions.csv")
    items = read_plan_items(EXAMPLES / "province_roadmap.csv")
    assert recognitions
    assert items
    assert all(r.level in Level for r in recognitions)
    assert all(isinstance(i.due, datetime.date) for i in items)


def test_the_columns_are_the_header_of_the_example_tables():
    for name, columns in [
        ("province_recognitions.csv", RECOGNITION_COLUMNS),
        ("province_roadmap.csv", PLAN_ITEM_COLUMNS),
    ]:
        header = (EXAMPLES / name).read_text("utf-8-sig").splitlines()[0]
        assert tuple(header.split(",")) == columns


def test_a_byte_order_mark_and_empty_optional_cells(tmp_path):
    path = tmp_path / "roadmap.csv"
    path.write_text(
        ",".join(PLAN_ITEM_COLUMNS) + "\n04036,,5,Phòng Kinh tế,30/9/2023,hoàn thành,\n",
        encoding="utf-8-sig",
    )
    (item,) = read_plan_items(path)
    assert item.indicator is None
    assert item.status is PlanStatus.DONE


def test_every_bad_row_is_reported_with_its_line(tmp_path):
    path = tmp_path / "recognitions.csv"
    path.write_text(
        ",".join(RECOGNITION_COLUMNS)
        + "\n04045,đạt chuẩn,s,1/QĐ,15/6/2022,\n"
        + "04036,,s,2/QĐ,15/6/2022,\n"  # no level
        + "04039,nâng cao,s,3/QĐ,31/2/2022,\n",  # no such date
        encoding="utf-8",
    )
    with pytest.raises(DataErrors) as caught:
        read_recognitions(path)
    err = caught.value
    assert err.file == str(path)
    assert [e.line for e in err.errors] == [3, 4]
    assert err.errors[0].key_path == "level"
    assert "31/2/2022" in err.errors[1].message


def test_a_missing_file_names_it(tmp_path):
    with pytest.raises(DataError, match=r"nope\.csv: cannot read the file"):
        read_plan_items(tmp_path / "nope.csv")
