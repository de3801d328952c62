"""The examples of docs/urban.md run."""

from __future__ import annotations

from pathlib import Path

from support import run_pycon_blocks

# -- the docs page's examples run ------------------------------------------------------------


def test_the_docs_page_examples_run() -> None:
    run_pycon_blocks(Path(__file__).parents[2] / "docs" / "urban.md")
