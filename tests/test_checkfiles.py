"""Tests for apmbc.validation.check_paths: kinds, findings, unreadable inputs, exit codes."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

import apmbc
from apmbc import (
    Dataset,
    DepositMethod,
    Document,
    Metadata,
    State,
    TreatyStatus,
)
from apmbc.validation import (
    FILE_CODES,
    CheckReport,
    FileFinding,
    FileKind,
    Severity,
    check_paths,
    detect_kind,
)


def _write_dataset(path: Path, *states: State) -> Path:
    apmbc.dump_json(Dataset(metadata=Metadata(data_version="t"), states=states), path)
    return path


def _ssd() -> State:
    return State(
        code="SSD",
        name="South Sudan",
        status=TreatyStatus.PARTY,
        deposited=dt.date(2011, 11, 11),
        deposit_method=DepositMethod.SUCCESSION,
        entry_into_force=dt.date(2011, 7, 9),
    )


def test_clean_json_file_exits_zero(tmp_path: Path) -> None:
    path = _write_dataset(tmp_path / "clean.json", State(code="CUB", name="Cuba"))
    report = check_paths([path])
    assert report == CheckReport(findings=(), unreadable=(), checked=(str(path),))
    assert report.exit_code == 0
    assert report.to_dict() == {
        "checked": [str(path)],
        "exit_code": 0,
        "findings": [],
        "notes": [],
        "unreadable": [],
    }


def test_rule_error_exits_one_and_names_the_field(tmp_path: Path) -> None:
    path = _write_dataset(
        tmp_path / "dup.json", State(code="CUB", name="Cuba"), State(code="CUB", name="Cuba 2")
    )
    report = check_paths([str(path)])
    assert report.exit_code == 1
    assert report.unreadable == ()
    (item,) = report.findings
    assert str(item) == (
        f"{path}:states[1].code: APMBC-KEY-STATE State code 'CUB' is also the code of states[0]"
    )
    assert item.severity is Severity.ERROR


def test_warnings_only_exit_zero(tmp_path: Path) -> None:
    path = _write_dataset(tmp_path / "ssd.json", _ssd())
    report = check_paths([path])
    assert [(f.code, f.severity) for f in report.findings] == [
        ("APMBC-EIF-SUCCESSION", Severity.WARNING)
    ]
    assert report.exit_code == 0


def test_invalid_json_is_unreadable_with_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{\n  "metadata": {"data_version": "x"},\n  "states": [,]\n}\n', "utf-8")
    report = check_paths([path])
    assert report.exit_code == 2
    assert report.findings == ()
    (item,) = report.unreadable
    assert (item.code, item.location, item.severity) == ("APMBC-READ", "3:14", Severity.ERROR)
    assert str(item).startswith(f"{path}:3:14: APMBC-READ invalid JSON: ")
    assert "[' " in str(item)  # the offending line is shown


def test_data_validation_error_gives_one_entry_per_field(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    doc = apmbc.to_dict(Document(metadata=Metadata(data_version="x")))
    doc["states"] = [{"code": "CUB", "name": "Cuba", "signed": "2022-13-01", "un_member": "yes"}]
    path.write_text(json.dumps(doc), "utf-8")
    report = check_paths([path])
    assert report.exit_code == 2
    assert sorted(f.location for f in report.unreadable) == [
        "states[0].signed",
        "states[0].un_member",
    ]
    assert all(f.code == "APMBC-READ" for f in report.unreadable)


def test_missing_file_and_directory_are_unreadable(tmp_path: Path) -> None:
    missing = tmp_path / "nope.json"
    report = check_paths([missing, tmp_path])
    assert [f.path for f in report.unreadable] == [str(missing), str(tmp_path)]
    assert all(f.message.startswith("cannot read file: ") for f in report.unreadable)
    assert str(report.unreadable[0]) == f"{missing}: APMBC-READ cannot read file: " + (
        report.unreadable[0].message.removeprefix("cannot read file: ")
    )
    assert report.exit_code == 2


def test_unreadable_wins_over_errors_and_readable_files_still_report(tmp_path: Path) -> None:
    bad = tmp_path / "empty.json"
    bad.write_bytes(b"")
    dup = _write_dataset(
        tmp_path / "dup.json", State(code="X", name="a"), State(code="X", name="b")
    )
    report = check_paths([bad, dup])
    assert report.exit_code == 2
    assert [f.path for f in report.unreadable] == [str(bad)]
    assert [f.code for f in report.findings] == ["APMBC-KEY-STATE"]
    assert report.checked == (str(bad), str(dup))
    data = json.loads(json.dumps(report.to_dict()))
    assert data["unreadable"][0] == {
        "path": str(bad),
        "location": "1",
        "code": "APMBC-READ",
        "severity": "error",
        "message": "empty file: expected a JSON object",
    }
    assert str(report).splitlines()[0] == f"{bad}:1: APMBC-READ empty file: expected a JSON object"


def test_json_detected_without_suffix(tmp_path: Path) -> None:
    path = tmp_path / "dataset.txt"
    text = apmbc.dumps_json(Dataset(metadata=Metadata(data_version="t")))
    path.write_bytes(b"\xef\xbb\xbf \n\t" + text.encode("utf-8"))
    assert detect_kind(path) is FileKind.JSON
    assert check_paths([path]).exit_code == 0


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        ("a.json", b"not json at all", FileKind.JSON),
        ("a.JSON", b"", FileKind.JSON),
        ("votes.csv", b"whatever\n", FileKind.UNDL_CSV),
        ("votes.txt", b"undl_id,ms_code,ms_name,ms_vote,date\n1,CUB,CUBA,A,2022-12-07\n", None),
        ("wide", b'"Council","Date","Title","Resolution","TOTAL VOTES","YES COUNT"\n', None),
        ("page.txt", b"Skip to main content\n\nCuba\n", FileKind.PROFILE),
        ("commas.txt", b"Cuba, Egypt, China\n", FileKind.PROFILE),
        ("noext", b"", FileKind.PROFILE),
    ],
)
def test_detect_kind(tmp_path: Path, name: str, content: bytes, kind: FileKind | None) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    assert detect_kind(path) is (kind or FileKind.UNDL_CSV)


def test_file_finding_str_without_location() -> None:
    item = FileFinding(
        path="x.txt", location="", code="APMBC-READ", severity=Severity.ERROR, message="m"
    )
    assert str(item) == "x.txt: APMBC-READ m"
    assert item.to_dict()["severity"] == "error"


def test_file_codes_are_documented() -> None:
    severities = {code: severity for code, (severity, _) in FILE_CODES.items()}
    assert severities == {
        "APMBC-READ": Severity.ERROR,
        "APMBC-CSV-VALUE": Severity.ERROR,
        "APMBC-CSV-NAME": Severity.WARNING,
        "APMBC-PROFILE-UNPARSED": Severity.WARNING,
        "APMBC-VOTE-CHECK": Severity.ERROR,
        "APMBC-VOTE-UNREAD": Severity.WARNING,
        "APMBC-FINAL-REPORT-UNREAD": Severity.WARNING,
        "APMBC-FINAL-REPORT-PROBLEM": Severity.WARNING,
        "APMBC-EXPORT-KEY": Severity.ERROR,
        "APMBC-EXPORT-REF": Severity.ERROR,
        "APMBC-EXPORT-SCHEMA": Severity.ERROR,
        "APMBC-EXPORT-HASH": Severity.ERROR,
    }
    assert all(meaning for _, meaning in FILE_CODES.values())


# -- UN voting CSV and profile pages ------------------------------------------------------


_UNDL_HEADER = (
    "undl_id,ms_code,ms_name,ms_vote,date,session,resolution,draft,committee_report,meeting,"
    "title,agenda_title,subjects,total_yes,total_no,total_abstentions,total_non_voting,total_ms,"
    "undl_link\n"
)
_TITLE = (
    '"Implementation of the Convention on the Prohibition of the Use, Stockpiling, Production '
    'and Transfer of Anti-Personnel Mines and on Their Destruction"'
)


def _undl_row(code: str, name: str, vote: str, yes: int, no: int, abstain: int) -> str:
    return (
        f"999,{code},{name},{vote},2022-12-07,77,A/RES/77/63,A/C.1/77/L.38,A/77/384,"
        f"A/77/PV.41,{_TITLE},,,{yes},{no},{abstain},0,{yes + no + abstain},"
        "https://digitallibrary.un.org/record/999\n"
    )


def test_undl_csv_is_loaded_and_validated(tmp_path: Path) -> None:
    path = tmp_path / "votes.csv"
    rows = [_undl_row("CAN", "CANADA", "Y", 1, 0, 1), _undl_row("CUB", "CUBA", "A", 1, 0, 1)]
    path.write_text(_UNDL_HEADER + "".join(rows), "utf-8")
    report = check_paths([path])
    assert report.unreadable == ()
    assert report.findings == ()
    assert report.exit_code == 0
    # The tally says 2 yes, the rows count 1: the rules see it (whether the loader notes it too).
    path.write_text(
        _UNDL_HEADER
        + _undl_row("CAN", "CANADA", "Y", 2, 0, 1)
        + _undl_row("CUB", "CUBA", "A", 2, 0, 1),
        "utf-8",
    )
    report = check_paths([path])
    assert "APMBC-TALLY" in {f.code for f in report.findings}
    assert report.exit_code == 1


def test_undl_csv_detected_by_header_and_bad_rows_reported(tmp_path: Path) -> None:
    path = tmp_path / "votes.txt"
    path.write_text(_UNDL_HEADER + "999,CUB\n", "utf-8")
    assert detect_kind(path) is FileKind.UNDL_CSV
    report = check_paths([path])
    assert report.exit_code == 1  # a bad row is an error of the file, which is read
    (item,) = report.findings
    assert item.code == "APMBC-CSV-VALUE"
    assert item.location.split(":")[0] == "2"
    assert "missing column(s)" in item.message
    (note,) = report.notes
    assert note == f"{path}: read 1 data rows (long layout), kept 0, skipped 1 rows that " + (
        "could not be placed, 1 values could not be read"
    )


def test_undl_csv_checks_every_row_and_counts_security_council_rows(tmp_path: Path) -> None:
    header = "Council,Date,Title,Resolution,TOTAL VOTES,NO-VOTE COUNT,ABSENT COUNT,NO COUNT,"
    header += "YES COUNT,Link,token,CANADA,CUBA\n"
    rows = [
        f"General Assembly,2022-12-07,{_TITLE},A/RES/77/63,2,0,1,0,1,,,Y,A\n",
        "General Assembly,2022-12-07,Another text,A/RES/77/64,2,0,0,0,2,,,Y,maybe\n",
        "Security Council,2022-12-07,A Council vote,S/RES/2650 (2022),2,0,0,0,2,,,Y,Y\n",
    ]
    path = tmp_path / "history.csv"
    path.write_text(header + "".join(rows), "utf-8")
    report = check_paths([path])
    # The bad cell is named; the rules then see its roll call short of a vote.
    assert [(f.code, f.location) for f in report.findings] == [
        ("APMBC-CSV-VALUE", "3:13"),
        ("APMBC-TALLY", "resolutions[1].tally.yes"),
    ]
    assert report.notes == (
        f"{path}: read 3 data rows (wide layout), kept 2, skipped 1 Security Council rows, "
        "1 values could not be read",
    )


_PAGE = """Skip to main content

Back to list

Atlantis

A paragraph about the Convention written for this test.

Latest views and updates

  • The State not party has participated as Observer in the following meetings of the Convention

    • 1MSP, 2MSP

The State not party most recently has voted as follows,

  • In favour - 2021, 2022

  • Zebras were counted - 2021 zebra census reported gibberish %%%
"""


def test_profile_unparsed_lines_become_warnings(tmp_path: Path) -> None:
    from apmbc.io.profile import read_profile

    path = tmp_path / "atlantis.txt"
    path.write_text(_PAGE, "utf-8")
    assert detect_kind(path) is FileKind.PROFILE
    expected = [(str(u.line), u.reason) for u in read_profile(path).unparsed]
    report = check_paths([path])
    assert report.unreadable == ()
    assert [(f.location, f.code) for f in report.findings] == [
        (line, "APMBC-PROFILE-UNPARSED") for line, _ in expected
    ]
    assert all(f.severity is Severity.WARNING for f in report.findings)
    zebra = [f for f in report.findings if f.location == "19"]
    assert len(zebra) == 1
    assert "Zebras were counted" in zebra[0].message
    assert str(zebra[0]).startswith(f"{path}:19: APMBC-PROFILE-UNPARSED ")
    assert report.exit_code == 0


def test_real_profile_pages_are_readable(samples_dir: Path) -> None:
    pages = sorted(samples_dir.glob("*.txt"))
    assert pages
    assert all(detect_kind(p) is FileKind.PROFILE for p in pages)
    report = check_paths(pages)
    assert report.unreadable == ()
    assert report.exit_code == 0


def test_profile_that_cannot_be_read_is_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "junk.bin"
    path.write_bytes(b"\x00\xff\xfe\x00junk" * 10)
    report = check_paths([path])
    assert report.exit_code == 2
    assert [f.code for f in report.unreadable] == ["APMBC-READ"]


# -- Voeten's and unvotes' tables -----------------------------------------------------------------


def _session_80() -> apmbc.Dataset:
    ds = apmbc.load()
    return ds.replace(
        resolutions=[ds.resolution(80)],
        votes=[v for v in ds.votes if (v.session, v.forum) == (80, apmbc.Forum.PLENARY)],
    )


def test_roll_call_tables_are_told_apart_by_their_header(tmp_path: Path) -> None:
    from rollcall_files import write_unvotes, write_voeten

    s80 = _session_80()
    write_voeten(s80, tmp_path / "votes.csv")
    write_unvotes(s80, tmp_path / "un_votes.csv", tmp_path / "un_roll_calls.csv")
    tab = tmp_path / "voeten.tab"
    tab.write_text((tmp_path / "votes.csv").read_text().replace(",", "\t"), encoding="utf-8")
    quoted = tmp_path / "r-export"  # R's write.csv: a quoted, unnamed first column, no suffix
    lines = (tmp_path / "un_votes.csv").read_text().splitlines()
    quoted.write_text(
        "\n".join(
            ['"",' + ",".join(f'"{c}"' for c in lines[0].split(","))]
            + [f'"{i}",{line}' for i, line in enumerate(lines[1:], 1)]
        )
        + "\n",
        encoding="utf-8",
    )
    assert detect_kind(tmp_path / "votes.csv") is FileKind.VOETEN_CSV
    assert detect_kind(tab) is FileKind.VOETEN_CSV
    assert detect_kind(tmp_path / "un_votes.csv") is FileKind.UNVOTES_VOTES
    assert detect_kind(quoted) is FileKind.UNVOTES_VOTES
    assert detect_kind(tmp_path / "un_roll_calls.csv") is FileKind.UNVOTES_ROLL_CALLS
    apmbc.write_undl_csv(s80, tmp_path / "undl.csv")
    assert detect_kind(tmp_path / "undl.csv") is FileKind.UNDL_CSV


def test_validate_reads_voeten_and_unvotes_and_pairs_the_unvotes_tables(tmp_path: Path) -> None:
    from rollcall_files import write_unvotes, write_voeten

    s80 = _session_80()
    voeten = str(write_voeten(s80, tmp_path / "votes.csv"))
    votes, calls = (str(p) for p in write_unvotes(s80, tmp_path / "v.csv", tmp_path / "rc.csv"))
    report = check_paths([calls, voeten, votes])
    assert report.unreadable == () and report.exit_code == 0, str(report)
    # Read and validated: Voeten's table names South Sudan (absent), whose succession is a
    # documented warning; unvotes leaves absences out, and South Sudan with them.
    assert [(f.path, f.code) for f in report.findings] == [(voeten, "APMBC-EIF-SUCCESSION")]
    alone = check_paths([votes, voeten])
    assert [(f.path, f.code) for f in alone.unreadable] == [(votes, "APMBC-READ")]
    assert "read with its un_roll_calls table: give both files" in alone.unreadable[0].message
    assert alone.exit_code == 2


def test_pair_inputs_pairs_in_the_order_given() -> None:
    from apmbc.validation import Input, pair_inputs

    votes, calls = FileKind.UNVOTES_VOTES, FileKind.UNVOTES_ROLL_CALLS
    detected = [
        ("v1", votes),
        ("j.json", FileKind.JSON),
        ("r1", calls),
        ("v2", votes),
        ("r2", calls),
    ]
    inputs, alone = pair_inputs(detected)
    assert inputs == [
        Input(kind=votes, paths=("v1", "r1")),
        Input(kind=FileKind.JSON, paths=("j.json",)),
        Input(kind=votes, paths=("v2", "r2")),
    ]
    assert alone == [] and inputs[0].name == "v1 + r1"
    inputs, alone = pair_inputs([("r1", calls), ("r2", calls), ("v1", votes)])
    assert inputs == [Input(kind=votes, paths=("v1", "r1"))]
    assert [name for name, _ in alone] == ["r2"]


def test_a_name_that_names_no_state_is_a_warning_with_its_line(tmp_path: Path) -> None:
    title = "Implementation of the Convention on the Prohibition of the Use, Stockpiling, " + (
        "Production and Transfer of Anti-Personnel Mines and on Their Destruction"
    )
    path = tmp_path / "votes.csv"
    path.write_text(
        "ms_code,ms_name,ms_vote,date,session,resolution,title\n"
        f'CUB,CUBA,A,2000-11-20,55,A/RES/55/33[V],"{title}"\n'
        f'ATL,ATLANTIS,Y,2000-11-20,55,A/RES/55/33[V],"{title}"\n',
        encoding="utf-8",
    )
    report = check_paths([path])
    (finding,) = [f for f in report.findings if f.code == "APMBC-CSV-NAME"]
    assert (finding.location, finding.severity) == ("3", Severity.WARNING)
    assert "'ATLANTIS' names no State" in finding.message
