"""Exports: CSV and canonical JSON, written atomically.

On the factory world (tests/factory.py); the exports of the real record are checked in
tests/test_bundled.py.
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from factory import world
from test_tables import tiny

import apmbc
from apmbc.errors import UnknownFormatError, UnknownTableError
from apmbc.output import FORMATS, TABLES, columns, export, export_text


def test_formats() -> None:
    assert FORMATS == ("csv", "json")


def test_public_name_works_whatever_was_imported_first() -> None:
    # The function lives in apmbc.output._export: importing that module must not shadow the
    # package's public function apmbc.export, whichever is imported first. A fresh interpreter
    # for each order; an empty dataset is enough to call it (no need to load the bundled data).
    for code in (
        "import apmbc; f = apmbc.export; import apmbc.output._export",
        "import apmbc.output._export, apmbc",
    ):
        check = code + "; import io; out = io.StringIO()"
        check += (
            "; apmbc.export(apmbc.Dataset(metadata=apmbc.Metadata(data_version='x')), 'votes', out)"
        )
        check += (
            "; print(apmbc.export is apmbc.output._export.export, out.getvalue().count(chr(10)))"
        )
        result = subprocess.run(
            [sys.executable, "-c", check], capture_output=True, text=True, check=True
        )
        assert result.stdout.strip() == "True 1"  # the function, which wrote the header


def test_csv_has_a_header_iso_dates_and_empty_unknowns(tmp_path: Path) -> None:
    path = tmp_path / "states.csv"
    export(world(), "states", path, format="csv")
    text = path.read_text(encoding="utf-8")
    assert text.endswith("\n")
    assert "\r" not in text
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == [c.name for c in columns("states")]
    assert len(rows) == 1 + 8
    by_code = {row[0]: dict(zip(rows[0], row, strict=True)) for row in rows[1:]}
    borduria = by_code["BRD"]
    assert borduria["deposited"] == "2000-02-15"
    assert borduria["entry_into_force_article17"] == "2000-08-01"
    assert borduria["entry_into_force_stated"] == ""
    assert borduria["un_member"] == "true"
    assert by_code["SYL"]["un_member"] == "false"
    assert "aliases" not in by_code["FRD"]  # one value per cell: the names are rows of names.csv
    elbonia = by_code["ELB"]
    assert elbonia["deposited"] == ""
    assert elbonia["status"] == "not_party"


def test_csv_booleans_are_true_false() -> None:
    text = export_text(world(), "attendances", "csv")
    header, *rows = list(csv.reader(io.StringIO(text)))
    attended = [dict(zip(header, row, strict=True))["attended"] for row in rows]
    assert attended[:2] == ["true", "false"]  # Elbonia at 1MSP, as two sources disagree
    assert set(attended) == {"true", "false"}


def test_csv_of_the_votes() -> None:
    text = export_text(world(), "votes", "csv")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == len(world().votes) == 14
    assert rows[1] == {
        "state": "ELB",
        "state_name": "Elbonia",
        "session": "54",
        "forum": "plenary",
        "resolution": "A/RES/54/54 B",
        "record": "",
        "date": "1999-12-01",
        "position": "abstain",
        "intended": "",
        "recorded_name": "LOWER ELBONIA",
    }
    committee = next(r for r in rows if r["forum"] == "first_committee")
    assert (committee["resolution"], committee["date"]) == ("", "")  # unknown: empty fields


def test_csv_quotes_what_needs_quoting() -> None:
    text = export_text(world(), "sources", "csv")
    assert '"Grand Fenwick Gazette, 20 March 2026"' in text  # a comma inside a field
    rows = list(csv.DictReader(io.StringIO(text)))
    (row,) = [r for r in rows if r["table"] == "statements" and r["row"] == "2"]
    assert row["citation"] == "Grand Fenwick Gazette, 20 March 2026"


def test_json_is_a_canonical_list_of_objects(tmp_path: Path) -> None:
    path = tmp_path / "states.json"
    export(world(), "states", path, format="json")
    raw = path.read_bytes()
    text = raw.decode("utf-8")
    assert text.endswith("]\n")
    assert "Duché de Grand Fenwick" in text  # UTF-8, not \u escapes
    data = json.loads(text)
    assert isinstance(data, list) and len(data) == 8
    assert text == json.dumps(data, sort_keys=True, indent=2, ensure_ascii=False) + "\n"
    ruritania = next(r for r in data if r["code"] == "RUR")
    assert ruritania["entry_into_force_stated"] == "2004-07-09"
    assert ruritania["entry_into_force_article17"] == "2005-08-01"
    assert ruritania["withdrawal_notified"] is None
    assert ruritania["un_member"] is True


def test_export_to_a_stream() -> None:
    out = io.StringIO()
    export(world(), "votes", out, format="json")
    positions = [r["position"] for r in json.loads(out.getvalue())]
    assert positions[:6] == ["yes", "abstain", "yes", "no", "yes", "absent"]  # session 54


@pytest.mark.parametrize("table", TABLES)
def test_empty_tables_still_have_a_header(table: str) -> None:
    empty = apmbc.Dataset(metadata=apmbc.Metadata(data_version="empty"))
    assert export_text(empty, table, "csv") == ",".join(c.name for c in columns(table)) + "\n"
    assert export_text(empty, table, "json") == "[]\n"


def test_unknown_format_is_a_clear_error_and_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "out.xlsx"
    with pytest.raises(UnknownFormatError) as info:
        export(world(), "votes", path, format="xlsx")
    assert isinstance(info.value, ValueError)
    assert "'xlsx'" in str(info.value) and "csv, json" in str(info.value)
    assert not path.exists()


def test_unknown_table_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    with pytest.raises(UnknownTableError):
        export(world(), "people", path)
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
        export(world(), "votes", path)
    assert path.read_text(encoding="utf-8") == "previous content\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["votes.csv"]  # no temp file left


def test_export_replaces_an_existing_file(tmp_path: Path) -> None:
    path = tmp_path / "votes.csv"
    path.write_text("old\n", encoding="utf-8")
    export(world(), "votes", path)
    assert path.read_text(encoding="utf-8") == export_text(world(), "votes", "csv")


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
