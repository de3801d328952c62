"""Fixtures of the assessment tests."""

from __future__ import annotations

import pytest
from assessment_support import make_set


@pytest.fixture(scope="module")
def test_set():
    return make_set()
