"""Tables, headings and bullet lists, as aligned plain text or as Markdown.

Private: see :mod:`ntm_criteria.report`.
"""

from __future__ import annotations

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


def table(headers: Sequence[str], rows: Sequence[Sequence[str]], fmt: Format) -> str:
    """A table with a header row: columns padded to align, or a Markdown pipe table."""
    if fmt == "markdown":
        lines = ["| " + " | ".join(_cell(h) for h in headers) + " |"]
        lines.append("|" + "|".join("---" for _ in headers) + "|")
        lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
        return "\n".join(lines)
    cells = [tuple(headers), *(tuple(row) for row in rows)]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
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
