"""Golden files: what a test produced, compared with what a reviewed file in tests/ holds.

A golden file changes only on purpose: when a test fails here, read the diff; if the new output
is right, rewrite the files with ``UPDATE_SNAPSHOTS=1 python -m pytest`` and review them with
``git diff`` before committing.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

import pytest

__all__ = ["UPDATING", "check_golden", "check_no_strays"]

TESTS = Path(__file__).resolve().parent
UPDATING = os.environ.get("UPDATE_SNAPSHOTS") == "1"
"""Whether this run rewrites the golden files (``UPDATE_SNAPSHOTS=1``)."""


def _shown(path: Path) -> str:
    try:
        return str(path.relative_to(TESTS.parent))
    except ValueError:
        return str(path)


def check_golden(path: Path, current: str) -> None:
    """Assert that ``path`` holds exactly ``current``; with ``UPDATE_SNAPSHOTS=1``, write it.

    Files are UTF-8 with ``\\n`` line ends whatever the platform.
    """
    if UPDATING and (not path.is_file() or path.read_bytes() != current.encode("utf-8")):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(current.encode("utf-8"))
    if not path.is_file():
        pytest.fail(f"{_shown(path)} is missing: check the output, then UPDATE_SNAPSHOTS=1 pytest")
    expected = path.read_bytes().decode("utf-8")
    assert current == expected, f"{_shown(path)} differs (if the change is right, update it)"


def check_no_strays(folder: Path, pattern: str, names: Iterable[str]) -> None:
    """Assert that ``folder`` holds a golden file for each of ``names`` and no other.

    With ``UPDATE_SNAPSHOTS=1`` the files no test writes any more are deleted.
    """
    wanted = set(names)
    strays = sorted(p for p in folder.glob(pattern) if p.stem not in wanted)
    if UPDATING:
        for path in strays:
            path.unlink()
        strays = []
    assert not strays, f"golden files no test checks: {[_shown(p) for p in strays]}"
