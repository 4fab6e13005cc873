"""The release artefacts: an sdist and a wheel that carry the data, the types and the extras.

The wheel is built here without build isolation (hatchling comes from the test dependencies), so
that this check stays fast. Running the whole suite against the installed wheel, in a fresh
virtual environment with src/ out of the way, is a step of its own in .ci/run (it sets
APMBC_WHEEL_INNER=1, which skips this module there).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tarfile
import zipfile
from email.parser import Parser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

pytestmark = [
    pytest.mark.skipif(
        os.environ.get("APMBC_WHEEL_INNER") == "1", reason="this is the run inside the wheel test"
    ),
    pytest.mark.skipif(
        not (ROOT / "pyproject.toml").exists(), reason="not in a source checkout (no pyproject)"
    ),
]


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("build", reason="the 'build' package is not installed (dev group)")
    pytest.importorskip("hatchling", reason="hatchling is not installed (test group)")
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "build",
            "--no-isolation",
            "--sdist",
            "--wheel",
            "--outdir",
            str(out),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    return out


def _one(folder: Path, pattern: str) -> Path:
    found = sorted(folder.glob(pattern))
    assert len(found) == 1, found
    return found[0]


def test_wheel_carries_data_types_and_extras(dist: Path) -> None:
    wheel = _one(dist, "apmbc-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        meta_name = next(n for n in names if n.endswith(".dist-info/METADATA"))
        metadata = Parser().parsestr(archive.read(meta_name).decode("utf-8"))
        entry_points = archive.read(meta_name.replace("METADATA", "entry_points.txt")).decode()
    for data in ("states.json", "votes.csv", "vote-sources.json", "metadata.json"):
        assert f"apmbc/data/{data}" in names
    assert "apmbc/py.typed" in names
    assert not any(n.startswith(("tests/", "src/")) for n in names)
    assert set(metadata.get_all("Provides-Extra") or []) >= {"pandas", "plot"}
    requires = " ".join(metadata.get_all("Requires-Dist") or [])
    for dependency in ("attrs", "cattrs", "python-dateutil"):
        assert dependency in requires
    assert "apmbc = apmbc.cli:main" in entry_points


def test_sdist_carries_data_and_inputs(dist: Path) -> None:
    sdist = _one(dist, "apmbc-*.tar.gz")
    with tarfile.open(sdist) as archive:
        names = {n.split("/", 1)[1] for n in archive.getnames() if "/" in n}
    for path in (
        "src/apmbc/data/states.json",
        "src/apmbc/py.typed",
        "data-raw/votes.csv",
        "scripts/build_data.py",
        "tests/test_bundled.py",
        "CHANGELOG.md",
        "LICENSE",
    ):
        assert path in names, path
