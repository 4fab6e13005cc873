"""Figures (optional extra ``apmbc[plot]``): rendered to PNG, with title, labels and legend."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import apmbc
from apmbc import MissingExtraError
from apmbc.plot import POSITION_COLOURS, parties_over_time, voting_record

pytest.importorskip("matplotlib", reason="matplotlib is not installed (optional extra apmbc[plot])")

PNG = b"\x89PNG\r\n\x1a\n"


def _legend_texts(ax: object) -> list[str]:
    legend = ax.get_legend()  # type: ignore[attr-defined]
    assert legend is not None
    return [t.get_text() for t in legend.get_texts()]


def test_parties_over_time_renders_with_title_labels_and_legend(tmp_path: Path) -> None:
    fig = parties_over_time(apmbc.load())
    path = tmp_path / "parties.png"
    fig.savefig(path, dpi=60)
    data = path.read_bytes()
    assert len(data) > 10_000 and data.startswith(PNG)
    ax = fig.axes[0]
    assert "States Parties" in ax.get_title()
    assert "161 bound on 2026-12-01" in ax.get_title()
    assert ax.get_xlabel() == "Date"
    assert ax.get_ylabel() == "Number of States"
    assert _legend_texts(ax) == [
        "Deposited, not yet in force (joining)",
        "Of which withdrawal notified, not yet effective",
        "States Parties (Convention in force)",
        "Withdrawal took effect",
    ]


def test_parties_over_time_counts_and_withdrawals() -> None:
    fig = parties_over_time(apmbc.load())
    ax = fig.axes[0]
    step = next(line for line in ax.get_lines() if line.get_label().startswith("States Parties"))
    counts = list(step.get_ydata())
    assert counts[0] == 0  # nothing in force before 1 March 1999
    assert max(counts) == 166
    assert counts[-1] == 161
    marks = next(line for line in ax.get_lines() if line.get_label() == "Withdrawal took effect")
    assert len(marks.get_xdata()) == 3  # three dates: 27 Dec 2025, 10 Jan 2026, 20 Feb 2026
    inset_text = " ".join(t.get_text() for a in fig.axes[0].child_axes for t in a.texts)
    assert "27 Dec 2025: EST, LTU, LVA" in inset_text
    assert "10 Jan 2026: FIN" in inset_text
    assert "20 Feb 2026: POL" in inset_text


def test_voting_record_renders_with_title_labels_and_legend(tmp_path: Path) -> None:
    fig = voting_record(apmbc.load(), ["CUB", "China", "USA"])
    path = tmp_path / "votes.png"
    fig.savefig(path, dpi=60)
    assert path.stat().st_size > 5_000 and path.read_bytes().startswith(PNG)
    ax = fig.axes[0]
    assert "plenary" in ax.get_title()
    assert ax.get_xlabel() == "UN General Assembly session"
    assert ax.get_ylabel() == "State"
    assert _legend_texts(ax) == ["yes", "no", "abstain", "absent", "no record"]
    assert [t.get_text() for t in ax.get_yticklabels()] == [
        "Cuba (CUB)",
        "China (CHN)",
        "United States (USA)",
    ]


def test_voting_record_cells_follow_the_votes() -> None:
    ds = apmbc.load()
    fig = voting_record(ds, ["CUB", "CHN", "SSD"])
    grid = fig.axes[0].images[0].get_array()
    order = list(POSITION_COLOURS)
    sessions = [int(t.get_text()) for t in fig.axes[0].get_xticklabels()]
    assert sessions == list(range(52, 81))
    assert {int(v) for v in grid[0]} == {order.index("abstain")}
    assert int(grid[1][sessions.index(59)]) == order.index("abstain")
    assert int(grid[1][sessions.index(60)]) == order.index("yes")
    assert int(grid[2][sessions.index(65)]) == order.index("no record")  # before UN membership
    assert int(grid[2][sessions.index(67)]) == order.index("yes")


def test_voting_record_first_committee_has_no_records() -> None:
    fig = voting_record(apmbc.load(), ["CHN", "CUB"], forum="first_committee")
    grid = fig.axes[0].images[0].get_array()
    order = list(POSITION_COLOURS)
    no_record, abstain, yes = (order.index(p) for p in ("no record", "abstain", "yes"))
    sessions = [int(t.get_text()) for t in fig.axes[0].get_xticklabels()]
    # The session-70 roll call is the only First Committee record of China.
    assert int(grid[0][sessions.index(70)]) == yes
    assert {int(v) for i, v in enumerate(grid[0]) if sessions[i] != 70} == {no_record}
    # Cuba abstained in session 70 (roll call) and 73 and 76 (its profile page).
    assert sorted(int(v) for v in grid[1]).count(abstain) == 3
    assert "First Committee" in fig.axes[0].get_title()


def test_voting_record_needs_known_states() -> None:
    with pytest.raises(apmbc.UnknownStateError):
        voting_record(apmbc.load(), ["Cubaa"])
    with pytest.raises(ValueError, match="at least one State"):
        voting_record(apmbc.load(), [])


def test_missing_matplotlib_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    with pytest.raises(MissingExtraError) as info:
        parties_over_time(apmbc.load())
    assert isinstance(info.value, ImportError)
    assert 'pip install "apmbc[plot]"' in str(info.value)
