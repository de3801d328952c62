"""Optional dependencies, imported on first use: :func:`require`.

``import ntm_criteria`` never imports numpy, pandas, openpyxl, matplotlib or
pyarrow; a function that needs one calls :func:`require`, which raises
:class:`~ntm_criteria.errors.MissingExtraError` naming the extra to install.
"""

from __future__ import annotations

import importlib
from types import ModuleType

from ntm_criteria.errors import MissingExtraError

__all__ = ["EXTRAS", "require"]

#: The extra of ``pyproject.toml`` that installs each optional module.
EXTRAS = {
    "numpy": "fast",
    "pandas": "pandas",
    "openpyxl": "excel",
    "matplotlib": "charts",
    "pyarrow": "parquet",
}


def require(module: str) -> ModuleType:
    """Import the optional ``module``, or say which extra installs it.

    >>> require("pandas").__name__
    'pandas'
    >>> require("no_such_module")
    Traceback (most recent call last):
    ...
    ntm_criteria.errors.MissingExtraError: this needs no_such_module, which is not installed: ...
    """
    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingExtraError(module, EXTRAS.get(module.partition(".")[0], "dev")) from None
