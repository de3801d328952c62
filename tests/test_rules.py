"""Tests for :mod:`ntm_criteria.rules`: values, requirements, evaluation, plain data, words."""

from __future__ import annotations

import datetime
import json
import tomllib
from decimal import Decimal
from fractions import Fraction
from typing import Any, ClassVar

import pytest

from ntm_criteria.errors import DataError, DataErrors, NtmError, ParseError, UnknownCodeError
from ntm_criteria.periods import Period
from ntm_criteria.rules import (
    PROVENANCE_KEYS,
    Achieved,
    AllOf,
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
    Equals,
    Fixed,
    OneOf,
    Problems,
    Provenance,
    Ref,
    Status,
    UnknownReason,
    Unspecified,
    Verdict,
    combine,
    combine_all,
    combine_any,
    combine_at_least,
    describe,
    evaluate,
    number_from_data,
    number_to_data,
    provenance_from_data,
    provenance_to_data,
    refs,
    requirement_from_data,
    requirement_to_data,
    resolve,
    resolve_requirement,
    value_from_data,
    value_kind,
    value_to_data,
)

D = datetime.date
F = Fraction
M, NM, U, NA = Status.MET, Status.NOT_MET, Status.UNKNOWN, Status.NOT_APPLICABLE

ON = D(2022, 6, 15)
OFFICIAL = Provenance("318/QĐ-TTg, Annex I", Confidence.OFFICIAL, certainty="high")

OPERATOR_LIST = (
    "at_least, at_most, between, equals, achieved, one_of, unspecified, all_of, any_of, at_least_k"
)


def ctx(
    *,
    on: datetime.date = ON,
    region: str | None = None,
    group: int | None = None,
    tags: tuple[str, ...] = (),
) -> Context:
    return Context(on=on, region=region, group=group, tags=frozenset(tags))


def read(data: object, *, refs: bool = False, path: str = "req") -> tuple[Any, list[DataError]]:
    """Read a requirement; return it with the problems recorded."""
    problems = Problems()
    result = requirement_from_data(data, path, problems, refs=refs)
    return result, problems.items


def read_value(data: object, path: str = "v") -> tuple[Any, list[DataError]]:
    problems = Problems()
    result = value_from_data(data, path, problems)
    return result, problems.items


def where(problems: list[DataError]) -> list[str | None]:
    return [p.key_path for p in problems]


def leaves_of(value: object) -> list[object]:
    """Every value leaf (Fixed or Unspecified) or branch inside a resolved requirement."""
    if isinstance(value, AtLeast | AtMost | Equals):
        return [value.value]
    if isinstance(value, Between):
        return [value.low, value.high]
    if isinstance(value, AllOf | AnyOf | AtLeastK):
        return [leaf for item in value.items for leaf in leaves_of(item)]
    return []


# =========================================================================== values


class TestFixed:
    @pytest.mark.parametrize(
        ("given", "amount"),
        [
            (80, F(80)),
            (F(83, 2), F(83, 2)),
            ("1/3", F(1, 3)),
            ("72.56", F(1814, 25)),
            (Decimal("45.5"), F(91, 2)),
        ],
    )
    def test_amount_is_an_exact_fraction(self, given: object, amount: Fraction) -> None:
        value = Fixed(given)  # type: ignore[arg-type]
        assert value.amount == amount
        assert type(value.amount) is Fraction

    def test_provenance_defaults_to_none(self) -> None:
        assert Fixed(1).provenance is None
        assert Fixed(1, OFFICIAL).provenance == OFFICIAL

    def test_is_frozen(self) -> None:
        value = Fixed(1)
        with pytest.raises(AttributeError):
            value.amount = F(2)  # type: ignore[misc]

    def test_leaves_resolve_to_themselves(self) -> None:
        fixed, gap = Fixed(80, OFFICIAL), Unspecified("UBND cấp tỉnh quy định")
        assert resolve(fixed, ctx()) is fixed
        assert resolve(gap, ctx()) is gap


class TestByRegion:
    TABLE = ByRegion({"TDMNPB": Fixed(39), "DBSCL": Fixed(45)}, default=Fixed(42))

    def test_hit(self) -> None:
        assert resolve(self.TABLE, ctx(region="TDMNPB")) == Fixed(39)
        assert resolve(self.TABLE, ctx(region="DBSCL")) == Fixed(45)

    def test_default_when_region_not_listed(self) -> None:
        assert resolve(self.TABLE, ctx(region="DBSH")) == Fixed(42)

    def test_default_when_region_unknown(self) -> None:
        assert resolve(self.TABLE, ctx(region=None)) == Fixed(42)

    def test_miss_without_default_says_which_region(self) -> None:
        table = ByRegion({"TDMNPB": Fixed(39)})
        result = resolve(table, ctx(region="DBSH"))
        assert result == Unspecified(missing=("region", "DBSH"))
        assert result.missing == ("region", "DBSH")
        assert result.note is None

    def test_miss_without_region(self) -> None:
        result = resolve(ByRegion({"TDMNPB": Fixed(39)}), ctx())
        assert isinstance(result, Unspecified)
        assert result.missing == ("region", "?")

    def test_unspecified_case_is_returned_as_is(self) -> None:
        gap = Unspecified("UBND cấp tỉnh quy định")
        table = ByRegion({"DBSH": gap}, default=Fixed(1))
        assert resolve(table, ctx(region="DBSH")) is gap

    def test_cases_cannot_be_changed_after_construction(self) -> None:
        source = {"TDMNPB": Fixed(39)}
        table = ByRegion(source)
        source["DBSH"] = Fixed(1)
        assert dict(table.cases) == {"TDMNPB": Fixed(39)}
        with pytest.raises(TypeError):
            table.cases["DBSH"] = Fixed(1)  # type: ignore[index]


class TestByGroup:
    TABLE = ByGroup({1: Fixed(90), 3: Fixed(70)}, default=Fixed(80))

    @pytest.mark.parametrize(("group", "amount"), [(1, 90), (2, 80), (3, 70), (None, 80)])
    def test_hit_and_default(self, group: int | None, amount: int) -> None:
        assert resolve(self.TABLE, ctx(group=group)) == Fixed(amount)

    def test_miss(self) -> None:
        table = ByGroup({1: Fixed(90)})
        assert resolve(table, ctx(group=2)) == Unspecified(missing=("group", "2"))
        assert resolve(table, ctx()).missing == ("group", "?")


class TestByTag:
    def test_hit(self) -> None:
        table = ByTag((("island", Fixed(60)),), default=Fixed(80))
        assert resolve(table, ctx(tags=("island",))) == Fixed(60)
        assert resolve(table, ctx(tags=("border",))) == Fixed(80)

    @pytest.mark.parametrize(
        ("cases", "amount"),
        [
            ((("island", Fixed(60)), ("border", Fixed(70))), 60),
            ((("border", Fixed(70)), ("island", Fixed(60))), 70),
        ],
    )
    def test_first_listed_tag_wins(self, cases: Any, amount: int) -> None:
        table = ByTag(cases)
        assert resolve(table, ctx(tags=("island", "border"))) == Fixed(amount)

    def test_miss_names_the_locality_tags_sorted(self) -> None:
        table = ByTag([("island", Fixed(60))])
        assert resolve(table, ctx(tags=("safe_zone", "border"))).missing == (
            "tag",
            "border, safe_zone",
        )
        assert resolve(table, ctx()).missing == ("tag", "?")

    def test_cases_become_a_tuple(self) -> None:
        table = ByTag([("island", Fixed(60))])
        assert table.cases == (("island", Fixed(60)),)


class TestByDate:
    YEARS = ByDate(((Period.year(2022), Fixed(39)), (Period.year(2023), Fixed(42))))

    @pytest.mark.parametrize(
        ("on", "amount"),
        [
            (D(2022, 1, 1), 39),
            (D(2022, 12, 31), 39),
            (D(2023, 1, 1), 42),
            (D(2023, 12, 31), 42),
        ],
    )
    def test_year_boundaries(self, on: datetime.date, amount: int) -> None:
        assert resolve(self.YEARS, ctx(on=on)) == Fixed(amount)

    @pytest.mark.parametrize("on", [D(2021, 12, 31), D(2024, 1, 1)])
    def test_miss_names_the_date(self, on: datetime.date) -> None:
        assert resolve(self.YEARS, ctx(on=on)) == Unspecified(missing=("date", on.isoformat()))

    def test_default(self) -> None:
        table = ByDate(self.YEARS.cases, default=Fixed(50))
        assert resolve(table, ctx(on=D(2024, 1, 1))) == Fixed(50)

    def test_dated_spans(self) -> None:
        table = ByDate(
            (
                (Period.between("8/3/2022", "29/2/2024"), Fixed(80)),
                (Period.between("1/3/2024", "31/12/2025"), Fixed(90)),
            )
        )
        assert resolve(table, ctx(on=D(2022, 3, 7))).missing == ("date", "2022-03-07")
        assert resolve(table, ctx(on=D(2022, 3, 8))) == Fixed(80)
        assert resolve(table, ctx(on=D(2024, 2, 29))) == Fixed(80)
        assert resolve(table, ctx(on=D(2024, 3, 1))) == Fixed(90)

    def test_nested_by_year_then_by_region(self) -> None:
        table = ByDate(
            (
                (Period.year(2022), ByRegion({"TDMNPB": Fixed(39), "DBSH": Fixed(48)})),
                (Period.year(2023), ByRegion({"TDMNPB": Fixed(42), "DBSH": Fixed(52)})),
            )
        )
        assert resolve(table, ctx(on=D(2022, 12, 31), region="DBSH")) == Fixed(48)
        assert resolve(table, ctx(on=D(2023, 1, 1), region="DBSH")) == Fixed(52)
        assert resolve(table, ctx(on=D(2023, 1, 1), region="TDMNPB")) == Fixed(42)
        assert resolve(table, ctx(on=D(2023, 1, 1), region="TN")).missing == ("region", "TN")
        assert resolve(table, ctx(on=D(2024, 1, 1), region="TN")).missing == (
            "date",
            "2024-01-01",
        )

    def test_deep_nesting(self) -> None:
        table = ByDate(
            (
                (
                    Period.year(2022),
                    ByRegion({}, default=ByGroup({1: ByTag([("island", Fixed(7))])})),
                ),
            )
        )
        assert resolve(table, ctx(region="X", group=1, tags=("island",))) == Fixed(7)
        assert resolve(table, ctx(region="X", group=2)).missing == ("group", "2")

    @pytest.mark.parametrize(
        "periods",
        [
            (Period.year(2022), Period.year(2022)),
            (Period.year(2022), Period.plan(2021, 2025)),
            (Period.between("1/1/2022", "30/6/2022"), Period.between("30/6/2022", "31/12/2022")),
            (Period.year(2024), Period.year(2022), Period.between("1/12/2021", "1/1/2022")),
        ],
        ids=["same-year", "inside-a-plan", "one-shared-day", "unordered"],
    )
    def test_overlapping_periods_are_refused(self, periods: tuple[Period, ...]) -> None:
        with pytest.raises(DataError, match="overlap") as caught:
            ByDate([(period, Fixed(1)) for period in periods])
        assert caught.value.expected == "disjoint periods"

    def test_touching_periods_are_fine(self) -> None:
        table = ByDate(
            (
                (Period.year(2024), Fixed(3)),
                (Period.between("1/1/2022", "30/6/2022"), Fixed(1)),
                (Period.between("1/7/2022", "31/12/2023"), Fixed(2)),
            )
        )
        assert resolve(table, ctx(on=D(2022, 6, 30))) == Fixed(1)
        assert resolve(table, ctx(on=D(2022, 7, 1))) == Fixed(2)
        assert resolve(table, ctx(on=D(2024, 7, 1))) == Fixed(3)


class TestProvenance:
    def test_defaults(self) -> None:
        assert Provenance() == Provenance(None, Confidence.UNVERIFIED, None)

    @pytest.mark.parametrize("certainty", [None, "high", "medium", "low"])
    def test_known_certainties(self, certainty: str | None) -> None:
        assert Provenance("x", certainty=certainty).certainty == certainty

    @pytest.mark.parametrize("certainty", ["High", "very high", "", "certain"])
    def test_unknown_certainty_is_a_data_error(self, certainty: str) -> None:
        with pytest.raises(DataError, match="certainty") as caught:
            Provenance("x", certainty=certainty)
        assert caught.value.expected == "high, medium or low"

    def test_confidence_is_converted_from_text(self) -> None:
        assert Provenance("x", "provincial").confidence is Confidence.PROVINCIAL  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        ("provenance", "lang", "text"),
        [
            (OFFICIAL, "en", "318/QĐ-TTg, Annex I (official, high certainty)"),
            (OFFICIAL, "vi", "318/QĐ-TTg, Annex I (chính thức, độ tin cậy high)"),
            (Provenance(), "en", "no source given (unverified)"),
            (Provenance(), "vi", "không rõ nguồn (chưa kiểm chứng)"),
            (Provenance("QĐ 1", Confidence.PROVINCIAL), "vi", "QĐ 1 (cấp tỉnh)"),
        ],
    )
    def test_describe(self, provenance: Provenance, lang: str, text: str) -> None:
        assert provenance.describe(lang) == text


class TestConfidence:
    @pytest.mark.parametrize(
        ("confidence", "trusted", "vi", "en"),
        [
            (Confidence.OFFICIAL, True, "chính thức", "official"),
            (Confidence.PROVINCIAL, True, "cấp tỉnh", "provincial"),
            (Confidence.ILLUSTRATIVE, False, "minh họa", "illustrative"),
            (Confidence.UNVERIFIED, False, "chưa kiểm chứng", "unverified"),
        ],
    )
    def test_trust_and_labels(
        self, confidence: Confidence, trusted: bool, vi: str, en: str
    ) -> None:
        assert confidence.is_trusted is trusted
        assert confidence.label("vi") == vi
        assert confidence.label() == vi
        assert confidence.label("en") == en


class TestUnspecified:
    @pytest.mark.parametrize(
        ("missing", "vi", "en"),
        [
            (("region", "DBSH"), "không có giá trị cho vùng DBSH", "no value for region DBSH"),
            (("group", "2"), "không có giá trị cho nhóm xã 2", "no value for commune group 2"),
            (
                ("tag", "border, island"),
                "không có giá trị cho loại địa phương border, island",
                "no value for locality tags border, island",
            ),
            (
                ("date", "2024-01-01"),
                "không có giá trị cho ngày 2024-01-01",
                "no value for date 2024-01-01",
            ),
            (("scheme", "x"), "không có giá trị cho scheme x", "no value for scheme x"),
        ],
    )
    def test_describe_missing(self, missing: tuple[str, str], vi: str, en: str) -> None:
        gap = Unspecified(missing=missing)
        assert gap.describe_missing("vi") == vi
        assert gap.describe_missing() == vi
        assert gap.describe_missing("en") == en

    def test_nothing_missing(self) -> None:
        assert Unspecified("note").describe_missing("vi") is None
        assert Unspecified().describe_missing("en") is None

    def test_missing_becomes_a_pair_of_strings(self) -> None:
        assert Unspecified(missing=["group", 2]).missing == ("group", "2")  # type: ignore[arg-type]

    def test_fields(self) -> None:
        gap = Unspecified("UBND cấp tỉnh quy định", OFFICIAL)
        assert (gap.note, gap.provenance, gap.missing) == ("UBND cấp tỉnh quy định", OFFICIAL, None)


# =========================================================================== requirements


class TestNodes:
    def test_comparisons_hold_their_value(self) -> None:
        value = ByRegion({"TDMNPB": Fixed(39)})
        assert AtLeast(value).value is value
        assert AtMost(Fixed(6)).value == Fixed(6)
        assert Equals(Fixed(100)).value == Fixed(100)
        assert (Between(Fixed(1), Fixed(3)).low, Between(Fixed(1), Fixed(3)).high) == (
            Fixed(1),
            Fixed(3),
        )

    def test_equality_is_structural(self) -> None:
        assert AtLeast(Fixed(80)) == AtLeast(Fixed(F(160, 2)))
        assert AtLeast(Fixed(80)) != AtMost(Fixed(80))
        assert Achieved() == Achieved()
        assert AllOf([Ref("1")]) == AllOf((Ref("1"),))
        assert AllOf([Ref("1")]) != AnyOf([Ref("1")])

    def test_one_of(self) -> None:
        assert OneOf(["Tốt", "Khá"]).grades == ("Tốt", "Khá")
        assert OneOf("Tốt").grades == ("Tốt",)

    @pytest.mark.parametrize("grades", [(), [], ("",), ("Tốt", ""), (1,), ("Tốt", None)])
    def test_one_of_needs_grade_names(self, grades: Any) -> None:
        with pytest.raises(DataError, match="non-empty list of grade names"):
            OneOf(grades)

    def test_composites_hold_a_tuple(self) -> None:
        items = [AtLeast(Fixed(1)), AtMost(Fixed(9))]
        assert AllOf(items).items == tuple(items)
        assert AnyOf(iter(items)).items == tuple(items)
        assert AtLeastK(2, items).items == tuple(items)

    @pytest.mark.parametrize("k", [1, 2, 3])
    def test_at_least_k_in_range(self, k: int) -> None:
        assert AtLeastK(k, [Ref("a"), Ref("b"), Ref("c")]).k == k

    @pytest.mark.parametrize(
        ("k", "count", "expected"),
        [
            (0, 3, "k between 1 and 3"),
            (-1, 3, "k between 1 and 3"),
            (4, 3, "k between 1 and 3"),
            (1, 0, "k between 1 and 0"),
        ],
    )
    def test_at_least_k_out_of_range(self, k: int, count: int, expected: str) -> None:
        with pytest.raises(DataError, match=f"at_least_k = {k} with {count} items") as caught:
            AtLeastK(k, [Ref(str(i)) for i in range(count)])
        assert caught.value.expected == expected


class TestValueKind:
    @pytest.mark.parametrize(
        ("requirement", "kind"),
        [
            (AtLeast(Fixed(1)), "number"),
            (AtMost(Unspecified()), "number"),
            (Between(Fixed(1), Fixed(2)), "number"),
            (Equals(Fixed(100)), "number"),
            (Achieved(), "bool"),
            (OneOf(("Tốt",)), "grade"),
            (Unspecified(), "any"),
            (Ref("1.1"), "any"),
            (AllOf([AtLeast(Fixed(1)), AtMost(Fixed(9))]), "number"),
            (AnyOf([Achieved(), Unspecified()]), "bool"),
            (AtLeastK(1, [OneOf("Tốt"), Ref("x")]), "grade"),
            (AllOf([Unspecified(), Unspecified()]), "any"),
            (AllOf([Ref("1"), Ref("2")]), "any"),
            (AllOf([AnyOf([AtLeast(Fixed(1))]), Equals(Fixed(3))]), "number"),
        ],
    )
    def test_kind(self, requirement: Any, kind: str) -> None:
        assert value_kind(requirement) == kind

    @pytest.mark.parametrize(
        ("requirement", "mixed"),
        [
            (AllOf([AtLeast(Fixed(1)), Achieved()]), "bool and number"),
            (AnyOf([OneOf("Tốt"), Achieved()]), "bool and grade"),
            (AtLeastK(1, [OneOf("Tốt"), AtLeast(Fixed(1))]), "grade and number"),
            (AllOf([AnyOf([Achieved()]), AnyOf([AtMost(Fixed(1))])]), "bool and number"),
            (AllOf([AnyOf([Achieved(), AtMost(Fixed(1))])]), "bool and number"),
        ],
    )
    def test_mixed_kinds_are_a_data_error(self, requirement: Any, mixed: str) -> None:
        with pytest.raises(DataError, match=f"mixes {mixed} conditions") as caught:
            value_kind(requirement)
        assert caught.value.expected == "conditions on one kind of value"


class TestRefs:
    @pytest.mark.parametrize(
        ("rule", "codes"),
        [
            (Ref("13.1"), ("13.1",)),
            (AllOf([Ref("1"), Ref("2"), Ref("3")]), ("1", "2", "3")),
            (AtLeastK(1, [Ref("a"), AllOf([Ref("b"), AnyOf([Ref("c")])]), Ref("d")]), "abcd"),
            (AllOf([Ref("a"), Achieved(), Ref("a")]), ("a", "a")),
            (AtLeast(Fixed(1)), ()),
            (Achieved(), ()),
            (Unspecified(), ()),
            (AllOf([AtLeast(Fixed(1))]), ()),
        ],
    )
    def test_codes_in_order(self, rule: Any, codes: Any) -> None:
        assert refs(rule) == tuple(codes)


class TestResolveRequirement:
    INCOME = ByDate(
        (
            (Period.year(2022), ByRegion({"TDMNPB": Fixed(39)}, default=Fixed(45))),
            (Period.year(2023), ByRegion({"TDMNPB": Fixed(42)}, default=Fixed(48))),
        )
    )

    @pytest.mark.parametrize(
        ("requirement", "context", "resolved"),
        [
            (AtLeast(INCOME), ctx(region="TDMNPB"), AtLeast(Fixed(39))),
            (AtMost(INCOME), ctx(on=D(2023, 1, 1)), AtMost(Fixed(48))),
            (Equals(ByGroup({1: Fixed(100)})), ctx(group=1), Equals(Fixed(100))),
            (
                Between(ByTag([("island", Fixed(1))]), INCOME),
                ctx(tags=("island",)),
                Between(Fixed(1), Fixed(45)),
            ),
            (
                AtLeast(ByRegion({"TDMNPB": Fixed(39)})),
                ctx(region="DBSH"),
                AtLeast(Unspecified(missing=("region", "DBSH"))),
            ),
        ],
    )
    def test_binds_values(self, requirement: Any, context: Context, resolved: Any) -> None:
        assert resolve_requirement(requirement, context) == resolved

    @pytest.mark.parametrize("requirement", [Achieved(), OneOf("Tốt"), Unspecified("note")])
    def test_no_value_to_bind(self, requirement: Any) -> None:
        assert resolve_requirement(requirement, ctx()) is requirement

    def test_binds_every_value_in_a_tree(self) -> None:
        tree = AtLeastK(
            2,
            [
                Ref("x"),
                AtLeast(self.INCOME),
                AllOf([AtMost(ByGroup({}, default=Fixed(5))), Between(self.INCOME, Fixed(99))]),
                AnyOf([Equals(ByTag([], default=Fixed(3))), Unspecified()]),
            ],
        )
        resolved = resolve_requirement(tree, ctx(region="DBSH"))
        assert resolved == AtLeastK(
            2,
            [
                Ref("x"),
                AtLeast(Fixed(45)),
                AllOf([AtMost(Fixed(5)), Between(Fixed(45), Fixed(99))]),
                AnyOf([Equals(Fixed(3)), Unspecified()]),
            ],
        )
        assert all(isinstance(leaf, Fixed | Unspecified) for leaf in leaves_of(resolved))

    def test_provenance_of_the_chosen_case_is_kept(self) -> None:
        req = AtLeast(ByRegion({"TDMNPB": Fixed(39, OFFICIAL)}))
        assert resolve_requirement(req, ctx(region="TDMNPB")) == AtLeast(Fixed(39, OFFICIAL))


# =========================================================================== evaluate


class TestEvaluateBoundaries:
    @pytest.mark.parametrize(
        ("requirement", "actual", "status"),
        [
            (AtLeast(Fixed(80)), F(80), M),
            (AtLeast(Fixed(80)), F(7999, 100), NM),
            (AtLeast(Fixed(80)), F(8001, 100), M),
            (AtLeast(Fixed("72.56")), F("72.56"), M),
            (AtLeast(Fixed(F(1, 3))), F(1, 3), M),
            (AtMost(Fixed(6)), F(6), M),
            (AtMost(Fixed(6)), F(601, 100), NM),
            (AtMost(Fixed(6)), F(0), M),
            (Equals(Fixed(100)), F(100), M),
            (Equals(Fixed(100)), F(9999, 100), NM),
            (Equals(Fixed(100)), F(10001, 100), NM),
            (Between(Fixed(1), Fixed(3)), F(1), M),
            (Between(Fixed(1), Fixed(3)), F(3), M),
            (Between(Fixed(1), Fixed(3)), F(2), M),
            (Between(Fixed(1), Fixed(3)), F(99, 100), NM),
            (Between(Fixed(1), Fixed(3)), F(301, 100), NM),
            (Between(Fixed(2), Fixed(2)), F(2), M),
            (AtLeast(Fixed(0)), F(0), M),
            (AtLeast(Fixed(-5)), F(-5), M),
        ],
    )
    def test_status(self, requirement: Any, actual: Fraction, status: Status) -> None:
        assert evaluate(requirement, actual).status is status

    def test_met_has_no_gap(self) -> None:
        assert evaluate(AtLeast(Fixed(80)), F(90)) == Verdict(M)


class TestEvaluateGaps:
    @pytest.mark.parametrize(
        ("requirement", "actual", "gap", "relative"),
        [
            (AtLeast(Fixed(45)), F(83, 2), F(7, 2), F(7, 90)),
            (AtLeast(Fixed(80)), F(60), F(20), F(1, 4)),
            (AtMost(Fixed(6)), F(8), F(2), F(1, 3)),
            (AtMost(Fixed("1.5")), F(3), F(3, 2), F(1)),
            (Equals(Fixed(100)), F(90), F(10), F(1, 10)),
            (Equals(Fixed(100)), F(110), F(10), F(1, 10)),
            (Between(Fixed(2), Fixed(4)), F(1), F(1), F(1, 2)),
            (Between(Fixed(2), Fixed(4)), F(5), F(1), F(1, 4)),
            # a threshold of zero has no relative gap
            (AtLeast(Fixed(0)), F(-1), F(1), None),
            (AtMost(Fixed(0)), F(2), F(2), None),
            (Equals(Fixed(0)), F(-3), F(3), None),
            (Between(Fixed(0), Fixed(5)), F(-1), F(1), None),
            # the gap is measured against the size of a negative threshold
            (AtLeast(Fixed(-4)), F(-6), F(2), F(1, 2)),
        ],
    )
    def test_gap(
        self, requirement: Any, actual: Fraction, gap: Fraction, relative: Fraction | None
    ) -> None:
        assert evaluate(requirement, actual) == Verdict(NM, gap=gap, relative_gap=relative)


class TestEvaluateUnknown:
    @pytest.mark.parametrize(
        "requirement",
        [
            Unspecified(),
            Unspecified("UBND cấp tỉnh quy định"),
            AtLeast(Unspecified()),
            AtMost(Unspecified(missing=("region", "DBSH"))),
            Equals(Unspecified()),
            Between(Unspecified(), Unspecified()),
        ],
    )
    def test_unspecified_threshold(self, requirement: Any) -> None:
        assert evaluate(requirement, F(50)) == Verdict(U, UnknownReason.UNSPECIFIED)

    def test_unspecified_requirement_whatever_the_value(self) -> None:
        for actual in (F(1), True, False, "Tốt"):
            assert evaluate(Unspecified(), actual).status is U

    @pytest.mark.parametrize(
        ("requirement", "actual", "verdict"),
        [
            # low known, high unknown
            (Between(Fixed(10), Unspecified()), F(5), Verdict(NM, gap=F(5), relative_gap=F(1, 2))),
            (Between(Fixed(10), Unspecified()), F(10), Verdict(U, UnknownReason.UNSPECIFIED)),
            (Between(Fixed(10), Unspecified()), F(1000), Verdict(U, UnknownReason.UNSPECIFIED)),
            # high known, low unknown
            (Between(Unspecified(), Fixed(10)), F(12), Verdict(NM, gap=F(2), relative_gap=F(1, 5))),
            (Between(Unspecified(), Fixed(10)), F(10), Verdict(U, UnknownReason.UNSPECIFIED)),
            (Between(Unspecified(), Fixed(10)), F(-1000), Verdict(U, UnknownReason.UNSPECIFIED)),
        ],
    )
    def test_between_with_one_side_unspecified(
        self, requirement: Between, actual: Fraction, verdict: Verdict
    ) -> None:
        assert evaluate(requirement, actual) == verdict


class TestEvaluateOtherKinds:
    @pytest.mark.parametrize(
        ("actual", "status"),
        [(True, M), (False, NM), ("True", NM), ("đạt", NM), (F(1), NM)],
    )
    def test_achieved(self, actual: Any, status: Status) -> None:
        assert evaluate(Achieved(), actual) == Verdict(status)

    @pytest.mark.parametrize(
        ("actual", "status"),
        [("Tốt", M), ("Khá", M), ("Trung bình", NM), ("tốt", NM), ("", NM), (True, NM)],
    )
    def test_one_of(self, actual: Any, status: Status) -> None:
        assert evaluate(OneOf(("Tốt", "Khá")), actual) == Verdict(status)

    @pytest.mark.parametrize("actual", [True, False, "80"])
    def test_number_requirement_on_something_else_is_not_met(self, actual: Any) -> None:
        for requirement in (AtLeast(Fixed(1)), AtMost(Fixed(1)), Between(Fixed(0), Fixed(1))):
            assert evaluate(requirement, actual) == Verdict(NM)


class TestEvaluateComposites:
    RANGE = AllOf([AtLeast(Fixed(10)), AtMost(Fixed(20))])

    @pytest.mark.parametrize(
        ("actual", "verdict"),
        [
            (F(10), Verdict(M)),
            (F(20), Verdict(M)),
            (F(5), Verdict(NM, gap=F(5), relative_gap=F(1, 2))),
            (F(25), Verdict(NM, gap=F(5), relative_gap=F(1, 4))),
        ],
    )
    def test_all_of(self, actual: Fraction, verdict: Verdict) -> None:
        assert evaluate(self.RANGE, actual) == verdict

    @pytest.mark.parametrize(("actual", "status"), [(F(1), M), (F(5), NM), (F(10), M), (F(11), M)])
    def test_any_of(self, actual: Fraction, status: Status) -> None:
        requirement = AnyOf([AtMost(Fixed(2)), AtLeast(Fixed(10))])
        assert evaluate(requirement, actual).status is status

    def test_any_of_not_met_reports_the_first_gap(self) -> None:
        requirement = AnyOf([AtMost(Fixed(2)), AtLeast(Fixed(10))])
        assert evaluate(requirement, F(5)) == Verdict(NM, gap=F(3), relative_gap=F(3, 2))

    @pytest.mark.parametrize(
        ("actual", "status"), [(F(15), M), (F(12), M), (F(25), NM), (F(5), NM)]
    )
    def test_at_least_k(self, actual: Fraction, status: Status) -> None:
        requirement = AtLeastK(2, [AtLeast(Fixed(10)), AtMost(Fixed(20)), Equals(Fixed(15))])
        assert evaluate(requirement, actual).status is status

    @pytest.mark.parametrize(
        ("requirement", "actual", "verdict"),
        [
            (
                AllOf([AtLeast(Unspecified()), AtMost(Fixed(5))]),
                F(3),
                Verdict(U, UnknownReason.UNSPECIFIED),
            ),
            (
                AllOf([AtLeast(Unspecified()), AtMost(Fixed(5))]),
                F(7),
                Verdict(NM, gap=F(2), relative_gap=F(2, 5)),
            ),
            (AnyOf([AtLeast(Unspecified()), AtMost(Fixed(5))]), F(3), Verdict(M)),
            (
                AnyOf([AtLeast(Unspecified()), AtMost(Fixed(5))]),
                F(7),
                Verdict(U, UnknownReason.UNSPECIFIED),
            ),
            (
                AllOf([Unspecified(), AnyOf([Equals(Unspecified())])]),
                F(7),
                Verdict(U, UnknownReason.UNSPECIFIED),
            ),
            (AllOf([Achieved(), Unspecified()]), False, Verdict(NM)),
            (AnyOf([OneOf("Tốt"), OneOf("Khá")]), "Khá", Verdict(M)),
            (AllOf([AllOf([AtLeast(Fixed(1))]), AnyOf([AtMost(Fixed(3))])]), F(2), Verdict(M)),
        ],
    )
    def test_unknown_propagates(self, requirement: Any, actual: Any, verdict: Verdict) -> None:
        assert evaluate(requirement, actual) == verdict

    def test_package_example(self) -> None:
        req, problems = read({"at_least": {"by_region": {"TDMNPB": 39}, "default": 45}})
        assert not problems
        context = Context(on=D(2022, 6, 15), region="DBSCL")
        verdict = evaluate(resolve_requirement(req, context), F(415, 10))
        assert verdict == Verdict(NM, gap=F(7, 2), relative_gap=F(7, 90))


# =========================================================================== combine


PAIRS = [
    # a, b, all_of, any_of
    (M, M, M, M),
    (M, NM, NM, M),
    (M, U, U, M),
    (M, NA, M, M),
    (NM, NM, NM, NM),
    (NM, U, NM, U),
    (NM, NA, NM, NM),
    (U, U, U, U),
    (U, NA, U, U),
    (NA, NA, NA, NA),
]


class TestCombine:
    @pytest.mark.parametrize(("a", "b", "all_of", "any_of"), PAIRS)
    def test_all_of_table(self, a: Status, b: Status, all_of: Status, any_of: Status) -> None:
        assert combine_all([a, b]) is all_of
        assert combine_all([b, a]) is all_of
        assert combine(AllOf([Ref("a"), Ref("b")]), [a, b]) is all_of

    @pytest.mark.parametrize(("a", "b", "all_of", "any_of"), PAIRS)
    def test_any_of_table(self, a: Status, b: Status, all_of: Status, any_of: Status) -> None:
        assert combine_any([a, b]) is any_of
        assert combine_any([b, a]) is any_of
        assert combine(AnyOf([Ref("a"), Ref("b")]), [a, b]) is any_of

    @pytest.mark.parametrize(
        ("statuses", "result"),
        [
            ([M, M, M], M),
            ([M, M, NM], M),
            ([M, M, U], M),
            ([M, U, U], U),
            ([M, U, NM], U),
            ([U, U, U], U),
            ([U, U, NM], U),
            ([M, NM, NM], NM),
            ([U, NM, NM], NM),
            ([NM, NM, NM], NM),
            ([M, M, NA], M),
            ([M, U, NA], U),
            ([M, NM, NA], NM),
            # not-applicable children are left out of the count, so two of them leave
            # one child, which cannot make two
            ([M, NA, NA], NM),
            ([NA, NA, NA], NA),
        ],
    )
    def test_two_of_three_table(self, statuses: list[Status], result: Status) -> None:
        assert combine_at_least(2, statuses) is result
        assert combine_at_least(2, reversed(statuses)) is result
        rule = AtLeastK(2, [Ref("a"), Ref("b"), Ref("c")])
        assert combine(rule, statuses) is result

    @pytest.mark.parametrize("combiner", [combine_all, combine_any])
    def test_nothing_to_combine_is_not_applicable(self, combiner: Any) -> None:
        assert combiner([]) is NA
        assert combiner(iter([])) is NA

    def test_at_least_nothing(self) -> None:
        assert combine_at_least(1, []) is NA

    @pytest.mark.parametrize("status", [M, NM, U, NA])
    def test_single_child(self, status: Status) -> None:
        assert combine_all([status]) is status
        assert combine_any([status]) is status
        assert combine_at_least(1, [status]) is status

    def test_accepts_generators(self) -> None:
        assert combine_all(s for s in [M, U]) is U
        assert combine_any(s for s in [NM, M]) is M
        assert combine_at_least(2, (s for s in [M, M, NM])) is M


class TestStatusLabels:
    @pytest.mark.parametrize(
        ("status", "vi", "en"),
        [
            (M, "đạt", "met"),
            (NM, "chưa đạt", "not met"),
            (U, "chưa xác định", "unknown"),
            (NA, "không áp dụng", "not applicable"),
        ],
    )
    def test_status(self, status: Status, vi: str, en: str) -> None:
        assert (status.label(), status.label("vi"), status.label("en")) == (vi, vi, en)

    @pytest.mark.parametrize(
        ("reason", "en"),
        [
            (UnknownReason.NO_DATA, "needs data"),
            (UnknownReason.UNSPECIFIED, "threshold not specified"),
            (UnknownReason.DEPENDS, "some parts are undecided"),
        ],
    )
    def test_reason(self, reason: UnknownReason, en: str) -> None:
        assert reason.label("en") == en
        assert reason.label("vi")


# =========================================================================== numbers


class TestNumbers:
    @pytest.mark.parametrize(
        ("data", "number"),
        [
            (80, F(80)),
            (0, F(0)),
            (-3, F(-3)),
            (72.56, F(1814, 25)),
            (45.5, F(91, 2)),
            (0.1, F(1, 10)),
            (1e-7, F(1, 10_000_000)),
            ("1/3", F(1, 3)),
            (" 2/6 ", F(1, 3)),
            ("72.56", F(1814, 25)),
            ("-4", F(-4)),
            (F(2, 7), F(2, 7)),
            (Decimal("45.50"), F(91, 2)),
            (10**30, F(10**30)),
        ],
    )
    def test_from_data(self, data: object, number: Fraction) -> None:
        problems = Problems()
        assert number_from_data(data, "x", problems) == number
        assert not problems

    @pytest.mark.parametrize(
        ("data", "message", "expected"),
        [
            (True, "True is not a number", "a number"),
            (False, "False is not a number", "a number"),
            (float("nan"), "nan is not a finite number", "a number"),
            (float("inf"), "inf is not a finite number", "a number"),
            (float("-inf"), "-inf is not a finite number", "a number"),
            ("abc", "'abc' is not a number", "a number such as 80 or 45.5"),
            ("1/0", "'1/0' is not a number", "a number such as 80 or 45.5"),
            ("72,56", "'72,56' is not a number", "a number such as 80 or 45.5"),
            ("", "'' is not a number", "a number such as 80 or 45.5"),
            (None, "None is not a number", "a number such as 80 or 45.5"),
            ([1], "[1] is not a number", "a number such as 80 or 45.5"),
            ("x" * 50, "'" + "x" * 36 + "... is not a number", "a number such as 80 or 45.5"),
        ],
    )
    def test_from_bad_data(self, data: object, message: str, expected: str) -> None:
        problems = Problems()
        assert number_from_data(data, "a.b", problems) is None
        [problem] = problems.items
        assert (problem.key_path, problem.message, problem.expected) == ("a.b", message, expected)

    @pytest.mark.parametrize(
        ("number", "data"),
        [
            (F(80), 80),
            (F(-7), -7),
            (F(1814, 25), 72.56),
            (F(-1, 2), -0.5),
            (F(1, 3), "1/3"),
            (F(2, 7), "2/7"),
            (F(1, 2**60), f"1/{2**60}"),
        ],
    )
    def test_to_data(self, number: Fraction, data: object) -> None:
        written = number_to_data(number)
        assert written == data
        assert type(written) is type(data)

    @pytest.mark.parametrize(
        "number", [F(1814, 25), F(1, 3), F(0), F(10**20), F(-5, 8), F(123456789, 1000)]
    )
    def test_round_trip(self, number: Fraction) -> None:
        problems = Problems()
        assert number_from_data(number_to_data(number), "", problems) == number
        assert number_from_data(json.loads(json.dumps(number_to_data(number))), "", problems) == (
            number
        )
        assert not problems


# =========================================================================== provenance


class TestProvenanceData:
    def test_none_without_keys(self) -> None:
        assert provenance_from_data({"value": 1}, "", Problems()) is None

    def test_read(self) -> None:
        data = {"source": "318/QĐ-TTg, Annex I", "confidence": "official", "certainty": "high"}
        problems = Problems()
        assert provenance_from_data(data, "", problems) == OFFICIAL
        assert not problems

    def test_missing_keys_come_from_base(self) -> None:
        base = Provenance("QĐ 1", Confidence.PROVINCIAL, "medium")
        result = provenance_from_data({"certainty": "low"}, "", Problems(), base)
        assert result == Provenance("QĐ 1", Confidence.PROVINCIAL, "low")

    def test_bad_keys(self) -> None:
        problems = Problems()
        data = {"source": 3, "confidence": "bogus", "certainty": "maybe"}
        assert provenance_from_data(data, "x", problems) == Provenance()
        assert [(p.key_path, p.message, p.expected) for p in problems.items] == [
            ("x.source", "3 is not text", "a string"),
            (
                "x.confidence",
                "unknown confidence 'bogus'",
                "official, provincial, illustrative, unverified",
            ),
            ("x.certainty", "unknown certainty 'maybe'", "high, medium or low"),
        ]

    @pytest.mark.parametrize(
        ("provenance", "data"),
        [
            (None, {}),
            # Every key is written, "" for none, so that no key is inherited on reading.
            (Provenance(), {"source": "", "confidence": "unverified", "certainty": ""}),
            (
                Provenance("QĐ 1", Confidence.PROVINCIAL),
                {"source": "QĐ 1", "confidence": "provincial", "certainty": ""},
            ),
            (
                OFFICIAL,
                {"source": "318/QĐ-TTg, Annex I", "confidence": "official", "certainty": "high"},
            ),
        ],
    )
    def test_to_data_and_back(self, provenance: Provenance | None, data: dict[str, str]) -> None:
        assert provenance_to_data(provenance) == data
        if provenance is not None:
            assert provenance_from_data(data, "", Problems()) == provenance

    def test_keys(self) -> None:
        assert PROVENANCE_KEYS == ("source", "confidence", "certainty")


# =========================================================================== values as data

YEARS_2022_2023 = ByDate(((Period.year(2022), Fixed(39)), (Period.year(2023), Fixed(42))))

VALUE_FORMS = [
    (80, Fixed(80)),
    (72.56, Fixed(F(1814, 25))),
    ("1/3", Fixed(F(1, 3))),
    ({"value": 45}, Fixed(45)),
    (
        {"value": 45, "source": "318/QĐ-TTg", "confidence": "official"},
        Fixed(45, Provenance("318/QĐ-TTg", Confidence.OFFICIAL)),
    ),
    ("unspecified", Unspecified()),
    ({"unspecified": True}, Unspecified()),
    ({"unspecified": "UBND cấp tỉnh quy định"}, Unspecified("UBND cấp tỉnh quy định")),
    (
        {"unspecified": True, "confidence": "provincial"},
        Unspecified(provenance=Provenance(confidence=Confidence.PROVINCIAL)),
    ),
    (
        {"unspecified": True, "missing": ["region", "DBSH"]},
        Unspecified(missing=("region", "DBSH")),
    ),
    (
        {"by_region": {"TDMNPB": 39, "DBSCL": 45}, "default": 42},
        ByRegion({"TDMNPB": Fixed(39), "DBSCL": Fixed(45)}, default=Fixed(42)),
    ),
    ({"by_year": {"2022": 39, "2023": 42}}, YEARS_2022_2023),
    (
        {"by_date": [{"from": "2022-03-08", "until": "2024-02-29", "value": 80}]},
        ByDate(((Period(D(2022, 3, 8), D(2024, 2, 29)), Fixed(80)),)),
    ),
    (
        {"by_date": [{"from": D(2022, 3, 8), "until": "29/2/2024", "value": 80}]},
        ByDate(((Period(D(2022, 3, 8), D(2024, 2, 29)), Fixed(80)),)),
    ),
    (
        {"by_group": {"1": 90, "2": 80, "3": 70}},
        ByGroup({1: Fixed(90), 2: Fixed(80), 3: Fixed(70)}),
    ),
    (
        {"by_tag": {"island": 60, "border": 70}, "default": 80},
        ByTag((("island", Fixed(60)), ("border", Fixed(70))), default=Fixed(80)),
    ),
    (
        {"by_year": {"2022": {"by_region": {"TDMNPB": 39}}, "2023": "unspecified"}},
        ByDate(
            (
                (Period.year(2022), ByRegion({"TDMNPB": Fixed(39)})),
                (Period.year(2023), Unspecified()),
            )
        ),
    ),
    (
        {"by_region": {"DBSH": {"by_group": {"1": {"value": 3, "certainty": "low"}}}}},
        ByRegion({"DBSH": ByGroup({1: Fixed(3, Provenance(certainty="low"))})}),
    ),
]


class TestValueFromData:
    @pytest.mark.parametrize(("data", "value"), VALUE_FORMS)
    def test_written_forms(self, data: object, value: object) -> None:
        result, problems = read_value(data)
        assert problems == []
        assert result == value

    def test_by_tag_keeps_the_written_order(self) -> None:
        result, _ = read_value({"by_tag": {"border": 70, "island": 60}})
        assert [tag for tag, _ in result.cases] == ["border", "island"]


class TestValueToData:
    @pytest.mark.parametrize(
        ("value", "data"),
        [
            (Fixed(80), 80),
            (Fixed(F(1814, 25)), 72.56),
            (Fixed(F(1, 3)), "1/3"),
            (Fixed(45, OFFICIAL), {"value": 45, **provenance_to_data(OFFICIAL)}),
            (Unspecified(), "unspecified"),
            (Unspecified("ghi chú"), {"unspecified": "ghi chú"}),
            (
                Unspecified(provenance=OFFICIAL),
                {"unspecified": True, **provenance_to_data(OFFICIAL)},
            ),
            (
                Unspecified(missing=("region", "DBSH")),
                {"unspecified": True, "missing": ["region", "DBSH"]},
            ),
            (
                ByRegion({"TDMNPB": Fixed(39)}, default=Fixed(45)),
                {"by_region": {"TDMNPB": 39}, "default": 45},
            ),
            (ByGroup({1: Fixed(90), 3: Fixed(70)}), {"by_group": {"1": 90, "3": 70}}),
            (
                ByTag((("island", Fixed(60)),), default=Fixed(80)),
                {"by_tag": {"island": 60}, "default": 80},
            ),
            (YEARS_2022_2023, {"by_year": {"2022": 39, "2023": 42}}),
            (
                ByDate(
                    (
                        (Period.year(2022), Fixed(1)),
                        (Period.between("1/1/2023", "30/6/2023"), Fixed(2)),
                    )
                ),
                {
                    "by_date": [
                        {"from": "2022-01-01", "until": "2022-12-31", "value": 1},
                        {"from": "2023-01-01", "until": "2023-06-30", "value": 2},
                    ]
                },
            ),
        ],
    )
    def test_plain_form(self, value: Any, data: object) -> None:
        assert value_to_data(value) == data
        assert json.loads(json.dumps(value_to_data(value))) == data
        assert read_value(data) == (value, [])

    @pytest.mark.parametrize(("data", "value"), VALUE_FORMS)
    def test_every_written_form_round_trips(self, data: object, value: Any) -> None:
        assert read_value(value_to_data(value)) == (value, [])


# =========================================================================== requirements as data

REQUIREMENT_FORMS = [
    ({"at_least": 80}, AtLeast(Fixed(80))),
    ({"at_most": 6}, AtMost(Fixed(6))),
    ({"equals": 100}, Equals(Fixed(100))),
    ({"between": [1, 3]}, Between(Fixed(1), Fixed(3))),
    ({"between": [2, 2]}, Between(Fixed(2), Fixed(2))),
    ({"between": [1, "unspecified"]}, Between(Fixed(1), Unspecified())),
    ("achieved", Achieved()),
    ({"achieved": True}, Achieved()),
    ({"one_of": ["Tốt", "Khá"]}, OneOf(("Tốt", "Khá"))),
    ("unspecified", Unspecified()),
    ({"unspecified": "UBND cấp tỉnh quy định"}, Unspecified("UBND cấp tỉnh quy định")),
    (
        {"unspecified": True, "source": "QĐ 1", "confidence": "provincial"},
        Unspecified(provenance=Provenance("QĐ 1", Confidence.PROVINCIAL)),
    ),
    (
        {"all_of": [{"at_least": 1}, {"at_most": 9}]},
        AllOf([AtLeast(Fixed(1)), AtMost(Fixed(9))]),
    ),
    ({"any_of": ["achieved", "unspecified"]}, AnyOf([Achieved(), Unspecified()])),
    (
        {"at_least_k": 2, "of": [{"at_least": 1}, {"at_most": 9}, {"equals": 5}]},
        AtLeastK(2, [AtLeast(Fixed(1)), AtMost(Fixed(9)), Equals(Fixed(5))]),
    ),
    (
        {"at_least": {"by_region": {"TDMNPB": 39}, "default": 45}},
        AtLeast(ByRegion({"TDMNPB": Fixed(39)}, default=Fixed(45))),
    ),
    (
        {"at_least": {"value": 45, "source": "318/QĐ-TTg", "confidence": "official"}},
        AtLeast(Fixed(45, Provenance("318/QĐ-TTg", Confidence.OFFICIAL))),
    ),
    ({"at_least": {"by_year": {"2022": 39, "2023": 42}}}, AtLeast(YEARS_2022_2023)),
]


class TestRequirementFromData:
    @pytest.mark.parametrize(("data", "requirement"), REQUIREMENT_FORMS)
    def test_written_forms(self, data: object, requirement: Any) -> None:
        assert read(data) == (requirement, [])

    @pytest.mark.parametrize(("data", "requirement"), REQUIREMENT_FORMS)
    def test_round_trip(self, data: object, requirement: Any) -> None:
        written = requirement_to_data(requirement)
        assert read(written) == (requirement, [])
        assert read(json.loads(json.dumps(written))) == (requirement, [])

    @pytest.mark.parametrize(
        ("data", "rule"),
        [
            (
                {"at_least_k": 2, "of": ["1", "2", "3"]},
                AtLeastK(2, [Ref("1"), Ref("2"), Ref("3")]),
            ),
            ({"all_of": [{"ref": "13.1"}, "13.2"]}, AllOf([Ref("13.1"), Ref("13.2")])),
            (
                {"any_of": ["1", {"all_of": ["2", "3"]}]},
                AnyOf([Ref("1"), AllOf([Ref("2"), Ref("3")])]),
            ),
            ({"all_of": ["1", "achieved"]}, AllOf([Ref("1"), Achieved()])),
            ({"all_of": [{"ref": "achieved"}]}, AllOf([Ref("achieved")])),
        ],
    )
    def test_rules_with_codes(self, data: object, rule: Any) -> None:
        assert read(data, refs=True) == (rule, [])
        assert read(requirement_to_data(rule), refs=True) == (rule, [])

    def test_ref_to_data(self) -> None:
        assert requirement_to_data(Ref("13.1")) == {"ref": "13.1"}
        assert requirement_to_data(AtLeastK(1, [Ref("1"), Ref("2")])) == {
            "at_least_k": 1,
            "of": [{"ref": "1"}, {"ref": "2"}],
        }

    def test_to_data_forms(self) -> None:
        assert requirement_to_data(Achieved()) == "achieved"
        assert requirement_to_data(Unspecified()) == "unspecified"
        assert requirement_to_data(OneOf(("Tốt",))) == {"one_of": ["Tốt"]}
        assert requirement_to_data(Between(Fixed(F(1, 3)), Fixed(1))) == {"between": ["1/3", 1]}

    @pytest.mark.parametrize(
        ("toml", "requirement"),
        [
            ("requirement = { at_least = 80 }", AtLeast(Fixed(80))),
            ("requirement = { at_least = 72.56 }", AtLeast(Fixed(F(1814, 25)))),
            ("requirement = { between = [1, 3] }", Between(Fixed(1), Fixed(3))),
            ('requirement = "achieved"', Achieved()),
            ('requirement = { one_of = ["Tốt", "Khá"] }', OneOf(("Tốt", "Khá"))),
            (
                'requirement = { unspecified = "UBND cấp tỉnh quy định" }',
                Unspecified("UBND cấp tỉnh quy định"),
            ),
            (
                "requirement = { at_least = { by_region = { TDMNPB = 39, DBSCL = 45 }, default = 42 } }",
                AtLeast(ByRegion({"TDMNPB": Fixed(39), "DBSCL": Fixed(45)}, default=Fixed(42))),
            ),
            (
                "requirement = { at_least = { by_year = { 2022 = 39, 2023 = 42 } } }",
                AtLeast(YEARS_2022_2023),
            ),
            (
                "requirement = { at_least = { by_date = [ "
                "{ from = 2022-03-08, until = 2024-02-29, value = 80 }, "
                "{ from = 2024-03-01, until = 2025-12-31, value = 90 } ] } }",
                AtLeast(
                    ByDate(
                        (
                            (Period(D(2022, 3, 8), D(2024, 2, 29)), Fixed(80)),
                            (Period(D(2024, 3, 1), D(2025, 12, 31)), Fixed(90)),
                        )
                    )
                ),
            ),
            (
                "requirement = { at_least = { by_group = { 1 = 90, 2 = 80, 3 = 70 } } }",
                AtLeast(ByGroup({1: Fixed(90), 2: Fixed(80), 3: Fixed(70)})),
            ),
            (
                "requirement = { at_least = { by_tag = { island = 60 }, default = 80 } }",
                AtLeast(ByTag((("island", Fixed(60)),), default=Fixed(80))),
            ),
            (
                "[requirement.at_least.by_year.2022]\n"
                "by_region = { TDMNPB = 39, DBSH = 48, DBSCL = 45 }\n"
                "[requirement.at_least.by_year.2023]\n"
                "by_region = { TDMNPB = 42, DBSH = 52, DBSCL = 48 }\n",
                AtLeast(
                    ByDate(
                        (
                            (
                                Period.year(2022),
                                ByRegion(
                                    {"TDMNPB": Fixed(39), "DBSH": Fixed(48), "DBSCL": Fixed(45)}
                                ),
                            ),
                            (
                                Period.year(2023),
                                ByRegion(
                                    {"TDMNPB": Fixed(42), "DBSH": Fixed(52), "DBSCL": Fixed(48)}
                                ),
                            ),
                        )
                    )
                ),
            ),
        ],
    )
    def test_toml_from_the_format_reference(self, toml: str, requirement: Any) -> None:
        data = tomllib.loads(toml)["requirement"]
        assert read(data) == (requirement, [])

    def test_toml_rule_from_the_format_reference(self) -> None:
        data = tomllib.loads('rule = { at_least_k = 2, of = ["13.1", "13.2", "13.3"] }')["rule"]
        assert read(data, refs=True) == (AtLeastK(2, [Ref("13.1"), Ref("13.2"), Ref("13.3")]), [])


# =========================================================================== problems


def _problem(
    data: object, *, refs: bool = False
) -> tuple[Any, list[tuple[str | None, str, str | None]]]:
    result, problems = read(data, refs=refs)
    return result, [(p.key_path, p.message, p.expected) for p in problems]


class TestRequirementProblems:
    @pytest.mark.parametrize(
        ("data", "path", "message", "expected"),
        [
            (
                {"atleast": 80},
                "req.atleast",
                "unknown operator 'atleast'; did you mean 'at_least'?",
                OPERATOR_LIST,
            ),
            (
                {"at_leat": 80},
                "req.at_leat",
                "unknown operator 'at_leat'; did you mean 'at_least'?",
                OPERATOR_LIST,
            ),
            (
                {"xyz": 80},
                "req.xyz",
                "unknown operator 'xyz'",
                OPERATOR_LIST,
            ),
            (
                {"at_least": 1, "at_most": 3},
                "req",
                "several operators in one requirement: at_least, at_most",
                "exactly one; combine them with all_of",
            ),
            ({}, "req", "no operator", OPERATOR_LIST),
            (
                {"of": ["1"]},
                "req.of",
                "unknown operator 'of'",
                OPERATOR_LIST,
            ),
            (
                5,
                "req",
                "5 is not a requirement",
                'a table such as {at_least = 80}, or "achieved"',
            ),
            (
                "atleast",
                "req",
                "'atleast' is not a requirement",
                'a table such as {at_least = 80}, or "achieved"',
            ),
            (
                None,
                "req",
                "None is not a requirement",
                'a table such as {at_least = 80}, or "achieved"',
            ),
            ({"at_least": True}, "req.at_least", "True is not a number", "a number"),
            (
                {"at_most": float("nan")},
                "req.at_most",
                "nan is not a finite number",
                "a number",
            ),
            (
                {"equals": "100%"},
                "req.equals",
                "'100%' is not a number",
                "a number such as 80 or 45.5",
            ),
            ({"between": [1]}, "req.between", "[1] is not a pair", "[low, high]"),
            ({"between": [1, 2, 3]}, "req.between", "[1, 2, 3] is not a pair", "[low, high]"),
            ({"between": "1-3"}, "req.between", "'1-3' is not a pair", "[low, high]"),
            ({"between": 1}, "req.between", "1 is not a pair", "[low, high]"),
            ({"between": [3, 1]}, "req.between", "low 3 is above high 1", "low ≤ high"),
            (
                {"between": ["x", 1]},
                "req.between[0]",
                "'x' is not a number",
                "a number such as 80 or 45.5",
            ),
            (
                {"between": [1, False]},
                "req.between[1]",
                "False is not a number",
                "a number",
            ),
            ({"achieved": False}, "req.achieved", "False is not true", "achieved = true"),
            ({"achieved": "yes"}, "req.achieved", "'yes' is not true", "achieved = true"),
            (
                {"one_of": "Tốt"},
                "req.one_of",
                "'Tốt' is not a list of grades",
                '["Tốt", "Khá"]',
            ),
            ({"one_of": []}, "req.one_of", "[] is not a list of grades", '["Tốt", "Khá"]'),
            (
                {"one_of": ["Tốt", 3]},
                "req.one_of",
                "['Tốt', 3] is not a list of grades",
                '["Tốt", "Khá"]',
            ),
            ({"all_of": []}, "req.all_of", "[] is not a list", "a non-empty list"),
            ({"any_of": {"a": 1}}, "req.any_of", "{'a': 1} is not a list", "a non-empty list"),
            ({"at_least_k": 2}, "req.of", "None is not a list", "a non-empty list"),
            (
                {"at_least_k": 1.5, "of": ["achieved"]},
                "req.at_least_k",
                "1.5 is not a whole number",
                "a count",
            ),
            (
                {"at_least_k": True, "of": ["achieved"]},
                "req.at_least_k",
                "True is not a whole number",
                "a count",
            ),
            (
                {"at_least_k": "2", "of": ["achieved"]},
                "req.at_least_k",
                "'2' is not a whole number",
                "a count",
            ),
            (
                {"at_least_k": 0, "of": ["achieved"]},
                "req",
                "at_least_k = 0 with 1 items",
                "k between 1 and 1",
            ),
            (
                {"at_least_k": 3, "of": ["achieved", "achieved"]},
                "req",
                "at_least_k = 3 with 2 items",
                "k between 1 and 2",
            ),
            (
                {"all_of": [{"at_least": 1}, "achieved"]},
                "req",
                "a combined requirement mixes bool and number conditions",
                "conditions on one kind of value",
            ),
            (
                {"all_of": ["13.1"]},
                "req.all_of[0]",
                "'13.1' is not a requirement",
                'a table such as {at_least = 80}, or "achieved"',
            ),
            (
                {"all_of": [{"atmost": 1}]},
                "req.all_of[0].atmost",
                "unknown operator 'atmost'; did you mean 'at_most'?",
                OPERATOR_LIST,
            ),
            (
                {"unspecified": 5},
                "req.unspecified",
                "expected a note or true",
                "a string",
            ),
        ],
    )
    def test_one_problem(self, data: object, path: str, message: str, expected: str) -> None:
        _, problems = _problem(data)
        assert problems == [(path, message, expected)]

    def test_unknown_key_next_to_an_operator(self) -> None:
        result, problems = _problem({"at_least": 80, "of": [1]})
        assert problems == [("req.of", "unknown operator 'of'", OPERATOR_LIST)]
        assert result == AtLeast(Fixed(80))

    def test_ref_problems(self) -> None:
        _, problems = _problem({"all_of": ["1", {"ref": 5}]}, refs=True)
        assert problems == [("req.all_of[1]", "a ref must be a code", "a string")]

    def test_refs_are_not_allowed_in_an_indicator_requirement(self) -> None:
        _, problems = _problem({"all_of": [{"ref": "1"}]})
        assert problems == [("req.all_of[0].ref", "unknown operator 'ref'", OPERATOR_LIST)]

    def test_top_level_path(self) -> None:
        problems = Problems()
        requirement_from_data({"atleast": 1}, "", problems)
        assert [p.key_path for p in problems.items] == ["atleast"]

    def test_keys_that_are_not_names_are_quoted(self) -> None:
        _, problems = _problem({"at least": 1, "9x": 2})
        assert [path for path, _, _ in problems] == [
            'req."at least"',
            'req."9x"',
        ]


class TestValueProblems:
    @pytest.mark.parametrize(
        ("data", "path", "message", "expected"),
        [
            (
                {"at_least": {"by_group": {"4": 1}}},
                'req.at_least.by_group."4"',
                "unknown commune group '4'",
                "1, 2 or 3",
            ),
            (
                {"at_least": {"by_group": {"one": 1}}},
                "req.at_least.by_group.one",
                "unknown commune group 'one'",
                "1, 2 or 3",
            ),
            (
                {"at_least": {"by_year": {"22": 1}}},
                'req.at_least.by_year."22"',
                "'22' is not a year",
                "a four-digit year such as 2022",
            ),
            (
                {"at_least": {"by_year": {"2022-2023": 1}}},
                'req.at_least.by_year."2022-2023"',
                "'2022-2023' is not a year",
                "a four-digit year such as 2022",
            ),
            (
                {"at_least": {"by_region": {}}},
                "req.at_least.by_region",
                "{} is not a table of values",
                "a table",
            ),
            (
                {"at_least": {"by_region": 5}},
                "req.at_least.by_region",
                "5 is not a table of values",
                "a table",
            ),
            (
                {"at_least": {"by_region": {"TDMNPB": "x"}}},
                "req.at_least.by_region.TDMNPB",
                "'x' is not a number",
                "a number such as 80 or 45.5",
            ),
            (
                {"at_least": {"by_regoin": {"TDMNPB": 1}, "value": 3}},
                "req.at_least.by_regoin",
                "unknown value key 'by_regoin'; did you mean 'by_region'?",
                "by_region, by_group, by_tag, by_year, by_date, value, unspecified, default, "
                "source, confidence, certainty",
            ),
            (
                {"at_least": {"by_region": {"TDMNPB": 1}, "defualt": 3}},
                "req.at_least.defualt",
                "unknown value key 'defualt'; did you mean 'default'?",
                "by_region, by_group, by_tag, by_year, by_date, value, unspecified, default, "
                "source, confidence, certainty",
            ),
            (
                {"at_least": {"value": 1, "missing": ["region", "X"]}},
                "req.at_least.missing",
                "unknown value key 'missing'",
                "by_region, by_group, by_tag, by_year, by_date, value, unspecified, default, "
                "source, confidence, certainty",
            ),
            (
                {"at_least": {"default": 1}},
                "req.at_least",
                "a value table needs exactly one of value, unspecified, by_region, by_group, "
                "by_tag, by_year, by_date",
                "one value",
            ),
            (
                {"at_least": {"value": 1, "by_region": {"A": 2}}},
                "req.at_least",
                "a value table needs exactly one of value, unspecified, by_region, by_group, "
                "by_tag, by_year, by_date",
                "one value",
            ),
            (
                {"at_least": {"value": "abc"}},
                "req.at_least.value",
                "'abc' is not a number",
                "a number such as 80 or 45.5",
            ),
            (
                {"at_least": {"value": 1, "confidence": "sure"}},
                "req.at_least.confidence",
                "unknown confidence 'sure'",
                "official, provincial, illustrative, unverified",
            ),
            (
                {"at_least": {"unspecified": "n", "missing": "DBSH"}},
                "req.at_least.missing",
                "'DBSH' is not a pair of names",
                '["region", "DBSH"]',
            ),
            (
                {"at_least": {"by_date": "2022"}},
                "req.at_least.by_date",
                "by_date needs a list of {from, until, value} tables",
                "a list",
            ),
            (
                {"at_least": {"by_date": []}},
                "req.at_least.by_date",
                "by_date needs a list of {from, until, value} tables",
                "a list",
            ),
            (
                {"at_least": {"by_date": [5]}},
                "req.at_least.by_date[0]",
                "5 is not a table",
                "{from, until, value}",
            ),
            (
                {
                    "at_least": {
                        "by_date": [
                            {"from": "2022-01-01", "until": "2022-12-31", "value": 1},
                            {"from": "2022-06-01", "until": "2023-12-31", "value": 2},
                        ]
                    }
                },
                "req.at_least.by_date",
                "periods 2022-01-01/2022-12-31 and 2022-06-01/2023-12-31 overlap",
                "disjoint periods",
            ),
            (
                {
                    "at_least": {
                        "by_date": [{"from": "2022-12-01", "until": "2022-01-01", "value": 1}]
                    }
                },
                "req.at_least.by_date[0]",
                "period starts on 2022-12-01, after its end 2022-01-01",
                "start <= end",
            ),
            (
                {"at_least": {"by_date": [{"from": 2022, "until": "2022-12-31", "value": 1}]}},
                "req.at_least.by_date[0].from",
                "2022 is not a date",
                "a date such as 2022-03-08",
            ),
            (
                {
                    "at_least": {
                        "by_date": [
                            {
                                "from": datetime.datetime(2022, 1, 1, 8),
                                "until": "2022-12-31",
                                "value": 1,
                            }
                        ]
                    }
                },
                "req.at_least.by_date[0].from",
                "datetime.datetime(2022, 1, 1, 8, 0) is not a date",
                "a date such as 2022-03-08",
            ),
            (
                {"at_least": {"by_date": [{"until": "2022-12-31", "value": 1}]}},
                "req.at_least.by_date[0].from",
                "None is not a date",
                "a date such as 2022-03-08",
            ),
            (
                {"at_least": {"by_date": [{"from": "2022-01-01", "until": "2022-12-31"}]}},
                "req.at_least.by_date[0].value",
                "None is not a number",
                "a number such as 80 or 45.5",
            ),
            (
                {
                    "at_least": {
                        "by_date": [
                            {"from": "2022-01-01", "until": "2022-12-31", "value": 1, "valeu": 1}
                        ]
                    }
                },
                "req.at_least.by_date[0].valeu",
                "unknown key 'valeu'; did you mean 'value'?",
                "from, until, value",
            ),
        ],
    )
    def test_one_problem(self, data: object, path: str, message: str, expected: str) -> None:
        _, problems = _problem(data)
        assert problems == [(path, message, expected)]

    @pytest.mark.parametrize(
        ("text", "hint"), [("2022-13-01", "there is no month 13"), ("x", "ISO '2022-06-15'")]
    )
    def test_unreadable_dates(self, text: str, hint: str) -> None:
        data = {"at_least": {"by_date": [{"from": text, "until": "2022-12-31", "value": 1}]}}
        _, problems = read(data)
        [problem] = problems
        assert problem.key_path == "req.at_least.by_date[0].from"
        assert problem.message.startswith(f"cannot parse {text!r}")
        # the date parser's own message carries what was expected
        assert "expected a day-first date" in str(problem)
        assert hint in str(problem)

    def test_default_problems_have_their_own_path(self) -> None:
        _, problems = _problem({"at_least": {"by_region": {"A": 1}, "default": "x"}})
        assert problems == [
            ("req.at_least.default", "'x' is not a number", "a number such as 80 or 45.5")
        ]


class TestManyProblems:
    DOCUMENT: ClassVar[dict[str, Any]] = {
        "all_of": [
            {"atleast": 1},
            {"at_least": True},
            {"between": [3, 1]},
            {"at_least": {"by_group": {"4": 1}, "default": "x"}},
            {"at_most": {"by_year": {"22": 1, "2023": "abc"}}},
            {"equals": 1, "at_most": 2},
            {},
        ]
    }
    EXPECTED_PATHS: tuple[str, ...] = (
        "req.all_of[0].atleast",
        "req.all_of[1].at_least",
        "req.all_of[2].between",
        "req.all_of[3].at_least.default",
        'req.all_of[3].at_least.by_group."4"',
        'req.all_of[4].at_most.by_year."22"',
        'req.all_of[4].at_most.by_year."2023"',
        "req.all_of[5]",
        "req.all_of[6]",
    )

    def test_every_problem_is_collected(self) -> None:
        result, problems = read(self.DOCUMENT)
        assert result is None
        assert len(problems) == 9
        assert sorted(where(problems)) == sorted(self.EXPECTED_PATHS)
        assert all(p.expected for p in problems)

    def test_raise_if_any_reports_them_all(self) -> None:
        problems = Problems()
        requirement_from_data(self.DOCUMENT, "req", problems)
        with pytest.raises(DataErrors) as caught:
            problems.raise_if_any("set.toml")
        error = caught.value
        assert error.file == "set.toml"
        assert len(error.errors) == 9
        text = str(error)
        assert text.startswith("set.toml: 9 problems:\n")
        assert (
            "  - req.all_of[0].atleast: unknown operator 'atleast'; did you mean 'at_least'?"
            in (text)
        )
        assert isinstance(error, NtmError)


class TestProblems:
    def test_empty(self) -> None:
        problems = Problems()
        assert not problems
        problems.raise_if_any("x.toml")  # nothing to raise

    def test_add(self) -> None:
        problems = Problems()
        problems.add("a.b", "bad", expected="good")
        problems.add("", "top")
        assert problems
        assert [(p.key_path, p.message, p.expected) for p in problems.items] == [
            ("a.b", "bad", "good"),
            (None, "top", None),
        ]

    def test_add_error_joins_paths(self) -> None:
        problems = Problems()
        problems.add_error("req", DataError("inner", key_path="x", expected="y"))
        problems.add_error("req", DataError("index", key_path="[2]"))
        problems.add_error("", DataError("bare", key_path="z"))
        problems.add_error("req", DataError("none"))
        assert [(p.key_path, p.message, p.expected) for p in problems.items] == [
            ("req.x", "inner", "y"),
            ("req[2]", "index", None),
            ("z", "bare", None),
            ("req", "none", None),
        ]

    def test_add_error_flattens_a_group(self) -> None:
        problems = Problems()
        group = DataErrors([DataError("a", key_path="x"), DataError("b", expected="e")])
        problems.add_error("p", group)
        assert [(p.key_path, p.message, p.expected) for p in problems.items] == [
            ("p.x", "a", None),
            ("p", "b", "e"),
        ]

    def test_add_error_keeps_other_messages(self) -> None:
        problems = Problems()
        problems.add_error("p", ParseError("'x'", expected="a date"))
        assert [(p.key_path, p.message) for p in problems.items] == [
            ("p", "cannot parse 'x' (expected a date)")
        ]


# =========================================================================== describe


class TestDescribe:
    @pytest.mark.parametrize(
        ("requirement", "unit", "vi", "en"),
        [
            (AtLeast(Fixed(F(1814, 25))), "percent", "≥ 72,56%", "≥ 72.56%"),
            (
                AtLeast(Fixed(45)),
                "million_VND / person / year",
                "≥ 45 triệu đồng/người/năm",
                "≥ 45 million VND/person/year",
            ),
            (
                AtMost(Fixed(2160)),
                "million_VND / person / year",
                "≤ 2.160 triệu đồng/người/năm",
                "≤ 2,160 million VND/person/year",
            ),
            (
                AtLeast(Fixed(1_500_000)),
                "VND / person / month",
                "≥ 1.500.000 đồng/người/tháng",
                "≥ 1,500,000 VND/person/month",
            ),
            (Equals(Fixed(100)), "percent", "= 100%", "= 100%"),
            (AtLeast(Fixed(5)), "dimensionless", "≥ 5", "≥ 5"),
            (AtLeast(Fixed(F(1, 3))), None, "≥ 0,33", "≥ 0.33"),
            (AtLeast(Fixed(F(83, 2))), None, "≥ 41,5", "≥ 41.5"),
            (
                Between(Fixed(1), Fixed(F(5, 2))),
                "km",
                "từ 1 km đến 2,5 km",
                "between 1 km and 2.5 km",
            ),
            (Achieved(), None, "đạt", "achieved"),
            (OneOf(("Tốt", "Khá")), None, "một trong: Tốt, Khá", "one of: Tốt, Khá"),
            (Unspecified(), None, "chưa quy định ngưỡng", "threshold not specified"),
            (
                Unspecified("UBND cấp tỉnh quy định"),
                None,
                "chưa quy định ngưỡng: UBND cấp tỉnh quy định",
                "threshold not specified: UBND cấp tỉnh quy định",
            ),
            (
                Unspecified(missing=("group", "4")),
                None,
                "chưa quy định ngưỡng: không có giá trị cho nhóm xã 4",
                "threshold not specified: no value for commune group 4",
            ),
            (
                AtMost(Unspecified("UBND cấp tỉnh quy định")),
                "percent",
                "≤ ? (chưa quy định ngưỡng: UBND cấp tỉnh quy định)",
                "≤ ? (threshold not specified: UBND cấp tỉnh quy định)",
            ),
            (
                AtLeast(Unspecified(missing=("region", "DBSH"))),
                "percent",
                "≥ ? (chưa quy định ngưỡng: không có giá trị cho vùng DBSH)",
                "≥ ? (threshold not specified: no value for region DBSH)",
            ),
            (AtLeast(ByRegion({"A": Fixed(1)})), "percent", "≥ [theo vùng]", "≥ [by region]"),
            (
                AtLeast(ByGroup({1: Fixed(1)})),
                None,
                "≥ [theo nhóm xã]",
                "≥ [by commune group]",
            ),
            (
                AtLeast(ByTag([("island", Fixed(1))])),
                None,
                "≥ [theo loại xã]",
                "≥ [by locality tag]",
            ),
            (AtLeast(YEARS_2022_2023), None, "≥ [theo năm]", "≥ [by year]"),
            (Ref("13.1"), None, "13.1", "13.1"),
            (AllOf([Ref("1"), Ref("2")]), None, "1 và 2", "1 and 2"),
            (AnyOf([Achieved(), Ref("2")]), None, "đạt hoặc 2", "achieved or 2"),
            (
                AtLeastK(2, [Ref("a"), Ref("b"), Ref("c")]),
                None,
                "ít nhất 2 trong: a, b, c",
                "at least 2 of: a, b, c",
            ),
            (
                AllOf([AtLeast(Fixed(10)), AtMost(Fixed(20))]),
                "percent",
                "≥ 10% và ≤ 20%",
                "≥ 10% and ≤ 20%",
            ),
        ],
    )
    def test_phrase(self, requirement: Any, unit: str | None, vi: str, en: str) -> None:
        assert describe(requirement, unit) == vi
        assert describe(requirement, unit, "vi") == vi
        assert describe(requirement, unit, lang="en") == en

    def test_unknown_language(self) -> None:
        with pytest.raises(UnknownCodeError, match="unknown language 'fr'"):
            describe(Achieved(), lang="fr")


# =========================================================================== known bugs


class TestRegressions:
    """Bugs found while writing these tests, fixed since: each test keeps them fixed."""

    def test_by_year_key_of_superscript_digits_is_a_problem(self) -> None:
        _, problems = _problem({"at_least": {"by_year": {"¹²³⁴": 1}}})
        assert [p[0] for p in problems] == ['req.at_least.by_year."¹²³⁴"']

    def test_by_year_key_0000_is_a_problem_at_its_path(self) -> None:
        _, problems = read_value({"by_year": {"0000": 1}})
        assert [p.key_path for p in problems] == ['v.by_year."0000"']

    @pytest.mark.parametrize("number", [Decimal("NaN"), Decimal("Infinity")])
    def test_decimal_nan_is_a_problem(self, number: Decimal) -> None:
        problems = Problems()
        assert number_from_data(number, "x", problems) is None
        assert [p.key_path for p in problems.items] == ["x"]

    def test_large_fraction_to_data(self) -> None:
        number = F(10**400 + 1, 2)
        assert number_from_data(number_to_data(number), "", Problems()) == number

    @pytest.mark.parametrize(
        "value",
        [ByRegion({"A": Fixed(1)}), ByGroup({1: Fixed(1)}), AtLeast(ByRegion({"A": Fixed(1)}))],
    )
    def test_values_are_hashable(self, value: object) -> None:
        assert hash(value) == hash(value)

    @pytest.mark.parametrize(
        "requirement",
        [
            AtLeast(ByRegion({}, default=Fixed(1))),
            AtLeast(ByGroup({}, default=Fixed(1))),
            AtLeast(ByTag((), default=Fixed(1))),
            AtLeast(ByDate((), default=Fixed(1))),
            Unspecified(missing=("region", "DBSH")),
        ],
    )
    def test_constructed_requirements_round_trip(self, requirement: Any) -> None:
        assert read(requirement_to_data(requirement)) == (requirement, [])

    def test_between_with_low_above_high_is_refused_when_built(self) -> None:
        with pytest.raises(DataError, match="low 3 is above high 1"):
            Between(Fixed(3), Fixed(1))

    def test_provenance_on_a_by_table_is_not_lost(self) -> None:
        value, problems = read_value({"by_region": {"TDMNPB": 39}, "source": "QĐ 1"})
        kept = any(case.provenance is not None for case in value.cases.values())
        assert problems or kept

    def test_fixed_from_a_float_is_its_decimal_value(self) -> None:
        assert evaluate(AtLeast(Fixed(72.56)), F("72.56")).status is Status.MET

    def test_nested_composites_are_described_unambiguously(self) -> None:
        left = AnyOf([AllOf([Ref("a"), Ref("b")]), Ref("c")])
        right = AllOf([Ref("a"), AnyOf([Ref("b"), Ref("c")])])
        assert describe(left) != describe(right)
