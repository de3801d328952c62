"""The shape of the package: one concept per module, layers without cycles, one text table.

These tests read the source as text (``ast``), so they run fast and catch a
regression in the layout as soon as it is written:

- no import cycle between modules (imports under ``TYPE_CHECKING`` aside);
- no module imports another module's ``_private`` names, and a private
  submodule is imported only from inside its own package;
- no source module is much over 700 lines;
- no code outside ``ntm_criteria.text`` writes language-dependent text inline
  (comparisons with ``"vi"``/``"en"``, tables keyed by language): words come
  from the message table.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from ntm_criteria import _messages
from ntm_criteria.errors import DataErrors
from ntm_criteria.text import message, message_keys

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SRC / "ntm_criteria"
MAX_LINES = 700


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(tree: ast.AST) -> Iterator[ast.Import | ast.ImportFrom]:
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.If) and _is_type_checking(node):
            continue
        if isinstance(node, ast.Import | ast.ImportFrom):
            yield node
        yield from _imports(node)


def _resolve(module: str, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    is_package = MODULES[module].name == "__init__.py"
    base = module.split(".")
    base = base[: len(base) - node.level + (1 if is_package else 0)]
    return ".".join([*base, *([node.module] if node.module else [])])


def _edges(module: str) -> Iterator[tuple[str, list[str]]]:
    """(imported module, names imported from it) for each import of ``module``."""
    tree = ast.parse(MODULES[module].read_text("utf-8"))
    for node in _imports(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name in MODULES:
                    yield alias.name, []
            continue
        target = _resolve(module, node)
        if target not in MODULES:
            continue
        names = []
        for alias in node.names:
            sub = f"{target}.{alias.name}"
            if sub in MODULES:
                yield sub, []
            else:
                names.append(alias.name)
        if names:
            yield target, names


GRAPH = {m: sorted({t for t, _ in _edges(m)} - {m}) for m in MODULES}


def _cycle() -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in GRAPH[node]:
            if state.get(nxt) == 1:
                return [*stack[stack.index(nxt) :], nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        stack.pop()
        state[node] = 2
        return None

    for module in GRAPH:
        if module not in state and (found := visit(module)):
            return found
    return None


def test_no_import_cycle():
    cycle = _cycle()
    assert cycle is None, "import cycle: " + " → ".join(cycle or [])


def _private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def _owner(private_module: str) -> str:
    """The package a private submodule belongs to (may import it)."""
    parts = private_module.split(".")
    index = next(i for i, p in enumerate(parts) if _private(p))
    return ".".join(parts[:index])


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_private_import_across_modules(module):
    problems = []
    for target, names in _edges(module):
        if target == module:
            continue
        if any(_private(p) for p in target.split(".")):
            owner = _owner(target)
            if not (module == owner or module.startswith(owner + ".")):
                problems.append(f"imports private module {target}")
        problems += [f"imports private {n} from {target}" for n in names if _private(n)]
    assert not problems, f"{module}: " + "; ".join(problems)


@pytest.mark.parametrize("module", sorted(MODULES))
def test_module_is_small(module):
    lines = MODULES[module].read_text("utf-8").count("\n")
    assert lines <= MAX_LINES, f"{module} has {lines} lines (at most {MAX_LINES})"


def _language_literals(tree: ast.AST) -> Iterator[int]:
    """Line numbers where code tests or keys on a language code."""
    langs = {"vi", "en"}

    def is_lang(node: ast.AST | None) -> bool:
        return isinstance(node, ast.Constant) and node.value in langs

    for node in ast.walk(tree):
        if (
            (
                isinstance(node, ast.Compare)
                and (is_lang(node.left) or any(is_lang(c) for c in node.comparators))
            )
            or (isinstance(node, ast.Dict) and sum(is_lang(k) for k in node.keys) >= 2)
            or (isinstance(node, ast.Subscript) and is_lang(node.slice))
        ):
            yield node.lineno


# The message table itself, and the public text package, are where languages are chosen.
TEXT_CHECKED = sorted(
    m
    for m in MODULES
    if not (
        m in ("ntm_criteria.text", "ntm_criteria._messages") or m.startswith("ntm_criteria.text.")
    )
)


@pytest.mark.parametrize("module", TEXT_CHECKED)
def test_no_inline_language_text(module):
    lines = sorted(set(_language_literals(ast.parse(MODULES[module].read_text("utf-8")))))
    assert not lines, (
        f"{module} builds language-dependent text inline at lines {lines}; "
        "put the words in text/messages/*.toml and use ntm_criteria.text.message"
    )


def test_every_message_has_both_languages_and_the_same_placeholders():
    keys = message_keys()
    assert keys
    for key in keys:
        vi, en = message(key, "vi"), message(key, "en")
        assert vi.strip(), key
        assert en.strip(), key
        assert _messages._placeholders(vi) == _messages._placeholders(en), key


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        ({"a": {"vi": "một"}}, "needs vi and en"),
        ({"a": {"vi": "{n} xã", "en": "communes"}}, "placeholders differ"),
        ({"a": {"vi": "x", "en": "y", "fr": "z"}}, "needs vi and en"),
        ({"A": {"vi": "x", "en": "y"}}, "lower-case"),
        ({"a": {"vi": "x", "b": {"vi": "x", "en": "y"}}}, "mixes text and tables"),
    ],
)
def test_a_bad_message_entry_is_a_located_problem(entry, expected):
    into: dict[str, tuple[str, str]] = {}
    problems: list = []
    _messages._flatten(entry, "", "text/messages/x.toml", into, problems)
    assert problems
    assert expected in str(DataErrors(problems))
    assert all(p.file == "text/messages/x.toml" for p in problems)


def _used_in(key: str, source: str) -> bool:
    """``key`` is written in ``source`` as a string, or built from a parent prefix.

    A parent counts when a string starts with it and goes on with ``.{`` (an f-string such as
    ``f"poverty.status.{value}"``) or ends with it (``"poverty.status."`` or a prefix at least two
    parts long, such as ``"urban.explain"`` handed to a helper).
    """
    quote = "[\"']"
    if re.search(rf"{quote}{re.escape(key)}{quote}", source):
        return True
    parts = key.split(".")
    for parent in (".".join(parts[:i]) for i in range(1, len(parts))):
        built = rf"{quote}{re.escape(parent)}\.(\{{|{quote})"
        if re.search(built, source):
            return True
        if "." in parent and re.search(rf"{quote}{re.escape(parent)}{quote}", source):
            return True
    return False


def test_every_message_key_is_used_in_the_source():
    source = "\n".join(p.read_text(encoding="utf-8") for p in MODULES.values())
    unused = sorted(key for key in message_keys() if not _used_in(key, source))
    assert not unused, f"message keys used nowhere in src/: {unused}"


@pytest.mark.parametrize(
    ("key", "source", "used"),
    [
        ("poverty.status.poor", 'message("poverty.status.poor", lang)', True),
        ("poverty.status.poor", 'message(f"poverty.status.{self.value}", lang)', True),
        ("poverty.status.poor", 'PREFIX = "poverty.status."', True),
        ("urban.roadmap.status.planned", 'f"ntm_criteria.urban.{name}"', False),
        ("urban.roadmap.status.planned", 'kind = "urban"', False),
    ],
)
def test_a_message_key_counts_as_used_when_written_or_built(key, source, used):
    assert _used_in(key, source) is used
