"""ntm_criteria.poverty: standards as data, households, classification, rates, batches, CSV."""

from __future__ import annotations

import datetime
import json
import sys
import warnings
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest

from ntm_criteria import Locality, Observation, assess, demo
from ntm_criteria.errors import (
    DataError,
    DataErrors,
    NotInForceError,
    NtmError,
    ObservationError,
    UnitError,
    UnknownCodeError,
)
from ntm_criteria.poverty import (
    Area,
    Headcount,
    Household,
    HouseholdTable,
    PovertyStatus,
    classify,
    default_standards,
    load_standards,
    loads_standards,
    rates,
    rates_by,
    read_households,
    reads_households,
    to_observation,
)
from ntm_criteria.rules import (
    AtLeastK,
    AtMost,
    ByDate,
    Confidence,
    Fixed,
    Status,
    UnknownReason,
    Unspecified,
)
from ntm_criteria.units import Q_

DATA = Path(__file__).parent / "data" / "poverty"
REFERENCE = Path(__file__).parent / "data" / "reference" / "urban_poverty_ocop.json"

CODES = (
    "employment",
    "dependants",
    "nutrition",
    "health_insurance",
    "adult_education",
    "school_attendance",
    "housing_quality",
    "floor_area",
    "water",
    "latrine",
    "telecom",
    "information_means",
)
MID_2023 = datetime.date(2023, 6, 15)


def monthly(amount: int | float | Fraction) -> Q_:
    return Q_(amount, "VND / person / month")


def household(
    income: object = 1_000_000,
    deprived: int | tuple[str, ...] = 0,
    *,
    area: str = "rural",
    known: bool = True,
    hid: str = "H01",
    **fields: object,
) -> Household:
    """A household deprived in the first ``deprived`` indicators, the others False (or unknown)."""
    chosen = CODES[:deprived] if isinstance(deprived, int) else deprived
    flags = {c: True if c in chosen else (False if known else None) for c in CODES}
    value = monthly(income) if isinstance(income, int | float | Fraction) else income
    return Household(hid, area, 4, value, flags, **fields)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- standards


class TestStandards:
    def test_three_standards_cover_2016_to_2030_without_gaps(self):
        standards = default_standards()
        assert [s.id for s in standards] == ["qd-59-2015", "nd-07-2021", "nd-351-2025"]
        assert standards.validity_label() == "2016-01-01 – 2030-12-31"
        expected = {
            "2016-01-01": "qd-59-2015",
            "2020-12-31": "qd-59-2015",
            "2021-01-01": "qd-59-2015",  # Decree 07/2021: the old standard applied in 2021
            "2021-12-31": "qd-59-2015",
            "2022-01-01": "nd-07-2021",
            "2025-12-31": "nd-07-2021",
            "2026-01-01": "nd-07-2021",  # continued for 2026 by Decree 351/2025
            "2026-12-31": "nd-07-2021",
            "2027-01-01": "nd-351-2025",
            "2030-12-31": "nd-351-2025",
        }
        for day, standard_id in expected.items():
            assert standards.in_force(day).id == standard_id, day

    @pytest.mark.parametrize("day", ["2015-12-31", "2031-01-01"])
    def test_no_standard_outside_2016_2030(self, day):
        with pytest.raises(NotInForceError, match=day):
            default_standards().in_force(day)
        with pytest.raises(NotInForceError):
            classify(household(), on=day)

    def test_2026_rests_on_decree_351(self):
        s = default_standards().get("nd-07-2021")
        assert "351/2025" in s.basis("2026-03-01").provenance.source
        assert "07/2021" in s.basis("2025-03-01").provenance.source
        with pytest.raises(NotInForceError):
            s.basis("2027-01-01")

    @pytest.mark.parametrize(
        ("day", "rural", "urban"),
        [
            ("2018-06-30", 700_000, 900_000),
            ("2021-06-30", 700_000, 900_000),
            ("2022-01-01", 1_500_000, 2_000_000),
            ("2026-12-31", 1_500_000, 2_000_000),
            ("2027-01-01", 2_200_000, 2_800_000),
            ("2030-12-31", 2_200_000, 2_800_000),
        ],
    )
    def test_lines(self, day, rural, urban):
        standards = default_standards()
        for area, amount in (("rural", rural), ("urban", urban)):
            line = standards.line(area, day)
            assert line == standards.in_force(day).line(area, day)
            assert isinstance(line, Fixed)
            assert line.amount == amount
            assert line.provenance.confidence is Confidence.OFFICIAL
            assert line.provenance.certainty == "high"
            assert line.provenance.source

    def test_income_lines_are_one_by_date_value(self):
        lines = default_standards().income_lines
        assert isinstance(lines, ByDate)
        assert len(lines.cases) == 5  # 2016–20, 2021, 2022–25, 2026, 2027–30

    def test_decree_07_has_12_indicators_in_6_dimensions(self):
        s = default_standards().get("nd-07-2021")
        assert s.indicator_codes == CODES
        assert {d.code: d.indicators for d in s.dimensions} == {
            "employment": ("employment", "dependants"),
            "health": ("nutrition", "health_insurance"),
            "education": ("adult_education", "school_attendance"),
            "housing": ("housing_quality", "floor_area"),
            "water_sanitation": ("water", "latrine"),
            "information": ("telecom", "information_means"),
        }
        assert s.deprivation_provenance.certainty == "high"
        for indicator in s.indicators:
            assert indicator.name_vi
            assert indicator.name_en
            # the cut-offs come from an unofficial note, or are missing
            if isinstance(indicator.definition, str):
                assert indicator.provenance.confidence is Confidence.UNVERIFIED
                assert indicator.provenance.certainty == "low"
        assert isinstance(s.indicator("telecom").definition, Unspecified)
        assert "8 m²" in s.indicator("floor_area").definition

    def test_the_cut_of_3_and_its_certainty(self):
        s07 = default_standards().get("nd-07-2021")
        rule = s07.deprivation_rule
        assert isinstance(rule, AtLeastK)
        assert rule.k == 3
        assert len(rule.items) == 12
        assert s07.min_deprivations.provenance.certainty == "medium"
        assert s07.min_deprivations.provenance.confidence is Confidence.UNVERIFIED
        s351 = default_standards().get("nd-351-2025")
        assert s351.min_deprivations.amount == 3
        assert s351.min_deprivations.provenance.confidence is Confidence.OFFICIAL
        assert s351.min_deprivations.provenance.certainty == "high"

    def test_what_is_unspecified(self):
        s59 = default_standards().get("qd-59-2015")
        assert isinstance(s59.min_deprivations, Unspecified)
        assert isinstance(s59.indicators, Unspecified)
        assert s59.dimensions == ()
        s351 = default_standards().get("nd-351-2025")
        assert isinstance(s351.indicators, Unspecified)
        assert isinstance(s351.deprivation_rule, Unspecified)
        assert s351.indicator_codes == ()
        assert [d.code for d in s351.dimensions] == [
            "employment",
            "health",
            "education",
            "housing",
            "information",
            "water_sanitation_environment",
        ]
        assert s351.deprivation_provenance.certainty == "medium"
        with pytest.raises(UnknownCodeError):
            s351.indicator("water")

    def test_income_requirement_is_at_most_the_line(self):
        req = default_standards().get("nd-07-2021").income_requirement(Area.RURAL, MID_2023)
        assert isinstance(req, AtMost)
        assert req.value.amount == 1_500_000

    def test_lookups(self):
        with pytest.raises(UnknownCodeError, match="poverty standard"):
            default_standards().get("nd-99")
        with pytest.raises(UnknownCodeError, match="dimension"):
            default_standards().get("nd-07-2021").dimension("wealth")
        assert len(default_standards()) == 3


@pytest.fixture(scope="module")
def ref():
    if not REFERENCE.exists():
        pytest.skip("reference copy missing")
    return json.loads(REFERENCE.read_text(encoding="utf-8"))["topic3_multidimensional_poverty"]


class TestAgainstTheReference:
    """Every poverty value of the reference (copied in tests/data/reference) is in the data."""

    def test_lines(self, ref):
        s = default_standards()
        now = ref["standard_2021_2025"]["income_thresholds_vnd_per_person_per_month"]
        old = ref["standard_2021_2025"]["previous_2016_2020_income_lines"]
        new = ref["standard_2026_2030"]["income_thresholds_vnd_per_person_per_month"]
        for area in ("rural", "urban"):
            assert s.line(area, "2023-01-01").amount == now[area]
            assert s.line(area, "2018-01-01").amount == old[area]
            assert s.line(area, "2028-01-01").amount == new[area]

    def test_indicators_and_dimensions(self, ref):
        s07 = default_standards().get("nd-07-2021")
        dims = ref["standard_2021_2025"]["dimensions_and_indicators"]
        assert len(dims) == len(s07.dimensions) == 6
        for ref_dim, dim in zip(dims, s07.dimensions, strict=True):
            assert ref_dim["dimension"].startswith(dim.name_vi)
            names = [s07.indicator(code).name_vi for code in dim.indicators]
            assert [i.split(" (")[0] for i in ref_dim["indicators"]] == names
        s351 = default_standards().get("nd-351-2025")
        assert [d.name_vi.lower() for d in s351.dimensions] == ref["standard_2026_2030"][
            "dimensions"
        ]
        assert ref["standard_2026_2030"]["indicators_final"] is None


class TestLoadingStandards:
    def test_every_mistake_is_reported_at_once(self):
        with pytest.raises(DataErrors) as caught:
            load_standards(DATA / "bad_standards.toml")
        err = caught.value
        assert err.file.endswith("bad_standards.toml")
        paths = {e.key_path for e in err.errors}
        assert paths == {
            "colour",
            "standards[0].title_en",
            "standards[0].in_force[0].until",
            "standards[0].in_force[0].confidence",
            "standards[0].income_line.unit",
            "standards[0].income_line.value.by_tag.mountain",
            "standards[0].classification.min_deprivations.source",
            "standards[0].deprivation.dimensions[0].indicators[0].definition",
            "standards[1].classification.min_deprivations",
        }
        text = str(err)
        assert "9 problems" in text
        assert "does not fit 2 indicators" in text

    def test_invalid_toml_names_the_line(self):
        with pytest.raises(DataErrors) as caught:
            loads_standards("[[standards]]\nid = \n", file="p.toml")
        assert caught.value.errors[0].line == 2
        assert str(caught.value).startswith("p.toml: 1 problem")

    @pytest.mark.parametrize(
        ("text", "path"),
        [
            ("", "standards"),
            ("format = 2\nstandards = []", "format"),
            ("standards = [1]", "standards[0]"),
        ],
    )
    def test_structure(self, text, path):
        with pytest.raises(DataErrors) as caught:
            loads_standards(text)
        assert path in {e.key_path for e in caught.value.errors}

    def test_overlapping_standards(self):
        one = """
[[standards]]
id = "{id}"
title_vi = "X"
title_en = "X"
legal_basis = "illustrative"
in_force = [{{ from = {start}, until = {end}, source = "made up", confidence = "illustrative" }}]
income_line = {{ unit = "VND/person/month", value = 10, source = "made up" }}
classification = {{ min_deprivations = "unspecified" }}
deprivation = {{ indicators = "unspecified" }}
"""
        text = one.format(id="a", start="2030-01-01", end="2030-12-31") + one.format(
            id="b", start="2030-06-01", end="2031-12-31"
        )
        with pytest.raises(DataErrors, match="overlap"):
            loads_standards(text)
        text = one.format(id="a", start="2030-01-01", end="2030-12-31") + one.format(
            id="a", start="2031-01-01", end="2031-12-31"
        )
        with pytest.raises(DataErrors, match="duplicate standard id"):
            loads_standards(text)

    def test_a_users_own_standard(self):
        custom = loads_standards(
            """
[[standards]]
id = "province-x"
title_vi = "Chuẩn tỉnh X"
title_en = "Province X standard"
legal_basis = "illustrative"
in_force = [{ from = 2030-01-01, until = 2030-12-31, source = "made up", confidence = "illustrative" }]
income_line = { unit = "million_VND/person/year", value = { by_tag = { rural = 30 } }, source = "made up", confidence = "illustrative" }
classification = { min_deprivations = { value = 1, source = "made up", confidence = "illustrative" } }
[standards.deprivation]
source = "made up"
[[standards.deprivation.dimensions]]
code = "water"
name_vi = "Nước"
name_en = "Water"
indicators = [{ code = "water", name_vi = "Nước", name_en = "Water", definition = "no clean water" }]
"""
        )
        s = custom.get("province-x")
        assert s.line("rural", "2030-01-01").amount == 2_500_000  # 30 million a year
        urban = s.line("urban", "2030-01-01")
        assert isinstance(urban, Unspecified)
        assert urban.missing == ("tag", "urban")
        poor = Household("A", "rural", 2, monthly(2_500_000), {"water": True})
        c = classify(poor, on="2030-05-05", standards=custom)
        assert c.status is PovertyStatus.POOR
        assert not c.is_trusted
        assert "illustrative" in c.explain("en") or "minh họa" in c.explain("vi")
        town = Household("B", "urban", 2, monthly(100), {"water": True})
        c = classify(town, on="2030-05-05", standards=custom)
        assert (c.status, c.reason) == (PovertyStatus.UNKNOWN, UnknownReason.UNSPECIFIED)
        assert "income line not specified" in c.summary("en")

    def test_unreadable_files(self, tmp_path):
        with pytest.raises(DataError, match="cannot read"):
            load_standards(tmp_path / "missing.toml")
        bad = tmp_path / "latin1.toml"
        bad.write_bytes("title = 'đ'".encode("utf-16"))
        with pytest.raises(DataError, match="not UTF-8"):
            load_standards(bad)


# --------------------------------------------------------------------------- households


class TestHousehold:
    @pytest.mark.parametrize(
        "income",
        [
            Q_(1_500_000, "VND/person/month"),
            Q_(18_000_000, "VND/person/year"),
            Q_(18, "million_VND/person/year"),
            Q_(1.5, "million_VND/person/month"),
            Q_(Decimal("1500"), "thousand_VND/person/month"),
            Q_(Fraction(18_000_000), "đồng/người/năm"),
        ],
    )
    def test_any_currency_per_person_per_time(self, income):
        h = Household("H", "rural", 3, income)
        assert h.monthly_income == 1_500_000
        assert classify(h, on=MID_2023).income_verdict.status is Status.MET

    def test_a_day_converts_exactly(self):
        h = Household("H", "rural", 3, Q_(1, "VND/person/day"))
        assert h.monthly_income == Fraction(487, 16)  # a month is 365.25 / 12 days

    def test_income_per_household_is_refused_by_name(self):
        with pytest.raises(UnitError, match=r"household H9: income .*household.*divide"):
            Household("H9", "rural", 4, Q_(6_000_000, "VND/household/month"))

    @pytest.mark.parametrize(
        ("income", "error", "message"),
        [
            (1_500_000, UnitError, "has no unit"),
            (Q_(3, "kg"), UnitError, "does not convert"),
            (Q_(float("nan"), "VND/person/month"), UnitError, "household H: .*finite"),
            (Q_(-1, "VND/person/month"), DataError, "negative"),
        ],
    )
    def test_bad_incomes(self, income, error, message):
        with pytest.raises(error, match=message):
            Household("H", "rural", 1, income)

    @pytest.mark.parametrize(
        ("fields", "message"),
        [
            ({"id": ""}, "id"),
            ({"members": 0}, "members 0"),
            ({"members": True}, "members True"),
            ({"members": 2.0}, "members 2.0"),
            ({"area": "highland"}, "unknown area"),
            ({"deprivations": {"water": "yes"}}, "deprivation 'water'"),
            ({"deprivations": ["water"]}, "not a mapping"),
            ({"extra": "village"}, "not a mapping"),
            ({"commune": 4036}, "commune"),
        ],
    )
    def test_bad_fields(self, fields, message):
        args = {"id": "H", "area": "rural", "members": 1, "income": None, **fields}
        with pytest.raises(DataError, match=message):
            Household(**args)

    @pytest.mark.parametrize(
        ("text", "area"),
        [
            ("rural", Area.RURAL),
            ("Nông thôn", Area.RURAL),
            ("nong thon", Area.RURAL),
            ("urban", Area.URBAN),
            ("thành thị", Area.URBAN),
            ("  Khu vực  đô thị ", Area.URBAN),
            (Area.URBAN, Area.URBAN),
        ],
    )
    def test_areas(self, text, area):
        assert Area.parse(text) is area

    def test_area_refuses_other_values(self):
        for value in ("", "mountain", None, 1):
            with pytest.raises(DataError):
                Area.parse(value)


# --------------------------------------------------------------------------- classify


class TestBoundaries:
    def test_rural_line_on_15_6_2023(self):
        at = classify(household(1_500_000, 3), on=MID_2023)
        assert at.status is PovertyStatus.POOR
        assert at.income_verdict.status is Status.MET
        assert at.gap is None
        assert classify(household(1_500_000, 0), on=MID_2023).status is PovertyStatus.NEAR_POOR
        over = classify(household(1_500_001, 12), on=MID_2023)
        assert over.status is PovertyStatus.ABOVE_LINE
        assert over.gap == 1
        assert over.income_verdict.relative_gap == Fraction(1, 1_500_000)

    def test_urban_line(self):
        assert classify(household(2_000_000, 3, area="urban"), on=MID_2023).status is (
            PovertyStatus.POOR
        )
        assert classify(household(2_000_001, 3, area="urban"), on=MID_2023).status is (
            PovertyStatus.ABOVE_LINE
        )

    def test_a_yearly_income_at_the_line(self):
        yearly = household(Q_(18_000_000, "VND/person/year"), 3)
        assert classify(yearly, on=MID_2023).status is PovertyStatus.POOR
        just_over = household(Q_(18_000_001, "VND/person/year"), 3)
        c = classify(just_over, on=MID_2023)
        assert c.status is PovertyStatus.ABOVE_LINE
        assert c.gap == Fraction(1, 12)

    @pytest.mark.parametrize(
        ("day", "line", "area"),
        [
            ("2019-05-01", 700_000, "rural"),
            ("2021-12-31", 900_000, "urban"),
            ("2025-12-31", 1_500_000, "rural"),
            ("2026-06-30", 2_000_000, "urban"),
            ("2027-01-01", 2_200_000, "rural"),
            ("2030-12-31", 2_800_000, "urban"),
        ],
    )
    def test_every_line_is_inclusive(self, day, line, area):
        assert classify(household(line, area=area), on=day).income_verdict.status is Status.MET
        over = classify(household(line + 1, area=area), on=day).income_verdict
        assert over.status is Status.NOT_MET

    def test_the_switch_from_2026_to_2027(self):
        h = household(2_000_000, 12)
        before = classify(h, on="31/12/2026")
        after = classify(h, on="1/1/2027")
        assert before.line.amount == 1_500_000
        assert after.line.amount == 2_200_000
        assert before.status is PovertyStatus.ABOVE_LINE
        # At or below the new line, but the 2027–2030 indicators are unspecified.
        assert (after.status, after.reason) == (PovertyStatus.UNKNOWN, UnknownReason.UNSPECIFIED)
        assert after.standard.id == "nd-351-2025"
        assert "poor or near-poor" in after.summary("en")
        assert classify(household(2_200_001), on="1/1/2027").status is PovertyStatus.ABOVE_LINE

    def test_the_switch_from_2021_to_2022(self):
        h = household(1_000_000, 12)
        old = classify(h, on="2021-12-31")
        assert old.income_verdict.status is Status.NOT_MET  # above 700,000
        # ...but Decision 59/2015's rule is not in the data: undetermined, never "not poor".
        assert (old.status, old.reason) == (PovertyStatus.UNKNOWN, UnknownReason.UNSPECIFIED)
        assert "classification rule not specified" in old.summary("en")
        assert classify(h, on="2022-01-01").status is PovertyStatus.POOR


class TestClassification:
    def test_the_example_of_the_brief(self):
        h = Household(
            "H01",
            "rural",
            4,
            monthly(1_400_000),
            {"employment": True, "health_insurance": True, "latrine": True},
        )
        c = classify(h, on=MID_2023)
        assert c.summary() == (
            "Hộ H01: hộ nghèo — thu nhập 1.400.000 ≤ 1.500.000 đồng/người/tháng; "
            "thiếu hụt 3 chỉ số (cần ≥ 3): việc làm, bảo hiểm y tế, nhà tiêu hợp vệ sinh"
        )
        assert c.summary("en") == (
            "Household H01: poor household — income 1,400,000 ≤ 1,500,000 VND/person/month; "
            "deprived in 3 indicators (poor needs ≥ 3): employment, health insurance, "
            "hygienic latrine"
        )
        assert c.deprived == ("employment", "health_insurance", "latrine")
        assert c.deprived_dimensions == ("employment", "health", "water_sanitation")
        assert len(c.unknown_indicators) == 9
        assert c.deprivation_verdict.status is Status.MET
        assert c.basis.provenance.confidence is Confidence.OFFICIAL
        explained = c.explain("vi").splitlines()
        assert explained[0] == c.summary()
        assert explained[1].startswith("Chuẩn: Chuẩn nghèo đa chiều giai đoạn 2022–2025")
        # the cut of 3 is graded medium in the reference, and the result says so
        assert explained[2].startswith("Lưu ý: ngưỡng 3 chỉ số thiếu hụt")
        assert not c.is_trusted

    def test_near_poor(self):
        c = classify(household(1_200_000, ("water", "latrine")), on=MID_2023)
        assert c.status is PovertyStatus.NEAR_POOR
        assert c.deprivation_verdict.gap == 1
        assert c.summary() == (
            "Hộ H01: hộ cận nghèo — thu nhập 1.200.000 ≤ 1.500.000 đồng/người/tháng; "
            "thiếu hụt 2 chỉ số (dưới 3): nguồn nước sinh hoạt, nhà tiêu hợp vệ sinh"
        )
        c = classify(household(1_200_000, 0), on=MID_2023)
        assert c.summary("en").endswith("deprived in no indicator (fewer than 3)")

    def test_above_the_line_is_trusted(self):
        c = classify(household(3_000_000, 5), on=MID_2023)
        assert c.status is PovertyStatus.ABOVE_LINE
        assert c.is_trusted  # decided by the official line alone
        assert c.summary("en") == (
            "Household H01: above the poverty line — income 3,000,000 > 1,500,000 "
            "VND/person/month; deprived in 5 indicators: employment, dependants in the "
            "household, nutrition, health insurance, adult education"
        )

    def test_unknown_when_three_cannot_be_decided(self):
        flags = {"water": True, "latrine": True, "telecom": None}
        c = classify(Household("H", "rural", 2, monthly(900_000), flags), on=MID_2023)
        assert (c.status, c.reason) == (PovertyStatus.UNKNOWN, UnknownReason.NO_DATA)
        assert c.deprivation_verdict.status is Status.UNKNOWN
        assert "hộ nghèo hoặc cận nghèo" in c.summary()
        # once the other ten are known not deprived, it is near-poor
        flags = dict.fromkeys(CODES, False) | {"water": True, "latrine": True}
        c = classify(Household("H", "rural", 2, monthly(900_000), flags), on=MID_2023)
        assert c.status is PovertyStatus.NEAR_POOR

    def test_three_deprivations_decide_whatever_is_unknown(self):
        flags = {"water": True, "latrine": True, "telecom": True}
        c = classify(Household("H", "rural", 2, monthly(900_000), flags), on=MID_2023)
        assert c.status is PovertyStatus.POOR

    def test_above_the_line_needs_no_deprivation_data(self):
        c = classify(Household("H", "rural", 2, monthly(9_000_000)), on=MID_2023)
        assert c.status is PovertyStatus.ABOVE_LINE

    def test_unknown_income(self):
        c = classify(Household("H", "urban", 2, None, dict.fromkeys(CODES, True)), on=MID_2023)
        assert (c.status, c.reason) == (PovertyStatus.UNKNOWN, UnknownReason.NO_DATA)
        assert c.summary("vi").startswith("Hộ H: chưa xác định — chưa có số liệu thu nhập")

    def test_unknown_indicator_codes_are_refused(self):
        h = Household("H", "rural", 2, monthly(1), {"wáter": True})
        with pytest.raises(UnknownCodeError, match="household H under 07/2021"):
            classify(h, on=MID_2023)
        # 2027–2030 has no indicator list yet: nothing to check against
        assert classify(h, on="2028-01-01").status is PovertyStatus.UNKNOWN

    def test_required_and_line_carry_provenance(self):
        c = classify(household(1), on=MID_2023)
        assert c.required == AtMost(c.line)
        assert "07/2021" in c.line.provenance.source
        assert c.on == MID_2023
        assert (c.area, c.members, c.household_id) == (Area.RURAL, 4, "H01")

    def test_labels(self):
        assert [s.label("vi") for s in PovertyStatus] == [
            "hộ nghèo",
            "hộ cận nghèo",
            "trên chuẩn nghèo",
            "chưa xác định",
        ]
        assert [s.label("en") for s in PovertyStatus] == [
            "poor household",
            "near-poor household",
            "above the poverty line",
            "undetermined",
        ]
        with pytest.raises(UnknownCodeError):
            PovertyStatus.POOR.label("fr")
        with pytest.raises(UnknownCodeError):
            classify(household(), on=MID_2023).explain("fr")


# --------------------------------------------------------------------------- rates


def commune_households() -> list[Household]:
    return [
        household(1_400_000, 3, hid="A1", commune="04036", extra={"village": "Bản Hụm"}),
        household(1_500_000, 1, hid="A2", commune="04036", extra={"village": "Bản Hụm"}),
        household(1_600_000, 12, hid="A3", commune="04036", extra={"village": "Bản Nà"}),
        household(1_000_000, ("water",), known=False, hid="A4", commune="04036"),
        household(2_000_000, 4, area="urban", hid="B1", commune="04039"),
        household(None, 0, area="urban", hid="B2", commune="04039"),
    ]


class TestRates:
    def test_whole_commune(self):
        r = rates(commune_households()[:4], on=MID_2023)
        assert (r.households, r.persons) == (4, 16)
        assert r.poor == Headcount(1, 3, 1)
        assert r.near_poor == Headcount(1, 3, 1)
        assert (r.poor_rate, r.near_poor_rate) == (Fraction(1, 3), Fraction(1, 3))
        assert (r.above_line, r.undetermined) == (1, 1)
        assert r.poor_or_near_poor == r.at_or_below_line == Headcount(3, 4, 0)
        assert (r.poor_persons, r.near_poor_persons) == (4, 4)
        # water: A3 deprived, A4 deprived, A1 and A2 not
        assert r.indicators["water"] == Headcount(2, 4, 0)
        # telecom: A3 deprived; A4's is unknown and left out of the denominator
        assert r.indicators["telecom"] == Headcount(1, 3, 1)
        assert r.dimensions["water_sanitation"] == Headcount(2, 4, 0)
        assert r.dimensions["information"] == Headcount(1, 3, 1)
        assert r.dimensions["employment"] == Headcount(3, 3, 1)
        assert list(r.indicators) == list(CODES)
        assert r.standard_id == "nd-07-2021"
        assert r.legal_basis == "07/2021/NĐ-CP"
        assert r.summary() == (
            "Tất cả hộ: hộ nghèo 1/3 (33,33%), hộ cận nghèo 1/3 (33,33%); 1 hộ chưa xác định"
        )

    def test_by_commune(self):
        groups = rates_by(commune_households(), "commune", on=MID_2023)
        assert list(groups) == ["04036", "04039"]
        assert groups["04039"].poor == Headcount(1, 1, 1)
        assert groups["04039"].group == "04039"
        assert groups["04039"].summary("en") == (
            "04039: poor 1/1 (100%), near-poor 0/1 (0%); 1 undetermined"
        )

    def test_by_extra_field_callable_and_area(self):
        homes = commune_households()
        by_village = rates_by(homes, "village", on=MID_2023)
        assert list(by_village) == ["Bản Hụm", "Bản Nà", None]
        assert by_village["Bản Hụm"].households == 2
        by_area = rates_by(homes, "area", on=MID_2023)
        assert set(by_area) == {Area.RURAL, Area.URBAN}
        by_size = rates_by(homes, lambda h: h.members > 3, on=MID_2023)
        assert list(by_size) == [True]
        with pytest.raises(UnknownCodeError, match="household field 'hamlet'"):
            rates_by(homes, "hamlet", on=MID_2023)

    def test_empty(self):
        r = rates([], on=MID_2023)
        assert r.households == 0
        assert r.poor.share is None
        assert rates_by([], "commune", on=MID_2023) == {}

    def test_under_a_standard_without_a_rule(self):
        r = rates(commune_households(), on="2019-01-01")
        assert r.undetermined == r.households == 6
        assert r.poor == Headcount(0, 0, 6)
        assert r.poor_or_near_poor == Headcount(0, 0, 6)
        assert r.at_or_below_line == Headcount(0, 5, 1)  # all above 700,000 / 900,000
        assert dict(r.indicators) == {} == dict(r.dimensions)

    def test_under_decree_351_poor_or_near_poor_is_known(self):
        r = rates(commune_households(), on="2027-06-30")
        assert r.poor.known == 0
        assert r.poor_or_near_poor == Headcount(5, 5, 1)

    def test_headcount_checks(self):
        with pytest.raises(DataError):
            Headcount(3, 2)
        with pytest.raises(DataError):
            Headcount(0, 1, -1)
        assert Headcount(1, 2, 3).total == 5


# --------------------------------------------------------------------------- table


def engines() -> list[str]:
    return ["python", "numpy"]


class TestTable:
    def test_from_columns_as_read_from_csv(self):
        columns = {
            "id": ["H1", "H2", "H3"],
            "area": ["nông thôn", "thành thị", "rural"],
            "members": ["4", "2", "3"],
            "income": ["18.000.000", "24.000.001", ""],
            "water": ["1", "0", "?"],
            "commune": ["X", "", "Y"],
            "village": ["a", None, "c"],
        }
        table = HouseholdTable.from_columns(columns, income_unit="VND/person/year")
        assert table.incomes == (1_500_000, Fraction(24_000_001, 12), None)
        assert table.deprivations["water"] == (True, False, None)
        assert table.communes == ("X", None, "Y")
        assert table.extra == {"village": ("a", None, "c")}
        assert len(table) == 3

    def test_from_python_and_numpy_values(self):
        import numpy as np

        table = HouseholdTable.from_columns(
            {
                "id": np.array(["a", "b", "c"]),
                "area": ["rural"] * 3,
                "members": np.array([1, 2, 3]),
                "income": np.array([1.5e6, float("nan"), 2.5]),
                "latrine": np.array([True, False, True]),
                "water": [1.0, float("nan"), 0],
            }
        )
        assert table.incomes == (1_500_000, None, Fraction(5, 2))
        assert table.members == (1, 2, 3)
        assert table.deprivations["latrine"] == (True, False, True)
        assert table.deprivations["water"] == (True, None, False)

    def test_column_problems_all_at_once(self):
        with pytest.raises(DataErrors) as caught:
            HouseholdTable.from_columns(
                {
                    "id": ["a", "b", "a"],
                    "area": ["rural", "moon", "urban"],
                    "members": [1, 2.5, "3"],
                    "income": [-1, "1.000", "1,2,3"],
                    "water": ["yes", 2, None],
                }
            )
        paths = [e.key_path for e in caught.value.errors]
        assert paths == [
            "income[0]",
            "area[1]",
            "members[1]",
            "water[1]",
            "income[2]",
            "id[2]",
        ]

    @pytest.mark.parametrize(
        ("columns", "message"),
        [
            ({"id": ["a"]}, "missing column"),
            ({"id": ["a", "b"], "area": ["rural"], "members": [1], "income": [1]}, "lengths"),
            ({"id": "ab", "area": [], "members": [], "income": []}, "not a column"),
        ],
    )
    def test_column_shape(self, columns, message):
        with pytest.raises(DataErrors, match=message):
            HouseholdTable.from_columns(columns)

    def test_direct_construction_is_checked(self):
        with pytest.raises(DataError, match="incomes has 0 values"):
            HouseholdTable(ids=["a"], areas=[Area.RURAL], members=[1], incomes=[])
        with pytest.raises(DataError, match="duplicate household id 'a'"):
            HouseholdTable(
                ids=["a", "a"], areas=[Area.RURAL] * 2, members=[1, 1], incomes=[None, None]
            )

    def test_round_trip_through_households(self):
        homes = commune_households()
        table = HouseholdTable.from_households(homes)
        assert table.households() == tuple(homes)
        assert HouseholdTable.from_households(table.households()) == table

    @pytest.mark.parametrize("engine", engines())
    def test_engines_agree_with_one_by_one(self, engine):
        homes = commune_households()
        table = HouseholdTable.from_households(homes)
        for day in ("2019-01-01", "2023-06-15", "2026-12-31", "2027-01-01"):
            expected = tuple(classify(h, on=day).status for h in homes)
            assert table.classify(on=day, engine=engine) == expected
            assert table.rates(on=day, engine=engine) == rates(homes, on=day)
            for by in ("commune", "village", "area", "id"):
                assert table.rates_by(by, on=day, engine=engine) == rates_by(homes, by, on=day)

    @pytest.mark.parametrize("engine", engines())
    def test_exact_near_the_line(self, engine):
        line = Fraction(1_500_000)
        incomes = [line, line + Fraction(1, 10**12), line - Fraction(1, 10**12), line / 3 * 3]
        homes = [
            Household(f"H{i}", "rural", 1, monthly(x), dict.fromkeys(CODES, True))
            for i, x in enumerate(incomes)
        ]
        table = HouseholdTable.from_households(homes)
        assert table.classify(on=MID_2023, engine=engine) == (
            PovertyStatus.POOR,
            PovertyStatus.ABOVE_LINE,
            PovertyStatus.POOR,
            PovertyStatus.POOR,
        )

    @pytest.mark.parametrize("engine", engines())
    def test_huge_values(self, engine):
        homes = [
            Household("a", "rural", 10**30, monthly(10**400), {"water": True}),
            Household("b", "rural", 10**30, monthly(Fraction(1, 3)), dict.fromkeys(CODES, True)),
        ]
        table = HouseholdTable.from_households(homes)
        r = table.rates(on=MID_2023, engine=engine)
        assert r == rates(homes, on=MID_2023)
        assert r.persons == 2 * 10**30

    def test_empty_table(self):
        table = HouseholdTable.from_columns({c: [] for c in ("id", "area", "members", "income")})
        for engine in engines():
            assert table.classify(on=MID_2023, engine=engine) == ()
            assert table.rates(on=MID_2023, engine=engine) == rates([], on=MID_2023)
            assert table.rates_by("commune", on=MID_2023, engine=engine) == {}

    def test_without_numpy(self, monkeypatch):
        homes = commune_households()
        table = HouseholdTable.from_households(homes)
        expected = table.rates(on=MID_2023, engine="python")
        monkeypatch.setitem(sys.modules, "numpy", None)  # import numpy now fails
        with pytest.warns(RuntimeWarning, match=r"pip install 'ntm_criteria\[fast\]'"):
            assert table.rates(on=MID_2023, engine="numpy") == expected
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            assert table.rates(on=MID_2023, engine="auto") == expected

    def test_unknown_engine_and_column(self):
        table = HouseholdTable.from_households(commune_households())
        with pytest.raises(UnknownCodeError, match="engine"):
            table.classify(on=MID_2023, engine="gpu")  # type: ignore[arg-type]
        with pytest.raises(UnknownCodeError, match="column 'hamlet'"):
            table.rates_by("hamlet", on=MID_2023)

    def test_indicator_codes_are_checked_against_the_standard(self):
        table = HouseholdTable.from_columns(
            {"id": ["a"], "area": ["rural"], "members": [1], "income": [1], "waste": ["1"]},
            indicators=["waste"],
        )
        with pytest.raises(UnknownCodeError, match="waste"):
            table.classify(on=MID_2023)
        assert table.classify(on="2027-06-01") == (PovertyStatus.UNKNOWN,)


# --------------------------------------------------------------------------- CSV


class TestCsv:
    def test_read_a_commune(self):
        table = read_households(DATA / "households.csv")
        assert table.ids == ("H01", "H02", "H03", "H04", "H05", "H06")
        assert table.incomes[3] == Fraction(2_500_001, 2)
        assert table.extra["village"][0] == "Bản Hụm"
        statuses = table.classify(on=MID_2023)
        assert statuses == (
            PovertyStatus.POOR,
            PovertyStatus.NEAR_POOR,
            PovertyStatus.ABOVE_LINE,
            PovertyStatus.UNKNOWN,
            PovertyStatus.POOR,
            PovertyStatus.UNKNOWN,
        )
        groups = table.rates_by("commune", on=MID_2023)
        assert groups["04036"].poor == Headcount(1, 3, 1)
        assert groups["04039"].poor == Headcount(1, 1, 1)

    def test_every_bad_row_is_reported_with_its_line(self):
        with pytest.raises(DataErrors) as caught:
            read_households(DATA / "households_bad.csv")
        found = [(e.line, e.key_path) for e in caught.value.errors]
        assert found == [
            (3, "area"),
            (4, "members"),
            (4, "income"),
            (5, "water"),
            (5, "id"),
            (6, None),
        ]
        text = str(caught.value)
        assert "households_bad.csv: 6 problems" in text
        assert "duplicate household id 'H01' (first at line 2)" in text
        assert "8 cells for 7 columns" in text

    def test_bom_blank_lines_and_a_yearly_unit(self):
        text = '\ufeffid,area,members,income\r\n\r\nA,rural,1,"18.000.000"\r\n,,,\r\n'
        table = reads_households(text, income_unit="VND/person/year")
        assert table.incomes == (1_500_000,)

    def test_a_multiline_cell_reports_its_first_line(self):
        text = 'id,area,members,income\nA,"núi\ncao",x,1\n'
        with pytest.raises(DataErrors) as caught:
            reads_households(text)
        assert [(e.line, e.key_path) for e in caught.value.errors] == [
            (2, "area"),
            (2, "members"),
        ]

    @pytest.mark.parametrize(
        ("text", "message"),
        [
            ("", "empty file"),
            ("id,area,members\n", r"missing column\(s\) income"),
            ("id,area,members,income,id\n", "duplicate column 'id'"),
            ("id,area,members,income\nA,rural,1,1\x00\n", "line 2: income"),
            ("id,area,members,income\nA,rural,1," + "1" * 200_000 + "\n", "malformed CSV"),
        ],
    )
    def test_file_level_problems(self, text, message):
        with pytest.raises(NtmError, match=message):
            reads_households(text)

    def test_a_bad_unit_or_file(self, tmp_path):
        with pytest.raises(UnitError):
            reads_households("id,area,members,income\n", income_unit="VND/household/month")
        with pytest.raises(DataError, match="cannot read"):
            read_households(tmp_path / "none.csv")
        bad = tmp_path / "bad.csv"
        bad.write_bytes(b"id,area\xff")
        with pytest.raises(DataError, match="not UTF-8"):
            read_households(bad)
        with pytest.raises(DataError, match="not CSV text"):
            reads_households(b"id")  # type: ignore[arg-type]


# --------------------------------------------------------------------------- the NTM bridge


class TestObservation:
    COMMUNE = Locality("04036", "Chiềng Xôm", "commune", region="TDMNPB")
    ON = datetime.date(2023, 6, 30)

    def homes(self, poor: int, total: int) -> list[Household]:
        return [
            household(1_000_000 if i < poor else 5_000_000, 12, hid=f"H{i}") for i in range(total)
        ]

    def test_rate_in_percent(self):
        obs = to_observation(rates(self.homes(3, 40), on=self.ON), "11.1")
        assert obs == Observation(
            "11.1",
            Q_(Fraction(15, 2), "percent"),
            as_of=self.ON,
            source="ntm_criteria.poverty: 3/40 households poor, 07/2021/NĐ-CP, 2023-06-30",
        )

    @pytest.mark.parametrize(("poor", "status"), [(2, Status.MET), (3, Status.NOT_MET)])
    def test_assess_the_demo_set(self, poor, status):
        # the demo ceiling for TDMNPB is 6 % (illustrative); 2/40 = 5 %, 3/40 = 7.5 %
        obs = to_observation(rates(self.homes(poor, 40), on=self.ON), "11.1")
        result = assess(self.COMMUNE, demo.criterion_set(), [obs], on=self.ON)
        assert result.indicator("11.1").status is status

    def test_other_measures_and_a_group(self):
        homes = self.homes(3, 10)
        groups = rates_by(homes, lambda h: "X", on=self.ON)
        obs = to_observation(groups["X"], "11.1", measure="poor_or_near_poor", source="minutes")
        assert obs.value == Q_(30, "percent")
        assert obs.source == "minutes"
        assert to_observation(groups["X"], "11.1", measure="near_poor").value == Q_(0, "percent")
        with pytest.raises(UnknownCodeError):
            to_observation(groups["X"], "11.1", measure="rich")  # type: ignore[arg-type]

    def test_undetermined_households_are_not_silently_dropped(self):
        homes = [*self.homes(1, 9), Household("U", "rural", 1, None)]
        r = rates(homes, on=self.ON)
        with pytest.raises(ObservationError, match="1 of 10 households are undetermined"):
            to_observation(r, "11.1")
        obs = to_observation(r, "11.1", allow_undetermined=True)
        assert obs.value == Q_(Fraction(100, 9), "percent")
        assert "1 undetermined left out" in obs.source

    def test_nothing_decided(self):
        with pytest.raises(ObservationError, match="no household"):
            to_observation(rates([], on=self.ON), "11.1")
        with pytest.raises(ObservationError, match="no household"):
            to_observation(rates(self.homes(1, 2), on="2019-01-01"), "11.1")


# --------------------------------------------------------------------------- the docs page


def test_the_docs_page_examples_run():
    """Every ```pycon block of docs/poverty.md, run as one doctest session."""
    import doctest
    import re

    page = Path(__file__).parents[1] / "docs" / "poverty.md"
    blocks = re.findall(r"```pycon\n(.*?)```", page.read_text(encoding="utf-8"), flags=re.DOTALL)
    assert len(blocks) >= 6
    parser = doctest.DocTestParser()
    runner = doctest.DocTestRunner(
        optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE, verbose=False
    )
    globs: dict[str, object] = {}
    for index, block in enumerate(blocks):
        test = parser.get_doctest(block, globs, f"poverty.md[{index}]", str(page), 0)
        runner.run(test, clear_globs=False)
        globs = test.globs
    assert runner.tries >= 20
    assert runner.failures == 0, f"{runner.failures} failing example(s) in {page}"
