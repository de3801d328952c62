"""Helpers shared by the tests of :mod:`ntm_criteria.assessment` (tests/assessment/)."""

from __future__ import annotations

import datetime

from ntm_criteria import (
    Q_,
    Locality,
    Observation,
    loads_set,
)

SET_TOML = """
id = "test-commune"
title_vi = "Bộ tiêu chí thử"
title_en = "Test set"
scope = "commune"
level = "standard"
valid_from = 2022-01-01
valid_to = 2025-12-31
legal_basis = "test"
source = "test decision"
confidence = "official"

[[region_rules]]
tags = ["extremely_difficult"]
region = "TDMNPB"

[[criteria]]
number = 3
name_vi = "Thủy lợi"
name_en = "Irrigation"

[[criteria.indicators]]
code = "3.1"
name_vi = "Tỷ lệ đất được tưới tiêu chủ động"
name_en = "Irrigated land"
unit = "percent"
requirement = { at_least = 80 }

[[criteria.indicators]]
code = "3.2"
name_vi = "4 tại chỗ"
name_en = "Four on-the-spot"
requirement = "achieved"

[[criteria]]
number = 10
name_vi = "Thu nhập"
name_en = "Income"

[[criteria.indicators]]
code = "10.1"
name_vi = "Thu nhập bình quân đầu người"
name_en = "Income per person"
unit = "million_VND / person / year"

[criteria.indicators.requirement.at_least.by_year.2022]
by_region = { TDMNPB = 39, DBSH = 48 }
default = 45

[criteria.indicators.requirement.at_least.by_year.2023]
by_region = { TDMNPB = 42, DBSH = 52 }
default = 48

[[criteria]]
number = 11
name_vi = "Nghèo đa chiều"
name_en = "Multidimensional poverty"

[[criteria.indicators]]
code = "11.1"
name_vi = "Tỷ lệ nghèo đa chiều"
name_en = "Poverty rate"
unit = "percent"
requirement = { at_most = { by_region = { TDMNPB = 6 }, default = "unspecified" } }
confidence = "unverified"

[[criteria]]
number = 13
name_vi = "Tổ chức sản xuất"
name_en = "Production organisation"
rule = { at_least_k = 2, of = ["13.1", "13.2", "13.3"] }

[[criteria.indicators]]
code = "13.1"
name_vi = "Hợp tác xã"
name_en = "Cooperative"
requirement = "achieved"

[[criteria.indicators]]
code = "13.2"
name_vi = "Sản phẩm OCOP"
name_en = "OCOP products"
unit = "dimensionless"
requirement = { at_least = 1 }

[[criteria.indicators]]
code = "13.3"
name_vi = "Liên kết sản xuất"
name_en = "Production linkage"
requirement = "achieved"

[[criteria]]
number = 17
name_vi = "Môi trường"
name_en = "Environment"

[[criteria.indicators]]
code = "17.1"
name_vi = "Quy hoạch đất nghĩa trang"
name_en = "Cemetery plan"
requirement = { unspecified = "UBND cấp tỉnh quy định" }

[[criteria.indicators]]
code = "17.2"
name_vi = "Rác thải trên đảo"
name_en = "Island waste"
requirement = "achieved"
applies_to = { tags_any = ["island"] }
"""

ON_2022 = datetime.date(2022, 6, 15)
ON_2023 = datetime.date(2023, 6, 30)


def commune(region: str = "DBSH", *tags: str, code: str = "00001") -> Locality:
    return Locality(code, "Xã Thử", "commune", region=region, tags=frozenset(tags))


def income(value: float) -> Observation:
    return Observation("10.1", Q_(value, "million_VND / person / year"))


ALL_MET = [
    Observation("3.1", Q_(85, "percent")),
    Observation("3.2", True),
    Observation("13.1", True),
    Observation("13.2", 2),
]


def make_set():
    """The test set of these tests, read from :data:`SET_TOML`."""
    return loads_set(SET_TOML)
