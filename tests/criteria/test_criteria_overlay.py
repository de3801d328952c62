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


def test_a_higher_threshold_is_not_a_loosening():
    stricter = LOOSER.replace("75", "85")
    national = catalog.get("vn-ntm-commune-standard-2021-2025")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert catalog.check_overlay(loads_set(stricter), national).ok
