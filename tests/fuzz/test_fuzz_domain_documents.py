"""Generated documents for the domain loaders: poverty standards, urban, civilized, OCOP.

Each built-in data file is mutated; only a located ``NtmError`` escapes, naming the file.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import pytest
from fuzz_cases import (
    PACKAGE,
    SLOW_SECONDS,
    TESTS,
    dumps_toml,
    examples,
    mutated,
    only_ntm_errors,
    read_toml,
    text_edits,
)
from hypothesis import given, settings
from hypothesis import strategies as st

from ntm_criteria import civilized, ocop, poverty, urban

pytestmark = pytest.mark.fuzz

DATA = PACKAGE / "catalog" / "data"
LOADERS: dict[str, tuple[Callable[..., Any], Any]] = {
    "poverty": (poverty.loads_standards, DATA / "poverty" / "standards.toml"),
    "urban-rules": (urban.loads_classification_rules, DATA / "urban" / "classification.toml"),
    "urban-standards": (urban.loads_standards, DATA / "urban" / "standards_example.toml"),
    "civilized": (civilized.loads_civilized_rules, DATA / "civilized" / "recognition.toml"),
    "ocop-rules": (ocop.loads_ocop_rules, DATA / "ocop" / "rules.toml"),
    "ocop-products": (ocop.loads_products, TESTS / "data" / "ocop" / "products.toml"),
}
DOCUMENTS = {name: read_toml(path) for name, (_, path) in LOADERS.items()}
TEXTS = {name: path.read_text(encoding="utf-8") for name, (_, path) in LOADERS.items()}


def load_checked(name: str, text: str) -> None:
    loader = LOADERS[name][0]
    started = time.monotonic()
    loaded = only_ntm_errors(lambda: loader(text, file="fuzz.toml"), "fuzz.toml")
    assert time.monotonic() - started < SLOW_SECONDS
    if loaded is not None:
        assert repr(loaded)


@pytest.mark.parametrize("name", sorted(LOADERS))
def test_the_shipped_documents_load(name: str) -> None:
    assert LOADERS[name][0](TEXTS[name], file=name)


@settings(max_examples=examples(60))
@given(st.data())
@pytest.mark.parametrize("name", sorted(LOADERS))
def test_mutated_documents(name: str, data: st.DataObject) -> None:
    load_checked(name, dumps_toml(data.draw(mutated(DOCUMENTS[name]))))


@settings(max_examples=examples(25))
@given(st.data())
@pytest.mark.parametrize("name", sorted(LOADERS))
def test_edited_document_texts(name: str, data: st.DataObject) -> None:
    load_checked(name, data.draw(text_edits(TEXTS[name])))
