"""The "needs no investment" flags of the built-in commune sets, and the ranking that uses them.

Source of the flags: the Sơn La city report of 03/08/2022, which tells communes to put
first "các chỉ tiêu, tiêu chí không sử dụng nguồn lực đầu tư như các tiêu chí về y tế,
môi trường, giáo dục" (low certainty).  The thresholds in the overlays below are
illustrative (TEST DATA).
"""

from __future__ import annotations

import pytest

from ntm_criteria import Locality, Observation, assess, catalog, loads_set
from ntm_criteria.analysis import rank_shortfalls, shortfalls

FLAGGED = {
    "vn-ntm-commune-standard-2021-2025": {"14", "15", "17"},
    "vn-ntm-commune-advanced-2021-2025": {"5", "14", "17", "18"},
    "vn-ntm-commune-2026-2030": {"5", "8"},
}


@pytest.mark.parametrize("set_id", sorted(FLAGGED))
def test_the_flags_are_on_the_health_environment_and_education_criteria(set_id):
    s = catalog.get(set_id)
    flagged = {i.code for i in s.indicators() if i.needs_investment is False}
    assert flagged == FLAGGED[set_id]
    assert not [i.code for i in s.indicators() if i.needs_investment is True]
    for indicator in s.indicators():
        if indicator.code in flagged:
            note = indicator.note or ""
            assert "Sơn La" in note
            assert "03/08/2022" in note
            assert "low certainty" in note


OVERLAY = """\
id = "test-province"
extends = "vn-ntm-commune-standard-2021-2025"
source = "https://example.org/illustrative"
confidence = "illustrative"

[indicators."4"]
requirement = "achieved"

[indicators."15"]
requirement = "achieved"

[indicators."17"]
requirement = "achieved"
"""

PLACE = Locality("03664", "Chiềng Xôm", "commune", region="TDMNPB")


def ranked(text: str) -> list[str]:
    s = loads_set(text)
    obs = [Observation(code, False) for code in ("4", "15", "17")]
    return [item.code for item in rank_shortfalls(shortfalls(assess(PLACE, s, obs, on="1/7/2023")))]


def test_a_province_that_fills_the_criteria_keeps_the_flags_and_the_ranking_puts_them_first():
    assert ranked(OVERLAY) == ["15", "17", "4"]


def test_a_province_overrides_a_flag():
    override = OVERLAY.replace(
        '[indicators."15"]\n', '[indicators."15"]\nneeds_investment = true\n'
    )
    assert ranked(override) == ["17", "4", "15"]
