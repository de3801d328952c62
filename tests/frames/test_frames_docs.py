"""The Spreadsheets, DataFrames and charts page runs as written."""

from pathlib import Path

from support import run_pycon_blocks


def test_the_tables_page_runs():
    run_pycon_blocks(Path(__file__).parents[2] / "docs" / "tables.md")
