"""Reading the geography's data files (``geography/data/*.toml``), once, at import.

Regions, locality kinds and tags are data so that a reviewer can check them
against their legal texts without reading Python.  A mistake in one of these
files is a :class:`~ntm_criteria.errors.DataErrors` naming the file and key.
"""

from __future__ import annotations

from collections.abc import Mapping
from importlib import resources
from typing import Any

from ntm_criteria._document import DataReader, key_path, parse_toml

__all__ = ["FORMAT_VERSION", "data_file", "entries"]

FORMAT_VERSION = 1


def data_file(name: str) -> tuple[str, DataReader, dict[str, Any]]:
    """The file's name as reported, a reader collecting its problems, and its data.

    >>> file, reader, data = data_file("tags.toml")
    >>> file, data["format"]
    ('geography/data/tags.toml', 1)
    """
    text = resources.files(__package__).joinpath("data", name).read_text(encoding="utf-8")
    file = f"geography/data/{name}"
    data = parse_toml(text, file)
    reader = DataReader()
    reader.version(data, FORMAT_VERSION)
    return file, reader, data


def entries(
    reader: DataReader, data: Mapping[str, Any], key: str, path: str, known: tuple[str, ...]
) -> list[tuple[str, Mapping[str, Any]]]:
    """The ``[[key]]`` tables of ``data``, each checked for unknown keys; none is a problem.

    >>> reader = DataReader()
    >>> entries(reader, {"tags": [{"code": "a", "nme": "b"}]}, "tags", "", ("code", "name"))
    [('tags[0]', {'code': 'a', 'nme': 'b'})]
    >>> str(reader.problems.items[0])
    "tags[0].nme: unknown key 'nme'; did you mean 'name'? (expected code, name)"
    """
    found = reader.tables(data, key, path)
    for item_path, item in found:
        reader.keys(item, known, item_path)
    if not found:
        reader.problems.add(key_path(path, key), "missing", expected=f"[[{key}]] tables")
    return found
