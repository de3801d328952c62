"""``import ntm_criteria`` stays cheap: no pint, numpy or pandas until a name needs them.

Each check runs in a fresh interpreter (a test process has long imported
everything).  Nothing here measures time: ``benchmarks/bench_import.py`` does.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

_SRC = str(Path(__file__).resolve().parents[1] / "src")
_HEAVY = ("pint", "numpy", "pandas", "pyarrow", "openpyxl", "matplotlib")


def _run(code: str, **environment: str) -> dict[str, object]:
    """Run ``code`` in a fresh interpreter; it prints one JSON value, returned here."""
    env = {**os.environ, "PYTHONPATH": _SRC, **environment}
    completed = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=120,
    )
    assert completed.returncode == 0, completed.stderr
    result: dict[str, object] = json.loads(completed.stdout.strip().splitlines()[-1])
    return result


_LOADED = f"""
import json, sys
def loaded():
    return sorted(name for name in {_HEAVY!r} if name in sys.modules)
"""


def test_import_ntm_criteria_imports_no_heavy_dependency() -> None:
    result = _run(
        _LOADED
        + """
import ntm_criteria
print(json.dumps({"loaded": loaded(),
                  "submodules": sorted(m for m in sys.modules if m.startswith("ntm_criteria."))}))
"""
    )
    assert result["loaded"] == []
    assert result["submodules"] == [
        "ntm_criteria.errors"
    ]  # the exception tree, standard library only


@pytest.mark.parametrize(
    "module",
    ["units", "text", "rules", "criteria", "geography", "catalog", "periods", "errors"],
)
def test_foundation_modules_import_no_heavy_dependency(module: str) -> None:
    result = _run(
        _LOADED + f"import ntm_criteria.{module}\nprint(json.dumps({{'loaded': loaded()}}))"
    )
    assert result["loaded"] == []


def test_every_public_name_resolves_to_its_home() -> None:
    result = _run(
        _LOADED
        + """
import importlib
import ntm_criteria
homes = {}
for name in ntm_criteria.__all__:
    value = getattr(ntm_criteria, name)
    module = ntm_criteria._HOME_OF[name]
    homes[name] = getattr(importlib.import_module(module), name) is value
from ntm_criteria import Observation, Q_, assess, demo, ureg
print(json.dumps({"homes": homes, "dir": sorted(set(ntm_criteria.__all__) - set(dir(ntm_criteria))),
                  "demo": demo.__name__, "ureg": type(ureg).__name__}))
"""
    )
    homes = result["homes"]
    assert isinstance(homes, dict)
    assert sorted(homes) == sorted(__import__("ntm_criteria").__all__)
    assert all(homes.values())
    assert result["dir"] == []
    assert result["demo"] == "ntm_criteria.demo"
    assert result["ureg"] == "UnitRegistry"


def test_an_unknown_name_is_an_attribute_error() -> None:
    import ntm_criteria

    with pytest.raises(AttributeError, match="no_such_name"):
        _ = ntm_criteria.no_such_name  # type: ignore[attr-defined]
    with pytest.raises(ImportError):
        from ntm_criteria import no_such_name  # type: ignore[attr-defined]  # noqa: F401


def test_importing_the_demo_builds_no_unit_registry() -> None:
    result = _run(
        _LOADED
        + """
from ntm_criteria import demo, units
loaded_before = loaded()
print(json.dumps({"before": loaded_before, "built": units._ureg.cache_info().currsize}))
"""
    )
    assert result["before"] == []
    assert result["built"] == 0


@pytest.mark.parametrize(
    "environment",
    [
        {"XDG_CACHE_HOME": os.devnull + "/not-a-folder"},  # the cache folder cannot be made
        {"NTM_CRITERIA_NO_UNIT_CACHE": "1"},
    ],
    ids=["unwritable-cache", "no-cache"],
)
def test_the_registry_is_built_without_a_cache_folder(environment: dict[str, str]) -> None:
    result = _run(
        """
import json
from ntm_criteria.units import Q_, to_exact, ureg
print(json.dumps({"value": str(to_exact(Q_(1_500_000, "đồng/người/tháng"), "million_VND/person/year")),
                  "cache": ureg.cache_folder is None}))
""",
        **environment,
    )
    assert result == {"value": "18", "cache": True}


def test_the_registry_uses_a_writable_cache_folder(tmp_path: Path) -> None:
    code = """
import json
from ntm_criteria.units import Q_, exact_factor, ureg
print(json.dumps({"factor": str(exact_factor("VND/person/month", "VND/person/year")),
                  "cache": str(ureg.cache_folder)}))
"""
    first = _run(code, XDG_CACHE_HOME=str(tmp_path))
    second = _run(code, XDG_CACHE_HOME=str(tmp_path))  # now read from the cache
    assert first == second
    assert first["factor"] == "12"
    assert Path(str(first["cache"])).is_relative_to(tmp_path)
    assert list(Path(str(first["cache"])).glob("*.pickle"))
