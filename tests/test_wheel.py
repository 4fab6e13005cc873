"""The release artefacts: an sdist and a wheel that carry the data, and a wheel that passes the
test suite in a fresh virtual environment with the source tree out of the way.

Slow (it builds, creates a venv and installs from the package index), so it runs the suite once
more only from the outer run: the inner run sets APMBC_WHEEL_INNER=1 and skips this module.
"""

from __future__ import annotations

import os
import shutil
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
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--sdist", "--wheel", "--outdir", str(out), str(ROOT)],
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


def test_suite_passes_against_the_installed_wheel(dist: Path, tmp_path: Path) -> None:
    wheel = _one(dist, "apmbc-*.whl")
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / "bin" / "python"
    subprocess.run(
        [
            str(python),
            "-m",
            "pip",
            "install",
            "-q",
            f"{wheel}[pandas,plot]",
            "pytest",
            "hypothesis",
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    # The tests alone, away from src/: whatever they import must come from the wheel.
    suite = tmp_path / "suite"
    shutil.copytree(ROOT / "tests", suite / "tests", ignore=shutil.ignore_patterns("__pycache__"))
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "PYTHONHOME"}}
    env["APMBC_WHEEL_INNER"] = "1"
    where = subprocess.run(
        [str(python), "-c", "import apmbc; print(apmbc.__file__, apmbc.DATA_VERSION)"],
        cwd=suite,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert str(venv) in where
    version = subprocess.run(
        [str(venv / "bin" / "apmbc"), "--version"], env=env, capture_output=True, text=True
    )
    assert version.returncode == 0
    assert "2026.11.27" in version.stdout
    result = subprocess.run(
        [str(python), "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests"],
        cwd=suite,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert " passed" in result.stdout.splitlines()[-1]
