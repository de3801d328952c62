"""ntm_criteria.poverty: the built-in standards, checked against the reference, and the standards file."""

from __future__ import annotations

import json

import pytest
from poverty_cases import CODES, DATA, MID_2023, REFERENCE, household, monthly

from ntm_criteria.errors import DataError, DataErrors, NotInForceError, UnknownCodeError
from ntm_criteria.poverty import (
    Area,
    Household,
    PovertyStatus,
    classify,
    default_standards,
    load_standards,
    loads_standards,
)
from ntm_criteria.rules import (
    AtLeastK,
    AtMost,
    ByDate,
    Confidence,
    Fixed,
    UnknownReason,
    Unspecified,
)


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
