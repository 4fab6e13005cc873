"""Shared test fixtures, and the Sphinx build started in the background."""

from __future__ import annotations

import contextlib
import importlib.util
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
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
# takes several seconds of one processor. When a run has selected that test, the build starts as
# soon as collection ends, in its own process, so that it goes on while the other tests run; the
# test then waits for it and checks its result. Nothing about the build is timed, and the command
# is the one the test would run itself.
#
# With pytest-xdist (the README's command runs the suite on every processor) each worker collects
# every test, so the controller names one shared folder (in APMBC_TEST_SPHINX, which the workers
# inherit) and the first worker to claim it starts the one build; whichever worker runs the test
# waits for the build's status file there.

SPHINX_TEST = "tests/test_docs.py::test_sphinx_builds_without_warnings"
_SHARED = "APMBC_TEST_SPHINX"
_BUILD = pytest.StashKey["SphinxBuild"]()

# Runs the build and then writes its exit status, so that any process can wait for it.
_RUNNER = """
import subprocess, sys
from pathlib import Path
folder = Path(sys.argv[1])
with (folder / "stdout.txt").open("wb") as out, (folder / "stderr.txt").open("wb") as err:
    status = subprocess.run(sys.argv[2:], stdout=out, stderr=err).returncode
(folder / "status.partial").write_text(str(status))
(folder / "status.partial").replace(folder / "status")
"""


class SphinxBuild:
    """``python -m sphinx -W -q -b html docs <folder>/html``, run in the background (when
    ``start``) or by another process, into ``folder``."""

    def __init__(self, folder: Path, *, start: bool) -> None:
        self.folder = folder
        self.html = folder / "html"
        self._proc: subprocess.Popen[bytes] | None = None
        if start:
            argv = [sys.executable, "-m", "sphinx", "-W", "-q", "-b", "html"]
            argv += [str(ROOT / "docs"), str(self.html)]
            runner = [sys.executable, "-c", _RUNNER, str(folder), *argv]
            self._proc = subprocess.Popen(runner, cwd=ROOT)
            (folder / "pid").write_text(str(self._proc.pid))

    def wait(self) -> tuple[int, str, str]:
        """Wait for the build to end: its exit status, stdout and stderr."""
        status = self.folder / "status"
        while not status.exists():
            if self._proc is not None and self._proc.poll() is not None and not status.exists():
                return self._proc.returncode or 1, "", "the build's runner ended without a status"
            time.sleep(0.1)
        texts = [
            (self.folder / name).read_bytes().decode("utf-8", "replace")
            for name in ("stdout.txt", "stderr.txt")
        ]
        return int(status.read_text()), texts[0], texts[1]


def _stop_and_remove(folder: Path) -> None:
    """Stop a build still running in ``folder`` (an interrupted run) and remove the folder."""
    pid = folder / "pid"
    if pid.exists() and not (folder / "status").exists():
        with contextlib.suppress(OSError, ValueError):
            os.kill(int(pid.read_text()), signal.SIGTERM)
    shutil.rmtree(folder, ignore_errors=True)


def _can_build_docs() -> bool:
    found = importlib.util.find_spec
    return (ROOT / "docs").is_dir() and bool(found("sphinx")) and bool(found("myst_parser"))


def _is_worker(config: pytest.Config) -> bool:
    return hasattr(config, "workerinput")


def pytest_configure(config: pytest.Config) -> None:
    if not _is_worker(config) and getattr(config.option, "numprocesses", None):
        folder = Path(tempfile.mkdtemp(prefix="apmbc-sphinx-"))
        os.environ[_SHARED] = str(folder)  # before the workers start: they inherit it
        config.add_cleanup(lambda: _stop_and_remove(folder))


def pytest_collection_finish(session: pytest.Session) -> None:
    config = session.config
    if config.option.collectonly or not _can_build_docs():
        return
    if not any(item.nodeid == SPHINX_TEST for item in session.items):
        return
    shared = os.environ.get(_SHARED) if _is_worker(config) else None
    if shared is None:
        folder = Path(tempfile.mkdtemp(prefix="apmbc-sphinx-"))
        config.add_cleanup(lambda: _stop_and_remove(folder))
        config.stash[_BUILD] = SphinxBuild(folder, start=True)
        return
    try:
        os.mkdir(Path(shared) / "claimed")  # atomic: the one worker that succeeds builds
    except FileExistsError:
        config.stash[_BUILD] = SphinxBuild(Path(shared), start=False)
    else:
        config.stash[_BUILD] = SphinxBuild(Path(shared), start=True)


@pytest.fixture
def sphinx_build(request: pytest.FixtureRequest) -> Iterator[SphinxBuild]:
    """The build started when collection ended, or (run some other way) one started now."""
    started = request.config.stash.get(_BUILD, None)
    if started is not None:
        yield started
        return
    folder = Path(tempfile.mkdtemp(prefix="apmbc-sphinx-"))
    yield SphinxBuild(folder, start=True)
    _stop_and_remove(folder)
