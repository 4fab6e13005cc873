"""``apmbc validate`` accepts apmbc's own exports: a datapackage.json, or one table's file."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import apmbc
from apmbc.output import TABLES, export, export_all
from apmbc.validation import FileKind, check_paths, detect_kind


@pytest.fixture(scope="module")
def _exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("export") / "data"
    export_all(apmbc.load(), folder)
    return folder


@pytest.fixture
def package(tmp_path: Path, _exported: Path) -> Path:
    """The bundled data exported as CSV, a copy of its own for each test to change."""
    return Path(shutil.copytree(_exported, tmp_path / "data"))


def _codes(path: Path) -> list[tuple[str, str]]:
    report = check_paths([path])
    assert not report.unreadable, [str(f) for f in report.unreadable]
    return [(f.location, f.code) for f in report.findings]


def test_exports_are_detected(tmp_path: Path, package: Path) -> None:
    assert detect_kind(package / "datapackage.json") is FileKind.DATAPACKAGE
    for table in TABLES:
        assert detect_kind(package / f"{table}.csv") is FileKind.TABLE
    export_all(apmbc.load(), tmp_path / "json", "json")
    assert detect_kind(tmp_path / "json" / "datapackage.json") is FileKind.DATAPACKAGE
    assert detect_kind(tmp_path / "json" / "votes.json") is FileKind.TABLE
    renamed = tmp_path / "package.txt"  # a package by its content, whatever its name
    renamed.write_bytes((package / "datapackage.json").read_bytes())
    assert detect_kind(renamed) is FileKind.DATAPACKAGE
    header_only = tmp_path / "votes.txt"  # a table by its exact header, whatever its name
    export(apmbc.Dataset(metadata=apmbc.Metadata(data_version="e")), "votes", header_only)
    assert detect_kind(header_only) is FileKind.TABLE


def test_other_files_keep_their_kinds(tmp_path: Path) -> None:
    dataset = tmp_path / "full.json"
    apmbc.dump_json(apmbc.load(), dataset)
    assert detect_kind(dataset) is FileKind.JSON
    near = tmp_path / "near.csv"  # the votes header less one column is no export
    near.write_text("state,state_name,session,forum\nCUB,Cuba,77,plenary\n", encoding="utf-8")
    assert detect_kind(near) is FileKind.UNDL_CSV


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_a_clean_export_has_no_findings(tmp_path: Path, fmt: str) -> None:
    export_all(apmbc.load(), tmp_path, fmt)
    paths = [tmp_path / "datapackage.json", *(tmp_path / f"{t}.{fmt}" for t in TABLES)]
    report = check_paths(paths)
    assert report.exit_code == 0
    assert report.findings == () and report.unreadable == ()


def test_a_repeated_key(package: Path) -> None:
    votes = package / "votes.csv"
    lines = votes.read_text(encoding="utf-8").splitlines(keepends=True)
    votes.write_text("".join([*lines[:3], lines[2], *lines[3:]]), encoding="utf-8")
    assert _codes(votes) == [("4", "APMBC-EXPORT-KEY")]
    assert sorted(_codes(package / "datapackage.json")) == [
        ("resources[3].hash", "APMBC-EXPORT-HASH"),
        ("votes.csv:4", "APMBC-EXPORT-KEY"),
    ]
    (finding,) = check_paths([votes]).findings
    assert "(state, session, forum, record) = (AGO, 52, plenary, null)" in finding.message
    assert "row at line 3" in finding.message
    assert str(finding).startswith(f"{votes}:4: APMBC-EXPORT-KEY votes: the key")


def _edit(package: Path, table: str, old: str, new: str) -> None:
    """Change a table file, and its hash in the package, so that only the change is found."""
    path = package / f"{table}.csv"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    descriptor = json.loads((package / "datapackage.json").read_text(encoding="utf-8"))
    for resource in descriptor["resources"]:
        resource.pop("hash")
    (package / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")


def test_a_foreign_key_with_no_row(package: Path) -> None:
    _edit(package, "attendances", "\nCUB,Cuba,", "\nXXX,Cuba,")
    (found,) = check_paths([package / "datapackage.json"]).findings
    assert found.code == "APMBC-EXPORT-REF"
    assert found.location.startswith("attendances.csv:")
    assert "attendances.state = XXX: no row of states has code = XXX" in found.message


def test_a_list_item_of_no_record(package: Path) -> None:
    _edit(package, "notes", "\nstates,", "\nstates,9999")  # row 0 becomes 99990, say
    codes = _codes(package / "datapackage.json")
    assert codes and {code for _, code in codes} == {"APMBC-EXPORT-REF"}
    assert codes[0][0] == "notes.csv:2"


def test_a_name_of_the_wrong_table(package: Path) -> None:
    _edit(package, "names", "\nstates,", "\nvotes,")
    found = check_paths([package / "datapackage.json"]).findings
    assert [f.code for f in found] == ["APMBC-EXPORT-REF"]
    assert "a row of names cannot belong to the votes table" in found[0].message


def test_list_positions_with_a_gap(package: Path) -> None:
    _edit(package, "sources", "\nstates,0,1,", "\nstates,0,5,")
    codes = _codes(package / "datapackage.json")
    assert codes == [("sources.csv:2", "APMBC-EXPORT-KEY")]
    (found,) = check_paths([package / "sources.csv"]).findings
    assert (
        found.message == "sources: the items of (states, 0) are numbered 0, 5, 2, 3, 4, not 0 to 4"
    )


def test_a_schema_that_is_not_apmbcs(package: Path) -> None:
    path = package / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    descriptor["resources"][0]["schema"]["fields"][3]["type"] = "number"
    descriptor["resources"][0]["schema"]["missingValues"] = ["", "NA"]
    path.write_text(json.dumps(descriptor), encoding="utf-8")
    assert _codes(path) == [
        ("resources[0].schema.fields[3].type", "APMBC-EXPORT-SCHEMA"),
        ("resources[0].schema.missingValues", "APMBC-EXPORT-SCHEMA"),
    ]


def test_an_unreadable_cell_is_unreadable(package: Path) -> None:
    _edit(package, "votes", ",plenary,", ",plenum,")
    report = check_paths([package / "datapackage.json"])
    assert report.exit_code == 2
    (bad,) = report.unreadable
    assert bad.code == "APMBC-READ" and bad.location == "2"
    assert "column forum: 'plenum' is not one of plenary, first_committee" in bad.message


def test_the_cli_validates_an_export(package: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from apmbc.cli import main

    status = main(["validate", str(package / "datapackage.json"), "--json"])
    report = json.loads(capsys.readouterr().out)
    assert status == 0 and report["findings"] == [] and report["unreadable"] == []
