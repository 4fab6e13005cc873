"""The round of docs/keeping-current.md: a (made-up) 81st-session UN file folded into the data.

The UN file is written by tests/made_up_undl.py: the real long layout, a MADE-UP vote. The tests
check what issue 12 asks of the round: the update adds exactly that roll call and its votes and
changes nothing else, the result validates, the CLI sees session 81 in it, a file that
contradicts a known vote is a conflict and exit 1, and merging the same file twice changes
nothing the second time. The page's ``$ apmbc`` examples are run by tests/test_docs_cli.py, as
every page's are; here, only the generator's lines.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import shlex
from pathlib import Path

import pytest
from made_up_undl import MADE_UP_DATE, MADE_UP_SYMBOL, write_contradiction, write_made_up_81

import apmbc
from apmbc import Forum
from apmbc.cli import main
from apmbc.validation import Severity, validate

ROOT = Path(__file__).resolve().parents[1]
PAGE = ROOT / "docs" / "keeping-current.md"
needs_docs = pytest.mark.skipif(
    not PAGE.is_file(), reason="not in a source checkout: docs/ is absent (installed wheel)"
)
PLENARY = Forum.PLENARY


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The made-up 81st-session file, updated into the bundled data once (``apmbc-81.json``)."""
    path = tmp_path_factory.mktemp("current")
    write_made_up_81(path / "made-up-undl-81.csv")
    write_contradiction(path / "made-up-contradiction-80.csv")
    with _chdir(path):
        status, _ = _apmbc("update made-up-undl-81.csv -o apmbc-81.json")
    assert status == 0
    return path


@contextlib.contextmanager
def _chdir(path: Path):  # type: ignore[no-untyped-def]
    before = Path.cwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(before)


def _apmbc(command: str) -> tuple[int, str]:
    """Run ``apmbc COMMAND`` here: its exit status, and stdout then stderr as a terminal shows
    them (the report first, the last line on stderr)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(shlex.split(command))
    return status, out.getvalue() + err.getvalue()


# -- the round ------------------------------------------------------------------------------------


def test_the_update_adds_exactly_the_roll_call_and_its_votes(folder: Path) -> None:
    base = apmbc.load()
    updated = apmbc.load_json(folder / "apmbc-81.json")
    changes = apmbc.diff(base, updated)
    assert [t.table for t in changes.tables if t] == ["resolutions", "votes"]
    (resolution,) = changes.resolutions.added
    assert (resolution.session, resolution.forum, resolution.symbol, resolution.date) == (
        81,
        PLENARY,
        MADE_UP_SYMBOL,
        MADE_UP_DATE,
    )
    assert "MADE UP" in (resolution.title or "")
    assert changes.resolutions.removed == changes.resolutions.changed == ()
    assert {(v.session, v.forum) for v in changes.votes.added} == {(81, PLENARY)}
    assert len(changes.votes.added) == 193
    assert changes.votes.removed == changes.votes.changed == ()
    # The 81st session's positions are, as made up, those of the 80th.
    positions = {v.state: v.position for v in changes.votes.added}
    assert positions == {
        v.state: v.position for v in base.votes if (v.session, v.forum) == (80, PLENARY)
    }
    assert [c.field for c in changes.metadata] == [
        "data_version",
        "as_of",
        "sources",
        "newest_source",
        "base_version",
        "merges",
    ]


def test_the_updated_data_says_what_it_is(folder: Path) -> None:
    meta = apmbc.load_json(folder / "apmbc-81.json").metadata
    assert (meta.data_version, meta.base_version) == ("2026.12.01.post0001", "2026.12.01")
    assert meta.as_of == meta.newest_source == MADE_UP_DATE
    (record,) = meta.merges
    (file,) = record.files
    assert (file.name, file.kind) == ("made-up-undl-81.csv", "undl_csv")
    assert file.added == apmbc.models.TableCounts(resolutions=1, votes=193)
    assert len(file.sha256 or "") == 64


def test_the_result_validates(folder: Path) -> None:
    found = validate(apmbc.load_json(folder / "apmbc-81.json"))
    assert [f for f in found if f.severity is Severity.ERROR] == []
    assert [f.code for f in found] == [f.code for f in validate(apmbc.load())]


def test_the_cli_sees_session_81_with_data(folder: Path) -> None:
    with _chdir(folder):
        status, shown = _apmbc("--data apmbc-81.json votes --session 81")
        assert status == 0
        assert shown.splitlines()[0] == (
            f"{MADE_UP_SYMBOL} (session 81, plenary, 2026-12-07): 159 yes, 1 no, 19 abstain, "
            "14 absent"
        )
        assert _apmbc("votes --session 81")[0] == 1  # the bundled data has no 81st session


def test_apmbc_data_makes_the_cli_see_session_81(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("APMBC_DATA", str(folder / "apmbc-81.json"))
    status, shown = _apmbc("votes --session 81 --position no")
    assert status == 0
    assert shown.splitlines()[1] == "no  RUS  Russian Federation"


def test_a_file_that_contradicts_a_known_vote_is_a_conflict_and_exit_1(folder: Path) -> None:
    with _chdir(folder):
        status, shown = _apmbc("update made-up-contradiction-80.csv -o contradicted.json")
    assert status == 1
    assert not (folder / "contradicted.json").exists()
    conflicts = [line for line in shown.splitlines() if line.startswith("conflict: ")]
    assert [line.split(":")[1].strip() for line in conflicts] == [
        "resolutions 80 plenary",
        "resolutions 80 plenary",
        "votes CUB 80 plenary",
    ]
    assert "position abstain (" in conflicts[2] and " vs yes (" in conflicts[2]
    assert shown.endswith(
        "apmbc: contradicted.json not written: 3 conflict(s) (--force writes it anyway)\n"
    )


def test_merging_the_same_file_twice_changes_nothing(folder: Path) -> None:
    with _chdir(folder):
        status, shown = _apmbc("update made-up-undl-81.csv --base apmbc-81.json -o twice.json")
    assert status == 0
    assert "nothing new, the data is unchanged" in shown
    assert (folder / "twice.json").read_bytes() == (folder / "apmbc-81.json").read_bytes()


# -- the page's shell examples --------------------------------------------------------------------
# Its `$ apmbc ...` examples are run, as every page's, by tests/test_docs_cli.py (the setup
# comments there write the made-up files). What is left here: the generator's own lines.

_GENERATOR = re.compile(
    r"^\$ python tests/made_up_undl\.py (?P<args>.+)\n(?P<shown>[^\n$`]+)$", re.M
)


@needs_docs
def test_the_generator_prints_what_the_page_shows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from made_up_undl import main as made_up

    monkeypatch.chdir(tmp_path)
    found = list(_GENERATOR.finditer(PAGE.read_text(encoding="utf-8")))
    assert len(found) == 2
    for match in found:
        assert made_up(shlex.split(match["args"])) == match["shown"]


@needs_docs
def test_the_page_is_in_the_table_of_contents() -> None:
    index = (ROOT / "docs" / "index.md").read_text(encoding="utf-8").splitlines()
    assert index.index("keeping-current") == index.index("loading") + 1
