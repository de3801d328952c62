"""Warnings that point at the caller's line, however deep inside the library they are raised.

A fixed ``stacklevel`` names the right line only while the chain of calls
between the public function and the warning stays as it was written; the
object path and the ladder reach the same check through different chains.
:func:`warn_caller` counts the frames instead: the warning names the first
frame outside ``ntm_criteria`` (the user's script, a test, the interpreter
running ``ntm``).
"""

from __future__ import annotations

import sys
import warnings

__all__ = ["warn_caller"]

_PACKAGE = __name__.partition(".")[0]


def warn_caller(message: str, category: type[Warning]) -> None:
    """Warn with ``message``, attributed to the first caller outside the library.

    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     warn_caller("0,8 — 80 %?", UserWarning)
    >>> caught[0].category.__name__, str(caught[0].message)
    ('UserWarning', '0,8 — 80 %?')
    """
    frame = sys._getframe(1)
    level = 2  # the caller of warn_caller
    while frame.f_back is not None and _inside(frame.f_globals.get("__name__")):
        frame = frame.f_back
        level += 1
    warnings.warn(message, category, stacklevel=level)


def _inside(module: object) -> bool:
    return isinstance(module, str) and module.partition(".")[0] == _PACKAGE
