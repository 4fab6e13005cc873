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
import io
import json
import shlex
import subprocess
import sys
from pathlib import Path

import attrs
import pytest
from factory import attendances, first_rc, freedonia, resolutions, states, write_world
from snapshot import check_golden, check_no_strays

import apmbc
from apmbc import Forum, Tally
from apmbc.cli import main
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
    # votes
    "votes-54": "--data world.json votes --session 54",
    "votes-60-abstain-json": "--data world.json votes --session 60 --position abstain --json",
    "votes-54-first-committee": "--data world.json votes --session 54 --forum first_committee",
    "votes-60-first-committee": "--data world.json votes --session 60 --forum first_committee",
    "votes-unknown-session": "--data world.json votes --session 59",
    # meetings and meeting
    "meetings": "--data world.json meetings",
    "meetings-review-conference": "--data world.json meetings --kind review_conference",
    "meetings-json": "--data world.json meetings --json",
    "meeting-1msp": "--data world.json meeting 1MSP",
    "meeting-1msp-json": "--data world.json meeting 1msp --json",
    "meeting-unknown": "--data world.json meeting 9MSP",
    # status-on
    "status-on-1999-03-01": "--data world.json status-on 1999-03-01",
    "status-on-1999-03-01-party": "--data world.json status-on 1999-03-01 --status party",
    "status-on-2026-01-01-json": "--data world.json status-on 2026-01-01 --json",
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


@pytest.mark.xfail(
    strict=True,
    reason="src/apmbc/cli/_commands.py meeting(): every State recorded attending is listed "
    "under 'States not party recorded attending', a State Party (role state_party) too",
)
def test_meeting_lists_only_states_not_party_as_such(run: _Runner) -> None:
    _, out, _ = run("--data world.json meeting 1MSP")
    line = next(x for x in out.splitlines() if x.startswith("States not party recorded attending"))
    assert "FRD" not in line.split()  # Freedonia took part as a State Party


def test_bad_date_exits_2_without_traceback(run: _Runner) -> None:
    status, out, err = run("--data world.json status-on 1999-13-01")
    assert status == 2 and out == ""
    assert "invalid date '1999-13-01': expected YYYY-MM-DD" in err
    assert "Traceback" not in err


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
    status, out, _ = run("--version")
    assert status == 0
    assert out == f"apmbc {apmbc.__version__} (data {apmbc.DATA_VERSION})\n"


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
