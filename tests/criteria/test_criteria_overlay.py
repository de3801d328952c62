"""Checking a provincial overlay against the set it extends (ntm_criteria.criteria.check_overlay)."""

from __future__ import annotations

import warnings

import pytest

from ntm_criteria import DataErrors, catalog, demo, loads_set

# -- overlays --------------------------------------------------------------------


LOOSER = """
id = "looser"
extends = "vn-ntm-commune-standard-2021-2025"
[indicators."3.1"]
requirement = { at_least = 75 }
"""


def test_the_overlay_checker_warns_about_a_looser_threshold():
    national = catalog.get("vn-ntm-commune-standard-2021-2025")
    with pytest.warns(catalog.LooserThresholdWarning, match="3.1: at least 80 → 75"):
        report = catalog.check_overlay(loads_set(LOOSER), national)
    assert not report.ok
    assert report.loosened[0].context is None  # everywhere


def test_the_overlay_checker_in_strict_mode_raises():
    national = catalog.get("vn-ntm-commune-standard-2021-2025")
    with pytest.raises(DataErrors, match=r'indicators\."3\.1"\.requirement'):
        catalog.check_overlay(loads_set(LOOSER), national, strict=True)


def test_the_overlay_checker_lists_what_stays_unspecified():
    national = catalog.get("vn-ntm-commune-standard-2021-2025")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        report = catalog.check_overlay(demo.national_overlay(), national)
    assert report.ok
    # income is given for 2022-2025 only; the set runs to 14/02/2026
    assert report.unspecified == ("10",)
    assert "still unspecified: 10" in report.summary()


def test_only_a_wholly_unspecified_requirement_stays_unspecified():
    # Kept as it was when the overlay checker got the shared tree walker: an
    # "unspecified" branch of any_of is not listed (the national 17.1 still is).
    overlay = loads_set(
        """
id = "partly"
extends = "demo-commune-standard"
[indicators."3.1"]
requirement = { any_of = [{ at_least = 90 }, "unspecified"] }
""",
        parents=[demo.criterion_set()],
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        report = catalog.check_overlay(overlay, demo.criterion_set())
    assert report.unspecified == ("17.1",)


def test_a_higher_threshold_is_not_a_loosening():
    stricter = LOOSER.replace("75", "85")
    national = catalog.get("vn-ntm-commune-standard-2021-2025")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert catalog.check_overlay(loads_set(stricter), national).ok


# -- bounded by the data's change points (issue 9) ---------------------------------


def _set(header: str, requirement: str, set_id: str = "p") -> str:
    return f"""
id = "{set_id}"
title_vi = "P"
title_en = "P"
scope = "commune"
level = "standard"
{header}
legal_basis = "illustrative"
confidence = "illustrative"
[[criteria]]
number = 1
name_vi = "A"
name_en = "A"
[[criteria.indicators]]
code = "1.1"
name_vi = "a"
name_en = "a"
unit = "percent"
requirement = {requirement}
"""


FORTY_TAGS = ", ".join(f"x_t{i:02d} = {50 + i}" for i in range(40))


def test_an_overlay_valid_for_ten_thousand_years_with_forty_tags_is_checked_quickly():
    # Regression: every year of 0001–9999 × every tag was examined (over 60 s).
    header = "valid_from = 0001-01-01\nvalid_to = 9999-12-31"
    parent = loads_set(
        _set(header, f"{{ at_least = {{ by_tag = {{ {FORTY_TAGS} }}, default = 80 }} }}")
    )
    looser = FORTY_TAGS.replace("x_t39 = 89", "x_t39 = 88")
    overlay = loads_set(
        _set(header, f"{{ at_least = {{ by_tag = {{ {looser} }}, default = 80 }} }}", "o")
    )
    with pytest.warns(catalog.LooserThresholdWarning):
        report = catalog.check_overlay(overlay, parent)
    assert [item.describe() for item in report.loosened] == [
        "1.1: at least 89 → 88 (region BTB, tags x_t39, 0001-01-01)"
    ]


def test_a_change_in_year_9999_is_found_without_walking_the_years():
    header = "valid_from = 0001-01-01\nvalid_to = 9999-12-31"
    parent = loads_set(_set(header, "{ at_least = 80 }"))
    dated = (
        "{ at_least = { by_date = [{ from = 9999-01-01, until = 9999-12-31, value = 70 }], "
        "default = 80 } }"
    )
    with pytest.warns(catalog.LooserThresholdWarning):
        report = catalog.check_overlay(loads_set(_set(header, dated, "o")), parent)
    assert [item.describe() for item in report.loosened] == [
        "1.1: at least 80 → 70 (region BTB, 9999-01-01)"
    ]


def test_a_value_ending_in_mid_year_is_checked_from_the_next_day():
    # Regression: a span that no 1 January falls in was never looked at (loosening missed).
    header = "valid_from = 2022-01-01\nvalid_to = 2022-12-31"
    parent = loads_set(_set(header, "{ at_least = 80 }"))
    dated = (
        "{ at_least = { by_date = [{ from = 2022-01-01, until = 2022-06-30, value = 85 }], "
        "default = 75 } }"
    )
    with pytest.warns(catalog.LooserThresholdWarning):
        report = catalog.check_overlay(loads_set(_set(header, dated, "o")), parent)
    assert [item.describe() for item in report.loosened] == [
        "1.1: at least 80 → 75 (region BTB, 2022-07-01)"
    ]


@pytest.mark.parametrize("valid_from", ["2024-02-29", "9996-01-01", "9999-12-31"])
def test_a_parent_without_an_end_is_checked_for_five_years_or_up_to_9999(valid_from):
    # Regression: date.replace(year=+5) raised ValueError for 29 February and past 9999.
    parent = loads_set(_set(f"valid_from = {valid_from}", "{ at_least = 80 }"))
    overlay = loads_set(_set(f"valid_from = {valid_from}", "{ at_least = 70 }", "o"))
    with pytest.warns(catalog.LooserThresholdWarning, match="at least 80 → 70 \\(everywhere\\)"):
        report = catalog.check_overlay(overlay, parent)
    assert not report.ok


def test_a_locality_with_two_tags_is_checked_too():
    # Regression: only one tag at a time was tried, so a loosening for a locality that is
    # both an island and a border commune was missed.
    header = "valid_from = 2022-01-01"
    parent = loads_set(_set(header, "{ at_least = { by_tag = { island = 80 }, default = 60 } }"))
    overlay = loads_set(
        _set(header, "{ at_least = { by_tag = { border = 70 }, default = 90 } }", "o")
    )
    with pytest.warns(catalog.LooserThresholdWarning):
        report = catalog.check_overlay(overlay, parent)
    assert [item.describe() for item in report.loosened] == [
        "1.1: at least 80 → 70 (region BTB, tags border, island, 2022-01-01)"
    ]
