"""Tests of ``apmbc update``: every kind of source, every exit status and every error.

The world is the factory's (tests/factory.py); its UN voting files are written from its own
records with apmbc.write_undl_csv, so that a file and the records it should give are one.
Sources of the kinds read against the bundled data (Voeten's and unvotes' tables, a recorded
vote, a final report) use the bundled data as the base; their texts are made up here.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shlex
from pathlib import Path

import attrs
import pytest
from factory import source, vote, votes, world, write_world
from rollcall_files import write_unvotes, write_voeten

import apmbc
from apmbc import Dataset, Forum, Metadata, Resolution, Tally, VotePosition
from apmbc.cli import main
from apmbc.domain.dates import to_utc
from apmbc.domain.titles import RESOLUTION_TITLE
from apmbc.validation import validate

PLENARY = Forum.PLENARY
EPOCH = "1796724000"  # 2026-12-08T10:00:00Z
WHEN = "2026-12-08T10:00:00Z"


def session_62() -> Dataset:
    """A made-up 62nd-session plenary vote of three factory States, with their records."""
    resolution = Resolution(
        session=62,
        forum=PLENARY,
        symbol="A/RES/62/41",
        date=dt.date(2007, 12, 5),
        title="Implementation of the Convention on the Prohibition of the Use, Stockpiling, "
        "Production and Transfer of Anti-Personnel Mines and on Their Destruction",
        tally=Tally(yes=2, no=0, abstain=1, absent=0),
    )
    positions = {"BRD": VotePosition.YES, "ELB": VotePosition.ABSTAIN, "FRD": VotePosition.YES}
    new_votes = [
        vote(code, 62, PLENARY, position, resolution="A/RES/62/41")
        for code, position in positions.items()
    ]
    return world(resolutions=[resolution], votes=new_votes)


class Run:
    """``apmbc`` run in this process in a folder: ``run("update ...") -> (status, out, err)``."""

    def __init__(self, folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.folder = folder
        self._capsys = capsys

    def __call__(self, command: str) -> tuple[int, str, str]:
        self._capsys.readouterr()
        status = main(shlex.split(command))
        out, err = self._capsys.readouterr()
        return status, out, err


@pytest.fixture
def run(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Run:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    write_world(tmp_path / "world.json")
    apmbc.write_undl_csv(session_62(), tmp_path / "un-62.csv")
    return Run(tmp_path, capsys)


def one_error_line(err: str) -> str:
    assert err.count("\n") == 1 and err.startswith("apmbc: "), err
    return err.removeprefix("apmbc: ").rstrip("\n")


# -- exit 0 ----------------------------------------------------------------------------------------


def test_an_update_is_merged_checked_reported_and_written(run: Run) -> None:
    status, out, err = run("--data world.json update un-62.csv -o out.json")
    assert status == 0
    assert err == "apmbc: wrote out.json (data version factory.post0001)\n"
    lines = out.splitlines()
    assert lines[0] == "read un-62.csv (undl_csv)"
    assert lines[1].startswith("  Read 3 data rows (long layout) from un-62.csv; kept 3 rows")
    assert "merged 1 input into factory: data version factory.post0001" in lines
    assert "resolutions: 1 added" in lines and "votes: 3 added" in lines
    assert "+ resolutions 62 plenary (A/RES/62/41)" in lines  # the diff, as apmbc diff prints it
    assert "+ votes ELB 62 plenary: abstain" in lines
    warnings = len(validate(world()))  # the world's own two (a kept disagreement, a succession)
    assert lines[-1] == f"validation: 0 error(s), {warnings} warning(s)"
    written = apmbc.load_json("out.json")
    assert [(v.state, v.position) for v in written.votes if v.session == 62] == [
        ("BRD", VotePosition.YES),
        ("ELB", VotePosition.ABSTAIN),
        ("FRD", VotePosition.YES),
    ]
    meta = written.metadata
    assert (meta.data_version, meta.base_version, meta.as_of) == (
        "factory.post0001",
        "factory",
        world().metadata.as_of,
    )
    (record,) = meta.merges
    assert record.when == to_utc(WHEN)  # SOURCE_DATE_EPOCH
    (file,) = record.files
    data = (run.folder / "un-62.csv").read_bytes()
    assert (file.name, file.kind, file.sha256) == (
        "un-62.csv",
        "undl_csv",
        hashlib.sha256(data).hexdigest(),
    )
    assert file.added == apmbc.models.TableCounts(resolutions=1, votes=3)
    assert file.notes and file.notes[0].startswith("Read 3 data rows")


def test_base_names_the_dataset_merged_into(run: Run) -> None:
    status, _, _ = run("update un-62.csv --base world.json -o out.json")
    assert status == 0
    assert apmbc.load_json("out.json").metadata.base_version == "factory"
    # Without --base or --data, the bundled data is the base: it knows no State named Elbonia,
    # and its 62nd-session tally is another.
    status, out, _ = run("update un-62.csv -o bundled.json --dry-run")
    assert status == 1
    assert "merged 1 input into " + apmbc.DATA_VERSION in out
    assert "  Unknown Member State name 'ELBONIA' (line 3, 1 vote(s)): its votes are kept" in out
    assert "conflict: resolutions 62 plenary: tally.yes 164 (" in out


def test_a_dataset_json_merges_too_and_the_same_file_twice_changes_nothing(run: Run) -> None:
    apmbc.dump_json(session_62(), run.folder / "s62.json")
    assert run("--data world.json update s62.json -o once.json")[0] == 0
    status, out, err = run("update s62.json --base once.json -o twice.json")
    assert status == 0
    assert "merged 1 input into factory.post0001: nothing new, the data is unchanged" in out
    assert "no differences" in out
    assert (run.folder / "once.json").read_bytes() == (run.folder / "twice.json").read_bytes()
    assert err == "apmbc: wrote twice.json (nothing new, data version factory.post0001)\n"


def test_dry_run_writes_nothing(run: Run) -> None:
    status, out, err = run("--data world.json update un-62.csv -o out.json --dry-run")
    assert status == 0 and "votes: 3 added" in out
    assert err == "apmbc: dry run: out.json not written (data version factory.post0001)\n"
    assert not (run.folder / "out.json").exists()


def test_json_output(run: Run) -> None:
    status, out, _ = run("--data world.json update un-62.csv -o out.json --json")
    assert status == 0
    data = json.loads(out)
    assert out == json.dumps(data, sort_keys=True, indent=2, ensure_ascii=False) + "\n"
    assert data["inputs"][0]["kind"] == "undl_csv"
    assert data["merge"]["tables"]["votes"] == {"added": 3, "confirmed": 0, "conflicting": 0}
    assert data["diff"]["summary"]["votes"] == {"added": 3, "removed": 0, "changed": 0}
    assert data["validation"] == {"errors": [], "warnings": len(validate(world()))}
    assert (data["output"], data["written"], data["exit_code"]) == ("out.json", True, 0)


# -- exit 1 ----------------------------------------------------------------------------------------


def contradicting(folder: Path) -> Path:
    """The world's 54th-session plenary vote with Borduria voting no (the world: yes)."""
    changed = [
        attrs.evolve(v, position=VotePosition.NO) if v.state == "BRD" else v for v in votes()
    ]
    ds = world(votes=[v for v in changed if (v.session, v.forum) == (54, PLENARY)])
    ds = ds.replace(resolutions=[attrs.evolve(ds.resolutions[0], title=RESOLUTION_TITLE)])
    apmbc.write_undl_csv(ds, folder / "un-54.csv")
    return folder / "un-54.csv"


def test_a_conflict_is_exit_1_and_nothing_is_written(run: Run) -> None:
    contradicting(run.folder)
    status, out, err = run("--data world.json update un-54.csv -o out.json")
    assert status == 1
    assert not (run.folder / "out.json").exists()
    assert any(
        line.startswith("conflict: votes BRD 54 plenary: position yes (")
        for line in out.splitlines()
    )
    assert one_error_line(err) == ("out.json not written: 1 conflict(s) (--force writes it anyway)")


def test_force_writes_and_prefer_other_takes_the_sources_values(run: Run) -> None:
    contradicting(run.folder)
    status, _, err = run("--data world.json update un-54.csv -o kept.json --force")
    assert status == 1
    assert err == "apmbc: wrote kept.json (data version factory.post0001); 1 conflict(s) remain\n"
    kept = apmbc.load_json("kept.json")
    assert next(v for v in kept.votes if v.state == "BRD").position is VotePosition.YES
    status, _, _ = run("--data world.json update un-54.csv -o taken.json --prefer other --force")
    assert status == 1
    taken = apmbc.load_json("taken.json")
    assert next(v for v in taken.votes if v.state == "BRD").position is VotePosition.NO
    assert taken.metadata.merges[0].prefer == "other"
    status, _, _ = run("--data world.json update un-54.csv -o no.json --prefer other")
    assert status == 1 and not (run.folder / "no.json").exists()


def test_a_validation_error_is_exit_1(run: Run) -> None:
    stray = Dataset(
        metadata=Metadata(data_version="stray"),
        votes=[vote("XXX", 54, Forum.FIRST_COMMITTEE, VotePosition.YES, sources=(source("x"),))],
    )
    apmbc.dump_json(stray, run.folder / "stray.json")
    status, out, err = run("--data world.json update stray.json -o out.json")
    assert status == 1 and not (run.folder / "out.json").exists()
    assert "validation: 1 error(s), 2 warning(s)" in out  # the world's own two warnings
    assert any("APMBC-REF-STATE" in line and "'XXX'" in line for line in out.splitlines())
    assert (
        one_error_line(err)
        == "out.json not written: 1 validation error(s) (--force writes it anyway)"
    )


# -- exit 2 ----------------------------------------------------------------------------------------


def test_an_unreadable_source_is_exit_2_with_one_line(run: Run) -> None:
    (run.folder / "broken.json").write_text('{"metadata": 3}', encoding="utf-8")
    (run.folder / "bad.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    cases = {
        "missing.csv": "missing.csv: cannot read the file: No such file or directory",
        "broken.json": "broken.json: metadata: expected an object, got a number",
        "bad.csv": "bad.csv:1: not a UN voting CSV header",
    }
    for name, message in cases.items():
        status, out, err = run(f"--data world.json update un-62.csv {name} -o out.json")
        assert (status, out) == (2, ""), name
        assert one_error_line(err).startswith(message), (name, err)
    assert not (run.folder / "out.json").exists()


def test_an_unreadable_base_is_exit_2(run: Run) -> None:
    status, out, err = run("update un-62.csv --base nowhere.json -o out.json")
    assert (status, out) == (2, "")
    assert one_error_line(err).startswith("nowhere.json: cannot read the dataset JSON file")


def test_sources_update_does_not_read(run: Run) -> None:
    apmbc.export(world(), "states", run.folder / "states.csv")
    write_unvotes(apmbc.load(), run.folder / "un_votes.csv", run.folder / "un_roll_calls.csv")
    cases = {
        "states.csv": "states.csv: an export of apmbc (table), not a source update reads",
        "un_votes.csv": "un_votes.csv: unvotes' un_votes table is read with its un_roll_calls",
        "un_roll_calls.csv": "un_roll_calls.csv: unvotes' un_roll_calls table is read with",
    }
    for name, message in cases.items():
        status, _, err = run(f"--data world.json update {name} -o out.json")
        assert status == 2, name
        assert one_error_line(err).startswith(message), err


def test_bad_usage_is_exit_2(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    for command in (
        "update un-62.csv",  # no -o
        "update -o out.json",  # no source
        "update un-62.csv -o out.json --prefer theirs",
    ):
        status, out, err = run(command)
        assert (status, out) == (2, ""), command
        assert "usage:" in err
    status, _, err = run("--data world.json update un-62.csv -o -")
    assert status == 2 and one_error_line(err).startswith("-o: name the dataset file")
    status, _, err = run("--data world.json update un-62.csv -o here/")
    assert status == 2 and "here/" in one_error_line(err)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "tomorrow")
    status, _, err = run("--data world.json update un-62.csv -o out.json")
    assert status == 2
    assert one_error_line(err) == (
        "SOURCE_DATE_EPOCH: 'tomorrow' is not a number of seconds since 1970"
    )


# -- every kind of source ------------------------------------------------------------------------


def test_a_profile_page(run: Run) -> None:
    page = (
        "Elbonia\n"
        "The State not party has participated as Observer in the following meetings of the "
        "Convention\n• 1MSP, 1RC, 19MSP\n"
        "The State not party most recently has voted as follows,\n• Abstained - 2006\n"
    )
    (run.folder / "elbonia.txt").write_text(page, encoding="utf-8")
    status, out, _ = run("--data world.json update elbonia.txt -o out.json")
    assert status == 1  # the 61st session has no resolution in the world: a validation error
    lines = out.splitlines()
    assert lines[:2] == [
        "read elbonia.txt (profile)",
        "  skipped: attendance at 19MSP: the dataset has no meeting '19MSP'",
    ]
    assert "votes: 1 added" in lines and "attendances: 2 confirmed" in lines
    assert any("APMBC-REF-RESOLUTION" in line for line in lines)


def test_voeten_and_unvotes_tables(run: Run) -> None:
    ds = apmbc.load()
    s80 = ds.replace(
        resolutions=[ds.resolution(80)],
        votes=[v for v in ds.votes if (v.session, v.forum) == (80, PLENARY)],
    )
    write_voeten(s80, run.folder / "voeten.csv")
    write_unvotes(s80, run.folder / "un_votes.csv", run.folder / "un_roll_calls.csv")
    status, out, _ = run("update voeten.csv un_roll_calls.csv un_votes.csv -o out.json --json")
    data = json.loads(out)
    assert [(i["kind"], i["paths"]) for i in data["inputs"]] == [
        ("voeten_csv", ["voeten.csv"]),
        ("unvotes_votes", ["un_votes.csv", "un_roll_calls.csv"]),
    ]
    assert data["merge"]["conflicts"] == []
    assert data["merge"]["tables"]["votes"]["confirmed"] == 193 + 179  # unvotes: no absences
    assert status == 0
    files = apmbc.load_json("out.json").metadata.merges[0].files
    assert [(f.name, f.kind) for f in files] == [
        ("voeten.csv", "voeten_csv"),
        ("un_votes.csv", "unvotes_votes"),
        ("un_roll_calls.csv", "unvotes_roll_calls"),
    ]
    assert files[2].added == apmbc.models.TableCounts()  # the pair counts on its first file


RECORDED = """GA/DIS/9999 (MADE UP for apmbc's tests)
2 November 2026
The draft resolution on Implementation of the Convention on the Prohibition of the Use,
Stockpiling, Production and Transfer of Anti-Personnel Mines and on Their Destruction
(document A/C.1/81/L.99) was approved by a recorded vote of 2 in favour to 1 against,
with 1 abstention, as follows:
In favour: Canada, Norway.
Against: Cuba.
Abstain: Egypt.
"""

REPORT = """Twenty-first Meeting of the States Parties
Final report
15. The following States Parties participated in the Meeting: Albania, Bolivia (Plurinational
State of) and Bosnia and Herzegovina.
16. The following States not parties to the Convention participated in the Meeting as
observers: Egypt.
"""


def test_a_recorded_vote_and_a_final_report(run: Run) -> None:
    (run.folder / "ga-dis-9999.txt").write_text(RECORDED, encoding="utf-8")
    (run.folder / "report-21msp.txt").write_text(REPORT, encoding="utf-8")
    status, out, _ = run("update ga-dis-9999.txt report-21msp.txt -o out.json --json")
    data = json.loads(out)
    assert status == data["exit_code"] == 0
    assert [i["kind"] for i in data["inputs"]] == ["recorded_vote", "final_report"]
    assert data["inputs"][0]["notes"][0].startswith("Read 1 recorded vote(s) from ga-dis-9999.txt")
    tables = data["merge"]["tables"]
    assert (tables["resolutions"]["added"], tables["votes"]["added"]) == (1, 4)
    assert tables["meetings"] == {"added": 0, "confirmed": 1, "conflicting": 0}
    assert data["merge"]["conflicts"] == []
    # The made-up report's lists disagree with the data: its figures become an alternative, its
    # opposite attendance facts stand beside the data's.
    kept = {(d["table"], d["field"]) for d in data["merge"]["disagreements"]}
    assert kept == {("meetings", "participation"), ("attendances", "attended")}
    assert all(d["kept"] == "both" for d in data["merge"]["disagreements"])
    merged = apmbc.load_json("out.json")
    call = merged.resolution(81, "first_committee")
    assert (call.symbol, call.tally.yes, call.tally.no, call.tally.abstain) == (
        "A/C.1/81/L.99",
        2,
        1,
        1,
    )
    meeting = merged.meeting("21MSP")
    assert meeting.participation == apmbc.load().meeting("21MSP").participation


def test_a_recorded_vote_made_from_the_bundled_data_agrees_and_a_planted_vote_conflicts(
    run: Run,
) -> None:
    # The press release is written from the bundled 77th-session plenary vote (the generator of
    # the round-trip test of tests/test_recorded_vote.py); merged back, every vote is confirmed.
    from test_recorded_vote import press_release

    ds = apmbc.load()
    res = ds.resolution(77, PLENARY)
    votes = [v for v in ds.votes if v.session == 77 and v.forum is PLENARY]
    names = {s.code: s.name for s in ds.states}
    (run.folder / "agrees.txt").write_text(
        press_release(res, votes, lambda v: names[v.state]), encoding="utf-8"
    )
    status, out, _ = run("update agrees.txt -o agrees.json --json")
    data = json.loads(out)
    assert status == data["exit_code"] == 0
    assert data["merge"]["conflicts"] == []
    assert data["merge"]["tables"]["votes"] == {
        "added": 0,
        "confirmed": len(votes),
        "conflicting": 0,
    }
    # One State moved from the yes list to the no list (the tally with it): one conflict, on
    # that State's position, and exit 1 with nothing written.
    planted = next(v for v in votes if v.position is VotePosition.YES)
    changed = [attrs.evolve(v, position=VotePosition.NO) if v is planted else v for v in votes]
    tally = attrs.evolve(res.tally, yes=res.tally.yes - 1, no=res.tally.no + 1)
    (run.folder / "planted.txt").write_text(
        press_release(attrs.evolve(res, tally=tally), changed, lambda v: names[v.state]),
        encoding="utf-8",
    )
    status, out, _ = run("update planted.txt -o planted.json --json")
    data = json.loads(out)
    assert status == data["exit_code"] == 1
    assert not (run.folder / "planted.json").exists()
    fields = sorted((c["table"], c["key"], c["field"]) for c in data["merge"]["conflicts"])
    assert fields == [
        ("resolutions", "77 plenary", "tally.no"),
        ("resolutions", "77 plenary", "tally.yes"),
        ("votes", f"{planted.state} 77 plenary", "position"),
    ]
