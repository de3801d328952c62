"""Locality codes checked: dropped leading zeros, unknown codes, units merged away."""

from __future__ import annotations

import contextlib
import warnings

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ntm_criteria.errors import DataError, DataErrors
from ntm_criteria.geography import (
    CodeWarning,
    Gazetteer,
    Locality,
    check_codes,
    check_localities,
    resolve_code,
    restore_zeros,
)

OWN = Gazetteer(
    [
        Locality("14", "Sơn La", "tỉnh"),
        Locality("116", "Sơn La", "provincial_city", parent="14"),
        Locality("03664", "Chiềng Xôm", "xã", parent="116"),
        Locality("03664-01", "Bản Híp", "thôn", parent="03664"),
    ]
)


def test_dropped_zeros_are_restored_against_a_users_gazetteer_with_a_warning():
    with pytest.warns(CodeWarning, match=r"'3664' read as '03664' \(xã Chiềng Xôm\)"):
        assert resolve_code("3664", OWN) == "03664"


def test_dropped_zeros_are_restored_against_the_official_list():
    with pytest.warns(CodeWarning, match="'04036'"):
        assert check_codes(["4036"], on="15/6/2022") == {"4036": "04036"}


def test_a_code_is_padded_only_to_its_tiers_width():
    # "14" is a province; "014" would be a district code, "00014" a commune code.
    assert restore_zeros("14", OWN.by_code) is None
    assert restore_zeros("3664", OWN.by_code) == "03664"


def test_an_ambiguous_restoration_is_refused():
    gaz = Gazetteer([Locality("01", "Hà Nội", "tỉnh"), Locality("001", "Ba Đình", "quận")])
    assert restore_zeros("1", gaz.by_code) is None


def test_an_unknown_code_is_an_error_with_suggestions():
    with pytest.raises(DataErrors) as caught:
        check_codes(["03665", "03664"], on="15/3/2025")
    (err,) = caught.value.errors
    assert "unknown locality code '03665'" in str(err)
    assert "did you mean" in str(err)
    assert "03664 (xã Chiềng Xôm)" in str(err)


def test_every_unknown_code_is_reported_at_once():
    with pytest.raises(DataErrors) as caught:
        check_codes(["x1", "x2"], on="15/6/2022", gazetteer=OWN)
    assert len(caught.value.errors) == 2


def test_a_commune_merged_away_is_an_error_naming_its_successor():
    with pytest.raises(DataErrors, match=r"xã Tô Múa \(04018\)"):
        check_codes(["04036"], on="1/1/2026")  # xã Chiềng Khoa


def test_a_reused_code_with_the_old_name_is_an_error_naming_the_successor():
    with pytest.raises(DataErrors, match="merged into phường Chiềng An"):
        check_localities(OWN, on="1/1/2026")


def test_a_district_after_1_7_2025_is_an_error():
    with pytest.raises(DataErrors, match="district level was abolished"):
        check_codes(["116"], on="1/7/2025")


def test_a_users_gazetteer_gets_its_zeros_back_in_codes_and_parents():
    mine = Gazetteer(
        [
            Locality("14", "Sơn La", "tỉnh"),
            Locality("116", "Sơn La", "provincial_city", parent="14"),
            Locality("3664", "Chiềng Xôm", "xã", parent="116"),
            Locality("3664-01", "Bản Híp", "thôn", parent="3664"),
        ]
    )
    with pytest.warns(CodeWarning):
        fixed = check_localities(mine, on="15/6/2022")
    assert [loc.code for loc in fixed] == ["14", "116", "03664", "3664-01"]
    assert fixed.get("3664-01").parent == "03664"


def test_a_checked_gazetteer_with_the_official_names_is_returned_as_it_is():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert check_localities(OWN, on="15/6/2022") is OWN


def test_a_name_that_differs_from_the_official_one_warns():
    mine = Gazetteer([Locality("03664", "Chieng Xom", "xã")])
    with pytest.warns(CodeWarning, match="official list of 2025-01-01"):
        check_localities(mine, on="15/6/2022")


@given(st.text(max_size=8))
def test_any_text_resolves_or_raises_a_data_error(text):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with contextlib.suppress(DataError):
            assert resolve_code(text, OWN) in OWN


@given(st.sampled_from(["03664", "116", "14"]))
def test_restoring_the_zeros_a_number_drops_gives_the_code_back(code):
    dropped = str(int(code))
    found = restore_zeros(dropped, OWN.by_code)
    assert found == (None if dropped == code else code)


def test_before_the_oldest_list_an_unknown_code_only_warns():
    # Communes merged in 2023-2024 were real on their date but are not in the 1/1/2025 list.
    with pytest.warns(CodeWarning, match="oldest the package holds"):
        assert check_codes(["03665"], on="15/6/2022") == {"03665": "03665"}


@settings(deadline=None, max_examples=30)
@given(st.lists(st.text(max_size=7), max_size=3), st.sampled_from(["15/3/2025", "1/9/2025"]))
def test_any_codes_checked_against_the_official_list_give_a_mapping_or_data_errors(codes, on):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            found = check_codes(codes, on=on)
        except DataErrors as err:
            found = {problem.key_path: "" for problem in err.errors}  # each names its code
            assert all(key.startswith("locality ") for key in found)
        else:
            assert set(found) == set(codes)
