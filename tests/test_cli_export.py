"""``apmbc export``: one table or all of them with a datapackage.json, --raw; lists in --json."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

import apmbc
from apmbc.cli import main
from apmbc.output import TABLES, export_text


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_export_all_writes_every_table_and_the_package(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "apmbc-data"
    status, out, err = run(capsys, "export", "all", "-o", str(folder))
    assert status == 0 and out == ""
    assert err == f"apmbc: wrote 10 tables (csv) and datapackage.json to {folder}\n"
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [*(f"{t}.csv" for t in TABLES), "datapackage.json"]
    )
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    assert package["version"] == apmbc.DATA_VERSION
    status, _, err = run(capsys, "export", "all", "-o", str(tmp_path / "j"), "--json")
    assert status == 0 and "(json)" in err
    assert (tmp_path / "j" / "sources.json").is_file()
    assert run(capsys, "validate", str(folder / "datapackage.json"))[0] == 0


def test_export_all_needs_a_folder(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "export", "all")
    assert status == 2 and out == ""
    assert err == "apmbc: export all writes files into a folder: give it with -o DIR\n"


def test_export_all_into_a_file_is_a_one_line_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "file.txt"
    target.write_text("x", encoding="utf-8")
    status, _, err = run(capsys, "export", "all", "-o", str(target))
    assert status == 2
    assert err.startswith("apmbc: cannot write into ") and err.count("\n") == 1
    assert "Traceback" not in err


def test_raw_writes_formulas_as_they_are(capsys: pytest.CaptureFixture[str]) -> None:
    _, safe, _ = run(capsys, "export", "sources")
    _, raw, _ = run(capsys, "export", "sources", "--raw")
    assert safe == export_text(apmbc.load(), "sources", "csv")
    assert raw == export_text(apmbc.load(), "sources", "csv", excel_safe=False)
    assert safe.count("\"'+ data/") == 23 and raw.count('"+ data/') == 23
    _, safe_json, _ = run(capsys, "export", "sources", "--json")
    _, raw_json, _ = run(capsys, "export", "sources", "--json", "--raw")
    assert safe_json == raw_json  # JSON is never changed


def test_raw_export_all_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "export", "all", "-o", str(tmp_path), "--raw")
    package = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    assert {r["apmbc:excel_safe"] for r in package["resources"]} == {False}


def test_the_list_tables_can_be_exported(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "export", "names")
    assert status == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert {"table": "states", "row": "167", "kind": "former_name", "position": "0"}.items() <= (
        next(r for r in rows if r["name"] == "SWAZILAND").items()
    )


def test_export_json_has_arrays(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "export", "states", "--json")
    eswatini = next(r for r in json.loads(out) if r["code"] == "SWZ")
    assert eswatini["former_names"] == ["SWAZILAND"]
    assert eswatini["sources"] and isinstance(eswatini["sources"][0], dict)


def _strings_with_separator(value: object) -> list[str]:
    """Every string in ``value`` (nested) that joins items with '; '."""
    if isinstance(value, str):
        return [value] if "; " in value else []
    if isinstance(value, list):
        return [s for v in value for s in _strings_with_separator(v)]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings_with_separator(v)]
    return []


def test_meetings_json_lists_are_arrays(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "meetings", "--json")
    meetings = {m["code"]: m for m in json.loads(out)}
    fifth = meetings["5RC"]
    assert fifth["other_names"] == ["Siem Reap-Angkor Summit on a Mine-Free World", "Fifth RevCon"]
    assert isinstance(fifth["notes"], list) and isinstance(fifth["sources"], list)
    assert set(fifth["sources"][0]) == {"url", "citation", "title", "note", "retrieved", "kind"}
    ds = apmbc.load()
    assert {code: m["notes"] for code, m in meetings.items()} == {
        m.code: list(m.notes) for m in ds.meetings
    }
    # Where a text holds '; ', it is one note or one source's field, never a joined list.
    for m in ds.meetings:
        texts = [*m.notes, *(str(getattr(s, f)) for s in m.sources for f in ("note", "title"))]
        for text in _strings_with_separator(meetings[m.code]):
            assert text in texts


def test_meeting_json_lists_are_arrays(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "meeting", "5RC", "--json")
    data = json.loads(out)
    assert data["other_names"] == ["Siem Reap-Angkor Summit on a Mine-Free World", "Fifth RevCon"]
    fifth = apmbc.load().meeting("5RC")
    assert fifth.sources and data["sources"]
    assert data["sources"] == [
        {
            "url": s.url,
            "citation": s.citation,
            "title": s.title,
            "note": s.note,
            "retrieved": s.retrieved.isoformat() if s.retrieved else None,
            "kind": s.kind.value if s.kind else None,
        }
        for s in fifth.sources
    ]
    assert data["notes"] == list(fifth.notes)
    _, text, _ = run(capsys, "meeting", "5RC")
    assert "  other names       Siem Reap-Angkor Summit on a Mine-Free World; Fifth RevCon" in text
