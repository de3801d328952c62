"""Tables, headings and bullet lists, as aligned plain text or as Markdown.

Private: see :mod:`ntm_criteria.report`.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from typing import Literal, TypeAlias

from ntm_criteria.errors import DataError

__all__ = ["Format", "bullets", "check_format", "heading", "table"]

#: How a table is written: aligned plain ``"text"`` or a ``"markdown"`` pipe table.
Format: TypeAlias = Literal["text", "markdown"]


def check_format(fmt: str) -> Format:
    """``fmt`` if reports are written in it; a :class:`DataError` otherwise."""
    if fmt == "text":
        return "text"
    if fmt == "markdown":
        return "markdown"
    raise DataError(f"unknown report format {fmt!r}", expected="'text' or 'markdown'")


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _width(text: str) -> int:
    """The columns ``text`` takes: combining marks take none (NFD "Tốt" is 3 wide, not 5)."""
    return len(text) if text.isascii() else sum(not unicodedata.combining(c) for c in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def table(headers: Sequence[str], rows: Sequence[Sequence[str]], fmt: Format) -> str:
    """A table with a header row: columns padded to align, or a Markdown pipe table.

    Text keeps the bytes it was written in; decomposed (NFD) text aligns as composed does.

    >>> print(table(["a", "b"], [["Tốt", "1"]], "text"))
    a    b
    ---  -
    Tốt  1
    >>> import unicodedata
    >>> decomposed = unicodedata.normalize("NFD", "Tốt")
    >>> table(["a", "b"], [[decomposed, "1"]], "text").splitlines()[2] == decomposed + "  1"
    True
    """
    if fmt == "markdown":
        lines = ["| " + " | ".join(_cell(h) for h in headers) + " |"]
        lines.append("|" + "|".join("---" for _ in headers) + "|")
        lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
        return "\n".join(lines)
    cells = [tuple(headers), *(tuple(row) for row in rows)]
    widths = [max(_width(row[i]) for row in cells) for i in range(len(headers))]
    lines = [
        "  ".join(_pad(cell, width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in cells
    ]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines)


def heading(text: str, fmt: Format, level: int = 2) -> str:
    """A heading: ``## text`` in Markdown, the bare text otherwise."""
    return f"{'#' * level} {text}" if fmt == "markdown" else text


def bullets(lines: Iterable[str], fmt: Format) -> list[str]:
    """A bullet list: ``- line`` in Markdown, indented lines otherwise."""
    return [f"- {line}" if fmt == "markdown" else f"  {line}" for line in lines]
