"""The public API's types are what users see: a typed client passes mypy --strict, a lie fails."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("mypy") is None, reason="mypy is not installed (dev group 'lint')"
)


def _mypy(path: Path, cache: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(cache), str(path)],
        capture_output=True,
        text=True,
    )


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One mypy cache for both runs: the second reuses what the first read (typeshed, apmbc),
    which mypy's incremental mode is designed to give the same answers with."""
    return tmp_path_factory.mktemp("mypy") / "cache"


def test_typed_client_passes(cache: Path) -> None:
    result = _mypy(HERE / "typing" / "client.py", cache)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_wrong_type_is_caught(tmp_path: Path, cache: Path) -> None:
    wrong = tmp_path / "wrong.py"
    wrong.write_text(
        "from typing_extensions import assert_type\n"
        "import apmbc\n"
        "assert_type(apmbc.load().votes_by_session('Cuba'), dict[int, str])\n",
        encoding="utf-8",
    )
    result = _mypy(wrong, cache)
    assert result.returncode == 1
    assert "assert_type" in result.stdout or "Expression is of type" in result.stdout
