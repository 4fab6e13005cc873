"""Exports: CSV and canonical JSON, written atomically."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from test_tables import tiny

import apmbc
from apmbc.errors import UnknownFormatError, UnknownTableError
from apmbc.output import FORMATS, TABLES, columns, export, export_text


def test_formats() -> None:
    assert FORMATS == ("csv", "json")


def test_public_name_works_whatever_was_imported_first() -> None:
    # The function lives in apmbc.output._export: importing that module must not shadow the
    # package's public function apmbc.export, whichever is imported first.
    for code in (
        "import apmbc; f = apmbc.export; import apmbc.output._export",
        "import apmbc.output._export, apmbc",
    ):
        check = code + "; import io; out = io.StringIO(); apmbc.export(apmbc.load(), 'votes', out)"
        check += "; print(out.getvalue().count(chr(10)))"
        result = subprocess.run(
            [sys.executable, "-c", check], capture_output=True, text=True, check=True
        )
        assert result.stdout.strip() == "5558"  # header and 5,557 votes


def test_csv_has_a_header_iso_dates_and_empty_unknowns(tmp_path: Path) -> None:
    path = tmp_path / "states.csv"
    export(tiny(), "states", path, format="csv")
    text = path.read_text(encoding="utf-8")
    assert text.endswith("\n")
    assert "\r" not in text
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == [c.name for c in columns("states")]
    alpha = dict(zip(rows[0], rows[1], strict=True))
    assert alpha["deposited"] == "2000-02-15"
    assert alpha["entry_into_force_article17"] == "2000-08-01"
    assert alpha["entry_into_force_stated"] == ""
    assert "aliases" not in alpha  # one value per cell: the names are rows of names.csv
    beta = dict(zip(rows[0], rows[2], strict=True))
    assert beta["deposited"] == ""
    assert beta["status"] == "not_party"


def test_csv_booleans_are_true_false() -> None:
    text = export_text(tiny(), "attendances", "csv")
    header, row = list(csv.reader(io.StringIO(text)))
    assert dict(zip(header, row, strict=True))["attended"] == "true"


def test_csv_of_the_bundled_votes() -> None:
    text = export_text(apmbc.load(), "votes", "csv")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 5557
    cuba = next(r for r in rows if r["state"] == "CUB" and r["session"] == "77")
    assert cuba == {
        "state": "CUB",
        "state_name": "Cuba",
        "session": "77",
        "forum": "plenary",
        "resolution": "A/RES/77/63",
        "record": "",
        "date": "2022-12-07",
        "position": "abstain",
        "intended": "",
        "recorded_name": "CUBA",
    }


def test_json_is_a_canonical_list_of_objects(tmp_path: Path) -> None:
    path = tmp_path / "states.json"
    export(apmbc.load(), "states", path, format="json")
    raw = path.read_bytes()
    text = raw.decode("utf-8")
    assert text.endswith("]\n")
    assert "Côte d'Ivoire" in text  # UTF-8, not \u escapes
    data = json.loads(text)
    assert isinstance(data, list) and len(data) == 197
    assert text == json.dumps(data, sort_keys=True, indent=2, ensure_ascii=False) + "\n"
    ssd = next(r for r in data if r["code"] == "SSD")
    assert ssd["entry_into_force_stated"] == "2011-07-09"
    assert ssd["entry_into_force_article17"] == "2012-05-01"
    assert ssd["withdrawal_notified"] is None


def test_export_to_a_stream() -> None:
    out = io.StringIO()
    export(tiny(), "votes", out, format="json")
    assert [r["position"] for r in json.loads(out.getvalue())] == ["yes", "abstain"]


@pytest.mark.parametrize("table", TABLES)
def test_empty_tables_still_have_a_header(table: str) -> None:
    empty = apmbc.Dataset(metadata=apmbc.Metadata(data_version="empty"))
    assert export_text(empty, table, "csv") == ",".join(c.name for c in columns(table)) + "\n"
    assert export_text(empty, table, "json") == "[]\n"


def test_unknown_format_is_a_clear_error_and_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "out.xlsx"
    with pytest.raises(UnknownFormatError) as info:
        export(tiny(), "votes", path, format="xlsx")
    assert isinstance(info.value, ValueError)
    assert "'xlsx'" in str(info.value) and "csv, json" in str(info.value)
    assert not path.exists()


def test_unknown_table_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    with pytest.raises(UnknownTableError):
        export(tiny(), "people", path)
    assert not path.exists()


def test_failed_write_leaves_the_previous_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "votes.csv"
    path.write_text("previous content\n", encoding="utf-8")

    def broken_replace(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError, match="No space left"):
        export(tiny(), "votes", path)
    assert path.read_text(encoding="utf-8") == "previous content\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["votes.csv"]  # no temp file left


def test_export_replaces_an_existing_file(tmp_path: Path) -> None:
    path = tmp_path / "votes.csv"
    path.write_text("old\n", encoding="utf-8")
    export(tiny(), "votes", path)
    assert path.read_text(encoding="utf-8") == export_text(tiny(), "votes", "csv")


# -- one value per cell, lists in JSON, formulas --------------------------------------------------


def test_a_lone_carriage_return_is_quoted() -> None:
    ds = apmbc.Dataset(
        metadata=apmbc.Metadata(data_version="t"),
        states=(apmbc.State(code="AAA", name="a\rb", notes=("x\ry", 'say "hi", then\n')),),
    )
    text = export_text(ds, "states", "csv")
    assert ',"a\rb",' in text  # csv.writer would leave it bare, and readers end the line there
    assert list(csv.reader(io.StringIO(export_text(ds, "notes", "csv"), newline=""))) == [
        ["table", "row", "position", "note"],
        ["states", "0", "0", "x\ry"],
        ["states", "0", "1", 'say "hi", then\n'],
    ]


def test_json_exports_keep_lists_as_arrays() -> None:
    data = json.loads(export_text(tiny(), "states", "json"))
    assert data[0]["aliases"] == ["Alphaland", "Republic of Alpha"]
    assert data[0]["notes"] == ["first", "second"]
    assert data[0]["sources"][0] == {
        "citation": None,
        "kind": None,
        "note": None,
        "retrieved": None,
        "title": None,
        "url": "https://example.org/a",
    }
    assert data[1]["aliases"] == [] and data[1]["other_actions"] == []
    bundled = json.loads(export_text(apmbc.load(), "resolutions", "json"))
    assert isinstance(bundled[0]["sources"][0]["retrieved"], str)  # an ISO date


def test_csv_formulas_are_neutralised_unless_raw() -> None:
    ds = apmbc.Dataset(
        metadata=apmbc.Metadata(data_version="t"),
        states=(apmbc.State(code="AAA", name='=HYPERLINK("http://x")', alpha2="-5"),),
    )
    safe = list(csv.reader(io.StringIO(export_text(ds, "states", "csv"))))[1]
    raw = list(csv.reader(io.StringIO(export_text(ds, "states", "csv", excel_safe=False))))[1]
    assert safe[1] == '\'=HYPERLINK("http://x")' and raw[1] == '=HYPERLINK("http://x")'
    assert safe[2] == raw[2] == "-5"  # a number is no formula
    out = io.StringIO()
    export(ds, "states", out, excel_safe=False)
    assert out.getvalue() == export_text(ds, "states", "csv", excel_safe=False)
    # JSON is never changed
    assert export_text(ds, "states", "json") == export_text(ds, "states", "json", excel_safe=False)
    assert json.loads(export_text(ds, "states", "json"))[0]["name"] == '=HYPERLINK("http://x")'


def test_the_bundled_formula_cells_are_neutralised() -> None:
    text = export_text(apmbc.load(), "sources", "csv")
    rows = list(csv.DictReader(io.StringIO(text)))
    notes = [r["note"] for r in rows if r["note"].lstrip("'")[:1] in ("=", "+", "-", "@")]
    assert len(notes) == 23 and all(n.startswith("'+ data/") for n in notes)
