"""Citable: CITATION.cff is valid and current, ``apmbc cite`` names both versions, the data
licence is stated apart from the code's.

The environment has no CFF validator, so CITATION.cff is read by a small strict reader of the
YAML subset it is written in (block mappings and sequences, plain or double-quoted scalars,
dates), which refuses anything else, and then checked against the keys CFF 1.2.0 requires.
"""

from __future__ import annotations

import datetime as dt
import doctest
import importlib.metadata
import json
import re
from pathlib import Path
from typing import Any

import pytest

import apmbc
from apmbc.cli import main
from apmbc.output import _citation, citation, citation_data

ROOT = Path(__file__).resolve().parents[1]
CFF = ROOT / "CITATION.cff"
needs_checkout = pytest.mark.skipif(
    not CFF.exists(), reason="not in a source checkout: CITATION.cff is absent (installed wheel)"
)

# -- a strict reader of the YAML subset CITATION.cff uses --------------------------------------

_KEY = re.compile(r"^(?P<key>[a-z][a-z0-9-]*):(?: (?P<value>.+))?$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_PLAIN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 .,;()/+_-]*$")


class CffError(ValueError):
    """CITATION.cff is outside the subset the reader accepts."""


def _scalar(text: str, line: int) -> Any:
    if text.startswith('"'):
        if not text.endswith('"') or len(text) < 2:
            raise CffError(f"line {line}: unterminated string")
        try:
            return json.loads(text)
        except json.JSONDecodeError:
            raise CffError(f"line {line}: bad string {text!r}") from None
    if _DATE.match(text):
        return dt.date.fromisoformat(text)
    if not _PLAIN.match(text) or ": " in text or " #" in text:
        raise CffError(f"line {line}: not a plain scalar of the subset: {text!r}")
    return text


def read_cff(text: str) -> dict[str, Any]:
    """Parse ``text``; raise :class:`CffError` for anything outside the subset."""
    lines: list[tuple[int, int, str]] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        if "\t" in raw:
            raise CffError(f"line {number}: a tab")
        if raw != raw.rstrip():
            raise CffError(f"line {number}: trailing space")
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        indent = len(raw) - len(raw.lstrip(" "))
        if indent % 2:
            raise CffError(f"line {number}: indentation is not a multiple of two")
        lines.append((number, indent, raw.strip()))
    position = 0

    def block(indent: int) -> Any:
        nonlocal position
        number, at, content = lines[position]
        if at != indent:
            raise CffError(f"line {number}: expected indentation {indent}")
        if content.startswith("- "):
            items: list[Any] = []
            while position < len(lines) and lines[position][1] == indent:
                number, _, content = lines[position]
                if not content.startswith("- "):
                    raise CffError(f"line {number}: a key among list items")
                item = content[2:]
                if _KEY.match(item) is None:  # "- scalar"
                    items.append(_scalar(item, number))
                    position += 1
                    continue
                # "- key: value" opens a mapping whose other keys sit two spaces deeper.
                lines[position] = (number, indent + 2, item)
                items.append(block(indent + 2))
            return items
        mapping: dict[str, Any] = {}
        while position < len(lines) and lines[position][1] == indent:
            number, _, content = lines[position]
            match = _KEY.match(content)
            if match is None:
                raise CffError(f"line {number}: expected 'key: value', got {content!r}")
            key = match["key"]
            if key in mapping:
                raise CffError(f"line {number}: key {key!r} repeated")
            position += 1
            if match["value"] is not None:
                mapping[key] = _scalar(match["value"], number)
            elif position < len(lines) and lines[position][1] > indent:
                mapping[key] = block(lines[position][1])
            else:
                raise CffError(f"line {number}: key {key!r} has no value")
        if position < len(lines) and lines[position][1] > indent:
            raise CffError(f"line {lines[position][0]}: unexpected indentation")
        return mapping

    if not lines:
        raise CffError("empty file")
    data = block(0)
    if position != len(lines) or not isinstance(data, dict):
        raise CffError("the file is not one mapping")
    return data


def test_the_reader_is_strict() -> None:
    assert read_cff('a: "x: y"\nb:\n  - c: 1\n    d: 2026-01-02\n  - e: f\nk:\n  - "v"\n') == {
        "a": "x: y",
        "b": [{"c": "1", "d": dt.date(2026, 1, 2)}, {"e": "f"}],
        "k": ["v"],
    }
    for bad in (
        "a: [1, 2]\n",  # flow style
        "a: x\na: y\n",  # repeated key
        "a:\n\t- x\n",  # tab
        "a: 'x'\n",  # single quotes are outside the subset
        "a: x # comment\n",
        "a:\n   b: 1\n",  # odd indentation
        "a: x\n  b: 1\n",  # a scalar with children
        "a: |\n  text\n",  # block scalar
        "a:\n",  # no value
    ):
        with pytest.raises(CffError):
            read_cff(bad)


# -- CITATION.cff ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def cff() -> dict[str, Any]:
    if not CFF.exists():
        pytest.skip("not in a source checkout: CITATION.cff is absent (installed wheel)")
    return read_cff(CFF.read_text(encoding="utf-8"))


def test_cff_has_the_required_keys(cff: dict[str, Any]) -> None:
    assert cff["cff-version"] == "1.2.0"
    for key in ("message", "title", "authors", "version", "date-released", "license"):
        assert cff.get(key), key
    assert cff["type"] == "software"
    assert cff["authors"] == [{"name": "The apmbc developers"}]
    assert cff["title"] == _citation.PACKAGE_TITLE


def test_cff_version_and_date_are_the_release(cff: dict[str, Any]) -> None:
    version = importlib.metadata.version("apmbc")
    assert cff["version"] == version == apmbc.__version__
    assert isinstance(cff["date-released"], dt.date)
    assert cff["date-released"] == _citation.RELEASED
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    released = re.search(
        rf"^## \[{re.escape(version)}\] - (\d{{4}}-\d{{2}}-\d{{2}})$", changelog, re.M
    )
    assert released is not None, f"CHANGELOG.md has no dated entry for {version}"
    assert dt.date.fromisoformat(released[1]) == cff["date-released"]


def test_cff_licences_and_the_data_version(cff: dict[str, Any]) -> None:
    assert cff["license"] == "MIT" == _citation.CODE_LICENSE
    assert f"data version {apmbc.DATA_VERSION}" in cff["keywords"]
    data = [r for r in cff["references"] if r["type"] == "data"]
    assert len(data) == 1
    assert data[0]["version"] == apmbc.DATA_VERSION
    assert data[0]["license"] == "CC0-1.0" == _citation.DATA_LICENSE
    assert data[0]["title"] == apmbc.load().metadata.title
    assert data[0]["authors"] == [{"name": "The apmbc developers"}]


@needs_checkout
def test_cff_reads_the_same_with_a_full_yaml_parser(cff: dict[str, Any]) -> None:
    yaml = pytest.importorskip(
        "yaml", reason="PyYAML is not installed: the cross-check is optional"
    )
    assert yaml.safe_load(CFF.read_text(encoding="utf-8")) == cff


def test_pyproject_states_both_licences() -> None:
    path = ROOT / "pyproject.toml"
    if not path.exists():
        pytest.skip("not in a source checkout: pyproject.toml is absent (installed wheel)")
    tomllib = pytest.importorskip("tomllib", reason="tomllib is in the standard library from 3.11")
    project = tomllib.loads(path.read_text(encoding="utf-8"))["project"]
    assert project["license"] == "MIT"
    assert "CC0-1.0" in project["description"]
    assert project["authors"] == [{"name": "The apmbc developers"}]


# -- the citation ------------------------------------------------------------------------------


def test_text_names_both_versions() -> None:
    text = citation()
    software, data = text.splitlines()
    assert f"version {apmbc.__version__} [software]" in software and "Licence: MIT" in software
    assert f"data version {apmbc.DATA_VERSION}, facts as of 2026-12-01 [data set]" in data
    assert f"Distributed with apmbc {apmbc.__version__}" in data and "CC0-1.0" in data
    assert citation(apmbc.load()) == text


def test_bibtex_has_a_software_and_a_dataset_entry() -> None:
    bib = citation(format="bibtex")
    assert bib.count("{") == bib.count("}")
    assert bib.startswith("@software{apmbc,\n")
    assert f"  version = {{{apmbc.__version__}}},\n" in bib
    assert f"Data version {apmbc.DATA_VERSION}, facts as of 2026-12-01" in bib
    key = "apmbc_data_" + apmbc.DATA_VERSION.replace(".", "_")
    assert f"@dataset{{{key},\n" in bib
    assert f"  version = {{{apmbc.DATA_VERSION}}},\n" in bib
    assert "  license = {CC0-1.0},\n" in bib


def test_another_dataset_is_cited_as_such_and_escaped() -> None:
    ds = apmbc.Dataset(metadata=apmbc.Metadata(data_version="my_1", title="A & B {50%}"))
    data = citation_data(ds)["data"]
    assert data["bundled"] is False and data["license"] is None and data["authors"] is None
    assert "not the data bundled" in citation(ds)
    bib = citation(ds, "bibtex")
    assert r"{{A \& B \{50\%\}}}" in bib and "apmbc_data_my_1" in bib
    assert "version = {my\\_1}" in bib
    assert "license" not in bib.split("@dataset", 1)[1] and "author" not in bib.split("@dataset")[1]
    assert "date" not in bib.split("@dataset")[1]  # no as-of date: none is written


def test_bad_formats_are_refused() -> None:
    with pytest.raises(apmbc.ArgumentError, match="expected one of: text, bibtex"):
        citation(format="ris")
    with pytest.raises(apmbc.ArgumentTypeError):
        citation(format=None)  # type: ignore[arg-type]


def test_module_examples() -> None:
    result = doctest.testmod(_citation)
    assert result.failed == 0 and result.attempted > 0


# -- apmbc cite --------------------------------------------------------------------------------


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_cite_prints_bibtex_with_both_versions(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "cite", "--format", "bibtex")
    assert status == 0 and err == ""
    assert out == citation(format="bibtex")
    assert f"version = {{{apmbc.__version__}}}" in out
    assert f"Data version {apmbc.DATA_VERSION}" in out


def test_cite_text_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "cite")
    assert status == 0 and out == citation()
    status, out, _ = run(capsys, "cite", "--json")
    data = json.loads(out)
    assert status == 0
    assert data["package"]["version"] == apmbc.__version__
    assert data["data"] == {
        "as_of": "2026-12-01",
        "authors": "The apmbc developers",
        "bundled": True,
        "license": "CC0-1.0",
        "title": apmbc.load().metadata.title,
        "version": apmbc.DATA_VERSION,
    }
    assert data["bibtex"] == citation(format="bibtex") and data["text"] == citation()


def test_cite_the_data_in_use(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "mine.json"
    meta = apmbc.Metadata(data_version="2030.01.01", as_of=dt.date(2030, 1, 1), title="Mine")
    apmbc.dump_json(apmbc.Dataset(metadata=meta), path)
    status, out, _ = run(capsys, "--data", str(path), "cite", "--format", "bibtex")
    assert status == 0
    assert "version = {2030.01.01}" in out and "not the data bundled" in out
    status, _, err = run(capsys, "cite", "--format", "ris")
    assert status == 2 and "invalid choice" in err
