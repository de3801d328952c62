"""The built-in catalog: listing, picking by date, scenarios and commune groups."""

from __future__ import annotations

import datetime
import json
from fractions import Fraction
from pathlib import Path

import attrs
import pytest

import ntm_criteria
from ntm_criteria import (
    Q_,
    CriterionSet,
    DataError,
    DataErrors,
    Level,
    Locality,
    Observation,
    Status,
    UnknownCodeError,
    UnknownReason,
    assess,
    catalog,
    demo,
    loads_set,
)
from ntm_criteria.catalog import SetInfo
from ntm_criteria.criteria import CheckKind, CheckProblem

ALL = [info.id for info in catalog.list_sets()]
SETS = Path(__file__).parent / "data" / "sets"
COMMUNE = Locality("03664", "Chiềng Xôm", "commune", region="TDMNPB")


def test_the_catalog_lists_every_set_with_unique_ids():
    assert len(ALL) == len(set(ALL)) >= 10
    assert {
        "vn-ntm-commune-standard-2021-2025",
        "vn-ntm-commune-advanced-2021-2025",
        "vn-ntm-commune-model-2021-2025",
        "vn-ntm-district-standard-2021-2025",
        "vn-ntm-special-district-no-communes-2021-2025",
        "vn-ntm-province-completion-2021-2025",
        "vn-ntm-commune-2026-2030",
    } <= set(ALL)
    standard = next(i for i in catalog.list_sets() if i.id == "vn-ntm-commune-standard-2021-2025")
    assert standard.level is Level.STANDARD
    assert standard.valid_from == datetime.date(2022, 3, 8)


@pytest.mark.parametrize("set_id", ALL)
def test_every_built_in_set_round_trips(set_id):
    s = catalog.get(set_id)
    data = json.loads(json.dumps(s.to_dict(), ensure_ascii=False))
    assert CriterionSet.from_dict(data) == s


def _overlap(a: CriterionSet, b: CriterionSet) -> bool:
    end_a = a.valid_to or datetime.date.max
    end_b = b.valid_to or datetime.date.max
    return a.valid_from <= end_b and b.valid_from <= end_a


def test_sets_of_the_same_scope_and_level_do_not_overlap_in_time():
    sets = [catalog.get(i) for i in ALL]
    for i, a in enumerate(sets):
        for b in sets[i + 1 :]:
            same = (
                a.level == b.level and set(a.scope) & set(b.scope) and a.applies_to == b.applies_to
            )
            if same:
                assert not _overlap(a, b), (a.id, b.id)


def test_the_same_commune_on_two_dates_gets_two_sets():
    assert catalog.for_locality(COMMUNE, on="15/6/2022").id == "vn-ntm-commune-standard-2021-2025"
    assert catalog.for_locality(COMMUNE, on="1/3/2026").id == "vn-ntm-commune-2026-2030"
    assert catalog.for_locality(COMMUNE, on="14/2/2026").id == "vn-ntm-commune-standard-2021-2025"
    assert catalog.for_locality(COMMUNE, on="15/2/2026").id == "vn-ntm-commune-2026-2030"


@pytest.mark.parametrize(
    ("level", "on", "expected"),
    [
        (Level.ADVANCED, "15/6/2022", "vn-ntm-commune-advanced-2021-2025"),
        (Level.MODEL, "15/6/2022", "vn-ntm-commune-model-2021-2025"),
    ],
)
def test_levels_of_2021_2025(level, on, expected):
    assert catalog.for_locality(COMMUNE, on=on, level=level).id == expected


def test_no_central_advanced_set_after_2026_and_no_district_after_july_2025():
    with pytest.raises(UnknownCodeError, match="advanced set for a commune on 2026-03-01"):
        catalog.for_locality(COMMUNE, on="1/3/2026", level=Level.ADVANCED)
    district = Locality("119", "Thuận Châu", "district", region="TDMNPB")
    assert catalog.for_locality(district, on="30/6/2025").id == "vn-ntm-district-standard-2021-2025"
    with pytest.raises(UnknownCodeError, match="district on 2025-07-01"):
        catalog.for_locality(district, on="1/7/2025")


def test_a_special_district_gets_its_own_set_from_march_2024():
    special = Locality("999", "Huyện đảo", "district", tags={"without_commune_units"})
    assert catalog.for_locality(special, on="1/3/2024").id == (
        "vn-ntm-special-district-no-communes-2021-2025"
    )
    assert catalog.for_locality(special, on="29/2/2024").id == "vn-ntm-district-standard-2021-2025"


def test_unspecified_national_thresholds_say_so():
    national = catalog.get("vn-ntm-commune-standard-2021-2025")
    result = assess(
        COMMUNE,
        national,
        [
            Observation("3.1", Q_(80, "percent")),
            Observation("3.2", True),
            Observation("10", Q_(45, "million_VND / person / year")),
        ],
        on="15/6/2022",
    )
    assert result.criterion(3).status is Status.MET
    income = result.indicator("10")
    assert (income.status, income.reason) == (Status.UNKNOWN, UnknownReason.UNSPECIFIED)
    assert "not in the reference" in result.explain("en")
    assert result.met_count == 1
    assert result.total == 19


def test_an_extremely_difficult_mekong_commune_gets_the_northern_midlands_threshold():
    overlay = demo.national_overlay()
    mekong = Locality("30064", "Mỹ An", "commune", region="DBSCL")
    difficult = Locality("30002", "Mỹ Hòa", "commune", region="DBSCL", tags={"extremely_difficult"})
    on = datetime.date(2022, 6, 15)
    obs = [Observation("10", Q_(40, "million_VND / person / year"))]
    plain = assess(mekong, overlay, obs, on=on).indicator("10")
    eased = assess(difficult, overlay, obs, on=on).indicator("10")
    assert (plain.required.value.amount, plain.status) == (45, Status.NOT_MET)
    assert (eased.required.value.amount, eased.status) == (39, Status.MET)


ADVANCED_OVERLAY = """
id = "test-advanced"
extends = "vn-ntm-commune-advanced-2021-2025"
confidence = "illustrative"
[indicators."10".requirement.at_least.by_year]
2023 = { by_region = { DBSH = 60 }, default = 50 }
2024 = { by_region = { DBSH = 66 }, default = 55 }
"""
MODEL_OVERLAY = """
id = "test-model"
extends = "vn-ntm-commune-model-2021-2025"
confidence = "illustrative"
[indicators."2"]
requirement = { at_least = { relative_to = "test-advanced:10", factor = 1.1 } }
"""


@pytest.mark.parametrize(
    ("region", "on", "required"),
    [
        ("DBSH", "30/6/2023", 66),
        ("DBSH", "30/6/2024", Fraction("72.6")),
        ("TN", "30/6/2023", 55),
        ("TN", "30/6/2024", Fraction("60.5")),
    ],
)
def test_model_income_follows_the_advanced_threshold_of_the_same_year(region, on, required):
    advanced = loads_set(ADVANCED_OVERLAY)
    model = loads_set(MODEL_OVERLAY, parents=[advanced])
    commune = Locality("1", "Xã A", "commune", region=region)
    outcome = assess(
        commune, model, [Observation("2", Q_(66, "million_VND / person / year"))], on=on
    ).indicator("2")
    assert outcome.required.value.amount == required
    assert outcome.status is (Status.MET if required <= 66 else Status.NOT_MET)


def test_the_national_model_income_is_unspecified_until_the_advanced_one_is():
    model = catalog.get("vn-ntm-commune-model-2021-2025")
    outcome = assess(
        COMMUNE, model, [Observation("2", Q_(70, "million_VND / person / year"))], on="30/6/2023"
    ).indicator("2")
    assert outcome.reason is UnknownReason.UNSPECIFIED
    assert "vn-ntm-commune-advanced-2021-2025:10" in outcome.detail("en")


def test_a_relative_reference_to_an_unknown_set_is_a_load_error():
    bad = MODEL_OVERLAY.replace("test-advanced:10", "no-such-set:10")
    with pytest.raises(DataErrors, match="unknown set 'no-such-set'"):
        loads_set(bad)


def test_the_province_set_computes_shares_from_sub_localities():
    province = catalog.get("vn-ntm-province-completion-2021-2025")
    shares = [i for i in province.indicators() if i.aggregate is not None]
    assert [i.code for i in shares] == ["1a", "1b", "2a", "2b"]
    assert shares[3].aggregate.level is Level.ADVANCED
    assert shares[3].requirement.value.amount == 40


# -- 2026-2030 commune groups ----------------------------------------------------


@pytest.mark.parametrize(
    ("tags", "kwargs", "group"),
    [
        ((), {"agriculture_share": 0.099}, 1),
        ((), {"agriculture_share": 0.1}, 2),
        ((), {"near_urban_with_urban_orientation": True}, 1),
        ((), {"planned_new_urban_area": True, "agriculture_share": 0.5}, 1),
        (("ethnic_minority_area_ii",), {"agriculture_share": 0.5}, 3),
        (("ethnic_minority_area_iii",), {}, 3),
    ],
)
def test_commune_group_2026(tags, kwargs, group):
    commune = Locality("1", "Xã A", "commune", tags=frozenset(tags))
    assert catalog.commune_group_2026(commune, **kwargs) == group


def test_commune_group_is_not_guessed():
    both = Locality("1", "Xã A", "commune", tags={"ethnic_minority_area_ii"})
    with pytest.raises(DataError, match="both group 1 and group 3"):
        catalog.commune_group_2026(both, agriculture_share=0.05)
    with pytest.raises(DataError, match="agriculture share"):
        catalog.commune_group_2026(Locality("2", "Xã B", "commune"))
    with pytest.raises(DataError, match="not a share"):
        catalog.commune_group_2026(Locality("2", "Xã B", "commune"), agriculture_share=8)


@pytest.fixture(scope="module")
def full() -> CriterionSet:
    return ntm_criteria.load_set(SETS / "full.toml")


# -- the built-in catalog ------------------------------------------------------------------


def test_list_sets_matches_get() -> None:
    infos = catalog.list_sets()
    assert isinstance(infos, tuple)
    assert [info.id for info in infos] == sorted(info.id for info in infos)
    for info in infos:
        s = catalog.get(info.id)
        assert (s.id, s.title_vi, s.level, s.valid_from) == (
            info.id,
            info.title_vi,
            info.level,
            info.valid_from,
        )


def test_get_unknown_set_lists_the_known_ids() -> None:
    with pytest.raises(UnknownCodeError) as info:
        catalog.get("no-such-set")
    assert info.value.kind == "criterion set"
    assert info.value.code == "no-such-set"
    assert list(info.value.known) == sorted(info.id for info in catalog.list_sets())


def test_catalog_with_sets(monkeypatch: pytest.MonkeyPatch, full: CriterionSet) -> None:
    sets = {"z-set": attrs.evolve(demo.example_set(), id="z-set"), full.id: full}
    monkeypatch.setattr(catalog, "_builtin", lambda: sets)
    infos = catalog.list_sets()
    assert [info.id for info in infos] == ["test-full", "z-set"]
    assert infos[0] == SetInfo(
        "test-full",
        full.title_vi,
        full.title_en,
        full.scope,
        Level.ADVANCED,
        full.valid_from,
        None,
        full.legal_basis,
    )
    assert catalog.get("test-full") is full
    with pytest.raises(UnknownCodeError) as info:
        catalog.get("a-set")
    assert info.value.known == ("test-full", "z-set")
    assert "test-full, z-set" in str(info.value)


def test_a_set_naming_an_unknown_set_says_so_by_its_kind():
    with pytest.raises(DataErrors) as caught:
        loads_set('id = "child"\nextends = "no-such-set"')
    kinds = [p.kind for p in caught.value.errors if isinstance(p, CheckProblem)]
    assert kinds == [CheckKind.UNKNOWN_SET]
