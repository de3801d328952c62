"""The examples of docs/urban.md run."""

from __future__ import annotations

from pathlib import Path

# -- the docs page's examples run ------------------------------------------------------------


def run_pycon_blocks(page: Path) -> None:
    """Run every ```pycon block of a docs page as one doctest session."""
    import doctest
    import re

    text = page.read_text(encoding="utf-8")
    blocks = re.findall(r"```pycon\n(.*?)```", text, flags=re.DOTALL)
    assert blocks, f"no pycon blocks in {page}"
    parser = doctest.DocTestParser()
    runner = doctest.DocTestRunner(
        optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE, verbose=False
    )
    globs: dict[str, object] = {}
    for index, block in enumerate(blocks):
        test = parser.get_doctest(block, globs, f"{page.name}[{index}]", str(page), 0)
        runner.run(test, clear_globs=False)
        globs = test.globs  # DocTest copies its globals: carry them to the next block
    assert runner.failures == 0, f"{runner.failures} failing example(s) in {page}"


def test_the_docs_page_examples_run() -> None:
    run_pycon_blocks(Path(__file__).parents[2] / "docs" / "urban.md")
