"""Tests for ntm_criteria.geography: regions: the schemes, lookups and the reference list."""

from __future__ import annotations

import json
from pathlib import Path

import attrs
import pytest

from ntm_criteria.errors import DataError, UnknownCodeError
from ntm_criteria.geography import (
    DEFAULT_REGION_SCHEME,
    REGION_SCHEMES,
    Region,
    is_region_code,
    region,
    regions,
)

REFERENCE = Path(__file__).resolve().parents[3] / "shared" / "reference"
ALL_REGION_CODES = ("TDMNPB", "DBSH", "BTB", "DHNTB", "TN", "DNB", "DBSCL", "BTB-DHMT")


class TestRegions:
    def test_schemes(self) -> None:
        assert REGION_SCHEMES == ("ntm-2021", "nq81-2023")
        assert DEFAULT_REGION_SCHEME == "ntm-2021"
        assert isinstance(REGION_SCHEMES, tuple)

    def test_ntm_2021_has_seven_regions_in_order(self) -> None:
        assert [r.code for r in regions()] == [
            "TDMNPB",
            "DBSH",
            "BTB",
            "DHNTB",
            "TN",
            "DNB",
            "DBSCL",
        ]
        assert regions() is regions("ntm-2021")
        assert all(r.scheme == "ntm-2021" for r in regions())

    def test_nq81_has_six_regions(self) -> None:
        found = regions("nq81-2023")
        assert [r.code for r in found] == ["TDMNPB", "DBSH", "BTB-DHMT", "TN", "DNB", "DBSCL"]
        assert {r.source for r in found} == {"Resolution 81/2023/QH15 (national master plan)"}
        assert region("BTB-DHMT", "nq81-2023").name_vi == "Bắc Trung Bộ và duyên hải miền Trung"
        assert region("DBSCL", "nq81-2023").name_vi == "Đồng bằng sông Cửu Long"

    @pytest.mark.skipif(not REFERENCE.exists(), reason="reference data not available")
    def test_ntm_2021_matches_reference_json(self) -> None:
        data = json.loads((REFERENCE / "ntm_rural_criteria.json").read_text(encoding="utf-8"))
        expected = [
            (r["code"], r["name_vi"], r["name_en"], r["source"], r.get("note"))
            for r in data["regions"]
        ]
        actual = [(r.code, r.name_vi, r.name_en, r.source, r.note) for r in regions("ntm-2021")]
        assert actual == expected

    def test_region_lookup(self) -> None:
        tn = region("TN")
        assert (tn.name_vi, tn.name_en) == ("Tây Nguyên", "Central Highlands")
        assert region("TN", "nq81-2023").scheme == "nq81-2023"
        assert region("TN") != region("TN", "nq81-2023")

    def test_unknown_region_names_code_and_known(self) -> None:
        with pytest.raises(UnknownCodeError, match="unknown region 'XYZ'") as info:
            region("XYZ")
        assert info.value.kind == "region"
        assert info.value.code == "XYZ"
        assert info.value.known == ("TDMNPB", "DBSH", "BTB", "DHNTB", "TN", "DNB", "DBSCL")

    def test_region_of_other_scheme_is_unknown(self) -> None:
        with pytest.raises(UnknownCodeError, match="'BTB-DHMT'"):
            region("BTB-DHMT")
        with pytest.raises(UnknownCodeError, match="'DHNTB'"):
            region("DHNTB", "nq81-2023")

    def test_unknown_scheme(self) -> None:
        with pytest.raises(UnknownCodeError, match="unknown region scheme 'ntm-2030'") as info:
            regions("ntm-2030")
        assert info.value.kind == "region scheme"
        assert info.value.known == REGION_SCHEMES
        with pytest.raises(UnknownCodeError, match="region scheme"):
            region("TN", "ntm-2030")

    def test_is_region_code(self) -> None:
        for code in ALL_REGION_CODES:
            assert is_region_code(code)
        assert not is_region_code("tn")
        assert not is_region_code("")
        assert not is_region_code(None)
        assert not is_region_code(7)

    def test_region_is_frozen_and_validated(self) -> None:
        r = region("DNB")
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            r.code = "X"  # type: ignore[misc]
        with pytest.raises(DataError, match="code is empty"):
            Region("", "Vùng", "Region", "s", None)
        with pytest.raises(DataError, match="name_en"):
            Region("X", "Vùng", " Region", "s", None)

    def test_tdmnpb_note_says_thresholds_apply_to_difficult_communes(self) -> None:
        note = region("TDMNPB").note
        assert note is not None
        assert "318/QĐ-TTg" in note
