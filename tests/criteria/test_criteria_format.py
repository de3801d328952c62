"""Tests for the criterion-set TOML format (ntm_criteria.criteria: _format, _format_write, _load).

Valid files load with every feature of ``docs/format.md``; every kind of
mistake is reported as a :class:`DataErrors` naming the file and the key path;
several mistakes are reported at once; loading is all-or-nothing; ``extends``
overlays merge as documented; sets round-trip through ``to_dict``/``from_dict``
and JSON.
"""

from __future__ import annotations

import copy
import datetime
import json
from fractions import Fraction
from pathlib import Path

import attrs
import pytest

import ntm_criteria
from ntm_criteria import catalog, demo
from ntm_criteria.catalog import FORMAT_VERSION, set_from_data, set_to_data
from ntm_criteria.criteria import CriterionSet, Level, RegionRule
from ntm_criteria.errors import DataError, DataErrors, NtmError
from ntm_criteria.geography import LocalityKind
from ntm_criteria.periods import Period
from ntm_criteria.rules import (
    Achieved,
    AnyOf,
    AtLeast,
    AtLeastK,
    AtMost,
    Between,
    ByDate,
    ByGroup,
    ByRegion,
    ByTag,
    Confidence,
    Context,
    Fixed,
    OneOf,
    Provenance,
    Ref,
    Unspecified,
)

SETS = Path(__file__).parents[1] / "data" / "sets"
FULL = SETS / "full.toml"
PARENT = SETS / "parent.toml"
CHILD = SETS / "child.toml"
VALID_FIXTURES = (FULL, PARENT)

# -- building small documents ----------------------------------------------------

HEADER = """\
id = "bad"
title_vi = "Bộ tiêu chí kiểm thử"
title_en = "Test set"
scope = "commune"
level = "standard"
valid_from = 2022-01-01
legal_basis = "Kiểm thử"
"""


def indicator(code: str, requirement: str = '"achieved"', extra: str = "") -> str:
    """One ``[[criteria.indicators]]`` table."""
    return (
        f'\n[[criteria.indicators]]\ncode = "{code}"\nname_vi = "Chỉ tiêu {code}"\n'
        f'name_en = "Indicator {code}"\nrequirement = {requirement}\n{extra}'
    )


def criterion(number: int, *indicators: str, extra: str = "") -> str:
    """One ``[[criteria]]`` table followed by its indicators."""
    head = (
        f'\n[[criteria]]\nnumber = {number}\nname_vi = "Tiêu chí {number}"\n'
        f'name_en = "Criterion {number}"\n{extra}'
    )
    return head + "".join(indicators)


ONE_CRITERION = criterion(1, indicator("1.1"))


def write(tmp_path: Path, text: str | bytes, name: str = "set.toml") -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def load_errors(tmp_path: Path, text: str, **kwargs: object) -> DataErrors:
    """Load ``text`` from a file; return the DataErrors it raises (checking the file)."""
    path = write(tmp_path, text)
    with pytest.raises(DataErrors) as info:
        ntm_criteria.load_set(path, **kwargs)  # type: ignore[arg-type]
    err = info.value
    assert isinstance(err, NtmError)
    assert err.file == str(path)
    assert str(err).startswith(f"{path}: ")
    return err


def only(err: DataErrors) -> DataError:
    """The single problem of ``err``."""
    assert len(err.errors) == 1, str(err)
    return err.errors[0]


def paths(err: DataErrors) -> list[str | None]:
    return [e.key_path for e in err.errors]


@pytest.fixture(scope="module")
def full() -> CriterionSet:
    return ntm_criteria.load_set(FULL)


@pytest.fixture(scope="module")
def parent() -> CriterionSet:
    return ntm_criteria.load_set(PARENT)


@pytest.fixture(scope="module")
def child(parent: CriterionSet) -> CriterionSet:
    return ntm_criteria.load_set(CHILD, parents=[parent])


# -- a valid set ------------------------------------------------------------------


def test_file_and_text_give_the_same_set(full: CriterionSet) -> None:
    text = FULL.read_text(encoding="utf-8")
    assert ntm_criteria.loads_set(text) == full
    assert ntm_criteria.loads_set(text, file=str(FULL)) == full
    assert ntm_criteria.load_set(str(FULL)) == full


def test_header_fields(full: CriterionSet) -> None:
    assert full.id == "test-full"
    assert full.title_vi == "Bộ tiêu chí kiểm thử đầy đủ"
    assert full.title_en == "Full test set"
    assert full.scope == (LocalityKind.COMMUNE, LocalityKind.SPECIAL_ZONE)
    assert full.level is Level.ADVANCED
    assert full.valid_from == datetime.date(2022, 3, 8)
    assert full.legal_basis == "Kiểm thử, không có giá trị pháp lý"
    assert full.note == "Thử nghiệm: tiếng Việt có dấu — ạ ặ ẫ ữ."
    assert full.region_scheme == "ntm-2021"
    assert full.extends is None
    assert full.provenance == Provenance("Nguồn của bộ", Confidence.OFFICIAL, "high")


def test_valid_to_absent_is_open_ended(full: CriterionSet) -> None:
    assert full.valid_to is None
    assert full.is_in_force(datetime.date(2100, 1, 1))
    assert not full.is_in_force(datetime.date(2022, 3, 7))


def test_scope_as_a_string(parent: CriterionSet) -> None:
    assert parent.scope == (LocalityKind.COMMUNE,)
    assert parent.valid_to == datetime.date(2025, 12, 31)


def test_level_none() -> None:
    text = HEADER.replace('level = "standard"', 'level = "none"') + ONE_CRITERION
    assert ntm_criteria.loads_set(text).level is None


def test_format_1_is_accepted() -> None:
    assert FORMAT_VERSION == 1
    assert ntm_criteria.loads_set("format = 1\n" + HEADER + ONE_CRITERION).id == "bad"


def test_groups_and_criterion_groups(full: CriterionSet) -> None:
    assert [(g.key, g.name_vi, g.name_en) for g in full.groups] == [
        ("infrastructure", "Hạ tầng kinh tế - xã hội", "Socio-economic infrastructure"),
        ("economy", "Kinh tế và tổ chức sản xuất", "Economy"),
    ]
    assert [c.group for c in full.criteria] == ["infrastructure", "economy", None]


def test_region_rules(full: CriterionSet) -> None:
    first, second = full.region_rules
    assert first.tags == frozenset({"extremely_difficult"})
    assert first.region == "TDMNPB"
    assert first.provenance == Provenance(
        "318/QĐ-TTg (08/03/2022), Annex I", Confidence.OFFICIAL, "high"
    )
    assert second == RegionRule(frozenset({"safe_zone", "poor_district"}), "TDMNPB")


def test_set_rule_at_least_k(full: CriterionSet) -> None:
    assert full.rule == AtLeastK(2, [Ref("1"), Ref("2"), Ref("3")])
    assert full.effective_rule == full.rule


def test_criterion_rule_at_least_k_and_note(full: CriterionSet) -> None:
    income = full.criterion(2)
    assert income.rule == AtLeastK(1, [Ref("2.1"), Ref("2.2")])
    assert income.note == "Chỉ cần một trong hai."
    assert full.criterion(1).rule is None


def test_by_region_value(full: CriterionSet) -> None:
    assert full.indicator("1.2").requirement == AtLeast(
        ByRegion({"TDMNPB": Fixed(70), "DBSCL": Fixed(75)}, default=Fixed(80))
    )
    assert full.indicator("1.2").unit == "percent"


def test_by_year_nested_with_by_region(full: CriterionSet) -> None:
    expected = ByDate(
        [
            (Period.year(2022), ByRegion({"TDMNPB": Fixed(39), "DBSCL": Fixed(45)}, Fixed(42))),
            (
                Period.year(2023),
                ByRegion({"TDMNPB": Fixed(42), "DBSCL": Fixed(48)}, Fixed(Fraction(91, 2))),
            ),
        ]
    )
    assert full.indicator("2.1").requirement == AtLeast(expected)
    on = datetime.date(2023, 6, 30)
    resolved = dict(
        zip(
            [i.code for i in full.indicators()],
            full.resolved(Context(on=on, region="DBSH")),
            strict=True,
        )
    )
    assert resolved["2.1"] == AtLeast(Fixed(Fraction(91, 2)))


def test_by_date_value_with_its_own_provenance(full: CriterionSet) -> None:
    own = Provenance("Nguồn của giá trị", Confidence.UNVERIFIED, "low")
    assert full.indicator("2.2").requirement == AtMost(
        ByDate(
            [
                (Period(datetime.date(2022, 3, 8), datetime.date(2023, 12, 31)), Fixed(6)),
                (
                    Period(datetime.date(2024, 1, 1), datetime.date(2025, 12, 31)),
                    Fixed(Fraction(9, 2), own),
                ),
            ]
        )
    )


def test_by_group_and_by_tag_values(full: CriterionSet) -> None:
    assert full.indicator("3.1").requirement == AtLeast(
        ByGroup({1: Fixed(90), 2: Fixed(80), 3: Fixed(70)})
    )
    by_tag = full.indicator("3.2").requirement
    assert by_tag == AtLeast(
        ByTag([("island", Fixed(60)), ("border", Fixed(65))], default=Fixed(80))
    )
    # "the first listed tag the locality has": the order of the file is kept.
    assert isinstance(by_tag, AtLeast)
    assert isinstance(by_tag.value, ByTag)
    assert [tag for tag, _ in by_tag.value.cases] == ["island", "border"]


def test_other_requirement_kinds(full: CriterionSet) -> None:
    assert full.indicator("1.1").requirement == Achieved()
    assert full.indicator("1.1").unit is None
    assert full.indicator("3.4").requirement == OneOf(("Tốt", "Khá"))
    assert full.indicator("3.5").requirement == Between(Fixed(Fraction(1, 2)), Fixed(5))
    assert full.indicator("3.6").requirement == Unspecified("UBND cấp tỉnh quy định")


def test_applies_to_and_needs_investment(full: CriterionSet) -> None:
    applies = full.indicator("3.3").applies_to
    assert applies is not None
    assert applies.tags_any == frozenset({"island"})
    assert applies.applies(frozenset({"island"}), None)
    assert not applies.applies(frozenset({"border"}), None)
    assert full.indicator("1.1").applies_to is None
    assert full.indicator("1.1").needs_investment is False
    assert full.indicator("1.2").needs_investment is True
    assert full.indicator("3.1").needs_investment is None


def test_provenance_is_inherited_set_to_indicator_to_value(full: CriterionSet) -> None:
    set_provenance = Provenance("Nguồn của bộ", Confidence.OFFICIAL, "high")
    # An indicator without provenance keys takes the set's.
    assert full.indicator("1.1").provenance == set_provenance
    assert full.indicator("2.1").provenance == set_provenance
    # An indicator with some keys keeps them and inherits the rest.
    assert full.indicator("1.2").provenance == Provenance(
        "Nguồn của chỉ tiêu", Confidence.PROVINCIAL, "high"
    )
    assert full.indicator("1.2").confidence == "provincial"
    assert full.indicator("1.2").source == "Nguồn của chỉ tiêu"
    # A value without provenance inherits its indicator's (None on the value).
    requirement = full.indicator("1.2").requirement
    assert isinstance(requirement, AtLeast)
    assert isinstance(requirement.value, ByRegion)
    assert requirement.value.cases["TDMNPB"].provenance is None  # type: ignore[union-attr]


def test_value_provenance_inherits_missing_keys_from_its_indicator() -> None:
    text = (
        HEADER
        + 'confidence = "provincial"\n'
        + criterion(
            1,
            indicator("1.1", '{ at_least = { value = 1, source = "QĐ 5" } }', 'unit = "percent"'),
        )
    )
    requirement = ntm_criteria.loads_set(text).indicator("1.1").requirement
    assert isinstance(requirement, AtLeast)
    assert requirement.value == Fixed(1, Provenance("QĐ 5", Confidence.PROVINCIAL))


def test_requirement_as_a_ref_table_in_a_rule() -> None:
    text = HEADER + 'rule = { any_of = [{ ref = "1" }] }\n' + ONE_CRITERION
    assert ntm_criteria.loads_set(text).rule == AnyOf([Ref("1")])


def test_file_with_a_utf8_bom_loads(tmp_path: Path) -> None:
    path = write(tmp_path, ("\ufeff" + HEADER + ONE_CRITERION).encode("utf-8"))
    assert ntm_criteria.load_set(path).title_vi == "Bộ tiêu chí kiểm thử"


def test_custom_x_tags_are_allowed() -> None:
    text = (
        HEADER
        + '\n[[region_rules]]\ntags = ["x_vung_cao"]\nregion = "TDMNPB"\n'
        + criterion(1, indicator("1.1", extra='applies_to = { tags_any = ["x_vung_cao"] }'))
    )
    loaded = ntm_criteria.loads_set(text)
    assert loaded.region_rules[0].tags == frozenset({"x_vung_cao"})


# -- every kind of mistake, each on its own ---------------------------------------------


def test_duplicate_criterion_number(tmp_path: Path) -> None:
    text = HEADER + ONE_CRITERION + criterion(1, indicator("1.2"))
    problem = only(load_errors(tmp_path, text))
    assert problem.key_path == "criteria[1].number"
    assert problem.message == "duplicate criterion number 1"
    assert problem.expected == "each number once"


def test_duplicate_indicator_code_names_the_first_place(tmp_path: Path) -> None:
    text = (
        HEADER + criterion(1, indicator("1.1"), indicator("1.2")) + criterion(2, indicator("1.2"))
    )
    problem = only(load_errors(tmp_path, text))
    assert problem.key_path == "criteria[1].indicators[0].code"
    assert "duplicate indicator code '1.2'" in problem.message
    assert "first at criteria[0].indicators[1]" in problem.message


def test_unknown_unit(tmp_path: Path) -> None:
    text = HEADER + criterion(1, indicator("1.1", "{ at_least = 45 }", 'unit = "trieu_dong"'))
    problem = only(load_errors(tmp_path, text))
    assert problem.key_path == "criteria[0].indicators[0].unit"
    assert "'trieu_dong'" in problem.message
    assert problem.expected is not None
    assert "percent" in problem.expected


def test_unknown_unit_message_says_expected_once(tmp_path: Path) -> None:
    text = HEADER + criterion(1, indicator("1.1", "{ at_least = 45 }", 'unit = "trieu_dong"'))
    err = load_errors(tmp_path, text)
    assert str(err).count("(expected") == 1


def test_unit_on_a_pass_fail_indicator(tmp_path: Path) -> None:
    text = HEADER + criterion(1, indicator("1.1", '"achieved"', 'unit = "percent"'))
    problem = only(load_errors(tmp_path, text))
    assert problem.key_path == "criteria[0].indicators[0].unit"
    assert problem.message == "a bool indicator has no unit"
    assert problem.expected == "no unit for achieved / one_of"


def test_unit_on_a_graded_indicator(tmp_path: Path) -> None:
    text = HEADER + criterion(1, indicator("1.1", '{ one_of = ["Tốt"] }', 'unit = "km"'))
    problem = only(load_errors(tmp_path, text))
    assert problem.key_path == "criteria[0].indicators[0].unit"
    assert problem.message == "a grade indicator has no unit"


def test_bad_operator_with_did_you_mean(tmp_path: Path) -> None:
    text = HEADER + criterion(1, indicator("1.1", "{ atleast = 80 }", 'unit = "percent"'))
    problem = only(load_errors(tmp_path, text))
    assert problem.key_path == "criteria[0].indicators[0].requirement.atleast"
    assert problem.message == "unknown operator 'atleast'; did you mean 'at_least'?"
    assert problem.expected is not None
    assert problem.expected.startswith("at_least, at_most, between")


def test_unknown_region_in_by_region(tmp_path: Path) -> None:
    requirement = "{ at_least = { by_region = { TDMNPB = 39, XYZ = 40 }, default = 45 } }"
    text = HEADER + criterion(1, indicator("1.1", requirement, 'unit = "percent"'))
    problem = only(load_errors(tmp_path, text))
    assert problem.key_path == "criteria[0].indicators[0].requirement.at_least.by_region.XYZ"
    assert problem.message == "unknown region 'XYZ'"
    assert problem.expected == "BTB, DBSCL, DBSH, DHNTB, DNB, TDMNPB, TN"


def test_unknown_region_in_region_rules(tmp_path: Path) -> None:
    text = HEADER + '\n[[region_rules]]\ntags = ["island"]\nregion = "XYZ"\n' + ONE_CRITERION
    problem = only(load_errors(tmp_path, text))
    assert problem.key_path == "region_rules[0].region"
    assert problem.message == "unknown region 'XYZ'"
    assert problem.expected == "BTB, DBSCL, DBSH, DHNTB, DNB, TDMNPB, TN"


def test_region_of_another_region_scheme(tmp_path: Path) -> None:
    # BTB-DHMT is a region of nq81-2023, not of the default ntm-2021.
    requirement = '{ at_least = { by_region = { "BTB-DHMT" = 40 } } }'
    text = HEADER + criterion(1, indicator("1.1", requirement, 'unit = "percent"'))
    problem = only(load_errors(tmp_path, text))
    assert problem.message == "unknown region 'BTB-DHMT'"
    assert ntm_criteria.loads_set('region_scheme = "nq81-2023"\n' + text).region_scheme == (
        "nq81-2023"
    )


def test_unknown_region_nested_in_by_year_names_the_year(tmp_path: Path) -> None:
    requirement = "{ at_least = { by_year = { 2022 = { by_region = { XYZ = 1 } } } } }"
    text = HEADER + criterion(1, indicator("1.1", requirement, 'unit = "percent"'))
    problem = only(load_errors(tmp_path, text))
    assert problem.key_path == (
        "criteria[0].indicators[0].requirement.at_least.by_year.2022.by_region.XYZ"
    )


def test_unknown_tag_in_region_rules(tmp_path: Path) -> None:
    text = HEADER + '\n[[region_rules]]\ntags = ["isle"]\nregion = "TDMNPB"\n' + ONE_CRITERION
    problem = only(load_errors(tmp_path, text))
    assert problem.key_path == "region_rules[0].tags"
    assert problem.message == "unknown tag 'isle'"
    assert problem.expected is not None
    assert "island" in problem.expected
    assert "x_" in problem.expected


def test_unknown_tag_in_applies_to(tmp_path: Path) -> None:
    text = HEADER + criterion(1, indicator("1.1", extra='applies_to = { tags_any = ["isle"] }'))
    problem = only(load_errors(tmp_path, text))
    assert problem.key_path == "criteria[0].indicators[0].applies_to.tags_any"
    assert problem.message == "unknown tag 'isle'"


def test_unknown_tag_in_by_tag(tmp_path: Path) -> None:
    requirement = "{ at_least = { by_tag = { isle = 60 }, default = 80 } }"
    text = HEADER + criterion(1, indicator("1.1", requirement, 'unit = "percent"'))
    problem = only(load_errors(tmp_path, text))
    assert problem.key_path is not None
    assert problem.key_path.startswith("criteria[0].indicators[0].requirement.at_least.by_tag")
    assert problem.message == "unknown tag 'isle'"


@pytest.mark.parametrize("tag", ["x_Vùng Cao", "x_"])
def test_user_tag_outside_the_locality_vocabulary(tmp_path: Path, tag: str) -> None:
    text = HEADER + f'\n[[region_rules]]\ntags = ["{tag}"]\nregion = "TDMNPB"\n' + ONE_CRITERION
    problem = only(load_errors(tmp_path, text))
    assert problem.key_path == "region_rules[0].tags"


def test_applies_to_groups_refuses_booleans(tmp_path: Path) -> None:
    text = HEADER + criterion(1, indicator("1.1", extra="applies_to = { groups = [true] }"))
    problem = only(load_errors(tmp_path, text))
    assert problem.key_path == "criteria[0].indicators[0].applies_to.groups"


def test_applies_to_groups_out_of_range(tmp_path: Path) -> None:
    text = HEADER + criterion(1, indicator("1.1", extra="applies_to = { groups = [4] }"))
    problem = only(load_errors(tmp_path, text))
    assert problem.key_path == "criteria[0].indicators[0].applies_to.groups"
    assert problem.expected == "a list of 1, 2, 3"


def test_overlapping_by_date_periods(tmp_path: Path) -> None:
    requirement = (
        "{ at_least = { by_date = ["
        "{ from = 2022-01-01, until = 2022-12-31, value = 1 }, "
        "{ from = 2022-06-01, until = 2023-12-31, value = 2 }] } }"
    )
    text = HEADER + criterion(1, indicator("1.1", requirement, 'unit = "percent"'))
    problem = only(load_errors(tmp_path, text))
    assert problem.key_path == "criteria[0].indicators[0].requirement.at_least.by_date"
    assert "overlap" in problem.message
    assert "2022-06-01" in problem.message
    assert problem.expected == "disjoint periods"


def test_by_date_period_that_ends_before_it_starts(tmp_path: Path) -> None:
    requirement = (
        "{ at_most = { by_date = [{ from = 2023-01-01, until = 2022-12-31, value = 1 }] } }"
    )
    text = HEADER + criterion(1, indicator("1.1", requirement, 'unit = "percent"'))
    problem = only(load_errors(tmp_path, text))
    assert problem.key_path == "criteria[0].indicators[0].requirement.at_most.by_date[0]"


def test_valid_to_before_valid_from(tmp_path: Path) -> None:
    text = HEADER + "valid_to = 2021-12-31\n" + ONE_CRITERION
    problem = only(load_errors(tmp_path, text))
    assert problem.key_path == "valid_to"
    assert problem.message == "2021-12-31 is before valid_from 2022-01-01"
    assert problem.expected == "valid_from ≤ valid_to"


def test_override_of_an_indicator_the_parent_lacks(tmp_path: Path, parent: CriterionSet) -> None:
    text = (
        'id = "child"\nextends = "test-parent"\n\n[indicators."99.9"]\nrequirement = "achieved"\n'
    )
    problem = only(load_errors(tmp_path, text, parents=[parent]))
    assert problem.key_path == 'indicators."99.9"'
    assert problem.message == "override of indicator '99.9' that set 'test-parent' lacks"
    assert problem.expected == "the code of one of the parent's indicators"


def test_unknown_extends_id(tmp_path: Path, parent: CriterionSet) -> None:
    problem = only(load_errors(tmp_path, 'id = "child"\nextends = "no-such-set"\n'))
    assert problem.key_path == "extends"
    assert problem.message == "unknown set 'no-such-set'"
    # With parents given, their ids are listed among the known ones.
    problem = only(
        load_errors(tmp_path, 'id = "child"\nextends = "no-such-set"\n', parents=[parent])
    )
    assert problem.expected is not None
    assert "test-parent" in problem.expected


def test_extends_that_is_not_a_string(tmp_path: Path) -> None:
    problem = only(load_errors(tmp_path, 'id = "child"\nextends = 3\n'))
    assert problem.key_path == "extends"


def test_indicator_code_written_as_a_number(tmp_path: Path) -> None:
    text = HEADER + criterion(1, indicator("1.1").replace('code = "1.1"', "code = 3.1"))
    problem = only(load_errors(tmp_path, text))
    assert problem.key_path == "criteria[0].indicators[0].code"
    assert problem.message == "3.1 is a number"
    assert problem.expected == 'a string such as "3.1" (quote it)'


@pytest.mark.parametrize(
    "key", ["id", "title_vi", "title_en", "legal_basis", "valid_from", "scope", "criteria"]
)
def test_missing_required_set_key(tmp_path: Path, key: str) -> None:
    lines = [line for line in HEADER.splitlines() if not line.startswith(f"{key} =")]
    body = "" if key == "criteria" else ONE_CRITERION
    problem = only(load_errors(tmp_path, "\n".join(lines) + "\n" + body))
    assert problem.key_path == key
    if key != "scope":
        assert problem.message == "missing"


def without(table: str, key: str) -> str:
    return "\n".join(line for line in table.splitlines() if not line.startswith(f"{key} ="))


@pytest.mark.parametrize("key", ["name_vi", "name_en", "requirement"])
def test_missing_required_indicator_key(tmp_path: Path, key: str) -> None:
    problem = only(load_errors(tmp_path, HEADER + criterion(1, without(indicator("1.1"), key))))
    assert problem.key_path == f"criteria[0].indicators[0].{key}"
    assert problem.message == "missing"


def test_missing_indicator_code(tmp_path: Path) -> None:
    text = HEADER + criterion(1, without(indicator("1.1"), "code"), indicator("1.2"))
    problem = only(load_errors(tmp_path, text))
    assert problem.key_path == "criteria[0].indicators[0].code"
    assert problem.message == "missing"


def test_missing_criterion_name(tmp_path: Path) -> None:
    text = HEADER + ONE_CRITERION.replace('name_en = "Criterion 1"\n', "")
    problem = only(load_errors(tmp_path, text))
    assert problem.key_path == "criteria[0].name_en"
    assert problem.message == "missing"


def test_unknown_key_with_did_you_mean(tmp_path: Path) -> None:
    problem = only(load_errors(tmp_path, 'titel_vi = "Bộ"\n' + HEADER + ONE_CRITERION))
    assert problem.key_path == "titel_vi"
    assert problem.message == "unknown key 'titel_vi'; did you mean 'title_vi'?"
    assert problem.expected is not None
    assert "title_vi" in problem.expected


def test_unknown_indicator_key_with_did_you_mean(tmp_path: Path) -> None:
    text = HEADER + criterion(1, indicator("1.1", extra='nots = "ghi chú"\n'))
    problem = only(load_errors(tmp_path, text))
    assert problem.key_path == "criteria[0].indicators[0].nots"
    assert problem.message == "unknown key 'nots'; did you mean 'note'?"


def test_unknown_group_key(tmp_path: Path) -> None:
    text = HEADER + criterion(1, indicator("1.1"), extra='group = "planing"\n')
    problem = only(load_errors(tmp_path, text))
    assert problem.key_path == "criteria[0].group"
    assert problem.message == "unknown group 'planing'"
    text = (
        HEADER
        + '\n[[groups]]\nkey = "planning"\nname_vi = "Quy hoạch"\nname_en = "Planning"\n'
        + criterion(1, indicator("1.1"), extra='group = "planing"\n')
    )
    problem = only(load_errors(tmp_path, text))
    assert problem.expected == "planning"


def test_unknown_key_in_a_group_table(tmp_path: Path) -> None:
    text = HEADER + '\n[[groups]]\nkey = "g"\nname_vi = "G"\nname_en = "G"\nten = "x"\n'
    problem = only(load_errors(tmp_path, text + ONE_CRITERION))
    assert problem.key_path == "groups[0].ten"
    assert problem.expected == "key, name_vi, name_en"


def test_criterion_rule_referring_to_another_criterions_indicator(tmp_path: Path) -> None:
    text = (
        HEADER
        + ONE_CRITERION
        + criterion(
            2, indicator("2.1"), indicator("2.2"), extra='rule = { any_of = ["2.1", "1.1"] }\n'
        )
    )
    problem = only(load_errors(tmp_path, text))
    assert problem.key_path == "criteria[1].rule"
    assert problem.message == "rule refers to unknown indicator '1.1'"
    assert problem.expected == "2.1, 2.2"


def test_set_rule_referring_to_an_unknown_criterion(tmp_path: Path) -> None:
    text = HEADER + 'rule = { at_least_k = 1, of = ["1", "20"] }\n' + ONE_CRITERION
    problem = only(load_errors(tmp_path, text))
    assert problem.key_path == "rule"
    assert problem.message == "rule refers to unknown criterion '20'"
    assert problem.expected == "1"


@pytest.mark.parametrize(
    ("where", "path", "what"),
    [("set", "rule", "criterion"), ("criterion", "criteria[0].rule", "indicator")],
)
def test_rule_that_is_a_value_condition(tmp_path: Path, where: str, path: str, what: str) -> None:
    if where == "set":
        text = HEADER + "rule = { at_least = 17 }\n" + ONE_CRITERION
    else:
        text = HEADER + criterion(1, indicator("1.1"), extra="rule = { at_least = 1 }\n")
    problem = only(load_errors(tmp_path, text))
    assert problem.key_path == path
    assert problem.message == f"a rule must combine {what} codes, not conditions on values"


def test_indicator_requirement_that_refers_to_codes(tmp_path: Path) -> None:
    text = HEADER + criterion(1, indicator("1.1", '{ all_of = [{ ref = "1.2" }] }'))
    problem = only(load_errors(tmp_path, text))
    assert problem.key_path is not None
    assert problem.key_path.startswith("criteria[0].indicators[0].requirement")


@pytest.mark.parametrize("indicators", ["", "indicators = []\n"])
def test_criterion_with_no_indicators(tmp_path: Path, indicators: str) -> None:
    text = HEADER + criterion(1, extra=indicators)
    problem = only(load_errors(tmp_path, text))
    assert problem.key_path == "criteria[0].indicators"
    assert problem.message == "criterion 1 has no indicators"


def test_set_with_an_empty_criteria_array(tmp_path: Path) -> None:
    problem = only(load_errors(tmp_path, HEADER + "criteria = []\n"))
    assert problem.key_path == "criteria"


def test_invalid_toml_syntax_carries_the_line(tmp_path: Path) -> None:
    text = HEADER + "note = = 1\n" + ONE_CRITERION
    err = load_errors(tmp_path, text)
    problem = only(err)
    assert problem.line == HEADER.count("\n") + 1
    assert problem.message.startswith("invalid TOML")
    assert f"line {problem.line}: invalid TOML" in str(err)


def test_invalid_toml_from_text_names_the_given_file() -> None:
    with pytest.raises(DataErrors) as info:
        ntm_criteria.loads_set('id = "x"\nid = "y"\n', file="mine.toml")
    assert info.value.file == "mine.toml"
    assert only(info.value).line == 2


def test_non_utf8_file(tmp_path: Path) -> None:
    path = write(tmp_path, (HEADER + ONE_CRITERION).encode("utf-8").replace(b"B\xe1", b"B\xff"))
    with pytest.raises(DataError) as info:
        ntm_criteria.load_set(path)
    assert info.value.file == str(path)
    assert "not UTF-8" in info.value.message
    assert info.value.expected is not None
    assert "UTF-8" in info.value.expected


def test_utf16_file_is_not_utf8(tmp_path: Path) -> None:
    path = write(tmp_path, (HEADER + ONE_CRITERION).encode("utf-16"))
    with pytest.raises(DataError, match="not UTF-8"):
        ntm_criteria.load_set(path)


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "no-such-file.toml"
    with pytest.raises(DataError) as info:
        ntm_criteria.load_set(path)
    assert isinstance(info.value, NtmError)
    assert info.value.file == str(path)
    assert str(path) in str(info.value)
    assert "cannot read" in info.value.message


def test_a_directory_is_not_a_file(tmp_path: Path) -> None:
    with pytest.raises(DataError) as info:
        ntm_criteria.load_set(tmp_path)
    assert info.value.file == str(tmp_path)


@pytest.mark.parametrize("version", ["2", "0", '"1"'])
def test_unsupported_format_version(tmp_path: Path, version: str) -> None:
    problem = only(load_errors(tmp_path, f"format = {version}\n" + HEADER + ONE_CRITERION))
    assert problem.key_path == "format"
    assert "is not supported" in problem.message
    assert problem.expected == "format = 1"


@pytest.mark.parametrize(
    ("old", "new", "path"),
    [
        ('level = "standard"', 'level = "gold"', "level"),
        ('scope = "commune"', 'scope = ["commune", "planet"]', "scope[1]"),
        ('scope = "commune"', "scope = []", "scope"),
        ("valid_from = 2022-01-01", "valid_from = 2022-01-01T08:00:00", "valid_from"),
        ("valid_from = 2022-01-01", 'valid_from = "31/2/2022"', "valid_from"),
        ('id = "bad"', 'id = ""', "id"),
    ],
)
def test_bad_header_value(tmp_path: Path, old: str, new: str, path: str) -> None:
    problem = only(load_errors(tmp_path, HEADER.replace(old, new) + ONE_CRITERION))
    assert problem.key_path == path


def test_dates_may_be_written_as_strings() -> None:
    text = HEADER.replace("valid_from = 2022-01-01", 'valid_from = "8/3/2022"') + ONE_CRITERION
    assert ntm_criteria.loads_set(text).valid_from == datetime.date(2022, 3, 8)


def test_not_a_table_at_all() -> None:
    with pytest.raises(DataErrors) as info:
        set_from_data([1, 2], file="x.json")  # type: ignore[arg-type]
    assert info.value.file == "x.json"


# -- several mistakes at once -------------------------------------------------------------


def test_every_reading_mistake_is_reported_at_once() -> None:
    path = SETS / "parse_mistakes.toml"
    with pytest.raises(DataErrors) as info:
        ntm_criteria.load_set(path)
    err = info.value
    assert err.file == str(path)
    assert paths(err) == [
        "titel_vi",
        "valid_from",
        "groups[0].namee",
        "region_rules[0].confidence",
        "criteria[0].indicators[0].code",
        "criteria[0].indicators[1].requirement.atleast",
        "criteria[1].number",
        "criteria[1].indicators[0].requirement",
    ]
    lines = str(err).splitlines()
    assert lines[0] == f"{path}: 8 problems:"
    assert len(lines) == 1 + len(err.errors)
    for line, problem in zip(lines[1:], err.errors, strict=True):
        assert line.startswith(f"  - {problem.key_path}: {problem.message}")


def test_every_checking_mistake_is_reported_at_once() -> None:
    path = SETS / "check_mistakes.toml"
    with pytest.raises(DataErrors) as info:
        ntm_criteria.load_set(path)
    err = info.value
    assert err.file == str(path)
    assert sorted(p or "" for p in paths(err)) == sorted(
        [
            "criteria[0].group",
            "criteria[0].indicators[0].unit",
            "criteria[0].indicators[1].unit",
            "criteria[1].number",
            "criteria[1].indicators[0].code",
            "criteria[1].indicators[0].applies_to.tags_any",
            "criteria[1].indicators[0].requirement.at_least.by_region.XYZ",
            "rule",
        ]
    )
    lines = str(err).splitlines()
    assert lines[0] == f"{path}: {len(err.errors)} problems:"
    assert len(lines) == 1 + len(err.errors)
    assert all(line.startswith(("  - criteria[", "  - rule")) for line in lines[1:])


def test_reading_and_checking_mistakes_are_reported_together() -> None:
    with pytest.raises(DataErrors) as info:
        ntm_criteria.load_set(SETS / "mixed_mistakes.toml")
    assert paths(info.value) == [
        "criteria[0].indicators[1].requirement.atleast",
        "criteria[1].indicators[0].unit",
        "criteria[2].indicators[0].requirement.at_least.by_region.XYZ",
    ]


# -- all or nothing ----------------------------------------------------------------------------


def test_nothing_is_returned_when_one_indicator_is_wrong(tmp_path: Path) -> None:
    good = [indicator(f"1.{n}") for n in range(1, 10)]
    bad = indicator("1.10", "{ atleast = 1 }")
    path = write(tmp_path, HEADER + criterion(1, *good, bad))
    result: object = "untouched"
    with pytest.raises(DataErrors):
        result = ntm_criteria.load_set(path)
    assert result == "untouched"


def test_a_failed_load_does_not_change_its_input(full: CriterionSet) -> None:
    data = full.to_dict()
    data["criteria"][0]["indicators"][0]["unit"] = "trieu_dong"
    before = copy.deepcopy(data)
    with pytest.raises(DataErrors):
        set_from_data(data)
    assert data == before


def test_a_failed_child_does_not_change_its_parent(parent: CriterionSet) -> None:
    text = 'id = "c"\nextends = "test-parent"\n[indicators."10.1"]\nunit = "trieu_dong"\n'
    with pytest.raises(DataErrors):
        ntm_criteria.loads_set(text, parents=[parent])
    assert parent == ntm_criteria.load_set(PARENT)


# -- extends ---------------------------------------------------------------------------------


def test_child_inherits_what_it_does_not_give(child: CriterionSet, parent: CriterionSet) -> None:
    assert child.id == "test-child"
    assert child.extends == "test-parent"
    for key in ("title_en", "scope", "level", "valid_from", "legal_basis", "region_scheme"):
        assert getattr(child, key) == getattr(parent, key), key
    assert child.groups == parent.groups
    assert child.region_rules == parent.region_rules
    assert child.indicator("1.1") == parent.indicator("1.1")
    assert child.criterion(1) == parent.criterion(1)
    assert child.indicator("10.1").name_vi == parent.indicator("10.1").name_vi
    assert child.indicator("10.1").unit == parent.indicator("10.1").unit


def test_child_overrides_title_and_valid_to(child: CriterionSet) -> None:
    assert child.title_vi == "Bộ tiêu chí tỉnh Sơn La"
    assert child.valid_to == datetime.date(2024, 12, 31)
    assert child.provenance == Provenance("QĐ tỉnh Sơn La", Confidence.PROVINCIAL)


def test_override_replaces_the_requirement_with_the_childs_provenance(
    child: CriterionSet, parent: CriterionSet
) -> None:
    assert parent.indicator("10.1").confidence == "official"
    income = child.indicator("10.1")
    assert income.requirement == AtLeast(ByRegion({"TDMNPB": Fixed(41)}, default=Fixed(47)))
    assert income.provenance == Provenance("QĐ tỉnh Sơn La", Confidence.PROVINCIAL)
    assert income.confidence == "provincial"


def test_override_fills_an_unspecified_requirement(
    child: CriterionSet, parent: CriterionSet
) -> None:
    assert isinstance(parent.indicator("10.2").requirement, Unspecified)
    assert child.indicator("10.2").requirement == AtLeast(Fixed(85))
    assert catalog.unspecified_indicators(parent) == ["10.2"]
    assert catalog.unspecified_indicators(child) == []


def test_child_adds_a_criterion(child: CriterionSet) -> None:
    assert [c.number for c in child.criteria] == [1, 10, 20]
    assert child.total == 3
    assert child.indicator("20.1").provenance == Provenance("QĐ tỉnh Sơn La", Confidence.PROVINCIAL)
    assert child.criterion_of("20.1").number == 20


def test_override_of_names_only_keeps_the_parents_provenance(parent: CriterionSet) -> None:
    text = (
        'id = "c"\nextends = "test-parent"\nconfidence = "provincial"\n'
        '[indicators."10.1"]\nname_en = "Average income"\nneeds_investment = true\n'
    )
    loaded = ntm_criteria.loads_set(text, parents=[parent])
    income = loaded.indicator("10.1")
    assert income.name_en == "Average income"
    assert income.needs_investment is True
    assert income.requirement == parent.indicator("10.1").requirement
    assert income.provenance == parent.indicator("10.1").provenance


def test_override_with_its_own_confidence(parent: CriterionSet) -> None:
    text = (
        'id = "c"\nextends = "test-parent"\nsource = "QĐ tỉnh"\nconfidence = "provincial"\n'
        '[indicators."10.2"]\nrequirement = { at_least = 80 }\nconfidence = "unverified"\n'
    )
    loaded = ntm_criteria.loads_set(text, parents=[parent])
    assert loaded.indicator("10.2").provenance == Provenance("QĐ tỉnh", Confidence.UNVERIFIED)


def test_child_may_replace_the_set_rule(parent: CriterionSet) -> None:
    text = 'id = "c"\nextends = "test-parent"\nrule = { at_least_k = 1, of = ["1", "10"] }\n'
    loaded = ntm_criteria.loads_set(text, parents=[parent])
    assert loaded.rule == AtLeastK(1, [Ref("1"), Ref("10")])
    assert parent.rule is None


def test_child_valid_to_before_the_parents_valid_from(tmp_path: Path, parent: CriterionSet) -> None:
    text = 'id = "c"\nextends = "test-parent"\nvalid_to = 2021-06-30\n'
    problem = only(load_errors(tmp_path, text, parents=[parent]))
    assert problem.key_path == "valid_to"


def test_child_needs_an_id(tmp_path: Path, parent: CriterionSet) -> None:
    problem = only(load_errors(tmp_path, 'extends = "test-parent"\n', parents=[parent]))
    assert problem.key_path == "id"


def test_unknown_key_in_an_override(tmp_path: Path, parent: CriterionSet) -> None:
    text = 'id = "c"\nextends = "test-parent"\n[indicators."10.1"]\nrequirment = "achieved"\n'
    problem = only(load_errors(tmp_path, text, parents=[parent]))
    assert problem.key_path == 'indicators."10.1".requirment'
    assert problem.message == "unknown key 'requirment'; did you mean 'requirement'?"


def test_override_that_changes_the_kind_checks_the_unit(
    tmp_path: Path, parent: CriterionSet
) -> None:
    # 10.1 keeps its income unit; an "achieved" requirement takes no unit.
    text = 'id = "c"\nextends = "test-parent"\n[indicators."10.1"]\nrequirement = "achieved"\n'
    problem = only(load_errors(tmp_path, text, parents=[parent]))
    assert problem.key_path is not None
    assert problem.key_path.endswith(".unit")
    assert problem.message == "a bool indicator has no unit"


def test_added_criterion_error_names_its_place_in_the_child_file(
    tmp_path: Path, parent: CriterionSet
) -> None:
    # A child's criterion of a parent's number used to be refused as a duplicate: it now
    # adds its indicators to the parent's criterion (see the tests below).
    text = 'id = "c"\nextends = "test-parent"\n' + criterion(5, indicator("1.1"))
    problem = only(load_errors(tmp_path, text, parents=[parent]))
    assert problem.key_path == "criteria[0].indicators[0].code"


def test_override_error_names_the_override_table(tmp_path: Path, parent: CriterionSet) -> None:
    text = (
        'id = "c"\nextends = "test-parent"\n[indicators."10.1"]\n'
        "requirement = { at_least = { by_region = { XYZ = 1 } } }\n"
    )
    problem = only(load_errors(tmp_path, text, parents=[parent]))
    assert problem.key_path == 'indicators."10.1".requirement.at_least.by_region.XYZ'


def test_flattened_child_loads_without_its_parent(child: CriterionSet) -> None:
    data = child.to_dict()
    assert "extends" not in data
    assert data["based_on"] == "test-parent"  # a record only: the data is whole
    alone = CriterionSet.from_dict(data)
    assert alone == child
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data


def test_extended_set_round_trips_equal(child: CriterionSet) -> None:
    assert CriterionSet.from_dict(child.to_dict()) == child


def test_parents_take_precedence_over_built_in_sets(
    monkeypatch: pytest.MonkeyPatch, parent: CriterionSet
) -> None:
    built_in = attrs.evolve(parent, title_en="Built-in parent")
    monkeypatch.setattr(catalog, "_builtin", lambda: {built_in.id: built_in})
    text = 'id = "c"\nextends = "test-parent"\n'
    assert ntm_criteria.loads_set(text).title_en == "Built-in parent"
    assert ntm_criteria.loads_set(text, parents=[parent]).title_en == "Parent set"
    assert CriterionSet.from_dict({"id": "c", "extends": "test-parent"}).title_en == (
        "Built-in parent"
    )


# -- round trips ---------------------------------------------------------------------------


def all_valid_sets() -> list[CriterionSet]:
    return [
        demo.criterion_set(),
        demo.example_set(),
        *(ntm_criteria.load_set(path) for path in VALID_FIXTURES),
    ]


@pytest.mark.parametrize("s", all_valid_sets(), ids=lambda s: s.id)
def test_round_trip_through_plain_data(s: CriterionSet) -> None:
    data = s.to_dict()
    assert data == set_to_data(s)
    assert data["format"] == FORMAT_VERSION
    assert CriterionSet.from_dict(data) == s
    assert set_from_data(data) == s
    assert CriterionSet.from_dict(data).to_dict() == data


@pytest.mark.parametrize("s", all_valid_sets(), ids=lambda s: s.id)
def test_round_trip_through_json(s: CriterionSet) -> None:
    text = json.dumps(s.to_dict(), ensure_ascii=False)
    assert CriterionSet.from_dict(json.loads(text)) == s


@pytest.mark.parametrize("s", all_valid_sets(), ids=lambda s: s.id)
def test_vietnamese_text_round_trips_unchanged(s: CriterionSet) -> None:
    back = CriterionSet.from_dict(json.loads(json.dumps(s.to_dict(), ensure_ascii=False)))
    assert back.title_vi.encode("utf-8") == s.title_vi.encode("utf-8")
    for before, after in zip(s.criteria, back.criteria, strict=True):
        assert after.name_vi.encode("utf-8") == before.name_vi.encode("utf-8")
    for before_i, after_i in zip(s.indicators(), back.indicators(), strict=True):
        assert after_i.name_vi.encode("utf-8") == before_i.name_vi.encode("utf-8")


def test_decomposed_vietnamese_is_kept_as_written() -> None:
    import unicodedata

    name = unicodedata.normalize("NFD", "Thủy lợi")
    text = HEADER + ONE_CRITERION.replace('name_vi = "Tiêu chí 1"', f'name_vi = "{name}"')
    loaded = ntm_criteria.loads_set(text)
    assert loaded.criterion(1).name_vi.encode() == name.encode()
    back = CriterionSet.from_dict(json.loads(json.dumps(loaded.to_dict(), ensure_ascii=False)))
    assert back.criterion(1).name_vi.encode() == name.encode()


def test_round_trip_of_the_flattened_child(child: CriterionSet) -> None:
    alone = CriterionSet.from_dict(child.to_dict())
    assert CriterionSet.from_dict(alone.to_dict()) == alone


def test_exact_numbers_are_written_exactly() -> None:
    text = HEADER + criterion(
        1,
        indicator("1.1", '{ at_least = "1/3" }', 'unit = "percent"'),
        indicator("1.2", "{ at_most = 72.56 }", 'unit = "percent"'),
    )
    loaded = ntm_criteria.loads_set(text)
    requirements = [i["requirement"] for i in loaded.to_dict()["criteria"][0]["indicators"]]
    assert requirements == [{"at_least": "1/3"}, {"at_most": 72.56}]
    assert CriterionSet.from_dict(loaded.to_dict()) == loaded


def test_round_trip_of_an_indicator_without_a_source_under_a_set_with_one() -> None:
    base = demo.example_set()
    first = base.criteria[0]
    unsourced = attrs.evolve(first.indicators[0], provenance=Provenance(None, Confidence.OFFICIAL))
    s = attrs.evolve(
        base, criteria=[attrs.evolve(first, indicators=[unsourced, *first.indicators[1:]])]
    )
    assert CriterionSet.from_dict(s.to_dict()) == s


# -- a child adds indicators to a criterion of its parent ------------------------------


def test_child_adds_indicators_to_a_parents_criterion(parent: CriterionSet) -> None:
    text = 'id = "c"\nextends = "test-parent"\n' + criterion(
        10, indicator("10.3", "{ at_least = 100 }", 'unit = "percent"')
    )
    child = ntm_criteria.loads_set(text, parents=[parent])
    assert child.total == parent.total
    grown = child.criterion(10)
    assert [i.code for i in grown.indicators] == ["10.1", "10.2", "10.3"]
    assert grown.name_vi == "Tiêu chí 10"  # given by the child, replaces the parent's
    assert parent.criterion(10).indicators == grown.indicators[:2]


def test_an_added_indicator_takes_part_in_the_criterions_rule(parent: CriterionSet) -> None:
    text = 'id = "c"\nextends = "test-parent"\n[[criteria]]\nnumber = 10\n' + indicator("10.3")
    child = ntm_criteria.loads_set(text, parents=[parent])
    assert child.criterion(10).name_vi == parent.criterion(10).name_vi  # inherited
    codes = {ref.code for ref in child.criterion(10).effective_rule.items}
    assert codes == {"10.1", "10.2", "10.3"}


def test_a_child_may_give_the_grown_criterion_its_own_rule(parent: CriterionSet) -> None:
    text = (
        'id = "c"\nextends = "test-parent"\n[[criteria]]\nnumber = 10\n'
        'rule = { any_of = ["10.1", "10.3"] }\n' + indicator("10.3")
    )
    child = ntm_criteria.loads_set(text, parents=[parent])
    assert child.criterion(10).rule is not None
    assert child.criterion(10).rule != parent.criterion(10).rule


def test_an_added_indicator_error_names_its_place_in_the_child_file(
    tmp_path: Path, parent: CriterionSet
) -> None:
    text = (
        'id = "c"\nextends = "test-parent"\n'
        + criterion(10, indicator("10.3"))
        + criterion(10, indicator("10.4", "{ at_least = 45 }", 'unit = "trieu_dong"'))
    )
    problem = only(load_errors(tmp_path, text, parents=[parent]))
    assert problem.key_path == "criteria[1].indicators[0].unit"
    first = (
        'id = "c"\nextends = "test-parent"\n'
        + criterion(10, indicator("10.4", "{ at_least = 45 }", 'unit = "trieu_dong"'))
        + criterion(10, indicator("10.3"))
    )
    problem = only(load_errors(tmp_path, first, parents=[parent]))
    assert problem.key_path == "criteria[0].indicators[0].unit"


def test_an_added_indicator_may_not_repeat_a_parents_code(
    tmp_path: Path, parent: CriterionSet
) -> None:
    text = 'id = "c"\nextends = "test-parent"\n' + criterion(10, indicator("10.1"))
    problem = only(load_errors(tmp_path, text, parents=[parent]))
    assert problem.key_path == "criteria[0].indicators[0].code"
    assert "duplicate indicator code '10.1'" in problem.message
