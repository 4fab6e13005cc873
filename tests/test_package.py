"""export_all and datapackage.json: every table, described as a Frictionless Data Package.

The descriptor is checked twice: against the structure the Data Package and Table Schema specs
require (written out here, so the check runs without any extra package), and, where the
``frictionless`` package is installed, by Frictionless itself.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import re
from pathlib import Path
from typing import Any

import pytest

import apmbc
from apmbc.errors import UnknownFormatError, WriteError
from apmbc.output import TABLES, columns, datapackage, export_all, export_text
from apmbc.output._readback import read_package

FORMATS = ("csv", "json")
_NAME = re.compile(r"^[a-z0-9._-]+$")  # Data Package: names are lower case, -, _ and . only
_TYPES = {"string", "integer", "boolean", "date", "array"}


@pytest.fixture(scope="module", params=FORMATS)
def exported(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp(f"export-{request.param}")
    export_all(apmbc.load(), folder, request.param)
    return folder


def _descriptor(folder: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    return data


def test_every_table_and_the_descriptor_are_written(tmp_path: Path) -> None:
    written = export_all(apmbc.load(), tmp_path / "new" / "folder")
    names = [os.path.basename(p) for p in written]
    assert names == [f"{t}.csv" for t in TABLES] + ["datapackage.json"]
    for table in TABLES:
        text = (tmp_path / "new" / "folder" / f"{table}.csv").read_text(encoding="utf-8")
        assert text == export_text(apmbc.load(), table, "csv")


def test_descriptor_has_the_required_structure(exported: Path) -> None:
    """What the Data Package and Table Schema specs require, checked by hand."""
    package = _descriptor(exported)
    assert package["profile"] == "tabular-data-package"
    assert _NAME.match(package["name"])
    resources = package["resources"]
    assert isinstance(resources, list) and resources
    by_name = {r["name"]: r for r in resources}
    assert list(by_name) == list(TABLES)  # names unique, every table there
    for resource in resources:
        assert _NAME.match(resource["name"])
        assert resource["profile"] == "tabular-data-resource"
        assert isinstance(resource["path"], str) and "/" not in resource["path"]
        assert (exported / resource["path"]).is_file()
        assert resource["encoding"] == "utf-8"
        assert resource["format"] in FORMATS
        schema = resource["schema"]
        fields = schema["fields"]
        names = [f["name"] for f in fields]
        assert len(set(names)) == len(names)
        for field in fields:
            assert isinstance(field["name"], str) and field["name"]
            assert field["type"] in _TYPES
            assert isinstance(field["description"], str) and field["description"]
            enum = field.get("constraints", {}).get("enum")
            if enum is not None:
                assert field["type"] == "string"
                assert enum and all(isinstance(v, str) for v in enum)
        assert schema["missingValues"] == [""]
        for name in schema.get("primaryKey", []):
            assert name in names
        for fk in schema.get("foreignKeys", []):
            assert set(fk["fields"]) <= set(names)
            target = by_name[fk["reference"]["resource"] or resource["name"]]
            target_names = [f["name"] for f in target["schema"]["fields"]]
            assert set(fk["reference"]["fields"]) <= set(target_names)
            assert fk["reference"]["fields"] == target["schema"]["primaryKey"]
            assert len(fk["fields"]) == len(fk["reference"]["fields"])


def test_fields_match_the_files(exported: Path) -> None:
    for resource in _descriptor(exported)["resources"]:
        path = exported / resource["path"]
        names = [f["name"] for f in resource["schema"]["fields"]]
        if resource["format"] == "csv":
            assert resource["mediatype"] == "text/csv"
            with path.open(encoding="utf-8", newline="") as handle:
                assert next(csv.reader(handle)) == names
            assert names == [c.name for c in columns(resource["name"])]
            assert resource["dialect"]["lineTerminator"] == "\n"
            assert resource["apmbc:excel_safe"] is True
        else:
            assert resource["mediatype"] == "application/json"
            assert names == sorted(c.name for c in columns(resource["name"], lists=True))
            rows = json.loads(path.read_text(encoding="utf-8"))
            assert all(list(row) == names for row in rows)
            assert "apmbc:excel_safe" not in resource


def test_hashes_are_those_of_the_files(exported: Path) -> None:
    for resource in _descriptor(exported)["resources"]:
        digest = hashlib.sha256((exported / resource["path"]).read_bytes()).hexdigest()
        assert resource["hash"] == f"sha256:{digest}"


def test_types_keys_and_enums() -> None:
    package = datapackage(apmbc.load())
    schemas = {r["name"]: r["schema"] for r in package["resources"]}
    states = {f["name"]: f for f in schemas["states"]["fields"]}
    assert states["code"]["type"] == "string"
    assert states["cow_code"]["type"] == "integer"
    assert states["un_member"]["type"] == "boolean"
    assert states["signed"]["type"] == "date"
    assert states["status"]["constraints"]["enum"] == [s.value for s in apmbc.TreatyStatus]
    assert "aliases" not in states  # one value per cell: the names table holds them
    assert schemas["states"]["primaryKey"] == ["code"]
    assert schemas["votes"]["primaryKey"] == ["state", "session", "forum", "record"]
    assert schemas["sources"]["primaryKey"] == ["table", "row", "position"]
    assert schemas["names"]["primaryKey"] == ["table", "row", "kind", "position"]
    assert "primaryKey" not in schemas["attendances"]  # two sources may say the same
    refs = {
        (table, tuple(fk["fields"]), fk["reference"]["resource"])
        for table, schema in schemas.items()
        for fk in schema.get("foreignKeys", [])
    }
    assert refs == {
        ("meetings", ("country",), "states"),
        ("meetings", ("president_state",), "states"),
        ("meetings", ("for_meeting",), ""),  # "" is the resource itself
        ("votes", ("state",), "states"),
        ("attendances", ("state",), "states"),
        ("attendances", ("meeting",), "meetings"),
        ("statements", ("state",), "states"),
        ("statements", ("meeting",), "meetings"),
    }
    json_states = {
        f["name"]: f
        for f in next(r for r in datapackage(apmbc.load(), "json")["resources"])["schema"]["fields"]
    }
    assert json_states["aliases"]["type"] == "array"
    assert json_states["sources"]["type"] == "array"


def test_package_metadata() -> None:
    ds = apmbc.load()
    package = datapackage(ds)
    assert package["name"] == "apmbc"
    assert package["title"] == ds.metadata.title
    assert package["version"] == apmbc.DATA_VERSION == ds.metadata.data_version
    assert package["licenses"] == [
        {
            "name": "CC0-1.0",
            "path": "https://creativecommons.org/publicdomain/zero/1.0/",
            "title": "Creative Commons Zero v1.0 Universal",
        }
    ]
    assert package["contributors"] == [{"title": "The apmbc developers", "role": "author"}]
    assert len(package["sources"]) == len(ds.metadata.sources)
    assert all(s["title"] for s in package["sources"])
    with_url = [s.url for s in ds.metadata.sources if s.url]
    assert [s["path"] for s in package["sources"] if "path" in s] == with_url
    assert f"as of {ds.metadata.as_of.isoformat()}" in package["description"]
    for note in ds.metadata.notes:
        assert f"- {note}" in package["description"]


def test_a_dataset_of_its_own_claims_no_licence() -> None:
    ds = apmbc.Dataset(metadata=apmbc.Metadata(data_version="mine"))
    package = datapackage(ds)
    assert package["version"] == "mine"
    assert "licenses" not in package and "contributors" not in package and "sources" not in package
    assert package["title"] == "apmbc data"


def test_raw_export_says_so(tmp_path: Path) -> None:
    export_all(apmbc.load(), tmp_path, excel_safe=False)
    package = _descriptor(tmp_path)
    assert {r["apmbc:excel_safe"] for r in package["resources"]} == {False}
    assert ',"+ data/' in (tmp_path / "sources.csv").read_text(encoding="utf-8")


def test_the_same_data_gives_the_same_bytes(tmp_path: Path) -> None:
    export_all(apmbc.load(), tmp_path / "a")
    export_all(apmbc.load(), tmp_path / "b")
    for name in [*(f"{t}.csv" for t in TABLES), "datapackage.json"]:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_other_files_in_the_folder_are_left_alone(tmp_path: Path) -> None:
    (tmp_path / "README.txt").write_text("mine\n", encoding="utf-8")
    (tmp_path / "votes.csv").write_text("old\n", encoding="utf-8")
    export_all(apmbc.load(), tmp_path, "json")
    assert (tmp_path / "README.txt").read_text(encoding="utf-8") == "mine\n"
    assert (tmp_path / "votes.csv").read_text(encoding="utf-8") == "old\n"  # another format
    assert (tmp_path / "votes.json").is_file()


def test_unknown_format_writes_nothing(tmp_path: Path) -> None:
    with pytest.raises(UnknownFormatError):
        export_all(apmbc.load(), tmp_path / "out", "xlsx")
    assert not (tmp_path / "out").exists()


def test_a_file_is_not_a_folder(tmp_path: Path) -> None:
    target = tmp_path / "file"
    target.write_text("x", encoding="utf-8")
    with pytest.raises(WriteError, match="it is a file, not a folder"):
        export_all(apmbc.load(), target)


def test_a_failed_write_leaves_the_file_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "datapackage.json").write_text("previous\n", encoding="utf-8")
    real = os.replace

    def failing(src: str, dst: str) -> None:
        if dst.endswith("datapackage.json"):
            raise OSError(28, "No space left on device")
        real(src, dst)

    monkeypatch.setattr(os, "replace", failing)
    with pytest.raises(WriteError, match="No space left"):
        export_all(apmbc.load(), tmp_path)
    assert (tmp_path / "datapackage.json").read_text(encoding="utf-8") == "previous\n"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert (tmp_path / "votes.csv").is_file()  # written before, whole


def test_foreign_keys_hold_in_the_bundled_data(exported: Path) -> None:
    """The references the schema states are true of the bundled export (checked without
    Frictionless): every foreign key finds its row, and every list item its record."""
    package = read_package(exported / "datapackage.json")
    tables = package.tables
    for resource in package.descriptor["resources"]:
        rows = tables[resource["name"]].rows
        for fk in resource["schema"].get("foreignKeys", []):
            target = tables[fk["reference"]["resource"] or resource["name"]].rows
            keys = {tuple(r[n] for n in fk["reference"]["fields"]) for r in target}
            for row in rows:
                values = tuple(row[n] for n in fk["fields"])
                assert values in keys or set(values) == {None}, (resource["name"], values)
    for table in ("names", "actions", "notes", "sources"):
        for row in tables[table].rows:
            assert 0 <= row["row"] < len(tables[row["table"]].rows)


def test_frictionless_validates_the_package(exported: Path) -> None:
    frictionless = pytest.importorskip(
        "frictionless", reason="frictionless is not installed (it checks the datapackage.json)"
    )
    if _descriptor(exported)["resources"][0]["format"] == "json":
        pytest.importorskip(
            "ijson", reason="frictionless reads JSON tables with frictionless[json]"
        )
    report = frictionless.validate(str(exported / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:20]


def test_frictionless_finds_a_broken_key(tmp_path: Path) -> None:
    frictionless = pytest.importorskip(
        "frictionless", reason="frictionless is not installed (it checks the datapackage.json)"
    )
    export_all(apmbc.load(), tmp_path)
    package = _descriptor(tmp_path)
    votes = tmp_path / "votes.csv"
    lines = votes.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[1] = lines[1].replace("AFG,", "XXX,", 1)
    votes.write_text("".join(lines), encoding="utf-8")
    for resource in package["resources"]:  # so that only the key is wrong, not the hash
        resource.pop("hash")
    (tmp_path / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")
    report = frictionless.validate(str(tmp_path / "datapackage.json"))
    assert not report.valid
    assert {e[0] for e in report.flatten(["type"])} == {"foreign-key"}
