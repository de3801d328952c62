"""The examples of the performance page run."""

from __future__ import annotations

from pathlib import Path

from support import run_pycon_blocks


def test_the_performance_page_examples_run():
    blocks, tries = run_pycon_blocks(Path(__file__).parents[2] / "docs" / "performance.md")
    assert blocks >= 1
    assert tries >= 3
