"""Recognition and plan-item tables from CSV: one record per row, every bad row with its line."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from ntm_criteria import DataError, DataErrors, Gazetteer, Level, catalog
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


# --------------------------------------------------------------------------- checked recognitions

LAO_CAI = EXAMPLES / "lao_cai_2023"
HEADER = "locality,level,decision,date,set,valid_until\n"


def checked(path: Path):
    return read_recognitions(
        path, localities=Gazetteer.load_csv(LAO_CAI / "communes.csv"), sets=catalog.get
    )


def test_the_lao_cai_recognitions_pass_every_check():
    found = checked(LAO_CAI / "recognitions.csv")
    assert len(found) == 67
    assert sum(r.level is Level.STANDARD for r in found) == 62
    assert {r.locality for r in found if r.level is Level.ADVANCED} <= {
        r.locality for r in found if r.level is Level.STANDARD
    }


def test_the_set_column_may_be_headed_set_or_set_id(tmp_path):
    row = "91001,đạt chuẩn,1/QĐ-UBND,15/4/2022,vn-ntm-commune-standard-2021-2025,\n"
    short, long = tmp_path / "short.csv", tmp_path / "long.csv"
    short.write_text(HEADER + row, encoding="utf-8")
    long.write_text(HEADER.replace(",set,", ",set_id,") + row, encoding="utf-8")
    assert checked(short) == checked(long)
    assert checked(short)[0].set_id == "vn-ntm-commune-standard-2021-2025"


def test_every_bad_recognition_at_once_with_its_line_and_column(tmp_path):
    path = tmp_path / "recognitions.csv"
    path.write_text(
        HEADER
        + "91001,nâng cao,1/QĐ-UBND,15/4/2022,vn-ntm-commune-standard-2021-2025,\n"
        + "91002,đạt chuẩn,2/QĐ-UBND,7/3/2022,vn-ntm-commune-standard-2021-2025,\n"
        + "00001,đạt chuẩn,3/QĐ-UBND,15/4/2022,vn-ntm-commune-standard-2021-2025,\n"
        + "91003,đạt chuẩn,4/QĐ-UBND,15/4/2022,no-such-set,\n",
        encoding="utf-8",
    )
    with pytest.raises(DataErrors) as caught:
        checked(path)
    problems = [(e.line, e.key_path) for e in caught.value.errors]
    assert problems == [(2, "level"), (3, "date"), (4, "locality"), (5, "set")]
    assert str(path) in str(caught.value)
    assert "7/3/2022" not in str(caught.value)  # dates are shown in ISO form
    assert "2022-03-07 is before set vn-ntm-commune-standard-2021-2025 took effect" in str(
        caught.value
    )


def test_a_header_without_a_set_column_is_one_error(tmp_path):
    path = tmp_path / "recognitions.csv"
    path.write_text("locality,level,decision,date\n91001,đạt chuẩn,1/QĐ,15/4/2022\n", "utf-8")
    with pytest.raises(DataError, match="missing column\\(s\\) set_id"):
        read_recognitions(path)
