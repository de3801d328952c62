"""Every public class and function documents itself with a runnable example.

The examples run as doctests (pytest --doctest-modules); this test makes sure
none is missing, so that a new public name cannot land without one.
"""

from __future__ import annotations

import importlib
import inspect

import pytest

PUBLIC_MODULES = [
    "ntm_criteria",
    "ntm_criteria.analysis",
    "ntm_criteria.assessment",
    "ntm_criteria.catalog",
    "ntm_criteria.charts",
    "ntm_criteria.civilized",
    "ntm_criteria.cli",
    "ntm_criteria.criteria",
    "ntm_criteria.demo",
    "ntm_criteria.engine",
    "ntm_criteria.errors",
    "ntm_criteria.export",
    "ntm_criteria.frames",
    "ntm_criteria.geography",
    "ntm_criteria.text",
    "ntm_criteria.io",
    "ntm_criteria.levels",
    "ntm_criteria.ocop",
    "ntm_criteria.periods",
    "ntm_criteria.poverty",
    "ntm_criteria.progress",
    "ntm_criteria.report",
    "ntm_criteria.rules",
    "ntm_criteria.units",
    "ntm_criteria.urban",
    "ntm_criteria.whatif",
]


def public_objects():
    for name in PUBLIC_MODULES:
        module = importlib.import_module(name)
        assert module.__doc__, f"{name} has no module docstring"
        for attr in module.__all__:
            obj = getattr(module, attr)
            if not (inspect.isclass(obj) or inspect.isfunction(obj)):
                continue
            home = obj.__module__
            if home == name or home.startswith(name + "._"):
                yield pytest.param(obj, id=f"{name}.{attr}")


@pytest.mark.parametrize("obj", list(public_objects()))
def test_public_name_has_a_docstring_with_an_example(obj):
    doc = inspect.getdoc(obj) or ""
    assert ">>>" in doc, f"{obj.__qualname__} has no example in its docstring"


@pytest.mark.parametrize("name", PUBLIC_MODULES)
def test_every_name_in_all_exists(name):
    module = importlib.import_module(name)
    for attr in module.__all__:
        assert hasattr(module, attr), f"{name}.__all__ names {attr!r}, which does not exist"
