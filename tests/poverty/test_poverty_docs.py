"""ntm_criteria.poverty: the examples of docs/poverty.md."""

from __future__ import annotations

from pathlib import Path

from support import run_pycon_blocks


def test_the_docs_page_examples_run():
    """Every ```pycon block of docs/poverty.md, run as one doctest session."""
    page = Path(__file__).parents[2] / "docs" / "poverty.md"
    blocks, tries = run_pycon_blocks(page)
    assert blocks >= 6
    assert tries >= 20
