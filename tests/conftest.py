"""Shared test fixtures."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

# Unit tests never time anything (performance lives in benchmarks/), so no Hypothesis deadline;
# on CI the examples are derandomized, so that a run is reproducible.
settings.register_profile("default", deadline=None)
settings.register_profile("ci", deadline=None, derandomize=True)
settings.load_profile("ci" if os.environ.get("CI") else "default")

SAMPLES = Path(__file__).resolve().parents[2] / "shared" / "samples"


@pytest.fixture
def samples_dir() -> Path:
    """The real profile pages in ../shared/samples, when that folder exists."""
    if not SAMPLES.is_dir():
        pytest.skip("../shared/samples is not present in this checkout (real pages are optional)")
    return SAMPLES
