"""Tests for criterion sets: the checks at construction, look-ups, validity, region rules
and resolving thresholds (ntm_criteria.criteria)."""

from __future__ import annotations

import datetime
from pathlib import Path

import attrs
import pytest

import ntm_criteria
from ntm_criteria import demo
from ntm_criteria.criteria import (
    Criterion,
    CriterionSet,
    Indicator,
    Level,
    RegionRule,
)
from ntm_criteria.errors import DataErrors, UnknownCodeError
from ntm_criteria.geography import Locality, LocalityKind
from ntm_criteria.rules import (
    Achieved,
    AllOf,
    AtLeast,
    ByRegion,
    Context,
    Fixed,
    Ref,
    Unspecified,
)

SETS = Path(__file__).parents[1] / "data" / "sets"
ON = datetime.date(2023, 6, 30)


@pytest.fixture(scope="module")
def full() -> CriterionSet:
    return ntm_criteria.load_set(SETS / "full.toml")


def commune(
    region: str | None = "DBSCL", tags: tuple[str, ...] = (), group: int | None = None
) -> Locality:
    return Locality("99001", "Xã Thử Nghiệm", "commune", region=region, tags=tags, group=group)


def test_region_rule_matches_all_of_its_tags() -> None:
    rule = RegionRule(["safe_zone", "poor_district"], "TDMNPB")
    assert rule.tags == frozenset({"safe_zone", "poor_district"})
    assert rule.matches(frozenset({"safe_zone", "poor_district", "border"}))
    assert not rule.matches(frozenset({"safe_zone"}))
    assert not RegionRule([], "TDMNPB").matches(frozenset({"island"}))


# -- building a set checks it -------------------------------------------------------------


def small_set(**changes: object) -> CriterionSet:
    fields: dict[str, object] = {
        "id": "small",
        "title_vi": "Bộ nhỏ",
        "title_en": "Small set",
        "scope": "commune",
        "level": Level.STANDARD,
        "valid_from": datetime.date(2022, 1, 1),
        "valid_to": datetime.date(2025, 12, 31),
        "legal_basis": "Kiểm thử",
        "criteria": [Criterion(1, "A", "A", [Indicator("1.1", "a", "a", Achieved())])],
    }
    fields.update(changes)
    return CriterionSet(**fields)  # type: ignore[arg-type]


def test_scope_is_converted() -> None:
    assert small_set().scope == (LocalityKind.COMMUNE,)
    assert small_set(scope=["xã", "special_zone"]).scope == (
        LocalityKind.COMMUNE,
        LocalityKind.SPECIAL_ZONE,
    )


def test_building_a_bad_set_reports_every_problem() -> None:
    dup = Indicator("1.1", "b", "b", AtLeast(Fixed(1)), unit="trieu_dong")
    with pytest.raises(DataErrors) as info:
        small_set(
            valid_to=datetime.date(2021, 1, 1),
            criteria=[
                Criterion(1, "A", "A", [Indicator("1.1", "a", "a", Achieved())], group="nope"),
                Criterion(1, "B", "B", [dup]),
                Criterion(2, "C", "C", []),
            ],
            region_rules=[RegionRule(["isle"], "XYZ")],
            rule=AllOf([Ref("1"), Ref("9")]),
        )
    assert [e.key_path for e in info.value.errors] == [
        "valid_to",
        "region_rules[0].region",
        "region_rules[0].tags",
        "criteria[0].group",
        "criteria[1].number",
        "criteria[1].indicators[0].code",
        "criteria[1].indicators[0].unit",
        "criteria[2].indicators",
        "rule",
    ]


def test_unknown_region_scheme() -> None:
    with pytest.raises(DataErrors) as info:
        small_set(region_scheme="nq57")
    assert info.value.errors[0].key_path == "region_scheme"


# -- look-ups ----------------------------------------------------------------------------


def test_look_ups(full: CriterionSet) -> None:
    assert full.total == 3
    assert [i.code for i in full.indicators()] == [
        "1.1", "1.2", "2.1", "2.2", "3.1", "3.2", "3.3", "3.4", "3.5", "3.6",
    ]  # fmt: skip
    assert full.indicator("2.2").name_en == "Multidimensional poverty rate"
    assert full.criterion(2).name_en == "Income and poverty"
    assert full.criterion_of("3.4") is full.criterion(3)
    assert full.criterion_of("1.2").number == 1
    assert full.effective_rule == full.rule


def test_unknown_indicator_names_the_set(full: CriterionSet) -> None:
    with pytest.raises(UnknownCodeError) as info:
        full.indicator("9.9")
    assert info.value.kind == "indicator"
    assert info.value.code == "9.9"
    assert "1.1" in info.value.known
    assert str(info.value).startswith("set test-full: unknown indicator '9.9'")


def test_unknown_criterion_of_names_the_set(full: CriterionSet) -> None:
    with pytest.raises(UnknownCodeError, match="set test-full"):
        full.criterion_of("9.9")


def test_unknown_criterion_number_names_the_set(full: CriterionSet) -> None:
    with pytest.raises(UnknownCodeError) as info:
        full.criterion(99)
    assert info.value.kind == "criterion"
    assert info.value.code == "99"
    assert info.value.known == ("1", "2", "3")
    assert "set test-full" in str(info.value)


def test_effective_rule_defaults_to_all_criteria() -> None:
    s = demo.example_set()
    assert s.rule is None
    assert s.effective_rule == AllOf([Ref("3"), Ref("10")])


# -- validity --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        (datetime.date(2021, 12, 31), False),
        (datetime.date(2022, 1, 1), True),
        (datetime.date(2023, 6, 30), True),
        (datetime.date(2025, 12, 31), True),
        (datetime.date(2026, 1, 1), False),
    ],
)
def test_is_in_force_boundaries(on: datetime.date, expected: bool) -> None:
    assert small_set().is_in_force(on) is expected


def test_open_ended_set_is_in_force_from_its_start() -> None:
    s = small_set(valid_to=None)
    assert not s.is_in_force(datetime.date(2021, 12, 31))
    assert s.is_in_force(datetime.date(2022, 1, 1))
    assert s.is_in_force(datetime.date(9999, 12, 31))
    assert s.validity_label() == "2022-01-01 – …"
    assert small_set().validity_label() == "2022-01-01 – 2025-12-31"


def test_one_day_set() -> None:
    day = datetime.date(2022, 1, 1)
    s = small_set(valid_to=day)
    assert s.is_in_force(day)
    assert not s.is_in_force(day + datetime.timedelta(days=1))


# -- context and resolving ------------------------------------------------------------------


def test_context_without_a_matching_rule_keeps_the_region(full: CriterionSet) -> None:
    ctx = full.context_for(commune("DBSCL", ("border",), group=2), ON)
    assert ctx == Context(on=ON, region="DBSCL", group=2, tags=frozenset({"border"}))


def test_extremely_difficult_uses_tdmnpb(full: CriterionSet) -> None:
    ctx = full.context_for(commune("DBSCL", ("extremely_difficult",)), ON)
    assert ctx.region == "TDMNPB"
    assert ctx.tags == frozenset({"extremely_difficult"})


def test_safe_zone_alone_does_not_switch(full: CriterionSet) -> None:
    assert full.context_for(commune("DBSCL", ("safe_zone",)), ON).region == "DBSCL"
    assert full.context_for(commune("DBSCL", ("poor_district",)), ON).region == "DBSCL"


def test_safe_zone_of_a_poor_district_switches(full: CriterionSet) -> None:
    ctx = full.context_for(commune("DBSCL", ("safe_zone", "poor_district", "border")), ON)
    assert ctx.region == "TDMNPB"


def test_region_rule_applies_to_a_locality_without_a_region(full: CriterionSet) -> None:
    assert full.context_for(commune(None, ("extremely_difficult",)), ON).region == "TDMNPB"
    assert full.context_for(commune(None), ON).region is None


def test_the_first_matching_region_rule_wins() -> None:
    s = small_set(
        region_rules=[RegionRule(["island"], "DBSH"), RegionRule(["island", "border"], "TN")]
    )
    assert s.context_for(commune("DBSCL", ("island", "border")), ON).region == "DBSH"


def test_resolved_follows_the_context(full: CriterionSet) -> None:
    def bound(locality: Locality) -> dict[str, object]:
        resolved = full.resolved(full.context_for(locality, ON))
        return dict(zip([i.code for i in full.indicators()], resolved, strict=True))

    tdmnpb = bound(commune("DBSCL", ("extremely_difficult",)))
    dbscl = bound(commune("DBSCL"))
    assert tdmnpb["1.2"] == AtLeast(Fixed(70))
    assert dbscl["1.2"] == AtLeast(Fixed(75))
    assert tdmnpb["2.1"] == AtLeast(Fixed(42))
    assert dbscl["2.1"] == AtLeast(Fixed(48))
    # No group: the by_group value says which case was missing.
    assert dbscl["3.1"] == AtLeast(Unspecified(missing=("group", "?")))
    assert dbscl["1.1"] == Achieved()


def test_resolved_is_cached_for_equal_contexts(full: CriterionSet) -> None:
    first = full.resolved(Context(on=ON, region="DBSCL", tags=frozenset({"border"})))
    again = full.resolved(Context(on=ON, region="DBSCL", tags=frozenset({"border"})))
    assert again is first
    assert isinstance(first, tuple)
    assert len(first) == len(list(full.indicators()))
    other = full.resolved(Context(on=ON, region="TDMNPB", tags=frozenset({"border"})))
    assert other is not first
    assert other != first


def test_resolving_never_changes_the_set() -> None:
    s = demo.example_set()
    before = s.to_dict()
    s.resolved(Context(on=ON, region="TDMNPB"))
    assert s.to_dict() == before
    assert s.indicator("10.1").requirement == AtLeast(
        ByRegion({"TDMNPB": Fixed(39)}, default=Fixed(45))
    )


def test_sets_are_frozen(full: CriterionSet) -> None:
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        full.id = "other"  # type: ignore[misc]


def test_equal_sets_ignore_their_caches(full: CriterionSet) -> None:
    again = ntm_criteria.load_set(SETS / "full.toml")
    full.resolved(Context(on=ON, region="DBSH"))
    assert again == full
