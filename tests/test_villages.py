"""Village-scope criterion sets: the TOML format and assess() for villages and residential groups.

There is no national village set (263/QĐ-TTg leaves it to the provinces), so
these tests use the ILLUSTRATIVE example set ``examples/village_set.toml``
and small inline sets.
"""

from __future__ import annotations

import datetime
import runpy
from fractions import Fraction
from pathlib import Path

import pytest

from ntm_criteria import (
    Q_,
    CriterionSet,
    DataError,
    Level,
    Locality,
    LocalityKind,
    Observation,
    ScopeError,
    Status,
    UnknownReason,
    assess,
    load_set,
    loads_set,
)
from ntm_criteria.rules import Confidence
from support import run_pycon_blocks

EXAMPLES = Path(__file__).parents[1] / "examples"
VILLAGE_SET = EXAMPLES / "village_set.toml"
ON = datetime.date(2024, 12, 31)

THON_DONG = Locality("99001-01", "Thôn Đông", "village", parent="99001", region="BTB")
BAN_HIP = Locality("99002-03", "Bản Híp", "bản", parent="99002", region="TDMNPB")
TO_1 = Locality("26734-01", "Tổ dân phố 1", "tổ dân phố", parent="26734", region="DBSH")

GOOD = [
    Observation("1.1", Q_(100, "percent")),
    Observation("1.2", Q_(76, "percent")),
    Observation("2.1", Q_(5.4, "million_VND / person / month")),
    Observation("2.2", Q_(1.2, "percent")),
    Observation("3.1", 7),
    Observation("4.1", Q_(93, "percent")),
    Observation("4.2", True),
    Observation("5.1", Q_(85, "percent")),
    Observation("6.1", True),
]


@pytest.fixture(scope="module")
def village_set() -> CriterionSet:
    return load_set(VILLAGE_SET)


def test_the_example_set_is_village_scoped(village_set: CriterionSet) -> None:
    assert village_set.scope == (LocalityKind.VILLAGE, LocalityKind.RESIDENTIAL_GROUP)
    assert village_set.level is Level.MODEL
    assert village_set.total == 7
    assert village_set.criterion(3).name_vi == "Vườn mẫu"


def test_the_example_set_is_illustrative_throughout(village_set: CriterionSet) -> None:
    assert village_set.provenance.confidence is Confidence.ILLUSTRATIVE
    for indicator in village_set.indicators():
        assert indicator.provenance.confidence is Confidence.ILLUSTRATIVE
    assert "minh họa" in village_set.title_vi
    assert "Illustrative" in village_set.title_en


def test_a_village_meeting_everything_but_the_local_criterion(village_set: CriterionSet) -> None:
    result = assess(THON_DONG, village_set, GOOD, on=ON)
    assert result.met_count == 6
    assert result.criterion(7).status is Status.UNKNOWN
    assert result.criterion(7).reason is UnknownReason.UNSPECIFIED
    assert result.status is Status.UNKNOWN
    assert result.criterion(5).status is Status.MET  # 5.2 (islands only) is not applicable
    assert result.indicator("5.2").status is Status.NOT_APPLICABLE
    assert result.indicator("2.1").actual == Fraction(324, 5)  # 5,4 a month is 64,8 a year
    assert result.headline("vi").startswith("Thôn Đông: đạt 6/7 tiêu chí")


def test_a_mountain_village_short_of_several(village_set: CriterionSet) -> None:
    observations = [
        Observation("1.1", Q_(82, "percent")),
        Observation("1.2", Q_(40, "percent")),
        Observation("2.1", Q_(51, "million_VND / person / year")),
        Observation("2.2", Q_(4.5, "percent")),
        Observation("3.1", 2),
        Observation("4.1", Q_(91, "percent")),
        Observation("4.2", True),
        Observation("6.1", True),
    ]
    result = assess(BAN_HIP, village_set, observations, on=ON)
    assert result.met_count == 2
    assert result.status is Status.NOT_MET
    assert result.indicator("2.1").status is Status.MET  # the TDMNPB threshold, 50
    assert result.criterion(3).summary("vi") == "Tiêu chí 3 (Vườn mẫu): chưa đạt — 2 < 5"
    assert result.indicator("5.1").reason is UnknownReason.NO_DATA
    assert [i.code for i in result.shortfalls()] == ["1.1", "1.2", "2.2", "3.1"]


def test_results_say_they_rest_on_illustrative_thresholds(village_set: CriterionSet) -> None:
    result = assess(THON_DONG, village_set, GOOD, on=ON)
    assert len(result.untrusted()) == 10
    assert "không dùng để báo cáo chính thức" in result.explain("vi")
    assert "not for official reporting" in result.explain("en")


def test_residential_groups_too(village_set: CriterionSet) -> None:
    result = assess(TO_1, village_set, GOOD, on=ON)
    assert result.locality.kind is LocalityKind.RESIDENTIAL_GROUP
    assert result.met_count == 6


def test_communes_are_out_of_scope(village_set: CriterionSet) -> None:
    with pytest.raises(ScopeError, match="covers village, residential_group"):
        assess(Locality("99001", "Xã A", "commune"), village_set, [], on=ON)


def test_a_village_set_rejects_a_commune_group() -> None:
    # Commune groups (1, 2, 3) belong to commune-level units, never to villages.
    with pytest.raises(DataError, match="groups apply only to commune-level units"):
        Locality("1", "Thôn A", "village", group=1)


INLINE = """\
id = "tiny-village-set"
title_vi = "Bộ tiêu chí thôn (thử)"
title_en = "Village set (test)"
scope = "village"
level = "standard"
valid_from = 2022-01-01
legal_basis = "illustrative"
confidence = "illustrative"

[[criteria]]
number = 1
name_vi = "Vườn mẫu"
name_en = "Model gardens"

[[criteria.indicators]]
code = "1.1"
name_vi = "Số vườn mẫu"
name_en = "Model gardens"
unit = "dimensionless"
requirement = { at_least = { by_tag = { mountainous = 2 }, default = 5 } }
"""


def test_an_inline_village_set_with_values_by_tag() -> None:
    village_set = loads_set(INLINE)
    plain = Locality("1", "Thôn A", "village")
    mountain = Locality("2", "Bản B", "village", tags=["mountainous"])
    assert assess(plain, village_set, [Observation("1.1", 3)], on=ON).status is Status.NOT_MET
    assert assess(mountain, village_set, [Observation("1.1", 3)], on=ON).status is Status.MET


def test_a_province_extends_the_village_set(village_set: CriterionSet) -> None:
    overlay = loads_set(
        """\
id = "example-province-village"
extends = "example-village-model-residential-area"
legal_basis = "Quyết định …/QĐ-UBND (illustrative)"
confidence = "illustrative"

[indicators."7.1"]
name_vi = "Có mô hình thôn thông minh"
name_en = "A smart-village model"
requirement = "achieved"
""",
        parents=[village_set],
    )
    result = assess(THON_DONG, overlay, [*GOOD, Observation("7.1", True)], on=ON)
    assert result.status is Status.MET
    assert result.met_count == 7


def test_the_example_script_runs(capsys: pytest.CaptureFixture[str]) -> None:
    runpy.run_path(str(EXAMPLES / "village_assessment.py"), run_name="__main__")
    out = capsys.readouterr().out
    assert "Thôn Đông: đạt 6/7 tiêu chí" in out
    assert "Bản Híp: đạt 2/7 tiêu chí" in out
    assert "Bản Híp village: 2/7 criteria met" in out


# -- the docs page's examples run ------------------------------------------------------------


def test_the_docs_page_examples_run(monkeypatch: pytest.MonkeyPatch) -> None:
    root = Path(__file__).parents[1]
    monkeypatch.chdir(root)  # the page loads examples/village_set.toml from the repository root
    run_pycon_blocks(root / "docs" / "villages.md")
