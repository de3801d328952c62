"""The shipped Đồng Nai example: a real provincial set that adds indicators to criterion 17.

Values: Đồng Nai's provincial portal, 05/11/2024 (medium certainty); the indicator
codes are made up (the source gives none).  The communes' figures are ILLUSTRATIVE.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ntm_criteria import Q_, Locality, Observation, Status, assess, catalog, load_set

EXAMPLE = Path(__file__).parents[2] / "examples" / "dong_nai_criterion_17.toml"
SOURCE = "https://dongnai.gov.vn/pages/newsdetail.aspx?CatId=128&NewsId=48418"
MEETS = {"17.dn1": 86, "17.dn2": 46, "17.dn3": 100, "17.dn4": 100, "17.dn5": 100}


@pytest.fixture(scope="module")
def dong_nai():
    return load_set(EXAMPLE)


def test_the_example_extends_the_national_set_and_adds_to_criterion_17(dong_nai):
    national = catalog.get("vn-ntm-commune-standard-2021-2025")
    assert dong_nai.extends == national.id
    assert dong_nai.total == national.total == 19
    codes = [i.code for i in dong_nai.criterion(17).indicators]
    assert codes == ["17", *MEETS]
    for indicator in dong_nai.criterion(17).indicators[1:]:
        assert indicator.provenance.source == SOURCE
        assert indicator.provenance.certainty == "medium"
    assert catalog.check_overlay(dong_nai, national).ok


def status(dong_nai, values, on):
    place = Locality("26001", "Minh Họa", "commune", region="DNB")
    obs = [Observation(code, Q_(v, "percent")) for code, v in values.items()]
    return assess(place, dong_nai, obs, on=on).criterion(17).status


@pytest.mark.parametrize(
    ("on", "piped", "expected"),
    [
        ("30/6/2025", 44, Status.NOT_MET),  # 2025: at least 45
        ("30/6/2024", 44, Status.UNKNOWN),  # 2024: at least 40, met; national "17" unspecified
        ("30/6/2025", 46, Status.UNKNOWN),
    ],
)
def test_the_added_indicators_take_part_in_the_criterions_rule(dong_nai, on, piped, expected):
    assert status(dong_nai, {**MEETS, "17.dn2": piped}, on) is expected


def test_once_the_national_placeholder_is_decided_the_criterion_is_met(dong_nai):
    # A further overlay (ILLUSTRATIVE) decides the national placeholder: all six then count.
    decided = catalog.loads_set(
        'id = "x"\nextends = "vn-dong-nai-commune-standard-2021-2025"\n'
        '[indicators."17"]\nrequirement = "achieved"\n',
        parents=[dong_nai],
    )
    place = Locality("26001", "Minh Họa", "commune", region="DNB")
    obs = [Observation(code, Q_(v, "percent")) for code, v in MEETS.items()]
    result = assess(place, decided, [*obs, Observation("17", True)], on="30/6/2025")
    assert result.criterion(17).status is Status.MET
    failed = assess(place, decided, [*obs, Observation("17", False)], on="30/6/2025")
    assert failed.criterion(17).status is Status.NOT_MET
