"""Hypothesis profiles: ``ci`` (the default, quick and reproducible) and ``million``.

Choose one with ``HYPOTHESIS_PROFILE=million python -m pytest -m fuzz``; see
docs/robustness.md.  The fuzz suite (``tests/fuzz``) sizes its tests from the
profile's ``max_examples``.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, Phase, settings

_QUIET = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much]
# No "explain" phase: its line tracing of a failing example holds every branch taken,
# which runs out of memory on the large documents the fuzz tests generate.
_PHASES = [Phase.explicit, Phase.reuse, Phase.generate, Phase.target, Phase.shrink]

# Reproducible in CI: the same inputs on every run, no timing flakiness on a busy machine.
settings.register_profile(
    "ci",
    deadline=None,
    derandomize=True,
    print_blob=True,
    phases=_PHASES,
    suppress_health_check=_QUIET,
)
# About a million inputs over the fuzz suite: each fuzz test runs its CI count times
# tests/fuzz/fuzz_cases.py MILLION_FACTOR.  Hours, not minutes; random, and failures
# are kept in the example database so that a rerun replays them first.
settings.register_profile(
    "million",
    deadline=None,
    max_examples=10_000,
    print_blob=True,
    phases=_PHASES,
    suppress_health_check=_QUIET,
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(scope="module")
def test_set():
    """The small criterion set of the assessment tests (tests/assessment)."""
    from assessment_support import make_set  # on the path when an assessment test runs

    return make_set()
