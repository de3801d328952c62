"""One administrative unit (:class:`Locality`): its code, names, kind, parent, region, tags, group."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from ntm_criteria._records import record_to_dict
from ntm_criteria.errors import DataError, UnknownCodeError
from ntm_criteria.geography._fields import as_code, optional_text_field, text_field
from ntm_criteria.geography._kinds import COMMUNE_KINDS, LocalityKind, kind_info
from ntm_criteria.geography._regions import ALL_REGION_CODES, is_region_code
from ntm_criteria.geography._tags import to_tags
from ntm_criteria.text import message, pick

__all__ = [
    "GROUP_EXPECTED",
    "LOCALITY_FIELDS",
    "REQUIRED_FIELDS",
    "Locality",
    "check_group",
    "check_region",
]

GROUP_EXPECTED = "1, 2 or 3 (commune groups of Decision 51/2025/QĐ-TTg)"
LOCALITY_FIELDS = ("code", "name_vi", "kind", "parent", "region", "tags", "group", "name_en")
REQUIRED_FIELDS = ("code", "name_vi", "kind")


def check_region(value: object) -> None:
    """Raise unless ``value`` is ``None`` or a region code of some built-in scheme.

    >>> check_region("TN"), check_region(None)
    (None, None)
    """
    if value is None:
        return
    if not isinstance(value, str):
        raise DataError(
            f"region must be text, not {type(value).__name__}",
            key_path="region",
            expected="a region code or None",
        )
    if not is_region_code(value):
        raise UnknownCodeError("region", value, known=ALL_REGION_CODES)


def check_group(group: object, kind: LocalityKind) -> None:
    """Raise unless ``group`` is ``None`` or a commune group (1–3) on a commune-level unit.

    >>> check_group(2, LocalityKind.COMMUNE)
    >>> check_group(2, LocalityKind.DISTRICT)
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.DataError: group: group 2 is set on a district; ...
    """
    if group is None:
        return
    if isinstance(group, bool) or not isinstance(group, int) or group not in (1, 2, 3):
        raise DataError(
            f"group {group!r} is not a commune group", key_path="group", expected=GROUP_EXPECTED
        )
    if kind.tier != 3:
        raise DataError(
            f"group {group} is set on a {kind.value}; groups apply only to commune-level units",
            key_path="group",
            expected=f"no group, or a kind among {COMMUNE_KINDS}",
        )


def _to_kind(value: str | LocalityKind) -> LocalityKind:
    return LocalityKind.parse(value)


def _prefixed(name: str, kind: LocalityKind) -> str:
    """``name`` with the kind's word before it, unless the name already starts with one."""
    info = kind_info(kind)
    for word in (info.label_vi, info.name_vi, *info.aliases):
        head = name[: len(word)]
        if head.casefold() == word and name[len(word) : len(word) + 1] == " ":
            return head.lower() + name[len(word) :]
    return message("geography.locality.label", "vi", kind=info.label_vi, name=name)


def _suffixed(name: str, kind: LocalityKind) -> str:
    """``name`` with the kind's English word after it, unless it already ends with it."""
    suffix = kind_info(kind).label_en
    if name.casefold().endswith(" " + suffix):
        return name
    return message("geography.locality.label", "en", kind=suffix, name=name)


@attrs.frozen
class Locality:
    """One administrative unit: a province, district, commune, village…

    ``code`` is the official code (for example the GSO code); ``parent`` is
    the code of the unit it belongs to.  ``kind`` accepts a
    :class:`LocalityKind` or any text :meth:`LocalityKind.parse` reads.
    ``region`` is a code of some region scheme.  ``tags`` come from
    ``KNOWN_TAGS`` or are user tags starting with ``x_``.  ``group`` is the
    2026–2030 commune group (1, 2 or 3) and is allowed only on commune-level
    units.  Names are kept exactly as given (no Unicode normalisation); codes,
    ``parent``, ``region`` and tags, which are matched, are read in NFC.

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

    # Codes, parent and region are matched, so NFC; names keep their bytes (issue 9).
    code: str = attrs.field(converter=as_code, validator=text_field)
    name_vi: str = attrs.field(validator=text_field)
    kind: LocalityKind = attrs.field(converter=_to_kind)
    parent: str | None = attrs.field(default=None, converter=as_code, validator=optional_text_field)
    region: str | None = attrs.field(default=None, converter=as_code)
    tags: frozenset[str] = attrs.field(default=frozenset(), converter=to_tags)
    group: int | None = attrs.field(default=None)
    name_en: str | None = attrs.field(default=None, validator=optional_text_field)

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
        check_region(value)

    @group.validator
    def _validate_group(self, attribute: attrs.Attribute[Any], value: int | None) -> None:
        check_group(value, self.kind)

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
        return pick(
            _prefixed(self.name_vi, self.kind),
            _suffixed(self.name_en or self.name_vi, self.kind),
            str(lang),
        )

    def to_dict(self) -> dict[str, Any]:
        """Plain data: every field, ``kind`` as its value, ``tags`` as a sorted list.

        >>> data = Locality("14", "Sơn La", "tỉnh", region="TDMNPB", tags={"border"}).to_dict()
        >>> data["code"], data["name_vi"], data["kind"], data["tags"], data["group"]
        ('14', 'Sơn La', 'province', ['border'], None)
        >>> list(data)
        ['code', 'name_vi', 'kind', 'parent', 'region', 'tags', 'group', 'name_en']
        """
        return record_to_dict(self)

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
                expected=f"a mapping with keys among {', '.join(LOCALITY_FIELDS)}",
            )
        problems: list[str] = []
        unknown = [repr(key) for key in data if key not in LOCALITY_FIELDS]
        if unknown:
            problems.append(f"unknown key{'s' if len(unknown) > 1 else ''} {', '.join(unknown)}")
        missing = [key for key in REQUIRED_FIELDS if key not in data]
        if missing:
            problems.append(f"missing {', '.join(missing)}")
        if problems:
            raise DataError(
                "; ".join(problems),
                key_path="locality",
                expected=f"keys among {', '.join(LOCALITY_FIELDS)}; "
                f"{', '.join(REQUIRED_FIELDS)} required",
            )
        return cls(**{str(key): value for key, value in data.items()})
