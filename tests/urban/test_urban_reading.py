"""Standards tables and rule books from TOML, with every mistake reported at once."""

from __future__ import annotations

from pathlib import Path

import pytest
from urban_cases import ON, TABLE, TOWN, at_minimum, observe

from ntm_criteria import Locality, Observation, Status
from ntm_criteria.errors import DataError, DataErrors
from ntm_criteria.rules import Confidence, Fixed
from ntm_criteria.urban import (
    StandardsTable,
    classify,
    load_standards,
    loads_classification_rules,
    loads_standards,
)

DATA = Path(__file__).parents[1] / "data" / "urban"
# -- standards tables from TOML ------------------------------------------------------------------


GOOD_TABLE = """\
id = "mine"
title_vi = "Bảng của tôi"
title_en = "My table"
regime = "26/2022/UBTVQH15"
class = "III"
source = "Phụ lục 1 (bản chụp)"
confidence = "provincial"

[[standards]]
code = "2.1"
criterion = 2
name_vi = "Dân số"
name_en = "Population"
unit = "person"
min_level = { by_tag = { mountainous = 80000 }, default = 100000 }
max_level = 150000
min_points = 3
max_points = 4
"""


class TestStandardsFiles:
    def test_the_example_table_loads(self) -> None:
        assert len(TABLE.standards) == 15
        assert TABLE.provenance.confidence is Confidence.ILLUSTRATIVE
        maxima = {
            n: sum(s.max_points for s in TABLE.standards if s.criterion == n) for n in range(1, 6)
        }
        assert maxima == {1: 18, 2: 8, 3: 8, 4: 6, 5: 60}
        minimum = TABLE.standard("2.1").min_level
        assert isinstance(minimum, Fixed)
        assert minimum.provenance is not None
        assert minimum.provenance.confidence is Confidence.UNVERIFIED

    def test_a_users_table_with_values_by_tag(self) -> None:
        table = loads_standards(GOOD_TABLE)
        assert table.urban_class == "III"
        assert table.provenance.confidence is Confidence.PROVINCIAL
        mountain = Locality("1", "Núi", "town", tags=["mountainous"])
        plain = Locality("2", "Đồng", "town")
        obs = [Observation("2.1", 90_000)]
        assert classify(mountain, table, obs, on=ON).standard("2.1").status is Status.MET
        assert classify(plain, table, obs, on=ON).standard("2.1").status is Status.NOT_MET

    def test_every_mistake_is_reported_at_once(self) -> None:
        with pytest.raises(DataErrors) as caught:
            load_standards(DATA / "standards_mistakes.toml")
        err = caught.value
        assert err.file == str(DATA / "standards_mistakes.toml")
        paths = [e.key_path for e in err.errors]
        assert paths == [
            "standards[0].unit",
            "standards[1].direction",
            "standards[2].code",
            "standards[2]",
            "standards[3]",
            "standards[4].min_levle",
            "standards[4].min_level",
            "class",
            "criteria",
            "standards",
        ]
        text = str(err)
        assert "did you mean 'min_level'?" in text
        assert "min_points 5 is above max_points 4" in text
        assert "criterion 5 give up to 70 points, above its maximum of 60" in text

    def test_unknown_regime(self) -> None:
        text = GOOD_TABLE.replace('"26/2022/UBTVQH15"', '"26/2022"')
        with pytest.raises(DataErrors, match="unknown urban classification regime '26/2022'"):
            loads_standards(text)

    def test_duplicate_codes(self) -> None:
        text = GOOD_TABLE + GOOD_TABLE[GOOD_TABLE.index("[[standards]]") :]
        with pytest.raises(DataErrors, match=r"standards\[1\].code: duplicate standard code '2.1'"):
            loads_standards(text)

    def test_invalid_toml(self) -> None:
        with pytest.raises(DataErrors, match="invalid TOML"):
            loads_standards("id = ", file="x.toml")

    def test_table_checks_its_own_codes(self) -> None:
        standard = TABLE.standards[0]
        with pytest.raises(DataError, match="duplicate"):
            StandardsTable("t", "t", "t", "26/2022/UBTVQH15", "IV", [standard, standard])

    def test_rules_files_report_every_mistake(self) -> None:
        with pytest.raises(DataErrors) as caught:
            loads_classification_rules(
                (DATA / "rules_mistakes.toml").read_text(encoding="utf-8"), file="rules.toml"
            )
        paths = [e.key_path for e in caught.value.errors]
        assert paths == [
            "regimes[0].classes[1]",
            "regimes[0].criteria[0].max_points",
            "regimes[0].criteria[1].name_en",
            "regimes[1].valid_from",
            "regimes[1].classes",
            "regimes[1].pass_total",
        ]

    def test_rules_must_add_up_and_not_overlap(self) -> None:
        regime = """
[[regimes]]
id = "{id}"
title_vi = "x"
title_en = "x"
legal_basis = "x"
valid_from = {start}
classes = ["I"]
pass_total = 75
[[regimes.criteria]]
number = 1
name_vi = "x"
name_en = "x"
max_points = {points}
"""
        with pytest.raises(DataErrors, match="add up to 90, not 100"):
            loads_classification_rules(regime.format(id="a", start="2020-01-01", points=90))
        both = regime.format(id="a", start="2020-01-01", points=100) + regime.format(
            id="b", start="2021-01-01", points=100
        )
        with pytest.raises(DataErrors, match="regimes a and b overlap"):
            loads_classification_rules(both)

    def test_a_what_if_rule_book(self) -> None:
        text = (
            Path(__file__).parents[2] / "src/ntm_criteria/catalog/data/urban/classification.toml"
        ).read_text(encoding="utf-8")
        stricter = text.replace("pass_total = { value = 75", "pass_total = { value = 80", 2)
        rules = loads_classification_rules(stricter)
        result = classify(TOWN, TABLE, observe(dict(at_minimum())), on=ON, rules=rules)
        assert result.status is Status.NOT_MET
        assert result.shortfall == 5
