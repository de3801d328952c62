"""ntm_criteria.poverty: the examples of docs/poverty.md."""

from __future__ import annotations

from pathlib import Path


def test_the_docs_page_examples_run():
    """Every ```pycon block of docs/poverty.md, run as one doctest session."""
    import doctest
    import re

    page = Path(__file__).parents[2] / "docs" / "poverty.md"
    blocks = re.findall(r"```pycon\n(.*?)```", page.read_text(encoding="utf-8"), flags=re.DOTALL)
    assert len(blocks) >= 6
    parser = doctest.DocTestParser()
    runner = doctest.DocTestRunner(
        optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE, verbose=False
    )
    globs: dict[str, object] = {}
    for index, block in enumerate(blocks):
        test = parser.get_doctest(block, globs, f"poverty.md[{index}]", str(page), 0)
        runner.run(test, clear_globs=False)
        globs = test.globs
    assert runner.tries >= 20
    assert runner.failures == 0, f"{runner.failures} failing example(s) in {page}"
