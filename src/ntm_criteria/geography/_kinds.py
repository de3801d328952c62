"""Kinds of administrative unit (:class:`LocalityKind`), their names and tiers from ``kinds.toml``.

The enum is the closed set of kinds the code can name (``LocalityKind.COMMUNE``);
everything said about a kind — its names, tier, the word written with a name,
local aliases — is data.  The two must list the same codes in the same order.
"""

from __future__ import annotations

import enum
import unicodedata
from collections.abc import Iterator, Mapping
from types import MappingProxyType

import attrs

from ntm_criteria.errors import DataError, DataErrors, UnknownCodeError
from ntm_criteria.geography._data import data_file, entries

__all__ = ["COMMUNE_KINDS", "KindInfo", "LocalityKind", "kind_info"]


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
        return kind_info(self).name_vi

    @property
    def name_en(self) -> str:
        """The English name.

        >>> LocalityKind.CENTRAL_CITY.name_en
        'centrally-run city'
        """
        return kind_info(self).name_en

    @property
    def tier(self) -> int:
        """1 province-level, 2 district-level, 3 commune-level, 4 village-level.

        >>> LocalityKind.SPECIAL_ZONE.tier
        3
        """
        return kind_info(self).tier

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


@attrs.frozen
class KindInfo:
    """What ``kinds.toml`` says about one kind.

    ``label_vi``/``label_en`` are the words used with a name ("thành phố Sơn
    La", not "thành phố thuộc tỉnh Sơn La").

    >>> kind_info(LocalityKind.VILLAGE).aliases[:2]
    ('bản', 'ấp')
    """

    name_vi: str
    name_en: str
    tier: int
    label_vi: str
    label_en: str
    aliases: tuple[str, ...] = ()


_KIND_KEYS = ("code", "name_vi", "name_en", "label_vi", "label_en", "tier", "aliases")


def _load() -> Mapping[str, KindInfo]:
    file, reader, data = data_file("kinds.toml")
    reader.keys(data, ("format", "kinds"), "")
    found: dict[str, KindInfo] = {}
    for path, item in entries(reader, data, "kinds", "", _KIND_KEYS):
        code, vi, en, label_vi, label_en = (reader.text(item, key, path) for key in _KIND_KEYS[:5])
        tier = reader.whole(item, "tier", path)
        aliases = reader.strings(item, "aliases", path) if "aliases" in item else []
        if code and vi and en and tier and label_vi and label_en:
            found[code] = KindInfo(vi, en, tier, label_vi, label_en, tuple(aliases))
    reader.problems.raise_if_any(file)
    if list(found) != [kind.value for kind in LocalityKind]:
        raise DataErrors(
            [
                DataError(
                    f"the kinds {list(found)} are not those of LocalityKind",
                    key_path="kinds",
                    expected=", ".join(kind.value for kind in LocalityKind) + ", in this order",
                )
            ],
            file=file,
        )
    return MappingProxyType(found)


_KIND_INFO = _load()


def kind_info(kind: LocalityKind) -> KindInfo:
    """The data of ``kind``.

    >>> kind_info(LocalityKind.PROVINCIAL_CITY).label_vi
    'thành phố'
    """
    return _KIND_INFO[kind.value]


def _fold(text: str) -> str:
    """A comparison key: NFC, single spaces, underscores as spaces, case-folded."""
    return " ".join(unicodedata.normalize("NFC", text).replace("_", " ").split()).casefold()


def _kind_keys(kind: LocalityKind) -> Iterator[str]:
    info = kind_info(kind)
    yield from (kind.value, kind.name, info.name_vi, info.name_en, *info.aliases)


_KIND_LOOKUP: Mapping[str, LocalityKind] = MappingProxyType(
    {_fold(key): kind for kind in LocalityKind for key in _kind_keys(kind)}
)

COMMUNE_KINDS = ", ".join(k.value for k in LocalityKind if k.tier == 3)
