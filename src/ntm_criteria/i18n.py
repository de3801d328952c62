"""Deprecated: use :mod:`ntm_criteria.text`.

Every name of this module is still importable from here for one release, with
a :class:`DeprecationWarning`.

>>> import warnings
>>> with warnings.catch_warnings():
...     warnings.simplefilter("ignore")
...     from ntm_criteria.i18n import format_number
>>> format_number(72.56)
'72,56'
"""

from __future__ import annotations

import warnings
from typing import Any

from ntm_criteria import text as _text

__all__: list[str] = []  # nothing new is exported from here


def __getattr__(name: str) -> Any:
    if name in _text.__all__:
        warnings.warn(
            f"ntm_criteria.i18n.{name} is deprecated; import it from ntm_criteria.text",
            DeprecationWarning,
            stacklevel=2,
        )
        return getattr(_text, name)
    raise AttributeError(f"module 'ntm_criteria.i18n' has no attribute {name!r}")
