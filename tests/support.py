"""Helpers shared by test files in several folders (imported as ``support``: pytest's ``pythonpath``).

Folder-local helpers stay in the folder (``tests/analysis/analysis_cases.py``,
``tests/rules/rules_support.py`` …); a helper that two folders need lives here.
"""

from __future__ import annotations

import ast
import datetime
import doctest
import inspect
import itertools
import re
import tomllib
from collections.abc import Iterable, Mapping
from pathlib import Path
from types import ModuleType

from ntm_criteria import Q_, Observation

ROOT = Path(__file__).parents[1]
PROGRESS_DATA = Path(__file__).parent / "data" / "progress"
PROGRESS_VALUES = tomllib.loads((PROGRESS_DATA / "values.toml").read_text(encoding="utf-8"))
PROGRESS_ON = datetime.date(2023, 6, 30)


# -- docs pages and attribute docstrings -----------------------------------------------------


def run_pycon_blocks(page: Path) -> tuple[int, int]:
    """Run every ```pycon block of a docs page as one doctest session.

    Returns how many blocks and how many examples ran (a caller may want at least so many).
    """
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
    return len(blocks), runner.tries


def attribute_docstrings(module: ModuleType) -> dict[str, str]:
    """Docstrings written after module-level assignments (which pytest does not collect)."""
    tree = ast.parse(inspect.getsource(module))
    docs: dict[str, str] = {}
    for before, node in itertools.pairwise(tree.body):
        if not (isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)):
            continue
        targets = [
            n.id
            for n in ast.walk(before)
            if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)
        ]
        if targets and isinstance(node.value.value, str):
            docs[targets[-1]] = node.value.value
    return docs


def run_doctests(module: ModuleType, name: str, docstring: str) -> doctest.TestResults:
    """Run the examples of one docstring with the module's globals."""
    flags = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
    test = doctest.DocTestParser().get_doctest(docstring, vars(module).copy(), name, None, 0)
    runner = doctest.DocTestRunner(optionflags=flags)
    runner.run(test)
    return runner.summarize(verbose=False)


# -- observations of the progress ladder (tests/data/progress) -------------------------------


def observations(
    fail: Iterable[int] = (), changes: Mapping[str, object] | None = None
) -> list[Observation]:
    """Values meeting the model set, with criteria ``fail`` failing and ``changes`` applied."""
    values: dict[str, object] = dict(PROGRESS_VALUES["meets_model"])
    for number in fail:
        values.update(PROGRESS_VALUES["fails"][str(number)])
    values.update(changes or {})
    units = PROGRESS_VALUES["units"]
    return [
        Observation(code, Q_(value, units[code]) if code in units else value)
        for code, value in values.items()
        if value is not None
    ]
