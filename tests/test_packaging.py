"""The package metadata and the source archive hold what users and the tests need."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_the_source_archive_grafts_the_tests_docs_examples_and_benchmarks():
    # Regression: the sdist lacked tests/data, tests/properties, docs and examples.
    lines = (ROOT / "MANIFEST.in").read_text("utf-8").splitlines()
    grafted = {line.split()[1] for line in lines if line.startswith("graft ")}
    assert {"tests", "docs", "examples", "benchmarks"} <= grafted


def test_package_data_covers_every_data_file_in_the_package():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["ntm_criteria"]
    package = ROOT / "src" / "ntm_criteria"
    data = [p for p in package.rglob("*") if p.is_file() and p.suffix not in (".py", ".pyc")]
    assert data
    for path in data:
        relative = path.relative_to(package)
        assert any(relative.match(p) or Path("x", relative).match(p) for p in patterns) or (
            relative.name == "py.typed"
        ), f"{relative} is not package data"


def test_the_runtime_needs_only_the_documented_dependencies():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    names = {d.split(">")[0].split("=")[0].split("[")[0] for d in config["project"]["dependencies"]}
    # tomli-w writes set files (ntm set from-table); cattrs structures flat records.
    assert names == {"attrs", "pint", "python-dateutil", "cattrs", "tomli-w"}
    classifiers = config["project"]["classifiers"]
    assert "Programming Language :: Python :: 3.13" in classifiers
