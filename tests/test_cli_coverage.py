"""What the data does not know, where it is used: ``apmbc coverage``, ``apmbc meeting`` and the
docs that show them.

1. ``apmbc coverage`` prints the numbers of ``coverage_summary`` (text and ``--json``), and they
   are the numbers of the summary on docs/coverage.md.
2. ``apmbc meeting CODE`` lists attended, absent and unknown with counts; docs/cli.md shows the
   real output of ``apmbc meeting 5RC``, ``apmbc coverage`` and ``apmbc cite``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

import apmbc
from apmbc.cli import main
from apmbc.output import coverage_summary

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
needs_docs = pytest.mark.skipif(
    not DOCS.is_dir(), reason="not in a source checkout: docs/ is absent (installed wheel)"
)
KINDS = [k.value for k in apmbc.SourceKind]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


# -- the summary -------------------------------------------------------------------------------


def _fact(cov: dict[str, Any], fact: str) -> dict[str, Any]:
    return next(r for r in cov["facts"] if r["fact"] == fact)


def test_summary_says_what_is_known_and_unknown() -> None:
    cov = coverage_summary(apmbc.load())
    assert cov["data_version"] == apmbc.DATA_VERSION
    fc = _fact(cov, "First Committee: tally (yes, no and abstain), sessions")
    assert (fc["known"], fc["unknown"]) == (6, 23)  # 55, 56, 66, 69, 70, 72; 80 is partial
    assert fc["note"] == "1 more with part of the tally"
    votes = _fact(cov, "First Committee: sessions with per-State votes")
    # The roll call of session 70, and Cuba's votes of 73 and 76 from its profile page.
    assert (votes["known"], votes["unknown"], votes["note"]) == (
        3,
        26,
        "195 per-State votes in all",
    )
    plenary = _fact(cov, "plenary: sessions with per-State votes")
    assert (plenary["known"], plenary["unknown"]) == (29, 0)
    pairs = _fact(cov, "States not bound at a formal meeting held: attended or absent")
    # 514 facts, less the two pairs where sources disagree (Cuba at 13MSP, Myanmar at 7MSP).
    assert pairs["known"] == 512
    ds = apmbc.load()
    held = [m for m in ds.meetings if m.kind.value in ("msp", "review_conference")]
    assert pairs["unknown"] == sum(len(ds.meeting_attendance(m).unknown or ()) for m in held)


def test_summary_counts_records_by_kind_of_source() -> None:
    ds = apmbc.load()
    cov = coverage_summary(ds)
    rows = {r["table"]: r for r in cov["sources"]}
    assert list(rows) == ["states", "meetings", "resolutions", "votes", "attendances", "statements"]
    assert rows["votes"]["records"] == len(ds.votes)
    # Cuba's two First Committee votes, and 13 plenary votes a merged profile page confirms.
    expected = {**dict.fromkeys(KINDS, 0), "un": 5555, "convention": 15, "dataset": 193}
    assert rows["votes"]["by_kind"] == expected
    assert rows["votes"]["news_only"] == 0
    for name, row in rows.items():
        assert row["kind_unknown"] == 0 and row["no_source"] == 0
        for kind in KINDS:
            kept = getattr(ds.with_source_kinds(kind, tables=name), name)
            assert row["by_kind"][kind] == len(kept)
    assert rows["attendances"]["news_only"] == 5


def test_summary_of_sources_of_no_stated_kind() -> None:
    untyped = apmbc.Source(url="https://example.invalid/")
    ds = apmbc.Dataset(
        metadata=apmbc.Metadata(data_version="t"),
        states=(
            apmbc.State(code="AAA", name="A", sources=(untyped,)),
            apmbc.State(code="BBB", name="B"),
        ),
    )
    row = next(r for r in coverage_summary(ds)["sources"] if r["table"] == "states")
    assert (row["records"], row["kind_unknown"], row["no_source"]) == (2, 1, 1)
    assert set(row["by_kind"].values()) == {0}
    summary = apmbc.output.summary(ds)
    assert summary["source_references_by_kind"]["unknown"] == 1
    assert summary["source_references_without_retrieved"] == 1


# -- apmbc coverage ----------------------------------------------------------------------------


def test_coverage_json_is_the_summary(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "coverage", "--json")
    assert status == 0 and err == ""
    assert json.loads(out) == coverage_summary(apmbc.load())


def test_coverage_text(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "coverage")
    assert status == 0
    lines = out.splitlines()
    assert lines[0] == f"data {apmbc.DATA_VERSION} (facts as of 2026-12-01)"
    fc = next(line for line in lines if "First Committee: tally" in line)
    assert re.search(r"sessions +6 +23 +1 more with part of the tally$", fc), fc
    votes = next(line for line in lines if line.lstrip().startswith("votes ") and "5750" in line)
    assert votes.split() == ["votes", "5750", "5555", "15", *["0"] * 4, "193", *["0"] * 4]


@needs_docs
def test_coverage_page_shows_the_same_numbers(capsys: pytest.CaptureFixture[str]) -> None:
    page = (DOCS / "coverage.md").read_text(encoding="utf-8")
    _, out, _ = run(capsys, "coverage", "--json")
    cov = json.loads(out)
    for row in cov["facts"]:
        line = f"| {row['table']} | {row['fact']} | {row['known']} | {row['unknown']} |"
        assert line in page, line
    for row in cov["sources"]:
        numbers = [row["records"], *(row["by_kind"][k] for k in KINDS)]
        numbers += [row["kind_unknown"], row["news_only"], row["no_source"]]
        line = f"| {row['table']} | " + " | ".join(str(n) for n in numbers) + " |"
        assert line in page, line


# -- apmbc meeting -----------------------------------------------------------------------------


def test_meeting_shows_the_unknown(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "meeting", "5RC")
    assert status == 0
    lines = out.splitlines()
    at = lines.index("States not bound by the Convention on 2024-11-25 (33):")
    assert lines[at + 1] == "  recorded attending (3): CHN TON VNM"
    assert lines[at + 2] == "  recorded absent (0): -"
    assert lines[at + 3].startswith("  unknown, no record (30): ARE ARM AZE")
    listed = " ".join(lines[at + 3 :]).split(":", 1)[1].split()
    assert len(listed) == 30 and "USA" in listed
    assert all(len(line) <= 88 for line in lines[at:])


def test_meeting_json_has_the_three_groups(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "meeting", "5RC", "--json")
    data = json.loads(out)
    assert status == 0
    assert data["attended"] == ["CHN", "TON", "VNM"] and data["recorded_absent"] == []
    assert len(data["unknown"]) == 30 and len(data["not_bound"]) == 33
    assert data["attendance_counts"] == {"attended": 3, "absent": 0, "unknown": 30, "disputed": 0}


def test_meeting_says_where_sources_disagree(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "meeting", "13MSP")
    assert "  sources disagree, in both lists (1): CUB" in out.splitlines()
    _, out, _ = run(capsys, "meeting", "13MSP", "--json")
    assert json.loads(out)["disputed"] == ["CUB"]


def test_meeting_without_a_date(capsys: pytest.CaptureFixture[str]) -> None:
    undated = next(m for m in apmbc.load().meetings if m.start is None)
    status, out, _ = run(capsys, "meeting", undated.code)
    assert status == 0
    assert "States not bound by the Convention: unknown (the meeting's date is unknown)" in out
    assert "  unknown, no record: cannot be told (the meeting's date is unknown)" in out
    _, out, _ = run(capsys, "meeting", undated.code, "--json")
    data = json.loads(out)
    assert data["unknown"] is None and data["attendance_counts"]["unknown"] is None


# -- the docs show the real output -------------------------------------------------------------


def _shown(command: str) -> list[str]:
    """The lines docs/cli.md shows after ``$ apmbc COMMAND``, up to the next prompt or fence."""
    lines = (DOCS / "cli.md").read_text(encoding="utf-8").splitlines()
    start = lines.index(f"$ apmbc {command}") + 1
    shown = []
    for line in lines[start:]:
        if line.startswith(("$ ", "```")):
            break
        shown.append(line)
    return shown


@needs_docs
@pytest.mark.parametrize("command", ["meeting 5RC", "coverage", "cite", "cite --format bibtex"])
def test_cli_page_shows_real_output(capsys: pytest.CaptureFixture[str], command: str) -> None:
    _, out, _ = run(capsys, *command.split())
    assert _shown(command) == out.splitlines()


@needs_docs
def test_cli_page_shows_the_tail_of_a_disputed_meeting(capsys: pytest.CaptureFixture[str]) -> None:
    shown = _shown("meeting 13MSP")
    assert shown[0] == "..."
    _, out, _ = run(capsys, "meeting", "13MSP")
    assert out.splitlines()[-len(shown) + 1 :] == shown[1:]


@needs_docs
def test_citing_page_and_readme_show_the_real_citation(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "cite")
    for page in (DOCS / "citing.md", ROOT / "README.md"):
        text = page.read_text(encoding="utf-8")
        assert out in text, page
    assert re.search(r"^citing$", (DOCS / "index.md").read_text(encoding="utf-8"), re.M)
