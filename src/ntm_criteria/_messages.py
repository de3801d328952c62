"""The one table of the library's words, in Vietnamese and English (public as :mod:`ntm_criteria.text`).

Every label and sentence template that the library writes for people lives in
the TOML files of ``text/messages/`` (one file per part of the library, one
table for the whole).  A key names an entry such as ``plan.status.done``; the
entry holds ``vi`` and ``en`` text, with the same ``{placeholders}`` in both.
Code asks :func:`message` for the text in a language and never writes a
language-dependent word itself.  This module is the lowest layer of the
library (it needs only :mod:`ntm_criteria.errors`), so that every module,
:mod:`ntm_criteria.units` included, can take its words from the table.
"""

from __future__ import annotations

import functools
import re
import string
import tomllib
from collections.abc import Mapping
from importlib import resources
from types import MappingProxyType
from typing import Any, Literal, TypeAlias

from ntm_criteria._validators import key_path
from ntm_criteria.errors import DataError, DataErrors, UnknownCodeError

__all__ = ["Lang", "check_lang", "message", "message_keys", "pick"]

Lang: TypeAlias = Literal["vi", "en"]
"""A language the library writes in: ``"vi"`` (Vietnamese) or ``"en"`` (English).

>>> from typing import get_args
>>> get_args(Lang)
('vi', 'en')
"""


def check_lang(lang: str) -> Lang:
    """Return ``lang`` if the library writes in it, else raise.

    Raises :class:`~ntm_criteria.errors.UnknownCodeError` of kind
    ``"language"``.

    >>> check_lang("vi")
    'vi'
    >>> check_lang("fr")
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.UnknownCodeError: unknown language 'fr' (known: vi, en)
    """
    if lang == "vi":
        return "vi"
    if lang == "en":
        return "en"
    raise UnknownCodeError("language", lang, known=["vi", "en"])


_LANGS: tuple[Lang, ...] = ("vi", "en")
_KEY = re.compile(r"^[a-z0-9_]+(\.[a-z0-9_]+)*$")


def _placeholders(template: str) -> frozenset[str]:
    return frozenset(
        name.split(".")[0].split("[")[0]
        for _, name, _, _ in string.Formatter().parse(template)
        if name
    )


def _flatten(
    data: Mapping[str, Any],
    prefix: str,
    file: str,
    into: dict[str, tuple[str, str]],
    problems: list[DataError],
) -> None:
    for key, value in data.items():
        path = key_path(prefix, key)
        if not isinstance(value, Mapping) or not value:
            problems.append(DataError("expected a table", file=file, key_path=path))
        elif all(isinstance(v, str) for v in value.values()):
            _entry(value, path, file, into, problems)
        elif any(isinstance(v, str) for v in value.values()):
            problems.append(DataError("an entry mixes text and tables", file=file, key_path=path))
        else:
            _flatten(value, path, file, into, problems)


def _entry(
    value: Mapping[str, Any],
    path: str,
    file: str,
    into: dict[str, tuple[str, str]],
    problems: list[DataError],
) -> None:
    texts = {lang: value.get(lang) for lang in _LANGS}
    extra = sorted(set(value) - set(_LANGS))
    if extra or not all(isinstance(t, str) for t in texts.values()):
        problems.append(
            DataError(
                "an entry needs vi and en text and nothing else",
                file=file,
                key_path=path,
                expected='vi = "…" and en = "…"',
            )
        )
        return
    vi, en = str(texts["vi"]), str(texts["en"])
    if _placeholders(vi) != _placeholders(en):
        problems.append(
            DataError(
                f"the placeholders differ: vi {sorted(_placeholders(vi))}, "
                f"en {sorted(_placeholders(en))}",
                file=file,
                key_path=path,
            )
        )
    if not _KEY.match(path):
        problems.append(
            DataError("a key is lower-case words joined by dots", file=file, key_path=path)
        )
    if path in into:
        problems.append(DataError("defined twice", file=file, key_path=path))
    into[path] = (vi, en)


@functools.cache
def _table() -> Mapping[str, tuple[str, str]]:
    """All entries of ``text/messages/*.toml``, read once."""
    into: dict[str, tuple[str, str]] = {}
    problems: list[DataError] = []
    folder = resources.files("ntm_criteria") / "text" / "messages"
    for item in sorted(folder.iterdir(), key=lambda i: i.name):
        if item.name.endswith(".toml"):
            name = f"text/messages/{item.name}"
            _flatten(tomllib.loads(item.read_text("utf-8")), "", name, into, problems)
    if problems:
        raise DataErrors(problems)
    return MappingProxyType(into)


@functools.cache
def message_keys() -> frozenset[str]:
    """Every key of the message table.

    >>> "lang.vi" in message_keys()
    True
    """
    return frozenset(_table())


def message(key: str, lang: str = "vi", /, **fields: object) -> str:
    """The text of entry ``key`` in ``lang``, with ``fields`` put into its placeholders.

    Raises :class:`~ntm_criteria.errors.UnknownCodeError` for an unknown key or
    language.

    >>> message("lang.vi", "en"), message("lang.vi", "vi")
    ('Vietnamese', 'tiếng Việt')
    >>> message("no.such.key")
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.UnknownCodeError: unknown message key 'no.such.key' ...
    """
    entry = _table().get(key)
    if entry is None:
        raise UnknownCodeError("message key", key, known=[*sorted(_table())[:5], "…"])
    template = entry[0 if check_lang(lang) == "vi" else 1]
    return template.format(**fields) if fields else template


def pick(vi: str, en: str, lang: str = "vi") -> str:
    """``vi`` or ``en``, whichever is in ``lang``: the way to choose between two data fields.

    Data carries its own names in both languages (``name_vi``, ``name_en``);
    this chooses one without writing a language test inline.

    >>> pick("Thu nhập", "Income", "en")
    'Income'
    """
    return vi if check_lang(lang) == "vi" else en
