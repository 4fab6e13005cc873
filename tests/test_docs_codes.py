"""Docs that must follow the code: the finding codes of validation.md, the example notebook.

1. docs/validation.md lists every finding code of ``apmbc.validation.RULES`` and
   ``apmbc.validation.FILE_CODES`` in a table row ``| `CODE` | severity | meaning |``, with the
   severity and the meaning the code gives, and lists no code that does not exist.
2. docs/examples/notebook.ipynb has the same code cells as docs/examples/notebook.md has code
   blocks (prompts removed), in the same order, and each cell's stored output is the output
   the page shows (which tests/test_docs.py checks against a real run).
"""

from __future__ import annotations

import doctest
import json
import re
from pathlib import Path
from typing import Any

import pytest
from test_docs import python_blocks

from apmbc.validation import FILE_CODES, RULES

DOCS = Path(__file__).resolve().parents[1] / "docs"
VALIDATION_PAGE = DOCS / "validation.md"
NOTEBOOK_PAGE = DOCS / "examples" / "notebook.md"
NOTEBOOK = DOCS / "examples" / "notebook.ipynb"

ALL_CODES = {**RULES, **FILE_CODES}
_ROW = re.compile(
    r"^\|\s*`(?P<code>APMBC-[A-Z0-9-]+)`\s*\|(?P<severity>[^|]*)\|(?P<meaning>.*)\|\s*$"
)
_CODE = re.compile(r"\bAPMBC-[A-Z0-9]+(?:-[A-Z0-9]+)*\b")


def code_rows(text: str) -> dict[str, list[tuple[str, str]]]:
    """Each code that starts a table row -> the (severity, meaning) of each of its rows."""
    rows: dict[str, list[tuple[str, str]]] = {}
    for line in text.splitlines():
        match = _ROW.match(line.strip())
        if match is not None:
            rows.setdefault(match["code"], []).append(
                (match["severity"].strip(), match["meaning"].strip())
            )
    return rows


def expected_row(code: str) -> str:
    severity, meaning = ALL_CODES[code]
    return f"| `{code}` | {severity.value} | {meaning} |"


def test_code_rows_reader() -> None:
    """The row reader finds codes, severities and meanings, and nothing in prose."""
    text = (
        "| code | severity | meaning |\n|---|---|---|\n"
        "| `APMBC-KEY-STATE` | error | two States have the same code |\n"
        "Prose naming `APMBC-TALLY` is not a row.\n"
        "| `APMBC-READ` |  warning | a b |\n"
    )
    assert code_rows(text) == {
        "APMBC-KEY-STATE": [("error", "two States have the same code")],
        "APMBC-READ": [("warning", "a b")],
    }


def test_every_finding_code_is_in_validation_page() -> None:
    """Each code of RULES and FILE_CODES has a row with its severity in docs/validation.md."""
    rows = code_rows(VALIDATION_PAGE.read_text(encoding="utf-8"))
    missing = [code for code in ALL_CODES if code not in rows]
    assert not missing, (
        "docs/validation.md has no table row for: "
        + ", ".join(missing)
        + "\nadd these rows:\n"
        + "\n".join(expected_row(code) for code in missing)
    )
    repeated = sorted(code for code, found in rows.items() if len(found) > 1)
    assert not repeated, f"docs/validation.md lists these codes twice: {repeated}"
    wrong = [
        f"{code}: the page says {rows[code][0][0]!r}, the code says {severity.value!r}"
        for code, (severity, _) in ALL_CODES.items()
        if rows[code][0][0] != severity.value
    ]
    assert not wrong, "wrong severities in docs/validation.md:\n" + "\n".join(wrong)


def test_validation_page_meanings_match_the_code() -> None:
    """Each row's meaning is the one RULES/FILE_CODES gives (the table is generated from them)."""
    rows = code_rows(VALIDATION_PAGE.read_text(encoding="utf-8"))
    stale = [
        expected_row(code)
        for code, (_, meaning) in ALL_CODES.items()
        if code in rows and rows[code][0][1] != meaning
    ]
    assert not stale, "update these rows of docs/validation.md:\n" + "\n".join(stale)


def test_validation_page_names_no_unknown_code() -> None:
    """Every APMBC-... code the page mentions anywhere exists."""
    text = VALIDATION_PAGE.read_text(encoding="utf-8")
    unknown = sorted(set(_CODE.findall(text)) - set(ALL_CODES))
    assert not unknown, f"docs/validation.md names codes that do not exist: {unknown}"


def test_validation_page_counts_are_real() -> None:
    """The rule sets are not empty, so the checks above check something."""
    assert len(RULES) >= 30
    assert set(FILE_CODES) == {
        "APMBC-READ",
        "APMBC-CSV-VALUE",
        "APMBC-CSV-NAME",
        "APMBC-PROFILE-UNPARSED",
        "APMBC-VOTE-CHECK",
        "APMBC-VOTE-UNREAD",
        "APMBC-FINAL-REPORT-UNREAD",
        "APMBC-FINAL-REPORT-PROBLEM",
        "APMBC-EXPORT-KEY",
        "APMBC-EXPORT-REF",
        "APMBC-EXPORT-SCHEMA",
        "APMBC-EXPORT-HASH",
    }


# -- the example notebook -------------------------------------------------------------------------


def _text(value: str | list[str]) -> str:
    """A notebook field that may be one string or a list of lines."""
    return value if isinstance(value, str) else "".join(value)


def _page_cells() -> list[tuple[str, str]]:
    """(source without prompts, output shown) of each code block of the page, in order."""
    cells = []
    parser = doctest.DocTestParser()
    for block in python_blocks(NOTEBOOK_PAGE):
        assert block.skip_reason is None, f"{block.where}: the notebook's blocks all run"
        examples = parser.get_examples(block.code)
        if examples:
            source = "".join(example.source for example in examples)
            output = "".join(example.want for example in examples)
        else:  # a block without prompts is the cell's code as it is
            source, output = block.code, ""
        cells.append((source.rstrip("\n"), output))
    return cells


def _notebook() -> dict[str, Any]:
    data = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _stdout(cell: dict[str, Any]) -> str:
    parts = []
    for output in cell.get("outputs", []):
        assert output.get("output_type") == "stream" and output.get("name") == "stdout", (
            f"cell {cell.get('id')}: only printed output is expected, got {output}"
        )
        parts.append(_text(output["text"]))
    return "".join(parts)


def test_notebook_is_nbformat_4() -> None:
    """The notebook has the shape of nbformat 4.5 (what Jupyter opens)."""
    notebook = _notebook()
    assert notebook["nbformat"] == 4
    assert notebook["nbformat_minor"] >= 5
    assert notebook["metadata"]["kernelspec"]["language"] == "python"
    ids = [cell["id"] for cell in notebook["cells"]]
    assert len(ids) == len(set(ids)), "cell ids must be unique"
    for cell in notebook["cells"]:
        assert cell["cell_type"] in ("markdown", "code")
        assert re.fullmatch(r"[A-Za-z0-9_-]{1,64}", cell["id"])
        assert isinstance(cell["metadata"], dict)
        if cell["cell_type"] == "code":
            assert isinstance(cell["outputs"], list)
            assert "execution_count" in cell


def test_notebook_code_cells_are_the_page_code_blocks() -> None:
    """notebook.ipynb's code cells are notebook.md's code blocks, in order, with their output."""
    expected = _page_cells()
    code_cells = [cell for cell in _notebook()["cells"] if cell["cell_type"] == "code"]
    found = [(_text(cell["source"]).rstrip("\n"), _stdout(cell)) for cell in code_cells]
    assert len(found) == len(expected), (
        f"notebook.ipynb has {len(found)} code cells, notebook.md {len(expected)} code blocks"
    )
    for number, ((source, output), (want_source, want_output)) in enumerate(
        zip(found, expected, strict=True), start=1
    ):
        assert source == want_source, f"code cell {number} differs from code block {number}"
        assert output == want_output, f"the output of code cell {number} differs from the page"


def test_notebook_page_includes_the_committed_images() -> None:
    """The page shows the committed PNGs, which its code writes under the same names."""
    text = NOTEBOOK_PAGE.read_text(encoding="utf-8")
    for name in ("parties.png", "votes-not-party.png"):
        assert re.search(rf"!\[[^\]]+\]\({re.escape(name)}\)", text), name
        assert f'savefig("{name}"' in text, name
        image = DOCS / "examples" / name
        assert image.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", f"{image} is not a PNG"


@pytest.mark.parametrize("name", ["parties.png", "votes-not-party.png"])
def test_notebook_markdown_shows_the_images_too(name: str) -> None:
    """The notebook's own Markdown cells show the same images."""
    markdown = "".join(
        _text(cell["source"]) for cell in _notebook()["cells"] if cell["cell_type"] == "markdown"
    )
    assert f"]({name})" in markdown
