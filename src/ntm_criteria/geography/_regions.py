"""Socio-economic regions (vùng kinh tế – xã hội) and the region schemes, from ``regions.toml``."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

import attrs

from ntm_criteria._validators import nfc
from ntm_criteria.errors import DataError, UnknownCodeError
from ntm_criteria.geography._data import data_file, entries
from ntm_criteria.geography._fields import optional_text_field, text_field

__all__ = [
    "ALL_REGION_CODES",
    "DEFAULT_REGION_SCHEME",
    "REGION_SCHEMES",
    "Region",
    "is_region_code",
    "region",
    "regions",
]


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

    code: str = attrs.field(validator=text_field)
    name_vi: str = attrs.field(validator=text_field)
    name_en: str = attrs.field(validator=text_field)
    scheme: str = attrs.field(validator=text_field)
    source: str | None = attrs.field(validator=optional_text_field)
    note: str | None = attrs.field(default=None, validator=optional_text_field)


_REGION_KEYS = ("code", "name_vi", "name_en", "source", "note")


def _load() -> tuple[tuple[str, tuple[Region, ...]], ...]:
    """The schemes of ``regions.toml`` with their regions, in the file's order."""
    file, reader, data = data_file("regions.toml")
    reader.keys(data, ("format", "schemes"), "")
    table: list[tuple[str, tuple[Region, ...]]] = []
    for path, scheme in entries(reader, data, "schemes", "", ("id", "regions")):
        scheme_id = reader.text(scheme, "id", path)
        members: list[Region] = []
        for item_path, item in entries(reader, scheme, "regions", path, _REGION_KEYS):
            code, name_vi, name_en, source, note = (
                reader.text(item, key, item_path, required=key not in ("source", "note"))
                for key in _REGION_KEYS
            )
            if scheme_id is None or code is None or name_vi is None or name_en is None:
                continue
            try:
                members.append(Region(code, name_vi, name_en, scheme_id, source, note=note))
            except DataError as err:
                reader.problems.add_error(item_path, err)
        if scheme_id is not None:
            table.append((scheme_id, tuple(members)))
    reader.problems.raise_if_any(file)
    return tuple(table)


_SCHEME_TABLE = _load()

REGION_SCHEMES: tuple[str, ...] = tuple(name for name, _ in _SCHEME_TABLE)
DEFAULT_REGION_SCHEME = REGION_SCHEMES[0]  # the file lists the default scheme first

_SCHEMES: Mapping[str, tuple[Region, ...]] = MappingProxyType(dict(_SCHEME_TABLE))
ALL_REGION_CODES: tuple[str, ...] = tuple(
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
    members = regions(nfc(scheme) if isinstance(scheme, str) else scheme)
    wanted = nfc(code) if isinstance(code, str) else code
    for candidate in members:
        if candidate.code == wanted:
            return candidate
    raise UnknownCodeError("region", str(code), known=[r.code for r in members])


def is_region_code(code: object) -> bool:
    """Tell whether ``code`` names a region in any built-in scheme.

    >>> is_region_code("DHNTB"), is_region_code("BTB-DHMT"), is_region_code("tn")
    (True, True, False)
    """
    return isinstance(code, str) and nfc(code) in ALL_REGION_CODES
