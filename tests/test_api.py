"""The public API: every name in ``apmbc.__all__`` resolves, none is shadowed by a submodule."""

from __future__ import annotations

import ast
import importlib
import pkgutil
import subprocess
import sys
import types
from pathlib import Path

import pytest

import apmbc


def test_all_is_sorted_and_resolves() -> None:
    # Sorted as ruff's RUF022 sorts it: constants, then classes, then functions.
    def key(name: str) -> tuple[int, str]:
        return (0 if name.isupper() else 1 if name[0].isupper() else 2, name)

    assert apmbc.__all__ == sorted(apmbc.__all__, key=key)
    assert len(set(apmbc.__all__)) == len(apmbc.__all__)
    for name in apmbc.__all__:
        assert getattr(apmbc, name) is not None, name
    assert set(apmbc.__all__) <= set(dir(apmbc))


def test_type_checkers_see_exactly_the_public_names() -> None:
    # The TYPE_CHECKING imports of apmbc/__init__.py mirror _EXPORTS, module by module, each as
    # an explicit re-export ("X as X"), so that mypy --strict clients see every public name.
    tree = ast.parse(Path(apmbc.__file__).read_text(encoding="utf-8"))
    block = next(
        n for n in tree.body if isinstance(n, ast.If) and "TYPE_CHECKING" in ast.dump(n.test)
    )
    seen: dict[str, tuple[str, ...]] = {}
    for node in block.body:
        assert isinstance(node, ast.ImportFrom) and node.module is not None
        assert all(alias.asname == alias.name for alias in node.names), node.module
        seen[node.module] = tuple(sorted(alias.name for alias in node.names))
    exports = apmbc._EXPORTS  # type: ignore[attr-defined]
    assert seen == {module: tuple(sorted(names)) for module, names in exports.items()}


def test_no_public_name_is_shadowed_by_a_submodule() -> None:
    # Importing a submodule sets it as an attribute of the package; a submodule named like a
    # public function would replace that function.
    for info in pkgutil.walk_packages(apmbc.__path__, "apmbc."):
        if info.name.endswith("__main__"):
            continue
        importlib.import_module(info.name)
    for name in apmbc.__all__:
        value = getattr(apmbc, name)
        assert not isinstance(value, types.ModuleType), f"apmbc.{name} is a module"


def test_version_and_data_version() -> None:
    assert apmbc.__version__ and apmbc.__version__ != "0+unknown"
    assert apmbc.DATA_VERSION == apmbc.load().metadata.data_version


def test_unknown_attribute_raises_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no_such_name"):
        apmbc.no_such_name  # type: ignore[attr-defined]  # noqa: B018


def test_import_is_lazy() -> None:
    code = "import sys, apmbc; print(sorted(m for m in sys.modules if m.startswith('apmbc')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "['apmbc']"
    assert (
        "cattrs"
        not in subprocess.run(
            [sys.executable, "-c", "import sys, apmbc; print(list(sys.modules))"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    )
