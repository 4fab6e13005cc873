"""The documentation works: its examples run, its output is real, Sphinx builds it cleanly.

1. Every ```python block of docs/**/*.md runs. The blocks of one page run in order in one
   namespace, like one interactive session. A block with ``>>>`` prompts is checked with doctest
   (its printed output must match); any other block is executed and must not raise. A block is
   skipped only when the reason is written next to it: either ```python skip <reason>, or an HTML
   comment ``<!-- skip-test: <reason> -->`` on the line just before the block.
2. ``python -m sphinx -W -b html docs <tmp>`` succeeds (warnings are errors).
3. docs/coverage.md is what scripts/gen_coverage.py writes today.
"""

from __future__ import annotations

import doctest
import importlib.util
import re
from pathlib import Path
from types import ModuleType
from typing import Any

import attrs
import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
if not DOCS.is_dir():
    pytest.skip(
        "not in a source checkout: docs/ is absent (the tests run against an installed wheel)",
        allow_module_level=True,
    )
PAGES = sorted(p for p in DOCS.rglob("*.md") if "_build" not in p.relative_to(DOCS).parts)
PAGES.append(ROOT / "README.md")  # its example runs too

_FENCE = re.compile(r"^(?P<indent> {0,3})(?P<fence>`{3,}|~{3,})(?P<info>[^`\n]*)$")
_SKIP_COMMENT = re.compile(r"^\s*<!--\s*skip-test(?P<reason>.*?)-->\s*$")
_FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE


@attrs.frozen
class Block:
    """One fenced code block of a page."""

    path: Path
    line: int
    """Line number of the first line of code (1-based)."""
    language: str
    code: str
    skip_reason: str | None
    """``None`` for a block to run; the stated reason (maybe empty) for a block marked skip."""

    @property
    def where(self) -> str:
        return f"{self.path.relative_to(ROOT)}:{self.line}"


def _reason(text: str) -> str:
    return text.strip().lstrip(":").strip()


def blocks(path: Path) -> list[Block]:
    """The fenced code blocks of a Markdown page, in order, with their skip markers."""
    lines = path.read_text(encoding="utf-8").splitlines()
    found: list[Block] = []
    i = 0
    while i < len(lines):
        match = _FENCE.match(lines[i])
        if match is None:
            i += 1
            continue
        fence = match["fence"]
        words = match["info"].split()
        language = words[0] if words else ""
        reasons: list[str] = []
        if len(words) > 1 and words[1] == "skip":
            reasons.append(" ".join(words[2:]))
        comment = _SKIP_COMMENT.match(lines[i - 1]) if i > 0 else None
        if comment is not None:
            reasons.append(_reason(comment["reason"]))
        skip = "; ".join(r for r in reasons if r) if reasons else None
        end = i + 1
        while end < len(lines) and not (
            lines[end].strip().startswith(fence[0] * len(fence))
            and set(lines[end].strip()) == {fence[0]}
        ):
            end += 1
        code = "\n".join(lines[i + 1 : end]) + "\n"
        found.append(Block(path, i + 2, language, code, skip))
        i = end + 1
    return found


def python_blocks(path: Path) -> list[Block]:
    """The ```python blocks of a page."""
    return [b for b in blocks(path) if b.language in ("python", "py", "pycon")]


def _run_doctest(block: Block, namespace: dict[str, Any]) -> None:
    parser = doctest.DocTestParser()
    test = parser.get_doctest(block.code, namespace, block.where, str(block.path), block.line - 1)
    runner = doctest.DocTestRunner(optionflags=_FLAGS)
    report: list[str] = []
    runner.run(test, out=report.append, clear_globs=False)
    namespace.update(test.globs)  # doctest ran on a copy; later blocks see its names
    if runner.failures:
        pytest.fail(f"doctest failed in {block.where}:\n" + "".join(report), pytrace=False)


def _run_script(block: Block, namespace: dict[str, Any]) -> None:
    # Pad with blank lines so that a traceback names the line of the page.
    source = "\n" * (block.line - 1) + block.code
    exec(compile(source, str(block.path), "exec"), namespace)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_page_examples_run(page: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every Python example of a page runs, in order, with the output the page shows."""
    monkeypatch.chdir(tmp_path)  # examples that write files write them here
    monkeypatch.setenv("MPLBACKEND", "Agg")  # plots are drawn without a screen
    namespace: dict[str, Any] = {"__name__": "__docs__"}
    for block in python_blocks(page):
        if block.skip_reason is not None:
            assert block.skip_reason, f"{block.where}: a skipped example must say why"
            continue
        if any(line.lstrip().startswith(">>>") for line in block.code.splitlines()):
            _run_doctest(block, namespace)
        else:
            _run_script(block, namespace)


def test_pages_found() -> None:
    """The pages this suite checks are there, and the main ones have examples."""
    names = {str(p.relative_to(DOCS)) for p in PAGES if DOCS in p.parents}
    assert {"index.md", "quickstart.md", "data-model.md", "querying.md"} <= names
    for name in ("quickstart.md", "data-model.md", "querying.md", "data-sources.md"):
        assert len(python_blocks(DOCS / name)) >= 2, name


def test_block_reader_finds_blocks_and_skip_reasons(tmp_path: Path) -> None:
    """The block reader finds languages, first lines, and skip reasons."""
    page = tmp_path / "page.md"
    page.write_text(
        "# T\n\n```python\n>>> 1 + 1\n2\n```\n\n<!-- skip-test: needs a file -->\n"
        "```python\nopen('x')\n```\n\n```python skip no network here\nfetch()\n```\n"
        "<!-- skip-test -->\n```python\nx()\n```\n````sh\n```\n````\n",
        encoding="utf-8",
    )
    found = blocks(page)
    assert [(b.language, b.line, b.skip_reason) for b in found] == [
        ("python", 4, None),
        ("python", 10, "needs a file"),
        ("python", 14, "no network here"),
        ("python", 18, ""),
        ("sh", 21, None),
    ]
    assert found[4].code == "```\n"


def _import_script(name: str) -> ModuleType:
    path = ROOT / "scripts" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"_scripts_{name}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_coverage_page_is_up_to_date() -> None:
    """docs/coverage.md matches the bundled data; if not, run scripts/gen_coverage.py."""
    gen = _import_script("gen_coverage")
    expected = gen.render()
    current = (DOCS / "coverage.md").read_text(encoding="utf-8")
    assert current == expected, "docs/coverage.md is stale: run python scripts/gen_coverage.py"


def test_sphinx_builds_without_warnings(request: pytest.FixtureRequest) -> None:
    """``sphinx -W`` builds the HTML docs: every page, autodoc and cross-reference is clean.

    The build itself started in the background when collection ended (see conftest.py).
    """
    pytest.importorskip("sphinx", reason="sphinx is not installed (dependency group 'docs')")
    pytest.importorskip("myst_parser", reason="myst-parser is not installed (group 'docs')")
    build = request.getfixturevalue("sphinx_build")
    status, stdout, stderr = build.wait()
    assert status == 0, f"sphinx failed:\n{stdout}\n{stderr}"
    assert (build.html / "index.html").is_file()
    assert (build.html / "api.html").is_file()
