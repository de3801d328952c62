"""The tag vocabulary of localities (``KNOWN_TAGS``, ``TAG_LABELS``), from ``tags.toml``."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import get_args

from ntm_criteria._validators import nfc
from ntm_criteria.errors import DataError
from ntm_criteria.geography._data import data_file, entries
from ntm_criteria.text import Lang, pick

__all__ = ["KNOWN_TAGS", "TAG_LABELS", "is_valid_tag", "to_tags"]


def _load() -> Mapping[str, Mapping[str, str]]:
    file, reader, data = data_file("tags.toml")
    reader.keys(data, ("format", "tags"), "")
    labels: dict[str, Mapping[str, str]] = {}
    for path, item in entries(reader, data, "tags", "", ("code", "name_vi", "name_en")):
        code, vi, en = (reader.text(item, key, path) for key in ("code", "name_vi", "name_en"))
        if code is not None and vi is not None and en is not None:
            labels[code] = MappingProxyType({lang: pick(vi, en, lang) for lang in get_args(Lang)})
    reader.problems.raise_if_any(file)
    return MappingProxyType(labels)


#: A Vietnamese and an English label for every known tag, keyed by language.
TAG_LABELS: Mapping[str, Mapping[str, str]] = _load()

#: The documented tag vocabulary; user tags outside it start with ``x_``.
KNOWN_TAGS: frozenset[str] = frozenset(TAG_LABELS)

_USER_TAG = re.compile(r"x_[a-z0-9_]+")


def is_valid_tag(tag: str) -> bool:
    """True for a documented tag or a user tag of the form ``x_[a-z0-9_]+``.

    >>> is_valid_tag("island"), is_valid_tag("x_vung_cao"), is_valid_tag("x_Vùng Cao")
    (True, True, False)
    """
    return tag in KNOWN_TAGS or _USER_TAG.fullmatch(tag) is not None


_TAGS_EXPECTED = f"one of {', '.join(sorted(KNOWN_TAGS))}, or a user tag matching x_[a-z0-9_]+"


def to_tags(value: Iterable[str] | str | None) -> frozenset[str]:
    """Convert tags to a frozenset, rejecting any tag outside the vocabulary.

    >>> sorted(to_tags(["island", "x_pilot"])), to_tags(None)
    (['island', 'x_pilot'], frozenset())
    """
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
    tags = frozenset(nfc(item) for item in items if isinstance(item, str))
    unknown = sorted(t for t in tags if not is_valid_tag(t))
    if unknown:
        noun = "tag" if len(unknown) == 1 else "tags"
        raise DataError(
            f"unknown {noun} {', '.join(map(repr, unknown))}",
            key_path="tags",
            expected=_TAGS_EXPECTED,
        )
    return tags
