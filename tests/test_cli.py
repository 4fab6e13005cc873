"""The command line: real output, exit statuses, one-line errors and never a traceback.

Every command runs on the factory world (tests/factory.py) written to ``world.json`` in a
temporary folder, which is the working folder of the run, so that no output holds a temporary
path. What a command prints is compared with its golden file, ``tests/golden/cli/<case>.txt``:
the command line, the exit status, then stdout and stderr as printed. After a deliberate change
of the output, rewrite the files with ``UPDATE_SNAPSHOTS=1`` and review the diff. The bundled
data's own figures are checked in tests/test_bundled.py, not here.

Most commands run in this process (``apmbc.cli.main``); a few run as ``python -m apmbc``, where
what is tested is the real process: its exit status, its pipes and a reader that goes away.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import shlex
import subprocess
import sys
import warnings
from pathlib import Path
from typing import Any

import attrs
import pytest
from factory import (
    attendances,
    first_msp,
    first_rc,
    freedonia,
    intersessional,
    resolutions,
    second_rc,
    states,
    write_world,
)
from snapshot import check_golden, check_no_strays

import apmbc
from apmbc import Forum, Tally
from apmbc.cli import _commands, main
from apmbc.cli._render import packed
from apmbc.output import export_text

PLENARY = Forum.PLENARY
GOLDEN = Path(__file__).resolve().parent / "golden" / "cli"

CASES: dict[str, str] = {
    # state: each kind of record a State can have
    "state-elbonia": "--data world.json state Elbonia",
    "state-elbonia-json": "--data world.json state elb --json",
    "state-ruritania": "--data world.json state Ruritania",
    "state-genovia": "--data world.json state Genovia",
    "state-borduria-json": "--data world.json state Borduria --json",
    "state-sylvania": "--data world.json state Sylvania",
    "state-unknown": "--data world.json state Elbonai",
    "state-freedonia": "--data world.json state Freedonia",
    "state-latveria-options-after": "state Latveria --data world.json",
    "state-grand-fenwick-json-before": "--json --data world.json state GFW",
    # votes
    "votes-54": "--data world.json votes --session 54",
    "votes-60-abstain-json": "--data world.json votes --session 60 --position abstain --json",
    "votes-54-first-committee": "--data world.json votes --session 54 --forum first_committee",
    "votes-60-first-committee": "--data world.json votes --session 60 --forum first_committee",
    "votes-unknown-session": "--data world.json votes --session 59",
    "votes-year-as-session": "--data world.json votes --session 2022",
    "votes-session-0": "--data world.json votes --session 0",
    "votes-session-of-the-future": "--data world.json votes --session 500",
    "votes-options-after": "votes --session 60 --json --data world.json",
    # meetings and meeting
    "meetings": "--data world.json meetings",
    "meetings-review-conference": "--data world.json meetings --kind review_conference",
    "meetings-json": "--data world.json meetings --json",
    "meetings-sort-code": "--data world.json meetings --sort code",
    "meetings-sort-kind": "--data world.json meetings --sort kind",
    "meeting-1msp": "--data world.json meeting 1MSP",
    "meeting-1msp-json": "--data world.json meeting 1msp --json",
    "meeting-unknown": "--data world.json meeting 9MSP",
    # status-on
    "status-on-1999-03-01": "--data world.json status-on 1999-03-01",
    "status-on-1999-03-01-party": "--data world.json status-on 1999-03-01 --status party",
    "status-on-2026-01-01-json": "--data world.json status-on 2026-01-01 --json",
    "status-on-in-words": "--data world.json status-on '1 March 1999' --status party",
    "status-on-after-the-data": "--data world.json status-on 2027-01-01",
    "status-on-not-a-date": "--data world.json status-on yesterday",
    "status-on-no-such-day": "--data world.json status-on 1999-13-01",
    # export to stdout
    "export-states-csv": "--data world.json export states",
    "export-resolutions-json": "--data world.json export resolutions -o - --json",
    # plot: the errors (the figures themselves are in test_plot_writes_pngs)
    "plot-unknown-state": "--data world.json plot votes --states ELB,Narnia -o v.png",
    "plot-without-states": "--data world.json plot votes -o v.png",
    # validate and diff read their own files
    "validate-clean": "validate empty.json",
    "validate-world": "validate world.json",
    "validate-unreadable": "validate bad.json",
    "validate-unreadable-json": "validate bad.json --json",
    "validate-several": "validate world.json empty.json bad.json",
    "diff-same": "diff world.json world.json",
    "diff-changed": "diff world.json changed.json",
    "diff-changed-json": "diff world.json changed.json --json",
}
"""Golden cases: name of the file in tests/golden/cli -> the arguments of ``apmbc``."""


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with the factory world and the other files the commands read."""
    path = tmp_path_factory.mktemp("cli")
    write_world(path / "world.json")
    changed = [freedonia(name="Freedonia Republic") if s.code == "FRD" else s for s in states()]
    # Freedonia renamed, and the last attendance fact (Sylvania absent from 2RC) removed.
    write_world(path / "changed.json", states=changed, attendances=attendances()[:-1])
    empty = apmbc.Dataset(metadata=apmbc.Metadata(data_version="empty"))
    apmbc.dump_json(empty, path / "empty.json")
    (path / "bad.json").write_text('{"metadata": 3}', encoding="utf-8")
    (path / "broken.json").write_text("{not json", encoding="utf-8")
    return path


@pytest.fixture
def run(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> _Runner:
    monkeypatch.chdir(folder)
    return _Runner(capsys)


class _Runner:
    """Runs ``apmbc`` in this process: ``run("state Elbonia") -> (status, stdout, stderr)``."""

    def __init__(self, capsys: pytest.CaptureFixture[str]) -> None:
        self._capsys = capsys

    def __call__(self, command: str) -> tuple[int, str, str]:
        self._capsys.readouterr()
        status = main(shlex.split(command))
        out, err = self._capsys.readouterr()
        return status, out, err


def transcript(command: str, status: int, out: str, err: str) -> str:
    """What a golden file holds: the command, its exit status, stdout and stderr as printed."""
    text = f"$ apmbc {command}\nexit {status}\n"
    for name, stream in (("stdout", out), ("stderr", err)):
        if stream:
            end = "" if stream.endswith("\n") else "\n\\ no newline at end\n"
            text += f"--- {name}\n{stream}{end}"
    return text


@pytest.mark.parametrize("case", sorted(CASES))
def test_golden_output(case: str, run: _Runner) -> None:
    status, out, err = run(CASES[case])
    check_golden(GOLDEN / f"{case}.txt", transcript(CASES[case], status, out, err))


def test_every_golden_file_has_a_case() -> None:
    check_no_strays(GOLDEN, "*.txt", CASES)


@pytest.mark.parametrize("case", sorted(c for c in CASES if "--json" in CASES[c]))
def test_json_output_is_canonical(case: str, run: _Runner) -> None:
    _, out, _ = run(CASES[case])
    data = json.loads(out)
    assert out == json.dumps(data, sort_keys=True, indent=2, ensure_ascii=False) + "\n"


# -- what the golden files cannot show ------------------------------------------------------


def test_errors_are_one_line_on_stderr_and_nothing_on_stdout(run: _Runner) -> None:
    for command in ("state Elbonai", "votes --session 59", "meeting 9MSP"):
        status, out, err = run(f"--data world.json {command}")
        assert (status, out) == (1, ""), command
        assert err.startswith("apmbc: unknown ") and err.count("\n") == 1, command


def test_a_tally_a_source_states_differently_is_noted(folder: Path, run: _Runner) -> None:
    stated = [
        attrs.evolve(r, tally=Tally(yes=6, no=0)) if (r.session, r.forum) == (60, PLENARY) else r
        for r in resolutions()
    ]
    write_world(folder / "restated.json", resolutions=stated)
    status, out, _ = run("--data restated.json votes --session 60")
    assert status == 0
    lines = out.splitlines()
    assert lines[0].endswith(": 5 yes, 0 no, 2 abstain, 0 absent")  # counted from the records
    assert lines[1] == "note: a source states the tally as 6 yes, 0 no, - abstain, - absent"


def test_meeting_lists_only_states_not_party_as_such(run: _Runner) -> None:
    _, out, _ = run("--data world.json meeting 1MSP")
    lines = out.splitlines()
    block = lines.index("States not bound by the Convention on 1999-05-03 (7):")
    attending = lines[block + 1]
    assert attending.startswith("  recorded attending (2):")
    assert "FRD" not in attending.split()  # Freedonia took part as a State Party
    parties = lines.index("States Parties on 1999-05-03 with a record:")
    assert lines[parties + 1] == "  recorded attending (1): FRD"
    status, out, _ = run("--data world.json meeting 1MSP --json")
    assert status == 0
    data = json.loads(out)
    assert (data["attended"], data["parties_attended"]) == (["ELB", "SYL"], ["FRD"])


def test_bad_date_exits_2_with_one_line(run: _Runner) -> None:
    for date in ("1999-13-01", "yesterday", "March 1999", "x" * 200):
        status, out, err = run(f"--data world.json status-on {shlex.quote(date)}")
        assert status == 2 and out == "", date
        assert err.startswith("apmbc: invalid date ") and err.count("\n") == 1, date
        assert "Traceback" not in err


def test_a_date_in_words_is_the_same_day(run: _Runner) -> None:
    iso = run("--data world.json status-on 1999-03-01 --json")
    for words in ("'1 March 1999'", "'March 1, 1999'", "01/03/1999"):
        assert run(f"--data world.json status-on {words} --json") == iso, words


def test_export_csv_to_a_file(folder: Path, run: _Runner) -> None:
    status, out, err = run("--data world.json export votes --format csv -o votes.csv")
    assert status == 0 and out == ""
    assert err == "apmbc: wrote votes (csv) to votes.csv\n"
    rows = list(csv.DictReader((folder / "votes.csv").open(encoding="utf-8")))
    assert len(rows) == 14  # the world's 13 plenary votes and Elbonia's First Committee vote
    assert (rows[0]["state"], rows[0]["session"], rows[0]["position"]) == ("BRD", "54", "yes")


def test_export_to_stdout_is_the_export_text(run: _Runner) -> None:
    status, out, _ = run("--data world.json export votes -o -")
    assert status == 0
    world = apmbc.load_json("world.json")
    assert out == export_text(world, "votes", "csv")
    assert next(csv.reader(io.StringIO(out)))[:3] == ["state", "state_name", "session"]


def test_export_unknown_table_is_a_usage_error(run: _Runner) -> None:
    status, _, err = run("--data world.json export people")
    assert status == 2
    assert "invalid choice: 'people'" in err


def test_export_to_a_missing_folder(folder: Path, run: _Runner) -> None:
    status, _, err = run("--data world.json export votes -o no/votes.csv")
    assert status == 2
    assert err.startswith("apmbc: ") and err.count("\n") == 1
    assert not (folder / "no").exists()


def test_plot_writes_pngs(folder: Path, run: _Runner) -> None:
    pytest.importorskip("matplotlib", reason="matplotlib is not installed (apmbc[plot])")
    status, out, _ = run("--data world.json plot parties -o parties.png --dpi 50")
    assert status == 0 and out == "wrote parties.png\n"
    assert (folder / "parties.png").read_bytes().startswith(b"\x89PNG")
    command = "--data world.json plot votes --states ELB,Freedonia,syl -o votes --dpi 50 --json"
    status, out, _ = run(command)
    assert status == 0
    assert json.loads(out) == {
        "figure": "votes",
        "output": "votes.png",  # a path without a suffix gets .png
        "states": ["ELB", "FRD", "SYL"],
    }
    assert (folder / "votes.png").read_bytes().startswith(b"\x89PNG")


def test_missing_plot_extra_prints_the_pip_command(
    run: _Runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    status, _, err = run("--data world.json plot parties -o p.png")
    assert status == 2
    assert 'pip install "apmbc[plot]"' in err
    assert err.count("\n") == 1


def test_diff_of_an_unreadable_file(run: _Runner) -> None:
    status, out, err = run("diff nothere.json world.json")
    assert status == 2 and out == ""
    assert err.startswith("apmbc: nothere.json: ") and err.count("\n") == 1
    assert "Traceback" not in err


def test_version(run: _Runner) -> None:
    status, out, err = run("--version")
    assert (status, err) == (0, "")
    as_of = apmbc.load().metadata.as_of
    assert as_of is not None
    assert out == (
        f"apmbc {apmbc.__version__} (data {apmbc.DATA_VERSION}, bundled, "
        f"as of {as_of.isoformat()})\n"
    )


def test_version_names_the_data_file_in_use(run: _Runner, monkeypatch: pytest.MonkeyPatch) -> None:
    line = f"apmbc {apmbc.__version__} (data factory, from world.json, as of 2026-06-30)\n"
    assert run("--data world.json --version") == (0, line, "")
    monkeypatch.setenv("APMBC_DATA", "world.json")
    assert run("--version") == (0, line, "")
    status, out, err = run("--data nothere.json --version")
    assert (status, out) == (2, "")
    assert err.startswith("apmbc: nothere.json: ") and err.count("\n") == 1


def test_no_command_shows_help_and_exits_2(run: _Runner) -> None:
    status, out, err = run("")
    assert status == 2 and out == ""
    assert "status-on" in err


def test_data_file_that_is_not_json(run: _Runner) -> None:
    status, out, err = run("--data broken.json state Elbonia")
    assert status == 2 and out == ""
    assert err.startswith("apmbc: broken.json:1:2: invalid JSON")
    assert err.count("\n") == 1


def test_data_file_that_is_missing(run: _Runner) -> None:
    status, out, err = run("--data nothere.json state Elbonia")
    assert status == 2 and out == ""
    assert err.startswith("apmbc: nothere.json: ") and err.count("\n") == 1


def test_keys_are_case_and_accent_insensitive(run: _Runner) -> None:
    assert run("--data world.json meeting 1rc")[1].startswith(f"1RC: {first_rc().name}\n")
    assert run("--data world.json state 'DUCHE DE GRAND FENWICK'")[1].startswith(
        "Grand Fenwick (GFW)\n"
    )


# -- options before and after the command -----------------------------------------------------

SHARED_OPTIONS = [
    "state Elbonia",
    "votes --session 54 --forum first_committee",
    "meetings --kind review_conference",
    "meeting 1RC",
    "status-on 2004-11-29 --status party",
    "coverage",
    "cite",
    "export meetings",
    "info",
]
"""Commands that read the dataset in use: each takes ``--data`` and ``--json`` on either side."""


@pytest.mark.parametrize("command", SHARED_OPTIONS)
def test_shared_options_before_or_after_the_command(command: str, run: _Runner) -> None:
    name, _, rest = command.partition(" ")
    before = run(f"--json --data world.json {command}")
    assert before[0] == 0 and before[2] == "", before
    json.loads(before[1])
    for other in (
        f"{command} --json --data world.json",
        f"--data world.json {name} --json {rest}",
        f"--json {name} --data world.json {rest}",
    ):
        assert run(other) == before, other
    plain = run(f"--data world.json {command}")
    assert run(f"{command} --data world.json") == plain
    assert plain[1] != before[1]  # --json was read, wherever it stood


@pytest.mark.parametrize("command", ["validate world.json", "diff world.json changed.json"])
def test_json_on_either_side_of_a_command_reading_its_own_files(command: str, run: _Runner) -> None:
    assert run(f"--json {command}") == run(f"{command} --json")
    status, _, err = run(f"{command} --data world.json")  # it reads no dataset: no --data
    assert status == 2 and "unrecognized arguments: --data world.json" in err


def test_help_shows_the_shared_options(run: _Runner) -> None:
    for argv in ("--help", "state --help", "validate --help"):
        status, out, _ = run(argv)
        assert status == 0 and "--json" in out, argv
        assert ("--data" in out) is (argv != "validate --help"), argv
    assert "APMBC_DATA" in run("--help")[1]


@pytest.mark.parametrize(
    ("argv", "error"),
    [
        (
            "votes --session seventy",
            "apmbc votes: error: argument --session: 'seventy' is not a whole number",
        ),
        ("votes", "apmbc votes: error: the following arguments are required: --session"),
        ("meetings --sort size", "apmbc meetings: error: argument --sort: invalid choice: "),
        ("state", "apmbc state: error: the following arguments are required: STATE"),
        ("--jsn state Elbonia", "apmbc: error: unrecognized arguments: --jsn"),
    ],
)
def test_usage_errors_keep_argparse_form(argv: str, error: str, run: _Runner) -> None:
    # Not golden files: argparse words and wraps its usage differently across Python versions.
    status, out, err = run(f"--data world.json {argv}")
    assert status == 2 and out == ""
    lines = err.splitlines()
    assert lines[0].startswith("usage: apmbc ")
    assert lines[-1].startswith(error)
    assert "Traceback" not in err


# -- sessions, years and meetings -------------------------------------------------------------


@pytest.mark.parametrize(
    ("session", "message"),
    [
        (2022, "2022 is a year: session 77 voted in 2022; did you mean --session 77?"),
        (1999, "1999 is a year: session 54 voted in 1999; did you mean --session 54?"),
        (0, "there is no General Assembly session 0 (sessions run from 1, in 1946, to 8053)"),
        (-5, "there is no General Assembly session -5 (sessions run from 1, in 1946, to 8053)"),
        (
            99999,
            "there is no General Assembly session 99999 (sessions run from 1, in 1946, to 8053)",
        ),
        (500, "session 500 opens in 2445: none of its votes can be recorded yet"),
    ],
)
def test_a_number_that_cannot_be_a_session(session: int, message: str, run: _Runner) -> None:
    status, out, err = run(f"--data world.json votes --session {session}")
    assert (status, out, err) == (2, "", f"apmbc: {message}\n")


def test_a_session_the_data_holds_is_never_read_as_a_year(folder: Path, run: _Runner) -> None:
    far = attrs.evolve(resolutions()[0], session=2022, symbol=None, date=None)
    write_world(folder / "far.json", resolutions=(*resolutions(), far))
    status, out, _ = run("--data far.json votes --session 2022")
    assert status == 0 and out.startswith("resolution (session 2022, plenary)")


def test_meetings_are_sorted_by_date_undated_last(folder: Path, run: _Runner) -> None:
    undated = attrs.evolve(intersessional(), code="IM-X", name="Undated", start=None, end=None)
    tenth = attrs.evolve(
        first_msp(),
        code="10MSP",
        name="Tenth Meeting of the States Parties",
        number=10,
        other_names=(),
        start=dt.date(2003, 9, 15),
        end=dt.date(2003, 9, 19),
    )
    shuffled = (second_rc(), undated, intersessional(), first_rc(), tenth, first_msp())
    write_world(folder / "shuffled.json", meetings=shuffled)

    def codes(argv: str) -> list[str]:
        status, out, _ = run(f"--data shuffled.json meetings {argv}")
        assert status == 0
        return [line.split()[0] for line in out.splitlines()[1:-1]]

    by_date = ["1MSP", "10MSP", "1RC", "IM-2005", "2RC", "IM-X"]
    assert codes("") == codes("--sort date") == by_date
    assert codes("--sort code") == ["1MSP", "1RC", "2RC", "10MSP", "IM-2005", "IM-X"]
    assert codes("--sort kind") == ["1MSP", "10MSP", "1RC", "2RC", "IM-2005", "IM-X"]
    assert codes("--sort kind --kind review_conference") == ["1RC", "2RC"]


def test_state_lists_the_meetings_attended_with_their_years(run: _Runner) -> None:
    status, out, _ = run("--data world.json state Elbonia --json")
    assert status == 0
    data = json.loads(out)
    attended = [(m["code"], m["years"], m["disputed"]) for m in data["meetings_attended"]]
    assert attended == [
        ("1MSP", [1999], True),
        ("1RC", [2004], False),
        ("IM-2005", [2005], False),
        ("2RC", [2009], False),
    ]
    assert [m["inferred"] for m in data["meetings_attended"]] == [False, False, False, True]
    assert [(m["code"], m["disputed"]) for m in data["meetings_absent"]] == [("1MSP", True)]
    assert data["observer_meetings"] == ["1MSP", "1RC", "IM-2005", "2RC"]


@pytest.mark.parametrize(
    ("items", "lines"),
    [
        ([], ["Head: "]),
        (["a"], ["Head: a"]),
        (["a", "b"], ["Head: a, b"]),
        (["aaaa", "bbbb", "cccc"], ["Head: aaaa,", "  bbbb, cccc"]),
        (["a" * 20], ["Head: " + "a" * 20]),  # an item longer than the width stays whole
        (["a" * 20, "b"], ["Head: " + "a" * 20 + ",", "  b"]),
    ],
)
def test_packed_breaks_lines_between_items(items: list[str], lines: list[str]) -> None:
    assert packed("Head: ", items, width=14) == [line.rstrip() for line in lines]


# -- the dataset in use: --data, APMBC_DATA, info ------------------------------------------------


def test_apmbc_data_names_the_dataset_in_use(run: _Runner, monkeypatch: pytest.MonkeyPatch) -> None:
    expected = run("--data world.json state Elbonia")
    monkeypatch.setenv("APMBC_DATA", "world.json")
    assert run("state Elbonia") == expected
    assert run("votes --session 54")[1] == run("--data world.json votes --session 54")[1]
    monkeypatch.setenv("APMBC_DATA", "")  # empty: unset
    assert run("state Elbonia")[0] == 1  # the bundled data has no Elbonia


def test_data_option_wins_over_apmbc_data(run: _Runner, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("APMBC_DATA", "nothere.json")
    status, out, err = run("--data world.json state Elbonia")
    assert status == 0 and err == "" and out.startswith("Elbonia (ELB)\n")
    assert run("validate world.json")[0] == 0  # validate and diff read their own files
    assert run("diff world.json world.json")[0] == 0


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("nothere.json", "cannot read the dataset JSON file: No such file or directory"),
        ("broken.json", "invalid JSON: Expecting property name enclosed in double quotes"),
        ("bad.json", "metadata: expected an object, got a number"),
        (".", "is a folder, not a dataset JSON file"),
    ],
)
def test_a_bad_file_named_by_apmbc_data_is_an_error(
    name: str, message: str, run: _Runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("APMBC_DATA", name)
    for command in ("state Cuba", "info", "--version", "cite"):
        status, out, err = run(command)
        assert (status, out) == (2, ""), command
        assert err.startswith(f"apmbc: APMBC_DATA={name}"), (command, err)
        assert message in err and err.count("\n") == 1, (command, err)


def test_many_problems_are_one_line(folder: Path, run: _Runner) -> None:
    (folder / "wrong.json").write_text(
        '{"metadata": {"data_version": "x"}, "states": [{"code": 1}, {"name": 2}]}',
        encoding="utf-8",
    )
    status, out, err = run("--data wrong.json state Cuba")
    assert (status, out) == (2, "")
    assert err.count("\n") == 1
    assert err.startswith("apmbc: wrong.json: ") and " problems; the first: states[0]" in err
    assert err.rstrip().endswith("(apmbc validate lists them all)")


def test_info_on_the_bundled_data(run: _Runner) -> None:
    meta = apmbc.load().metadata
    assert meta.as_of is not None and meta.title is not None
    status, out, err = run("info")
    assert (status, err) == (0, "")
    assert meta.newest_source is not None
    assert out.splitlines() == [
        f"apmbc {apmbc.__version__}",
        "  data in use    bundled with apmbc",
        f"  data version   {apmbc.DATA_VERSION}",
        f"  as of          {meta.as_of.isoformat()}",
        f"  newest source  {meta.newest_source.isoformat()}",
        f"  title          {meta.title}",
    ]
    data = json.loads(run("info --json")[1])
    assert data["version"] == apmbc.__version__
    assert data["data"] == {
        "bundled": True,
        "path": None,
        "chosen_by": "bundled",
        "data_version": apmbc.DATA_VERSION,
        "as_of": meta.as_of.isoformat(),
        "title": meta.title,
        "newest_source": meta.newest_source.isoformat(),
        "base_version": None,
        "merges": [],
    }
    assert data["environment"] == {"APMBC_DATA": None}


def test_info_on_a_file(run: _Runner, monkeypatch: pytest.MonkeyPatch) -> None:
    meta = apmbc.load().metadata
    assert meta.as_of is not None
    lines = [
        f"apmbc {apmbc.__version__}",
        "  data in use    world.json (named by --data)",
        "  data version   factory",
        "  as of          2026-06-30",
        "  newest source  -",  # the factory world's metadata does not say
        "  title          The factory world (made-up States, for tests)",
        f"  bundled data   {apmbc.DATA_VERSION}, as of {meta.as_of.isoformat()} (not in use)",
    ]
    assert run("--data world.json info")[1].splitlines() == lines
    monkeypatch.setenv("APMBC_DATA", "world.json")
    lines[1] = "  data in use    world.json (named by APMBC_DATA)"
    assert run("info")[1].splitlines() == lines
    monkeypatch.setenv("APMBC_DATA", "empty.json")
    lines[1] = "  data in use    world.json (named by --data); APMBC_DATA=empty.json is not used"
    assert run("info --data world.json")[1].splitlines() == lines
    data = json.loads(run("info --json --data world.json")[1])
    assert (data["data"]["chosen_by"], data["data"]["path"], data["data"]["bundled"]) == (
        "--data",
        "world.json",
        False,
    )
    assert data["environment"] == {"APMBC_DATA": "empty.json"}
    assert data["bundled_data"] == {
        "data_version": apmbc.DATA_VERSION,
        "as_of": meta.as_of.isoformat(),
    }


# -- where the data ends -------------------------------------------------------------------------


def test_a_date_after_the_data_warns_once_per_run(run: _Runner) -> None:
    line = (
        "apmbc: warning: 2027-01-01 is after 2026-06-30, the as-of date of data factory: the "
        "answer assumes that nothing changed after it\n"
    )
    for _ in range(2):  # each run is a process of its own: each warns
        status, out, err = run("--data world.json status-on 2027-01-01 --status party")
        assert status == 0 and err == line
        assert out.startswith("3 States with status party on 2027-01-01\n")
    for day in ("2026-06-30", "1999-03-01"):  # within the record: no warning
        assert run(f"--data world.json status-on {day}")[2] == ""


def test_other_warnings_are_shown_as_python_shows_them(
    run: _Runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    def noisy(args: Any, ds: Any) -> int:
        warnings.warn("something else", DeprecationWarning, stacklevel=1)
        return 0

    monkeypatch.setattr(_commands, "state", noisy)  # the parser is built at each run
    with pytest.warns(DeprecationWarning, match="something else"):
        status = main(["--data", "world.json", "state", "Elbonia"])
    assert status == 0


# -- the real program: python -m apmbc ------------------------------------------------------


def _python_m(folder: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "apmbc", *argv],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        cwd=folder,
    )


def _golden_stdout(case: str) -> str:
    text = (GOLDEN / f"{case}.txt").read_text(encoding="utf-8")
    return text.partition("--- stdout\n")[2].partition("--- stderr\n")[0]


def test_python_m_apmbc_prints_what_main_prints(folder: Path) -> None:
    result = _python_m(folder, *shlex.split(CASES["state-elbonia"]))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout == _golden_stdout("state-elbonia")


def test_python_m_exit_statuses_and_one_line_errors(folder: Path) -> None:
    result = _python_m(folder, "--data", "world.json", "state", "Elbonai")
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == "apmbc: unknown State 'Elbonai'. Did you mean 'Elbonia (ELB)'?\n"
    result = _python_m(folder, "--data", "world.json", "status-on", "yesterday")
    assert result.returncode == 2
    assert result.stdout == ""
    assert "invalid date 'yesterday'" in result.stderr
    assert "Traceback" not in result.stderr


def test_broken_pipe_is_quiet(folder: Path) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "apmbc", "--data", "world.json", "export", "votes"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=folder,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # the reader is gone before anything is written, like `| true`
    err = proc.stderr.read()
    proc.stderr.close()
    assert proc.wait() == 141
    assert err == b""
