"""Shared test fixtures, and the Sphinx build started in the background."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

# Unit tests never time anything (performance lives in benchmarks/), so no Hypothesis deadline;
# on CI the examples are derandomized, so that a run is reproducible.
settings.register_profile("default", deadline=None)
settings.register_profile("ci", deadline=None, derandomize=True)
settings.load_profile("ci" if os.environ.get("CI") else "default")

SAMPLES = Path(__file__).resolve().parents[2] / "shared" / "samples"
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def _no_data_file_named(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test starts with ``APMBC_DATA`` unset, whatever the shell that runs pytest has, so
    that ``apmbc.load()`` and the command line read the bundled data unless a test says not."""
    monkeypatch.delenv("APMBC_DATA", raising=False)


@pytest.fixture(autouse=True)
def _stale_warnings_afresh() -> None:
    """Every test starts as a new process would: no dataset has warned yet that a date is after
    its as-of date (pyproject.toml makes such a warning an error unless a test expects it)."""
    from apmbc.queries import reset_stale_warnings

    reset_stale_warnings()


@pytest.fixture
def samples_dir() -> Path:
    """The real profile pages in ../shared/samples, when that folder exists."""
    if not SAMPLES.is_dir():
        pytest.skip("../shared/samples is not present in this checkout (real pages are optional)")
    return SAMPLES


# -- the Sphinx build --------------------------------------------------------------------------
# tests/test_docs.py::test_sphinx_builds_without_warnings checks the HTML build of docs/, which
# takes several seconds of one processor while every test runs on one. When a run has selected
# that test, the build starts as soon as collection ends, in its own process, so that it goes on
# while the other tests run; the test then waits for it and checks its result. Nothing about
# the build is timed, and the command is the one the test would run itself.

SPHINX_TEST = "tests/test_docs.py::test_sphinx_builds_without_warnings"
_BUILD = pytest.StashKey["SphinxBuild"]()


class SphinxBuild:
    """``python -m sphinx -W -q -b html docs <folder>/html``, running in the background."""

    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="apmbc-sphinx-"))
        self.html = self.folder / "html"
        self._out = (self.folder / "stdout.txt").open("w+b")
        self._err = (self.folder / "stderr.txt").open("w+b")
        docs = str(ROOT / "docs")
        argv = [sys.executable, "-m", "sphinx", "-W", "-q", "-b", "html", docs, str(self.html)]
        self._proc = subprocess.Popen(argv, stdout=self._out, stderr=self._err, cwd=ROOT)

    def wait(self) -> tuple[int, str, str]:
        """Wait for the build to end: its exit status, stdout and stderr."""
        status = self._proc.wait()
        texts = []
        for stream in (self._out, self._err):
            stream.seek(0)
            texts.append(stream.read().decode("utf-8", "replace"))
        return status, texts[0], texts[1]

    def close(self) -> None:
        """Stop the build if it still runs, and remove its files."""
        if self._proc.poll() is None:
            self._proc.kill()
            self._proc.wait()
        self._out.close()
        self._err.close()
        shutil.rmtree(self.folder, ignore_errors=True)


def _can_build_docs() -> bool:
    found = importlib.util.find_spec
    return (ROOT / "docs").is_dir() and bool(found("sphinx")) and bool(found("myst_parser"))


def pytest_collection_finish(session: pytest.Session) -> None:
    config = session.config
    if config.option.collectonly or not _can_build_docs():
        return
    if any(item.nodeid == SPHINX_TEST for item in session.items):
        config.stash[_BUILD] = SphinxBuild()


def pytest_unconfigure(config: pytest.Config) -> None:
    build = config.stash.get(_BUILD, None)
    if build is not None:
        build.close()


@pytest.fixture
def sphinx_build(request: pytest.FixtureRequest) -> Iterator[SphinxBuild]:
    """The build started when collection ended, or (run some other way) one started now."""
    started = request.config.stash.get(_BUILD, None)
    build = SphinxBuild() if started is None else started
    yield build
    if started is None:
        build.close()
