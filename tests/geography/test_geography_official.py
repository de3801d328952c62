"""The official unit lists shipped with the package: counts, facts, licence, mapping."""

from __future__ import annotations

import csv
import datetime as dt
import io
import tomllib
from collections import Counter
from importlib import resources

import pytest

from ntm_criteria.errors import UnknownCodeError
from ntm_criteria.geography import (
    REORGANISATION,
    Gazetteer,
    Locality,
    LocalityKind,
    official_lists,
    predecessors,
    successors,
)

OFFICIAL = resources.files("ntm_criteria.geography").joinpath("data", "official")
BEFORE = Gazetteer.official("30/6/2025")
AFTER = Gazetteer.official("1/7/2025")


def _counts(gaz: Gazetteer) -> Counter[int]:
    return Counter(loc.kind.tier for loc in gaz)


def test_the_list_before_1_7_2025_has_the_published_counts():
    # 63 provinces, 696 districts, 10,035 communes: the list as of 1/1/2025
    assert _counts(BEFORE) == {1: 63, 2: 696, 3: 10035}
    kinds = Counter(loc.kind for loc in BEFORE)
    assert (
        kinds[LocalityKind.CENTRAL_CITY] == 5 + 1
    )  # Hà Nội, HCMC, Hải Phòng, Đà Nẵng, Cần Thơ, Huế


def test_the_list_from_1_7_2025_has_the_published_counts():
    assert _counts(AFTER) == {1: 34, 3: 3321}
    kinds = Counter(loc.kind for loc in AFTER)
    assert kinds[LocalityKind.COMMUNE] == 2621
    assert kinds[LocalityKind.WARD] == 687
    assert kinds[LocalityKind.SPECIAL_ZONE] == 13
    assert kinds[LocalityKind.CENTRAL_CITY] == 6
    assert not any(loc.kind.tier == 2 for loc in AFTER)


def test_the_counts_recorded_with_the_data_are_the_lists_counts():
    before, after = official_lists()
    assert dict(before.counts)["commune_level"] == 10035
    assert dict(before.counts)["districts"] == 696
    assert dict(after.counts)["commune_level"] == 3321
    assert (before.as_of, before.valid_until, after.as_of) == (
        dt.date(2025, 1, 1),
        dt.date(2025, 6, 30),
        REORGANISATION,
    )


def test_the_source_version_and_licence_are_recorded():
    meta = tomllib.loads(OFFICIAL.joinpath("source.toml").read_text("utf-8"))
    assert meta["package"] == "vietnamadminunits"
    assert meta["version"] == "1.0.4"
    assert meta["licence"] == "MIT"
    assert isinstance(meta["generated"], dt.date)
    licence = OFFICIAL.joinpath(meta["licence_file"]).read_text("utf-8")
    assert licence.startswith("MIT License")
    assert "Permission is hereby granted" in licence


def test_the_lists_are_valid_trees():
    BEFORE.validate()
    AFTER.validate()


@pytest.mark.parametrize("name", ["units-2025-01-01.csv", "units-2025-07-01.csv"])
def test_every_shipped_row_is_a_valid_locality(name):
    # The loader skips the validators for speed; here every row goes through them.
    rows = list(csv.DictReader(io.StringIO(OFFICIAL.joinpath(name).read_text("utf-8"))))
    checked = [Locality(r["code"], r["name"], r["kind"], parent=r["parent"] or None) for r in rows]
    loaded = BEFORE if name.startswith("units-2025-01") else AFTER
    assert tuple(loaded) == tuple(checked)


@pytest.mark.parametrize(
    ("tier", "width"), [(1, 2), (2, 3), (3, 5)], ids=["province", "district", "commune"]
)
def test_codes_have_the_official_width(tier, width):
    for gaz in (BEFORE, AFTER):
        assert {len(loc.code) for loc in gaz if loc.kind.tier == tier} <= {width}


def test_the_facts_the_issue_states():
    assert BEFORE.get("04036").label() == "xã Chiềng Khoa"
    assert BEFORE.parent("04036").label() == "huyện Vân Hồ"
    assert BEFORE.get("03664").label() == "xã Chiềng Xôm"
    assert BEFORE.parent("03664").label() == "thành phố Sơn La"
    assert [c.after.label() for c in successors("03664")] == ["phường Chiềng An"]
    assert "xã Chiềng Xôm" in [c.before.label() for c in predecessors("03664")]


def test_every_old_commune_has_a_successor_and_every_new_unit_a_predecessor():
    for loc in BEFORE:
        if loc.kind.tier != 2:
            assert successors(loc.code), loc
    for loc in AFTER:
        assert predecessors(loc.code), loc


def test_a_divided_unit_has_several_successors_each_marked_split():
    divided = [loc.code for loc in BEFORE if len(successors(loc.code)) > 1]
    assert len(divided) == 471
    assert all(c.split for code in divided for c in successors(code))


def test_provinces_merge_as_the_reference_says():
    # urban_poverty_ocop.md §5: Ninh Bình ← Hà Nam + Ninh Bình + Nam Định
    assert sorted(c.before.name_vi for c in predecessors("37")) == [
        "Hà Nam",
        "Nam Định",
        "Ninh Bình",
    ]
    assert [c.after.name_vi for c in successors("02")] == ["Tuyên Quang"]  # Hà Giang


def test_island_districts_without_communes_became_special_zones():
    after = [c.after for c in successors("318")]  # huyện Bạch Long Vĩ
    assert [(loc.kind, loc.name_vi) for loc in after] == [
        (LocalityKind.SPECIAL_ZONE, "Bạch Long Vĩ")
    ]


def test_a_district_has_no_successor():
    assert successors("116") == ()


def test_the_list_for_a_date_before_the_oldest_is_the_oldest():
    assert Gazetteer.official("15/6/2022") is BEFORE
    assert Gazetteer.official(dt.date(2030, 1, 1)) is AFTER


def test_unknown_codes_in_successor_lookups_are_named():
    with pytest.raises(UnknownCodeError, match="'123456'"):
        predecessors("123456")


def test_the_official_units_carry_no_region():
    # No official region assignment of the 34 provinces is known (reference §5).
    assert all(loc.region is None for loc in AFTER)


def test_the_data_grows_the_package_by_less_than_2_mb():
    size = sum(len(f.read_bytes()) for f in OFFICIAL.iterdir() if f.is_file())
    assert size < 2_000_000


def test_the_docs_page_examples_run():
    from pathlib import Path

    from support import run_pycon_blocks

    page = Path(__file__).resolve().parents[2] / "docs" / "admin-units.md"
    blocks, examples = run_pycon_blocks(page)
    assert blocks >= 4
    assert examples >= 15


def test_import_reads_no_official_list():
    import subprocess
    import sys

    code = (
        "import ntm_criteria, ntm_criteria.geography._official as o;"
        "print(o.official_units.cache_info().currsize)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "0"
