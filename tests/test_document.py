"""Tests of ntm_criteria._document: reading TOML and text files with located problems."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from ntm_criteria._document import parse_toml, read_text_file
from ntm_criteria._validators import MAX_NESTING
from ntm_criteria.errors import DataError, DataErrors


def _problem(error: DataErrors) -> DataError:
    assert len(error.errors) == 1
    return error.errors[0]


def test_an_integer_too_long_for_python_is_a_located_problem():
    # Regression: tomllib raised a bare ValueError (int-to-str digit limit).
    text = "id = 'x'\n\nvalue = " + "9" * 5000 + "\n"
    with pytest.raises(DataErrors) as caught:
        parse_toml(text, "set.toml")
    assert caught.value.file == "set.toml"
    assert _problem(caught.value).line == 3
    assert "too long" in str(caught.value)


@pytest.mark.parametrize("depth", [MAX_NESTING + 1, 400, 5000])
def test_deep_nesting_is_a_located_problem_not_a_recursion_error(depth):
    text = "a = 1\nb = " + "[" * depth + "]" * depth + "\n"
    with pytest.raises(DataErrors) as caught:
        parse_toml(text, "deep.toml")
    assert _problem(caught.value).line == 2
    assert f"nested deeper than {MAX_NESTING}" in str(caught.value)


def test_nesting_within_the_limit_reads():
    depth = MAX_NESTING // 2
    data = parse_toml("b = " + "[" * depth + "]" * depth)
    assert isinstance(data["b"], list)


def test_an_error_at_the_end_of_the_document_names_its_last_line():
    # Regression: "at end of document" came without a line.
    with pytest.raises(DataErrors) as caught:
        parse_toml('a = 1\nb = "open', "x.toml")
    assert _problem(caught.value).line == 2


def test_a_document_over_the_size_limit_is_refused_at_once(monkeypatch):
    from ntm_criteria import _document

    monkeypatch.setattr(_document, "MAX_DOCUMENT_BYTES", 10)
    with pytest.raises(DataErrors, match="characters"):
        parse_toml("a = 'far too long'", "big.toml")


def test_a_path_with_a_nul_byte_is_a_data_error():
    with pytest.raises(DataError, match="NUL") as caught:
        read_text_file("a\0b.toml")
    assert "\0" not in str(caught.value)


def test_a_file_that_is_not_utf8_names_the_byte(tmp_path: Path):
    path = tmp_path / "latin.toml"
    path.write_bytes(b"name = '\xe9'")
    with pytest.raises(DataError, match="byte 8") as caught:
        read_text_file(path)
    assert caught.value.file == str(path)


def test_huge_exponents_are_refused_before_any_arithmetic():
    from ntm_criteria._validators import exact

    start = time.perf_counter()
    for text in ("1e10000000", "1e100000000", "-2.5E+999999999", "1" * 200):
        with pytest.raises(DataError):
            exact(text)
    # Not a timing assertion on the machine's speed: Fraction() on these takes
    # minutes, so any finite answer here proves it was never called.
    assert time.perf_counter() - start < 60


def test_toml_keys_come_back_in_nfc_and_values_as_written():
    import unicodedata

    name = unicodedata.normalize("NFD", "Chiềng Xôm")
    data = parse_toml(unicodedata.normalize("NFD", '"tên" = ') + f'"{name}"')
    assert list(data) == ["tên"]
    assert data["tên"].encode() == name.encode()


def test_problem_messages_quote_huge_integers_without_raising() -> None:
    # Regression: DataReader quoted values with repr(), and an integer of over
    # 4,300 digits (read from JSON or a dict) raised ValueError instead of a problem.
    from ntm_criteria._document import DataReader

    reader = DataReader()
    reader.text({"name": 10**5000}, "name", "items[0]")
    reader.whole({"n": -(10**5000)}, "n", "")
    reader.version({"format": 10**5000}, 1)
    messages = [p.message for p in reader.problems.items]
    assert messages[0] == "an integer of 5001 digits is not a non-empty string"
    assert all("digits" in m for m in messages)
