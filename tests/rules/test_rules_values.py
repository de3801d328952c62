"""Tests for :mod:`ntm_criteria.rules`: threshold values: fixed, by region, group, tag and date; provenance; confidence; unspecified."""

from __future__ import annotations

import datetime
from decimal import Decimal
from fractions import Fraction
from typing import Any

import pytest
from rules_support import (
    OFFICIAL,
    D,
    F,
    ctx,
)

from ntm_criteria.errors import DataError
from ntm_criteria.periods import Period
from ntm_criteria.rules import (
    ByDate,
    ByGroup,
    ByRegion,
    ByTag,
    Confidence,
    Fixed,
    Provenance,
    Unspecified,
    resolve,
)

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
            (OFFICIAL, "vi", "318/QĐ-TTg, Annex I (chính thức, độ tin cậy cao)"),
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
