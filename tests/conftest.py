"""Shared test fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest

SAMPLES = Path(__file__).resolve().parents[2] / "shared" / "samples"


@pytest.fixture
def samples_dir() -> Path:
    """The real profile pages in ../shared/samples, when that folder exists."""
    if not SAMPLES.is_dir():
        pytest.skip("../shared/samples is not present in this checkout (real pages are optional)")
    return SAMPLES
