"""The command line: real output, exit statuses, one-line errors and never a traceback."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

import apmbc
from apmbc.cli import main

CUBA_OBSERVED = ["1MSP", "2MSP", "3MSP", "4MSP", "1RC", "7MSP", "2RC", "13MSP"]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


# -- state ----------------------------------------------------------------------------------


def test_state_json(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "state", "Cuba", "--json")
    assert status == 0 and err == ""
    data = json.loads(out)
    assert out == json.dumps(data, sort_keys=True, indent=2, ensure_ascii=False) + "\n"
    assert data["code"] == "CUB"
    assert data["status"] == "not_party"
    assert data["observer_meetings"] == CUBA_OBSERVED
    plenary = data["votes"]["plenary"]
    assert list(plenary) == [str(s) for s in range(52, 81)]
    assert set(plenary.values()) == {"abstain"}
    # First Committee votes: session 70 from the roll call, 73 and 76 from Cuba's profile page.
    assert data["votes"]["first_committee"] == {"70": "abstain", "73": "abstain", "76": "abstain"}
    assert data["entry_into_force"] == {"stated": None, "article17": None}
    assert [s["session"] for s in data["statements"]] == [72, 76, 78]
    # Two paraphrased explanations of vote, and Cuba's own words quoted on its profile page.
    assert [s["verbatim"] for s in data["statements"]] == [False, True, False]
    assert data["sources"] == 4  # with the code list (COW, GW, M49)


def test_state_text(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "state", "cuba")
    assert status == 0
    lines = out.splitlines()
    assert lines[0] == "Cuba (CUB)"
    assert "  status             not_party (as of 2026-12-01)" in lines
    assert f"Observer at 8 meetings: {' '.join(CUBA_OBSERVED)}" in lines
    assert "Plenary votes, sessions 52-80 (29): 29 abstain" in lines
    assert any(
        line.startswith("  [explanation of vote; First Committee session 72") for line in lines
    )
    assert "paraphrase]" in out


def test_state_dates_of_a_party(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "state", "South Sudan", "--json")
    data = json.loads(out)
    assert data["deposited"] == "2011-11-11"
    assert data["deposit_method"] == "succession"
    assert data["entry_into_force"] == {"stated": "2011-07-09", "article17": "2012-05-01"}
    _, text, _ = run(capsys, "state", "FIN")
    line = "  withdrawal         notified 2025-07-10, effective 2026-01-10 stated, "
    line += "2026-01-10 by Art. 20"
    assert line in text.splitlines()


def test_unknown_state_exits_1_with_suggestions(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "state", "Cubaa")
    assert status == 1
    assert out == ""
    assert err == "apmbc: unknown State 'Cubaa'. Did you mean 'Cuba (CUB)'?\n"


# -- votes ----------------------------------------------------------------------------------


def test_votes_tally_of_session_77(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "votes", "--session", "77")
    assert status == 0
    lines = out.splitlines()
    assert lines[0] == "A/RES/77/63 (session 77, plenary, 2022-12-07): " + (
        "167 yes, 0 no, 17 abstain, 9 absent"
    )
    assert len(lines) == 1 + 193
    assert "abstain  CUB  Cuba" in lines


def test_votes_json_and_position_filter(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "votes", "--session", "77", "--position", "abstain", "--json")
    assert status == 0
    data = json.loads(out)
    assert data["tally"] == {"yes": 167, "no": 0, "abstain": 17, "absent": 9}
    assert data["tally_basis"] == "records"
    assert len(data["votes"]) == 17
    assert {"state": "CUB", "name": "Cuba", "position": "abstain"} in data["votes"]
    assert {v["position"] for v in data["votes"]} == {"abstain"}


def test_votes_without_per_state_records(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "votes", "--session", "80", "--forum", "first_committee")
    assert status == 0
    assert out.splitlines() == [
        "A/C.1/80/L.30 (session 80, First Committee, 2025-11-04): 154 yes, - no, - abstain, "
        "- absent",
        "no per-State record of this vote; the tally is as a source states it",
    ]


def test_unknown_session_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "votes", "--session", "90")
    assert status == 1 and out == ""
    assert err.startswith("apmbc: unknown resolution") and err.count("\n") == 1


# -- meetings -------------------------------------------------------------------------------


def test_meetings_of_a_kind(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "meetings", "--kind", "review_conference")
    assert status == 0
    lines = out.splitlines()
    assert lines[0].split() == ["code", "kind", "start", "end", "city", "name"]
    assert [line.split()[0] for line in lines[1:-1]] == ["1RC", "2RC", "3RC", "4RC", "5RC"]
    assert lines[-1] == "5 meetings"
    _, data, _ = run(capsys, "meetings", "--json")
    assert len(json.loads(data)) == 52


def test_meeting_and_unknown_meeting(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "meeting", "13MSP", "--json")
    assert status == 0
    data = json.loads(out)
    assert data["code"] == "13MSP"
    assert "CUB" in data["attended"] and "CUB" in data["recorded_absent"]  # sources disagree
    status, out, err = run(capsys, "meeting", "99MSP")
    assert status == 1 and out == ""
    assert err.startswith("apmbc: unknown meeting '99MSP'. Did you mean '9MSP")


# -- status-on ------------------------------------------------------------------------------


def test_status_on_lists_the_45_first_parties(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "status-on", "1999-03-01", "--status", "party")
    assert status == 0
    lines = out.splitlines()
    assert lines[0] == "45 States with status party on 1999-03-01"
    assert len(lines) == 46
    assert "CAN  Canada" in lines
    assert not any(
        line.startswith("GIN ") for line in lines
    )  # deposited 1998-10-08, in force April


def test_status_on_json_counts(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "status-on", "2026-01-01", "--json")
    assert status == 0
    data = json.loads(out)
    assert data["date"] == "2026-01-01"
    assert data["count"] == 197
    assert data["counts"]["withdrawn"] == 3  # Estonia, Latvia, Lithuania (27 December 2025)
    assert data["counts"]["withdrawing"] == 2  # Finland (10 January), Poland (20 February)
    finland = next(s for s in data["states"] if s["code"] == "FIN")
    assert finland["status"] == "withdrawing"


def test_bad_date_exits_2_without_traceback(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "status-on", "1999-13-01")
    assert status == 2 and out == ""
    assert "invalid date '1999-13-01': expected YYYY-MM-DD" in err
    assert "Traceback" not in err


# -- export ---------------------------------------------------------------------------------


def test_export_csv_to_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "votes.csv"
    status, out, err = run(capsys, "export", "votes", "--format", "csv", "-o", str(path))
    assert status == 0 and out == ""
    assert "wrote votes (csv)" in err
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    assert len(rows) == 5750  # 5,555 plenary votes and 195 First Committee votes
    assert rows[0]["state"] == "AFG"


def test_export_to_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "export", "resolutions", "-o", "-", "--json")
    assert status == 0
    data = json.loads(out)
    assert len(data) == 58
    assert {r["session"] for r in data} == set(range(52, 81))
    status, out, _ = run(capsys, "export", "states")
    assert next(csv.reader(io.StringIO(out)))[:3] == ["code", "name", "alpha2"]


def test_export_unknown_table_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "export", "people")
    assert status == 2
    assert "invalid choice: 'people'" in err


def test_export_to_a_missing_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "export", "votes", "-o", str(tmp_path / "no" / "votes.csv"))
    assert status == 2
    assert err.startswith("apmbc: ") and err.count("\n") == 1


# -- plot -----------------------------------------------------------------------------------


def test_plot_writes_pngs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("matplotlib", reason="matplotlib is not installed (apmbc[plot])")
    parties = tmp_path / "parties.png"
    status, out, _ = run(capsys, "plot", "parties", "-o", str(parties), "--dpi", "50")
    assert status == 0 and out == f"wrote {parties}\n"
    assert parties.read_bytes().startswith(b"\x89PNG")
    votes = tmp_path / "votes.png"
    status, out, _ = run(
        capsys, "plot", "votes", "--states", "CUB,CHN,USA", "-o", str(votes), "--json"
    )
    assert status == 0
    assert json.loads(out) == {
        "figure": "votes",
        "output": str(votes),
        "states": ["CUB", "CHN", "USA"],
    }
    assert votes.stat().st_size > 0


def test_plot_votes_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out_png = str(tmp_path / "v.png")
    status, _, err = run(capsys, "plot", "votes", "--states", "CUB,Narnia", "-o", out_png)
    assert status == 1 and err.startswith("apmbc: unknown State 'Narnia'")
    status, _, err = run(capsys, "plot", "votes", "-o", out_png)
    assert status == 2 and err == "apmbc: plot votes needs --states, e.g. --states CUB,CHN,USA\n"


def test_missing_plot_extra_prints_the_pip_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    status, _, err = run(capsys, "plot", "parties", "-o", str(tmp_path / "p.png"))
    assert status == 2
    assert 'pip install "apmbc[plot]"' in err
    assert err.count("\n") == 1


# -- validate and diff ----------------------------------------------------------------------


def test_validate(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "good.json"
    apmbc.dump_json(apmbc.Dataset(metadata=apmbc.Metadata(data_version="t")), good)
    status, out, _ = run(capsys, "validate", str(good))
    assert status == 0 and out == ""
    bad = tmp_path / "bad.json"
    bad.write_text('{"metadata": 3}', encoding="utf-8")
    status, out, _ = run(capsys, "validate", str(bad))
    assert status == 2
    assert out.splitlines() == [f"{bad}:metadata: APMBC-READ expected an object, got a number"]
    status, out, _ = run(capsys, "validate", str(bad), "--json")
    assert status == 2
    assert json.loads(out)["unreadable"][0]["code"] == "APMBC-READ"


def test_diff(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    meta = apmbc.Metadata(data_version="t")
    old, new = tmp_path / "old.json", tmp_path / "new.json"
    apmbc.dump_json(apmbc.Dataset(metadata=meta, states=[apmbc.State(code="AAA", name="A")]), old)
    apmbc.dump_json(apmbc.Dataset(metadata=meta, states=[apmbc.State(code="AAA", name="B")]), new)
    status, out, _ = run(capsys, "diff", str(old), str(old))
    assert status == 0
    status, out, _ = run(capsys, "diff", str(old), str(new))
    assert status == 1
    assert "AAA" in out
    status, out, _ = run(capsys, "diff", str(old), str(new), "--json")
    assert status == 1
    assert "AAA" in json.dumps(json.loads(out))


def test_diff_of_an_unreadable_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "diff", str(tmp_path / "a.json"), str(tmp_path / "b.json"))
    assert status == 2 and err.startswith("apmbc: ") and "Traceback" not in err


# -- the program as a whole -----------------------------------------------------------------


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "--version")
    assert status == 0
    assert out == f"apmbc {apmbc.__version__} (data {apmbc.DATA_VERSION})\n"


def test_no_command_shows_help_and_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys)
    assert status == 2 and out == ""
    assert "status-on" in err


def test_other_data_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "tiny.json"
    state = apmbc.State(code="AAA", name="Alpha")
    apmbc.dump_json(apmbc.Dataset(metadata=apmbc.Metadata(data_version="t"), states=[state]), path)
    status, out, _ = run(capsys, "--data", str(path), "state", "alpha", "--json")
    assert status == 0 and json.loads(out)["code"] == "AAA"
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    status, out, err = run(capsys, "--data", str(broken), "state", "Cuba")
    assert status == 2 and out == ""
    assert err.startswith(f"apmbc: {broken}:1:2: invalid JSON")


def _python_m(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "apmbc", *argv],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )


def test_python_m_apmbc_state_cuba() -> None:
    result = _python_m("state", "Cuba")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == "Cuba (CUB)"
    assert f"Observer at 8 meetings: {' '.join(CUBA_OBSERVED)}" in result.stdout
    assert result.stderr == ""


def test_python_m_errors_are_one_line() -> None:
    result = _python_m("state", "Cubaa")
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == "apmbc: unknown State 'Cubaa'. Did you mean 'Cuba (CUB)'?\n"
    result = _python_m("status-on", "yesterday")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def test_broken_pipe_is_quiet() -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "apmbc", "export", "votes"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # the reader is gone before anything is written, like `| true`
    err = proc.stderr.read()
    proc.stderr.close()
    assert proc.wait() == 141
    assert err == b""
