"""The JSON Schema of the set file format, shipped in the package (``schemas/criterion-set.schema.json``)."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

__all__ = ["SCHEMA_FILE", "set_schema"]

#: The schema's path inside the package.
SCHEMA_FILE = "schemas/criterion-set.schema.json"


def set_schema() -> dict[str, Any]:
    """The JSON Schema of a criterion-set TOML file (an editor checks and completes a set with it).

    It checks the shape of a file — its keys, their types, the requirement
    and value tables; ``ntm check`` checks the rest (units, regions,
    references to other sets).

    >>> schema = set_schema()
    >>> schema["title"]
    'ntm_criteria criterion set (TOML)'
    >>> "requirement" in schema["$defs"]
    True
    """
    text = (resources.files("ntm_criteria") / SCHEMA_FILE).read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data
