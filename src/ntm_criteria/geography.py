"""Places: socio-economic regions, locality kinds, localities and a gazetteer.

Criteria vary by *where* a locality is: thresholds differ by socio-economic
region (vùng kinh tế – xã hội), some indicators apply only to island or
border communes, and from 2026 each commune belongs to one of three groups
(Decision 51/2025/QĐ-TTg).  This module holds those facts as plain, immutable
data:

- :class:`Region` and the region *schemes* (sets of regions used by a given
  legal text), looked up with :func:`regions` and :func:`region`;
- :class:`LocalityKind`, the administrative tiers from province down to
  village;
- :class:`Locality`, one place with its official code, names, kind, parent,
  region and tags;
- :class:`Gazetteer`, an immutable collection of localities that can be
  loaded from CSV, checked, and walked as a tree.

Module constants:

- ``REGION_SCHEMES``: the names of the built-in region schemes;
- ``DEFAULT_REGION_SCHEME``: the scheme used when none is named;
- ``KNOWN_TAGS``: the documented tag vocabulary (user tags start with ``x_``);
- ``TAG_LABELS``: a Vietnamese and an English label for every known tag.

>>> REGION_SCHEMES
('ntm-2021', 'nq81-2023')
>>> DEFAULT_REGION_SCHEME
'ntm-2021'
>>> [r.code for r in regions()]
['TDMNPB', 'DBSH', 'BTB', 'DHNTB', 'TN', 'DNB', 'DBSCL']
>>> "island" in KNOWN_TAGS
True
>>> TAG_LABELS["extremely_difficult"]["vi"]
'xã đặc biệt khó khăn'
>>> chieng_xom = Locality("03664", "Chiềng Xôm", "xã", parent="116", group=2)
>>> chieng_xom.label()
'xã Chiềng Xôm'
>>> gaz = Gazetteer([
...     Locality("14", "Sơn La", LocalityKind.PROVINCE, region="TDMNPB"),
...     Locality("116", "Sơn La", "provincial_city", parent="14"),
...     chieng_xom,
... ])
>>> [loc.code for loc in gaz.ancestors("03664")]
['116', '14']
>>> gaz.region_of("03664")
'TDMNPB'
"""

from __future__ import annotations

import csv
import enum
import io
import os
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any, NamedTuple

import attrs

from ntm_criteria.errors import DataError, DataErrors, UnknownCodeError

__all__ = [
    "DEFAULT_REGION_SCHEME",
    "KNOWN_TAGS",
    "REGION_SCHEMES",
    "TAG_LABELS",
    "Gazetteer",
    "Locality",
    "LocalityKind",
    "Region",
    "is_region_code",
    "is_valid_tag",
    "region",
    "regions",
]


# --------------------------------------------------------------------------- text checks


def _check_text(field: str, value: object, *, optional: bool = False) -> None:
    """Raise a DataError unless ``value`` is non-empty text without surrounding spaces."""
    if value is None and optional:
        return
    if not isinstance(value, str):
        raise DataError(
            f"{field} must be text, not {type(value).__name__}",
            key_path=field,
            expected="a string" + (" or None" if optional else ""),
        )
    if not value.strip():
        raise DataError(f"{field} is empty", key_path=field, expected="non-empty text")
    if value != value.strip():
        raise DataError(
            f"{field} {value!r} has leading or trailing whitespace",
            key_path=field,
            expected="text without surrounding spaces",
        )


def _required_text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    _check_text(attribute.name, value)


def _optional_text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    _check_text(attribute.name, value, optional=True)


# --------------------------------------------------------------------------- regions


@attrs.frozen
class Region:
    """A socio-economic region (vùng kinh tế – xã hội) within one region scheme.

    Different legal texts divide the country differently, so a region belongs
    to a ``scheme``: the 2021–2025 NTM sets use seven regions, Resolution
    81/2023/QH15 uses six.  ``source`` says where the region list comes from.

    >>> r = region("TN")
    >>> (r.code, r.name_vi, r.name_en, r.scheme)
    ('TN', 'Tây Nguyên', 'Central Highlands', 'ntm-2021')
    >>> Region("X", "Vùng X", "Region X", scheme="my-scheme", source=None).note is None
    True
    """

    code: str = attrs.field(validator=_required_text)
    name_vi: str = attrs.field(validator=_required_text)
    name_en: str = attrs.field(validator=_required_text)
    scheme: str = attrs.field(validator=_required_text)
    source: str | None = attrs.field(validator=_optional_text)
    note: str | None = attrs.field(default=None, validator=_optional_text)


_NTM_2021 = "ntm-2021"
_NQ81_2023 = "nq81-2023"

# The URL is the source quoted for the region list in the reference data for
# Decision 318/QĐ-TTg (2022), which sets thresholds per region.
_NTM_2021_SOURCE = (
    "http://tintuc.thuvienphapluat.com/thong-bao-van-ban-moi/email/39774/"
    "ban-hanh-bo-tieu-chi-xa-nong-thon-moi-giai-doan-2021-2025"
)
_NQ81_2023_SOURCE = "Resolution 81/2023/QH15 (national master plan)"

_SCHEME_TABLE: tuple[tuple[str, tuple[Region, ...]], ...] = (
    (
        _NTM_2021,
        (
            Region(
                "TDMNPB",
                "Trung du và miền núi phía Bắc",
                "Northern Midlands and Mountains",
                _NTM_2021,
                _NTM_2021_SOURCE,
                note=(
                    "Thresholds of this region also apply to particularly difficult communes "
                    "(xã đặc biệt khó khăn) and safe-zone (ATK) communes of poor districts and "
                    "districts that escaped poverty in 2018-2020, regardless of region "
                    "(318/QĐ-TTg)."
                ),
            ),
            Region("DBSH", "Đồng bằng sông Hồng", "Red River Delta", _NTM_2021, _NTM_2021_SOURCE),
            Region("BTB", "Bắc Trung Bộ", "North Central Coast", _NTM_2021, _NTM_2021_SOURCE),
            Region(
                "DHNTB",
                "Duyên hải Nam Trung Bộ",
                "South Central Coast",
                _NTM_2021,
                _NTM_2021_SOURCE,
            ),
            Region("TN", "Tây Nguyên", "Central Highlands", _NTM_2021, _NTM_2021_SOURCE),
            Region("DNB", "Đông Nam Bộ", "Southeast", _NTM_2021, _NTM_2021_SOURCE),
            Region(
                "DBSCL",
                "Đồng bằng sông Cửu Long",
                "Mekong River Delta",
                _NTM_2021,
                _NTM_2021_SOURCE,
            ),
        ),
    ),
    (
        _NQ81_2023,
        (
            Region(
                "TDMNPB",
                "Trung du và miền núi phía Bắc",
                "Northern Midlands and Mountains",
                _NQ81_2023,
                _NQ81_2023_SOURCE,
            ),
            Region("DBSH", "Đồng bằng sông Hồng", "Red River Delta", _NQ81_2023, _NQ81_2023_SOURCE),
            Region(
                "BTB-DHMT",
                "Bắc Trung Bộ và duyên hải miền Trung",
                "North Central and Central Coast",
                _NQ81_2023,
                _NQ81_2023_SOURCE,
                note="Covers the provinces of the 2021 regions BTB and DHNTB.",
            ),
            Region("TN", "Tây Nguyên", "Central Highlands", _NQ81_2023, _NQ81_2023_SOURCE),
            Region("DNB", "Đông Nam Bộ", "Southeast", _NQ81_2023, _NQ81_2023_SOURCE),
            Region(
                "DBSCL",
                "Đồng bằng sông Cửu Long",
                "Mekong River Delta",
                _NQ81_2023,
                _NQ81_2023_SOURCE,
            ),
        ),
    ),
)

REGION_SCHEMES: tuple[str, ...] = tuple(name for name, _ in _SCHEME_TABLE)
DEFAULT_REGION_SCHEME = _NTM_2021

_SCHEMES: Mapping[str, tuple[Region, ...]] = MappingProxyType(dict(_SCHEME_TABLE))
_ALL_REGION_CODES: tuple[str, ...] = tuple(
    dict.fromkeys(r.code for _, scheme in _SCHEME_TABLE for r in scheme)
)


def regions(scheme: str = DEFAULT_REGION_SCHEME) -> tuple[Region, ...]:
    """Return the regions of ``scheme``, in their official order.

    >>> [r.code for r in regions("nq81-2023")]
    ['TDMNPB', 'DBSH', 'BTB-DHMT', 'TN', 'DNB', 'DBSCL']
    >>> regions("nq57")
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.UnknownCodeError: unknown region scheme 'nq57' (known: ntm-2021, nq81-2023)
    """
    try:
        return _SCHEMES[scheme]
    except (KeyError, TypeError):
        raise UnknownCodeError("region scheme", str(scheme), known=REGION_SCHEMES) from None


def region(code: str, scheme: str = DEFAULT_REGION_SCHEME) -> Region:
    """Return the region with ``code`` in ``scheme``.

    >>> region("DBSCL").name_vi
    'Đồng bằng sông Cửu Long'
    >>> region("BTB-DHMT", "nq81-2023").name_en
    'North Central and Central Coast'
    >>> region("BTB-DHMT")
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.UnknownCodeError: unknown region 'BTB-DHMT' (known: TDMNPB, DBSH, BTB, ...)
    """
    members = regions(scheme)
    for candidate in members:
        if candidate.code == code:
            return candidate
    raise UnknownCodeError("region", str(code), known=[r.code for r in members])


def is_region_code(code: object) -> bool:
    """Tell whether ``code`` names a region in any built-in scheme.

    >>> is_region_code("DHNTB"), is_region_code("BTB-DHMT"), is_region_code("tn")
    (True, True, False)
    """
    return isinstance(code, str) and code in _ALL_REGION_CODES


# --------------------------------------------------------------------------- locality kinds


class _KindInfo(NamedTuple):
    name_vi: str
    name_en: str
    tier: int
    label_vi: str  # the word used before a name: "thành phố Sơn La", not "thành phố thuộc tỉnh"
    label_en: str
    aliases: tuple[str, ...] = ()


_KIND_INFO: Mapping[str, _KindInfo] = MappingProxyType(
    {
        "province": _KindInfo("tỉnh", "province", 1, "tỉnh", "province"),
        "central_city": _KindInfo(
            "thành phố trực thuộc trung ương", "centrally-run city", 1, "thành phố", "city"
        ),
        "district": _KindInfo("huyện", "district", 2, "huyện", "district"),
        "town": _KindInfo("thị xã", "town", 2, "thị xã", "town"),
        "provincial_city": _KindInfo(
            "thành phố thuộc tỉnh", "provincial city", 2, "thành phố", "city"
        ),
        "urban_district": _KindInfo("quận", "urban district", 2, "quận", "district"),
        "commune": _KindInfo("xã", "commune", 3, "xã", "commune"),
        "ward": _KindInfo("phường", "ward", 3, "phường", "ward"),
        "township": _KindInfo("thị trấn", "township", 3, "thị trấn", "township"),
        "special_zone": _KindInfo("đặc khu", "special zone", 3, "đặc khu", "special zone"),
        "village": _KindInfo(
            "thôn",
            "village",
            4,
            "thôn",
            "village",
            ("bản", "ấp", "làng", "buôn", "sóc", "phum"),
        ),
        "residential_group": _KindInfo(
            "tổ dân phố", "residential group", 4, "tổ dân phố", "residential group", ("khu phố",)
        ),
    }
)


def _fold(text: str) -> str:
    """A comparison key: NFC, single spaces, underscores as spaces, case-folded."""
    return " ".join(unicodedata.normalize("NFC", text).replace("_", " ").split()).casefold()


class LocalityKind(enum.Enum):
    """The kind of an administrative unit, from province down to village.

    ``tier`` is 1 for province-level units, 2 for district-level, 3 for
    commune-level and 4 for village-level ones.  Since 1 July 2025 districts
    are abolished and communes sit directly under provinces; the tiers stay
    the same.

    >>> LocalityKind.COMMUNE.name_vi, LocalityKind.COMMUNE.name_en, LocalityKind.COMMUNE.tier
    ('xã', 'commune', 3)
    >>> LocalityKind.PROVINCIAL_CITY.name_vi
    'thành phố thuộc tỉnh'
    >>> [k.value for k in LocalityKind if k.tier == 4]
    ['village', 'residential_group']
    """

    PROVINCE = "province"
    CENTRAL_CITY = "central_city"
    DISTRICT = "district"
    TOWN = "town"
    PROVINCIAL_CITY = "provincial_city"
    URBAN_DISTRICT = "urban_district"
    COMMUNE = "commune"
    WARD = "ward"
    TOWNSHIP = "township"
    SPECIAL_ZONE = "special_zone"
    VILLAGE = "village"
    RESIDENTIAL_GROUP = "residential_group"

    @property
    def name_vi(self) -> str:
        """The Vietnamese name, in lower case.

        >>> LocalityKind.TOWNSHIP.name_vi
        'thị trấn'
        """
        return _KIND_INFO[self.value].name_vi

    @property
    def name_en(self) -> str:
        """The English name.

        >>> LocalityKind.CENTRAL_CITY.name_en
        'centrally-run city'
        """
        return _KIND_INFO[self.value].name_en

    @property
    def tier(self) -> int:
        """1 province-level, 2 district-level, 3 commune-level, 4 village-level.

        >>> LocalityKind.SPECIAL_ZONE.tier
        3
        """
        return _KIND_INFO[self.value].tier

    @classmethod
    def parse(cls, text: str | LocalityKind) -> LocalityKind:
        """Read a kind from its value, enum name, Vietnamese or English name.

        Case and spacing do not matter.  Local names of villages (bản, ấp,
        làng, buôn, sóc, phum) read as ``VILLAGE``; "khu phố" as
        ``RESIDENTIAL_GROUP``.  "thành phố" alone is ambiguous and rejected.

        >>> LocalityKind.parse("Xã"), LocalityKind.parse("THỊ TRẤN")
        (<LocalityKind.COMMUNE: 'commune'>, <LocalityKind.TOWNSHIP: 'township'>)
        >>> LocalityKind.parse("PROVINCIAL_CITY"), LocalityKind.parse("bản")
        (<LocalityKind.PROVINCIAL_CITY: 'provincial_city'>, <LocalityKind.VILLAGE: 'village'>)
        >>> LocalityKind.parse("hamlet")
        Traceback (most recent call last):
        ...
        ntm_criteria.errors.UnknownCodeError: unknown locality kind 'hamlet' (known: province, ...)
        """
        if isinstance(text, LocalityKind):
            return text
        found = _KIND_LOOKUP.get(_fold(text)) if isinstance(text, str) else None
        if found is None:
            raise UnknownCodeError("locality kind", str(text), known=[k.value for k in cls])
        return found


def _kind_keys(kind: LocalityKind) -> Iterator[str]:
    info = _KIND_INFO[kind.value]
    yield from (kind.value, kind.name, info.name_vi, info.name_en, *info.aliases)


_KIND_LOOKUP: Mapping[str, LocalityKind] = MappingProxyType(
    {_fold(key): kind for kind in LocalityKind for key in _kind_keys(kind)}
)


def _to_kind(value: str | LocalityKind) -> LocalityKind:
    return LocalityKind.parse(value)


# --------------------------------------------------------------------------- tags

TAG_LABELS: Mapping[str, Mapping[str, str]] = MappingProxyType(
    {
        tag: MappingProxyType({"vi": vi, "en": en})
        for tag, vi, en in (
            ("extremely_difficult", "xã đặc biệt khó khăn", "extremely difficult commune"),
            ("safe_zone", "xã an toàn khu (ATK)", "safe-zone (ATK) commune"),
            (
                "poor_district",
                "thuộc huyện nghèo hoặc huyện đã thoát nghèo giai đoạn 2018–2020",
                "in a poor district or one that escaped poverty in 2018–2020",
            ),
            (
                "without_commune_units",
                "không có đơn vị hành chính cấp xã",
                "without commune-level administrative units",
            ),
            ("island", "đảo", "island"),
            ("border", "biên giới", "border"),
            ("coastal", "ven biển", "coastal"),
            ("mountainous", "miền núi", "mountainous"),
            (
                "ethnic_minority_area_ii",
                "khu vực II vùng đồng bào dân tộc thiểu số và miền núi",
                "area II of the ethnic-minority and mountainous areas",
            ),
            (
                "ethnic_minority_area_iii",
                "khu vực III vùng đồng bào dân tộc thiểu số và miền núi",
                "area III of the ethnic-minority and mountainous areas",
            ),
        )
    }
)
KNOWN_TAGS: frozenset[str] = frozenset(TAG_LABELS)

_USER_TAG = re.compile(r"x_[a-z0-9_]+")


def is_valid_tag(tag: str) -> bool:
    """True for a documented tag or a user tag of the form ``x_[a-z0-9_]+``.

    >>> is_valid_tag("island"), is_valid_tag("x_vung_cao"), is_valid_tag("x_Vùng Cao")
    (True, True, False)
    """
    return tag in KNOWN_TAGS or _USER_TAG.fullmatch(tag) is not None


_TAGS_EXPECTED = f"one of {', '.join(sorted(KNOWN_TAGS))}, or a user tag matching x_[a-z0-9_]+"


def _to_tags(value: Iterable[str] | str | None) -> frozenset[str]:
    """Convert tags to a frozenset, rejecting any tag outside the vocabulary."""
    if value is None:
        return frozenset()
    if isinstance(value, str):
        items: list[object] = [value]
    else:
        try:
            items = list(value)
        except TypeError:
            raise DataError(
                f"tags must be a collection of text, not {type(value).__name__}",
                key_path="tags",
                expected="an iterable of tag names",
            ) from None
    not_text = sorted({type(item).__name__ for item in items if not isinstance(item, str)})
    if not_text:
        raise DataError(
            f"tags must be text, found {', '.join(not_text)}",
            key_path="tags",
            expected="tag names as strings",
        )
    tags = frozenset(item for item in items if isinstance(item, str))
    unknown = sorted(t for t in tags if t not in KNOWN_TAGS and not _USER_TAG.fullmatch(t))
    if unknown:
        noun = "tag" if len(unknown) == 1 else "tags"
        raise DataError(
            f"unknown {noun} {', '.join(map(repr, unknown))}",
            key_path="tags",
            expected=_TAGS_EXPECTED,
        )
    return tags


# --------------------------------------------------------------------------- localities

_GROUP_EXPECTED = "1, 2 or 3 (commune groups of Decision 51/2025/QĐ-TTg)"
_COMMUNE_KINDS = ", ".join(k.value for k in LocalityKind if k.tier == 3)


def _check_region(value: object) -> None:
    if value is None:
        return
    if not isinstance(value, str):
        raise DataError(
            f"region must be text, not {type(value).__name__}",
            key_path="region",
            expected="a region code or None",
        )
    if not is_region_code(value):
        raise UnknownCodeError("region", value, known=_ALL_REGION_CODES)


def _check_group(group: object, kind: LocalityKind) -> None:
    if group is None:
        return
    if isinstance(group, bool) or not isinstance(group, int) or group not in (1, 2, 3):
        raise DataError(
            f"group {group!r} is not a commune group", key_path="group", expected=_GROUP_EXPECTED
        )
    if kind.tier != 3:
        raise DataError(
            f"group {group} is set on a {kind.value}; groups apply only to commune-level units",
            key_path="group",
            expected=f"no group, or a kind among {_COMMUNE_KINDS}",
        )


def _prefixed(name: str, kind: LocalityKind) -> str:
    """``name`` with the kind's word before it, unless the name already starts with one."""
    info = _KIND_INFO[kind.value]
    for word in (info.label_vi, info.name_vi, *info.aliases):
        head = name[: len(word)]
        if head.casefold() == word and name[len(word) : len(word) + 1] == " ":
            return head.lower() + name[len(word) :]
    return f"{info.label_vi} {name}"


def _suffixed(name: str, kind: LocalityKind) -> str:
    suffix = _KIND_INFO[kind.value].label_en
    if name.casefold().endswith(" " + suffix):
        return name
    return f"{name} {suffix}"


_LOCALITY_FIELDS = ("code", "name_vi", "kind", "parent", "region", "tags", "group", "name_en")
_REQUIRED_FIELDS = ("code", "name_vi", "kind")


@attrs.frozen
class Locality:
    """One administrative unit: a province, district, commune, village…

    ``code`` is the official code (for example the GSO code); ``parent`` is
    the code of the unit it belongs to.  ``kind`` accepts a
    :class:`LocalityKind` or any text :meth:`LocalityKind.parse` reads.
    ``region`` is a code of some region scheme.  ``tags`` come from
    ``KNOWN_TAGS`` or are user tags starting with ``x_``.  ``group`` is the
    2026–2030 commune group (1, 2 or 3) and is allowed only on commune-level
    units.  Names are kept exactly as given (no Unicode normalisation).

    >>> loc = Locality("03664", "Chiềng Xôm", "xã", parent="116", region="TDMNPB",
    ...                tags=["mountainous"], group=3)
    >>> loc.kind, loc.tags
    (<LocalityKind.COMMUNE: 'commune'>, frozenset({'mountainous'}))
    >>> Locality("14", "Sơn La", "tỉnh", group=1)
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.DataError: group: group 1 is set on a province; ...
    >>> Locality("14", "Sơn La", "tỉnh", tags=["isle"])
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.DataError: tags: unknown tag 'isle' (expected one of border, ...)
    """

    code: str = attrs.field(validator=_required_text)
    name_vi: str = attrs.field(validator=_required_text)
    kind: LocalityKind = attrs.field(converter=_to_kind)
    parent: str | None = attrs.field(default=None, validator=_optional_text)
    region: str | None = attrs.field(default=None)
    tags: frozenset[str] = attrs.field(default=frozenset(), converter=_to_tags)
    group: int | None = attrs.field(default=None)
    name_en: str | None = attrs.field(default=None, validator=_optional_text)

    @parent.validator
    def _validate_parent(self, attribute: attrs.Attribute[Any], value: str | None) -> None:
        if value is not None and value == self.code:
            raise DataError(
                f"locality {self.code!r} cannot be its own parent",
                key_path="parent",
                expected="the code of another locality",
            )

    @region.validator
    def _validate_region(self, attribute: attrs.Attribute[Any], value: str | None) -> None:
        _check_region(value)

    @group.validator
    def _validate_group(self, attribute: attrs.Attribute[Any], value: int | None) -> None:
        _check_group(value, self.kind)

    def has_tag(self, tag: str) -> bool:
        """Tell whether the locality carries ``tag``.

        >>> Locality("1", "Cô Tô", "đặc khu", tags=["island"]).has_tag("island")
        True
        """
        return tag in self.tags

    def label(self, lang: str = "vi") -> str:
        """The name with its kind, as written in reports: "xã Chiềng Xôm".

        In English the kind follows the name and ``name_en`` is used when set.
        A name that already starts with its kind's word is not prefixed again.

        >>> loc = Locality("03664", "Chiềng Xôm", LocalityKind.COMMUNE)
        >>> loc.label(), loc.label("en")
        ('xã Chiềng Xôm', 'Chiềng Xôm commune')
        >>> Locality("116", "Sơn La", "provincial_city").label()
        'thành phố Sơn La'
        >>> Locality("03664-01", "Bản Híp", "village").label()
        'bản Híp'
        """
        if lang == "vi":
            return _prefixed(self.name_vi, self.kind)
        if lang == "en":
            return _suffixed(self.name_en or self.name_vi, self.kind)
        raise UnknownCodeError("language", str(lang), known=("vi", "en"))

    def to_dict(self) -> dict[str, Any]:
        """Plain data: every field, ``kind`` as its value, ``tags`` as a sorted list.

        >>> data = Locality("14", "Sơn La", "tỉnh", region="TDMNPB", tags={"border"}).to_dict()
        >>> data["code"], data["name_vi"], data["kind"], data["tags"], data["group"]
        ('14', 'Sơn La', 'province', ['border'], None)
        >>> list(data)
        ['code', 'name_vi', 'kind', 'parent', 'region', 'tags', 'group', 'name_en']
        """
        return {
            "code": self.code,
            "name_vi": self.name_vi,
            "kind": self.kind.value,
            "parent": self.parent,
            "region": self.region,
            "tags": sorted(self.tags),
            "group": self.group,
            "name_en": self.name_en,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Locality:
        """Build a locality from plain data such as :meth:`to_dict` produces.

        ``code``, ``name_vi`` and ``kind`` are required; unknown keys are an error.

        >>> loc = Locality("03664", "Chiềng Xôm", "commune", tags=["mountainous"])
        >>> Locality.from_dict(loc.to_dict()) == loc
        True
        >>> Locality.from_dict({"code": "1", "name": "X"})
        Traceback (most recent call last):
        ...
        ntm_criteria.errors.DataError: locality: unknown key 'name'; missing name_vi, kind ...
        """
        if not isinstance(data, Mapping):
            raise DataError(
                f"a locality must be a mapping, not {type(data).__name__}",
                expected=f"a mapping with keys among {', '.join(_LOCALITY_FIELDS)}",
            )
        problems: list[str] = []
        unknown = [repr(key) for key in data if key not in _LOCALITY_FIELDS]
        if unknown:
            problems.append(f"unknown key{'s' if len(unknown) > 1 else ''} {', '.join(unknown)}")
        missing = [key for key in _REQUIRED_FIELDS if key not in data]
        if missing:
            problems.append(f"missing {', '.join(missing)}")
        if problems:
            raise DataError(
                "; ".join(problems),
                key_path="locality",
                expected=f"keys among {', '.join(_LOCALITY_FIELDS)}; "
                f"{', '.join(_REQUIRED_FIELDS)} required",
            )
        return cls(**{str(key): value for key, value in data.items()})


# --------------------------------------------------------------------------- gazetteer

_COLUMNS = _LOCALITY_FIELDS
_COLUMNS_EXPECTED = f"columns {','.join(_COLUMNS)} ({', '.join(_REQUIRED_FIELDS)} required)"
_TAG_SEPARATORS = re.compile(r"[;|]")


def _parse_required(field: str) -> Callable[[str], str]:
    def parse(cell: str) -> str:
        _check_text(field, cell)
        return cell

    return parse


def _parse_optional(cell: str) -> str | None:
    return cell or None


def _parse_kind(cell: str) -> LocalityKind:
    if not cell:
        raise DataError(
            "kind is empty", expected=f"one of {', '.join(k.value for k in LocalityKind)}"
        )
    return LocalityKind.parse(cell)


def _parse_region(cell: str) -> str | None:
    _check_region(cell or None)
    return cell or None


def _parse_tags(cell: str) -> frozenset[str]:
    return _to_tags([tag.strip() for tag in _TAG_SEPARATORS.split(cell) if tag.strip()])


def _parse_group(cell: str) -> int | None:
    if not cell:
        return None
    if re.fullmatch("[123]", cell) is None:
        raise DataError(f"group {cell!r} is not a commune group", expected=_GROUP_EXPECTED)
    return int(cell)


_CELL_PARSERS: tuple[tuple[str, Callable[[str], object]], ...] = (
    ("code", _parse_required("code")),
    ("name_vi", _parse_required("name_vi")),
    ("kind", _parse_kind),
    ("parent", _parse_optional),
    ("region", _parse_region),
    ("tags", _parse_tags),
    ("group", _parse_group),
    ("name_en", _parse_optional),
)


class _RowReader:
    """Turns one row of text cells into a locality, collecting every problem."""

    def __init__(self, number: int, line: int | None, errors: list[DataError]) -> None:
        self.number = number
        self.line = line
        self.errors = errors

    def add(self, field: str | None, message: str, expected: str | None = None) -> None:
        key = f"row {self.number}" if field is None else f"row {self.number}: {field}"
        self.errors.append(DataError(message, line=self.line, key_path=key, expected=expected))

    def cells(self, row: object) -> dict[str, str] | None:
        """The row's cells, stripped; None when the row is unusable or blank."""
        if not isinstance(row, Mapping):
            self.add(None, f"row is a {type(row).__name__}, not a mapping", _COLUMNS_EXPECTED)
            return None
        cells: dict[str, str] = {}
        ok = True
        unknown: list[str] = []
        for key, value in row.items():
            if key is None:  # where csv.DictReader puts surplus fields
                self.add(None, "row has more fields than the header has columns")
                ok = False
            elif not isinstance(key, str) or key not in _COLUMNS:
                unknown.append(repr(key))
            elif value is None:
                cells[key] = ""
            elif isinstance(value, str):
                cells[key] = value.strip()
            else:
                self.add(key, f"{key} is a {type(value).__name__}, not text")
                ok = False
        if unknown:
            self.add(None, f"unknown column(s) {', '.join(unknown)}", _COLUMNS_EXPECTED)
            ok = False
        if not ok or not any(cells.values()):
            return None  # unusable, or a blank row
        missing = [key for key in _REQUIRED_FIELDS if key not in cells]
        if missing:
            self.add(None, f"missing column(s) {', '.join(missing)}", _COLUMNS_EXPECTED)
            return None
        return cells

    def read(self, row: object) -> tuple[str | None, Locality | None]:
        """The row's code (when readable) and its locality (when the row is valid)."""
        cells = self.cells(row)
        if cells is None:
            return None, None
        before = len(self.errors)
        values: dict[str, Any] = {}
        for field, parse in _CELL_PARSERS:
            try:
                values[field] = parse(cells.get(field, ""))
            except DataError as err:
                self.add(field, err.message, err.expected)
            except UnknownCodeError as err:
                self.add(field, str(err))
        if "kind" in values and "group" in values:
            try:
                _check_group(values["group"], values["kind"])
            except DataError as err:
                self.add("group", err.message, err.expected)
        code = values.get("code")
        if len(self.errors) > before:
            return code, None
        try:
            return code, Locality(**values)
        except DataError as err:
            self.add(err.key_path, err.message, err.expected)
        except UnknownCodeError as err:
            self.add(None, str(err))
        return code, None


def _csv_records(text: str, file: str) -> list[tuple[int, int, object]]:
    """Split CSV text into (row number, line number, cells); check the header."""
    reader = csv.reader(io.StringIO(text, newline=""))
    records: list[tuple[int, int, object]] = []
    header: list[str] | None = None
    header_errors: list[DataError] = []
    previous_end = 0
    try:
        for fields in reader:
            start, previous_end = previous_end + 1, reader.line_num
            if not fields:
                continue
            if header is None:
                header = [name.strip() for name in fields]
                header_errors = _header_errors(header, start)
                if header_errors:
                    break
                continue
            cells: dict[str | None, object] = dict(zip(header, fields, strict=False))
            surplus = fields[len(header) :]
            if any(cell.strip() for cell in surplus):
                cells[None] = surplus  # as csv.DictReader does; reported as a row error
            records.append((len(records) + 1, start, cells))
    except csv.Error as err:
        raise DataError(f"malformed CSV: {err}", file=file, line=reader.line_num) from err
    if header is None:
        raise DataError(
            "the file is empty", file=file, expected=f"a header with {_COLUMNS_EXPECTED}"
        )
    if header_errors:
        raise DataErrors(header_errors, file=file)
    return records


def _header_errors(header: list[str], line: int) -> list[DataError]:
    errors: list[DataError] = []

    def add(message: str) -> None:
        errors.append(DataError(message, line=line, key_path="header", expected=_COLUMNS_EXPECTED))

    unknown = [name for name in header if name not in _COLUMNS]
    if unknown:
        add(f"unknown column(s) {', '.join(map(repr, unknown))}")
    repeated = sorted({name for name in header if header.count(name) > 1})
    if repeated:
        add(f"repeated column(s) {', '.join(map(repr, repeated))}")
    missing = [name for name in _REQUIRED_FIELDS if name not in header]
    if missing:
        add(f"missing required column(s) {', '.join(missing)}")
    return errors


class Gazetteer:
    """An immutable collection of localities, looked up by code and walked as a tree.

    Codes must be unique.  Parent links are only checked by :meth:`validate`,
    so a gazetteer may hold part of the country (a locality whose parent is
    absent is then a root).

    >>> gaz = Gazetteer([
    ...     Locality("14", "Sơn La", "province", region="TDMNPB"),
    ...     Locality("116", "Sơn La", "provincial_city", parent="14"),
    ...     Locality("03664", "Chiềng Xôm", "commune", parent="116"),
    ...     Locality("03661", "Chiềng Đen", "commune", parent="116"),
    ... ])
    >>> len(gaz), "03661" in gaz, [loc.code for loc in gaz.children("116")]
    (4, True, ['03664', '03661'])
    >>> Gazetteer([Locality("1", "A", "xã"), Locality("1", "B", "xã")])
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.DataErrors: 1 problem:
      - localities[1].code: duplicate locality code '1' (first at localities[0]) ...
    """

    __slots__ = ("_by_code", "_children", "_localities", "_source")

    _localities: tuple[Locality, ...]
    _by_code: Mapping[str, Locality]
    _children: Mapping[str, tuple[Locality, ...]]
    _source: str | None

    def __init__(self, localities: Iterable[Locality], *, source: str | None = None) -> None:
        items = tuple(localities)
        errors: list[DataError] = []
        by_code: dict[str, Locality] = {}
        first: dict[str, int] = {}
        for index, loc in enumerate(items):
            if not isinstance(loc, Locality):
                errors.append(
                    DataError(
                        f"item is a {type(loc).__name__}, not a Locality",
                        key_path=f"localities[{index}]",
                    )
                )
            elif loc.code in by_code:
                errors.append(
                    DataError(
                        f"duplicate locality code {loc.code!r} "
                        f"(first at localities[{first[loc.code]}])",
                        key_path=f"localities[{index}].code",
                        expected="unique codes",
                    )
                )
            else:
                by_code[loc.code] = loc
                first[loc.code] = index
        if errors:
            raise DataErrors(errors, file=source)
        children: dict[str, list[Locality]] = {}
        for loc in items:
            if loc.parent is not None and loc.parent in by_code:
                children.setdefault(loc.parent, []).append(loc)
        object.__setattr__(self, "_localities", items)
        object.__setattr__(self, "_by_code", MappingProxyType(by_code))
        object.__setattr__(
            self, "_children", MappingProxyType({k: tuple(v) for k, v in children.items()})
        )
        object.__setattr__(self, "_source", source)

    def __setattr__(self, name: str, value: object) -> None:
        raise attrs.exceptions.FrozenInstanceError()

    def __delattr__(self, name: str) -> None:
        raise attrs.exceptions.FrozenInstanceError()

    # -- collection protocol

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and code in self._by_code

    def __iter__(self) -> Iterator[Locality]:
        return iter(self._localities)

    def __len__(self) -> int:
        return len(self._localities)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Gazetteer):
            return NotImplemented
        return self._localities == other._localities

    def __hash__(self) -> int:
        return hash(self._localities)

    def __repr__(self) -> str:
        source = f", source={self._source!r}" if self._source is not None else ""
        return f"<Gazetteer of {len(self)} localities{source}>"

    @property
    def source(self) -> str | None:
        """Where the localities came from (a file path), if known.

        >>> Gazetteer([]).source is None
        True
        """
        return self._source

    @property
    def by_code(self) -> Mapping[str, Locality]:
        """A read-only mapping of code to locality.

        >>> Gazetteer([Locality("14", "Sơn La", "tỉnh")]).by_code["14"].name_vi
        'Sơn La'
        """
        return self._by_code

    # -- lookups

    def get(self, code: str) -> Locality:
        """Return the locality with ``code``.

        >>> gaz = Gazetteer([Locality("14", "Sơn La", "tỉnh")])
        >>> gaz.get("14").label()
        'tỉnh Sơn La'
        >>> gaz.get("15")
        Traceback (most recent call last):
        ...
        ntm_criteria.errors.UnknownCodeError: unknown locality '15'
        """
        try:
            return self._by_code[code]
        except (KeyError, TypeError):
            raise UnknownCodeError("locality", str(code), where=self._source or "") from None

    def parent(self, code: str) -> Locality | None:
        """Return the parent of ``code``, or None if it has none in this gazetteer.

        >>> gaz = Gazetteer([Locality("14", "Sơn La", "tỉnh"),
        ...                  Locality("116", "Sơn La", "provincial_city", parent="14")])
        >>> gaz.parent("116").code, gaz.parent("14")
        ('14', None)
        """
        parent = self.get(code).parent
        return None if parent is None else self._by_code.get(parent)

    def children(self, code: str) -> tuple[Locality, ...]:
        """Return the direct children of ``code``, in insertion order.

        >>> gaz = Gazetteer([Locality("116", "Sơn La", "provincial_city"),
        ...                  Locality("03664", "Chiềng Xôm", "xã", parent="116")])
        >>> [loc.name_vi for loc in gaz.children("116")], gaz.children("03664")
        (['Chiềng Xôm'], ())
        """
        self.get(code)
        return self._children.get(code, ())

    def descendants(
        self, code: str, kind: LocalityKind | str | None = None
    ) -> tuple[Locality, ...]:
        """Return every locality below ``code``, depth first, optionally of one ``kind``.

        >>> gaz = Gazetteer([
        ...     Locality("14", "Sơn La", "tỉnh"),
        ...     Locality("116", "Sơn La", "provincial_city", parent="14"),
        ...     Locality("03664", "Chiềng Xôm", "xã", parent="116"),
        ...     Locality("03664-01", "Bản Híp", "thôn", parent="03664"),
        ...     Locality("03661", "Chiềng Đen", "xã", parent="116"),
        ... ])
        >>> [loc.code for loc in gaz.descendants("14")]
        ['116', '03664', '03664-01', '03661']
        >>> [loc.code for loc in gaz.descendants("14", LocalityKind.COMMUNE)]
        ['03664', '03661']
        """
        self.get(code)
        wanted = None if kind is None else LocalityKind.parse(kind)
        found: list[Locality] = []
        seen = {code}  # guards against cycles, which validate() reports
        stack = list(reversed(self._children.get(code, ())))
        while stack:
            loc = stack.pop()
            if loc.code in seen:
                continue
            seen.add(loc.code)
            if wanted is None or loc.kind is wanted:
                found.append(loc)
            stack.extend(reversed(self._children.get(loc.code, ())))
        return tuple(found)

    def ancestors(self, code: str) -> tuple[Locality, ...]:
        """Return the chain of parents of ``code``, nearest first.

        >>> gaz = Gazetteer([Locality("14", "Sơn La", "tỉnh"),
        ...                  Locality("116", "Sơn La", "provincial_city", parent="14"),
        ...                  Locality("03664", "Chiềng Xôm", "xã", parent="116")])
        >>> [loc.label() for loc in gaz.ancestors("03664")]
        ['thành phố Sơn La', 'tỉnh Sơn La']
        """
        loc = self.get(code)
        chain: list[Locality] = []
        seen = {code}
        while loc.parent is not None and loc.parent in self._by_code and loc.parent not in seen:
            loc = self._by_code[loc.parent]
            seen.add(loc.code)
            chain.append(loc)
        return tuple(chain)

    def region_of(self, code: str) -> str | None:
        """Return the region of ``code``: its own, else its nearest ancestor's.

        >>> gaz = Gazetteer([Locality("14", "Sơn La", "tỉnh", region="TDMNPB"),
        ...                  Locality("03664", "Chiềng Xôm", "xã", parent="14")])
        >>> gaz.region_of("03664")
        'TDMNPB'
        """
        loc = self.get(code)
        if loc.region is not None:
            return loc.region
        for ancestor in self.ancestors(code):
            if ancestor.region is not None:
                return ancestor.region
        return None

    def effective(self, code: str) -> Locality:
        """Return the locality ``code`` with its region filled in from its ancestors.

        Assessments need a commune's region, which a gazetteer usually records
        only on the province.

        >>> gaz = Gazetteer([Locality("14", "Sơn La", "tỉnh", region="TDMNPB"),
        ...                  Locality("03664", "Chiềng Xôm", "xã", parent="14")])
        >>> gaz.effective("03664").region
        'TDMNPB'
        """
        loc = self.get(code)
        if loc.region is not None:
            return loc
        return attrs.evolve(loc, region=self.region_of(code))

    def roots(self) -> tuple[Locality, ...]:
        """Return the localities with no parent in this gazetteer.

        >>> gaz = Gazetteer([Locality("14", "Sơn La", "tỉnh"),
        ...                  Locality("03664", "Chiềng Xôm", "xã", parent="14"),
        ...                  Locality("00001", "Phúc Xá", "phường", parent="01")])
        >>> [loc.code for loc in gaz.roots()]
        ['14', '00001']
        """
        return tuple(
            loc for loc in self._localities if loc.parent is None or loc.parent not in self._by_code
        )

    # -- checks

    def validate(self) -> None:
        """Check the tree; raise :class:`~ntm_criteria.errors.DataErrors` with every problem.

        Problems: a parent code not in the gazetteer, a cycle of parent links,
        a child whose tier is not below its parent's (a province under a
        commune), a village-level unit whose parent is not commune-level.

        >>> Gazetteer([Locality("14", "Sơn La", "tỉnh")]).validate()
        >>> Gazetteer([Locality("14", "Sơn La", "tỉnh", parent="03664"),
        ...            Locality("03664", "Chiềng Xôm", "xã", parent="99")]).validate()
        Traceback (most recent call last):
        ...
        ntm_criteria.errors.DataErrors: 2 problems:
          - locality '14': a province cannot be under a commune ('03664') ...
          - locality '03664': parent '99' is not in the gazetteer ...
        """
        in_cycle, cycles = self._cycles()
        errors: list[DataError] = []
        for loc in self._localities:
            if loc.code in cycles:
                errors.append(
                    DataError(
                        f"cycle of parent links: {' → '.join(cycles[loc.code])}",
                        key_path=f"locality {loc.code!r}",
                        expected="a tree: no locality is its own ancestor",
                    )
                )
            if loc.parent is None or loc.code in in_cycle:
                continue
            parent = self._by_code.get(loc.parent)
            if parent is None:
                errors.append(
                    DataError(
                        f"parent {loc.parent!r} is not in the gazetteer",
                        key_path=f"locality {loc.code!r}",
                        expected="the code of a locality in this gazetteer",
                    )
                )
            else:
                problem = _edge_problem(loc, parent)
                if problem is not None:
                    errors.append(problem)
        if errors:
            raise DataErrors(errors, file=self._source)

    def _cycles(self) -> tuple[set[str], dict[str, tuple[str, ...]]]:
        """Codes on a cycle, and each cycle keyed by its first code in insertion order."""
        done: set[str] = set()
        in_cycle: set[str] = set()
        cycles: dict[str, tuple[str, ...]] = {}
        order = {loc.code: index for index, loc in enumerate(self._localities)}
        for start in self._localities:
            path: list[str] = []
            position: dict[str, int] = {}
            code: str | None = start.code
            while code is not None and code in self._by_code and code not in done:
                if code in position:
                    cycle = path[position[code] :]
                    first = min(range(len(cycle)), key=lambda i: order[cycle[i]])
                    loop = cycle[first:] + cycle[:first]
                    cycles[loop[0]] = (*loop, loop[0])
                    in_cycle.update(cycle)
                    break
                position[code] = len(path)
                path.append(code)
                code = self._by_code[code].parent
            done.update(path)
        return in_cycle, cycles

    # -- rows and CSV

    @classmethod
    def from_rows(
        cls, rows: Iterable[Mapping[str, str]], *, source: str | None = None
    ) -> Gazetteer:
        """Build a gazetteer from rows of text, as read from a spreadsheet.

        Columns: ``code,name_vi,kind,parent,region,tags,group,name_en``; the
        first three are required.  Cells are stripped; an empty cell means
        None; tags are separated by ``;`` or ``|``.  Every problem of every
        row is collected and raised together as
        :class:`~ntm_criteria.errors.DataErrors` (key paths such as
        ``row 2: kind``); nothing is half-loaded.  Rows whose cells are all
        empty are skipped.

        >>> gaz = Gazetteer.from_rows([
        ...     {"code": "14", "name_vi": "Sơn La", "kind": "tỉnh", "region": "TDMNPB"},
        ...     {"code": "03664", "name_vi": "Chiềng Xôm", "kind": "xã", "parent": "14",
        ...      "tags": "mountainous; x_pilot", "group": "3"},
        ... ])
        >>> sorted(gaz.get("03664").tags), gaz.get("03664").group
        (['mountainous', 'x_pilot'], 3)
        >>> Gazetteer.from_rows([{"code": "1", "name_vi": "A", "kind": "hamlet", "group": "7"}])
        Traceback (most recent call last):
        ...
        ntm_criteria.errors.DataErrors: 2 problems:
          - row 1: kind: unknown locality kind 'hamlet' (known: ...)
          - row 1: group: group '7' is not a commune group ...
        """
        try:
            iterator = iter(rows)
        except TypeError:
            raise DataError(
                f"rows must be an iterable of mappings, not {type(rows).__name__}", file=source
            ) from None
        return cls._from_records(
            ((number, None, row) for number, row in enumerate(iterator, 1)), source
        )

    @classmethod
    def _from_records(
        cls, records: Iterable[tuple[int, int | None, object]], source: str | None
    ) -> Gazetteer:
        errors: list[DataError] = []
        localities: list[Locality] = []
        first_seen: dict[str, tuple[int, int | None]] = {}
        for number, line, row in records:
            reader = _RowReader(number, line, errors)
            code, loc = reader.read(row)
            if code is not None and code in first_seen:
                first_row, first_line = first_seen[code]
                where = f"line {first_line}" if first_line is not None else f"row {first_row}"
                reader.add(
                    "code", f"duplicate locality code {code!r} (first on {where})", "unique codes"
                )
                continue
            if code is not None:
                first_seen[code] = (number, line)
            if loc is not None:
                localities.append(loc)
        if errors:
            raise DataErrors(errors, file=source)
        return cls(localities, source=source)

    @classmethod
    def load_csv(cls, path: str | os.PathLike[str]) -> Gazetteer:
        """Load a gazetteer from a UTF-8 CSV file (a byte-order mark is allowed).

        The header names the columns (see :meth:`from_rows`).  Errors name the
        file, and each row problem its CSV line and row.

        >>> import tempfile, pathlib
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     csv_path = pathlib.Path(tmp, "g.csv")
        ...     _ = csv_path.write_text("code,name_vi,kind,parent\\n14,Sơn La,tỉnh,\\n"
        ...                             "03664,Chiềng Xôm,xã,14\\n", encoding="utf-8")
        ...     gaz = Gazetteer.load_csv(csv_path)
        >>> [loc.label() for loc in gaz]
        ['tỉnh Sơn La', 'xã Chiềng Xôm']
        >>> Gazetteer.load_csv("no/such/file.csv")
        Traceback (most recent call last):
        ...
        ntm_criteria.errors.DataError: no/such/file.csv: cannot read the gazetteer: ...
        """
        name = os.fspath(path)
        try:
            data = Path(name).read_bytes()
        except (OSError, ValueError) as err:
            reason = err.strerror if isinstance(err, OSError) and err.strerror else str(err)
            raise DataError(
                f"cannot read the gazetteer: {reason}",
                file=name,
                expected="a readable UTF-8 CSV file",
            ) from err
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as err:
            line = data[: err.start].count(b"\n") + 1
            raise DataError(
                f"not UTF-8 text (byte {data[err.start]:#04x})",
                file=name,
                line=line,
                expected="a UTF-8 CSV file",
            ) from err
        return cls._from_records(_csv_records(text, name), name)

    def to_rows(self) -> list[dict[str, str]]:
        """Return one row of text per locality, in the columns :meth:`from_rows` reads.

        >>> gaz = Gazetteer([Locality("03664", "Chiềng Xôm", "xã", tags=["border", "island"])])
        >>> row = gaz.to_rows()[0]
        >>> row["name_vi"], row["kind"], row["tags"], row["group"]
        ('Chiềng Xôm', 'commune', 'border;island', '')
        >>> Gazetteer.from_rows(gaz.to_rows()) == gaz
        True
        """
        return [
            {
                "code": loc.code,
                "name_vi": loc.name_vi,
                "kind": loc.kind.value,
                "parent": loc.parent or "",
                "region": loc.region or "",
                "tags": ";".join(sorted(loc.tags)),
                "group": "" if loc.group is None else str(loc.group),
                "name_en": loc.name_en or "",
            }
            for loc in self._localities
        ]


def _edge_problem(child: Locality, parent: Locality) -> DataError | None:
    """The problem with ``child`` sitting under ``parent``, if any."""
    where = f"locality {child.code!r}"
    if child.kind.tier == 4 and parent.kind.tier != 3:
        return DataError(
            f"a {child.kind.value} must be under a commune-level unit, "
            f"not a {parent.kind.value} ({parent.code!r})",
            key_path=where,
            expected=f"a parent of kind {_COMMUNE_KINDS}",
        )
    if child.kind.tier <= parent.kind.tier:
        return DataError(
            f"a {child.kind.value} cannot be under a {parent.kind.value} ({parent.code!r})",
            key_path=where,
            expected=f"a parent of a higher tier than {child.kind.tier}",
        )
    return None
